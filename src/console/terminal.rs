//! The terminal: raw mode and the alternate screen on start, and the terminal restored on every
//! way out (normal exit, panic, SIGTERM, SIGHUP).

use std::io::{self, Write};
use std::os::unix::fs::OpenOptionsExt;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;
use std::time::Duration;

use super::backend::{LeanBackend, restore_sequence};
use crossterm::terminal::{self, EnterAlternateScreen, LeaveAlternateScreen};
use crossterm::{execute, queue};

/// The console's screen: a lean backend over a frame buffer that leaves in one write.
pub type Screen = super::screen::Screen<FrameOut>;

/// The console's output: a frame is collected, then leaves the process in one `write(2)` on
/// the terminal (DESIGN 4: sshd sends each write as its own packet). Rust's stdout is
/// line-buffered and would flush at every newline inside the frame (a scroll's line feeds, a
/// move to the next row), so this writes to the descriptor itself.
#[derive(Debug, Default)]
pub struct FrameOut {
    frame: Vec<u8>,
}

impl Write for FrameOut {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        self.frame.extend_from_slice(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        let frame = std::mem::take(&mut self.frame);
        // Whatever stdout itself still holds goes first.
        io::stdout().flush()?;
        write_all_fd(libc::STDOUT_FILENO, &frame)
    }
}

/// `write(2)` until all of `data` is out (one call unless the terminal takes it in parts).
fn write_all_fd(fd: libc::c_int, mut data: &[u8]) -> io::Result<()> {
    while !data.is_empty() {
        // SAFETY: `data` is a valid slice for its length; `fd` is this process's own descriptor.
        let n = unsafe { libc::write(fd, data.as_ptr().cast(), data.len()) };
        if n < 0 {
            let e = io::Error::last_os_error();
            if e.kind() == io::ErrorKind::Interrupted {
                continue;
            }
            return Err(e);
        }
        if n == 0 {
            return Err(io::ErrorKind::WriteZero.into());
        }
        data = &data[usize::try_from(n).unwrap_or(data.len())..];
    }
    Ok(())
}

static ACTIVE: AtomicBool = AtomicBool::new(false);

/// Leaves raw mode and the alternate screen, resets colours and shows the cursor. Safe to call
/// more than once and from a signal thread or a panic hook: only the first call acts.
pub fn restore() {
    if !ACTIVE.swap(false, Ordering::SeqCst) {
        return;
    }
    let mut out = io::stdout();
    let _ = out.write_all(restore_sequence());
    let _ = execute!(
        out,
        crossterm::event::DisableBracketedPaste,
        LeaveAlternateScreen
    );
    let _ = terminal::disable_raw_mode();
    let _ = out.flush();
}

/// Restores the terminal when dropped.
pub struct Guard;

impl Drop for Guard {
    fn drop(&mut self) {
        restore();
    }
}

/// Raw mode, the alternate screen, a panic hook and SIGTERM/SIGHUP handlers that restore the
/// terminal. No mouse capture (DESIGN 4: the terminal's own selection keeps working).
pub fn enter() -> io::Result<(Screen, Guard)> {
    terminal::enable_raw_mode()?;
    ACTIVE.store(true, Ordering::SeqCst);
    let guard = Guard;
    let mut out = io::stdout();
    // Bracketed paste: a pasted text arrives as one event, never as keys that could act.
    queue!(
        out,
        EnterAlternateScreen,
        crossterm::event::EnableBracketedPaste
    )?;
    out.flush()?;

    let default_hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore();
        default_hook(info);
    }));
    install_signal_handlers()?;

    // A whole frame goes out in one write, one TCP segment train over SSH.
    let backend = LeanBackend::new(FrameOut::default());
    let screen = Screen::new(backend)?;
    Ok((screen, guard))
}

/// SIGTERM (shutdown), SIGHUP (the SSH link dropped), SIGQUIT: restore the terminal and exit.
/// Nothing is lost: every change was already flushed to the database before it was acknowledged.
///
/// The process ends within [`RESTORE_GRACE`] whatever the terminal does: a terminal that stopped
/// reading (a frozen SSH link, a stopped multiplexer) leaves the loop's write blocked while it
/// holds stdout, and a restore through stdout would wait for it for ever.
fn install_signal_handlers() -> io::Result<()> {
    use signal_hook::consts::{SIGHUP, SIGQUIT, SIGTERM};
    let mut signals = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGQUIT])?;
    std::thread::Builder::new()
        .name("signals".into())
        .spawn(move || {
            if let Some(sig) = signals.forever().next() {
                // What must outlive the link (a form's draft) first, then the terminal.
                run_at_signal(AT_SIGNAL_GRACE);
                restore_within_grace();
                // SAFETY: _exit has no preconditions. Not `process::exit`: it would flush
                // stdout, which may wait for the terminal like everything else here.
                unsafe { libc::_exit(128 + sig) }
            }
        })?;
    Ok(())
}

/// What the console does when a signal ends it, before the terminal is restored: save what
/// was typed and not yet saved (issue 8 section 4: the draft survives a dropped SSH link).
type AtSignal = Box<dyn Fn() + Send + Sync>;

static AT_SIGNAL: std::sync::Mutex<Option<AtSignal>> = std::sync::Mutex::new(None);

/// Sets (or, with `None`, clears) what runs when SIGTERM, SIGHUP or SIGQUIT ends the console,
/// before the terminal is restored. It gets [`AT_SIGNAL_GRACE`]: the process ends within a
/// second whatever it does. It must not write to the terminal (which may not read any more).
pub fn at_signal(hook: Option<AtSignal>) {
    *AT_SIGNAL.lock().unwrap_or_else(|p| p.into_inner()) = hook;
}

/// How long the [`at_signal`] hook may take before the process ends without it.
pub const AT_SIGNAL_GRACE: Duration = Duration::from_millis(400);

/// Runs the [`at_signal`] hook on a thread of its own, waiting at most `grace` for it; `true`
/// if it finished (or there is none).
fn run_at_signal(grace: Duration) -> bool {
    let (done, finished) = mpsc::channel();
    let helper = std::thread::Builder::new()
        .name("at-signal".into())
        .spawn(move || {
            if let Some(hook) = AT_SIGNAL.lock().unwrap_or_else(|p| p.into_inner()).as_ref() {
                hook();
            }
            let _ = done.send(());
        });
    helper.is_ok() && finished.recv_timeout(grace).is_ok()
}

/// How long a signal waits for the terminal to take the restore sequence through stdout.
pub const RESTORE_GRACE: Duration = Duration::from_millis(300);

/// Restores the terminal through stdout if that is done within [`RESTORE_GRACE`]; otherwise
/// leaves raw mode and tries the restore sequence once without waiting.
fn restore_within_grace() {
    if !ACTIVE.load(Ordering::SeqCst) {
        return;
    }
    let (done, finished) = mpsc::channel();
    let helper = std::thread::Builder::new()
        .name("restore".into())
        .spawn(move || {
            restore();
            let _ = done.send(());
        });
    if helper.is_ok() && finished.recv_timeout(RESTORE_GRACE).is_ok() {
        return;
    }
    restore_without_waiting();
}

/// Leaves raw mode (a terminal setting: it never waits for output) and offers the restore
/// sequence to the terminal once, through a non-blocking descriptor of its own: fd 1's flags are
/// shared with the shell that started the console and stay as they are. If the terminal takes
/// nothing, the sequence is skipped; the shell's next prompt resets what matters.
fn restore_without_waiting() {
    let _ = terminal::disable_raw_mode();
    let mut sequence = restore_sequence().to_vec();
    sequence.extend_from_slice(LEAVE_ALTERNATE_SCREEN);
    let reopened = std::fs::OpenOptions::new()
        .write(true)
        .custom_flags(libc::O_NONBLOCK | libc::O_NOCTTY)
        .open("/proc/self/fd/1");
    if let Ok(mut tty) = reopened {
        let _ = tty.write(&sequence);
    }
}

/// DEC private mode 1049 off: the normal screen, as before the console started.
const LEAVE_ALTERNATE_SCREEN: &[u8] = b"\x1b[?1049l";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_signal_hook_runs_once_set_and_not_once_cleared() {
        use std::sync::Arc;
        use std::sync::atomic::AtomicUsize;
        let runs = Arc::new(AtomicUsize::new(0));
        let counter = Arc::clone(&runs);
        at_signal(Some(Box::new(move || {
            counter.fetch_add(1, Ordering::SeqCst);
        })));
        // The hook's own thread: waited for as long as it takes here (no timing in the test).
        assert!(run_at_signal(Duration::from_secs(3600)));
        assert_eq!(runs.load(Ordering::SeqCst), 1);
        at_signal(None);
        assert!(run_at_signal(Duration::from_secs(3600)));
        assert_eq!(runs.load(Ordering::SeqCst), 1);
    }

    #[test]
    fn the_raw_leave_sequence_is_the_one_crossterm_sends() {
        let mut s = String::new();
        crossterm::Command::write_ansi(&LeaveAlternateScreen, &mut s).unwrap();
        assert_eq!(s.as_bytes(), LEAVE_ALTERNATE_SCREEN);
    }
}

//! The terminal: raw mode and the alternate screen on start, and the terminal restored on every
//! way out (normal exit, panic, SIGTERM, SIGHUP).

use std::io::{self, BufWriter, Stdout, Write};
use std::os::unix::fs::OpenOptionsExt;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;
use std::time::Duration;

use super::backend::{LeanBackend, restore_sequence};
use crossterm::terminal::{self, EnterAlternateScreen, LeaveAlternateScreen};
use crossterm::{execute, queue};

/// The console's screen: a lean backend over buffered stdout, flushed once a frame.
pub type Screen = super::screen::Screen<BufWriter<Stdout>>;

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

    // 64 KiB: a whole frame goes out in one write, one TCP segment train over SSH.
    let backend = LeanBackend::new(BufWriter::with_capacity(1 << 16, io::stdout()));
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
                restore_within_grace();
                // SAFETY: _exit has no preconditions. Not `process::exit`: it would flush
                // stdout, which may wait for the terminal like everything else here.
                unsafe { libc::_exit(128 + sig) }
            }
        })?;
    Ok(())
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
    fn the_raw_leave_sequence_is_the_one_crossterm_sends() {
        let mut s = String::new();
        crossterm::Command::write_ansi(&LeaveAlternateScreen, &mut s).unwrap();
        assert_eq!(s.as_bytes(), LEAVE_ALTERNATE_SCREEN);
    }
}

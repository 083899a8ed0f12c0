//! The terminal: raw mode and the alternate screen on start, and the terminal restored on every
//! way out (normal exit, panic, SIGTERM, SIGHUP).

use std::io::{self, BufWriter, Stdout, Write};
use std::sync::atomic::{AtomicBool, Ordering};

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
    let _ = execute!(out, LeaveAlternateScreen);
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
    queue!(out, EnterAlternateScreen)?;
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
fn install_signal_handlers() -> io::Result<()> {
    use signal_hook::consts::{SIGHUP, SIGQUIT, SIGTERM};
    let mut signals = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGQUIT])?;
    std::thread::Builder::new()
        .name("signals".into())
        .spawn(move || {
            if let Some(sig) = signals.forever().next() {
                restore();
                std::process::exit(128 + sig);
            }
        })?;
    Ok(())
}

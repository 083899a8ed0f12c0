//! The console end to end in a real pseudo-terminal (tmux at 80x24): start on a demo database,
//! navigate, filter, open a case, quit; the terminal is restored, after `q` and after SIGTERM.
//! Keys typed ahead act on the screen they were typed for; a resize storm does not kill it; a
//! signal ends it even when the terminal stopped reading.

use std::path::Path;
use std::process::Command;
use std::thread::sleep;
use std::time::{Duration, Instant};

mod common;

use common::tmux::{Tmux, console_cmd, demo_db};

#[test]
fn navigate_filter_open_and_quit() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    let t = Tmux::start(&console_cmd(&db, dir.path()));
    let first = t.wait_for("Open cases");
    // At 80 columns the counts take the row glyphs: "!12 *5 +3 E40 N7".
    assert!(first.contains("│ !"), "{first}");
    t.keys(&["j", "j", "j"]);
    t.keys(&["Enter"]);
    t.wait_for("Parties");
    t.keys(&["w"]);
    t.wait_for("Registered on");
    // A lone Esc: sent apart from the next key, or the terminal reads ESC + key as Alt-key.
    t.keys(&["Escape"]);
    t.wait_for("Open cases");
    t.keys(&["/"]);
    t.literal("KZ-2026");
    t.wait_for("Filter: KZ-2026");
    t.keys(&["Enter"]);
    t.keys(&["?"]);
    t.wait_for("Keys");
    t.keys(&["Escape"]);
    t.wait_for("Open cases");
    t.keys(&["q"]);
    let end = t.wait_for("DONE");
    assert!(end.contains("EXITED 0"), "{end}");
    assert!(
        end.lines().any(|l| l.trim() == "icanon"),
        "the terminal is back in canonical mode:\n{end}"
    );
}

#[test]
fn sigterm_restores_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    let t = Tmux::start(&console_cmd(&db, dir.path()));
    t.wait_for("Open cases");
    let pid = t.console_pid();
    assert!(
        Command::new("kill")
            .args(["-TERM", &pid])
            .status()
            .unwrap()
            .success()
    );
    let end = t.wait_for("DONE");
    assert!(end.contains("EXITED 143"), "{end}");
    assert!(end.lines().any(|l| l.trim() == "icanon"), "{end}");
}

#[test]
fn user_settings_and_a_bad_keymap_line() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    std::fs::write(
        dir.path().join("config.toml"),
        "lang = \"ru\"\ncolour = \"red\"\nlow_bandwidth = true\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("keymap.toml"),
        "[queue]\nx = \"explode\"\nz = \"move-down\"\n",
    )
    .unwrap();
    let cmd = format!(
        "MERZIM_CONFIG_DIR={} {} --db {} --today 2026-11-23; echo EXITED $?; echo DONE; sleep 60",
        dir.path().display(),
        env!("CARGO_BIN_EXE_merzim"),
        db.display()
    );
    let t = Tmux::start(&cmd);
    // Russian from config.toml, its bad line reported on the bottom line, the good ones kept;
    // the bad keymap line after it.
    let first = t.wait_for("Открытые дела");
    let last = |s: &str| s.lines().last().unwrap_or("").to_string();
    assert!(
        last(&first).starts_with("[1/2, Esc — скрыть] config.toml:2: настройки 'colour' нет"),
        "{first}"
    );
    t.keys(&["z"]);
    t.keys(&["z"]);
    // Low-bandwidth profile: the selection is a marker in the first column, now on the third row.
    let s = t.wait_until("the marker on the third case", |s| {
        s.lines().position(|l| l.starts_with('▶')) == Some(4)
    });
    let marked: Vec<&str> = s.lines().filter(|l| l.starts_with('▶')).collect();
    assert_eq!(marked.len(), 1, "{s}");
    // Keys that move leave the problem in place; Esc dismisses it, and the next one shows.
    assert!(last(&s).contains("'colour'"), "{s}");
    t.keys(&["Escape"]);
    let s = t.wait_for("[2/2");
    assert!(last(&s).contains("explode"), "{s}");
    t.keys(&["Escape"]);
    let s = t.wait_until("the key hints", |s| last(s).contains("справка"));
    assert!(!s.contains("explode"), "{s}");
    t.keys(&["q"]);
    t.wait_for("DONE");
}

/// Sends `keys` in one `send-keys` (one write to the terminal, so the console reads them all at
/// once), then `?` on its own: when the help is up, every key before it was handled.
fn typed_ahead(t: &Tmux, keys: &[&str]) -> String {
    t.keys(keys);
    t.keys(&["?"]);
    let s = t.wait_for("Keys ·");
    assert!(!s.contains("EXITED"), "the console quit:\n{s}");
    // A lone Esc, seen to act before the next key: Esc and a key in one read are Alt-key.
    t.keys(&["Escape"]);
    t.wait_until("the help closed", |s| !s.contains("Keys ·"));
    s
}

#[test]
fn keys_typed_ahead_act_on_the_screen_they_open() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    let t = Tmux::start(&console_cmd(&db, dir.path()));
    t.wait_for("Open cases");

    // `q` right after Enter closes the case Enter opened; on the queue it would quit.
    let s = typed_ahead(&t, &["Enter", "q"]);
    assert!(s.contains("Keys · Queue"), "back on the queue:\n{s}");
    t.wait_for("Open cases");

    // `w` right after the Enter that opens the filtered case shows why its date is what it is.
    t.keys(&["/", "000156", "Enter", "Enter", "w"]);
    let s = t.wait_for("Registered on");
    assert!(s.contains("KZ-2026-000156 │"), "{s}");
    let s = typed_ahead(&t, &[]);
    assert!(s.contains("Keys · Case"), "{s}");
    t.keys(&["q"]);
    t.wait_for("Open cases");

    // Tab right after `:open NUMBER Enter` goes to the second section of that case.
    t.keys(&[":", "open KZ-2026-000094", "Enter", "Tab"]);
    let s = t.wait_for("Subject:");
    assert!(s.contains("KZ-2026-000094 │"), "{s}");
    t.keys(&["q"]);
    t.wait_for("Open cases");
    t.keys(&["q"]);
    let end = t.wait_for("DONE");
    assert!(end.contains("EXITED 0"), "{end}");
}

/// More than a thousand resizes a second for two seconds, to sizes from 1x1 to 300x100, while
/// keys are typed: the console lives through it and then draws the right screen at the final
/// size. tmux folds the resizes it is asked for between two of its frames into one, so the storm
/// sets the size on the pane's terminal directly (each change is a SIGWINCH), with tmux's own
/// resizes and the keys from another thread.
#[test]
fn a_resize_storm_while_typing() {
    use std::os::fd::AsRawFd;
    use std::os::unix::fs::OpenOptionsExt;
    use std::sync::Arc;
    use std::sync::atomic::{AtomicBool, Ordering};

    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    let t = Tmux::start(&console_cmd(&db, dir.path()));
    t.wait_for("Open cases");
    let pid = t.console_pid();
    let tty = Command::new("tmux")
        .args([
            "-L",
            &t.socket,
            "display",
            "-p",
            "-t",
            &t.target,
            "#{pane_tty}",
        ])
        .output()
        .unwrap();
    let tty = String::from_utf8(tty.stdout).unwrap().trim().to_string();
    let tty = std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .custom_flags(libc::O_NOCTTY)
        .open(&tty)
        .unwrap();

    let stop = Arc::new(AtomicBool::new(false));
    let typist = {
        let stop = Arc::clone(&stop);
        let socket = t.socket.clone();
        std::thread::spawn(move || {
            // Never `q` on the queue: `q` only right after the Enter that opens a case.
            let keys = ["j", "k", "Enter", "Tab", "G", "j", "q", "g"];
            let mut n = 0usize;
            while !stop.load(Ordering::SeqCst) {
                let (w, h) = ((n * 37) % 150 + 1, (n * 13) % 50 + 1);
                let (w, h) = (w.to_string(), h.to_string());
                let key = keys[n % keys.len()];
                let _ = Command::new("tmux")
                    .args([
                        "-L",
                        &socket,
                        "resize-window",
                        "-t",
                        "t",
                        "-x",
                        &w,
                        "-y",
                        &h,
                    ])
                    .status();
                let _ = Command::new("tmux")
                    .args(["-L", &socket, "send-keys", "-t", "t", key])
                    .status();
                n += 1;
            }
            n
        })
    };
    // A fixed number of resizes, not a fixed time: on a loaded machine the storm takes longer
    // but is the same storm.
    let mut resizes = 0u32;
    while resizes < 2000 {
        let size = libc::winsize {
            ws_row: (resizes * 13 % 100) as u16,
            ws_col: (resizes * 37 % 300) as u16 + 1,
            ws_xpixel: 0,
            ws_ypixel: 0,
        };
        // SAFETY: a valid descriptor and winsize.
        unsafe { libc::ioctl(tty.as_raw_fd(), libc::TIOCSWINSZ, &size) };
        resizes += 1;
        sleep(Duration::from_micros(500));
    }
    stop.store(true, Ordering::SeqCst);
    let typed = typist.join().unwrap();
    assert!(
        resizes >= 2000 && typed >= 10,
        "{resizes} resizes, {typed} keys"
    );
    t.tmux(&["resize-window", "-t", "t", "-x", "100", "-y", "30"]);
    assert!(
        Command::new("kill")
            .args(["-0", &pid])
            .status()
            .unwrap()
            .success(),
        "the console died in the storm: {:?}\n{}",
        std::fs::read_to_string(dir.path().join("stderr")),
        t.screen()
    );
    // Back to the top of the queue, whatever screen the storm's keys left open.
    t.keys(&["Escape"]);
    sleep(Duration::from_millis(300));
    t.keys(&["Escape"]);
    sleep(Duration::from_millis(300));
    t.keys(&["g"]);
    let s = t.wait_until("the queue at 100x30, from its first case", |s| {
        let lines: Vec<&str> = s.lines().collect();
        lines.len() == 30
            && lines[0].contains("Open cases")
            // The shared beginning of the numbers is in the column title on narrow screens.
            && lines[1].contains("KZ-2026-")
            && lines[2].contains(" 000094 ")
            && lines[3..29].iter().all(|l| {
                l.split_whitespace()
                    .nth(1)
                    .is_some_and(|n| n.len() == 6 && n.bytes().all(|b| b.is_ascii_digit()))
            })
            && lines[29].contains("quit")
    });
    assert!(s.lines().all(|l| l.chars().count() <= 100), "{s}");
    t.keys(&["q"]);
    let end = t.wait_for("DONE");
    assert!(end.contains("EXITED 0"), "{end}");
}

/// A pseudo-terminal that stops taking output once the console is up: its output is suspended
/// (as by Ctrl-S on a terminal that honours it) and nobody reads it, so the console's writes
/// block, as on a frozen SSH link.
struct DeafPty {
    master: std::os::fd::OwnedFd,
    /// Kept to suspend the output.
    slave: std::os::fd::OwnedFd,
    child: std::process::Child,
}

impl DeafPty {
    fn start(db: &Path, config: &Path) -> DeafPty {
        use std::os::fd::{FromRawFd, OwnedFd};
        use std::os::unix::process::CommandExt;
        let (mut master, mut slave) = (0, 0);
        let size = libc::winsize {
            ws_row: 24,
            ws_col: 80,
            ws_xpixel: 0,
            ws_ypixel: 0,
        };
        // SAFETY: openpty writes two descriptors; the size is a valid winsize.
        let rc = unsafe {
            libc::openpty(
                &mut master,
                &mut slave,
                std::ptr::null_mut(),
                std::ptr::null(),
                &size,
            )
        };
        assert_eq!(rc, 0, "openpty: {}", std::io::Error::last_os_error());
        // SAFETY: both descriptors were just opened and are owned here.
        let (master, slave) =
            unsafe { (OwnedFd::from_raw_fd(master), OwnedFd::from_raw_fd(slave)) };
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_merzim"));
        cmd.args(["--today", "2026-11-23", "--lang", "en", "--db"])
            .arg(db)
            .env("MERZIM_CONFIG_DIR", config)
            .env("TERM", "xterm-256color")
            .stdin(slave.try_clone().unwrap())
            .stdout(slave.try_clone().unwrap())
            .stderr(slave.try_clone().unwrap());
        // SAFETY: only async-signal-safe calls between fork and exec.
        unsafe {
            cmd.pre_exec(|| {
                // Its own session with the pty as its terminal, as a login shell would have.
                if libc::setsid() < 0 || libc::ioctl(0, libc::TIOCSCTTY, 0) < 0 {
                    return Err(std::io::Error::last_os_error());
                }
                Ok(())
            });
        }
        let child = cmd.spawn().unwrap();
        DeafPty {
            master,
            slave,
            child,
        }
    }

    /// Reads what the console writes until `needle` has come (20 s at most).
    fn read_until(&self, needle: &str) {
        use std::os::fd::AsRawFd;
        let start = Instant::now();
        let mut seen = Vec::new();
        while !String::from_utf8_lossy(&seen).contains(needle) {
            assert!(
                start.elapsed() < Duration::from_secs(20),
                "'{needle}' never came: {}",
                String::from_utf8_lossy(&seen)
            );
            let mut poll = libc::pollfd {
                fd: self.master.as_raw_fd(),
                events: libc::POLLIN,
                revents: 0,
            };
            let mut chunk = [0u8; 4096];
            // SAFETY: one valid pollfd; a read into a buffer of its length.
            unsafe {
                if libc::poll(&mut poll, 1, 100) > 0 {
                    let n = libc::read(self.master.as_raw_fd(), chunk.as_mut_ptr().cast(), 4096);
                    if n > 0 {
                        seen.extend_from_slice(&chunk[..n as usize]);
                    }
                }
            }
        }
    }

    /// The terminal takes no more output: every write to it waits.
    fn stop_output(&self) {
        use std::os::fd::AsRawFd;
        // SAFETY: a valid terminal descriptor.
        let rc = unsafe { libc::tcflow(self.slave.as_raw_fd(), libc::TCOOFF) };
        assert_eq!(rc, 0, "tcflow: {}", std::io::Error::last_os_error());
    }

    /// Resizes the terminal: the console repaints everything (at 200x60, 10-20 KB).
    fn provoke(&self, cols: u16) {
        use std::os::fd::AsRawFd;
        let size = libc::winsize {
            ws_row: 60,
            ws_col: cols,
            ws_xpixel: 0,
            ws_ypixel: 0,
        };
        // SAFETY: a valid descriptor and winsize.
        unsafe { libc::ioctl(self.master.as_raw_fd(), libc::TIOCSWINSZ, &size) };
    }

    /// Whether the console's main thread is waiting in `write(2)` (its `/proc` entry says which
    /// system call it is in).
    fn blocked_in_write(&self) -> bool {
        let pid = self.child.id();
        std::fs::read_to_string(format!("/proc/{pid}/syscall"))
            .ok()
            .and_then(|s| s.split_whitespace().next().map(str::to_string))
            == Some(libc::SYS_write.to_string())
    }
}

impl Drop for DeafPty {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A signal ends the console within a second or two even though its terminal reads nothing.
fn signal_ends_a_console_whose_terminal_reads_nothing(signal: i32, name: &str) {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    let mut pty = DeafPty::start(&db, dir.path());
    pty.read_until("KZ-2026-");
    pty.stop_output();
    // Repaints (a resize each) until the console is seen waiting in write(2) ten times running.
    let start = Instant::now();
    let mut blocked_for = 0;
    let mut round = 0u16;
    while blocked_for < 10 {
        round += 1;
        pty.provoke(199 + round % 2);
        sleep(Duration::from_millis(10));
        assert!(
            pty.child.try_wait().unwrap().is_none(),
            "the console ended early"
        );
        blocked_for = if pty.blocked_in_write() {
            blocked_for + 1
        } else {
            0
        };
        assert!(
            start.elapsed() < Duration::from_secs(30),
            "the console never blocked in write(2): {:?}",
            std::fs::read_to_string(format!("/proc/{}/syscall", pty.child.id()))
        );
    }
    let pid = pty.child.id() as i32;
    // SAFETY: a signal to our own child.
    assert_eq!(unsafe { libc::kill(pid, signal) }, 0);
    let sent = Instant::now();
    let status = loop {
        if let Some(status) = pty.child.try_wait().unwrap() {
            break status;
        }
        assert!(
            sent.elapsed() < Duration::from_secs(2),
            "the console ignored {name} for 2 s while its terminal read nothing"
        );
        sleep(Duration::from_millis(20));
    };
    assert_eq!(status.code(), Some(128 + signal), "{name}: {status:?}");
}

#[test]
fn sigterm_ends_a_console_whose_terminal_reads_nothing() {
    signal_ends_a_console_whose_terminal_reads_nothing(libc::SIGTERM, "SIGTERM");
}

#[test]
fn sighup_ends_a_console_whose_terminal_reads_nothing() {
    signal_ends_a_console_whose_terminal_reads_nothing(libc::SIGHUP, "SIGHUP");
}

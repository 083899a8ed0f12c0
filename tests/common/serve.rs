//! The real daemon for end-to-end tests: a demo database and `merzim serve` on a socket beside
//! it, killed when dropped.
#![allow(dead_code)]

use std::os::unix::fs::PermissionsExt;
use std::os::unix::net::UnixStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

pub const BIN: &str = env!("CARGO_BIN_EXE_merzim");
pub const TODAY: &str = "2026-11-20";

/// A demo database in a directory others may traverse (the other-uid tests connect to a
/// socket inside it).
pub fn demo(cases: usize) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o755)).expect("chmod");
    let out = Command::new(BIN)
        .args(["--today", TODAY, "--db"])
        .arg(dir.path().join("db"))
        .args(["demo", "--cases", &cases.to_string()])
        .output()
        .expect("merzim demo runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    dir
}

/// A running daemon, killed when dropped.
pub struct Daemon {
    pub child: Child,
    pub socket: PathBuf,
    pub db: PathBuf,
    pub log: PathBuf,
}

impl Daemon {
    pub fn start(dir: &Path, extra: &[&str]) -> Daemon {
        Daemon::start_on(dir, &dir.join("db"), extra)
    }

    pub fn start_on(dir: &Path, db: &Path, extra: &[&str]) -> Daemon {
        let socket = dir.join("merzim.sock");
        let log = dir.join("serve.log");
        let mut child = Command::new(BIN)
            .args(["--today", TODAY, "--db"])
            .arg(db)
            .arg("serve")
            .arg("--socket")
            .arg(&socket)
            .args(extra)
            .stdout(Stdio::null())
            .stderr(std::fs::File::create(dir.join("serve.stderr")).expect("stderr file"))
            .arg("--log")
            .arg(&log)
            .spawn()
            .expect("merzim serve starts");
        let until = Instant::now() + Duration::from_secs(20);
        while UnixStream::connect(&socket).is_err() {
            if let Some(status) = child.try_wait().expect("wait") {
                panic!(
                    "merzim serve exited with {status}: {}",
                    std::fs::read_to_string(dir.join("serve.stderr")).unwrap_or_default()
                );
            }
            assert!(
                Instant::now() < until,
                "merzim serve did not listen in time"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
        Daemon {
            child,
            socket,
            db: db.to_path_buf(),
            log,
        }
    }

    pub fn signal(&self, sig: libc::c_int) {
        // SAFETY: kill with the pid of a child this test started.
        assert_eq!(
            unsafe { libc::kill(self.child.id() as libc::pid_t, sig) },
            0
        );
    }

    /// Waits for the daemon to exit: its status code (`None`: killed by a signal).
    pub fn wait(&mut self, within: Duration) -> Option<i32> {
        let until = Instant::now() + within;
        loop {
            if let Some(s) = self.child.try_wait().expect("wait") {
                return s.code();
            }
            assert!(Instant::now() < until, "the daemon did not exit in time");
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    pub fn log_text(&self) -> String {
        std::fs::read_to_string(&self.log).unwrap_or_default()
    }

    /// The daemon's resident memory, in KiB.
    pub fn rss_kib(&self) -> u64 {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.child.id()))
            .expect("the daemon's /proc status");
        status
            .lines()
            .find_map(|l| l.strip_prefix("VmRSS:"))
            .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
            .expect("VmRSS")
    }
}

impl Drop for Daemon {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

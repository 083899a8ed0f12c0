//! What the console's end-to-end tests share: a tmux server of their own (its socket named
//! per test), keys and pastes sent to it, the screen read back.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Command;
use std::thread::sleep;
use std::time::{Duration, Instant};

pub struct Tmux {
    pub socket: String,
    pub target: String,
}

impl Tmux {
    pub fn start(cmd: &str) -> Tmux {
        let socket = format!("merzim-test-{}-{}", std::process::id(), rand_suffix());
        let ok = Command::new("tmux")
            .args([
                "-L",
                &socket,
                "-f",
                "/dev/null",
                "new-session",
                "-d",
                "-x",
                "80",
                "-y",
                "24",
                "-s",
                "t",
                cmd,
            ])
            .env("TERM", "xterm-256color")
            .status()
            .expect("tmux is needed for this test (CI installs it)");
        assert!(ok.success());
        Tmux {
            socket,
            target: "t".into(),
        }
    }

    pub fn keys(&self, keys: &[&str]) {
        let mut args = vec!["-L", &self.socket, "send-keys", "-t", &self.target];
        args.extend_from_slice(keys);
        assert!(Command::new("tmux").args(&args).status().unwrap().success());
    }

    /// Pastes `text` as the terminal does with bracketed paste on (one event for the console).
    pub fn paste(&self, text: &str) {
        for args in [
            vec!["-L", self.socket.as_str(), "set-buffer", "--", text],
            vec![
                "-L",
                self.socket.as_str(),
                "paste-buffer",
                "-p",
                "-t",
                self.target.as_str(),
            ],
        ] {
            assert!(Command::new("tmux").args(&args).status().unwrap().success());
        }
    }

    pub fn literal(&self, text: &str) {
        assert!(
            Command::new("tmux")
                .args([
                    "-L",
                    &self.socket,
                    "send-keys",
                    "-l",
                    "-t",
                    &self.target,
                    text
                ])
                .status()
                .unwrap()
                .success()
        );
    }

    /// Any tmux command on this server.
    pub fn tmux(&self, args: &[&str]) {
        let mut all = vec!["-L", self.socket.as_str()];
        all.extend_from_slice(args);
        assert!(Command::new("tmux").args(&all).status().unwrap().success());
    }

    /// The console's pid: the child of the pane's shell.
    pub fn console_pid(&self) -> String {
        let pane = Command::new("tmux")
            .args([
                "-L",
                &self.socket,
                "list-panes",
                "-t",
                &self.target,
                "-F",
                "#{pane_pid}",
            ])
            .output()
            .unwrap();
        let shell = String::from_utf8(pane.stdout).unwrap().trim().to_string();
        let child = Command::new("pgrep")
            .args(["-P", &shell, "-x", "merzim"])
            .output()
            .unwrap();
        let pid = String::from_utf8(child.stdout).unwrap().trim().to_string();
        assert!(
            !pid.is_empty(),
            "no console process under the pane's shell {shell}"
        );
        pid
    }

    pub fn screen(&self) -> String {
        let out = Command::new("tmux")
            .args(["-L", &self.socket, "capture-pane", "-p", "-t", &self.target])
            .output()
            .unwrap();
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// Waits until the screen contains `needle` (10 s at most).
    pub fn wait_for(&self, needle: &str) -> String {
        self.wait_until(needle, |s| s.contains(needle))
    }

    /// Waits until `ok(screen)` holds (10 s at most); `what` names it in the failure.
    pub fn wait_until(&self, what: &str, ok: impl Fn(&str) -> bool) -> String {
        let start = Instant::now();
        loop {
            let s = self.screen();
            if ok(&s) {
                return s;
            }
            if start.elapsed() > Duration::from_secs(10) {
                panic!("'{what}' never appeared; the screen:\n{s}");
            }
            sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = Command::new("tmux")
            .args(["-L", &self.socket, "kill-server"])
            .status();
    }
}

pub fn rand_suffix() -> u128 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_nanos()
        % 1_000_000
}

/// A demo database of 300 cases as of 2026-11-23 in `dir`.
pub fn demo_db(dir: &Path) -> PathBuf {
    let db = dir.join("demo.db");
    let status = Command::new(env!("CARGO_BIN_EXE_merzim"))
        .args(["demo", "--cases", "300", "--today", "2026-11-23", "--db"])
        .arg(&db)
        .status()
        .unwrap();
    assert!(status.success());
    db
}

/// The console, then (after it exits) whether the terminal is back in canonical mode.
pub fn console_cmd(db: &Path, config: &Path) -> String {
    format!(
        "MERZIM_CONFIG_DIR={} {} --db {} --today 2026-11-23 --lang en 2>>{}/stderr; echo EXITED $?; stty -a | tr ' ' '\\n' | grep -x -- '-*icanon'; echo DONE; sleep 60",
        config.display(),
        env!("CARGO_BIN_EXE_merzim"),
        db.display(),
        config.display()
    )
}

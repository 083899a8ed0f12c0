//! The console end to end in a real pseudo-terminal (tmux at 80x24): start on a demo database,
//! navigate, filter, open a case, quit; the terminal is restored, after `q` and after SIGTERM.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::thread::sleep;
use std::time::{Duration, Instant};

struct Tmux {
    socket: String,
    target: String,
}

impl Tmux {
    fn start(cmd: &str) -> Tmux {
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

    fn keys(&self, keys: &[&str]) {
        let mut args = vec!["-L", &self.socket, "send-keys", "-t", &self.target];
        args.extend_from_slice(keys);
        assert!(Command::new("tmux").args(&args).status().unwrap().success());
    }

    fn literal(&self, text: &str) {
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

    fn screen(&self) -> String {
        let out = Command::new("tmux")
            .args(["-L", &self.socket, "capture-pane", "-p", "-t", &self.target])
            .output()
            .unwrap();
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// Waits until the screen contains `needle` (10 s at most).
    fn wait_for(&self, needle: &str) -> String {
        self.wait_until(needle, |s| s.contains(needle))
    }

    /// Waits until `ok(screen)` holds (10 s at most); `what` names it in the failure.
    fn wait_until(&self, what: &str, ok: impl Fn(&str) -> bool) -> String {
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

fn rand_suffix() -> u128 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_nanos()
        % 1_000_000
}

fn demo_db(dir: &Path) -> PathBuf {
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
fn console_cmd(db: &Path, config: &Path) -> String {
    format!(
        "MERZIM_CONFIG_DIR={} {} --db {} --today 2026-11-23 --lang en; echo EXITED $?; stty -a | tr ' ' '\\n' | grep -x -- '-*icanon'; echo DONE; sleep 60",
        config.display(),
        env!("CARGO_BIN_EXE_merzim"),
        db.display()
    )
}

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
    // The console is the child of the pane's shell.
    let pane = Command::new("tmux")
        .args([
            "-L",
            &t.socket,
            "list-panes",
            "-t",
            &t.target,
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
        "lang = \"ru\"\nlow_bandwidth = true\n",
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
    // Russian from config.toml, the bad line reported on the bottom line, the good one kept.
    let first = t.wait_for("Открытые дела");
    assert!(first.contains("explode"), "{first}");
    t.keys(&["z"]);
    t.keys(&["z"]);
    // Low-bandwidth profile: the selection is a marker in the first column, now on the third row.
    let s = t.wait_until("the marker on the third case", |s| {
        s.lines().position(|l| l.starts_with('▶')) == Some(4)
    });
    let marked: Vec<&str> = s.lines().filter(|l| l.starts_with('▶')).collect();
    assert_eq!(marked.len(), 1, "{s}");
    t.keys(&["q"]);
    t.wait_for("DONE");
}

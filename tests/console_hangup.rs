//! Hangup (issue 8 section 4): type Kazakh text into a form, send SIGHUP to the console while
//! keys are still arriving, start it again: the draft is offered and reopens with the text,
//! every keystroke older than 500 ms kept. In a real pseudo-terminal (tmux at 80x24).
//!
//! CI runs a few rounds; `scripts/hangup_test.sh N` runs N (`MERZIM_HANGUP_RUNS`).

use std::path::Path;
use std::process::Command;
use std::thread::sleep;
use std::time::{Duration, Instant};

mod common;

use common::tmux::Tmux;

/// The console on `db`, its pid written to `pid` (the shell execs it: the pane's process is
/// the console itself, and SIGHUP goes to it alone).
fn console_cmd(db: &Path, dir: &Path, pid: &Path) -> String {
    format!(
        "echo $$ > {}; exec env MERZIM_CONFIG_DIR={} {} --db {} --today 2026-11-23 --lang en",
        pid.display(),
        dir.display(),
        env!("CARGO_BIN_EXE_merzim"),
        db.display()
    )
}

fn read_pid(pid: &Path) -> i32 {
    let start = Instant::now();
    loop {
        if let Ok(s) = std::fs::read_to_string(pid)
            && let Ok(n) = s.trim().parse()
        {
            return n;
        }
        assert!(start.elapsed() < Duration::from_secs(10), "no pid");
        sleep(Duration::from_millis(20));
    }
}

fn alive(pid: i32) -> bool {
    Path::new(&format!("/proc/{pid}")).exists()
        && !std::fs::read_to_string(format!("/proc/{pid}/stat"))
            .unwrap_or_default()
            .contains(") Z ")
}

/// What the officer types: the first burst long before the hangup, the second right up to it.
const OLD: &str = "Әлия Серікқызы";
const NEW: &str = " Бекова, Алматы облысы";

/// One round: type, hang up mid-typing, start again, reopen. Returns how many characters of
/// the last burst were kept.
fn round(dir: &Path, db: &Path, i: usize) -> usize {
    let pid_file = dir.join(format!("pid-{i}"));
    let t = Tmux::start(&console_cmd(db, dir, &pid_file));
    let pid = read_pid(&pid_file);
    t.wait_for("new");
    t.keys(&["n"]);
    t.wait_for("New case");
    t.keys(&["Tab"]);
    t.literal(OLD);
    t.wait_for(OLD);
    // These keystrokes are older than 500 ms when the link drops.
    sleep(Duration::from_millis(550));
    t.literal(NEW);
    // The link drops while the last keys may still be on their way (a little later each round).
    sleep(Duration::from_millis((i as u64 * 7) % 40));
    let ok = Command::new("kill")
        .args(["-HUP", &pid.to_string()])
        .status()
        .unwrap();
    assert!(ok.success());
    let start = Instant::now();
    while alive(pid) {
        assert!(
            start.elapsed() < Duration::from_secs(5),
            "the console did not end on SIGHUP"
        );
        sleep(Duration::from_millis(20));
    }
    drop(t);

    // Started again: the draft is offered, and reopens with the text.
    let pid_file = dir.join(format!("pid-{i}-again"));
    let t = Tmux::start(&console_cmd(db, dir, &pid_file));
    let s = t.wait_for("Draft \"New case\" from");
    assert!(s.contains("reopen it? [y yes, n no]"), "{s}");
    t.keys(&["y"]);
    let s = t.wait_for(OLD);
    let line = s
        .lines()
        .find(|l| l.contains(OLD))
        .expect("the name field")
        .to_string();
    let after = &line[line.find(OLD).unwrap_or(0) + OLD.len()..];
    let kept = after.trim_end();
    assert!(
        NEW.starts_with(kept),
        "round {i}: the name reopened as '{OLD}{kept}', not '{OLD}' and a beginning of '{NEW}'"
    );
    let kept_chars = kept.chars().count();
    // Thrown away deliberately: the draft goes, and the next round starts clean.
    t.keys(&["Escape"]);
    t.wait_for("Throw away what you typed?");
    t.keys(&["y"]);
    t.wait_for("Open cases");
    t.keys(&["q"]);
    let pid = read_pid(&pid_file);
    let start = Instant::now();
    while alive(pid) {
        assert!(start.elapsed() < Duration::from_secs(5), "did not quit");
        sleep(Duration::from_millis(20));
    }
    kept_chars
}

#[test]
fn a_hangup_mid_typing_keeps_the_draft() {
    let runs: usize = std::env::var("MERZIM_HANGUP_RUNS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(3);
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("hangup.db");
    // A new office database whose one user is the officer at this account.
    let me = merzim::service::identity::account_by_uid(merzim::service::identity::current_uid())
        .unwrap();
    let added = Command::new(env!("CARGO_BIN_EXE_merzim"))
        .arg("--db")
        .arg(&db)
        .args(["users", "add", &me.login, "--role", "officer"])
        .output()
        .unwrap();
    assert!(
        added.status.success(),
        "{}",
        String::from_utf8_lossy(&added.stderr)
    );
    let total = NEW.chars().count();
    let mut whole = 0;
    for i in 0..runs {
        let kept = round(dir.path(), &db, i);
        if kept == total {
            whole += 1;
        }
        println!(
            "hangup round {}: kept '{OLD}' and {kept} of {total} characters typed just before the hangup",
            i + 1
        );
    }
    println!(
        "hangup test: {runs} hangups, {runs} drafts offered and reopened, every keystroke older than 500 ms kept; the last burst kept whole in {whole}"
    );
}

//! The console over the REAL daemon (`merzim serve`, tests/common/serve.rs), end to end in tmux
//! at 80x24 (issue 9): two consoles on one daemon, a supervisor (this account) and an officer
//! (aliya, uid 900001, started with setpriv when the test runs as root); the daemon SIGKILLed
//! under an open form and started again; the daemon stopped with SIGTERM; the officer's account
//! changed and disabled by a supervisor while the officer's console is open.
//!
//! The consoles run with `--low-bandwidth`: the selected row carries a marker (`▶`) in the
//! text, so the tests read the selection off the screen.

use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::thread::sleep;
use std::time::{Duration, Instant};

mod common;

use common::serve::{BIN, Daemon, demo};
use common::tmux::Tmux;

/// aliya, the demo's first officer.
const ALIYA: u32 = 900_001;

/// Why this account cannot start a console as another uid, if it cannot.
fn cannot_switch_accounts() -> Option<&'static str> {
    // SAFETY: geteuid cannot fail.
    if unsafe { libc::geteuid() } != 0 {
        return Some("not running as root: cannot start a console of another uid");
    }
    if !Path::new("/usr/bin/setpriv").exists() {
        return Some("no /usr/bin/setpriv to start a console as another uid");
    }
    None
}

/// A home of its own for one console (its config and data directories), owned by `uid`.
fn home(dir: &Path, name: &str, uid: u32) -> PathBuf {
    let home = dir.join(name);
    std::fs::create_dir_all(home.join("data")).unwrap();
    std::fs::create_dir_all(home.join("config")).unwrap();
    for p in [home.clone(), home.join("data"), home.join("config")] {
        std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o700)).unwrap();
        std::os::unix::fs::chown(&p, Some(uid), Some(0)).unwrap();
    }
    home
}

/// A console over `socket` in tmux, as `uid` (this account's when `None`), its home in `home`;
/// the shell execs it, so the pane's process is the console itself.
fn console(socket: &Path, home: &Path, uid: Option<u32>) -> Tmux {
    let who = match uid {
        Some(uid) => format!("setpriv --reuid={uid} --regid=0 --clear-groups "),
        None => String::new(),
    };
    Tmux::start(&format!(
        "echo $$ > {h}/pid; env HOME={h} XDG_DATA_HOME={h}/data MERZIM_CONFIG_DIR={h}/config {who}{BIN} --connect {s} --lang en --low-bandwidth 2>>{h}/stderr; echo EXITED $?; sleep 60",
        h = home.display(),
        s = socket.display(),
    ))
}

/// The console's pid (the pane's shell runs it as its child).
fn pid_of(t: &Tmux) -> i32 {
    t.console_pid().parse().expect("a pid")
}

/// The selected row's case number (the row with the marker).
fn selected(screen: &str) -> Option<String> {
    screen
        .lines()
        .find(|l| l.starts_with('▶'))
        .and_then(|l| l.split_whitespace().nth(1))
        .map(str::to_string)
}

/// Moves the selection down to the case `number` (on the first screen of the queue).
fn select(t: &Tmux, number: &str) {
    for _ in 0..20 {
        let s = t.wait_until("a selected row", |s| selected(s).is_some());
        if selected(&s).as_deref() == Some(number) {
            return;
        }
        t.keys(&["j"]);
        sleep(Duration::from_millis(100));
    }
    panic!("{number} could not be selected:\n{}", t.screen());
}

/// Waits until `ok` holds of the screen, at most `within`; how long it took.
fn within(t: &Tmux, within: Duration, what: &str, ok: impl Fn(&str) -> bool) -> Duration {
    let start = Instant::now();
    loop {
        let s = t.screen();
        if ok(&s) {
            return start.elapsed();
        }
        assert!(
            start.elapsed() < within,
            "'{what}' not within {within:?}; the screen:\n{s}"
        );
        sleep(Duration::from_millis(20));
    }
}

/// A command through the daemon, as this account (the demo's supervisor).
fn cli(socket: &Path, args: &[&str]) -> String {
    let out = Command::new(BIN)
        .arg("--connect")
        .arg(socket)
        .args(args)
        .output()
        .expect("merzim runs");
    assert!(
        out.status.success(),
        "merzim {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Waits for the process `pid` to end (at most 5 s).
fn gone(pid: i32) {
    let start = Instant::now();
    while Path::new(&format!("/proc/{pid}")).exists()
        && !std::fs::read_to_string(format!("/proc/{pid}/stat"))
            .unwrap_or_default()
            .contains(") Z ")
    {
        assert!(
            start.elapsed() < Duration::from_secs(5),
            "{pid} did not end"
        );
        sleep(Duration::from_millis(20));
    }
}

#[test]
fn two_consoles_on_one_daemon_see_each_others_changes_within_a_second() {
    if let Some(why) = cannot_switch_accounts() {
        eprintln!("SKIP two_consoles_on_one_daemon_see_each_others_changes_within_a_second: {why}");
        return;
    }
    let dir = demo(60);
    let d = Daemon::start(dir.path(), &[]);
    let boss = console(&d.socket, &home(dir.path(), "boss", 0), None);
    let aliya = console(&d.socket, &home(dir.path(), "aliya", ALIYA), Some(ALIYA));
    boss.wait_for("root (supervisor)");
    aliya.wait_for("aliya (officer)");
    let s = aliya.wait_until("a selected row", |s| selected(s).is_some());
    // The officer's queue: own and unassigned cases. Her second row selected, a filter being
    // typed that keeps every row.
    let rows: Vec<String> = s
        .lines()
        .skip(2)
        .filter_map(|l| l.split_whitespace().nth(1).map(str::to_string))
        .filter(|n| n.len() == 6 && n.bytes().all(|b| b.is_ascii_digit()))
        .collect();
    let unassigned: Vec<String> = s
        .lines()
        .filter(|l| l.contains(" — "))
        .filter_map(|l| l.split_whitespace().nth(1).map(str::to_string))
        .collect();
    assert!(unassigned.len() >= 2, "two unassigned cases: {s}");
    let mine = rows
        .iter()
        .find(|n| !unassigned.contains(n))
        .expect("a case of aliya's")
        .clone();
    // Her selection: her own case (it stays in her queue whatever the supervisor does).
    select(&aliya, &mine);
    aliya.keys(&["/"]);
    aliya.literal("00");
    aliya.wait_for("Filter: 00");

    // The supervisor takes the first unassigned case: it leaves the officer's queue.
    let taken = &unassigned[0];
    boss.keys(&["/"]);
    boss.literal(taken);
    boss.keys(&["Enter"]);
    within(&boss, Duration::from_secs(10), "the case selected", |s| {
        selected(s).as_deref() == Some(taken.as_str())
    });
    boss.keys(&["t"]);
    let took = within(&aliya, Duration::from_secs(1), "the taken case gone", |s| {
        !s.contains(taken.as_str())
    });
    let s = aliya.screen();
    assert_eq!(selected(&s).as_deref(), Some(mine.as_str()), "{s}");
    assert!(s.contains("Filter: 00"), "{s}");
    // Typing goes on where it was.
    aliya.literal("0");
    aliya.wait_for("Filter: 000");

    // The officer takes the other unassigned case: the supervisor sees her name on it.
    aliya.keys(&["Escape"]);
    sleep(Duration::from_millis(300));
    let other = &unassigned[1];
    select(&aliya, other);
    // Back from the case the take opened, the filter cleared.
    boss.wait_for("Assignee: root");
    boss.keys(&["Escape"]);
    boss.wait_for("Open cases");
    boss.keys(&["Escape"]);
    sleep(Duration::from_millis(300));
    let before = selected(&boss.screen());
    boss.keys(&["/"]);
    boss.literal(&other[..3]);
    aliya.keys(&["t"]);
    let row_of = |s: &str| {
        s.lines()
            .find(|l| l.contains(other.as_str()))
            .map(str::to_string)
    };
    let shown = within(&boss, Duration::from_secs(1), "aliya on the case", |s| {
        row_of(s).is_some_and(|l| l.contains("aliya"))
    });
    let s = boss.screen();
    assert!(s.contains(&format!("Filter: {}", &other[..3])), "{s}");
    assert_eq!(selected(&s), before, "{s}");
    eprintln!(
        "live change seen by the other console: officer after the supervisor's take {took:?}, supervisor after the officer's take {shown:?}"
    );
}

#[test]
fn a_form_outlives_a_killed_daemon_and_a_stopped_one_says_goodbye() {
    let dir = demo(30);
    let mut d = Daemon::start(dir.path(), &[]);
    let boss = console(&d.socket, &home(dir.path(), "boss", 0), None);
    let s = boss.wait_until("a selected row", |s| selected(s).is_some());
    let number = selected(&s).expect("a selected case");
    boss.keys(&["Enter"]);
    boss.wait_for("Why this date");
    boss.keys(&["m"]);
    boss.wait_for("Note");
    const NOTE: &str = "Тексерілді, жауап дайын";
    boss.literal(NOTE);
    boss.wait_for(NOTE);

    // SIGKILL: the console says it is offline, and the text stays.
    d.signal(libc::SIGKILL);
    d.wait(Duration::from_secs(5));
    let s = boss.wait_for("Offline (merzim.sock)");
    assert!(s.contains(NOTE), "{s}");
    // Typing goes on while offline.
    boss.literal(" (2)");
    boss.wait_for(" (2)");

    // Started again: the console reconnects by itself, and the form saves.
    drop(d);
    let d = Daemon::start(dir.path(), &[]);
    within(&boss, Duration::from_secs(10), "reconnected", |s| {
        !s.contains("Offline")
    });
    let s = boss.screen();
    assert!(s.contains(&format!("{NOTE} (2)")), "{s}");
    boss.keys(&["C-s"]);
    boss.wait_for(&format!("Note: saved, case KZ-2026-{number}"));
    let cases = cli(&d.socket, &["export", "--format", "jsonl"]);
    assert!(
        cases.contains(&format!("{NOTE} (2)")),
        "the note is in the database"
    );

    // SIGTERM: the daemon's goodbye, not a crash.
    d.signal(libc::SIGTERM);
    let s = boss.wait_for("Offline (merzim.sock): the merzim server is shutting down");
    assert!(!s.contains("EXITED"), "{s}");
    sleep(Duration::from_millis(300));
    assert!(!boss.screen().contains("EXITED"));
    // Back from the case to the queue, and out.
    boss.keys(&["q"]);
    boss.wait_for("Open cases");
    boss.keys(&["q"]);
    let s = boss.wait_for("EXITED");
    assert!(s.contains("EXITED 0"), "{s}");
}

#[test]
fn a_hangup_while_the_daemon_is_away_keeps_the_draft_on_this_machine() {
    let dir = demo(20);
    let mut d = Daemon::start(dir.path(), &[]);
    let h = home(dir.path(), "boss", 0);
    let t = console(&d.socket, &h, None);
    t.wait_for("root (supervisor)");
    t.keys(&["n"]);
    t.wait_for("New case");
    t.keys(&["Tab"]);
    const OLD: &str = "Әлия Серікқызы";
    const NEW: &str = " Бекова, Алматы облысы";
    t.literal(OLD);
    t.wait_for(OLD);
    // Saved in the daemon's drafts meanwhile.
    sleep(Duration::from_millis(800));
    d.signal(libc::SIGKILL);
    d.wait(Duration::from_secs(5));
    t.wait_for("Offline (merzim.sock)");
    t.literal(NEW);
    t.wait_for(NEW.trim());
    let pid = pid_of(&t);
    // SAFETY: kill with the pid of the console this test started.
    assert_eq!(unsafe { libc::kill(pid, libc::SIGHUP) }, 0);
    gone(pid);
    drop(t);

    let kept_dir = h.join("data/merzim/offline-drafts");
    let files: Vec<PathBuf> = std::fs::read_dir(&kept_dir)
        .unwrap_or_else(|e| panic!("{}: {e}", kept_dir.display()))
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(files.len(), 1, "{files:?}");
    let meta = std::fs::metadata(&files[0]).unwrap();
    assert_eq!(meta.mode() & 0o777, 0o600);
    assert_eq!(std::fs::metadata(&kept_dir).unwrap().mode() & 0o777, 0o700);
    let text = std::fs::read_to_string(&files[0]).unwrap();
    assert!(text.contains(&format!("{OLD}{NEW}")), "{text}");

    // The next start with the daemon back hands it over, and it is offered like any draft.
    drop(d);
    let d = Daemon::start(dir.path(), &[]);
    let t = console(&d.socket, &h, None);
    let s = t.wait_for("Draft \"New case\" from");
    assert!(s.contains("reopen it? [y yes, n no]"), "{s}");
    assert!(
        !files[0].exists(),
        "the file goes once the daemon has the draft"
    );
    t.keys(&["y"]);
    t.wait_for(&format!("{OLD}{NEW}"));
    t.keys(&["Escape"]);
    t.wait_for("Throw away what you typed?");
    t.keys(&["y"]);
    t.wait_for("Open cases");
    t.keys(&["q"]);
    t.wait_for("EXITED 0");
}

#[test]
fn the_officers_console_follows_a_new_role_and_a_disabled_officer_is_shut_out() {
    if let Some(why) = cannot_switch_accounts() {
        eprintln!(
            "SKIP the_officers_console_follows_a_new_role_and_a_disabled_officer_is_shut_out: {why}"
        );
        return;
    }
    let dir = demo(40);
    let d = Daemon::start(dir.path(), &[]);
    let aliya = console(&d.socket, &home(dir.path(), "aliya", ALIYA), Some(ALIYA));
    aliya.wait_for("aliya (officer)");
    let s = aliya.wait_until("a selected row", |s| selected(s).is_some());
    let own_rows = |s: &str| s.lines().filter(|l| l.starts_with([' ', '▶'])).count();
    let as_officer = own_rows(&s);

    // Made a supervisor: the next call (the reload a user change brings) says so.
    cli(&d.socket, &["users", "set-role", "aliya", "supervisor"]);
    // (The header and the message come in one frame; a capture may fall between its bytes.)
    aliya.wait_for("A supervisor changed your account");
    aliya.wait_for("aliya (supervisor)");
    // The whole body's queue now.
    within(&aliya, Duration::from_secs(5), "every case", |s| {
        own_rows(s) > as_officer
    });
    let s = aliya.screen();
    assert!(!s.contains("Offline"), "{s}");

    // Disabled: the daemon ends the connection with the reason, the console stays.
    cli(&d.socket, &["users", "disable", "aliya"]);
    let s = aliya.wait_for("Offline (merzim.sock)");
    assert!(s.contains("disabled"), "{s}");
    assert!(!s.contains("EXITED"), "{s}");
    assert!(
        d.log_text().contains("the user may no longer connect"),
        "{}",
        d.log_text()
    );
    // Enabled again: back within the client's retry pause.
    cli(&d.socket, &["users", "enable", "aliya"]);
    within(&aliya, Duration::from_secs(8), "back", |s| {
        s.contains("Connected to merzim.sock again")
    });
    aliya.keys(&["q"]);
    aliya.wait_for("EXITED 0");
}

#[test]
fn the_daemon_reads_the_caller_again_before_every_call() {
    use merzim::client::{Client, Link};
    use merzim::service::{CaseApi, Role};
    let dir = demo(10);
    let d = Daemon::start(dir.path(), &[]);
    let me = Client::connect(&d.socket).expect("connects");
    let news = me.subscribe();
    assert_eq!(me.who_am_i().unwrap().0.role, Role::Supervisor);
    // Another supervisor first (the last one cannot step down), then this account an auditor.
    cli(&d.socket, &["users", "set-role", "aliya", "supervisor"]);
    cli(&d.socket, &["users", "set-role", "root", "auditor"]);
    let (caller, _) = me.who_am_i().unwrap();
    assert_eq!(caller.role, Role::Auditor);
    // The console heard it before the answer, on the same connection (no reconnection).
    let heard: Vec<Link> = news.try_iter().collect();
    assert!(
        heard
            .iter()
            .any(|l| matches!(l, Link::Caller(c) if c.role == Role::Auditor)),
        "{heard:?}"
    );
    assert!(
        !heard.iter().any(|l| matches!(l, Link::Down { .. })),
        "{heard:?}"
    );
    assert_eq!(me.welcome().0.role, Role::Auditor);
    // An auditor changes nothing: the new role applies to this call already.
    let refused = me.call(merzim::service::Request::SetRole {
        login: "aliya".into(),
        role: Role::Officer,
    });
    assert!(
        matches!(refused, merzim::service::Response::Error { .. }),
        "{refused:?}"
    );
}

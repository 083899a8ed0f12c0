//! `merzim --connect SOCKET` end to end in tmux at 80x24, against the stand-in daemon
//! (tests/common/daemon.rs) run in this test: the queue shows, a change pushed from outside
//! appears within a second, a stopped daemon shows "offline", a restarted one the queue again.
//! And the bytes per key: the same console over the socket writes what the embedded one does.

use std::path::Path;
use std::thread::sleep;
use std::time::{Duration, Instant};

mod common;

use common::daemon::FakeDaemon;
use common::desk::{self, complaint, d};
use common::tmux::Tmux;
use merzim::domain::vocabulary::{Addressee, Medium};
use merzim::reference::Reference;
use merzim::service::{Role, Service, User, identity};
use merzim::wire::{Changed, ServerMsg};

/// The bytes the console wrote for each key (after each, until it has been quiet 0.3 s).
fn bytes_per_key(t: &Tmux, log: &Path, keys: &[&str]) -> Vec<u64> {
    let size = || std::fs::metadata(log).map(|m| m.len()).unwrap_or(0);
    let settle = || {
        let mut last = size();
        let mut since = Instant::now();
        while since.elapsed() < Duration::from_millis(300) {
            sleep(Duration::from_millis(20));
            let now = size();
            if now != last {
                last = now;
                since = Instant::now();
            }
        }
        last
    };
    let mut before = settle();
    keys.iter()
        .map(|k| {
            t.keys(&[k]);
            let after = settle();
            let n = after - before;
            before = after;
            n
        })
        .collect()
}

const KEYS: [&str; 8] = ["j", "j", "j", "k", "G", "g", "Enter", "Escape"];

fn console(args: &str, dir: &Path) -> Tmux {
    let t = Tmux::start(&format!(
        "MERZIM_CONFIG_DIR={} {} {args} --lang en 2>>{}/stderr; echo EXITED $?; sleep 60",
        dir.display(),
        env!("CARGO_BIN_EXE_merzim"),
        dir.display()
    ));
    t.tmux(&[
        "pipe-pane",
        "-o",
        "-t",
        "t",
        &format!("cat >> {}/{}.log", dir.display(), t.socket),
    ]);
    t
}

#[test]
fn the_console_over_the_socket_lives_through_a_daemon_restart() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("db");
    // This account is the database's supervisor (the embedded console acts for it).
    {
        let service = Service::open(&db, Reference::shipped().unwrap()).unwrap();
        service
            .store()
            .put_user(&User {
                uid: identity::current_uid(),
                login: "boss".into(),
                name: "Бастық".into(),
                role: Role::Supervisor,
                disabled: false,
            })
            .unwrap();
        let f = desk::Fixture {
            _dir: tempfile::tempdir().unwrap(),
            officer: service.caller_for_uid(identity::current_uid()).unwrap(),
            supervisor: service.caller_for_uid(identity::current_uid()).unwrap(),
            auditor: service.caller_for_uid(identity::current_uid()).unwrap(),
            service,
        };
        for day in 2..20 {
            complaint(&f, Addressee::LocalBody, d(2026, 11, day), Medium::Paper);
        }
    }

    // The embedded console first (it opens the database itself), for its bytes per key.
    let t = console(
        &format!("--db {} --today 2026-11-23", db.display()),
        dir.path(),
    );
    t.wait_for("000018");
    let embedded = bytes_per_key(&t, &dir.path().join(format!("{}.log", t.socket)), &KEYS);
    t.keys(&["q"]);
    t.wait_for("EXITED 0");
    drop(t);

    let service = Service::open(&db, Reference::shipped().unwrap()).unwrap();
    let caller = service.caller_for_uid(identity::current_uid()).unwrap();
    let sock = dir.path().join("merzim.sock");
    let mut daemon = FakeDaemon::start(&sock, service.clone(), caller.clone(), desk::today());
    let t = console(&format!("--connect {}", sock.display()), dir.path());
    t.wait_for("000018");
    let connected = bytes_per_key(&t, &dir.path().join(format!("{}.log", t.socket)), &KEYS);
    eprintln!("bytes per key {KEYS:?}: embedded {embedded:?}, over the socket {connected:?}");
    assert_eq!(connected, embedded);

    // A case registered elsewhere: the notice brings it within a second.
    let f = desk::Fixture {
        _dir: tempfile::tempdir().unwrap(),
        officer: caller.clone(),
        supervisor: caller.clone(),
        auditor: caller,
        service,
    };
    let number = complaint(&f, Addressee::LocalBody, d(2026, 11, 1), Medium::Paper);
    let pushed = Instant::now();
    daemon.push(&ServerMsg::Changed {
        cases: vec![Changed {
            number: number.clone(),
            version: 1,
        }],
    });
    let digits = &number[number.len() - 6..];
    t.wait_for(digits);
    assert!(
        pushed.elapsed() < Duration::from_secs(1),
        "{:?}",
        pushed.elapsed()
    );

    daemon.stop();
    let s = t.wait_for("Offline (merzim.sock)");
    assert!(s.contains("OFFLINE"), "{s}");
    daemon.restart();
    let s = t.wait_for("Connected to merzim.sock again");
    assert!(s.contains(digits) && !s.contains("OFFLINE"), "{s}");
    // A notice that changes nothing visible costs no bytes: the reload draws the same frame.
    let log = dir.path().join(format!("{}.log", t.socket));
    sleep(Duration::from_millis(500));
    let before = std::fs::metadata(&log).unwrap().len();
    daemon.push(&ServerMsg::Resync);
    sleep(Duration::from_millis(500));
    assert_eq!(std::fs::metadata(&log).unwrap().len(), before);
    t.keys(&["q"]);
    let end = t.wait_for("EXITED");
    assert!(end.contains("EXITED 0"), "{end}");
}

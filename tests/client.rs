//! The socket client against a stand-in daemon (tests/common/daemon.rs) that answers with a real
//! session over a temporary database: the handshake and its refusals, calls from two threads at
//! once, answers longer than a frame, pushes, and a daemon that goes away and comes back while
//! the same `Client` lives on.

use std::sync::Arc;
use std::sync::mpsc::Receiver;
use std::time::{Duration, Instant};

mod common;

use common::daemon::{FakeDaemon, Greeting};
use common::desk::{self, Fixture, fixture};
use merzim::client::{Client, ConnectError, Link};
use merzim::domain::message::{Localize, Message};
use merzim::domain::vocabulary::{Addressee, Medium};
use merzim::i18n::{Lang, Texts};
use merzim::reference::Reference;
use merzim::service::{ApiError, CaseApi, DraftKey};
use merzim::wire::{self, Changed, ServerMsg};

struct Setup {
    f: Fixture,
    daemon: FakeDaemon,
    _sock: tempfile::TempDir,
}

fn setup() -> Setup {
    let f = fixture();
    let sock = tempfile::tempdir().unwrap();
    let daemon = FakeDaemon::start(
        &sock.path().join("merzim.sock"),
        f.service.clone(),
        f.supervisor.clone(),
        desk::today(),
    );
    Setup {
        f,
        daemon,
        _sock: sock,
    }
}

/// The next piece of news within `secs` seconds.
fn next(rx: &Receiver<Link>, secs: u64) -> Link {
    rx.recv_timeout(Duration::from_secs(secs))
        .expect("news from the client")
}

#[test]
fn the_welcome_gives_the_daemons_caller_date_and_reference() {
    let s = setup();
    let c = Client::connect(&s.daemon.path).unwrap();
    let (caller, today) = c.welcome();
    assert_eq!(caller, s.f.supervisor);
    assert_eq!(today, desk::today());
    assert_eq!(
        c.who_am_i().unwrap(),
        (s.f.supervisor.clone(), desk::today())
    );
    // The daemon's data files, parsed here by the same loader: the same register.
    let theirs = Reference::from_sources(c.reference().unwrap()).unwrap();
    let ours = s.f.service.reference();
    assert_eq!(theirs.sources, ours.sources);
    assert_eq!(
        theirs.services.services().count(),
        ours.services.services().count()
    );
}

#[test]
fn calls_from_two_threads_at_once_each_get_their_own_answer() {
    let s = setup();
    let numbers: Vec<String> = (0..4)
        .map(|_| {
            desk::complaint(
                &s.f,
                Addressee::LocalBody,
                desk::d(2026, 11, 20),
                Medium::Paper,
            )
        })
        .collect();
    let c = Arc::new(Client::connect(&s.daemon.path).unwrap());
    let threads: Vec<_> = (0..2)
        .map(|t| {
            let (c, numbers) = (Arc::clone(&c), numbers.clone());
            std::thread::spawn(move || {
                for i in 0..100 {
                    let n = &numbers[(i + t) % numbers.len()];
                    let view = c.case(n.clone()).unwrap();
                    assert_eq!(&view.case.number, n);
                    if i % 10 == 0 {
                        assert_eq!(c.queue(desk::query()).unwrap().len(), numbers.len());
                    }
                }
            })
        })
        .collect();
    for t in threads {
        t.join().unwrap();
    }
}

#[test]
fn an_answer_longer_than_a_frame_comes_back_whole() {
    let s = setup();
    let c = Client::connect(&s.daemon.path).unwrap();
    // 1.5 MiB of Kazakh text: the call and the answer both go in parts of at most 1 MiB.
    let text = "ә".repeat(800_000);
    let key = DraftKey {
        form: "register".into(),
        case: None,
    };
    let saved = c
        .save_draft(key.clone(), [("text".to_string(), text.clone())].into())
        .unwrap();
    assert_eq!(saved.fields["text"], text);
    let loaded = c.load_draft(key).unwrap().expect("the draft");
    assert_eq!(loaded.fields["text"].len(), text.len());
}

#[test]
fn a_refusal_at_connect_is_the_daemons_message() {
    let s = setup();
    let why = Message::new("client-reconnecting").text("socket", "x.sock");
    s.daemon.greet_with(Greeting::Bye(why.clone()));
    match Client::connect(&s.daemon.path) {
        Err(e @ ConnectError::Refused { .. }) => assert_eq!(e.message(), why),
        Err(e) => panic!("another error: {e}"),
        Ok(_) => panic!("a refused connection was accepted"),
    }
}

#[test]
fn another_major_version_is_named_with_both_versions() {
    let s = setup();
    let (theirs, ours) = (wire::MAJOR + 1, wire::MAJOR);
    s.daemon.greet_with(Greeting::Major(theirs));
    let Err(e) = Client::connect(&s.daemon.path) else {
        panic!("a daemon of protocol {theirs} was accepted");
    };
    let path = s.daemon.path.display().to_string();
    assert_eq!(
        e.to_string(),
        format!(
            "the daemon at '{path}' speaks protocol {theirs}.{minor}, this merzim {ours}.{minor}: use the merzim that came with the daemon",
            minor = wire::MINOR
        )
    );
    let texts = Texts::new().unwrap();
    let ru = texts.message(Lang::Ru, &e.message());
    assert!(
        ru.contains(&format!("{theirs}.{}", wire::MINOR))
            && ru.contains(&format!("{ours}.{}", wire::MINOR))
            && ru.contains(&path),
        "{ru}"
    );
}

#[test]
fn nobody_listening_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("none.sock");
    let Err(e) = Client::connect(&path) else {
        panic!("connected to nothing");
    };
    assert!(matches!(e, ConnectError::Unreachable { .. }), "{e}");
    assert!(e.to_string().contains("none.sock"), "{e}");
}

#[test]
fn pushes_reach_the_subscriber() {
    let s = setup();
    let c = Client::connect(&s.daemon.path).unwrap();
    let news = c.subscribe();
    let cases = vec![Changed {
        number: "KZ-1".into(),
        version: 3,
    }];
    s.daemon.push(&ServerMsg::Changed {
        cases: cases.clone(),
    });
    s.daemon.push(&ServerMsg::Resync);
    assert_eq!(next(&news, 2), Link::Changed(cases));
    assert_eq!(next(&news, 2), Link::Resync);
    // Pushes between a call and its answer do not disturb the call.
    assert!(c.queue(desk::query()).is_ok());
}

fn unavailable(r: Result<impl std::fmt::Debug, ApiError>) -> bool {
    matches!(r, Err(ApiError::Unavailable { .. }))
}

#[test]
fn a_daemon_restart_fails_calls_then_the_same_client_works_again() {
    let mut s = setup();
    let c = Arc::new(Client::connect(&s.daemon.path).unwrap());
    let news = c.subscribe();
    // A call waiting for an answer when the daemon dies is answered: unavailable.
    s.daemon.hold(true);
    let waiting = {
        let c = Arc::clone(&c);
        std::thread::spawn(move || c.queue(desk::query()))
    };
    std::thread::sleep(Duration::from_millis(100));
    s.daemon.stop();
    assert!(unavailable(waiting.join().unwrap()));
    let Link::Down { message } = next(&news, 2) else {
        panic!("no Down");
    };
    assert_eq!(message.key, "client-reconnecting");
    // New calls fail at once while it is down, with the same words.
    let t = Instant::now();
    let r = c.queue(desk::query());
    assert!(t.elapsed() < Duration::from_millis(500));
    match r {
        Err(ApiError::Unavailable { message: m }) => assert_eq!(m, message),
        other => panic!("{other:?}"),
    }
    s.daemon.hold(false);
    s.daemon.restart();
    // Back within the first retries (1 s, then 2 s).
    match next(&news, 5) {
        Link::Up { caller, today } => {
            assert_eq!(caller, s.f.supervisor);
            assert_eq!(today, desk::today());
        }
        other => panic!("{other:?}"),
    }
    assert!(c.queue(desk::query()).is_ok());
    assert_eq!(s.daemon.connections(), 1);
}

#[test]
fn a_reconnect_that_meets_another_major_version_stays_down_and_says_why() {
    let mut s = setup();
    let c = Client::connect(&s.daemon.path).unwrap();
    let news = c.subscribe();
    s.daemon.stop();
    assert!(matches!(next(&news, 2), Link::Down { .. }));
    s.daemon.greet_with(Greeting::Major(wire::MAJOR + 1));
    s.daemon.restart();
    let Link::Down { message } = next(&news, 5) else {
        panic!("no second Down");
    };
    assert_eq!(message.key, "client-incompatible");
    match c.queue(desk::query()) {
        Err(ApiError::Unavailable { message: m }) => assert_eq!(m, message),
        other => panic!("{other:?}"),
    }
}

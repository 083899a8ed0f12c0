//! The supervisor's dashboard (issue 10, items 1, 5, 6): its counts against the queue on
//! generated databases, the screen through the console's own `update` and effect runner, its
//! snapshots at 80x24 and 200x50 in the three languages, what its first paint costs, and
//! `merzim calendar check`.

mod common;

use std::collections::BTreeSet;

use chrono::{Days, NaiveDate};
use common::desk;
use merzim::app::{self, App, Effect, Msg, NamedQueue, Queue, Screen};
use merzim::console::backend::LeanBackend;
use merzim::i18n::{Lang, Texts};
use merzim::keymap::{Keymap, ShippedKeymap};
use merzim::reference::Reference;
use merzim::service::dashboard::{Bucket, Dashboard, Horizon};
use merzim::service::demo::{DemoOptions, fill};
use merzim::service::{Caller, QueueQuery, QueueRow, Role, Scope, Service, Session, User};
use merzim::ui::{self, theme::Profile};
use proptest::prelude::*;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

const DEMO_TODAY: (i32, u32, u32) = (2026, 11, 23);

/// A demo database of `cases` cases (seed `seed`) and its supervisor.
fn demo(cases: usize, seed: u64) -> (tempfile::TempDir, Service, Caller) {
    let dir = tempfile::tempdir().unwrap();
    let service = Service::open(&dir.path().join("db"), Reference::shipped().unwrap()).unwrap();
    let boss = User {
        uid: 4242,
        login: "boss".into(),
        name: "Бастық".into(),
        role: Role::Supervisor,
        disabled: false,
    };
    fill(
        &service,
        &DemoOptions {
            cases,
            today: d(DEMO_TODAY.0, DEMO_TODAY.1, DEMO_TODAY.2),
            seed,
            supervisor: boss,
        },
    )
    .unwrap();
    let caller = service.caller_for_uid(4242).unwrap();
    (dir, service, caller)
}

/// Every row the console of `caller` loads (its queue query), on `today`.
fn rows(service: &Service, caller: &Caller, today: NaiveDate) -> Vec<QueueRow> {
    let scope = if caller.reads_all() {
        Scope::All
    } else {
        Scope::MineAndUnassigned
    };
    service
        .queue(
            caller,
            today,
            &QueueQuery {
                scope,
                include_closed: true,
                ..QueueQuery::default()
            },
        )
        .unwrap()
}

/// The numbers the console's queue shows for a view: what Enter on a dashboard cell opens.
fn shown(all: &[QueueRow], me: &str, h: Horizon, named: NamedQueue, scope: Scope) -> Vec<String> {
    let mut q = Queue::default();
    q.set_page(1_000_000);
    q.load(all.to_vec(), me);
    q.set_horizon(h);
    q.set_view(named, scope);
    q.page_rows().map(|(_, r)| r.number.clone()).collect()
}

/// The dashboard agrees with itself and with the queue: every bucket's lines add up to its
/// total; the cases of each cell are exactly those its queue shows; the queue header's counts
/// over the default queue are the totals.
fn check(board: &Dashboard, all: &[QueueRow], caller: &Caller, h: Horizon) {
    for b in Bucket::ALL {
        let sum: u32 = board.lines.iter().map(|l| l.counts.get(b)).sum();
        assert_eq!(sum, board.total.counts.get(b), "{b:?}: the lines add up");
    }
    for (i, t) in board.total.due_per_day.iter().enumerate() {
        let sum: u32 = board.lines.iter().map(|l| l.due_per_day[i]).sum();
        assert_eq!(sum, *t, "the chart's lines add up on day {i}");
    }
    // The chart counts the open cases whose next obligation falls on each day.
    for (i, day) in board.days.iter().enumerate() {
        let n = all
            .iter()
            .filter(|r| Bucket::Open.holds(r, &h) && r.next_due == Some(*day))
            .count();
        assert_eq!(board.total.due_per_day[i] as usize, n, "due on {day}");
    }
    let logins: BTreeSet<Option<String>> = board.lines.iter().map(|l| l.login.clone()).collect();
    assert_eq!(logins.len(), board.lines.len(), "one line per officer");
    for line in board.lines.iter().map(Some).chain([None]) {
        let scope = match line {
            None => Scope::All,
            Some(l) => match &l.login {
                Some(login) => Scope::Assignee(login.clone()),
                None => Scope::Unassigned,
            },
        };
        let counts = line.map_or(board.total.counts, |l| l.counts);
        for b in Bucket::ALL {
            let queue = shown(
                all,
                &caller.login,
                h,
                NamedQueue::of_bucket(b),
                scope.clone(),
            );
            let expected: Vec<String> = {
                let mut v: Vec<String> = all
                    .iter()
                    .filter(|r| {
                        b.holds(r, &h)
                            && match &scope {
                                Scope::Assignee(login) => r.assignee.as_ref() == Some(login),
                                Scope::Unassigned => r.assignee.is_none(),
                                _ => true,
                            }
                    })
                    .map(|r| r.number.clone())
                    .collect();
                v.sort();
                v
            };
            let mut got = queue.clone();
            got.sort();
            assert_eq!(
                got, expected,
                "{b:?} of {scope:?}: the queue shows those cases"
            );
            assert_eq!(queue.len() as u32, counts.get(b), "{b:?} of {scope:?}");
        }
    }
    let mut q = Queue::default();
    q.load(all.to_vec(), &caller.login);
    q.set_horizon(h);
    let c = q.counts();
    let t = &board.total.counts;
    assert_eq!(
        [c.overdue, c.due_today, c.due_soon, c.extended, c.notices],
        [
            t.get(Bucket::Overdue) as usize,
            t.get(Bucket::DueToday) as usize,
            t.get(Bucket::DueWithinOne) as usize,
            t.get(Bucket::Extended) as usize,
            t.get(Bucket::NoticesOwed) as usize,
        ],
        "the queue header and the dashboard's totals"
    );
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 6, ..ProptestConfig::default() })]

    #[test]
    fn buckets_add_up_and_match_their_queues(
        seed in any::<u64>(),
        cases in 20usize..160,
        later in 0u64..25,
        within in 1u32..8,
    ) {
        let (_dir, service, boss) = demo(cases, seed);
        let today = d(DEMO_TODAY.0, DEMO_TODAY.1, DEMO_TODAY.2)
            .checked_add_days(Days::new(later))
            .unwrap();
        let h = Horizon::new(today, within);
        let board = service.dashboard(&boss, today, within).unwrap();
        let all = rows(&service, &boss, today);
        prop_assert_eq!(board.total.counts.get(Bucket::Open) as usize,
            all.iter().filter(|r| r.status.is_open()).count());
        check(&board, &all, &boss, h);
        // An officer: their own line and the unassigned one, over what their queue holds.
        let officer = service.caller_for_uid(900_001).unwrap();
        let mine = service.dashboard(&officer, today, within).unwrap();
        let logins: Vec<Option<String>> = mine.lines.iter().map(|l| l.login.clone()).collect();
        prop_assert_eq!(logins, vec![Some("aliya".to_string()), None]);
        check(&mine, &rows(&service, &officer, today), &officer, h);
    }
}

#[test]
fn every_enabled_officer_has_a_line_and_the_unassigned_come_last() {
    let (_dir, service, boss) = demo(60, 7);
    let board = service
        .dashboard(&boss, d(DEMO_TODAY.0, DEMO_TODAY.1, DEMO_TODAY.2), 2)
        .unwrap();
    let logins: Vec<Option<&str>> = board.lines.iter().map(|l| l.login.as_deref()).collect();
    assert_eq!(
        logins,
        [
            Some("aliya"),
            Some("bolat"),
            Some("dana"),
            Some("igor"),
            Some("marat"),
            Some("olga"),
            None
        ]
    );
    assert_eq!(board.lines[0].name, "Әлия Серікқызы Нұрланова");
    assert_eq!(board.days.len(), 10);
    // Today is a Monday of 2026; the next 60 working days reach 2027, whose calendar is
    // provisional in the shipped data.
    assert!(!board.calendar.is_covered(), "{:?}", board.calendar);
}

/// A console of `caller` on a demo database, driven by the desk's effect runner.
fn console(f: &desk::Fixture, caller: &Caller, lang: Lang, profile: Profile) -> App {
    let mut app = desk::console(f, caller);
    app.lang = lang;
    app.profile = profile;
    app
}

fn demo_fixture() -> desk::Fixture {
    let (dir, service, boss) = demo(300, 11);
    let officer = service.caller_for_uid(900_001).unwrap();
    desk::Fixture {
        _dir: dir,
        auditor: boss.clone(),
        supervisor: boss,
        officer,
        service,
    }
}

#[test]
fn a_cell_opens_its_queue_and_back_returns_to_the_dashboard() {
    let f = demo_fixture();
    let boss = f.supervisor.clone();
    let mut app = console(&f, &boss, Lang::En, Profile::default());
    let effects = desk::keys(&f, &boss, &mut app, "D");
    assert!(effects.contains(&Effect::LoadDashboard), "{effects:?}");
    assert_eq!(app.screen, Screen::Dashboard);
    let board = app.dashboard.board.clone().expect("the counts arrived");
    assert!(desk::screen(&app).contains("Dashboard"));
    // Second officer's line, the overdue column.
    desk::keys(&f, &boss, &mut app, "jl<enter>");
    assert_eq!(app.screen, Screen::Queue);
    assert_eq!(app.queue.named(), NamedQueue::Overdue);
    assert_eq!(app.queue.scope(), &Scope::Assignee("bolat".into()));
    assert_eq!(
        app.queue.visible_len() as u32,
        board.lines[1].counts.get(Bucket::Overdue)
    );
    let screen = desk::screen(&app);
    assert!(
        screen.lines().next().unwrap().contains("Overdue · bolat"),
        "{screen}"
    );
    desk::keys(&f, &boss, &mut app, "<esc>");
    assert_eq!(app.screen, Screen::Dashboard);
    assert_eq!(app.queue.named(), NamedQueue::Default);
    assert_eq!(app.queue.scope(), &Scope::All);
    // The totals line, "due within 2 working days": everyone's cases.
    desk::keys(&f, &boss, &mut app, "Glll<enter>");
    assert_eq!(app.queue.named(), NamedQueue::Bucket(Bucket::DueWithin));
    assert_eq!(
        app.queue.visible_len() as u32,
        board.total.counts.get(Bucket::DueWithin)
    );
    assert!(desk::screen(&app).starts_with("Due in 2 WD"));
    desk::keys(&f, &boss, &mut app, "<esc>");
    // A change pushed by the daemon reloads the counts while the dashboard is in front.
    let effects = desk::send(
        &f,
        &boss,
        &mut app,
        Msg::Changed(vec![app::CaseChange {
            number: "KZ-2026-000001".into(),
            version: 99,
        }]),
    );
    assert!(effects.contains(&Effect::LoadDashboard), "{effects:?}");
    desk::keys(&f, &boss, &mut app, "q");
    assert_eq!(app.screen, Screen::Queue);
    // `:dashboard` opens it too, and `:due-within` is a queue of its own.
    desk::keys(&f, &boss, &mut app, ":dashboard<enter>");
    assert_eq!(app.screen, Screen::Dashboard);
    desk::keys(&f, &boss, &mut app, ":due-within<enter>");
    assert_eq!(app.screen, Screen::Queue);
    assert_eq!(app.queue.named(), NamedQueue::Bucket(Bucket::DueWithin));
}

#[test]
fn the_console_asks_for_its_own_due_within() {
    let f = demo_fixture();
    let boss = f.supervisor.clone();
    let mut app = console(&f, &boss, Lang::En, Profile::default());
    app.due_within = 5;
    desk::keys(&f, &boss, &mut app, "D");
    let board = app.dashboard.board.clone().unwrap();
    assert_eq!(board.horizon.within, 5);
    assert!(
        desk::screen(&app).contains("5 WD"),
        "{}",
        desk::screen(&app)
    );
}

/// The dashboard's screen as text.
fn dashboard_screen(lang: Lang, w: u16, h: u16, profile: Profile) -> String {
    let f = demo_fixture();
    let boss = f.supervisor.clone();
    let mut app = console(&f, &boss, lang, profile);
    desk::send(&f, &boss, &mut app, Msg::Resize(w, h));
    desk::keys(&f, &boss, &mut app, "Dl");
    desk::screen(&app)
}

#[test]
fn snapshots_80x24_and_200x50_in_three_languages() {
    for lang in Lang::ALL {
        for (w, h) in [(80, 24), (200, 50)] {
            let s = dashboard_screen(lang, w, h, Profile::default());
            insta::assert_snapshot!(format!("dashboard_{}_{w}x{h}", lang.code()), s);
        }
    }
}

#[test]
fn ascii_and_monochrome_read_without_colour() {
    let profile = Profile {
        monochrome: true,
        ascii: true,
        marker_cursor: false,
    };
    let s = dashboard_screen(Lang::En, 80, 24, profile);
    // No block, box-drawing or arrow glyphs: only letters (names), digits and ASCII.
    assert!(s.chars().all(|c| c.is_ascii() || c.is_alphabetic()), "{s}");
    assert!(s.contains('#'), "ASCII bars: {s}");
    insta::assert_snapshot!("dashboard_ascii_80x24", s);
    // The cursor's cell is reversed: it shows without colour.
    let f = demo_fixture();
    let boss = f.supervisor.clone();
    let mut app = console(&f, &boss, Lang::En, profile);
    desk::keys(&f, &boss, &mut app, "D");
    let texts = Texts::new().unwrap();
    let mut t = Terminal::new(TestBackend::new(80, 24)).unwrap();
    t.draw(|fr| ui::draw(fr, &app, &texts)).unwrap();
    let buf = t.backend().buffer();
    let reversed = (0..80u16)
        .filter(|x| {
            buf[(*x, 2)]
                .modifier
                .contains(ratatui::style::Modifier::REVERSED)
        })
        .count();
    assert!(reversed >= 5, "the selected cell is in reverse video");
    for y in 0..24u16 {
        for x in 0..80u16 {
            assert_eq!(
                buf[(x, y)].fg,
                ratatui::style::Color::Reset,
                "no colour at {x},{y}"
            );
        }
    }
}

/// What the first paint of a screen writes to the terminal (the lean backend's bytes).
fn first_paint(app: &App, texts: &Texts) -> usize {
    let mut t = Terminal::new(LeanBackend::with_size(Vec::new(), 80, 24)).unwrap();
    t.draw(|f| ui::draw(f, app, texts)).unwrap();
    t.backend().writer().len()
}

#[test]
fn first_paint_costs_no_more_than_one_and_a_half_queues() {
    let f = demo_fixture();
    let boss = f.supervisor.clone();
    let texts = Texts::new().unwrap();
    let mut app = console(&f, &boss, Lang::Ru, Profile::default());
    let queue = first_paint(&app, &texts);
    desk::keys(&f, &boss, &mut app, "D");
    let dashboard = first_paint(&app, &texts);
    eprintln!("first paint at 80x24: queue {queue} B, dashboard {dashboard} B");
    assert!(
        dashboard * 2 <= queue * 3,
        "dashboard {dashboard} B, queue {queue} B"
    );
}

#[test]
fn over_the_wire_the_dashboard_is_the_same() {
    let f = demo_fixture();
    let boss = f.supervisor.clone();
    let today = d(DEMO_TODAY.0, DEMO_TODAY.1, DEMO_TODAY.2);
    let session = Session::new(f.service.clone(), boss.clone(), Box::new(move || today));
    let answer = merzim::service::CaseApi::call(
        &session,
        merzim::service::Request::Dashboard {
            within: 3,
            as_of: None,
        },
    );
    let bytes = serde_json::to_vec(&answer).unwrap();
    let back: merzim::service::Response = serde_json::from_slice(&bytes).unwrap();
    assert_eq!(back, answer);
    match back {
        merzim::service::Response::Dashboard { dashboard } => {
            assert_eq!(*dashboard, f.service.dashboard(&boss, today, 3).unwrap())
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn every_shipped_keymap_opens_the_dashboard_and_moves_over_its_cells() {
    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    use merzim::keymap::{Action, Mode};
    for (shipped, open) in [
        (ShippedKeymap::Default, KeyCode::Char('D')),
        (ShippedKeymap::FunctionKeys, KeyCode::F(11)),
    ] {
        let (k, _) = Keymap::shipped(shipped, None).unwrap();
        let key = |c| KeyEvent::new(c, KeyModifiers::NONE);
        assert_eq!(k.action(Mode::Queue, key(open)), Some(Action::Dashboard));
        assert_eq!(k.action(Mode::Dashboard, key(open)), Some(Action::Back));
        assert_eq!(
            k.action(Mode::Dashboard, key(KeyCode::Right)),
            Some(Action::MoveRight)
        );
        assert_eq!(
            k.action(Mode::Dashboard, key(KeyCode::Left)),
            Some(Action::MoveLeft)
        );
        assert_eq!(
            k.action(Mode::Dashboard, key(KeyCode::Enter)),
            Some(Action::Open)
        );
    }
}

fn merzim_cli(today: &str) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_merzim"))
        .args(["--today", today, "--lang", "en", "calendar", "check"])
        .env(
            "MERZIM_DATA_DIR",
            env!("CARGO_MANIFEST_DIR").to_string() + "/tests/fixtures/empty-data-dir",
        )
        .output()
        .unwrap()
}

#[test]
fn calendar_check_from_the_shell() {
    // January 2026: the next 60 working days stay within the final 2026 calendar.
    let ok = merzim_cli("2026-01-12");
    let out = String::from_utf8(ok.stdout).unwrap();
    assert_eq!(ok.status.code(), Some(0), "{out}");
    assert_eq!(out.lines().count(), 1, "{out}");
    assert!(out.starts_with("covered until 2026-12-31"), "{out}");
    // Near the end of the last final year: 2027's calendar is provisional.
    let late = merzim_cli("2026-11-23");
    let out = String::from_utf8(late.stdout).unwrap();
    assert_eq!(late.status.code(), Some(1), "{out}");
    assert!(out.contains("the calendar of 2027 is provisional"), "{out}");
    let err = String::from_utf8(late.stderr).unwrap();
    assert_eq!(err.trim_end().lines().count(), 1, "{err}");
    // April 2026: Kurban Ait (27 May) is still an estimated date within the window.
    let spring = merzim_cli("2026-04-01");
    let out = String::from_utf8(spring.stdout).unwrap();
    assert_eq!(spring.status.code(), Some(1), "{out}");
    assert!(
        out.contains("on 2026-05-27 is only an estimated date"),
        "{out}"
    );
}

#[test]
fn end_to_end_in_a_terminal() {
    use common::tmux::{Tmux, console_cmd, demo_db};
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    let t = Tmux::start(&console_cmd(&db, dir.path()));
    t.wait_for("Open");
    t.keys(&["D"]);
    let s = t.wait_for("Due per working day");
    assert!(s.contains("Total"), "{s}");
    assert!(s.contains("(unassigned)"), "{s}");
    // The totals line, the overdue column: every overdue case.
    t.keys(&["G", "l", "Enter"]);
    let s = t.wait_for("Overdue");
    assert!(!s.contains("Due per working day"), "{s}");
    t.keys(&["Escape"]);
    t.wait_for("Due per working day");
    t.keys(&["q"]);
    t.wait_until("the queue again", |s| !s.contains("Due per working day"));
    t.keys(&["q"]);
    let end = t.wait_for("DONE");
    assert!(end.contains("EXITED 0"), "{end}");
}

#[test]
fn through_the_real_daemon_the_same_counts_as_embedded() {
    use common::serve::{Daemon, TODAY, demo as demo_dir};
    use merzim::service::CaseApi;
    let dir = demo_dir(200);
    let today = NaiveDate::parse_from_str(TODAY, "%Y-%m-%d").unwrap();
    let over_socket = {
        let _daemon = Daemon::start(dir.path(), &[]);
        let client = merzim::client::Client::connect(dir.path().join("merzim.sock")).unwrap();
        let (caller, day) = client.who_am_i().unwrap();
        assert_eq!(day, today);
        assert!(caller.reads_all(), "the demo's runner is its supervisor");
        client.dashboard(4).unwrap()
    };
    // The daemon is gone: the database opens here, for the same caller.
    let service = Service::open(&dir.path().join("db"), Reference::shipped().unwrap()).unwrap();
    let caller = service
        .caller_for_uid(nix_uid())
        .expect("the demo's runner is a user");
    let embedded = service.dashboard(&caller, today, 4).unwrap();
    assert_eq!(over_socket, embedded);
    assert_eq!(embedded.horizon.within, 4);
}

fn nix_uid() -> u32 {
    // SAFETY: getuid has no preconditions and cannot fail.
    unsafe { libc::getuid() }
}

//! Every screen draws at every size without writing outside its buffer: 0x0 to 40x12 cell by
//! cell, the sizes around the layout's thresholds, and large ones; with the console's idea of
//! the size equal to the buffer's (one size per frame) and, as a guard, different from it (a
//! resize that arrived between reading the size and drawing).

use chrono::NaiveDate;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use merzim::app::{self, App, Msg, Screen, Status, StatusText};
use merzim::domain::case::{Applicant, Matter, NewCase, PartyId};
use merzim::domain::ids::{Iin, with_check_digit};
use merzim::domain::vocabulary::{Addressee, Medium};
use merzim::i18n::{Lang, Texts};
use merzim::keymap::{Keymap, ShippedKeymap};
use merzim::reference::Reference;
use merzim::service::demo::{self, DemoOptions};
use merzim::service::{Caller, CaseCommand, QueueQuery, Role, Service, Session, User};
use merzim::ui::{self, theme::Profile};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
}

struct Fixture {
    _dir: tempfile::TempDir,
    service: Service,
    caller: Caller,
    /// A case with long, hostile text (wide letters, escapes, bidi).
    hostile: String,
    /// The most urgent demo case.
    first: String,
}

fn iin() -> Iin {
    let mut n = [8, 7, 0, 4, 1, 2, 3, 0, 0, 4, 2];
    for bump in 0..10u8 {
        n[8] = bump;
        if let Some(s) = with_check_digit(&n) {
            return Iin::parse(&s).unwrap();
        }
    }
    panic!("no IIN");
}

fn fixture() -> Fixture {
    let dir = tempfile::tempdir().unwrap();
    let service = Service::open(&dir.path().join("db"), Reference::shipped().unwrap()).unwrap();
    let me = User {
        uid: 4242,
        login: "aigerim".into(),
        name: "Айгерим".into(),
        role: Role::Supervisor,
        disabled: false,
    };
    demo::fill(
        &service,
        &DemoOptions {
            cases: 40,
            today: today(),
            seed: 7,
            supervisor: me,
        },
    )
    .unwrap();
    let caller = service.caller_for_uid(4242).unwrap();
    let wide = "漢字".repeat(80);
    let hostile = service
        .execute(
            &caller,
            today(),
            None,
            None,
            CaseCommand::Register {
                case: Box::new(NewCase {
                    matter: Matter::Complaint {
                        addressee: Addressee::LocalBody,
                        set_due: None,
                    },
                    medium: Medium::Paper,
                    applicant: Applicant {
                        name: format!("Әлия {wide}"),
                        id: PartyId::Individual(iin()),
                        contact: "\u{1b}]0;x\u{7}+7 701".into(),
                    },
                    registered: today(),
                    subject: format!("\u{1b}[2J\u{202e}Жалоба {wide}"),
                    text: format!("{wide}\n\u{9b}31m\n{}", "жол\n".repeat(200)),
                }),
                assignee: Some("aigerim".into()),
            },
        )
        .unwrap()
        .number;
    let first = service
        .queue(&caller, today(), &QueueQuery::default())
        .unwrap()
        .first()
        .unwrap()
        .number
        .clone();
    Fixture {
        _dir: dir,
        service,
        caller,
        hostile,
        first,
    }
}

fn key(code: KeyCode) -> Msg {
    Msg::Key(KeyEvent::new(code, KeyModifiers::NONE))
}

/// Feeds a message and carries out the effects with the console's own runner.
fn send(f: &Fixture, app: &mut App, msg: Msg) {
    let texts = Texts::new().unwrap();
    let query = QueueQuery::default();
    let session = Session::new(f.service.clone(), f.caller.clone(), Box::new(today));
    let mut runner = merzim::console::Effects::new(&session, &texts, &query);
    let effects = app::update(app, msg);
    runner.run(app, effects);
}

fn chars(f: &Fixture, app: &mut App, s: &str) {
    for c in s.chars() {
        send(f, app, key(KeyCode::Char(c)));
    }
}

/// A step towards a state: keys, typed text, or a long message in the status line.
#[derive(Clone)]
enum Step {
    Key(KeyCode),
    Type(String),
    Status(String),
}

fn typed(s: &str) -> Step {
    Step::Type(s.to_string())
}

/// A console on the fixture after `steps`.
fn build(f: &Fixture, lang: Lang, profile: Profile, steps: &[Step]) -> App {
    let (keymap, _) = Keymap::shipped(ShippedKeymap::Default, None).unwrap();
    let mut app = App::new(lang, today(), "aigerim".into(), keymap, profile)
        .with_reference(f.service.reference().clone());
    app.role = Role::Supervisor;
    if steps.is_empty() {
        // Still loading: nothing but the frame.
        return app;
    }
    send(f, &mut app, Msg::Resize(80, 24));
    send(f, &mut app, Msg::Idle);
    for step in steps {
        match step {
            Step::Key(k) => send(f, &mut app, key(*k)),
            Step::Type(s) => chars(f, &mut app, s),
            Step::Status(s) => {
                app.status = Some(Status {
                    text: StatusText::Literal(s.clone()),
                    error: true,
                })
            }
        }
    }
    app
}

/// Every state worth drawing: (what, the steps from a fresh console).
fn states(f: &Fixture) -> Vec<(String, Vec<Step>)> {
    let j = Step::Key(KeyCode::Char('j'));
    let enter = Step::Key(KeyCode::Enter);
    let mut out: Vec<(String, Vec<Step>)> = vec![
        ("loading".into(), vec![]),
        ("queue".into(), vec![j.clone()]),
        (
            "filter prompt".into(),
            vec![typed("/"), typed(&"Жалоба 漢字 ".repeat(20))],
        ),
        ("no match".into(), vec![typed("/zzzzzzzz"), enter.clone()]),
        ("command prompt".into(), vec![typed(":sort d")]),
        (
            "status message".into(),
            vec![
                typed(&format!(":nonsense{}", "漢".repeat(100))),
                enter.clone(),
            ],
        ),
        (
            "long status".into(),
            vec![
                j.clone(),
                Step::Status(format!("\u{1b}[31m{}", "漢".repeat(300))),
            ],
        ),
        ("help".into(), vec![typed("?")]),
        (
            "help at the end".into(),
            vec![typed("?"), Step::Key(KeyCode::End)],
        ),
        ("help filtered to nothing".into(), vec![typed("?zzzz")]),
    ];
    for number in [f.hostile.clone(), f.first.clone()] {
        let open = vec![typed(&format!(":open {number}")), enter.clone()];
        for section in 0..5 {
            let mut steps = open.clone();
            steps.extend(std::iter::repeat_n(Step::Key(KeyCode::Tab), section));
            out.push((format!("case {number} section {section}"), steps.clone()));
            steps.push(Step::Key(KeyCode::End));
            out.push((format!("case {number} section {section} at the end"), steps));
        }
        let mut help = open.clone();
        help.push(typed("?"));
        out.push((format!("help over case {number}"), help));
        let mut prompt = open.clone();
        prompt.push(typed(&format!(":{}", "ә".repeat(200))));
        out.push((format!("prompt over case {number}"), prompt));
        // The forms: filled, refused, asking, with errors shown everywhere.
        let f2 = Step::Key(KeyCode::F(2));
        let tab = Step::Key(KeyCode::Tab);
        for (what, extra) in [
            (
                "extension form over the cap",
                vec![
                    typed("e"),
                    tab.clone(),
                    typed("11"),
                    tab.clone(),
                    typed(&"Қосымша тексеру 漢字 ".repeat(30)),
                ],
            ),
            ("close question", vec![typed("x"), f2.clone()]),
            ("decide question", vec![typed("d"), f2.clone()]),
            (
                "note with many lines, then the discard question",
                vec![
                    typed("m"),
                    typed(&"жол ".repeat(50)),
                    Step::Key(KeyCode::Enter),
                    typed("екінші"),
                    Step::Key(KeyCode::Enter),
                    Step::Key(KeyCode::Enter),
                    typed("\u{1b}[31m"),
                    Step::Key(KeyCode::Esc),
                ],
            ),
            ("letter form", vec![typed("W")]),
            (
                "answer form with errors",
                vec![typed("a"), Step::Key(KeyCode::Backspace), f2.clone()],
            ),
        ] {
            let mut steps = open.clone();
            steps.extend(extra);
            out.push((format!("{what} on {number}"), steps));
        }
    }
    out.push(("register form".into(), vec![typed("n")]));
    out.push((
        "register form with every error".into(),
        vec![
            typed("n"),
            Step::Key(KeyCode::Right),
            Step::Key(KeyCode::Tab),
            typed(&"Әлия ".repeat(40)),
            Step::Key(KeyCode::Tab),
            typed("123"),
            Step::Key(KeyCode::F(2)),
        ],
    ));
    out.push((
        "register form at the text".into(),
        vec![
            typed("n"),
            Step::Key(KeyCode::BackTab),
            Step::Key(KeyCode::BackTab),
            typed(&"漢字жалоба\n".repeat(40)),
        ],
    ));
    out
}

fn sizes() -> Vec<(u16, u16)> {
    let mut v = Vec::new();
    for w in 0..=40 {
        for h in 0..=12 {
            v.push((w, h));
        }
    }
    // Around the layout's thresholds (the minimum, the narrow and the wide queue columns).
    for w in [
        41, 45, 52, 60, 63, 64, 70, 79, 80, 81, 100, 109, 110, 111, 140,
    ] {
        for h in [1, 4, 5, 6, 7, 24] {
            v.push((w, h));
        }
    }
    v.extend([
        (300, 100),
        (1000, 3),
        (3, 1000),
        (500, 130),
        (u16::MAX, 1),
        (1, u16::MAX),
    ]);
    v
}

/// Renders into a buffer of `buf_size` with the console believing it is `app_size`.
fn draw(app: &mut App, texts: &Texts, app_size: (u16, u16), buf_size: (u16, u16), what: &str) {
    let _ = app::update(app, Msg::Resize(app_size.0, app_size.1));
    let area = Rect::new(0, 0, buf_size.0, buf_size.1);
    let mut buf = Buffer::empty(area);
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        ui::render(&mut buf, area, app, texts);
    }));
    assert!(
        result.is_ok(),
        "'{what}' panicked at {}x{} (the console thought {}x{})",
        buf_size.0,
        buf_size.1,
        app_size.0,
        app_size.1
    );
}

#[test]
fn every_screen_draws_at_every_size() {
    let f = fixture();
    let texts = Texts::new().unwrap();
    let mut drawn = 0usize;
    for (lang, profile) in [
        (Lang::Kk, Profile::default()),
        (
            Lang::Ru,
            Profile {
                monochrome: true,
                ascii: true,
                marker_cursor: true,
            },
        ),
    ] {
        for (what, steps) in states(&f) {
            let mut app = build(&f, lang, profile, &steps);
            if what.starts_with("case") {
                assert_eq!(app.screen, Screen::Case, "{what}");
            }
            // The hostile case is a complaint to a local body, open: every form opens on it.
            let forms_open = what.contains(&f.hostile) || what.starts_with("register");
            if forms_open && (what.contains("form") || what.contains("question")) {
                assert!(app.form.is_some(), "{what}");
            }
            if forms_open && what.contains("question") {
                assert!(app.form.as_ref().is_some_and(|f| f.ask.is_some()), "{what}");
            }
            for &size in &sizes() {
                draw(&mut app, &texts, size, size, &what);
                drawn += 1;
            }
        }
    }
    // A guard against a test that draws nothing.
    assert!(drawn > 20_000, "{drawn} frames");
}

#[test]
fn a_size_that_changed_between_reading_and_drawing_never_panics() {
    let f = fixture();
    let texts = Texts::new().unwrap();
    let odd = [
        (0, 0),
        (1, 1),
        (3, 2),
        (10, 3),
        (40, 5),
        (80, 24),
        (300, 100),
    ];
    for (what, steps) in states(&f) {
        let mut app = build(&f, Lang::En, Profile::default(), &steps);
        for &believed in &odd {
            for &real in &odd {
                draw(&mut app, &texts, believed, real, &what);
            }
        }
    }
}

/// The area passed to `render` is clamped to the buffer: a caller that passes a larger area
/// (the bug behind the resize-storm panic) gets a frame cut to the buffer, not a panic.
#[test]
fn an_area_larger_than_the_buffer_is_cut_to_it() {
    let f = fixture();
    let texts = Texts::new().unwrap();
    for (what, steps) in states(&f) {
        let app = build(&f, Lang::Ru, Profile::default(), &steps);
        for (buf_size, area_size) in [
            ((10, 3), (80, 24)),
            ((80, 24), (300, 100)),
            ((0, 0), (80, 24)),
        ] {
            let mut buf = Buffer::empty(Rect::new(0, 0, buf_size.0, buf_size.1));
            let area = Rect::new(0, 0, area_size.0, area_size.1);
            let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                ui::render(&mut buf, area, &app, &texts);
            }));
            assert!(
                result.is_ok(),
                "'{what}' with a {area_size:?} area on a {buf_size:?} buffer"
            );
        }
    }
}

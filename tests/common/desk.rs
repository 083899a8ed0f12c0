//! What the console's behaviour tests share: a temporary database with officers and cases, a
//! console on it driven by key strings through the shipped keymap and the console's own effect
//! runner, and readers of its screen and of a case's history.

#![allow(dead_code)]

use chrono::NaiveDate;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use merzim::app::{self, App, Effect, Msg, Screen, StatusText};
use merzim::domain::case::{Applicant, EventKind, Matter, NewCase, PartyId};
use merzim::domain::ids::{Iin, with_check_digit};
use merzim::domain::vocabulary::{Addressee, Channel, Medium, Term, TermUnit};
use merzim::i18n::{Lang, Texts};
use merzim::keymap::{Keymap, ShippedKeymap};
use merzim::reference::Reference;
use merzim::service::{Caller, CaseCommand, CaseView, QueueQuery, Role, Service, User};
use merzim::ui;
use merzim::ui::theme::Profile;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

pub fn today() -> NaiveDate {
    d(2026, 11, 23)
}

pub fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

pub fn iin_text(seed: u8) -> String {
    let mut n = [8, 7, 0, 4, 1, 2, 3, 0, 0, seed % 10, 2];
    for bump in 0..10u8 {
        n[8] = bump;
        if let Some(s) = with_check_digit(&n) {
            return s;
        }
    }
    panic!("no IIN");
}

pub struct Fixture {
    pub _dir: tempfile::TempDir,
    pub service: Service,
    pub officer: Caller,
    pub supervisor: Caller,
    pub auditor: Caller,
}

pub fn fixture() -> Fixture {
    let dir = tempfile::tempdir().unwrap();
    let service = Service::open(&dir.path().join("db"), Reference::shipped().unwrap()).unwrap();
    for (uid, login, name, role) in [
        (1001, "aigerim", "Айгерім Сәтбаева", Role::Officer),
        (1002, "boss", "Бастық", Role::Supervisor),
        (1003, "audit", "Аудитор", Role::Auditor),
    ] {
        service
            .store()
            .put_user(&User {
                uid,
                login: login.into(),
                name: name.into(),
                role,
                disabled: false,
            })
            .unwrap();
    }
    Fixture {
        officer: service.caller_for_uid(1001).unwrap(),
        supervisor: service.caller_for_uid(1002).unwrap(),
        auditor: service.caller_for_uid(1003).unwrap(),
        service,
        _dir: dir,
    }
}

/// A complaint registered through the service (by the supervisor, unassigned).
pub fn complaint(
    f: &Fixture,
    addressee: Addressee,
    registered: NaiveDate,
    medium: Medium,
) -> String {
    register(
        f,
        Matter::Complaint {
            addressee,
            set_due: None,
        },
        registered,
        medium,
    )
}

pub fn register(f: &Fixture, matter: Matter, registered: NaiveDate, medium: Medium) -> String {
    f.service
        .execute(
            &f.supervisor,
            today(),
            None,
            None,
            CaseCommand::Register {
                case: Box::new(NewCase {
                    matter,
                    medium,
                    applicant: Applicant {
                        name: "Әлия Серікқызы".into(),
                        id: PartyId::Individual(Iin::parse(&iin_text(1)).unwrap()),
                        contact: "+7 701 000 00 00".into(),
                    },
                    registered,
                    subject: "Құжат берудің кешігуі".into(),
                    text: "Мәтін".into(),
                }),
                assignee: None,
            },
        )
        .unwrap()
        .number
}

pub fn application(f: &Fixture, channel: Channel) -> String {
    register(
        f,
        Matter::Application {
            channel,
            service: Some("S-001".into()),
            term: Term {
                value: 15,
                unit: TermUnit::WorkingDays,
            },
        },
        d(2026, 11, 20),
        Medium::Electronic,
    )
}

pub fn run(f: &Fixture, caller: &Caller, cmd: CaseCommand, number: &str) {
    f.service
        .execute(caller, today(), Some(number), None, cmd)
        .unwrap();
}

pub fn query() -> QueueQuery {
    QueueQuery {
        include_closed: true,
        ..Default::default()
    }
}

/// A console for `caller`, in English, with the shipped default keymap, at 80x24.
pub fn console(f: &Fixture, caller: &Caller) -> App {
    let (keymap, _) = Keymap::shipped(ShippedKeymap::Default, None).unwrap();
    let mut app = App::new(
        Lang::En,
        today(),
        caller.login.clone(),
        keymap,
        Profile::default(),
    )
    .with_reference(f.service.reference().clone());
    app.role = caller.role;
    send(f, caller, &mut app, Msg::Resize(80, 24));
    send(f, caller, &mut app, Msg::Key(key(KeyCode::Char('r'))));
    app.status = None;
    app
}

pub fn key(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

/// Feeds a message and carries out the effects with the console's own runner; returns every
/// effect asked for on the way.
pub fn send(f: &Fixture, caller: &Caller, app: &mut App, msg: Msg) -> Vec<Effect> {
    let texts = Texts::new().unwrap();
    let query = query();
    let session = merzim::service::Session::new(f.service.clone(), caller.clone(), Box::new(today));
    let mut runner = merzim::console::Effects::new(&session, &texts, &query);
    let mut effects = app::update(app, msg);
    let mut seen = Vec::new();
    while !effects.is_empty() {
        let e = effects.remove(0);
        seen.push(e.clone());
        if let Some(msg) = runner.answer(app, e) {
            effects.extend(app::update(app, msg));
        }
    }
    seen
}

/// Types a key string: characters as typed, `<name>` for a special key (`<tab>`, `<s-tab>`,
/// `<enter>`, `<esc>`, `<bs>`, `<left>`, `<right>`, `<c-s>`, `<f2>`).
pub fn keys(f: &Fixture, caller: &Caller, app: &mut App, s: &str) -> Vec<Effect> {
    let mut seen = Vec::new();
    let mut rest = s;
    while let Some(c) = rest.chars().next() {
        let (event, len) = if c == '<'
            && let Some(end) = rest.find('>')
            && end > 1
        {
            let name = &rest[1..end];
            let event = match name {
                "tab" => key(KeyCode::Tab),
                "s-tab" => KeyEvent::new(KeyCode::BackTab, KeyModifiers::SHIFT),
                "enter" => key(KeyCode::Enter),
                "esc" => key(KeyCode::Esc),
                "bs" => key(KeyCode::Backspace),
                "left" => key(KeyCode::Left),
                "right" => key(KeyCode::Right),
                "c-s" => KeyEvent::new(KeyCode::Char('s'), KeyModifiers::CONTROL),
                "f2" => key(KeyCode::F(2)),
                other => panic!("unknown key <{other}>"),
            };
            (event, end + 1)
        } else {
            (key(KeyCode::Char(c)), c.len_utf8())
        };
        seen.extend(send(f, caller, app, Msg::Key(event)));
        rest = &rest[len..];
    }
    seen
}

pub fn open(f: &Fixture, caller: &Caller, app: &mut App, number: &str) {
    keys(f, caller, app, &format!(":open {number}<enter>"));
    assert_eq!(app.screen, Screen::Case);
    app.status = None;
}

pub fn screen(app: &App) -> String {
    let texts = Texts::new().unwrap();
    let mut t = Terminal::new(TestBackend::new(app.width, app.height)).unwrap();
    t.draw(|fr| ui::draw(fr, app, &texts)).unwrap();
    let b = t.backend().buffer().clone();
    (0..b.area.height)
        .map(|y| {
            (0..b.area.width)
                .map(|x| b[(x, y)].symbol())
                .collect::<String>()
                .trim_end()
                .to_string()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The screen as one line: wrapped messages read whole.
pub fn flat(app: &App) -> String {
    screen(app)
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

pub fn status(app: &App) -> String {
    let texts = Texts::new().unwrap();
    let s = app.status.as_ref().expect("a status message");
    match &s.text {
        StatusText::Literal(s) => s.clone(),
        StatusText::Message(m) => texts.message(app.lang, m),
        StatusText::Key(k, args) => {
            let args: Vec<(&str, merzim::i18n::Arg)> = args
                .iter()
                .map(|(k, v)| (*k, merzim::i18n::Arg::from(v.as_str())))
                .collect();
            texts.tr_args(app.lang, k, &args)
        }
        StatusText::Words(k, _) => k.to_string(),
    }
}

pub fn view(f: &Fixture, number: &str) -> CaseView {
    f.service.case(&f.supervisor, number, today()).unwrap()
}

pub fn events(f: &Fixture, number: &str) -> Vec<EventKind> {
    view(f, number)
        .case
        .events
        .into_iter()
        .map(|e| e.what)
        .collect()
}

pub fn executes(effects: &[Effect]) -> usize {
    effects
        .iter()
        .filter(|e| matches!(e, Effect::Execute { .. }))
        .count()
}

//! The console's screens on a real (temporary) database: styles per urgency state, snapshots at
//! 80x24 in each language, bytes per key through the lean backend, hostile text.

mod common;

use chrono::NaiveDate;
use common::text_of;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use merzim::app::{self, App, Effect, Msg, Screen};
use merzim::console::backend::LeanBackend;
use merzim::domain::case::{Applicant, Matter, NewCase, Outcome, PartyId};
use merzim::domain::ids::{Iin, with_check_digit};
use merzim::domain::vocabulary::{Addressee, Channel, Form, Ground, Medium};
use merzim::i18n::{Lang, Texts};
use merzim::keymap::{Keymap, ShippedKeymap};
use merzim::reference::Reference;
use merzim::service::{Caller, CaseCommand, QueueQuery, Role, Service, Session, User};
use merzim::ui::{self, theme::Profile};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier};

const HOSTILE_SUBJECT: &str = "\u{1b}[2J\u{1b}]0;pwned\u{7}Жалоба \u{202e}gpj.exe\u{200b}";
const HOSTILE_TEXT: &str = "Прошу рассмотреть\u{1b}]52;c;cm0gLXJmIH4=\u{7}\r\n\u{9b}31mКызыл\u{1b}P+q\u{1b}\\ \
    a\u{301}\u{301}\u{301}\u{301}\u{301}\u{301} \u{8}\u{8}\u{8}ok\u{0}";

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn today() -> NaiveDate {
    d("2026-11-23") // a Monday
}

fn iin(seed: u8) -> Iin {
    // 1987-04-12, century/sex digit 3, serial from the seed.
    let first = [8, 7, 0, 4, 1, 2, 3, 0, 0, seed / 10, seed % 10];
    let mut n = first;
    for bump in 0..10u8 {
        n[8] = bump;
        if let Some(s) = with_check_digit(&n) {
            return Iin::parse(&s).unwrap();
        }
    }
    panic!("no IIN for seed {seed}");
}

struct Fixture {
    _dir: tempfile::TempDir,
    service: Service,
    caller: Caller,
}

fn complaint(
    addressee: Addressee,
    registered: &str,
    subject: &str,
    text: &str,
    seed: u8,
) -> NewCase {
    NewCase {
        matter: Matter::Complaint {
            addressee,
            set_due: None,
        },
        medium: if seed.is_multiple_of(2) {
            Medium::Paper
        } else {
            Medium::Electronic
        },
        applicant: Applicant {
            name: [
                "Айгүл Сейітқызы",
                "Иван Петров",
                "Дәурен Қасымов",
                "Ольга Ким",
            ][usize::from(seed) % 4]
                .into(),
            id: PartyId::Individual(iin(seed)),
            contact: "+7 701 000 00 00".into(),
        },
        registered: d(registered),
        subject: subject.into(),
        text: text.into(),
    }
}

fn fixture() -> Fixture {
    let dir = tempfile::tempdir().unwrap();
    let service = Service::open(&dir.path().join("db"), Reference::shipped().unwrap()).unwrap();
    let user = User {
        uid: 4242,
        login: "aigerim".into(),
        name: "Айгерим".into(),
        role: Role::Supervisor,
        disabled: false,
    };
    service.put_user(None, user).unwrap();
    let caller = service.caller_for_uid(4242).unwrap();
    let reg = |c: NewCase| {
        service
            .execute(
                &caller,
                today(),
                None,
                None,
                CaseCommand::Register {
                    case: Box::new(c),
                    assignee: Some("aigerim".into()),
                },
            )
            .unwrap()
            .number
    };
    reg(complaint(
        Addressee::LocalBody,
        "2026-11-10",
        "Отказ в регистрации по месту жительства",
        "Текст",
        1,
    ));
    reg(complaint(
        Addressee::CentralBody,
        "2026-11-16",
        "Справка не выдана вовремя",
        "Мәтін",
        2,
    ));
    reg(complaint(
        Addressee::QualityAuthority,
        "2026-11-20",
        "Жалоба на качество услуги",
        "Text",
        3,
    ));
    reg(complaint(
        Addressee::LocalBody,
        "2026-11-17",
        "Неверные сведения в справке",
        "Text",
        4,
    ));
    let ext = reg(complaint(
        Addressee::LocalBody,
        "2026-11-13",
        "Земельный участок: нет ответа",
        "Text",
        5,
    ));
    service
        .execute(
            &caller,
            today(),
            Some(&ext),
            None,
            CaseCommand::Extend {
                date: d("2026-11-19"),
                days: 5,
                ground: Ground::Verification,
                reason: "выезд на место".into(),
            },
        )
        .unwrap();
    let mut app_case = complaint(
        Addressee::LocalBody,
        "2026-11-16",
        "Пособие на ребёнка",
        "Text",
        6,
    );
    app_case.matter = Matter::Application {
        channel: Channel::StateCorporation,
        service: None,
        term: "10wd".parse().unwrap(),
    };
    reg(app_case);
    let closed = reg(complaint(
        Addressee::ServiceProvider,
        "2026-11-02",
        "Закрытое дело",
        "Text",
        7,
    ));
    service
        .execute(
            &caller,
            today(),
            Some(&closed),
            None,
            CaseCommand::Decide {
                outcome: Outcome::Satisfied,
                date: d("2026-11-05"),
                ground: None,
            },
        )
        .unwrap();
    service
        .execute(
            &caller,
            today(),
            Some(&closed),
            None,
            CaseCommand::RecordAnswer {
                sent: d("2026-11-05"),
                form: Form::Written,
                reference: "№ 12".into(),
            },
        )
        .unwrap();
    service
        .execute(
            &caller,
            today(),
            Some(&closed),
            None,
            CaseCommand::Close {
                date: d("2026-11-06"),
            },
        )
        .unwrap();
    reg(complaint(
        Addressee::CentralBody,
        "2026-11-19",
        HOSTILE_SUBJECT,
        HOSTILE_TEXT,
        8,
    ));
    Fixture {
        _dir: dir,
        service,
        caller,
    }
}

fn app_on(f: &Fixture, lang: Lang, profile: Profile) -> App {
    let (keymap, _) = Keymap::shipped(ShippedKeymap::Default, None).unwrap();
    let mut app = App::new(lang, today(), f.caller.login.clone(), keymap, profile);
    app::update(&mut app, Msg::Resize(80, 24));
    let rows = f.service.queue(
        &f.caller,
        today(),
        &QueueQuery {
            include_closed: true,
            ..Default::default()
        },
    );
    app::update(&mut app, Msg::QueueLoaded(rows.map_err(|e| e.to_string())));
    app
}

fn key(c: char) -> Msg {
    Msg::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE))
}

fn code(c: KeyCode) -> Msg {
    Msg::Key(KeyEvent::new(c, KeyModifiers::NONE))
}

/// Feeds a message and carries out the effects with the console's own runner.
fn send(f: &Fixture, app: &mut App, msg: Msg) {
    let texts = Texts::new().unwrap();
    let query = QueueQuery {
        include_closed: true,
        ..Default::default()
    };
    let session = Session::new(f.service.clone(), f.caller.clone(), Box::new(today));
    let mut runner = merzim::console::Effects::new(&session, &texts, &query);
    let effects = app::update(app, msg);
    runner.run(app, effects);
}

fn render(app: &App, w: u16, h: u16) -> Buffer {
    let texts = Texts::new().unwrap();
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    t.draw(|f| ui::draw(f, app, &texts)).unwrap();
    t.backend().buffer().clone()
}

fn row_of(b: &Buffer, needle: &str) -> u16 {
    let text = text_of(b);
    text.lines()
        .position(|l| l.contains(needle))
        .unwrap_or_else(|| panic!("no row with {needle}:\n{text}")) as u16
}

#[test]
fn queue_is_sorted_by_urgency_and_styled_by_state() {
    let f = fixture();
    let app = app_on(&f, Lang::En, Profile::default());
    let b = render(&app, 80, 24);
    let text = text_of(&b);
    // Most overdue first: registered 10 Nov, due 17 Nov, four working days overdue.
    let first = text.lines().nth(2).unwrap();
    assert!(
        first.contains("2026-11-17") && first.contains("-4"),
        "{text}"
    );
    assert!(
        first.starts_with(" !"),
        "the state reads without colour: {first}"
    );
    // Overdue: red and bold; selected: reversed.
    let cell = &b[(3, 2)];
    assert_eq!(cell.fg, Color::Red);
    assert!(cell.modifier.contains(Modifier::BOLD | Modifier::REVERSED));
    // Due today (registered 16 Nov, central body): yellow bold, remaining 0.
    // The row shows what is due next (the header also shows today's date).
    let y = row_of(&b, "ANS 11-23");
    assert_eq!(b[(3, y)].fg, Color::Yellow);
    assert!(b[(3, y)].modifier.contains(Modifier::BOLD));
    assert!(text.lines().nth(usize::from(y)).unwrap().starts_with(" *"));
    // Due within one working day (due Tue 24 Nov): yellow, not bold.
    let y = row_of(&b, "ANS 11-24");
    assert_eq!(b[(3, y)].fg, Color::Yellow);
    assert!(!b[(3, y)].modifier.contains(Modifier::BOLD));
    // Closed cases are hidden by default.
    assert!(!text.contains("Закрытое"), "{text}");
    // Every count stays in the header at 80 columns, with the row glyphs; the position, the
    // date computed against, and who is working.
    let header = text.lines().next().unwrap();
    assert!(header.contains("│ !1 *1 +2 E1 N1 │"), "{header}");
    assert!(header.contains("row 1 of 7"), "{header}");
    assert!(header.contains("2026-11-23 aigerim (officer)"), "{header}");
    // On a wide screen, in words.
    let wide = text_of(&render(&app, 200, 50));
    let header = wide.lines().next().unwrap();
    for words in [
        "1 overdue",
        "1 due today",
        "2 due within 1 working day",
        "1 extended",
        "1 notice owed",
    ] {
        assert!(header.contains(words), "{words}: {header}");
    }
}

#[test]
fn closed_cases_shown_on_request_in_grey() {
    let f = fixture();
    let mut app = app_on(&f, Lang::En, Profile::default());
    send(&f, &mut app, key('c'));
    let b = render(&app, 80, 24);
    let y = row_of(&b, "Закрытое");
    assert_eq!(b[(3, y)].fg, Color::DarkGray);
    assert!(
        text_of(&b)
            .lines()
            .nth(usize::from(y))
            .unwrap()
            .starts_with(" -")
    );
}

#[test]
fn monochrome_keeps_states_and_selection_visible() {
    let f = fixture();
    let app = app_on(
        &f,
        Lang::En,
        Profile {
            monochrome: true,
            ..Profile::default()
        },
    );
    let b = render(&app, 80, 24);
    for y in 0..24 {
        for x in 0..80 {
            assert_eq!(b[(x, y)].fg, Color::Reset, "no colour at {x},{y}");
            assert_eq!(b[(x, y)].bg, Color::Reset);
        }
    }
    assert!(
        b[(3, 2)].modifier.contains(Modifier::REVERSED),
        "selection visible"
    );
    assert!(
        b[(3, 2)].modifier.contains(Modifier::BOLD),
        "overdue in bold"
    );
}

#[test]
fn snapshots_in_each_language() {
    let f = fixture();
    for lang in Lang::ALL {
        let mut app = app_on(&f, lang, Profile::default());
        insta::assert_snapshot!(
            format!("queue_{}", lang.code()),
            text_of(&render(&app, 80, 24))
        );
        // Open the most urgent case, then its "why this date".
        send(&f, &mut app, code(KeyCode::Enter));
        assert_eq!(app.screen, Screen::Case);
        insta::assert_snapshot!(
            format!("case_{}", lang.code()),
            text_of(&render(&app, 80, 24))
        );
        send(&f, &mut app, key('w'));
        insta::assert_snapshot!(
            format!("why_{}", lang.code()),
            text_of(&render(&app, 80, 24))
        );
        send(&f, &mut app, key('?'));
        insta::assert_snapshot!(
            format!("help_{}", lang.code()),
            text_of(&render(&app, 80, 24))
        );
    }
}

#[test]
fn any_size_draws_without_panic() {
    let f = fixture();
    let mut app = app_on(&f, Lang::Kk, Profile::default());
    for (w, h) in [
        (1, 1),
        (20, 5),
        (39, 4),
        (40, 5),
        (80, 24),
        (200, 60),
        (81, 7),
    ] {
        app::update(&mut app, Msg::Resize(w, h));
        render(&app, w, h);
        send(&f, &mut app, code(KeyCode::Enter));
        render(&app, w, h);
        send(&f, &mut app, code(KeyCode::Esc));
    }
}

#[test]
fn filter_finds_cyrillic_case_insensitively_and_keeps_the_selection() {
    let f = fixture();
    let mut app = app_on(&f, Lang::Ru, Profile::default());
    send(&f, &mut app, key('j'));
    send(&f, &mut app, key('/'));
    for c in "ЗЕМЕЛЬ".chars() {
        send(&f, &mut app, key(c));
    }
    assert_eq!(app.queue.visible_len(), 1);
    assert!(
        app.queue
            .selected_row()
            .unwrap()
            .subject
            .contains("Земельный")
    );
    // Kazakh letters fold too: "ДӘУРЕН" finds "Дәурен".
    send(
        &f,
        &mut app,
        Msg::Key(KeyEvent::new(KeyCode::Char('u'), KeyModifiers::CONTROL)),
    );
    for c in "ДӘУРЕН".chars() {
        send(&f, &mut app, key(c));
    }
    assert!(app.queue.visible_len() >= 1);
    assert!(
        app.queue
            .selected_row()
            .unwrap()
            .applicant
            .contains("Дәурен")
    );
    // Esc restores the view before the filter, with the same case still selected.
    let selected = app.queue.selected_row().unwrap().number.clone();
    send(&f, &mut app, code(KeyCode::Esc));
    assert_eq!(app.queue.filter(), "");
    assert_eq!(app.queue.selected_row().unwrap().number, selected);
}

#[test]
fn russian_layout_letters_act_as_latin_keys() {
    let f = fixture();
    let mut app = app_on(&f, Lang::Ru, Profile::default());
    send(&f, &mut app, key('о')); // j
    assert_eq!(app.queue.selected(), 1);
    send(&f, &mut app, key('л')); // k
    assert_eq!(app.queue.selected(), 0);
    send(&f, &mut app, key('П')); // G
    assert_eq!(app.queue.selected(), app.queue.visible_len() - 1);
    let mut effects = app::update(&mut app, key('й')); // q
    assert_eq!(effects.pop(), Some(Effect::Quit));
}

/// Everything the lean backend writes for a frame of `app`.
fn frame_bytes(t: &mut Terminal<LeanBackend<Vec<u8>>>, app: &App, texts: &Texts) -> Vec<u8> {
    t.backend_mut().writer_mut().clear();
    t.draw(|f| ui::draw(f, app, texts)).unwrap();
    t.backend().writer().clone()
}

#[test]
fn bytes_per_key() {
    let f = fixture();
    let texts = Texts::new().unwrap();
    for profile in [
        Profile::default(),
        Profile {
            marker_cursor: true,
            ascii: true,
            ..Profile::default()
        },
    ] {
        let mut app = app_on(&f, Lang::En, profile);
        let mut t = Terminal::new(LeanBackend::with_size(Vec::new(), 80, 24)).unwrap();
        let first = frame_bytes(&mut t, &app, &texts);
        assert!(first.len() < 3_500, "first paint {} B", first.len());
        assert!(
            frame_bytes(&mut t, &app, &texts).is_empty(),
            "an unchanged frame writes nothing"
        );
        send(&f, &mut app, key('k')); // already on the first row: nothing changes
        assert!(
            frame_bytes(&mut t, &app, &texts).is_empty(),
            "a key that changes nothing writes nothing"
        );
        send(&f, &mut app, key('j'));
        let one = frame_bytes(&mut t, &app, &texts).len();
        eprintln!(
            "profile {profile:?}: first paint {} B, one-row move {one} B",
            first.len()
        );
        if profile.marker_cursor {
            // Two markers and the header's "row N of M" (a digit or two).
            assert!(one < 40, "low-bandwidth one-row move: {one} B");
        } else {
            // Two full rows rewritten (the minimum for a reversed row is 2 x 80 + 21 = 181).
            assert!(one <= 230, "one-row move: {one} B");
        }
    }
}

#[test]
fn hostile_text_never_reaches_the_terminal() {
    let f = fixture();
    let texts = Texts::new().unwrap();
    let mut app = app_on(&f, Lang::Ru, Profile::default());
    let mut t = Terminal::new(LeanBackend::with_size(Vec::new(), 80, 24)).unwrap();
    let mut out = frame_bytes(&mut t, &app, &texts);
    let hostile = app
        .queue
        .page_rows()
        .position(|(_, r)| r.subject.contains("pwned"))
        .unwrap();
    app::update(
        &mut app,
        Msg::Key(KeyEvent::new(KeyCode::Char('g'), KeyModifiers::NONE)),
    );
    for _ in 0..hostile {
        send(&f, &mut app, key('j'));
    }
    out.extend(frame_bytes(&mut t, &app, &texts));
    send(&f, &mut app, code(KeyCode::Enter));
    for _ in 0..5 {
        out.extend(frame_bytes(&mut t, &app, &texts));
        send(&f, &mut app, code(KeyCode::Tab));
    }
    assert_only_own_sequences(&out);
    let s = String::from_utf8(out).unwrap();
    assert!(
        s.contains("␛]0;pwned"),
        "the escape is shown as a placeholder"
    );
}

/// Every escape sequence is one the lean backend writes (SGR, cursor moves, cursor visibility,
/// erase), and no other control character, C1 control, bidi override or zero-width character is
/// in the output.
fn assert_only_own_sequences(out: &[u8]) {
    let s = String::from_utf8(out.to_vec()).expect("UTF-8 output");
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\u{1b}' => {
                assert_eq!(chars.next(), Some('['), "only CSI sequences");
                let mut body = String::new();
                for c in chars.by_ref() {
                    if c.is_ascii_alphabetic() {
                        body.push(c);
                        break;
                    }
                    body.push(c);
                }
                let fin = body.chars().last().unwrap();
                let params = &body[..body.len() - 1];
                let ok = match fin {
                    'm' | 'H' | 'C' => params.chars().all(|c| c.is_ascii_digit() || c == ';'),
                    'l' | 'h' => params == "?25",
                    'J' | 'K' => params.len() <= 1,
                    _ => false,
                };
                assert!(ok, "unexpected sequence ESC[{body}");
            }
            '\r' => assert_eq!(chars.next(), Some('\n')),
            c => {
                let cp = c as u32;
                assert!(
                    cp >= 0x20 && cp != 0x7f && !(0x80..=0x9f).contains(&cp),
                    "control {cp:#x}"
                );
                assert!(
                    !matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200b}'..='\u{200f}'),
                    "invisible {cp:#x}"
                );
            }
        }
    }
}

#[test]
fn command_line_opens_a_case_and_switches_queues() {
    let f = fixture();
    let mut app = app_on(&f, Lang::En, Profile::default());
    let number = app.queue.page_rows().nth(3).unwrap().1.number.clone();
    send(&f, &mut app, key(':'));
    for c in format!("open {number}").chars() {
        send(&f, &mut app, key(c));
    }
    send(&f, &mut app, code(KeyCode::Enter));
    assert_eq!(app.screen, Screen::Case);
    assert_eq!(app.case.as_ref().unwrap().view.case.number, number);
    send(&f, &mut app, code(KeyCode::Esc));
    for cmd in ["extended", "sort due", "closed", "open"] {
        send(&f, &mut app, key(':'));
        for c in cmd.chars() {
            send(&f, &mut app, key(c));
        }
        send(&f, &mut app, code(KeyCode::Enter));
        assert!(
            app.status.as_ref().is_none_or(|s| !s.error),
            "{cmd}: {:?}",
            app.status
        );
    }
    send(&f, &mut app, key(':'));
    for c in "frobnicate".chars() {
        send(&f, &mut app, key(c));
    }
    send(&f, &mut app, code(KeyCode::Enter));
    assert!(app.status.as_ref().is_some_and(|s| s.error));
    // A case that does not exist: an error in the status line, the queue stays.
    send(&f, &mut app, key(':'));
    for c in "open KZ-1999-999999".chars() {
        send(&f, &mut app, key(c));
    }
    send(&f, &mut app, code(KeyCode::Enter));
    assert_eq!(app.screen, Screen::Queue);
    assert!(app.status.as_ref().is_some_and(|s| s.error));
}

#[test]
fn ascii_profile_draws_no_typographic_symbols() {
    let f = fixture();
    let profile = Profile {
        ascii: true,
        marker_cursor: true,
        ..Profile::default()
    };
    let mut app = app_on(&f, Lang::Ru, profile);
    let mut screens = vec![text_of(&render(&app, 80, 24))];
    send(&f, &mut app, code(KeyCode::Enter));
    for _ in 0..5 {
        screens.push(text_of(&render(&app, 80, 24)));
        send(&f, &mut app, code(KeyCode::Tab));
    }
    send(&f, &mut app, key('?'));
    screens.push(text_of(&render(&app, 80, 24)));
    for s in &screens {
        // (An em dash may be part of Russian text itself; the layout never draws one here.)
        for sym in ['·', '…', '≈', '▶', '│', '␛'] {
            assert!(!s.contains(sym), "'{sym}' in the ASCII profile:\n{s}");
        }
    }
}

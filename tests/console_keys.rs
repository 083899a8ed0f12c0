//! The console's keys on a demo database, drawn with the real renderer (TestBackend): scrolling
//! bounded by what the screen shows, the prompt's caret, the header's order and closed marker,
//! `:open` by the end of a number, and the help's footer from the live keymap.

use chrono::NaiveDate;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use merzim::app::{self, App, Effect, Measure, Msg, Screen};
use merzim::domain::message::Localize;
use merzim::i18n::{Lang, Texts};
use merzim::keymap::{Keymap, ShippedKeymap};
use merzim::reference::Reference;
use merzim::service::demo::{DemoOptions, fill};
use merzim::service::{Caller, QueueQuery, Role, Service, Session, User};
use merzim::ui::{self, Measurer, theme::Profile};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::Modifier;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
}

struct Fixture {
    _dir: tempfile::TempDir,
    service: Service,
    caller: Caller,
}

fn fixture() -> Fixture {
    let dir = tempfile::tempdir().unwrap();
    let service = Service::open(&dir.path().join("db"), Reference::shipped().unwrap()).unwrap();
    let supervisor = User {
        uid: 4242,
        login: "boss".into(),
        name: "Бастық".into(),
        role: Role::Supervisor,
        disabled: false,
    };
    fill(
        &service,
        &DemoOptions {
            cases: 120,
            today: today(),
            seed: 1,
            supervisor,
        },
    )
    .unwrap();
    let caller = service.caller_for_uid(4242).unwrap();
    Fixture {
        _dir: dir,
        service,
        caller,
    }
}

fn query() -> QueueQuery {
    QueueQuery {
        include_closed: true,
        ..Default::default()
    }
}

fn app_on(f: &Fixture, user_keys: Option<&str>) -> App {
    let (keymap, warnings) = Keymap::shipped(ShippedKeymap::Default, user_keys).unwrap();
    assert!(warnings.is_empty(), "{warnings:?}");
    let mut app = App::new(
        Lang::En,
        today(),
        f.caller.login.clone(),
        keymap,
        Profile::default(),
    )
    .with_measure(Box::new(Measurer::new().unwrap()));
    app::update(&mut app, Msg::Resize(80, 24));
    let rows = f.service.queue(&f.caller, today(), &query());
    app::update(&mut app, Msg::QueueLoaded(rows.map_err(|e| e.to_string())));
    app
}

/// Feeds a message and carries out the effects with the console's own runner; returns every
/// effect asked for on the way.
fn send(f: &Fixture, app: &mut App, msg: Msg) -> Vec<Effect> {
    let texts = Texts::new().unwrap();
    let query = query();
    let session = Session::new(f.service.clone(), f.caller.clone(), Box::new(today));
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

fn key(f: &Fixture, app: &mut App, c: char) -> Vec<Effect> {
    send(
        f,
        app,
        Msg::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)),
    )
}

fn code(f: &Fixture, app: &mut App, c: KeyCode) -> Vec<Effect> {
    send(f, app, Msg::Key(KeyEvent::new(c, KeyModifiers::NONE)))
}

fn typed(f: &Fixture, app: &mut App, s: &str) {
    for c in s.chars() {
        key(f, app, c);
    }
}

fn render(app: &App) -> Buffer {
    let texts = Texts::new().unwrap();
    let mut t = Terminal::new(TestBackend::new(app.width, app.height)).unwrap();
    t.draw(|fr| ui::draw(fr, app, &texts)).unwrap();
    t.backend().buffer().clone()
}

fn lines(b: &Buffer) -> Vec<String> {
    (0..b.area.height)
        .map(|y| {
            (0..b.area.width)
                .map(|x| b[(x, y)].symbol())
                .collect::<String>()
                .trim_end()
                .to_string()
        })
        .collect()
}

#[test]
fn k_after_g_scrolls_at_once_in_every_section_and_the_help() {
    let f = fixture();
    let mut app = app_on(&f, None);
    // A short screen: every section is longer than the five rows it shows.
    send(&f, &mut app, Msg::Resize(80, 8));
    // An extended case: obligations, history and the count of days are long.
    key(&f, &mut app, ':');
    typed(&f, &mut app, "extended");
    code(&f, &mut app, KeyCode::Enter);
    code(&f, &mut app, KeyCode::Enter);
    assert_eq!(app.screen, Screen::Case);
    let measurer = Measurer::new().unwrap();
    let mut scrolled = 0;
    for _ in 0..5 {
        key(&f, &mut app, 'G');
        let max = measurer.case_max_scroll(&app);
        let section = app.case.as_ref().unwrap().section;
        let at = |app: &App| app.case.as_ref().unwrap().scroll[section as usize];
        assert!(max < 200, "a bounded end: {max}");
        let bottom = lines(&render(&app));
        if max > 0 {
            scrolled += 1;
            key(&f, &mut app, 'k');
            assert_eq!(at(&app), max - 1, "{section:?}");
            let up = lines(&render(&app));
            assert_ne!(bottom, up, "{section:?}: k moved the text at once");
            // The renderer shows the section's last line at the bottom after G.
            key(&f, &mut app, 'G');
            assert_eq!(lines(&render(&app)), bottom);
        }
        code(&f, &mut app, KeyCode::Tab);
    }
    assert!(scrolled >= 3, "only {scrolled} sections were long enough");
    // The help overlay too.
    key(&f, &mut app, '?');
    key(&f, &mut app, 'G');
    let max = measurer.help_max_scroll(&app);
    assert!(
        max > 0 && app.help_scroll == max,
        "{max} {}",
        app.help_scroll
    );
    key(&f, &mut app, 'k');
    assert_eq!(app.help_scroll, max - 1);
}

#[test]
fn the_prompt_shows_its_caret() {
    let f = fixture();
    let mut app = app_on(&f, None);
    key(&f, &mut app, ':');
    typed(&f, &mut app, "sort due");
    code(&f, &mut app, KeyCode::Left);
    code(&f, &mut app, KeyCode::Left);
    let b = render(&app);
    let y = app.height - 1;
    let line = &lines(&b)[usize::from(y)];
    assert!(line.starts_with("Command: sort due"), "{line}");
    let caret: Vec<(u16, &str)> = (0..app.width)
        .filter(|&x| b[(x, y)].modifier.contains(Modifier::REVERSED))
        .map(|x| (x, b[(x, y)].symbol()))
        .collect();
    assert_eq!(caret, vec![("Command: sort d".len() as u16, "u")]);
}

#[test]
fn the_header_shows_the_order_and_closed_cases() {
    let f = fixture();
    let mut app = app_on(&f, None);
    let header = |app: &App| lines(&render(app))[0].clone();
    assert!(!header(&app).contains("+ closed"), "{}", header(&app));
    key(&f, &mut app, 'c');
    assert!(
        header(&app).contains("Open cases + closed"),
        "{}",
        header(&app)
    );
    let bottom = lines(&render(&app))[23].clone();
    assert!(bottom.starts_with("Closed cases are shown"), "{bottom}");
    key(&f, &mut app, ':');
    typed(&f, &mut app, "sort due desc");
    code(&f, &mut app, KeyCode::Enter);
    assert!(header(&app).contains("↓due"), "{}", header(&app));
    let bottom = lines(&render(&app))[23].clone();
    assert!(bottom.starts_with("Sorted by due, descending"), "{bottom}");
    // The rows follow: due dates never rise down the list (cases without one come first).
    let dues: Vec<_> = app.queue.page_rows().filter_map(|(_, r)| r.due).collect();
    assert!(dues.windows(2).all(|w| w[0] >= w[1]), "{dues:?}");
}

#[test]
fn open_by_the_end_of_a_number() {
    let f = fixture();
    let mut app = app_on(&f, None);
    let number = app.queue.page_rows().nth(4).unwrap().1.number.clone();
    let digits = number.rsplit('-').next().unwrap().trim_start_matches('0');
    key(&f, &mut app, ':');
    typed(&f, &mut app, &format!("open {digits}"));
    code(&f, &mut app, KeyCode::Enter);
    assert_eq!(app.screen, Screen::Case);
    assert_eq!(app.case.as_ref().unwrap().view.case.number, number);
    code(&f, &mut app, KeyCode::Esc);
    key(&f, &mut app, ':');
    typed(&f, &mut app, "open 99999");
    code(&f, &mut app, KeyCode::Enter);
    assert_eq!(app.screen, Screen::Queue);
    let bottom = lines(&render(&app))[23].clone();
    assert_eq!(
        bottom, "No case '99999' in the queue; check the number",
        "{bottom}"
    );
}

#[test]
fn the_help_footer_comes_from_the_live_keymap() {
    let f = fixture();
    let user = "[help]\nq = \"noop\"\nx = \"back\"\n";
    let mut app = app_on(&f, Some(user));
    key(&f, &mut app, '?');
    let footer = lines(&render(&app))[23].clone();
    assert!(footer.starts_with("x, ?, Esc closes this help"), "{footer}");
    // q is unbound in the help now: it types into the filter.
    key(&f, &mut app, 'q');
    assert_eq!(app.help_filter, "q");
    let screen = lines(&render(&app)).join("\n");
    assert!(screen.contains("Quit merzim"), "{screen}");
    assert!(!screen.contains("Jump to the first"), "{screen}");
    code(&f, &mut app, KeyCode::Esc);
    key(&f, &mut app, 'x');
    assert_eq!(app.screen, Screen::Queue);
}

#[test]
fn a_window_shrunk_for_a_moment_keeps_the_place() {
    let f = fixture();
    let mut app = app_on(&f, None);
    send(&f, &mut app, Msg::Resize(80, 8));
    key(&f, &mut app, ':');
    typed(&f, &mut app, "extended");
    code(&f, &mut app, KeyCode::Enter);
    code(&f, &mut app, KeyCode::Enter);
    key(&f, &mut app, 'G');
    let at = app.case.as_ref().unwrap().scroll[0];
    assert!(at > 0);
    for (w, h) in [(0, 0), (1, 1), (3, 40), (200, 2), (39, 8)] {
        send(&f, &mut app, Msg::Resize(w, h));
        key(&f, &mut app, 'j');
        let _ = render(&app);
    }
    send(&f, &mut app, Msg::Resize(80, 8));
    assert_eq!(app.case.as_ref().unwrap().scroll[0], at);
}

/// The effect runner asks the session: a change names the version it was based on (a change
/// without one is refused before it reaches the service), a conflict comes back typed (with
/// both versions, put into the reader's words where it is shown), and a registration gets its
/// number.
#[test]
fn changes_go_through_the_session_with_their_version() {
    use merzim::service::CaseCommand;
    let f = fixture();
    let mut app = app_on(&f, None);
    app.lang = Lang::Ru;
    let texts = Texts::new().unwrap();
    let query = query();
    let session = Session::new(f.service.clone(), f.caller.clone(), Box::new(today));
    let mut runner = merzim::console::Effects::new(&session, &texts, &query);
    let number = app
        .queue
        .loaded_rows()
        .find(|r| r.status.is_open())
        .expect("an open case")
        .number
        .clone();
    let note = || CaseCommand::AddNote {
        text: "Заметка".into(),
    };

    let no_version = runner.answer(
        &app,
        Effect::Execute {
            number: Some(number.clone()),
            expected_version: None,
            command: note(),
        },
    );
    let Some(Msg::Executed(Err(why))) = no_version else {
        panic!("{no_version:?}");
    };
    let words = texts.message(Lang::Ru, &why.message());
    assert!(words.contains("верси"), "{words}");

    let version = f
        .service
        .case(&f.caller, &number, today())
        .unwrap()
        .case
        .version;
    let stale = runner.answer(
        &app,
        Effect::Execute {
            number: Some(number.clone()),
            expected_version: Some(version - 1),
            command: note(),
        },
    );
    let Some(Msg::Executed(Err(why))) = stale else {
        panic!("{stale:?}");
    };
    assert_eq!(
        why,
        merzim::service::ApiError::Conflict {
            number: number.clone(),
            expected: version - 1,
            current: version,
        }
    );
    let words = texts.message(Lang::Ru, &why.message());
    assert!(
        words.contains(&number) && words.contains("изменено"),
        "{words}"
    );

    let done = runner.answer(
        &app,
        Effect::Execute {
            number: Some(number.clone()),
            expected_version: Some(version),
            command: note(),
        },
    );
    let Some(Msg::Executed(Ok(done))) = done else {
        panic!("{done:?}");
    };
    assert_eq!(
        (done.number.as_str(), done.version),
        (number.as_str(), version + 1)
    );
}

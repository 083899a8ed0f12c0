//! `update` answers keys as a user of mutt, k9s or gitui expects: keys in, state and effects
//! out (issue: "the console answers every key").

use chrono::NaiveDate;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::*;
use crate::domain::case::Status as CaseStatus;
use crate::domain::vocabulary::{CaseKind, Medium};
use crate::keymap::ShippedKeymap;
use crate::service::{Badges, Urgency};

fn day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 23).expect("date")
}

fn row(number: &str, urgency: Urgency) -> QueueRow {
    QueueRow {
        number: number.into(),
        kind: CaseKind::Complaint,
        addressee: None,
        channel: None,
        service: None,
        medium: Medium::Paper,
        registered: day(),
        due: Some(day()),
        remaining: Some(0),
        next_due: None,
        next_obligation: None,
        answered: None,
        urgency,
        badges: Badges::default(),
        assignee: None,
        subject: String::new(),
        applicant: String::new(),
        applicant_id: String::new(),
        status: if urgency == Urgency::Closed {
            CaseStatus::Closed
        } else {
            CaseStatus::InProgress
        },
        version: 1,
        problem: None,
        contact: String::new(),
    }
}

/// Ten cases: 1-3 overdue, 4-9 fine, 10 closed; a few with names, contacts and assignees.
fn rows() -> Vec<QueueRow> {
    let mut rows: Vec<QueueRow> = (1..=10)
        .map(|i| {
            let urgency = match i {
                1..=3 => Urgency::Overdue,
                10 => Urgency::Closed,
                _ => Urgency::Ok,
            };
            row(&format!("KZ-2026-{:06}", i * 100 + 4), urgency)
        })
        .collect();
    rows[4].applicant = "Мәдина Қасымова".into();
    rows[5].contact = "+7 701 555 12 34".into();
    rows[6].assignee = Some("aigerim".into());
    rows[7].subject = "Ёлка".into();
    rows
}

/// A fixed measure: the help and every case section scroll at most this far.
struct Fixed(u16);

impl Measure for Fixed {
    fn case_max_scroll(&self, _: &App) -> u16 {
        self.0
    }
    fn help_max_scroll(&self, _: &App) -> u16 {
        self.0
    }
}

fn app() -> App {
    let (keymap, _) = Keymap::shipped(ShippedKeymap::Default, None).expect("keymap");
    let mut app = App::new(Lang::En, day(), "me".into(), keymap, Profile::default())
        .with_measure(Box::new(Fixed(7)));
    update(&mut app, Msg::Resize(80, 24));
    update(&mut app, Msg::QueueLoaded(Ok(rows())));
    app
}

fn press(app: &mut App, c: char) -> Vec<Effect> {
    update(
        app,
        Msg::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)),
    )
}

fn code(app: &mut App, code: KeyCode) -> Vec<Effect> {
    update(app, Msg::Key(KeyEvent::new(code, KeyModifiers::NONE)))
}

fn ctrl(app: &mut App, c: char) -> Vec<Effect> {
    update(
        app,
        Msg::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL)),
    )
}

fn typed(app: &mut App, s: &str) -> Vec<Effect> {
    let mut effects = Vec::new();
    for c in s.chars() {
        effects.extend(press(app, c));
    }
    effects
}

fn command(app: &mut App, line: &str) -> Vec<Effect> {
    press(app, ':');
    typed(app, line);
    code(app, KeyCode::Enter)
}

fn selected(app: &App) -> String {
    app.queue
        .selected_row()
        .map(|r| r.number.clone())
        .unwrap_or_default()
}

fn status_key(app: &App) -> Option<&'static str> {
    match app.status.as_ref().map(|s| &s.text) {
        Some(StatusText::Key(k, _) | StatusText::Words(k, _)) => Some(k),
        _ => None,
    }
}

fn status_arg(app: &App, name: &str) -> String {
    match app.status.as_ref().map(|s| &s.text) {
        Some(StatusText::Key(_, args)) => args
            .iter()
            .find(|(k, _)| *k == name)
            .map(|(_, v)| v.clone())
            .unwrap_or_default(),
        _ => String::new(),
    }
}

#[test]
fn help_scroll_is_clamped_so_k_after_g_moves_at_once() {
    let mut app = app();
    press(&mut app, '?');
    press(&mut app, 'G');
    assert_eq!(app.help_scroll, 7, "the end, not u16::MAX");
    press(&mut app, 'k');
    assert_eq!(app.help_scroll, 6);
    for _ in 0..20 {
        press(&mut app, 'j');
    }
    assert_eq!(app.help_scroll, 7);
    // A bigger screen shows more: the position follows at once.
    app.measure = Some(Box::new(Fixed(2)));
    update(&mut app, Msg::Resize(80, 40));
    assert_eq!(app.help_scroll, 2);
}

#[test]
fn switching_queue_keeps_the_case_or_goes_to_the_first_row() {
    let mut app = app();
    for _ in 0..5 {
        press(&mut app, 'j');
    }
    let fifth = selected(&app);
    assert_eq!(fifth, "KZ-2026-000604");
    // Showing closed cases too: the same case stays selected.
    press(&mut app, 'c');
    assert_eq!(selected(&app), fifth);
    // The overdue queue does not show it: the first row, never the sixth of another list.
    command(&mut app, "overdue");
    assert_eq!(app.queue.selected(), 0);
    assert_eq!(selected(&app), "KZ-2026-000104");
    press(&mut app, 'j');
    command(&mut app, "all");
    assert_eq!(
        selected(&app),
        "KZ-2026-000204",
        "a case still shown stays selected"
    );
    // Enter opens what is shown selected.
    assert_eq!(
        code(&mut app, KeyCode::Enter),
        vec![Effect::LoadCase("KZ-2026-000204".into())]
    );
}

#[test]
fn the_filter_keeps_the_case_while_it_matches_else_the_first_match() {
    let mut app = app();
    press(&mut app, 'G');
    press(&mut app, 'k');
    let before = selected(&app);
    press(&mut app, '/');
    typed(&mut app, "KZ-2026");
    assert_eq!(selected(&app), before, "still matches");
    typed(&mut app, "-0005");
    assert_eq!(app.queue.visible_len(), 1);
    assert_eq!(selected(&app), "KZ-2026-000504");
    code(&mut app, KeyCode::Enter);
    code(&mut app, KeyCode::Esc);
    assert_eq!(app.queue.filter(), "");
    assert_eq!(selected(&app), "KZ-2026-000504");
}

#[test]
fn a_reload_keeps_the_case_or_goes_to_the_first_row() {
    let mut app = app();
    press(&mut app, 'j');
    press(&mut app, 'j');
    let effects = press(&mut app, 'r');
    assert!(effects.contains(&Effect::LoadQueue));
    let mut fewer = rows();
    fewer.remove(0);
    update(&mut app, Msg::QueueLoaded(Ok(fewer.clone())));
    assert_eq!(selected(&app), "KZ-2026-000304");
    assert_eq!(status_key(&app), Some("reloaded"));
    assert_eq!(status_arg(&app, "n"), "9");
    fewer.retain(|r| r.number != "KZ-2026-000304");
    app.status = None;
    update(&mut app, Msg::QueueLoaded(Ok(fewer)));
    assert_eq!(selected(&app), "KZ-2026-000204");
    assert_eq!(app.status, None, "only a reload asked for is reported");
}

#[test]
fn every_action_says_what_it_did() {
    let mut app = app();
    press(&mut app, 'c');
    assert_eq!(status_key(&app), Some("closed-shown"));
    assert_eq!(status_arg(&app, "n"), "10");
    assert!(app.queue.closed_shown_too(), "the title says so");
    press(&mut app, 'c');
    assert_eq!(status_key(&app), Some("closed-hidden"));
    assert!(!app.queue.closed_shown_too());

    command(&mut app, "sort due desc");
    assert_eq!(
        (app.queue.sort(), app.queue.descending()),
        (SortKey::Due, true)
    );
    assert_eq!(
        app.status.as_ref().map(|s| s.text.clone()),
        Some(StatusText::Words(
            "sorted",
            vec![("key", "sort-key-due"), ("order", "sort-order-desc")]
        ))
    );
    assert!(app.queue.sort_changed(), "the header shows the order");
    command(&mut app, "sort");
    assert_eq!(
        (app.queue.sort(), app.queue.descending()),
        (SortKey::Due, false)
    );
    press(&mut app, 'O');
    assert!(app.queue.descending(), "O reverses");
    command(&mut app, "SORT Number");
    assert_eq!(
        (app.queue.sort(), app.queue.descending()),
        (SortKey::Number, false)
    );
    command(&mut app, "sort urgency");
    assert!(!app.queue.sort_changed());

    command(&mut app, "sort colour");
    assert_eq!(status_key(&app), Some("sort-unknown"));
    assert!(status_arg(&app, "keys").contains("registered"));
    command(&mut app, "lang de");
    assert_eq!(status_key(&app), Some("lang-unknown"));
    assert_eq!(status_arg(&app, "codes"), "kk, ru, en");
    command(&mut app, "frobnicate now");
    assert_eq!(status_key(&app), Some("command-unknown-list"));
    assert!(app.status.as_ref().is_some_and(|s| s.error));
    let commands = status_arg(&app, "commands");
    for name in ["sort", "lang", "mine", "overdue", "open", "quit"] {
        assert!(commands.contains(name), "{name} in {commands}");
    }
}

#[test]
fn help_keys_act_and_unbound_letters_filter() {
    let mut app = app();
    press(&mut app, '?');
    press(&mut app, 'j');
    assert_eq!(app.help_scroll, 1, "j scrolls");
    assert_eq!(app.help_filter, "");
    typed(&mut app, "xв");
    assert_eq!(
        app.help_filter, "xв",
        "unbound letters type, Cyrillic ones too"
    );
    assert_eq!(app.help_scroll, 0);
    code(&mut app, KeyCode::Backspace);
    assert_eq!(app.help_filter, "x");
    code(&mut app, KeyCode::Esc);
    assert_eq!(app.help_filter, "", "Esc clears the filter first");
    assert!(matches!(app.screen, Screen::Help { .. }));
    press(&mut app, 'q');
    assert_eq!(app.screen, Screen::Queue, "q closes the help");
    press(&mut app, '?');
    let effects = ctrl(&mut app, 'c');
    assert_eq!(effects, vec![Effect::Quit]);
}

#[test]
fn ctrl_c_cancels_a_prompt_and_quits_elsewhere() {
    let mut app = app();
    press(&mut app, '/');
    typed(&mut app, "704");
    assert_eq!(app.queue.visible_len(), 1);
    assert!(ctrl(&mut app, 'c').is_empty(), "no quit");
    assert_eq!(app.input, None);
    assert_eq!(app.queue.filter(), "", "the filter before typing is back");
    assert_eq!(app.queue.visible_len(), 9);
    press(&mut app, ':');
    typed(&mut app, "sort due");
    assert!(ctrl(&mut app, 'c').is_empty());
    assert_eq!(app.input, None);
    assert_eq!(app.queue.sort(), SortKey::Urgency, "not run");
    assert_eq!(ctrl(&mut app, 'c'), vec![Effect::Quit]);
}

#[test]
fn the_prompt_has_a_caret_and_completes_with_tab() {
    let mut app = app();
    press(&mut app, ':');
    typed(&mut app, "so");
    code(&mut app, KeyCode::Tab);
    assert_eq!(app.input.as_ref().map(|i| i.text.as_str()), Some("sort "));
    typed(&mut app, "re");
    code(&mut app, KeyCode::Tab);
    assert_eq!(
        app.input.as_ref().map(|i| i.text.as_str()),
        Some("sort registered")
    );
    code(&mut app, KeyCode::Left);
    let input = app.input.as_ref().expect("input");
    assert_eq!(input.split(), ("sort registere", "d"));
    code(&mut app, KeyCode::Enter);
    assert_eq!(app.queue.sort(), SortKey::Registered);
}

#[test]
fn the_russian_layout_slash_key_opens_the_filter() {
    let mut app = app();
    press(&mut app, '.');
    assert_eq!(app.input.as_ref().map(|i| i.kind), Some(InputKind::Filter));
    code(&mut app, KeyCode::Esc);
    press(&mut app, ',');
    assert!(matches!(app.screen, Screen::Help { .. }), "',' is '?'");
}

#[test]
fn a_cyrillic_q_while_typing_text_asks_first() {
    let mut app = app();
    // Navigating in the Russian layout and quitting with й: at once.
    typed(&mut app, "оол");
    assert_eq!(press(&mut app, 'й'), vec![Effect::Quit]);

    // "Бойко" typed into the queue: Б does nothing, о moves, й asks.
    let mut app = app_fresh();
    typed(&mut app, "Бо");
    assert!(press(&mut app, 'й').is_empty());
    assert_eq!(status_key(&app), Some("quit-confirm"));
    assert_eq!(status_arg(&app, "key"), "й");
    // Any other key stays (and acts); the question is gone.
    press(&mut app, 'j');
    assert_eq!(app.status, None);
    assert!(!app.quit_pending);
    // Asked again, й confirms.
    typed(&mut app, "ж");
    assert!(press(&mut app, 'й').is_empty());
    assert_eq!(press(&mut app, 'й'), vec![Effect::Quit]);

    // A space between the words (it marks a case in the queue) is still typing.
    let mut app = app_fresh();
    typed(&mut app, "Бо ");
    assert!(press(&mut app, 'й').is_empty());
    assert_eq!(status_key(&app), Some("quit-confirm"));

    // q is never questioned.
    let mut app = app_fresh();
    typed(&mut app, "Бо");
    assert_eq!(press(&mut app, 'q'), vec![Effect::Quit]);
}

fn app_fresh() -> App {
    app()
}

#[test]
fn open_by_the_end_of_the_number_in_any_case() {
    let mut app = app();
    assert_eq!(
        command(&mut app, "open 504"),
        vec![Effect::LoadCase("KZ-2026-000504".into())]
    );
    assert_eq!(
        command(&mut app, "open kz-2026-000704"),
        vec![Effect::LoadCase("KZ-2026-000704".into())]
    );
    assert!(command(&mut app, "open 04").is_empty());
    assert_eq!(status_key(&app), Some("open-ambiguous"));
    assert_eq!(status_arg(&app, "count"), "10");
    assert_eq!(status_arg(&app, "numbers").split(", ").count(), 5);
    assert!(command(&mut app, "open 999").is_empty());
    assert_eq!(status_key(&app), Some("open-not-found"));
    assert_eq!(status_arg(&app, "number"), "999");
    // A whole number not loaded here: the service is asked.
    assert_eq!(
        command(&mut app, "open kz-2020-000001"),
        vec![Effect::LoadCase("KZ-2020-000001".into())]
    );
}

#[test]
fn the_filter_finds_names_typed_on_a_russian_keyboard_assignees_and_contacts() {
    let mut app = app();
    press(&mut app, '/');
    for (typed_text, expected) in [
        ("мадина касымова", "KZ-2026-000504"),
        ("МӘДИНА", "KZ-2026-000504"),
        ("701 555", "KZ-2026-000604"),
        ("AIGERIM", "KZ-2026-000704"),
        ("елка", "KZ-2026-000804"),
    ] {
        ctrl(&mut app, 'u');
        typed(&mut app, typed_text);
        assert_eq!(app.queue.visible_len(), 1, "{typed_text}");
        assert_eq!(selected(&app), expected, "{typed_text}");
    }
}

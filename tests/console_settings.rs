//! The officer's settings file: a bad setting is reported on the bottom line in the reader's
//! language, keeps the good ones, and stays until dismissed; keys that do other things leave it.

use std::path::Path;

use chrono::NaiveDate;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use merzim::app::{self, App, Msg};
use merzim::console::Config;
use merzim::i18n::{Lang, Texts};
use merzim::keymap::{Keymap, ShippedKeymap};
use merzim::ui::{self, theme::Profile};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

fn console(text: &str, lang: Lang) -> (Config, App) {
    let (config, problems) = Config::parse(text, Path::new("/somewhere/merzim/config.toml"));
    let (keymap, _) = Keymap::shipped(ShippedKeymap::Default, None).unwrap();
    let today = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
    let mut app = App::new(lang, today, "aigerim".into(), keymap, Profile::default());
    app::update(&mut app, Msg::Problems(problems));
    app::update(&mut app, Msg::Resize(120, 10));
    app::update(&mut app, Msg::QueueLoaded(Ok(Vec::new())));
    (config, app)
}

fn bottom_line(app: &App) -> String {
    let texts = Texts::new().unwrap();
    let area = Rect::new(0, 0, 120, 10);
    let mut buf = Buffer::empty(area);
    ui::render(&mut buf, area, app, &texts);
    (0..area.width)
        .map(|x| buf[(x, area.height - 1)].symbol().to_string())
        .collect::<String>()
        .trim_end()
        .to_string()
}

fn key(app: &mut App, code: KeyCode) {
    app::update(app, Msg::Key(KeyEvent::new(code, KeyModifiers::NONE)));
}

const FILE: &str = "lang = \"ru\"\ncolour = \"red\"\nascii = \"yes\"\nmonochrome = true\n";

#[test]
fn problems_stay_until_dismissed_one_by_one() {
    let (config, mut app) = console(FILE, Lang::Ru);
    assert_eq!(config.lang, Some(Lang::Ru));
    assert!(config.monochrome);
    assert_eq!(
        bottom_line(&app),
        "[1/2, Esc — скрыть] config.toml:2: настройки 'colour' нет; есть lang, keymap, monochrome, ascii, low_bandwidth, socket,…"
    );
    // Moving, switching the language: the problem stays (in the new language).
    key(&mut app, KeyCode::Char('j'));
    key(&mut app, KeyCode::Char('k'));
    assert!(
        bottom_line(&app).starts_with("[1/2, Esc"),
        "{}",
        bottom_line(&app)
    );
    app.lang = Lang::En;
    assert_eq!(
        bottom_line(&app),
        "[1/2, Esc hides] config.toml:2: no setting 'colour'; the settings are lang, keymap, monochrome, ascii, low_bandwidth, s…"
    );
    key(&mut app, KeyCode::Esc);
    assert_eq!(
        bottom_line(&app),
        "[2/2, Esc hides] config.toml:3: 'ascii' is true or false, not 'yes'"
    );
    key(&mut app, KeyCode::Esc);
    let hints = bottom_line(&app);
    assert!(hints.contains("quit"), "the key hints are back: {hints}");
    assert!(app.problems.current().is_none());
}

#[test]
fn an_unknown_language_names_itself_and_the_choices() {
    let (config, app) = console("lang = \"de\"\n", Lang::Kk);
    assert_eq!(config.lang, None);
    assert_eq!(
        bottom_line(&app),
        "[1/1, Esc — жасыру] config.toml:1: 'de' деген тіл жоқ; 'kk', 'ru', 'en' деп жазыңыз"
    );
}

#[test]
fn a_message_hides_a_problem_only_until_the_next_key() {
    let (_, mut app) = console("colour = 1\n", Lang::En);
    // An unknown command: its message is shown over the problem.
    for c in ":nope".chars() {
        key(&mut app, KeyCode::Char(c));
    }
    key(&mut app, KeyCode::Enter);
    assert!(
        bottom_line(&app).contains("'nope'"),
        "{}",
        bottom_line(&app)
    );
    // Esc clears the message (it has been seen), not the problem under it.
    key(&mut app, KeyCode::Esc);
    assert!(
        bottom_line(&app).starts_with("[1/1, Esc hides] config.toml:1: no setting 'colour'"),
        "{}",
        bottom_line(&app)
    );
}

#[test]
fn a_hostile_value_is_quoted_visibly() {
    let (_, app) = console("lang = \"\\u001b]0;pwned\\u0007\\u202ede\"\n", Lang::En);
    let line = bottom_line(&app);
    assert!(
        line.starts_with("[1/1, Esc hides] config.toml:1: no language '"),
        "{line}"
    );
    assert!(
        !line.contains(['\u{1b}', '\u{7}', '\u{202e}']),
        "raw control characters: {line:?}"
    );
}

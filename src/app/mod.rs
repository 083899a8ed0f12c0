//! The console's state and [`update`], the only place it changes (the Elm architecture:
//! `update(&mut App, Msg) -> Vec<Effect>`; rendering borrows the state and does no I/O).
//!
//! `update` does no I/O either: it asks for data with [`Effect`]s, which the console's loop
//! carries out through the service and answers with a [`Msg`].

mod queue;

use chrono::NaiveDate;
use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use crate::i18n::Lang;
use crate::keymap::{Action, Keymap, Mode};
use crate::service::{CaseView, QueueRow};
use crate::ui::theme::Profile;

pub use queue::{Counts, NamedQueue, Queue, SortKey, fold as fold_text};

/// Which screen is in front.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    Queue,
    Case,
    /// The key help over another screen.
    Help {
        over: Over,
    },
}

/// What the help is shown over.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Over {
    Queue,
    Case,
}

/// A line of text being typed at the bottom: the filter or a command.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Input {
    pub kind: InputKind,
    pub text: String,
    /// The filter before typing began, restored by Esc.
    pub before: String,
}

/// What the bottom line is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputKind {
    Filter,
    Command,
}

/// The sections of the case view.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    Parties,
    Text,
    Obligations,
    History,
    Why,
}

impl Section {
    /// In tab order.
    pub const ALL: [Section; 5] = [
        Section::Parties,
        Section::Text,
        Section::Obligations,
        Section::History,
        Section::Why,
    ];

    /// The catalogue key of its title.
    pub fn i18n_key(self) -> &'static str {
        match self {
            Section::Parties => "section-parties",
            Section::Text => "section-text",
            Section::Obligations => "section-obligations",
            Section::History => "section-history",
            Section::Why => "section-why",
        }
    }

    fn step(self, by: isize) -> Section {
        let i = Section::ALL.iter().position(|s| *s == self).unwrap_or(0) as isize;
        let n = Section::ALL.len() as isize;
        Section::ALL[(i + by).rem_euclid(n) as usize]
    }
}

/// A message for the status line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Status {
    pub text: StatusText,
    pub error: bool,
}

/// Status text: a catalogue key with arguments (translated when drawn, so that switching the
/// language translates it too) or a literal message from elsewhere (an error from the service).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StatusText {
    Key(&'static str, Vec<(&'static str, String)>),
    Literal(String),
}

/// The open case.
#[derive(Debug, Clone)]
pub struct OpenCase {
    pub view: CaseView,
    pub section: Section,
    /// First line shown, per section.
    pub scroll: [u16; 5],
}

/// Everything the console shows.
pub struct App {
    pub lang: Lang,
    pub today: NaiveDate,
    /// The officer's login, for the "mine" queue.
    pub me: String,
    pub keymap: Keymap,
    pub profile: Profile,
    pub screen: Screen,
    pub queue: Queue,
    pub input: Option<Input>,
    pub case: Option<OpenCase>,
    pub help_scroll: u16,
    /// Typed in the help overlay: only the keys whose description or name match are shown.
    pub help_filter: String,
    pub status: Option<Status>,
    /// The screen size, as last reported.
    pub width: u16,
    pub height: u16,
    /// Waiting for the queue to load.
    pub loading: bool,
    /// Problems in the officer's settings files, shown on the bottom line one at a time until
    /// dismissed with Back (Esc): unlike a message, a key does not clear them.
    pub problems: Problems,
}

/// Problems found in the officer's settings files, dismissed one at a time.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Problems {
    list: Vec<StatusText>,
    dismissed: usize,
}

impl Problems {
    /// The problem to show: its place (1-based), how many there are, and the problem.
    pub fn current(&self) -> Option<(usize, usize, &StatusText)> {
        let p = self.list.get(self.dismissed)?;
        Some((self.dismissed + 1, self.list.len(), p))
    }

    fn dismiss(&mut self) {
        self.dismissed = (self.dismissed + 1).min(self.list.len());
    }
}

/// What happened.
#[derive(Debug)]
pub enum Msg {
    Key(KeyEvent),
    Resize(u16, u16),
    /// The office's date changed (midnight passed).
    Today(NaiveDate),
    QueueLoaded(Result<Vec<QueueRow>, String>),
    CaseLoaded(Box<Result<CaseView, String>>),
    /// Nothing is waiting: time for work that shows nothing (the filter's index).
    Idle,
    /// What was wrong with the officer's settings files.
    Problems(Vec<StatusText>),
}

/// What `update` asks the loop to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    LoadQueue,
    LoadCase(String),
    /// Forget what the terminal shows and draw everything again.
    Repaint,
    Quit,
}

/// Rows above the cases on the queue screen: the header and the column titles.
pub const QUEUE_HEADER_ROWS: u16 = 2;
/// Rows below the cases: the bottom line.
pub const QUEUE_FOOTER_ROWS: u16 = 1;

impl App {
    /// A console before anything is loaded.
    pub fn new(lang: Lang, today: NaiveDate, me: String, keymap: Keymap, profile: Profile) -> App {
        App {
            lang,
            today,
            me,
            keymap,
            profile,
            screen: Screen::Queue,
            queue: Queue::default(),
            input: None,
            case: None,
            help_scroll: 0,
            help_filter: String::new(),
            status: None,
            width: 80,
            height: 24,
            loading: true,
            problems: Problems::default(),
        }
    }

    /// How many case rows fit on the queue screen.
    pub fn page_rows(&self) -> usize {
        usize::from(
            self.height
                .saturating_sub(QUEUE_HEADER_ROWS + QUEUE_FOOTER_ROWS),
        )
        .max(1)
    }

    fn mode(&self) -> Mode {
        match self.screen {
            Screen::Queue => Mode::Queue,
            Screen::Case => Mode::Case,
            Screen::Help { .. } => Mode::Help,
        }
    }

    fn info(&mut self, key: &'static str, args: Vec<(&'static str, String)>) {
        self.status = Some(Status {
            text: StatusText::Key(key, args),
            error: false,
        });
    }

    fn error(&mut self, text: StatusText) {
        self.status = Some(Status { text, error: true });
    }
}

/// The one place the console's state changes.
pub fn update(app: &mut App, msg: Msg) -> Vec<Effect> {
    match msg {
        Msg::Resize(w, h) => {
            app.width = w;
            app.height = h;
            let page = app.page_rows();
            app.queue.set_page(page);
            // The terminal may have clipped or reflowed what it showed, even if the size ends
            // where it began (a zoom in and out between two frames): draw everything again.
            vec![Effect::Repaint]
        }
        Msg::Today(d) => {
            app.today = d;
            vec![Effect::LoadQueue]
        }
        Msg::QueueLoaded(Ok(rows)) => {
            app.loading = false;
            app.queue.load(rows, &app.me);
            Vec::new()
        }
        Msg::QueueLoaded(Err(e)) => {
            app.loading = false;
            app.error(StatusText::Literal(e));
            Vec::new()
        }
        Msg::CaseLoaded(result) => {
            let view = match *result {
                Ok(v) => v,
                Err(e) => {
                    app.error(StatusText::Literal(e));
                    return Vec::new();
                }
            };
            // A reload of the open case keeps the reader's place.
            let (section, scroll) = match &app.case {
                Some(c) if c.view.case.number == view.case.number => (c.section, c.scroll),
                _ => (Section::Parties, [0; 5]),
            };
            app.case = Some(OpenCase {
                view,
                section,
                scroll,
            });
            if app.screen == Screen::Queue {
                app.screen = Screen::Case;
            }
            Vec::new()
        }
        Msg::Key(key) => on_key(app, key),
        Msg::Idle => {
            app.queue.build_index();
            Vec::new()
        }
        Msg::Problems(list) => {
            app.problems = Problems { list, dismissed: 0 };
            Vec::new()
        }
    }
}

fn on_key(app: &mut App, key: KeyEvent) -> Vec<Effect> {
    if key.kind == KeyEventKind::Release {
        return Vec::new();
    }
    if app.input.is_some() {
        return on_input_key(app, key);
    }
    if matches!(app.screen, Screen::Help { .. }) && on_help_filter_key(app, key) {
        return Vec::new();
    }
    let Some(action) = app.keymap.action(app.mode(), key) else {
        return Vec::new();
    };
    // Back dismisses the settings problem the bottom line shows (no message or input above it).
    if action == Action::Back
        && app.status.is_none()
        && app.problems.current().is_some()
        && !matches!(app.screen, Screen::Help { .. })
    {
        app.problems.dismiss();
        return Vec::new();
    }
    // A key clears the last message: it has been seen.
    app.status = None;
    match (app.screen, action) {
        (_, Action::Quit) => vec![Effect::Quit],
        (_, Action::SwitchLanguage) => {
            app.lang = app.lang.next();
            app.info(
                "language-switched",
                vec![("name", app.lang.code().to_string())],
            );
            Vec::new()
        }
        (_, Action::Refresh) => {
            let mut effects = vec![Effect::Repaint, Effect::LoadQueue];
            if let (Screen::Case, Some(c)) = (app.screen, &app.case) {
                effects.push(Effect::LoadCase(c.view.case.number.clone()));
            }
            effects
        }
        (Screen::Help { over }, Action::Help | Action::Back) => {
            app.screen = match over {
                Over::Queue => Screen::Queue,
                Over::Case => Screen::Case,
            };
            Vec::new()
        }
        (Screen::Help { .. }, a) => {
            app.help_scroll = scroll(app.help_scroll, a, app.height);
            Vec::new()
        }
        (Screen::Queue, Action::Help) => {
            app.help_scroll = 0;
            app.help_filter.clear();
            app.screen = Screen::Help { over: Over::Queue };
            Vec::new()
        }
        (Screen::Case, Action::Help) => {
            app.help_scroll = 0;
            app.help_filter.clear();
            app.screen = Screen::Help { over: Over::Case };
            Vec::new()
        }
        (Screen::Queue, a) => on_queue_action(app, a),
        (Screen::Case, a) => on_case_action(app, a),
    }
}

/// In the help overlay, letters filter the list (arrows and page keys still scroll, `?` and Esc
/// close it): `true` when the key was taken.
fn on_help_filter_key(app: &mut App, key: KeyEvent) -> bool {
    let plain = !key
        .modifiers
        .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT);
    match key.code {
        KeyCode::Char(c) if plain && c != '?' && !c.is_control() => {
            app.help_filter.push(c);
            app.help_scroll = 0;
            true
        }
        KeyCode::Backspace if !app.help_filter.is_empty() => {
            app.help_filter.pop();
            true
        }
        KeyCode::Esc if !app.help_filter.is_empty() => {
            app.help_filter.clear();
            true
        }
        _ => false,
    }
}

fn on_queue_action(app: &mut App, action: Action) -> Vec<Effect> {
    let q = &mut app.queue;
    match action {
        Action::MoveDown | Action::ScrollDown => q.move_by(1),
        Action::MoveUp | Action::ScrollUp => q.move_by(-1),
        Action::PageDown => q.page_by(1),
        Action::PageUp => q.page_by(-1),
        Action::Top => q.move_to(0),
        Action::Bottom => q.move_to(usize::MAX),
        Action::ToggleClosed => {
            q.set_show_closed(!q.show_closed());
        }
        Action::Back => {
            if !q.filter().is_empty() {
                q.set_filter(String::new());
            } else if q.named() != NamedQueue::Default {
                q.set_named(NamedQueue::Default);
            }
        }
        Action::Filter => {
            app.input = Some(Input {
                kind: InputKind::Filter,
                text: q.filter().to_string(),
                before: q.filter().to_string(),
            });
        }
        Action::Command => {
            app.input = Some(Input {
                kind: InputKind::Command,
                text: String::new(),
                before: String::new(),
            });
        }
        Action::Open => {
            if let Some(row) = q.selected_row() {
                return vec![Effect::LoadCase(row.number.clone())];
            }
        }
        _ => {}
    }
    Vec::new()
}

fn on_case_action(app: &mut App, action: Action) -> Vec<Effect> {
    let height = app.height;
    let Some(case) = app.case.as_mut() else {
        app.screen = Screen::Queue;
        return Vec::new();
    };
    let idx = Section::ALL
        .iter()
        .position(|s| *s == case.section)
        .unwrap_or(0);
    match action {
        Action::Back => {
            app.screen = Screen::Queue;
        }
        Action::NextSection => case.section = case.section.step(1),
        Action::PrevSection => case.section = case.section.step(-1),
        Action::Explain => case.section = Section::Why,
        Action::Command => {
            app.input = Some(Input {
                kind: InputKind::Command,
                text: String::new(),
                before: String::new(),
            });
        }
        a => case.scroll[idx] = scroll(case.scroll[idx], a, height),
    }
    Vec::new()
}

/// Scrolling text by lines and pages; the renderer clamps to the text's length.
fn scroll(pos: u16, action: Action, height: u16) -> u16 {
    let page = height.saturating_sub(4).max(1);
    match action {
        Action::ScrollDown | Action::MoveDown => pos.saturating_add(1),
        Action::ScrollUp | Action::MoveUp => pos.saturating_sub(1),
        Action::PageDown => pos.saturating_add(page),
        Action::PageUp => pos.saturating_sub(page),
        Action::Top => 0,
        Action::Bottom => u16::MAX,
        _ => pos,
    }
}

fn on_input_key(app: &mut App, key: KeyEvent) -> Vec<Effect> {
    let Some(input) = app.input.as_mut() else {
        return Vec::new();
    };
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    match key.code {
        KeyCode::Esc => {
            let kind = input.kind;
            let before = std::mem::take(&mut input.before);
            app.input = None;
            if kind == InputKind::Filter {
                app.queue.set_filter(before);
            }
            return Vec::new();
        }
        KeyCode::Enter => {
            let input = app.input.take();
            if let Some(Input {
                kind: InputKind::Command,
                text,
                ..
            }) = input
            {
                return run_command(app, &text);
            }
            return Vec::new();
        }
        KeyCode::Backspace => {
            input.text.pop();
        }
        // Ctrl-U clears the line, as in a shell.
        KeyCode::Char('u') if ctrl => input.text.clear(),
        // Ctrl-W deletes the last word.
        KeyCode::Char('w') if ctrl => {
            let trimmed = input.text.trim_end().len();
            let cut = input.text[..trimmed].rfind(' ').map_or(0, |i| i + 1);
            input.text.truncate(cut);
        }
        KeyCode::Char(c) if !ctrl && !c.is_control() => input.text.push(c),
        _ => return Vec::new(),
    }
    if input.kind == InputKind::Filter {
        let text = input.text.clone();
        app.queue.set_filter(text);
    }
    Vec::new()
}

/// `:` commands: a named queue (`mine`, `overdue`, ...), `sort KEY`, `lang kk|ru|en`, `q`.
fn run_command(app: &mut App, line: &str) -> Vec<Effect> {
    let mut words = line.split_whitespace();
    let Some(cmd) = words.next() else {
        return Vec::new();
    };
    let arg = words.next();
    // `open NUMBER` opens a case; `open` alone is the queue of open cases.
    if let ("open", Some(number)) = (cmd, arg) {
        return vec![Effect::LoadCase(number.to_string())];
    }
    if let Some(named) = NamedQueue::from_name(cmd) {
        app.queue.set_named(named);
        app.screen = Screen::Queue;
        return Vec::new();
    }
    match (cmd, arg) {
        ("q" | "quit", None) => vec![Effect::Quit],
        ("sort", Some(key)) => match SortKey::from_name(key) {
            Some(k) => {
                app.queue.set_sort(k);
                app.screen = Screen::Queue;
                Vec::new()
            }
            None => {
                app.error(StatusText::Key(
                    "command-unknown",
                    vec![("command", line.to_string())],
                ));
                Vec::new()
            }
        },
        ("lang", Some(code)) => match code.parse::<Lang>() {
            Ok(l) => {
                app.lang = l;
                app.info("language-switched", vec![("name", l.code().to_string())]);
                Vec::new()
            }
            Err(_) => {
                app.error(StatusText::Key(
                    "command-unknown",
                    vec![("command", line.to_string())],
                ));
                Vec::new()
            }
        },
        _ => {
            app.error(StatusText::Key(
                "command-unknown",
                vec![("command", line.to_string())],
            ));
            Vec::new()
        }
    }
}

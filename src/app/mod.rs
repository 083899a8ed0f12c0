//! The console's state and [`update`], the only place it changes (the Elm architecture:
//! `update(&mut App, Msg) -> Vec<Effect>`; rendering borrows the state and does no I/O).
//!
//! `update` does no I/O either: it asks for data with [`Effect`]s, which the console's loop
//! carries out through the service and answers with a [`Msg`].

pub mod bulk;
pub mod command;
pub mod dashboard;
pub mod drafts;
pub mod form;
mod input;
pub mod live;
mod profile;
mod queue;
pub mod unsaved;

use chrono::NaiveDate;
use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use crate::domain::case::{Matter, Status as CaseStatus};
use crate::domain::deadline::Extension;
use crate::domain::message::{Localize, Message};
use crate::domain::vocabulary::{Addressee, CaseKind, Channel, Ground};
use crate::i18n::Lang;
use crate::keymap::{Action, Keymap, Mode};
use crate::letters::LetterKind;
use crate::reference::Reference;
use crate::service::{
    ApiError, CaseCommand, CaseView, Draft, DraftKey, Executed, QueueRow, Role, User,
};

pub use crate::service::search::fold as fold_text;
pub use dashboard::DashboardView;
pub use form::{Ask, Field, FieldId, FieldInput, Form, FormKind};
pub use input::{Completion, Edit, Input, InputKind};
pub use live::{CaseChange, Connection};
pub use profile::Profile;
pub use queue::{Counts, NamedQueue, Queue, SortKey};

/// Which screen is in front.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    Queue,
    Case,
    /// The key help over another screen.
    Help {
        over: Over,
    },
    /// The supervisor's dashboard (issue 10).
    Dashboard,
}

/// What the help is shown over.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Over {
    Queue,
    Case,
    Dashboard,
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
    /// A catalogue key whose arguments are catalogue keys too ("sorted by {due}, {descending}"),
    /// all translated when drawn.
    Words(&'static str, Vec<(&'static str, &'static str)>),
    /// A fact or refusal of the layers below (an extension the law forbids, with its article).
    Message(Message),
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

/// What `update` needs to know of the renderer's layout: how far a text can scroll at the
/// current size, so that a scroll position is always one the screen shows (`k` after `G` then
/// moves at once). The renderer implements it (`ui::Measurer`, with the same line building it
/// draws with) and the console hands it over with [`App::with_measure`]: `app` never imports
/// `ui`.
pub trait Measure: Send {
    /// The last first line of the open case's current section: its lines less the rows shown.
    fn case_max_scroll(&self, app: &App) -> u16;
    /// The same for the help overlay, with its filter.
    fn help_max_scroll(&self, app: &App) -> u16;
}

/// Everything the console shows.
pub struct App {
    pub lang: Lang,
    pub today: NaiveDate,
    /// The officer's login, for the "mine" queue.
    pub me: String,
    /// The officer's role (shown in the header: officer, supervisor or auditor).
    pub role: Role,
    /// The office's time zone, for the times of history.
    pub utc_offset: chrono::FixedOffset,
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
    /// A reload asked for by the officer: its arrival is reported.
    pub reloading: bool,
    /// Quitting through a Cyrillic letter waits for a second press (see [`on_key`]).
    pub quit_pending: bool,
    /// The last keys were Cyrillic letters, at least one of them bound to nothing: the officer
    /// seems to be typing text, not commands.
    pub typing: bool,
    /// The form being filled, over the screen.
    pub form: Option<Form>,
    /// The calendar, the rules and the service register: what the forms' live previews are
    /// computed with (pure domain functions, never the service).
    pub reference: Option<std::sync::Arc<Reference>>,
    /// A registration saved whose external number still goes into its first note.
    pending_note: Option<(String, String)>,
    /// The officer's drafts found at start, offered back one at a time (see [`drafts`]).
    pub offers: std::collections::VecDeque<Draft>,
    /// A draft to reopen once its case has loaded.
    pub reopening: Option<Draft>,
    /// The link to the daemon, for a console over its socket (`None`: the embedded console).
    pub connection: Option<Connection>,
    /// Quiet reloads after the daemon's change notices (see [`live`]).
    pub live: live::Live,
    /// The dashboard's counts and cursor (see [`dashboard`]).
    pub dashboard: DashboardView,
    /// N of the dashboard's "due within N working days" (`due_within` in config.toml).
    pub due_within: u32,
    /// A bulk action on the marked cases under way (see [`bulk`]).
    pub bulk: Option<bulk::Bulk>,
    measure: Option<Box<dyn Measure>>,
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
    /// The case asked for may not be shown to this officer (assigned to someone else since) or
    /// does not exist: said, and the case view it was on is left for the reloaded queue.
    CaseGone(String),
    /// Nothing is waiting: time for work that shows nothing (the filter's index).
    Idle,
    /// What was wrong with the officer's settings files.
    Problems(Vec<StatusText>),
    /// The answer to [`Effect::Execute`]: the case's number and new version, or why not, as
    /// the service said it (put into words where it is shown, at the field it names).
    Executed(Result<Executed, ApiError>),
    /// Case records that could not be read and were left out of the queue (their numbers, or
    /// their keys where the number is unknown).
    Damaged(Vec<String>),
    /// Text pasted into the terminal (bracketed paste): one event, typed into the focused field.
    Paste(String),
    /// The answer to [`Effect::WriteLetter`]: the file written, or why not (in words).
    LetterWritten(Result<String, String>),
    /// The answer to [`Effect::LoadDrafts`]: the officer's drafts, or why not (in words).
    DraftsLoaded(Result<Vec<Draft>, String>),
    /// The answer to [`Effect::SaveDraft`]: the form's draft saved up to edit `edit`.
    DraftSaved {
        key: DraftKey,
        edit: u64,
        result: Result<(), String>,
    },
    /// The answer to [`Effect::DeleteDraft`] (nothing to show either way).
    DraftDeleted(Result<(), String>),
    /// Another officer (or this one, elsewhere) changed these cases (the daemon's notice).
    Changed(Vec<CaseChange>),
    /// Too much changed to list: reload what is shown.
    Resync,
    /// The link to the daemon broke: why, and what happens now.
    LinkDown(Message),
    /// The link to the daemon is back.
    LinkUp,
    /// The answer to [`Effect::LoadDashboard`]: the counts, or why not (in words).
    DashboardLoaded(Box<Result<crate::service::dashboard::Dashboard, String>>),
    /// The answer to [`Effect::LoadUsers`]: the database's users, or why not (in words).
    UsersLoaded(Result<Vec<User>, String>),
    /// The answer to [`Effect::Bulk`]: each case's number with its new version or why not, or
    /// why the whole request was refused (in words).
    BulkDone(Result<crate::service::BulkResults, String>),
    /// The daemon acts for this login and role now (its welcome): a supervisor may have
    /// changed them since the console started.
    Caller {
        login: String,
        role: Role,
    },
}

/// What `update` asks the loop to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    LoadQueue,
    LoadCase(String),
    /// Change a case through the service (none for a registration), based on the version the
    /// officer saw.
    Execute {
        number: Option<String>,
        expected_version: Option<u64>,
        command: CaseCommand,
    },
    /// Write a letter for a case to a file (its format from the extension), in the reader's
    /// language.
    WriteLetter {
        number: String,
        kind: LetterKind,
        path: String,
    },
    /// The officer's drafts (at start, to offer them back).
    LoadDrafts,
    /// Save what the form holds as the officer's draft: the `edit`-th edit of the form. The
    /// loop may wait a little and send only the latest of several (it debounces; `update`
    /// has no clock).
    SaveDraft {
        key: DraftKey,
        fields: std::collections::BTreeMap<String, String>,
        edit: u64,
    },
    /// The form was saved (acknowledged) or deliberately thrown away: its draft goes.
    DeleteDraft(DraftKey),
    /// The database's users (to pick whom marked cases go to).
    LoadUsers,
    /// One command on many cases, each based on the version the officer saw.
    Bulk {
        items: Vec<(String, u64)>,
        command: CaseCommand,
    },
    /// Forget what the terminal shows and draw everything again.
    Repaint,
    /// The dashboard's counts, with the console's "due within N".
    LoadDashboard,
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
            role: Role::Officer,
            // Kazakhstan has one zone, UTC+5, since 1 March 2024 (DESIGN 1.1).
            utc_offset: chrono::FixedOffset::east_opt(5 * 3600)
                .unwrap_or_else(|| chrono::Offset::fix(&chrono::Utc)),
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
            reloading: false,
            quit_pending: false,
            typing: false,
            form: None,
            reference: None,
            pending_note: None,
            offers: std::collections::VecDeque::new(),
            reopening: None,
            connection: None,
            live: live::Live::default(),
            dashboard: DashboardView::default(),
            due_within: crate::service::dashboard::DEFAULT_DUE_WITHIN,
            bulk: None,
            measure: None,
        }
    }

    /// The reference data the forms compute their previews with.
    pub fn with_reference(mut self, reference: Reference) -> App {
        self.reference = Some(std::sync::Arc::new(reference));
        self
    }

    /// The renderer's measure of scrollable text (see [`Measure`]). Without one, scrolling
    /// is not bounded by `update` (only by the renderer).
    pub fn with_measure(mut self, measure: Box<dyn Measure>) -> App {
        self.measure = Some(measure);
        self
    }

    /// How many case rows fit on the queue screen.
    pub fn page_rows(&self) -> usize {
        usize::from(
            self.height
                .saturating_sub(QUEUE_HEADER_ROWS + QUEUE_FOOTER_ROWS),
        )
        .max(1)
    }

    /// The catalogue key of the officer's role.
    pub fn role_key(&self) -> &'static str {
        crate::service::role_key(self.role)
    }

    /// The key table in force: a form's (or its question's) over the screen's.
    pub fn mode(&self) -> Mode {
        if drafts::offered(self).is_some() {
            return Mode::Confirm;
        }
        if let Some(mode) = bulk::mode(self) {
            return mode;
        }
        if let Some(form) = &self.form {
            return if form.ask.is_some() {
                Mode::Confirm
            } else {
                Mode::Form
            };
        }
        match self.screen {
            Screen::Queue => Mode::Queue,
            Screen::Case => Mode::Case,
            Screen::Help { .. } => Mode::Help,
            Screen::Dashboard => Mode::Dashboard,
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

    fn error_key(&mut self, key: &'static str, args: Vec<(&'static str, String)>) {
        self.error(StatusText::Key(key, args));
    }

    /// Brings the scroll position of what is shown back within its text: after any change
    /// (a key, a resize, another language, a reload), so that the next key moves at once.
    fn clamp_scroll(&mut self) {
        let Some(measure) = self.measure.as_deref() else {
            return;
        };
        match self.screen {
            Screen::Case => {
                let max = measure.case_max_scroll(self);
                if let Some(c) = self.case.as_mut() {
                    let i = c.section.index();
                    c.scroll[i] = c.scroll[i].min(max);
                }
            }
            Screen::Help { .. } => {
                let max = measure.help_max_scroll(self);
                self.help_scroll = self.help_scroll.min(max);
            }
            Screen::Queue | Screen::Dashboard => {}
        }
    }

    fn open_help(&mut self, over: Over) {
        self.help_scroll = 0;
        self.help_filter.clear();
        self.screen = Screen::Help { over };
    }

    fn open_input(&mut self, kind: InputKind) {
        let start = match kind {
            InputKind::Filter => self.queue.filter().to_string(),
            InputKind::Command => String::new(),
        };
        self.input = Some(Input::new(kind, &start));
    }
}

impl Section {
    fn index(self) -> usize {
        Section::ALL.iter().position(|s| *s == self).unwrap_or(0)
    }
}

/// The one place the console's state changes.
pub fn update(app: &mut App, msg: Msg) -> Vec<Effect> {
    let effects = match msg {
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
            let mut effects = vec![Effect::LoadQueue];
            effects.extend(dashboard::reload_if_shown(app));
            effects
        }
        Msg::QueueLoaded(Ok(rows)) => {
            app.loading = false;
            // The buckets the header counts are the dashboard's, reckoned on the same day.
            app.queue.set_horizon(dashboard::horizon(app));
            let (quiet, again) = live::queue_arrived(app);
            if quiet {
                app.queue.reload(rows, &app.me);
            } else {
                app.queue.load(rows, &app.me);
            }
            if std::mem::take(&mut app.reloading) {
                let n = app.queue.loaded_rows().len();
                app.info("reloaded", vec![("n", n.to_string())]);
            }
            again
        }
        Msg::QueueLoaded(Err(e)) => {
            app.loading = false;
            app.reloading = false;
            let (_, again) = live::queue_arrived(app);
            app.error(StatusText::Literal(e));
            again
        }
        Msg::CaseLoaded(result)
            if result
                .as_ref()
                .as_ref()
                .is_ok_and(|v| live::case_arrived(app, &v.case.number)) =>
        {
            // The quiet reload of the open case: the same place, no screen changes; if the
            // officer has left it meanwhile, nothing to do.
            if let (Ok(view), Some(open)) = (*result, app.case.as_mut())
                && open.view.case.number == view.case.number
            {
                open.view = view;
            }
            Vec::new()
        }
        Msg::CaseLoaded(result) => {
            let loaded = result.is_ok();
            match *result {
                Ok(view) => {
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
                    unsaved::case_reloaded(app);
                }
                Err(e) => {
                    // A quiet reload that failed is not waited for any more.
                    app.live.forget_case();
                    app.error(StatusText::Literal(e))
                }
            }
            drafts::case_arrived(app, loaded);
            Vec::new()
        }
        Msg::CaseGone(e) => {
            app.error(StatusText::Literal(e));
            drafts::case_arrived(app, false);
            // A form keeps its text (its save will say why it cannot be saved); a case view
            // with nothing typed in it goes back to the queue, which no longer lists the case.
            if app.screen == Screen::Case && app.form.is_none() {
                app.screen = Screen::Queue;
                app.case = None;
                return vec![Effect::LoadQueue];
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
        Msg::Executed(Ok(done)) => executed(app, done),
        Msg::Damaged(records) => {
            let shown: Vec<String> = records.iter().take(5).cloned().collect();
            let problem = StatusText::Key(
                "queue-damaged",
                vec![
                    ("count", records.len().to_string()),
                    ("records", shown.join(", ")),
                ],
            );
            if !app.problems.list.contains(&problem) {
                app.problems.list.push(problem);
            }
            Vec::new()
        }
        // Refused or in conflict: the form stays, with everything typed, and says why.
        Msg::Executed(Err(error)) => unsaved::refused(app, error),
        Msg::Paste(text) => {
            if let Some(form) = app.form.as_mut()
                && form.ask.is_none()
                && !form.saving
                && let form::FormKey::Edited = form.paste(&text)
            {
                recheck(app);
                return drafts::edited(app);
            } else if let Some(input) = app.input.as_mut() {
                for c in text.chars().filter(|c| !c.is_control()) {
                    input.key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
                }
                if input.kind == InputKind::Filter {
                    let text = input.text.clone();
                    app.queue.set_filter(text);
                }
            }
            Vec::new()
        }
        Msg::LetterWritten(result) => {
            let mut effects = Vec::new();
            match (result, app.form.as_mut()) {
                (Ok(path), _) => {
                    if let Some(form) = app.form.take() {
                        effects.push(Effect::DeleteDraft(form.draft_key()));
                    }
                    app.info("form-letter-written", vec![("path", path)]);
                }
                (Err(why), Some(form)) => {
                    form.saving = false;
                    form.error = Some(Message::new("plain-text").text("text", why));
                }
                (Err(why), None) => app.error(StatusText::Literal(why)),
            }
            effects
        }
        Msg::DraftsLoaded(result) => {
            drafts::loaded(app, result);
            Vec::new()
        }
        Msg::DraftSaved { key, edit, result } => {
            drafts::saved(app, key, edit, result);
            Vec::new()
        }
        // A draft that could not be deleted is offered again at the next start: nothing to do.
        Msg::DraftDeleted(_) => Vec::new(),
        Msg::Changed(changes) => {
            let mut effects = live::changed(app, changes);
            effects.extend(dashboard::reload_if_shown(app));
            effects
        }
        Msg::Resync => {
            let mut effects = live::resync(app);
            effects.extend(dashboard::reload_if_shown(app));
            effects
        }
        Msg::DashboardLoaded(result) => {
            dashboard::loaded(app, *result);
            Vec::new()
        }
        Msg::LinkDown(why) => {
            live::down(app, why);
            Vec::new()
        }
        Msg::LinkUp => live::up(app),
        Msg::UsersLoaded(result) => bulk::users_loaded(app, result),
        Msg::BulkDone(result) => bulk::done(app, result),
        Msg::Caller { login, role } => live::caller(app, login, role),
    };
    if app.form.is_none() {
        app.live.form_note = None;
    }
    app.clamp_scroll();
    effects
}

/// A letter of the Russian or Kazakh alphabet (what typing text in those layouts produces).
fn cyrillic_letter(key: &KeyEvent) -> Option<char> {
    match key.code {
        KeyCode::Char(c)
            if !key
                .modifiers
                .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT)
                && ('\u{0400}'..='\u{04FF}').contains(&c)
                && c.is_alphabetic() =>
        {
            Some(c)
        }
        _ => None,
    }
}

/// Keys on the screens (not in a text line).
///
/// Quitting through a Cyrillic letter (`й` is `q` in the same place) asks for a second press
/// when the officer seems to be typing text: when the keys just before were Cyrillic letters
/// and one of them was bound to nothing ("Бойко" typed into the queue). Navigating with
/// Cyrillic letters (`о`, `л`, `П` act as `j`, `k`, `G`) and quitting with `й` right away is
/// not slowed down, and `q` or Ctrl-c always quit at once.
fn on_key(app: &mut App, key: KeyEvent) -> Vec<Effect> {
    if key.kind == KeyEventKind::Release {
        return Vec::new();
    }
    if app.input.is_some() {
        return on_input_key(app, key);
    }
    if app.form.is_some() {
        return on_form_key(app, key);
    }
    if drafts::offered(app).is_some() {
        let action = app.keymap.action(Mode::Confirm, key);
        return drafts::on_offer_key(app, action);
    }
    if app.bulk.is_some() {
        let action = app.keymap.action(app.mode(), key);
        return bulk::on_action(app, action);
    }
    let mode = app.mode();
    // Bound in the keymap itself (not through the keyboard-layout fallback): `Some(None)` is
    // a key removed with `noop`.
    let exact = app.keymap.bound(mode, key);
    // In the help, a key that no table binds (or that `noop` removed) may type into the filter.
    let unbound = !matches!(exact, Some(Some(_)));
    if matches!(app.screen, Screen::Help { .. }) && unbound && on_help_filter_key(app, key) {
        return Vec::new();
    }
    let quit_pending = std::mem::take(&mut app.quit_pending);
    let cyrillic = cyrillic_letter(&key);
    let action = match exact {
        Some(bound) => bound,
        None => app.keymap.action(mode, key),
    };
    let was_typing = app.typing;
    // A space between typed words keeps the officer "typing", even where Space is bound (it
    // marks a case in the queue): "Бойко й" still asks before quitting.
    let space = key.code == KeyCode::Char(' ');
    app.typing = match (cyrillic, action) {
        (Some(_), None) => true,
        (Some(_), Some(_)) => was_typing,
        (None, _) => was_typing && space,
    };
    let Some(action) = action else {
        if quit_pending {
            app.status = None;
        }
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
    if action == Action::Quit {
        if let (Some(c), None, true, false) = (cyrillic, exact, was_typing, quit_pending) {
            app.quit_pending = true;
            app.info("quit-confirm", vec![("key", c.to_string())]);
            return Vec::new();
        }
        return vec![Effect::Quit];
    }
    match (app.screen, action) {
        (_, Action::SwitchLanguage) => {
            app.lang = app.lang.next();
            app.info(
                "language-switched",
                vec![("name", app.lang.code().to_string())],
            );
            Vec::new()
        }
        (_, Action::Refresh) => {
            app.reloading = true;
            let mut effects = vec![Effect::Repaint, Effect::LoadQueue];
            if let (Screen::Case, Some(c)) = (app.screen, &app.case) {
                effects.push(Effect::LoadCase(c.view.case.number.clone()));
            }
            effects.extend(dashboard::reload_if_shown(app));
            effects
        }
        // Back clears the help's filter first, as it clears the queue's.
        (Screen::Help { .. }, Action::Back) if !app.help_filter.is_empty() => {
            app.help_filter.clear();
            Vec::new()
        }
        (Screen::Help { over }, Action::Help | Action::Back) => {
            app.screen = match over {
                Over::Queue => Screen::Queue,
                Over::Case => Screen::Case,
                Over::Dashboard => Screen::Dashboard,
            };
            Vec::new()
        }
        (Screen::Help { .. }, a) => {
            app.help_scroll = scroll(app.help_scroll, a, app.height);
            Vec::new()
        }
        (Screen::Queue, Action::Help) => {
            app.open_help(Over::Queue);
            Vec::new()
        }
        (Screen::Case, Action::Help) => {
            app.open_help(Over::Case);
            Vec::new()
        }
        (Screen::Dashboard, Action::Help) => {
            app.open_help(Over::Dashboard);
            Vec::new()
        }
        (Screen::Dashboard, a) => dashboard::on_action(app, a),
        (Screen::Queue, a) => on_queue_action(app, a),
        (Screen::Case, a) => on_case_action(app, a),
    }
}

/// In the help overlay, letters that no key of the help binds type into its filter (the list
/// is in the reader's language, so Cyrillic letters type too rather than acting as the Latin
/// key in their place); Backspace and Esc edit the filter while it is not empty. `true` when
/// the key was taken.
fn on_help_filter_key(app: &mut App, key: KeyEvent) -> bool {
    let plain = !key
        .modifiers
        .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT);
    match key.code {
        KeyCode::Char(c)
            if plain && (c.is_alphanumeric() || (c == ' ' && !app.help_filter.is_empty())) =>
        {
            app.help_filter.push(c);
            app.help_scroll = 0;
            true
        }
        KeyCode::Backspace if !app.help_filter.is_empty() => {
            app.help_filter.pop();
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
            let on = !q.show_closed();
            q.set_show_closed(on);
            let key = if on { "closed-shown" } else { "closed-hidden" };
            let n = q.visible_len().to_string();
            app.info(key, vec![("n", n)]);
        }
        Action::ReverseSort => {
            let (key, descending) = (q.sort(), !q.descending());
            q.set_sort(key, descending);
            say_sorted(app);
        }
        Action::Back => {
            if !q.filter().is_empty() {
                q.set_filter(String::new());
            } else if !dashboard::back_from_queue(app) && app.queue.named() != NamedQueue::Default {
                app.queue
                    .set_view(NamedQueue::Default, crate::service::Scope::All);
            }
        }
        Action::Dashboard => return dashboard::open(app),
        Action::Filter => app.open_input(InputKind::Filter),
        Action::Command => app.open_input(InputKind::Command),
        Action::Open => {
            if let Some(row) = q.selected_row() {
                return vec![Effect::LoadCase(row.number.clone())];
            }
        }
        Action::Register => open_register(app),
        Action::ToggleMark => q.toggle_mark(),
        Action::MarkDown => q.mark_and_move(1),
        Action::MarkUp => q.mark_and_move(-1),
        Action::MarkAll => {
            q.mark_visible();
            let n = q.marked_len().to_string();
            app.info("bulk-marked", vec![("n", n)]);
        }
        Action::ClearMarks => {
            q.clear_marks();
            app.info("bulk-cleared", Vec::new());
        }
        Action::BulkAssign => return bulk::start_assign(app),
        Action::BulkTake => return bulk::start_take(app),
        Action::Take => {
            if let Some(row) = q.selected_row() {
                let (number, version, assignee) =
                    (row.number.clone(), row.version, row.assignee.clone());
                return take(app, number, version, assignee);
            }
        }
        _ => {}
    }
    Vec::new()
}

/// Take a case (assign it to oneself), or give it back when it is one's own.
fn take(app: &mut App, number: String, version: u64, assignee: Option<String>) -> Vec<Effect> {
    if app.role == Role::Auditor {
        app.error_key("form-auditor", Vec::new());
        return Vec::new();
    }
    let to = if assignee.as_deref() == Some(app.me.as_str()) {
        None
    } else {
        Some(app.me.clone())
    };
    vec![Effect::Execute {
        number: Some(number),
        expected_version: Some(version),
        command: CaseCommand::Assign { to },
    }]
}

/// "Sorted by due, descending" in the status line.
fn say_sorted(app: &mut App) {
    let order = if app.queue.descending() {
        "sort-order-desc"
    } else {
        "sort-order-asc"
    };
    app.status = Some(Status {
        text: StatusText::Words(
            "sorted",
            vec![("key", app.queue.sort().i18n_key()), ("order", order)],
        ),
        error: false,
    });
}

fn on_case_action(app: &mut App, action: Action) -> Vec<Effect> {
    let height = app.height;
    let Some(case) = app.case.as_mut() else {
        app.screen = Screen::Queue;
        return Vec::new();
    };
    let idx = case.section.index();
    match action {
        Action::Back => {
            app.screen = Screen::Queue;
        }
        Action::NextSection => case.section = case.section.step(1),
        Action::PrevSection => case.section = case.section.step(-1),
        Action::Explain => case.section = Section::Why,
        Action::Command => app.open_input(InputKind::Command),
        Action::Take => {
            if let Some(why) = app.why_not(Action::Take) {
                app.status = Some(Status {
                    text: why,
                    error: true,
                });
                return Vec::new();
            }
            let Some(case) = app.case.as_ref() else {
                return Vec::new();
            };
            let c = &case.view.case;
            let (number, version, assignee) = (c.number.clone(), c.version, c.assignee.clone());
            return take(app, number, version, assignee);
        }
        a if form_of(a).is_some() => {
            if let Some(kind) = form_of(a) {
                open_form(app, a, kind);
            }
        }
        a => case.scroll[idx] = scroll(case.scroll[idx], a, height),
    }
    Vec::new()
}

/// The form an action of the case view opens.
fn form_of(action: Action) -> Option<FormKind> {
    Some(match action {
        Action::Extend => FormKind::Extend,
        Action::RecordNotice => FormKind::Notice,
        Action::RecordAnswer => FormKind::Answer,
        Action::Decide => FormKind::Decide,
        Action::CloseCase => FormKind::Close,
        Action::Reopen => FormKind::Reopen,
        Action::AddNote => FormKind::Note,
        Action::SetDue => FormKind::SetDue,
        Action::RefuseAtIntake => FormKind::RefuseAtIntake,
        Action::LinkCase => FormKind::Link,
        Action::Assign => FormKind::Assign,
        Action::WriteLetter => FormKind::Letter,
        _ => return None,
    })
}

impl App {
    /// Why `action` cannot be done on the open case now (`None`: it can). The hint bar leaves
    /// out what cannot be done; the key says why.
    pub fn why_not(&self, action: Action) -> Option<StatusText> {
        let key = |k: &'static str| Some(StatusText::Key(k, Vec::new()));
        let changes = form_of(action).is_some_and(|k| k != FormKind::Letter)
            || matches!(action, Action::Take | Action::Register);
        if changes && self.role == Role::Auditor {
            return key("form-auditor");
        }
        if action == Action::Register {
            return None;
        }
        let case = &self.case.as_ref()?.view.case;
        let open = case.status.is_open();
        let kind = case.kind();
        match action {
            Action::Extend => {
                if let Some(facts) = case.complaint_facts()
                    && let Some(r) = self.reference.as_deref()
                {
                    let probe = Extension {
                        date: self.today,
                        days: 1,
                        ground: Ground::Verification,
                        reason: String::new(),
                    };
                    // Art. 25.4: who may extend at all (the days and the date are the form's).
                    if let Err(e) = crate::domain::deadline::check_new_extension(
                        &r.calendar,
                        &r.rules,
                        &facts,
                        &probe,
                    ) && matches!(e, crate::domain::deadline::Refusal::MayNotExtend { .. })
                    {
                        return Some(StatusText::Message(e.message()));
                    }
                }
                if kind != CaseKind::Complaint {
                    return key("form-not-complaint");
                }
                (!open).then(|| StatusText::Key("form-closed", Vec::new()))
            }
            Action::RecordNotice => match &case.matter {
                Matter::Complaint { .. } if case.extensions.is_empty() => key("form-no-extension"),
                Matter::Application { channel, .. } if *channel != Channel::StateCorporation => {
                    key("form-no-handover")
                }
                _ => None,
            },
            Action::RecordAnswer | Action::Decide | Action::CloseCase => {
                if !open {
                    key("form-closed")
                } else if action == Action::Decide && case.decision.is_some() {
                    key("form-decided")
                } else {
                    None
                }
            }
            Action::Reopen => (case.status != CaseStatus::Closed)
                .then(|| StatusText::Key("form-not-closed", vec![])),
            Action::SetDue => match &case.matter {
                Matter::Complaint {
                    addressee: Addressee::SuperiorBody,
                    ..
                } => None,
                _ => key("form-term-by-law"),
            },
            Action::RefuseAtIntake => {
                if kind != CaseKind::Application {
                    key("form-not-application")
                } else if !open || case.decision.is_some() {
                    key("form-closed")
                } else {
                    None
                }
            }
            // An officer takes only an unassigned case, or gives back their own.
            Action::Take => match &case.assignee {
                Some(owner) if self.role != Role::Supervisor && *owner != self.me => Some(
                    StatusText::Key("form-taken", vec![("login", owner.clone())]),
                ),
                _ => None,
            },
            Action::Assign => (self.role != Role::Supervisor)
                .then(|| StatusText::Key("form-supervisor-only", Vec::new())),
            _ => None,
        }
    }
}

/// Opens the registration form (not for an auditor).
fn open_register(app: &mut App) {
    if app.role == Role::Auditor {
        app.error_key("form-auditor", Vec::new());
    } else {
        let mut form = Form::register(app.today);
        form.lang = app.lang;
        form.check(app.reference.as_deref(), app.today);
        app.form = Some(form);
    }
}

/// Opens the form of `action` on the open case, or says why it cannot be done.
fn open_form(app: &mut App, action: Action, kind: FormKind) {
    if let Some(why) = app.why_not(action) {
        app.status = Some(Status {
            text: why,
            error: true,
        });
        return;
    }
    let Some(case) = app.case.as_ref() else {
        return;
    };
    let mut form = Form::for_case(kind, &case.view.case, app.today);
    form.lang = app.lang;
    form.check(app.reference.as_deref(), app.today);
    app.form = Some(form);
}

/// The form's checks and live preview again, after an edit.
fn recheck(app: &mut App) {
    let (reference, today) = (app.reference.clone(), app.today);
    if let Some(form) = app.form.as_mut() {
        form.lang = app.lang;
        form.error = None;
        form.check(reference.as_deref(), today);
    }
}

/// Keys in a form: the form's own key table (never `[global]`, never the keyboard-layout
/// fallback: letters are text), else text editing in the focused field.
fn on_form_key(app: &mut App, key: KeyEvent) -> Vec<Effect> {
    let mode = app.mode();
    let action = app.keymap.action(mode, key);
    let (reference, today) = (app.reference.clone(), app.today);
    let Some(form) = app.form.as_mut() else {
        return Vec::new();
    };
    if let Some(ask) = form.ask.clone() {
        match action {
            Some(Action::Confirm) => {
                form.ask = None;
                match ask {
                    // Thrown away deliberately: so is its draft.
                    Ask::Discard => {
                        let key = form.draft_key();
                        app.form = None;
                        return vec![Effect::DeleteDraft(key)];
                    }
                    Ask::Save(_) => {
                        if let Some(ready) = form.check(reference.as_deref(), today) {
                            return submit(app, ready);
                        }
                    }
                }
            }
            Some(Action::Back) => form.ask = None,
            _ => {}
        }
        return Vec::new();
    }
    if form.saving {
        return Vec::new();
    }
    // Enter in a multi-line field starts a new line: text editing, not "next field".
    let multiline = form.focused().is_some_and(Field::is_multiline);
    let action = match action {
        Some(Action::NextField) if multiline && key.code == KeyCode::Enter => None,
        a => a,
    };
    match action {
        Some(Action::Save) => {
            form.tried = true;
            form.error = None;
            match form.check(reference.as_deref(), today) {
                Some(ready) => {
                    if let Some(q) = form.question(&ready) {
                        form.ask = Some(Ask::Save(q));
                        return Vec::new();
                    }
                    return submit(app, ready);
                }
                None => {
                    if let Some(i) = form.fields.iter().position(|f| f.error.is_some()) {
                        form.focus = i;
                    }
                }
            }
        }
        Some(Action::NextField) => form.move_focus(1),
        Some(Action::PrevField) => form.move_focus(-1),
        Some(Action::Back) => {
            if form.touched {
                form.ask = Some(Ask::Discard);
            } else {
                app.form = None;
            }
        }
        Some(_) => {}
        None => {
            if let form::FormKey::Edited = form.edit(key) {
                if let Some(f) = form.fields.get_mut(form.focus) {
                    f.touched = true;
                }
                recheck(app);
                return drafts::edited(app);
            }
        }
    }
    Vec::new()
}

/// Sends what the form will do: one command based on the version the officer saw, or a letter.
fn submit(app: &mut App, ready: form::Ready) -> Vec<Effect> {
    let Some(form) = app.form.as_mut() else {
        return Vec::new();
    };
    form.saving = true;
    // Saved on the version whose changes the form showed: the conflict has been read.
    form.conflict = None;
    match ready {
        form::Ready::Command(command) => vec![Effect::Execute {
            number: form.number.clone(),
            expected_version: form.version,
            command,
        }],
        form::Ready::Letter(kind, path) => vec![Effect::WriteLetter {
            number: form.number.clone().unwrap_or_default(),
            kind,
            path,
        }],
    }
}

/// A change saved: the form closes and says what was done; a new case is shown with its number.
fn executed(app: &mut App, done: Executed) -> Vec<Effect> {
    let args = vec![
        ("number", done.number.clone()),
        ("version", done.version.to_string()),
    ];
    let mut effects = Vec::new();
    // The save is acknowledged: the draft of the form that made it goes.
    if let Some(form) = app.form.as_ref().filter(|f| f.saving) {
        effects.push(Effect::DeleteDraft(form.draft_key()));
    }
    match app.form.take() {
        Some(form) if form.saving && form.kind == FormKind::Register => {
            let external = form.value(FieldId::External).trim().to_string();
            if external.is_empty() {
                app.info("form-registered", vec![("number", done.number.clone())]);
            } else {
                // `NewCase` has no field for the external number: it goes into the first note.
                app.pending_note = Some((done.number.clone(), external.clone()));
                effects.push(Effect::Execute {
                    number: Some(done.number.clone()),
                    expected_version: Some(done.version),
                    command: CaseCommand::AddNote {
                        text: format!("{}: {external}", EXTERNAL_NUMBER_NOTE),
                    },
                });
            }
        }
        Some(form) if form.saving => {
            app.status = Some(Status {
                text: StatusText::Message(
                    Message::new("form-done")
                        .word("what", form.kind.i18n_key())
                        .text("number", done.number.clone())
                        .number("version", i64::try_from(done.version).unwrap_or(i64::MAX)),
                ),
                error: false,
            });
        }
        other => {
            app.form = other;
            match app.pending_note.take() {
                Some((number, external)) if number == done.number => app.info(
                    "form-registered-external",
                    vec![("number", number), ("external", external)],
                ),
                _ => app.info("change-saved", args),
            }
        }
    }
    // What the change did to the queue and to the case, from the service.
    effects.push(Effect::LoadQueue);
    effects.push(Effect::LoadCase(done.number));
    effects
}

/// How the first note of a registered case names its external registration number (e-Otinish,
/// ЕСЭДО): in the three languages, since the note is read by whoever opens the case.
pub const EXTERNAL_NUMBER_NOTE: &str = "Тіркеу нөмірі / Рег. номер / External reg. no.";

/// Scrolling text by lines and pages; [`App::clamp_scroll`] then keeps it within the text.
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

/// Keys while a line is typed: editing, Enter to run it, Esc or Ctrl-c to drop it.
fn on_input_key(app: &mut App, key: KeyEvent) -> Vec<Effect> {
    let Some(input) = app.input.as_mut() else {
        return Vec::new();
    };
    match input.key(key) {
        Edit::Cancel => {
            let kind = input.kind;
            let before = std::mem::take(&mut input.before);
            app.input = None;
            if kind == InputKind::Filter {
                app.queue.set_filter(before);
            }
            Vec::new()
        }
        Edit::Submit => {
            let Some(input) = app.input.take() else {
                return Vec::new();
            };
            match input.kind {
                InputKind::Command => run_command(app, &input.text),
                InputKind::Filter => Vec::new(),
            }
        }
        Edit::Changed => {
            if input.kind == InputKind::Filter {
                let text = input.text.clone();
                app.queue.set_filter(text);
            }
            Vec::new()
        }
        Edit::Moved => Vec::new(),
    }
}

/// `:` commands: a named queue (`mine`, `overdue`, ...), `sort [KEY] [asc|desc]`,
/// `lang kk|ru|en`, `open NUMBER`, `q`. Command words are read in any letter case.
fn run_command(app: &mut App, line: &str) -> Vec<Effect> {
    let words: Vec<String> = line
        .split_whitespace()
        .map(|w| w.to_ascii_lowercase())
        .collect();
    let words: Vec<&str> = words.iter().map(String::as_str).collect();
    match words.as_slice() {
        [] => Vec::new(),
        ["open", what] => open_case(app, what),
        ["q" | "quit"] => vec![Effect::Quit],
        ["dashboard"] => dashboard::open(app),
        ["asof"] => dashboard::open_as_of(app, None),
        ["asof", day] => match chrono::NaiveDate::parse_from_str(day, "%Y-%m-%d") {
            Ok(day) => dashboard::open_as_of(app, Some(day)),
            Err(_) => {
                app.error_key("asof-bad-date", vec![("text", day.to_string())]);
                Vec::new()
            }
        },
        ["sort", rest @ ..] if rest.len() <= 2 => {
            sort_command(app, rest);
            Vec::new()
        }
        ["lang", code] => {
            match code.parse::<Lang>() {
                Ok(l) => {
                    app.lang = l;
                    app.info("language-switched", vec![("name", l.code().to_string())]);
                }
                Err(_) => {
                    let codes: Vec<&str> = Lang::ALL.iter().map(|l| l.code()).collect();
                    app.error_key(
                        "lang-unknown",
                        vec![("code", code.to_string()), ("codes", codes.join(", "))],
                    );
                }
            }
            Vec::new()
        }
        [name] if NamedQueue::from_name(name).is_some() => {
            if let Some(named) = NamedQueue::from_name(name) {
                app.queue.set_view(named, crate::service::Scope::All);
                app.dashboard.opened_queue = false;
                app.screen = Screen::Queue;
            }
            Vec::new()
        }
        _ => {
            app.error_key(
                "command-unknown-list",
                vec![
                    ("command", line.trim().to_string()),
                    ("commands", command::names().join(", ")),
                ],
            );
            Vec::new()
        }
    }
}

/// `:sort` reverses the order; `:sort KEY` orders by KEY, `asc` or `desc` (default `asc`);
/// `:sort desc` reverses the current key.
fn sort_command(app: &mut App, args: &[&str]) {
    let mut key = app.queue.sort();
    let mut descending = !app.queue.descending();
    if !args.is_empty() {
        descending = false;
    }
    for (i, arg) in args.iter().enumerate() {
        match (*arg, SortKey::from_name(arg)) {
            (_, Some(k)) if i == 0 => key = k,
            ("asc", None) => descending = false,
            ("desc", None) => descending = true,
            _ => {
                let keys: Vec<&str> = SortKey::ALL.iter().map(|k| k.name()).collect();
                app.error_key(
                    "sort-unknown",
                    vec![
                        ("key", (*arg).to_string()),
                        ("keys", keys.join(", ")),
                        ("orders", command::SORT_ORDERS.join(", ")),
                    ],
                );
                return;
            }
        }
    }
    app.queue.set_sort(key, descending);
    app.screen = Screen::Queue;
    say_sorted(app);
}

/// `:open WHAT`: the case among the loaded rows (any letter case, or the digits at the end of
/// its number); a full number that is not loaded is asked of the service, which is the judge.
fn open_case(app: &mut App, what: &str) -> Vec<Effect> {
    match command::find_case(app.queue.loaded_rows(), what) {
        command::Found::One(number) => vec![Effect::LoadCase(number)],
        command::Found::Several(numbers, count) => {
            app.error_key(
                "open-ambiguous",
                vec![
                    ("number", what.to_string()),
                    ("count", count.to_string()),
                    ("numbers", numbers.join(", ")),
                ],
            );
            Vec::new()
        }
        command::Found::None if what.contains('-') => {
            vec![Effect::LoadCase(what.to_uppercase())]
        }
        command::Found::None => {
            app.error_key("open-not-found", vec![("number", what.to_string())]);
            Vec::new()
        }
    }
}

#[cfg(test)]
mod tests;

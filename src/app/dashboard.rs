//! The supervisor's dashboard as the console holds it (issue 10): the counts the service made,
//! and a cursor over the cells. Enter on a cell opens the queue of that officer and bucket;
//! Back from that queue comes back here.
//!
//! `:asof DAY` shows the counts as of a past day (issue 10, item 3); `:asof` alone or Back
//! returns to today. A past day's cells open nothing: the queue shows today's cases, and the
//! cases of that day are what `merzim report --as-of` lists.

use chrono::NaiveDate;

use super::{App, Effect, NamedQueue, Screen, StatusText};
use crate::keymap::Action;
use crate::service::Scope;
use crate::service::dashboard::{Bucket, Dashboard, Horizon, Line};

/// The dashboard screen's state.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DashboardView {
    /// What the service counted; `None` until it has answered.
    pub board: Option<Dashboard>,
    /// The cursor: a line (the officers' lines, then the totals) and a column of
    /// [`Bucket::ALL`].
    pub line: usize,
    pub column: usize,
    /// The queue in front was opened from a cell: Back returns here.
    pub opened_queue: bool,
    /// The past day asked for with `:asof` (`None`: today); what the next load asks for.
    pub as_of: Option<NaiveDate>,
}

impl DashboardView {
    /// How many lines the cursor moves over: the officers' and the totals.
    pub fn line_count(&self) -> usize {
        self.board.as_ref().map_or(0, |b| b.lines.len() + 1)
    }

    /// The line under the cursor (the totals when it is on the last).
    pub fn selected_line(&self) -> Option<&Line> {
        let b = self.board.as_ref()?;
        b.lines.get(self.line).or(Some(&b.total))
    }

    /// Whether the cursor is on the totals.
    pub fn on_total(&self) -> bool {
        self.board
            .as_ref()
            .is_some_and(|b| self.line >= b.lines.len())
    }

    pub fn bucket(&self) -> Bucket {
        Bucket::ALL[self.column.min(Bucket::ALL.len() - 1)]
    }

    /// After new counts: the cursor stays on the same officer if the line is still there.
    fn load(&mut self, board: Dashboard) {
        let login = self
            .board
            .as_ref()
            .and_then(|b| b.lines.get(self.line))
            .map(|l| l.login.clone());
        let on_total = self.on_total();
        self.line = match (login, on_total) {
            (_, true) => board.lines.len(),
            (Some(login), false) => board
                .lines
                .iter()
                .position(|l| l.login == login)
                .unwrap_or(0),
            (None, false) => 0,
        };
        self.board = Some(board);
    }
}

/// Opens the dashboard and asks for its counts.
pub(super) fn open(app: &mut App) -> Vec<Effect> {
    open_as_of(app, None)
}

/// Opens the dashboard as of a past day (`None`: today) and asks for its counts. Whether the
/// day can be shown is the service's to say (a refusal comes back as the answer).
pub(super) fn open_as_of(app: &mut App, day: Option<NaiveDate>) -> Vec<Effect> {
    app.dashboard.as_of = day;
    app.dashboard.opened_queue = false;
    app.screen = Screen::Dashboard;
    vec![Effect::LoadDashboard]
}

/// The day and the N of "due within N" the console reckons with.
pub(super) fn horizon(app: &App) -> Horizon {
    Horizon::new(app.today, app.due_within)
}

/// The service's counts arrived (or why not).
pub(super) fn loaded(app: &mut App, result: Result<Dashboard, String>) {
    match result {
        Ok(board) => {
            app.dashboard.as_of = board.as_of;
            app.dashboard.load(board);
        }
        Err(e) => {
            // The day refused: the screen stays on the day it shows, and so do later loads.
            app.dashboard.as_of = app.dashboard.board.as_ref().and_then(|b| b.as_of);
            app.error(StatusText::Literal(e));
        }
    }
}

/// Keys on the dashboard.
pub(super) fn on_action(app: &mut App, action: Action) -> Vec<Effect> {
    let d = &mut app.dashboard;
    let last_line = d.line_count().saturating_sub(1);
    let last_column = Bucket::ALL.len() - 1;
    match action {
        Action::MoveDown | Action::ScrollDown => d.line = (d.line + 1).min(last_line),
        Action::MoveUp | Action::ScrollUp => d.line = d.line.saturating_sub(1),
        Action::MoveRight | Action::NextSection => d.column = (d.column + 1).min(last_column),
        Action::MoveLeft | Action::PrevSection => d.column = d.column.saturating_sub(1),
        Action::Top => d.line = 0,
        Action::Bottom => d.line = last_line,
        Action::PageDown => d.line = last_line,
        Action::PageUp => d.line = 0,
        Action::Back if d.as_of.is_some() => return open_as_of(app, None),
        Action::Back => app.screen = Screen::Queue,
        Action::Command => app.open_input(super::InputKind::Command),
        Action::Open => return open_cell(app),
        _ => {}
    }
    Vec::new()
}

/// Enter on a cell: the queue of that officer (the unassigned cases, or everyone's on the
/// totals line) and that bucket, with the same test the count was made with.
fn open_cell(app: &mut App) -> Vec<Effect> {
    if let Some(day) = app.dashboard.board.as_ref().and_then(|b| b.as_of) {
        app.info("asof-cell-report", vec![("date", day.to_string())]);
        return Vec::new();
    }
    let d = &app.dashboard;
    let Some(line) = d.selected_line() else {
        return Vec::new();
    };
    let scope = if d.on_total() {
        Scope::All
    } else {
        match &line.login {
            Some(login) => Scope::Assignee(login.clone()),
            None => Scope::Unassigned,
        }
    };
    let named = NamedQueue::of_bucket(d.bucket());
    let h = horizon(app);
    app.queue.set_horizon(h);
    app.queue.set_filter(String::new());
    app.queue.set_view(named, scope);
    app.queue.move_to(0);
    app.dashboard.opened_queue = true;
    app.screen = Screen::Queue;
    Vec::new()
}

/// Back in a queue a cell opened: the queue goes back to its default view and the dashboard
/// comes to the front again. `false` when the queue was not opened from the dashboard.
pub(super) fn back_from_queue(app: &mut App) -> bool {
    if !std::mem::take(&mut app.dashboard.opened_queue) {
        return false;
    }
    app.queue.set_view(NamedQueue::Default, Scope::All);
    app.screen = Screen::Dashboard;
    true
}

/// Reloads the counts if the dashboard is in front (after a change, a resync, a new day). A
/// past day's counts are not reloaded: a change made today does not change that day's history.
pub(super) fn reload_if_shown(app: &App) -> Option<Effect> {
    (app.dashboard.as_of.is_none() && app.screen == Screen::Dashboard
        || matches!(
            app.screen,
            Screen::Help {
                over: super::Over::Dashboard
            }
        ))
    .then_some(Effect::LoadDashboard)
}

//! Bulk actions on the marked cases (issue 10, item 2): a supervisor gives them to an officer
//! picked from the database's users; an officer takes them. A question names the count and the
//! target before anything is sent; the service then changes each case on its own (see
//! `service::bulk`), and what failed is listed with the reason, case by case.
//!
//! Every case goes with the version the queue showed, so a case that changed since it was
//! marked is not given away on the strength of an old look at it: it comes back as a conflict
//! and stays marked, to be looked at again.

use super::{App, Effect, StatusText};
use crate::keymap::{Action, Mode};
use crate::service::{ApiError, BulkResults, CaseCommand, Role, User};

/// Where a bulk action is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Bulk {
    /// Waiting for the list of users to pick the officer from.
    Loading,
    /// Picking the officer: the users who may hold cases, and the one under the cursor.
    Pick { users: Vec<User>, selected: usize },
    /// The question before anything is sent.
    Confirm(Plan),
    /// Sent; waiting for the service.
    Running(Plan),
    /// Done, with failures: which cases failed and why, for the officer to read.
    Report(Report),
}

/// What will be asked: the cases with the versions the queue showed, and to whom they go.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Plan {
    /// The officer who gets the cases.
    pub to: String,
    /// Whether the officer takes them (to themself) rather than a supervisor giving them.
    pub take: bool,
    pub items: Vec<(String, u64)>,
    /// Marked cases left out because they are the target's already (unmarked with the others
    /// once the change is done: what was asked of them holds).
    pub already: Vec<String>,
}

/// What a bulk action did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Report {
    pub to: String,
    pub done: usize,
    /// The cases that were not changed, with why (put into words where drawn).
    pub failed: Vec<(String, ApiError)>,
    /// The first line of the list shown.
    pub scroll: usize,
}

/// The key table while a bulk action is on screen: the question's, or the queue's for moving
/// in the pick list and the report.
pub fn mode(app: &App) -> Option<Mode> {
    Some(match app.bulk.as_ref()? {
        Bulk::Confirm(_) => Mode::Confirm,
        _ => Mode::Queue,
    })
}

/// Starts giving the marked cases to an officer (a supervisor's): the users are asked for.
pub fn start_assign(app: &mut App) -> Vec<Effect> {
    if app.role != Role::Supervisor {
        app.error_key("form-supervisor-only", Vec::new());
        return Vec::new();
    }
    if nothing_marked(app) {
        return Vec::new();
    }
    app.bulk = Some(Bulk::Loading);
    vec![Effect::LoadUsers]
}

/// Starts taking the marked cases (to oneself): straight to the question.
pub fn start_take(app: &mut App) -> Vec<Effect> {
    if app.role == Role::Auditor {
        app.error_key("form-auditor", Vec::new());
        return Vec::new();
    }
    if nothing_marked(app) {
        return Vec::new();
    }
    let me = app.me.clone();
    plan(app, me, true);
    Vec::new()
}

fn nothing_marked(app: &mut App) -> bool {
    let none = app.queue.marked_len() == 0;
    if none {
        app.error_key("bulk-none-marked", Vec::new());
    }
    none
}

/// The question for giving the marked cases to `to`; cases that are `to`'s already are left
/// out (a reassignment to the same officer would only add a history entry that says nothing).
fn plan(app: &mut App, to: String, take: bool) {
    let mut already = Vec::new();
    let items: Vec<(String, u64)> = app
        .queue
        .marked_rows()
        .filter(|r| {
            let theirs = r.assignee.as_deref() == Some(to.as_str());
            if theirs {
                already.push(r.number.clone());
            }
            !theirs
        })
        .map(|r| (r.number.clone(), r.version))
        .collect();
    if items.is_empty() {
        app.bulk = None;
        app.queue.unmark(already.iter().map(String::as_str));
        app.info("bulk-all-theirs", vec![("login", to)]);
        return;
    }
    app.bulk = Some(Bulk::Confirm(Plan {
        to,
        take,
        items,
        already,
    }));
}

/// The users arrived: those who may hold cases (not auditors, not disabled) are offered.
pub fn users_loaded(app: &mut App, result: Result<Vec<User>, String>) -> Vec<Effect> {
    if app.bulk != Some(Bulk::Loading) {
        return Vec::new();
    }
    match result {
        Ok(users) => {
            let mut users: Vec<User> = users
                .into_iter()
                .filter(|u| !u.disabled && u.role != Role::Auditor)
                .collect();
            users.sort_by(|a, b| a.login.cmp(&b.login));
            if users.is_empty() {
                app.bulk = None;
                app.error_key("bulk-no-officers", Vec::new());
            } else {
                app.bulk = Some(Bulk::Pick { users, selected: 0 });
            }
        }
        Err(e) => {
            app.bulk = None;
            app.error(StatusText::Literal(e));
        }
    }
    Vec::new()
}

/// A key while a bulk action is on screen.
pub fn on_action(app: &mut App, action: Option<Action>) -> Vec<Effect> {
    let Some(bulk) = app.bulk.as_mut() else {
        return Vec::new();
    };
    let Some(action) = action else {
        return Vec::new();
    };
    app.status = None;
    match bulk {
        Bulk::Loading | Bulk::Running(_) => {
            // Nothing to choose while waiting; Back gives up waiting for the users only (a
            // bulk change sent cannot be called back).
            if action == Action::Back && *bulk == Bulk::Loading {
                app.bulk = None;
            }
        }
        Bulk::Pick { users, selected } => {
            let last = users.len().saturating_sub(1);
            match action {
                Action::MoveDown | Action::ScrollDown => *selected = (*selected + 1).min(last),
                Action::MoveUp | Action::ScrollUp => *selected = selected.saturating_sub(1),
                Action::Top => *selected = 0,
                Action::Bottom => *selected = last,
                Action::Open | Action::Confirm => {
                    let to = users[(*selected).min(last)].login.clone();
                    plan(app, to, false);
                }
                Action::Back | Action::Quit => app.bulk = None,
                _ => {}
            }
        }
        Bulk::Confirm(plan) => match action {
            Action::Confirm => {
                let plan = plan.clone();
                let effect = Effect::Bulk {
                    items: plan.items.clone(),
                    command: CaseCommand::Assign {
                        to: Some(plan.to.clone()),
                    },
                };
                app.bulk = Some(Bulk::Running(plan));
                return vec![effect];
            }
            Action::Back => app.bulk = None,
            _ => {}
        },
        Bulk::Report(report) => match action {
            Action::MoveDown | Action::ScrollDown => {
                report.scroll = (report.scroll + 1).min(report.failed.len().saturating_sub(1))
            }
            Action::MoveUp | Action::ScrollUp => report.scroll = report.scroll.saturating_sub(1),
            Action::PageDown => {
                report.scroll = (report.scroll + 10).min(report.failed.len().saturating_sub(1))
            }
            Action::PageUp => report.scroll = report.scroll.saturating_sub(10),
            Action::Top => report.scroll = 0,
            Action::Bottom => report.scroll = report.failed.len().saturating_sub(1),
            Action::Back | Action::Open | Action::Quit => app.bulk = None,
            _ => {}
        },
    }
    Vec::new()
}

/// The service's answer: the cases changed are unmarked, the failed ones stay marked and are
/// listed; the queue is loaded again either way.
pub fn done(app: &mut App, result: Result<BulkResults, String>) -> Vec<Effect> {
    let Some(Bulk::Running(plan)) = app.bulk.take() else {
        return Vec::new();
    };
    let results = match result {
        Ok(r) => r,
        Err(e) => {
            app.error(StatusText::Literal(e));
            return vec![Effect::LoadQueue];
        }
    };
    app.queue.unmark(plan.already.iter().map(String::as_str));
    let mut failed = Vec::new();
    let mut done = 0;
    for (number, r) in results {
        match r {
            Ok(_) => {
                app.queue.unmark([number.as_str()]);
                done += 1;
            }
            Err(e) => failed.push((number, e)),
        }
    }
    if failed.is_empty() {
        let key = if plan.take {
            "bulk-taken"
        } else {
            "bulk-assigned"
        };
        app.info(
            key,
            vec![("count", done.to_string()), ("login", plan.to.clone())],
        );
    } else {
        app.bulk = Some(Bulk::Report(Report {
            to: plan.to,
            done,
            failed,
            scroll: 0,
        }));
    }
    vec![Effect::LoadQueue]
}

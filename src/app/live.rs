//! Live updates (DESIGN 2.3, issue 9 item 5): what the console makes of the daemon's change
//! notices and of its link to the daemon going down and coming back.
//!
//! A change by another officer never moves anyone's selection or touches what they type: the
//! queue reloads quietly (a new case may join it, so any change may touch it), keeping the
//! selected case and its place on screen, never the filter, the command line or a form; the
//! open case reloads if it is the one that changed and no form is open; an open form on it only
//! gets a one-line note (its save meets the optimistic-version conflict handling of
//! [`super::unsaved`]). Notices in a burst are merged: at most one reload is asked for at a
//! time, and one more after it if more came meanwhile.
//!
//! The types here are the console's own, free of the wire: the loop translates the client's
//! pushes into them.

use super::{App, Effect, Screen, Status, StatusText};
use crate::domain::message::{Message, Value};
use crate::service::{Role, role_key};

/// A case changed: its number and its version after the change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaseChange {
    pub number: String,
    pub version: u64,
}

/// The console's link to the daemon (only with `--connect`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Connection {
    /// How the socket is named on screen (its file name).
    pub socket: String,
    /// `Some`: the link is down, and why (the daemon's last word, or "reconnecting").
    pub down: Option<Message>,
}

/// The state of the quiet reloads.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Live {
    /// A quiet queue reload is asked for and not answered yet.
    reloading: bool,
    /// More changes came while it was on its way: one more reload after it.
    again: bool,
    /// The open case is being reloaded quietly: its arrival changes no screen.
    quiet_case: Option<String>,
    /// The case of the open form changed meanwhile: its number and the message for the form.
    pub form_note: Option<(String, Message)>,
}

impl Live {
    /// The quiet reload of the open case failed: the next notice may ask again.
    pub(super) fn forget_case(&mut self) {
        self.quiet_case = None;
    }
}

/// The daemon says these cases changed.
pub(super) fn changed(app: &mut App, changes: Vec<CaseChange>) -> Vec<Effect> {
    let mut effects = reload_queue(app);
    if let Some(open) = &app.case {
        let number = open.view.case.number.clone();
        let newer = changes
            .iter()
            .any(|c| c.number == number && c.version > open.view.case.version);
        if newer {
            effects.extend(reload_case(app, number));
        }
    }
    effects
}

/// The daemon says too much changed to list (or this console fell behind): reload what is shown.
pub(super) fn resync(app: &mut App) -> Vec<Effect> {
    let mut effects = reload_queue(app);
    if let Some(number) = app.case.as_ref().map(|c| c.view.case.number.clone()) {
        effects.extend(reload_case(app, number));
    }
    effects
}

/// The link to the daemon broke: said on every screen until it is back.
pub(super) fn down(app: &mut App, why: Message) {
    if let Some(c) = app.connection.as_mut() {
        c.down = Some(why);
    }
}

/// The link is back: what is shown is reloaded (it may have changed meanwhile), and the
/// officer is told briefly.
pub(super) fn up(app: &mut App) -> Vec<Effect> {
    let Some(c) = app.connection.as_mut() else {
        return Vec::new();
    };
    c.down = None;
    let socket = c.socket.clone();
    // A message of the link's own is replaced; anything else the officer has not read stays.
    if app.status.is_none() || app.status.as_ref().is_some_and(|s| s.error) {
        app.info("link-back", vec![("socket", socket)]);
    }
    resync(app)
}

/// The daemon acts for `login` as `role` now (a welcome after a reconnection, or while the
/// link is up when a supervisor changed the user): the header, the keys allowed and the queue
/// follow at once, and the officer is told, since what they may do changed under them.
pub(super) fn caller(app: &mut App, login: String, role: Role) -> Vec<Effect> {
    if app.me == login && app.role == role {
        return Vec::new();
    }
    app.status = Some(Status {
        text: StatusText::Message(
            Message::new("live-caller-changed")
                .text("login", login.as_str())
                .word("role", role_key(role)),
        ),
        error: false,
    });
    app.me = login;
    app.role = role;
    // Which cases the queue holds depends on the role (an officer's own and unassigned ones).
    resync(app)
}

fn reload_queue(app: &mut App) -> Vec<Effect> {
    if app.live.reloading {
        app.live.again = true;
        return Vec::new();
    }
    app.live.reloading = true;
    vec![Effect::LoadQueue]
}

/// The open case again, unless a form is open over it (its text is never touched: its save
/// meets the version check) or the officer is not looking at it.
fn reload_case(app: &mut App, number: String) -> Vec<Effect> {
    if let Some(form) = &app.form {
        if form.number.as_deref() == Some(number.as_str()) {
            app.live.form_note = Some((
                number.clone(),
                Message::new("live-form-changed").text("number", number),
            ));
        }
        return Vec::new();
    }
    let looking = matches!(
        app.screen,
        Screen::Case
            | Screen::Help {
                over: super::Over::Case
            }
    );
    if !looking || app.live.quiet_case.is_some() {
        return Vec::new();
    }
    app.live.quiet_case = Some(number.clone());
    vec![Effect::LoadCase(number)]
}

/// A queue arrived: whether it was the quiet reload (the caller then keeps the place on
/// screen), and the next reload if more changes came meanwhile.
pub(super) fn queue_arrived(app: &mut App) -> (bool, Vec<Effect>) {
    if !std::mem::take(&mut app.live.reloading) {
        return (false, Vec::new());
    }
    if std::mem::take(&mut app.live.again) {
        app.live.reloading = true;
        return (true, vec![Effect::LoadQueue]);
    }
    (true, Vec::new())
}

/// A case arrived: `true` if it is the quiet reload of the open case (no screen changes).
pub(super) fn case_arrived(app: &mut App, number: &str) -> bool {
    if app.live.quiet_case.as_deref() == Some(number) {
        app.live.quiet_case = None;
        return true;
    }
    false
}

/// The note an open form shows: its case changed meanwhile.
pub fn form_note<'a>(app: &'a App, form_number: Option<&str>) -> Option<&'a Message> {
    match (&app.live.form_note, form_number) {
        (Some((n, m)), Some(f)) if n == f => Some(m),
        _ => None,
    }
}

/// The line that says the link is down, for the bottom line of every screen.
pub fn offline(app: &App) -> Option<StatusText> {
    let c = app.connection.as_ref()?;
    let why = c.down.as_ref()?;
    Some(StatusText::Message(
        Message::new("link-offline")
            .text("socket", c.socket.as_str())
            .with("why", Value::Message(Box::new(why.clone()))),
    ))
}

//! Why a save did not go through, as the service said it (a typed [`ApiError`]), and what the
//! form makes of it: a value the service refused is shown under its field, a refusal by law
//! with its article, and a conflict (the case changed since the form was opened) with what
//! changed, in words, from the case's history. The typed text is always kept; after a
//! conflict the form is based on the version whose changes it shows, so saving again is the
//! officer's decision after reading them.
//!
//! Everything here is data: messages are put into words where they are drawn.

use chrono::{DateTime, FixedOffset, NaiveDate, Utc};

use super::form::{FieldId, Form};
use super::{App, Effect, StatusText};
use crate::domain::case::{Event, EventKind};
use crate::domain::message::{Localize, Message, Value};
use crate::service::ApiError;

/// The case changed since the version the form was based on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Conflict {
    /// The version the refused save was based on.
    pub expected: u64,
    /// The case's version now.
    pub current: u64,
    /// What changed since `expected`, one message per history entry, oldest first; `None`
    /// while the case is being fetched again (or if it could not be).
    pub changes: Option<Vec<Message>>,
}

/// The most changes a conflict lists (the latest); the others are counted.
pub const SHOWN_CHANGES: usize = 5;

/// A note's text in a change is cut to this many characters.
const NOTE_CHARS: usize = 60;

/// The service did not save: the form (if it was saving) keeps everything typed and says why,
/// at the field the error names when it has one; a conflict fetches the case again to show
/// what changed. Without a form, the bottom line says it.
pub(super) fn refused(app: &mut App, error: ApiError) -> Vec<Effect> {
    app.pending_note = None;
    let Some(form) = app.form.as_mut().filter(|f| f.saving) else {
        app.error(StatusText::Message(words(&error)));
        return Vec::new();
    };
    form.saving = false;
    form.ask = None;
    form.error = None;
    match error {
        ApiError::Conflict {
            number,
            expected,
            current,
        } if form.number.as_deref() == Some(number.as_str()) => {
            form.conflict = Some(Conflict {
                expected,
                current,
                changes: None,
            });
            vec![Effect::LoadCase(number)]
        }
        error => {
            if !at_field(form, &error) {
                form.error = Some(words(&error));
            }
            Vec::new()
        }
    }
}

/// The case was fetched again: a form in conflict on it learns what changed (the history
/// entries after the version it was based on) and is based on this version from now on, with
/// its checks and preview computed on the case as it is now.
pub(super) fn case_reloaded(app: &mut App) {
    let (offset, today) = (app.utc_offset, app.today);
    let (Some(open), Some(form)) = (app.case.as_ref(), app.form.as_mut()) else {
        return;
    };
    let case = &open.view.case;
    let Some(conflict) = form.conflict.as_mut() else {
        return;
    };
    if form.number.as_deref() != Some(case.number.as_str()) || conflict.changes.is_some() {
        return;
    }
    conflict.changes = Some(
        case.events
            .iter()
            .filter(|e| e.version > conflict.expected)
            .map(|e| change(e, offset, today))
            .collect(),
    );
    conflict.current = case.version;
    form.version = Some(case.version);
    form.case = Some(Box::new(case.clone()));
    super::recheck(app);
}

/// An error of the service as the reader is told it: a refusal by law cites its article (the
/// refusal's own message usually does; if not, it is put in front).
pub fn words(error: &ApiError) -> Message {
    match error {
        ApiError::Refused { article, message } => {
            let why = Value::Message(Box::new(message.clone()));
            let cites = message
                .args
                .iter()
                .any(|(_, v)| matches!(v, Value::Basis(_)));
            if article.is_empty() || cites {
                Message::new("save-refused").with("why", why)
            } else {
                Message::new("save-refused-article")
                    .basis("article", article.clone())
                    .with("why", why)
            }
        }
        other => other.message(),
    }
}

/// The form's field a service field name is about (`decision-date`, `note`, `assignee`, ...;
/// see `ApiError::from(ServiceError)`).
fn field_named(name: &str) -> Option<FieldId> {
    Some(match name {
        "subject" => FieldId::Subject,
        "registration-date" => FieldId::Registered,
        "due-date" => FieldId::Due,
        "assignee" | "assignee-login" => FieldId::Login,
        "extension-reason" | "reopening-reason" | "intake-refusal-reason" => FieldId::Reason,
        "notice-date"
        | "answer-date"
        | "decision-date"
        | "closing-date"
        | "reopening-date"
        | "intake-refusal-date" => FieldId::Date,
        "note" => FieldId::Text,
        "linked-number" | "number" => FieldId::Number,
        "ground" => FieldId::RefusalGround,
        "service" => FieldId::Service,
        "letter" | "file" => FieldId::File,
        _ => return None,
    })
}

/// Shows `error` under the field it is about, if the form shows that field: the focus goes
/// there, and the next edit checks the field again. `false`: no field of this form.
fn at_field(form: &mut Form, error: &ApiError) -> bool {
    let id = match error {
        ApiError::Invalid { field, .. } => field_named(field),
        // Another case than the form's (the one to link) does not exist.
        ApiError::NotFound { number } if form.number.as_deref() != Some(number.as_str()) => {
            Some(FieldId::Number)
        }
        _ => None,
    };
    let Some(id) = id.filter(|id| form.shows(*id)) else {
        return false;
    };
    let Some(i) = form.fields.iter().position(|f| f.id == id) else {
        return false;
    };
    let field = &mut form.fields[i];
    field.error = Some(error.message());
    field.touched = true;
    form.focus = i;
    true
}

/// One history entry in words: who did what, and when ("aliya extended it by 5 working days
/// at 10:42"); the time alone if it was today, else with its date.
pub fn change(e: &Event, offset: FixedOffset, today: NaiveDate) -> Message {
    let m = |key: &'static str| {
        Message::new(key)
            .text("who", e.by.login.as_str())
            .text("when", when(e.at, offset, today))
    };
    match &e.what {
        EventKind::Registered { .. } => m("conflict-registered"),
        EventKind::Assigned { to: Some(to) } => m("conflict-assigned").text("to", to.as_str()),
        EventKind::Assigned { to: None } => m("conflict-unassigned"),
        EventKind::Extended { days, .. } => m("conflict-extended").number("days", *days),
        EventKind::NoticeSent { kind, sent, .. } => m("conflict-notice-sent")
            .word("kind", format!("notice-{}", kind.as_str()))
            .date("sent", *sent),
        EventKind::AnswerSent { sent, .. } => m("conflict-answer-sent").date("sent", *sent),
        EventKind::NoteAdded { text } => m("conflict-note-added").text("text", excerpt(text)),
        EventKind::Decided { outcome, .. } => {
            m("conflict-decided").word("outcome", format!("outcome-{}", outcome.as_str()))
        }
        EventKind::Closed { .. } => m("conflict-closed"),
        EventKind::Reopened { reason, .. } => {
            m("conflict-reopened").text("reason", excerpt(reason))
        }
        EventKind::DueSet { due } => m("conflict-due-set").date("due", *due),
        EventKind::RefusedAtIntake { .. } => m("conflict-refused-at-intake"),
        EventKind::Linked { number, .. } => m("conflict-linked").text("number", number.as_str()),
    }
}

/// A moment in the office's time zone: "10:42" today, "2026-11-20 10:42" another day.
fn when(at: DateTime<Utc>, offset: FixedOffset, today: NaiveDate) -> String {
    let local = at.with_timezone(&offset);
    if local.date_naive() == today {
        local.format("%H:%M").to_string()
    } else {
        local.format("%Y-%m-%d %H:%M").to_string()
    }
}

/// The first line of a text, cut to [`NOTE_CHARS`] characters.
fn excerpt(text: &str) -> String {
    let line = text.lines().next().unwrap_or_default();
    let mut out: String = line.chars().take(NOTE_CHARS).collect();
    if line.chars().count() > NOTE_CHARS || text.lines().nth(1).is_some() {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::case::{Actor, StateSnapshot, Status};
    use crate::domain::vocabulary::Ground;

    fn event(what: EventKind, at: &str) -> Event {
        Event {
            version: 2,
            at: at.parse().expect("time"),
            by: Actor {
                uid: 1,
                login: "aliya".into(),
                name: "Әлия".into(),
            },
            what,
            before: None,
            after: StateSnapshot {
                status: Status::Extended,
                assignee: None,
            },
        }
    }

    fn plus5() -> FixedOffset {
        FixedOffset::east_opt(5 * 3600).expect("offset")
    }

    #[test]
    fn a_change_says_who_what_and_when_today_by_the_time_alone() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 23).expect("date");
        let e = event(
            EventKind::Extended {
                date: today,
                days: 5,
                ground: Ground::Verification,
                reason: String::new(),
            },
            "2026-11-23T05:42:00Z",
        );
        let m = change(&e, plus5(), today);
        assert_eq!(m.key, "conflict-extended");
        assert!(
            m.args
                .contains(&("when".into(), Value::Text("10:42".into())))
        );
        assert!(
            m.args
                .contains(&("who".into(), Value::Text("aliya".into())))
        );
        assert!(m.args.contains(&("days".into(), Value::Number(5))));
        // Another day: with its date, in the office's zone (19:30 UTC is past midnight at +5).
        let e = event(EventKind::Closed { date: today }, "2026-11-21T19:30:00Z");
        let m = change(&e, plus5(), today);
        assert!(
            m.args
                .contains(&("when".into(), Value::Text("2026-11-22 00:30".into())))
        );
    }

    #[test]
    fn a_long_note_is_cut_and_a_refusal_cites_its_article_once() {
        let long = "ә".repeat(80);
        assert_eq!(excerpt(&long).chars().count(), NOTE_CHARS + 1);
        assert_eq!(excerpt("бір\nекі"), "бір…");
        let cites = Message::new("refusal-over-cap").basis("basis", "Art. 25.4");
        let e = ApiError::Refused {
            article: "Art. 25.4".into(),
            message: cites,
        };
        assert_eq!(words(&e).key, "save-refused");
        let bare = ApiError::Refused {
            article: "Art. 25.4".into(),
            message: Message::new("plain-text").text("text", "no"),
        };
        assert_eq!(words(&bare).key, "save-refused-article");
    }
}

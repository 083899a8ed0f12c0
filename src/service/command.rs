//! The commands that change cases. Every change of a case is one of these, and goes through
//! [`super::Service::execute`].

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::domain::case::{EventKind, NewCase, Outcome, Relation};
use crate::domain::deadline::NoticeKind;
use crate::domain::vocabulary::{Form, Ground};

/// A change to a case, as the console or a client asks for it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "command", rename_all = "kebab-case")]
pub enum CaseCommand {
    /// Register a new complaint or application; the store gives it the next number.
    Register {
        case: Box<NewCase>,
        /// Assign it at once (an officer: only to themself).
        #[serde(default)]
        assignee: Option<String>,
    },
    /// Give the case to an officer, or take it back (`None`). Officers may only take an
    /// unassigned case or give back their own.
    Assign {
        to: Option<String>,
    },
    /// Extend a complaint's term (Art. 25.4).
    Extend {
        date: NaiveDate,
        days: u32,
        ground: Ground,
        reason: String,
    },
    /// Record a notice sent: an extension notice (Art. 25.4 ¶2), the result handed to the
    /// State Corporation (Art. 5.2.5), or (kind answer / result) the answer itself.
    RecordNotice {
        kind: NoticeKind,
        sent: NaiveDate,
        form: Form,
        #[serde(default)]
        reference: String,
    },
    /// Record the answer (complaint, Art. 5.2.7) or the result (application) given.
    RecordAnswer {
        sent: NaiveDate,
        form: Form,
        #[serde(default)]
        reference: String,
    },
    AddNote {
        text: String,
    },
    /// Decide: satisfied, partly or rejected (complaints); rendered or refused with its ground
    /// (applications, Art. 19-1).
    Decide {
        outcome: Outcome,
        date: NaiveDate,
        #[serde(default)]
        ground: Option<String>,
    },
    Close {
        date: NaiveDate,
    },
    Reopen {
        date: NaiveDate,
        reason: String,
    },
    /// Set the due date of a complaint to a body without a statutory term (Art. 25.1).
    SetDue {
        due: NaiveDate,
    },
    /// Refuse an application at intake for an incomplete package (Art. 20.2).
    RefuseAtIntake {
        date: NaiveDate,
        reason: String,
    },
    /// Link to another case (a re-application, Art. 19-1; one application for several services,
    /// Art. 1.1-2).
    Link {
        number: String,
        relation: Relation,
    },
}

impl CaseCommand {
    /// The command's name, for messages.
    pub fn name(&self) -> &'static str {
        match self {
            CaseCommand::Register { .. } => "register",
            CaseCommand::Assign { .. } => "assign",
            CaseCommand::Extend { .. } => "extend",
            CaseCommand::RecordNotice { .. } => "record a notice",
            CaseCommand::RecordAnswer { .. } => "record the answer",
            CaseCommand::AddNote { .. } => "add a note",
            CaseCommand::Decide { .. } => "decide",
            CaseCommand::Close { .. } => "close",
            CaseCommand::Reopen { .. } => "reopen",
            CaseCommand::SetDue { .. } => "set the due date",
            CaseCommand::RefuseAtIntake { .. } => "refuse at intake",
            CaseCommand::Link { .. } => "link",
        }
    }

    /// The event a change command records; `None` for `Register`.
    pub fn event(&self) -> Option<EventKind> {
        Some(match self.clone() {
            CaseCommand::Register { .. } => return None,
            CaseCommand::Assign { to } => EventKind::Assigned { to },
            CaseCommand::Extend {
                date,
                days,
                ground,
                reason,
            } => EventKind::Extended {
                date,
                days,
                ground,
                reason,
            },
            CaseCommand::RecordNotice {
                kind: NoticeKind::Answer | NoticeKind::Result,
                sent,
                form,
                reference,
            }
            | CaseCommand::RecordAnswer {
                sent,
                form,
                reference,
            } => EventKind::AnswerSent {
                sent,
                form,
                reference,
            },
            CaseCommand::RecordNotice {
                kind,
                sent,
                form,
                reference,
            } => EventKind::NoticeSent {
                kind,
                sent,
                form,
                reference,
            },
            CaseCommand::AddNote { text } => EventKind::NoteAdded { text },
            CaseCommand::Decide {
                outcome,
                date,
                ground,
            } => EventKind::Decided {
                outcome,
                date,
                ground,
            },
            CaseCommand::Close { date } => EventKind::Closed { date },
            CaseCommand::Reopen { date, reason } => EventKind::Reopened { date, reason },
            CaseCommand::SetDue { due } => EventKind::DueSet { due },
            CaseCommand::RefuseAtIntake { date, reason } => {
                EventKind::RefusedAtIntake { date, reason }
            }
            CaseCommand::Link { number, relation } => EventKind::Linked { number, relation },
        })
    }
}

//! Why a caller may not do something, as data (DESIGN 2.1: errors are data, words at the edge):
//! the English sentence for logs and the command line's `Display`, a catalogue key with its
//! arguments for the reader's language.

use std::fmt;

use crate::domain::message::Message;

/// The reason behind [`super::ServiceError::Forbidden`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Barred {
    /// The case is another officer's: an officer acts on own and unassigned cases.
    ActsOnOwn { owner: String },
    /// The case is another officer's: an officer sees own and unassigned cases (issue 9).
    SeesOwn { owner: String },
    /// Only a supervisor gives a case to someone else.
    AssignsOthers { to: String },
    /// An auditor reads every case and changes none.
    Auditor,
    /// Only a supervisor manages users; who the supervisors are.
    ManagesUsers { supervisors: String },
}

impl fmt::Display for Barred {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Barred::ActsOnOwn { owner } => write!(
                f,
                "it is assigned to '{owner}'; an officer acts on own and unassigned cases"
            ),
            Barred::SeesOwn { owner } => write!(
                f,
                "it is assigned to '{owner}'; an officer sees own and unassigned cases"
            ),
            Barred::AssignsOthers { to } => write!(
                f,
                "only a supervisor assigns a case to someone else ('{to}')"
            ),
            Barred::Auditor => f.write_str("an auditor reads every case and changes none"),
            Barred::ManagesUsers { supervisors } => write!(
                f,
                "only a supervisor manages users (supervisors: {supervisors})"
            ),
        }
    }
}

impl Barred {
    /// The reader's words: `number` is the case (or what) it was about.
    pub fn message(&self, number: &str) -> Message {
        match self {
            Barred::ActsOnOwn { owner } => Message::new("service-barred-acts-on-own")
                .text("number", number)
                .text("owner", owner),
            Barred::SeesOwn { owner } => Message::new("service-barred-sees-own")
                .text("number", number)
                .text("owner", owner),
            Barred::AssignsOthers { to } => {
                Message::new("service-barred-assigns-others").text("to", to)
            }
            Barred::Auditor => Message::new("service-barred-auditor"),
            Barred::ManagesUsers { supervisors } => {
                Message::new("service-barred-manages-users").text("supervisors", supervisors)
            }
        }
    }
}

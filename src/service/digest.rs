//! An officer's morning summary (issue 10, item 5): what is overdue, due today, due within a
//! few working days, and which extension notices are owed, for printing or mailing by cron.
//!
//! Every owed obligation of the officer's open cases is listed once, in the first section it
//! belongs to: an extension notice due today is under "due today", not again under "notices
//! owed" (that section holds the notices due later than the warning window), and a case with an
//! answer and a notice owed lists both, each once.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::report::ReportError;
use super::{Caller, Service};
use crate::domain::deadline::{Concerns, ObligationKind};
use crate::domain::message::Message;

/// How many working days ahead a digest warns by default.
pub const DEFAULT_WITHIN: u32 = 2;

/// The longest warning window a digest takes: a month of working days; beyond it the queue is
/// the tool.
pub const MAX_WITHIN: u32 = 23;

/// One obligation in a digest.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DigestLine {
    pub number: String,
    pub kind: ObligationKind,
    pub due: NaiveDate,
    /// Signed working days from today to `due` (0: today; negative: overdue).
    pub remaining: i64,
    /// The article the obligation comes from.
    pub basis: String,
    /// What it refers to (the extension an extension notice is about).
    #[serde(default)]
    pub concerns: Option<Concerns>,
    /// The date depends on calendar data that is not final.
    #[serde(default)]
    pub provisional: bool,
}

/// An officer's digest on one day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Digest {
    pub officer: String,
    /// The officer's name as the users know it.
    pub name: String,
    pub today: NaiveDate,
    /// The warning window in working days.
    pub within: u32,
    pub overdue: Vec<DigestLine>,
    pub due_today: Vec<DigestLine>,
    /// Due within `within` working days after today.
    pub due_soon: Vec<DigestLine>,
    /// Extension notices owed (Art. 25.4 ¶2) that are due after the window.
    pub notices_owed: Vec<DigestLine>,
    /// Open cases whose dates cannot be computed, with the reason: never left out quietly.
    #[serde(default)]
    pub problems: Vec<(String, String)>,
}

impl Digest {
    /// Nothing to warn about.
    pub fn is_empty(&self) -> bool {
        self.overdue.is_empty()
            && self.due_today.is_empty()
            && self.due_soon.is_empty()
            && self.notices_owed.is_empty()
            && self.problems.is_empty()
    }
}

impl Service {
    /// The digest of the officer `login` on `today`, warning `within` working days ahead
    /// (default [`DEFAULT_WITHIN`]). An officer gets their own; supervisors and auditors
    /// anyone's; `any` (the files' holder) anyone's.
    pub fn digest(
        &self,
        caller: &Caller,
        any: bool,
        today: NaiveDate,
        login: &str,
        within: Option<u32>,
    ) -> Result<Digest, ReportError> {
        if !any && !caller.reads_all() && caller.login != login {
            return Err(ReportError::Forbidden(
                Message::new("digest-forbidden")
                    .text("login", caller.login.as_str())
                    .text("officer", login),
            ));
        }
        let within = within.unwrap_or(DEFAULT_WITHIN);
        if within > MAX_WITHIN {
            return Err(ReportError::Invalid {
                field: "within",
                message: Message::new("digest-within-too-far")
                    .number("within", within)
                    .number("max", MAX_WITHIN),
            });
        }
        let users = self.store.users()?;
        let Some(user) = users.iter().find(|u| u.login == login) else {
            return Err(ReportError::Invalid {
                field: "officer",
                message: Message::new("digest-unknown-officer").text("officer", login),
            });
        };
        let cal = &self.reference.calendar;
        let rules = &self.reference.rules;
        let mut digest = Digest {
            officer: user.login.clone(),
            name: user.name.clone(),
            today,
            within,
            overdue: Vec::new(),
            due_today: Vec::new(),
            due_soon: Vec::new(),
            notices_owed: Vec::new(),
            problems: Vec::new(),
        };
        for id in self.store.ids_assigned_to(login)? {
            let Some(case) = self.store.record(id)? else {
                continue;
            };
            // The index may lag a reassignment by nothing, but a record is the truth.
            if case.assignee.as_deref() != Some(login) || !case.status.is_open() {
                continue;
            }
            let d = match case.deadlines(cal, rules, today) {
                Ok(d) => d,
                Err(e) => {
                    digest.problems.push((case.number.clone(), e.to_string()));
                    continue;
                }
            };
            for o in d.obligations.iter().filter(|o| o.state.is_owed()) {
                let Some(due) = o.due else { continue };
                let remaining = cal.remaining_working_days(today, due);
                let section = match remaining {
                    r if r < 0 => &mut digest.overdue,
                    0 => &mut digest.due_today,
                    r if r <= i64::from(within) => &mut digest.due_soon,
                    _ if o.kind == ObligationKind::ExtensionNotice => &mut digest.notices_owed,
                    _ => continue,
                };
                section.push(DigestLine {
                    number: case.number.clone(),
                    kind: o.kind,
                    due,
                    remaining,
                    basis: o.basis.clone(),
                    concerns: o.concerns.clone(),
                    provisional: d.provisional,
                });
            }
        }
        for section in [
            &mut digest.overdue,
            &mut digest.due_today,
            &mut digest.due_soon,
            &mut digest.notices_owed,
        ] {
            section.sort_by(|a, b| {
                (a.due, &a.number, a.kind.as_str()).cmp(&(b.due, &b.number, b.kind.as_str()))
            });
        }
        digest.problems.sort();
        Ok(digest)
    }
}

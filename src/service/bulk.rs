//! Bulk changes (issue 10, item 2): one command on many marked cases, each case on its own.
//!
//! A supervisor rebalancing a body's queue reassigns dozens or thousands of cases at once, while
//! officers go on working them. So a bulk change is not one transaction: each case is changed
//! as [`Service::execute`] changes one case, with its own version check, its own history entry
//! and its own flush, holding the store and the service's gate only for that case. A case that
//! changed since the supervisor saw it (a conflict) or that the caller may not change is
//! reported and skipped; the others go on. An export waiting for the gate gets it between two
//! cases, and every other console sees each case change as it happens.

use chrono::NaiveDate;
use thiserror::Error;

use super::{Caller, CaseCommand, Executed, Service, ServiceError};
use crate::domain::message::{Localize, Message};

/// The most cases one bulk request names: well above a body's whole open queue, and small
/// enough that the request stays far below the daemon's request cap (16 MiB).
pub const MAX_BULK: usize = 20_000;

/// What a bulk change did to one case: its number, and its new version or why not.
pub type BulkResult = (String, Result<Executed, ServiceError>);

/// Why a bulk request was refused as a whole (nothing was changed).
#[derive(Debug, Error, PartialEq, Eq)]
pub enum BulkError {
    /// Only commands that mean the same for every case go in bulk: assigning (taking).
    #[error("'{0}' cannot be done on many cases at once; only assigning (and taking) can")]
    NotBulk(&'static str),
    #[error("a bulk change names {given} cases, more than {max}; mark fewer cases")]
    TooMany { given: usize, max: usize },
}

impl Localize for BulkError {
    fn message(&self) -> Message {
        match self {
            BulkError::NotBulk(what) => Message::new("bulk-not-bulk").text("what", *what),
            BulkError::TooMany { given, max } => Message::new("bulk-too-many")
                .number("given", i64::try_from(*given).unwrap_or(i64::MAX))
                .number("max", i64::try_from(*max).unwrap_or(i64::MAX)),
        }
    }
}

/// Whether `cmd` may be given to many cases at once. Assigning is the supervisor's triage
/// (DESIGN 4: "reassign (bulk, with a count to confirm)"); every other command records a fact
/// about one case (a date, a ground, a text) that no officer can vouch for on a thousand.
pub fn is_bulk(cmd: &CaseCommand) -> bool {
    matches!(cmd, CaseCommand::Assign { .. })
}

impl Service {
    /// Applies `cmd` to each case of `items` (number, the version the caller saw), one case
    /// after another, each as [`Service::execute`] with that version: the result of each, in
    /// the order given. A refusal or a conflict on one case does not stop the others (a number
    /// given twice is tried twice: the second is a conflict, its version having moved).
    ///
    /// The whole request is refused, with nothing changed, when `cmd` is not a bulk command,
    /// when it names more than [`MAX_BULK`] cases, or when it assigns to a login that is not
    /// a user (the same answer for every case).
    pub fn bulk(
        &self,
        caller: &Caller,
        today: NaiveDate,
        items: &[(String, u64)],
        cmd: &CaseCommand,
    ) -> Result<Vec<BulkResult>, BulkRefused> {
        if !is_bulk(cmd) {
            return Err(BulkError::NotBulk(cmd.name()).into());
        }
        if items.len() > MAX_BULK {
            return Err(BulkError::TooMany {
                given: items.len(),
                max: MAX_BULK,
            }
            .into());
        }
        if let CaseCommand::Assign { to: Some(to) } = cmd {
            self.require_login(to)?;
        }
        Ok(items
            .iter()
            .map(|(number, version)| {
                let result = self.execute(caller, today, Some(number), Some(*version), cmd.clone());
                (number.clone(), result)
            })
            .collect())
    }
}

/// Why a whole bulk request was refused: by its shape, or by the service (an unknown login).
#[derive(Debug, Error)]
pub enum BulkRefused {
    #[error(transparent)]
    Bulk(#[from] BulkError),
    #[error(transparent)]
    Service(#[from] ServiceError),
}

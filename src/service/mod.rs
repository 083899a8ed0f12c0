//! The one API that reads and changes cases (DESIGN 2): used in-process by the console and by
//! the daemon for its clients.
//!
//! Every change goes through [`Service::execute`], which checks the caller's role, validates the
//! change with the domain (an illegal extension is refused with its article), checks the case
//! version the change was based on, appends the history entry, flushes, and only then returns.

pub mod api;
pub mod asof;
mod barred;
pub mod bulk;
mod command;
pub mod dashboard;
pub mod demo;
pub mod digest;
pub mod exchange;
pub mod identity;
pub mod pointer;
mod queue;
pub mod report;
mod rows;
mod scan;
pub mod search;
pub mod transfer;
mod users;

use std::path::Path;
use std::sync::{Arc, RwLock, RwLockReadGuard, RwLockWriteGuard};

use chrono::{DateTime, Datelike, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::domain::calendar::Names;
use crate::domain::case::{Actor, Case, CaseError, Matter};
use crate::domain::deadline::{Deadlines, Refusal};
use crate::domain::message::{Localize, Message};
use crate::domain::why::Why;
use crate::reference::Reference;
use crate::store::{CaseStore, Damaged, Store, StoreError, Tx};

pub use crate::store::{Role, User};
pub use api::{ApiError, BulkResults, CaseApi, Draft, DraftKey, Request, Response, Session};
pub use barred::Barred;
pub use command::CaseCommand;
pub use queue::{Badges, QueueQuery, QueueRow, Scope, Sort, Urgency};
pub use rows::EncodedRows;
pub use users::{Manager, UserError, role_key};

/// Who is asking: the operating-system account (identified by the kernel, never by what a
/// client claims) and the role it has in the `users` tree.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Caller {
    pub uid: u32,
    pub login: String,
    pub name: String,
    pub role: Role,
}

impl Caller {
    /// The actor recorded in history.
    pub fn actor(&self) -> Actor {
        Actor {
            uid: self.uid,
            login: self.login.clone(),
            name: self.name.clone(),
        }
    }

    pub fn is_supervisor(&self) -> bool {
        self.role == Role::Supervisor
    }

    /// Whether the caller reads every case (a supervisor, an auditor), not only own and
    /// unassigned ones.
    pub fn reads_all(&self) -> bool {
        matches!(self.role, Role::Supervisor | Role::Auditor)
    }

    /// Whether the caller may see a case assigned to `assignee` (issue 9: an officer sees own
    /// and unassigned cases; supervisors and auditors every case): the one rule behind the
    /// queue and opening a case by number.
    pub fn may_see(&self, assignee: Option<&str>) -> bool {
        self.reads_all() || assignee.is_none_or(|a| a == self.login)
    }
}

impl From<User> for Caller {
    fn from(u: User) -> Caller {
        Caller {
            uid: u.uid,
            login: u.login,
            name: u.name,
            role: u.role,
        }
    }
}

/// What went wrong, written for the person at the console.
#[derive(Debug, Error)]
pub enum ServiceError {
    #[error(
        "user id '{uid}' is not a merzim user; a supervisor adds users with 'merzim users add LOGIN --role officer' (or run 'merzim demo' for a demo database)"
    )]
    UnknownUser { uid: u32 },
    /// Managing users, or a disabled user.
    #[error(transparent)]
    User(#[from] UserError),
    #[error("no user has the login '{0}'")]
    UnknownLogin(String),
    #[error("no case has the number '{0}'")]
    NotFound(String),
    #[error("'{login}' may not {action} case '{number}': {why}")]
    Forbidden {
        login: String,
        action: &'static str,
        number: String,
        why: Barred,
    },
    #[error(
        "case '{number}' was changed meanwhile (now version {current}, the change was based on version {expected}); reload it and try again"
    )]
    Conflict {
        number: String,
        expected: u64,
        current: u64,
    },
    /// The domain refuses the change; a refusal by law names its article.
    #[error(transparent)]
    Rejected(#[from] CaseError),
    #[error("'{0}' needs a case number")]
    NoNumber(&'static str),
    #[error("a new case gets its number from the register; do not pass one")]
    NumberGiven,
    #[error("service '{code}' is not in the register")]
    UnknownService { code: String },
    #[error("{0}")]
    Invalid(String),
    #[error(transparent)]
    Store(StoreError),
}

impl Localize for ServiceError {
    fn message(&self) -> Message {
        match self {
            ServiceError::UnknownUser { uid } => {
                Message::new("service-unknown-user").number("uid", *uid)
            }
            ServiceError::UnknownLogin(l) => Message::new("service-unknown-login").text("login", l),
            ServiceError::NotFound(n) => Message::new("service-not-found").text("number", n),
            ServiceError::Conflict {
                number,
                expected,
                current,
            } => Message::new("service-conflict")
                .text("number", number)
                .number("expected", i64::try_from(*expected).unwrap_or(i64::MAX))
                .number("current", i64::try_from(*current).unwrap_or(i64::MAX)),
            ServiceError::Rejected(e) => e.message(),
            ServiceError::User(u) => u.message(),
            ServiceError::NoNumber(what) => Message::new("service-no-number").text("what", *what),
            ServiceError::NumberGiven => Message::new("service-number-given"),
            ServiceError::UnknownService { code } => {
                Message::new("service-unknown-service").text("code", code)
            }
            ServiceError::Forbidden { number, why, .. } => why.message(number),
            // Not yet data: the service's own checks still say these in English.
            other => Message::new("plain-text").text("text", other.to_string()),
        }
    }
}

impl ServiceError {
    /// The refusal by law, if that is what this is.
    pub fn refusal(&self) -> Option<&Refusal> {
        match self {
            ServiceError::Rejected(CaseError::Refused(r)) => Some(r),
            _ => None,
        }
    }
}

impl From<StoreError> for ServiceError {
    fn from(e: StoreError) -> ServiceError {
        match e {
            StoreError::Conflict {
                number,
                expected,
                current,
            } => ServiceError::Conflict {
                number,
                expected,
                current,
            },
            StoreError::NotFound(n) => ServiceError::NotFound(n),
            e => ServiceError::Store(e),
        }
    }
}

impl From<Tx<CaseError>> for ServiceError {
    fn from(e: Tx<CaseError>) -> ServiceError {
        match e {
            Tx::Store(e) => e.into(),
            Tx::Rejected(e) => ServiceError::Rejected(e),
        }
    }
}

/// What a successful command returns.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Executed {
    pub number: String,
    /// The case's version after the change.
    pub version: u64,
}

/// One case with everything the case view shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CaseView {
    /// The case with its original text and its whole history (`case.events`).
    pub case: Case,
    /// Its queue row on `today`: urgency, badges, remaining working days.
    pub row: QueueRow,
    /// Due dates and obligations, `None` if they cannot be computed (then `row.problem` says why).
    pub deadlines: Option<Deadlines>,
    /// "Why this date": the steps of the current due date, each with its days and its article;
    /// `None` if the dates cannot be computed (then `row.problem` says why).
    pub why: Option<Why>,
    /// The service's name in the register (applications with a service code).
    pub service_name: Option<Names>,
    /// An application with a term in hours: when the term starts (the registration) and ends,
    /// so that the case view shows the times without computing them.
    #[serde(default)]
    pub hours_window: Option<(DateTime<Utc>, DateTime<Utc>)>,
}

/// The number of a new case in a preview: the register gives the real one on save.
pub const NEW_CASE_NUMBER: &str = "new";

/// How many times a change not pinned to a version is retried when another write wins the race.
const RETRIES: usize = 16;

/// The case service over one store.
#[derive(Debug, Clone)]
pub struct Service {
    /// Any backend: the service reaches the database only through [`CaseStore`] (DESIGN 2.1).
    store: Arc<dyn CaseStore>,
    reference: Reference,
    /// Commands hold it shared; an export holds it alone, so that it sees one consistent state.
    gate: Arc<RwLock<()>>,
    /// The queue rows of today, shared by every session (see [`rows`]).
    rows: Arc<rows::Rows>,
}

impl Service {
    /// The service over an open store of any backend.
    pub fn new(store: Arc<dyn CaseStore>, reference: Reference) -> Service {
        Service {
            store,
            reference,
            gate: Arc::new(RwLock::new(())),
            rows: Arc::default(),
        }
    }

    /// Shared access for a change.
    fn shared(&self) -> RwLockReadGuard<'_, ()> {
        self.gate.read().unwrap_or_else(|p| p.into_inner())
    }

    /// Exclusive access for an export or import.
    fn exclusive(&self) -> RwLockWriteGuard<'_, ()> {
        self.gate.write().unwrap_or_else(|p| p.into_inner())
    }

    /// The service over an open sled store.
    pub fn from_sled(store: Store, reference: Reference) -> Service {
        Service::new(Arc::new(store), reference)
    }

    /// Opens the sled database at `path` (see [`Store::open`]).
    pub fn open(path: &Path, reference: Reference) -> Result<Service, ServiceError> {
        Ok(Service::from_sled(Store::open(path)?, reference))
    }

    /// Drops the queue rows held in memory: the next query computes them again from the store.
    /// For whoever writes below the service, and for tests that compare the rows kept up to
    /// date change by change with rows made afresh.
    pub fn forget_rows(&self) {
        self.rows.forget();
    }

    /// The store behind the service, whatever its backend: for the command line's database
    /// commands (check, counts, the restore marker).
    pub fn store(&self) -> &dyn CaseStore {
        self.store.as_ref()
    }

    pub fn reference(&self) -> &Reference {
        &self.reference
    }

    /// The queue on `today`. A case record that cannot be read is left out: see
    /// [`Service::queue_with_damage`] for which.
    pub fn queue(
        &self,
        caller: &Caller,
        today: NaiveDate,
        q: &QueueQuery,
    ) -> Result<Vec<QueueRow>, ServiceError> {
        self.queue_with_damage(caller, today, q)
            .map(|(rows, _)| rows)
    }

    /// The queue on `today`, and the case records that were skipped because they cannot be
    /// read: one damaged record never hides the others.
    ///
    /// The rows come from the service's in-memory table ([`rows::Rows`]): the first query of a
    /// day decodes every case, the others only filter and sort. An officer sees their own and
    /// the unassigned cases whatever scope they ask for (issue 9: roles); a supervisor and an
    /// auditor see every case.
    pub fn queue_with_damage(
        &self,
        caller: &Caller,
        today: NaiveDate,
        q: &QueueQuery,
    ) -> Result<(Vec<QueueRow>, Vec<Damaged>), ServiceError> {
        let cal = &self.reference.calendar;
        let rules = &self.reference.rules;
        self.rows.query(
            today,
            || self.scan_rows(&|case: &Case| Some(queue::row_of(case, cal, rules, today).0)),
            |row: &QueueRow| sees(caller, q, row),
            q,
        )
    }

    /// The answer to a queue query ([`Response::Queue`](api::Response::Queue)) in its wire
    /// form, for the daemon: made from the rows' kept encodings, so that a console's whole
    /// queue costs a copy of bytes, not a clone and an encoding of every row; and kept until the
    /// next change for whoever asks the same (see [`rows::Rows::answer`]).
    pub fn queue_answer(
        &self,
        caller: &Caller,
        today: NaiveDate,
        q: &QueueQuery,
    ) -> Result<Arc<[u8]>, ServiceError> {
        let cal = &self.reference.calendar;
        let rules = &self.reference.rules;
        // What decides the rows: the query, whether the caller reads every case, and the
        // caller's login where the scope or the role depends on it.
        let own = !caller.reads_all() || matches!(q.scope, Scope::Mine | Scope::MineAndUnassigned);
        let key = (caller.reads_all(), own.then_some(&caller.login), q);
        let key = rmp_serde::to_vec(&key).map_err(|e| ServiceError::Invalid(e.to_string()))?;
        self.rows.answer(
            today,
            || self.scan_rows(&|case: &Case| Some(queue::row_of(case, cal, rules, today).0)),
            |row: &QueueRow| sees(caller, q, row),
            q,
            key,
            |rows, damaged| {
                crate::wire::queue_answer(rows, &api::damaged_numbers(damaged))
                    .map_err(|e| ServiceError::Invalid(e.to_string()))
            },
        )
    }

    /// The dashboard on `today` with "due within `within` working days" (see [`dashboard`]),
    /// counted over the same rows of today the queue shows. Supervisors and auditors see every
    /// officer's line (every enabled officer, with or without cases); an officer sees their
    /// own line and the unassigned one, as their queue shows only those cases (issue 9).
    pub fn dashboard(
        &self,
        caller: &Caller,
        today: NaiveDate,
        within: u32,
    ) -> Result<dashboard::Dashboard, ServiceError> {
        let (lines, users) = self.dashboard_lines(caller)?;
        let cal = &self.reference.calendar;
        let rules = &self.reference.rules;
        let h = dashboard::Horizon::new(today, within);
        let mut board = self.rows.visit(
            today,
            || self.scan_rows(&|case: &Case| Some(queue::row_of(case, cal, rules, today).0)),
            |rows| dashboard::tally(rows, &h, &lines, cal),
        )?;
        name_lines(&mut board, &users);
        Ok(board)
    }

    /// Which lines `caller` sees on a dashboard (see [`Service::dashboard`]), and the users
    /// list the lines' names come from (empty for an officer, who sees only their own line).
    fn dashboard_lines(
        &self,
        caller: &Caller,
    ) -> Result<(dashboard::Lines, Vec<User>), ServiceError> {
        let users = if caller.reads_all() {
            self.store.users()?
        } else {
            Vec::new()
        };
        let lines = if caller.reads_all() {
            let officers = users
                .iter()
                .filter(|u| !u.disabled && u.role == Role::Officer)
                .map(|u| (u.login.clone(), u.name.clone()))
                .collect();
            dashboard::Lines::Everyone { officers }
        } else {
            dashboard::Lines::Own {
                login: caller.login.clone(),
                name: caller.name.clone(),
            }
        };
        Ok((lines, users))
    }

    /// Decodes every case record and makes its row, on as many threads as there are cores
    /// (the one parallel scan, [`scan::each_case`]).
    fn scan_rows(
        &self,
        row: &(dyn Fn(&Case) -> Option<QueueRow> + Sync),
    ) -> Result<rows::Scan, ServiceError> {
        let (parts, damaged) = scan::each_case(self, &|raw, out: &mut Vec<(u64, QueueRow)>| {
            let case = raw.decode().map_err(|e| {
                self.store
                    .damaged_case("cases", raw.id.to_string(), raw.id, &e)
                    .reason
            })?;
            out.extend(row(&case).map(|r| (raw.id, r)));
            Ok(())
        })?;
        let damaged = damaged
            .into_iter()
            .map(|d| (d.key.parse().unwrap_or_default(), d))
            .collect();
        Ok((parts.into_iter().flatten().collect(), damaged))
    }

    /// One case on `today`: the case with its history, deadlines and "why this date".
    pub fn case(
        &self,
        caller: &Caller,
        number: &str,
        today: NaiveDate,
    ) -> Result<CaseView, ServiceError> {
        let (_, case) = self
            .store
            .case(number)?
            .ok_or_else(|| ServiceError::NotFound(number.to_string()))?;
        if !caller.may_see(case.assignee.as_deref())
            && let Some(owner) = &case.assignee
        {
            return Err(ServiceError::Forbidden {
                login: caller.login.clone(),
                action: "open",
                number: case.number,
                why: Barred::SeesOwn {
                    owner: owner.clone(),
                },
            });
        }
        Ok(self.view_of(case, today))
    }

    /// The case view of `case` on `today`.
    fn view_of(&self, case: Case, today: NaiveDate) -> CaseView {
        let (row, deadlines) = queue::row_of(
            &case,
            &self.reference.calendar,
            &self.reference.rules,
            today,
        );
        let why = case
            .why(&self.reference.calendar, &self.reference.rules)
            .ok();
        let service_name = match &case.matter {
            Matter::Application {
                service: Some(code),
                ..
            } => self.reference.services.get(code).map(|s| s.name.clone()),
            _ => None,
        };
        // The term runs from the moment of registration (the first history entry).
        let hours_window = match &case.matter {
            Matter::Application { term, .. }
                if term.unit == crate::domain::vocabulary::TermUnit::Hours =>
            {
                case.events.first().and_then(|e| {
                    let end =
                        e.at.checked_add_signed(chrono::Duration::hours(i64::from(term.value)))?;
                    Some((e.at, end))
                })
            }
            _ => None,
        };
        CaseView {
            case,
            row,
            deadlines,
            why,
            service_name,
            hours_window,
        }
    }

    /// What `cmd` would make of the case `number` (none for `Register`), without saving
    /// anything: the case view after the change, or the error [`Service::execute`] would give
    /// (a refusal by law, a conflict with `expected_version`, ...). The forms show it live: the
    /// new due date, what is left of the extension cap, the notice that will be owed. A new
    /// case has the number [`NEW_CASE_NUMBER`] until it is saved.
    pub fn preview(
        &self,
        caller: &Caller,
        today: NaiveDate,
        number: Option<&str>,
        expected_version: Option<u64>,
        cmd: CaseCommand,
    ) -> Result<CaseView, ServiceError> {
        let at = Utc::now();
        let cal = &self.reference.calendar;
        let rules = &self.reference.rules;
        forbid_auditor(caller, number, &cmd)?;
        if let CaseCommand::Register { case, .. } = cmd {
            if number.is_some() {
                return Err(ServiceError::NumberGiven);
            }
            let new = self.complete_term(*case)?;
            let case = Case::register(
                new,
                NEW_CASE_NUMBER.into(),
                caller.actor(),
                at,
                cal,
                rules,
                today,
            )?;
            return Ok(self.view_of(case, today));
        }
        let name = cmd.name();
        let number = number.ok_or(ServiceError::NoNumber(name))?;
        let Some(event) = cmd.event() else {
            return Err(ServiceError::NoNumber(name));
        };
        let (_, mut case) = self.case_to_change(caller, number, expected_version, &cmd)?;
        // `apply` records the event in the case's history too: the view shows it as it would be.
        case.apply(event, caller.actor(), at, cal, rules, today)?;
        Ok(self.view_of(case, today))
    }

    /// Executes one command on the case `number` (none for `Register`). With `expected_version`
    /// the change is refused as a conflict if the case is no longer at that version; without it
    /// the change applies to the case as it is (retrying if another write wins the race).
    pub fn execute(
        &self,
        caller: &Caller,
        today: NaiveDate,
        number: Option<&str>,
        expected_version: Option<u64>,
        cmd: CaseCommand,
    ) -> Result<Executed, ServiceError> {
        self.execute_at(caller, today, Utc::now(), number, expected_version, cmd)
    }

    /// The stored case `number` (its id too), if `caller` may make `cmd` of it and it is still
    /// at `expected_version` (when one is given): what a change and its preview start from.
    fn case_to_change(
        &self,
        caller: &Caller,
        number: &str,
        expected_version: Option<u64>,
        cmd: &CaseCommand,
    ) -> Result<(u64, Case), ServiceError> {
        let (id, case) = self
            .store
            .case(number)?
            .ok_or_else(|| ServiceError::NotFound(number.to_string()))?;
        if let Some(expected) = expected_version
            && expected != case.version
        {
            return Err(ServiceError::Conflict {
                number: number.to_string(),
                expected,
                current: case.version,
            });
        }
        self.permit(caller, &case, cmd)?;
        Ok((id, case))
    }

    /// [`Service::execute`] with the time recorded in history given: for tests and imports.
    pub fn execute_at(
        &self,
        caller: &Caller,
        today: NaiveDate,
        at: DateTime<Utc>,
        number: Option<&str>,
        expected_version: Option<u64>,
        cmd: CaseCommand,
    ) -> Result<Executed, ServiceError> {
        let _shared = self.shared();
        forbid_auditor(caller, number, &cmd)?;
        if let CaseCommand::Register { case, assignee } = cmd {
            if number.is_some() {
                return Err(ServiceError::NumberGiven);
            }
            return self.register(caller, today, at, *case, assignee);
        }
        let name = cmd.name();
        let number = number.ok_or(ServiceError::NoNumber(name))?;
        let Some(event) = cmd.event() else {
            return Err(ServiceError::NoNumber(name));
        };
        for _ in 0..RETRIES {
            let (id, mut case) = self.case_to_change(caller, number, expected_version, &cmd)?;
            if let CaseCommand::Link { number: other, .. } = &cmd
                && self.store.id_of(other)?.is_none()
            {
                return Err(ServiceError::NotFound(other.clone()));
            }
            let based_on = case.version;
            let ev = case.apply(
                event.clone(),
                caller.actor(),
                at,
                &self.reference.calendar,
                &self.reference.rules,
                today,
            )?;
            match self.store.update(id, based_on, &case, &[ev]) {
                Ok(()) => {
                    self.rows
                        .put(id, &case, (&self.reference.calendar, &self.reference.rules));
                    return Ok(Executed {
                        number: case.number,
                        version: case.version,
                    });
                }
                Err(StoreError::Conflict { .. }) if expected_version.is_none() => continue,
                Err(e) => return Err(e.into()),
            }
        }
        Err(ServiceError::Invalid(format!(
            "case '{number}' kept changing while '{name}' was being applied; try again"
        )))
    }

    fn register(
        &self,
        caller: &Caller,
        today: NaiveDate,
        at: DateTime<Utc>,
        new: crate::domain::case::NewCase,
        assignee: Option<String>,
    ) -> Result<Executed, ServiceError> {
        if let Some(a) = &assignee {
            if !caller.is_supervisor() && *a != caller.login {
                return Err(ServiceError::Forbidden {
                    login: caller.login.clone(),
                    action: "assign",
                    number: "a new case".into(),
                    why: Barred::AssignsOthers { to: a.clone() },
                });
            }
            self.require_login(a)?;
        }
        let new = self.complete_term(new)?;
        let cal = &self.reference.calendar;
        let rules = &self.reference.rules;
        let case = self.store.register(new.registered.year(), &|number| {
            let mut case =
                Case::register(new.clone(), number, caller.actor(), at, cal, rules, today)?;
            if let Some(a) = &assignee {
                case.apply(
                    crate::domain::case::EventKind::Assigned {
                        to: Some(a.clone()),
                    },
                    caller.actor(),
                    at,
                    cal,
                    rules,
                    today,
                )?;
            }
            Ok::<Case, CaseError>(case)
        })?;
        if let Some(id) = self.store.id_of(&case.number)? {
            self.rows.put(id, &case, (cal, rules));
        } else {
            self.rows.forget();
        }
        Ok(Executed {
            number: case.number,
            version: case.version,
        })
    }

    /// An application names its service; its term through the channel comes from the register
    /// (DESIGN 1.3), unless the registering officer gave the act's term.
    pub fn complete_term(
        &self,
        mut new: crate::domain::case::NewCase,
    ) -> Result<crate::domain::case::NewCase, ServiceError> {
        if let Matter::Application {
            channel,
            service: Some(code),
            term,
        } = &mut new.matter
        {
            let s = self
                .reference
                .services
                .get(code)
                .ok_or_else(|| ServiceError::UnknownService { code: code.clone() })?;
            match s.term(*channel) {
                Some(t) => *term = t,
                None => {
                    return Err(ServiceError::Invalid(format!(
                        "service '{code}' is not offered through the channel '{channel}'"
                    )));
                }
            }
        }
        Ok(new)
    }

    fn require_login(&self, login: &str) -> Result<(), ServiceError> {
        if self.store.users()?.iter().any(|u| u.login == login) {
            Ok(())
        } else {
            Err(ServiceError::UnknownLogin(login.to_string()))
        }
    }

    /// Officers act on their own and unassigned cases; only supervisors assign others.
    fn permit(&self, caller: &Caller, case: &Case, cmd: &CaseCommand) -> Result<(), ServiceError> {
        let forbid = |why: Barred| ServiceError::Forbidden {
            login: caller.login.clone(),
            action: cmd.name(),
            number: case.number.clone(),
            why,
        };
        if let CaseCommand::Assign { to: Some(to) } = cmd {
            self.require_login(to)?;
        }
        if caller.is_supervisor() {
            return Ok(());
        }
        if let Some(owner) = &case.assignee
            && *owner != caller.login
        {
            return Err(forbid(Barred::ActsOnOwn {
                owner: owner.clone(),
            }));
        }
        if let CaseCommand::Assign { to: Some(to) } = cmd
            && *to != caller.login
        {
            return Err(forbid(Barred::AssignsOthers { to: to.clone() }));
        }
        Ok(())
    }
}

/// An auditor reads every case and changes none.
fn forbid_auditor(
    caller: &Caller,
    number: Option<&str>,
    cmd: &CaseCommand,
) -> Result<(), ServiceError> {
    if caller.role == Role::Auditor {
        return Err(ServiceError::Forbidden {
            login: caller.login.clone(),
            action: cmd.name(),
            number: number.unwrap_or("a new case").to_string(),
            why: Barred::Auditor,
        });
    }
    Ok(())
}

/// Whether `caller` sees `row` in the queue `q` asks for: an officer sees their own and the
/// unassigned cases whatever scope they ask for (issue 9: roles), a supervisor and an auditor
/// every case.
fn sees(caller: &Caller, q: &QueueQuery, row: &QueueRow) -> bool {
    let me = caller.login.as_str();
    let a = row.assignee.as_deref();
    caller.may_see(a)
        && match &q.scope {
            Scope::All => true,
            Scope::Mine => a == Some(me),
            Scope::MineAndUnassigned => a.is_none() || a == Some(me),
            Scope::Unassigned => a.is_none(),
            Scope::Assignee(login) => a == Some(login.as_str()),
        }
}

/// A case may be assigned to someone who is no longer an officer (a supervisor, a disabled
/// user): the dashboard's line still gets the name the users list has.
fn name_lines(board: &mut dashboard::Dashboard, users: &[User]) {
    for line in &mut board.lines {
        if line.name.is_empty()
            && let Some(u) = users.iter().find(|u| line.login.as_ref() == Some(&u.login))
        {
            line.name = u.name.clone();
        }
    }
}

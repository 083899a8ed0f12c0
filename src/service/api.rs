//! The one door of the service, as data (DESIGN 2.1): a [`Request`] in, a [`Response`] out,
//! both plain serde values, so that the daemon carries them over its socket unchanged and the
//! console cannot tell an in-process [`Session`] from a socket client.
//!
//! Who asks and what day it is belong to the session, never to the request: whoever builds
//! the session resolves the caller from the operating-system account (the process's uid for
//! the embedded console, the socket's peer credentials for the daemon) and gives it the
//! office's clock. Errors are data too ([`ApiError`]): a conflict with both versions, a refusal
//! by law with its article and its message as a catalogue key with arguments, put into words
//! where they are shown.

use std::collections::BTreeMap;
use std::sync::{Mutex, OnceLock, RwLock};

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use thiserror::Error;

use super::bulk::BulkRefused;
use super::digest::Digest;
use super::exchange::{ExportError, ImportError, ImportReport};
use super::report::{Report, ReportQuery};
use super::transfer::{ExportReady, Snapshot, TransferError, Transfers};
use super::{
    Caller, CaseCommand, CaseView, Executed, QueueQuery, QueueRow, Role, Service, ServiceError,
    role_key,
};
use crate::domain::case::{CaseError, NewCase};
use crate::domain::deadline::Refusal;
use crate::domain::message::{Localize, Message};
use crate::domain::services::Service as StateService;
use crate::i18n::{Lang, Texts};
use crate::letters::{self, Format, LetterKind};
use crate::store::drafts::DraftRecord;
use crate::store::{Damaged, StoreError, User};

/// Which draft: the form and the case it is about (`None`: a new case).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct DraftKey {
    /// The form's kind, as the console names it (`register`, `extend`, `record-notice`, ...):
    /// lower-case Latin letters, digits and '-', 1 to 32 of them.
    pub form: String,
    /// The case's number; `None` for a form that registers a new case.
    #[serde(default)]
    pub case: Option<String>,
}

/// What an officer typed into a form and has not saved yet.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Draft {
    pub key: DraftKey,
    /// The form's fields by name, as typed.
    pub fields: BTreeMap<String, String>,
    /// When it was saved (set by the service, not the client).
    pub saved: DateTime<Utc>,
}

/// What a bulk change did to each case, in the order asked: its number, and its new version
/// or why it was not changed.
pub type BulkResults = Vec<(String, Result<Executed, ApiError>)>;

/// What the console (or any client) asks. The caller and "today" are the session's.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Request {
    /// Who the session's caller is, and the office's date.
    WhoAmI,
    /// The queue, most urgent first (or as `query.sort` says).
    Queue { query: QueueQuery },
    /// One case with its history, deadlines and "why this date".
    Case { number: String },
    /// A change of the case `number`, based on the version the officer saw: refused as a
    /// conflict if the case changed since.
    Execute {
        number: String,
        expected_version: u64,
        command: CaseCommand,
    },
    /// Registers a new case; it gets its number from the register.
    Register {
        case: Box<NewCase>,
        /// Assign it at once (an officer: only to themself).
        #[serde(default)]
        assignee: Option<String>,
    },
    /// What `command` would make of the case `number`, nothing saved: the forms' live
    /// preview (new due date, obligations, the refusal by law before Save is pressed).
    Preview {
        number: String,
        expected_version: u64,
        command: CaseCommand,
    },
    /// The same for a new case: its due dates and obligations while the form is filled.
    PreviewRegister { case: Box<NewCase> },
    /// The users of the database (for assigning).
    Users,
    /// The register of state services (for picking an application's service).
    Services,
    /// A letter of the case `number` from the office's templates (the service's, so that
    /// every console writes the office's wording), in `lang`, as `format` bytes; the console
    /// writes them to the file the officer names.
    Letter {
        number: String,
        kind: LetterKind,
        lang: Lang,
        format: Format,
    },
    /// Saves (or replaces) the caller's draft of a form.
    SaveDraft {
        key: DraftKey,
        fields: BTreeMap<String, String>,
    },
    /// The caller's drafts.
    Drafts,
    /// One of the caller's drafts.
    LoadDraft { key: DraftKey },
    /// Deletes one of the caller's drafts (after the save it belongs to was acknowledged).
    DeleteDraft { key: DraftKey },
    /// The database: where it is, how many cases it holds, an unfinished restore.
    Database,
    /// The records of the database that cannot be read (`merzim check`).
    Check,
    /// Makes a consistent snapshot of the database (an export or a backup) and opens a handle
    /// on it: see [`super::transfer`]. A supervisor's or an auditor's (they read every case).
    ExportBegin { what: Snapshot },
    /// Up to [`super::transfer::CHUNK`] bytes of the snapshot `handle` from `offset`; the
    /// handle closes once its end was read.
    ExportRead { handle: u64, offset: u64 },
    /// Opens a staging file for an import (a supervisor's).
    ImportBegin,
    /// The next piece of the file being imported, at most [`super::transfer::MAX_CHUNK`]
    /// bytes.
    ImportChunk {
        handle: u64,
        #[serde(with = "serde_bytes")]
        bytes: Vec<u8>,
    },
    /// Checks every staged line and writes all or nothing, as `merzim import FILE`; the
    /// handle is closed whatever the outcome.
    ImportCommit { handle: u64 },
    /// Closes an export or import handle before its end.
    Discard { handle: u64 },
    /// Adds the OS account `login` as a user (a supervisor's; before the first supervisor,
    /// the database directory's owner's).
    AddUser {
        login: String,
        #[serde(default)]
        name: Option<String>,
        role: Role,
    },
    /// Gives the user `login` another role (who may: as for `AddUser`).
    SetRole { login: String, role: Role },
    /// Disables (`true`) or enables a user (who may: as for `AddUser`).
    SetDisabled { login: String, disabled: bool },
    /// The data files the service computes with (calendars, rules, register), for a console
    /// over the socket to compute its forms' previews on the daemon's calendar, not its own.
    Reference,
    /// The supervisor's dashboard (see [`super::dashboard`]): counts per officer and bucket,
    /// with "due within `within` working days" (at most [`super::dashboard::MAX_DUE_WITHIN`]);
    /// with `as_of`, every case as it stood at the end of that past day (issue 10, item 3).
    Dashboard {
        within: u32,
        #[serde(default)]
        as_of: Option<NaiveDate>,
    },
    /// One command on many cases, each based on the version the caller saw (number, version):
    /// each case is changed on its own, and a conflict or a refusal on one does not stop the
    /// others (see [`super::bulk`]). Only assigning (taking) goes in bulk.
    Bulk {
        items: Vec<(String, u64)>,
        command: CaseCommand,
    },
    /// The figures of the cases registered in a period, grouped, with the open states as of a
    /// day (`merzim report`; a supervisor's or an auditor's): see [`super::report`].
    Report { query: ReportQuery },
    /// An officer's morning summary (`merzim digest`): what is overdue, due today, due within
    /// `within` working days, and the extension notices owed. An officer's own, or anyone's
    /// for a supervisor or an auditor: see [`super::digest`].
    Digest {
        officer: String,
        #[serde(default)]
        within: Option<u32>,
    },
}

/// The answer to a [`Request`]: the variant of the same name, or [`Response::Error`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Response {
    WhoAmI {
        caller: Caller,
        today: NaiveDate,
    },
    Queue {
        /// On the socket, positional rows in one `bin` (see [`crate::wire::rows`]).
        #[serde(with = "crate::wire::rows")]
        rows: Vec<QueueRow>,
        /// Case records that could not be read and were left out (numbers, or keys where the
        /// number is unknown): one damaged record never hides the rest.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        damaged: Vec<String>,
    },
    Case {
        view: Box<CaseView>,
    },
    /// An `Execute` or a `Register` was done and flushed: the case's number and new version.
    Executed {
        done: Executed,
    },
    /// The case as a `Preview` or `PreviewRegister` would leave it (not saved; a new case has
    /// the number [`super::NEW_CASE_NUMBER`]).
    Previewed {
        view: Box<CaseView>,
    },
    Users {
        users: Vec<User>,
    },
    Services {
        services: Vec<StateService>,
    },
    /// The letter's bytes (UTF-8 text or a .docx).
    Letter {
        bytes: Vec<u8>,
    },
    DraftSaved {
        draft: Draft,
    },
    Drafts {
        drafts: Vec<Draft>,
    },
    /// `None`: there is no such draft.
    Draft {
        draft: Option<Draft>,
    },
    /// `existed`: there was such a draft.
    DraftDeleted {
        existed: bool,
    },
    Database {
        /// The database's path where the service runs.
        path: String,
        cases: usize,
        /// The backup an interrupted restore into this database was reading.
        #[serde(default)]
        restoring: Option<String>,
    },
    Checked {
        damaged: Vec<Damaged>,
    },
    /// A snapshot is ready: read it by `handle`, `size` bytes in all; it holds `cases` cases
    /// and left out the records in `damaged`.
    ExportReady {
        handle: u64,
        size: u64,
        cases: usize,
        #[serde(default)]
        damaged: Vec<Damaged>,
    },
    /// A piece of a snapshot; `last`: its end (the handle is closed).
    ExportChunk {
        #[serde(with = "serde_bytes")]
        bytes: Vec<u8>,
        last: bool,
    },
    ImportStarted {
        handle: u64,
    },
    /// The chunk was staged: `staged` bytes so far.
    ImportStaged {
        staged: u64,
    },
    /// The import was written (and flushed).
    Imported {
        added: usize,
        unchanged: usize,
        users: usize,
    },
    /// `existed`: the handle was open.
    Discarded {
        existed: bool,
    },
    /// A user as an `AddUser`, `SetRole` or `SetDisabled` left it.
    User {
        user: User,
    },
    Reference {
        sources: crate::reference::Sources,
    },
    Dashboard {
        dashboard: Box<super::dashboard::Dashboard>,
    },
    /// What a `Bulk` did to each case, in the order asked: its number, and its new version or
    /// why it was not changed.
    Bulk {
        results: BulkResults,
    },
    Report {
        report: Box<Report>,
    },
    Digest {
        digest: Box<Digest>,
    },
    Error {
        error: ApiError,
    },
}

/// What went wrong, as data for the wire; [`Localize`] puts it into the reader's words.
#[derive(Debug, Clone, PartialEq, Eq, Error, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ApiError {
    /// The case changed since the version the change was based on.
    #[error(
        "case '{number}' was changed meanwhile (now version {current}, the change was based on version {expected}); reload it and try again"
    )]
    Conflict {
        number: String,
        expected: u64,
        current: u64,
    },
    /// The law refuses it: the article (the refusal's legal basis, empty when the refusal is
    /// not one article's, such as a date outside the calendar) and what to say.
    #[error("refused by law ({article}): {}", .message.key)]
    Refused { article: String, message: Message },
    /// The caller may not do this (a role, another officer's case, not a user).
    #[error("forbidden: {}", .message.key)]
    Forbidden { message: Message },
    #[error("no case has the number '{number}'")]
    NotFound { number: String },
    /// A value the caller gave is wrong: `field` names it (`registration-date`, `assignee`,
    /// `service`, `form`, ...; empty when no one field is at fault).
    #[error("invalid {field}: {}", .message.key)]
    Invalid { field: String, message: Message },
    /// The case's state does not allow it (decided already, not an application, ...).
    #[error("not now: {}", .message.key)]
    Rejected { message: Message },
    /// The database cannot be reached now (in use, a disk error): try again later.
    #[error("unavailable: {}", .message.key)]
    Unavailable { message: Message },
    /// Something that should not happen (a damaged record, a bug).
    #[error("internal error: {}", .message.key)]
    Internal { message: Message },
    /// An import found bad lines and wrote nothing: the first of them (each `line N: what is
    /// wrong`, at most 50) and how many there were.
    #[error("{} lines are wrong (nothing was imported)", .total)]
    BadLines { lines: Vec<String>, total: usize },
}

impl Localize for ApiError {
    fn message(&self) -> Message {
        match self {
            ApiError::Conflict {
                number,
                expected,
                current,
            } => Message::new("service-conflict")
                .text("number", number)
                .number("expected", i64::try_from(*expected).unwrap_or(i64::MAX))
                .number("current", i64::try_from(*current).unwrap_or(i64::MAX)),
            ApiError::NotFound { number } => {
                Message::new("service-not-found").text("number", number)
            }
            ApiError::Refused { message, .. }
            | ApiError::Forbidden { message }
            | ApiError::Invalid { message, .. }
            | ApiError::Rejected { message }
            | ApiError::Unavailable { message }
            | ApiError::Internal { message } => message.clone(),
            ApiError::BadLines { lines, total } => Message::new("plain-text").text(
                "text",
                ImportError::Invalid {
                    lines: lines.clone(),
                    total: *total,
                }
                .to_string(),
            ),
        }
    }
}

/// The legal basis a refusal cites ("Art. 25.4"), if it cites one.
fn article_of(r: &Refusal) -> String {
    match r {
        Refusal::MayNotExtend { basis, .. }
        | Refusal::GroundNotAllowed { basis, .. }
        | Refusal::OverCap { basis, .. }
        | Refusal::ZeroDays { basis }
        | Refusal::AfterDue { basis, .. }
        | Refusal::TermSetByLaw { basis, .. } => basis.clone(),
        Refusal::BeforeRegistration { .. } | Refusal::NoEdition(_) | Refusal::Calendar(_) => {
            String::new()
        }
    }
}

impl From<ServiceError> for ApiError {
    fn from(e: ServiceError) -> ApiError {
        let message = e.message();
        match e {
            ServiceError::Conflict {
                number,
                expected,
                current,
            } => ApiError::Conflict {
                number,
                expected,
                current,
            },
            ServiceError::NotFound(number) => ApiError::NotFound { number },
            ServiceError::Rejected(CaseError::Refused(r)) => ApiError::Refused {
                article: article_of(&r),
                message,
            },
            ServiceError::Rejected(
                CaseError::InFuture { what, .. }
                | CaseError::BeforeRegistration { what, .. }
                | CaseError::Empty(what),
            ) => ApiError::Invalid {
                field: what.key().trim_start_matches("field-").to_string(),
                message,
            },
            ServiceError::Rejected(CaseError::RefusalWithoutGround) => ApiError::Invalid {
                field: "ground".into(),
                message,
            },
            ServiceError::Rejected(CaseError::SelfLink(_)) => ApiError::Invalid {
                field: "linked-number".into(),
                message,
            },
            ServiceError::Rejected(CaseError::Text(_)) => ApiError::Invalid {
                field: String::new(),
                message,
            },
            ServiceError::Rejected(_) => ApiError::Rejected { message },
            ServiceError::UnknownUser { .. }
            | ServiceError::Forbidden { .. }
            | ServiceError::User(_) => ApiError::Forbidden { message },
            ServiceError::UnknownLogin(_) => ApiError::Invalid {
                field: "assignee".into(),
                message,
            },
            ServiceError::NoNumber(_) | ServiceError::NumberGiven => ApiError::Invalid {
                field: "number".into(),
                message,
            },
            ServiceError::UnknownService { .. } => ApiError::Invalid {
                field: "service".into(),
                message,
            },
            ServiceError::Invalid(_) => ApiError::Invalid {
                field: String::new(),
                message,
            },
            ServiceError::Store(
                StoreError::Locked { .. } | StoreError::Sled(_) | StoreError::Open { .. },
            ) => ApiError::Unavailable { message },
            ServiceError::Store(_) => ApiError::Internal { message },
        }
    }
}

impl From<BulkRefused> for ApiError {
    fn from(e: BulkRefused) -> ApiError {
        match e {
            BulkRefused::Bulk(e) => ApiError::Invalid {
                field: "command".into(),
                message: e.message(),
            },
            BulkRefused::Service(e) => e.into(),
        }
    }
}

impl From<StoreError> for ApiError {
    fn from(e: StoreError) -> ApiError {
        ServiceError::from(e).into()
    }
}

/// The one door: a request in, a response out. The in-process [`Session`] implements it; a
/// socket client will too. The typed methods are the same call with the answer unpacked.
pub trait CaseApi: Send + Sync {
    fn call(&self, request: Request) -> Response;

    fn who_am_i(&self) -> Result<(Caller, NaiveDate), ApiError> {
        match self.call(Request::WhoAmI) {
            Response::WhoAmI { caller, today } => Ok((caller, today)),
            other => Err(unexpected(other)),
        }
    }

    fn queue(&self, query: QueueQuery) -> Result<Vec<QueueRow>, ApiError> {
        match self.call(Request::Queue { query }) {
            Response::Queue { rows, .. } => Ok(rows),
            other => Err(unexpected(other)),
        }
    }

    fn case(&self, number: String) -> Result<CaseView, ApiError> {
        match self.call(Request::Case { number }) {
            Response::Case { view } => Ok(*view),
            other => Err(unexpected(other)),
        }
    }

    fn execute(
        &self,
        number: String,
        expected_version: u64,
        command: CaseCommand,
    ) -> Result<Executed, ApiError> {
        match self.call(Request::Execute {
            number,
            expected_version,
            command,
        }) {
            Response::Executed { done } => Ok(done),
            other => Err(unexpected(other)),
        }
    }

    fn register(&self, case: NewCase, assignee: Option<String>) -> Result<Executed, ApiError> {
        match self.call(Request::Register {
            case: Box::new(case),
            assignee,
        }) {
            Response::Executed { done } => Ok(done),
            other => Err(unexpected(other)),
        }
    }

    fn preview(
        &self,
        number: String,
        expected_version: u64,
        command: CaseCommand,
    ) -> Result<CaseView, ApiError> {
        match self.call(Request::Preview {
            number,
            expected_version,
            command,
        }) {
            Response::Previewed { view } => Ok(*view),
            other => Err(unexpected(other)),
        }
    }

    fn preview_register(&self, case: NewCase) -> Result<CaseView, ApiError> {
        match self.call(Request::PreviewRegister {
            case: Box::new(case),
        }) {
            Response::Previewed { view } => Ok(*view),
            other => Err(unexpected(other)),
        }
    }

    fn services(&self) -> Result<Vec<StateService>, ApiError> {
        match self.call(Request::Services) {
            Response::Services { services } => Ok(services),
            other => Err(unexpected(other)),
        }
    }

    fn letter(
        &self,
        number: String,
        kind: LetterKind,
        lang: Lang,
        format: Format,
    ) -> Result<Vec<u8>, ApiError> {
        match self.call(Request::Letter {
            number,
            kind,
            lang,
            format,
        }) {
            Response::Letter { bytes } => Ok(bytes),
            other => Err(unexpected(other)),
        }
    }

    fn users(&self) -> Result<Vec<User>, ApiError> {
        match self.call(Request::Users) {
            Response::Users { users } => Ok(users),
            other => Err(unexpected(other)),
        }
    }

    fn save_draft(
        &self,
        key: DraftKey,
        fields: BTreeMap<String, String>,
    ) -> Result<Draft, ApiError> {
        match self.call(Request::SaveDraft { key, fields }) {
            Response::DraftSaved { draft } => Ok(draft),
            other => Err(unexpected(other)),
        }
    }

    fn drafts(&self) -> Result<Vec<Draft>, ApiError> {
        match self.call(Request::Drafts) {
            Response::Drafts { drafts } => Ok(drafts),
            other => Err(unexpected(other)),
        }
    }

    fn load_draft(&self, key: DraftKey) -> Result<Option<Draft>, ApiError> {
        match self.call(Request::LoadDraft { key }) {
            Response::Draft { draft } => Ok(draft),
            other => Err(unexpected(other)),
        }
    }

    fn delete_draft(&self, key: DraftKey) -> Result<bool, ApiError> {
        match self.call(Request::DeleteDraft { key }) {
            Response::DraftDeleted { existed } => Ok(existed),
            other => Err(unexpected(other)),
        }
    }

    fn database(&self) -> Result<DatabaseInfo, ApiError> {
        match self.call(Request::Database) {
            Response::Database {
                path,
                cases,
                restoring,
            } => Ok(DatabaseInfo {
                path,
                cases,
                restoring,
            }),
            other => Err(unexpected(other)),
        }
    }

    fn check(&self) -> Result<Vec<Damaged>, ApiError> {
        match self.call(Request::Check) {
            Response::Checked { damaged } => Ok(damaged),
            other => Err(unexpected(other)),
        }
    }

    fn export_begin(&self, what: Snapshot) -> Result<ExportReady, ApiError> {
        match self.call(Request::ExportBegin { what }) {
            Response::ExportReady {
                handle,
                size,
                cases,
                damaged,
            } => Ok(ExportReady {
                handle,
                size,
                report: super::exchange::ExportReport { cases, damaged },
            }),
            other => Err(unexpected(other)),
        }
    }

    /// The next piece of a snapshot and whether it is the last.
    fn export_read(&self, handle: u64, offset: u64) -> Result<(Vec<u8>, bool), ApiError> {
        match self.call(Request::ExportRead { handle, offset }) {
            Response::ExportChunk { bytes, last } => Ok((bytes, last)),
            other => Err(unexpected(other)),
        }
    }

    fn import_begin(&self) -> Result<u64, ApiError> {
        match self.call(Request::ImportBegin) {
            Response::ImportStarted { handle } => Ok(handle),
            other => Err(unexpected(other)),
        }
    }

    fn import_chunk(&self, handle: u64, bytes: Vec<u8>) -> Result<u64, ApiError> {
        match self.call(Request::ImportChunk { handle, bytes }) {
            Response::ImportStaged { staged } => Ok(staged),
            other => Err(unexpected(other)),
        }
    }

    fn import_commit(&self, handle: u64) -> Result<ImportReport, ApiError> {
        match self.call(Request::ImportCommit { handle }) {
            Response::Imported {
                added,
                unchanged,
                users,
            } => Ok(ImportReport {
                added,
                unchanged,
                users,
            }),
            other => Err(unexpected(other)),
        }
    }

    fn discard(&self, handle: u64) -> Result<bool, ApiError> {
        match self.call(Request::Discard { handle }) {
            Response::Discarded { existed } => Ok(existed),
            other => Err(unexpected(other)),
        }
    }

    fn add_user(&self, login: String, name: Option<String>, role: Role) -> Result<User, ApiError> {
        match self.call(Request::AddUser { login, name, role }) {
            Response::User { user } => Ok(user),
            other => Err(unexpected(other)),
        }
    }

    fn set_role(&self, login: String, role: Role) -> Result<User, ApiError> {
        match self.call(Request::SetRole { login, role }) {
            Response::User { user } => Ok(user),
            other => Err(unexpected(other)),
        }
    }

    fn set_disabled(&self, login: String, disabled: bool) -> Result<User, ApiError> {
        match self.call(Request::SetDisabled { login, disabled }) {
            Response::User { user } => Ok(user),
            other => Err(unexpected(other)),
        }
    }

    fn dashboard(&self, within: u32) -> Result<super::dashboard::Dashboard, ApiError> {
        self.dashboard_as_of(within, None)
    }

    /// The dashboard as of a past day (`None`: today's).
    fn dashboard_as_of(
        &self,
        within: u32,
        as_of: Option<NaiveDate>,
    ) -> Result<super::dashboard::Dashboard, ApiError> {
        match self.call(Request::Dashboard { within, as_of }) {
            Response::Dashboard { dashboard } => Ok(*dashboard),
            other => Err(unexpected(other)),
        }
    }

    /// [`Request::Bulk`]: each case's number with its new version or why not.
    fn bulk(
        &self,
        items: Vec<(String, u64)>,
        command: CaseCommand,
    ) -> Result<BulkResults, ApiError> {
        match self.call(Request::Bulk { items, command }) {
            Response::Bulk { results } => Ok(results),
            other => Err(unexpected(other)),
        }
    }

    fn reference(&self) -> Result<crate::reference::Sources, ApiError> {
        match self.call(Request::Reference) {
            Response::Reference { sources } => Ok(sources),
            other => Err(unexpected(other)),
        }
    }

    fn report(&self, query: ReportQuery) -> Result<Report, ApiError> {
        match self.call(Request::Report { query }) {
            Response::Report { report } => Ok(*report),
            other => Err(unexpected(other)),
        }
    }

    fn digest(&self, officer: String, within: Option<u32>) -> Result<Digest, ApiError> {
        match self.call(Request::Digest { officer, within }) {
            Response::Digest { digest } => Ok(*digest),
            other => Err(unexpected(other)),
        }
    }
}

/// What [`CaseApi::database`] tells.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DatabaseInfo {
    /// The database's path where the service runs.
    pub path: String,
    pub cases: usize,
    /// The backup an interrupted restore into this database was reading.
    pub restoring: Option<String>,
}

/// An error answer as it is; any other answer to the wrong question is a broken peer.
fn unexpected(r: Response) -> ApiError {
    match r {
        Response::Error { error } => error,
        other => ApiError::Internal {
            message: Message::new("api-unexpected-answer").text("answer", variant_name(&other)),
        },
    }
}

fn variant_name(r: &Response) -> &'static str {
    match r {
        Response::WhoAmI { .. } => "who-am-i",
        Response::Queue { .. } => "queue",
        Response::Case { .. } => "case",
        Response::Executed { .. } => "executed",
        Response::Previewed { .. } => "previewed",
        Response::Users { .. } => "users",
        Response::Services { .. } => "services",
        Response::Letter { .. } => "letter",
        Response::DraftSaved { .. } => "draft-saved",
        Response::Drafts { .. } => "drafts",
        Response::Draft { .. } => "draft",
        Response::DraftDeleted { .. } => "draft-deleted",
        Response::Database { .. } => "database",
        Response::Checked { .. } => "checked",
        Response::ExportReady { .. } => "export-ready",
        Response::ExportChunk { .. } => "export-chunk",
        Response::ImportStarted { .. } => "import-started",
        Response::ImportStaged { .. } => "import-staged",
        Response::Imported { .. } => "imported",
        Response::Discarded { .. } => "discarded",
        Response::User { .. } => "user",
        Response::Reference { .. } => "reference",
        Response::Dashboard { .. } => "dashboard",
        Response::Bulk { .. } => "bulk",
        Response::Report { .. } => "report",
        Response::Digest { .. } => "digest",
        Response::Error { .. } => "error",
    }
}

/// The office's date, as whoever builds the session reads it (a fixed `--today`, or the clock
/// in the office's zone): the service itself never reads the clock for dates.
pub type Today = Box<dyn Fn() -> NaiveDate + Send + Sync>;

/// What a session's caller holds besides their role.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// A client of the daemon: the role decides everything (exports and backups are a
    /// supervisor's or an auditor's, imports a supervisor's).
    Role,
    /// The process opened the database files itself (an embedded command): it can read and
    /// write them whatever its role, so exports and imports ask for none, as they never did.
    /// Managing users still follows the users' rule (see [`Service::user_manager`]).
    Files,
}

/// The in-process session: the service, the caller it acts for and the office's clock.
pub struct Session {
    service: Service,
    /// Behind a lock: the daemon re-reads its connection's user before every call, and a role
    /// changed meanwhile takes effect at once ([`Session::set_caller`]).
    caller: RwLock<Caller>,
    today: Today,
    access: Access,
    /// The words that go into letters, read when the first letter is asked for.
    texts: OnceLock<Texts>,
    /// Open exports and imports; dropped, with their scratch files, with the session.
    transfers: Mutex<Transfers>,
}

impl std::fmt::Debug for Session {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Session")
            .field("caller", &self.caller())
            .finish_non_exhaustive()
    }
}

impl Session {
    /// A session for `caller`, resolved by whoever builds it from the operating-system account
    /// (see [`Service::caller_for_uid`], [`Service::caller_or_first_user`]).
    pub fn new(service: Service, caller: Caller, today: Today) -> Session {
        Session {
            service,
            caller: RwLock::new(caller),
            today,
            access: Access::Role,
            texts: OnceLock::new(),
            transfers: Mutex::new(Transfers::default()),
        }
    }

    /// The session of an embedded command (`export`, `import`, `backup`, `users`, `letter`,
    /// `check`) run by the account `uid`, which opened the database files itself
    /// ([`Access::Files`]). Nothing is written to find the caller: a user of the database is
    /// themself; an account that is not (or is disabled) reads as an officer under its
    /// system name, as history records it (see [`Service::actor_for_uid`]).
    pub fn local(service: Service, uid: u32, today: Today) -> Session {
        let actor = service.actor_for_uid(uid);
        let role = match service.store().user(uid) {
            Ok(Some(u)) if !u.disabled => u.role,
            _ => Role::Officer,
        };
        let caller = Caller {
            uid,
            login: actor.login,
            name: actor.name,
            role,
        };
        let mut session = Session::new(service, caller, today);
        session.access = Access::Files;
        session
    }

    fn transfers(&self) -> std::sync::MutexGuard<'_, Transfers> {
        self.transfers.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Exports and backups hold every case: a reader of every case's (or the files' holder).
    fn may_export(&self) -> Result<(), ApiError> {
        let caller = self.caller();
        if self.access == Access::Files || caller.reads_all() {
            return Ok(());
        }
        Err(ApiError::Forbidden {
            message: Message::new("transfer-export-forbidden")
                .text("login", caller.login.as_str())
                .word("role", role_key(caller.role)),
        })
    }

    /// An import writes many cases at once, and a backup's header adds users: a supervisor's.
    fn may_import(&self) -> Result<(), ApiError> {
        let caller = self.caller();
        if self.access == Access::Files || caller.is_supervisor() {
            return Ok(());
        }
        Err(ApiError::Forbidden {
            message: Message::new("transfer-import-forbidden")
                .text("login", caller.login.as_str())
                .word("role", role_key(caller.role)),
        })
    }

    fn texts(&self) -> Result<&Texts, ApiError> {
        if let Some(t) = self.texts.get() {
            return Ok(t);
        }
        let texts = Texts::new().map_err(|e| ApiError::Internal {
            message: Message::new("plain-text").text("text", e.to_string()),
        })?;
        Ok(self.texts.get_or_init(|| texts))
    }

    /// A session for the account `uid`: a user of the database, or its first user (a
    /// supervisor) when the database has none yet.
    pub fn for_uid(service: Service, uid: u32, today: Today) -> Result<Session, ServiceError> {
        let caller = service.caller_or_first_user(uid)?;
        Ok(Session::new(service, caller, today))
    }

    /// The caller the session acts for now.
    pub fn caller(&self) -> Caller {
        self.caller
            .read()
            .unwrap_or_else(|p| p.into_inner())
            .clone()
    }

    /// The caller as the users' record says now (the daemon re-reads it before every call):
    /// a role changed by a supervisor applies from the next call on, without a reconnection.
    pub fn set_caller(&self, caller: Caller) {
        *self.caller.write().unwrap_or_else(|p| p.into_inner()) = caller;
    }

    pub fn service(&self) -> &Service {
        &self.service
    }

    /// The answer to `Request::Queue { query }` in its wire form: the bytes of encoding the
    /// [`Response`] that [`CaseApi::call`] gives, made from the rows' kept encodings and shared
    /// by every session that asks the same between two changes. The daemon answers queues with
    /// it: a hundred consoles asking for a whole queue cost one answer, not a hundred clones and
    /// encodings of every row (issue 9's targets).
    pub fn queue_answer(&self, query: &QueueQuery) -> Result<std::sync::Arc<[u8]>, ApiError> {
        let today = (self.today)();
        Ok(self.service.queue_answer(&self.caller(), today, query)?)
    }

    fn answer(&self, request: Request) -> Result<Response, ApiError> {
        let today = (self.today)();
        let caller = &self.caller();
        let s = &self.service;
        Ok(match request {
            Request::WhoAmI => Response::WhoAmI {
                caller: caller.clone(),
                today,
            },
            Request::Queue { query } => {
                let (rows, damaged) = s.queue_with_damage(caller, today, &query)?;
                Response::Queue {
                    rows,
                    damaged: damaged_numbers(damaged),
                }
            }
            Request::Case { number } => Response::Case {
                view: Box::new(s.case(caller, &number, today)?),
            },
            Request::Execute {
                number,
                expected_version,
                command,
            } => {
                if let CaseCommand::Register { .. } = command {
                    return Err(ServiceError::NumberGiven.into());
                }
                Response::Executed {
                    done: s.execute(
                        caller,
                        today,
                        Some(&number),
                        Some(expected_version),
                        command,
                    )?,
                }
            }
            Request::Register { case, assignee } => Response::Executed {
                done: s.execute(
                    caller,
                    today,
                    None,
                    None,
                    CaseCommand::Register { case, assignee },
                )?,
            },
            Request::Preview {
                number,
                expected_version,
                command,
            } => {
                if let CaseCommand::Register { .. } = command {
                    return Err(ServiceError::NumberGiven.into());
                }
                Response::Previewed {
                    view: Box::new(s.preview(
                        caller,
                        today,
                        Some(&number),
                        Some(expected_version),
                        command,
                    )?),
                }
            }
            Request::PreviewRegister { case } => Response::Previewed {
                view: Box::new(s.preview(
                    caller,
                    today,
                    None,
                    None,
                    CaseCommand::Register {
                        case,
                        assignee: None,
                    },
                )?),
            },
            Request::Users => Response::Users {
                users: s.store().users()?,
            },
            Request::Services => Response::Services {
                services: s.reference().services.services().cloned().collect(),
            },
            Request::Letter {
                number,
                kind,
                lang,
                format,
            } => {
                let view = s.case(caller, &number, today)?;
                let bytes =
                    letters::render(self.texts()?, s.reference(), &view, kind, lang, format)
                        .map_err(|e| {
                            let message = Localize::message(&e);
                            if e.is_input() {
                                ApiError::Invalid {
                                    field: "letter".into(),
                                    message,
                                }
                            } else {
                                ApiError::Internal { message }
                            }
                        })?;
                Response::Letter { bytes }
            }
            Request::SaveDraft { key, fields } => {
                check_draft_key(&key)?;
                let record = DraftRecord {
                    form: key.form,
                    case: key.case,
                    fields,
                    saved: Utc::now(),
                };
                s.store().put_draft(caller.uid, &record)?;
                Response::DraftSaved {
                    draft: draft_of(record),
                }
            }
            Request::Drafts => Response::Drafts {
                drafts: s
                    .store()
                    .drafts_of(caller.uid)?
                    .into_iter()
                    .map(draft_of)
                    .collect(),
            },
            Request::LoadDraft { key } => {
                check_draft_key(&key)?;
                Response::Draft {
                    draft: s
                        .store()
                        .draft(caller.uid, &key.form, key.case.as_deref())?
                        .map(draft_of),
                }
            }
            Request::DeleteDraft { key } => {
                check_draft_key(&key)?;
                Response::DraftDeleted {
                    existed: s
                        .store()
                        .remove_draft(caller.uid, &key.form, key.case.as_deref())?,
                }
            }
            Request::Database => Response::Database {
                path: s.store().location().to_string(),
                cases: s.store().count()?,
                restoring: s.store().restoring()?,
            },
            Request::Check => {
                self.may_export()?;
                Response::Checked {
                    damaged: s.store().check()?,
                }
            }
            Request::ExportBegin { what } => {
                self.may_export()?;
                let ready = self.transfers().export(s, what, today)?;
                Response::ExportReady {
                    handle: ready.handle,
                    size: ready.size,
                    cases: ready.report.cases,
                    damaged: ready.report.damaged,
                }
            }
            Request::ExportRead { handle, offset } => {
                let (bytes, last) = self.transfers().read(handle, offset)?;
                Response::ExportChunk { bytes, last }
            }
            Request::ImportBegin => {
                self.may_import()?;
                Response::ImportStarted {
                    handle: self.transfers().begin_import(s)?,
                }
            }
            Request::ImportChunk { handle, bytes } => Response::ImportStaged {
                staged: self.transfers().stage(handle, &bytes)?,
            },
            Request::ImportCommit { handle } => {
                self.may_import()?;
                // Out of the table first: a long import does not hold the session's transfers.
                let file = self.transfers().take_import(handle)?;
                let r = s
                    .import_staged(file, &caller.actor(), today)
                    .map_err(TransferError::Import)?;
                Response::Imported {
                    added: r.added,
                    unchanged: r.unchanged,
                    users: r.users,
                }
            }
            Request::Discard { handle } => Response::Discarded {
                existed: self.transfers().discard(handle),
            },
            Request::AddUser { login, name, role } => Response::User {
                user: s.add_user(caller.uid, &login, name.as_deref(), role)?,
            },
            Request::SetRole { login, role } => Response::User {
                user: s.set_role(caller.uid, &login, role)?,
            },
            Request::SetDisabled { login, disabled } => Response::User {
                user: s.set_disabled(caller.uid, &login, disabled)?,
            },
            Request::Reference => Response::Reference {
                sources: s.reference().sources.clone(),
            },
            Request::Dashboard { within, as_of } => Response::Dashboard {
                dashboard: Box::new(s.dashboard_as_of(caller, today, within, as_of)?),
            },
            Request::Bulk { items, command } => Response::Bulk {
                results: s
                    .bulk(caller, today, &items, &command)?
                    .into_iter()
                    .map(|(number, r)| (number, r.map_err(ApiError::from)))
                    .collect(),
            },
            // The files' holder reads every case anyway, as for an export.
            Request::Report { query } => Response::Report {
                report: Box::new(if self.access == Access::Files {
                    s.report_unchecked(today, &query)?
                } else {
                    s.report(caller, today, &query)?
                }),
            },
            Request::Digest { officer, within } => Response::Digest {
                digest: Box::new(s.digest(
                    caller,
                    self.access == Access::Files,
                    today,
                    &officer,
                    within,
                )?),
            },
        })
    }
}

impl CaseApi for Session {
    fn call(&self, request: Request) -> Response {
        match self.answer(request) {
            Ok(r) => r,
            Err(error) => Response::Error { error },
        }
    }
}

/// Damaged records as a queue answer names them: numbers, or keys where the number is unknown.
pub(super) fn damaged_numbers(damaged: Vec<Damaged>) -> Vec<String> {
    damaged
        .into_iter()
        .map(|d| d.number.unwrap_or(d.key))
        .collect()
}

impl From<TransferError> for ApiError {
    fn from(e: TransferError) -> ApiError {
        let handle = |h: u64| i64::try_from(h).unwrap_or(i64::MAX);
        match e {
            TransferError::UnknownHandle(h) => ApiError::Invalid {
                field: "handle".into(),
                message: Message::new("transfer-unknown-handle").number("handle", handle(h)),
            },
            TransferError::WrongHandle(h) => ApiError::Invalid {
                field: "handle".into(),
                message: Message::new("transfer-wrong-handle").number("handle", handle(h)),
            },
            TransferError::ChunkTooBig { bytes } => ApiError::Invalid {
                field: "bytes".into(),
                message: Message::new("transfer-chunk-too-big")
                    .number("bytes", i64::try_from(bytes).unwrap_or(i64::MAX))
                    .number(
                        "max",
                        i64::try_from(super::transfer::MAX_CHUNK).unwrap_or(i64::MAX),
                    ),
            },
            TransferError::BadOffset { offset, size } => ApiError::Invalid {
                field: "offset".into(),
                message: Message::new("transfer-bad-offset")
                    .number("offset", handle(offset))
                    .number("size", handle(size)),
            },
            TransferError::TooMany => ApiError::Rejected {
                message: Message::new("transfer-too-many").number(
                    "max",
                    i64::try_from(super::transfer::MAX_OPEN).unwrap_or(i64::MAX),
                ),
            },
            TransferError::Disk(e) => ApiError::Unavailable {
                message: Message::new("transfer-disk").text("error", e.to_string()),
            },
            TransferError::Export(ExportError::Write(e)) => TransferError::Disk(e).into(),
            TransferError::Export(ExportError::Service(e)) => e.into(),
            TransferError::Import(ImportError::Invalid { lines, total }) => {
                ApiError::BadLines { lines, total }
            }
            TransferError::Import(
                ImportError::Read { source, .. } | ImportError::Write { source, .. },
            ) => TransferError::Disk(source).into(),
            TransferError::Import(ImportError::Service(e)) => e.into(),
        }
    }
}

fn draft_of(r: DraftRecord) -> Draft {
    Draft {
        key: DraftKey {
            form: r.form,
            case: r.case,
        },
        fields: r.fields,
        saved: r.saved,
    }
}

/// A form's kind is a short name (it is part of the store's key: no 0 byte, no surprises).
fn check_draft_key(key: &DraftKey) -> Result<(), ApiError> {
    let ok = (1..=32).contains(&key.form.len())
        && key
            .form
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
    if ok {
        Ok(())
    } else {
        Err(ApiError::Invalid {
            field: "form".into(),
            message: Message::new("api-bad-form").text("form", key.form.as_str()),
        })
    }
}

//! A case: a complaint (Art. 25) or an application for a state service (Arts. 14, 19, 19-1, 20),
//! with its parties, its status and the events that made it what it is.
//!
//! A case changes only through [`Case::apply`], which validates an [`EventKind`] against the law
//! and the case's state and returns the [`Event`] to append to its history. Due dates are never
//! stored: [`Case::deadlines`] recomputes them from the case's facts with the deadline engine.

use std::fmt;
use std::str::FromStr;

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use thiserror::Error;

use super::message::{Localize, Message, Value};

use super::calendar::Calendar;
use super::deadline::{
    self, ApplicationFacts, ApplicationOutcome, ComplaintFacts, Deadlines, Extension, NoticeKind,
    NoticeSent, Refusal,
};
use super::ids::{Bin, IdError, Iin};
use super::rules::RuleBook;
use super::vocabulary::{Addressee, CaseKind, Channel, Form, Ground, Medium, Term, spelled_enum};

/// How the applicant is identified: an individual by IIN, a legal entity by BIN.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum PartyId {
    Individual(Iin),
    Entity(Bin),
}

impl PartyId {
    /// The 12 digits.
    pub fn as_str(&self) -> &str {
        match self {
            PartyId::Individual(i) => i.as_str(),
            PartyId::Entity(b) => b.as_str(),
        }
    }
}

/// Who filed the complaint or application.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "ApplicantRecord", into = "ApplicantRecord")]
pub struct Applicant {
    pub name: String,
    pub id: PartyId,
    /// Address, telephone or e-mail, as given.
    pub contact: String,
}

/// The applicant as written on the wire: `{"name": ..., "iin": ...}` or `{"name": ..., "bin": ...}`.
/// The store writes the same shape from a record of its own (`store::records::ApplicantRecord`).
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct ApplicantRecord {
    name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    iin: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    bin: Option<String>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    contact: String,
}

/// An applicant record that cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ApplicantError {
    #[error("the applicant needs either 'iin' (an individual) or 'bin' (a legal entity), not both")]
    BothIds,
    #[error("the applicant needs 'iin' (an individual) or 'bin' (a legal entity)")]
    NoId,
    #[error("the applicant's name is empty")]
    NoName,
    #[error("'{field}' {source}")]
    Id {
        field: &'static str,
        source: IdError,
    },
}

impl Applicant {
    /// An applicant from its written parts (a name, an IIN or a BIN, a contact), checked: the
    /// wire's shape below and the store's `ApplicantRecord` both go through here.
    pub fn from_written(
        name: String,
        iin: Option<String>,
        bin: Option<String>,
        contact: String,
    ) -> Result<Applicant, ApplicantError> {
        if name.trim().is_empty() {
            return Err(ApplicantError::NoName);
        }
        let id = match (iin, bin) {
            (Some(_), Some(_)) => return Err(ApplicantError::BothIds),
            (Some(i), None) => {
                PartyId::Individual(Iin::parse(&i).map_err(|source| ApplicantError::Id {
                    field: "iin",
                    source,
                })?)
            }
            (None, Some(b)) => {
                PartyId::Entity(Bin::parse(&b).map_err(|source| ApplicantError::Id {
                    field: "bin",
                    source,
                })?)
            }
            (None, None) => return Err(ApplicantError::NoId),
        };
        Ok(Applicant { name, id, contact })
    }
}

impl TryFrom<ApplicantRecord> for Applicant {
    type Error = ApplicantError;
    fn try_from(r: ApplicantRecord) -> Result<Applicant, ApplicantError> {
        Applicant::from_written(r.name, r.iin, r.bin, r.contact)
    }
}

impl From<Applicant> for ApplicantRecord {
    fn from(a: Applicant) -> ApplicantRecord {
        let (iin, bin) = match a.id {
            PartyId::Individual(i) => (Some(i.to_string()), None),
            PartyId::Entity(b) => (None, Some(b.to_string())),
        };
        ApplicantRecord {
            name: a.name,
            iin,
            bin,
            contact: a.contact,
        }
    }
}

/// What the case is about, by kind.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Matter {
    /// A complaint (Art. 25).
    Complaint {
        addressee: Addressee,
        /// For an addressee without a statutory term (Art. 25.1): the due date the officer set.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        set_due: Option<NaiveDate>,
    },
    /// An application for a state service (Arts. 14, 19, 20).
    Application {
        channel: Channel,
        /// The service's code in the register, when it is there.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        service: Option<String>,
        /// The term in force at registration (from the service's act).
        term: Term,
    },
}

impl Matter {
    pub fn kind(&self) -> CaseKind {
        match self {
            Matter::Complaint { .. } => CaseKind::Complaint,
            Matter::Application { .. } => CaseKind::Application,
        }
    }
}

spelled_enum! {
    /// Where a case stands.
    Status, "status" {
        Registered = "registered",
        InProgress = "in-progress",
        /// A complaint whose term was extended (Art. 25.4).
        Extended = "extended",
        Decided = "decided",
        Answered = "answered",
        Closed = "closed",
        /// An application refused at intake for an incomplete package (Art. 20.2).
        RefusedAtIntake = "refused-at-intake",
    }
}

impl Status {
    /// Whether the case still needs work.
    pub fn is_open(self) -> bool {
        !matches!(self, Status::Closed | Status::RefusedAtIntake)
    }
}

spelled_enum! {
    /// How a case was decided.
    Outcome, "outcome" {
        /// A complaint satisfied.
        Satisfied = "satisfied",
        /// A complaint satisfied in part.
        Partly = "partly",
        /// A complaint rejected.
        Rejected = "rejected",
        /// A state service rendered.
        Rendered = "rendered",
        /// A state service refused on a ground of Art. 19-1.2 or another law.
        Refused = "refused",
    }
}

impl Outcome {
    /// Whether this outcome decides a case of `kind`.
    pub fn fits(self, kind: CaseKind) -> bool {
        match kind {
            CaseKind::Complaint => matches!(
                self,
                Outcome::Satisfied | Outcome::Partly | Outcome::Rejected
            ),
            CaseKind::Application => matches!(self, Outcome::Rendered | Outcome::Refused),
        }
    }
}

spelled_enum! {
    /// How two cases are linked.
    Relation, "link" {
        /// A new application after a refusal (Art. 19-1).
        Reapplication = "reapplication",
        /// One application for several services (Art. 1.1-2): one case per service.
        SameApplication = "same-application",
        /// Any other connection the officer records.
        Related = "related",
    }
}

/// A link to another case.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Link {
    pub number: String,
    pub relation: Relation,
}

/// A decision with its date; a refusal names its ground (Art. 19-1.1).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Decision {
    pub outcome: Outcome,
    pub date: NaiveDate,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ground: Option<String>,
}

/// A refusal at intake (Art. 20.2).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IntakeRefusal {
    pub date: NaiveDate,
    pub reason: String,
}

/// Who did something: the operating-system account and its name at the time.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Actor {
    pub uid: u32,
    pub login: String,
    pub name: String,
}

/// What happened to a case. Each is one history entry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "event", rename_all = "kebab-case")]
pub enum EventKind {
    /// The case was registered with its number and date.
    Registered {
        number: String,
        date: NaiveDate,
    },
    /// Given to an officer, or taken back (`to: None`).
    Assigned {
        #[serde(default)]
        to: Option<String>,
    },
    /// The term extended (Art. 25.4).
    Extended {
        date: NaiveDate,
        days: u32,
        ground: Ground,
        #[serde(default)]
        reason: String,
    },
    /// A notice sent other than the answer: an extension notice (Art. 25.4 ¶2) or the result
    /// handed to the State Corporation (Art. 5.2.5).
    NoticeSent {
        kind: NoticeKind,
        sent: NaiveDate,
        form: Form,
        #[serde(default)]
        reference: String,
    },
    /// The answer to a complaint (Art. 5.2.7) or the result of a service given to the applicant
    /// (Art. 19-1.1).
    AnswerSent {
        sent: NaiveDate,
        form: Form,
        #[serde(default)]
        reference: String,
    },
    NoteAdded {
        text: String,
    },
    Decided {
        outcome: Outcome,
        date: NaiveDate,
        #[serde(default)]
        ground: Option<String>,
    },
    Closed {
        date: NaiveDate,
    },
    Reopened {
        date: NaiveDate,
        #[serde(default)]
        reason: String,
    },
    /// The due date set by the officer where the law sets none (Art. 25.1).
    DueSet {
        due: NaiveDate,
    },
    /// Refused at intake for an incomplete package (Art. 20.2): no term starts.
    RefusedAtIntake {
        date: NaiveDate,
        reason: String,
    },
    Linked {
        number: String,
        relation: Relation,
    },
}

impl EventKind {
    /// The event's name as spelled in history.
    pub fn name(&self) -> &'static str {
        match self {
            EventKind::Registered { .. } => "registered",
            EventKind::Assigned { .. } => "assigned",
            EventKind::Extended { .. } => "extended",
            EventKind::NoticeSent { .. } => "notice-sent",
            EventKind::AnswerSent { .. } => "answer-sent",
            EventKind::NoteAdded { .. } => "note-added",
            EventKind::Decided { .. } => "decided",
            EventKind::Closed { .. } => "closed",
            EventKind::Reopened { .. } => "reopened",
            EventKind::DueSet { .. } => "due-set",
            EventKind::RefusedAtIntake { .. } => "refused-at-intake",
            EventKind::Linked { .. } => "linked",
        }
    }
}

/// The part of a case's state a history entry records before and after.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StateSnapshot {
    pub status: Status,
    #[serde(default)]
    pub assignee: Option<String>,
}

/// One history entry: who, when, what, and the state before and after.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Event {
    /// The case version this event produced (1 for the registration).
    pub version: u64,
    pub at: DateTime<Utc>,
    pub by: Actor,
    pub what: EventKind,
    #[serde(default)]
    pub before: Option<StateSnapshot>,
    pub after: StateSnapshot,
}

/// A complaint or application as registered, before it has a number.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewCase {
    pub matter: Matter,
    pub medium: Medium,
    pub applicant: Applicant,
    pub registered: NaiveDate,
    pub subject: String,
    /// The applicant's original text: immutable once registered.
    pub text: String,
}

/// A case and its current state, with its original text and its history. The store keeps the
/// text and the events apart (the text is written once, the events are the append-only history)
/// in records of its own (`store::records`): this serde shape is the wire's, not the disk's.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Case {
    pub number: String,
    pub matter: Matter,
    pub medium: Medium,
    pub applicant: Applicant,
    pub registered: NaiveDate,
    pub subject: String,
    #[serde(default)]
    pub text: String,
    #[serde(default)]
    pub assignee: Option<String>,
    pub status: Status,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub links: Vec<Link>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub extensions: Vec<Extension>,
    /// Every notice and answer sent, in the order recorded.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notices: Vec<NoticeSent>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decision: Option<Decision>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub intake_refusal: Option<IntakeRefusal>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub closed: Option<NaiveDate>,
    pub version: u64,
    #[serde(default)]
    pub events: Vec<Event>,
}

/// Which checks an event goes through (see [`Case::apply`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Checks {
    /// A new event: every check of the law and of the case's state.
    Recording,
    /// An event of a recorded history: the state checks, not the law's checks that depend on
    /// the calendar and rules in force now.
    Replaying,
}

/// A field of a case or a command, as errors name it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Field {
    CaseNumber,
    Subject,
    RegistrationDate,
    DueDate,
    AssigneeLogin,
    ExtensionDate,
    ExtensionReason,
    NoticeDate,
    AnswerDate,
    Note,
    DecisionDate,
    ClosingDate,
    ReopeningDate,
    ReopeningReason,
    IntakeRefusalDate,
    IntakeRefusalReason,
    LinkedNumber,
}

impl Field {
    /// Every field.
    pub const ALL: [Field; 17] = [
        Field::CaseNumber,
        Field::Subject,
        Field::RegistrationDate,
        Field::DueDate,
        Field::AssigneeLogin,
        Field::ExtensionDate,
        Field::ExtensionReason,
        Field::NoticeDate,
        Field::AnswerDate,
        Field::Note,
        Field::DecisionDate,
        Field::ClosingDate,
        Field::ReopeningDate,
        Field::ReopeningReason,
        Field::IntakeRefusalDate,
        Field::IntakeRefusalReason,
        Field::LinkedNumber,
    ];

    /// The field in an English sentence.
    pub fn english(self) -> &'static str {
        match self {
            Field::CaseNumber => "case number",
            Field::Subject => "subject",
            Field::RegistrationDate => "the registration date",
            Field::DueDate => "the due date",
            Field::AssigneeLogin => "assignee's login",
            Field::ExtensionDate => "the extension date",
            Field::ExtensionReason => {
                "reason for the extension (Art. 25.4 ¶2: the complainant is told the reasons)"
            }
            Field::NoticeDate => "the date the notice was sent",
            Field::AnswerDate => "the date the answer was sent",
            Field::Note => "note",
            Field::DecisionDate => "the decision date",
            Field::ClosingDate => "the closing date",
            Field::ReopeningDate => "the reopening date",
            Field::ReopeningReason => "reason for reopening",
            Field::IntakeRefusalDate => "the refusal date",
            Field::IntakeRefusalReason => "reason for the refusal at intake (Art. 20.2)",
            Field::LinkedNumber => "linked case number",
        }
    }

    /// The catalogue key of the field's name.
    pub fn key(self) -> &'static str {
        match self {
            Field::CaseNumber => "field-case-number",
            Field::Subject => "field-subject",
            Field::RegistrationDate => "field-registration-date",
            Field::DueDate => "field-due-date",
            Field::AssigneeLogin => "field-assignee-login",
            Field::ExtensionDate => "field-extension-date",
            Field::ExtensionReason => "field-extension-reason",
            Field::NoticeDate => "field-notice-date",
            Field::AnswerDate => "field-answer-date",
            Field::Note => "field-note",
            Field::DecisionDate => "field-decision-date",
            Field::ClosingDate => "field-closing-date",
            Field::ReopeningDate => "field-reopening-date",
            Field::ReopeningReason => "field-reopening-reason",
            Field::IntakeRefusalDate => "field-intake-refusal-date",
            Field::IntakeRefusalReason => "field-intake-refusal-reason",
            Field::LinkedNumber => "field-linked-number",
        }
    }
}

impl std::fmt::Display for Field {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.english())
    }
}

/// What was being done to a case whose state does not allow it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Doing {
    Assigning,
    Extending,
    RecordingNotice,
    RecordingAnswer,
    Deciding,
    Closing,
    SettingDue,
    RefusingAtIntake,
}

impl Doing {
    pub const ALL: [Doing; 8] = [
        Doing::Assigning,
        Doing::Extending,
        Doing::RecordingNotice,
        Doing::RecordingAnswer,
        Doing::Deciding,
        Doing::Closing,
        Doing::SettingDue,
        Doing::RefusingAtIntake,
    ];

    fn english(self) -> &'static str {
        match self {
            Doing::Assigning => "assigning it",
            Doing::Extending => "extending it",
            Doing::RecordingNotice => "recording a notice",
            Doing::RecordingAnswer => "recording the answer",
            Doing::Deciding => "deciding it",
            Doing::Closing => "closing it",
            Doing::SettingDue => "setting its due date",
            Doing::RefusingAtIntake => "refusing it at intake",
        }
    }

    /// The catalogue key.
    pub fn key(self) -> &'static str {
        match self {
            Doing::Assigning => "doing-assigning",
            Doing::Extending => "doing-extending",
            Doing::RecordingNotice => "doing-recording-notice",
            Doing::RecordingAnswer => "doing-recording-answer",
            Doing::Deciding => "doing-deciding",
            Doing::Closing => "doing-closing",
            Doing::SettingDue => "doing-setting-due",
            Doing::RefusingAtIntake => "doing-refusing-at-intake",
        }
    }
}

/// Why a case's status does not allow a change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StatusProblem {
    /// Closed: reopen it first.
    ReopenFirst(Doing),
    /// Refused at intake: no term started (Art. 20.2).
    NoTermStarted(Doing),
    /// Decided or answered: an extension prolongs a running term (Art. 25.4).
    TermNotRunning,
    /// Never extended: no extension notice is owed (Art. 25.4 ¶2).
    NeverExtended,
    /// Decided already.
    AlreadyDecided { outcome: Outcome, date: NaiveDate },
    /// Closing needs a decision.
    DecideFirst,
    /// Only a closed case is reopened.
    NotClosed,
    /// Being considered: a refusal at intake comes first (Art. 20.2).
    BeingConsidered,
}

impl std::fmt::Display for StatusProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            StatusProblem::ReopenFirst(d) => write!(f, "reopen it before {}", d.english()),
            StatusProblem::NoTermStarted(d) => write!(
                f,
                "no term started (Art. 20.2), so there is nothing to {}; register a new application",
                d.english()
            ),
            StatusProblem::TermNotRunning => {
                f.write_str("an extension prolongs a term still running (Art. 25.4)")
            }
            StatusProblem::NeverExtended => {
                f.write_str("it was never extended, so no extension notice is owed (Art. 25.4 ¶2)")
            }
            StatusProblem::AlreadyDecided { outcome, date } => write!(
                f,
                "it was decided '{outcome}' on {date}; reopen it to decide again"
            ),
            StatusProblem::DecideFirst => f.write_str("decide it before closing it"),
            StatusProblem::NotClosed => f.write_str("only a closed case is reopened"),
            StatusProblem::BeingConsidered => {
                f.write_str("it is being considered; a refusal at intake comes first (Art. 20.2)")
            }
        }
    }
}

/// Why a change does not fit the kind of case.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KindProblem {
    /// Only a complaint's term is extended (Art. 25.4).
    OnlyComplaintsExtended,
    /// The hand-over goes to the State Corporation only for applications filed through it.
    HandoverOnlyThroughStateCorporation,
    /// A notice of the other kind of case.
    NoticeOfOtherKind(NoticeKind),
    /// An application's term comes from its service's act.
    TermFromServiceAct,
    /// Only an application is refused at intake (Art. 20.2).
    OnlyApplicationsRefusedAtIntake,
}

impl std::fmt::Display for KindProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            KindProblem::OnlyComplaintsExtended => {
                f.write_str("only a complaint's term is extended (Art. 25.4)")
            }
            KindProblem::HandoverOnlyThroughStateCorporation => f.write_str(
                "the result goes to the State Corporation only for applications filed through it (Art. 5.2.5)",
            ),
            KindProblem::NoticeOfOtherKind(k) => write!(
                f,
                "a '{}' notice belongs to the other kind of case",
                k.as_str()
            ),
            KindProblem::TermFromServiceAct => {
                f.write_str("an application's term comes from its service's act")
            }
            KindProblem::OnlyApplicationsRefusedAtIntake => {
                f.write_str("only an application is refused at intake (Art. 20.2)")
            }
        }
    }
}

/// A change the case's state or the law does not allow.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum CaseError {
    /// The law refuses it; the message names the article.
    #[error(transparent)]
    Refused(#[from] Refusal),
    #[error("case '{number}' is {status}: {what}")]
    WrongStatus {
        number: String,
        status: Status,
        what: StatusProblem,
    },
    #[error("case '{number}' is {article} {kind}: {what}")]
    WrongKind {
        number: String,
        article: &'static str,
        kind: CaseKind,
        what: KindProblem,
    },
    #[error("{what} '{date}' is after today '{today}'")]
    InFuture {
        what: Field,
        date: NaiveDate,
        today: NaiveDate,
    },
    #[error("{what} '{date}' is before the registration date '{registered}'")]
    BeforeRegistration {
        what: Field,
        date: NaiveDate,
        registered: NaiveDate,
    },
    #[error("the {0} is empty")]
    Empty(Field),
    #[error("'{outcome}' does not decide {article} {kind}; use {expected}")]
    OutcomeDoesNotFit {
        outcome: Outcome,
        article: &'static str,
        kind: CaseKind,
        expected: &'static str,
    },
    #[error("Art. 19-1.1: a refusal names its ground, e.g. 'Art. 19-1.2.1'")]
    RefusalWithoutGround,
    #[error("a case is registered once; '{0}' is already registered")]
    AlreadyRegistered(String),
    #[error("case '{0}' cannot be linked to itself")]
    SelfLink(String),
    #[error("{0}")]
    Text(String),
}

impl Localize for StatusProblem {
    fn message(&self) -> Message {
        match self {
            StatusProblem::ReopenFirst(d) => {
                Message::new("status-problem-reopen-first").word("doing", d.key())
            }
            StatusProblem::NoTermStarted(d) => {
                Message::new("status-problem-no-term-started").word("doing", d.key())
            }
            StatusProblem::TermNotRunning => Message::new("status-problem-term-not-running"),
            StatusProblem::NeverExtended => Message::new("status-problem-never-extended"),
            StatusProblem::AlreadyDecided { outcome, date } => {
                Message::new("status-problem-already-decided")
                    .word("outcome", format!("outcome-{}", outcome.as_str()))
                    .date("date", *date)
            }
            StatusProblem::DecideFirst => Message::new("status-problem-decide-first"),
            StatusProblem::NotClosed => Message::new("status-problem-not-closed"),
            StatusProblem::BeingConsidered => Message::new("status-problem-being-considered"),
        }
    }
}

impl Localize for KindProblem {
    fn message(&self) -> Message {
        match self {
            KindProblem::OnlyComplaintsExtended => {
                Message::new("kind-problem-only-complaints-extended")
            }
            KindProblem::HandoverOnlyThroughStateCorporation => {
                Message::new("kind-problem-handover-only-through-state-corporation")
            }
            KindProblem::NoticeOfOtherKind(k) => Message::new("kind-problem-notice-of-other-kind")
                .word("notice", format!("notice-{}", k.as_str())),
            KindProblem::TermFromServiceAct => Message::new("kind-problem-term-from-service-act"),
            KindProblem::OnlyApplicationsRefusedAtIntake => {
                Message::new("kind-problem-only-applications-refused-at-intake")
            }
        }
    }
}

impl Localize for CaseError {
    fn message(&self) -> Message {
        let nested = |m: Message| Value::Message(Box::new(m));
        match self {
            CaseError::Refused(r) => r.message(),
            CaseError::WrongStatus {
                number,
                status,
                what,
            } => Message::new("case-wrong-status")
                .text("number", number)
                .word("status", format!("status-{}", status.as_str()))
                .with("why", nested(what.message())),
            CaseError::WrongKind {
                number, kind, what, ..
            } => Message::new("case-wrong-kind")
                .text("number", number)
                .word("kind", format!("kind-{}", kind.as_str()))
                .with("why", nested(what.message())),
            CaseError::InFuture { what, date, today } => Message::new("case-in-future")
                .word("field", what.key())
                .date("date", *date)
                .date("today", *today),
            CaseError::BeforeRegistration {
                what,
                date,
                registered,
            } => Message::new("case-before-registration")
                .word("field", what.key())
                .date("date", *date)
                .date("registered", *registered),
            CaseError::Empty(f) => Message::new("case-empty").word("field", f.key()),
            CaseError::OutcomeDoesNotFit { outcome, kind, .. } => {
                Message::new("case-outcome-does-not-fit")
                    .word("outcome", format!("outcome-{}", outcome.as_str()))
                    .word("kind", format!("kind-{}", kind.as_str()))
                    .with(
                        "expected",
                        Value::Words(
                            Outcome::ALL
                                .iter()
                                .filter(|o| o.fits(*kind))
                                .map(|o| format!("outcome-{}", o.as_str()))
                                .collect(),
                        ),
                    )
            }
            CaseError::RefusalWithoutGround => Message::new("case-refusal-without-ground"),
            CaseError::AlreadyRegistered(n) => {
                Message::new("case-already-registered").text("number", n)
            }
            CaseError::SelfLink(n) => Message::new("case-self-link").text("number", n),
            CaseError::Text(t) => Message::new("plain-text").text("text", t),
        }
    }
}

fn a_or_an(kind: CaseKind) -> &'static str {
    match kind {
        CaseKind::Complaint => "a",
        CaseKind::Application => "an",
    }
}

impl Case {
    /// Registers `new` under `number`: version 1, status registered, one `registered` event.
    /// The registration date may not be after `today`; a complaint or application whose due date
    /// cannot be computed (no rules edition in force then) is refused.
    pub fn register(
        new: NewCase,
        number: String,
        by: Actor,
        at: DateTime<Utc>,
        cal: &Calendar,
        rules: &RuleBook,
        today: NaiveDate,
    ) -> Result<Case, CaseError> {
        if number.trim().is_empty() {
            return Err(CaseError::Empty(Field::CaseNumber));
        }
        if new.subject.trim().is_empty() {
            return Err(CaseError::Empty(Field::Subject));
        }
        if new.registered > today {
            return Err(CaseError::InFuture {
                what: Field::RegistrationDate,
                date: new.registered,
                today,
            });
        }
        if let Matter::Complaint {
            set_due: Some(d), ..
        } = &new.matter
            && *d < new.registered
        {
            return Err(CaseError::BeforeRegistration {
                what: Field::DueDate,
                date: *d,
                registered: new.registered,
            });
        }
        let status = Status::Registered;
        let case = Case {
            number: number.clone(),
            matter: new.matter,
            medium: new.medium,
            applicant: new.applicant,
            registered: new.registered,
            subject: new.subject,
            text: new.text,
            assignee: None,
            status,
            links: Vec::new(),
            extensions: Vec::new(),
            notices: Vec::new(),
            decision: None,
            intake_refusal: None,
            closed: None,
            version: 1,
            events: vec![Event {
                version: 1,
                at,
                by,
                what: EventKind::Registered {
                    number,
                    date: new.registered,
                },
                before: None,
                after: StateSnapshot {
                    status,
                    assignee: None,
                },
            }],
        };
        // The rules edition, the term and the calendar must give a due date now, so that every
        // stored case computes later.
        case.deadlines(cal, rules, today)?;
        Ok(case)
    }

    pub fn kind(&self) -> CaseKind {
        self.matter.kind()
    }

    /// The state a history entry records.
    pub fn snapshot(&self) -> StateSnapshot {
        StateSnapshot {
            status: self.status,
            assignee: self.assignee.clone(),
        }
    }

    /// What the deadline engine needs of a complaint; `None` for an application.
    pub fn complaint_facts(&self) -> Option<ComplaintFacts> {
        match &self.matter {
            Matter::Complaint { addressee, set_due } => Some(ComplaintFacts {
                registered: self.registered,
                addressee: *addressee,
                medium: self.medium,
                set_due: *set_due,
                extensions: self.extensions.clone(),
                notices: self.notices.clone(),
                follow_ups: Vec::new(),
                closed: self.closed,
            }),
            Matter::Application { .. } => None,
        }
    }

    /// What the deadline engine needs of an application; `None` for a complaint.
    pub fn application_facts(&self) -> Option<ApplicationFacts> {
        match &self.matter {
            Matter::Application { channel, term, .. } => Some(ApplicationFacts {
                registered: self.registered,
                channel: *channel,
                term: *term,
                outcome: self.application_outcome(),
                notices: self.notices.clone(),
                closed: self.closed,
            }),
            Matter::Complaint { .. } => None,
        }
    }

    /// An application's outcome as the deadline engine sees it.
    pub fn application_outcome(&self) -> ApplicationOutcome {
        if self.intake_refusal.is_some() {
            return ApplicationOutcome::RefusedAtIntake;
        }
        match self.decision.as_ref().map(|d| d.outcome) {
            Some(Outcome::Refused) => ApplicationOutcome::Refused,
            Some(_) => ApplicationOutcome::Rendered,
            None => ApplicationOutcome::Pending,
        }
    }

    /// Due dates and obligations on `today`, recomputed from the facts.
    pub fn deadlines(
        &self,
        cal: &Calendar,
        rules: &RuleBook,
        today: NaiveDate,
    ) -> Result<Deadlines, Refusal> {
        if let Some(f) = self.complaint_facts() {
            deadline::complaint_deadlines(cal, rules, &f, today)
        } else if let Some(f) = self.application_facts() {
            deadline::application_deadlines(cal, rules, &f, today)
        } else {
            // Every matter is a complaint or an application.
            Err(Refusal::Calendar(
                super::calendar::CalendarError::OutOfRange,
            ))
        }
    }

    /// "Why this date": the steps of its current due date (see [`super::why`]).
    pub fn why(&self, cal: &Calendar, rules: &RuleBook) -> Result<super::why::Why, Refusal> {
        match (self.complaint_facts(), self.application_facts()) {
            (Some(f), _) => super::why::why_complaint(cal, rules, &f),
            (_, Some(f)) => super::why::why_application(cal, rules, &f),
            // Every matter is a complaint or an application.
            (None, None) => Err(Refusal::Calendar(
                super::calendar::CalendarError::OutOfRange,
            )),
        }
    }

    fn wrong_status(&self, what: StatusProblem) -> CaseError {
        CaseError::WrongStatus {
            number: self.number.clone(),
            status: self.status,
            what,
        }
    }

    fn wrong_kind(&self, what: KindProblem) -> CaseError {
        CaseError::WrongKind {
            number: self.number.clone(),
            article: a_or_an(self.kind()),
            kind: self.kind(),
            what,
        }
    }

    fn check_date(&self, what: Field, date: NaiveDate, today: NaiveDate) -> Result<(), CaseError> {
        if date > today {
            return Err(CaseError::InFuture { what, date, today });
        }
        if date < self.registered {
            return Err(CaseError::BeforeRegistration {
                what,
                date,
                registered: self.registered,
            });
        }
        Ok(())
    }

    fn require_open(&self, action: Doing) -> Result<(), CaseError> {
        match self.status {
            Status::Closed => Err(self.wrong_status(StatusProblem::ReopenFirst(action))),
            Status::RefusedAtIntake => Err(self.wrong_status(StatusProblem::NoTermStarted(action))),
            _ => Ok(()),
        }
    }

    /// Validates `what` against the law and the case's state, applies it, and returns the event
    /// to append to the history. On error the case is unchanged.
    pub fn apply(
        &mut self,
        what: EventKind,
        by: Actor,
        at: DateTime<Utc>,
        cal: &Calendar,
        rules: &RuleBook,
        today: NaiveDate,
    ) -> Result<Event, CaseError> {
        self.apply_as(what, by, at, cal, rules, today, Checks::Recording)
    }

    /// Applies a recorded history entry again, as [`Case::replay`] does: the state checks, not
    /// the law's checks that depend on data that may since have changed. For rebuilding a case
    /// from part of its history ([`super::asof`]); the event gets the next version of `self`.
    pub fn reapply(
        &mut self,
        recorded: &Event,
        cal: &Calendar,
        rules: &RuleBook,
        today: NaiveDate,
    ) -> Result<Event, CaseError> {
        self.apply_as(
            recorded.what.clone(),
            recorded.by.clone(),
            recorded.at,
            cal,
            rules,
            today,
            Checks::Replaying,
        )
    }

    /// [`Case::apply`], with the law's checks of a new event (`Recording`) or without those that
    /// depend on data that may since have changed (`Replaying` a recorded history: an extension
    /// that was legal when recorded stays recorded after the calendar is corrected).
    #[allow(clippy::too_many_arguments)]
    fn apply_as(
        &mut self,
        what: EventKind,
        by: Actor,
        at: DateTime<Utc>,
        cal: &Calendar,
        rules: &RuleBook,
        today: NaiveDate,
        checks: Checks,
    ) -> Result<Event, CaseError> {
        let mut next = self.clone();
        next.change(&what, cal, rules, today, checks)?;
        next.version = self.version + 1;
        let event = Event {
            version: next.version,
            at,
            by,
            what,
            before: Some(self.snapshot()),
            after: next.snapshot(),
        };
        next.events.push(event.clone());
        *self = next;
        Ok(event)
    }

    /// The state change of one event, with its checks.
    fn change(
        &mut self,
        what: &EventKind,
        cal: &Calendar,
        rules: &RuleBook,
        today: NaiveDate,
        checks: Checks,
    ) -> Result<(), CaseError> {
        match what {
            EventKind::Registered { .. } => {
                return Err(CaseError::AlreadyRegistered(self.number.clone()));
            }
            EventKind::Assigned { to } => {
                self.require_open(Doing::Assigning)?;
                if let Some(login) = to
                    && login.trim().is_empty()
                {
                    return Err(CaseError::Empty(Field::AssigneeLogin));
                }
                self.assignee = to.clone();
                if to.is_some() && self.status == Status::Registered {
                    self.status = Status::InProgress;
                }
            }
            EventKind::Extended {
                date,
                days,
                ground,
                reason,
            } => {
                if self.kind() != CaseKind::Complaint {
                    return Err(self.wrong_kind(KindProblem::OnlyComplaintsExtended));
                }
                self.require_open(Doing::Extending)?;
                if matches!(self.status, Status::Decided | Status::Answered) {
                    return Err(self.wrong_status(StatusProblem::TermNotRunning));
                }
                self.check_date(Field::ExtensionDate, *date, today)?;
                // Art. 25.4: the reasons are part of the notice the complainant receives.
                if reason.trim().is_empty() {
                    return Err(CaseError::Empty(Field::ExtensionReason));
                }
                let extension = Extension {
                    date: *date,
                    days: *days,
                    ground: *ground,
                    reason: reason.clone(),
                };
                // The engine checks the cap, the addressee, the ground and the date (Art. 25.4).
                if checks == Checks::Recording
                    && let Some(facts) = self.complaint_facts()
                {
                    deadline::check_new_extension(cal, rules, &facts, &extension)?;
                }
                self.extensions.push(extension);
                self.status = Status::Extended;
            }
            EventKind::NoticeSent {
                kind,
                sent,
                form,
                reference,
            } => {
                self.require_open(Doing::RecordingNotice)?;
                self.check_date(Field::NoticeDate, *sent, today)?;
                match (self.kind(), kind) {
                    (_, NoticeKind::Answer | NoticeKind::Result) => {
                        return self.change(
                            &EventKind::AnswerSent {
                                sent: *sent,
                                form: *form,
                                reference: reference.clone(),
                            },
                            cal,
                            rules,
                            today,
                            checks,
                        );
                    }
                    (CaseKind::Complaint, NoticeKind::ExtensionNotice) => {
                        if self.extensions.is_empty() {
                            return Err(self.wrong_status(StatusProblem::NeverExtended));
                        }
                    }
                    (CaseKind::Application, NoticeKind::ResultToStateCorporation) => {
                        if !matches!(
                            self.matter,
                            Matter::Application {
                                channel: Channel::StateCorporation,
                                ..
                            }
                        ) {
                            return Err(
                                self.wrong_kind(KindProblem::HandoverOnlyThroughStateCorporation)
                            );
                        }
                    }
                    (_, k) => {
                        return Err(self.wrong_kind(KindProblem::NoticeOfOtherKind(*k)));
                    }
                }
                self.notices.push(NoticeSent {
                    kind: *kind,
                    sent: *sent,
                    form: *form,
                    reference: reference.clone(),
                });
            }
            EventKind::AnswerSent {
                sent,
                form,
                reference,
            } => {
                self.require_open(Doing::RecordingAnswer)?;
                self.check_date(Field::AnswerDate, *sent, today)?;
                let kind = match self.kind() {
                    CaseKind::Complaint => NoticeKind::Answer,
                    CaseKind::Application => NoticeKind::Result,
                };
                self.notices.push(NoticeSent {
                    kind,
                    sent: *sent,
                    form: *form,
                    reference: reference.clone(),
                });
                self.status = Status::Answered;
            }
            EventKind::NoteAdded { text } => {
                if text.trim().is_empty() {
                    return Err(CaseError::Empty(Field::Note));
                }
            }
            EventKind::Decided {
                outcome,
                date,
                ground,
            } => {
                self.require_open(Doing::Deciding)?;
                if let Some(d) = &self.decision {
                    return Err(self.wrong_status(StatusProblem::AlreadyDecided {
                        outcome: d.outcome,
                        date: d.date,
                    }));
                }
                if !outcome.fits(self.kind()) {
                    return Err(CaseError::OutcomeDoesNotFit {
                        outcome: *outcome,
                        article: a_or_an(self.kind()),
                        kind: self.kind(),
                        expected: match self.kind() {
                            CaseKind::Complaint => "'satisfied', 'partly' or 'rejected'",
                            CaseKind::Application => "'rendered' or 'refused'",
                        },
                    });
                }
                let ground = ground
                    .as_ref()
                    .map(|g| g.trim().to_string())
                    .filter(|g| !g.is_empty());
                // Art. 19-1.1: a refusal is a reasoned answer naming its ground.
                if *outcome == Outcome::Refused && ground.is_none() {
                    return Err(CaseError::RefusalWithoutGround);
                }
                self.check_date(Field::DecisionDate, *date, today)?;
                self.decision = Some(Decision {
                    outcome: *outcome,
                    date: *date,
                    ground,
                });
                if self.status != Status::Answered {
                    self.status = Status::Decided;
                }
            }
            EventKind::Closed { date } => {
                self.require_open(Doing::Closing)?;
                if self.decision.is_none() {
                    return Err(self.wrong_status(StatusProblem::DecideFirst));
                }
                self.check_date(Field::ClosingDate, *date, today)?;
                self.closed = Some(*date);
                self.status = Status::Closed;
            }
            EventKind::Reopened { date, reason } => {
                if self.status != Status::Closed {
                    return Err(self.wrong_status(StatusProblem::NotClosed));
                }
                if reason.trim().is_empty() {
                    return Err(CaseError::Empty(Field::ReopeningReason));
                }
                self.check_date(Field::ReopeningDate, *date, today)?;
                self.closed = None;
                self.decision = None;
                self.status = Status::InProgress;
            }
            EventKind::DueSet { due } => {
                self.require_open(Doing::SettingDue)?;
                let Matter::Complaint { set_due, .. } = &mut self.matter else {
                    return Err(self.wrong_kind(KindProblem::TermFromServiceAct));
                };
                *set_due = Some(*due);
                if *due < self.registered {
                    return Err(CaseError::BeforeRegistration {
                        what: Field::DueDate,
                        date: *due,
                        registered: self.registered,
                    });
                }
                // Art. 25.1: only where this Law sets no term; the engine refuses the others.
                self.deadlines(cal, rules, today)?;
            }
            EventKind::RefusedAtIntake { date, reason } => {
                if self.kind() != CaseKind::Application {
                    return Err(self.wrong_kind(KindProblem::OnlyApplicationsRefusedAtIntake));
                }
                self.require_open(Doing::RefusingAtIntake)?;
                if self.decision.is_some() || !self.notices.is_empty() {
                    return Err(self.wrong_status(StatusProblem::BeingConsidered));
                }
                if reason.trim().is_empty() {
                    return Err(CaseError::Empty(Field::IntakeRefusalReason));
                }
                self.check_date(Field::IntakeRefusalDate, *date, today)?;
                self.intake_refusal = Some(IntakeRefusal {
                    date: *date,
                    reason: reason.clone(),
                });
                self.status = Status::RefusedAtIntake;
            }
            EventKind::Linked { number, relation } => {
                if *number == self.number {
                    return Err(CaseError::SelfLink(number.clone()));
                }
                if number.trim().is_empty() {
                    return Err(CaseError::Empty(Field::LinkedNumber));
                }
                if !self
                    .links
                    .iter()
                    .any(|l| l.number == *number && l.relation == *relation)
                {
                    self.links.push(Link {
                        number: number.clone(),
                        relation: *relation,
                    });
                }
            }
        }
        Ok(())
    }

    /// Rebuilds a case from its registration data and its events, checking each as it was
    /// applied. `today` bounds the dates: pass the latest date the history may contain.
    pub fn replay(
        new: NewCase,
        events: Vec<Event>,
        cal: &Calendar,
        rules: &RuleBook,
        today: NaiveDate,
    ) -> Result<Case, ReplayError> {
        let mut it = events.into_iter();
        let first = it.next().ok_or(ReplayError::NoRegistration)?;
        let EventKind::Registered { number, date } = &first.what else {
            return Err(ReplayError::NoRegistration);
        };
        if *date != new.registered {
            return Err(ReplayError::Mismatch {
                version: 1,
                what: format!(
                    "the registration event's date '{date}' is not the case's '{}'",
                    new.registered
                ),
            });
        }
        let mut case = Case::register(
            new,
            number.clone(),
            first.by.clone(),
            first.at,
            cal,
            rules,
            today,
        )
        .map_err(|e| ReplayError::Invalid {
            version: 1,
            error: e,
        })?;
        case.events[0] = first.clone();
        if first.version != 1 || first.before.is_some() || first.after != case.snapshot() {
            return Err(ReplayError::Mismatch {
                version: 1,
                what: "the registration entry's version or state".into(),
            });
        }
        for e in it {
            let expected = case.version + 1;
            if e.version != expected {
                return Err(ReplayError::Mismatch {
                    version: e.version,
                    what: format!("version {} where {expected} was expected", e.version),
                });
            }
            let applied =
                case.reapply(&e, cal, rules, today)
                    .map_err(|error| ReplayError::Invalid {
                        version: e.version,
                        error,
                    })?;
            if applied != e {
                return Err(ReplayError::Mismatch {
                    version: e.version,
                    what: "the state before or after it".into(),
                });
            }
        }
        Ok(case)
    }

    /// The registration data, as it was before any event.
    pub fn as_new(&self) -> NewCase {
        let matter = match &self.matter {
            // A due date set later is an event of its own: as registered, the case had none.
            Matter::Complaint { addressee, set_due } => Matter::Complaint {
                addressee: *addressee,
                set_due: if self
                    .events
                    .iter()
                    .any(|e| matches!(e.what, EventKind::DueSet { .. }))
                {
                    None
                } else {
                    *set_due
                },
            },
            m => m.clone(),
        };
        NewCase {
            matter,
            medium: self.medium,
            applicant: self.applicant.clone(),
            registered: self.registered,
            subject: self.subject.clone(),
            text: self.text.clone(),
        }
    }
}

/// A history that does not rebuild its case.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ReplayError {
    #[error("the history does not start with the registration")]
    NoRegistration,
    #[error("history entry {version}: {error}")]
    Invalid { version: u64, error: CaseError },
    #[error("history entry {version}: {what} does not match the case")]
    Mismatch { version: u64, what: String },
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::ids::with_check_digit;
    use proptest::prelude::*;

    fn rules() -> RuleBook {
        RuleBook::parse("r", include_str!("../../data/rules/kz-state-services.toml")).unwrap()
    }

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn actor() -> Actor {
        Actor {
            uid: 1000,
            login: "aliya".into(),
            name: "Әлия Серікқызы".into(),
        }
    }

    fn at() -> DateTime<Utc> {
        DateTime::from_timestamp(1_774_000_000, 0).unwrap()
    }

    pub(crate) fn complaint(addressee: Addressee) -> NewCase {
        NewCase {
            matter: Matter::Complaint {
                addressee,
                set_due: None,
            },
            medium: Medium::Paper,
            applicant: Applicant {
                name: "Нұрлан Әбенов".into(),
                id: PartyId::Individual(Iin::parse("870412300005").unwrap()),
                contact: "+7 701 000 00 00".into(),
            },
            registered: d("2026-03-02"),
            subject: "Анықтама берілмеді".into(),
            text: "Өтінішіме жауап жоқ.".into(),
        }
    }

    fn registered(addressee: Addressee) -> Case {
        Case::register(
            complaint(addressee),
            "KZ-2026-000001".into(),
            actor(),
            at(),
            &Calendar::weekends_only(),
            &rules(),
            d("2026-03-02"),
        )
        .unwrap()
    }

    fn apply(c: &mut Case, e: EventKind, today: &str) -> Result<Event, CaseError> {
        c.apply(
            e,
            actor(),
            at(),
            &Calendar::weekends_only(),
            &rules(),
            d(today),
        )
    }

    #[test]
    fn applicant_json_shape() {
        let a = complaint(Addressee::LocalBody).applicant;
        let json = serde_json::to_string(&a).unwrap();
        assert_eq!(
            json,
            r#"{"name":"Нұрлан Әбенов","iin":"870412300005","contact":"+7 701 000 00 00"}"#
        );
        let back: Applicant = serde_json::from_str(&json).unwrap();
        assert_eq!(back, a);
        let e = serde_json::from_str::<Applicant>(r#"{"name":"X","iin":"123"}"#).unwrap_err();
        assert!(
            e.to_string()
                .starts_with("'iin' '123' is not a valid IIN (12 digits with a check digit)"),
            "{e}"
        );
        assert!(serde_json::from_str::<Applicant>(r#"{"name":"X"}"#).is_err());
    }

    #[test]
    fn a_complaint_goes_through_its_life() {
        let mut c = registered(Addressee::LocalBody);
        assert_eq!((c.status, c.version), (Status::Registered, 1));
        apply(
            &mut c,
            EventKind::Assigned {
                to: Some("aliya".into()),
            },
            "2026-03-03",
        )
        .unwrap();
        assert_eq!(c.status, Status::InProgress);
        let ext = EventKind::Extended {
            date: d("2026-03-05"),
            days: 5,
            ground: Ground::Verification,
            reason: "выезд на место".into(),
        };
        let e = apply(&mut c, ext, "2026-03-05").unwrap();
        assert_eq!(e.version, 3);
        assert_eq!(
            e.before.as_ref().map(|s| s.status),
            Some(Status::InProgress)
        );
        assert_eq!(e.after.status, Status::Extended);
        let dl = c
            .deadlines(&Calendar::weekends_only(), &rules(), d("2026-03-05"))
            .unwrap();
        // 5 WD from Mon 2 Mar: Mon 9 Mar; + 5 WD: Mon 16 Mar (weekends only).
        assert_eq!(dl.due, Some(d("2026-03-16")));
        apply(
            &mut c,
            EventKind::NoticeSent {
                kind: NoticeKind::ExtensionNotice,
                sent: d("2026-03-06"),
                form: Form::Written,
                reference: "№ 12".into(),
            },
            "2026-03-06",
        )
        .unwrap();
        let closing_early = apply(
            &mut c,
            EventKind::Closed {
                date: d("2026-03-10"),
            },
            "2026-03-10",
        );
        assert!(matches!(closing_early, Err(CaseError::WrongStatus { .. })));
        apply(
            &mut c,
            EventKind::Decided {
                outcome: Outcome::Partly,
                date: d("2026-03-12"),
                ground: None,
            },
            "2026-03-12",
        )
        .unwrap();
        apply(
            &mut c,
            EventKind::AnswerSent {
                sent: d("2026-03-12"),
                form: Form::Written,
                reference: "№ 15".into(),
            },
            "2026-03-12",
        )
        .unwrap();
        assert_eq!(c.status, Status::Answered);
        apply(
            &mut c,
            EventKind::Closed {
                date: d("2026-03-13"),
            },
            "2026-03-13",
        )
        .unwrap();
        assert_eq!((c.status, c.version), (Status::Closed, 7));
        let e = apply(
            &mut c,
            EventKind::NoteAdded { text: "".into() },
            "2026-03-13",
        );
        assert_eq!(e, Err(CaseError::Empty(Field::Note)));
        apply(
            &mut c,
            EventKind::NoteAdded {
                text: "архив".into(),
            },
            "2026-03-13",
        )
        .unwrap();
        let e = apply(&mut c, EventKind::Assigned { to: None }, "2026-03-13").unwrap_err();
        assert_eq!(
            e.to_string(),
            "case 'KZ-2026-000001' is closed: reopen it before assigning it"
        );
        apply(
            &mut c,
            EventKind::Reopened {
                date: d("2026-03-16"),
                reason: "жаңа құжаттар".into(),
            },
            "2026-03-16",
        )
        .unwrap();
        assert_eq!((c.status, c.decision.clone()), (Status::InProgress, None));
        assert_eq!(c.events.len() as u64, c.version);
    }

    #[test]
    fn illegal_extensions_are_refused_with_their_article() {
        let mut c = registered(Addressee::ServiceProvider);
        let ext = |days| EventKind::Extended {
            date: d("2026-03-03"),
            days,
            ground: Ground::Information,
            reason: "запрос".into(),
        };
        let e = apply(&mut c, ext(3), "2026-03-03").unwrap_err();
        assert!(e.to_string().starts_with("Art. 25.4"), "{e}");
        assert_eq!(c.version, 1, "a refused change leaves the case as it was");
        let mut c = registered(Addressee::CentralBody);
        apply(&mut c, ext(6), "2026-03-03").unwrap();
        let e = apply(&mut c, ext(5), "2026-03-03").unwrap_err();
        assert!(
            matches!(
                e,
                CaseError::Refused(Refusal::OverCap {
                    total: 11,
                    cap: 10,
                    ..
                })
            ),
            "{e}"
        );
        let e = apply(&mut c, ext(1), "2026-03-02").unwrap_err();
        assert!(matches!(e, CaseError::InFuture { .. }), "{e}");
    }

    #[test]
    fn applications_and_intake_refusal() {
        let mut new = complaint(Addressee::LocalBody);
        new.matter = Matter::Application {
            channel: Channel::StateCorporation,
            service: Some("S-001".into()),
            term: "15wd".parse().unwrap(),
        };
        let cal = Calendar::weekends_only();
        let mut c = Case::register(
            new,
            "KZ-2026-000002".into(),
            actor(),
            at(),
            &cal,
            &rules(),
            d("2026-03-02"),
        )
        .unwrap();
        let e = apply(
            &mut c,
            EventKind::Decided {
                outcome: Outcome::Satisfied,
                date: d("2026-03-03"),
                ground: None,
            },
            "2026-03-03",
        )
        .unwrap_err();
        assert_eq!(
            e.to_string(),
            "'satisfied' does not decide an application; use 'rendered' or 'refused'"
        );
        let refused = EventKind::Decided {
            outcome: Outcome::Refused,
            date: d("2026-03-03"),
            ground: Some(" ".into()),
        };
        assert_eq!(
            apply(&mut c, refused, "2026-03-03"),
            Err(CaseError::RefusalWithoutGround)
        );
        apply(
            &mut c,
            EventKind::RefusedAtIntake {
                date: d("2026-03-02"),
                reason: "нет справки".into(),
            },
            "2026-03-02",
        )
        .unwrap();
        assert_eq!(c.application_outcome(), ApplicationOutcome::RefusedAtIntake);
        let dl = c.deadlines(&cal, &rules(), d("2026-03-02")).unwrap();
        assert_eq!(dl.due, None);
    }

    #[test]
    fn superior_body_due_date_is_set_by_the_officer() {
        let mut c = registered(Addressee::SuperiorBody);
        apply(
            &mut c,
            EventKind::DueSet {
                due: d("2026-04-01"),
            },
            "2026-03-02",
        )
        .unwrap();
        let dl = c
            .deadlines(&Calendar::weekends_only(), &rules(), d("2026-03-02"))
            .unwrap();
        assert_eq!(dl.due, Some(d("2026-04-01")));
        let mut c = registered(Addressee::LocalBody);
        let e = apply(
            &mut c,
            EventKind::DueSet {
                due: d("2026-04-01"),
            },
            "2026-03-02",
        )
        .unwrap_err();
        assert!(
            matches!(e, CaseError::Refused(Refusal::TermSetByLaw { .. })),
            "{e}"
        );
        assert!(matches!(c.matter, Matter::Complaint { set_due: None, .. }));
    }

    #[test]
    fn old_records_read_after_a_field_is_added() {
        // A case sent by an older peer, before `links`, `decision` and friends existed (and
        // without text and history), in the wire's encoding (MessagePack with named fields).
        // The store's own records have the same test in `store::records`.
        #[derive(Serialize)]
        struct OldCase<'a> {
            number: &'a str,
            matter: Matter,
            medium: Medium,
            applicant: Applicant,
            registered: NaiveDate,
            subject: &'a str,
            status: Status,
            version: u64,
        }
        let c = registered(Addressee::LocalBody);
        let old = OldCase {
            number: &c.number,
            matter: c.matter.clone(),
            medium: c.medium,
            applicant: c.applicant.clone(),
            registered: c.registered,
            subject: &c.subject,
            status: c.status,
            version: c.version,
        };
        let bytes = rmp_serde::to_vec_named(&old).unwrap();
        let back: Case = rmp_serde::from_slice(&bytes).unwrap();
        assert_eq!(back.number, c.number);
        assert_eq!(back.assignee, None);
        assert!(back.links.is_empty() && back.extensions.is_empty());
    }

    fn arb_event() -> impl Strategy<Value = EventKind> {
        let date = (0u64..40).prop_map(|n| d("2026-03-02") + chrono::Days::new(n));
        prop_oneof![
            proptest::option::of("[a-z]{1,8}").prop_map(|to| EventKind::Assigned { to }),
            (date.clone(), 1u32..6, any::<bool>()).prop_map(|(date, days, v)| {
                EventKind::Extended {
                    date,
                    days,
                    ground: if v {
                        Ground::Verification
                    } else {
                        Ground::Information
                    },
                    reason: "r".into(),
                }
            }),
            date.clone().prop_map(|sent| EventKind::NoticeSent {
                kind: NoticeKind::ExtensionNotice,
                sent,
                form: Form::Written,
                reference: String::new(),
            }),
            date.clone().prop_map(|sent| EventKind::AnswerSent {
                sent,
                form: Form::Electronic,
                reference: "x".into(),
            }),
            "\\PC{0,10}".prop_map(|text| EventKind::NoteAdded { text }),
            date.clone().prop_map(|date| EventKind::Decided {
                outcome: Outcome::Rejected,
                date,
                ground: None,
            }),
            date.clone().prop_map(|date| EventKind::Closed { date }),
            date.prop_map(|date| EventKind::Reopened {
                date,
                reason: "r".into()
            }),
        ]
    }

    proptest! {
        #[test]
        fn replaying_the_history_rebuilds_the_case(events in proptest::collection::vec(arb_event(), 0..25), addressee in 0usize..6) {
            let cal = Calendar::weekends_only();
            let today = d("2026-05-01");
            let mut c = registered(Addressee::ALL[addressee]);
            for e in events {
                let before = c.clone();
                match c.apply(e, actor(), at(), &cal, &rules(), today) {
                    Ok(ev) => {
                        prop_assert_eq!(ev.version, before.version + 1);
                        // Every stored case still computes its deadlines.
                        prop_assert!(c.deadlines(&cal, &rules(), today).is_ok());
                    }
                    Err(_) => prop_assert_eq!(&c, &before),
                }
            }
            let rebuilt = Case::replay(c.as_new(), c.events.clone(), &cal, &rules(), today).unwrap();
            prop_assert_eq!(rebuilt, c);
        }

        #[test]
        fn generated_ids_make_valid_applicants(serial in 0u32..10_000) {
            let s = format!("9001013{serial:04}");
            let mut first = [0u8; 11];
            for (o, c) in first.iter_mut().zip(s.bytes()) { *o = c - b'0'; }
            if let Some(iin) = with_check_digit(&first) {
                let json = format!(r#"{{"name":"A","iin":"{iin}"}}"#);
                prop_assert!(serde_json::from_str::<Applicant>(&json).is_ok());
            }
        }
    }
}

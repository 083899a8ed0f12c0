//! The queue: one row per case with its due date, remaining working days, urgency and badges,
//! all recomputed from the case's facts for the given `today` (DESIGN 1.5, 4).

use std::cmp::Ordering;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::domain::calendar::Calendar;
use crate::domain::case::{Case, Matter, PartyId, Status};
use crate::domain::deadline::{Answered, Deadlines, ObligationKind, ObligationState};
use crate::domain::rules::RuleBook;
use crate::domain::vocabulary::{Addressee, CaseKind, Channel, Medium};

/// How pressing a case is on `today`. The order is the queue's default order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Urgency {
    /// The due date, or the due date of one of its obligations, has passed.
    Overdue,
    /// Something is due today.
    DueToday,
    /// Something is due on the next working day.
    DueWithinOneWorkingDay,
    /// Nothing due before the working day after next.
    Ok,
    /// Open, but no term applies (a superior body without a set date, Art. 25.1).
    NoTerm,
    /// The answer (complaint) or the result (application) was given and nothing dated is owed:
    /// waiting to be decided or closed (DESIGN 1.5: never "left" or "overdue" any more).
    Answered,
    /// Closed or refused at intake: nothing owed.
    Closed,
}

impl Urgency {
    pub fn as_str(self) -> &'static str {
        match self {
            Urgency::Overdue => "overdue",
            Urgency::DueToday => "due-today",
            Urgency::DueWithinOneWorkingDay => "due-within-one-working-day",
            Urgency::Ok => "ok",
            Urgency::NoTerm => "no-term",
            Urgency::Answered => "answered",
            Urgency::Closed => "closed",
        }
    }
}

/// The badges of a row (DESIGN 4: `EXT`, `NTF`, `≈`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Badges {
    /// The term was extended (Art. 25.4).
    pub extended: bool,
    /// An extension notice is owed: open or overdue (Art. 25.4 ¶2).
    pub notice_owed: bool,
    /// A date depends on calendar data that is not final.
    pub provisional: bool,
    /// An obligation was missed: the case was answered or closed without it (a recorded breach).
    #[serde(default)]
    pub missed: bool,
}

/// Whose cases a queue shows.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Scope {
    /// Every case of the body.
    #[default]
    All,
    /// The caller's own cases.
    Mine,
    /// The caller's own and the unassigned ones: what an officer can act on.
    MineAndUnassigned,
    /// Cases nobody is assigned to.
    Unassigned,
    /// The cases of one officer.
    Assignee(String),
}

/// The order of the rows.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Sort {
    /// Most overdue first, then due today, then by the next due date (DESIGN 4).
    #[default]
    Urgency,
    /// By the main due date, cases without one last.
    Due,
    /// By registration date, newest first.
    Registered,
    /// By case number.
    Number,
}

impl Sort {
    /// The order of two rows: every sort ends on the number, so no two cases are equal.
    pub fn compare(self, a: &QueueRow, b: &QueueRow) -> Ordering {
        compare(a, b, self)
    }
}

/// What the queue shows.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct QueueQuery {
    pub scope: Scope,
    /// Show closed cases and applications refused at intake too.
    pub include_closed: bool,
    pub kind: Option<CaseKind>,
    /// Only these statuses (empty: any).
    pub statuses: Vec<Status>,
    /// Only these urgencies (empty: any).
    pub urgencies: Vec<Urgency>,
    /// Filter as you type: every word must occur (folded, see [`super::search`]) in the
    /// number, subject, applicant's name, IIN/BIN, contact or assignee.
    pub text: Option<String>,
    pub sort: Sort,
    /// At most this many rows, after sorting.
    pub limit: Option<usize>,
}

/// One row of the queue.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QueueRow {
    pub number: String,
    pub kind: CaseKind,
    /// Complaints: to whom.
    pub addressee: Option<Addressee>,
    /// Applications: through which channel, and the service code.
    pub channel: Option<Channel>,
    pub service: Option<String>,
    pub medium: Medium,
    pub registered: NaiveDate,
    /// The current due date of the case (answer or result); `None` where no term applies.
    pub due: Option<NaiveDate>,
    /// The earliest due date among the obligations still owed: what drives `urgency` and the
    /// order, and what the row shows as "next".
    pub next_due: Option<NaiveDate>,
    /// What that earliest obligation is.
    pub next_obligation: Option<ObligationKind>,
    /// Signed working days from today to `next_due` (0: due today; negative: overdue); `None`
    /// when nothing dated is owed (answered, closed, no term).
    pub remaining: Option<i64>,
    /// When the answer or result was given, and how late.
    #[serde(default)]
    pub answered: Option<Answered>,
    pub urgency: Urgency,
    pub badges: Badges,
    pub assignee: Option<String>,
    pub subject: String,
    pub applicant: String,
    /// The applicant's IIN or BIN.
    pub applicant_id: String,
    pub status: Status,
    pub version: u64,
    /// Why the dates could not be computed, if they could not (the row is then `NoTerm`).
    pub problem: Option<String>,
    /// How to reach the applicant (phone, e-mail, address), for the filter.
    pub contact: String,
}

/// A row for `case` on `today`, with the deadlines it was computed from.
pub fn row_of(
    case: &Case,
    cal: &Calendar,
    rules: &RuleBook,
    today: NaiveDate,
) -> (QueueRow, Option<Deadlines>) {
    let (addressee, channel, service) = match &case.matter {
        Matter::Complaint { addressee, .. } => (Some(*addressee), None, None),
        Matter::Application {
            channel, service, ..
        } => (None, Some(*channel), service.clone()),
    };
    let computed = case.deadlines(cal, rules, today);
    let mut row = QueueRow {
        number: case.number.clone(),
        kind: case.kind(),
        addressee,
        channel,
        service,
        medium: case.medium,
        registered: case.registered,
        due: None,
        next_due: None,
        next_obligation: None,
        remaining: None,
        answered: None,
        urgency: if case.status.is_open() {
            Urgency::NoTerm
        } else {
            Urgency::Closed
        },
        badges: Badges {
            extended: !case.extensions.is_empty(),
            ..Badges::default()
        },
        assignee: case.assignee.clone(),
        subject: case.subject.clone(),
        applicant: case.applicant.name.clone(),
        applicant_id: match &case.applicant.id {
            PartyId::Individual(i) => i.to_string(),
            PartyId::Entity(b) => b.to_string(),
        },
        status: case.status,
        version: case.version,
        problem: None,
        contact: case.applicant.contact.clone(),
    };
    let d = match computed {
        Ok(d) => d,
        Err(e) => {
            // Fail safe: a case whose due date cannot be computed is shown first, as overdue,
            // with the reason; never quietly as a case without a term.
            row.problem = Some(e.to_string());
            if case.status.is_open() {
                row.urgency = Urgency::Overdue;
            }
            return (row, None);
        }
    };
    row.due = d.due;
    row.badges.provisional = d.provisional;
    row.badges.notice_owed = d
        .obligations
        .iter()
        .any(|o| o.kind == ObligationKind::ExtensionNotice && o.state.is_owed());
    row.badges.missed = d
        .obligations
        .iter()
        .any(|o| matches!(o.state, ObligationState::Missed { .. }));
    row.answered = d.answered();
    if !case.status.is_open() {
        // A closed case owes nothing: no working days remain or are overdue.
        return (row, Some(d));
    }
    // DESIGN 1.5: urgency is the earliest owed obligation, and the row shows that obligation:
    // what is sorted on is what is shown. Any overdue obligation is due before today, so the
    // earliest owed one is overdue too.
    if let Some(next) = d.next() {
        let due = next.due;
        row.next_due = due;
        row.next_obligation = Some(next.kind);
        row.remaining = due.map(|n| cal.remaining_working_days(today, n));
    }
    row.urgency = match row.remaining {
        Some(r) if r < 0 => Urgency::Overdue,
        Some(0) => Urgency::DueToday,
        Some(1) => Urgency::DueWithinOneWorkingDay,
        Some(_) => Urgency::Ok,
        None if row.answered.is_some() => Urgency::Answered,
        None => Urgency::NoTerm,
    };
    (row, Some(d))
}

/// Whether a row passes the query's filters other than the scope and the text.
pub fn matches_without_text(row: &QueueRow, q: &QueueQuery) -> bool {
    if !q.include_closed && !row.status.is_open() {
        return false;
    }
    if q.kind.is_some_and(|k| k != row.kind) {
        return false;
    }
    if !q.statuses.is_empty() && !q.statuses.contains(&row.status) {
        return false;
    }
    !(!q.urgencies.is_empty() && !q.urgencies.contains(&row.urgency))
}

/// The folded words of a filter (see [`super::search`]).
pub fn filter_words(text: Option<&str>) -> Vec<String> {
    text.map(super::search::words).unwrap_or_default()
}

/// The query's order: every sort ends on the number, so no two cases are equal.
pub fn compare(a: &QueueRow, b: &QueueRow, sort: Sort) -> Ordering {
    let none_last = |a: Option<NaiveDate>, b: Option<NaiveDate>| match (a, b) {
        (Some(a), Some(b)) => a.cmp(&b),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    };
    match sort {
        Sort::Urgency => a
            .urgency
            .cmp(&b.urgency)
            .then_with(|| none_last(a.next_due, b.next_due))
            .then_with(|| none_last(a.due, b.due))
            .then_with(|| a.number.cmp(&b.number)),
        Sort::Due => none_last(a.due, b.due).then_with(|| a.number.cmp(&b.number)),
        Sort::Registered => b
            .registered
            .cmp(&a.registered)
            .then_with(|| a.number.cmp(&b.number)),
        Sort::Number => a.number.cmp(&b.number),
    }
}

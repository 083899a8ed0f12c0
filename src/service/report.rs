//! Reports for supervisors and inspectors (issue 10): per officer, addressee, service or month,
//! how many cases came in, how many were answered on time or late, what was open or overdue,
//! extended, and how the extension notices and refusals went, computed by the deadline engine
//! that draws the screens, from each case as it stood on the report's day ([`crate::domain::asof`]).
//!
//! A case counts in the period of its registration date; what is open, overdue or owed is as of
//! the report's day: `as_of` if asked, else the period's last day (today if that is later,
//! since nothing is known of days to come). The figures travel as data ([`Report`]); the
//! command line puts them into a table, a CSV or a workbook, so every output has the same
//! numbers.

use std::collections::BTreeMap;

use chrono::{Datelike, FixedOffset, NaiveDate};
use serde::{Deserialize, Serialize};

use thiserror::Error;

use super::scan::{each_case, each_case_with_history};
use super::{ApiError, Caller, Service, ServiceError};
use crate::domain::asof::case_as_of;
use crate::domain::asof::event_day;
use crate::domain::case::{Case, Matter, Outcome};
use crate::domain::deadline::{ObligationKind, ObligationState};
use crate::domain::message::Message;
use crate::domain::vocabulary::{Addressee, Channel, Ground};
use crate::store::{Damaged, RawCase, RawHistory, StoreError};

/// Kazakhstan's one zone since 1 March 2024 (DESIGN 1.1): the day of a history entry that
/// carries no date of its own (see [`crate::domain::asof::event_day`]).
pub const OFFICE_ZONE: FixedOffset = match FixedOffset::east_opt(5 * 3600) {
    Some(zone) => zone,
    // Checked when compiling: five hours is a valid offset.
    None => panic!("UTC+5 is a valid offset"),
};

/// How a report groups its cases.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Grouping {
    /// By the officer who holds the case now (unassigned cases together).
    Officer,
    /// Complaints by addressee (Art. 25.2), applications by channel (Art. 18).
    Addressee,
    /// Applications by the service's code in the register; complaints together.
    Service,
    /// By the month of registration.
    Month,
}

impl Grouping {
    /// Every grouping, in the order a report lists them.
    pub const ALL: [Grouping; 4] = [
        Grouping::Officer,
        Grouping::Addressee,
        Grouping::Service,
        Grouping::Month,
    ];

    /// The one spelling (`officer`, `addressee`, `service`, `month`).
    pub fn as_str(self) -> &'static str {
        match self {
            Grouping::Officer => "officer",
            Grouping::Addressee => "addressee",
            Grouping::Service => "service",
            Grouping::Month => "month",
        }
    }
}

/// What a report covers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportQuery {
    /// The first registration date counted.
    pub from: NaiveDate,
    /// The last registration date counted.
    pub to: NaiveDate,
    /// One table per grouping, in this order (empty: the total only).
    pub by: Vec<Grouping>,
    /// The day the open states are taken on (default: `to`, or today if earlier).
    #[serde(default)]
    pub as_of: Option<NaiveDate>,
}

/// One group of a table.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(tag = "group", rename_all = "kebab-case")]
pub enum GroupKey {
    /// An officer's login; `None`: cases nobody holds.
    Officer { login: Option<String> },
    /// Complaints to one kind of addressee.
    Addressee { addressee: Addressee },
    /// Applications through one channel.
    Channel { channel: Channel },
    /// Applications for one service of the register; `None`: applications without a code.
    Service { code: Option<String> },
    /// Complaints, in a table by service.
    Complaints,
    /// The month of registration: its first day.
    Month { first: NaiveDate },
}

/// The figures of a group, or of the whole report.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Figures {
    /// Registered in the period (and existing on the report's day).
    pub received: u64,
    /// Answer (complaint, Art. 25.2) or result / reasoned refusal (application, Art. 19-1)
    /// given by the due date.
    pub answered_on_time: u64,
    /// Given after the due date.
    pub answered_late: u64,
    /// Not answered and not closed on the report's day.
    pub open: u64,
    /// Open with an obligation overdue on the report's day (the queue's "overdue").
    pub open_overdue: u64,
    /// Extended at least once (Art. 25.4).
    pub extended: u64,
    /// Extended at least once on the ground of additional study or verification (25.4.1).
    pub extended_verification: u64,
    /// Extended at least once on the ground of obtaining information (25.4.2).
    pub extended_information: u64,
    /// Extension notices sent after their three working days (Art. 25.4 ¶2).
    pub extension_notices_late: u64,
    /// Extension notices never sent before the answer went out or the case closed.
    pub extension_notices_missed: u64,
    /// Extension notices still owed and overdue on the report's day.
    pub extension_notices_overdue: u64,
    /// Applications refused (Art. 19-1).
    pub refused: u64,
    /// Refused on the grounds of Art. 19-1.2, subpoints 1 to 6.
    pub refused_by_point: [u64; 6],
    /// Refused on another ground (another law, or a ground not written as `Art. 19-1.2.N`).
    pub refused_other: u64,
    /// Applications refused at intake (Art. 20.2): no term started.
    pub refused_at_intake: u64,
    /// Closed without the answer or result.
    pub closed_unanswered: u64,
    /// Working days from registration to the answer, summed over the answered cases.
    pub days_to_answer_sum: u64,
    /// How many answered cases the sum is over.
    pub days_to_answer_count: u64,
    /// The 90th percentile of those working days (nearest rank); `None` without answers.
    pub days_to_answer_p90: Option<u32>,
}

impl Figures {
    /// The average working days to answer, `None` without answers.
    pub fn days_to_answer_average(&self) -> Option<f64> {
        (self.days_to_answer_count > 0)
            .then(|| self.days_to_answer_sum as f64 / self.days_to_answer_count as f64)
    }
}

/// One table of a report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportTable {
    pub by: Grouping,
    /// The groups in order (logins, addressees, codes, months), each with its figures.
    pub rows: Vec<(GroupKey, Figures)>,
}

/// A calendar entry corrected after the report's day: the report counted with the corrected
/// entry, which the office did not have on that day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Correction {
    /// The entry's date.
    pub date: NaiveDate,
    /// When it was corrected.
    pub corrected_on: NaiveDate,
}

/// A case counted as open and overdue because its dates cannot be computed (or its history
/// does not rebuild it on the report's day), with the reason: the queue does the same, so that
/// no such case hides.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Problem {
    pub number: String,
    pub reason: String,
}

/// A report: the tables asked for and the total, on the day the open states are taken.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Report {
    pub from: NaiveDate,
    pub to: NaiveDate,
    /// The day the open, overdue and owed states are taken on.
    pub as_of: NaiveDate,
    pub tables: Vec<ReportTable>,
    pub total: Figures,
    /// The names of the officers of a table by officer, by login (as the users know them).
    #[serde(default)]
    pub names: BTreeMap<String, String>,
    /// Calendar entries corrected after `as_of` (see [`Correction`]).
    #[serde(default)]
    pub corrections: Vec<Correction>,
    #[serde(default)]
    pub problems: Vec<Problem>,
    /// Case records that cannot be read, left out.
    #[serde(default)]
    pub damaged: Vec<Damaged>,
}

/// Why a report or a digest cannot be made.
#[derive(Debug, Error)]
pub enum ReportError {
    /// The caller's role does not read what was asked.
    #[error("forbidden: {}", .0.key)]
    Forbidden(Message),
    /// A date or a range is wrong: the argument (`from`, `to`, `as-of`, `officer`) and why.
    #[error("invalid {field}: {}", .message.key)]
    Invalid {
        field: &'static str,
        message: Message,
    },
    #[error(transparent)]
    Service(#[from] ServiceError),
}

impl From<StoreError> for ReportError {
    fn from(e: StoreError) -> ReportError {
        ReportError::Service(e.into())
    }
}

impl From<ReportError> for ApiError {
    fn from(e: ReportError) -> ApiError {
        match e {
            ReportError::Forbidden(message) => ApiError::Forbidden { message },
            ReportError::Invalid { field, message } => ApiError::Invalid {
                field: field.into(),
                message,
            },
            ReportError::Service(e) => e.into(),
        }
    }
}

/// Where [`Service::count`] finds a case's history.
#[derive(Clone, Copy)]
enum Histories<'a> {
    /// Read from the store for each case that changed since registration, and replayed.
    Lookup,
    /// Read beforehand in one pass (`None`: the case has none); a case none of whose entries
    /// is dated after the report's day is counted from its record, without a replay.
    Scanned(Option<&'a RawHistory>),
}

/// What one worker of a report sums.
#[derive(Default)]
struct Part {
    groups: BTreeMap<(usize, GroupKey), Tally>,
    total: Tally,
    problems: Vec<Problem>,
}

/// The figures being summed for one group, with every answered case's working days (for the
/// 90th percentile).
#[derive(Debug, Default, Clone)]
struct Tally {
    figures: Figures,
    days: Vec<u32>,
}

impl Tally {
    fn add(&mut self, other: &Tally) {
        let (f, o) = (&mut self.figures, &other.figures);
        f.received += o.received;
        f.answered_on_time += o.answered_on_time;
        f.answered_late += o.answered_late;
        f.open += o.open;
        f.open_overdue += o.open_overdue;
        f.extended += o.extended;
        f.extended_verification += o.extended_verification;
        f.extended_information += o.extended_information;
        f.extension_notices_late += o.extension_notices_late;
        f.extension_notices_missed += o.extension_notices_missed;
        f.extension_notices_overdue += o.extension_notices_overdue;
        f.refused += o.refused;
        for (a, b) in f.refused_by_point.iter_mut().zip(o.refused_by_point) {
            *a += b;
        }
        f.refused_other += o.refused_other;
        f.refused_at_intake += o.refused_at_intake;
        f.closed_unanswered += o.closed_unanswered;
        f.days_to_answer_sum += o.days_to_answer_sum;
        f.days_to_answer_count += o.days_to_answer_count;
        self.days.extend_from_slice(&other.days);
    }

    /// The figures with the percentile worked out.
    fn finish(mut self) -> Figures {
        self.days.sort_unstable();
        // Nearest rank: the smallest value with at least 90 % of the answers at or below it.
        self.figures.days_to_answer_p90 = match self.days.len() {
            0 => None,
            n => self.days.get((n * 9).div_ceil(10) - 1).copied(),
        };
        self.figures
    }
}

/// What one case adds to its groups.
struct Counted {
    case: Case,
    tally: Tally,
    problem: Option<Problem>,
}

impl Service {
    /// The report `q` (see the module's documentation). Supervisors and auditors read every
    /// case, so they may; an officer may not (a report covers other officers' cases).
    pub fn report(
        &self,
        caller: &Caller,
        today: NaiveDate,
        q: &ReportQuery,
    ) -> Result<Report, ReportError> {
        if !caller.reads_all() {
            return Err(ReportError::Forbidden(
                Message::new("report-forbidden")
                    .text("login", caller.login.as_str())
                    .word("role", super::role_key(caller.role)),
            ));
        }
        self.report_unchecked(today, q)
    }

    /// The report `q`, whoever asks: for a caller that holds the database files (an embedded
    /// command), who can read every case anyway.
    pub fn report_unchecked(
        &self,
        today: NaiveDate,
        q: &ReportQuery,
    ) -> Result<Report, ReportError> {
        self.report_with(today, q, true)
    }

    /// The report `q` as [`Service::report_unchecked`] makes it, but the plain way on a past
    /// day: every case changed since its registration has its history looked up and replayed.
    /// The reference the faster path is checked against, figure for figure.
    pub fn report_replaying_every_case(
        &self,
        today: NaiveDate,
        q: &ReportQuery,
    ) -> Result<Report, ReportError> {
        self.report_with(today, q, false)
    }

    /// The report `q`; `scan`: on a past day, read every history in one pass and replay only
    /// the cases with an entry dated after the report's day.
    fn report_with(
        &self,
        today: NaiveDate,
        q: &ReportQuery,
        scan: bool,
    ) -> Result<Report, ReportError> {
        let as_of = check_query(q, today)?;
        let zone = OFFICE_ZONE;
        let add = |c: Counted, part: &mut Part| {
            for (i, by) in q.by.iter().enumerate() {
                part.groups
                    .entry((i, key_of(&c.case, *by)))
                    .or_default()
                    .add(&c.tally);
            }
            part.total.add(&c.tally);
            part.problems.extend(c.problem);
        };
        // As of today the records are the cases: no history is needed at all.
        let (parts, damaged) = if scan && as_of < today {
            each_case_with_history(self, &|raw, history, part: &mut Part| {
                let histories = Histories::Scanned(history);
                if let Some(c) = self.count_from(raw, histories, q, (as_of, today), zone)? {
                    add(c, part);
                }
                Ok(())
            })?
        } else {
            each_case(self, &|raw, part: &mut Part| {
                if let Some(c) = self.count(raw, q, (as_of, today), zone)? {
                    add(c, part);
                }
                Ok(())
            })?
        };
        let mut groups: BTreeMap<(usize, GroupKey), Tally> = BTreeMap::new();
        let mut total = Tally::default();
        let mut problems = Vec::new();
        for p in parts {
            for (k, v) in p.groups {
                groups.entry(k).or_default().add(&v);
            }
            total.add(&p.total);
            problems.extend(p.problems);
        }
        problems.sort_by(|a, b| a.number.cmp(&b.number));
        let mut tables: Vec<ReportTable> =
            q.by.iter()
                .map(|by| ReportTable {
                    by: *by,
                    rows: Vec::new(),
                })
                .collect();
        for ((i, key), tally) in groups {
            if let Some(t) = tables.get_mut(i) {
                t.rows.push((key, tally.finish()));
            }
        }
        let corrections = self
            .reference
            .calendar
            .corrected_after(as_of)
            .filter_map(|e| {
                e.corrected_on.map(|c| Correction {
                    date: e.date,
                    corrected_on: c,
                })
            })
            .collect();
        let names = if q.by.contains(&Grouping::Officer) {
            self.store
                .users()?
                .into_iter()
                .map(|u| (u.login, u.name))
                .collect()
        } else {
            BTreeMap::new()
        };
        Ok(Report {
            from: q.from,
            to: q.to,
            as_of,
            tables,
            total: total.finish(),
            names,
            corrections,
            problems,
            damaged,
        })
    }

    /// What the case of `raw` adds to a report as of `as_of` (on the office's `today`): `None`
    /// if it was not registered in the period or did not exist on `as_of`; an error (the
    /// reason) if its record or history cannot be read.
    fn count(
        &self,
        raw: &RawCase,
        q: &ReportQuery,
        (as_of, today): (NaiveDate, NaiveDate),
        zone: FixedOffset,
    ) -> Result<Option<Counted>, String> {
        self.count_from(raw, Histories::Lookup, q, (as_of, today), zone)
    }

    /// [`Service::count`], with the case's history found as `histories` says.
    fn count_from(
        &self,
        raw: &RawCase,
        histories: Histories<'_>,
        q: &ReportQuery,
        (as_of, today): (NaiveDate, NaiveDate),
        zone: FixedOffset,
    ) -> Result<Option<Counted>, String> {
        let mut case = raw.decode().map_err(|e| e.to_string())?;
        if case.registered < q.from || case.registered > q.to || case.registered > as_of {
            return Ok(None);
        }
        // The history is replayed only where it can differ from the record: a case that has
        // not changed since its registration stood then as it stands now, and as of today
        // every entry is in (a recorded date is never after the day it is recorded on,
        // `Case::check_date`), so the record is the case at the end of today.
        let mut replay = case.version > 1 && as_of < today;
        if replay {
            case.events = match histories {
                Histories::Lookup => self.store.history(raw.id),
                Histories::Scanned(Some(history)) => history.decode(),
                Histories::Scanned(None) => Ok(Vec::new()),
            }
            .map_err(|e| e.to_string())?;
            // Every entry in by the report's day: the replay keeps them all and rebuilds the
            // record (`case_as_of`). An empty history still goes to the replay, which names it.
            if matches!(histories, Histories::Scanned(_))
                && !case.events.is_empty()
                && case.events.iter().all(|e| event_day(e, zone) <= as_of)
            {
                replay = false;
            }
        }
        let cal = &self.reference.calendar;
        let rules = &self.reference.rules;
        let then = if replay {
            match case_as_of(&case, as_of, zone, cal, rules) {
                Ok(Some(then)) => Some(then),
                Ok(None) => return Ok(None),
                Err(e) => {
                    return Ok(Some(failed(case, e.to_string())));
                }
            }
        } else {
            None
        };
        let mut tally = Tally::default();
        let f = &mut tally.figures;
        f.received = 1;
        let now = then.as_ref().unwrap_or(&case);
        let d = match now.deadlines(cal, rules, as_of) {
            Ok(d) => d,
            Err(e) => return Ok(Some(failed(case, e.to_string()))),
        };
        match d.main().map(|m| m.state) {
            Some(ObligationState::Done { on, late, .. }) => {
                if late {
                    f.answered_late = 1;
                } else {
                    f.answered_on_time = 1;
                }
                let days = cal.working_days_between(now.registered, on).max(0);
                let days = u32::try_from(days).unwrap_or(u32::MAX);
                f.days_to_answer_sum = u64::from(days);
                f.days_to_answer_count = 1;
                tally.days.push(days);
            }
            Some(ObligationState::Missed { .. }) => f.closed_unanswered = 1,
            Some(ObligationState::Open | ObligationState::Overdue { .. }) => {
                f.open = 1;
                // The queue's "overdue": any obligation still owed is past its date.
                if d.obligations
                    .iter()
                    .any(|o| matches!(o.state, ObligationState::Overdue { .. }))
                {
                    f.open_overdue = 1;
                }
            }
            // Art. 20.2: refused at intake, no term and nothing owed.
            None => f.refused_at_intake = 1,
        }
        if !now.extensions.is_empty() {
            f.extended = 1;
            let on = |g: Ground| u64::from(now.extensions.iter().any(|e| e.ground == g));
            f.extended_verification = on(Ground::Verification);
            f.extended_information = on(Ground::Information);
        }
        for o in d
            .obligations
            .iter()
            .filter(|o| o.kind == ObligationKind::ExtensionNotice)
        {
            match o.state {
                ObligationState::Done { late: true, .. } => f.extension_notices_late += 1,
                ObligationState::Missed { .. } => f.extension_notices_missed += 1,
                ObligationState::Overdue { .. } => f.extension_notices_overdue += 1,
                _ => {}
            }
        }
        // Art. 19-1: a refusal names its ground; the six of 19-1.2 are counted apart.
        if let Some(decision) = &now.decision
            && decision.outcome == Outcome::Refused
        {
            f.refused = 1;
            match decision
                .ground
                .as_deref()
                .and_then(crate::letters::refusal_point)
            {
                Some(p) => f.refused_by_point[(p as usize).clamp(1, 6) - 1] = 1,
                None => f.refused_other = 1,
            }
        }
        let case = match then {
            // Grouped by what the case is and who holds it now (see [`Grouping::Officer`]).
            Some(then) => Case {
                assignee: case.assignee,
                ..then
            },
            None => case,
        };
        Ok(Some(Counted {
            case,
            tally,
            problem: None,
        }))
    }
}

/// A case whose dates cannot be computed on the report's day: received, open and overdue (as
/// the queue shows it), with the reason.
fn failed(case: Case, reason: String) -> Counted {
    let mut tally = Tally::default();
    tally.figures.received = 1;
    tally.figures.open = 1;
    tally.figures.open_overdue = 1;
    Counted {
        problem: Some(Problem {
            number: case.number.clone(),
            reason,
        }),
        case,
        tally,
    }
}

/// The day the open states are taken on, or why the query is wrong.
fn check_query(q: &ReportQuery, today: NaiveDate) -> Result<NaiveDate, ReportError> {
    let bad = |field: &'static str, key: &'static str| ReportError::Invalid {
        field,
        message: Message::new(key)
            .date("from", q.from)
            .date("to", q.to)
            .date("today", today),
    };
    if q.from > q.to {
        return Err(bad("from", "report-from-after-to"));
    }
    if q.from > today {
        return Err(bad("from", "report-from-after-today"));
    }
    let as_of = q.as_of.unwrap_or(q.to.min(today));
    let bad_as_of = |key: &'static str| ReportError::Invalid {
        field: "as-of",
        message: Message::new(key)
            .date("as_of", as_of)
            .date("from", q.from)
            .date("today", today),
    };
    if as_of < q.from {
        return Err(bad_as_of("report-as-of-before-from"));
    }
    if as_of > today {
        return Err(bad_as_of("report-as-of-after-today"));
    }
    Ok(as_of)
}

/// The group of `case` in a table by `by`.
fn key_of(case: &Case, by: Grouping) -> GroupKey {
    match (by, &case.matter) {
        (Grouping::Officer, _) => GroupKey::Officer {
            login: case.assignee.clone(),
        },
        (Grouping::Addressee, Matter::Complaint { addressee, .. }) => GroupKey::Addressee {
            addressee: *addressee,
        },
        (Grouping::Addressee, Matter::Application { channel, .. }) => {
            GroupKey::Channel { channel: *channel }
        }
        (Grouping::Service, Matter::Complaint { .. }) => GroupKey::Complaints,
        (Grouping::Service, Matter::Application { service, .. }) => GroupKey::Service {
            code: service.clone(),
        },
        (Grouping::Month, _) => GroupKey::Month {
            first: case.registered.with_day(1).unwrap_or(case.registered),
        },
    }
}

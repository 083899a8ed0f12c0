//! A case as it stood at the end of a past day: its history replayed up to that day, so that an
//! inspector's "what was open, overdue, owed on 1 March" is answered by the same engine as
//! today's screens (issue 10).
//!
//! Which entries belong to the day: an entry that carries the date of what it records (the
//! registration, an extension's decision, a notice's or answer's sending, a decision, a
//! closing, a reopening, a refusal at intake) by that date, not by when it was typed in: an
//! answer sent on 5 March and recorded on 6 March was sent on 5 March (Art. 25.2 counts the
//! sending). An entry without such a date (an assignment, a note, a link, a due date set by a
//! superior body under Art. 25.1) by the day it was recorded, in the office's zone.

use chrono::{FixedOffset, NaiveDate};

use super::calendar::Calendar;
use super::case::{Case, Event, EventKind, ReplayError};
use super::rules::RuleBook;

/// The day a history entry counts from (see the module's documentation).
///
/// ```
/// # use merzim::domain::asof::event_day;
/// # use merzim::domain::case::{Actor, Event, EventKind, StateSnapshot, Status};
/// # use merzim::domain::vocabulary::Form;
/// # use chrono::{FixedOffset, NaiveDate, TimeZone, Utc};
/// let plus5 = FixedOffset::east_opt(5 * 3600).unwrap();
/// let entry = |what| Event {
///     version: 2,
///     at: Utc.with_ymd_and_hms(2026, 3, 6, 20, 0, 0).unwrap(), // 7 March, 01:00 in Astana
///     by: Actor { uid: 1, login: "a".into(), name: "A".into() },
///     what,
///     before: None,
///     after: StateSnapshot { status: Status::Answered, assignee: None },
/// };
/// let sent = NaiveDate::from_ymd_opt(2026, 3, 5).unwrap();
/// let answer = entry(EventKind::AnswerSent { sent, form: Form::Written, reference: String::new() });
/// assert_eq!(event_day(&answer, plus5), sent);
/// let note = entry(EventKind::NoteAdded { text: "x".into() });
/// assert_eq!(event_day(&note, plus5), NaiveDate::from_ymd_opt(2026, 3, 7).unwrap());
/// ```
pub fn event_day(e: &Event, zone: FixedOffset) -> NaiveDate {
    match &e.what {
        EventKind::Registered { date, .. }
        | EventKind::Extended { date, .. }
        | EventKind::Decided { date, .. }
        | EventKind::Closed { date }
        | EventKind::Reopened { date, .. }
        | EventKind::RefusedAtIntake { date, .. } => *date,
        EventKind::NoticeSent { sent, .. } | EventKind::AnswerSent { sent, .. } => *sent,
        EventKind::Assigned { .. }
        | EventKind::NoteAdded { .. }
        | EventKind::DueSet { .. }
        | EventKind::Linked { .. } => e.at.with_timezone(&zone).date_naive(),
    }
}

/// The case as it stood at the end of `day`: `None` if it was registered after `day` (it did
/// not exist yet). `case` must hold its whole history (`case.events`); the entries of `day` and
/// before are applied again in their recorded order, with the state checks of a replay
/// ([`Case::replay`]), so the result is the case that history builds. With a `day` on or after
/// every entry's day it is the case itself.
///
/// An entry left out can make a later kept one impossible (a closing dated before the decision
/// it needs): that is an error naming the entry, never a guess.
pub fn case_as_of(
    case: &Case,
    day: NaiveDate,
    zone: FixedOffset,
    cal: &Calendar,
    rules: &RuleBook,
) -> Result<Option<Case>, ReplayError> {
    if case.registered > day {
        return Ok(None);
    }
    let mut events = case.events.iter();
    let first = events.next().ok_or(ReplayError::NoRegistration)?;
    let EventKind::Registered { number, .. } = &first.what else {
        return Err(ReplayError::NoRegistration);
    };
    let mut then = Case::register(
        case.as_new(),
        number.clone(),
        first.by.clone(),
        first.at,
        cal,
        rules,
        day,
    )
    .map_err(|error| ReplayError::Invalid { version: 1, error })?;
    for e in events.filter(|e| event_day(e, zone) <= day) {
        then.reapply(e, cal, rules, day)
            .map_err(|error| ReplayError::Invalid {
                version: e.version,
                error,
            })?;
    }
    Ok(Some(then))
}

//! The dashboard as of a past day (issue 10, item 3, on screen): an inspector's "what was open,
//! overdue, owed on 1 March", counted by the same buckets as today's dashboard
//! ([`super::dashboard::tally`]) over every case as it stood at the end of that day
//! ([`crate::domain::asof::case_as_of`]), with that day's row ([`super::queue::row_of`]).
//!
//! The calendar is the one the office has now: entries corrected after the day are listed
//! with the counts (as in a report), since the office did not have them then.

use chrono::NaiveDate;

use super::dashboard::{self, Dashboard, Horizon};
use super::queue::{self, QueueRow, Urgency};
use super::report::{Correction, OFFICE_ZONE, ReportError};
use super::scan::each_case;
use super::{Caller, Service};
use crate::domain::asof::case_as_of;
use crate::domain::message::Message;
use crate::store::RawCase;

impl Service {
    /// The dashboard on the office's `today` (`as_of` `None` or today itself), or as of the past
    /// day `as_of`. A day after today is refused (nothing is known of it yet), and so is a day
    /// before the calendar's first year (no term can be counted there without guessing).
    pub fn dashboard_as_of(
        &self,
        caller: &Caller,
        today: NaiveDate,
        within: u32,
        as_of: Option<NaiveDate>,
    ) -> Result<Dashboard, ReportError> {
        let day = match as_of {
            Some(day) if day != today => day,
            _ => return Ok(self.dashboard(caller, today, within)?),
        };
        let cal = &self.reference.calendar;
        let first = cal
            .years()
            .next()
            .and_then(|y| NaiveDate::from_ymd_opt(y.year, 1, 1));
        let refuse = |key: &'static str| ReportError::Invalid {
            field: "as-of",
            message: Message::new(key)
                .date("as_of", day)
                .date("today", today)
                .date("from", first.unwrap_or(today)),
        };
        if day > today {
            return Err(refuse("asof-after-today"));
        }
        if first.is_none_or(|first| day < first) {
            return Err(refuse("asof-before-calendar"));
        }
        let (lines, users) = self.dashboard_lines(caller)?;
        let (parts, _damaged) = each_case(self, &|raw, rows: &mut Vec<QueueRow>| {
            rows.extend(self.row_as_of(raw, day)?);
            Ok(())
        })?;
        let h = Horizon::new(day, within);
        let mut board = dashboard::tally(parts.iter().flatten(), &h, &lines, cal);
        // The warning about the calendar ahead is about the office's today, not the past day.
        board.calendar =
            dashboard::calendar_check(cal, today, dashboard::CALENDAR_HORIZON_WORKING_DAYS);
        board.as_of = Some(day);
        board.corrections = cal
            .corrected_after(day)
            .filter_map(|e| {
                e.corrected_on.map(|c| Correction {
                    date: e.date,
                    corrected_on: c,
                })
            })
            .collect();
        super::name_lines(&mut board, &users);
        Ok(board)
    }

    /// The queue row of the case of `raw` at the end of `day`: `None` if it was registered
    /// after `day`. A history that does not rebuild the case on `day` gives the row of the case
    /// as recorded, counted overdue with the reason, as a report counts it: never hidden.
    fn row_as_of(&self, raw: &RawCase, day: NaiveDate) -> Result<Option<QueueRow>, String> {
        let mut case = raw.decode().map_err(|e| e.to_string())?;
        if case.registered > day {
            return Ok(None);
        }
        let cal = &self.reference.calendar;
        let rules = &self.reference.rules;
        // As in a report: a case never changed since its registration stood then as it stands.
        if case.version == 1 {
            return Ok(Some(queue::row_of(&case, cal, rules, day).0));
        }
        case.events = self.store.history(raw.id).map_err(|e| e.to_string())?;
        match case_as_of(&case, day, OFFICE_ZONE, cal, rules) {
            Ok(Some(then)) => Ok(Some(queue::row_of(&then, cal, rules, day).0)),
            Ok(None) => Ok(None),
            Err(e) => {
                let (mut row, _) = queue::row_of(&case, cal, rules, day);
                row.urgency = Urgency::Overdue;
                row.problem = Some(e.to_string());
                Ok(Some(row))
            }
        }
    }
}

//! Kazakhstan's working-day calendar and working-day arithmetic.
//!
//! The calendar is data (`data/calendars/*.toml`, parsed by [`data`]); this module only answers
//! questions about it. Counting convention (DESIGN 1.1, the general civil-law rule that a term
//! starts on the day after the event): a term of N working days from D ends on the N-th working
//! day after D, and D itself never counts, whatever day it is.
//!
//! Every function is total over the dates chrono can represent: a result that would leave that
//! range is [`CalendarError::OutOfRange`], never a panic.

pub mod data;

use std::collections::BTreeMap;
use std::fmt;

use chrono::{Datelike, Days, NaiveDate, Weekday};
use serde::{Deserialize, Serialize};
use thiserror::Error;

/// The most working days [`Calendar::explain_working_days`] walks through day by day.
pub const MAX_EXPLAINED_DAYS: u32 = 3_660;

/// Estimated dates (a lunar holiday before it is announced) may move by a day or two: a range that
/// comes this close to an estimated entry is provisional too.
const ESTIMATE_MARGIN_DAYS: u64 = 2;

/// Names of a calendar entry in the three languages of the console.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Names {
    pub kk: String,
    pub ru: String,
    pub en: String,
}

/// What a calendar entry does to its date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum EntryKind {
    /// A public holiday on its own date (listed even on a weekend, so that its name is known).
    PublicHoliday,
    /// A weekday off in place of a public holiday that fell on a weekend.
    MovedDayOff,
    /// A religious day off (7 Jan, first day of Kurban Ait): never moved.
    ReligiousDayOff,
    /// A weekday made a day off by a transfer order.
    TransferredDayOff,
    /// A weekend day made a working day by a transfer order.
    TransferredWorkingDay,
}

impl EntryKind {
    /// All kinds, in the order of the data file's documentation.
    pub const ALL: [EntryKind; 5] = [
        EntryKind::PublicHoliday,
        EntryKind::MovedDayOff,
        EntryKind::ReligiousDayOff,
        EntryKind::TransferredDayOff,
        EntryKind::TransferredWorkingDay,
    ];

    /// Whether a date with this entry is a day off.
    pub fn is_day_off(self) -> bool {
        !matches!(self, EntryKind::TransferredWorkingDay)
    }

    /// The name used in the data files and on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            EntryKind::PublicHoliday => "public-holiday",
            EntryKind::MovedDayOff => "moved-day-off",
            EntryKind::ReligiousDayOff => "religious-day-off",
            EntryKind::TransferredDayOff => "transferred-day-off",
            EntryKind::TransferredWorkingDay => "transferred-working-day",
        }
    }
}

impl fmt::Display for EntryKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One special date of the calendar.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CalendarEntry {
    pub date: NaiveDate,
    pub kind: EntryKind,
    pub name: Names,
    /// The law article or order this entry comes from.
    pub source: String,
    /// Not officially fixed yet (e.g. Kurban Ait of a future year).
    pub estimated: bool,
    /// For a moved day off: the weekend holiday it replaces.
    pub moved_from: Option<NaiveDate>,
    /// For a transfer: the other date of the pair.
    pub swap_with: Option<NaiveDate>,
    /// The day the entry was last corrected (`corrected_on` in the file), when the file says:
    /// a computation "as of" an earlier day used data that did not exist on that day, and says
    /// so instead of presenting today's calendar as the one in force then.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub corrected_on: Option<NaiveDate>,
}

/// Whether a year's data is complete and official.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum YearStatus {
    /// All entries official, the transfer order (if any) known.
    Final,
    /// Some of the year is not yet official (e.g. the transfer order is not published).
    Provisional,
}

/// What the calendar knows about one year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct YearInfo {
    pub year: i32,
    pub status: YearStatus,
    pub note: Option<String>,
    pub sources: Vec<String>,
}

/// Why a computed date may still change.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "reason", rename_all = "kebab-case")]
pub enum Uncertainty {
    /// The range reaches a year the calendar has no data for (only weekends were skipped there).
    YearNotCovered { year: i32 },
    /// The range reaches a year whose data is marked provisional.
    YearProvisional { year: i32 },
    /// The range comes near an entry whose date is only estimated.
    EstimatedEntry { date: NaiveDate, name: String },
}

impl fmt::Display for Uncertainty {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Uncertainty::YearNotCovered { year } => {
                write!(
                    f,
                    "the calendar has no data for {year}: only weekends were skipped"
                )
            }
            Uncertainty::YearProvisional { year } => {
                write!(f, "the calendar of {year} is not final")
            }
            Uncertainty::EstimatedEntry { date, name } => {
                write!(f, "{name} on {date} is an estimated date")
            }
        }
    }
}

/// What is known about one date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DayStatus<'a> {
    /// An ordinary working day (Monday to Friday).
    Working,
    /// A weekend day worked by a transfer order.
    WorkingByTransfer(&'a CalendarEntry),
    /// Saturday or Sunday.
    Weekend,
    /// A day off named by an entry (a holiday, even on a weekend, a moved or transferred day off).
    DayOff(&'a CalendarEntry),
}

impl DayStatus<'_> {
    /// Whether the day counts as a working day.
    pub fn is_working(self) -> bool {
        matches!(self, DayStatus::Working | DayStatus::WorkingByTransfer(_))
    }
}

/// Working-day arithmetic failed.
#[derive(Debug, Clone, PartialEq, Eq, Error, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum CalendarError {
    #[error("the result would be outside the dates this program can represent")]
    OutOfRange,
    #[error("a term of {days} days is too long to explain day by day (at most {max})")]
    TooLongToExplain { days: u64, max: u32 },
}

impl crate::domain::message::Localize for CalendarError {
    fn message(&self) -> crate::domain::message::Message {
        use crate::domain::message::Message;
        match self {
            CalendarError::OutOfRange => Message::new("calendar-out-of-range"),
            CalendarError::TooLongToExplain { days, max } => {
                Message::new("calendar-too-long-to-explain")
                    .number("days", i64::try_from(*days).unwrap_or(i64::MAX))
                    .number("max", *max)
            }
        }
    }
}

/// One day of an explanation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExplainedDay {
    pub date: NaiveDate,
    /// `Some(k)`: the k-th counted working day.
    pub counted: Option<u32>,
    /// Why the day was skipped, or what made it a working day when that needs saying.
    pub note: DayNote,
}

/// Why a day counts or not, for people.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum DayNote {
    /// An ordinary working day.
    Working,
    /// Saturday or Sunday.
    Weekend,
    /// A day off named by a calendar entry.
    DayOff {
        entry_kind: EntryKind,
        name: Names,
        source: String,
        estimated: bool,
    },
    /// A weekend day worked by a transfer order.
    WorkedByTransfer { name: Names, source: String },
    /// The day a calendar-day term ends on, when it is not a working day and the term moves on.
    CalendarEnd,
}

/// A computation shown day by day: "why this date".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Explanation {
    pub from: NaiveDate,
    pub result: NaiveDate,
    pub days: Vec<ExplainedDay>,
    pub uncertain: Vec<Uncertainty>,
}

/// The working-day calendar: weekends, plus the entries of the data files.
#[derive(Debug, Clone)]
pub struct Calendar {
    entries: BTreeMap<NaiveDate, CalendarEntry>,
    years: BTreeMap<i32, YearInfo>,
    index: DenseIndex,
}

impl Calendar {
    /// A calendar from entries and year records (already validated by [`data`]).
    pub fn new(entries: Vec<CalendarEntry>, years: Vec<YearInfo>) -> Calendar {
        let entries: BTreeMap<_, _> = entries.into_iter().map(|e| (e.date, e)).collect();
        let years: BTreeMap<_, _> = years.into_iter().map(|y| (y.year, y)).collect();
        let index = DenseIndex::build(&entries, &years);
        Calendar {
            entries,
            years,
            index,
        }
    }

    /// A calendar with no entries at all: weekends only, every year uncovered.
    pub fn weekends_only() -> Calendar {
        Calendar::new(Vec::new(), Vec::new())
    }

    /// The entry on a date, if any.
    pub fn entry(&self, date: NaiveDate) -> Option<&CalendarEntry> {
        self.entries.get(&date)
    }

    /// All entries in date order.
    pub fn entries(&self) -> impl Iterator<Item = &CalendarEntry> {
        self.entries.values()
    }

    /// The entries corrected after `day` (by their `corrected_on`), in date order: what an
    /// "as of `day`" computation knows now but the office did not know then.
    ///
    /// ```
    /// # use merzim::domain::calendar::data;
    /// # use chrono::NaiveDate;
    /// let cal = data::load(&[("t".into(), r#"
    /// [calendar]
    /// id = "t"
    /// [[year]]
    /// year = 2026
    /// status = "final"
    /// [[day]]
    /// date = 2026-05-27
    /// kind = "religious-day-off"
    /// name = { kk = "Құрбан айт", ru = "Курбан айт", en = "Kurban Ait" }
    /// source = "DUMK announcement"
    /// corrected_on = 2026-05-20
    /// "#.into())]).unwrap();
    /// let before = NaiveDate::from_ymd_opt(2026, 5, 1).unwrap();
    /// let after = NaiveDate::from_ymd_opt(2026, 5, 20).unwrap();
    /// assert_eq!(cal.corrected_after(before).count(), 1);
    /// assert_eq!(cal.corrected_after(after).count(), 0); // corrected that day: known by its end
    /// ```
    pub fn corrected_after(&self, day: NaiveDate) -> impl Iterator<Item = &CalendarEntry> {
        self.entries
            .values()
            .filter(move |e| e.corrected_on.is_some_and(|c| c > day))
    }

    /// The years the data covers, in order.
    pub fn years(&self) -> impl Iterator<Item = &YearInfo> {
        self.years.values()
    }

    /// What is known about a date.
    pub fn day_status(&self, date: NaiveDate) -> DayStatus<'_> {
        match self.entries.get(&date) {
            Some(e) if e.kind.is_day_off() => DayStatus::DayOff(e),
            Some(e) => DayStatus::WorkingByTransfer(e),
            None if is_weekend(date) => DayStatus::Weekend,
            None => DayStatus::Working,
        }
    }

    /// Whether `date` is a working day.
    ///
    /// ```
    /// # use merzim::domain::calendar::Calendar;
    /// # use chrono::NaiveDate;
    /// let cal = Calendar::weekends_only();
    /// assert!(cal.is_working_day(NaiveDate::from_ymd_opt(2026, 11, 20).unwrap())); // Friday
    /// assert!(!cal.is_working_day(NaiveDate::from_ymd_opt(2026, 11, 21).unwrap())); // Saturday
    /// ```
    pub fn is_working_day(&self, date: NaiveDate) -> bool {
        if let Some(w) = self.index.is_working(date) {
            return w;
        }
        self.day_status(date).is_working()
    }

    /// The N-th working day after `from`; `from` itself never counts. `n = 0` gives `from`.
    ///
    /// ```
    /// # use merzim::domain::calendar::Calendar;
    /// # use chrono::NaiveDate;
    /// let cal = Calendar::weekends_only();
    /// let fri = NaiveDate::from_ymd_opt(2026, 11, 20).unwrap();
    /// // Counting starts on the day after: Mon 23, Tue 24 … Thu 26 is the 4th.
    /// assert_eq!(cal.add_working_days(fri, 4), Ok(NaiveDate::from_ymd_opt(2026, 11, 26).unwrap()));
    /// ```
    pub fn add_working_days(&self, from: NaiveDate, n: u32) -> Result<NaiveDate, CalendarError> {
        if n == 0 {
            return Ok(from);
        }
        if let Some(d) = self.index.add(from, n) {
            return Ok(d);
        }
        // Jump as if only weekends existed, then correct for the entries in between: the loop runs
        // about once per holiday in the range.
        let n = i64::from(n);
        let mut end = add_weekdays(from, n as u64)?;
        let mut count = self.working_days_between(from, end);
        loop {
            if count == n && self.is_working_day(end) {
                return Ok(end);
            }
            if count < n {
                end = end.succ_opt().ok_or(CalendarError::OutOfRange)?;
                if self.is_working_day(end) {
                    count += 1;
                }
            } else {
                if self.is_working_day(end) {
                    count -= 1;
                }
                end = end.pred_opt().ok_or(CalendarError::OutOfRange)?;
            }
        }
    }

    /// `from` + N calendar days; a result that is not a working day moves to the next working day.
    ///
    /// ```
    /// # use merzim::domain::calendar::Calendar;
    /// # use chrono::NaiveDate;
    /// let cal = Calendar::weekends_only();
    /// let mon = NaiveDate::from_ymd_opt(2026, 11, 16).unwrap();
    /// // Mon + 5 = Sat 21, moved to Mon 23.
    /// assert_eq!(cal.add_calendar_days(mon, 5), Ok(NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()));
    /// ```
    pub fn add_calendar_days(&self, from: NaiveDate, n: u32) -> Result<NaiveDate, CalendarError> {
        let end = from
            .checked_add_days(Days::new(u64::from(n)))
            .ok_or(CalendarError::OutOfRange)?;
        self.working_day_on_or_after(end)
    }

    /// `date` if it is a working day, else the next working day.
    pub fn working_day_on_or_after(&self, date: NaiveDate) -> Result<NaiveDate, CalendarError> {
        if self.is_working_day(date) {
            Ok(date)
        } else {
            self.add_working_days(date, 1)
        }
    }

    /// The last working day strictly before `date`.
    pub fn previous_working_day(&self, date: NaiveDate) -> Result<NaiveDate, CalendarError> {
        let mut d = date;
        loop {
            d = d.pred_opt().ok_or(CalendarError::OutOfRange)?;
            if self.is_working_day(d) {
                return Ok(d);
            }
        }
    }

    /// The number of working days in `(a, b]`: `a` never counts, `b` does. Negative when `b`
    /// is before `a` (then it is minus the count in `(b, a]`).
    ///
    /// ```
    /// # use merzim::domain::calendar::Calendar;
    /// # use chrono::NaiveDate;
    /// let cal = Calendar::weekends_only();
    /// let fri = NaiveDate::from_ymd_opt(2026, 11, 20).unwrap();
    /// let tue = NaiveDate::from_ymd_opt(2026, 11, 24).unwrap();
    /// assert_eq!(cal.working_days_between(fri, tue), 2);
    /// assert_eq!(cal.working_days_between(tue, fri), -2);
    /// ```
    pub fn working_days_between(&self, a: NaiveDate, b: NaiveDate) -> i64 {
        if b < a {
            return -self.working_days_between(b, a);
        }
        if a == b {
            return 0;
        }
        if let Some(n) = self.index.between(a, b) {
            return n;
        }
        let mut n = weekday_number(b) - weekday_number(a);
        let after_a = match a.succ_opt() {
            Some(d) => d,
            None => return 0,
        };
        for e in self.entries.range(after_a..=b).map(|(_, e)| e) {
            match (e.kind.is_day_off(), is_weekend(e.date)) {
                (true, false) => n -= 1,
                (false, true) => n += 1,
                _ => {}
            }
        }
        n
    }

    /// Signed working days from `today` to `due`: 0 when due today, positive before, negative
    /// after. A case past its due date is never shown as 0: a due date on Friday seen on the
    /// Saturday after is -1, because the term is already over.
    pub fn remaining_working_days(&self, today: NaiveDate, due: NaiveDate) -> i64 {
        let n = self.working_days_between(today, due);
        if due < today { n.min(-1) } else { n }
    }

    /// Why a computed range may still change: every year in `(from, to]` that is not covered or
    /// not final, and every estimated entry near it.
    pub fn uncertainty(&self, from: NaiveDate, to: NaiveDate) -> Vec<Uncertainty> {
        let (from, to) = if to < from { (to, from) } else { (from, to) };
        let mut out = Vec::new();
        let first = from.succ_opt().unwrap_or(from);
        for year in first.year()..=to.year() {
            match self.years.get(&year) {
                None => out.push(Uncertainty::YearNotCovered { year }),
                Some(y) if y.status == YearStatus::Provisional => {
                    out.push(Uncertainty::YearProvisional { year })
                }
                Some(_) => {}
            }
            if out.len() > 8 {
                break; // a range of centuries: enough has been said
            }
        }
        let lo = first
            .checked_sub_days(Days::new(ESTIMATE_MARGIN_DAYS))
            .unwrap_or(first);
        let hi = to
            .checked_add_days(Days::new(ESTIMATE_MARGIN_DAYS))
            .unwrap_or(to);
        for e in self.entries.range(lo..=hi).map(|(_, e)| e) {
            if e.estimated {
                out.push(Uncertainty::EstimatedEntry {
                    date: e.date,
                    name: e.name.en.clone(),
                });
            }
        }
        out
    }

    /// The working-day computation `add_working_days(from, n)` day by day.
    pub fn explain_working_days(
        &self,
        from: NaiveDate,
        n: u32,
    ) -> Result<Explanation, CalendarError> {
        if n > MAX_EXPLAINED_DAYS {
            return Err(CalendarError::TooLongToExplain {
                days: u64::from(n),
                max: MAX_EXPLAINED_DAYS,
            });
        }
        let result = self.add_working_days(from, n)?;
        let mut days = Vec::new();
        let mut k = 0;
        let mut d = from;
        while d < result {
            d = d.succ_opt().ok_or(CalendarError::OutOfRange)?;
            let status = self.day_status(d);
            let counted = if status.is_working() {
                k += 1;
                Some(k)
            } else {
                None
            };
            days.push(ExplainedDay {
                date: d,
                counted,
                note: DayNote::from_status(status),
            });
        }
        Ok(Explanation {
            from,
            result,
            days,
            uncertain: self.uncertainty(from, result),
        })
    }

    /// The calendar-day computation `add_calendar_days(from, n)` day by day: the days in between
    /// are listed without counting, then the end date and any move to the next working day.
    pub fn explain_calendar_days(
        &self,
        from: NaiveDate,
        n: u32,
    ) -> Result<Explanation, CalendarError> {
        if n > MAX_EXPLAINED_DAYS {
            return Err(CalendarError::TooLongToExplain {
                days: u64::from(n),
                max: MAX_EXPLAINED_DAYS,
            });
        }
        let end = from
            .checked_add_days(Days::new(u64::from(n)))
            .ok_or(CalendarError::OutOfRange)?;
        let result = self.working_day_on_or_after(end)?;
        let mut days = Vec::new();
        let mut d = from;
        let mut k = 0;
        while d < result {
            d = d.succ_opt().ok_or(CalendarError::OutOfRange)?;
            let status = self.day_status(d);
            let note = if d == end && !status.is_working() {
                DayNote::CalendarEnd
            } else {
                DayNote::from_status(status)
            };
            let counted = if d <= end {
                k += 1;
                Some(k)
            } else {
                None
            };
            days.push(ExplainedDay {
                date: d,
                counted,
                note,
            });
        }
        Ok(Explanation {
            from,
            result,
            days,
            uncertain: self.uncertainty(from, result),
        })
    }
}

impl DayNote {
    fn from_status(status: DayStatus<'_>) -> DayNote {
        match status {
            DayStatus::Working => DayNote::Working,
            DayStatus::Weekend => DayNote::Weekend,
            DayStatus::DayOff(e) => DayNote::DayOff {
                entry_kind: e.kind,
                name: e.name.clone(),
                source: e.source.clone(),
                estimated: e.estimated,
            },
            DayStatus::WorkingByTransfer(e) => DayNote::WorkedByTransfer {
                name: e.name.clone(),
                source: e.source.clone(),
            },
        }
    }
}

fn is_weekend(d: NaiveDate) -> bool {
    matches!(d.weekday(), Weekday::Sat | Weekday::Sun)
}

/// The number of Mondays–Fridays in `(day 0, d]` of chrono's day numbering (day 1 is Monday
/// 0001-01-01), negative before it. Differences give weekday counts of any interval in O(1).
fn weekday_number(d: NaiveDate) -> i64 {
    let n = i64::from(d.num_days_from_ce());
    5 * n.div_euclid(7) + n.rem_euclid(7).min(5)
}

/// The N-th Monday–Friday after `from`, ignoring holidays.
fn add_weekdays(from: NaiveDate, n: u64) -> Result<NaiveDate, CalendarError> {
    // From a weekend, the weekdays that follow are those that follow the Friday before it.
    let mut d = match from.weekday() {
        Weekday::Sat => from.pred_opt(),
        Weekday::Sun => from.pred_opt().and_then(|d| d.pred_opt()),
        _ => Some(from),
    }
    .ok_or(CalendarError::OutOfRange)?;
    // From a weekday, every 5 weekdays are exactly one week.
    let weeks = n / 5;
    d = weeks
        .checked_mul(7)
        .and_then(|days| d.checked_add_days(Days::new(days)))
        .ok_or(CalendarError::OutOfRange)?;
    for _ in 0..n % 5 {
        d = d.succ_opt().ok_or(CalendarError::OutOfRange)?;
        while is_weekend(d) {
            d = d.succ_opt().ok_or(CalendarError::OutOfRange)?;
        }
    }
    Ok(d)
}

/// Precomputed answers for the years around the data (where nearly every real computation
/// falls): O(1) working-day tests, additions and counts. Outside it the general path is used;
/// both agree (property-tested).
#[derive(Debug, Clone, Default)]
struct DenseIndex {
    start: Option<NaiveDate>,
    /// `cumulative[i]`: working days in `[start, start + i]`.
    cumulative: Vec<u32>,
    /// Offsets from `start` of the working days, in order.
    working: Vec<u32>,
}

impl DenseIndex {
    fn build(
        entries: &BTreeMap<NaiveDate, CalendarEntry>,
        years: &BTreeMap<i32, YearInfo>,
    ) -> DenseIndex {
        let (Some(first), Some(last)) = (years.keys().next(), years.keys().next_back()) else {
            return DenseIndex::default();
        };
        // One uncovered year on each side: terms started in December run into January.
        let (Some(start), Some(end)) = (
            NaiveDate::from_ymd_opt(first.saturating_sub(1), 1, 1),
            NaiveDate::from_ymd_opt(last.saturating_add(1), 12, 31),
        ) else {
            return DenseIndex::default();
        };
        let mut cumulative = Vec::new();
        let mut working = Vec::new();
        let mut count = 0u32;
        for (offset, d) in start.iter_days().take_while(|d| *d <= end).enumerate() {
            let is_working = match entries.get(&d) {
                Some(e) => !e.kind.is_day_off(),
                None => !is_weekend(d),
            };
            if is_working {
                count += 1;
                working.push(offset as u32);
            }
            cumulative.push(count);
        }
        DenseIndex {
            start: Some(start),
            cumulative,
            working,
        }
    }

    fn offset(&self, d: NaiveDate) -> Option<usize> {
        let start = self.start?;
        let off = usize::try_from((d - start).num_days()).ok()?;
        (off < self.cumulative.len()).then_some(off)
    }

    fn is_working(&self, d: NaiveDate) -> Option<bool> {
        let off = self.offset(d)?;
        let before = if off == 0 {
            0
        } else {
            self.cumulative[off - 1]
        };
        Some(self.cumulative[off] > before)
    }

    fn add(&self, from: NaiveDate, n: u32) -> Option<NaiveDate> {
        let off = self.offset(from)?;
        let k = usize::try_from(self.cumulative[off]).ok()? + usize::try_from(n).ok()?;
        let target = *self.working.get(k.checked_sub(1)?)?;
        self.start?.checked_add_days(Days::new(u64::from(target)))
    }

    fn between(&self, a: NaiveDate, b: NaiveDate) -> Option<i64> {
        let (oa, ob) = (self.offset(a)?, self.offset(b)?);
        Some(i64::from(self.cumulative[ob]) - i64::from(self.cumulative[oa]))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn day_one_of_chrono_is_a_monday() {
        // weekday_number relies on it.
        assert_eq!(d(1, 1, 1).num_days_from_ce(), 1);
        assert_eq!(d(1, 1, 1).weekday(), Weekday::Mon);
    }

    #[test]
    fn weekday_number_counts_weekdays() {
        let cal = Calendar::weekends_only();
        // Mon 16 Nov 2026 .. Sun 22 Nov: (16, 22] has Tue–Fri = 4.
        assert_eq!(
            cal.working_days_between(d(2026, 11, 16), d(2026, 11, 22)),
            4
        );
        assert_eq!(
            cal.working_days_between(d(2026, 11, 21), d(2026, 11, 22)),
            0
        );
        assert_eq!(cal.working_days_between(d(-5, 1, 1), d(-5, 1, 1)), 0);
    }

    #[test]
    fn add_weekdays_from_a_weekend() {
        // Sat 21 Nov 2026: 1st weekday after is Mon 23, 5th is Fri 27.
        assert_eq!(add_weekdays(d(2026, 11, 21), 1), Ok(d(2026, 11, 23)));
        assert_eq!(add_weekdays(d(2026, 11, 21), 5), Ok(d(2026, 11, 27)));
        assert_eq!(add_weekdays(d(2026, 11, 22), 6), Ok(d(2026, 11, 30)));
    }

    #[test]
    fn extremes_do_not_panic() {
        let cal = Calendar::weekends_only();
        assert_eq!(
            cal.add_working_days(NaiveDate::MAX, 1),
            Err(CalendarError::OutOfRange)
        );
        assert_eq!(
            cal.add_calendar_days(NaiveDate::MAX, 1),
            Err(CalendarError::OutOfRange)
        );
        assert_eq!(
            cal.add_working_days(NaiveDate::MIN, u32::MAX),
            Err(CalendarError::OutOfRange)
        );
        assert!(cal.previous_working_day(NaiveDate::MIN).is_err());
        let n = cal.working_days_between(NaiveDate::MIN, NaiveDate::MAX);
        assert!(n > 0);
        assert!(!cal.uncertainty(NaiveDate::MIN, NaiveDate::MAX).is_empty());
    }
}

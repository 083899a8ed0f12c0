//! The supervisor's dashboard (issue 10, items 1, 5 and 6): per officer and in total, how many
//! cases are in each bucket (open, overdue, due today, due within one and within N working days,
//! extended, extension notices owed, answered this week, this month, late), the cases due per
//! working day over the next two weeks, and whether the calendar covers what lies ahead.
//!
//! The counts are made once, here, from the service's queue rows of today (see [`super::rows`]),
//! with [`Bucket::holds`]: the same test the queue header counts with and the queue a dashboard
//! cell opens filters with, so a number on the dashboard is always the number of rows its queue
//! shows.

use std::collections::BTreeMap;

use chrono::{Datelike, Days, NaiveDate};
use serde::{Deserialize, Serialize};

use super::queue::{QueueRow, Urgency};
use crate::domain::calendar::{Calendar, Names, Uncertainty, YearStatus};
use crate::i18n::Lang;

/// How far ahead the calendar must be known (issue 10, item 6): about three months of working
/// days, time enough for an office to add next year's transfer order before a term reaches it.
pub const CALENDAR_HORIZON_WORKING_DAYS: u32 = 60;

/// How many working days the chart of due cases shows: two weeks.
pub const CHART_WORKING_DAYS: u32 = 10;

/// The default of "due within N working days" (`due_within` in the console's config.toml).
pub const DEFAULT_DUE_WITHIN: u32 = 2;

/// The largest N a dashboard is asked for: beyond two months the bucket says nothing useful,
/// and a bound keeps a hostile request from asking for a walk over centuries.
pub const MAX_DUE_WITHIN: u32 = 60;

/// A column of the dashboard: which cases one count counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Bucket {
    /// Not closed: what the default queue shows.
    Open,
    /// The earliest open obligation is past its date.
    Overdue,
    /// The earliest open obligation is due today.
    DueToday,
    /// The earliest open obligation is due on the next working day.
    DueWithinOne,
    /// The earliest open obligation is due on one of the next N working days (not today, which
    /// has its own column): the warning before the deadline of issue 10, item 5.
    DueWithin,
    /// Open and extended (Art. 25.4).
    Extended,
    /// Open and an extension notice is owed (Art. 25.4 ¶2).
    NoticesOwed,
    /// The answer or result went out this week (Monday to today), closed since or not.
    AnsweredWeek,
    /// The answer or result went out this month (the 1st to today).
    AnsweredMonth,
    /// Answered this month, after the due date (Art. 25.2, Art. 5.2.7).
    AnsweredLate,
}

impl Bucket {
    /// Every bucket, in the order of the dashboard's columns.
    pub const ALL: [Bucket; 10] = [
        Bucket::Open,
        Bucket::Overdue,
        Bucket::DueToday,
        Bucket::DueWithinOne,
        Bucket::DueWithin,
        Bucket::Extended,
        Bucket::NoticesOwed,
        Bucket::AnsweredWeek,
        Bucket::AnsweredMonth,
        Bucket::AnsweredLate,
    ];

    /// The name on the command line (`:due-within`) and in the wire protocol.
    pub fn name(self) -> &'static str {
        match self {
            Bucket::Open => "open",
            Bucket::Overdue => "overdue",
            Bucket::DueToday => "due-today",
            Bucket::DueWithinOne => "due-soon",
            Bucket::DueWithin => "due-within",
            Bucket::Extended => "extended",
            Bucket::NoticesOwed => "notices",
            Bucket::AnsweredWeek => "answered-week",
            Bucket::AnsweredMonth => "answered-month",
            Bucket::AnsweredLate => "answered-late",
        }
    }

    /// The catalogue key of its title (with a `.short` attribute for narrow screens).
    pub fn i18n_key(self) -> &'static str {
        match self {
            Bucket::Open => "dashboard-bucket-open",
            Bucket::Overdue => "dashboard-bucket-overdue",
            Bucket::DueToday => "dashboard-bucket-due-today",
            Bucket::DueWithinOne => "dashboard-bucket-due-soon",
            Bucket::DueWithin => "dashboard-bucket-due-within",
            Bucket::Extended => "dashboard-bucket-extended",
            Bucket::NoticesOwed => "dashboard-bucket-notices",
            Bucket::AnsweredWeek => "dashboard-bucket-answered-week",
            Bucket::AnsweredMonth => "dashboard-bucket-answered-month",
            Bucket::AnsweredLate => "dashboard-bucket-answered-late",
        }
    }

    /// Whether `row` (a queue row computed for `h.today`) is in the bucket. The one definition:
    /// the dashboard counts with it, the queue header counts with it and the queue a dashboard
    /// cell opens filters with it.
    pub fn holds(self, row: &QueueRow, h: &Horizon) -> bool {
        let open = row.urgency != Urgency::Closed;
        let answered_since = |from: NaiveDate| {
            row.answered
                .as_ref()
                .is_some_and(|a| a.on >= from && a.on <= h.today)
        };
        match self {
            Bucket::Open => open,
            Bucket::Overdue => row.urgency == Urgency::Overdue,
            Bucket::DueToday => row.urgency == Urgency::DueToday,
            Bucket::DueWithinOne => row.urgency == Urgency::DueWithinOneWorkingDay,
            Bucket::DueWithin => {
                open && row
                    .remaining
                    .is_some_and(|r| r >= 1 && r <= i64::from(h.within))
            }
            Bucket::Extended => open && row.badges.extended,
            Bucket::NoticesOwed => open && row.badges.notice_owed,
            Bucket::AnsweredWeek => answered_since(h.week_start()),
            Bucket::AnsweredMonth => answered_since(h.month_start()),
            Bucket::AnsweredLate => {
                answered_since(h.month_start()) && row.answered.as_ref().is_some_and(|a| a.late)
            }
        }
    }
}

/// The day the buckets are reckoned on, and the N of "due within N working days".
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Horizon {
    pub today: NaiveDate,
    pub within: u32,
}

impl Horizon {
    pub fn new(today: NaiveDate, within: u32) -> Horizon {
        Horizon {
            today,
            within: within.min(MAX_DUE_WITHIN),
        }
    }

    /// The Monday of today's week.
    pub fn week_start(&self) -> NaiveDate {
        let back = u64::from(self.today.weekday().num_days_from_monday());
        self.today
            .checked_sub_days(Days::new(back))
            .unwrap_or(self.today)
    }

    /// The first day of today's month.
    pub fn month_start(&self) -> NaiveDate {
        self.today.with_day(1).unwrap_or(self.today)
    }
}

/// How many cases are in each bucket.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Counts([u32; Bucket::ALL.len()]);

impl Counts {
    pub fn get(&self, b: Bucket) -> u32 {
        self.0[b as usize]
    }

    /// Counts `row` in every bucket that holds it.
    pub fn add(&mut self, row: &QueueRow, h: &Horizon) {
        for b in Bucket::ALL {
            if b.holds(row, h) {
                self.0[b as usize] += 1;
            }
        }
    }

    /// Adds another line's counts (for the totals).
    pub fn merge(&mut self, other: &Counts) {
        for (a, b) in self.0.iter_mut().zip(other.0) {
            *a += b;
        }
    }
}

/// One line of the dashboard: an officer's cases, or the unassigned ones.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Line {
    /// The officer's login; `None`: the cases nobody is assigned to.
    pub login: Option<String>,
    /// The officer's name as the users list has it (empty when the login is not a user).
    #[serde(default)]
    pub name: String,
    pub counts: Counts,
    /// Open cases whose earliest open obligation falls on each day of [`Dashboard::days`].
    pub due_per_day: Vec<u32>,
}

/// What the dashboard shows, computed once in the service.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Dashboard {
    pub horizon: Horizon,
    /// The officers' lines (by login), then the unassigned line last.
    pub lines: Vec<Line>,
    /// Every line added up.
    pub total: Line,
    /// The next [`CHART_WORKING_DAYS`] working days from today (today first if it is one).
    pub days: Vec<NaiveDate>,
    /// Whether the calendar covers the next [`CALENDAR_HORIZON_WORKING_DAYS`] working days.
    pub calendar: CalendarCheck,
    /// The past day the counts are taken on (every case as it stood at the end of it), or
    /// `None` for today's dashboard (issue 10, item 3; see [`super::asof`]).
    #[serde(default)]
    pub as_of: Option<NaiveDate>,
    /// Calendar entries corrected after `as_of`: the counts use the corrected calendar, which
    /// the office did not have on that day, and an inspector must be told so.
    #[serde(default)]
    pub corrections: Vec<super::report::Correction>,
}

/// Which lines the caller sees: every officer's (supervisors and auditors), or their own and
/// the unassigned one (an officer, who sees only those cases: issue 9, roles).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Lines {
    Everyone {
        /// Officers who get a line even with no case (an idle officer is news to a supervisor).
        officers: Vec<(String, String)>,
    },
    Own {
        login: String,
        name: String,
    },
}

/// The dashboard of `rows` (the queue rows of `h.today`) for the caller whose lines are `lines`.
pub fn tally<'a>(
    rows: impl IntoIterator<Item = &'a QueueRow>,
    h: &Horizon,
    lines: &Lines,
    cal: &Calendar,
) -> Dashboard {
    let days = chart_days(cal, h.today);
    let mut by_login: BTreeMap<Option<String>, Line> = BTreeMap::new();
    let blank = |login: Option<String>, name: String| Line {
        login,
        name,
        counts: Counts::default(),
        due_per_day: vec![0; days.len()],
    };
    match lines {
        Lines::Everyone { officers } => {
            for (login, name) in officers {
                by_login.insert(
                    Some(login.clone()),
                    blank(Some(login.clone()), name.clone()),
                );
            }
        }
        Lines::Own { login, name } => {
            by_login.insert(
                Some(login.clone()),
                blank(Some(login.clone()), name.clone()),
            );
        }
    }
    by_login.insert(None, blank(None, String::new()));
    for row in rows {
        let seen = match lines {
            Lines::Everyone { .. } => true,
            Lines::Own { login, .. } => {
                row.assignee.is_none() || row.assignee.as_deref() == Some(login.as_str())
            }
        };
        if !seen {
            continue;
        }
        let line = by_login
            .entry(row.assignee.clone())
            .or_insert_with(|| blank(row.assignee.clone(), String::new()));
        line.counts.add(row, h);
        if row.urgency != Urgency::Closed
            && let Some(i) = row
                .next_due
                .and_then(|due| days.iter().position(|d| *d == due))
        {
            line.due_per_day[i] += 1;
        }
    }
    let mut total = blank(None, String::new());
    for line in by_login.values() {
        total.counts.merge(&line.counts);
        for (t, n) in total.due_per_day.iter_mut().zip(&line.due_per_day) {
            *t += n;
        }
    }
    // Officers by login, the unassigned line (the `None` key, first in a BTreeMap) last.
    let mut lines: Vec<Line> = by_login.into_values().collect();
    lines.rotate_left(1);
    Dashboard {
        horizon: *h,
        lines,
        total,
        days,
        calendar: calendar_check(cal, h.today, CALENDAR_HORIZON_WORKING_DAYS),
        as_of: None,
        corrections: Vec::new(),
    }
}

/// The working days the chart shows: today if it is one, and the following ones, up to
/// [`CHART_WORKING_DAYS`] (fewer only at the end of the dates chrono can represent).
pub fn chart_days(cal: &Calendar, today: NaiveDate) -> Vec<NaiveDate> {
    let mut days = Vec::with_capacity(CHART_WORKING_DAYS as usize);
    let mut next = cal.working_day_on_or_after(today).ok();
    while let Some(d) = next {
        if days.len() == CHART_WORKING_DAYS as usize {
            break;
        }
        days.push(d);
        next = cal.add_working_days(d, 1).ok();
    }
    days
}

/// Why the calendar cannot be trusted for the working days ahead.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "gap", rename_all = "kebab-case")]
pub enum CalendarGap {
    /// No data for the year: only weekends would be skipped (DESIGN 1.1: the engine never
    /// guesses, so every date there is provisional).
    NotCovered { year: i32 },
    /// The year's data is provisional (its transfer order not yet published).
    Provisional { year: i32 },
    /// A day off whose date is only estimated (Kurban Ait before it is announced).
    Estimated { date: NaiveDate, name: Names },
}

/// Whether the calendar covers the working days ahead (issue 10, item 6).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CalendarCheck {
    pub today: NaiveDate,
    /// The last of the working days checked (counted as the calendar knows them).
    pub until: NaiveDate,
    /// The last day of the last year with final data, without a gap from today's year; `None`
    /// when today's year itself is not final.
    pub covered_until: Option<NaiveDate>,
    /// What is wrong in the window; empty: the calendar covers it.
    pub gaps: Vec<CalendarGap>,
}

impl CalendarCheck {
    pub fn is_covered(&self) -> bool {
        self.gaps.is_empty()
    }
}

impl CalendarGap {
    /// What to say of it: a catalogue key and its arguments in `lang` (the entry's name from
    /// the calendar data in that language), for the dashboard and `merzim calendar check`.
    pub fn words(
        &self,
        lang: Lang,
        check: &CalendarCheck,
    ) -> (&'static str, Vec<(&'static str, String)>) {
        let window = [
            ("days", CALENDAR_HORIZON_WORKING_DAYS.to_string()),
            ("until", check.until.to_string()),
        ];
        let (key, mut args) = match self {
            CalendarGap::NotCovered { year } => {
                ("calendar-gap-not-covered", vec![("year", year.to_string())])
            }
            CalendarGap::Provisional { year } => {
                ("calendar-gap-provisional", vec![("year", year.to_string())])
            }
            CalendarGap::Estimated { date, name } => {
                let name = match lang {
                    Lang::Kk => &name.kk,
                    Lang::Ru => &name.ru,
                    Lang::En => &name.en,
                };
                (
                    "calendar-gap-estimated",
                    vec![("date", date.to_string()), ("name", name.clone())],
                )
            }
        };
        args.extend(window);
        (key, args)
    }
}

/// Whether `cal` covers the next `working_days` working days after `today` with final data and
/// no estimated entry.
pub fn calendar_check(cal: &Calendar, today: NaiveDate, working_days: u32) -> CalendarCheck {
    let until = cal
        .add_working_days(today, working_days)
        .unwrap_or(NaiveDate::MAX);
    let years: BTreeMap<i32, YearStatus> = cal.years().map(|y| (y.year, y.status)).collect();
    let mut covered_until = None;
    let mut year = today.year();
    while years.get(&year) == Some(&YearStatus::Final) {
        covered_until = NaiveDate::from_ymd_opt(year, 12, 31);
        year += 1;
    }
    let gaps = cal
        .uncertainty(today, until)
        .into_iter()
        .map(|u| match u {
            Uncertainty::YearNotCovered { year } => CalendarGap::NotCovered { year },
            Uncertainty::YearProvisional { year } => CalendarGap::Provisional { year },
            Uncertainty::EstimatedEntry { date, name } => CalendarGap::Estimated {
                date,
                name: cal.entry(date).map_or_else(
                    || Names {
                        kk: name.clone(),
                        ru: name.clone(),
                        en: name.clone(),
                    },
                    |e| e.name.clone(),
                ),
            },
        })
        .collect();
    CalendarCheck {
        today,
        until,
        covered_until,
        gaps,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::calendar::{CalendarEntry, EntryKind, YearInfo};

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn year(y: i32, status: YearStatus) -> YearInfo {
        YearInfo {
            year: y,
            status,
            note: None,
            sources: Vec::new(),
        }
    }

    fn kurban(date: NaiveDate, estimated: bool) -> CalendarEntry {
        CalendarEntry {
            date,
            kind: EntryKind::ReligiousDayOff,
            name: Names {
                kk: "Құрбан айт".into(),
                ru: "Курбан айт".into(),
                en: "Kurban Ait".into(),
            },
            source: "test".into(),
            estimated,
            moved_from: None,
            swap_with: None,
            corrected_on: None,
        }
    }

    #[test]
    fn near_the_end_of_the_last_year_the_next_one_is_missing() {
        let cal = Calendar::new(Vec::new(), vec![year(2026, YearStatus::Final)]);
        let c = calendar_check(&cal, d(2026, 11, 23), CALENDAR_HORIZON_WORKING_DAYS);
        assert_eq!(c.covered_until, Some(d(2026, 12, 31)));
        assert_eq!(c.gaps, vec![CalendarGap::NotCovered { year: 2027 }]);
        // In spring the 60 working days stay inside the year: covered.
        let c = calendar_check(&cal, d(2026, 3, 2), CALENDAR_HORIZON_WORKING_DAYS);
        assert!(c.is_covered(), "{c:?}");
        assert!(c.until < d(2026, 6, 1), "{}", c.until);
    }

    #[test]
    fn an_estimated_entry_or_a_provisional_year_in_the_window_is_a_gap() {
        let cal = Calendar::new(
            vec![kurban(d(2027, 5, 17), true)],
            vec![year(2026, YearStatus::Final), year(2027, YearStatus::Final)],
        );
        let c = calendar_check(&cal, d(2027, 4, 1), CALENDAR_HORIZON_WORKING_DAYS);
        assert_eq!(c.covered_until, Some(d(2027, 12, 31)));
        assert!(
            matches!(&c.gaps[..], [CalendarGap::Estimated { date, name }]
                if *date == d(2027, 5, 17) && name.kk == "Құрбан айт"),
            "{c:?}"
        );
        // The same entry once announced is no gap.
        let fixed = Calendar::new(
            vec![kurban(d(2027, 5, 17), false)],
            vec![year(2027, YearStatus::Final)],
        );
        assert!(calendar_check(&fixed, d(2027, 4, 1), 60).is_covered());
        let provisional = Calendar::new(Vec::new(), vec![year(2027, YearStatus::Provisional)]);
        assert_eq!(
            calendar_check(&provisional, d(2027, 4, 1), 60).gaps,
            vec![CalendarGap::Provisional { year: 2027 }]
        );
    }

    #[test]
    fn the_chart_shows_ten_working_days_from_today_or_the_next_working_day() {
        let cal = Calendar::weekends_only();
        let days = chart_days(&cal, d(2026, 11, 21)); // a Saturday
        assert_eq!(days.len(), 10);
        assert_eq!(days[0], d(2026, 11, 23));
        assert_eq!(days[9], d(2026, 12, 4));
        assert!(days.iter().all(|d| cal.is_working_day(*d)));
    }

    #[test]
    fn the_week_starts_on_monday_and_the_month_on_the_first() {
        let h = Horizon::new(d(2026, 11, 26), 2);
        assert_eq!(h.week_start(), d(2026, 11, 23));
        assert_eq!(h.month_start(), d(2026, 11, 1));
        assert_eq!(Horizon::new(d(2026, 11, 26), 10_000).within, MAX_DUE_WITHIN);
    }
}

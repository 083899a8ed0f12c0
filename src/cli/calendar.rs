//! `merzim calendar ...`: working-day arithmetic from the shell.

use chrono::{Datelike, NaiveDate};
use clap::Subcommand;

use super::{Failure, parse_date};
use crate::domain::calendar::{DayNote, EntryKind, Explanation, YearStatus};
use crate::reference::Reference;

#[derive(Debug, Subcommand)]
pub enum CalendarCmd {
    /// The N-th working day after DATE (DATE itself never counts).
    AddWorkingDays {
        #[arg(value_parser = parse_date)]
        date: NaiveDate,
        n: u32,
    },
    /// DATE + N calendar days, moved to the next working day if it is not one.
    AddCalendarDays {
        #[arg(value_parser = parse_date)]
        date: NaiveDate,
        n: u32,
    },
    /// Day by day: how DATE + N working days (or calendar days) is reached.
    Explain {
        #[arg(value_parser = parse_date)]
        date: NaiveDate,
        n: u32,
        /// Count calendar days instead of working days.
        #[arg(long)]
        calendar_days: bool,
    },
    /// Working days in (FROM, TO]: FROM never counts, TO does.
    Between {
        #[arg(value_parser = parse_date)]
        from: NaiveDate,
        #[arg(value_parser = parse_date)]
        to: NaiveDate,
    },
    /// Whether DATE is a working day, and why.
    Day {
        #[arg(value_parser = parse_date)]
        date: NaiveDate,
    },
    /// Which years the calendar covers, and whether next year's is missing.
    Coverage,
}

pub fn run(cmd: &CalendarCmd, r: &Reference, today: NaiveDate) -> Result<(), Failure> {
    let cal = &r.calendar;
    let mark = |from: NaiveDate, to: NaiveDate| {
        let u = cal.uncertainty(from, to);
        if u.is_empty() {
            String::new()
        } else {
            let why: Vec<String> = u.iter().map(ToString::to_string).collect();
            format!("  (provisional: {})", why.join("; "))
        }
    };
    match cmd {
        CalendarCmd::AddWorkingDays { date, n } => {
            let d = cal.add_working_days(*date, *n).map_err(Failure::input)?;
            println!("{d}{}", mark(*date, d));
        }
        CalendarCmd::AddCalendarDays { date, n } => {
            let d = cal.add_calendar_days(*date, *n).map_err(Failure::input)?;
            println!("{d}{}", mark(*date, d));
        }
        CalendarCmd::Explain {
            date,
            n,
            calendar_days,
        } => {
            let e = if *calendar_days {
                cal.explain_calendar_days(*date, *n)
            } else {
                cal.explain_working_days(*date, *n)
            }
            .map_err(Failure::input)?;
            print!("{}", render_explanation(&e, *n, *calendar_days));
        }
        CalendarCmd::Between { from, to } => {
            println!(
                "{}{}",
                cal.working_days_between(*from, *to),
                mark(*from, *to)
            );
        }
        CalendarCmd::Day { date } => {
            let status = cal.day_status(*date);
            let what = match cal.entry(*date) {
                Some(e) => format!("{} ({}; {})", e.name.en, e.kind, e.source),
                None if status.is_working() => "ordinary working day".to_string(),
                None => "weekend".to_string(),
            };
            let word = if status.is_working() {
                "working"
            } else {
                "day-off"
            };
            println!(
                "{date} {} {word}: {what}{}",
                date.weekday(),
                mark(date.pred_opt().unwrap_or(*date), *date)
            );
        }
        CalendarCmd::Coverage => {
            for y in cal.years() {
                let status = match y.status {
                    YearStatus::Final => "final",
                    YearStatus::Provisional => "provisional",
                };
                let estimated = cal
                    .entries()
                    .filter(|e| e.date.year() == y.year && e.estimated)
                    .count();
                print!("{} {status}", y.year);
                if estimated > 0 {
                    print!(", {estimated} estimated date(s)");
                }
                match &y.note {
                    Some(note) if y.status == YearStatus::Provisional => println!(": {note}"),
                    _ => println!(),
                }
            }
            if let Some(w) = coverage_warning(r, today) {
                println!("warning: {w}");
            }
        }
    }
    Ok(())
}

/// DESIGN 1.1: a missing next-year calendar is warned about.
pub fn coverage_warning(r: &Reference, today: NaiveDate) -> Option<String> {
    let next = today.year() + 1;
    let covered = |y: i32| r.calendar.years().any(|i| i.year == y);
    if !covered(today.year()) {
        Some(format!(
            "the calendar has no data for this year ({}): deadlines skip weekends only and are provisional",
            today.year()
        ))
    } else if !covered(next) {
        Some(format!(
            "the calendar has no data for {next}: deadlines running into it are provisional; add next year's calendar"
        ))
    } else {
        None
    }
}

/// The day-by-day explanation as text (English; the console shows it translated).
pub fn render_explanation(e: &Explanation, n: u32, calendar_days: bool) -> String {
    use std::fmt::Write;
    let mut out = String::new();
    let unit = if calendar_days { "calendar" } else { "working" };
    let _ = writeln!(
        out,
        "{} + {n} {unit} days = {}  ({} is not counted)",
        e.from, e.result, e.from
    );
    for day in &e.days {
        let counted = match day.counted {
            Some(k) => format!("{k:>4}"),
            None => "   -".to_string(),
        };
        let note = match &day.note {
            DayNote::Working => "working day".to_string(),
            DayNote::Weekend => "weekend".to_string(),
            DayNote::DayOff {
                entry_kind,
                name,
                source,
                estimated,
            } => {
                let kind = match entry_kind {
                    EntryKind::PublicHoliday => "public holiday",
                    EntryKind::MovedDayOff => "day off moved from a weekend holiday",
                    EntryKind::ReligiousDayOff => "religious day off",
                    EntryKind::TransferredDayOff => "day off by transfer",
                    EntryKind::TransferredWorkingDay => "working day by transfer",
                };
                let est = if *estimated { ", estimated date" } else { "" };
                format!("{kind}: {} ({source}{est})", name.en)
            }
            DayNote::WorkedByTransfer { name, source } => {
                format!("working day by transfer: {} ({source})", name.en)
            }
            DayNote::CalendarEnd => {
                "term ends on a day off: moved to the next working day".to_string()
            }
        };
        let _ = writeln!(out, "{} {} {counted}  {note}", day.date, day.date.weekday());
    }
    for u in &e.uncertain {
        let _ = writeln!(out, "provisional: {u}");
    }
    out
}

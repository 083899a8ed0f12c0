//! `merzim calendar ...`: working-day arithmetic from the shell.

use chrono::{Datelike, NaiveDate};
use clap::Subcommand;

use super::output::Out;
use super::{Failure, Ui, error_line, parse_date};
use crate::domain::calendar::{
    CalendarError, DayNote, EntryKind, Explanation, Names, Uncertainty, YearStatus,
};
use crate::i18n::Lang;
use crate::reference::Reference;
use crate::service::dashboard::{CALENDAR_HORIZON_WORKING_DAYS, calendar_check};

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
    /// Whether the calendar covers the next 60 working days with final data (exit status 1,
    /// with a line per problem, when it does not): run it from cron so that next year's
    /// transfer order is added in time.
    Check,
}

/// A name from the calendar data in the reader's language.
fn name_in<'a>(ui: &Ui, names: &'a Names) -> &'a str {
    match ui.lang {
        Lang::Kk => &names.kk,
        Lang::Ru => &names.ru,
        Lang::En => &names.en,
    }
}

/// The weekday's short name in the reader's language.
pub fn weekday(ui: &Ui, date: NaiveDate) -> String {
    ui.t(
        &format!("weekday-{}", date.weekday().number_from_monday()),
        &[],
    )
}

/// Why a date may still change, in the reader's language.
pub fn uncertainty(ui: &Ui, u: &Uncertainty) -> String {
    match u {
        Uncertainty::YearNotCovered { year } => ui.t(
            "cli-uncertain-not-covered",
            &[("year", year.to_string().into())],
        ),
        Uncertainty::YearProvisional { year } => ui.t(
            "cli-uncertain-provisional",
            &[("year", year.to_string().into())],
        ),
        Uncertainty::EstimatedEntry { date, name } => ui.t(
            "cli-uncertain-estimated",
            &[
                ("name", name.as_str().into()),
                ("date", date.to_string().into()),
            ],
        ),
    }
}

pub fn run(cmd: &CalendarCmd, r: &Reference, today: NaiveDate, ui: &Ui) -> Result<(), Failure> {
    let cal = &r.calendar;
    let mut out = Out::new(ui);
    let mark = |from: NaiveDate, to: NaiveDate| {
        let u = cal.uncertainty(from, to);
        if u.is_empty() {
            String::new()
        } else {
            let why: Vec<String> = u.iter().map(|u| uncertainty(ui, u)).collect();
            format!(
                "  {}",
                ui.t("cli-provisional-mark", &[("why", why.join("; ").into())])
            )
        }
    };
    let failed = |e: CalendarError| Failure::input(error_line(&e.into(), ui));
    match cmd {
        CalendarCmd::AddWorkingDays { date, n } => {
            let d = cal.add_working_days(*date, *n).map_err(failed)?;
            out.text(&format!("{d}{}", mark(*date, d)))?;
        }
        CalendarCmd::AddCalendarDays { date, n } => {
            let d = cal.add_calendar_days(*date, *n).map_err(failed)?;
            out.text(&format!("{d}{}", mark(*date, d)))?;
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
            .map_err(failed)?;
            out.text(&render_explanation(&e, *n, *calendar_days, ui))?;
        }
        CalendarCmd::Between { from, to } => {
            out.text(&format!(
                "{}{}",
                cal.working_days_between(*from, *to),
                mark(*from, *to)
            ))?;
        }
        CalendarCmd::Day { date } => {
            let status = cal.day_status(*date);
            let what = match cal.entry(*date) {
                Some(e) => format!(
                    "{} ({}; {})",
                    name_in(ui, &e.name),
                    entry_kind(ui, e.kind),
                    e.source
                ),
                None if status.is_working() => ui.t("cli-ordinary-working-day", &[]),
                None => ui.t("cli-weekend", &[]),
            };
            let state = if status.is_working() {
                ui.t("cli-state-working", &[])
            } else {
                ui.t("cli-state-day-off", &[])
            };
            out.text(&format!(
                "{date} {} {state}: {what}{}",
                weekday(ui, *date),
                mark(date.pred_opt().unwrap_or(*date), *date)
            ))?;
        }
        CalendarCmd::Check => {
            let check = calendar_check(cal, today, CALENDAR_HORIZON_WORKING_DAYS);
            if check.is_covered() {
                let covered = check.covered_until.unwrap_or(check.until);
                out.text(&ui.t(
                    "calendar-covered-until",
                    &[
                        ("date", covered.to_string().into()),
                        ("days", CALENDAR_HORIZON_WORKING_DAYS.into()),
                        ("until", check.until.to_string().into()),
                    ],
                ))?;
            } else {
                for gap in &check.gaps {
                    let (key, args) = gap.words(ui.lang, &check);
                    let args: Vec<(&str, crate::i18n::Arg)> = args
                        .iter()
                        .map(|(k, v)| (*k, crate::i18n::Arg::from(v.as_str())))
                        .collect();
                    out.text(&ui.t("cli-warning", &[("text", ui.t(key, &args).into())]))?;
                }
                out.finish()?;
                return Err(Failure::other(ui.t(
                    "calendar-check-failed",
                    &[
                        ("days", CALENDAR_HORIZON_WORKING_DAYS.into()),
                        ("count", check.gaps.len().into()),
                    ],
                )));
            }
        }
        CalendarCmd::Coverage => {
            for y in cal.years() {
                let year = y.year.to_string();
                let mut line = match y.status {
                    YearStatus::Final => ui.t("cli-year-final", &[("year", year.into())]),
                    YearStatus::Provisional => {
                        ui.t("cli-year-provisional", &[("year", year.into())])
                    }
                };
                let estimated = cal
                    .entries()
                    .filter(|e| e.date.year() == y.year && e.estimated)
                    .count();
                if estimated > 0 {
                    line.push_str(&ui.t("cli-year-estimated", &[("count", estimated.into())]));
                }
                if let Some(note) = &y.note
                    && y.status == YearStatus::Provisional
                {
                    line.push_str(": ");
                    line.push_str(note);
                }
                out.text(&line)?;
            }
            if let Some(w) = coverage_warning(r, today, ui) {
                out.text(&ui.t("cli-warning", &[("text", w.into())]))?;
            }
        }
    }
    out.finish()
}

/// DESIGN 1.1: a missing next-year calendar is warned about.
pub fn coverage_warning(r: &Reference, today: NaiveDate, ui: &Ui) -> Option<String> {
    let next = today.year() + 1;
    let covered = |y: i32| r.calendar.years().any(|i| i.year == y);
    if !covered(today.year()) {
        Some(ui.t(
            "cli-coverage-no-this-year",
            &[("year", today.year().to_string().into())],
        ))
    } else if !covered(next) {
        Some(ui.t(
            "cli-coverage-no-next-year",
            &[("year", next.to_string().into())],
        ))
    } else {
        None
    }
}

/// The kind of a calendar entry, in words.
fn entry_kind(ui: &Ui, kind: EntryKind) -> String {
    let key = match kind {
        EntryKind::PublicHoliday => "cli-entry-public-holiday",
        EntryKind::MovedDayOff => "cli-entry-moved-day-off",
        EntryKind::ReligiousDayOff => "cli-entry-religious-day-off",
        EntryKind::TransferredDayOff => "cli-entry-transferred-day-off",
        EntryKind::TransferredWorkingDay => "cli-entry-transferred-working-day",
    };
    ui.t(key, &[])
}

/// The day-by-day explanation as text, in the reader's language.
pub fn render_explanation(e: &Explanation, n: u32, calendar_days: bool, ui: &Ui) -> String {
    use std::fmt::Write;
    let mut out = String::new();
    let key = if calendar_days {
        "cli-explain-calendar-days"
    } else {
        "cli-explain-working-days"
    };
    let _ = writeln!(
        out,
        "{}",
        ui.t(
            key,
            &[
                ("from", e.from.to_string().into()),
                ("n", n.into()),
                ("result", e.result.to_string().into()),
            ],
        )
    );
    for day in &e.days {
        let counted = match day.counted {
            Some(k) => format!("{k:>4}"),
            None => "   -".to_string(),
        };
        let note = match &day.note {
            DayNote::Working => ui.t("cli-note-working-day", &[]),
            DayNote::Weekend => ui.t("cli-weekend", &[]),
            DayNote::DayOff {
                entry_kind: kind,
                name,
                source,
                estimated,
            } => {
                let est = if *estimated {
                    ui.t("cli-note-estimated", &[])
                } else {
                    String::new()
                };
                format!(
                    "{}: {} ({source}{est})",
                    entry_kind(ui, *kind),
                    name_in(ui, name)
                )
            }
            DayNote::WorkedByTransfer { name, source } => format!(
                "{}: {} ({source})",
                entry_kind(ui, EntryKind::TransferredWorkingDay),
                name_in(ui, name)
            ),
            DayNote::CalendarEnd => ui.t("cli-note-calendar-end", &[]),
        };
        let _ = writeln!(
            out,
            "{} {} {counted}  {note}",
            day.date,
            weekday(ui, day.date)
        );
    }
    for u in &e.uncertain {
        let _ = writeln!(
            out,
            "{}",
            ui.t(
                "cli-provisional-line",
                &[("why", uncertainty(ui, u).into())]
            )
        );
    }
    out
}

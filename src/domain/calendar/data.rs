//! The calendar data files (`data/calendars/*.toml`): parsing, validation, merging.
//!
//! Parsing works on text; reading the files is the caller's business (the domain does no I/O).
//! Later files override earlier ones: a day entry replaces the entry of the same date, a year
//! record replaces the record of the same year, and `[[cancel]]` removes an earlier entry (for an
//! office whose estimated date turned out wrong).

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate, Weekday};
use serde::Deserialize;
use thiserror::Error;

use super::{Calendar, CalendarEntry, EntryKind, Names, YearInfo, YearStatus};

/// A calendar file that cannot be used. Nothing of it is applied.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error("calendar file '{file}': {message}")]
pub struct CalendarDataError {
    pub file: String,
    pub message: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct FileToml {
    calendar: HeaderToml,
    #[serde(default)]
    year: Vec<YearToml>,
    #[serde(default)]
    day: Vec<DayToml>,
    #[serde(default)]
    cancel: Vec<CancelToml>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct HeaderToml {
    id: String,
    #[serde(default)]
    #[allow(dead_code)] // informative only: the zone of "today" is configured elsewhere
    zone: Option<String>,
    #[serde(default)]
    #[allow(dead_code)]
    sources: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct YearToml {
    year: i32,
    status: String,
    #[serde(default)]
    note: Option<String>,
    #[serde(default)]
    sources: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct DayToml {
    date: toml::value::Date,
    kind: String,
    name: NamesToml,
    source: String,
    #[serde(default)]
    estimated: bool,
    #[serde(default)]
    moved_from: Option<toml::value::Date>,
    #[serde(default)]
    swap_with: Option<toml::value::Date>,
    #[serde(default)]
    corrected_on: Option<toml::value::Date>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct NamesToml {
    kk: String,
    ru: String,
    en: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct CancelToml {
    date: toml::value::Date,
    #[allow(dead_code)] // kept in the file for people; nothing computes with it
    reason: String,
}

/// One parsed and validated calendar file.
#[derive(Debug, Clone)]
pub struct CalendarFile {
    pub id: String,
    pub years: Vec<YearInfo>,
    pub entries: Vec<CalendarEntry>,
    pub cancelled: Vec<NaiveDate>,
}

fn to_date(d: toml::value::Date) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(i32::from(d.year), u32::from(d.month), u32::from(d.day))
}

fn parse_kind(s: &str) -> Option<EntryKind> {
    EntryKind::ALL.into_iter().find(|k| k.as_str() == s)
}

fn is_weekend(d: NaiveDate) -> bool {
    matches!(d.weekday(), Weekday::Sat | Weekday::Sun)
}

/// Parses and validates one calendar file. `file` names it in error messages.
pub fn parse_file(file: &str, text: &str) -> Result<CalendarFile, CalendarDataError> {
    let err = |message: String| CalendarDataError {
        file: file.to_string(),
        message,
    };
    let raw: FileToml = toml::from_str(text).map_err(|e| err(toml_error(&e, text)))?;
    if raw.calendar.id.trim().is_empty() {
        return Err(err("[calendar] id is empty".into()));
    }
    let mut years = Vec::new();
    for y in raw.year {
        let status = match y.status.as_str() {
            "final" => YearStatus::Final,
            "provisional" => YearStatus::Provisional,
            other => {
                return Err(err(format!(
                    "year {}: status '{other}' is not one of 'final', 'provisional'",
                    y.year
                )));
            }
        };
        if NaiveDate::from_ymd_opt(y.year, 1, 1).is_none() {
            return Err(err(format!("year {} is out of range", y.year)));
        }
        if years.iter().any(|o: &YearInfo| o.year == y.year) {
            return Err(err(format!("year {} is listed twice", y.year)));
        }
        years.push(YearInfo {
            year: y.year,
            status,
            note: y.note,
            sources: y.sources,
        });
    }
    let mut entries: Vec<CalendarEntry> = Vec::new();
    for day in raw.day {
        let date = to_date(day.date).ok_or_else(|| err(format!("'{}' is not a date", day.date)))?;
        let kind = parse_kind(&day.kind).ok_or_else(|| {
            err(format!(
                "{date}: kind '{}' is not one of {}",
                day.kind,
                EntryKind::ALL.map(|k| format!("'{k}'")).join(", ")
            ))
        })?;
        let name = Names {
            kk: day.name.kk,
            ru: day.name.ru,
            en: day.name.en,
        };
        if [&name.kk, &name.ru, &name.en]
            .iter()
            .any(|n| n.trim().is_empty())
        {
            return Err(err(format!("{date}: a name (kk, ru or en) is empty")));
        }
        if day.source.trim().is_empty() {
            return Err(err(format!(
                "{date}: the source is empty; cite the law or the order"
            )));
        }
        if entries.iter().any(|e| e.date == date) {
            return Err(err(format!("{date} is listed twice")));
        }
        let moved_from = day
            .moved_from
            .map(to_date)
            .map(|d| d.ok_or_else(|| err(format!("{date}: moved_from is not a date"))));
        let moved_from = moved_from.transpose()?;
        let swap_with = day
            .swap_with
            .map(to_date)
            .map(|d| d.ok_or_else(|| err(format!("{date}: swap_with is not a date"))));
        let swap_with = swap_with.transpose()?;
        let corrected_on = day
            .corrected_on
            .map(to_date)
            .map(|d| d.ok_or_else(|| err(format!("{date}: corrected_on is not a date"))));
        let corrected_on = corrected_on.transpose()?;
        match kind {
            EntryKind::MovedDayOff => {
                if is_weekend(date) {
                    return Err(err(format!("{date}: a moved day off must be a weekday")));
                }
                match moved_from {
                    Some(m) if m < date => {}
                    Some(m) => {
                        return Err(err(format!(
                            "{date}: moved_from {m} must be before the day it moves to"
                        )));
                    }
                    None => {
                        return Err(err(format!(
                            "{date}: a moved day off needs moved_from (the weekend holiday it replaces)"
                        )));
                    }
                }
            }
            EntryKind::TransferredDayOff | EntryKind::TransferredWorkingDay => {
                let wants_weekend = kind == EntryKind::TransferredWorkingDay;
                if is_weekend(date) != wants_weekend {
                    return Err(err(format!(
                        "{date}: a {kind} must fall on a {}",
                        if wants_weekend {
                            "Saturday or Sunday"
                        } else {
                            "weekday"
                        }
                    )));
                }
                if swap_with.is_none() {
                    return Err(err(format!(
                        "{date}: a {kind} needs swap_with (the other date of the transfer)"
                    )));
                }
            }
            EntryKind::PublicHoliday | EntryKind::ReligiousDayOff => {}
        }
        if moved_from.is_some() && kind != EntryKind::MovedDayOff {
            return Err(err(format!(
                "{date}: moved_from is only for a moved-day-off"
            )));
        }
        if swap_with.is_some()
            && !matches!(
                kind,
                EntryKind::TransferredDayOff | EntryKind::TransferredWorkingDay
            )
        {
            return Err(err(format!("{date}: swap_with is only for transfers")));
        }
        entries.push(CalendarEntry {
            date,
            kind,
            name,
            source: day.source,
            estimated: day.estimated,
            moved_from,
            swap_with,
            corrected_on,
        });
    }
    let mut cancelled = Vec::new();
    for c in raw.cancel {
        cancelled.push(
            to_date(c.date).ok_or_else(|| err(format!("cancel: '{}' is not a date", c.date)))?,
        );
    }
    Ok(CalendarFile {
        id: raw.calendar.id,
        years,
        entries,
        cancelled,
    })
}

/// Merges files in order (later ones override earlier ones) and checks the result as a whole:
/// every entry's year has a year record, transfers are mutual pairs.
pub fn merge(files: &[(String, CalendarFile)]) -> Result<Calendar, CalendarDataError> {
    let mut entries: BTreeMap<NaiveDate, CalendarEntry> = BTreeMap::new();
    let mut years: BTreeMap<i32, YearInfo> = BTreeMap::new();
    for (_, f) in files {
        for d in &f.cancelled {
            entries.remove(d);
        }
        for e in &f.entries {
            entries.insert(e.date, e.clone());
        }
        for y in &f.years {
            years.insert(y.year, y.clone());
        }
    }
    let last = files.last().map(|(n, _)| n.clone()).unwrap_or_default();
    let err = |message: String| CalendarDataError {
        file: last.clone(),
        message,
    };
    for e in entries.values() {
        if !years.contains_key(&e.date.year()) {
            return Err(err(format!(
                "{} is in {}, which has no [[year]] record: add one saying whether the year is final",
                e.date,
                e.date.year()
            )));
        }
        if let Some(other) = e.swap_with {
            let ok = entries
                .get(&other)
                .is_some_and(|o| o.swap_with == Some(e.date) && o.kind != e.kind);
            if !ok {
                return Err(err(format!(
                    "{}: its transfer pair {other} is missing or does not point back",
                    e.date
                )));
            }
        }
    }
    Ok(Calendar::new(
        entries.into_values().collect(),
        years.into_values().collect(),
    ))
}

/// Parses and merges several files given as `(name, text)`, in order.
pub fn load(files: &[(String, String)]) -> Result<Calendar, CalendarDataError> {
    let parsed = files
        .iter()
        .map(|(name, text)| parse_file(name, text).map(|f| (name.clone(), f)))
        .collect::<Result<Vec<_>, _>>()?;
    merge(&parsed)
}

/// A TOML error as one line that says where and why: `line 3, column 7: unknown field
/// 'x', expected ...`. The parser's own text spans several lines (a snippet of the file with a
/// caret), which a status bar or a terminal line cannot show; the reason is what a person needs.
pub fn toml_error(e: &toml::de::Error, text: &str) -> String {
    let reason = one_line(e.message());
    match e.span() {
        Some(span) => {
            let before = text.get(..span.start).unwrap_or(text);
            let line = before.matches('\n').count() + 1;
            let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
            format!("line {line}, column {column}: {reason}")
        }
        None => reason,
    }
}

/// Error texts from the TOML parser span several lines (a snippet of the file); one line is
/// what a person reads in a status bar or a terminal.
fn one_line(s: &str) -> String {
    let mut parts = s
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('|'));
    let mut out = parts.next().unwrap_or("").to_string();
    for p in parts {
        if p.chars().all(|c| c == '^' || c.is_whitespace()) {
            continue;
        }
        out.push_str(": ");
        out.push_str(p);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const MINIMAL: &str = r#"
[calendar]
id = "t"
[[year]]
year = 2024
status = "final"
[[day]]
date = 2024-05-04
kind = "transferred-working-day"
name = { kk = "a", ru = "b", en = "c" }
source = "order"
swap_with = 2024-05-08
[[day]]
date = 2024-05-08
kind = "transferred-day-off"
name = { kk = "a", ru = "b", en = "c" }
source = "order"
swap_with = 2024-05-04
"#;

    #[test]
    fn minimal_file_loads() {
        let cal = load(&[("t".into(), MINIMAL.into())]).unwrap();
        let sat = NaiveDate::from_ymd_opt(2024, 5, 4).unwrap();
        let wed = NaiveDate::from_ymd_opt(2024, 5, 8).unwrap();
        assert!(cal.is_working_day(sat));
        assert!(!cal.is_working_day(wed));
    }

    #[test]
    fn errors_are_one_line_and_name_the_file() {
        let e = load(&[("broken.toml".into(), "[calendar\nid=1".into())]).unwrap_err();
        let msg = e.to_string();
        assert!(msg.starts_with("calendar file 'broken.toml': "), "{msg}");
        assert!(!msg.contains('\n'), "{msg}");
    }

    #[test]
    fn cancel_removes_an_earlier_entry() {
        let later = r#"
[calendar]
id = "office"
[[cancel]]
date = 2024-05-08
reason = "test"
[[day]]
date = 2024-05-04
kind = "public-holiday"
name = { kk = "a", ru = "b", en = "c" }
source = "x"
"#;
        let cal = load(&[("t".into(), MINIMAL.into()), ("o".into(), later.into())]).unwrap();
        assert!(cal.is_working_day(NaiveDate::from_ymd_opt(2024, 5, 8).unwrap()));
        assert!(!cal.is_working_day(NaiveDate::from_ymd_opt(2024, 5, 4).unwrap()));
    }
}

//! Every shipped data file parses; broken files are rejected with a one-line message that names
//! the file.

use std::fs;
use std::path::Path;

use merzim::domain::calendar::data as calendar_data;
use merzim::domain::rules::RuleBook;
use merzim::domain::services::Register;

fn files(dir: &str) -> Vec<(String, String)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
    let mut out: Vec<(String, String)> = fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .map(|p| (p.display().to_string(), fs::read_to_string(&p).unwrap()))
        .collect();
    out.sort();
    assert!(!out.is_empty(), "no files in {}", dir.display());
    out
}

#[test]
fn shipped_calendars_parse() {
    for (name, text) in files("data/calendars") {
        let cal = calendar_data::load(&[(name.clone(), text)]).unwrap_or_else(|e| panic!("{e}"));
        let years: Vec<i32> = cal.years().map(|y| y.year).collect();
        for y in 2024..=2027 {
            assert!(years.contains(&y), "{name} lacks {y}");
        }
        for e in cal.entries() {
            assert!(!e.source.trim().is_empty());
        }
    }
}

#[test]
fn shipped_rules_and_services_parse() {
    for (name, text) in files("data/rules") {
        let book = RuleBook::parse(&name, &text).unwrap_or_else(|e| panic!("{e}"));
        assert!(book.editions().len() >= 2);
    }
    for (name, text) in files("data/services") {
        let reg = Register::parse(&name, &text).unwrap_or_else(|e| panic!("{e}"));
        assert!(reg.services().count() >= 8);
        assert!(
            reg.note.contains("SAMPLE"),
            "the sample register says it is a sample"
        );
    }
}

fn assert_one_line(msg: &str, file: &str) {
    assert!(!msg.contains('\n'), "{file}: {msg}");
    assert!(
        msg.contains(file),
        "{file}: the message names the file: {msg}"
    );
}

#[test]
fn broken_calendars_are_rejected() {
    let expect = [
        ("unknown_kind.toml", "kind 'holiday' is not one of"),
        ("not_toml.toml", ""),
        ("no_year_record.toml", "has no [[year]] record"),
        ("moved_without_origin.toml", "needs moved_from"),
        (
            "unpaired_transfer.toml",
            "transfer pair 2026-06-08 is missing",
        ),
        ("working_weekday.toml", "must fall on a Saturday or Sunday"),
        ("no_source.toml", "the source is empty"),
        ("duplicate_date.toml", "listed twice"),
        ("bad_status.toml", "status 'maybe'"),
        ("unknown_field.toml", "unknown field"),
    ];
    let all = files("tests/fixtures/invalid_calendars");
    assert_eq!(all.len(), expect.len(), "every fixture has an expectation");
    for (file, want) in expect {
        let (name, text) = all.iter().find(|(n, _)| n.ends_with(file)).unwrap();
        let msg = calendar_data::load(&[(name.clone(), text.clone())])
            .unwrap_err()
            .to_string();
        assert_one_line(&msg, file);
        assert!(msg.contains(want), "{file}: {msg}");
    }
}

#[test]
fn broken_rules_and_registers_are_rejected() {
    for (name, text) in files("tests/fixtures/invalid_rules") {
        let msg = RuleBook::parse(&name, &text).unwrap_err().to_string();
        assert_one_line(&msg, &name);
    }
    for (name, text) in files("tests/fixtures/invalid_services") {
        let msg = Register::parse(&name, &text).unwrap_err().to_string();
        assert_one_line(&msg, &name);
    }
}

#[test]
fn an_office_file_overrides_the_shipped_calendar() {
    let shipped = files("data/calendars");
    let office = r#"
[calendar]
id = "office"
[[cancel]]
date = 2026-05-27
reason = "Kurban Ait 2026 was announced for another day"
[[day]]
date = 2026-05-26
kind = "religious-day-off"
name = { kk = "Құрбан айт", ru = "Курбан айт", en = "Kurban Ait" }
source = "announcement"
"#;
    let mut all = shipped.clone();
    all.push(("office.toml".into(), office.into()));
    let cal = calendar_data::load(&all).unwrap();
    let d = |s: &str| chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
    assert!(!cal.is_working_day(d("2026-05-26")));
    assert!(cal.is_working_day(d("2026-05-27")));
}

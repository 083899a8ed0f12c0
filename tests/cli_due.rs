//! The command-line contract of `merzim calendar` and `merzim due` (issue 2), end to end.

use assert_cmd::Command;
use serde_json::Value;

fn merzim() -> Command {
    let mut c = Command::cargo_bin("merzim").unwrap();
    // A data directory with no office files: the shipped data only, whatever the machine has.
    c.env(
        "MERZIM_DATA_DIR",
        env!("CARGO_MANIFEST_DIR").to_string() + "/tests/fixtures/empty-data-dir",
    );
    c.env("MERZIM_TODAY", "2026-11-22");
    // The human-readable output is asserted in English, whatever the machine's locale.
    c.env("LC_ALL", "C.UTF-8");
    c
}

fn stdout(args: &[&str]) -> String {
    let out = merzim().args(args).output().unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn first_token(args: &[&str]) -> String {
    stdout(args).split_whitespace().next().unwrap().to_string()
}

fn fails(args: &[&str]) -> String {
    let out = merzim().args(args).output().unwrap();
    assert_eq!(out.status.code(), Some(2), "{args:?}");
    assert!(out.stdout.is_empty());
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(err.trim_end().lines().count(), 1, "one line: {err}");
    err
}

#[test]
fn calendar_arithmetic() {
    assert_eq!(
        first_token(&["calendar", "add-working-days", "2026-03-20", "3"]),
        "2026-03-30"
    );
    assert_eq!(
        first_token(&["calendar", "add-working-days", "2024-05-03", "1"]),
        "2024-05-04"
    );
    assert_eq!(
        first_token(&["calendar", "add-calendar-days", "2026-03-16", "5"]),
        "2026-03-26"
    );
    assert_eq!(
        first_token(&["calendar", "add-working-days", "2026-12-31", "1"]),
        "2027-01-05"
    );
    let explain = stdout(&["calendar", "explain", "2026-03-20", "3"]);
    assert!(
        explain.contains("2026-03-23 Mon    -  public holiday: Nauryz"),
        "{explain}"
    );
    assert!(
        explain.contains("2026-03-30 Mon    3  working day"),
        "{explain}"
    );
    assert_eq!(
        first_token(&["calendar", "between", "2026-03-20", "2026-03-30"]),
        "3"
    );
}

#[test]
fn complaint_json_contract() {
    let out = stdout(&[
        "due",
        "complaint",
        "--addressee",
        "local-body",
        "--registered",
        "2026-03-18",
        "--medium",
        "paper",
        "--extend",
        "2026-03-27:5:verification",
        "--json",
    ]);
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["due"], "2026-04-06");
    assert_eq!(v["original_due"], "2026-03-30");
    assert_eq!(v["provisional"], false);
    let obligations = v["obligations"].as_array().unwrap();
    let answer = obligations.iter().find(|o| o["kind"] == "answer").unwrap();
    assert_eq!(answer["due"], "2026-04-06");
    assert_eq!(answer["form"], "written");
    let notice = obligations
        .iter()
        .find(|o| o["kind"] == "extension-notice")
        .unwrap();
    assert_eq!(notice["due"], "2026-04-01");
    assert_eq!(notice["form"], "written");
    assert_eq!(notice["basis"], "Art. 25.4 ¶2");
    // Today is 2026-11-22: both are long overdue.
    assert_eq!(notice["state"], "overdue");
}

#[test]
fn complaint_superior_body_has_null_due() {
    let out = stdout(&[
        "due",
        "complaint",
        "--addressee",
        "superior-body",
        "--registered",
        "2026-11-02",
        "--json",
    ]);
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["due"], Value::Null);
}

#[test]
fn provisional_is_reported() {
    let out = stdout(&[
        "due",
        "complaint",
        "--addressee",
        "quality-authority",
        "--registered",
        "2026-12-25",
        "--json",
    ]);
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["due"], "2027-01-20");
    assert_eq!(v["provisional"], true);
    let text = stdout(&[
        "due",
        "complaint",
        "--addressee",
        "quality-authority",
        "--registered",
        "2026-12-25",
    ]);
    assert!(text.contains("≈ 2027-01-20"), "{text}");
}

#[test]
fn application_contract() {
    let out = stdout(&[
        "due",
        "application",
        "--term",
        "10wd",
        "--channel",
        "state-corporation",
        "--registered",
        "2026-03-19",
        "--json",
    ]);
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["due"], "2026-04-07");
    let kinds: Vec<&str> = v["obligations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["kind"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, ["result", "result-to-state-corporation"]);
    let out = stdout(&[
        "due",
        "application",
        "--service",
        "S-001",
        "--channel",
        "portal",
        "--registered",
        "2026-11-20",
        "--json",
    ]);
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["due"], "2026-12-11");
    let out = stdout(&[
        "due",
        "application",
        "--term",
        "30cd",
        "--channel",
        "portal",
        "--registered",
        "2026-11-20",
        "--json",
    ]);
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["due"], "2026-12-21", "20 Dec is a Sunday");
}

#[test]
fn illegal_extensions_exit_2_naming_the_rule() {
    let base = ["due", "complaint", "--registered", "2026-03-18"];
    let with = |addressee: &str, ext: &str| {
        let mut a: Vec<&str> = base.to_vec();
        a.extend(["--addressee", addressee, "--extend"]);
        a.push(ext);
        fails(&a.iter().map(|s| &**s).collect::<Vec<_>>())
    };
    assert!(with("service-provider", "2026-03-20:3:verification").contains("Art. 25.4"));
    assert!(with("state-corporation", "2026-03-20:3:verification").contains("Art. 25.4"));
    assert!(with("local-body", "2026-03-20:11:verification").contains("Art. 25.4"));
    assert!(with("local-body", "2026-04-01:3:information").contains("Art. 25.4"));
    assert!(with("local-body", "2026-03-20:3:convenience").contains("Art. 25.4"));
}

#[test]
fn bad_input_exit_2_one_line() {
    for args in [
        &[
            "due",
            "complaint",
            "--addressee",
            "ministry",
            "--registered",
            "2026-03-18",
        ][..],
        &[
            "due",
            "complaint",
            "--addressee",
            "local-body",
            "--registered",
            "2026-02-30",
        ],
        &[
            "due",
            "complaint",
            "--addressee",
            "local-body",
            "--registered",
            "18.03.2026",
        ],
        &[
            "due",
            "complaint",
            "--addressee",
            "local-body",
            "--registered",
            "2026-03-18",
            "--medium",
            "fax",
        ],
        &[
            "due",
            "complaint",
            "--addressee",
            "local-body",
            "--registered",
            "2026-03-18",
            "--extend",
            "2026-03-20",
        ],
        &[
            "due",
            "application",
            "--term",
            "ten",
            "--channel",
            "portal",
            "--registered",
            "2026-03-18",
        ],
        &[
            "due",
            "application",
            "--term",
            "5wd",
            "--channel",
            "pigeon",
            "--registered",
            "2026-03-18",
        ],
        &[
            "due",
            "application",
            "--service",
            "NOPE",
            "--channel",
            "portal",
            "--registered",
            "2026-03-18",
        ],
        &[
            "due",
            "application",
            "--service",
            "S-001",
            "--channel",
            "provider",
            "--registered",
            "2026-03-18",
        ],
        &["calendar", "add-working-days", "2026-03-20", "-1"],
        &["calendar", "add-working-days", "9999-13-01", "1"],
        &["calendar", "add-working-days", "2026-03-20", "99999999999"],
        &["calendar", "explain", "2026-03-20", "100000"],
        &["calendar", "frobnicate"],
    ] {
        fails(args);
    }
    // Far past the end of the calendar: a clear error, not a panic.
    fails(&["calendar", "add-working-days", "262000-01-01", "4000000000"]);
}

#[test]
fn the_command_line_speaks_the_readers_language() {
    let explain = |lang: &str| stdout(&["--lang", lang, "calendar", "explain", "2026-03-20", "3"]);
    assert!(
        explain("kk")
            .starts_with("2026-03-20 + 3 жұмыс күні = 2026-03-30  (2026-03-20 есептелмейді)\n"),
        "{}",
        explain("kk")
    );
    assert!(explain("kk").contains("2026-03-23 Дс    -  мереке: Наурыз мейрамы"));
    assert!(
        explain("ru")
            .starts_with("2026-03-20 + 3 рабочих дня = 2026-03-30  (2026-03-20 не считается)\n"),
        "{}",
        explain("ru")
    );
    // The locale decides when --lang is not given.
    let out = merzim()
        .env("LC_ALL", "ru_RU.UTF-8")
        .args(["calendar", "day", "2026-03-23"])
        .output()
        .unwrap();
    let day = String::from_utf8(out.stdout).unwrap();
    assert!(
        day.starts_with("2026-03-23 Пн нерабочий: Праздник Наурыз"),
        "{day}"
    );
    // Errors the command line writes, too.
    let err = merzim()
        .args(["--lang", "kk", "--db", "/nonexistent/merzim.db", "export"])
        .output()
        .unwrap();
    assert_eq!(err.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&err.stderr)
            .starts_with("merzim: '/nonexistent/merzim.db' жолында дерекқор жоқ;"),
        "{}",
        String::from_utf8_lossy(&err.stderr)
    );
    // JSON is the same in every language.
    let json = |lang: &str| {
        stdout(&[
            "--lang",
            lang,
            "due",
            "complaint",
            "--addressee",
            "local-body",
            "--registered",
            "2026-03-18",
            "--json",
        ])
    };
    assert_eq!(json("kk"), json("en"));
    assert_eq!(json("ru"), json("en"));
}

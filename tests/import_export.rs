//! Import and export: the issue's JSON Lines shape, every bad line reported with its number and
//! nothing written, re-import without duplicates, byte-identical round trips, CSV guarded
//! against formulas, backup and restore, and the command line around them.

use std::io::Write;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use chrono::NaiveDate;
use merzim::domain::case::{Actor, Status};
use merzim::reference::Reference;
use merzim::service::exchange::{ImportError, guard_cell};
use merzim::service::{QueueQuery, Service};

fn today() -> NaiveDate {
    "2026-03-20".parse().unwrap()
}

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/import")
        .join(name)
}

fn actor() -> Actor {
    Actor {
        uid: 1000,
        login: "importer".into(),
        name: "Импорт".into(),
    }
}

fn service(dir: &tempfile::TempDir, name: &str) -> Service {
    Service::open(&dir.path().join(name), Reference::shipped().unwrap()).unwrap()
}

fn errors_of(svc: &Service, file: &Path) -> Vec<String> {
    match svc.import_file(file, &actor(), today()) {
        Err(ImportError::Invalid { lines, .. }) => lines,
        other => panic!("expected bad lines, got {other:?}"),
    }
}

#[test]
fn the_issue_shape_imports() {
    let dir = tempfile::tempdir().unwrap();
    let svc = service(&dir, "db");
    let r = svc
        .import_file(&fixture("valid.jsonl"), &actor(), today())
        .unwrap();
    assert_eq!((r.added, r.unchanged), (4, 0));
    let boss = merzim::service::Caller {
        uid: 1,
        login: "boss".into(),
        name: "b".into(),
        role: merzim::service::Role::Supervisor,
    };
    let v = svc.case(&boss, "ALM-2026-000101", today()).unwrap();
    assert_eq!(v.case.status, Status::Closed);
    assert_eq!(v.case.extensions.len(), 1);
    let names: Vec<&str> = v.case.events.iter().map(|e| e.what.name()).collect();
    assert_eq!(
        names,
        [
            "registered",
            "assigned",
            "extended",
            "notice-sent",
            "answer-sent",
            "decided",
            "closed"
        ]
    );
    assert!(v.case.events.iter().all(|e| e.by.login == "importer"));
    // The application's term came from the register (S-006 via the State Corporation: 5wd).
    let v = svc.case(&boss, "ALM-2026-000102", today()).unwrap();
    // Tue 3 Mar + 5wd: 4, 5, 6, (Mon 9: 8 March moved off a Sunday), 10, 11.
    assert_eq!(v.row.due, Some("2026-03-11".parse().unwrap()));
    assert_eq!(
        svc.case(&boss, "ALM-2026-000104", today())
            .unwrap()
            .case
            .status,
        Status::RefusedAtIntake
    );
    // Importing the same file again adds nothing.
    let again = svc
        .import_file(&fixture("valid.jsonl"), &actor(), today())
        .unwrap();
    assert_eq!((again.added, again.unchanged), (0, 4));
    assert_eq!(svc.store().count().unwrap(), 4);
}

#[test]
fn every_bad_line_is_reported_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let svc = service(&dir, "db");
    let cases: [(&str, &str); 6] = [
        ("malformed.jsonl", "line 2: not valid JSON at column"),
        (
            "wrong_types.jsonl",
            "line 2: 'extensions[0].days': invalid type: string \"seven\", expected u32",
        ),
        (
            "invalid_iin.jsonl",
            "line 2: 'iin' '123' is not a valid IIN (12 digits with a check digit)",
        ),
        (
            "unknown_addressee.jsonl",
            "line 1: 'addressee': unknown variant `ministry`",
        ),
        (
            "duplicate_numbers.jsonl",
            "line 3: number 'ALM-2026-000101' is already on line 1",
        ),
        (
            "illegal_extension.jsonl",
            "line 1: extended: Art. 25.4: extensions would total 11 working days, over the cap of 10",
        ),
    ];
    for (file, expected) in cases {
        let lines = errors_of(&svc, &fixture(file));
        assert_eq!(lines.len(), 1, "{file}: {lines:?}");
        assert!(lines[0].starts_with(expected), "{file}: {}", lines[0]);
        assert_eq!(svc.store().count().unwrap(), 0, "{file}: nothing written");
    }
}

#[test]
fn invalid_utf8_and_a_50_mb_line_are_clear_errors() {
    let dir = tempfile::tempdir().unwrap();
    let svc = service(&dir, "db");
    let valid = std::fs::read_to_string(fixture("valid.jsonl")).unwrap();
    let first = valid.lines().next().unwrap();

    let path = dir.path().join("utf8.jsonl");
    let mut f = std::fs::File::create(&path).unwrap();
    writeln!(f, "{first}").unwrap();
    f.write_all(b"{\"number\": \"X\xff\xfe\"}\n").unwrap();
    drop(f);
    let lines = errors_of(&svc, &path);
    assert_eq!(
        lines,
        ["line 2: the line is not valid UTF-8 (at byte 13); save the file as UTF-8"]
    );

    let path = dir.path().join("huge.jsonl");
    let mut f = std::io::BufWriter::new(std::fs::File::create(&path).unwrap());
    writeln!(f, "{first}").unwrap();
    f.write_all(b"{\"number\": \"X\", \"text\": \"").unwrap();
    let chunk = vec![b'a'; 1 << 20];
    for _ in 0..50 {
        f.write_all(&chunk).unwrap();
    }
    f.write_all(b"\"}\n").unwrap();
    writeln!(f, "{{\"number\": oops}}").unwrap();
    drop(f);
    let lines = errors_of(&svc, &path);
    assert_eq!(
        lines[0],
        "line 2: the line is longer than 4 MiB; a case is at most that long"
    );
    assert!(lines[1].starts_with("line 3: not valid JSON"), "{lines:?}");
    assert_eq!(svc.store().count().unwrap(), 0);
}

#[test]
fn an_import_never_overwrites() {
    let dir = tempfile::tempdir().unwrap();
    let svc = service(&dir, "db");
    svc.import_file(&fixture("valid.jsonl"), &actor(), today())
        .unwrap();
    let changed = std::fs::read_to_string(fixture("valid.jsonl"))
        .unwrap()
        .replace("Сейітов Болат", "Сейітов Б.");
    let path = dir.path().join("changed.jsonl");
    std::fs::write(&path, changed).unwrap();
    let lines = errors_of(&svc, &path);
    assert_eq!(
        lines,
        [
            "line 1: case 'ALM-2026-000101' is already in the database with different content; an import never overwrites"
        ]
    );
}

#[test]
fn export_import_export_is_byte_identical() {
    let dir = tempfile::tempdir().unwrap();
    let a = service(&dir, "a");
    let me = merzim::service::User {
        uid: 1000,
        login: "me".into(),
        name: "Мен".into(),
        role: merzim::service::Role::Supervisor,
        disabled: false,
    };
    let opts = merzim::service::demo::DemoOptions {
        cases: 300,
        today: today(),
        seed: 42,
        supervisor: me,
    };
    merzim::service::demo::fill(&a, &opts).unwrap();
    a.import_file(&fixture("valid.jsonl"), &actor(), today())
        .unwrap();
    let mut first = Vec::new();
    assert_eq!(a.export_jsonl(&mut first).unwrap().cases, 304);
    let path = dir.path().join("export.jsonl");
    std::fs::write(&path, &first).unwrap();

    let b = service(&dir, "b");
    let r = b.import_file(&path, &actor(), today()).unwrap();
    assert_eq!(r.added, 304);
    let mut second = Vec::new();
    b.export_jsonl(&mut second).unwrap();
    assert!(first == second, "the second export differs from the first");
    // And the queue computed from either database is the same.
    let boss = b.caller_for_uid(1000).err();
    assert!(boss.is_some(), "a plain export carries no users");

    // The same seed and day give the same demo database.
    let c = service(&dir, "c");
    merzim::service::demo::fill(&c, &opts).unwrap();
    let mut third = Vec::new();
    c.export_jsonl(&mut third).unwrap();
    let mut demo_only = Vec::new();
    let a2 = service(&dir, "a2");
    merzim::service::demo::fill(&a2, &opts).unwrap();
    a2.export_jsonl(&mut demo_only).unwrap();
    assert!(third == demo_only, "the demo is reproducible");
}

#[test]
fn csv_cells_cannot_start_formulas() {
    for (cell, guarded) in [
        ("=HYPERLINK(\"x\")", "'=HYPERLINK(\"x\")"),
        ("+7 701", "'+7 701"),
        ("-1", "'-1"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("Әбенов", "Әбенов"),
        ("", ""),
    ] {
        assert_eq!(guard_cell(cell), guarded);
    }
    let dir = tempfile::tempdir().unwrap();
    let svc = service(&dir, "db");
    let line = std::fs::read_to_string(fixture("valid.jsonl"))
        .unwrap()
        .lines()
        .next()
        .unwrap()
        .replace("Анықтама уақытында берілмеді", "=cmd|' /C calc'!A0");
    let path = dir.path().join("formula.jsonl");
    std::fs::write(&path, format!("{line}\n")).unwrap();
    svc.import_file(&path, &actor(), today()).unwrap();
    let mut out = Vec::new();
    svc.export_csv(&mut out, today()).unwrap();
    let text = String::from_utf8(out).unwrap();
    assert!(text.contains(",'=cmd|' /C calc'!A0\n"), "{text}");
    assert!(!text.contains(",=cmd"), "{text}");
}

#[test]
fn backup_and_restore_reproduce_the_database() {
    let dir = tempfile::tempdir().unwrap();
    let svc = service(&dir, "db");
    let opts = merzim::service::demo::DemoOptions {
        cases: 200,
        today: today(),
        seed: 3,
        supervisor: merzim::service::User {
            uid: 1000,
            login: "me".into(),
            name: "Мен".into(),
            role: merzim::service::Role::Supervisor,
            disabled: false,
        },
    };
    merzim::service::demo::fill(&svc, &opts).unwrap();
    let file = dir.path().join("backup.jsonl");
    let r = svc.backup(&file, today()).unwrap();
    assert_eq!(r.cases, 200);
    assert!(!dir.path().join("backup.jsonl.partial").exists());
    assert!(!dir.path().join("backup.jsonl.verify-db").exists());

    let restored = service(&dir, "restored");
    let r = restored.restore(&file, &actor(), today()).unwrap();
    assert_eq!((r.added, r.users), (200, 7));
    assert_eq!(restored.users().unwrap(), svc.users().unwrap());
    let boss = restored.caller_for_uid(1000).unwrap();
    let q = QueueQuery {
        include_closed: true,
        ..QueueQuery::default()
    };
    assert_eq!(
        restored.queue(&boss, today(), &q).unwrap(),
        svc.queue(&boss, today(), &q).unwrap()
    );
    // A non-empty target is refused.
    let err = restored.restore(&file, &actor(), today()).unwrap_err();
    assert!(
        err.to_string()
            .contains("is not empty; restore into a new one"),
        "{err}"
    );
}

#[test]
fn the_command_line_imports_exports_and_backs_up() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("db");
    let merzim = |args: &[&str]| {
        let mut c = Command::cargo_bin("merzim").unwrap();
        c.arg("--db")
            .arg(&db)
            .args(["--today", "2026-03-20", "--lang", "en"])
            .args(args);
        c
    };
    let out = merzim(&["import", fixture("invalid_iin.jsonl").to_str().unwrap()])
        .assert()
        .code(2);
    let stderr = String::from_utf8(out.get_output().stderr.clone()).unwrap();
    assert_eq!(
        stderr,
        "merzim: line 2: 'iin' '123' is not a valid IIN (12 digits with a check digit) (nothing was imported)\n"
    );
    let out = merzim(&["import", fixture("valid.jsonl").to_str().unwrap()])
        .assert()
        .success();
    let stderr = String::from_utf8(out.get_output().stderr.clone()).unwrap();
    assert!(stderr.contains("imported 4 new cases"), "{stderr}");
    let out = merzim(&["export"]).assert().success();
    let jsonl = out.get_output().stdout.clone();
    assert_eq!(jsonl.iter().filter(|b| **b == b'\n').count(), 4);
    let out = merzim(&["export", "--format", "csv"]).assert().success();
    let csv = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    assert!(
        csv.starts_with("\u{feff}number,kind,status,registered,"),
        "{csv}"
    );
    let backup = dir.path().join("b.jsonl");
    merzim(&["backup", "--out", backup.to_str().unwrap()])
        .assert()
        .success();
    let target = dir.path().join("new");
    Command::cargo_bin("merzim")
        .unwrap()
        .arg("--db")
        .arg(&target)
        .args(["--today", "2026-03-20", "--lang", "en"])
        .args(["restore", backup.to_str().unwrap()])
        .assert()
        .success();
    let out = Command::cargo_bin("merzim")
        .unwrap()
        .arg("--db")
        .arg(&target)
        .args(["--today", "2026-03-20", "--lang", "en"])
        .args(["restore", backup.to_str().unwrap()])
        .assert()
        .code(2);
    let stderr = String::from_utf8(out.get_output().stderr.clone()).unwrap();
    assert!(stderr.contains("is not empty"), "{stderr}");
    let out = merzim(&["import", "/nonexistent/file.jsonl"])
        .assert()
        .code(2);
    let stderr = String::from_utf8(out.get_output().stderr.clone()).unwrap();
    assert!(
        stderr.starts_with("merzim: cannot read '/nonexistent/file.jsonl'"),
        "{stderr}"
    );
}

//! A database written before the store had record types of its own (schema 1, when the
//! domain's `Case` was the disk format) still opens, and every case, text and history entry
//! reads back as it did: the new code's export of it is the old code's export, byte for byte.

use std::fs;
use std::path::Path;

use assert_cmd::Command;
use merzim::store::{SCHEMA_VERSION, Store};

const FIXTURE: &str = "tests/fixtures/db-v1";
const EXPORT: &str = "tests/fixtures/db-v1.jsonl";

/// Copies the fixture, so that opening it (which may write) leaves the file in git alone.
fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for entry in fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), &target).unwrap();
        }
    }
}

#[test]
fn a_schema_1_database_reads_as_it_was_exported() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("db");
    copy_dir(Path::new(FIXTURE), &db);

    let out = Command::cargo_bin("merzim")
        .unwrap()
        .args([
            "--db",
            db.to_str().unwrap(),
            "export",
            "--today",
            "2026-11-23",
        ])
        .env_remove("MERZIM_TODAY")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let expected = fs::read_to_string(EXPORT).unwrap();
    let got = String::from_utf8(out.stdout).unwrap();
    assert_eq!(got.lines().count(), 30, "every case is exported");
    for (n, (g, e)) in got.lines().zip(expected.lines()).enumerate() {
        assert_eq!(g, e, "line {} differs", n + 1);
    }
    assert_eq!(got, expected);

    // And through the store itself: every record, text and history decodes.
    let store = Store::open_existing(&db).unwrap();
    assert_eq!(store.schema_version().unwrap(), Some(SCHEMA_VERSION));
    let numbers: Vec<String> = store.scan().map(|r| r.unwrap().case.number).collect();
    assert_eq!(numbers.len(), 30);
    let mut events = 0;
    for number in &numbers {
        let (_, case) = store.case(number).unwrap().expect("the case is there");
        assert!(!case.text.is_empty(), "{number} has its text");
        assert!(!case.events.is_empty(), "{number} has its history");
        assert_eq!(case.events.last().map(|e| e.version), Some(case.version));
        events += case.events.len();
    }
    assert!(events > 60, "{events} history entries");
}

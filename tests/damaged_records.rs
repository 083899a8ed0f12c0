//! One damaged record does not hide the rest; a mistyped --db is an error; an interrupted
//! restore says how to finish; CSV for spreadsheets; import dates and assignees; export to a
//! closed pipe.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use chrono::NaiveDate;
use merzim::reference::Reference;
use merzim::service::{Caller, QueueQuery, Role, Service};
use merzim::store::Store;

mod common;
use common::sled::wait_until_released;

fn today() -> NaiveDate {
    "2026-03-20".parse().unwrap()
}

fn merzim(db: &Path) -> Command {
    let mut c = Command::cargo_bin("merzim").unwrap();
    c.env(
        "MERZIM_DATA_DIR",
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/empty-data-dir"),
    )
    .env("LC_ALL", "C.UTF-8")
    .args(["--today", "2026-03-20", "--lang", "en", "--db"])
    .arg(db);
    c
}

fn stderr(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/import")
        .join(name)
}

/// A database of 4 imported cases whose second case record is garbage.
fn damaged_db(dir: &Path) -> PathBuf {
    let db = dir.join("db");
    merzim(&db)
        .arg("import")
        .arg(fixture("valid.jsonl"))
        .assert()
        .success();
    let raw = sled::open(&db).unwrap();
    raw.open_tree("cases")
        .unwrap()
        .insert(2u64.to_be_bytes(), &b"\xc1not msgpack"[..])
        .unwrap();
    raw.flush().unwrap();
    drop(raw);
    wait_until_released(&db);
    db
}

fn boss() -> Caller {
    Caller {
        uid: 1,
        login: "boss".into(),
        name: "Boss".into(),
        role: Role::Supervisor,
    }
}

#[test]
fn a_damaged_record_is_skipped_and_named() {
    let dir = tempfile::tempdir().unwrap();
    let db = damaged_db(dir.path());
    {
        let svc = Service::from_sled(Store::open(&db).unwrap(), Reference::shipped().unwrap());
        let q = QueueQuery {
            include_closed: true,
            ..QueueQuery::default()
        };
        let (rows, damaged) = svc.queue_with_damage(&boss(), today(), &q).unwrap();
        assert_eq!(rows.len(), 3, "the good rows still load");
        assert_eq!(damaged.len(), 1);
        assert_eq!(damaged[0].key, "2");
        assert_eq!(damaged[0].number.as_deref(), Some("ALM-2026-000102"));
        assert_eq!(svc.queue(&boss(), today(), &q).unwrap().len(), 3);
        let mut out = Vec::new();
        let report = svc.export_jsonl(&mut out).unwrap();
        assert_eq!(report.cases, 3);
        assert_eq!(report.damaged.len(), 1);
        assert_eq!(out.iter().filter(|b| **b == b'\n').count(), 3);
        let found = svc.store().check().unwrap();
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(
            found[0].to_string().split(": ").next().unwrap(),
            "damaged record '2' in 'cases' (case 'ALM-2026-000102')"
        );
    }
    wait_until_released(&db);
    // The console: the good cases in the queue, the damaged one named until dismissed.
    {
        use merzim::app::{self, App, Msg};
        use merzim::i18n::{Lang, Texts};
        use merzim::keymap::{Keymap, ShippedKeymap};
        let svc = Service::from_sled(Store::open(&db).unwrap(), Reference::shipped().unwrap());
        let texts = Texts::new().unwrap();
        let (keymap, _) = Keymap::shipped(ShippedKeymap::Default, None).unwrap();
        let mut app = App::new(Lang::En, today(), "boss".into(), keymap, Default::default());
        let q = QueueQuery {
            include_closed: true,
            ..QueueQuery::default()
        };
        let caller = boss();
        let session = merzim::service::Session::new(svc.clone(), caller.clone(), Box::new(today));
        let mut runner = merzim::console::Effects::new(&session, &texts, &q);
        let effects = app::update(&mut app, Msg::Resize(100, 24));
        runner.run(&mut app, effects);
        runner.run(&mut app, vec![app::Effect::LoadQueue]);
        assert_eq!(app.queue.total_len(), 3);
        let (_, _, problem) = app.problems.current().expect("the damage is shown");
        assert_eq!(
            problem,
            &app::StatusText::Key(
                "queue-damaged",
                vec![("count", "1".into()), ("records", "ALM-2026-000102".into())]
            )
        );
    }
    wait_until_released(&db);
    // The command line: export writes the rest and says what it left out, status 1.
    let out = merzim(&db).arg("export").output().unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert_eq!(out.stdout.iter().filter(|b| **b == b'\n').count(), 3);
    let err = stderr(&out);
    assert!(
        err.starts_with(
            "merzim: damaged record '2' in 'cases' (case 'ALM-2026-000102') skipped: the case cannot be decoded ("
        ),
        "{err}"
    );
    assert!(
        err.ends_with(
            "merzim: 1 damaged record was left out of the export; 'merzim check' lists it\n"
        ),
        "{err}"
    );
    let csv = merzim(&db)
        .args(["export", "--format", "csv"])
        .output()
        .unwrap();
    assert_eq!(csv.status.code(), Some(1));
    assert_eq!(csv.stdout.iter().filter(|b| **b == b'\n').count(), 4);
    let backup = dir.path().join("b.jsonl");
    let out = merzim(&db)
        .args(["backup", "--out"])
        .arg(&backup)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(stderr(&out).contains("left out of the backup"));
    // The backup holds the three good cases and restores.
    merzim(&dir.path().join("restored"))
        .arg("restore")
        .arg(&backup)
        .assert()
        .success();
    let out = merzim(&db).arg("check").output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert_eq!(err.lines().count(), 2, "{err}");
    assert!(
        err.lines()
            .last()
            .unwrap()
            .starts_with("merzim: the database '"),
        "{err}"
    );
    let out = merzim(&dir.path().join("restored"))
        .arg("check")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("is sound: 3 cases"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_mistyped_db_is_an_error_not_a_new_database() {
    let dir = tempfile::tempdir().unwrap();
    let typo = dir.path().join("typo.db");
    let expected = format!(
        "merzim: there is no database at '{p}'; create one with 'merzim --db {p} demo', 'merzim --db {p} import FILE' or 'merzim --db {p} restore BACKUP'\n",
        p = typo.display()
    );
    for args in [
        vec!["export"],
        vec!["export", "--format", "csv"],
        vec!["check"],
        vec!["backup", "--out", "x.jsonl"],
        // The console, before it touches the terminal.
        vec![],
    ] {
        let out = merzim(&typo).args(&args).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert_eq!(stderr(&out), expected, "{args:?}");
        assert!(!typo.exists(), "{args:?} created the database");
    }
    // Nor is a directory of other files made into one.
    let home = dir.path().join("home");
    std::fs::create_dir(&home).unwrap();
    std::fs::write(home.join("notes.txt"), "mine").unwrap();
    for args in [vec!["demo", "--cases", "3"], vec!["export"]] {
        let out = merzim(&home).args(&args).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr(&out));
        assert_eq!(std::fs::read_dir(&home).unwrap().count(), 1, "{args:?}");
    }
    // The commands that create a database still do.
    merzim(&typo)
        .args(["demo", "--cases", "3"])
        .assert()
        .success();
    merzim(&typo).arg("check").assert().success();
}

#[test]
fn an_interrupted_restore_says_how_to_finish() {
    let dir = tempfile::tempdir().unwrap();
    let source = dir.path().join("source");
    merzim(&source)
        .arg("import")
        .arg(fixture("valid.jsonl"))
        .assert()
        .success();
    let backup = dir.path().join("b.jsonl");
    merzim(&source)
        .args(["backup", "--out"])
        .arg(&backup)
        .assert()
        .success();
    // What an interrupted restore leaves: the mark, the users, part of the cases.
    let target = dir.path().join("target");
    {
        let store = Store::open(&target).unwrap();
        store
            .set_restoring(Some(&backup.display().to_string()))
            .unwrap();
        let svc = Service::from_sled(store, Reference::shipped().unwrap());
        let first: String = std::fs::read_to_string(fixture("valid.jsonl"))
            .unwrap()
            .lines()
            .next()
            .unwrap()
            .to_string();
        let actor = merzim::domain::case::Actor {
            uid: 0,
            login: "x".into(),
            name: "x".into(),
        };
        // Written as the restore would have: from the backup, so identical.
        let backup_text = std::fs::read_to_string(&backup).unwrap();
        let line2 = backup_text.lines().nth(1).unwrap();
        svc.import(line2.as_bytes(), &actor, today()).unwrap();
        assert!(!first.is_empty());
    }
    wait_until_released(&target);
    // Anything on it warns; check fails and says how to finish.
    let out = merzim(&target).arg("check").output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let finish = format!(
        "merzim: an earlier restore of '{b}' into '{t}' did not finish; run 'merzim --db {t} restore {b}' again to finish it\n",
        b = backup.display(),
        t = target.display()
    );
    assert!(stderr(&out).starts_with(&finish), "{}", stderr(&out));
    // Another file is refused with the same advice.
    let other = merzim(&target)
        .arg("restore")
        .arg(fixture("valid.jsonl"))
        .output()
        .unwrap();
    assert_eq!(other.status.code(), Some(2));
    assert!(
        stderr(&other).contains("did not finish; run 'merzim --db"),
        "{}",
        stderr(&other)
    );
    // The same file finishes it.
    let out = merzim(&target)
        .arg("restore")
        .arg(&backup)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    merzim(&target).arg("check").assert().success();
    let a = merzim(&source).arg("export").output().unwrap().stdout;
    let b = merzim(&target).arg("export").output().unwrap().stdout;
    assert_eq!(a, b);
}

#[test]
fn csv_is_for_spreadsheets() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("db");
    merzim(&db)
        .arg("import")
        .arg(fixture("valid.jsonl"))
        .assert()
        .success();
    let out = merzim(&db)
        .args(["export", "--format", "csv"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let text = text
        .strip_prefix('\u{feff}')
        .expect("a UTF-8 byte order mark");
    let mut rows = csv::Reader::from_reader(text.as_bytes());
    let head = rows.headers().unwrap().clone();
    let col = |name: &str| head.iter().position(|h| h == name).unwrap();
    let records: Vec<csv::StringRecord> = rows.records().map(Result::unwrap).collect();
    let closed = records
        .iter()
        .find(|r| &r[col("number")] == "ALM-2026-000101")
        .unwrap();
    assert_eq!(&closed[col("answered")], "2026-03-13");
    assert_eq!(&closed[col("decided")], "2026-03-16");
    assert_eq!(&closed[col("closed")], "2026-03-16");
    assert_eq!(&closed[col("remaining_working_days")], "");
    // Cyrillic survives, and a text that would be a formula is guarded.
    assert!(text.contains("Сейітов Болат"));
    for r in &records {
        for cell in r.iter() {
            assert!(!cell.starts_with('='), "{cell}");
        }
    }
}

#[test]
fn import_takes_an_empty_assignee_and_refuses_loose_dates() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("db");
    let file = dir.path().join("in.jsonl");
    let line = |assignee: &str, registered: &str| {
        format!(
            r#"{{"number": "ALM-2026-000201", "kind": "complaint", "registered": "{registered}", "addressee": "local-body", "medium": "paper", "applicant": {{"name": "Б", "iin": "870412300005"}}, "subject": "s", "assignee": "{assignee}"}}"#
        )
    };
    std::fs::write(&file, line("", "2026-3-2") + "\n").unwrap();
    let out = merzim(&db).arg("import").arg(&file).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr(&out),
        "merzim: line 1: 'registered' '2026-3-2' is not a date; write YYYY-MM-DD, e.g. 2026-03-02 (nothing was imported)\n"
    );
    let nested = line("", "2026-03-02").replace(
        r#""subject""#,
        r#""extensions": [{"date": "2026-03-5", "days": 2, "ground": "verification"}], "subject""#,
    );
    std::fs::write(&file, nested + "\n").unwrap();
    let out = merzim(&db).arg("import").arg(&file).output().unwrap();
    assert!(
        stderr(&out).contains("'extensions[0].date' '2026-03-5' is not a date"),
        "{}",
        stderr(&out)
    );
    // A subject that looks like a loose date is just text.
    std::fs::write(
        &file,
        line("", "2026-03-02").replace(r#""subject": "s""#, r#""subject": "2026-3-2""#) + "\n",
    )
    .unwrap();
    let out = merzim(&db).arg("import").arg(&file).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let svc = Service::from_sled(Store::open(&db).unwrap(), Reference::shipped().unwrap());
    let (_, case) = svc.store().case("ALM-2026-000201").unwrap().unwrap();
    assert_eq!(case.assignee, None);
}

#[test]
fn export_to_a_closed_pipe_ends_quietly() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("db");
    merzim(&db)
        .args(["demo", "--cases", "300"])
        .assert()
        .success();
    let bin = assert_cmd::cargo::cargo_bin("merzim");
    // `head -c 10` reads ten bytes and goes; the export must not report an error.
    let script = format!(
        "'{}' --db '{}' export | head -c 10 >/dev/null; echo \"${{PIPESTATUS[0]}}\"",
        bin.display(),
        db.display()
    );
    let out = std::process::Command::new("bash")
        .args(["-c", &script])
        .output()
        .unwrap();
    assert_eq!(String::from_utf8_lossy(&out.stdout).trim(), "0");
    assert_eq!(stderr(&out), "");
    for args in [
        vec!["calendar", "explain", "2026-01-01", "2000"],
        vec!["export", "--format", "csv"],
    ] {
        let script = format!(
            "'{}' --db '{}' {} | head -c 10 >/dev/null; echo \"${{PIPESTATUS[0]}}\"",
            bin.display(),
            db.display(),
            args.join(" ")
        );
        let out = std::process::Command::new("bash")
            .args(["-c", &script])
            .output()
            .unwrap();
        assert_eq!(String::from_utf8_lossy(&out.stdout).trim(), "0", "{args:?}");
        assert_eq!(stderr(&out), "", "{args:?}");
    }
}

#[test]
fn export_out_is_whole_or_absent() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("db");
    merzim(&db)
        .args(["demo", "--cases", "20"])
        .assert()
        .success();
    let target = dir.path().join("cases.jsonl");
    std::fs::write(&target, "old content\n").unwrap();
    merzim(&db)
        .args(["export", "--out"])
        .arg(&target)
        .assert()
        .success();
    let text = std::fs::read_to_string(&target).unwrap();
    assert_eq!(text.lines().count(), 20);
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("partial"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
    // A full device: one clear line, status 1.
    if Path::new("/dev/full").exists() {
        let out = merzim(&db)
            .args(["export", "--out", "/dev/full"])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1));
        assert_eq!(
            stderr(&out),
            "merzim: the disk is full: cannot write '/dev/full'; free some space and run the command again\n"
        );
    }
}

#[test]
fn look_alike_case_numbers_are_refused_at_import_and_in_links() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("db");
    let file = dir.path().join("in.jsonl");
    let line = |number: &str| {
        serde_json::json!({
            "number": number, "kind": "complaint", "registered": "2026-03-02",
            "addressee": "local-body", "medium": "paper",
            "applicant": {"name": "Б", "iin": "870412300005"}, "subject": "s"
        })
        .to_string()
    };
    // Three numbers that all display as HX-2026-000079 on a careless screen.
    for bad in [
        "HX-2026-000079\u{200b}",
        "HX-2026-\u{202e}970000",
        "НХ-2026-000079",
        "hx-2026-000079",
        "HX-2026-000079\u{1b}",
    ] {
        std::fs::write(&file, line(bad) + "\n").unwrap();
        let out = merzim(&db).arg("import").arg(&file).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{bad:?}");
        assert!(
            stderr(&out).starts_with("merzim: line 1: 'number': '"),
            "{}",
            stderr(&out)
        );
        assert!(
            stderr(&out).contains("is not a case number"),
            "{}",
            stderr(&out)
        );
    }
    std::fs::write(
        &file,
        line("HX-2026-000079") + "\n" + &line("HX-2026-000078") + "\n",
    )
    .unwrap();
    merzim(&db).arg("import").arg(&file).assert().success();
    let svc = Service::from_sled(Store::open(&db).unwrap(), Reference::shipped().unwrap());
    let link = |number: &str| {
        svc.execute(
            &boss(),
            today(),
            Some("HX-2026-000079"),
            None,
            merzim::service::CaseCommand::Link {
                number: number.into(),
                relation: merzim::domain::case::Relation::Related,
            },
        )
    };
    // Refused (no case has such a number, and none could be stored).
    let err = link("HX-2026-000078\u{2060}").unwrap_err().to_string();
    assert!(err.contains("HX-2026-000078\u{2060}"), "{err}");
    link("HX-2026-000078").unwrap();
}

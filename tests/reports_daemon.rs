//! `merzim report` and `merzim digest` through `merzim serve` say what they say embedded
//! (issue 10: the same numbers whatever the door).

mod common;

use std::path::Path;
use std::process::{Command, Output};

use common::serve::{BIN, Daemon, TODAY, demo};

fn merzim(args: &[&str]) -> Output {
    Command::new(BIN)
        .args(["--today", TODAY, "--lang", "en"])
        .args(args)
        .env(
            "MERZIM_DATA_DIR",
            Path::new("/nonexistent-merzim-office-data"),
        )
        .output()
        .expect("merzim runs")
}

fn ok(o: Output) -> Vec<u8> {
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    o.stdout
}

#[test]
fn reports_and_digests_through_the_daemon_are_the_embedded_ones() {
    let dir = demo(300);
    let db = dir.path().join("db");
    let dbs = db.to_str().unwrap();
    let report = |door: &[&str], format: &str| {
        let mut args = door.to_vec();
        args.extend([
            "report",
            "--from",
            "2026-01-01",
            "--to",
            "2026-11-20",
            "--as-of",
            "2026-09-01",
            "--by",
            "officer",
            "--format",
            format,
        ]);
        ok(merzim(&args))
    };
    let digest = |door: &[&str]| {
        let mut args = door.to_vec();
        args.extend(["digest", "--officer", "olga", "--within", "3"]);
        ok(merzim(&args))
    };
    let embedded = (
        report(&["--db", dbs], "csv"),
        report(&["--db", dbs], "text"),
    );
    let embedded_digest = digest(&["--db", dbs]);
    assert!(
        String::from_utf8_lossy(&embedded.0)
            .lines()
            .last()
            .is_some_and(|l| l.starts_with("total,")),
        "{}",
        String::from_utf8_lossy(&embedded.0)
    );

    let d = Daemon::start(dir.path(), &[]);
    let sock = d.socket.to_str().unwrap();
    assert_eq!(report(&["--connect", sock], "csv"), embedded.0);
    assert_eq!(report(&["--connect", sock], "text"), embedded.1);
    assert_eq!(digest(&["--connect", sock]), embedded_digest);
}

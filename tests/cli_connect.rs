//! Every command on the database works through `merzim serve` with the same output as embedded
//! (issue 9, item 4): with `--connect SOCKET`, with `--connect` and the configured socket, and
//! with `--db PATH` while the daemon holds that database (the command finds the daemon's socket
//! beside it), so that backups and exports never need the consoles closed.

mod common;

use std::path::Path;
use std::process::{Command, Output};

use common::serve::{BIN, Daemon, TODAY, demo};

fn merzim(args: &[&str], env: &[(&str, &Path)]) -> Output {
    let mut c = Command::new(BIN);
    c.args(["--today", TODAY, "--lang", "en"]).args(args);
    for (k, v) in env {
        c.env(k, v);
    }
    c.output().expect("merzim runs")
}

fn ok(o: Output) -> Vec<u8> {
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    o.stdout
}

#[test]
fn commands_through_the_daemon_say_what_they_say_embedded() {
    let dir = demo(300);
    let db = dir.path().join("db");
    let dbs = db.to_str().unwrap();
    // Embedded first, while nothing holds the database.
    let jsonl = ok(merzim(&["--db", dbs, "export"], &[]));
    let csv = ok(merzim(&["--db", dbs, "export", "--format", "csv"], &[]));
    let users = ok(merzim(&["--db", dbs, "users", "list"], &[]));
    assert_eq!(jsonl.iter().filter(|b| **b == b'\n').count(), 300);

    let d = Daemon::start(dir.path(), &[]);
    let sock = d.socket.to_str().unwrap();
    // Through the socket, named.
    assert_eq!(ok(merzim(&["--connect", sock, "export"], &[])), jsonl);
    assert_eq!(
        ok(merzim(
            &["--connect", sock, "export", "--format", "csv"],
            &[]
        )),
        csv
    );
    assert_eq!(
        ok(merzim(&["--connect", sock, "users", "list"], &[])),
        users
    );
    // `--db` of a database the daemon holds: through its socket, by itself.
    assert_eq!(ok(merzim(&["--db", dbs, "export"], &[])), jsonl);
    let check = merzim(&["--db", dbs, "check"], &[]);
    assert!(check.status.success());
    assert!(
        String::from_utf8_lossy(&check.stderr).contains("300 cases"),
        "{}",
        String::from_utf8_lossy(&check.stderr)
    );
    // `--connect` before a command takes the configured socket, not the command's name.
    let config = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(config.path().join("merzim")).unwrap();
    std::fs::write(
        config.path().join("merzim/config.toml"),
        format!("socket = \"{sock}\"\n"),
    )
    .unwrap();
    assert_eq!(
        ok(merzim(
            &["--connect", "export"],
            &[("XDG_CONFIG_HOME", config.path())]
        )),
        jsonl
    );

    // A backup while the daemon serves: written and verified.
    let backup = dir.path().join("backup.jsonl");
    let o = merzim(
        &["--db", dbs, "backup", "--out", backup.to_str().unwrap()],
        &[],
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(String::from_utf8_lossy(&o.stderr).contains("verified"));

    // An import with a bad line near its end, through the daemon: one line-numbered error,
    // the database exactly as before.
    let file = dir.path().join("import.jsonl");
    let mut bad = jsonl.clone();
    bad.extend_from_slice(b"{\"not\": \"a case\"}\n");
    std::fs::write(&file, &bad).unwrap();
    let o = merzim(&["--connect", sock, "import", file.to_str().unwrap()], &[]);
    assert_eq!(
        o.status.code(),
        Some(2),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    assert!(
        String::from_utf8_lossy(&o.stderr).contains("301"),
        "the error names the line: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    assert_eq!(ok(merzim(&["--connect", sock, "export"], &[])), jsonl);

    // A daemon that is not there: one line, status 1.
    let o = merzim(&["--connect", "/nonexistent/merzim.sock", "export"], &[]);
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("merzim serve"), "{err}");
}

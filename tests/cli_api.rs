//! The commands on the database through the one door (`&dyn CaseApi`): exports read in chunks
//! are the embedded export byte for byte, a staged import is all or nothing with the same
//! line-numbered errors, roles are the service's, handles are their session's, chunks have a
//! cap, and a database held by `merzim serve` names the socket to use.

use std::path::Path;

use assert_cmd::Command;
use chrono::NaiveDate;
use merzim::reference::Reference;
use merzim::service::api::Session;
use merzim::service::demo::{self, DemoOptions};
use merzim::service::exchange::ImportError;
use merzim::service::identity;
use merzim::service::pointer::POINTER_FILE;
use merzim::service::transfer::{CHUNK, MAX_CHUNK, MAX_OPEN, Snapshot, verify_backup};
use merzim::service::{ApiError, Caller, CaseApi, Role, Service, User};
use merzim::store::Store;
use merzim::wire::{self, MAX_FRAME};

fn today() -> NaiveDate {
    "2026-03-20".parse().unwrap()
}

fn service(db: &Path) -> Service {
    Service::from_sled(Store::open(db).unwrap(), Reference::shipped().unwrap())
}

fn me() -> User {
    let a = identity::current_account().expect("the tests run as an account");
    User {
        uid: a.uid,
        login: a.login,
        name: a.name,
        role: Role::Supervisor,
        disabled: false,
    }
}

/// A demo database of `cases` cases whose supervisor is this account.
fn demo_db(db: &Path, cases: usize) -> Service {
    let svc = service(db);
    demo::fill(
        &svc,
        &DemoOptions {
            cases,
            today: today(),
            seed: 7,
            supervisor: me(),
        },
    )
    .unwrap();
    svc
}

fn caller(uid: u32, login: &str, role: Role) -> Caller {
    Caller {
        uid,
        login: login.into(),
        name: login.into(),
        role,
    }
}

fn session(svc: &Service, who: Caller) -> Session {
    Session::new(svc.clone(), who, Box::new(today))
}

/// Every chunk of a snapshot through `api`, checked to be at most [`CHUNK`] bytes each.
fn chunks(api: &dyn CaseApi, what: Snapshot) -> (Vec<Vec<u8>>, u64, u64) {
    let ready = api.export_begin(what).unwrap();
    let mut pieces = Vec::new();
    let mut offset = 0;
    loop {
        let (bytes, last) = api.export_read(ready.handle, offset).unwrap();
        assert!(bytes.len() <= CHUNK, "a chunk of {} bytes", bytes.len());
        offset += bytes.len() as u64;
        pieces.push(bytes);
        if last {
            break;
        }
    }
    (pieces, ready.size, ready.handle)
}

fn embedded_export(svc: &Service, what: Snapshot) -> Vec<u8> {
    let mut out = Vec::new();
    match what {
        Snapshot::Jsonl => svc.export_jsonl(&mut out).unwrap(),
        Snapshot::Csv => svc.export_csv(&mut out, today()).unwrap(),
        Snapshot::Backup => unreachable!("a backup is compared with its file"),
    };
    out
}

fn merzim(db: &Path) -> Command {
    merzim_in(db, "en")
}

fn merzim_in(db: &Path, lang: &str) -> Command {
    let mut c = Command::cargo_bin("merzim").unwrap();
    c.env_remove("MERZIM_DB")
        .env("MERZIM_CONFIG_DIR", db.with_extension("config"))
        .args(["--today", "2026-03-20", "--lang", lang, "--db"])
        .arg(db);
    c
}

#[test]
fn export_chunks_put_together_are_the_embedded_export_and_the_commands_output() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("db");
    let svc = demo_db(&db, 800);
    let boss = session(&svc, caller(me().uid, &me().login, Role::Supervisor));
    let mut exports = Vec::new();
    for what in [Snapshot::Jsonl, Snapshot::Csv] {
        let (pieces, size, handle) = chunks(&boss, what);
        let whole = pieces.concat();
        assert_eq!(whole.len() as u64, size);
        assert_eq!(whole, embedded_export(&svc, what), "{what:?}");
        // The handle closed with its last chunk.
        match boss.export_read(handle, 0) {
            Err(ApiError::Invalid { field, .. }) => assert_eq!(field, "handle"),
            other => panic!("a finished export is still readable: {other:?}"),
        }
        exports.push(whole);
    }
    assert!(
        exports[0].len() > 2 * CHUNK,
        "the JSON Lines export is {} bytes: too small to need chunks",
        exports[0].len()
    );
    // One chunk's answer is one frame on the daemon's socket.
    let (pieces, _, _) = chunks(&boss, Snapshot::Jsonl);
    let answer = merzim::service::Response::ExportChunk {
        bytes: pieces[0].clone(),
        last: false,
    };
    let frames = wire::reply_frames(1, &answer).unwrap();
    assert_eq!(frames.len(), 1);
    assert!(frames[0].len() <= MAX_FRAME);
    drop((boss, svc));

    // The command goes the same way: its output is the chunks, byte for byte.
    let out = merzim(&db).arg("export").output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(out.stdout, exports[0]);
    let out = merzim(&db)
        .args(["export", "--format", "csv"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(out.stdout, exports[1]);
}

#[test]
fn a_backup_snapshot_through_the_door_is_the_backup_file_and_verifies() {
    let dir = tempfile::tempdir().unwrap();
    let svc = demo_db(&dir.path().join("db"), 30);
    let file = dir.path().join("direct.jsonl");
    let direct = svc.backup(&file, today()).unwrap();
    let boss = session(&svc, caller(me().uid, &me().login, Role::Supervisor));
    let (pieces, size, _) = chunks(&boss, Snapshot::Backup);
    let through = dir.path().join("through.jsonl");
    std::fs::write(&through, pieces.concat()).unwrap();
    assert_eq!(
        std::fs::read(&file).unwrap(),
        std::fs::read(&through).unwrap()
    );
    let verified = verify_backup(
        &through,
        &dir.path().join("verify-db"),
        svc.reference(),
        today(),
    )
    .unwrap();
    assert_eq!((verified, size), (direct.bytes, direct.bytes));
}

/// A JSON Lines export of `cases` demo cases, as bytes.
fn cases_file(dir: &Path, cases: usize) -> Vec<u8> {
    let svc = demo_db(&dir.join("source"), cases);
    embedded_export(&svc, Snapshot::Jsonl)
}

/// Stages `bytes` in pieces of `piece` bytes and commits.
fn staged_import(
    api: &dyn CaseApi,
    bytes: &[u8],
    piece: usize,
) -> Result<merzim::service::exchange::ImportReport, ApiError> {
    let handle = api.import_begin()?;
    let mut staged = 0;
    for p in bytes.chunks(piece) {
        staged = api.import_chunk(handle, p.to_vec())?;
    }
    assert_eq!(staged, bytes.len() as u64);
    api.import_commit(handle)
}

#[test]
fn a_staged_import_with_a_bad_line_near_the_end_writes_nothing_and_names_the_line() {
    let dir = tempfile::tempdir().unwrap();
    let mut file = cases_file(dir.path(), 60);
    let good_lines = file.iter().filter(|&&b| b == b'\n').count();
    file.extend_from_slice(b"{\"number\": \"KZ-2026-999999\", \"kind\": \n");
    let path = dir.path().join("bad.jsonl");
    std::fs::write(&path, &file).unwrap();

    // The embedded import of the same file, on a database of its own, says which line.
    let reference_db = service(&dir.path().join("reference"));
    let expected = match reference_db.import_file(&path, &me_actor(), today()) {
        Err(ImportError::Invalid { lines, total }) => (lines, total),
        other => panic!("expected a bad line, got {other:?}"),
    };
    assert_eq!(expected.1, 1);
    assert!(
        expected.0[0].starts_with(&format!("line {}: ", good_lines + 1)),
        "{:?}",
        expected.0
    );

    // The database already holds the file's first ten cases: they are skipped as unchanged.
    let svc = service(&dir.path().join("db"));
    let first: Vec<u8> = file
        .split_inclusive(|&b| b == b'\n')
        .take(10)
        .flatten()
        .copied()
        .collect();
    let first_path = dir.path().join("first.jsonl");
    std::fs::write(&first_path, &first).unwrap();
    svc.import_file(&first_path, &me_actor(), today()).unwrap();
    let before = embedded_export(&svc, Snapshot::Jsonl);
    assert_eq!(before, first);
    let users_before = svc.users().unwrap();
    let boss = session(&svc, caller(me().uid, &me().login, Role::Supervisor));
    // Pieces of 1000 bytes: lines and Cyrillic letters are cut in the middle.
    match staged_import(&boss, &file, 1000) {
        Err(ApiError::BadLines { lines, total }) => assert_eq!((lines, total), expected),
        other => panic!("expected the bad line, got {other:?}"),
    }
    assert_eq!(embedded_export(&svc, Snapshot::Jsonl), before);
    assert_eq!(svc.users().unwrap(), users_before);

    // Without the bad line, the same pieces import every case, as the embedded import does.
    let good = &file[..file.len() - b"{\"number\": \"KZ-2026-999999\", \"kind\": \n".len()];
    let fresh = service(&dir.path().join("fresh"));
    let fresh_boss = session(&fresh, caller(me().uid, &me().login, Role::Supervisor));
    let r = staged_import(&fresh_boss, good, 1000).unwrap();
    assert_eq!((r.added, r.unchanged), (60, 0));
    assert_eq!(embedded_export(&fresh, Snapshot::Jsonl), good);
}

fn me_actor() -> merzim::domain::case::Actor {
    let u = me();
    merzim::domain::case::Actor {
        uid: u.uid,
        login: u.login,
        name: u.name,
    }
}

#[test]
fn roles_are_the_services_officers_export_nothing_and_auditors_change_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let svc = demo_db(&dir.path().join("db"), 5);
    let others: Vec<_> = ["root", "daemon", "bin", "nobody"]
        .iter()
        .filter_map(|l| identity::account_by_login(l).ok())
        .filter(|a| a.uid != me().uid)
        .collect();
    let other = &others[0];
    let officer = session(&svc, caller(1001, "aliya", Role::Officer));
    let auditor = session(&svc, caller(1009, "audit", Role::Auditor));
    let forbidden = |r: Result<_, ApiError>, key: &str| match r {
        Err(ApiError::Forbidden { message }) => assert_eq!(message.key, key),
        Err(e) => panic!("expected {key}, got {e:?}"),
        Ok(_) => panic!("expected {key}, it was done"),
    };
    forbidden(
        officer
            .add_user(other.login.clone(), None, Role::Officer)
            .map(drop),
        "users-error-not-supervisor",
    );
    forbidden(
        officer.set_role("aliya".into(), Role::Supervisor).map(drop),
        "users-error-not-supervisor",
    );
    forbidden(
        auditor.set_disabled("aliya".into(), true).map(drop),
        "users-error-not-supervisor",
    );
    forbidden(
        officer.export_begin(Snapshot::Jsonl).map(drop),
        "transfer-export-forbidden",
    );
    forbidden(
        officer.export_begin(Snapshot::Backup).map(drop),
        "transfer-export-forbidden",
    );
    forbidden(
        officer.import_begin().map(drop),
        "transfer-import-forbidden",
    );
    forbidden(
        auditor.import_begin().map(drop),
        "transfer-import-forbidden",
    );
    // An auditor reads everything: the export is theirs.
    let (pieces, _, _) = chunks(&auditor, Snapshot::Jsonl);
    assert_eq!(pieces.concat(), embedded_export(&svc, Snapshot::Jsonl));
    assert!(svc.users().unwrap().iter().all(|u| u.uid != other.uid));

    // The supervisor adds, changes and lists users through the same requests.
    let boss = session(&svc, caller(me().uid, &me().login, Role::Supervisor));
    let added = boss
        .add_user(other.login.clone(), Some("Сәуле".into()), Role::Officer)
        .unwrap();
    assert_eq!((added.uid, added.role), (other.uid, Role::Officer));
    assert_eq!(
        boss.set_role(other.login.clone(), Role::Auditor)
            .unwrap()
            .role,
        Role::Auditor
    );
    assert!(
        boss.set_disabled(other.login.clone(), true)
            .unwrap()
            .disabled
    );
    assert!(boss.users().unwrap().contains(&User {
        uid: other.uid,
        login: other.login.clone(),
        name: "Сәуле".into(),
        role: Role::Auditor,
        disabled: true,
    }));
}

#[test]
fn a_handle_is_its_sessions_and_the_chunks_and_handles_have_caps() {
    let dir = tempfile::tempdir().unwrap();
    let svc = demo_db(&dir.path().join("db"), 5);
    let a = session(&svc, caller(me().uid, &me().login, Role::Supervisor));
    let b = session(&svc, caller(me().uid, &me().login, Role::Supervisor));
    let ready = a.export_begin(Snapshot::Jsonl).unwrap();
    match b.export_read(ready.handle, 0) {
        Err(ApiError::Invalid { field, message }) => {
            assert_eq!(field, "handle");
            assert_eq!(message.key, "transfer-unknown-handle");
        }
        other => panic!("another session's export was read: {other:?}"),
    }
    assert!(!b.discard(ready.handle).unwrap());
    let (bytes, last) = a.export_read(ready.handle, 0).unwrap();
    assert!(last);
    assert_eq!(bytes, embedded_export(&svc, Snapshot::Jsonl));

    // A piece over the cap is refused before it is staged.
    let handle = a.import_begin().unwrap();
    match a.import_chunk(handle, vec![b' '; MAX_CHUNK + 1]) {
        Err(ApiError::Invalid { field, message }) => {
            assert_eq!(field, "bytes");
            assert_eq!(message.key, "transfer-chunk-too-big");
        }
        other => panic!("a chunk over the cap was taken: {other:?}"),
    }
    assert_eq!(a.import_chunk(handle, b"\n".to_vec()).unwrap(), 1);
    // An import handle is not read as an export, nor another session's committed.
    assert!(matches!(
        a.export_read(handle, 0),
        Err(ApiError::Invalid { ref field, .. }) if field == "handle"
    ));
    assert!(matches!(
        b.import_commit(handle),
        Err(ApiError::Invalid { ref field, .. }) if field == "handle"
    ));
    let r = a.import_commit(handle).unwrap();
    assert_eq!((r.added, r.unchanged), (0, 0));

    // A session holds a few handles at most.
    let open: Vec<u64> = (0..MAX_OPEN).map(|_| a.import_begin().unwrap()).collect();
    assert!(matches!(
        a.export_begin(Snapshot::Csv),
        Err(ApiError::Rejected { .. })
    ));
    for h in open {
        assert!(a.discard(h).unwrap());
    }
    a.export_begin(Snapshot::Csv).unwrap();
    // Scratch files are unlinked at once: nothing of them is left in the database directory.
    let left: Vec<_> = std::fs::read_dir(dir.path().join("db"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".transfer-"))
        .collect();
    assert!(left.is_empty(), "{left:?}");
}

#[test]
fn a_database_held_by_merzim_serve_names_its_socket() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("db");
    // This process holds the database, as the daemon would.
    let svc = demo_db(&db, 3);
    let locked = merzim(&db).arg("export").output().unwrap();
    assert_eq!(locked.status.code(), Some(1));
    let plain = String::from_utf8(locked.stderr).unwrap();
    assert!(plain.contains("is in use by another process"), "{plain}");

    std::fs::write(db.join(POINTER_FILE), "/run/merzim/merzim.sock\n").unwrap();
    for args in [
        vec!["export"],
        vec!["backup", "--out", "x.jsonl"],
        vec!["users", "list"],
    ] {
        let out = merzim(&db).args(&args).output().unwrap();
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        assert_eq!(
            String::from_utf8(out.stderr).unwrap(),
            format!(
                "merzim: the database '{}' is in use by merzim serve; use: merzim --connect '/run/merzim/merzim.sock' COMMAND ...\n",
                db.display()
            ),
            "{args:?}"
        );
    }
    let out = merzim_in(&db, "ru")
        .args(["import", "x.jsonl"])
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8(out.stderr).unwrap(),
        format!(
            "merzim: базой '{}' владеет merzim serve; используйте: merzim --connect '/run/merzim/merzim.sock' КОМАНДА ...\n",
            db.display()
        )
    );
    drop(svc);
    // Once the daemon is gone, a stale pointer changes nothing.
    let out = merzim(&db).arg("export").output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

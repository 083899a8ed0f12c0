//! The store on real temporary sled databases: every record type round-trips, history is
//! append-only, numbers have no gaps or duplicates, schema versions are checked, files are
//! private.

use std::collections::BTreeSet;

use chrono::{DateTime, NaiveDate, Utc};
use merzim::domain::case::{
    Actor, Applicant, Case, EventKind, Matter, NewCase, Outcome, PartyId, Relation, Status,
};
use merzim::domain::deadline::NoticeKind;
use merzim::domain::ids::{Bin, Iin, with_check_digit};
use merzim::domain::vocabulary::{Addressee, Channel, Form, Ground, Medium};
use merzim::reference::Reference;
use merzim::store::{Role, SCHEMA_VERSION, Store, StoreError, User};
use proptest::prelude::*;

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn actor(uid: u32) -> Actor {
    Actor {
        uid,
        login: format!("u{uid}"),
        name: format!("Пайдаланушы {uid}"),
    }
}

fn at(n: i64) -> DateTime<Utc> {
    DateTime::from_timestamp(1_774_000_000 + n, 0).unwrap()
}

fn reference() -> Reference {
    Reference::shipped().unwrap()
}

fn new_case(text: &str, subject: &str, addressee: Addressee, entity: bool) -> NewCase {
    let id = if entity {
        PartyId::Entity(Bin::parse("990340000014").unwrap())
    } else {
        PartyId::Individual(Iin::parse("870412300005").unwrap())
    };
    NewCase {
        matter: Matter::Complaint {
            addressee,
            set_due: None,
        },
        medium: Medium::Paper,
        applicant: Applicant {
            name: "Әбенов Нұрлан".into(),
            id,
            contact: "Астана".into(),
        },
        registered: d("2026-03-02"),
        subject: subject.into(),
        text: text.into(),
    }
}

/// A case with a varied history, built through the domain as the service would.
fn lived(number: &str, text: &str, subject: &str, steps: u8, entity: bool) -> Case {
    let r = reference();
    let (cal, rules) = (&r.calendar, &r.rules);
    let today = d("2026-04-30");
    let mut c = Case::register(
        new_case(text, subject, Addressee::CentralBody, entity),
        number.into(),
        actor(1),
        at(0),
        cal,
        rules,
        today,
    )
    .unwrap();
    let events = [
        EventKind::Assigned {
            to: Some("aliya".into()),
        },
        EventKind::Extended {
            date: d("2026-03-04"),
            days: 4,
            ground: Ground::Verification,
            reason: "жерге шығу".into(),
        },
        EventKind::NoticeSent {
            kind: NoticeKind::ExtensionNotice,
            sent: d("2026-03-05"),
            form: Form::Written,
            reference: "№ 1".into(),
        },
        // A note is never blank (the domain refuses one); the original text may be.
        EventKind::NoteAdded {
            text: format!("note: {text}"),
        },
        EventKind::Decided {
            outcome: Outcome::Satisfied,
            date: d("2026-03-10"),
            ground: None,
        },
        EventKind::AnswerSent {
            sent: d("2026-03-10"),
            form: Form::Written,
            reference: "№ 2".into(),
        },
        EventKind::Linked {
            number: "KZ-2025-000001".into(),
            relation: Relation::Related,
        },
        EventKind::Closed {
            date: d("2026-03-11"),
        },
        EventKind::Reopened {
            date: d("2026-03-12"),
            reason: "жаңа дәлел".into(),
        },
    ];
    for (i, e) in events.into_iter().take(usize::from(steps)).enumerate() {
        c.apply(e, actor(2), at(i as i64 + 1), cal, rules, today)
            .unwrap();
    }
    c
}

fn temp_store() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("db")).unwrap();
    (dir, store)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    /// A case, its original text, every history entry and a user come back as written.
    #[test]
    fn records_round_trip(text in "\\PC{0,300}", subject in "\\PC{1,40}", steps in 0u8..10, entity in any::<bool>(), uid in any::<u32>(), name in "\\PC{0,20}") {
        prop_assume!(!subject.trim().is_empty());
        let (_dir, store) = temp_store();
        let case = lived("KZ-2026-000001", &text, &subject, steps, entity);
        store.insert_many(std::slice::from_ref(&case)).unwrap();
        let (_, back) = store.case("KZ-2026-000001").unwrap().unwrap();
        prop_assert_eq!(&back, &case);
        prop_assert_eq!(back.events.len() as u64, case.version);
        let user = User { uid, login: "x".into(), name, role: if entity { Role::Officer } else { Role::Supervisor }, disabled: false };
        store.put_user(&user).unwrap();
        prop_assert_eq!(store.user(uid).unwrap(), Some(user));
    }
}

#[test]
fn applications_round_trip_too() {
    let r = reference();
    let (_dir, store) = temp_store();
    let mut new = new_case("мәтін", "тақырып", Addressee::LocalBody, false);
    new.matter = Matter::Application {
        channel: Channel::StateCorporation,
        service: Some("S-001".into()),
        term: "15wd".parse().unwrap(),
    };
    let mut c = Case::register(
        new,
        "KZ-2026-000009".into(),
        actor(1),
        at(0),
        &r.calendar,
        &r.rules,
        d("2026-03-20"),
    )
    .unwrap();
    c.apply(
        EventKind::Decided {
            outcome: Outcome::Refused,
            date: d("2026-03-03"),
            ground: Some("Art. 19-1.2.1".into()),
        },
        actor(1),
        at(1),
        &r.calendar,
        &r.rules,
        d("2026-03-20"),
    )
    .unwrap();
    store.insert_many(std::slice::from_ref(&c)).unwrap();
    assert_eq!(store.case("KZ-2026-000009").unwrap().unwrap().1, c);
}

#[test]
fn history_is_append_only() {
    let (_dir, store) = temp_store();
    let r = reference();
    let mut case = lived("KZ-2026-000001", "t", "s", 3, false);
    store.insert_many(std::slice::from_ref(&case)).unwrap();
    let id = store.id_of("KZ-2026-000001").unwrap().unwrap();
    let before = store.history(id).unwrap();

    // A later change appends one entry and leaves the earlier ones exactly as they were.
    let based_on = case.version;
    let e = case
        .apply(
            EventKind::NoteAdded {
                text: "қосымша".into(),
            },
            actor(3),
            at(99),
            &r.calendar,
            &r.rules,
            d("2026-04-30"),
        )
        .unwrap();
    store
        .update(id, based_on, &case, std::slice::from_ref(&e))
        .unwrap();
    let after = store.history(id).unwrap();
    assert_eq!(after.len(), before.len() + 1);
    assert_eq!(&after[..before.len()], &before[..]);

    // Writing an entry of an existing version is refused, whatever the case's version says.
    let mut forged = e.clone();
    forged.what = EventKind::NoteAdded {
        text: "подделка".into(),
    };
    let mut stale = case.clone();
    stale.version = case.version;
    let err = store
        .update(id, case.version, &stale, &[forged])
        .unwrap_err();
    assert!(
        matches!(err, StoreError::HistoryExists { version, .. } if version == e.version),
        "{err}"
    );
    assert_eq!(
        store.history(id).unwrap(),
        after,
        "the refused write left history untouched"
    );

    // Re-inserting a case under a taken number is refused.
    let err = store.insert_many(std::slice::from_ref(&case)).unwrap_err();
    assert!(matches!(err, StoreError::DuplicateNumber(_)), "{err}");
    assert_eq!(store.history(id).unwrap(), after);
}

#[test]
fn a_stale_version_is_a_conflict() {
    let (_dir, store) = temp_store();
    let r = reference();
    let case = lived("KZ-2026-000001", "t", "s", 1, false);
    store.insert_many(std::slice::from_ref(&case)).unwrap();
    let id = store.id_of(&case.number).unwrap().unwrap();
    let mut a = case.clone();
    let ea = a
        .apply(
            EventKind::NoteAdded { text: "a".into() },
            actor(1),
            at(5),
            &r.calendar,
            &r.rules,
            d("2026-04-30"),
        )
        .unwrap();
    let mut b = case.clone();
    let eb = b
        .apply(
            EventKind::NoteAdded { text: "b".into() },
            actor(2),
            at(6),
            &r.calendar,
            &r.rules,
            d("2026-04-30"),
        )
        .unwrap();
    store.update(id, case.version, &a, &[ea]).unwrap();
    let err = store.update(id, case.version, &b, &[eb]).unwrap_err();
    match err {
        StoreError::Conflict {
            expected, current, ..
        } => assert_eq!((expected, current), (2, 3)),
        e => panic!("{e}"),
    }
    let (_, stored) = store.case(&case.number).unwrap().unwrap();
    assert_eq!(stored, a);
}

#[test]
fn numbers_have_no_gaps_and_no_duplicates() {
    let (_dir, store) = temp_store();
    let r = reference();
    // An imported case already holds number 3 of the series: allocation goes past it.
    let imported = lived("KZ-2026-000003", "t", "s", 0, false);
    store.insert_many(std::slice::from_ref(&imported)).unwrap();
    let mut numbers = Vec::new();
    for i in 0..5 {
        let c = store
            .register(2026, |number| {
                Case::register(
                    new_case("t", &format!("s{i}"), Addressee::LocalBody, false),
                    number,
                    actor(1),
                    at(i),
                    &r.calendar,
                    &r.rules,
                    d("2026-03-20"),
                )
            })
            .unwrap();
        numbers.push(c.number);
    }
    assert_eq!(
        numbers,
        [
            "KZ-2026-000004",
            "KZ-2026-000005",
            "KZ-2026-000006",
            "KZ-2026-000007",
            "KZ-2026-000008"
        ]
    );

    // A refused registration uses no number.
    let refused = store.register(2026, |_| Err::<Case, &str>("no"));
    assert!(refused.is_err());
    let c = store
        .register(2026, |number| {
            Case::register(
                new_case("t", "s", Addressee::LocalBody, false),
                number,
                actor(1),
                at(9),
                &r.calendar,
                &r.rules,
                d("2026-03-20"),
            )
        })
        .unwrap();
    assert_eq!(c.number, "KZ-2026-000009");

    store.set_body("ALM").unwrap();
    let c = store
        .register(2025, |number| {
            Case::register(
                new_case("t", "s", Addressee::LocalBody, false),
                number,
                actor(1),
                at(9),
                &r.calendar,
                &r.rules,
                d("2026-03-20"),
            )
        })
        .unwrap();
    assert_eq!(c.number, "ALM-2025-000001");
    let all: BTreeSet<String> = store.scan().map(|r| r.unwrap().case.number).collect();
    assert_eq!(all.len(), 8);
}

#[test]
fn indexes_follow_assignee_and_status() {
    let (_dir, store) = temp_store();
    let closed = lived("KZ-2026-000001", "t", "s", 8, false);
    let open = lived("KZ-2026-000002", "t", "s", 1, false);
    let fresh = lived("KZ-2026-000003", "t", "s", 0, false);
    store.insert_many(&[closed.clone(), open, fresh]).unwrap();
    assert_eq!(closed.status, Status::Closed);
    assert_eq!(store.ids_with_status(Status::Closed).unwrap(), vec![1]);
    assert_eq!(store.ids_with_status(Status::InProgress).unwrap(), vec![2]);
    assert_eq!(store.ids_assigned_to("aliya").unwrap(), vec![1, 2]);
    assert!(store.ids_assigned_to("ali").unwrap().is_empty());
    store.rebuild_indexes().unwrap();
    assert_eq!(store.ids_assigned_to("aliya").unwrap(), vec![1, 2]);
}

#[test]
fn schema_versions_are_checked() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("db");
    {
        let store = Store::open(&path).unwrap();
        assert_eq!(store.schema_version().unwrap(), Some(SCHEMA_VERSION));
        store
            .insert_many(&[lived("KZ-2026-000001", "t", "s", 1, false)])
            .unwrap();
    }
    // A database from before the schema was recorded (version 0): its indexes are rebuilt.
    {
        let db = sled::open(&path).unwrap();
        db.open_tree("meta").unwrap().remove("schema").unwrap();
        db.open_tree("by-assignee").unwrap().clear().unwrap();
        db.flush().unwrap();
    }
    {
        let store = Store::open(&path).unwrap();
        assert_eq!(store.schema_version().unwrap(), Some(SCHEMA_VERSION));
        assert_eq!(store.ids_assigned_to("aliya").unwrap(), vec![1]);
    }
    // A database from a newer program is refused, and left as it was.
    {
        let db = sled::open(&path).unwrap();
        db.open_tree("meta")
            .unwrap()
            .insert("schema", &(SCHEMA_VERSION + 1).to_be_bytes())
            .unwrap();
        db.flush().unwrap();
    }
    let err = Store::open(&path).unwrap_err();
    assert_eq!(
        err.to_string(),
        format!(
            "the database '{}' has schema version {}, newer than this program's {SCHEMA_VERSION}: upgrade merzim to open it",
            path.display(),
            SCHEMA_VERSION + 1
        )
    );
}

#[test]
fn a_second_process_is_refused_clearly() {
    // sled locks the database file; a second open in the same process hits the same lock.
    let (dir, _store) = temp_store();
    let err = Store::open(&dir.path().join("db")).unwrap_err();
    assert!(
        err.to_string().contains("is in use by another process"),
        "{err}"
    );
}

#[cfg(unix)]
#[test]
fn files_are_private() {
    use std::os::unix::fs::PermissionsExt;
    let (dir, store) = temp_store();
    store
        .insert_many(&[lived("KZ-2026-000001", "t", "s", 2, false)])
        .unwrap();
    store.flush().unwrap();
    let mut checked = 0;
    let mut stack = vec![dir.path().join("db")];
    while let Some(p) = stack.pop() {
        let mode = std::fs::metadata(&p).unwrap().permissions().mode();
        assert_eq!(mode & 0o077, 0, "{} has mode {mode:o}", p.display());
        checked += 1;
        if p.is_dir() {
            stack.extend(std::fs::read_dir(&p).unwrap().map(|e| e.unwrap().path()));
        }
    }
    assert!(checked >= 3);
}

#[test]
fn generated_ids_are_accepted_by_the_store() {
    // Any valid IIN survives the round trip.
    let (_dir, store) = temp_store();
    let r = reference();
    let mut n = 0;
    for serial in 0..40u32 {
        let s = format!("9001013{serial:04}");
        let mut first = [0u8; 11];
        for (o, c) in first.iter_mut().zip(s.bytes()) {
            *o = c - b'0';
        }
        let Some(iin) = with_check_digit(&first) else {
            continue;
        };
        let mut new = new_case("t", "s", Addressee::LocalBody, false);
        new.applicant.id = PartyId::Individual(Iin::parse(&iin).unwrap());
        let c = store
            .register(2026, |number| {
                Case::register(
                    new.clone(),
                    number,
                    actor(1),
                    at(0),
                    &r.calendar,
                    &r.rules,
                    d("2026-03-20"),
                )
            })
            .unwrap();
        let (_, back) = store.case(&c.number).unwrap().unwrap();
        assert_eq!(back.applicant.id.as_str(), iin);
        n += 1;
    }
    assert!(n > 30);
}

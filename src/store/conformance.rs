//! The conformance suite of [`CaseStore`]: the contract written in its doc comments, checked
//! once for every backend. sled runs it in `tests/store_conformance.rs`; the PostgreSQL backend
//! runs the same checks with its own [`Backend`]:
//!
//! ```ignore
//! fn sled() -> Box<dyn merzim::store::conformance::Backend> { /* a new temporary database */ }
//! merzim::store_conformance_tests!(sled);
//! ```
//!
//! Each check takes a factory that makes a new, empty database each time it is called, so
//! checks never see each other's cases. They panic (they are tests) with what broke.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use chrono::{DateTime, NaiveDate, Utc};

use super::drafts::DraftRecord;
use super::{CaseStore, DEFAULT_BODY, Role, SCHEMA_VERSION, StoreError, Tx, User};
use crate::domain::calendar::Calendar;
use crate::domain::case::{
    Actor, Applicant, Case, CaseError, Event, EventKind, Field, Matter, NewCase, PartyId,
};
use crate::domain::ids::Iin;
use crate::domain::rules::RuleBook;
use crate::domain::vocabulary::{Addressee, Medium};

/// One database of the backend under test.
pub trait Backend {
    /// The open store. Every clone handed out is dropped by the check before [`Backend::reopen`].
    fn store(&self) -> Arc<dyn CaseStore>;

    /// Closes the store and opens the same database again, as a restarted daemon would: sled
    /// reopens its directory, a SQL backend connects anew to the same database.
    fn reopen(&mut self);

    /// What this backend can hold; checks that need more are skipped, and say so.
    fn capabilities(&self) -> Capabilities;

    /// Replaces case `id`'s stored record with bytes that do not decode. Called only when
    /// [`Capabilities::damaged_records`] is set; the store may be reopened to do it.
    fn damage_case_record(&mut self, id: u64);
}

/// What a backend can hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Capabilities {
    /// Whether a stored case record can be unreadable (sled keeps encoded bytes; typed SQL
    /// columns cannot be half a record). The damaged-record checks need it.
    pub damaged_records: bool,
}

/// Makes a new, empty database of the backend under test.
pub type Factory<'a> = &'a dyn Fn() -> Box<dyn Backend>;

/// One check of the suite.
pub struct Check {
    pub name: &'static str,
    pub run: fn(Factory<'_>),
}

/// Every check, by name: [`store_conformance_tests!`](crate::store_conformance_tests) makes a
/// test of each, and a test checks that it forgets none.
pub const CHECKS: &[Check] = &[
    Check {
        name: "numbers_are_gapless_per_year",
        run: numbers_are_gapless_per_year,
    },
    Check {
        name: "concurrent_registrations_leave_no_gap_and_no_duplicate",
        run: concurrent_registrations_leave_no_gap_and_no_duplicate,
    },
    Check {
        name: "a_stale_version_is_refused_and_changes_nothing",
        run: a_stale_version_is_refused_and_changes_nothing,
    },
    Check {
        name: "concurrent_updaters_lose_no_acknowledged_update",
        run: concurrent_updaters_lose_no_acknowledged_update,
    },
    Check {
        name: "history_is_append_only_and_the_text_immutable",
        run: history_is_append_only_and_the_text_immutable,
    },
    Check {
        name: "acknowledged_writes_survive_reopening",
        run: acknowledged_writes_survive_reopening,
    },
    Check {
        name: "users_round_trip",
        run: users_round_trip,
    },
    Check {
        name: "drafts_round_trip_and_stay_with_their_account",
        run: drafts_round_trip_and_stay_with_their_account,
    },
    Check {
        name: "insert_many_is_all_or_nothing",
        run: insert_many_is_all_or_nothing,
    },
    Check {
        name: "a_scan_sees_every_case_once",
        run: a_scan_sees_every_case_once,
    },
    Check {
        name: "a_history_scan_equals_each_history",
        run: a_history_scan_equals_each_history,
    },
    Check {
        name: "indexes_follow_every_change",
        run: indexes_follow_every_change,
    },
    Check {
        name: "meta_round_trips",
        run: meta_round_trips,
    },
    Check {
        name: "a_damaged_record_is_reported_not_fatal",
        run: a_damaged_record_is_reported_not_fatal,
    },
];

/// One `#[test]` per check of [`CHECKS`] against the backend `$factory` (a `fn() -> Box<dyn
/// Backend>`), and a test that no check of [`CHECKS`] was left out.
#[macro_export]
macro_rules! store_conformance_tests {
    ($factory:path) => {
        $crate::store_conformance_tests!(@each $factory;
            numbers_are_gapless_per_year,
            concurrent_registrations_leave_no_gap_and_no_duplicate,
            a_stale_version_is_refused_and_changes_nothing,
            concurrent_updaters_lose_no_acknowledged_update,
            history_is_append_only_and_the_text_immutable,
            acknowledged_writes_survive_reopening,
            users_round_trip,
            drafts_round_trip_and_stay_with_their_account,
            insert_many_is_all_or_nothing,
            a_scan_sees_every_case_once,
            a_history_scan_equals_each_history,
            indexes_follow_every_change,
            meta_round_trips,
            a_damaged_record_is_reported_not_fatal,
        );
    };
    (@each $factory:path; $($check:ident),* $(,)?) => {
        $(
            #[test]
            fn $check() {
                $crate::store::conformance::$check(&$factory);
            }
        )*

        #[test]
        fn every_conformance_check_runs() {
            let generated: Vec<&str> = vec![$(stringify!($check)),*];
            let listed: Vec<&str> = $crate::store::conformance::CHECKS
                .iter()
                .map(|c| c.name)
                .collect();
            assert_eq!(generated, listed, "the macro and CHECKS list different checks");
        }
    };
}

// ---- cases to store ----

/// The law a check's cases are made under: weekends only, the shipped rules.
struct Law {
    cal: Calendar,
    rules: RuleBook,
}

fn law() -> Law {
    Law {
        cal: Calendar::weekends_only(),
        rules: RuleBook::parse("shipped rules", crate::reference::SHIPPED_RULES)
            .expect("the shipped rules parse"),
    }
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 6, 30).expect("a date")
}

fn at(seconds: i64) -> DateTime<Utc> {
    DateTime::from_timestamp(1_774_000_000 + seconds, 0).expect("a time")
}

fn actor(uid: u32) -> Actor {
    Actor {
        uid,
        login: format!("officer{uid}"),
        name: format!("Қызметкер {uid}"),
    }
}

fn new_case(subject: &str) -> NewCase {
    NewCase {
        matter: Matter::Complaint {
            addressee: Addressee::LocalBody,
            set_due: None,
        },
        medium: Medium::Paper,
        applicant: Applicant {
            name: "Әбенов Нұрлан".into(),
            id: PartyId::Individual(Iin::parse("870412300005").expect("a valid IIN")),
            contact: "Астана".into(),
        },
        registered: NaiveDate::from_ymd_opt(2026, 3, 2).expect("a date"),
        subject: subject.into(),
        text: format!("Өтінішіме жауап жоқ: {subject}."),
    }
}

impl Law {
    /// A case registered under `number`, as an import brings it.
    fn case(&self, number: &str, subject: &str) -> Case {
        self.register(number.to_string(), subject)
            .expect("the case registers")
    }

    fn register(&self, number: String, subject: &str) -> Result<Case, CaseError> {
        Case::register(
            new_case(subject),
            number,
            actor(1),
            at(0),
            &self.cal,
            &self.rules,
            today(),
        )
    }

    /// Applies `what` to `case` and returns the history entry to store.
    fn apply(&self, case: &mut Case, what: EventKind) -> Event {
        case.apply(what, actor(2), at(60), &self.cal, &self.rules, today())
            .expect("the change applies")
    }

    fn assign(&self, case: &mut Case, to: &str) -> Event {
        self.apply(
            case,
            EventKind::Assigned {
                to: Some(to.into()),
            },
        )
    }

    fn note(&self, case: &mut Case, text: &str) -> Event {
        self.apply(case, EventKind::NoteAdded { text: text.into() })
    }
}

fn number(body: &str, year: i32, serial: u64) -> String {
    format!("{body}-{year}-{serial:06}")
}

/// Registers a case through the store's own numbering.
fn register(store: &dyn CaseStore, law: &Law, year: i32, subject: &str) -> Case {
    store
        .register(year, &|n| law.register(n, subject))
        .unwrap_or_else(|e| panic!("registration in {year} failed: {e}"))
}

/// The case `number` as stored, with its id.
fn stored(store: &dyn CaseStore, number: &str) -> (u64, Case) {
    store
        .case(number)
        .unwrap_or_else(|e| panic!("case '{number}' cannot be read: {e}"))
        .unwrap_or_else(|| panic!("case '{number}' is not in the store"))
}

// ---- the checks ----

/// Each year has its own series, counted from 1 with no gap; a refused registration uses no
/// number; the counter moves past imported numbers; the body code starts the series.
pub fn numbers_are_gapless_per_year(factory: Factory<'_>) {
    let backend = factory();
    let store = backend.store();
    let law = law();
    let mut got = Vec::new();
    for year in [2026, 2026, 2025, 2026, 2025] {
        got.push(register(store.as_ref(), &law, year, "s").number);
    }
    let refused = store.register(2026, &|_| Err(CaseError::Empty(Field::Subject)));
    assert!(
        matches!(refused, Err(Tx::Rejected(CaseError::Empty(_)))),
        "a refusal by the closure is the closure's: {refused:?}"
    );
    got.push(register(store.as_ref(), &law, 2026, "s").number);
    let b = DEFAULT_BODY;
    assert_eq!(
        got,
        [
            number(b, 2026, 1),
            number(b, 2026, 2),
            number(b, 2025, 1),
            number(b, 2026, 3),
            number(b, 2025, 2),
            number(b, 2026, 4),
        ]
    );

    // An imported number ahead of the counter moves it; a registration never reissues it.
    store
        .insert_many(&[law.case(&number(b, 2026, 7), "imported")])
        .expect("import");
    assert_eq!(
        register(store.as_ref(), &law, 2026, "s").number,
        number(b, 2026, 8)
    );

    store.set_body("ALM").expect("body code");
    assert_eq!(
        register(store.as_ref(), &law, 2026, "s").number,
        number("ALM", 2026, 1)
    );
    assert_eq!(store.count().expect("count"), 9);
}

/// Many threads registering at once in two years: every number of each year from 1 to the
/// count, each once, and each case stored under its number.
pub fn concurrent_registrations_leave_no_gap_and_no_duplicate(factory: Factory<'_>) {
    const THREADS: usize = 8;
    const EACH: usize = 6;
    let backend = factory();
    let store = backend.store();
    let law = law();
    let numbers: Vec<(i32, String)> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..THREADS)
            .map(|t| {
                let (store, law) = (&store, &law);
                s.spawn(move || {
                    (0..EACH)
                        .map(|i| {
                            let year = if (t + i) % 2 == 0 { 2025 } else { 2026 };
                            let subject = format!("thread {t} case {i}");
                            let case = register(store.as_ref(), law, year, &subject);
                            assert_eq!(case.subject, subject);
                            (year, case.number)
                        })
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().expect("a registering thread panicked"))
            .collect()
    });
    let mut by_year: BTreeMap<i32, Vec<String>> = BTreeMap::new();
    for (year, n) in &numbers {
        by_year.entry(*year).or_default().push(n.clone());
    }
    for (year, mut got) in by_year {
        got.sort();
        let expected: Vec<String> = (1..=got.len() as u64)
            .map(|i| number(DEFAULT_BODY, year, i))
            .collect();
        assert_eq!(got, expected, "the numbers of {year}");
    }
    assert_eq!(numbers.len(), THREADS * EACH);
    assert_eq!(store.count().expect("count"), THREADS * EACH);
    for (_, n) in &numbers {
        let (_, case) = stored(store.as_ref(), n);
        assert_eq!(&case.number, n);
    }
}

/// An update based on an old version is a conflict naming both versions, and writes nothing;
/// an update of an unknown id is not found.
pub fn a_stale_version_is_refused_and_changes_nothing(factory: Factory<'_>) {
    let backend = factory();
    let store = backend.store();
    let law = law();
    let case = register(store.as_ref(), &law, 2026, "s");
    let (id, mut first) = stored(store.as_ref(), &case.number);
    let mut second = first.clone();
    let e1 = law.note(&mut first, "first");
    let e2 = law.note(&mut second, "second");
    store.update(id, 1, &first, &[e1]).expect("first update");
    let after_first = stored(store.as_ref(), &case.number);

    match store.update(id, 1, &second, std::slice::from_ref(&e2)) {
        Err(StoreError::Conflict {
            number,
            expected,
            current,
        }) => assert_eq!((number, expected, current), (case.number.clone(), 1, 2)),
        other => panic!("a stale version must be a conflict: {other:?}"),
    }
    assert_eq!(stored(store.as_ref(), &case.number), after_first);
    assert_eq!(store.record(id).expect("record"), {
        let mut r = after_first.1.clone();
        r.text.clear();
        r.events.clear();
        Some(r)
    });

    let unknown = id + 1000;
    assert!(
        matches!(
            store.update(unknown, 2, &second, &[e2]),
            Err(StoreError::NotFound(_))
        ),
        "an update of an unknown case is not found"
    );
    assert_eq!(store.record(unknown).expect("record"), None);
}

/// Threads updating one case at once, each retrying on a conflict: every acknowledged update
/// is in the history at the version it was acknowledged with, each thread's versions
/// increase, and the history runs 1, 2, 3, ... with no gap.
pub fn concurrent_updaters_lose_no_acknowledged_update(factory: Factory<'_>) {
    const THREADS: usize = 6;
    const EACH: usize = 8;
    let backend = factory();
    let store = backend.store();
    let law = law();
    let number = register(store.as_ref(), &law, 2026, "s").number;
    let acknowledged: Vec<Vec<(u64, String)>> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..THREADS)
            .map(|t| {
                let (store, law, number) = (&store, &law, &number);
                s.spawn(move || {
                    let mut acks = Vec::new();
                    for i in 0..EACH {
                        let text = format!("thread {t} note {i}");
                        loop {
                            let (id, mut case) = stored(store.as_ref(), number);
                            let based_on = case.version;
                            let event = law.note(&mut case, &text);
                            match store.update(id, based_on, &case, &[event]) {
                                Ok(()) => {
                                    acks.push((case.version, text));
                                    break;
                                }
                                Err(StoreError::Conflict {
                                    expected, current, ..
                                }) => {
                                    assert_eq!(expected, based_on);
                                    assert!(current > based_on, "{current} after {based_on}");
                                }
                                Err(e) => panic!("update of '{number}' failed: {e}"),
                            }
                        }
                    }
                    acks
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().expect("an updating thread panicked"))
            .collect()
    });
    let last = (1 + THREADS * EACH) as u64;
    let mut versions = BTreeSet::new();
    for acks in &acknowledged {
        assert!(
            acks.windows(2).all(|w| w[0].0 < w[1].0),
            "one thread's versions increase: {acks:?}"
        );
        for (v, _) in acks {
            assert!(versions.insert(*v), "version {v} acknowledged twice");
        }
    }
    assert_eq!(versions, (2..=last).collect::<BTreeSet<_>>());
    let (_, case) = stored(store.as_ref(), &number);
    assert_eq!(case.version, last);
    let history: Vec<u64> = case.events.iter().map(|e| e.version).collect();
    assert_eq!(history, (1..=last).collect::<Vec<_>>());
    for (v, text) in acknowledged.iter().flatten() {
        let entry = &case.events[(*v - 1) as usize];
        assert_eq!(
            entry.what,
            EventKind::NoteAdded { text: text.clone() },
            "the entry acknowledged as version {v}"
        );
    }
}

/// An update appends; it never rewrites an older entry, nor the original text; an entry whose
/// version exists is refused with nothing written.
pub fn history_is_append_only_and_the_text_immutable(factory: Factory<'_>) {
    let backend = factory();
    let store = backend.store();
    let law = law();
    let mut case = law.case(&number("KZ", 2026, 1), "s");
    law.assign(&mut case, "aliya");
    store
        .insert_many(std::slice::from_ref(&case))
        .expect("insert");
    let (id, before) = stored(store.as_ref(), &case.number);
    assert_eq!(before, case, "a case reads back as inserted");
    let original = before.text.clone();

    let mut next = before.clone();
    let event = law.note(&mut next, "appended");
    next.text = "a rewritten text".into();
    store.update(id, 2, &next, &[event]).expect("update");
    let (_, after) = stored(store.as_ref(), &case.number);
    assert_eq!(after.text, original, "the original text is never rewritten");
    assert_eq!(store.text(id).expect("text"), original);
    assert_eq!(
        after.events[..2],
        before.events[..],
        "older entries unchanged"
    );
    assert_eq!(after.events.len(), 3);

    // An entry at a version the history holds: refused whole, nothing written.
    let mut again = after.clone();
    law.note(&mut again, "forged");
    let mut forged = before.events[1].clone();
    forged.what = EventKind::NoteAdded {
        text: "rewritten entry".into(),
    };
    match store.update(id, 3, &again, &[forged]) {
        Err(StoreError::HistoryExists { version, .. }) => assert_eq!(version, 2),
        other => panic!("rewriting entry 2 must be refused: {other:?}"),
    }
    assert_eq!(stored(store.as_ref(), &case.number), (id, after.clone()));
    assert_eq!(store.history(id).expect("history"), after.events);
}

/// What was acknowledged is there after the store is closed and opened again, and numbering
/// and ids go on from where they were.
pub fn acknowledged_writes_survive_reopening(factory: Factory<'_>) {
    let mut backend = factory();
    let law = law();
    let user = User {
        uid: 1001,
        login: "aliya".into(),
        name: "Әлия Серікқызы".into(),
        role: Role::Officer,
        disabled: false,
    };
    let draft = draft("extend", Some("KZ-2026-000001"), "себебі");
    let (expected, first_id) = {
        let store = backend.store();
        let registered = register(store.as_ref(), &law, 2026, "s");
        let (id, mut changed) = stored(store.as_ref(), &registered.number);
        let event = law.note(&mut changed, "сақталды");
        store.update(id, 1, &changed, &[event]).expect("update");
        let imported = law.case(&number("KZ", 2025, 3), "imported");
        store
            .insert_many(std::slice::from_ref(&imported))
            .expect("import");
        store.put_user(&user).expect("user");
        store.put_draft(1001, &draft).expect("draft");
        store.set_body("ALM").expect("body");
        store.set_restoring(Some("backup.jsonl")).expect("marker");
        (vec![changed, imported], id)
    };
    backend.reopen();
    let store = backend.store();
    for case in &expected {
        assert_eq!(&stored(store.as_ref(), &case.number).1, case);
    }
    assert_eq!(store.user(1001).expect("user"), Some(user));
    assert_eq!(
        store
            .draft(1001, "extend", Some("KZ-2026-000001"))
            .expect("draft"),
        Some(draft)
    );
    assert_eq!(store.body().expect("body"), "ALM");
    assert_eq!(
        store.restoring().expect("marker").as_deref(),
        Some("backup.jsonl")
    );
    assert_eq!(
        store.schema_version().expect("schema"),
        Some(SCHEMA_VERSION)
    );
    store.set_body("KZ").expect("body");
    let next = register(store.as_ref(), &law, 2026, "after");
    assert_eq!(next.number, number("KZ", 2026, 2));
    let next_id = store.id_of(&next.number).expect("id").expect("an id");
    assert!(
        next_id > first_id && store.id_of(&expected[1].number).expect("id") < Some(next_id),
        "ids go on after reopening and are never reused"
    );
}

/// Users come back as written, by uid; a user is replaced whole.
pub fn users_round_trip(factory: Factory<'_>) {
    let backend = factory();
    let store = backend.store();
    assert_eq!(store.users().expect("users"), vec![]);
    let mut users = vec![
        User {
            uid: 70000,
            login: "boss".into(),
            name: "Бастық".into(),
            role: Role::Supervisor,
            disabled: false,
        },
        User {
            uid: 1001,
            login: "aliya".into(),
            name: "Әлия Серікқызы".into(),
            role: Role::Officer,
            disabled: false,
        },
        User {
            uid: 256,
            login: "inspector".into(),
            name: "Ревизор «ішкі»".into(),
            role: Role::Auditor,
            disabled: true,
        },
    ];
    for u in &users {
        store.put_user(u).expect("put user");
    }
    users.sort_by_key(|u| u.uid);
    assert_eq!(store.users().expect("users"), users);
    users[1].role = Role::Supervisor;
    users[1].disabled = true;
    store.put_user(&users[1]).expect("replace user");
    assert_eq!(store.user(1001).expect("user").as_ref(), Some(&users[1]));
    assert_eq!(store.user(1).expect("user"), None);
    let (readable, damaged) = store.readable_users().expect("readable users");
    assert_eq!((readable, damaged), (users.clone(), vec![]));
    assert!(
        !store.is_empty().expect("is empty"),
        "a user makes it non-empty"
    );
}

fn draft(form: &str, case: Option<&str>, text: &str) -> DraftRecord {
    DraftRecord {
        form: form.into(),
        case: case.map(str::to_string),
        fields: BTreeMap::from([("text".to_string(), text.to_string())]),
        saved: at(5),
    }
}

/// Drafts come back as typed, one per account, form and case; one account never sees
/// another's, even when their uids share leading bytes.
pub fn drafts_round_trip_and_stay_with_their_account(factory: Factory<'_>) {
    let backend = factory();
    let store = backend.store();
    let (a, b) = (1u32, 256u32);
    let new_case = draft("register", None, "Әлия");
    let extend = draft("extend", Some("KZ-2026-000001"), "себебі");
    let other = draft("register", None, "Болат");
    store.put_draft(a, &new_case).expect("draft");
    store.put_draft(a, &extend).expect("draft");
    store.put_draft(b, &other).expect("draft");
    let mut mine = store.drafts_of(a).expect("drafts");
    mine.sort_by(|x, y| (&x.form, &x.case).cmp(&(&y.form, &y.case)));
    assert_eq!(mine, vec![extend.clone(), new_case.clone()]);
    assert_eq!(store.drafts_of(b).expect("drafts"), vec![other.clone()]);
    assert_eq!(store.drafts_of(2).expect("drafts"), vec![]);
    assert_eq!(
        store.draft(b, "register", None).expect("draft"),
        Some(other)
    );
    assert_eq!(
        store
            .draft(b, "extend", Some("KZ-2026-000001"))
            .expect("draft"),
        None
    );
    assert_eq!(store.draft(a, "extend", None).expect("draft"), None);

    let retyped = draft("extend", Some("KZ-2026-000001"), "жаңа себеп");
    store.put_draft(a, &retyped).expect("replace");
    assert_eq!(
        store
            .draft(a, "extend", Some("KZ-2026-000001"))
            .expect("draft"),
        Some(retyped)
    );
    assert_eq!(store.drafts_of(a).expect("drafts").len(), 2);

    assert!(store.remove_draft(a, "register", None).expect("remove"));
    assert!(!store.remove_draft(a, "register", None).expect("remove"));
    assert!(store.draft(b, "register", None).expect("draft").is_some());
}

/// A batch with a number already taken, in the database or twice in the batch, writes
/// nothing: no case, no counter; a sound batch writes all, with texts and histories.
pub fn insert_many_is_all_or_nothing(factory: Factory<'_>) {
    let backend = factory();
    let store = backend.store();
    let law = law();
    let taken = register(store.as_ref(), &law, 2026, "s");
    let mut batch: Vec<Case> = (5..=8)
        .map(|i| law.case(&number("KZ", 2026, i), "batch"))
        .collect();
    batch.push(law.case(&taken.number, "again"));
    match store.insert_many(&batch) {
        Err(StoreError::DuplicateNumber(n)) => assert_eq!(n, taken.number),
        other => panic!("a taken number refuses the batch: {other:?}"),
    }
    batch.pop();
    batch.push(law.case(&number("KZ", 2026, 5), "twice"));
    assert!(
        matches!(
            store.insert_many(&batch),
            Err(StoreError::DuplicateNumber(_))
        ),
        "a number twice in one batch refuses it"
    );
    assert_eq!(store.count().expect("count"), 1);
    for c in &batch {
        assert_eq!(store.id_of(&c.number).expect("id"), None, "{}", c.number);
    }
    assert_eq!(
        register(store.as_ref(), &law, 2026, "s").number,
        number("KZ", 2026, 2),
        "a refused batch moves no counter"
    );

    batch.pop();
    let mut with_history = law.case(&number("KZ", 2024, 9), "lived");
    law.note(&mut with_history, "бірінші");
    law.note(&mut with_history, "екінші");
    batch.push(with_history);
    store.insert_many(&batch).expect("a sound batch");
    for c in &batch {
        assert_eq!(&stored(store.as_ref(), &c.number).1, c);
    }
    assert_eq!(store.count().expect("count"), 2 + batch.len());
}

/// A scan returns every case once, in id order, the same whether decoded or not.
pub fn a_scan_sees_every_case_once(factory: Factory<'_>) {
    let backend = factory();
    let store = backend.store();
    let law = law();
    assert!(store.is_empty().expect("is empty"));
    assert_eq!(store.scan().count(), 0);
    let mut numbers = BTreeSet::new();
    for batch in 0..3u64 {
        let cases: Vec<Case> = (0..10)
            .map(|i| law.case(&number("KZ", 2024, batch * 10 + i + 1), "scanned"))
            .collect();
        numbers.extend(cases.iter().map(|c| c.number.clone()));
        store.insert_many(&cases).expect("insert");
        numbers.insert(register(store.as_ref(), &law, 2026, "s").number);
    }
    let scanned: Vec<(u64, String)> = store
        .scan()
        .map(|r| {
            let r = r.expect("a sound record");
            (r.id, r.case.number)
        })
        .collect();
    assert!(
        scanned.windows(2).all(|w| w[0].0 < w[1].0),
        "id order, each once"
    );
    let seen: BTreeSet<String> = scanned.iter().map(|(_, n)| n.clone()).collect();
    assert_eq!(seen.len(), scanned.len(), "no number twice");
    assert_eq!(seen, numbers);
    assert_eq!(store.count().expect("count"), numbers.len());
    let raw: Vec<u64> = store.scan_raw().map(|r| r.expect("a record").id).collect();
    assert_eq!(raw, scanned.iter().map(|(id, _)| *id).collect::<Vec<_>>());
    for (id, n) in &scanned {
        assert_eq!(store.id_of(n).expect("id"), Some(*id));
    }
}

/// A scan of every history gives each case's entries once, in id order, as `history` reads
/// them, including entries appended by updates after the insert.
pub fn a_history_scan_equals_each_history(factory: Factory<'_>) {
    let backend = factory();
    let store = backend.store();
    let law = law();
    assert_eq!(store.scan_history().count(), 0);
    let cases: Vec<Case> = (1..=12)
        .map(|i| law.case(&number("KZ", 2025, i), "scanned history"))
        .collect();
    store.insert_many(&cases).expect("insert");
    for c in cases.iter().step_by(3) {
        let (id, mut next) = stored(store.as_ref(), &c.number);
        let based_on = next.version;
        let events = vec![
            law.note(&mut next, "first after insert"),
            law.note(&mut next, "second after insert"),
        ];
        store.update(id, based_on, &next, &events).expect("update");
    }
    let scanned: Vec<(u64, Vec<Event>)> = store
        .scan_history()
        .map(|r| {
            let h = r.expect("a readable history");
            (h.id, h.decode().expect("decodable entries"))
        })
        .collect();
    assert!(
        scanned.windows(2).all(|w| w[0].0 < w[1].0),
        "id order, each case once"
    );
    let expected: Vec<(u64, Vec<Event>)> = store
        .scan_raw()
        .map(|r| {
            let id = r.expect("a record").id;
            (id, store.history(id).expect("history"))
        })
        .filter(|(_, events)| !events.is_empty())
        .collect();
    assert_eq!(
        expected.len(),
        cases.len(),
        "every inserted case has a history"
    );
    assert_eq!(scanned, expected);
    assert!(
        scanned.iter().any(|(_, events)| events.len() > 2),
        "entries appended by updates are scanned"
    );
}

/// The assignee and status lookups follow inserts and updates.
pub fn indexes_follow_every_change(factory: Factory<'_>) {
    let backend = factory();
    let store = backend.store();
    let law = law();
    let mut a = law.case(&number("KZ", 2026, 1), "a");
    law.assign(&mut a, "aliya");
    let b = law.case(&number("KZ", 2026, 2), "b");
    store.insert_many(&[a.clone(), b.clone()]).expect("insert");
    let id_a = store.id_of(&a.number).expect("id").expect("an id");
    let id_b = store.id_of(&b.number).expect("id").expect("an id");
    assert_eq!(store.ids_assigned_to("aliya").expect("index"), vec![id_a]);
    assert_eq!(
        store.ids_assigned_to("ali").expect("index"),
        Vec::<u64>::new()
    );
    let mut statuses = store.ids_with_status(b.status).expect("index");
    statuses.retain(|id| *id == id_b);
    assert_eq!(statuses, vec![id_b]);

    let (_, mut moved) = stored(store.as_ref(), &a.number);
    let event = law.assign(&mut moved, "bolat");
    store.update(id_a, 2, &moved, &[event]).expect("reassign");
    assert_eq!(
        store.ids_assigned_to("aliya").expect("index"),
        Vec::<u64>::new()
    );
    assert_eq!(store.ids_assigned_to("bolat").expect("index"), vec![id_a]);
    let old_status = a.status;
    let new_status = moved.status;
    assert!(
        store
            .ids_with_status(new_status)
            .expect("index")
            .contains(&id_a)
    );
    if old_status != new_status {
        assert!(
            !store
                .ids_with_status(old_status)
                .expect("index")
                .contains(&id_a)
        );
    }
}

/// The body code, the restore marker and the schema version.
pub fn meta_round_trips(factory: Factory<'_>) {
    let backend = factory();
    let store = backend.store();
    assert_eq!(store.body().expect("body"), DEFAULT_BODY);
    assert_eq!(
        store.schema_version().expect("schema"),
        Some(SCHEMA_VERSION)
    );
    store.set_body("ALM01").expect("body");
    assert!(
        matches!(store.set_body("K-Z"), Err(StoreError::BadNumber(_))),
        "a body code people could misread is refused"
    );
    assert_eq!(store.body().expect("body"), "ALM01");
    assert_eq!(store.restoring().expect("marker"), None);
    store.set_restoring(Some("b.jsonl")).expect("marker");
    assert_eq!(
        store.restoring().expect("marker").as_deref(),
        Some("b.jsonl")
    );
    store.set_restoring(None).expect("marker");
    assert_eq!(store.restoring().expect("marker"), None);
    assert!(!store.location().to_string().is_empty());
    store.flush().expect("flush");
}

/// A sound database checks clean. Where a record can be unreadable: it is named (with its
/// number) by the scan's readers and by `check`, and every other case still reads.
pub fn a_damaged_record_is_reported_not_fatal(factory: Factory<'_>) {
    let mut backend = factory();
    let law = law();
    let cases: Vec<Case> = (1..=3)
        .map(|i| law.case(&number("KZ", 2026, i), "c"))
        .collect();
    let victim = {
        let store = backend.store();
        store.insert_many(&cases).expect("insert");
        assert_eq!(store.check().expect("check"), vec![], "a sound database");
        store.id_of(&cases[1].number).expect("id").expect("an id")
    };
    if !backend.capabilities().damaged_records {
        eprintln!("skipped: this backend cannot hold an unreadable case record");
        return;
    }
    backend.damage_case_record(victim);
    let store = backend.store();
    let raw: Vec<_> = store
        .scan_raw()
        .map(|r| r.expect("an undecoded record"))
        .collect();
    assert_eq!(raw.len(), 3, "the damaged record is still scanned");
    for r in &raw {
        match store.full_case(r) {
            Ok(case) => {
                assert_ne!(r.id, victim);
                assert_eq!(&stored(store.as_ref(), &case.number).1, &case);
            }
            Err(damaged) => {
                assert_eq!(r.id, victim);
                assert_eq!(damaged.tree, "cases");
                assert_eq!(damaged.number.as_deref(), Some(cases[1].number.as_str()));
            }
        }
    }
    assert!(matches!(
        store.record(victim),
        Err(StoreError::Decode { .. })
    ));
    let errors = store.scan().filter(|r| r.is_err()).count();
    assert_eq!(errors, 1, "one damaged record hides no other");
    let found = store.check().expect("check");
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].number.as_deref(), Some(cases[1].number.as_str()));
    assert_eq!(store.count().expect("count"), 3);
}

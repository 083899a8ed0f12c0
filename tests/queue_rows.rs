//! The queue rows the service keeps in memory (issue 9, item 8) are always the rows a full
//! recompute gives: after any sequence of changes by officers and supervisors, and when "today"
//! moves (a day, a weekend, the year's end).

mod common;

use chrono::{Days, NaiveDate};
use merzim::domain::case::Outcome;
use merzim::domain::deadline::NoticeKind;
use merzim::domain::vocabulary::{Addressee, Form, Ground, Medium};
use merzim::service::{CaseCommand, QueueQuery, Response, Scope, Sort};
use proptest::prelude::*;

use common::desk::*;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

/// One step of an officer's or a supervisor's day.
#[derive(Debug, Clone)]
enum Op {
    Register(u8),
    Take(usize),
    GiveToBoss(usize),
    Extend(usize, u32),
    Notice(usize, u8),
    Answer(usize, u8),
    Note(usize),
    Decide(usize),
    Close(usize, u8),
    NextDay(u8),
    YearEnd,
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        2 => (0u8..4).prop_map(Op::Register),
        1 => (0usize..8).prop_map(Op::Take),
        1 => (0usize..8).prop_map(Op::GiveToBoss),
        1 => ((0usize..8), 1u32..12).prop_map(|(i, n)| Op::Extend(i, n)),
        1 => ((0usize..8), 0u8..6).prop_map(|(i, n)| Op::Notice(i, n)),
        1 => ((0usize..8), 0u8..20).prop_map(|(i, n)| Op::Answer(i, n)),
        1 => (0usize..8).prop_map(Op::Note),
        1 => (0usize..8).prop_map(Op::Decide),
        1 => ((0usize..8), 0u8..5).prop_map(|(i, n)| Op::Close(i, n)),
        1 => (1u8..5).prop_map(Op::NextDay),
        1 => Just(Op::YearEnd),
    ]
}

fn queries() -> Vec<QueueQuery> {
    let mut out = Vec::new();
    for scope in [
        Scope::All,
        Scope::MineAndUnassigned,
        Scope::Mine,
        Scope::Unassigned,
    ] {
        for include_closed in [false, true] {
            out.push(QueueQuery {
                scope: scope.clone(),
                include_closed,
                ..QueueQuery::default()
            });
        }
    }
    out.push(QueueQuery {
        text: Some("KZ".into()),
        sort: Sort::Registered,
        include_closed: true,
        ..QueueQuery::default()
    });
    out.push(QueueQuery {
        limit: Some(3),
        sort: Sort::Due,
        ..QueueQuery::default()
    });
    out
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    #[test]
    fn rows_in_memory_equal_a_full_recompute(ops in proptest::collection::vec(op(), 1..24)) {
        let f = fixture();
        // The fixture registers on 2026-11-23; "today" then moves over weekends and, with
        // `YearEnd`, over the New Year holidays and the year boundary.
        let mut today = d(2026, 11, 23);
        let mut numbers: Vec<String> = Vec::new();
        // The table is built before the changes, then kept up to date change by change.
        for q in queries() {
            f.service.queue(&f.supervisor, today, &q).unwrap();
        }
        for op in ops {
            let pick = |i: usize| numbers.get(i % numbers.len().max(1)).cloned();
            let run = |caller, n: Option<String>, cmd| {
                if let Some(n) = n {
                    // Refusals are fine (a closed case, over the cap): the rows must still agree.
                    let _ = f.service.execute(caller, today, Some(&n), None, cmd);
                }
            };
            match op {
                Op::Register(k) => {
                    let addressee = [Addressee::LocalBody, Addressee::CentralBody,
                        Addressee::SuperiorBody, Addressee::QualityAuthority][k as usize];
                    numbers.push(complaint(&f, addressee, d(2026, 11, 23), Medium::Paper));
                }
                Op::Take(i) => run(&f.officer, pick(i), CaseCommand::Assign { to: Some("aigerim".into()) }),
                Op::GiveToBoss(i) => run(&f.supervisor, pick(i), CaseCommand::Assign { to: Some("boss".into()) }),
                Op::Extend(i, n) => run(&f.supervisor, pick(i), CaseCommand::Extend {
                    date: today, days: n, ground: Ground::Information, reason: "тексеру".into(),
                }),
                Op::Notice(i, back) => run(&f.supervisor, pick(i), CaseCommand::RecordNotice {
                    kind: NoticeKind::ExtensionNotice,
                    sent: today.checked_sub_days(Days::new(u64::from(back))).unwrap(),
                    form: Form::Written, reference: String::new(),
                }),
                Op::Answer(i, back) => run(&f.supervisor, pick(i), CaseCommand::RecordAnswer {
                    sent: today.checked_sub_days(Days::new(u64::from(back))).unwrap(),
                    form: Form::Written, reference: String::new(),
                }),
                Op::Note(i) => run(&f.officer, pick(i), CaseCommand::AddNote { text: "ескерту".into() }),
                Op::Decide(i) => run(&f.supervisor, pick(i), CaseCommand::Decide {
                    outcome: Outcome::Satisfied, date: today, ground: None,
                }),
                Op::Close(i, back) => run(&f.supervisor, pick(i), CaseCommand::Close {
                    date: today.checked_sub_days(Days::new(u64::from(back))).unwrap(),
                }),
                Op::NextDay(n) => today = today.checked_add_days(Days::new(u64::from(n))).unwrap(),
                Op::YearEnd => today = today.max(d(2026, 12, 30)),
            }
            for caller in [&f.officer, &f.supervisor, &f.auditor] {
                for q in queries() {
                    let kept = f.service.queue(caller, today, &q).unwrap();
                    // Kept in the query's order (the urgency order is an index of its own).
                    prop_assert!(
                        kept.windows(2).all(|w| q.sort.compare(&w[0], &w[1]).is_lt()),
                        "{:?} {:?} on {}: out of order", caller.login, q, today
                    );
                    // The daemon's wire form (kept until a change) is the same rows.
                    let answer = f.service.queue_answer(caller, today, &q).unwrap();
                    match merzim::wire::decode::<Response>(&answer).unwrap() {
                        Response::Queue { rows, .. } => prop_assert_eq!(&kept, &rows),
                        other => prop_assert!(false, "{:?}", other),
                    }
                    f.service.forget_rows();
                    let fresh = f.service.queue(caller, today, &q).unwrap();
                    prop_assert_eq!(&kept, &fresh, "{:?} {:?} on {}", caller.login, q, today);
                }
            }
        }
    }
}

/// An officer sees own and unassigned cases whatever scope is asked for; a supervisor and an
/// auditor see every case (issue 9: roles).
#[test]
fn officers_see_own_and_unassigned_cases_only() {
    let f = fixture();
    let today = d(2026, 11, 20);
    let mine = complaint(&f, Addressee::LocalBody, today, Medium::Paper);
    let bosses = complaint(&f, Addressee::LocalBody, today, Medium::Paper);
    let nobodys = complaint(&f, Addressee::LocalBody, today, Medium::Paper);
    for (n, to) in [(&mine, "aigerim"), (&bosses, "boss")] {
        f.service
            .execute(
                &f.supervisor,
                today,
                Some(n),
                None,
                CaseCommand::Assign {
                    to: Some(to.into()),
                },
            )
            .unwrap();
    }
    let numbers = |caller, scope: Scope| -> Vec<String> {
        let q = QueueQuery {
            scope,
            sort: Sort::Number,
            ..QueueQuery::default()
        };
        f.service
            .queue(caller, today, &q)
            .unwrap()
            .into_iter()
            .map(|r| r.number)
            .collect()
    };
    for scope in [
        Scope::All,
        Scope::MineAndUnassigned,
        Scope::Assignee("boss".into()),
    ] {
        let seen = numbers(&f.officer, scope.clone());
        assert!(!seen.contains(&bosses), "{scope:?}: {seen:?}");
    }
    assert_eq!(
        numbers(&f.officer, Scope::All),
        vec![mine.clone(), nobodys.clone()]
    );
    for caller in [&f.supervisor, &f.auditor] {
        assert_eq!(
            numbers(caller, Scope::All),
            vec![mine.clone(), bosses.clone(), nobodys.clone()]
        );
    }
    // Opening it by number is refused too, with the reason.
    let e = f.service.case(&f.officer, &bosses, today).unwrap_err();
    assert!(e.to_string().contains("assigned to 'boss'"), "{e}");
    assert!(f.service.case(&f.auditor, &bosses, today).is_ok());
}

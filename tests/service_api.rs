//! The service API on real temporary databases: roles, refusals with their article, version
//! conflicts, concurrent writers, the queue's urgency and order, the case view.

use std::collections::BTreeSet;
use std::sync::Arc;

use chrono::{Days, NaiveDate};
use merzim::domain::calendar::Calendar;
use merzim::domain::case::{Applicant, Matter, NewCase, Outcome, PartyId, Status};
use merzim::domain::deadline::{NoticeKind, ObligationKind};
use merzim::domain::ids::Iin;
use merzim::domain::vocabulary::{Addressee, CaseKind, Channel, Form, Ground, Medium};
use merzim::domain::why::WhyStep;
use merzim::reference::Reference;
use merzim::service::{
    Caller, CaseCommand, QueueQuery, Role, Scope, Service, ServiceError, Sort, Urgency, User,
};

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

/// Friday 20 November 2026: no holiday nearby, so working days are plain weekdays.
fn today() -> NaiveDate {
    d("2026-11-20")
}

struct Fixture {
    _dir: tempfile::TempDir,
    svc: Service,
    boss: Caller,
    aliya: Caller,
    bolat: Caller,
}

fn fixture() -> Fixture {
    let dir = tempfile::tempdir().unwrap();
    let svc = Service::open(&dir.path().join("db"), Reference::shipped().unwrap()).unwrap();
    let users = [
        (1000, "boss", "Бастық", Role::Supervisor),
        (1001, "aliya", "Әлия", Role::Officer),
        (1002, "bolat", "Болат", Role::Officer),
    ];
    let mut first = true;
    for (uid, login, name, role) in users {
        let boss = svc.caller_for_uid(1000).ok();
        let user = User {
            uid,
            login: login.into(),
            name: name.into(),
            role,
            disabled: false,
        };
        svc.put_user(if first { None } else { boss.as_ref() }, user)
            .unwrap();
        first = false;
    }
    Fixture {
        boss: svc.caller_for_uid(1000).unwrap(),
        aliya: svc.caller_for_uid(1001).unwrap(),
        bolat: svc.caller_for_uid(1002).unwrap(),
        svc,
        _dir: dir,
    }
}

fn complaint(addressee: Addressee, registered: NaiveDate) -> NewCase {
    NewCase {
        matter: Matter::Complaint {
            addressee,
            set_due: None,
        },
        medium: Medium::Paper,
        applicant: Applicant {
            name: "Әбенов Нұрлан".into(),
            id: PartyId::Individual(Iin::parse("870412300005").unwrap()),
            contact: String::new(),
        },
        registered,
        subject: format!("шағым {registered}"),
        text: "Мәтін".into(),
    }
}

fn register(f: &Fixture, who: &Caller, new: NewCase, assignee: Option<&str>) -> String {
    f.svc
        .execute(
            who,
            today(),
            None,
            None,
            CaseCommand::Register {
                case: Box::new(new),
                assignee: assignee.map(String::from),
            },
        )
        .unwrap()
        .number
}

/// `n` working days before `date` on the shipped calendar.
fn wd_before(date: NaiveDate, n: u32) -> NaiveDate {
    let cal = &Reference::shipped().unwrap().calendar;
    let mut x = date;
    for _ in 0..n {
        x = cal.previous_working_day(x).unwrap();
    }
    x
}

#[test]
fn officers_act_on_own_and_unassigned_cases_only() {
    let f = fixture();
    let mine = register(
        &f,
        &f.aliya,
        complaint(Addressee::LocalBody, today()),
        Some("aliya"),
    );
    let free = register(&f, &f.boss, complaint(Addressee::LocalBody, today()), None);
    let note = |text: &str| CaseCommand::AddNote { text: text.into() };

    f.svc
        .execute(&f.aliya, today(), Some(&mine), None, note("ok"))
        .unwrap();
    f.svc
        .execute(&f.bolat, today(), Some(&free), None, note("ok"))
        .unwrap();
    let err = f
        .svc
        .execute(&f.bolat, today(), Some(&mine), None, note("no"))
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        format!(
            "'bolat' may not add a note case '{mine}': it is assigned to 'aliya'; an officer acts on own and unassigned cases"
        )
    );
    // An officer takes an unassigned case, but may not give one to someone else.
    let err = f
        .svc
        .execute(
            &f.bolat,
            today(),
            Some(&free),
            None,
            CaseCommand::Assign {
                to: Some("aliya".into()),
            },
        )
        .unwrap_err();
    assert!(matches!(err, ServiceError::Forbidden { .. }), "{err}");
    f.svc
        .execute(
            &f.bolat,
            today(),
            Some(&free),
            None,
            CaseCommand::Assign {
                to: Some("bolat".into()),
            },
        )
        .unwrap();
    // A supervisor acts on every case and assigns.
    f.svc
        .execute(
            &f.boss,
            today(),
            Some(&mine),
            None,
            CaseCommand::Assign {
                to: Some("bolat".into()),
            },
        )
        .unwrap();
    f.svc
        .execute(&f.bolat, today(), Some(&mine), None, note("now mine"))
        .unwrap();
    let err = f
        .svc
        .execute(
            &f.boss,
            today(),
            Some(&mine),
            None,
            CaseCommand::Assign {
                to: Some("nobody".into()),
            },
        )
        .unwrap_err();
    assert_eq!(err.to_string(), "no user has the login 'nobody'");
    // Registering for someone else is a supervisor's act.
    let err = f
        .svc
        .execute(
            &f.aliya,
            today(),
            None,
            None,
            CaseCommand::Register {
                case: Box::new(complaint(Addressee::LocalBody, today())),
                assignee: Some("bolat".into()),
            },
        )
        .unwrap_err();
    assert!(matches!(err, ServiceError::Forbidden { .. }), "{err}");
    // Unknown users are not callers; only supervisors add users.
    assert!(matches!(
        f.svc.caller_for_uid(4242),
        Err(ServiceError::UnknownUser { uid: 4242 })
    ));
    let err = f
        .svc
        .put_user(
            Some(&f.aliya),
            User {
                uid: 7,
                login: "x".into(),
                name: "x".into(),
                role: Role::Supervisor,
                disabled: false,
            },
        )
        .unwrap_err();
    assert!(matches!(err, ServiceError::Forbidden { .. }), "{err}");
}

#[test]
fn an_illegal_extension_is_refused_with_its_article_and_nothing_changes() {
    let f = fixture();
    let n = register(
        &f,
        &f.aliya,
        complaint(Addressee::StateCorporation, wd_before(today(), 2)),
        Some("aliya"),
    );
    let before = f.svc.case(&f.aliya, &n, today()).unwrap();
    let err = f
        .svc
        .execute(
            &f.aliya,
            today(),
            Some(&n),
            Some(before.case.version),
            CaseCommand::Extend {
                date: today(),
                days: 5,
                ground: Ground::Verification,
                reason: "тексеру".into(),
            },
        )
        .unwrap_err();
    let refusal = err.refusal().expect("a refusal by law");
    assert!(refusal.to_string().starts_with("Art. 25.4"), "{refusal}");
    let after = f.svc.case(&f.aliya, &n, today()).unwrap();
    assert_eq!(after.case, before.case);

    // The cap: 10 working days in total (Art. 25.4).
    let n = register(
        &f,
        &f.aliya,
        complaint(Addressee::LocalBody, wd_before(today(), 2)),
        Some("aliya"),
    );
    let extend = |days| CaseCommand::Extend {
        date: today(),
        days,
        ground: Ground::Information,
        reason: "сұрау".into(),
    };
    f.svc
        .execute(&f.aliya, today(), Some(&n), None, extend(7))
        .unwrap();
    let err = f
        .svc
        .execute(&f.aliya, today(), Some(&n), None, extend(4))
        .unwrap_err();
    assert!(err.to_string().contains("over the cap of 10"), "{err}");
}

#[test]
fn a_change_based_on_an_old_version_is_a_conflict() {
    let f = fixture();
    let n = register(&f, &f.boss, complaint(Addressee::LocalBody, today()), None);
    let v1 = f.svc.case(&f.boss, &n, today()).unwrap().case.version;
    let note = |t: &str| CaseCommand::AddNote { text: t.into() };
    let done = f
        .svc
        .execute(&f.aliya, today(), Some(&n), Some(v1), note("first"))
        .unwrap();
    assert_eq!(done.version, v1 + 1);
    let err = f
        .svc
        .execute(&f.bolat, today(), Some(&n), Some(v1), note("second"))
        .unwrap_err();
    match err {
        ServiceError::Conflict {
            expected, current, ..
        } => assert_eq!((expected, current), (v1, v1 + 1)),
        e => panic!("{e}"),
    }
    assert_eq!(
        f.svc.case(&f.boss, &n, today()).unwrap().case.events.len() as u64,
        v1 + 1
    );
}

#[test]
fn concurrent_writers_lose_nothing() {
    let f = Arc::new(fixture());
    let shared = register(&f, &f.boss, complaint(Addressee::LocalBody, today()), None);
    let threads = 4;
    let per_thread = 25;
    let handles: Vec<_> = (0..threads)
        .map(|t| {
            let f = Arc::clone(&f);
            let shared = shared.clone();
            std::thread::spawn(move || {
                let mut mine = Vec::new();
                for i in 0..per_thread {
                    mine.push(register(
                        &f,
                        &f.boss,
                        complaint(Addressee::CentralBody, today()),
                        None,
                    ));
                    // Everyone also writes to one shared case, unpinned: retried on a lost race.
                    f.svc
                        .execute(
                            &f.boss,
                            today(),
                            Some(&shared),
                            None,
                            CaseCommand::AddNote {
                                text: format!("{t}/{i}"),
                            },
                        )
                        .unwrap();
                }
                mine
            })
        })
        .collect();
    let numbers: Vec<String> = handles
        .into_iter()
        .flat_map(|h| h.join().unwrap())
        .collect();
    let unique: BTreeSet<&String> = numbers.iter().collect();
    assert_eq!(unique.len(), threads * per_thread, "no duplicate numbers");
    // No gaps: 1 (shared) + every registration, in one series.
    let expected: BTreeSet<String> = (2..=(threads * per_thread + 1))
        .map(|n| format!("KZ-2026-{n:06}"))
        .collect();
    assert_eq!(
        unique.into_iter().cloned().collect::<BTreeSet<_>>(),
        expected
    );
    let view = f.svc.case(&f.boss, &shared, today()).unwrap();
    let notes = view
        .case
        .events
        .iter()
        .filter(|e| e.what.name() == "note-added")
        .count();
    assert_eq!(notes, threads * per_thread);
    assert_eq!(view.case.version as usize, 1 + threads * per_thread);
}

#[test]
fn the_queue_sorts_by_urgency_and_badges_what_is_owed() {
    let f = fixture();
    let cal: &Calendar = &f.svc.reference().calendar;
    // Local body: 5 working days (Art. 25.2).
    let overdue = register(
        &f,
        &f.aliya,
        complaint(Addressee::LocalBody, wd_before(today(), 7)),
        Some("aliya"),
    );
    let due_today = register(
        &f,
        &f.aliya,
        complaint(Addressee::LocalBody, wd_before(today(), 5)),
        Some("aliya"),
    );
    let tomorrow = register(
        &f,
        &f.bolat,
        complaint(Addressee::LocalBody, wd_before(today(), 4)),
        Some("bolat"),
    );
    let ok = register(
        &f,
        &f.bolat,
        complaint(Addressee::QualityAuthority, today()),
        None,
    );
    let no_term = register(
        &f,
        &f.boss,
        complaint(Addressee::SuperiorBody, today()),
        None,
    );
    // Extended 5 days ago with no notice sent: the notice (3 working days) is overdue, so the
    // row is overdue though its own due date is ahead.
    let extended = register(
        &f,
        &f.aliya,
        complaint(Addressee::CentralBody, wd_before(today(), 4)),
        Some("aliya"),
    );
    f.svc
        .execute(
            &f.aliya,
            today(),
            Some(&extended),
            None,
            CaseCommand::Extend {
                date: wd_before(today(), 4),
                days: 10,
                ground: Ground::Verification,
                reason: "выезд".into(),
            },
        )
        .unwrap();
    let closed = register(
        &f,
        &f.aliya,
        complaint(Addressee::LocalBody, wd_before(today(), 3)),
        Some("aliya"),
    );
    for cmd in [
        CaseCommand::Decide {
            outcome: Outcome::Rejected,
            date: today(),
            ground: None,
        },
        CaseCommand::RecordAnswer {
            sent: today(),
            form: Form::Written,
            reference: "№ 5".into(),
        },
        CaseCommand::Close { date: today() },
    ] {
        f.svc
            .execute(&f.aliya, today(), Some(&closed), None, cmd)
            .unwrap();
    }

    let rows = f
        .svc
        .queue(&f.boss, today(), &QueueQuery::default())
        .unwrap();
    let order: Vec<(&str, Urgency)> = rows
        .iter()
        .map(|r| (r.number.as_str(), r.urgency))
        .collect();
    assert_eq!(
        order,
        vec![
            (overdue.as_str(), Urgency::Overdue),
            (extended.as_str(), Urgency::Overdue),
            (due_today.as_str(), Urgency::DueToday),
            (tomorrow.as_str(), Urgency::DueWithinOneWorkingDay),
            (ok.as_str(), Urgency::Ok),
            (no_term.as_str(), Urgency::NoTerm),
        ]
    );
    let by = |n: &str| rows.iter().find(|r| r.number == n).unwrap();
    assert_eq!(by(&overdue).remaining, Some(-2));
    assert_eq!(by(&due_today).remaining, Some(0));
    assert_eq!(by(&due_today).due, Some(today()));
    let ext = by(&extended);
    assert!(ext.badges.extended && ext.badges.notice_owed);
    assert_eq!(ext.next_obligation, Some(ObligationKind::ExtensionNotice));
    // What is sorted on is what is shown: the row's remaining days are those of its next
    // obligation (the notice, a working day overdue), not of the answer's due date ahead.
    assert_eq!(
        ext.remaining,
        Some(cal.remaining_working_days(today(), ext.next_due.unwrap()))
    );
    assert_eq!(ext.remaining, Some(-1));
    assert!(cal.remaining_working_days(today(), ext.due.unwrap()) > 0);
    assert_eq!(by(&no_term).due, None);

    // Closed rows only on request; scopes and filters.
    let all = QueueQuery {
        include_closed: true,
        ..QueueQuery::default()
    };
    let rows = f.svc.queue(&f.boss, today(), &all).unwrap();
    assert_eq!(
        rows.last().map(|r| (r.number.as_str(), r.urgency)),
        Some((closed.as_str(), Urgency::Closed))
    );
    let mine = f
        .svc
        .queue(
            &f.aliya,
            today(),
            &QueueQuery {
                scope: Scope::Mine,
                ..QueueQuery::default()
            },
        )
        .unwrap();
    assert_eq!(mine.len(), 3);
    let officer_view = QueueQuery {
        scope: Scope::MineAndUnassigned,
        ..QueueQuery::default()
    };
    assert_eq!(
        f.svc.queue(&f.bolat, today(), &officer_view).unwrap().len(),
        3
    );
    let text = QueueQuery {
        text: Some(format!("ШАҒЫМ {}", wd_before(today(), 7))),
        ..QueueQuery::default()
    };
    let found = f.svc.queue(&f.boss, today(), &text).unwrap();
    assert_eq!(
        found.iter().map(|r| r.number.as_str()).collect::<Vec<_>>(),
        vec![overdue.as_str()]
    );
    let by_number = QueueQuery {
        sort: Sort::Number,
        limit: Some(2),
        ..QueueQuery::default()
    };
    let rows = f.svc.queue(&f.boss, today(), &by_number).unwrap();
    assert_eq!(
        rows.iter().map(|r| r.number.as_str()).collect::<Vec<_>>(),
        vec![overdue.as_str(), due_today.as_str()]
    );
    // Tomorrow the case due today is overdue: nothing is stored, everything recomputed.
    let next_day = cal.add_working_days(today(), 1).unwrap();
    let rows = f
        .svc
        .queue(&f.boss, next_day, &QueueQuery::default())
        .unwrap();
    assert_eq!(
        rows.iter().find(|r| r.number == due_today).unwrap().urgency,
        Urgency::Overdue
    );
}

#[test]
fn the_case_view_explains_its_date() {
    let f = fixture();
    let reg = wd_before(today(), 2);
    let n = register(
        &f,
        &f.aliya,
        complaint(Addressee::LocalBody, reg),
        Some("aliya"),
    );
    f.svc
        .execute(
            &f.aliya,
            today(),
            Some(&n),
            None,
            CaseCommand::Extend {
                date: today(),
                days: 3,
                ground: Ground::Information,
                reason: "сұрау".into(),
            },
        )
        .unwrap();
    f.svc
        .execute(
            &f.aliya,
            today(),
            Some(&n),
            None,
            CaseCommand::RecordNotice {
                kind: NoticeKind::ExtensionNotice,
                sent: today(),
                form: Form::Written,
                reference: "№ 7".into(),
            },
        )
        .unwrap();
    let v = f.svc.case(&f.aliya, &n, today()).unwrap();
    assert_eq!(v.case.status, Status::Extended);
    assert_eq!(v.case.text, "Мәтін");
    let names: Vec<&str> = v.case.events.iter().map(|e| e.what.name()).collect();
    assert_eq!(names, ["registered", "assigned", "extended", "notice-sent"]);
    assert_eq!(v.case.events[2].by.login, "aliya");
    let dl = v.deadlines.unwrap();
    assert_eq!(dl.due_history.len(), 2);
    // "Why this date": the base term (5 working days, Art. 25.2), then the extension of 3
    // working days added to the original due date (Art. 25.4), ending on the due date.
    let why = v.why.unwrap();
    assert_eq!(why.due, dl.due);
    assert_eq!(why.steps.len(), 2);
    let counted = |days: &[merzim::domain::calendar::ExplainedDay]| {
        days.iter().filter(|x| x.counted.is_some()).count()
    };
    match &why.steps[..] {
        [
            WhyStep::Term { days, result, .. },
            WhyStep::Extension {
                days: ext_days,
                from,
                result: extended,
                ..
            },
        ] => {
            assert_eq!(counted(days), 5);
            assert_eq!(Some(*result), dl.original_due);
            assert_eq!(from, result);
            assert_eq!(counted(ext_days), 3);
            assert_eq!(Some(*extended), dl.due);
        }
        other => panic!("unexpected steps {other:?}"),
    }
    assert!(!v.row.badges.notice_owed);
    let err = f.svc.case(&f.aliya, "KZ-1999-000001", today()).unwrap_err();
    assert_eq!(err.to_string(), "no case has the number 'KZ-1999-000001'");
}

#[test]
fn applications_take_their_term_from_the_register() {
    let f = fixture();
    let mut new = complaint(Addressee::LocalBody, today());
    new.matter = Matter::Application {
        channel: Channel::StateCorporation,
        service: Some("S-006".into()),
        term: "1wd".parse().unwrap(),
    };
    let n = register(&f, &f.boss, new.clone(), None);
    let v = f.svc.case(&f.boss, &n, today()).unwrap();
    assert_eq!(v.row.kind, CaseKind::Application);
    // S-006 through the State Corporation: 5 working days, and the hand-over a day before
    // (Art. 5.2.5).
    assert_eq!(v.row.due, Some(v.svc_due(5)));
    let kinds: Vec<ObligationKind> = v
        .deadlines
        .unwrap()
        .obligations
        .iter()
        .map(|o| o.kind)
        .collect();
    assert_eq!(
        kinds,
        [
            ObligationKind::Result,
            ObligationKind::ResultToStateCorporation
        ]
    );
    new.matter = Matter::Application {
        channel: Channel::Provider,
        service: Some("S-006".into()),
        term: "1wd".parse().unwrap(),
    };
    let err = f
        .svc
        .execute(
            &f.boss,
            today(),
            None,
            None,
            CaseCommand::Register {
                case: Box::new(new),
                assignee: None,
            },
        )
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "service 'S-006' is not offered through the channel 'provider'"
    );
}

trait Due {
    fn svc_due(&self, wd: u32) -> NaiveDate;
}

impl Due for merzim::service::CaseView {
    fn svc_due(&self, wd: u32) -> NaiveDate {
        let cal = Reference::shipped().unwrap().calendar;
        cal.add_working_days(self.case.registered, wd).unwrap()
    }
}

#[test]
fn dates_in_the_future_are_refused() {
    let f = fixture();
    let tomorrow = today().checked_add_days(Days::new(1)).unwrap();
    let err = f
        .svc
        .execute(
            &f.boss,
            today(),
            None,
            None,
            CaseCommand::Register {
                case: Box::new(complaint(Addressee::LocalBody, tomorrow)),
                assignee: None,
            },
        )
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "the registration date '2026-11-21' is after today '2026-11-20'"
    );
    assert_eq!(f.svc.store().count().unwrap(), 0);
}

//! DESIGN 1.5: once the answer (complaint, Art. 5.2.7) or the result (application, Art. 19-1.1)
//! is given, nothing about the case is owed or overdue any more; what was not done by then is
//! missed, a recorded breach. The queue sorts on, and shows, the earliest owed obligation.
//! Known answers with real dates, then properties over random histories.

use chrono::{Days, NaiveDate};
use merzim::domain::calendar::Calendar;
use merzim::domain::deadline::*;
use merzim::domain::rules::RuleBook;
use merzim::domain::vocabulary::{Addressee, Channel, Form, Ground, Medium, Term};
use merzim::domain::why::{WhyStep, why_application, why_complaint};
use merzim::reference::Reference;
use proptest::prelude::*;
use std::sync::OnceLock;

fn reference() -> &'static Reference {
    static R: OnceLock<Reference> = OnceLock::new();
    R.get_or_init(|| Reference::shipped().unwrap())
}

fn cal() -> &'static Calendar {
    &reference().calendar
}

fn rules() -> &'static RuleBook {
    &reference().rules
}

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn complaint(addressee: Addressee, registered: &str) -> ComplaintFacts {
    ComplaintFacts {
        registered: d(registered),
        addressee,
        medium: Medium::Paper,
        set_due: None,
        extensions: vec![],
        notices: vec![],
        follow_ups: vec![],
        closed: None,
    }
}

fn notice(kind: NoticeKind, sent: &str) -> NoticeSent {
    NoticeSent {
        kind,
        sent: d(sent),
        form: Form::Written,
        reference: String::new(),
    }
}

fn state(dl: &Deadlines, kind: ObligationKind) -> ObligationState {
    dl.obligations
        .iter()
        .find(|o| o.kind == kind)
        .unwrap()
        .state
}

/// Art. 25.4 ¶2 and Art. 5.2.7: an extension notice never sent when the answer went out is
/// missed, not overdue; the answer itself is done, with the working days it was late.
#[test]
fn art_25_4_a_notice_not_sent_before_the_answer_is_missed() {
    // Registered Mon 2 Nov 2026 to a central body: due Mon 9 Nov (Art. 25.2 ¶1); extended on
    // Thu 5 Nov by 10 working days: due Mon 23 Nov; notice due Tue 10 Nov (3 working days).
    let mut c = complaint(Addressee::CentralBody, "2026-11-02");
    c.extensions = vec![Extension {
        date: d("2026-11-05"),
        days: 10,
        ground: Ground::Verification,
        reason: String::new(),
    }];
    let before = complaint_deadlines(cal(), rules(), &c, d("2026-11-11")).unwrap();
    assert_eq!(
        state(&before, ObligationKind::ExtensionNotice),
        ObligationState::Overdue {
            since: d("2026-11-11")
        }
    );
    assert_eq!(before.next().unwrap().kind, ObligationKind::ExtensionNotice);
    c.notices = vec![notice(NoticeKind::Answer, "2026-11-12")];
    for today in ["2026-11-12", "2026-11-24", "2027-06-01"] {
        let dl = complaint_deadlines(cal(), rules(), &c, d(today)).unwrap();
        assert_eq!(
            state(&dl, ObligationKind::ExtensionNotice),
            ObligationState::Missed {
                on: d("2026-11-12"),
                by: Settled::Answered
            },
            "on {today}"
        );
        assert!(dl.next().is_none(), "nothing is owed on {today}");
        assert_eq!(
            dl.answered(),
            Some(Answered {
                on: d("2026-11-12"),
                late: false,
                late_days: 0
            })
        );
    }
}

/// Art. 25.2: late by the working days after the due date. Registered Tue 20 Oct 2026, due
/// Wed 28 Oct (Sun 25 Oct, Republic Day, moves the day off to Mon 26 Oct); answered Tue 3 Nov:
/// Thu 29, Fri 30 Oct, Mon 2, Tue 3 Nov are four working days late.
#[test]
fn art_25_2_late_answers_count_working_days_late() {
    let mut c = complaint(Addressee::LocalBody, "2026-10-20");
    c.notices = vec![notice(NoticeKind::Answer, "2026-11-03")];
    let dl = complaint_deadlines(cal(), rules(), &c, d("2026-11-23")).unwrap();
    assert_eq!(dl.due, Some(d("2026-10-28")));
    assert_eq!(
        dl.answered(),
        Some(Answered {
            on: d("2026-11-03"),
            late: true,
            late_days: 4
        })
    );
    // Sent on Sat 31 Oct after a Friday 30 Oct due date: late, but no working day late.
    let mut c = complaint(Addressee::LocalBody, "2026-10-22");
    c.notices = vec![notice(NoticeKind::Answer, "2026-10-31")];
    let dl = complaint_deadlines(cal(), rules(), &c, d("2026-11-23")).unwrap();
    assert_eq!(dl.due, Some(d("2026-10-30")));
    let a = dl.answered().unwrap();
    assert!(a.late);
    assert_eq!(a.late_days, 0);
}

/// Art. 5.2.5: the result given to the applicant without the hand-over to the State
/// Corporation recorded: the hand-over is missed.
#[test]
fn art_5_2_5_handover_missed_when_the_result_went_out() {
    let a = ApplicationFacts {
        registered: d("2026-11-02"),
        channel: Channel::StateCorporation,
        term: "5wd".parse().unwrap(),
        outcome: ApplicationOutcome::Rendered,
        notices: vec![notice(NoticeKind::Result, "2026-11-06")],
        closed: None,
    };
    let dl = application_deadlines(cal(), rules(), &a, d("2026-11-20")).unwrap();
    assert_eq!(
        state(&dl, ObligationKind::ResultToStateCorporation),
        ObligationState::Missed {
            on: d("2026-11-06"),
            by: Settled::Answered
        }
    );
    assert!(dl.next().is_none());
}

/// A case closed without its answer: the answer is missed, never overdue for ever.
#[test]
fn closing_settles_what_is_left() {
    let mut c = complaint(Addressee::LocalBody, "2026-10-01");
    c.closed = Some(d("2026-10-20"));
    let dl = complaint_deadlines(cal(), rules(), &c, d("2026-11-23")).unwrap();
    assert_eq!(
        state(&dl, ObligationKind::Answer),
        ObligationState::Missed {
            on: d("2026-10-20"),
            by: Settled::Closed
        }
    );
}

/// Art. 25.1: a due date set by a superior body is not computed, so never provisional, even
/// in a year whose calendar is not final.
#[test]
fn art_25_1_a_set_due_date_is_not_provisional() {
    let mut c = complaint(Addressee::SuperiorBody, "2026-12-01");
    c.set_due = Some(d("2027-03-01"));
    let dl = complaint_deadlines(cal(), rules(), &c, d("2026-12-01")).unwrap();
    assert_eq!(dl.due, Some(d("2027-03-01")));
    assert!(!dl.provisional, "{:?}", dl.uncertain);
    let why = why_complaint(cal(), rules(), &c).unwrap();
    assert!(matches!(why.steps[..], [WhyStep::SetByOfficer { .. }]));
}

/// Why this date for a calendar-day term: every calendar day is counted, weekends too, and an
/// end on a day off moves to the next working day. 30 calendar days from Fri 6 Nov 2026 end on
/// Sun 6 Dec, moved to Mon 7 Dec.
#[test]
fn why_a_calendar_day_term_counts_calendar_days() {
    let a = ApplicationFacts {
        registered: d("2026-11-06"),
        channel: Channel::Provider,
        term: "30cd".parse().unwrap(),
        outcome: ApplicationOutcome::Pending,
        notices: vec![],
        closed: None,
    };
    let why = why_application(cal(), rules(), &a).unwrap();
    assert_eq!(why.due, Some(d("2026-12-07")));
    let WhyStep::Term { days, result, .. } = &why.steps[0] else {
        panic!("{why:?}")
    };
    assert_eq!(*result, d("2026-12-07"));
    let counted: Vec<u32> = days.iter().filter_map(|x| x.counted).collect();
    assert_eq!(counted, (1..=30).collect::<Vec<_>>());
    assert_eq!(days.last().unwrap().date, d("2026-12-07"));
    assert_eq!(days.last().unwrap().counted, None);
}

fn date() -> impl Strategy<Value = NaiveDate> {
    let base = NaiveDate::from_ymd_opt(2024, 1, 2).unwrap();
    (0u64..3 * 365).prop_map(move |o| base + Days::new(o))
}

prop_compose! {
    fn facts()(
        registered in date(),
        addressee in prop::sample::select(Addressee::ALL.to_vec()),
        ext in prop::collection::vec((0u64..15, 1u32..6, any::<bool>()), 0..3),
        notices in prop::collection::vec((0u64..40, 0usize..2), 0..4),
        answer in prop::option::of(0u64..40),
        closed in prop::option::of(0u64..60),
        today in 0u64..80,
    ) -> (ComplaintFacts, NaiveDate) {
        let mut c = ComplaintFacts {
            registered,
            addressee,
            medium: Medium::Electronic,
            set_due: (addressee == Addressee::SuperiorBody).then(|| registered + Days::new(20)),
            extensions: vec![],
            notices: vec![],
            follow_ups: vec![],
            closed: closed.map(|o| registered + Days::new(o)),
        };
        // Extensions that the law allows, recorded as the service records them.
        for (after, days, info) in ext {
            let e = Extension {
                date: registered + Days::new(after),
                days,
                ground: if info { Ground::Information } else { Ground::Verification },
                reason: String::new(),
            };
            if check_new_extension(cal(), rules(), &c, &e).is_ok() {
                c.extensions.push(e);
            }
        }
        for (after, kind) in notices {
            c.notices.push(NoticeSent {
                kind: [NoticeKind::ExtensionNotice, NoticeKind::Answer][kind],
                sent: registered + Days::new(after),
                form: Form::Electronic,
                reference: String::new(),
            });
        }
        if let Some(after) = answer {
            c.notices.push(NoticeSent {
                kind: NoticeKind::Answer,
                sent: registered + Days::new(after),
                form: Form::Written,
                reference: String::new(),
            });
        }
        (c, registered + Days::new(today))
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1_000))]

    /// DESIGN 1.5: no case whose answer is recorded is ever counted overdue or owed.
    #[test]
    fn an_answered_complaint_owes_nothing((c, today) in facts()) {
        let dl = complaint_deadlines(cal(), rules(), &c, today).unwrap();
        if dl.answered().is_some() || c.closed.is_some() {
            for o in &dl.obligations {
                prop_assert!(!o.state.is_owed(), "{o:?} owed after the answer");
                let overdue = matches!(o.state, ObligationState::Overdue { .. });
                prop_assert!(!overdue, "{:?} overdue after the answer", o);
            }
            prop_assert!(dl.next().is_none());
        }
    }

    /// What the queue sorts on is what it shows: the next obligation is owed, and no owed
    /// obligation is due before it; if any is overdue, the next one is.
    #[test]
    fn the_next_obligation_is_the_earliest_owed((c, today) in facts()) {
        let dl = complaint_deadlines(cal(), rules(), &c, today).unwrap();
        match dl.next() {
            Some(next) => {
                prop_assert!(next.state.is_owed());
                for o in dl.obligations.iter().filter(|o| o.state.is_owed()) {
                    if let (Some(a), Some(b)) = (o.due, next.due) {
                        prop_assert!(a >= b);
                    }
                }
                if dl.obligations.iter().any(|o| matches!(o.state, ObligationState::Overdue { .. })) {
                    let overdue = matches!(next.state, ObligationState::Overdue { .. });
                    prop_assert!(overdue, "{:?} is not the overdue one", next);
                }
            }
            None => prop_assert!(dl.obligations.iter().all(|o| !o.state.is_owed() || o.due.is_none())),
        }
    }

    /// "Why this date" ends on the due date the engine computes, for every history.
    #[test]
    fn why_ends_on_the_due_date((c, today) in facts()) {
        let dl = complaint_deadlines(cal(), rules(), &c, today).unwrap();
        let why = why_complaint(cal(), rules(), &c).unwrap();
        prop_assert_eq!(why.due, dl.due);
    }

    /// The same for applications, in every unit.
    #[test]
    fn why_ends_on_the_term_due_date(registered in date(), value in 1u32..60, unit in 0usize..3) {
        let term: Term = format!("{value}{}", ["wd", "cd", "h"][unit]).parse().unwrap();
        let a = ApplicationFacts {
            registered,
            channel: Channel::Provider,
            term,
            outcome: ApplicationOutcome::Pending,
            notices: vec![],
            closed: None,
        };
        let why = why_application(cal(), rules(), &a).unwrap();
        prop_assert_eq!(why.due, Some(term_due(cal(), registered, term).unwrap()));
    }
}

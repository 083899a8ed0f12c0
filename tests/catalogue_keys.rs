//! Every catalogue key the screens build from data (`obligation-{kind}`, `status-{status}`,
//! refusals, ...) exists in all three languages, with the attributes the screens ask for: a
//! missing key shows as a raw key or an English fallback on a Kazakh or Russian screen.

use chrono::NaiveDate;
use merzim::app::{NamedQueue, Section};
use merzim::domain::calendar::CalendarError;
use merzim::domain::case::{Outcome, Status};
use merzim::domain::deadline::{NoticeKind, ObligationKind, Refusal};
use merzim::domain::message::{Localize, Message, Value};
use merzim::domain::rules::NoEdition;
use merzim::domain::vocabulary::{Addressee, CaseKind, Channel, Form, Ground, Medium};
use merzim::i18n::{Lang, Texts};

fn date() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
}

/// (key, attribute) pairs the screens build.
fn built_keys() -> Vec<(String, Option<&'static str>)> {
    let mut keys: Vec<(String, Option<&'static str>)> = Vec::new();
    let mut add = |key: String, attrs: &[Option<&'static str>]| {
        for a in attrs {
            keys.push((key.clone(), *a));
        }
    };
    for k in ObligationKind::ALL {
        add(
            format!("obligation-{}", k.as_str()),
            &[None, Some("short"), Some("noun")],
        );
    }
    for s in Status::ALL {
        add(format!("status-{}", s.as_str()), &[None]);
    }
    for o in Outcome::ALL {
        add(format!("outcome-{}", o.as_str()), &[None]);
    }
    for m in Medium::ALL {
        add(format!("medium-{}", m.as_str()), &[None]);
    }
    for c in Channel::ALL {
        add(
            format!("channel-{}", c.as_str()),
            &[None, Some("short"), Some("tiny")],
        );
    }
    for a in Addressee::ALL {
        add(
            format!("addressee-{}", a.as_str()),
            &[None, Some("short"), Some("tiny")],
        );
    }
    for g in Ground::ALL {
        add(format!("ground-{}", g.as_str()), &[None]);
    }
    for f in Form::ALL {
        add(format!("form-{}", f.as_str()), &[None]);
    }
    for k in CaseKind::ALL {
        add(format!("kind-{}", k.as_str()), &[None]);
    }
    for n in NoticeKind::ALL {
        add(format!("notice-{}", n.as_str()), &[None]);
    }
    for e in [
        "registered",
        "assigned",
        "extended",
        "notice-sent",
        "answer-sent",
        "note-added",
        "decided",
        "closed",
        "reopened",
        "due-set",
        "refused-at-intake",
        "linked",
    ] {
        add(format!("event-{e}"), &[None]);
    }
    for s in Section::ALL {
        add(s.i18n_key().to_string(), &[None]);
    }
    for q in std::iter::once(NamedQueue::Default).chain(NamedQueue::ALL) {
        add(q.i18n_key().to_string(), &[None]);
    }
    for w in 1..=7 {
        add(format!("weekday-{w}"), &[None]);
    }
    for k in ["role-supervisor", "role-officer", "urgency-due-today"] {
        add(k.to_string(), &[None]);
    }
    for k in [
        "column-type",
        "column-addressee",
        "column-registered",
        "column-due",
        "column-next",
        "column-remaining",
        "column-badges",
        "column-assignee",
    ] {
        add(k.to_string(), &[None, Some("short"), Some("long")]);
    }
    keys
}

/// One of every refusal and calendar error, with the keys their messages use.
fn messages() -> Vec<Message> {
    let basis = "Art. 25.4".to_string();
    let refusals = vec![
        Refusal::MayNotExtend {
            addressee: Addressee::ServiceProvider,
            allowed: vec![Addressee::CentralBody, Addressee::LocalBody],
            basis: basis.clone(),
        },
        Refusal::GroundNotAllowed {
            ground: "x".into(),
            allowed: Ground::ALL.to_vec(),
            basis: basis.clone(),
        },
        Refusal::OverCap {
            total: 12,
            cap: 10,
            basis: basis.clone(),
        },
        Refusal::ZeroDays {
            basis: basis.clone(),
        },
        Refusal::AfterDue {
            date: date(),
            due: date(),
            basis: basis.clone(),
        },
        Refusal::BeforeRegistration {
            date: date(),
            registered: date(),
        },
        Refusal::TermSetByLaw {
            addressee: Addressee::LocalBody,
            basis,
        },
        Refusal::NoEdition(NoEdition {
            date: date(),
            earliest: date(),
        }),
        Refusal::Calendar(CalendarError::OutOfRange),
        Refusal::Calendar(CalendarError::TooLongToExplain { days: 9, max: 1 }),
    ];
    let mut out: Vec<Message> = refusals.iter().map(Localize::message).collect();
    use merzim::domain::case::{CaseError, Doing, Field, KindProblem, StatusProblem};
    let n = || "KZ-2026-000001".to_string();
    let mut errors = vec![
        CaseError::Empty(Field::Note),
        CaseError::RefusalWithoutGround,
        CaseError::AlreadyRegistered(n()),
        CaseError::SelfLink(n()),
        CaseError::OutcomeDoesNotFit {
            outcome: Outcome::Rendered,
            article: "a",
            kind: CaseKind::Complaint,
            expected: "satisfied",
        },
    ];
    for f in Field::ALL {
        errors.push(CaseError::InFuture {
            what: f,
            date: date(),
            today: date(),
        });
        errors.push(CaseError::BeforeRegistration {
            what: f,
            date: date(),
            registered: date(),
        });
    }
    let mut problems = vec![
        StatusProblem::TermNotRunning,
        StatusProblem::NeverExtended,
        StatusProblem::AlreadyDecided {
            outcome: Outcome::Satisfied,
            date: date(),
        },
        StatusProblem::DecideFirst,
        StatusProblem::NotClosed,
        StatusProblem::BeingConsidered,
    ];
    for d in Doing::ALL {
        problems.push(StatusProblem::ReopenFirst(d));
        problems.push(StatusProblem::NoTermStarted(d));
    }
    for what in problems {
        errors.push(CaseError::WrongStatus {
            number: n(),
            status: Status::Closed,
            what,
        });
    }
    let mut kinds = vec![
        KindProblem::OnlyComplaintsExtended,
        KindProblem::HandoverOnlyThroughStateCorporation,
        KindProblem::TermFromServiceAct,
        KindProblem::OnlyApplicationsRefusedAtIntake,
    ];
    kinds.extend(NoticeKind::ALL.map(KindProblem::NoticeOfOtherKind));
    for what in kinds {
        errors.push(CaseError::WrongKind {
            number: n(),
            article: "a",
            kind: CaseKind::Complaint,
            what,
        });
    }
    out.extend(errors.iter().map(Localize::message));
    use merzim::service::ServiceError;
    let services = [
        ServiceError::UnknownUser { uid: 7 },
        ServiceError::UnknownLogin("x".into()),
        ServiceError::NotFound(n()),
        ServiceError::Conflict {
            number: n(),
            expected: 1,
            current: 2,
        },
        ServiceError::NoNumber("extend"),
        ServiceError::NumberGiven,
        ServiceError::UnknownService { code: "S".into() },
    ];
    out.extend(services.iter().map(Localize::message));
    out
}

fn message_keys(m: &Message, out: &mut Vec<String>) {
    out.push(m.key.to_string());
    for (_, v) in &m.args {
        match v {
            Value::Word(k) => out.push(k.clone()),
            Value::Words(ks) => out.extend(ks.iter().cloned()),
            Value::Message(inner) => message_keys(inner, out),
            _ => {}
        }
    }
}

#[test]
fn every_key_the_screens_build_is_in_every_language() {
    let texts = Texts::new().unwrap();
    let mut keys = built_keys();
    for m in messages() {
        let mut ks = Vec::new();
        message_keys(&m, &mut ks);
        keys.extend(ks.into_iter().map(|k| (k, None)));
    }
    keys.push(("list-or".into(), None));
    assert!(keys.len() > 120, "the list is real: {}", keys.len());
    let mut missing = Vec::new();
    for lang in Lang::ALL {
        for (key, attr) in &keys {
            if !texts.has(lang, key, *attr) {
                missing.push(format!(
                    "{lang:?} {key}{}",
                    attr.map(|a| format!(".{a}")).unwrap_or_default()
                ));
            }
        }
    }
    assert!(missing.is_empty(), "missing: {missing:#?}");
}

#[test]
fn refusals_read_in_the_readers_language() {
    let texts = Texts::new().unwrap();
    let r = Refusal::OverCap {
        total: 12,
        cap: 10,
        basis: "Art. 25.4".into(),
    };
    assert_eq!(
        texts.message(Lang::En, &r.message()),
        "Art. 25.4: extensions would total 12 working days, over the cap of 10"
    );
    assert_eq!(
        texts.message(Lang::Ru, &r.message()),
        "ст. 25.4: продления составили бы 12 рабочих дней при пределе 10"
    );
    let r = Refusal::MayNotExtend {
        addressee: Addressee::ServiceProvider,
        allowed: vec![
            Addressee::QualityAuthority,
            Addressee::CentralBody,
            Addressee::LocalBody,
        ],
        basis: "Art. 25.4".into(),
    };
    let kk = texts.message(Lang::Kk, &r.message());
    assert!(kk.contains("25.4-бап"), "{kk}");
    assert!(kk.contains("'Көрсетілетін қызметті беруші'"), "{kk}");
    assert!(kk.contains(" немесе "), "{kk}");
    // The English Display and the English message say the same.
    for r in messages() {
        let en = texts.message(Lang::En, &r);
        assert!(!en.contains("refusal-"), "{en}");
    }
}

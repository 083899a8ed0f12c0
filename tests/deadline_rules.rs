//! Every deadline rule of DESIGN 1.2–1.3, each tested from the words of its article of the Law
//! "On state services" (Kazakh text, edition of 2022), with real dates.

use chrono::NaiveDate;
use merzim::domain::deadline::*;
use merzim::domain::vocabulary::*;
use merzim::reference::Reference;

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn reference() -> Reference {
    Reference::shipped().unwrap()
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

fn ext(date: &str, days: u32, ground: Ground) -> Extension {
    Extension {
        date: d(date),
        days,
        ground,
        reason: "site visit".into(),
    }
}

/// The complaint as its extensions would be recorded one by one (each checked against the law
/// when it is recorded), then its deadlines on `today`.
fn run(c: &ComplaintFacts, today: &str) -> Result<Deadlines, Refusal> {
    let r = reference();
    let mut facts = c.clone();
    let mut extensions = std::mem::take(&mut facts.extensions);
    extensions.sort_by_key(|e| e.date);
    for ext in extensions {
        check_new_extension(&r.calendar, &r.rules, &facts, &ext)?;
        facts.extensions.push(ext);
    }
    complaint_deadlines(&r.calendar, &r.rules, &facts, d(today))
}

fn obligation(dl: &Deadlines, kind: ObligationKind) -> &Obligation {
    dl.obligations.iter().find(|o| o.kind == kind).unwrap()
}

/// Art. 25.2 ¶1: "...шағымы оны тіркеген күннен бастап бес жұмыс күні ішінде қарауға жатады"
/// (five working days from registration) for a central or local body that directly renders the
/// service, a service provider and the State Corporation.
#[test]
fn art_25_2_five_working_days() {
    for a in [
        Addressee::CentralBody,
        Addressee::LocalBody,
        Addressee::ServiceProvider,
        Addressee::StateCorporation,
    ] {
        // Registered Wed 18 Mar 2026: 19, 20, (Nauryz 21–25), 26, 27, 30.
        let dl = run(&complaint(a, "2026-03-18"), "2026-03-19").unwrap();
        assert_eq!(dl.due, Some(d("2026-03-30")), "{a}");
        assert_eq!(dl.term_basis, "Art. 25.2 ¶1");
        assert_eq!(
            obligation(&dl, ObligationKind::Answer).basis,
            "Art. 25.2; Art. 5.2.7"
        );
    }
}

/// Art. 25.2 ¶2: fifteen working days for the authorized body for quality assessment and control.
#[test]
fn art_25_2_fifteen_working_days_for_the_quality_authority() {
    let dl = run(
        &complaint(Addressee::QualityAuthority, "2026-12-25"),
        "2026-12-25",
    )
    .unwrap();
    assert_eq!(dl.due, Some(d("2027-01-20")));
    assert_eq!(dl.term_basis, "Art. 25.2 ¶2");
    // Runs into 2027, whose transfer order is not yet published.
    assert!(dl.provisional);
}

/// The registration day itself never counts, whatever day it is: registered on a Saturday, the
/// term is the same as if registered on the Friday before.
#[test]
fn registration_day_never_counts() {
    let sat = run(&complaint(Addressee::LocalBody, "2026-11-21"), "2026-11-21").unwrap();
    let fri = run(&complaint(Addressee::LocalBody, "2026-11-20"), "2026-11-21").unwrap();
    assert_eq!(sat.due, Some(d("2026-11-27")));
    assert_eq!(fri.due, sat.due);
    // Registered on a holiday (Mon 6 Jul 2026): Tue 7 is day 1.
    let hol = run(&complaint(Addressee::LocalBody, "2026-07-06"), "2026-07-06").unwrap();
    assert_eq!(hol.due, Some(d("2026-07-13")));
}

/// Art. 25.1: a superior body that does not render the service has no term in this law; the
/// officer sets one, and a term set by law cannot be overridden by hand.
#[test]
fn art_25_1_superior_body_has_no_statutory_term() {
    let mut c = complaint(Addressee::SuperiorBody, "2026-11-02");
    let dl = run(&c, "2026-11-22").unwrap();
    assert_eq!(dl.due, None);
    assert_eq!(dl.term_basis, "Art. 25.1");
    assert_eq!(
        obligation(&dl, ObligationKind::Answer).state,
        ObligationState::Open
    );
    c.set_due = Some(d("2026-12-01"));
    assert_eq!(run(&c, "2026-11-22").unwrap().due, Some(d("2026-12-01")));
    let mut local = complaint(Addressee::LocalBody, "2026-11-02");
    local.set_due = Some(d("2026-12-01"));
    assert!(matches!(
        run(&local, "2026-11-22"),
        Err(Refusal::TermSetByLaw { .. })
    ));
}

/// Art. 25.4: extended by at most ten working days; new due date = current due date + n working
/// days; the original and every extended due date stay visible.
#[test]
fn art_25_4_extension_moves_the_due_date() {
    let mut c = complaint(Addressee::LocalBody, "2026-03-18");
    c.extensions = vec![
        ext("2026-03-27", 4, Ground::Verification),
        ext("2026-04-03", 6, Ground::Information),
    ];
    let dl = run(&c, "2026-04-03").unwrap();
    assert_eq!(dl.original_due, Some(d("2026-03-30")));
    // 30 Mar + 4 = 3 Apr; 3 Apr + 6 = 13 Apr.
    assert_eq!(
        dl.due_history,
        vec![d("2026-03-30"), d("2026-04-03"), d("2026-04-13")]
    );
    assert_eq!(dl.due, Some(d("2026-04-13")));
    assert_eq!(dl.extended_days, 10);
}

/// Art. 25.4: "он жұмыс күнінен аспайтын мерзімге": several extensions add up to at most ten.
#[test]
fn art_25_4_total_cap_of_ten_working_days() {
    let mut c = complaint(Addressee::CentralBody, "2026-03-18");
    c.extensions = vec![
        ext("2026-03-27", 6, Ground::Verification),
        ext("2026-04-02", 5, Ground::Information),
    ];
    let e = run(&c, "2026-04-03").unwrap_err();
    assert!(
        matches!(
            e,
            Refusal::OverCap {
                total: 11,
                cap: 10,
                ..
            }
        ),
        "{e:?}"
    );
    assert!(e.to_string().starts_with("Art. 25.4: "), "{e}");
    c.extensions = vec![ext("2026-03-27", 11, Ground::Verification)];
    assert!(matches!(
        run(&c, "2026-04-03"),
        Err(Refusal::OverCap { total: 11, .. })
    ));
}

/// Art. 25.4: only the quality authority, a central state body and a local executive body may
/// extend; a service provider and the State Corporation may not.
#[test]
fn art_25_4_who_may_extend() {
    for a in [
        Addressee::ServiceProvider,
        Addressee::StateCorporation,
        Addressee::SuperiorBody,
    ] {
        let mut c = complaint(a, "2026-03-18");
        c.extensions = vec![ext("2026-03-20", 3, Ground::Verification)];
        let e = run(&c, "2026-03-20").unwrap_err();
        assert!(matches!(e, Refusal::MayNotExtend { .. }), "{a}: {e:?}");
        assert!(e.to_string().contains("Art. 25.4"), "{e}");
    }
    for a in [
        Addressee::QualityAuthority,
        Addressee::CentralBody,
        Addressee::LocalBody,
    ] {
        let mut c = complaint(a, "2026-03-18");
        c.extensions = vec![ext("2026-03-20", 3, Ground::Verification)];
        assert!(run(&c, "2026-03-20").is_ok(), "{a}");
    }
}

/// Art. 25.4: the extension must be decided on or before the current due date.
#[test]
fn art_25_4_extension_after_due_date_is_refused() {
    let mut c = complaint(Addressee::LocalBody, "2026-03-18");
    c.extensions = vec![ext("2026-03-30", 2, Ground::Verification)];
    assert!(run(&c, "2026-03-31").is_ok(), "on the due date itself");
    c.extensions = vec![ext("2026-03-31", 2, Ground::Verification)];
    let e = run(&c, "2026-03-31").unwrap_err();
    assert!(matches!(e, Refusal::AfterDue { .. }), "{e:?}");
    assert!(e.to_string().contains("Art. 25.4"));
    // A second extension may come up to the extended due date.
    c.extensions = vec![
        ext("2026-03-27", 2, Ground::Verification),
        ext("2026-04-01", 2, Ground::Information),
    ];
    assert_eq!(run(&c, "2026-04-01").unwrap().due, Some(d("2026-04-03")));
    // Not before registration, not for zero days.
    c.extensions = vec![ext("2026-03-17", 2, Ground::Verification)];
    assert!(matches!(
        run(&c, "2026-03-31"),
        Err(Refusal::BeforeRegistration { .. })
    ));
    c.extensions = vec![ext("2026-03-20", 0, Ground::Verification)];
    assert!(matches!(
        run(&c, "2026-03-31"),
        Err(Refusal::ZeroDays { .. })
    ));
}

/// Art. 25.4 ¶2: within three working days of the extension, written if filed on paper,
/// electronic if filed electronically.
#[test]
fn art_25_4_extension_notice() {
    let mut c = complaint(Addressee::LocalBody, "2026-03-18");
    c.extensions = vec![ext("2026-03-20", 3, Ground::Verification)];
    // Extended Fri 20 Mar 2026: 26, 27, 30 Mar (Nauryz in between).
    let dl = run(&c, "2026-03-20").unwrap();
    let n = obligation(&dl, ObligationKind::ExtensionNotice);
    assert_eq!(n.due, Some(d("2026-03-30")));
    assert_eq!(n.form, Some(Form::Written));
    assert_eq!(n.basis, "Art. 25.4 ¶2");
    c.medium = Medium::Electronic;
    let dl = run(&c, "2026-03-20").unwrap();
    assert_eq!(
        obligation(&dl, ObligationKind::ExtensionNotice).form,
        Some(Form::Electronic)
    );
    // One notice per extension.
    c.extensions.push(ext("2026-04-01", 2, Ground::Information));
    let dl = run(&c, "2026-04-01").unwrap();
    let notices: Vec<_> = dl
        .obligations
        .iter()
        .filter(|o| o.kind == ObligationKind::ExtensionNotice)
        .collect();
    assert_eq!(notices.len(), 2);
    assert_eq!(notices[1].due, Some(d("2026-04-06")));
}

/// Obligation states: open, done on a date (late, wrong form), overdue since the day after.
#[test]
fn obligation_states() {
    let mut c = complaint(Addressee::LocalBody, "2026-03-18");
    c.extensions = vec![ext("2026-03-20", 3, Ground::Verification)];
    let dl = run(&c, "2026-03-31").unwrap();
    assert_eq!(
        obligation(&dl, ObligationKind::ExtensionNotice).state,
        ObligationState::Overdue {
            since: d("2026-03-31")
        }
    );
    assert_eq!(
        obligation(&dl, ObligationKind::Answer).state,
        ObligationState::Open
    );
    c.notices = vec![NoticeSent {
        kind: NoticeKind::ExtensionNotice,
        sent: d("2026-03-31"),
        form: Form::Electronic,
        reference: "x".into(),
    }];
    let dl = run(&c, "2026-03-31").unwrap();
    assert_eq!(
        obligation(&dl, ObligationKind::ExtensionNotice).state,
        ObligationState::Done {
            on: d("2026-03-31"),
            late: true,
            // Due Mon 30 March (Nauryz 23-25 March skipped); Tue 31 is one working day after.
            late_days: 1,
            wrong_form: true
        }
    );
    // A notice sent before the extension cannot be the notice of it.
    c.notices[0].sent = d("2026-03-19");
    let dl = run(&c, "2026-03-26").unwrap();
    assert_eq!(
        obligation(&dl, ObligationKind::ExtensionNotice).state,
        ObligationState::Open
    );
    // The answer: done on time.
    c.notices = vec![NoticeSent {
        kind: NoticeKind::Answer,
        sent: d("2026-04-02"),
        form: Form::Written,
        reference: "No. 5".into(),
    }];
    let dl = run(&c, "2026-04-10").unwrap();
    assert_eq!(
        obligation(&dl, ObligationKind::Answer).state,
        ObligationState::Done {
            on: d("2026-04-02"),
            late: false,
            late_days: 0,
            wrong_form: false
        }
    );
}

/// Art. 25.3: the quality authority's follow-ups have no statutory term; the officer's date.
#[test]
fn art_25_3_follow_ups() {
    let mut c = complaint(Addressee::QualityAuthority, "2026-11-02");
    c.follow_ups = vec![FollowUp {
        what: "proposal to the akimat".into(),
        due: Some(d("2026-11-20")),
        done: None,
    }];
    let dl = run(&c, "2026-11-22").unwrap();
    let f = obligation(&dl, ObligationKind::FollowUp);
    assert_eq!(f.basis, "Art. 25.3");
    assert_eq!(
        f.state,
        ObligationState::Overdue {
            since: d("2026-11-21")
        }
    );
    // Not for other addressees.
    let mut other = c.clone();
    other.addressee = Addressee::LocalBody;
    assert!(
        run(&other, "2026-11-22")
            .unwrap()
            .obligations
            .iter()
            .all(|o| o.kind != ObligationKind::FollowUp)
    );
}

fn application(channel: Channel, term: &str, registered: &str) -> ApplicationFacts {
    ApplicationFacts {
        registered: d(registered),
        channel,
        term: term.parse().unwrap(),
        outcome: ApplicationOutcome::Pending,
        notices: vec![],
        closed: None,
    }
}

fn run_app(a: &ApplicationFacts, today: &str) -> Deadlines {
    let r = reference();
    application_deadlines(&r.calendar, &r.rules, a, d(today)).unwrap()
}

/// Art. 5.2.5: through the State Corporation, the result is delivered to it "бір тәуліктен
/// кешіктірмей" (not later than one day) before the term expires: the last working day before.
#[test]
fn art_5_2_5_result_to_the_state_corporation() {
    // 10 wd from Thu 19 Mar 2026: 20, 26, 27, 30, 31, 1, 2, 3, 6, 7 Apr.
    let dl = run_app(
        &application(Channel::StateCorporation, "10wd", "2026-03-19"),
        "2026-03-19",
    );
    assert_eq!(dl.due, Some(d("2026-04-07")));
    let h = obligation(&dl, ObligationKind::ResultToStateCorporation);
    assert_eq!(h.due, Some(d("2026-04-06")));
    assert_eq!(h.basis, "Art. 5.2.5");
    // Due on a Monday: handed over the Friday before.
    let dl = run_app(
        &application(Channel::StateCorporation, "5wd", "2026-11-16"),
        "2026-11-16",
    );
    assert_eq!(dl.due, Some(d("2026-11-23")));
    assert_eq!(
        obligation(&dl, ObligationKind::ResultToStateCorporation).due,
        Some(d("2026-11-20"))
    );
    // Not through the State Corporation: no hand-over.
    let dl = run_app(
        &application(Channel::Portal, "5wd", "2026-11-16"),
        "2026-11-16",
    );
    assert!(
        dl.obligations
            .iter()
            .all(|o| o.kind != ObligationKind::ResultToStateCorporation)
    );
}

/// Art. 5.2.5 (2022 text, Law No. 141-VII): "бір жұмыс күні ішінде көрсетілетін мемлекеттік
/// қызметтерді қоспағанда": not for services rendered within one working day; the earlier
/// edition had no such exception.
#[test]
fn art_5_2_5_one_working_day_exception_since_2022() {
    let dl = run_app(
        &application(Channel::StateCorporation, "1wd", "2026-11-16"),
        "2026-11-16",
    );
    assert_eq!(dl.edition, "2022");
    assert!(
        dl.obligations
            .iter()
            .all(|o| o.kind != ObligationKind::ResultToStateCorporation)
    );
    let dl = run_app(
        &application(Channel::StateCorporation, "4h", "2026-11-16"),
        "2026-11-16",
    );
    assert!(
        dl.obligations
            .iter()
            .all(|o| o.kind != ObligationKind::ResultToStateCorporation)
    );
    // Registered under the earlier edition: the hand-over is owed, on the registration day.
    let dl = run_app(
        &application(Channel::StateCorporation, "1wd", "2021-11-15"),
        "2021-11-15",
    );
    assert_eq!(dl.edition, "2013");
    let h = obligation(&dl, ObligationKind::ResultToStateCorporation);
    assert_eq!(h.due, Some(d("2021-11-15")));
    // Two working days: the exception does not apply.
    let dl = run_app(
        &application(Channel::StateCorporation, "2wd", "2026-11-16"),
        "2026-11-16",
    );
    assert_eq!(
        obligation(&dl, ObligationKind::ResultToStateCorporation).due,
        Some(d("2026-11-17"))
    );
}

/// Art. 20.1: through the State Corporation with paper documents, the day of reception is not
/// counted in the term. The counting convention already never counts it; this keeps it so.
#[test]
fn art_20_1_reception_day_not_counted() {
    let dl = run_app(
        &application(Channel::StateCorporation, "3wd", "2026-11-18"),
        "2026-11-18",
    );
    // Wed 18: Thu 19 (1), Fri 20 (2), Mon 23 (3).
    assert_eq!(dl.due, Some(d("2026-11-23")));
}

/// Terms in calendar days end on D + N, moved to the next working day (DESIGN 1.1); hour terms
/// are same-day terms, never shown later than they can end.
#[test]
fn calendar_day_and_hour_terms() {
    let dl = run_app(
        &application(Channel::Provider, "5cd", "2026-03-16"),
        "2026-03-16",
    );
    assert_eq!(dl.due, Some(d("2026-03-26")));
    let dl = run_app(
        &application(Channel::Portal, "2h", "2026-11-20"),
        "2026-11-20",
    );
    assert_eq!(dl.due, Some(d("2026-11-20")));
    let dl = run_app(
        &application(Channel::Portal, "2h", "2026-11-21"),
        "2026-11-21",
    );
    assert_eq!(
        dl.due,
        Some(d("2026-11-23")),
        "registered on a Saturday via the portal"
    );
    let dl = run_app(
        &application(Channel::Portal, "48h", "2026-11-18"),
        "2026-11-18",
    );
    assert_eq!(dl.due, Some(d("2026-11-20")));
}

/// Art. 19-1.1: a refusal is a reasoned answer within the term; Art. 20.2: a package refused at
/// intake starts no term at all.
#[test]
fn art_19_1_refusal_and_art_20_2_intake_refusal() {
    let mut a = application(Channel::StateCorporation, "5wd", "2026-11-16");
    a.outcome = ApplicationOutcome::Refused;
    let dl = run_app(&a, "2026-11-24");
    let r = obligation(&dl, ObligationKind::RefusalAnswer);
    assert_eq!(r.basis, "Art. 19-1.1");
    assert_eq!(
        r.state,
        ObligationState::Overdue {
            since: d("2026-11-24")
        }
    );
    a.outcome = ApplicationOutcome::RefusedAtIntake;
    let dl = run_app(&a, "2026-11-24");
    assert_eq!(dl.due, None);
    assert!(dl.obligations.is_empty());
    assert_eq!(dl.term_basis, "Art. 20.2");
}

/// DESIGN 1.4: the edition in force on the registration date applies; before the first one,
/// there are no rules to apply.
#[test]
fn editions_by_registration_date() {
    let r = reference();
    assert_eq!(r.rules.edition_for(d("2022-07-13")).unwrap().id, "2013");
    assert_eq!(r.rules.edition_for(d("2022-07-14")).unwrap().id, "2022");
    let c = complaint(Addressee::LocalBody, "2001-01-01");
    assert!(matches!(run(&c, "2001-01-02"), Err(Refusal::NoEdition(_))));
}

/// Recorded extensions are facts: a later correction of the calendar (here an office moving an
/// estimated Kurban Ait by a day) must not make the case lose its due date. The extension was
/// decided on the due date as it was then; it still counts, and the record is flagged.
#[test]
fn a_recorded_extension_survives_a_calendar_correction() {
    let r = reference();
    let mut c = complaint(Addressee::LocalBody, "2026-05-20");
    // With Kurban Ait on Wed 27 May: 21, 22, 25, 26, 28 -> due Thu 28 May; extended that day.
    let ext = Extension {
        date: d("2026-05-28"),
        days: 5,
        ground: Ground::Verification,
        reason: "x".into(),
    };
    assert_eq!(
        complaint_deadlines(&r.calendar, &r.rules, &c, d("2026-05-21"))
            .unwrap()
            .due,
        Some(d("2026-05-28"))
    );
    check_new_extension(&r.calendar, &r.rules, &c, &ext).unwrap();
    c.extensions.push(ext);
    // The office moves Kurban Ait to Thu 28 May: the original due date becomes Wed 27 May.
    let mut files = vec![(
        "kz".to_string(),
        merzim::reference::SHIPPED_CALENDAR.to_string(),
    )];
    files.push((
        "office".into(),
        "[calendar]\nid = \"office\"\n[[cancel]]\ndate = 2026-05-27\nreason = \"moved\"\n[[day]]\ndate = 2026-05-28\nkind = \"religious-day-off\"\nname = { kk = \"Құрбан айт\", ru = \"Курбан айт\", en = \"Kurban Ait\" }\nsource = \"announcement\"\n".into(),
    ));
    let corrected = merzim::domain::calendar::data::load(&files).unwrap();
    let dl = complaint_deadlines(&corrected, &r.rules, &c, d("2026-06-15")).unwrap();
    assert_eq!(dl.original_due, Some(d("2026-05-27")));
    assert_eq!(
        dl.due,
        Some(d("2026-06-04")),
        "27 May + 5 working days: 29, 1, 2, 3, 4 (28 May off)"
    );
    assert_eq!(dl.extended_days, 5);
    assert_eq!(dl.irregular.len(), 1, "{:?}", dl.irregular);
    assert!(dl.irregular[0].to_string().contains("Art. 25.4"));
    assert!(matches!(
        dl.obligations[0].state,
        ObligationState::Overdue { .. }
    ));
}

/// Art. 25.4 ¶2 with two extensions: a notice is taken for the most recent extension before it,
/// so a late notice for the first extension is not shown as on time.
#[test]
fn art_25_4_notices_matched_to_extensions_never_hide_a_late_one() {
    let mut c = complaint(Addressee::QualityAuthority, "2026-05-25");
    c.extensions = vec![
        ext("2026-06-01", 3, Ground::Verification),
        ext("2026-06-03", 3, Ground::Information),
    ];
    let sent = |day: &str| NoticeSent {
        kind: NoticeKind::ExtensionNotice,
        sent: d(day),
        form: Form::Written,
        reference: String::new(),
    };
    c.notices = vec![sent("2026-06-03"), sent("2026-06-08")];
    let dl = run(&c, "2026-06-10").unwrap();
    let n: Vec<&Obligation> = dl
        .obligations
        .iter()
        .filter(|o| o.kind == ObligationKind::ExtensionNotice)
        .collect();
    // Extension of 1 June: notice due 4 June, the notice of 8 June is late.
    assert_eq!(n[0].due, Some(d("2026-06-04")));
    assert_eq!(
        n[0].state,
        ObligationState::Done {
            on: d("2026-06-08"),
            late: true,
            // Due Thu 4 June; Fri 5 and Mon 8 June are the working days after it.
            late_days: 2,
            wrong_form: false
        }
    );
    assert_eq!(
        n[1].state,
        ObligationState::Done {
            on: d("2026-06-03"),
            late: false,
            late_days: 0,
            wrong_form: false
        }
    );
    // Only one notice: the earlier extension is the one shown as owed.
    c.notices = vec![sent("2026-06-03")];
    let dl = run(&c, "2026-06-10").unwrap();
    let n: Vec<&Obligation> = dl
        .obligations
        .iter()
        .filter(|o| o.kind == ObligationKind::ExtensionNotice)
        .collect();
    assert!(matches!(n[0].state, ObligationState::Overdue { .. }));
    assert!(matches!(n[1].state, ObligationState::Done { .. }));
}

//! Issue 10: reports, "as of date X" and the officer's digest, on cases registered through the
//! service around the New Year and Nauryz 2026, with every expected figure counted by hand
//! below. Then the command line's contract: the CSV's header and `total` row, the workbook read
//! back equal to the CSV, formula guards, one-line errors.
//!
//! The calendar of these weeks (data/calendars/kz.toml): 1-2 Jan 2026 New Year (Thu, Fri),
//! 7 Jan Orthodox Christmas (Wed); 8 Mar falls on a Sunday, so Mon 9 Mar is off; Nauryz
//! 21-23 Mar (Sat-Mon) gives 23, 24 and 25 Mar off (Tue, Wed moved), so 21-25 Mar are all off.
//! Terms (data/rules/kz-state-services.toml): Art. 25.2 ¶1, five working days for a central
//! or local body; Art. 25.2 ¶2, fifteen for the quality authority; Art. 25.4, an extension of at
//! most ten working days added to the current due date, its notice within three working days.

use std::path::Path;
use std::process::Command;

use chrono::NaiveDate;
use merzim::domain::asof::case_as_of;
use merzim::domain::case::{Applicant, Matter, NewCase, Outcome, PartyId};
use merzim::domain::deadline::{NoticeKind, ObligationKind};
use merzim::domain::ids::Iin;
use merzim::domain::vocabulary::{Addressee, Channel, Form, Ground, Medium};
use merzim::reference::Reference;
use merzim::service::api::{ApiError, CaseApi, Request, Response, Session};
use merzim::service::report::{Figures, GroupKey, Grouping, Report, ReportQuery};
use merzim::service::{Caller, CaseCommand, Role, Service, User};

const BIN: &str = env!("CARGO_BIN_EXE_merzim");

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

/// The day everything below was recorded by.
const TODAY: &str = "2026-04-30";

struct Desk {
    dir: tempfile::TempDir,
    svc: Service,
    boss: Caller,
    today: NaiveDate,
}

/// A database with a supervisor, two officers and an auditor. `hostile` gives the officer
/// aliya a name a spreadsheet would run as a formula.
fn desk(today: &str, hostile: bool) -> Desk {
    let dir = tempfile::tempdir().unwrap();
    let svc = Service::open(&dir.path().join("db"), Reference::shipped().unwrap()).unwrap();
    let aliya = if hostile {
        "=HYPERLINK(\"http://evil.example\",\"Әлия\")"
    } else {
        "Әлия Серікқызы"
    };
    let users = [
        (1000, "boss", "Бастық", Role::Supervisor),
        (1001, "aliya", aliya, Role::Officer),
        (1002, "bolat", "@Болат", Role::Officer),
        (1003, "dana", "Дана", Role::Officer),
        (1004, "audit", "Тексеруші", Role::Auditor),
    ];
    for (i, (uid, login, name, role)) in users.into_iter().enumerate() {
        let boss = (i > 0).then(|| svc.caller_for_uid(1000).unwrap());
        let user = User {
            uid,
            login: login.into(),
            name: name.into(),
            role,
            disabled: false,
        };
        svc.put_user(boss.as_ref(), user).unwrap();
    }
    Desk {
        boss: svc.caller_for_uid(1000).unwrap(),
        svc,
        dir,
        today: d(today),
    }
}

fn applicant() -> Applicant {
    Applicant {
        name: "Әбенов Нұрлан".into(),
        id: PartyId::Individual(Iin::parse("870412300005").unwrap()),
        contact: String::new(),
    }
}

fn complaint(addressee: Addressee, registered: &str) -> NewCase {
    NewCase {
        matter: Matter::Complaint {
            addressee,
            set_due: None,
        },
        medium: Medium::Paper,
        applicant: applicant(),
        registered: d(registered),
        subject: format!("шағым {registered}"),
        text: "Мәтін".into(),
    }
}

fn application(registered: &str) -> NewCase {
    NewCase {
        matter: Matter::Application {
            channel: Channel::Provider,
            service: None,
            term: "5wd".parse().unwrap(),
        },
        medium: Medium::Electronic,
        applicant: applicant(),
        registered: d(registered),
        subject: format!("өтініш {registered}"),
        text: "Мәтін".into(),
    }
}

impl Desk {
    fn register(&self, new: NewCase, assignee: Option<&str>) -> String {
        self.svc
            .execute(
                &self.boss,
                self.today,
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

    fn run(&self, number: &str, cmd: CaseCommand) {
        self.svc
            .execute(&self.boss, self.today, Some(number), None, cmd)
            .unwrap();
    }

    fn extend(&self, number: &str, date: &str, days: u32, ground: Ground) {
        self.run(
            number,
            CaseCommand::Extend {
                date: d(date),
                days,
                ground,
                reason: "Қосымша тексеру".into(),
            },
        );
    }

    fn notice(&self, number: &str, sent: &str) {
        self.run(
            number,
            CaseCommand::RecordNotice {
                kind: NoticeKind::ExtensionNotice,
                sent: d(sent),
                form: Form::Written,
                reference: "№ 1".into(),
            },
        );
    }

    fn answer(&self, number: &str, sent: &str) {
        self.run(
            number,
            CaseCommand::RecordAnswer {
                sent: d(sent),
                form: Form::Written,
                reference: "№ 2".into(),
            },
        );
    }

    fn session(&self, uid: u32) -> Session {
        let today = self.today;
        Session::for_uid(self.svc.clone(), uid, Box::new(move || today)).unwrap()
    }
}

/// The dozen cases of the report, and the numbers of the interesting ones.
struct Cases {
    c5: String,
}

fn fixture(hostile: bool) -> (Desk, Cases) {
    let k = desk(TODAY, hostile);
    use Addressee::*;
    // C1, local body, Wed 31 Dec 2025: five working days skip 1-2 Jan (New Year), the weekend
    // and 7 Jan: Mon 5, Tue 6, Thu 8, Fri 9, Mon 12 Jan: due 12 Jan. Answered 12 Jan: on time,
    // 5 working days.
    let c1 = k.register(complaint(LocalBody, "2025-12-31"), Some("aliya"));
    k.answer(&c1, "2026-01-12");
    // C2, central body, Tue 30 Dec 2025: Wed 31 Dec, Mon 5, Tue 6, Thu 8, Fri 9 Jan: due 9 Jan.
    // Answered Tue 13 Jan: late; 7 working days (31 Dec, 5, 6, 8, 9, 12, 13 Jan).
    let c2 = k.register(complaint(CentralBody, "2025-12-30"), Some("aliya"));
    k.answer(&c2, "2026-01-13");
    // C3, quality authority (Art. 25.2 ¶2: 15 working days), Fri 13 Mar: 16-20 Mar (5), Nauryz
    // 21-25 off, 26, 27, 30, 31 Mar, 1, 2, 3, 6, 7, 8 Apr: due Wed 8 Apr. Extended on 1 Apr by
    // 10 (information): due 22 Apr; its notice due 6 Apr (2, 3, 6 Apr), sent 3 Apr: on time.
    // Answered 20 Apr: on time, 15 + 8 = 23 working days.
    let c3 = k.register(complaint(QualityAuthority, "2026-03-13"), Some("aliya"));
    k.extend(&c3, "2026-04-01", 10, Ground::Information);
    k.notice(&c3, "2026-04-03");
    k.answer(&c3, "2026-04-20");
    // C4, local body, Thu 19 Mar: Fri 20, Thu 26, Fri 27, Mon 30, Tue 31 Mar: due 31 Mar.
    // Extended on 31 Mar by 5 (verification): due Tue 7 Apr; its notice due Fri 3 Apr, sent
    // Mon 6 Apr: late. Answered 7 Apr: on time, 10 working days.
    let c4 = k.register(complaint(LocalBody, "2026-03-19"), Some("aliya"));
    k.extend(&c4, "2026-03-31", 5, Ground::Verification);
    k.notice(&c4, "2026-04-06");
    k.answer(&c4, "2026-04-07");
    // C5, central body, Fri 6 Mar: 9 Mar is off (8 Mar on a Sunday): 10, 11, 12, 13, 16 Mar:
    // due 16 Mar. Extended on 12 Mar by 3 (information): due Thu 19 Mar; its notice due Tue
    // 17 Mar, never sent. Answered Thu 26 Mar: late (20 and 26 Mar), the notice missed;
    // 10 working days. On 20 Mar it was open and overdue, its notice overdue too.
    let c5 = k.register(complaint(CentralBody, "2026-03-06"), Some("aliya"));
    k.extend(&c5, "2026-03-12", 3, Ground::Information);
    k.answer(&c5, "2026-03-26");
    // C6, local body, Mon 30 Mar: 31 Mar, 1, 2, 3, 6 Apr: due 6 Apr; never answered: overdue.
    k.register(complaint(LocalBody, "2026-03-30"), Some("bolat"));
    // C7, local body, Tue 31 Mar: due Tue 7 Apr; answered 7 Apr: on time, 5 working days.
    let c7 = k.register(complaint(LocalBody, "2026-03-31"), Some("bolat"));
    k.answer(&c7, "2026-04-07");
    // C8, central body, Fri 20 Mar: 26, 27, 30, 31 Mar, 1 Apr: due 1 Apr. Extended on 26 Mar
    // by 10 (verification): due 15 Apr; its notice due 31 Mar, never sent and the complaint not
    // answered: open, overdue, the notice overdue (owed, not missed).
    let c8 = k.register(complaint(CentralBody, "2026-03-20"), Some("bolat"));
    k.extend(&c8, "2026-03-26", 10, Ground::Verification);
    // C9, an application (5 working days), Mon 2 Feb: due 9 Feb; refused on 5 Feb on the ground
    // of Art. 19-1.2.2, the reasoned refusal sent that day: on time, 3 working days.
    let c9 = k.register(application("2026-02-02"), None);
    k.run(
        &c9,
        CaseCommand::Decide {
            outcome: Outcome::Refused,
            date: d("2026-02-05"),
            ground: Some("Art. 19-1.2.2".into()),
        },
    );
    k.answer(&c9, "2026-02-05");
    // C10, an application refused at intake (Art. 20.2): no term started.
    let c10 = k.register(application("2026-02-10"), None);
    k.run(
        &c10,
        CaseCommand::RefuseAtIntake {
            date: d("2026-02-10"),
            reason: "Құжаттар толық емес".into(),
        },
    );
    // C11 and C12 are outside the period (2 Apr 2026, 26 Dec 2025): never counted.
    k.register(complaint(LocalBody, "2026-04-02"), Some("aliya"));
    k.register(complaint(LocalBody, "2025-12-26"), Some("aliya"));
    // C13, a superior body (Art. 25.1: no term here, none set): open, never overdue.
    k.register(complaint(SuperiorBody, "2026-01-20"), None);
    // C14, local body, Mon 16 Feb: decided (rejected) 18 Feb and closed 19 Feb without the
    // answer: closed unanswered.
    let c14 = k.register(complaint(LocalBody, "2026-02-16"), None);
    k.run(
        &c14,
        CaseCommand::Decide {
            outcome: Outcome::Rejected,
            date: d("2026-02-18"),
            ground: None,
        },
    );
    k.run(
        &c14,
        CaseCommand::Close {
            date: d("2026-02-19"),
        },
    );
    (k, Cases { c5 })
}

fn query(as_of: Option<&str>) -> ReportQuery {
    ReportQuery {
        from: d("2025-12-29"),
        to: d("2026-03-31"),
        by: vec![Grouping::Officer],
        as_of: as_of.map(d),
    }
}

fn row<'a>(r: &'a Report, login: Option<&str>) -> &'a Figures {
    &r.tables[0]
        .rows
        .iter()
        .find(|(k, _)| {
            *k == GroupKey::Officer {
                login: login.map(String::from),
            }
        })
        .unwrap_or_else(|| panic!("no row for {login:?}"))
        .1
}

#[test]
fn report_figures_match_the_hand_count() {
    let (k, _) = fixture(false);
    let r = k.svc.report(&k.boss, k.today, &query(None)).unwrap();
    // The period's last day is before today: the open states are as of 31 Mar.
    assert_eq!(r.as_of, d("2026-03-31"));
    let r = k.svc.report(&k.boss, k.today, &query(Some(TODAY))).unwrap();
    let t = &r.total;
    // C1-C10, C13, C14 are registered in the period; C11 and C12 are not.
    assert_eq!(t.received, 12);
    assert_eq!(t.answered_on_time, 5, "C1, C3, C4, C7, C9");
    assert_eq!(t.answered_late, 2, "C2, C5");
    assert_eq!(t.open, 3, "C6, C8, C13");
    assert_eq!(t.open_overdue, 2, "C6, C8");
    assert_eq!(t.refused_at_intake, 1, "C10");
    assert_eq!(t.closed_unanswered, 1, "C14");
    assert_eq!(t.extended, 4, "C3, C4, C5, C8");
    assert_eq!(t.extended_verification, 2, "C4, C8");
    assert_eq!(t.extended_information, 2, "C3, C5");
    assert_eq!(t.extension_notices_late, 1, "C4");
    assert_eq!(t.extension_notices_missed, 1, "C5");
    assert_eq!(t.extension_notices_overdue, 1, "C8");
    assert_eq!(t.refused, 1, "C9");
    assert_eq!(t.refused_by_point, [0, 1, 0, 0, 0, 0], "C9: Art. 19-1.2.2");
    assert_eq!(t.refused_other, 0);
    // Working days to answer: C1 5, C2 7, C3 23, C4 10, C5 10, C7 5, C9 3: 63 over 7, an
    // average of 9.0; sorted 3 5 5 7 10 10 23, the 90th percentile is the 7th of 7 (nearest
    // rank: ceil(0.9 * 7) = 7): 23.
    assert_eq!(t.days_to_answer_sum, 63);
    assert_eq!(t.days_to_answer_count, 7);
    assert_eq!(t.days_to_answer_average(), Some(9.0));
    assert_eq!(t.days_to_answer_p90, Some(23));
    // Every case is in exactly one of the states.
    assert_eq!(
        t.answered_on_time + t.answered_late + t.open + t.refused_at_intake + t.closed_unanswered,
        t.received
    );

    let aliya = row(&r, Some("aliya"));
    assert_eq!(
        (aliya.received, aliya.answered_on_time, aliya.answered_late),
        (5, 3, 2),
        "C1-C5"
    );
    assert_eq!((aliya.open, aliya.extended), (0, 3));
    assert_eq!(
        (aliya.extension_notices_late, aliya.extension_notices_missed),
        (1, 1)
    );
    // 5, 7, 23, 10, 10: 55; the 5th of 5 is 23.
    assert_eq!(
        (aliya.days_to_answer_sum, aliya.days_to_answer_p90),
        (55, Some(23))
    );
    let bolat = row(&r, Some("bolat"));
    assert_eq!(
        (
            bolat.received,
            bolat.answered_on_time,
            bolat.open,
            bolat.open_overdue
        ),
        (3, 1, 2, 2),
        "C6-C8"
    );
    assert_eq!(bolat.extension_notices_overdue, 1);
    let nobody = row(&r, None);
    assert_eq!(
        (
            nobody.received,
            nobody.refused,
            nobody.refused_at_intake,
            nobody.closed_unanswered,
            nobody.open,
            nobody.open_overdue
        ),
        (4, 1, 1, 1, 1, 0),
        "C9, C10, C13, C14"
    );
    assert_eq!(r.tables[0].rows.len(), 3);
    // As of yesterday every case is rebuilt from its history (as of today the record is
    // taken as it is): nothing happened on the 30th, so the figures are the same.
    let yesterday = k
        .svc
        .report(&k.boss, k.today, &query(Some("2026-04-29")))
        .unwrap();
    assert_eq!(yesterday.tables, r.tables);
    assert_eq!(yesterday.total, r.total);

    // By month: December 2025 holds C1 and C2, both answered.
    let by_month = k
        .svc
        .report(
            &k.boss,
            k.today,
            &ReportQuery {
                by: vec![Grouping::Month],
                ..query(Some(TODAY))
            },
        )
        .unwrap();
    let december = &by_month.tables[0].rows[0];
    assert_eq!(
        december.0,
        GroupKey::Month {
            first: d("2025-12-01")
        }
    );
    assert_eq!(
        (december.1.received, december.1.answered_late),
        (2, 1),
        "C1, C2"
    );
}

/// Issue 10: "what was overdue on 20 March": C5 was (due 19 Mar, answered 26 Mar) and is not
/// today; C6 and C7 did not exist yet.
#[test]
fn a_case_overdue_on_a_day_and_answered_since_counts_overdue_on_that_day_only() {
    let (k, cases) = fixture(false);
    let then = k
        .svc
        .report(&k.boss, k.today, &query(Some("2026-03-20")))
        .unwrap();
    // C1-C5, C8 (registered that day), C9, C10, C13, C14.
    assert_eq!(then.total.received, 10);
    assert_eq!(then.total.open, 5, "C3, C4, C5, C8, C13");
    assert_eq!(then.total.open_overdue, 1, "C5");
    assert_eq!(then.total.answered_late, 1, "C2 (C5 was not answered yet)");
    assert_eq!(
        then.total.extended, 1,
        "C5 (C3, C4, C8 were extended later)"
    );
    assert_eq!(then.total.extension_notices_overdue, 1, "C5's notice");
    assert_eq!(then.total.extension_notices_missed, 0);
    let aliya = row(&then, Some("aliya"));
    assert_eq!((aliya.open, aliya.open_overdue), (3, 1), "C3, C4, C5");

    let now = k.svc.report(&k.boss, k.today, &query(Some(TODAY))).unwrap();
    assert_eq!(row(&now, Some("aliya")).open_overdue, 0);

    // The case itself on 20 March: no answer yet, its answer overdue since the 20th.
    let full = k.svc.case(&k.boss, &cases.c5, k.today).unwrap().case;
    let zone = chrono::FixedOffset::east_opt(5 * 3600).unwrap();
    let r = Reference::shipped().unwrap();
    let on_20 = case_as_of(&full, d("2026-03-20"), zone, &r.calendar, &r.rules)
        .unwrap()
        .unwrap();
    assert!(on_20.notices.is_empty());
    assert_eq!(on_20.extensions.len(), 1);
    let dl = on_20
        .deadlines(&r.calendar, &r.rules, d("2026-03-20"))
        .unwrap();
    assert_eq!(dl.due, Some(d("2026-03-19")));
    // After every entry's day, it is the case as stored.
    let later = case_as_of(&full, d("2026-12-31"), zone, &r.calendar, &r.rules)
        .unwrap()
        .unwrap();
    assert_eq!(later, full);
    // Before its registration it did not exist.
    assert_eq!(
        case_as_of(&full, d("2026-03-05"), zone, &r.calendar, &r.rules).unwrap(),
        None
    );
}

#[test]
fn reports_are_for_supervisors_and_auditors_and_refuse_bad_ranges() {
    let (k, _) = fixture(false);
    let ask = |uid: u32, q: ReportQuery| k.session(uid).call(Request::Report { query: q });
    match ask(1001, query(None)) {
        Response::Error {
            error: ApiError::Forbidden { message },
        } => assert_eq!(message.key, "report-forbidden"),
        other => panic!("an officer got {other:?}"),
    }
    assert!(matches!(ask(1004, query(None)), Response::Report { .. }));
    let backwards = ReportQuery {
        from: d("2026-03-31"),
        to: d("2026-03-01"),
        ..query(None)
    };
    match ask(1000, backwards) {
        Response::Error {
            error: ApiError::Invalid { field, message },
        } => {
            assert_eq!(field, "from");
            assert_eq!(message.key, "report-from-after-to");
        }
        other => panic!("{other:?}"),
    }
    match ask(1000, query(Some("2026-05-01"))) {
        Response::Error {
            error: ApiError::Invalid { field, .. },
        } => assert_eq!(field, "as-of"),
        other => panic!("{other:?}"),
    }
}

/// The digest of dana on Thu 2 Apr 2026 (Nauryz behind her): every owed obligation once, in
/// the first section it belongs to.
#[test]
fn the_digest_lists_each_obligation_once() {
    let k = desk("2026-04-02", false);
    use Addressee::*;
    // D1, local body, Thu 26 Mar: 27, 30, 31 Mar, 1, 2 Apr: due today.
    let d1 = k.register(complaint(LocalBody, "2026-03-26"), Some("dana"));
    // D2, central body, Thu 19 Mar: due 31 Mar; extended 31 Mar by 10: answer due 14 Apr
    // (outside the window); its notice due Fri 3 Apr: one working day left.
    let d2 = k.register(complaint(CentralBody, "2026-03-19"), Some("dana"));
    k.extend(&d2, "2026-03-31", 10, Ground::Information);
    // D3, central body, Fri 20 Mar: due 1 Apr; extended 26 Mar by 3: answer due Mon 6 Apr (two
    // working days left); its notice was due 31 Mar: overdue. Two obligations, each listed once.
    let d3 = k.register(complaint(CentralBody, "2026-03-20"), Some("dana"));
    k.extend(&d3, "2026-03-26", 3, Ground::Verification);
    // D4, quality authority, Fri 27 Mar: due 17 Apr; extended today by 5: its notice due Tue
    // 7 Apr, three working days away: outside the window, listed among the notices owed.
    let d4 = k.register(complaint(QualityAuthority, "2026-03-27"), Some("dana"));
    k.extend(&d4, "2026-04-02", 5, Ground::Verification);
    // D5 is overdue but aliya's; D6 is dana's and answered: neither is listed.
    k.register(complaint(LocalBody, "2026-03-10"), Some("aliya"));
    let d6 = k.register(complaint(LocalBody, "2026-03-10"), Some("dana"));
    k.answer(&d6, "2026-03-16");

    let g = k.session(1003).digest("dana".into(), None).unwrap();
    let lines = |l: &[merzim::service::digest::DigestLine]| -> Vec<(String, ObligationKind, i64)> {
        l.iter()
            .map(|x| (x.number.clone(), x.kind, x.remaining))
            .collect()
    };
    use ObligationKind::*;
    assert_eq!(lines(&g.overdue), vec![(d3.clone(), ExtensionNotice, -2)]);
    assert_eq!(lines(&g.due_today), vec![(d1.clone(), Answer, 0)]);
    assert_eq!(
        lines(&g.due_soon),
        vec![(d2.clone(), ExtensionNotice, 1), (d3.clone(), Answer, 2)]
    );
    assert_eq!(
        lines(&g.notices_owed),
        vec![(d4.clone(), ExtensionNotice, 3)]
    );
    // A wider window takes D4's notice into "due soon", and still lists it once.
    let wide = k.session(1003).digest("dana".into(), Some(3)).unwrap();
    assert!(wide.notices_owed.is_empty());
    assert_eq!(wide.due_soon.len(), 3);
    // An officer reads only their own digest; a supervisor anyone's.
    assert!(k.session(1001).digest("dana".into(), None).is_err());
    assert!(k.session(1000).digest("dana".into(), None).is_ok());

    // The printed digest: one line per obligation, D3 on two lines (notice, answer).
    drop(k.svc);
    let out = merzim(
        k.dir.path(),
        "2026-04-02",
        &["--lang", "en", "digest", "--officer", "dana"],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    let count = |n: &str| text.lines().filter(|l| l.contains(n)).count();
    assert_eq!(
        (count(&d1), count(&d2), count(&d3), count(&d4), count(&d6)),
        (1, 1, 2, 1, 0),
        "{text}"
    );
    assert!(text.contains("Overdue (1):"), "{text}");
    assert!(text.contains("2 working days left"), "{text}");
}

fn merzim(dir: &Path, today: &str, args: &[&str]) -> std::process::Output {
    Command::new(BIN)
        .args(["--today", today, "--db"])
        .arg(dir.join("db"))
        .args(args)
        .env("MERZIM_DATA_DIR", dir.join("no-office-data"))
        .output()
        .unwrap()
}

/// The CSV's rows as cells (after the byte-order mark).
fn csv_rows(bytes: &[u8]) -> Vec<Vec<String>> {
    let text = std::str::from_utf8(bytes).unwrap();
    let body = text.strip_prefix('\u{feff}').expect("a byte-order mark");
    csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(body.as_bytes())
        .records()
        .map(|r| r.unwrap().iter().map(String::from).collect())
        .collect()
}

const PERIOD: [&str; 6] = [
    "--from",
    "2025-12-29",
    "--to",
    "2026-03-31",
    "--as-of",
    TODAY,
];

#[test]
fn the_csv_keeps_its_contract_and_the_workbook_says_the_same() {
    let (k, _) = fixture(true);
    let dir = k.dir.path().to_path_buf();
    drop(k.svc);
    let mut args = vec!["--lang", "en", "report"];
    args.extend(PERIOD);
    args.extend(["--by", "officer", "--format", "csv"]);
    let out = merzim(&dir, TODAY, &args);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout.clone()).unwrap();
    assert!(text.starts_with(
        "\u{feff}group,received,answered_on_time,answered_late,open,open_overdue,extended,extension_notices_late,extension_notices_missed"
    ));
    let rows = csv_rows(&out.stdout);
    let total = rows.last().unwrap();
    assert_eq!(total[0], "total");
    // received, on time, late, open, overdue, extended, notices late, missed: the hand count.
    assert_eq!(total[1..9], ["12", "5", "2", "3", "2", "4", "1", "1"]);
    // Formula guards: aliya's name starts with '=', bolat's with '@'.
    let name = rows[0].iter().position(|c| c == "name").unwrap();
    let aliya = rows.iter().find(|r| r[0] == "aliya").unwrap();
    assert!(aliya[name].starts_with("'=HYPERLINK("), "{}", aliya[name]);
    let bolat = rows.iter().find(|r| r[0] == "bolat").unwrap();
    assert_eq!(bolat[name], "'@Болат");
    for cell in rows.iter().flatten() {
        assert!(
            !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
            "unguarded {cell:?}"
        );
    }

    // The workbook, read back, holds the same cells (numbers as numbers).
    let file = dir.join("report.xlsx");
    let mut args = vec!["--lang", "en", "report"];
    args.extend(PERIOD);
    args.extend(["--by", "officer,month", "--format", "xlsx", "--out"]);
    let file_arg = file.to_str().unwrap();
    args.push(file_arg);
    let out = merzim(&dir, TODAY, &args);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    use calamine::{Data, Reader, Xlsx, open_workbook};
    let mut book: Xlsx<_> = open_workbook(&file).unwrap();
    let names = book.sheet_names();
    assert_eq!(names, ["By officer", "By month", "About"]);
    let sheet = book.worksheet_range("By officer").unwrap();
    let cells: Vec<Vec<Data>> = sheet.rows().map(|r| r.to_vec()).collect();
    assert_eq!(cells.len(), rows.len());
    for (got, want) in cells.iter().zip(&rows) {
        for (g, w) in got.iter().zip(want) {
            match g {
                Data::Float(f) => assert_eq!(*f, w.parse::<f64>().unwrap(), "{w}"),
                Data::Int(i) => assert_eq!(i.to_string(), *w),
                Data::Empty => assert_eq!(w, ""),
                // Text as typed; the CSV's guard apostrophe is the CSV's own.
                Data::String(s) => assert_eq!(*s, w.strip_prefix('\'').unwrap_or(w)),
                other => panic!("{other:?} for {w}"),
            }
        }
    }
    // Months and the period's dates are dates.
    let months = book.worksheet_range("By month").unwrap();
    assert!(matches!(months.get((1, 0)), Some(Data::DateTime(_))));
    let about = book.worksheet_range("About").unwrap();
    assert!(matches!(about.get((0, 1)), Some(Data::DateTime(_))));
}

#[test]
fn bad_dates_and_ranges_are_one_line_and_status_2() {
    let (k, _) = fixture(false);
    let dir = k.dir.path().to_path_buf();
    drop(k.svc);
    for args in [
        &["report", "--from", "2026-02-30", "--to", "2026-03-31"][..],
        &["report", "--from", "2026-03-31", "--to", "2026-03-01"],
        &[
            "report",
            "--from",
            "2026-03-01",
            "--to",
            "2026-03-31",
            "--as-of",
            "2026-12-01",
        ],
        &[
            "report",
            "--from",
            "2026-03-01",
            "--to",
            "2026-03-31",
            "--by",
            "officer,month",
            "--format",
            "csv",
        ],
    ] {
        let out = merzim(&dir, TODAY, args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = String::from_utf8(out.stderr).unwrap();
        assert_eq!(err.lines().count(), 1, "{args:?}: {err}");
        assert!(out.stdout.is_empty());
    }
    // A readable table in Russian.
    let mut args = vec!["--lang", "ru", "report"];
    args.extend(PERIOD);
    let out = merzim(&dir, TODAY, &args);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("Поступило"), "{text}");
    assert!(text.lines().any(|l| l.starts_with("итого")), "{text}");
}

/// A calendar entry corrected after the report's day: the report says it counted with the
/// corrected calendar, and only for a day before the correction.
#[test]
fn a_report_before_a_calendar_correction_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let calendars = dir.path().join("data/calendars");
    std::fs::create_dir_all(&calendars).unwrap();
    // Kurban Ait 2026 ships estimated on 27 May; the office records the announced date.
    std::fs::write(
        calendars.join("office.toml"),
        r#"
[calendar]
id = "office"
[[day]]
date = 2026-05-27
kind = "religious-day-off"
name = { kk = "Құрбан айт", ru = "Курбан айт", en = "Kurban Ait" }
source = "DUMK announcement"
corrected_on = 2026-05-20
"#,
    )
    .unwrap();
    let reference = Reference::load(Some(&dir.path().join("data"))).unwrap();
    let svc = Service::open(&dir.path().join("db"), reference).unwrap();
    svc.put_user(
        None,
        User {
            uid: 1000,
            login: "boss".into(),
            name: "Бастық".into(),
            role: Role::Supervisor,
            disabled: false,
        },
    )
    .unwrap();
    let boss = svc.caller_for_uid(1000).unwrap();
    let today = d("2026-06-01");
    let q = |as_of: &str| ReportQuery {
        from: d("2026-05-01"),
        to: d("2026-05-31"),
        by: vec![],
        as_of: Some(d(as_of)),
    };
    let before = svc.report(&boss, today, &q("2026-05-19")).unwrap();
    assert_eq!(before.corrections.len(), 1);
    assert_eq!(before.corrections[0].date, d("2026-05-27"));
    assert_eq!(before.corrections[0].corrected_on, d("2026-05-20"));
    // Corrected on the 20th: by the end of that day the office had it.
    let after = svc.report(&boss, today, &q("2026-05-20")).unwrap();
    assert!(after.corrections.is_empty());

    drop(svc);
    let out = Command::new(BIN)
        .args(["--today", "2026-06-01", "--lang", "en", "--db"])
        .arg(dir.path().join("db"))
        .arg("--data-dir")
        .arg(dir.path().join("data"))
        .args([
            "report",
            "--from",
            "2026-05-01",
            "--to",
            "2026-05-31",
            "--as-of",
            "2026-05-19",
        ])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("computed with the calendar as corrected on 2026-05-20"),
        "{text}"
    );
}

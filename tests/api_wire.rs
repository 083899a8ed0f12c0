//! The service's door as data: every request and every answer (every error included) crosses
//! the daemon's encoding (MessagePack with named fields) and comes back equal. A variant added
//! without an example here does not compile (see `request_index` / `response_index`).

use std::collections::{BTreeMap, BTreeSet};

use chrono::{NaiveDate, TimeZone, Utc};
use merzim::domain::calendar::{CalendarError, Uncertainty};
use merzim::domain::case::{Applicant, Matter, NewCase, Outcome, PartyId, Relation};
use merzim::domain::deadline::{
    Concerns, NoticeKind, Obligation, ObligationKind, ObligationState, Refusal, Settled,
};
use merzim::domain::ids::{Bin, Iin};
use merzim::domain::message::{Localize, Message};
use merzim::domain::rules::NoEdition;
use merzim::domain::vocabulary::{Addressee, Channel, Form, Ground, Medium, Term, TermUnit};
use merzim::i18n::{Lang, Texts};
use merzim::letters::{Format, LetterKind};
use merzim::reference::Reference;
use merzim::service::report::{Grouping, ReportQuery};
use merzim::service::transfer::Snapshot;
use merzim::service::{
    ApiError, CaseApi, CaseCommand, CaseView, DraftKey, QueueQuery, Request, Response, Role, Scope,
    Service, Session, Sort, User,
};

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn today() -> NaiveDate {
    d("2026-11-20")
}

/// The encoding the daemon uses on its socket.
fn wire<T: serde::Serialize + serde::de::DeserializeOwned>(v: &T) -> T {
    let bytes = rmp_serde::to_vec_named(v).expect("encode");
    rmp_serde::from_slice(&bytes).expect("decode")
}

fn complaint() -> NewCase {
    NewCase {
        matter: Matter::Complaint {
            addressee: Addressee::LocalBody,
            set_due: None,
        },
        medium: Medium::Paper,
        applicant: Applicant {
            name: "Әбенов Нұрлан Серікұлы".into(),
            id: PartyId::Individual(Iin::parse("870412300005").unwrap()),
            contact: "Астана, Сығанақ к-сі 12, +7 701 000 00 00".into(),
        },
        registered: d("2026-11-16"),
        subject: "Жәрдемақы тағайындау туралы шешімге шағым".into(),
        text: "Құжаттарды толық тапсырдым, бірақ жауап алмадым.\nПрошу разобраться: «ответа нет»."
            .into(),
    }
}

fn application() -> NewCase {
    NewCase {
        matter: Matter::Application {
            channel: Channel::StateCorporation,
            service: None,
            term: Term {
                value: 10,
                unit: TermUnit::WorkingDays,
            },
        },
        medium: Medium::Electronic,
        applicant: Applicant {
            name: "ТОО «Жаңа Жол»".into(),
            id: PartyId::Entity(Bin::parse("990340000014").unwrap()),
            contact: "info@example.kz".into(),
        },
        registered: d("2026-11-18"),
        subject: "Выдача справки".into(),
        text: "Заявление о выдаче справки.".into(),
    }
}

/// A session on a new database, with a complaint registered and extended, and an application.
fn session() -> (tempfile::TempDir, Session, String) {
    let dir = tempfile::tempdir().unwrap();
    let svc = Service::open(&dir.path().join("db"), Reference::shipped().unwrap()).unwrap();
    let boss = User {
        uid: 1000,
        login: "boss".into(),
        name: "Бастық Әсел".into(),
        role: Role::Supervisor,
        disabled: false,
    };
    svc.put_user(None, boss).unwrap();
    let s = Session::for_uid(svc, 1000, Box::new(today)).unwrap();
    let done = s.register(complaint(), Some("boss".into())).unwrap();
    let done = s
        .execute(
            done.number.clone(),
            done.version,
            CaseCommand::Extend {
                date: today(),
                days: 5,
                ground: Ground::Verification,
                reason: "Жерге шығып тексеру қажет".into(),
            },
        )
        .unwrap();
    s.register(application(), None).unwrap();
    (dir, s, done.number)
}

/// Every refusal, for the irregular extensions a view carries and for `Refused`.
fn refusals() -> Vec<Refusal> {
    vec![
        Refusal::MayNotExtend {
            addressee: Addressee::ServiceProvider,
            allowed: vec![Addressee::QualityAuthority, Addressee::CentralBody],
            basis: "Art. 25.4".into(),
        },
        Refusal::GroundNotAllowed {
            ground: "себебі жоқ".into(),
            allowed: vec![Ground::Verification, Ground::Information],
            basis: "Art. 25.4".into(),
        },
        Refusal::OverCap {
            total: 12,
            cap: 10,
            basis: "Art. 25.4".into(),
        },
        Refusal::ZeroDays {
            basis: "Art. 25.4".into(),
        },
        Refusal::AfterDue {
            date: d("2026-11-25"),
            due: d("2026-11-23"),
            basis: "Art. 25.4".into(),
        },
        Refusal::BeforeRegistration {
            date: d("2026-11-01"),
            registered: d("2026-11-16"),
        },
        Refusal::TermSetByLaw {
            addressee: Addressee::LocalBody,
            basis: "Art. 25.2".into(),
        },
        Refusal::NoEdition(NoEdition {
            date: d("2010-01-01"),
            earliest: d("2013-04-15"),
        }),
        Refusal::Calendar(CalendarError::OutOfRange),
        Refusal::Calendar(CalendarError::TooLongToExplain {
            days: 5000,
            max: 3660,
        }),
    ]
}

/// The complaint's view, with what a real view may also hold added: every obligation state, a
/// follow-up, uncertainties and irregular extensions.
fn rich_view(s: &Session, number: &str) -> CaseView {
    let mut view = s.case(number.to_string()).unwrap();
    assert!(!view.case.text.is_empty() && view.case.events.len() >= 3);
    let dl = view.deadlines.as_mut().expect("deadlines");
    let states = [
        ObligationState::Open,
        ObligationState::Done {
            on: d("2026-11-19"),
            late: true,
            late_days: 2,
            wrong_form: true,
        },
        ObligationState::Overdue {
            since: d("2026-11-18"),
        },
        ObligationState::Missed {
            on: d("2026-11-20"),
            by: Settled::Answered,
        },
        ObligationState::Missed {
            on: d("2026-11-20"),
            by: Settled::Closed,
        },
    ];
    for state in states {
        dl.obligations.push(Obligation {
            kind: ObligationKind::FollowUp,
            due: Some(d("2026-12-01")),
            form: Some(Form::Written),
            basis: "Art. 25.3".into(),
            state,
            concerns: Some(Concerns::FollowUp {
                what: "Ұсыныстың орындалуын бақылау".into(),
            }),
        });
    }
    dl.uncertain = vec![
        Uncertainty::YearNotCovered { year: 2028 },
        Uncertainty::YearProvisional { year: 2027 },
        Uncertainty::EstimatedEntry {
            date: d("2027-05-17"),
            name: "Құрбан айт".into(),
        },
    ];
    dl.irregular = refusals();
    assert!(
        dl.obligations
            .iter()
            .any(|o| matches!(o.concerns, Some(Concerns::Extension { .. }))),
        "the extension notice is owed"
    );
    view
}

fn message(key: &'static str) -> Message {
    Message::new(key).text("login", "әлия").number("uid", 1001)
}

/// Every error, as the service makes them where it can.
fn errors() -> Vec<ApiError> {
    let mut all = vec![
        ApiError::Conflict {
            number: "KZ-2026-000001".into(),
            expected: 3,
            current: 4,
        },
        ApiError::Forbidden {
            message: message("service-unknown-user"),
        },
        ApiError::NotFound {
            number: "KZ-2026-999999".into(),
        },
        ApiError::Invalid {
            field: "registration-date".into(),
            message: message("plain-text"),
        },
        ApiError::Rejected {
            message: message("plain-text"),
        },
        ApiError::Unavailable {
            message: message("plain-text"),
        },
        ApiError::Internal {
            message: message("api-unexpected-answer"),
        },
        ApiError::BadLines {
            lines: vec!["line 7: 'registered': not a date".into()],
            total: 2,
        },
    ];
    for r in refusals() {
        all.push(ApiError::Refused {
            article: "Art. 25.4".into(),
            message: r.message(),
        });
    }
    all
}

fn fields() -> BTreeMap<String, String> {
    BTreeMap::from([
        ("reason".to_string(), "Қосымша ақпарат сұралды".to_string()),
        ("days".to_string(), "5".to_string()),
        (
            "text".to_string(),
            "Строка 1\nСтрока 2 «кавычки» ё".to_string(),
        ),
    ])
}

fn requests(number: &str) -> Vec<Request> {
    let key = DraftKey {
        form: "extend".into(),
        case: Some(number.into()),
    };
    vec![
        Request::WhoAmI,
        Request::Queue {
            query: QueueQuery {
                scope: Scope::Assignee("әлия".into()),
                include_closed: true,
                text: Some("Әбенов шағым".into()),
                sort: Sort::Due,
                limit: Some(50),
                ..QueueQuery::default()
            },
        },
        Request::Case {
            number: number.into(),
        },
        Request::Execute {
            number: number.into(),
            expected_version: 3,
            command: CaseCommand::Decide {
                outcome: Outcome::Partly,
                date: today(),
                ground: Some("Жартылай қанағаттандырылды".into()),
            },
        },
        Request::Execute {
            number: number.into(),
            expected_version: 4,
            command: CaseCommand::Link {
                number: "KZ-2026-000002".into(),
                relation: Relation::Related,
            },
        },
        Request::Register {
            case: Box::new(complaint()),
            assignee: Some("әлия".into()),
        },
        Request::Preview {
            number: number.into(),
            expected_version: 3,
            command: CaseCommand::Extend {
                date: today(),
                days: 3,
                ground: Ground::Information,
                reason: "Қосымша ақпарат сұралды".into(),
            },
        },
        Request::PreviewRegister {
            case: Box::new(application()),
        },
        Request::Users,
        Request::Services,
        Request::Reference,
        Request::Bulk {
            items: vec![(number.into(), 3), ("KZ-2026-000002".into(), 1)],
            command: CaseCommand::Assign {
                to: Some("әлия".into()),
            },
        },
        Request::Letter {
            number: number.into(),
            kind: LetterKind::ExtensionNotice,
            lang: Lang::Kk,
            format: Format::Docx,
        },
        Request::SaveDraft {
            key: key.clone(),
            fields: fields(),
        },
        Request::Drafts,
        Request::LoadDraft { key: key.clone() },
        Request::DeleteDraft {
            key: DraftKey {
                form: "register".into(),
                case: None,
            },
        },
        Request::Database,
        Request::Check,
        Request::ExportBegin {
            what: Snapshot::Backup,
        },
        Request::ExportRead {
            handle: 3,
            offset: 524_288,
        },
        Request::ImportBegin,
        Request::ImportChunk {
            handle: 4,
            bytes: "{\"number\": \"KZ-2026-000001\", \"subject\": \"Жалоба\"}\n".into(),
        },
        Request::ImportCommit { handle: 4 },
        Request::Discard { handle: 3 },
        Request::AddUser {
            login: "aliya".into(),
            name: Some("Әлия Серікқызы".into()),
            role: Role::Officer,
        },
        Request::SetRole {
            login: "aliya".into(),
            role: Role::Auditor,
        },
        Request::SetDisabled {
            login: "aliya".into(),
            disabled: true,
        },
        Request::Dashboard {
            within: 2,
            as_of: Some(d("2026-03-01")),
        },
        Request::Report {
            query: ReportQuery {
                from: d("2026-01-01"),
                to: d("2026-03-31"),
                by: vec![Grouping::Officer, Grouping::Month],
                as_of: Some(d("2026-03-01")),
            },
        },
        Request::Digest {
            officer: "әлия".into(),
            within: Some(3),
        },
    ]
}

/// Every command, as the console sends them.
fn commands() -> Vec<CaseCommand> {
    vec![
        CaseCommand::Register {
            case: Box::new(application()),
            assignee: None,
        },
        CaseCommand::Assign {
            to: Some("әлия".into()),
        },
        CaseCommand::Assign { to: None },
        CaseCommand::Extend {
            date: today(),
            days: 3,
            ground: Ground::Information,
            reason: "Мемлекеттік органнан ақпарат сұралды".into(),
        },
        CaseCommand::RecordNotice {
            kind: NoticeKind::ResultToStateCorporation,
            sent: today(),
            form: Form::Electronic,
            reference: "ЕСЭДО-2026/777".into(),
        },
        CaseCommand::RecordAnswer {
            sent: today(),
            form: Form::Written,
            reference: "№ 3Т-1/45".into(),
        },
        CaseCommand::AddNote {
            text: "Позвонил заявитель: «жду ответа».\nЕкінші жол.".into(),
        },
        CaseCommand::Decide {
            outcome: Outcome::Refused,
            date: today(),
            ground: Some("Art. 19-1.2.1".into()),
        },
        CaseCommand::Close { date: today() },
        CaseCommand::Reopen {
            date: today(),
            reason: "Жаңа мән-жайлар".into(),
        },
        CaseCommand::SetDue {
            due: d("2026-12-18"),
        },
        CaseCommand::RefuseAtIntake {
            date: today(),
            reason: "Құжаттар топтамасы толық емес".into(),
        },
        CaseCommand::Link {
            number: "KZ-2026-000002".into(),
            relation: Relation::Reapplication,
        },
    ]
}

fn command_index(c: &CaseCommand) -> usize {
    match c {
        CaseCommand::Register { .. } => 0,
        CaseCommand::Assign { .. } => 1,
        CaseCommand::Extend { .. } => 2,
        CaseCommand::RecordNotice { .. } => 3,
        CaseCommand::RecordAnswer { .. } => 4,
        CaseCommand::AddNote { .. } => 5,
        CaseCommand::Decide { .. } => 6,
        CaseCommand::Close { .. } => 7,
        CaseCommand::Reopen { .. } => 8,
        CaseCommand::SetDue { .. } => 9,
        CaseCommand::RefuseAtIntake { .. } => 10,
        CaseCommand::Link { .. } => 11,
    }
}
const COMMANDS: usize = 12;

fn request_index(r: &Request) -> usize {
    match r {
        Request::WhoAmI => 0,
        Request::Queue { .. } => 1,
        Request::Case { .. } => 2,
        Request::Execute { .. } => 3,
        Request::Register { .. } => 4,
        Request::Users => 5,
        Request::SaveDraft { .. } => 6,
        Request::Drafts => 7,
        Request::LoadDraft { .. } => 8,
        Request::DeleteDraft { .. } => 9,
        Request::Preview { .. } => 10,
        Request::PreviewRegister { .. } => 11,
        Request::Services => 12,
        Request::Letter { .. } => 13,
        Request::Database => 14,
        Request::Check => 15,
        Request::ExportBegin { .. } => 16,
        Request::ExportRead { .. } => 17,
        Request::ImportBegin => 18,
        Request::ImportChunk { .. } => 19,
        Request::ImportCommit { .. } => 20,
        Request::Discard { .. } => 21,
        Request::AddUser { .. } => 22,
        Request::SetRole { .. } => 23,
        Request::SetDisabled { .. } => 24,
        Request::Reference => 25,
        Request::Dashboard { .. } => 26,
        Request::Bulk { .. } => 27,
        Request::Report { .. } => 28,
        Request::Digest { .. } => 29,
    }
}
const REQUESTS: usize = 30;

fn response_index(r: &Response) -> usize {
    match r {
        Response::WhoAmI { .. } => 0,
        Response::Queue { .. } => 1,
        Response::Case { .. } => 2,
        Response::Executed { .. } => 3,
        Response::Users { .. } => 4,
        Response::DraftSaved { .. } => 5,
        Response::Drafts { .. } => 6,
        Response::Draft { .. } => 7,
        Response::DraftDeleted { .. } => 8,
        Response::Error { .. } => 9,
        Response::Previewed { .. } => 10,
        Response::Services { .. } => 11,
        Response::Letter { .. } => 12,
        Response::Database { .. } => 13,
        Response::Checked { .. } => 14,
        Response::ExportReady { .. } => 15,
        Response::ExportChunk { .. } => 16,
        Response::ImportStarted { .. } => 17,
        Response::ImportStaged { .. } => 18,
        Response::Imported { .. } => 19,
        Response::Discarded { .. } => 20,
        Response::User { .. } => 21,
        Response::Reference { .. } => 22,
        Response::Dashboard { .. } => 23,
        Response::Bulk { .. } => 24,
        Response::Report { .. } => 25,
        Response::Digest { .. } => 26,
    }
}
const RESPONSES: usize = 27;

fn error_index(e: &ApiError) -> usize {
    match e {
        ApiError::Conflict { .. } => 0,
        ApiError::Refused { .. } => 1,
        ApiError::Forbidden { .. } => 2,
        ApiError::NotFound { .. } => 3,
        ApiError::Invalid { .. } => 4,
        ApiError::Rejected { .. } => 5,
        ApiError::Unavailable { .. } => 6,
        ApiError::Internal { .. } => 7,
        ApiError::BadLines { .. } => 8,
    }
}
const ERRORS: usize = 9;

#[test]
fn every_request_crosses_the_wire() {
    let mut requests = requests("KZ-2026-000001");
    let commands = commands();
    let seen: BTreeSet<usize> = commands.iter().map(command_index).collect();
    assert_eq!(
        seen,
        (0..COMMANDS).collect(),
        "every command has an example"
    );
    for (i, command) in commands.into_iter().enumerate() {
        requests.push(Request::Execute {
            number: "KZ-2026-000001".into(),
            expected_version: i as u64 + 1,
            command,
        });
    }
    let seen: BTreeSet<usize> = requests.iter().map(request_index).collect();
    assert_eq!(
        seen,
        (0..REQUESTS).collect(),
        "every request has an example"
    );
    for r in requests {
        assert_eq!(wire(&r), r);
    }
}

#[test]
fn every_answer_crosses_the_wire() {
    let (_dir, s, number) = session();
    let mut answers = vec![
        s.call(Request::WhoAmI),
        s.call(Request::Queue {
            query: QueueQuery {
                include_closed: true,
                ..QueueQuery::default()
            },
        }),
        Response::Case {
            view: Box::new(rich_view(&s, &number)),
        },
        s.call(Request::Users),
        s.call(Request::Services),
        s.call(Request::Reference),
        s.call(Request::Dashboard {
            within: 2,
            as_of: None,
        }),
        s.call(Request::Letter {
            number: number.clone(),
            kind: LetterKind::ExtensionNotice,
            lang: Lang::Ru,
            format: Format::Text,
        }),
        s.call(Request::PreviewRegister {
            case: Box::new(complaint()),
        }),
        s.call(Request::SaveDraft {
            key: DraftKey {
                form: "register".into(),
                case: None,
            },
            fields: fields(),
        }),
        s.call(Request::Drafts),
        s.call(Request::LoadDraft {
            key: DraftKey {
                form: "register".into(),
                case: None,
            },
        }),
        s.call(Request::DeleteDraft {
            key: DraftKey {
                form: "register".into(),
                case: None,
            },
        }),
    ];
    // A report with every grouping, and a digest, as the service answers them.
    answers.push(s.call(Request::Report {
        query: ReportQuery {
            from: d("2026-01-01"),
            to: today(),
            by: Grouping::ALL.to_vec(),
            as_of: None,
        },
    }));
    answers.push(s.call(Request::Digest {
        officer: "boss".into(),
        within: None,
    }));
    // The transfers and the users, as the service answers them.
    answers.push(s.call(Request::Database));
    answers.push(s.call(Request::Check));
    let ready = s.call(Request::ExportBegin {
        what: Snapshot::Jsonl,
    });
    let Response::ExportReady { handle, .. } = ready else {
        panic!("{ready:?}");
    };
    answers.push(ready);
    answers.push(s.call(Request::ExportRead { handle, offset: 0 }));
    let started = s.call(Request::ImportBegin);
    let Response::ImportStarted { handle } = started else {
        panic!("{started:?}");
    };
    answers.push(started);
    answers.push(s.call(Request::ImportChunk {
        handle,
        bytes: b"\n".to_vec(),
    }));
    answers.push(s.call(Request::ImportCommit { handle }));
    answers.push(s.call(Request::Discard { handle }));
    answers.push(s.call(Request::SetRole {
        login: "boss".into(),
        role: Role::Supervisor,
    }));
    // A real change, and every error.
    let view = s.case(number.clone()).unwrap();
    answers.push(s.call(Request::Execute {
        number: number.clone(),
        expected_version: view.case.version,
        command: CaseCommand::RecordNotice {
            kind: NoticeKind::ExtensionNotice,
            sent: today(),
            form: Form::Written,
            reference: "№ 01-12/345".into(),
        },
    }));
    // A bulk change: one case done, one in conflict (its version is an old one).
    let again = s.case(number.clone()).unwrap();
    answers.push(s.call(Request::Bulk {
        items: vec![
            (number.clone(), again.case.version),
            (number.clone(), view.case.version),
        ],
        command: CaseCommand::Assign {
            to: Some("boss".into()),
        },
    }));
    for error in errors() {
        answers.push(Response::Error { error });
    }

    let seen: BTreeSet<usize> = answers.iter().map(response_index).collect();
    assert_eq!(
        seen,
        (0..RESPONSES).collect(),
        "every answer has an example"
    );
    let errors: BTreeSet<usize> = answers
        .iter()
        .filter_map(|a| match a {
            Response::Error { error } => Some(error_index(error)),
            _ => None,
        })
        .collect();
    assert_eq!(errors, (0..ERRORS).collect(), "every error has an example");
    for a in answers {
        assert!(
            !matches!(&a, Response::Services { services } if services.is_empty()),
            "the shipped register has services"
        );
        assert!(
            !matches!(&a, Response::Queue { rows, .. } if rows.len() < 2),
            "the queue holds both cases"
        );
        assert_eq!(wire(&a), a);
    }
}

/// The daemon answers a queue from the rows' kept encodings (`Session::queue_answer`): the
/// very bytes of encoding the answer the service gives, for every sort and a filtered, cut
/// queue; and the rows come back equal from them. JSON keeps the rows' field names.
#[test]
fn a_queue_from_kept_encodings_is_the_same_bytes_as_the_answer() {
    let (_dir, s, _) = session();
    for sort in [Sort::Urgency, Sort::Due, Sort::Registered, Sort::Number] {
        for query in [
            QueueQuery {
                include_closed: true,
                sort,
                ..QueueQuery::default()
            },
            QueueQuery {
                text: Some("жәрдемақы".into()),
                limit: Some(1),
                sort,
                ..QueueQuery::default()
            },
        ] {
            let answer = s.call(Request::Queue {
                query: query.clone(),
            });
            let kept = s.queue_answer(&query).unwrap();
            assert_eq!(*kept, *merzim::wire::encode(&answer).unwrap(), "{query:?}");
            assert!(
                matches!(&answer, Response::Queue { rows, .. } if !rows.is_empty()),
                "{query:?}: {answer:?}"
            );
            assert_eq!(merzim::wire::decode::<Response>(&kept).unwrap(), answer);
        }
    }
    let answer = s.call(Request::Queue {
        query: QueueQuery::default(),
    });
    let json = serde_json::to_value(&answer).unwrap();
    assert!(json["queue"]["rows"][0]["number"].is_string(), "{json}");
    assert_eq!(serde_json::from_value::<Response>(json).unwrap(), answer);
}

#[test]
fn errors_are_typed_and_said_in_every_language() {
    let (_dir, s, number) = session();
    let texts = Texts::new().unwrap();

    // Based on an old version: a conflict with both versions.
    let stale = s.execute(
        number.clone(),
        1,
        CaseCommand::AddNote {
            text: "ескерту".into(),
        },
    );
    assert_eq!(
        stale.unwrap_err(),
        ApiError::Conflict {
            number: number.clone(),
            expected: 1,
            current: 3
        }
    );

    // Over the cap: refused by law, with the article, said in Kazakh.
    let err = s
        .execute(
            number.clone(),
            3,
            CaseCommand::Extend {
                date: today(),
                days: 6,
                ground: Ground::Information,
                reason: "тағы".into(),
            },
        )
        .unwrap_err();
    let ApiError::Refused { article, message } = &err else {
        panic!("{err:?}");
    };
    assert!(article.starts_with("Art. 25.4"), "{article}");
    assert_eq!(message.key, "refusal-over-cap");
    let kk = texts.message(Lang::Kk, &wire(&err).message());
    assert!(kk.contains("11") && kk.contains("10"), "{kk}");
    assert_ne!(kk, texts.message(Lang::En, &err.message()));

    // A wrong value names its field.
    let err = s
        .execute(
            number.clone(),
            3,
            CaseCommand::Decide {
                outcome: Outcome::Partly,
                date: d("2026-12-31"),
                ground: None,
            },
        )
        .unwrap_err();
    assert!(
        matches!(&err, ApiError::Invalid { field, .. } if field == "decision-date"),
        "{err:?}"
    );
    let err = s
        .execute(number.clone(), 3, CaseCommand::AddNote { text: " ".into() })
        .unwrap_err();
    assert!(
        matches!(&err, ApiError::Invalid { field, .. } if field == "note"),
        "{err:?}"
    );
    // What the case's state does not allow is said as such.
    let err = s
        .execute(number.clone(), 3, CaseCommand::Close { date: today() })
        .unwrap_err();
    assert!(matches!(&err, ApiError::Rejected { .. }), "{err:?}");

    assert_eq!(
        s.case("KZ-2026-999999".into()).unwrap_err(),
        ApiError::NotFound {
            number: "KZ-2026-999999".into()
        }
    );

    // A register command through Execute is refused: a new case has no number yet.
    let err = s
        .execute(
            number.clone(),
            3,
            CaseCommand::Register {
                case: Box::new(complaint()),
                assignee: None,
            },
        )
        .unwrap_err();
    assert!(
        matches!(&err, ApiError::Invalid { field, .. } if field == "number"),
        "{err:?}"
    );

    // Every error is said in every language, never as a raw key.
    for e in errors() {
        for lang in Lang::ALL {
            let words = texts.message(lang, &e.message());
            assert!(
                !words.is_empty() && !words.contains("service-") && !words.contains("api-"),
                "{lang:?}: {words}"
            );
        }
    }
}

#[test]
fn who_am_i_is_the_session_s_caller_and_today() {
    let (_dir, s, _) = session();
    let (caller, day) = s.who_am_i().unwrap();
    assert_eq!(
        (caller.uid, caller.login.as_str(), day),
        (1000, "boss", today())
    );
}

#[test]
fn drafts_round_trip_per_account() {
    let dir = tempfile::tempdir().unwrap();
    let svc = Service::open(&dir.path().join("db"), Reference::shipped().unwrap()).unwrap();
    for (uid, login, role) in [
        (1000, "boss", Role::Supervisor),
        (1001, "aliya", Role::Officer),
    ] {
        let boss = svc.caller_for_uid(1000).ok();
        let user = User {
            uid,
            login: login.into(),
            name: login.into(),
            role,
            disabled: false,
        };
        svc.put_user(boss.as_ref(), user).unwrap();
    }
    let boss = Session::for_uid(svc.clone(), 1000, Box::new(today)).unwrap();
    let aliya = Session::for_uid(svc, 1001, Box::new(today)).unwrap();

    let new = DraftKey {
        form: "register".into(),
        case: None,
    };
    let extend = DraftKey {
        form: "extend".into(),
        case: Some("KZ-2026-000001".into()),
    };
    let before = Utc.with_ymd_and_hms(2020, 1, 1, 0, 0, 0).unwrap();
    let saved = aliya.save_draft(new.clone(), fields()).unwrap();
    assert_eq!((&saved.key, &saved.fields), (&new, &fields()));
    assert!(saved.saved > before);
    aliya.save_draft(extend.clone(), BTreeMap::new()).unwrap();
    // Saving again replaces it.
    let mut changed = fields();
    changed.insert("subject".into(), "Жаңа тақырып".into());
    aliya.save_draft(new.clone(), changed.clone()).unwrap();

    let loaded = aliya
        .load_draft(new.clone())
        .unwrap()
        .expect("the draft is there");
    assert_eq!(loaded.fields, changed);
    let keys: Vec<DraftKey> = aliya.drafts().unwrap().into_iter().map(|d| d.key).collect();
    assert_eq!(keys.len(), 2);
    assert!(keys.contains(&new) && keys.contains(&extend));

    // Another account sees none of them, and cannot delete them.
    assert_eq!(boss.drafts().unwrap(), Vec::new());
    assert_eq!(boss.load_draft(new.clone()).unwrap(), None);
    assert!(!boss.delete_draft(new.clone()).unwrap());
    assert!(aliya.load_draft(new.clone()).unwrap().is_some());

    // Deleting removes only that draft.
    assert!(aliya.delete_draft(new.clone()).unwrap());
    assert!(!aliya.delete_draft(new.clone()).unwrap());
    assert_eq!(aliya.load_draft(new).unwrap(), None);
    let left: Vec<DraftKey> = aliya.drafts().unwrap().into_iter().map(|d| d.key).collect();
    assert_eq!(left, vec![extend]);

    // A form's name is a short plain word: it is part of the key.
    let bad = aliya.save_draft(
        DraftKey {
            form: "a\0b".into(),
            case: None,
        },
        BTreeMap::new(),
    );
    assert!(matches!(bad, Err(ApiError::Invalid { field, .. }) if field == "form"));
}

#[test]
fn a_preview_shows_the_change_and_saves_nothing() {
    let (_dir, s, number) = session();
    let before = s.case(number.clone()).unwrap();
    let extend = |days| CaseCommand::Extend {
        date: today(),
        days,
        ground: Ground::Information,
        reason: "Қосымша ақпарат сұралды".into(),
    };
    let after = s.preview(number.clone(), 3, extend(3)).unwrap();
    let due = |v: &CaseView| v.deadlines.as_ref().and_then(|d| d.due);
    assert_eq!(after.case.version, 4);
    assert_eq!(after.case.events.len(), before.case.events.len() + 1);
    assert_eq!(
        after.deadlines.as_ref().map(|d| d.extended_days),
        Some(8),
        "5 working days before, 3 now"
    );
    assert!(due(&after) > due(&before));
    // Nothing was saved.
    assert_eq!(s.case(number.clone()).unwrap(), before);

    // Over the cap: the refusal with its article, before Save.
    let err = s.preview(number.clone(), 3, extend(6)).unwrap_err();
    assert!(
        matches!(&err, ApiError::Refused { article, .. } if article.starts_with("Art. 25.4")),
        "{err:?}"
    );
    // Based on an old version: the conflict, before Save.
    assert!(matches!(
        s.preview(number.clone(), 2, extend(1)),
        Err(ApiError::Conflict {
            expected: 2,
            current: 3,
            ..
        })
    ));

    // A new case: its due date and obligations while the form is filled; no number yet.
    let new = s.preview_register(complaint()).unwrap();
    assert_eq!(new.case.number, merzim::service::NEW_CASE_NUMBER);
    assert!(due(&new).is_some());
    assert!(!new.deadlines.as_ref().unwrap().obligations.is_empty());
    let numbers: Vec<String> = s
        .queue(QueueQuery {
            include_closed: true,
            ..QueueQuery::default()
        })
        .unwrap()
        .into_iter()
        .map(|r| r.number)
        .collect();
    assert_eq!(
        numbers.len(),
        2,
        "the preview registered nothing: {numbers:?}"
    );
}

#[test]
fn letters_come_from_the_service() {
    let (_dir, s, number) = session();
    let text = s
        .letter(
            number.clone(),
            LetterKind::ExtensionNotice,
            Lang::Kk,
            Format::Text,
        )
        .unwrap();
    let text = String::from_utf8(text).unwrap();
    assert!(
        text.contains("Жерге шығып тексеру қажет"),
        "the reason is in it:\n{text}"
    );
    let docx = s
        .letter(
            number.clone(),
            LetterKind::ExtensionNotice,
            Lang::Ru,
            Format::Docx,
        )
        .unwrap();
    assert!(docx.starts_with(b"PK"), "a .docx is a zip");
    // Not decided yet: no answer letter, said as the letters say it.
    let err = s
        .letter(number.clone(), LetterKind::Answer, Lang::Kk, Format::Text)
        .unwrap_err();
    let ApiError::Invalid { field, message } = &err else {
        panic!("{err:?}");
    };
    assert_eq!(
        (field.as_str(), message.key.as_ref()),
        ("letter", "letter-not-decided")
    );
}

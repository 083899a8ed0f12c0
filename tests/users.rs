//! Users of a real office: `merzim users ...` end to end on temporary databases, the owner
//! rule for the first user, refusals that say who can help, disabled users, the auditor who
//! changes nothing, root shown as root, the header's role.
//!
//! The command line always runs as this process's account; "another caller" is simulated
//! through the service API with the uid of another account.

use std::path::Path;

use assert_cmd::Command;
use chrono::NaiveDate;
use merzim::app::{self, App, Msg};
use merzim::domain::case::{Applicant, Matter, NewCase, Outcome, PartyId, Relation};
use merzim::domain::deadline::NoticeKind;
use merzim::domain::ids::Iin;
use merzim::domain::vocabulary::{Addressee, Form, Ground, Medium};
use merzim::i18n::{Lang, Texts};
use merzim::keymap::{Keymap, ShippedKeymap};
use merzim::reference::Reference;
use merzim::service::identity::{self, Account};
use merzim::service::{Caller, CaseCommand, Manager, Role, Service, ServiceError, User, UserError};
use merzim::ui::{self, theme::Profile};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn today() -> NaiveDate {
    "2026-11-20".parse().unwrap()
}

/// This process's account, and two other accounts every Linux system has.
fn accounts() -> (Account, Account, Account) {
    let me = identity::current_account().expect("the tests run as an account");
    let others: Vec<Account> = ["root", "daemon", "bin", "nobody", "sys"]
        .iter()
        .filter_map(|l| identity::account_by_login(l).ok())
        .filter(|a| a.uid != me.uid)
        .collect();
    assert!(others.len() >= 2, "two system accounts besides {me:?}");
    (me, others[0].clone(), others[1].clone())
}

fn merzim(db: &Path, lang: &str, args: &[&str]) -> assert_cmd::assert::Assert {
    Command::cargo_bin("merzim")
        .unwrap()
        .env_remove("MERZIM_DB")
        .env("MERZIM_CONFIG_DIR", db.with_extension("config"))
        .arg("--db")
        .arg(db)
        .args(["--lang", lang])
        .args(args)
        .assert()
}

fn stdout(a: &assert_cmd::assert::Assert) -> String {
    String::from_utf8(a.get_output().stdout.clone()).unwrap()
}

fn stderr(a: &assert_cmd::assert::Assert) -> String {
    String::from_utf8(a.get_output().stderr.clone()).unwrap()
}

#[test]
fn users_are_added_listed_changed_disabled_and_enabled_from_the_command_line() {
    let (me, a, b) = accounts();
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("db");
    let path = db.display().to_string();

    // An unknown login is named, status 2, and leaves no database behind.
    let out = merzim(
        &db,
        "en",
        &["users", "add", "no-such-login-x", "--role", "officer"],
    )
    .code(2);
    assert_eq!(
        stderr(&out),
        "merzim: there is no account 'no-such-login-x' in this system's user database; check the spelling, or create the account first (useradd)\n"
    );
    assert!(!db.exists());
    let out = merzim(&db, "en", &["users", "add", &a.login, "--role", "admin"]).code(2);
    assert!(
        stderr(&out).contains("expected one of: officer, supervisor, auditor"),
        "{}",
        stderr(&out)
    );
    assert!(!db.exists());

    // The owner of a new database adds its first user: here, themself.
    let out = merzim(
        &db,
        "en",
        &["users", "add", &me.login, "--role", "supervisor"],
    )
    .success();
    assert_eq!(
        stderr(&out),
        format!(
            "merzim: added '{}' ({}, uid {}) to '{path}', role: supervisor\n",
            me.login, me.name, me.uid
        )
    );
    // A name of one's own, escaped where it is printed; the name from GECOS otherwise.
    merzim(
        &db,
        "en",
        &[
            "users",
            "add",
            &a.login,
            "--name",
            "Әлия \u{202e}x",
            "--role",
            "officer",
        ],
    )
    .success();
    merzim(&db, "en", &["users", "add", &b.login, "--role", "auditor"]).success();
    let out = merzim(&db, "en", &["users", "add", &b.login, "--role", "officer"]).code(2);
    assert_eq!(
        stderr(&out),
        format!(
            "merzim: '{0}' is already a user of this database (auditor); change the role with 'merzim users set-role {0} ROLE'\n",
            b.login
        )
    );

    let list = stdout(&merzim(&db, "en", &["users", "list"]).success());
    let lines: Vec<&str> = list.lines().collect();
    assert_eq!(lines.len(), 4, "{list}");
    assert_eq!(
        lines[0].split_whitespace().collect::<Vec<_>>(),
        ["login", "name", "uid", "role", "state"]
    );
    let row = |login: &str| -> Vec<String> {
        let line = lines
            .iter()
            .find(|l| l.split_whitespace().next() == Some(login))
            .unwrap_or_else(|| panic!("no row for {login} in\n{list}"));
        line.split("  ")
            .map(str::trim)
            .filter(|c| !c.is_empty())
            .map(String::from)
            .collect()
    };
    assert_eq!(
        row(&me.login),
        [
            &me.login,
            &me.name,
            &me.uid.to_string(),
            "supervisor",
            "active"
        ]
    );
    assert_eq!(
        row(&a.login),
        [
            &a.login,
            "Әлия \\u{202e}x",
            &a.uid.to_string(),
            "officer",
            "active"
        ]
    );
    assert_eq!(
        row(&b.login),
        [&b.login, &b.name, &b.uid.to_string(), "auditor", "active"]
    );
    // Columns line up on the terminal: every row's role starts in the same column.
    let role_col = |l: &str| {
        let at = ["supervisor", "officer", "auditor", "role"]
            .iter()
            .find_map(|r| l.find(&format!("  {r}")))
            .unwrap();
        unicode_width::UnicodeWidthStr::width(&l[..at])
    };
    assert!(
        lines.iter().all(|l| role_col(l) == role_col(lines[0])),
        "{list}"
    );

    // In Kazakh and Russian.
    let kk = stdout(&merzim(&db, "kk", &["users", "list"]).success());
    assert!(kk.starts_with("логин"), "{kk}");
    for word in [
        "аты",
        "рөлі",
        "күйі",
        "басшы",
        "орындаушы",
        "тексеруші",
        "белсенді",
    ] {
        assert!(kk.contains(word), "{word} in\n{kk}");
    }
    let ru = stdout(&merzim(&db, "ru", &["users", "list"]).success());
    for word in [
        "логин",
        "имя",
        "роль",
        "руководитель",
        "исполнитель",
        "аудитор",
        "действует",
    ] {
        assert!(ru.contains(word), "{word} in\n{ru}");
    }

    // set-role, disable, enable.
    let out = merzim(&db, "en", &["users", "set-role", &a.login, "supervisor"]).success();
    assert_eq!(
        stderr(&out),
        format!("merzim: the role of '{}' is now: supervisor\n", a.login)
    );
    let out = merzim(&db, "en", &["users", "disable", &b.login]).success();
    assert_eq!(
        stderr(&out),
        format!(
            "merzim: '{0}' is disabled: merzim refuses them until a supervisor enables them again ('merzim users enable {0}')\n",
            b.login
        )
    );
    let list = stdout(&merzim(&db, "en", &["users", "list"]).success());
    assert_eq!(list.matches("disabled").count(), 1, "{list}");
    assert!(
        list.lines()
            .any(|l| l.starts_with(&b.login) && l.ends_with("disabled"))
    );
    merzim(&db, "en", &["users", "enable", &b.login]).success();
    let list = stdout(&merzim(&db, "en", &["users", "list"]).success());
    assert_eq!(list.matches("disabled").count(), 0, "{list}");
    assert_eq!(list.matches("active").count(), 3, "{list}");

    // A supervisor who is no longer one may manage nothing, and is told who can; nothing
    // changes.
    merzim(&db, "en", &["users", "set-role", &me.login, "officer"]).success();
    let before = stdout(&merzim(&db, "en", &["users", "list"]).success());
    for args in [
        vec!["users", "disable", b.login.as_str()],
        vec!["users", "set-role", me.login.as_str(), "supervisor"],
        vec!["users", "enable", a.login.as_str()],
    ] {
        let out = merzim(&db, "en", &args).code(2);
        assert_eq!(
            stderr(&out),
            format!(
                "merzim: '{}' may not manage users: only a supervisor does (supervisors: '{}')\n",
                me.login, a.login
            ),
            "{args:?}"
        );
    }
    let out = merzim(&db, "kk", &["users", "disable", &b.login]).code(2);
    assert_eq!(
        stderr(&out),
        format!(
            "merzim: '{}' пайдаланушыларды басқара алмайды: мұны тек басшы істейді (басшылар: '{}')\n",
            me.login, a.login
        )
    );
    assert_eq!(
        stdout(&merzim(&db, "en", &["users", "list"]).success()),
        before
    );

    // `users list` on a path that holds no database creates none.
    let none = dir.path().join("none");
    merzim(&none, "en", &["users", "list"]).code(2);
    assert!(!none.exists());
}

fn service(dir: &tempfile::TempDir) -> Service {
    Service::open(&dir.path().join("db"), Reference::shipped().unwrap()).unwrap()
}

fn user(uid: u32, login: &str, role: Role) -> User {
    User {
        uid,
        login: login.into(),
        name: login.into(),
        role,
        disabled: false,
    }
}

#[test]
fn the_first_user_is_added_by_the_owner_and_anyone_else_is_told_who_can() {
    let (me, a, b) = accounts();
    let dir = tempfile::tempdir().unwrap();
    let svc = service(&dir);
    let path = dir.path().join("db").display().to_string();

    // Another account may not start someone else's database.
    let err = svc
        .add_user(a.uid, &a.login, None, Role::Supervisor)
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        format!(
            "the database '{path}' has no supervisor yet: its first user is added by the account that owns it, '{0}'; run the command as '{0}'",
            me.login
        )
    );
    assert!(svc.users().unwrap().is_empty());
    assert_eq!(
        svc.user_manager(me.uid).unwrap(),
        Manager::Owner { uid: me.uid }
    );

    // The owner may add an officer first: the rule holds until there is a supervisor.
    svc.add_user(me.uid, &a.login, None, Role::Officer).unwrap();
    assert_eq!(
        svc.user_manager(me.uid).unwrap(),
        Manager::Owner { uid: me.uid }
    );
    let err = svc
        .add_user(a.uid, &b.login, None, Role::Officer)
        .unwrap_err();
    assert!(
        matches!(err, ServiceError::User(UserError::NotOwner { .. })),
        "{err}"
    );
    let boss = svc
        .add_user(me.uid, &me.login, Some("  Бастық  "), Role::Supervisor)
        .unwrap();
    assert_eq!((boss.uid, boss.name.as_str()), (me.uid, "Бастық"));
    assert!(matches!(
        svc.user_manager(me.uid).unwrap(),
        Manager::Supervisor(Caller {
            role: Role::Supervisor,
            ..
        })
    ));

    // From now on only a supervisor: an officer, and an account that is no user, are told who.
    for (uid, who) in [
        (a.uid, a.login.clone()),
        (b.uid, b.login.clone()),
        (4_000_000_001, "uid4000000001".to_string()),
    ] {
        let err = svc
            .add_user(uid, &b.login, None, Role::Officer)
            .unwrap_err();
        assert_eq!(
            err.to_string(),
            format!(
                "'{who}' may not manage users: only a supervisor does (supervisors: '{}')",
                me.login
            )
        );
        let err = svc.set_role(uid, &a.login, Role::Supervisor).unwrap_err();
        assert!(
            matches!(err, ServiceError::User(UserError::NotSupervisor { .. })),
            "{err}"
        );
    }
    assert_eq!(svc.users().unwrap().len(), 2);

    // An empty name is refused; the last supervisor can be neither demoted nor disabled.
    let err = svc
        .add_user(me.uid, &b.login, Some(" "), Role::Officer)
        .unwrap_err();
    assert!(
        matches!(err, ServiceError::User(UserError::EmptyName)),
        "{err}"
    );
    for err in [
        svc.set_role(me.uid, &me.login, Role::Auditor).unwrap_err(),
        svc.set_disabled(me.uid, &me.login, true).unwrap_err(),
    ] {
        assert_eq!(
            err.to_string(),
            format!(
                "'{}' is the last enabled supervisor of this database: make another user a supervisor first, so that someone can still manage users",
                me.login
            )
        );
    }
    let err = svc
        .set_role(me.uid, "nobody-here", Role::Officer)
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "'nobody-here' is not a user of this database; a supervisor adds them with 'merzim users add nobody-here --role officer'"
    );
    assert_eq!(svc.caller_for_uid(me.uid).unwrap().role, Role::Supervisor);
}

#[test]
fn a_disabled_user_is_refused_like_an_unknown_one_and_told_who_can_enable_them() {
    let dir = tempfile::tempdir().unwrap();
    let svc = service(&dir);
    svc.put_user(None, user(1000, "boss", Role::Supervisor))
        .unwrap();
    let boss = svc.caller_for_uid(1000).unwrap();
    svc.put_user(Some(&boss), user(1001, "aliya", Role::Officer))
        .unwrap();
    svc.set_disabled(1000, "aliya", true).unwrap();

    let err = svc.caller_for_uid(1001).unwrap_err();
    assert_eq!(
        err.to_string(),
        "'aliya' (user id '1001') is disabled in this database; a supervisor enables them again with 'merzim users enable aliya' (supervisors: 'boss')"
    );
    // The console's way in says the same, and adds no one.
    assert!(matches!(
        svc.caller_or_first_user(1001),
        Err(ServiceError::User(UserError::Disabled { .. }))
    ));
    // A disabled supervisor manages nothing either.
    svc.put_user(Some(&boss), user(1002, "bolat", Role::Supervisor))
        .unwrap();
    svc.set_disabled(1002, "boss", true).unwrap();
    assert!(matches!(
        svc.user_manager(1000),
        Err(ServiceError::User(UserError::Disabled { .. }))
    ));
    // In the reader's language.
    let texts = Texts::new().unwrap();
    let ServiceError::User(e) = svc.caller_for_uid(1001).unwrap_err() else {
        panic!("a user error");
    };
    use merzim::domain::message::Localize;
    assert_eq!(
        texts.message(Lang::Kk, &e.message()),
        "'aliya' (uid 1001) бұл дерекқорда өшірілген; оны басшы қайта қоса алады: 'merzim users enable aliya' (басшылар: 'bolat')"
    );
    assert_eq!(
        texts.message(Lang::Ru, &e.message()),
        "'aliya' (uid 1001) отключён в этой базе; снова включить его может руководитель: 'merzim users enable aliya' (руководители: 'bolat')"
    );
    // Enabled again, a user is a caller again.
    svc.set_disabled(1002, "aliya", false).unwrap();
    assert_eq!(svc.caller_for_uid(1001).unwrap().login, "aliya");
}

/// Every user error has its words in every catalogue (none shown as its key).
#[test]
fn every_user_error_reads_in_every_language() {
    use merzim::domain::message::Localize;
    use merzim::service::identity::IdentityError;
    let errors = [
        UserError::Disabled {
            uid: 1,
            login: "a".into(),
            supervisors: vec![],
        },
        UserError::NotSupervisor {
            who: "a".into(),
            supervisors: vec!["b".into(), "c".into()],
        },
        UserError::NotOwner {
            path: "/p".into(),
            owner: "o".into(),
        },
        UserError::Exists {
            login: "a".into(),
            role: Role::Auditor,
        },
        UserError::NotAUser("a".into()),
        UserError::LastSupervisor("a".into()),
        UserError::LoginTaken {
            login: "a".into(),
            uid: 2,
        },
        UserError::EmptyName,
        UserError::BadLogin("a b".into()),
        UserError::Account(IdentityError::NoSuchLogin("a".into())),
        UserError::Account(IdentityError::NoSuchUid(3)),
        UserError::Account(IdentityError::Lookup(std::io::Error::other("x"))),
    ];
    let texts = Texts::new().unwrap();
    for e in &errors {
        let m = e.message();
        for lang in Lang::ALL {
            let text = texts.message(lang, &m);
            assert!(!text.starts_with("users-"), "{lang}: {text}");
            assert!(!text.contains("role-"), "{lang}: {text}");
        }
    }
    let none = texts.message(Lang::En, &errors[0].message());
    assert!(
        none.ends_with(
            "which has no supervisor: the account that owns the database adds one, who enables them again with 'merzim users enable a'"
        ),
        "{none}"
    );
    let two = texts.message(Lang::En, &errors[1].message());
    assert!(two.ends_with("(supervisors: 'b', 'c')"), "{two}");
    let role = texts.message(Lang::Kk, &errors[3].message());
    assert!(role.contains("(тексеруші)"), "{role}");
}

/// One example of every command. The match has no catch-all: a new command does not compile
/// until it has an example here.
fn examples(other: &str) -> Vec<CaseCommand> {
    let d = today();
    let all = vec![
        CaseCommand::Register {
            case: Box::new(complaint()),
            assignee: None,
        },
        CaseCommand::Assign {
            to: Some("boss".into()),
        },
        CaseCommand::Extend {
            date: d,
            days: 5,
            ground: Ground::Verification,
            reason: "тексеру".into(),
        },
        CaseCommand::RecordNotice {
            kind: NoticeKind::ExtensionNotice,
            sent: d,
            form: Form::Written,
            reference: "01-12".into(),
        },
        CaseCommand::RecordAnswer {
            sent: d,
            form: Form::Written,
            reference: "01-13".into(),
        },
        CaseCommand::AddNote {
            text: "ескерту".into(),
        },
        CaseCommand::Decide {
            outcome: Outcome::Satisfied,
            date: d,
            ground: None,
        },
        CaseCommand::Close { date: d },
        CaseCommand::Reopen {
            date: d,
            reason: "қате".into(),
        },
        CaseCommand::SetDue { due: d },
        CaseCommand::RefuseAtIntake {
            date: d,
            reason: "толық емес".into(),
        },
        CaseCommand::Link {
            number: other.into(),
            relation: Relation::Related,
        },
    ];
    let index = |c: &CaseCommand| match c {
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
    };
    let mut seen: Vec<usize> = all.iter().map(index).collect();
    seen.dedup();
    assert_eq!(
        seen,
        (0..12).collect::<Vec<_>>(),
        "one example of each command"
    );
    all
}

fn complaint() -> NewCase {
    NewCase {
        matter: Matter::Complaint {
            addressee: Addressee::LocalBody,
            set_due: None,
        },
        medium: Medium::Paper,
        applicant: Applicant {
            name: "Әбенов Нұрлан".into(),
            id: PartyId::Individual(Iin::parse("870412300005").unwrap()),
            contact: String::new(),
        },
        registered: today(),
        subject: "шағым".into(),
        text: "Мәтін".into(),
    }
}

#[test]
fn an_auditor_reads_every_case_and_every_change_is_forbidden() {
    let dir = tempfile::tempdir().unwrap();
    let svc = service(&dir);
    svc.put_user(None, user(1000, "boss", Role::Supervisor))
        .unwrap();
    let boss = svc.caller_for_uid(1000).unwrap();
    svc.put_user(Some(&boss), user(1003, "tekseru", Role::Auditor))
        .unwrap();
    let auditor = svc.caller_for_uid(1003).unwrap();
    assert!(auditor.reads_all() && !auditor.is_supervisor());
    let register = || {
        svc.execute(
            &boss,
            today(),
            None,
            None,
            CaseCommand::Register {
                case: Box::new(complaint()),
                assignee: Some("boss".into()),
            },
        )
        .unwrap()
        .number
    };
    let number = register();
    let other = register();
    let before = svc.case(&auditor, &number, today()).unwrap().case;
    let count = svc.store().count().unwrap();

    let commands = examples(&other);
    assert_eq!(commands.len(), 12);
    for cmd in commands {
        let name = cmd.name();
        let target = match cmd {
            CaseCommand::Register { .. } => None,
            _ => Some(number.as_str()),
        };
        let err = svc
            .execute(&auditor, today(), target, Some(before.version), cmd)
            .unwrap_err();
        assert!(
            matches!(err, ServiceError::Forbidden { .. }),
            "{name}: {err}"
        );
        assert_eq!(
            err.to_string(),
            format!(
                "'tekseru' may not {name} case '{}': an auditor reads every case and changes none",
                target.unwrap_or("a new case")
            )
        );
    }
    // Nothing changed: the same case, the same history, no new case.
    let after = svc.case(&auditor, &number, today()).unwrap().case;
    assert_eq!(after.version, before.version);
    assert_eq!(after.events.len(), before.events.len());
    assert_eq!(svc.store().count().unwrap(), count);
    // The same note from the supervisor goes through: the refusal was the role's.
    svc.execute(
        &boss,
        today(),
        Some(&number),
        None,
        CaseCommand::AddNote { text: "ok".into() },
    )
    .unwrap();
    // An auditor adds no user either.
    assert!(
        svc.put_user(Some(&auditor), user(1004, "x", Role::Officer))
            .is_err()
    );
    assert!(matches!(
        svc.user_manager(1003),
        Err(ServiceError::User(UserError::NotSupervisor { .. }))
    ));
}

#[test]
fn root_is_root_and_the_consoles_first_user_comes_from_the_passwd_entry() {
    let dir = tempfile::tempdir().unwrap();
    let svc = service(&dir);
    // Root as history records it, before and after it is a user.
    let actor = svc.actor_for_uid(0);
    assert_eq!((actor.uid, actor.login.as_str()), (0, "root"));
    let first = svc.caller_or_first_user(0).unwrap();
    assert_eq!(
        (first.uid, first.login.as_str(), first.role),
        (0, "root", Role::Supervisor)
    );
    let passwd = identity::account_by_uid(0).unwrap();
    assert_eq!(first.name, passwd.name);
    assert!(!first.name.starts_with("uid"), "{}", first.name);
    // A second account is not made a user by opening the console: it is told who can.
    let (_, a, b) = accounts();
    let stranger = if a.uid == 0 { b } else { a };
    let err = svc.caller_or_first_user(stranger.uid).unwrap_err();
    assert_eq!(
        err.to_string(),
        format!(
            "'{0}' is not a user of this database; a supervisor adds them with 'merzim users add {0} --role officer'",
            stranger.login
        )
    );
    assert_eq!(svc.users().unwrap().len(), 1);
}

fn header(role: Role, lang: Lang) -> String {
    let (keymap, _) = Keymap::shipped(ShippedKeymap::Default, None).unwrap();
    let mut app = App::new(lang, today(), "tekseru".into(), keymap, Profile::default());
    app.role = role;
    app::update(&mut app, Msg::Resize(160, 10));
    let texts = Texts::new().unwrap();
    let mut t = Terminal::new(TestBackend::new(160, 10)).unwrap();
    t.draw(|f| ui::draw(f, &app, &texts)).unwrap();
    let b = t.backend().buffer().clone();
    (0..b.area.width).map(|x| b[(x, 0)].symbol()).collect()
}

#[test]
fn the_header_says_who_you_are_and_your_role() {
    for (role, lang, word) in [
        (Role::Auditor, Lang::En, "tekseru (auditor)"),
        (Role::Auditor, Lang::Kk, "tekseru (тексеруші)"),
        (Role::Auditor, Lang::Ru, "tekseru (аудитор)"),
        (Role::Supervisor, Lang::En, "tekseru (supervisor)"),
        (Role::Officer, Lang::En, "tekseru (officer)"),
    ] {
        let line = header(role, lang);
        assert!(line.contains(word), "{role:?} {lang}: {line}");
    }
}

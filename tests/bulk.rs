//! Marks and bulk actions (issue 10, item 2): marks in the queue through the console's own
//! `update` and effect runner on a real service (tests/common/desk.rs), the bulk request of
//! the service, and a bulk reassignment of 1,000 cases through the real daemon while another
//! client edits some of them.

mod common;
mod server_support;

use std::collections::{BTreeMap, BTreeSet};
use std::time::{Duration, Instant};

use merzim::app::bulk::Bulk;
use merzim::app::{CaseChange, Msg};
use merzim::domain::case::{Actor, EventKind};
use merzim::domain::vocabulary::{Addressee, Medium};
use merzim::i18n::Lang;
use merzim::service::{
    ApiError, CaseApi, CaseCommand, QueueQuery, Request, Response, Role, Scope, Session,
};
use merzim::wire::ServerMsg;

use common::desk::{self, Fixture, complaint, console, d, flat, keys, screen, send, status};
use common::serve::{Daemon, demo};
use server_support::Client;

/// `n` unassigned complaints, registered by the supervisor.
fn cases(f: &Fixture, n: usize) -> Vec<String> {
    (0..n)
        .map(|_| complaint(f, Addressee::LocalBody, d(2026, 11, 16), Medium::Electronic))
        .collect()
}

fn assignments(f: &Fixture, number: &str) -> Vec<(Option<String>, Actor)> {
    desk::view(f, number)
        .case
        .events
        .into_iter()
        .filter_map(|e| match e.what {
            EventKind::Assigned { to } => Some((to, e.by)),
            _ => None,
        })
        .collect()
}

fn marked(app: &merzim::app::App) -> BTreeSet<String> {
    app.queue.marked_rows().map(|r| r.number.clone()).collect()
}

#[test]
fn marks_survive_a_reload_a_live_change_and_a_filter_and_show_in_the_row_and_header() {
    let f = desk::fixture();
    let numbers = cases(&f, 5);
    let boss = f.supervisor.clone();
    let mut app = console(&f, &boss);
    // Space marks and moves on; J marks a range by moving over it.
    keys(&f, &boss, &mut app, " ");
    keys(&f, &boss, &mut app, "JJ");
    assert_eq!(app.queue.marked_len(), 3);
    let first_three: BTreeSet<String> = app
        .queue
        .page_rows()
        .take(3)
        .map(|(_, r)| r.number.clone())
        .collect();
    assert_eq!(marked(&app), first_three);
    let text = screen(&app);
    // At 80 columns the header counts them by the mark glyph; in words where they fit.
    assert!(text.lines().next().unwrap().contains(" ●3 "), "{text}");
    let glyphs = text.lines().filter(|l| l.starts_with('●')).count();
    assert_eq!(glyphs, 3, "{text}");
    send(&f, &boss, &mut app, Msg::Resize(120, 24));
    let text = screen(&app);
    assert!(text.lines().next().unwrap().contains("3 marked"), "{text}");
    send(&f, &boss, &mut app, Msg::Resize(80, 24));

    // A reload (r), and another officer's change arriving as a live notice: still marked.
    desk::run(
        &f,
        &boss,
        CaseCommand::AddNote {
            text: "Қосымша құжат келді".into(),
        },
        &numbers[0],
    );
    keys(&f, &boss, &mut app, "r");
    send(
        &f,
        &boss,
        &mut app,
        Msg::Changed(vec![CaseChange {
            number: numbers[0].clone(),
            version: 3,
        }]),
    );
    assert_eq!(marked(&app), first_three);

    // A filter that shows one other case: the marks stay, hidden, and count in the header.
    let other = numbers
        .iter()
        .find(|n| !first_three.contains(*n))
        .unwrap()
        .clone();
    let tail = other.rsplit('-').next().unwrap().to_string();
    keys(&f, &boss, &mut app, &format!("/{tail}<enter>"));
    assert_eq!(app.queue.visible_len(), 1);
    assert_eq!(marked(&app), first_three);
    assert!(flat(&app).contains("●3"), "{}", flat(&app));
    // `*` marks all the filter shows; Esc clears the filter, `u` clears the marks.
    keys(&f, &boss, &mut app, "*");
    assert_eq!(app.queue.marked_len(), 4);
    assert_eq!(status(&app), "4 cases marked.");
    keys(&f, &boss, &mut app, "<esc>u");
    assert_eq!(app.queue.marked_len(), 0);
    assert!(!screen(&app).contains('●'), "{}", screen(&app));
}

#[test]
fn marks_read_in_ascii_and_without_colour() {
    let f = desk::fixture();
    cases(&f, 2);
    let boss = f.supervisor.clone();
    let mut app = console(&f, &boss);
    app.profile.ascii = true;
    app.profile.monochrome = true;
    keys(&f, &boss, &mut app, " ");
    let text = screen(&app);
    assert_eq!(
        text.lines().filter(|l| l.starts_with('#')).count(),
        1,
        "{text}"
    );
    assert!(
        text.lines().next().unwrap().contains(" #1 "),
        "the header counts the marks: {text}"
    );
}

#[test]
fn a_supervisor_picks_the_officer_and_the_question_names_the_count_and_the_target() {
    let f = desk::fixture();
    let numbers = cases(&f, 5);
    let boss = f.supervisor.clone();
    let mut app = console(&f, &boss);
    keys(&f, &boss, &mut app, "*A");
    // The officers and supervisors of the database, never an auditor.
    let Some(Bulk::Pick { users, .. }) = &app.bulk else {
        panic!("the officer is picked: {:?}", app.bulk);
    };
    let logins: Vec<&str> = users.iter().map(|u| u.login.as_str()).collect();
    assert_eq!(logins, ["aigerim", "boss"]);
    let text = flat(&app);
    assert!(text.contains("Give 5 marked cases to:"), "{text}");
    assert!(text.contains("Айгерім Сәтбаева"), "{text}");
    keys(&f, &boss, &mut app, "<enter>");
    let text = flat(&app);
    assert!(
        text.contains("Reassign 5 cases to 'aigerim'? [y yes, n no]"),
        "{text}"
    );
    // No: nothing sent, the marks stay.
    let effects = keys(&f, &boss, &mut app, "n");
    assert!(app.bulk.is_none());
    assert!(
        !effects
            .iter()
            .any(|e| matches!(e, merzim::app::Effect::Bulk { .. }))
    );
    assert_eq!(app.queue.marked_len(), 5);
    // Again, yes: each case gets its own history entry, by the supervisor.
    keys(&f, &boss, &mut app, "A<enter>y");
    assert_eq!(status(&app), "5 cases reassigned to 'aigerim'.");
    assert_eq!(app.queue.marked_len(), 0, "what was done is unmarked");
    for n in &numbers {
        let a = assignments(&f, n);
        assert_eq!(a.len(), 1, "{n}: {a:?}");
        assert_eq!(a[0].0.as_deref(), Some("aigerim"));
        assert_eq!(a[0].1.login, "boss");
    }
    // Marked again: the cases aigerim holds already are left out, and said so.
    keys(&f, &boss, &mut app, " *A<enter>");
    assert_eq!(
        status(&app),
        "Every marked case is assigned to 'aigerim' already: nothing to do."
    );
    assert_eq!(
        app.queue.marked_len(),
        0,
        "cases that are the target's already are unmarked too: what was asked of them holds"
    );
}

#[test]
fn an_officers_bulk_take_fails_case_by_case_with_the_reason() {
    let f = desk::fixture();
    let numbers = cases(&f, 4);
    let officer = f.officer.clone();
    let mut app = console(&f, &officer);
    // An officer gives nobody else's cases: the supervisor's key says so.
    keys(&f, &officer, &mut app, "*A");
    assert!(app.bulk.is_none());
    assert!(status(&app).contains("supervisor"), "{}", status(&app));
    keys(&f, &officer, &mut app, "*");
    // Meanwhile a supervisor gives two of the marked cases to someone else.
    for n in &numbers[..2] {
        desk::run(
            &f,
            &f.supervisor,
            CaseCommand::Assign {
                to: Some("boss".into()),
            },
            n,
        );
    }
    keys(&f, &officer, &mut app, "T");
    assert!(
        flat(&app).contains("Take 4 cases? [y yes, n no]"),
        "{}",
        flat(&app)
    );
    keys(&f, &officer, &mut app, "y");
    let Some(Bulk::Report(report)) = &app.bulk else {
        panic!("the failures are listed: {:?}", app.bulk);
    };
    assert_eq!(report.done, 2);
    let failed: BTreeSet<&str> = report.failed.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(
        failed,
        BTreeSet::from([numbers[0].as_str(), numbers[1].as_str()])
    );
    assert!(
        report
            .failed
            .iter()
            .all(|(_, e)| matches!(e, ApiError::Conflict { .. }))
    );
    let text = flat(&app);
    assert!(text.contains("Given to 'aigerim': 2 of 4"), "{text}");
    assert!(
        text.contains(&format!(
            "{}  case '{}' was changed meanwhile",
            numbers[0], numbers[0]
        )),
        "{text}"
    );
    // In the reader's language.
    app.lang = Lang::Ru;
    assert!(
        flat(&app).contains("тем временем изменено"),
        "{}",
        flat(&app)
    );
    app.lang = Lang::En;
    // The failed cases stay marked (they left this officer's queue, so their marks went
    // with the reload); the taken ones are the officer's, each with one history entry.
    keys(&f, &officer, &mut app, "<esc>");
    assert!(app.bulk.is_none());
    assert_eq!(app.queue.marked_len(), 0);
    for n in &numbers[2..] {
        let a = assignments(&f, n);
        assert_eq!(a.len(), 1, "{n}: {a:?}");
        assert_eq!(a[0].0.as_deref(), Some("aigerim"));
    }
    for n in &numbers[..2] {
        assert_eq!(assignments(&f, n).len(), 1, "only the supervisor's");
    }
}

#[test]
fn the_service_refuses_others_cases_to_an_officer_one_by_one_and_odd_requests_whole() {
    let f = desk::fixture();
    let numbers = cases(&f, 3);
    desk::run(
        &f,
        &f.supervisor,
        CaseCommand::Assign {
            to: Some("boss".into()),
        },
        &numbers[0],
    );
    let session = Session::new(f.service.clone(), f.officer.clone(), Box::new(desk::today));
    let version = |n: &str| desk::view(&f, n).case.version;
    let items: Vec<(String, u64)> = numbers.iter().map(|n| (n.clone(), version(n))).collect();
    let take = CaseCommand::Assign {
        to: Some("aigerim".into()),
    };
    let results = session.bulk(items.clone(), take.clone()).unwrap();
    assert_eq!(results.len(), 3);
    match &results[0].1 {
        Err(ApiError::Forbidden { message }) => {
            assert_eq!(message.key, "service-barred-acts-on-own")
        }
        other => panic!("{other:?}"),
    }
    assert!(results[1].1.is_ok() && results[2].1.is_ok());
    // An officer gives nothing to others, case by case too.
    let give = session
        .bulk(
            vec![(numbers[1].clone(), version(&numbers[1]))],
            CaseCommand::Assign {
                to: Some("boss".into()),
            },
        )
        .unwrap();
    assert!(matches!(give[0].1, Err(ApiError::Forbidden { .. })));
    // Refused whole, nothing changed: a command that is not for bulk, an unknown login.
    let note = session.call(Request::Bulk {
        items: items.clone(),
        command: CaseCommand::AddNote { text: "x".into() },
    });
    assert!(
        matches!(&note, Response::Error { error: ApiError::Invalid { field, .. } } if field == "command"),
        "{note:?}"
    );
    let boss = Session::new(
        f.service.clone(),
        f.supervisor.clone(),
        Box::new(desk::today),
    );
    let unknown = boss.bulk(
        items,
        CaseCommand::Assign {
            to: Some("nobody".into()),
        },
    );
    assert!(
        matches!(&unknown, Err(ApiError::Invalid { field, .. }) if field == "assignee"),
        "{unknown:?}"
    );
    assert_eq!(
        assignments(&f, &numbers[2]).len(),
        1,
        "the officer's take only"
    );
}

/// The issue's test: a supervisor reassigns 1,000 cases through the daemon in one request
/// while another client adds notes to some of them, some before the request and some while it
/// runs. Every case the other client changed before the reassignment reached it fails with a
/// conflict, and only those; every other case is reassigned, with exactly one history entry
/// for it; a third client hears a change notice for every case reassigned.
#[test]
fn a_bulk_reassignment_of_1000_cases_through_the_daemon_with_edits_meanwhile() {
    let dir = demo(2000);
    let daemon = Daemon::start(dir.path(), &[]);
    let mut boss = Client::connect(&daemon.socket).expect("connect");
    let mut editor = Client::connect(&daemon.socket).expect("connect");
    let mut listener = Client::connect(&daemon.socket).expect("connect");
    assert_eq!(boss.caller.role, Role::Supervisor);

    let target = match boss.call(&Request::Users) {
        Ok(Response::Users { users }) => {
            users
                .into_iter()
                .find(|u| u.role == Role::Officer && !u.disabled)
                .expect("the demo has officers")
                .login
        }
        other => panic!("users: {other:?}"),
    };
    // Open cases that are not the target's already.
    let items: Vec<(String, u64)> = boss
        .queue(QueueQuery {
            scope: Scope::All,
            ..QueueQuery::default()
        })
        .into_iter()
        .filter(|r| r.status.is_open() && r.assignee.as_deref() != Some(target.as_str()))
        .take(1000)
        .map(|r| (r.number.clone(), r.version))
        .collect();
    assert_eq!(
        items.len(),
        1000,
        "the demo has 1,000 open cases to reassign"
    );
    let before: BTreeMap<String, usize> = items
        .iter()
        .map(|(n, _)| (n.clone(), history_len(&mut boss, n)))
        .collect();

    // Edited before the request: these must fail. Edited while it runs (from the end of the
    // list, which the bulk reaches last): either outcome, checked against the history.
    let early: Vec<(String, u64)> = items.iter().step_by(97).cloned().collect();
    let late: Vec<(String, u64)> = items
        .iter()
        .rev()
        .step_by(53)
        .filter(|item| !early.contains(item))
        .take(10)
        .cloned()
        .collect();
    for (n, v) in &early {
        editor
            .note(n, *v, "Edited before the bulk")
            .expect("an early edit");
    }
    let racing = std::thread::spawn(move || {
        let mut noted = Vec::new();
        for (n, v) in late {
            // Based on what was seen before the bulk: a conflict means the bulk came first.
            let ok = editor.note(&n, v, "Edited during the bulk").is_ok();
            noted.push((n, ok));
        }
        noted
    });
    // A thousand cases, each flushed on its own, can take longer than a single call.
    boss.stream
        .set_read_timeout(Some(Duration::from_secs(300)))
        .expect("timeout");
    let started = Instant::now();
    let answer = boss
        .call(&Request::Bulk {
            items: items.clone(),
            command: CaseCommand::Assign {
                to: Some(target.clone()),
            },
        })
        .expect("the bulk answer");
    let took = started.elapsed();
    let noted = racing.join().expect("the editor");
    let Response::Bulk { results } = answer else {
        panic!("bulk: {answer:?}");
    };
    eprintln!(
        "bulk reassignment of {} cases through the daemon: {:.2} s",
        results.len(),
        took.as_secs_f64()
    );
    assert_eq!(results.len(), items.len());

    let early: BTreeSet<String> = early.into_iter().map(|(n, _)| n).collect();
    let late_noted: BTreeMap<String, bool> = noted.into_iter().collect();
    let mut succeeded = BTreeSet::new();
    for ((number, result), (asked, _)) in results.iter().zip(&items) {
        assert_eq!(number, asked, "the results come in the order asked");
        let history = history_of(&mut boss, number);
        let added = &history[before[number]..];
        let assigned = added
            .iter()
            .filter(|e| matches!(e, EventKind::Assigned { to } if to.as_deref() == Some(target.as_str())))
            .count();
        let notes = added
            .iter()
            .filter(|e| matches!(e, EventKind::NoteAdded { .. }))
            .count();
        match result {
            Ok(done) => {
                assert!(
                    !early.contains(number),
                    "{number} was edited before: {done:?}"
                );
                assert_eq!(
                    assigned, 1,
                    "{number}: one history entry for the reassignment"
                );
                succeeded.insert(number.clone());
                // A racing note that lost to the bulk was refused, not lost or doubled.
                if let Some(&ok) = late_noted.get(number) {
                    assert_eq!(notes, usize::from(ok), "{number}");
                    assert!(
                        !ok,
                        "{number}: the note came first, so the bulk must have failed"
                    );
                }
            }
            Err(ApiError::Conflict { .. }) => {
                assert!(
                    early.contains(number) || late_noted.get(number) == Some(&true),
                    "{number} failed with a conflict but nobody edited it"
                );
                assert_eq!(assigned, 0, "{number}");
                assert_eq!(notes, 1, "{number}");
            }
            Err(other) => panic!("{number}: {other:?}"),
        }
    }
    let failed = items.len() - succeeded.len();
    assert!(failed >= early.len(), "every early edit made its case fail");
    eprintln!(
        "{} reassigned, {failed} in conflict ({} edited before, {} of {} racing edits first)",
        succeeded.len(),
        early.len(),
        late_noted.values().filter(|ok| **ok).count(),
        late_noted.len()
    );

    // The listener hears of them: every case by number, or, since more changed at once than
    // the daemon lists in one notice (conn.rs: MAX_LISTED), a resync that reloads everything.
    let (heard, resynced) = listen(&mut listener, |heard, resynced| {
        resynced || succeeded.is_subset(heard)
    });
    assert!(
        resynced || succeeded.is_subset(&heard),
        "no notice of the bulk"
    );
    // A smaller bulk is listed case by case: each case reassigned has its own notice.
    let back: Vec<(String, u64)> = succeeded
        .iter()
        .take(100)
        .map(|n| (n.clone(), version_of(&mut boss, n)))
        .collect();
    let answer = boss
        .call(&Request::Bulk {
            items: back.clone(),
            command: CaseCommand::Assign { to: None },
        })
        .expect("the second bulk");
    let Response::Bulk { results } = answer else {
        panic!("bulk: {answer:?}");
    };
    assert!(results.iter().all(|(_, r)| r.is_ok()), "{results:?}");
    let wanted: BTreeMap<String, u64> = results
        .into_iter()
        .filter_map(|(n, r)| r.ok().map(|done| (n, done.version)))
        .collect();
    let numbers: BTreeSet<String> = wanted.keys().cloned().collect();
    let (heard, resynced) = listen(&mut listener, |heard, _| numbers.is_subset(heard));
    assert!(!resynced, "100 cases are listed, not a resync");
    assert!(numbers.is_subset(&heard), "each case has its notice");
}

/// What `listener` hears until `enough` says so (or 30 s of nothing new): the numbers of the
/// cases it was told of, and whether it was told to resync.
fn listen(
    listener: &mut Client,
    enough: impl Fn(&BTreeSet<String>, bool) -> bool,
) -> (BTreeSet<String>, bool) {
    let mut heard = BTreeSet::new();
    let mut resynced = false;
    let until = Instant::now() + Duration::from_secs(30);
    while !enough(&heard, resynced) && Instant::now() < until {
        match listener.next_push(Duration::from_secs(2)) {
            Some(ServerMsg::Changed { cases }) => heard.extend(cases.into_iter().map(|c| c.number)),
            Some(ServerMsg::Resync) => resynced = true,
            Some(_) | None => {}
        }
    }
    (heard, resynced)
}

fn version_of(c: &mut Client, number: &str) -> u64 {
    match c.call(&Request::Case {
        number: number.into(),
    }) {
        Ok(Response::Case { view }) => view.case.version,
        other => panic!("case {number}: {other:?}"),
    }
}

fn history_of(c: &mut Client, number: &str) -> Vec<EventKind> {
    match c.call(&Request::Case {
        number: number.into(),
    }) {
        Ok(Response::Case { view }) => view.case.events.into_iter().map(|e| e.what).collect(),
        other => panic!("case {number}: {other:?}"),
    }
}

fn history_len(c: &mut Client, number: &str) -> usize {
    history_of(c, number).len()
}

//! Issue 10, item 3 on screen: the dashboard as of a past day. Cases registered through the
//! service with history dates (today is 23 Nov 2026, tests/common/desk.rs); the past day is
//! Tue 20 Oct 2026. Local body complaints (Art. 25.2 ¶1, five working days); no day off between
//! 1 and 20 Oct 2026.

mod common;

use chrono::NaiveDate;
use common::desk::{self, d, today};
use merzim::app::Screen;
use merzim::domain::vocabulary::{Addressee, Form, Medium};
use merzim::service::CaseCommand;
use merzim::service::api::{ApiError, CaseApi, Session};
use merzim::service::dashboard::Bucket;
use merzim::service::report::ReportQuery;

/// The past day the dashboard is asked for.
fn day() -> NaiveDate {
    d(2026, 10, 20)
}

fn answer(f: &desk::Fixture, number: &str, sent: NaiveDate) {
    let cmd = CaseCommand::RecordAnswer {
        sent,
        form: Form::Written,
        reference: "№ 7".into(),
    };
    desk::run(f, &f.supervisor, cmd, number);
}

/// A: Thu 1 Oct, due Thu 8 Oct, answered Mon 2 Nov (late): overdue on 20 Oct, not today.
/// B: Thu 1 Oct, never answered: overdue on both days.
/// C: Mon 19 Oct, answered Tue 20 Oct: answered that week and month, on time.
/// E: Fri 20 Nov, after the past day: not on its dashboard; due after today.
fn fixture() -> desk::Fixture {
    let f = desk::fixture();
    let local = |on| desk::complaint(&f, Addressee::LocalBody, on, Medium::Paper);
    let a = local(d(2026, 10, 1));
    answer(&f, &a, d(2026, 11, 2));
    local(d(2026, 10, 1));
    let c = local(d(2026, 10, 19));
    answer(&f, &c, d(2026, 10, 20));
    local(d(2026, 11, 20));
    f
}

#[test]
fn a_case_overdue_then_and_answered_since_counts_overdue_as_of_that_day_only() {
    let f = fixture();
    let s = &f.service;
    let then = s
        .dashboard_as_of(&f.supervisor, today(), 2, Some(day()))
        .unwrap();
    let now = s.dashboard(&f.supervisor, today(), 2).unwrap();
    assert_eq!(then.as_of, Some(day()));
    assert_eq!(then.horizon.today, day());
    let t = |b| then.total.counts.get(b);
    let n = |b| now.total.counts.get(b);
    assert_eq!(t(Bucket::Overdue), 2, "A and B on 20 Oct");
    assert_eq!(n(Bucket::Overdue), 1, "only B today");
    // E did not exist yet: A, B and C (answered, not closed: the queue's "open").
    assert_eq!(t(Bucket::Open), 3);
    assert_eq!(n(Bucket::Open), 4);
    // "This week / month" of the past day: C, answered on it; A's late answer came later.
    assert_eq!(t(Bucket::AnsweredWeek), 1);
    assert_eq!(t(Bucket::AnsweredMonth), 1);
    assert_eq!(t(Bucket::AnsweredLate), 0);
    assert_eq!(n(Bucket::AnsweredMonth), 1, "A, in November");
    assert_eq!(n(Bucket::AnsweredLate), 1);
    // Today's own request with the day of today is today's dashboard.
    let same = s
        .dashboard_as_of(&f.supervisor, today(), 2, Some(today()))
        .unwrap();
    assert_eq!(same, now);
}

#[test]
fn the_as_of_totals_equal_the_reports_open_and_overdue_on_that_day() {
    let f = fixture();
    let s = &f.service;
    let board = s
        .dashboard_as_of(&f.supervisor, today(), 2, Some(day()))
        .unwrap();
    let q = ReportQuery {
        from: d(2026, 1, 1),
        to: day(),
        by: Vec::new(),
        as_of: Some(day()),
    };
    let report = s.report(&f.supervisor, today(), &q).unwrap();
    assert_eq!(report.as_of, day());
    assert_eq!(
        u64::from(board.total.counts.get(Bucket::Overdue)),
        report.total.open_overdue
    );
    // Where the definitions differ: the dashboard's "open" is the queue's (not closed), so an
    // answered case waiting to be closed (C) is in it; the report's "open" is a case whose
    // answer is still owed. Without C they are the same cases.
    let answered_not_closed = 1;
    assert_eq!(
        u64::from(board.total.counts.get(Bucket::Open)) - answered_not_closed,
        report.total.open
    );
}

#[test]
fn a_future_day_and_a_day_before_the_calendar_are_refused_through_the_api() {
    let f = fixture();
    let session = Session::new(f.service.clone(), f.supervisor.clone(), Box::new(today));
    let future = session
        .dashboard_as_of(2, Some(d(2026, 11, 24)))
        .unwrap_err();
    assert!(
        matches!(&future, ApiError::Invalid { field, message }
            if field == "as-of" && message.key == "asof-after-today"),
        "{future:?}"
    );
    let ancient = session.dashboard_as_of(2, Some(d(1990, 1, 1))).unwrap_err();
    assert!(
        matches!(&ancient, ApiError::Invalid { message, .. }
            if message.key == "asof-before-calendar"),
        "{ancient:?}"
    );
    let board = session.dashboard_as_of(2, Some(day())).unwrap();
    assert_eq!(board.total.counts.get(Bucket::Overdue), 2);
}

#[test]
fn the_console_shows_a_past_day_and_returns_to_today() {
    let f = fixture();
    let boss = f.supervisor.clone();
    let mut app = desk::console(&f, &boss);
    desk::keys(&f, &boss, &mut app, ":asof 2026-10-20<enter>");
    assert_eq!(app.screen, Screen::Dashboard);
    let board = app.dashboard.board.clone().unwrap();
    assert_eq!(board.as_of, Some(day()));
    assert_eq!(board.total.counts.get(Bucket::Overdue), 2);
    let screen = desk::screen(&app);
    assert!(screen.contains("Dashboard as of 2026-10-20"), "{screen}");
    insta::assert_snapshot!("asof_dashboard_en_80x24", screen);

    // Enter on a cell: not today's queue, but where the cases of that day are listed.
    desk::keys(&f, &boss, &mut app, "<enter>");
    assert_eq!(app.screen, Screen::Dashboard);
    let said = desk::status(&app);
    assert!(
        said.contains("merzim report") && said.contains("--as-of 2026-10-20"),
        "{said}"
    );

    // A change made today does not reload the past day's counts.
    let effects = desk::send(&f, &boss, &mut app, merzim::app::Msg::Resync);
    assert!(
        !effects.contains(&merzim::app::Effect::LoadDashboard),
        "{effects:?}"
    );

    // A day after today is refused: the screen stays on the day it shows.
    desk::keys(&f, &boss, &mut app, ":asof 2026-12-01<enter>");
    let said = desk::status(&app);
    assert!(said.contains("after today"), "{said}");
    assert_eq!(app.dashboard.board.as_ref().unwrap().as_of, Some(day()));
    assert_eq!(app.dashboard.as_of, Some(day()));

    // Not a date at all.
    desk::keys(&f, &boss, &mut app, ":asof 20-10-2026<enter>");
    assert!(
        desk::status(&app).contains("YYYY-MM-DD"),
        "{}",
        desk::status(&app)
    );

    // Esc goes back to today, still on the dashboard.
    desk::keys(&f, &boss, &mut app, "<esc>");
    assert_eq!(app.screen, Screen::Dashboard);
    let board = app.dashboard.board.clone().unwrap();
    assert_eq!(board.as_of, None);
    assert_eq!(board.total.counts.get(Bucket::Overdue), 1);
    assert!(!desk::screen(&app).contains("as of"));

    // `:asof` alone does the same, and Tab completes the command.
    desk::keys(&f, &boss, &mut app, ":asof 2026-10-20<enter>");
    assert_eq!(app.dashboard.board.as_ref().unwrap().as_of, Some(day()));
    desk::keys(&f, &boss, &mut app, ":aso<tab><bs><enter>");
    assert_eq!(app.dashboard.board.as_ref().unwrap().as_of, None);
}

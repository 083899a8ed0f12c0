//! A report on a past day reads every history in one pass and replays only the cases with an
//! entry dated after that day (issue 10's speed target): its figures must be those of the plain
//! way, which replays every case changed since registration, on realistic demo histories.

use chrono::NaiveDate;
use merzim::reference::Reference;
use merzim::service::demo::{self, DemoOptions};
use merzim::service::report::{Grouping, ReportQuery};
use merzim::service::{Role, Service, User};

fn d(s: &str) -> NaiveDate {
    s.parse().expect("a date")
}

#[test]
fn the_fast_past_day_report_equals_replaying_every_case() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let svc = Service::open(
        &dir.path().join("db"),
        Reference::shipped().expect("reference"),
    )
    .expect("a new database");
    let today = d("2026-11-20");
    let supervisor = User {
        uid: 4242,
        login: "inspector".into(),
        name: "Inspector".into(),
        role: Role::Supervisor,
        disabled: false,
    };
    demo::fill(
        &svc,
        &DemoOptions {
            cases: 1500,
            today,
            seed: 11,
            supervisor,
        },
    )
    .expect("demo data");
    let mut replayed_days = 0;
    for as_of in [
        "2026-09-15",
        "2026-10-01",
        "2026-10-20",
        "2026-11-02",
        "2026-11-10",
        "2026-11-19",
        "2026-11-20",
    ] {
        let q = ReportQuery {
            from: d("2025-06-01"),
            to: d("2026-12-31"),
            by: Grouping::ALL.to_vec(),
            as_of: Some(d(as_of)),
        };
        let fast = svc.report_unchecked(today, &q).expect("the report");
        let slow = svc
            .report_replaying_every_case(today, &q)
            .expect("the report, replaying");
        assert!(fast.total.received > 0, "as of {as_of}: cases counted");
        assert_eq!(fast, slow, "as of {as_of}: the same figures both ways");
        if fast.total.open > 0 && d(as_of) < today {
            replayed_days += 1;
        }
    }
    assert!(
        replayed_days >= 5,
        "past days with open cases were compared"
    );
}

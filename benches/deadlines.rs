//! Recomputing due dates and obligations for 100,000 cases (issue 2 target: under 100 ms on one
//! core). Run: `cargo bench --bench deadlines`.

use chrono::{Days, NaiveDate};
use merzim::domain::deadline::*;
use merzim::domain::vocabulary::*;
use merzim::reference::Reference;

fn main() {
    divan::main();
}

enum Facts {
    Complaint(ComplaintFacts),
    Application(ApplicationFacts),
}

/// A deterministic mix: complaints to every addressee, a third of them extended (some twice) with
/// notices sent, applications on every channel with terms in working days, calendar days, hours.
fn cases(n: usize) -> Vec<Facts> {
    let base = NaiveDate::from_ymd_opt(2025, 6, 1).unwrap();
    let terms: Vec<Term> = ["5wd", "10wd", "15wd", "1wd", "30cd", "4h", "3wd"]
        .iter()
        .map(|t| t.parse().unwrap())
        .collect();
    (0..n)
        .map(|i| {
            let registered = base + Days::new((i % 540) as u64);
            if i % 2 == 0 {
                let addressee = Addressee::ALL[i % Addressee::ALL.len()];
                let may_extend = matches!(
                    addressee,
                    Addressee::LocalBody | Addressee::CentralBody | Addressee::QualityAuthority
                );
                let mut extensions = Vec::new();
                let mut notices = Vec::new();
                if may_extend && i % 3 == 0 {
                    extensions.push(Extension {
                        date: registered + Days::new(2),
                        days: 5,
                        ground: Ground::Verification,
                        reason: String::new(),
                    });
                    notices.push(NoticeSent {
                        kind: NoticeKind::ExtensionNotice,
                        sent: registered + Days::new(3),
                        form: Form::Written,
                        reference: String::new(),
                    });
                    if i % 9 == 0 {
                        extensions.push(Extension {
                            date: registered + Days::new(4),
                            days: 3,
                            ground: Ground::Information,
                            reason: String::new(),
                        });
                    }
                }
                Facts::Complaint(ComplaintFacts {
                    registered,
                    addressee,
                    medium: if i % 4 == 0 {
                        Medium::Paper
                    } else {
                        Medium::Electronic
                    },
                    set_due: (addressee == Addressee::SuperiorBody)
                        .then(|| registered + Days::new(20)),
                    extensions,
                    notices,
                    follow_ups: vec![],
                    closed: None,
                })
            } else {
                Facts::Application(ApplicationFacts {
                    registered,
                    channel: Channel::ALL[i % Channel::ALL.len()],
                    term: terms[i % terms.len()],
                    outcome: ApplicationOutcome::Pending,
                    notices: vec![],
                    closed: None,
                })
            }
        })
        .collect()
}

#[divan::bench(sample_count = 20)]
fn recompute_100k(bencher: divan::Bencher) {
    let r = Reference::shipped().unwrap();
    let all = cases(100_000);
    let today = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
    bencher.bench_local(|| {
        let mut obligations = 0usize;
        for f in &all {
            let d = match f {
                Facts::Complaint(c) => complaint_deadlines(&r.calendar, &r.rules, c, today),
                Facts::Application(a) => application_deadlines(&r.calendar, &r.rules, a, today),
            };
            obligations += d.map(|d| d.obligations.len()).unwrap_or(0);
        }
        divan::black_box(obligations)
    });
}

//! How long a year's report takes on a large database (issue 10's target: under 1 s at 100,000
//! cases): `cargo run --release --example report_timing -- DB [RUNS]`. The database is the
//! one `merzim --db DB --today 2026-11-20 demo --cases 100000` makes; the report covers 2026 by
//! officer and by month, open states as of 20 November 2026, then as of 1 October (a day in the past: each case changed since is rebuilt from its history).

use std::time::Instant;

use chrono::NaiveDate;
use merzim::reference::Reference;
use merzim::service::Service;
use merzim::service::report::{Grouping, ReportQuery};

fn main() -> anyhow::Result<()> {
    let mut args = std::env::args().skip(1);
    let db = args
        .next()
        .ok_or_else(|| anyhow::anyhow!("usage: report_timing DB [RUNS]"))?;
    let runs: usize = args.next().map(|r| r.parse()).transpose()?.unwrap_or(5);
    let date = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default();
    let today = date(2026, 11, 20);
    let service = Service::open(std::path::Path::new(&db), Reference::shipped()?)?;
    for as_of in [None, Some(date(2026, 10, 1))] {
        let q = ReportQuery {
            from: date(2026, 1, 1),
            to: date(2026, 12, 31),
            by: vec![Grouping::Officer, Grouping::Month],
            as_of,
        };
        let mut times = Vec::with_capacity(runs);
        let mut received = 0;
        for _ in 0..runs {
            let t = Instant::now();
            let r = service.report_unchecked(today, &q)?;
            times.push(t.elapsed().as_secs_f64() * 1e3);
            received = r.total.received;
        }
        times.sort_by(f64::total_cmp);
        println!(
            "report 2026 as of {} ({received} cases): median {:.0} ms, fastest {:.0} ms, slowest {:.0} ms",
            as_of.map_or("20 Nov".to_string(), |d| d.to_string()),
            times[times.len() / 2],
            times[0],
            times[times.len() - 1],
        );
    }
    Ok(())
}

//! How long saving a change takes to be acknowledged on a large database (issue 8: "saving a
//! change is acknowledged in under 20 ms"): `Service::execute` of an `AddNote`, which returns
//! only after the store's `flush()`, timed one save at a time.
//!
//! ```sh
//! merzim --db /tmp/big.db --today 2026-11-22 demo --cases 100000
//! cargo run --release --example save_timing -- /tmp/big.db 200
//! ```
//!
//! Each save goes to another open case (the first 200 of the queue), based on the version it
//! has, as the console sends it. Prints the median, the 90th percentile, the fastest and the
//! slowest. It adds notes to the database: run it on a copy made for it.

use std::time::Instant;

use chrono::NaiveDate;
use merzim::reference::Reference;
use merzim::service::{CaseCommand, QueueQuery, Service};

fn main() -> anyhow::Result<()> {
    let mut args = std::env::args().skip(1);
    let db = args
        .next()
        .ok_or_else(|| anyhow::anyhow!("usage: save_timing DB [SAVES]"))?;
    let saves: usize = args.next().map_or(Ok(200), |s| s.parse())?;
    let today = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap_or_default();
    let service = Service::open(std::path::Path::new(&db), Reference::shipped()?)?;
    let caller = service.caller_or_first_user(merzim::service::identity::current_uid())?;
    let q = QueueQuery {
        include_closed: false,
        ..QueueQuery::default()
    };
    let rows = service.queue(&caller, today, &q)?;
    let cases: Vec<(String, u64)> = rows
        .iter()
        .filter(|r| r.status.is_open())
        .take(saves)
        .map(|r| (r.number.clone(), r.version))
        .collect();
    anyhow::ensure!(!cases.is_empty(), "the database has no open case");
    println!(
        "{} cases in the queue; {saves} saves on {} cases",
        rows.len(),
        cases.len()
    );
    let mut ms = Vec::with_capacity(saves);
    for i in 0..saves {
        let (number, version) = &cases[i % cases.len()];
        // The version the officer saw: read before the clock starts, as the form had it.
        let version = if i < cases.len() {
            *version
        } else {
            service.case(&caller, number, today)?.case.version
        };
        let command = CaseCommand::AddNote {
            text: format!("Замечание {i}: документы запрошены повторно"),
        };
        let t = Instant::now();
        service.execute(&caller, today, Some(number), Some(version), command)?;
        ms.push(t.elapsed().as_secs_f64() * 1e3);
    }
    ms.sort_by(f64::total_cmp);
    let at = |p: f64| ms[((ms.len() - 1) as f64 * p).round() as usize];
    println!(
        "save acknowledged (flushed): median {:.2} ms, p90 {:.2} ms, fastest {:.2} ms, slowest {:.2} ms",
        at(0.5),
        at(0.9),
        ms[0],
        ms[ms.len() - 1]
    );
    Ok(())
}

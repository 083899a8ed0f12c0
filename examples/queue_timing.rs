//! Where the time goes when the console opens a large database:
//! `cargo run --release --example queue_timing -- DB`.

use std::time::Instant;

use chrono::NaiveDate;
use merzim::app::{self, App, Msg};
use merzim::i18n::Lang;
use merzim::keymap::{Keymap, ShippedKeymap};
use merzim::reference::Reference;
use merzim::service::{QueueQuery, Service};
use merzim::ui::theme::Profile;

fn main() -> anyhow::Result<()> {
    let db = std::env::args()
        .nth(1)
        .ok_or_else(|| anyhow::anyhow!("usage: queue_timing DB"))?;
    let today = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap_or_default();
    let t = Instant::now();
    let reference = Reference::shipped()?;
    println!(
        "reference data   {:>6.0} ms",
        t.elapsed().as_secs_f64() * 1e3
    );
    let t = Instant::now();
    let service = Service::open(std::path::Path::new(&db), reference)?;
    println!(
        "open database    {:>6.0} ms",
        t.elapsed().as_secs_f64() * 1e3
    );
    let caller = service.caller_for_uid(unsafe { libc::getuid() })?;
    let t = Instant::now();
    let q = QueueQuery {
        include_closed: true,
        ..QueueQuery::default()
    };
    let rows = service.queue(&caller, today, &q)?;
    println!(
        "queue ({} rows) {:>6.0} ms",
        rows.len(),
        t.elapsed().as_secs_f64() * 1e3
    );
    let (keymap, _) = Keymap::shipped(ShippedKeymap::Default, None)?;
    let mut app = App::new(
        Lang::En,
        today,
        caller.login.clone(),
        keymap,
        Profile::default(),
    );
    let t = Instant::now();
    app::update(&mut app, Msg::QueueLoaded(Ok(rows)));
    println!(
        "console load     {:>6.0} ms",
        t.elapsed().as_secs_f64() * 1e3
    );
    Ok(())
}

//! Figures for the dashboard (issue 10 targets): the service's counts on N demo cases (cold,
//! with the scan of every case, and warm, from the rows of today), and the first paint at
//! 80x24 of the queue and of the dashboard (bytes written, time to render).
//!
//! `cargo run --release --example dashboard_paint -- [CASES]` (default 100000).

use std::time::{Duration, Instant};

use chrono::NaiveDate;
use merzim::app::{self, App, Msg};
use merzim::console::Effects;
use merzim::console::backend::LeanBackend;
use merzim::i18n::{Lang, Texts};
use merzim::keymap::{Keymap, ShippedKeymap};
use merzim::reference::Reference;
use merzim::service::demo::{DemoOptions, fill};
use merzim::service::{QueueQuery, Role, Scope, Service, Session, User};
use merzim::ui::{self, theme::Profile};
use ratatui::Terminal;

fn main() -> anyhow::Result<()> {
    let cases: usize = std::env::args()
        .nth(1)
        .map(|a| a.parse())
        .transpose()?
        .unwrap_or(100_000);
    let today = NaiveDate::from_ymd_opt(2026, 11, 23).ok_or_else(|| anyhow::anyhow!("date"))?;
    let dir = tempfile::tempdir()?;
    let service = Service::open(&dir.path().join("db"), Reference::shipped()?)?;
    let boss = User {
        uid: 4242,
        login: "boss".into(),
        name: "Boss".into(),
        role: Role::Supervisor,
        disabled: false,
    };
    let t = Instant::now();
    fill(
        &service,
        &DemoOptions {
            cases,
            today,
            seed: 1,
            supervisor: boss,
        },
    )?;
    println!("demo: {cases} cases in {:.1} s", t.elapsed().as_secs_f64());
    let caller = service.caller_for_uid(4242)?;
    let t = Instant::now();
    service.dashboard(&caller, today, 2)?;
    println!("dashboard, cold (scans every case): {:?}", t.elapsed());
    let t = Instant::now();
    service.dashboard(&caller, today, 2)?;
    println!("dashboard, warm (rows of today): {:?}", t.elapsed());
    let query = QueueQuery {
        scope: Scope::All,
        include_closed: true,
        ..QueueQuery::default()
    };
    let t = Instant::now();
    service.queue(&caller, today, &query)?;
    println!("queue, warm: {:?}", t.elapsed());

    let texts = Texts::new()?;
    let (keymap, _) = Keymap::shipped(ShippedKeymap::Default, None)?;
    let mut app = App::new(
        Lang::Ru,
        today,
        caller.login.clone(),
        keymap,
        Profile::default(),
    );
    app.role = caller.role;
    let session = Session::new(service.clone(), caller, Box::new(move || today));
    let mut fx = Effects::new(&session, &texts, &query);
    let effects = app::update(&mut app, Msg::Resize(80, 24));
    fx.run(&mut app, effects);
    fx.run(&mut app, vec![app::Effect::LoadQueue]);
    let (queue_bytes, queue_time) = paint(&app, &texts)?;
    let t = Instant::now();
    let effects = app::update(
        &mut app,
        Msg::Key(crossterm::event::KeyEvent::new(
            crossterm::event::KeyCode::Char('D'),
            crossterm::event::KeyModifiers::NONE,
        )),
    );
    fx.run(&mut app, effects);
    let load = t.elapsed();
    let (board_bytes, board_time) = paint(&app, &texts)?;
    println!("first paint at 80x24: queue {queue_bytes} B in {queue_time:?}");
    println!(
        "first paint at 80x24: dashboard {board_bytes} B in {board_time:?} (+ {load:?} for the counts through the session)"
    );
    println!(
        "dashboard / queue: {:.2} in bytes, {:.2} in render time",
        board_bytes as f64 / queue_bytes as f64,
        board_time.as_secs_f64() / queue_time.as_secs_f64()
    );
    Ok(())
}

/// The bytes of a first paint of what `app` shows, and the median time of 21 renders.
fn paint(app: &App, texts: &Texts) -> anyhow::Result<(usize, Duration)> {
    let mut times = Vec::new();
    let mut bytes = 0;
    for _ in 0..21 {
        let mut t = Terminal::new(LeanBackend::with_size(Vec::new(), 80, 24))?;
        let start = Instant::now();
        t.draw(|f| ui::draw(f, app, texts))?;
        times.push(start.elapsed());
        bytes = t.backend().writer().len();
    }
    times.sort();
    Ok((bytes, times[times.len() / 2]))
}

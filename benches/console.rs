//! The console's work per keystroke over 100,000 cases (issue 4 target: a filter keystroke in
//! under 50 ms), and a frame of the queue screen. Run: `cargo bench --bench console`.

use chrono::{Days, NaiveDate};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use merzim::app::{self, App, Msg};
use merzim::domain::case::Status;
use merzim::domain::vocabulary::{Addressee, CaseKind, Medium};
use merzim::i18n::{Lang, Texts};
use merzim::keymap::{Keymap, ShippedKeymap};
use merzim::service::{Badges, QueueRow, Urgency};
use merzim::ui::{self, theme::Profile};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn main() {
    divan::main();
}

const SUBJECTS: [&str; 6] = [
    "Отказ в регистрации по месту жительства",
    "Жер учаскесіне құқық беру мерзімі бұзылды",
    "Справка о несудимости не выдана",
    "Баланы тууы бойынша жәрдемақы тағайындалмады",
    "Неверные сведения в техническом паспорте",
    "Appeal against a refusal of a building permit",
];
const NAMES: [&str; 5] = [
    "Айгүл Сейітқызы",
    "Иван Петров",
    "Дәурен Қасымов",
    "Ольга Ким",
    "Нұрсұлтан Әбенов",
];

fn rows(n: usize) -> Vec<QueueRow> {
    let base = NaiveDate::from_ymd_opt(2026, 9, 1).unwrap();
    (0..n)
        .map(|i| QueueRow {
            number: format!("KZ-2026-{i:06}"),
            kind: CaseKind::Complaint,
            addressee: Some(Addressee::LocalBody),
            channel: None,
            service: None,
            medium: Medium::Paper,
            registered: base + Days::new((i % 90) as u64),
            due: Some(base + Days::new((i % 90) as u64 + 7)),
            remaining: Some((i % 30) as i64 - 10),
            next_due: None,
            next_obligation: None,
            answered: None,
            urgency: [
                Urgency::Overdue,
                Urgency::DueToday,
                Urgency::Ok,
                Urgency::Closed,
            ][i % 4],
            badges: Badges {
                extended: i % 7 == 0,
                notice_owed: i % 11 == 0,
                provisional: false,
                missed: false,
            },
            assignee: Some(format!("officer{}", i % 12)),
            subject: SUBJECTS[i % SUBJECTS.len()].to_string(),
            applicant: NAMES[i % NAMES.len()].to_string(),
            applicant_id: format!("{:012}", 870_412_300_000u64 + i as u64),
            status: Status::InProgress,
            version: 1,
            problem: None,
            contact: format!("+7 701 {:07}", i),
        })
        .collect()
}

fn loaded_app() -> App {
    let (keymap, _) = Keymap::shipped(ShippedKeymap::Default, None).unwrap();
    let today = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
    let mut app = App::new(
        Lang::Ru,
        today,
        "officer1".into(),
        keymap,
        Profile::default(),
    );
    app::update(&mut app, Msg::Resize(80, 24));
    app::update(&mut app, Msg::QueueLoaded(Ok(rows(100_000))));
    // The console builds the filter's index right after the first paint.
    app::update(&mut app, Msg::Idle);
    app
}

fn key(c: char) -> Msg {
    Msg::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE))
}

/// The first letter typed into the filter: a scan of all 100,000 rows.
#[divan::bench(sample_count = 20)]
fn filter_first_keystroke_100k(bencher: divan::Bencher) {
    bencher
        .with_inputs(|| {
            let mut app = loaded_app();
            app::update(&mut app, key('/'));
            app
        })
        .bench_local_refs(|app| {
            app::update(app, key('ж'));
        });
}

/// Clearing the filter with Backspace: a scan of all rows again.
#[divan::bench(sample_count = 20)]
fn filter_backspace_100k(bencher: divan::Bencher) {
    bencher
        .with_inputs(|| {
            let mut app = loaded_app();
            app::update(&mut app, key('/'));
            app::update(&mut app, key('ж'));
            app::update(&mut app, key('е'));
            app
        })
        .bench_local_refs(|app| {
            app::update(
                app,
                Msg::Key(KeyEvent::new(KeyCode::Backspace, KeyModifiers::NONE)),
            );
        });
}

/// Loading 100,000 rows into the console (sorting by named queue, building the filter index).
#[divan::bench(sample_count = 10)]
fn load_100k(bencher: divan::Bencher) {
    let (keymap, _) = Keymap::shipped(ShippedKeymap::Default, None).unwrap();
    let today = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
    bencher
        .with_inputs(|| {
            (
                App::new(
                    Lang::Ru,
                    today,
                    "officer1".into(),
                    keymap.clone(),
                    Profile::default(),
                ),
                rows(100_000),
            )
        })
        .bench_local_values(|(mut app, rows)| {
            app::update(&mut app, Msg::QueueLoaded(Ok(rows)));
            app
        });
}

/// One frame of the queue screen at 80x24.
#[divan::bench]
fn draw_queue_frame(bencher: divan::Bencher) {
    let app = loaded_app();
    let texts = Texts::new().unwrap();
    let mut t = Terminal::new(TestBackend::new(80, 24)).unwrap();
    bencher.bench_local(|| {
        t.draw(|f| ui::draw(f, &app, &texts)).unwrap();
    });
}

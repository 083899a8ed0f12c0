//! Live updates in the console (issue 9 item 5), through `app::update` and the console's own
//! effect runner: a change elsewhere reloads the queue without moving the selection, never
//! touches a form's text, merges bursts into one reload at a time; the link going down is
//! said on screen and its return reloads what is shown.

mod common;

use common::desk::*;
use crossterm::event::KeyCode;
use merzim::app::{self, CaseChange, Effect, Msg, Screen};
use merzim::domain::message::Message;
use merzim::domain::vocabulary::{Addressee, Medium};
use merzim::service::CaseCommand;

fn change(number: &str, version: u64) -> Msg {
    Msg::Changed(vec![CaseChange {
        number: number.into(),
        version,
    }])
}

#[test]
fn a_change_elsewhere_reloads_the_queue_keeping_the_selected_case() {
    let f = fixture();
    // More cases than a page (21 rows at 80x24): the list is scrolled.
    for day in 0..30 {
        complaint(
            &f,
            Addressee::LocalBody,
            d(2026, 11, 5 + day % 15),
            Medium::Paper,
        );
    }
    let mut app = console(&f, &f.supervisor);
    keys(&f, &f.supervisor, &mut app, "Gkk");
    assert!(app.queue.top() > 0);
    let selected = app.queue.selected_row().unwrap().number.clone();
    let line = app.queue.selected() - app.queue.top();
    keys(&f, &f.supervisor, &mut app, "/Құжат");
    let typed = app.input.as_ref().unwrap().text.clone();
    // Another officer registers the most urgent case of all: it joins the queue above.
    let new = complaint(&f, Addressee::LocalBody, d(2026, 11, 1), Medium::Paper);
    let seen = send(&f, &f.supervisor, &mut app, change(&new, 1));
    assert_eq!(seen, vec![Effect::LoadQueue]);
    assert_eq!(app.queue.loaded_rows().len(), 31);
    assert!(app.queue.loaded_rows().any(|r| r.number == new));
    assert_eq!(app.queue.selected_row().unwrap().number, selected);
    assert_eq!(app.queue.selected() - app.queue.top(), line);
    // The filter being typed is untouched, and nothing was said.
    assert_eq!(app.input.as_ref().unwrap().text, typed);
    assert_eq!(app.queue.filter(), typed);
    assert!(app.status.is_none());
}

#[test]
fn an_open_form_keeps_its_text_and_says_the_case_changed() {
    let f = fixture();
    let number = complaint(&f, Addressee::LocalBody, d(2026, 11, 20), Medium::Paper);
    let mut app = console(&f, &f.supervisor);
    open(&f, &f.supervisor, &mut app, &number);
    keys(&f, &f.supervisor, &mut app, "m");
    assert!(app.form.is_some(), "{}", screen(&app));
    keys(&f, &f.supervisor, &mut app, "Қосымша құжат керек");
    let before = app.form.as_ref().unwrap().draft_fields();
    run(
        &f,
        &f.officer,
        CaseCommand::Assign {
            to: Some("aigerim".into()),
        },
        &number,
    );
    let seen = send(&f, &f.supervisor, &mut app, change(&number, 2));
    // The queue reloads; the case under the form does not.
    assert!(
        !seen.iter().any(|e| matches!(e, Effect::LoadCase(_))),
        "{seen:?}"
    );
    assert_eq!(app.form.as_ref().unwrap().draft_fields(), before);
    assert!(
        flat(&app).contains(&format!("Case {number} was changed meanwhile")),
        "{}",
        screen(&app)
    );
}

#[test]
fn the_open_case_reloads_in_place_when_it_changed() {
    let f = fixture();
    let number = complaint(&f, Addressee::LocalBody, d(2026, 11, 20), Medium::Paper);
    let mut app = console(&f, &f.supervisor);
    open(&f, &f.supervisor, &mut app, &number);
    keys(&f, &f.supervisor, &mut app, "<tab><tab><tab>");
    let section = app.case.as_ref().unwrap().section;
    run(
        &f,
        &f.supervisor,
        CaseCommand::AddNote {
            text: "Жаңа жазба".into(),
        },
        &number,
    );
    let seen = send(&f, &f.supervisor, &mut app, change(&number, 2));
    assert_eq!(
        seen,
        vec![Effect::LoadQueue, Effect::LoadCase(number.clone())]
    );
    let open = app.case.as_ref().unwrap();
    assert_eq!(open.view.case.version, 2);
    assert_eq!(open.section, section);
    assert_eq!(app.screen, Screen::Case);
    // A change of another case leaves the open one alone.
    let seen = send(&f, &f.supervisor, &mut app, change("KZ-OTHER-1", 9));
    assert_eq!(seen, vec![Effect::LoadQueue]);
}

#[test]
fn a_burst_of_notices_is_one_reload_at_a_time() {
    let f = fixture();
    complaint(&f, Addressee::LocalBody, d(2026, 11, 20), Medium::Paper);
    let mut app = console(&f, &f.supervisor);
    assert_eq!(
        app::update(&mut app, change("A", 1)),
        vec![Effect::LoadQueue]
    );
    // While that reload is on its way, more notices ask for nothing more...
    for v in 2..10 {
        assert!(app::update(&mut app, change("A", v)).is_empty());
    }
    let rows: Vec<_> = app.queue.loaded_rows().cloned().collect();
    // ...but one more reload after it, and then none.
    assert_eq!(
        app::update(&mut app, Msg::QueueLoaded(Ok(rows.clone()))),
        vec![Effect::LoadQueue]
    );
    assert!(app::update(&mut app, Msg::QueueLoaded(Ok(rows))).is_empty());
}

#[test]
fn the_link_down_is_said_on_screen_and_its_return_reloads() {
    let f = fixture();
    let number = complaint(&f, Addressee::LocalBody, d(2026, 11, 20), Medium::Paper);
    let mut app = console(&f, &f.supervisor);
    app.connection = Some(app::Connection {
        socket: "merzim.sock".into(),
        down: None,
    });
    // The socket is named in the header where it fits.
    send(&f, &f.supervisor, &mut app, Msg::Resize(120, 24));
    assert!(screen(&app).contains("via merzim.sock"), "{}", screen(&app));
    send(&f, &f.supervisor, &mut app, Msg::Resize(80, 24));
    let why = Message::new("client-reconnecting").text("socket", "merzim.sock");
    send(&f, &f.supervisor, &mut app, Msg::LinkDown(why));
    let s = screen(&app);
    assert!(s.contains("OFFLINE"), "{s}");
    assert!(
        s.lines()
            .last()
            .unwrap()
            .contains("Offline (merzim.sock): The daemon at merzim.sock is not answering"),
        "{s}"
    );
    // A form opened while down keeps what is typed; its bottom line says the link is down.
    open(&f, &f.supervisor, &mut app, &number);
    keys(&f, &f.supervisor, &mut app, "m");
    keys(&f, &f.supervisor, &mut app, "мәтін");
    assert!(
        screen(&app).contains("Offline (merzim.sock)"),
        "{}",
        screen(&app)
    );
    keys(&f, &f.supervisor, &mut app, "<esc>");
    send(&f, &f.supervisor, &mut app, Msg::Key(key(KeyCode::Enter)));
    let seen = send(&f, &f.supervisor, &mut app, Msg::LinkUp);
    assert!(seen.contains(&Effect::LoadQueue), "{seen:?}");
    assert!(!screen(&app).contains("OFFLINE"));
    assert!(status(&app).contains("Connected to merzim.sock again"));
}

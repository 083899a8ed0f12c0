//! Drafts in the console (issue 8 section 4): typing marks the form's draft dirty and asks for
//! it to be saved; the save of the form (acknowledged) and a deliberate cancel delete it; the
//! drafts left at start are offered back in the reader's language and reopen with their text.
//! Driven by key strings through the shipped keymap on a temporary database with the real
//! service and the console's own effect runner (which saves at once: the loop's debounce is
//! tested in the pty test).

#![allow(dead_code)]

use std::collections::BTreeMap;

use crossterm::event::KeyCode;
use merzim::app::{self, App, Effect, FieldId, FormKind, Msg, Screen};
use merzim::domain::vocabulary::{Addressee, Medium};
use merzim::i18n::{Lang, Texts};
use merzim::service::{Caller, CaseApi, CaseCommand, DraftKey, Session};

/// Monday 23 November 2026.
mod common;

use common::desk::*;

/// The session of `caller`: what the console's drafts go through.
fn session(f: &Fixture, caller: &Caller) -> Session {
    Session::new(f.service.clone(), caller.clone(), Box::new(today))
}

/// Carries out `effects` (and what their answers ask for) with the console's runner.
fn run_effects(f: &Fixture, caller: &Caller, app: &mut App, effects: Vec<Effect>) {
    let texts = Texts::new().unwrap();
    let query = query();
    let session = session(f, caller);
    let mut runner = merzim::console::Effects::new(&session, &texts, &query);
    assert_eq!(runner.run(app, effects), merzim::console::Flow::Go);
}

fn note_key(number: &str) -> DraftKey {
    DraftKey {
        form: "note".into(),
        case: Some(number.into()),
    }
}

/// The bottom lines of the screen (a long question wraps upwards), as one line.
fn bottom(app: &App) -> String {
    let screen = screen(app);
    let lines: Vec<&str> = screen.lines().collect();
    lines[lines.len() - 2..]
        .iter()
        .map(|l| l.trim())
        .collect::<Vec<_>>()
        .join(" ")
        .trim()
        .to_string()
}

#[test]
fn typing_marks_the_draft_dirty_and_asks_for_it_to_be_saved() {
    let f = fixture();
    let number = complaint(&f, Addressee::LocalBody, d(2026, 11, 20), Medium::Paper);
    let mut app = console(&f, &f.officer);
    open(&f, &f.officer, &mut app, &number);
    // Opening a form saves nothing: nothing was typed.
    assert!(keys(&f, &f.officer, &mut app, "m").is_empty());
    assert!(!app.form.as_ref().unwrap().draft.is_dirty());
    // `update` alone: the edit is counted and the whole form is asked to be saved.
    let effects = app::update(&mut app, Msg::Key(key(KeyCode::Char('Ә'))));
    let form = app.form.as_ref().unwrap();
    assert!(form.draft.is_dirty());
    let fields = BTreeMap::from([
        ("case-version".to_string(), "1".to_string()),
        ("text".to_string(), "Ә".to_string()),
    ]);
    assert_eq!(
        effects,
        vec![Effect::SaveDraft {
            key: note_key(&number),
            fields,
            edit: 1,
        }]
    );
    let effects = app::update(&mut app, Msg::Key(key(KeyCode::Char('у'))));
    assert!(
        matches!(&effects[..], [Effect::SaveDraft { edit: 2, fields, .. }] if fields["text"] == "Әу")
    );
    // The save of the first edit leaves the second one dirty; the second one's makes it clean.
    let saved = |edit| Msg::DraftSaved {
        key: note_key(&number),
        edit,
        result: Ok(()),
    };
    // The save changes nothing on screen (so the frame after it sends no byte).
    let before = screen(&app);
    assert!(app::update(&mut app, saved(1)).is_empty());
    assert!(app.form.as_ref().unwrap().draft.is_dirty());
    app::update(&mut app, saved(2));
    assert_eq!(screen(&app), before);
    assert!(app.status.is_none());
    assert!(!app.form.as_ref().unwrap().draft.is_dirty());
    // A key that changes no text (a move) asks for nothing.
    assert!(app::update(&mut app, Msg::Key(key(KeyCode::Left))).is_empty());
    // A failed save is kept with the form, quietly (no status line), and it stays dirty.
    app::update(&mut app, Msg::Key(key(KeyCode::Char('!'))));
    app::update(
        &mut app,
        Msg::DraftSaved {
            key: note_key(&number),
            edit: 3,
            result: Err("disk full".into()),
        },
    );
    let form = app.form.as_ref().unwrap();
    assert!(form.draft.is_dirty());
    assert_eq!(form.draft_error.as_deref(), Some("disk full"));
    assert!(app.status.is_none());
    assert!(flat(&app).contains("The draft could not be saved: disk full"));
    // A paste is an edit too.
    let effects = app::update(&mut app, Msg::Paste("мәтін".into()));
    assert!(matches!(&effects[..], [Effect::SaveDraft { edit: 4, .. }]));
}

#[test]
fn the_draft_is_in_the_database_until_the_save_is_acknowledged() {
    let f = fixture();
    let number = complaint(&f, Addressee::LocalBody, d(2026, 11, 20), Medium::Paper);
    let mut app = console(&f, &f.officer);
    open(&f, &f.officer, &mut app, &number);
    keys(&f, &f.officer, &mut app, "mӨтініш берушіге қоңырау шалынды");
    let api = session(&f, &f.officer);
    let draft = api
        .load_draft(note_key(&number))
        .unwrap()
        .expect("saved as typed");
    assert_eq!(draft.fields["text"], "Өтініш берушіге қоңырау шалынды");
    // Another officer's drafts are their own.
    assert!(session(&f, &f.supervisor).drafts().unwrap().is_empty());
    // A save refused (a conflict) keeps the draft.
    run(
        &f,
        &f.supervisor,
        CaseCommand::AddNote {
            text: "басқа".into(),
        },
        &number,
    );
    let effects = keys(&f, &f.officer, &mut app, "<c-s>");
    assert!(!effects.iter().any(|e| matches!(e, Effect::DeleteDraft(_))));
    assert!(app.form.is_some());
    assert!(api.load_draft(note_key(&number)).unwrap().is_some());
    // Saved (acknowledged): then, and only then, the draft goes.
    app.form.as_mut().unwrap().version = Some(2);
    let effects = keys(&f, &f.officer, &mut app, "<c-s>");
    let execute = effects
        .iter()
        .position(|e| matches!(e, Effect::Execute { .. }))
        .expect("saved");
    let delete = effects
        .iter()
        .position(|e| *e == Effect::DeleteDraft(note_key(&number)))
        .expect("the draft deleted");
    assert!(execute < delete);
    assert!(app.form.is_none());
    assert!(api.drafts().unwrap().is_empty());
}

#[test]
fn cancelling_the_form_deliberately_deletes_its_draft() {
    let f = fixture();
    let number = complaint(&f, Addressee::LocalBody, d(2026, 11, 20), Medium::Paper);
    let mut app = console(&f, &f.officer);
    open(&f, &f.officer, &mut app, &number);
    keys(&f, &f.officer, &mut app, "mЖазба");
    let api = session(&f, &f.officer);
    // Esc asks; "no" keeps the form and its draft.
    let effects = keys(&f, &f.officer, &mut app, "<esc>n");
    assert!(effects.is_empty());
    assert!(api.load_draft(note_key(&number)).unwrap().is_some());
    let effects = keys(&f, &f.officer, &mut app, "<esc>y");
    assert_eq!(effects, vec![Effect::DeleteDraft(note_key(&number))]);
    assert!(app.form.is_none());
    assert!(api.drafts().unwrap().is_empty());
}

#[test]
fn drafts_are_offered_at_start_and_reopen_with_their_text() {
    let f = fixture();
    let number = complaint(&f, Addressee::LocalBody, d(2026, 11, 20), Medium::Paper);
    let mut app = console(&f, &f.officer);
    open(&f, &f.officer, &mut app, &number);
    keys(
        &f,
        &f.officer,
        &mut app,
        "e<tab>3<tab>Қосымша тексеру<enter>Дополнительная проверка",
    );
    // The link drops: the console is gone with the form open.
    drop(app);

    let mut app = console(&f, &f.officer);
    run_effects(&f, &f.officer, &mut app, vec![Effect::LoadDrafts]);
    assert_eq!(app.mode(), merzim::keymap::Mode::Confirm);
    let line = bottom(&app);
    assert!(
        line.starts_with(&format!("Draft \"Extend the term\" of {number} from ")),
        "{line}"
    );
    assert!(line.contains("reopen it? [y yes, n no]"), "{line}");
    // In the reader's language.
    app.lang = Lang::Kk;
    assert!(
        bottom(&app).contains("«Мерзімді ұзарту» жобасы"),
        "{}",
        bottom(&app)
    );
    app.lang = Lang::Ru;
    assert!(
        bottom(&app).contains("Черновик «Продление срока» по делу"),
        "{}",
        bottom(&app)
    );
    app.lang = Lang::En;
    // Other keys wait for the answer.
    keys(&f, &f.officer, &mut app, "j");
    assert!(app::drafts::offered(&app).is_some());
    // Yes: the form opens on the case, with the text as typed.
    keys(&f, &f.officer, &mut app, "y");
    assert_eq!(app.screen, Screen::Case);
    let form = app.form.as_ref().expect("the draft's form");
    assert_eq!(form.kind, FormKind::Extend);
    assert_eq!(form.number.as_deref(), Some(number.as_str()));
    assert_eq!(form.value(FieldId::Days), "3");
    assert_eq!(
        form.value(FieldId::Reason),
        "Қосымша тексеру\nДополнительная проверка"
    );
    assert!(form.draft_note.is_none(), "the case did not change");
    assert_eq!(
        status(&app),
        "The draft is reopened: check the fields and save."
    );
    assert!(
        flat(&app).contains("New due date: 2026-12-02"),
        "{}",
        flat(&app)
    );
    // Saving it deletes the draft.
    keys(&f, &f.officer, &mut app, "<c-s>");
    assert!(app.form.is_none());
    assert!(session(&f, &f.officer).drafts().unwrap().is_empty());
}

#[test]
fn a_draft_declined_stays_and_a_registration_reopens_without_a_case() {
    let f = fixture();
    let number = complaint(&f, Addressee::LocalBody, d(2026, 11, 20), Medium::Paper);
    let mut app = console(&f, &f.officer);
    // A note on the case, then a registration, both left open.
    open(&f, &f.officer, &mut app, &number);
    keys(&f, &f.officer, &mut app, "mТелефон арқылы");
    app.form = None;
    keys(&f, &f.officer, &mut app, "<esc>n<tab>Мәдина Әбдіқызы");
    assert_eq!(app.form.as_ref().unwrap().kind, FormKind::Register);
    drop(app);

    let mut app = console(&f, &f.officer);
    run_effects(&f, &f.officer, &mut app, vec![Effect::LoadDrafts]);
    // Oldest first: the note, declined (kept for the next start).
    assert!(
        bottom(&app).starts_with("Draft \"Note\""),
        "{}",
        bottom(&app)
    );
    keys(&f, &f.officer, &mut app, "n");
    assert!(
        bottom(&app).starts_with("Draft \"New case\" from "),
        "{}",
        bottom(&app)
    );
    keys(&f, &f.officer, &mut app, "y");
    let form = app.form.as_ref().expect("the registration");
    assert_eq!(form.kind, FormKind::Register);
    assert_eq!(form.value(FieldId::Name), "Мәдина Әбдіқызы");
    assert!(app::drafts::offered(&app).is_none());
    // Both drafts are still there: neither form was saved or thrown away.
    assert_eq!(session(&f, &f.officer).drafts().unwrap().len(), 2);
}

#[test]
fn a_draft_of_a_case_changed_since_says_so() {
    let f = fixture();
    let number = complaint(&f, Addressee::LocalBody, d(2026, 11, 20), Medium::Paper);
    let mut app = console(&f, &f.officer);
    open(&f, &f.officer, &mut app, &number);
    keys(&f, &f.officer, &mut app, "mҚоңырау");
    drop(app);
    run(
        &f,
        &f.supervisor,
        CaseCommand::AddNote {
            text: "басқа".into(),
        },
        &number,
    );
    let mut app = console(&f, &f.officer);
    run_effects(&f, &f.officer, &mut app, vec![Effect::LoadDrafts]);
    keys(&f, &f.officer, &mut app, "y");
    let form = app.form.as_ref().expect("the note form");
    assert_eq!(form.value(FieldId::Text), "Қоңырау");
    assert_eq!(form.version, Some(2), "based on the case now shown");
    assert!(
        flat(&app).contains("The case changed after this draft was typed (version 1, now 2)"),
        "{}",
        flat(&app)
    );
}

/// API level: what a form holds goes through the session and back into a new form whole.
#[test]
fn a_forms_fields_round_trip_through_the_api() {
    let f = fixture();
    let api = session(&f, &f.officer);
    let mut app = console(&f, &f.officer);
    keys(
        &f,
        &f.officer,
        &mut app,
        "n<right><tab>Жанар<tab><tab>+7 777<tab><right>",
    );
    let form = app.form.as_ref().unwrap();
    let (key, fields) = (form.draft_key(), form.draft_fields());
    assert_eq!(
        key,
        DraftKey {
            form: "register".into(),
            case: None
        }
    );
    api.save_draft(key.clone(), fields.clone()).unwrap();
    let back = api.drafts().unwrap();
    assert_eq!(back.len(), 1);
    assert_eq!(back[0].fields, fields);
    let mut again = merzim::app::Form::register(today());
    again.fill_from_draft(&back[0].fields);
    assert_eq!(again.draft_fields(), fields);
    assert_eq!(
        again.value(FieldId::CaseKind),
        form.value(FieldId::CaseKind)
    );
    assert_eq!(again.value(FieldId::Name), "Жанар");
    assert!(api.delete_draft(key.clone()).unwrap());
    assert!(api.load_draft(key).unwrap().is_none());
}

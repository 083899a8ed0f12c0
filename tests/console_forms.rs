//! The officer's actions in the console, driven by key strings through the shipped keymap on a
//! temporary database with the real service and the console's own effect runner: (state, keys,
//! expected state and history) for every form, each refusal (with its article), a conflict,
//! pasting, Cyrillic letters in fields, and the confirmations.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use merzim::app::{self, Ask, Effect, FieldId, FormKind, Msg, Screen};
use merzim::domain::case::{EventKind, Matter, Outcome, Status};
use merzim::domain::deadline::NoticeKind;
use merzim::domain::ids::with_check_digit;
use merzim::domain::vocabulary::{Addressee, Channel, Form, Ground, Medium};
use merzim::i18n::Lang;
use merzim::service::CaseCommand;

/// Monday 23 November 2026.
mod common;

use common::desk::*;

#[test]
fn extend_shows_the_new_due_date_the_cap_and_the_notice_then_saves() {
    let f = fixture();
    // Fri 20 Nov 2026, to a local body: 5 working days, due Fri 27 Nov (Art. 25.2).
    let number = complaint(&f, Addressee::LocalBody, d(2026, 11, 20), Medium::Paper);
    let mut app = console(&f, &f.officer);
    open(&f, &f.officer, &mut app, &number);
    assert!(flat(&app).contains("extend"), "{}", screen(&app));
    keys(&f, &f.officer, &mut app, "e");
    let form = app.form.as_ref().expect("the extension form");
    assert_eq!(form.kind, FormKind::Extend);
    assert_eq!(form.version, Some(1));
    // Ground (a choice), days, reason; Cyrillic letters type into the reason.
    keys(
        &f,
        &f.officer,
        &mut app,
        "<right><tab>5<enter>Қосымша тексеру қажет",
    );
    let form = app.form.as_ref().unwrap();
    assert_eq!(form.value(FieldId::Ground), "information");
    assert_eq!(form.value(FieldId::Days), "5");
    assert_eq!(form.value(FieldId::Reason), "Қосымша тексеру қажет");
    let shown = flat(&app);
    // 27 Nov + 5 working days = Fri 4 Dec; the notice within 3 working days of 23 Nov, in
    // writing (filed on paper); 5 of the 10 days left (Art. 25.4).
    assert!(
        shown.contains("New due date: 2026-12-04 (now 2026-11-27)"),
        "{shown}"
    );
    assert!(
        shown.contains("Extended 5 of 10 working days; 5 left"),
        "{shown}"
    );
    assert!(
        shown.contains("Extension notice owed by 2026-11-26, form: In writing"),
        "{shown}"
    );
    // Save: one command, with the version the officer saw.
    let effects = keys(&f, &f.officer, &mut app, "<c-s>");
    assert!(effects.contains(&Effect::Execute {
        number: Some(number.clone()),
        expected_version: Some(1),
        command: CaseCommand::Extend {
            date: today(),
            days: 5,
            ground: Ground::Information,
            reason: "Қосымша тексеру қажет".into(),
        },
    }));
    assert!(app.form.is_none());
    assert!(
        status(&app).starts_with("Extend the term: saved"),
        "{}",
        status(&app)
    );
    let v = view(&f, &number);
    assert_eq!(v.case.status, Status::Extended);
    assert_eq!(v.deadlines.unwrap().due, Some(d(2026, 12, 4)));
    assert_eq!(v.case.events.last().unwrap().by.login, "aigerim");
}

#[test]
fn an_extension_over_the_cap_cannot_be_saved_and_names_its_article() {
    let f = fixture();
    let number = complaint(&f, Addressee::LocalBody, d(2026, 11, 20), Medium::Paper);
    let mut app = console(&f, &f.officer);
    open(&f, &f.officer, &mut app, &number);
    keys(&f, &f.officer, &mut app, "e<tab>11<tab>проверка на месте");
    let shown = flat(&app);
    assert!(
        shown.contains("Art. 25.4") && shown.contains("over the cap of 10"),
        "{shown}"
    );
    let effects = keys(&f, &f.officer, &mut app, "<c-s>");
    assert_eq!(executes(&effects), 0);
    let form = app.form.as_ref().expect("the form stays");
    assert_eq!(form.value(FieldId::Reason), "проверка на месте");
    assert_eq!(events(&f, &number).len(), 1);
    // Zero days is refused too; a number that is not one says so at the field.
    keys(&f, &f.officer, &mut app, "<s-tab><bs><bs>x<c-s>");
    let shown = flat(&app);
    assert!(
        shown.contains("'x' is not a number of working days"),
        "{shown}"
    );
    assert_eq!(
        app.form.as_ref().unwrap().focus,
        1,
        "the focus goes to the field"
    );
}

#[test]
fn an_extension_after_the_due_date_is_refused() {
    let f = fixture();
    // Registered Tue 10 Nov: due Tue 17 Nov; today is the 23rd.
    let number = complaint(&f, Addressee::LocalBody, d(2026, 11, 10), Medium::Paper);
    let mut app = console(&f, &f.officer);
    open(&f, &f.officer, &mut app, &number);
    keys(&f, &f.officer, &mut app, "e<tab>3<tab>late");
    let shown = flat(&app);
    assert!(
        shown.contains("comes after the due date 2026-11-17"),
        "{shown}"
    );
    let effects = keys(&f, &f.officer, &mut app, "<c-s>");
    assert_eq!(executes(&effects), 0);
    // The answer is late now: recorded all the same, and the form says how late.
    keys(&f, &f.officer, &mut app, "<esc>y");
    keys(&f, &f.officer, &mut app, "a");
    let shown = flat(&app);
    assert!(
        shown.contains("owed by 2026-11-17") && shown.contains("late by 4 working days"),
        "{shown}"
    );
    keys(&f, &f.officer, &mut app, "<c-s>");
    assert!(app.form.is_none());
    let answer = view(&f, &number).deadlines.unwrap().answered().unwrap();
    assert!(answer.late && answer.late_days == 4, "{answer:?}");
}

#[test]
fn a_service_provider_may_not_extend_and_is_never_offered_it() {
    let f = fixture();
    let number = complaint(
        &f,
        Addressee::ServiceProvider,
        d(2026, 11, 20),
        Medium::Paper,
    );
    let mut app = console(&f, &f.officer);
    open(&f, &f.officer, &mut app, &number);
    let bottom = screen(&app).lines().last().unwrap().to_string();
    assert!(!bottom.contains("extend"), "{bottom}");
    keys(&f, &f.officer, &mut app, "e");
    assert!(app.form.is_none());
    let s = status(&app);
    assert!(
        s.contains("Art. 25.4") && s.contains("cannot be extended"),
        "{s}"
    );
}

#[test]
fn a_conflict_shows_what_changed_keeps_the_text_and_saves_on_the_new_version() {
    let f = fixture();
    let number = complaint(&f, Addressee::LocalBody, d(2026, 11, 20), Medium::Paper);
    let mut app = console(&f, &f.officer);
    open(&f, &f.officer, &mut app, &number);
    keys(&f, &f.officer, &mut app, "e<tab>3<tab>Тексеру");
    assert_eq!(app.form.as_ref().unwrap().version, Some(1));
    // Someone else extends the case and adds a note meanwhile.
    run(
        &f,
        &f.supervisor,
        CaseCommand::Extend {
            date: today(),
            days: 2,
            ground: Ground::Verification,
            reason: "Жерге шығу".into(),
        },
        &number,
    );
    run(
        &f,
        &f.supervisor,
        CaseCommand::AddNote {
            text: "басқа".into(),
        },
        &number,
    );
    let effects = keys(&f, &f.officer, &mut app, "<c-s>");
    // The service refused it; the case was fetched again to say what changed.
    assert_eq!(executes(&effects), 1);
    assert!(effects.contains(&Effect::LoadCase(number.clone())));
    let form = app.form.as_ref().expect("the form stays");
    assert!(!form.saving);
    assert_eq!(form.value(FieldId::Reason), "Тексеру");
    assert_eq!(form.value(FieldId::Days), "3");
    let conflict = form.conflict.as_ref().expect("a conflict");
    assert_eq!((conflict.expected, conflict.current), (1, 3));
    assert_eq!(conflict.changes.as_ref().map(Vec::len), Some(2));
    // The form is now based on the version whose changes it shows.
    assert_eq!(form.version, Some(3));
    let shown = flat(&app);
    assert!(
        shown.contains("The case was changed while this form was open (version 1 → 3)"),
        "{shown}"
    );
    assert!(
        shown.contains("boss extended it by 2 working days at"),
        "{shown}"
    );
    assert!(shown.contains("boss added a note at"), "{shown}");
    assert!(shown.contains("'басқа'"), "{shown}");
    assert!(
        shown.contains("Your text is kept.") && shown.contains("saves it on version 3"),
        "{shown}"
    );
    // What saving does now is computed on the case as it is: 2 + 3 of the 10 days.
    assert!(
        shown.contains("Extended 5 of 10 working days; 5 left"),
        "{shown}"
    );
    assert_eq!(events(&f, &number).len(), 3, "no extension recorded");
    // In Russian and Kazakh too.
    for (lang, words) in [
        (Lang::Ru, "продлил(а) срок на 2 рабочих дня"),
        (Lang::Kk, "2 жұмыс күніне ұзартты"),
    ] {
        app.lang = lang;
        let shown = flat(&app);
        assert!(shown.contains(words), "{shown}");
    }
    app.lang = Lang::En;
    // Saved again after reading: on the new version, after the other officer's change.
    let effects = keys(&f, &f.officer, &mut app, "<c-s>");
    assert!(effects.contains(&Effect::Execute {
        number: Some(number.clone()),
        expected_version: Some(3),
        command: CaseCommand::Extend {
            date: today(),
            days: 3,
            ground: Ground::Verification,
            reason: "Тексеру".into(),
        },
    }));
    assert!(
        app.form.is_none(),
        "{:?}",
        app.form.as_ref().map(|f| &f.error)
    );
    let history = view(&f, &number).case.events;
    let who: Vec<(&str, &str)> = history
        .iter()
        .map(|e| (e.by.login.as_str(), e.what.name()))
        .collect();
    assert_eq!(
        who,
        [
            ("boss", "registered"),
            ("boss", "extended"),
            ("boss", "note-added"),
            ("aigerim", "extended"),
        ]
    );
    assert_eq!(history.last().unwrap().version, 4);
    assert_eq!(
        view(&f, &number).deadlines.unwrap().extended_days,
        5,
        "both extensions count"
    );
}

#[test]
fn a_conflict_can_be_cancelled_and_nothing_is_saved() {
    let f = fixture();
    let number = complaint(&f, Addressee::LocalBody, d(2026, 11, 20), Medium::Paper);
    let mut app = console(&f, &f.officer);
    open(&f, &f.officer, &mut app, &number);
    keys(&f, &f.officer, &mut app, "mМенің жазбам");
    run(
        &f,
        &f.supervisor,
        CaseCommand::Decide {
            outcome: Outcome::Satisfied,
            date: today(),
            ground: None,
        },
        &number,
    );
    keys(&f, &f.officer, &mut app, "<c-s>");
    let shown = flat(&app);
    assert!(shown.contains("boss decided it (Satisfied) at"), "{shown}");
    // Esc asks before throwing the text away; yes closes the form, nothing more is recorded.
    keys(&f, &f.officer, &mut app, "<esc>");
    assert_eq!(app.form.as_ref().unwrap().ask, Some(Ask::Discard));
    keys(&f, &f.officer, &mut app, "y");
    assert!(app.form.is_none());
    assert_eq!(events(&f, &number).len(), 2);
    // The case view behind was fetched again too: it shows the decision.
    assert!(app.case.as_ref().unwrap().view.case.decision.is_some());
}

#[test]
fn errors_of_the_service_are_shown_at_their_field_or_with_their_article() {
    use merzim::domain::message::Message;
    use merzim::service::ApiError;
    let f = fixture();
    let number = complaint(&f, Addressee::LocalBody, d(2026, 11, 20), Medium::Paper);
    // A supervisor gives the case to a login no user has: said under the login.
    let mut boss = console(&f, &f.supervisor);
    open(&f, &f.supervisor, &mut boss, &number);
    keys(&f, &f.supervisor, &mut boss, "Anobody<c-s>");
    let form = boss.form.as_ref().expect("the form stays");
    assert_eq!(form.error, None, "not at form level");
    let login = form.field(FieldId::Login).unwrap();
    assert_eq!(
        login.error.as_ref().map(|m| m.key.as_ref()),
        Some("service-unknown-login")
    );
    let screen_text = screen(&boss);
    let row = screen_text
        .lines()
        .position(|l| l.contains("nobody"))
        .expect("the login's row");
    assert!(
        screen_text
            .lines()
            .nth(row + 1)
            .unwrap()
            .contains("no user has the login 'nobody'"),
        "under the field:\n{screen_text}"
    );
    // The service's answer as the app receives it: the field it names gets it, and the focus.
    let mut app = console(&f, &f.officer);
    open(&f, &f.officer, &mut app, &number);
    keys(&f, &f.officer, &mut app, "d");
    let effects = app::update(
        &mut app,
        Msg::Key(KeyEvent::new(KeyCode::Char('s'), KeyModifiers::CONTROL)),
    );
    assert!(effects.is_empty(), "asked first");
    let effects = app::update(&mut app, Msg::Key(key(KeyCode::Char('y'))));
    assert_eq!(executes(&effects), 1);
    app::update(
        &mut app,
        Msg::Executed(Err(ApiError::Invalid {
            field: "decision-date".into(),
            message: Message::new("form-error-empty"),
        })),
    );
    let form = app.form.as_ref().unwrap();
    let date = form
        .fields
        .iter()
        .position(|f| f.id == FieldId::Date)
        .unwrap();
    assert_eq!(form.focus, date);
    assert_eq!(
        form.fields[date].error,
        Some(Message::new("form-error-empty"))
    );
    assert_eq!(form.error, None);
    // A refusal by law is said at form level, citing its article.
    app::update(
        &mut app,
        Msg::Key(KeyEvent::new(KeyCode::Char('s'), KeyModifiers::CONTROL)),
    );
    app::update(&mut app, Msg::Key(key(KeyCode::Char('y'))));
    app::update(
        &mut app,
        Msg::Executed(Err(ApiError::Refused {
            article: "Art. 19-1.1".into(),
            message: Message::new("plain-text").text("text", "not now"),
        })),
    );
    let shown = flat(&app);
    assert!(
        shown.contains("Cannot be saved (Art. 19-1.1): not now"),
        "{shown}"
    );
    app.lang = Lang::Ru;
    assert!(
        flat(&app).contains("Сохранить нельзя (ст. 19-1.1): not now"),
        "{}",
        flat(&app)
    );
}

#[test]
fn a_notice_in_the_wrong_form_is_asked_about_then_recorded() {
    let f = fixture();
    let number = complaint(&f, Addressee::LocalBody, d(2026, 11, 20), Medium::Paper);
    run(
        &f,
        &f.supervisor,
        CaseCommand::Extend {
            date: today(),
            days: 3,
            ground: Ground::Verification,
            reason: "тексеру".into(),
        },
        &number,
    );
    let mut app = console(&f, &f.officer);
    open(&f, &f.officer, &mut app, &number);
    keys(&f, &f.officer, &mut app, "n");
    let form = app.form.as_ref().expect("the notice form");
    assert_eq!(form.value(FieldId::Date), "2026-11-23");
    assert_eq!(form.value(FieldId::NoticeForm), "written");
    // Electronic, although filed on paper: a warning, asked before saving.
    keys(
        &f,
        &f.officer,
        &mut app,
        "<tab><tab><right><tab>№ 01-12/345",
    );
    assert!(
        flat(&app)
            .contains("The law asks for the notice 'In writing'; this one is 'Electronically'")
    );
    let shown = flat(&app);
    assert!(
        shown.contains("owed by 2026-11-26") && shown.contains("it is on time"),
        "{shown}"
    );
    let effects = keys(&f, &f.officer, &mut app, "<c-s>");
    assert_eq!(executes(&effects), 0);
    assert!(matches!(app.form.as_ref().unwrap().ask, Some(Ask::Save(_))));
    assert!(flat(&app).contains("Save anyway?"));
    let effects = keys(&f, &f.officer, &mut app, "y");
    assert_eq!(executes(&effects), 1);
    assert!(app.form.is_none());
    assert_eq!(
        events(&f, &number).last(),
        Some(&EventKind::NoticeSent {
            kind: NoticeKind::ExtensionNotice,
            sent: today(),
            form: Form::Electronic,
            reference: "№ 01-12/345".into(),
        })
    );
}

#[test]
fn answer_decide_close_and_reopen_with_confirmations() {
    let f = fixture();
    let number = complaint(
        &f,
        Addressee::LocalBody,
        d(2026, 11, 20),
        Medium::Electronic,
    );
    let mut app = console(&f, &f.officer);
    open(&f, &f.officer, &mut app, &number);
    // No extension: no notice is owed, and the key says so.
    keys(&f, &f.officer, &mut app, "n");
    assert!(app.form.is_none());
    assert!(status(&app).contains("No extension was recorded"));
    keys(&f, &f.officer, &mut app, "a<tab><tab>ШЫҒ-77<c-s>");
    assert!(
        app.form.is_none(),
        "{:?}",
        app.form.as_ref().map(|f| &f.error)
    );
    assert!(matches!(
        events(&f, &number).last(),
        Some(EventKind::AnswerSent { form: Form::Electronic, reference, .. }) if reference == "ШЫҒ-77"
    ));
    // Decide: asked first, saying exactly what will happen; "n" goes back to the form.
    keys(&f, &f.officer, &mut app, "d<right><c-s>");
    let shown = flat(&app);
    assert!(
        shown.contains(&format!(
            "Decide {number} as 'Partly satisfied'? A decision cannot be changed."
        )),
        "{shown}"
    );
    keys(&f, &f.officer, &mut app, "n");
    assert!(app.form.as_ref().is_some_and(|f| f.ask.is_none()));
    keys(&f, &f.officer, &mut app, "<c-s>y");
    assert!(app.form.is_none());
    assert!(matches!(
        events(&f, &number).last(),
        Some(EventKind::Decided {
            outcome: Outcome::Partly,
            ..
        })
    ));
    // Close, with its question.
    keys(&f, &f.officer, &mut app, "x<c-s>");
    let shown = flat(&app);
    assert!(
        shown.contains(&format!(
            "Close {number} on 2026-11-23? It leaves the open queue; reopening needs a reason."
        )),
        "{shown}"
    );
    keys(&f, &f.officer, &mut app, "y");
    assert_eq!(view(&f, &number).case.status, Status::Closed);
    // Closed: no decision any more, but a reopening (with a reason).
    keys(&f, &f.officer, &mut app, "x");
    assert!(app.form.is_none());
    assert!(status(&app).contains("The case is closed"));
    keys(&f, &f.officer, &mut app, "R<tab><c-s>");
    assert!(flat(&app).contains("fill this in"));
    keys(&f, &f.officer, &mut app, "Өтініш беруші қайта жүгінді<c-s>");
    assert!(app.form.is_none());
    assert!(matches!(
        events(&f, &number).last(),
        Some(EventKind::Reopened { reason, .. }) if reason == "Өтініш беруші қайта жүгінді"
    ));
}

#[test]
fn take_give_back_and_assign_by_role() {
    let f = fixture();
    let number = complaint(&f, Addressee::LocalBody, d(2026, 11, 20), Medium::Paper);
    let mut app = console(&f, &f.officer);
    open(&f, &f.officer, &mut app, &number);
    keys(&f, &f.officer, &mut app, "t");
    assert_eq!(view(&f, &number).case.assignee.as_deref(), Some("aigerim"));
    keys(&f, &f.officer, &mut app, "t");
    assert_eq!(view(&f, &number).case.assignee, None);
    // An officer does not give a case to someone else.
    keys(&f, &f.officer, &mut app, "A");
    assert!(app.form.is_none());
    assert!(status(&app).contains("Only a supervisor"));
    // From the queue row too.
    keys(&f, &f.officer, &mut app, "<esc>t");
    assert_eq!(view(&f, &number).case.assignee.as_deref(), Some("aigerim"));
    // A supervisor gives it to anyone.
    let mut boss = console(&f, &f.supervisor);
    open(&f, &f.supervisor, &mut boss, &number);
    keys(&f, &f.supervisor, &mut boss, "A");
    keys(
        &f,
        &f.supervisor,
        &mut boss,
        "<bs><bs><bs><bs><bs><bs><bs>boss<c-s>",
    );
    assert!(
        boss.form.is_none(),
        "{:?}",
        boss.form.as_ref().map(|f| &f.error)
    );
    assert_eq!(view(&f, &number).case.assignee.as_deref(), Some("boss"));
    // Issue 9: an officer sees own and unassigned cases only. The case is boss's now: opening
    // it is refused with the reason, and the reloaded queue no longer lists it.
    keys(&f, &f.officer, &mut app, &format!(":open {number}<enter>"));
    assert_ne!(app.screen, Screen::Case);
    assert!(app.status.as_ref().unwrap().error);
    assert!(
        status(&app).contains("assigned to 'boss'"),
        "{}",
        status(&app)
    );
    keys(&f, &f.officer, &mut app, "<esc>r");
    assert!(
        app.queue.loaded_rows().all(|r| r.number != number),
        "an officer's queue lists boss's case"
    );
    // The supervisor and an auditor see it.
    let mut auditor = console(&f, &f.auditor);
    open(&f, &f.auditor, &mut auditor, &number);
    assert_eq!(
        auditor.case.as_ref().unwrap().view.case.assignee.as_deref(),
        Some("boss")
    );
}

#[test]
fn an_auditor_changes_nothing() {
    let f = fixture();
    let number = complaint(&f, Addressee::LocalBody, d(2026, 11, 20), Medium::Paper);
    let mut app = console(&f, &f.auditor);
    keys(&f, &f.auditor, &mut app, "n");
    assert!(app.form.is_none());
    assert!(status(&app).contains("An auditor reads every case and changes none"));
    open(&f, &f.auditor, &mut app, &number);
    for k in ["e", "a", "d", "x", "m", "t"] {
        keys(&f, &f.auditor, &mut app, k);
        assert!(app.form.is_none(), "{k}");
        assert!(status(&app).contains("An auditor"), "{k}");
    }
    let bottom = screen(&app).lines().last().unwrap().to_string();
    assert!(
        !bottom.contains("extend") && !bottom.contains("decide"),
        "{bottom}"
    );
    assert_eq!(events(&f, &number).len(), 1);
}

#[test]
fn register_a_complaint_with_live_deadlines_and_its_external_number() {
    let f = fixture();
    let mut app = console(&f, &f.officer);
    keys(&f, &f.officer, &mut app, "n");
    assert_eq!(app.form.as_ref().unwrap().kind, FormKind::Register);
    // Kind: complaint (as is); applicant in Kazakh; an IIN with a wrong check digit first.
    keys(
        &f,
        &f.officer,
        &mut app,
        "<tab>Әлия Серікқызы<tab>870412300000",
    );
    assert!(flat(&app).contains("the check digit does not match"));
    let good = iin_text(3);
    keys(
        &f,
        &f.officer,
        &mut app,
        &format!("{}{good}", "<bs>".repeat(12)),
    );
    assert!(flat(&app).contains("a valid IIN"));
    // Contact, filed (paper), addressee (local body), registration date (today).
    keys(
        &f,
        &f.officer,
        &mut app,
        "<tab>Алматы, +7 701 111 22 33<tab><tab><tab><tab>Жалоба на задержку справки<tab>",
    );
    // The text is pasted: one event, line breaks kept, an escape sequence dropped.
    send(
        &f,
        &f.officer,
        &mut app,
        Msg::Paste("Мен анықтама алмадым.\r\nЯ не получил справку.\u{1b}[2J".into()),
    );
    keys(&f, &f.officer, &mut app, "<tab>ЕСЭДО-2026-555");
    let shown = flat(&app);
    // Registered Mon 23 Nov to a local body: due Mon 30 Nov (Art. 25.2).
    assert!(shown.contains("Due date: 2026-11-30"), "{shown}");
    let effects = keys(&f, &f.officer, &mut app, "<c-s>");
    assert_eq!(executes(&effects), 2, "the registration and its first note");
    assert!(app.form.is_none());
    let s = status(&app);
    assert!(s.starts_with("Registered as KZ-2026-"), "{s}");
    assert!(s.contains("ЕСЭДО-2026-555"), "{s}");
    let number = app.case.as_ref().unwrap().view.case.number.clone();
    assert_eq!(app.screen, Screen::Case);
    let v = view(&f, &number);
    assert_eq!(
        v.case.text,
        "Мен анықтама алмадым.\nЯ не получил справку.[2J"
    );
    assert_eq!(v.case.subject, "Жалоба на задержку справки");
    assert_eq!(v.case.applicant.id.as_str(), good);
    assert!(matches!(
        &v.case.events[1].what,
        EventKind::NoteAdded { text } if text.ends_with(": ЕСЭДО-2026-555")
    ));
}

#[test]
fn register_an_application_picked_from_the_register_by_its_russian_name() {
    let f = fixture();
    let mut app = console(&f, &f.officer);
    keys(&f, &f.officer, &mut app, "n<right>");
    let form = app.form.as_ref().unwrap();
    assert!(!form.shows(FieldId::Addressee) && form.shows(FieldId::Service));
    keys(
        &f,
        &f.officer,
        &mut app,
        &format!("<tab>ТОО Береке<tab>{}<tab><tab><tab>", bin()),
    );
    assert!(flat(&app).contains("a valid BIN"), "{}", screen(&app));
    let service = f.service.reference().services.get("S-001").unwrap().clone();
    let part: String = service.name.ru.chars().take(12).collect();
    keys(&f, &f.officer, &mut app, &part);
    assert!(flat(&app).contains("S-001"), "{}", screen(&app));
    // Channel: the State Corporation (second in the list).
    keys(
        &f,
        &f.officer,
        &mut app,
        "<tab><right><tab><tab>Заявление<tab>Прошу",
    );
    let effects = keys(&f, &f.officer, &mut app, "<c-s>");
    assert_eq!(
        executes(&effects),
        1,
        "{:?}",
        app.form.as_ref().map(|f| &f.error)
    );
    let number = app.case.as_ref().unwrap().view.case.number.clone();
    let v = view(&f, &number);
    assert!(matches!(
        v.case.matter,
        Matter::Application { channel: Channel::StateCorporation, service: Some(ref s), .. } if s == "S-001"
    ));
}

fn bin() -> String {
    // A BIN: registered in April 2008 (0804), a legal entity (4), then a serial and a check
    // digit.
    let mut n = [0, 8, 0, 4, 4, 0, 0, 0, 0, 0, 1];
    for bump in 0..10u8 {
        n[9] = bump;
        if let Some(s) = with_check_digit(&n)
            && merzim::domain::ids::Bin::parse(&s).is_ok()
        {
            return s;
        }
    }
    panic!("no BIN");
}

#[test]
fn esc_asks_before_throwing_text_away_and_letters_stay_text() {
    let f = fixture();
    let number = complaint(&f, Addressee::LocalBody, d(2026, 11, 20), Medium::Paper);
    let mut app = console(&f, &f.officer);
    open(&f, &f.officer, &mut app, &number);
    // Nothing typed: Esc closes at once.
    keys(&f, &f.officer, &mut app, "m<esc>");
    assert!(app.form.is_none());
    // In a field, `q`, `й` (q in the Russian layout), `о` (j) and `?` are text.
    keys(&f, &f.officer, &mut app, "mqйо?L");
    assert_eq!(app.form.as_ref().unwrap().value(FieldId::Text), "qйо?L");
    keys(&f, &f.officer, &mut app, "<esc>");
    assert_eq!(app.form.as_ref().unwrap().ask, Some(Ask::Discard));
    assert!(flat(&app).contains("Throw away what you typed?"));
    keys(&f, &f.officer, &mut app, "n");
    assert_eq!(app.form.as_ref().unwrap().value(FieldId::Text), "qйо?L");
    // Enter in a multi-line field is a new line.
    keys(&f, &f.officer, &mut app, "<enter>екінші");
    assert_eq!(
        app.form.as_ref().unwrap().value(FieldId::Text),
        "qйо?L\nекінші"
    );
    keys(&f, &f.officer, &mut app, "<esc>y");
    assert!(app.form.is_none());
    assert_eq!(app.screen, Screen::Case);
    assert_eq!(events(&f, &number).len(), 1);
}

#[test]
fn note_set_due_refusal_at_intake_and_link() {
    let f = fixture();
    let superior = complaint(&f, Addressee::SuperiorBody, d(2026, 11, 20), Medium::Paper);
    let local = complaint(&f, Addressee::LocalBody, d(2026, 11, 20), Medium::Paper);
    let app_no = application(&f, Channel::Portal);
    let mut app = console(&f, &f.officer);
    open(&f, &f.officer, &mut app, &local);
    // The law sets a local body's term: no due date by hand.
    keys(&f, &f.officer, &mut app, "D");
    assert!(app.form.is_none());
    assert!(status(&app).contains("Art. 25.1"));
    // Refusal at intake is for applications only.
    keys(&f, &f.officer, &mut app, "X");
    assert!(app.form.is_none());
    keys(&f, &f.officer, &mut app, "mБірінші жазба<c-s>");
    assert!(
        matches!(events(&f, &local).last(), Some(EventKind::NoteAdded { text }) if text == "Бірінші жазба")
    );
    keys(&f, &f.officer, &mut app, &format!("l{superior}<c-s>"));
    assert!(
        app.form.is_none(),
        "{:?}",
        app.form.as_ref().map(|f| &f.error)
    );
    assert!(
        matches!(events(&f, &local).last(), Some(EventKind::Linked { number, .. }) if *number == superior)
    );
    // A link to a case that does not exist: the service says so at the number, the form stays.
    keys(&f, &f.officer, &mut app, "lKZ-2026-999999<c-s>");
    let field = app.form.as_ref().unwrap().field(FieldId::Number).unwrap();
    assert_eq!(
        field.error.as_ref().map(|m| m.key.as_ref()),
        Some("service-not-found")
    );
    assert!(flat(&app).contains("no case has the number 'KZ-2026-999999'"));
    assert_eq!(app.form.as_ref().unwrap().error, None);
    assert_eq!(app.form.as_ref().unwrap().focus, 0);
    keys(&f, &f.officer, &mut app, "<esc>y<esc>");

    open(&f, &f.officer, &mut app, &superior);
    keys(&f, &f.officer, &mut app, "D2026-11-20<c-s>");
    assert!(flat(&app).contains("is not after the registration date"));
    keys(
        &f,
        &f.officer,
        &mut app,
        &format!("{}2026-12-11<c-s>", "<bs>".repeat(10)),
    );
    assert!(app.form.is_none());
    assert_eq!(
        view(&f, &superior).deadlines.unwrap().due,
        Some(d(2026, 12, 11))
    );

    keys(&f, &f.officer, &mut app, "<esc>");
    open(&f, &f.officer, &mut app, &app_no);
    keys(&f, &f.officer, &mut app, "X<tab>Құжаттар толық емес<c-s>");
    assert!(flat(&app).contains("at intake"), "{}", screen(&app));
    keys(&f, &f.officer, &mut app, "y");
    assert_eq!(view(&f, &app_no).case.status, Status::RefusedAtIntake);
}

#[test]
fn a_letter_is_written_to_the_file_named() {
    let f = fixture();
    let number = complaint(&f, Addressee::LocalBody, d(2026, 11, 20), Medium::Paper);
    run(
        &f,
        &f.supervisor,
        CaseCommand::Extend {
            date: today(),
            days: 3,
            ground: Ground::Verification,
            reason: "тексеру".into(),
        },
        &number,
    );
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("хабарлама.txt");
    let mut app = console(&f, &f.officer);
    open(&f, &f.officer, &mut app, &number);
    keys(&f, &f.officer, &mut app, "W");
    let form = app.form.as_ref().unwrap();
    assert_eq!(form.value(FieldId::LetterKind), "extension-notice");
    assert_eq!(
        form.value(FieldId::File),
        format!("{number}-extension-notice.txt")
    );
    keys(
        &f,
        &f.officer,
        &mut app,
        &format!("<tab>{}", "<bs>".repeat(60)),
    );
    send(
        &f,
        &f.officer,
        &mut app,
        Msg::Paste(path.display().to_string()),
    );
    let effects = keys(&f, &f.officer, &mut app, "<c-s>");
    assert!(
        effects
            .iter()
            .any(|e| matches!(e, Effect::WriteLetter { .. }))
    );
    assert!(
        app.form.is_none(),
        "{:?}",
        app.form.as_ref().map(|f| &f.error)
    );
    assert!(
        status(&app).starts_with("Letter written to"),
        "{}",
        status(&app)
    );
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains(&number), "{text}");
    // A file name without .txt or .docx is refused at the field.
    keys(&f, &f.officer, &mut app, "W<tab><bs><bs><bs><bs>pdf<c-s>");
    assert!(flat(&app).contains("must end in .txt or .docx"));
}

#[test]
fn an_application_refused_names_its_ground() {
    let f = fixture();
    let number = application(&f, Channel::StateCorporation);
    let mut app = console(&f, &f.officer);
    open(&f, &f.officer, &mut app, &number);
    keys(&f, &f.officer, &mut app, "d");
    // Rendered: no ground asked for.
    assert!(!app.form.as_ref().unwrap().shows(FieldId::RefusalGround));
    keys(&f, &f.officer, &mut app, "<right>");
    assert!(app.form.as_ref().unwrap().shows(FieldId::RefusalGround));
    keys(&f, &f.officer, &mut app, "<tab><tab><c-s>");
    let shown = flat(&app);
    assert!(
        shown.contains("fill this in") && shown.contains("Art. 19-1.2.1"),
        "{shown}"
    );
    keys(&f, &f.officer, &mut app, "Art. 19-1.2.2<c-s>");
    assert!(flat(&app).contains("A decision cannot be changed"));
    keys(&f, &f.officer, &mut app, "y");
    assert!(
        app.form.is_none(),
        "{:?}",
        app.form.as_ref().map(|f| &f.error)
    );
    assert!(matches!(
        events(&f, &number).last(),
        Some(EventKind::Decided { outcome: Outcome::Refused, ground: Some(g), .. }) if g == "Art. 19-1.2.2"
    ));
    // Through the State Corporation: the hand-over is recorded as a notice.
    keys(&f, &f.officer, &mut app, "n");
    assert_eq!(
        app.form.as_ref().unwrap().value(FieldId::NoticeKind),
        "result-to-state-corporation"
    );
}

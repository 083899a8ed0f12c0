//! The case view tells the truth (DESIGN 1.5): the Parties, Obligations, Text, History and Why
//! tabs at 80x24 in each language, for the cases that used to be misstated: answered on time,
//! answered late, extended with its notice missed, a calendar-day application, an hours
//! application and a superior body's own due date (Art. 25.1). Snapshots keep the layout; the
//! assertions say what each screen must say, and that no English word of the domain reaches a
//! Kazakh or Russian screen.

mod common;

use common::text_of;
use std::collections::BTreeSet;

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use merzim::app::{self, App, Msg, Section};
use merzim::domain::case::{Applicant, Matter, NewCase, PartyId};
use merzim::domain::ids::{Iin, with_check_digit};
use merzim::domain::vocabulary::{Addressee, Channel, Form, Ground, Medium};
use merzim::i18n::{Lang, Texts, catalogue_source};
use merzim::keymap::{Keymap, ShippedKeymap};
use merzim::reference::Reference;
use merzim::service::{Caller, CaseCommand, QueueQuery, Role, Service, User};
use merzim::ui::{self, theme::Profile};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn today() -> NaiveDate {
    d("2026-11-23") // a Monday
}

/// A fixed moment on a date (09:30 in Astana, UTC+5), so that history is the same every run.
fn at(date: &str) -> DateTime<Utc> {
    let d = d(date);
    Utc.from_utc_datetime(&d.and_hms_opt(4, 30, 0).unwrap())
}

fn iin(seed: u8) -> Iin {
    let first = [8, 7, 0, 4, 1, 2, 3, 0, 0, seed / 10, seed % 10];
    let mut n = first;
    for bump in 0..10u8 {
        n[8] = bump;
        if let Some(s) = with_check_digit(&n) {
            return Iin::parse(&s).unwrap();
        }
    }
    panic!("no IIN for seed {seed}");
}

fn new_case(matter: Matter, medium: Medium, registered: &str, subject: &str, seed: u8) -> NewCase {
    NewCase {
        matter,
        medium,
        applicant: Applicant {
            name: ["Айгүл Сейітқызы", "Иван Петров", "Дәурен Қасымов"][usize::from(seed) % 3]
                .into(),
            id: PartyId::Individual(iin(seed)),
            contact: "+7 701 000 00 00".into(),
        },
        registered: d(registered),
        subject: subject.into(),
        text: "Прошу рассмотреть.\nӨтінемін.".into(),
    }
}

fn complaint(addressee: Addressee) -> Matter {
    Matter::Complaint {
        addressee,
        set_due: None,
    }
}

struct Fixture {
    _dir: tempfile::TempDir,
    service: Service,
    caller: Caller,
    /// The six cases, by what they show.
    answered: String,
    answered_late: String,
    extended_missed: String,
    calendar_days: String,
    hours: String,
    superior: String,
}

impl Fixture {
    fn run(&self, on: &str, number: Option<&str>, cmd: CaseCommand) -> String {
        self.service
            .execute_at(&self.caller, d(on), at(on), number, None, cmd)
            .unwrap_or_else(|e| panic!("{e}"))
            .number
    }

    fn register(&self, case: NewCase) -> String {
        let on = case.registered.format("%Y-%m-%d").to_string();
        self.run(
            &on,
            None,
            CaseCommand::Register {
                case: Box::new(case),
                assignee: Some("aigerim".into()),
            },
        )
    }

    fn answer(&self, number: &str, on: &str) {
        self.run(
            on,
            Some(number),
            CaseCommand::RecordAnswer {
                sent: d(on),
                form: Form::Written,
                reference: "01-12/345".into(),
            },
        );
    }
}

fn fixture() -> Fixture {
    let dir = tempfile::tempdir().unwrap();
    let service = Service::open(&dir.path().join("db"), Reference::shipped().unwrap()).unwrap();
    let user = User {
        uid: 4242,
        login: "aigerim".into(),
        name: "Айгерим".into(),
        role: Role::Supervisor,
        disabled: false,
    };
    service.put_user(None, user).unwrap();
    let caller = service.caller_for_uid(4242).unwrap();
    let mut f = Fixture {
        _dir: dir,
        service,
        caller,
        answered: String::new(),
        answered_late: String::new(),
        extended_missed: String::new(),
        calendar_days: String::new(),
        hours: String::new(),
        superior: String::new(),
    };
    // Registered Tue 10 Nov, due Tue 17 Nov (Art. 25.2 ¶1), answered Fri 13 Nov: on time.
    f.answered = f.register(new_case(
        complaint(Addressee::LocalBody),
        Medium::Paper,
        "2026-11-10",
        "Отказ в регистрации",
        1,
    ));
    f.answer(&f.answered, "2026-11-13");
    // Registered Tue 20 Oct; Wed 21, Thu 22, Fri 23, (Sat 24, Sun 25 Republic Day, Mon 26 its
    // day off moved from the Sunday), Tue 27, Wed 28: due Wed 28 Oct; answered Thu 29 Oct, one
    // working day late.
    f.answered_late = f.register(new_case(
        complaint(Addressee::LocalBody),
        Medium::Paper,
        "2026-10-20",
        "Справка не выдана",
        2,
    ));
    f.answer(&f.answered_late, "2026-10-29");
    // Registered Mon 2 Nov to a central body, due Mon 9 Nov; extended on Thu 5 Nov by 10
    // working days (Art. 25.4), so due Mon 23 Nov; the notice (due Tue 10 Nov, Art. 25.4 ¶2)
    // was never sent, and the answer went out on Thu 12 Nov: the notice is missed, not owed.
    f.extended_missed = f.register(new_case(
        complaint(Addressee::CentralBody),
        Medium::Electronic,
        "2026-11-02",
        "Жер учаскесі",
        3,
    ));
    f.run(
        "2026-11-05",
        Some(&f.extended_missed.clone()),
        CaseCommand::Extend {
            date: d("2026-11-05"),
            days: 10,
            ground: Ground::Verification,
            reason: "выезд на место".into(),
        },
    );
    f.answer(&f.extended_missed.clone(), "2026-11-12");
    // An application with a 30-calendar-day term: registered Tue 13 Oct, day 30 is Thu 12 Nov.
    f.calendar_days = f.register(new_case(
        Matter::Application {
            channel: Channel::Provider,
            service: None,
            term: "30cd".parse().unwrap(),
        },
        Medium::Paper,
        "2026-10-13",
        "Пособие",
        4,
    ));
    // An application with a 4-hour term, registered today at 09:30: due today by 13:30.
    f.hours = f.register(new_case(
        Matter::Application {
            channel: Channel::Provider,
            service: None,
            term: "4h".parse().unwrap(),
        },
        Medium::Electronic,
        "2026-11-23",
        "Справка",
        5,
    ));
    // A superior body (Art. 25.1): the body set the due date itself, 4 Dec.
    f.superior = f.register(new_case(
        complaint(Addressee::SuperiorBody),
        Medium::Paper,
        "2026-11-16",
        "Вышестоящий орган",
        6,
    ));
    f.run(
        "2026-11-17",
        Some(&f.superior.clone()),
        CaseCommand::SetDue {
            due: d("2026-12-04"),
        },
    );
    f
}

fn app_on(f: &Fixture, lang: Lang, number: &str, section: Section) -> App {
    let (keymap, _) = Keymap::shipped(ShippedKeymap::Default, None).unwrap();
    let mut app = App::new(
        lang,
        today(),
        f.caller.login.clone(),
        keymap,
        Profile::default(),
    );
    app::update(&mut app, Msg::Resize(80, 24));
    let rows = f.service.queue(
        &f.caller,
        today(),
        &QueueQuery {
            include_closed: true,
            ..Default::default()
        },
    );
    app::update(&mut app, Msg::QueueLoaded(rows.map_err(|e| e.to_string())));
    let view = f.service.case(&f.caller, number, today());
    app::update(
        &mut app,
        Msg::CaseLoaded(Box::new(view.map_err(|e| e.to_string()))),
    );
    app.case.as_mut().expect("the case is open").section = section;
    app
}

fn screen(f: &Fixture, lang: Lang, number: &str, section: Section) -> String {
    screen_sized(f, lang, number, section, 80, 24)
}

fn screen_sized(f: &Fixture, lang: Lang, number: &str, section: Section, w: u16, h: u16) -> String {
    let app = app_on(f, lang, number, section);
    let texts = Texts::new().unwrap();
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    t.draw(|fr| ui::draw(fr, &app, &texts)).unwrap();
    text_of(t.backend().buffer())
}

const TABS: [Section; 5] = [
    Section::Parties,
    Section::Obligations,
    Section::Text,
    Section::History,
    Section::Why,
];

/// Every tab of a case, one after the other.
fn all_tabs(f: &Fixture, lang: Lang, number: &str) -> String {
    TABS.iter()
        .map(|s| screen(f, lang, number, *s))
        .collect::<Vec<_>>()
        .join("────────────────────────────────────────────────────────────────────────────────\n")
}

#[test]
fn snapshots_of_every_tab_in_each_language() {
    let f = fixture();
    let cases = [
        ("answered", &f.answered),
        ("answered_late", &f.answered_late),
        ("extended_missed", &f.extended_missed),
        ("calendar_days", &f.calendar_days),
        ("hours", &f.hours),
        ("superior", &f.superior),
    ];
    for (name, number) in cases {
        for lang in Lang::ALL {
            insta::assert_snapshot!(
                format!("{name}_{}", lang.code()),
                all_tabs(&f, lang, number)
            );
        }
    }
}

#[test]
fn an_answered_case_is_settled_not_overdue() {
    let f = fixture();
    let s = screen(&f, Lang::En, &f.answered, Section::Parties);
    assert!(s.contains("answered on 2026-11-13, on time"), "{s}");
    assert!(!s.contains("overdue"), "{s}");
    let s = screen(&f, Lang::En, &f.answered_late, Section::Parties);
    assert!(
        s.contains("answered on 2026-10-29, 1 working day late"),
        "{s}"
    );
    assert!(!s.contains("overdue"), "{s}");
    let s = screen(&f, Lang::En, &f.answered_late, Section::Obligations);
    assert!(s.contains("done on 2026-10-29, 1 working day late"), "{s}");
    // The outgoing reference of the answer, in the office's time (09:30 at UTC+5).
    let s = screen(&f, Lang::En, &f.answered_late, Section::History);
    assert!(s.contains("2026-10-29 09:30"), "{s}");
    assert!(s.contains("outgoing no. 01-12/345"), "{s}");
}

#[test]
fn a_notice_never_sent_before_the_answer_is_missed_not_owed() {
    let f = fixture();
    let s = screen_sized(
        &f,
        Lang::En,
        &f.extended_missed,
        Section::Obligations,
        120,
        30,
    );
    assert!(
        s.contains("missed: the answer went out on 2026-11-12 without it"),
        "{s}"
    );
    assert!(!s.contains("overdue"), "{s}");
    let rows = f
        .service
        .queue(&f.caller, today(), &QueueQuery::default())
        .unwrap();
    let row = rows.iter().find(|r| r.number == f.extended_missed).unwrap();
    assert!(!row.badges.notice_owed, "a missed notice is not owed");
    assert!(row.badges.missed);
    assert_eq!(row.remaining, None);
    assert_eq!(row.urgency, merzim::service::Urgency::Answered);
}

#[test]
fn why_counts_calendar_days_as_calendar_days() {
    let f = fixture();
    let s = screen(&f, Lang::En, &f.calendar_days, Section::Why);
    assert!(s.contains("Term: 30 calendar days"), "{s}");
    assert!(!s.contains("working day"), "{s}");
    // Weekends count in a calendar-day term (the first weekend: days 4 and 5).
    assert!(
        s.contains("2026-10-17 Sat: calendar day 4 (weekend)"),
        "{s}"
    );
    assert!(
        s.contains("2026-10-18 Sun: calendar day 5 (weekend)"),
        "{s}"
    );
}

#[test]
fn why_shows_the_base_term_then_each_extension_with_its_article() {
    let f = fixture();
    let app = app_on(&f, Lang::Ru, &f.extended_missed, Section::Why);
    let texts = Texts::new().unwrap();
    let mut t = Terminal::new(TestBackend::new(100, 50)).unwrap();
    t.draw(|fr| ui::draw(fr, &app, &texts)).unwrap();
    let s = text_of(t.backend().buffer());
    // The base term cites Art. 25.2, never the extended total.
    assert!(s.contains("Срок: 5 рабочих дней (ст. 25.2 ¶1)"), "{s}");
    assert!(!s.contains("15 рабочих дней"), "{s}");
    assert!(s.contains("Первоначальный срок: 2026-11-09"), "{s}");
    assert!(
        s.contains("Продление от 2026-11-05: 10 рабочих дней к сроку 2026-11-09"),
        "{s}"
    );
    assert!(s.contains("ст. 25.4"), "{s}");
    assert!(s.contains("Последний день срока: 2026-11-23"), "{s}");
}

#[test]
fn a_superior_bodys_own_date_is_not_provisional_and_says_who_set_it() {
    let f = fixture();
    let s = screen(&f, Lang::En, &f.superior, Section::Parties);
    assert!(
        s.contains("Due date 2026-12-04 set by Айгерим on 2026-11-17 09:30"),
        "{s}"
    );
    assert!(!s.contains('≈'), "{s}");
}

#[test]
fn an_hours_term_shows_its_time() {
    let f = fixture();
    let s = screen(&f, Lang::En, &f.hours, Section::Parties);
    assert!(s.contains("Term: 4 hours"), "{s}");
    assert!(
        s.contains("from registration at 2026-11-23 09:30 to 2026-11-23 13:30"),
        "{s}"
    );
}

/// English words of the domain: the words of the English catalogue (and the kebab-case
/// spellings of the vocabulary) that the Kazakh and Russian catalogues never use.
fn english_words() -> BTreeSet<String> {
    let words = |text: &str| -> BTreeSet<String> {
        text.split(|c: char| !c.is_ascii_alphabetic())
            .filter(|w| w.len() >= 4)
            .map(str::to_lowercase)
            .collect()
    };
    let mut english: BTreeSet<String> = BTreeSet::new();
    for line in catalogue_source(Lang::En).lines() {
        // Message values only: not keys, comments or variable names.
        let value = match line.split_once(" = ") {
            Some((_, v)) => v,
            None if line.starts_with("    ") && !line.trim_start().starts_with('[') => line,
            None => continue,
        };
        let value: String = value
            .split('{')
            .map(|part| part.split_once('}').map_or(part, |(_, rest)| rest))
            .collect();
        english.extend(words(&value));
    }
    for lang in [Lang::Kk, Lang::Ru] {
        for w in words(catalogue_source(lang)) {
            english.remove(&w);
        }
    }
    english.extend(
        [
            "extension",
            "verification",
            "information",
            "working",
            "calendar",
            "overdue",
            "answered",
            "missed",
            "provisional",
        ]
        .map(String::from),
    );
    english
}

#[test]
fn kazakh_and_russian_screens_have_no_english_words_of_the_domain() {
    let f = fixture();
    let english = english_words();
    assert!(
        english.len() > 100,
        "the word list is real: {}",
        english.len()
    );
    let numbers = [
        &f.answered,
        &f.answered_late,
        &f.extended_missed,
        &f.calendar_days,
        &f.hours,
        &f.superior,
    ];
    let mut screens = 0;
    for lang in [Lang::Kk, Lang::Ru] {
        for number in numbers {
            for s in all_tabs(&f, lang, number).lines() {
                screens += 1;
                for w in s.split(|c: char| !c.is_ascii_alphabetic()) {
                    assert!(
                        !english.contains(&w.to_lowercase()),
                        "English '{w}' on a {lang:?} screen: {s}"
                    );
                }
            }
        }
        // The queue too.
        let mut app = app_on(&f, lang, &f.answered, Section::Parties);
        app.screen = merzim::app::Screen::Queue;
        let texts = Texts::new().unwrap();
        for width in [80, 200] {
            let mut t = Terminal::new(TestBackend::new(width, 24)).unwrap();
            t.draw(|fr| ui::draw(fr, &app, &texts)).unwrap();
            for s in text_of(t.backend().buffer()).lines() {
                for w in s.split(|c: char| !c.is_ascii_alphabetic()) {
                    assert!(
                        !english.contains(&w.to_lowercase()),
                        "English '{w}' on a {lang:?} queue: {s}"
                    );
                }
            }
        }
    }
    assert!(screens > 500, "screens were read: {screens} lines");
}

//! Letters: every shipped template renders for every case kind in kk, ru and en; an office's
//! broken template is refused with its file and line; hostile citizen text never reaches a
//! letter; the .docx holds the text; `merzim letter` end to end.

use std::io::Read;
use std::path::Path;

use assert_cmd::Command;
use chrono::NaiveDate;
use merzim::domain::case::{Applicant, Matter, NewCase, Outcome, PartyId};
use merzim::domain::ids::Iin;
use merzim::domain::vocabulary::{Addressee, Channel, Ground, Medium, Term};
use merzim::i18n::{Lang, Texts};
use merzim::letters::{self, Format, LetterError, LetterKind};
use merzim::reference::Reference;
use merzim::service::{Caller, CaseCommand, CaseView, Role, Service, User};
use merzim::ui::sanitize::is_unsafe;

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

/// Friday 20 November 2026: no holiday nearby.
fn today() -> NaiveDate {
    d("2026-11-20")
}

struct Fixture {
    _dir: tempfile::TempDir,
    svc: Service,
    boss: Caller,
    texts: Texts,
}

fn fixture() -> Fixture {
    let dir = tempfile::tempdir().unwrap();
    let svc = Service::open(&dir.path().join("db"), Reference::shipped().unwrap()).unwrap();
    svc.put_user(
        None,
        User {
            uid: 1000,
            login: "boss".into(),
            name: "Бастық".into(),
            role: Role::Supervisor,
            disabled: false,
        },
    )
    .unwrap();
    Fixture {
        boss: svc.caller_for_uid(1000).unwrap(),
        svc,
        _dir: dir,
        texts: Texts::new().unwrap(),
    }
}

fn applicant(name: &str, contact: &str) -> Applicant {
    Applicant {
        name: name.into(),
        id: PartyId::Individual(Iin::parse("870412300005").unwrap()),
        contact: contact.into(),
    }
}

fn complaint(name: &str, subject: &str, medium: Medium) -> NewCase {
    NewCase {
        matter: Matter::Complaint {
            addressee: Addressee::LocalBody,
            set_due: None,
        },
        medium,
        applicant: applicant(name, "Алматы, Абай даңғылы 10, +7 701 000 00 00"),
        // Monday: 5 working days end on Monday 23 November.
        registered: d("2026-11-16"),
        subject: subject.into(),
        text: "Мәтін".into(),
    }
}

fn application(name: &str) -> NewCase {
    NewCase {
        matter: Matter::Application {
            channel: Channel::Portal,
            service: Some("S-001".into()),
            term: Term {
                value: 15,
                unit: merzim::domain::vocabulary::TermUnit::WorkingDays,
            },
        },
        medium: Medium::Electronic,
        applicant: applicant(name, "aliya@example.kz"),
        registered: d("2026-11-16"),
        subject: "Жеке куәлік".into(),
        text: "Өтініш".into(),
    }
}

impl Fixture {
    fn register(&self, new: NewCase) -> String {
        self.run(
            None,
            CaseCommand::Register {
                case: Box::new(new),
                assignee: None,
            },
        )
    }

    fn run(&self, number: Option<&str>, cmd: CaseCommand) -> String {
        self.svc
            .execute(&self.boss, today(), number, None, cmd)
            .unwrap()
            .number
    }

    fn extend(&self, number: &str, reason: &str) {
        self.run(
            Some(number),
            CaseCommand::Extend {
                date: d("2026-11-18"),
                days: 5,
                ground: Ground::Information,
                reason: reason.into(),
            },
        );
    }

    fn decide(&self, number: &str, outcome: Outcome, ground: Option<&str>) {
        self.run(
            Some(number),
            CaseCommand::Decide {
                outcome,
                date: d("2026-11-20"),
                ground: ground.map(String::from),
            },
        );
    }

    fn view(&self, number: &str) -> CaseView {
        self.svc.case(&self.boss, number, today()).unwrap()
    }

    fn letter(
        &self,
        reference: &Reference,
        number: &str,
        kind: LetterKind,
        lang: Lang,
        format: Format,
    ) -> Result<Vec<u8>, LetterError> {
        letters::render(
            &self.texts,
            reference,
            &self.view(number),
            kind,
            lang,
            format,
        )
    }

    fn text(&self, number: &str, kind: LetterKind, lang: Lang) -> String {
        let bytes = self
            .letter(self.svc.reference(), number, kind, lang, Format::Text)
            .unwrap_or_else(|e| panic!("{number} {kind} {lang:?}: {e}"));
        String::from_utf8(bytes).unwrap()
    }
}

/// The text of `word/document.xml` in a .docx.
fn document_xml(docx: &[u8]) -> String {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(docx)).expect("a zip archive");
    let mut xml = String::new();
    zip.by_name("word/document.xml")
        .expect("word/document.xml")
        .read_to_string(&mut xml)
        .unwrap();
    xml
}

/// The cases of every kind a letter is written for.
struct Cases {
    /// Complaint, no extension, rejected.
    plain: String,
    /// Complaint extended 5 working days (23 → 30 November), not decided yet.
    extended: String,
    /// Complaint extended, then satisfied.
    extended_decided: String,
    rendered: String,
    /// Refused on Art. 19-1.2.2.
    refused: String,
    /// Refused on a ground of another law.
    refused_other: String,
}

fn cases(f: &Fixture) -> Cases {
    let plain = f.register(complaint("Әбенов Нұрлан", "Кезек", Medium::Paper));
    f.decide(&plain, Outcome::Rejected, None);
    let extended = f.register(complaint(
        "Иванова Анна",
        "Нарушен срок",
        Medium::Electronic,
    ));
    f.extend(&extended, "запрошены сведения у ЦОН");
    let extended_decided = f.register(complaint("Серік Ахметов", "Анықтама", Medium::Paper));
    f.extend(&extended_decided, "ақпарат сұралды");
    f.decide(&extended_decided, Outcome::Satisfied, None);
    let rendered = f.register(application("Жанна Өмірова"));
    f.decide(&rendered, Outcome::Rendered, None);
    let refused = f.register(application("Пётр Ким"));
    f.decide(&refused, Outcome::Refused, Some("Art. 19-1.2.2"));
    let refused_other = f.register(application("Dana Smith"));
    f.decide(
        &refused_other,
        Outcome::Refused,
        Some("other law: Code \"On marriage (matrimony) and family\""),
    );
    Cases {
        plain,
        extended,
        extended_decided,
        rendered,
        refused,
        refused_other,
    }
}

#[test]
fn every_shipped_template_renders_for_every_case_kind() {
    let f = fixture();
    let c = cases(&f);
    let notices = [&c.extended, &c.extended_decided];
    let answers = [
        &c.plain,
        &c.extended_decided,
        &c.rendered,
        &c.refused,
        &c.refused_other,
    ];
    let mut rendered = 0;
    for lang in Lang::ALL {
        for (kind, numbers) in [
            (LetterKind::ExtensionNotice, &notices[..]),
            (LetterKind::Answer, &answers[..]),
        ] {
            for number in numbers {
                let view = f.view(number);
                let text = f.text(number, kind, lang);
                for leftover in ["{{", "}}", "{%", "%}", "{#", "\u{1}"] {
                    assert!(
                        !text.contains(leftover),
                        "{number} {kind} {lang:?}:\n{text}"
                    );
                }
                assert!(text.contains(&view.case.applicant.name), "{text}");
                assert!(text.contains(number.as_str()), "{text}");
                assert!(text.contains("16.11.2026"), "registration date: {text}");
                assert!(!text.lines().any(|l| l.starts_with("# ")), "{text}");
                assert!(
                    !text.chars().any(|ch| ch != '\n' && is_unsafe(ch)),
                    "{text}"
                );
                let docx = f
                    .letter(f.svc.reference(), number, kind, lang, Format::Docx)
                    .unwrap();
                assert!(document_xml(&docx).contains("Heading1"));
                rendered += 1;
            }
        }
    }
    // 3 languages x (2 notices + 5 answers): a loop that rendered nothing would not pass.
    assert_eq!(rendered, 21);
}

#[test]
fn the_extension_notice_states_ground_days_and_dates() {
    let f = fixture();
    let c = cases(&f);
    let ru = f.text(&c.extended, LetterKind::ExtensionNotice, Lang::Ru);
    for expected in [
        "О продлении срока рассмотрения жалобы",
        "Уважаемый(-ая) Иванова Анна!",
        "Основание продления: необходимость получения дополнительной информации (подпункт 2) пункта 4 статьи 25 Закона).",
        "Причина продления: запрошены сведения у ЦОН",
        "Срок продления: 5 рабочих дней.",
        "Прежний срок рассмотрения: 23.11.2026.",
        "Новый срок рассмотрения жалобы: 30.11.2026.",
        "в электронной форме, поскольку жалоба подана в электронном виде",
        "[наименование государственного органа]",
    ] {
        assert!(ru.contains(expected), "{expected}\n{ru}");
    }
    let kk = f.text(&c.extended_decided, LetterKind::ExtensionNotice, Lang::Kk);
    for expected in [
        "Шағымды қарау мерзімін ұзарту туралы",
        "Ұзарту негізі: қосымша ақпарат алу қажеттілігі (Заңның 25-бабы 4-тармағының 2) тармақшасы).",
        "Ұзарту мерзімі: 5 жұмыс күні.",
        "Шағымды қараудың жаңа мерзімі: 30.11.2026.",
        "жазбаша нысанда жіберіледі",
    ] {
        assert!(kk.contains(expected), "{expected}\n{kk}");
    }
    let en = f.text(&c.extended, LetterKind::ExtensionNotice, Lang::En);
    assert!(en.contains("Extended by: 5 working days."), "{en}");
    assert!(en.contains("New due date for considering the complaint: 30.11.2026."));
}

#[test]
fn the_answer_states_the_decision_and_the_refusal_ground() {
    let f = fixture();
    let c = cases(&f);
    let ru = f.text(&c.refused, LetterKind::Answer, Lang::Ru);
    assert!(
        ru.contains("Об отказе в оказании государственной услуги"),
        "{ru}"
    );
    assert!(
        ru.contains(
            "Основание отказа: подпункт 2) пункта 2 статьи 19-1 Закона Республики Казахстан «О государственных услугах» – несоответствие услугополучателя"
        ),
        "{ru}"
    );
    assert!(ru.contains("«Выдача удостоверения личности гражданину Республики Казахстан»"));
    let kk = f.text(&c.rendered, LetterKind::Answer, Lang::Kk);
    assert!(
        kk.contains(
            "«Қазақстан Республикасы азаматына жеке куәлік беру» мемлекеттік қызметі көрсетілгенін"
        ),
        "{kk}"
    );
    let en = f.text(&c.plain, LetterKind::Answer, Lang::En);
    assert!(
        en.contains("Decision of 20.11.2026: the complaint is rejected."),
        "{en}"
    );
    let other = f.text(&c.refused_other, LetterKind::Answer, Lang::En);
    assert!(
        other.contains(
            "Ground for the refusal: other law: Code \"On marriage (matrimony) and family\"."
        ),
        "{other}"
    );
}

#[test]
fn a_letter_the_case_does_not_call_for_is_refused() {
    let f = fixture();
    let c = cases(&f);
    let open = f.register(complaint("Бақыт", "Кезек", Medium::Paper));
    let reference = f.svc.reference();
    let err = |n: &str, k| {
        f.letter(reference, n, k, Lang::En, Format::Text)
            .unwrap_err()
    };
    assert_eq!(
        err(&c.plain, LetterKind::ExtensionNotice),
        LetterError::NoExtension {
            number: c.plain.clone()
        }
    );
    assert_eq!(
        err(&c.rendered, LetterKind::ExtensionNotice),
        LetterError::NoExtension {
            number: c.rendered.clone()
        }
    );
    let not_decided = err(&open, LetterKind::Answer);
    assert_eq!(
        not_decided.message(&f.texts, Lang::En),
        format!(
            "case '{open}' is not decided yet: the answer states the decision (Art. 5.2.7, Art. 19-1); record the decision first"
        )
    );
    assert!(matches!(
        err(&c.extended, LetterKind::Answer),
        LetterError::NotDecided { .. }
    ));
}

#[test]
fn hostile_citizen_text_never_reaches_the_letter() {
    let f = fixture();
    let mut new = complaint(
        "Иванов\u{1b}]0;pwned\u{7} Иван\u{202e}\u{0}",
        "Жалоба \u{1b}[31;1mСРОЧНО\u{1b}[0m\u{9b}2J & <b>",
        Medium::Paper,
    );
    new.applicant.contact =
        "ул.\u{200b} Абая\u{1b}]52;c;cm0gLXJm\u{1b}\\ 1\r\nкв. 2\u{2066}".into();
    let n = f.register(new);
    f.extend(&n, "проверка\u{1b}[2J\u{1b}P1$r\u{1b}\\ на месте\u{85}");
    let forbidden = [
        '\u{1b}', '\u{7}', '\u{0}', '\u{202e}', '\u{9b}', '\u{200b}', '\u{2066}', '\u{85}', '\r',
    ];
    for lang in Lang::ALL {
        let text = f.text(&n, LetterKind::ExtensionNotice, lang);
        for c in forbidden {
            assert!(!text.contains(c), "{c:?} in\n{text}");
        }
        for gone in ["pwned", "[31;1m", "[0m", "2J", "52;c", "cm0gLXJm", "1$r"] {
            assert!(!text.contains(gone), "{gone} in\n{text}");
        }
        assert!(text.contains("Иванов Иван"), "{text}");
        assert!(text.contains("Жалоба СРОЧНО & <b>"), "{text}");
        assert!(text.contains("ул. Абая 1 кв. 2"), "{text}");
        assert!(text.contains("проверка на месте"), "{text}");
        let docx = f
            .letter(
                f.svc.reference(),
                &n,
                LetterKind::ExtensionNotice,
                lang,
                Format::Docx,
            )
            .unwrap();
        let xml = document_xml(&docx);
        for c in forbidden {
            assert!(!xml.contains(c), "{c:?} in the docx");
        }
        assert!(!xml.contains("pwned"));
        // XML's own characters are escaped, not passed through.
        assert!(xml.contains("&amp; &lt;b&gt;"), "{xml}");
    }
}

#[test]
fn the_docx_holds_the_name_and_the_new_due_date() {
    let f = fixture();
    let c = cases(&f);
    let docx = f
        .letter(
            f.svc.reference(),
            &c.extended,
            LetterKind::ExtensionNotice,
            Lang::Kk,
            Format::Docx,
        )
        .unwrap();
    assert!(docx.starts_with(b"PK"), "a zip archive");
    let xml = document_xml(&docx);
    assert!(xml.contains("Иванова Анна"), "{xml}");
    assert!(
        xml.contains("Шағымды қараудың жаңа мерзімі: 30.11.2026."),
        "{xml}"
    );
    // The heading is a paragraph of its own in the heading style.
    let heading = xml
        .find("Шағымды қарау мерзімін ұзарту туралы")
        .expect("the heading");
    let style = xml[..heading].rfind("w:pStyle").expect("a paragraph style");
    assert!(xml[style..heading].contains("Heading1"), "{xml}");
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(&docx)).unwrap();
    let mut styles = String::new();
    zip.by_name("word/styles.xml")
        .unwrap()
        .read_to_string(&mut styles)
        .unwrap();
    assert!(styles.contains("Times New Roman"), "{styles}");
}

/// A Reference with the office's `templates/` files.
fn office(files: &[(&str, &[u8])]) -> (tempfile::TempDir, Reference) {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("templates")).unwrap();
    for (name, bytes) in files {
        std::fs::write(dir.path().join("templates").join(name), bytes).unwrap();
    }
    let reference = Reference::load(Some(dir.path())).unwrap();
    (dir, reference)
}

#[test]
fn an_office_template_replaces_the_shipped_one() {
    let f = fixture();
    let c = cases(&f);
    let (dir, reference) = office(&[
        (
            "answer.ru.txt",
            "# Ответ\r\n{{ body }}: {{ applicant }}, {{ decision.result }}.\r\n{{ signer_name }}\r\n"
                .as_bytes(),
        ),
        (
            "office.toml",
            "[ru]\nbody = \"Управление \\u001b[31mцифровизации\"\nsigner_name = \"А. Сейітов\"\n".as_bytes(),
        ),
    ]);
    let _ = &dir;
    let text = String::from_utf8(
        f.letter(
            &reference,
            &c.plain,
            LetterKind::Answer,
            Lang::Ru,
            Format::Text,
        )
        .unwrap(),
    )
    .unwrap();
    assert_eq!(
        text,
        "Ответ\nУправление цифровизации: Әбенов Нұрлан, в удовлетворении жалобы отказано.\nА. Сейітов\n"
    );
    // Kazakh has no office template: the shipped one, with the placeholder for the body name.
    let kk = String::from_utf8(
        f.letter(
            &reference,
            &c.plain,
            LetterKind::Answer,
            Lang::Kk,
            Format::Text,
        )
        .unwrap(),
    )
    .unwrap();
    assert!(kk.starts_with("[мемлекеттік органның атауы]\n"), "{kk}");
}

#[test]
fn a_broken_office_template_is_refused_with_its_file_and_line() {
    let f = fixture();
    let c = cases(&f);
    let cases_of = [
        (
            "answer.ru.txt",
            "{{ body }}\n\n{% if kind == \"complaint\" %}\nнет конца\n",
            4,
            "syntax error: unexpected end of input, expected end of block",
        ),
        (
            "answer.ru.txt",
            "{{ body }}\n{{ applicant }}\n{{ aplicant_name }}\n",
            3,
            "unknown variable 'aplicant_name'",
        ),
        (
            "answer.ru.txt",
            "{{ decision.reslt }}\n",
            1,
            "unknown variable 'decision.reslt'",
        ),
        (
            "answer.ru.txt",
            "{% for a in range(9999) %}{% for b in range(9999) %}.{% endfor %}{% endfor %}\n",
            1,
            "the template ran too long (a loop without end?)",
        ),
    ];
    for (name, source, line, detail) in cases_of {
        let (dir, reference) = office(&[(name, source.as_bytes())]);
        let err = f
            .letter(
                &reference,
                &c.plain,
                LetterKind::Answer,
                Lang::Ru,
                Format::Text,
            )
            .unwrap_err();
        let path = dir.path().join("templates").join(name);
        assert_eq!(
            err,
            LetterError::Template {
                path: path.display().to_string(),
                line,
                detail: detail.into(),
            },
            "{source}"
        );
        assert_eq!(
            err.message(&f.texts, Lang::Ru),
            format!(
                "шаблон '{}', строка {line}: {detail}; исправьте шаблон или удалите его, чтобы использовать поставляемый",
                path.display()
            )
        );
    }
    // A misnamed file, a file that is not UTF-8 and broken office details are refused too.
    let (dir, reference) = office(&[("answr.ru.txt", b"x")]);
    assert_eq!(
        f.letter(
            &reference,
            &c.plain,
            LetterKind::Answer,
            Lang::Ru,
            Format::Text
        ),
        Err(LetterError::UnknownFile {
            path: dir
                .path()
                .join("templates/answr.ru.txt")
                .display()
                .to_string()
        })
    );
    let (_dir, reference) = office(&[("answer.en.txt", b"\xff\xfe")]);
    assert!(matches!(
        f.letter(
            &reference,
            &c.plain,
            LetterKind::Answer,
            Lang::En,
            Format::Text
        ),
        Err(LetterError::NotUtf8 { at: 0, .. })
    ));
    let (_dir, reference) = office(&[("office.toml", b"[ru]\nbody = 1\n")]);
    let e = f
        .letter(
            &reference,
            &c.plain,
            LetterKind::Answer,
            Lang::Ru,
            Format::Text,
        )
        .unwrap_err();
    assert!(
        matches!(&e, LetterError::Office { detail, .. } if detail.starts_with("line 2: ")),
        "{e}"
    );
    let (_dir, reference) = office(&[("office.toml", b"[de]\nbody = \"x\"\n")]);
    let e = f
        .letter(
            &reference,
            &c.plain,
            LetterKind::Answer,
            Lang::Ru,
            Format::Text,
        )
        .unwrap_err();
    assert!(e.to_string().contains("'[de]' is not a language"), "{e}");
}

#[test]
fn the_command_line_writes_letters() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("db");
    let data = dir.path().join("office");
    std::fs::create_dir(&data).unwrap();
    let merzim = |args: &[&str]| {
        let mut c = Command::cargo_bin("merzim").unwrap();
        c.arg("--db")
            .arg(&db)
            .arg("--data-dir")
            .arg(&data)
            .args(["--today", "2026-11-23"])
            .args(args);
        c
    };
    merzim(&["demo", "--cases", "50"]).assert().success();
    let out = merzim(&["export"]).assert().success();
    let jsonl = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    let cases: Vec<serde_json::Value> = jsonl
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(cases.len(), 50);
    let find = |what: &dyn Fn(&serde_json::Value) -> bool| -> String {
        cases
            .iter()
            .find(|c| what(c))
            .and_then(|c| c["number"].as_str())
            .expect("a demo case of this kind")
            .to_string()
    };
    let extended = find(&|c| c["status"] == "extended");
    let refused = find(&|c| c["kind"] == "application" && c["decided"]["outcome"] == "refused");
    let undecided = find(&|c| c["kind"] == "complaint" && c["status"] == "in-progress");

    // .txt and .docx, written whole: no partial file left beside them.
    let txt = dir.path().join("notice.txt");
    let out = merzim(&[
        "--lang",
        "ru",
        "letter",
        &extended,
        "extension-notice",
        "--out",
    ])
    .arg(&txt)
    .assert()
    .success();
    let stderr = String::from_utf8(out.get_output().stderr.clone()).unwrap();
    assert_eq!(
        stderr,
        format!("merzim: письмо записано в '{}'\n", txt.display())
    );
    let text = std::fs::read_to_string(&txt).unwrap();
    assert!(
        text.contains("О продлении срока рассмотрения жалобы"),
        "{text}"
    );
    assert!(text.contains(&extended), "{text}");
    let docx = dir.path().join("answer.DOCX");
    merzim(&["--lang", "kk", "letter", &refused, "answer", "--out"])
        .arg(&docx)
        .assert()
        .success();
    let xml = document_xml(&std::fs::read(&docx).unwrap());
    assert!(
        xml.contains("Мемлекеттік қызмет көрсетуден бас тарту туралы"),
        "{xml}"
    );
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().contains(".partial-"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");

    // Without --out: the text on standard output.
    let out = merzim(&["--lang", "en", "letter", &refused, "answer"])
        .assert()
        .success();
    let stdout = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    assert!(
        stdout.contains("Refusal to render a state service"),
        "{stdout}"
    );
    assert!(stdout.contains(&refused));

    // Refusals: one line, status 2, no file written.
    let refuse = |args: &[&str], expected: String| {
        let out = merzim(args).assert().code(2);
        let stderr = String::from_utf8(out.get_output().stderr.clone()).unwrap();
        assert_eq!(stderr, format!("merzim: {expected}\n"));
    };
    let pdf = dir.path().join("x.pdf");
    let pdf_arg = pdf.display().to_string();
    refuse(
        &[
            "--lang", "en", "letter", &extended, "answer", "--out", &pdf_arg,
        ],
        format!("'{pdf_arg}' has no letter format; end the file name with '.txt' or '.docx'"),
    );
    assert!(!pdf.exists());
    let no = dir.path().join("no.txt");
    let no_arg = no.display().to_string();
    refuse(
        &[
            "--lang",
            "en",
            "letter",
            &undecided,
            "extension-notice",
            "--out",
            &no_arg,
        ],
        format!(
            "case '{undecided}' has no recorded extension: an extension notice tells the complainant of one (Art. 25.4); record the extension first"
        ),
    );
    assert!(!no.exists());
    refuse(
        &["--lang", "en", "letter", &undecided, "answer"],
        format!(
            "case '{undecided}' is not decided yet: the answer states the decision (Art. 5.2.7, Art. 19-1); record the decision first"
        ),
    );
    refuse(
        &["--lang", "en", "letter", "KZ-2026-999999", "answer"],
        "no case has the number 'KZ-2026-999999'".into(),
    );

    // The office's broken template: named with its line, in the reader's language.
    std::fs::create_dir(data.join("templates")).unwrap();
    let broken = data.join("templates").join("answer.en.txt");
    std::fs::write(&broken, "Dear {{ applicant }},\n{% if refusal %}\n").unwrap();
    refuse(
        &["--lang", "en", "letter", &refused, "answer"],
        format!(
            "template '{}', line 2: syntax error: unexpected end of input, expected end of block; fix the template, or remove it to use the shipped one",
            broken.display()
        ),
    );
    assert!(Path::new(&broken).exists());
}

#[test]
fn every_word_a_letter_builds_is_in_every_catalogue() {
    let texts = Texts::new().unwrap();
    let mut keys: Vec<String> = (1..=6)
        .map(|p| format!("letter-refusal-ground-{p}"))
        .collect();
    for o in ["satisfied", "partly", "rejected", "rendered", "refused"] {
        keys.push(format!("letter-result-{o}"));
    }
    for g in Ground::ALL {
        keys.push(format!("letter-ground-{g}"));
        keys.push(format!("letter-ground-article-{g}"));
    }
    for key in &keys {
        let words: Vec<String> = Lang::ALL.iter().map(|l| texts.tr(*l, key)).collect();
        assert!(words.iter().all(|w| w != key), "{key} missing");
        // Three languages, three different texts: none fell back to English.
        assert!(
            words[0] != words[1] && words[1] != words[2] && words[0] != words[2],
            "{key}: {words:?}"
        );
    }
    assert_eq!(keys.len(), 15);
    let days = |lang, n: u32| texts.tr_args(lang, "letter-days", &[("days", n.into())]);
    assert_eq!(days(Lang::Ru, 1), "1 рабочий день");
    assert_eq!(days(Lang::Ru, 3), "3 рабочих дня");
    assert_eq!(days(Lang::Ru, 10), "10 рабочих дней");
    assert_eq!(days(Lang::En, 1), "1 working day");
    assert_eq!(days(Lang::Kk, 7), "7 жұмыс күні");
}

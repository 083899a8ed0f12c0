//! Demo data: realistic synthetic cases so that the console can be tried (`merzim demo`).
//!
//! Reproducible: the same seed, count and `today` give the same database (history times are
//! derived from the event dates, never from the clock). Cases are spread around `today` so that
//! the queue shows every state: overdue, due today, due on the next working day, extended with
//! the notice owed or sent, answered, closed, refused at intake; a few carry hostile text
//! (terminal escapes, bidi overrides, invisible characters) that the console must neutralise.

use chrono::{DateTime, Datelike, Days, NaiveDate, TimeZone, Utc};

use super::{Service, ServiceError};
use crate::domain::calendar::Calendar;
use crate::domain::case::{Actor, Applicant, Case, EventKind, Matter, NewCase, Outcome, PartyId};
use crate::domain::deadline::NoticeKind;
use crate::domain::ids::{Bin, Iin, with_check_digit};
use crate::domain::rules::RuleBook;
use crate::domain::vocabulary::{Addressee, Channel, Form, Ground, Medium, TermUnit};
use crate::store::{Role, User};

/// What to generate.
#[derive(Debug, Clone)]
pub struct DemoOptions {
    pub cases: usize,
    pub today: NaiveDate,
    pub seed: u64,
    /// The person running the demo: registered as a supervisor.
    pub supervisor: User,
}

/// What was generated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DemoReport {
    pub cases: usize,
    pub users: Vec<User>,
}

/// Cases per transaction.
const BATCH: usize = 5_000;

/// SplitMix64: tiny, fast, and the same on every platform and version.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n > 0`).
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }

    fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u64) as usize]
    }
}

const OFFICERS: [(u32, &str, &str); 6] = [
    (900_001, "aliya", "Әлия Серікқызы Нұрланова"),
    (900_002, "bolat", "Болат Ермекұлы Сейітов"),
    (900_003, "dana", "Дана Қайратқызы Омарова"),
    (900_004, "igor", "Игорь Викторович Ким"),
    (900_005, "marat", "Марат Асқарұлы Жұмабаев"),
    (900_006, "olga", "Ольга Сергеевна Ли"),
];

const KK_MEN: [&str; 10] = [
    "Нұрлан",
    "Ерлан",
    "Дәурен",
    "Бауыржан",
    "Серік",
    "Айдос",
    "Ержан",
    "Қайрат",
    "Асхат",
    "Темірлан",
];
const KK_WOMEN: [&str; 10] = [
    "Айгүл",
    "Әлия",
    "Жанар",
    "Гүлнар",
    "Мәдина",
    "Аружан",
    "Динара",
    "Салтанат",
    "Ләззат",
    "Ақмарал",
];
const KK_SURNAMES: [&str; 10] = [
    "Әбенов",
    "Сейітқали",
    "Нұрпейіс",
    "Жұмабаев",
    "Тоқтаров",
    "Құлмағамбет",
    "Ахметов",
    "Омаров",
    "Бекмұхамбет",
    "Сәрсенбаев",
];
const RU_MEN: [&str; 8] = [
    "Иван",
    "Сергей",
    "Алексей",
    "Дмитрий",
    "Андрей",
    "Виктор",
    "Павел",
    "Николай",
];
const RU_WOMEN: [&str; 8] = [
    "Ольга",
    "Наталья",
    "Елена",
    "Татьяна",
    "Ирина",
    "Светлана",
    "Анна",
    "Марина",
];
const RU_SURNAMES: [&str; 8] = [
    "Петров",
    "Смирнов",
    "Кузнецов",
    "Попов",
    "Васильев",
    "Соколов",
    "Михайлов",
    "Новиков",
];
const ENTITIES: [&str; 8] = [
    "ТОО «Алтын Дала»",
    "ТОО «Қазақ Құрылыс»",
    "АО «Степной Агро»",
    "ТОО «Нұр Логистика»",
    "ИП «Береке»",
    "ТОО «Жетісу Сервис»",
    "ТОО «Каспий Трейд»",
    "ПК «Шаруа»",
];
const STREETS: [&str; 6] = [
    "Абай даңғылы",
    "ул. Сейфуллина",
    "Төле би көшесі",
    "пр. Назарбаева",
    "ул. Жандосова",
    "Қабанбай батыр көшесі",
];
const CITIES: [&str; 6] = [
    "Астана",
    "Алматы",
    "Шымкент",
    "Қарағанды",
    "Ақтөбе",
    "Павлодар",
];

const KK_SUBJECTS: [&str; 10] = [
    "Анықтама уақытында берілмеді",
    "Құжаттарды қабылдаудан негізсіз бас тарту",
    "Қызметкердің әдепсіз қарым-қатынасы",
    "Мемлекеттік қызмет көрсету мерзімі бұзылды",
    "Электрондық өтінішке жауап жоқ",
    "Жер учаскесін ресімдеу кешіктірілді",
    "Жәрдемақы тағайындау туралы шешім келіспеймін",
    "Кезекте ұзақ күттірді",
    "Қате мәліметтер енгізілген",
    "Қосымша құжаттарды заңсыз талап етті",
];
const RU_SUBJECTS: [&str; 10] = [
    "Справка не выдана в срок",
    "Необоснованный отказ в приёме документов",
    "Грубое обращение сотрудника ЦОН",
    "Нарушен срок оказания государственной услуги",
    "Нет ответа на электронное обращение",
    "Затянуто оформление земельного участка",
    "Не согласен с решением о назначении пособия",
    "Очередь в ЦОН длилась более трёх часов",
    "В документ внесены ошибочные сведения",
    "Незаконно потребовали дополнительные документы",
];
const KK_TEXTS: [&str; 4] = [
    "Құрметті басшы! {d} күні өтініш бердім, бірақ әлі күнге дейін жауап алған жоқпын. Заңда белгіленген мерзім өтіп кетті. Мәселені тексеріп, шара қолдануыңызды сұраймын.",
    "{d} күні халыққа қызмет көрсету орталығына бардым. Қызметкер құжаттарымды қабылдаудан бас тартты, себебін түсіндірмеді. Осы әрекетке шағым беремін.",
    "Менің өтінішім бойынша шешім заңсыз деп санаймын. Барлық қажетті құжаттар тапсырылды. Шешімді қайта қарауды сұраймын.",
    "Электрондық үкімет порталы арқылы {d} күні өтінім жібердім. Мәртебесі өзгерген жоқ. Көмектесулеріңізді сұраймын.",
];
const RU_TEXTS: [&str; 4] = [
    "Уважаемый руководитель! {d} я подал(а) заявление, однако до сих пор не получил(а) ответа. Установленный законом срок истёк. Прошу разобраться и принять меры.",
    "{d} я обратился(лась) в ЦОН. Сотрудник отказался принять документы, причину не объяснил. Обжалую эти действия.",
    "Считаю решение по моему заявлению незаконным. Все необходимые документы были представлены. Прошу пересмотреть решение.",
    "Через портал электронного правительства {d} подана заявка. Статус не меняется. Прошу оказать содействие.",
];
/// Text from the public may carry anything: the console must show these harmlessly.
const HOSTILE: [&str; 6] = [
    "\u{1b}[2J\u{1b}[31mВНИМАНИЕ: срочно!\u{1b}[0m",
    "Жалоба \u{202E}fdp.exe\u{202C} приложена",
    "Қол\u{200B}таңба\u{200D} жоқ\u{FEFF}",
    "\u{1b}]0;pwned\u{7}Заголовок окна",
    "Строка\rпереписана\u{8}\u{8}",
    "\u{1b}[?1049h\u{1b}[5mмигает\u{1b}[0m\u{7}",
];
const EXTENSION_REASONS: [&str; 4] = [
    "выезд на место для проверки фактов",
    "қосымша ақпарат сұратылды",
    "запрос сведений в уполномоченный орган",
    "мән-жайды жергілікті жерде тексеру",
];

/// The person's IIN: a birth date between 1950 and 2005, century and sex digit, a serial.
fn iin(rng: &mut Rng, female: bool) -> Iin {
    loop {
        let born =
            NaiveDate::from_ymd_opt(1950, 1, 1).unwrap_or_default() + Days::new(rng.below(20_000));
        let century = if born.year() >= 2000 { 5 } else { 3 } + u8::from(female);
        let s = format!(
            "{:02}{:02}{:02}{}{:04}",
            born.year() % 100,
            born.month(),
            born.day(),
            century,
            rng.below(10_000)
        );
        if let Some(iin) = digits11(&s)
            .and_then(|d| with_check_digit(&d))
            .and_then(|s| Iin::parse(&s).ok())
        {
            return iin;
        }
    }
}

/// A resident legal entity's head office, registered between 1995 and 2024.
fn bin(rng: &mut Rng) -> Bin {
    loop {
        let s = format!(
            "{:02}{:02}40{:05}",
            (95 + rng.below(30)) % 100,
            1 + rng.below(12),
            rng.below(100_000)
        );
        if let Some(bin) = digits11(&s)
            .and_then(|d| with_check_digit(&d))
            .and_then(|s| Bin::parse(&s).ok())
        {
            return bin;
        }
    }
}

fn digits11(s: &str) -> Option<[u8; 11]> {
    let b = s.as_bytes();
    if b.len() != 11 {
        return None;
    }
    let mut out = [0u8; 11];
    for (o, c) in out.iter_mut().zip(b) {
        *o = c.checked_sub(b'0')?;
    }
    Some(out)
}

fn applicant(rng: &mut Rng) -> (Applicant, bool) {
    let kazakh = rng.chance(60);
    let contact = format!(
        "{}, {} {}, +7 7{:02} {:03} {:02} {:02}",
        rng.pick(&CITIES),
        rng.pick(&STREETS),
        1 + rng.below(200),
        rng.below(100),
        rng.below(1000),
        rng.below(100),
        rng.below(100)
    );
    if rng.chance(15) {
        let name = rng.pick(&ENTITIES).to_string();
        return (
            Applicant {
                name,
                id: PartyId::Entity(bin(rng)),
                contact,
            },
            kazakh,
        );
    }
    let female = rng.chance(50);
    let name = if kazakh {
        let first = if female {
            rng.pick(&KK_WOMEN)
        } else {
            rng.pick(&KK_MEN)
        };
        let sur = rng.pick(&KK_SURNAMES);
        // Kazakh surnames in -ов/-ев take -а for women; the others do not change.
        let sur = if female && (sur.ends_with("ов") || sur.ends_with("ев")) {
            format!("{sur}а")
        } else {
            sur.to_string()
        };
        format!("{sur} {first}")
    } else {
        let first = if female {
            rng.pick(&RU_WOMEN)
        } else {
            rng.pick(&RU_MEN)
        };
        let sur = rng.pick(&RU_SURNAMES);
        if female {
            format!("{sur}а {first}")
        } else {
            format!("{sur} {first}")
        }
    };
    (
        Applicant {
            name,
            id: PartyId::Individual(iin(rng, female)),
            contact,
        },
        kazakh,
    )
}

/// Where a generated case should stand on `today`.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Plan {
    Overdue,
    DueToday,
    DueTomorrow,
    Running,
    Answered,
    Closed,
}

fn plan(rng: &mut Rng, i: usize) -> Plan {
    // The first cases cover every state, so that even a small demo shows them all.
    const FIRST: [Plan; 6] = [
        Plan::Overdue,
        Plan::DueToday,
        Plan::DueTomorrow,
        Plan::Running,
        Plan::Answered,
        Plan::Closed,
    ];
    if let Some(p) = FIRST.get(i) {
        return *p;
    }
    match rng.below(100) {
        0..=11 => Plan::Overdue,
        12..=17 => Plan::DueToday,
        18..=23 => Plan::DueTomorrow,
        24..=59 => Plan::Running,
        60..=64 => Plan::Answered,
        _ => Plan::Closed,
    }
}

/// `n` working days before `date` (the inverse of counting forward).
fn working_days_before(cal: &Calendar, date: NaiveDate, n: u32) -> NaiveDate {
    let mut d = date;
    for _ in 0..n {
        d = cal.previous_working_day(d).unwrap_or(d);
    }
    d
}

fn next_working_days(cal: &Calendar, date: NaiveDate, n: u32) -> NaiveDate {
    cal.add_working_days(date, n).unwrap_or(date)
}

/// The time an event dated `date` is recorded: during office hours in Kazakhstan (UTC+5).
fn at(date: NaiveDate, rng: &mut Rng) -> DateTime<Utc> {
    let minutes = 4 * 60 + rng.below(8 * 60) as u32; // 09:00..17:00 local
    let t = date
        .and_hms_opt(minutes / 60, minutes % 60, rng.below(60) as u32)
        .unwrap_or_default();
    Utc.from_utc_datetime(&t)
}

/// A case to register: its registration data and the plan for its life.
struct Draft {
    new: NewCase,
    plan: Plan,
    kazakh: bool,
}

fn draft(rng: &mut Rng, i: usize, svc: &Service, today: NaiveDate) -> Draft {
    let cal = &svc.reference.calendar;
    let plan = plan(rng, i);
    let (applicant, kazakh) = applicant(rng);
    let complaint = rng.chance(65);
    let target = match plan {
        Plan::Overdue => working_days_before(
            cal,
            cal.working_day_on_or_after(today).unwrap_or(today),
            1 + rng.below(8) as u32,
        ),
        Plan::DueToday => cal.working_day_on_or_after(today).unwrap_or(today),
        Plan::DueTomorrow => next_working_days(cal, today, 1),
        Plan::Running => next_working_days(cal, today, 2 + rng.below(10) as u32),
        Plan::Answered | Plan::Closed => working_days_before(cal, today, rng.below(120) as u32),
    };
    let (matter, medium, term_wd) = if complaint {
        let addressee = *rng.pick(&[
            Addressee::LocalBody,
            Addressee::LocalBody,
            Addressee::LocalBody,
            Addressee::CentralBody,
            Addressee::CentralBody,
            Addressee::ServiceProvider,
            Addressee::StateCorporation,
            Addressee::StateCorporation,
            Addressee::QualityAuthority,
            Addressee::SuperiorBody,
        ]);
        let medium = if rng.chance(50) {
            Medium::Paper
        } else {
            Medium::Electronic
        };
        let term = match addressee {
            Addressee::QualityAuthority => 15,
            Addressee::SuperiorBody => 20,
            _ => 5,
        };
        (
            Matter::Complaint {
                addressee,
                set_due: None,
            },
            medium,
            term,
        )
    } else {
        let services: Vec<_> = svc.reference.services.services().collect();
        let s = rng.pick(&services);
        let channels: Vec<(Channel, crate::domain::vocabulary::Term)> =
            s.terms.iter().map(|(c, t)| (*c, *t)).collect();
        let (channel, term) = *rng.pick(&channels);
        let medium = match channel {
            Channel::Provider | Channel::StateCorporation => Medium::Paper,
            _ => Medium::Electronic,
        };
        let wd = match term.unit {
            TermUnit::WorkingDays => term.value,
            TermUnit::CalendarDays => term.value * 5 / 7,
            TermUnit::Hours => 0,
        };
        (
            Matter::Application {
                channel,
                service: Some(s.code.clone()),
                term,
            },
            medium,
            wd,
        )
    };
    let registered = working_days_before(cal, target, term_wd).min(today);
    let hostile = rng.chance(1) || i == 7;
    let (subject, text) = if kazakh {
        (
            rng.pick(&KK_SUBJECTS).to_string(),
            rng.pick(&KK_TEXTS)
                .replace("{d}", &registered.format("%d.%m.%Y").to_string()),
        )
    } else {
        (
            rng.pick(&RU_SUBJECTS).to_string(),
            rng.pick(&RU_TEXTS)
                .replace("{d}", &registered.format("%d.%m.%Y").to_string()),
        )
    };
    let (subject, text) = if hostile {
        let h = rng.pick(&HOSTILE);
        (format!("{subject} {h}"), format!("{h}\n{text}\n{h}"))
    } else {
        (subject, text)
    };
    Draft {
        new: NewCase {
            matter,
            medium,
            applicant,
            registered,
            subject,
            text,
        },
        plan,
        kazakh,
    }
}

/// Lives the case's plan: assignment, extension and its notice, decision, answer, closing.
/// A generated step the law would refuse is simply not taken.
#[allow(clippy::too_many_arguments)]
fn live(
    case: &mut Case,
    d: &Draft,
    rng: &mut Rng,
    cal: &Calendar,
    rules: &RuleBook,
    today: NaiveDate,
    officers: &[Actor],
    boss: &Actor,
) {
    let officer = rng.pick(officers).clone();
    // History times never go backwards, whatever the order of the event dates.
    let mut last = case.events.last().map(|e| e.at).unwrap_or_default();
    let mut step = |case: &mut Case, e: EventKind, date: NaiveDate, by: &Actor, rng: &mut Rng| {
        let when = at(date.min(today), rng)
            .max(last + chrono::Duration::minutes(1 + rng.below(30) as i64));
        if case.apply(e, by.clone(), when, cal, rules, today).is_ok() {
            last = when;
        }
    };
    let reg = case.registered;
    let unassigned = d.plan != Plan::Closed && rng.chance(12);
    if !unassigned {
        step(
            case,
            EventKind::Assigned {
                to: Some(officer.login.clone()),
            },
            reg,
            boss,
            rng,
        );
    }
    let by = if unassigned {
        boss.clone()
    } else {
        officer.clone()
    };
    let form = case.medium.notice_form();
    let due = case.deadlines(cal, rules, today).ok().and_then(|dl| dl.due);
    if let Matter::Complaint { addressee, .. } = case.matter {
        if addressee == Addressee::SuperiorBody {
            let due = next_working_days(cal, reg, 10 + rng.below(20) as u32);
            step(case, EventKind::DueSet { due }, reg, &by, rng);
        } else if matches!(
            addressee,
            Addressee::LocalBody | Addressee::CentralBody | Addressee::QualityAuthority
        ) && rng.chance(22)
            && let Some(due) = due
        {
            // Art. 25.4: decided on or before the current due date, at most 10 working days.
            let latest = due.min(today);
            let span = cal.working_days_between(reg, latest).max(1) as u32;
            let date =
                next_working_days(cal, reg, 1 + rng.below(u64::from(span)) as u32).min(latest);
            let days = 3 + rng.below(8) as u32;
            let ground = if rng.chance(50) {
                Ground::Verification
            } else {
                Ground::Information
            };
            let reason = rng.pick(&EXTENSION_REASONS).to_string();
            step(
                case,
                EventKind::Extended {
                    date,
                    days,
                    ground,
                    reason,
                },
                date,
                &by,
                rng,
            );
            // Art. 25.4 ¶2: the notice within three working days; often sent, sometimes owed.
            if rng.chance(55) {
                let sent = next_working_days(cal, date, rng.below(4) as u32);
                if sent <= today {
                    let reference = format!("№ {}-{}", reg.format("%y"), rng.below(9000) + 1000);
                    step(
                        case,
                        EventKind::NoticeSent {
                            kind: NoticeKind::ExtensionNotice,
                            sent,
                            form,
                            reference,
                        },
                        sent,
                        &by,
                        rng,
                    );
                }
            }
        }
    }
    if let Matter::Application { channel, .. } = case.matter
        && rng.chance(3)
    {
        let reason = if d.kazakh {
            "Құжаттар топтамасы толық емес"
        } else {
            "Пакет документов неполный"
        };
        step(
            case,
            EventKind::RefusedAtIntake {
                date: reg,
                reason: reason.into(),
            },
            reg,
            &by,
            rng,
        );
        let _ = channel;
        return;
    }
    if !matches!(d.plan, Plan::Answered | Plan::Closed) {
        if rng.chance(8) {
            let note = if d.kazakh {
                "Өтініш берушіге телефон соғылды"
            } else {
                "Заявителю позвонили, уточнили обстоятельства"
            };
            step(
                case,
                EventKind::NoteAdded { text: note.into() },
                today,
                &by,
                rng,
            );
        }
        return;
    }
    let due = case
        .deadlines(cal, rules, today)
        .ok()
        .and_then(|dl| dl.due)
        .unwrap_or(today)
        .min(today);
    let decided = working_days_before(cal, due, rng.below(3) as u32).max(reg);
    let (outcome, ground) = match case.matter {
        Matter::Complaint { .. } => (
            *rng.pick(&[Outcome::Satisfied, Outcome::Partly, Outcome::Rejected]),
            None,
        ),
        Matter::Application { .. } if rng.chance(10) => {
            (Outcome::Refused, Some("Art. 19-1.2.1".to_string()))
        }
        Matter::Application { .. } => (Outcome::Rendered, None),
    };
    step(
        case,
        EventKind::Decided {
            outcome,
            date: decided,
            ground,
        },
        decided,
        &by,
        rng,
    );
    if let Matter::Application {
        channel: Channel::StateCorporation,
        ..
    } = case.matter
    {
        step(
            case,
            EventKind::NoticeSent {
                kind: NoticeKind::ResultToStateCorporation,
                sent: decided,
                form: Form::Written,
                reference: String::new(),
            },
            decided,
            &by,
            rng,
        );
    }
    let reference = format!("№ {}-{}", decided.format("%y"), rng.below(9000) + 1000);
    step(
        case,
        EventKind::AnswerSent {
            sent: decided,
            form,
            reference,
        },
        decided,
        &by,
        rng,
    );
    if d.plan == Plan::Closed {
        let closed = next_working_days(cal, decided, rng.below(3) as u32).min(today);
        step(case, EventKind::Closed { date: closed }, closed, &by, rng);
    }
}

/// Fills an empty database with demo users and `opts.cases` cases.
pub fn fill(svc: &Service, opts: &DemoOptions) -> Result<DemoReport, ServiceError> {
    // The cases are written below the service: its rows in memory are made again after.
    svc.rows.forget();
    let store = svc.store();
    let count = store.count()?;
    if count > 0 {
        return Err(ServiceError::Invalid(format!(
            "the database '{}' already has {count} cases; demo data goes into a new database (give another --db)",
            store.location(),
        )));
    }
    let mut users = vec![opts.supervisor.clone()];
    for (uid, login, name) in OFFICERS {
        if uid != opts.supervisor.uid && login != opts.supervisor.login {
            users.push(User {
                uid,
                login: login.into(),
                name: name.into(),
                role: Role::Officer,
                disabled: false,
            });
        }
    }
    for u in &users {
        store.put_user(u)?;
    }
    let boss = Actor {
        uid: opts.supervisor.uid,
        login: opts.supervisor.login.clone(),
        name: opts.supervisor.name.clone(),
    };
    let officers: Vec<Actor> = users
        .iter()
        .filter(|u| u.role == Role::Officer)
        .map(|u| Actor {
            uid: u.uid,
            login: u.login.clone(),
            name: u.name.clone(),
        })
        .collect();
    let officers = if officers.is_empty() {
        vec![boss.clone()]
    } else {
        officers
    };

    let mut rng = Rng(opts.seed);
    let mut drafts: Vec<Draft> = (0..opts.cases)
        .map(|i| draft(&mut rng, i, svc, opts.today))
        .collect();
    // Numbers follow registration order, as a register's would.
    drafts.sort_by_key(|d| d.new.registered);
    let body = store.body()?;
    let cal = &svc.reference.calendar;
    let rules = &svc.reference.rules;
    let mut serial: std::collections::BTreeMap<i32, u64> = std::collections::BTreeMap::new();
    let mut batch = Vec::with_capacity(BATCH.min(opts.cases));
    let mut written = 0;
    for d in &drafts {
        let year = d.new.registered.year();
        let n = serial.entry(year).or_insert(0);
        *n += 1;
        let number = format!("{body}-{year}-{n:06}");
        let when = at(d.new.registered, &mut rng);
        let mut case = match Case::register(
            d.new.clone(),
            number,
            boss.clone(),
            when,
            cal,
            rules,
            opts.today,
        ) {
            Ok(c) => c,
            // A registration the rules cannot compute (no edition in force) is left out.
            Err(_) => continue,
        };
        live(
            &mut case, d, &mut rng, cal, rules, opts.today, &officers, &boss,
        );
        batch.push(case);
        if batch.len() == BATCH {
            store.insert_many(&batch)?;
            written += batch.len();
            batch.clear();
        }
    }
    if !batch.is_empty() {
        store.insert_many(&batch)?;
        written += batch.len();
    }
    Ok(DemoReport {
        cases: written,
        users,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generated_ids_are_valid() {
        let mut rng = Rng(7);
        for _ in 0..500 {
            let female = rng.chance(50);
            let i = iin(&mut rng, female);
            assert_eq!(i.is_female(), female);
            assert!(Iin::parse(i.as_str()).is_ok());
            assert!(Bin::parse(bin(&mut rng).as_str()).is_ok());
        }
    }

    #[test]
    fn the_rng_is_stable() {
        // The demo's reproducibility rests on this sequence never changing.
        let mut r = Rng(0);
        assert_eq!(r.next(), 0xE220_A839_7B1D_CDAF);
    }
}

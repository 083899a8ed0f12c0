//! The deadline engine: from a case's facts (registration, addressee or channel, extensions,
//! notices sent), the rules in force and the calendar, derive its due dates and obligations.
//!
//! Nothing here is stored: every due date is recomputed from the events, so none can go stale
//! (DESIGN 1.5). `today` is a parameter, never read from a clock.

use chrono::{Days, NaiveDate};
use serde::{Deserialize, Serialize};
use thiserror::Error;

use super::calendar::{Calendar, CalendarError, Uncertainty};
use super::message::{Localize, Message, Value};
use super::rules::{Edition, NoEdition, RuleBook};
use super::vocabulary::{Addressee, Channel, Form, Ground, Medium, Term, TermUnit};

/// One extension of a complaint's term (Art. 25.4).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Extension {
    /// The day the extension was decided.
    pub date: NaiveDate,
    /// Working days added to the current due date.
    pub days: u32,
    pub ground: Ground,
    #[serde(default)]
    pub reason: String,
}

/// What a sent notice was for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum NoticeKind {
    /// The complainant told of an extension (Art. 25.4 ¶2).
    ExtensionNotice,
    /// The answer to a complaint: its result (Art. 25.2, Art. 5.2.7).
    Answer,
    /// The result of a state service, or the reasoned refusal (Art. 19-1.1), given to the
    /// applicant.
    Result,
    /// The result handed over to the State Corporation (Art. 5.2.5).
    ResultToStateCorporation,
}

impl NoticeKind {
    /// Every kind.
    pub const ALL: [NoticeKind; 4] = [
        NoticeKind::ExtensionNotice,
        NoticeKind::Answer,
        NoticeKind::Result,
        NoticeKind::ResultToStateCorporation,
    ];

    /// The one spelling of this kind.
    pub fn as_str(self) -> &'static str {
        match self {
            NoticeKind::ExtensionNotice => "extension-notice",
            NoticeKind::Answer => "answer",
            NoticeKind::Result => "result",
            NoticeKind::ResultToStateCorporation => "result-to-state-corporation",
        }
    }
}

/// A notice or result sent, as recorded by the officer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NoticeSent {
    pub kind: NoticeKind,
    pub sent: NaiveDate,
    pub form: Form,
    #[serde(default)]
    pub reference: String,
}

/// A follow-up task of the quality authority (Art. 25.3): no statutory term; the due date is
/// the one the officer set.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FollowUp {
    pub what: String,
    pub due: Option<NaiveDate>,
    pub done: Option<NaiveDate>,
}

/// What the deadline engine needs to know about a complaint.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ComplaintFacts {
    pub registered: NaiveDate,
    pub addressee: Addressee,
    pub medium: Medium,
    /// For an addressee without a statutory term (a superior body, Art. 25.1): the due date the
    /// officer set.
    pub set_due: Option<NaiveDate>,
    pub extensions: Vec<Extension>,
    pub notices: Vec<NoticeSent>,
    pub follow_ups: Vec<FollowUp>,
    /// The day the case was closed, if it was: what is still owed then is missed.
    pub closed: Option<NaiveDate>,
}

/// How an application was decided.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ApplicationOutcome {
    /// Not decided yet.
    Pending,
    /// The service is rendered: the result is owed.
    Rendered,
    /// Refused on a ground of Art. 19-1.2 or another law: a reasoned answer is owed.
    Refused,
    /// Refused at intake for an incomplete package (Art. 20.2): no term starts.
    RefusedAtIntake,
}

/// What the deadline engine needs to know about an application for a state service.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApplicationFacts {
    pub registered: NaiveDate,
    pub channel: Channel,
    pub term: Term,
    pub outcome: ApplicationOutcome,
    pub notices: Vec<NoticeSent>,
    /// The day the case was closed, if it was: what is still owed then is missed.
    pub closed: Option<NaiveDate>,
}

/// What an obligation is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ObligationKind {
    /// Consider the complaint and inform the complainant of the result.
    Answer,
    /// Tell the complainant of an extension, with its reasons.
    ExtensionNotice,
    /// Render the service and give the applicant its result.
    Result,
    /// Give the applicant a reasoned refusal.
    RefusalAnswer,
    /// Hand the result over to the State Corporation a day before the term ends.
    ResultToStateCorporation,
    /// A follow-up task of the quality authority.
    FollowUp,
}

impl ObligationKind {
    /// Every kind.
    pub const ALL: [ObligationKind; 6] = [
        ObligationKind::Answer,
        ObligationKind::ExtensionNotice,
        ObligationKind::Result,
        ObligationKind::RefusalAnswer,
        ObligationKind::ResultToStateCorporation,
        ObligationKind::FollowUp,
    ];

    /// The one spelling of this kind.
    pub fn as_str(self) -> &'static str {
        match self {
            ObligationKind::Answer => "answer",
            ObligationKind::ExtensionNotice => "extension-notice",
            ObligationKind::Result => "result",
            ObligationKind::RefusalAnswer => "refusal-answer",
            ObligationKind::ResultToStateCorporation => "result-to-state-corporation",
            ObligationKind::FollowUp => "follow-up",
        }
    }
}

/// Where an obligation stands on `today`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "state", rename_all = "kebab-case")]
pub enum ObligationState {
    /// Not done, not yet overdue.
    Open,
    /// Done on a date; `late` when after the due date, with `late_days` the working days in
    /// (due, on] (0 when done late on a day off right after the due date); `wrong_form` when not
    /// in the required form.
    Done {
        on: NaiveDate,
        late: bool,
        late_days: u32,
        wrong_form: bool,
    },
    /// Not done, and the due date has passed: overdue since the day after it.
    Overdue { since: NaiveDate },
    /// Never done, and it can no longer be: the case was answered (or closed) on `on` without
    /// it. A recorded breach for the case view and reports, never owed, never urgent (DESIGN
    /// 1.5).
    Missed { on: NaiveDate, by: Settled },
}

/// What ended a case's obligations.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Settled {
    /// The answer (complaint) or the result (application) was given.
    Answered,
    /// The case was closed.
    Closed,
}

impl ObligationState {
    /// Still owed: open or overdue. Done and missed obligations are facts, not work.
    pub fn is_owed(&self) -> bool {
        matches!(
            self,
            ObligationState::Open | ObligationState::Overdue { .. }
        )
    }
}

/// Something the body owes, with its due date and legal basis.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Obligation {
    pub kind: ObligationKind,
    /// `None` where no law sets a term and the officer has not set one.
    pub due: Option<NaiveDate>,
    pub form: Option<Form>,
    pub basis: String,
    #[serde(flatten)]
    pub state: ObligationState,
    /// What it refers to, e.g. the extension of a given date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub concerns: Option<Concerns>,
}

/// What an obligation refers to: data, put into words where it is shown.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "concerns", rename_all = "kebab-case")]
pub enum Concerns {
    /// An extension notice is about the extension decided on `date` (Art. 25.4 ¶2).
    Extension {
        date: NaiveDate,
        days: u32,
        ground: Ground,
    },
    /// A follow-up task, as the officer wrote it (Art. 25.3).
    FollowUp { what: String },
}

impl std::fmt::Display for Concerns {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Concerns::Extension { date, days, ground } => {
                write!(f, "extension of {date} by {days} working days ({ground})")
            }
            Concerns::FollowUp { what } => f.write_str(what),
        }
    }
}

/// Everything the engine derives for a case.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Deadlines {
    /// The current due date; `None` where no term applies yet.
    pub due: Option<NaiveDate>,
    /// The due date before any extension.
    pub original_due: Option<NaiveDate>,
    /// The original and every extended due date, in order.
    pub due_history: Vec<NaiveDate>,
    /// Working days added by extensions in total.
    pub extended_days: u32,
    /// What the term is and where it comes from.
    pub term: Option<String>,
    pub term_basis: String,
    /// The rules edition applied.
    pub edition: String,
    /// Some date depends on calendar data that is not final.
    pub provisional: bool,
    pub uncertain: Vec<Uncertainty>,
    pub obligations: Vec<Obligation>,
    /// Recorded extensions that the rules and calendar in force now would refuse (e.g. after an
    /// office corrected an estimated holiday). They happened and still count; this says why the
    /// record looks irregular, so a person can look at it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub irregular: Vec<Refusal>,
}

impl Deadlines {
    /// The obligation to answer (complaint), or to give the result or the reasoned refusal
    /// (application): the one whose fulfilment settles the case.
    pub fn main(&self) -> Option<&Obligation> {
        self.obligations.iter().find(|o| {
            matches!(
                o.kind,
                ObligationKind::Answer | ObligationKind::Result | ObligationKind::RefusalAnswer
            )
        })
    }

    /// When the answer or result was given, if it was, and how many working days late (0: on
    /// time; `None` when late on a day off right after the due date).
    pub fn answered(&self) -> Option<Answered> {
        match self.main()?.state {
            ObligationState::Done {
                on,
                late,
                late_days,
                ..
            } => Some(Answered {
                on,
                late,
                late_days,
            }),
            _ => None,
        }
    }

    /// What is due next: the owed obligation with the earliest due date (the first listed on a
    /// tie). The queue sorts on its date and shows it (DESIGN 1.5: what is sorted on is what
    /// is shown).
    pub fn next(&self) -> Option<&Obligation> {
        let mut best: Option<&Obligation> = None;
        for o in &self.obligations {
            if !o.state.is_owed() || o.due.is_none() {
                continue;
            }
            if best.is_none_or(|b| o.due < b.due) {
                best = Some(o);
            }
        }
        best
    }
}

/// When a case's answer or result went out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Answered {
    pub on: NaiveDate,
    /// After the due date.
    pub late: bool,
    /// Working days after the due date (0 when on time, or late on a day off just after it).
    pub late_days: u32,
}

/// An action the law does not allow, naming the rule it breaks.
#[derive(Debug, Clone, PartialEq, Eq, Error, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Refusal {
    #[error(
        "{basis}: a complaint to a {addressee} cannot be extended; only {} may extend",
        or_list(allowed)
    )]
    MayNotExtend {
        addressee: Addressee,
        allowed: Vec<Addressee>,
        basis: String,
    },
    #[error(
        "{basis}: '{ground}' is not a ground for extension; the grounds are {}",
        or_list(allowed)
    )]
    GroundNotAllowed {
        /// As given (it may not be a ground at all).
        ground: String,
        allowed: Vec<Ground>,
        basis: String,
    },
    #[error("{basis}: extensions would total {total} working days, over the cap of {cap}")]
    OverCap { total: u32, cap: u32, basis: String },
    #[error("{basis}: an extension must add at least one working day")]
    ZeroDays { basis: String },
    #[error(
        "{basis}: the extension of {date} comes after the due date {due}; it must be decided on or before it"
    )]
    AfterDue {
        date: NaiveDate,
        due: NaiveDate,
        basis: String,
    },
    #[error("the extension of {date} is before the registration date {registered}")]
    BeforeRegistration {
        date: NaiveDate,
        registered: NaiveDate,
    },
    #[error(
        "{basis}: the term of a complaint to a {addressee} is set by law; a due date cannot be set by hand"
    )]
    TermSetByLaw { addressee: Addressee, basis: String },
    #[error("{0}")]
    NoEdition(#[from] NoEdition),
    #[error("the due date cannot be computed: {0}")]
    Calendar(#[from] CalendarError),
}

impl Localize for Refusal {
    fn message(&self) -> Message {
        let words = |prefix: &str, list: Vec<&str>| {
            Value::Words(list.iter().map(|w| format!("{prefix}-{w}")).collect())
        };
        match self {
            Refusal::MayNotExtend {
                addressee,
                allowed,
                basis,
            } => Message::new("refusal-may-not-extend")
                .basis("basis", basis)
                .word("addressee", format!("addressee-{}", addressee.as_str()))
                .with(
                    "allowed",
                    words("addressee", allowed.iter().map(|a| a.as_str()).collect()),
                ),
            Refusal::GroundNotAllowed {
                ground,
                allowed,
                basis,
            } => Message::new("refusal-ground-not-allowed")
                .basis("basis", basis)
                .text("ground", ground)
                .with(
                    "allowed",
                    words("ground", allowed.iter().map(|g| g.as_str()).collect()),
                ),
            Refusal::OverCap { total, cap, basis } => Message::new("refusal-over-cap")
                .basis("basis", basis)
                .number("total", *total)
                .number("cap", *cap),
            Refusal::ZeroDays { basis } => Message::new("refusal-zero-days").basis("basis", basis),
            Refusal::AfterDue { date, due, basis } => Message::new("refusal-after-due")
                .basis("basis", basis)
                .date("date", *date)
                .date("due", *due),
            Refusal::BeforeRegistration { date, registered } => {
                Message::new("refusal-before-registration")
                    .date("date", *date)
                    .date("registered", *registered)
            }
            Refusal::TermSetByLaw { addressee, basis } => Message::new("refusal-term-set-by-law")
                .basis("basis", basis)
                .word("addressee", format!("addressee-{}", addressee.as_str())),
            Refusal::NoEdition(e) => Message::new("refusal-no-edition")
                .date("date", e.date)
                .date("earliest", e.earliest),
            Refusal::Calendar(e) => Message::new("refusal-calendar")
                .with("reason", Value::Message(Box::new(e.message()))),
        }
    }
}

/// A list of alternatives in English: "'quality-authority', 'central-body' or 'local-body'".
fn or_list<T: std::fmt::Display>(items: &[T]) -> String {
    let names: Vec<String> = items.iter().map(|i| format!("'{i}'")).collect();
    match names.as_slice() {
        [] => "nobody".into(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} or {last}", init.join(", ")),
    }
}

/// Checks that `ext` may be added to a complaint whose current due date is `current_due` after
/// `extended` working days of earlier extensions (Art. 25.4).
pub fn check_extension(
    edition: &Edition,
    facts: &ComplaintFacts,
    current_due: Option<NaiveDate>,
    extended: u32,
    ext: &Extension,
) -> Result<(), Refusal> {
    let rule = &edition.complaint.extension;
    let basis = rule.basis.clone();
    // Art. 25.4: only the quality authority, a central state body or a local executive body.
    if !rule.may_extend.contains(&facts.addressee) {
        return Err(Refusal::MayNotExtend {
            addressee: facts.addressee,
            allowed: rule.may_extend.clone(),
            basis,
        });
    }
    // Art. 25.4: a closed list of two grounds.
    if !rule.grounds.contains(&ext.ground) {
        return Err(Refusal::GroundNotAllowed {
            ground: ext.ground.to_string(),
            allowed: rule.grounds.clone(),
            basis,
        });
    }
    if ext.days == 0 {
        return Err(Refusal::ZeroDays { basis });
    }
    // Art. 25.4: "not more than ten working days": all extensions together.
    let total = extended.saturating_add(ext.days);
    if total > rule.cap_working_days {
        return Err(Refusal::OverCap {
            total,
            cap: rule.cap_working_days,
            basis,
        });
    }
    if ext.date < facts.registered {
        return Err(Refusal::BeforeRegistration {
            date: ext.date,
            registered: facts.registered,
        });
    }
    // An extension prolongs a running term: it is decided on or before the current due date.
    if let Some(due) = current_due
        && ext.date > due
    {
        return Err(Refusal::AfterDue {
            date: ext.date,
            due,
            basis,
        });
    }
    Ok(())
}

/// Where an obligation due on `due` in form `form` stands, given the notice that fulfils it.
/// Not done: open, or overdue once `today` is past the due date (without `settled`, see
/// [`settle`]).
fn state_of(
    cal: &Calendar,
    due: Option<NaiveDate>,
    form: Option<Form>,
    done: Option<Done>,
    today: NaiveDate,
) -> ObligationState {
    match (done, due) {
        (Some(d), due) => {
            let late = due.is_some_and(|due| d.on > due);
            let late_days = match due {
                Some(due) if late => {
                    u32::try_from(cal.working_days_between(due, d.on)).unwrap_or(u32::MAX)
                }
                _ => 0,
            };
            ObligationState::Done {
                on: d.on,
                late,
                late_days,
                wrong_form: matches!((form, d.form), (Some(want), Some(got)) if want != got),
            }
        }
        (None, Some(due)) if today > due => ObligationState::Overdue {
            since: due.checked_add_days(Days::new(1)).unwrap_or(due),
        },
        (None, _) => ObligationState::Open,
    }
}

/// DESIGN 1.5: once the answer (complaint) or result (application) is given, or the case is
/// closed, nothing is owed any more: an obligation not done by then is missed, a recorded
/// breach. A follow-up of the quality authority (Art. 25.3) comes after the answer by its
/// nature and stays owed until the case is closed.
fn settle(obligations: &mut [Obligation], closed: Option<NaiveDate>) {
    let answered = obligations.iter().find_map(|o| match (o.kind, o.state) {
        (
            ObligationKind::Answer | ObligationKind::Result | ObligationKind::RefusalAnswer,
            ObligationState::Done { on, .. },
        ) => Some(on),
        _ => None,
    });
    for o in obligations.iter_mut() {
        if !o.state.is_owed() {
            continue;
        }
        let by = match (answered, closed) {
            (Some(on), _) if o.kind != ObligationKind::FollowUp => Some((on, Settled::Answered)),
            (_, Some(on)) => Some((on, Settled::Closed)),
            _ => None,
        };
        if let Some((on, by)) = by {
            o.state = ObligationState::Missed { on, by };
        }
    }
}

/// When and in which form an obligation was fulfilled (the form where one is recorded).
#[derive(Debug, Clone, Copy)]
struct Done {
    on: NaiveDate,
    form: Option<Form>,
}

impl From<&NoticeSent> for Done {
    fn from(n: &NoticeSent) -> Done {
        Done {
            on: n.sent,
            form: Some(n.form),
        }
    }
}

/// Which sent extension notice answers which extension (indices into `notices`, one per
/// extension, `extensions` in date order). A notice does not say which extension it was for, so
/// each notice, in the order sent, goes to the latest extension decided on or before it that
/// has none yet. Of the readings possible, this one never shows a late notice as on time: a
/// notice is taken for the most recent extension, and an earlier one left without is shown as
/// owed or late.
fn match_extension_notices(extensions: &[Extension], notices: &[NoticeSent]) -> Vec<Option<usize>> {
    let mut order: Vec<usize> = (0..notices.len())
        .filter(|&i| notices[i].kind == NoticeKind::ExtensionNotice)
        .collect();
    order.sort_by_key(|&i| notices[i].sent);
    let mut matched: Vec<Option<usize>> = vec![None; extensions.len()];
    for n in order {
        let sent = notices[n].sent;
        if let Some(e) = (0..extensions.len())
            .rev()
            .find(|&e| matched[e].is_none() && extensions[e].date <= sent)
        {
            matched[e] = Some(n);
        }
    }
    matched
}

/// The earliest notice of `kind` sent on or after `from`, not already used.
fn take_notice<'a>(
    notices: &'a [NoticeSent],
    used: &mut [bool],
    kind: NoticeKind,
    from: NaiveDate,
) -> Option<&'a NoticeSent> {
    let mut best: Option<usize> = None;
    for (i, n) in notices.iter().enumerate() {
        if used[i] || n.kind != kind || n.sent < from {
            continue;
        }
        if best.is_none_or(|b| n.sent < notices[b].sent) {
            best = Some(i);
        }
    }
    best.map(|i| {
        used[i] = true;
        &notices[i]
    })
}

/// Due dates and obligations of a complaint (Art. 25, Art. 5.2.7), or the refusal of the first
/// extension the law does not allow.
///
/// ```
/// # use merzim::domain::{calendar::Calendar, rules::RuleBook, deadline::*, vocabulary::*};
/// # use chrono::NaiveDate;
/// # let rules = RuleBook::parse("r", include_str!("../../data/rules/kz-state-services.toml")).unwrap();
/// let cal = Calendar::weekends_only();
/// let facts = ComplaintFacts {
///     registered: NaiveDate::from_ymd_opt(2026, 11, 20).unwrap(), // a Friday
///     addressee: Addressee::LocalBody,
///     medium: Medium::Paper,
///     set_due: None, extensions: vec![], notices: vec![], follow_ups: vec![], closed: None,
/// };
/// let today = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
/// let d = complaint_deadlines(&cal, &rules, &facts, today).unwrap();
/// // Art. 25.2: five working days from the day after registration: Mon 23 .. Fri 27.
/// assert_eq!(d.due, NaiveDate::from_ymd_opt(2026, 11, 27));
/// ```
pub fn complaint_deadlines(
    cal: &Calendar,
    rules: &RuleBook,
    facts: &ComplaintFacts,
    today: NaiveDate,
) -> Result<Deadlines, Refusal> {
    let edition = rules.edition_for(facts.registered)?;
    let c = &edition.complaint;
    let form = facts.medium.notice_form();
    let (original_due, term, term_basis) = match c.term_for(facts.addressee) {
        Some(t) => {
            if facts.set_due.is_some() {
                return Err(Refusal::TermSetByLaw {
                    addressee: facts.addressee,
                    basis: t.basis.clone(),
                });
            }
            (
                Some(cal.add_working_days(facts.registered, t.working_days)?),
                Some(format!("{}wd", t.working_days)),
                t.basis.clone(),
            )
        }
        // Art. 25.1: no term in this law; the officer's date, if set.
        None => (facts.set_due, None, c.no_term_basis.clone()),
    };

    let mut extensions = facts.extensions.clone();
    extensions.sort_by_key(|e| e.date);
    let mut due = original_due;
    let mut due_history: Vec<NaiveDate> = original_due.into_iter().collect();
    let mut extended = 0u32;
    let mut used = vec![false; facts.notices.len()];
    let mut obligations = Vec::new();
    // The dates the calendar decides: a due date set by the superior body (Art. 25.1) is the
    // officer's, not computed, so it is never provisional.
    let mut latest = match term {
        Some(_) => original_due.unwrap_or(facts.registered),
        None => facts.registered,
    };
    let mut irregular = Vec::new();
    let notice_for = match_extension_notices(&extensions, &facts.notices);
    for (i, ext) in extensions.iter().enumerate() {
        // Recorded extensions are facts: they were checked when they were recorded
        // (`check_new_extension`). Checked again here only to say so if they now look irregular;
        // a correction of the calendar or the rules must never make a case lose its due date.
        if let Err(r) = check_extension(edition, facts, due, extended, ext) {
            irregular.push(r);
        }
        extended = extended.saturating_add(ext.days);
        // Art. 25.4: new due date = current due date + n working days. The rule list only lets
        // addressees with a term extend, so `due` is set here; a guard keeps it total anyway.
        if let Some(current) = due {
            let new_due = cal.add_working_days(current, ext.days)?;
            due = Some(new_due);
            due_history.push(new_due);
            latest = latest.max(new_due);
        }
        // Art. 25.4 ¶2: within three working days of the extension, in the filing's form.
        let notice_rule = &c.extension_notice;
        let notice_due = cal.add_working_days(ext.date, notice_rule.working_days)?;
        latest = latest.max(notice_due);
        let done = notice_for[i].map(|n| &facts.notices[n]);
        obligations.push(Obligation {
            kind: ObligationKind::ExtensionNotice,
            due: Some(notice_due),
            form: Some(form),
            basis: notice_rule.basis.clone(),
            state: state_of(
                cal,
                Some(notice_due),
                Some(form),
                done.map(Done::from),
                today,
            ),
            concerns: Some(Concerns::Extension {
                date: ext.date,
                days: ext.days,
                ground: ext.ground,
            }),
        });
    }

    // Art. 25.2, Art. 5.2.7: consider the complaint and inform of the result within the term.
    let answer = take_notice(
        &facts.notices,
        &mut used,
        NoticeKind::Answer,
        facts.registered,
    );
    obligations.insert(
        0,
        Obligation {
            kind: ObligationKind::Answer,
            due,
            form: Some(form),
            basis: c.answer_basis.clone(),
            state: state_of(cal, due, Some(form), answer.map(Done::from), today),
            concerns: None,
        },
    );
    // Art. 25.3: the quality authority's follow-ups, on the officer's dates.
    if c.follow_up.addressees.contains(&facts.addressee) {
        for f in &facts.follow_ups {
            obligations.push(Obligation {
                kind: ObligationKind::FollowUp,
                due: f.due,
                form: None,
                basis: c.follow_up.basis.clone(),
                state: state_of(
                    cal,
                    f.due,
                    None,
                    f.done.map(|on| Done { on, form: None }),
                    today,
                ),
                concerns: Some(Concerns::FollowUp {
                    what: f.what.clone(),
                }),
            });
        }
    }

    settle(&mut obligations, facts.closed);
    let uncertain = cal.uncertainty(facts.registered, latest);
    Ok(Deadlines {
        due,
        original_due,
        due_history,
        extended_days: extended,
        term,
        term_basis,
        edition: edition.id.clone(),
        provisional: !uncertain.is_empty(),
        uncertain,
        obligations,
        irregular,
    })
}

/// Checks a new extension of a complaint against the law (Art. 25.4), given the extensions
/// already recorded: who may extend, the ground, the 10-working-day cap, and that it is decided
/// on or before the current due date. Call it before recording; recomputing recorded facts
/// never refuses them (see [`complaint_deadlines`]).
pub fn check_new_extension(
    cal: &Calendar,
    rules: &RuleBook,
    facts: &ComplaintFacts,
    ext: &Extension,
) -> Result<(), Refusal> {
    let edition = rules.edition_for(facts.registered)?;
    let d = complaint_deadlines(cal, rules, facts, ext.date)?;
    check_extension(edition, facts, d.due, d.extended_days, ext)
}

/// The due date of a service's term counted from `registered` (DESIGN 1.3).
///
/// Working and calendar days follow the counting convention; the reception day never counts,
/// which is also what Art. 20.1 asks for paper documents through the State Corporation. A term in
/// hours is a same-day term: the registration time is not recorded, so the due date is the
/// earliest the term can end, `registered` + whole days of the hours, on a working day, so that a
/// deadline is never shown later than it is.
pub fn term_due(
    cal: &Calendar,
    registered: NaiveDate,
    term: Term,
) -> Result<NaiveDate, CalendarError> {
    match term.unit {
        TermUnit::WorkingDays => cal.add_working_days(registered, term.value),
        TermUnit::CalendarDays => cal.add_calendar_days(registered, term.value),
        TermUnit::Hours => {
            let end = registered
                .checked_add_days(Days::new(u64::from(term.value / 24)))
                .ok_or(CalendarError::OutOfRange)?;
            cal.working_day_on_or_after(end)
        }
    }
}

/// Whether a term is "within one working day" (Art. 5.2.5, 2022 text): a term of at most one
/// working day, or of at most one working day's hours (8, Labour Code Art. 68).
pub fn is_one_working_day(term: Term) -> bool {
    match term.unit {
        TermUnit::WorkingDays => term.value <= 1,
        TermUnit::Hours => term.value <= 8,
        TermUnit::CalendarDays => false,
    }
}

/// Due dates and obligations of an application for a state service (Arts. 5.2.5, 19-1, 20).
pub fn application_deadlines(
    cal: &Calendar,
    rules: &RuleBook,
    facts: &ApplicationFacts,
    today: NaiveDate,
) -> Result<Deadlines, Refusal> {
    let edition = rules.edition_for(facts.registered)?;
    let a = &edition.application;
    // Art. 20.2: an incomplete package is refused at intake: no term starts.
    if facts.outcome == ApplicationOutcome::RefusedAtIntake {
        return Ok(Deadlines {
            due: None,
            original_due: None,
            due_history: Vec::new(),
            extended_days: 0,
            term: Some(facts.term.to_string()),
            term_basis: "Art. 20.2".into(),
            edition: edition.id.clone(),
            provisional: false,
            uncertain: Vec::new(),
            obligations: Vec::new(),
            irregular: Vec::new(),
        });
    }
    let due = term_due(cal, facts.registered, facts.term)?;
    let mut used = vec![false; facts.notices.len()];
    let mut obligations = Vec::new();
    let (kind, basis) = if facts.outcome == ApplicationOutcome::Refused {
        // Art. 19-1.1: a reasoned answer naming the ground.
        (ObligationKind::RefusalAnswer, a.refusal_basis.clone())
    } else {
        (ObligationKind::Result, a.result_basis.clone())
    };
    let done = take_notice(
        &facts.notices,
        &mut used,
        NoticeKind::Result,
        facts.registered,
    );
    obligations.push(Obligation {
        kind,
        due: Some(due),
        form: None,
        basis,
        state: state_of(cal, Some(due), None, done.map(Done::from), today),
        concerns: None,
    });
    // Art. 5.2.5: through the State Corporation, the result is with it a day before the term
    // ends; since 2022 not for services rendered within one working day.
    let h = &a.handover;
    let exempt = h.one_working_day_exempt && is_one_working_day(facts.term);
    if facts.channel == Channel::StateCorporation && !exempt {
        let mut handover = due;
        for _ in 0..h.days_before {
            handover = cal.previous_working_day(handover)?;
        }
        // A same-day service under the old text: the day before the term is before the
        // application itself; the earliest real day is the registration day.
        let handover = handover.max(facts.registered);
        let done = take_notice(
            &facts.notices,
            &mut used,
            NoticeKind::ResultToStateCorporation,
            facts.registered,
        );
        obligations.push(Obligation {
            kind: ObligationKind::ResultToStateCorporation,
            due: Some(handover),
            form: None,
            basis: h.basis.clone(),
            state: state_of(cal, Some(handover), None, done.map(Done::from), today),
            concerns: None,
        });
    }
    settle(&mut obligations, facts.closed);
    let uncertain = cal.uncertainty(facts.registered, due);
    Ok(Deadlines {
        due: Some(due),
        original_due: Some(due),
        due_history: vec![due],
        extended_days: 0,
        term: Some(facts.term.to_string()),
        term_basis: a.result_basis.clone(),
        edition: edition.id.clone(),
        provisional: !uncertain.is_empty(),
        uncertain,
        obligations,
        irregular: Vec::new(),
    })
}

//! The deadline engine: from a case's facts (registration, addressee or channel, extensions,
//! notices sent), the rules in force and the calendar, derive its due dates and obligations.
//!
//! Nothing here is stored: every due date is recomputed from the events, so none can go stale
//! (DESIGN 1.5). `today` is a parameter, never read from a clock.

use chrono::{Days, NaiveDate};
use serde::{Deserialize, Serialize};
use thiserror::Error;

use super::calendar::{Calendar, CalendarError, Uncertainty};
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
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "state", rename_all = "kebab-case")]
pub enum ObligationState {
    /// Not done, not yet overdue.
    Open,
    /// Done on a date; `late` when after the due date, `wrong_form` when not in the required form.
    Done {
        on: NaiveDate,
        late: bool,
        wrong_form: bool,
    },
    /// Not done, and the due date has passed: overdue since the day after it.
    Overdue { since: NaiveDate },
}

/// Something the body owes, with its due date and legal basis.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Obligation {
    pub kind: ObligationKind,
    /// `None` where no law sets a term and the officer has not set one.
    pub due: Option<NaiveDate>,
    pub form: Option<Form>,
    pub basis: String,
    #[serde(flatten)]
    pub state: ObligationState,
    /// What it refers to, e.g. the extension of a given date.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub concerns: Option<String>,
}

/// Everything the engine derives for a case.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
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
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub irregular: Vec<String>,
}

/// An action the law does not allow, naming the rule it breaks.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum Refusal {
    #[error("{basis}: a complaint to a {addressee} cannot be extended; only {allowed} may extend")]
    MayNotExtend {
        addressee: Addressee,
        allowed: String,
        basis: String,
    },
    #[error("{basis}: '{ground}' is not a ground for extension; the grounds are {allowed}")]
    GroundNotAllowed {
        ground: String,
        allowed: String,
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

/// One `Refusal` per human-readable list: "the quality-authority, central-body or local-body".
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
            allowed: or_list(&rule.may_extend),
            basis,
        });
    }
    // Art. 25.4: a closed list of two grounds.
    if !rule.grounds.contains(&ext.ground) {
        return Err(Refusal::GroundNotAllowed {
            ground: ext.ground.to_string(),
            allowed: or_list(&rule.grounds),
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
fn state_of(
    due: Option<NaiveDate>,
    form: Option<Form>,
    done: Option<Done>,
    today: NaiveDate,
) -> ObligationState {
    match (done, due) {
        (Some(d), due) => ObligationState::Done {
            on: d.on,
            late: due.is_some_and(|due| d.on > due),
            wrong_form: matches!((form, d.form), (Some(want), Some(got)) if want != got),
        },
        (None, Some(due)) if today > due => ObligationState::Overdue {
            since: due.checked_add_days(Days::new(1)).unwrap_or(due),
        },
        (None, _) => ObligationState::Open,
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
///     set_due: None, extensions: vec![], notices: vec![], follow_ups: vec![],
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
    let mut latest = original_due.unwrap_or(facts.registered);
    let mut irregular = Vec::new();
    let notice_for = match_extension_notices(&extensions, &facts.notices);
    for (i, ext) in extensions.iter().enumerate() {
        // Recorded extensions are facts: they were checked when they were recorded
        // (`check_new_extension`). Checked again here only to say so if they now look irregular;
        // a correction of the calendar or the rules must never make a case lose its due date.
        if let Err(r) = check_extension(edition, facts, due, extended, ext) {
            irregular.push(r.to_string());
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
            state: state_of(Some(notice_due), Some(form), done.map(Done::from), today),
            concerns: Some(format!(
                "extension of {} by {} working days ({})",
                ext.date, ext.days, ext.ground
            )),
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
            state: state_of(due, Some(form), answer.map(Done::from), today),
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
                state: state_of(f.due, None, f.done.map(|on| Done { on, form: None }), today),
                concerns: Some(f.what.clone()),
            });
        }
    }

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
        state: state_of(Some(due), None, done.map(Done::from), today),
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
            state: state_of(Some(handover), None, done.map(Done::from), today),
            concerns: None,
        });
    }
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

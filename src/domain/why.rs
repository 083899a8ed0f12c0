//! "Why this date" (DESIGN 1.5): a case's current due date as the steps that made it, each
//! with its legal basis and its days: the base term counted from registration (working days,
//! calendar days or hours), then every extension added to the due date of its time
//! (Art. 25.4), or the date a superior body set where the law sets none (Art. 25.1).
//!
//! The engine owns this, not the screens: the steps are computed with the same calendar
//! functions as the due date itself, and a test checks that the last step ends on it.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::calendar::{Calendar, ExplainedDay, Explanation, Uncertainty};
use super::deadline::{ApplicationFacts, ApplicationOutcome, ComplaintFacts, Refusal, term_due};
use super::rules::RuleBook;
use super::vocabulary::{Ground, Term, TermUnit};

/// One step towards the due date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "step", rename_all = "kebab-case")]
pub enum WhyStep {
    /// The term counted from the registration date. The days are working days counted one by
    /// one for a working-day term; for a calendar-day or hours term, every calendar day up to
    /// the end, then the days the end moves over to reach a working day.
    Term {
        term: Term,
        basis: String,
        from: NaiveDate,
        days: Vec<ExplainedDay>,
        /// Where the term ends: the original due date.
        result: NaiveDate,
    },
    /// An extension decided on `date`: `days` working days added to the due date `from`
    /// (Art. 25.4).
    Extension {
        date: NaiveDate,
        added: u32,
        ground: Ground,
        basis: String,
        from: NaiveDate,
        days: Vec<ExplainedDay>,
        result: NaiveDate,
    },
    /// The due date a superior body set where this law sets no term (Art. 25.1): not
    /// computed, so not provisional.
    SetByOfficer { due: NaiveDate, basis: String },
    /// No term applies: a superior body without a set date (Art. 25.1), or an application
    /// refused at intake (Art. 20.2).
    NoTerm { basis: String },
}

/// Every step of a case's due date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Why {
    pub registered: NaiveDate,
    pub steps: Vec<WhyStep>,
    /// The current due date: where the last step ends.
    pub due: Option<NaiveDate>,
    /// Calendar data the computed dates depend on that is not final.
    pub uncertain: Vec<Uncertainty>,
}

/// "Why this date" for a complaint (Art. 25.2, 25.4, 25.1).
pub fn why_complaint(
    cal: &Calendar,
    rules: &RuleBook,
    facts: &ComplaintFacts,
) -> Result<Why, Refusal> {
    let edition = rules.edition_for(facts.registered)?;
    let c = &edition.complaint;
    let Some(t) = c.term_for(facts.addressee) else {
        // Art. 25.1: no term in this law; the superior body's own date, if set.
        let step = match facts.set_due {
            Some(due) => WhyStep::SetByOfficer {
                due,
                basis: c.no_term_basis.clone(),
            },
            None => WhyStep::NoTerm {
                basis: c.no_term_basis.clone(),
            },
        };
        return Ok(Why {
            registered: facts.registered,
            steps: vec![step],
            due: facts.set_due,
            uncertain: Vec::new(),
        });
    };
    let base = cal.explain_working_days(facts.registered, t.working_days)?;
    let mut due = base.result;
    let mut steps = vec![WhyStep::Term {
        term: Term {
            value: t.working_days,
            unit: TermUnit::WorkingDays,
        },
        basis: t.basis.clone(),
        from: facts.registered,
        days: base.days,
        result: base.result,
    }];
    // Art. 25.4: new due date = current due date + n working days, in the order decided (the
    // same order as `complaint_deadlines`).
    let mut extensions = facts.extensions.clone();
    extensions.sort_by_key(|e| e.date);
    for ext in &extensions {
        let Explanation { days, result, .. } = cal.explain_working_days(due, ext.days)?;
        steps.push(WhyStep::Extension {
            date: ext.date,
            added: ext.days,
            ground: ext.ground,
            basis: c.extension.basis.clone(),
            from: due,
            days,
            result,
        });
        due = result;
    }
    Ok(Why {
        registered: facts.registered,
        steps,
        due: Some(due),
        uncertain: cal.uncertainty(facts.registered, due),
    })
}

/// "Why this date" for an application: the service's term from registration (DESIGN 1.3).
pub fn why_application(
    cal: &Calendar,
    rules: &RuleBook,
    facts: &ApplicationFacts,
) -> Result<Why, Refusal> {
    let edition = rules.edition_for(facts.registered)?;
    if facts.outcome == ApplicationOutcome::RefusedAtIntake {
        // Art. 20.2: an incomplete package is refused at intake: no term starts.
        return Ok(Why {
            registered: facts.registered,
            steps: vec![WhyStep::NoTerm {
                basis: "Art. 20.2".into(),
            }],
            due: None,
            uncertain: Vec::new(),
        });
    }
    let term = facts.term;
    let explained = match term.unit {
        TermUnit::WorkingDays => cal.explain_working_days(facts.registered, term.value)?,
        TermUnit::CalendarDays => cal.explain_calendar_days(facts.registered, term.value)?,
        // A term in hours ends, at the earliest, whole days of it after registration, on a
        // working day (see `term_due`): the calendar-day count of those whole days.
        TermUnit::Hours => cal.explain_calendar_days(facts.registered, term.value / 24)?,
    };
    debug_assert_eq!(Ok(explained.result), term_due(cal, facts.registered, term));
    let due = explained.result;
    Ok(Why {
        registered: facts.registered,
        steps: vec![WhyStep::Term {
            term,
            basis: edition.application.result_basis.clone(),
            from: facts.registered,
            days: explained.days,
            result: due,
        }],
        due: Some(due),
        uncertain: explained.uncertain,
    })
}

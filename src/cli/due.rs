//! `merzim due ...`: a case's due dates and obligations from the shell.

use std::fmt::Write;

use chrono::NaiveDate;
use clap::{Args, Subcommand};
use serde_json::json;

use super::{Failure, parse_date};
use crate::domain::deadline::{
    self, ApplicationFacts, ApplicationOutcome, ComplaintFacts, Deadlines, Extension, NoticeKind,
    NoticeSent, ObligationState, Refusal,
};
use crate::domain::vocabulary::{Addressee, Channel, Form, Ground, Medium, Term};
use crate::reference::Reference;

#[derive(Debug, Subcommand)]
pub enum DueCmd {
    /// A complaint (Art. 25).
    Complaint(ComplaintArgs),
    /// An application for a state service (Arts. 5.2.5, 19-1, 20).
    Application(ApplicationArgs),
}

#[derive(Debug, Args)]
pub struct ComplaintArgs {
    /// central-body, local-body, service-provider, state-corporation, quality-authority or superior-body.
    #[arg(long)]
    addressee: Addressee,
    /// The registration date, YYYY-MM-DD.
    #[arg(long, value_parser = parse_date)]
    registered: NaiveDate,
    /// How the complaint was filed (decides the form of notices).
    #[arg(long, default_value = "electronic")]
    medium: Medium,
    /// An extension DATE:DAYS:GROUND, GROUND verification or information; repeatable.
    #[arg(long = "extend", value_name = "DATE:DAYS:GROUND", value_parser = parse_extension)]
    extensions: Vec<(NaiveDate, u32, String)>,
    /// A notice sent KIND:DATE:FORM (kind extension-notice or answer; form written or electronic); repeatable.
    #[arg(long = "notice", value_name = "KIND:DATE:FORM", value_parser = parse_notice)]
    notices: Vec<NoticeSent>,
    /// For a superior body (no term in this law, Art. 25.1): the due date the officer set.
    #[arg(long, value_parser = parse_date)]
    set_due: Option<NaiveDate>,
    /// Print one JSON object.
    #[arg(long)]
    json: bool,
}

#[derive(Debug, Args)]
pub struct ApplicationArgs {
    /// The service's code in the register.
    #[arg(long, conflicts_with = "term", required_unless_present = "term")]
    service: Option<String>,
    /// The term, e.g. 10wd (working days), 30cd (calendar days), 4h (hours).
    #[arg(long)]
    term: Option<Term>,
    /// provider, state-corporation, portal, device or other.
    #[arg(long)]
    channel: Channel,
    /// The registration date, YYYY-MM-DD.
    #[arg(long, value_parser = parse_date)]
    registered: NaiveDate,
    /// pending, rendered, refused or refused-at-intake.
    #[arg(long, default_value = "pending", value_parser = parse_outcome)]
    outcome: ApplicationOutcome,
    /// A result sent KIND:DATE:FORM (kind result or result-to-state-corporation); repeatable.
    #[arg(long = "notice", value_name = "KIND:DATE:FORM", value_parser = parse_notice)]
    notices: Vec<NoticeSent>,
    /// Print one JSON object.
    #[arg(long)]
    json: bool,
}

fn parse_extension(s: &str) -> Result<(NaiveDate, u32, String), String> {
    let parts: Vec<&str> = s.split(':').collect();
    let [date, days, ground] = parts.as_slice() else {
        return Err(format!(
            "'{s}' is not DATE:DAYS:GROUND, e.g. 2026-03-02:5:verification"
        ));
    };
    let date = parse_date(date)?;
    let days = days
        .parse::<u32>()
        .map_err(|_| format!("'{days}' is not a number of working days"))?;
    Ok((date, days, ground.to_string()))
}

fn parse_notice(s: &str) -> Result<NoticeSent, String> {
    let parts: Vec<&str> = s.split(':').collect();
    let [kind, date, form] = parts.as_slice() else {
        return Err(format!(
            "'{s}' is not KIND:DATE:FORM, e.g. extension-notice:2026-03-03:written"
        ));
    };
    let kind = NoticeKind::ALL
        .into_iter()
        .find(|k| k.as_str() == *kind)
        .ok_or_else(|| {
            let all: Vec<&str> = NoticeKind::ALL.iter().map(|k| k.as_str()).collect();
            format!(
                "'{kind}' is not a notice kind; expected one of: {}",
                all.join(", ")
            )
        })?;
    Ok(NoticeSent {
        kind,
        sent: parse_date(date)?,
        form: form.parse::<Form>().map_err(|e| e.to_string())?,
        reference: String::new(),
    })
}

fn parse_outcome(s: &str) -> Result<ApplicationOutcome, String> {
    match s {
        "pending" => Ok(ApplicationOutcome::Pending),
        "rendered" => Ok(ApplicationOutcome::Rendered),
        "refused" => Ok(ApplicationOutcome::Refused),
        "refused-at-intake" => Ok(ApplicationOutcome::RefusedAtIntake),
        _ => Err(format!(
            "'{s}' is not an outcome; expected one of: pending, rendered, refused, refused-at-intake"
        )),
    }
}

pub fn run(cmd: &DueCmd, r: &Reference, today: NaiveDate) -> Result<(), Failure> {
    match cmd {
        DueCmd::Complaint(a) => {
            let edition = r.rules.edition_for(a.registered).map_err(Failure::input)?;
            let mut extensions = Vec::new();
            for (date, days, ground) in &a.extensions {
                // Art. 25.4 names two grounds; anything else is a refusal citing it.
                let ground = ground.parse::<Ground>().map_err(|_| {
                    let rule = &edition.complaint.extension;
                    Failure::input(Refusal::GroundNotAllowed {
                        ground: ground.clone(),
                        allowed: rule.grounds.clone(),
                        basis: rule.basis.clone(),
                    })
                })?;
                extensions.push(Extension {
                    date: *date,
                    days: *days,
                    ground,
                    reason: String::new(),
                });
            }
            let mut facts = ComplaintFacts {
                registered: a.registered,
                addressee: a.addressee,
                medium: a.medium,
                set_due: a.set_due,
                extensions: Vec::new(),
                notices: a.notices.clone(),
                follow_ups: Vec::new(),
                closed: None,
            };
            // Each extension is checked as it would be recorded, in date order (Art. 25.4).
            extensions.sort_by_key(|e| e.date);
            for ext in extensions {
                deadline::check_new_extension(&r.calendar, &r.rules, &facts, &ext)
                    .map_err(Failure::input)?;
                facts.extensions.push(ext);
            }
            let d = deadline::complaint_deadlines(&r.calendar, &r.rules, &facts, today)
                .map_err(Failure::input)?;
            if a.json {
                let mut v = to_json(&d, today);
                v["kind"] = json!("complaint");
                v["addressee"] = json!(a.addressee);
                v["medium"] = json!(a.medium);
                v["registered"] = json!(a.registered);
                println!("{v}");
            } else {
                print!("{}", summary("complaint", a.registered, &d, today));
            }
        }
        DueCmd::Application(a) => {
            let (term, service) = match (&a.service, a.term) {
                (Some(code), _) => {
                    let s = r.services.get(code).ok_or_else(|| {
                        Failure::input(format!(
                            "there is no service '{code}' in the register '{}'",
                            r.services.id
                        ))
                    })?;
                    let term = s.term(a.channel).ok_or_else(|| {
                        let offered: Vec<&str> = s.terms.keys().map(|c| c.as_str()).collect();
                        Failure::input(format!(
                            "service '{code}' is not offered through '{}'; it is offered through: {}",
                            a.channel,
                            offered.join(", ")
                        ))
                    })?;
                    (term, Some(code.clone()))
                }
                (None, Some(t)) => (t, None),
                (None, None) => {
                    return Err(Failure::input(
                        "give --service CODE or --term, e.g. --term 10wd",
                    ));
                }
            };
            let facts = ApplicationFacts {
                registered: a.registered,
                channel: a.channel,
                term,
                outcome: a.outcome,
                notices: a.notices.clone(),
                closed: None,
            };
            let d = deadline::application_deadlines(&r.calendar, &r.rules, &facts, today)
                .map_err(Failure::input)?;
            if a.json {
                let mut v = to_json(&d, today);
                v["kind"] = json!("application");
                v["channel"] = json!(a.channel);
                v["service"] = json!(service);
                v["registered"] = json!(a.registered);
                println!("{v}");
            } else {
                print!("{}", summary("application", a.registered, &d, today));
            }
        }
    }
    Ok(())
}

/// The JSON contract of `merzim due --json` (README): dates as YYYY-MM-DD, obligations with
/// kind, due, form, basis and state.
fn to_json(d: &Deadlines, today: NaiveDate) -> serde_json::Value {
    let obligations: Vec<serde_json::Value> = d
        .obligations
        .iter()
        .map(|o| {
            let mut v = json!({
                "kind": o.kind.as_str(),
                "due": o.due,
                "form": o.form,
                "basis": o.basis,
            });
            match o.state {
                ObligationState::Open => v["state"] = json!("open"),
                ObligationState::Done {
                    on,
                    late,
                    late_days,
                    wrong_form,
                } => {
                    v["state"] = json!("done");
                    v["done_on"] = json!(on);
                    v["late"] = json!(late);
                    v["late_working_days"] = json!(late_days);
                    v["wrong_form"] = json!(wrong_form);
                }
                ObligationState::Missed { on, by } => {
                    v["state"] = json!("missed");
                    v["missed_on"] = json!(on);
                    v["missed_by"] = json!(by);
                }
                ObligationState::Overdue { since } => {
                    v["state"] = json!("overdue");
                    v["overdue_since"] = json!(since);
                }
            }
            if let Some(c) = &o.concerns {
                v["concerns"] = json!(c.to_string());
            }
            v
        })
        .collect();
    json!({
        "today": today,
        "due": d.due,
        "original_due": d.original_due,
        "due_history": d.due_history,
        "extended_days": d.extended_days,
        "term": d.term,
        "term_basis": d.term_basis,
        "edition": d.edition,
        "provisional": d.provisional,
        "uncertain": d.uncertain.iter().map(ToString::to_string).collect::<Vec<_>>(),
        "obligations": obligations,
    })
}

fn summary(kind: &str, registered: NaiveDate, d: &Deadlines, today: NaiveDate) -> String {
    let mut out = String::new();
    let approx = if d.provisional { "≈ " } else { "" };
    let _ = writeln!(
        out,
        "{kind} registered {registered}, term {} ({})",
        d.term.as_deref().unwrap_or("none"),
        d.term_basis
    );
    match (d.due, d.original_due) {
        (Some(due), Some(orig)) if due != orig => {
            let _ = writeln!(
                out,
                "due {approx}{due} (originally {orig}, extended by {} working days)",
                d.extended_days
            );
        }
        (Some(due), _) => {
            let _ = writeln!(out, "due {approx}{due}");
        }
        (None, _) => {
            let _ = writeln!(out, "due: no term applies ({})", d.term_basis);
        }
    }
    for o in &d.obligations {
        let due = o
            .due
            .map_or("no date".to_string(), |d| format!("{approx}{d}"));
        let form = o.form.map_or(String::new(), |f| format!(", {f}"));
        let state = match o.state {
            ObligationState::Open => "open".to_string(),
            ObligationState::Done {
                on,
                late,
                late_days,
                wrong_form,
            } => {
                let mut s = format!("done on {on}");
                if late {
                    s.push_str(&format!(", {late_days} working days late"));
                }
                if wrong_form {
                    s.push_str(", not in the required form");
                }
                s
            }
            ObligationState::Overdue { since } => format!("OVERDUE since {since}"),
            ObligationState::Missed { on, .. } => {
                format!("MISSED: the case was answered or closed on {on} without it")
            }
        };
        let concerns = o
            .concerns
            .as_ref()
            .map_or(String::new(), |c| format!(" [{c}]"));
        let _ = writeln!(
            out,
            "  {:<28} due {due}{form}  {state}  ({}){concerns}",
            o.kind.as_str(),
            o.basis
        );
    }
    for u in &d.uncertain {
        let _ = writeln!(out, "provisional: {u}");
    }
    let _ = writeln!(out, "(as of {today})");
    out
}

//! `merzim due ...`: a case's due dates and obligations from the shell.

use std::fmt::Write;

use chrono::NaiveDate;
use clap::{Args, Subcommand};
use serde_json::json;

use super::output::Out;
use super::{Failure, Ui, error_line, parse_date};
use crate::domain::deadline::{
    self, ApplicationFacts, ApplicationOutcome, ComplaintFacts, Concerns, Deadlines, Extension,
    NoticeKind, NoticeSent, ObligationState, Refusal, Settled,
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

pub fn run(cmd: &DueCmd, r: &Reference, today: NaiveDate, ui: &Ui) -> Result<(), Failure> {
    let mut out = Out::new(ui);
    let refused = |e: anyhow::Error| Failure::input(error_line(&e, ui));
    match cmd {
        DueCmd::Complaint(a) => {
            let edition = r
                .rules
                .edition_for(a.registered)
                .map_err(|e| refused(e.into()))?;
            let mut extensions = Vec::new();
            for (date, days, ground) in &a.extensions {
                // Art. 25.4 names two grounds; anything else is a refusal citing it.
                let ground = ground.parse::<Ground>().map_err(|_| {
                    let rule = &edition.complaint.extension;
                    refused(anyhow::Error::new(Refusal::GroundNotAllowed {
                        ground: ground.clone(),
                        allowed: rule.grounds.clone(),
                        basis: rule.basis.clone(),
                    }))
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
                    .map_err(|e| refused(e.into()))?;
                facts.extensions.push(ext);
            }
            let d = deadline::complaint_deadlines(&r.calendar, &r.rules, &facts, today)
                .map_err(|e| refused(e.into()))?;
            if a.json {
                let mut v = to_json(&d, today);
                v["kind"] = json!("complaint");
                v["addressee"] = json!(a.addressee);
                v["medium"] = json!(a.medium);
                v["registered"] = json!(a.registered);
                out.json(&v)?;
            } else {
                out.text(&summary(ui, "kind-complaint", a.registered, &d, today))?;
            }
        }
        DueCmd::Application(a) => {
            let (term, service) = match (&a.service, a.term) {
                (Some(code), _) => {
                    let s = r.services.get(code).ok_or_else(|| {
                        Failure::input(ui.t(
                            "cli-no-service",
                            &[
                                ("code", code.as_str().into()),
                                ("register", r.services.id.as_str().into()),
                            ],
                        ))
                    })?;
                    let term = s.term(a.channel).ok_or_else(|| {
                        let offered: Vec<&str> = s.terms.keys().map(|c| c.as_str()).collect();
                        Failure::input(ui.t(
                            "cli-service-not-offered",
                            &[
                                ("code", code.as_str().into()),
                                ("channel", a.channel.to_string().into()),
                                ("offered", offered.join(", ").into()),
                            ],
                        ))
                    })?;
                    (term, Some(code.clone()))
                }
                (None, Some(t)) => (t, None),
                (None, None) => {
                    return Err(Failure::input(ui.t("cli-give-service-or-term", &[])));
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
                .map_err(|e| refused(e.into()))?;
            if a.json {
                let mut v = to_json(&d, today);
                v["kind"] = json!("application");
                v["channel"] = json!(a.channel);
                v["service"] = json!(service);
                v["registered"] = json!(a.registered);
                out.json(&v)?;
            } else {
                out.text(&summary(ui, "kind-application", a.registered, &d, today))?;
            }
        }
    }
    out.finish()
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

fn summary(ui: &Ui, kind: &str, registered: NaiveDate, d: &Deadlines, today: NaiveDate) -> String {
    let mut out = String::new();
    let approx = if d.provisional { "≈ " } else { "" };
    // The term in words ("5 working days"); the JSON keeps its spelling ("5wd").
    let term = match d
        .term
        .as_deref()
        .map(str::parse::<crate::domain::vocabulary::Term>)
    {
        Some(Ok(t)) => {
            let key = match t.unit {
                crate::domain::vocabulary::TermUnit::WorkingDays => "working-days",
                crate::domain::vocabulary::TermUnit::CalendarDays => "calendar-days",
                crate::domain::vocabulary::TermUnit::Hours => "hours",
            };
            ui.t(key, &[("n", t.value.into())])
        }
        Some(Err(_)) => d.term.clone().unwrap_or_default(),
        None => ui.t("cli-term-none", &[]),
    };
    let basis = |b: &str| ui.texts.basis(ui.lang, b);
    let _ = writeln!(
        out,
        "{}",
        ui.t(
            "cli-due-head",
            &[
                ("kind", ui.t(kind, &[]).into()),
                ("registered", registered.to_string().into()),
                ("term", term.into()),
                ("basis", basis(&d.term_basis).into()),
            ],
        )
    );
    let line = match (d.due, d.original_due) {
        (Some(due), Some(orig)) if due != orig => ui.t(
            "cli-due-extended",
            &[
                ("due", format!("{approx}{due}").into()),
                ("original", orig.to_string().into()),
                ("days", d.extended_days.into()),
            ],
        ),
        (Some(due), _) => ui.t("cli-due-date", &[("due", format!("{approx}{due}").into())]),
        (None, _) => ui.t("cli-due-none", &[("basis", basis(&d.term_basis).into())]),
    };
    let _ = writeln!(out, "{line}");
    for o in &d.obligations {
        let due = o
            .due
            .map_or_else(|| ui.t("cli-no-date", &[]), |d| format!("{approx}{d}"));
        let form = o.form.map_or(String::new(), |f| {
            format!(", {}", word(ui, "form", &f.to_string()))
        });
        let state = match o.state {
            ObligationState::Open => ui.t("cli-obligation-open", &[]),
            ObligationState::Done {
                on,
                late,
                late_days,
                wrong_form,
            } => {
                let mut s = ui.t("cli-obligation-done", &[("date", on.to_string().into())]);
                if late {
                    s.push_str(&ui.t("cli-obligation-late", &[("n", late_days.into())]));
                }
                if wrong_form {
                    s.push_str(&ui.t("cli-obligation-wrong-form", &[]));
                }
                s
            }
            ObligationState::Overdue { since } => ui.t(
                "cli-obligation-overdue",
                &[("date", since.to_string().into())],
            ),
            ObligationState::Missed { on, by } => ui.t(
                match by {
                    Settled::Answered => "cli-obligation-missed-answered",
                    Settled::Closed => "cli-obligation-missed-closed",
                },
                &[("date", on.to_string().into())],
            ),
        };
        let concerns = match &o.concerns {
            Some(Concerns::Extension { date, days, ground }) => format!(
                " [{}]",
                ui.t(
                    "concerns-extension",
                    &[
                        ("date", date.to_string().into()),
                        ("n", (*days).into()),
                        ("ground", word(ui, "ground", ground.as_str()).into()),
                    ],
                )
            ),
            Some(Concerns::FollowUp { what }) => format!(" [{what}]"),
            None => String::new(),
        };
        let kind = word(ui, "obligation", o.kind.as_str());
        let pad = 42usize.saturating_sub(kind.chars().count());
        let _ = writeln!(
            out,
            "  {kind}{:pad$} {} {due}{form}  {state}  ({}){concerns}",
            "",
            ui.t("cli-due-word", &[]),
            basis(&o.basis)
        );
    }
    for u in &d.uncertain {
        let _ = writeln!(
            out,
            "{}",
            ui.t(
                "cli-provisional-line",
                &[("why", super::calendar::uncertainty(ui, u).into())]
            )
        );
    }
    let _ = writeln!(
        out,
        "{}",
        ui.t("cli-as-of", &[("date", today.to_string().into())])
    );
    out
}

/// The catalogue's word for a spelled value (`obligation-answer`, `form-written`), or the value
/// itself where the catalogue has none.
fn word(ui: &Ui, prefix: &str, value: &str) -> String {
    let key = format!("{prefix}-{value}");
    if ui.texts.has(ui.lang, &key, None) {
        ui.t(&key, &[])
    } else {
        value.to_string()
    }
}

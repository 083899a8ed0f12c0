//! `merzim digest --officer LOGIN [--within N]`: an officer's morning summary as plain text, in
//! `--lang` (else the locale), for a printer or for cron to mail: what is overdue, due today,
//! due within N working days, and the extension notices owed, one line per obligation
//! ([`crate::service::digest`]).

use clap::Args;

use super::output::Out;
use super::session::api_failure;
use super::{Failure, Ui};
use crate::domain::deadline::Concerns;
use crate::service::CaseApi;
use crate::service::digest::{Digest, DigestLine};

#[derive(Debug, Args)]
pub struct DigestArgs {
    /// The officer's login.
    #[arg(long)]
    pub officer: String,
    /// Warn of what is due within this many working days after today (default 2).
    #[arg(long)]
    pub within: Option<u32>,
}

/// One obligation: the case, what is owed, the date and the working days left (or late).
fn line(ui: &Ui, l: &DigestLine) -> String {
    let what = ui.t(&format!("obligation-{}", l.kind.as_str()), &[]);
    let what = match &l.concerns {
        Some(Concerns::Extension { date, .. }) => ui.t(
            "digest-about-extension",
            &[("what", what.into()), ("date", date.to_string().into())],
        ),
        Some(Concerns::FollowUp { what: task }) => ui.t(
            "digest-about-follow-up",
            &[("what", what.into()), ("task", task.clone().into())],
        ),
        None => what,
    };
    let left = match l.remaining {
        r if r < 0 => ui.t("digest-late", &[("days", (-r).into())]),
        0 => ui.t("digest-today", &[]),
        r => ui.t("digest-left", &[("days", r.into())]),
    };
    let date = if l.provisional {
        format!("≈ {}", l.due)
    } else {
        l.due.to_string()
    };
    ui.t(
        "digest-line",
        &[
            ("number", l.number.clone().into()),
            ("what", what.into()),
            ("date", date.into()),
            ("left", left.into()),
            ("basis", ui.texts.basis(ui.lang, &l.basis).into()),
        ],
    )
}

/// The digest as text: a heading, then each section that has lines.
pub fn text(ui: &Ui, d: &Digest) -> String {
    let mut out = ui.t(
        "digest-heading",
        &[
            ("name", d.name.clone().into()),
            ("officer", d.officer.clone().into()),
            ("today", d.today.to_string().into()),
        ],
    );
    out.push('\n');
    if d.is_empty() {
        out.push_str(&ui.t("digest-nothing", &[("within", i64::from(d.within).into())]));
        out.push('\n');
        return out;
    }
    let sections = [
        ("digest-overdue", &d.overdue),
        ("digest-due-today", &d.due_today),
        ("digest-due-soon", &d.due_soon),
        ("digest-notices-owed", &d.notices_owed),
    ];
    for (key, lines) in sections {
        if lines.is_empty() {
            continue;
        }
        out.push('\n');
        out.push_str(&ui.t(
            key,
            &[
                ("count", lines.len().into()),
                ("within", i64::from(d.within).into()),
            ],
        ));
        out.push('\n');
        for l in lines {
            out.push_str("  ");
            out.push_str(&line(ui, l));
            out.push('\n');
        }
    }
    if !d.problems.is_empty() {
        out.push('\n');
        for (number, reason) in &d.problems {
            out.push_str(&ui.t(
                "report-problem",
                &[
                    ("number", number.clone().into()),
                    ("reason", reason.clone().into()),
                ],
            ));
            out.push('\n');
        }
    }
    out
}

pub fn run(args: &DigestArgs, api: &dyn CaseApi, ui: &Ui) -> Result<(), Failure> {
    let digest = api
        .digest(args.officer.clone(), args.within)
        .map_err(|e| api_failure(e, ui))?;
    let mut out = Out::new(ui);
    out.text(&text(ui, &digest))?;
    out.finish()
}

//! `merzim check`: every record of the database that cannot be read, named.

use clap::Args;

use super::export::report_damaged;
use super::session::api_failure;
use super::{Failure, Ui, say};
use crate::service::CaseApi;

#[derive(Debug, Args)]
pub struct CheckArgs {}

pub fn run(_args: &CheckArgs, api: &dyn CaseApi, ui: &Ui) -> Result<(), Failure> {
    let damaged = api.check().map_err(|e| api_failure(e, ui))?;
    let db = api.database().map_err(|e| api_failure(e, ui))?;
    report_damaged(ui, &damaged);
    if let Some(file) = &db.restoring {
        say(&ui.t(
            "cli-restore-unfinished",
            &[
                ("file", file.clone().into()),
                ("db", db.path.clone().into()),
            ],
        ));
    }
    if damaged.is_empty() && db.restoring.is_none() {
        say(&ui.t(
            "cli-check-ok",
            &[("path", db.path.into()), ("count", db.cases.into())],
        ));
        return Ok(());
    }
    Err(Failure::other(ui.t(
        "cli-check-found",
        &[("path", db.path.into()), ("count", damaged.len().into())],
    )))
}

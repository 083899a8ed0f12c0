//! `merzim check`: every record of the database that cannot be read, named.

use clap::Args;

use super::export::report_damaged;
use super::{Failure, Ui, say};
use crate::service::Service;

#[derive(Debug, Args)]
pub struct CheckArgs {}

pub fn run(_args: &CheckArgs, svc: &Service, ui: &Ui) -> Result<(), Failure> {
    let store = svc.store();
    let path = store.location().to_string();
    let damaged = store
        .check()
        .map_err(|e| super::service_failure(e.into(), ui))?;
    let unfinished = store
        .restoring()
        .map_err(|e| super::service_failure(e.into(), ui))?;
    report_damaged(ui, &damaged);
    if let Some(file) = &unfinished {
        say(&ui.t(
            "cli-restore-unfinished",
            &[("file", file.clone().into()), ("db", path.clone().into())],
        ));
    }
    if damaged.is_empty() && unfinished.is_none() {
        let count = store
            .count()
            .map_err(|e| super::service_failure(e.into(), ui))?;
        say(&ui.t(
            "cli-check-ok",
            &[("path", path.into()), ("count", count.into())],
        ));
        return Ok(());
    }
    Err(Failure::other(ui.t(
        "cli-check-found",
        &[("path", path.into()), ("count", damaged.len().into())],
    )))
}

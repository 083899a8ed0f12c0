//! `merzim import FILE`: cases from JSON Lines, all or nothing.

use std::path::PathBuf;

use chrono::NaiveDate;
use clap::Args;

use super::output::write_failure;
use super::{Failure, Ui, os_actor, say};
use crate::service::Service;
use crate::service::exchange::ImportError;

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// A JSON Lines file: one case per line (the shape `merzim export` writes).
    pub file: PathBuf,
}

/// An import or restore error as a failure: bad lines and unreadable files are bad input.
pub fn import_failure(e: ImportError, ui: &Ui) -> Failure {
    match e {
        ImportError::Service(e) => super::service_failure(e, ui),
        ImportError::Write { path, source } => {
            let mut f = write_failure(ui, &source, &format!("'{}'", path.display()));
            // A closed pipe cannot happen on a file; keep it a failure.
            f.status = f.status.max(1);
            f
        }
        e => Failure::input(e),
    }
}

pub fn run(args: &ImportArgs, svc: &Service, today: NaiveDate, ui: &Ui) -> Result<(), Failure> {
    let actor = os_actor(svc);
    let file = args.file.display().to_string();
    match svc.import_file(&args.file, &actor, today) {
        Ok(r) => {
            say(&ui.t(
                "cli-imported",
                &[
                    ("added", r.added.into()),
                    ("path", file.into()),
                    ("unchanged", r.unchanged.into()),
                ],
            ));
            Ok(())
        }
        Err(ImportError::Invalid { lines, total }) if total > 1 => {
            // One line per bad line, then the summary as the failure itself.
            for l in &lines {
                say(l);
            }
            if total > lines.len() {
                say(&ui.t(
                    "cli-import-more",
                    &[("count", (total - lines.len()).into())],
                ));
            }
            Err(Failure::input(ui.t(
                "cli-import-wrong",
                &[("count", total.into()), ("path", file.into())],
            )))
        }
        Err(e) => Err(import_failure(e, ui)),
    }
}

//! `merzim import FILE`: cases from JSON Lines, all or nothing.

use std::path::PathBuf;

use chrono::NaiveDate;
use clap::Args;

use super::{Failure, os_actor};
use crate::service::Service;
use crate::service::exchange::ImportError;

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// A JSON Lines file: one case per line (the shape `merzim export` writes).
    pub file: PathBuf,
}

pub fn run(args: &ImportArgs, svc: &Service, today: NaiveDate) -> Result<(), Failure> {
    let actor = os_actor(svc);
    match svc.import_file(&args.file, &actor, today) {
        Ok(r) => {
            eprintln!(
                "merzim: imported {} new cases from '{}' ({} already present, unchanged)",
                r.added,
                args.file.display(),
                r.unchanged
            );
            Ok(())
        }
        Err(ImportError::Invalid { lines, total }) if total > 1 => {
            // One line per bad line, then the summary as the failure itself.
            for l in &lines {
                eprintln!("merzim: {l}");
            }
            if total > lines.len() {
                eprintln!("merzim: ... and {} more", total - lines.len());
            }
            Err(Failure::input(format!(
                "{total} lines of '{}' are wrong; nothing was imported",
                args.file.display()
            )))
        }
        Err(e @ ImportError::Invalid { .. }) => Err(Failure::input(e)),
        Err(e @ ImportError::Read { .. }) => Err(Failure::input(e)),
        Err(ImportError::Service(e)) => Err(super::service_failure(e)),
    }
}

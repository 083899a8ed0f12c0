//! `merzim import FILE`: cases from JSON Lines, all or nothing.

use std::fs::File;
use std::io::BufReader;
use std::path::PathBuf;

use clap::Args;

use super::output::write_failure;
use super::session::api_failure;
use super::{Failure, Ui, say};
use crate::service::exchange::{ImportError, ImportReport};
use crate::service::transfer::in_chunks;
use crate::service::{ApiError, CaseApi};

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

/// Sends the file to the service in pieces and commits it: the service checks every line and
/// writes all or nothing. A failure on the way gives the staged handle back.
fn send(args: &ImportArgs, api: &dyn CaseApi, ui: &Ui) -> Result<ImportReport, Failure> {
    let read_failure = |source| {
        import_failure(
            ImportError::Read {
                path: args.file.clone(),
                source,
            },
            ui,
        )
    };
    let file = File::open(&args.file).map_err(read_failure)?;
    let handle = api.import_begin().map_err(|e| api_failure(e, ui))?;
    let staged = in_chunks(
        BufReader::new(file),
        |piece| {
            api.import_chunk(handle, piece.to_vec())
                .map(drop)
                .map_err(|e| api_failure(e, ui))
        },
        read_failure,
    );
    if let Err(f) = staged {
        let _ = api.discard(handle);
        return Err(f);
    }
    match api.import_commit(handle) {
        Ok(r) => Ok(r),
        Err(ApiError::BadLines { lines, total }) if total > 1 => {
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
                &[
                    ("count", total.into()),
                    ("path", args.file.display().to_string().into()),
                ],
            )))
        }
        Err(ApiError::BadLines { lines, total }) => {
            Err(import_failure(ImportError::Invalid { lines, total }, ui))
        }
        Err(e) => Err(api_failure(e, ui)),
    }
}

pub fn run(args: &ImportArgs, api: &dyn CaseApi, ui: &Ui) -> Result<(), Failure> {
    let r = send(args, api, ui)?;
    say(&ui.t(
        "cli-imported",
        &[
            ("added", r.added.into()),
            ("path", args.file.display().to_string().into()),
            ("unchanged", r.unchanged.into()),
        ],
    ));
    Ok(())
}

//! The one door for the command line: every command that reads or writes the database
//! (`export`, `backup`, `import`, `users`, `letter`, `check`) talks to a `&dyn CaseApi`, so that
//! the embedded form (an in-process [`Session`] on the database it opened) and the daemon's
//! (a socket client) are the same code above the transport, with the same output.

use std::io::{self, Write};

use chrono::NaiveDate;

use super::output::escape;
use super::{Cli, Failure, Open, Ui, open_service};
use crate::domain::message::Localize;
use crate::reference::Reference;
use crate::service::api::Session;
use crate::service::exchange::ExportReport;
use crate::service::identity;
use crate::service::transfer::Snapshot;
use crate::service::{ApiError, CaseApi};

/// The session of an embedded command: the database of `--db` opened here, the caller this
/// process's account, "today" the command line's.
pub fn embedded(
    cli: &Cli,
    reference: Reference,
    open: Open,
    today: NaiveDate,
    ui: &Ui,
) -> Result<Session, Failure> {
    let service = open_service(cli, reference, open, ui)?;
    Ok(Session::local(
        service,
        identity::current_uid(),
        Box::new(move || today),
    ))
}

/// An error the service answered, as a failure: the service's words in the reader's language,
/// status 2 for a refusal or bad input, 1 when the database could not do it.
pub fn api_failure(e: ApiError, ui: &Ui) -> Failure {
    let status = match e {
        ApiError::Unavailable { .. } | ApiError::Internal { .. } => 1,
        _ => 2,
    };
    let line = ui.texts.message(ui.lang, &e.message());
    Failure {
        message: escape(&line.replace('\n', " ")).into_owned(),
        status,
    }
}

/// Why a download stopped.
#[derive(Debug)]
pub enum Stop {
    /// The output cannot be written (a closed pipe, a full disk).
    Write(io::Error),
    /// The service refused or failed.
    Api(ApiError),
}

/// Makes a snapshot of `what` through `api` and writes it to `out` piece by piece: memory holds
/// one piece, whatever the size of the database. The handle is given back if `out` fails.
pub fn download(
    api: &dyn CaseApi,
    what: Snapshot,
    out: &mut dyn Write,
) -> Result<ExportReport, Stop> {
    let ready = api.export_begin(what).map_err(Stop::Api)?;
    let mut offset = 0u64;
    loop {
        let (bytes, last) = match api.export_read(ready.handle, offset) {
            Ok(r) => r,
            Err(e) => {
                let _ = api.discard(ready.handle);
                return Err(Stop::Api(e));
            }
        };
        // A piece that moves nothing and is not the end would loop for ever: a broken peer.
        if bytes.is_empty() && !last {
            let _ = api.discard(ready.handle);
            return Err(Stop::Api(ApiError::Internal {
                message: crate::domain::message::Message::new("api-unexpected-answer")
                    .text("answer", "export-chunk"),
            }));
        }
        if let Err(e) = out.write_all(&bytes) {
            let _ = api.discard(ready.handle);
            return Err(Stop::Write(e));
        }
        offset += bytes.len() as u64;
        if last {
            break;
        }
    }
    out.flush().map_err(Stop::Write)?;
    Ok(ready.report)
}

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

/// The door of a command on the database: with `--connect`, the daemon's socket; else the
/// database of `--db` opened here, or, when `merzim serve` holds that database, the daemon's
/// socket found beside it (so that a nightly backup or export never needs the consoles closed).
/// `reference` is loaded only when the database is opened here: through a daemon the office's
/// data are the daemon's.
pub fn door(
    cli: &Cli,
    reference: &dyn Fn() -> Result<Reference, Failure>,
    open: Open,
    today: NaiveDate,
    ui: &Ui,
) -> Result<Box<dyn CaseApi>, Failure> {
    if let Some(socket) = cli.socket_path() {
        return connect(&socket, ui);
    }
    let path = cli.db_path()?;
    if let Some(socket) = served(&path) {
        // Through the daemon by itself; if it does not answer, the database is still held:
        // say by whom and which socket reaches it.
        return match crate::client::Client::connect(&socket) {
            Ok(c) => Ok(Box::new(c)),
            Err(_) => Err(Failure::other(ui.t(
                "cliapi-served",
                &[
                    ("path", path.display().to_string().into()),
                    ("socket", socket.display().to_string().into()),
                ],
            ))),
        };
    }
    Ok(Box::new(embedded(cli, reference()?, open, today, ui)?))
}

/// The socket of the daemon that holds the database at `db` right now, if one does: its
/// pointer file names a socket and the database is locked (a pointer left by a daemon that
/// died is not followed).
pub fn served(db: &std::path::Path) -> Option<std::path::PathBuf> {
    let socket = crate::service::pointer::socket_of(db)?;
    match crate::store::Store::open_existing(db) {
        Err(crate::store::StoreError::Locked { .. }) => Some(socket),
        _ => None,
    }
}

/// A client of the daemon at `socket`, or the one line that says why not (status 1).
fn connect(socket: &std::path::Path, ui: &Ui) -> Result<Box<dyn CaseApi>, Failure> {
    match crate::client::Client::connect(socket) {
        Ok(c) => Ok(Box::new(c)),
        Err(e) => Err(Failure::other(escape(
            &ui.texts.message(ui.lang, &e.message()).replace('\n', " "),
        ))),
    }
}

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

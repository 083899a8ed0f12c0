//! `merzim serve`: the daemon that owns the database and serves many consoles on a Unix socket
//! (DESIGN 2.3, issue 9).
//!
//! sled lets one process open a database, so every console of an office goes through this one
//! process. Each connection is identified by the kernel (`SO_PEERCRED`: the peer's uid), gets
//! its own [`crate::service::Session`] over one shared [`Service`], and "today" is the
//! daemon's. Changes are announced to every connection ([`notify`]). The protocol is
//! [`crate::wire`].

mod conn;
mod listen;
pub mod notify;

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use chrono::{FixedOffset, NaiveDate, Utc};
use thiserror::Error;
use tokio::sync::watch;

use crate::domain::message::{Localize, Message};
use crate::reference::Reference;
use crate::service::{Service, identity};
use crate::store::{Store, StoreError};

pub use notify::{Hub, Notice, changed_by};

/// Where the daemon listens unless told otherwise: systemd's runtime directory for merzim
/// (`RuntimeDirectory=merzim`).
pub const DEFAULT_SOCKET: &str = "/run/merzim/merzim.sock";

/// The file in the database directory that names the socket of the daemon serving it (the
/// service's pointer file), so a command refused the database (it is in use) can say where to
/// connect.
pub const SOCKET_NOTE: &str = crate::service::pointer::POINTER_FILE;

/// The socket of the daemon that serves the database `db`, as the daemon noted it; `None`
/// when no daemon noted one. A daemon killed without its clean exit leaves the note behind:
/// use it only when the database is in fact in use (see [`crate::service::pointer`]).
pub fn socket_of_db(db: &Path) -> Option<PathBuf> {
    crate::service::pointer::socket_of(db)
}

/// The daemon's limits against broken or hostile clients.
#[derive(Debug, Clone)]
pub struct Limits {
    /// Half a frame, then nothing for this long: the connection is closed. Between frames a
    /// connection may idle forever.
    pub frame_timeout: Duration,
    /// A frame that cannot be written for this long (the client stopped reading): the
    /// connection is dropped.
    pub write_timeout: Duration,
    /// Connections served at once; more are told so and closed.
    pub max_connections: usize,
    /// Replies waiting for one connection's writer.
    pub queue: usize,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            frame_timeout: Duration::from_secs(30),
            write_timeout: Duration::from_secs(10),
            max_connections: 512,
            queue: 4,
        }
    }
}

/// What `merzim serve` was asked to do.
#[derive(Debug, Clone)]
pub struct Options {
    pub db: PathBuf,
    pub socket: PathBuf,
    /// The group that may connect (default: the daemon's own group).
    pub group: Option<String>,
    /// A fixed office date (demos, tests); else the clock at `utc_offset`.
    pub today: Option<NaiveDate>,
    pub utc_offset: FixedOffset,
    pub limits: Limits,
}

/// Why the daemon cannot start (or stopped uncleanly): one line for the operator.
#[derive(Debug, Error)]
pub enum ServeError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("a merzim daemon already listens on '{}'; stop it first, or give another --socket", .path.display())]
    Live { path: PathBuf },
    #[error("'{}' exists and is not a socket; remove it or give another --socket", .path.display())]
    NotASocket { path: PathBuf },
    #[error("cannot listen on '{}': {error}", .path.display())]
    Bind { path: PathBuf, error: String },
    #[error("cannot set the owner group and mode of '{}': {error}", .path.display())]
    Permissions { path: PathBuf, error: String },
    #[error(
        "there is no group '{group}' in this system's group database; create it (groupadd) or give another --group"
    )]
    NoGroup { group: String },
    #[error("the socket handed over by systemd cannot be used: {0}")]
    Activation(String),
    #[error("cannot open the log file '{}': {error}", .path.display())]
    Log { path: PathBuf, error: String },
    #[error("the daemon cannot run: {0}")]
    Runtime(String),
}

impl Localize for ServeError {
    fn message(&self) -> Message {
        let path = |p: &Path| p.display().to_string();
        match self {
            // The store's errors are English today (as the service says them).
            ServeError::Store(e) => Message::new("plain-text").text("text", e.to_string()),
            ServeError::Live { path: p } => Message::new("server-error-live").text("path", path(p)),
            ServeError::NotASocket { path: p } => {
                Message::new("server-error-not-a-socket").text("path", path(p))
            }
            ServeError::Bind { path: p, error } => Message::new("server-error-bind")
                .text("path", path(p))
                .text("error", error),
            ServeError::Permissions { path: p, error } => Message::new("server-error-permissions")
                .text("path", path(p))
                .text("error", error),
            ServeError::NoGroup { group } => {
                Message::new("server-error-no-group").text("group", group)
            }
            ServeError::Activation(error) => {
                Message::new("server-error-activation").text("error", error)
            }
            ServeError::Log { path: p, error } => Message::new("server-error-log")
                .text("path", path(p))
                .text("error", error),
            ServeError::Runtime(error) => Message::new("server-error-runtime").text("error", error),
        }
    }
}

/// Runs the daemon until SIGTERM or SIGINT: opens the database, listens, serves; at the end
/// lets the calls in flight finish, says goodbye to every client, flushes and removes its
/// socket file. Logging must be set up first ([`init_logging`]).
pub fn run(opts: Options, reference: Reference) -> Result<(), ServeError> {
    // systemd's sockets are taken while this is the only thread (taking them clears the
    // environment variables that name them).
    let fds = listenfd::ListenFd::from_env();
    // The database next: sled's lock makes sure one daemon owns it before any socket file is
    // touched. A new path makes a new database (a new office starts with the daemon).
    let service = Service::from_sled(Store::open(&opts.db)?, reference);
    let listening = listen::listen(fds, &opts.socket, opts.group.as_deref())?;
    let note = opts.db.join(SOCKET_NOTE);
    write_note(&note, &listening.path);
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .thread_name("merzim-serve")
        .build()
        .map_err(|e| ServeError::Runtime(e.to_string()));
    let result = runtime.and_then(|rt| {
        let r = rt.block_on(serve(&opts, service.clone(), &listening));
        // Calls in flight were awaited by their connections; nothing is left but idle threads.
        rt.shutdown_timeout(Duration::from_secs(1));
        r
    });
    if let Err(e) = service.store().flush() {
        tracing::error!(error = %e, "the database could not be flushed at exit");
    }
    if listening.bound_here {
        let _ = std::fs::remove_file(&listening.path);
    }
    let _ = std::fs::remove_file(&note);
    tracing::info!("stopped");
    result
}

/// Writes the socket's path into the database directory; a failure only costs the hint.
fn write_note(note: &Path, socket: &Path) {
    let socket = std::path::absolute(socket).unwrap_or_else(|_| socket.to_path_buf());
    if let Err(e) = std::fs::write(note, format!("{}\n", socket.display())) {
        tracing::warn!(file = %note.display(), error = %e, "the socket's path could not be noted in the database directory");
    }
}

/// Accepts connections until a stop signal, then winds them down.
async fn serve(
    opts: &Options,
    service: Service,
    listening: &listen::Listening,
) -> Result<(), ServeError> {
    use tokio::signal::unix::{SignalKind, signal};

    let runtime_error = |e: std::io::Error| ServeError::Runtime(e.to_string());
    listening
        .listener
        .set_nonblocking(true)
        .map_err(runtime_error)?;
    let listener =
        tokio::net::UnixListener::from_std(listening.listener.try_clone().map_err(runtime_error)?)
            .map_err(runtime_error)?;
    let mut term = signal(SignalKind::terminate()).map_err(runtime_error)?;
    let mut int = signal(SignalKind::interrupt()).map_err(runtime_error)?;
    let (stop, stopping) = watch::channel(false);
    let fixed = opts.today;
    let offset = opts.utc_offset;
    let today: Arc<dyn Fn() -> NaiveDate + Send + Sync> =
        Arc::new(move || fixed.unwrap_or_else(|| Utc::now().with_timezone(&offset).date_naive()));
    let limits = opts.limits.clone();
    let daemon = Arc::new(conn::Daemon {
        service,
        today: today.clone(),
        own_uid: identity::current_uid(),
        limits: limits.clone(),
        hub: Hub::new(),
        stopping,
    });
    let slots = Arc::new(tokio::sync::Semaphore::new(limits.max_connections));
    let mut connections = tokio::task::JoinSet::new();
    let status = format!(
        "serving '{}' on '{}'",
        opts.db.display(),
        listening.path.display()
    );
    let _ = sd_notify::notify(&[
        sd_notify::NotifyState::Ready,
        sd_notify::NotifyState::Status(&status),
    ]);
    tracing::info!(db = %opts.db.display(), socket = %listening.path.display(), "listening");
    loop {
        tokio::select! {
            _ = term.recv() => break,
            _ = int.recv() => break,
            // Finished connections are reaped as they end, so the set stays small.
            Some(_) = connections.join_next(), if !connections.is_empty() => {}
            accepted = listener.accept() => match accepted {
                Ok((stream, _)) => match slots.clone().try_acquire_owned() {
                    Ok(slot) => {
                        let d = daemon.clone();
                        connections.spawn(async move {
                            conn::serve(stream, d).await;
                            drop(slot);
                        });
                    }
                    Err(_) => {
                        let day = today();
                        let (max, wt) = (limits.max_connections, Duration::from_secs(1));
                        connections.spawn(conn::refuse_busy(stream, day, max, wt));
                    }
                },
                // Out of file descriptors and the like: the listener itself is fine; wait a
                // moment instead of spinning.
                Err(e) => {
                    tracing::error!(error = %e, "accept failed");
                    tokio::time::sleep(Duration::from_millis(100)).await;
                }
            },
        }
    }
    tracing::info!(
        connections = connections.len(),
        "stopping: no new connections; finishing the calls in flight"
    );
    let _ = sd_notify::notify(&[sd_notify::NotifyState::Stopping]);
    drop(listener);
    let _ = stop.send(true);
    // Every connection ends by itself: idle ones at once, a call in flight when it is answered,
    // a half frame or a stuck reader at its timeout. The bound only guards against a client
    // that keeps a frame trickling in.
    let grace = limits.frame_timeout + limits.write_timeout + Duration::from_secs(5);
    if tokio::time::timeout(grace, async {
        while connections.join_next().await.is_some() {}
    })
    .await
    .is_err()
    {
        tracing::warn!(
            connections = connections.len(),
            "connections still open after the grace period are cut"
        );
        connections.abort_all();
    }
    Ok(())
}

/// Sends the daemon's log to `file` (appended) or to stderr; `MERZIM_LOG` filters it
/// (default `info`).
pub fn init_logging(file: Option<&Path>) -> Result<(), ServeError> {
    use tracing_subscriber::fmt::writer::BoxMakeWriter;

    let filter = tracing_subscriber::EnvFilter::try_from_env("MERZIM_LOG")
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info"));
    let writer = match file {
        Some(path) => {
            let f = std::fs::OpenOptions::new()
                .create(true)
                .append(true)
                .open(path)
                .map_err(|e| ServeError::Log {
                    path: path.to_path_buf(),
                    error: e.to_string(),
                })?;
            BoxMakeWriter::new(std::sync::Mutex::new(f))
        }
        None => BoxMakeWriter::new(std::io::stderr),
    };
    // A second initialisation (tests) keeps the first subscriber.
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(writer)
        .with_ansi(false)
        .try_init();
    Ok(())
}

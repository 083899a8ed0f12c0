//! The socket client (DESIGN 2, 2.3): plays "the service" for a console whose database is
//! owned by `merzim serve`. It speaks [`crate::wire`] over a blocking Unix socket and implements
//! [`CaseApi`], so the console above it cannot tell it from an in-process session.
//!
//! **Calls.** [`Client::call`] takes `&self` and is made from several threads at once (the
//! console's service thread and its drafts thread): each call gets its own id, its frames are
//! written whole under one lock (the daemon reads the parts of one call in a row), and one
//! reader thread gathers the answer's parts and hands the whole answer to the caller waiting
//! for that id.
//!
//! **Pushes** ([`ServerMsg::Changed`], [`ServerMsg::Resync`]) and the state of the link go to
//! the subscriber ([`Client::subscribe`]) as [`Link`]s.
//!
//! **A broken link** (the daemon stopped, restarted, killed): every call waiting and every new
//! one is answered [`ApiError::Unavailable`] at once, never left hanging; the subscriber gets
//! [`Link::Down`]; the reader thread connects again by itself, every second at first and then
//! every [`RETRY_MAX`], redoing the handshake. On success the subscriber gets [`Link::Up`] with
//! the caller and the daemon's date (the caller may have changed meanwhile: a supervisor set
//! another role), and calls work again with the same `Client`. A welcome while the link is up
//! (the user's record changed) becomes [`Link::Caller`]. A daemon of another major
//! version is not retried (another program is needed, not patience); a refusal ([`ServerMsg::Bye`],
//! e.g. an unknown uid) is retried, since whoever can add the account may do so meanwhile.

use std::collections::HashMap;
use std::io;
use std::os::unix::net::UnixStream;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, mpsc};
use std::time::Duration;

use chrono::NaiveDate;
use thiserror::Error;

use crate::domain::message::{Localize, Message};
use crate::service::{ApiError, Caller, CaseApi, Request, Response};
use crate::wire::{self, Changed, Gather, Hello, ServerMsg};

/// The default socket of an office's daemon.
pub const DEFAULT_SOCKET: &str = "/run/merzim/merzim.sock";

/// The first pause before connecting again after the link broke.
pub const RETRY_FIRST: Duration = Duration::from_secs(1);
/// The longest pause between two tries: a daemon back after a restart is found within this.
pub const RETRY_MAX: Duration = Duration::from_secs(5);

/// How long the handshake may take: a socket that accepts and then says nothing is not a
/// daemon that works.
const HANDSHAKE_TIMEOUT: Duration = Duration::from_secs(10);

/// What the subscriber hears: the daemon's pushes and the link's ups and downs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Link {
    /// Cases changed (number and version after the change, one entry per case).
    Changed(Vec<Changed>),
    /// Too much changed to list: reload what is shown.
    Resync,
    /// The link is broken; `message` says why and what happens (a retry, or why not).
    Down { message: Message },
    /// The link is back (after a [`Link::Down`]): the caller and the daemon's date.
    Up { caller: Caller, today: NaiveDate },
    /// The daemon acts for this caller from now on: a supervisor changed the user's record
    /// (a role, a login, a name) while the link was up.
    Caller(Caller),
}

/// Why a connection could not be made.
#[derive(Debug, Error)]
pub enum ConnectError {
    #[error("cannot reach the daemon at '{path}': {source}; is 'merzim serve' running there?")]
    Unreachable { path: String, source: io::Error },
    #[error(
        "the daemon at '{path}' speaks protocol {theirs}, this merzim {ours}: use the merzim that came with the daemon"
    )]
    Incompatible {
        path: String,
        theirs: String,
        ours: String,
    },
    /// The daemon said no ([`ServerMsg::Bye`]): its message, a catalogue key with arguments.
    #[error("the daemon at '{path}' refused the connection: {}", .message.key)]
    Refused { path: String, message: Message },
    #[error("the daemon at '{path}' broke the handshake: {detail}")]
    Broken { path: String, detail: String },
}

impl Localize for ConnectError {
    fn message(&self) -> Message {
        match self {
            ConnectError::Unreachable { path, source } => Message::new("client-unreachable")
                .text("path", path.as_str())
                .text("error", source.to_string()),
            ConnectError::Incompatible { path, theirs, ours } => {
                Message::new("client-incompatible")
                    .text("path", path.as_str())
                    .text("theirs", theirs.as_str())
                    .text("ours", ours.as_str())
            }
            ConnectError::Refused { message, .. } => message.clone(),
            ConnectError::Broken { path, detail } => Message::new("client-broken")
                .text("path", path.as_str())
                .text("detail", detail.as_str()),
        }
    }
}

/// A connection to the daemon that mends itself (see the module's documentation).
pub struct Client {
    inner: Arc<Inner>,
}

struct Inner {
    path: PathBuf,
    /// The stream calls are written to; `None` while the link is down. Held for the whole of
    /// one call's frames.
    writer: Mutex<Option<UnixStream>>,
    /// The callers waiting for an answer, by call id.
    pending: Mutex<HashMap<u64, mpsc::Sender<Response>>>,
    next_id: AtomicU64,
    subscriber: Mutex<Option<mpsc::Sender<Link>>>,
    /// The caller and date of the last welcome.
    welcome: Mutex<(Caller, NaiveDate)>,
    /// Why the link is down (what calls answer meanwhile).
    down: Mutex<Message>,
    /// The `Client` was dropped: the reader stops.
    closed: AtomicBool,
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|p| p.into_inner())
}

/// What the calls answer while the link is down and being mended.
fn reconnecting(path: &Path) -> Message {
    Message::new("client-reconnecting").text("socket", socket_name(path))
}

/// How the console names a socket: its file name (the directory is the office's
/// `/run/merzim`, and the status line is short).
pub fn socket_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

impl Client {
    /// Connects to the daemon at `path` and does the handshake: its [`Hello`] (another protocol
    /// or major version is refused here, naming both), then its welcome or its refusal.
    pub fn connect(path: impl AsRef<Path>) -> Result<Client, ConnectError> {
        let path = path.as_ref().to_path_buf();
        let (stream, caller, today) = handshake(&path)?;
        let reader = stream.try_clone().map_err(|e| broken(&path, e))?;
        let inner = Arc::new(Inner {
            down: Mutex::new(reconnecting(&path)),
            path,
            writer: Mutex::new(Some(stream)),
            pending: Mutex::new(HashMap::new()),
            next_id: AtomicU64::new(1),
            subscriber: Mutex::new(None),
            welcome: Mutex::new((caller, today)),
            closed: AtomicBool::new(false),
        });
        let shared = Arc::clone(&inner);
        std::thread::Builder::new()
            .name("socket".into())
            .spawn(move || shared.run(reader))
            .map_err(|e| broken(&inner.path, e))?;
        Ok(Client { inner })
    }

    /// The pushes and the link's changes from now on (a second subscription replaces the first).
    pub fn subscribe(&self) -> mpsc::Receiver<Link> {
        let (tx, rx) = mpsc::channel();
        *lock(&self.inner.subscriber) = Some(tx);
        rx
    }

    /// The caller the daemon acts for and its date, as of the last welcome.
    pub fn welcome(&self) -> (Caller, NaiveDate) {
        lock(&self.inner.welcome).clone()
    }

    /// The socket's path.
    pub fn path(&self) -> &Path {
        &self.inner.path
    }
}

impl Drop for Client {
    fn drop(&mut self) {
        self.inner.closed.store(true, Ordering::SeqCst);
        if let Some(s) = lock(&self.inner.writer).take() {
            let _ = s.shutdown(std::net::Shutdown::Both);
        }
    }
}

impl CaseApi for Client {
    fn call(&self, request: Request) -> Response {
        let inner = &self.inner;
        let unavailable = || Response::Error {
            error: ApiError::Unavailable {
                message: lock(&inner.down).clone(),
            },
        };
        let id = inner.next_id.fetch_add(1, Ordering::Relaxed);
        let frames = match wire::call_frames(id, &request) {
            Ok(f) => f,
            Err(e) => {
                return Response::Error {
                    error: ApiError::Internal {
                        message: Message::new("plain-text").text("text", e.to_string()),
                    },
                };
            }
        };
        let (tx, rx) = mpsc::channel();
        {
            // Registered under the writer's lock: the reader empties `pending` only after it
            // took the writer away, so a call is either answered or told the link broke.
            let mut writer = lock(&inner.writer);
            let Some(stream) = writer.as_mut() else {
                return unavailable();
            };
            lock(&inner.pending).insert(id, tx);
            for frame in &frames {
                if wire::write_frame(stream, frame).is_err() {
                    // The reader sees the broken stream too and reports the link down.
                    let _ = stream.shutdown(std::net::Shutdown::Both);
                    lock(&inner.pending).remove(&id);
                    return unavailable();
                }
            }
        }
        rx.recv().unwrap_or_else(|_| unavailable())
    }
}

impl Inner {
    fn tell(&self, link: Link) {
        if let Some(tx) = lock(&self.subscriber).as_ref() {
            let _ = tx.send(link);
        }
    }

    /// The reader thread: reads until the link breaks, then mends it, until the client goes.
    fn run(self: Arc<Self>, mut reader: UnixStream) {
        loop {
            let why = self.read(&mut reader);
            // Calls first learn the link is gone, then the subscriber.
            let stale = lock(&self.writer).take();
            if let Some(s) = stale {
                let _ = s.shutdown(std::net::Shutdown::Both);
            }
            lock(&self.pending).clear();
            if self.closed.load(Ordering::SeqCst) {
                return;
            }
            let message = why.unwrap_or_else(|| reconnecting(&self.path));
            *lock(&self.down) = message.clone();
            self.tell(Link::Down { message });
            match self.mend() {
                Some(r) => reader = r,
                None => return,
            }
        }
    }

    /// Reads answers and pushes until the stream ends. `Some(message)`: the daemon said why
    /// it ended the connection (a Bye), to be shown while reconnecting.
    fn read(&self, reader: &mut UnixStream) -> Option<Message> {
        let mut gather = Gather::default();
        loop {
            let frame = match wire::read_frame(reader) {
                Ok(Some(f)) => f,
                Ok(None) | Err(_) => return None,
            };
            let Ok(msg) = wire::decode::<ServerMsg>(&frame) else {
                return None;
            };
            match msg {
                ServerMsg::Reply { id, last, bytes } => {
                    match gather.add(id, last, &bytes, wire::MAX_ANSWER) {
                        Ok(Some((id, whole))) => {
                            let response = wire::decode::<Response>(&whole).unwrap_or_else(|e| {
                                Response::Error {
                                    error: ApiError::Internal {
                                        message: Message::new("plain-text")
                                            .text("text", e.to_string()),
                                    },
                                }
                            });
                            if let Some(tx) = lock(&self.pending).remove(&id) {
                                let _ = tx.send(response);
                            }
                        }
                        Ok(None) => {}
                        Err(_) => return None,
                    }
                }
                ServerMsg::Changed { cases } => self.tell(Link::Changed(cases)),
                ServerMsg::Resync => self.tell(Link::Resync),
                ServerMsg::Bye { message } => return Some(message),
                ServerMsg::Welcome { caller, today } => {
                    *lock(&self.welcome) = (caller.clone(), today);
                    self.tell(Link::Caller(caller));
                }
            }
        }
    }

    /// Connects again, pausing 1 s, then longer, up to [`RETRY_MAX`], until the handshake
    /// succeeds (the reader's stream) or it cannot succeed (another major version: `None`).
    fn mend(&self) -> Option<UnixStream> {
        let mut pause = RETRY_FIRST;
        loop {
            std::thread::sleep(pause);
            if self.closed.load(Ordering::SeqCst) {
                return None;
            }
            pause = (pause + RETRY_FIRST).min(RETRY_MAX);
            match handshake(&self.path) {
                Ok((stream, caller, today)) => {
                    let Ok(reader) = stream.try_clone() else {
                        continue;
                    };
                    *lock(&self.welcome) = (caller.clone(), today);
                    *lock(&self.writer) = Some(stream);
                    self.tell(Link::Up { caller, today });
                    return Some(reader);
                }
                Err(ConnectError::Unreachable { .. } | ConnectError::Broken { .. }) => {}
                Err(e @ ConnectError::Refused { .. }) => {
                    let message = e.message();
                    let changed = *lock(&self.down) != message;
                    if changed {
                        *lock(&self.down) = message.clone();
                        self.tell(Link::Down { message });
                    }
                }
                Err(e @ ConnectError::Incompatible { .. }) => {
                    let message = e.message();
                    *lock(&self.down) = message.clone();
                    self.tell(Link::Down { message });
                    return None;
                }
            }
        }
    }
}

fn broken(path: &Path, e: impl std::fmt::Display) -> ConnectError {
    ConnectError::Broken {
        path: path.display().to_string(),
        detail: e.to_string(),
    }
}

/// Connects and reads the daemon's hello and its welcome (or refusal).
fn handshake(path: &Path) -> Result<(UnixStream, Caller, NaiveDate), ConnectError> {
    let shown = path.display().to_string();
    let mut stream = UnixStream::connect(path).map_err(|source| ConnectError::Unreachable {
        path: shown.clone(),
        source,
    })?;
    stream
        .set_read_timeout(Some(HANDSHAKE_TIMEOUT))
        .map_err(|e| broken(path, e))?;
    let mut next = |what: &str| -> Result<Vec<u8>, ConnectError> {
        match wire::read_frame(&mut stream) {
            Ok(Some(f)) => Ok(f),
            Ok(None) => Err(broken(
                path,
                format!("it closed the connection before its {what}"),
            )),
            Err(e) => Err(broken(path, e)),
        }
    };
    let hello_frame = next("hello")?;
    let hello: Hello = wire::decode(&hello_frame).map_err(|e| broken(path, e))?;
    if !hello.compatible() {
        let theirs = if hello.protocol == Hello::PROTOCOL {
            format!("{}.{}", hello.major, hello.minor)
        } else {
            format!("'{}' {}.{}", hello.protocol, hello.major, hello.minor)
        };
        return Err(ConnectError::Incompatible {
            path: shown,
            theirs,
            ours: format!("{}.{}", wire::MAJOR, wire::MINOR),
        });
    }
    let answer = next("welcome")?;
    match wire::decode::<ServerMsg>(&answer).map_err(|e| broken(path, e))? {
        ServerMsg::Welcome { caller, today } => {
            stream.set_read_timeout(None).map_err(|e| broken(path, e))?;
            Ok((stream, caller, today))
        }
        ServerMsg::Bye { message } => Err(ConnectError::Refused {
            path: shown,
            message,
        }),
        _ => Err(broken(path, "it sent something else than a welcome")),
    }
}

//! One connection: the handshake, then calls answered in order, with change notices pushed in
//! between (DESIGN 2.3).
//!
//! Two tasks per connection. The reader reads one frame at a time and runs each whole call on
//! a blocking thread (the service is synchronous: sled), so calls of one connection are
//! answered in the order they came. The writer is the only one that writes: a reply's parts go
//! out back to back, never mixed with another reply or a notice. Between them a small bounded
//! queue, so a client that stops reading holds at most a few replies in the daemon's memory
//! before the writer's timeout drops it.

use std::collections::BTreeMap;
use std::io;
use std::sync::Arc;
use std::time::Duration;

use bytes::{Bytes, BytesMut};
use futures_util::SinkExt;
use tokio::io::AsyncReadExt;
use tokio::net::UnixStream;
use tokio::net::unix::{OwnedReadHalf, OwnedWriteHalf};
use tokio::sync::{broadcast, mpsc, watch};
use tokio::time::timeout;
use tokio_util::codec::{Decoder, FramedWrite, LengthDelimitedCodec};

use super::Limits;
use super::notify::{Hub, Notice};
use crate::domain::message::{Localize, Message};
use crate::service::{
    ApiError, Caller, CaseApi, Request, Response, Service, ServiceError, Session,
};
use crate::wire::{self, ClientMsg, Gather, Hello, ServerMsg, WireError};

/// A connection may list this many changed cases in one notice; more is a resync (the console
/// reloads what it shows instead of hearing a long list).
const MAX_LISTED: usize = 256;

/// What every connection shares: the service, the office's clock, the notices.
pub struct Daemon {
    pub service: Service,
    pub today: Arc<dyn Fn() -> chrono::NaiveDate + Send + Sync>,
    /// The daemon's own uid: on a database without users it is the first supervisor.
    pub own_uid: u32,
    pub limits: Limits,
    pub hub: Hub,
    /// Becomes `true` when the daemon is asked to stop.
    pub stopping: watch::Receiver<bool>,
}

/// The frames' codec: 4-byte big-endian lengths, at most [`wire::MAX_FRAME`] bytes.
pub fn codec() -> LengthDelimitedCodec {
    LengthDelimitedCodec::builder()
        .max_frame_length(wire::MAX_FRAME)
        .new_codec()
}

/// What the reader hands the writer.
enum Out {
    /// The encoding of the answer to the call `id`: cut into frames as they are written, back
    /// to back, so that a queue answer shared by many connections is never copied whole for
    /// each of them.
    Reply { id: u64, answer: Arc<[u8]> },
    /// One message already made into a frame (a fresh welcome: the caller changed).
    Frame(Bytes),
    /// A last word, then the connection ends.
    Bye(Message),
}

/// Why a connection ended early, for the log.
#[derive(Debug)]
enum Ended {
    Io(io::Error),
    Stalled,
}

/// Serves one accepted connection to its end.
pub async fn serve(stream: UnixStream, daemon: Arc<Daemon>) {
    let uid = match stream.peer_cred() {
        Ok(c) => c.uid(),
        Err(e) => {
            tracing::warn!(error = %e, "a connection without peer credentials is closed");
            return;
        }
    };
    let (read, write) = stream.into_split();
    let mut sink = FramedWrite::new(write, codec());
    let wt = daemon.limits.write_timeout;
    let today = (daemon.today)();
    if send(&mut sink, &Hello::new(today), wt).await.is_err() {
        return;
    }
    // The kernel's word for who this is; nothing the client sends names a user.
    let service = daemon.service.clone();
    let own = daemon.own_uid;
    let caller = tokio::task::spawn_blocking(move || caller_of(&service, uid, own))
        .await
        .unwrap_or_else(|e| Err(ServiceError::Invalid(e.to_string())));
    let caller = match caller {
        Ok(c) => c,
        Err(e) => {
            tracing::warn!(uid, why = %e, "connection refused");
            let _ = send(
                &mut sink,
                &ServerMsg::Bye {
                    message: e.message(),
                },
                wt,
            )
            .await;
            return;
        }
    };
    // Subscribed before the welcome: no change after it goes unheard.
    let notices = daemon.hub.subscribe();
    let welcome = ServerMsg::Welcome {
        caller: caller.clone(),
        today,
    };
    if send(&mut sink, &welcome, wt).await.is_err() {
        return;
    }
    tracing::info!(uid, login = %caller.login, role = ?caller.role, "connected");
    let (tx, rx) = mpsc::channel(daemon.limits.queue);
    let login = caller.login.clone();
    let writer = tokio::spawn(write_loop(sink, rx, notices, wt, uid, login.clone()));
    let t = daemon.today.clone();
    let session = Arc::new(Session::new(
        daemon.service.clone(),
        caller,
        Box::new(move || t()),
    ));
    read_loop(read, tx, session, &daemon, uid, &login).await;
    let _ = writer.await;
    tracing::info!(uid, login = %login, "disconnected");
}

/// The caller behind `uid`: a user of the database; on a database with no users yet the
/// daemon's own account becomes its first supervisor (like the embedded console), nobody else.
fn caller_of(service: &Service, uid: u32, own_uid: u32) -> Result<Caller, ServiceError> {
    if uid == own_uid {
        service.caller_or_first_user(uid)
    } else {
        service.caller_for_uid(uid)
    }
}

/// One call's outcome after the caller was read again.
enum Call {
    /// Answered; `changed`: the user's record changed (a role, a login, a name) and the
    /// session follows it from this call on.
    Answered {
        answer: Answer,
        changed: Option<Caller>,
    },
    /// The user was disabled or removed meanwhile: the call is not made, the connection ends
    /// with this message.
    Refused(Message),
}

/// Makes one call for the connection of `uid`, after reading its user again (one lookup by
/// uid): what a supervisor changed since the last call counts from this call on, so a
/// disabled officer's open console cannot go on working, and a new role applies without a
/// reconnection. A store that cannot be read keeps the caller as it was (the call then meets
/// the same store and says so).
fn checked_call(
    service: &Service,
    session: &Session,
    uid: u32,
    own: u32,
    request: Request,
) -> Call {
    let changed = match caller_of(service, uid, own) {
        Ok(fresh) if fresh == session.caller() => None,
        Ok(fresh) => {
            session.set_caller(fresh.clone());
            Some(fresh)
        }
        Err(e @ (ServiceError::UnknownUser { .. } | ServiceError::User(_))) => {
            return Call::Refused(e.message());
        }
        Err(e) => {
            tracing::warn!(uid, error = %e, "the user could not be read again; the caller is kept");
            None
        }
    };
    Call::Answered {
        answer: answer(session, request),
        changed,
    }
}

/// Reads frames, gathers calls, answers them in order; ends at the client's end of stream, a
/// broken frame, a stalled one, the writer's end or the daemon's stop.
async fn read_loop(
    mut read: OwnedReadHalf,
    tx: mpsc::Sender<Out>,
    session: Arc<Session>,
    daemon: &Daemon,
    uid: u32,
    login: &str,
) {
    let mut codec = codec();
    let mut buf = BytesMut::with_capacity(8 * 1024);
    // Bytes received and bytes of whole frames: more received means a frame is half read.
    let (mut received, mut framed) = (0u64, 0u64);
    let mut gather = Gather::default();
    let mut stopping = daemon.stopping.clone();
    let stall = daemon.limits.frame_timeout;
    loop {
        let frame = match codec.decode(&mut buf) {
            Ok(Some(frame)) => frame,
            Ok(None) => {
                let partial = received > framed;
                if *stopping.borrow() && !partial {
                    let _ = tx.send(Out::Bye(Message::new("server-bye-shutdown"))).await;
                    return;
                }
                tokio::select! {
                    _ = tx.closed() => return,
                    r = stopping.changed(), if !partial => {
                        if r.is_err() {
                            return;
                        }
                        continue;
                    }
                    r = read_some(&mut read, &mut buf, partial.then_some(stall)) => match r {
                        Ok(0) => {
                            if partial {
                                tracing::warn!(uid, login, "protocol error: the connection ended inside a frame");
                            }
                            return;
                        }
                        Ok(n) => {
                            received += n as u64;
                            continue;
                        }
                        Err(Ended::Stalled) => {
                            tracing::warn!(uid, login, seconds = stall.as_secs_f64(), "protocol error: half a frame, then silence; closed");
                            return;
                        }
                        Err(Ended::Io(e)) => {
                            tracing::info!(uid, login, error = %e, "the connection failed");
                            return;
                        }
                    }
                }
            }
            Err(e) => {
                // Over the cap: the codec refuses it from the length alone, nothing allocated.
                tracing::warn!(uid, login, error = %e, "protocol error: a frame over the limit; closed");
                let bye =
                    Message::new("server-bye-frame-too-long").number("max", wire::MAX_FRAME as i64);
                let _ = tx.send(Out::Bye(bye)).await;
                return;
            }
        };
        framed += 4 + frame.len() as u64;
        let (id, whole) = match call_part(&frame, &mut gather) {
            Ok(Some(call)) => call,
            Ok(None) => continue,
            Err(e) => {
                tracing::warn!(uid, login, error = %e, "protocol error; closed");
                let bye = match e {
                    WireError::TooLong { .. } => Message::new("server-bye-request-too-long")
                        .number("max", wire::MAX_REQUEST as i64),
                    _ => Message::new("server-bye-garbage"),
                };
                let _ = tx.send(Out::Bye(bye)).await;
                return;
            }
        };
        let request: Request = match wire::decode(&whole) {
            Ok(r) => r,
            Err(e) => {
                tracing::warn!(uid, login, error = %e, "protocol error: a request that cannot be read; closed");
                let _ = tx.send(Out::Bye(Message::new("server-bye-garbage"))).await;
                return;
            }
        };
        let what = request_name(&request);
        let s = session.clone();
        let service = daemon.service.clone();
        let own = daemon.own_uid;
        let call =
            tokio::task::spawn_blocking(move || checked_call(&service, &s, uid, own, request))
                .await
                .unwrap_or_else(|e| Call::Answered {
                    answer: Answer::Response(Response::Error {
                        error: ApiError::Internal {
                            message: Message::new("plain-text").text("text", e.to_string()),
                        },
                    }),
                    changed: None,
                });
        let answer = match call {
            Call::Refused(message) => {
                tracing::warn!(uid, login, why = %message.key, "the user may no longer connect; closed");
                let _ = tx.send(Out::Bye(message)).await;
                return;
            }
            Call::Answered {
                answer,
                changed: Some(caller),
            } => {
                tracing::info!(uid, login, role = ?caller.role, new_login = %caller.login, "the user's record changed; the session follows it");
                // Said before the answer, so the console shows the new role with it.
                let welcome = ServerMsg::Welcome {
                    caller,
                    today: (daemon.today)(),
                };
                match wire::encode(&welcome) {
                    Ok(frame) => {
                        if tx.send(Out::Frame(Bytes::from(frame))).await.is_err() {
                            return;
                        }
                    }
                    Err(e) => {
                        tracing::error!(uid, login, error = %e, "a welcome could not be written")
                    }
                }
                answer
            }
            Call::Answered { answer, .. } => answer,
        };
        let answer = match answer {
            Answer::Encoded(bytes) => bytes,
            Answer::Response(response) => {
                if let Response::Error { error } = &response {
                    tracing::info!(uid, login, request = %what, why = %error, "request refused");
                }
                daemon.hub.publish_answer(&response);
                match wire::encode(&response) {
                    Ok(bytes) => bytes.into(),
                    Err(e) => {
                        tracing::error!(uid, login, request = %what, error = %e, "an answer could not be written");
                        return;
                    }
                }
            }
        };
        if tx.send(Out::Reply { id, answer }).await.is_err() {
            return;
        }
    }
}

/// Adds one frame's part to the call being gathered: the whole call when it was the last part.
fn call_part(frame: &[u8], gather: &mut Gather) -> Result<Option<(u64, Vec<u8>)>, WireError> {
    let ClientMsg::Call { id, last, bytes } = wire::decode(frame)?;
    gather.add(id, last, &bytes, wire::MAX_REQUEST)
}

/// Reads what is there into `buf`; with `stall`, gives up when nothing comes for that long
/// (inside a frame). Between frames it waits as long as the client idles: a console is open
/// all day.
async fn read_some(
    read: &mut OwnedReadHalf,
    buf: &mut BytesMut,
    stall: Option<Duration>,
) -> Result<usize, Ended> {
    buf.reserve(8 * 1024);
    let r = match stall {
        Some(t) => timeout(t, read.read_buf(buf))
            .await
            .map_err(|_| Ended::Stalled)?,
        None => read.read_buf(buf).await,
    };
    r.map_err(Ended::Io)
}

/// A call's answer: the response, or (a queue) its encoding already made.
enum Answer {
    Response(Response),
    Encoded(Arc<[u8]>),
}

/// Answers one call. A queue is answered from the rows' kept encodings
/// ([`Session::queue_answer`]): a whole queue of 100,000 rows is made once between two changes
/// however many consoles ask for it, never cloned and encoded for each (issue 9's targets). It
/// changes nothing, so it has nothing to publish.
fn answer(session: &Session, request: Request) -> Answer {
    let Request::Queue { query } = request else {
        return Answer::Response(session.call(request));
    };
    match session.queue_answer(&query) {
        Ok(bytes) => Answer::Encoded(bytes),
        Err(error) => Answer::Response(Response::Error { error }),
    }
}

/// Writes one message as a frame, within the write timeout.
async fn send(
    sink: &mut FramedWrite<OwnedWriteHalf, LengthDelimitedCodec>,
    msg: &impl serde::Serialize,
    wt: Duration,
) -> Result<(), Ended> {
    let bytes = wire::encode(msg).map_err(|e| Ended::Io(io::Error::other(e.to_string())))?;
    write_frame(sink, Bytes::from(bytes), wt).await
}

async fn write_frame(
    sink: &mut FramedWrite<OwnedWriteHalf, LengthDelimitedCodec>,
    frame: Bytes,
    wt: Duration,
) -> Result<(), Ended> {
    match timeout(wt, sink.send(frame)).await {
        Ok(r) => r.map_err(Ended::Io),
        Err(_) => Err(Ended::Stalled),
    }
}

/// The one writer of a connection: replies in order, notices merged in between (one entry per
/// case, its newest version) while a reply is being written or the client reads slowly.
async fn write_loop(
    mut sink: FramedWrite<OwnedWriteHalf, LengthDelimitedCodec>,
    mut rx: mpsc::Receiver<Out>,
    mut notices: broadcast::Receiver<Notice>,
    wt: Duration,
    uid: u32,
    login: String,
) {
    let mut changed: BTreeMap<String, u64> = BTreeMap::new();
    let mut resync = false;
    let mut hub_open = true;
    loop {
        // Everything that came while the last write went out is merged into one notice.
        loop {
            match notices.try_recv() {
                Ok(n) => merge(&mut changed, &mut resync, n),
                Err(broadcast::error::TryRecvError::Lagged(_)) => resync = true,
                Err(_) => break,
            }
        }
        if resync || changed.len() > MAX_LISTED {
            changed.clear();
            resync = false;
            if let Err(e) = send(&mut sink, &ServerMsg::Resync, wt).await {
                return dropped(uid, &login, e);
            }
        } else if !changed.is_empty() {
            let cases = std::mem::take(&mut changed)
                .into_iter()
                .map(|(number, version)| wire::Changed { number, version })
                .collect();
            if let Err(e) = send(&mut sink, &ServerMsg::Changed { cases }, wt).await {
                return dropped(uid, &login, e);
            }
        }
        tokio::select! {
            biased;
            out = rx.recv() => match out {
                Some(Out::Reply { id, answer }) => {
                    for (last, part) in wire::parts(&answer) {
                        let frame = match wire::reply_frame(id, last, part) {
                            Ok(f) => Bytes::from(f),
                            Err(e) => return dropped(uid, &login, Ended::Io(io::Error::other(e.to_string()))),
                        };
                        if let Err(e) = write_frame(&mut sink, frame, wt).await {
                            return dropped(uid, &login, e);
                        }
                    }
                }
                Some(Out::Frame(frame)) => {
                    if let Err(e) = write_frame(&mut sink, frame, wt).await {
                        return dropped(uid, &login, e);
                    }
                }
                Some(Out::Bye(message)) => {
                    let _ = send(&mut sink, &ServerMsg::Bye { message }, wt).await;
                    return;
                }
                None => return,
            },
            n = notices.recv(), if hub_open => match n {
                Ok(n) => merge(&mut changed, &mut resync, n),
                Err(broadcast::error::RecvError::Lagged(_)) => resync = true,
                Err(broadcast::error::RecvError::Closed) => hub_open = false,
            },
        }
    }
}

fn merge(changed: &mut BTreeMap<String, u64>, resync: &mut bool, n: Notice) {
    match n {
        Notice::Nothing => {}
        Notice::Resync => *resync = true,
        Notice::Case(c) => {
            let v = changed.entry(c.number).or_insert(c.version);
            *v = (*v).max(c.version);
        }
    }
}

fn dropped(uid: u32, login: &str, e: Ended) {
    match e {
        Ended::Stalled => {
            tracing::warn!(
                uid,
                login,
                "the client stopped reading; dropped after the write timeout"
            )
        }
        Ended::Io(e) => {
            tracing::info!(uid, login, error = %e, "the connection failed while writing")
        }
    }
}

/// The request's kind, for the log (never its content: complaint text stays out of logs).
/// Taken from the variant's name, so that a new kind of request needs no line here; the
/// formatting stops at the name, so a long request costs nothing to name.
fn request_name(r: &Request) -> String {
    struct Name(String);
    impl std::fmt::Write for Name {
        fn write_str(&mut self, s: &str) -> std::fmt::Result {
            match s.find(|c: char| !c.is_ascii_alphanumeric()) {
                Some(end) => {
                    self.0.push_str(&s[..end]);
                    Err(std::fmt::Error)
                }
                None => {
                    self.0.push_str(s);
                    Ok(())
                }
            }
        }
    }
    let mut name = Name(String::new());
    let _ = std::fmt::write(&mut name, format_args!("{r:?}"));
    name.0
}

/// Tells a connection over the cap that the daemon is full, and closes it.
pub async fn refuse_busy(stream: UnixStream, today: chrono::NaiveDate, max: usize, wt: Duration) {
    let uid = stream.peer_cred().map(|c| c.uid()).ok();
    tracing::warn!(uid, max, "connection refused: too many connections");
    let (_read, write) = stream.into_split();
    let mut sink = FramedWrite::new(write, codec());
    if send(&mut sink, &Hello::new(today), wt).await.is_ok() {
        let bye = ServerMsg::Bye {
            message: Message::new("server-bye-busy").number("max", max as i64),
        };
        let _ = send(&mut sink, &bye, wt).await;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn notices_merge_to_the_newest_version_of_each_case() {
        let mut changed = BTreeMap::new();
        let mut resync = false;
        for (n, v) in [("A", 3), ("B", 1), ("A", 5), ("A", 4)] {
            let c = wire::Changed {
                number: n.into(),
                version: v,
            };
            merge(&mut changed, &mut resync, Notice::Case(c));
        }
        merge(&mut changed, &mut resync, Notice::Nothing);
        assert_eq!(changed, BTreeMap::from([("A".into(), 5), ("B".into(), 1)]));
        assert!(!resync);
        merge(&mut changed, &mut resync, Notice::Resync);
        assert!(resync);
    }

    #[test]
    fn a_request_is_named_by_its_kind_only() {
        let r = Request::Case {
            number: "Ж-2026-000001 secret".into(),
        };
        assert_eq!(request_name(&r), "Case");
        assert_eq!(request_name(&Request::WhoAmI), "WhoAmI");
    }
}

//! A small blocking client of `merzim serve` on `merzim::wire`, and the load run, shared by
//! `tests/server.rs` and `examples/serve_load.rs`. Deliberately not the console's client: it
//! checks the daemon from the outside, frame by frame.

#![allow(dead_code)]

use std::collections::HashMap;
use std::io::Read;
use std::os::unix::net::UnixStream;
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use merzim::domain::case::EventKind;
use merzim::service::{ApiError, Caller, CaseCommand, QueueQuery, Request, Response};
use merzim::wire::{
    Changed, Gather, Hello, MAX_ANSWER, ServerMsg, call_frames, decode, read_frame, write_frame,
};

/// A connection that got past the handshake.
pub struct Client {
    pub stream: UnixStream,
    pub hello: Hello,
    pub caller: Caller,
    pub today: NaiveDate,
    next_id: u64,
    /// Notices that arrived while waiting for a reply, with when they arrived.
    pub pushes: Vec<(Instant, ServerMsg)>,
}

/// How a connection attempt ended.
#[derive(Debug)]
pub enum Refused {
    /// The daemon said goodbye with this message key.
    Bye(String, Hello),
    Io(String),
}

/// Reads one message, `None` at the end of the stream.
pub fn read_msg(stream: &mut UnixStream) -> Result<Option<ServerMsg>, String> {
    match read_frame(stream).map_err(|e| e.to_string())? {
        Some(bytes) => decode(&bytes).map(Some).map_err(|e| e.to_string()),
        None => Ok(None),
    }
}

impl Client {
    pub fn connect(socket: &Path) -> Result<Client, Refused> {
        let mut stream = UnixStream::connect(socket).map_err(|e| Refused::Io(e.to_string()))?;
        stream
            .set_read_timeout(Some(Duration::from_secs(30)))
            .map_err(|e| Refused::Io(e.to_string()))?;
        let hello: Hello = match read_frame(&mut stream) {
            Ok(Some(b)) => decode(&b).map_err(|e| Refused::Io(e.to_string()))?,
            Ok(None) => return Err(Refused::Io("closed before the hello".into())),
            Err(e) => return Err(Refused::Io(e.to_string())),
        };
        match read_msg(&mut stream).map_err(Refused::Io)? {
            Some(ServerMsg::Welcome { caller, today }) => Ok(Client {
                stream,
                hello,
                caller,
                today,
                next_id: 1,
                pushes: Vec::new(),
            }),
            Some(ServerMsg::Bye { message }) => Err(Refused::Bye(message.key.into_owned(), hello)),
            other => Err(Refused::Io(format!(
                "unexpected after the hello: {other:?}"
            ))),
        }
    }

    /// Sends a request and waits for its answer, keeping the notices that come first.
    pub fn call(&mut self, request: &Request) -> Result<Response, String> {
        let id = self.next_id;
        self.next_id += 1;
        for f in call_frames(id, request).map_err(|e| e.to_string())? {
            write_frame(&mut self.stream, &f).map_err(|e| e.to_string())?;
        }
        let mut gather = Gather::default();
        loop {
            match read_msg(&mut self.stream)? {
                Some(ServerMsg::Reply {
                    id: rid,
                    last,
                    bytes,
                }) => {
                    if rid != id {
                        return Err(format!("a reply to {rid} while waiting for {id}"));
                    }
                    if let Some((_, whole)) = gather
                        .add(rid, last, &bytes, MAX_ANSWER)
                        .map_err(|e| e.to_string())?
                    {
                        return decode(&whole).map_err(|e| e.to_string());
                    }
                }
                Some(m @ (ServerMsg::Changed { .. } | ServerMsg::Resync)) => {
                    self.pushes.push((Instant::now(), m))
                }
                Some(ServerMsg::Bye { message }) => return Err(format!("bye: {}", message.key)),
                Some(other) => return Err(format!("unexpected: {other:?}")),
                None => return Err("the daemon closed the connection".into()),
            }
        }
    }

    /// The next notice (one already kept, or one read within `wait`).
    pub fn next_push(&mut self, wait: Duration) -> Option<ServerMsg> {
        if !self.pushes.is_empty() {
            return Some(self.pushes.remove(0).1);
        }
        self.stream.set_read_timeout(Some(wait)).ok()?;
        let m = read_msg(&mut self.stream).ok().flatten();
        self.stream
            .set_read_timeout(Some(Duration::from_secs(30)))
            .ok()?;
        m
    }

    pub fn queue(&mut self, query: QueueQuery) -> Vec<merzim::service::QueueRow> {
        match self.call(&Request::Queue { query }) {
            Ok(Response::Queue { rows, .. }) => rows,
            other => panic!("queue: {other:?}"),
        }
    }

    /// Adds a note to `number` at `version`: the new version, or the error.
    pub fn note(&mut self, number: &str, version: u64, text: &str) -> Result<u64, ApiError> {
        match self.call(&Request::Execute {
            number: number.into(),
            expected_version: version,
            command: CaseCommand::AddNote { text: text.into() },
        }) {
            Ok(Response::Executed { done }) => Ok(done.version),
            Ok(Response::Error { error }) => Err(error),
            other => panic!("execute: {other:?}"),
        }
    }

    /// The notes of case `number`, in order.
    pub fn notes(&mut self, number: &str) -> Vec<String> {
        match self.call(&Request::Case {
            number: number.into(),
        }) {
            Ok(Response::Case { view }) => view
                .case
                .events
                .iter()
                .filter_map(|e| match &e.what {
                    EventKind::NoteAdded { text } => Some(text.clone()),
                    _ => None,
                })
                .collect(),
            other => panic!("case {number}: {other:?}"),
        }
    }
}

/// What a load run measured.
#[derive(Debug, Default)]
pub struct LoadReport {
    pub calls: usize,
    pub writes: usize,
    pub conflicts: usize,
    /// Answers other than the expected ones (conflicts), with what they were.
    pub errors: Vec<String>,
    pub call_ms: Vec<f64>,
    pub push_ms: Vec<f64>,
    /// Acknowledged writes the observer never heard about (or heard only as a resync).
    pub unheard: usize,
    pub resyncs: usize,
    /// Acknowledged notes not found in their case's history afterwards.
    pub lost: Vec<String>,
}

/// The median and the 99th percentile of `v`, in its unit.
pub fn median_p99(v: &mut [f64]) -> (f64, f64) {
    if v.is_empty() {
        return (f64::NAN, f64::NAN);
    }
    v.sort_by(f64::total_cmp);
    let at = |q: f64| v[((v.len() as f64 - 1.0) * q).round() as usize];
    (at(0.5), at(0.99))
}

/// A small deterministic generator: reproducible runs without a dependency.
struct Rng(u64);
impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n.max(1) as u64) as usize
    }
}

/// `clients` connections doing mixed reads and writes for `run`, one more only listening for
/// notices; then every acknowledged note is looked up in its case's history.
pub fn load(socket: &Path, clients: usize, run: Duration) -> LoadReport {
    // The observer hears every notice and notes when.
    let heard: Arc<Mutex<Vec<(Instant, Changed)>>> = Arc::default();
    let resyncs = Arc::new(Mutex::new(0usize));
    let mut observer = Client::connect(socket).expect("the observer connects");
    let stop_at = Instant::now() + run;
    let obs = {
        let heard = heard.clone();
        let resyncs = resyncs.clone();
        thread::spawn(move || {
            observer
                .stream
                .set_read_timeout(Some(Duration::from_millis(200)))
                .expect("timeout");
            // Until a while after the writers stop, so the last notices are heard too.
            while Instant::now() < stop_at + Duration::from_secs(2) {
                let mut len = [0u8; 4];
                match observer.stream.read_exact(&mut len) {
                    Ok(()) => {}
                    Err(e)
                        if matches!(
                            e.kind(),
                            std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut
                        ) =>
                    {
                        continue;
                    }
                    Err(_) => break,
                }
                let mut bytes = vec![0u8; u32::from_be_bytes(len) as usize];
                observer
                    .stream
                    .set_read_timeout(Some(Duration::from_secs(5)))
                    .expect("timeout");
                if observer.stream.read_exact(&mut bytes).is_err() {
                    break;
                }
                observer
                    .stream
                    .set_read_timeout(Some(Duration::from_millis(200)))
                    .expect("timeout");
                let now = Instant::now();
                match decode::<ServerMsg>(&bytes) {
                    Ok(ServerMsg::Changed { cases }) => heard
                        .lock()
                        .expect("heard")
                        .extend(cases.into_iter().map(|c| (now, c))),
                    Ok(ServerMsg::Resync) => *resyncs.lock().expect("resyncs") += 1,
                    _ => {}
                }
            }
        })
    };
    type Acked = (Instant, String, u64, String);
    let workers: Vec<_> = (0..clients)
        .map(|n| {
            let socket = socket.to_path_buf();
            thread::spawn(move || {
                let mut c = Client::connect(&socket).expect("a load client connects");
                let mut rng = Rng(0x9E37_79B9_7F4A_7C15 ^ (n as u64 + 1));
                let mut rows = c.queue(QueueQuery::default());
                let (mut calls, mut conflicts) = (0usize, 0usize);
                let mut errors = Vec::new();
                let mut acked: Vec<Acked> = Vec::new();
                let mut call_ms = Vec::new();
                let mut seq = 0u64;
                while Instant::now() < stop_at && !rows.is_empty() {
                    let i = rng.below(rows.len());
                    let t = Instant::now();
                    match rng.below(10) {
                        0..=2 => rows = c.queue(QueueQuery::default()),
                        3..=5 => {
                            let number = rows[i].number.clone();
                            match c.call(&Request::Case { number }) {
                                Ok(Response::Case { view }) => rows[i].version = view.case.version,
                                other => errors.push(format!("case: {other:?}")),
                            }
                        }
                        _ => {
                            seq += 1;
                            let text = format!("load {n}-{seq}");
                            let number = rows[i].number.clone();
                            match c.note(&number, rows[i].version, &text) {
                                Ok(v) => {
                                    acked.push((Instant::now(), number, v, text));
                                    rows[i].version = v;
                                }
                                Err(ApiError::Conflict { current, .. }) => {
                                    conflicts += 1;
                                    rows[i].version = current;
                                }
                                Err(e) => errors.push(format!("note: {e}")),
                            }
                        }
                    }
                    call_ms.push(t.elapsed().as_secs_f64() * 1000.0);
                    calls += 1;
                }
                (calls, conflicts, errors, acked, call_ms)
            })
        })
        .collect();
    let mut report = LoadReport::default();
    let mut all_acked: Vec<Acked> = Vec::new();
    for w in workers {
        let (calls, conflicts, errors, acked, call_ms) = w.join().expect("a load client");
        report.calls += calls;
        report.conflicts += conflicts;
        report.errors.extend(errors);
        report.call_ms.extend(call_ms);
        all_acked.extend(acked);
    }
    report.writes = all_acked.len();
    obs.join().expect("the observer");
    report.resyncs = *resyncs.lock().expect("resyncs");
    let heard = heard.lock().expect("heard");
    for (at, number, version, _) in &all_acked {
        let first = heard
            .iter()
            .filter(|(_, c)| c.number == *number && c.version >= *version)
            .map(|(t, _)| *t)
            .min();
        match first {
            Some(t) => report
                .push_ms
                .push(t.saturating_duration_since(*at).as_secs_f64() * 1000.0),
            None => report.unheard += 1,
        }
    }
    // Every acknowledged note is in its case's history.
    let mut by_case: HashMap<&str, Vec<&str>> = HashMap::new();
    for (_, number, _, text) in &all_acked {
        by_case.entry(number).or_default().push(text);
    }
    let mut checker = Client::connect(socket).expect("the checker connects");
    for (number, texts) in by_case {
        let notes = checker.notes(number);
        for t in texts {
            if !notes.iter().any(|n| n == t) {
                report.lost.push(format!("{number}: {t}"));
            }
        }
    }
    report
}

/// The load report in a few lines.
pub fn describe(r: &mut LoadReport, clients: usize, run: Duration) -> String {
    let (cm, cp) = median_p99(&mut r.call_ms);
    let (pm, pp) = median_p99(&mut r.push_ms);
    format!(
        "{clients} clients x {:.0} s: {} calls ({:.0}/s), {} writes acknowledged, {} conflicts, {} other errors, {} lost\n\
         call latency: median {cm:.1} ms, p99 {cp:.1} ms\n\
         push latency (write acknowledged -> notice at another client): median {pm:.1} ms, p99 {pp:.1} ms; {} not heard, {} resyncs",
        run.as_secs_f64(),
        r.calls,
        r.calls as f64 / run.as_secs_f64(),
        r.writes,
        r.conflicts,
        r.errors.len(),
        r.lost.len(),
        r.unheard,
        r.resyncs,
    )
}

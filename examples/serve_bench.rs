//! Figures of a running `merzim serve` for issue 9's targets, driven by `scripts/serve_bench.sh`
//! (which makes the database, starts the daemon and prints the table).
//!
//! ```sh
//! serve_bench queue SOCKET [RUNS (50)]
//! serve_bench push SOCKET CLIENTS [WRITES (20)] [DAEMON_PID]
//! ```
//!
//! `queue` asks for the caller's queue as the console does (a supervisor's or auditor's whole
//! queue, an officer's own and unassigned cases; closed ones included) once, then `RUNS` times,
//! and prints the first call's time apart: on a daemon just started it is the one that reads
//! every case. `push` connects `CLIENTS` consoles that only listen and one more that adds a note
//! to a case `WRITES` times; for every write and every listener it takes the time from the
//! write's acknowledgement to that listener's change notice. With the daemon's pid it also
//! reads the daemon's resident memory while all of them are connected.
//!
//! Each prints one line of `key=value` figures for the script's table. Times are wall-clock on
//! whatever else the machine is doing: the script records the load average beside them.

#[path = "../tests/server_support/mod.rs"]
mod server_support;

use std::io::Read;
use std::net::Shutdown;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::thread;
use std::time::{Duration, Instant};

use merzim::service::{QueueQuery, Request, Response, Scope};
use merzim::wire::{self, Changed, ServerMsg};
use server_support::Client;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let number = |i: usize, default: u64| -> Result<u64, String> {
        match args.get(i) {
            Some(a) => a.parse().map_err(|_| format!("'{a}' is not a number")),
            None => Ok(default),
        }
    };
    let run = match (args.first().map(String::as_str), args.get(1)) {
        (Some("queue"), Some(socket)) => {
            number(2, 50).and_then(|runs| queue(Path::new(socket), runs as usize))
        }
        (Some("push"), Some(socket)) => (|| {
            let clients = number(2, 50)? as usize;
            let writes = number(3, 20)? as usize;
            let pid = args.get(4).map(|_| number(4, 0)).transpose()?;
            push(
                &PathBuf::from(socket),
                clients,
                writes,
                pid.map(|p| p as u32),
            )
        })(),
        _ => Err(
            "usage: serve_bench queue SOCKET [RUNS] | push SOCKET CLIENTS [WRITES] [PID]".into(),
        ),
    };
    match run {
        Ok(line) => {
            println!("{line}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("serve_bench: {e}");
            ExitCode::FAILURE
        }
    }
}

fn connect(socket: &Path) -> Result<Client, String> {
    Client::connect(socket).map_err(|e| format!("cannot connect to '{}': {e:?}", socket.display()))
}

/// The value at quantile `q` of sorted `v`.
fn at(v: &[f64], q: f64) -> f64 {
    if v.is_empty() {
        return f64::NAN;
    }
    v[((v.len() as f64 - 1.0) * q).round() as usize]
}

fn ms(t: Instant) -> f64 {
    t.elapsed().as_secs_f64() * 1000.0
}

/// The queue the console opens with for this caller (src/console/mod.rs).
fn console_query(c: &Client) -> QueueQuery {
    QueueQuery {
        scope: if c.caller.reads_all() {
            Scope::All
        } else {
            Scope::MineAndUnassigned
        },
        include_closed: true,
        ..QueueQuery::default()
    }
}

fn queue(socket: &Path, runs: usize) -> Result<String, String> {
    let mut c = connect(socket)?;
    let request = Request::Queue {
        query: console_query(&c),
    };
    let t = Instant::now();
    let first = c.call(&request)?;
    let first_ms = ms(t);
    let Response::Queue { rows, .. } = &first else {
        return Err(format!("the queue was not answered: {first:?}"));
    };
    // The answer's size as the daemon encodes it (the frames add a few bytes per MiB).
    let bytes = wire::encode(&first).map_err(|e| e.to_string())?.len();
    let n = rows.len();
    let mut times = Vec::with_capacity(runs);
    for _ in 0..runs {
        let t = Instant::now();
        c.call(&request)?;
        times.push(ms(t));
    }
    times.sort_by(f64::total_cmp);
    Ok(format!(
        "queue login={} role={:?} rows={n} bytes={bytes} first_ms={first_ms:.1} median_ms={:.1} p90_ms={:.1} max_ms={:.1} runs={runs}",
        c.caller.login,
        c.caller.role,
        at(&times, 0.5),
        at(&times, 0.9),
        at(&times, 1.0),
    ))
}

/// The daemon's resident and peak resident memory in MB, from `/proc`.
fn rss_mb(pid: u32) -> Result<(f64, f64), String> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status"))
        .map_err(|e| format!("cannot read the memory of process {pid}: {e}"))?;
    let kb = |key: &str| {
        status
            .lines()
            .find_map(|l| l.strip_prefix(key))
            .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<f64>().ok())
            .unwrap_or(f64::NAN)
    };
    Ok((kb("VmRSS:") / 1024.0, kb("VmHWM:") / 1024.0))
}

/// What one listener heard: each notice's cases with when it arrived, and how many resyncs.
type Heard = (Vec<(Instant, Changed)>, usize);

/// Reads notices until its connection is shut down (by the main thread, when the run is over).
fn listen(mut c: Client) -> Heard {
    let mut heard = Vec::new();
    let mut resyncs = 0;
    let _ = c.stream.set_read_timeout(None);
    loop {
        let mut len = [0u8; 4];
        if c.stream.read_exact(&mut len).is_err() {
            break;
        }
        let mut bytes = vec![0u8; u32::from_be_bytes(len) as usize];
        if c.stream.read_exact(&mut bytes).is_err() {
            break;
        }
        let now = Instant::now();
        match wire::decode::<ServerMsg>(&bytes) {
            Ok(ServerMsg::Changed { cases }) => heard.extend(cases.into_iter().map(|x| (now, x))),
            Ok(ServerMsg::Resync) => resyncs += 1,
            _ => {}
        }
    }
    (heard, resyncs)
}

fn push(socket: &Path, clients: usize, writes: usize, pid: Option<u32>) -> Result<String, String> {
    let mut streams = Vec::with_capacity(clients);
    let mut listeners = Vec::with_capacity(clients);
    for _ in 0..clients {
        let c = connect(socket)?;
        streams.push(c.stream.try_clone().map_err(|e| e.to_string())?);
        listeners.push(thread::spawn(move || listen(c)));
    }
    let mut writer = connect(socket)?;
    let rss = pid.map(rss_mb).transpose()?;
    // Open cases the writer may note on, one per write, so no notice merges two writes.
    let mut query = console_query(&writer);
    query.include_closed = false;
    query.limit = Some(writes);
    let rows = writer.queue(query);
    if rows.len() < writes {
        return Err(format!("only {} open cases to write to", rows.len()));
    }
    let mut acked = Vec::with_capacity(writes);
    for (i, row) in rows.iter().enumerate() {
        let version = writer
            .note(&row.number, row.version, &format!("serve_bench {i}"))
            .map_err(|e| format!("the note on {} was refused: {e}", row.number))?;
        acked.push((Instant::now(), row.number.clone(), version));
        // Apart enough that each write is its own notice.
        thread::sleep(Duration::from_millis(100));
    }
    thread::sleep(Duration::from_secs(2));
    for s in &streams {
        let _ = s.shutdown(Shutdown::Both);
    }
    let mut latencies = Vec::with_capacity(clients * writes);
    let (mut unheard, mut resyncs) = (0usize, 0usize);
    for l in listeners {
        let (heard, r) = l.join().map_err(|_| "a listener failed".to_string())?;
        resyncs += r;
        for (at, number, version) in &acked {
            match heard
                .iter()
                .find(|(_, c)| c.number == *number && c.version >= *version)
            {
                Some((t, _)) => {
                    latencies.push(t.saturating_duration_since(*at).as_secs_f64() * 1000.0)
                }
                None => unheard += 1,
            }
        }
    }
    latencies.sort_by(f64::total_cmp);
    let memory = match rss {
        Some((now, peak)) => format!(" daemon_rss_mb={now:.0} daemon_peak_mb={peak:.0}"),
        None => String::new(),
    };
    Ok(format!(
        "push clients={clients} writes={writes} p50_ms={:.1} p99_ms={:.1} max_ms={:.1} unheard={unheard} resyncs={resyncs}{memory}",
        at(&latencies, 0.5),
        at(&latencies, 0.99),
        at(&latencies, 1.0),
    ))
}

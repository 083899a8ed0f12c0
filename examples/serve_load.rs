//! Load on a running `merzim serve`: N clients doing mixed reads (Queue, Case) and writes (a
//! note on a random case at the version last seen: a conflict is expected and counted) for T
//! seconds, one more client only listening for change notices; then every acknowledged note
//! is looked up in its case's history, and the latencies are printed.
//!
//! ```sh
//! merzim --db /tmp/load.db --today 2026-11-20 demo --cases 2000
//! merzim --db /tmp/load.db --today 2026-11-20 serve --socket /tmp/load.sock &
//! cargo run --release --example serve_load -- /tmp/load.sock 50 60
//! ```
//!
//! Exit status 1 if a write was lost or an answer other than a conflict came back.

#[path = "../tests/server_support/mod.rs"]
mod server_support;

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(socket) = args.first().map(PathBuf::from) else {
        eprintln!("usage: serve_load SOCKET [CLIENTS (50)] [SECONDS (60)]");
        return ExitCode::from(2);
    };
    let number = |i: usize, default: u64| match args.get(i) {
        Some(a) => a
            .parse::<u64>()
            .map_err(|_| format!("'{a}' is not a number")),
        None => Ok(default),
    };
    let (clients, seconds) = match (number(1, 50), number(2, 60)) {
        (Ok(c), Ok(s)) => (c as usize, s),
        (Err(e), _) | (_, Err(e)) => {
            eprintln!("serve_load: {e}");
            return ExitCode::from(2);
        }
    };
    let run = Duration::from_secs(seconds);
    let mut report = server_support::load(&socket, clients, run);
    println!("{}", server_support::describe(&mut report, clients, run));
    for e in report.errors.iter().take(5) {
        println!("error: {e}");
    }
    for l in report.lost.iter().take(5) {
        println!("lost: {l}");
    }
    if report.errors.is_empty() && report.lost.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

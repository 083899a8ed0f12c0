//! Crash safety (DESIGN 3: a write is acknowledged only after it is flushed): a child process
//! writes cases and notes and prints each write once `execute` has returned; it is killed with
//! SIGKILL at random moments. After each kill the database must open cleanly and hold every
//! acknowledged write.
//!
//! CI runs `MERZIM_CRASH_KILLS` kills (default 10); `scripts/crash_test.sh` runs 120.

#![cfg(unix)]

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use merzim::store::Store;

struct Rng(u64);

impl Rng {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n
    }
}

/// What the writer acknowledged: case numbers, and the highest note version per case.
#[derive(Default)]
struct Acknowledged {
    cases: Vec<String>,
    notes: BTreeMap<String, u64>,
    note_count: usize,
}

#[test]
fn acknowledged_writes_survive_sigkill() {
    let kills: usize = std::env::var("MERZIM_CRASH_KILLS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(10);
    let seed = std::env::var("MERZIM_CRASH_SEED")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map(|d| d.as_nanos() as u64)
                .unwrap_or(1)
                | 1
        });
    let mut rng = Rng(seed);
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("db");
    let mut ack = Acknowledged::default();
    let mut killed_mid_write = 0;
    let started = Instant::now();

    for round in 0..kills {
        let mut child = Command::new(env!("CARGO_BIN_EXE_merzim"))
            .arg("--db")
            .arg(&db)
            .args(["--today", "2026-03-20", "debug-crash-writer"])
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let stdout = child.stdout.take().unwrap();
        let (tx, rx) = std::sync::mpsc::channel::<String>();
        let reader = std::thread::spawn(move || {
            let mut r = BufReader::new(stdout);
            let mut line = Vec::new();
            loop {
                line.clear();
                match r.read_until(b'\n', &mut line) {
                    // Only a whole line is an acknowledgement; a torn last line is not.
                    Ok(n) if n > 0 && line.ends_with(b"\n") => {
                        let _ = tx.send(String::from_utf8_lossy(&line[..n - 1]).into_owned());
                    }
                    _ => break,
                }
            }
        });
        // Mostly kill while it writes; sometimes at any moment, even while it opens the database.
        if rng.below(5) != 0 {
            let _ = rx.recv_timeout(Duration::from_secs(20));
        }
        std::thread::sleep(Duration::from_millis(rng.below(150)));
        child.kill().unwrap(); // SIGKILL
        let status = child.wait().unwrap();
        reader.join().unwrap();
        let mut got = 0;
        for line in rx.try_iter() {
            got += 1;
            let parts: Vec<&str> = line.split(' ').collect();
            match parts.as_slice() {
                ["case", number] => ack.cases.push(number.to_string()),
                ["note", number, version] => {
                    let v: u64 = version.parse().unwrap();
                    let e = ack.notes.entry(number.to_string()).or_default();
                    *e = (*e).max(v);
                    ack.note_count += 1;
                }
                _ => panic!("round {round}: unexpected output '{line}'"),
            }
        }
        if status.code().is_none() && got > 0 {
            killed_mid_write += 1;
        }

        // The database opens cleanly and holds every acknowledged write.
        let store = Store::open(&db).unwrap_or_else(|e| panic!("round {round} (seed {seed}): {e}"));
        for number in &ack.cases {
            assert!(
                store.case(number).unwrap().is_some(),
                "round {round} (seed {seed}): acknowledged case '{number}' is lost"
            );
        }
        for (number, version) in &ack.notes {
            let (_, case) = store.case(number).unwrap().unwrap();
            assert!(
                case.version >= *version && case.events.len() as u64 == case.version,
                "round {round} (seed {seed}): case '{number}' is at version {} with {} history entries, {version} was acknowledged",
                case.version,
                case.events.len()
            );
        }
        // Every stored case reads in full, and numbers have no gaps.
        let mut serials: Vec<u64> = store
            .scan()
            .map(|r| {
                let r = r.unwrap();
                assert_eq!(store.history(r.id).unwrap().len() as u64, r.case.version);
                r.case.number.rsplit('-').next().unwrap().parse().unwrap()
            })
            .collect();
        serials.sort_unstable();
        assert!(
            serials.iter().enumerate().all(|(i, s)| *s == i as u64 + 1),
            "round {round} (seed {seed}): numbers have gaps"
        );
        assert!(store.count() >= ack.cases.len());
    }
    let store = Store::open(&db).unwrap();
    println!(
        "crash test: seed {seed}, {kills} SIGKILLs ({killed_mid_write} after writes had been acknowledged), \
         {} acknowledged cases and {} acknowledged notes, all present; {} cases on disk; 0 lost; {:.1} s",
        ack.cases.len(),
        ack.note_count,
        store.count(),
        started.elapsed().as_secs_f64()
    );
}

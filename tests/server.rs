//! `merzim serve` end to end: the real binary on a demo database, spoken to frame by frame by
//! a small blocking client (tests/server_support), hostile clients included.

mod common;
mod server_support;

use std::io::{Read, Write};
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::os::unix::net::UnixStream;
use std::os::unix::process::CommandExt;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use merzim::domain::case::EventKind;
use merzim::service::{ApiError, QueueQuery, Request, Response, Role, Scope};
use merzim::wire::{self, ClientMsg, Hello, ServerMsg, call_frames, decode, encode, write_frame};
use server_support::{Client, Refused, describe, load, read_msg};

use common::serve::{BIN, Daemon, TODAY, demo};

/// A client of the daemon, past the handshake.
fn client(d: &Daemon) -> Client {
    Client::connect(&d.socket).unwrap_or_else(|e| panic!("connect: {e:?}"))
}

/// An open case nobody else is likely to touch, with its version.
fn open_case(c: &mut Client) -> (String, u64) {
    let rows = c.queue(QueueQuery::default());
    let r = rows.first().expect("the demo has open cases");
    (r.number.clone(), r.version)
}

/// Reads until the daemon closes the connection: the messages it sent (`Bye` last).
fn until_closed(s: &mut UnixStream, within: Duration) -> Vec<ServerMsg> {
    s.set_read_timeout(Some(within)).expect("timeout");
    let mut out = Vec::new();
    while let Ok(Some(m)) = read_msg(s) {
        out.push(m);
    }
    out
}

/// Connects and reads the hello and the welcome, as a raw stream.
fn raw(d: &Daemon) -> UnixStream {
    let mut s = UnixStream::connect(&d.socket).expect("connect");
    s.set_read_timeout(Some(Duration::from_secs(10)))
        .expect("timeout");
    let hello: Hello =
        decode(&wire::read_frame(&mut s).expect("hello").expect("hello")).expect("hello");
    assert!(hello.compatible());
    assert!(matches!(
        read_msg(&mut s),
        Ok(Some(ServerMsg::Welcome { .. }))
    ));
    s
}

fn bye_key(msgs: &[ServerMsg]) -> Option<String> {
    msgs.iter().find_map(|m| match m {
        ServerMsg::Bye { message } => Some(message.key.to_string()),
        _ => None,
    })
}

#[test]
fn the_handshake_names_the_peer_and_the_servers_day_and_a_queue_comes_back() {
    let dir = demo(60);
    let d = Daemon::start(dir.path(), &[]);
    let mut c = client(&d);
    assert!(c.hello.compatible());
    assert_eq!(c.hello.today.to_string(), TODAY);
    assert_eq!(c.today.to_string(), TODAY);
    // SAFETY: getuid cannot fail.
    assert_eq!(c.caller.uid, unsafe { libc::getuid() });
    assert_eq!(c.caller.role, Role::Supervisor);
    let rows = c.queue(QueueQuery {
        include_closed: true,
        ..QueueQuery::default()
    });
    assert_eq!(rows.len(), 60);
    assert_eq!(merzim::server::socket_of_db(&d.db), Some(d.socket.clone()));
    let mode = std::fs::metadata(&d.socket)
        .expect("socket")
        .permissions()
        .mode();
    assert_eq!(mode & 0o777, 0o660, "the socket is group-only");
    assert!(d.log_text().contains("connected"), "{}", d.log_text());
}

#[test]
fn a_change_by_one_client_reaches_the_other_within_a_second() {
    let dir = demo(40);
    let d = Daemon::start(dir.path(), &[]);
    let mut a = client(&d);
    let mut b = client(&d);
    let (number, version) = open_case(&mut a);
    let v = a
        .note(&number, version, "seen by b")
        .expect("the note is saved");
    let t = Instant::now();
    let push = b
        .next_push(Duration::from_secs(1))
        .expect("b hears of it within a second");
    assert!(t.elapsed() < Duration::from_secs(1));
    let ServerMsg::Changed { cases } = push else {
        panic!("not a change notice: {push:?}");
    };
    assert!(
        cases.iter().any(|c| c.number == number && c.version == v),
        "{cases:?}"
    );
    // The second officer's save based on the old version is a conflict, not a lost update.
    assert!(matches!(
        b.note(&number, version, "too late"),
        Err(ApiError::Conflict { current, .. }) if current == v
    ));
}

#[test]
fn garbage_and_an_http_request_close_that_connection_only() {
    let dir = demo(20);
    let d = Daemon::start(dir.path(), &[]);
    let mut good = client(&d);
    // A well-framed frame of junk.
    let mut s = raw(&d);
    write_frame(&mut s, b"\xc1\xc1 this is no message").expect("write");
    let got = until_closed(&mut s, Duration::from_secs(5));
    assert_eq!(
        bye_key(&got).as_deref(),
        Some("server-bye-garbage"),
        "{got:?}"
    );
    // Text where a length belongs: "GET " is a length of about 1.2 GB.
    let mut s = raw(&d);
    s.write_all(b"GET / HTTP/1.1\r\nHost: x\r\n\r\n")
        .expect("write");
    let got = until_closed(&mut s, Duration::from_secs(5));
    assert_eq!(
        bye_key(&got).as_deref(),
        Some("server-bye-frame-too-long"),
        "{got:?}"
    );
    assert!(
        !good.queue(QueueQuery::default()).is_empty(),
        "the others are still served"
    );
    assert!(d.log_text().contains("protocol error"), "{}", d.log_text());
}

#[test]
fn a_4_gb_length_prefix_is_refused_without_allocating_it() {
    let dir = demo(20);
    let d = Daemon::start(dir.path(), &[]);
    let before = d.rss_kib();
    let mut s = raw(&d);
    s.write_all(&[0xFF, 0xFF, 0xFF, 0xFF, 1, 2, 3])
        .expect("write");
    let got = until_closed(&mut s, Duration::from_secs(5));
    assert_eq!(
        bye_key(&got).as_deref(),
        Some("server-bye-frame-too-long"),
        "{got:?}"
    );
    let after = d.rss_kib();
    assert!(
        after < before + 64 * 1024,
        "memory grew from {before} KiB to {after} KiB"
    );
    assert!(!client(&d).queue(QueueQuery::default()).is_empty());
}

#[test]
fn half_a_frame_then_silence_is_closed_but_an_idle_connection_is_not() {
    let dir = demo(20);
    let d = Daemon::start(dir.path(), &["--frame-timeout-ms", "400"]);
    let mut idle = client(&d);
    let mut s = raw(&d);
    s.write_all(&100u32.to_be_bytes()).expect("write");
    s.write_all(&[0x81; 10]).expect("write");
    let t = Instant::now();
    let got = until_closed(&mut s, Duration::from_secs(10));
    assert!(got.is_empty(), "{got:?}");
    let took = t.elapsed();
    assert!(
        took >= Duration::from_millis(300) && took < Duration::from_secs(5),
        "closed after {took:?}"
    );
    // Idle between frames for longer than the timeout: still served.
    std::thread::sleep(Duration::from_millis(900));
    assert!(!idle.queue(QueueQuery::default()).is_empty());
    assert!(d.log_text().contains("half a frame"), "{}", d.log_text());
}

#[test]
fn a_request_over_the_limit_is_refused() {
    let dir = demo(10);
    let d = Daemon::start(dir.path(), &[]);
    let mut s = raw(&d);
    let part = vec![0u8; wire::PART];
    let frame = encode(&ClientMsg::Call {
        id: 1,
        last: false,
        bytes: part,
    })
    .expect("encode");
    // Parts of one call that never ends, past 16 MiB; the daemon may close before the last.
    for _ in 0..=(wire::MAX_REQUEST / wire::PART) + 1 {
        if write_frame(&mut s, &frame).is_err() {
            break;
        }
    }
    let got = until_closed(&mut s, Duration::from_secs(10));
    assert_eq!(
        bye_key(&got).as_deref(),
        Some("server-bye-request-too-long"),
        "{got:?}"
    );
    assert!(!client(&d).queue(QueueQuery::default()).is_empty());
}

#[test]
fn a_client_that_never_reads_is_dropped_while_the_others_are_served() {
    let dir = demo(300);
    let d = Daemon::start(dir.path(), &["--write-timeout-ms", "1000"]);
    let before = d.rss_kib();
    let mut stuck = raw(&d);
    let all = Request::Queue {
        query: QueueQuery {
            include_closed: true,
            ..QueueQuery::default()
        },
    };
    // Asks for the whole queue again and again, reads nothing.
    stuck
        .set_write_timeout(Some(Duration::from_millis(500)))
        .expect("timeout");
    for id in 1..200 {
        let frames = call_frames(id, &all).expect("frames");
        if frames.iter().any(|f| write_frame(&mut stuck, f).is_err()) {
            break;
        }
    }
    let mut other = client(&d);
    for _ in 0..5 {
        let t = Instant::now();
        assert_eq!(
            other
                .queue(QueueQuery {
                    include_closed: true,
                    ..QueueQuery::default()
                })
                .len(),
            300
        );
        assert!(
            t.elapsed() < Duration::from_secs(2),
            "a call took {:?}",
            t.elapsed()
        );
    }
    // Dropped: after what the socket buffer holds, the stream ends.
    let until = Instant::now() + Duration::from_secs(15);
    stuck
        .set_read_timeout(Some(Duration::from_secs(5)))
        .expect("timeout");
    std::thread::sleep(Duration::from_millis(2000));
    let mut sink = vec![0u8; 1 << 16];
    loop {
        match stuck.read(&mut sink) {
            Ok(0) | Err(_) => break,
            Ok(_) => assert!(Instant::now() < until, "the stuck client was never dropped"),
        }
    }
    assert!(d.log_text().contains("stopped reading"), "{}", d.log_text());
    let after = d.rss_kib();
    assert!(
        after < before + 64 * 1024,
        "memory grew from {before} KiB to {after} KiB"
    );
}

#[test]
fn connections_over_the_cap_are_told_and_closed() {
    let dir = demo(10);
    let d = Daemon::start(dir.path(), &["--max-connections", "2"]);
    let _a = client(&d);
    let _b = client(&d);
    match Client::connect(&d.socket) {
        Err(Refused::Bye(key, _)) => assert_eq!(key, "server-bye-busy"),
        other => panic!("a third connection: {:?}", other.map(|c| c.caller)),
    }
    assert!(
        d.log_text().contains("too many connections"),
        "{}",
        d.log_text()
    );
}

#[test]
fn history_records_the_peer_the_kernel_names() {
    let dir = demo(20);
    let d = Daemon::start(dir.path(), &[]);
    let mut c = client(&d);
    let (number, version) = open_case(&mut c);
    c.note(&number, version, "who wrote this").expect("saved");
    let Ok(Response::Case { view }) = c.call(&Request::Case { number }) else {
        panic!("case");
    };
    let last = view.case.events.last().expect("an event");
    assert!(matches!(&last.what, EventKind::NoteAdded { text } if text == "who wrote this"));
    // SAFETY: getuid cannot fail.
    assert_eq!(last.by.uid, unsafe { libc::getuid() });
    assert_eq!(last.by.login, c.caller.login);
}

#[test]
fn a_stale_socket_file_is_replaced_and_a_live_one_is_refused() {
    let dir = demo(10);
    let socket = dir.path().join("merzim.sock");
    drop(std::os::unix::net::UnixListener::bind(&socket).expect("bind"));
    assert!(socket.exists(), "a stale socket file is left");
    let d = Daemon::start(dir.path(), &[]);
    assert!(!client(&d).queue(QueueQuery::default()).is_empty());
    // A second daemon on another database, same socket: refused, one line, status 1.
    let other = dir.path().join("other");
    let out = Command::new(BIN)
        .args(["--today", TODAY, "--db"])
        .arg(&other)
        .arg("serve")
        .arg("--socket")
        .arg(&socket)
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("already listens"), "{err}");
    assert!(
        !client(&d).queue(QueueQuery::default()).is_empty(),
        "the first one is untouched"
    );
}

#[test]
fn sigterm_finishes_says_goodbye_and_removes_the_socket() {
    let dir = demo(20);
    let mut d = Daemon::start(dir.path(), &[]);
    let mut c = client(&d);
    let (number, version) = open_case(&mut c);
    c.note(&number, version, "before the stop")
        .expect("acknowledged");
    d.signal(libc::SIGTERM);
    assert_eq!(d.wait(Duration::from_secs(10)), Some(0));
    let got = until_closed(&mut c.stream, Duration::from_secs(5));
    assert_eq!(
        bye_key(&got).as_deref(),
        Some("server-bye-shutdown"),
        "{got:?}"
    );
    assert!(!d.socket.exists(), "the socket file is removed");
    assert!(!d.db.join(merzim::server::SOCKET_NOTE).exists());
    assert!(d.log_text().contains("stopping"), "{}", d.log_text());
    let d2 = Daemon::start(dir.path(), &[]);
    assert!(
        client(&d2)
            .notes(&number)
            .contains(&"before the stop".to_string())
    );
}

#[test]
fn sigkill_during_writes_loses_no_acknowledged_write() {
    let dir = demo(30);
    let mut d = Daemon::start(dir.path(), &[]);
    let socket = d.socket.clone();
    let writer = std::thread::spawn(move || {
        let mut c = Client::connect(&socket).expect("connect");
        let rows = c.queue(QueueQuery::default());
        let mut versions: Vec<u64> = rows.iter().map(|r| r.version).collect();
        let mut acked = Vec::new();
        for n in 0.. {
            let i = n % rows.len();
            let text = format!("kill {n}");
            let note = Request::Execute {
                number: rows[i].number.clone(),
                expected_version: versions[i],
                command: merzim::service::CaseCommand::AddNote { text: text.clone() },
            };
            match c.call(&note) {
                Ok(Response::Executed { done }) => {
                    versions[i] = done.version;
                    acked.push((done.number, text));
                }
                Ok(other) => panic!("a note: {other:?}"),
                // The daemon was killed: nothing after this was acknowledged.
                Err(_) => break,
            }
        }
        acked
    });
    std::thread::sleep(Duration::from_millis(1500));
    d.signal(libc::SIGKILL);
    assert_eq!(d.wait(Duration::from_secs(5)), None);
    let acked = match writer.join() {
        Ok(a) => a,
        Err(_) => panic!("the writer failed"),
    };
    assert!(
        acked.len() > 5,
        "only {} writes before the kill",
        acked.len()
    );
    assert!(d.socket.exists(), "SIGKILL leaves the socket file");
    let d2 = Daemon::start(dir.path(), &[]);
    let mut c = client(&d2);
    for (number, text) in &acked {
        assert!(
            c.notes(number).contains(text),
            "{number}: '{text}' was acknowledged, then lost"
        );
    }
}

#[test]
fn load_of_mixed_reads_and_writes_loses_nothing() {
    let dir = demo(200);
    let d = Daemon::start(dir.path(), &[]);
    let run = Duration::from_secs(5);
    let mut r = load(&d.socket, 10, run);
    let text = describe(&mut r, 10, run);
    println!("{text}");
    assert!(
        r.errors.is_empty(),
        "{:?}\n{text}",
        &r.errors[..r.errors.len().min(5)]
    );
    assert!(r.lost.is_empty(), "{:?}\n{text}", r.lost);
    assert!(r.writes > 10, "{text}");
    let (_, p99) = server_support::median_p99(&mut r.push_ms);
    assert!(p99 < 1000.0, "{text}");
}

// ---- Other accounts: a real second uid, as root. ----

/// Connects as `uid`:`gid` with python3 (a process of that account), sends `send`, half-closes,
/// and returns the frames the daemon sent, or the errno of a refused connect.
fn as_account(uid: u32, gid: u32, socket: &Path, send: &[u8]) -> Result<Vec<Vec<u8>>, i32> {
    const PY: &str = r#"
import socket, sys
s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
s.settimeout(10)
try:
    s.connect(sys.argv[1])
except OSError as e:
    print("ERR", e.errno); sys.exit(0)
# A refused account is closed at once: what it was told is still there to read.
try:
    s.sendall(bytes.fromhex(sys.argv[2]))
    s.shutdown(socket.SHUT_WR)
except OSError:
    pass
data = b""
while True:
    b = s.recv(65536)
    if not b: break
    data += b
while len(data) >= 4:
    n = int.from_bytes(data[:4], "big")
    print(data[4:4+n].hex()); data = data[4+n:]
"#;
    let hex: String = send.iter().map(|b| format!("{b:02x}")).collect();
    let out = Command::new("/usr/bin/python3")
        .args(["-I", "-S", "-c", PY])
        .arg(socket)
        .arg(hex)
        .uid(uid)
        .gid(gid)
        .current_dir("/")
        .output()
        .expect("python3 runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    if let Some(e) = text.strip_prefix("ERR ") {
        return Err(e.trim().parse().expect("an errno"));
    }
    Ok(text
        .lines()
        .map(|l| {
            (0..l.len())
                .step_by(2)
                .map(|i| u8::from_str_radix(&l[i..i + 2], 16).expect("hex"))
                .collect()
        })
        .collect())
}

/// Why the other-account tests cannot run here, if they cannot.
fn cannot_switch_accounts() -> Option<&'static str> {
    // SAFETY: geteuid cannot fail.
    if unsafe { libc::geteuid() } != 0 {
        return Some("not running as root: cannot start a process of another uid");
    }
    if !Path::new("/usr/bin/python3").exists() {
        return Some("no /usr/bin/python3 to connect as another uid");
    }
    None
}

fn messages(frames: &[Vec<u8>]) -> (Hello, Vec<ServerMsg>) {
    let hello = decode(&frames[0]).expect("a hello first");
    (
        hello,
        frames[1..]
            .iter()
            .map(|f| decode(f).expect("a message"))
            .collect(),
    )
}

#[test]
fn an_officer_sees_own_and_unassigned_cases_whatever_the_scope_asked() {
    if let Some(why) = cannot_switch_accounts() {
        eprintln!("SKIP an_officer_sees_own_and_unassigned_cases_whatever_the_scope_asked: {why}");
        return;
    }
    let dir = demo(80);
    let d = Daemon::start(dir.path(), &[]);
    let mut boss = client(&d);
    let all = boss.queue(QueueQuery {
        include_closed: true,
        ..QueueQuery::default()
    });
    let others = all
        .iter()
        .find(|r| r.assignee.as_deref().is_some_and(|a| a != "aliya"))
        .expect("a case of another officer");
    let own = all
        .iter()
        .find(|r| r.assignee.as_deref() == Some("aliya") && r.status.is_open())
        .expect("an open case of aliya's");
    // aliya is uid 900001 in the demo; in the socket's group (root's) for this test.
    let mut send = Vec::new();
    let requests = [
        Request::Queue {
            query: QueueQuery {
                scope: Scope::All,
                include_closed: true,
                ..QueueQuery::default()
            },
        },
        Request::Queue {
            query: QueueQuery {
                scope: Scope::Assignee(others.assignee.clone().expect("assigned")),
                include_closed: true,
                ..QueueQuery::default()
            },
        },
        Request::Case {
            number: others.number.clone(),
        },
        Request::Execute {
            number: own.number.clone(),
            expected_version: own.version,
            command: merzim::service::CaseCommand::AddNote {
                text: "aliya's own note".into(),
            },
        },
    ];
    for (id, r) in requests.iter().enumerate() {
        for f in call_frames(id as u64 + 1, r).expect("frames") {
            send.extend_from_slice(&(f.len() as u32).to_be_bytes());
            send.extend_from_slice(&f);
        }
    }
    let frames = as_account(900_001, 0, &d.socket, &send).expect("aliya connects");
    let (_, msgs) = messages(&frames);
    let ServerMsg::Welcome { caller, .. } = &msgs[0] else {
        panic!("{msgs:?}");
    };
    assert_eq!(
        (caller.uid, caller.login.as_str(), caller.role),
        (900_001, "aliya", Role::Officer)
    );
    let answers: Vec<Response> = msgs
        .iter()
        .filter_map(|m| match m {
            ServerMsg::Reply { bytes, .. } => Some(decode(bytes).expect("a response")),
            _ => None,
        })
        .collect();
    assert_eq!(answers.len(), 4, "{answers:?}");
    let Response::Queue { rows, .. } = &answers[0] else {
        panic!("{:?}", answers[0]);
    };
    assert!(
        !rows.is_empty() && rows.len() < all.len(),
        "{} of {}",
        rows.len(),
        all.len()
    );
    assert!(
        rows.iter()
            .all(|r| r.assignee.is_none() || r.assignee.as_deref() == Some("aliya"))
    );
    assert!(matches!(&answers[1], Response::Queue { rows, .. } if rows.is_empty()));
    assert!(
        matches!(
            &answers[2],
            Response::Error {
                error: ApiError::Forbidden { .. }
            }
        ),
        "{:?}",
        answers[2]
    );
    assert!(
        matches!(&answers[3], Response::Executed { .. }),
        "{:?}",
        answers[3]
    );
    // History names the peer the kernel gave, whatever the client program was.
    let Ok(Response::Case { view }) = boss.call(&Request::Case {
        number: own.number.clone(),
    }) else {
        panic!("case");
    };
    let last = view.case.events.last().expect("event");
    assert_eq!((last.by.uid, last.by.login.as_str()), (900_001, "aliya"));
    assert!(d.log_text().contains("request refused"), "{}", d.log_text());
}

/// Runs a command of the system's account tools, retrying while another one holds the lock.
fn admin(cmd: &str, args: &[&str]) -> bool {
    for _ in 0..20 {
        match Command::new(cmd).args(args).stderr(Stdio::null()).status() {
            Ok(s) if s.success() => return true,
            Ok(s) if s.code() == Some(10) || s.code() == Some(1) => {
                std::thread::sleep(Duration::from_millis(200))
            }
            _ => return false,
        }
    }
    false
}

/// Removes the test's accounts and group however the test ends.
struct Accounts(Vec<String>, String);
impl Drop for Accounts {
    fn drop(&mut self) {
        for u in &self.0 {
            admin("userdel", &[u]);
        }
        admin("groupdel", &[&self.1]);
    }
}

fn id_of(flag: &str, name: &str) -> u32 {
    let out = Command::new("id")
        .args([flag, name])
        .output()
        .expect("id runs");
    String::from_utf8_lossy(&out.stdout)
        .trim()
        .parse()
        .expect("an id")
}

#[test]
fn a_uid_outside_the_group_cannot_connect_and_an_unknown_one_inside_is_refused() {
    if let Some(why) = cannot_switch_accounts() {
        eprintln!(
            "SKIP a_uid_outside_the_group_cannot_connect...: {why}; run scripts/socket_perms_test.sh by hand"
        );
        return;
    }
    if !Path::new("/usr/sbin/useradd").exists() && !Path::new("/sbin/useradd").exists() {
        eprintln!(
            "SKIP a_uid_outside_the_group_cannot_connect...: no useradd; run scripts/socket_perms_test.sh by hand"
        );
        return;
    }
    let tag = std::process::id();
    let (group, inside, outside) = (
        format!("mzg{tag}"),
        format!("mzin{tag}"),
        format!("mzout{tag}"),
    );
    let accounts = Accounts(vec![inside.clone(), outside.clone()], group.clone());
    assert!(admin("groupadd", &[&group]), "groupadd {group}");
    assert!(admin(
        "useradd",
        &["-M", "-N", "-g", &group, "-s", "/usr/sbin/nologin", &inside]
    ));
    assert!(
        admin(
            "useradd",
            &[
                "-M",
                "-N",
                "-g",
                "nogroup",
                "-s",
                "/usr/sbin/nologin",
                &outside
            ]
        ) || admin("useradd", &["-M", "-s", "/usr/sbin/nologin", &outside])
    );
    let gid = id_of("-g", &inside);
    let dir = demo(10);
    let d = Daemon::start(dir.path(), &["--group", &group]);
    let meta = std::fs::metadata(&d.socket).expect("socket");
    assert_eq!((meta.gid(), meta.mode() & 0o777), (gid, 0o660));
    let refused = as_account(id_of("-u", &outside), id_of("-g", &outside), &d.socket, &[]);
    assert_eq!(refused, Err(libc::EACCES), "outside the group");
    let in_uid = id_of("-u", &inside);
    let frames = as_account(in_uid, gid, &d.socket, &[]).expect("inside the group connects");
    let (hello, msgs) = messages(&frames);
    assert!(hello.compatible());
    assert_eq!(
        bye_key(&msgs).as_deref(),
        Some("service-unknown-user"),
        "{msgs:?}"
    );
    let log = d.log_text();
    assert!(
        log.contains("connection refused") && log.contains(&format!("uid={in_uid}")),
        "{log}"
    );
    drop(accounts);
}

#[test]
fn on_a_new_database_the_daemons_account_is_the_first_supervisor_and_nobody_else() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o755)).expect("chmod");
    let d = Daemon::start_on(dir.path(), &dir.path().join("new-db"), &[]);
    if cannot_switch_accounts().is_none() {
        // Another account first: not taken as the first user.
        let frames = as_account(900_001, 0, &d.socket, &[]).expect("connects");
        let (_, msgs) = messages(&frames);
        assert_eq!(
            bye_key(&msgs).as_deref(),
            Some("service-unknown-user"),
            "{msgs:?}"
        );
    } else {
        eprintln!("SKIP the other-account half: not root, or no /usr/bin/python3");
    }
    let c = client(&d);
    // SAFETY: getuid cannot fail.
    assert_eq!(c.caller.uid, unsafe { libc::getuid() });
    assert_eq!(c.caller.role, Role::Supervisor);
}

#[test]
fn under_systemd_it_serves_the_socket_it_is_given_and_says_when_it_is_ready() {
    let dir = demo(10);
    let socket = dir.path().join("activated.sock");
    let listener = std::os::unix::net::UnixListener::bind(&socket).expect("bind");
    let notify = dir.path().join("notify.sock");
    let ready = std::os::unix::net::UnixDatagram::bind(&notify).expect("notify socket");
    ready
        .set_read_timeout(Some(Duration::from_secs(20)))
        .expect("timeout");
    let fd = std::os::fd::AsRawFd::as_raw_fd(&listener);
    let mut cmd = Command::new(BIN);
    cmd.args(["--today", TODAY, "--db"])
        .arg(dir.path().join("db"))
        .args(["serve", "--socket"])
        .arg(dir.path().join("unused.sock"))
        .env("LISTEN_FDS", "1")
        .env_remove("LISTEN_PID")
        .env("NOTIFY_SOCKET", &notify)
        .stderr(Stdio::null());
    // SAFETY: dup2 and fcntl are async-signal-safe; the child gets the listener as fd 3, as
    // systemd gives it, open across exec (dup2 onto itself would keep close-on-exec).
    unsafe {
        cmd.pre_exec(move || {
            let ok = if fd == 3 {
                libc::fcntl(3, libc::F_SETFD, 0) >= 0
            } else {
                libc::dup2(fd, 3) >= 0
            };
            if ok {
                Ok(())
            } else {
                Err(std::io::Error::last_os_error())
            }
        });
    }
    let child = cmd.spawn().expect("merzim serve starts");
    let mut d = Daemon {
        child,
        socket: socket.clone(),
        db: dir.path().join("db"),
        log: dir.path().join("none.log"),
    };
    let mut buf = [0u8; 512];
    let n = ready
        .recv(&mut buf)
        .expect("the daemon tells systemd it is ready");
    let said = String::from_utf8_lossy(&buf[..n]).into_owned();
    assert!(said.lines().any(|l| l == "READY=1"), "{said}");
    assert!(said.contains("STATUS="), "{said}");
    drop(listener);
    assert!(!client(&d).queue(QueueQuery::default()).is_empty());
    assert!(
        !dir.path().join("unused.sock").exists(),
        "nothing bound of its own"
    );
    assert_eq!(merzim::server::socket_of_db(&d.db), Some(socket.clone()));
    d.signal(libc::SIGTERM);
    assert_eq!(d.wait(Duration::from_secs(10)), Some(0));
    assert!(socket.exists(), "systemd's socket is systemd's to remove");
}

//! A small stand-in for `merzim serve`, for the client's tests: threads and a std
//! `UnixListener`, the real protocol of `merzim::wire`, and a real in-process `Session` over
//! the test's database answering every call. It can greet with a refusal or another major
//! version, push notices to every connection, hold its answers, and be stopped and started
//! again on the same path (a daemon restart, as the console sees it).

#![allow(dead_code)]

use std::io::Read;
use std::os::unix::net::{UnixListener, UnixStream};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::{self, JoinHandle, sleep};
use std::time::Duration;

use chrono::NaiveDate;
use merzim::domain::message::Message;
use merzim::service::{Caller, CaseApi, Request, Service, Session};
use merzim::wire::{self, ClientMsg, Gather, Hello, ServerMsg};

/// What the daemon says after its hello.
#[derive(Debug, Clone)]
pub enum Greeting {
    Welcome,
    /// A refusal (an unknown uid).
    Bye(Message),
    /// A hello of another major version (nothing after it).
    Major(u16),
}

struct Shared {
    service: Service,
    caller: Caller,
    today: NaiveDate,
    greeting: Mutex<Greeting>,
    /// Every open connection's writing half.
    conns: Mutex<Vec<Arc<Mutex<UnixStream>>>>,
    /// Calls are read but not answered while set.
    hold: AtomicBool,
}

pub struct FakeDaemon {
    pub path: PathBuf,
    shared: Arc<Shared>,
    stop: Arc<AtomicBool>,
    accept: Option<JoinHandle<()>>,
}

impl FakeDaemon {
    /// Listens on `path`, answering for `caller` with `service`, on `today`.
    pub fn start(path: &Path, service: Service, caller: Caller, today: NaiveDate) -> FakeDaemon {
        let shared = Arc::new(Shared {
            service,
            caller,
            today,
            greeting: Mutex::new(Greeting::Welcome),
            conns: Mutex::new(Vec::new()),
            hold: AtomicBool::new(false),
        });
        let mut d = FakeDaemon {
            path: path.to_path_buf(),
            shared,
            stop: Arc::new(AtomicBool::new(false)),
            accept: None,
        };
        d.listen();
        d
    }

    pub fn greet_with(&self, g: Greeting) {
        *self.shared.greeting.lock().unwrap() = g;
    }

    pub fn hold(&self, on: bool) {
        self.shared.hold.store(on, Ordering::SeqCst);
    }

    /// Sends `msg` to every connection.
    pub fn push(&self, msg: &ServerMsg) {
        let frame = wire::encode(msg).unwrap();
        for c in self.shared.conns.lock().unwrap().iter() {
            let _ = wire::write_frame(&mut *c.lock().unwrap(), &frame);
        }
    }

    /// Connections open now.
    pub fn connections(&self) -> usize {
        self.shared.conns.lock().unwrap().len()
    }

    /// Stops as a killed daemon does: no more accepting, every connection closed, the socket
    /// file gone.
    pub fn stop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        if let Some(h) = self.accept.take() {
            h.join().unwrap();
        }
        for c in self.shared.conns.lock().unwrap().drain(..) {
            let _ = c.lock().unwrap().shutdown(std::net::Shutdown::Both);
        }
        let _ = std::fs::remove_file(&self.path);
    }

    /// Starts again on the same path.
    pub fn restart(&mut self) {
        self.stop = Arc::new(AtomicBool::new(false));
        self.listen();
    }

    fn listen(&mut self) {
        let _ = std::fs::remove_file(&self.path);
        let listener = UnixListener::bind(&self.path).unwrap();
        listener.set_nonblocking(true).unwrap();
        let (stop, shared) = (Arc::clone(&self.stop), Arc::clone(&self.shared));
        self.accept = Some(thread::spawn(move || {
            while !stop.load(Ordering::SeqCst) {
                match listener.accept() {
                    Ok((stream, _)) => {
                        stream.set_nonblocking(false).unwrap();
                        let shared = Arc::clone(&shared);
                        thread::spawn(move || serve(shared, stream));
                    }
                    Err(_) => sleep(Duration::from_millis(10)),
                }
            }
        }));
    }
}

impl Drop for FakeDaemon {
    fn drop(&mut self) {
        self.stop();
    }
}

fn serve(shared: Arc<Shared>, stream: UnixStream) {
    let mut reader = stream.try_clone().unwrap();
    let writer = Arc::new(Mutex::new(stream));
    let send = |bytes: &[u8]| wire::write_frame(&mut *writer.lock().unwrap(), bytes).is_ok();
    let greeting = shared.greeting.lock().unwrap().clone();
    let mut hello = Hello::new(shared.today);
    if let Greeting::Major(m) = greeting {
        hello.major = m;
    }
    if !send(&wire::encode(&hello).unwrap()) {
        return;
    }
    match greeting {
        Greeting::Welcome => {
            let welcome = ServerMsg::Welcome {
                caller: shared.caller.clone(),
                today: shared.today,
            };
            if !send(&wire::encode(&welcome).unwrap()) {
                return;
            }
        }
        Greeting::Bye(message) => {
            let _ = send(&wire::encode(&wire::bye(message)).unwrap());
            return;
        }
        Greeting::Major(_) => {
            // Says nothing more, as another version would say something this one cannot read.
            let _ = reader.read(&mut [0u8; 1]);
            return;
        }
    }
    shared.conns.lock().unwrap().push(Arc::clone(&writer));
    let today = shared.today;
    let session = Session::new(
        shared.service.clone(),
        shared.caller.clone(),
        Box::new(move || today),
    );
    let mut gather = Gather::default();
    while let Ok(Some(frame)) = wire::read_frame(&mut reader) {
        let Ok(ClientMsg::Call { id, last, bytes }) = wire::decode(&frame) else {
            break;
        };
        let Ok(Some((id, whole))) = gather.add(id, last, &bytes, wire::MAX_REQUEST) else {
            continue;
        };
        if shared.hold.load(Ordering::SeqCst) {
            continue;
        }
        let request: Request = wire::decode(&whole).unwrap();
        let response = session.call(request);
        let w = &mut *writer.lock().unwrap();
        for f in wire::reply_frames(id, &response).unwrap() {
            if wire::write_frame(w, &f).is_err() {
                return;
            }
        }
    }
}

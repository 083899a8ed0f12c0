//! The daemon's protocol (DESIGN 2.3): what `merzim serve` and its clients say to each other on
//! the Unix socket, shared by the daemon ([`crate::server`]) and the socket client
//! ([`crate::client`]).
//!
//! **Frames.** Every message is one frame: a 4-byte big-endian length, then that many bytes of
//! MessagePack with named fields (the framing of tokio-util's `LengthDelimitedCodec` with its
//! defaults). No frame is longer than [`MAX_FRAME`]; a peer that announces a longer one is
//! broken or hostile and its connection is closed. A request or an answer longer than a frame
//! goes as several [`ClientMsg::Call`] / [`ServerMsg::Reply`] parts of one `id`, each with
//! `last: false` but the last, and is decoded once whole.
//!
//! **Handshake.** The daemon speaks first: a [`Hello`] with its protocol version, in a shape
//! that every version keeps, so that a console of another major version can say so clearly
//! instead of misreading what follows. Then either [`ServerMsg::Welcome`] with the caller (the
//! kernel's peer credentials mapped to a merzim user: nothing the client sends names a user) or
//! [`ServerMsg::Bye`] with the reason (an unknown uid: who can add it) and the connection ends.
//!
//! **Afterwards** the client sends calls, each with an `id` of its choosing, and the daemon
//! answers each with its `id`; between answers it pushes [`ServerMsg::Changed`] (cases that
//! changed: number and version, merged per connection) and [`ServerMsg::Resync`] (more changed
//! than was worth listing: reload what you show).
//!
//! **A welcome again** (minor 1): the daemon reads the connection's user again before every
//! call; when a supervisor changed it meanwhile (a role, a login, a name) it sends a fresh
//! [`ServerMsg::Welcome`] before the answer, and the console shows the new role. A user
//! disabled or removed meanwhile gets [`ServerMsg::Bye`] instead of the answer. (A client of
//! minor 0 takes a second welcome for a broken link and reconnects, which tells it the same.)

use std::io::{self, Read, Write};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize, de::DeserializeOwned};

use crate::domain::message::Message;
use crate::service::{Caller, EncodedRows, Request, Response};

pub mod rows;

/// The protocol's major version: a client of another major version cannot talk to this daemon.
/// 2: a queue's rows go positionally in one `bin` ([`rows`]).
pub const MAJOR: u16 = 2;
/// The protocol's minor version: additions a client of the same major version may ignore.
pub const MINOR: u16 = 1;

/// The longest frame either side accepts (DESIGN 2.3): 1 MiB.
pub const MAX_FRAME: usize = 1 << 20;

/// The most bytes one frame carries of a request's or an answer's encoding, leaving room for
/// the frame's own fields.
pub const PART: usize = MAX_FRAME - 1024;

/// The longest request (all its parts) the daemon accepts: 16 MiB. Longer work (an import)
/// goes as several requests.
pub const MAX_REQUEST: usize = 16 << 20;

/// The longest answer (all its parts) a client accepts: 1 GiB.
pub const MAX_ANSWER: usize = 1 << 30;

/// The first frame of every connection, sent by the daemon. Its shape never changes between
/// versions (fields may be added, never removed or renamed).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Hello {
    /// Always `"merzim"`: this is a merzim daemon.
    pub protocol: String,
    pub major: u16,
    pub minor: u16,
    /// The daemon's program version (`CARGO_PKG_VERSION`), for messages.
    pub server: String,
    /// The office's date by the daemon's clock (or its `--today`): the one "today".
    pub today: NaiveDate,
}

impl Hello {
    pub const PROTOCOL: &'static str = "merzim";

    /// This program's hello for `today`.
    pub fn new(today: NaiveDate) -> Hello {
        Hello {
            protocol: Hello::PROTOCOL.into(),
            major: MAJOR,
            minor: MINOR,
            server: env!("CARGO_PKG_VERSION").into(),
            today,
        }
    }

    /// Whether a client of this program can talk to the daemon that sent it.
    pub fn compatible(&self) -> bool {
        self.protocol == Hello::PROTOCOL && self.major == MAJOR
    }
}

/// A case changed: its number and its version after the change.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Changed {
    pub number: String,
    pub version: u64,
}

/// What the daemon sends after its [`Hello`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ServerMsg {
    /// The connection is accepted: the caller it acts for (from the peer's uid) and the
    /// office's date. Sent again later when the caller's record changed (see the module).
    Welcome { caller: Caller, today: NaiveDate },
    /// A part of the answer to the call `id`: `bytes` is a piece of the MessagePack encoding
    /// of a [`Response`]; the answer is whole after the part with `last`.
    Reply {
        id: u64,
        last: bool,
        #[serde(with = "serde_bytes")]
        bytes: Vec<u8>,
    },
    /// Cases changed since the last notice (merged: one entry per case, its newest version).
    Changed { cases: Vec<Changed> },
    /// Too much changed to list (or this connection fell behind): reload what is shown.
    Resync,
    /// The daemon ends this connection, and says why (an unknown uid, a shutdown, a broken
    /// frame): a catalogue key with its arguments.
    Bye { message: Message },
}

/// What a client sends after the daemon's [`Hello`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ClientMsg {
    /// A part of the call `id`: `bytes` is a piece of the MessagePack encoding of a
    /// [`Request`]; the call is whole after the part with `last`.
    Call {
        id: u64,
        last: bool,
        #[serde(with = "serde_bytes")]
        bytes: Vec<u8>,
    },
}

/// What can go wrong on the wire.
#[derive(Debug, thiserror::Error)]
pub enum WireError {
    #[error("the connection failed: {0}")]
    Io(#[from] io::Error),
    #[error("a frame of {len} bytes is longer than the limit of {max} bytes")]
    TooLong { len: u64, max: usize },
    #[error("a message could not be read: {0}")]
    Decode(String),
    #[error("a message could not be written: {0}")]
    Encode(String),
}

/// The MessagePack encoding (named fields) of a message.
pub fn encode<T: Serialize>(value: &T) -> Result<Vec<u8>, WireError> {
    rmp_serde::to_vec_named(value).map_err(|e| WireError::Encode(e.to_string()))
}

/// A message from its MessagePack encoding.
pub fn decode<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, WireError> {
    rmp_serde::from_slice(bytes).map_err(|e| WireError::Decode(e.to_string()))
}

/// The parts of a request's or an answer's encoding, each at most [`PART`] bytes (one empty
/// part for an empty encoding), with whether it is the last.
pub fn parts(bytes: &[u8]) -> impl Iterator<Item = (bool, &[u8])> {
    let n = bytes.len().div_ceil(PART).max(1);
    (0..n).map(move |i| {
        let end = ((i + 1) * PART).min(bytes.len());
        (i + 1 == n, &bytes[(i * PART).min(bytes.len())..end])
    })
}

/// Writes one frame (blocking): the length, then the bytes.
pub fn write_frame(w: &mut impl Write, bytes: &[u8]) -> Result<(), WireError> {
    if bytes.len() > MAX_FRAME {
        return Err(WireError::TooLong {
            len: bytes.len() as u64,
            max: MAX_FRAME,
        });
    }
    let len = u32::try_from(bytes.len()).expect("a frame fits in u32");
    let mut frame = Vec::with_capacity(4 + bytes.len());
    frame.extend_from_slice(&len.to_be_bytes());
    frame.extend_from_slice(bytes);
    w.write_all(&frame)?;
    w.flush()?;
    Ok(())
}

/// Reads one frame (blocking). `Ok(None)`: the peer closed the connection between frames.
pub fn read_frame(r: &mut impl Read) -> Result<Option<Vec<u8>>, WireError> {
    let mut len = [0u8; 4];
    match r.read_exact(&mut len) {
        Ok(()) => {}
        Err(e) if e.kind() == io::ErrorKind::UnexpectedEof => return Ok(None),
        Err(e) => return Err(e.into()),
    }
    let len = u32::from_be_bytes(len);
    if len as usize > MAX_FRAME {
        return Err(WireError::TooLong {
            len: u64::from(len),
            max: MAX_FRAME,
        });
    }
    let mut bytes = vec![0u8; len as usize];
    r.read_exact(&mut bytes)?;
    Ok(Some(bytes))
}

/// Gathers the parts of one request or answer: `Ok(Some(whole))` after the last part, an error
/// when the whole would be longer than `max`.
#[derive(Debug, Default)]
pub struct Gather {
    id: Option<u64>,
    bytes: Vec<u8>,
}

impl Gather {
    /// Adds the part `bytes` of the call or answer `id`. Parts of one id come in order and are
    /// not interleaved with another id's; a part of another id before the last one is refused.
    pub fn add(
        &mut self,
        id: u64,
        last: bool,
        bytes: &[u8],
        max: usize,
    ) -> Result<Option<(u64, Vec<u8>)>, WireError> {
        if self.id.is_some_and(|i| i != id) {
            return Err(WireError::Decode(format!(
                "a part of {id} came inside {}",
                self.id.unwrap_or_default()
            )));
        }
        if self.bytes.len() + bytes.len() > max {
            return Err(WireError::TooLong {
                len: (self.bytes.len() + bytes.len()) as u64,
                max,
            });
        }
        self.bytes.extend_from_slice(bytes);
        if last {
            self.id = None;
            Ok(Some((id, std::mem::take(&mut self.bytes))))
        } else {
            self.id = Some(id);
            Ok(None)
        }
    }
}

/// The frames of a whole request: its encoding cut into [`ClientMsg::Call`] parts.
pub fn call_frames(id: u64, request: &Request) -> Result<Vec<Vec<u8>>, WireError> {
    let bytes = encode(request)?;
    parts(&bytes)
        .map(|(last, part)| {
            encode(&ClientMsg::Call {
                id,
                last,
                bytes: part.to_vec(),
            })
        })
        .collect()
}

/// The frames of a whole answer: its encoding cut into [`ServerMsg::Reply`] parts.
pub fn reply_frames(id: u64, response: &Response) -> Result<Vec<Vec<u8>>, WireError> {
    reply_frames_of(id, &encode(response)?)
}

/// The frames of an answer already encoded, cut into [`ServerMsg::Reply`] parts.
pub fn reply_frames_of(id: u64, bytes: &[u8]) -> Result<Vec<Vec<u8>>, WireError> {
    parts(bytes)
        .map(|(last, part)| reply_frame(id, last, part))
        .collect()
}

/// One [`ServerMsg::Reply`] frame of the call `id`, encoded from its slice of the answer (a
/// whole queue is tens of megabytes: no part is copied first).
pub fn reply_frame(id: u64, last: bool, bytes: &[u8]) -> Result<Vec<u8>, WireError> {
    /// [`ServerMsg::Reply`] borrowing its bytes: the same encoding.
    #[derive(Serialize)]
    #[serde(rename_all = "kebab-case")]
    enum Part<'a> {
        Reply {
            id: u64,
            last: bool,
            #[serde(with = "serde_bytes")]
            bytes: &'a [u8],
        },
    }
    encode(&Part::Reply { id, last, bytes })
}

/// The encoding of [`Response::Queue`] with rows already encoded (the daemon's kept row
/// encodings, see [`rows`]): the same bytes as encoding the response itself.
pub fn queue_answer(rows: &EncodedRows, damaged: &[String]) -> Result<Vec<u8>, WireError> {
    /// [`Response::Queue`] with its rows as [`rows::serialize`] writes them.
    #[derive(Serialize)]
    #[serde(rename_all = "kebab-case")]
    enum Answer<'a> {
        Queue {
            #[serde(with = "serde_bytes")]
            rows: &'a [u8],
            #[serde(skip_serializing_if = "<[String]>::is_empty")]
            damaged: &'a [String],
        },
    }
    encode(&Answer::Queue {
        rows: &rows.bytes,
        damaged,
    })
}

/// A [`Bye`](ServerMsg::Bye) with a catalogue key.
pub fn bye(message: Message) -> ServerMsg {
    ServerMsg::Bye { message }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn frames_round_trip_and_refuse_long_lengths() {
        let mut buf = Vec::new();
        write_frame(&mut buf, b"hello").unwrap();
        write_frame(&mut buf, b"").unwrap();
        let mut r = &buf[..];
        assert_eq!(read_frame(&mut r).unwrap().unwrap(), b"hello");
        assert_eq!(read_frame(&mut r).unwrap().unwrap(), b"");
        assert!(read_frame(&mut r).unwrap().is_none());
        // A 4 GB length prefix is refused before anything is allocated.
        let mut huge = &[0xff, 0xff, 0xff, 0xff, 1, 2, 3][..];
        assert!(matches!(
            read_frame(&mut huge),
            Err(WireError::TooLong { .. })
        ));
        // Half a frame then the end: an error, not a hang or a short message.
        let mut half = &[0, 0, 0, 10, 1, 2][..];
        assert!(matches!(read_frame(&mut half), Err(WireError::Io(_))));
    }

    #[test]
    fn long_requests_go_in_parts_and_come_back_whole() {
        let request = Request::SaveDraft {
            key: crate::service::DraftKey {
                form: "register".into(),
                case: None,
            },
            fields: [("text".to_string(), "ә".repeat(PART))].into(),
        };
        let frames = call_frames(7, &request).unwrap();
        assert!(frames.len() >= 2, "{} frames", frames.len());
        let mut g = Gather::default();
        let mut whole = None;
        for f in &frames {
            assert!(f.len() <= MAX_FRAME);
            let ClientMsg::Call { id, last, bytes } = decode(f).unwrap();
            if let Some(w) = g.add(id, last, &bytes, MAX_REQUEST).unwrap() {
                whole = Some(w);
            }
        }
        let (id, bytes) = whole.expect("the last part completes it");
        assert_eq!(id, 7);
        assert_eq!(decode::<Request>(&bytes).unwrap(), request);
        // Over the cap: refused.
        let mut g = Gather::default();
        let ClientMsg::Call { id, last, bytes } = decode(&frames[0]).unwrap();
        assert!(g.add(id, last, &bytes, 10).is_err());
    }

    #[test]
    fn a_reply_framed_from_its_slice_is_the_reply_message() {
        let bytes = vec![7u8; 3 * PART + 5];
        let frames = reply_frames_of(9, &bytes).unwrap();
        assert_eq!(frames.len(), 4);
        let mut whole = Vec::new();
        for (i, f) in frames.iter().enumerate() {
            let msg: ServerMsg = decode(f).unwrap();
            let ServerMsg::Reply { id, last, bytes } = &msg else {
                panic!("{msg:?}");
            };
            assert_eq!((*id, *last), (9, i == 3));
            assert_eq!(*f, encode(&msg).unwrap());
            whole.extend_from_slice(bytes);
        }
        assert_eq!(whole, bytes);
    }

    #[test]
    fn hello_is_compatible_only_with_the_same_major_version() {
        let today = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
        let h = Hello::new(today);
        assert!(h.compatible());
        let back: Hello = decode(&encode(&h).unwrap()).unwrap();
        assert_eq!(back, h);
        assert!(
            !Hello {
                major: MAJOR + 1,
                ..h.clone()
            }
            .compatible()
        );
        assert!(
            !Hello {
                protocol: "other".into(),
                ..h
            }
            .compatible()
        );
    }
}

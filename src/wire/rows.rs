//! The rows of a queue answer on the wire (issue 9's targets: a supervisor's whole queue of
//! 100,000 rows in under 60 ms over the socket).
//!
//! Everything else on the socket is MessagePack with named fields, so that a field can be added
//! without a new major version. Rows are the exception: with names, every row repeats some 25
//! field names, about half its bytes, and the client decodes each of them. So the rows of
//! [`Response::Queue`](crate::service::Response::Queue) go as one MessagePack `bin` holding an
//! array of **positional** rows (each row an array of its fields in declaration order), and the
//! daemon keeps each row's encoding beside the row (`service::rows`), so a query copies bytes
//! instead of encoding rows again for every console that asks.
//!
//! What this asks of [`QueueRow`]: a field may be added at the end only, with
//! `#[serde(default)]` (a newer client then reads an older daemon's shorter rows); removing,
//! reordering or retyping a field changes the protocol's major version ([`super::MAJOR`]).
//!
//! Human-readable formats (JSON) keep the rows as named maps: the positional form is for the
//! socket only.

use serde::de::{self, Deserializer, Visitor};
use serde::ser::{self, Serializer};
use serde::{Deserialize, Serialize};

use crate::service::QueueRow;

/// One row's positional MessagePack encoding, as kept beside it and concatenated into answers.
pub fn encode_row(row: &QueueRow) -> Result<Vec<u8>, rmp_serde::encode::Error> {
    rmp_serde::to_vec(row)
}

/// A MessagePack array header for `n` elements (the spec's fixarray, array 16, array 32), then
/// the rows' encodings: what [`serialize`] puts inside the `bin`.
pub fn array_of<'a>(n: usize, rows: impl IntoIterator<Item = &'a [u8]>, out: &mut Vec<u8>) {
    match n {
        0..=15 => out.push(0x90 | n as u8),
        16..=0xFFFF => {
            out.push(0xdc);
            out.extend_from_slice(&(n as u16).to_be_bytes());
        }
        _ => {
            out.push(0xdd);
            out.extend_from_slice(&(n as u32).to_be_bytes());
        }
    }
    for r in rows {
        out.extend_from_slice(r);
    }
}

/// Serializes the rows (`#[serde(with = "crate::wire::rows")]`).
pub fn serialize<S: Serializer>(rows: &[QueueRow], s: S) -> Result<S::Ok, S::Error> {
    if s.is_human_readable() {
        return rows.serialize(s);
    }
    let encoded = rows
        .iter()
        .map(encode_row)
        .collect::<Result<Vec<_>, _>>()
        .map_err(ser::Error::custom)?;
    let mut bytes = Vec::with_capacity(5 + encoded.iter().map(Vec::len).sum::<usize>());
    array_of(rows.len(), encoded.iter().map(Vec::as_slice), &mut bytes);
    s.serialize_bytes(&bytes)
}

/// Deserializes the rows (`#[serde(with = "crate::wire::rows")]`).
pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<QueueRow>, D::Error> {
    if d.is_human_readable() {
        return Vec::deserialize(d);
    }
    d.deserialize_bytes(Positional)
}

/// Decodes the `bin` in place, without copying it first.
struct Positional;

impl Visitor<'_> for Positional {
    type Value = Vec<QueueRow>;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("the queue's rows as MessagePack bytes")
    }

    fn visit_bytes<E: de::Error>(self, v: &[u8]) -> Result<Vec<QueueRow>, E> {
        rmp_serde::from_slice(v).map_err(|e| E::custom(format!("the queue's rows: {e}")))
    }
}

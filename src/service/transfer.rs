//! Exports, backups and imports through the one door, in pieces.
//!
//! A whole export of 100,000 cases is hundreds of megabytes, and a frame of the daemon's
//! protocol is at most 1 MiB; an answer split into parts is still held whole on both sides. So
//! nothing big travels as one answer. An export (or the snapshot of a backup) is written under
//! the service's exclusive gate into a scratch file, so that it is one consistent state, and the
//! client reads it back by offset, [`CHUNK`] bytes at a time. An import goes the other way: the
//! client sends the file in chunks into a scratch file, and the commit checks every line and
//! writes all or nothing, exactly as `merzim import FILE` does.
//!
//! Scratch files are made in the database's own directory (private to the service account, on
//! the disk, not a memory-backed /tmp) and unlinked at once: they disappear with their handle,
//! with the session that owns it, or with the process, even a killed one. A handle belongs to
//! one session, so one session cannot read another's export; it expires after [`IDLE`].

use std::collections::HashMap;
use std::fs::{self, File};
use std::io::{self, BufRead, BufReader, BufWriter, Read, Seek, SeekFrom, Write};
use std::os::unix::fs::FileExt;
use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::exchange::{
    BackupHeader, ExportError, ExportReport, HeaderLine, ImportError, read_first_line,
};
use super::{Service, ServiceError};
use crate::domain::case::Actor;
use crate::reference::Reference;
use crate::store::Store;

/// The bytes one `ExportRead` answers with: half a frame, so that an answer is one frame.
pub const CHUNK: usize = 512 << 10;

/// The most bytes one `ImportChunk` may carry: a client sends [`CHUNK`]; a bigger one is a
/// broken or hostile client, refused before it is written anywhere.
pub const MAX_CHUNK: usize = 1 << 20;

/// A handle unused this long is dropped with its scratch file.
pub const IDLE: Duration = Duration::from_secs(10 * 60);

/// Open handles per session: a client that forgets its handles cannot fill the disk.
pub const MAX_OPEN: usize = 4;

/// What an export writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Snapshot {
    /// Lossless JSON Lines with history (`merzim export`).
    Jsonl,
    /// One row per case with its dates on the session's date, for spreadsheets.
    Csv,
    /// A backup: the header line (schema, body code, users), then the JSON Lines of every case.
    Backup,
}

/// Why a transfer request was not done (besides the service's own errors).
#[derive(Debug)]
pub enum TransferError {
    /// No open handle of this session has this number (never opened, done, expired, or
    /// another session's).
    UnknownHandle(u64),
    /// The handle is of the other direction (an import handle read as an export).
    WrongHandle(u64),
    /// An import chunk over [`MAX_CHUNK`].
    ChunkTooBig {
        bytes: usize,
    },
    /// An export read past the end.
    BadOffset {
        offset: u64,
        size: u64,
    },
    /// [`MAX_OPEN`] handles are open already.
    TooMany,
    /// The scratch file cannot be written or read (a full disk).
    Disk(io::Error),
    Export(ExportError),
    Import(ImportError),
}

impl From<ExportError> for TransferError {
    fn from(e: ExportError) -> TransferError {
        TransferError::Export(e)
    }
}

impl From<ImportError> for TransferError {
    fn from(e: ImportError) -> TransferError {
        TransferError::Import(e)
    }
}

impl From<ServiceError> for TransferError {
    fn from(e: ServiceError) -> TransferError {
        TransferError::Export(ExportError::Service(e))
    }
}

enum Direction {
    /// A finished snapshot of `size` bytes, read by offset.
    Export { file: File, size: u64 },
    /// An import being staged: `staged` bytes so far.
    Import { file: File, staged: u64 },
}

struct Open {
    direction: Direction,
    used: Instant,
}

/// The open transfers of one session. Dropping it (the session ends) drops every scratch file.
#[derive(Default)]
pub struct Transfers {
    next: u64,
    open: HashMap<u64, Open>,
}

impl std::fmt::Debug for Transfers {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Transfers")
            .field("open", &self.open.len())
            .finish()
    }
}

/// What an export's first request answers: the handle to read and what the snapshot holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportReady {
    pub handle: u64,
    /// The snapshot's length in bytes.
    pub size: u64,
    pub report: ExportReport,
}

impl Transfers {
    /// Drops the handles unused for [`IDLE`].
    fn sweep(&mut self) {
        self.open.retain(|_, o| o.used.elapsed() < IDLE);
    }

    fn add(&mut self, direction: Direction) -> Result<u64, TransferError> {
        self.sweep();
        if self.open.len() >= MAX_OPEN {
            return Err(TransferError::TooMany);
        }
        self.next += 1;
        let handle = self.next;
        self.open.insert(
            handle,
            Open {
                direction,
                used: Instant::now(),
            },
        );
        Ok(handle)
    }

    fn get(&mut self, handle: u64) -> Result<&mut Open, TransferError> {
        self.sweep();
        let open = self
            .open
            .get_mut(&handle)
            .ok_or(TransferError::UnknownHandle(handle))?;
        open.used = Instant::now();
        Ok(open)
    }

    /// Makes a snapshot of `what` and opens a handle on it.
    pub fn export(
        &mut self,
        svc: &Service,
        what: Snapshot,
        today: NaiveDate,
    ) -> Result<ExportReady, TransferError> {
        self.sweep();
        if self.open.len() >= MAX_OPEN {
            return Err(TransferError::TooMany);
        }
        let (file, size, report) = svc.snapshot(what, today)?;
        let handle = self.add(Direction::Export { file, size })?;
        Ok(ExportReady {
            handle,
            size,
            report,
        })
    }

    /// Up to [`CHUNK`] bytes of the snapshot `handle` from `offset`, and whether they are the
    /// last: the handle is closed once its end was read.
    pub fn read(&mut self, handle: u64, offset: u64) -> Result<(Vec<u8>, bool), TransferError> {
        let open = self.get(handle)?;
        let Direction::Export { file, size } = &open.direction else {
            return Err(TransferError::WrongHandle(handle));
        };
        let size = *size;
        if offset > size {
            return Err(TransferError::BadOffset { offset, size });
        }
        let len = usize::try_from(size - offset).map_or(CHUNK, |left| left.min(CHUNK));
        let mut bytes = vec![0; len];
        file.read_exact_at(&mut bytes, offset)
            .map_err(TransferError::Disk)?;
        let last = offset + len as u64 == size;
        if last {
            self.open.remove(&handle);
        }
        Ok((bytes, last))
    }

    /// Opens a staging file for an import.
    pub fn begin_import(&mut self, svc: &Service) -> Result<u64, TransferError> {
        self.sweep();
        if self.open.len() >= MAX_OPEN {
            return Err(TransferError::TooMany);
        }
        let file = svc.scratch_file().map_err(TransferError::Disk)?;
        self.add(Direction::Import { file, staged: 0 })
    }

    /// Appends `bytes` to the import `handle`; the bytes staged so far.
    pub fn stage(&mut self, handle: u64, bytes: &[u8]) -> Result<u64, TransferError> {
        if bytes.len() > MAX_CHUNK {
            return Err(TransferError::ChunkTooBig { bytes: bytes.len() });
        }
        let open = self.get(handle)?;
        let Direction::Import { file, staged } = &mut open.direction else {
            return Err(TransferError::WrongHandle(handle));
        };
        file.write_all(bytes).map_err(TransferError::Disk)?;
        *staged += bytes.len() as u64;
        Ok(*staged)
    }

    /// Takes the staged import `handle` out (it is done whatever the commit says), rewound.
    pub fn take_import(&mut self, handle: u64) -> Result<File, TransferError> {
        let open = self.get(handle)?;
        if !matches!(open.direction, Direction::Import { .. }) {
            return Err(TransferError::WrongHandle(handle));
        }
        let Some(Open {
            direction: Direction::Import { mut file, .. },
            ..
        }) = self.open.remove(&handle)
        else {
            return Err(TransferError::UnknownHandle(handle));
        };
        file.seek(SeekFrom::Start(0)).map_err(TransferError::Disk)?;
        Ok(file)
    }

    /// Closes `handle` (an export not read to its end, an import given up); whether it was open.
    pub fn discard(&mut self, handle: u64) -> bool {
        self.sweep();
        self.open.remove(&handle).is_some()
    }
}

/// Tells scratch files of one process apart.
static SCRATCH: AtomicU64 = AtomicU64::new(0);

impl Service {
    /// A new, empty scratch file in the database's directory, already unlinked: it is freed
    /// when the last handle on it is dropped, whatever happens to the process.
    pub fn scratch_file(&self) -> io::Result<File> {
        let n = SCRATCH.fetch_add(1, Ordering::Relaxed);
        // A database server has no directory here: the system's temporary directory then.
        let dir = self
            .store
            .location()
            .directory()
            .map(Path::to_path_buf)
            .unwrap_or_else(std::env::temp_dir);
        let path = dir.join(format!(".transfer-{}-{n}", std::process::id()));
        let file = {
            use std::os::unix::fs::OpenOptionsExt;
            fs::OpenOptions::new()
                .read(true)
                .write(true)
                .create_new(true)
                .mode(0o600)
                .open(&path)?
        };
        fs::remove_file(&path)?;
        Ok(file)
    }

    /// Writes a snapshot of `what` into a scratch file: the file, its length and what it holds.
    /// JSON Lines and backups are written under the exclusive gate (one consistent state), as
    /// `merzim export` always was.
    pub fn snapshot(
        &self,
        what: Snapshot,
        today: NaiveDate,
    ) -> Result<(File, u64, ExportReport), TransferError> {
        let file = self.scratch_file().map_err(TransferError::Disk)?;
        let mut w = BufWriter::new(file);
        let report = match what {
            Snapshot::Jsonl => self.export_jsonl(&mut w),
            Snapshot::Csv => self.export_csv(&mut w, today),
            Snapshot::Backup => self.write_backup(&mut w),
        };
        let report = report.map_err(|e| match e {
            ExportError::Write(io) => TransferError::Disk(io),
            e => TransferError::Export(e),
        })?;
        let mut file = w
            .into_inner()
            .map_err(|e| TransferError::Disk(e.into_error()))?;
        let size = file.seek(SeekFrom::End(0)).map_err(TransferError::Disk)?;
        Ok((file, size, report))
    }

    /// Imports a staged file as `actor`: every line checked, then all or nothing (see
    /// [`Service::import`]).
    pub fn import_staged(
        &self,
        file: File,
        actor: &Actor,
        today: NaiveDate,
    ) -> Result<super::exchange::ImportReport, ImportError> {
        self.import(BufReader::new(file), actor, today)
    }
}

/// Verifies the backup `file` (written by a [`Snapshot::Backup`]) by restoring it into a new
/// database at `verify_db` and comparing: the cases, exported again, byte for byte; the users
/// and the body code with those of its header. The caller removes `verify_db` afterwards.
/// Returns the backup's length in bytes.
///
/// It runs wherever the file is, so that a backup made through the daemon is verified by the
/// program that keeps it, without a second copy travelling back.
pub fn verify_backup(
    file: &Path,
    verify_db: &Path,
    reference: &Reference,
    today: NaiveDate,
) -> Result<u64, ImportError> {
    let read_err = |path: &Path| {
        let path = path.to_path_buf();
        move |source| ImportError::Read {
            path: path.clone(),
            source,
        }
    };
    if verify_db.exists() {
        fs::remove_dir_all(verify_db).map_err(read_err(verify_db))?;
    }
    // The check restores into a scratch sled database whatever the service's backend is: it
    // proves the file, not the backend.
    let restored = Service::from_sled(Store::open(verify_db)?, reference.clone());
    let actor = Actor {
        uid: 0,
        login: "backup".into(),
        name: "backup".into(),
    };
    restored.import_file(file, &actor, today)?;
    let mut original = File::open(file).map_err(read_err(file))?;
    let mut first_line = Vec::new();
    read_first_line(&mut original, &mut first_line).map_err(read_err(file))?;
    let header: BackupHeader = serde_json::from_slice::<HeaderLine>(&first_line)
        .map(|h| h.backup)
        .map_err(|e| {
            ServiceError::Invalid(format!(
                "the backup '{}' has no header line: {e}",
                file.display()
            ))
        })?;
    let mut a = Vec::new();
    original.read_to_end(&mut a).map_err(read_err(file))?;
    let mut b = Vec::new();
    restored.write_jsonl(&mut b).map_err(|e| match e {
        ExportError::Write(source) => read_err(verify_db)(source),
        ExportError::Service(e) => e.into(),
    })?;
    if a != b || restored.store.users()? != header.users || restored.store.body()? != header.body {
        return Err(ServiceError::Invalid(format!(
            "the backup '{}' did not restore to the same database; it was not kept",
            file.display()
        ))
        .into());
    }
    Ok((a.len() + first_line.len()) as u64)
}

/// Reads `reader` to its end in chunks of at most [`CHUNK`] bytes, giving each to `each`: how a
/// client streams a file into an import.
pub fn in_chunks<E>(
    mut reader: impl BufRead,
    mut each: impl FnMut(&[u8]) -> Result<(), E>,
    read_error: impl Fn(io::Error) -> E,
) -> Result<(), E> {
    let mut buf = vec![0u8; CHUNK];
    loop {
        let mut filled = 0;
        while filled < CHUNK {
            match reader.read(&mut buf[filled..]) {
                Ok(0) => break,
                Ok(n) => filled += n,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(e) => return Err(read_error(e)),
            }
        }
        if filled == 0 {
            return Ok(());
        }
        each(&buf[..filled])?;
        if filled < CHUNK {
            return Ok(());
        }
    }
}

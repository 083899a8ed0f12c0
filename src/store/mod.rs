//! The case store on sled (DESIGN 3): cases, their original texts, the append-only history,
//! the indexes the queue needs, case-number counters, users and the schema version.
//!
//! The service sees it only as a [`CaseStore`] (`case_store`), the trait a second backend
//! (PostgreSQL) implements too, checked by the same suite (`conformance`).
//!
//! Trees (keys are big-endian so that sled's order is numeric order):
//!
//! | tree          | key                          | value                                   |
//! |---------------|------------------------------|-----------------------------------------|
//! | `meta`        | `schema`, `body`, `next-id`  | u32 / text / u64                        |
//! | `cases`       | case id (u64)                | a [`CaseRecord`]: no text, no events    |
//! | `texts`       | case id                      | the original text: written once         |
//! | `history`     | case id ‖ version (u64)      | one [`EventRecord`]: never replaced     |
//! | `numbers`     | case number                  | case id                                 |
//! | `by-assignee` | login ‖ 0 ‖ case id          | empty                                   |
//! | `by-status`   | status ‖ 0 ‖ case id         | empty                                   |
//! | `counters`    | body-year                    | last number issued (u64)                |
//! | `users`       | uid (u32)                    | [`User`]                                |
//! | `drafts`      | uid ‖ form ‖ 0 ‖ case number | a form as typed (see [`drafts`])        |
//!
//! Values are MessagePack with named fields, so a record written before a field was added still
//! reads (the field takes its default). Every multi-tree change is one sled transaction, and a
//! write is acknowledged (the function returns) only after `flush()`.
//!
//! Nothing here removes or replaces a history entry or a text: there is no function that could.

mod case_store;
#[doc(hidden)]
pub mod conformance;
mod damage;
pub mod drafts;
pub mod exchange;
mod keys;
pub mod records;
mod users;

pub use case_store::{
    CaseStore, HistoryScan, Location, MakeCase, RawCase, RawHistory, RawScan, Scan,
};
pub use damage::Damaged;
pub use users::{Role, User};

use std::fs;
use std::path::{Path, PathBuf};

use serde::{Serialize, de::DeserializeOwned};
use sled::transaction::{ConflictableTransactionError, TransactionError, TransactionalTree};
use sled::{Transactional, Tree};
use thiserror::Error;

use crate::domain::case::{Case, Event, Status};
use crate::domain::ids::{CaseNumberError, check_body_code, check_case_number};
use keys::{case_key, history_key, history_prefix, index_key};
use records::{CaseRecord, EventRecord};

/// The schema this program writes. Version 1: the trees above.
pub const SCHEMA_VERSION: u32 = 1;

/// The body code that starts case numbers when none was set.
pub const DEFAULT_BODY: &str = "KZ";

/// The page cache of sled (its default is 1 GiB). Many consoles run on one office server.
const CACHE_BYTES: u64 = 64 << 20;

/// Something went wrong in the store.
#[derive(Debug, Error)]
pub enum StoreError {
    #[error(
        "the database '{path}' is in use by another process (one process at a time may open it: close the other merzim, or wait until it ends)"
    )]
    Locked { path: PathBuf },
    #[error(
        "there is no database at '{path}'; create one with 'merzim --db {path} demo', 'merzim --db {path} import FILE' or 'merzim --db {path} restore BACKUP'"
    )]
    Missing { path: PathBuf },
    #[error(
        "'{path}' is a directory that holds other files, not a merzim database; give --db a new path"
    )]
    NotADatabase { path: PathBuf },
    #[error("cannot open the database '{path}': {source}")]
    Open { path: PathBuf, source: sled::Error },
    #[error("cannot create the database directory '{path}': {source}")]
    CreateDir {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error(
        "the database '{path}' has schema version {found}, newer than this program's {supported}: upgrade merzim to open it"
    )]
    NewerSchema {
        path: PathBuf,
        found: u32,
        supported: u32,
    },
    #[error("the database failed: {0}")]
    Sled(#[from] sled::Error),
    #[error(
        "a stored {what} cannot be read ({message}); the database may be damaged: restore it from a backup"
    )]
    Decode { what: &'static str, message: String },
    #[error("a {what} cannot be encoded: {message}")]
    Encode { what: &'static str, message: String },
    #[error(
        "case '{number}' was changed meanwhile: it is at version {current}, the change was based on version {expected}"
    )]
    Conflict {
        number: String,
        expected: u64,
        current: u64,
    },
    #[error("case number '{0}' is already taken")]
    DuplicateNumber(String),
    #[error("no case has the number '{0}'")]
    NotFound(String),
    #[error(
        "history entry {version} of case '{number}' already exists; history is never rewritten"
    )]
    HistoryExists { number: String, version: u64 },
    #[error("the text of case '{0}' already exists; the original text is never rewritten")]
    TextExists(String),
    #[error("the case number counter '{0}' is exhausted")]
    CounterExhausted(String),
    /// A number or body code that people could misread (see [`check_case_number`]).
    #[error(transparent)]
    BadNumber(#[from] CaseNumberError),
}

/// The outcome of a transaction whose closure may refuse with its own error.
#[derive(Debug, Error)]
pub enum Tx<E> {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("{0}")]
    Rejected(E),
}

/// The trees, as plain trees or as their transactional views.
#[derive(Clone)]
struct Trees<T> {
    meta: T,
    cases: T,
    texts: T,
    history: T,
    numbers: T,
    by_assignee: T,
    by_status: T,
    counters: T,
    users: T,
}

impl<T: Clone> Trees<T> {
    fn from_slice(v: &[T]) -> Option<Trees<T>> {
        match v {
            [
                meta,
                cases,
                texts,
                history,
                numbers,
                by_assignee,
                by_status,
                counters,
                users,
            ] => Some(Trees {
                meta: meta.clone(),
                cases: cases.clone(),
                texts: texts.clone(),
                history: history.clone(),
                numbers: numbers.clone(),
                by_assignee: by_assignee.clone(),
                by_status: by_status.clone(),
                counters: counters.clone(),
                users: users.clone(),
            }),
            _ => None,
        }
    }
}

/// Errors inside a transaction closure.
enum Abort<E> {
    Store(StoreError),
    Rejected(E),
}

type TxResult<A, E> = Result<A, ConflictableTransactionError<Abort<E>>>;

fn abort<A, E>(e: StoreError) -> TxResult<A, E> {
    Err(ConflictableTransactionError::Abort(Abort::Store(e)))
}

fn encode<T: Serialize>(what: &'static str, v: &T) -> Result<Vec<u8>, StoreError> {
    rmp_serde::to_vec_named(v).map_err(|e| StoreError::Encode {
        what,
        message: e.to_string(),
    })
}

fn decode<T: DeserializeOwned>(what: &'static str, bytes: &[u8]) -> Result<T, StoreError> {
    rmp_serde::from_slice(bytes).map_err(|e| StoreError::Decode {
        what,
        message: e.to_string(),
    })
}

/// A case record (the `cases` tree) as the domain's case, without its text and history.
pub(crate) fn decode_case(bytes: &[u8]) -> Result<Case, StoreError> {
    decode::<CaseRecord>("case", bytes)?
        .into_case(String::new(), Vec::new())
        .map_err(|e| StoreError::Decode {
            what: "case",
            message: e.to_string(),
        })
}

fn encode_case(case: &Case) -> Result<Vec<u8>, StoreError> {
    encode("case", &CaseRecord::from(case))
}

/// A history entry as the domain's event.
pub(crate) fn decode_event(bytes: &[u8]) -> Result<Event, StoreError> {
    decode::<EventRecord>("history entry", bytes).map(Event::from)
}

fn encode_event(e: &Event) -> Result<Vec<u8>, StoreError> {
    encode("history entry", &EventRecord::from(e))
}

fn u64_of(what: &'static str, bytes: &[u8]) -> Result<u64, StoreError> {
    let arr: [u8; 8] = bytes.try_into().map_err(|_| StoreError::Decode {
        what,
        message: format!("{} bytes where 8 were expected", bytes.len()),
    })?;
    Ok(u64::from_be_bytes(arr))
}

fn in_tx<A, E>(r: Result<A, StoreError>) -> TxResult<A, E> {
    r.or_else(abort)
}

/// A case read for the queue: its record, without text and events.
pub struct StoredCase {
    pub id: u64,
    pub case: Case,
}

/// The case store.
#[derive(Clone)]
pub struct Store {
    path: PathBuf,
    db: sled::Db,
    trees: Trees<Tree>,
    /// Outside `trees`: a draft never takes part in a case's transaction.
    drafts: Tree,
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store").field("path", &self.path).finish()
    }
}

/// Makes the process's new files private to its owner. sled creates files after opening too
/// (snapshots, blobs), so the mask stays set for the life of the process: merzim's files are
/// all private (DESIGN 3).
fn private_files() {
    #[cfg(unix)]
    // SAFETY: umask only sets the process's file-creation mask; it cannot fail.
    unsafe {
        libc::umask(0o077);
    }
}

fn create_private_dir(path: &Path) -> Result<(), StoreError> {
    let mut b = fs::DirBuilder::new();
    b.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut b, 0o700);
    b.create(path).map_err(|source| StoreError::CreateDir {
        path: path.to_path_buf(),
        source,
    })
}

impl Store {
    /// Opens (creating if needed) the database directory `path`: mode 0700, files private.
    /// An older schema is migrated; a newer one is refused.
    pub fn open(path: &Path) -> Result<Store, StoreError> {
        // A database is made in a new (or empty) directory, never among someone's files.
        let foreign = !Store::exists(path)
            && fs::read_dir(path).is_ok_and(|mut entries| entries.next().is_some());
        if foreign {
            return Err(StoreError::NotADatabase {
                path: path.to_path_buf(),
            });
        }
        private_files();
        create_private_dir(path)?;
        // sled caches up to 1 GiB by default; the queue reads every case once, so a large cache
        // only holds memory a console on a shared server should not take.
        //
        // Opening writes even when nothing is changed afterwards (issue 11, item 5): sled 0.34's
        // recovery overwrites every free segment of the file with zeros ("zero garbage
        // segment", pagecache/segment.rs) and zeroes the tail of the last one
        // (pagecache/snapshot.rs), each 512 KiB write followed by a sync. Measured: `merzim
        // users list` on a 20,000-case database writes 34 MB in 65 writes, every time. No
        // setting turns it off; it is one opening per process, so with `merzim serve` it is
        // paid once per daemon start, never per console or per command.
        let db = sled::Config::new()
            .path(path)
            .cache_capacity(CACHE_BYTES)
            .open()
            .map_err(|source| {
            let locked = matches!(&source, sled::Error::Io(e) if e.to_string().contains("could not acquire lock"));
            if locked {
                StoreError::Locked {
                    path: path.to_path_buf(),
                }
            } else {
                StoreError::Open {
                    path: path.to_path_buf(),
                    source,
                }
            }
        })?;
        let open = |name: &str| db.open_tree(name);
        let trees = Trees {
            meta: open("meta")?,
            cases: open("cases")?,
            texts: open("texts")?,
            history: open("history")?,
            numbers: open("numbers")?,
            by_assignee: open("by-assignee")?,
            by_status: open("by-status")?,
            counters: open("counters")?,
            users: open("users")?,
        };
        let store = Store {
            path: path.to_path_buf(),
            drafts: db.open_tree("drafts")?,
            db,
            trees,
        };
        store.check_schema()?;
        Ok(store)
    }

    /// Opens the database at `path` only if it exists: a mistyped path is an error, not a new
    /// empty database. Only the commands that create a database (demo, import, restore) use
    /// [`Store::open`].
    pub fn open_existing(path: &Path) -> Result<Store, StoreError> {
        if !Store::exists(path) {
            return Err(StoreError::Missing {
                path: path.to_path_buf(),
            });
        }
        Store::open(path)
    }

    /// Whether `path` holds a database (sled writes its `conf` file when it creates one).
    pub fn exists(path: &Path) -> bool {
        path.join("conf").is_file()
    }

    /// The backup file a restore into this database started from, if that restore has not
    /// finished (it was interrupted): the database holds part of it.
    pub fn restoring(&self) -> Result<Option<String>, StoreError> {
        Ok(self
            .trees
            .meta
            .get(b"restoring")?
            .map(|v| String::from_utf8_lossy(&v).into_owned()))
    }

    /// Marks a restore from `file` as started (`Some`) or finished (`None`).
    pub fn set_restoring(&self, file: Option<&str>) -> Result<(), StoreError> {
        match file {
            Some(f) => self.trees.meta.insert(b"restoring", f.as_bytes())?,
            None => self.trees.meta.remove(b"restoring")?,
        };
        self.flush()
    }

    /// The database directory.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The schema version on disk.
    pub fn schema_version(&self) -> Result<Option<u32>, StoreError> {
        match self.trees.meta.get(b"schema")? {
            Some(v) => {
                let arr: [u8; 4] = v.as_ref().try_into().map_err(|_| StoreError::Decode {
                    what: "schema version",
                    message: format!("{} bytes", v.len()),
                })?;
                Ok(Some(u32::from_be_bytes(arr)))
            }
            None => Ok(None),
        }
    }

    fn check_schema(&self) -> Result<(), StoreError> {
        let found = self.schema_version()?;
        match found {
            Some(v) if v > SCHEMA_VERSION => Err(StoreError::NewerSchema {
                path: self.path.clone(),
                found: v,
                supported: SCHEMA_VERSION,
            }),
            Some(v) if v == SCHEMA_VERSION => Ok(()),
            // A new database, or one written before the version was recorded (version 0).
            other => {
                self.migrate(other.unwrap_or(0))?;
                self.trees
                    .meta
                    .insert(b"schema", &SCHEMA_VERSION.to_be_bytes())?;
                self.db.flush()?;
                Ok(())
            }
        }
    }

    /// Brings an older database to [`SCHEMA_VERSION`]. Version 0 (no schema record) had the same
    /// records but no reliable indexes: they are rebuilt from the cases.
    fn migrate(&self, from: u32) -> Result<(), StoreError> {
        if from < 1 {
            self.rebuild_indexes()?;
        }
        Ok(())
    }

    /// Rebuilds `by-assignee` and `by-status` from the cases (both are derived data).
    pub fn rebuild_indexes(&self) -> Result<(), StoreError> {
        self.trees.by_assignee.clear()?;
        self.trees.by_status.clear()?;
        for r in self.scan() {
            let r = match r {
                Ok(r) => r,
                // A damaged record has no index entries; `merzim check` names it.
                Err(StoreError::Decode { .. }) => continue,
                Err(e) => return Err(e),
            };
            if let Some(a) = &r.case.assignee {
                self.trees
                    .by_assignee
                    .insert(index_key(a.as_bytes(), r.id), &[])?;
            }
            self.trees
                .by_status
                .insert(index_key(r.case.status.as_str().as_bytes(), r.id), &[])?;
        }
        Ok(())
    }

    /// Writes everything to disk. Every change below calls it before returning.
    pub fn flush(&self) -> Result<(), StoreError> {
        self.db.flush()?;
        Ok(())
    }

    /// Bytes the database occupies on disk.
    pub fn size_on_disk(&self) -> Result<u64, StoreError> {
        Ok(self.db.size_on_disk()?)
    }

    /// The body code that starts new case numbers (`KZ` unless set).
    pub fn body(&self) -> Result<String, StoreError> {
        Ok(match self.trees.meta.get(b"body")? {
            Some(v) => String::from_utf8_lossy(&v).into_owned(),
            None => DEFAULT_BODY.to_string(),
        })
    }

    /// Sets the body code for new case numbers.
    pub fn set_body(&self, body: &str) -> Result<(), StoreError> {
        check_body_code(body)?;
        self.trees.meta.insert(b"body", body.as_bytes())?;
        self.flush()
    }

    /// The number of cases.
    pub fn count(&self) -> usize {
        self.trees.cases.len()
    }

    /// Whether the database holds no case and no user.
    pub fn is_empty(&self) -> bool {
        self.trees.cases.is_empty() && self.trees.users.is_empty()
    }

    // ---- reads ----

    /// The internal id of a case number.
    pub fn id_of(&self, number: &str) -> Result<Option<u64>, StoreError> {
        self.trees
            .numbers
            .get(number.as_bytes())?
            .map(|v| u64_of("case id", &v))
            .transpose()
    }

    /// A case's record by id, without text and events.
    pub fn record(&self, id: u64) -> Result<Option<Case>, StoreError> {
        self.trees
            .cases
            .get(case_key(id))?
            .map(|v| decode_case(&v))
            .transpose()
    }

    /// A case with its original text and its whole history, by number.
    pub fn case(&self, number: &str) -> Result<Option<(u64, Case)>, StoreError> {
        let Some(id) = self.id_of(number)? else {
            return Ok(None);
        };
        let Some(mut case) = self.record(id)? else {
            return Ok(None);
        };
        case.text = self.text(id)?;
        case.events = self.history(id)?;
        Ok(Some((id, case)))
    }

    /// A case's original text.
    pub fn text(&self, id: u64) -> Result<String, StoreError> {
        Ok(match self.trees.texts.get(case_key(id))? {
            Some(v) => decode("original text", &v)?,
            None => String::new(),
        })
    }

    /// A case's history, oldest first.
    pub fn history(&self, id: u64) -> Result<Vec<Event>, StoreError> {
        self.trees
            .history
            .scan_prefix(history_prefix(id))
            .map(|kv| {
                let (_, v) = kv?;
                decode_event(&v)
            })
            .collect()
    }

    /// Every case record (without text and events) in id order.
    pub fn scan(&self) -> impl Iterator<Item = Result<StoredCase, StoreError>> + '_ {
        self.trees.cases.iter().map(|kv| {
            let (k, v) = kv?;
            Ok(StoredCase {
                id: u64_of("case id", &k)?,
                case: decode_case(&v)?,
            })
        })
    }

    /// The raw records in id order, for callers that decode in parallel.
    pub fn scan_raw(&self) -> impl Iterator<Item = Result<(u64, sled::IVec), StoreError>> + '_ {
        self.trees.cases.iter().map(|kv| {
            let (k, v) = kv?;
            Ok((u64_of("case id", &k)?, v))
        })
    }

    /// Every history entry, grouped by case in id order, each case's entries oldest first,
    /// undecoded: one ordered pass over the tree, for callers that need every history (a
    /// report on a past day) and decode them in parallel.
    pub fn scan_history(
        &self,
    ) -> impl Iterator<Item = Result<(u64, Vec<sled::IVec>), StoreError>> + '_ {
        let mut entries = self.trees.history.iter().peekable();
        std::iter::from_fn(move || {
            let (key, value) = match entries.next()? {
                Ok(kv) => kv,
                Err(e) => return Some(Err(e.into())),
            };
            let prefix = key.get(..8).unwrap_or(&key);
            let id = match u64_of("history key", prefix) {
                Ok(id) => id,
                Err(e) => return Some(Err(e)),
            };
            let mut group = vec![value];
            // A read error ends the group here; the next call returns it.
            while let Some(Ok((next, _))) = entries.peek() {
                if next.get(..8) != Some(prefix) {
                    break;
                }
                if let Some(Ok((_, value))) = entries.next() {
                    group.push(value);
                }
            }
            Some(Ok((id, group)))
        })
    }

    /// Ids of the cases assigned to `login`.
    pub fn ids_assigned_to(&self, login: &str) -> Result<Vec<u64>, StoreError> {
        self.index_ids(&self.trees.by_assignee, login.as_bytes())
    }

    /// Ids of the cases with `status`.
    pub fn ids_with_status(&self, status: Status) -> Result<Vec<u64>, StoreError> {
        self.index_ids(&self.trees.by_status, status.as_str().as_bytes())
    }

    fn index_ids(&self, tree: &Tree, value: &[u8]) -> Result<Vec<u64>, StoreError> {
        let mut prefix = value.to_vec();
        prefix.push(0);
        tree.scan_prefix(&prefix)
            .map(|kv| {
                let (k, _) = kv?;
                u64_of("index entry", &k[prefix.len()..])
            })
            .collect()
    }

    // ---- writes ----

    /// Runs `f` in one transaction over every tree, then flushes.
    fn transaction<A, E>(
        &self,
        f: impl Fn(&Trees<TransactionalTree>) -> TxResult<A, E>,
    ) -> Result<A, Tx<E>> {
        let t = &self.trees;
        let all: [&Tree; 9] = [
            &t.meta,
            &t.cases,
            &t.texts,
            &t.history,
            &t.numbers,
            &t.by_assignee,
            &t.by_status,
            &t.counters,
            &t.users,
        ];
        let result = all[..].transaction(|views: &Vec<TransactionalTree>| {
            let Some(trees) = Trees::from_slice(views) else {
                return abort(StoreError::Sled(sled::Error::ReportableBug(
                    "transaction views".into(),
                )));
            };
            f(&trees)
        });
        match result {
            Ok(a) => {
                self.flush()?;
                Ok(a)
            }
            Err(TransactionError::Abort(Abort::Store(e))) => Err(Tx::Store(e)),
            Err(TransactionError::Abort(Abort::Rejected(e))) => Err(Tx::Rejected(e)),
            Err(TransactionError::Storage(e)) => Err(Tx::Store(StoreError::Sled(e))),
        }
    }

    /// Registers a case under the next number of `body`-`year`, allocated in the same
    /// transaction as the insert: no gaps, no duplicates. `make` builds the case for a number
    /// (it may run more than once) and may refuse.
    pub fn register<E>(
        &self,
        year: i32,
        make: impl Fn(String) -> Result<Case, E>,
    ) -> Result<Case, Tx<E>> {
        let body = self.body()?;
        let counter = format!("{body}-{year}");
        self.transaction(|t| {
            let mut n = match t.counters.get(counter.as_bytes())? {
                Some(v) => in_tx(u64_of("counter", &v))?,
                None => 0,
            };
            let number = loop {
                n = match n.checked_add(1) {
                    Some(n) => n,
                    None => return abort(StoreError::CounterExhausted(counter.clone())),
                };
                let number = format!("{counter}-{n:06}");
                in_tx(check_case_number(&number).map_err(StoreError::from))?;
                // An imported case may hold a number of this series already.
                if t.numbers.get(number.as_bytes())?.is_none() {
                    break number;
                }
            };
            t.counters.insert(counter.as_bytes(), &n.to_be_bytes())?;
            let case = make(number)
                .map_err(|e| ConflictableTransactionError::Abort(Abort::Rejected(e)))?;
            insert_case(t, &case)?;
            Ok(case)
        })
    }

    /// Inserts cases whose numbers are set (an import, demo data): all in one transaction, so
    /// all or none are written. A number already taken refuses the whole batch.
    pub fn insert_many(&self, cases: &[Case]) -> Result<(), StoreError> {
        self.transaction::<(), std::convert::Infallible>(|t| {
            for case in cases {
                if t.numbers.get(case.number.as_bytes())?.is_some() {
                    return abort(StoreError::DuplicateNumber(case.number.clone()));
                }
                insert_case(t, case)?;
                // Keep the counter past imported numbers of our own series.
                if let Some((counter, n)) = keys::series_of(&case.number) {
                    let current = match t.counters.get(counter.as_bytes())? {
                        Some(v) => in_tx(u64_of("counter", &v))?,
                        None => 0,
                    };
                    if n > current {
                        t.counters.insert(counter.as_bytes(), &n.to_be_bytes())?;
                    }
                }
            }
            Ok(())
        })
        .map_err(|e| match e {
            Tx::Store(e) => e,
            Tx::Rejected(never) => match never {},
        })
    }

    /// Stores `next`, the case `id` after `events`, if the stored case is still at
    /// `based_on`; appends the events to its history; updates the indexes; flushes.
    pub fn update(
        &self,
        id: u64,
        based_on: u64,
        next: &Case,
        events: &[Event],
    ) -> Result<(), StoreError> {
        self.transaction::<(), std::convert::Infallible>(|t| {
            let Some(old) = t.cases.get(case_key(id))? else {
                return abort(StoreError::NotFound(next.number.clone()));
            };
            let old: Case = in_tx(decode_case(&old))?;
            if old.version != based_on {
                return abort(StoreError::Conflict {
                    number: old.number,
                    expected: based_on,
                    current: old.version,
                });
            }
            if let Some(a) = &old.assignee {
                t.by_assignee.remove(index_key(a.as_bytes(), id))?;
            }
            check_numbers(None, events)?;
            t.by_status
                .remove(index_key(old.status.as_str().as_bytes(), id))?;
            put_record(t, id, next)?;
            for e in events {
                append_history(t, id, &next.number, e)?;
            }
            Ok(())
        })
        .map_err(|e| match e {
            Tx::Store(e) => e,
            Tx::Rejected(never) => match never {},
        })
    }
}

/// The next case id, from `meta/next-id`.
fn next_id<E>(t: &Trees<TransactionalTree>) -> TxResult<u64, E> {
    let id = match t.meta.get(b"next-id")? {
        Some(v) => in_tx(u64_of("next id", &v))?,
        None => 1,
    };
    t.meta.insert(b"next-id", &(id + 1).to_be_bytes())?;
    Ok(id)
}

/// A new case number must be one people can read unambiguously (see [`check_case_number`]):
/// the number of a case being inserted, and every number a new event links to. Numbers stored
/// before this rule are left as they are (`merzim check` names them).
fn check_numbers<E>(case: Option<&Case>, events: &[Event]) -> TxResult<(), E> {
    let own = case.map(|c| &c.number);
    let links = case
        .into_iter()
        .flat_map(|c| c.links.iter().map(|l| &l.number));
    let linked = events.iter().filter_map(|e| match &e.what {
        crate::domain::case::EventKind::Linked { number, .. } => Some(number),
        _ => None,
    });
    for n in own.into_iter().chain(links).chain(linked) {
        in_tx(check_case_number(n).map_err(StoreError::from))?;
    }
    Ok(())
}

fn insert_case<E>(t: &Trees<TransactionalTree>, case: &Case) -> TxResult<(), E> {
    check_numbers(Some(case), &case.events)?;
    let id = next_id(t)?;
    t.numbers
        .insert(case.number.as_bytes(), &id.to_be_bytes())?;
    let key = case_key(id);
    if t.texts.get(key)?.is_some() {
        return abort(StoreError::TextExists(case.number.clone()));
    }
    t.texts
        .insert(&key, in_tx(encode("original text", &case.text))?)?;
    put_record(t, id, case)?;
    for e in &case.events {
        append_history(t, id, &case.number, e)?;
    }
    Ok(())
}

fn put_record<E>(t: &Trees<TransactionalTree>, id: u64, case: &Case) -> TxResult<(), E> {
    t.cases.insert(&case_key(id), in_tx(encode_case(case))?)?;
    if let Some(a) = &case.assignee {
        t.by_assignee.insert(index_key(a.as_bytes(), id), &[])?;
    }
    t.by_status
        .insert(index_key(case.status.as_str().as_bytes(), id), &[])?;
    Ok(())
}

/// History is append-only: an entry that exists is never replaced.
fn append_history<E>(
    t: &Trees<TransactionalTree>,
    id: u64,
    number: &str,
    e: &Event,
) -> TxResult<(), E> {
    let key = history_key(id, e.version);
    if t.history.get(key)?.is_some() {
        return abort(StoreError::HistoryExists {
            number: number.to_string(),
            version: e.version,
        });
    }
    t.history.insert(&key, in_tx(encode_event(e))?)?;
    Ok(())
}

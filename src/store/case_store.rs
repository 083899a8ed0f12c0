//! The store as the service sees it (DESIGN 2.1, issue 9 item 9): one trait, [`CaseStore`],
//! implemented by the sled [`Store`] today and by a PostgreSQL backend next, and checked by one
//! conformance suite ([`super::conformance`]) that every backend runs unchanged.
//!
//! The trait speaks the domain's types (`Case`, `Event`) and the store's own (`User`,
//! `DraftRecord`, `Damaged`); how they are laid out on disk or in tables is the backend's
//! business (for sled: `super::records` and the trees listed in `super`).

use std::fmt;
use std::path::{Path, PathBuf};

use super::drafts::DraftRecord;
use super::{Damaged, Store, StoreError, StoredCase, Tx, User, damage, decode_case, decode_event};
use crate::domain::case::{Case, CaseError, Event, Status};

/// Where a database is, as a person names it in a message, and whether it is a directory of
/// this machine (whose owner may add the first supervisor: see the service's users rules).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Location {
    /// A database directory on this machine (sled).
    Directory(PathBuf),
    /// A database server, by the name an administrator knows it (never with its password).
    Server(String),
}

impl Location {
    /// The directory, for a database that is one.
    pub fn directory(&self) -> Option<&Path> {
        match self {
            Location::Directory(p) => Some(p),
            Location::Server(_) => None,
        }
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Location::Directory(p) => write!(f, "{}", p.display()),
            Location::Server(name) => f.write_str(name),
        }
    }
}

/// A case record as the backend read it, not yet decoded. Decoding is most of the cost of a
/// scan of every case, so a caller that walks them all (the queue) splits the decoding over
/// threads; a record that does not decode is named in a [`Damaged`], not fatal.
#[derive(Clone)]
pub struct RawCase {
    pub id: u64,
    bytes: RawBytes,
}

/// sled hands out shared buffers; copying 100,000 of them for each scan would cost more than
/// the scan. Another backend hands over its own bytes.
#[derive(Clone)]
enum RawBytes {
    Sled(sled::IVec),
    Owned(Vec<u8>),
}

impl RawCase {
    /// A record in the store's record format ([`super::records::CaseRecord`], MessagePack with
    /// named fields), as a backend other than sled read it.
    pub fn from_bytes(id: u64, bytes: Vec<u8>) -> RawCase {
        RawCase {
            id,
            bytes: RawBytes::Owned(bytes),
        }
    }

    pub(super) fn from_sled(id: u64, bytes: sled::IVec) -> RawCase {
        RawCase {
            id,
            bytes: RawBytes::Sled(bytes),
        }
    }

    /// The case, without its original text and history.
    pub fn decode(&self) -> Result<Case, StoreError> {
        decode_case(match &self.bytes {
            RawBytes::Sled(b) => b,
            RawBytes::Owned(b) => b,
        })
    }
}

impl fmt::Debug for RawCase {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RawCase").field("id", &self.id).finish()
    }
}

/// One case's history as the backend read it, not yet decoded: what
/// [`CaseStore::scan_history`] yields. Decoding every history is a large part of a report on a
/// past day, so the report decodes on its worker threads, and only the histories it needs.
#[derive(Clone)]
pub struct RawHistory {
    pub id: u64,
    entries: RawEntries,
}

/// sled's entries as its shared buffers; another backend hands over decoded events.
#[derive(Clone)]
enum RawEntries {
    Sled(Vec<sled::IVec>),
    Decoded(Vec<Event>),
}

impl RawHistory {
    /// A history a backend other than sled read and decoded itself.
    pub fn from_events(id: u64, events: Vec<Event>) -> RawHistory {
        RawHistory {
            id,
            entries: RawEntries::Decoded(events),
        }
    }

    pub(super) fn from_sled(id: u64, entries: Vec<sled::IVec>) -> RawHistory {
        RawHistory {
            id,
            entries: RawEntries::Sled(entries),
        }
    }

    /// The entries, oldest first.
    pub fn decode(&self) -> Result<Vec<Event>, StoreError> {
        match &self.entries {
            RawEntries::Sled(entries) => entries.iter().map(|b| decode_event(b)).collect(),
            RawEntries::Decoded(events) => Ok(events.clone()),
        }
    }
}

impl fmt::Debug for RawHistory {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RawHistory").field("id", &self.id).finish()
    }
}

/// Every case's history in id order, undecoded: what [`CaseStore::scan_history`] returns.
pub type HistoryScan<'a> = Box<dyn Iterator<Item = Result<RawHistory, StoreError>> + 'a>;

/// Every case in id order, undecoded: what [`CaseStore::scan_raw`] returns.
pub type RawScan<'a> = Box<dyn Iterator<Item = Result<RawCase, StoreError>> + 'a>;

/// Every case in id order, decoded: what [`CaseStore::scan`] returns.
pub type Scan<'a> = Box<dyn Iterator<Item = Result<StoredCase, StoreError>> + 'a>;

/// A transaction's body that builds the case for the number the store allocated. Object-safe,
/// so that a backend runs it inside its own transaction; it may run more than once (a backend
/// retries a transaction that lost a race), so it only builds a value and has no other effect.
pub type MakeCase<'a> = &'a dyn Fn(String) -> Result<Case, CaseError>;

/// The store behind the service, the daemon and the command line.
///
/// The contract every backend keeps, and [`super::conformance`] checks:
///
/// - **Durable when acknowledged.** Every write (`register`, `update`, `insert_many`,
///   `put_user`, `put_draft`, `remove_draft`, `set_body`, `set_restoring`) returns `Ok` only once
///   it is on disk (sled: flushed; SQL: committed). A crash after it returned loses nothing.
/// - **Atomic.** Each write is one transaction: all of it or none of it, never seen half done.
///   In particular the version check of `update` and its write are one step.
/// - **Append-only.** A history entry and an original text, once written, are never replaced or
///   removed: no method can, and a write that would is refused whole.
/// - **Ids.** A case's id is the store's, given at insertion, increasing, never reused; it is
///   what `update`, `record`, `text` and `history` take. Numbers are what people use.
/// - **Concurrency.** Every method may be called from many threads at once (the daemon serves
///   many consoles). Reads are not one snapshot across calls: a caller that needs one (an
///   export) holds the service's exclusive gate.
pub trait CaseStore: Send + Sync + fmt::Debug {
    // ---- the database ----

    /// Where the database is, for messages and for the owner of a directory.
    fn location(&self) -> Location;

    /// The schema version the database holds (`None`: not recorded yet).
    fn schema_version(&self) -> Result<Option<u32>, StoreError>;

    /// The body code that starts new case numbers ([`super::DEFAULT_BODY`] unless set).
    fn body(&self) -> Result<String, StoreError>;

    /// Sets the body code for new case numbers; a code people could misread is refused.
    fn set_body(&self, body: &str) -> Result<(), StoreError>;

    /// The backup file a restore into this database started from, while that restore has not
    /// finished (it was interrupted): the database then holds part of it.
    fn restoring(&self) -> Result<Option<String>, StoreError>;

    /// Marks a restore from `file` as started (`Some`) or finished (`None`).
    fn set_restoring(&self, file: Option<&str>) -> Result<(), StoreError>;

    /// The number of cases.
    fn count(&self) -> Result<usize, StoreError>;

    /// Whether the database holds no case and no user (a restore goes only into such a one).
    fn is_empty(&self) -> Result<bool, StoreError>;

    /// Makes everything written so far durable. Every write already does before it returns;
    /// this is a barrier for callers that end the process.
    fn flush(&self) -> Result<(), StoreError>;

    /// Every stored record that cannot be read, in every part of the database; empty when the
    /// database is sound. A backend whose schema cannot hold an unreadable record lists what its
    /// own consistency checks find.
    fn check(&self) -> Result<Vec<Damaged>, StoreError>;

    /// The sled store behind this one, for what only sled has: its files (size on disk), its
    /// derived indexes (`rebuild_indexes`), raw access for repair tools. `None` for any other
    /// backend, so a caller that needs it says that the operation is sled's.
    fn sled(&self) -> Option<&Store> {
        None
    }

    // ---- reads ----

    /// The id of the case `number`.
    fn id_of(&self, number: &str) -> Result<Option<u64>, StoreError>;

    /// The number of case `id`, to name a damaged record in a report; `None` when it cannot be
    /// found (that is part of what is damaged).
    fn number_of(&self, id: u64) -> Option<String>;

    /// Case `id`'s current state, without its original text and history.
    fn record(&self, id: u64) -> Result<Option<Case>, StoreError>;

    /// Case `id`'s original text, as registered (empty for a case with none).
    fn text(&self, id: u64) -> Result<String, StoreError>;

    /// Case `id`'s history, oldest first (in the order of the versions the entries produced).
    fn history(&self, id: u64) -> Result<Vec<Event>, StoreError>;

    /// The case `number` with its id, original text and whole history. Read without a
    /// transaction the history may hold entries newer than the record read a moment before;
    /// never fewer.
    fn case(&self, number: &str) -> Result<Option<(u64, Case)>, StoreError>;

    /// Every case record exactly once, in id order, undecoded. A change made during the scan
    /// is seen either before or after, per case.
    fn scan_raw(&self) -> RawScan<'_>;

    /// Every case record exactly once, in id order, decoded (without text and history).
    fn scan(&self) -> Scan<'_> {
        Box::new(self.scan_raw().map(|r| {
            let raw = r?;
            Ok(StoredCase {
                id: raw.id,
                case: raw.decode()?,
            })
        }))
    }

    /// Every case's history exactly once, in id order, each oldest first, undecoded; a case
    /// without entries is left out. One ordered pass instead of one [`CaseStore::history`] per
    /// case, for a caller that needs them all (a report on a past day). Read after a
    /// [`CaseStore::scan_raw`], a history may hold entries newer than the record; never fewer.
    /// The default reads each scanned case's history; a backend overrides it with one query.
    fn scan_history(&self) -> HistoryScan<'_> {
        Box::new(self.scan_raw().filter_map(|r| {
            let id = match r {
                Ok(raw) => raw.id,
                Err(e) => return Some(Err(e)),
            };
            match self.history(id) {
                Ok(events) if events.is_empty() => None,
                Ok(events) => Some(Ok(RawHistory::from_events(id, events))),
                Err(e) => Some(Err(e)),
            }
        }))
    }

    /// Ids of the cases assigned to `login`, in id order.
    fn ids_assigned_to(&self, login: &str) -> Result<Vec<u64>, StoreError>;

    /// Ids of the cases with `status`, in id order.
    fn ids_with_status(&self, status: Status) -> Result<Vec<u64>, StoreError>;

    /// A damaged record of case `id` in the part `tree` of the database, named with the
    /// case's number when it can be found.
    fn damaged_case(&self, tree: &str, key: String, id: u64, e: &StoreError) -> Damaged {
        Damaged {
            tree: tree.to_string(),
            key,
            number: self.number_of(id),
            reason: damage::reason(e),
        }
    }

    /// The case of a scanned record with its original text and history, or what is damaged in
    /// it: an export skips it and names it.
    fn full_case(&self, raw: &RawCase) -> Result<Case, Damaged> {
        let id = raw.id;
        let mut case = raw
            .decode()
            .map_err(|e| self.damaged_case("cases", id.to_string(), id, &e))?;
        case.text = self
            .text(id)
            .map_err(|e| self.damaged_case("texts", id.to_string(), id, &e))?;
        case.events = self
            .history(id)
            .map_err(|e| self.damaged_case("history", id.to_string(), id, &e))?;
        Ok(case)
    }

    // ---- writes ----

    /// Registers a case under the next number of the body's series for `year`
    /// (`BODY-YEAR-NNNNNN`), allocated in the same transaction as the insert: numbers of a year
    /// have no gap and no duplicate, whatever runs at once. A number an import already took is
    /// passed over. `make` builds the case for the number; if it refuses (`Tx::Rejected`),
    /// nothing is written and no number is used.
    fn register(&self, year: i32, make: MakeCase<'_>) -> Result<Case, Tx<CaseError>>;

    /// Inserts cases whose numbers are set (an import, demo data), with their texts and
    /// histories: all in one transaction, all or none. A number already taken (in the database
    /// or twice in `cases`) refuses the whole batch with [`StoreError::DuplicateNumber`]. The
    /// series counters move past the imported numbers, so `register` never reissues one.
    fn insert_many(&self, cases: &[Case]) -> Result<(), StoreError>;

    /// Stores `next`, case `id` after `events`, if the stored case is still at version
    /// `based_on`, and appends `events` to its history; the check and the write are one atomic
    /// step. Another version is [`StoreError::Conflict`] carrying `based_on` and the current
    /// version, with nothing written; an unknown id is [`StoreError::NotFound`]; an entry whose
    /// version is already in the history is [`StoreError::HistoryExists`], with nothing
    /// written. The original text is never changed (`next.text` is ignored).
    fn update(
        &self,
        id: u64,
        based_on: u64,
        next: &Case,
        events: &[Event],
    ) -> Result<(), StoreError>;

    // ---- users ----

    /// A user by uid.
    fn user(&self, uid: u32) -> Result<Option<User>, StoreError>;

    /// Every user, by uid.
    fn users(&self) -> Result<Vec<User>, StoreError>;

    /// The users that can be read, and those that cannot (a backup names them).
    fn readable_users(&self) -> Result<(Vec<User>, Vec<Damaged>), StoreError>;

    /// Adds or replaces a user.
    fn put_user(&self, user: &User) -> Result<(), StoreError>;

    // ---- drafts (outside every case's transaction) ----

    /// Saves or replaces `uid`'s draft of `draft.form` for `draft.case`.
    fn put_draft(&self, uid: u32, draft: &DraftRecord) -> Result<(), StoreError>;

    /// One of `uid`'s drafts.
    fn draft(
        &self,
        uid: u32,
        form: &str,
        case: Option<&str>,
    ) -> Result<Option<DraftRecord>, StoreError>;

    /// Every draft of `uid`, by form and case; never another account's. A draft that cannot be
    /// read is left out: one damaged draft never hides the others.
    fn drafts_of(&self, uid: u32) -> Result<Vec<DraftRecord>, StoreError>;

    /// Removes one of `uid`'s drafts; `true` if it was there.
    fn remove_draft(&self, uid: u32, form: &str, case: Option<&str>) -> Result<bool, StoreError>;
}

/// The sled backend: the trait over [`Store`]'s own methods, which stay for sled's tests and
/// tools.
impl CaseStore for Store {
    fn location(&self) -> Location {
        Location::Directory(self.path().to_path_buf())
    }

    fn schema_version(&self) -> Result<Option<u32>, StoreError> {
        Store::schema_version(self)
    }

    fn body(&self) -> Result<String, StoreError> {
        Store::body(self)
    }

    fn set_body(&self, body: &str) -> Result<(), StoreError> {
        Store::set_body(self, body)
    }

    fn restoring(&self) -> Result<Option<String>, StoreError> {
        Store::restoring(self)
    }

    fn set_restoring(&self, file: Option<&str>) -> Result<(), StoreError> {
        Store::set_restoring(self, file)
    }

    fn count(&self) -> Result<usize, StoreError> {
        Ok(Store::count(self))
    }

    fn is_empty(&self) -> Result<bool, StoreError> {
        Ok(Store::is_empty(self))
    }

    fn flush(&self) -> Result<(), StoreError> {
        Store::flush(self)
    }

    fn check(&self) -> Result<Vec<Damaged>, StoreError> {
        Store::check(self)
    }

    fn sled(&self) -> Option<&Store> {
        Some(self)
    }

    fn id_of(&self, number: &str) -> Result<Option<u64>, StoreError> {
        Store::id_of(self, number)
    }

    fn number_of(&self, id: u64) -> Option<String> {
        Store::number_of(self, id)
    }

    fn record(&self, id: u64) -> Result<Option<Case>, StoreError> {
        Store::record(self, id)
    }

    fn text(&self, id: u64) -> Result<String, StoreError> {
        Store::text(self, id)
    }

    fn history(&self, id: u64) -> Result<Vec<Event>, StoreError> {
        Store::history(self, id)
    }

    fn case(&self, number: &str) -> Result<Option<(u64, Case)>, StoreError> {
        Store::case(self, number)
    }

    fn scan_raw(&self) -> RawScan<'_> {
        Box::new(Store::scan_raw(self).map(|r| r.map(|(id, bytes)| RawCase::from_sled(id, bytes))))
    }

    fn scan_history(&self) -> HistoryScan<'_> {
        Box::new(
            Store::scan_history(self)
                .map(|r| r.map(|(id, entries)| RawHistory::from_sled(id, entries))),
        )
    }

    fn ids_assigned_to(&self, login: &str) -> Result<Vec<u64>, StoreError> {
        Store::ids_assigned_to(self, login)
    }

    fn ids_with_status(&self, status: Status) -> Result<Vec<u64>, StoreError> {
        Store::ids_with_status(self, status)
    }

    fn register(&self, year: i32, make: MakeCase<'_>) -> Result<Case, Tx<CaseError>> {
        Store::register(self, year, make)
    }

    fn insert_many(&self, cases: &[Case]) -> Result<(), StoreError> {
        Store::insert_many(self, cases)
    }

    fn update(
        &self,
        id: u64,
        based_on: u64,
        next: &Case,
        events: &[Event],
    ) -> Result<(), StoreError> {
        Store::update(self, id, based_on, next, events)
    }

    fn user(&self, uid: u32) -> Result<Option<User>, StoreError> {
        Store::user(self, uid)
    }

    fn users(&self) -> Result<Vec<User>, StoreError> {
        Store::users(self)
    }

    fn readable_users(&self) -> Result<(Vec<User>, Vec<Damaged>), StoreError> {
        Store::readable_users(self)
    }

    fn put_user(&self, user: &User) -> Result<(), StoreError> {
        Store::put_user(self, user)
    }

    fn put_draft(&self, uid: u32, draft: &DraftRecord) -> Result<(), StoreError> {
        Store::put_draft(self, uid, draft)
    }

    fn draft(
        &self,
        uid: u32,
        form: &str,
        case: Option<&str>,
    ) -> Result<Option<DraftRecord>, StoreError> {
        Store::draft(self, uid, form, case)
    }

    fn drafts_of(&self, uid: u32) -> Result<Vec<DraftRecord>, StoreError> {
        Store::drafts_of(self, uid)
    }

    fn remove_draft(&self, uid: u32, form: &str, case: Option<&str>) -> Result<bool, StoreError> {
        Store::remove_draft(self, uid, form, case)
    }
}

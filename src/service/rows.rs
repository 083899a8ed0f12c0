//! The queue rows of "today", kept in memory (issue 9, item 8): the first query of a day decodes
//! every case once and computes its row; afterwards a query filters rows already made, and a
//! change recomputes only the row of the case it touched. So a daemon with a hundred consoles
//! answers each queue query without decoding a hundred thousand cases again, and holds one copy
//! of the rows for all of them.
//!
//! Issue 9's targets (a supervisor's whole queue of 100,000 rows over the socket in under 60 ms)
//! shape the table: the rows are kept in the default (urgency) order, so that queue is read in
//! order instead of sorted per query; each row's wire encoding is kept beside it
//! ([`crate::wire::rows`]), so the daemon answers by copying bytes instead of cloning and
//! encoding rows for every console; and rows are never cloned to be filtered or sorted.
//!
//! The table is rebuilt whole when the office's date changes (remaining working days and urgency
//! depend on it) and after work that writes many cases at once (an import), which calls
//! [`Rows::forget`]. Every other write of the service ends in [`Rows::put`] with the case as it
//! was stored; a put of an older version than the one held is ignored, so two writers finishing
//! out of order cannot leave an old row behind.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::sync::{Arc, Mutex};

use chrono::NaiveDate;

use super::queue::{self, QueueQuery, QueueRow, Sort, Urgency};
use super::search;
use crate::domain::calendar::Calendar;
use crate::domain::case::Case;
use crate::domain::rules::RuleBook;
use crate::store::Damaged;
use crate::wire;

/// One case's row with its folded filter text and its wire encoding, computed once.
#[derive(Debug, Clone)]
struct Entry {
    row: QueueRow,
    haystack: String,
    wire: Box<[u8]>,
}

impl Entry {
    fn new(row: QueueRow) -> Entry {
        let haystack = search::haystack(&row);
        // A row is plain data: its encoding cannot fail (an empty one would be refused by
        // every client, never misread).
        let wire = wire::rows::encode_row(&row).unwrap_or_default().into();
        Entry {
            row,
            haystack,
            wire,
        }
    }
}

/// A date of the urgency order, cases without one last (as [`Sort::compare`]).
type NoneLast = (bool, Option<NaiveDate>);

fn none_last(d: Option<NaiveDate>) -> NoneLast {
    (d.is_none(), d)
}

/// A row's place in the urgency order ([`Sort::compare`] of `Sort::Urgency`: urgency, next due
/// date, due date, number), then its id.
type UrgencyKey = (Urgency, NoneLast, NoneLast, String, u64);

fn urgency_key(id: u64, row: &QueueRow) -> UrgencyKey {
    (
        row.urgency,
        none_last(row.next_due),
        none_last(row.due),
        row.number.clone(),
        id,
    )
}

/// The rows of one day.
#[derive(Debug, Default)]
struct Table {
    today: Option<NaiveDate>,
    /// By the store's case id.
    rows: HashMap<u64, Entry>,
    /// Every row's id in the urgency order.
    order: BTreeSet<UrgencyKey>,
    /// Case records that could not be read at the last scan, by id.
    damaged: BTreeMap<u64, Damaged>,
    /// Whole queue answers in their wire form, by who asked what (see [`Rows::answer`]);
    /// emptied by every change.
    answers: HashMap<Vec<u8>, Arc<[u8]>>,
    /// Their bytes together.
    answer_bytes: usize,
}

/// The most bytes of answers kept at once (a supervisor's whole queue of 100,000 rows is about
/// 30 MiB): beyond it they start again, so a hundred officers opening their queues before the
/// first change of the day cannot take the daemon past its 300 MB (issue 9). One answer is
/// always kept, however long.
const MAX_ANSWER_BYTES: usize = 64 << 20;

impl Table {
    fn insert(&mut self, id: u64, entry: Entry) {
        self.answers.clear();
        self.answer_bytes = 0;
        if let Some(old) = self.rows.get(&id) {
            self.order.remove(&urgency_key(id, &old.row));
        }
        self.order.insert(urgency_key(id, &entry.row));
        self.rows.insert(id, entry);
    }

    /// The entries that pass, in the query's order, cut to its limit.
    fn select(&self, keep: impl Fn(&QueueRow) -> bool, q: &QueueQuery) -> Vec<&Entry> {
        let words = queue::filter_words(q.text.as_deref());
        let passes = |e: &&Entry| {
            keep(&e.row)
                && queue::matches_without_text(&e.row, q)
                && (words.is_empty() || search::contains_words(&e.haystack, &words))
        };
        let limit = q.limit.unwrap_or(usize::MAX);
        if q.sort == Sort::Urgency {
            return self
                .order
                .iter()
                .filter_map(|k| self.rows.get(&k.4))
                .filter(passes)
                .take(limit)
                .collect();
        }
        let mut out: Vec<&Entry> = self.rows.values().filter(passes).collect();
        out.sort_by(|a, b| queue::compare(&a.row, &b.row, q.sort));
        out.truncate(limit);
        out
    }
}

/// The service's in-memory rows, shared by every clone of the service (every session).
#[derive(Debug, Default)]
pub struct Rows {
    table: Mutex<Table>,
}

/// What a full scan gives: each readable case's row on the day asked for, with its id, and the
/// damaged records.
pub type Scan = (Vec<(u64, QueueRow)>, Vec<(u64, Damaged)>);

/// A queue answer in its wire form: the number of rows and their encodings, one after the other
/// (see [`crate::wire::rows`]).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EncodedRows {
    pub count: usize,
    pub bytes: Vec<u8>,
}

/// The kept encodings of `picked`, one after the other.
fn encoded(picked: &[&Entry]) -> EncodedRows {
    let mut bytes = Vec::with_capacity(5 + picked.iter().map(|e| e.wire.len()).sum::<usize>());
    wire::rows::array_of(picked.len(), picked.iter().map(|e| &*e.wire), &mut bytes);
    EncodedRows {
        count: picked.len(),
        bytes,
    }
}

impl Rows {
    fn lock(&self) -> std::sync::MutexGuard<'_, Table> {
        self.table.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// The table of `today`: `scan` is called (under the table's lock, so once however many ask
    /// at once) when the table is not of `today`.
    fn of_day<E>(
        &self,
        today: NaiveDate,
        scan: impl FnOnce() -> Result<Scan, E>,
    ) -> Result<std::sync::MutexGuard<'_, Table>, E> {
        let mut t = self.lock();
        if t.today != Some(today) {
            let (cases, damaged) = scan()?;
            let mut fresh = Table {
                today: Some(today),
                damaged: damaged.into_iter().collect(),
                ..Table::default()
            };
            for (id, row) in cases {
                fresh.insert(id, Entry::new(row));
            }
            *t = fresh;
        }
        Ok(t)
    }

    /// The rows on `today` for which `keep` holds and that pass the query's filters, sorted and
    /// cut to its limit, with the damaged records.
    pub fn query<E>(
        &self,
        today: NaiveDate,
        scan: impl FnOnce() -> Result<Scan, E>,
        keep: impl Fn(&QueueRow) -> bool,
        q: &QueueQuery,
    ) -> Result<(Vec<QueueRow>, Vec<Damaged>), E> {
        let t = self.of_day(today, scan)?;
        let rows = t
            .select(keep, q)
            .into_iter()
            .map(|e| e.row.clone())
            .collect();
        Ok((rows, t.damaged.values().cloned().collect()))
    }

    /// Hands `f` every row of `today` (scanning first, as [`Rows::query`] does, when the table
    /// is of another day), under the table's lock: for counts over every case (the dashboard)
    /// without copying the rows.
    pub fn visit<E, T>(
        &self,
        today: NaiveDate,
        scan: impl FnOnce() -> Result<Scan, E>,
        f: impl FnOnce(&mut dyn Iterator<Item = &QueueRow>) -> T,
    ) -> Result<T, E> {
        let t = self.of_day(today, scan)?;
        Ok(f(&mut t.rows.values().map(|e| &e.row)))
    }

    /// What [`Rows::query`] gives, in its wire form: the rows' kept encodings copied (nothing
    /// cloned or encoded again) and made into a whole answer by `answer`, kept for `key` (who
    /// asks and what) until the next change: when fifty consoles ask for the same queue between two
    /// changes, it is made once and the daemon holds one copy of it, however slowly each console
    /// reads (issue 9: a daemon at 100,000 cases under 300 MB).
    pub fn answer<E>(
        &self,
        today: NaiveDate,
        scan: impl FnOnce() -> Result<Scan, E>,
        keep: impl Fn(&QueueRow) -> bool,
        q: &QueueQuery,
        key: Vec<u8>,
        answer: impl FnOnce(&EncodedRows, Vec<Damaged>) -> Result<Vec<u8>, E>,
    ) -> Result<Arc<[u8]>, E> {
        let mut t = self.of_day(today, scan)?;
        if let Some(kept) = t.answers.get(&key) {
            return Ok(kept.clone());
        }
        let rows = encoded(&t.select(keep, q));
        let made: Arc<[u8]> = answer(&rows, t.damaged.values().cloned().collect())?.into();
        if t.answer_bytes + made.len() > MAX_ANSWER_BYTES {
            t.answers.clear();
            t.answer_bytes = 0;
        }
        t.answer_bytes += made.len();
        t.answers.insert(key, made.clone());
        Ok(made)
    }

    /// The case `id` as it was just stored: its row is recomputed (if the table is of a day at
    /// all, and unless a newer version is held already).
    pub fn put(&self, id: u64, case: &Case, (cal, rules): (&Calendar, &RuleBook)) {
        let mut t = self.lock();
        let Some(today) = t.today else {
            return;
        };
        if t.rows
            .get(&id)
            .is_some_and(|e| e.row.version > case.version)
        {
            return;
        }
        t.damaged.remove(&id);
        let (row, _) = queue::row_of(case, cal, rules, today);
        t.insert(id, Entry::new(row));
    }

    /// Many cases changed at once (an import, a restore): the next query scans again.
    pub fn forget(&self) {
        let mut t = self.lock();
        *t = Table::default();
    }
}

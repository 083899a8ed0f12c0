//! The queue rows of "today", kept in memory (issue 9, item 8): the first query of a day decodes
//! every case once and computes its row; afterwards a query filters and sorts rows already made,
//! and a change recomputes only the row of the case it touched. So a daemon with a hundred
//! consoles answers each queue query without decoding a hundred thousand cases again, and holds
//! one copy of the rows for all of them.
//!
//! The table is rebuilt whole when the office's date changes (remaining working days and urgency
//! depend on it) and after work that writes many cases at once (an import), which calls
//! [`Rows::forget`]. Every other write of the service ends in [`Rows::put`] with the case as it
//! was stored; a put of an older version than the one held is ignored, so two writers finishing
//! out of order cannot leave an old row behind.

use std::collections::{BTreeMap, HashMap};
use std::sync::Mutex;

use chrono::NaiveDate;

use super::queue::{self, QueueQuery, QueueRow};
use super::search;
use crate::domain::calendar::Calendar;
use crate::domain::case::Case;
use crate::domain::rules::RuleBook;
use crate::store::Damaged;

/// One case's row with its folded filter text, computed once.
#[derive(Debug, Clone)]
struct Entry {
    row: QueueRow,
    haystack: String,
}

impl From<QueueRow> for Entry {
    fn from(row: QueueRow) -> Entry {
        let haystack = search::haystack(&row);
        Entry { row, haystack }
    }
}

/// The rows of one day.
#[derive(Debug, Default)]
struct Table {
    today: Option<NaiveDate>,
    /// By the store's case id.
    rows: HashMap<u64, Entry>,
    /// Case records that could not be read at the last scan, by id.
    damaged: BTreeMap<u64, Damaged>,
}

/// The service's in-memory rows, shared by every clone of the service (every session).
#[derive(Debug, Default)]
pub struct Rows {
    table: Mutex<Table>,
}

/// What a full scan gives: each readable case's row on the day asked for, with its id, and the
/// damaged records.
pub type Scan = (Vec<(u64, QueueRow)>, Vec<(u64, Damaged)>);

impl Rows {
    fn lock(&self) -> std::sync::MutexGuard<'_, Table> {
        self.table.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// The rows on `today` for which `keep` holds and that pass the query's filters, sorted and
    /// cut to its limit, with the damaged records; `scan` is called (under the table's lock, so
    /// once however many ask at once) when the table is not of `today`.
    pub fn query<E>(
        &self,
        today: NaiveDate,
        scan: impl FnOnce() -> Result<Scan, E>,
        keep: impl Fn(&QueueRow) -> bool,
        q: &QueueQuery,
    ) -> Result<(Vec<QueueRow>, Vec<Damaged>), E> {
        let mut t = self.lock();
        if t.today != Some(today) {
            let (cases, damaged) = scan()?;
            t.rows = cases
                .into_iter()
                .map(|(id, row)| (id, Entry::from(row)))
                .collect();
            t.damaged = damaged.into_iter().collect();
            t.today = Some(today);
        }
        let words = queue::filter_words(q.text.as_deref());
        let mut rows: Vec<QueueRow> = t
            .rows
            .values()
            .filter(|e| {
                keep(&e.row)
                    && queue::matches_without_text(&e.row, q)
                    && (words.is_empty() || search::contains_words(&e.haystack, &words))
            })
            .map(|e| e.row.clone())
            .collect();
        queue::sort(&mut rows, q.sort);
        if let Some(n) = q.limit {
            rows.truncate(n);
        }
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
        let mut t = self.lock();
        if t.today != Some(today) {
            let (cases, damaged) = scan()?;
            t.rows = cases
                .into_iter()
                .map(|(id, row)| (id, Entry::from(row)))
                .collect();
            t.damaged = damaged.into_iter().collect();
            t.today = Some(today);
        }
        Ok(f(&mut t.rows.values().map(|e| &e.row)))
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
        t.rows.insert(id, Entry::from(row));
    }

    /// Many cases changed at once (an import, a restore): the next query scans again.
    pub fn forget(&self) {
        let mut t = self.lock();
        *t = Table::default();
    }
}

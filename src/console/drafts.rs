//! The loop's side of drafts: it debounces what `update` asks to save, saves on a thread of
//! its own so that typing never waits for the database, and keeps the latest content where a
//! signal can save it without the UI thread (a dropped SSH link: SIGHUP).
//!
//! `update` asks for [`Effect::SaveDraft`] after every edit, with the whole form. The desk
//! keeps only the latest content and sends it [`QUIET`] after the last edit, or [`MAX_WAIT`]
//! after the first unsent one while the officer keeps typing, so a draft in the database is
//! never more than about half a second behind. Saves and deletes go to the service in order on
//! one thread, so a late save can never bring back a draft deleted after it.
//!
//! A save or a delete the service could not take because the daemon was unreachable is kept
//! and sent again when the link is back ([`Desk::retry`]): the latest content of the form, not
//! the one that failed, so nothing newer is overwritten.
//!
//! On SIGTERM, SIGHUP or SIGQUIT (the terminal's `at_signal` hook) and on any other way out of
//! the console (the terminal gone, a panic), the latest content is saved directly through the
//! session, after any save in progress and instead of any still waiting. Over the socket, if
//! the daemon cannot take it (unreachable at that moment), it goes to a file of the officer's
//! own instead ([`OfflineDrafts`]), handed to the daemon at the next start.

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex, mpsc};
use std::time::{Duration, Instant};

use anyhow::Result;

use super::offline::OfflineDrafts;
use super::{Asked, Incoming};
use crate::service::{CaseApi, DraftKey, Request};

/// How long after the last keystroke a draft is sent.
pub const QUIET: Duration = Duration::from_millis(200);
/// How long a draft waits at most while the officer keeps typing.
pub const MAX_WAIT: Duration = Duration::from_millis(400);

type Content = (DraftKey, BTreeMap<String, String>);

/// What the signal hook and the draft thread share.
struct Shared {
    api: Arc<dyn CaseApi>,
    /// What the open form holds now (updated after every edit), `None` once it is saved or
    /// thrown away.
    latest: Mutex<Option<Content>>,
    /// Held while a draft goes to the service; `true` once the final save was made (nothing
    /// older may follow it).
    io: Mutex<bool>,
    /// Over the socket: where the final save goes when the daemon cannot take it.
    offline: Option<OfflineDrafts>,
}

impl Shared {
    /// Saves the latest content once and for all: after a save in progress, and nothing after.
    fn save_final(&self) {
        let mut closed = self.io.lock().unwrap_or_else(|p| p.into_inner());
        if *closed {
            return;
        }
        *closed = true;
        let latest = self.latest.lock().unwrap_or_else(|p| p.into_inner()).take();
        if let Some((key, fields)) = latest
            && self.api.save_draft(key.clone(), fields.clone()).is_err()
            && let Some(offline) = &self.offline
        {
            // Nothing is left to tell it to (the terminal is going): the file is the message.
            let _ = offline.keep(key, fields);
        }
    }
}

/// A draft waiting to be sent.
struct Pending {
    key: DraftKey,
    fields: BTreeMap<String, String>,
    edit: u64,
    first: Instant,
    last: Instant,
}

/// The loop's drafts: the one waiting, the thread that sends them, the signal hook.
pub struct Desk {
    shared: Arc<Shared>,
    jobs: mpsc::Sender<(Asked, Request)>,
    pending: Option<Pending>,
    /// A save that met a broken link: the form's key and the edit it was of.
    unsent: Option<(DraftKey, u64)>,
    /// Deletes that met a broken link.
    undeleted: Vec<DraftKey>,
}

impl Desk {
    /// Starts the draft thread (its answers come back on the console's channel) and registers
    /// the signal hook. With `offline`, a final save the service cannot take is kept there.
    pub fn start(
        api: Arc<dyn CaseApi>,
        tx: mpsc::Sender<Incoming>,
        offline: Option<OfflineDrafts>,
    ) -> Result<Desk> {
        let shared = Arc::new(Shared {
            api,
            latest: Mutex::new(None),
            io: Mutex::new(false),
            offline,
        });
        let (jobs, queue) = mpsc::channel::<(Asked, Request)>();
        let worker = Arc::clone(&shared);
        std::thread::Builder::new()
            .name("drafts".into())
            .spawn(move || {
                for (asked, request) in queue {
                    let response = {
                        let closed = worker.io.lock().unwrap_or_else(|p| p.into_inner());
                        if *closed {
                            return;
                        }
                        worker.api.call(request)
                    };
                    if tx.send(Incoming::Drafted(asked, response)).is_err() {
                        return;
                    }
                }
            })?;
        let hook = Arc::clone(&shared);
        super::terminal::at_signal(Some(Box::new(move || hook.save_final())));
        Ok(Desk {
            shared,
            jobs,
            pending: None,
            unsent: None,
            undeleted: Vec::new(),
        })
    }

    /// The form now holds `fields` (its `edit`-th edit): kept for a signal at once, sent soon.
    pub fn save(
        &mut self,
        key: DraftKey,
        fields: BTreeMap<String, String>,
        edit: u64,
        now: Instant,
    ) {
        *self.shared.latest.lock().unwrap_or_else(|p| p.into_inner()) =
            Some((key.clone(), fields.clone()));
        let first = match self.pending.take() {
            Some(p) if p.key == key => p.first,
            Some(other) => {
                self.send(other);
                now
            }
            None => now,
        };
        self.pending = Some(Pending {
            key,
            fields,
            edit,
            first,
            last: now,
        });
    }

    /// The form was saved or thrown away: its draft goes, and nothing waiting for it is sent.
    pub fn delete(&mut self, key: DraftKey) {
        if self.pending.as_ref().is_some_and(|p| p.key == key) {
            self.pending = None;
        }
        {
            let mut latest = self.shared.latest.lock().unwrap_or_else(|p| p.into_inner());
            if latest.as_ref().is_some_and(|(k, _)| *k == key) {
                *latest = None;
            }
        }
        if self.unsent.as_ref().is_some_and(|(k, _)| *k == key) {
            self.unsent = None;
        }
        let _ = self.jobs.send((
            Asked::DeleteDraft { key: key.clone() },
            Request::DeleteDraft { key },
        ));
    }

    /// The service could not be reached for `asked` (the daemon's link is down): it is sent
    /// again by [`Desk::retry`].
    pub fn failed(&mut self, asked: &Asked) {
        match asked {
            Asked::SaveDraft { key, edit }
                if self.unsent.as_ref().is_none_or(|(_, e)| e < edit) =>
            {
                self.unsent = Some((key.clone(), *edit));
            }
            Asked::DeleteDraft { key } if !self.undeleted.contains(key) => {
                self.undeleted.push(key.clone());
            }
            _ => {}
        }
    }

    /// The link is back: what failed goes again. A failed save sends what the form holds now
    /// (unless it was saved or thrown away since, or a newer save waits anyway).
    pub fn retry(&mut self, now: Instant) {
        for key in std::mem::take(&mut self.undeleted) {
            self.delete(key);
        }
        let Some((key, edit)) = self.unsent.take() else {
            return;
        };
        if self.pending.as_ref().is_some_and(|p| p.key == key) {
            return;
        }
        let latest = self
            .shared
            .latest
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .clone();
        if let Some((k, fields)) = latest
            && k == key
        {
            self.pending = Some(Pending {
                key,
                fields,
                edit,
                first: now,
                last: now,
            });
            self.send_due(now + MAX_WAIT);
        }
    }

    /// When the waiting draft is to be sent.
    pub fn deadline(&self) -> Option<Instant> {
        self.pending
            .as_ref()
            .map(|p| (p.last + QUIET).min(p.first + MAX_WAIT))
    }

    /// Sends the waiting draft if its time has come.
    pub fn send_due(&mut self, now: Instant) {
        if self.deadline().is_some_and(|d| d <= now)
            && let Some(p) = self.pending.take()
        {
            self.send(p);
        }
    }

    fn send(&self, p: Pending) {
        let asked = Asked::SaveDraft {
            key: p.key.clone(),
            edit: p.edit,
        };
        let _ = self.jobs.send((
            asked,
            Request::SaveDraft {
                key: p.key,
                fields: p.fields,
            },
        ));
    }
}

impl Drop for Desk {
    /// Any way out of the console (the terminal gone, an error, a panic) saves what the open
    /// form holds; after a normal quit there is none.
    fn drop(&mut self) {
        super::terminal::at_signal(None);
        self.shared.save_final();
    }
}

//! Change notices (DESIGN 2.3): after a change, every connection hears which case changed and
//! its new version, so that each console reloads what it shows instead of polling.
//!
//! One [`Hub`] per daemon holds a tokio broadcast channel: publishing never waits for a
//! connection, and a connection that falls behind the channel's ring loses notices and is told
//! [`Notice::Resync`] instead, so no client can stall the others.

use tokio::sync::broadcast;

use crate::service::{Executed, Response};
use crate::wire::Changed;

/// How many notices the broadcast ring holds before a slow connection falls behind (and gets a
/// resync): a burst of imports or a busy hour, not a day.
pub const RING: usize = 4096;

/// What one answer changed, for the other connections.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Notice {
    /// Nothing that another console shows (a read, a preview, the caller's own draft, a
    /// refusal).
    Nothing,
    /// One case changed: its number and new version.
    Case(Changed),
    /// Something changed that is not one case (or not known to be read-only): every console
    /// reloads what it shows.
    Resync,
}

/// What the answer `response` tells the other connections: one notice for most answers, one
/// per changed case for a bulk change (each case its own notice, as if changed one by one, so
/// that a console reloads only what it shows). The match names every answer, so a new kind of
/// answer does not compile until someone decides here whether it changes what other consoles
/// show.
pub fn changed_by(response: &Response) -> Vec<Notice> {
    let one = match response {
        Response::Executed {
            done: Executed { number, version },
        } => Notice::Case(Changed {
            number: number.clone(),
            version: *version,
        }),
        // Every case that changed, and none that was refused or in conflict. More than the
        // ring holds makes slow listeners lag, and they are told to resync: still right.
        Response::Bulk { results } => {
            return results
                .iter()
                .filter_map(|(_, r)| r.as_ref().ok())
                .map(|done| {
                    Notice::Case(Changed {
                        number: done.number.clone(),
                        version: done.version,
                    })
                })
                .collect();
        }
        // An import that added cases (or users) changed more than is worth listing.
        Response::Imported { added, users, .. } => {
            if *added > 0 || *users > 0 {
                Notice::Resync
            } else {
                Notice::Nothing
            }
        }
        // Reads, previews, snapshots and staging change no case; drafts are the caller's own
        // and no console shows another's; a refused request changed nothing.
        Response::WhoAmI { .. }
        | Response::Database { .. }
        | Response::Checked { .. }
        | Response::ExportReady { .. }
        | Response::ExportChunk { .. }
        | Response::ImportStarted { .. }
        | Response::ImportStaged { .. }
        | Response::Discarded { .. }
        | Response::Queue { .. }
        | Response::Case { .. }
        | Response::Previewed { .. }
        | Response::Users { .. }
        | Response::Services { .. }
        | Response::Letter { .. }
        | Response::DraftSaved { .. }
        | Response::Drafts { .. }
        | Response::Draft { .. }
        | Response::DraftDeleted { .. }
        | Response::Reference { .. }
        | Response::Dashboard { .. }
        | Response::Report { .. }
        | Response::Digest { .. }
        | Response::Error { .. } => Notice::Nothing,
        // A user added, disabled or given another role: names and scopes may change on screen.
        Response::User { .. } => Notice::Resync,
    };
    if one == Notice::Nothing {
        Vec::new()
    } else {
        vec![one]
    }
}

/// The daemon's one broadcast of notices: cheap to clone, one per connection task.
#[derive(Debug, Clone)]
pub struct Hub {
    sender: broadcast::Sender<Notice>,
}

impl Default for Hub {
    fn default() -> Self {
        Hub::new()
    }
}

impl Hub {
    pub fn new() -> Hub {
        Hub {
            sender: broadcast::channel(RING).0,
        }
    }

    /// Tells every connection about `notice` (nothing for [`Notice::Nothing`]). Never waits:
    /// with no connection listening the notice is simply dropped.
    pub fn publish(&self, notice: Notice) {
        if notice != Notice::Nothing {
            let _ = self.sender.send(notice);
        }
    }

    /// Publishes what `response` changed: the one call after every answer.
    pub fn publish_answer(&self, response: &Response) {
        for notice in changed_by(response) {
            self.publish(notice);
        }
    }

    /// A new listener: it hears every notice published from now on.
    pub fn subscribe(&self) -> broadcast::Receiver<Notice> {
        self.sender.subscribe()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::service::ApiError;

    #[test]
    fn an_executed_answer_names_the_case_and_its_version() {
        let r = Response::Executed {
            done: Executed {
                number: "Ж-2026-000007".into(),
                version: 4,
            },
        };
        assert_eq!(
            changed_by(&r),
            vec![Notice::Case(Changed {
                number: "Ж-2026-000007".into(),
                version: 4
            })]
        );
    }

    #[test]
    fn reads_and_refusals_change_nothing() {
        let refused = Response::Error {
            error: ApiError::NotFound { number: "X".into() },
        };
        assert_eq!(changed_by(&refused), vec![]);
        assert_eq!(
            changed_by(&Response::Queue {
                rows: vec![],
                damaged: vec![]
            }),
            vec![]
        );
    }

    #[test]
    fn an_import_that_added_cases_and_a_new_kind_of_change_resync() {
        let imported = |added| Response::Imported {
            added,
            unchanged: 3,
            users: 0,
        };
        assert_eq!(changed_by(&imported(2)), vec![Notice::Resync]);
        assert_eq!(changed_by(&imported(0)), vec![]);
        // A user's role or state: who may see what changed; every console reloads.
        let user = crate::store::User {
            uid: 900_001,
            login: "aliya".into(),
            name: "Әлия".into(),
            role: crate::store::Role::Officer,
            disabled: true,
        };
        assert_eq!(changed_by(&Response::User { user }), vec![Notice::Resync]);
    }

    #[test]
    fn a_bulk_answer_names_each_changed_case_and_none_that_failed() {
        let done = |n: &str, v| {
            (
                n.to_string(),
                Ok(Executed {
                    number: n.into(),
                    version: v,
                }),
            )
        };
        let r = Response::Bulk {
            results: vec![
                done("A-1", 3),
                (
                    "A-2".into(),
                    Err(ApiError::Conflict {
                        number: "A-2".into(),
                        expected: 1,
                        current: 2,
                    }),
                ),
                done("A-3", 7),
            ],
        };
        let case = |n: &str, v| {
            Notice::Case(Changed {
                number: n.into(),
                version: v,
            })
        };
        assert_eq!(changed_by(&r), vec![case("A-1", 3), case("A-3", 7)]);
    }

    #[tokio::test]
    async fn a_listener_that_falls_behind_the_ring_is_told_it_lagged() {
        let hub = Hub::new();
        let mut slow = hub.subscribe();
        for v in 0..(RING as u64 + 10) {
            hub.publish(Notice::Case(Changed {
                number: "A".into(),
                version: v,
            }));
        }
        hub.publish(Notice::Nothing);
        assert!(matches!(
            slow.recv().await,
            Err(broadcast::error::RecvError::Lagged(10))
        ));
    }
}

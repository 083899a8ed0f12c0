//! What is written to disk: the store's own record types, apart from the domain's (DESIGN 2.1).
//!
//! The domain's `Case` is what the engine and the wire work with (its text and its history
//! included); a [`CaseRecord`] is what the `cases` tree holds (neither: the text is written
//! once in `texts`, the events one by one in `history`), and an [`EventRecord`] is one entry of
//! `history`. The domain may change shape without changing these; a change of these is a new
//! schema version with a migration (`super::SCHEMA_VERSION`).
//!
//! Schema 1 is the byte format written before these types existed (when `Case` itself was the
//! record): the field names and `serde` attributes below keep it, and
//! `tests/store_fixture.rs` opens a database written then.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::domain::case::{
    Actor, Applicant, Case, Decision, Event, EventKind, IntakeRefusal, Link, Matter, StateSnapshot,
    Status,
};
use crate::domain::deadline::{Extension, NoticeSent};
use crate::domain::vocabulary::Medium;

/// A case in the `cases` tree: its current state, without its original text and history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CaseRecord {
    pub number: String,
    pub matter: Matter,
    pub medium: Medium,
    pub applicant: Applicant,
    pub registered: NaiveDate,
    pub subject: String,
    #[serde(default)]
    pub assignee: Option<String>,
    pub status: Status,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub links: Vec<Link>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub extensions: Vec<Extension>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notices: Vec<NoticeSent>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decision: Option<Decision>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub intake_refusal: Option<IntakeRefusal>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub closed: Option<NaiveDate>,
    pub version: u64,
}

impl From<&Case> for CaseRecord {
    fn from(c: &Case) -> CaseRecord {
        CaseRecord {
            number: c.number.clone(),
            matter: c.matter.clone(),
            medium: c.medium,
            applicant: c.applicant.clone(),
            registered: c.registered,
            subject: c.subject.clone(),
            assignee: c.assignee.clone(),
            status: c.status,
            links: c.links.clone(),
            extensions: c.extensions.clone(),
            notices: c.notices.clone(),
            decision: c.decision.clone(),
            intake_refusal: c.intake_refusal.clone(),
            closed: c.closed,
            version: c.version,
        }
    }
}

impl CaseRecord {
    /// The domain case, with its original text and its history as read from their trees.
    pub fn into_case(self, text: String, events: Vec<Event>) -> Case {
        Case {
            number: self.number,
            matter: self.matter,
            medium: self.medium,
            applicant: self.applicant,
            registered: self.registered,
            subject: self.subject,
            text,
            assignee: self.assignee,
            status: self.status,
            links: self.links,
            extensions: self.extensions,
            notices: self.notices,
            decision: self.decision,
            intake_refusal: self.intake_refusal,
            closed: self.closed,
            version: self.version,
            events,
        }
    }
}

/// Who did something, as recorded in history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActorRecord {
    pub uid: u32,
    pub login: String,
    pub name: String,
}

/// The status and assignee before and after an entry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SnapshotRecord {
    pub status: Status,
    #[serde(default)]
    pub assignee: Option<String>,
}

/// One entry of the `history` tree: inserted once, never replaced.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventRecord {
    pub version: u64,
    pub at: DateTime<Utc>,
    pub by: ActorRecord,
    /// What happened. Still the domain's event kinds: their spellings are the history's words
    /// in exports too, and they change only with a schema version.
    pub what: EventKind,
    #[serde(default)]
    pub before: Option<SnapshotRecord>,
    pub after: SnapshotRecord,
}

impl From<&StateSnapshot> for SnapshotRecord {
    fn from(s: &StateSnapshot) -> SnapshotRecord {
        SnapshotRecord {
            status: s.status,
            assignee: s.assignee.clone(),
        }
    }
}

impl From<SnapshotRecord> for StateSnapshot {
    fn from(s: SnapshotRecord) -> StateSnapshot {
        StateSnapshot {
            status: s.status,
            assignee: s.assignee,
        }
    }
}

impl From<&Event> for EventRecord {
    fn from(e: &Event) -> EventRecord {
        EventRecord {
            version: e.version,
            at: e.at,
            by: ActorRecord {
                uid: e.by.uid,
                login: e.by.login.clone(),
                name: e.by.name.clone(),
            },
            what: e.what.clone(),
            before: e.before.as_ref().map(SnapshotRecord::from),
            after: SnapshotRecord::from(&e.after),
        }
    }
}

impl From<EventRecord> for Event {
    fn from(e: EventRecord) -> Event {
        Event {
            version: e.version,
            at: e.at,
            by: Actor {
                uid: e.by.uid,
                login: e.by.login,
                name: e.by.name,
            },
            what: e.what,
            before: e.before.map(StateSnapshot::from),
            after: e.after.into(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::calendar::Calendar;
    use crate::domain::case::{NewCase, PartyId};
    use crate::domain::ids::Iin;
    use crate::domain::rules::RuleBook;
    use crate::domain::vocabulary::Addressee;

    fn case() -> Case {
        let rules =
            RuleBook::parse("r", include_str!("../../data/rules/kz-state-services.toml")).unwrap();
        let new = NewCase {
            matter: Matter::Complaint {
                addressee: Addressee::LocalBody,
                set_due: None,
            },
            medium: Medium::Paper,
            applicant: Applicant {
                name: "Нұрлан Әбенов".into(),
                id: PartyId::Individual(Iin::parse("870412300005").unwrap()),
                contact: String::new(),
            },
            registered: "2026-03-02".parse().unwrap(),
            subject: "Анықтама берілмеді".into(),
            text: "Өтінішіме жауап жоқ.".into(),
        };
        let by = Actor {
            uid: 1000,
            login: "aliya".into(),
            name: "Әлия".into(),
        };
        let at = DateTime::from_timestamp(1_774_000_000, 0).unwrap();
        let today = "2026-03-03".parse().unwrap();
        let mut c = Case::register(
            new,
            "KZ-2026-000001".into(),
            by.clone(),
            at,
            &Calendar::weekends_only(),
            &rules,
            today,
        )
        .unwrap();
        c.apply(
            EventKind::Assigned {
                to: Some("aliya".into()),
            },
            by,
            at,
            &Calendar::weekends_only(),
            &rules,
            today,
        )
        .unwrap();
        c
    }

    #[test]
    fn a_case_goes_to_its_records_and_back() {
        let c = case();
        let bytes = rmp_serde::to_vec_named(&CaseRecord::from(&c)).unwrap();
        let record: CaseRecord = rmp_serde::from_slice(&bytes).unwrap();
        let events: Vec<Event> = c
            .events
            .iter()
            .map(|e| {
                let bytes = rmp_serde::to_vec_named(&EventRecord::from(e)).unwrap();
                Event::from(rmp_serde::from_slice::<EventRecord>(&bytes).unwrap())
            })
            .collect();
        assert_eq!(record.into_case(c.text.clone(), events), c);
    }

    #[test]
    fn the_case_record_holds_neither_text_nor_history() {
        let c = case();
        let record: serde_json::Value = serde_json::to_value(CaseRecord::from(&c)).unwrap();
        let keys: Vec<&str> = record
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        assert!(
            !keys.contains(&"text") && !keys.contains(&"events"),
            "{keys:?}"
        );
        assert!(keys.contains(&"number") && keys.contains(&"version"));
    }

    /// A record written before `links`, `decision` and friends existed still reads.
    #[test]
    fn an_old_record_reads_after_a_field_is_added() {
        #[derive(Serialize)]
        struct OldCase<'a> {
            number: &'a str,
            matter: Matter,
            medium: Medium,
            applicant: Applicant,
            registered: NaiveDate,
            subject: &'a str,
            status: Status,
            version: u64,
        }
        let c = case();
        let old = OldCase {
            number: &c.number,
            matter: c.matter.clone(),
            medium: c.medium,
            applicant: c.applicant.clone(),
            registered: c.registered,
            subject: &c.subject,
            status: c.status,
            version: c.version,
        };
        let bytes = rmp_serde::to_vec_named(&old).unwrap();
        let back: CaseRecord = rmp_serde::from_slice(&bytes).unwrap();
        assert_eq!(back.number, c.number);
        assert_eq!(back.assignee, None);
        assert!(back.links.is_empty() && back.extensions.is_empty());
    }
}

//! What is written to disk: the store's own record types, apart from the domain's (DESIGN 2.1).
//!
//! The domain's `Case` is what the engine and the wire work with (its text and its history
//! included); a [`CaseRecord`] is what the `cases` tree holds (neither: the text is written
//! once in `texts`, the events one by one in `history`), and an [`EventRecord`] is one entry of
//! `history`. Every struct or enum with fields that these hold is a record of its own here too
//! ([`MatterRecord`], [`ApplicantRecord`], [`LinkRecord`], [`ExtensionRecord`],
//! [`NoticeRecord`], [`DecisionRecord`], [`IntakeRefusalRecord`], [`EventKindRecord`],
//! [`ActorRecord`], [`SnapshotRecord`]), converted to and from the domain's types. The domain
//! may change shape without changing these; a change of these is a new schema version with a
//! migration (`super::SCHEMA_VERSION`).
//!
//! Shared with the domain, on purpose: the plain spelled vocabulary, `Status`, `Medium`,
//! `Addressee`, `Channel`, `Ground`, `Form`, `Outcome`, `Relation`, `NoticeKind` and `Term`.
//! Each is written as one plain string (`"local-body"`, `"extension-notice"`, `"10wd"`): they
//! are the law's words with one stable spelling each, the same on disk, on the wire and in
//! exports, and a change of a spelling is a schema change wherever it is made.
//!
//! Schema 1 is the byte format written before these types existed (when `Case` itself was the
//! record): the field names and `serde` attributes below keep it, byte for byte (the test
//! `records_write_the_bytes_the_domain_types_wrote` below), and `tests/store_fixture.rs` opens a
//! database written then.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::domain::case::{
    Actor, Applicant, ApplicantError, Case, Decision, Event, EventKind, IntakeRefusal, Link,
    Matter, Outcome, PartyId, Relation, StateSnapshot, Status,
};
use crate::domain::deadline::{Extension, NoticeKind, NoticeSent};
use crate::domain::vocabulary::{Addressee, Channel, Form, Ground, Medium, Term};

/// A case in the `cases` tree: its current state, without its original text and history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CaseRecord {
    pub number: String,
    pub matter: MatterRecord,
    pub medium: Medium,
    pub applicant: ApplicantRecord,
    pub registered: NaiveDate,
    pub subject: String,
    #[serde(default)]
    pub assignee: Option<String>,
    pub status: Status,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub links: Vec<LinkRecord>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub extensions: Vec<ExtensionRecord>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notices: Vec<NoticeRecord>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decision: Option<DecisionRecord>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub intake_refusal: Option<IntakeRefusalRecord>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub closed: Option<NaiveDate>,
    pub version: u64,
}

impl From<&Case> for CaseRecord {
    fn from(c: &Case) -> CaseRecord {
        CaseRecord {
            number: c.number.clone(),
            matter: MatterRecord::from(&c.matter),
            medium: c.medium,
            applicant: ApplicantRecord::from(&c.applicant),
            registered: c.registered,
            subject: c.subject.clone(),
            assignee: c.assignee.clone(),
            status: c.status,
            links: c.links.iter().map(LinkRecord::from).collect(),
            extensions: c.extensions.iter().map(ExtensionRecord::from).collect(),
            notices: c.notices.iter().map(NoticeRecord::from).collect(),
            decision: c.decision.as_ref().map(DecisionRecord::from),
            intake_refusal: c.intake_refusal.as_ref().map(IntakeRefusalRecord::from),
            closed: c.closed,
            version: c.version,
        }
    }
}

impl CaseRecord {
    /// The domain case, with its original text and its history as read from their trees. Fails
    /// as reading the domain's `Case` did when the applicant's IIN or BIN does not check.
    pub fn into_case(self, text: String, events: Vec<Event>) -> Result<Case, ApplicantError> {
        Ok(Case {
            number: self.number,
            matter: self.matter.into(),
            medium: self.medium,
            applicant: Applicant::try_from(self.applicant)?,
            registered: self.registered,
            subject: self.subject,
            text,
            assignee: self.assignee,
            status: self.status,
            links: self.links.into_iter().map(Link::from).collect(),
            extensions: self.extensions.into_iter().map(Extension::from).collect(),
            notices: self.notices.into_iter().map(NoticeSent::from).collect(),
            decision: self.decision.map(Decision::from),
            intake_refusal: self.intake_refusal.map(IntakeRefusal::from),
            closed: self.closed,
            version: self.version,
            events,
        })
    }
}

/// What a case is about, by kind (the domain's `Matter`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum MatterRecord {
    Complaint {
        addressee: Addressee,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        set_due: Option<NaiveDate>,
    },
    Application {
        channel: Channel,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        service: Option<String>,
        term: Term,
    },
}

impl From<&Matter> for MatterRecord {
    fn from(m: &Matter) -> MatterRecord {
        match m {
            Matter::Complaint { addressee, set_due } => MatterRecord::Complaint {
                addressee: *addressee,
                set_due: *set_due,
            },
            Matter::Application {
                channel,
                service,
                term,
            } => MatterRecord::Application {
                channel: *channel,
                service: service.clone(),
                term: *term,
            },
        }
    }
}

impl From<MatterRecord> for Matter {
    fn from(m: MatterRecord) -> Matter {
        match m {
            MatterRecord::Complaint { addressee, set_due } => {
                Matter::Complaint { addressee, set_due }
            }
            MatterRecord::Application {
                channel,
                service,
                term,
            } => Matter::Application {
                channel,
                service,
                term,
            },
        }
    }
}

/// The applicant as written: `{"name": ..., "iin": ...}` or `{"name": ..., "bin": ...}`. Read
/// back through [`Applicant::from_written`], which checks the IIN or BIN.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ApplicantRecord {
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub iin: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bin: Option<String>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub contact: String,
}

impl From<&Applicant> for ApplicantRecord {
    fn from(a: &Applicant) -> ApplicantRecord {
        let (iin, bin) = match &a.id {
            PartyId::Individual(i) => (Some(i.to_string()), None),
            PartyId::Entity(b) => (None, Some(b.to_string())),
        };
        ApplicantRecord {
            name: a.name.clone(),
            iin,
            bin,
            contact: a.contact.clone(),
        }
    }
}

impl TryFrom<ApplicantRecord> for Applicant {
    type Error = ApplicantError;
    fn try_from(r: ApplicantRecord) -> Result<Applicant, ApplicantError> {
        Applicant::from_written(r.name, r.iin, r.bin, r.contact)
    }
}

/// A link to another case.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LinkRecord {
    pub number: String,
    pub relation: Relation,
}

impl From<&Link> for LinkRecord {
    fn from(l: &Link) -> LinkRecord {
        LinkRecord {
            number: l.number.clone(),
            relation: l.relation,
        }
    }
}

impl From<LinkRecord> for Link {
    fn from(l: LinkRecord) -> Link {
        Link {
            number: l.number,
            relation: l.relation,
        }
    }
}

/// One extension of a complaint's term (Art. 25.4).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExtensionRecord {
    pub date: NaiveDate,
    pub days: u32,
    pub ground: Ground,
    #[serde(default)]
    pub reason: String,
}

impl From<&Extension> for ExtensionRecord {
    fn from(e: &Extension) -> ExtensionRecord {
        ExtensionRecord {
            date: e.date,
            days: e.days,
            ground: e.ground,
            reason: e.reason.clone(),
        }
    }
}

impl From<ExtensionRecord> for Extension {
    fn from(e: ExtensionRecord) -> Extension {
        Extension {
            date: e.date,
            days: e.days,
            ground: e.ground,
            reason: e.reason,
        }
    }
}

/// A notice or result sent (the domain's `NoticeSent`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NoticeRecord {
    pub kind: NoticeKind,
    pub sent: NaiveDate,
    pub form: Form,
    #[serde(default)]
    pub reference: String,
}

impl From<&NoticeSent> for NoticeRecord {
    fn from(n: &NoticeSent) -> NoticeRecord {
        NoticeRecord {
            kind: n.kind,
            sent: n.sent,
            form: n.form,
            reference: n.reference.clone(),
        }
    }
}

impl From<NoticeRecord> for NoticeSent {
    fn from(n: NoticeRecord) -> NoticeSent {
        NoticeSent {
            kind: n.kind,
            sent: n.sent,
            form: n.form,
            reference: n.reference,
        }
    }
}

/// A decision with its date and, for a refusal, its ground.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DecisionRecord {
    pub outcome: Outcome,
    pub date: NaiveDate,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ground: Option<String>,
}

impl From<&Decision> for DecisionRecord {
    fn from(d: &Decision) -> DecisionRecord {
        DecisionRecord {
            outcome: d.outcome,
            date: d.date,
            ground: d.ground.clone(),
        }
    }
}

impl From<DecisionRecord> for Decision {
    fn from(d: DecisionRecord) -> Decision {
        Decision {
            outcome: d.outcome,
            date: d.date,
            ground: d.ground,
        }
    }
}

/// A refusal at intake (Art. 20.2).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IntakeRefusalRecord {
    pub date: NaiveDate,
    pub reason: String,
}

impl From<&IntakeRefusal> for IntakeRefusalRecord {
    fn from(r: &IntakeRefusal) -> IntakeRefusalRecord {
        IntakeRefusalRecord {
            date: r.date,
            reason: r.reason.clone(),
        }
    }
}

impl From<IntakeRefusalRecord> for IntakeRefusal {
    fn from(r: IntakeRefusalRecord) -> IntakeRefusal {
        IntakeRefusal {
            date: r.date,
            reason: r.reason,
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

impl From<&Actor> for ActorRecord {
    fn from(a: &Actor) -> ActorRecord {
        ActorRecord {
            uid: a.uid,
            login: a.login.clone(),
            name: a.name.clone(),
        }
    }
}

impl From<ActorRecord> for Actor {
    fn from(a: ActorRecord) -> Actor {
        Actor {
            uid: a.uid,
            login: a.login,
            name: a.name,
        }
    }
}

/// The status and assignee before and after an entry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SnapshotRecord {
    pub status: Status,
    #[serde(default)]
    pub assignee: Option<String>,
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

/// What happened, as history spells it (the domain's `EventKind`): these spellings are the
/// history's words in exports too, and they change only with a schema version.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "event", rename_all = "kebab-case")]
pub enum EventKindRecord {
    Registered {
        number: String,
        date: NaiveDate,
    },
    Assigned {
        #[serde(default)]
        to: Option<String>,
    },
    Extended {
        date: NaiveDate,
        days: u32,
        ground: Ground,
        #[serde(default)]
        reason: String,
    },
    NoticeSent {
        kind: NoticeKind,
        sent: NaiveDate,
        form: Form,
        #[serde(default)]
        reference: String,
    },
    AnswerSent {
        sent: NaiveDate,
        form: Form,
        #[serde(default)]
        reference: String,
    },
    NoteAdded {
        text: String,
    },
    Decided {
        outcome: Outcome,
        date: NaiveDate,
        #[serde(default)]
        ground: Option<String>,
    },
    Closed {
        date: NaiveDate,
    },
    Reopened {
        date: NaiveDate,
        #[serde(default)]
        reason: String,
    },
    DueSet {
        due: NaiveDate,
    },
    RefusedAtIntake {
        date: NaiveDate,
        reason: String,
    },
    Linked {
        number: String,
        relation: Relation,
    },
}

impl From<&EventKind> for EventKindRecord {
    fn from(k: &EventKind) -> EventKindRecord {
        use EventKindRecord as R;
        match k.clone() {
            EventKind::Registered { number, date } => R::Registered { number, date },
            EventKind::Assigned { to } => R::Assigned { to },
            EventKind::Extended {
                date,
                days,
                ground,
                reason,
            } => R::Extended {
                date,
                days,
                ground,
                reason,
            },
            EventKind::NoticeSent {
                kind,
                sent,
                form,
                reference,
            } => R::NoticeSent {
                kind,
                sent,
                form,
                reference,
            },
            EventKind::AnswerSent {
                sent,
                form,
                reference,
            } => R::AnswerSent {
                sent,
                form,
                reference,
            },
            EventKind::NoteAdded { text } => R::NoteAdded { text },
            EventKind::Decided {
                outcome,
                date,
                ground,
            } => R::Decided {
                outcome,
                date,
                ground,
            },
            EventKind::Closed { date } => R::Closed { date },
            EventKind::Reopened { date, reason } => R::Reopened { date, reason },
            EventKind::DueSet { due } => R::DueSet { due },
            EventKind::RefusedAtIntake { date, reason } => R::RefusedAtIntake { date, reason },
            EventKind::Linked { number, relation } => R::Linked { number, relation },
        }
    }
}

impl From<EventKindRecord> for EventKind {
    fn from(k: EventKindRecord) -> EventKind {
        use EventKindRecord as R;
        match k {
            R::Registered { number, date } => EventKind::Registered { number, date },
            R::Assigned { to } => EventKind::Assigned { to },
            R::Extended {
                date,
                days,
                ground,
                reason,
            } => EventKind::Extended {
                date,
                days,
                ground,
                reason,
            },
            R::NoticeSent {
                kind,
                sent,
                form,
                reference,
            } => EventKind::NoticeSent {
                kind,
                sent,
                form,
                reference,
            },
            R::AnswerSent {
                sent,
                form,
                reference,
            } => EventKind::AnswerSent {
                sent,
                form,
                reference,
            },
            R::NoteAdded { text } => EventKind::NoteAdded { text },
            R::Decided {
                outcome,
                date,
                ground,
            } => EventKind::Decided {
                outcome,
                date,
                ground,
            },
            R::Closed { date } => EventKind::Closed { date },
            R::Reopened { date, reason } => EventKind::Reopened { date, reason },
            R::DueSet { due } => EventKind::DueSet { due },
            R::RefusedAtIntake { date, reason } => EventKind::RefusedAtIntake { date, reason },
            R::Linked { number, relation } => EventKind::Linked { number, relation },
        }
    }
}

/// One entry of the `history` tree: inserted once, never replaced.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventRecord {
    pub version: u64,
    pub at: DateTime<Utc>,
    pub by: ActorRecord,
    pub what: EventKindRecord,
    #[serde(default)]
    pub before: Option<SnapshotRecord>,
    pub after: SnapshotRecord,
}

impl From<&Event> for EventRecord {
    fn from(e: &Event) -> EventRecord {
        EventRecord {
            version: e.version,
            at: e.at,
            by: ActorRecord::from(&e.by),
            what: EventKindRecord::from(&e.what),
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
            by: e.by.into(),
            what: e.what.into(),
            before: e.before.map(StateSnapshot::from),
            after: e.after.into(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::calendar::Calendar;
    use crate::domain::case::NewCase;
    use crate::domain::ids::{Bin, Iin};
    use crate::domain::rules::RuleBook;

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
        assert_eq!(record.into_case(c.text.clone(), events).unwrap(), c);
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

    /// A case with every field filled and every event kind, built as data (encoding does not
    /// check the law): `kind` picks the matter, and with it an applicant by IIN or by BIN.
    fn full_case(application: bool) -> Case {
        let d = |s: &str| -> NaiveDate { s.parse().unwrap() };
        let by = Actor {
            uid: 1001,
            login: "bolat".into(),
            name: "Болат".into(),
        };
        let at = DateTime::from_timestamp(1_774_100_000, 0).unwrap();
        let snap = |status, assignee: Option<&str>| StateSnapshot {
            status,
            assignee: assignee.map(String::from),
        };
        let kinds = vec![
            EventKind::Registered {
                number: "KZ-2026-000002".into(),
                date: d("2026-03-02"),
            },
            EventKind::Assigned {
                to: Some("bolat".into()),
            },
            EventKind::Assigned { to: None },
            EventKind::Extended {
                date: d("2026-03-05"),
                days: 5,
                ground: Ground::Verification,
                reason: "Жерге шығу".into(),
            },
            EventKind::NoticeSent {
                kind: NoticeKind::ExtensionNotice,
                sent: d("2026-03-06"),
                form: Form::Written,
                reference: "№ 12".into(),
            },
            EventKind::AnswerSent {
                sent: d("2026-03-10"),
                form: Form::Electronic,
                reference: String::new(),
            },
            EventKind::NoteAdded {
                text: "Позвонил заявителю".into(),
            },
            EventKind::Decided {
                outcome: Outcome::Refused,
                date: d("2026-03-09"),
                ground: Some("19-1.2.1".into()),
            },
            EventKind::Decided {
                outcome: Outcome::Satisfied,
                date: d("2026-03-09"),
                ground: None,
            },
            EventKind::Closed {
                date: d("2026-03-11"),
            },
            EventKind::Reopened {
                date: d("2026-03-12"),
                reason: "Қате".into(),
            },
            EventKind::DueSet {
                due: d("2026-04-01"),
            },
            EventKind::RefusedAtIntake {
                date: d("2026-03-02"),
                reason: "Құжаттар толық емес".into(),
            },
            EventKind::Linked {
                number: "KZ-2026-000001".into(),
                relation: Relation::Reapplication,
            },
        ];
        let events = kinds
            .into_iter()
            .enumerate()
            .map(|(i, what)| Event {
                version: i as u64 + 1,
                at,
                by: by.clone(),
                what,
                before: (i > 0).then(|| snap(Status::InProgress, Some("bolat"))),
                after: snap(Status::Extended, None),
            })
            .collect::<Vec<_>>();
        let (matter, id) = if application {
            (
                Matter::Application {
                    channel: Channel::StateCorporation,
                    service: Some("00401001".into()),
                    term: "10wd".parse().unwrap(),
                },
                PartyId::Entity(Bin::parse("990340000014").unwrap()),
            )
        } else {
            (
                Matter::Complaint {
                    addressee: Addressee::SuperiorBody,
                    set_due: Some(d("2026-04-01")),
                },
                PartyId::Individual(Iin::parse("870412300005").unwrap()),
            )
        };
        Case {
            number: "KZ-2026-000002".into(),
            matter,
            medium: Medium::Electronic,
            applicant: Applicant {
                name: "Нұрлан Әбенов".into(),
                id,
                contact: "+7 701 000 00 00".into(),
            },
            registered: d("2026-03-02"),
            subject: "Анықтама берілмеді".into(),
            text: "Өтінішіме жауап жоқ.".into(),
            assignee: Some("bolat".into()),
            status: Status::Closed,
            links: vec![
                Link {
                    number: "KZ-2026-000001".into(),
                    relation: Relation::Reapplication,
                },
                Link {
                    number: "KZ-2026-000003".into(),
                    relation: Relation::SameApplication,
                },
            ],
            extensions: vec![Extension {
                date: d("2026-03-05"),
                days: 5,
                ground: Ground::Information,
                reason: String::new(),
            }],
            notices: vec![
                NoticeSent {
                    kind: NoticeKind::ExtensionNotice,
                    sent: d("2026-03-06"),
                    form: Form::Written,
                    reference: "№ 12".into(),
                },
                NoticeSent {
                    kind: NoticeKind::ResultToStateCorporation,
                    sent: d("2026-03-07"),
                    form: Form::Electronic,
                    reference: String::new(),
                },
            ],
            decision: Some(Decision {
                outcome: Outcome::Refused,
                date: d("2026-03-09"),
                ground: Some("19-1.2.1".into()),
            }),
            intake_refusal: Some(IntakeRefusal {
                date: d("2026-03-02"),
                reason: "Құжаттар толық емес".into(),
            }),
            closed: Some(d("2026-03-11")),
            version: 14,
            events,
        }
    }

    /// The `cases` record as it was written before the store had nested records of its own:
    /// the domain's types, with their own serde.
    #[derive(Serialize)]
    struct OldCaseRecord<'a> {
        number: &'a String,
        matter: &'a Matter,
        medium: Medium,
        applicant: &'a Applicant,
        registered: NaiveDate,
        subject: &'a String,
        assignee: &'a Option<String>,
        status: Status,
        #[serde(skip_serializing_if = "Vec::is_empty")]
        links: &'a Vec<Link>,
        #[serde(skip_serializing_if = "Vec::is_empty")]
        extensions: &'a Vec<Extension>,
        #[serde(skip_serializing_if = "Vec::is_empty")]
        notices: &'a Vec<NoticeSent>,
        #[serde(skip_serializing_if = "Option::is_none")]
        decision: &'a Option<Decision>,
        #[serde(skip_serializing_if = "Option::is_none")]
        intake_refusal: &'a Option<IntakeRefusal>,
        #[serde(skip_serializing_if = "Option::is_none")]
        closed: &'a Option<NaiveDate>,
        version: u64,
    }

    fn old_case_record(c: &Case) -> OldCaseRecord<'_> {
        OldCaseRecord {
            number: &c.number,
            matter: &c.matter,
            medium: c.medium,
            applicant: &c.applicant,
            registered: c.registered,
            subject: &c.subject,
            assignee: &c.assignee,
            status: c.status,
            links: &c.links,
            extensions: &c.extensions,
            notices: &c.notices,
            decision: &c.decision,
            intake_refusal: &c.intake_refusal,
            closed: &c.closed,
            version: c.version,
        }
    }

    /// The store's records write exactly the bytes the domain's types wrote (schema 1), for
    /// every nested type and every event kind, and read them back to the same domain values.
    #[test]
    fn records_write_the_bytes_the_domain_types_wrote() {
        let mut cases = vec![full_case(false), full_case(true), case()];
        // And with the optional parts empty, so that the skipped fields are skipped alike.
        let mut bare = full_case(true);
        bare.links.clear();
        bare.extensions.clear();
        bare.notices.clear();
        bare.decision = None;
        bare.intake_refusal = None;
        bare.closed = None;
        bare.assignee = None;
        cases.push(bare);
        let mut satisfied = full_case(false);
        satisfied.decision = Some(Decision {
            outcome: Outcome::Satisfied,
            date: "2026-03-09".parse().unwrap(),
            ground: None,
        });
        cases.push(satisfied);
        let names: std::collections::BTreeSet<&str> =
            cases[0].events.iter().map(|e| e.what.name()).collect();
        assert_eq!(names.len(), 12, "every event kind: {names:?}");

        for c in &cases {
            let new = rmp_serde::to_vec_named(&CaseRecord::from(c)).unwrap();
            let old = rmp_serde::to_vec_named(&old_case_record(c)).unwrap();
            assert_eq!(new, old, "case {:?}", c.matter);
            assert_eq!(
                serde_json::to_string(&CaseRecord::from(c)).unwrap(),
                serde_json::to_string(&old_case_record(c)).unwrap()
            );
            let record: CaseRecord = rmp_serde::from_slice(&old).unwrap();
            let events: Vec<Event> = c
                .events
                .iter()
                .map(|e| {
                    let new = rmp_serde::to_vec_named(&EventRecord::from(e)).unwrap();
                    let old = rmp_serde::to_vec_named(e).unwrap();
                    assert_eq!(new, old, "event {}", e.what.name());
                    assert_eq!(
                        serde_json::to_string(&EventRecord::from(e)).unwrap(),
                        serde_json::to_string(e).unwrap()
                    );
                    Event::from(rmp_serde::from_slice::<EventRecord>(&old).unwrap())
                })
                .collect();
            assert_eq!(&record.into_case(c.text.clone(), events).unwrap(), c);
        }
    }

    /// An applicant whose IIN does not check fails to read, as the domain's `Case` did.
    #[test]
    fn a_record_with_a_bad_iin_does_not_read() {
        let mut record = CaseRecord::from(&case());
        record.applicant.iin = Some("870412300006".into());
        let bytes = rmp_serde::to_vec_named(&record).unwrap();
        let back: CaseRecord = rmp_serde::from_slice(&bytes).unwrap();
        let err = back.into_case(String::new(), Vec::new()).unwrap_err();
        let old = rmp_serde::from_slice::<Applicant>(
            &rmp_serde::to_vec_named(&record.applicant).unwrap(),
        )
        .unwrap_err();
        assert_eq!(err.to_string(), old.to_string());
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

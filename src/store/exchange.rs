//! The JSON Lines shape of a case (issue 3), one case per line, and a line reader that never
//! holds more than one bounded line in memory.
//!
//! Export writes every field plus `status`, `version` and `history`; an import accepts the same
//! shape with only the registration fields required. With `history`, the case is rebuilt by
//! replaying it, and the other fields must agree with the result; without it, the fields become
//! events (registered, assigned, due set, extensions, notices, decision, closing) recorded by the
//! importing user.

use std::io::{self, BufRead, Read};

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::domain::calendar::Calendar;
use crate::domain::case::{
    Actor, Applicant, Case, Decision, Event, EventKind, IntakeRefusal, Link, Matter, NewCase,
    Outcome, Status,
};
use crate::domain::deadline::{Extension, NoticeKind, NoticeSent};
use crate::domain::ids::{check_case_number, check_login};
use crate::domain::rules::RuleBook;
use crate::domain::services::Register;
use crate::domain::vocabulary::{Addressee, CaseKind, Channel, Medium, Term};

/// The longest line an import reads: far above any real case, far below what would hurt.
pub const MAX_LINE_BYTES: usize = 4 * 1024 * 1024;

/// How a case was closed, as the import shape writes it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClosedLine {
    pub date: NaiveDate,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outcome: Option<Outcome>,
}

/// One case as a line of JSON.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CaseLine {
    pub number: String,
    pub kind: CaseKind,
    pub registered: NaiveDate,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub addressee: Option<Addressee>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub medium: Option<Medium>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub set_due: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub channel: Option<Channel>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub service: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub term: Option<Term>,
    pub applicant: Applicant,
    pub subject: String,
    #[serde(default)]
    pub text: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub assignee: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub links: Vec<Link>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub extensions: Vec<Extension>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notices: Vec<NoticeSent>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decided: Option<Decision>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub refused_at_intake: Option<IntakeRefusal>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub closed: Option<ClosedLine>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<Status>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub history: Option<Vec<Event>>,
}

/// What an import needs besides the line: the law, the register, who imports, and when.
pub struct ImportContext<'a> {
    pub calendar: &'a Calendar,
    pub rules: &'a RuleBook,
    pub services: &'a Register,
    pub actor: Actor,
    pub at: DateTime<Utc>,
    pub today: NaiveDate,
}

impl CaseLine {
    /// The line of a case (loaded with its text and history).
    pub fn from_case(case: &Case, with_history: bool) -> CaseLine {
        let (addressee, set_due, channel, service, term) = match &case.matter {
            Matter::Complaint { addressee, set_due } => {
                (Some(*addressee), *set_due, None, None, None)
            }
            Matter::Application {
                channel,
                service,
                term,
            } => (None, None, Some(*channel), service.clone(), Some(*term)),
        };
        CaseLine {
            number: case.number.clone(),
            kind: case.kind(),
            registered: case.registered,
            addressee,
            medium: Some(case.medium),
            set_due,
            channel,
            service,
            term,
            applicant: case.applicant.clone(),
            subject: case.subject.clone(),
            text: case.text.clone(),
            assignee: case.assignee.clone(),
            links: case.links.clone(),
            extensions: case.extensions.clone(),
            notices: case.notices.clone(),
            decided: case.decision.clone(),
            refused_at_intake: case.intake_refusal.clone(),
            closed: case.closed.map(|date| ClosedLine {
                date,
                outcome: case.decision.as_ref().map(|d| d.outcome),
            }),
            status: Some(case.status),
            version: Some(case.version),
            history: with_history.then(|| case.events.clone()),
        }
    }

    /// The registration data of the line.
    fn new_case(&self, ctx: &ImportContext<'_>) -> Result<NewCase, String> {
        let matter = match self.kind {
            CaseKind::Complaint => {
                if self.channel.is_some() || self.service.is_some() || self.term.is_some() {
                    return Err("a complaint has no 'channel', 'service' or 'term'; those are for applications".into());
                }
                let addressee = self
                    .addressee
                    .ok_or("a complaint needs 'addressee' (it decides the term, Art. 25.2)")?;
                let set_due = match &self.history {
                    // A due date set later is an event of its own.
                    Some(h) if h.iter().any(|e| matches!(e.what, EventKind::DueSet { .. })) => None,
                    Some(_) => self.set_due,
                    None => None,
                };
                Matter::Complaint { addressee, set_due }
            }
            CaseKind::Application => {
                if self.addressee.is_some() || self.set_due.is_some() {
                    return Err(
                        "an application has no 'addressee' or 'set_due'; those are for complaints"
                            .into(),
                    );
                }
                let channel = self
                    .channel
                    .ok_or("an application needs 'channel' (Art. 18)")?;
                let term = match (&self.term, &self.service) {
                    (Some(t), _) => *t,
                    (None, Some(code)) => {
                        let s = ctx.services.get(code).ok_or_else(|| {
                            format!("service '{code}' is not in the register; give its 'term'")
                        })?;
                        s.term(channel)
                            .ok_or_else(|| format!("service '{code}' is not offered through '{channel}'; give its 'term'"))?
                    }
                    (None, None) => return Err(
                        "an application needs 'term' (e.g. '10wd') or a 'service' of the register"
                            .into(),
                    ),
                };
                Matter::Application {
                    channel,
                    service: self.service.clone(),
                    term,
                }
            }
        };
        let medium = match (self.medium, self.kind, self.channel) {
            (Some(m), _, _) => m,
            (None, CaseKind::Complaint, _) => {
                return Err("a complaint needs 'medium' ('paper' or 'electronic'): it decides the form of its notices (Art. 25.4)".into());
            }
            (None, _, Some(Channel::Provider | Channel::StateCorporation)) => Medium::Paper,
            (None, _, _) => Medium::Electronic,
        };
        Ok(NewCase {
            matter,
            medium,
            applicant: self.applicant.clone(),
            registered: self.registered,
            subject: self.subject.clone(),
            text: self.text.clone(),
        })
    }

    /// The case the line describes, validated with the domain rules; the message says what is
    /// wrong.
    pub fn to_case(&self, ctx: &ImportContext<'_>) -> Result<Case, String> {
        check_case_number(&self.number).map_err(|e| format!("'number': {e}"))?;
        if let Some(a) = &self.assignee {
            check_login(a).map_err(|e| format!("'assignee': {e}"))?;
        }
        for l in &self.links {
            check_case_number(&l.number).map_err(|e| format!("'links': {e}"))?;
        }
        let new = self.new_case(ctx)?;
        let case = match &self.history {
            Some(history) => {
                let mut case =
                    Case::replay(new, history.clone(), ctx.calendar, ctx.rules, ctx.today)
                        .map_err(|e| format!("'history' does not rebuild the case: {e}"))?;
                case.text = self.text.clone();
                if let Some(EventKind::Registered { number, .. }) = history.first().map(|e| &e.what)
                    && *number != self.number
                {
                    return Err(format!(
                        "'history' registers '{number}', not '{}'",
                        self.number
                    ));
                }
                case
            }
            None => self.build_from_fields(new, ctx)?,
        };
        self.agrees_with(&case)?;
        Ok(case)
    }

    /// The events the fields stand for, applied in the order the law makes them happen.
    fn build_from_fields(&self, new: NewCase, ctx: &ImportContext<'_>) -> Result<Case, String> {
        let (cal, rules, today) = (ctx.calendar, ctx.rules, ctx.today);
        let mut case = Case::register(
            new,
            self.number.clone(),
            ctx.actor.clone(),
            ctx.at,
            cal,
            rules,
            today,
        )
        .map_err(|e| e.to_string())?;
        let mut events = Vec::new();
        if let Some(a) = &self.assignee {
            events.push(EventKind::Assigned {
                to: Some(a.clone()),
            });
        }
        if let Some(due) = self.set_due {
            events.push(EventKind::DueSet { due });
        }
        if let Some(r) = &self.refused_at_intake {
            events.push(EventKind::RefusedAtIntake {
                date: r.date,
                reason: r.reason.clone(),
            });
        }
        for e in &self.extensions {
            events.push(EventKind::Extended {
                date: e.date,
                days: e.days,
                ground: e.ground,
                reason: e.reason.clone(),
            });
        }
        let decision = match (&self.decided, &self.closed) {
            (
                Some(d),
                Some(ClosedLine {
                    outcome: Some(o), ..
                }),
            ) if d.outcome != *o => {
                return Err(format!(
                    "'closed' says '{o}' but 'decided' says '{}'",
                    d.outcome
                ));
            }
            (Some(d), _) => Some(d.clone()),
            (None, Some(c)) => {
                let outcome = c
                    .outcome
                    .ok_or("'closed' needs the 'outcome' the case was decided with")?;
                Some(Decision {
                    outcome,
                    date: c.date,
                    ground: None,
                })
            }
            (None, None) => None,
        };
        for n in &self.notices {
            events.push(match n.kind {
                NoticeKind::Answer | NoticeKind::Result => EventKind::AnswerSent {
                    sent: n.sent,
                    form: n.form,
                    reference: n.reference.clone(),
                },
                kind => EventKind::NoticeSent {
                    kind,
                    sent: n.sent,
                    form: n.form,
                    reference: n.reference.clone(),
                },
            });
        }
        if let Some(d) = decision {
            events.push(EventKind::Decided {
                outcome: d.outcome,
                date: d.date,
                ground: d.ground,
            });
        }
        if let Some(c) = &self.closed {
            events.push(EventKind::Closed { date: c.date });
        }
        for l in &self.links {
            events.push(EventKind::Linked {
                number: l.number.clone(),
                relation: l.relation,
            });
        }
        for e in events {
            let name = e.name();
            case.apply(e, ctx.actor.clone(), ctx.at, cal, rules, today)
                .map_err(|err| format!("{name}: {err}"))?;
        }
        Ok(case)
    }

    /// The line's own fields must say what the built case says.
    fn agrees_with(&self, case: &Case) -> Result<(), String> {
        let built = CaseLine::from_case(case, self.history.is_some());
        let given = serde_json::to_value(self).map_err(|e| e.to_string())?;
        let built = serde_json::to_value(&built).map_err(|e| e.to_string())?;
        let (Some(given), Some(built)) = (given.as_object(), built.as_object()) else {
            return Ok(());
        };
        for (key, value) in built {
            // Fields an import may leave out: the computed ones, and those with a default.
            let optional = matches!(key.as_str(), "status" | "version" | "medium" | "term")
                || (key == "decided" && given.contains_key("closed"));
            match given.get(key) {
                None if optional => {}
                None => {
                    return Err(format!(
                        "'{key}' is missing though the case has it: {value}"
                    ));
                }
                Some(v) if v != value => {
                    return Err(format!(
                        "'{key}' is {v} but the case it describes has {value}"
                    ));
                }
                Some(_) => {}
            }
        }
        if let Some(key) = given.keys().find(|k| !built.contains_key(*k)) {
            return Err(format!("'{key}' does not fit the case it describes"));
        }
        Ok(())
    }
}

/// A line that cannot be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LineProblem {
    TooLong { limit: usize },
    NotUtf8 { offset: usize },
}

impl std::fmt::Display for LineProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            LineProblem::TooLong { limit } => write!(
                f,
                "the line is longer than {} MiB; a case is at most that long",
                limit / (1024 * 1024)
            ),
            LineProblem::NotUtf8 { offset } => {
                write!(
                    f,
                    "the line is not valid UTF-8 (at byte {offset}); save the file as UTF-8"
                )
            }
        }
    }
}

/// Reads lines of at most `limit` bytes without holding a longer one: its rest is skipped.
pub struct Lines<R> {
    reader: R,
    limit: usize,
    number: usize,
    buf: Vec<u8>,
}

impl<R: BufRead> Lines<R> {
    pub fn new(reader: R, limit: usize) -> Lines<R> {
        Lines {
            reader,
            limit,
            number: 0,
            buf: Vec::new(),
        }
    }

    /// The next line's number and text (without its line end), or `None` at the end.
    #[allow(clippy::type_complexity)]
    pub fn next_line(&mut self) -> io::Result<Option<(usize, Result<String, LineProblem>)>> {
        self.buf.clear();
        let read = self
            .reader
            .by_ref()
            .take(self.limit as u64 + 1)
            .read_until(b'\n', &mut self.buf)?;
        if read == 0 {
            return Ok(None);
        }
        self.number += 1;
        let ended = self.buf.last() == Some(&b'\n');
        if !ended && self.buf.len() > self.limit {
            // Skip to the end of this line without keeping it.
            loop {
                let chunk = self.reader.fill_buf()?;
                if chunk.is_empty() {
                    break;
                }
                match chunk.iter().position(|b| *b == b'\n') {
                    Some(i) => {
                        self.reader.consume(i + 1);
                        break;
                    }
                    None => {
                        let n = chunk.len();
                        self.reader.consume(n);
                    }
                }
            }
            self.buf.clear();
            return Ok(Some((
                self.number,
                Err(LineProblem::TooLong { limit: self.limit }),
            )));
        }
        if ended {
            self.buf.pop();
            if self.buf.last() == Some(&b'\r') {
                self.buf.pop();
            }
        }
        let bytes = std::mem::take(&mut self.buf);
        Ok(Some((
            self.number,
            String::from_utf8(bytes).map_err(|e| LineProblem::NotUtf8 {
                offset: e.utf8_error().valid_up_to(),
            }),
        )))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(input: &[u8], limit: usize) -> Vec<(usize, Result<String, LineProblem>)> {
        let mut l = Lines::new(input, limit);
        let mut out = Vec::new();
        while let Some(x) = l.next_line().unwrap() {
            out.push(x);
        }
        out
    }

    #[test]
    fn lines_are_bounded() {
        let got = lines(b"ab\r\ncdefghij\nk\n\xff\n", 4);
        assert_eq!(got[0], (1, Ok("ab".into())));
        assert_eq!(got[1], (2, Err(LineProblem::TooLong { limit: 4 })));
        assert_eq!(got[2], (3, Ok("k".into())));
        assert_eq!(got[3], (4, Err(LineProblem::NotUtf8 { offset: 0 })));
        assert_eq!(got.len(), 4);
        // Exactly at the limit, with and without a final newline.
        assert_eq!(
            lines(b"abcd\nabcd", 4),
            vec![(1, Ok("abcd".into())), (2, Ok("abcd".into()))]
        );
    }
}

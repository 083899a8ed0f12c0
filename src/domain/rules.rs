//! The deadline rules of the Law "On state services" as data (`data/rules/*.toml`), in editions
//! chosen by a case's registration date (DESIGN 1.4).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use thiserror::Error;

use super::vocabulary::{Addressee, Ground};

/// A rules file that cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error("rules file '{file}': {message}")]
pub struct RulesDataError {
    pub file: String,
    pub message: String,
}

/// The term of a complaint to one kind of addressee (Art. 25.2).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ComplaintTerm {
    pub addressee: Addressee,
    pub working_days: u32,
    pub basis: String,
}

/// Who may extend, on which grounds, by how much (Art. 25.4).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExtensionRule {
    pub may_extend: Vec<Addressee>,
    pub grounds: Vec<Ground>,
    pub cap_working_days: u32,
    pub basis: String,
}

/// The form a notice must take.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum FormRule {
    /// Written for a paper filing, electronic for an electronic one (Art. 25.4 ¶2).
    FollowsMedium,
}

/// The notice owed to the complainant after an extension (Art. 25.4 ¶2).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NoticeRule {
    pub working_days: u32,
    pub form: FormRule,
    pub basis: String,
}

/// The quality authority's follow-up tasks (Art. 25.3): no statutory term.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FollowUpRule {
    pub addressees: Vec<Addressee>,
    pub basis: String,
}

/// Complaint rules of one edition.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ComplaintRules {
    pub answer_basis: String,
    /// Cited when an addressee has no term in this law.
    pub no_term_basis: String,
    pub term: Vec<ComplaintTerm>,
    pub extension: ExtensionRule,
    pub extension_notice: NoticeRule,
    pub follow_up: FollowUpRule,
}

impl ComplaintRules {
    /// The term for an addressee, or `None` where this law sets none (a superior body).
    pub fn term_for(&self, addressee: Addressee) -> Option<&ComplaintTerm> {
        self.term.iter().find(|t| t.addressee == addressee)
    }
}

/// Handing the result over to the State Corporation before the term ends (Art. 5.2.5).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HandoverRule {
    /// How many working days before the due date the result must be with the State Corporation.
    pub days_before: u32,
    /// The 2022 text: not required for services rendered within one working day.
    pub one_working_day_exempt: bool,
    pub basis: String,
}

/// Application rules of one edition.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ApplicationRules {
    pub result_basis: String,
    pub refusal_basis: String,
    pub handover: HandoverRule,
}

/// The rules in force from one date.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Edition {
    pub id: String,
    #[serde(deserialize_with = "toml_date")]
    pub effective_from: NaiveDate,
    pub source: String,
    pub complaint: ComplaintRules,
    pub application: ApplicationRules,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Header {
    id: String,
    law: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RulesToml {
    rules: Header,
    edition: Vec<Edition>,
}

/// All editions of the rules, oldest first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleBook {
    pub id: String,
    pub law: String,
    editions: Vec<Edition>,
}

/// No edition of the rules covers a date.
#[derive(Debug, Clone, PartialEq, Eq, Error, Serialize, Deserialize)]
#[error("no edition of the rules is in force on {date}: the earliest takes effect on {earliest}")]
pub struct NoEdition {
    pub date: NaiveDate,
    pub earliest: NaiveDate,
}

impl RuleBook {
    /// Parses and checks a rules file. `file` names it in error messages.
    pub fn parse(file: &str, text: &str) -> Result<RuleBook, RulesDataError> {
        let err = |message: String| RulesDataError {
            file: file.to_string(),
            message,
        };
        let raw: RulesToml =
            toml::from_str(text).map_err(|e| err(super::calendar::data::toml_error(&e, text)))?;
        let mut editions = raw.edition;
        if editions.is_empty() {
            return Err(err("there is no [[edition]]".into()));
        }
        editions.sort_by_key(|e| e.effective_from);
        for pair in editions.windows(2) {
            if pair[0].effective_from == pair[1].effective_from {
                return Err(err(format!(
                    "editions '{}' and '{}' take effect on the same day",
                    pair[0].id, pair[1].id
                )));
            }
        }
        for e in &editions {
            let c = &e.complaint;
            for (i, t) in c.term.iter().enumerate() {
                if c.term[..i].iter().any(|o| o.addressee == t.addressee) {
                    return Err(err(format!(
                        "edition '{}': two terms for '{}'",
                        e.id, t.addressee
                    )));
                }
                if t.working_days == 0 {
                    return Err(err(format!(
                        "edition '{}': a term of 0 days for '{}'",
                        e.id, t.addressee
                    )));
                }
            }
            if c.extension_notice.working_days == 0 {
                return Err(err(format!(
                    "edition '{}': the extension notice term is 0",
                    e.id
                )));
            }
            for basis in [
                &c.answer_basis,
                &c.extension.basis,
                &c.extension_notice.basis,
                &e.application.handover.basis,
            ] {
                if basis.trim().is_empty() {
                    return Err(err(format!(
                        "edition '{}': a rule has no article (basis)",
                        e.id
                    )));
                }
            }
        }
        Ok(RuleBook {
            id: raw.rules.id,
            law: raw.rules.law,
            editions,
        })
    }

    /// The edition in force on `registered`: the latest one that took effect on or before it.
    pub fn edition_for(&self, registered: NaiveDate) -> Result<&Edition, NoEdition> {
        self.editions
            .iter()
            .rev()
            .find(|e| e.effective_from <= registered)
            .ok_or(NoEdition {
                date: registered,
                earliest: self.editions[0].effective_from,
            })
    }

    /// All editions, oldest first.
    pub fn editions(&self) -> &[Edition] {
        &self.editions
    }
}

fn toml_date<'de, D: serde::Deserializer<'de>>(d: D) -> Result<NaiveDate, D::Error> {
    let date = toml::value::Date::deserialize(d)?;
    NaiveDate::from_ymd_opt(
        i32::from(date.year),
        u32::from(date.month),
        u32::from(date.day),
    )
    .ok_or_else(|| serde::de::Error::custom(format!("'{date}' is not a date")))
}

//! The register of state services (`data/services/*.toml`): each service's term per channel comes
//! from its own act, so it is data (DESIGN 1.3).

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use thiserror::Error;

use super::calendar::Names;
use super::vocabulary::{Channel, Term};

/// A register file that cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error("service register '{file}': {message}")]
pub struct RegisterDataError {
    pub file: String,
    pub message: String,
}

/// One state service.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Service {
    pub code: String,
    pub name: Names,
    pub provider: Names,
    /// The act that sets the term.
    pub act: String,
    pub effective_from: NaiveDate,
    pub result: Names,
    pub fee: String,
    pub terms: BTreeMap<Channel, Term>,
    pub refusal_grounds: Vec<String>,
}

impl Service {
    /// The term through a channel, if the service is offered there.
    pub fn term(&self, channel: Channel) -> Option<Term> {
        self.terms.get(&channel).copied()
    }
}

/// The register: services by code.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Register {
    pub id: String,
    pub note: String,
    services: BTreeMap<String, Service>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct NamesToml {
    kk: String,
    ru: String,
    en: String,
}

impl From<NamesToml> for Names {
    fn from(n: NamesToml) -> Names {
        Names {
            kk: n.kk,
            ru: n.ru,
            en: n.en,
        }
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ServiceToml {
    code: String,
    name: NamesToml,
    provider: NamesToml,
    act: String,
    effective_from: toml::value::Date,
    result: NamesToml,
    fee: String,
    terms: BTreeMap<Channel, Term>,
    #[serde(default)]
    refusal_grounds: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Header {
    id: String,
    #[serde(default)]
    note: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RegisterToml {
    register: Header,
    #[serde(default)]
    service: Vec<ServiceToml>,
}

impl Register {
    /// Parses and checks a register file. `file` names it in error messages.
    pub fn parse(file: &str, text: &str) -> Result<Register, RegisterDataError> {
        let err = |message: String| RegisterDataError {
            file: file.to_string(),
            message,
        };
        let raw: RegisterToml =
            toml::from_str(text).map_err(|e| err(super::calendar::data::toml_error(&e, text)))?;
        let mut services = BTreeMap::new();
        for s in raw.service {
            if s.code.trim().is_empty() {
                return Err(err("a service has an empty code".into()));
            }
            if s.terms.is_empty() {
                return Err(err(format!(
                    "service '{}' has no term for any channel",
                    s.code
                )));
            }
            let d = s.effective_from;
            let effective_from =
                NaiveDate::from_ymd_opt(i32::from(d.year), u32::from(d.month), u32::from(d.day))
                    .ok_or_else(|| err(format!("service '{}': '{d}' is not a date", s.code)))?;
            let service = Service {
                code: s.code.clone(),
                name: s.name.into(),
                provider: s.provider.into(),
                act: s.act,
                effective_from,
                result: s.result.into(),
                fee: s.fee,
                terms: s.terms,
                refusal_grounds: s.refusal_grounds,
            };
            if services.insert(s.code.clone(), service).is_some() {
                return Err(err(format!("service code '{}' is listed twice", s.code)));
            }
        }
        Ok(Register {
            id: raw.register.id,
            note: raw.register.note,
            services,
        })
    }

    /// A service by code.
    pub fn get(&self, code: &str) -> Option<&Service> {
        self.services.get(code)
    }

    /// All services in code order.
    pub fn services(&self) -> impl Iterator<Item = &Service> {
        self.services.values()
    }
}

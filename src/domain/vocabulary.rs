//! The words of the law as types: addressees, media, channels, grounds, forms, terms.
//!
//! Each enum has one spelling (kebab-case) used in data files, on the command line, in JSON and
//! in the database, and a parser whose error lists what is accepted.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};
use thiserror::Error;

/// A value that is not one of the accepted spellings.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error("'{value}' is not a valid {what}; expected one of: {expected}")]
pub struct UnknownValue {
    pub what: &'static str,
    pub value: String,
    pub expected: String,
}

macro_rules! spelled_enum {
    ($(#[$meta:meta])* $name:ident, $what:literal { $($(#[$vmeta:meta])* $variant:ident = $spelling:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        pub enum $name {
            $($(#[$vmeta])* #[serde(rename = $spelling)] $variant,)+
        }

        impl $name {
            /// Every value, in declaration order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The one spelling of this value.
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $spelling),+ }
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl FromStr for $name {
            type Err = $crate::domain::vocabulary::UnknownValue;
            fn from_str(s: &str) -> Result<Self, $crate::domain::vocabulary::UnknownValue> {
                $name::ALL.iter().copied().find(|v| v.as_str() == s).ok_or_else(|| $crate::domain::vocabulary::UnknownValue {
                    what: $what,
                    value: s.to_string(),
                    expected: $name::ALL.iter().map(|v| v.as_str()).collect::<Vec<_>>().join(", "),
                })
            }
        }
    };
}

/// Shared with the other domain types that have one spelling each (`case.rs`).
pub(crate) use spelled_enum;

spelled_enum! {
    /// To whom a complaint is addressed (Art. 25.2): decides its term and whether it may be
    /// extended.
    Addressee, "addressee" {
        /// A central state body that directly renders the service.
        CentralBody = "central-body",
        /// A local executive body or akim that directly renders the service.
        LocalBody = "local-body",
        /// A service provider (may be a private person or company).
        ServiceProvider = "service-provider",
        /// The State Corporation "Government for Citizens".
        StateCorporation = "state-corporation",
        /// The authorized body for assessment and control of the quality of state services.
        QualityAuthority = "quality-authority",
        /// A superior body that does not render the service itself (Art. 25.1: no term here).
        SuperiorBody = "superior-body",
    }
}

spelled_enum! {
    /// How the complaint or application was filed: decides the form of notices (Art. 25.4 ¶2).
    Medium, "medium" {
        Paper = "paper",
        Electronic = "electronic",
    }
}

spelled_enum! {
    /// The channel through which a state service is applied for (Art. 18).
    Channel, "channel" {
        /// The service provider directly.
        Provider = "provider",
        /// The State Corporation "Government for Citizens".
        StateCorporation = "state-corporation",
        /// The e-government portal.
        Portal = "portal",
        /// A fixed or mobile subscriber device.
        Device = "device",
        /// Another information system.
        Other = "other",
    }
}

spelled_enum! {
    /// The grounds for extending a complaint's term (Art. 25.4, a closed list).
    Ground, "ground" {
        /// Additional study or verification, including on site (Art. 25.4.1).
        Verification = "verification",
        /// Obtaining additional information (Art. 25.4.2).
        Information = "information",
    }
}

spelled_enum! {
    /// The form a notice must take.
    Form, "form" {
        Written = "written",
        Electronic = "electronic",
    }
}

spelled_enum! {
    /// Case kind.
    CaseKind, "case kind" {
        Complaint = "complaint",
        Application = "application",
    }
}

impl Medium {
    /// Art. 25.4 ¶2: written for a complaint filed on paper, electronic for one filed
    /// electronically.
    pub fn notice_form(self) -> Form {
        match self {
            Medium::Paper => Form::Written,
            Medium::Electronic => Form::Electronic,
        }
    }
}

/// The unit of a service's term.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum TermUnit {
    WorkingDays,
    CalendarDays,
    Hours,
}

/// A term as the service's act states it: `10wd`, `30cd`, `4h`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Term {
    pub value: u32,
    pub unit: TermUnit,
}

/// A term that cannot be read.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error(
    "'{0}' is not a term; write a number and a unit: '10wd' (working days), '30cd' (calendar days) or '4h' (hours)"
)]
pub struct BadTerm(pub String);

impl FromStr for Term {
    type Err = BadTerm;
    fn from_str(s: &str) -> Result<Term, BadTerm> {
        let bad = || BadTerm(s.to_string());
        let split = s.find(|c: char| !c.is_ascii_digit()).ok_or_else(bad)?;
        let (num, unit) = s.split_at(split);
        let value: u32 = num.parse().map_err(|_| bad())?;
        let unit = match unit {
            "wd" => TermUnit::WorkingDays,
            "cd" => TermUnit::CalendarDays,
            "h" => TermUnit::Hours,
            _ => return Err(bad()),
        };
        if value == 0 {
            return Err(bad());
        }
        Ok(Term { value, unit })
    }
}

impl fmt::Display for Term {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let unit = match self.unit {
            TermUnit::WorkingDays => "wd",
            TermUnit::CalendarDays => "cd",
            TermUnit::Hours => "h",
        };
        write!(f, "{}{}", self.value, unit)
    }
}

impl Serialize for Term {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Term {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Term, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spellings_round_trip() {
        for a in Addressee::ALL {
            assert_eq!(a.as_str().parse::<Addressee>(), Ok(*a));
            let json = serde_json::to_string(a).unwrap();
            assert_eq!(json, format!("\"{}\"", a.as_str()));
        }
        for c in Channel::ALL {
            assert_eq!(c.as_str().parse::<Channel>(), Ok(*c));
        }
    }

    #[test]
    fn unknown_value_lists_the_accepted_ones() {
        let e = "ministry".parse::<Addressee>().unwrap_err().to_string();
        assert_eq!(
            e,
            "'ministry' is not a valid addressee; expected one of: central-body, local-body, \
             service-provider, state-corporation, quality-authority, superior-body"
        );
    }

    #[test]
    fn terms_parse() {
        assert_eq!(
            "10wd".parse(),
            Ok(Term {
                value: 10,
                unit: TermUnit::WorkingDays
            })
        );
        assert_eq!(
            "30cd".parse(),
            Ok(Term {
                value: 30,
                unit: TermUnit::CalendarDays
            })
        );
        assert_eq!(
            "4h".parse(),
            Ok(Term {
                value: 4,
                unit: TermUnit::Hours
            })
        );
        for bad in [
            "",
            "wd",
            "10",
            "10 wd",
            "0wd",
            "-1wd",
            "99999999999wd",
            "10WD",
            "1.5wd",
        ] {
            assert!(bad.parse::<Term>().is_err(), "{bad}");
        }
        assert_eq!(
            Term {
                value: 7,
                unit: TermUnit::CalendarDays
            }
            .to_string(),
            "7cd"
        );
    }
}

//! Damaged records: one record that does not decode must not hide the others.
//!
//! Readers that walk every case (the queue, export, backup) skip a record they cannot read and
//! name it in a [`Damaged`]; [`Store::check`] walks every tree and lists all of them.

use std::collections::HashMap;
use std::fmt;

use serde::{Deserialize, Serialize};

use super::keys::case_key;
use super::{Store, StoreError, User, decode, u64_of};
use crate::domain::case::Case;
use crate::domain::ids::{check_body_code, check_case_number};

/// A stored record that cannot be read: where it is, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Damaged {
    /// The tree that holds it (`cases`, `texts`, `history`, `numbers`, `users`, `meta`).
    pub tree: String,
    /// Its key as a person can name it: the case id, `id/version` in history, a uid, a meta key.
    pub key: String,
    /// The number of the case it belongs to, when the `numbers` tree knows it.
    pub number: Option<String>,
    /// Why it cannot be read.
    pub reason: String,
}

impl fmt::Display for Damaged {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "damaged record '{}' in '{}'", self.key, self.tree)?;
        if let Some(n) = &self.number {
            write!(f, " (case '{n}')")?;
        }
        write!(f, ": {}", self.reason)
    }
}

/// What went wrong with a record, without the advice a whole-database error carries.
pub(super) fn reason(e: &StoreError) -> String {
    match e {
        StoreError::Decode { what, message } => format!("the {what} cannot be decoded ({message})"),
        e => e.to_string(),
    }
}

impl Store {
    /// The number of case `id`, looked up in the `numbers` tree (a scan: for reports only).
    pub fn number_of(&self, id: u64) -> Option<String> {
        self.trees.numbers.iter().flatten().find_map(|(k, v)| {
            (u64_of("case id", &v).ok() == Some(id))
                .then(|| String::from_utf8_lossy(&k).into_owned())
        })
    }

    /// The users that can be read, and those that cannot.
    pub fn readable_users(&self) -> Result<(Vec<User>, Vec<Damaged>), StoreError> {
        let mut users = Vec::new();
        let mut damaged = Vec::new();
        for kv in self.trees.users.iter() {
            let (k, v) = kv?;
            match decode::<User>("user", &v) {
                Ok(u) => users.push(u),
                Err(e) => damaged.push(Damaged {
                    tree: "users".into(),
                    key: uid_of(&k),
                    number: None,
                    reason: reason(&e),
                }),
            }
        }
        Ok((users, damaged))
    }

    /// Every record that cannot be read, in every tree. An empty list: the database is sound.
    pub fn check(&self) -> Result<Vec<Damaged>, StoreError> {
        let mut numbers: HashMap<u64, String> = HashMap::new();
        let mut found = Vec::new();
        let damaged = |tree: &str, key: String, number: Option<String>, reason: String| Damaged {
            tree: tree.to_string(),
            key,
            number,
            reason,
        };
        for kv in self.trees.numbers.iter() {
            let (k, v) = kv?;
            let number = String::from_utf8_lossy(&k).into_owned();
            match u64_of("case id", &v) {
                Ok(id) => {
                    numbers.insert(id, number);
                }
                Err(e) => found.push(damaged("numbers", number.clone(), Some(number), reason(&e))),
            }
        }
        for kv in self.trees.cases.iter() {
            let (k, v) = kv?;
            let Ok(id) = u64_of("case id", &k) else {
                found.push(damaged(
                    "cases",
                    format!("{:?}", k.as_ref()),
                    None,
                    "the key is not a case id".into(),
                ));
                continue;
            };
            let number = numbers.get(&id).cloned();
            match decode::<Case>("case", &v) {
                Ok(case) => {
                    if number.as_deref() != Some(case.number.as_str()) {
                        found.push(damaged(
                            "numbers",
                            case.number.clone(),
                            Some(case.number.clone()),
                            format!("the number does not lead to its case record '{id}'"),
                        ));
                    }
                    if let Err(e) = check_case_number(&case.number) {
                        found.push(damaged(
                            "cases",
                            id.to_string(),
                            number.clone(),
                            e.to_string(),
                        ));
                    }
                }
                Err(e) => found.push(damaged("cases", id.to_string(), number.clone(), reason(&e))),
            }
            if let Some(t) = self.trees.texts.get(case_key(id))?
                && let Err(e) = decode::<String>("original text", &t)
            {
                found.push(damaged("texts", id.to_string(), number.clone(), reason(&e)));
            }
            for kv in self.trees.history.scan_prefix(case_key(id)) {
                let (hk, hv) = kv?;
                if let Err(e) = super::decode_event(&hv) {
                    let version = hk
                        .get(8..)
                        .and_then(|b| u64_of("version", b).ok())
                        .map_or_else(|| "?".to_string(), |v| v.to_string());
                    found.push(damaged(
                        "history",
                        format!("{id}/{version}"),
                        number.clone(),
                        reason(&e),
                    ));
                }
            }
        }
        for kv in self.trees.users.iter() {
            let (k, v) = kv?;
            if let Err(e) = decode::<User>("user", &v) {
                found.push(damaged("users", uid_of(&k), None, reason(&e)));
            }
        }
        if let Err(e) = self.schema_version() {
            found.push(damaged("meta", "schema".into(), None, reason(&e)));
        }
        if let Some(v) = self.trees.meta.get(b"next-id")?
            && let Err(e) = u64_of("next id", &v)
        {
            found.push(damaged("meta", "next-id".into(), None, reason(&e)));
        }
        if let Some(v) = self.trees.meta.get(b"body")? {
            let body = String::from_utf8_lossy(&v);
            if let Err(e) = check_body_code(&body) {
                found.push(damaged("meta", "body".into(), None, e.to_string()));
            }
        }
        Ok(found)
    }
}

/// A `users` key as a uid.
fn uid_of(k: &[u8]) -> String {
    <[u8; 4]>::try_from(k)
        .map(|b| u32::from_be_bytes(b).to_string())
        .unwrap_or_else(|_| format!("{k:?}"))
}

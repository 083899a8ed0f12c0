//! The `users` tree: who may use the console, keyed by the operating-system uid.
//!
//! A record written before a field was added still reads: `disabled` (added with the auditor
//! role) takes its default, so every user of an older database is enabled.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use super::{Store, StoreError, decode, encode};
use crate::domain::vocabulary::spelled_enum;

spelled_enum! {
    /// A role: what a user may do (DESIGN 2, issue 8 section 5).
    Role, "role" {
        /// Acts on own and unassigned cases.
        Officer = "officer",
        /// Acts on every case, assigns them, and manages users.
        Supervisor = "supervisor",
        /// Reads every case and changes nothing (an inspector, an internal auditor).
        Auditor = "auditor",
    }
}

/// A user of the console, identified by the operating-system uid.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct User {
    pub uid: u32,
    pub login: String,
    pub name: String,
    pub role: Role,
    /// A disabled user is refused like an unknown one; the record (and the history that names
    /// it) stays.
    #[serde(default)]
    pub disabled: bool,
}

impl Store {
    /// A user by uid.
    pub fn user(&self, uid: u32) -> Result<Option<User>, StoreError> {
        self.trees
            .users
            .get(uid.to_be_bytes())?
            .map(|v| decode("user", &v))
            .transpose()
    }

    /// Every user, by uid.
    pub fn users(&self) -> Result<Vec<User>, StoreError> {
        self.trees
            .users
            .iter()
            .map(|kv| {
                let (_, v) = kv?;
                decode("user", &v)
            })
            .collect()
    }

    /// Adds or replaces a user.
    pub fn put_user(&self, user: &User) -> Result<(), StoreError> {
        self.trees
            .users
            .insert(user.uid.to_be_bytes(), encode("user", user)?)?;
        self.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A user record as the store wrote it before `disabled` existed.
    #[derive(Serialize)]
    struct UserBeforeDisabled {
        uid: u32,
        login: String,
        name: String,
        role: &'static str,
    }

    #[test]
    fn a_record_written_before_disabled_existed_reads_as_enabled() {
        let dir = tempfile::tempdir().expect("temporary directory");
        let store = Store::open(&dir.path().join("db")).expect("new database");
        let old = UserBeforeDisabled {
            uid: 1001,
            login: "aliya".into(),
            name: "Әлия Серікқызы".into(),
            role: "officer",
        };
        let bytes = rmp_serde::to_vec_named(&old).expect("encode");
        // The old record is a map of exactly these four fields: no `disabled` in it.
        let map: std::collections::BTreeMap<String, serde::de::IgnoredAny> =
            rmp_serde::from_slice(&bytes).expect("decode as a map");
        assert_eq!(
            map.keys().collect::<Vec<_>>(),
            ["login", "name", "role", "uid"]
        );
        store
            .trees
            .users
            .insert(1001u32.to_be_bytes(), bytes)
            .expect("raw insert");
        let expected = User {
            uid: 1001,
            login: "aliya".into(),
            name: "Әлия Серікқызы".into(),
            role: Role::Officer,
            disabled: false,
        };
        assert_eq!(store.user(1001).expect("read"), Some(expected.clone()));
        assert_eq!(store.users().expect("read all"), vec![expected.clone()]);
        let (readable, damaged) = store.readable_users().expect("check");
        assert_eq!((readable, damaged.len()), (vec![expected], 0));
    }

    #[test]
    fn roles_have_one_spelling_each() {
        assert_eq!(Role::ALL.len(), 3);
        for r in Role::ALL {
            assert_eq!(r.as_str().parse::<Role>(), Ok(*r));
        }
        let err = "admin".parse::<Role>().expect_err("not a role");
        assert_eq!(
            err.to_string(),
            "'admin' is not a valid role; expected one of: officer, supervisor, auditor"
        );
    }
}

//! The `drafts` tree: what an officer typed into a form and has not saved yet (issue 8,
//! section 4), kept per operating-system account, form and case, so that a dropped link loses
//! nothing. A draft is removed only when the form's change was acknowledged (the forms' rule).
//!
//! | key                                   | value             |
//! |---------------------------------------|-------------------|
//! | uid (u32) ‖ form ‖ 0 ‖ case number    | a [`DraftRecord`] |
//!
//! A draft of a new case has an empty case number in its key.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::{Store, StoreError, decode, encode};

/// A draft as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DraftRecord {
    /// The form's kind, as the console names it (`register`, `extend`, ...).
    pub form: String,
    /// The case the form is about; `None` for a new case.
    #[serde(default)]
    pub case: Option<String>,
    /// The form's fields by name, as typed.
    #[serde(default)]
    pub fields: BTreeMap<String, String>,
    /// When it was saved.
    pub saved: DateTime<Utc>,
}

/// The key of one draft. A form kind never holds a 0 byte (the service checks it), so the
/// prefix of one account's drafts is just its uid.
fn draft_key(uid: u32, form: &str, case: Option<&str>) -> Vec<u8> {
    let case = case.unwrap_or("");
    let mut k = Vec::with_capacity(4 + form.len() + 1 + case.len());
    k.extend_from_slice(&uid.to_be_bytes());
    k.extend_from_slice(form.as_bytes());
    k.push(0);
    k.extend_from_slice(case.as_bytes());
    k
}

impl Store {
    /// Saves (or replaces) `uid`'s draft; flushed before it returns.
    pub fn put_draft(&self, uid: u32, draft: &DraftRecord) -> Result<(), StoreError> {
        let key = draft_key(uid, &draft.form, draft.case.as_deref());
        self.drafts.insert(key, encode("draft", draft)?)?;
        self.flush()
    }

    /// One of `uid`'s drafts.
    pub fn draft(
        &self,
        uid: u32,
        form: &str,
        case: Option<&str>,
    ) -> Result<Option<DraftRecord>, StoreError> {
        self.drafts
            .get(draft_key(uid, form, case))?
            .map(|v| decode("draft", &v))
            .transpose()
    }

    /// Every draft of `uid`, by form and case. Another account's drafts are not in reach: the
    /// scan is bounded by the uid. A draft that cannot be read is left out (and logged): one
    /// damaged draft never hides the others.
    pub fn drafts_of(&self, uid: u32) -> Result<Vec<DraftRecord>, StoreError> {
        let mut out = Vec::new();
        for kv in self.drafts.scan_prefix(uid.to_be_bytes()) {
            let (k, v) = kv?;
            match decode::<DraftRecord>("draft", &v) {
                Ok(d) => out.push(d),
                Err(e) => tracing::warn!(key = ?k, "{e}"),
            }
        }
        Ok(out)
    }

    /// Removes one of `uid`'s drafts; `true` if it was there. Flushed before it returns.
    pub fn remove_draft(
        &self,
        uid: u32,
        form: &str,
        case: Option<&str>,
    ) -> Result<bool, StoreError> {
        let old = self.drafts.remove(draft_key(uid, form, case))?;
        self.flush()?;
        Ok(old.is_some())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn draft(form: &str, case: Option<&str>, text: &str) -> DraftRecord {
        DraftRecord {
            form: form.into(),
            case: case.map(str::to_string),
            fields: BTreeMap::from([("text".to_string(), text.to_string())]),
            saved: DateTime::from_timestamp(1_780_000_000, 0).unwrap(),
        }
    }

    #[test]
    fn drafts_are_kept_per_account_and_a_damaged_one_hides_no_other() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("db")).unwrap();
        // Uids whose bytes share a beginning: the key is fixed-width, so they never mix.
        let (a, b) = (1u32, 256u32);
        store
            .put_draft(a, &draft("register", None, "Әлия"))
            .unwrap();
        store
            .put_draft(a, &draft("extend", Some("KZ-2026-000001"), "себебі"))
            .unwrap();
        store
            .put_draft(b, &draft("register", None, "Болат"))
            .unwrap();
        assert_eq!(store.drafts_of(a).unwrap().len(), 2);
        assert_eq!(
            store.draft(b, "register", None).unwrap().unwrap().fields["text"],
            "Болат"
        );
        assert_eq!(store.draft(a, "extend", None).unwrap(), None);

        // A damaged draft of `a` is left out of the list; the others still read.
        store
            .drafts
            .insert(draft_key(a, "note", Some("KZ-2026-000002")), &b"\xc1"[..])
            .unwrap();
        let forms: Vec<String> = store
            .drafts_of(a)
            .unwrap()
            .into_iter()
            .map(|d| d.form)
            .collect();
        assert_eq!(forms, vec!["extend".to_string(), "register".to_string()]);

        assert!(store.remove_draft(a, "register", None).unwrap());
        assert!(!store.remove_draft(a, "register", None).unwrap());
        assert!(store.draft(b, "register", None).unwrap().is_some());
    }
}

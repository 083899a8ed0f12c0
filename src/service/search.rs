//! Finding cases by text: one folding of letters for the service's filter and the console's
//! instant filter, so that both find the same cases (STRUCTURE: one home per concept).
//!
//! Officers type on Russian keyboards as often as on Kazakh ones, and write ё as е: a search
//! folds case, ё to е, and the Kazakh letters to the Russian letters typed in their place
//! (ә→а, ө→о, ү ұ→у, қ→к, ғ→г, ң→н, һ→х, і→и), so "мадина" finds "Мәдина".

use super::QueueRow;

/// `s` folded for searching: lower case, ё as е, Kazakh letters as their Russian counterparts.
///
/// ```
/// use merzim::service::search::fold;
/// assert_eq!(fold("Мәдина Қалиқызы"), "мадина каликызы");
/// assert_eq!(fold("Ёлка ҒҰҮӨҢҺІ KZ-2026"), "елка гууонхи kz-2026");
/// ```
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    fold_into(s, &mut out);
    out
}

/// [`fold`] appended to `out`; ASCII takes a fast path (numbers and IINs are mostly ASCII).
pub fn fold_into(s: &str, out: &mut String) {
    for c in s.chars() {
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else {
            for l in c.to_lowercase() {
                out.push(fold_letter(l));
            }
        }
    }
}

/// A lower-case letter as a Russian keyboard types it.
fn fold_letter(c: char) -> char {
    match c {
        'ё' => 'е',
        'ә' => 'а',
        'ө' => 'о',
        'ү' | 'ұ' => 'у',
        'қ' => 'к',
        'ғ' => 'г',
        'ң' => 'н',
        'һ' => 'х',
        'і' => 'и',
        other => other,
    }
}

/// The folded words of a filter.
pub fn words(text: &str) -> Vec<String> {
    text.split_whitespace().map(fold).collect()
}

/// Everything a filter looks in, folded: number, applicant, IIN/BIN, contact, assignee and
/// subject. Fields are kept apart by a line break, which no filter word contains, so a word
/// never matches across two fields.
pub fn haystack(row: &QueueRow) -> String {
    let assignee = row.assignee.as_deref().unwrap_or("");
    let parts = [
        row.number.as_str(),
        &row.applicant,
        &row.applicant_id,
        &row.contact,
        assignee,
        &row.subject,
    ];
    let mut h = String::with_capacity(parts.iter().map(|p| p.len() + 1).sum());
    for part in parts {
        fold_into(part, &mut h);
        h.push('\n');
    }
    h
}

/// Whether every word (already folded, see [`words`]) occurs in the haystack.
pub fn contains_words(haystack: &str, words: &[String]) -> bool {
    words.iter().all(|w| haystack.contains(w.as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kazakh_letters_fold_to_what_a_russian_keyboard_types() {
        assert_eq!(fold("ӘӨҮҰҚҒҢҺІЁ"), "аоууkгнхие".replace('k', "к"));
        assert_eq!(fold("әөүұқғңһіё"), "аоууkгнхие".replace('k', "к"));
        assert_eq!(fold("Мәдина"), fold("МАДИНА"));
        assert_eq!(fold("KZ-2026-000704"), "kz-2026-000704");
    }

    #[test]
    fn a_word_does_not_match_across_fields() {
        let hay = "ab\ncd\n";
        assert!(contains_words(hay, &words("AB cd")));
        assert!(!contains_words(hay, &words("bc")));
        assert!(contains_words(hay, &[]));
    }
}

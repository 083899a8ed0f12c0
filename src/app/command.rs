//! The `:` command line: which commands there are (for the help, completion and the message
//! for a mistyped one), completing a word with Tab, and finding the case `:open` means.

use super::queue::{NamedQueue, SortKey};
use crate::i18n::Lang;
use crate::service::QueueRow;
use crate::service::search::fold;

/// The directions of `:sort KEY [asc|desc]`.
pub const SORT_ORDERS: [&str; 2] = ["asc", "desc"];

/// A command as the help lists it: how it is written and the catalogue key of what it does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CommandHelp {
    pub usage: String,
    pub i18n_key: &'static str,
}

/// Every command with its description, in the order the help lists them.
pub fn help() -> Vec<CommandHelp> {
    let queues: Vec<&str> = std::iter::once(NamedQueue::Default)
        .chain(NamedQueue::ALL)
        .map(NamedQueue::name)
        .collect();
    let keys: Vec<&str> = SortKey::ALL.iter().map(|k| k.name()).collect();
    let langs: Vec<&str> = Lang::ALL.iter().map(|l| l.code()).collect();
    vec![
        CommandHelp {
            usage: queues.join(", "),
            i18n_key: "command-help-queue",
        },
        CommandHelp {
            usage: format!("sort {} [{}]", keys.join("|"), SORT_ORDERS.join("|")),
            i18n_key: "command-help-sort",
        },
        CommandHelp {
            usage: "sort".into(),
            i18n_key: "command-help-sort-reverse",
        },
        CommandHelp {
            usage: "open 704".into(),
            i18n_key: "command-help-open",
        },
        CommandHelp {
            usage: format!("lang {}", langs.join("|")),
            i18n_key: "command-help-lang",
        },
        CommandHelp {
            usage: "dashboard".into(),
            i18n_key: "command-help-dashboard",
        },
        CommandHelp {
            usage: "asof 2026-03-01".into(),
            i18n_key: "command-help-asof",
        },
        CommandHelp {
            usage: "q, quit".into(),
            i18n_key: "command-help-quit",
        },
    ]
}

/// The command names, sorted (what Tab completes the first word to).
pub fn names() -> Vec<&'static str> {
    let mut names: Vec<&'static str> = std::iter::once(NamedQueue::Default)
        .chain(NamedQueue::ALL)
        .map(NamedQueue::name)
        .chain(["sort", "lang", "q", "quit", "dashboard", "asof"])
        .collect();
    names.sort_unstable();
    names.dedup();
    names
}

/// What the word being typed can become: the command names for the first word, the sort
/// keys and orders after `sort`, the language codes after `lang`. `head` is the line before
/// the word.
pub fn candidates(head: &str, word: &str) -> Vec<&'static str> {
    let before: Vec<&str> = head.split_whitespace().collect();
    let options: Vec<&'static str> = match before.as_slice() {
        [] => names(),
        ["sort"] => SortKey::ALL
            .iter()
            .map(|k| k.name())
            .chain(SORT_ORDERS)
            .collect(),
        ["sort", _] => SORT_ORDERS.to_vec(),
        ["lang"] => Lang::ALL.iter().map(|l| l.code()).collect(),
        _ => Vec::new(),
    };
    let word = word.to_ascii_lowercase();
    options
        .into_iter()
        .filter(|o| o.starts_with(word.as_str()))
        .collect()
}

/// Whether a completed word takes more words after it (Tab then adds the space).
pub fn takes_argument(head: &str, word: &str) -> bool {
    head.trim().is_empty() && matches!(word, "sort" | "lang" | "asof")
}

/// What `:open WHAT` means among the loaded rows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Found {
    /// One case: its number as stored.
    One(String),
    /// Several cases fit: the first few numbers, and how many there are.
    Several(Vec<String>, usize),
    /// None of the loaded cases.
    None,
}

/// How many candidates an ambiguous `:open` names.
const SHOWN_CANDIDATES: usize = 5;

/// Finds the case `what` means: its number in any letter case (`kz-2026-000704`), else the
/// number at its end (`704` or `000704` is `KZ-2026-000704`, not `KZ-2026-001704`), else an
/// ending of the number (`6-000704`).
pub fn find_case<'a>(rows: impl Iterator<Item = &'a QueueRow> + Clone, what: &str) -> Found {
    let what = fold(what.trim());
    if what.is_empty() {
        return Found::None;
    }
    if let Some(row) = rows.clone().find(|r| fold(&r.number) == what) {
        return Found::One(row.number.clone());
    }
    let digits = what.chars().all(|c| c.is_ascii_digit());
    let numbered: Vec<&QueueRow> = if digits {
        let wanted = what.trim_start_matches('0');
        rows.clone()
            .filter(|r| trailing_digits(&r.number).trim_start_matches('0') == wanted)
            .collect()
    } else {
        Vec::new()
    };
    let found: Vec<&QueueRow> = if numbered.is_empty() {
        rows.filter(|r| fold(&r.number).ends_with(&what)).collect()
    } else {
        numbered
    };
    match found.as_slice() {
        [] => Found::None,
        [one] => Found::One(one.number.clone()),
        many => {
            let mut numbers: Vec<String> = many.iter().map(|r| r.number.clone()).collect();
            numbers.sort_unstable();
            let count = numbers.len();
            numbers.truncate(SHOWN_CANDIDATES);
            Found::Several(numbers, count)
        }
    }
}

/// The digits at the end of a case number (`KZ-2026-000704` → `000704`).
fn trailing_digits(number: &str) -> &str {
    let start = number
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_ascii_digit())
        .last()
        .map_or(number.len(), |(i, _)| i);
    &number[start..]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(number: &str) -> QueueRow {
        let d = chrono::NaiveDate::from_ymd_opt(2026, 11, 23).expect("date");
        QueueRow {
            number: number.into(),
            kind: crate::domain::vocabulary::CaseKind::Complaint,
            addressee: None,
            channel: None,
            service: None,
            medium: crate::domain::vocabulary::Medium::Paper,
            registered: d,
            due: None,
            remaining: None,
            next_due: None,
            next_obligation: None,
            answered: None,
            urgency: crate::service::Urgency::Ok,
            badges: Default::default(),
            assignee: None,
            subject: String::new(),
            applicant: String::new(),
            applicant_id: String::new(),
            status: crate::domain::case::Status::InProgress,
            version: 1,
            problem: None,
            contact: String::new(),
        }
    }

    #[test]
    fn open_finds_by_number_case_and_ending() {
        let rows = [
            row("KZ-2026-000704"),
            row("KZ-2026-001704"),
            row("KZ-2026-000070"),
            row("KZ-2025-000071"),
            row("AB-2026-000071"),
        ];
        let one = |n: &str| Found::One(n.to_string());
        assert_eq!(
            find_case(rows.iter(), "kz-2026-000704"),
            one("KZ-2026-000704")
        );
        assert_eq!(find_case(rows.iter(), "704"), one("KZ-2026-000704"));
        assert_eq!(find_case(rows.iter(), "000704"), one("KZ-2026-000704"));
        assert_eq!(find_case(rows.iter(), "1704"), one("KZ-2026-001704"));
        assert_eq!(find_case(rows.iter(), "70"), one("KZ-2026-000070"));
        assert_eq!(find_case(rows.iter(), "6-000704"), one("KZ-2026-000704"));
        assert_eq!(
            find_case(rows.iter(), "71"),
            Found::Several(vec!["AB-2026-000071".into(), "KZ-2025-000071".into()], 2)
        );
        assert_eq!(find_case(rows.iter(), "999"), Found::None);
        assert_eq!(find_case(rows.iter(), "  "), Found::None);
        // Digits that are no case's number but end several: the ending decides.
        assert_eq!(
            find_case(rows.iter(), "4"),
            Found::Several(vec!["KZ-2026-000704".into(), "KZ-2026-001704".into()], 2)
        );
    }

    #[test]
    fn completion_candidates() {
        assert_eq!(candidates("", "so"), vec!["sort"]);
        assert_eq!(candidates("", "o"), vec!["open", "overdue"]);
        assert_eq!(candidates("sort ", "d"), vec!["due", "desc"]);
        assert_eq!(candidates("sort due ", ""), vec!["asc", "desc"]);
        assert_eq!(candidates("lang ", ""), vec!["kk", "ru", "en"]);
        assert!(candidates("open ", "").is_empty());
        assert!(candidates("", "").len() > 10);
        assert_eq!(trailing_digits("KZ-2026-000704"), "000704");
        assert_eq!(trailing_digits("ABC"), "");
    }
}

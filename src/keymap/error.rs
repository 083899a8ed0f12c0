//! What can be wrong with a keymap file, written for the person who edits it.

use std::fmt;

use crate::i18n::{Arg, Lang, Texts};

/// One thing wrong in a keymap file. Values are quoted in 'single quotes' so that the officer
/// sees exactly what they typed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum KeymapProblem {
    /// The file is not TOML at all.
    #[error("the file is not valid TOML ({detail})")]
    Syntax {
        /// The TOML parser's own description.
        detail: String,
    },
    /// A table that is neither `[global]` nor a mode.
    #[error("'[{name}]' is not a keymap table; use [global], [queue], [case] or [help]")]
    UnknownMode {
        /// The table name as written.
        name: String,
    },
    /// A binding written before any table header.
    #[error("'{name}' is outside any table; put it under [global], [queue], [case] or [help]")]
    NotATable {
        /// The key as written.
        name: String,
    },
    /// A key name that cannot be read.
    #[error(
        "'{key}' is not a key merzim can read; write keys like 'j', 'G', 'ctrl-d', 'f10', 'pagedown'"
    )]
    BadKey {
        /// The key as written.
        key: String,
    },
    /// Several keys at once (`a-b`), which a terminal cannot report.
    #[error("'{key}' means several keys pressed together, which a terminal cannot report")]
    Chord {
        /// The key as written.
        key: String,
    },
    /// An action name that does not exist.
    #[error("'{action}' (for '{key}') is not an action merzim knows ('noop' removes a key)")]
    UnknownAction {
        /// The key as written.
        key: String,
        /// The action name as written.
        action: String,
    },
    /// The value is not a quoted action name.
    #[error("the action for '{key}' must be a quoted name such as \"move-down\"")]
    NotAString {
        /// The key as written.
        key: String,
    },
    /// The same key twice in one table under two spellings (`ctrl-d` and `Ctrl-D`).
    #[error("'{key}' is the same key as '{other}' on line {other_line}")]
    Duplicate {
        /// The later spelling.
        key: String,
        /// The earlier spelling.
        other: String,
        /// Line of the earlier spelling.
        other_line: usize,
    },
}

impl KeymapProblem {
    /// The catalogue key of the localized warning, which takes the same values as arguments.
    fn i18n_key(&self) -> &'static str {
        match self {
            KeymapProblem::Syntax { .. } => "keymap-warning-syntax",
            KeymapProblem::UnknownMode { .. } => "keymap-warning-unknown-mode",
            KeymapProblem::NotATable { .. } => "keymap-warning-not-a-table",
            KeymapProblem::BadKey { .. } => "keymap-warning-bad-key",
            KeymapProblem::Chord { .. } => "keymap-warning-chord",
            KeymapProblem::UnknownAction { .. } => "keymap-warning-unknown-action",
            KeymapProblem::NotAString { .. } => "keymap-warning-not-a-string",
            KeymapProblem::Duplicate { .. } => "keymap-warning-duplicate",
        }
    }

    /// The problem's values as catalogue arguments.
    fn args(&self) -> Vec<(&'static str, Arg<'_>)> {
        match self {
            KeymapProblem::Syntax { detail } => vec![("detail", Arg::from(detail.as_str()))],
            KeymapProblem::UnknownMode { name } | KeymapProblem::NotATable { name } => {
                vec![("name", Arg::from(name.as_str()))]
            }
            KeymapProblem::BadKey { key }
            | KeymapProblem::Chord { key }
            | KeymapProblem::NotAString { key } => vec![("key", Arg::from(key.as_str()))],
            KeymapProblem::UnknownAction { key, action } => vec![
                ("key", Arg::from(key.as_str())),
                ("action", Arg::from(action.as_str())),
            ],
            KeymapProblem::Duplicate {
                key,
                other,
                other_line,
            } => vec![
                ("key", Arg::from(key.as_str())),
                ("other", Arg::from(other.as_str())),
                ("other_line", Arg::from(*other_line)),
            ],
        }
    }
}

/// A problem in the user's keymap file. The console reports it and goes on with the shipped
/// bindings for whatever the problem touched.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeymapWarning {
    /// Line in the user file (1-based).
    pub line: usize,
    /// What is wrong.
    pub problem: KeymapProblem,
}

impl KeymapWarning {
    /// The warning in the officer's language, one line, starting with the line number (the
    /// caller prefixes the file's path).
    pub fn localized(&self, texts: &Texts, lang: Lang) -> String {
        let mut args = self.problem.args();
        args.push(("line", Arg::from(self.line)));
        texts.tr_args(lang, self.problem.i18n_key(), &args)
    }
}

impl fmt::Display for KeymapWarning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let consequence = match self.problem {
            KeymapProblem::Syntax { .. } => "the whole file is ignored and the shipped keys stay",
            KeymapProblem::UnknownMode { .. } => "that table is ignored",
            KeymapProblem::Duplicate { .. } => "the later one is used",
            _ => "that binding is ignored",
        };
        write!(f, "line {}: {}; {consequence}", self.line, self.problem)
    }
}

impl std::error::Error for KeymapWarning {}

/// A keymap that cannot be used at all: only the files shipped with merzim can cause this, and
/// a test parses each of them, so this is a build mistake rather than a user's.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum KeymapError {
    /// A shipped keymap file is broken.
    #[error("the shipped keymap is broken at line {line}: {problem}")]
    Shipped {
        /// Line in the shipped file (1-based).
        line: usize,
        /// What is wrong.
        problem: KeymapProblem,
    },
    /// A keymap name that is not shipped.
    #[error("'{name}' is not a shipped keymap; choose 'default' or 'function-keys'")]
    UnknownShipped {
        /// The name as given.
        name: String,
    },
}

//! Key bindings as data: `keymaps/*.toml`, merged with a user file.
//!
//! A keymap file has one table per mode (`[queue]`, `[case]`, `[help]`, `[form]`, `[confirm]`)
//! and a `[global]` table that applies everywhere unless the mode binds the same key (except in
//! `[form]` and `[confirm]`, where only their own table applies: letters are text there). Each entry maps a key, written
//! the way crokey reads it, to an [`Action`] name:
//!
//! ```toml
//! [queue]
//! j = "move-down"
//! down = "move-down"
//! "ctrl-d" = "page-down"
//! ```
//!
//! A user file is merged over the shipped one table by table; `noop` removes a key. Mistakes in
//! a user file become [`KeymapWarning`]s and the shipped bindings stay; a mistake in a shipped
//! file is a [`KeymapError`].

mod action;
mod error;
mod key;
mod layout;

use std::collections::HashMap;

use crokey::KeyCombination;
use crossterm::event::{KeyEvent, KeyEventKind};
use toml::de::{DeTable, DeValue};

pub use action::{Action, GLOBAL_TABLE, Mode, NOOP};
pub use error::{KeymapError, KeymapProblem, KeymapWarning};
pub use key::{KeyStyle, format_key};
pub use layout::latin_equivalent;

use key::{KeyParseError, normalize, parse_key};

/// The keymaps shipped with merzim, selectable by name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum ShippedKeymap {
    /// Arrows plus vim keys (`j`/`k`, `g`/`G`, `/`, `:`, `?`, `q`).
    #[default]
    Default,
    /// Function keys for those used to F-key programs (F1 help, F3 open, F7 filter, F10 quit).
    FunctionKeys,
}

impl ShippedKeymap {
    /// Every shipped keymap.
    pub const ALL: [ShippedKeymap; 2] = [ShippedKeymap::Default, ShippedKeymap::FunctionKeys];

    /// The name used on the command line and in the configuration.
    pub const fn name(self) -> &'static str {
        match self {
            ShippedKeymap::Default => "default",
            ShippedKeymap::FunctionKeys => "function-keys",
        }
    }

    /// The shipped keymap with this name.
    ///
    /// # Errors
    ///
    /// [`KeymapError::UnknownShipped`] for any other name; its message lists the choices.
    ///
    /// ```
    /// use merzim::keymap::ShippedKeymap;
    /// assert_eq!(ShippedKeymap::from_name("function-keys"), Ok(ShippedKeymap::FunctionKeys));
    /// assert!(ShippedKeymap::from_name("emacs").is_err());
    /// ```
    pub fn from_name(name: &str) -> Result<ShippedKeymap, KeymapError> {
        ShippedKeymap::ALL
            .into_iter()
            .find(|shipped| shipped.name() == name)
            .ok_or_else(|| KeymapError::UnknownShipped {
                name: name.to_owned(),
            })
    }

    /// The TOML text of the keymap, embedded at compile time.
    pub const fn source(self) -> &'static str {
        match self {
            ShippedKeymap::Default => include_str!("../../keymaps/default.toml"),
            ShippedKeymap::FunctionKeys => include_str!("../../keymaps/function-keys.toml"),
        }
    }
}

/// What one key does in one table. `action: None` is an explicit `noop`: the key is bound to
/// nothing, which also hides a `[global]` binding and the keyboard-layout fallback.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Binding {
    action: Option<Action>,
    /// Display order: user bindings (0) before shipped ones (1), then position in the file, so
    /// that help and hints show the key the officer chose or the shipped file lists first.
    rank: (u8, usize),
}

/// The bindings of one table (`[global]` or a mode).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct KeyTable {
    keys: HashMap<KeyCombination, Binding>,
}

/// The live key bindings: which [`Action`] a key performs in each [`Mode`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Keymap {
    global: KeyTable,
    modes: [KeyTable; 6],
}

/// One binding read from a file, before merging.
struct Entry {
    /// `None` for `[global]`.
    mode: Option<Mode>,
    key: KeyCombination,
    action: Option<Action>,
    offset: usize,
}

/// A problem found while reading a file, with its byte offset.
struct Located {
    offset: usize,
    problem: KeymapProblem,
}

impl Keymap {
    /// Builds the keymap from a shipped file's text (`base`) and, if the officer has one, the
    /// text of their own file (`user`), merged over it table by table.
    ///
    /// Problems in `user` come back as warnings, in file order, and leave the shipped bindings
    /// in place. A problem in `base`, including the same key written twice in one table, is an
    /// error: shipped files are tested, so this only happens to a broken build.
    ///
    /// # Errors
    ///
    /// [`KeymapError::Shipped`] with the line and the problem when `base` is not a valid keymap.
    ///
    /// ```
    /// use merzim::keymap::{Keymap, Mode, Action, ShippedKeymap};
    /// use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    ///
    /// let user = "[queue]\nx = \"toggle-closed\"\nc = \"noop\"\n";
    /// let (keymap, warnings) = Keymap::load(ShippedKeymap::Default.source(), Some(user))?;
    /// assert!(warnings.is_empty());
    /// let x = KeyEvent::new(KeyCode::Char('x'), KeyModifiers::NONE);
    /// assert_eq!(keymap.action(Mode::Queue, x), Some(Action::ToggleClosed));
    /// let c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::NONE);
    /// assert_eq!(keymap.action(Mode::Queue, c), None);
    /// # Ok::<(), merzim::keymap::KeymapError>(())
    /// ```
    pub fn load(
        base: &str,
        user: Option<&str>,
    ) -> Result<(Keymap, Vec<KeymapWarning>), KeymapError> {
        let (entries, problems) = read_entries(base);
        if let Some(first) = problems.into_iter().next() {
            return Err(KeymapError::Shipped {
                line: line_of(base, first.offset),
                problem: first.problem,
            });
        }
        let mut keymap = Keymap {
            global: KeyTable::default(),
            modes: Default::default(),
        };
        keymap.merge(entries, 1);

        let mut warnings = Vec::new();
        if let Some(user) = user {
            let (entries, problems) = read_entries(user);
            warnings.extend(problems.into_iter().map(|located| KeymapWarning {
                line: line_of(user, located.offset),
                problem: located.problem,
            }));
            keymap.merge(entries, 0);
        }
        Ok((keymap, warnings))
    }

    /// A shipped keymap, with the officer's own file merged over it (see [`Keymap::load`]).
    ///
    /// # Errors
    ///
    /// [`KeymapError::Shipped`] if the shipped file is broken (a test makes sure it is not).
    pub fn shipped(
        which: ShippedKeymap,
        user: Option<&str>,
    ) -> Result<(Keymap, Vec<KeymapWarning>), KeymapError> {
        Keymap::load(which.source(), user)
    }

    /// Adds entries in file order, so that a later spelling of the same key wins.
    fn merge(&mut self, entries: Vec<Entry>, source: u8) {
        for entry in entries {
            let table = match entry.mode {
                Some(mode) => &mut self.modes[mode.index()],
                None => &mut self.global,
            };
            table.keys.insert(
                entry.key,
                Binding {
                    action: entry.action,
                    rank: (source, entry.offset),
                },
            );
        }
    }

    /// The action for a key pressed in `mode`: the mode's table first, then `[global]`.
    ///
    /// A letter typed in the Russian or Kazakh layout that is not bound itself acts as the
    /// Latin key in the same position (`о` as `j`, `П` as `G`): see [`latin_equivalent`].
    /// Key releases (reported by Windows and the kitty protocol) do nothing, so that one press
    /// is one action.
    pub fn action(&self, mode: Mode, event: KeyEvent) -> Option<Action> {
        if event.kind == KeyEventKind::Release {
            return None;
        }
        let key = normalize(KeyCombination::from(event));
        if mode.own_table_only() {
            return self.modes[mode.index()]
                .keys
                .get(&key)
                .and_then(|binding| binding.action);
        }
        match self.binding(mode, key) {
            Some(binding) => binding,
            None => latin_equivalent(key)
                .and_then(|latin| self.binding(mode, latin))
                .flatten(),
        }
    }

    /// What the key is bound to in `mode` or `[global]` itself, without the keyboard-layout
    /// fallback: `None` when it is not bound, `Some(None)` when it is bound to `noop`.
    ///
    /// The help overlay uses it to let letters that are not bound type into its filter, and the
    /// console to tell a key pressed as such from a Cyrillic letter taken for a Latin one.
    pub fn bound(&self, mode: Mode, event: KeyEvent) -> Option<Option<Action>> {
        if event.kind == KeyEventKind::Release {
            return Some(None);
        }
        self.binding(mode, normalize(KeyCombination::from(event)))
    }

    /// `Some(binding)` when the key is bound (possibly to `noop`) in the mode or globally.
    fn binding(&self, mode: Mode, key: KeyCombination) -> Option<Option<Action>> {
        self.modes[mode.index()]
            .keys
            .get(&key)
            .or_else(|| self.global.keys.get(&key))
            .map(|binding| binding.action)
    }

    /// Everything that can be done in `mode` and with which keys, for the `?` overlay: actions
    /// in [`Action::ALL`] order, each with its keys as displayed (the mode's own keys first,
    /// then the global ones it does not override). Actions without a key are left out.
    pub fn bindings(&self, mode: Mode, style: KeyStyle) -> Vec<(Action, Vec<String>)> {
        let table = &self.modes[mode.index()];
        let mut effective: Vec<(Action, (u8, u8, usize), KeyCombination)> = Vec::new();
        for (key, binding) in &table.keys {
            if let Some(action) = binding.action {
                effective.push((action, (0, binding.rank.0, binding.rank.1), *key));
            }
        }
        for (key, binding) in &self.global.keys {
            if table.keys.contains_key(key) || mode.own_table_only() {
                continue;
            }
            if let Some(action) = binding.action {
                effective.push((action, (1, binding.rank.0, binding.rank.1), *key));
            }
        }
        effective.sort_by_key(|(_, rank, _)| *rank);
        Action::ALL
            .into_iter()
            .filter_map(|action| {
                let keys: Vec<String> = effective
                    .iter()
                    .filter(|(bound, _, _)| *bound == action)
                    .map(|(_, _, key)| format_key(*key, style))
                    .collect();
                (!keys.is_empty()).then_some((action, keys))
            })
            .collect()
    }

    /// The few most useful keys of `mode` for the bottom hint bar, most important first, each
    /// as (key as displayed, action). The bar shows as many as fit; the label is the action's
    /// `.hint` attribute in the catalogue.
    pub fn hints(&self, mode: Mode, style: KeyStyle) -> Vec<(String, Action)> {
        let bindings = self.bindings(mode, style);
        hint_actions(mode)
            .iter()
            .filter_map(|wanted| {
                bindings
                    .iter()
                    .find(|(action, _)| action == wanted)
                    .and_then(|(action, keys)| keys.first().map(|key| (key.clone(), *action)))
            })
            .collect()
    }
}

/// What a newcomer needs on each screen, most important first.
fn hint_actions(mode: Mode) -> &'static [Action] {
    match mode {
        Mode::Queue => &[
            Action::Open,
            Action::Register,
            Action::Filter,
            Action::Command,
            Action::ToggleClosed,
            Action::SwitchLanguage,
            Action::Help,
            Action::Quit,
        ],
        Mode::Case => &[
            Action::Back,
            Action::Explain,
            Action::Extend,
            Action::RecordNotice,
            Action::RecordAnswer,
            Action::Decide,
            Action::CloseCase,
            Action::Take,
            Action::Help,
            Action::NextSection,
            Action::SwitchLanguage,
            Action::Quit,
        ],
        Mode::Help => &[Action::Back, Action::Quit],
        Mode::Form => &[
            Action::Save,
            Action::NextField,
            Action::PrevField,
            Action::Back,
        ],
        Mode::Confirm => &[Action::Confirm, Action::Back],
        Mode::Dashboard => &[
            Action::Open,
            Action::Back,
            Action::MoveRight,
            Action::SwitchLanguage,
            Action::Help,
            Action::Quit,
        ],
    }
}

/// Reads every binding of a keymap file, in file order, with the problems found on the way.
/// A key written twice in one table under two spellings is reported; the later one is kept.
fn read_entries(text: &str) -> (Vec<Entry>, Vec<Located>) {
    let mut entries = Vec::new();
    let mut problems = Vec::new();
    let document = match DeTable::parse(text) {
        Ok(document) => document,
        Err(error) => {
            problems.push(Located {
                offset: error.span().map_or(0, |span| span.start),
                problem: KeymapProblem::Syntax {
                    detail: error.message().trim().to_owned(),
                },
            });
            return (Vec::new(), problems);
        }
    };
    for (name, value) in document.get_ref() {
        let table_name: &str = name.get_ref();
        let DeValue::Table(table) = value.get_ref() else {
            problems.push(Located {
                offset: name.span().start,
                problem: KeymapProblem::NotATable {
                    name: table_name.to_owned(),
                },
            });
            continue;
        };
        let mode = if table_name == GLOBAL_TABLE {
            None
        } else if let Some(mode) = Mode::from_name(table_name) {
            Some(mode)
        } else {
            problems.push(Located {
                offset: name.span().start,
                problem: KeymapProblem::UnknownMode {
                    name: table_name.to_owned(),
                },
            });
            continue;
        };
        for (raw_key, value) in table {
            let offset = raw_key.span().start;
            let raw: &str = raw_key.get_ref();
            let key = match parse_key(raw) {
                Ok(key) => key,
                Err(KeyParseError::Unreadable) => {
                    problems.push(Located {
                        offset,
                        problem: KeymapProblem::BadKey {
                            key: raw.to_owned(),
                        },
                    });
                    continue;
                }
                Err(KeyParseError::Chord) => {
                    problems.push(Located {
                        offset,
                        problem: KeymapProblem::Chord {
                            key: raw.to_owned(),
                        },
                    });
                    continue;
                }
            };
            let DeValue::String(action_name) = value.get_ref() else {
                problems.push(Located {
                    offset,
                    problem: KeymapProblem::NotAString {
                        key: raw.to_owned(),
                    },
                });
                continue;
            };
            let action = if action_name.as_ref() == NOOP {
                None
            } else if let Some(action) = Action::from_name(action_name) {
                Some(action)
            } else {
                problems.push(Located {
                    offset,
                    problem: KeymapProblem::UnknownAction {
                        key: raw.to_owned(),
                        action: action_name.to_string(),
                    },
                });
                continue;
            };
            entries.push((
                Entry {
                    mode,
                    key,
                    action,
                    offset,
                },
                raw.to_owned(),
            ));
        }
    }
    // The parsed tables are sorted by name, not by position: restore file order, which decides
    // which of two spellings wins and the order keys are shown in.
    entries.sort_by_key(|(entry, _)| entry.offset);
    let mut seen: HashMap<(Option<Mode>, KeyCombination), (String, usize)> = HashMap::new();
    for (entry, raw) in &entries {
        if let Some((other, other_offset)) =
            seen.insert((entry.mode, entry.key), (raw.clone(), entry.offset))
        {
            problems.push(Located {
                offset: entry.offset,
                problem: KeymapProblem::Duplicate {
                    key: raw.clone(),
                    other,
                    other_line: line_of(text, other_offset),
                },
            });
        }
    }
    problems.sort_by_key(|located| located.offset);
    (
        entries.into_iter().map(|(entry, _)| entry).collect(),
        problems,
    )
}

/// The 1-based line of a byte offset.
fn line_of(text: &str, offset: usize) -> usize {
    let end = offset.min(text.len());
    text.as_bytes()[..end]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

#[cfg(test)]
mod tests {
    use super::*;
    use crossterm::event::{KeyCode, KeyModifiers};

    fn press(code: KeyCode, modifiers: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, modifiers)
    }

    fn default_map() -> Keymap {
        let (keymap, warnings) = Keymap::shipped(ShippedKeymap::Default, None).expect("parses");
        assert!(warnings.is_empty());
        keymap
    }

    #[test]
    fn mode_table_wins_over_global() {
        let base = "[global]\nq = \"quit\"\n[case]\nq = \"back\"\n";
        let (keymap, _) = Keymap::load(base, None).expect("parses");
        let q = press(KeyCode::Char('q'), KeyModifiers::NONE);
        assert_eq!(keymap.action(Mode::Queue, q), Some(Action::Quit));
        assert_eq!(keymap.action(Mode::Case, q), Some(Action::Back));
    }

    #[test]
    fn noop_in_a_mode_hides_the_global_key_and_the_layout_fallback() {
        let user = "[queue]\nq = \"noop\"\n";
        let (keymap, warnings) =
            Keymap::shipped(ShippedKeymap::Default, Some(user)).expect("parses");
        assert!(warnings.is_empty());
        let q = press(KeyCode::Char('q'), KeyModifiers::NONE);
        assert_eq!(keymap.action(Mode::Queue, q), None);
        assert_eq!(keymap.action(Mode::Help, q), Some(Action::Back));
        let base = "[global]\nj = \"move-down\"\n[queue]\n\"о\" = \"noop\"\n";
        let (keymap, _) = Keymap::load(base, None).expect("parses");
        let o = press(KeyCode::Char('о'), KeyModifiers::NONE);
        assert_eq!(keymap.action(Mode::Queue, o), None);
        assert_eq!(keymap.action(Mode::Case, o), Some(Action::MoveDown));
    }

    #[test]
    fn bound_cyrillic_letter_wins_over_the_layout_fallback() {
        let user = "[queue]\n\"о\" = \"open\"\n";
        let (keymap, _) = Keymap::shipped(ShippedKeymap::Default, Some(user)).expect("parses");
        let o = press(KeyCode::Char('о'), KeyModifiers::NONE);
        assert_eq!(keymap.action(Mode::Queue, o), Some(Action::Open));
        assert_eq!(keymap.action(Mode::Case, o), Some(Action::ScrollDown));
    }

    #[test]
    fn key_release_does_nothing() {
        let keymap = default_map();
        let mut j = press(KeyCode::Char('j'), KeyModifiers::NONE);
        j.kind = KeyEventKind::Release;
        assert_eq!(keymap.action(Mode::Queue, j), None);
        j.kind = KeyEventKind::Repeat;
        assert_eq!(keymap.action(Mode::Queue, j), Some(Action::MoveDown));
    }

    #[test]
    fn user_bindings_are_listed_first() {
        let user = "[global]\nx = \"quit\"\n";
        let (keymap, _) = Keymap::shipped(ShippedKeymap::Default, Some(user)).expect("parses");
        let quit = keymap
            .bindings(Mode::Queue, KeyStyle::Ascii)
            .into_iter()
            .find(|(action, _)| *action == Action::Quit)
            .expect("quit is bound");
        assert_eq!(quit.1.first().map(String::as_str), Some("x"));
    }

    #[test]
    fn line_numbers_are_one_based() {
        assert_eq!(line_of("a\nb\nc", 0), 1);
        assert_eq!(line_of("a\nb\nc", 2), 2);
        assert_eq!(line_of("a\nb\nc", 99), 3);
    }

    #[test]
    fn duplicate_spellings_in_a_shipped_file_are_an_error() {
        let base = "[queue]\n\"ctrl-d\" = \"page-down\"\n\"Ctrl-D\" = \"page-up\"\n";
        let error = Keymap::load(base, None).expect_err("duplicate");
        assert!(matches!(
            error,
            KeymapError::Shipped {
                line: 3,
                problem: KeymapProblem::Duplicate { .. }
            }
        ));
    }
}

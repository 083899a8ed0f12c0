//! Reading keys as written in keymap files, comparing them with what the terminal sends, and
//! showing them to the officer.

use crokey::{KeyCombination, KeyCombinationFormat, OneToThree};
use crossterm::event::{KeyCode, KeyModifiers};

/// How key names are drawn in the help overlay and the hint bar.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum KeyStyle {
    /// Arrows as `↑ ↓ ← →`.
    #[default]
    Unicode,
    /// Only ASCII (`Up`, `Down`, ...), for terminals and fonts without those glyphs.
    Ascii,
}

/// Why a key string from a keymap file was not accepted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum KeyParseError {
    /// Not a key name crokey or merzim knows.
    Unreadable,
    /// Several keys at once (`a-b`): a terminal reports one key per event, so it could never match.
    Chord,
}

/// Parses a key as written in a keymap file: `j`, `G`, `?`, `ctrl-d`, `f10`, `pagedown`,
/// `shift-tab`... The result is normalized (see [`normalize`]).
///
/// crokey lowercases the whole string, so on its own it would read `G` as `g`; a lone uppercase
/// letter is therefore taken here as the shifted key, which is what vim-style maps mean by `G`.
/// With a modifier the case is ignored (`Ctrl-D` is `ctrl-d`), as crokey does: write
/// `ctrl-shift-d` for the shifted one.
pub(crate) fn parse_key(raw: &str) -> Result<KeyCombination, KeyParseError> {
    let mut chars = raw.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        // Handled here rather than by crokey, which only takes one-byte characters, so that a
        // user may bind a Cyrillic letter directly.
        let modifiers = if c.is_uppercase() {
            KeyModifiers::SHIFT
        } else {
            KeyModifiers::NONE
        };
        return Ok(normalize(KeyCombination::one_key(
            KeyCode::Char(c),
            modifiers,
        )));
    }
    let key = match raw.to_ascii_lowercase().as_str() {
        // crokey knows only `backtab`; `shift-tab` is how most people write it.
        "shift-tab" => KeyCombination::one_key(KeyCode::BackTab, KeyModifiers::SHIFT),
        _ => crokey::parse(raw).map_err(|_| KeyParseError::Unreadable)?,
    };
    if !key.is_ansi_compatible() {
        return Err(KeyParseError::Chord);
    }
    Ok(normalize(key))
}

/// Brings a key to the one form used both for bound keys and for what the terminal sends.
///
/// Terminals disagree about SHIFT: a legacy terminal sends `?` without it, the kitty protocol
/// and Windows send it with SHIFT. So SHIFT is dropped from characters that have no case (it is
/// already in the character) and implied by an uppercase letter (Caps Lock gives `G` too).
/// Shift-Tab arrives as BackTab, with or without SHIFT depending on the terminal.
pub(crate) fn normalize(key: KeyCombination) -> KeyCombination {
    let OneToThree::One(code) = key.codes else {
        return key;
    };
    let mut modifiers = key.modifiers;
    let code = match code {
        KeyCode::Char('\r' | '\n') => KeyCode::Enter,
        KeyCode::Char(c) if c.is_uppercase() => {
            modifiers |= KeyModifiers::SHIFT;
            KeyCode::Char(c)
        }
        KeyCode::Char(c) if c.is_lowercase() => {
            if modifiers.contains(KeyModifiers::SHIFT) {
                KeyCode::Char(single_uppercase(c))
            } else {
                KeyCode::Char(c)
            }
        }
        KeyCode::Char(c) => {
            modifiers.remove(KeyModifiers::SHIFT);
            KeyCode::Char(c)
        }
        KeyCode::BackTab => {
            modifiers |= KeyModifiers::SHIFT;
            KeyCode::BackTab
        }
        KeyCode::Tab if modifiers.contains(KeyModifiers::SHIFT) => KeyCode::BackTab,
        other => other,
    };
    KeyCombination::one_key(code, modifiers)
}

/// The uppercase form of a letter, when it is a single character (it is for every letter of the
/// Latin, Russian and Kazakh alphabets).
fn single_uppercase(c: char) -> char {
    let mut upper = c.to_uppercase();
    match (upper.next(), upper.next()) {
        (Some(u), None) => u,
        _ => c,
    }
}

/// The key as shown to the officer: `j`, `G`, `Ctrl-d`, `F10`, `Enter`, `↓` (or `Down` in
/// [`KeyStyle::Ascii`]), `PgDn`, `Shift-Tab`.
///
/// ```
/// use merzim::keymap::{format_key, KeyStyle};
/// use crokey::KeyCombination;
/// use crossterm::event::{KeyCode, KeyModifiers};
///
/// let down = KeyCombination::one_key(KeyCode::Down, KeyModifiers::NONE);
/// assert_eq!(format_key(down, KeyStyle::Unicode), "↓");
/// assert_eq!(format_key(down, KeyStyle::Ascii), "Down");
/// let ctrl_d = KeyCombination::one_key(KeyCode::Char('d'), KeyModifiers::CONTROL);
/// assert_eq!(format_key(ctrl_d, KeyStyle::Ascii), "Ctrl-d");
/// ```
pub fn format_key(key: KeyCombination, style: KeyStyle) -> String {
    let key = normalize(key);
    let named = match key.codes {
        OneToThree::One(code) => named_key(code, style),
        _ => None,
    };
    match named {
        Some(name) => {
            let mut modifiers = key.modifiers;
            if key.codes == OneToThree::One(KeyCode::BackTab) {
                // The name already says Shift.
                modifiers.remove(KeyModifiers::SHIFT);
            }
            format!("{}{name}", modifier_prefix(modifiers))
        }
        // crokey's formatter for the rest: letters keep their case (`G`, not `Shift-g`),
        // F-keys read `F10`, Space and Enter are spelled out.
        None => KeyCombinationFormat::default()
            .with_implicit_shift()
            .to_string(key),
    }
}

/// Names for the keys crokey would print with their Rust names (`PageDown`, `BackTab`), or
/// that read better as a glyph.
fn named_key(code: KeyCode, style: KeyStyle) -> Option<&'static str> {
    let unicode = style == KeyStyle::Unicode;
    Some(match code {
        KeyCode::Up if unicode => "↑",
        KeyCode::Down if unicode => "↓",
        KeyCode::Left if unicode => "←",
        KeyCode::Right if unicode => "→",
        KeyCode::Up => "Up",
        KeyCode::Down => "Down",
        KeyCode::Left => "Left",
        KeyCode::Right => "Right",
        KeyCode::PageUp => "PgUp",
        KeyCode::PageDown => "PgDn",
        KeyCode::BackTab => "Shift-Tab",
        KeyCode::Delete => "Del",
        KeyCode::Insert => "Ins",
        KeyCode::Char('-') => "-",
        _ => return None,
    })
}

/// The modifiers in crokey's spelling, in crokey's order.
fn modifier_prefix(modifiers: KeyModifiers) -> String {
    let mut prefix = String::new();
    if modifiers.contains(KeyModifiers::CONTROL) {
        prefix.push_str("Ctrl-");
    }
    if modifiers.contains(KeyModifiers::ALT) {
        prefix.push_str("Alt-");
    }
    if modifiers.contains(KeyModifiers::SHIFT) {
        prefix.push_str("Shift-");
    }
    if modifiers.contains(KeyModifiers::SUPER) {
        prefix.push_str("Cmd-");
    }
    prefix
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(code: KeyCode, modifiers: KeyModifiers) -> KeyCombination {
        KeyCombination::one_key(code, modifiers)
    }

    #[test]
    fn parses_the_spellings_used_in_keymaps() {
        let cases = [
            ("j", key(KeyCode::Char('j'), KeyModifiers::NONE)),
            ("G", key(KeyCode::Char('G'), KeyModifiers::SHIFT)),
            ("shift-g", key(KeyCode::Char('G'), KeyModifiers::SHIFT)),
            ("?", key(KeyCode::Char('?'), KeyModifiers::NONE)),
            ("/", key(KeyCode::Char('/'), KeyModifiers::NONE)),
            (":", key(KeyCode::Char(':'), KeyModifiers::NONE)),
            ("-", key(KeyCode::Char('-'), KeyModifiers::NONE)),
            ("ctrl-d", key(KeyCode::Char('d'), KeyModifiers::CONTROL)),
            ("Ctrl-D", key(KeyCode::Char('d'), KeyModifiers::CONTROL)),
            ("f10", key(KeyCode::F(10), KeyModifiers::NONE)),
            ("F1", key(KeyCode::F(1), KeyModifiers::NONE)),
            ("pagedown", key(KeyCode::PageDown, KeyModifiers::NONE)),
            ("enter", key(KeyCode::Enter, KeyModifiers::NONE)),
            ("esc", key(KeyCode::Esc, KeyModifiers::NONE)),
            ("backtab", key(KeyCode::BackTab, KeyModifiers::SHIFT)),
            ("shift-tab", key(KeyCode::BackTab, KeyModifiers::SHIFT)),
            ("о", key(KeyCode::Char('о'), KeyModifiers::NONE)),
            ("Ж", key(KeyCode::Char('Ж'), KeyModifiers::SHIFT)),
        ];
        for (raw, expected) in cases {
            assert_eq!(parse_key(raw), Ok(expected), "{raw}");
        }
    }

    #[test]
    fn rejects_unknown_names_and_chords() {
        assert_eq!(parse_key(""), Err(KeyParseError::Unreadable));
        assert_eq!(parse_key("pgdwn"), Err(KeyParseError::Unreadable));
        assert_eq!(parse_key("ctrl-"), Err(KeyParseError::Unreadable));
        assert_eq!(parse_key("a-b"), Err(KeyParseError::Chord));
    }

    #[test]
    fn normalizes_what_terminals_send() {
        // kitty protocol / Windows report `?` with SHIFT, legacy terminals without.
        assert_eq!(
            normalize(key(KeyCode::Char('?'), KeyModifiers::SHIFT)),
            key(KeyCode::Char('?'), KeyModifiers::NONE)
        );
        assert_eq!(
            normalize(key(KeyCode::Char('G'), KeyModifiers::NONE)),
            key(KeyCode::Char('G'), KeyModifiers::SHIFT)
        );
        assert_eq!(
            normalize(key(KeyCode::Char('g'), KeyModifiers::SHIFT)),
            key(KeyCode::Char('G'), KeyModifiers::SHIFT)
        );
        assert_eq!(
            normalize(key(KeyCode::Char('п'), KeyModifiers::SHIFT)),
            key(KeyCode::Char('П'), KeyModifiers::SHIFT)
        );
        assert_eq!(
            normalize(key(KeyCode::Tab, KeyModifiers::SHIFT)),
            key(KeyCode::BackTab, KeyModifiers::SHIFT)
        );
        assert_eq!(
            normalize(key(KeyCode::BackTab, KeyModifiers::NONE)),
            key(KeyCode::BackTab, KeyModifiers::SHIFT)
        );
    }

    #[test]
    fn formats_keys_for_people() {
        let cases = [
            (key(KeyCode::Char('j'), KeyModifiers::NONE), "j", "j"),
            (key(KeyCode::Char('G'), KeyModifiers::SHIFT), "G", "G"),
            (
                key(KeyCode::Char('d'), KeyModifiers::CONTROL),
                "Ctrl-d",
                "Ctrl-d",
            ),
            (key(KeyCode::F(10), KeyModifiers::NONE), "F10", "F10"),
            (key(KeyCode::Down, KeyModifiers::NONE), "↓", "Down"),
            (key(KeyCode::Up, KeyModifiers::NONE), "↑", "Up"),
            (key(KeyCode::PageDown, KeyModifiers::NONE), "PgDn", "PgDn"),
            (
                key(KeyCode::BackTab, KeyModifiers::SHIFT),
                "Shift-Tab",
                "Shift-Tab",
            ),
            (key(KeyCode::Enter, KeyModifiers::NONE), "Enter", "Enter"),
            (key(KeyCode::Esc, KeyModifiers::NONE), "Esc", "Esc"),
            (key(KeyCode::Char('?'), KeyModifiers::NONE), "?", "?"),
            (key(KeyCode::Char('-'), KeyModifiers::NONE), "-", "-"),
        ];
        for (k, unicode, ascii) in cases {
            assert_eq!(format_key(k, KeyStyle::Unicode), unicode);
            assert_eq!(format_key(k, KeyStyle::Ascii), ascii);
            assert!(format_key(k, KeyStyle::Ascii).is_ascii());
        }
    }
}

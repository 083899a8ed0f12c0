//! Citizen text made fit for a letter.
//!
//! Names, addresses and subjects come from the public (and reasons from an officer's keyboard).
//! In a letter nothing of a control sequence is worth keeping: an escape sequence (CSI, OSC,
//! DCS, in 7-bit or 8-bit form) is removed whole, with its parameters, so that no `]52;c;...`
//! is left behind; every other character the console never shows as it is (the one definition,
//! [`is_unsafe`]: C0 and C1 controls, DEL, bidi controls, invisible characters, separators) is
//! removed, a line break or tab becoming a space. A value is one line: a letter's layout is the
//! template's, never the applicant's.

use crate::ui::sanitize::is_unsafe;

/// What an escape sequence is while it is being skipped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Skip {
    /// Plain text.
    No,
    /// Just after ESC.
    Escape,
    /// CSI parameters until a final byte `@`..`~`.
    Csi,
    /// OSC, DCS, SOS, PM or APC text until BEL or ST (`ESC \` or U+009C).
    String,
    /// ESC inside a string: `\` ends it.
    StringEscape,
}

/// One line of untrusted text, without escape sequences, controls, bidi or invisible
/// characters; runs of spaces are kept as the applicant wrote them, the ends trimmed.
///
/// ```
/// use merzim::letters::clean;
/// assert_eq!(clean("Ақан \u{1b}[31mСЕРІ\u{1b}[0m"), "Ақан СЕРІ");
/// assert_eq!(clean("\u{1b}]52;c;cm0gLXJm\u{7}Иванов"), "Иванов");
/// assert_eq!(clean("invoice_\u{202e}gpj.exe\u{0}"), "invoice_gpj.exe");
/// assert_eq!(clean("ул. Абая, 1\nкв. 2"), "ул. Абая, 1 кв. 2");
/// ```
pub fn clean(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut skip = Skip::No;
    for c in s.chars() {
        skip = match (skip, c) {
            (Skip::No, '\u{1b}') => Skip::Escape,
            (Skip::No, '\u{9b}') => Skip::Csi,
            (Skip::No, '\u{90}' | '\u{98}' | '\u{9d}' | '\u{9e}' | '\u{9f}') => Skip::String,
            (Skip::No, c) => {
                if !is_unsafe(c) {
                    out.push(c);
                } else if matches!(c, '\n' | '\r' | '\t' | '\u{2028}' | '\u{2029}' | '\u{85}')
                    && !out.ends_with(' ')
                {
                    out.push(' ');
                }
                Skip::No
            }
            (Skip::Escape, '[') => Skip::Csi,
            (Skip::Escape, ']' | 'P' | 'X' | '^' | '_') => Skip::String,
            // Any other escape is ESC and one character (`ESC c`, `ESC 7`).
            (Skip::Escape, _) => Skip::No,
            (Skip::Csi, '\u{40}'..='\u{7e}') => Skip::No,
            (Skip::Csi, _) => Skip::Csi,
            (Skip::String, '\u{7}' | '\u{9c}') => Skip::No,
            (Skip::String, '\u{1b}') => Skip::StringEscape,
            (Skip::String, _) => Skip::String,
            (Skip::StringEscape, '\\') => Skip::No,
            (Skip::StringEscape, _) => Skip::String,
        };
    }
    out.trim().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sequences_go_whole() {
        assert_eq!(clean("a\u{1b}[2J\u{1b}[Hb"), "ab");
        assert_eq!(clean("a\u{1b}]0;title\u{1b}\\b"), "ab");
        assert_eq!(clean("a\u{1b}P1$r0m\u{1b}\\b"), "ab");
        assert_eq!(clean("a\u{9b}31mb\u{9d}0;t\u{9c}c"), "abc");
        assert_eq!(clean("a\u{1b}cb"), "ab");
        assert_eq!(
            clean("\u{1b}]8;;http://evil.example\u{1b}\\click\u{1b}]8;;\u{1b}\\"),
            "click"
        );
    }

    #[test]
    fn nothing_unsafe_is_left() {
        let hostile = "\u{0}\u{7}\u{8}\u{7f}\u{85}\u{200b}\u{202e}\u{2066}\u{feff}\u{e0041}x";
        let c = clean(hostile);
        assert_eq!(c, "x");
        assert!(!c.chars().any(is_unsafe));
    }

    #[test]
    fn kazakh_and_russian_are_kept() {
        let s = "Өтініш: Қазақстан, «Ғылым» көшесі — ёлка";
        assert_eq!(clean(s), s);
    }
}

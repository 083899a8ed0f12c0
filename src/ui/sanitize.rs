//! Untrusted text made safe for the terminal.
//!
//! Complaint texts, names and subjects come from the public. Written to a terminal as they are,
//! an ESC or a C1 control could recolour the screen, move the cursor, set the window title or
//! write to the clipboard (OSC 52); bidi overrides could make `gpj.exe` read as `exe.jpg`;
//! zero-width and other invisible characters could hide words from the officer, and a flood of
//! combining marks ("Zalgo") could smear over neighbouring rows. Everything drawn from stored
//! text goes through this module first:
//!
//! - C0 controls, DEL and C1 controls become visible placeholders (`␛`, `␀`, `␡`, `�`, or
//!   `^[`, `^@`, `^?`, `\x9b` in [`Glyphs::Ascii`]); a tab becomes spaces to the next stop;
//! - bidi controls and invisible characters are removed;
//! - at most [`MAX_COMBINING_MARKS`] zero-width marks are kept after each visible character;
//! - lines are cut or wrapped to a width in terminal columns, never beyond.
//!
//! Widths are measured per grapheme with `unicode-width`, as ratatui does when it draws.

use std::borrow::Cow;
use std::fmt::Write as _;

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// How placeholders and the ellipsis are drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Glyphs {
    /// Control Pictures (`␛`, `␀`), `�` for C1 controls, `…` for a cut line.
    #[default]
    Unicode,
    /// Caret notation (`^[`, `^@`, `^?`), `\x9b` for C1 controls, `~` for a cut line, for
    /// terminals or fonts without those symbols.
    Ascii,
}

/// Zero-width marks kept after one visible character. Two covers every letter of Kazakh,
/// Russian and English written with combining accents, and Vietnamese or Hangul jamo; more is
/// only ever a "Zalgo" flood.
pub const MAX_COMBINING_MARKS: usize = 2;

/// Columns between tab stops. Complaint texts use tabs for indentation, not tables.
const TAB_STOP: usize = 4;

/// What happens to one character.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    /// Shown as it is.
    Keep,
    /// Removed: bidi controls and invisible characters.
    Drop,
    /// Expanded to spaces.
    Tab,
    /// Shown as a placeholder.
    Control,
    /// U+2028/U+2029: a line break in a multi-line text, a space in a single line.
    Separator,
}

fn classify(c: char) -> Class {
    match c {
        '\t' => Class::Tab,
        '\u{0}'..='\u{1f}' | '\u{7f}'..='\u{9f}' => Class::Control,
        '\u{2028}' | '\u{2029}' => Class::Separator,
        c if is_hidden(c) => Class::Drop,
        _ => Class::Keep,
    }
}

/// Characters that change the order text is shown in, or show nothing at all and so can hide
/// or split words (search for "Trojan Source" and "ASCII smuggling").
///
/// Variation selectors are kept: they choose a glyph (emoji or text style) and are capped with
/// the combining marks.
pub fn is_hidden(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}' // soft hyphen
            | '\u{034F}' // combining grapheme joiner
            | '\u{061C}' // Arabic letter mark (bidi)
            | '\u{115F}' | '\u{1160}' | '\u{3164}' | '\u{FFA0}' // Hangul fillers, blank
            | '\u{17B4}' | '\u{17B5}' // Khmer inherent vowels, invisible
            | '\u{180E}' // Mongolian vowel separator
            | '\u{200B}'..='\u{200F}' // zero-width space, ZWNJ, ZWJ, LRM, RLM
            | '\u{202A}'..='\u{202E}' // bidi embeddings and overrides
            | '\u{2060}'..='\u{206F}' // word joiner, invisible operators, bidi isolates, deprecated format
            | '\u{FEFF}' // zero-width no-break space (BOM)
            | '\u{FFF9}'..='\u{FFFB}' // interlinear annotation
            | '\u{1BCA0}'..='\u{1BCA3}' // shorthand format controls
            | '\u{1D173}'..='\u{1D17A}' // musical format controls
            | '\u{E0000}'..='\u{E007F}' // tags: invisible copies of ASCII
    )
}

/// Whether `c` is a character the console never shows as it is (a control character, a bidi
/// control, an invisible character, a line or paragraph separator, a tab). The command line
/// escapes exactly these (`cli::output::escape`): one definition of a dangerous character.
pub fn is_unsafe(c: char) -> bool {
    classify(c) != Class::Keep
}

/// Appends the visible stand-in for a control character; returns its width in columns.
fn push_placeholder(out: &mut String, c: char, glyphs: Glyphs) -> usize {
    let code = u32::from(c);
    match glyphs {
        Glyphs::Unicode => {
            let symbol = match code {
                // U+2400 + code is the Control Picture of each C0 control (␀ ... ␟).
                0x00..=0x1f => char::from_u32(0x2400 + code).unwrap_or('\u{FFFD}'),
                0x7f => '\u{2421}', // ␡
                _ => '\u{FFFD}',
            };
            out.push(symbol);
            1
        }
        Glyphs::Ascii => match code {
            0x00..=0x1f => {
                out.push('^');
                out.push(char::from_u32(code + 0x40).unwrap_or('?'));
                2
            }
            0x7f => {
                out.push_str("^?");
                2
            }
            _ => {
                // Writing to a String cannot fail.
                let _ = write!(out, "\\x{code:02x}");
                4
            }
        },
    }
}

const fn ellipsis(glyphs: Glyphs) -> &'static str {
    match glyphs {
        Glyphs::Unicode => "…",
        Glyphs::Ascii => "~",
    }
}

/// Display width of already sanitized text in terminal columns, grapheme by grapheme as
/// ratatui measures it.
///
/// ```
/// use merzim::ui::sanitize::display_width;
/// assert_eq!(display_width("Шағым"), 5);
/// assert_eq!(display_width("申诉"), 4);
/// ```
pub fn display_width(s: &str) -> usize {
    s.graphemes(true).map(UnicodeWidthStr::width).sum()
}

/// Whether `s` is at most `max_width` columns wide; stops counting as soon as it is not, so a
/// huge line costs no more than its first `max_width` columns.
fn fits(s: &str, max_width: usize) -> bool {
    if s.is_ascii() {
        return s.len() <= max_width;
    }
    let mut width = 0;
    for grapheme in s.graphemes(true) {
        width += grapheme.width();
        if width > max_width {
            return false;
        }
    }
    true
}

/// Whether nothing in `s` would be replaced, removed or capped.
fn is_clean(s: &str) -> bool {
    if s.bytes().all(|b| (0x20..0x7f).contains(&b)) {
        return true;
    }
    let mut marks = 0;
    for c in s.chars() {
        if classify(c) != Class::Keep {
            return false;
        }
        if c.width() == Some(0) {
            marks += 1;
            if marks > MAX_COMBINING_MARKS {
                return false;
            }
        } else {
            marks = 0;
        }
    }
    true
}

/// Replaces, removes and caps as described in the module documentation, without cutting.
fn clean_line(s: &str, glyphs: Glyphs) -> String {
    let mut out = String::with_capacity(s.len());
    // Columns so far, for tab stops: a per-character estimate is enough to place them.
    let mut column = 0;
    let mut marks = 0;
    for c in s.chars() {
        match classify(c) {
            Class::Keep => {
                let width = c.width().unwrap_or(0);
                if width == 0 {
                    // Removed characters do not reset the count, so they cannot be used to
                    // smuggle a flood past the cap.
                    if marks >= MAX_COMBINING_MARKS {
                        continue;
                    }
                    marks += 1;
                } else {
                    marks = 0;
                }
                out.push(c);
                column += width;
            }
            Class::Drop => {}
            Class::Tab => {
                let spaces = TAB_STOP - column % TAB_STOP;
                out.extend(std::iter::repeat_n(' ', spaces));
                column += spaces;
                marks = 0;
            }
            Class::Control => {
                column += push_placeholder(&mut out, c, glyphs);
                marks = 0;
            }
            Class::Separator => {
                out.push(' ');
                column += 1;
                marks = 0;
            }
        }
    }
    out
}

/// Cuts clean text to `max_width` columns, ending with an ellipsis when something was cut.
fn truncate(clean: String, max_width: usize, glyphs: Glyphs) -> String {
    if fits(&clean, max_width) {
        return clean;
    }
    let ellipsis = ellipsis(glyphs);
    let Some(budget) = max_width.checked_sub(ellipsis.width()) else {
        return String::new();
    };
    let mut out = String::with_capacity(max_width * 4);
    let mut width = 0;
    for grapheme in clean.graphemes(true) {
        let grapheme_width = grapheme.width();
        if width + grapheme_width > budget {
            break;
        }
        out.push_str(grapheme);
        width += grapheme_width;
    }
    out.push_str(ellipsis);
    out
}

/// One line of untrusted text, safe to draw in at most `max_width` columns (placeholders in
/// [`Glyphs::Unicode`]). Borrowed when nothing had to change, which is the common case.
///
/// A newline inside is shown as `␊`: use [`sanitize_text`] for multi-line text.
///
/// ```
/// use merzim::ui::sanitize::sanitize_line;
/// assert_eq!(sanitize_line("\u{1b}[2Jhello", 80), "␛[2Jhello");
/// assert_eq!(sanitize_line("\u{202e}gpj.exe", 80), "gpj.exe");
/// assert_eq!(sanitize_line("Жалоба на бездействие", 10), "Жалоба на…");
/// ```
pub fn sanitize_line(s: &str, max_width: usize) -> Cow<'_, str> {
    sanitize_line_with(s, max_width, Glyphs::Unicode)
}

/// [`sanitize_line`] with a choice of placeholder glyphs.
///
/// ```
/// use merzim::ui::sanitize::{sanitize_line_with, Glyphs};
/// assert_eq!(sanitize_line_with("a\u{1b}]52;c;x\u{7}b", 80, Glyphs::Ascii), "a^[]52;c;x^Gb");
/// assert_eq!(sanitize_line_with("\u{9b}31m", 80, Glyphs::Ascii), "\\x9b31m");
/// ```
pub fn sanitize_line_with(s: &str, max_width: usize, glyphs: Glyphs) -> Cow<'_, str> {
    if is_clean(s) && fits(s, max_width) {
        return Cow::Borrowed(s);
    }
    Cow::Owned(truncate(clean_line(s, glyphs), max_width, glyphs))
}

/// Multi-line untrusted text, split on `\n`, `\r\n`, U+2028 and U+2029, sanitized and wrapped
/// to `width` columns (at spaces where possible, inside a word when it is longer than a line).
///
/// An empty text has no lines, and a final newline does not add an empty one, as with
/// [`str::lines`]. A width of 0 gives no lines: nothing can be shown.
///
/// ```
/// use merzim::ui::sanitize::sanitize_text;
/// assert_eq!(
///     sanitize_text("Прошу рассмотреть\r\nжалобу\u{1b}[31m", 10),
///     vec!["Прошу", "рассмотрет", "ь", "жалобу␛[31", "m"],
/// );
/// ```
pub fn sanitize_text(s: &str, width: usize) -> Vec<String> {
    sanitize_text_with(s, width, Glyphs::Unicode)
}

/// [`sanitize_text`] with a choice of placeholder glyphs.
pub fn sanitize_text_with(s: &str, width: usize, glyphs: Glyphs) -> Vec<String> {
    let mut lines = Vec::new();
    if width == 0 || s.is_empty() {
        return lines;
    }
    let mut logical: Vec<&str> = s.split(['\n', '\u{2028}', '\u{2029}']).collect();
    if logical.last() == Some(&"") {
        logical.pop();
    }
    for line in logical {
        // A lone CR stays, as a placeholder: it is the classic trick to overwrite what was
        // just printed.
        let line = line.strip_suffix('\r').unwrap_or(line);
        wrap_into(&clean_line(line, glyphs), width, glyphs, &mut lines);
    }
    lines
}

/// Whether a line may be broken after this grapheme, dropping it (a space) or keeping it (a
/// hyphen). No-break spaces are not break points.
fn break_after(grapheme: &str) -> Option<bool> {
    if grapheme == "-" {
        return Some(false);
    }
    let is_space = grapheme
        .chars()
        .all(|c| c.is_whitespace() && !matches!(c, '\u{A0}' | '\u{2007}' | '\u{202F}'));
    is_space.then_some(true)
}

/// Greedy wrapping of one clean logical line; pushes at least one line.
fn wrap_into(clean: &str, width: usize, glyphs: Glyphs, out: &mut Vec<String>) {
    let mut line = String::new();
    let mut line_width = 0;
    // Byte index in `line` just after the last break point, and the width up to it.
    let mut break_point: Option<(usize, usize)> = None;
    let mut pushed = false;
    for grapheme in clean.graphemes(true) {
        let (grapheme, grapheme_width) = match grapheme.width() {
            // Wider than a whole line (a CJK character at width 1): it cannot be shown at all.
            w if w > width => (ellipsis(glyphs), ellipsis(glyphs).width()),
            w => (grapheme, w),
        };
        let breakable = break_after(grapheme);
        if line_width + grapheme_width > width {
            if breakable == Some(true) {
                // The overflowing space itself is the break.
                push_trimmed(out, &mut line, &mut pushed);
                line_width = 0;
                break_point = None;
                continue;
            }
            if let Some((index, width_there)) = break_point.take() {
                let rest = line.split_off(index);
                push_trimmed(out, &mut line, &mut pushed);
                line = rest;
                line_width -= width_there;
            }
            if line_width + grapheme_width > width {
                push_trimmed(out, &mut line, &mut pushed);
                line_width = 0;
            }
        }
        line.push_str(grapheme);
        line_width += grapheme_width;
        if breakable.is_some() {
            break_point = Some((line.len(), line_width));
        }
    }
    let trimmed = line.trim_end();
    if !trimmed.is_empty() || !pushed {
        out.push(trimmed.to_owned());
    }
}

/// Pushes the line without trailing spaces (skipping one that is only spaces) and clears it.
fn push_trimmed(out: &mut Vec<String>, line: &mut String, pushed: &mut bool) {
    let trimmed = line.trim_end();
    if !trimmed.is_empty() {
        out.push(trimmed.to_owned());
        *pushed = true;
    }
    line.clear();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clean_text_is_borrowed() {
        assert!(matches!(sanitize_line("plain", 10), Cow::Borrowed("plain")));
        assert!(matches!(
            sanitize_line("Қазақстан Республикасы", 80),
            Cow::Borrowed(_)
        ));
        assert!(matches!(sanitize_line("é\u{301}", 80), Cow::Borrowed(_)));
    }

    #[test]
    fn placeholders() {
        assert_eq!(sanitize_line("\u{0}\u{7}\u{8}\u{7f}\u{85}", 80), "␀␇␈␡�");
        assert_eq!(
            sanitize_line_with("\u{0}\u{1b}\u{7f}", 80, Glyphs::Ascii),
            "^@^[^?"
        );
        assert_eq!(sanitize_line("a\nb\rc", 80), "a␊b␍c");
    }

    #[test]
    fn tabs_go_to_the_next_stop() {
        assert_eq!(sanitize_line("\tx", 80), "    x");
        assert_eq!(sanitize_line("ab\tx", 80), "ab  x");
    }

    #[test]
    fn combining_floods_are_capped_even_across_removed_characters() {
        let flood = format!("e{}", "\u{301}\u{200b}".repeat(50));
        assert_eq!(sanitize_line(&flood, 80), "e\u{301}\u{301}");
    }

    #[test]
    fn truncation_counts_columns() {
        assert_eq!(sanitize_line("申诉申诉", 5), "申诉…");
        assert_eq!(sanitize_line("abcdef", 1), "…");
        assert_eq!(sanitize_line("abcdef", 0), "");
        assert_eq!(sanitize_line_with("abcdef", 4, Glyphs::Ascii), "abc~");
    }

    #[test]
    fn wrapping() {
        assert_eq!(sanitize_text("a b c d", 3), vec!["a b", "c d"]);
        assert_eq!(sanitize_text("one-two", 5), vec!["one-", "two"]);
        assert_eq!(sanitize_text("x\n\ny\n", 5), vec!["x", "", "y"]);
        assert_eq!(sanitize_text("", 5), Vec::<String>::new());
        assert_eq!(sanitize_text("abc", 0), Vec::<String>::new());
        assert_eq!(sanitize_text("申", 1), vec!["…"]);
        assert_eq!(sanitize_text("     ", 2), vec![""]);
        assert_eq!(sanitize_text("a\u{2028}b", 5), vec!["a", "b"]);
    }
}

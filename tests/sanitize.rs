//! Hostile complaint texts never reach the terminal as control sequences, hidden text or
//! overlong lines.

use std::borrow::Cow;

use merzim::ui::sanitize::{
    Glyphs, display_width, is_hidden, sanitize_line, sanitize_line_with, sanitize_text,
    sanitize_text_with,
};
use proptest::prelude::*;
use unicode_width::UnicodeWidthStr;

/// Things members of the public have sent, or could send, in a complaint.
fn hostile_corpus() -> Vec<(&'static str, String)> {
    vec![
        ("CSI colour", "Жалоба \u{1b}[31;1mСРОЧНО\u{1b}[0m".into()),
        (
            "cursor moves",
            "ok\u{1b}[2A\u{1b}[10Coverwritten\u{1b}[H".into(),
        ),
        ("clear screen", "\u{1b}[2J\u{1b}[3J\u{1b}c reset".into()),
        (
            "OSC 52 clipboard",
            "\u{1b}]52;c;cm0gLXJmIH4K\u{7}paste me".into(),
        ),
        ("OSC 0 title", "\u{1b}]0;hacked\u{7}".into()),
        ("OSC 2 title, ST", "\u{1b}]2;hacked\u{1b}\\".into()),
        (
            "OSC 8 hyperlink",
            "\u{1b}]8;;http://evil.example\u{1b}\\click\u{1b}]8;;\u{1b}\\".into(),
        ),
        ("DCS", "\u{1b}P1$r0m\u{1b}\\".into()),
        ("8-bit CSI", "\u{9b}31mred\u{9b}2J".into()),
        ("8-bit OSC and ST", "\u{9d}0;title\u{9c}".into()),
        ("NEL", "one\u{85}two".into()),
        ("bidi override", "invoice_\u{202e}gpj.exe".into()),
        (
            "bidi isolates",
            "\u{2067}\u{2066}hidden\u{2069}\u{2069}".into(),
        ),
        ("bidi marks", "a\u{200e}b\u{200f}c\u{61c}d".into()),
        (
            "zero-width joiners",
            "п\u{200b}р\u{200c}о\u{200d}к\u{2060}у\u{feff}рор".into(),
        ),
        ("soft hyphen", "ак\u{ad}имат".into()),
        (
            "tag smuggling",
            "ok\u{e0069}\u{e0067}\u{e006e}\u{e006f}\u{e0072}\u{e0065}".into(),
        ),
        ("Hangul filler", "name\u{3164}\u{3164}\u{3164}".into()),
        ("100 KB line", "Шағым ".repeat(100 * 1024 / 11)),
        (
            "combining flood",
            format!("Z{}", "\u{301}\u{316}\u{35c}".repeat(3_334)),
        ),
        ("combining flood, no base", "\u{301}".repeat(10_000)),
        ("NUL bytes", "a\u{0}b\u{0}\u{0}c".into()),
        ("BEL", "ding\u{7}\u{7}\u{7}".into()),
        (
            "backspace overwrite",
            "approved\u{8}\u{8}\u{8}\u{8}\u{8}\u{8}\u{8}\u{8}REJECTED".into(),
        ),
        ("carriage return overwrite", "approved\rREJECTED".into()),
        ("DEL", "x\u{7f}y".into()),
        ("tabs", "\tcol\tcol\t".into()),
        (
            "wide characters",
            "申诉申诉申诉申诉申诉申诉申诉申诉申诉申诉申诉申诉申诉申诉申诉".into(),
        ),
        (
            "emoji sequences",
            "👨\u{200d}👩\u{200d}👧 👍🏽 ❤\u{fe0f} 🇰🇿".into(),
        ),
        ("line separators", "a\u{2028}b\u{2029}c".into()),
        ("mixed newlines", "one\r\ntwo\nthree\rfour\n".into()),
    ]
}

fn assert_safe(output: &str, width: usize, what: &str) {
    for c in output.chars() {
        let code = u32::from(c);
        assert!(code >= 0x20, "{what}: C0 U+{code:04X} in {output:?}");
        assert!(code != 0x7f, "{what}: DEL in {output:?}");
        assert!(
            !(0x80..=0x9f).contains(&code),
            "{what}: C1 U+{code:04X} in {output:?}"
        );
        assert!(!is_hidden(c), "{what}: hidden U+{code:04X} in {output:?}");
        // Belt and braces for the bidi and zero-width ranges, independent of `is_hidden`.
        assert!(
            !matches!(
                c,
                '\u{200b}'..='\u{200f}'
                    | '\u{202a}'..='\u{202e}'
                    | '\u{2066}'..='\u{2069}'
                    | '\u{61c}'
                    | '\u{feff}'
                    | '\u{2028}'
                    | '\u{2029}'
            ),
            "{what}: U+{code:04X} in {output:?}"
        );
    }
    assert!(
        display_width(output) <= width,
        "{what}: {} columns > {width}",
        display_width(output)
    );
    assert!(
        UnicodeWidthStr::width(output) <= width,
        "{what}: {} columns (whole string) > {width}",
        UnicodeWidthStr::width(output)
    );
}

fn max_marks_in_a_row(output: &str) -> usize {
    use unicode_width::UnicodeWidthChar;
    let mut longest = 0;
    let mut run = 0;
    for c in output.chars() {
        if c.width() == Some(0) {
            run += 1;
            longest = longest.max(run);
        } else {
            run = 0;
        }
    }
    longest
}

#[test]
fn hostile_lines_are_defused() {
    for (what, input) in hostile_corpus() {
        for width in [0, 1, 2, 5, 20, 80, 200] {
            for glyphs in [Glyphs::Unicode, Glyphs::Ascii] {
                let output = sanitize_line_with(&input, width, glyphs);
                assert_safe(&output, width, what);
                assert!(
                    max_marks_in_a_row(&output) <= 2,
                    "{what}: combining flood kept"
                );
                if glyphs == Glyphs::Ascii {
                    // No Unicode placeholder leaks into ASCII mode.
                    assert!(!output.contains(['␛', '␀', '�', '…']), "{what}: {output:?}");
                }
            }
        }
    }
}

#[test]
fn hostile_texts_are_defused_and_wrapped() {
    for (what, input) in hostile_corpus() {
        for width in [0, 1, 2, 5, 20, 80] {
            for glyphs in [Glyphs::Unicode, Glyphs::Ascii] {
                let lines = sanitize_text_with(&input, width, glyphs);
                if width == 0 {
                    assert!(lines.is_empty(), "{what}");
                }
                for line in &lines {
                    assert_safe(line, width, what);
                }
            }
        }
    }
}

#[test]
fn what_the_officer_sees() {
    assert_eq!(
        sanitize_line("Жалоба \u{1b}[31;1mСРОЧНО\u{1b}[0m", 80),
        "Жалоба ␛[31;1mСРОЧНО␛[0m"
    );
    assert_eq!(
        sanitize_line("invoice_\u{202e}gpj.exe", 80),
        "invoice_gpj.exe"
    );
    assert_eq!(
        sanitize_line("approved\u{8}\u{8}REJECTED", 80),
        "approved␈␈REJECTED"
    );
    assert_eq!(sanitize_line("approved\rREJECTED", 80), "approved␍REJECTED");
    assert_eq!(
        sanitize_line_with("\u{1b}]0;hacked\u{7}", 80, Glyphs::Ascii),
        "^[]0;hacked^G"
    );
    assert_eq!(sanitize_line_with("\u{9b}2J", 80, Glyphs::Ascii), "\\x9b2J");
    assert_eq!(sanitize_line("п\u{200b}р\u{200d}о", 80), "про");
    assert_eq!(
        sanitize_text("one\r\ntwo\nthree\rfour\n", 80),
        vec!["one", "two", "three␍four"]
    );
}

#[test]
fn a_100_kb_line_is_cut_to_the_width_with_an_ellipsis() {
    let line = "Шағым ".repeat(20_000);
    let output = sanitize_line(&line, 80);
    assert_eq!(display_width(&output), 80);
    assert!(output.ends_with('…'));
    let lines = sanitize_text(&line, 80);
    assert!(lines.len() > 1_000);
    assert!(lines.iter().all(|l| display_width(l) <= 80));
}

#[test]
fn clean_short_text_is_not_copied() {
    for text in ["Жалоба на бездействие акимата", "Шағым", "plain ascii", ""]
    {
        assert!(
            matches!(sanitize_line(text, 80), Cow::Borrowed(_)),
            "{text}"
        );
    }
}

/// Strings rich in the characters this module exists for.
fn nasty_string() -> impl Strategy<Value = String> {
    let nasty = prop_oneof![
        (0u32..0x20).prop_map(|c| char::from_u32(c).unwrap_or('\0')),
        (0x7fu32..0xa0).prop_map(|c| char::from_u32(c).unwrap_or('\0')),
        prop::sample::select(vec![
            '\u{1b}',
            '\t',
            '\n',
            '\r',
            '\u{ad}',
            '\u{301}',
            '\u{316}',
            '\u{200b}',
            '\u{200d}',
            '\u{202e}',
            '\u{2066}',
            '\u{2069}',
            '\u{feff}',
            '\u{fe0f}',
            '\u{2028}',
            '\u{e0041}',
            '申',
            '👍',
            '\u{1f3fd}',
            '🇰',
            'ә',
            'Ж',
            'a',
            ' ',
            '-',
            '\u{a0}',
            '\u{3000}',
            '\u{1100}',
            '\u{1161}',
            '\u{11a8}',
            '\u{17d2}',
            '\u{a4f8}',
            '\u{a4fc}',
            'ل',
            'ا',
            '\u{2018}',
            '\u{fe01}',
        ]),
        any::<char>(),
    ];
    prop::collection::vec(nasty, 0..200).prop_map(|chars| chars.into_iter().collect())
}

fn glyphs() -> impl Strategy<Value = Glyphs> {
    prop_oneof![Just(Glyphs::Unicode), Just(Glyphs::Ascii)]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2_000))]

    #[test]
    fn any_line_is_safe(input in any::<String>(), width in 0usize..120, glyphs in glyphs()) {
        let output = sanitize_line_with(&input, width, glyphs);
        assert_safe(&output, width, "any line");
    }

    #[test]
    fn any_nasty_line_is_safe_and_stable(input in nasty_string(), width in 0usize..120, glyphs in glyphs()) {
        let output = sanitize_line_with(&input, width, glyphs);
        assert_safe(&output, width, "nasty line");
        prop_assert!(max_marks_in_a_row(&output) <= 2);
        // Sanitizing twice changes nothing: the output is already clean and fits.
        let again = sanitize_line_with(&output, width, glyphs);
        prop_assert!(matches!(again, Cow::Borrowed(_)), "{:?} -> {:?}", output, again);
    }

    #[test]
    fn any_text_is_safe(input in nasty_string(), width in 0usize..60, glyphs in glyphs()) {
        for line in sanitize_text_with(&input, width, glyphs) {
            assert_safe(&line, width, "nasty text");
        }
    }

    #[test]
    fn any_unicode_text_is_safe(input in any::<String>(), width in 0usize..60) {
        for line in sanitize_text(&input, width) {
            assert_safe(&line, width, "any text");
        }
    }
}

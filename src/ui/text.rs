//! Fitting text into columns by display width.

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// Display width.
pub fn width(s: &str) -> usize {
    s.width()
}

/// `s` cut to at most `w` columns (no ellipsis) and padded with spaces to exactly `w`.
pub fn fit(s: &str, w: usize) -> String {
    let mut out = String::with_capacity(w);
    let mut used = 0;
    for c in s.chars() {
        let cw = c.width().unwrap_or(0);
        if used + cw > w {
            break;
        }
        out.push(c);
        used += cw;
    }
    out.extend(std::iter::repeat_n(' ', w - used));
    out
}

/// `s` right-aligned in `w` columns (cut on the left if longer).
pub fn fit_right(s: &str, w: usize) -> String {
    let sw = width(s);
    if sw >= w {
        return tail(s, w);
    }
    format!("{}{s}", " ".repeat(w - sw))
}

/// The last `w` columns of `s`.
pub fn tail(s: &str, w: usize) -> String {
    let mut used = 0;
    let mut start = s.len();
    for (i, c) in s.char_indices().rev() {
        let cw = c.width().unwrap_or(0);
        if used + cw > w {
            break;
        }
        used += cw;
        start = i;
    }
    s[start..].to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fitting() {
        assert_eq!(fit("абв", 5), "абв  ");
        assert_eq!(fit("абвгд", 3), "абв");
        assert_eq!(fit("漢字", 3), "漢 ");
        assert_eq!(fit_right("-3", 4), "  -3");
        assert_eq!(tail("hello", 3), "llo");
    }
}

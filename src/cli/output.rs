//! What the command line writes, and how: nothing from data ever reaches a terminal raw.
//!
//! Office calendars, imported files, arguments and stored cases can hold any text. Every line
//! the command line writes for a person goes through [`escape`] (one line) or [`escape_text`]
//! (several), which show each dangerous character as `\u{1b}`; "dangerous" is the console's own
//! definition ([`crate::ui::sanitize::is_unsafe`]: C0 and C1 controls, DEL, bidi controls,
//! invisible characters, line separators). JSON keeps its value and stays valid: [`json_safe`]
//! writes the same characters as `\u001b` escapes. An export to a terminal goes through
//! [`TerminalSafe`]; to a file or a pipe it is written exactly.

use std::borrow::Cow;
use std::fmt::Write as _;
use std::io::{self, Write};

use super::{Failure, Ui};
use crate::ui::sanitize::is_unsafe;

/// One line with every dangerous character (and a newline) shown as `\u{XX}`.
///
/// ```
/// use merzim::cli::output::escape;
/// assert_eq!(escape("a\u{1b}]0;x\u{7}b"), "a\\u{1b}]0;x\\u{7}b");
/// assert_eq!(escape("HX-2026\u{202e}"), "HX-2026\\u{202e}");
/// assert_eq!(escape("Шағым"), "Шағым");
/// ```
pub fn escape(s: &str) -> Cow<'_, str> {
    if !s.chars().any(is_unsafe) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 16);
    for c in s.chars() {
        if is_unsafe(c) {
            // Writing to a String cannot fail.
            let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// Several lines: each escaped as by [`escape`], the newlines between them kept.
pub fn escape_text(s: &str) -> String {
    s.split('\n').map(escape).collect::<Vec<_>>().join("\n")
}

/// JSON text with every dangerous character written as a JSON escape (`\u009b`): the same JSON
/// value, safe on a terminal. Outside strings JSON holds only ASCII punctuation, digits and
/// letters, so every such character is inside a string, where the escape is valid.
pub fn json_safe(s: &str) -> Cow<'_, str> {
    if !s.chars().any(|c| c != '\n' && is_unsafe(c)) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 16);
    for c in s.chars() {
        if c != '\n' && is_unsafe(c) {
            let mut units = [0u16; 2];
            for u in c.encode_utf16(&mut units) {
                let _ = write!(out, "\\u{u:04x}");
            }
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// A writer for a terminal: text passes through [`json_safe`] (newlines kept), so JSON Lines
/// stay valid JSON with the same values and CSV shows `\u009b` where the data has U+009B.
/// Bytes that are not UTF-8 are shown as `\xNN`. Call [`TerminalSafe::finish`] at the end.
pub struct TerminalSafe<W: Write> {
    inner: W,
    /// The start of a character whose rest has not been written yet.
    pending: Vec<u8>,
    /// Nothing written yet: a byte order mark (CSV for spreadsheets) is left out, it means
    /// nothing on a terminal.
    at_start: bool,
}

impl<W: Write> TerminalSafe<W> {
    pub fn new(inner: W) -> TerminalSafe<W> {
        TerminalSafe {
            inner,
            pending: Vec::new(),
            at_start: true,
        }
    }

    /// Writes what is left (an incomplete character, shown as bytes) and flushes.
    pub fn finish(mut self) -> io::Result<W> {
        let tail = std::mem::take(&mut self.pending);
        let mut shown = String::new();
        for b in tail {
            let _ = write!(shown, "\\x{b:02x}");
        }
        self.inner.write_all(shown.as_bytes())?;
        self.inner.flush()?;
        Ok(self.inner)
    }

    fn drain(&mut self) -> io::Result<()> {
        const BOM: &[u8] = "\u{feff}".as_bytes();
        if self.at_start {
            if self.pending.len() < BOM.len() && BOM.starts_with(&self.pending) {
                return Ok(());
            }
            if self.pending.starts_with(BOM) {
                self.pending.drain(..BOM.len());
            }
            self.at_start = false;
        }
        let mut out = String::new();
        let mut rest: &[u8] = &self.pending;
        loop {
            match std::str::from_utf8(rest) {
                Ok(s) => {
                    out.push_str(&json_safe(s));
                    rest = &[];
                    break;
                }
                Err(e) => {
                    let (good, bad) = rest.split_at(e.valid_up_to());
                    // The prefix is valid UTF-8 by the error's own account.
                    out.push_str(&json_safe(&String::from_utf8_lossy(good)));
                    match e.error_len() {
                        Some(n) => {
                            for b in &bad[..n] {
                                let _ = write!(out, "\\x{b:02x}");
                            }
                            rest = &bad[n..];
                        }
                        // An incomplete character at the end: wait for its rest.
                        None => {
                            rest = bad;
                            break;
                        }
                    }
                }
            }
        }
        let keep = rest.to_vec();
        self.pending = keep;
        self.inner.write_all(out.as_bytes())
    }
}

impl<W: Write> Write for TerminalSafe<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.pending.extend_from_slice(buf);
        self.drain()?;
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

/// Whether an error means the reader went away (`merzim export | head`): not a failure of
/// the command, which then ends quietly with status 0.
pub fn is_broken_pipe(e: &io::Error) -> bool {
    e.kind() == io::ErrorKind::BrokenPipe
}

/// Whether an error means the disk (or the quota) is full.
pub fn is_disk_full(e: &io::Error) -> bool {
    e.kind() == io::ErrorKind::StorageFull
        || e.kind() == io::ErrorKind::QuotaExceeded
        || e.raw_os_error() == Some(libc::ENOSPC)
        || e.raw_os_error() == Some(libc::EDQUOT)
}

/// A write error as a failure: a closed pipe is a quiet end, a full disk one clear line.
pub fn write_failure(ui: &Ui, e: &io::Error, target: &str) -> Failure {
    if is_broken_pipe(e) {
        Failure::quiet()
    } else if is_disk_full(e) {
        Failure::disk_full(ui, target)
    } else {
        Failure::input(ui.t(
            "cli-cannot-write",
            &[("target", target.into()), ("reason", e.to_string().into())],
        ))
    }
}

/// Standard output for a person: every line escaped, a closed pipe a quiet end.
pub struct Out<'a> {
    inner: io::BufWriter<io::StdoutLock<'static>>,
    ui: &'a Ui,
    target: String,
}

impl Out<'_> {
    pub fn new(ui: &Ui) -> Out<'_> {
        Out {
            inner: io::BufWriter::new(io::stdout().lock()),
            ui,
            target: ui.t("cli-standard-output", &[]),
        }
    }

    /// Writes text (one or more lines, escaped); adds a newline if it has none at the end.
    pub fn text(&mut self, s: &str) -> Result<(), Failure> {
        let body = s.strip_suffix('\n').unwrap_or(s);
        let mut line = escape_text(body);
        line.push('\n');
        self.inner
            .write_all(line.as_bytes())
            .map_err(|e| write_failure(self.ui, &e, &self.target))
    }

    /// Writes one JSON document on a line, dangerous characters as JSON escapes.
    pub fn json(&mut self, v: &serde_json::Value) -> Result<(), Failure> {
        let text = v.to_string();
        let mut line = json_safe(&text).into_owned();
        line.push('\n');
        self.inner
            .write_all(line.as_bytes())
            .map_err(|e| write_failure(self.ui, &e, &self.target))
    }

    pub fn finish(mut self) -> Result<(), Failure> {
        self.inner
            .flush()
            .map_err(|e| write_failure(self.ui, &e, &self.target))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_dangerous_character_is_escaped() {
        for c in [
            '\u{0}',
            '\u{7}',
            '\u{8}',
            '\r',
            '\n',
            '\t',
            '\u{1b}',
            '\u{7f}',
            '\u{85}',
            '\u{9b}',
            '\u{200b}',
            '\u{200e}',
            '\u{202e}',
            '\u{2066}',
            '\u{2028}',
            '\u{feff}',
            '\u{e0041}',
        ] {
            let s = format!("a{c}b");
            let e = escape(&s);
            assert!(!e.contains(c), "{c:?} in {e}");
            assert_eq!(e, format!("a\\u{{{:x}}}b", u32::from(c)));
        }
        assert_eq!(escape_text("x\u{1b}\ny"), "x\\u{1b}\ny");
    }

    #[test]
    fn json_stays_json() {
        let v = serde_json::json!({"name": "a\u{9b}\u{202e}\u{7f}\u{e0041}\u{1b}b"});
        let text = v.to_string();
        let safe = json_safe(&text);
        assert!(!safe.chars().any(is_unsafe), "{safe}");
        let back: serde_json::Value = serde_json::from_str(&safe).unwrap();
        assert_eq!(back, v);
    }

    #[test]
    fn terminal_writer_handles_split_characters() {
        let text = "\u{feff}Ж\u{9b}31m\n\u{202e}x\r\n\u{feff}";
        let mut w = TerminalSafe::new(Vec::new());
        for b in text.as_bytes() {
            w.write_all(&[*b]).unwrap();
        }
        w.write_all(b"\xff").unwrap();
        let out = String::from_utf8(w.finish().unwrap()).unwrap();
        assert_eq!(out, "Ж\\u009b31m\n\\u202ex\\u000d\n\\ufeff\\xff");
    }
}

//! `merzim letter NUMBER KIND [--out FILE]`: the extension notice or the answer of a case, as
//! a draft to finish and sign in the body's document system.
//!
//! The language is `--lang` (else the locale); the format follows the extension of `--out`
//! (`.txt`, `.docx`); without `--out` the text goes to standard output. `--out` is written to a
//! temporary file next to it and renamed when complete, as `export --out` does.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use clap::Args;

use super::output::{Out, write_failure};
use super::session::api_failure;
use super::{Failure, Ui, say};
use crate::letters::{Format, LetterError, LetterKind};
use crate::service::CaseApi;

#[derive(Debug, Args)]
pub struct LetterArgs {
    /// The case number, e.g. KZ-2026-000017.
    pub number: String,
    /// extension-notice (Art. 25.4) or answer (Art. 5.2.7, Art. 19-1).
    #[arg(value_parser = parse_kind)]
    pub kind: LetterKind,
    /// Write here; '.txt' or '.docx' chooses the format (written whole, or not at all).
    #[arg(long)]
    pub out: Option<PathBuf>,
}

fn parse_kind(s: &str) -> Result<LetterKind, String> {
    s.parse()
}

fn letter_failure(ui: &Ui, e: &LetterError) -> Failure {
    let message = e.message(&ui.texts, ui.lang);
    if e.is_input() {
        Failure::input(message)
    } else {
        Failure::other(message)
    }
}

/// The letter through `api`: the service renders it from the office's templates (the
/// daemon's, through a daemon), so that every console writes the office's wording. Who reads
/// the case is the session's caller: a user of the database, else this account as an officer
/// (access to the database file is what guards an embedded command, as for `export`).
pub fn run(args: &LetterArgs, api: &dyn CaseApi, ui: &Ui) -> Result<(), Failure> {
    // The file name is checked before anything is read: a wrong one costs nothing.
    let format = match &args.out {
        Some(path) => Format::from_path(path).map_err(|e| letter_failure(ui, &e))?,
        None => Format::Text,
    };
    let bytes = api
        .letter(args.number.clone(), args.kind, ui.lang, format)
        .map_err(|e| api_failure(e, ui))?;
    match &args.out {
        Some(path) => {
            write_atomically(path, &bytes, ui)?;
            say(&ui.t(
                "letter-written",
                &[("path", path.display().to_string().into())],
            ));
            Ok(())
        }
        None => {
            // The letter holds no character a terminal acts on (the letters module removes
            // them); `Out` escapes every line all the same, the one rule of the command line.
            let mut out = Out::new(ui);
            out.text(&String::from_utf8_lossy(&bytes))?;
            out.finish()
        }
    }
}

/// Writes `bytes` to a temporary file next to `path`, flushes it to disk and renames it.
pub(super) fn write_atomically(path: &Path, bytes: &[u8], ui: &Ui) -> Result<(), Failure> {
    let shown = format!("'{}'", path.display());
    let tmp = super::export::partial_path(path);
    let result = (|| -> Result<(), Failure> {
        let mut file = fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&tmp)
            .map_err(|e| write_failure(ui, &e, &shown))?;
        file.write_all(bytes)
            .map_err(|e| write_failure(ui, &e, &shown))?;
        file.sync_all().map_err(|e| write_failure(ui, &e, &shown))?;
        fs::rename(&tmp, path).map_err(|e| write_failure(ui, &e, &shown))
    })();
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    result
}

//! `merzim export [--format jsonl|csv] [--out FILE]`.
//!
//! To a file or a pipe the data is written exactly. To a terminal every dangerous character is
//! written as a JSON escape (`\u009b`): JSON Lines stay valid and mean the same, CSV shows the
//! escape as text; nothing from the data can drive the terminal. `--out` writes a temporary
//! file next to the target and renames it only when everything is written: never a truncated
//! export.

use std::fs;
use std::io::{self, BufWriter, IsTerminal, Write};
use std::path::{Path, PathBuf};

use clap::{Args, ValueEnum};

use super::output::{TerminalSafe, write_failure};
use super::session::{Stop, api_failure, download};
use super::{Failure, Ui, say};
use crate::service::CaseApi;
use crate::service::exchange::ExportReport;
use crate::service::transfer::Snapshot;
use crate::store::Damaged;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    /// Lossless JSON Lines with history: imports back identically.
    Jsonl,
    /// One row per case with its dates, for spreadsheets.
    Csv,
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    #[arg(long, value_enum, default_value = "jsonl")]
    pub format: ExportFormat,
    /// Write here instead of standard output (written whole, or not at all).
    #[arg(long)]
    pub out: Option<PathBuf>,
}

/// The export through `api`, written to `out` (the CSV's dates are the session's "today").
fn export(
    api: &dyn CaseApi,
    format: ExportFormat,
    out: &mut dyn Write,
) -> Result<ExportReport, Stop> {
    let what = match format {
        ExportFormat::Jsonl => Snapshot::Jsonl,
        ExportFormat::Csv => Snapshot::Csv,
    };
    download(api, what, out)
}

/// The failure of an export to `target`.
fn export_failure(ui: &Ui, e: Stop, target: &str) -> Failure {
    match e {
        Stop::Write(io) => write_failure(ui, &io, target),
        Stop::Api(e) => api_failure(e, ui),
    }
}

/// Says which records were left out; the caller ends with status 1 if there were any.
pub fn report_damaged(ui: &Ui, damaged: &[Damaged]) {
    for d in damaged {
        say(&damaged_line(ui, d));
    }
}

/// One damaged record, in the reader's language (its reason is the decoder's own words).
pub fn damaged_line(ui: &Ui, d: &Damaged) -> String {
    let mut args = vec![
        ("tree", d.tree.clone().into()),
        ("key", d.key.clone().into()),
        ("reason", d.reason.clone().into()),
    ];
    match &d.number {
        Some(n) => {
            args.push(("number", n.clone().into()));
            ui.t("cli-damaged-case", &args)
        }
        None => ui.t("cli-damaged", &args),
    }
}

/// A temporary file next to `path`, so that the rename is atomic (same file system).
pub fn partial_path(path: &Path) -> PathBuf {
    let mut name = std::ffi::OsString::from(".");
    name.push(path.file_name().unwrap_or_default());
    name.push(format!(".partial-{}", std::process::id()));
    path.with_file_name(name)
}

pub fn run(args: &ExportArgs, api: &dyn CaseApi, ui: &Ui) -> Result<(), Failure> {
    super::backup::warn_unfinished_restore(api, ui);
    let report = match &args.out {
        // A device or a pipe named by --out (/dev/stdout, a FIFO) is written as it is: it
        // cannot be replaced by a renamed file, and there is nothing to truncate.
        Some(path) if fs::metadata(path).is_ok_and(|m| !m.is_file() && !m.is_dir()) => {
            let shown = format!("'{}'", path.display());
            let file = fs::OpenOptions::new()
                .write(true)
                .open(path)
                .map_err(|e| write_failure(ui, &e, &shown))?;
            let mut w = BufWriter::new(file);
            let report =
                export(api, args.format, &mut w).map_err(|e| export_failure(ui, e, &shown))?;
            w.flush().map_err(|e| write_failure(ui, &e, &shown))?;
            report
        }
        Some(path) => {
            let shown = format!("'{}'", path.display());
            let tmp = partial_path(path);
            let result = (|| -> Result<ExportReport, Failure> {
                let file = fs::OpenOptions::new()
                    .write(true)
                    .create_new(true)
                    .open(&tmp)
                    .map_err(|e| write_failure(ui, &e, &shown))?;
                let mut w = BufWriter::new(file);
                let report =
                    export(api, args.format, &mut w).map_err(|e| export_failure(ui, e, &shown))?;
                let file = w
                    .into_inner()
                    .map_err(|e| write_failure(ui, e.error(), &shown))?;
                file.sync_all().map_err(|e| write_failure(ui, &e, &shown))?;
                fs::rename(&tmp, path).map_err(|e| write_failure(ui, &e, &shown))?;
                Ok(report)
            })();
            if result.is_err() {
                let _ = fs::remove_file(&tmp);
            }
            let report = result?;
            say(&ui.t(
                "cli-exported",
                &[
                    ("count", report.cases.into()),
                    ("path", path.display().to_string().into()),
                ],
            ));
            report
        }
        None => {
            let target = ui.t("cli-standard-output", &[]);
            let stdout = io::stdout();
            if stdout.is_terminal() {
                let mut w = TerminalSafe::new(BufWriter::new(stdout.lock()));
                let report =
                    export(api, args.format, &mut w).map_err(|e| export_failure(ui, e, &target))?;
                w.finish().map_err(|e| write_failure(ui, &e, &target))?;
                report
            } else {
                let mut w = BufWriter::new(stdout.lock());
                let report =
                    export(api, args.format, &mut w).map_err(|e| export_failure(ui, e, &target))?;
                w.flush().map_err(|e| write_failure(ui, &e, &target))?;
                report
            }
        }
    };
    if report.damaged.is_empty() {
        return Ok(());
    }
    report_damaged(ui, &report.damaged);
    Err(Failure::other(ui.t(
        "cli-export-skipped",
        &[("count", report.damaged.len().into())],
    )))
}

//! `merzim export [--format jsonl|csv] [--out FILE]`.

use std::fs;
use std::io::{self, BufWriter, Write};
use std::path::PathBuf;

use chrono::NaiveDate;
use clap::{Args, ValueEnum};

use super::Failure;
use crate::service::Service;

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
    /// Write here instead of standard output.
    #[arg(long)]
    pub out: Option<PathBuf>,
}

pub fn run(args: &ExportArgs, svc: &Service, today: NaiveDate) -> Result<(), Failure> {
    let mut out: Box<dyn Write> = match &args.out {
        Some(p) => Box::new(BufWriter::new(fs::File::create(p).map_err(|e| {
            Failure::input(format!("cannot write '{}': {e}", p.display()))
        })?)),
        None => Box::new(BufWriter::new(io::stdout().lock())),
    };
    let n = match args.format {
        ExportFormat::Jsonl => svc.export_jsonl(&mut out),
        ExportFormat::Csv => svc.export_csv(&mut out, today),
    }
    .map_err(super::service_failure)?;
    out.flush()
        .map_err(|e| Failure::input(format!("cannot write the export: {e}")))?;
    if let Some(p) = &args.out {
        eprintln!("merzim: exported {n} cases to '{}'", p.display());
    }
    Ok(())
}

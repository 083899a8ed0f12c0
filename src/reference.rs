//! Reference data: the calendar, the rules and the service register, as shipped (embedded in the
//! binary) plus an office's own files.
//!
//! An office data directory (`--data-dir`, default `<config dir>/merzim`) may hold
//! `calendars/*.toml` (read after the shipped calendar, in name order, each overriding earlier
//! entries of the same date) and `services/*.toml` (the office's register, which replaces the
//! shipped sample) and `templates/` (the office's own letters, read here and checked when a
//! letter is written: see [`crate::letters`]).

use std::fs;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};

use crate::domain::calendar::{Calendar, data as calendar_data};
use crate::domain::rules::RuleBook;
use crate::domain::services::Register;

/// The shipped national calendar.
pub const SHIPPED_CALENDAR: &str = include_str!("../data/calendars/kz.toml");
/// The shipped rules of the Law "On state services".
pub const SHIPPED_RULES: &str = include_str!("../data/rules/kz-state-services.toml");
/// The shipped sample service register.
pub const SHIPPED_SERVICES: &str = include_str!("../data/services/sample.toml");

/// Everything the deadline engine reads besides a case.
#[derive(Debug, Clone)]
pub struct Reference {
    pub calendar: Calendar,
    pub rules: RuleBook,
    pub services: Register,
    /// The office's own letter templates (`<data-dir>/templates/*`), as read; empty without.
    pub templates: Vec<OfficeFile>,
    /// The texts the calendar, the rules and the register were parsed from: what the daemon
    /// hands a console (`Request::Reference`), so that both compute previews on the same
    /// calendar and register, parsed by the same loader.
    pub sources: Sources,
}

/// The data files behind a [`Reference`], as `(name, text)`: the calendars in the order they
/// are merged, the rules, the register. Letter templates are not among them: letters are
/// written by whoever holds the database.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Sources {
    pub calendars: Vec<(String, String)>,
    pub rules: (String, String),
    pub services: (String, String),
}

/// A file of the office's `templates/` directory, read but not yet checked: a broken letter
/// template is reported when a letter is written, not when the console starts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OfficeFile {
    /// The file's name (`answer.kk.txt`).
    pub name: String,
    /// Its path as shown in messages.
    pub path: String,
    pub bytes: Vec<u8>,
}

impl Reference {
    /// The shipped data only.
    pub fn shipped() -> Result<Reference> {
        Reference::load(None)
    }

    /// The shipped data plus the office's files in `data_dir`, if given and present.
    pub fn load(data_dir: Option<&Path>) -> Result<Reference> {
        let mut calendars = vec![(
            "data/calendars/kz.toml".to_string(),
            SHIPPED_CALENDAR.to_string(),
        )];
        let mut registers = Vec::new();
        let mut templates = Vec::new();
        if let Some(dir) = data_dir {
            calendars.extend(read_toml_files(&dir.join("calendars"))?);
            registers = read_toml_files(&dir.join("services"))?;
            templates = read_office_files(&dir.join("templates"))?;
        }
        let services = match registers.as_slice() {
            [] => (
                "data/services/sample.toml".to_string(),
                SHIPPED_SERVICES.to_string(),
            ),
            [one] => one.clone(),
            [(name, _), ..] => anyhow::bail!(
                "more than one service register in '{}': keep one file there",
                Path::new(name)
                    .parent()
                    .map(Path::display)
                    .map(|d| d.to_string())
                    .unwrap_or_default()
            ),
        };
        let sources = Sources {
            calendars,
            rules: (
                "data/rules/kz-state-services.toml".to_string(),
                SHIPPED_RULES.to_string(),
            ),
            services,
        };
        Ok(Reference {
            templates,
            ..Reference::from_sources(sources)?
        })
    }

    /// The reference data parsed from `sources` (another process's, e.g. the daemon's), with no
    /// letter templates.
    pub fn from_sources(sources: Sources) -> Result<Reference> {
        let calendar = calendar_data::load(&sources.calendars)?;
        let rules = RuleBook::parse(&sources.rules.0, &sources.rules.1)?;
        let services = Register::parse(&sources.services.0, &sources.services.1)?;
        Ok(Reference {
            calendar,
            rules,
            services,
            templates: Vec::new(),
            sources,
        })
    }
}

/// The default office data directory: `<config dir>/merzim`.
pub fn default_data_dir() -> Option<PathBuf> {
    directories::ProjectDirs::from("kz", "merzim", "merzim").map(|p| p.config_dir().to_path_buf())
}

/// Every regular file in `dir` (not hidden), in name order; an absent directory is empty.
fn read_office_files(dir: &Path) -> Result<Vec<OfficeFile>> {
    let entries = match fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(e).with_context(|| format!("cannot read '{}'", dir.display())),
    };
    let mut paths: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file())
        .filter(|p| {
            p.file_name()
                .is_some_and(|n| !n.to_string_lossy().starts_with('.'))
        })
        .collect();
    paths.sort();
    paths
        .into_iter()
        .map(|p| {
            let bytes = fs::read(&p).with_context(|| format!("cannot read '{}'", p.display()))?;
            Ok(OfficeFile {
                name: p
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default(),
                path: p.display().to_string(),
                bytes,
            })
        })
        .collect()
}

/// `(path, text)` of every `*.toml` in `dir`, in name order; an absent directory is empty.
fn read_toml_files(dir: &Path) -> Result<Vec<(String, String)>> {
    let entries = match fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(e).with_context(|| format!("cannot read '{}'", dir.display())),
    };
    let mut paths: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    paths.sort();
    paths
        .into_iter()
        .map(|p| {
            let bytes = fs::read(&p).with_context(|| format!("cannot read '{}'", p.display()))?;
            let text = String::from_utf8(bytes).map_err(|e| {
                anyhow::anyhow!(
                    "'{}' is not UTF-8 text (at byte {}); save it as UTF-8",
                    p.display(),
                    e.utf8_error().valid_up_to()
                )
            })?;
            Ok((p.display().to_string(), text))
        })
        .collect()
}

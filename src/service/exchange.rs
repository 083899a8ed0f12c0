//! Import and export (JSON Lines, CSV), backup and restore (DESIGN 3).
//!
//! An import reads and validates every line first and writes nothing if one is wrong; then it
//! writes all new cases in one transaction. A case whose number is already in the database is
//! skipped when it is the same case, and refused when it differs: an import never overwrites.

use std::collections::HashMap;
use std::fs;
use std::io::{self, BufRead, BufReader, BufWriter, Read, Write};
use std::path::{Path, PathBuf};

use chrono::{NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use thiserror::Error;

use super::{QueueQuery, Scope, Service, ServiceError, Sort};
use crate::domain::case::Actor;
use crate::domain::deadline::NoticeKind;
use crate::domain::ids::check_body_code;
use crate::store::exchange::{CaseLine, ImportContext, Lines, MAX_LINE_BYTES};
use crate::store::{Damaged, SCHEMA_VERSION, StoreError, User};

/// At most this many bad lines are listed; the count says how many there were.
const MAX_REPORTED: usize = 50;

/// The first line of a backup: what the case lines do not carry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BackupHeader {
    pub schema: u32,
    pub body: String,
    pub users: Vec<User>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct HeaderLine {
    #[serde(rename = "merzim-backup")]
    pub(crate) backup: BackupHeader,
}

/// What an import did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ImportReport {
    /// Cases written.
    pub added: usize,
    /// Lines whose case was already in the database, unchanged.
    pub unchanged: usize,
    /// Users added from a backup header.
    pub users: usize,
}

/// Why an import wrote nothing.
#[derive(Debug, Error)]
pub enum ImportError {
    /// Bad lines, each `line N: what is wrong`.
    #[error("{} (nothing was imported)", summary(.lines, *.total))]
    Invalid { lines: Vec<String>, total: usize },
    #[error("cannot read '{path}': {source}")]
    Read { path: PathBuf, source: io::Error },
    #[error("cannot write '{path}': {source}")]
    Write { path: PathBuf, source: io::Error },
    #[error(transparent)]
    Service(#[from] ServiceError),
}

fn summary(lines: &[String], total: usize) -> String {
    match (lines.first(), total) {
        (Some(l), 1) => l.clone(),
        (Some(_), n) => format!("{n} lines are wrong"),
        (None, _) => "the file is wrong".into(),
    }
}

impl From<StoreError> for ImportError {
    fn from(e: StoreError) -> ImportError {
        ImportError::Service(e.into())
    }
}

/// Why an export stopped.
#[derive(Debug, Error)]
pub enum ExportError {
    /// The output cannot be written (a closed pipe, a full disk): the kind tells which.
    #[error("cannot write the export: {0}")]
    Write(#[from] io::Error),
    #[error(transparent)]
    Service(#[from] ServiceError),
}

impl From<StoreError> for ExportError {
    fn from(e: StoreError) -> ExportError {
        ExportError::Service(e.into())
    }
}

/// What an export wrote, and the records it had to leave out.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ExportReport {
    /// Cases written.
    pub cases: usize,
    /// Records that cannot be read, skipped: `merzim check` lists every one.
    pub damaged: Vec<Damaged>,
}

/// Export formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Lossless, one case per line, with its history.
    Jsonl,
    /// For spreadsheets: one row per case with its computed dates.
    Csv,
}

/// A spreadsheet cell that would start a formula is prefixed with `'` (CSV injection).
pub fn guard_cell(s: &str) -> String {
    match s.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{s}"),
        _ => s.to_string(),
    }
}

impl Service {
    /// Imports JSON Lines from `reader` as `actor`. All or nothing.
    pub fn import(
        &self,
        reader: impl BufRead,
        actor: &Actor,
        today: NaiveDate,
    ) -> Result<ImportReport, ImportError> {
        let _exclusive = self.exclusive();
        let ctx = ImportContext {
            calendar: &self.reference.calendar,
            rules: &self.reference.rules,
            services: &self.reference.services,
            actor: actor.clone(),
            at: Utc::now(),
            today,
        };
        let mut lines = Lines::new(reader, MAX_LINE_BYTES);
        let mut errors = Vec::new();
        let mut total_errors = 0;
        let mut fail = |errors: &mut Vec<String>, n: usize, msg: String| {
            total_errors += 1;
            if errors.len() < MAX_REPORTED {
                errors.push(format!("line {n}: {msg}"));
            }
        };
        let mut header: Option<BackupHeader> = None;
        let mut seen: HashMap<String, usize> = HashMap::new();
        let mut new_cases = Vec::new();
        let mut report = ImportReport::default();
        while let Some((n, line)) = lines.next_line().map_err(|source| ImportError::Read {
            path: PathBuf::from("-"),
            source,
        })? {
            let line = match line {
                Ok(l) => l,
                Err(p) => {
                    fail(&mut errors, n, p.to_string());
                    continue;
                }
            };
            if line.trim().is_empty() {
                continue;
            }
            if n == 1 && line.starts_with("{\"merzim-backup\"") {
                match serde_json::from_str::<HeaderLine>(&line) {
                    Ok(h) if h.backup.schema > SCHEMA_VERSION => fail(
                        &mut errors,
                        n,
                        format!(
                            "the backup has schema version {}, newer than this program's {SCHEMA_VERSION}",
                            h.backup.schema
                        ),
                    ),
                    Ok(h) => match check_body_code(&h.backup.body) {
                        Ok(()) => header = Some(h.backup),
                        Err(e) => fail(&mut errors, n, format!("'body': {e}")),
                    },
                    Err(e) => fail(
                        &mut errors,
                        n,
                        format!("the backup header cannot be read: {e}"),
                    ),
                }
                continue;
            }
            let parsed: CaseLine = match parse_line(&line) {
                Ok(c) => c,
                Err(msg) => {
                    fail(&mut errors, n, msg);
                    continue;
                }
            };
            if let Some(first) = seen.get(&parsed.number) {
                fail(
                    &mut errors,
                    n,
                    format!("number '{}' is already on line {first}", parsed.number),
                );
                continue;
            }
            seen.insert(parsed.number.clone(), n);
            let case = match parsed.to_case(&ctx) {
                Ok(c) => c,
                Err(msg) => {
                    fail(&mut errors, n, msg);
                    continue;
                }
            };
            match self.store.case(&case.number)? {
                Some((_, existing)) => {
                    let theirs = CaseLine::from_case(&existing, parsed.history.is_some());
                    let ours = CaseLine::from_case(&case, parsed.history.is_some());
                    if same_case(&theirs, &ours) {
                        report.unchanged += 1;
                    } else {
                        fail(
                            &mut errors,
                            n,
                            format!(
                                "case '{}' is already in the database with different content; an import never overwrites",
                                case.number
                            ),
                        );
                    }
                }
                None => new_cases.push(case),
            }
        }
        if total_errors > 0 {
            return Err(ImportError::Invalid {
                lines: errors,
                total: total_errors,
            });
        }
        if let Some(h) = &header {
            if self.store.count()? == 0 {
                self.store.set_body(&h.body)?;
            }
            for u in &h.users {
                if self.store.user(u.uid)?.is_none() {
                    self.store.put_user(u)?;
                    report.users += 1;
                }
            }
        }
        // Whatever happens below, the rows in memory are made again from what is stored.
        self.rows.forget();
        for chunk in new_cases.chunks(IMPORT_BATCH) {
            self.store.insert_many(chunk).map_err(ServiceError::from)?;
        }
        report.added = new_cases.len();
        Ok(report)
    }

    /// Imports the file at `path`.
    pub fn import_file(
        &self,
        path: &Path,
        actor: &Actor,
        today: NaiveDate,
    ) -> Result<ImportReport, ImportError> {
        let f = fs::File::open(path).map_err(|source| ImportError::Read {
            path: path.to_path_buf(),
            source,
        })?;
        self.import(BufReader::new(f), actor, today)
    }

    /// Writes every case as JSON Lines, in the order they were stored, each with its history.
    /// A case whose record, text or history cannot be read is skipped and named in the report.
    pub fn export_jsonl(&self, out: &mut dyn Write) -> Result<ExportReport, ExportError> {
        let _exclusive = self.exclusive();
        self.write_jsonl(out)
    }

    pub(crate) fn write_jsonl(&self, out: &mut dyn Write) -> Result<ExportReport, ExportError> {
        let mut report = ExportReport::default();
        for r in self.store.scan_raw() {
            let raw = r?;
            let case = match self.store.full_case(&raw) {
                Ok(c) => c,
                Err(d) => {
                    report.damaged.push(d);
                    continue;
                }
            };
            let line = CaseLine::from_case(&case, true);
            let mut text = serde_json::to_vec(&line).map_err(|e| {
                ServiceError::Invalid(format!("case '{}' cannot be written: {e}", case.number))
            })?;
            text.push(b'\n');
            out.write_all(&text)?;
            report.cases += 1;
        }
        out.flush()?;
        Ok(report)
    }

    /// Writes one CSV row per case with its dates on `today`, for spreadsheets: UTF-8 with a
    /// byte order mark (so that Excel reads Cyrillic and Kazakh letters), text cells guarded
    /// against formulas, and the dates the case was answered, decided and closed.
    pub fn export_csv(
        &self,
        out: &mut dyn Write,
        today: NaiveDate,
    ) -> Result<ExportReport, ExportError> {
        let caller = super::Caller {
            uid: 0,
            login: String::new(),
            name: String::new(),
            role: super::Role::Supervisor,
        };
        let q = QueueQuery {
            scope: Scope::All,
            include_closed: true,
            sort: Sort::Number,
            ..QueueQuery::default()
        };
        let (rows, damaged) = self.queue_with_damage(&caller, today, &q)?;
        // The dates of each case's answer, decision and closing (not in the queue row).
        let mut dates: HashMap<String, [Option<NaiveDate>; 3]> = HashMap::new();
        for r in self.store.scan() {
            let Ok(r) = r else { continue };
            let c = r.case;
            let answered = c
                .notices
                .iter()
                .find(|n| matches!(n.kind, NoticeKind::Answer | NoticeKind::Result))
                .map(|n| n.sent);
            let decided = c.decision.as_ref().map(|d| d.date);
            dates.insert(c.number, [answered, decided, c.closed]);
        }
        out.write_all("\u{feff}".as_bytes())?;
        let mut w = csv::Writer::from_writer(out);
        w.write_record([
            "number",
            "kind",
            "status",
            "registered",
            "addressee",
            "channel",
            "service",
            "medium",
            "due",
            "remaining_working_days",
            "urgency",
            "extended",
            "notice_owed",
            "provisional",
            "answered",
            "decided",
            "closed",
            "assignee",
            "applicant",
            "iin_bin",
            "subject",
        ])
        .map_err(csv_error)?;
        for r in &rows {
            let opt = |d: Option<String>| d.unwrap_or_default();
            let date = |d: Option<NaiveDate>| d.map(|d| d.to_string()).unwrap_or_default();
            let yes = |b: bool| if b { "yes" } else { "no" }.to_string();
            let [answered, decided, closed] = dates.get(&r.number).copied().unwrap_or_default();
            w.write_record([
                guard_cell(&r.number),
                r.kind.to_string(),
                r.status.to_string(),
                r.registered.to_string(),
                opt(r.addressee.map(|a| a.to_string())),
                opt(r.channel.map(|c| c.to_string())),
                guard_cell(&opt(r.service.clone())),
                r.medium.to_string(),
                date(r.due),
                // A number we computed: spreadsheets read "-3" as minus three, not a formula.
                // What the row says: none once the case is answered or closed.
                opt(r.remaining.map(|n| n.to_string())),
                r.urgency.as_str().to_string(),
                yes(r.badges.extended),
                yes(r.badges.notice_owed),
                yes(r.badges.provisional),
                date(answered),
                date(decided),
                date(closed),
                guard_cell(&opt(r.assignee.clone())),
                guard_cell(&r.applicant),
                guard_cell(&r.applicant_id),
                guard_cell(&r.subject),
            ])
            .map_err(csv_error)?;
        }
        w.flush()?;
        Ok(ExportReport {
            cases: rows.len(),
            damaged,
        })
    }

    /// A consistent backup to `out`: the header (schema, body code, users) and every case, then
    /// verified by restoring it into a temporary database and comparing the two exports. The
    /// file appears at `out` only once verified.
    pub fn backup(&self, out: &Path, today: NaiveDate) -> Result<BackupReport, ImportError> {
        let tmp = sibling(out, "partial");
        let verify_db = sibling(out, "verify-db");
        let result = self.backup_into(&tmp, &verify_db, today);
        let _ = fs::remove_dir_all(&verify_db);
        match result {
            Ok(report) => {
                fs::rename(&tmp, out).map_err(|source| ImportError::Read {
                    path: out.to_path_buf(),
                    source,
                })?;
                Ok(report)
            }
            Err(e) => {
                let _ = fs::remove_file(&tmp);
                // The temporary file is ours; the user named the backup.
                Err(match e {
                    ImportError::Write { path, source } if path == tmp => ImportError::Write {
                        path: out.to_path_buf(),
                        source,
                    },
                    e => e,
                })
            }
        }
    }

    fn backup_into(
        &self,
        tmp: &Path,
        verify_db: &Path,
        today: NaiveDate,
    ) -> Result<BackupReport, ImportError> {
        let io_write = |source| ImportError::Write {
            path: tmp.to_path_buf(),
            source,
        };
        let file = fs::File::create(tmp).map_err(io_write)?;
        let mut w = BufWriter::new(file);
        let written = match self.write_backup(&mut w) {
            Ok(r) => r,
            Err(ExportError::Write(source)) => return Err(io_write(source)),
            Err(ExportError::Service(e)) => return Err(e.into()),
        };
        let file = w.into_inner().map_err(|e| io_write(e.into_error()))?;
        file.sync_all().map_err(io_write)?;
        let bytes = super::transfer::verify_backup(tmp, verify_db, &self.reference, today)?;
        Ok(BackupReport {
            cases: written.cases,
            bytes,
            damaged: written.damaged,
        })
    }

    /// Writes a backup to `out`: the header line (schema, body code, the users that can be
    /// read), then every case as JSON Lines, all under the exclusive gate so that it is one
    /// consistent state. Damaged users and cases are left out and named in the report.
    pub fn write_backup(&self, out: &mut dyn Write) -> Result<ExportReport, ExportError> {
        let _exclusive = self.exclusive();
        let (users, damaged_users) = self.store.readable_users()?;
        let header = HeaderLine {
            backup: BackupHeader {
                schema: SCHEMA_VERSION,
                body: self.store.body()?,
                users,
            },
        };
        let mut line = serde_json::to_vec(&header)
            .map_err(|e| ServiceError::Invalid(format!("the backup header: {e}")))?;
        line.push(b'\n');
        out.write_all(&line)?;
        let mut written = self.write_jsonl(out)?;
        written.damaged.splice(0..0, damaged_users);
        Ok(written)
    }

    /// Restores a backup (or any JSON Lines export) into this database, which must be empty,
    /// or hold what an interrupted restore of the same file left (then it is finished: the
    /// cases already written are skipped as identical).
    pub fn restore(
        &self,
        file: &Path,
        actor: &Actor,
        today: NaiveDate,
    ) -> Result<ImportReport, ImportError> {
        let name = file.display().to_string();
        let db = self.store.location().to_string();
        match self.store.restoring()? {
            Some(earlier) if earlier != name => {
                return Err(ServiceError::Invalid(format!(
                    "an earlier restore of '{earlier}' into '{db}' did not finish; run 'merzim --db {db} restore {earlier}' again to finish it, or restore '{name}' into a new database"
                ))
                .into());
            }
            Some(_) => {}
            None if !self.store.is_empty()? => {
                return Err(ServiceError::Invalid(format!(
                    "the database '{db}' is not empty; restore into a new one"
                ))
                .into());
            }
            None => self.store.set_restoring(Some(&name))?,
        }
        match self.import_file(file, actor, today) {
            // Nothing was written: the database is as it was.
            Err(e @ (ImportError::Invalid { .. } | ImportError::Read { .. })) => {
                if self.store.count()? == 0 && self.store.users()?.is_empty() {
                    self.store.set_restoring(None)?;
                }
                Err(e)
            }
            Err(e) => Err(e),
            Ok(r) => {
                self.store.set_restoring(None)?;
                Ok(r)
            }
        }
    }
}

/// Cases per import transaction. One transaction for 100,000 cases took 36 s and 4.4 GB against
/// 26 s and 1.5 GB in batches of this size. A bad file writes nothing (every line is checked
/// first); a crash while a large import is being written can leave its first batches, and
/// running the same import again completes it (identical cases are skipped).
const IMPORT_BATCH: usize = 20_000;

/// What a backup wrote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BackupReport {
    pub cases: usize,
    pub bytes: u64,
    /// Records that cannot be read, left out of the backup.
    pub damaged: Vec<Damaged>,
}

pub(crate) fn read_first_line(r: &mut fs::File, out: &mut Vec<u8>) -> io::Result<()> {
    let mut byte = [0u8; 1];
    loop {
        if r.read(&mut byte)? == 0 || byte[0] == b'\n' {
            out.push(b'\n');
            return Ok(());
        }
        out.push(byte[0]);
    }
}

/// `path` with `.suffix` appended to its file name: a temporary file (or directory) next to it,
/// on the same file system, so that a rename is atomic.
pub fn sibling(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path
        .file_name()
        .map(|n| n.to_os_string())
        .unwrap_or_default();
    name.push(format!(".{suffix}"));
    path.with_file_name(name)
}

fn csv_error(e: csv::Error) -> ExportError {
    match e.into_kind() {
        csv::ErrorKind::Io(e) => ExportError::Write(e),
        other => ExportError::Service(ServiceError::Invalid(format!(
            "cannot write the export: {other:?}"
        ))),
    }
}

/// Whether two lines describe the same case (the history's times aside when one has none).
fn same_case(a: &CaseLine, b: &CaseLine) -> bool {
    let strip = |l: &CaseLine| {
        let mut l = l.clone();
        if let Some(h) = &mut l.history {
            for e in h.iter_mut() {
                e.at = chrono::DateTime::<Utc>::UNIX_EPOCH;
            }
        }
        l
    };
    match (&a.history, &b.history) {
        (Some(_), Some(_)) => a == b,
        _ => {
            let (mut a, mut b) = (strip(a), strip(b));
            a.history = None;
            b.history = None;
            a == b
        }
    }
}

/// The keys whose values are dates (`YYYY-MM-DD`) anywhere in a case line.
const DATE_KEYS: [&str; 7] = [
    "registered",
    "set_due",
    "date",
    "sent",
    "due",
    "on",
    "since",
];

/// Whether `s` is shaped like a date with unpadded parts (`2026-3-2`), which the JSON decoder
/// would take but the command line refuses: one date format everywhere.
fn is_loose_date(s: &str) -> bool {
    let parts: Vec<&str> = s.split('-').collect();
    let digits = |p: &str| !p.is_empty() && p.len() <= 4 && p.bytes().all(|b| b.is_ascii_digit());
    match parts.as_slice() {
        [y, m, d] if digits(y) && digits(m) && digits(d) => {
            !(y.len() == 4 && m.len() == 2 && d.len() == 2)
        }
        _ => false,
    }
}

/// The first date field written other than `YYYY-MM-DD`, as an error naming it.
fn loose_date(line: &str) -> Option<String> {
    // Cheap first: most lines have no such string at all.
    let suspicious = line.split('"').skip(1).step_by(2).any(is_loose_date);
    if !suspicious {
        return None;
    }
    fn walk(v: &serde_json::Value, path: &str) -> Option<String> {
        match v {
            serde_json::Value::Object(m) => m.iter().find_map(|(k, v)| {
                let here = if path.is_empty() {
                    k.clone()
                } else {
                    format!("{path}.{k}")
                };
                match v {
                    serde_json::Value::String(s)
                        if DATE_KEYS.contains(&k.as_str()) && is_loose_date(s) =>
                    {
                        Some(format!(
                            "'{here}' '{s}' is not a date; write YYYY-MM-DD, e.g. 2026-03-02"
                        ))
                    }
                    v => walk(v, &here),
                }
            }),
            serde_json::Value::Array(a) => a
                .iter()
                .enumerate()
                .find_map(|(i, v)| walk(v, &format!("{path}[{i}]"))),
            _ => None,
        }
    }
    let value: serde_json::Value = serde_json::from_str(line).ok()?;
    walk(&value, "")
}

/// Parses one case line; the error names the field at fault and says what is wrong.
fn parse_line(line: &str) -> Result<CaseLine, String> {
    if let Some(msg) = loose_date(line) {
        return Err(msg);
    }
    let mut parsed = parse_fields(line)?;
    // An export from a spreadsheet writes an empty cell for "nobody".
    if parsed.assignee.as_deref() == Some("") {
        parsed.assignee = None;
    }
    Ok(parsed)
}

fn parse_fields(line: &str) -> Result<CaseLine, String> {
    let mut de = serde_json::Deserializer::from_str(line);
    let parsed: Result<CaseLine, _> = serde_path_to_error::deserialize(&mut de);
    let parsed = parsed
        .map_err(|e| (e.path().to_string(), e.into_inner()))
        .and_then(|c| de.end().map(|()| c).map_err(|e| (String::new(), e)));
    parsed.map_err(|(path, inner)| {
        let msg = inner.to_string();
        let msg = match msg.rfind(" at line ") {
            Some(i) => msg[..i].to_string(),
            None => msg,
        };
        match inner.classify() {
            serde_json::error::Category::Syntax | serde_json::error::Category::Eof => {
                format!("not valid JSON at column {}: {msg}", inner.column())
            }
            // Our own messages already name the field and quote the value.
            _ if msg.starts_with('\'') => msg,
            _ if path.is_empty() || path == "." => msg,
            _ => format!("'{path}': {msg}"),
        }
    })
}

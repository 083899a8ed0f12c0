//! `merzim report --from DATE --to DATE [--by officer|addressee|service|month] [--as-of DATE]
//! [--format text|csv|xlsx] [--out FILE]`: the figures an inspection asks for, computed by the
//! service ([`crate::service::report`]) through the one door, so that the same numbers come out
//! embedded and through the daemon, and in every format.
//!
//! The CSV is UTF-8 with a byte-order mark (Excel then reads Cyrillic right), one table, its
//! header row the column names (in English: `group,received,answered_on_time,...`), a last
//! row `total`, and every text cell that would start a formula prefixed with `'`. The workbook
//! has a sheet per grouping and one that says what the report covers, numbers as numbers and
//! dates as dates. `--out` is written whole or not at all, as `merzim letter` does.

use std::path::PathBuf;

use chrono::{Datelike, NaiveDate};
use clap::{Args, ValueEnum};
use unicode_width::UnicodeWidthStr;

use super::output::{Out, TerminalSafe, write_failure};
use super::session::api_failure;
use super::{Failure, Ui, parse_date, say};
use crate::service::CaseApi;
use crate::service::exchange::guard_cell;
use crate::service::report::{Figures, GroupKey, Grouping, Report, ReportQuery, ReportTable};

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum By {
    /// The officer who holds the case.
    Officer,
    /// Complaints by addressee, applications by channel.
    Addressee,
    /// Applications by service; complaints together.
    Service,
    /// The month of registration.
    Month,
}

impl From<By> for Grouping {
    fn from(b: By) -> Grouping {
        match b {
            By::Officer => Grouping::Officer,
            By::Addressee => Grouping::Addressee,
            By::Service => Grouping::Service,
            By::Month => Grouping::Month,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    /// An aligned table to read.
    Text,
    /// One table for spreadsheets (UTF-8 with BOM).
    Csv,
    /// An Excel workbook, a sheet per grouping.
    Xlsx,
}

#[derive(Debug, Args)]
pub struct ReportArgs {
    /// The first registration date counted, YYYY-MM-DD.
    #[arg(long, value_parser = parse_date)]
    pub from: NaiveDate,
    /// The last registration date counted, YYYY-MM-DD.
    #[arg(long, value_parser = parse_date)]
    pub to: NaiveDate,
    /// How to group the cases (several: a table each, e.g. --by officer,month).
    #[arg(long, value_enum, value_delimiter = ',', default_value = "officer")]
    pub by: Vec<By>,
    /// The day open and overdue cases are taken on (default: --to, or today if earlier).
    #[arg(long, value_parser = parse_date)]
    pub as_of: Option<NaiveDate>,
    #[arg(long, value_enum, default_value = "text")]
    pub format: ReportFormat,
    /// Write here instead of standard output (written whole, or not at all).
    #[arg(long)]
    pub out: Option<PathBuf>,
}

/// A cell of a report's table.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Text(String),
    /// A month, written as a date in the workbook.
    Month(NaiveDate),
    Count(u64),
    /// Working days, averaged (one decimal); `None`: no answer to average.
    Average(Option<f64>),
    /// Working days; `None`: no answer.
    Days(Option<u32>),
}

impl Cell {
    /// The cell as text (CSV and the text table): guarded against formulas.
    fn text(&self) -> String {
        match self {
            Cell::Text(s) => guard_cell(s),
            Cell::Month(d) => d.format("%Y-%m").to_string(),
            Cell::Count(n) => n.to_string(),
            Cell::Average(a) => a.map(|a| format!("{a:.1}")).unwrap_or_default(),
            Cell::Days(d) => d.map(|d| d.to_string()).unwrap_or_default(),
        }
    }
}

/// A column: its catalogue name and how to read it from the figures.
struct Column {
    /// The column's name: `report-column-NAME` in the catalogue (in English, NAME itself).
    name: &'static str,
    value: Box<dyn Fn(&Figures) -> Cell>,
}

macro_rules! count {
    ($name:literal, $field:ident) => {
        Column {
            name: $name,
            value: Box::new(|f: &Figures| Cell::Count(f.$field)),
        }
    };
}

/// The columns of the refusals on the six grounds of Art. 19-1.2, in order.
const REFUSAL_POINTS: [&str; 6] = [
    "refused_19_1_2_1",
    "refused_19_1_2_2",
    "refused_19_1_2_3",
    "refused_19_1_2_4",
    "refused_19_1_2_5",
    "refused_19_1_2_6",
];

/// Every column after the group, in order: the ones the inspection's contract names first.
fn columns() -> Vec<Column> {
    let mut c = vec![
        count!("received", received),
        count!("answered_on_time", answered_on_time),
        count!("answered_late", answered_late),
        count!("open", open),
        count!("open_overdue", open_overdue),
        count!("extended", extended),
        count!("extension_notices_late", extension_notices_late),
        count!("extension_notices_missed", extension_notices_missed),
        count!("extension_notices_overdue", extension_notices_overdue),
        count!("extended_verification", extended_verification),
        count!("extended_information", extended_information),
        count!("refused", refused),
    ];
    c.extend(REFUSAL_POINTS.iter().enumerate().map(|(i, name)| Column {
        name,
        value: Box::new(move |f: &Figures| Cell::Count(f.refused_by_point[i])),
    }));
    c.extend([
        count!("refused_other", refused_other),
        count!("refused_at_intake", refused_at_intake),
        count!("closed_unanswered", closed_unanswered),
        Column {
            name: "days_to_answer_average",
            value: Box::new(|f: &Figures| Cell::Average(f.days_to_answer_average())),
        },
        Column {
            name: "days_to_answer_p90",
            value: Box::new(|f: &Figures| Cell::Days(f.days_to_answer_p90)),
        },
    ]);
    c
}

/// The columns of the text table's first part (the rest goes in a second): what fits a
/// screen.
const MAIN: [&str; 10] = [
    "received",
    "answered_on_time",
    "answered_late",
    "open",
    "open_overdue",
    "extended",
    "extension_notices_late",
    "extension_notices_missed",
    "days_to_answer_average",
    "days_to_answer_p90",
];

/// One table as cells: the header row, a row per group, the total row.
pub fn grid(ui: &Ui, report: &Report, table: &ReportTable) -> Vec<Vec<Cell>> {
    let cols = columns();
    let mut out = Vec::with_capacity(table.rows.len() + 2);
    let mut header = vec![Cell::Text(ui.t("report-column-group", &[]))];
    header.extend(
        cols.iter()
            .map(|c| Cell::Text(ui.t(&format!("report-column-{}", c.name), &[]))),
    );
    // An officer's name after the figures: the login is what groups, the name who it is.
    let by_officer = table.by == Grouping::Officer;
    if by_officer {
        header.push(Cell::Text(ui.t("report-column-name", &[])));
    }
    out.push(header);
    let row = |group: Cell, f: &Figures, name: Option<&String>| {
        let mut r = vec![group];
        r.extend(cols.iter().map(|c| (c.value)(f)));
        if by_officer {
            r.push(Cell::Text(name.cloned().unwrap_or_default()));
        }
        r
    };
    for (key, f) in &table.rows {
        let name = match key {
            GroupKey::Officer { login: Some(l) } => report.names.get(l),
            _ => None,
        };
        out.push(row(group_cell(ui, key), f, name));
    }
    let total = Cell::Text(ui.t("report-total", &[]));
    out.push(row(total, &report.total, None));
    out
}

/// The group's cell: a login, an addressee's or channel's name, a service code, a month.
fn group_cell(ui: &Ui, key: &GroupKey) -> Cell {
    Cell::Text(match key {
        GroupKey::Officer { login: Some(l) } => l.clone(),
        GroupKey::Officer { login: None } => ui.t("report-group-unassigned", &[]),
        GroupKey::Addressee { addressee } => ui.t(&format!("addressee-{addressee}"), &[]),
        GroupKey::Channel { channel } => ui.t(&format!("channel-{channel}"), &[]),
        GroupKey::Service { code: Some(c) } => c.clone(),
        GroupKey::Service { code: None } => ui.t("report-group-no-service", &[]),
        GroupKey::Complaints => ui.t("report-group-complaints", &[]),
        GroupKey::Month { first } => return Cell::Month(*first),
    })
}

/// The CSV of one table: BOM, header, groups, total; every text cell formula-guarded.
pub fn csv(ui: &Ui, report: &Report, table: &ReportTable) -> Result<Vec<u8>, csv::Error> {
    let mut w = csv::WriterBuilder::new().from_writer("\u{feff}".as_bytes().to_vec());
    for row in grid(ui, report, table) {
        w.write_record(row.iter().map(Cell::text))?;
    }
    w.into_inner().map_err(|e| csv::Error::from(e.into_error()))
}

/// The workbook: a sheet per table, then one that says what the report covers.
pub fn xlsx(ui: &Ui, report: &Report) -> Result<Vec<u8>, rust_xlsxwriter::XlsxError> {
    use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
    let excel_date = |d: NaiveDate| {
        ExcelDateTime::from_ymd(
            u16::try_from(d.year()).unwrap_or(1900),
            u8::try_from(d.month()).unwrap_or(1),
            u8::try_from(d.day()).unwrap_or(1),
        )
    };
    let bold = Format::new().set_bold();
    let month = Format::new().set_num_format("yyyy-mm");
    let day = Format::new().set_num_format("yyyy-mm-dd");
    let decimal = Format::new().set_num_format("0.0");
    let mut book = Workbook::new();
    for table in &report.tables {
        let sheet = book.add_worksheet();
        sheet.set_name(sheet_name(
            &ui.t(&format!("report-by-{}", table.by.as_str()), &[]),
        ))?;
        for (r, row) in grid(ui, report, table).iter().enumerate() {
            let r = u32::try_from(r).unwrap_or(u32::MAX);
            for (c, cell) in row.iter().enumerate() {
                let c = u16::try_from(c).unwrap_or(u16::MAX);
                match cell {
                    // Written as text whatever it starts with: a workbook cell is a formula
                    // only when written as one.
                    Cell::Text(s) if r == 0 => {
                        sheet.write_string_with_format(r, c, s, &bold)?;
                    }
                    Cell::Text(s) => {
                        sheet.write_string(r, c, s)?;
                    }
                    Cell::Month(d) => {
                        sheet.write_datetime_with_format(r, c, excel_date(*d)?, &month)?;
                    }
                    Cell::Count(n) => {
                        sheet.write_number(r, c, *n as f64)?;
                    }
                    Cell::Average(Some(a)) => {
                        sheet.write_number_with_format(
                            r,
                            c,
                            (a * 10.0).round() / 10.0,
                            &decimal,
                        )?;
                    }
                    Cell::Days(Some(d)) => {
                        sheet.write_number(r, c, f64::from(*d))?;
                    }
                    Cell::Average(None) | Cell::Days(None) => {}
                }
            }
        }
        sheet.set_freeze_panes(1, 1)?;
        sheet.autofit();
    }
    let about = book.add_worksheet();
    about.set_name(sheet_name(&ui.t("report-sheet-about", &[])))?;
    let dates = [
        ("report-about-from", report.from),
        ("report-about-to", report.to),
        ("report-about-as-of", report.as_of),
    ];
    let mut r = 0u32;
    for (key, d) in dates {
        about.write_string_with_format(r, 0, ui.t(key, &[]), &bold)?;
        about.write_datetime_with_format(r, 1, excel_date(d)?, &day)?;
        r += 1;
    }
    for line in notes(ui, report) {
        about.write_string(r, 0, line)?;
        r += 1;
    }
    about.autofit();
    book.save_to_buffer()
}

/// A sheet's name as Excel allows it: at most 31 characters, none of `[]:*?/\`.
fn sheet_name(s: &str) -> String {
    s.chars()
        .filter(|c| !matches!(c, '[' | ']' | ':' | '*' | '?' | '/' | '\\'))
        .take(31)
        .collect()
}

/// What a reader must know besides the figures: the calendar corrections made after the
/// report's day, the cases counted open and overdue because their dates cannot be computed,
/// the records left out.
fn notes(ui: &Ui, report: &Report) -> Vec<String> {
    let mut out = Vec::new();
    for c in &report.corrections {
        out.push(ui.t(
            "report-calendar-corrected",
            &[
                ("as_of", report.as_of.to_string().into()),
                ("corrected_on", c.corrected_on.to_string().into()),
                ("date", c.date.to_string().into()),
            ],
        ));
    }
    for p in &report.problems {
        out.push(ui.t(
            "report-problem",
            &[
                ("number", p.number.clone().into()),
                ("reason", p.reason.clone().into()),
            ],
        ));
    }
    for d in &report.damaged {
        out.push(super::export::damaged_line(ui, d));
    }
    out
}

/// The text of the whole report: a heading, per table the main figures and then the details,
/// then the notes.
pub fn text(ui: &Ui, report: &Report) -> String {
    let mut out = ui.t(
        "report-heading",
        &[
            ("from", report.from.to_string().into()),
            ("to", report.to.to_string().into()),
            ("as_of", report.as_of.to_string().into()),
        ],
    );
    out.push('\n');
    let cols = columns();
    let main: Vec<usize> = std::iter::once(0)
        .chain(
            cols.iter()
                .enumerate()
                .filter(|(_, c)| MAIN.contains(&c.name))
                .map(|(i, _)| i + 1),
        )
        .collect();
    // The details that are all zero in the total (refusal grounds nobody used) would only
    // widen the table: left out of the text, kept in the CSV and the workbook.
    let rest: Vec<usize> = std::iter::once(0)
        .chain(
            cols.iter()
                .enumerate()
                .filter(|(_, c)| {
                    !MAIN.contains(&c.name) && (c.value)(&report.total) != Cell::Count(0)
                })
                .map(|(i, _)| i + 1),
        )
        .collect();
    for table in &report.tables {
        let grid = grid(ui, report, table);
        out.push('\n');
        out.push_str(&ui.t(&format!("report-by-{}", table.by.as_str()), &[]));
        out.push('\n');
        for part in [&main, &rest].into_iter().filter(|p| p.len() > 1) {
            out.push_str(&aligned(ui, &grid, part));
            out.push('\n');
        }
    }
    if report.tables.is_empty() {
        out.push('\n');
        out.push_str(&ui.t("report-total", &[]));
        out.push_str(&format!(": {}\n", report.total.received));
    }
    for line in notes(ui, report) {
        out.push_str(&line);
        out.push('\n');
    }
    out
}

/// The columns `which` of `grid` aligned: headers from the short names (`report-head-*`),
/// text left, numbers right.
fn aligned(ui: &Ui, grid: &[Vec<Cell>], which: &[usize]) -> String {
    let cols = columns();
    let header: Vec<String> = which
        .iter()
        .map(|&i| match i {
            0 => ui.t("report-head-group", &[]),
            i => ui.t(&format!("report-head-{}", cols[i - 1].name), &[]),
        })
        .collect();
    let body: Vec<Vec<String>> = grid
        .iter()
        .skip(1)
        .map(|row| which.iter().map(|&i| row[i].text()).collect())
        .collect();
    let widths: Vec<usize> = (0..which.len())
        .map(|c| {
            body.iter()
                .map(|r| r[c].width())
                .chain([header[c].width()])
                .max()
                .unwrap_or(0)
        })
        .collect();
    let line = |cells: &[String], numbers: bool| {
        let mut s = String::new();
        for (c, cell) in cells.iter().enumerate() {
            let pad = " ".repeat(widths[c].saturating_sub(cell.width()));
            if c > 0 {
                s.push_str("  ");
            }
            if c > 0 && numbers {
                s.push_str(&pad);
                s.push_str(cell);
            } else {
                s.push_str(cell);
                s.push_str(&pad);
            }
        }
        s.truncate(s.trim_end().len());
        s.push('\n');
        s
    };
    let mut out = line(&header, false);
    let rule: Vec<String> = widths.iter().map(|w| "-".repeat(*w)).collect();
    out.push_str(&line(&rule, false));
    for r in &body {
        out.push_str(&line(r, true));
    }
    out
}

pub fn run(args: &ReportArgs, api: &dyn CaseApi, ui: &Ui) -> Result<(), Failure> {
    let by: Vec<Grouping> = dedup(args.by.iter().map(|b| Grouping::from(*b)));
    if args.format == ReportFormat::Csv && by.len() != 1 {
        return Err(Failure::input(ui.t("report-csv-one-table", &[])));
    }
    // The file name is checked before anything is computed.
    match &args.out {
        Some(path) => check_extension(path, args.format, ui)?,
        None if args.format == ReportFormat::Xlsx => {
            return Err(Failure::input(ui.t("report-xlsx-needs-out", &[])));
        }
        None => {}
    }
    let report = api
        .report(ReportQuery {
            from: args.from,
            to: args.to,
            by,
            as_of: args.as_of,
        })
        .map_err(|e| api_failure(e, ui))?;
    let bytes = match args.format {
        ReportFormat::Text => text(ui, &report).into_bytes(),
        ReportFormat::Csv => match report.tables.first() {
            Some(t) => csv(ui, &report, t).map_err(|e| Failure::other(e.to_string()))?,
            None => Vec::new(),
        },
        ReportFormat::Xlsx => xlsx(ui, &report).map_err(|e| {
            Failure::other(ui.t("report-xlsx-failed", &[("error", e.to_string().into())]))
        })?,
    };
    // The text holds its notes; a CSV or a workbook cell is no place for them: told on stderr.
    if args.format != ReportFormat::Text {
        for line in notes(ui, &report) {
            say(&line);
        }
    }
    match &args.out {
        Some(path) => {
            super::letter::write_atomically(path, &bytes, ui)?;
            say(&ui.t(
                "report-written",
                &[("path", path.display().to_string().into())],
            ));
        }
        None if args.format == ReportFormat::Text => {
            let mut out = Out::new(ui);
            out.text(&String::from_utf8_lossy(&bytes))?;
            out.finish()?;
        }
        None => write_stdout(&bytes, ui)?,
    }
    if !report.damaged.is_empty() {
        return Err(Failure::other(ui.t(
            "cli-export-skipped",
            &[("count", report.damaged.len().into())],
        )));
    }
    Ok(())
}

/// The CSV to standard output: exactly to a pipe or a file, to a terminal with every
/// dangerous character escaped (as `merzim export` does).
fn write_stdout(bytes: &[u8], ui: &Ui) -> Result<(), Failure> {
    use std::io::{IsTerminal, Write};
    let target = ui.t("cli-standard-output", &[]);
    let stdout = std::io::stdout();
    let failed = |e: std::io::Error| write_failure(ui, &e, &target);
    if stdout.is_terminal() {
        let mut w = TerminalSafe::new(stdout.lock());
        w.write_all(bytes).map_err(failed)?;
        w.finish().map_err(failed)?.flush().map_err(failed)?;
    } else {
        let mut w = stdout.lock();
        w.write_all(bytes).map_err(failed)?;
        w.flush().map_err(failed)?;
    }
    Ok(())
}

/// The groupings in the order given, each once.
fn dedup(by: impl Iterator<Item = Grouping>) -> Vec<Grouping> {
    let mut out: Vec<Grouping> = Vec::new();
    for b in by {
        if !out.contains(&b) {
            out.push(b);
        }
    }
    out
}

/// An `--out` whose extension says another format is a mistake caught before any work.
fn check_extension(path: &std::path::Path, format: ReportFormat, ui: &Ui) -> Result<(), Failure> {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    let clash = match (ext.as_deref(), format) {
        (Some("xlsx"), ReportFormat::Xlsx) | (Some("csv"), ReportFormat::Csv) => false,
        (Some("xlsx" | "csv"), _) => true,
        _ => false,
    };
    if clash {
        return Err(Failure::input(ui.t(
            "report-extension-clash",
            &[("path", path.display().to_string().into())],
        )));
    }
    Ok(())
}

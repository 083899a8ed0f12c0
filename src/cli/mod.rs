//! The command line: `merzim calendar ...`, `merzim due ...`, import and export, and the console.
//!
//! Every error is one line on stderr and exit status 2 for bad input (1 for anything else).
//! Nothing from data or arguments reaches the terminal raw: every line goes through
//! [`output::escape`] (see [`output`]).

mod backup;
mod calendar;
mod check;
mod demo;
mod digest;
mod due;
mod export;
mod import;
mod letter;
pub mod output;
mod report;
mod serve;
mod session;
mod users;

use std::path::PathBuf;
use std::process::ExitCode;

use chrono::{FixedOffset, NaiveDate, Utc};
use clap::{Parser, Subcommand};

use crate::client;
use crate::console;
use crate::domain::calendar::CalendarError;
use crate::domain::case::{Actor, CaseError};
use crate::domain::deadline::Refusal;
use crate::domain::message::Localize;
use crate::i18n::{Arg, Lang, Texts};
use crate::reference::{self, Reference};
use crate::service::{Service, ServiceError, identity, pointer};
use crate::store::{Store, StoreError};

/// merzim: statutory deadlines of complaints and applications for state services (Kazakhstan).
#[derive(Debug, Parser)]
#[command(name = "merzim", version, about, max_term_width = 100)]
pub struct Cli {
    /// The office's date, YYYY-MM-DD (default: today in the office's zone).
    #[arg(long, global = true, env = "MERZIM_TODAY", value_parser = parse_date)]
    pub today: Option<NaiveDate>,
    /// The office's offset from UTC (Kazakhstan: +05:00 since 1 March 2024).
    #[arg(long, global = true, env = "MERZIM_UTC_OFFSET", default_value = "+05:00", value_parser = parse_offset)]
    pub utc_offset: FixedOffset,
    /// The office data directory (own calendars/ and services/); default: the config directory.
    #[arg(long, global = true, env = "MERZIM_DATA_DIR")]
    pub data_dir: Option<PathBuf>,
    /// The database (default: merzim.db in the user's data directory).
    #[arg(long, global = true, env = "MERZIM_DB")]
    pub db: Option<PathBuf>,
    /// The console's language: kk, ru or en (default: the configuration, then the locale).
    #[arg(long, global = true, value_parser = parse_lang)]
    pub lang: Option<Lang>,
    /// The shipped keymap to start from: default or function-keys.
    #[arg(long, global = true)]
    pub keymap: Option<String>,
    /// No colours (also with NO_COLOR set).
    #[arg(long, global = true)]
    pub monochrome: bool,
    /// ASCII only for symbols.
    #[arg(long, global = true)]
    pub ascii: bool,
    /// The fewest bytes per key: a marker instead of a highlighted row.
    #[arg(long, global = true)]
    pub low_bandwidth: bool,
    /// Work through the daemon (`merzim serve`) at SOCKET instead of opening a database
    /// (without SOCKET: `socket` in config.toml, else /run/merzim/merzim.sock).
    #[arg(long, global = true, value_name = "SOCKET", num_args = 0..=1)]
    pub connect: Option<Option<PathBuf>>,
    /// Without a command: the console.
    #[command(subcommand)]
    pub command: Option<Command>,
}

impl Cli {
    /// The database path: `--db`, else `merzim.db` in the user's data directory.
    pub fn db_path(&self) -> Result<PathBuf, Failure> {
        if let Some(p) = &self.db {
            return Ok(p.clone());
        }
        directories::ProjectDirs::from("kz", "merzim", "merzim")
            .map(|d| d.data_dir().join("merzim.db"))
            .ok_or_else(|| {
                Failure::input("no home directory to keep the database in; give --db PATH")
            })
    }

    /// The daemon's socket with `--connect` (`None`: no `--connect`, the database itself):
    /// the path given, else `socket` of the officer's config.toml, else the office default
    /// [`client::DEFAULT_SOCKET`].
    pub fn socket_path(&self) -> Option<PathBuf> {
        let given = self.connect.as_ref()?;
        Some(given.clone().unwrap_or_else(configured_socket))
    }

    /// The console's options from the command line.
    pub fn console_options(&self, data_dir: Option<PathBuf>) -> Result<console::Options, Failure> {
        let connect = self.socket_path();
        Ok(console::Options {
            // Over the socket the database is the daemon's: no default path is needed.
            db: match &connect {
                Some(_) => self.db.clone().unwrap_or_default(),
                None => self.db_path()?,
            },
            connect,
            data_dir,
            today: self.today,
            utc_offset: self.utc_offset,
            lang: self.lang,
            keymap: self.keymap.clone(),
            monochrome: self.monochrome,
            ascii: self.ascii,
            low_bandwidth: self.low_bandwidth,
        })
    }
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Working-day arithmetic on Kazakhstan's calendar.
    #[command(subcommand)]
    Calendar(calendar::CalendarCmd),
    /// Compute a case's due dates and obligations.
    #[command(subcommand)]
    Due(due::DueCmd),
    /// Import cases from a JSON Lines file: every line checked first, then all or nothing.
    Import(import::ImportArgs),
    /// Export every case: JSON Lines (lossless, with history) or CSV (for spreadsheets).
    Export(export::ExportArgs),
    /// Write a case's extension notice or answer letter (.txt or .docx) from its template.
    Letter(letter::LetterArgs),
    /// Fill a new database with realistic synthetic cases to try the console on.
    Demo(demo::DemoArgs),
    /// Write a backup and verify it by restoring it into a temporary database.
    Backup(backup::BackupArgs),
    /// Restore a backup into a new, empty database (--db).
    Restore(backup::RestoreArgs),
    /// List the records of the database that cannot be read (exit status 1 if there are any).
    Check(check::CheckArgs),
    /// Serve the database to many consoles on a Unix socket (the office's daemon).
    Serve(serve::ServeArgs),
    /// The users of the database: add, list, set-role, disable, enable.
    #[command(subcommand)]
    Users(users::UsersCmd),
    /// Figures of the cases registered in a period (received, answered on time or late, open,
    /// overdue, extended, notices, refusals), per officer, addressee, service or month.
    Report(report::ReportArgs),
    /// An officer's morning summary: overdue, due today, due soon, extension notices owed.
    Digest(digest::DigestArgs),
    /// Crash-test helper: writes cases until killed, printing each acknowledged write.
    #[command(name = "debug-crash-writer", hide = true)]
    DebugCrashWriter(backup::CrashWriterArgs),
}

/// A failure to report: one line, and the exit status it means.
#[derive(Debug)]
pub struct Failure {
    pub message: String,
    pub status: u8,
}

impl Failure {
    /// Bad input from the user: exit status 2.
    pub fn input(message: impl std::fmt::Display) -> Failure {
        Failure {
            message: message.to_string(),
            status: 2,
        }
    }

    /// Something other than the input went wrong (a broken database): exit status 1.
    pub fn other(message: impl std::fmt::Display) -> Failure {
        Failure {
            message: message.to_string(),
            status: 1,
        }
    }

    /// The reader of standard output went away (`merzim export | head`): nothing to say,
    /// status 0.
    pub fn quiet() -> Failure {
        Failure {
            message: String::new(),
            status: 0,
        }
    }

    /// The disk is full: one line, status 1 (the input was fine).
    pub fn disk_full(ui: &Ui, target: &str) -> Failure {
        Failure::other(ui.t("cli-disk-full", &[("target", target.into())]))
    }
}

impl Failure {
    /// An error from below the command line (the console, the store): status 1, a full disk
    /// said so whatever layer it came through.
    pub fn from_error(e: &anyhow::Error, ui: &Ui) -> Failure {
        if let Some(io) = e.chain().find_map(|c| c.downcast_ref::<std::io::Error>())
            && output::is_disk_full(io)
        {
            return Failure::disk_full(ui, &ui.t("cli-the-database", &[]));
        }
        if let Some(store) = e.chain().find_map(|c| c.downcast_ref::<StoreError>())
            && store_io(store).is_some_and(output::is_disk_full)
        {
            return Failure::disk_full(ui, &ui.t("cli-the-database", &[]));
        }
        Failure::other(error_line(e, ui))
    }
}

/// The one line for an error from below the command line (`Refusal`, `ServiceError`,
/// `CaseError`, `CalendarError`, data-file errors, ...), escaped.
///
/// Errors that carry a catalogue key ([`crate::service::UserError`]) are said in the reader's
/// language; the others are English today, and translating them is a change here. Every such
/// error the command line prints goes through here.
pub fn error_line(err: &anyhow::Error, ui: &Ui) -> String {
    let said = if let Some(e) = err.downcast_ref::<ServiceError>() {
        Some(e.message())
    } else if let Some(e) = err.downcast_ref::<CaseError>() {
        Some(e.message())
    } else if let Some(e) = err.downcast_ref::<Refusal>() {
        Some(e.message())
    } else {
        err.downcast_ref::<CalendarError>().map(Localize::message)
    };
    let line = match said {
        // The error was the whole story: the reader's language. Context added around it (e.g.
        // which line of a file) stays as written.
        Some(m) if err.chain().count() == 1 => ui.texts.message(ui.lang, &m),
        _ => format!("{err:#}"),
    };
    output::escape(&line.replace('\n', " ")).into_owned()
}

/// The operating-system error inside a store error, if there is one.
fn store_io(e: &StoreError) -> Option<&std::io::Error> {
    match e {
        StoreError::Sled(sled::Error::Io(io))
        | StoreError::Open {
            source: sled::Error::Io(io),
            ..
        } => Some(io),
        StoreError::CreateDir { source, .. } => Some(source),
        _ => None,
    }
}

/// The command line's language: `--lang`, then `LC_ALL`, `LC_MESSAGES`, `LANG`.
fn language(cli: Option<&Cli>) -> Lang {
    if let Some(l) = cli.and_then(|c| c.lang) {
        return l;
    }
    let locale = ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .find_map(|v| std::env::var(v).ok().filter(|s| !s.is_empty()))
        .unwrap_or_default();
    Lang::from_locale(&locale)
}

/// Writes one line of a report on stderr, escaped: `merzim: ...`. A failure to write stderr
/// cannot be reported anywhere, so it is ignored.
pub fn say(line: &str) {
    use std::io::Write;
    let mut err = std::io::stderr().lock();
    let _ = writeln!(err, "merzim: {}", output::escape(&line.replace('\n', " ")));
}

/// Parses the arguments, runs the command, prints a one-line error on failure.
pub fn main() -> ExitCode {
    let cli = match Cli::try_parse_from(connect_without_socket(std::env::args_os().collect())) {
        Ok(c) => c,
        Err(e) => {
            use clap::error::ErrorKind;
            if matches!(
                e.kind(),
                ErrorKind::DisplayHelp
                    | ErrorKind::DisplayVersion
                    | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
            ) {
                // Help and version hold no argument of the user's; a closed pipe is no error.
                let _ = e.print();
                return ExitCode::SUCCESS;
            }
            // clap quotes the arguments it refuses: rendered as text, then escaped like every
            // other line (an argument can hold ESC or U+009B).
            let text = e.render().to_string();
            let line = text
                .lines()
                .find(|l| !l.trim().is_empty())
                .unwrap_or("invalid arguments");
            say(line.trim_start_matches("error: "));
            return ExitCode::from(2);
        }
    };
    let texts = match Texts::new() {
        Ok(t) => t,
        Err(e) => {
            say(&e.to_string());
            return ExitCode::from(1);
        }
    };
    let ui = Ui {
        texts,
        lang: language(Some(&cli)),
    };
    match run(&cli, &ui) {
        Ok(()) => ExitCode::SUCCESS,
        Err(f) => {
            if !f.message.is_empty() {
                say(&f.message);
            }
            ExitCode::from(f.status)
        }
    }
}

/// The daemon's socket when `--connect` names none: `socket` of the officer's config.toml,
/// else the office default [`client::DEFAULT_SOCKET`].
fn configured_socket() -> PathBuf {
    console::Config::load()
        .0
        .socket
        .unwrap_or_else(|| PathBuf::from(client::DEFAULT_SOCKET))
}

/// `merzim --connect export ...`: a `--connect` followed by a command takes no socket (the
/// configured one, see [`Cli::socket_path`]), instead of taking the command's name as its
/// socket.
fn connect_without_socket(mut args: Vec<std::ffi::OsString>) -> Vec<std::ffi::OsString> {
    use clap::CommandFactory;
    let cmd = Cli::command();
    let is_command = |a: &std::ffi::OsString| {
        a.to_str().is_some_and(|a| {
            cmd.get_subcommands()
                .any(|c| c.get_name() == a || c.get_all_aliases().any(|n| n == a))
        })
    };
    for i in 0..args.len() {
        if args[i] == "--connect" && args.get(i + 1).is_some_and(is_command) {
            let mut arg = std::ffi::OsString::from("--connect=");
            arg.push(configured_socket());
            args[i] = arg;
        }
    }
    args
}

/// The words of the command line: the catalogues and the reader's language.
pub struct Ui {
    pub texts: Texts,
    pub lang: Lang,
}

impl Ui {
    /// A message of `i18n/*/cli.ftl` (or the shared catalogue) with its arguments.
    pub fn t(&self, key: &str, args: &[(&str, Arg<'_>)]) -> String {
        self.texts.tr_args(self.lang, key, args)
    }
}

fn run(cli: &Cli, ui: &Ui) -> Result<(), Failure> {
    let today = cli
        .today
        .unwrap_or_else(|| Utc::now().with_timezone(&cli.utc_offset).date_naive());
    let data_dir = cli.data_dir.clone().or_else(reference::default_data_dir);
    // The office's own files: a broken one is bad input (status 2), named with its reason.
    // Loaded when a command computes with them here (not through a daemon: its data are its
    // own).
    let load = || {
        Reference::load(data_dir.as_deref()).map_err(|e| {
            Failure::input(
                ui.t(
                    "cli-office-data",
                    &[
                        ("error", error_line(&e, ui).into()),
                        (
                            "dir",
                            data_dir
                                .as_deref()
                                .map(|d| d.display().to_string())
                                .unwrap_or_default()
                                .into(),
                        ),
                    ],
                ),
            )
        })
    };
    match &cli.command {
        None => {
            // First run on the default path creates the database there; a `--db` (or
            // MERZIM_DB) that names nothing is a mistyped path, not a new database. Over the
            // socket the database is the daemon's business.
            let mut opts = cli.console_options(data_dir.clone())?;
            if opts.connect.is_none() {
                // A database that `merzim serve` holds is reached through its socket.
                if let Some(socket) = session::served(&opts.db) {
                    opts.connect = Some(socket);
                } else {
                    let reference = load()?;
                    if cli.db.is_some() {
                        drop(open_service(cli, reference, Open::Existing, ui)?);
                    }
                }
            }
            console::run(opts).map_err(|e| Failure::from_error(&e, ui))
        }
        Some(Command::Calendar(c)) => calendar::run(c, &load()?, today, ui),
        Some(Command::Due(d)) => due::run(d, &load()?, today, ui),
        // The commands on the database talk to the one door (`&dyn CaseApi`): here an
        // in-process session; through a daemon, its socket client, with the same output.
        Some(Command::Import(a)) => {
            import::run(a, &*session::door(cli, &load, Open::Create, today, ui)?, ui)
        }
        Some(Command::Export(a)) => export::run(
            a,
            &*session::door(cli, &load, Open::Existing, today, ui)?,
            ui,
        ),
        Some(Command::Letter(a)) => letter::run(
            a,
            &*session::door(cli, &load, Open::Existing, today, ui)?,
            ui,
        ),
        Some(Command::Check(a)) => check::run(
            a,
            &*session::door(cli, &load, Open::Existing, today, ui)?,
            ui,
        ),
        Some(Command::Report(a)) => report::run(
            a,
            &*session::door(cli, &load, Open::Existing, today, ui)?,
            ui,
        ),
        Some(Command::Digest(a)) => digest::run(
            a,
            &*session::door(cli, &load, Open::Existing, today, ui)?,
            ui,
        ),
        Some(Command::Demo(a)) => {
            // The service is closed before the console opens the database again (sled allows
            // one opening at a time).
            demo::run(a, &open_service(cli, load()?, Open::Create, ui)?, today, ui)?;
            if a.open {
                console::run(cli.console_options(data_dir)?)
                    .map_err(|e| Failure::from_error(&e, ui))?;
            }
            Ok(())
        }
        Some(Command::Users(c)) => {
            c.precheck(ui)?;
            let open = if c.creates() {
                Open::Create
            } else {
                Open::Existing
            };
            users::run(c, &*session::door(cli, &load, open, today, ui)?, ui)
        }
        Some(Command::Serve(a)) => serve::run(a, cli, load()?, ui),
        Some(Command::Backup(a)) => {
            let api = session::door(cli, &load, Open::Existing, today, ui)?;
            // The backup is verified here, on the data of whoever serves the database.
            let reference = match api.reference() {
                Ok(sources) => Reference::from_sources(sources)
                    .map_err(|e| Failure::other(error_line(&e, ui)))?,
                Err(_) => load()?,
            };
            backup::backup(a, &*api, &reference, ui)
        }
        Some(Command::Restore(a)) => {
            backup::restore(a, &open_service(cli, load()?, Open::Create, ui)?, today, ui)
        }
        Some(Command::DebugCrashWriter(a)) => {
            backup::crash_writer(a, &open_service(cli, load()?, Open::Create, ui)?, today, ui)
        }
    }
}

/// Whether a command may create the database it names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Open {
    /// demo, import, restore: a new database is what they make.
    Create,
    /// Everything else: a path that holds no database is a mistake.
    Existing,
}

/// The case service on the database of `--db` (or the default one).
fn open_service(cli: &Cli, reference: Reference, open: Open, ui: &Ui) -> Result<Service, Failure> {
    let path = cli.db_path()?;
    let store = match open {
        Open::Create => Store::open(&path),
        Open::Existing => Store::open_existing(&path),
    };
    match store {
        Ok(store) => Ok(Service::from_sled(store, reference)),
        Err(StoreError::Missing { path }) => Err(Failure::input(ui.t(
            "cli-no-database",
            &[("path", path.display().to_string().into())],
        ))),
        // `merzim serve` holds it: say which socket reaches it.
        Err(StoreError::Locked { path }) => Err(match pointer::socket_of(&path) {
            Some(socket) => Failure::other(ui.t(
                "cliapi-served",
                &[
                    ("path", path.display().to_string().into()),
                    ("socket", socket.display().to_string().into()),
                ],
            )),
            None => service_failure(StoreError::Locked { path }.into(), ui),
        }),
        Err(e) => Err(service_failure(e.into(), ui)),
    }
}

/// A service error as a failure: bad input or a refused change is 2, a broken database 1, a
/// full disk one clear line.
pub fn service_failure(e: ServiceError, ui: &Ui) -> Failure {
    let status = match e {
        // A path that is not a database is the user's input.
        ServiceError::Store(StoreError::NotADatabase { .. } | StoreError::Missing { .. }) => 2,
        ServiceError::Store(_) => 1,
        _ => 2,
    };
    if let ServiceError::Store(store) = &e
        && store_io(store).is_some_and(output::is_disk_full)
    {
        return Failure::disk_full(ui, &ui.t("cli-the-database", &[]));
    }
    Failure {
        message: error_line(&anyhow::Error::new(e), ui),
        status,
    }
}

/// The operating-system user running this command, as history records it (with the name the
/// `users` tree knows, else the system's user database: see [`Service::actor_for_uid`]).
pub fn os_actor(svc: &Service) -> Actor {
    svc.actor_for_uid(identity::current_uid())
}

/// A date written strictly as `YYYY-MM-DD`.
pub fn parse_date(s: &str) -> Result<NaiveDate, String> {
    let b = s.as_bytes();
    let shaped = b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
    shaped
        .then(|| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok())
        .flatten()
        .ok_or_else(|| format!("'{s}' is not a date; write YYYY-MM-DD, e.g. 2026-03-20"))
}

fn parse_lang(s: &str) -> Result<Lang, String> {
    s.parse::<Lang>().map_err(|e| e.to_string())
}

fn parse_offset(s: &str) -> Result<FixedOffset, String> {
    s.parse::<FixedOffset>()
        .map_err(|_| format!("'{s}' is not a UTC offset; write e.g. +05:00"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_strict() {
        assert!(parse_date("2026-03-20").is_ok());
        for bad in [
            "2026-3-20",
            "20-03-2026",
            "2026-02-30",
            "2026-03-20x",
            "",
            "+2026-03-20",
            "２０２６-03-20",
        ] {
            assert!(parse_date(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn cli_is_well_formed() {
        use clap::CommandFactory;
        Cli::command().debug_assert();
    }
}

//! `merzim backup --out FILE` and `merzim restore FILE --db NEW`, and the hidden crash-test
//! writer.

use std::fs;
use std::io::{BufWriter, Write};
use std::path::PathBuf;

use chrono::NaiveDate;
use clap::Args;

use super::import::import_failure;
use super::session::{Stop, api_failure, download};
use super::{Failure, Ui, os_actor, say};
use crate::domain::case::{Applicant, Matter, NewCase, PartyId};
use crate::domain::ids::Iin;
use crate::domain::vocabulary::{Addressee, Medium};
use crate::reference::Reference;
use crate::service::exchange::{ExportReport, ImportError, sibling};
use crate::service::transfer::{Snapshot, verify_backup};
use crate::service::{CaseApi, CaseCommand, Role, Service, User};

#[derive(Debug, Args)]
pub struct BackupArgs {
    /// The backup file (JSON Lines); written only once a restore of it has been verified.
    #[arg(long)]
    pub out: PathBuf,
}

#[derive(Debug, Args)]
pub struct RestoreArgs {
    /// A backup written by `merzim backup` (or an export).
    pub file: PathBuf,
}

#[derive(Debug, Args)]
pub struct CrashWriterArgs {
    /// Stop after this many cases (default: run until killed).
    #[arg(long)]
    pub cases: Option<u64>,
}

/// Says so when an earlier restore into this database did not finish.
pub fn warn_unfinished_restore(api: &dyn CaseApi, ui: &Ui) {
    if let Ok(db) = api.database()
        && let Some(file) = db.restoring
    {
        say(&ui.t(
            "cli-restore-unfinished",
            &[("file", file.into()), ("db", db.path.into())],
        ));
    }
}

/// A consistent snapshot through `api`, written next to `--out`, verified here by restoring it
/// into a temporary database (with the office's `reference`), and only then renamed to `--out`.
pub fn backup(
    args: &BackupArgs,
    api: &dyn CaseApi,
    reference: &Reference,
    ui: &Ui,
) -> Result<(), Failure> {
    warn_unfinished_restore(api, ui);
    let (_, today) = api.who_am_i().map_err(|e| api_failure(e, ui))?;
    let out = &args.out;
    let tmp = sibling(out, "partial");
    let verify_db = sibling(out, "verify-db");
    // The temporary file is ours; the user named the backup.
    let write_failure = |source| {
        import_failure(
            ImportError::Write {
                path: out.clone(),
                source,
            },
            ui,
        )
    };
    let result = (|| -> Result<(ExportReport, u64), Failure> {
        let file = fs::File::create(&tmp).map_err(write_failure)?;
        let mut w = BufWriter::new(file);
        let report = download(api, Snapshot::Backup, &mut w).map_err(|e| match e {
            Stop::Write(source) => write_failure(source),
            Stop::Api(e) => api_failure(e, ui),
        })?;
        let file = w.into_inner().map_err(|e| write_failure(e.into_error()))?;
        file.sync_all().map_err(write_failure)?;
        let bytes =
            verify_backup(&tmp, &verify_db, reference, today).map_err(|e| import_failure(e, ui))?;
        Ok((report, bytes))
    })();
    let _ = fs::remove_dir_all(&verify_db);
    let (r, bytes) = match result {
        Ok(done) => done,
        Err(f) => {
            let _ = fs::remove_file(&tmp);
            return Err(f);
        }
    };
    fs::rename(&tmp, out).map_err(|source| {
        import_failure(
            ImportError::Read {
                path: out.clone(),
                source,
            },
            ui,
        )
    })?;
    say(&ui.t(
        "cli-backup-done",
        &[
            ("count", r.cases.into()),
            ("bytes", bytes.to_string().into()),
            ("path", out.display().to_string().into()),
        ],
    ));
    if r.damaged.is_empty() {
        return Ok(());
    }
    super::export::report_damaged(ui, &r.damaged);
    Err(Failure::other(ui.t(
        "cli-backup-skipped",
        &[("count", r.damaged.len().into())],
    )))
}

pub fn restore(
    args: &RestoreArgs,
    svc: &Service,
    today: NaiveDate,
    ui: &Ui,
) -> Result<(), Failure> {
    let actor = os_actor(svc);
    let r = svc
        .restore(&args.file, &actor, today)
        .map_err(|e| import_failure(e, ui))?;
    say(&ui.t(
        "cli-restored",
        &[
            ("cases", r.added.into()),
            ("users", r.users.into()),
            ("file", args.file.display().to_string().into()),
            ("db", svc.store().location().to_string().into()),
        ],
    ));
    Ok(())
}

/// Registers complaints and adds notes as fast as it can, printing each acknowledged write
/// (`case NUMBER` or `note NUMBER VERSION`) only after `execute` returned, that is after the
/// flush. The crash test kills it and checks that every printed write survived.
pub fn crash_writer(
    args: &CrashWriterArgs,
    svc: &Service,
    today: NaiveDate,
    ui: &Ui,
) -> Result<(), Failure> {
    let me = os_actor(svc);
    if svc
        .store()
        .user(me.uid)
        .map_err(|e| super::service_failure(e.into(), ui))?
        .is_none()
    {
        svc.put_user(
            None,
            User {
                uid: me.uid,
                login: me.login.clone(),
                name: me.name.clone(),
                role: Role::Supervisor,
                disabled: false,
            },
        )
        .map_err(|e| super::service_failure(e, ui))?;
    }
    let caller = svc
        .caller_for_uid(me.uid)
        .map_err(|e| super::service_failure(e, ui))?;
    let iin = Iin::parse("870412300005").map_err(Failure::input)?;
    let stdout = std::io::stdout();
    let mut last: Option<String> = None;
    let mut i = 0u64;
    while args.cases.is_none_or(|n| i < n) {
        i += 1;
        let new = NewCase {
            matter: Matter::Complaint {
                addressee: Addressee::ALL[(i % 5) as usize],
                set_due: None,
            },
            medium: Medium::Electronic,
            applicant: Applicant {
                name: format!("Тест {i}"),
                id: PartyId::Individual(iin.clone()),
                contact: String::new(),
            },
            registered: today,
            subject: format!("crash test {i}"),
            text: "x".repeat((i % 7 * 300) as usize),
        };
        let done = svc
            .execute(
                &caller,
                today,
                None,
                None,
                CaseCommand::Register {
                    case: Box::new(new),
                    assignee: None,
                },
            )
            .map_err(|e| super::service_failure(e, ui))?;
        let mut out = stdout.lock();
        writeln!(out, "case {}", done.number).map_err(|e| Failure::input(e.to_string()))?;
        out.flush().map_err(|e| Failure::input(e.to_string()))?;
        drop(out);
        if let Some(prev) = &last {
            let done = svc
                .execute(
                    &caller,
                    today,
                    Some(prev),
                    None,
                    CaseCommand::AddNote {
                        text: format!("note {i}"),
                    },
                )
                .map_err(|e| super::service_failure(e, ui))?;
            let mut out = stdout.lock();
            writeln!(out, "note {} {}", done.number, done.version)
                .map_err(|e| Failure::input(e.to_string()))?;
            out.flush().map_err(|e| Failure::input(e.to_string()))?;
        }
        last = Some(done.number);
    }
    Ok(())
}

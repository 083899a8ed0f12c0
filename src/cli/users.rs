//! `merzim users ...`: the people of a real office, each an account of the operating system.
//!
//! `add LOGIN` takes the uid (and the name, unless `--name` is given) from the system's user
//! database. A supervisor manages users; the first user of a new database is added by the
//! account that owns it (see [`crate::service::Manager`]).

use clap::Subcommand;
use unicode_width::UnicodeWidthStr;

use super::output::{Out, escape};
use super::{Failure, Ui, say, service_failure};
use crate::domain::message::Localize;
use crate::service::{Role, Service, ServiceError, User, identity, role_key};

#[derive(Debug, Subcommand)]
pub enum UsersCmd {
    /// Add an OS account as a user (by a supervisor; the first user by the database's owner).
    Add {
        /// The account's login in the system's user database.
        login: String,
        /// The person's name (default: from the account's GECOS field).
        #[arg(long)]
        name: Option<String>,
        /// officer, supervisor or auditor (reads every case, changes none).
        #[arg(long, value_parser = parse_role)]
        role: Role,
    },
    /// List the users: login, name, uid, role, state.
    List,
    /// Give a user another role.
    SetRole {
        login: String,
        /// officer, supervisor or auditor.
        #[arg(value_parser = parse_role)]
        role: Role,
    },
    /// Disable a user: refused like an unknown one until enabled again; the history stays.
    Disable { login: String },
    /// Enable a disabled user again.
    Enable { login: String },
}

impl UsersCmd {
    /// Whether the command may create the database it names: the first user of a new
    /// database is how an office starts.
    pub fn creates(&self) -> bool {
        matches!(self, UsersCmd::Add { .. })
    }

    /// What can be checked before the database is opened (or created): the login names an
    /// account, the name is not empty. Bad input leaves no new database behind.
    pub fn precheck(&self, ui: &Ui) -> Result<(), Failure> {
        if let UsersCmd::Add { login, name, .. } = self {
            if name.as_deref().is_some_and(|n| n.trim().is_empty()) {
                return Err(user_failure(&crate::service::UserError::EmptyName, ui));
            }
            identity::account_by_login(login)
                .map_err(|e| user_failure(&crate::service::UserError::from(e), ui))?;
        }
        Ok(())
    }
}

fn parse_role(s: &str) -> Result<Role, String> {
    s.parse::<Role>().map_err(|e| e.to_string())
}

pub fn run(cmd: &UsersCmd, svc: &Service, ui: &Ui) -> Result<(), Failure> {
    let me = identity::current_uid();
    let fail = |e: ServiceError| match e {
        ServiceError::User(u) => user_failure(&u, ui),
        e => service_failure(e, ui),
    };
    let role = |r: Role| ui.t(role_key(r), &[]);
    match cmd {
        UsersCmd::Add {
            login,
            name,
            role: r,
        } => {
            let user = svc.add_user(me, login, name.as_deref(), *r).map_err(fail)?;
            say(&ui.t(
                "users-added",
                &[
                    ("login", user.login.into()),
                    ("name", user.name.into()),
                    ("uid", user.uid.into()),
                    ("role", role(user.role).into()),
                    ("path", svc.store().location().to_string().into()),
                ],
            ));
            Ok(())
        }
        UsersCmd::SetRole { login, role: r } => {
            let user = svc.set_role(me, login, *r).map_err(fail)?;
            say(&ui.t(
                "users-role-set",
                &[
                    ("login", user.login.into()),
                    ("role", role(user.role).into()),
                ],
            ));
            Ok(())
        }
        UsersCmd::Disable { login } | UsersCmd::Enable { login } => {
            let disable = matches!(cmd, UsersCmd::Disable { .. });
            let user = svc.set_disabled(me, login, disable).map_err(fail)?;
            let key = if disable {
                "users-disabled"
            } else {
                "users-enabled"
            };
            say(&ui.t(key, &[("login", user.login.into())]));
            Ok(())
        }
        UsersCmd::List => {
            let users = svc.users().map_err(fail)?;
            if users.is_empty() {
                say(&ui.t(
                    "users-none",
                    &[("path", svc.store().location().to_string().into())],
                ));
                return Ok(());
            }
            let mut out = Out::new(ui);
            for line in table(&users, ui) {
                out.text(&line)?;
            }
            out.finish()
        }
    }
}

/// The users as a table in the reader's language: a title row, then one row per user, columns
/// padded to their widest cell (as a terminal shows them: `Әлия` is 4 columns wide). Every cell
/// is escaped: a name can hold anything.
pub fn table(users: &[User], ui: &Ui) -> Vec<String> {
    let titles = [
        "users-column-login",
        "users-column-name",
        "users-column-uid",
        "users-column-role",
        "users-column-state",
    ]
    .map(|k| ui.t(k, &[]));
    let mut rows: Vec<[String; 5]> = vec![titles];
    for u in users {
        let state = if u.disabled {
            "users-state-disabled"
        } else {
            "users-state-enabled"
        };
        rows.push([
            escape(&u.login).into_owned(),
            escape(&u.name).into_owned(),
            u.uid.to_string(),
            ui.t(role_key(u.role), &[]),
            ui.t(state, &[]),
        ]);
    }
    let mut widths = [0usize; 5];
    for row in &rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.width());
        }
    }
    rows.iter()
        .map(|row| {
            let mut line = String::new();
            for (i, (cell, w)) in row.iter().zip(widths).enumerate() {
                line.push_str(cell);
                if i + 1 < row.len() {
                    line.extend(std::iter::repeat_n(' ', w - cell.width() + 2));
                }
            }
            line
        })
        .collect()
}

/// A refusal or mistake in managing users, in the reader's language: bad input, status 2.
fn user_failure(e: &crate::service::UserError, ui: &Ui) -> Failure {
    Failure::input(escape(&ui.texts.message(ui.lang, &e.message())))
}

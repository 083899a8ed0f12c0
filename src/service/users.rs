//! The users of a database: who they are (an OS account each), what role they have, and who
//! may change that.
//!
//! A supervisor manages users. A new database has none, so its first user is added by the OS
//! account that owns the database directory (the "bootstrap" rule); that rule holds for as long
//! as the database has no enabled supervisor, and the last enabled supervisor can be neither
//! demoted nor disabled, so a database never ends up with nobody to manage it.

use thiserror::Error;

use super::identity::{self, IdentityError};
use super::{Caller, Role, Service, ServiceError, User};
use crate::domain::case::Actor;
use crate::domain::ids::check_login;
use crate::domain::message::{Localize, Message};

/// A refusal or a mistake in managing users, for the person at the console or the shell: in
/// English by `Display`, in the reader's language by [`Localize`] (`i18n/*/users.ftl`).
#[derive(Debug, Error)]
pub enum UserError {
    #[error(
        "'{login}' (user id '{uid}') is disabled in this database; a supervisor enables them again with 'merzim users enable {login}' (supervisors: {})",
        listed(.supervisors)
    )]
    Disabled {
        uid: u32,
        login: String,
        supervisors: Vec<String>,
    },
    #[error(
        "'{who}' may not manage users: only a supervisor does (supervisors: {})",
        listed(.supervisors)
    )]
    NotSupervisor {
        who: String,
        supervisors: Vec<String>,
    },
    #[error(
        "the database '{path}' has no supervisor yet: its first user is added by the account that owns it, '{owner}'; run the command as '{owner}'"
    )]
    NotOwner { path: String, owner: String },
    #[error(
        "'{login}' is already a user of this database ({role}); change the role with 'merzim users set-role {login} ROLE'"
    )]
    Exists { login: String, role: Role },
    #[error(
        "'{0}' is not a user of this database; a supervisor adds them with 'merzim users add {0} --role officer'"
    )]
    NotAUser(String),
    #[error(
        "'{0}' is the last enabled supervisor of this database: make another user a supervisor first, so that someone can still manage users"
    )]
    LastSupervisor(String),
    #[error(
        "'{0}' is not a login merzim can use: write 1 to 64 Latin letters, digits, '.', '_' or '-', e.g. 'aliya'"
    )]
    BadLogin(String),
    #[error("the login '{login}' belongs to user id '{uid}' in this database")]
    LoginTaken { login: String, uid: u32 },
    #[error(
        "a user's name cannot be empty; give --name \"...\" or leave it out to take it from the account"
    )]
    EmptyName,
    #[error(transparent)]
    Account(#[from] IdentityError),
}

impl Localize for UserError {
    /// The words of `i18n/*/users.ftl`; a role is a catalogue word (`role-officer`).
    fn message(&self) -> Message {
        // With no supervisor to name, a message of its own says who else can help.
        let supervisors = |key: &'static str, none: &'static str, s: &[String]| {
            if s.is_empty() {
                Message::new(none)
            } else {
                Message::new(key).text("supervisors", listed(s))
            }
        };
        match self {
            UserError::Disabled {
                uid,
                login,
                supervisors: s,
            } => supervisors("users-error-disabled", "users-error-disabled-alone", s)
                .number("uid", *uid)
                .text("login", login),
            UserError::NotSupervisor {
                who,
                supervisors: s,
            } => supervisors(
                "users-error-not-supervisor",
                "users-error-not-supervisor-alone",
                s,
            )
            .text("who", who),
            UserError::NotOwner { path, owner } => Message::new("users-error-not-owner")
                .text("path", path)
                .text("owner", owner),
            UserError::Exists { login, role } => Message::new("users-error-exists")
                .text("login", login)
                .word("role", role_key(*role)),
            UserError::NotAUser(login) => {
                Message::new("users-error-not-a-user").text("login", login)
            }
            UserError::LastSupervisor(login) => {
                Message::new("users-error-last-supervisor").text("login", login)
            }
            UserError::LoginTaken { login, uid } => Message::new("users-error-login-taken")
                .text("login", login)
                .number("uid", *uid),
            UserError::BadLogin(login) => {
                Message::new("users-error-bad-login").text("login", login)
            }
            UserError::EmptyName => Message::new("users-error-empty-name"),
            UserError::Account(IdentityError::NoSuchLogin(login)) => {
                Message::new("users-error-no-account").text("login", login)
            }
            UserError::Account(IdentityError::NoSuchUid(uid)) => {
                Message::new("users-error-no-uid").number("uid", *uid)
            }
            UserError::Account(IdentityError::Lookup(e)) => {
                Message::new("users-error-lookup").text("error", e.to_string())
            }
        }
    }
}

/// The catalogue word of a role (`role-officer`, `role-supervisor`, `role-auditor`).
pub fn role_key(role: Role) -> &'static str {
    match role {
        Role::Officer => "role-officer",
        Role::Supervisor => "role-supervisor",
        Role::Auditor => "role-auditor",
    }
}

/// Logins quoted and joined: `'boss', 'aliya'`; "none yet" for none (the catalogues say it
/// in their own words, from the count).
fn listed(logins: &[String]) -> String {
    if logins.is_empty() {
        return "none yet".into();
    }
    logins
        .iter()
        .map(|l| format!("'{l}'"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Who may manage the users of a database, as [`Service::user_manager`] found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Manager {
    /// An enabled supervisor.
    Supervisor(Caller),
    /// The OS account that owns the database directory, while it has no enabled supervisor.
    Owner { uid: u32 },
}

impl Service {
    /// The caller behind an operating-system uid: an enabled user of this database.
    pub fn caller_for_uid(&self, uid: u32) -> Result<Caller, ServiceError> {
        match self.store.user(uid)? {
            None => Err(ServiceError::UnknownUser { uid }),
            Some(u) if u.disabled => Err(UserError::Disabled {
                uid,
                login: u.login,
                supervisors: self.supervisors()?,
            }
            .into()),
            Some(u) => Ok(Caller::from(u)),
        }
    }

    /// The caller behind `uid` for the embedded console: an enabled user, or, on a database
    /// with no user at all, its first user, a supervisor named from the system's user
    /// database (so that a console on a database of one's own just works). An account that is
    /// not a user is refused naming its login and who can add it.
    pub fn caller_or_first_user(&self, uid: u32) -> Result<Caller, ServiceError> {
        match self.caller_for_uid(uid) {
            Err(ServiceError::UnknownUser { .. }) if self.store.users()?.is_empty() => {
                let account = identity::account_by_uid(uid).map_err(UserError::from)?;
                let user = User {
                    uid,
                    login: account.login,
                    name: account.name,
                    role: Role::Supervisor,
                    disabled: false,
                };
                self.put_user(None, user)?;
                self.caller_for_uid(uid)
            }
            Err(ServiceError::UnknownUser { .. }) => match identity::account_by_uid(uid) {
                Ok(account) => Err(UserError::NotAUser(account.login).into()),
                Err(_) => Err(ServiceError::UnknownUser { uid }),
            },
            other => other,
        }
    }

    /// Who `uid` is in history: the name this database knows, else the system's user database
    /// (root is "root"); an account the system does not know is `uid1234`, as `ls -l` shows
    /// it.
    pub fn actor_for_uid(&self, uid: u32) -> Actor {
        if let Ok(Some(u)) = self.store.user(uid) {
            return Actor {
                uid,
                login: u.login,
                name: u.name,
            };
        }
        match identity::account_by_uid(uid) {
            Ok(a) => Actor {
                uid,
                login: a.login,
                name: a.name,
            },
            Err(_) => Actor {
                uid,
                login: format!("uid{uid}"),
                name: format!("uid{uid}"),
            },
        }
    }

    /// Every user, by uid.
    pub fn users(&self) -> Result<Vec<User>, ServiceError> {
        Ok(self.store.users()?)
    }

    /// Adds or changes a user: a supervisor's act, or the first user of an empty user list (the
    /// embedded console's first run, a demo). The command line goes through
    /// [`Service::add_user`] and its owner rule instead.
    pub fn put_user(&self, caller: Option<&Caller>, user: User) -> Result<(), ServiceError> {
        let bootstrap = self.store.users()?.is_empty();
        if !bootstrap && !caller.is_some_and(Caller::is_supervisor) {
            return Err(ServiceError::Forbidden {
                login: caller.map(|c| c.login.clone()).unwrap_or_default(),
                action: "add users to",
                number: self.store.location().to_string(),
                why: super::Barred::ManagesUsers {
                    supervisors: listed(&self.supervisors()?),
                },
            });
        }
        self.check_login(&user)?;
        Ok(self.store.put_user(&user)?)
    }

    /// Who the OS account `uid` is when it manages users: an enabled supervisor, or the owner
    /// of the database directory while the database has no enabled supervisor. Anyone else is
    /// refused with who can do it.
    pub fn user_manager(&self, uid: u32) -> Result<Manager, ServiceError> {
        let me = self.store.user(uid)?;
        if let Some(u) = &me {
            if u.disabled {
                return Err(UserError::Disabled {
                    uid,
                    login: u.login.clone(),
                    supervisors: self.supervisors()?,
                }
                .into());
            }
            if u.role == Role::Supervisor {
                return Ok(Manager::Supervisor(Caller::from(u.clone())));
            }
        }
        let users = self.store.users()?;
        if !users
            .iter()
            .any(|u| u.role == Role::Supervisor && !u.disabled)
        {
            let location = self.store.location();
            // A directory's owner is the kernel's word; a database server is owned by whoever
            // holds its credentials, that is the account running this process (the daemon's).
            let owner = match location.directory() {
                Some(path) => identity::owner_of(path).map_err(|e| {
                    ServiceError::Invalid(format!(
                        "cannot tell who owns the database '{location}': {e}"
                    ))
                })?,
                None => identity::current_uid(),
            };
            if owner == uid {
                return Ok(Manager::Owner { uid });
            }
            return Err(UserError::NotOwner {
                path: location.to_string(),
                owner: self.actor_for_uid(owner).login,
            }
            .into());
        }
        Err(UserError::NotSupervisor {
            who: self.actor_for_uid(uid).login,
            supervisors: self.supervisors()?,
        }
        .into())
    }

    /// Adds the OS account `login` as a user with `role`, as the account `by` (see
    /// [`Service::user_manager`]). The uid comes from the system's user database, and the name
    /// too unless `name` is given.
    pub fn add_user(
        &self,
        by: u32,
        login: &str,
        name: Option<&str>,
        role: Role,
    ) -> Result<User, ServiceError> {
        self.user_manager(by)?;
        let account = identity::account_by_login(login).map_err(UserError::from)?;
        let name = match name {
            Some(n) if n.trim().is_empty() => return Err(UserError::EmptyName.into()),
            Some(n) => n.trim().to_string(),
            None => account.name,
        };
        if let Some(old) = self.store.user(account.uid)? {
            return Err(UserError::Exists {
                login: old.login,
                role: old.role,
            }
            .into());
        }
        let user = User {
            uid: account.uid,
            login: account.login,
            name,
            role,
            disabled: false,
        };
        self.check_login(&user)?;
        self.store.put_user(&user)?;
        Ok(user)
    }

    /// Gives the user `login` the role `role`, as the account `by`.
    pub fn set_role(&self, by: u32, login: &str, role: Role) -> Result<User, ServiceError> {
        self.change_user(by, login, |u| u.role = role)
    }

    /// Disables (`true`) or enables the user `login`, as the account `by`. A disabled user is
    /// refused like an unknown one; their record and the history naming them stay.
    pub fn set_disabled(&self, by: u32, login: &str, disabled: bool) -> Result<User, ServiceError> {
        self.change_user(by, login, |u| u.disabled = disabled)
    }

    fn change_user(
        &self,
        by: u32,
        login: &str,
        change: impl FnOnce(&mut User),
    ) -> Result<User, ServiceError> {
        self.user_manager(by)?;
        let users = self.store.users()?;
        let Some(old) = users.iter().find(|u| u.login == login) else {
            return Err(UserError::NotAUser(login.to_string()).into());
        };
        let mut user = old.clone();
        change(&mut user);
        let manages = |u: &User| u.role == Role::Supervisor && !u.disabled;
        if manages(old) && !manages(&user) && !users.iter().any(|u| u.uid != old.uid && manages(u))
        {
            return Err(UserError::LastSupervisor(old.login.clone()).into());
        }
        if user != *old {
            self.store.put_user(&user)?;
        }
        Ok(user)
    }

    /// The logins of the enabled supervisors, for a refusal to name who can help.
    fn supervisors(&self) -> Result<Vec<String>, ServiceError> {
        Ok(self
            .store
            .users()?
            .into_iter()
            .filter(|u| u.role == Role::Supervisor && !u.disabled)
            .map(|u| u.login)
            .collect())
    }

    /// A login is one word, and belongs to one uid.
    fn check_login(&self, user: &User) -> Result<(), ServiceError> {
        // A login is what cases are assigned to: one shape everywhere (`check_login`).
        check_login(&user.login).map_err(|e| UserError::BadLogin(e.0))?;
        if let Some(other) = self
            .store
            .users()?
            .into_iter()
            .find(|u| u.login == user.login && u.uid != user.uid)
        {
            return Err(UserError::LoginTaken {
                login: other.login,
                uid: other.uid,
            }
            .into());
        }
        Ok(())
    }
}

//! Who is this operating-system account: the one place that asks the system.
//!
//! The OS account is the identity (DESIGN 2.1): its uid comes from the kernel (`getuid`, later
//! the socket's peer credentials), its login and name from the system's user database
//! (`getpwuid_r` / `getpwnam_r`, so that LDAP and SSSD accounts count too), never from `$USER`
//! or anything else a process can claim. Root is "root", as its passwd entry says.

use std::path::Path;

use thiserror::Error;

/// An account of the system's user database.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Account {
    pub uid: u32,
    pub login: String,
    /// The person's name: the first field of GECOS, or the login when GECOS has none.
    pub name: String,
}

/// The system's user database did not give an account.
#[derive(Debug, Error)]
pub enum IdentityError {
    #[error(
        "there is no account '{0}' in this system's user database; check the spelling, or create the account first (useradd)"
    )]
    NoSuchLogin(String),
    #[error(
        "user id '{0}' has no entry in this system's user database; merzim names people by their accounts: create one for this uid"
    )]
    NoSuchUid(u32),
    #[error("the system's user database cannot be read: {0}")]
    Lookup(std::io::Error),
}

/// The uid of this process: the kernel's word.
pub fn current_uid() -> u32 {
    #[cfg(unix)]
    // SAFETY: getuid has no preconditions and cannot fail.
    let uid = unsafe { libc::getuid() };
    #[cfg(not(unix))]
    let uid = u32::MAX;
    uid
}

/// The account running this process.
pub fn current_account() -> Result<Account, IdentityError> {
    account_by_uid(current_uid())
}

/// The account with this uid.
pub fn account_by_uid(uid: u32) -> Result<Account, IdentityError> {
    lookup(Key::Uid(uid))?.ok_or(IdentityError::NoSuchUid(uid))
}

/// The account with this login.
pub fn account_by_login(login: &str) -> Result<Account, IdentityError> {
    // A login with a NUL byte cannot be in the database.
    let Ok(key) = std::ffi::CString::new(login) else {
        return Err(IdentityError::NoSuchLogin(login.to_string()));
    };
    lookup(Key::Login(key))?.ok_or_else(|| IdentityError::NoSuchLogin(login.to_string()))
}

/// The uid that owns `path` (the database directory: the "owner" of the bootstrap rule).
pub fn owner_of(path: &Path) -> std::io::Result<u32> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        Ok(std::fs::metadata(path)?.uid())
    }
    #[cfg(not(unix))]
    {
        let _ = std::fs::metadata(path)?;
        Ok(u32::MAX)
    }
}

/// The person's name in a GECOS field: its first comma-separated part ("full name, room,
/// phone, ..."), or `login` when that part is empty.
pub fn name_from_gecos(gecos: &str, login: &str) -> String {
    let name = gecos.split(',').next().unwrap_or("").trim();
    if name.is_empty() {
        login.to_string()
    } else {
        name.to_string()
    }
}

enum Key {
    Uid(u32),
    Login(std::ffi::CString),
}

#[cfg(unix)]
fn lookup(key: Key) -> Result<Option<Account>, IdentityError> {
    use std::ffi::CStr;

    let mut size = 1024usize;
    loop {
        let mut buf = vec![0 as libc::c_char; size];
        // SAFETY: an all-zero passwd is a valid value (null pointers, zero ids); the system
        // fills it in.
        let mut pwd: libc::passwd = unsafe { std::mem::zeroed() };
        let mut found: *mut libc::passwd = std::ptr::null_mut();
        // SAFETY: every pointer is valid for the call: `pwd` and `found` live on this frame,
        // `buf` holds `size` bytes, and a login is a NUL-terminated string.
        let rc = unsafe {
            match &key {
                Key::Login(l) => {
                    libc::getpwnam_r(l.as_ptr(), &mut pwd, buf.as_mut_ptr(), size, &mut found)
                }
                Key::Uid(u) => libc::getpwuid_r(*u, &mut pwd, buf.as_mut_ptr(), size, &mut found),
            }
        };
        if rc == libc::ERANGE && size < (1 << 20) {
            size *= 4;
            continue;
        }
        // "Not found" comes back as 0 with no entry, or (on some systems) as one of these.
        if found.is_null() {
            return match rc {
                0 | libc::ENOENT | libc::ESRCH | libc::EBADF | libc::EPERM => Ok(None),
                e => Err(IdentityError::Lookup(std::io::Error::from_raw_os_error(e))),
            };
        }
        let text = |p: *const libc::c_char| {
            if p.is_null() {
                String::new()
            } else {
                // SAFETY: on success the system set the fields to NUL-terminated strings in
                // `buf`, which is still alive.
                unsafe { CStr::from_ptr(p) }.to_string_lossy().into_owned()
            }
        };
        let login = text(pwd.pw_name);
        let gecos = text(pwd.pw_gecos);
        return Ok(Some(Account {
            uid: pwd.pw_uid,
            name: name_from_gecos(&gecos, &login),
            login,
        }));
    }
}

#[cfg(not(unix))]
fn lookup(_key: Key) -> Result<Option<Account>, IdentityError> {
    Ok(None)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn root_is_root() {
        let root = account_by_uid(0).expect("uid 0 is in every passwd");
        assert_eq!((root.uid, root.login.as_str()), (0, "root"));
        assert_eq!(account_by_login("root").expect("root").uid, 0);
    }

    #[test]
    fn an_unknown_login_is_named() {
        let e = account_by_login("no-such-merzim-login").expect_err("unknown");
        assert_eq!(
            e.to_string(),
            "there is no account 'no-such-merzim-login' in this system's user database; check the spelling, or create the account first (useradd)"
        );
        assert!(matches!(
            account_by_login("a\0b"),
            Err(IdentityError::NoSuchLogin(_))
        ));
    }

    #[test]
    fn this_process_is_its_passwd_entry() {
        let me = current_account().expect("the test runs as an account");
        assert_eq!(me.uid, current_uid());
        assert_eq!(account_by_login(&me.login).expect("by login").uid, me.uid);
        assert!(!me.login.starts_with("uid"), "{}", me.login);
    }

    #[test]
    fn the_name_is_the_first_gecos_field() {
        assert_eq!(
            name_from_gecos("Әлия Серікқызы,,,", "aliya"),
            "Әлия Серікқызы"
        );
        assert_eq!(name_from_gecos("Болат, room 12, 8-7172", "bolat"), "Болат");
        assert_eq!(name_from_gecos("", "bolat"), "bolat");
        assert_eq!(name_from_gecos(" ,x", "bolat"), "bolat");
    }
}

//! Where the daemon listens: the socket systemd hands over (socket activation), else a socket
//! file the daemon binds itself, group-only (0660) from the first instant.
//!
//! A socket file can outlive its daemon (a crash, SIGKILL). It is replaced only when nothing
//! answers on it (connect fails with ECONNREFUSED); a socket some process still accepts on is
//! never taken over, so two daemons can never split the officers between them.

use std::io;
use std::os::unix::fs::{FileTypeExt, PermissionsExt};
use std::os::unix::net::{UnixListener, UnixStream};
use std::path::{Path, PathBuf};

use super::ServeError;

/// The socket the daemon listens on, and whether it made the file (then it removes it at exit;
/// systemd's socket is systemd's to remove).
#[derive(Debug)]
pub struct Listening {
    pub listener: UnixListener,
    pub path: PathBuf,
    pub bound_here: bool,
}

/// The socket from systemd when the daemon was socket-activated (`fds`, taken from the
/// environment before any thread starts: it clears the variables), else `path` bound here,
/// owned by `group` (a group name; `None`: the process's group), mode 0660.
pub fn listen(
    mut fds: listenfd::ListenFd,
    path: &Path,
    group: Option<&str>,
) -> Result<Listening, ServeError> {
    if let Some(listener) = fds
        .take_unix_listener(0)
        .map_err(|e| ServeError::Activation(e.to_string()))?
    {
        let path = listener
            .local_addr()
            .ok()
            .and_then(|a| a.as_pathname().map(Path::to_path_buf))
            .unwrap_or_else(|| path.to_path_buf());
        return Ok(Listening {
            listener,
            path,
            bound_here: false,
        });
    }
    let gid = match group {
        Some(name) => gid_of(name)?,
        // SAFETY: getegid has no preconditions and cannot fail.
        None => unsafe { libc::getegid() },
    };
    clear_stale(path)?;
    let listener = bind_private(path)?;
    let fail = |e: io::Error| ServeError::Permissions {
        path: path.to_path_buf(),
        error: e.to_string(),
    };
    // Owner and group only: the group is who may connect (officers reach it through sshd).
    std::os::unix::fs::chown(path, None, Some(gid)).map_err(fail)?;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o660)).map_err(fail)?;
    Ok(Listening {
        listener,
        path: path.to_path_buf(),
        bound_here: true,
    })
}

/// Removes a socket file nothing answers on; refuses a live socket and a file that is not a
/// socket at all (someone's data).
fn clear_stale(path: &Path) -> Result<(), ServeError> {
    let meta = match std::fs::symlink_metadata(path) {
        Ok(m) => m,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(()),
        Err(e) => {
            return Err(ServeError::Bind {
                path: path.to_path_buf(),
                error: e.to_string(),
            });
        }
    };
    if !meta.file_type().is_socket() {
        return Err(ServeError::NotASocket {
            path: path.to_path_buf(),
        });
    }
    match UnixStream::connect(path) {
        Ok(_) => Err(ServeError::Live {
            path: path.to_path_buf(),
        }),
        Err(e) if e.raw_os_error() == Some(libc::ECONNREFUSED) => {
            tracing::warn!(socket = %path.display(), "a stale socket file (nothing answers on it) is replaced");
            std::fs::remove_file(path).map_err(|e| ServeError::Bind {
                path: path.to_path_buf(),
                error: e.to_string(),
            })
        }
        // Not allowed to connect, or anything else: whether it is live cannot be told, so it
        // is left alone.
        Err(e) => Err(ServeError::Bind {
            path: path.to_path_buf(),
            error: e.to_string(),
        }),
    }
}

/// Binds `path` with a umask that leaves the new file to its owner alone, so that there is no
/// instant in which another account could connect before the mode and group are set.
fn bind_private(path: &Path) -> Result<UnixListener, ServeError> {
    // SAFETY: umask only sets the process's file-creation mask; it cannot fail. The daemon
    // binds before it starts any thread of its own that creates files.
    let old = unsafe { libc::umask(0o177) };
    let bound = UnixListener::bind(path);
    // SAFETY: as above.
    unsafe { libc::umask(old) };
    bound.map_err(|e| ServeError::Bind {
        path: path.to_path_buf(),
        error: e.to_string(),
    })
}

/// The gid of the group `name` in the system's group database.
fn gid_of(name: &str) -> Result<u32, ServeError> {
    let unknown = || ServeError::NoGroup {
        group: name.to_string(),
    };
    let key = std::ffi::CString::new(name).map_err(|_| unknown())?;
    let mut size = 1024usize;
    loop {
        let mut buf = vec![0 as libc::c_char; size];
        // SAFETY: an all-zero group is a valid value (null pointers, zero id); the system
        // fills it in.
        let mut grp: libc::group = unsafe { std::mem::zeroed() };
        let mut found: *mut libc::group = std::ptr::null_mut();
        // SAFETY: every pointer is valid for the call: `grp` and `found` live on this frame,
        // `buf` holds `size` bytes and `key` is NUL-terminated.
        let rc =
            unsafe { libc::getgrnam_r(key.as_ptr(), &mut grp, buf.as_mut_ptr(), size, &mut found) };
        if rc == libc::ERANGE && size < (1 << 20) {
            size *= 4;
            continue;
        }
        if found.is_null() {
            return Err(unknown());
        }
        return Ok(grp.gr_gid);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn root_group_is_gid_0_and_an_unknown_group_is_named() {
        assert_eq!(gid_of("root").expect("every system has group root"), 0);
        let e = gid_of("no-such-merzim-group").expect_err("unknown");
        assert!(matches!(e, ServeError::NoGroup { group } if group == "no-such-merzim-group"));
    }

    #[test]
    fn a_stale_socket_is_replaced_and_a_live_one_refused() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("s.sock");
        // A socket nobody accepts on any more: its listener is gone.
        drop(UnixListener::bind(&path).expect("bind"));
        let l =
            listen(listenfd::ListenFd::empty(), &path, None).expect("the stale file is replaced");
        assert!(l.bound_here);
        let mode = std::fs::metadata(&path)
            .expect("socket")
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o660);
        assert!(matches!(
            listen(listenfd::ListenFd::empty(), &path, None),
            Err(ServeError::Live { .. })
        ));
        drop(l);
        std::fs::remove_file(&path).expect("remove");
        std::fs::write(&path, "someone's data").expect("write");
        assert!(matches!(
            listen(listenfd::ListenFd::empty(), &path, None),
            Err(ServeError::NotASocket { .. })
        ));
    }
}

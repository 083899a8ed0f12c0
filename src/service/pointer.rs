//! The daemon's pointer file: how a command given `--db PATH` learns that `merzim serve` owns
//! that database, and which socket to use instead.
//!
//! sled lets one process open a database, so while the daemon runs, any other opening fails
//! with "in use by another process". The daemon writes the path of its socket into
//! [`POINTER_FILE`] in the database's directory (the directory is the daemon's: nobody else can
//! plant one), and a command refused by the lock reads it to say `merzim --connect SOCKET ...`.
//! The file is only read here; a stale one (the daemon died) does no harm, because it is read
//! only when the lock is actually held.

use std::path::{Path, PathBuf};

/// The pointer file's name inside the database directory.
pub const POINTER_FILE: &str = "serve.socket";

/// The longest pointer read: a socket path is short (`sun_path` holds 108 bytes); anything
/// longer is not a pointer.
const MAX_POINTER: u64 = 4096;

/// The socket of the daemon that owns the database `db`, if its pointer file names one: the
/// first line of the file, trimmed.
pub fn socket_of(db: &Path) -> Option<PathBuf> {
    let file = db.join(POINTER_FILE);
    if std::fs::metadata(&file).ok()?.len() > MAX_POINTER {
        return None;
    }
    let text = std::fs::read_to_string(&file).ok()?;
    let line = text.lines().next()?.trim();
    (!line.is_empty()).then(|| PathBuf::from(line))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_pointer_names_the_socket_and_nothing_else_does() {
        let dir = tempfile::tempdir().expect("temporary directory");
        assert_eq!(socket_of(dir.path()), None);
        std::fs::write(dir.path().join(POINTER_FILE), "  \n").expect("write");
        assert_eq!(socket_of(dir.path()), None);
        std::fs::write(dir.path().join(POINTER_FILE), "/run/merzim/merzim.sock\n").expect("write");
        assert_eq!(
            socket_of(dir.path()),
            Some(PathBuf::from("/run/merzim/merzim.sock"))
        );
    }
}

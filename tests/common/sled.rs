//! Waiting for sled to let go of a database this process closed.
#![allow(dead_code)]

use std::path::Path;

/// sled's background flusher holds the database's lock for a moment after the last handle is
/// dropped; the next opening waits until the lock is free (sled locks the `db` file with
/// flock). A bounded wait, not a timing assertion.
pub fn wait_until_released(db: &Path) {
    use std::os::fd::AsRawFd;
    let file = std::fs::File::open(db.join("db")).unwrap();
    for _ in 0..1000 {
        // SAFETY: flock on a file descriptor this function owns.
        if unsafe { libc::flock(file.as_raw_fd(), libc::LOCK_EX | libc::LOCK_NB) } == 0 {
            // SAFETY: as above.
            unsafe { libc::flock(file.as_raw_fd(), libc::LOCK_UN) };
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    panic!("the database stayed locked");
}

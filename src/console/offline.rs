//! Drafts kept on this machine while the daemon cannot take them (issue 9: "if the daemon goes
//! away the console says so, keeps drafts").
//!
//! A console over the socket saves its open form's draft in the daemon. When the SSH link
//! drops (SIGHUP) or the console is stopped while the daemon is unreachable, that last save
//! fails, and the text would go with the process. So the final save falls back to a file of
//! the officer's own: `<data dir>/offline-drafts/<key>.json` (`~/.local/share/merzim/…` on
//! Linux), private to the account (0700 directory, 0600 files, written whole and renamed into
//! place, so a half-written file is never read back). The next console started with a link to
//! the same socket hands each file to the daemon's drafts and deletes it, and the draft is
//! offered back like any other.
//!
//! Only the latest text of a form is kept: when the daemon holds a newer draft of the same
//! form (typed in another console after this one lost its link), that one wins and the file
//! goes.

use std::collections::BTreeMap;
use std::io::Write;
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt};
use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::domain::message::Message;
use crate::service::{CaseApi, DraftKey};

/// Where the drafts of one daemon's socket are kept while it cannot take them.
#[derive(Debug, Clone)]
pub struct OfflineDrafts {
    dir: PathBuf,
    /// The daemon's socket, as the console was given it: a file is handed only to the daemon
    /// it was typed for.
    socket: String,
}

/// One kept draft, as written to its file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
struct Kept {
    socket: String,
    key: DraftKey,
    fields: BTreeMap<String, String>,
    /// When the console kept it: compared with the daemon's draft of the same form.
    kept: DateTime<Utc>,
}

/// What handing the kept drafts over did.
#[derive(Debug, Default)]
pub struct HandedOver {
    /// Drafts now in the daemon (and their files deleted).
    pub saved: usize,
    /// Files that could not be handed over and stay for the next start: why, in a message.
    pub problems: Vec<Message>,
}

impl OfflineDrafts {
    /// The officer's own directory for the drafts of `socket`'s daemon.
    pub fn new(dir: impl Into<PathBuf>, socket: &Path) -> OfflineDrafts {
        OfflineDrafts {
            dir: dir.into(),
            socket: socket.display().to_string(),
        }
    }

    /// `offline-drafts` in the account's data directory, if the system names one.
    pub fn default_dir() -> Option<PathBuf> {
        directories::ProjectDirs::from("kz", "merzim", "merzim")
            .map(|d| d.data_dir().join("offline-drafts"))
    }

    /// The directory the files go to.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Writes the draft of `key` to its file (replacing an older one of the same form).
    pub fn keep(
        &self,
        key: DraftKey,
        fields: BTreeMap<String, String>,
    ) -> std::io::Result<PathBuf> {
        std::fs::DirBuilder::new()
            .recursive(true)
            .mode(0o700)
            .create(&self.dir)?;
        let path = self.dir.join(file_name(&self.socket, &key));
        let kept = Kept {
            socket: self.socket.clone(),
            key,
            fields,
            kept: Utc::now(),
        };
        let bytes = serde_json::to_vec_pretty(&kept).map_err(std::io::Error::other)?;
        let part = path.with_extension("part");
        let mut file = std::fs::OpenOptions::new()
            .write(true)
            .create(true)
            .truncate(true)
            .mode(0o600)
            .open(&part)?;
        file.write_all(&bytes)?;
        file.sync_all()?;
        std::fs::rename(&part, &path)?;
        Ok(path)
    }

    /// Hands every draft kept for this socket to the daemon behind `api`, deleting each file
    /// the daemon took (or whose form it holds a newer draft of). A file that cannot be read,
    /// or that the daemon does not take, stays and is named.
    pub fn hand_over(&self, api: &dyn CaseApi) -> HandedOver {
        let mut done = HandedOver::default();
        let Ok(entries) = std::fs::read_dir(&self.dir) else {
            // No directory: nothing was ever kept.
            return done;
        };
        let mut files: Vec<PathBuf> = entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "json"))
            .collect();
        files.sort();
        for path in files {
            let problem = |error: String| {
                Message::new("offline-draft-kept")
                    .text("path", path.display().to_string())
                    .text("error", error)
            };
            let kept: Kept = match std::fs::read(&path)
                .map_err(|e| e.to_string())
                .and_then(|b| serde_json::from_slice(&b).map_err(|e| e.to_string()))
            {
                Ok(k) => k,
                Err(e) => {
                    done.problems.push(problem(e));
                    continue;
                }
            };
            if kept.socket != self.socket {
                continue;
            }
            let newer_there = match api.load_draft(kept.key.clone()) {
                Ok(there) => there.is_some_and(|d| d.saved > kept.kept),
                Err(e) => {
                    done.problems.push(problem(e.to_string()));
                    continue;
                }
            };
            if !newer_there && let Err(e) = api.save_draft(kept.key, kept.fields) {
                done.problems.push(problem(e.to_string()));
                continue;
            }
            match std::fs::remove_file(&path) {
                Ok(()) => done.saved += usize::from(!newer_there),
                Err(e) => done.problems.push(problem(e.to_string())),
            }
        }
        done
    }
}

/// The file of one draft: the socket and the form's key in hex, so any number or path makes a
/// safe, distinct name, and a form's newer draft replaces its older one.
fn file_name(socket: &str, key: &DraftKey) -> String {
    let mut name = String::with_capacity(64);
    let whole = format!(
        "{socket}\u{0}{}\u{0}{}",
        key.form,
        key.case.as_deref().unwrap_or("")
    );
    // FNV-1a: a short, stable name; the file itself says whose draft it is.
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for b in whole.bytes() {
        hash ^= u64::from(b);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    name.push_str(&key.form);
    name.push('-');
    name.push_str(&format!("{hash:016x}"));
    name.push_str(".json");
    name
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::reference::Reference;
    use crate::service::{Role, Service, Session, User, identity};
    use std::os::unix::fs::PermissionsExt;

    fn session(dir: &Path) -> Session {
        let service = Service::open(&dir.join("db"), Reference::shipped().unwrap()).unwrap();
        service
            .store()
            .put_user(&User {
                uid: identity::current_uid(),
                login: "aliya".into(),
                name: "Әлия".into(),
                role: Role::Officer,
                disabled: false,
            })
            .unwrap();
        Session::for_uid(
            service,
            identity::current_uid(),
            Box::new(|| chrono::NaiveDate::from_ymd_opt(2026, 11, 20).unwrap()),
        )
        .unwrap()
    }

    fn fields(name: &str) -> BTreeMap<String, String> {
        BTreeMap::from([("applicant".to_string(), name.to_string())])
    }

    fn new_case() -> DraftKey {
        DraftKey {
            form: "register".into(),
            case: None,
        }
    }

    #[test]
    fn a_kept_draft_is_private_and_handed_to_its_daemon_once() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join("offline-drafts");
        let here = OfflineDrafts::new(&dir, Path::new("/run/merzim/merzim.sock"));
        let path = here.keep(new_case(), fields("Әлия Бекова")).unwrap();
        let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&path), 0o600);
        assert_eq!(mode(&dir), 0o700);

        // Another daemon's console leaves it alone.
        let s = session(tmp.path());
        let elsewhere = OfflineDrafts::new(&dir, Path::new("/tmp/other.sock"));
        let done = elsewhere.hand_over(&s);
        assert_eq!((done.saved, done.problems.len()), (0, 0));
        assert!(path.exists());

        let done = here.hand_over(&s);
        assert_eq!((done.saved, done.problems.len()), (1, 0));
        assert!(!path.exists());
        let drafts = s.drafts().unwrap();
        assert_eq!(drafts.len(), 1);
        assert_eq!(drafts[0].fields, fields("Әлия Бекова"));
        // Handed over once: a second start finds nothing.
        assert_eq!(here.hand_over(&s).saved, 0);
    }

    #[test]
    fn a_newer_draft_in_the_daemon_wins_and_a_broken_file_stays() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join("offline-drafts");
        let here = OfflineDrafts::new(&dir, Path::new("/run/merzim/merzim.sock"));
        let path = here.keep(new_case(), fields("older")).unwrap();
        let s = session(tmp.path());
        // Typed in another console after this one lost its link.
        std::thread::sleep(std::time::Duration::from_millis(5));
        s.save_draft(new_case(), fields("newer")).unwrap();
        let broken = dir.join("broken.json");
        std::fs::write(&broken, "{ not json").unwrap();

        let done = here.hand_over(&s);
        assert_eq!(done.saved, 0);
        assert!(!path.exists());
        assert_eq!(s.drafts().unwrap()[0].fields, fields("newer"));
        assert_eq!(done.problems.len(), 1);
        assert_eq!(done.problems[0].key, "offline-draft-kept");
        assert!(broken.exists());
    }
}

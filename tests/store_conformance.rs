//! The `CaseStore` conformance suite (`merzim::store::conformance`) against sled, on real
//! temporary databases: the same checks the PostgreSQL backend will run.

use std::path::PathBuf;
use std::sync::Arc;

use merzim::store::conformance::{Backend, Capabilities};
use merzim::store::{CaseStore, Store};

mod common;
use common::sled::wait_until_released;

/// A sled database in a temporary directory of its own.
struct Sled {
    dir: tempfile::TempDir,
    store: Option<Arc<Store>>,
}

impl Sled {
    fn path(&self) -> PathBuf {
        self.dir.path().join("db")
    }

    /// Drops the store, which the check must no longer hold, and waits until sled lets go.
    fn close(&mut self) {
        let store = self.store.take().expect("the store is open");
        assert_eq!(
            Arc::strong_count(&store),
            1,
            "a check still holds the store it asked to reopen"
        );
        drop(store);
        wait_until_released(&self.path());
    }

    fn open(&mut self) {
        self.store = Some(Arc::new(
            Store::open(&self.path()).expect("the database opens"),
        ));
    }
}

impl Backend for Sled {
    fn store(&self) -> Arc<dyn CaseStore> {
        self.store.clone().expect("the store is open")
    }

    fn reopen(&mut self) {
        self.close();
        self.open();
    }

    fn capabilities(&self) -> Capabilities {
        Capabilities {
            damaged_records: true,
        }
    }

    fn damage_case_record(&mut self, id: u64) {
        self.close();
        let raw = sled::open(self.path()).expect("raw sled");
        raw.open_tree("cases")
            .expect("cases tree")
            .insert(id.to_be_bytes(), &b"\xc1not msgpack"[..])
            .expect("raw write");
        raw.flush().expect("raw flush");
        drop(raw);
        wait_until_released(&self.path());
        self.open();
    }
}

fn sled_backend() -> Box<dyn Backend> {
    let mut backend = Sled {
        dir: tempfile::tempdir().expect("a temporary directory"),
        store: None,
    };
    backend.open();
    Box::new(backend)
}

merzim::store_conformance_tests!(sled_backend);

/// The escape hatch leads to the same sled store, and the location is its directory.
#[test]
fn the_sled_backend_names_its_directory_and_opens_its_escape_hatch() {
    let backend = sled_backend();
    let store = backend.store();
    let sled = store.sled().expect("a sled store");
    assert_eq!(store.location().directory(), Some(sled.path()));
    assert!(sled.size_on_disk().expect("size") > 0);
}

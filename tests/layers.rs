//! The layers of DESIGN 2 hold by themselves: a module never imports one above it.
//!
//! `main / cli -> ui -> app -> service -> store -> domain`, with `keymap` and `i18n` beside
//! them. The test reads the sources: a `crate::X` path (in a `use` or inline) of a layer that is
//! not below fails it, naming the file and the line.

use std::path::Path;

/// Each layer and the modules it must not name.
const FORBIDDEN: &[(&str, &[&str])] = &[
    (
        "domain",
        &[
            "store", "service", "app", "ui", "console", "cli", "keymap", "i18n",
        ],
    ),
    (
        "store",
        &["service", "app", "ui", "console", "cli", "keymap"],
    ),
    ("service", &["app", "ui", "console", "cli", "keymap"]),
    ("app", &["ui", "console", "cli"]),
    (
        "keymap",
        &["app", "ui", "console", "cli", "service", "store"],
    ),
    (
        "i18n",
        &["app", "ui", "console", "cli", "service", "store", "keymap"],
    ),
    ("ui", &["console", "cli"]),
    // Letters render a case view to text: no console, command line, keys or database.
    ("letters", &["app", "console", "cli", "keymap", "store"]),
    // The socket client plays "the service" for the console: no console above it, no database.
    (
        "client",
        &["app", "ui", "console", "cli", "keymap", "store", "server"],
    ),
    // The daemon: the service over a socket, no console, command line or keys.
    (
        "server",
        &["app", "ui", "console", "cli", "keymap", "client"],
    ),
    // The daemon's protocol: messages of the service, no database, console or keys.
    (
        "wire",
        &[
            "app", "ui", "console", "cli", "keymap", "store", "server", "client",
        ],
    ),
];

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    let entries = std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    for entry in entries {
        let path = entry.expect("directory entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// `crate::ui` or `merzim::ui` as a whole path segment (not `crate::uid`).
fn names(line: &str, module: &str) -> bool {
    ["crate::", "merzim::"].iter().any(|root| {
        let needle = format!("{root}{module}");
        line.match_indices(&needle).any(|(at, _)| {
            !line[at + needle.len()..]
                .chars()
                .next()
                .is_some_and(|c| c.is_alphanumeric() || c == '_')
        })
    })
}

#[test]
fn no_layer_imports_one_above_it() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut problems = Vec::new();
    let mut checked = 0;
    for (layer, forbidden) in FORBIDDEN {
        let mut files = Vec::new();
        rust_files(&src.join(layer), &mut files);
        assert!(!files.is_empty(), "no sources under src/{layer}");
        for file in files {
            checked += 1;
            let text = std::fs::read_to_string(&file).expect("readable source");
            for (n, line) in text.lines().enumerate() {
                let code = line.split("//").next().unwrap_or("");
                for module in *forbidden {
                    if names(code, module) {
                        problems.push(format!(
                            "{}:{}: '{layer}' names '{module}': {}",
                            file.strip_prefix(&src).unwrap_or(&file).display(),
                            n + 1,
                            line.trim()
                        ));
                    }
                }
            }
        }
    }
    assert!(checked > 20, "only {checked} files read");
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// The service reaches the database only through `store::CaseStore` (issue 9 item 9), so a
/// second backend needs no change to it: no sled type, and not the trait's sled escape hatch.
#[test]
fn the_service_knows_no_backend() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src.join("service"), &mut files);
    let mut problems = Vec::new();
    for file in &files {
        let text = std::fs::read_to_string(file).expect("readable source");
        for (n, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or("");
            if code.contains("sled::") || code.contains(".sled()") {
                problems.push(format!("{}:{}: {}", file.display(), n + 1, line.trim()));
            }
        }
    }
    assert!(files.len() > 5, "only {} files read", files.len());
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn the_check_sees_an_import() {
    assert!(names("use crate::ui::theme::Profile;", "ui"));
    assert!(names("    let p = merzim::ui::x;", "ui"));
    assert!(!names("use crate::uid::Uid;", "ui"));
    assert!(!names("use crate::service::QueueRow;", "ui"));
}

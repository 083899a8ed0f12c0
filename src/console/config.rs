//! The officer's own settings: `<config dir>/merzim/config.toml` and `keymap.toml`.
//!
//! A bad file never stops the console, and a bad setting never costs the good ones: each
//! setting is read on its own, a bad one is reported (the file, the line, the setting, what is
//! allowed) and keeps its default. The problems are catalogue keys with arguments, translated
//! where they are shown: the bottom line, until the officer dismisses them.

use std::fs;
use std::path::{Path, PathBuf};

use toml::de::{DeTable, DeValue};

use crate::app::StatusText;
use crate::i18n::Lang;
use crate::keymap::ShippedKeymap;
use crate::service::dashboard::MAX_DUE_WITHIN;

/// `config.toml`: every field optional.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Config {
    /// `kk`, `ru` or `en` (checked: an unknown code is reported and left out).
    pub lang: Option<Lang>,
    /// `default` or `function-keys` (checked likewise).
    pub keymap: Option<String>,
    pub monochrome: bool,
    pub ascii: bool,
    pub low_bandwidth: bool,
    /// The daemon's socket for `merzim --connect` without a path.
    pub socket: Option<PathBuf>,
    /// N of the dashboard's "due within N working days" (issue 10, item 5), 1 to
    /// [`MAX_DUE_WITHIN`]; the default is [`crate::service::dashboard::DEFAULT_DUE_WITHIN`].
    pub due_within: Option<u32>,
}

/// The settings `config.toml` knows, in the order the messages list them.
const SETTINGS: [&str; 7] = [
    "lang",
    "keymap",
    "monochrome",
    "ascii",
    "low_bandwidth",
    "socket",
    "due_within",
];

/// At most this many characters of a bad value are quoted back.
const QUOTED_VALUE_CHARS: usize = 40;

fn config_dir() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os("MERZIM_CONFIG_DIR") {
        return Some(PathBuf::from(dir));
    }
    // The same directory as the office's data files (`--data-dir`'s default).
    crate::reference::default_data_dir()
}

/// A problem as the status line shows it: a catalogue key and its arguments.
fn problem(key: &'static str, args: Vec<(&'static str, String)>) -> StatusText {
    StatusText::Key(key, args)
}

/// The name the messages give a settings file: its file name (the directory is always the
/// officer's configuration directory, and the bottom line is short).
fn shown_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

/// `--keymap NAME` (or `keymap` in the file) that is not shipped: the message, translated.
pub fn unknown_keymap(name: &str) -> StatusText {
    problem(
        "keymap-unknown-option",
        vec![("name", quoted(name)), ("valid", keymap_names())],
    )
}

fn keymap_names() -> String {
    ShippedKeymap::ALL
        .iter()
        .map(|k| format!("'{}'", k.name()))
        .collect::<Vec<_>>()
        .join(", ")
}

fn lang_codes() -> String {
    Lang::ALL
        .iter()
        .map(|l| format!("'{}'", l.code()))
        .collect::<Vec<_>>()
        .join(", ")
}

/// A value as the officer wrote it, cut to a length a status line can show.
fn quoted(s: &str) -> String {
    let mut out: String = s.chars().take(QUOTED_VALUE_CHARS).collect();
    if s.chars().nth(QUOTED_VALUE_CHARS).is_some() {
        out.push('…');
    }
    out
}

impl Config {
    /// The configuration and the problems found reading it.
    pub fn load() -> (Config, Vec<StatusText>) {
        let Some(path) = config_dir().map(|d| d.join("config.toml")) else {
            return (Config::default(), Vec::new());
        };
        let bytes = match fs::read(&path) {
            Ok(b) => b,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return (Config::default(), Vec::new());
            }
            Err(e) => {
                let key = match e.kind() {
                    std::io::ErrorKind::PermissionDenied => "config-unreadable-permission",
                    std::io::ErrorKind::IsADirectory => "config-unreadable-directory",
                    _ => "config-unreadable",
                };
                return (Config::default(), vec![unreadable(&path, key)]);
            }
        };
        let Ok(text) = String::from_utf8(bytes) else {
            return (
                Config::default(),
                vec![unreadable(&path, "config-unreadable-not-utf8")],
            );
        };
        Config::parse(&text, &path)
    }

    /// The settings in `text`, the contents of the file at `path`: every good setting is kept,
    /// every bad one is reported with its line and left at its default.
    pub fn parse(text: &str, path: &Path) -> (Config, Vec<StatusText>) {
        let file = shown_name(path);
        let mut config = Config::default();
        let mut problems = Vec::new();
        let document = match DeTable::parse(text) {
            Ok(d) => d,
            Err(e) => {
                let line = line_of(text, e.span().map_or(0, |s| s.start));
                let detail = e.message().lines().next().unwrap_or("").trim().to_string();
                problems.push(problem(
                    "config-syntax",
                    vec![
                        ("path", file),
                        ("line", line.to_string()),
                        ("detail", quoted(&detail)),
                    ],
                ));
                return (config, problems);
            }
        };
        // In the order of the file (the table is kept sorted by name).
        let mut entries: Vec<_> = document.get_ref().iter().collect();
        entries.sort_by_key(|(name, _)| name.span().start);
        for (name, value) in entries {
            let key: &str = name.get_ref();
            let line = line_of(text, name.span().start).to_string();
            let written = text.get(value.span()).unwrap_or("").trim();
            let as_string = match value.get_ref() {
                DeValue::String(s) => Some(s.as_ref()),
                _ => None,
            };
            let as_bool = match value.get_ref() {
                DeValue::Boolean(b) => Some(*b),
                _ => None,
            };
            let shown = quoted(as_string.unwrap_or(written));
            let at = |mut args: Vec<(&'static str, String)>| {
                args.insert(0, ("line", line.clone()));
                args.insert(0, ("path", file.clone()));
                args
            };
            match key {
                "lang" => match as_string.map(Lang::from_code) {
                    Some(Ok(lang)) => config.lang = Some(lang),
                    _ => problems.push(problem(
                        "config-bad-lang",
                        at(vec![("value", shown), ("valid", lang_codes())]),
                    )),
                },
                "keymap" => match as_string.map(ShippedKeymap::from_name) {
                    Some(Ok(_)) => config.keymap = as_string.map(str::to_string),
                    _ => problems.push(problem(
                        "config-bad-keymap",
                        at(vec![("value", shown), ("valid", keymap_names())]),
                    )),
                },
                "socket" => match as_string.filter(|s| !s.is_empty()) {
                    Some(path) => config.socket = Some(PathBuf::from(path)),
                    None => problems.push(problem("config-bad-socket", at(vec![("value", shown)]))),
                },
                "due_within" => {
                    let n = matches!(value.get_ref(), DeValue::Integer(_))
                        .then(|| written.replace('_', "").parse::<u32>().ok())
                        .flatten()
                        .filter(|n| (1..=MAX_DUE_WITHIN).contains(n));
                    match n {
                        Some(n) => config.due_within = Some(n),
                        None => problems.push(problem(
                            "config-bad-due-within",
                            at(vec![("value", shown), ("max", MAX_DUE_WITHIN.to_string())]),
                        )),
                    }
                }
                "monochrome" | "ascii" | "low_bandwidth" => match as_bool {
                    Some(b) => match key {
                        "monochrome" => config.monochrome = b,
                        "ascii" => config.ascii = b,
                        _ => config.low_bandwidth = b,
                    },
                    None => problems.push(problem(
                        "config-not-a-switch",
                        at(vec![("key", key.to_string()), ("value", shown)]),
                    )),
                },
                _ => problems.push(problem(
                    "config-unknown-key",
                    at(vec![("key", quoted(key)), ("valid", SETTINGS.join(", "))]),
                )),
            }
        }
        (config, problems)
    }
}

fn unreadable(path: &Path, key: &'static str) -> StatusText {
    problem(key, vec![("path", shown_name(path))])
}

/// The 1-based line of a byte offset.
fn line_of(text: &str, offset: usize) -> usize {
    let end = offset.min(text.len());
    text.as_bytes()[..end]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

/// The officer's keymap file and its text, if there is one.
pub fn user_keymap() -> Option<(PathBuf, String)> {
    let path = config_dir()?.join("keymap.toml");
    let text = fs::read_to_string(&path).ok()?;
    Some((path, text))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> (Config, Vec<StatusText>) {
        Config::parse(text, Path::new("/home/o/.config/merzim/config.toml"))
    }

    fn args(p: &StatusText) -> (&'static str, Vec<(&'static str, String)>) {
        match p {
            StatusText::Key(k, a) => (k, a.clone()),
            StatusText::Words(k, _) => panic!("a problem in words: {k}"),
            StatusText::Message(m) => panic!("a problem as a message: {}", m.key),
            StatusText::Literal(s) => panic!("a literal problem: {s}"),
        }
    }

    #[test]
    fn good_settings_are_read() {
        let (c, p) = parse(
            "lang = \"ru\"\nkeymap = \"function-keys\"\nmonochrome = true\nascii = true\nlow_bandwidth = true\n",
        );
        assert!(p.is_empty(), "{p:?}");
        assert_eq!(
            c,
            Config {
                lang: Some(Lang::Ru),
                keymap: Some("function-keys".into()),
                monochrome: true,
                ascii: true,
                low_bandwidth: true,
                socket: None,
                due_within: None,
            }
        );
        let (c, p) = parse("due_within = 5\n");
        assert!(p.is_empty(), "{p:?}");
        assert_eq!(c.due_within, Some(5));
        for bad in [
            "due_within = 0\n",
            "due_within = 61\n",
            "due_within = \"two\"\n",
        ] {
            let (c, p) = parse(bad);
            assert_eq!(c.due_within, None, "{bad}");
            assert_eq!(args(&p[0]).0, "config-bad-due-within", "{bad}");
        }
        let (c, p) = parse("socket = \"/run/merzim/office.sock\"\n");
        assert!(p.is_empty(), "{p:?}");
        assert_eq!(c.socket, Some(PathBuf::from("/run/merzim/office.sock")));
        let (c, p) = parse("socket = 7\n");
        assert_eq!(c.socket, None);
        assert_eq!(args(&p[0]).0, "config-bad-socket");
    }

    #[test]
    fn one_bad_setting_keeps_the_good_ones_and_names_itself() {
        let (c, p) = parse("lang = \"kk\"\ncolour = \"red\"\nascii = \"yes\"\nmonochrome = true\n");
        assert_eq!(c.lang, Some(Lang::Kk));
        assert!(c.monochrome);
        assert!(!c.ascii);
        assert_eq!(p.len(), 2, "{p:?}");
        assert_eq!(
            args(&p[0]),
            (
                "config-unknown-key",
                vec![
                    ("path", "config.toml".to_string()),
                    ("line", "2".into()),
                    ("key", "colour".into()),
                    (
                        "valid",
                        "lang, keymap, monochrome, ascii, low_bandwidth, socket, due_within".into()
                    ),
                ]
            )
        );
        assert_eq!(
            args(&p[1]),
            (
                "config-not-a-switch",
                vec![
                    ("path", "config.toml".to_string()),
                    ("line", "3".into()),
                    ("key", "ascii".into()),
                    ("value", "yes".into()),
                ]
            )
        );
    }

    #[test]
    fn an_unknown_language_or_keymap_is_named_with_the_valid_ones() {
        let (c, p) = parse("lang = \"de\"\nkeymap = \"emacs\"\nlow_bandwidth = true\n");
        assert_eq!(c.lang, None);
        assert_eq!(c.keymap, None);
        assert!(c.low_bandwidth);
        assert_eq!(
            args(&p[0]),
            (
                "config-bad-lang",
                vec![
                    ("path", "config.toml".to_string()),
                    ("line", "1".into()),
                    ("value", "de".into()),
                    ("valid", "'kk', 'ru', 'en'".into()),
                ]
            )
        );
        assert_eq!(
            args(&p[1]),
            (
                "config-bad-keymap",
                vec![
                    ("path", "config.toml".to_string()),
                    ("line", "2".into()),
                    ("value", "emacs".into()),
                    ("valid", "'default', 'function-keys'".into()),
                ]
            )
        );
        // A value of the wrong type is quoted as written.
        let (_, p) = parse("lang = 7\n");
        assert_eq!(args(&p[0]).1[2], ("value", "7".to_string()));
    }

    #[test]
    fn a_file_that_is_not_toml_is_one_problem_and_the_defaults() {
        let (c, p) = parse("lang = \"ru\"\nthis is not toml\n");
        assert_eq!(c, Config::default());
        assert_eq!(p.len(), 1);
        let (key, a) = args(&p[0]);
        assert_eq!(key, "config-syntax");
        assert_eq!(a[1], ("line", "2".to_string()));
    }

    #[test]
    fn long_values_are_cut() {
        let (_, p) = parse(&format!("lang = \"{}\"\n", "x".repeat(500)));
        let value = &args(&p[0]).1[2].1;
        assert_eq!(value.chars().count(), QUOTED_VALUE_CHARS + 1, "{value}");
    }
}

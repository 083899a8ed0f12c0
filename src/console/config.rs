//! The officer's own settings: `<config dir>/merzim/config.toml` and `keymap.toml`.
//!
//! A bad file never stops the console: its problem is shown in the status line and the
//! defaults stay.

use std::fs;
use std::path::PathBuf;

use serde::Deserialize;

/// `config.toml`: every field optional.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// `kk`, `ru` or `en`.
    pub lang: Option<String>,
    /// `default` or `function-keys`.
    pub keymap: Option<String>,
    #[serde(default)]
    pub monochrome: bool,
    #[serde(default)]
    pub ascii: bool,
    #[serde(default)]
    pub low_bandwidth: bool,
}

fn config_dir() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os("MERZIM_CONFIG_DIR") {
        return Some(PathBuf::from(dir));
    }
    // The same directory as the office's data files (`--data-dir`'s default).
    crate::reference::default_data_dir()
}

impl Config {
    /// The configuration and the problems found reading it (one line each).
    pub fn load() -> (Config, Vec<String>) {
        let Some(path) = config_dir().map(|d| d.join("config.toml")) else {
            return (Config::default(), Vec::new());
        };
        let text = match fs::read_to_string(&path) {
            Ok(t) => t,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return (Config::default(), Vec::new());
            }
            Err(e) => {
                return (
                    Config::default(),
                    vec![format!("cannot read '{}': {e}", path.display())],
                );
            }
        };
        match toml::from_str::<Config>(&text) {
            Ok(c) => (c, Vec::new()),
            Err(e) => {
                let first = e.to_string().lines().next().unwrap_or("").to_string();
                (
                    Config::default(),
                    vec![format!(
                        "'{}': {first}; the defaults are used",
                        path.display()
                    )],
                )
            }
        }
    }
}

/// The officer's keymap file and its text, if there is one.
pub fn user_keymap() -> Option<(PathBuf, String)> {
    let path = config_dir()?.join("keymap.toml");
    let text = fs::read_to_string(&path).ok()?;
    Some((path, text))
}

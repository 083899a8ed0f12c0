//! All colours and styles of the console, named by meaning (STYLE 5), in three profiles.
//!
//! - `colour`: 16 ANSI colours (every terminal and every SSH client shows them the same way).
//! - `monochrome`: for `NO_COLOR` and terminals without colour: states by bold, underline and
//!   dim; the selection stays visible by reverse video.
//! - the low-bandwidth profile (see [`Profile`]) draws the selection as a marker in the first
//!   column instead of a reversed row, so a one-row move rewrites two cells, not two rows.

use ratatui::style::{Color, Modifier, Style};

/// The profile is part of the console's state (`app`); it is named here too, where the styles
/// are chosen from it.
pub use crate::app::Profile;

/// Styles by meaning.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    pub normal: Style,
    pub overdue: Style,
    pub due_today: Style,
    pub due_soon: Style,
    pub ok: Style,
    pub closed: Style,
    pub no_term: Style,
    /// Added on top of the row's own style for the selected row.
    pub selected: Style,
    pub header: Style,
    pub column_titles: Style,
    pub hint_key: Style,
    pub hint_text: Style,
    pub status_info: Style,
    pub status_error: Style,
    pub section_title: Style,
    pub tab_active: Style,
    pub tab_inactive: Style,
    pub label: Style,
    pub provisional: Style,
}

impl Theme {
    /// The theme of a profile.
    pub fn for_profile(p: Profile) -> Theme {
        if p.monochrome {
            Theme::monochrome()
        } else {
            Theme::colour()
        }
    }

    fn colour() -> Theme {
        let plain = Style::new();
        Theme {
            normal: plain,
            overdue: plain.fg(Color::Red).add_modifier(Modifier::BOLD),
            due_today: plain.fg(Color::Yellow).add_modifier(Modifier::BOLD),
            due_soon: plain.fg(Color::Yellow),
            ok: plain,
            closed: plain.fg(Color::DarkGray),
            no_term: plain.fg(Color::Cyan),
            selected: plain.add_modifier(Modifier::REVERSED),
            header: plain.add_modifier(Modifier::BOLD),
            column_titles: plain.add_modifier(Modifier::UNDERLINED),
            hint_key: plain.add_modifier(Modifier::BOLD),
            hint_text: plain,
            status_info: plain.fg(Color::Green),
            status_error: plain.fg(Color::Red).add_modifier(Modifier::BOLD),
            section_title: plain.add_modifier(Modifier::BOLD),
            tab_active: plain.add_modifier(Modifier::REVERSED),
            tab_inactive: plain,
            label: plain.add_modifier(Modifier::BOLD),
            provisional: plain.fg(Color::Magenta),
        }
    }

    fn monochrome() -> Theme {
        let plain = Style::new();
        Theme {
            normal: plain,
            overdue: plain.add_modifier(Modifier::BOLD),
            due_today: plain.add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            due_soon: plain.add_modifier(Modifier::UNDERLINED),
            ok: plain,
            closed: plain.add_modifier(Modifier::DIM),
            no_term: plain,
            selected: plain.add_modifier(Modifier::REVERSED),
            header: plain.add_modifier(Modifier::BOLD),
            column_titles: plain.add_modifier(Modifier::UNDERLINED),
            hint_key: plain.add_modifier(Modifier::BOLD),
            hint_text: plain,
            status_info: plain,
            status_error: plain.add_modifier(Modifier::BOLD),
            section_title: plain.add_modifier(Modifier::BOLD),
            tab_active: plain.add_modifier(Modifier::REVERSED),
            tab_inactive: plain,
            label: plain.add_modifier(Modifier::BOLD),
            provisional: plain,
        }
    }
}

/// Symbols that have an ASCII stand-in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Symbols {
    pub provisional: &'static str,
    pub marker: &'static str,
    pub separator: &'static str,
    /// Between the parts of a title or a line.
    pub dot: &'static str,
    /// Something still to come (the queue while it loads).
    pub ellipsis: &'static str,
    /// In place of a date that does not exist (no statutory term).
    pub none: &'static str,
    /// A case marked for a bulk action, in the first column of its row.
    pub mark: &'static str,
}

impl Symbols {
    /// The symbols of a profile.
    pub fn for_profile(p: Profile) -> Symbols {
        if p.ascii {
            Symbols {
                provisional: "~",
                marker: ">",
                separator: "|",
                dot: "-",
                ellipsis: "...",
                none: "-",
                mark: "#",
            }
        } else {
            Symbols {
                provisional: "≈",
                marker: "▶",
                separator: "│",
                dot: "·",
                ellipsis: "…",
                none: "—",
                mark: "●",
            }
        }
    }
}

//! The renderer's measure of scrollable text, handed to the console's state so that `update`
//! keeps every scroll position one the screen can show (see [`crate::app::Measure`]). It
//! builds the same lines the screens draw, at the size `update` last saw.

use super::{Ctx, case, help};
use crate::app::{App, Measure};
use crate::i18n::Texts;

/// [`Measure`] by the renderer's own line building.
pub struct Measurer {
    texts: Texts,
}

impl Measurer {
    /// A measurer with its own copy of the catalogues (the renderer's is borrowed per frame).
    ///
    /// # Errors
    ///
    /// [`crate::i18n::I18nError`] if a shipped catalogue does not load (a test makes sure they
    /// all do).
    pub fn new() -> Result<Measurer, crate::i18n::I18nError> {
        Ok(Measurer {
            texts: Texts::new()?,
        })
    }
}

fn clamp(lines: usize, rows: u16) -> u16 {
    u16::try_from(lines.saturating_sub(usize::from(rows))).unwrap_or(u16::MAX)
}

/// Below the smallest layout nothing scrolls on screen: positions are kept as they are (no
/// bound), so that a window shrunk for a moment gives the reader their place back.
fn too_small(app: &App) -> bool {
    app.width < super::MIN_WIDTH || app.height < super::MIN_HEIGHT
}

impl Measure for Measurer {
    fn case_max_scroll(&self, app: &App) -> u16 {
        if too_small(app) {
            return u16::MAX;
        }
        let Some(open) = &app.case else {
            return 0;
        };
        let ctx = Ctx::new(app, &self.texts);
        let lines = case::section_lines(&ctx, &open.view, open.section, usize::from(app.width));
        clamp(lines.len(), app.height.saturating_sub(case::CHROME_ROWS))
    }

    fn help_max_scroll(&self, app: &App) -> u16 {
        if too_small(app) {
            return u16::MAX;
        }
        let ctx = Ctx::new(app, &self.texts);
        clamp(
            help::lines(&ctx, usize::from(app.width)).len(),
            app.height.saturating_sub(help::CHROME_ROWS),
        )
    }
}

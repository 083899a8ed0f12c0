//! A ratatui backend that writes as few bytes as it can (DESIGN 4, slow links).
//!
//! The stock crossterm backend resets colours and attributes after every frame and sends
//! separate sequences for foreground, background and each attribute. Over a 64 kbit/s link each
//! of those bytes is latency. This backend remembers the terminal's state across frames: it sends
//! one combined SGR only when the style really changes, moves the cursor only when the next cell
//! is not where the cursor already is, and hides/shows the cursor only on a change. A frame with
//! no changed cells writes nothing at all.

use std::io::{self, Write};

use ratatui::backend::{Backend, ClearType, WindowSize};
use ratatui::buffer::Cell;
use ratatui::layout::{Position, Size};
use ratatui::style::{Color, Modifier};
use unicode_width::UnicodeWidthStr;

/// What the terminal's current graphic rendition is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Pen {
    fg: Color,
    bg: Color,
    modifier: Modifier,
}

impl Pen {
    const DEFAULT: Pen = Pen {
        fg: Color::Reset,
        bg: Color::Reset,
        modifier: Modifier::empty(),
    };
}

/// A backend over any writer; the console gives it a buffered stdout and flushes once a frame.
pub struct LeanBackend<W: Write> {
    out: W,
    /// `None` when unknown (after start or a clear): the next style is sent in full.
    pen: Option<Pen>,
    cursor: Option<Position>,
    cursor_visible: Option<bool>,
    /// For tests and measurements: the size to report instead of asking the terminal.
    fixed_size: Option<Size>,
}

impl<W: Write> LeanBackend<W> {
    /// A backend writing to `out`, asking the terminal for its size.
    pub fn new(out: W) -> LeanBackend<W> {
        LeanBackend {
            out,
            pen: None,
            cursor: None,
            cursor_visible: None,
            fixed_size: None,
        }
    }

    /// A backend of a fixed size (tests, measurements).
    pub fn with_size(out: W, width: u16, height: u16) -> LeanBackend<W> {
        LeanBackend {
            fixed_size: Some(Size { width, height }),
            ..LeanBackend::new(out)
        }
    }

    /// The writer, e.g. to inspect what was written.
    pub fn writer(&self) -> &W {
        &self.out
    }

    /// The writer, mutably (tests clear it between frames).
    pub fn writer_mut(&mut self) -> &mut W {
        &mut self.out
    }

    /// Forget the cursor position and the rendition, e.g. after a scroll set a scrolling region
    /// (which homes the cursor) and reset the rendition. The cursor's visibility is unchanged.
    pub fn forget_position(&mut self) {
        self.pen = None;
        self.cursor = None;
    }

    /// Forget what the terminal shows: after a resize or anything else writing to it.
    pub fn invalidate(&mut self) {
        self.pen = None;
        self.cursor = None;
        self.cursor_visible = None;
    }

    fn move_to(&mut self, x: u16, y: u16) -> io::Result<()> {
        if self.cursor == Some(Position { x, y }) {
            return Ok(());
        }
        match self.cursor {
            // Same row, a little to the right: CUF is shorter than CUP.
            Some(c) if c.y == y && x > c.x => {
                let n = x - c.x;
                if n == 1 {
                    write!(self.out, "\x1b[C")?;
                } else {
                    write!(self.out, "\x1b[{n}C")?;
                }
            }
            // Column 0 of the next row.
            Some(c) if c.y + 1 == y && x == 0 => self.out.write_all(b"\r\n")?,
            _ => {
                if x == 0 {
                    write!(self.out, "\x1b[{}H", y + 1)?;
                } else {
                    write!(self.out, "\x1b[{};{}H", y + 1, x + 1)?;
                }
            }
        }
        self.cursor = Some(Position { x, y });
        Ok(())
    }

    fn set_pen(&mut self, want: Pen) -> io::Result<()> {
        if self.pen == Some(want) {
            return Ok(());
        }
        let mut params: Vec<String> = Vec::new();
        let (from, reset) = match self.pen {
            // An attribute to remove, or a colour back to default: start again from 0, then the
            // whole rendition; one sequence either way.
            Some(p) if p.modifier - want.modifier == Modifier::empty() => (p, false),
            _ => (Pen::DEFAULT, true),
        };
        if reset {
            params.push("0".into());
        }
        for (m, code) in MODIFIER_CODES {
            if want.modifier.contains(m) && !from.modifier.contains(m) {
                params.push(code.into());
            }
        }
        if want.fg != from.fg || (reset && want.fg != Color::Reset) {
            params.push(colour(want.fg, true));
        }
        if want.bg != from.bg || (reset && want.bg != Color::Reset) {
            params.push(colour(want.bg, false));
        }
        params.retain(|p| !p.is_empty());
        if !params.is_empty() {
            write!(self.out, "\x1b[{}m", params.join(";"))?;
        }
        self.pen = Some(want);
        Ok(())
    }
}

const MODIFIER_CODES: [(Modifier, &str); 9] = [
    (Modifier::BOLD, "1"),
    (Modifier::DIM, "2"),
    (Modifier::ITALIC, "3"),
    (Modifier::UNDERLINED, "4"),
    (Modifier::SLOW_BLINK, "5"),
    (Modifier::RAPID_BLINK, "6"),
    (Modifier::REVERSED, "7"),
    (Modifier::HIDDEN, "8"),
    (Modifier::CROSSED_OUT, "9"),
];

/// The SGR parameter of a colour: 16 colours as 30–37/90–97, 256 as 38;5;n. True colour is
/// reduced to the 256-colour cube (DESIGN 4: 16/256 colours only).
fn colour(c: Color, fg: bool) -> String {
    let base = if fg { 30 } else { 40 };
    let bright = if fg { 90 } else { 100 };
    let ext = if fg { 38 } else { 48 };
    match c {
        Color::Reset => format!("{}", base + 9),
        Color::Black => format!("{base}"),
        Color::Red => format!("{}", base + 1),
        Color::Green => format!("{}", base + 2),
        Color::Yellow => format!("{}", base + 3),
        Color::Blue => format!("{}", base + 4),
        Color::Magenta => format!("{}", base + 5),
        Color::Cyan => format!("{}", base + 6),
        Color::Gray => format!("{}", base + 7),
        Color::DarkGray => format!("{bright}"),
        Color::LightRed => format!("{}", bright + 1),
        Color::LightGreen => format!("{}", bright + 2),
        Color::LightYellow => format!("{}", bright + 3),
        Color::LightBlue => format!("{}", bright + 4),
        Color::LightMagenta => format!("{}", bright + 5),
        Color::LightCyan => format!("{}", bright + 6),
        Color::White => format!("{}", bright + 7),
        Color::Indexed(i) => format!("{ext};5;{i}"),
        Color::Rgb(r, g, b) => {
            let q = |v: u8| (u16::from(v) * 5 / 255) as u8;
            format!("{ext};5;{}", 16 + 36 * q(r) + 6 * q(g) + q(b))
        }
    }
}

impl<W: Write> Backend for LeanBackend<W> {
    type Error = io::Error;

    fn draw<'a, I>(&mut self, content: I) -> io::Result<()>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        for (x, y, cell) in content {
            self.move_to(x, y)?;
            self.set_pen(Pen {
                fg: cell.fg,
                bg: cell.bg,
                modifier: cell.modifier,
            })?;
            let symbol = cell.symbol();
            self.out.write_all(symbol.as_bytes())?;
            let width = symbol.width().max(1) as u16;
            self.cursor = Some(Position {
                x: x.saturating_add(width),
                y,
            });
        }
        Ok(())
    }

    fn hide_cursor(&mut self) -> io::Result<()> {
        if self.cursor_visible != Some(false) {
            self.out.write_all(b"\x1b[?25l")?;
            self.cursor_visible = Some(false);
        }
        Ok(())
    }

    fn show_cursor(&mut self) -> io::Result<()> {
        if self.cursor_visible != Some(true) {
            self.out.write_all(b"\x1b[?25h")?;
            self.cursor_visible = Some(true);
        }
        Ok(())
    }

    fn get_cursor_position(&mut self) -> io::Result<Position> {
        Ok(self.cursor.unwrap_or_default())
    }

    fn set_cursor_position<P: Into<Position>>(&mut self, position: P) -> io::Result<()> {
        let p = position.into();
        self.move_to(p.x, p.y)
    }

    fn clear(&mut self) -> io::Result<()> {
        self.set_pen(Pen::DEFAULT)?;
        self.out.write_all(b"\x1b[2J")?;
        self.cursor = None;
        Ok(())
    }

    fn clear_region(&mut self, clear_type: ClearType) -> io::Result<()> {
        self.set_pen(Pen::DEFAULT)?;
        let seq: &[u8] = match clear_type {
            ClearType::All => b"\x1b[2J",
            ClearType::AfterCursor => b"\x1b[J",
            ClearType::BeforeCursor => b"\x1b[1J",
            ClearType::CurrentLine => b"\x1b[2K",
            ClearType::UntilNewLine => b"\x1b[K",
        };
        self.out.write_all(seq)
    }

    fn size(&self) -> io::Result<Size> {
        if let Some(s) = self.fixed_size {
            return Ok(s);
        }
        let (width, height) = crossterm::terminal::size()?;
        Ok(Size { width, height })
    }

    fn window_size(&mut self) -> io::Result<WindowSize> {
        Ok(WindowSize {
            columns_rows: self.size()?,
            pixels: Size::default(),
        })
    }

    fn flush(&mut self) -> io::Result<()> {
        self.out.flush()
    }
}

/// Resets the rendition and shows the cursor: what the terminal should be left with.
pub fn restore_sequence() -> &'static [u8] {
    b"\x1b[0m\x1b[?25h"
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::Terminal;
    use ratatui::style::{Style, Stylize};
    use ratatui::text::Line;

    fn term() -> Terminal<LeanBackend<Vec<u8>>> {
        Terminal::new(LeanBackend::with_size(Vec::new(), 20, 3)).unwrap()
    }

    fn frame(
        t: &mut Terminal<LeanBackend<Vec<u8>>>,
        f: impl FnOnce(&mut ratatui::Frame),
    ) -> String {
        t.backend_mut().writer_mut().clear();
        t.draw(f).unwrap();
        String::from_utf8(t.backend().writer().clone()).unwrap()
    }

    #[test]
    fn an_unchanged_frame_writes_nothing() {
        let mut t = term();
        let draw = |f: &mut ratatui::Frame| f.render_widget(Line::from("hello").red(), f.area());
        assert!(!frame(&mut t, draw).is_empty());
        assert_eq!(frame(&mut t, draw), "");
    }

    #[test]
    fn one_combined_sgr_and_no_trailing_reset() {
        let mut t = term();
        let out = frame(&mut t, |f| {
            f.render_widget(
                Line::from("ab").style(Style::new().red().on_blue().bold()),
                f.area(),
            )
        });
        assert!(out.contains("\x1b[0;1;31;44mab"), "{out:?}");
        assert!(!out.ends_with("\x1b[0m"), "{out:?}");
    }

    #[test]
    fn colours_are_16_or_256() {
        assert_eq!(colour(Color::Rgb(255, 0, 0), true), "38;5;196");
        assert_eq!(colour(Color::Indexed(208), false), "48;5;208");
        assert_eq!(colour(Color::LightRed, true), "91");
    }
}

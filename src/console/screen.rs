//! What the terminal shows, and the cheapest way to change it.
//!
//! Like ratatui's `Terminal`, this keeps the last frame and sends only the cells that changed.
//! It can also move a band of rows with the terminal's own scrolling: when the queue scrolls by
//! a row, the terminal shifts the rows it already has (a few bytes) and only the new row is
//! sent, instead of every row of the list (DESIGN 4: "use the terminal's scrolling").
//!
//! The scroll uses only VT100 sequences (a scrolling region, line feeds at its bottom margin,
//! reverse index at its top), which every terminal and multiplexer understands.

use std::io::{self, Write};

use ratatui::backend::Backend;
use ratatui::buffer::{Buffer, Cell};
use ratatui::layout::Rect;

use super::backend::LeanBackend;

/// The terminal as last drawn.
pub struct Screen<W: Write> {
    backend: LeanBackend<W>,
    shown: Buffer,
}

impl<W: Write> Screen<W> {
    /// A screen over a backend; the first frame draws everything.
    pub fn new(backend: LeanBackend<W>) -> io::Result<Screen<W>> {
        let size = backend.size()?;
        let mut screen = Screen {
            backend,
            shown: Buffer::empty(Rect::new(0, 0, size.width, size.height)),
        };
        screen.clear()?;
        Ok(screen)
    }

    /// The backend (tests read what was written).
    pub fn backend(&self) -> &LeanBackend<W> {
        &self.backend
    }

    pub fn backend_mut(&mut self) -> &mut LeanBackend<W> {
        &mut self.backend
    }

    /// The area of the current terminal size. It changes at any moment while the terminal is
    /// resized: read it once per frame and use that value for the layout and the buffer alike.
    pub fn area(&self) -> io::Result<Rect> {
        let size = self.backend.size()?;
        Ok(Rect::new(0, 0, size.width, size.height))
    }

    /// Forgets what is shown and clears the terminal: the next frame draws everything.
    pub fn clear(&mut self) -> io::Result<()> {
        self.backend.invalidate();
        self.backend.clear()?;
        self.shown = Buffer::empty(self.shown.area);
        self.backend.flush()
    }

    /// Draws a frame of `area` (the size read once for this frame, see [`Screen::area`]):
    /// `render` fills a fresh buffer of exactly that area, and only the difference is sent.
    pub fn draw(&mut self, area: Rect, render: impl FnOnce(&mut Buffer)) -> io::Result<()> {
        if area != self.shown.area {
            self.shown = Buffer::empty(area);
            self.backend.invalidate();
            self.backend.clear()?;
        }
        let mut next = Buffer::empty(area);
        render(&mut next);
        let diff = self.shown.diff(&next);
        self.backend.draw(diff.into_iter())?;
        self.backend.hide_cursor()?;
        self.backend.flush()?;
        self.shown = next;
        Ok(())
    }

    /// Moves the rows `top..bottom` (exclusive) by `by` rows with the terminal's scrolling: up
    /// (content moves towards the top) when `by` is positive. The rows that come into view are
    /// left blank on the terminal and in the shown frame, so the next draw fills them.
    pub fn scroll(&mut self, top: u16, bottom: u16, by: i32) -> io::Result<()> {
        let area = self.shown.area;
        let height = i32::from(bottom.saturating_sub(top));
        if by == 0 || bottom > area.height || by.abs() >= height {
            return Ok(());
        }
        let out = self.backend.writer_mut();
        // Blank rows take the current background: reset the rendition first.
        write!(out, "\x1b[0m\x1b[{};{}r", top + 1, bottom)?;
        if by > 0 {
            write!(out, "\x1b[{}H", bottom)?;
            for _ in 0..by {
                out.write_all(b"\n")?;
            }
        } else {
            write!(out, "\x1b[{}H", top + 1)?;
            for _ in 0..-by {
                out.write_all(b"\x1bM")?;
            }
        }
        out.write_all(b"\x1b[r")?;
        // Setting the region moved the cursor and the rendition is reset: say so.
        self.backend.forget_position();
        shift_rows(&mut self.shown, top, bottom, by);
        Ok(())
    }
}

/// The same shift in the buffer that mirrors the terminal.
fn shift_rows(buf: &mut Buffer, top: u16, bottom: u16, by: i32) {
    let width = usize::from(buf.area.width);
    let row = |y: u16| usize::from(y) * width;
    let n = by.unsigned_abs() as u16;
    if by > 0 {
        for y in top..bottom - n {
            let (src, dst) = (row(y + n), row(y));
            for x in 0..width {
                buf.content[dst + x] = buf.content[src + x].clone();
            }
        }
        for y in bottom - n..bottom {
            buf.content[row(y)..row(y) + width].fill(Cell::default());
        }
    } else {
        for y in (top + n..bottom).rev() {
            let (src, dst) = (row(y - n), row(y));
            for x in 0..width {
                buf.content[dst + x] = buf.content[src + x].clone();
            }
        }
        for y in top..top + n {
            buf.content[row(y)..row(y) + width].fill(Cell::default());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(b: &Buffer) -> Vec<String> {
        (0..b.area.height)
            .map(|y| {
                (0..b.area.width)
                    .map(|x| b[(x, y)].symbol())
                    .collect::<String>()
            })
            .collect()
    }

    #[test]
    fn shifting_mirrors_the_terminal() {
        let mut b = Buffer::empty(Rect::new(0, 0, 2, 5));
        for (y, s) in ["h ", "a ", "b ", "c ", "f "].iter().enumerate() {
            b.set_string(0, y as u16, s, ratatui::style::Style::new());
        }
        shift_rows(&mut b, 1, 4, 1);
        assert_eq!(lines(&b), ["h ", "b ", "c ", "  ", "f "]);
        shift_rows(&mut b, 1, 4, -1);
        assert_eq!(lines(&b), ["h ", "  ", "b ", "c ", "f "]);
    }

    #[test]
    fn a_scroll_then_draw_sends_only_the_new_row() {
        let mut s = Screen::new(LeanBackend::with_size(Vec::new(), 10, 6)).unwrap();
        let rows = |first: usize| {
            move |b: &mut Buffer| {
                for y in 0..4u16 {
                    b.set_string(
                        0,
                        y + 1,
                        format!("row {:02}", first + usize::from(y)),
                        ratatui::style::Style::new(),
                    );
                }
            }
        };
        s.draw(Rect::new(0, 0, 10, 6), rows(0)).unwrap();
        s.backend_mut().writer_mut().clear();
        s.scroll(1, 5, 1).unwrap();
        s.draw(Rect::new(0, 0, 10, 6), rows(1)).unwrap();
        let out = String::from_utf8(s.backend().writer().clone()).unwrap();
        assert!(out.contains("04"), "{out:?}");
        assert!(
            !out.contains("row 02"),
            "rows already on screen are not sent again: {out:?}"
        );
        assert!(out.len() < 50, "{} B: {out:?}", out.len());
    }
}

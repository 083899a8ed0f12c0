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

use ratatui::backend::{Backend, ClearType};
use ratatui::buffer::{Buffer, Cell};
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier};

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
        // Blank runs go out as erase-to-end-of-line / erase-below, not as spaces (DESIGN 4).
        let mut cells = Vec::with_capacity(diff.len());
        for op in erase_aware(&next, diff) {
            match op {
                Op::Cell(x, y, cell) => cells.push((x, y, cell)),
                Op::EraseLine(x, y) | Op::EraseBelow(x, y) => {
                    self.backend.draw(cells.drain(..))?;
                    self.backend.set_cursor_position((x, y))?;
                    self.backend
                        .clear_region(if matches!(op, Op::EraseLine(..)) {
                            ClearType::UntilNewLine
                        } else {
                            ClearType::AfterCursor
                        })?;
                }
            }
        }
        self.backend.draw(cells.into_iter())?;
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

/// One step of sending a frame.
enum Op<'a> {
    Cell(u16, u16, &'a Cell),
    /// Erase from (x, y) to the end of the line (EL).
    EraseLine(u16, u16),
    /// Erase from (x, y) to the end of the screen (ED).
    EraseBelow(u16, u16),
}

/// Fewer changed blank cells than this on a row's blank tail are sent as spaces: an erase costs
/// a sequence and, often, a change of rendition.
const ERASE_FROM: usize = 6;

/// Whether a cell looks the same as what an erase with the default rendition leaves.
fn erasable(c: &Cell) -> bool {
    let visible = Modifier::REVERSED | Modifier::UNDERLINED | Modifier::CROSSED_OUT;
    c.symbol() == " " && c.bg == Color::Reset && !c.modifier.intersects(visible)
}

/// The diff of a frame with each row's changed blank tail (and a blank bottom of the screen)
/// turned into erases. `diff` is in row-major order, as ratatui's `Buffer::diff` gives it.
fn erase_aware<'a>(next: &'a Buffer, diff: Vec<(u16, u16, &'a Cell)>) -> Vec<Op<'a>> {
    let width = next.area.width;
    let height = next.area.height;
    // Where each row's blank tail starts (width: no blank tail).
    let tail: Vec<u16> = (0..height)
        .map(|y| {
            let mut x = width;
            while x > 0 && erasable(&next[(next.area.x + x - 1, next.area.y + y)]) {
                x -= 1;
            }
            x
        })
        .collect();
    // The first row from which every row is wholly blank.
    let blank_rows_from = (0..height)
        .rev()
        .take_while(|&y| tail[usize::from(y)] == 0)
        .last()
        .unwrap_or(height);
    let mut ops = Vec::with_capacity(diff.len());
    let mut i = 0;
    while i < diff.len() {
        let (x, y, _) = diff[i];
        let ry = y - next.area.y;
        // Every row from here down is wholly blank (the diff is in row-major order): one
        // erase-below if enough of it changed.
        if ry >= blank_rows_from && diff.len() - i >= ERASE_FROM {
            ops.push(Op::EraseBelow(x, y));
            break;
        }
        let row_end = diff[i..]
            .iter()
            .position(|(_, dy, _)| *dy != y)
            .map_or(diff.len(), |n| i + n);
        // The changed cells of this row inside its blank tail.
        let first_blank = diff[i..row_end]
            .iter()
            .position(|(dx, _, _)| *dx - next.area.x >= tail[usize::from(ry)])
            .map_or(row_end, |n| i + n);
        for &(cx, cy, c) in &diff[i..first_blank] {
            ops.push(Op::Cell(cx, cy, c));
        }
        if row_end - first_blank >= ERASE_FROM {
            let (ex, ey, _) = diff[first_blank];
            ops.push(Op::EraseLine(ex, ey));
        } else {
            for &(cx, cy, c) in &diff[first_blank..row_end] {
                ops.push(Op::Cell(cx, cy, c));
            }
        }
        i = row_end;
    }
    ops
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

    /// What the terminal shows after `out`, as a tiny VT interpreter for the sequences the
    /// screen uses: CUP, CUF, CR LF, EL, ED, SGR (ignored), cursor visibility (ignored).
    fn replay(width: usize, height: usize, out: &str) -> Vec<String> {
        let mut grid = vec![vec![' '; width]; height];
        let (mut x, mut y) = (0usize, 0usize);
        let mut chars = out.chars().peekable();
        while let Some(c) = chars.next() {
            match c {
                '\x1b' => {
                    assert_eq!(chars.next(), Some('['), "only CSI sequences: {out:?}");
                    let mut params = String::new();
                    let mut fin = ' ';
                    for c in chars.by_ref() {
                        if c.is_ascii_alphabetic() {
                            fin = c;
                            break;
                        }
                        params.push(c);
                    }
                    let nums: Vec<usize> = params
                        .trim_start_matches('?')
                        .split(';')
                        .map(|n| n.parse().unwrap_or(0))
                        .collect();
                    match fin {
                        'H' => {
                            y = nums.first().copied().unwrap_or(1).max(1) - 1;
                            x = nums.get(1).copied().unwrap_or(1).max(1) - 1;
                        }
                        'C' => x += nums[0].max(1),
                        'K' => grid[y][x..].fill(' '),
                        'J' => {
                            grid[y][x..].fill(' ');
                            for row in grid.iter_mut().skip(y + 1) {
                                row.fill(' ');
                            }
                        }
                        _ => {}
                    }
                }
                '\r' => x = 0,
                '\n' => y += 1,
                c => {
                    grid[y][x] = c;
                    x += 1;
                }
            }
        }
        grid.into_iter().map(|r| r.into_iter().collect()).collect()
    }

    #[test]
    fn blank_runs_are_erased_not_sent_as_spaces() {
        let (w, h) = (60u16, 8u16);
        let mut s = Screen::new(LeanBackend::with_size(Vec::new(), w, h)).unwrap();
        let full = |b: &mut Buffer| {
            for y in 0..h {
                b.set_string(
                    0,
                    y,
                    "x".repeat(usize::from(w)),
                    ratatui::style::Style::new(),
                );
            }
        };
        let sparse = |b: &mut Buffer| {
            b.set_string(0, 0, "title", ratatui::style::Style::new());
            b.set_string(0, 1, "a short line", ratatui::style::Style::new());
        };
        s.draw(Rect::new(0, 0, w, h), full).unwrap();
        s.backend_mut().writer_mut().clear();
        s.draw(Rect::new(0, 0, w, h), sparse).unwrap();
        let out = String::from_utf8(s.backend().writer().clone()).unwrap();
        // 17 changed visible cells, two erases of a line tail and one erase below, plus cursor
        // moves and one rendition reset: far less than the 463 spaces the blank cells are.
        assert!(out.len() < 17 + 3 * 12 + 8, "{} B: {out:?}", out.len());
        assert!(out.contains("\x1b[K") && out.contains("\x1b[J"), "{out:?}");
        let shown = replay(
            usize::from(w),
            usize::from(h),
            &out_after(&full, &out, w, h),
        );
        assert_eq!(shown[0].trim_end(), "title");
        assert_eq!(shown[1].trim_end(), "a short line");
        assert!(shown[2..].iter().all(|r| r.trim().is_empty()), "{shown:?}");
    }

    /// The first frame (drawn fresh) then `out`: what a terminal shows after both.
    fn out_after(first: &impl Fn(&mut Buffer), out: &str, w: u16, h: u16) -> String {
        let mut s = Screen::new(LeanBackend::with_size(Vec::new(), w, h)).unwrap();
        s.draw(Rect::new(0, 0, w, h), first).unwrap();
        let mut all = String::from_utf8(s.backend().writer().clone()).unwrap();
        all.push_str(out);
        all
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

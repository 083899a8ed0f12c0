//! Helpers shared by the integration tests.

pub mod daemon;
pub mod desk;
pub mod serve;
pub mod sled;
pub mod tmux;

/// A buffer's text, one line a row, trailing blanks cut.
#[allow(dead_code)]
pub fn text_of(b: &ratatui::buffer::Buffer) -> String {
    let mut out = String::new();
    for y in 0..b.area.height {
        let mut line = String::new();
        for x in 0..b.area.width {
            line.push_str(b[(x, y)].symbol());
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

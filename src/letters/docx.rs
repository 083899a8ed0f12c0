//! A rendered letter as a Word document (`.docx`, Office Open XML), with docx-rs.
//!
//! One paragraph per line of the text, the heading in its own style ("Heading 1", centred and
//! bold), the body in Times New Roman 14 pt, as Kazakh state bodies' letters are set. Word and
//! LibreOffice open it; the officer edits the draft there before it is registered and signed
//! in the body's document system.

use std::io::Cursor;

use docx_rs::{AlignmentType, Docx, Paragraph, Run, RunFonts, Style, StyleType};

/// The body text's size in half-points (14 pt).
const BODY_SIZE: usize = 28;
const FONT: &str = "Times New Roman";
const HEADING: &str = "Heading1";

/// A line of a letter: a heading or ordinary text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Line {
    Heading(String),
    Text(String),
}

/// The `.docx` bytes of a letter's lines.
pub fn docx(lines: &[Line]) -> Result<Vec<u8>, String> {
    let fonts = || {
        RunFonts::new()
            .ascii(FONT)
            .hi_ansi(FONT)
            .cs(FONT)
            .east_asia(FONT)
    };
    let heading = Style::new(HEADING, StyleType::Paragraph)
        .name("Heading 1")
        .bold()
        .size(BODY_SIZE)
        .fonts(fonts())
        .align(AlignmentType::Center);
    let mut doc = Docx::new()
        .default_fonts(fonts())
        .default_size(BODY_SIZE)
        .add_style(heading);
    for line in lines {
        let paragraph = match line {
            Line::Heading(text) => Paragraph::new()
                .add_run(Run::new().add_text(text.as_str()))
                .style(HEADING)
                .keep_next(true),
            Line::Text(text) if text.is_empty() => Paragraph::new(),
            Line::Text(text) => Paragraph::new().add_run(Run::new().add_text(text.as_str())),
        };
        doc = doc.add_paragraph(paragraph);
    }
    let mut out = Cursor::new(Vec::new());
    doc.build().pack(&mut out).map_err(|e| e.to_string())?;
    Ok(out.into_inner())
}

//! A form over the screen: its title, its fields (label, value, the caret in the focused one,
//! the error or note under a field), the live preview of what saving will do, and at the
//! bottom the question being asked or the form's keys from the live keymap.
//!
//! Everything typed is drawn through the sanitizer like any other untrusted text.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};

use super::{Ctx, hints, sanitize, text};
use crate::app::{Ask, Field, FieldInput, Form};
use crate::keymap::Mode;

/// One row of the form's body.
enum Row<'a> {
    /// A field's first row, with its label: (field, focused, rows its value takes).
    Field(&'a Field, bool, usize),
    /// Row `n` of a multi-line field's value.
    More(&'a Field, bool, usize, usize),
    /// A line of the error or note under a field, wrapped.
    Under(String, Style),
}

pub(super) fn draw(ctx: &Ctx, form: &Form, area: Rect, buf: &mut Buffer) {
    let w = usize::from(area.width);
    let mut title = ctx.tr(form.kind.i18n_key());
    if let Some(n) = &form.number {
        title = format!("{title} {} {n}", ctx.symbols.dot);
    }
    buf.set_stringn(
        area.x,
        area.y,
        text::fit(&ctx.clean(&title, w), w),
        w,
        ctx.theme.header,
    );
    if area.height < 3 {
        return;
    }
    let bottom_y = area.y + area.height - 1;
    // What saving will do and what stands in the way, wrapped, under the fields.
    let mut notes: Vec<(String, Style)> = Vec::new();
    let mut say = |s: String, style: Style| {
        for line in sanitize::sanitize_text_with(&s, w, ctx.glyphs()) {
            notes.push((line, style));
        }
    };
    // A conflict first: what changed since the form was opened, and what saving now does.
    for (line, style) in super::unsaved::notes(ctx, form) {
        say(line, style);
    }
    for m in &form.preview {
        say(ctx.message(m), ctx.theme.normal);
    }
    if let Some(r) = &form.refusal {
        say(
            format!("{} {}", ctx.tr("form-refused"), ctx.message(r)),
            ctx.theme.status_error,
        );
    }
    if let Some(warn) = &form.warning {
        say(ctx.message(warn), ctx.theme.due_today);
    }
    if let Some(e) = &form.error {
        say(ctx.message(e), ctx.theme.status_error);
    }
    if let Some(n) = crate::app::live::form_note(ctx.app, form.number.as_deref()) {
        say(ctx.message(n), ctx.theme.due_today);
    }
    if let Some(n) = &form.draft_note {
        say(ctx.message(n), ctx.theme.due_today);
    }
    if let Some(e) = &form.draft_error {
        say(
            format!("{} {e}", ctx.tr("draft-not-saved")),
            ctx.theme.status_error,
        );
    }
    let body_h = usize::from(area.height.saturating_sub(2));
    let notes_h = notes.len().min(body_h / 2);
    let label_w = (w / 3).clamp(8, 24);
    let rows = rows(ctx, form, body_h - notes_h, w.saturating_sub(label_w + 1));
    // The notes follow the fields, a blank row between when there is room.
    let fields_h = (body_h - notes_h).min(rows.len());
    let gap = usize::from(fields_h + notes_h < body_h);
    // Keep the focused field in view.
    let focus_row = rows
        .iter()
        .position(|r| matches!(r, Row::Field(_, true, _)))
        .unwrap_or(0);
    let focus_end = rows
        .iter()
        .rposition(|r| matches!(r, Row::Field(_, true, _) | Row::More(_, true, _, _)))
        .unwrap_or(focus_row);
    let mut first = 0;
    if focus_end >= first + fields_h {
        first = focus_end + 1 - fields_h.max(1);
    }
    first = first.min(focus_row);
    for (y, row) in (area.y + 1..).zip(rows.iter().skip(first).take(fields_h)) {
        draw_row(ctx, row, area.x, y, w, label_w, buf);
    }
    let notes_y = area.y + 1 + (fields_h + gap) as u16;
    for (y, (line, style)) in (notes_y..bottom_y).zip(notes.iter().take(notes_h)) {
        buf.set_stringn(area.x, y, line, w, *style);
    }
    let bottom = Rect {
        y: bottom_y,
        height: 1,
        ..area
    };
    match &form.ask {
        Some(ask) => {
            let q = match ask {
                Ask::Discard => ctx.tr("form-ask-discard"),
                Ask::Save(m) => ctx.message(m),
            };
            let keys = ctx.tr_args(
                "form-ask-keys",
                &[
                    ("yes", key_of(ctx, crate::keymap::Action::Confirm).into()),
                    ("no", key_of(ctx, crate::keymap::Action::Back).into()),
                ],
            );
            let s = format!("{q} {keys}");
            // A long question takes the rows above the bottom too.
            let lines = sanitize::sanitize_text_with(&s, w, ctx.glyphs());
            let n = lines.len().min(usize::from(area.height.saturating_sub(1)));
            for (i, line) in lines.iter().rev().take(n).enumerate() {
                let y = bottom_y - i as u16;
                buf.set_stringn(area.x, y, " ".repeat(w), w, ctx.theme.status_error);
                buf.set_stringn(area.x, y, line, w, ctx.theme.status_error);
            }
        }
        None if form.saving => {
            buf.set_stringn(
                area.x,
                bottom_y,
                ctx.clean(&ctx.tr("form-saving"), w),
                w,
                ctx.theme.status_info,
            );
        }
        None => {
            if !super::offline_line(ctx, bottom, buf) {
                hints(ctx, bottom, buf, Mode::Form);
            }
        }
    }
}

/// The first key of the live keymap for `action` in a question.
pub(super) fn key_of(ctx: &Ctx, action: crate::keymap::Action) -> String {
    ctx.app
        .keymap
        .bindings(Mode::Confirm, ctx.key_style())
        .into_iter()
        .find(|(a, _)| *a == action)
        .and_then(|(_, keys)| keys.into_iter().next())
        .unwrap_or_default()
}

fn rows<'a>(ctx: &Ctx, form: &'a Form, fields_h: usize, value_w: usize) -> Vec<Row<'a>> {
    let mut out = Vec::new();
    for (i, f) in form.fields.iter().enumerate() {
        if !form.shows(f.id) {
            continue;
        }
        let focused = i == form.focus;
        // A multi-line field shows up to a third of the rows, at least three.
        let shown = match &f.input {
            FieldInput::Lines(t) => (t.lines().len() + 1).clamp(3, (fields_h / 3).max(3)),
            _ => 1,
        };
        out.push(Row::Field(f, focused, shown));
        for n in 1..shown {
            out.push(Row::More(f, focused, n, shown));
        }
        let error = f
            .shown_error(form.tried)
            .map(|e| (e, ctx.theme.status_error));
        let note = f.note.as_ref().map(|n| (n, ctx.theme.hint_text));
        for (m, style) in error.into_iter().chain(note) {
            for line in sanitize::sanitize_text_with(&ctx.message(m), value_w.max(1), ctx.glyphs())
            {
                out.push(Row::Under(line, style));
            }
        }
    }
    out
}

#[allow(clippy::too_many_arguments)]
fn draw_row(ctx: &Ctx, row: &Row, x: u16, y: u16, w: usize, label_w: usize, buf: &mut Buffer) {
    let value_x = x + label_w as u16 + 1;
    let value_w = w.saturating_sub(label_w + 1);
    match row {
        Row::Field(f, focused, shown) => {
            let mark = if *focused { ctx.symbols.dot } else { " " };
            let label = format!("{mark}{}", ctx.tr(f.id.i18n_key()));
            let style = if *focused {
                ctx.theme.label.add_modifier(Modifier::BOLD)
            } else {
                ctx.theme.label
            };
            buf.set_stringn(
                x,
                y,
                text::fit(&ctx.clean(&label, label_w), label_w),
                label_w,
                style,
            );
            draw_value(ctx, f, (*focused, 0, *shown), value_x, y, value_w, buf);
        }
        Row::More(f, focused, n, shown) => {
            draw_value(ctx, f, (*focused, *n, *shown), value_x, y, value_w, buf)
        }
        Row::Under(line, style) => {
            buf.set_stringn(value_x, y, line, value_w, *style);
        }
    }
}

/// Row `n` of a field's value; the focused one with its caret (the cell under it reversed),
/// scrolled so that the caret is in view.
fn draw_value(
    ctx: &Ctx,
    f: &Field,
    (focused, n, shown): (bool, usize, usize),
    x: u16,
    y: u16,
    w: usize,
    buf: &mut Buffer,
) {
    if w == 0 {
        return;
    }
    let normal = ctx.theme.normal;
    let caret = normal.add_modifier(Modifier::REVERSED);
    match &f.input {
        FieldInput::Choice { options, index } => {
            let word = options
                .get(*index)
                .map(|c| ctx.tr(&c.word))
                .unwrap_or_default();
            let (l, r) = if ctx.app.profile.ascii {
                ("<", ">")
            } else {
                ("◀", "▶")
            };
            let s = if focused {
                format!("{l} {word} {r}  ({}/{})", index + 1, options.len())
            } else {
                word
            };
            let style = if focused { caret } else { normal };
            buf.set_stringn(x, y, ctx.clean(&s, w), w, style);
        }
        FieldInput::Line(t) | FieldInput::Lines(t) => {
            let lines = t.lines();
            let ratatui_textarea::DataCursor(crow, ccol) = t.cursor();
            // A multi-line field scrolls to keep the caret's line in view.
            let top = if focused && crow >= shown {
                crow + 1 - shown
            } else {
                0
            };
            let line_no = top + n;
            let Some(line) = lines.get(line_no) else {
                return;
            };
            if !(focused && line_no == crow) {
                buf.set_stringn(x, y, ctx.clean(line, w), w, normal);
                return;
            }
            let before: String = line.chars().take(ccol).collect();
            let mut after = line.chars().skip(ccol);
            let under = after.next().map_or_else(|| " ".to_string(), String::from);
            let rest: String = after.collect();
            let before = ctx.clean(&before, usize::MAX);
            let before = if text::width(&before) + 1 > w {
                text::tail(&before, w.saturating_sub(1))
            } else {
                before
            };
            let end = x + w as u16;
            let (cx, _) = buf.set_stringn(x, y, &before, w, normal);
            if cx >= end {
                return;
            }
            let under = ctx.clean(&under, 2);
            let (cx, _) = buf.set_stringn(cx, y, &under, usize::from(end - cx), caret);
            if cx < end {
                buf.set_stringn(
                    cx,
                    y,
                    ctx.clean(&rest, usize::MAX),
                    usize::from(end - cx),
                    normal,
                );
            }
        }
    }
}

//! The `?` overlay: every key of the live keymap for the screen underneath, and the global
//! ones, with what they do, then the `:` commands; typing a letter no key of the help binds
//! filters it.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::{Ctx, text};
use crate::app::{Over, Screen, command};
use crate::i18n::Arg;
use crate::keymap::{Action, Mode};

/// Rows of the overlay that are not its list: the title and the bottom line.
pub(super) const CHROME_ROWS: u16 = 2;

/// Columns for the keys (or a command), before what they do.
const KEYS_COLUMN: usize = 22;

/// The lines of the list, narrowed by the filter and wrapped to `width` (a long line goes on
/// under its description column): what is drawn and what scrolling is bounded by (see
/// [`super::Measurer`]).
pub(super) fn lines(ctx: &Ctx, width: usize) -> Vec<String> {
    let indent = if width > KEYS_COLUMN + 20 {
        KEYS_COLUMN + 1
    } else {
        0
    };
    let mut out = Vec::new();
    for line in unwrapped(ctx) {
        if text::width(&line) <= width || width == 0 {
            out.push(line);
            continue;
        }
        let wrapped = super::sanitize::sanitize_text_with(&line, width, ctx.glyphs());
        let Some((first, rest)) = wrapped.split_first() else {
            continue;
        };
        out.push(first.clone());
        let rest = rest.join(" ");
        for l in super::sanitize::sanitize_text_with(&rest, width - indent, ctx.glyphs()) {
            out.push(format!("{}{l}", " ".repeat(indent)));
        }
    }
    out
}

fn unwrapped(ctx: &Ctx) -> Vec<String> {
    let filter = crate::app::fold_text(&ctx.app.help_filter);
    let shown = |texts: &[&str]| {
        filter.is_empty()
            || texts
                .iter()
                .any(|t| crate::app::fold_text(t).contains(&filter))
    };
    let mut lines = Vec::new();
    // The screen's keys, then those of the forms and their questions (opened from here).
    for mode in [over(ctx), Mode::Form, Mode::Confirm] {
        let mut section = Vec::new();
        for (action, keys) in ctx.app.keymap.bindings(mode, ctx.key_style()) {
            let what = ctx.tr(action.i18n_key());
            let keys = keys.join(", ");
            if shown(&[&what, &keys, action.name()]) {
                // Keys too many for their column take a line of their own, never cut.
                if text::width(&keys) < KEYS_COLUMN {
                    section.push(format!("{} {what}", text::fit(&keys, KEYS_COLUMN)));
                } else {
                    section.push(keys);
                    section.push(format!("{} {what}", " ".repeat(KEYS_COLUMN)));
                }
            }
        }
        if mode != over(ctx) && !section.is_empty() {
            lines.push(String::new());
            lines.push(ctx.tr(mode.i18n_key()));
        }
        lines.extend(section);
    }
    let commands: Vec<String> = command::help()
        .into_iter()
        .filter_map(|c| {
            let what = ctx.tr(c.i18n_key);
            let usage = format!(":{}", c.usage);
            shown(&[&what, &usage]).then(|| {
                // A long usage takes a line of its own, its description under it.
                if text::width(&usage) <= KEYS_COLUMN {
                    vec![format!("{} {what}", text::fit(&usage, KEYS_COLUMN))]
                } else {
                    vec![usage, format!("{} {what}", " ".repeat(KEYS_COLUMN))]
                }
            })
        })
        .flatten()
        .collect();
    if !commands.is_empty() {
        lines.push(String::new());
        lines.push(ctx.tr("help-commands"));
        lines.extend(commands);
    }
    lines
}

fn over(ctx: &Ctx) -> Mode {
    match ctx.app.screen {
        Screen::Help { over: Over::Case } => Mode::Case,
        Screen::Help {
            over: Over::Dashboard,
        } => Mode::Dashboard,
        _ => Mode::Queue,
    }
}

pub(super) fn draw(ctx: &Ctx, area: Rect, buf: &mut Buffer) {
    let dot = ctx.symbols.dot;
    let w = usize::from(area.width);
    let title = format!(
        "{} {dot} {}",
        ctx.tr("help-title"),
        ctx.tr(over(ctx).i18n_key())
    );
    buf.set_stringn(
        area.x,
        area.y,
        text::fit(&ctx.clean(&title, w), w),
        w,
        ctx.theme.header,
    );
    let lines = lines(ctx, w);
    let body = Rect {
        y: area.y + 1,
        height: area.height.saturating_sub(CHROME_ROWS),
        ..area
    };
    let max_scroll = lines.len().saturating_sub(usize::from(body.height));
    let scroll = usize::from(ctx.app.help_scroll).min(max_scroll);
    for (i, line) in lines
        .iter()
        .skip(scroll)
        .take(usize::from(body.height))
        .enumerate()
    {
        buf.set_stringn(
            body.x,
            body.y + i as u16,
            ctx.clean(line, w),
            w,
            ctx.theme.normal,
        );
    }
    let bottom = Rect {
        y: area.y + area.height - 1,
        height: 1,
        ..area
    };
    if ctx.app.help_filter.is_empty() {
        // The keys that close the help, from the live keymap (Esc always clears the filter
        // and closes), and a reminder that letters no key binds filter the list.
        let mut keys: Vec<String> = ctx
            .app
            .keymap
            .bindings(Mode::Help, ctx.key_style())
            .into_iter()
            .filter(|(a, _)| matches!(a, Action::Back | Action::Help))
            .flat_map(|(_, keys)| keys)
            .collect();
        keys.dedup();
        let hint = format!(
            "{} {dot} {}",
            ctx.tr_args("help-close", &[("key", Arg::from(keys.join(", ")))]),
            ctx.tr("help-type-to-filter")
        );
        buf.set_stringn(
            bottom.x,
            bottom.y,
            ctx.clean(&hint, w),
            w,
            ctx.theme.hint_text,
        );
    } else {
        let s = format!("{} {}", ctx.tr("prompt-filter"), ctx.app.help_filter);
        buf.set_stringn(bottom.x, bottom.y, ctx.clean(&s, w), w, ctx.theme.label);
    }
}

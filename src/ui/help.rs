//! The `?` overlay: every key of the live keymap for the screen underneath, and the global
//! ones, with what they do; typing filters it.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::{Ctx, text};
use crate::app::{Over, Screen};
use crate::keymap::Mode;

pub(super) fn draw(ctx: &Ctx, area: Rect, buf: &mut Buffer) {
    let dot = ctx.symbols.dot;
    let w = usize::from(area.width);
    let over = match ctx.app.screen {
        Screen::Help { over: Over::Case } => Mode::Case,
        _ => Mode::Queue,
    };
    let title = format!("{} {dot} {}", ctx.tr("help-title"), ctx.tr(over.i18n_key()));
    buf.set_stringn(
        area.x,
        area.y,
        text::fit(&ctx.clean(&title, w), w),
        w,
        ctx.theme.header,
    );
    let filter = crate::app::fold_text(&ctx.app.help_filter);
    let mut lines = Vec::new();
    for (action, keys) in ctx.app.keymap.bindings(over, ctx.key_style()) {
        let what = ctx.tr(action.i18n_key());
        let keys = keys.join(", ");
        if !filter.is_empty()
            && !crate::app::fold_text(&what).contains(&filter)
            && !crate::app::fold_text(&keys).contains(&filter)
            && !action.name().contains(&filter)
        {
            continue;
        }
        lines.push(format!("{} {what}", text::fit(&keys, 22)));
    }
    let body = Rect {
        y: area.y + 1,
        height: area.height.saturating_sub(2),
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
        // Letters filter this list, so the hint names the keys that are not letters.
        let hint = format!(
            "{} {dot} {}",
            ctx.tr_args("help-close", &[("key", crate::i18n::Arg::from("Esc, ?"))]),
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

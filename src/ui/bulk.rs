//! A bulk action on the marked cases, drawn: the officer to give them to (a list over the whole
//! screen), the question with the count and the target (on the queue's bottom rows), and what
//! failed, case by case, with the reason in the reader's language.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

use super::{Ctx, queue, sanitize, text};
use crate::app::bulk::{Bulk, Plan, Report};
use crate::i18n::Arg;
use crate::keymap::{Action, Mode};
use crate::service::{User, role_key};

pub(super) fn draw(ctx: &Ctx, bulk: &Bulk, area: Rect, buf: &mut Buffer) {
    match bulk {
        Bulk::Loading => {
            queue::draw(ctx, area, buf);
            let msg = ctx.tr("bulk-loading-users");
            bottom(ctx, &msg, ctx.theme.status_info, area, buf);
        }
        Bulk::Pick { users, selected } => pick(ctx, users, *selected, area, buf),
        Bulk::Confirm(plan) => {
            queue::draw(ctx, area, buf);
            let msg = question(ctx, plan);
            bottom(ctx, &msg, ctx.theme.status_info, area, buf);
        }
        Bulk::Running(plan) => {
            queue::draw(ctx, area, buf);
            let msg = ctx.tr_args(
                "bulk-running",
                &[
                    ("count", Arg::from(plan.items.len())),
                    ("login", Arg::from(plan.to.as_str())),
                ],
            );
            bottom(ctx, &msg, ctx.theme.status_info, area, buf);
        }
        Bulk::Report(report) => report_screen(ctx, report, area, buf),
    }
}

/// "Reassign 37 cases to 'dana'? [y yes, n no]", with the cases left out said too.
fn question(ctx: &Ctx, plan: &Plan) -> String {
    let count = Arg::from(plan.items.len());
    let mut q = if plan.take {
        ctx.tr_args("bulk-confirm-take", &[("count", count)])
    } else {
        ctx.tr_args(
            "bulk-confirm-assign",
            &[("count", count), ("login", Arg::from(plan.to.as_str()))],
        )
    };
    if !plan.already.is_empty() {
        q.push(' ');
        q.push_str(&ctx.tr_args(
            "bulk-confirm-already",
            &[
                ("n", Arg::from(plan.already.len())),
                ("login", Arg::from(plan.to.as_str())),
            ],
        ));
    }
    let keys = ctx.tr_args(
        "form-ask-keys",
        &[
            ("yes", key(ctx, Mode::Confirm, Action::Confirm).into()),
            ("no", key(ctx, Mode::Confirm, Action::Back).into()),
        ],
    );
    format!("{q} {keys}")
}

/// The first key of the live keymap for `action` in `mode` (or in `[global]`).
fn key(ctx: &Ctx, mode: Mode, action: Action) -> String {
    ctx.app
        .keymap
        .bindings(mode, ctx.key_style())
        .into_iter()
        .find(|(a, _)| *a == action)
        .and_then(|(_, keys)| keys.into_iter().next())
        .unwrap_or_default()
}

/// A message on the bottom rows, wrapped upwards when it is longer than one row.
fn bottom(ctx: &Ctx, msg: &str, style: Style, area: Rect, buf: &mut Buffer) {
    let width = usize::from(area.width);
    let lines = sanitize::sanitize_text_with(msg, width, ctx.glyphs());
    let n = lines.len().min(usize::from(area.height).max(1));
    let last = area.y + area.height.saturating_sub(1);
    for (i, line) in lines.iter().rev().take(n).enumerate() {
        let y = last - i as u16;
        buf.set_stringn(area.x, y, " ".repeat(width), width, style);
        buf.set_stringn(area.x, y, line, width, style);
    }
}

/// One line across the screen, cleaned and cut to its width.
fn line(ctx: &Ctx, s: &str, y: u16, style: Style, area: Rect, buf: &mut Buffer) {
    let w = usize::from(area.width);
    buf.set_stringn(area.x, y, text::fit(&ctx.clean(s, w), w), w, style);
}

fn pick(ctx: &Ctx, users: &[User], selected: usize, area: Rect, buf: &mut Buffer) {
    let marked = ctx.app.queue.marked_len();
    let title = ctx.tr_args("bulk-pick-title", &[("count", Arg::from(marked))]);
    line(ctx, &title, area.y, ctx.theme.header, area, buf);
    let rows = usize::from(area.height.saturating_sub(2)).max(1);
    let top = selected.saturating_sub(rows - 1);
    let marker = ctx.app.profile.marker_cursor;
    for (i, u) in users.iter().enumerate().skip(top).take(rows) {
        let here = i == selected;
        let lead = if here && marker {
            ctx.symbols.marker
        } else {
            " "
        };
        let s = format!(
            "{lead} {:<12} {} {} {}",
            u.login,
            u.name,
            ctx.symbols.dot,
            ctx.tr(role_key(u.role))
        );
        let style = if here && !marker {
            ctx.theme.normal.patch(ctx.theme.selected)
        } else {
            ctx.theme.normal
        };
        line(ctx, &s, area.y + 1 + (i - top) as u16, style, area, buf);
    }
    let keys = [("choose", Action::Open), ("cancel", Action::Back)];
    keys_line(ctx, "bulk-pick-keys", &keys, area, buf);
}

/// The last row: the message `msg_key` naming the queue's keys for its actions.
fn keys_line(ctx: &Ctx, msg_key: &str, keys: &[(&str, Action)], area: Rect, buf: &mut Buffer) {
    let args: Vec<(&str, Arg)> = keys
        .iter()
        .map(|(name, action)| (*name, Arg::from(key(ctx, Mode::Queue, *action))))
        .collect();
    let last = area.y + area.height.saturating_sub(1);
    line(
        ctx,
        &ctx.tr_args(msg_key, &args),
        last,
        ctx.theme.label,
        area,
        buf,
    );
}

fn report_screen(ctx: &Ctx, r: &Report, area: Rect, buf: &mut Buffer) {
    let title = ctx.tr_args(
        "bulk-report-title",
        &[
            ("login", Arg::from(r.to.as_str())),
            ("done", Arg::from(r.done)),
            ("total", Arg::from(r.done + r.failed.len())),
            ("failed", Arg::from(r.failed.len())),
        ],
    );
    let w = usize::from(area.width);
    let head = sanitize::sanitize_text_with(&title, w, ctx.glyphs());
    let head_rows = head
        .len()
        .min(usize::from(area.height.saturating_sub(2)).max(1));
    for (i, l) in head.iter().take(head_rows).enumerate() {
        line(ctx, l, area.y + i as u16, ctx.theme.header, area, buf);
    }
    let rows = usize::from(area.height)
        .saturating_sub(head_rows + 1)
        .max(1);
    for (i, (number, error)) in r.failed.iter().skip(r.scroll).take(rows).enumerate() {
        let why = ctx.message(&crate::domain::message::Localize::message(error));
        let s = format!("{number}  {why}");
        let y = area.y + (head_rows + i) as u16;
        line(ctx, &s, y, ctx.theme.status_error, area, buf);
    }
    let keys = [("close", Action::Back), ("move", Action::MoveDown)];
    keys_line(ctx, "bulk-report-keys", &keys, area, buf);
}

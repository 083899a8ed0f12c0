//! The queue screen: a header with counts, column titles, one row per case, the bottom line.
//!
//! Each row is one style run (its urgency, plus reverse video when selected), so that moving the
//! selection rewrites two rows with two style changes and nothing else.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

use super::{Ctx, bottom_line, text};
use crate::i18n::Arg;
use crate::keymap::Mode;
use crate::service::{QueueRow, Urgency};

/// Column widths for a screen width: the subject takes what is left.
struct Columns {
    number: usize,
    kind: usize,
    party: usize,
    registered: usize,
    due: usize,
    remaining: usize,
    badges: usize,
    assignee: usize,
    subject: usize,
    /// Full registration date and badge words on wide screens.
    wide: bool,
}

impl Columns {
    fn for_width(w: usize) -> Columns {
        let wide = w >= 110;
        let mut c = Columns {
            number: 14,
            kind: 1,
            party: if wide { 12 } else { 8 },
            registered: if wide { 10 } else { 5 },
            due: 10,
            remaining: 5,
            badges: if wide { 11 } else { 3 },
            assignee: if wide { 10 } else { 8 },
            subject: 0,
            wide,
        };
        // Two leading columns (marker, state glyph), then one space before each column.
        let fixed = |c: &Columns| {
            2 + [
                c.number,
                c.kind,
                c.party,
                c.registered,
                c.due,
                c.remaining,
                c.badges,
                c.assignee,
            ]
            .iter()
            .filter(|&&x| x > 0)
            .map(|x| x + 1)
            .sum::<usize>()
        };
        // On narrow screens give up the least needed columns first; the subject keeps 8.
        for drop in [3usize, 2, 1, 4, 0] {
            if fixed(&c) + 1 + 8 <= w {
                break;
            }
            match drop {
                3 => c.registered = 0,
                2 => c.party = 0,
                1 => c.kind = 0,
                4 => c.assignee = 0,
                _ => c.badges = 0,
            }
        }
        c.subject = w.saturating_sub(fixed(&c) + 1);
        c
    }
}

pub(super) fn draw(ctx: &Ctx, area: Rect, buf: &mut Buffer) {
    let w = usize::from(area.width);
    let cols = Columns::for_width(w);
    header(ctx, Rect { height: 1, ..area }, buf);
    titles(
        ctx,
        &cols,
        Rect {
            y: area.y + 1,
            height: 1,
            ..area
        },
        buf,
    );
    let (top, bottom) = super::queue_list_rows(area);
    let list = Rect {
        y: top,
        height: bottom - top,
        ..area
    };
    let q = &ctx.app.queue;
    if q.visible_len() == 0 && !ctx.app.loading {
        let msg = if q.filter().is_empty() {
            ctx.tr("no-cases")
        } else {
            ctx.tr_args("no-cases-match", &[("filter", Arg::from(q.filter()))])
        };
        buf.set_stringn(
            list.x + 2,
            list.y,
            ctx.clean(&msg, w.saturating_sub(2)),
            w.saturating_sub(2),
            ctx.theme.normal,
        );
    }
    for (line, (index, row)) in q.page_rows().enumerate().take(usize::from(list.height)) {
        let y = list.y + line as u16;
        draw_row(
            ctx,
            &cols,
            row,
            index == q.selected(),
            Rect {
                y,
                height: 1,
                ..list
            },
            buf,
        );
    }
    bottom_line(ctx, area, buf, Mode::Queue);
}

fn header(ctx: &Ctx, area: Rect, buf: &mut Buffer) {
    let dot = ctx.symbols.dot;
    let q = &ctx.app.queue;
    let c = q.counts();
    let title = if ctx.app.loading {
        format!("{} {dot} {}", ctx.tr("app-title"), ctx.symbols.ellipsis)
    } else {
        let mut t = format!(
            "{} {dot} {}",
            ctx.tr("app-title"),
            ctx.tr(q.named().i18n_key())
        );
        if q.closed_shown_too() {
            t.push_str(&format!(" {}", ctx.tr("queue-with-closed")));
        }
        if !q.filter().is_empty() {
            t.push_str(&format!(" /{}", q.filter()));
        }
        if q.sort_changed() {
            let arrow = match (q.descending(), ctx.app.profile.ascii) {
                (false, false) => "↑",
                (true, false) => "↓",
                (false, true) => "^",
                (true, true) => "v",
            };
            t.push_str(&format!(" {arrow}{}", ctx.tr(q.sort().i18n_key())));
        }
        t
    };
    let mut parts = vec![title];
    let n = |k: &str, v: usize| ctx.tr_args(k, &[("n", Arg::from(v))]);
    if !ctx.app.loading {
        parts.push(n("header-cases", q.visible_len()));
        parts.push(n("header-overdue", c.overdue));
        parts.push(n("header-due-today", c.due_today));
        parts.push(n("header-due-soon", c.due_soon));
        parts.push(n("header-extended", c.extended));
        parts.push(n("header-notices", c.notices));
    }
    let sep = format!(" {} ", ctx.symbols.separator);
    let line = parts.join(&sep);
    let w = usize::from(area.width);
    buf.set_stringn(
        area.x,
        area.y,
        text::fit(&ctx.clean(&line, w), w),
        w,
        ctx.theme.header,
    );
}

fn titles(ctx: &Ctx, cols: &Columns, area: Rect, buf: &mut Buffer) {
    let mut s = String::from("  ");
    let mut push = |key: &str, width: usize, right: bool| {
        if width == 0 {
            return;
        }
        let t = ctx.tr(key);
        // A title too long for its column keeps its beginning, whatever the alignment.
        let right = right && text::width(&t) < width;
        s.push_str(&if right {
            text::fit_right(&t, width)
        } else {
            text::fit(&t, width)
        });
        s.push(' ');
    };
    push("column-number", cols.number, false);
    push("column-type", cols.kind, false);
    push("column-addressee", cols.party, false);
    push("column-registered", cols.registered, false);
    push("column-due", cols.due, false);
    push("column-remaining", cols.remaining, true);
    push("column-badges", cols.badges, false);
    push("column-assignee", cols.assignee, false);
    push("column-subject", cols.subject, false);
    let w = usize::from(area.width);
    buf.set_stringn(area.x, area.y, text::fit(&s, w), w, ctx.theme.column_titles);
}

/// The glyph that says a row's state without colour.
fn state_glyph(u: Urgency) -> char {
    match u {
        Urgency::Overdue => '!',
        Urgency::DueToday => '*',
        Urgency::DueWithinOneWorkingDay => '+',
        Urgency::Ok => ' ',
        Urgency::NoTerm => '?',
        Urgency::Closed => '-',
    }
}

pub(super) fn urgency_style(ctx: &Ctx, u: Urgency) -> Style {
    let t = &ctx.theme;
    match u {
        Urgency::Overdue => t.overdue,
        Urgency::DueToday => t.due_today,
        Urgency::DueWithinOneWorkingDay => t.due_soon,
        Urgency::Ok => t.ok,
        Urgency::NoTerm => t.no_term,
        Urgency::Closed => t.closed,
    }
}

fn draw_row(
    ctx: &Ctx,
    cols: &Columns,
    row: &QueueRow,
    selected: bool,
    area: Rect,
    buf: &mut Buffer,
) {
    let marker_profile = ctx.app.profile.marker_cursor;
    let mut s = String::with_capacity(usize::from(area.width) + 16);
    s.push_str(if selected && marker_profile {
        ctx.symbols.marker
    } else {
        " "
    });
    s.push(state_glyph(row.urgency));
    let mut cell = |value: &str, width: usize, right: bool| {
        if width == 0 {
            return;
        }
        s.push(' ');
        // Cut, not ellipsized: the column edge already shows the cut, and a row is resent on
        // every move of the selection, so every byte counts. Only a bounded prefix is cleaned.
        let prefix: String = value.chars().take(width * 3 + 8).collect();
        let clean = ctx.clean(&prefix, usize::MAX);
        s.push_str(&if right {
            text::fit_right(&clean, width)
        } else {
            text::fit(&clean, width)
        });
    };
    cell(&row.number, cols.number, false);
    let kind = ctx.tr(&format!("kind-{}", row.kind.as_str()));
    cell(
        &kind.chars().next().map(String::from).unwrap_or_default(),
        cols.kind,
        false,
    );
    let party = match (row.addressee, row.channel) {
        (Some(a), _) => ctx.tr_attr(&format!("addressee-{}", a.as_str()), "short"),
        (None, Some(c)) => ctx.tr_attr(&format!("channel-{}", c.as_str()), "short"),
        _ => String::new(),
    };
    cell(&party, cols.party, false);
    let registered = if cols.wide {
        row.registered.format("%Y-%m-%d").to_string()
    } else {
        row.registered.format("%m-%d").to_string()
    };
    cell(&registered, cols.registered, false);
    let due = row.due.map_or_else(
        || ctx.symbols.none.to_string(),
        |d| d.format("%Y-%m-%d").to_string(),
    );
    cell(&due, cols.due, false);
    cell(
        &row.remaining.map_or(String::new(), |r| r.to_string()),
        cols.remaining,
        true,
    );
    cell(&badges(ctx, row, cols.wide), cols.badges, false);
    let unassigned = ctx.tr("unassigned");
    cell(
        row.assignee.as_deref().unwrap_or(&unassigned),
        cols.assignee,
        false,
    );
    cell(&row.subject, cols.subject, false);
    let mut style = urgency_style(ctx, row.urgency);
    if selected && !marker_profile {
        style = style.patch(ctx.theme.selected);
    }
    let w = usize::from(area.width);
    buf.set_stringn(area.x, area.y, text::fit(&s, w), w, style);
}

/// `EXT NTF ≈` on wide screens; one letter each otherwise, in fixed places.
fn badges(ctx: &Ctx, row: &QueueRow, wide: bool) -> String {
    let b = row.badges;
    let list = [
        (b.extended, "badge-extended"),
        (b.notice_owed, "badge-notice"),
        (b.provisional, "badge-provisional"),
    ];
    let word = |key: &str| {
        if ctx.app.profile.ascii {
            ctx.tr_attr(key, "ascii")
        } else {
            ctx.tr(key)
        }
    };
    if wide {
        list.iter()
            .filter(|(on, _)| *on)
            .map(|(_, k)| word(k))
            .collect::<Vec<_>>()
            .join(" ")
    } else {
        list.iter()
            .map(|(on, k)| {
                if *on {
                    word(k).chars().next().unwrap_or(' ')
                } else {
                    ' '
                }
            })
            .collect()
    }
}

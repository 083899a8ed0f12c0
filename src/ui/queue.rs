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
    /// What is due next: its kind and date (or when the answer went out).
    next: usize,
    /// Working days left until the next obligation (or how late the answer was).
    remaining: usize,
    badges: usize,
    assignee: usize,
    subject: usize,
    /// Full registration date, obligation words and badge words on wide screens.
    wide: bool,
    /// The beginning every shown number shares (`KZ-2026-`), left out of the rows on narrow
    /// screens and shown once in the column title.
    prefix: usize,
}

impl Columns {
    fn for_width(w: usize, prefix: usize) -> Columns {
        let wide = w >= 120;
        // The number column keeps the distinct tail; the shared prefix goes to the title.
        // The title shows the prefix, so the column stays at least as wide as it.
        let number = if wide {
            14
        } else {
            (14 - prefix.min(8)).max(prefix.min(8))
        };
        let mut c = Columns {
            number,
            kind: 1,
            party: if wide { 14 } else { 8 },
            registered: if wide { 10 } else { 5 },
            due: 10,
            next: if wide { 16 } else { 9 },
            remaining: 4,
            badges: if wide { 11 } else { 3 },
            assignee: if wide { 12 } else { 8 },
            subject: 0,
            wide,
            prefix: if wide { 0 } else { prefix.min(8) },
        };
        // Two leading columns (marker, state glyph), then one space before each column.
        let fixed = |c: &Columns| {
            2 + [
                c.number,
                c.kind,
                c.party,
                c.registered,
                c.due,
                c.next,
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
        for drop in [3usize, 5, 2, 1, 4, 0] {
            if fixed(&c) + 1 + 8 <= w {
                break;
            }
            match drop {
                3 => c.registered = 0,
                5 => c.due = 0,
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

/// The length of the beginning (up to a `-`) that every shown number shares.
fn shared_prefix<'a>(mut numbers: impl Iterator<Item = &'a str>) -> usize {
    let Some(first) = numbers.next() else {
        return 0;
    };
    let mut len = first.len();
    for n in numbers {
        len = first
            .bytes()
            .zip(n.bytes())
            .take(len)
            .take_while(|(a, b)| a == b)
            .count();
    }
    // Cut after a dash, so that the tail is a whole part of the number; all ASCII up to there.
    first[..len]
        .rfind('-')
        .filter(|&i| first[..=i].is_ascii())
        .map_or(0, |i| i + 1)
}

pub(super) fn draw(ctx: &Ctx, area: Rect, buf: &mut Buffer) {
    let w = usize::from(area.width);
    let q = &ctx.app.queue;
    let prefix = shared_prefix(q.page_rows().map(|(_, r)| r.number.as_str()));
    let cols = Columns::for_width(w, prefix);
    header(ctx, Rect { height: 1, ..area }, buf);
    let number_prefix = q
        .page_rows()
        .next()
        .map_or("", |(_, r)| &r.number[..cols.prefix]);
    titles(
        ctx,
        &cols,
        number_prefix,
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
    if q.visible_len() == 0 && !ctx.app.loading {
        let msg = if !q.filter().is_empty() {
            ctx.tr_args("no-cases-match", &[("filter", Arg::from(q.filter()))])
        } else if q.total_len() == 0 {
            // A new database: say how to start, not just that it is empty.
            ctx.tr("no-cases-at-all")
        } else {
            ctx.tr("no-cases")
        };
        let lines = super::sanitize::sanitize_text_with(&msg, w.saturating_sub(2), ctx.glyphs());
        for (i, line) in lines.iter().take(usize::from(list.height)).enumerate() {
            buf.set_stringn(
                list.x + 2,
                list.y + i as u16,
                line,
                w.saturating_sub(2),
                ctx.theme.normal,
            );
        }
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

/// The header: the queue's name and filter, its counts, which row is selected, the date the
/// console computes against, and who is working. Words where they fit; on narrow screens the
/// counts take the row glyphs (`!12 *5 +3 E40 N7`) so that every count stays visible.
fn header(ctx: &Ctx, area: Rect, buf: &mut Buffer) {
    let dot = ctx.symbols.dot;
    let app = ctx.app;
    let q = &app.queue;
    let w = usize::from(area.width);
    let title = if app.loading {
        format!("{} {dot} {}", ctx.tr("app-title"), ctx.symbols.ellipsis)
    } else {
        let mut t = ctx.tr_args(
            q.named().i18n_key(),
            &[("n", Arg::from(q.horizon().within))],
        );
        // A queue a dashboard cell opened names whose cases it shows.
        let who = match q.scope() {
            crate::service::Scope::Assignee(login) => Some(login.clone()),
            crate::service::Scope::Unassigned => Some(ctx.tr("dashboard-unassigned")),
            _ => None,
        };
        if let Some(who) = who {
            t = ctx.tr_args(
                "queue-of-officer",
                &[("queue", Arg::from(t)), ("who", Arg::from(who))],
            );
        }
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
    let c = q.counts();
    let n = |k: &str, v: usize| ctx.tr_args(k, &[("n", Arg::from(v))]);
    let words = [
        n("header-overdue", c.overdue),
        n("header-due-today", c.due_today),
        n("header-due-soon", c.due_soon),
        n("header-extended", c.extended),
        n("header-notices", c.notices),
    ];
    let badge = |key: &str| {
        let word = if ctx.app.profile.ascii {
            ctx.tr_attr(key, "ascii")
        } else {
            ctx.tr(key)
        };
        word.chars().next().unwrap_or(' ')
    };
    let compact = format!(
        "{}{} {}{} {}{} {}{} {}{}",
        state_glyph(ctx, Urgency::Overdue),
        c.overdue,
        state_glyph(ctx, Urgency::DueToday),
        c.due_today,
        state_glyph(ctx, Urgency::DueWithinOneWorkingDay),
        c.due_soon,
        badge("badge-extended"),
        c.extended,
        badge("badge-notice"),
        c.notices,
    );
    let position = if q.visible_len() == 0 {
        String::new()
    } else {
        ctx.tr_args(
            "header-row-of",
            &[
                ("row", Arg::from(q.selected() + 1)),
                ("total", Arg::from(q.visible_len())),
            ],
        )
    };
    let who = ctx.tr_args(
        "header-who",
        &[
            ("date", Arg::from(app.today.format("%Y-%m-%d").to_string())),
            ("login", Arg::from(app.me.as_str())),
            ("role", Arg::from(ctx.tr(app.role_key()))),
        ],
    );
    // The link to the daemon: its socket while up, "offline" while down (then in every
    // candidate: it is what matters most).
    let (link, offline) = match &app.connection {
        None => (String::new(), false),
        Some(c) if c.down.is_some() => (ctx.tr("header-offline"), true),
        Some(c) => (
            ctx.tr_args("header-socket", &[("socket", Arg::from(c.socket.as_str()))]),
            false,
        ),
    };
    let sep = format!(" {} ", ctx.symbols.separator);
    // How many cases are marked, right after the title in every candidate: a bulk action
    // acts on them whether or not the filter shows them.
    let marked_n = q.marked_len();
    let (marked, marked_short) = if marked_n == 0 || app.loading {
        (String::new(), String::new())
    } else {
        (
            ctx.tr_args("bulk-header-marked", &[("n", Arg::from(marked_n))]),
            format!("{}{marked_n}", ctx.symbols.mark),
        )
    };
    // From the most to the least said, the first that fits.
    let mut candidates: Vec<String> = Vec::new();
    if app.loading {
        if !link.is_empty() {
            candidates.push(format!("{title}{sep}{link}{sep}{who}"));
        }
        candidates.push(format!("{title}{sep}{who}"));
        candidates.push(title.clone());
    } else {
        let full: Vec<String> = std::iter::once(title.clone())
            .chain(std::iter::once(marked.clone()))
            .chain(words.iter().cloned())
            // The position last: a move rewrites its digits and nothing after them.
            .chain([link.clone(), who.clone(), position.clone()])
            .filter(|p| !p.is_empty())
            .collect();
        candidates.push(full.join(&sep));
        let short_position = if q.visible_len() == 0 {
            String::new()
        } else {
            format!("{}/{}", q.selected() + 1, q.visible_len())
        };
        let date = app.today.format("%Y-%m-%d").to_string();
        for tail in [
            vec![link.clone(), who.clone(), position.clone()],
            vec![who.clone(), position.clone()],
            vec![who.clone(), short_position.clone()],
            vec![format!("{date} {}", app.me), short_position.clone()],
            vec![date.clone(), short_position.clone()],
            vec![short_position.clone()],
            vec![],
        ] {
            let offline = if offline { link.clone() } else { String::new() };
            // The marks in words where they fit, else as the mark glyph and the count.
            for mark in [&marked, &marked_short] {
                let parts: Vec<String> = [
                    title.clone(),
                    mark.clone(),
                    compact.clone(),
                    offline.clone(),
                ]
                .into_iter()
                .chain(tail.iter().cloned())
                .filter(|p| !p.is_empty())
                .collect();
                candidates.push(parts.join(&sep));
            }
        }
    }
    let line = candidates
        .iter()
        .map(|c| ctx.clean(c, usize::MAX))
        .find(|c| text::width(c) <= w)
        .unwrap_or_else(|| ctx.clean(candidates.last().map_or("", String::as_str), w));
    buf.set_stringn(area.x, area.y, text::fit(&line, w), w, ctx.theme.header);
}

fn titles(ctx: &Ctx, cols: &Columns, number_prefix: &str, area: Rect, buf: &mut Buffer) {
    let mut s = String::from("  ");
    // A title too long for its column takes its short form (`.short`), then is cut.
    let mut push = |title: String, short: Option<String>, width: usize, right: bool| {
        if width == 0 {
            return;
        }
        let t = match short {
            Some(short) if text::width(&title) > width => short,
            _ => title,
        };
        let right = right && text::width(&t) < width;
        s.push_str(&if right {
            text::fit_right(&t, width)
        } else {
            text::fit(&t, width)
        });
        s.push(' ');
    };
    let title = |key: &str| ctx.tr(key);
    let short = |key: &str| Some(ctx.tr_attr(key, "short"));
    let number = if number_prefix.is_empty() {
        title("column-number")
    } else {
        ctx.clean(number_prefix, usize::MAX)
    };
    push(number, None, cols.number, false);
    push(title("column-type"), short("column-type"), cols.kind, false);
    push(
        title("column-addressee"),
        short("column-addressee"),
        cols.party,
        false,
    );
    push(
        title("column-registered"),
        short("column-registered"),
        cols.registered,
        false,
    );
    push(title("column-due"), short("column-due"), cols.due, false);
    push(title("column-next"), short("column-next"), cols.next, false);
    push(
        title("column-remaining"),
        short("column-remaining"),
        cols.remaining,
        true,
    );
    push(
        title("column-badges"),
        short("column-badges"),
        cols.badges,
        false,
    );
    push(
        title("column-assignee"),
        short("column-assignee"),
        cols.assignee,
        false,
    );
    push(title("column-subject"), None, cols.subject, false);
    let w = usize::from(area.width);
    buf.set_stringn(area.x, area.y, text::fit(&s, w), w, ctx.theme.column_titles);
}

/// The glyph that says a row's state without colour.
pub(super) fn state_glyph(ctx: &Ctx, u: Urgency) -> char {
    match u {
        Urgency::Overdue => '!',
        Urgency::DueToday => '*',
        Urgency::DueWithinOneWorkingDay => '+',
        Urgency::Ok => ' ',
        Urgency::NoTerm => '?',
        Urgency::Answered if ctx.app.profile.ascii => '=',
        Urgency::Answered => '✓',
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
        Urgency::Answered => t.ok,
        Urgency::Closed => t.closed,
    }
}

/// The "next" cell: what is due next (`NTF 11-23`), or when the answer went out (`✓ 10-29`).
fn next_cell(ctx: &Ctx, row: &QueueRow, wide: bool) -> String {
    let date = |d: chrono::NaiveDate| {
        if wide {
            d.format("%Y-%m-%d").to_string()
        } else {
            d.format("%m-%d").to_string()
        }
    };
    match (row.next_obligation, row.next_due, row.answered) {
        (Some(kind), Some(due), _) => format!(
            "{} {}",
            ctx.tr_attr(&format!("obligation-{}", kind.as_str()), "short"),
            date(due)
        ),
        (_, _, Some(a)) => format!("{} {}", state_glyph(ctx, Urgency::Answered), date(a.on)),
        _ => String::new(),
    }
}

/// The "left" cell: working days to the next obligation; for an answered case with nothing
/// owed, how late the answer went out (`+3`), or `ok` when on time.
fn remaining_cell(ctx: &Ctx, row: &QueueRow) -> String {
    match (row.remaining, row.answered) {
        (Some(r), _) => r.to_string(),
        (None, Some(a)) if row.urgency == Urgency::Answered => {
            if a.late {
                format!("+{}", a.late_days.max(1))
            } else {
                ctx.tr("answered-on-time-short")
            }
        }
        _ => String::new(),
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
    let marked = ctx.app.queue.is_marked(&row.number);
    let mut s = String::with_capacity(usize::from(area.width) + 16);
    // The mark is a glyph, not a colour, so that it reads with NO_COLOR; under the marker
    // cursor a marked selected row keeps its mark, in reverse video (drawn below).
    s.push_str(if marked {
        ctx.symbols.mark
    } else if selected && marker_profile {
        ctx.symbols.marker
    } else {
        " "
    });
    s.push(state_glyph(ctx, row.urgency));
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
    cell(
        row.number.get(cols.prefix..).unwrap_or(&row.number),
        cols.number,
        false,
    );
    let kind = ctx.tr(&format!("kind-{}", row.kind.as_str()));
    cell(
        &kind.chars().next().map(String::from).unwrap_or_default(),
        cols.kind,
        false,
    );
    // A word that fits the column: `.short` on wide screens, `.tiny` (8 at most) otherwise.
    let fits = if cols.wide { "short" } else { "tiny" };
    let party = match (row.addressee, row.channel) {
        (Some(a), _) => ctx.tr_attr(&format!("addressee-{}", a.as_str()), fits),
        (None, Some(c)) => ctx.tr_attr(&format!("channel-{}", c.as_str()), fits),
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
    cell(&next_cell(ctx, row, cols.wide), cols.next, false);
    cell(&remaining_cell(ctx, row), cols.remaining, true);
    cell(&badges(ctx, row, cols.wide), cols.badges, false);
    // Nobody assigned: a dash on narrow screens (the word would be cut), the word on wide ones.
    let unassigned = if cols.wide {
        ctx.tr("unassigned")
    } else {
        ctx.symbols.none.to_string()
    };
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
    if marked && selected && marker_profile && w > 0 {
        buf.set_stringn(
            area.x,
            area.y,
            ctx.symbols.mark,
            1,
            style.patch(ctx.theme.selected),
        );
    }
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

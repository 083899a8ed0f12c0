//! The supervisor's dashboard: officers by buckets with a totals line, the calendar's warning,
//! and a chart of the cases due on each of the next ten working days for the line under the
//! cursor (ratatui's own `BarChart`; ASCII bars with `--ascii`, and every count also written
//! as a number, so that it reads without colour).

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::symbols;
use ratatui::text::Line as TextLine;
use ratatui::widgets::{Bar, BarChart, BarGroup, Widget};

use super::{Ctx, bottom_line, text};
use crate::i18n::Arg;
use crate::keymap::Mode;
use crate::service::dashboard::{Bucket, Dashboard, Line};

/// The chart keeps at least this many rows (title, bars, labels) below the table.
const CHART_MIN_ROWS: u16 = 7;
/// Lines of calendar warnings shown at most (all of them: `merzim calendar check`).
const MAX_WARNING_LINES: usize = 3;

/// ASCII bars for `--ascii` (the default set is Unicode blocks).
const ASCII_BARS: symbols::bar::Set = symbols::bar::Set {
    full: "#",
    seven_eighths: "#",
    three_quarters: "#",
    five_eighths: "#",
    half: "=",
    three_eighths: "=",
    one_quarter: "-",
    one_eighth: "-",
    empty: " ",
};

pub(super) fn draw(ctx: &Ctx, area: Rect, buf: &mut Buffer) {
    let w = usize::from(area.width);
    header(ctx, row(area, 0), buf);
    let Some(board) = ctx.app.dashboard.board.as_ref() else {
        let msg = ctx.tr("dashboard-loading");
        buf.set_stringn(area.x, area.y + 2, ctx.clean(&msg, w), w, ctx.theme.normal);
        bottom_line(ctx, area, buf, Mode::Dashboard);
        return;
    };
    // The calendar's warnings, wrapped: what to do is at the end of the sentence.
    // First what a past day's counts were computed with (a later calendar correction).
    let corrected = board.as_of.into_iter().flat_map(|day| {
        board.corrections.iter().flat_map(move |c| {
            let text = ctx.tr_args(
                "asof-calendar-corrected",
                &[
                    ("corrected_on", Arg::from(c.corrected_on.to_string())),
                    ("date", Arg::from(c.date.to_string())),
                    ("as_of", Arg::from(day.to_string())),
                ],
            );
            super::sanitize::sanitize_text_with(&text, w, ctx.glyphs())
        })
    });
    let warnings: Vec<String> = corrected
        .chain(board.calendar.gaps.iter().flat_map(|g| {
            let (key, args) = g.words(ctx.app.lang, &board.calendar);
            let args: Vec<(&str, Arg)> = args
                .iter()
                .map(|(k, v)| (*k, Arg::from(v.as_str())))
                .collect();
            let text = ctx.tr_args(
                "dashboard-calendar-warning",
                &[("text", Arg::from(ctx.tr_args(key, &args)))],
            );
            super::sanitize::sanitize_text_with(&text, w, ctx.glyphs())
        }))
        .take(MAX_WARNING_LINES)
        .collect();
    // Rows: header, titles, officers, totals, warnings, chart, bottom line.
    let fixed = 2 + 1 + warnings.len() as u16 + 1;
    let room = area.height.saturating_sub(fixed + CHART_MIN_ROWS).max(1);
    let shown_lines = (board.lines.len() as u16).min(room);
    let cols = Columns::for_width(ctx, board, w);
    titles(ctx, &cols, row(area, 1), buf);
    let d = &ctx.app.dashboard;
    // Scroll just enough to keep the cursor's line in view (the totals stay pinned below).
    let top = d
        .line
        .min(board.lines.len().saturating_sub(1))
        .saturating_sub(usize::from(shown_lines).saturating_sub(1));
    for (i, line) in board
        .lines
        .iter()
        .enumerate()
        .skip(top)
        .take(usize::from(shown_lines))
    {
        let y = 2 + (i - top) as u16;
        line_row(ctx, &cols, line, i, false, row(area, y), buf);
    }
    let total_y = 2 + shown_lines;
    line_row(
        ctx,
        &cols,
        &board.total,
        board.lines.len(),
        true,
        row(area, total_y),
        buf,
    );
    let mut y = total_y + 1;
    for warning in &warnings {
        if y + 1 >= area.height {
            break;
        }
        buf.set_stringn(area.x, area.y + y, warning, w, ctx.theme.status_error);
        y += 1;
    }
    let chart_area = Rect {
        x: area.x,
        y: area.y + y,
        width: area.width,
        height: area.height.saturating_sub(y + 1),
    };
    chart(ctx, board, chart_area, buf);
    bottom_line(ctx, area, buf, Mode::Dashboard);
}

/// Row `y` of `area`, one line high (clipped to the area).
fn row(area: Rect, y: u16) -> Rect {
    Rect {
        y: area.y + y.min(area.height.saturating_sub(1)),
        height: 1,
        ..area
    }
}

/// The header: the screen's name, the office's date and who is looking.
fn header(ctx: &Ctx, area: Rect, buf: &mut Buffer) {
    let app = ctx.app;
    let w = usize::from(area.width);
    let title = ctx.tr("dashboard-title");
    let as_of = app.dashboard.board.as_ref().and_then(|b| b.as_of);
    let title = match as_of {
        Some(day) => ctx.tr_args(
            "asof-title",
            &[
                ("title", Arg::from(title)),
                ("date", Arg::from(day.format("%Y-%m-%d").to_string())),
            ],
        ),
        None => title,
    };
    let who = ctx.tr_args(
        "header-who",
        &[
            ("date", Arg::from(app.today.format("%Y-%m-%d").to_string())),
            ("login", Arg::from(app.me.as_str())),
            ("role", Arg::from(ctx.tr(app.role_key()))),
        ],
    );
    let sep = format!(" {} ", ctx.symbols.separator);
    let date = app.today.format("%Y-%m-%d").to_string();
    let line = [format!("{title}{sep}{who}"), format!("{title}{sep}{date}")]
        .into_iter()
        .map(|c| ctx.clean(&c, usize::MAX))
        .find(|c| text::width(c) <= w)
        .unwrap_or_else(|| ctx.clean(&title, w));
    buf.set_stringn(area.x, area.y, text::fit(&line, w), w, ctx.theme.header);
}

/// The widths of the table: the name column takes what the counts leave.
struct Columns {
    name: usize,
    count: usize,
    /// The titles: full words where they fit, else their `.short` form.
    titles: Vec<String>,
}

impl Columns {
    fn for_width(ctx: &Ctx, board: &Dashboard, w: usize) -> Columns {
        let n = Bucket::ALL.len();
        let within = [("n", Arg::from(board.horizon.within))];
        let full: Vec<String> = Bucket::ALL
            .iter()
            .map(|b| ctx.tr_args(b.i18n_key(), &within))
            .collect();
        let short: Vec<String> = Bucket::ALL
            .iter()
            .map(|b| {
                ctx.texts
                    .tr_attr_args(ctx.app.lang, b.i18n_key(), "short", &within)
            })
            .collect();
        // A count is at most five digits on any body's screen; one space between columns.
        let widest = |t: &[String]| t.iter().map(|s| text::width(s)).max().unwrap_or(0);
        let min_name = 12;
        let marker = 2;
        let count_full = widest(&full).max(5) + 1;
        let (count, titles) = if marker + min_name + n * count_full <= w {
            (count_full, full)
        } else {
            (widest(&short).max(5) + 1, short)
        };
        Columns {
            name: w.saturating_sub(marker + n * count).max(1),
            count,
            titles,
        }
    }
}

fn titles(ctx: &Ctx, cols: &Columns, area: Rect, buf: &mut Buffer) {
    let mut s = String::from("  ");
    s.push_str(&text::fit(&ctx.tr("dashboard-officer"), cols.name));
    for t in &cols.titles {
        s.push_str(&text::fit_right(t, cols.count));
    }
    let w = usize::from(area.width);
    buf.set_stringn(
        area.x,
        area.y,
        text::fit(&ctx.clean(&s, usize::MAX), w),
        w,
        ctx.theme.column_titles,
    );
}

/// The name a line goes by: the officer's name and login, the unassigned cases, the totals.
fn line_name(ctx: &Ctx, line: &Line, total: bool) -> String {
    if total {
        return ctx.tr("dashboard-total");
    }
    match &line.login {
        None => ctx.tr("dashboard-unassigned"),
        Some(login) if line.name.is_empty() => login.clone(),
        // The login first: it is what stays when a narrow screen cuts the name.
        Some(login) => format!("{login} {}", line.name),
    }
}

/// One line of the table: the marker on the cursor's line, the name, the counts; the cursor's
/// cell in reverse video, so that it shows in monochrome too.
fn line_row(
    ctx: &Ctx,
    cols: &Columns,
    line: &Line,
    index: usize,
    total: bool,
    area: Rect,
    buf: &mut Buffer,
) {
    let d = &ctx.app.dashboard;
    let w = usize::from(area.width);
    let here = d.line == index;
    let base = if total {
        ctx.theme.header
    } else {
        ctx.theme.normal
    };
    let marker = if here { ctx.symbols.marker } else { " " };
    let name = ctx.clean(&line_name(ctx, line, total), cols.name);
    let start = format!("{} {}", text::fit(marker, 1), text::fit(&name, cols.name));
    let (mut x, _) = buf.set_stringn(area.x, area.y, &start, w, base);
    let end = area.x + area.width;
    for (c, b) in Bucket::ALL.iter().enumerate() {
        if x >= end {
            break;
        }
        let n = line.counts.get(*b);
        let mut style = match b {
            Bucket::Overdue if n > 0 => ctx.theme.overdue,
            Bucket::DueToday if n > 0 => ctx.theme.due_today,
            Bucket::DueWithinOne if n > 0 => ctx.theme.due_soon,
            _ => base,
        };
        if here && d.column == c {
            style = ctx.theme.selected.add_modifier(Modifier::REVERSED);
        }
        let cell = text::fit_right(&n.to_string(), cols.count);
        let (nx, _) = buf.set_stringn(x, area.y, &cell, usize::from(end - x), style);
        x = nx;
    }
}

/// The cases due on each of the next working days, for the line under the cursor.
fn chart(ctx: &Ctx, board: &Dashboard, area: Rect, buf: &mut Buffer) {
    if area.height < 3 || board.days.is_empty() {
        return;
    }
    let d = &ctx.app.dashboard;
    let line = d.selected_line().unwrap_or(&board.total);
    let who = line_name(ctx, line, d.on_total());
    let title = ctx.tr_args("dashboard-chart", &[("who", Arg::from(who))]);
    let w = usize::from(area.width);
    buf.set_stringn(
        area.x,
        area.y,
        ctx.clean(&title, w),
        w,
        ctx.theme.section_title,
    );
    let n = board.days.len() as u16;
    let bar_width = (area.width.saturating_sub(n - 1) / n).clamp(1, 7);
    let bars: Vec<Bar> = board
        .days
        .iter()
        .zip(&line.due_per_day)
        .map(|(day, count)| {
            let label = if bar_width >= 5 {
                day.format("%d.%m").to_string()
            } else {
                day.format("%d").to_string()
            };
            Bar::default()
                .value(u64::from(*count))
                .text_value(count.to_string())
                .label(TextLine::from(label))
        })
        .collect();
    let max = line.due_per_day.iter().copied().max().unwrap_or(0).max(1);
    let mut chart = BarChart::default()
        .data(BarGroup::default().bars(&bars))
        .bar_width(bar_width)
        .bar_gap(1)
        .max(u64::from(max))
        .bar_style(ctx.theme.normal)
        .value_style(ctx.theme.normal.add_modifier(Modifier::REVERSED))
        .label_style(ctx.theme.column_titles);
    if ctx.app.profile.ascii {
        chart = chart.bar_set(ASCII_BARS);
    }
    let chart_area = Rect {
        y: area.y + 1,
        height: area.height - 1,
        ..area
    };
    chart.render(chart_area, buf);
}

//! The case view: tabs for its sections, a title line, the section's text (scrollable), the
//! bottom line.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

use super::queue::urgency_style;
use super::{Ctx, bottom_line, sanitize, text};
use crate::app::Section;
use crate::domain::calendar::{DayNote, EntryKind, Explanation, Uncertainty};
use crate::domain::case::{EventKind, Matter};
use crate::domain::deadline::{Obligation, ObligationState};
use crate::i18n::{Arg, Lang};
use crate::keymap::Mode;
use crate::service::CaseView;

/// Rows of the case view that are not its text: the tabs, the title and the bottom line.
pub(super) const CHROME_ROWS: u16 = 3;

pub(super) fn draw(ctx: &Ctx, area: Rect, buf: &mut Buffer) {
    let dot = ctx.symbols.dot;
    let Some(open) = &ctx.app.case else {
        return;
    };
    let w = usize::from(area.width);
    tabs(ctx, open.section, Rect { height: 1, ..area }, buf);
    let v = &open.view;
    let row = &v.row;
    let status = ctx.tr(&format!("status-{}", v.case.status.as_str()));
    let due = row.due.map_or_else(
        || ctx.symbols.none.to_string(),
        |d| d.format("%Y-%m-%d").to_string(),
    );
    let remaining = row.remaining.map_or(String::new(), |r| format!(" ({r})"));
    let title = format!(
        "{} {} {} {dot} {} {dot} {} {}{}{}",
        v.case.number,
        ctx.symbols.separator,
        ctx.tr(&format!("kind-{}", row.kind.as_str())),
        status,
        ctx.tr("column-due"),
        if row.badges.provisional {
            ctx.symbols.provisional
        } else {
            ""
        },
        due,
        remaining,
    );
    buf.set_stringn(
        area.x,
        area.y + 1,
        text::fit(&ctx.clean(&title, w), w),
        w,
        urgency_style(ctx, row.urgency).patch(ctx.theme.header),
    );

    let body = Rect {
        y: area.y + 2,
        height: area.height.saturating_sub(CHROME_ROWS),
        ..area
    };
    let lines = section_lines(ctx, v, open.section, w);
    let idx = Section::ALL
        .iter()
        .position(|s| *s == open.section)
        .unwrap_or(0);
    let max_scroll = lines.len().saturating_sub(usize::from(body.height));
    let scroll = usize::from(open.scroll[idx]).min(max_scroll);
    for (i, (line, style)) in lines
        .iter()
        .skip(scroll)
        .take(usize::from(body.height))
        .enumerate()
    {
        buf.set_stringn(body.x, body.y + i as u16, line, w, *style);
    }
    bottom_line(ctx, area, buf, Mode::Case);
}

fn tabs(ctx: &Ctx, active: Section, area: Rect, buf: &mut Buffer) {
    let mut x = area.x;
    let end = area.x + area.width;
    for s in Section::ALL {
        let label = format!(" {} ", ctx.tr(s.i18n_key()));
        let style = if s == active {
            ctx.theme.tab_active
        } else {
            ctx.theme.tab_inactive
        };
        if x >= end {
            break;
        }
        let (nx, _) = buf.set_stringn(x, area.y, &label, usize::from(end - x), style);
        x = nx;
    }
}

/// The lines of a section, sanitized and wrapped to `width`.
pub(super) fn section_lines(
    ctx: &Ctx,
    v: &CaseView,
    section: Section,
    width: usize,
) -> Vec<(String, Style)> {
    let mut out = Lines {
        ctx,
        width,
        lines: Vec::new(),
    };
    match section {
        Section::Parties => parties(ctx, v, &mut out),
        Section::Text => {
            out.labelled(&ctx.tr("column-subject"), &v.case.subject);
            out.blank();
            out.text(&v.case.text, ctx.theme.normal);
        }
        Section::Obligations => match &v.deadlines {
            Some(d) => {
                for o in &d.obligations {
                    obligation(ctx, o, &mut out);
                }
            }
            None => out.text(
                v.row.problem.as_deref().unwrap_or(""),
                ctx.theme.status_error,
            ),
        },
        Section::History => history(ctx, v, &mut out),
        Section::Why => why(ctx, v, &mut out),
    }
    out.lines
}

struct Lines<'a, 'b> {
    ctx: &'a Ctx<'b>,
    width: usize,
    lines: Vec<(String, Style)>,
}

impl Lines<'_, '_> {
    fn text(&mut self, s: &str, style: Style) {
        for l in sanitize::sanitize_text_with(s, self.width, self.ctx.glyphs()) {
            self.lines.push((l, style));
        }
    }

    fn labelled(&mut self, label: &str, value: &str) {
        self.text(&format!("{label}: {value}"), self.ctx.theme.normal);
    }

    fn title(&mut self, s: &str) {
        self.text(s, self.ctx.theme.section_title);
    }

    fn blank(&mut self) {
        self.lines.push((String::new(), self.ctx.theme.normal));
    }
}

fn date(d: chrono::NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

fn parties(ctx: &Ctx, v: &CaseView, out: &mut Lines) {
    let c = &v.case;
    let l = |k: &str| ctx.tr(k);
    out.labelled(
        &l("label-kind"),
        &l(&format!("kind-{}", c.matter.kind().as_str())),
    );
    out.labelled(&l("column-registered"), &date(c.registered));
    out.labelled(
        &l("label-status"),
        &l(&format!("status-{}", c.status.as_str())),
    );
    match &c.matter {
        Matter::Complaint { addressee, .. } => {
            out.labelled(
                &l("column-addressee"),
                &l(&format!("addressee-{}", addressee.as_str())),
            );
        }
        Matter::Application {
            channel,
            service,
            term,
        } => {
            out.labelled(
                &l("label-channel"),
                &l(&format!("channel-{}", channel.as_str())),
            );
            if let Some(code) = service {
                out.labelled(&l("label-service"), code);
            }
            out.labelled(&l("label-term"), &term.to_string());
        }
    }
    out.labelled(
        &l("label-medium"),
        &l(&format!("medium-{}", c.medium.as_str())),
    );
    out.blank();
    out.labelled(&l("label-applicant"), &c.applicant.name);
    out.labelled(&l("label-applicant-id"), c.applicant.id.as_str());
    if !c.applicant.contact.is_empty() {
        out.labelled(&l("label-contact"), &c.applicant.contact);
    }
    out.labelled(
        &l("column-assignee"),
        c.assignee.as_deref().unwrap_or(&l("unassigned")),
    );
    out.blank();
    if let Some(d) = &v.deadlines {
        let due = d.due.map_or_else(|| ctx.symbols.none.to_string(), date);
        out.labelled(&l("column-due"), &due);
        if let Some(orig) = d.original_due
            && d.due != Some(orig)
        {
            out.labelled(&l("label-original-due"), &date(orig));
            out.labelled(
                &l("label-extended-by"),
                &ctx.tr_args("working-days", &[("n", Arg::from(d.extended_days))]),
            );
        }
        if let Some(r) = v.row.remaining {
            let s = if r >= 0 {
                ctx.tr_args("remaining-working-days", &[("n", Arg::from(r))])
            } else {
                ctx.tr_args("overdue-working-days", &[("n", Arg::from(-r))])
            };
            out.text(&s, urgency_style(ctx, v.row.urgency));
        }
        out.labelled(&l("label-basis"), &ctx.basis(&d.term_basis));
        uncertainties(ctx, &d.uncertain, out);
        for irregular in &d.irregular {
            out.text(&format!("! {irregular}"), ctx.theme.status_error);
        }
    }
    if let Some(problem) = &v.row.problem {
        out.text(&format!("! {problem}"), ctx.theme.status_error);
    }
    for link in &c.links {
        out.labelled(&l("label-linked"), &link.number);
    }
}

fn obligation(ctx: &Ctx, o: &Obligation, out: &mut Lines) {
    let dot = ctx.symbols.dot;
    let state = match o.state {
        ObligationState::Open => ctx.tr("obligation-state-open"),
        ObligationState::Done { on, .. } => {
            ctx.tr_args("obligation-state-done", &[("date", Arg::from(date(on)))])
        }
        ObligationState::Overdue { since } => ctx.tr_args(
            "obligation-state-overdue",
            &[("date", Arg::from(date(since)))],
        ),
    };
    let style = match o.state {
        ObligationState::Overdue { .. } => ctx.theme.overdue,
        ObligationState::Done { .. } => ctx.theme.closed,
        ObligationState::Open => ctx.theme.normal,
    };
    out.title(&format!(
        "{} {dot} {state}",
        ctx.tr(&format!("obligation-{}", o.kind.as_str()))
    ));
    let due = o.due.map_or_else(|| ctx.symbols.none.to_string(), date);
    let mut line = ctx.tr_args("obligation-due", &[("date", Arg::from(due))]);
    if let Some(f) = o.form {
        line.push_str(&format!(
            " {dot} {}",
            ctx.tr(&format!("form-{}", f.as_str()))
        ));
    }
    line.push_str(&format!(
        " {dot} {}",
        ctx.tr_args(
            "obligation-basis",
            &[("article", Arg::from(ctx.basis(&o.basis)))]
        )
    ));
    out.text(&line, style);
    if let Some(c) = &o.concerns {
        out.text(c, ctx.theme.normal);
    }
    out.blank();
}

fn history(ctx: &Ctx, v: &CaseView, out: &mut Lines) {
    let dot = ctx.symbols.dot;
    for e in &v.case.events {
        let when = e.at.format("%Y-%m-%d %H:%M UTC").to_string();
        out.title(&format!(
            "{when} {dot} {} ({})",
            ctx.tr(&format!("event-{}", e.what.name())),
            e.by.name
        ));
        let detail = match &e.what {
            EventKind::Registered { number, date: d } => format!("{number} {}", date(*d)),
            EventKind::Assigned { to } => to.clone().unwrap_or_else(|| ctx.tr("unassigned")),
            EventKind::Extended {
                date: d,
                days,
                ground,
                reason,
            } => format!(
                "{} {dot} {} {dot} {} {dot} {reason}",
                date(*d),
                ctx.tr_args("working-days", &[("n", Arg::from(*days))]),
                ctx.tr(&format!("ground-{}", ground.as_str()))
            ),
            EventKind::NoticeSent {
                kind,
                sent,
                form,
                reference,
            } => format!(
                "{} {dot} {} {dot} {} {dot} {reference}",
                ctx.tr(&format!("notice-{}", kind.as_str())),
                date(*sent),
                ctx.tr(&format!("form-{}", form.as_str()))
            ),
            EventKind::AnswerSent { sent, form, .. } => {
                format!(
                    "{} {dot} {}",
                    date(*sent),
                    ctx.tr(&format!("form-{}", form.as_str()))
                )
            }
            EventKind::NoteAdded { text } => text.clone(),
            EventKind::Decided {
                outcome,
                date: d,
                ground,
            } => format!(
                "{} {dot} {} {}",
                date(*d),
                ctx.tr(&format!("outcome-{}", outcome.as_str())),
                ground.clone().unwrap_or_default()
            ),
            EventKind::Closed { date: d } => date(*d),
            EventKind::Reopened { date: d, reason } => format!("{} {dot} {reason}", date(*d)),
            EventKind::DueSet { due } => date(*due),
            EventKind::RefusedAtIntake { date: d, reason } => {
                format!("{} {dot} {reason}", date(*d))
            }
            EventKind::Linked { number, .. } => number.clone(),
        };
        out.text(&detail, ctx.theme.normal);
    }
}

fn why(ctx: &Ctx, v: &CaseView, out: &mut Lines) {
    let Some(e) = &v.explanation else {
        let basis = v
            .deadlines
            .as_ref()
            .map(|d| ctx.basis(&d.term_basis))
            .unwrap_or_default();
        out.text(
            &ctx.tr_args("why-none", &[("basis", Arg::from(basis))]),
            ctx.theme.normal,
        );
        return;
    };
    explanation(ctx, v, e, out);
}

fn explanation(ctx: &Ctx, v: &CaseView, e: &Explanation, out: &mut Lines) {
    out.text(
        &ctx.tr_args("why-registered", &[("date", Arg::from(date(e.from)))]),
        ctx.theme.normal,
    );
    if let Some(d) = &v.deadlines {
        let counted = e.days.iter().filter(|d| d.counted.is_some()).count();
        out.text(
            &ctx.tr_args(
                "why-term-working-days",
                &[
                    ("n", Arg::from(counted)),
                    ("basis", Arg::from(ctx.basis(&d.term_basis))),
                ],
            ),
            ctx.theme.normal,
        );
    }
    let lang = ctx.app.lang;
    for day in &e.days {
        let d = format!("{} {}", date(day.date), weekday(ctx, day.date));
        let (line, style) = match (&day.note, day.counted) {
            (DayNote::Working, Some(k)) => (
                ctx.tr_args(
                    "why-counted",
                    &[("date", Arg::from(d)), ("k", Arg::from(k))],
                ),
                ctx.theme.normal,
            ),
            (DayNote::WorkedByTransfer { .. }, Some(k)) => (
                ctx.tr_args(
                    "why-worked-transfer",
                    &[("date", Arg::from(d)), ("k", Arg::from(k))],
                ),
                ctx.theme.normal,
            ),
            (DayNote::Weekend, _) => (
                ctx.tr_args("why-skipped-weekend", &[("date", Arg::from(d))]),
                ctx.theme.closed,
            ),
            (
                DayNote::DayOff {
                    entry_kind: EntryKind::TransferredDayOff,
                    ..
                },
                _,
            ) => (
                ctx.tr_args("why-skipped-transfer", &[("date", Arg::from(d))]),
                ctx.theme.closed,
            ),
            (DayNote::DayOff { name, .. }, _) => {
                let name = match lang {
                    Lang::Kk => &name.kk,
                    Lang::Ru => &name.ru,
                    Lang::En => &name.en,
                };
                (
                    ctx.tr_args(
                        "why-skipped-holiday",
                        &[("date", Arg::from(d)), ("name", Arg::from(name.as_str()))],
                    ),
                    ctx.theme.closed,
                )
            }
            (DayNote::CalendarEnd, _) => (
                ctx.tr_args("why-moved", &[("date", Arg::from(d))]),
                ctx.theme.normal,
            ),
            (_, k) => (
                format!("{d} {}", k.map(|k| k.to_string()).unwrap_or_default()),
                ctx.theme.normal,
            ),
        };
        out.text(&line, style);
    }
    // Art. 25.4: each extension adds its working days to the due date of the time.
    for x in &v.case.extensions {
        let line = ctx.tr_args(
            "why-extended",
            &[
                ("date", Arg::from(date(x.date))),
                ("n", Arg::from(x.days)),
                (
                    "ground",
                    Arg::from(ctx.tr(&format!("ground-{}", x.ground.as_str()))),
                ),
            ],
        );
        out.text(&line, ctx.theme.normal);
    }
    out.text(
        &ctx.tr_args("why-due", &[("date", Arg::from(date(e.result)))]),
        ctx.theme.section_title,
    );
    uncertainties(ctx, &e.uncertain, out);
}

fn uncertainties(ctx: &Ctx, list: &[Uncertainty], out: &mut Lines) {
    for u in list {
        let s = match u {
            Uncertainty::YearNotCovered { year } => {
                ctx.tr_args("why-not-covered", &[("year", Arg::from(*year))])
            }
            Uncertainty::YearProvisional { year } => {
                ctx.tr_args("why-provisional", &[("year", Arg::from(*year))])
            }
            Uncertainty::EstimatedEntry { date: d, name } => ctx.tr_args(
                "why-estimated",
                &[
                    ("date", Arg::from(date(*d))),
                    ("name", Arg::from(name.as_str())),
                ],
            ),
        };
        out.text(
            &format!("{} {s}", ctx.symbols.provisional),
            ctx.theme.provisional,
        );
    }
}

fn weekday(ctx: &Ctx, d: chrono::NaiveDate) -> String {
    use chrono::Datelike;
    ctx.tr(&format!(
        "weekday-{}",
        d.weekday().num_days_from_monday() + 1
    ))
}

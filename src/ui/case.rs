//! The case view: tabs for its sections, a title line, the section's text (scrollable), the
//! bottom line.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

use super::queue::urgency_style;
use super::{Ctx, bottom_line, sanitize, text};
use crate::app::Section;
use crate::domain::calendar::{DayNote, EntryKind, ExplainedDay, Names, Uncertainty};
use crate::domain::case::{EventKind, Matter};
use crate::domain::deadline::{Concerns, Obligation, ObligationState, Settled};
use crate::domain::message::Localize;
use crate::domain::vocabulary::{Term, TermUnit};
use crate::domain::why::WhyStep;
use crate::i18n::{Arg, Lang};
use crate::keymap::Mode;
use crate::service::CaseView;

/// Rows of the case view that are not its text: the tabs, the title and the bottom line.
pub(super) const CHROME_ROWS: u16 = 3;

pub(super) fn draw(ctx: &Ctx, area: Rect, buf: &mut Buffer) {
    let Some(open) = &ctx.app.case else {
        return;
    };
    let w = usize::from(area.width);
    tabs(ctx, open.section, Rect { height: 1, ..area }, buf);
    let v = &open.view;
    let row = &v.row;
    let title = title_line(ctx, v);
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

/// The case's title: number, kind, status, due date, and what is due next or when the answer
/// went out; the same obligation and date the queue row sorts on and shows.
fn title_line(ctx: &Ctx, v: &CaseView) -> String {
    let dot = ctx.symbols.dot;
    let row = &v.row;
    let due = row.due.map_or_else(|| ctx.symbols.none.to_string(), date);
    let mut title = format!(
        "{} {} {} {dot} {}",
        v.case.number,
        ctx.symbols.separator,
        ctx.tr(&format!("kind-{}", row.kind.as_str())),
        ctx.tr(&format!("status-{}", v.case.status.as_str())),
    );
    // What is due next says the most; the due date itself is on the Parties tab.
    match next_line(ctx, row) {
        Some(next) => title.push_str(&format!(" {dot} {next}")),
        None => title.push_str(&format!(
            " {dot} {} {}{due}",
            ctx.tr("column-due"),
            if row.badges.provisional {
                ctx.symbols.provisional
            } else {
                ""
            },
        )),
    }
    title
}

/// What is due next, in words: "next: extension notice 2026-11-23, 2 working days left"; or,
/// when nothing dated is owed after the answer, "answered on D, on time / N working days late".
fn next_line(ctx: &Ctx, row: &crate::service::QueueRow) -> Option<String> {
    if let (Some(kind), Some(due), Some(r)) = (row.next_obligation, row.next_due, row.remaining) {
        return Some(ctx.tr_args(
            "title-next",
            &[
                (
                    "what",
                    Arg::from(ctx.tr_attr(&format!("obligation-{}", kind.as_str()), "noun")),
                ),
                ("date", Arg::from(date(due))),
                ("left", Arg::from(remaining_words(ctx, r))),
            ],
        ));
    }
    let a = row.answered?;
    Some(answered_words(ctx, a))
}

fn remaining_words(ctx: &Ctx, r: i64) -> String {
    if r == 0 {
        ctx.tr("urgency-due-today")
    } else if r > 0 {
        ctx.tr_args("remaining-working-days", &[("n", Arg::from(r))])
    } else {
        ctx.tr_args("overdue-working-days", &[("n", Arg::from(-r))])
    }
}

fn answered_words(ctx: &Ctx, a: crate::domain::deadline::Answered) -> String {
    if !a.late {
        ctx.tr_args("answered-on-time", &[("date", Arg::from(date(a.on)))])
    } else if a.late_days == 0 {
        ctx.tr_args("answered-late-day-off", &[("date", Arg::from(date(a.on)))])
    } else {
        ctx.tr_args(
            "answered-late",
            &[
                ("date", Arg::from(date(a.on))),
                ("n", Arg::from(a.late_days)),
            ],
        )
    }
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
    let dot = ctx.symbols.dot;
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
                let name = v
                    .service_name
                    .as_ref()
                    .map(|n| format!("{code} {dot} {}", names(ctx, n)))
                    .unwrap_or_else(|| code.clone());
                out.labelled(&l("label-service"), &name);
            }
            out.labelled(&l("label-term"), &term_words(ctx, *term));
            if let Some((from, to)) = v.hours_window {
                out.labelled(
                    &l("label-term-hours"),
                    &ctx.tr_args(
                        "term-hours-from",
                        &[
                            ("at", Arg::from(local_time(ctx, from))),
                            ("by", Arg::from(local_time(ctx, to))),
                        ],
                    ),
                );
            }
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
        if let Some(set) = due_set_by(ctx, v) {
            out.text(&set, ctx.theme.normal);
        }
        if let Some(next) = next_line(ctx, &v.row) {
            out.text(&next, urgency_style(ctx, v.row.urgency));
        }
        if let Some(a) = v.row.answered
            && v.row.next_obligation.is_some()
        {
            out.text(&answered_words(ctx, a), ctx.theme.normal);
        }
        out.labelled(&l("label-basis"), &ctx.basis(&d.term_basis));
        uncertainties(ctx, &d.uncertain, out);
        for irregular in &d.irregular {
            out.text(
                &format!("! {}", ctx.message(&irregular.message())),
                ctx.theme.status_error,
            );
        }
    }
    if let Some(problem) = &v.row.problem {
        out.text(&format!("! {problem}"), ctx.theme.status_error);
    }
    for link in &c.links {
        out.labelled(&l("label-linked"), &link.number);
    }
}

/// A name in the reader's language.
fn names(ctx: &Ctx, n: &Names) -> String {
    match ctx.app.lang {
        Lang::Kk => n.kk.clone(),
        Lang::Ru => n.ru.clone(),
        Lang::En => n.en.clone(),
    }
}

/// A term in words: "10 working days", "30 calendar days", "4 hours".
fn term_words(ctx: &Ctx, term: Term) -> String {
    let key = match term.unit {
        TermUnit::WorkingDays => "working-days",
        TermUnit::CalendarDays => "calendar-days",
        TermUnit::Hours => "hours",
    };
    ctx.tr_args(key, &[("n", Arg::from(term.value))])
}

/// Art. 25.1: who set the due date of a superior body's case, and when (from its history).
fn due_set_by(ctx: &Ctx, v: &CaseView) -> Option<String> {
    let e = v
        .case
        .events
        .iter()
        .rev()
        .find(|e| matches!(e.what, EventKind::DueSet { .. }))?;
    let EventKind::DueSet { due } = e.what else {
        return None;
    };
    Some(ctx.tr_args(
        "due-set-by",
        &[
            ("date", Arg::from(date(due))),
            ("who", Arg::from(e.by.name.as_str())),
            ("when", Arg::from(local_time(ctx, e.at))),
        ],
    ))
}

/// A moment of history in the office's time zone.
fn local_time(ctx: &Ctx, at: chrono::DateTime<chrono::Utc>) -> String {
    at.with_timezone(&ctx.app.utc_offset)
        .format("%Y-%m-%d %H:%M")
        .to_string()
}

fn obligation(ctx: &Ctx, o: &Obligation, out: &mut Lines) {
    let dot = ctx.symbols.dot;
    let state = match o.state {
        ObligationState::Open => ctx.tr("obligation-state-open"),
        ObligationState::Done {
            on,
            late,
            late_days,
            wrong_form,
        } => {
            let mut s = if !late {
                ctx.tr_args("obligation-state-done", &[("date", Arg::from(date(on)))])
            } else if late_days == 0 {
                ctx.tr_args(
                    "obligation-state-done-late-day-off",
                    &[("date", Arg::from(date(on)))],
                )
            } else {
                ctx.tr_args(
                    "obligation-state-done-late",
                    &[("date", Arg::from(date(on))), ("n", Arg::from(late_days))],
                )
            };
            if wrong_form {
                s.push_str(&format!(" {dot} {}", ctx.tr("obligation-state-wrong-form")));
            }
            s
        }
        ObligationState::Overdue { since } => ctx.tr_args(
            "obligation-state-overdue",
            &[("date", Arg::from(date(since)))],
        ),
        ObligationState::Missed { on, by } => ctx.tr_args(
            match by {
                Settled::Answered => "obligation-state-missed-answered",
                Settled::Closed => "obligation-state-missed-closed",
            },
            &[("date", Arg::from(date(on)))],
        ),
    };
    let style = match o.state {
        ObligationState::Overdue { .. } | ObligationState::Missed { .. } => ctx.theme.overdue,
        ObligationState::Done {
            late: true | false,
            wrong_form: true,
            ..
        }
        | ObligationState::Done { late: true, .. } => ctx.theme.due_today,
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
    match &o.concerns {
        Some(Concerns::Extension {
            date: d,
            days,
            ground,
        }) => out.text(
            &ctx.tr_args(
                "concerns-extension",
                &[
                    ("date", Arg::from(date(*d))),
                    ("n", Arg::from(*days)),
                    (
                        "ground",
                        Arg::from(ctx.tr(&format!("ground-{}", ground.as_str()))),
                    ),
                ],
            ),
            ctx.theme.normal,
        ),
        Some(Concerns::FollowUp { what }) => out.text(what, ctx.theme.normal),
        None => {}
    }
    out.blank();
}

fn history(ctx: &Ctx, v: &CaseView, out: &mut Lines) {
    let dot = ctx.symbols.dot;
    for e in &v.case.events {
        let when = local_time(ctx, e.at);
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
            EventKind::AnswerSent {
                sent,
                form,
                reference,
            } => {
                let mut s = format!(
                    "{} {dot} {}",
                    date(*sent),
                    ctx.tr(&format!("form-{}", form.as_str()))
                );
                if !reference.is_empty() {
                    s.push_str(&format!(
                        " {dot} {}",
                        ctx.tr_args(
                            "label-outgoing-reference",
                            &[("reference", Arg::from(reference.as_str()))]
                        )
                    ));
                }
                s
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
    let Some(w) = &v.why else {
        out.text(
            v.row.problem.as_deref().unwrap_or_default(),
            ctx.theme.status_error,
        );
        return;
    };
    out.text(
        &ctx.tr_args("why-registered", &[("date", Arg::from(date(w.registered)))]),
        ctx.theme.normal,
    );
    let last = w.steps.len().saturating_sub(1);
    for (i, step) in w.steps.iter().enumerate() {
        match step {
            WhyStep::Term {
                term,
                basis,
                days,
                result,
                ..
            } => {
                let key = match term.unit {
                    TermUnit::WorkingDays => "why-term-working-days",
                    TermUnit::CalendarDays => "why-term-calendar-days",
                    TermUnit::Hours => "why-term-hours",
                };
                out.title(&ctx.tr_args(
                    key,
                    &[
                        ("n", Arg::from(term.value)),
                        ("days", Arg::from(term.value / 24)),
                        ("basis", Arg::from(ctx.basis(basis))),
                    ],
                ));
                explained_days(ctx, term.unit, days, out);
                if i != last {
                    out.text(
                        &ctx.tr_args("why-original-due", &[("date", Arg::from(date(*result)))]),
                        ctx.theme.section_title,
                    );
                }
            }
            WhyStep::Extension {
                date: decided,
                added,
                ground,
                basis,
                from,
                days,
                result,
            } => {
                out.blank();
                out.title(&ctx.tr_args(
                    "why-extension",
                    &[
                        ("date", Arg::from(date(*decided))),
                        ("n", Arg::from(*added)),
                        (
                            "ground",
                            Arg::from(ctx.tr(&format!("ground-{}", ground.as_str()))),
                        ),
                        ("basis", Arg::from(ctx.basis(basis))),
                        ("from", Arg::from(date(*from))),
                    ],
                ));
                explained_days(ctx, TermUnit::WorkingDays, days, out);
                if i != last {
                    out.text(
                        &ctx.tr_args("why-extended-due", &[("date", Arg::from(date(*result)))]),
                        ctx.theme.section_title,
                    );
                }
            }
            WhyStep::SetByOfficer { basis, .. } => {
                out.text(
                    &ctx.tr_args(
                        "why-set-by-officer",
                        &[("basis", Arg::from(ctx.basis(basis)))],
                    ),
                    ctx.theme.normal,
                );
                if let Some(set) = due_set_by(ctx, v) {
                    out.text(&set, ctx.theme.normal);
                }
            }
            WhyStep::NoTerm { basis } => out.text(
                &ctx.tr_args("why-none", &[("basis", Arg::from(ctx.basis(basis)))]),
                ctx.theme.normal,
            ),
        }
    }
    if let Some(due) = w.due {
        out.blank();
        out.text(
            &ctx.tr_args("why-due", &[("date", Arg::from(date(due)))]),
            ctx.theme.section_title,
        );
    }
    uncertainties(ctx, &w.uncertain, out);
}

/// The days of one step. In a working-day count every working day is numbered and every other
/// day says why it is skipped; in a calendar-day count (or the whole days of an hours term)
/// every day is numbered, and the days the end moves over to reach a working day say why.
fn explained_days(ctx: &Ctx, unit: TermUnit, days: &[ExplainedDay], out: &mut Lines) {
    let lang = ctx.app.lang;
    for day in days {
        let d = format!("{} {}", date(day.date), weekday(ctx, day.date));
        let reason = match &day.note {
            DayNote::Working | DayNote::CalendarEnd => None,
            DayNote::Weekend => Some(ctx.tr("why-reason-weekend")),
            DayNote::DayOff {
                entry_kind: EntryKind::TransferredDayOff,
                ..
            } => Some(ctx.tr("why-reason-transfer")),
            DayNote::DayOff { name, .. } => Some(match lang {
                Lang::Kk => name.kk.clone(),
                Lang::Ru => name.ru.clone(),
                Lang::En => name.en.clone(),
            }),
            DayNote::WorkedByTransfer { .. } => Some(ctx.tr("why-reason-worked-transfer")),
        };
        let (line, style) = match (unit, day.counted) {
            (TermUnit::WorkingDays, Some(k)) => {
                let key = if matches!(day.note, DayNote::WorkedByTransfer { .. }) {
                    "why-worked-transfer"
                } else {
                    "why-counted"
                };
                (
                    ctx.tr_args(key, &[("date", Arg::from(d)), ("k", Arg::from(k))]),
                    ctx.theme.normal,
                )
            }
            (_, Some(k)) => {
                let mut line = ctx.tr_args(
                    "why-calendar-day",
                    &[("date", Arg::from(d.clone())), ("k", Arg::from(k))],
                );
                if matches!(day.note, DayNote::CalendarEnd) {
                    line = ctx.tr_args("why-moved", &[("date", Arg::from(d)), ("k", Arg::from(k))]);
                } else if let Some(r) = &reason {
                    line.push_str(&format!(" ({r})"));
                }
                (line, ctx.theme.normal)
            }
            (_, None) => (
                ctx.tr_args(
                    "why-skipped",
                    &[
                        ("date", Arg::from(d)),
                        ("reason", Arg::from(reason.unwrap_or_default())),
                    ],
                ),
                ctx.theme.closed,
            ),
        };
        out.text(&line, style);
    }
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

//! Rendering: a pure function of the console state. No I/O, no clock, no date arithmetic here:
//! every date shown was computed by the service.

pub mod sanitize;
pub mod theme;

mod bulk;
mod case;
mod dashboard;
mod form;
mod help;
mod measure;
mod queue;
mod text;
mod unsaved;

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

use crate::app::{self, App, InputKind, Screen, StatusText};
use crate::i18n::{Arg, Texts};
use crate::keymap::{Action, KeyStyle, Mode};
use theme::{Symbols, Theme};

pub use measure::Measurer;

/// The smallest size at which the screens are laid out; below it a short message is shown.
pub const MIN_WIDTH: u16 = 40;
pub const MIN_HEIGHT: u16 = 5;

/// What every screen needs besides the state.
pub struct Ctx<'a> {
    pub app: &'a App,
    pub texts: &'a Texts,
    pub theme: Theme,
    pub symbols: Symbols,
}

impl<'a> Ctx<'a> {
    /// The context of a frame of `app`.
    pub fn new(app: &'a App, texts: &'a Texts) -> Ctx<'a> {
        Ctx {
            app,
            texts,
            theme: Theme::for_profile(app.profile),
            symbols: Symbols::for_profile(app.profile),
        }
    }

    fn tr(&self, key: &str) -> String {
        self.texts.tr(self.app.lang, key)
    }

    fn tr_args(&self, key: &str, args: &[(&str, Arg<'_>)]) -> String {
        self.texts.tr_args(self.app.lang, key, args)
    }

    fn tr_attr(&self, key: &str, attr: &str) -> String {
        self.texts.tr_attr(self.app.lang, key, attr)
    }

    /// A legal basis from the rules data ("Art. 25.4 ¶2; Art. 5.2.7") in the reader's language.
    fn basis(&self, basis: &str) -> String {
        self.texts.basis(self.app.lang, basis)
    }

    /// A fact or error of the layers below, in the reader's language.
    fn message(&self, m: &crate::domain::message::Message) -> String {
        self.texts.message(self.app.lang, m)
    }

    fn key_style(&self) -> KeyStyle {
        if self.app.profile.ascii {
            KeyStyle::Ascii
        } else {
            KeyStyle::Unicode
        }
    }

    fn glyphs(&self) -> sanitize::Glyphs {
        if self.app.profile.ascii {
            sanitize::Glyphs::Ascii
        } else {
            sanitize::Glyphs::Unicode
        }
    }

    /// Untrusted or long text made safe and fitted to `width` columns.
    fn clean(&self, s: &str, width: usize) -> String {
        sanitize::sanitize_line_with(s, width, self.glyphs()).into_owned()
    }
}

/// Draws the whole console into a frame (ratatui's `Terminal`, e.g. a `TestBackend`).
pub fn draw(frame: &mut Frame, app: &App, texts: &Texts) {
    let area = frame.area();
    render(frame.buffer_mut(), area, app, texts);
}

/// The rows of the queue screen that hold cases: everything but the header, the column titles
/// and the bottom line. The console scrolls this band with the terminal's own scrolling.
pub fn queue_list_rows(area: Rect) -> (u16, u16) {
    let top = area.y + app::QUEUE_HEADER_ROWS;
    let bottom = area.y + area.height.saturating_sub(app::QUEUE_FOOTER_ROWS);
    (top, bottom.max(top))
}

/// Draws the whole console into a buffer.
///
/// `area` is cut to the buffer first: the screens lay themselves out inside the area they are
/// given and write nowhere else, so no size, however it was obtained (a terminal resized between
/// two reads of its size), can make a screen write outside the buffer.
pub fn render(buf: &mut Buffer, area: Rect, app: &App, texts: &Texts) {
    let area = area.intersection(buf.area);
    let ctx = Ctx::new(app, texts);
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        too_small(&ctx, area, buf);
        return;
    }
    if let Some(f) = &app.form {
        form::draw(&ctx, f, area, buf);
        return;
    }
    if let (Some(b), Screen::Queue) = (&app.bulk, app.screen) {
        bulk::draw(&ctx, b, area, buf);
        return;
    }
    match app.screen {
        Screen::Queue => queue::draw(&ctx, area, buf),
        Screen::Case => case::draw(&ctx, area, buf),
        Screen::Help { .. } => help::draw(&ctx, area, buf),
        Screen::Dashboard => dashboard::draw(&ctx, area, buf),
    }
}

fn too_small(ctx: &Ctx, area: Rect, buf: &mut Buffer) {
    let msg = ctx.tr_args(
        "terminal-too-small",
        &[
            ("width", Arg::from(usize::from(area.width))),
            ("height", Arg::from(usize::from(area.height))),
            ("min_width", Arg::from(usize::from(MIN_WIDTH))),
            ("min_height", Arg::from(usize::from(MIN_HEIGHT))),
        ],
    );
    let lines = sanitize::sanitize_text_with(&msg, usize::from(area.width), ctx.glyphs());
    for (i, line) in lines.iter().take(usize::from(area.height)).enumerate() {
        buf.set_stringn(
            area.x,
            area.y + i as u16,
            line,
            usize::from(area.width),
            Style::new(),
        );
    }
}

/// The bottom line of `screen`: the input being typed, else the last message, else the key
/// hints.
fn bottom_line(ctx: &Ctx, screen: Rect, buf: &mut Buffer, mode: Mode) {
    let area = Rect {
        y: screen.y + screen.height.saturating_sub(1),
        height: 1,
        ..screen
    };
    let width = usize::from(area.width);
    if let Some(input) = &ctx.app.input {
        prompt_line(ctx, input, area, buf);
        return;
    }
    if let Some(draft) = app::drafts::offered(ctx.app) {
        // A long question takes the rows above the bottom too (as a form's question does).
        let msg = draft_offer(ctx, draft);
        let lines = sanitize::sanitize_text_with(&msg, width, ctx.glyphs());
        let n = lines
            .len()
            .min(usize::from(screen.height.saturating_sub(1)).max(1));
        for (i, line) in lines.iter().rev().take(n).enumerate() {
            let y = area.y - i as u16;
            buf.set_stringn(area.x, y, " ".repeat(width), width, ctx.theme.status_info);
            buf.set_stringn(area.x, y, line, width, ctx.theme.status_info);
        }
        return;
    }
    if offline_line(ctx, area, buf) {
        return;
    }
    if let Some(status) = &ctx.app.status {
        let msg = status_text(ctx, &status.text);
        let style = if status.error {
            ctx.theme.status_error
        } else {
            ctx.theme.status_info
        };
        buf.set_stringn(area.x, area.y, ctx.clean(&msg, width), width, style);
        return;
    }
    if let Some((place, total, problem)) = ctx.app.problems.current() {
        // Which one of how many, and the key that dismisses it, first: the message may be cut.
        let n = [("n", Arg::from(place)), ("total", Arg::from(total))];
        let counter = match back_key(ctx, mode) {
            Some(key) => {
                let mut args = n.to_vec();
                args.push(("key", Arg::from(key)));
                ctx.tr_args("problem-counter", &args)
            }
            None => ctx.tr_args("problem-counter-no-key", &n),
        };
        let msg = format!("{counter} {}", status_text(ctx, problem));
        let style = ctx.theme.status_error;
        buf.set_stringn(area.x, area.y, ctx.clean(&msg, width), width, style);
        return;
    }
    hints(ctx, area, buf, mode);
}

/// While the link to the daemon is down, the bottom line says so, in the warning style (and
/// in words, so that it reads in monochrome): `true` when it did.
fn offline_line(ctx: &Ctx, area: Rect, buf: &mut Buffer) -> bool {
    let Some(text) = app::live::offline(ctx.app) else {
        return false;
    };
    let width = usize::from(area.width);
    let msg = status_text(ctx, &text);
    buf.set_stringn(
        area.x,
        area.y,
        ctx.clean(&msg, width),
        width,
        ctx.theme.status_error,
    );
    true
}

/// The question that offers a draft back: which form, which case, when, and the keys.
fn draft_offer(ctx: &Ctx, draft: &crate::service::Draft) -> String {
    let form = app::FormKind::from_draft_name(&draft.key.form)
        .map(|k| ctx.tr(k.i18n_key()))
        .unwrap_or_else(|| draft.key.form.clone());
    let local = draft.saved.with_timezone(&ctx.app.utc_offset);
    // The time alone for a draft of today, with its date otherwise.
    let time = if local.date_naive() == ctx.app.today {
        local.format("%H:%M").to_string()
    } else {
        local.format("%Y-%m-%d %H:%M").to_string()
    };
    let q = match &draft.key.case {
        Some(number) => ctx.tr_args(
            "draft-offer",
            &[
                ("form", Arg::from(form)),
                ("number", Arg::from(number.as_str())),
                ("time", Arg::from(time)),
            ],
        ),
        None => ctx.tr_args(
            "draft-offer-new",
            &[("form", Arg::from(form)), ("time", Arg::from(time))],
        ),
    };
    let keys = ctx.tr_args(
        "form-ask-keys",
        &[
            ("yes", form::key_of(ctx, Action::Confirm).into()),
            ("no", form::key_of(ctx, Action::Back).into()),
        ],
    );
    format!("{q} {keys}")
}

/// A status text in the reader's language.
fn status_text(ctx: &Ctx, text: &StatusText) -> String {
    match text {
        StatusText::Key(key, args) => {
            let args: Vec<(&str, Arg)> = args.iter().map(|(k, v)| (*k, status_arg(v))).collect();
            ctx.tr_args(key, &args)
        }
        StatusText::Words(key, args) => {
            let words: Vec<(&str, String)> = args.iter().map(|(k, v)| (*k, ctx.tr(v))).collect();
            let args: Vec<(&str, Arg)> = words
                .iter()
                .map(|(k, v)| (*k, Arg::from(v.as_str())))
                .collect();
            ctx.tr_args(key, &args)
        }
        StatusText::Message(m) => ctx.message(m),
        StatusText::Literal(s) => s.clone(),
    }
}

/// The first key of the live keymap that goes back (dismisses) on this screen.
fn back_key(ctx: &Ctx, mode: Mode) -> Option<String> {
    ctx.app
        .keymap
        .bindings(mode, ctx.key_style())
        .into_iter()
        .find(|(action, _)| *action == Action::Back)
        .and_then(|(_, keys)| keys.into_iter().next())
}

/// The line being typed, with its caret (the cell under it in reverse video), and the other
/// candidates of a Tab completion after it. A long line keeps the caret in view: what is
/// typed is where the caret is.
fn prompt_line(ctx: &Ctx, input: &app::Input, area: Rect, buf: &mut Buffer) {
    let width = usize::from(area.width);
    let prompt = match input.kind {
        InputKind::Filter => ctx.tr("prompt-filter"),
        InputKind::Command => ctx.tr("prompt-command"),
    };
    let (before, after) = input.split();
    let before = ctx.clean(&format!("{prompt} {before}"), usize::MAX);
    let after = ctx.clean(after, usize::MAX);
    let before = if text::width(&before) + 1 > width {
        text::tail(&before, width.saturating_sub(1))
    } else {
        before
    };
    let (x, _) = buf.set_stringn(area.x, area.y, &before, width, ctx.theme.label);
    let end = area.x + area.width;
    if x >= end {
        return;
    }
    let mut rest = after.chars();
    let under = rest.next().map_or_else(|| " ".to_string(), String::from);
    let caret = ctx
        .theme
        .label
        .add_modifier(ratatui::style::Modifier::REVERSED);
    let (x, _) = buf.set_stringn(x, area.y, &under, usize::from(end - x), caret);
    let mut tail: String = rest.collect();
    if let Some(c) = &input.completion {
        let others: Vec<&str> = c
            .candidates
            .iter()
            .enumerate()
            .filter(|(i, _)| *i != c.index)
            .map(|(_, s)| *s)
            .collect();
        tail.push_str(&format!("  ({})", others.join(" ")));
    }
    if x < end {
        buf.set_stringn(x, area.y, &tail, usize::from(end - x), ctx.theme.label);
    }
}

/// The hint bar, generated from the live keymap: as many hints as fit.
pub(super) fn hints(ctx: &Ctx, area: Rect, buf: &mut Buffer, mode: Mode) {
    let mut x = area.x;
    let end = area.x + area.width;
    let mut list = ctx.app.keymap.hints(mode, ctx.key_style());
    // What cannot be done on this case now is not offered (the key says why).
    list.retain(|(_, a)| mode != Mode::Case || ctx.app.why_not(*a).is_none());
    if matches!(mode, Mode::Queue | Mode::Case | Mode::Dashboard)
        && !list.iter().any(|(_, a)| *a == Action::Help)
    {
        list.extend(
            ctx.app
                .keymap
                .hints(Mode::Help, ctx.key_style())
                .into_iter()
                .filter(|(_, a)| *a == Action::Help),
        );
    }
    for (key, action) in list {
        let label = ctx.tr_attr(action.i18n_key(), crate::keymap::Action::HINT_ATTRIBUTE);
        let need = (text::width(&key) + 1 + text::width(&label) + 2) as u16;
        if x + need > end {
            break;
        }
        let (nx, _) = buf.set_stringn(x, area.y, &key, usize::from(end - x), ctx.theme.hint_key);
        let (nx, _) = buf.set_stringn(
            nx + 1,
            area.y,
            &label,
            usize::from(end - nx - 1),
            ctx.theme.hint_text,
        );
        x = nx + 2;
    }
}

/// A status line's argument: a whole number written as one (`37`, not `037` or a case number)
/// goes to the catalogue as a number, so that its plural form is chosen ("2 дела переданы",
/// not "2 дел передано"); it is formatted the same either way. Everything else is text.
fn status_arg(v: &str) -> Arg<'_> {
    match v.parse::<i64>() {
        Ok(n) if n.to_string() == v => Arg::Number(n),
        _ => Arg::from(v),
    }
}

#[cfg(test)]
mod status_tests {
    use super::*;
    use crate::i18n::{Lang, Texts};

    #[test]
    fn whole_numbers_choose_their_plural_form_and_other_text_stays_text() {
        assert!(matches!(status_arg("2"), Arg::Number(2)));
        assert!(matches!(status_arg("-3"), Arg::Number(-3)));
        // A case number's digits, a leading zero, words: text, written as given.
        for text in ["000704", "KZ-2026-000704", "aliya", "", "+2", "2.5"] {
            assert!(matches!(status_arg(text), Arg::Text(_)), "{text}");
        }
        let texts = Texts::new().unwrap();
        let said = |lang, n: &str| {
            texts.tr_args(
                lang,
                "bulk-assigned",
                &[("count", status_arg(n)), ("login", Arg::from("dana"))],
            )
        };
        assert_eq!(said(Lang::Ru, "2"), "2 дела переданы сотруднику 'dana'.");
        assert_eq!(said(Lang::Ru, "5"), "5 дел передано сотруднику 'dana'.");
        assert_eq!(said(Lang::Ru, "21"), "21 дело передано сотруднику 'dana'.");
    }
}

//! The console: the terminal, the event loop, and the service behind it.
//!
//! The loop reads keys, hands them to [`app::update`], carries out the effects it asks for
//! through the service, and draws. It drains every key already waiting before it draws (a paste
//! or a held key on a slow link costs one frame, not fifty), and while nothing happens it writes
//! nothing at all: no clock, no spinner.

pub mod backend;
mod config;
pub mod screen;
pub mod terminal;

use std::collections::VecDeque;
use std::path::PathBuf;
use std::time::Duration;

use anyhow::{Context, Result};
use chrono::{FixedOffset, NaiveDate, Utc};
use crossterm::event::{self, Event};

use crate::app::{self, App, Effect, Msg, StatusText};
use crate::domain::message::Localize;
use crate::i18n::{Lang, Texts};
use crate::keymap::{Keymap, ShippedKeymap};
use crate::reference::Reference;
use crate::service::{Caller, QueueQuery, Scope, Service, ServiceError, identity};
use crate::ui::{self, theme::Profile};

pub use config::Config;

/// How the console was asked to start (command line over configuration file over defaults).
#[derive(Debug, Clone)]
pub struct Options {
    pub db: PathBuf,
    pub data_dir: Option<PathBuf>,
    /// A fixed "today" (`--today`, `MERZIM_TODAY`); otherwise the office's date at `utc_offset`.
    pub today: Option<NaiveDate>,
    pub utc_offset: FixedOffset,
    pub lang: Option<Lang>,
    pub keymap: Option<String>,
    pub monochrome: bool,
    pub ascii: bool,
    pub low_bandwidth: bool,
}

fn today(opts: &Options) -> NaiveDate {
    opts.today
        .unwrap_or_else(|| Utc::now().with_timezone(&opts.utc_offset).date_naive())
}

/// The caller behind this process's uid. An empty database makes its first user a supervisor,
/// so that the embedded console works on a database of one's own (see
/// [`Service::caller_or_first_user`]).
fn caller(service: &Service) -> Result<Caller> {
    Ok(service.caller_or_first_user(identity::current_uid())?)
}

/// The language: `--lang`, then the configuration file, then the locale.
fn language(opts: &Options, config: &Config) -> Lang {
    if let Some(l) = opts.lang {
        return l;
    }
    if let Some(l) = config.lang {
        return l;
    }
    let locale = ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .find_map(|v| std::env::var(v).ok().filter(|s| !s.is_empty()))
        .unwrap_or_default();
    Lang::from_locale(&locale)
}

/// Opens the console on the database and runs it until the officer quits.
pub fn run(opts: Options) -> Result<()> {
    let reference = Reference::load(opts.data_dir.as_deref())?;
    let service = Service::open(&opts.db, reference)?;
    let caller = caller(&service)?;
    let texts = Texts::new().context("the text catalogues are broken")?;
    let (config, mut problems) = Config::load();

    let keymap_name = opts
        .keymap
        .clone()
        .or(config.keymap.clone())
        .unwrap_or_else(|| "default".into());
    let shipped = match ShippedKeymap::from_name(&keymap_name) {
        Ok(s) => s,
        Err(_) => {
            problems.push(config::unknown_keymap(&keymap_name));
            ShippedKeymap::Default
        }
    };
    let user_keys = config::user_keymap();
    let (keymap, warnings) =
        match Keymap::shipped(shipped, user_keys.as_ref().map(|(_, t)| t.as_str())) {
            Ok(k) => k,
            Err(e) => anyhow::bail!("the shipped keymap is broken: {e}"),
        };
    let lang = language(&opts, &config);
    if let Some((path, _)) = &user_keys {
        for w in &warnings {
            // Translated here, in the language the console starts in.
            problems.push(StatusText::Literal(format!(
                "{}: {}",
                path.display(),
                w.localized(&texts, lang)
            )));
        }
    }
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    let profile = Profile {
        monochrome: opts.monochrome || config.monochrome || no_color,
        ascii: opts.ascii || config.ascii,
        marker_cursor: opts.low_bandwidth || config.low_bandwidth,
    };
    let mut app = App::new(lang, today(&opts), caller.login.clone(), keymap, profile)
        .with_measure(Box::new(ui::Measurer::new()?))
        .with_reference(service.reference().clone());
    app.role = caller.role;
    app.utc_offset = opts.utc_offset;
    // The console opens showing what was wrong with the officer's files, until dismissed.
    let _ = app::update(&mut app, Msg::Problems(problems));
    let query = QueueQuery {
        scope: if caller.reads_all() {
            Scope::All
        } else {
            Scope::MineAndUnassigned
        },
        include_closed: true,
        ..QueueQuery::default()
    };

    let (mut screen, _guard) = terminal::enter()?;
    let mut fx = Effects::new(&service, &texts, &caller, &query);
    // The state learns its size before the first frame (which checks it again).
    let area = screen.area()?;
    let effects = app::update(&mut app, Msg::Resize(area.width, area.height));
    if let Flow::Quit = fx.run(&mut app, effects) {
        return Ok(());
    }
    // First paint before anything is loaded: the frame and the header.
    let Some(mut shown) = frame(&mut screen, &mut app, &texts, None, &mut fx)? else {
        return Ok(());
    };
    if let Flow::Quit = fx.run(&mut app, vec![Effect::LoadQueue]) {
        return Ok(());
    }
    loop {
        match frame(&mut screen, &mut app, &texts, Some(shown), &mut fx)? {
            Some(s) => shown = s,
            None => return Ok(()),
        }
        // After the frame is out, before waiting for keys: work that shows nothing.
        if app.queue.needs_index() && !event::poll(Duration::ZERO)? {
            let effects = app::update(&mut app, Msg::Idle);
            if let Flow::Quit = fx.run(&mut app, effects) {
                return Ok(());
            }
        }

        // Block until something happens (or, with no fixed date, until midnight: one redraw then
        // rolls the date over); then take everything already waiting, one frame for them all.
        // Each key's effects are carried out, and their answers applied, before the next key is
        // handled: `Enter q` typed ahead opens the case and then closes it, as it would have
        // done typed slowly, instead of `q` quitting the queue behind a case still loading.
        let mut event = match until_midnight(&opts) {
            Some(wait) if !event::poll(wait)? => None,
            _ => Some(event::read()?),
        };
        while let Some(ev) = event.take() {
            if let Some(msg) = to_msg(ev) {
                let effects = app::update(&mut app, msg);
                if let Flow::Quit = fx.run(&mut app, effects) {
                    return Ok(());
                }
            }
            if event::poll(Duration::ZERO)? {
                event = Some(event::read()?);
            }
        }
        // Midnight: the next frame uses the new date (and reloads the queue with it).
        let now = today(&opts);
        if now != app.today {
            let effects = app::update(&mut app, Msg::Today(now));
            if let Flow::Quit = fx.run(&mut app, effects) {
                return Ok(());
            }
        }
    }
}

/// Carries out what `update` asks for through the service, and answers with a message: the one
/// effect runner of the console, shared with the tests that drive `update`.
pub struct Effects<'a> {
    service: &'a Service,
    /// Errors from the service are put into words in the reader's language here, at the edge.
    texts: &'a Texts,
    caller: &'a Caller,
    query: &'a QueueQuery,
    /// A repaint was asked for: the next frame forgets what the terminal shows.
    repaint: bool,
}

/// Whether the console goes on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flow {
    Go,
    Quit,
}

impl<'a> Effects<'a> {
    /// A runner for `caller`'s console, loading the queue with `query`.
    pub fn new(
        service: &'a Service,
        texts: &'a Texts,
        caller: &'a Caller,
        query: &'a QueueQuery,
    ) -> Effects<'a> {
        Effects {
            service,
            texts,
            caller,
            query,
            repaint: false,
        }
    }

    /// The answer to one effect, if it has one (`Quit` and `Repaint` have none).
    pub fn answer(&mut self, app: &App, effect: Effect) -> Option<Msg> {
        let words = |e: ServiceError| self.texts.message(app.lang, &e.message());
        Some(match effect {
            Effect::Quit => return None,
            Effect::Repaint => {
                self.repaint = true;
                return None;
            }
            Effect::LoadQueue => Msg::QueueLoaded(
                self.service
                    .queue(self.caller, app.today, self.query)
                    .map_err(words),
            ),
            Effect::LoadCase(number) => Msg::CaseLoaded(Box::new(
                self.service
                    .case(self.caller, &number, app.today)
                    .map_err(words),
            )),
            Effect::Execute {
                number,
                expected_version,
                command,
            } => Msg::Executed(
                self.service
                    .execute(
                        self.caller,
                        app.today,
                        number.as_deref(),
                        expected_version,
                        command,
                    )
                    .map_err(words),
            ),
            Effect::WriteLetter { number, kind, path } => {
                Msg::LetterWritten(self.write_letter(app, &number, kind, &path))
            }
        })
    }

    /// Writes the letter `kind` for case `number` to `path` (its format from the extension),
    /// in the reader's language; the answer is the path written, or why not in words.
    fn write_letter(
        &self,
        app: &App,
        number: &str,
        kind: crate::letters::LetterKind,
        path: &str,
    ) -> Result<String, String> {
        let lang = app.lang;
        let view = self
            .service
            .case(self.caller, number, app.today)
            .map_err(|e| self.texts.message(lang, &e.message()))?;
        let file = std::path::Path::new(path);
        let format =
            crate::letters::Format::from_path(file).map_err(|e| e.message(self.texts, lang))?;
        let bytes = crate::letters::render(
            self.texts,
            self.service.reference(),
            &view,
            kind,
            lang,
            format,
        )
        .map_err(|e| e.message(self.texts, lang))?;
        std::fs::write(file, bytes).map_err(|e| {
            self.texts.tr_args(
                lang,
                "form-letter-write-failed",
                &[
                    ("path", crate::i18n::Arg::from(path)),
                    ("error", crate::i18n::Arg::from(e.to_string())),
                ],
            )
        })?;
        Ok(path.to_string())
    }

    /// Carries out `effects` in order, and whatever their answers ask for, until nothing is
    /// left: the state is then what the key that asked for them leads to.
    pub fn run(&mut self, app: &mut App, effects: Vec<Effect>) -> Flow {
        let mut waiting = VecDeque::from(effects);
        while let Some(effect) = waiting.pop_front() {
            if effect == Effect::Quit {
                return Flow::Quit;
            }
            if let Some(msg) = self.answer(app, effect) {
                waiting.extend(app::update(app, msg));
            }
        }
        Flow::Go
    }
}

/// What was on screen, as far as scrolling is concerned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Shown {
    queue_top: Option<usize>,
    area: ratatui::layout::Rect,
}

/// Draws the next frame. The terminal's size is read once, here: the state is told about it
/// (if it changed since the last resize event) and the same size lays out the screens and sizes
/// the buffer, so a resize in the middle of a frame cannot make them disagree. When the queue
/// list scrolled by less than a screen, the terminal moves the rows it already shows and only
/// the new rows are sent. `None`: the console is to quit.
fn frame(
    screen: &mut terminal::Screen,
    app: &mut App,
    texts: &Texts,
    before: Option<Shown>,
    fx: &mut Effects,
) -> Result<Option<Shown>> {
    let area = screen.area()?;
    if (area.width, area.height) != (app.width, app.height) {
        let effects = app::update(app, Msg::Resize(area.width, area.height));
        if let Flow::Quit = fx.run(app, effects) {
            return Ok(None);
        }
    }
    let mut before = before;
    if std::mem::take(&mut fx.repaint) {
        screen.clear()?;
        before = None;
    }
    if let Some(Shown {
        queue_top: Some(old),
        area: old_area,
    }) = before
        && app.screen == app::Screen::Queue
        && area == old_area
    {
        let (top, bottom) = ui::queue_list_rows(area);
        let by = app.queue.top() as i64 - old as i64;
        if by != 0 && by.unsigned_abs() < u64::from(bottom.saturating_sub(top)) {
            screen.scroll(top, bottom, by as i32)?;
        }
    }
    screen.draw(area, |buf| ui::render(buf, area, app, texts))?;
    Ok(Some(Shown {
        queue_top: (app.screen == app::Screen::Queue).then(|| app.queue.top()),
        area,
    }))
}

/// How long until the office's next midnight, when "today" is not fixed.
fn until_midnight(opts: &Options) -> Option<Duration> {
    if opts.today.is_some() {
        return None;
    }
    let now = Utc::now().with_timezone(&opts.utc_offset);
    let next = now.date_naive().succ_opt()?.and_hms_opt(0, 0, 1)?;
    let wait = next
        .signed_duration_since(now.naive_local())
        .to_std()
        .ok()?;
    Some(wait)
}

fn to_msg(ev: Event) -> Option<Msg> {
    match ev {
        Event::Key(k) => Some(Msg::Key(k)),
        Event::Resize(w, h) => Some(Msg::Resize(w, h)),
        Event::Paste(text) => Some(Msg::Paste(text)),
        _ => None,
    }
}

//! The console: the terminal, the event loop, and the service behind it.
//!
//! The loop waits on one channel: terminal events (read by a thread of their own), the
//! service's answers (from the thread that talks to the service, so that drawing never waits
//! for the database), and, over the daemon's socket, the changes it pushes and the link's ups
//! and downs.
//!
//! One code path above the transport: [`run`] builds either an in-process [`Session`] on the
//! database or a [`Client`] on the daemon's socket, and everything from the keymap to the last
//! frame is the same [`Arc<dyn CaseApi>`] console. Over the socket the caller and "today" are
//! the daemon's (its welcome), never this process's, and so are the calendar and the register
//! the forms preview with (`Request::Reference`). It hands events to
//! [`app::update`], sends the effects it asks for to the service through [`CaseApi`] (the
//! in-process [`Session`] today, a socket client with the daemon), and draws. A key's effects
//! are all answered before the next key is handled, so keys typed ahead act on the screen they
//! open. It takes every event already waiting before it draws (a paste or a held key on a slow
//! link costs one frame, not fifty), and while nothing happens it writes nothing at all: no
//! clock, no spinner.

pub mod backend;
mod config;
mod drafts;
pub mod offline;
pub mod screen;
pub mod terminal;

use std::collections::VecDeque;
use std::path::PathBuf;
use std::sync::{Arc, mpsc};
use std::time::{Duration, Instant};

use anyhow::{Context, Result};
use chrono::{FixedOffset, NaiveDate, Utc};
use crossterm::event::{self, Event};

use crate::app::{self, App, Effect, Msg, StatusText};
use crate::client::{self, Client, Link};
use crate::domain::message::{Localize, Message};
use crate::i18n::{Lang, Texts};
use crate::keymap::{Keymap, ShippedKeymap};
use crate::reference::Reference;
use crate::service::{
    ApiError, Caller, CaseApi, CaseCommand, QueueQuery, Request, Response, Scope, Service, Session,
    identity,
};
use crate::ui::{self, theme::Profile};

pub use config::Config;
use offline::OfflineDrafts;

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
    /// `--connect`: the daemon's socket; `None`: the embedded console on `db`.
    pub connect: Option<PathBuf>,
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

/// What the console talks to, and what it learns from it before the first frame.
struct Backend {
    api: Arc<dyn CaseApi>,
    caller: Caller,
    today: NaiveDate,
    reference: Reference,
    clock: Clock,
    /// Over the socket: the socket's name and the link's news.
    link: Option<(String, mpsc::Receiver<Link>)>,
    /// Over the socket: where a draft goes that the daemon cannot take at a hang-up.
    offline: Option<OfflineDrafts>,
}

/// Where "today" comes from: this process's clock (or `--today`) for the embedded console,
/// the daemon for a console over its socket.
enum Clock {
    Local(Options),
    /// The daemon's date is asked for (who-am-i) at each office midnight by this process's
    /// clock, and arrives with every welcome after a reconnection; a daemon whose clock is a
    /// little behind is caught at the next of those.
    Daemon {
        client: Arc<Client>,
        utc_offset: FixedOffset,
        next: Instant,
    },
}

impl Clock {
    /// The office's date, if it is time to look: the local clock every time, the daemon only
    /// once its midnight has come.
    fn date(&mut self) -> Option<NaiveDate> {
        match self {
            Clock::Local(opts) => Some(today(opts)),
            Clock::Daemon {
                client,
                utc_offset,
                next,
            } => {
                if Instant::now() < *next {
                    return None;
                }
                *next = Instant::now() + office_midnight(*utc_offset).unwrap_or(Duration::MAX / 4);
                client.who_am_i().ok().map(|(_, today)| today)
            }
        }
    }

    /// How long until the date may change.
    fn wait(&self) -> Option<Duration> {
        match self {
            Clock::Local(opts) if opts.today.is_some() => None,
            Clock::Local(opts) => office_midnight(opts.utc_offset),
            Clock::Daemon { next, .. } => Some(next.saturating_duration_since(Instant::now())),
        }
    }
}

/// The console on the database (`opts.db`) with the service in-process.
fn embedded(opts: &Options) -> Result<Backend> {
    let reference = Reference::load(opts.data_dir.as_deref())?;
    let service = Service::open(&opts.db, reference)?;
    let caller = caller(&service)?;
    let reference = service.reference().clone();
    // The session is built here, from this process's account and the office's clock: what
    // the console asks never says who it is or what day it is.
    let clock = opts.clone();
    let session: Arc<dyn CaseApi> = Arc::new(Session::new(
        service,
        caller.clone(),
        Box::new(move || today(&clock)),
    ));
    Ok(Backend {
        api: session,
        caller,
        today: today(opts),
        reference,
        clock: Clock::Local(opts.clone()),
        link: None,
        offline: None,
    })
}

/// The console over the daemon's socket: the daemon's caller, date and reference data.
fn connected(
    opts: &Options,
    socket: &std::path::Path,
    texts: &Texts,
    lang: Lang,
) -> Result<Backend> {
    let words = |m: &Message| texts.message(lang, m);
    let client = Client::connect(socket).map_err(|e| anyhow::anyhow!(words(&e.message())))?;
    let link = client.subscribe();
    let (caller, today) = client.welcome();
    let sources = client
        .reference()
        .map_err(|e| anyhow::anyhow!(words(&e.message())))?;
    let reference = Reference::from_sources(sources).map_err(|e| {
        anyhow::anyhow!(words(
            &Message::new("client-reference").text("error", format!("{e:#}"))
        ))
    })?;
    let client = Arc::new(client);
    Ok(Backend {
        api: Arc::clone(&client) as Arc<dyn CaseApi>,
        caller,
        today,
        reference,
        clock: Clock::Daemon {
            client,
            utc_offset: opts.utc_offset,
            next: Instant::now() + office_midnight(opts.utc_offset).unwrap_or(Duration::MAX / 4),
        },
        link: Some((client::socket_name(socket), link)),
        offline: OfflineDrafts::default_dir().map(|dir| OfflineDrafts::new(dir, socket)),
    })
}

/// Opens the console, on the database or over the daemon's socket, and runs it until the
/// officer quits.
pub fn run(opts: Options) -> Result<()> {
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
    let Backend {
        api: session,
        caller,
        today: date,
        reference,
        mut clock,
        link,
        offline,
    } = match &opts.connect {
        None => embedded(&opts)?,
        Some(socket) => connected(&opts, socket, &texts, lang)?,
    };
    let mut app = App::new(lang, date, caller.login.clone(), keymap, profile)
        .with_measure(Box::new(ui::Measurer::new()?))
        .with_reference(reference);
    app.role = caller.role;
    app.utc_offset = opts.utc_offset;
    if let Some(n) = config.due_within {
        app.due_within = n;
    }
    if let Some((socket, _)) = &link {
        app.connection = Some(app::Connection {
            socket: socket.clone(),
            down: None,
        });
    }
    // Drafts a hang-up kept on this machine while the daemon was away go to the daemon now,
    // before the drafts are loaded and offered back.
    if let Some(offline) = &offline {
        let handed = offline.hand_over(&*session);
        problems.extend(handed.problems.into_iter().map(StatusText::Message));
    }
    // The console opens showing what was wrong with the officer's files, until dismissed.
    let _ = app::update(&mut app, Msg::Problems(problems));
    let query = QueueQuery {
        scope: scope_of(&caller),
        include_closed: true,
        ..QueueQuery::default()
    };

    let (mut screen, _guard) = terminal::enter()?;
    let mut fx = Effects::new(&*session, &texts, &query);
    let (tx, inbox) = mpsc::channel();
    let worker = worker(Arc::clone(&session), tx.clone())?;
    let desk = drafts::Desk::start(Arc::clone(&session), tx.clone(), offline)?;
    if let Some((_, news)) = link {
        forward_link(news, tx.clone())?;
    }
    read_terminal(tx)?;
    let mut lp = Loop {
        app: &mut app,
        fx: &mut fx,
        worker,
        drafts: desk,
        waiting: VecDeque::new(),
        asked: None,
        events: VecDeque::new(),
        dirty: true,
    };
    // The state learns its size before the first frame (which checks it again).
    let area = screen.area()?;
    lp.update(Msg::Resize(area.width, area.height));
    if let Flow::Quit = lp.pump()? {
        return Ok(());
    }
    // First paint before anything is loaded: the frame and the header.
    let Some(mut shown) = lp.frame(&mut screen, &texts, None)? else {
        return Ok(());
    };
    lp.waiting.push_back(Effect::LoadQueue);
    // The drafts left by the last session are offered back once the queue is there.
    lp.waiting.push_back(Effect::LoadDrafts);
    loop {
        lp.drafts.send_due(Instant::now());
        if let Flow::Quit = lp.pump()? {
            return Ok(());
        }
        // Events typed ahead are handled one at a time, each only after every effect of the
        // one before was answered: `Enter q` typed ahead opens the case and then closes it, as
        // it would have done typed slowly, instead of `q` quitting the queue behind a case still
        // loading.
        if !lp.busy()
            && let Some(ev) = lp.events.pop_front()
        {
            if let Some(msg) = to_msg(ev) {
                lp.update(msg);
            }
            continue;
        }
        // Everything already waiting is taken before a frame: one frame for a paste or a held
        // key, not fifty.
        match inbox.try_recv() {
            Ok(incoming) => {
                lp.take(incoming)?;
                continue;
            }
            Err(mpsc::TryRecvError::Empty) => {}
            Err(mpsc::TryRecvError::Disconnected) => return Ok(()),
        }
        if lp.busy() {
            // Waiting for the service: a slow answer still lets a resize or a message show.
            match inbox.recv_timeout(SLOW_ANSWER) {
                Ok(incoming) => lp.take(incoming)?,
                Err(mpsc::RecvTimeoutError::Timeout) => {
                    if lp.dirty {
                        shown = lp.frame(&mut screen, &texts, Some(shown))?.unwrap_or(shown);
                    }
                }
                Err(mpsc::RecvTimeoutError::Disconnected) => return Ok(()),
            }
            continue;
        }
        // Midnight: the next frame uses the new date (and reloads the queue with it).
        if let Some(now) = clock.date()
            && now != lp.app.today
        {
            lp.update(Msg::Today(now));
            continue;
        }
        if lp.dirty {
            match lp.frame(&mut screen, &texts, Some(shown))? {
                Some(s) => shown = s,
                None => return Ok(()),
            }
            // Something the frame itself asked for (a resize's effects) comes first.
            if lp.busy() {
                continue;
            }
        }
        // After the frame is out, before waiting for keys: work that shows nothing.
        if lp.app.queue.needs_index() {
            let effects = app::update(lp.app, Msg::Idle);
            lp.waiting.extend(effects);
            if lp.busy() {
                continue;
            }
        }
        // Nothing to do: wait for the next event (or, with no fixed date, until midnight: one
        // redraw then rolls the date over; or until a draft is due). Nothing is drawn while
        // idle.
        let draft_due = lp
            .drafts
            .deadline()
            .map(|d| d.saturating_duration_since(Instant::now()));
        let wait = match (clock.wait(), draft_due) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
        let incoming = match wait {
            Some(wait) => match inbox.recv_timeout(wait) {
                Ok(i) => Some(i),
                Err(mpsc::RecvTimeoutError::Timeout) => None,
                Err(mpsc::RecvTimeoutError::Disconnected) => return Ok(()),
            },
            None => match inbox.recv() {
                Ok(i) => Some(i),
                Err(_) => return Ok(()),
            },
        };
        if let Some(i) = incoming {
            lp.take(i)?;
        }
    }
}

/// Whose cases the console's queue asks for: every case for a reader of all (a supervisor, an
/// auditor), an officer's own and the unassigned ones otherwise.
fn scope_of(caller: &Caller) -> Scope {
    if caller.reads_all() {
        Scope::All
    } else {
        Scope::MineAndUnassigned
    }
}

/// How long the loop waits for the service before it draws what it has (a resize, a message).
const SLOW_ANSWER: Duration = Duration::from_millis(150);

/// What arrives on the console's one channel: terminal events, the service's answers, and
/// (with the daemon) the changes it pushes.
enum Incoming {
    Terminal(Event),
    /// The terminal cannot be read any more.
    TerminalGone(std::io::Error),
    Answer(Asked, Response),
    /// The answer to a draft saved or deleted (on the drafts' own thread: nothing waits for
    /// it).
    Drafted(Asked, Response),
    /// The service's thread ended without answering (it panicked).
    ServiceGone,
    /// Over the socket: a change notice, or the link went down or came back.
    Pushed(Link),
}

/// A thread that hands the client's news to the console's channel.
fn forward_link(news: mpsc::Receiver<Link>, tx: mpsc::Sender<Incoming>) -> Result<()> {
    std::thread::Builder::new()
        .name("link".into())
        .spawn(move || {
            for link in news {
                if tx.send(Incoming::Pushed(link)).is_err() {
                    return;
                }
            }
        })?;
    Ok(())
}

/// A thread that reads the terminal into the channel, so that the loop waits on one channel
/// for keys and answers alike.
fn read_terminal(tx: mpsc::Sender<Incoming>) -> Result<()> {
    std::thread::Builder::new()
        .name("terminal".into())
        .spawn(move || {
            loop {
                let incoming = match event::read() {
                    Ok(ev) => Incoming::Terminal(ev),
                    Err(e) => {
                        let _ = tx.send(Incoming::TerminalGone(e));
                        return;
                    }
                };
                if tx.send(incoming).is_err() {
                    return;
                }
            }
        })?;
    Ok(())
}

/// The thread that talks to the service, off the drawing thread: requests in order, each
/// answer sent back on the console's channel.
fn worker(
    api: Arc<dyn CaseApi>,
    tx: mpsc::Sender<Incoming>,
) -> Result<mpsc::Sender<(Asked, Request)>> {
    let (ask, requests) = mpsc::channel::<(Asked, Request)>();
    /// Tells the loop when the thread ends unwinding: a request then never gets its answer,
    /// and the loop must not wait for it.
    struct Gone(mpsc::Sender<Incoming>);
    impl Drop for Gone {
        fn drop(&mut self) {
            if std::thread::panicking() {
                let _ = self.0.send(Incoming::ServiceGone);
            }
        }
    }
    std::thread::Builder::new()
        .name("service".into())
        .spawn(move || {
            let gone = Gone(tx);
            for (asked, request) in requests {
                let response = api.call(request);
                if gone.0.send(Incoming::Answer(asked, response)).is_err() {
                    return;
                }
            }
        })?;
    Ok(ask)
}

/// The console's loop state: the effects still to carry out for the event being handled, the
/// request the service is answering, and the terminal events that wait for them.
struct Loop<'a, 'b> {
    app: &'a mut App,
    fx: &'a mut Effects<'b>,
    worker: mpsc::Sender<(Asked, Request)>,
    /// Drafts: debounced, saved off this thread, and on a signal.
    drafts: drafts::Desk,
    waiting: VecDeque<Effect>,
    asked: Option<Asked>,
    events: VecDeque<Event>,
    /// The state changed since the last frame.
    dirty: bool,
}

impl Loop<'_, '_> {
    /// Effects are pending or being answered: terminal events wait.
    fn busy(&self) -> bool {
        self.asked.is_some() || !self.waiting.is_empty()
    }

    fn update(&mut self, msg: Msg) {
        self.dirty = true;
        let effects = app::update(self.app, msg);
        self.waiting.extend(effects);
    }

    /// Carries out the waiting effects in order until one waits for the service.
    fn pump(&mut self) -> Result<Flow> {
        while self.asked.is_none() {
            let Some(effect) = self.waiting.pop_front() else {
                break;
            };
            // Drafts go to their desk, which sends them a little later, on their own thread.
            let effect = match effect {
                Effect::SaveDraft { key, fields, edit } => {
                    self.drafts.save(key, fields, edit, Instant::now());
                    continue;
                }
                Effect::DeleteDraft(key) => {
                    self.drafts.delete(key);
                    continue;
                }
                other => other,
            };
            match self.fx.step(self.app, effect) {
                Step::Quit => return Ok(Flow::Quit),
                Step::Done => {}
                Step::Answer(msg) => self.update(msg),
                Step::Ask(asked, request) => {
                    self.worker
                        .send((asked.clone(), request))
                        .map_err(|_| anyhow::anyhow!("the service thread ended"))?;
                    self.asked = Some(asked);
                }
            }
        }
        Ok(Flow::Go)
    }

    fn take(&mut self, incoming: Incoming) -> Result<()> {
        match incoming {
            Incoming::Terminal(ev) => self.events.push_back(ev),
            Incoming::TerminalGone(e) => return Err(e).context("the terminal cannot be read"),
            Incoming::ServiceGone => anyhow::bail!(
                "the service thread stopped unexpectedly; start merzim again (every acknowledged change is saved)"
            ),
            Incoming::Drafted(asked, response) => {
                // A draft the daemon could not take is sent again when the link is back.
                if let Response::Error {
                    error: ApiError::Unavailable { .. },
                } = &response
                {
                    self.drafts.failed(&asked);
                }
                let msg = self.fx.reply(self.app.lang, asked, response);
                self.update(msg);
            }
            Incoming::Pushed(link) => match link {
                Link::Changed(cases) => self.update(Msg::Changed(
                    cases
                        .into_iter()
                        .map(|c| app::CaseChange {
                            number: c.number,
                            version: c.version,
                        })
                        .collect(),
                )),
                Link::Resync => self.update(Msg::Resync),
                Link::Down { message } => self.update(Msg::LinkDown(message)),
                Link::Up { caller, today } => {
                    if today != self.app.today {
                        self.update(Msg::Today(today));
                    }
                    self.follow(caller);
                    self.update(Msg::LinkUp);
                    self.drafts.retry(Instant::now());
                }
                Link::Caller(caller) => self.follow(caller),
            },
            Incoming::Answer(asked, response) => {
                self.asked = None;
                let msg = self.fx.reply(self.app.lang, asked, response);
                self.update(msg);
                for msg in self.fx.take_later() {
                    self.update(msg);
                }
            }
        }
        Ok(())
    }

    /// The daemon acts for `caller` now: the queue asks for what the role reads, and the
    /// state shows the login and role.
    fn follow(&mut self, caller: Caller) {
        self.fx.set_scope(scope_of(&caller));
        self.update(Msg::Caller {
            login: caller.login,
            role: caller.role,
        });
    }

    fn frame(
        &mut self,
        screen: &mut terminal::Screen,
        texts: &Texts,
        before: Option<Shown>,
    ) -> Result<Option<Shown>> {
        self.dirty = false;
        frame(screen, self.app, texts, before, self.fx, &mut self.waiting)
    }
}

/// Carries out what `update` asks for through the service, and answers with a message: the one
/// effect runner of the console, shared with the tests that drive `update`.
///
/// An effect is taken in two halves, so that the console's loop can have the service answer
/// on another thread: [`Effects::step`] says what it asks of the service (or answers it at
/// once), [`Effects::reply`] turns the service's answer into a message. [`Effects::answer`]
/// does both in turn.
pub struct Effects<'a> {
    api: &'a dyn CaseApi,
    /// Errors from the service are put into words in the reader's language here, at the edge.
    texts: &'a Texts,
    query: &'a QueueQuery,
    /// Whose cases the queue asks for, when no longer the query's (the caller's role changed).
    scope: Option<Scope>,
    /// A repaint was asked for: the next frame forgets what the terminal shows.
    repaint: bool,
    /// Messages an answer brought besides itself, delivered after it.
    later: Vec<Msg>,
}

/// Whether the console goes on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flow {
    Go,
    Quit,
}

/// Which message the answer to a request becomes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Asked {
    Queue,
    Case,
    Execute,
    /// A letter, to be written to the officer's file.
    Letter {
        path: String,
    },
    /// The officer's drafts.
    Drafts,
    /// A form's draft saved up to its `edit`-th edit.
    SaveDraft {
        key: crate::service::DraftKey,
        edit: u64,
    },
    /// A form's draft deleted.
    DeleteDraft {
        key: crate::service::DraftKey,
    },
    /// The dashboard's counts.
    Dashboard,
    /// The database's users.
    Users,
    /// A bulk change of the marked cases.
    Bulk,
}

/// What one effect takes.
#[derive(Debug)]
pub enum Step {
    /// Quit the console.
    Quit,
    /// Done, nothing to answer (a repaint).
    Done,
    /// Answered at once, without the service.
    Answer(Msg),
    /// A request for the service; its answer becomes a message through [`Effects::reply`].
    Ask(Asked, Request),
}

impl<'a> Effects<'a> {
    /// A runner for the console of the session behind `api`, loading the queue with `query`.
    pub fn new(api: &'a dyn CaseApi, texts: &'a Texts, query: &'a QueueQuery) -> Effects<'a> {
        Effects {
            api,
            texts,
            query,
            scope: None,
            repaint: false,
            later: Vec::new(),
        }
    }

    /// The queue asks for `scope` from now on (the daemon says the caller's role changed).
    pub fn set_scope(&mut self, scope: Scope) {
        self.scope = Some(scope);
    }

    /// What `effect` asks of the service, or its answer when it needs none.
    pub fn step(&mut self, app: &App, effect: Effect) -> Step {
        match effect {
            Effect::Quit => Step::Quit,
            Effect::Repaint => {
                self.repaint = true;
                Step::Done
            }
            Effect::LoadQueue => {
                let mut query = self.query.clone();
                if let Some(scope) = &self.scope {
                    query.scope = scope.clone();
                }
                Step::Ask(Asked::Queue, Request::Queue { query })
            }
            Effect::LoadCase(number) => Step::Ask(Asked::Case, Request::Case { number }),
            Effect::LoadDrafts => Step::Ask(Asked::Drafts, Request::Drafts),
            Effect::LoadDashboard => Step::Ask(
                Asked::Dashboard,
                Request::Dashboard {
                    within: app.due_within,
                    as_of: app.dashboard.as_of,
                },
            ),
            Effect::LoadUsers => Step::Ask(Asked::Users, Request::Users),
            Effect::Bulk { items, command } => {
                Step::Ask(Asked::Bulk, Request::Bulk { items, command })
            }
            // The console's loop debounces these first (see `drafts::Desk`); run here they go
            // at once.
            Effect::SaveDraft { key, fields, edit } => Step::Ask(
                Asked::SaveDraft {
                    key: key.clone(),
                    edit,
                },
                Request::SaveDraft { key, fields },
            ),
            Effect::DeleteDraft(key) => Step::Ask(
                Asked::DeleteDraft { key: key.clone() },
                Request::DeleteDraft { key },
            ),
            // A new case has no number and no version yet: the register gives the number.
            Effect::Execute {
                number: None,
                command: CaseCommand::Register { case, assignee },
                ..
            } => Step::Ask(Asked::Execute, Request::Register { case, assignee }),
            Effect::Execute {
                number: Some(number),
                expected_version: Some(expected_version),
                command,
            } => Step::Ask(
                Asked::Execute,
                Request::Execute {
                    number,
                    expected_version,
                    command,
                },
            ),
            Effect::WriteLetter { number, kind, path } => {
                match crate::letters::Format::from_path(std::path::Path::new(&path)) {
                    Ok(format) => Step::Ask(
                        Asked::Letter { path },
                        Request::Letter {
                            number,
                            kind,
                            lang: app.lang,
                            format,
                        },
                    ),
                    Err(e) => {
                        Step::Answer(Msg::LetterWritten(Err(e.message(self.texts, app.lang))))
                    }
                }
            }
            // The console always says which version a change was based on.
            Effect::Execute { .. } => Step::Answer(Msg::Executed(Err(ApiError::Invalid {
                field: String::new(),
                message: Message::new("api-no-version"),
            }))),
        }
    }

    /// The message the service's answer to `asked` becomes; errors in the reader's words.
    /// Messages besides the answer itself wait in [`Effects::later`] (see [`Effects::take_later`]).
    pub fn reply(&mut self, lang: Lang, asked: Asked, response: Response) -> Msg {
        let words = |e: ApiError| self.texts.message(lang, &e.message());
        match (asked, response) {
            (Asked::Queue, Response::Queue { rows, damaged }) => {
                // One damaged record never hides the rest; it is named until dismissed.
                if !damaged.is_empty() {
                    self.later.push(Msg::Damaged(damaged));
                }
                Msg::QueueLoaded(Ok(rows))
            }
            (Asked::Case, Response::Case { view }) => Msg::CaseLoaded(Box::new(Ok(*view))),
            (Asked::Execute, Response::Executed { done }) => Msg::Executed(Ok(done)),
            (Asked::Drafts, Response::Drafts { drafts }) => Msg::DraftsLoaded(Ok(drafts)),
            (Asked::SaveDraft { key, edit }, Response::DraftSaved { .. }) => Msg::DraftSaved {
                key,
                edit,
                result: Ok(()),
            },
            (Asked::DeleteDraft { .. }, Response::DraftDeleted { .. }) => Msg::DraftDeleted(Ok(())),
            (Asked::Dashboard, Response::Dashboard { dashboard }) => {
                Msg::DashboardLoaded(Box::new(Ok(*dashboard)))
            }
            (Asked::Users, Response::Users { users }) => Msg::UsersLoaded(Ok(users)),
            (Asked::Bulk, Response::Bulk { results }) => Msg::BulkDone(Ok(results)),
            (Asked::Letter { path }, Response::Letter { bytes }) => {
                Msg::LetterWritten(std::fs::write(&path, bytes).map(|()| path.clone()).map_err(
                    |e| {
                        self.texts.tr_args(
                            lang,
                            "form-letter-write-failed",
                            &[
                                ("path", crate::i18n::Arg::from(path.as_str())),
                                ("error", crate::i18n::Arg::from(e.to_string())),
                            ],
                        )
                    },
                ))
            }
            (asked, other) => {
                let error = match other {
                    Response::Error { error } => error,
                    _ => ApiError::Internal {
                        message: Message::new("api-unexpected-answer")
                            .text("answer", format!("{asked:?}")),
                    },
                };
                match asked {
                    Asked::Queue => Msg::QueueLoaded(Err(words(error))),
                    // The case is not there for this officer any more (reassigned, or gone):
                    // the console must not go on showing what it last knew of it.
                    Asked::Case
                        if matches!(
                            error,
                            ApiError::Forbidden { .. } | ApiError::NotFound { .. }
                        ) =>
                    {
                        Msg::CaseGone(words(error))
                    }
                    Asked::Case => Msg::CaseLoaded(Box::new(Err(words(error)))),
                    // Typed: the form shows it at the field it names.
                    Asked::Execute => Msg::Executed(Err(error)),
                    Asked::Letter { .. } => Msg::LetterWritten(Err(words(error))),
                    Asked::Drafts => Msg::DraftsLoaded(Err(words(error))),
                    Asked::SaveDraft { key, edit } => Msg::DraftSaved {
                        key,
                        edit,
                        result: Err(words(error)),
                    },
                    Asked::DeleteDraft { .. } => Msg::DraftDeleted(Err(words(error))),
                    Asked::Dashboard => Msg::DashboardLoaded(Box::new(Err(words(error)))),
                    Asked::Users => Msg::UsersLoaded(Err(words(error))),
                    Asked::Bulk => Msg::BulkDone(Err(words(error))),
                }
            }
        }
    }

    /// Messages an answer brought besides itself, to be handled after it.
    pub fn take_later(&mut self) -> Vec<Msg> {
        std::mem::take(&mut self.later)
    }

    /// The answer to one effect, if it has one (`Quit` and `Repaint` have none).
    pub fn answer(&mut self, app: &App, effect: Effect) -> Option<Msg> {
        match self.step(app, effect) {
            Step::Quit | Step::Done => None,
            Step::Answer(msg) => Some(msg),
            Step::Ask(asked, request) => {
                let response = self.api.call(request);
                Some(self.reply(app.lang, asked, response))
            }
        }
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
            for msg in self.take_later() {
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
    waiting: &mut VecDeque<Effect>,
) -> Result<Option<Shown>> {
    let area = screen.area()?;
    if (area.width, area.height) != (app.width, app.height) {
        for effect in app::update(app, Msg::Resize(area.width, area.height)) {
            match effect {
                Effect::Quit => return Ok(None),
                Effect::Repaint => fx.repaint = true,
                // Anything else a resize asks for is carried out after this frame.
                other => waiting.push_back(other),
            }
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

/// How long until the office's next midnight (a second after it).
fn office_midnight(utc_offset: FixedOffset) -> Option<Duration> {
    let now = Utc::now().with_timezone(&utc_offset);
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
        // Bracketed paste: one event for the whole text.
        Event::Paste(text) => Some(Msg::Paste(text)),
        _ => None,
    }
}

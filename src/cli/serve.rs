//! `merzim serve`: the daemon that owns the database and serves every console of the office on
//! a Unix socket (see [`crate::server`]).

use std::path::PathBuf;
use std::time::Duration;

use clap::Args;

use super::{Cli, Failure, Ui, service_failure};
use crate::domain::message::Localize;
use crate::reference::Reference;
use crate::server::{self, DEFAULT_SOCKET, Limits, ServeError};

#[derive(Debug, Args)]
pub struct ServeArgs {
    /// The socket to listen on when systemd hands none over (socket activation).
    #[arg(long, default_value = DEFAULT_SOCKET)]
    pub socket: PathBuf,
    /// The group that may connect to the socket (default: the daemon's own group).
    #[arg(long)]
    pub group: Option<String>,
    /// Append the log to this file (default: stderr, which is the journal under systemd).
    #[arg(long)]
    pub log: Option<PathBuf>,
    /// Connections served at once; more are told so and closed.
    #[arg(long, default_value_t = 512)]
    pub max_connections: usize,
    /// Half a frame, then silence for this long: that connection is closed (tests shorten it).
    #[arg(
        long,
        hide = true,
        env = "MERZIM_SERVE_FRAME_TIMEOUT_MS",
        default_value_t = 30_000
    )]
    pub frame_timeout_ms: u64,
    /// A client that reads nothing for this long is dropped (tests shorten it).
    #[arg(
        long,
        hide = true,
        env = "MERZIM_SERVE_WRITE_TIMEOUT_MS",
        default_value_t = 10_000
    )]
    pub write_timeout_ms: u64,
}

pub fn run(args: &ServeArgs, cli: &Cli, reference: Reference, ui: &Ui) -> Result<(), Failure> {
    let fail = |e: ServeError| match e {
        ServeError::Store(e) => service_failure(e.into(), ui),
        e => Failure::other(ui.texts.message(ui.lang, &e.message())),
    };
    server::init_logging(args.log.as_deref()).map_err(fail)?;
    let opts = server::Options {
        db: cli.db_path()?,
        socket: args.socket.clone(),
        group: args.group.clone(),
        today: cli.today,
        utc_offset: cli.utc_offset,
        limits: Limits {
            frame_timeout: Duration::from_millis(args.frame_timeout_ms.max(1)),
            write_timeout: Duration::from_millis(args.write_timeout_ms.max(1)),
            max_connections: args.max_connections.max(1),
            ..Limits::default()
        },
    };
    server::run(opts, reference).map_err(fail)
}

//! `merzim demo [--cases N] [--seed S]`: a database of realistic synthetic cases to try the
//! console on.

use chrono::NaiveDate;
use clap::Args;

use super::{Failure, Ui, os_actor, say};
use crate::service::demo::{self, DemoOptions};
use crate::service::{Role, Service, User};

#[derive(Debug, Args)]
pub struct DemoArgs {
    /// How many cases.
    #[arg(long, default_value_t = 2_000)]
    pub cases: usize,
    /// The random seed: the same seed and --today give the same database.
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// Open the console on the database once it is filled.
    #[arg(long)]
    pub open: bool,
}

pub fn run(args: &DemoArgs, svc: &Service, today: NaiveDate, ui: &Ui) -> Result<(), Failure> {
    let me = os_actor(svc);
    let opts = DemoOptions {
        cases: args.cases,
        today,
        seed: args.seed,
        supervisor: User {
            uid: me.uid,
            login: me.login.clone(),
            name: me.name.clone(),
            role: Role::Supervisor,
            disabled: false,
        },
    };
    let started = std::time::Instant::now();
    let report = demo::fill(svc, &opts).map_err(|e| super::service_failure(e, ui))?;
    let officers: Vec<&str> = report
        .users
        .iter()
        .filter(|u| u.role == Role::Officer)
        .map(|u| u.login.as_str())
        .collect();
    say(&ui.t(
        "cli-demo-done",
        &[
            ("count", report.cases.into()),
            ("today", today.to_string().into()),
            ("path", svc.store().location().to_string().into()),
            (
                "seconds",
                format!("{:.1}", started.elapsed().as_secs_f64()).into(),
            ),
            ("login", me.login.clone().into()),
            ("uid", me.uid.to_string().into()),
            ("officers", officers.join(", ").into()),
        ],
    ));
    Ok(())
}

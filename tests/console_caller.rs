//! The console follows the caller the daemon acts for (issue 9: identity kept honest): a
//! welcome with another role or login, after a reconnection or while the link is up, changes
//! the header, what the keys may do and the queue at once, and says so; the same caller again
//! changes nothing.

mod common;

use common::desk::*;
use merzim::app::{Effect, Msg};
use merzim::domain::vocabulary::{Addressee, Medium};
use merzim::service::Role;

#[test]
fn a_new_role_from_the_daemon_shows_at_once_and_reloads_the_queue() {
    let f = fixture();
    complaint(&f, Addressee::LocalBody, d(2026, 11, 20), Medium::Paper);
    let mut app = console(&f, &f.officer);
    let login = f.officer.login.clone();
    assert!(
        screen(&app).contains(&format!("{login} (officer)")),
        "{}",
        screen(&app)
    );
    keys(&f, &f.officer, &mut app, "/Құжат");
    let typed = app.input.as_ref().unwrap().text.clone();

    // The same caller again (every reconnection's welcome): nothing happens.
    let same = merzim::app::update(
        &mut app,
        Msg::Caller {
            login: login.clone(),
            role: Role::Officer,
        },
    );
    assert!(same.is_empty(), "{same:?}");
    assert!(app.status.is_none());

    let seen = merzim::app::update(
        &mut app,
        Msg::Caller {
            login: login.clone(),
            role: Role::Supervisor,
        },
    );
    assert_eq!(seen, vec![Effect::LoadQueue]);
    assert_eq!(app.role, Role::Supervisor);
    let s = screen(&app);
    assert!(s.contains(&format!("{login} (supervisor)")), "{s}");
    assert!(
        status(&app).contains(&format!(
            "A supervisor changed your account: you work as {login}, supervisor"
        )),
        "{}",
        status(&app)
    );
    // What was being typed is untouched.
    assert_eq!(app.input.as_ref().unwrap().text, typed);
}

//! The console's keys end to end in a real pseudo-terminal (tmux at 80x24): the Russian
//! layout's `/` key (`.`) opens the filter, Ctrl-c cancels a prompt instead of quitting, `й`
//! typed in the middle of Russian text asks before quitting, `:sort` and `r` say what they did.
//!
//! (The tmux harness is the one of `console_pty.rs`.)

mod common;

use common::tmux::{Tmux, console_cmd, demo_db};

#[test]
fn russian_layout_filter_key_and_ctrl_c_in_a_prompt() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    let t = Tmux::start(&console_cmd(&db, dir.path()));
    t.wait_for("Open cases");
    // The key marked '/' gives '.' in the Russian layout.
    t.literal(".");
    t.wait_for("Filter:");
    t.literal("KZ-2026");
    t.wait_for("Filter: KZ-2026");
    // Ctrl-c drops the filter being typed; the console stays.
    t.keys(&["C-c"]);
    let s = t.wait_until("the prompt gone", |s| !s.contains("Filter:"));
    assert!(s.contains("Open cases") && !s.contains("EXITED"), "{s}");
    assert!(!s.contains("/KZ-2026"), "the filter is dropped:\n{s}");
    // The same in the command line, then the command it runs says what it did.
    t.keys(&[":"]);
    t.literal("sort due");
    t.wait_for("Command: sort due");
    t.keys(&["C-c"]);
    let s = t.wait_until("the command line gone", |s| !s.contains("Command:"));
    assert!(!s.contains("EXITED") && !s.contains("Sorted by"), "{s}");
    t.keys(&[":"]);
    t.literal("so");
    t.keys(&["Tab"]);
    t.wait_for("Command: sort");
    t.literal("due desc");
    t.keys(&["Enter"]);
    t.wait_for("Sorted by due, descending");
    t.keys(&["r"]);
    t.wait_for("Cases reloaded: 300");
    // Russian text typed into the queue by mistake: й asks first, a second й quits.
    t.literal("Бой");
    t.wait_for("Quit? Press й again");
    assert!(!t.screen().contains("EXITED"));
    t.literal("й");
    let end = t.wait_for("DONE");
    assert!(end.contains("EXITED 0"), "{end}");
    assert!(end.lines().any(|l| l.trim() == "icanon"), "{end}");
}

#[test]
fn ctrl_c_outside_a_prompt_quits() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    let t = Tmux::start(&console_cmd(&db, dir.path()));
    t.wait_for("Open cases");
    t.keys(&["C-c"]);
    let end = t.wait_for("DONE");
    assert!(end.contains("EXITED 0"), "{end}");
}

//! The officer's whole day end to end in a real pseudo-terminal (tmux at 80x24): register a
//! complaint with Kazakh and Russian text (the text pasted with bracketed paste), extend it,
//! record the extension notice, the answer, decide and close it; then `merzim export` has every
//! step in the history, in order, by the officer at the console.
//!
//! (The tmux harness is the one of `console_pty.rs`.)

use std::path::Path;
use std::process::Command;

mod common;

use common::tmux::Tmux;

/// The console on `db`, then a line that says it exited.
fn console_cmd(db: &Path, config: &Path) -> String {
    format!(
        "MERZIM_CONFIG_DIR={} {} --db {} --today 2026-11-23 --lang en; echo EXITED $?; echo DONE; sleep 60",
        config.display(),
        env!("CARGO_BIN_EXE_merzim"),
        db.display()
    )
}

/// A valid IIN (born 12 Apr 1987, a man).
fn iin() -> String {
    let mut n = [8, 7, 0, 4, 1, 2, 3, 0, 0, 1, 2];
    for bump in 0..10u8 {
        n[8] = bump;
        if let Some(s) = merzim::domain::ids::with_check_digit(&n) {
            return s;
        }
    }
    panic!("no IIN");
}

#[test]
fn register_extend_notify_answer_decide_close_then_export() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("day.db");
    // A new office database whose one user is the officer at this account.
    let me = merzim::service::identity::account_by_uid(merzim::service::identity::current_uid())
        .unwrap();
    let added = Command::new(env!("CARGO_BIN_EXE_merzim"))
        .arg("--db")
        .arg(&db)
        .args([
            "users",
            "add",
            &me.login,
            "--name",
            "Айгерім Сәтбаева",
            "--role",
            "officer",
        ])
        .output()
        .unwrap();
    assert!(
        added.status.success(),
        "{}",
        String::from_utf8_lossy(&added.stderr)
    );
    let t = Tmux::start(&console_cmd(&db, dir.path()));
    t.wait_for("new");
    // Register: Kazakh name, an IIN, a Russian subject, a pasted text in both languages.
    t.keys(&["n"]);
    t.wait_for("New case");
    t.keys(&["Tab"]);
    t.literal("Әлия Серікқызы");
    t.keys(&["Tab"]);
    t.literal(&iin());
    t.wait_for("a valid IIN");
    t.keys(&["Tab"]);
    t.literal("Алматы, +7 701 111 22 33");
    t.keys(&["Tab", "Tab", "Tab", "Tab"]);
    t.literal("Справка не выдана в срок");
    t.keys(&["Tab"]);
    t.paste("Мен анықтама алмадым.\nЯ не получил справку вовремя.");
    t.wait_for("вовремя");
    // Registered Mon 23 Nov 2026 to a local body: due Mon 30 Nov (Art. 25.2).
    t.wait_for("Due date: 2026-11-30");
    t.keys(&["F2"]);
    t.wait_for("Registered as KZ-2026-000001");
    // Extend by 5 working days: due Mon 7 Dec; the notice owed by Thu 26 Nov.
    t.keys(&["e"]);
    t.wait_for("Extend the term");
    t.keys(&["Tab"]);
    t.literal("5");
    t.keys(&["Tab"]);
    t.literal("Қосымша тексеру / дополнительная проверка");
    t.wait_for("New due date: 2026-12-07");
    t.wait_for("Extension notice owed by 2026-11-26");
    t.keys(&["F2"]);
    t.wait_for("Extend the term: saved");
    // The extension notice letter, written to a file the officer names.
    let letter = dir.path().join("notice.txt");
    t.keys(&["W"]);
    t.wait_for("Letter");
    t.keys(&["Tab"]);
    for _ in 0..40 {
        t.keys(&["BSpace"]);
    }
    t.literal(&letter.display().to_string());
    t.keys(&["F2"]);
    t.wait_for("Letter written to");
    let text = std::fs::read_to_string(&letter).unwrap();
    assert!(
        text.contains("KZ-2026-000001") && text.contains("07.12.2026"),
        "{text}"
    );
    // The same letter as a .docx, read back as a Word document.
    let docx = dir.path().join("notice.docx");
    t.keys(&["W"]);
    t.wait_for("Letter");
    t.keys(&["Tab"]);
    for _ in 0..80 {
        t.keys(&["BSpace"]);
    }
    t.literal(&docx.display().to_string());
    t.keys(&["F2"]);
    t.wait_until("the .docx written", |s| {
        s.contains("Letter written to") && s.contains("docx")
    });
    let bytes = std::fs::read(&docx).unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a .docx is a zip");
    let mut xml = String::new();
    std::io::Read::read_to_string(
        &mut zip.by_name("word/document.xml").expect("word/document.xml"),
        &mut xml,
    )
    .unwrap();
    assert!(
        xml.contains("KZ-2026-000001") && xml.contains("07.12.2026"),
        "{xml}"
    );
    // The extension notice, in writing (filed on paper), with its outgoing number.
    t.keys(&["n"]);
    t.wait_for("Notice sent");
    t.keys(&["Tab", "Tab", "Tab"]);
    t.literal("№ 01-12/345");
    t.keys(&["F2"]);
    t.wait_for("Notice sent: saved");
    // The answer.
    t.keys(&["a"]);
    t.wait_for("Answer given");
    t.keys(&["Tab", "Tab"]);
    t.literal("№ 01-12/400");
    t.keys(&["F2"]);
    t.wait_for("Answer given: saved");
    // Decide and close: each asks first, saying what will happen.
    t.keys(&["d", "F2"]);
    t.wait_for("A decision cannot be changed");
    t.keys(&["y"]);
    t.wait_for("Decision: saved");
    t.keys(&["x", "F2"]);
    t.wait_for("It leaves the open queue");
    t.keys(&["y"]);
    t.wait_for("Close: saved");
    t.keys(&["q"]);
    t.wait_for("Open cases");
    t.keys(&["q"]);
    let end = t.wait_for("DONE");
    assert!(end.contains("EXITED 0"), "{end}");

    let out = Command::new(env!("CARGO_BIN_EXE_merzim"))
        .args(["--today", "2026-11-23", "--db"])
        .arg(&db)
        .arg("export")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    let case: serde_json::Value = serde_json::from_str(text.lines().next().unwrap()).unwrap();
    assert_eq!(case["number"], "KZ-2026-000001");
    assert_eq!(
        case["text"],
        "Мен анықтама алмадым.\nЯ не получил справку вовремя."
    );
    let history = case["history"].as_array().unwrap();
    let steps: Vec<&str> = history
        .iter()
        .map(|e| e["what"]["event"].as_str().unwrap())
        .collect();
    assert_eq!(
        steps,
        [
            "registered",
            "extended",
            "notice-sent",
            "answer-sent",
            "decided",
            "closed"
        ]
    );
    for e in history {
        assert_eq!(e["by"]["login"], me.login.as_str(), "{e}");
        assert_eq!(e["by"]["name"], "Айгерім Сәтбаева", "{e}");
    }
    assert_eq!(history[1]["what"]["days"], 5);
    assert_eq!(history[2]["what"]["reference"], "№ 01-12/345");
    assert_eq!(history[3]["what"]["reference"], "№ 01-12/400");
}

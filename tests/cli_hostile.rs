//! Every error path of the command line, fed hostile values: no raw C0 (but newline and tab),
//! C1, bidi or invisible character ever reaches stdout or stderr, and bad input exits with
//! status 2 in one line. The paths are enumerated, and counted, so the test cannot pass by
//! running nothing.

use std::path::{Path, PathBuf};
use std::process::Output;

use assert_cmd::Command;

/// The hostile values: ESC with CSI, OSC (set the window title), the C1 CSI, C1 NEL and OSC,
/// a right-to-left override, a zero-width space, a BOM, a tag character, DEL, BEL.
const HOSTILE: [&str; 9] = [
    "a\u{1b}[31mb",
    "a\u{1b}]0;x\u{7}b",
    "a\u{9b}31mb",
    "a\u{85}\u{9d}0;x\u{9c}b",
    "a\u{202e}b",
    "a\u{200b}b",
    "a\u{feff}\u{e0041}b",
    "a\u{7f}\u{7}b",
    "a\u{2066}\u{200f}\u{2028}b",
];

/// Characters that must never be written raw. Defined here on its own, not borrowed from the
/// code under test.
fn dangerous(c: char) -> bool {
    let code = u32::from(c);
    (code < 0x20 && c != '\n' && c != '\t')
        || (0x7f..=0x9f).contains(&code)
        || matches!(
            code,
            0x00ad | 0x061c | 0x180e | 0x200b..=0x200f | 0x2028..=0x202e | 0x2060..=0x206f
                | 0xfeff | 0xfff9..=0xfffb | 0xe0000..=0xe007f
        )
}

fn assert_clean(what: &str, bytes: &[u8]) {
    let text = String::from_utf8_lossy(bytes);
    if let Some(c) = text.chars().find(|c| dangerous(*c)) {
        panic!("{what}: raw U+{:04X} in {text:?}", u32::from(c));
    }
}

struct Run {
    dir: tempfile::TempDir,
    /// A database with a few demo cases.
    db: PathBuf,
    paths: usize,
    /// Outputs that show an escaped hostile character (`\u{...}`).
    escaped: usize,
}

impl Run {
    fn new() -> Run {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("demo.db");
        let mut c = Run::bare();
        c.arg("--db").arg(&db).args(["demo", "--cases", "5"]);
        c.assert().success();
        Run {
            dir,
            db,
            paths: 0,
            escaped: 0,
        }
    }

    fn bare() -> Command {
        let mut c = Command::cargo_bin("merzim").unwrap();
        c.env(
            "MERZIM_DATA_DIR",
            Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/empty-data-dir"),
        )
        .env("MERZIM_TODAY", "2026-03-20")
        .env("LC_ALL", "C.UTF-8");
        c
    }

    fn check(&mut self, what: &str, out: &Output, status: i32) {
        self.paths += 1;
        assert_clean(&format!("{what} stdout"), &out.stdout);
        assert_clean(&format!("{what} stderr"), &out.stderr);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(status), "{what}: {stderr}");
        if status == 2 {
            assert_eq!(stderr.lines().count(), 1, "{what}: one line: {stderr}");
            assert!(stderr.starts_with("merzim: "), "{what}: {stderr}");
        }
        if String::from_utf8_lossy(&out.stdout).contains("\\u{")
            || stderr.contains("\\u{")
            || String::from_utf8_lossy(&out.stdout).contains("\\u00")
        {
            self.escaped += 1;
        }
    }

    /// Runs `args` (with the hostile value `h` in them) and checks the outputs.
    fn fails(&mut self, args: &[&str], status: i32) {
        let out = Run::bare().args(args).output().unwrap();
        self.check(&format!("{args:?}"), &out, status);
    }

    fn fails_on_db(&mut self, args: &[&str], status: i32) {
        let out = Run::bare()
            .arg("--db")
            .arg(&self.db)
            .args(args)
            .output()
            .unwrap();
        self.check(&format!("--db {args:?}"), &out, status);
    }
}

#[test]
fn arguments_never_reach_the_terminal_raw() {
    let mut run = Run::new();
    for h in HOSTILE {
        let reg = ["--registered", "2026-03-18"];
        let c = |extra: &[&str]| -> Vec<String> {
            let mut v: Vec<String> = ["due", "complaint", "--addressee", "local-body"]
                .iter()
                .chain(reg.iter())
                .chain(extra.iter())
                .map(|s| s.to_string())
                .collect();
            v.shrink_to_fit();
            v
        };
        let ext = format!("2026-03-20:3:{h}");
        let kind = format!("{h}:2026-03-20:written");
        let form = format!("answer:2026-03-20:{h}");
        let date_in_ext = format!("{h}:3:verification");
        let days_in_ext = format!("2026-03-20:{h}:verification");
        let complaint: Vec<Vec<String>> = vec![
            c(&["--medium", h]),
            c(&["--extend", h]),
            c(&["--extend", &ext]),
            c(&["--extend", &date_in_ext]),
            c(&["--extend", &days_in_ext]),
            c(&["--notice", h]),
            c(&["--notice", &kind]),
            c(&["--notice", &form]),
            c(&["--set-due", h]),
            c(&["--json", "--notice", &kind]),
        ];
        for args in &complaint {
            let args: Vec<&str> = args.iter().map(String::as_str).collect();
            run.fails(&args, 2);
        }
        let flag = format!("--{h}");
        let plain: Vec<Vec<&str>> = vec![
            vec!["calendar", "day", h],
            vec!["calendar", "add-working-days", "2026-01-01", h],
            vec!["calendar", "add-calendar-days", h, "3"],
            vec!["calendar", "explain", h, "3"],
            vec!["calendar", "between", "2026-01-01", h],
            vec!["calendar", h],
            vec![h],
            vec![
                "due",
                "complaint",
                "--addressee",
                h,
                "--registered",
                "2026-03-18",
            ],
            vec![
                "due",
                "complaint",
                "--addressee",
                "local-body",
                "--registered",
                h,
            ],
            vec![
                "due",
                "application",
                "--term",
                h,
                "--channel",
                "portal",
                "--registered",
                "2026-03-18",
            ],
            vec![
                "due",
                "application",
                "--service",
                h,
                "--channel",
                "portal",
                "--registered",
                "2026-03-18",
            ],
            vec![
                "due",
                "application",
                "--term",
                "10wd",
                "--channel",
                h,
                "--registered",
                "2026-03-18",
            ],
            vec![
                "due",
                "application",
                "--term",
                "10wd",
                "--channel",
                "portal",
                "--registered",
                "2026-03-18",
                "--outcome",
                h,
            ],
            vec![
                "due",
                "application",
                "--term",
                "10wd",
                "--channel",
                "portal",
                "--registered",
                "2026-03-18",
                "--notice",
                h,
            ],
            vec!["--today", h, "calendar", "coverage"],
            vec!["--utc-offset", h, "calendar", "coverage"],
            vec!["--lang", h, "calendar", "coverage"],
            vec!["--keymap", "default", "export", "--format", h],
            vec!["calendar", "coverage", &flag],
        ];
        for args in &plain {
            run.fails(args, 2);
        }
        // Paths with a file or database named by the user.
        let missing = run.dir.path().join(h);
        let missing = missing.to_str().unwrap();
        run.fails(&["--db", missing, "export"], 2);
        run.fails(&["--db", missing, "check"], 2);
        run.fails(&["--db", missing, "backup", "--out", "x.jsonl"], 2);
        run.fails(
            &[
                "--db",
                missing,
                "--data-dir",
                missing,
                "calendar",
                "coverage",
            ],
            0,
        );
        let new_db = run.dir.path().join(format!("new-{}.db", run.paths));
        let new_db = new_db.to_str().unwrap().to_string();
        run.fails(&["--db", &new_db, "import", missing], 2);
        let other_db = format!("{new_db}-restore");
        run.fails(&["--db", &other_db, "restore", missing], 2);
        let out = format!("{missing}/x.jsonl");
        run.fails_on_db(&["export", "--out", &out], 2);
        run.fails_on_db(&["backup", "--out", &out], 2);
    }
    // 10 complaint paths, 19 plain ones and 8 with files, for each of the 9 values.
    assert_eq!(run.paths, 9 * (10 + 19 + 8));
    // The values were quoted, escaped, in most of the messages: the test saw them.
    assert!(run.escaped >= 9 * 20, "{} escaped", run.escaped);
}

/// A valid import line with one field (a JSON pointer) set to `value`.
fn line_with(pointer: &str, value: serde_json::Value) -> String {
    let mut v: serde_json::Value = serde_json::from_str(
        r#"{"number": "ALM-2026-000101", "kind": "complaint", "registered": "2026-03-02", "addressee": "local-body", "medium": "paper", "applicant": {"name": "Сейітов Болат", "iin": "870412300005"}, "subject": "s", "text": "t", "extensions": [{"date": "2026-03-05", "days": 5, "ground": "verification", "reason": "r"}], "notices": [{"kind": "extension-notice", "sent": "2026-03-06", "form": "written"}]}"#,
    )
    .unwrap();
    let (parent, key) = pointer.rsplit_once('/').unwrap();
    match v.pointer_mut(parent).unwrap() {
        serde_json::Value::Array(a) => a[key.parse::<usize>().unwrap()] = value,
        serde_json::Value::Object(o) => {
            o.insert(key.to_string(), value);
        }
        other => panic!("{pointer}: {other}"),
    }
    v.to_string()
}

#[test]
fn import_errors_quote_bad_values_escaped() {
    let mut run = Run::new();
    let fields = [
        "/number",
        "/kind",
        "/registered",
        "/addressee",
        "/medium",
        "/channel",
        "/service",
        "/term",
        "/set_due",
        "/applicant/iin",
        "/applicant/bin",
        "/assignee",
        "/extensions/0/date",
        "/extensions/0/ground",
        "/extensions/0/days",
        "/notices/0/kind",
        "/notices/0/form",
        "/notices/0/sent",
        "/decided",
        "/closed",
        "/links",
    ];
    let mut lines = 0;
    for h in HOSTILE.iter().chain(["a\u{0}b"].iter()) {
        for field in fields {
            let line = line_with(field, serde_json::Value::String(h.to_string()));
            let file = run.dir.path().join(format!("bad-{lines}.jsonl"));
            std::fs::write(&file, format!("{line}\n")).unwrap();
            let db = run.dir.path().join(format!("import-{lines}.db"));
            let out = Run::bare()
                .arg("--db")
                .arg(&db)
                .arg("import")
                .arg(&file)
                .output()
                .unwrap();
            let what = format!("import {field} = {h:?}");
            run.check(&what, &out, 2);
            let stderr = String::from_utf8_lossy(&out.stderr);
            assert!(stderr.contains("line 1: "), "{what}: {stderr}");
            lines += 1;
        }
        // Syntax errors and unknown fields quote the text too.
        for text in [
            format!("{{\"number\": \"{h}\" oops}}"),
            format!("{{\"{}\": 1}}", h.escape_default()),
            format!("{{\"number\": 12, \"x\": \"{h}\"}}"),
            h.to_string(),
        ] {
            let file = run.dir.path().join(format!("bad-{lines}.jsonl"));
            std::fs::write(&file, format!("{text}\n")).unwrap();
            let db = run.dir.path().join(format!("import-{lines}.db"));
            let out = Run::bare()
                .arg("--db")
                .arg(&db)
                .arg("import")
                .arg(&file)
                .output()
                .unwrap();
            run.check(&format!("import {text:?}"), &out, 2);
            lines += 1;
        }
    }
    assert_eq!(run.paths, 10 * (fields.len() + 4));
    assert!(run.escaped >= 9 * 10, "{} escaped", run.escaped);
}

#[test]
fn office_data_with_hostile_text_is_shown_escaped() {
    let mut run = Run::new();
    let data = run.dir.path().join("office");
    std::fs::create_dir_all(data.join("calendars")).unwrap();
    // A holiday whose names hold an OSC, a C1 CSI and a bidi override (TOML escapes).
    std::fs::write(
        data.join("calendars/office.toml"),
        r#"[calendar]
id = "office"
[[day]]
date = 2026-03-19
kind = "public-holiday"
name = { kk = "Той\u001b]0;pwned\u0007", ru = "Праздник\u009b31m", en = "Holiday\u202eyad" }
source = "order \u001b[2J"
"#,
    )
    .unwrap();
    let dd = data.to_str().unwrap();
    for lang in ["kk", "ru", "en"] {
        for args in [
            vec!["calendar", "day", "2026-03-19"],
            vec!["calendar", "explain", "2026-03-18", "3"],
            vec!["calendar", "coverage"],
            vec![
                "due",
                "complaint",
                "--addressee",
                "local-body",
                "--registered",
                "2026-03-18",
            ],
        ] {
            let out = Run::bare()
                .args(["--data-dir", dd, "--lang", lang])
                .args(&args)
                .output()
                .unwrap();
            run.check(&format!("{lang} {args:?}"), &out, 0);
        }
    }
    // A broken office file whose key and file name are hostile.
    std::fs::write(
        data.join("calendars/z\u{1b}]0;x\u{7}.toml"),
        "\"\\u001b]0;x\\u0007\u{202e}\" = 1\n",
    )
    .unwrap();
    let out = Run::bare()
        .args(["--data-dir", dd, "calendar", "coverage"])
        .output()
        .unwrap();
    run.check("broken office file", &out, 2);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains(".toml"), "{stderr}");
    assert_eq!(run.paths, 3 * 4 + 1);
    assert!(run.escaped >= 6, "{} escaped", run.escaped);
}

#[test]
fn export_is_exact_to_a_pipe_and_escaped_to_a_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("db");
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/import/valid.jsonl");
    Run::bare()
        .arg("--db")
        .arg(&db)
        .arg("import")
        .arg(&fixture)
        .assert()
        .success();
    // To a pipe: the data as it is (the fixture's text holds a raw U+202E).
    let piped = Run::bare()
        .arg("--db")
        .arg(&db)
        .arg("export")
        .output()
        .unwrap();
    assert!(piped.status.success());
    let piped = String::from_utf8(piped.stdout).unwrap();
    assert!(piped.contains('\u{202e}'));
    // To a terminal (a pseudo-terminal from `script`): escaped, still JSON with the same values.
    if std::process::Command::new("script")
        .arg("--version")
        .output()
        .is_err()
    {
        eprintln!("no 'script' on this machine: the terminal half is skipped");
        return;
    }
    let bin = assert_cmd::cargo::cargo_bin("merzim");
    for format in ["jsonl", "csv"] {
        let cmd = format!(
            "'{}' --db '{}' export --format {format}",
            bin.display(),
            db.display()
        );
        let out = std::process::Command::new("script")
            .args(["-q", "-e", "-c", &cmd, "/dev/null"])
            .env(
                "MERZIM_DATA_DIR",
                Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/empty-data-dir"),
            )
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        // The terminal turns each newline into CR LF: that CR is the terminal's, not data.
        let shown = String::from_utf8(out.stdout).unwrap().replace("\r\n", "\n");
        assert_clean(&format!("export {format} to a terminal"), shown.as_bytes());
        if format == "jsonl" {
            assert!(shown.contains("\\u202e"), "{shown}");
            let a: Vec<serde_json::Value> = piped
                .lines()
                .map(|l| serde_json::from_str(l).unwrap())
                .collect();
            let b: Vec<serde_json::Value> = shown
                .lines()
                .map(|l| serde_json::from_str(l).unwrap())
                .collect();
            assert_eq!(a, b, "the same values");
        }
    }
}

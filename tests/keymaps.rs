//! Shipped keymaps, user overrides, bad user files and keyboard layouts.

use std::fs;
use std::path::{Path, PathBuf};

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use merzim::i18n::{Lang, Texts};
use merzim::keymap::{
    Action, KeyStyle, Keymap, KeymapError, KeymapProblem, KeymapWarning, Mode, ShippedKeymap,
};

fn fixtures(dir: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/keymaps")
        .join(dir);
    let mut files: Vec<PathBuf> = fs::read_dir(&dir)
        .expect("fixture directory")
        .map(|entry| entry.expect("fixture entry").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "toml"))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no fixtures in {}", dir.display());
    files
}

fn read(path: &Path) -> String {
    fs::read_to_string(path).expect("fixture readable")
}

fn shipped(which: ShippedKeymap) -> Keymap {
    let (keymap, warnings) = Keymap::shipped(which, None).expect("shipped keymap parses");
    assert!(warnings.is_empty());
    keymap
}

fn press(c: char) -> KeyEvent {
    let modifiers = if c.is_uppercase() {
        KeyModifiers::SHIFT
    } else {
        KeyModifiers::NONE
    };
    KeyEvent::new(KeyCode::Char(c), modifiers)
}

fn key(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

#[test]
fn every_shipped_keymap_parses_and_is_selectable_by_name() {
    for which in ShippedKeymap::ALL {
        assert_eq!(ShippedKeymap::from_name(which.name()), Ok(which));
        Keymap::load(which.source(), None)
            .unwrap_or_else(|error| panic!("{}: {error}", which.name()));
    }
    assert_eq!(
        ShippedKeymap::from_name("emacs"),
        Err(KeymapError::UnknownShipped {
            name: "emacs".into()
        })
    );
}

#[test]
fn shipped_files_on_disk_are_the_embedded_ones() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("keymaps");
    for which in ShippedKeymap::ALL {
        let on_disk = read(&dir.join(format!("{}.toml", which.name())));
        assert_eq!(on_disk, which.source(), "{}", which.name());
    }
}

#[test]
fn no_key_is_bound_twice_in_a_table_of_a_shipped_file() {
    // TOML rejects a key written twice the same way; `Keymap::load` also rejects two spellings
    // of one key in a table of a base file, so every shipped file loading cleanly (checked
    // above) means none has a duplicate. Here: the check itself catches what TOML cannot.
    let base = "[case]\n\"ctrl-d\" = \"page-down\"\n\"Ctrl-D\" = \"page-down\"\n";
    match Keymap::load(base, None) {
        Err(KeymapError::Shipped {
            line: 3,
            problem: KeymapProblem::Duplicate { key, other, .. },
        }) => {
            assert_eq!(key, "Ctrl-D");
            assert_eq!(other, "ctrl-d");
        }
        other => panic!("expected a duplicate error, got {other:?}"),
    }
    let base = "[queue]\nG = \"bottom\"\n\"shift-g\" = \"top\"\n";
    assert!(matches!(
        Keymap::load(base, None),
        Err(KeymapError::Shipped {
            problem: KeymapProblem::Duplicate { .. },
            ..
        })
    ));
}

#[test]
fn a_broken_shipped_file_is_a_hard_error() {
    let cases = [
        ("[queue\n", "TOML"),
        ("[queue]\nj = \"move-dwn\"\n", "'move-dwn'"),
        ("[queue]\npgdwn = \"page-down\"\n", "'pgdwn'"),
        ("[qeueu]\nj = \"move-down\"\n", "'[qeueu]'"),
    ];
    for (base, quoted) in cases {
        let error = Keymap::load(base, None).expect_err(base);
        let message = error.to_string();
        assert!(message.contains(quoted), "{message}");
        assert!(message.contains("line"), "{message}");
    }
}

#[test]
fn every_action_is_reachable_in_every_shipped_keymap() {
    for which in ShippedKeymap::ALL {
        let keymap = shipped(which);
        for action in Action::ALL {
            let reachable = Mode::ALL.into_iter().any(|mode| {
                keymap
                    .bindings(mode, KeyStyle::Ascii)
                    .iter()
                    .any(|(bound, _)| *bound == action)
            });
            assert!(
                reachable,
                "{} has no key in '{}'",
                action.name(),
                which.name()
            );
        }
    }
}

#[test]
fn default_map_does_what_the_design_says() {
    let keymap = shipped(ShippedKeymap::Default);
    let queue = [
        (press('j'), Action::MoveDown),
        (key(KeyCode::Down), Action::MoveDown),
        (press('k'), Action::MoveUp),
        (press('g'), Action::Top),
        (press('G'), Action::Bottom),
        (key(KeyCode::Home), Action::Top),
        (key(KeyCode::End), Action::Bottom),
        (key(KeyCode::PageDown), Action::PageDown),
        (
            KeyEvent::new(KeyCode::Char('d'), KeyModifiers::CONTROL),
            Action::PageDown,
        ),
        (
            KeyEvent::new(KeyCode::Char('b'), KeyModifiers::CONTROL),
            Action::PageUp,
        ),
        (key(KeyCode::Enter), Action::Open),
        (key(KeyCode::Esc), Action::Back),
        (press('/'), Action::Filter),
        (press(':'), Action::Command),
        (press('?'), Action::Help),
        // Terminals with the kitty protocol report '?' with SHIFT.
        (
            KeyEvent::new(KeyCode::Char('?'), KeyModifiers::SHIFT),
            Action::Help,
        ),
        (press('q'), Action::Quit),
        (press('L'), Action::SwitchLanguage),
        (press('c'), Action::ToggleClosed),
        (press('r'), Action::Refresh),
    ];
    for (event, action) in queue {
        assert_eq!(keymap.action(Mode::Queue, event), Some(action), "{event:?}");
    }
    let case = [
        (press('j'), Action::ScrollDown),
        (press('w'), Action::Explain),
        (key(KeyCode::Tab), Action::NextSection),
        (
            KeyEvent::new(KeyCode::BackTab, KeyModifiers::SHIFT),
            Action::PrevSection,
        ),
        (press('q'), Action::Back),
    ];
    for (event, action) in case {
        assert_eq!(keymap.action(Mode::Case, event), Some(action), "{event:?}");
    }
    assert_eq!(keymap.action(Mode::Help, press('?')), Some(Action::Back));
    assert_eq!(keymap.action(Mode::Queue, press('x')), None);
    assert_eq!(keymap.action(Mode::Queue, key(KeyCode::F(4))), None);
}

#[test]
fn function_key_map() {
    let keymap = shipped(ShippedKeymap::FunctionKeys);
    let cases = [
        (Mode::Queue, key(KeyCode::F(1)), Some(Action::Help)),
        (Mode::Queue, key(KeyCode::F(2)), Some(Action::Command)),
        (Mode::Queue, key(KeyCode::F(3)), Some(Action::Open)),
        (Mode::Queue, key(KeyCode::F(7)), Some(Action::Filter)),
        (Mode::Queue, key(KeyCode::F(10)), Some(Action::Quit)),
        (Mode::Queue, key(KeyCode::Enter), Some(Action::Open)),
        (Mode::Queue, key(KeyCode::Down), Some(Action::MoveDown)),
        (Mode::Case, key(KeyCode::F(3)), Some(Action::Back)),
        (Mode::Case, key(KeyCode::Esc), Some(Action::Back)),
        (Mode::Help, key(KeyCode::F(1)), Some(Action::Back)),
        // F4 edits: a new case in the queue, an extension in a case; F2 saves a form.
        (Mode::Queue, key(KeyCode::F(4)), Some(Action::Register)),
        (Mode::Case, key(KeyCode::F(4)), Some(Action::Extend)),
        (Mode::Form, key(KeyCode::F(2)), Some(Action::Save)),
        (Mode::Confirm, key(KeyCode::F(2)), Some(Action::Confirm)),
        // In a form, letters are text: neither [global] nor the layout fallback acts there.
        (Mode::Form, key(KeyCode::F(10)), None),
        // No letter is bound.
        (Mode::Queue, press('q'), None),
        (Mode::Queue, press('j'), None),
    ];
    for (mode, event, action) in cases {
        assert_eq!(keymap.action(mode, event), action, "{mode:?} {event:?}");
    }
}

#[test]
fn russian_and_kazakh_layouts_act_as_the_latin_key_in_the_same_place() {
    let keymap = shipped(ShippedKeymap::Default);
    let queue = [
        ('о', Some(Action::MoveDown)),       // j
        ('л', Some(Action::MoveUp)),         // k
        ('й', Some(Action::Quit)),           // q
        ('п', Some(Action::Top)),            // g
        ('П', Some(Action::Bottom)),         // G
        ('Д', Some(Action::SwitchLanguage)), // L
        ('с', Some(Action::ToggleClosed)),   // c
        ('к', Some(Action::Refresh)),        // r
        ('Ж', Some(Action::Command)),        // Shift-; is ':'
        ('Щ', Some(Action::ReverseSort)),    // O
        ('.', Some(Action::Filter)),         // the '/' key of the Russian layout
        ('№', Some(Action::Filter)),         // the '/' key of the Kazakh layout
        (',', Some(Action::Help)),           // Shift and the '/' key of the Russian layout
        ('Г', None),                         // U: not bound
        ('д', None),                         // l: not bound
    ];
    for (c, action) in queue {
        assert_eq!(keymap.action(Mode::Queue, press(c)), action, "{c}");
    }
    assert_eq!(keymap.action(Mode::Case, press('ц')), Some(Action::Explain)); // w
    assert_eq!(keymap.action(Mode::Case, press('й')), Some(Action::Back)); // q in case
    assert_eq!(
        keymap.action(
            Mode::Queue,
            KeyEvent::new(KeyCode::Char('в'), KeyModifiers::CONTROL)
        ),
        Some(Action::PageDown) // ctrl-d
    );
    // Kitty-protocol terminals may report a shifted Cyrillic letter in lowercase with SHIFT.
    assert_eq!(
        keymap.action(
            Mode::Queue,
            KeyEvent::new(KeyCode::Char('п'), KeyModifiers::SHIFT)
        ),
        Some(Action::Bottom)
    );
}

#[test]
fn kazakh_number_row_letters_act_as_the_digits_they_replace() {
    let user = "[queue]\n2 = \"top\"\n\"@\" = \"bottom\"\n0 = \"refresh\"\n";
    let (keymap, warnings) = Keymap::shipped(ShippedKeymap::Default, Some(user)).expect("parses");
    assert!(warnings.is_empty(), "{warnings:?}");
    assert_eq!(keymap.action(Mode::Queue, press('ә')), Some(Action::Top));
    assert_eq!(keymap.action(Mode::Queue, press('Ә')), Some(Action::Bottom));
    assert_eq!(
        keymap.action(Mode::Queue, press('қ')),
        Some(Action::Refresh)
    );
}

#[test]
fn user_file_overrides_adds_and_removes() {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/keymaps/valid/override.toml");
    let (keymap, warnings) =
        Keymap::shipped(ShippedKeymap::Default, Some(&read(&path))).expect("parses");
    assert!(warnings.is_empty(), "{warnings:?}");
    assert_eq!(keymap.action(Mode::Queue, press(' ')), Some(Action::Open));
    assert_eq!(
        keymap.action(Mode::Queue, key(KeyCode::Enter)),
        Some(Action::Open)
    );
    assert_eq!(
        keymap.action(Mode::Queue, press('x')),
        Some(Action::ToggleClosed)
    );
    assert_eq!(keymap.action(Mode::Queue, press('c')), None);
    // 'с' is where 'c' is: it follows the unbinding rather than falling back to something else.
    assert_eq!(keymap.action(Mode::Queue, press('с')), None);
    assert_eq!(
        keymap.action(Mode::Case, key(KeyCode::F(10))),
        Some(Action::Quit)
    );
    // Untouched defaults stay.
    assert_eq!(
        keymap.action(Mode::Queue, press('j')),
        Some(Action::MoveDown)
    );
    let toggle = keymap
        .bindings(Mode::Queue, KeyStyle::Ascii)
        .into_iter()
        .find(|(action, _)| *action == Action::ToggleClosed)
        .expect("toggle-closed is bound");
    assert_eq!(toggle.1, vec!["x".to_owned()]);
}

#[test]
fn every_valid_fixture_loads_without_warnings() {
    for path in fixtures("valid") {
        let (_, warnings) = Keymap::shipped(ShippedKeymap::Default, Some(&read(&path)))
            .expect("shipped keymap parses");
        assert!(warnings.is_empty(), "{}: {warnings:?}", path.display());
    }
}

#[test]
fn bad_user_files_warn_and_keep_the_defaults() {
    let default = shipped(ShippedKeymap::Default);
    for path in fixtures("invalid") {
        let text = read(&path);
        let (keymap, warnings) =
            Keymap::shipped(ShippedKeymap::Default, Some(&text)).expect("shipped keymap parses");
        let name = path.display();
        assert!(!warnings.is_empty(), "{name}: no warning");
        assert_eq!(keymap, default, "{name}: defaults changed");
        for warning in &warnings {
            let message = warning.to_string();
            assert!(!message.contains('\n'), "{name}: {message}");
            assert!(message.starts_with("line "), "{name}: {message}");
            // The fixture's first line is a comment, so the problem is on a later line.
            assert!(warning.line >= 2, "{name}: {message}");
            assert!(warning.line <= text.lines().count(), "{name}: {message}");
        }
    }
}

#[test]
fn warnings_name_the_line_and_quote_what_was_written() {
    let cases = [
        ("syntax.toml", 2, "TOML"),
        ("unknown-action.toml", 3, "'move-dwn'"),
        ("bad-key.toml", 3, "'pgdwn'"),
        ("chord.toml", 3, "'a-b'"),
        ("unknown-mode.toml", 2, "'[qeueu]'"),
        ("outside-table.toml", 2, "'j'"),
        ("not-a-string.toml", 3, "'j'"),
        ("nested-table.toml", 2, "'j'"),
    ];
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/keymaps/invalid");
    for (file, line, quoted) in cases {
        let (_, warnings) =
            Keymap::shipped(ShippedKeymap::Default, Some(&read(&dir.join(file)))).expect("parses");
        assert_eq!(warnings.len(), 1, "{file}: {warnings:?}");
        let warning = &warnings[0];
        assert_eq!(warning.line, line, "{file}: {warning}");
        assert!(warning.to_string().contains(quoted), "{file}: {warning}");
    }
}

#[test]
fn mixed_file_uses_the_good_lines_and_reports_the_bad_ones() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/keymaps/mixed.toml");
    let (keymap, warnings) =
        Keymap::shipped(ShippedKeymap::Default, Some(&read(&path))).expect("parses");
    let problems: Vec<&KeymapProblem> = warnings.iter().map(|w| &w.problem).collect();
    assert!(matches!(
        problems.as_slice(),
        [
            KeymapProblem::Duplicate { .. },
            KeymapProblem::UnknownAction { .. }
        ]
    ));
    assert_eq!(
        keymap.action(Mode::Queue, press('x')),
        Some(Action::ToggleClosed)
    );
    // Of two spellings of one key, the later one is used.
    assert_eq!(
        keymap.action(
            Mode::Queue,
            KeyEvent::new(KeyCode::Char('d'), KeyModifiers::CONTROL)
        ),
        Some(Action::Top)
    );
    assert_eq!(keymap.action(Mode::Queue, press('y')), None);
}

#[test]
fn warnings_are_localized() {
    let texts = Texts::new().expect("catalogues load");
    let warning = KeymapWarning {
        line: 7,
        problem: KeymapProblem::UnknownAction {
            key: "j".into(),
            action: "move-dwn".into(),
        },
    };
    let ru = warning.localized(&texts, Lang::Ru);
    assert!(ru.starts_with("строка 7:"), "{ru}");
    assert!(ru.contains("'move-dwn'") && ru.contains("'j'"), "{ru}");
    let kk = warning.localized(&texts, Lang::Kk);
    assert!(kk.starts_with("7-жол:"), "{kk}");
    let en = warning.localized(&texts, Lang::En);
    assert!(en.starts_with("line 7:"), "{en}");
}

#[test]
fn help_and_hints_come_from_the_live_keymap() {
    let keymap = shipped(ShippedKeymap::Default);
    let bindings = keymap.bindings(Mode::Queue, KeyStyle::Unicode);
    let down = bindings
        .iter()
        .find(|(action, _)| *action == Action::MoveDown)
        .expect("move-down");
    assert_eq!(down.1, vec!["j".to_owned(), "↓".to_owned()]);
    let ascii = keymap.bindings(Mode::Queue, KeyStyle::Ascii);
    assert!(
        ascii
            .iter()
            .flat_map(|(_, keys)| keys)
            .all(|k| k.is_ascii())
    );
    // Case-only actions are not offered on the queue.
    assert!(
        !bindings
            .iter()
            .any(|(action, _)| *action == Action::Explain)
    );

    let hints = keymap.hints(Mode::Queue, KeyStyle::Ascii);
    assert_eq!(hints.first(), Some(&("Enter".to_owned(), Action::Open)));
    assert!(hints.contains(&("?".to_owned(), Action::Help)));
    assert!(hints.contains(&("q".to_owned(), Action::Quit)));
    let case_hints = keymap.hints(Mode::Case, KeyStyle::Ascii);
    assert!(case_hints.contains(&("w".to_owned(), Action::Explain)));
    assert!(case_hints.contains(&("q".to_owned(), Action::Back)));

    let function_keys = shipped(ShippedKeymap::FunctionKeys);
    let hints = function_keys.hints(Mode::Queue, KeyStyle::Ascii);
    assert!(hints.contains(&("F1".to_owned(), Action::Help)));
    assert!(hints.contains(&("F10".to_owned(), Action::Quit)));
    assert!(hints.contains(&("F7".to_owned(), Action::Filter)));
}

#[test]
fn bound_ignores_the_layout_fallback() {
    let keymap = shipped(ShippedKeymap::Default);
    assert_eq!(
        keymap.bound(Mode::Queue, press('q')),
        Some(Some(Action::Quit))
    );
    assert_eq!(keymap.bound(Mode::Queue, press('й')), None);
    assert_eq!(keymap.bound(Mode::Queue, press('.')), None);
    assert_eq!(
        keymap.bound(Mode::Queue, press('O')),
        Some(Some(Action::ReverseSort))
    );
    let (user, _) =
        Keymap::shipped(ShippedKeymap::Default, Some("[help]\nq = \"noop\"\n")).expect("parses");
    assert_eq!(
        user.bound(Mode::Help, press('q')),
        Some(None),
        "noop is bound to nothing"
    );
    let fkeys = shipped(ShippedKeymap::FunctionKeys);
    assert_eq!(
        fkeys.action(Mode::Queue, key(KeyCode::F(8))),
        Some(Action::ReverseSort)
    );
}

#[test]
fn in_a_form_letters_are_text_in_every_shipped_keymap() {
    for which in ShippedKeymap::ALL {
        let keymap = shipped(which);
        // No printable key (Latin, Cyrillic, Kazakh, digits, punctuation) acts in a form:
        // neither the [form] table, nor [global], nor the keyboard-layout fallback.
        for c in "qjkL?/:ыйоәғқңөұүһі0123456789 -.,".chars() {
            assert_eq!(
                keymap.action(Mode::Form, press(c)),
                None,
                "'{c}' acts in a form in '{}'",
                which.name()
            );
        }
        // Saving, moving between fields and leaving are bound.
        for action in [
            Action::Save,
            Action::NextField,
            Action::PrevField,
            Action::Back,
        ] {
            assert!(
                keymap
                    .bindings(Mode::Form, KeyStyle::Ascii)
                    .iter()
                    .any(|(a, _)| *a == action),
                "{} has no key in a form in '{}'",
                action.name(),
                which.name()
            );
        }
        assert_eq!(
            keymap.action(Mode::Confirm, press('y')),
            Some(Action::Confirm)
        );
        assert_eq!(
            keymap.action(Mode::Confirm, press('н')),
            Some(Action::Confirm)
        );
        assert_eq!(keymap.action(Mode::Confirm, press('q')), None);
    }
}

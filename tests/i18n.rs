//! The kk/ru/en catalogues: same keys everywhere, every message formats, plurals are right.

use std::collections::{BTreeMap, BTreeSet};

use fluent::concurrent::FluentBundle;
use fluent::{FluentArgs, FluentResource, FluentValue};
use fluent_syntax::ast::{
    CallArguments, Entry, Expression, InlineExpression, Pattern, PatternElement,
};
use merzim::i18n::{Arg, Lang, Texts, catalogue_source};
use merzim::keymap::{Action, KeymapProblem, KeymapWarning, Mode};

/// Per message: attribute names, and the variables used by the value and each attribute.
type Shape = BTreeMap<String, BTreeMap<Option<String>, BTreeSet<String>>>;

fn shape(lang: Lang) -> Shape {
    let resource = fluent_syntax::parser::parse(catalogue_source(lang))
        .unwrap_or_else(|(_, errors)| panic!("{lang}: {errors:?}"));
    let mut shape = Shape::new();
    for entry in resource.body {
        match entry {
            Entry::Message(message) => {
                let mut parts = BTreeMap::new();
                if let Some(value) = &message.value {
                    parts.insert(None, variables(value));
                }
                for attribute in &message.attributes {
                    parts.insert(
                        Some(attribute.id.name.to_owned()),
                        variables(&attribute.value),
                    );
                }
                let previous = shape.insert(message.id.name.to_owned(), parts);
                assert!(previous.is_none(), "{lang}: '{}' twice", message.id.name);
            }
            Entry::Junk { content } => panic!("{lang}: unparsable: {content}"),
            Entry::Term(term) => panic!("{lang}: terms are not used: -{}", term.id.name),
            Entry::Comment(_) | Entry::GroupComment(_) | Entry::ResourceComment(_) => {}
        }
    }
    shape
}

fn variables(pattern: &Pattern<&str>) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    walk_pattern(pattern, &mut found);
    found
}

fn walk_pattern(pattern: &Pattern<&str>, found: &mut BTreeSet<String>) {
    for element in &pattern.elements {
        if let PatternElement::Placeable { expression } = element {
            walk_expression(expression, found);
        }
    }
}

fn walk_expression(expression: &Expression<&str>, found: &mut BTreeSet<String>) {
    match expression {
        Expression::Select { selector, variants } => {
            walk_inline(selector, found);
            for variant in variants {
                walk_pattern(&variant.value, found);
            }
        }
        Expression::Inline(inline) => walk_inline(inline, found),
    }
}

fn walk_inline(inline: &InlineExpression<&str>, found: &mut BTreeSet<String>) {
    match inline {
        InlineExpression::VariableReference { id } => {
            found.insert(id.name.to_owned());
        }
        InlineExpression::FunctionReference { arguments, .. } => walk_arguments(arguments, found),
        InlineExpression::TermReference {
            arguments: Some(arguments),
            ..
        } => walk_arguments(arguments, found),
        InlineExpression::Placeable { expression } => walk_expression(expression, found),
        _ => {}
    }
}

fn walk_arguments(arguments: &CallArguments<&str>, found: &mut BTreeSet<String>) {
    for argument in &arguments.positional {
        walk_inline(argument, found);
    }
    for argument in &arguments.named {
        walk_inline(&argument.value, found);
    }
}

const NUMBER_ARGS: [&str; 8] = [
    "n",
    "k",
    "line",
    "other_line",
    "width",
    "height",
    "min_width",
    "min_height",
];

fn sample_args(names: &BTreeSet<String>, n: i64) -> Vec<(String, Arg<'static>)> {
    names
        .iter()
        .map(|name| {
            let value = if NUMBER_ARGS.contains(&name.as_str()) {
                Arg::Number(n)
            } else {
                Arg::Text(format!("<{name}>").into())
            };
            (name.clone(), value)
        })
        .collect()
}

fn test_bundle(lang: Lang) -> FluentBundle<FluentResource> {
    let resource = FluentResource::try_new(catalogue_source(lang).to_owned())
        .unwrap_or_else(|(_, errors)| panic!("{lang}: {errors:?}"));
    let mut bundle = FluentBundle::new_concurrent(vec![lang.langid()]);
    bundle.set_use_isolating(false);
    bundle.add_builtins().expect("builtins");
    bundle
        .add_resource(resource)
        .expect("no duplicate messages");
    bundle
}

#[test]
fn every_key_and_attribute_is_in_every_language() {
    let en = shape(Lang::En);
    assert!(en.len() > 100, "only {} messages", en.len());
    for lang in [Lang::Kk, Lang::Ru] {
        let other = shape(lang);
        let en_keys: BTreeSet<&String> = en.keys().collect();
        let other_keys: BTreeSet<&String> = other.keys().collect();
        assert_eq!(
            en_keys.difference(&other_keys).collect::<Vec<_>>(),
            Vec::<&&String>::new(),
            "missing in {lang}"
        );
        assert_eq!(
            other_keys.difference(&en_keys).collect::<Vec<_>>(),
            Vec::<&&String>::new(),
            "only in {lang}"
        );
        for (key, parts) in &en {
            let theirs = &other[key];
            let ours: Vec<&Option<String>> = parts.keys().collect();
            let their_parts: Vec<&Option<String>> = theirs.keys().collect();
            assert_eq!(ours, their_parts, "{lang}: attributes of '{key}'");
            for (part, names) in parts {
                // The caller passes the same arguments whatever the language; Kazakh needs no
                // plural selection but still shows the number.
                assert_eq!(
                    names, &theirs[part],
                    "{lang}: arguments of '{key}' {part:?}"
                );
            }
        }
    }
}

#[test]
fn every_message_formats_without_errors_in_every_language() {
    let texts = Texts::new().expect("catalogues load");
    for lang in Lang::ALL {
        let bundle = test_bundle(lang);
        for (key, parts) in shape(lang) {
            let message = bundle.get_message(&key).expect("message");
            for (part, names) in parts {
                for n in [0, 1, 2, 5, 21, 1000] {
                    let args = sample_args(&names, n);
                    let mut fluent_args = FluentArgs::new();
                    for (name, value) in &args {
                        let value = match value {
                            Arg::Number(n) => FluentValue::from(*n),
                            Arg::Text(text) => FluentValue::from(text.to_string()),
                        };
                        fluent_args.set(name.clone(), value);
                    }
                    let pattern = match &part {
                        Some(attribute) => {
                            message.get_attribute(attribute).expect("attribute").value()
                        }
                        None => message.value().expect("value"),
                    };
                    let mut errors = Vec::new();
                    let expected = bundle.format_pattern(pattern, Some(&fluent_args), &mut errors);
                    assert!(errors.is_empty(), "{lang} '{key}' {part:?}: {errors:?}");
                    assert!(
                        !expected.trim().is_empty(),
                        "{lang} '{key}' {part:?} is empty"
                    );

                    let borrowed: Vec<(&str, Arg<'_>)> = args
                        .iter()
                        .map(|(name, value)| (name.as_str(), value.clone()))
                        .collect();
                    let text = match &part {
                        Some(attribute) => texts.tr_attr_args(lang, &key, attribute, &borrowed),
                        None => texts.tr_args(lang, &key, &borrowed),
                    };
                    assert_eq!(text, expected, "{lang} '{key}' {part:?}");
                    assert!(
                        !text.contains(['\u{2068}', '\u{2069}']),
                        "{lang} '{key}': isolation marks"
                    );
                    assert!(!text.contains("{$"), "{lang} '{key}': unresolved: {text}");
                    for name in &names {
                        if NUMBER_ARGS.contains(&name.as_str()) {
                            assert!(text.contains(&n.to_string()), "{lang} '{key}': no {n}");
                        } else {
                            assert!(
                                text.contains(&format!("<{name}>")),
                                "{lang} '{key}': no {name}"
                            );
                        }
                    }
                }
            }
        }
    }
}

#[test]
fn catalogues_hold_nothing_a_terminal_would_act_on() {
    for lang in Lang::ALL {
        for c in catalogue_source(lang).chars() {
            let code = u32::from(c);
            assert!(
                c == '\n' || !(code < 0x20 || (0x7f..=0x9f).contains(&code)),
                "{lang}: control U+{code:04X}"
            );
            assert!(
                !merzim::ui::sanitize::is_hidden(c),
                "{lang}: invisible U+{code:04X}"
            );
        }
    }
}

fn tr_n(texts: &Texts, lang: Lang, key: &str, n: i64) -> String {
    texts.tr_args(lang, key, &[("n", n.into())])
}

#[test]
fn russian_plurals() {
    let texts = Texts::new().expect("catalogues load");
    let remaining = [
        (1, "остался 1 рабочий день"),
        (2, "осталось 2 рабочих дня"),
        (4, "осталось 4 рабочих дня"),
        (5, "осталось 5 рабочих дней"),
        (11, "осталось 11 рабочих дней"),
        (12, "осталось 12 рабочих дней"),
        (21, "остался 21 рабочий день"),
        (22, "осталось 22 рабочих дня"),
        (0, "осталось 0 рабочих дней"),
    ];
    for (n, expected) in remaining {
        assert_eq!(
            tr_n(&texts, Lang::Ru, "remaining-working-days", n),
            expected
        );
    }
    let days = [
        (1, "1 рабочий день"),
        (2, "2 рабочих дня"),
        (5, "5 рабочих дней"),
        (21, "21 рабочий день"),
    ];
    for (n, expected) in days {
        assert_eq!(tr_n(&texts, Lang::Ru, "working-days", n), expected);
    }
    assert_eq!(
        tr_n(&texts, Lang::Ru, "header-overdue", 1),
        "1 дело просрочено"
    );
    assert_eq!(
        tr_n(&texts, Lang::Ru, "header-overdue", 3),
        "3 дела просрочено"
    );
    assert_eq!(
        tr_n(&texts, Lang::Ru, "header-overdue", 25),
        "25 дел просрочено"
    );
    assert_eq!(tr_n(&texts, Lang::Ru, "header-cases", 21), "21 дело");
}

#[test]
fn english_and_kazakh_plurals() {
    let texts = Texts::new().expect("catalogues load");
    assert_eq!(
        tr_n(&texts, Lang::En, "remaining-working-days", 1),
        "1 working day left"
    );
    assert_eq!(
        tr_n(&texts, Lang::En, "remaining-working-days", 5),
        "5 working days left"
    );
    assert_eq!(tr_n(&texts, Lang::En, "header-cases", 1), "1 case");
    assert_eq!(tr_n(&texts, Lang::En, "header-cases", 2), "2 cases");
    // Kazakh nouns stay singular after a numeral.
    assert_eq!(
        tr_n(&texts, Lang::Kk, "remaining-working-days", 1),
        "1 жұмыс күні қалды"
    );
    assert_eq!(
        tr_n(&texts, Lang::Kk, "remaining-working-days", 5),
        "5 жұмыс күні қалды"
    );
}

#[test]
fn official_terms() {
    let texts = Texts::new().expect("catalogues load");
    let cases = [
        (Lang::Kk, "kind-complaint", "Шағым"),
        (Lang::Kk, "kind-application", "Өтініш"),
        (Lang::Ru, "kind-complaint", "Жалоба"),
        (Lang::Ru, "kind-application", "Заявление"),
        (
            Lang::Kk,
            "addressee-service-provider",
            "Көрсетілетін қызметті беруші",
        ),
        (Lang::Ru, "addressee-service-provider", "Услугодатель"),
        (Lang::Kk, "urgency-overdue", "мерзімі өткен"),
        (Lang::Ru, "urgency-overdue", "просрочено"),
    ];
    for (lang, key, expected) in cases {
        assert_eq!(texts.tr(lang, key), expected);
    }
    assert!(
        texts
            .tr(Lang::Kk, "addressee-state-corporation")
            .contains("Мемлекеттік корпорация")
    );
    assert!(
        texts
            .tr(Lang::Ru, "addressee-state-corporation")
            .contains("Государственная корпорация")
    );
    assert!(texts.tr(Lang::Kk, "working-days").contains("жұмыс күні"));
}

#[test]
fn everything_the_keymap_shows_is_translated() {
    let texts = Texts::new().expect("catalogues load");
    for lang in Lang::ALL {
        for action in Action::ALL {
            assert!(
                texts.has(lang, action.i18n_key(), None),
                "{lang} {action:?}"
            );
            assert!(
                texts.has(lang, action.i18n_key(), Some(Action::HINT_ATTRIBUTE)),
                "{lang} {action:?} hint"
            );
        }
        for mode in Mode::ALL {
            assert!(texts.has(lang, mode.i18n_key(), None), "{lang} {mode:?}");
        }
        for named in Lang::ALL {
            assert!(texts.has(lang, named.name_key(), None), "{lang} {named:?}");
        }
        let problems = [
            KeymapProblem::Syntax { detail: "x".into() },
            KeymapProblem::UnknownMode { name: "x".into() },
            KeymapProblem::NotATable { name: "x".into() },
            KeymapProblem::BadKey { key: "x".into() },
            KeymapProblem::Chord { key: "x".into() },
            KeymapProblem::UnknownAction {
                key: "x".into(),
                action: "y".into(),
            },
            KeymapProblem::NotAString { key: "x".into() },
            KeymapProblem::Duplicate {
                key: "x".into(),
                other: "y".into(),
                other_line: 2,
            },
        ];
        for problem in problems {
            let warning = KeymapWarning { line: 9, problem };
            let text = warning.localized(&texts, lang);
            assert!(!text.starts_with("keymap-warning"), "{lang}: {text}");
            assert!(text.contains('9') && text.contains('x'), "{lang}: {text}");
        }
    }
}

#[test]
fn the_kazakh_catalogue_is_kazakh() {
    let source = catalogue_source(Lang::Kk);
    for letter in ['ә', 'і', 'ң', 'ғ', 'ү', 'ұ', 'қ', 'ө'] {
        assert!(
            source.contains(letter),
            "no '{letter}' in the Kazakh catalogue"
        );
    }
}

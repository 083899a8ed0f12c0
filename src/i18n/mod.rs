//! All visible text, from the kk/ru/en fluent catalogues.
//!
//! The catalogues `i18n/{kk,ru,en}/*.ftl` (`merzim.ftl` for the screens and the domain,
//! `console.ftl` for the console's own behaviour, `cli.ftl` for the command line, `forms.ftl` for the forms, `drafts.ftl` for drafts, `conflict.ftl` for a save the service refused, `client.ftl` for the console over the daemon's socket) are embedded
//! at compile time, so the console
//! never depends on files next to the binary. A test checks that the three define the same
//! messages and attributes, so a lookup only misses through a programming mistake; even then
//! it never panics (see [`Texts::tr`]).
//!
//! Bidi isolation marks (U+2068/U+2069), which fluent puts around arguments by default, are
//! switched off: they would be written to the terminal, and most terminals draw them as
//! visible garbage or shift the columns.

mod lang;

use std::borrow::Cow;

use fluent::concurrent::FluentBundle;
use fluent::{FluentArgs, FluentResource, FluentValue};

pub use lang::{Lang, UnknownLang};

use crate::domain::message::{Message, Value};

/// The shipped catalogue of a language: its files, one Fluent source text.
macro_rules! catalogue {
    ($lang:literal) => {
        concat!(
            include_str!(concat!("../../i18n/", $lang, "/merzim.ftl")),
            "\n",
            include_str!(concat!("../../i18n/", $lang, "/console.ftl")),
            "\n",
            include_str!(concat!("../../i18n/", $lang, "/cli.ftl")),
            "\n",
            include_str!(concat!("../../i18n/", $lang, "/users.ftl")),
            "\n",
            include_str!(concat!("../../i18n/", $lang, "/letters.ftl")),
            "\n",
            include_str!(concat!("../../i18n/", $lang, "/api.ftl")),
            "\n",
            include_str!(concat!("../../i18n/", $lang, "/forms.ftl")),
            "\n",
            include_str!(concat!("../../i18n/", $lang, "/drafts.ftl")),
            "\n",
            include_str!(concat!("../../i18n/", $lang, "/conflict.ftl")),
            "\n",
            include_str!(concat!("../../i18n/", $lang, "/barred.ftl")),
            "\n",
            include_str!(concat!("../../i18n/", $lang, "/cliapi.ftl")),
            "\n",
            include_str!(concat!("../../i18n/", $lang, "/client.ftl")),
            "\n",
            include_str!(concat!("../../i18n/", $lang, "/server.ftl")),
            "\n",
            include_str!(concat!("../../i18n/", $lang, "/dashboard.ftl")),
            "\n",
            include_str!(concat!("../../i18n/", $lang, "/bulk.ftl")),
            "\n",
            include_str!(concat!("../../i18n/", $lang, "/live.ftl")),
            "\n",
            include_str!(concat!("../../i18n/", $lang, "/reports.ftl")),
            "\n",
            include_str!(concat!("../../i18n/", $lang, "/asof.ftl")),
        )
    };
}

/// The shipped catalogue of a language (Fluent source text).
pub const fn catalogue_source(lang: Lang) -> &'static str {
    match lang {
        Lang::Kk => catalogue!("kk"),
        Lang::Ru => catalogue!("ru"),
        Lang::En => catalogue!("en"),
    }
}

/// A value for a placeable in a message: text (a date already formatted, a name) or a
/// number (plural forms are chosen from it).
///
/// Text arguments are inserted as given: when they come from stored data, the caller sanitizes
/// the formatted message like any other text before drawing it.
#[derive(Debug, Clone, PartialEq)]
pub enum Arg<'a> {
    /// Text inserted as is.
    Text(Cow<'a, str>),
    /// An integer, formatted without grouping and used for plural selection.
    Number(i64),
}

impl<'a> From<&'a str> for Arg<'a> {
    fn from(text: &'a str) -> Self {
        Arg::Text(Cow::Borrowed(text))
    }
}

impl From<String> for Arg<'_> {
    fn from(text: String) -> Self {
        Arg::Text(Cow::Owned(text))
    }
}

impl From<i64> for Arg<'_> {
    fn from(n: i64) -> Self {
        Arg::Number(n)
    }
}

impl From<i32> for Arg<'_> {
    fn from(n: i32) -> Self {
        Arg::Number(i64::from(n))
    }
}

impl From<u32> for Arg<'_> {
    fn from(n: u32) -> Self {
        Arg::Number(i64::from(n))
    }
}

impl From<usize> for Arg<'_> {
    fn from(n: usize) -> Self {
        // Counts of cases or days never come near i64::MAX; saturating keeps this total.
        Arg::Number(i64::try_from(n).unwrap_or(i64::MAX))
    }
}

impl<'a> Arg<'a> {
    fn to_fluent(&self) -> FluentValue<'a> {
        match self {
            Arg::Text(text) => FluentValue::String(text.clone()),
            Arg::Number(n) => FluentValue::from(*n),
        }
    }
}

/// A shipped catalogue that does not load: only a broken build can cause this, and a test
/// loads every catalogue.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum I18nError {
    /// Fluent syntax error.
    #[error("the '{lang}' catalogue has a syntax error at line {line}: {detail}")]
    Syntax {
        /// The catalogue's language.
        lang: Lang,
        /// 1-based line of the error.
        line: usize,
        /// The parser's description.
        detail: String,
    },
    /// The catalogue parses but cannot be added to a bundle (a message defined twice).
    #[error("the '{lang}' catalogue cannot be loaded: {detail}")]
    Bundle {
        /// The catalogue's language.
        lang: Lang,
        /// Fluent's description.
        detail: String,
    },
}

/// Every visible string of the console, in every language.
///
/// Built once at start-up and shared (it is `Send + Sync`); looking up a message is cheap.
pub struct Texts {
    bundles: [FluentBundle<FluentResource>; 3],
}

impl std::fmt::Debug for Texts {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Texts").finish_non_exhaustive()
    }
}

impl Texts {
    /// Loads the three embedded catalogues.
    ///
    /// # Errors
    ///
    /// [`I18nError`] if a shipped catalogue does not parse (a test makes sure they all do).
    ///
    /// ```
    /// use merzim::i18n::{Lang, Texts};
    /// let texts = Texts::new()?;
    /// assert_eq!(texts.tr(Lang::Ru, "kind-complaint"), "Жалоба");
    /// # Ok::<(), merzim::i18n::I18nError>(())
    /// ```
    pub fn new() -> Result<Texts, I18nError> {
        Ok(Texts {
            bundles: [
                load_bundle(Lang::Kk)?,
                load_bundle(Lang::Ru)?,
                load_bundle(Lang::En)?,
            ],
        })
    }

    /// The message `key` in `lang`. A message missing in `lang` is taken from English, and one
    /// missing everywhere is shown as its key, so a mistake shows up on screen instead of
    /// crashing an officer's session.
    pub fn tr(&self, lang: Lang, key: &str) -> String {
        self.format(lang, key, None, &[])
    }

    /// The message `key` in `lang` with arguments, e.g. `&[("n", 3.into())]`.
    ///
    /// ```
    /// use merzim::i18n::{Lang, Texts};
    /// let texts = Texts::new()?;
    /// let text = texts.tr_args(Lang::Ru, "remaining-working-days", &[("n", 2.into())]);
    /// assert_eq!(text, "осталось 2 рабочих дня");
    /// # Ok::<(), merzim::i18n::I18nError>(())
    /// ```
    pub fn tr_args(&self, lang: Lang, key: &str, args: &[(&str, Arg<'_>)]) -> String {
        self.format(lang, key, None, args)
    }

    /// The attribute `attribute` of message `key` (e.g. an action's `.hint`); falls back like
    /// [`Texts::tr`], to `key.attribute` when missing everywhere.
    /// A fact or error of the layers below, in `lang` (see [`crate::domain::message`]).
    pub fn message(&self, lang: Lang, m: &Message) -> String {
        let values: Vec<(&str, Arg)> = m
            .args
            .iter()
            .map(|(name, v)| (name.as_ref(), self.value(lang, v)))
            .collect();
        self.tr_args(lang, &m.key, &values)
    }

    fn value(&self, lang: Lang, v: &Value) -> Arg<'static> {
        match v {
            Value::Text(t) => Arg::from(t.clone()),
            Value::Number(n) => Arg::from(*n),
            Value::Date(d) => Arg::from(d.format("%Y-%m-%d").to_string()),
            Value::Word(key) => Arg::from(self.tr(lang, key)),
            Value::Words(keys) => {
                let words: Vec<String> = keys
                    .iter()
                    .map(|k| format!("'{}'", self.tr(lang, k)))
                    .collect();
                Arg::from(match words.as_slice() {
                    [] => String::new(),
                    [one] => one.clone(),
                    [init @ .., last] => self.tr_args(
                        lang,
                        "list-or",
                        &[
                            ("init", Arg::from(init.join(", "))),
                            ("last", Arg::from(last.as_str())),
                        ],
                    ),
                })
            }
            Value::Basis(b) => Arg::from(self.basis(lang, b)),
            Value::Message(inner) => Arg::from(self.message(lang, inner)),
        }
    }

    /// A legal basis from the rules data ("Art. 25.4 ¶2; Art. 5.2.7") in `lang`.
    pub fn basis(&self, lang: Lang, basis: &str) -> String {
        basis
            .split("; ")
            .map(|part| match part.strip_prefix("Art. ") {
                Some(rest) => {
                    let (number, tail) = rest.split_once(' ').map_or((rest, ""), |(n, t)| (n, t));
                    let cited =
                        self.tr_args(lang, "basis-article", &[("number", Arg::from(number))]);
                    if tail.is_empty() {
                        cited
                    } else {
                        format!("{cited} {tail}")
                    }
                }
                None if part == "the service's act" => self.tr(lang, "basis-service-act"),
                None => part.to_string(),
            })
            .collect::<Vec<_>>()
            .join("; ")
    }

    pub fn tr_attr(&self, lang: Lang, key: &str, attribute: &str) -> String {
        self.format(lang, key, Some(attribute), &[])
    }

    /// An attribute with arguments.
    pub fn tr_attr_args(
        &self,
        lang: Lang,
        key: &str,
        attribute: &str,
        args: &[(&str, Arg<'_>)],
    ) -> String {
        self.format(lang, key, Some(attribute), args)
    }

    /// Whether `lang`'s own catalogue has the message (and the attribute, if one is given).
    pub fn has(&self, lang: Lang, key: &str, attribute: Option<&str>) -> bool {
        self.formatted(lang, key, attribute, &[]).is_some()
    }

    fn format(
        &self,
        lang: Lang,
        key: &str,
        attribute: Option<&str>,
        args: &[(&str, Arg<'_>)],
    ) -> String {
        if let Some(text) = self.formatted(lang, key, attribute, args) {
            return text;
        }
        tracing::warn!(%lang, key, attribute, "message missing from the catalogue");
        if let Some(text) = self.formatted(Lang::En, key, attribute, args) {
            return text;
        }
        match attribute {
            Some(attribute) => format!("{key}.{attribute}"),
            None => key.to_owned(),
        }
    }

    /// The formatted message, or `None` when `lang`'s bundle lacks it.
    fn formatted(
        &self,
        lang: Lang,
        key: &str,
        attribute: Option<&str>,
        args: &[(&str, Arg<'_>)],
    ) -> Option<String> {
        let bundle = &self.bundles[lang.index()];
        let message = bundle.get_message(key)?;
        let pattern = match attribute {
            Some(attribute) => message.get_attribute(attribute)?.value(),
            None => message.value()?,
        };
        let fluent_args = (!args.is_empty()).then(|| {
            let mut fluent_args = FluentArgs::with_capacity(args.len());
            for (name, value) in args {
                fluent_args.set(*name, value.to_fluent());
            }
            fluent_args
        });
        let mut errors = Vec::new();
        let text = bundle.format_pattern(pattern, fluent_args.as_ref(), &mut errors);
        if !errors.is_empty() {
            // Fluent still produces text (a missing argument shows as `{$n}`), which is better
            // on screen than nothing; the log says what to fix.
            tracing::warn!(%lang, key, ?errors, "message formatted with errors");
        }
        Some(text.into_owned())
    }
}

fn load_bundle(lang: Lang) -> Result<FluentBundle<FluentResource>, I18nError> {
    let source = catalogue_source(lang);
    let resource = FluentResource::try_new(source.to_owned()).map_err(|(_, errors)| {
        let first = errors.first();
        let offset = first.map_or(0, |error| error.pos.start);
        I18nError::Syntax {
            lang,
            line: source.as_bytes()[..offset.min(source.len())]
                .iter()
                .filter(|&&b| b == b'\n')
                .count()
                + 1,
            detail: first.map_or_else(String::new, ToString::to_string),
        }
    })?;
    let mut bundle = FluentBundle::new_concurrent(vec![lang.langid()]);
    bundle.set_use_isolating(false);
    bundle.add_builtins().map_err(|error| I18nError::Bundle {
        lang,
        detail: error.to_string(),
    })?;
    bundle
        .add_resource(resource)
        .map_err(|errors| I18nError::Bundle {
            lang,
            detail: errors
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join("; "),
        })?;
    Ok(bundle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_keys_fall_back_to_the_key() {
        let texts = Texts::new().expect("catalogues load");
        assert_eq!(texts.tr(Lang::Kk, "no-such-message"), "no-such-message");
        assert_eq!(
            texts.tr_attr(Lang::Ru, "action-quit", "no-such-attribute"),
            "action-quit.no-such-attribute"
        );
        assert!(!texts.has(Lang::En, "no-such-message", None));
    }

    #[test]
    fn missing_arguments_do_not_panic() {
        let texts = Texts::new().expect("catalogues load");
        let text = texts.tr(Lang::Ru, "remaining-working-days");
        assert!(!text.is_empty());
    }

    #[test]
    fn texts_can_be_shared_between_threads() {
        fn assert_send_sync<T: Send + Sync>() {}
        assert_send_sync::<Texts>();
    }
}

//! The interface languages.

use std::fmt;
use std::str::FromStr;

use unic_langid::LanguageIdentifier;

/// A language of the interface. Officers work in Kazakh (the state language), Russian or
/// English, and may switch at run time.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Default,
    serde::Serialize,
    serde::Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// Kazakh (қазақ тілі).
    Kk,
    /// Russian (русский язык).
    Ru,
    /// English.
    #[default]
    En,
}

/// A language code merzim has no catalogue for.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("'{code}' is not a language merzim speaks; use 'kk', 'ru' or 'en'")]
pub struct UnknownLang {
    /// The code as given.
    pub code: String,
}

impl Lang {
    /// Every language, in the order [`Lang::next`] cycles through them.
    pub const ALL: [Lang; 3] = [Lang::Kk, Lang::Ru, Lang::En];

    /// The ISO 639-1 code: `kk`, `ru` or `en`.
    pub const fn code(self) -> &'static str {
        match self {
            Lang::Kk => "kk",
            Lang::Ru => "ru",
            Lang::En => "en",
        }
    }

    /// The language with this code (`kk`, `ru`, `en`, in any case).
    ///
    /// # Errors
    ///
    /// [`UnknownLang`] for any other code; its message lists the choices.
    ///
    /// ```
    /// use merzim::i18n::Lang;
    /// assert_eq!(Lang::from_code("RU"), Ok(Lang::Ru));
    /// assert!(Lang::from_code("de").is_err());
    /// ```
    pub fn from_code(code: &str) -> Result<Lang, UnknownLang> {
        Lang::ALL
            .into_iter()
            .find(|lang| lang.code().eq_ignore_ascii_case(code.trim()))
            .ok_or_else(|| UnknownLang {
                code: code.to_owned(),
            })
    }

    /// The language of a POSIX locale string such as `LANG` (`ru_RU.UTF-8`, `kk_KZ`, `kk-KZ`,
    /// `ru`); anything else, including `C` and `POSIX`, is English.
    ///
    /// `main` reads `LC_ALL`, `LC_MESSAGES` and `LANG` (in that order, first non-empty) and
    /// passes the value here, so that this function stays free of the environment.
    ///
    /// ```
    /// use merzim::i18n::Lang;
    /// assert_eq!(Lang::from_locale("ru_RU.UTF-8"), Lang::Ru);
    /// assert_eq!(Lang::from_locale("kk_KZ"), Lang::Kk);
    /// assert_eq!(Lang::from_locale("C.UTF-8"), Lang::En);
    /// ```
    pub fn from_locale(locale: &str) -> Lang {
        // language[_territory][.codeset][@modifier], or a BCP 47 tag with '-'.
        let language = locale
            .split(['_', '-', '.', '@'])
            .next()
            .unwrap_or_default();
        match language.to_ascii_lowercase().as_str() {
            "kk" => Lang::Kk,
            "ru" => Lang::Ru,
            _ => Lang::En,
        }
    }

    /// The next language, for switching at run time: Kazakh → Russian → English → Kazakh.
    ///
    /// ```
    /// use merzim::i18n::Lang;
    /// assert_eq!(Lang::En.next(), Lang::Kk);
    /// ```
    pub const fn next(self) -> Lang {
        match self {
            Lang::Kk => Lang::Ru,
            Lang::Ru => Lang::En,
            Lang::En => Lang::Kk,
        }
    }

    /// The catalogue key of the language's name (`language-kk`, ...).
    pub const fn name_key(self) -> &'static str {
        match self {
            Lang::Kk => "language-kk",
            Lang::Ru => "language-ru",
            Lang::En => "language-en",
        }
    }

    /// The language identifier fluent uses to choose plural rules.
    pub fn langid(self) -> LanguageIdentifier {
        // The three codes are valid identifiers, so the default is never reached; it keeps this
        // function total without an unwrap.
        self.code().parse().unwrap_or_default()
    }

    /// Index into per-language arrays.
    pub(crate) const fn index(self) -> usize {
        match self {
            Lang::Kk => 0,
            Lang::Ru => 1,
            Lang::En => 2,
        }
    }
}

impl FromStr for Lang {
    type Err = UnknownLang;

    fn from_str(code: &str) -> Result<Lang, UnknownLang> {
        Lang::from_code(code)
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locales() {
        let cases = [
            ("ru_RU.UTF-8", Lang::Ru),
            ("ru_KZ.UTF-8", Lang::Ru),
            ("kk_KZ", Lang::Kk),
            ("kk_KZ.UTF-8@latin", Lang::Kk),
            ("kk-KZ", Lang::Kk),
            ("RU", Lang::Ru),
            ("en_US.UTF-8", Lang::En),
            ("de_DE.UTF-8", Lang::En),
            ("C", Lang::En),
            ("POSIX", Lang::En),
            ("", Lang::En),
        ];
        for (locale, lang) in cases {
            assert_eq!(Lang::from_locale(locale), lang, "{locale}");
        }
    }

    #[test]
    fn codes_round_trip_and_next_cycles() {
        for lang in Lang::ALL {
            assert_eq!(lang.code().parse::<Lang>(), Ok(lang));
            assert_eq!(lang.langid().to_string(), lang.code());
            assert_eq!(Lang::ALL[lang.index()], lang);
            assert_eq!(lang.next().next().next(), lang);
            assert_ne!(lang.next(), lang);
        }
    }
}

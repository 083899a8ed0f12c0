//! Hotkeys that work whatever the keyboard layout.
//!
//! An officer typing Kazakh or Russian who presses the key marked `J` gets `о`, not `j`. Rather
//! than making them switch layouts to move down the queue, a letter of the ЙЦУКЕН layouts is
//! taken as the Latin (US QWERTY) key in the same physical position, but only when the letter
//! itself is not bound, so a user keymap can still bind Cyrillic letters directly.

use crokey::{KeyCombination, OneToThree};
use crossterm::event::KeyCode;

use super::key::normalize;

/// The key in the same physical position on a US keyboard, for a key typed in the Russian or
/// Kazakh layout; `None` when the key has no Cyrillic letter or is not a character.
///
/// Modifiers are kept (`ctrl-в` is `ctrl-d`); an uppercase letter gives the shifted Latin key
/// (`П` is `G`, `Ж` is `:`), as Shift on that key would on a US keyboard.
///
/// ```
/// use merzim::keymap::latin_equivalent;
/// use crokey::KeyCombination;
/// use crossterm::event::{KeyCode, KeyModifiers};
///
/// let o = KeyCombination::one_key(KeyCode::Char('о'), KeyModifiers::NONE);
/// let j = KeyCombination::one_key(KeyCode::Char('j'), KeyModifiers::NONE);
/// assert_eq!(latin_equivalent(o), Some(j));
/// ```
pub fn latin_equivalent(key: KeyCombination) -> Option<KeyCombination> {
    let OneToThree::One(KeyCode::Char(c)) = key.codes else {
        return None;
    };
    let latin = latin_char(c)?;
    Some(normalize(KeyCombination::one_key(
        KeyCode::Char(latin),
        key.modifiers,
    )))
}

/// The US QWERTY character produced by the key that produces `c` in the Russian (ЙЦУКЕН) or
/// Kazakh layout, with the same Shift state (letters, and the punctuation where the two layouts
/// move it off its US key).
fn latin_char(c: char) -> Option<char> {
    Some(match c {
        // Russian ЙЦУКЕН; the Kazakh layout keeps these letters on the same keys.
        'й' => 'q',
        'ц' => 'w',
        'у' => 'e',
        'к' => 'r',
        'е' => 't',
        'н' => 'y',
        'г' => 'u',
        'ш' => 'i',
        'щ' => 'o',
        'з' => 'p',
        'х' => '[',
        'ъ' => ']',
        'ф' => 'a',
        'ы' => 's',
        'в' => 'd',
        'а' => 'f',
        'п' => 'g',
        'р' => 'h',
        'о' => 'j',
        'л' => 'k',
        'д' => 'l',
        'ж' => ';',
        'э' => '\'',
        'я' => 'z',
        'ч' => 'x',
        'с' => 'c',
        'м' => 'v',
        'и' => 'b',
        'т' => 'n',
        'ь' => 'm',
        'б' => ',',
        'ю' => '.',
        'ё' => '`',
        'Й' => 'Q',
        'Ц' => 'W',
        'У' => 'E',
        'К' => 'R',
        'Е' => 'T',
        'Н' => 'Y',
        'Г' => 'U',
        'Ш' => 'I',
        'Щ' => 'O',
        'З' => 'P',
        'Х' => '{',
        'Ъ' => '}',
        'Ф' => 'A',
        'Ы' => 'S',
        'В' => 'D',
        'А' => 'F',
        'П' => 'G',
        'Р' => 'H',
        'О' => 'J',
        'Л' => 'K',
        'Д' => 'L',
        'Ж' => ':',
        'Э' => '"',
        'Я' => 'Z',
        'Ч' => 'X',
        'С' => 'C',
        'М' => 'V',
        'И' => 'B',
        'Т' => 'N',
        'Ь' => 'M',
        'Б' => '<',
        'Ю' => '>',
        'Ё' => '~',
        // The Kazakh letters sit on the number row, on keys 2 3 4 5 8 9 0 - =, both in the
        // Windows "Kazakh" layout (KBDKAZ, https://learn.microsoft.com/globalization/keyboards/kbdkaz,
        // as transcribed in Mottie/Keyboard layouts/ms-Kazakh.js) and in xkb `symbols/kz`
        // "basic" (RST KazSSR 903-90): ә і ң ғ on 2-5, ү ұ қ on 8-0, ө on minus, һ on equals.
        'ә' => '2',
        'і' => '3',
        'ң' => '4',
        'ғ' => '5',
        'ү' => '8',
        'ұ' => '9',
        'қ' => '0',
        'ө' => '-',
        'һ' => '=',
        'Ә' => '@',
        'І' => '#',
        'Ң' => '$',
        'Ғ' => '%',
        'Ү' => '*',
        'Ұ' => '(',
        'Қ' => ')',
        'Ө' => '_',
        'Һ' => '+',
        // Punctuation on the key right of the Latin `.` (US `/` and `?`): the Russian layout
        // puts `.` and `,` there, the Kazakh one `№` (and `?`, which needs no help). So `.`
        // opens the filter like `/` and `,` the help like `?`, in any layout where those
        // characters are not bound themselves. (`№` is Shift-3 in the Russian layout; taking it
        // for `/` there too is harmless: `#` does nothing.)
        '.' | '№' => '/',
        ',' => '?',
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crossterm::event::KeyModifiers;

    fn key(c: char, modifiers: KeyModifiers) -> KeyCombination {
        normalize(KeyCombination::one_key(KeyCode::Char(c), modifiers))
    }

    #[test]
    fn home_row_and_shifted_letters() {
        assert_eq!(
            latin_equivalent(key('о', KeyModifiers::NONE)),
            Some(key('j', KeyModifiers::NONE))
        );
        assert_eq!(
            latin_equivalent(key('П', KeyModifiers::SHIFT)),
            Some(key('G', KeyModifiers::SHIFT))
        );
        assert_eq!(
            latin_equivalent(key('Г', KeyModifiers::SHIFT)),
            Some(key('U', KeyModifiers::SHIFT))
        );
        // Shifted punctuation loses SHIFT, as the US key would report it.
        assert_eq!(
            latin_equivalent(key('Ж', KeyModifiers::SHIFT)),
            Some(key(':', KeyModifiers::NONE))
        );
        assert_eq!(
            latin_equivalent(key('в', KeyModifiers::CONTROL)),
            Some(key('d', KeyModifiers::CONTROL))
        );
    }

    #[test]
    fn kazakh_number_row() {
        assert_eq!(
            latin_equivalent(key('ә', KeyModifiers::NONE)),
            Some(key('2', KeyModifiers::NONE))
        );
        assert_eq!(
            latin_equivalent(key('Һ', KeyModifiers::SHIFT)),
            Some(key('+', KeyModifiers::NONE))
        );
    }

    #[test]
    fn every_lowercase_letter_has_its_uppercase_on_the_same_key() {
        let lower = "йцукенгшщзхъфывапролджэячсмитьбюёәіңғүұқөһ";
        for c in lower.chars() {
            let upper = super::super::key::normalize(KeyCombination::one_key(
                KeyCode::Char(c),
                KeyModifiers::SHIFT,
            ));
            let OneToThree::One(KeyCode::Char(u)) = upper.codes else {
                panic!("{c} has no single uppercase");
            };
            assert!(latin_char(c).is_some(), "{c}");
            assert!(latin_char(u).is_some(), "{u}");
            assert_ne!(latin_char(c), latin_char(u), "{c}");
        }
    }

    #[test]
    fn the_slash_key_of_the_russian_and_kazakh_layouts() {
        for c in ['.', '№'] {
            assert_eq!(
                latin_equivalent(key(c, KeyModifiers::NONE)),
                Some(key('/', KeyModifiers::NONE)),
                "{c}"
            );
        }
        assert_eq!(
            latin_equivalent(key(',', KeyModifiers::SHIFT)),
            Some(key('?', KeyModifiers::NONE))
        );
    }

    #[test]
    fn latin_and_other_keys_are_left_alone() {
        assert_eq!(latin_equivalent(key('j', KeyModifiers::NONE)), None);
        assert_eq!(
            latin_equivalent(KeyCombination::one_key(KeyCode::Down, KeyModifiers::NONE)),
            None
        );
    }
}

//! A line being typed at the bottom (the filter or a command), edited as in a shell: a caret
//! that moves, Ctrl-a/Ctrl-e, Ctrl-u/Ctrl-w, and Tab completion for commands.
//!
//! Text-input editing is the one place keys are read by their code rather than through the
//! keymap: every printable key is text here.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::command;

/// A line of text being typed at the bottom: the filter or a command.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Input {
    pub kind: InputKind,
    pub text: String,
    /// The caret, in characters from the start of `text`.
    pub cursor: usize,
    /// The filter before typing began, restored by Esc.
    pub before: String,
    /// Tab pressed more than once cycles through these.
    pub completion: Option<Completion>,
}

/// What the bottom line is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputKind {
    Filter,
    Command,
}

/// A completion in progress: the line before the completed word and the words it can be.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Completion {
    pub head: String,
    pub candidates: Vec<&'static str>,
    /// The candidate shown now.
    pub index: usize,
}

/// What a key did to the line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Edit {
    /// The text changed.
    Changed,
    /// Only the caret moved (or nothing happened).
    Moved,
    /// Enter.
    Submit,
    /// Esc or Ctrl-c.
    Cancel,
}

impl Input {
    /// An empty line, or one that starts with `text` and the caret at its end.
    pub fn new(kind: InputKind, text: &str) -> Input {
        Input {
            kind,
            text: text.to_string(),
            cursor: text.chars().count(),
            before: text.to_string(),
            completion: None,
        }
    }

    /// The byte offset of the caret.
    fn at(&self) -> usize {
        byte_at(&self.text, self.cursor)
    }

    /// The text before the caret and from the caret on.
    pub fn split(&self) -> (&str, &str) {
        self.text.split_at(self.at())
    }

    /// Applies a key.
    pub fn key(&mut self, key: KeyEvent) -> Edit {
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        let alt = key.modifiers.contains(KeyModifiers::ALT);
        let len = self.text.chars().count();
        let tab = matches!(key.code, KeyCode::Tab | KeyCode::BackTab);
        if !tab {
            self.completion = None;
        }
        match key.code {
            KeyCode::Esc => return Edit::Cancel,
            KeyCode::Char('c' | 'g') if ctrl => return Edit::Cancel,
            KeyCode::Enter => return Edit::Submit,
            KeyCode::Tab if self.kind == InputKind::Command => {
                return self.complete(1);
            }
            KeyCode::BackTab if self.kind == InputKind::Command => {
                return self.complete(-1);
            }
            KeyCode::Left => self.cursor = self.cursor.saturating_sub(1),
            KeyCode::Right => self.cursor = (self.cursor + 1).min(len),
            KeyCode::Home => self.cursor = 0,
            KeyCode::End => self.cursor = len,
            KeyCode::Char('a') if ctrl => self.cursor = 0,
            KeyCode::Char('e') if ctrl => self.cursor = len,
            KeyCode::Char('b') if ctrl => self.cursor = self.cursor.saturating_sub(1),
            KeyCode::Char('f') if ctrl => self.cursor = (self.cursor + 1).min(len),
            KeyCode::Backspace | KeyCode::Char('h') if ctrl || key.code == KeyCode::Backspace => {
                if self.cursor == 0 {
                    return Edit::Moved;
                }
                let end = self.at();
                self.cursor -= 1;
                let start = self.at();
                self.text.replace_range(start..end, "");
                return Edit::Changed;
            }
            KeyCode::Delete | KeyCode::Char('d') if ctrl || key.code == KeyCode::Delete => {
                if self.cursor >= len {
                    return Edit::Moved;
                }
                let start = self.at();
                let end = byte_at(&self.text, self.cursor + 1);
                self.text.replace_range(start..end, "");
                return Edit::Changed;
            }
            // Ctrl-u deletes to the start of the line, as in a shell.
            KeyCode::Char('u') if ctrl => {
                let at = self.at();
                self.text.replace_range(..at, "");
                self.cursor = 0;
                return Edit::Changed;
            }
            // Ctrl-k deletes to the end of the line.
            KeyCode::Char('k') if ctrl => {
                let at = self.at();
                self.text.truncate(at);
                return Edit::Changed;
            }
            // Ctrl-w deletes the word before the caret.
            KeyCode::Char('w') if ctrl => {
                let at = self.at();
                let before = &self.text[..at];
                let trimmed = before.trim_end().len();
                let cut = before[..trimmed].rfind(' ').map_or(0, |i| i + 1);
                self.text.replace_range(cut..at, "");
                self.cursor = self.text[..cut].chars().count();
                return Edit::Changed;
            }
            KeyCode::Char(c) if !ctrl && !alt && !c.is_control() => {
                self.insert(&c.to_string());
                return Edit::Changed;
            }
            _ => {}
        }
        Edit::Moved
    }

    fn insert(&mut self, s: &str) {
        let at = self.at();
        self.text.insert_str(at, s);
        self.cursor += s.chars().count();
    }

    /// Tab: completes the word before the caret; again, the next candidate (Shift-Tab the one
    /// before). A single candidate is taken, with a space when more words follow.
    fn complete(&mut self, step: isize) -> Edit {
        if let Some(c) = &mut self.completion {
            let n = c.candidates.len() as isize;
            c.index = (c.index as isize + step).rem_euclid(n) as usize;
            let line = format!("{}{}", c.head, c.candidates[c.index]);
            self.text = line;
            self.cursor = self.text.chars().count();
            return Edit::Changed;
        }
        // Completion works on the line up to the caret; what follows it is dropped.
        let (before, _) = self.split();
        let (head, word) = match before.rfind(' ') {
            Some(i) => (&before[..=i], &before[i + 1..]),
            None => ("", before),
        };
        let candidates = command::candidates(head, word);
        let head = head.to_string();
        match candidates.as_slice() {
            [] => Edit::Moved,
            [only] => {
                let space = if command::takes_argument(&head, only) {
                    " "
                } else {
                    ""
                };
                self.text = format!("{head}{only}{space}");
                self.cursor = self.text.chars().count();
                Edit::Changed
            }
            many => {
                let index = if step >= 0 { 0 } else { many.len() - 1 };
                self.text = format!("{head}{}", many[index]);
                self.cursor = self.text.chars().count();
                self.completion = Some(Completion {
                    head,
                    candidates,
                    index,
                });
                Edit::Changed
            }
        }
    }
}

/// The byte offset of the `chars`-th character (the end if there are fewer).
fn byte_at(s: &str, chars: usize) -> usize {
    s.char_indices().nth(chars).map_or(s.len(), |(i, _)| i)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn k(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }

    fn ctrl(c: char) -> KeyEvent {
        KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL)
    }

    fn typed(kind: InputKind, s: &str) -> Input {
        let mut i = Input::new(kind, "");
        for c in s.chars() {
            i.key(k(KeyCode::Char(c)));
        }
        i
    }

    #[test]
    fn the_caret_moves_and_edits_in_place() {
        let mut i = typed(InputKind::Filter, "Мдина");
        assert_eq!(i.cursor, 5);
        for _ in 0..4 {
            i.key(k(KeyCode::Left));
        }
        assert_eq!(i.key(k(KeyCode::Char('ә'))), Edit::Changed);
        assert_eq!(i.text, "Мәдина");
        assert_eq!(i.split(), ("Мә", "дина"));
        i.key(k(KeyCode::Backspace));
        assert_eq!((i.text.as_str(), i.cursor), ("Мдина", 1));
        i.key(k(KeyCode::Delete));
        assert_eq!((i.text.as_str(), i.cursor), ("Мина", 1));
        i.key(ctrl('e'));
        assert_eq!(i.cursor, 4);
        i.key(k(KeyCode::Right));
        assert_eq!(i.cursor, 4, "never past the end");
        i.key(ctrl('a'));
        i.key(k(KeyCode::Left));
        assert_eq!(i.cursor, 0, "never before the start");
        assert_eq!(i.key(k(KeyCode::Backspace)), Edit::Moved);
    }

    #[test]
    fn shell_deletions() {
        let mut i = typed(InputKind::Command, "sort due desc");
        i.key(ctrl('w'));
        assert_eq!(i.text, "sort due ");
        i.key(k(KeyCode::Left));
        i.key(k(KeyCode::Left));
        i.key(ctrl('k'));
        assert_eq!(i.text, "sort du");
        i.key(ctrl('u'));
        assert_eq!((i.text.as_str(), i.cursor), ("", 0));
        assert_eq!(i.key(ctrl('c')), Edit::Cancel);
        assert_eq!(i.key(k(KeyCode::Esc)), Edit::Cancel);
        assert_eq!(i.key(k(KeyCode::Enter)), Edit::Submit);
    }

    #[test]
    fn tab_completes_and_cycles() {
        let mut i = typed(InputKind::Command, "so");
        i.key(k(KeyCode::Tab));
        assert_eq!(
            i.text, "sort ",
            "one candidate, and a space for its argument"
        );
        i.key(k(KeyCode::Char('d')));
        i.key(k(KeyCode::Tab));
        assert_eq!(i.text, "sort due");
        i.key(k(KeyCode::Tab));
        assert_eq!(i.text, "sort desc");
        i.key(k(KeyCode::Tab));
        assert_eq!(i.text, "sort due", "round again");
        i.key(k(KeyCode::BackTab));
        assert_eq!(i.text, "sort desc");
        i.key(k(KeyCode::Char(' ')));
        i.key(k(KeyCode::Tab));
        assert_eq!(i.text, "sort desc asc");
        let mut l = typed(InputKind::Command, "lang r");
        l.key(k(KeyCode::Tab));
        assert_eq!(l.text, "lang ru");
        let mut none = typed(InputKind::Command, "xyz");
        assert_eq!(none.key(k(KeyCode::Tab)), Edit::Moved);
        assert_eq!(none.text, "xyz");
        let mut filter = typed(InputKind::Filter, "so");
        filter.key(k(KeyCode::Tab));
        assert_eq!(filter.text, "so", "the filter does not complete");
    }
}

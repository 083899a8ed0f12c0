//! Facts and errors as data: a catalogue key and its arguments, put into words where they are
//! shown (the console, the command line), in the reader's language. The domain says *what*;
//! the edge says it in Kazakh, Russian or English (STRUCTURE 2).

use std::borrow::Cow;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// A message: the catalogue key and its named arguments. Plain data, so that it crosses the
/// daemon's socket as it is and is put into words at the other end.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Message {
    pub key: Cow<'static, str>,
    pub args: Vec<(Cow<'static, str>, Value)>,
}

/// One argument of a message.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Value {
    /// Text inserted as is (data the person typed or that came from a file: quoted in the
    /// message, made safe where it is shown).
    Text(String),
    /// A number (plural forms are chosen from it).
    Number(i64),
    /// A date, written YYYY-MM-DD.
    Date(NaiveDate),
    /// A word of the catalogue, translated in turn (e.g. `addressee-local-body`).
    Word(String),
    /// Words of the catalogue, joined as a list of alternatives ("a, b or c").
    Words(Vec<String>),
    /// A legal basis from the rules data ("Art. 25.4 ¶2"), cited in the reader's language.
    Basis(String),
    /// Another message, put into words first.
    Message(Box<Message>),
}

impl Message {
    /// A message without arguments.
    pub fn new(key: &'static str) -> Message {
        Message {
            key: Cow::Borrowed(key),
            args: Vec::new(),
        }
    }

    /// The message with one more argument.
    pub fn with(mut self, name: &'static str, value: Value) -> Message {
        self.args.push((Cow::Borrowed(name), value));
        self
    }

    /// The message with a text argument.
    pub fn text(self, name: &'static str, value: impl Into<String>) -> Message {
        self.with(name, Value::Text(value.into()))
    }

    /// The message with a number argument.
    pub fn number(self, name: &'static str, value: impl Into<i64>) -> Message {
        self.with(name, Value::Number(value.into()))
    }

    /// The message with a date argument.
    pub fn date(self, name: &'static str, value: NaiveDate) -> Message {
        self.with(name, Value::Date(value))
    }

    /// The message with a catalogue word as argument.
    pub fn word(self, name: &'static str, key: impl Into<String>) -> Message {
        self.with(name, Value::Word(key.into()))
    }

    /// The message with a legal basis as argument.
    pub fn basis(self, name: &'static str, basis: impl Into<String>) -> Message {
        self.with(name, Value::Basis(basis.into()))
    }
}

/// Anything that can say itself as a [`Message`]; its English `Display` says the same.
pub trait Localize {
    fn message(&self) -> Message;
}

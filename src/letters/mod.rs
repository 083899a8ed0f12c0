//! Letters: the extension notice (Art. 25.4 ¶2) and the answer (Art. 5.2.7; for an
//! application the result or the reasoned refusal naming its Art. 19-1 ground), as drafts the
//! officer finishes, registers and signs in the body's document system (DESIGN 2.4).
//!
//! A letter is a template (`data/templates/KIND.LANG.txt`, embedded in the binary, or the
//! office's own `<data-dir>/templates/KIND.LANG.txt`) rendered with minijinja over the case:
//!
//! - **strict**: a variable the template names and the letter does not have is an error, never
//!   an empty gap in a letter sent to a citizen;
//! - **bounded**: a run-time limit (minijinja's fuel) stops a template that loops without end;
//! - **plain text**: no HTML escaping, and every value from the case is cleaned first
//!   ([`clean`]): escape sequences, controls, bidi and invisible characters are removed;
//! - a line of the template that starts with `# ` is the letter's heading (a heading style in
//!   the `.docx`, the text alone in the `.txt`).
//!
//! An office's template that does not parse or names an unknown variable is **refused**, with
//! its file and line: the office chose its own wording, and quietly sending the shipped one in
//! its place would put a letter the office did not approve in a citizen's hands. Removing (or
//! fixing) the file brings the shipped template back. A file in `templates/` that is not a
//! template's name (`answr.ru.txt`) is refused for the same reason: it was meant to be used.
//!
//! The variables every template has are listed in `data/templates/README.md`.

mod clean;
mod docx;

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::fmt;
use std::path::Path;
use std::str::FromStr;

use chrono::NaiveDate;
use minijinja::syntax::SyntaxConfig;
use minijinja::{AutoEscape, Environment, ErrorKind, UndefinedBehavior, Value, context};
use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::domain::case::{Case, Outcome, PartyId, Status};
use crate::domain::message::{Localize, Message};
use crate::domain::vocabulary::{CaseKind, Ground, Medium};
use crate::i18n::{Arg, Lang, Texts};
use crate::reference::{OfficeFile, Reference};
use crate::service::CaseView;
use crate::ui::sanitize::is_unsafe;

pub use clean::clean;
pub use docx::Line;

/// The run-time limit of one template, in minijinja's fuel units (about one per instruction).
/// The shipped letters take under 100; an office's letter with loops has room to spare, a
/// loop without end stops within milliseconds.
pub const FUEL: u64 = 100_000;

/// Marks a heading line of a template while it renders. A control character: no value can
/// hold it, since [`clean`] removes every control, so no citizen text can make a heading.
const HEADING_MARK: char = '\u{1}';

/// Which letter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum LetterKind {
    /// The complainant is told of an extension, its reasons and the new due date (Art. 25.4 ¶2).
    ExtensionNotice,
    /// The result of considering a complaint (Art. 5.2.7), or of an application: the result or
    /// the reasoned refusal (Art. 19-1.1).
    Answer,
}

impl LetterKind {
    pub const ALL: [LetterKind; 2] = [LetterKind::ExtensionNotice, LetterKind::Answer];

    /// The one spelling, on the command line and in template file names.
    pub fn as_str(self) -> &'static str {
        match self {
            LetterKind::ExtensionNotice => "extension-notice",
            LetterKind::Answer => "answer",
        }
    }

    /// The template's file name in a language: `answer.kk.txt`.
    pub fn file_name(self, lang: Lang) -> String {
        format!("{}.{}.txt", self.as_str(), lang.code())
    }

    /// The shipped template.
    fn shipped(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (LetterKind::ExtensionNotice, Lang::Kk) => {
                include_str!("../../data/templates/extension-notice.kk.txt")
            }
            (LetterKind::ExtensionNotice, Lang::Ru) => {
                include_str!("../../data/templates/extension-notice.ru.txt")
            }
            (LetterKind::ExtensionNotice, Lang::En) => {
                include_str!("../../data/templates/extension-notice.en.txt")
            }
            (LetterKind::Answer, Lang::Kk) => include_str!("../../data/templates/answer.kk.txt"),
            (LetterKind::Answer, Lang::Ru) => include_str!("../../data/templates/answer.ru.txt"),
            (LetterKind::Answer, Lang::En) => include_str!("../../data/templates/answer.en.txt"),
        }
    }
}

impl fmt::Display for LetterKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for LetterKind {
    type Err = String;
    fn from_str(s: &str) -> Result<LetterKind, String> {
        LetterKind::ALL
            .into_iter()
            .find(|k| k.as_str() == s)
            .ok_or_else(|| {
                format!("'{s}' is not a letter; expected one of: extension-notice, answer")
            })
    }
}

/// What a letter is written as.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// UTF-8 text, one line per line, `\n` between them.
    Text,
    /// A Word document.
    Docx,
}

impl Format {
    /// The format a file's extension names (`.txt`, `.docx`, in any case).
    pub fn from_path(path: &Path) -> Result<Format, LetterError> {
        let ext = path
            .extension()
            .map(|e| e.to_string_lossy().to_ascii_lowercase());
        match ext.as_deref() {
            Some("txt") => Ok(Format::Text),
            Some("docx") => Ok(Format::Docx),
            _ => Err(LetterError::Format {
                path: path.display().to_string(),
            }),
        }
    }
}

/// Why a letter cannot be written. English here; [`LetterError::message`] says it in the
/// reader's language.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum LetterError {
    #[error(
        "case '{number}' has no recorded extension: an extension notice tells the complainant of one (Art. 25.4); record the extension first"
    )]
    NoExtension { number: String },
    #[error(
        "case '{number}' is not decided yet: the answer states the decision (Art. 5.2.7, Art. 19-1); record the decision first"
    )]
    NotDecided { number: String },
    #[error(
        "case '{number}' was refused at intake (Art. 20.2): no term started and there is no answer letter for it"
    )]
    RefusedAtIntake { number: String },
    #[error(
        "the due dates of case '{number}' cannot be computed ({reason}), so the letter cannot state them"
    )]
    NoDates { number: String, reason: String },
    #[error(
        "template '{path}', line {line}: {detail}; fix the template, or remove it to use the shipped one"
    )]
    Template {
        path: String,
        line: usize,
        detail: String,
    },
    #[error(
        "'{path}' is not a letter template; name them KIND.LANG.txt ('extension-notice.kk.txt', 'answer.ru.txt') or 'office.toml'"
    )]
    UnknownFile { path: String },
    #[error("'{path}' is not UTF-8 text (at byte {at}); save it as UTF-8")]
    NotUtf8 { path: String, at: usize },
    #[error("office details '{path}': {detail}")]
    Office { path: String, detail: String },
    #[error("'{path}' has no letter format; end the file name with '.txt' or '.docx'")]
    Format { path: String },
    #[error("the .docx could not be made: {detail}")]
    Docx { detail: String },
}

impl Localize for LetterError {
    /// The words of `i18n/*/letters.ftl`, as data (they cross the daemon's socket).
    fn message(&self) -> Message {
        let count = |n: usize| i64::try_from(n).unwrap_or(i64::MAX);
        match self {
            LetterError::NoExtension { number } => {
                Message::new("letter-no-extension").text("number", number)
            }
            LetterError::NotDecided { number } => {
                Message::new("letter-not-decided").text("number", number)
            }
            LetterError::RefusedAtIntake { number } => {
                Message::new("letter-refused-at-intake").text("number", number)
            }
            LetterError::NoDates { number, reason } => Message::new("letter-no-dates")
                .text("number", number)
                .text("reason", reason),
            LetterError::Template { path, line, detail } => Message::new("letter-template")
                .text("path", path)
                .number("line", count(*line))
                .text("detail", detail),
            LetterError::UnknownFile { path } => {
                Message::new("letter-unknown-file").text("path", path)
            }
            LetterError::NotUtf8 { path, at } => Message::new("letter-not-utf8")
                .text("path", path)
                .number("at", count(*at)),
            LetterError::Office { path, detail } => Message::new("letter-office")
                .text("path", path)
                .text("detail", detail),
            LetterError::Format { path } => Message::new("letter-format").text("path", path),
            LetterError::Docx { detail } => Message::new("letter-docx").text("detail", detail),
        }
    }
}

impl LetterError {
    /// The message in `lang`, from `i18n/*/letters.ftl`.
    pub fn message(&self, texts: &Texts, lang: Lang) -> String {
        texts.message(lang, &Localize::message(self))
    }

    /// Whether the fault is in the input (the case, the office's files, the file name) rather
    /// than in the machine: exit status 2.
    pub fn is_input(&self) -> bool {
        !matches!(self, LetterError::Docx { .. })
    }
}

/// The letter `kind` for the case in `view`, in `lang`, as `format` bytes: the one function the
/// command line and the console call. `reference` holds the office's templates; `texts` the
/// words that go into the letter (grounds, results, day counts).
pub fn render(
    texts: &Texts,
    reference: &Reference,
    view: &CaseView,
    kind: LetterKind,
    lang: Lang,
    format: Format,
) -> Result<Vec<u8>, LetterError> {
    let office = OfficeTemplates::new(&reference.templates)?;
    let vars = variables(texts, &office.details(lang)?, view, kind, lang)?;
    let (path, source) = office.source(kind, lang)?;
    let text = render_template(&path, &source, vars)?;
    let lines = lines(&text);
    match format {
        Format::Text => Ok(plain_text(&lines).into_bytes()),
        Format::Docx => docx::docx(&lines).map_err(|detail| LetterError::Docx { detail }),
    }
}

/// The text of a letter (its `.txt`), from the rendered template's lines.
fn plain_text(lines: &[Line]) -> String {
    let mut out = String::new();
    for line in lines {
        match line {
            Line::Heading(t) | Line::Text(t) => out.push_str(t),
        }
        out.push('\n');
    }
    out
}

/// The rendered template as lines: headings found by their mark, every character a terminal
/// or a word processor could act on removed (the template's own too), trailing spaces and
/// blank lines at the end dropped, no more than two blank lines in a row.
fn lines(text: &str) -> Vec<Line> {
    let mut out: Vec<Line> = Vec::new();
    let mut blank = 0;
    for raw in text.lines() {
        let (heading, rest) = match raw.strip_prefix(HEADING_MARK) {
            Some(rest) => (true, rest),
            None => (false, raw),
        };
        let safe: String = rest
            .chars()
            .map(|c| if c == '\t' { ' ' } else { c })
            .filter(|c| !is_unsafe(*c))
            .collect();
        let safe = safe.trim_end();
        if safe.is_empty() && !heading {
            blank += 1;
            if blank > 2 {
                continue;
            }
        } else {
            blank = 0;
        }
        out.push(if heading {
            Line::Heading(safe.trim_start().to_string())
        } else {
            Line::Text(safe.to_string())
        });
    }
    let blank = |l: Option<&Line>| matches!(l, Some(Line::Text(t)) if t.is_empty());
    while blank(out.last()) {
        out.pop();
    }
    while blank(out.first()) {
        out.remove(0);
    }
    out
}

/// Renders `source` (named `path` in errors) over `vars`: strict, fuelled, unescaped.
pub fn render_template(path: &str, source: &str, vars: Value) -> Result<String, LetterError> {
    let source = prepare(source);
    let mut env = Environment::new();
    env.set_undefined_behavior(UndefinedBehavior::Strict);
    env.set_fuel(Some(FUEL));
    env.set_auto_escape_callback(|_| AutoEscape::None);
    env.set_recursion_limit(50);
    let syntax = SyntaxConfig::builder()
        .trim_blocks(true)
        .lstrip_blocks(true)
        .keep_trailing_newline(true)
        .build()
        .map_err(|e| template_error(path, &source, &e))?;
    env.set_syntax(syntax);
    let template = env
        .template_from_named_str(path, &source)
        .map_err(|e| template_error(path, &source, &e))?;
    template
        .render(vars)
        .map_err(|e| template_error(path, &source, &e))
}

/// The template with Windows line ends and a byte order mark gone (line numbers unchanged) and
/// its heading lines marked.
fn prepare(source: &str) -> String {
    let source = source.strip_prefix('\u{feff}').unwrap_or(source);
    let mut out = String::with_capacity(source.len());
    for line in source.split_inclusive('\n') {
        let line = match line.strip_suffix("\r\n") {
            Some(l) => Cow::Owned(format!("{l}\n")),
            None => Cow::Borrowed(line),
        };
        match line.strip_prefix("# ") {
            Some(rest) => {
                out.push(HEADING_MARK);
                out.push_str(rest);
            }
            None => out.push_str(&line),
        }
    }
    out
}

/// One line for a template's error, naming its file and line (and the unknown variable).
fn template_error(path: &str, source: &str, e: &minijinja::Error) -> LetterError {
    let snippet = e
        .range()
        .and_then(|r| source.get(r))
        .map(|s| clean(s.trim_start_matches(HEADING_MARK)))
        .filter(|s| !s.is_empty() && s.chars().count() <= 60);
    let detail = match (e.kind(), snippet) {
        (ErrorKind::UndefinedError, Some(s)) => format!("unknown variable '{s}'"),
        (ErrorKind::UndefinedError, None) => "unknown variable".to_string(),
        (ErrorKind::OutOfFuel, _) => "the template ran too long (a loop without end?)".to_string(),
        (kind, _) => match e.detail() {
            Some(d) => format!("{kind}: {}", clean(d)),
            None => kind.to_string(),
        },
    };
    LetterError::Template {
        path: path.to_string(),
        line: e.line().unwrap_or(1),
        detail,
    }
}

/// The office's `templates/` directory, its names checked.
struct OfficeTemplates<'a> {
    files: &'a [OfficeFile],
}

/// The office's details in one language (`office.toml`, a table per language).
#[derive(Debug, Default, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct OfficeDetails {
    body: Option<String>,
    signer_title: Option<String>,
    signer_name: Option<String>,
}

impl<'a> OfficeTemplates<'a> {
    fn new(files: &'a [OfficeFile]) -> Result<OfficeTemplates<'a>, LetterError> {
        let known = |name: &str| {
            name == "office.toml"
                || LetterKind::ALL
                    .iter()
                    .any(|k| Lang::ALL.iter().any(|l| k.file_name(*l) == name))
                || name.eq_ignore_ascii_case("README.md")
                || name.eq_ignore_ascii_case("README.txt")
        };
        if let Some(f) = files.iter().find(|f| !known(&f.name)) {
            return Err(LetterError::UnknownFile {
                path: f.path.clone(),
            });
        }
        Ok(OfficeTemplates { files })
    }

    fn text(file: &OfficeFile) -> Result<&str, LetterError> {
        std::str::from_utf8(&file.bytes).map_err(|e| LetterError::NotUtf8 {
            path: file.path.clone(),
            at: e.valid_up_to(),
        })
    }

    /// The office's template of `kind` in `lang` if it has one, else the shipped one, with the
    /// path errors name.
    fn source(&self, kind: LetterKind, lang: Lang) -> Result<(String, Cow<'a, str>), LetterError> {
        let name = kind.file_name(lang);
        match self.files.iter().find(|f| f.name == name) {
            Some(f) => Ok((f.path.clone(), Cow::Borrowed(Self::text(f)?))),
            None => Ok((
                format!("data/templates/{name}"),
                Cow::Borrowed(kind.shipped(lang)),
            )),
        }
    }

    /// The body's name and the signatory in `lang` from `office.toml`, if there is one.
    fn details(&self, lang: Lang) -> Result<OfficeDetails, LetterError> {
        let Some(file) = self.files.iter().find(|f| f.name == "office.toml") else {
            return Ok(OfficeDetails::default());
        };
        let text = Self::text(file)?;
        let mut all: BTreeMap<String, OfficeDetails> =
            toml::from_str(text).map_err(|e| LetterError::Office {
                path: file.path.clone(),
                detail: toml_detail(text, &e),
            })?;
        if let Some(other) = all
            .keys()
            .find(|k| !Lang::ALL.iter().any(|l| l.code() == k.as_str()))
        {
            return Err(LetterError::Office {
                path: file.path.clone(),
                detail: format!("'[{other}]' is not a language; use [kk], [ru] and [en]"),
            });
        }
        Ok(all.remove(lang.code()).unwrap_or_default())
    }
}

/// A TOML error as "line N: message".
fn toml_detail(text: &str, e: &toml::de::Error) -> String {
    let message = clean(e.message());
    match e.span() {
        Some(span) => {
            let line = text
                .get(..span.start)
                .map_or(1, |t| t.matches('\n').count() + 1);
            format!("line {line}: {message}")
        }
        None => message,
    }
}

/// `DD.MM.YYYY`, as Kazakh official letters write dates in every language.
fn date(d: NaiveDate) -> String {
    d.format("%d.%m.%Y").to_string()
}

/// The variables of a letter (see `data/templates/README.md`). Every variable is there for
/// both letters, `none` where it does not apply, so that strictness catches only misspellings.
fn variables(
    texts: &Texts,
    office: &OfficeDetails,
    view: &CaseView,
    kind: LetterKind,
    lang: Lang,
) -> Result<Value, LetterError> {
    let case = &view.case;
    let t = |key: &str| texts.tr(lang, key);
    let ta = |key: &str, args: &[(&str, Arg<'_>)]| texts.tr_args(lang, key, args);
    let given = |v: &Option<String>, placeholder: &str| match v.as_deref().map(clean) {
        Some(s) if !s.is_empty() => s,
        _ => t(placeholder),
    };
    let last = last_extension(view, lang, texts);
    let (decision, refusal) = decision_variables(case, lang, texts);
    match kind {
        LetterKind::ExtensionNotice if last.extension.is_none() => {
            return Err(LetterError::NoExtension {
                number: case.number.clone(),
            });
        }
        LetterKind::ExtensionNotice if last.new_due.is_none() => {
            return Err(LetterError::NoDates {
                number: case.number.clone(),
                reason: view.row.problem.clone().unwrap_or_default(),
            });
        }
        LetterKind::Answer if case.status == Status::RefusedAtIntake => {
            return Err(LetterError::RefusedAtIntake {
                number: case.number.clone(),
            });
        }
        LetterKind::Answer if decision.is_none() => {
            return Err(LetterError::NotDecided {
                number: case.number.clone(),
            });
        }
        _ => {}
    }
    let service = view
        .service_name
        .as_ref()
        .map(|n| match lang {
            Lang::Kk => n.kk.as_str(),
            Lang::Ru => n.ru.as_str(),
            Lang::En => n.en.as_str(),
        })
        .map(clean)
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| clean(&case.subject));
    let deadlines = view.deadlines.as_ref();
    Ok(context! {
        body => given(&office.body, "letter-body-placeholder"),
        signer_title => given(&office.signer_title, "letter-signer-title-placeholder"),
        signer_name => given(&office.signer_name, "letter-signer-name-placeholder"),
        number => clean(&case.number),
        kind => case.kind().as_str(),
        registered => date(case.registered),
        applicant => clean(&case.applicant.name),
        applicant_id => match &case.applicant.id {
            PartyId::Individual(i) => i.as_str().to_string(),
            PartyId::Entity(b) => b.as_str().to_string(),
        },
        contact => clean(&case.applicant.contact),
        subject => clean(&case.subject),
        service => service,
        electronic => case.medium == Medium::Electronic,
        due => deadlines.and_then(|d| d.due).map(date),
        original_due => deadlines.and_then(|d| d.original_due).map(date),
        extended_days => deadlines.map(|d| d.extended_days),
        extended_days_words => deadlines
            .filter(|d| d.extended_days > 0)
            .map(|d| ta("letter-days", &[("days", d.extended_days.into())])),
        extension => last.extension,
        due_before => last.due_before,
        new_due => last.new_due,
        decision => decision,
        refusal => refusal,
    })
}

/// The last extension (the one whose notice this is), with the due dates before and after it.
#[derive(Default)]
struct LastExtension {
    extension: Option<Value>,
    due_before: Option<String>,
    /// `None` if the due dates cannot be computed (then the notice cannot be written).
    new_due: Option<String>,
}

fn last_extension(view: &CaseView, lang: Lang, texts: &Texts) -> LastExtension {
    let case = &view.case;
    let Some(ext) = case.extensions.last() else {
        return LastExtension::default();
    };
    // `due_history` holds the original due date, then the date after each extension.
    let n = case.extensions.len();
    let history = view.deadlines.as_ref().map(|d| &d.due_history);
    let before = history.and_then(|h| h.get(n - 1)).copied();
    let after = history
        .and_then(|h| h.get(n))
        .copied()
        .or(view.deadlines.as_ref().and_then(|d| d.due));
    let (ground, article) = match ext.ground {
        Ground::Verification => (
            "letter-ground-verification",
            "letter-ground-article-verification",
        ),
        Ground::Information => (
            "letter-ground-information",
            "letter-ground-article-information",
        ),
    };
    let value = context! {
        date => date(ext.date),
        days => ext.days,
        days_words => texts.tr_args(lang, "letter-days", &[("days", ext.days.into())]),
        ground => texts.tr(lang, ground),
        ground_code => ext.ground.as_str(),
        article => texts.tr(lang, article),
        reason => clean(&ext.reason),
    };
    LastExtension {
        extension: Some(value),
        due_before: before.map(date),
        new_due: after.map(date),
    }
}

/// The decision and, for a refused application, its ground (Art. 19-1.2 in words).
fn decision_variables(case: &Case, lang: Lang, texts: &Texts) -> (Option<Value>, Option<Value>) {
    let Some(d) = &case.decision else {
        return (None, None);
    };
    let result = match d.outcome {
        Outcome::Satisfied => "letter-result-satisfied",
        Outcome::Partly => "letter-result-partly",
        Outcome::Rejected => "letter-result-rejected",
        Outcome::Rendered => "letter-result-rendered",
        Outcome::Refused => "letter-result-refused",
    };
    let decision = context! {
        outcome => d.outcome.as_str(),
        result => texts.tr(lang, result),
        date => date(d.date),
    };
    let refusal = (d.outcome == Outcome::Refused && case.kind() == CaseKind::Application).then(|| {
        let recorded = d.ground.as_deref().unwrap_or_default();
        match refusal_point(recorded) {
            Some(point) => context! {
                basis => texts.tr_args(lang, "letter-refusal-basis", &[("point", point.into())]),
                ground => texts.tr(lang, &format!("letter-refusal-ground-{point}")),
                recorded => clean(recorded),
            },
            None => context! {
                basis => clean(recorded),
                ground => Value::from(()),
                recorded => clean(recorded),
            },
        }
    });
    (Some(decision), refusal)
}

/// The sub-point of Art. 19-1.2 a recorded ground names (`Art. 19-1.2.3` → 3), if it is one of
/// the six.
pub(crate) fn refusal_point(ground: &str) -> Option<u32> {
    let rest = ground.trim().strip_prefix("Art. 19-1.2.")?;
    let point: u32 = rest.trim_end_matches(['.', ')']).parse().ok()?;
    (1..=6).contains(&point).then_some(point)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refusal_points() {
        assert_eq!(refusal_point("Art. 19-1.2.1"), Some(1));
        assert_eq!(refusal_point("Art. 19-1.2.6"), Some(6));
        assert_eq!(refusal_point("Art. 19-1.2.7"), None);
        assert_eq!(refusal_point("other law: Code"), None);
    }

    #[test]
    fn formats_follow_the_extension() {
        assert_eq!(Format::from_path(Path::new("a.TXT")), Ok(Format::Text));
        assert_eq!(Format::from_path(Path::new("x/b.docx")), Ok(Format::Docx));
        assert!(Format::from_path(Path::new("c.pdf")).is_err());
        assert!(Format::from_path(Path::new("noext")).is_err());
    }

    #[test]
    fn headings_and_errors_keep_their_lines() {
        let text =
            render_template("t.txt", "a\r\n# Head\r\n{{ x }}\n", context! { x => 1 }).unwrap();
        assert_eq!(text, "a\n\u{1}Head\n1\n");
        let e =
            render_template("t.txt", "a\n\nb {{ nmae }}\n", context! { name => 1 }).unwrap_err();
        assert_eq!(
            e,
            LetterError::Template {
                path: "t.txt".into(),
                line: 3,
                detail: "unknown variable 'nmae'".into()
            }
        );
    }

    #[test]
    fn endless_loops_run_out_of_fuel() {
        let e = render_template(
            "loop.txt",
            "{% for a in range(1000) %}{% for b in range(1000) %}x{% endfor %}{% endfor %}",
            context! {},
        )
        .unwrap_err();
        assert!(
            matches!(&e, LetterError::Template { detail, .. } if detail.contains("too long")),
            "{e}"
        );
    }
}

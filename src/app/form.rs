//! Forms: the officer's actions on a case (extend, record a notice, decide, close, ...) and the
//! registration of a new case, each turning into one [`CaseCommand`] based on the version the
//! officer saw.
//!
//! A form holds its fields (text fields edited with ratatui-textarea, or a choice from a
//! list), which one has the focus, an error per field, and a live preview computed with the
//! pure domain functions (the new due date, what remains of the cap, the notice that will be
//! owed). A change the law refuses is shown with its article and cannot be saved. Nothing here
//! does I/O: saving is an [`super::Effect::Execute`].

use chrono::NaiveDate;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui_textarea::{CursorMove, TextArea};

use crate::domain::case::{Applicant, Case, Matter, NewCase, Outcome, PartyId, Relation};
use crate::domain::deadline::{self, Extension, NoticeKind, ObligationKind, complaint_deadlines};
use crate::domain::ids::{Bin, IdError, Iin};
use crate::domain::message::{Localize, Message};
use crate::domain::vocabulary::{Addressee, CaseKind, Channel, Form as NoticeForm, Ground, Medium};
use crate::i18n::Lang;
use crate::letters::LetterKind;
use crate::reference::Reference;
use crate::service::CaseCommand;

/// Which form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormKind {
    Register,
    Assign,
    Extend,
    Notice,
    Answer,
    Decide,
    Close,
    Reopen,
    Note,
    SetDue,
    RefuseAtIntake,
    Link,
    Letter,
}

impl FormKind {
    /// The catalogue key of the form's title.
    pub fn i18n_key(self) -> &'static str {
        match self {
            FormKind::Register => "form-title-register",
            FormKind::Assign => "form-title-assign",
            FormKind::Extend => "form-title-extend",
            FormKind::Notice => "form-title-notice",
            FormKind::Answer => "form-title-answer",
            FormKind::Decide => "form-title-decide",
            FormKind::Close => "form-title-close",
            FormKind::Reopen => "form-title-reopen",
            FormKind::Note => "form-title-note",
            FormKind::SetDue => "form-title-set-due",
            FormKind::RefuseAtIntake => "form-title-refuse-at-intake",
            FormKind::Link => "form-title-link",
            FormKind::Letter => "form-title-letter",
        }
    }
}

/// A field of a form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldId {
    CaseKind,
    Name,
    PartyId,
    Contact,
    Medium,
    Addressee,
    Service,
    Channel,
    Registered,
    Subject,
    Text,
    External,
    Ground,
    Days,
    Reason,
    Date,
    NoticeKind,
    NoticeForm,
    Reference,
    Outcome,
    RefusalGround,
    Due,
    Number,
    Relation,
    Login,
    LetterKind,
    File,
}

impl FieldId {
    /// The catalogue key of the field's label.
    pub fn i18n_key(self) -> &'static str {
        match self {
            FieldId::CaseKind => "form-field-case-kind",
            FieldId::Name => "form-field-name",
            FieldId::PartyId => "form-field-party-id",
            FieldId::Contact => "form-field-contact",
            FieldId::Medium => "form-field-medium",
            FieldId::Addressee => "form-field-addressee",
            FieldId::Service => "form-field-service",
            FieldId::Channel => "form-field-channel",
            FieldId::Registered => "form-field-registered",
            FieldId::Subject => "form-field-subject",
            FieldId::Text => "form-field-text",
            FieldId::External => "form-field-external",
            FieldId::Ground => "form-field-ground",
            FieldId::Days => "form-field-days",
            FieldId::Reason => "form-field-reason",
            FieldId::Date => "form-field-date",
            FieldId::NoticeKind => "form-field-notice-kind",
            FieldId::NoticeForm => "form-field-notice-form",
            FieldId::Reference => "form-field-reference",
            FieldId::Outcome => "form-field-outcome",
            FieldId::RefusalGround => "form-field-refusal-ground",
            FieldId::Due => "form-field-due",
            FieldId::Number => "form-field-number",
            FieldId::Relation => "form-field-relation",
            FieldId::Login => "form-field-login",
            FieldId::LetterKind => "form-field-letter-kind",
            FieldId::File => "form-field-file",
        }
    }
}

/// One choice of a choice field: its value and the catalogue word it is shown as.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Choice {
    pub value: &'static str,
    pub word: String,
}

/// What a field holds.
#[derive(Debug, Clone)]
pub enum FieldInput {
    /// One line of text (Enter moves on).
    Line(TextArea<'static>),
    /// Several lines (Enter starts a new line).
    Lines(TextArea<'static>),
    /// One of a list, changed with the arrows or Space.
    Choice { options: Vec<Choice>, index: usize },
}

/// A field with its error.
#[derive(Debug, Clone)]
pub struct Field {
    pub id: FieldId,
    pub input: FieldInput,
    /// What is wrong with what was typed; saving is refused while a field has one.
    pub error: Option<Message>,
    /// Information on what was typed (an IIN that checks out, a non-working day).
    pub note: Option<Message>,
    /// Typed in: its error is shown as typed (the others once saving was tried).
    pub touched: bool,
}

impl Field {
    /// The error to show: as typed once the field was typed in, every one after a save.
    pub fn shown_error(&self, tried: bool) -> Option<&Message> {
        self.error.as_ref().filter(|_| tried || self.touched)
    }

    fn line(id: FieldId, text: &str) -> Field {
        Field {
            id,
            input: FieldInput::Line(filled(text)),
            error: None,
            note: None,
            touched: false,
        }
    }

    fn lines(id: FieldId) -> Field {
        Field {
            id,
            input: FieldInput::Lines(TextArea::default()),
            error: None,
            note: None,
            touched: false,
        }
    }

    fn choice(id: FieldId, options: Vec<Choice>, index: usize) -> Field {
        Field {
            id,
            input: FieldInput::Choice { options, index },
            error: None,
            note: None,
            touched: false,
        }
    }

    /// The text typed (lines joined with newlines), or the chosen value.
    pub fn value(&self) -> String {
        match &self.input {
            FieldInput::Line(t) | FieldInput::Lines(t) => t.lines().join("\n"),
            FieldInput::Choice { options, index } => options
                .get(*index)
                .map(|c| c.value.to_string())
                .unwrap_or_default(),
        }
    }

    pub fn is_multiline(&self) -> bool {
        matches!(self.input, FieldInput::Lines(_))
    }
}

/// A question asked before going on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Ask {
    /// Esc with typed text: throw it away?
    Discard,
    /// Save something that cannot be undone, or despite a warning: the message says exactly
    /// what will happen.
    Save(Message),
}

/// A form being filled.
#[derive(Debug, Clone)]
pub struct Form {
    pub kind: FormKind,
    /// The case it acts on (none for a registration).
    pub number: Option<String>,
    /// The version of the case the officer saw when the form was opened.
    pub version: Option<u64>,
    /// The case's kind (for a registration: as chosen).
    pub case_kind: CaseKind,
    pub fields: Vec<Field>,
    pub focus: usize,
    /// The live preview: what saving will do (due dates, obligations).
    pub preview: Vec<Message>,
    /// Why the law refuses it as it stands (with the article): it cannot be saved.
    pub refusal: Option<Message>,
    /// Allowed, but worth a second look (a notice in the wrong form): asked before saving.
    pub warning: Option<Message>,
    /// The service's answer to the last save, when no one field is at fault: kept with the
    /// text, put into words where it is drawn.
    pub error: Option<Message>,
    /// The case changed since the form was opened: what changed (see [`super::unsaved`]).
    pub conflict: Option<super::unsaved::Conflict>,
    pub ask: Option<Ask>,
    /// Sent, waiting for the answer.
    pub saving: bool,
    /// Something was typed or chosen.
    pub touched: bool,
    /// Saving was tried: every field's error is shown.
    pub tried: bool,
    /// The case as it was when the form opened (the facts the preview is computed on).
    pub case: Option<Box<Case>>,
    /// The reader's language, for the names of services found as typed.
    pub lang: Lang,
    /// How far what was typed is saved as a draft (see `app::drafts`).
    pub draft: super::drafts::DraftState,
    /// Why the last draft could not be saved (in the reader's words), until one is.
    pub draft_error: Option<String>,
    /// Reopened from a draft typed against an older version of the case: says so.
    pub draft_note: Option<Message>,
}

/// What a key did in a form.
pub enum FormKey {
    Nothing,
    Edited,
}

fn choices<T: Copy>(all: &[T], value: fn(T) -> &'static str, prefix: &str) -> Vec<Choice> {
    all.iter()
        .map(|v| Choice {
            value: value(*v),
            word: format!("{prefix}-{}", value(*v)),
        })
        .collect()
}

fn date_text(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

impl Form {
    fn new(kind: FormKind, case: Option<&Case>, fields: Vec<Field>) -> Form {
        Form {
            kind,
            number: case.map(|c| c.number.clone()),
            version: case.map(|c| c.version),
            case_kind: case.map_or(CaseKind::Complaint, Case::kind),
            fields,
            focus: 0,
            preview: Vec::new(),
            refusal: None,
            warning: None,
            error: None,
            conflict: None,
            ask: None,
            saving: false,
            touched: false,
            tried: false,
            case: case.map(|c| Box::new(c.clone())),
            lang: Lang::En,
            draft: super::drafts::DraftState::default(),
            draft_error: None,
            draft_note: None,
        }
    }

    /// The form `kind` for `case` on `today`, with its defaults.
    pub fn for_case(kind: FormKind, case: &Case, today: NaiveDate) -> Form {
        let today_text = date_text(today);
        let form_choices = || {
            let options = choices(NoticeForm::ALL, NoticeForm::as_str, "form");
            let want = case.medium.notice_form();
            let index = NoticeForm::ALL.iter().position(|f| *f == want).unwrap_or(0);
            Field::choice(FieldId::NoticeForm, options, index)
        };
        let fields = match kind {
            FormKind::Extend => vec![
                Field::choice(
                    FieldId::Ground,
                    choices(Ground::ALL, Ground::as_str, "ground"),
                    0,
                ),
                Field::line(FieldId::Days, ""),
                Field::lines(FieldId::Reason),
            ],
            FormKind::Notice => {
                let kinds: &[NoticeKind] = match case.kind() {
                    CaseKind::Complaint => &[NoticeKind::ExtensionNotice],
                    CaseKind::Application => &[NoticeKind::ResultToStateCorporation],
                };
                vec![
                    Field::choice(
                        FieldId::NoticeKind,
                        choices(kinds, NoticeKind::as_str, "notice"),
                        0,
                    ),
                    Field::line(FieldId::Date, &today_text),
                    form_choices(),
                    Field::line(FieldId::Reference, ""),
                ]
            }
            FormKind::Answer => vec![
                Field::line(FieldId::Date, &today_text),
                form_choices(),
                Field::line(FieldId::Reference, ""),
            ],
            FormKind::Decide => {
                let outcomes: Vec<Outcome> = Outcome::ALL
                    .iter()
                    .copied()
                    .filter(|o| o.fits(case.kind()))
                    .collect();
                let mut fields = vec![
                    Field::choice(
                        FieldId::Outcome,
                        choices(&outcomes, Outcome::as_str, "outcome"),
                        0,
                    ),
                    Field::line(FieldId::Date, &today_text),
                ];
                if case.kind() == CaseKind::Application {
                    fields.push(Field::line(FieldId::RefusalGround, ""));
                }
                fields
            }
            FormKind::Close => vec![Field::line(FieldId::Date, &today_text)],
            FormKind::Reopen => vec![
                Field::line(FieldId::Date, &today_text),
                Field::lines(FieldId::Reason),
            ],
            FormKind::Note => vec![Field::lines(FieldId::Text)],
            FormKind::SetDue => vec![Field::line(FieldId::Due, "")],
            FormKind::RefuseAtIntake => vec![
                Field::line(FieldId::Date, &today_text),
                Field::lines(FieldId::Reason),
            ],
            FormKind::Link => vec![
                Field::line(FieldId::Number, ""),
                Field::choice(
                    FieldId::Relation,
                    choices(Relation::ALL, Relation::as_str, "relation"),
                    0,
                ),
            ],
            FormKind::Assign => vec![Field::line(
                FieldId::Login,
                case.assignee.as_deref().unwrap_or(""),
            )],
            FormKind::Letter => {
                let kinds = [LetterKind::ExtensionNotice, LetterKind::Answer];
                let index = usize::from(case.extensions.is_empty());
                vec![
                    Field::choice(
                        FieldId::LetterKind,
                        choices(&kinds, LetterKind::as_str, "letter"),
                        index,
                    ),
                    Field::line(FieldId::File, ""),
                ]
            }
            FormKind::Register => Vec::new(),
        };
        let mut form = Form::new(kind, Some(case), fields);
        if kind == FormKind::Letter {
            form.default_letter_file();
        }
        form
    }

    /// The registration form, with today as the registration date.
    pub fn register(today: NaiveDate) -> Form {
        let fields = vec![
            Field::choice(
                FieldId::CaseKind,
                choices(CaseKind::ALL, CaseKind::as_str, "kind"),
                0,
            ),
            Field::line(FieldId::Name, ""),
            Field::line(FieldId::PartyId, ""),
            Field::line(FieldId::Contact, ""),
            Field::choice(
                FieldId::Medium,
                choices(Medium::ALL, Medium::as_str, "medium"),
                0,
            ),
            Field::choice(
                FieldId::Addressee,
                choices(Addressee::ALL, Addressee::as_str, "addressee"),
                1,
            ),
            Field::line(FieldId::Service, ""),
            Field::choice(
                FieldId::Channel,
                choices(Channel::ALL, Channel::as_str, "channel"),
                0,
            ),
            Field::line(FieldId::Registered, &date_text(today)),
            Field::line(FieldId::Subject, ""),
            Field::lines(FieldId::Text),
            Field::line(FieldId::External, ""),
        ];
        Form::new(FormKind::Register, None, fields)
    }

    /// The letter's file name: the case number and the kind, as text.
    fn default_letter_file(&mut self) {
        let kind = self.value(FieldId::LetterKind);
        let number = self.number.clone().unwrap_or_default();
        if let Some(f) = self.field_mut(FieldId::File) {
            f.input = FieldInput::Line(filled(&format!("{number}-{kind}.txt")));
        }
    }

    pub fn field(&self, id: FieldId) -> Option<&Field> {
        self.fields.iter().find(|f| f.id == id)
    }

    fn field_mut(&mut self, id: FieldId) -> Option<&mut Field> {
        self.fields.iter_mut().find(|f| f.id == id)
    }

    /// What the field holds (empty when the form has no such field).
    pub fn value(&self, id: FieldId) -> String {
        self.field(id).map(Field::value).unwrap_or_default()
    }

    /// Whether a field is shown: a complaint has an addressee, an application a service and a
    /// channel.
    pub fn shows(&self, id: FieldId) -> bool {
        if id == FieldId::RefusalGround {
            // Art. 19-1.1: only a refusal names its ground.
            return self.value(FieldId::Outcome) == Outcome::Refused.as_str();
        }
        if self.kind != FormKind::Register {
            return true;
        }
        let complaint = self.value(FieldId::CaseKind) == CaseKind::Complaint.as_str();
        match id {
            FieldId::Addressee => complaint,
            FieldId::Service | FieldId::Channel => !complaint,
            _ => true,
        }
    }

    /// Moves the focus by `by` shown fields (wrapping).
    pub fn move_focus(&mut self, by: isize) {
        let n = self.fields.len();
        if n == 0 {
            return;
        }
        let mut i = self.focus;
        for _ in 0..n {
            i = (i as isize + by).rem_euclid(n as isize) as usize;
            if self.shows(self.fields[i].id) {
                break;
            }
        }
        self.focus = i;
    }

    pub fn focused(&self) -> Option<&Field> {
        self.fields.get(self.focus)
    }

    /// Text editing in the focused field: the one place a form reads keys by their code. A
    /// control character never goes in.
    pub fn edit(&mut self, key: KeyEvent) -> FormKey {
        let Some(field) = self.fields.get_mut(self.focus) else {
            return FormKey::Nothing;
        };
        let plain = !key
            .modifiers
            .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT);
        let multi = field.is_multiline();
        let changed = match &mut field.input {
            FieldInput::Choice { options, index } => {
                let n = options.len().max(1);
                match key.code {
                    KeyCode::Left | KeyCode::Up => *index = (*index + n - 1) % n,
                    KeyCode::Right | KeyCode::Down | KeyCode::Char(' ') => {
                        *index = (*index + 1) % n
                    }
                    _ => return FormKey::Nothing,
                }
                true
            }
            FieldInput::Line(t) | FieldInput::Lines(t) => match key.code {
                KeyCode::Char(c) if plain && !c.is_control() => {
                    t.insert_char(c);
                    true
                }
                KeyCode::Enter if multi => {
                    t.insert_newline();
                    true
                }
                KeyCode::Backspace => t.delete_char(),
                KeyCode::Delete => t.delete_next_char(),
                KeyCode::Left => {
                    t.move_cursor(CursorMove::Back);
                    false
                }
                KeyCode::Right => {
                    t.move_cursor(CursorMove::Forward);
                    false
                }
                KeyCode::Home => {
                    t.move_cursor(CursorMove::Head);
                    false
                }
                KeyCode::End => {
                    t.move_cursor(CursorMove::End);
                    false
                }
                KeyCode::Up if multi => {
                    t.move_cursor(CursorMove::Up);
                    false
                }
                KeyCode::Down if multi => {
                    t.move_cursor(CursorMove::Down);
                    false
                }
                _ => return FormKey::Nothing,
            },
        };
        if changed {
            self.touched = true;
            if field_is(self, FieldId::LetterKind) {
                self.default_letter_file();
            }
            FormKey::Edited
        } else {
            FormKey::Nothing
        }
    }

    /// A paste (bracketed paste: one event) into the focused text field. Line breaks stay in a
    /// multi-line field and become spaces in a one-line one; tabs become spaces; every other
    /// control character is dropped.
    pub fn paste(&mut self, text: &str) -> FormKey {
        let Some(field) = self.fields.get_mut(self.focus) else {
            return FormKey::Nothing;
        };
        let multi = field.is_multiline();
        let (FieldInput::Line(t) | FieldInput::Lines(t)) = &mut field.input else {
            return FormKey::Nothing;
        };
        let text = text.replace("\r\n", "\n").replace('\r', "\n");
        let clean: String = text
            .chars()
            .filter_map(|c| match c {
                '\n' if multi => Some('\n'),
                '\n' | '\t' => Some(' '),
                c if c.is_control() => None,
                c => Some(c),
            })
            .collect();
        if clean.is_empty() {
            return FormKey::Nothing;
        }
        t.insert_str(clean);
        self.touched = true;
        FormKey::Edited
    }
}

/// A text area holding `lines`, the caret at the end of the last one (where typing goes on).
pub(super) fn text_area(lines: &[String]) -> TextArea<'static> {
    let mut t = TextArea::new(lines.to_vec());
    t.move_cursor(CursorMove::Bottom);
    t.move_cursor(CursorMove::End);
    t
}

/// A one-line text area holding `text`, the caret at its end (where typing goes on).
fn filled(text: &str) -> TextArea<'static> {
    let mut t = TextArea::new(vec![text.to_string()]);
    t.move_cursor(CursorMove::End);
    t
}

fn field_is(form: &Form, id: FieldId) -> bool {
    form.focused().is_some_and(|f| f.id == id)
}

/// A date typed as YYYY-MM-DD.
fn parse_date(s: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").ok()
}

/// The services of the register whose code or name (in any of the three languages) contains
/// what was typed, ignoring letter case; an exact code comes alone.
pub fn find_services<'a>(
    reference: &'a Reference,
    typed: &str,
) -> Vec<&'a crate::domain::services::Service> {
    let want = crate::service::search::fold(typed.trim());
    if want.is_empty() {
        return Vec::new();
    }
    let all: Vec<_> = reference.services.services().collect();
    if let Some(exact) = all
        .iter()
        .find(|s| crate::service::search::fold(&s.code) == want)
    {
        return vec![*exact];
    }
    all.into_iter()
        .filter(|s| {
            [&s.code, &s.name.kk, &s.name.ru, &s.name.en]
                .iter()
                .any(|t| crate::service::search::fold(t).contains(&want))
        })
        .collect()
}

/// What the form will do, when everything typed is readable.
pub enum Ready {
    Command(CaseCommand),
    /// A letter to write: its kind and file.
    Letter(LetterKind, String),
}

impl Form {
    /// Checks every field, fills in the errors, notes and the live preview, and returns what
    /// saving would do if nothing is wrong.
    pub fn check(&mut self, reference: Option<&Reference>, today: NaiveDate) -> Option<Ready> {
        for f in &mut self.fields {
            f.error = None;
            f.note = None;
        }
        self.preview.clear();
        self.refusal = None;
        self.warning = None;
        if self.kind == FormKind::Register {
            self.case_kind = if self.value(FieldId::CaseKind) == CaseKind::Application.as_str() {
                CaseKind::Application
            } else {
                CaseKind::Complaint
            };
        }
        let ready = self.read(reference, today);
        let fields_ok = self.fields.iter().all(|f| f.error.is_none());
        if fields_ok && self.refusal.is_none() {
            ready
        } else {
            None
        }
    }

    fn set_error(&mut self, id: FieldId, m: Message) {
        if let Some(f) = self.field_mut(id) {
            f.error = Some(m);
        }
    }

    fn set_note(&mut self, id: FieldId, m: Message) {
        if let Some(f) = self.field_mut(id) {
            f.note = Some(m);
        }
    }

    /// A date field: required, YYYY-MM-DD, not after today (what is recorded has happened).
    fn date(&mut self, id: FieldId, today: NaiveDate, future_ok: bool) -> Option<NaiveDate> {
        let text = self.value(id);
        match parse_date(&text) {
            Some(d) if !future_ok && d > today => {
                self.set_error(
                    id,
                    Message::new("form-error-future")
                        .date("date", d)
                        .date("today", today),
                );
                None
            }
            // Nothing about a case happens before it was registered.
            Some(d) if self.case.as_ref().is_some_and(|c| d < c.registered) => {
                let registered = self.case.as_ref().map_or(d, |c| c.registered);
                self.set_error(
                    id,
                    Message::new("form-error-before-registration")
                        .date("date", d)
                        .date("registered", registered),
                );
                None
            }
            Some(d) => Some(d),
            None => {
                self.set_error(
                    id,
                    Message::new("form-error-date").text("text", text.trim()),
                );
                None
            }
        }
    }

    fn required(&mut self, id: FieldId) -> Option<String> {
        let text = self.value(id).trim().to_string();
        if text.is_empty() {
            self.set_error(id, Message::new("form-error-empty"));
            None
        } else {
            Some(text)
        }
    }

    fn read(&mut self, reference: Option<&Reference>, today: NaiveDate) -> Option<Ready> {
        let case = self.case.clone();
        match self.kind {
            FormKind::Extend => {
                let ground: Ground = self.value(FieldId::Ground).parse().ok()?;
                let days_text = self.value(FieldId::Days);
                let days = match days_text.trim().parse::<u32>() {
                    Ok(d) => Some(d),
                    Err(_) if days_text.trim().is_empty() => {
                        self.set_error(FieldId::Days, Message::new("form-error-empty"));
                        None
                    }
                    Err(_) => {
                        self.set_error(
                            FieldId::Days,
                            Message::new("form-error-days").text("text", days_text.trim()),
                        );
                        None
                    }
                };
                let reason = self.required(FieldId::Reason);
                let (Some(case), Some(reference), Some(days)) = (case, reference, days) else {
                    return None;
                };
                self.extend_preview(&case, reference, today, ground, days);
                Some(Ready::Command(CaseCommand::Extend {
                    date: today,
                    days,
                    ground,
                    reason: reason?,
                }))
            }
            FormKind::Notice | FormKind::Answer => {
                let sent = self.date(FieldId::Date, today, false);
                let form: NoticeForm = self.value(FieldId::NoticeForm).parse().ok()?;
                let reference_no = self.value(FieldId::Reference).trim().to_string();
                if let Some(case) = &case {
                    let want = case.medium.notice_form();
                    if form != want {
                        self.warning = Some(
                            Message::new("form-warning-form")
                                .word("medium", format!("medium-{}", case.medium.as_str()))
                                .word("want", format!("form-{}", want.as_str()))
                                .word("form", format!("form-{}", form.as_str())),
                        );
                    }
                }
                let sent = sent?;
                if let (Some(case), Some(r)) = (&case, reference) {
                    self.owed_preview(case, r, today, sent);
                }
                Some(Ready::Command(if self.kind == FormKind::Notice {
                    let kind = NoticeKind::ALL
                        .into_iter()
                        .find(|k| k.as_str() == self.value(FieldId::NoticeKind))?;
                    CaseCommand::RecordNotice {
                        kind,
                        sent,
                        form,
                        reference: reference_no,
                    }
                } else {
                    CaseCommand::RecordAnswer {
                        sent,
                        form,
                        reference: reference_no,
                    }
                }))
            }
            FormKind::Decide => {
                let outcome: Outcome = self.value(FieldId::Outcome).parse().ok()?;
                let date = self.date(FieldId::Date, today, false);
                // The grounds the service's own act lists, as a reminder (Art. 19-1.2).
                if let (Some(c), Some(r)) = (&case, reference)
                    && let Matter::Application {
                        service: Some(code),
                        ..
                    } = &c.matter
                    && let Some(service) = r.services.get(code)
                    && !service.refusal_grounds.is_empty()
                {
                    let grounds = service.refusal_grounds.join(", ");
                    self.set_note(
                        FieldId::RefusalGround,
                        Message::new("form-note-refusal-grounds").text("grounds", grounds),
                    );
                }
                let ground = if outcome == Outcome::Refused {
                    // Art. 19-1.1: a refusal names its ground.
                    Some(self.required(FieldId::RefusalGround)?)
                } else {
                    None
                };
                let date = date?;
                Some(Ready::Command(CaseCommand::Decide {
                    outcome,
                    date,
                    ground,
                }))
            }
            FormKind::Close => Some(Ready::Command(CaseCommand::Close {
                date: self.date(FieldId::Date, today, false)?,
            })),
            FormKind::Reopen => {
                let date = self.date(FieldId::Date, today, false);
                let reason = self.required(FieldId::Reason);
                Some(Ready::Command(CaseCommand::Reopen {
                    date: date?,
                    reason: reason?,
                }))
            }
            FormKind::Note => Some(Ready::Command(CaseCommand::AddNote {
                text: self.required(FieldId::Text)?,
            })),
            FormKind::SetDue => {
                let due = self.date(FieldId::Due, today, true)?;
                if let Some(case) = &case
                    && due <= case.registered
                {
                    self.set_error(
                        FieldId::Due,
                        Message::new("form-error-due-before")
                            .date("due", due)
                            .date("registered", case.registered),
                    );
                    return None;
                }
                if let Some(r) = reference
                    && !r.calendar.is_working_day(due)
                {
                    self.set_note(FieldId::Due, Message::new("form-note-non-working"));
                }
                Some(Ready::Command(CaseCommand::SetDue { due }))
            }
            FormKind::RefuseAtIntake => {
                let date = self.date(FieldId::Date, today, false);
                let reason = self.required(FieldId::Reason);
                Some(Ready::Command(CaseCommand::RefuseAtIntake {
                    date: date?,
                    reason: reason?,
                }))
            }
            FormKind::Link => {
                let number = self.required(FieldId::Number)?.to_uppercase();
                let relation: Relation = self.value(FieldId::Relation).parse().ok()?;
                Some(Ready::Command(CaseCommand::Link { number, relation }))
            }
            FormKind::Assign => {
                let login = self.value(FieldId::Login).trim().to_string();
                Some(Ready::Command(CaseCommand::Assign {
                    to: (!login.is_empty()).then_some(login),
                }))
            }
            FormKind::Letter => {
                let kind = LetterKind::ALL
                    .into_iter()
                    .find(|k| k.as_str() == self.value(FieldId::LetterKind))?;
                let file = self.required(FieldId::File)?;
                let lower = file.to_lowercase();
                if !(lower.ends_with(".txt") || lower.ends_with(".docx")) {
                    self.set_error(FieldId::File, Message::new("form-error-letter-format"));
                    return None;
                }
                Some(Ready::Letter(kind, file))
            }
            FormKind::Register => self.read_register(reference, today),
        }
    }

    /// The extension's preview (Art. 25.4): refused with its article, or the new due date,
    /// what remains of the cap, and the notice that will be owed.
    fn extend_preview(
        &mut self,
        case: &Case,
        reference: &Reference,
        today: NaiveDate,
        ground: Ground,
        days: u32,
    ) {
        let cal = &reference.calendar;
        let rules = &reference.rules;
        let Some(facts) = case.complaint_facts() else {
            return;
        };
        let ext = Extension {
            date: today,
            days,
            ground,
            reason: String::new(),
        };
        if let Err(r) = deadline::check_new_extension(cal, rules, &facts, &ext) {
            self.refusal = Some(r.message());
            return;
        }
        let before = complaint_deadlines(cal, rules, &facts, today).ok();
        let mut after_facts = facts.clone();
        after_facts.extensions.push(ext);
        let after = match complaint_deadlines(cal, rules, &after_facts, today) {
            Ok(d) => d,
            Err(r) => {
                self.refusal = Some(r.message());
                return;
            }
        };
        if let (Some(old), Some(new)) = (before.as_ref().and_then(|d| d.due), after.due) {
            self.preview.push(
                Message::new("form-preview-new-due")
                    .date("old", old)
                    .date("new", new),
            );
        }
        if let Ok(edition) = rules.edition_for(facts.registered) {
            let cap = edition.complaint.extension.cap_working_days;
            self.preview.push(
                Message::new("form-preview-cap")
                    .number("used", after.extended_days)
                    .number("cap", cap)
                    .number("left", cap.saturating_sub(after.extended_days))
                    .basis("basis", edition.complaint.extension.basis.clone()),
            );
        }
        if let Some(o) = after
            .obligations
            .iter()
            .rfind(|o| o.kind == ObligationKind::ExtensionNotice)
            && let (Some(due), Some(form)) = (o.due, o.form)
        {
            self.preview.push(
                Message::new("form-preview-notice")
                    .date("due", due)
                    .word("form", format!("form-{}", form.as_str()))
                    .basis("basis", o.basis.clone()),
            );
        }
    }

    /// What the notice or answer being recorded was owed by, and whether `sent` is on time
    /// (a late one is recorded all the same, and stays marked late).
    fn owed_preview(&mut self, case: &Case, r: &Reference, today: NaiveDate, sent: NaiveDate) {
        let Ok(d) = case.deadlines(&r.calendar, &r.rules, today) else {
            return;
        };
        let wanted = match self.kind {
            FormKind::Notice => match self.value(FieldId::NoticeKind).as_str() {
                "extension-notice" => Some(ObligationKind::ExtensionNotice),
                "result-to-state-corporation" => Some(ObligationKind::ResultToStateCorporation),
                _ => None,
            },
            _ => d.main().map(|o| o.kind),
        };
        let Some(o) = d
            .obligations
            .iter()
            .find(|o| Some(o.kind) == wanted && o.state.is_owed())
        else {
            return;
        };
        let Some(due) = o.due else {
            return;
        };
        let late = r.calendar.working_days_between(due, sent);
        let m = Message::new("form-preview-owed")
            .word("kind", format!("obligation-{}", o.kind.as_str()))
            .date("due", due)
            .basis("basis", o.basis.clone());
        self.preview.push(m);
        if sent > due {
            self.preview
                .push(Message::new("form-preview-late").number("days", late.max(0)));
        } else {
            self.preview.push(Message::new("form-preview-on-time"));
        }
    }

    fn read_register(&mut self, reference: Option<&Reference>, today: NaiveDate) -> Option<Ready> {
        let name = self.required(FieldId::Name);
        let id_text: String = self
            .value(FieldId::PartyId)
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect();
        let id = if id_text.is_empty() {
            self.set_error(FieldId::PartyId, Message::new("form-error-empty"));
            None
        } else {
            // An individual's IIN or an entity's BIN: the fifth digit tells them apart (4-6 is
            // an entity's kind).
            let entity = id_text
                .chars()
                .nth(4)
                .is_some_and(|c| ('4'..='6').contains(&c));
            let parsed = if entity {
                Bin::parse(&id_text).map(PartyId::Entity)
            } else {
                Iin::parse(&id_text).map(PartyId::Individual)
            };
            match parsed {
                Ok(id) => {
                    let key = match id {
                        PartyId::Individual(_) => "form-note-iin",
                        PartyId::Entity(_) => "form-note-bin",
                    };
                    self.set_note(FieldId::PartyId, Message::new(key));
                    Some(id)
                }
                Err(e) => {
                    let key = match e {
                        IdError::Shape { .. } => "form-error-id-shape",
                        IdError::CheckDigit { .. } => "form-error-id-check",
                        _ => "form-error-id",
                    };
                    self.set_error(FieldId::PartyId, Message::new(key).text("text", &id_text));
                    None
                }
            }
        };
        let contact = self.value(FieldId::Contact).trim().to_string();
        let medium: Medium = self.value(FieldId::Medium).parse().ok()?;
        let registered = self.date(FieldId::Registered, today, false);
        if let (Some(d), Some(r)) = (registered, reference)
            && !r.calendar.is_working_day(d)
        {
            // An appeal received on a non-working day is registered on the next working day.
            let next = r.calendar.working_day_on_or_after(d).ok();
            let m = Message::new("form-note-registered-day-off");
            self.set_note(
                FieldId::Registered,
                match next {
                    Some(n) => m.date("next", n),
                    None => m.date("next", d),
                },
            );
        }
        let subject = self.required(FieldId::Subject);
        let text = self.required(FieldId::Text);
        let matter = match self.case_kind {
            CaseKind::Complaint => Some(Matter::Complaint {
                addressee: self.value(FieldId::Addressee).parse().ok()?,
                set_due: None,
            }),
            CaseKind::Application => {
                let channel: Channel = self.value(FieldId::Channel).parse().ok()?;
                let typed = self.value(FieldId::Service);
                match reference.map(|r| find_services(r, &typed)) {
                    _ if typed.trim().is_empty() => {
                        self.set_error(FieldId::Service, Message::new("form-error-empty"));
                        None
                    }
                    Some(found) if found.len() == 1 => {
                        let s = found[0];
                        self.set_note(
                            FieldId::Service,
                            Message::new("form-note-service")
                                .text("code", &s.code)
                                .text(
                                    "name",
                                    match self.lang {
                                        Lang::Kk => &s.name.kk,
                                        Lang::Ru => &s.name.ru,
                                        Lang::En => &s.name.en,
                                    },
                                ),
                        );
                        match s.term(channel) {
                            Some(term) => Some(Matter::Application {
                                channel,
                                service: Some(s.code.clone()),
                                term,
                            }),
                            None => {
                                self.set_error(
                                    FieldId::Channel,
                                    Message::new("form-error-channel")
                                        .text("code", &s.code)
                                        .word("channel", format!("channel-{}", channel.as_str())),
                                );
                                None
                            }
                        }
                    }
                    Some(found) if found.is_empty() => {
                        self.set_error(
                            FieldId::Service,
                            Message::new("form-error-service-none").text("text", typed.trim()),
                        );
                        None
                    }
                    Some(found) => {
                        let codes: Vec<&str> =
                            found.iter().take(6).map(|s| s.code.as_str()).collect();
                        self.set_error(
                            FieldId::Service,
                            Message::new("form-error-service-several")
                                .number("count", found.len() as i64)
                                .text("codes", codes.join(", ")),
                        );
                        None
                    }
                    None => None,
                }
            }
        };
        // The live deadlines: the due date and every obligation, as registering would make them.
        if let (Some(matter), Some(r), Some(d)) = (&matter, reference, registered) {
            self.register_preview(r, matter, medium, d, today);
        }
        let applicant = Applicant {
            name: name?,
            id: id?,
            contact,
        };
        Some(Ready::Command(CaseCommand::Register {
            case: Box::new(NewCase {
                matter: matter?,
                medium,
                applicant,
                registered: registered?,
                subject: subject?,
                text: text?,
            }),
            assignee: None,
        }))
    }

    fn register_preview(
        &mut self,
        r: &Reference,
        matter: &Matter,
        medium: Medium,
        registered: NaiveDate,
        today: NaiveDate,
    ) {
        let cal = &r.calendar;
        let rules = &r.rules;
        let deadlines = match matter {
            Matter::Complaint { addressee, .. } => {
                let facts = deadline::ComplaintFacts {
                    registered,
                    addressee: *addressee,
                    medium,
                    set_due: None,
                    extensions: Vec::new(),
                    notices: Vec::new(),
                    follow_ups: Vec::new(),
                    closed: None,
                };
                complaint_deadlines(cal, rules, &facts, today)
            }
            Matter::Application { channel, term, .. } => {
                let facts = deadline::ApplicationFacts {
                    registered,
                    channel: *channel,
                    term: *term,
                    outcome: deadline::ApplicationOutcome::Pending,
                    notices: Vec::new(),
                    closed: None,
                };
                deadline::application_deadlines(cal, rules, &facts, today)
            }
        };
        match deadlines {
            Ok(d) => {
                match d.due {
                    Some(due) => self.preview.push(
                        Message::new("form-preview-due")
                            .date("due", due)
                            .basis("basis", d.term_basis.clone()),
                    ),
                    None => self.preview.push(
                        Message::new("form-preview-no-term").basis("basis", d.term_basis.clone()),
                    ),
                }
                for o in &d.obligations {
                    let m = Message::new("form-preview-obligation")
                        .word("kind", format!("obligation-{}", o.kind.as_str()))
                        .basis("basis", o.basis.clone());
                    self.preview.push(match o.due {
                        Some(due) => m.date("due", due),
                        None => m.text("due", "—"),
                    });
                }
            }
            Err(r) => self.refusal = Some(r.message()),
        }
    }

    /// The question before saving, if this save needs one: what cannot be undone says exactly
    /// what will happen; a notice in the wrong form says so.
    pub fn question(&self, ready: &Ready) -> Option<Message> {
        let number = self.number.clone().unwrap_or_default();
        match ready {
            Ready::Command(CaseCommand::Close { date }) => Some(
                Message::new("form-confirm-close")
                    .text("number", number)
                    .date("date", *date),
            ),
            Ready::Command(CaseCommand::Decide { outcome, .. }) => Some(
                Message::new("form-confirm-decide")
                    .text("number", number)
                    .word("outcome", format!("outcome-{}", outcome.as_str())),
            ),
            Ready::Command(CaseCommand::RefuseAtIntake { .. }) => {
                Some(Message::new("form-confirm-refuse-at-intake").text("number", number))
            }
            Ready::Command(CaseCommand::RecordNotice { .. } | CaseCommand::RecordAnswer { .. }) => {
                self.warning.clone().map(|w| {
                    Message::new("form-confirm-warning").with(
                        "warning",
                        crate::domain::message::Value::Message(Box::new(w)),
                    )
                })
            }
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 23).unwrap_or_default()
    }

    fn press(c: KeyCode) -> KeyEvent {
        KeyEvent::new(c, KeyModifiers::NONE)
    }

    fn focus(form: &mut Form, id: FieldId) {
        form.focus = form.fields.iter().position(|f| f.id == id).unwrap_or(0);
    }

    #[test]
    fn a_paste_keeps_lines_only_where_a_field_has_them_and_drops_controls() {
        let mut form = Form::register(today());
        focus(&mut form, FieldId::Subject);
        form.paste("Жалоба\r\nна\tзадержку\u{1b}[2J\u{7}");
        assert_eq!(form.value(FieldId::Subject), "Жалоба на задержку[2J");
        form.move_focus(1);
        assert_eq!(form.focused().map(|f| f.id), Some(FieldId::Text));
        form.paste("бір\r\nекі\u{9b}31m");
        assert_eq!(form.value(FieldId::Text), "бір\nекі31m");
        assert!(form.touched);
    }

    #[test]
    fn control_characters_typed_never_go_in_and_choices_cycle() {
        let mut form = Form::register(today());
        // The kind: a choice, cycled both ways.
        form.edit(press(KeyCode::Right));
        assert_eq!(form.value(FieldId::CaseKind), "application");
        form.edit(press(KeyCode::Left));
        form.edit(press(KeyCode::Left));
        assert_eq!(form.value(FieldId::CaseKind), "application");
        assert!(!form.shows(FieldId::Addressee) && form.shows(FieldId::Service));
        form.move_focus(1);
        for c in ['Ә', '\u{1b}', 'л', '\u{7}', 'я'] {
            form.edit(press(KeyCode::Char(c)));
        }
        assert_eq!(form.value(FieldId::Name), "Әля");
        // A one-line field has no new line.
        form.edit(press(KeyCode::Enter));
        assert_eq!(form.value(FieldId::Name), "Әля");
    }

    #[test]
    fn a_registration_on_a_day_off_is_flagged_with_the_next_working_day() {
        let reference = Reference::shipped().expect("shipped data");
        let mut form = Form::register(today());
        focus(&mut form, FieldId::Registered);
        form.edit(press(KeyCode::Backspace));
        form.edit(press(KeyCode::Char('1')));
        assert_eq!(form.value(FieldId::Registered), "2026-11-21");
        form.check(Some(&reference), today());
        let note = form.field(FieldId::Registered).and_then(|f| f.note.clone());
        assert_eq!(
            note,
            Some(Message::new("form-note-registered-day-off").date(
                "next",
                NaiveDate::from_ymd_opt(2026, 11, 23).unwrap_or_default()
            ))
        );
    }

    #[test]
    fn a_date_is_checked_where_it_is_typed() {
        let mut form = Form::register(today());
        focus(&mut form, FieldId::Registered);
        for _ in 0..10 {
            form.edit(press(KeyCode::Backspace));
        }
        for c in "2026-11-24".chars() {
            form.edit(press(KeyCode::Char(c)));
        }
        assert!(form.check(None, today()).is_none());
        let error = form
            .field(FieldId::Registered)
            .and_then(|f| f.error.clone())
            .map(|m| m.key);
        assert_eq!(error.as_deref(), Some("form-error-future"));
    }
}

//! Drafts: what an officer typed into a form, kept by the service until the form is saved or
//! deliberately thrown away (issue 8 section 4), and offered back on the next start.
//!
//! `update` has no clock, so it does not debounce: every edit counts one more edit of the form
//! and asks for [`Effect::SaveDraft`] with the form's whole content and that count. The
//! console's loop, which has time, coalesces those requests (the latest content wins) and sends
//! one to the service a few hundred milliseconds after the last keystroke; the answer comes
//! back as [`Msg::DraftSaved`] with the count it saved, so the form knows which edits are safe.
//! Nothing here changes what the screen shows: a draft saved costs no byte on the terminal.

use std::collections::BTreeMap;

use super::form::{FieldInput, Form, FormKind};
use super::{Action, App, Effect, Status, StatusText};
use crate::domain::message::Message;
use crate::service::{Draft, DraftKey};

/// The name of the field that records which version of the case the draft was typed against.
pub const DRAFT_VERSION_FIELD: &str = "case-version";

/// Every form kind, for reading a draft's form name back.
const KINDS: [FormKind; 13] = [
    FormKind::Register,
    FormKind::Assign,
    FormKind::Extend,
    FormKind::Notice,
    FormKind::Answer,
    FormKind::Decide,
    FormKind::Close,
    FormKind::Reopen,
    FormKind::Note,
    FormKind::SetDue,
    FormKind::RefuseAtIntake,
    FormKind::Link,
    FormKind::Letter,
];

impl FormKind {
    /// The form's name in a draft's key (`register`, `extend`, `set-due`, ...).
    pub fn draft_name(self) -> &'static str {
        let key = self.i18n_key();
        key.strip_prefix("form-title-").unwrap_or(key)
    }

    /// The form a draft's name stands for.
    pub fn from_draft_name(name: &str) -> Option<FormKind> {
        KINDS.into_iter().find(|k| k.draft_name() == name)
    }

    /// The case view's action that opens this form (none for a registration).
    fn action(self) -> Option<Action> {
        Some(match self {
            FormKind::Extend => Action::Extend,
            FormKind::Notice => Action::RecordNotice,
            FormKind::Answer => Action::RecordAnswer,
            FormKind::Decide => Action::Decide,
            FormKind::Close => Action::CloseCase,
            FormKind::Reopen => Action::Reopen,
            FormKind::Note => Action::AddNote,
            FormKind::SetDue => Action::SetDue,
            FormKind::RefuseAtIntake => Action::RefuseAtIntake,
            FormKind::Link => Action::LinkCase,
            FormKind::Assign => Action::Assign,
            FormKind::Letter => Action::WriteLetter,
            FormKind::Register => return None,
        })
    }
}

/// How far a form's typing has been saved as a draft.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DraftState {
    /// Edits made to the form (typed, pasted, chosen) since it opened.
    pub edits: u64,
    /// The edits the service has acknowledged as saved in the draft.
    pub saved: u64,
}

impl DraftState {
    /// Something typed is not yet in the saved draft.
    pub fn is_dirty(&self) -> bool {
        self.saved < self.edits
    }
}

impl Form {
    /// The draft's key: the form and the case (none for a registration). The account is the
    /// session's.
    pub fn draft_key(&self) -> DraftKey {
        DraftKey {
            form: self.kind.draft_name().to_string(),
            case: self.number.clone(),
        }
    }

    /// Every field's text or choice by name, and the version of the case it was typed against.
    pub fn draft_fields(&self) -> BTreeMap<String, String> {
        let mut fields: BTreeMap<String, String> = self
            .fields
            .iter()
            .map(|f| (field_name(f.id).to_string(), f.value()))
            .collect();
        if let Some(v) = self.version {
            fields.insert(DRAFT_VERSION_FIELD.to_string(), v.to_string());
        }
        fields
    }

    /// Fills the fields from a draft: choices first (a registration's case kind decides which
    /// fields are shown), then the text. Names the form does not have are left out.
    pub fn fill_from_draft(&mut self, fields: &BTreeMap<String, String>) {
        for f in &mut self.fields {
            let Some(value) = fields.get(field_name(f.id)) else {
                continue;
            };
            match &mut f.input {
                FieldInput::Choice { options, index } => {
                    if let Some(i) = options.iter().position(|c| c.value == value.as_str()) {
                        *index = i;
                    }
                }
                FieldInput::Line(t) => {
                    *t = super::form::text_area(std::slice::from_ref(value));
                }
                FieldInput::Lines(t) => {
                    let lines: Vec<String> = value.split('\n').map(str::to_string).collect();
                    *t = super::form::text_area(&lines);
                }
            }
            f.touched = !value.is_empty();
        }
        self.touched = true;
    }
}

/// A field's name in a draft (`reason`, `party-id`, ...): its catalogue key without the prefix.
fn field_name(id: super::FieldId) -> &'static str {
    let key = id.i18n_key();
    key.strip_prefix("form-field-").unwrap_or(key)
}

/// One more edit of the open form: it is dirty until the service saves this content.
pub(super) fn edited(app: &mut App) -> Vec<Effect> {
    let Some(form) = app.form.as_mut() else {
        return Vec::new();
    };
    form.draft.edits += 1;
    vec![Effect::SaveDraft {
        key: form.draft_key(),
        fields: form.draft_fields(),
        edit: form.draft.edits,
    }]
}

/// The service saved the draft up to `edit`: a later edit keeps the form dirty. A failure is
/// kept quietly with the form (the draft is saved again with the next key, and on a hangup).
pub(super) fn saved(app: &mut App, key: DraftKey, edit: u64, result: Result<(), String>) {
    let Some(form) = app.form.as_mut() else {
        return;
    };
    if form.draft_key() != key {
        return;
    }
    match result {
        Ok(()) => {
            form.draft.saved = form.draft.saved.max(edit);
            form.draft_error = None;
        }
        Err(why) => form.draft_error = Some(why),
    }
}

/// The drafts of the officer, at start: each is offered back, oldest first.
pub(super) fn loaded(app: &mut App, result: Result<Vec<Draft>, String>) {
    match result {
        Ok(mut drafts) => {
            drafts.retain(|d| FormKind::from_draft_name(&d.key.form).is_some());
            drafts.sort_by_key(|d| d.saved);
            app.offers.extend(drafts);
        }
        // The queue works without them; the officer is told once.
        Err(why) => app.error(StatusText::Literal(why)),
    }
}

/// The draft offered now (on the bottom line), unless a form or a line is being typed.
pub fn offered(app: &App) -> Option<&Draft> {
    if app.form.is_some() || app.input.is_some() || app.reopening.is_some() {
        return None;
    }
    app.offers.front()
}

/// The answer to the draft offered: reopen it (a case's form needs the case first), or leave
/// it for the next start. Other keys wait for the answer.
pub(super) fn on_offer_key(app: &mut App, action: Option<Action>) -> Vec<Effect> {
    match action {
        Some(Action::Confirm) => {
            let Some(draft) = app.offers.pop_front() else {
                return Vec::new();
            };
            app.status = None;
            match draft.key.case.clone() {
                None => {
                    reopen(app, draft, None);
                    Vec::new()
                }
                Some(number) => {
                    app.reopening = Some(draft);
                    vec![Effect::LoadCase(number)]
                }
            }
        }
        Some(Action::Back) => {
            // Not deleted: a draft goes only with its form's save or a deliberate cancel.
            app.offers.pop_front();
            app.status = Some(Status {
                text: StatusText::Key("draft-kept", Vec::new()),
                error: false,
            });
            Vec::new()
        }
        _ => Vec::new(),
    }
}

/// The case a draft waits for arrived (or could not be loaded): the form opens on it.
pub(super) fn case_arrived(app: &mut App, loaded: bool) {
    let Some(draft) = app.reopening.take() else {
        return;
    };
    if !loaded {
        // The case cannot be read now; the draft stays for the next start.
        return;
    }
    let version = app.case.as_ref().map(|c| c.view.case.version);
    reopen(app, draft, version);
}

/// Opens the draft's form, on the case now open (`version`: its version now), with the fields
/// as typed. If the case changed since the draft was typed, the form says so; saving is based
/// on the version now shown, and the service's version check catches anything later.
fn reopen(app: &mut App, draft: Draft, version: Option<u64>) {
    let Some(kind) = FormKind::from_draft_name(&draft.key.form) else {
        return;
    };
    match kind.action() {
        None => super::open_register(app),
        Some(action) => {
            if app.case.as_ref().map(|c| &c.view.case.number) != draft.key.case.as_ref() {
                return;
            }
            app.screen = super::Screen::Case;
            super::open_form(app, action, kind);
        }
    }
    let (reference, today) = (app.reference.clone(), app.today);
    let Some(form) = app.form.as_mut() else {
        // Not possible now (the case was closed meanwhile): the status line says why, and the
        // draft stays.
        return;
    };
    form.fill_from_draft(&draft.fields);
    let then = draft
        .fields
        .get(DRAFT_VERSION_FIELD)
        .and_then(|v| v.parse::<u64>().ok());
    if let (Some(then), Some(now)) = (then, version)
        && then != now
    {
        form.draft_note = Some(
            Message::new("draft-case-changed")
                .number("then", i64::try_from(then).unwrap_or(i64::MAX))
                .number("now", i64::try_from(now).unwrap_or(i64::MAX)),
        );
    }
    form.check(reference.as_deref(), today);
    app.status = Some(Status {
        text: StatusText::Key("draft-reopened", Vec::new()),
        error: false,
    });
}

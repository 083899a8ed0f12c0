//! A form whose save the service refused because the case changed meanwhile: the change's
//! versions, what the other officers did (who, what, when: from the case's history), and the
//! keys that save the kept text on the new version or cancel it.

use ratatui::style::Style;

use super::Ctx;
use crate::app::Form;
use crate::app::unsaved::SHOWN_CHANGES;
use crate::i18n::Arg;
use crate::keymap::{Action, Mode};

/// The conflict's lines (before wrapping), with their styles; none without a conflict.
pub(super) fn notes(ctx: &Ctx, form: &Form) -> Vec<(String, Style)> {
    let Some(c) = &form.conflict else {
        return Vec::new();
    };
    let versions = [
        (
            "expected",
            Arg::from(i64::try_from(c.expected).unwrap_or(i64::MAX)),
        ),
        (
            "current",
            Arg::from(i64::try_from(c.current).unwrap_or(i64::MAX)),
        ),
    ];
    let Some(changes) = &c.changes else {
        return vec![(
            ctx.tr_args("conflict-fetching", &versions),
            ctx.theme.status_error,
        )];
    };
    let mut out = vec![(
        ctx.tr_args("conflict-title", &versions),
        ctx.theme.status_error,
    )];
    let hidden = changes.len().saturating_sub(SHOWN_CHANGES);
    if hidden > 0 {
        out.push((
            ctx.tr_args("conflict-more", &[("n", Arg::from(hidden as i64))]),
            ctx.theme.normal,
        ));
    }
    for m in changes.iter().skip(hidden) {
        out.push((
            format!("{} {}", ctx.symbols.dot, ctx.message(m)),
            ctx.theme.normal,
        ));
    }
    out.push((
        ctx.tr_args(
            "conflict-keep",
            &[
                ("save", key_of(ctx, Action::Save).into()),
                ("back", key_of(ctx, Action::Back).into()),
                versions[1].clone(),
            ],
        ),
        ctx.theme.due_today,
    ));
    out
}

/// The first key of the live keymap's `[form]` table for `action`.
fn key_of(ctx: &Ctx, action: Action) -> String {
    ctx.app
        .keymap
        .bindings(Mode::Form, ctx.key_style())
        .into_iter()
        .find(|(a, _)| *a == action)
        .and_then(|(_, keys)| keys.into_iter().next())
        .unwrap_or_default()
}

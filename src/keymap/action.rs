//! What a key can do (`Action`) and where (`Mode`).

use serde::{Deserialize, Serialize};

/// Something the console does in answer to a key.
///
/// The console matches on actions, never on key codes, so that every binding can come from
/// `keymaps/*.toml`. Only actions the console really implements are listed: a name here is a
/// promise that the help screen will not show a key that does nothing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Action {
    /// Leave the console.
    Quit,
    /// Show or hide the key help overlay.
    Help,
    /// Select the previous case in the queue.
    MoveUp,
    /// Select the next case in the queue.
    MoveDown,
    /// One screen up (queue rows or case text).
    PageUp,
    /// One screen down (queue rows or case text).
    PageDown,
    /// Jump to the first row or the top of the text.
    Top,
    /// Jump to the last row or the end of the text.
    Bottom,
    /// Open the selected case.
    Open,
    /// Close the case view or the help, or clear the filter in the queue.
    Back,
    /// Start filtering the queue as you type.
    Filter,
    /// Open the command line.
    Command,
    /// Show or hide closed cases in the queue.
    ToggleClosed,
    /// Show "why this date" for the case's due date.
    Explain,
    /// Scroll the case text one line up.
    ScrollUp,
    /// Scroll the case text one line down.
    ScrollDown,
    /// Jump to the next section of the case view.
    NextSection,
    /// Jump to the previous section of the case view.
    PrevSection,
    /// Switch the interface language (Kazakh, Russian, English, in turn).
    SwitchLanguage,
    /// Reload the cases and repaint the whole screen.
    Refresh,
    /// Reverse the order of the queue (most urgent last, latest due first, ...).
    ReverseSort,
    /// Register a new complaint or application.
    Register,
    /// Take the case (or give it back if it is yours).
    Take,
    /// Give the case to an officer (supervisors).
    Assign,
    /// Extend a complaint's term (Art. 25.4).
    Extend,
    /// Record a notice sent (extension notice, result to the State Corporation).
    RecordNotice,
    /// Record the answer or the result given.
    RecordAnswer,
    /// Decide the case.
    Decide,
    /// Close the case.
    CloseCase,
    /// Reopen a closed case, with a reason.
    Reopen,
    /// Add a note to the case.
    AddNote,
    /// Set the due date where the law sets none (Art. 25.1).
    SetDue,
    /// Refuse an application at intake (Art. 20.2).
    RefuseAtIntake,
    /// Link the case to another one.
    LinkCase,
    /// Write a letter (extension notice, answer) to a file.
    WriteLetter,
    /// Save the form.
    Save,
    /// Move to the next field of the form.
    NextField,
    /// Move to the previous field of the form.
    PrevField,
    /// Confirm what is asked.
    Confirm,
    /// Open the supervisor's dashboard: counts per officer and bucket (issue 10).
    Dashboard,
    /// Move the dashboard's cursor one column left.
    MoveLeft,
    /// Move the dashboard's cursor one column right.
    MoveRight,
    /// Mark the selected case for a bulk action, or unmark it.
    ToggleMark,
    /// Mark the selected case and move down (a range, by moving over it).
    MarkDown,
    /// Mark the selected case and move up.
    MarkUp,
    /// Mark every case shown (the queue as filtered).
    MarkAll,
    /// Unmark every case.
    ClearMarks,
    /// Give the marked cases to an officer (supervisors).
    BulkAssign,
    /// Take the marked cases.
    BulkTake,
}

impl Action {
    /// Every action, in the order the help screen lists them.
    pub const ALL: [Action; 49] = [
        Action::MoveUp,
        Action::MoveDown,
        Action::MoveLeft,
        Action::MoveRight,
        Action::ScrollUp,
        Action::ScrollDown,
        Action::PageUp,
        Action::PageDown,
        Action::Top,
        Action::Bottom,
        Action::NextSection,
        Action::PrevSection,
        Action::Open,
        Action::Back,
        Action::Explain,
        Action::Filter,
        Action::Command,
        Action::ToggleClosed,
        Action::ReverseSort,
        Action::Register,
        Action::Take,
        Action::Assign,
        Action::ToggleMark,
        Action::MarkDown,
        Action::MarkUp,
        Action::MarkAll,
        Action::ClearMarks,
        Action::BulkAssign,
        Action::BulkTake,
        Action::Extend,
        Action::RecordNotice,
        Action::RecordAnswer,
        Action::Decide,
        Action::CloseCase,
        Action::Reopen,
        Action::AddNote,
        Action::SetDue,
        Action::RefuseAtIntake,
        Action::LinkCase,
        Action::WriteLetter,
        Action::Save,
        Action::NextField,
        Action::PrevField,
        Action::Confirm,
        Action::Dashboard,
        Action::Refresh,
        Action::SwitchLanguage,
        Action::Help,
        Action::Quit,
    ];

    /// The stable name used in keymap files (kebab-case, the same as the serde name).
    ///
    /// ```
    /// use merzim::keymap::Action;
    /// assert_eq!(Action::ToggleClosed.name(), "toggle-closed");
    /// ```
    pub const fn name(self) -> &'static str {
        match self {
            Action::Quit => "quit",
            Action::Help => "help",
            Action::MoveUp => "move-up",
            Action::MoveDown => "move-down",
            Action::PageUp => "page-up",
            Action::PageDown => "page-down",
            Action::Top => "top",
            Action::Bottom => "bottom",
            Action::Open => "open",
            Action::Back => "back",
            Action::Filter => "filter",
            Action::Command => "command",
            Action::ToggleClosed => "toggle-closed",
            Action::Explain => "explain",
            Action::ScrollUp => "scroll-up",
            Action::ScrollDown => "scroll-down",
            Action::NextSection => "next-section",
            Action::PrevSection => "prev-section",
            Action::SwitchLanguage => "switch-language",
            Action::Refresh => "refresh",
            Action::ReverseSort => "reverse-sort",
            Action::Register => "register",
            Action::Take => "take",
            Action::Assign => "assign",
            Action::Extend => "extend",
            Action::RecordNotice => "record-notice",
            Action::RecordAnswer => "record-answer",
            Action::Decide => "decide",
            Action::CloseCase => "close-case",
            Action::Reopen => "reopen",
            Action::AddNote => "add-note",
            Action::SetDue => "set-due",
            Action::RefuseAtIntake => "refuse-at-intake",
            Action::LinkCase => "link-case",
            Action::WriteLetter => "write-letter",
            Action::Save => "save",
            Action::NextField => "next-field",
            Action::PrevField => "prev-field",
            Action::Confirm => "confirm",
            Action::Dashboard => "dashboard",
            Action::MoveLeft => "move-left",
            Action::MoveRight => "move-right",
            Action::ToggleMark => "toggle-mark",
            Action::MarkDown => "mark-down",
            Action::MarkUp => "mark-up",
            Action::MarkAll => "mark-all",
            Action::ClearMarks => "clear-marks",
            Action::BulkAssign => "bulk-assign",
            Action::BulkTake => "bulk-take",
        }
    }

    /// The action with this keymap name, if there is one.
    ///
    /// ```
    /// use merzim::keymap::Action;
    /// assert_eq!(Action::from_name("move-down"), Some(Action::MoveDown));
    /// assert_eq!(Action::from_name("move_down"), None);
    /// ```
    pub fn from_name(name: &str) -> Option<Action> {
        Action::ALL.into_iter().find(|action| action.name() == name)
    }

    /// The catalogue key of the action's description (help overlay). The message carries a
    /// `.hint` attribute ([`Action::HINT_ATTRIBUTE`]) with the short label for the hint bar.
    ///
    /// ```
    /// use merzim::keymap::Action;
    /// assert_eq!(Action::Explain.i18n_key(), "action-explain");
    /// ```
    pub const fn i18n_key(self) -> &'static str {
        match self {
            Action::Quit => "action-quit",
            Action::Help => "action-help",
            Action::MoveUp => "action-move-up",
            Action::MoveDown => "action-move-down",
            Action::PageUp => "action-page-up",
            Action::PageDown => "action-page-down",
            Action::Top => "action-top",
            Action::Bottom => "action-bottom",
            Action::Open => "action-open",
            Action::Back => "action-back",
            Action::Filter => "action-filter",
            Action::Command => "action-command",
            Action::ToggleClosed => "action-toggle-closed",
            Action::Explain => "action-explain",
            Action::ScrollUp => "action-scroll-up",
            Action::ScrollDown => "action-scroll-down",
            Action::NextSection => "action-next-section",
            Action::PrevSection => "action-prev-section",
            Action::SwitchLanguage => "action-switch-language",
            Action::Refresh => "action-refresh",
            Action::ReverseSort => "action-reverse-sort",
            Action::Register => "action-register",
            Action::Take => "action-take",
            Action::Assign => "action-assign",
            Action::Extend => "action-extend",
            Action::RecordNotice => "action-record-notice",
            Action::RecordAnswer => "action-record-answer",
            Action::Decide => "action-decide",
            Action::CloseCase => "action-close-case",
            Action::Reopen => "action-reopen",
            Action::AddNote => "action-add-note",
            Action::SetDue => "action-set-due",
            Action::RefuseAtIntake => "action-refuse-at-intake",
            Action::LinkCase => "action-link-case",
            Action::WriteLetter => "action-write-letter",
            Action::Save => "action-save",
            Action::NextField => "action-next-field",
            Action::PrevField => "action-prev-field",
            Action::Confirm => "action-confirm",
            Action::Dashboard => "action-dashboard",
            Action::MoveLeft => "action-move-left",
            Action::MoveRight => "action-move-right",
            Action::ToggleMark => "action-toggle-mark",
            Action::MarkDown => "action-mark-down",
            Action::MarkUp => "action-mark-up",
            Action::MarkAll => "action-mark-all",
            Action::ClearMarks => "action-clear-marks",
            Action::BulkAssign => "action-bulk-assign",
            Action::BulkTake => "action-bulk-take",
        }
    }

    /// The attribute of [`Action::i18n_key`] that holds the one-word hint-bar label.
    pub const HINT_ATTRIBUTE: &'static str = "hint";
}

/// A screen of the console with its own key table.
///
/// Keymap files also have a `[global]` table, which applies in every mode unless the mode binds
/// the same key. Text input (the filter and command lines) is not keymapped: there every
/// printable key is text, and the console itself handles Enter and Esc.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Mode {
    /// The queue of cases (main screen).
    Queue,
    /// One case opened.
    Case,
    /// The key help overlay.
    Help,
    /// A form (extend, record a notice, register, ...). Only this table applies, never
    /// `[global]` nor the keyboard-layout fallback: letters type into the field.
    Form,
    /// A question before something that cannot be undone, or before typed text is thrown away.
    Confirm,
    /// The supervisor's dashboard: officers by buckets, and the chart of due cases.
    Dashboard,
}

impl Mode {
    /// Every mode, in the order the help screen lists them.
    pub const ALL: [Mode; 6] = [
        Mode::Queue,
        Mode::Case,
        Mode::Help,
        Mode::Form,
        Mode::Confirm,
        Mode::Dashboard,
    ];

    /// The table name used in keymap files.
    pub const fn name(self) -> &'static str {
        match self {
            Mode::Queue => "queue",
            Mode::Case => "case",
            Mode::Help => "help",
            Mode::Form => "form",
            Mode::Confirm => "confirm",
            Mode::Dashboard => "dashboard",
        }
    }

    /// The mode whose table has this name (`global` is not a mode: see [`Mode`]).
    pub fn from_name(name: &str) -> Option<Mode> {
        Mode::ALL.into_iter().find(|mode| mode.name() == name)
    }

    /// The catalogue key of the mode's name, as shown in the help overlay.
    pub const fn i18n_key(self) -> &'static str {
        match self {
            Mode::Queue => "mode-queue",
            Mode::Case => "mode-case",
            Mode::Help => "mode-help",
            Mode::Form => "mode-form",
            Mode::Confirm => "mode-confirm",
            Mode::Dashboard => "mode-dashboard",
        }
    }

    /// Index into per-mode arrays.
    pub(crate) const fn index(self) -> usize {
        match self {
            Mode::Queue => 0,
            Mode::Case => 1,
            Mode::Help => 2,
            Mode::Form => 3,
            Mode::Confirm => 4,
            Mode::Dashboard => 5,
        }
    }

    /// Whether the mode's own table is all that applies: in a form, letters are text, so
    /// neither `[global]` nor the keyboard-layout fallback may turn them into actions.
    pub const fn own_table_only(self) -> bool {
        matches!(self, Mode::Form | Mode::Confirm)
    }
}

/// The name of the table that applies in every mode.
pub const GLOBAL_TABLE: &str = "global";

/// The action name that removes a binding (as in yazi): `q = "noop"` in `[queue]` makes `q` do
/// nothing there, even if `[global]` binds it.
pub const NOOP: &str = "noop";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_and_match_serde() {
        for action in Action::ALL {
            assert_eq!(Action::from_name(action.name()), Some(action));
            let json = serde_json::to_string(&action).expect("serialize");
            assert_eq!(json, format!("\"{}\"", action.name()));
            assert!(action.i18n_key().ends_with(action.name()));
        }
        for mode in Mode::ALL {
            assert_eq!(Mode::from_name(mode.name()), Some(mode));
            assert_eq!(Mode::ALL[mode.index()], mode);
        }
    }

    #[test]
    fn all_lists_every_action_once() {
        let mut sorted = Action::ALL.to_vec();
        sorted.sort();
        sorted.dedup();
        assert_eq!(sorted.len(), Action::ALL.len());
        assert_eq!(Action::from_name(NOOP), None);
    }
}

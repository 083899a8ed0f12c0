//! How the console draws, chosen at start-up. It lives with the state (the renderer reads it
//! from [`App`](super::App)), so that `app` needs nothing from `ui`.

/// How the console draws: chosen at start-up from options and the environment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Profile {
    /// No colours (`NO_COLOR`, `--monochrome`).
    pub monochrome: bool,
    /// ASCII only for borders and symbols (`--ascii`).
    pub ascii: bool,
    /// A `>` marker instead of a reversed row (`--low-bandwidth`).
    pub marker_cursor: bool,
}

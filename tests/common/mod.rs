//! Helpers shared by the integration tests.

pub mod desk;
pub mod tmux;

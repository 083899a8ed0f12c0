//! merzim: a terminal case-management console for complaints and applications for state
//! services in Kazakhstan. See `README.md` for a tour and `../shared/DESIGN.md` for the design.

pub mod app;
pub mod cli;
pub mod client;
pub mod console;
pub mod domain;
pub mod i18n;
pub mod keymap;
pub mod letters;
pub mod reference;
pub mod server;
pub mod service;
pub mod store;
pub mod ui;
pub mod wire;

//! The pure core: calendar, rules, deadlines, cases. No terminal, database, files or clock here.

pub mod asof;
pub mod calendar;
pub mod case;
pub mod deadline;
pub mod ids;
pub mod message;
pub mod rules;
pub mod services;
pub mod vocabulary;
pub mod why;

//! The pure core: calendar, rules, deadlines, cases. No terminal, database, files or clock here.

pub mod calendar;
pub mod deadline;
pub mod rules;
pub mod services;
pub mod vocabulary;

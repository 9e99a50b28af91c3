//! Pure data folds behind the view panels: timeline lanes, lifecycle counts, the await tree,
//! the event log's filter, and the words they share. No yew, no DOM: plain functions of
//! trace events (or of a `Loop` for the await tree), so they can be tested without a page.

pub mod append_log;
pub mod await_cycles;
pub mod await_tree;
pub mod compare;
pub mod console;
pub mod event_log;
pub mod filter;
pub mod lifecycle;
pub mod provenance;
pub mod resources;
pub mod task_table;
pub mod timeline;
pub mod trace_folds;
pub mod words;

pub use words::{Lookup, StateKind};

#[cfg(test)]
mod tests;

//! Exports of a run's trace to other tools' formats.

pub mod chrome;

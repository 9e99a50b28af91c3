//! Rewind, replay and compare: a run's inputs from outside (clock changes, user actions)
//! recorded at exact positions (`script`), a program re-run from them (`replayer`: the
//! same steps at the same loop times), and the files a run travels in (`file`). Pure and
//! tested natively; the page records in `ui/bridge.rs` and rewinds in `ui/rewind.rs`.

pub mod file;
mod json;
mod read;
pub mod replayer;
pub mod script;
#[cfg(test)]
mod tests;

pub use file::{Imported, RunFile};
pub use replayer::{at_iteration, IterationCount, Replayer};
pub use script::{Input, Mark, Position, Recorder, Script};

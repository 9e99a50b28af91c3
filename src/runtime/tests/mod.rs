//! Scenario tests with the scripted host (`testing.rs`), asserting results and traces.

mod barrier;
mod combinations;
mod core;
mod driver;
mod fairness;
mod gather;
mod ordering;
mod queue;
mod seeds;
mod sync;
mod task_group;
mod timeouts;
mod wait;

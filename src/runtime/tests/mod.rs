//! Scenario tests with the scripted host (`testing.rs`), asserting results and traces.

mod core;
mod gather;
mod seeds;
mod timeouts;

//! Shared helpers for the browser tests: the scripted host, recorded scenarios on a virtual
//! clock, and DOM helpers for mounting a component and reading it back.
#![allow(dead_code)]

pub mod dom;
pub mod scenario;
pub mod script_host;

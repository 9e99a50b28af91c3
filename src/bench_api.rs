//! What the benchmark page (`bench/`) calls in the release wasm build: run a program to the
//! end on a virtual clock, as the CLI does, and read the wasm memory size. Tiny on purpose.

use wasm_bindgen::prelude::wasm_bindgen;

use crate::lang::vm::limits::Limits;
use crate::lang::vm::session::Session;

/// Runs `source` as `main.py` to the end on a virtual clock (tracing off, as in the CLI) and
/// returns everything it wrote, stdout and stderr in order. The page's limits, except the
/// cap on live tasks, which the CLI does not have either: the memory benchmark keeps
/// 100,000 tasks alive (the page stops a program at 20,000, `docs/limits.md`).
#[wasm_bindgen(js_name = benchRun)]
pub fn bench_run(source: &str) -> String {
    let limits = Limits {
        tasks: usize::MAX,
        ..Limits::default()
    };
    let mut session = Session::with_limits(source, "main.py", limits);
    session.run_to_end();
    session
        .take_console()
        .into_iter()
        .map(|(_, text)| text)
        .collect()
}

/// The size of this module's linear memory in bytes (it only grows, so after a run it is
/// that run's peak).
#[wasm_bindgen(js_name = wasmMemoryBytes)]
pub fn wasm_memory_bytes() -> f64 {
    (core::arch::wasm32::memory_size(0) as f64) * 65536.0
}

/// How many interpreter sessions are alive in the page (one per run at most once the runs
/// before it are over): the soak reads it to catch a finished run kept alive.
#[wasm_bindgen(js_name = liveSessions)]
pub fn live_sessions() -> u32 {
    crate::lang::vm::session::live_sessions() as u32
}

//! What one program run may use (design §2 "Limits"), in one [`Limits`] value, and the checks
//! that enforce it. `docs/limits.md` documents each default and guarantee. Modelled on boa's
//! `vm/runtime_limits.rs` (a small value) and rhai's `is_catchable` (limits unwind uncaught).

use super::{memory, Stream, Vm};
use crate::lang::value::exception::Limit;
use crate::lang::value::{PyErr, PyResult};

/// The resource limits of a run. Exceeding `recursion` or `native_depth` raises CPython's
/// `RecursionError` (catchable, as in CPython); every other limit stops the program with an
/// uncatchable [`Limit`] whose message names the limit and the task that hit it (no
/// `except BaseException:` can swallow it). Set them with [`Vm::set_limits`] or
/// `Session::with_limits`.
#[derive(Clone, Debug)]
pub struct Limits {
    /// Python frames deep before `RecursionError` (CPython's `sys.getrecursionlimit()`).
    pub recursion: usize,
    /// Nested Rust-level calls (a builtin calling back into Python: `__repr__`, key
    /// functions, `__eq__`; `repr`/`==`/`hash` of nested containers) before
    /// `RecursionError`. Each level costs native stack, which is small on wasm32.
    pub native_depth: usize,
    /// Heap bytes the run may hold beyond what was allocated when it started (every
    /// allocation counts: lists, dicts, strings, objects, frames, tasks), else `MemoryError`.
    pub memory: usize,
    /// Tasks alive at once (created and not yet done).
    pub tasks: usize,
    /// Bytes of console output (stdout and stderr) over the whole run.
    pub output: usize,
    /// VM instructions over the whole run (`u64::MAX`: none; the CLI's `--max-instructions`).
    pub instructions: u64,
    /// VM instructions (and steps of `repr`/`==`/`hash` over nested data) that may run in one
    /// stretch that cannot pause: code a builtin calls back into (`__repr__`, `key=`,
    /// `__eq__`), where the page cannot paint until it returns.
    pub unpausable: u64,
    /// The same bound in wall time (milliseconds since the driver's slice began), checked
    /// when `wall_clock` is set (the browser sets both: steps of `repr` are far slower than
    /// instructions, so only time tells how long the page has been frozen).
    pub unpausable_ms: f64,
    /// A wall clock in milliseconds (`performance.now()` in the page); `None`: no time limits.
    pub wall_clock: Option<fn() -> f64>,
}

/// Default memory budget: 256 MiB (a browser tab's wasm memory can grow to 4 GiB, but tabs
/// get killed well before that on small devices).
pub const DEFAULT_MEMORY: usize = 256 << 20;

impl Default for Limits {
    fn default() -> Self {
        Limits {
            recursion: 1000,
            native_depth: super::NATIVE_LIMIT,
            memory: DEFAULT_MEMORY,
            tasks: 20_000,
            output: 256 << 10,
            instructions: u64::MAX,
            unpausable: 20_000_000,
            unpausable_ms: 100.0,
            wall_clock: None,
        }
    }
}

impl Limits {
    /// Small limits for fuzzing and tests of the limits themselves.
    pub fn fuzzing() -> Limits {
        Limits {
            recursion: 200,
            native_depth: super::NATIVE_LIMIT,
            memory: 32 << 20,
            tasks: 200,
            output: 64 << 10,
            instructions: 300_000,
            unpausable: 100_000,
            unpausable_ms: f64::INFINITY,
            wall_clock: None,
        }
    }
}

/// Which limit stopped a run, and where (for the message).
#[derive(Clone, Debug, PartialEq)]
pub struct LimitHit {
    pub limit: Limit,
    /// `task 'Task-3'` or `module code`.
    pub place: String,
    /// The task that was running (its creation index), when a task hit it.
    pub task: Option<u32>,
}

impl Vm {
    /// Replaces the run's limits (before it starts, or between slices).
    pub fn set_limits(&mut self, limits: Limits) {
        self.limits = limits;
    }

    /// The uncatchable error for `limit`, remembering where it happened for the message.
    pub fn limit_error(&mut self, limit: Limit) -> PyErr {
        if self.limit_hit.is_none() {
            let place = self.place();
            let task = self.running_task();
            self.limit_hit = Some(LimitHit { limit, place, task });
        }
        PyErr::Limit(limit)
    }

    /// The running task's creation index, if a task is running.
    fn running_task(&mut self) -> Option<u32> {
        if self.lp.is_null() {
            return None;
        }
        self.with_loop(|lp, _| Ok(lp.current_task().map(|t| t.0)))
            .ok()
            .flatten()
    }

    /// The limit in a few words, as a task row's mark shows it: `memory limit 256 MiB`.
    pub fn limit_label(&self, limit: Limit) -> String {
        let l = &self.limits;
        match limit {
            Limit::Stop => "stopped".into(),
            Limit::Memory => format!("memory limit {}", bytes(l.memory)),
            Limit::Instructions => format!("instruction limit {}", l.instructions),
            Limit::Unpausable if self.unpausable_timed => {
                format!("unpausable-call limit {} ms", l.unpausable_ms)
            }
            Limit::Unpausable => format!("unpausable-call limit {} steps", l.unpausable),
            Limit::Tasks => format!("live-task limit {}", l.tasks),
            Limit::Output => format!("output limit {}", bytes(l.output)),
        }
    }

    /// `task 'NAME'` for the running task, else `module code`.
    fn place(&mut self) -> String {
        if self.lp.is_null() {
            return "module code".into();
        }
        let name = self
            .with_loop(|lp, _| Ok(lp.current_task().and_then(|t| lp.task_name(t))))
            .ok()
            .flatten();
        match name {
            Some(n) => format!("task '{n}'"),
            None => "a callback".into(),
        }
    }

    /// Polled every 1024 instructions and by [`Vm::tick_native`]: Stop, the total instruction
    /// budget, the unpausable stretch, memory and live tasks.
    pub(crate) fn check_limits(&mut self) -> PyResult<()> {
        let limit = if self.stop.get() {
            Some(Limit::Stop)
        } else if self.steps > self.limits.instructions {
            Some(Limit::Instructions)
        } else if self.work().saturating_sub(self.unpausable_from) > self.limits.unpausable {
            Some(Limit::Unpausable)
        } else if self.work() > self.unpausable_from && self.unpausable_too_long() {
            self.unpausable_timed = true;
            Some(Limit::Unpausable)
        } else if self.memory_used() > self.limits.memory {
            Some(Limit::Memory)
        } else if self.live_tasks > self.limits.tasks {
            Some(Limit::Tasks)
        } else if self.output_bytes >= self.limits.output {
            // Output written outside `print` (logged callback errors) reached the cap.
            Some(Limit::Output)
        } else {
            None
        };
        match limit {
            Some(l) => Err(self.limit_error(l)),
            None => Ok(()),
        }
    }

    /// Instructions plus steps of Rust-level work over data (`tick_native`): what the
    /// unpausable limit counts. (`steps` alone counts instructions, as the lints report them.)
    pub(crate) fn work(&self) -> u64 {
        self.steps.wrapping_add(self.ticks)
    }

    /// Has the current unpausable stretch run longer than `unpausable_ms` (only asked while
    /// inside one)? It counts from the first check inside the stretch (at most 1024 steps
    /// after it began), not from the slice's start: pausable work earlier in the slice, slow
    /// on a loaded machine, must not stop an ordinary call (a `sum()` over a generator after
    /// gathering 10,000 tasks was stopped that way).
    fn unpausable_too_long(&mut self) -> bool {
        let Some(now) = self.limits.wall_clock else {
            return false;
        };
        let t = now();
        if self.stretch_timed_from != Some(self.unpausable_from) {
            self.stretch_timed_from = Some(self.unpausable_from);
            self.stretch_started_ms = t.max(self.slice_started_ms);
            return false;
        }
        t - self.stretch_started_ms > self.limits.unpausable_ms
    }

    /// A driver's slice begins (an unpausable stretch never spans slices: the page painted).
    pub fn slice_started(&mut self) {
        if let Some(now) = self.limits.wall_clock {
            self.slice_started_ms = now();
        }
        self.stretch_timed_from = None;
    }

    /// Heap bytes allocated on this thread since the run started.
    pub fn memory_used(&self) -> usize {
        memory::live_bytes().saturating_sub(self.memory_base)
    }

    /// Guards one allocation sized by user data (`'a' * 10**12`, `[0] * n`): a catchable
    /// `MemoryError` when `bytes` would not fit in what is left of the budget, as CPython
    /// raises when `malloc` fails.
    pub fn reserve(&self, bytes: usize) -> PyResult<()> {
        if bytes > self.limits.memory.saturating_sub(self.memory_used()) {
            return Err(PyErr::new(
                &crate::lang::builtins::types::exception("MemoryError"),
                vec![],
            ));
        }
        Ok(())
    }

    /// Counts one step of Rust-level work over data (`repr`/`==`/`hash` of nested
    /// containers, an item a builtin draws from an iterator) as work, so a cheap-to-build, exponential-to-walk structure
    /// (`x = [x, x]` forty times, then `print(x)`) hits the unpausable limit or Stop.
    pub(crate) fn tick_native(&mut self) -> PyResult<()> {
        self.ticks += 1;
        if self.ticks & 0x3ff == 0 {
            self.check_limits()?;
        }
        Ok(())
    }

    /// Enters a nested run of the eval loop (a builtin calling back into Python), which
    /// cannot pause; pair with [`Vm::leave_unpausable`].
    pub(crate) fn enter_unpausable(&mut self) {
        self.native_depth += 1;
    }

    pub(crate) fn leave_unpausable(&mut self) {
        self.native_depth = self.native_depth.saturating_sub(1);
    }

    /// Writes program output (`print`, `sys.stdout.write`), and stops the program with
    /// `Limit::Output` once the output cap is reached (`Vm::write` cuts the text there).
    pub fn write_checked(&mut self, stream: Stream, text: &str) -> PyResult<()> {
        self.write(stream, text);
        if self.output_bytes >= self.limits.output {
            return Err(self.limit_error(Limit::Output));
        }
        Ok(())
    }

    /// A task was created: counts it against the live-task cap.
    pub(crate) fn task_created(&mut self) -> PyResult<()> {
        self.live_tasks += 1;
        if self.live_tasks > self.limits.tasks {
            return Err(self.limit_error(Limit::Tasks));
        }
        Ok(())
    }

    /// A task's coroutine finished.
    pub(crate) fn task_finished(&mut self) {
        self.live_tasks = self.live_tasks.saturating_sub(1);
    }

    /// The message printed when `limit` stopped the program.
    pub fn limit_message(&self, limit: Limit) -> String {
        let place = match &self.limit_hit {
            Some(h) if h.limit == limit => h.place.clone(),
            _ => "the program".into(),
        };
        let l = &self.limits;
        match limit {
            Limit::Stop => "Stopped.".into(),
            Limit::Memory => format!(
                "MemoryError: {place} used more than the playground's {} of memory; \
                 the program was stopped",
                bytes(l.memory)
            ),
            Limit::Instructions => format!(
                "Stopped: {place} reached the limit of {} instructions for a run",
                l.instructions
            ),
            Limit::Unpausable if self.unpausable_timed => format!(
                "Stopped: {place} spent more than {} ms inside one call that cannot pause \
                 (a __repr__, __eq__, key function or the like); the page could not respond",
                l.unpausable_ms
            ),
            Limit::Unpausable => format!(
                "Stopped: {place} ran {} steps inside one call that cannot pause \
                 (a __repr__, __eq__, key function or the like); the page could not respond",
                l.unpausable
            ),
            Limit::Tasks => format!(
                "Stopped: {place} created more than {} live tasks (a task bomb?)",
                l.tasks
            ),
            Limit::Output => format!(
                "\nStopped: {place} printed more than the playground's {} of output",
                bytes(l.output)
            ),
        }
    }
}

/// `256 MiB`, `64 KiB`, `100 bytes`.
fn bytes(n: usize) -> String {
    if n >= 1 << 20 && n.is_multiple_of(1 << 20) {
        format!("{} MiB", n >> 20)
    } else if n >= 1 << 10 && n.is_multiple_of(1 << 10) {
        format!("{} KiB", n >> 10)
    } else {
        format!("{n} bytes")
    }
}

#[cfg(test)]
mod tests {
    use super::bytes;

    #[test]
    fn sizes_read_well() {
        assert_eq!(bytes(256 << 20), "256 MiB");
        assert_eq!(bytes(64 << 10), "64 KiB");
        assert_eq!(bytes(100), "100 bytes");
    }
}

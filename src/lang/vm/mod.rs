//! The virtual machine: calling convention, the abstract object protocol (`protocol.rs`,
//! CPython `Objects/abstract.c` and `object.c`), operators (`ops.rs`), the eval loop
//! (`eval.rs`, instruction families in `opcode/`), and the bridge to the event loop
//! (`host.rs`, `session.rs`).
//!
//! # Suspending and resuming
//! A frame (`frame.rs`) is a heap object: code, pc, value stack, locals, cells, handler
//! blocks. An `Exec` is a stack of frames run by one loop in `eval.rs`. A Python call from
//! bytecode pushes a frame on the same `Exec` (no Rust recursion); `await coro` moves the
//! coroutine's frame onto it too. So when the innermost frame awaits a runtime object
//! (`asyncio.sleep(1)`, a task, a lock), `YieldFrom` leaves `[sub]` on its stack and the loop
//! returns `Outcome::Yield(sub)` with every frame intact. The task's `Host::resume`
//! (`host.rs`) drives `sub`'s native state machine; when it finishes, it re-enters `run` with
//! `Resume::Delegated(result)`, which replaces `[sub]` by the result (or raises there).
//! `Resume::Throw` raises at the pending await (cancellation). An instruction budget makes
//! `run` return `OutOfBudget` between any two instructions, resumable with
//! `Resume::Continue`. `Session` uses that for module code, and suspends the module
//! frame inside `asyncio.run` (`PyErr::Suspend`) while it runs the loop slice by slice.
//!
//! Rust-level re-entry (a builtin calling back into Python: key functions, dunders from
//! `repr`/`==`/`hash`, `__init__`) runs a nested `Exec` to completion; those calls cannot
//! suspend, exactly the places where CPython cannot `await` either.
//!
//! Invariants: no `RefCell` borrow of a user-visible object is held across a call into
//! user code (`Vm::call`), so re-entrant user code can never hit a borrow panic; native
//! recursion (nested runs, repr of nested containers) is bounded by `native_limit` and
//! fails with `RecursionError`; Python frames are bounded by `recursion_limit`.

mod attr;
mod compare;
pub mod eval;
pub mod facts;
mod fast_path;
pub mod frame;
pub mod host;
pub mod items;
pub mod limits;
pub mod memory;
mod opcode;
pub mod ops;
mod per_task;
pub mod protocol;
pub mod reach;
mod repr;
pub mod session;
mod task_exec;
pub mod traceback;
mod unwind;

use std::cell::RefCell;
use std::rc::Rc;

use crate::lang::builtins::types;
use crate::lang::value::{Args, Class, Instance, PyDict, PyErr, PyResult, TypeKind, Value};

/// The default of `Limits::native_depth`: how deep calls from Rust back into Python (dunders, key functions) and recursion over
/// nested data may go. Each level costs native stack: about 13 KB in release builds (a
/// 2 MB thread stack held 150 levels of a recursive `__repr__`), far more in debug builds;
/// wasm32's default stack is 1 MB.
pub const NATIVE_LIMIT: usize = if cfg!(debug_assertions) {
    14
} else if cfg!(target_arch = "wasm32") {
    60
} else {
    120
};

/// Where console text goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stream {
    Stdout,
    Stderr,
}

/// A run of console text one writer wrote: the stream, the task running when it was
/// written (`None`: module code or a plain callback) and when. Adjacent writes by the same
/// task to the same stream are merged into one chunk.
#[derive(Clone, Debug, PartialEq)]
pub struct Output {
    pub stream: Stream,
    pub task: Option<crate::runtime::TaskId>,
    pub text: String,
    /// Loop time and iteration of the first write (0 outside a loop).
    pub time: f64,
    pub iteration: u64,
    /// The `seq` the loop's next trace event will have: the chunk was written after every
    /// event numbered below it (0 outside a loop).
    pub seq: u64,
}

/// One interpreter: the builtins namespace, the console, and recursion accounting.
pub struct Vm {
    pub builtins: Rc<RefCell<PyDict>>,
    /// Console output in order, tagged with the task that wrote it; adjacent writes by one
    /// task to one stream are merged.
    pub console: Vec<Output>,
    /// Current native + Python call depth.
    pub depth: usize,
    /// What the run may use (`limits.rs`).
    pub limits: limits::Limits,
    /// Which limit stopped the run, and where (for its message).
    pub limit_hit: Option<limits::LimitHit>,
    /// `memory::live_bytes()` when the run started: the memory limit counts from there.
    pub memory_base: usize,
    /// Bytes of console output written so far (the output cap).
    pub output_bytes: usize,
    /// Tasks created and not yet finished (the live-task cap).
    pub live_tasks: usize,
    /// Steps of Rust-level work over data (`Vm::tick_native`), counted apart from `steps`.
    pub(crate) ticks: u64,
    /// `work()` at the last instruction that could pause: where an unpausable stretch began.
    pub(crate) unpausable_from: u64,
    /// `limits.wall_clock` when the driver's current slice began.
    pub(crate) slice_started_ms: f64,
    /// The unpausable stretch being timed (its `unpausable_from`), and when its first check
    /// ran (`limits::unpausable_too_long`).
    pub(crate) stretch_timed_from: Option<u64>,
    pub(crate) stretch_started_ms: f64,
    /// The unpausable limit was hit by time (`unpausable_ms`), not by steps.
    pub(crate) unpausable_timed: bool,
    /// Ids of containers whose repr is in progress (`Py_ReprEnter`).
    pub(crate) repr_active: Vec<i64>,
    /// Nested Rust-level runs of the eval loop (calls from builtins back into Python).
    pub native_depth: usize,
    /// Instructions executed so far (bounded by `limits.instructions`).
    pub steps: u64,
    /// Set by the UI's Stop button; polled every 1024 instructions.
    pub stop: Rc<std::cell::Cell<bool>>,
    /// Exceptions handled by frames of enclosing execution stacks.
    pub(crate) outer_handled: Vec<Value>,
    pub(crate) current_handled: Option<Value>,
    /// Imported modules by name.
    pub modules: std::collections::HashMap<String, Value>,
    /// The running event loop while one runs (see `host.rs`, `with_loop`); null otherwise.
    pub(crate) lp: *mut crate::runtime::Loop<Vm>,
    /// The loop's clock when the last `asyncio.run` ended.
    pub loop_time: f64,
    /// Async generators first iterated inside a loop (CPython `loop._asyncgens`, a weak
    /// set): those still suspended when `asyncio.run` ends are closed then.
    pub(crate) asyncgens: Vec<std::rc::Weak<crate::lang::value::function::Coroutine>>,
    /// Unnamed tasks made so far by all loops (`Task-N` counts across `asyncio.run`s).
    pub(crate) task_counter: u64,
    /// `loop.set_exception_handler(handler)`.
    pub(crate) exception_handler: Option<Value>,
    /// Run by a `Session`: `asyncio.run` from module code hands its loop to the session
    /// (`pending_run`) and suspends the module instead of running the loop itself.
    pub(crate) sliced: bool,
    pub(crate) pending_run: Option<session::LoopRun>,
    /// The clock `asyncio.run` gives its loop when a driver sets one (browser, scaled wall
    /// time; it shares its cell with `clock`); `None`: `clock`, virtual.
    pub loop_clock: Option<crate::runtime::ManualClock>,
    /// Instructions a task step may run before it pauses (`Step::Paused`) so the page can
    /// paint; `None`: unlimited (the CLI). Refilled by the session for every slice.
    pub(crate) step_budget: Option<u64>,
    /// The loop the next `asyncio.run` will use, made early when module code creates a
    /// Lock, Event, Semaphore, Condition or Queue outside any loop (CPython binds such an
    /// object to the first loop that uses it; here, to the next loop).
    pub(crate) next_loop: Option<Box<crate::runtime::Loop<Vm>>>,
    /// The random module's generator (seeded on first use when not seeded).
    pub(crate) random: Option<Rc<RefCell<crate::lang::modules::random::Mt>>>,
    /// The generators of `random.Random` instances, by the index each instance keeps.
    pub(crate) random_gens: Vec<Rc<RefCell<crate::lang::modules::random::Mt>>>,
    /// The clock event loops run on, shared with the `time` module.
    pub clock: crate::lang::modules::time::SharedClock,
    /// Warnings already shown (`file:line:name`).
    pub(crate) warned: std::collections::HashSet<String>,
    /// The coroutine each task runs, and how each task's coroutine ended (for reprs).
    pub(crate) task_coros: per_task::PerTask<Rc<crate::lang::value::function::Coroutine>>,
    pub(crate) task_outcome: per_task::PerTask<PyResult<Value>>,
    /// Tasks already reported as waiting on an object nothing else references, and the
    /// iteration before which the next such check is not made (`reach.rs`).
    pub(crate) unreferenced_seen: std::collections::HashSet<u32>,
    pub(crate) unreferenced_next: u64,
    /// The TaskGroup each task was created by (`tg.create_task`), by task id.
    pub(crate) task_groups: std::collections::HashMap<u32, u32>,
    /// Byte offset (in the program text) of the call being executed, for trace spans.
    pub cur_offset: u32,
    /// Record trace events in the loops `asyncio.run` creates (the UI turns it on).
    pub tracing: bool,
    /// The NULL of `LoadMethod`/`CallMethod`: a private object never visible to programs.
    pub(crate) null: Value,
    /// Facts for the lints, recorded since the last `take_facts` (`facts.rs`).
    pub(crate) facts: Vec<facts::Fact>,
    /// Thresholds for `FactKind::SlowStep`: loop seconds and instructions per step.
    pub slow_step: (f64, u64),
    /// Loop time, instruction count and the task's place when its current step began.
    pub(crate) step_start: (f64, u64, Option<u32>),
    /// Where each task of the running loop stopped last (byte offset, by task id).
    pub(crate) stopped_at: per_task::PerTask<u32>,
    /// Repeatable facts already recorded: (kind, task id, offset).
    pub(crate) facts_seen: std::collections::HashSet<(u8, Option<u32>, Option<u32>)>,
}

impl Default for Vm {
    fn default() -> Self {
        Vm::new()
    }
}

impl Vm {
    pub fn new() -> Vm {
        crate::lang::value::reset_serials();
        let builtins = Rc::new(RefCell::new(crate::lang::builtins::namespace()));
        Vm {
            builtins,
            console: Vec::new(),
            depth: 0,
            limits: limits::Limits::default(),
            limit_hit: None,
            memory_base: memory::live_bytes(),
            output_bytes: 0,
            live_tasks: 0,
            ticks: 0,
            unpausable_from: 0,
            slice_started_ms: 0.0,
            stretch_timed_from: None,
            stretch_started_ms: 0.0,
            unpausable_timed: false,
            repr_active: Vec::new(),
            native_depth: 0,
            steps: 0,
            stop: Rc::new(std::cell::Cell::new(false)),
            outer_handled: Vec::new(),
            current_handled: None,
            modules: std::collections::HashMap::new(),
            lp: std::ptr::null_mut(),
            loop_time: 0.0,
            task_counter: 0,
            random_gens: Vec::new(),
            asyncgens: Vec::new(),
            exception_handler: None,
            sliced: false,
            pending_run: None,
            loop_clock: None,
            step_budget: None,
            next_loop: None,
            random: None,
            clock: Default::default(),
            warned: Default::default(),
            task_coros: Default::default(),
            task_groups: Default::default(),
            unreferenced_seen: Default::default(),
            unreferenced_next: 0,
            task_outcome: Default::default(),
            cur_offset: 0,
            tracing: false,
            null: Value::Slice(Rc::new([Value::None, Value::None, Value::None])),
            facts: Vec::new(),
            slow_step: (facts::SLOW_STEP_SECONDS, facts::SLOW_STEP_INSTRUCTIONS),
            step_start: (0.0, 0, None),
            stopped_at: Default::default(),
            facts_seen: Default::default(),
        }
    }

    /// Appends program output, cut at the output cap (`limits.output`); `write_checked`
    /// and `check_limits` then stop the program.
    pub fn write(&mut self, stream: Stream, text: &str) {
        let left = self.limits.output.saturating_sub(self.output_bytes);
        let mut cut = text.len().min(left);
        while !text.is_char_boundary(cut) {
            cut -= 1;
        }
        let text = text.get(..cut).unwrap_or_default();
        self.output_bytes += text.len();
        self.write_unlimited(stream, text);
    }

    /// Appends console text past the output cap (the final traceback or limit message).
    pub fn write_unlimited(&mut self, stream: Stream, text: &str) {
        if text.is_empty() {
            return;
        }
        let (task, time, iteration, seq) = if self.lp.is_null() {
            (None, self.loop_time, 0, 0)
        } else {
            // SAFETY: as in `with_loop`: `lp` is non-null only while the loop it points to
            // is lent to this VM, and nothing else touches it during this call.
            let lp = unsafe { &*self.lp };
            (
                lp.current_task(),
                lp.time(),
                lp.iteration(),
                lp.next_trace_seq(),
            )
        };
        match self.console.last_mut() {
            Some(last) if last.stream == stream && last.task == task => last.text.push_str(text),
            _ => self.console.push(Output {
                stream,
                task,
                text: text.to_string(),
                time,
                iteration,
                seq,
            }),
        }
    }

    /// Everything written to one stream so far.
    pub fn output(&self, stream: Stream) -> String {
        self.console
            .iter()
            .filter(|o| o.stream == stream)
            .map(|o| o.text.as_str())
            .collect()
    }

    /// Enters one level of native recursion.
    pub fn enter(&mut self) -> PyResult<()> {
        if self.depth >= self.limits.recursion {
            return Err(PyErr::with_msg(
                "RecursionError",
                "maximum recursion depth exceeded",
            ));
        }
        self.depth += 1;
        Ok(())
    }
    pub fn leave(&mut self) {
        self.depth = self.depth.saturating_sub(1);
    }

    /// Enters one level of Rust recursion over nested data (repr, ==, hash of nested
    /// containers), bounded by `native_limit` since each level uses the native stack.
    /// Each level also counts as an instruction against Stop and the unpausable limit.
    pub fn enter_native(&mut self, what: &str) -> PyResult<()> {
        if self.native_depth >= self.limits.native_depth {
            return Err(PyErr::with_msg(
                "RecursionError",
                format!("maximum recursion depth exceeded{what}"),
            ));
        }
        self.tick_native()?;
        self.enter_unpausable();
        Ok(())
    }
    pub fn leave_native(&mut self) {
        self.leave_unpausable();
    }

    /// Calls any callable (`PyObject_Call`).
    pub fn call(&mut self, f: &Value, args: Args) -> PyResult<Value> {
        match f {
            Value::Builtin(b) => (b.func)(self, args),
            Value::BoundMethod(m) => {
                let mut args = args;
                args.pos.insert(0, m.receiver.clone());
                let func = m.func.clone();
                self.call(&func, args)
            }
            Value::Class(c) => self.construct(c, args),
            Value::Function(_) => self.call_function(f, args),
            Value::Descriptor(d) => match &**d {
                crate::lang::value::Descriptor::StaticMethod(inner) => {
                    let inner = inner.clone();
                    self.call(&inner, args)
                }
                _ => Err(PyErr::type_error(format!(
                    "'{}' object is not callable",
                    f.type_name()
                ))),
            },
            Value::Instance(i) => match i.class.lookup("__call__") {
                Some(c) => {
                    let mut args = args;
                    args.pos.insert(0, f.clone());
                    self.enter()?;
                    let r = self.call(&c, args);
                    self.leave();
                    r
                }
                None => Err(PyErr::type_error(format!(
                    "'{}' object is not callable",
                    f.type_name()
                ))),
            },
            _ => Err(PyErr::type_error(format!(
                "'{}' object is not callable",
                f.type_name()
            ))),
        }
    }

    pub fn call0(&mut self, f: &Value) -> PyResult<Value> {
        self.call(f, Args::default())
    }
    pub fn call1(&mut self, f: &Value, a: Value) -> PyResult<Value> {
        self.call(f, Args::new(vec![a]))
    }

    /// Runs a user function. The eval loop is installed by `vm::eval` (phase 2).
    fn call_function(&mut self, f: &Value, args: Args) -> PyResult<Value> {
        match f {
            Value::Function(fun) => {
                let fun = fun.clone();
                self.call_python(&fun, args)
            }
            _ => Err(PyErr::type_error("not a function")),
        }
    }

    /// Imports a built-in module (`import name`).
    pub fn import_module(&mut self, name: &str) -> PyResult<Value> {
        if let Some(m) = self.modules.get(name) {
            return Ok(m.clone());
        }
        match crate::lang::modules::create(self, name)? {
            Some(m) => {
                self.modules.insert(name.to_string(), m.clone());
                Ok(m)
            }
            None => Err(PyErr::with_msg(
                "ModuleNotFoundError",
                crate::lang::modules::unsupported::module_reason(name)
                    .unwrap_or_else(|| format!("No module named '{name}'")),
            )),
        }
    }

    /// Compiles `source` and runs it in `globals` (library code written in Python, such as
    /// what `dataclass` generates).
    pub fn exec_source(
        &mut self,
        source: &str,
        filename: &str,
        globals: Rc<RefCell<PyDict>>,
    ) -> PyResult<()> {
        let module = crate::lang::parser::parse(source)
            .map_err(|e| PyErr::with_msg("SyntaxError", e.render(source, filename)))?;
        let code = crate::lang::compiler::compile(&module, source, filename)
            .map_err(|e| PyErr::with_msg("SyntaxError", e.render(source, filename)))?;
        let frame = frame::Frame::new(code, globals.clone(), Some(globals));
        self.run_frame(frame).map(|_| ())
    }

    /// Compiles and runs a program as `__main__`, printing an uncaught exception's
    /// traceback (or a syntax error) to stderr.
    pub fn run_source(&mut self, source: &str, filename: &str) -> Result<(), PyErr> {
        let module = match crate::lang::parser::parse(source) {
            Ok(m) => m,
            Err(e) => {
                let mut text = e.render(source, filename);
                if !text.ends_with('\n') {
                    text.push('\n');
                }
                self.write(Stream::Stderr, &text);
                return Err(PyErr::with_msg("SyntaxError", text));
            }
        };
        let code = match crate::lang::compiler::compile(&module, source, filename) {
            Ok(c) => c,
            Err(e) => {
                let text = e.render(source, filename);
                self.write(Stream::Stderr, &text);
                return Err(PyErr::with_msg("SyntaxError", text));
            }
        };
        let globals = Rc::new(RefCell::new(PyDict::new()));
        globals
            .borrow_mut()
            .set_str("__name__", Value::str("__main__"));
        globals.borrow_mut().set_str("__doc__", Value::None);
        globals
            .borrow_mut()
            .set_str("__file__", Value::str(filename));
        let frame = frame::Frame::new(code, globals.clone(), Some(globals));
        let mut ex = eval::Exec {
            frames: vec![frame],
        };
        self.depth += 1;
        match self.run(&mut ex, eval::Resume::Continue, None) {
            Ok(_) => Ok(()),
            Err(e) => {
                let text = self.format_exception(&e);
                self.write_unlimited(Stream::Stderr, &text);
                Err(e)
            }
        }
    }

    /// Calls the class: built-in constructors, exceptions, or `__new__` + `__init__`
    /// (`type_call`).
    pub fn construct(&mut self, cls: &Rc<Class>, args: Args) -> PyResult<Value> {
        if crate::lang::modules::enums::is_enum(cls) {
            // `EnumType.__call__`: `Color(value)` looks a member up.
            args.no_more_kw(&cls.name)?;
            args.check(&cls.name, 1, 1)?;
            return crate::lang::modules::enums::by_value(self, cls, &args.pos[0]);
        }
        if cls.builtin && cls.kind != TypeKind::Exception && cls.kind != TypeKind::Object {
            return crate::lang::builtins::constructors::construct(self, cls, args);
        }
        if cls.kind == TypeKind::Exception
            && cls.is_subclass(&types::exception("BaseExceptionGroup"))
        {
            return crate::lang::value::exception::new_group(self, cls, args);
        }
        let inst = Instance::new(cls.clone());
        let value = Value::Instance(inst.clone());
        if let Some(exc) = &inst.exc {
            exc.borrow_mut().args = args.pos.clone();
            crate::lang::builtins::objects::os_error_fields(&inst);
        }
        match cls.lookup_with_owner("__init__") {
            Some((init, owner)) if !owner.builtin => {
                let mut a = args;
                a.pos.insert(0, value.clone());
                let r = self.call(&init, a)?;
                if !r.is_none() {
                    return Err(PyErr::type_error(format!(
                        "__init__() should return None, not '{}'",
                        r.type_name()
                    )));
                }
            }
            _ => {
                if cls.kind == TypeKind::Exception {
                    if !args.kw.is_empty() {
                        return Err(PyErr::type_error(format!(
                            "{}() takes no keyword arguments",
                            cls.name
                        )));
                    }
                } else if !args.pos.is_empty() || !args.kw.is_empty() {
                    return Err(PyErr::type_error(format!(
                        "{}() takes no arguments",
                        cls.name
                    )));
                }
            }
        }
        Ok(value)
    }

    /// The class of a value (`type(v)`).
    pub fn type_of(&self, v: &Value) -> Rc<Class> {
        types::type_of(v)
    }
}

#[cfg(test)]
pub(crate) mod tests;

//! The frames of CPython 3.14's asyncio code that its tracebacks show (`asyncio.run`,
//! `wait_for`, `TaskGroup.__aexit__`, ...), as its reference build prints them.

use crate::lang::value::PyErr;

// Frames of CPython 3.14's asyncio code in tracebacks, as its reference build prints them
// (`node tools/python314/run.js`), innermost first.
const LIB: &str = "/lib/python314.zip/asyncio";
macro_rules! lib_frame {
    ($file:literal, $line:literal, $func:literal, $code:literal, $carets:literal) => {
        concat!(
            "  File \"/lib/python314.zip/asyncio/",
            $file,
            "\", line ",
            $line,
            ", in ",
            $func,
            "\n    ",
            $code,
            "\n",
            $carets
        )
    };
}
/// `asyncio.run` → `Runner.run` → `run_until_complete`.
pub const RUN_FRAMES: [&str; 3] = [
    lib_frame!(
        "base_events.py",
        "719",
        "run_until_complete",
        "return future.result()",
        "           ~~~~~~~~~~~~~^^\n"
    ),
    lib_frame!(
        "runners.py",
        "127",
        "run",
        "return self._loop.run_until_complete(task)",
        "           ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~^^^^^^\n"
    ),
    lib_frame!(
        "runners.py",
        "204",
        "run",
        "return runner.run(main)",
        "           ~~~~~~~~~~^^^^^^\n"
    ),
];
/// `Handle._run` calling a callback that raised (`loop.call_soon(cb)`, done callbacks).
pub const HANDLE_RUN_FRAME: &str = lib_frame!(
    "events.py",
    "94",
    "_run",
    "self._context.run(self._callback, *self._args)",
    "    ~~~~~~~~~~~~~~~~~^^^^^^^^^^^^^^^^^^^^^^^^^^^^^\n"
);
/// `TaskGroup.__aexit__` raising the group.
pub const TASKGROUP_FRAMES: [&str; 2] = [
    lib_frame!(
        "taskgroups.py",
        "174",
        "_aexit",
        "raise BaseExceptionGroup(",
        "    ...<2 lines>...\n    ) from None\n"
    ),
    lib_frame!(
        "taskgroups.py",
        "72",
        "__aexit__",
        "return await self._aexit(et, exc)",
        "           ^^^^^^^^^^^^^^^^^^^^^^^^^^\n"
    ),
];
/// `Timeout.__aexit__` raising TimeoutError.
pub const TIMEOUT_FRAMES: [&str; 1] = [lib_frame!(
    "timeouts.py",
    "114",
    "__aexit__",
    "raise TimeoutError from exc_val",
    ""
)];
/// `asyncio.sleep` interrupted.
pub const SLEEP_FRAMES: [&str; 1] = [lib_frame!(
    "tasks.py",
    "702",
    "sleep",
    "return await future",
    "           ^^^^^^^^^^^^\n"
)];
/// `wait_for` timing out (the TimeoutError side).
pub const WAIT_FOR_FRAMES: [&str; 2] = [
    lib_frame!(
        "timeouts.py",
        "114",
        "__aexit__",
        "raise TimeoutError from exc_val",
        ""
    ),
    lib_frame!(
        "tasks.py",
        "487",
        "wait_for",
        "async with timeouts.timeout(timeout):",
        "               ~~~~~~~~~~~~~~~~^^^^^^^^^\n"
    ),
];
/// Inside `wait_for`, the awaited coroutine cancelled (the CancelledError side).
pub const WAIT_FOR_INNER_FRAMES: [&str; 1] = [lib_frame!(
    "tasks.py",
    "488",
    "wait_for",
    "return await fut",
    "           ^^^^^^^^^\n"
)];

/// The library frames an exception raised by library coroutine `name` shows.
pub fn frames_for(name: &str, e: &PyErr) -> &'static [&'static str] {
    let _ = LIB;
    match name {
        "sleep" => &SLEEP_FRAMES,
        "tg_aexit" => &TASKGROUP_FRAMES,
        "timeout_aexit" => &TIMEOUT_FRAMES,
        "wait_for" if e.matches("TimeoutError") => {
            // the CancelledError it comes from was raised at wait_for's `return await fut`
            if let PyErr::Exception(i) = e {
                let cause = i.exc.as_ref().and_then(|x| x.borrow().cause.clone());
                if let Some(c) = cause {
                    let c = crate::lang::vm::eval::as_err(c);
                    if c.matches("CancelledError") {
                        c.add_library_frames(&WAIT_FOR_INNER_FRAMES);
                    }
                }
            }
            &WAIT_FOR_FRAMES
        }
        // an exception of the awaited coroutine passes wait_for's `return await fut`
        "wait_for" => &WAIT_FOR_INNER_FRAMES,
        _ => &[],
    }
}

/// A `Queue` method raising in its own body (`put_nowait` on a full queue, ...): the frame of
/// `queues.py` an uncaught traceback shows, chosen by method and exception.
pub fn queue_frame(method: &str, e: &PyErr) -> Option<&'static str> {
    let shut = e.matches("QueueShutDown");
    Some(match method {
        "put_nowait" if shut => {
            lib_frame!("queues.py", "164", "put_nowait", "raise QueueShutDown", "")
        }
        "put_nowait" => lib_frame!("queues.py", "166", "put_nowait", "raise QueueFull", ""),
        "get_nowait" if shut => {
            lib_frame!("queues.py", "213", "get_nowait", "raise QueueShutDown", "")
        }
        "get_nowait" => lib_frame!("queues.py", "214", "get_nowait", "raise QueueEmpty", ""),
        "task_done" => lib_frame!(
            "queues.py",
            "234",
            "task_done",
            "raise ValueError('task_done() called too many times')",
            ""
        ),
        _ => return None,
    })
}

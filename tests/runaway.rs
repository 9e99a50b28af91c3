//! Runaway programs (issue 8): each is stopped or bounded with a message naming the limit and
//! the task, whatever `except BaseException:` it hides behind, and the session ends (so the
//! UI's Stop and Reset have nothing left to fight). Run in slices as the browser runs them.
#![cfg(not(target_arch = "wasm32"))]

use asyncio_playground::lang::vm::limits::Limits;
use asyncio_playground::lang::vm::session::{Session, Status};
use asyncio_playground::lang::vm::Stream;

/// Limits small enough for a debug build to reach quickly.
fn small() -> Limits {
    Limits {
        memory: 24 << 20,
        tasks: 500,
        output: 32 << 10,
        instructions: 3_000_000,
        unpausable: 200_000,
        ..Limits::default()
    }
}

/// Runs `src` in browser-sized slices; returns (finished ok?, stdout, stderr, slices).
fn run(src: &str, limits: Limits) -> (bool, String, String, usize) {
    let mut s = Session::with_limits(src, "main.py", limits);
    let (mut out, mut err) = (String::new(), String::new());
    for slice in 0..200_000 {
        let status = s.step_with(256, 10_000);
        for (stream, text) in s.take_console() {
            match stream {
                Stream::Stdout => out.push_str(&text),
                Stream::Stderr => err.push_str(&text),
            }
        }
        if let Status::Finished { ok } = status {
            return (ok, out, err, slice);
        }
    }
    panic!("still running after 200000 slices:\n{err}");
}

fn last_line(s: &str) -> &str {
    s.trim_end().lines().last().unwrap_or("")
}

#[test]
fn a_task_that_never_awaits_hits_the_instruction_limit() {
    let src = "import asyncio\nasync def spin():\n    while True:\n        try:\n            pass\n        except BaseException:\n            pass\nasync def main():\n    await asyncio.create_task(spin(), name='spinner')\nasyncio.run(main())\n";
    let (ok, _, err, slices) = run(src, small());
    assert!(!ok);
    assert_eq!(
        last_line(&err),
        "Stopped: task 'spinner' reached the limit of 3000000 instructions for a run"
    );
    // It paused between slices all along (the page could paint).
    assert!(slices > 100, "{slices}");
}

#[test]
fn module_code_spinning_stops_on_stop() {
    let src = "while True:\n    try:\n        x = 1\n    except BaseException:\n        pass\n";
    let mut s = Session::with_limits(src, "main.py", Limits::default());
    let stop = s.vm.stop.clone();
    for i in 0..100 {
        if i == 10 {
            stop.set(true);
        }
        if let Status::Finished { ok } = s.step_with(256, 10_000) {
            assert!(!ok);
            assert_eq!(last_line(&s.vm.output(Stream::Stderr)), "Stopped.");
            return;
        }
    }
    panic!("Stop did not end the program");
}

#[test]
fn deep_recursion_is_a_catchable_recursion_error() {
    let src = "def f(n):\n    return f(n + 1)\ntry:\n    f(0)\nexcept RecursionError as e:\n    print('caught', e)\nimport asyncio\nasync def g(n):\n    return await g(n + 1)\nasyncio.run(g(0))\n";
    let (ok, out, err, _) = run(src, small());
    assert!(!ok);
    assert_eq!(out, "caught maximum recursion depth exceeded\n");
    assert_eq!(
        last_line(&err),
        "RecursionError: maximum recursion depth exceeded"
    );
}

#[test]
fn nested_data_too_deep_for_repr_is_a_recursion_error() {
    let src = "x = []\nfor i in range(100000):\n    x = [x]\ntry:\n    print(x)\nexcept RecursionError as e:\n    print(e)\nprint(x == x, len(x))\n";
    let (ok, out, _, _) = run(src, small());
    assert!(ok);
    assert_eq!(
        out,
        "maximum recursion depth exceeded while getting the repr of an object\nTrue 1\n"
    );
}

#[test]
fn exponential_structure_is_stopped_by_memory_or_the_unpausable_limit() {
    // Cheap to build (linear memory), exponential to print.
    let src = "x = 1\nfor i in range(40):\n    x = [x, x]\ntry:\n    print(x)\nexcept BaseException:\n    print('caught')\n";
    let mut limits = small();
    limits.native_depth = 64;
    let (ok, out, err, _) = run(src, limits);
    assert!(!ok);
    assert_eq!(out, "");
    let msg = last_line(&err);
    assert!(
        msg.starts_with("Stopped: module code ran 200000 steps inside one call that cannot pause")
            || msg.starts_with("MemoryError: module code used more than"),
        "{msg}"
    );
}

#[test]
fn growing_memory_forever_is_an_uncatchable_memory_error() {
    let src = "import asyncio\nasync def hog():\n    x = []\n    while True:\n        try:\n            x = [x, x, 'abc' * 10]\n        except BaseException:\n            pass\nasyncio.run(hog())\n";
    let (ok, _, err, _) = run(src, small());
    assert!(!ok);
    assert_eq!(
        last_line(&err),
        "MemoryError: task 'Task-1' used more than the playground's 24 MiB of memory; the program was stopped"
    );
}

/// Freeing what a memory bomb built is bounded per slice (value/drop.rs `DROP_BUDGET`): what
/// is left waits for the next slice, and the session reports the end once it is all freed.
#[test]
fn what_a_memory_bomb_built_is_freed_a_slice_at_a_time() {
    use asyncio_playground::lang::value::drop::garbage_pending;
    let src = "import asyncio\nasync def hog():\n    x = []\n    while True:\n        x = [x, x, 'abc' * 50]\nasyncio.run(hog())\n";
    // Enough memory for more values than one slice frees.
    let limits = Limits {
        memory: 96 << 20,
        instructions: u64::MAX,
        ..small()
    };
    let mut s = Session::with_limits(src, "main.py", limits);
    let mut deferred = 0;
    while !matches!(s.step_with(256, 10_000), Status::Finished { .. }) {
        deferred += garbage_pending() as usize;
    }
    let err: String = s.take_console().into_iter().map(|(_, t)| t).collect();
    assert!(err.contains("MemoryError"), "{err}");
    // Freeing took more than one slice, and the end was reported once it was all freed.
    assert!(deferred >= 1, "{deferred}");
    assert!(!garbage_pending());
}

#[test]
fn one_huge_allocation_is_a_catchable_memory_error_as_in_cpython() {
    let src = "for make in (lambda: 'a' * 10**12, lambda: [0] * 10**10, lambda: 'x'.ljust(10**11), lambda: f'{1:>{10**11}}', lambda: ''.join(['ab' * 10**6] * 10**4)):\n    try:\n        make()\n    except MemoryError as e:\n        print(repr(e))\nprint(len('a' * 10**6))\n";
    let (ok, out, _, _) = run(src, small());
    assert!(ok);
    assert_eq!(out, "MemoryError()\n".repeat(5) + "1000000\n");
}

#[test]
fn a_task_bomb_hits_the_live_task_cap() {
    let src = "import asyncio\nasync def bomb():\n    try:\n        asyncio.create_task(bomb())\n        asyncio.create_task(bomb())\n        await asyncio.sleep(1)\n    except BaseException:\n        pass\nasyncio.run(bomb())\n";
    let (ok, _, err, _) = run(src, small());
    assert!(!ok);
    let msg = last_line(&err);
    assert!(
        msg.starts_with("Stopped: task 'Task-")
            && msg.ends_with("created more than 500 live tasks (a task bomb?)"),
        "{msg}"
    );
}

/// The task a limit stopped is not also reported as a task whose exception nobody retrieved
/// (that read "Task exception was never retrieved ... exception=None" and printed the stop
/// message twice): stderr is the one message.
#[test]
fn a_limit_is_reported_once_not_as_an_unretrieved_exception() {
    let src = "import asyncio
async def bomb():
    asyncio.create_task(bomb())
    asyncio.create_task(bomb())
    await asyncio.sleep(1)
asyncio.run(bomb())
";
    let (ok, _, err, _) = run(src, small());
    assert!(!ok);
    assert!(!err.contains("never retrieved"), "{err}");
    assert_eq!(err.matches("Stopped:").count(), 1, "{err}");
    assert!(err.trim_end().lines().count() == 1, "{err}");
}

#[test]
fn a_huge_print_loop_hits_the_output_cap() {
    let src = "i = 0\nwhile True:\n    try:\n        print('line', i)\n    except BaseException:\n        pass\n    i += 1\n";
    let (ok, out, err, _) = run(src, small());
    assert!(!ok);
    assert_eq!(out.len(), 32 << 10);
    assert!(out.starts_with("line 0\nline 1\n"));
    assert_eq!(
        last_line(&err),
        "Stopped: module code printed more than the playground's 32 KiB of output"
    );
}

#[test]
fn code_that_cannot_pause_is_stopped() {
    let src = "class C:\n    def __repr__(self):\n        while True:\n            pass\nimport asyncio\nasync def main():\n    try:\n        print(repr(C()))\n    except BaseException:\n        print('caught')\nasyncio.run(main())\n";
    let (ok, out, err, _) = run(src, small());
    assert!(!ok);
    assert_eq!(out, "");
    assert!(
        last_line(&err).starts_with(
            "Stopped: task 'Task-1' ran 200000 steps inside one call that cannot pause"
        ),
        "{err}"
    );
}

#[test]
fn awaiting_forever_ends_as_a_deadlock_not_a_hang() {
    let src = "import asyncio\nasync def main():\n    await asyncio.Event().wait()\nasyncio.run(main())\n";
    let (ok, _, err, _) = run(src, small());
    assert!(!ok);
    assert!(err.contains("deadlock"), "{err}");
}

#[test]
fn limits_reset_with_each_run() {
    // A second session gets a fresh budget: the first one's memory and output do not count.
    let hog = "x = []\nwhile True:\n    x.append('abc' * 100)\n";
    let (ok, _, _, _) = run(hog, small());
    assert!(!ok);
    let (ok, out, _, _) = run("print('fine')\n", small());
    assert!(ok);
    assert_eq!(out, "fine\n");
}

/// Rust-level recursion over deep data or through dunders (repr, str, ==, hash, `__repr__`
/// calling `repr`, key functions) ends in `RecursionError`, never a stack overflow; the same
/// program runs in Chromium in tests/e2e/robust.test.mjs, where the stack is smallest.
const DEEP_NATIVE: &str = r#"x = []
y = []
t = ()
d = {}
for i in range(100000):
    x = [x]
    y = [y]
    t = (t,)
    d = {'k': d}
class Node:
    def __init__(self, child):
        self.child = child
    def __repr__(self):
        return 'Node(' + repr(self.child) + ')'
    def __eq__(self, other):
        return self.child == other.child
n = None
for i in range(5000):
    n = Node(n)
checks = [
    ('repr(list)', lambda: repr(x)),
    ('str(dict)', lambda: str(d)),
    ('list == list', lambda: x == y),
    ('hash(tuple)', lambda: hash(t)),
    ('tuple < tuple', lambda: t < t),
    ('repr(Node)', lambda: repr(n)),
    ('Node == Node', lambda: n == Node(n.child)),
    ('sorted by key', lambda: sorted([1, 2], key=lambda v: repr(n))),
    ('f-string', lambda: f'{x}'),
]
for name, f in checks:
    try:
        f()
        print(name, 'ok')
    except RecursionError:
        print(name, 'RecursionError')
print('still alive')
"#;

#[test]
fn deep_native_recursion_is_a_recursion_error_everywhere() {
    // 400,000 nested containers need more than the small memory budget.
    let limits = Limits {
        memory: 256 << 20,
        instructions: u64::MAX,
        ..small()
    };
    let (ok, out, err, _) = run(DEEP_NATIVE, limits);
    assert!(ok, "{err}");
    assert_eq!(
        out,
        "repr(list) RecursionError\nstr(dict) RecursionError\nlist == list RecursionError\nhash(tuple) RecursionError\ntuple < tuple ok\nrepr(Node) RecursionError\nNode == Node RecursionError\nsorted by key RecursionError\nf-string RecursionError\nstill alive\n"
    );
}

thread_local! {
    static FAKE_MS: std::cell::Cell<f64> = const { std::cell::Cell::new(0.0) };
}

/// A wall clock that advances 1 ms each time it is read.
fn fake_clock() -> f64 {
    FAKE_MS.with(|c| {
        c.set(c.get() + 1.0);
        c.get()
    })
}

#[test]
fn the_page_bounds_unpausable_calls_in_wall_time() {
    let src = "x = 1\nfor i in range(40):\n    x = [x, x]\ntry:\n    s = repr(x)\nexcept BaseException:\n    print('caught')\n";
    let limits = Limits {
        unpausable: u64::MAX,
        unpausable_ms: 50.0,
        wall_clock: Some(fake_clock),
        native_depth: 64,
        ..small()
    };
    let (ok, out, err, _) = run(src, limits);
    assert!(!ok);
    assert_eq!(out, "");
    assert!(
        last_line(&err).starts_with(
            "Stopped: module code spent more than 50 ms inside one call that cannot pause"
        ),
        "{err}"
    );
    // Ordinary code is never stopped by it: each slice restarts the clock's count.
    let limits = Limits {
        unpausable_ms: 50.0,
        wall_clock: Some(fake_clock),
        ..small()
    };
    let (ok, out, _, _) = run(
        "t = 0\nfor i in range(100000):\n    t += i\nprint(t)\n",
        limits,
    );
    assert!(ok);
    assert_eq!(out, "4999950000\n");
    // Nor are many short unpausable calls in one long slice: each is timed on its own, from
    // its start (a slice of pausable work, slow on a loaded machine, used to count too).
    let limits = Limits {
        unpausable_ms: 50.0,
        wall_clock: Some(fake_clock),
        instructions: u64::MAX,
        ..small()
    };
    let src = "t = 0\nfor i in range(100000):\n    t += sorted([3, 1, 2], key=lambda v: -v)[0]\nprint(t)\n";
    let mut s = Session::with_limits(src, "main.py", limits);
    while !matches!(s.step_with(256, 100_000_000), Status::Finished { .. }) {}
    let console: String = s.take_console().into_iter().map(|(_, t)| t).collect();
    assert_eq!(console, "300000\n");
}

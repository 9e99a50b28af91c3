//! End-to-end tests of the compiler and VM: each runs a program and compares its console
//! output with what CPython 3.14 prints (checked with `python3`/`python314/run.js`).

use super::{Stream, Vm};

/// Runs `src` and returns stdout, then stderr if any.
pub fn run(src: &str) -> String {
    let mut vm = Vm::new();
    let _ = vm.run_source(src, "main.py");
    let out = vm.output(Stream::Stdout);
    let err = vm.output(Stream::Stderr);
    if err.is_empty() {
        out
    } else {
        format!("{out}{err}")
    }
}

#[test]
fn prints_and_arithmetic() {
    assert_eq!(
        run("print(1 + 2, 7 // -2, -7 % 3, 2 ** -1, 10 / 4)\n"),
        "3 -4 2 0.5 2.5\n"
    );
}

/// Runs the file named by `LANGVM_RUN` (a development aid: `LANGVM_RUN=f.py cargo test
/// run_file -- --nocapture`).
#[test]
fn run_file() {
    if let Ok(path) = std::env::var("LANGVM_RUN") {
        let src = std::fs::read_to_string(&path).unwrap_or_default();
        let mut vm = Vm::new();
        let _ = vm.run_source(&src, "main.py");
        // Stdout then stderr, as the CPython reference runner prints them.
        let text = vm.output(Stream::Stdout) + &vm.output(Stream::Stderr);
        match std::env::var("LANGVM_OUT") {
            Ok(out) => {
                let _ = std::fs::write(out, text);
            }
            Err(_) => print!("{text}"),
        }
    }
}

/// Golden programs: `golden/NAME.py` must print exactly `golden/NAME.out`, which is what
/// CPython 3.14 prints (`node tools/python314/run.js main.py`; hashes from 64-bit CPython).
macro_rules! golden {
    ($($name:ident),* $(,)?) => {
        $( golden!(@one $name, concat!("golden/", stringify!($name), ".py")); )*
    };
    // The runtime's CPython programs (`runtime/tests/py/NAME.py`), run here through the VM;
    // the expected output stays in `golden/aio_NAME.out`.
    (rt: $($name:ident => $file:literal),* $(,)?) => {
        $( golden!(@one $name, concat!("../../runtime/tests/py/", $file, ".py")); )*
    };
    (@one $name:ident, $path:expr) => {
            #[test]
            fn $name() {
                let src = include_str!($path);
                let want = include_str!(concat!("golden/", stringify!($name), ".out"));
                let mut vm = Vm::new();
                let _ = vm.run_source(src, "main.py");
                let got = vm.output(Stream::Stdout) + &vm.output(Stream::Stderr);
                assert_eq!(got, want);
                // The same through a sliced session (module suspended in asyncio.run).
                let mut s = super::session::Session::new(src, "main.py");
                loop {
                    if let super::session::Status::Finished { .. } = s.step(7) {
                        break;
                    }
                }
                let got = s.vm.output(Stream::Stdout) + &s.vm.output(Stream::Stderr);
                assert_eq!(got, want, "sliced session");
            }
    };
}

golden!(rt: aio_tg1 => "tg1", aio_gather1 => "gather1", aio_order1 => "order1", aio_order2 => "order2", aio_order3 => "order3", aio_queue1 => "queue1", aio_seed1 => "seed1", aio_seed2 => "seed2", aio_seed3 => "seed3", aio_seed4 => "seed4", aio_seed5 => "seed5", aio_shield1 => "shield1", aio_sync1 => "sync1", aio_timeout1 => "timeout1", aio_waitfor1 => "waitfor1");

golden!(
    aio_tb_e11,
    aio_tb_e12,
    aio_tb_e14,
    aio_tb_a2,
    asyncio_basics,
    basics,
    misc,
    views,
    aio_unawaited,
    yield_from,
    errors,
    aio_ag,
    aio_ac,
    stdlib,
    dc,
    eq,
    aio_shutdown,
    aio_protocols,
    aio_warnings,
    random_time,
    aio_presets,
    classes,
    tb_args,
    tb_concat,
    tb_context,
    tb_index,
    tb_nested,
    tb_recursion,
    tb_reraise,
    tb_stderr,
);

/// A traced session: every task transition is recorded, and awaits carry the byte offset
/// of the `await` in the program (what the editor's gutter markers need).
#[test]
fn session_trace_has_spans() {
    let src = "import asyncio\nasync def w():\n    await asyncio.sleep(1)\nasync def main():\n    t = asyncio.create_task(w())\n    await t\nasyncio.run(main())\n";
    let mut s = super::session::Session::new(src, "main.py");
    s.vm.tracing = true;
    let mut events = Vec::new();
    loop {
        let st = s.step(50);
        events.extend(s.take_trace());
        if let super::session::Status::Finished { ok } = st {
            assert!(ok);
            break;
        }
    }
    assert!(events.len() >= 6, "{} events", events.len());
    assert_eq!(s.task_line(crate::runtime::TaskId(1)), Some(3));
    let sleep_at = src.find("asyncio.sleep(1)").unwrap_or(0) as u32;
    let await_line = src.find("await asyncio.sleep").unwrap_or(0) as u32;
    assert!(
        events.iter().any(|e| e
            .span
            .is_some_and(|sp| sp.0 >= await_line && sp.0 <= sleep_at + 16)),
        "no event points at the await"
    );
}

/// A task's end carries no span: the last call into the loop may have been in a helper
/// (`loop.time()` in `now()`), which is not where the task is (the table would show the
/// helper's line for a finished task); the task keeps the line of its last await.
#[test]
fn a_task_end_does_not_take_a_helpers_line() {
    use crate::runtime::Reason;
    let src = "import asyncio\ndef now():\n    return asyncio.get_running_loop().time()\nasync def w():\n    await asyncio.sleep(1)\n    print(now())\nasyncio.run(w())\n";
    let mut s = super::session::Session::new(src, "main.py");
    s.vm.tracing = true;
    let mut events = Vec::new();
    while let super::session::Status::Running = s.step(50) {
        events.extend(s.take_trace());
    }
    events.extend(s.take_trace());
    let end = events
        .iter()
        .find(|e| matches!(e.reason, Reason::Returned))
        .map(|e| e.span);
    assert_eq!(end, Some(None), "{events:#?}");
    let awaited = src.find("await").unwrap_or(0) as u32;
    assert!(events.iter().any(|e| e
        .span
        .is_some_and(|sp| sp.0 >= awaited && sp.0 < awaited + 30)));
}

/// A step that runs through many slices without awaiting is traced as paused once, not
/// once per slice: a program that never awaits must not grow the trace without bound.
#[test]
fn a_long_step_is_traced_paused_once() {
    use crate::runtime::Reason;
    let src = "import asyncio\nasync def spin():\n    n = 0\n    for i in range(20000):\n        n += i\n    await asyncio.sleep(0)\n    for i in range(20000):\n        n += i\n    print(n)\nasyncio.run(spin())\n";
    let mut s = super::session::Session::new(src, "main.py");
    s.vm.tracing = true;
    let (mut events, mut slices) = (Vec::new(), 0);
    loop {
        slices += 1;
        let st = s.step_with(50, 500);
        events.extend(s.take_trace());
        if let super::session::Status::Finished { ok } = st {
            assert!(ok);
            break;
        }
    }
    assert!(slices > 50, "the steps span many slices ({slices})");
    let paused = events
        .iter()
        .filter(|e| matches!(e.reason, Reason::Paused))
        .count();
    assert_eq!(paused, 2, "one Paused per long step");
    assert_eq!(s.vm.output(Stream::Stdout), "399980000\n");
}

/// The front end's corpus of programs compiles and runs without panicking (each for a
/// bounded number of slices; some run forever by design).
#[test]
fn corpus_never_panics() {
    let corpus = include_str!("../parser/testdata/programs.py");
    for (i, program) in corpus.split("# ----\n").enumerate() {
        let mut s = super::session::Session::new(program, "main.py");
        s.vm.limits.instructions = 2_000_000;
        for _ in 0..300 {
            if let super::session::Status::Finished { .. } = s.step(10_000) {
                break;
            }
        }
        if std::env::var("CORPUS_VERBOSE").is_ok() {
            let err = s.vm.output(Stream::Stderr);
            eprintln!("program {i}: {}", err.lines().last().unwrap_or("ok"));
        }
    }
}

/// Runaway programs end: module code spinning stops with Stop (checked between slices);
/// a task that never awaits cannot be paused mid-step (see the report on the runtime's
/// `Step`), so the total instruction cap ends it.
#[test]
fn stop_ends_runaway_programs() {
    let spin_module =
        "while True:\n    try:\n        x = 1\n    except BaseException:\n        pass\n";
    let mut s = super::session::Session::new(spin_module, "main.py");
    let stop = s.vm.stop.clone();
    let mut finished = false;
    for i in 0..1000 {
        if i == 5 {
            stop.set(true);
        }
        if let super::session::Status::Finished { ok } = s.step(10_000) {
            assert!(!ok);
            finished = true;
            break;
        }
    }
    assert!(finished);
    assert!(s.vm.output(Stream::Stderr).contains("Stopped"));

    let spin_task = "import asyncio\nasync def spin():\n    while True:\n        try:\n            pass\n        except BaseException:\n            pass\nasyncio.run(spin())\n";
    let mut s = super::session::Session::new(spin_task, "main.py");
    s.vm.limits.instructions = 200_000;
    assert!(!s.run_to_end());
    assert!(s
        .vm
        .output(Stream::Stderr)
        .contains("Stopped: task 'Task-1' reached the limit of 200000 instructions"));
}

/// Async generators: `asend`/`athrow`/`aclose`, and the loop closing one dropped while
/// suspended (a `finally` runs soon after the drop, before `asyncio.run` returns).
#[test]
fn async_generator_operations_and_finalization() {
    let src = r#"import asyncio
async def gen(log):
    try:
        x = yield 1
        log.append(x)
        yield 2
    finally:
        log.append('finally')
async def main():
    log = []
    g = gen(log)
    print(await g.asend(None), await g.asend('sent'), log)
    await g.aclose()
    print(log, await g.aclose())
    log2 = []
    async for v in gen(log2):
        break
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print(log2)
    h = gen([])
    try:
        await h.athrow(KeyError('k'))
    except KeyError as e:
        print('unstarted athrow raises', repr(e))
asyncio.run(main())
"#;
    assert_eq!(
        run(src),
        "1 2 ['sent']\n['sent', 'finally'] None\n['finally']\nunstarted athrow raises KeyError('k')\n"
    );
}

/// `except*`: a naked exception is wrapped in a tuple group; a bare `raise` re-raises the
/// match (the group), and what was re-raised keeps the original group's structure.
#[test]
fn except_star_reraise_rules() {
    let src = r#"try:
    try:
        raise ValueError('v')
    except* ValueError:
        raise
except ExceptionGroup as e:
    print(repr(e))
try:
    try:
        raise ExceptionGroup('g', [KeyError(1), ValueError(2), TypeError(3)])
    except* KeyError:
        pass
    except* ValueError:
        raise
except ExceptionGroup as e:
    print(repr(e))
"#;
    assert_eq!(
        run(src),
        "ExceptionGroup('', (ValueError('v'),))\nExceptionGroup('g', [ValueError(2), TypeError(3)])\n"
    );
}

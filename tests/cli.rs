//! The `aioplay` command line: help, exit codes, the JSON trace, real time.
#![cfg(not(target_arch = "wasm32"))]

use std::process::{Command, Output};

fn aioplay(args: &[&str], program: Option<&str>) -> (Output, std::path::PathBuf) {
    // One directory per call: tests run in parallel and several run `main.py`.
    static CALLS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let n = CALLS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let dir = std::env::temp_dir().join(format!(
        "aioplay-cli-{}-{n}-{}",
        std::process::id(),
        args.join("_").replace(['/', '.'], "")
    ));
    std::fs::create_dir_all(&dir).unwrap();
    if let Some(p) = program {
        std::fs::write(dir.join("main.py"), p).unwrap();
    }
    let out = Command::new(env!("CARGO_BIN_EXE_aioplay"))
        .args(args)
        .current_dir(&dir)
        .output()
        .unwrap();
    (out, dir)
}

const SLEEPER: &str = "import asyncio\n\nasync def main():\n    await asyncio.sleep(0.2)\n    print('slept')\n\nasyncio.run(main())\n";

#[test]
fn help_documents_the_options() {
    let (out, _) = aioplay(&["--help"], None);
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    for word in [
        "run FILE.py",
        "--trace",
        "--trace-format",
        "--lints",
        "--slow-step",
        "--real-time",
        "EXIT STATUS",
    ] {
        assert!(text.contains(word), "help lacks {word}");
    }
}

#[test]
fn exit_codes_are_0_1_2() {
    let (ok, _) = aioplay(&["run", "main.py"], Some(SLEEPER));
    assert_eq!(ok.status.code(), Some(0));
    assert_eq!(String::from_utf8_lossy(&ok.stdout), "slept\n");
    let (err, _) = aioplay(&["run", "main.py"], Some("x = 1\nprint(x / 0)\n"));
    assert_eq!(err.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&err.stderr).ends_with("ZeroDivisionError: division by zero\n"));
    let (syntax, _) = aioplay(&["run", "main.py"], Some("def f(:\n    pass\n"));
    assert_eq!(syntax.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&syntax.stderr),
        "  File \"main.py\", line 1\n    def f(:\n          ^\nSyntaxError: invalid syntax\n"
    );
    let (usage, _) = aioplay(&["run", "main.py", "--bogus"], Some(SLEEPER));
    assert_eq!(usage.status.code(), Some(2));
}

#[test]
fn trace_is_json_of_lifecycle_events() {
    let (out, dir) = aioplay(&["run", "main.py", "--trace", "t.json"], Some(SLEEPER));
    assert!(out.status.success());
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("t.json")).unwrap()).unwrap();
    let events = json.as_array().expect("an array of events");
    assert_eq!(events[0]["name"], "Task-1");
    assert_eq!(events[0]["reason"], "Created");
    let last = events.last().unwrap();
    assert_eq!(last["new"], "Done");
    assert_eq!(last["time"].as_f64(), Some(0.2));
}

#[test]
fn real_time_really_waits() {
    let t0 = std::time::Instant::now();
    let (out, _) = aioplay(&["run", "main.py", "--real-time"], Some(SLEEPER));
    assert!(out.status.success());
    assert!(
        t0.elapsed().as_secs_f64() >= 0.2,
        "a 0.2 s sleep returned early"
    );
}

const MISTAKES: &str = "import asyncio

async def work():
    await asyncio.sleep(0.1)

async def main():
    work()
    t = asyncio.create_task(work())
    await asyncio.sleep(0)
    t.cancel()
    print('done')

asyncio.run(main())
";

#[test]
fn lints_follow_the_program_on_stderr_one_a_line() {
    let (out, _) = aioplay(&["run", "main.py", "--lints"], Some(MISTAKES));
    assert!(out.status.success());
    assert_eq!(String::from_utf8_lossy(&out.stdout), "done\n");
    let err = String::from_utf8_lossy(&out.stderr);
    // CPython's own warning first (the program's stderr), then the lints.
    let lints: Vec<&str> = err
        .lines()
        .filter(|l| l.starts_with("main.py:7: never"))
        .collect();
    assert_eq!(
        lints,
        vec!["main.py:7: never-awaited: coroutine 'work' was created in Task-1 but never awaited, so its code never ran: await it, or pass it to asyncio.create_task()"]
    );
    assert!(err.starts_with("main.py:7: RuntimeWarning: coroutine 'work' was never awaited"));
    // Without --lints, only what CPython prints.
    let (plain, _) = aioplay(&["run", "main.py"], Some(MISTAKES));
    assert!(!String::from_utf8_lossy(&plain.stderr).contains("never-awaited"));
    let (bad, _) = aioplay(&["run", "main.py", "--slow-step", "soon"], Some(MISTAKES));
    assert_eq!(bad.status.code(), Some(2));
}

#[test]
fn the_json_trace_says_why_each_cancel_was_requested() {
    let (out, dir) = aioplay(&["run", "main.py", "--trace", "why.json"], Some(MISTAKES));
    assert!(out.status.success());
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("why.json")).unwrap()).unwrap();
    let whys: Vec<&serde_json::Value> = json
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|e| e.get("why"))
        .collect();
    assert_eq!(
        whys,
        vec![&serde_json::json!([
            "cancelled by Task-1 at line 10 (task.cancel())"
        ])]
    );
}

#[test]
fn the_chrome_trace_has_the_documented_shape() {
    let args = [
        "run",
        "main.py",
        "--trace",
        "c.json",
        "--trace-format",
        "chrome",
    ];
    let (out, dir) = aioplay(&args, Some(MISTAKES));
    assert!(out.status.success());
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("c.json")).unwrap()).unwrap();
    asyncio_playground::export::chrome::check_shape(&json).unwrap();
    let events = json["traceEvents"].as_array().unwrap();
    assert!(events.iter().any(|e| e["ph"] == "X"));
    assert!(events
        .iter()
        .any(|e| e["ph"] == "i" && e["name"] == "cancel requested"));
    let (bad, _) = aioplay(&["run", "main.py", "--trace-format", "xml"], Some(MISTAKES));
    assert_eq!(bad.status.code(), Some(2));
}

#[test]
fn the_json_trace_carries_each_print_with_the_task_that_printed_it() {
    let program = "import asyncio

async def worker(n):
    await asyncio.sleep(n / 10)
    print('worker', n)

async def main():
    print('main starts')
    await asyncio.gather(worker(2), worker(1))

print('module')
asyncio.run(main())
";
    let (out, dir) = aioplay(&["run", "main.py", "--trace", "out.json"], Some(program));
    assert!(out.status.success());
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "module\nmain starts\nworker 1\nworker 2\n"
    );
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("out.json")).unwrap()).unwrap();
    let all = json.as_array().unwrap();
    let printed: Vec<(serde_json::Value, String)> = all
        .iter()
        .filter_map(|e| e.get("output"))
        .map(|o| {
            (
                o["task_name"].clone(),
                o["text"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect();
    assert_eq!(
        printed,
        vec![
            (serde_json::Value::Null, "module\n".to_string()),
            ("Task-1".into(), "main starts\n".to_string()),
            ("Task-3".into(), "worker 1\n".to_string()),
            ("Task-2".into(), "worker 2\n".to_string()),
        ]
    );
    // In order: "worker 1" comes after Task-3 started its last step and before it is done.
    let pos = |pred: &dyn Fn(&serde_json::Value) -> bool| all.iter().position(pred).unwrap();
    let w1 = pos(&|e| e["output"]["text"] == "worker 1\n");
    let done3 = pos(&|e| e["name"] == "Task-3" && e["new"] == "Done");
    assert!(w1 < done3, "{w1} {done3}");
    assert!(all[w1 - 1]["name"] == "Task-3", "{}", all[w1 - 1]);
    assert_eq!(all[w1]["output"]["stream"], "stdout");
    assert_eq!(all[w1]["output"]["task"], 2);
}

#[test]
fn the_json_trace_imports_back_into_the_playground_with_the_same_events() {
    let (out, dir) = aioplay(&["run", "main.py", "--trace", "back.json"], Some(MISTAKES));
    assert!(out.status.success());
    let bytes = std::fs::read(dir.join("back.json")).unwrap();
    let imported = asyncio_playground::replay::file::parse(&bytes).expect("imports");
    let mut s = asyncio_playground::lang::vm::session::Session::new(MISTAKES, "main.py");
    s.vm.tracing = true;
    s.run_to_end();
    assert_eq!(
        imported,
        asyncio_playground::replay::Imported::Trace(s.take_trace())
    );
    // The Chrome format is told apart, with a hint.
    let (out, dir) = aioplay(
        &[
            "run",
            "main.py",
            "--trace",
            "c.json",
            "--trace-format",
            "chrome",
        ],
        Some(MISTAKES),
    );
    assert!(out.status.success());
    let e = asyncio_playground::replay::file::parse(&std::fs::read(dir.join("c.json")).unwrap())
        .unwrap_err();
    assert!(e.to_string().contains("Chrome trace-event"), "{e}");
}

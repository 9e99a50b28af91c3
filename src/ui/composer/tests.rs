//! The composer writes the program a person would, and every combination of blocks runs
//! on the interpreter with no errors but the ones the blocks ask for.

use super::*;
use crate::lang::vm::session::{Session, Status};

fn spec(name: &str, duration: f64, outcome: Outcome, wrap: Wrap) -> TaskSpec {
    TaskSpec {
        name: name.into(),
        duration,
        outcome,
        wrap,
    }
}

#[test]
fn the_default_composition_reads_like_the_asyncio_docs() {
    let code = generate(&Composition::default()).expect("valid");
    assert_eq!(
        code,
        r#"import asyncio


async def fetch():
    print("fetch: started")
    await asyncio.sleep(1)
    print("fetch: finished")
    return 42


async def upload():
    print("upload: started")
    await asyncio.sleep(2)
    print("upload: finished")
    return "done"


async def main():
    fetch_task = asyncio.create_task(fetch(), name="fetch")
    upload_task = asyncio.create_task(upload(), name="upload")
    # The first exception propagates here; the other tasks keep running.
    results = await asyncio.gather(
        fetch_task,
        upload_task,
    )
    print(results)


asyncio.run(main())
"#
    );
}

#[test]
fn a_task_group_with_a_shield_and_a_timeout() {
    let c = Composition {
        tasks: vec![
            spec("saver", 0.5, Outcome::Forever, Wrap::Shield),
            spec(
                "flaky",
                1.0,
                Outcome::Raise {
                    kind: ExcKind::ConnectionError,
                    message: "lost \"link\"".into(),
                },
                Wrap::WaitFor { timeout: 2.5 },
            ),
        ],
        grouping: Grouping::TaskGroup,
    };
    let code = generate(&c).expect("valid");
    assert!(code.contains("async def shielded(coro):\n"), "{code}");
    assert!(
        code.contains("        saver_task = tg.create_task(shielded(saver()), name=\"saver\")\n")
    );
    assert!(code.contains("tg.create_task(asyncio.wait_for(flaky(), timeout=2.5), name=\"flaky\")"));
    assert!(code.contains("    raise ConnectionError(\"lost \\\"link\\\"\")\n"));
    assert!(code.contains(
        "    while True:  # runs until it is cancelled\n        await asyncio.sleep(0.5)\n"
    ));
}

#[test]
fn names_become_unique_identifiers_and_stay_as_typed_in_the_task_name() {
    let c = Composition {
        tasks: vec![
            TaskSpec::returning("my task", 1.0, "x"),
            TaskSpec::returning("my-task", 1.0, "x"),
            TaskSpec::returning("class", 1.0, "x"),
            TaskSpec::returning("3rd", 1.0, "x"),
            TaskSpec::returning("a", 1.0, "x"),
            TaskSpec::returning("a_task", 1.0, "x"),
            TaskSpec::returning("main", 1.0, "x"),
        ],
        grouping: Grouping::Sequential,
    };
    let code = generate(&c).expect("valid");
    for def in [
        "async def my_task():",
        "async def my_task_2():",
        "async def class_():",
        "async def task_3rd():",
        "async def a():",
        "async def a_task_2():",
        "async def main_():",
    ] {
        assert!(code.contains(def), "missing {def} in\n{code}");
    }
    assert!(code.contains("name=\"my-task\""));
    assert_eq!(run(&code, 1_000).0, Status::Finished { ok: true });
}

#[test]
fn return_values_are_literals_when_python_reads_them_so() {
    for (typed, written) in [
        ("42", "42"),
        ("-7", "-7"),
        ("2.5", "2.5"),
        ("None", "None"),
        ("True", "True"),
        ("", "None"),
        ("007", "\"007\""),
        ("1e999", "\"1e999\""),
        ("ok", "\"ok\""),
        ("a\\b", "\"a\\\\b\""),
    ] {
        let c = Composition {
            tasks: vec![TaskSpec::returning("t", 1.0, typed)],
            grouping: Grouping::Sequential,
        };
        let code = generate(&c).expect("valid");
        assert!(
            code.contains(&format!("    return {written}\n")),
            "{typed:?} -> {code}"
        );
    }
}

#[test]
fn bad_blocks_get_a_message_naming_the_block() {
    let mut c = Composition {
        tasks: vec![],
        grouping: Grouping::TaskGroup,
    };
    assert_eq!(generate(&c).unwrap_err().0, "Add a task first.");
    c.tasks = vec![TaskSpec::returning("  ", 1.0, "1")];
    assert_eq!(generate(&c).unwrap_err().0, "Task 1 needs a name.");
    c.tasks = vec![TaskSpec::returning("t", f64::NAN, "1")];
    assert!(generate(&c)
        .unwrap_err()
        .0
        .starts_with("Task \"t\": the duration"));
    c.tasks = vec![spec("t", 0.0, Outcome::Forever, Wrap::Plain)];
    assert!(generate(&c).unwrap_err().0.contains("tick above 0"));
    c.tasks = vec![spec(
        "t",
        1.0,
        Outcome::Forever,
        Wrap::WaitFor { timeout: -1.0 },
    )];
    assert!(generate(&c).unwrap_err().0.contains("timeout"));
    c.tasks = vec![TaskSpec::returning("t", 1.0, "1"); MAX_TASKS + 1];
    assert!(generate(&c).unwrap_err().0.starts_with("At most"));
}

/// Runs `code` on the virtual clock for at most `steps` slices: (status, stdout, stderr).
fn run(code: &str, steps: usize) -> (Status, String, String) {
    let mut s = Session::new(code, "main.py");
    let mut status = Status::Running;
    for _ in 0..steps {
        status = s.step(10_000);
        if status != Status::Running {
            break;
        }
    }
    let (mut out, mut err) = (String::new(), String::new());
    for (stream, text) in s.take_console() {
        match stream {
            crate::lang::vm::Stream::Stdout => out.push_str(&text),
            crate::lang::vm::Stream::Stderr => err.push_str(&text),
        }
    }
    (status, out, err)
}

/// Every outcome × wrapper × (finishing before or after the timeout) × grouping, next to a
/// plain task: the program compiles, each task starts, and the only exceptions on stderr
/// are those the blocks ask for (the raise, `TimeoutError`, the TaskGroup's group).
#[test]
fn every_combination_runs_with_only_the_intended_errors() {
    let outcomes = [
        Outcome::Return { value: "ok".into() },
        Outcome::Raise {
            kind: ExcKind::KeyError,
            message: "missing".into(),
        },
        Outcome::Forever,
    ];
    let wraps = [
        Wrap::Plain,
        Wrap::Shield,
        Wrap::WaitFor { timeout: 0.5 },
        Wrap::WaitFor { timeout: 3.0 },
    ];
    let groupings = [
        Grouping::Sequential,
        Grouping::Gather {
            return_exceptions: false,
        },
        Grouping::Gather {
            return_exceptions: true,
        },
        Grouping::TaskGroup,
    ];
    let mut programs = 0;
    for outcome in &outcomes {
        for wrap in wraps {
            for grouping in groupings {
                let c = Composition {
                    tasks: vec![
                        spec("worker", 1.0, outcome.clone(), wrap),
                        TaskSpec::returning("helper", 1.5, "7"),
                    ],
                    grouping,
                };
                let code = generate(&c).expect("valid");
                let (status, out, err) = run(&code, 2_000);
                let ctx = format!("{c:?}\n{code}\nstdout:\n{out}\nstderr:\n{err}");
                assert!(out.contains("worker: started\n"), "{ctx}");
                assert!(out.contains("helper: started\n"), "{ctx}");
                let times_out = matches!(wrap, Wrap::WaitFor { timeout } if timeout < 1.0)
                    || (*outcome == Outcome::Forever && matches!(wrap, Wrap::WaitFor { .. }));
                let raises = matches!(outcome, Outcome::Raise { .. }) && !times_out;
                let forever = *outcome == Outcome::Forever && !times_out;
                let mut intended: Vec<&str> = Vec::new();
                if times_out {
                    intended.push("TimeoutError");
                }
                if raises {
                    intended.push("KeyError");
                }
                if grouping == Grouping::TaskGroup {
                    intended.push("ExceptionGroup");
                }
                let raised = raised_kinds(&err);
                if !raised.is_empty() {
                    for kind in &raised {
                        assert!(intended.contains(kind), "unintended {kind}: {ctx}");
                    }
                    assert!(
                        !grouping_collects(grouping) && (times_out || raises),
                        "an error where none was asked for: {ctx}"
                    );
                } else if forever {
                    // Runs until stopped, ticking; nothing else may happen.
                    assert_eq!(status, Status::Running, "{ctx}");
                    assert!(out.contains("worker: tick\n"), "{ctx}");
                } else {
                    assert_eq!(status, Status::Finished { ok: true }, "{ctx}");
                    assert!(
                        !(times_out || raises) || grouping_collects(grouping),
                        "the asked-for error went missing: {ctx}"
                    );
                    assert!(out.contains("helper: finished\n"), "{ctx}");
                }
                programs += 1;
            }
        }
    }
    assert_eq!(programs, 48);
}

/// The exception classes a traceback report names (`KeyError: 'missing'` lines, also
/// inside an exception group's `| ` boxes).
fn raised_kinds(err: &str) -> Vec<&str> {
    err.lines()
        .map(|l| l.trim_start_matches([' ', '|', '+']))
        .filter(|l| !l.starts_with("Traceback") && !l.starts_with("File "))
        .filter_map(|l| l.split(':').next())
        .filter(|k| {
            k.starts_with(|c: char| c.is_ascii_uppercase())
                && k.chars().all(|c| c.is_ascii_alphanumeric())
                && (k.ends_with("Error") || k.ends_with("Group") || k.ends_with("Exception"))
        })
        .collect()
}

/// `gather(..., return_exceptions=True)` turns failures into values.
fn grouping_collects(g: Grouping) -> bool {
    g == (Grouping::Gather {
        return_exceptions: true,
    })
}

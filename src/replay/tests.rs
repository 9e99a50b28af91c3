//! A run driven like the page drives it (irregular slices, loop time moved between them by
//! a wall clock, a cancel click) is recorded, then replayed: same trace, same output.

use super::*;
use crate::lang::vm::session::{Session, Status};
use crate::presets::PRESETS;
use crate::runtime::{Command, ManualClock, TaskId, TraceEvent};

/// What a run showed: every trace event and the console text.
#[derive(Debug, PartialEq)]
struct Seen {
    trace: Vec<TraceEvent>,
    output: String,
}

fn drain(s: &mut Session, seen: &mut Seen) {
    seen.trace.extend(s.take_trace());
    for (_, text) in s.take_console() {
        seen.output.push_str(&text);
    }
}

/// A tiny deterministic generator (the "wall clock" and slice sizes of a fake page).
struct Lcg(u64);
impl Lcg {
    fn next(&mut self, n: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 33) % n
    }
}

/// Runs `code` as the browser driver would at a scaled speed: slices of 1-20 callbacks
/// and 1-3000 instructions, loop time moving 0-30 ms between slices (or sleeping to the next
/// timer), `actions` (slice number, input) injected; records a script as `bridge.rs` does.
fn live_run(code: &str, seed: u64, actions: &[(usize, Input)]) -> (Seen, Script) {
    let clock = ManualClock::default();
    let mut s = Session::new(code, "main.py");
    s.vm.tracing = true;
    s.set_clock(clock.handle());
    let mut rec = Recorder::default();
    let mut rng = Lcg(seed);
    let mut seen = Seen {
        trace: vec![],
        output: String::new(),
    };
    use crate::runtime::Clock;
    for slice in 0..200_000 {
        for (_, input) in actions.iter().filter(|(at, _)| *at == slice) {
            rec.input(Position::of(&s), *input);
            match input {
                Input::Cancel(n) => {
                    if let Some(lp) = s.running_loop_mut() {
                        lp.inject(Command::CancelTask {
                            task: TaskId(*n),
                            msg: None,
                        })
                    }
                }
                Input::Shutdown => {
                    if let Some(lp) = s.running_loop_mut() {
                        lp.inject(Command::Shutdown)
                    }
                }
                Input::Stop => return (seen, rec.script().clone()),
                Input::Clock(_) | Input::Pause => {}
            }
        }
        clock.set(clock.now() + rng.next(30) as f64 / 1000.0);
        if !s.has_work_now() {
            if let Some(d) = s.next_deadline() {
                clock.set(d + rng.next(5) as f64 / 1000.0);
            }
        }
        rec.before_chunk(Position::of(&s), clock.now());
        let (cb, ins) = (1 + rng.next(20) as usize, 1 + rng.next(3000));
        let status = s.step_with(cb, ins);
        rec.after_session_chunk(&s, clock.now());
        drain(&mut s, &mut seen);
        if let Status::Finished { .. } = status {
            break;
        }
    }
    (seen, rec.script().clone())
}

fn replay(code: &str, script: &Script) -> (Seen, usize) {
    let mut r = Replayer::new(code, script);
    let mut seen = Seen {
        trace: vec![],
        output: String::new(),
    };
    r.run_to_end(|r| drain(&mut r.session, &mut seen));
    drain(&mut r.session, &mut seen);
    (seen, r.late)
}

const CANCEL_ME: &str = "import asyncio, time\n\nasync def worker(n):\n    try:\n        for i in range(5):\n            await asyncio.sleep(0.1 * n)\n            print(n, i, round(asyncio.get_running_loop().time(), 6))\n    except asyncio.CancelledError:\n        print(n, 'cancelled')\n        raise\n\nasync def spin():\n    t0 = time.monotonic()\n    x = 0\n    while time.monotonic() - t0 < 0.05:\n        x += 1\n    print('spun')\n\nasync def main():\n    ts = [asyncio.create_task(worker(n)) for n in (1, 2, 3)]\n    ts.append(asyncio.create_task(spin()))\n    await asyncio.gather(*ts, return_exceptions=True)\n\nasyncio.run(main())\n";

#[test]
fn a_sliced_wall_clock_run_with_a_cancel_click_replays_identically() {
    for seed in [1, 7, 42] {
        let (live, script) = live_run(CANCEL_ME, seed, &[(25, Input::Cancel(2))]);
        assert!(live.output.contains("cancelled"), "{}", live.output);
        assert!(live.output.contains("spun"), "{}", live.output);
        let text = script.to_text();
        let back = Script::from_text(&text).expect("reads its own text");
        assert_eq!(back, script);
        let (again, late) = replay(CANCEL_ME, &back);
        assert_eq!(late, 0, "every mark applied at its position (seed {seed})");
        assert_eq!(again.output, live.output, "seed {seed}");
        assert_eq!(again.trace, live.trace, "seed {seed}");
    }
}

#[test]
fn every_preset_replays_identically_with_a_shutdown_mid_run() {
    for p in PRESETS {
        let (live, script) = live_run(p.code, 3, &[(12, Input::Shutdown)]);
        let (again, late) = replay(p.code, &script);
        assert_eq!(late, 0, "{}", p.id);
        assert_eq!(again.output, live.output, "{}", p.id);
        for (i, (x, y)) in again.trace.iter().zip(&live.trace).enumerate() {
            assert_eq!(x, y, "{} event {i}", p.id);
        }
        assert_eq!(again.trace.len(), live.trace.len(), "{}", p.id);
    }
}

#[test]
fn a_stopped_run_replays_up_to_the_stop() {
    let (live, script) = live_run(CANCEL_ME, 5, &[(30, Input::Stop)]);
    assert!(matches!(
        script.marks.last().map(|m| m.input),
        Some(Input::Stop)
    ));
    let (again, _) = replay(CANCEL_ME, &script);
    assert_eq!(again, live);
}

/// Stepping one iteration at a time from the start, as the Step button does.
fn stepped_to(code: &str, k: u64) -> Vec<TraceEvent> {
    stepped_run(code, k).0
}

/// `stepped_to`, with the script its steps recorded.
fn stepped_run(code: &str, k: u64) -> (Vec<TraceEvent>, Script) {
    let mut rec = Recorder::default();
    let mut s = Session::new(code, "main.py");
    s.vm.tracing = true;
    let clock = ManualClock::default();
    s.set_clock(clock.handle());
    let mut trace = Vec::new();
    let mut count = IterationCount::default();
    loop {
        if at_iteration(&s, &count, k) {
            break;
        }
        if !s.has_work_now() {
            if let Some(d) = s.next_deadline() {
                clock.set(d);
            }
        }
        use crate::runtime::Clock;
        rec.before_chunk(Position::of(&s), clock.now());
        let status = s.step_with(usize::MAX, 20_000);
        rec.after_session_chunk(&s, clock.now());
        count.note(&s);
        trace.extend(s.take_trace());
        if let Status::Finished { .. } = status {
            break;
        }
    }
    (trace, rec.script().clone())
}

#[test]
fn rewinding_to_an_iteration_equals_stepping_to_it_and_folding_the_prefix() {
    for p in PRESETS.iter().take(12) {
        // The instant run, stepped to its end.
        let (full, script) = stepped_run(p.code, u64::MAX);
        let last = full.last().map_or(0, |e| e.iteration);
        for k in [0, 1, 2, last / 2, last] {
            let stepped = stepped_to(p.code, k);
            let mut r = Replayer::new(p.code, &script);
            let mut rewound = Vec::new();
            r.run_to_iteration(k, |r| rewound.extend(r.session.take_trace()));
            assert_eq!(rewound, stepped, "{} at iteration {k}", p.id);
            // The trace's own prefix: every event of iterations up to k.
            let prefix: Vec<_> = full
                .iter()
                .take_while(|e| e.iteration <= k)
                .map(|e| (e.task, e.iteration, e.new.clone()))
                .collect();
            let got: Vec<_> = rewound
                .iter()
                .map(|e| (e.task, e.iteration, e.new.clone()))
                .collect();
            if k < last {
                assert_eq!(got, prefix, "{} at iteration {k}", p.id);
            }
        }
    }
}

#[test]
fn bad_script_text_names_the_problem() {
    for (text, needle) in [
        ("", "starts with"),
        ("r2;t1@1.1.1", "starts with"),
        ("r1;t1", "has no '@'"),
        ("r1;t1@1.1", "position"),
        ("r1;tNaN@1.1.1", "loop time"),
        ("r1;q@1.1.1", "is not a clock change"),
        ("r1;t1@5.1.1;c1@4.1.1", "goes back"),
    ] {
        let e = Script::from_text(text).unwrap_err();
        assert!(e.to_string().contains(needle), "{text}: {e}");
    }
    assert_eq!(Script::from_text("r1"), Ok(Script::default()));
}

#[test]
fn trace_files_from_the_cli_and_run_files_import_and_bad_files_say_why() {
    let (live, script) = live_run(CANCEL_ME, 9, &[(20, Input::Cancel(1))]);
    // The CLI's --trace adds `why` to cancel requests; unknown keys are ignored.
    let mut arr: Vec<serde_json::Value> = live
        .trace
        .iter()
        .map(|e| serde_json::to_value(e).unwrap())
        .collect();
    if let Some(obj) = arr[0].as_object_mut() {
        obj.insert("why".into(), serde_json::json!(["cancelled by you"]));
    }
    let text = serde_json::to_string(&arr).unwrap();
    assert_eq!(
        file::parse(text.as_bytes()),
        Ok(Imported::Trace(live.trace.clone()))
    );
    let run = RunFile::new(CANCEL_ME, &script, &live.trace).to_json();
    match file::parse(run.as_bytes()) {
        Ok(Imported::Run {
            code,
            script: s,
            trace,
        }) => {
            assert_eq!(code, CANCEL_ME);
            assert_eq!(s, script);
            assert_eq!(trace, live.trace);
        }
        other => panic!("{other:?}"),
    }
    for (bytes, needle) in [
        (&b""[..], "empty"),
        (b"\xff\xfe", "not text"),
        (b"{\"a\":", "not JSON (line 1"),
        (b"[]", "no events"),
        (b"[{\"ph\":\"X\"}]", "Chrome trace-event"),
        (b"{\"traceEvents\":[]}", "Chrome trace-event"),
        (b"[{\"seq\":1}]", "Event 1 of the trace"),
        (b"42", "neither a trace"),
        (b"{\"kind\":\"asyncio-playground-run\",\"version\":2}", "version 2"),
        (
            b"{\"kind\":\"asyncio-playground-run\",\"version\":1,\"code\":\"\",\"script\":\"zz\",\"trace\":[]}",
            "recorded run cannot be read",
        ),
    ] {
        let e = file::parse(bytes).unwrap_err();
        assert!(e.to_string().contains(needle), "{needle}: {e}");
    }
}

//! `aioplay`: runs a Python asyncio program on the virtual clock and prints what CPython
//! would (the conformance harness, and a handy tool). See `aioplay --help`.

use std::collections::HashMap;
use std::io::Write;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use asyncio_playground::export::chrome;
use asyncio_playground::lang::span::LineTable;
use asyncio_playground::lang::vm::limits::Limits;
use asyncio_playground::lang::vm::session::{Session, Status};
use asyncio_playground::lang::vm::Stream;
use asyncio_playground::runtime::{ManualClock, Reason, TaskState, TraceEvent};
use asyncio_playground::ui::model::provenance;

const HELP: &str = "\
aioplay: run Python asyncio programs on the playground's interpreter and event loop

USAGE:
    aioplay run FILE.py [OPTIONS]
    aioplay prerender PAGE.html [-o OUT.html | --check]
    aioplay --help | --version

Runs FILE.py on a virtual clock (sleeps take no wall time; the order of events is
CPython's) and writes its stdout and stderr as CPython would.

OPTIONS:
    --trace FILE.json   also write every task's lifecycle events as JSON
    --trace-format F    the --trace file's format: json (the playground's own events,
                        with each cancellation's provenance) or chrome (Chrome trace-event
                        JSON, for Perfetto and chrome://tracing)
    --lints             after the program, print asyncio mistakes to stderr, one a line:
                        FILE:LINE: kind: sentence (never-awaited, task-discarded,
                        cancel-swallowed, blocking-step, blocking-sleep,
                        exception-never-retrieved, awaited-forever)
    --slow-step SECS    a task step longer than SECS of loop time blocks the loop
                        (default 0.1, CPython's slow_callback_duration)
    --real-time         run on the wall clock (sleeps really wait)
    --timeout SECONDS   stop the program after this much wall time
    --max-instructions N    stop it after N VM instructions
    --max-memory MIB    heap it may hold (default 2048; the playground's is 256)
    --max-tasks N       live tasks it may have at once (default: no limit)
    --max-output BYTES  console output it may write (default: no limit)
    -h, --help          print this help
    -V, --version       print the version

PRERENDER:
    Runs every <pre data-asyncio-playground> block of PAGE.html (with its data-setup and
    data-after chain, as the loader composes them) and writes, right after each block,
    the output of its run and a timeline picture (SVG), so readers see them before the
    playground loads and without JavaScript. Earlier pre-rendered output is replaced.
    Writes PAGE.html in place unless -o names another file; --check writes nothing and
    exits 1 when the page is not up to date.

EXIT STATUS:
    0  the program ended normally
    1  it ended with an uncaught exception (the traceback is on stderr), or a limit
       stopped it (the message names the limit)
    2  it has a syntax error, or the command line is wrong
";

/// What the command line asked for.
enum Cli {
    Help,
    Version,
    Run(RunOpts),
    Prerender {
        page: String,
        out: Option<String>,
        check: bool,
    },
}

struct RunOpts {
    file: String,
    trace: Option<String>,
    format: TraceFormat,
    lints: bool,
    slow_step: Option<f64>,
    real_time: bool,
    timeout: Option<Duration>,
    limits: Limits,
}

/// The CLI's limits: a command-line tool, so no caps on output, tasks or time spent in one
/// call (the page needs those), and a generous memory budget (see `docs/limits.md`).
fn cli_limits() -> Limits {
    Limits {
        memory: 2048 << 20,
        tasks: usize::MAX,
        output: usize::MAX,
        unpausable: u64::MAX,
        ..Limits::default()
    }
}

/// The number after an option.
fn number<T: std::str::FromStr>(opt: &str, v: Option<&String>) -> Result<T, String> {
    v.and_then(|s| s.parse().ok())
        .ok_or_else(|| format!("{opt} needs a number"))
}

/// What `--trace` writes.
#[derive(Clone, Copy, PartialEq)]
enum TraceFormat {
    Json,
    Chrome,
}

fn parse(args: &[String]) -> Result<Cli, String> {
    let mut it = args.iter();
    match it.next().map(String::as_str) {
        None | Some("-h") | Some("--help") | Some("help") => Ok(Cli::Help),
        Some("-V") | Some("--version") => Ok(Cli::Version),
        Some("run") => {
            let (mut file, mut trace, mut real_time) = (None, None, false);
            let (mut timeout, mut limits) = (None, cli_limits());
            let (mut format, mut lints, mut slow_step) = (TraceFormat::Json, false, None);
            while let Some(a) = it.next() {
                match a.as_str() {
                    "-h" | "--help" => return Ok(Cli::Help),
                    "--real-time" => real_time = true,
                    "--timeout" => {
                        let s: f64 = number(a, it.next())?;
                        timeout = Some(
                            Duration::try_from_secs_f64(s)
                                .map_err(|_| "--timeout needs a number of seconds".to_string())?,
                        );
                    }
                    "--max-instructions" => limits.instructions = number(a, it.next())?,
                    "--max-memory" => {
                        let mib: usize = number(a, it.next())?;
                        limits.memory = mib.saturating_mul(1 << 20);
                    }
                    "--max-tasks" => limits.tasks = number(a, it.next())?,
                    "--max-output" => limits.output = number(a, it.next())?,
                    "--lints" => lints = true,
                    "--trace-format" => match it.next().map(String::as_str) {
                        Some("json") => format = TraceFormat::Json,
                        Some("chrome") => format = TraceFormat::Chrome,
                        Some(other) => {
                            return Err(format!(
                                "unknown trace format '{other}' (choose json or chrome)"
                            ))
                        }
                        None => return Err("--trace-format needs json or chrome".into()),
                    },
                    "--slow-step" => match it.next().map(|s| s.parse::<f64>()) {
                        Some(Ok(secs)) if secs.is_finite() && secs >= 0.0 => slow_step = Some(secs),
                        _ => return Err("--slow-step needs a number of seconds (>= 0)".into()),
                    },
                    "--trace" => match it.next() {
                        Some(path) => trace = Some(path.clone()),
                        None => return Err("--trace needs a FILE.json".into()),
                    },
                    opt if opt.starts_with('-') => return Err(format!("unknown option '{opt}'")),
                    path if file.is_none() => file = Some(path.to_string()),
                    extra => return Err(format!("unexpected argument '{extra}'")),
                }
            }
            let file = file.ok_or_else(|| "missing FILE.py".to_string())?;
            Ok(Cli::Run(RunOpts {
                file,
                trace,
                format,
                lints,
                slow_step,
                real_time,
                timeout,
                limits,
            }))
        }
        Some("prerender") => {
            let (mut page, mut out, mut check) = (None, None, false);
            while let Some(a) = it.next() {
                match a.as_str() {
                    "-h" | "--help" => return Ok(Cli::Help),
                    "--check" => check = true,
                    "-o" | "--output" => match it.next() {
                        Some(path) => out = Some(path.clone()),
                        None => return Err("-o needs a file name".into()),
                    },
                    opt if opt.starts_with('-') => return Err(format!("unknown option '{opt}'")),
                    path if page.is_none() => page = Some(path.to_string()),
                    extra => return Err(format!("unexpected argument '{extra}'")),
                }
            }
            let page = page.ok_or_else(|| "missing PAGE.html".to_string())?;
            Ok(Cli::Prerender { page, out, check })
        }
        Some(other) => Err(format!("unknown command '{other}'")),
    }
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match parse(&args) {
        Ok(Cli::Help) => {
            print!("{HELP}");
            ExitCode::SUCCESS
        }
        Ok(Cli::Version) => {
            println!("aioplay {}", env!("CARGO_PKG_VERSION"));
            ExitCode::SUCCESS
        }
        Ok(Cli::Run(opts)) => run(&opts),
        Ok(Cli::Prerender { page, out, check }) => prerender(&page, out.as_deref(), check),
        Err(msg) => {
            eprintln!("aioplay: {msg}\n(see aioplay --help)");
            ExitCode::from(2)
        }
    }
}

/// `aioplay prerender`: see HELP.
fn prerender(page: &str, out: Option<&str>, check: bool) -> ExitCode {
    let text = match std::fs::read_to_string(page) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("aioplay: can't open file '{page}': {e}");
            return ExitCode::from(2);
        }
    };
    let (html, rendered) = match asyncio_playground::prerender::prerender(&text) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("aioplay: {page}: {e}");
            return ExitCode::from(2);
        }
    };
    for (i, r) in rendered.iter().enumerate() {
        let name = r.id.clone().unwrap_or_else(|| format!("block {}", i + 1));
        let note = if r.ok {
            ""
        } else {
            " (ends with an exception)"
        };
        eprintln!("{page}: {name}: {} bytes of output{note}", r.output.len());
    }
    if check {
        if html == text {
            return ExitCode::SUCCESS;
        }
        eprintln!("aioplay: {page} is not up to date: run aioplay prerender {page}");
        return ExitCode::from(1);
    }
    let target = out.unwrap_or(page);
    if let Err(e) = std::fs::write(target, html) {
        eprintln!("aioplay: can't write '{target}': {e}");
        return ExitCode::from(2);
    }
    ExitCode::SUCCESS
}

/// Writes the console so far, each part to its stream, in the order the program wrote it.
fn flush_console(session: &mut Session) {
    let (mut out, mut err) = (std::io::stdout().lock(), std::io::stderr().lock());
    for (stream, text) in std::mem::take(&mut session.vm.console) {
        let _ = match stream {
            Stream::Stdout => out.write_all(text.as_bytes()).and_then(|_| out.flush()),
            Stream::Stderr => err.write_all(text.as_bytes()).and_then(|_| err.flush()),
        };
    }
}

fn run(opts: &RunOpts) -> ExitCode {
    let source = match std::fs::read(&opts.file) {
        Ok(bytes) => String::from_utf8_lossy(&bytes).into_owned(),
        Err(e) => {
            eprintln!("aioplay: can't open file '{}': {e}", opts.file);
            return ExitCode::from(2);
        }
    };
    let mut session = Session::with_limits(&source, &opts.file, opts.limits.clone());
    let started = Instant::now();
    session.vm.tracing = opts.trace.is_some() || opts.lints;
    if let Some(secs) = opts.slow_step {
        session.vm.slow_step.0 = secs;
    }
    let mut facts = Vec::new();
    let mut failures = HashMap::new();
    let wall = opts
        .real_time
        .then(|| (ManualClock::default(), Instant::now()));
    if let Some((clock, _)) = &wall {
        session.set_clock(clock.handle());
    }
    let mut trace: Vec<TraceEvent> = Vec::new();
    let ok = loop {
        if let Some((clock, t0)) = &wall {
            // Real time: loop time is wall time since the start; sleep until the next timer.
            clock.set(t0.elapsed().as_secs_f64());
            if !session.has_work_now() {
                if let Some(d) = session.next_deadline() {
                    let wait = (d - t0.elapsed().as_secs_f64()).max(0.0);
                    std::thread::sleep(Duration::from_secs_f64(wait));
                    continue;
                }
            }
        }
        if opts.timeout.is_some_and(|t| started.elapsed() > t) {
            // Slices are bounded (`step_with`), so this is checked often enough.
            flush_console(&mut session);
            eprintln!(
                "Stopped: the program ran longer than {:?} (--timeout)",
                opts.timeout.unwrap_or_default()
            );
            return ExitCode::from(1);
        }
        let status = if opts.timeout.is_some() {
            session.step_with(100_000, 1_000_000)
        } else {
            session.step(100_000)
        };
        if session.vm.tracing {
            let batch = session.take_trace();
            // How failed tasks failed, for provenance ("when Task-4 failed with ValueError").
            for ev in batch.iter().filter(|e| e.new == TaskState::Failed) {
                if let Some(exc) = session.task_outcome_repr(ev.task) {
                    failures.insert(ev.task.0, exc);
                }
            }
            trace.extend(batch);
        }
        if opts.lints {
            facts.extend(session.vm.take_facts());
        }
        if opts.real_time {
            flush_console(&mut session);
        }
        if let Status::Finished { ok } = status {
            break ok;
        }
    };
    flush_console(&mut session);
    if opts.lints {
        let lints = asyncio_playground::lints::check(&source, &trace, &facts);
        let mut err = std::io::stderr().lock();
        for lint in lints {
            let _ = writeln!(err, "{}", lint.render(&opts.file));
        }
    }
    if let Some(path) = &opts.trace {
        let lines = LineTable::new(&source);
        let cx = provenance::Context {
            lines: Some(&lines),
            failures: Some(&failures),
        };
        let written = trace_text(opts.format, &trace, cx)
            .map_err(|e| e.to_string())
            .and_then(|json| std::fs::write(path, json).map_err(|e| e.to_string()));
        if let Err(e) = written {
            eprintln!("aioplay: can't write the trace to '{path}': {e}");
            return ExitCode::from(2);
        }
    }
    match (ok, session.syntax_error) {
        (true, _) => ExitCode::SUCCESS,
        (false, true) => ExitCode::from(2),
        (false, false) => ExitCode::from(1),
    }
}

/// The `--trace` file: the events as JSON, each cancel request with `why` (its provenance
/// chain in words), or the Chrome trace-event format.
fn trace_text(
    format: TraceFormat,
    trace: &[TraceEvent],
    cx: provenance::Context<'_>,
) -> Result<String, serde_json::Error> {
    match format {
        TraceFormat::Chrome => serde_json::to_string(&chrome::export(trace, cx)),
        TraceFormat::Json => {
            let mut requests = provenance::Requests::default();
            let mut out = Vec::with_capacity(trace.len());
            for ev in trace {
                requests.note(ev);
                let mut v = serde_json::to_value(ev)?;
                if let (Reason::CancelRequested(req), Some(obj)) = (&ev.reason, v.as_object_mut()) {
                    let why = provenance::chain(&requests, req.id, cx);
                    obj.insert("why".into(), why.into());
                }
                out.push(v);
            }
            serde_json::to_string_pretty(&out)
        }
    }
}

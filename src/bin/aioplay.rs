//! `aioplay`: runs a Python asyncio program on the virtual clock and prints what CPython
//! would (the conformance harness, and a handy tool). See `aioplay --help`.

use std::io::Write;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use asyncio_playground::lang::vm::limits::Limits;
use asyncio_playground::lang::vm::session::{Session, Status};
use asyncio_playground::lang::vm::Stream;
use asyncio_playground::runtime::{ManualClock, TraceEvent};

const HELP: &str = "\
aioplay: run Python asyncio programs on the playground's interpreter and event loop

USAGE:
    aioplay run FILE.py [OPTIONS]
    aioplay --help | --version

Runs FILE.py on a virtual clock (sleeps take no wall time; the order of events is
CPython's) and writes its stdout and stderr as CPython would.

OPTIONS:
    --trace FILE.json   also write every task's lifecycle events as JSON
    --real-time         run on the wall clock (sleeps really wait)
    --timeout SECONDS   stop the program after this much wall time
    --max-instructions N    stop it after N VM instructions
    --max-memory MIB    heap it may hold (default 2048; the playground's is 256)
    --max-tasks N       live tasks it may have at once (default: no limit)
    --max-output BYTES  console output it may write (default: no limit)
    -h, --help          print this help
    -V, --version       print the version

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
}

struct RunOpts {
    file: String,
    trace: Option<String>,
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

fn parse(args: &[String]) -> Result<Cli, String> {
    let mut it = args.iter();
    match it.next().map(String::as_str) {
        None | Some("-h") | Some("--help") | Some("help") => Ok(Cli::Help),
        Some("-V") | Some("--version") => Ok(Cli::Version),
        Some("run") => {
            let (mut file, mut trace, mut real_time) = (None, None, false);
            let (mut timeout, mut limits) = (None, cli_limits());
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
                real_time,
                timeout,
                limits,
            }))
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
        Err(msg) => {
            eprintln!("aioplay: {msg}\n(see aioplay --help)");
            ExitCode::from(2)
        }
    }
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
    session.vm.tracing = opts.trace.is_some();
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
        if opts.trace.is_some() {
            trace.extend(session.take_trace());
        }
        if opts.real_time {
            flush_console(&mut session);
        }
        if let Status::Finished { ok } = status {
            break ok;
        }
    };
    flush_console(&mut session);
    if let Some(path) = &opts.trace {
        let written = serde_json::to_string_pretty(&trace)
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

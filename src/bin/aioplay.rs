//! `aioplay`: runs a Python asyncio program on the virtual clock and prints what CPython
//! would (the conformance harness, and a handy tool). See `aioplay --help`.

use std::io::Write;
use std::process::ExitCode;
use std::time::{Duration, Instant};

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
    -h, --help          print this help
    -V, --version       print the version

EXIT STATUS:
    0  the program ended normally
    1  it ended with an uncaught exception (the traceback is on stderr)
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
}

fn parse(args: &[String]) -> Result<Cli, String> {
    let mut it = args.iter();
    match it.next().map(String::as_str) {
        None | Some("-h") | Some("--help") | Some("help") => Ok(Cli::Help),
        Some("-V") | Some("--version") => Ok(Cli::Version),
        Some("run") => {
            let (mut file, mut trace, mut real_time) = (None, None, false);
            while let Some(a) = it.next() {
                match a.as_str() {
                    "-h" | "--help" => return Ok(Cli::Help),
                    "--real-time" => real_time = true,
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
    let mut session = Session::new(&source, &opts.file);
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
        let status = session.step(100_000);
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

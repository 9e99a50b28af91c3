//! `aioplay`: runs a Python asyncio program on the virtual clock and prints what CPython
//! would (the conformance harness, and a handy tool). See `aioplay --help`.

use std::io::Write;
use std::process::ExitCode;

use asyncio_playground::lang::vm::{Stream, Vm};

const HELP: &str = "\
aioplay: run Python asyncio programs on the playground's interpreter and event loop

USAGE:
    aioplay run FILE.py [OPTIONS]
    aioplay --help | --version

Runs FILE.py on a virtual clock (sleeps take no wall time; the order of events is
CPython's) and writes its stdout and stderr as CPython would.

EXIT STATUS:
    0  the program ended normally
    1  it ended with an uncaught exception (the traceback is on stderr)
    2  it has a syntax error, or the command line is wrong

OPTIONS:
    -h, --help       print this help
    -V, --version    print the version
";

/// What the command line asked for.
enum Cli {
    Help,
    Version,
    Run { file: String },
}

fn parse(args: &[String]) -> Result<Cli, String> {
    let mut it = args.iter();
    match it.next().map(String::as_str) {
        None | Some("-h") | Some("--help") | Some("help") => Ok(Cli::Help),
        Some("-V") | Some("--version") => Ok(Cli::Version),
        Some("run") => {
            let mut file = None;
            for a in it {
                match a.as_str() {
                    "-h" | "--help" => return Ok(Cli::Help),
                    opt if opt.starts_with('-') => return Err(format!("unknown option '{opt}'")),
                    path if file.is_none() => file = Some(path.to_string()),
                    extra => return Err(format!("unexpected argument '{extra}'")),
                }
            }
            file.map(|file| Cli::Run { file })
                .ok_or_else(|| "missing FILE.py".to_string())
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
        Ok(Cli::Run { file }) => run(&file),
        Err(msg) => {
            eprintln!("aioplay: {msg}\n(see aioplay --help)");
            ExitCode::from(2)
        }
    }
}

fn run(file: &str) -> ExitCode {
    let source = match std::fs::read(file) {
        Ok(bytes) => String::from_utf8_lossy(&bytes).into_owned(),
        Err(e) => {
            eprintln!("aioplay: can't open file '{file}': {e}");
            return ExitCode::from(2);
        }
    };
    let mut vm = Vm::new();
    let result = vm.run_source(&source, file);
    // Write the console in the order the program wrote it, each part to its stream.
    let (mut out, mut err) = (std::io::stdout().lock(), std::io::stderr().lock());
    for (stream, text) in &vm.console {
        let _ = match stream {
            Stream::Stdout => out.write_all(text.as_bytes()).and_then(|_| out.flush()),
            Stream::Stderr => err.write_all(text.as_bytes()).and_then(|_| err.flush()),
        };
    }
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.matches("SyntaxError") => ExitCode::from(2),
        Err(_) => ExitCode::from(1),
    }
}

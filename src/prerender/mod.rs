//! `aioplay prerender PAGE.html`: runs each `<pre data-asyncio-playground>` block of a page
//! (its hidden setup and `data-after` chain included, as the loader composes it) on the
//! virtual clock and writes, right after the block, what the run printed and a static
//! timeline picture (SVG). Readers see them before the playground loads and without
//! JavaScript; the loader shows them until the reader presses Run. Re-running replaces the
//! earlier output, so the command is idempotent.

pub mod html;
pub mod svg;

use crate::lang::vm::limits::Limits;
use crate::lang::vm::session::{Session, Status};
use crate::lang::vm::Stream;
use crate::share::program::{chain_setup, Block, ChainError};
use crate::share::{block_code, Program};

/// Where the pre-rendered output of a block starts and ends in the page (the end marker
/// makes re-running exact, whatever the output holds).
pub const START: &str = "<div class=\"aiopg-prerendered\"";
pub const END: &str = "</div><!--/aiopg-prerendered-->";

/// What one block's run gave.
#[derive(Clone, Debug, PartialEq)]
pub struct Rendered {
    pub id: Option<String>,
    /// stdout and stderr as the console shows them, interleaved; tracebacks numbered as the
    /// reader sees the code.
    pub output: String,
    /// The program ended without an uncaught exception.
    pub ok: bool,
    /// The timeline picture (`None` when no task ran).
    pub svg: Option<String>,
}

/// Why a page could not be pre-rendered.
#[derive(Debug, PartialEq)]
pub enum PrerenderError {
    /// `data-setup="#id"` names no element.
    MissingSetup {
        block: String,
        id: String,
    },
    Chain(ChainError),
}

impl std::fmt::Display for PrerenderError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            PrerenderError::MissingSetup { block, id } => write!(
                f,
                "data-setup=\"#{id}\" on #{block}: the page has no element with id=\"{id}\""
            ),
            PrerenderError::Chain(e) => e.fmt(f),
        }
    }
}

impl std::error::Error for PrerenderError {}

/// Instructions one block may run (a runaway example stops with a message, never hangs).
const MAX_INSTRUCTIONS: u64 = 500_000_000;
/// Loop iterations one block may run.
const MAX_STEPS: usize = 200_000;

/// Runs `source` to the end on the virtual clock: the console (in order) and the trace.
pub fn run(source: &str) -> (Vec<(Stream, String)>, bool, Vec<crate::runtime::TraceEvent>) {
    let limits = Limits {
        instructions: MAX_INSTRUCTIONS,
        ..Limits::default()
    };
    let mut session = Session::with_limits(source, "main.py", limits);
    session.vm.tracing = true;
    let mut trace = Vec::new();
    let mut console = Vec::new();
    let mut ok = false;
    let mut finished = false;
    for _ in 0..MAX_STEPS {
        let status = session.step(100_000);
        trace.extend(session.take_trace());
        console.extend(session.take_console());
        if let Status::Finished { ok: o } = status {
            ok = o;
            finished = true;
            break;
        }
    }
    if !finished {
        console.push((
            Stream::Stderr,
            format!("(stopped: the example was still running after {MAX_STEPS} loop iterations)\n"),
        ));
    }
    (console, ok, trace)
}

/// Each block's program, as the loader composes it.
pub fn programs(page: &str) -> Result<Vec<(Option<String>, Program)>, PrerenderError> {
    let found = html::blocks(page);
    let mut setups = Vec::with_capacity(found.len());
    for b in &found {
        let mut pieces = Vec::new();
        if let Some(r) = b
            .attr("data-setup")
            .map(str::trim)
            .filter(|r| !r.is_empty())
        {
            match r.strip_prefix('#') {
                Some(id) => pieces.push(html::text_by_id(page, id).ok_or_else(|| {
                    PrerenderError::MissingSetup {
                        block: b.attr("id").unwrap_or("(no id)").into(),
                        id: id.into(),
                    }
                })?),
                None => pieces.push(b.attr("data-setup").unwrap_or_default().to_string()),
            }
        }
        setups.push(pieces);
    }
    let chain: Vec<Block<'_>> = found
        .iter()
        .zip(&setups)
        .map(|(b, setup)| Block {
            id: b.attr("id"),
            after: b.attr("data-after").map(str::trim),
            setup: setup.clone(),
            code: &b.text,
        })
        .collect();
    let mut out = Vec::with_capacity(found.len());
    for (i, b) in found.iter().enumerate() {
        let setup = chain_setup(&chain, i).map_err(PrerenderError::Chain)?;
        let program = Program::compose(&setup, &block_code(&b.text));
        out.push((b.attr("id").map(String::from), program));
    }
    Ok(out)
}

/// Runs one composed program and renders what readers see before they press Run.
pub fn render(id: Option<String>, program: &Program) -> Rendered {
    let (console, ok, trace) = run(&program.text);
    let lines = program.lines();
    let mut output = String::new();
    for (stream, text) in console {
        match stream {
            Stream::Stdout => output.push_str(&text),
            Stream::Stderr => output.push_str(&lines.map_traceback(&text)),
        }
    }
    Rendered {
        id,
        output,
        ok,
        svg: svg::timeline_svg(&trace),
    }
}

/// The HTML written after a block.
fn fragment(r: &Rendered) -> String {
    let id =
        r.id.as_deref()
            .map(|i| format!(" data-for=\"{}\"", html::escape(i)))
            .unwrap_or_default();
    let output = if r.output.is_empty() {
        "(no output)".to_string()
    } else {
        html::escape(&r.output)
    };
    format!(
        "\n{START}{id}>\n<p class=\"aiopg-prerendered-note\">Expected output \
         (pre-rendered):</p>\n<pre class=\"aiopg-expected-output\">{output}</pre>\n{}{END}",
        r.svg.as_deref().unwrap_or("")
    )
}

/// The page with every block's pre-rendered output after it (earlier output replaced), and
/// what each block gave.
pub fn prerender(page: &str) -> Result<(String, Vec<Rendered>), PrerenderError> {
    let page = strip(page);
    let rendered: Vec<Rendered> = programs(&page)?
        .into_iter()
        .map(|(id, p)| render(id, &p))
        .collect();
    let mut out = String::with_capacity(page.len() + rendered.len() * 4096);
    let mut at = 0;
    for (b, r) in html::blocks(&page).iter().zip(&rendered) {
        out.push_str(page.get(at..b.end).unwrap_or(""));
        out.push_str(&fragment(r));
        at = b.end;
    }
    out.push_str(page.get(at..).unwrap_or(""));
    Ok((out, rendered))
}

/// `page` without any earlier pre-rendered output.
fn strip(page: &str) -> String {
    let mut out = String::with_capacity(page.len());
    let mut rest = page;
    while let Some(i) = rest.find(START) {
        let Some(e) = rest.get(i..).and_then(|s| s.find(END)) else {
            break;
        };
        // The newline written before the fragment goes too.
        let head = rest.get(..i).unwrap_or("");
        out.push_str(head.strip_suffix('\n').unwrap_or(head));
        rest = rest.get(i + e + END.len()..).unwrap_or("");
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests;

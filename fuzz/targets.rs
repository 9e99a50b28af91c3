//! The fuzz targets' bodies, shared by cargo-fuzz (`fuzz/fuzz_targets/*.rs`, nightly) and the
//! stable smoke test `tests/fuzz_smoke.rs`. Every input must return normally: a panic, a stack
//! overflow or a hang is a bug. Grammar-shaped programs come from `arbitrary::Unstructured`.

#![allow(dead_code)]

use arbitrary::Unstructured;
use asyncio_playground::lang::vm::limits::Limits;
use asyncio_playground::lang::vm::session::{Session, Status};
use asyncio_playground::lang::{compiler, lexer, parser};

/// Lexer, parser, context checks, compiler and error rendering on arbitrary bytes.
pub fn parse_bytes(data: &[u8]) {
    let src = String::from_utf8_lossy(data);
    check_source(&src);
}

/// The same on a Python-shaped program generated from the bytes (deep nesting, every
/// statement and expression kind, with stray tokens now and then).
pub fn parse_grammar(data: &[u8]) {
    let src = program(data);
    check_source(&src);
}

/// Compiles and runs the bytes as a program under small limits (instructions, memory,
/// tasks, output, recursion), in budgeted slices as the browser driver runs it.
pub fn run_program(data: &[u8]) {
    let src = String::from_utf8_lossy(data);
    run_source(&src);
}

/// Share-link and embed-option decoding on arbitrary text (what a stranger's link or a
/// page's `data-*` attributes can hold): the fragment and its payload, finished with the
/// input's own bytes standing in for the browser's inflater, the embed options read from the
/// same pairs, a code block's dedent, a recorded run (`run=`, script text, run file).
/// Every error must be a `ShareError`, never a panic;
/// whatever decodes must re-encode and decode to the same program.
pub fn share_link(data: &[u8]) {
    use asyncio_playground::share::{self, link, payload, EmbedOptions};
    let text = String::from_utf8_lossy(data);
    if let Ok(Some(pending)) = share::parse_fragment(&text) {
        let inflated = Some(data.to_vec());
        if let Ok(code) = pending.packed.finish(inflated) {
            let again = payload::encode(&code, None).and_then(|p| payload::parse(&p));
            if let Ok(packed) = again {
                assert_eq!(packed.finish(None).ok().as_deref(), Some(code.as_str()));
            }
        }
    }
    let _ = payload::parse(&text);
    let _ = EmbedOptions::from_pairs(link::pairs(&text));
    let _ = share::block_code(&text);
    // A link's recorded run, its script text, and the same bytes as an imported file.
    let _ = share::run::run_packed(&text);
    if let Ok(script) = asyncio_playground::replay::Script::from_text(&text) {
        let again = asyncio_playground::replay::Script::from_text(&script.to_text());
        assert_eq!(again.as_ref(), Ok(&script));
    }
    let _ = asyncio_playground::replay::file::parse(data);
}

/// Runs a grammar-shaped program generated from the bytes (used by the smoke test).
pub fn run_grammar(data: &[u8]) {
    run_source(&program(data));
}

fn check_source(src: &str) {
    let _ = lexer::tokenize(src);
    let _ = parser::parse_expression(src);
    match parser::parse(src) {
        Ok(module) => match compiler::compile(&module, src, "main.py") {
            Ok(_) => {}
            Err(e) => {
                let _ = e.render(src, "main.py");
            }
        },
        Err(e) => {
            let _ = e.render(src, "main.py");
        }
    }
}

fn run_source(src: &str) {
    let mut s = Session::with_limits(src, "main.py", Limits::fuzzing());
    s.vm.tracing = true;
    // Slices as the browser driver takes them; the instruction cap bounds the whole run, so
    // this loop ends (a bounded number of slices guards against a bug that would not).
    for _ in 0..100_000 {
        if let Status::Finished { .. } = s.step_with(64, 2_000) {
            break;
        }
        let _ = s.take_trace();
        let _ = s.take_console();
    }
    let _ = s.take_trace();
    let _ = s.take_console();
}

/// A Python-shaped program from `data`.
pub fn program(data: &[u8]) -> String {
    let mut g = Gen {
        u: Unstructured::new(data),
        out: String::new(),
    };
    let n = g.range(1, 12);
    for _ in 0..n {
        g.stmt(0, 0, true);
    }
    g.out
}

const NAMES: &[&str] = &[
    "x",
    "y",
    "f",
    "g",
    "t",
    "e",
    "main",
    "asyncio",
    "print",
    "range",
    "len",
    "self",
    "q",
    "lock",
    "ev",
    "str",
    "list",
    "dict",
    "repr",
    "int",
    "isinstance",
    "Exception",
    "ValueError",
    "CancelledError",
    "super",
    "sorted",
    "__name__",
];
const ATTRS: &[&str] = &[
    "sleep",
    "gather",
    "create_task",
    "run",
    "result",
    "cancel",
    "append",
    "Lock",
    "Event",
    "Queue",
    "TaskGroup",
    "timeout",
    "wait_for",
    "shield",
    "get",
    "put",
    "set",
    "wait",
    "done",
    "exception",
    "get_running_loop",
    "call_later",
    "__init__",
    "args",
    "items",
    "join",
    "format",
    "Semaphore",
    "as_completed",
    "cancelled",
];
const OPS: &[&str] = &[
    "+", "-", "*", "/", "//", "%", "**", "<<", ">>", "&", "|", "^", "@", "<", ">", "==", "!=",
    "<=", ">=", " in ", " not in ", " is ", " is not ", " and ", " or ",
];
const NOISE: &[&str] = &[
    "(", ")", "[", "]", "{", "}", ":", ",", "=", "\n", "\t", " ", "'", "\"", "\\", "#", "$",
    "async", "await", "yield", "lambda", "def", "else", "*", "**", "->", ":=", "\u{00e9}", "\r",
    "0x", "1e", "f'{", "}'", ".", "...", ";", "@",
];

struct Gen<'a> {
    u: Unstructured<'a>,
    out: String,
}

impl Gen<'_> {
    fn range(&mut self, lo: u32, hi: u32) -> u32 {
        self.u.int_in_range(lo..=hi).unwrap_or(lo)
    }
    fn pick(&mut self, from: &[&str]) -> String {
        let i = self.range(0, from.len() as u32 - 1) as usize;
        from.get(i).copied().unwrap_or("x").to_string()
    }
    fn line(&mut self, indent: u32, text: &str) {
        for _ in 0..indent {
            self.out.push_str("    ");
        }
        self.out.push_str(text);
        // Now and then a stray token, to reach the error paths too.
        if self.range(0, 40) == 0 {
            let n = self.pick(NOISE);
            self.out.push_str(&n);
        }
        self.out.push('\n');
    }

    fn block(&mut self, indent: u32, depth: u32, in_async: bool) {
        let n = self.range(1, 3);
        for _ in 0..n {
            self.stmt(indent, depth + 1, in_async);
        }
    }

    fn stmt(&mut self, indent: u32, depth: u32, in_async: bool) {
        let compound = depth < 6;
        let kind = self.range(0, if compound { 19 } else { 8 });
        match kind {
            0 => {
                let (t, e) = (self.target(), self.expr(0, in_async));
                self.line(indent, &format!("{t} = {e}"));
            }
            1 => {
                let e = self.expr(0, in_async);
                self.line(indent, &e);
            }
            2 => {
                let (t, op, e) = (
                    self.target(),
                    self.pick(&["+=", "-=", "*=", "//="]),
                    self.expr(0, in_async),
                );
                self.line(indent, &format!("{t} {op} {e}"));
            }
            3 => {
                let e = self.expr(0, in_async);
                self.line(indent, &format!("return {e}"));
            }
            4 => {
                let e = self.expr(0, in_async);
                self.line(indent, &format!("raise {e}"));
            }
            5 => self.line(indent, "import asyncio"),
            6 => {
                let s = self.pick(&[
                    "pass",
                    "break",
                    "continue",
                    "global x",
                    "nonlocal y",
                    "del x",
                ]);
                self.line(indent, &s);
            }
            7 => {
                let e = self.expr(0, in_async);
                self.line(indent, &format!("assert {e}, 'msg'"));
            }
            8 => {
                let e = self.expr(0, in_async);
                self.line(indent, &format!("print({e})"));
            }
            9 | 10 => {
                let kw = self.pick(&["if", "while", "elif", "else"]);
                let e = self.expr(0, in_async);
                self.line(indent, &format!("{kw} {e}:"));
                self.block(indent + 1, depth, in_async);
            }
            11 => {
                let (t, e) = (self.target(), self.expr(0, in_async));
                let kw = if in_async && self.range(0, 3) == 0 {
                    "async for"
                } else {
                    "for"
                };
                self.line(indent, &format!("{kw} {t} in {e}:"));
                self.block(indent + 1, depth, in_async);
            }
            12 | 13 => {
                let is_async = self.range(0, 1) == 1;
                let name = self.pick(NAMES);
                let params = self.pick(&[
                    "",
                    "x",
                    "x, y=1",
                    "*args, **kw",
                    "self, n",
                    "a, /, b, *, c=2",
                ]);
                if self.range(0, 4) == 0 {
                    self.line(indent, "@f");
                }
                let kw = if is_async { "async def" } else { "def" };
                self.line(indent, &format!("{kw} {name}({params}):"));
                self.block(indent + 1, depth, is_async);
            }
            14 => {
                let name = self.pick(&["C", "Err", "Worker"]);
                let base = self.pick(&["", "(Exception)", "(C)", "(object)"]);
                self.line(indent, &format!("class {name}{base}:"));
                self.block(indent + 1, depth, false);
            }
            15 | 16 => {
                self.line(indent, "try:");
                self.block(indent + 1, depth, in_async);
                let star = if self.range(0, 5) == 0 { "*" } else { "" };
                let exc = self.pick(&[
                    "",
                    " Exception",
                    " ValueError as e",
                    " (KeyError, TypeError)",
                    " BaseException",
                    " asyncio.CancelledError",
                ]);
                self.line(indent, &format!("except{star}{exc}:"));
                self.block(indent + 1, depth, in_async);
                if self.range(0, 1) == 1 {
                    self.line(indent, "finally:");
                    self.block(indent + 1, depth, in_async);
                }
            }
            17 => {
                let e = self.expr(0, in_async);
                let kw = if in_async && self.range(0, 1) == 1 {
                    "async with"
                } else {
                    "with"
                };
                self.line(indent, &format!("{kw} {e} as v:"));
                self.block(indent + 1, depth, in_async);
            }
            18 => {
                // The shape of most playground programs.
                self.line(indent, "async def main():");
                self.block(indent + 1, depth, true);
                self.line(indent, "asyncio.run(main())");
            }
            _ => {
                let e = self.expr(0, in_async);
                self.line(indent, &format!("match {e}:"));
                self.line(indent + 1, "case 1:");
                self.line(indent + 2, "pass");
            }
        }
    }

    fn target(&mut self) -> String {
        match self.range(0, 5) {
            0 => format!("{}.{}", self.pick(NAMES), self.pick(ATTRS)),
            1 => format!("{}[{}]", self.pick(NAMES), self.range(0, 3)),
            2 => "x, *y".into(),
            _ => self.pick(NAMES),
        }
    }

    fn expr(&mut self, depth: u32, in_async: bool) -> String {
        // Mostly shallow, sometimes very deep (the parser's nesting limit must hold).
        let leaf = depth > 4 && self.range(0, 200) != 0;
        if leaf || depth > 400 {
            return self.atom();
        }
        let d = depth + 1;
        match self.range(0, 22) {
            0..=3 => self.atom(),
            4 | 5 => {
                let (a, op, b) = (
                    self.expr(d, in_async),
                    self.pick(OPS),
                    self.expr(d, in_async),
                );
                format!("{a} {op} {b}")
            }
            6 => format!(
                "{}({})",
                self.pick(&["-", "not ", "~", "+"]),
                self.expr(d, in_async)
            ),
            7 | 8 => {
                let f = self.expr(d, in_async);
                let n = self.range(0, 3);
                let args: Vec<String> = (0..n).map(|_| self.arg(d, in_async)).collect();
                format!("{f}({})", args.join(", "))
            }
            9 => format!("{}.{}", self.expr(d, in_async), self.pick(ATTRS)),
            10 => {
                let (a, b) = (self.expr(d, in_async), self.expr(d, in_async));
                let s = self.pick(&["", ":", "::2", "1:"]);
                format!("{a}[{b}{s}]")
            }
            11 => {
                let n = self.range(0, 4);
                let items: Vec<String> = (0..n).map(|_| self.expr(d, in_async)).collect();
                let (open, close) = match self.range(0, 3) {
                    0 => ("[", "]"),
                    1 => ("(", ",)"),
                    2 => ("{", "}"),
                    _ => ("(", ")"),
                };
                format!("{open}{}{close}", items.join(", "))
            }
            12 => format!("{{{}: {}}}", self.expr(d, in_async), self.expr(d, in_async)),
            13 => {
                let (e, it, c) = (
                    self.expr(d, in_async),
                    self.expr(d, in_async),
                    self.expr(d, in_async),
                );
                let b = self.pick(&["[]", "{}", "()"]);
                let (o, cl) = b.split_at(1);
                format!("{o}{e} for x in {it} if {c}{cl}")
            }
            14 => format!("lambda x, y=2: {}", self.expr(d, in_async)),
            15 => {
                let (a, c, b) = (
                    self.expr(d, in_async),
                    self.expr(d, in_async),
                    self.expr(d, in_async),
                );
                format!("{a} if {c} else {b}")
            }
            16 if in_async => format!("await {}", self.expr(d, in_async)),
            16 => format!("({})", self.expr(d, in_async)),
            17 => {
                let e = self.expr(d, in_async);
                let spec = self.pick(&["", "!r", ":>8", ":.2f", "!s:^{x}", "="]);
                format!("f'a{{{e}{spec}}}b'")
            }
            18 => format!("asyncio.{}({})", self.pick(ATTRS), self.arg(d, in_async)),
            19 => format!("*{}", self.expr(d, in_async)),
            20 => format!("(y := {})", self.expr(d, in_async)),
            21 => format!("yield {}", self.expr(d, in_async)),
            _ => format!("[{}]", self.expr(d, in_async)),
        }
    }

    fn arg(&mut self, depth: u32, in_async: bool) -> String {
        let e = self.expr(depth, in_async);
        match self.range(0, 5) {
            0 => format!("name={e}"),
            1 => format!("*{e}"),
            2 => format!("**{e}"),
            _ => e,
        }
    }

    fn atom(&mut self) -> String {
        match self.range(0, 9) {
            0 => self.range(0, 1000).to_string(),
            1 => "10**100".into(),
            2 => "1.5e300".into(),
            3 => format!(
                "'{}'",
                self.pick(&["", "abc", "\\n", "\\x00", "é", "{}", "<script>"])
            ),
            4 => "None".into(),
            5 => self.pick(&["True", "False", "...", "0.1", "-0.0", "1j"]),
            _ => self.pick(NAMES),
        }
    }
}

//! No input panics: every truncation and thousands of mutations of the test programs, and
//! inputs nested far past the limits. Errors must carry spans inside the source.

use super::{big_stack, decode_case, TESTDATA};
use crate::lang::ast::{Stmt, StmtKind};
use crate::lang::parser::{parse, parse_expression, MAX_DEPTH};
use crate::lang::span::{LineTable, Span};

fn corpus() -> Vec<String> {
    let programs = std::fs::read_to_string(format!("{TESTDATA}/programs.py")).unwrap();
    let cases = std::fs::read_to_string(format!("{TESTDATA}/syntax_errors.cases")).unwrap();
    let mut out: Vec<String> = programs.split("# ----\n").map(str::to_string).collect();
    out.extend(cases.lines().filter(|l| !l.is_empty()).map(decode_case));
    out
}

fn span_ok(src: &str, span: Span) -> bool {
    span.start <= span.end
        && (span.end as usize) <= src.len()
        && src.is_char_boundary(span.start as usize)
        && src.is_char_boundary(span.end as usize)
}

fn check_stmts(src: &str, body: &[Stmt]) {
    for s in body {
        assert!(span_ok(src, s.span), "bad span {:?} in {src:?}", s.span);
        match &s.kind {
            StmtKind::FunctionDef(f) => check_stmts(src, &f.body),
            StmtKind::ClassDef(c) => check_stmts(src, &c.body),
            StmtKind::For { body, orelse, .. }
            | StmtKind::While { body, orelse, .. }
            | StmtKind::If { body, orelse, .. } => {
                check_stmts(src, body);
                check_stmts(src, orelse);
            }
            StmtKind::With { body, .. } => check_stmts(src, body),
            StmtKind::Try {
                body,
                handlers,
                orelse,
                finalbody,
                ..
            } => {
                check_stmts(src, body);
                handlers.iter().for_each(|h| check_stmts(src, &h.body));
                check_stmts(src, orelse);
                check_stmts(src, finalbody);
            }
            _ => {}
        }
    }
}

/// Parses `src` and checks what must hold whatever the input.
fn parse_checked(src: &str) {
    match parse(src) {
        Ok(m) => check_stmts(src, &m.body),
        Err(e) => {
            assert!(
                span_ok(src, e.span()),
                "bad error span {:?} for {src:?}: {e}",
                e.span()
            );
            let rendered = e.render(src, "main.py");
            assert!(
                rendered.starts_with("  File \"main.py\", line "),
                "{rendered}"
            );
            let table = LineTable::new(src);
            let _ = table.utf16_offset(src, e.span().start);
        }
    }
    let _ = parse_expression(src);
}

#[test]
fn programs_parse() {
    let programs = std::fs::read_to_string(format!("{TESTDATA}/programs.py")).unwrap();
    for prog in programs.split("# ----\n") {
        if let Err(e) = parse(prog) {
            panic!("{}", e.render(prog, "programs.py"));
        }
    }
}

#[test]
fn every_truncation() {
    big_stack(|| {
        for src in corpus() {
            // Every cut of the short cases; every third of the long programs (each error
            // also runs the keyword-typo search, which reparses the text up to 30 times).
            let stride = if src.len() < 400 { 1 } else { 3 };
            for (i, _) in src.char_indices().step_by(stride) {
                parse_checked(&src[..i]);
            }
        }
    });
}

/// A small deterministic generator (no dependency needed for this).
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 33) as usize
    }
}

const INSERTS: &[&str] = &[
    "(", ")", "[", "]", "{", "}", ":", "\n", "\t", " ", "    ", "'", "\"", "'''", "f'", "f\"{",
    "\\", "\\\n", "#", "*", "**", "=", ":=", ",", ";", ".", "lambda", "async ", "await ", "yield",
    "not ", "if ", "else", "for ", "in ", "é", "😀", "\r", "\r\n", "{x", "}", "0x", "1e", "_", "0",
    "9", "!r", "!", "@", "->", "...", "\x0c", "\0", "\u{a0}", "€", "$", "?",
];

fn char_boundary_at(s: &str, mut i: usize) -> usize {
    i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[test]
fn random_mutations() {
    let rounds: usize = std::env::var("MUTATION_ROUNDS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(40);
    big_stack(move || {
        let mut rng = Lcg(0x5eed);
        for src in corpus() {
            for _ in 0..rounds {
                let mut s = src.clone();
                for _ in 0..1 + rng.next() % 4 {
                    let at = char_boundary_at(&s, rng.next() % (s.len() + 1));
                    match rng.next() % 3 {
                        0 => s.insert_str(at, INSERTS[rng.next() % INSERTS.len()]),
                        1 => {
                            if let Some(c) = s[at..].chars().next() {
                                s.replace_range(at..at + c.len_utf8(), "");
                            }
                        }
                        _ => {
                            let end = char_boundary_at(&s, at + rng.next() % 8);
                            let piece = s[at..end].to_string();
                            s.insert_str(char_boundary_at(&s, rng.next() % (s.len() + 1)), &piece);
                        }
                    }
                }
                parse_checked(&s);
            }
        }
    });
}

#[test]
fn deep_nesting_is_an_error_not_a_crash() {
    big_stack(|| {
        let n = 5000;
        let deep = [
            format!("x = {}1{}", "(".repeat(n), ")".repeat(n)),
            format!("x = {}1", "-".repeat(n)),
            format!("x = {}1", "not ".repeat(n)),
            format!("x = {}1", "lambda: ".repeat(n)),
            format!("x = {}1", "2 ** ".repeat(n)),
            format!("x = {}1", "1 if 2 else ".repeat(n)),
            format!("x = {}1", "[*".repeat(n)),
            format!("x = {}1", "{**".repeat(n)),
            format!("x = {}1", "a[".repeat(n)),
            format!("x = {}1", "f(".repeat(n)),
            format!("x = {}1", "await ".repeat(n)),
            format!("x = {}x", "f'{".repeat(n)),
            format!("for {}x in y: pass", "*".repeat(n)),
            format!("x = a{}", ".b".repeat(n)),
            format!("x = 1{}", " + 1".repeat(n)),
            (0..200)
                .map(|i| format!("{}if x:\n", " ".repeat(i)))
                .collect::<String>()
                + &" ".repeat(200)
                + "pass\n",
        ];
        for src in &deep {
            parse_checked(src);
        }
        // Just under the limit parses; just over is the nesting error.
        let ok = format!(
            "x = {}1{}",
            "(".repeat(MAX_DEPTH as usize - 2),
            ")".repeat(MAX_DEPTH as usize - 2)
        );
        assert!(parse(&ok).is_ok());
        let over = format!(
            "x = {}1{}",
            "(".repeat(MAX_DEPTH as usize + 5),
            ")".repeat(MAX_DEPTH as usize + 5)
        );
        let e = parse(&over).unwrap_err().to_string();
        assert!(e.contains("too deeply nested"), "{e}");
        let e = parse(&format!("x = {}", "(".repeat(300)))
            .unwrap_err()
            .to_string();
        assert_eq!(e, "SyntaxError: too many nested parentheses");
    });
}

#[test]
fn long_flat_programs_are_fine() {
    // Long but flat inputs use loops, not recursion.
    let src = "x = 1\n".repeat(20_000) + &format!("y = [{}]\n", "1, ".repeat(20_000));
    assert!(parse(&src).is_ok());
    let src = format!("y = {}\n", vec!["a"; 20_000].join(" and "));
    assert!(parse(&src).is_ok());
}

/// Writes mutated programs and the playground's verdicts for testdata/differential.py,
/// which compares them with CPython 3.14 (only when `DIFF_DIR` is set).
#[test]
fn differential_export() {
    let Ok(dir) = std::env::var("DIFF_DIR") else {
        return;
    };
    big_stack(move || {
        let mut rng = Lcg(0xd1ff);
        let mut mutants = Vec::new();
        for src in corpus() {
            for _ in 0..40 {
                let mut s = src.clone();
                let at = char_boundary_at(&s, rng.next() % (s.len() + 1));
                match rng.next() % 3 {
                    0 => s.insert_str(at, INSERTS[rng.next() % INSERTS.len()]),
                    1 => {
                        if let Some(c) = s[at..].chars().next() {
                            s.replace_range(at..at + c.len_utf8(), "");
                        }
                    }
                    _ => {
                        let end = char_boundary_at(&s, at + rng.next() % 8);
                        let piece = s[at..end].to_string();
                        s.insert_str(char_boundary_at(&s, rng.next() % (s.len() + 1)), &piece);
                    }
                }
                mutants.push(s);
            }
        }
        let ours: Vec<String> = mutants
            .iter()
            .map(|m| match parse(m) {
                Ok(t) => format!("OK {}", crate::lang::ast::dump::dump_module(&t).trim_end()),
                Err(e) => format!("ERR {}", e.render(m, "main.py")),
            })
            .collect();
        std::fs::write(
            format!("{dir}/mutants.json"),
            serde_json::to_string(&mutants).unwrap(),
        )
        .unwrap();
        std::fs::write(
            format!("{dir}/ours.json"),
            serde_json::to_string(&ours).unwrap(),
        )
        .unwrap();
    });
}

/// Random sequences of token-like pieces: states no real program reaches.
#[test]
fn random_token_soup() {
    let rounds: usize = std::env::var("SOUP_ROUNDS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(3000);
    big_stack(move || {
        const WORDS: &[&str] = &[
            "x",
            "f",
            "async",
            "def",
            "class",
            "if",
            "else",
            "elif",
            "for",
            "in",
            "while",
            "try",
            "except",
            "finally",
            "with",
            "as",
            "lambda",
            "yield",
            "await",
            "return",
            "import",
            "from",
            "not",
            "and",
            "or",
            "is",
            "None",
            "True",
            "match",
            "type",
            "print",
            "1",
            "0x1f",
            "1.5e3",
            "'s'",
            "\"\"\"t\"\"\"",
            "f'{x!r:>{w}}'",
            "f\"{",
            "}",
            "rb'b'",
        ];
        let mut rng = Lcg(0x50u64);
        for _ in 0..rounds {
            let mut s = String::new();
            for _ in 0..rng.next() % 40 {
                if rng.next().is_multiple_of(2) {
                    s.push_str(WORDS[rng.next() % WORDS.len()]);
                } else {
                    s.push_str(INSERTS[rng.next() % INSERTS.len()]);
                }
                if rng.next().is_multiple_of(3) {
                    s.push(' ');
                }
            }
            parse_checked(&s);
        }
    });
}

/// Parses CPython's standard library and writes what testdata/stdlib.py compares with
/// CPython 3.14 (only when `STDLIB_DIR` is set).
#[test]
fn stdlib_export() {
    let Ok(dir) = std::env::var("STDLIB_DIR") else {
        return;
    };
    let mut files = Vec::new();
    let mut stack = vec![std::path::PathBuf::from(dir)];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(d).unwrap().flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p)
            } else if p.extension().is_some_and(|x| x == "py") {
                files.push(p)
            }
        }
    }
    files.sort();
    let (mut ok, mut unsupported, mut failed) =
        (0, std::collections::BTreeMap::<String, usize>::new(), 0);
    let t = std::time::Instant::now();
    let mut bytes = 0;
    let mut accepted = Vec::new();
    for f in &files {
        let Ok(src) = std::fs::read_to_string(f) else {
            continue;
        };
        bytes += src.len();
        match parse(&src) {
            Ok(_) => {
                ok += 1;
                accepted.push((f.display().to_string(), src.clone()));
            }
            Err(e) => {
                let m = e.to_string();
                if m.contains("not supported in the playground") {
                    *unsupported.entry(m).or_default() += 1;
                } else {
                    failed += 1;
                    println!(
                        "FAIL {}: {}",
                        f.display(),
                        e.render(&src, "f")
                            .lines()
                            .rev()
                            .take(4)
                            .collect::<Vec<_>>()
                            .join(" | ")
                    );
                }
            }
        }
    }
    println!(
        "{} files, {} bytes in {:?}: ok {ok}, failed {failed}, unsupported {unsupported:?}",
        files.len(),
        bytes,
        t.elapsed()
    );
    let srcs: Vec<&String> = accepted.iter().map(|a| &a.1).collect();
    std::fs::write("/tmp/stdlib_ok.json", serde_json::to_string(&srcs).unwrap()).unwrap();
    // Our positions and trees, in the formats of positions.py and ast_sexpr.py.
    use crate::lang::ast::visit::{for_each_child, Child};
    use crate::lang::span::LineTable;
    fn collect(node: Child<'_>, t: &LineTable, src: &str, out: &mut Vec<String>) {
        let (a, b) = (
            t.line_col(src, node.span().start),
            t.line_col(src, node.span().end),
        );
        let k = if matches!(node, Child::Stmt(_)) {
            "S"
        } else {
            "E"
        };
        out.push(format!(
            "{k} {}:{}-{}:{}",
            a.line, a.byte_column, b.line, b.byte_column
        ));
        for_each_child(node, &mut |c| collect(c, t, src, out));
    }
    let mut pos = Vec::new();
    let mut trees = Vec::new();
    for (_, src) in &accepted {
        let m = crate::lang::parser::parse_tree(src).unwrap();
        let t = LineTable::new(src);
        let mut v = Vec::new();
        m.body
            .iter()
            .for_each(|s| collect(Child::Stmt(s), &t, src, &mut v));
        v.sort();
        pos.push(v);
        trees.push(
            crate::lang::ast::dump::dump_module(&m)
                .trim_end()
                .to_string(),
        );
    }
    std::fs::write(
        "/tmp/stdlib_pos_ours.json",
        serde_json::to_string(&pos).unwrap(),
    )
    .unwrap();
    std::fs::write(
        "/tmp/stdlib_tree_ours.json",
        serde_json::to_string(&trees).unwrap(),
    )
    .unwrap();
    let names: Vec<&String> = accepted.iter().map(|a| &a.0).collect();
    std::fs::write(
        "/tmp/stdlib_names.json",
        serde_json::to_string(&names).unwrap(),
    )
    .unwrap();
}

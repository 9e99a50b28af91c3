//! Spans: byte ranges of nodes, and their conversion to lines, columns and UTF-16.

use crate::lang::ast::*;
use crate::lang::parser::{parse, parse_expression};
use crate::lang::span::{LineTable, Span};

fn text(src: &str, span: Span) -> &str {
    &src[span.range()]
}

fn only_expr(src: &str) -> Expr {
    match parse_expression(src) {
        Ok(e) => e,
        Err(e) => panic!("{}", e.render(src, "main.py")),
    }
}

#[test]
fn assignment_and_call_spans() {
    let src = "x = foo(1, k=2)  # c\n";
    let m = parse(src).unwrap();
    let s = &m.body[0];
    assert_eq!(text(src, s.span), "x = foo(1, k=2)");
    let StmtKind::Assign { targets, value } = &s.kind else {
        panic!()
    };
    assert_eq!(text(src, targets[0].span), "x");
    assert_eq!(text(src, value.span), "foo(1, k=2)");
    let ExprKind::Call {
        func,
        args,
        keywords,
    } = &value.kind
    else {
        panic!()
    };
    assert_eq!(text(src, func.span), "foo");
    assert_eq!(text(src, args[0].span), "1");
    assert_eq!(text(src, keywords[0].span), "k=2");
    assert_eq!(text(src, keywords[0].arg.as_ref().unwrap().span), "k");
}

#[test]
fn compound_statement_spans_cover_their_bodies() {
    let src = "if a:\n    b = 1\nelse:\n    c = 2\n\nz = 3\n";
    let m = parse(src).unwrap();
    assert_eq!(
        text(src, m.body[0].span),
        "if a:\n    b = 1\nelse:\n    c = 2"
    );
    assert_eq!(text(src, m.body[1].span), "z = 3");
    let src = "async def f(x: int = 1) -> None:\n    await g()\n";
    let m = parse(src).unwrap();
    let StmtKind::FunctionDef(f) = &m.body[0].kind else {
        panic!()
    };
    assert_eq!(text(src, f.name.span), "f");
    assert_eq!(text(src, f.params.args[0].span), "x: int = 1");
    assert_eq!(text(src, f.body[0].span), "await g()");
}

#[test]
fn fstring_field_spans_are_absolute() {
    let src = "s = f\"a{b!r:>{w}} {c=}\"";
    let m = parse(src).unwrap();
    let StmtKind::Assign { value, .. } = &m.body[0].kind else {
        panic!()
    };
    let ExprKind::FString { parts } = &value.kind else {
        panic!()
    };
    let FStringPart::Field(b) = &parts[1] else {
        panic!("{parts:?}")
    };
    assert_eq!(text(src, b.span), "{b!r:>{w}}");
    assert_eq!(text(src, b.value.span), "b");
    let spec = b.format_spec.as_ref().unwrap();
    let FStringPart::Field(w) = &spec[1] else {
        panic!()
    };
    assert_eq!(text(src, w.value.span), "w");
    let FStringPart::Field(c) = parts.last().unwrap() else {
        panic!()
    };
    assert_eq!(text(src, c.value.span), "c");
}

#[test]
fn expression_spans() {
    let src = "-a ** (b + c)[1:2] if not d else [e for e in f]";
    let e = only_expr(src);
    assert_eq!(text(src, e.span), src);
    let ExprKind::IfExp { test, body, orelse } = &e.kind else {
        panic!()
    };
    assert_eq!(text(src, test.span), "not d");
    assert_eq!(text(src, body.span), "-a ** (b + c)[1:2]");
    assert_eq!(text(src, orelse.span), "[e for e in f]");
    let ExprKind::ListComp { generators, .. } = &orelse.kind else {
        panic!()
    };
    assert_eq!(text(src, generators[0].span), "for e in f");
}

#[test]
fn multibyte_text() {
    let src = "é = \"😀\"; naïve = é\nx = 'ü' + 1 $\n";
    let m = parse("é = \"😀\"; naïve = é\n").unwrap();
    let StmtKind::Assign { targets, .. } = &m.body[1].kind else {
        panic!()
    };
    assert_eq!(text(src, targets[0].span), "naïve");
    let e = parse(src).unwrap_err();
    let table = LineTable::new(src);
    let at = table.line_col(src, e.span().start);
    assert_eq!((at.line, at.column), (2, 12));
    let crate::lang::error::ParseError::Syntax(se) = &e else {
        panic!()
    };
    // Line 1 is 20 UTF-16 units with its newline (the emoji counts twice).
    assert_eq!(se.utf16_range(src), (32, 33));
    assert_eq!(
        e.render(src, "main.py"),
        "  File \"main.py\", line 2\n    x = 'ü' + 1 $\n                ^\nSyntaxError: invalid syntax"
    );
}

#[test]
fn crlf_and_cr_line_endings() {
    let src = "if a:\r\n    b = 1\r\nc = 2\rd = 3\r\n";
    let m = parse(src).unwrap();
    assert_eq!(m.body.len(), 3);
    let table = LineTable::new(src);
    assert_eq!(table.line_of(m.body[2].span.start), 4);
    let src = "x = (\r\n1 +\r\n"; // never closed
    let e = parse(src).unwrap_err();
    assert_eq!(e.to_string(), "SyntaxError: '(' was never closed");
}

#[test]
fn byte_order_mark_is_ignored() {
    assert!(parse("\u{feff}x = 1\n").is_ok());
}

#[test]
fn python_exception_fields() {
    let src = "x = 1\nif x\n    pass\n";
    let crate::lang::error::ParseError::Syntax(e) = parse(src).unwrap_err() else {
        panic!()
    };
    let f = e.python_fields(src);
    assert_eq!(f.msg, "expected ':'");
    assert_eq!(
        (f.lineno, f.offset, f.end_lineno, f.end_offset),
        (2, 5, 2, 6)
    );
    assert_eq!(f.text, "if x\n");
    assert_eq!(f.class.name(), "SyntaxError");
}

/// Every child's span lies inside its parent's, in every test program and construct.
#[test]
fn children_lie_inside_parents() {
    use crate::lang::ast::visit::{for_each_child, Child};
    fn check(node: Child<'_>, src: &str) {
        let decorators: Vec<Span> = match node {
            Child::Stmt(Stmt {
                kind: StmtKind::FunctionDef(f),
                ..
            }) => f.decorators.iter().map(|d| d.span).collect(),
            Child::Stmt(Stmt {
                kind: StmtKind::ClassDef(c),
                ..
            }) => c.decorators.iter().map(|d| d.span).collect(),
            _ => Vec::new(),
        };
        for_each_child(node, &mut |c| {
            if decorators.contains(&c.span()) {
                return check(c, src);
            }
            let (p, s) = (node.span(), c.span());
            assert!(
                p.start <= s.start && s.end <= p.end,
                "{:?} {:?} outside {:?} {:?}",
                &src[s.range()],
                s,
                &src[p.range()],
                p
            );
            check(c, src);
        });
    }
    let dir = super::TESTDATA;
    let sources = std::fs::read_to_string(format!("{dir}/ast_sources.json")).unwrap();
    let sources: Vec<String> = serde_json::from_str(&sources).unwrap();
    for src in &sources {
        if let Ok(m) = crate::lang::parser::parse_tree(src) {
            m.body.iter().for_each(|s| check(Child::Stmt(s), src));
        }
    }
}

/// Every statement and expression has CPython 3.14's position (line, UTF-8 column, end line,
/// end column), for every construct and test program (testdata/positions.py).
#[test]
fn positions_match_cpython() {
    use crate::lang::ast::visit::{for_each_child, Child};
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
    let dir = super::TESTDATA;
    let read = |f: &str| std::fs::read_to_string(format!("{dir}/{f}")).unwrap();
    let sources: Vec<String> = serde_json::from_str(&read("ast_sources.json")).unwrap();
    let theirs: Vec<Option<Vec<String>>> =
        serde_json::from_str(&read("positions_cpython.json")).unwrap();
    assert_eq!(
        sources.len(),
        theirs.len(),
        "regenerate positions_cpython.json"
    );
    let mut mismatches = Vec::new();
    for (src, their) in sources.iter().zip(theirs) {
        let (Some(their), Ok(m)) = (their, crate::lang::parser::parse_tree(src)) else {
            continue;
        };
        let t = LineTable::new(src);
        let mut ours = Vec::new();
        m.body
            .iter()
            .for_each(|s| collect(Child::Stmt(s), &t, src, &mut ours));
        ours.sort();
        if ours != their {
            let only_theirs: Vec<_> = their.iter().filter(|x| !ours.contains(x)).collect();
            let only_ours: Vec<_> = ours.iter().filter(|x| !their.contains(x)).collect();
            mismatches.push(format!(
                "{src:?}\n  CPython only {only_theirs:?}\n  ours only {only_ours:?}"
            ));
        }
    }
    assert!(mismatches.is_empty(), "{}", mismatches.join("\n"));
}

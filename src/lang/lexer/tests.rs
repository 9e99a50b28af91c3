use super::*;

/// Tokens as short strings: names bare, keywords and puncts quoted, literals by value.
fn toks(src: &str) -> String {
    let lexed = tokenize(src);
    let mut out: Vec<String> = lexed
        .tokens
        .iter()
        .map(|t| match &t.kind {
            TokKind::Name(n) => n.clone(),
            TokKind::Keyword(k) => format!("'{k}'"),
            TokKind::Int(i) => format!("{i}"),
            TokKind::Float(f) => format!("{f:?}"),
            TokKind::Str(s) => format!("{s:?}"),
            TokKind::FString(f) => format!("f{}", f.pieces.len()),
            TokKind::Punct(p) => p.to_string(),
            TokKind::Unknown(c) => format!("?{c}"),
            TokKind::Unsupported(what) => format!("<{what}>"),
            TokKind::Newline => "NL".into(),
            TokKind::Indent => "IN".into(),
            TokKind::Dedent => "DE".into(),
            TokKind::EndOfFile => "END".into(),
            TokKind::Error => "ERR".into(),
        })
        .collect();
    if let Some(e) = lexed.error {
        out.push(format!("<{}>", e.message()));
    }
    out.join(" ")
}

#[test]
fn simple_line() {
    assert_eq!(toks("x = 1\n"), "x = 1 NL END");
    assert_eq!(toks("x = 1"), "x = 1 NL END");
    assert_eq!(toks(""), "END");
    assert_eq!(toks("\n\n# c\n  \n"), "END");
}

#[test]
fn indentation() {
    let src = "if x:\n    y\n    if z:\n        w\n\n  # comment\nv\n";
    assert_eq!(
        toks(src),
        "'if' x : NL IN y NL 'if' z : NL IN w NL DE DE v NL END"
    );
    assert_eq!(toks("if x:\n  y"), "'if' x : NL IN y NL DE END");
    assert_eq!(
        toks("if x:\n\ty\n\tif z:\n\t\tw\n"),
        "'if' x : NL IN y NL 'if' z : NL IN w NL DE DE END"
    );
}

#[test]
fn indentation_errors() {
    assert!(toks("if x:\n    y\n  z\n")
        .ends_with("<unindent does not match any outer indentation level>"));
    assert!(toks("if x:\n        a\n\tb\n")
        .ends_with("<inconsistent use of tabs and spaces in indentation>"));
}

#[test]
fn brackets_join_lines() {
    assert_eq!(toks("f(a,\n  b)\n"), "f ( a , b ) NL END");
    assert_eq!(toks("x = 1 + \\\n  2\n"), "x = 1 + 2 NL END");
    assert!(toks("x = )").ends_with("<unmatched ')'>"));
    assert!(
        toks("(]").ends_with("<closing parenthesis ']' does not match opening parenthesis '('>")
    );
    assert!(toks("(\n]").ends_with("opening parenthesis '(' on line 1>"));
    let l = tokenize("f(1,\n");
    assert_eq!(l.unclosed.map(|u| u.0), Some('('));
    assert!(toks(&"(".repeat(201)).ends_with("<too many nested parentheses>"));
}

#[test]
fn numbers() {
    assert_eq!(
        toks("1_000_000 0x_ff 0o17 0b101 00"),
        "1000000 255 15 5 0 NL END"
    );
    assert_eq!(
        toks("1.5 .5 1. 1e-3 1_0.0_1E+2"),
        "1.5 0.5 1.0 0.001 1001.0 NL END"
    );
    assert_eq!(
        toks("123456789012345678901234567890"),
        "123456789012345678901234567890 NL END"
    );
    assert!(toks("0777").ends_with("use an 0o prefix for octal integers>"));
    assert!(toks("1__0").ends_with("<invalid decimal literal>"));
    assert!(toks("0b12").ends_with("<invalid digit '2' in binary literal>"));
    assert!(toks("0o8").ends_with("<invalid digit '8' in octal literal>"));
    assert!(toks("0x").ends_with("<invalid hexadecimal literal>"));
    assert_eq!(
        toks("1j + 2.5J"),
        "<complex literals> + <complex literals> NL END"
    );
    assert_eq!(toks("1if x else 2"), "1 'if' x 'else' 2 NL END");
    assert!(toks("1e").ends_with("<invalid decimal literal>"));
    assert!(toks("1abc").ends_with("<invalid decimal literal>"));
}

#[test]
fn strings() {
    assert_eq!(
        toks(r#"'a' "b" '''c'd''' """e""""#),
        r#""a" "b" "c'd" "e" NL END"#
    );
    assert_eq!(
        toks(r"'\n\t\\\'\x41\u00e9\101'"),
        r#""\n\t\\'Aé A" NL END"#.replace(" A\"", "A\"")
    );
    assert_eq!(toks(r"r'\n\'' R'\d'"), r#""\\n\\'" "\\d" NL END"#);
    assert_eq!(toks("'a\\\nb'"), "\"ab\" NL END");
    assert_eq!(toks(r"'\q'"), r#""\\q" NL END"#);
    assert!(toks("x = 'abc\n").ends_with("<unterminated string literal (detected at line 1)>"));
    assert!(toks("x = '''abc\n\n").ends_with("(detected at line 2)>"));
    assert_eq!(
        toks("b'x' Rb'y'"),
        "<bytes literals> <bytes literals> NL END"
    );
    assert!(toks(r"'\x4'").contains("truncated \\xXX escape"));
    assert!(toks(r"'\N{DASH}'").contains("not supported"));
}

#[test]
fn fstrings() {
    let l = tokenize("f'a{x!r:>{w}} {y=} {{z}}'");
    assert!(l.error.is_none(), "{:?}", l.error);
    let TokKind::FString(f) = &l.tokens[0].kind else {
        panic!("{:?}", l.tokens[0])
    };
    assert_eq!(f.pieces.len(), 5);
    let FPiece::Field(x) = &f.pieces[1] else {
        panic!()
    };
    assert_eq!(x.conversion, Some('r'));
    assert_eq!(x.spec.as_ref().map(|s| s.len()), Some(2));
    let FPiece::Field(y) = &f.pieces[3] else {
        panic!()
    };
    assert!(y.debug_text.is_some());
    let FPiece::Literal { value, .. } = &f.pieces[4] else {
        panic!()
    };
    assert_eq!(value, " {z}");
    // 3.12 quote reuse and nested f-strings.
    assert_eq!(toks(r#"f"{x["a"]}" f'{f"{1}"}'"#), "f1 f1 NL END");
    assert!(toks("f'{}'").ends_with("<f-string: valid expression required before '}'>"));
    assert!(toks("f'{x!z}'").ends_with("expected 's', 'r', or 'a'>"));
    assert!(toks("f'}'").ends_with("<f-string: single '}' is not allowed>"));
    assert!(toks("f'{x'").ends_with("<f-string: expecting '}'>"));
    assert!(toks("f'{x:{y}'").ends_with("<f-string: expecting '}', or format specs>"));
    assert!(toks("f'{a == b}{c != d}{e<=f}'").starts_with("f3"));
}

#[test]
fn odd_characters() {
    assert_eq!(toks("a $ b"), "a ?$ b NL END");
    assert!(toks("a € b").ends_with("<invalid character '€' (U+20AC)>"));
    assert!(toks("a\u{a0}b").ends_with("<invalid non-printable character U+00A0>"));
    assert!(
        toks("x = 1 + \\ y").ends_with("<unexpected character after line continuation character>")
    );
    assert!(toks("x = 1 + \\\n").ends_with("<unexpected EOF while parsing>"));
}

#[test]
fn newline_after_comment_starts_at_the_comment() {
    // CPython's NEWLINE token starts where the comment does (error carets show it).
    let l = tokenize("x = 1  # note\ny\n");
    let nl = l
        .tokens
        .iter()
        .find(|t| t.kind == TokKind::Newline)
        .unwrap();
    assert_eq!(nl.span, Span::new(7, 14));
}

#[test]
fn no_dedent_before_an_unindent_error() {
    let l = tokenize("if a:\n    if b:\n        c\n  d\n");
    assert!(l.error.is_some());
    let dedents = l
        .tokens
        .iter()
        .filter(|t| t.kind == TokKind::Dedent)
        .count();
    assert_eq!(dedents, 0);
}

#[test]
fn errors_inside_fstrings_are_marked() {
    assert!(tokenize("f'{x").error_in_fstring);
    assert!(!tokenize("'x").error_in_fstring);
    // A field's expression text is re-lexed with absolute spans.
    let l = tokenize("s = f'{ab + 1}'");
    let TokKind::FString(f) = &l.tokens[2].kind else {
        panic!()
    };
    let FPiece::Field(field) = &f.pieces[0] else {
        panic!()
    };
    let sub = tokenize_expression("s = f'{ab + 1}'", field.expr, 1);
    assert_eq!(sub.tokens[0].span, Span::new(7, 9));
    assert_eq!(
        sub.tokens.last().map(|t| &t.kind),
        Some(&TokKind::EndOfFile)
    );
}

//! Every syntax-error message of the front end, in CPython 3.14's wording, and their rendering
//! as CPython prints them (follows boa `core/parser/src/error/mod.rs`: one enum, named cases).
//!
//! Detect once, render twice: an error is a [`ErrorKind`] plus a byte [`Span`]; the CLI calls
//! [`SyntaxError::render`], the UI reads [`SyntaxError::message`] and the span.

use super::span::{LineCol, LineTable, Span};
use std::fmt;

/// The Python exception class a syntax error is raised as.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ErrorClass {
    SyntaxError,
    IndentationError,
    TabError,
}

impl ErrorClass {
    pub fn name(self) -> &'static str {
        match self {
            ErrorClass::SyntaxError => "SyntaxError",
            ErrorClass::IndentationError => "IndentationError",
            ErrorClass::TabError => "TabError",
        }
    }
}

/// What went wrong, one case per message. Wording is CPython 3.14's unless a case says
/// otherwise ("... not supported in the playground" cases are ours).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ErrorKind {
    /// `invalid syntax`
    InvalidSyntax,
    /// `invalid syntax. Perhaps you forgot a comma?`
    ForgotComma,
    /// `invalid syntax. Did you mean 'import'?` (a misspelt keyword).
    KeywordTypo(&'static str),
    /// `expected ':'` (and other `expected 'X'`).
    Expected(&'static str),
    /// Free text from a grammar rule that has its own message (`expected 'else' after 'if'
    /// expression`, `':' expected after dictionary key`, ...). Always a `&'static str` so the
    /// wording stays in this file: see the `msg_*` constants below.
    Message(&'static str),
    /// `'(' was never closed`
    NeverClosed(char),
    /// `unmatched ')'`
    Unmatched(char),
    /// `closing parenthesis ')' does not match opening parenthesis '['` (+ ` on line N` when the
    /// opening bracket is on another line).
    MismatchedClose {
        close: char,
        open: char,
        open_line: Option<u32>,
    },
    /// `unterminated string literal (detected at line N)`
    UnterminatedString { line: u32 },
    /// `unterminated triple-quoted string literal (detected at line N)`
    UnterminatedTripleString { line: u32 },
    /// `unterminated f-string literal (detected at line N)`
    UnterminatedFString { line: u32 },
    /// `unterminated triple-quoted f-string literal (detected at line N)`
    UnterminatedTripleFString { line: u32 },
    /// `expected an indented block after 'if' statement on line N`; `after` is the phrase
    /// between "after" and "on" (`'if' statement`, `function definition`).
    ExpectedIndentedBlock { after: &'static str, line: u32 },
    /// `unexpected indent`
    UnexpectedIndent,
    /// `unindent does not match any outer indentation level`
    UnindentMismatch,
    /// TabError: `inconsistent use of tabs and spaces in indentation`
    InconsistentTabs,
    /// `too many levels of indentation`
    TooManyIndentLevels,
    /// `too many nested parentheses`
    TooManyNestedParens,
    /// Ours: `too deeply nested expression (the playground allows N levels)`.
    TooDeeplyNested { limit: u32 },
    /// `cannot assign to function call here. Maybe you meant '==' instead of '='?` when
    /// `maybe_eq`, else `cannot assign to function call`.
    CannotAssign { what: &'static str, maybe_eq: bool },
    /// `cannot delete function call`
    CannotDelete { what: &'static str },
    /// `'function call' is an illegal expression for augmented assignment`
    IllegalAugAssign { what: &'static str },
    /// `cannot use assignment expressions with attribute`
    CannotWalrus { what: &'static str },
    /// `invalid decimal literal` / `invalid hexadecimal literal` / ... (`kind` is the word).
    InvalidLiteral { kind: &'static str },
    /// `invalid digit '8' in octal literal`
    InvalidDigit { digit: char, kind: &'static str },
    /// `invalid character '€' (U+20AC)`
    InvalidCharacter(char),
    /// `invalid non-printable character U+00A0`
    NonPrintable(char),
    /// `(unicode error) 'unicodeescape' codec can't decode bytes in position 0-2: truncated
    /// \xXX escape` (`detail` is the part after the positions).
    UnicodeError {
        from: usize,
        to: usize,
        detail: &'static str,
    },
    /// `f-string: invalid conversion character 'z': expected 's', 'r', or 'a'`
    FStringConversion(String),
    /// `duplicate argument 'a' in function definition`
    DuplicateArgument(String),
    /// `keyword argument repeated: x`
    KeywordRepeated(String),
    /// `'return' outside function`, `'break' outside loop`, ...: `what` is the whole message.
    OutsideContext(&'static str),
    /// A message about one name, from a `MSG_*` template with `{}` (`no binding for nonlocal
    /// 'x' found`, `name 'x' is used prior to global declaration`, ...): scope errors, which
    /// the VM compiler detects.
    Named {
        template: &'static str,
        name: String,
    },
    /// Ours: `match statements are not supported in the playground` (`what` is plural).
    NotSupported(&'static str),
}

// Free-text messages (CPython's wording) used with `ErrorKind::Message`.
pub const MSG_DICT_COLON: &str = "':' expected after dictionary key";
pub const MSG_DICT_VALUE: &str = "expression expected after dictionary key and ':'";
pub const MSG_IF_ELSE: &str = "expected 'else' after 'if' expression";
pub const MSG_ELSE_EXPR: &str = "expected expression after 'else', but statement is given";
pub const MSG_EXCEPT_OR_FINALLY: &str = "expected 'except' or 'finally' block";
pub const MSG_DEFAULT_EXCEPT_LAST: &str = "default 'except:' must be last";
pub const MSG_EXCEPT_MIX: &str = "cannot have both 'except' and 'except*' on the same 'try'";
pub const MSG_EXCEPT_STAR_BARE: &str = "expected one or more exception types";
pub const MSG_MAYBE_EQ_OR_WALRUS: &str =
    "invalid syntax. Maybe you meant '==' or ':=' instead of '='?";
pub const MSG_PRINT: &str = "Missing parentheses in call to 'print'. Did you mean print(...)?";
pub const MSG_POS_AFTER_KW: &str = "positional argument follows keyword argument";
pub const MSG_POS_AFTER_KW_UNPACK: &str = "positional argument follows keyword argument unpacking";
pub const MSG_STAR_AFTER_KW_UNPACK: &str =
    "iterable argument unpacking follows keyword argument unpacking";
pub const MSG_NONDEFAULT_AFTER_DEFAULT: &str =
    "parameter without a default follows parameter with a default";
pub const MSG_BARE_STAR: &str = "named arguments must follow bare *";
pub const MSG_AFTER_KWARG: &str = "arguments cannot follow var-keyword argument";
pub const MSG_VARARG_DEFAULT: &str = "var-positional argument cannot have default value";
pub const MSG_KWARG_DEFAULT: &str = "var-keyword argument cannot have default value";
pub const MSG_SLASH_FIRST: &str = "at least one argument must precede /";
pub const MSG_SLASH_ONCE: &str = "/ may appear only once";
pub const MSG_SLASH_AFTER_STAR: &str = "/ must be ahead of *";
pub const MSG_STAR_ONCE: &str = "* argument may appear only once";
pub const MSG_GENEXP_PARENS: &str = "Generator expression must be parenthesized";
pub const MSG_TRAILING_COMMA_IMPORT: &str =
    "trailing comma not allowed without surrounding parentheses";
pub const MSG_KWARG_EXPRESSION: &str =
    "expression cannot contain assignment, perhaps you meant \"==\"?";
pub const MSG_EXEC: &str = "Missing parentheses in call to 'exec'. Did you mean exec(...)?";
pub const MSG_ANNOTATE_TUPLE: &str = "only single target (not tuple) can be annotated";
pub const MSG_ANNOTATE_LIST: &str = "only single target (not list) can be annotated";
pub const MSG_ANNOTATE_ILLEGAL: &str = "illegal target for annotation";
pub const MSG_STARRED_GROUP: &str = "cannot use starred expression here";
pub const MSG_EXCEPT_TYPES_AS: &str =
    "multiple exception types must be parenthesized when using 'as'";
pub const MSG_TOO_LONG: &str = "source code is too long";
pub const MSG_NULL_BYTES: &str = "source code cannot contain null bytes";
pub const MSG_FSTRING_NESTING: &str = "too many nested f-strings";
pub const MSG_FSTRING_MISSING_CONVERSION: &str = "f-string: missing conversion character";
// Details of `ErrorKind::UnicodeError` (after "... in position N-M: ").
pub const MSG_TRUNCATED_X: &str = "truncated \\xXX escape";
pub const MSG_TRUNCATED_U: &str = "truncated \\uXXXX escape";
pub const MSG_TRUNCATED_BIG_U: &str = "truncated \\UXXXXXXXX escape";
pub const MSG_ILLEGAL_UNICODE: &str = "illegal Unicode character";
pub const MSG_IMPORT_ATTRIBUTE: &str = "cannot use attribute as import target";
pub const MSG_FOR_IN: &str = "'in' expected after for-loop variables";
pub const MSG_INVALID_STAR: &str = "Invalid star expression";
pub const MSG_IMPORT_NAMES: &str = "Expected one or more names after 'import'";
pub const MSG_UNEXPECTED_EOF: &str = "unexpected EOF while parsing";
pub const MSG_AFTER_CONTINUATION: &str = "unexpected character after line continuation character";
pub const MSG_LEADING_ZEROS: &str =
    "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers";
pub const MSG_STARRED_HERE: &str = "can't use starred expression here";
pub const MSG_MULTIPLE_STARRED: &str = "multiple starred expressions in assignment";
pub const MSG_STAR_TARGET_ALONE: &str = "starred assignment target must be in a list or tuple";
pub const MSG_YIELD_ASSIGN: &str = "assignment to yield expression not possible";
pub const MSG_FSTRING_EMPTY: &str = "f-string: valid expression required before '}'";
pub const MSG_FSTRING_SINGLE_CLOSE: &str = "f-string: single '}' is not allowed";
pub const MSG_FSTRING_EXPECT_CLOSE: &str = "f-string: expecting '}'";
pub const MSG_FSTRING_EXPECT_CLOSE_OR_SPEC: &str = "f-string: expecting '}', or format specs";
pub const MSG_FSTRING_EXPECT_COLON_OR_CLOSE: &str = "f-string: expecting ':' or '}'";
pub const MSG_FSTRING_TOO_DEEP: &str = "f-string: expressions nested too deeply";
pub const MSG_FSTRING_LAMBDA: &str =
    "f-string: lambda expressions are not allowed without parentheses";
pub const MSG_ITERABLE_UNPACK_COMPREHENSION: &str =
    "iterable unpacking cannot be used in comprehension";
pub const MSG_DICT_UNPACK_COMPREHENSION: &str =
    "dict unpacking cannot be used in dict comprehension";
pub const MSG_FSTRING_NEWLINE: &str =
    "f-string: newlines are not allowed in format specifiers for single quoted f-strings";
pub const MSG_COMPREHENSION_TARGET: &str =
    "did you forget parentheses around the comprehension target?";

// Templates for `ErrorKind::Named` (`{}` is the name), raised by CPython's symbol table; the
// VM compiler does the scope analysis and builds these with `SyntaxError::named`.
pub const MSG_NONLOCAL_NO_BINDING: &str = "no binding for nonlocal '{}' found";
pub const MSG_USED_BEFORE_NONLOCAL: &str = "name '{}' is used prior to nonlocal declaration";
pub const MSG_USED_BEFORE_GLOBAL: &str = "name '{}' is used prior to global declaration";
pub const MSG_ASSIGNED_BEFORE_NONLOCAL: &str =
    "name '{}' is assigned to before nonlocal declaration";
pub const MSG_ASSIGNED_BEFORE_GLOBAL: &str = "name '{}' is assigned to before global declaration";
pub const MSG_PARAM_AND_NONLOCAL: &str = "name '{}' is parameter and nonlocal";
pub const MSG_PARAM_AND_GLOBAL: &str = "name '{}' is parameter and global";
pub const MSG_IN_ANNOTATION: &str = "{} expression cannot be used within an annotation";
pub const MSG_YIELD_INSIDE: &str = "'yield' inside {}";
pub const MSG_NONLOCAL_AND_GLOBAL: &str = "name '{}' is nonlocal and global";

// What `ErrorKind::NotSupported` names: "{what} are not supported in the playground".
pub const WHAT_MATCH: &str = "match statements";
pub const WHAT_TYPE_ALIAS: &str = "type alias statements";
pub const WHAT_TYPE_PARAMS: &str = "type parameter lists";
pub const WHAT_COMPLEX: &str = "complex literals";
pub const WHAT_BYTES: &str = "bytes literals";
pub const WHAT_TSTRINGS: &str = "template string literals (t-strings)";
pub const WHAT_NAMED_ESCAPES: &str = "\\N{...} escapes";
pub const WHAT_SURROGATES: &str = "lone surrogate escapes (\\ud800-\\udfff)";
pub const WHAT_CLASS_DECORATORS: &str = "class decorators";

// Messages for `ErrorKind::OutsideContext` (raised by CPython's compiler; the front end's
// checker raises them after a successful parse, the VM compiler may too).
pub const MSG_RETURN_OUTSIDE: &str = "'return' outside function";
pub const MSG_YIELD_OUTSIDE: &str = "'yield' outside function";
pub const MSG_AWAIT_OUTSIDE: &str = "'await' outside function";
pub const MSG_AWAIT_OUTSIDE_ASYNC: &str = "'await' outside async function";
pub const MSG_ASYNC_FOR_OUTSIDE: &str = "'async for' outside async function";
pub const MSG_ASYNC_WITH_OUTSIDE: &str = "'async with' outside async function";
pub const MSG_ASYNC_COMPREHENSION_OUTSIDE: &str =
    "asynchronous comprehension outside of an asynchronous function";
pub const MSG_BREAK_OUTSIDE: &str = "'break' outside loop";
pub const MSG_CONTINUE_OUTSIDE: &str = "'continue' not properly in loop";
pub const MSG_NONLOCAL_MODULE: &str = "nonlocal declaration not allowed at module level";
pub const MSG_YIELD_IN_ASYNC_FROM: &str = "'yield from' inside async function";
pub const MSG_RETURN_VALUE_IN_ASYNC_GEN: &str = "'return' with value in async generator";

impl ErrorKind {
    /// Lexer errors that CPython's tokenizer signals without raising (`E_DEDENT`,
    /// `E_TABSPACE`, `E_TOODEEP`, `E_LINECONT`, `E_EOF`): they only win when the parser gets
    /// to them, never over an earlier parse error.
    pub fn is_reported_when_reached(&self) -> bool {
        match self {
            ErrorKind::UnindentMismatch
            | ErrorKind::InconsistentTabs
            | ErrorKind::TooManyIndentLevels => true,
            ErrorKind::Message(m) => *m == MSG_AFTER_CONTINUATION || *m == MSG_UNEXPECTED_EOF,
            _ => false,
        }
    }

    /// The exception class CPython raises for this error.
    pub fn class(&self) -> ErrorClass {
        match self {
            ErrorKind::ExpectedIndentedBlock { .. }
            | ErrorKind::UnexpectedIndent
            | ErrorKind::UnindentMismatch
            | ErrorKind::TooManyIndentLevels => ErrorClass::IndentationError,
            ErrorKind::InconsistentTabs => ErrorClass::TabError,
            _ => ErrorClass::SyntaxError,
        }
    }

    /// The message, exactly as CPython prints it after `SyntaxError: `.
    pub fn message(&self) -> String {
        match self {
            ErrorKind::InvalidSyntax => "invalid syntax".into(),
            ErrorKind::ForgotComma => "invalid syntax. Perhaps you forgot a comma?".into(),
            ErrorKind::KeywordTypo(k) => format!("invalid syntax. Did you mean '{k}'?"),
            ErrorKind::Expected(what) => format!("expected '{what}'"),
            ErrorKind::Message(m) | ErrorKind::OutsideContext(m) => (*m).into(),
            ErrorKind::NeverClosed(c) => format!("'{c}' was never closed"),
            ErrorKind::Unmatched(c) => format!("unmatched '{c}'"),
            ErrorKind::MismatchedClose { close, open, open_line } => {
                let mut m = format!(
                    "closing parenthesis '{close}' does not match opening parenthesis '{open}'"
                );
                if let Some(line) = open_line {
                    m.push_str(&format!(" on line {line}"));
                }
                m
            }
            ErrorKind::UnterminatedString { line } => {
                format!("unterminated string literal (detected at line {line})")
            }
            ErrorKind::UnterminatedTripleString { line } => {
                format!("unterminated triple-quoted string literal (detected at line {line})")
            }
            ErrorKind::UnterminatedFString { line } => {
                format!("unterminated f-string literal (detected at line {line})")
            }
            ErrorKind::UnterminatedTripleFString { line } => {
                format!("unterminated triple-quoted f-string literal (detected at line {line})")
            }
            ErrorKind::ExpectedIndentedBlock { after, line } => {
                format!("expected an indented block after {after} on line {line}")
            }
            ErrorKind::UnexpectedIndent => "unexpected indent".into(),
            ErrorKind::UnindentMismatch => {
                "unindent does not match any outer indentation level".into()
            }
            ErrorKind::InconsistentTabs => {
                "inconsistent use of tabs and spaces in indentation".into()
            }
            ErrorKind::TooManyIndentLevels => "too many levels of indentation".into(),
            ErrorKind::TooManyNestedParens => "too many nested parentheses".into(),
            ErrorKind::TooDeeplyNested { limit } => {
                format!("too deeply nested expression (the playground allows {limit} levels)")
            }
            ErrorKind::CannotAssign { what, maybe_eq: true } => {
                format!("cannot assign to {what} here. Maybe you meant '==' instead of '='?")
            }
            ErrorKind::CannotAssign { what, maybe_eq: false } => {
                format!("cannot assign to {what}")
            }
            ErrorKind::CannotDelete { what } => format!("cannot delete {what}"),
            ErrorKind::IllegalAugAssign { what } => {
                format!("'{what}' is an illegal expression for augmented assignment")
            }
            ErrorKind::CannotWalrus { what } => {
                format!("cannot use assignment expressions with {what}")
            }
            ErrorKind::InvalidLiteral { kind } => format!("invalid {kind} literal"),
            ErrorKind::InvalidDigit { digit, kind } => {
                format!("invalid digit '{digit}' in {kind} literal")
            }
            ErrorKind::InvalidCharacter(c) => {
                format!("invalid character '{c}' (U+{:04X})", *c as u32)
            }
            ErrorKind::NonPrintable(c) => {
                format!("invalid non-printable character U+{:04X}", *c as u32)
            }
            ErrorKind::UnicodeError { from, to, detail } => format!(
                "(unicode error) 'unicodeescape' codec can't decode bytes in position {from}-{to}: {detail}"
            ),
            ErrorKind::FStringConversion(c) => format!(
                "f-string: invalid conversion character '{c}': expected 's', 'r', or 'a'"
            ),
            ErrorKind::DuplicateArgument(n) => {
                format!("duplicate argument '{n}' in function definition")
            }
            ErrorKind::KeywordRepeated(n) => format!("keyword argument repeated: {n}"),
            ErrorKind::Named { template, name } => template.replace("{}", name),
            ErrorKind::NotSupported(what) => {
                format!("{what} are not supported in the playground")
            }
        }
    }
}

/// A syntax error in the user's program: what, and where (a byte span into the source).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SyntaxError {
    pub kind: ErrorKind,
    pub span: Span,
}

impl SyntaxError {
    pub fn new(kind: ErrorKind, span: Span) -> SyntaxError {
        SyntaxError { kind, span }
    }

    /// `'await' outside async function` (CPython raises it from the compiler), for the VM
    /// compiler to use at the `await` expression's span.
    pub fn await_outside_async(span: Span) -> SyntaxError {
        SyntaxError::new(ErrorKind::OutsideContext(MSG_AWAIT_OUTSIDE_ASYNC), span)
    }

    /// `'await' outside function` (at module level).
    pub fn await_outside_function(span: Span) -> SyntaxError {
        SyntaxError::new(ErrorKind::OutsideContext(MSG_AWAIT_OUTSIDE), span)
    }

    /// A scope error about `name` from one of the `MSG_*` templates with `{}` (for the compiler):
    /// `SyntaxError::named(MSG_NONLOCAL_NO_BINDING, "x", span)`.
    pub fn named(template: &'static str, name: &str, span: Span) -> SyntaxError {
        SyntaxError::new(
            ErrorKind::Named {
                template,
                name: name.to_string(),
            },
            span,
        )
    }

    /// `class decorators are not supported in the playground`, for the compiler.
    pub fn class_decorators_unsupported(span: Span) -> SyntaxError {
        SyntaxError::new(ErrorKind::NotSupported(WHAT_CLASS_DECORATORS), span)
    }

    pub fn class(&self) -> ErrorClass {
        self.kind.class()
    }

    pub fn message(&self) -> String {
        self.kind.message()
    }

    /// 1-based line of the error's start.
    pub fn line(&self, source: &str) -> u32 {
        LineTable::new(source).line_of(self.span.start)
    }

    /// Start and end as lines and columns (for a message list or a gutter marker).
    pub fn line_cols(&self, source: &str) -> (LineCol, LineCol) {
        let table = LineTable::new(source);
        (
            table.line_col(source, self.span.start),
            table.line_col(source, self.span.end),
        )
    }

    /// The attributes CPython's `SyntaxError` carries (`msg`, `lineno`, `offset`,
    /// `end_lineno`, `end_offset`, `text`), for building the Python exception object.
    /// Offsets are 1-based and count characters, as in CPython.
    pub fn python_fields(&self, source: &str) -> PythonSyntaxErrorFields {
        let table = LineTable::new(source);
        let start = table.line_col(source, self.span.start);
        let end = table.line_col(source, self.span.end);
        let text = table.line_text(source, start.line);
        // A span ending just after a line break (a NEWLINE token) ends on its own line.
        let (end_lineno, end_offset) = if end.column == 0 && end.line > start.line {
            let prev = table.line_text(source, end.line - 1).chars().count() as u32;
            (end.line - 1, prev + 2)
        } else {
            (end.line, end.column + 1)
        };
        PythonSyntaxErrorFields {
            class: self.class(),
            msg: self.message(),
            lineno: start.line,
            offset: start.column + 1,
            end_lineno,
            end_offset,
            text: format!("{text}\n"),
        }
    }

    /// The span as UTF-16 offsets from the start of `source` (what CodeMirror's positions
    /// are); an empty span (an error at a point) is widened to one character when possible,
    /// so that an underline is visible.
    pub fn utf16_range(&self, source: &str) -> (u32, u32) {
        let table = LineTable::new(source);
        let start = table.utf16_offset(source, self.span.start);
        let mut end = table.utf16_offset(source, self.span.end);
        if end == start {
            let next = source
                .get(self.span.start as usize..)
                .and_then(|r| r.chars().next());
            end += next
                .filter(|c| *c != '\n')
                .map_or(0, |c| c.len_utf16() as u32);
        }
        (start, end)
    }

    /// The error as CPython prints it for a file named `file_name`:
    /// ```text
    ///   File "main.py", line 3
    ///     if x
    ///         ^
    /// SyntaxError: expected ':'
    /// ```
    /// The source line is shown without its leading whitespace, and the carets cover the
    /// span's part on that line (at least one caret).
    pub fn render(&self, source: &str, file_name: &str) -> String {
        let table = LineTable::new(source);
        let start = table.line_col(source, self.span.start);
        let mut out = format!("  File \"{file_name}\", line {}\n", start.line);
        // = CPython Lib/traceback.py `TracebackException._format_syntax_error`, with its
        // 1-based character offsets.
        let text = table.line_text(source, start.line);
        let ltext = text.trim_start_matches([' ', '\x0c']);
        if !ltext.trim().is_empty() {
            let rlen = text.chars().count() as i64;
            let spaces = rlen - ltext.chars().count() as i64;
            let mut offset = i64::from(start.column) + 1;
            let mut end_offset = if table.line_of(self.span.end) == start.line {
                i64::from(table.line_col(source, self.span.end).column) + 1
            } else {
                rlen + 1
            };
            offset = offset.min(rlen + 1);
            end_offset = end_offset.min(rlen + 1);
            if offset >= end_offset {
                end_offset = offset + 1;
            }
            let colno = offset - 1 - spaces;
            let end_colno = end_offset - 1 - spaces;
            out.push_str("    ");
            out.push_str(ltext);
            out.push('\n');
            // A caret inside the stripped indentation is not drawn (as CPython).
            if colno >= 0 {
                out.push_str("    ");
                // Tabs before the caret are kept so that it lines up.
                let pad = ltext.chars().take(colno as usize);
                out.extend(pad.map(|c| if c.is_whitespace() { c } else { ' ' }));
                out.push_str(&"^".repeat((end_colno - colno) as usize));
                out.push('\n');
            }
        }
        out.push_str(self.class().name());
        out.push_str(": ");
        out.push_str(&self.message());
        out
    }
}

impl fmt::Display for SyntaxError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.class().name(), self.message())
    }
}

/// A syntax error as the attributes of CPython's exception object (see
/// [`SyntaxError::python_fields`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PythonSyntaxErrorFields {
    pub class: ErrorClass,
    pub msg: String,
    pub lineno: u32,
    pub offset: u32,
    pub end_lineno: u32,
    pub end_offset: u32,
    /// The error's line with a trailing newline.
    pub text: String,
}

/// A bug in the front end itself (never the user's fault). Only these may say "please report".
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InternalError {
    pub message: String,
    pub span: Span,
}

impl fmt::Display for InternalError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "internal error in the playground's parser: {} (please report this program)",
            self.message
        )
    }
}

/// What parsing can fail with: the user's syntax error, or our bug.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ParseError {
    Syntax(SyntaxError),
    Internal(InternalError),
}

impl ParseError {
    pub fn span(&self) -> Span {
        match self {
            ParseError::Syntax(e) => e.span,
            ParseError::Internal(e) => e.span,
        }
    }

    /// CPython-style rendering for a syntax error; one line for an internal error.
    pub fn render(&self, source: &str, file_name: &str) -> String {
        match self {
            ParseError::Syntax(e) => e.render(source, file_name),
            ParseError::Internal(e) => e.to_string(),
        }
    }
}

impl From<SyntaxError> for ParseError {
    fn from(e: SyntaxError) -> ParseError {
        ParseError::Syntax(e)
    }
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ParseError::Syntax(e) => e.fmt(f),
            ParseError::Internal(e) => e.fmt(f),
        }
    }
}

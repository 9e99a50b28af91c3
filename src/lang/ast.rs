//! The syntax tree of the Python subset, shaped like CPython's `ast` module
//! (`Parser/Python.asdl`), with a byte [`Span`] on every node.
//!
//! Differences from CPython's `ast`, all to make the compiler's job simpler:
//! - function parameters carry their own default ([`Parameter::default`]) instead of the
//!   `defaults`/`kw_defaults` side lists;
//! - f-strings are [`ExprKind::FString`] with [`FStringPart`]s; the `{x=}` debug form is already
//!   expanded (a literal `"x="` part, then the field with `!r` unless a conversion or format
//!   spec was given), as CPython's own parser does;
//! - adjacent string literals are already concatenated (a plain [`Constant::Str`] if no part is
//!   an f-string, else one `FString`);
//! - `elif` is an `If` alone in the `orelse` of the outer `If` (as in CPython);
//! - `async def`/`async for`/`async with` are flags (`is_async`) rather than separate nodes.
//!
//! Invariants the parser guarantees (the compiler may rely on them):
//! - every span lies inside the source and a node's span covers its children's spans,
//!   except that a decorated `def`/`class` starts at `def`/`async`/`class` (its decorators
//!   come before it), as in CPython;
//! - a node's span runs from its first token to its last, so it includes the parentheses of
//!   a parenthesized first or last operand (`(a + b) * c` starts at the `(`) but a
//!   parenthesized expression itself excludes them; these are CPython's `col_offset`/
//!   `end_col_offset` (UTF-8 byte columns) exactly;
//! - an expression whose `ctx` is [`ExprContext::Store`] or [`ExprContext::Del`] is one of
//!   `Name`, `Attribute`, `Subscript`, `Starred` (Store only), `Tuple`, `List`, and so are
//!   all of its element targets; at most one `Starred` per `Tuple`/`List` target;
//! - `Slice` only appears directly as `Subscript::slice` or as an element of a `Tuple` that is
//!   a `Subscript::slice`;
//! - `Starred` in `Load` context only appears as a call argument or class base, or as an
//!   element of a `List`/`Tuple`/`Set` display (a subscript `a[*b]` has a `Tuple` slice;
//!   `**` unpacking lives in [`DictItem::Unpack`] and [`Keyword`] with `arg == None`);
//! - `NamedExpr::target` is a `Name` in `Store` context;
//! - statement bodies (`body`, `orelse`, `finalbody`, handler bodies) are non-empty where
//!   Python requires them (`orelse`/`finalbody` may be empty, meaning absent).

pub mod dump;
pub mod visit;

use super::span::Span;
use num_bigint::BigInt;

/// An identifier with where it was written.
#[derive(Clone, Debug, PartialEq)]
pub struct Ident {
    pub name: String,
    pub span: Span,
}

/// A whole program (`file` in the grammar).
#[derive(Clone, Debug, PartialEq)]
pub struct Module {
    pub body: Vec<Stmt>,
    pub span: Span,
}

/// A statement and the span of its source text (from its first token to its last, not
/// including the newline; for compound statements, through the end of the last body; for a
/// decorated `def`/`class`, from `def`/`async`/`class`, as CPython's `lineno` is).
#[derive(Clone, Debug, PartialEq)]
pub struct Stmt {
    pub kind: StmtKind,
    pub span: Span,
}

/// Python's `stmt` (see `Parser/Python.asdl`).
#[derive(Clone, Debug, PartialEq)]
pub enum StmtKind {
    /// `def` or `async def`.
    FunctionDef(Box<FunctionDef>),
    /// `class`.
    ClassDef(Box<ClassDef>),
    Return {
        value: Option<Expr>,
    },
    /// `del a, b[0]`: each target has `Del` context.
    Delete {
        targets: Vec<Expr>,
    },
    /// `a = b = value`: `targets` is `[a, b]` in source order, each in `Store` context.
    Assign {
        targets: Vec<Expr>,
        value: Expr,
    },
    /// `target op= value`; `target` is a `Name`, `Attribute` or `Subscript` in `Store` context.
    AugAssign {
        target: Expr,
        op: BinOp,
        value: Expr,
    },
    /// `target: annotation [= value]`. `simple` is true when the target is a bare name not in
    /// parentheses (as in CPython).
    AnnAssign {
        target: Expr,
        annotation: Expr,
        value: Option<Expr>,
        simple: bool,
    },
    /// `for`/`async for target in iter: body else: orelse`.
    For {
        is_async: bool,
        target: Expr,
        iter: Expr,
        body: Vec<Stmt>,
        orelse: Vec<Stmt>,
    },
    While {
        test: Expr,
        body: Vec<Stmt>,
        orelse: Vec<Stmt>,
    },
    /// `if`; an `elif` is an `If` that is the only statement of `orelse`.
    If {
        test: Expr,
        body: Vec<Stmt>,
        orelse: Vec<Stmt>,
    },
    /// `with`/`async with` with one or more items.
    With {
        is_async: bool,
        items: Vec<WithItem>,
        body: Vec<Stmt>,
    },
    /// `raise`, `raise exc`, `raise exc from cause` (`cause` implies `exc`).
    Raise {
        exc: Option<Expr>,
        cause: Option<Expr>,
    },
    /// `try` with handlers, `else`, `finally`. `is_star` is true for `except*` (then every
    /// handler has a type). At least one of `handlers`/`finalbody` is non-empty, and
    /// `orelse` is empty when `handlers` is.
    Try {
        body: Vec<Stmt>,
        handlers: Vec<ExceptHandler>,
        orelse: Vec<Stmt>,
        finalbody: Vec<Stmt>,
        is_star: bool,
    },
    Assert {
        test: Expr,
        msg: Option<Expr>,
    },
    /// `import a.b as c, d`.
    Import {
        names: Vec<Alias>,
    },
    /// `from ..a.b import x as y, z` (`level` counts the dots; `module` is `None` for
    /// `from . import x`). A single [`Alias`] named `*` stands for `from m import *`.
    ImportFrom {
        module: Option<Ident>,
        names: Vec<Alias>,
        level: u32,
    },
    Global {
        names: Vec<Ident>,
    },
    Nonlocal {
        names: Vec<Ident>,
    },
    /// An expression statement.
    Expr {
        value: Expr,
    },
    Pass,
    Break,
    Continue,
}

/// `def`/`async def` (`function_def` in the grammar).
#[derive(Clone, Debug, PartialEq)]
pub struct FunctionDef {
    pub is_async: bool,
    pub name: Ident,
    pub params: Parameters,
    pub body: Vec<Stmt>,
    /// Outermost first, as written (applied last to first).
    pub decorators: Vec<Expr>,
    /// The `-> annotation`.
    pub returns: Option<Expr>,
}

/// `class` (`class_def` in the grammar).
#[derive(Clone, Debug, PartialEq)]
pub struct ClassDef {
    pub name: Ident,
    /// Positional bases; may contain `Starred`.
    pub bases: Vec<Expr>,
    /// `metaclass=...` and other keywords; `**kw` has `arg == None`.
    pub keywords: Vec<Keyword>,
    pub body: Vec<Stmt>,
    /// Parsed; the compiler rejects them ("class decorators are not supported").
    pub decorators: Vec<Expr>,
}

/// The parameter list of a `def` or `lambda` (CPython's `arguments`).
///
/// Invariant: all names are distinct; in `posonly` and `args`, once one parameter has a
/// default every later one does too; lambda parameters have no annotations.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Parameters {
    /// Before a `/`.
    pub posonly: Vec<Parameter>,
    /// Ordinary positional-or-keyword parameters.
    pub args: Vec<Parameter>,
    /// `*args` (never has a default).
    pub vararg: Option<Parameter>,
    /// After `*` or `*args`; may have defaults in any pattern.
    pub kwonly: Vec<Parameter>,
    /// `**kwargs` (never has a default).
    pub kwarg: Option<Parameter>,
}

/// One parameter: `name[: annotation][= default]`; the span covers all of it.
#[derive(Clone, Debug, PartialEq)]
pub struct Parameter {
    pub name: Ident,
    pub annotation: Option<Expr>,
    pub default: Option<Expr>,
    pub span: Span,
}

/// `except [type [as name]]: body`; the span covers the `except` line and the body.
#[derive(Clone, Debug, PartialEq)]
pub struct ExceptHandler {
    /// `None` for a bare `except:`.
    pub type_: Option<Expr>,
    pub name: Option<Ident>,
    pub body: Vec<Stmt>,
    pub span: Span,
}

/// One `expr [as target]` of a `with`.
#[derive(Clone, Debug, PartialEq)]
pub struct WithItem {
    pub context_expr: Expr,
    /// A target in `Store` context.
    pub optional_vars: Option<Expr>,
    pub span: Span,
}

/// `name [as asname]` in an import; `name` may be dotted (`a.b.c`) in `import`, is a single
/// identifier in `from ... import`, and is `*` for a star import.
#[derive(Clone, Debug, PartialEq)]
pub struct Alias {
    pub name: Ident,
    pub asname: Option<Ident>,
    pub span: Span,
}

/// `arg=value` in a call or class header, or `**value` when `arg` is `None`.
#[derive(Clone, Debug, PartialEq)]
pub struct Keyword {
    pub arg: Option<Ident>,
    pub value: Expr,
    pub span: Span,
}

/// One `[async] for target in iter [if cond]*` clause of a comprehension.
#[derive(Clone, Debug, PartialEq)]
pub struct Comprehension {
    pub is_async: bool,
    /// In `Store` context.
    pub target: Expr,
    pub iter: Expr,
    pub ifs: Vec<Expr>,
    pub span: Span,
}

/// An expression and its span.
#[derive(Clone, Debug, PartialEq)]
pub struct Expr {
    pub kind: ExprKind,
    pub span: Span,
}

/// Python's `expr` (see `Parser/Python.asdl`).
#[derive(Clone, Debug, PartialEq)]
pub enum ExprKind {
    /// `a and b and c` / `a or b`: two or more values, flattened for one operator.
    BoolOp {
        op: BoolOp,
        values: Vec<Expr>,
    },
    /// `target := value`.
    NamedExpr {
        target: Box<Expr>,
        value: Box<Expr>,
    },
    BinOp {
        left: Box<Expr>,
        op: BinOp,
        right: Box<Expr>,
    },
    UnaryOp {
        op: UnaryOp,
        operand: Box<Expr>,
    },
    Lambda {
        params: Box<Parameters>,
        body: Box<Expr>,
    },
    /// `body if test else orelse`.
    IfExp {
        test: Box<Expr>,
        body: Box<Expr>,
        orelse: Box<Expr>,
    },
    /// `{k: v, **m}`.
    Dict {
        items: Vec<DictItem>,
    },
    Set {
        elts: Vec<Expr>,
    },
    ListComp {
        elt: Box<Expr>,
        generators: Vec<Comprehension>,
    },
    SetComp {
        elt: Box<Expr>,
        generators: Vec<Comprehension>,
    },
    DictComp {
        key: Box<Expr>,
        value: Box<Expr>,
        generators: Vec<Comprehension>,
    },
    GeneratorExp {
        elt: Box<Expr>,
        generators: Vec<Comprehension>,
    },
    Await {
        value: Box<Expr>,
    },
    /// `yield` or `yield value` (a tuple if written `yield a, b`).
    Yield {
        value: Option<Box<Expr>>,
    },
    YieldFrom {
        value: Box<Expr>,
    },
    /// `left op0 c0 op1 c1 ...`: `ops.len() == comparators.len() >= 1`.
    Compare {
        left: Box<Expr>,
        ops: Vec<CmpOp>,
        comparators: Vec<Expr>,
    },
    /// `func(args..., keywords...)`. As in CPython, positional arguments (including `*x`
    /// as `Starred`) are evaluated before keywords (including `**x`), whatever the written
    /// order; each list keeps source order.
    Call {
        func: Box<Expr>,
        args: Vec<Expr>,
        keywords: Vec<Keyword>,
    },
    /// An f-string (possibly concatenated with plain strings).
    FString {
        parts: Vec<FStringPart>,
    },
    Constant {
        value: Constant,
    },
    Attribute {
        value: Box<Expr>,
        attr: Ident,
        ctx: ExprContext,
    },
    /// `value[slice]`; `a[1, 2]` has a `Tuple` slice, `a[1:2]` a `Slice`.
    Subscript {
        value: Box<Expr>,
        slice: Box<Expr>,
        ctx: ExprContext,
    },
    /// `*value` (in a call, a display, or an assignment target).
    Starred {
        value: Box<Expr>,
        ctx: ExprContext,
    },
    Name {
        id: String,
        ctx: ExprContext,
    },
    List {
        elts: Vec<Expr>,
        ctx: ExprContext,
    },
    Tuple {
        elts: Vec<Expr>,
        ctx: ExprContext,
    },
    /// `lower:upper:step`, only inside a subscript.
    Slice {
        lower: Option<Box<Expr>>,
        upper: Option<Box<Expr>>,
        step: Option<Box<Expr>>,
    },
}

/// One entry of a dict display.
#[derive(Clone, Debug, PartialEq)]
pub enum DictItem {
    KeyValue {
        key: Expr,
        value: Expr,
    },
    /// `**mapping`.
    Unpack(Expr),
}

/// A piece of an f-string.
#[derive(Clone, Debug, PartialEq)]
pub enum FStringPart {
    /// Literal text, escapes already decoded and `{{`/`}}` already halved.
    Literal { value: String, span: Span },
    /// A `{...}` replacement field.
    Field(FormattedValue),
}

/// `{value!conversion:format_spec}`; the span covers the braces.
#[derive(Clone, Debug, PartialEq)]
pub struct FormattedValue {
    pub value: Box<Expr>,
    pub conversion: Conversion,
    /// The format spec, itself a sequence of literal text and nested fields
    /// (`{x:>{width}}`); `None` when there is no `:`.
    pub format_spec: Option<Vec<FStringPart>>,
    pub span: Span,
}

/// The `!s`/`!r`/`!a` of an f-string field.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Conversion {
    None,
    Str,
    Repr,
    Ascii,
}

/// A literal value.
#[derive(Clone, Debug, PartialEq)]
pub enum Constant {
    None,
    Bool(bool),
    /// Any size; `1_000` has its underscores removed, `0x1f` is converted.
    Int(BigInt),
    Float(f64),
    Str(String),
    /// `...`
    Ellipsis,
}

/// Whether an expression is read, assigned or deleted (CPython's `expr_context`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExprContext {
    Load,
    Store,
    Del,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BoolOp {
    And,
    Or,
}

/// Binary operators, also used by augmented assignment (`+=` is `Add`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BinOp {
    Add,
    Sub,
    Mult,
    MatMult,
    Div,
    FloorDiv,
    Mod,
    Pow,
    LShift,
    RShift,
    BitOr,
    BitXor,
    BitAnd,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnaryOp {
    /// `~`
    Invert,
    Not,
    /// `+`
    UAdd,
    /// `-`
    USub,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CmpOp {
    Eq,
    NotEq,
    Lt,
    LtE,
    Gt,
    GtE,
    Is,
    IsNot,
    In,
    NotIn,
}

impl BinOp {
    /// The operator as written (`"+"`, `"//"`, ...).
    pub fn symbol(self) -> &'static str {
        match self {
            BinOp::Add => "+",
            BinOp::Sub => "-",
            BinOp::Mult => "*",
            BinOp::MatMult => "@",
            BinOp::Div => "/",
            BinOp::FloorDiv => "//",
            BinOp::Mod => "%",
            BinOp::Pow => "**",
            BinOp::LShift => "<<",
            BinOp::RShift => ">>",
            BinOp::BitOr => "|",
            BinOp::BitXor => "^",
            BinOp::BitAnd => "&",
        }
    }
}

impl CmpOp {
    /// The operator as written (`"=="`, `"not in"`, ...).
    pub fn symbol(self) -> &'static str {
        match self {
            CmpOp::Eq => "==",
            CmpOp::NotEq => "!=",
            CmpOp::Lt => "<",
            CmpOp::LtE => "<=",
            CmpOp::Gt => ">",
            CmpOp::GtE => ">=",
            CmpOp::Is => "is",
            CmpOp::IsNot => "is not",
            CmpOp::In => "in",
            CmpOp::NotIn => "not in",
        }
    }
}

impl UnaryOp {
    /// The operator as written (`"-"`, `"not"`, ...).
    pub fn symbol(self) -> &'static str {
        match self {
            UnaryOp::Invert => "~",
            UnaryOp::Not => "not",
            UnaryOp::UAdd => "+",
            UnaryOp::USub => "-",
        }
    }
}

impl Expr {
    pub fn new(kind: ExprKind, span: Span) -> Expr {
        Expr { kind, span }
    }
}

impl Stmt {
    pub fn new(kind: StmtKind, span: Span) -> Stmt {
        Stmt { kind, span }
    }
}

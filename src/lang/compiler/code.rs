//! Code objects and the instruction set (CPython `Include/cpython/code.h`,
//! `Lib/opcode.py`; ours keeps operands inline and one span per instruction).

use std::rc::Rc;

use crate::lang::span::{LineTable, Span};
use crate::lang::value::{PyStr, Value};

/// What kind of block a code object is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CodeKind {
    Module,
    Function,
    Class,
    Comprehension,
}

/// One instruction. Jump targets are instruction indices.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Op {
    Nop,
    LoadConst(u32),
    LoadFast(u32),
    StoreFast(u32),
    DeleteFast(u32),
    /// Cells then free variables, as CPython numbers them.
    LoadDeref(u32),
    StoreDeref(u32),
    DeleteDeref(u32),
    LoadGlobal(u32),
    StoreGlobal(u32),
    DeleteGlobal(u32),
    /// Namespace dict, then globals, then builtins (module and class bodies).
    LoadName(u32),
    StoreName(u32),
    DeleteName(u32),
    /// A class body reading a variable of an enclosing function (`LOAD_CLASSDEREF`).
    LoadClassDeref(u32),
    LoadAttr(u32),
    StoreAttr(u32),
    DeleteAttr(u32),
    BinarySubscr,
    StoreSubscr,
    DeleteSubscr,
    BinaryOp(u8),
    InplaceOp(u8),
    UnaryOp(u8),
    /// Rich comparison (`CmpOp` as u8).
    Compare(u8),
    /// `is` (arg 0) / `is not` (arg 1).
    IsOp(u8),
    /// `in` (arg 0) / `not in` (arg 1).
    ContainsOp(u8),
    Pop,
    Dup,
    /// Duplicates the top two items.
    Dup2,
    /// Swaps TOS and TOS1.
    Rot2,
    /// Lifts TOS under the next two.
    Rot3,
    BuildTuple(u32),
    BuildList(u32),
    BuildSet(u32),
    /// `n` key/value pairs.
    BuildMap(u32),
    BuildSlice(u32),
    /// Concatenates `n` strings (f-strings).
    BuildString(u32),
    /// Appends TOS to the list `n` below it (comprehensions).
    ListAppend(u32),
    SetAdd(u32),
    MapAdd(u32),
    /// Extends the list under TOS with the iterable TOS.
    ListExtend(u32),
    SetUpdate(u32),
    DictUpdate(u32),
    /// `DictUpdate` for a call's `**` (CPython `DICT_MERGE`): a key already given is
    /// `f() got multiple values for keyword argument 'k'` (the callable is 2 below the dict).
    DictMerge(u32),
    ListToTuple,
    UnpackSequence(u32),
    /// Star unpacking: `before << 16 | after`.
    UnpackEx(u32),
    /// Bit 0-1: conversion (0 none, 1 str, 2 repr, 3 ascii); bit 2: a spec is on the stack.
    FormatValue(u8),
    Jump(u32),
    PopJumpIfFalse(u32),
    PopJumpIfTrue(u32),
    JumpIfFalseOrPop(u32),
    JumpIfTrueOrPop(u32),
    GetIter,
    /// Pushes the next item, or pops the iterator and jumps when it is exhausted.
    ForIter(u32),
    /// Positional arguments only.
    Call(u32),
    /// `obj.name` for a call: pushes `[function, obj]` when `name` is a plain method of
    /// `obj`'s class (no bound-method object), else `[attribute, NULL]` (`LOAD_METHOD`).
    LoadMethod(u32),
    /// Calls `[callable, self or NULL, args...]` with `n` positional arguments.
    CallMethod(u32),
    /// TOS is a tuple of keyword names for the last `len` of the `n` arguments.
    CallKw(u32),
    /// Arguments as a tuple and (arg 1) a dict.
    CallEx(u32),
    /// Creates a function from code `codes[n]`; flags in the code say which of defaults
    /// (tuple) and keyword defaults (dict) are on the stack.
    MakeFunction(u32),
    ReturnValue,
    /// `raise` (0), `raise exc` (1), `raise exc from cause` (2).
    Raise(u8),
    /// Pushes an exception handler block that jumps to the target.
    SetupFinally(u32),
    PopBlock,
    /// Marks the exception at TOS as being handled (pushes it on the handled stack).
    PushExcInfo,
    /// Ends a handler: pops the handled exception and the exception from the stack.
    PopExcept,
    /// Re-raises the exception at TOS (end of a handler that did not match, or `finally`).
    Reraise,
    /// TOS is an exception raised inside a handler; below it the handled one.
    PopExceptReraise,
    /// Stack `[exc, type]` to `[exc, bool]`.
    CheckExcMatch,
    /// `[ctx]` to `[exit, enter()]`, with a handler block (level below `enter()`)
    /// jumping to the target (`SETUP_WITH`).
    SetupWith(u32),
    /// Calls the `__exit__` at TOS with `None, None, None` and pops it.
    CallExitNone,
    /// Like `CallExitNone` but pushes the result (an awaitable, for `async with`).
    CallExitAsync,
    /// `[obj]` to `[obj.__aiter__()]`.
    GetAIter,
    /// `[aiter]` to `[aiter, aiter.__anext__()]`.
    GetANext,
    /// `[aiter, exc]`: ends the loop on `StopAsyncIteration` (pops both), else re-raises.
    EndAsyncFor,
    /// `[exc]` to `[exc, rest, raised]` for `except*` (rest starts as the exception).
    StarPrep,
    /// `[rest, raised, type]` to `[rest', raised, match]` (`match` None when nothing matched).
    StarMatch,
    /// `[rest, raised, exc]` to `[rest, raised]`: records an exception raised in a handler
    /// (and ends the clause, as `StarClauseEnd`).
    StarCollect,
    /// The end of an `except*` clause's body: its match stops being the exception handled.
    StarClauseEnd,
    /// `[exc, rest, raised]`: raises what is left, or pops both and continues.
    StarReraise,
    /// `[ctx]` to `[aexit, aenter()]` (`BEFORE_ASYNC_WITH`).
    BeforeAsyncWith,
    /// `[aexit, enter_result]`: pushes a handler block whose level excludes the result
    /// (`SETUP_ASYNC_WITH`).
    SetupAsyncWith(u32),
    /// Stack `[exit, exc]` to `[exit, exc, exit(type, exc, tb)]`.
    WithExceptStart,
    /// Builds a class: stack `[body_fn, name, bases_tuple]` to `[class]`; arg is the
    /// keyword dict flag.
    BuildClass(u32),
    ImportName(u32),
    ImportFrom(u32),
    ImportStar,
    LoadAssertionError,
    /// Generators and coroutines.
    YieldValue,
    GetAwaitable,
    /// `await`/`yield from` delegation: `[sub, value]` sends into `sub`.
    YieldFrom,
    ReturnGenerator,
    /// Raises `NotImplementedError` naming an unsupported construct (`consts[n]`).
    Unsupported(u32),
}

/// A compiled block of code. Invariant: `ops.len() == spans.len()`; every jump target is
/// `<= ops.len()`; `closure_src.len() == freevars.len()`.
pub struct Code {
    pub name: Rc<str>,
    pub qualname: Rc<str>,
    pub kind: CodeKind,
    pub ops: Vec<Op>,
    pub spans: Vec<Span>,
    /// Per instruction: the `^` part of a traceback's carets (see `TracebackEntry`).
    pub anchors: Vec<Option<(u32, u32)>>,
    pub consts: Vec<Value>,
    pub codes: Vec<Rc<Code>>,
    pub names: Vec<Rc<PyStr>>,
    pub varnames: Vec<Rc<str>>,
    pub cellvars: Vec<Rc<str>>,
    pub freevars: Vec<Rc<str>>,
    /// For each cell variable that is also a parameter: its parameter index.
    pub cell_args: Vec<Option<u32>>,
    /// For each free variable: its index among the enclosing code's cells and frees.
    pub closure_src: Vec<u32>,
    pub argcount: u32,
    pub posonlycount: u32,
    pub kwonlycount: u32,
    pub has_varargs: bool,
    pub has_varkw: bool,
    pub is_generator: bool,
    pub is_coroutine: bool,
    /// How many defaults (a tuple) and whether keyword defaults (a dict) `MakeFunction` pops.
    pub n_defaults: u32,
    pub has_kwdefaults: bool,
    pub source: Rc<Source>,
    /// The line the code's block starts on (`co_firstlineno`).
    pub first_line: u32,
}

/// The program text with its line table, shared by all code objects of a module.
pub struct Source {
    pub filename: Rc<str>,
    pub text: Rc<str>,
    pub lines: LineTable,
}

impl Code {
    /// 1-based line of instruction `pc`.
    pub fn line_of(&self, pc: usize) -> u32 {
        let span = self
            .spans
            .get(pc)
            .or(self.spans.last())
            .copied()
            .unwrap_or_default();
        self.source.lines.line_of(span.start)
    }
}

//! Frames: the heap state of one running code object (CPython `_PyInterpreterFrame`,
//! `Include/internal/pycore_frame.h`). A frame can be suspended (its whole state is
//! here) and resumed later, which is what generators and coroutines need.

use std::cell::RefCell;
use std::rc::Rc;

use crate::lang::compiler::Code;
use crate::lang::value::{PyDict, Value};

/// A shared variable captured by closures (`PyCellObject`).
pub type Cell = Rc<RefCell<Option<Value>>>;

/// An active exception handler (`PyTryBlock`): jump to `handler` with the value stack cut
/// back to `level`.
#[derive(Clone, Copy, Debug)]
pub struct Block {
    pub handler: u32,
    pub level: u32,
}

/// The exceptions a frame is handling, innermost last, with `Vec`'s `last`/`push`/`pop`.
/// Boxed on first use: most frames never handle one, and every suspended coroutine's frame
/// is then two words smaller (100,000 sleeping tasks, docs/performance.md).
// A `Vec` is three words inline; the box makes it one (the lint's advice is the opposite
// trade-off).
#[allow(clippy::box_collection)]
#[derive(Default)]
pub struct Handled(Option<Box<Vec<Value>>>);

impl Handled {
    pub fn last(&self) -> Option<&Value> {
        self.0.as_ref()?.last()
    }

    pub fn push(&mut self, v: Value) {
        self.0.get_or_insert_with(Box::default).push(v);
    }

    pub fn pop(&mut self) -> Option<Value> {
        self.0.as_mut()?.pop()
    }

    /// The exceptions being handled, outermost first.
    pub fn iter(&self) -> impl Iterator<Item = &Value> {
        self.0.iter().flat_map(|v| v.iter())
    }
}

/// The active exception handlers of a frame, innermost last, boxed on first use like
/// `Handled` (a suspended coroutine outside any `try` holds one word).
// A `Vec` is three words inline; the box makes it one.
#[allow(clippy::box_collection)]
#[derive(Default)]
pub struct Blocks(Option<Box<Vec<Block>>>);

impl Blocks {
    pub fn push(&mut self, b: Block) {
        self.0.get_or_insert_with(Box::default).push(b);
    }

    pub fn pop(&mut self) -> Option<Block> {
        self.0.as_mut()?.pop()
    }
}

/// One activation of a code object. Invariants: `fast.len() == code.varnames.len()`;
/// `cells.len() == code.cellvars.len() + code.freevars.len()` (both fixed for the frame's
/// life, so boxed slices: a word less each than a `Vec`); `pc` indexes `code.ops`.
pub struct Frame {
    pub code: Rc<Code>,
    pub pc: usize,
    pub stack: Vec<Value>,
    pub fast: Box<[Option<Value>]>,
    pub cells: Box<[Cell]>,
    pub globals: Rc<RefCell<PyDict>>,
    /// The namespace of a module or class body (`LoadName`/`StoreName`).
    pub locals: Option<Rc<RefCell<PyDict>>>,
    pub blocks: Blocks,
    /// Exceptions being handled in this frame, innermost last (`exc_info`).
    pub handled: Handled,
    /// When this frame was pushed by `await`/`yield from` on a coroutine object: that
    /// object, marked finished when the frame returns.
    pub owner: Option<Rc<crate::lang::value::function::Coroutine>>,
}

impl Frame {
    pub fn new(
        code: Rc<Code>,
        globals: Rc<RefCell<PyDict>>,
        locals: Option<Rc<RefCell<PyDict>>>,
    ) -> Frame {
        let nfast = code.varnames.len();
        let ncells = code.cellvars.len();
        Frame {
            pc: 0,
            // Three slots hold a typical coroutine's stack (`await asyncio.sleep(d)` needs
            // three); deeper code grows it once (to six). Eight cost 8 MB more per 100,000
            // sleeping tasks, four 1.6 MB.
            stack: Vec::with_capacity(3),
            fast: vec![None; nfast].into_boxed_slice(),
            cells: (0..ncells).map(|_| Rc::new(RefCell::new(None))).collect(),
            globals,
            locals,
            blocks: Blocks::default(),
            handled: Handled::default(),
            owner: None,
            code,
        }
    }

    /// Appends a function's closure (its free variables' cells) after the frame's own
    /// cells.
    pub fn add_closure(&mut self, closure: &[Cell]) {
        if !closure.is_empty() {
            let own = std::mem::take(&mut self.cells);
            self.cells = own
                .into_vec()
                .into_iter()
                .chain(closure.iter().cloned())
                .collect();
        }
    }

    /// The 1-based source line being executed.
    pub fn line(&self) -> u32 {
        self.code.line_of(self.pc.saturating_sub(1))
    }
}

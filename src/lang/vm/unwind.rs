//! Exception unwinding (CPython `ceval.c`'s `exception_unwind`): finds the handler block
//! for an exception, popping frames (and leaving their `finally`/`with` blocks) until one
//! catches it or it escapes the bottom frame.

use std::rc::Rc;

use super::eval::Exec;
use super::frame::Block;
use super::Vm;
use crate::lang::value::exception::TracebackEntry;
use crate::lang::value::{PyErr, PyResult, Value};

impl Vm {
    /// The exception currently being handled, innermost first across the frames.
    pub(crate) fn handled_exception(&self, ex: &Exec) -> Option<Value> {
        ex.frames
            .iter()
            .rev()
            .find_map(|f| f.handled.last().cloned())
            .or_else(|| self.outer_handled.last().cloned())
    }

    /// Finds a handler for `err`, unwinding frames; `Err` if it escapes the bottom frame.
    pub(super) fn unwind(&mut self, ex: &mut Exec, err: PyErr, mut reraise: bool) -> PyResult<()> {
        let PyErr::Exception(inst) = &err else {
            // Limits are not catchable: drop the frames and leave.
            while let Some(f) = ex.frames.pop() {
                self.depth = self.depth.saturating_sub(1);
                if let Some(o) = f.owner {
                    o.running.set(false);
                }
            }
            return Err(err);
        };
        let handled = self.handled_exception(ex);
        if let (Some(exc), false) = (&inst.exc, reraise) {
            // Implicit chaining (`_PyErr_SetObject`): the exception being handled becomes
            // the new one's context.
            if let Some(h) = handled {
                let same = matches!(&h, Value::Instance(hi) if Rc::ptr_eq(hi, inst));
                let unset = exc.borrow().context.is_none();
                if !same && unset {
                    exc.borrow_mut().context = Some(h);
                }
            }
        }
        loop {
            let Some(frame) = ex.frames.last_mut() else {
                return Err(err);
            };
            if !reraise {
                if let Some(exc) = &inst.exc {
                    let pc = frame.pc.saturating_sub(1);
                    let span = frame.code.spans.get(pc).copied().unwrap_or_default();
                    exc.borrow_mut().traceback.push(TracebackEntry {
                        filename: frame.code.source.filename.clone(),
                        function: frame.code.name.clone(),
                        line: frame.code.line_of(pc),
                        span: (span.start, span.end),
                        anchor: frame.code.anchors.get(pc).copied().flatten(),
                        source: Some(frame.code.source.clone()),
                        library: None,
                    });
                }
            }
            if let Some(Block { handler, level }) = frame.blocks.pop() {
                frame.stack.truncate(level as usize);
                frame.stack.push(Value::Instance(inst.clone()));
                frame.pc = handler as usize;
                return Ok(());
            }
            let f = ex.frames.pop();
            self.depth = self.depth.saturating_sub(1);
            if let Some(o) = f.and_then(|f| f.owner) {
                o.running.set(false);
                if o.closing.replace(false)
                    && (err.matches("GeneratorExit") || err.matches("StopAsyncIteration"))
                {
                    // `aclose()` done: the `await` on it gives None (an empty stack
                    // makes `run` return None).
                    if let Some(parent) = ex.frames.last_mut() {
                        parent.stack.pop();
                        parent.stack.push(Value::None);
                    }
                    return Ok(());
                }
            }
            reraise = false;
        }
    }
}

//! Leaving blocks early: what `return`, `break` and `continue` emit to unwind the enclosing
//! loops, `try`/`finally`, `with` and handlers at compile time (CPython
//! `compiler_unwind_fblock`, `compiler_unwind_fblock_stack`, `compiler_break`).

use super::{Compiler, FBlock, Op};
use crate::lang::ast::ExprContext;
use crate::lang::error::SyntaxError;
use crate::lang::value::Value;

type R = Result<(), SyntaxError>;

impl<'a> Compiler<'a> {
    /// Emits what leaving `fb` early requires (`compiler_unwind_fblock`). With
    /// `preserve_tos`, a return value on the stack is kept on top.
    fn unwind_one(&mut self, fb: &FBlock<'a>, preserve_tos: bool) -> R {
        match fb {
            FBlock::While { .. } | FBlock::TryExcept => {
                if matches!(fb, FBlock::TryExcept) {
                    self.emit(Op::PopBlock);
                }
            }
            FBlock::For { .. } => {
                if preserve_tos {
                    self.emit(Op::Rot2);
                }
                self.emit(Op::Pop);
            }
            FBlock::TryFinally(body) => {
                self.emit(Op::PopBlock);
                // The finally body runs with the enclosing blocks still active.
                self.stmts(body)?;
            }
            FBlock::FinallyEnd => {
                // Leaving a finally that runs for an exception: drop it.
                self.emit(Op::PopBlock);
                if preserve_tos {
                    self.emit(Op::Rot2);
                }
                self.emit(Op::PopExcept);
            }
            FBlock::With => {
                self.emit(Op::PopBlock);
                if preserve_tos {
                    self.emit(Op::Rot2);
                }
                self.emit(Op::CallExitNone);
            }
            FBlock::AsyncWith => {
                self.emit(Op::PopBlock);
                if preserve_tos {
                    self.emit(Op::Rot2);
                }
                self.emit(Op::CallExitAsync);
                self.await_tos();
                self.emit(Op::Pop);
            }
            FBlock::HandlerCleanup(name) => {
                self.emit(Op::PopBlock);
                if preserve_tos {
                    self.emit(Op::Rot2);
                }
                self.emit(Op::PopExcept);
                if let Some(n) = name {
                    self.load_const(Value::None);
                    self.name_op(n, ExprContext::Store);
                    self.name_op(n, ExprContext::Del);
                }
            }
        }
        Ok(())
    }

    /// Unwinds every block (for `return`).
    pub(super) fn unwind_all(&mut self, preserve_tos: bool) -> R {
        let blocks = std::mem::take(&mut self.unit().fblocks);
        let mut result = Ok(());
        for i in (0..blocks.len()).rev() {
            // A finally body may itself return: it sees only the blocks outside it.
            let outer: Vec<FBlock<'a>> = Vec::new();
            let _ = outer;
            let saved = std::mem::take(&mut self.unit().fblocks);
            self.unit().fblocks = clone_blocks(&blocks[..i]);
            result = self.unwind_one(&blocks[i], preserve_tos);
            self.unit().fblocks = saved;
            if result.is_err() {
                break;
            }
        }
        self.unit().fblocks = blocks;
        result
    }

    pub(super) fn break_continue(&mut self, is_break: bool) -> R {
        let blocks = std::mem::take(&mut self.unit().fblocks);
        let Some(loop_ix) = blocks
            .iter()
            .rposition(|b| matches!(b, FBlock::While { .. } | FBlock::For { .. }))
        else {
            self.unit().fblocks = blocks;
            return Ok(());
        };
        let mut result = Ok(());
        for i in (loop_ix + 1..blocks.len()).rev() {
            self.unit().fblocks = clone_blocks(&blocks[..i]);
            result = self.unwind_one(&blocks[i], false);
            if result.is_err() {
                break;
            }
        }
        self.unit().fblocks = blocks;
        result?;
        let n = self.unit().fblocks.len();
        if is_break {
            if let FBlock::For { .. } = self.unit().fblocks[loop_ix] {
                self.emit(Op::Pop);
            }
            let j = self.emit(Op::Jump(0));
            match &mut self.unit().fblocks[loop_ix] {
                FBlock::While { breaks, .. } | FBlock::For { breaks, .. } => breaks.push(j),
                _ => {}
            }
        } else {
            let head = match &self.unit().fblocks[loop_ix] {
                FBlock::While { head, .. } | FBlock::For { head, .. } => *head,
                _ => 0,
            };
            self.emit(Op::Jump(head as u32));
        }
        let _ = n;
        Ok(())
    }
}

fn clone_blocks<'a>(b: &[FBlock<'a>]) -> Vec<FBlock<'a>> {
    b.iter()
        .map(|f| match f {
            FBlock::While { head, breaks } => FBlock::While {
                head: *head,
                breaks: breaks.clone(),
            },
            FBlock::For { head, breaks } => FBlock::For {
                head: *head,
                breaks: breaks.clone(),
            },
            FBlock::TryFinally(s) => FBlock::TryFinally(s),
            FBlock::TryExcept => FBlock::TryExcept,
            FBlock::FinallyEnd => FBlock::FinallyEnd,
            FBlock::With => FBlock::With,
            FBlock::AsyncWith => FBlock::AsyncWith,
            FBlock::HandlerCleanup(n) => FBlock::HandlerCleanup(n.clone()),
        })
        .collect()
}

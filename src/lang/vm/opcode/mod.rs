//! Instruction families (boa's `vm/opcode/` layout): names, building, calls, exceptions,
//! generators. `eval.rs` handles the hot, simple instructions itself.

mod build;
mod call;
mod exceptions;
mod generator;
mod names;

use super::eval::Flow;
use super::frame::Frame;
use super::Vm;
use crate::lang::compiler::Op;
use crate::lang::value::{PyErr, PyResult};

impl Vm {
    /// The instructions `step` delegates.
    pub(super) fn step_more(&mut self, f: &mut Frame, op: Op) -> PyResult<Flow> {
        match op {
            Op::BuildTuple(_)
            | Op::BuildList(_)
            | Op::BuildSet(_)
            | Op::BuildMap(_)
            | Op::BuildSlice(_)
            | Op::BuildString(_)
            | Op::ListAppend(_)
            | Op::SetAdd(_)
            | Op::MapAdd(_)
            | Op::ListExtend(_)
            | Op::SetUpdate(_)
            | Op::DictUpdate(_)
            | Op::DictMerge(_)
            | Op::ListToTuple
            | Op::UnpackSequence(_)
            | Op::UnpackEx(_)
            | Op::FormatValue(_) => self.op_build(f, op),
            Op::Call(_)
            | Op::CallKw(_)
            | Op::CallEx(_)
            | Op::MakeFunction(_)
            | Op::BuildClass(_) => self.op_call(f, op),
            Op::Raise(_)
            | Op::PushExcInfo
            | Op::PopExcept
            | Op::Reraise
            | Op::PopExceptReraise
            | Op::CheckExcMatch
            | Op::SetupWith(_)
            | Op::CallExitNone
            | Op::CallExitAsync
            | Op::GetAIter
            | Op::GetANext
            | Op::EndAsyncFor
            | Op::StarPrep
            | Op::StarMatch
            | Op::StarCollect
            | Op::StarClauseEnd
            | Op::StarReraise
            | Op::BeforeAsyncWith
            | Op::SetupAsyncWith(_)
            | Op::WithExceptStart
            | Op::LoadAssertionError
            | Op::Unsupported(_) => self.op_exception(f, op),
            Op::YieldValue | Op::GetAwaitable | Op::YieldFrom | Op::ReturnGenerator => {
                self.op_generator(f, op)
            }
            Op::ImportName(_) | Op::ImportFrom(_) | Op::ImportStar => self.op_import(f, op),
            // Op's derived Debug would add 4 KB of wasm for this one message.
            _ => Err(PyErr::runtime_error(format!(
                "internal error: unexpected instruction at offset {} (please report)",
                f.pc
            ))),
        }
    }
}

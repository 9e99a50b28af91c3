//! The dispatch loop's hot path: runs a batch of ops that cannot fail (CPython's
//! specialised `LOAD_FAST`, `BINARY_OP_ADD_INT`, `COMPARE_OP_INT`, `FOR_ITER_RANGE`) without
//! calling `Vm::step`. Semantics are `step`'s exactly; anything unusual falls through to it.

use std::cmp::Ordering;

use super::frame::Frame;
use crate::lang::compiler::Op;
use crate::lang::value::{PyIter, Value};

/// How far one batch may go: instructions before the next `check_limits` or the end of the
/// slice's budget, and range-iterator steps (`Vm::tick_native`) before the next check.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Room {
    pub ops: u64,
    pub ticks: u64,
}

/// What one batch did, for the caller to add to `Vm::steps`/`ticks` and the budget.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Ran {
    pub ops: u64,
    pub ticks: u64,
}

/// A copy of `v`, without the out-of-line `Clone` call for the scalars loops use most.
#[inline(always)]
fn copy_value(v: &Value) -> Value {
    match v {
        Value::Int(x) => Value::Int(*x),
        Value::Bool(b) => Value::Bool(*b),
        Value::None => Value::None,
        _ => v.clone(),
    }
}

/// Whether dropping `v` is a no-op (no `Rc` inside), so it can be forgotten inline.
#[inline(always)]
fn is_scalar(v: &Value) -> bool {
    matches!(
        v,
        Value::Int(_) | Value::Bool(_) | Value::None | Value::Float(_)
    )
}

/// Drops `v`, inline when it holds no `Rc` (the out-of-line `drop_in_place` call costs
/// more than the ops around it).
#[inline(always)]
fn drop_value(v: Value) {
    if is_scalar(&v) {
        std::mem::forget(v);
    } else {
        drop(v);
    }
}

/// Overwrites `slot`, which holds a scalar, with the scalar `v`.
#[inline(always)]
fn set_scalar(slot: &mut Value, v: Value) {
    drop_value(std::mem::replace(slot, v));
}

/// Int + - * for `BinaryOp`/`InplaceOp` (`binop_from`: 0 Add, 1 Sub, 2 Mul); `None` on
/// overflow (big ints are `step`'s) and for other operators.
#[inline(always)]
fn int_binop(n: u8, x: i64, y: i64) -> Option<i64> {
    match n {
        0 => x.checked_add(y),
        1 => x.checked_sub(y),
        2 => x.checked_mul(y),
        _ => None,
    }
}

/// `cmpop_from`: Lt, Le, Eq, Ne, Gt, Ge.
#[inline(always)]
fn int_compare(n: u8, x: i64, y: i64) -> Option<bool> {
    let o = x.cmp(&y);
    Some(match n {
        0 => o == Ordering::Less,
        1 => o != Ordering::Greater,
        2 => o == Ordering::Equal,
        3 => o != Ordering::Equal,
        4 => o == Ordering::Greater,
        5 => o != Ordering::Less,
        _ => return None,
    })
}

/// Truthiness that needs no user code (`Vm::truthy` for None, bool, int).
#[inline(always)]
fn scalar_truth(v: &Value) -> Option<bool> {
    match v {
        Value::Bool(b) => Some(*b),
        Value::Int(i) => Some(*i != 0),
        Value::None => Some(false),
        _ => None,
    }
}

/// An int operand read straight from a local or a constant (`LoadFast`/`LoadConst`), for
/// the fused `x OP y` below; `None` for anything else (the single ops then run).
#[inline(always)]
fn int_operand(op: Op, fast: &[Option<Value>], consts: &[Value]) -> Option<i64> {
    match op {
        Op::LoadFast(i) => match fast.get(i as usize) {
            Some(Some(Value::Int(x))) => Some(*x),
            _ => None,
        },
        Op::LoadConst(i) => match consts.get(i as usize) {
            Some(Value::Int(x)) => Some(*x),
            _ => None,
        },
        _ => None,
    }
}

/// `LoadFast a; LoadFast b | LoadConst c; BinaryOp | InplaceOp | Compare` on two ints that
/// fit (CPython 3.11's `LOAD_FAST__LOAD_FAST` then `BINARY_OP_ADD_INT`): the result and how
/// many ops that was (3), without pushing the operands. `None` if any of it is not so.
#[inline(always)]
fn fused_binop(ops: &[Op], pc: usize, fast: &[Option<Value>], consts: &[Value]) -> Option<Value> {
    let (Some(&a), Some(&b), Some(&o)) = (ops.get(pc), ops.get(pc + 1), ops.get(pc + 2)) else {
        return None;
    };
    let (Op::BinaryOp(n) | Op::InplaceOp(n) | Op::Compare(n)) = o else {
        return None;
    };
    let x = int_operand(a, fast, consts)?;
    let y = int_operand(b, fast, consts)?;
    match o {
        Op::Compare(_) => int_compare(n, x, y).map(Value::Bool),
        _ => int_binop(n, x, y).map(Value::Int),
    }
}

/// Runs instructions of `f` from `f.pc` while each is one of the hot ops and cannot fail:
/// local and constant loads and stores, `Jump`, `+ - *` and comparisons on two ints that
/// fit, conditional jumps on None/bool/int, and `ForIter` over a range iterator. Stops,
/// with `f.pc` at the instruction it did not run, at the first other op or case (an
/// unbound local, an overflow, another type), or when `room` is used up; `Vm::run` then
/// runs that instruction through `step`. Calling `step` (a large function) costs more than
/// these ops themselves (callgrind on `bench/programs/b6_compute.py`, docs/performance.md).
///
/// Common sequences run as one (superinstructions, as CPython 3.11's): `x OP y` on two
/// locals or a local and a constant, then stored to a local or branched on; and `ForIter`
/// then `StoreFast`. Each counts as the ops it stands for, and runs only when all of it
/// can (room included); otherwise its first op runs alone as above.
#[inline(always)]
pub(crate) fn run_hot(f: &mut Frame, room: Room) -> Ran {
    let code = &*f.code;
    let ops = &code.ops[..];
    let consts = &code.consts[..];
    let stack = &mut f.stack;
    let fast: &mut [Option<Value>] = &mut f.fast;
    let mut pc = f.pc;
    let mut ran = Ran::default();
    while ran.ops < room.ops {
        let Some(&op) = ops.get(pc) else { break };
        let avail = room.ops - ran.ops;
        // How many ops this turn ran.
        let n: u64 = match op {
            Op::LoadFast(i) => {
                // `x OP y`, then `StoreFast`/`PopJumpIfFalse`/`PopJumpIfTrue` or pushed.
                if avail >= 3 {
                    if let Some(r) = fused_binop(ops, pc, fast, consts) {
                        match (ops.get(pc + 3), &r) {
                            (Some(&Op::StoreFast(d)), _)
                                if avail >= 4 && (d as usize) < fast.len() =>
                            {
                                if let Some(Some(old)) =
                                    fast.get_mut(d as usize).map(|s| s.replace(r))
                                {
                                    drop_value(old);
                                }
                                pc += 4;
                                ran.ops += 4;
                                continue;
                            }
                            (
                                Some(&(Op::PopJumpIfFalse(t) | Op::PopJumpIfTrue(t))),
                                Value::Bool(truth),
                            ) if avail >= 4 => {
                                let jump_when =
                                    matches!(ops.get(pc + 3), Some(Op::PopJumpIfTrue(_)));
                                pc = if *truth == jump_when {
                                    t as usize
                                } else {
                                    pc + 4
                                };
                                ran.ops += 4;
                                continue;
                            }
                            _ => {
                                stack.push(r);
                                pc += 3;
                                ran.ops += 3;
                                continue;
                            }
                        }
                    }
                }
                match fast.get(i as usize) {
                    Some(Some(v)) => {
                        stack.push(copy_value(v));
                        pc += 1;
                        1
                    }
                    _ => break,
                }
            }
            Op::StoreFast(i) => {
                let Some(slot) = fast.get_mut(i as usize) else {
                    break;
                };
                let Some(v) = stack.pop() else { break };
                if let Some(old) = slot.replace(v) {
                    drop_value(old);
                }
                pc += 1;
                1
            }
            Op::LoadConst(i) => match consts.get(i as usize) {
                Some(v) => {
                    stack.push(copy_value(v));
                    pc += 1;
                    1
                }
                None => break,
            },
            Op::Jump(t) => {
                pc = t as usize;
                1
            }
            Op::BinaryOp(n) | Op::InplaceOp(n) | Op::Compare(n) => {
                let len = stack.len();
                let r = match stack.get(len.wrapping_sub(2)..) {
                    Some([Value::Int(x), Value::Int(y)]) => match op {
                        Op::Compare(_) => int_compare(n, *x, *y).map(Value::Bool),
                        _ => int_binop(n, *x, *y).map(Value::Int),
                    },
                    _ => None,
                };
                let Some(r) = r else { break };
                if let Some(y) = stack.pop() {
                    drop_value(y);
                }
                if let Some(x) = stack.last_mut() {
                    set_scalar(x, r);
                }
                pc += 1;
                1
            }
            Op::PopJumpIfFalse(t) | Op::PopJumpIfTrue(t) => {
                let Some(truth) = stack.last().and_then(scalar_truth) else {
                    break;
                };
                if let Some(v) = stack.pop() {
                    drop_value(v);
                }
                let jump_when = matches!(op, Op::PopJumpIfTrue(_));
                pc = if truth == jump_when {
                    t as usize
                } else {
                    pc + 1
                };
                1
            }
            Op::ForIter(t) => {
                if ran.ticks >= room.ticks {
                    break;
                }
                let item = {
                    let Some(Value::Iter(it)) = stack.last() else {
                        break;
                    };
                    let Ok(mut st) = it.try_borrow_mut() else {
                        break;
                    };
                    let PyIter::Range { next, step, left } = &mut *st else {
                        break;
                    };
                    // = `iter::next` for a range.
                    if *left <= 0 {
                        None
                    } else {
                        let v = *next;
                        *left -= 1;
                        *next = next.wrapping_add(*step);
                        Some(v)
                    }
                };
                // `Vm::next` ticks once per call, exhausted or not.
                ran.ticks += 1;
                match item {
                    // `ForIter; StoreFast`: the item goes straight to the local.
                    Some(v) => match ops.get(pc + 1) {
                        Some(&Op::StoreFast(d)) if avail >= 2 && (d as usize) < fast.len() => {
                            if let Some(Some(old)) =
                                fast.get_mut(d as usize).map(|s| s.replace(Value::Int(v)))
                            {
                                drop_value(old);
                            }
                            pc += 2;
                            2
                        }
                        _ => {
                            stack.push(Value::Int(v));
                            pc += 1;
                            1
                        }
                    },
                    None => {
                        stack.pop();
                        pc = t as usize;
                        1
                    }
                }
            }
            _ => break,
        };
        ran.ops += n;
    }
    f.pc = pc;
    ran
}

#[cfg(test)]
mod tests;

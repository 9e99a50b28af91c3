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

/// Runs instructions of `f` from `f.pc` while each is one of the hot ops and cannot fail:
/// local and constant loads and stores, `Jump`, `+ - *` and comparisons on two ints that
/// fit, conditional jumps on None/bool/int, and `ForIter` over a range iterator. Stops,
/// with `f.pc` at the instruction it did not run, at the first other op or case (an
/// unbound local, an overflow, another type), or when `room` is used up; `Vm::run` then
/// runs that instruction through `step`. Calling `step` (a large function) costs more than
/// these ops themselves (callgrind on `bench/programs/b6_compute.py`, docs/performance.md).
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
        match op {
            Op::LoadFast(i) => match fast.get(i as usize) {
                Some(Some(v)) => {
                    stack.push(copy_value(v));
                    pc += 1;
                }
                _ => break,
            },
            Op::StoreFast(i) => {
                let Some(slot) = fast.get_mut(i as usize) else {
                    break;
                };
                let Some(v) = stack.pop() else { break };
                if let Some(old) = slot.replace(v) {
                    drop_value(old);
                }
                pc += 1;
            }
            Op::LoadConst(i) => match consts.get(i as usize) {
                Some(v) => {
                    stack.push(copy_value(v));
                    pc += 1;
                }
                None => break,
            },
            Op::Jump(t) => pc = t as usize,
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
                    Some(v) => {
                        stack.push(Value::Int(v));
                        pc += 1;
                    }
                    None => {
                        stack.pop();
                        pc = t as usize;
                    }
                }
            }
            _ => break,
        }
        ran.ops += 1;
    }
    f.pc = pc;
    ran
}

#[cfg(test)]
mod tests {
    use std::cell::RefCell;
    use std::rc::Rc;

    use super::*;
    use crate::lang::span::Span;
    use crate::lang::value::PyDict;

    const ANY: Room = Room {
        ops: u64::MAX,
        ticks: u64::MAX,
    };

    /// A frame running `ops` with `consts`, locals `fast`.
    fn frame(ops: Vec<Op>, consts: Vec<Value>, fast: Vec<Option<Value>>) -> Frame {
        let m = crate::lang::parser::parse("x = 1\n").expect("parses");
        let mut code = crate::lang::compiler::compile(&m, "x = 1\n", "t.py").expect("compiles");
        let c = Rc::get_mut(&mut code).expect("a fresh code object");
        c.spans = vec![Span::default(); ops.len()];
        c.anchors = vec![None; ops.len()];
        c.ops = ops;
        c.consts = consts;
        let g = Rc::new(RefCell::new(PyDict::new()));
        let mut f = Frame::new(code, g, None);
        f.fast = fast.into_boxed_slice();
        f
    }

    fn ints(stack: &[Value]) -> Vec<i64> {
        stack
            .iter()
            .map(|v| match v {
                Value::Int(i) => *i,
                Value::Bool(b) => i64::from(*b),
                _ => panic!("not an int"),
            })
            .collect()
    }

    #[test]
    fn loads_and_stores_locals() {
        let mut f = frame(
            vec![Op::LoadFast(0), Op::StoreFast(1), Op::Nop],
            vec![],
            vec![Some(Value::Int(7)), None],
        );
        let ran = run_hot(&mut f, ANY);
        assert_eq!((ran.ops, f.pc), (2, 2), "stops at Nop, which is step's");
        assert!(matches!(f.fast[1], Some(Value::Int(7))));
        assert!(f.stack.is_empty());
    }

    #[test]
    fn leaves_errors_to_step_untouched() {
        // Unbound local, slot out of range, empty stack, missing constant.
        for op in [
            Op::LoadFast(1),
            Op::LoadFast(9),
            Op::StoreFast(0),
            Op::LoadConst(3),
        ] {
            let mut f = frame(vec![op], vec![], vec![Some(Value::Int(1)), None]);
            assert_eq!(run_hot(&mut f, ANY), Ran::default(), "{op:?}");
            assert_eq!(f.pc, 0);
            assert!(f.stack.is_empty());
        }
        let mut f = frame(vec![Op::StoreFast(9)], vec![], vec![None]);
        f.stack.push(Value::Int(1));
        assert_eq!(run_hot(&mut f, ANY).ops, 0);
        assert_eq!(f.stack.len(), 1);
    }

    #[test]
    fn small_int_arithmetic_but_not_overflow_or_other_types() {
        let c = |i| Op::LoadConst(i);
        let mut f = frame(
            vec![
                c(0),
                c(1),
                Op::InplaceOp(0),
                c(2),
                Op::BinaryOp(1),
                c(3),
                Op::BinaryOp(2),
            ],
            vec![Value::Int(5), Value::Int(3), Value::Int(10), Value::Int(4)],
            vec![],
        );
        assert_eq!(run_hot(&mut f, ANY).ops, 7);
        assert_eq!(ints(&f.stack), [-8], "(5 + 3 - 10) * 4");
        for (a, b, op) in [
            (Value::Int(i64::MAX), Value::Int(1), Op::BinaryOp(0)),
            (Value::Int(i64::MIN), Value::Int(1), Op::InplaceOp(1)),
            (Value::Int(i64::MAX), Value::Int(2), Op::BinaryOp(2)),
            (Value::Float(1.0), Value::Int(1), Op::BinaryOp(0)),
            (Value::Int(2), Value::Int(3), Op::BinaryOp(3)),
            (Value::Int(2), Value::Int(3), Op::Compare(6)),
        ] {
            let mut f = frame(vec![op], vec![], vec![]);
            f.stack = vec![a, b];
            assert_eq!(run_hot(&mut f, ANY).ops, 0, "{op:?} is step's");
            assert_eq!(f.stack.len(), 2);
        }
    }

    /// `i = 0; while i < 3: i += 1`, compiled by hand.
    fn while_loop() -> Frame {
        frame(
            vec![
                Op::LoadFast(0),
                Op::LoadConst(0),
                Op::Compare(0),
                Op::PopJumpIfFalse(9),
                Op::LoadFast(0),
                Op::LoadConst(1),
                Op::InplaceOp(0),
                Op::StoreFast(0),
                Op::Jump(0),
                Op::ReturnValue,
            ],
            vec![Value::Int(3), Value::Int(1)],
            vec![Some(Value::Int(0))],
        )
    }

    #[test]
    fn compares_and_jumps_through_a_while_loop() {
        let mut f = while_loop();
        let ran = run_hot(&mut f, ANY);
        assert_eq!((ran.ops, f.pc), (3 * 9 + 4, 9));
        assert!(matches!(f.fast[0], Some(Value::Int(3))));
        assert!(f.stack.is_empty());
    }

    #[test]
    fn stops_when_the_room_is_used_up() {
        let mut f = while_loop();
        let room = Room { ops: 5, ticks: 0 };
        assert_eq!(run_hot(&mut f, room).ops, 5);
        assert_eq!(f.pc, 5);
        assert_eq!(run_hot(&mut f, Room { ops: 0, ticks: 0 }).ops, 0);
        assert_eq!(f.pc, 5);
    }

    #[test]
    fn conditional_jumps_only_on_none_bool_and_int() {
        for (v, jumps) in [
            (Value::None, true),
            (Value::Bool(false), true),
            (Value::Int(0), true),
            (Value::Int(-1), false),
        ] {
            let mut f = frame(vec![Op::PopJumpIfFalse(5)], vec![], vec![]);
            f.stack.push(v);
            assert_eq!(run_hot(&mut f, Room { ops: 1, ticks: 0 }).ops, 1);
            assert_eq!(f.pc, if jumps { 5 } else { 1 });
            assert!(f.stack.is_empty());
        }
        let mut f = frame(vec![Op::PopJumpIfTrue(5)], vec![], vec![]);
        f.stack.push(Value::str(""));
        assert_eq!(run_hot(&mut f, ANY).ops, 0, "a str's truth is step's");
    }

    fn range_iter(n: i64) -> Value {
        Value::Iter(Rc::new(RefCell::new(PyIter::Range {
            next: 0,
            step: 1,
            left: n,
        })))
    }

    #[test]
    fn iterates_a_range_and_counts_each_next_as_a_tick() {
        let body = vec![Op::ForIter(3), Op::StoreFast(0), Op::Jump(0), Op::Nop];
        let mut f = frame(body.clone(), vec![], vec![None]);
        f.stack.push(range_iter(3));
        let ran = run_hot(&mut f, ANY);
        assert_eq!((ran.ops, ran.ticks), (10, 4));
        assert_eq!(f.pc, 3, "the exhausted iterator jumps to the loop's end");
        assert!(f.stack.is_empty());
        assert!(matches!(f.fast[0], Some(Value::Int(2))));

        // No tick left: the next `ForIter` is step's (`tick_native` checks the limits).
        let mut f = frame(body, vec![], vec![None]);
        f.stack.push(range_iter(3));
        let ran = run_hot(
            &mut f,
            Room {
                ops: u64::MAX,
                ticks: 2,
            },
        );
        assert_eq!((ran.ops, ran.ticks, f.pc), (6, 2, 0));
        assert!(matches!(f.fast[0], Some(Value::Int(1))));
    }

    #[test]
    fn other_iterators_are_steps() {
        let mut f = frame(vec![Op::ForIter(3)], vec![], vec![]);
        f.stack
            .push(Value::Iter(Rc::new(RefCell::new(PyIter::Values {
                items: vec![Value::Int(1)],
                pos: 0,
            }))));
        assert_eq!(run_hot(&mut f, ANY).ops, 0);
        assert_eq!(f.stack.len(), 1);
    }
}

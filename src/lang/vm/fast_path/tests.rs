//! Unit tests of the hot path: each op and superinstruction against what `step` would do.

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

/// `c = a OP b` (locals 0, 1 and 2), compiled by hand.
fn assign(op: Op, a: Value, b: Option<Value>) -> Frame {
    frame(
        vec![
            Op::LoadFast(0),
            Op::LoadFast(1),
            op,
            Op::StoreFast(2),
            Op::Nop,
        ],
        vec![],
        vec![Some(a), b, Some(Value::str("old"))],
    )
}

#[test]
fn a_local_op_local_stored_runs_as_one_and_counts_four() {
    let mut f = assign(Op::BinaryOp(1), Value::Int(10), Some(Value::Int(3)));
    let ran = run_hot(&mut f, ANY);
    assert_eq!((ran.ops, f.pc), (4, 4));
    assert!(
        matches!(f.fast[2], Some(Value::Int(7))),
        "the str it held is dropped"
    );
    assert!(f.stack.is_empty());

    let mut f = assign(Op::Compare(0), Value::Int(1), Some(Value::Int(2)));
    run_hot(&mut f, ANY);
    assert!(matches!(f.fast[2], Some(Value::Bool(true))));
}

#[test]
fn a_superinstruction_that_cannot_finish_is_its_single_ops() {
    // Overflow: both loads run, the `+` is step's (it makes a big int).
    let mut f = assign(Op::InplaceOp(0), Value::Int(i64::MAX), Some(Value::Int(1)));
    let ran = run_hot(&mut f, ANY);
    assert_eq!((ran.ops, f.pc), (2, 2));
    assert_eq!(ints(&f.stack), [i64::MAX, 1]);
    assert!(matches!(&f.fast[2], Some(Value::Str(_))));

    // An unbound second operand: the first load runs, the second raises in step.
    let mut f = assign(Op::BinaryOp(0), Value::Int(1), None);
    assert_eq!(run_hot(&mut f, ANY).ops, 1);
    assert_eq!((f.pc, ints(&f.stack)), (1, vec![1]));

    // Another type: the loads run, the operator is step's.
    let mut f = assign(Op::BinaryOp(0), Value::Float(1.0), Some(Value::Int(1)));
    assert_eq!(run_hot(&mut f, ANY).ops, 2);
    assert_eq!(f.stack.len(), 2);
}

#[test]
fn a_superinstruction_fits_in_the_room_left_or_runs_shorter() {
    // Room for 3: the result is pushed and the store is left for the next batch.
    let mut f = assign(Op::BinaryOp(0), Value::Int(2), Some(Value::Int(3)));
    assert_eq!(run_hot(&mut f, Room { ops: 3, ticks: 0 }).ops, 3);
    assert_eq!((f.pc, ints(&f.stack)), (3, vec![5]));
    assert_eq!(run_hot(&mut f, ANY).ops, 1);
    assert!(matches!(f.fast[2], Some(Value::Int(5))));
    // Room for 2: two single loads.
    let mut f = assign(Op::BinaryOp(0), Value::Int(2), Some(Value::Int(3)));
    assert_eq!(run_hot(&mut f, Room { ops: 2, ticks: 0 }).ops, 2);
    assert_eq!((f.pc, ints(&f.stack)), (2, vec![2, 3]));
}

#[test]
fn a_compare_then_a_jump_runs_as_one() {
    for (jump, x, to) in [
        (Op::PopJumpIfTrue(7), 1, 7),
        (Op::PopJumpIfTrue(7), 5, 4),
        (Op::PopJumpIfFalse(7), 5, 7),
    ] {
        let mut f = frame(
            vec![Op::LoadFast(0), Op::LoadConst(0), Op::Compare(0), jump],
            vec![Value::Int(3)],
            vec![Some(Value::Int(x))],
        );
        let ran = run_hot(&mut f, Room { ops: 4, ticks: 0 });
        assert_eq!((ran.ops, f.pc), (4, to), "{x} < 3, {jump:?}");
        assert!(f.stack.is_empty());
    }
    // An int result is pushed; the jump on it runs alone.
    let mut f = frame(
        vec![
            Op::LoadFast(0),
            Op::LoadConst(0),
            Op::BinaryOp(1),
            Op::PopJumpIfFalse(7),
        ],
        vec![Value::Int(3)],
        vec![Some(Value::Int(3))],
    );
    assert_eq!(run_hot(&mut f, ANY).ops, 4);
    assert_eq!((f.pc, f.stack.len()), (7, 0));
}

#[test]
fn for_iter_then_a_store_without_room_for_both_pushes_the_item() {
    let mut f = frame(
        vec![Op::ForIter(3), Op::StoreFast(0), Op::Jump(0)],
        vec![],
        vec![None],
    );
    f.stack.push(range_iter(3));
    let ran = run_hot(&mut f, Room { ops: 1, ticks: 9 });
    assert_eq!((ran.ops, ran.ticks, f.pc), (1, 1, 1));
    assert_eq!(f.stack.len(), 2);
    assert!(f.fast[0].is_none());
}

//! The dispatch loop's fast path: ops that cannot fail, run without calling `Vm::step`.
//! Semantics are `step`'s exactly; anything unusual falls through to it.

use super::frame::Frame;
use crate::lang::compiler::Op;
use crate::lang::value::Value;

/// Runs the hottest ops that cannot fail right in the dispatch loop: local and constant
/// loads and stores, `Jump`, and `+`/`-`/`+=`/`-=` on two ints that fit. Calling `Vm::step`
/// (a large function) costs more than these ops themselves (callgrind on
/// `bench/programs/b6_compute.py`, docs/performance.md). Returns `false`, having changed
/// nothing, for every other op and every case that could fail, which `step` then handles.
#[inline(always)]
pub(crate) fn fast_op(f: &mut Frame, op: Op) -> bool {
    match op {
        Op::LoadFast(i) => match f.fast.get(i as usize) {
            Some(Some(v)) => {
                let v = v.clone();
                f.stack.push(v);
                true
            }
            _ => false,
        },
        Op::StoreFast(i) => match (f.fast.len() > i as usize, f.stack.pop()) {
            (true, Some(v)) => {
                f.fast[i as usize] = Some(v);
                true
            }
            (_, popped) => {
                // Put it back: `step` reports the unbound slot or the underflow.
                if let Some(v) = popped {
                    f.stack.push(v);
                }
                false
            }
        },
        Op::LoadConst(i) => match f.code.consts.get(i as usize) {
            Some(v) => {
                let v = v.clone();
                f.stack.push(v);
                true
            }
            None => false,
        },
        Op::Jump(t) => {
            f.pc = t as usize;
            true
        }
        // `binop_from`: 0 is Add, 1 is Sub; on ints `+=` is `+`.
        Op::BinaryOp(n @ (0 | 1)) | Op::InplaceOp(n @ (0 | 1)) => {
            let len = f.stack.len();
            let sum = match f.stack.get(len.wrapping_sub(2)..) {
                Some([Value::Int(x), Value::Int(y)]) if n == 0 => x.checked_add(*y),
                Some([Value::Int(x), Value::Int(y)]) => x.checked_sub(*y),
                _ => None,
            };
            match sum {
                Some(r) => {
                    f.stack.truncate(len - 1);
                    f.stack[len - 2] = Value::Int(r);
                    true
                }
                None => false,
            }
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use std::cell::RefCell;
    use std::rc::Rc;

    use super::*;
    use crate::lang::value::PyDict;

    fn frame() -> Frame {
        let m = crate::lang::parser::parse("x = 1\n").expect("parses");
        let code = crate::lang::compiler::compile(&m, "x = 1\n", "t.py").expect("compiles");
        let g = Rc::new(RefCell::new(PyDict::new()));
        let mut f = Frame::new(code, g, None);
        f.fast = vec![Some(Value::Int(7)), None];
        f
    }

    #[test]
    fn loads_and_stores_locals() {
        let mut f = frame();
        assert!(fast_op(&mut f, Op::LoadFast(0)));
        assert!(fast_op(&mut f, Op::StoreFast(1)));
        assert!(matches!(f.fast[1], Some(Value::Int(7))));
        assert!(f.stack.is_empty());
    }

    #[test]
    fn leaves_errors_to_step_untouched() {
        let mut f = frame();
        // Unbound local, slot out of range, empty stack: nothing changes.
        assert!(!fast_op(&mut f, Op::LoadFast(1)));
        assert!(!fast_op(&mut f, Op::LoadFast(9)));
        assert!(!fast_op(&mut f, Op::StoreFast(0)));
        f.stack.push(Value::Int(1));
        assert!(!fast_op(&mut f, Op::StoreFast(9)));
        assert_eq!(f.stack.len(), 1);
        assert!(!fast_op(&mut f, Op::BinaryOp(0)));
        assert!(!fast_op(&mut f, Op::LoadConst(u32::MAX)));
        assert!(!fast_op(&mut f, Op::Nop));
    }

    #[test]
    fn small_int_add_and_sub_but_not_overflow_or_other_types() {
        let mut f = frame();
        f.stack = vec![Value::Int(5), Value::Int(3)];
        assert!(fast_op(&mut f, Op::InplaceOp(0)));
        assert!(matches!(f.stack[..], [Value::Int(8)]));
        f.stack.push(Value::Int(10));
        assert!(fast_op(&mut f, Op::BinaryOp(1)));
        assert!(matches!(f.stack[..], [Value::Int(-2)]));
        f.stack = vec![Value::Int(i64::MAX), Value::Int(1)];
        assert!(
            !fast_op(&mut f, Op::BinaryOp(0)),
            "overflow goes to big ints in step"
        );
        f.stack = vec![Value::Float(1.0), Value::Int(1)];
        assert!(!fast_op(&mut f, Op::InplaceOp(0)));
        f.stack = vec![Value::Int(2), Value::Int(3)];
        assert!(!fast_op(&mut f, Op::BinaryOp(2)), "only + and -");
        assert_eq!(f.stack.len(), 2);
    }

    #[test]
    fn jump_sets_the_pc() {
        let mut f = frame();
        assert!(fast_op(&mut f, Op::Jump(3)));
        assert_eq!(f.pc, 3);
    }
}

//! Calls, argument binding, function and class creation (CPython `CALL`,
//! `Python/ceval.c` `initialize_locals`, `MAKE_FUNCTION`, `__build_class__`).

use std::cell::RefCell;
use std::rc::Rc;

use crate::lang::compiler::{Code, Op};
use crate::lang::value::function::Function;
use crate::lang::value::{Args, Class, PyDict, PyErr, PyResult, PyStr, Value};
use crate::lang::vm::eval::{new_generator, stack_underflow, Exec, Flow, Outcome, Resume};
use crate::lang::vm::frame::Frame;
use crate::lang::vm::Vm;

fn plural(n: usize, word: &str) -> String {
    format!("{n} {word}{}", if n == 1 { "" } else { "s" })
}

/// `'a'`, `'a' and 'b'`, `'a', 'b', and 'c'` (CPython `format_missing`).
fn name_list(names: &[String]) -> String {
    let q: Vec<String> = names.iter().map(|n| format!("'{n}'")).collect();
    match q.len() {
        0 => String::new(),
        1 => q[0].clone(),
        2 => format!("{} and {}", q[0], q[1]),
        n => format!("{}, and {}", q[..n - 1].join(", "), q[n - 1]),
    }
}

/// Binds call arguments to a code object's parameters (`initialize_locals`), with
/// CPython's error messages. Returns the initial fast locals.
pub fn bind_args(func: &Function, args: Args) -> PyResult<Vec<Option<Value>>> {
    let code = &func.code;
    let fname = &func.qualname;
    let nargs = code.argcount as usize;
    let nposonly = code.posonlycount as usize;
    let nkwonly = code.kwonlycount as usize;
    let mut fast: Vec<Option<Value>> = vec![None; code.varnames.len()];
    let Args { pos, kw } = args;
    let npos = pos.len();
    // Positional parameters.
    let mut extra = Vec::new();
    for (i, v) in pos.into_iter().enumerate() {
        if i < nargs {
            fast[i] = Some(v);
        } else {
            extra.push(v);
        }
    }
    let mut slot = nargs;
    if code.has_varargs {
        fast[slot] = Some(Value::tuple(extra));
        slot += 1;
    } else if !extra.is_empty() {
        let ndefaults = func.defaults.len();
        let given_kw = kw
            .iter()
            .filter(|(k, _)| {
                code.varnames[nargs..nargs + nkwonly]
                    .iter()
                    .any(|v| **v == *k.as_str())
            })
            .count();
        let takes = if ndefaults > 0 {
            format!(
                "from {} to {} positional arguments",
                nargs - ndefaults,
                nargs
            )
        } else {
            plural(nargs, "positional argument")
        };
        let kw_note = if given_kw > 0 {
            format!(
                " positional argument{} (and {} keyword-only argument{})",
                if npos == 1 { "" } else { "s" },
                given_kw,
                if given_kw == 1 { "" } else { "s" }
            )
        } else {
            String::new()
        };
        let was = if npos == 1 && given_kw == 0 {
            "was"
        } else {
            "were"
        };
        return Err(PyErr::type_error(if given_kw > 0 {
            format!("{fname}() takes {takes} but {npos}{kw_note} were given")
        } else {
            format!("{fname}() takes {takes} but {npos} {was} given")
        }));
    }
    let kwonly_start = slot;
    slot += nkwonly;
    let kwargs_dict = if code.has_varkw {
        Some(Rc::new(RefCell::new(PyDict::new())))
    } else {
        None
    };
    // Keyword arguments.
    let mut posonly_as_kw = Vec::new();
    for (k, v) in kw {
        let name = k.as_str();
        let idx = code.varnames[..kwonly_start + nkwonly]
            .iter()
            .enumerate()
            .position(|(i, n)| **n == *name && i >= nposonly && (i < nargs || i >= kwonly_start));
        match idx {
            Some(i) => {
                if fast[i].is_some() {
                    return Err(PyErr::type_error(format!(
                        "{fname}() got multiple values for argument '{name}'"
                    )));
                }
                fast[i] = Some(v);
            }
            None => match &kwargs_dict {
                Some(d) => d.borrow_mut().set_pystr(k.clone(), v),
                None => {
                    if code.varnames[..nposonly].iter().any(|n| **n == *name) {
                        posonly_as_kw.push(name.to_string());
                        continue;
                    }
                    return Err(PyErr::type_error(format!(
                        "{fname}() got an unexpected keyword argument '{name}'"
                    )));
                }
            },
        }
    }
    if !posonly_as_kw.is_empty() {
        return Err(PyErr::type_error(format!(
            "{fname}() got some positional-only arguments passed as keyword arguments: '{}'",
            posonly_as_kw.join(", ")
        )));
    }
    if let Some(d) = kwargs_dict {
        fast[slot] = Some(Value::Dict(d));
    }
    // Defaults for missing positional parameters.
    let ndefaults = func.defaults.len();
    let first_default = nargs - ndefaults.min(nargs);
    let mut missing = Vec::new();
    for (i, item) in fast.iter_mut().enumerate().take(nargs) {
        if item.is_none() {
            if i >= first_default {
                *item = Some(func.defaults[i - first_default].clone());
            } else {
                missing.push(code.varnames[i].to_string());
            }
        }
    }
    if !missing.is_empty() {
        return Err(PyErr::type_error(format!(
            "{fname}() missing {} required positional argument{}: {}",
            missing.len(),
            if missing.len() == 1 { "" } else { "s" },
            name_list(&missing)
        )));
    }
    let mut missing_kw = Vec::new();
    for (i, slot) in fast.iter_mut().enumerate().skip(kwonly_start).take(nkwonly) {
        if slot.is_none() {
            let name = &code.varnames[i];
            match func.kwdefaults.iter().find(|(k, _)| *k.as_str() == **name) {
                Some((_, v)) => *slot = Some(v.clone()),
                None => missing_kw.push(name.to_string()),
            }
        }
    }
    if !missing_kw.is_empty() {
        return Err(PyErr::type_error(format!(
            "{fname}() missing {} required keyword-only argument{}: {}",
            missing_kw.len(),
            if missing_kw.len() == 1 { "" } else { "s" },
            name_list(&missing_kw)
        )));
    }
    Ok(fast)
}

/// A ready-to-run frame for calling `func` with `args`.
pub(crate) fn frame_for(func: &Rc<Function>, args: Args) -> PyResult<Frame> {
    let fast = bind_args(func, args)?;
    let code = func.code.clone();
    let mut frame = Frame::new(code.clone(), func.globals.clone(), None);
    frame.fast = fast.into_boxed_slice();
    // Parameters that are cells start in their cell.
    for (ci, arg) in code.cell_args.iter().enumerate() {
        if let Some(a) = arg {
            let v = frame.fast.get_mut(*a as usize).and_then(|s| s.take());
            *frame.cells[ci].borrow_mut() = v;
        }
    }
    frame.add_closure(&func.closure);
    Ok(frame)
}

impl Vm {
    /// Calls a Python function from Rust, running it to completion (`_PyFunction_Vectorcall`).
    pub(crate) fn call_python(&mut self, func: &Rc<Function>, args: Args) -> PyResult<Value> {
        let frame = frame_for(func, args)?;
        if func.code.is_generator || func.code.is_coroutine {
            return Ok(new_generator(frame, func.code.is_coroutine));
        }
        self.run_frame(frame)
    }

    /// Runs one frame to its end in a fresh execution stack (nested Rust call).
    pub(crate) fn run_frame(&mut self, frame: Frame) -> PyResult<Value> {
        if self.native_depth >= self.limits.native_depth || self.depth >= self.limits.recursion {
            return Err(PyErr::with_msg(
                "RecursionError",
                "maximum recursion depth exceeded",
            ));
        }
        self.enter_unpausable();
        self.depth += 1;
        let mut ex = Exec {
            frames: vec![frame],
        };
        let r = self.run(&mut ex, Resume::Continue, None);
        self.leave_unpausable();
        // `run` balanced the depth of frames it popped; the bottom one is ours.
        match r? {
            Outcome::Return(v) => Ok(v),
            Outcome::Yield(_) | Outcome::OutOfBudget => Err(PyErr::runtime_error(
                "internal error: a nested call suspended (please report)",
            )),
        }
    }

    /// The plain function `obj.name` would bind (`_PyObject_GetMethod`): found on the
    /// class, not shadowed by the instance dict, and not a descriptor or exception attribute.
    fn method_of(&self, obj: &Value, name: &str) -> Option<Value> {
        let cls = match obj {
            Value::Instance(i) => {
                if i.exc.is_some()
                    || i.class.kind == crate::lang::value::TypeKind::Super
                    || i.dict.borrow().get_str(name).is_some()
                {
                    return None;
                }
                i.class.clone()
            }
            Value::Class(_)
            | Value::Module(_)
            | Value::Function(_)
            | Value::BoundMethod(_)
            | Value::Builtin(_) => return None,
            other => crate::lang::builtins::types::type_of(other),
        };
        match cls.lookup(name)? {
            f @ (Value::Function(_) | Value::Builtin(_)) => Some(f),
            _ => None,
        }
    }

    /// The frame to push for a call from bytecode, or the call's result.
    fn call_from_bytecode(&mut self, func: Value, args: Args) -> PyResult<Flow> {
        let (func, args) = match func {
            Value::BoundMethod(m) if matches!(m.func, Value::Function(_)) => {
                let mut args = args;
                args.pos.insert(0, m.receiver.clone());
                (m.func.clone(), args)
            }
            other => (other, args),
        };
        if let Value::Function(fun) = &func {
            let frame = frame_for(fun, args)?;
            if fun.code.is_generator || fun.code.is_coroutine {
                return Ok(Flow::Push2(new_generator(frame, fun.code.is_coroutine)));
            }
            return Ok(Flow::Push(Box::new(frame)));
        }
        let r = self.call(&func, args)?;
        Ok(Flow::Push2(r))
    }

    pub(crate) fn op_call(&mut self, f: &mut Frame, op: Op) -> PyResult<Flow> {
        if let Some(sp) = f.code.spans.get(f.pc.saturating_sub(1)) {
            self.cur_offset = sp.start;
        }
        // A coroutine's line while it runs is the line of its frame's current call (what a
        // running task's repr shows, CPython's `cr_frame.f_lineno`: the call may be a helper
        // that prints `asyncio.current_task()`, or the `await` of a nested coroutine).
        if let Some(owner) = &f.owner {
            let pc = f.pc.saturating_sub(1) as u32;
            owner
                .line
                .set(crate::lang::value::function::LINE_IS_PC | pc);
        }
        let flow = match op {
            Op::LoadMethod(i) => {
                let obj = f.stack.pop().ok_or_else(stack_underflow)?;
                let name = f
                    .code
                    .names
                    .get(i as usize)
                    .cloned()
                    .ok_or_else(stack_underflow)?;
                match self.method_of(&obj, name.as_str()) {
                    Some(func) => {
                        f.stack.push(func);
                        f.stack.push(obj);
                    }
                    None => {
                        let attr = self.getattr(&obj, name.as_str())?;
                        f.stack.push(attr);
                        f.stack.push(self.null.clone());
                    }
                }
                return Ok(Flow::Next);
            }
            Op::CallMethod(n) => {
                let at = f
                    .stack
                    .len()
                    .checked_sub(n as usize + 2)
                    .ok_or_else(stack_underflow)?;
                let mut rest = f.stack.split_off(at);
                let func = rest.remove(0);
                let receiver = rest.remove(0);
                let pos = if receiver.is(&self.null) {
                    rest
                } else {
                    let mut p = Vec::with_capacity(rest.len() + 1);
                    p.push(receiver);
                    p.extend(rest);
                    p
                };
                self.call_from_bytecode(func, Args::new(pos))?
            }
            Op::Call(n) => {
                let at = f
                    .stack
                    .len()
                    .checked_sub(n as usize)
                    .ok_or_else(stack_underflow)?;
                let pos = f.stack.split_off(at);
                let func = f.stack.pop().ok_or_else(stack_underflow)?;
                self.call_from_bytecode(func, Args::new(pos))?
            }
            Op::CallKw(n) => {
                let names = f.stack.pop().ok_or_else(stack_underflow)?;
                let Value::Tuple(names) = names else {
                    return Err(stack_underflow());
                };
                let at = f
                    .stack
                    .len()
                    .checked_sub(n as usize)
                    .ok_or_else(stack_underflow)?;
                let mut pos = f.stack.split_off(at);
                let func = f.stack.pop().ok_or_else(stack_underflow)?;
                let kwvals = pos.split_off(pos.len() - names.len());
                let kw = names
                    .iter()
                    .zip(kwvals)
                    .map(|(k, v)| {
                        (
                            k.as_pystr()
                                .cloned()
                                .unwrap_or_else(|| Rc::new(PyStr::new(""))),
                            v,
                        )
                    })
                    .collect();
                self.call_from_bytecode(func, Args { pos, kw })?
            }
            Op::CallEx(has_kw) => {
                let kwargs = if has_kw == 1 {
                    Some(f.stack.pop().ok_or_else(stack_underflow)?)
                } else {
                    None
                };
                let pos = f.stack.pop().ok_or_else(stack_underflow)?;
                let func = f.stack.pop().ok_or_else(stack_underflow)?;
                let pos = match pos {
                    Value::Tuple(t) => t.to_vec(),
                    _ => Vec::new(),
                };
                let mut kw = Vec::new();
                if let Some(Value::Dict(d)) = kwargs {
                    for e in d.borrow().iter() {
                        match &e.key {
                            Value::Str(s) => kw.push((s.clone(), e.value.clone())),
                            _ => return Err(PyErr::type_error("keywords must be strings")),
                        }
                    }
                }
                self.call_from_bytecode(func, Args { pos, kw })?
            }
            Op::MakeFunction(i) => {
                let code = f
                    .code
                    .codes
                    .get(i as usize)
                    .cloned()
                    .ok_or_else(stack_underflow)?;
                let kwdefaults = if code.has_kwdefaults {
                    match f.stack.pop().ok_or_else(stack_underflow)? {
                        Value::Dict(d) => d
                            .borrow()
                            .iter()
                            .filter_map(|e| e.key.as_pystr().map(|k| (k.clone(), e.value.clone())))
                            .collect(),
                        _ => Vec::new(),
                    }
                } else {
                    Vec::new()
                };
                let defaults = if code.n_defaults > 0 {
                    match f.stack.pop().ok_or_else(stack_underflow)? {
                        Value::Tuple(t) => t.to_vec(),
                        _ => Vec::new(),
                    }
                } else {
                    Vec::new()
                };
                let closure = code
                    .closure_src
                    .iter()
                    .map(|&j| f.cells.get(j as usize).cloned().unwrap_or_default())
                    .collect();
                let module = match f.globals.borrow().get_str("__name__") {
                    Some(Value::Str(s)) => Rc::from(s.as_str()),
                    _ => Rc::from("__main__"),
                };
                let func = make_function(
                    code,
                    f.globals.clone(),
                    defaults,
                    kwdefaults,
                    closure,
                    module,
                );
                f.stack.push(func);
                Flow::Next
            }
            Op::BuildClass(_) => {
                let bases = f.stack.pop().ok_or_else(stack_underflow)?;
                let name = f.stack.pop().ok_or_else(stack_underflow)?;
                let body = f.stack.pop().ok_or_else(stack_underflow)?;
                Flow::Push2(self.build_class(body, name, bases)?)
            }
            _ => return Err(stack_underflow()),
        };
        Ok(match flow {
            Flow::Push2(v) => {
                f.stack.push(v);
                Flow::Next
            }
            other => other,
        })
    }

    /// `__build_class__`: runs the body in a new namespace, then creates the class.
    fn build_class(&mut self, body: Value, name: Value, bases: Value) -> PyResult<Value> {
        let Value::Function(fun) = body else {
            return Err(stack_underflow());
        };
        let mut base_classes = Vec::new();
        if let Value::Tuple(t) = &bases {
            for b in t.iter() {
                match b {
                    Value::Class(c) => base_classes.push(c.clone()),
                    other => {
                        return Err(PyErr::type_error(format!(
                            "bases must be types, not {}",
                            other.type_name()
                        )))
                    }
                }
            }
        }
        let ns = Rc::new(RefCell::new(PyDict::new()));
        let mut frame = Frame::new(fun.code.clone(), fun.globals.clone(), Some(ns.clone()));
        frame.add_closure(&fun.closure);
        let class_cell = fun
            .code
            .cellvars
            .iter()
            .position(|c| &**c == "__class__")
            .map(|i| frame.cells[i].clone());
        self.run_frame(frame)?;
        let mut dict = ns.borrow().clone();
        let qualname = match dict.del_str("__qualname__") {
            Some(Value::Str(s)) => s.as_str().to_string(),
            _ => fun.qualname.to_string(),
        };
        let module = match dict.get_str("__module__") {
            Some(Value::Str(s)) => s.as_str().to_string(),
            _ => "__main__".into(),
        };
        // Hooks the VM does not call: say so instead of silently ignoring them.
        for (hook, what) in [
            ("__get__", "descriptors (__get__/__set__/__delete__)"),
            ("__set__", "descriptors (__get__/__set__/__delete__)"),
            ("__delete__", "descriptors (__get__/__set__/__delete__)"),
            ("__set_name__", "__set_name__"),
            ("__init_subclass__", "__init_subclass__"),
        ] {
            if dict.get_str(hook).is_some() {
                return Err(PyErr::not_implemented(format!(
                    "{what} in class definitions are not supported in the playground"
                )));
            }
        }
        // A class defining __eq__ without __hash__ is unhashable (`type_new`).
        if dict.get_str("__eq__").is_some() && dict.get_str("__hash__").is_none() {
            dict.set_str("__hash__", Value::None);
        }
        let name = match &name {
            Value::Str(s) => s.as_str().to_string(),
            _ => "?".into(),
        };
        let from_enum = crate::lang::modules::enums::derives_from_enum(&base_classes);
        if let Some(b) = base_classes
            .iter()
            .find(|b| crate::lang::modules::enums::is_enum(b))
        {
            return Err(PyErr::type_error(format!(
                "<enum '{name}'> cannot extend <enum '{}'>",
                b.name
            )));
        }
        let cls = Class::new_user(&name, &qualname, &module, base_classes, dict)?;
        if from_enum {
            crate::lang::modules::enums::create_members(self, &cls)?;
        }
        if let Some(cell) = class_cell {
            *cell.borrow_mut() = Some(Value::Class(cls.clone()));
        }
        Ok(Value::Class(cls))
    }
}

/// A function object for `code` (`PyFunction_New`).
pub(crate) fn make_function(
    code: Rc<Code>,
    globals: Rc<RefCell<PyDict>>,
    defaults: Vec<Value>,
    kwdefaults: Vec<(Rc<PyStr>, Value)>,
    closure: Vec<crate::lang::vm::frame::Cell>,
    module: Rc<str>,
) -> Value {
    let mut dict = PyDict::new();
    if let Some(doc) = code.consts.first() {
        if !doc.is_none() {
            dict.set_str("__doc__", doc.clone());
        }
    }
    Value::Function(Rc::new(Function {
        name: code.name.clone(),
        qualname: code.qualname.clone(),
        code,
        globals,
        defaults,
        kwdefaults,
        closure,
        module,
        dict: RefCell::new(dict),
        serial: crate::lang::value::next_serial(),
    }))
}

//! Subscripts and dict access: `obj[key]`, `obj[key] = v`, `del obj[key]`, slices
//! (CPython `Objects/abstract.c` `PyObject_GetItem`, `sliceobject.c` `PySlice_Unpack`).

use std::cell::RefCell;
use std::rc::Rc;

use super::protocol::user_method;
use super::Vm;
use crate::lang::value::{Args, PyDict, PyErr, PyResult, Value};

/// `start, stop, step` of a slice resolved against a length (`PySlice_AdjustIndices`).
pub struct SliceIdx {
    pub start: i64,
    pub stop: i64,
    pub step: i64,
}

impl SliceIdx {
    /// The selected indices, in order.
    pub fn indices(&self) -> impl Iterator<Item = usize> + '_ {
        let mut i = self.start;
        std::iter::from_fn(move || {
            let more = if self.step > 0 {
                i < self.stop
            } else {
                i > self.stop
            };
            if more {
                let r = i as usize;
                i += self.step;
                Some(r)
            } else {
                None
            }
        })
    }
    pub fn count(&self) -> usize {
        if self.step > 0 {
            if self.stop > self.start {
                ((self.stop - self.start - 1) / self.step + 1) as usize
            } else {
                0
            }
        } else if self.start > self.stop {
            ((self.start - self.stop - 1) / (-self.step) + 1) as usize
        } else {
            0
        }
    }
}

impl Vm {
    fn slice_part(&mut self, v: &Value) -> PyResult<Option<i64>> {
        match v {
            Value::None => Ok(None),
            _ => match crate::lang::value::int::int_of(v) {
                Some(i) => Ok(Some(i.to_i64().unwrap_or(if i.is_negative() {
                    i64::MIN / 2
                } else {
                    i64::MAX / 2
                }))),
                None => {
                    if user_method(v, "__index__").is_some() {
                        return self.index_i64(v).map(Some);
                    }
                    Err(PyErr::type_error(
                        "slice indices must be integers or None or have an __index__ method",
                    ))
                }
            },
        }
    }

    /// Resolves a slice object against `len`.
    pub fn slice_indices(&mut self, s: &[Value; 3], len: usize) -> PyResult<SliceIdx> {
        let len = len as i64;
        let step = self.slice_part(&s[2])?.unwrap_or(1);
        if step == 0 {
            return Err(PyErr::value_error("slice step cannot be zero"));
        }
        let (lo_def, hi_def) = if step < 0 { (len - 1, -1) } else { (0, len) };
        let adj = |x: Option<i64>, def: i64| -> i64 {
            match x {
                None => def,
                Some(mut x) => {
                    if x < 0 {
                        x += len;
                        if x < 0 {
                            x = if step < 0 { -1 } else { 0 };
                        }
                    } else if x >= len {
                        x = if step < 0 { len - 1 } else { len };
                    }
                    x
                }
            }
        };
        let start = adj(self.slice_part(&s[0])?, lo_def);
        let stop = adj(self.slice_part(&s[1])?, hi_def);
        Ok(SliceIdx { start, stop, step })
    }

    fn seq_index(
        &mut self,
        key: &Value,
        len: usize,
        what: &str,
        container: &Value,
    ) -> PyResult<usize> {
        let i = match crate::lang::value::int::int_of(key) {
            Some(i) => i.to_i64().unwrap_or(i64::MAX),
            None if user_method(key, "__index__").is_some() => self.index_i64(key)?,
            None => {
                return Err(PyErr::type_error(format!(
                    "{} indices must be integers or slices, not {}",
                    container.type_name(),
                    key.type_name()
                )))
            }
        };
        let n = len as i64;
        let j = if i < 0 { i + n } else { i };
        if j < 0 || j >= n {
            return Err(PyErr::index_error(format!("{what} index out of range")));
        }
        Ok(j as usize)
    }

    /// `obj[key]`.
    pub fn getitem(&mut self, obj: &Value, key: &Value) -> PyResult<Value> {
        match obj {
            Value::List(l) => {
                if let Value::Slice(s) = key {
                    let items = l.snapshot();
                    let ix = self.slice_indices(s, items.len())?;
                    return Ok(Value::list(
                        ix.indices().map(|i| items[i].clone()).collect(),
                    ));
                }
                let i = self.seq_index(key, l.len(), "list", obj)?;
                l.get(i)
                    .ok_or_else(|| PyErr::index_error("list index out of range"))
            }
            Value::Tuple(t) => {
                if let Value::Slice(s) = key {
                    let ix = self.slice_indices(s, t.len())?;
                    return Ok(Value::tuple(ix.indices().map(|i| t[i].clone()).collect()));
                }
                let i = self.seq_index(key, t.len(), "tuple", obj)?;
                Ok(t[i].clone())
            }
            Value::Str(st) => {
                if let Value::Slice(s) = key {
                    let ix = self.slice_indices(s, st.len())?;
                    if ix.step == 1 {
                        return Ok(Value::str(
                            st.substring(ix.start.max(0) as usize, ix.stop.max(0) as usize),
                        ));
                    }
                    let chars: Vec<char> = st.as_str().chars().collect();
                    return Ok(Value::string(ix.indices().map(|i| chars[i]).collect()));
                }
                let i = self.seq_index(key, st.len(), "string", obj)?;
                Ok(Value::string(
                    st.char_at(i).map(String::from).unwrap_or_default(),
                ))
            }
            Value::Range(r) => {
                if let Value::Slice(s) = key {
                    let ix = self.slice_indices(s, r.len() as usize)?;
                    let start = r.at(ix.start);
                    let step = r.step * ix.step;
                    let n = ix.count() as i64;
                    let stop = start + step * n;
                    return Ok(Value::Range(Rc::new(crate::lang::value::Range::new(
                        start, stop, step,
                    )?)));
                }
                let i = self.seq_index(key, r.len() as usize, "range object", obj)?;
                Ok(Value::Int(r.at(i as i64)))
            }
            Value::Dict(d) => match self.dict_get(d, key)? {
                Some(v) => Ok(v),
                None => Err(PyErr::key_error(key.clone())),
            },
            Value::Instance(_) => match user_method(obj, "__getitem__") {
                Some(f) => {
                    self.enter()?;
                    let r = self.call(&f, Args::new(vec![obj.clone(), key.clone()]));
                    self.leave();
                    r
                }
                None => Err(PyErr::type_error(format!(
                    "'{}' object is not subscriptable",
                    obj.type_name()
                ))),
            },
            // `list[int]` and friends in annotations: generic aliases, kept as the class.
            Value::Class(c) if c.builtin => Ok(obj.clone()),
            Value::Class(c) if crate::lang::modules::enums::is_enum(c) => {
                crate::lang::modules::enums::by_name(self, c, key)
            }
            _ => Err(PyErr::type_error(format!(
                "'{}' object is not subscriptable",
                obj.type_name()
            ))),
        }
    }

    /// `obj[key] = value`.
    pub fn setitem(&mut self, obj: &Value, key: &Value, value: Value) -> PyResult<()> {
        match obj {
            Value::List(l) => {
                if let Value::Slice(s) = key {
                    let new = self.collect(&value)?;
                    let len = l.len();
                    let ix = self.slice_indices(s, len)?;
                    let mut items = l.items.borrow_mut();
                    if ix.step == 1 {
                        let a = ix.start.clamp(0, len as i64) as usize;
                        let b = (ix.stop.max(ix.start)).clamp(0, len as i64) as usize;
                        items.splice(a..b, new);
                        return Ok(());
                    }
                    let targets: Vec<usize> = ix.indices().collect();
                    if targets.len() != new.len() {
                        return Err(PyErr::value_error(format!(
                            "attempt to assign sequence of size {} to extended slice of size {}",
                            new.len(),
                            targets.len()
                        )));
                    }
                    for (t, v) in targets.into_iter().zip(new) {
                        items[t] = v;
                    }
                    return Ok(());
                }
                let i = self.seq_index(key, l.len(), "list assignment", obj)?;
                if let Some(slot) = l.items.borrow_mut().get_mut(i) {
                    *slot = value;
                }
                Ok(())
            }
            Value::Dict(d) => self.dict_set(d, key.clone(), value),
            Value::Instance(_) => match user_method(obj, "__setitem__") {
                Some(f) => {
                    self.call(&f, Args::new(vec![obj.clone(), key.clone(), value]))?;
                    Ok(())
                }
                None => Err(PyErr::type_error(format!(
                    "'{}' object does not support item assignment",
                    obj.type_name()
                ))),
            },
            _ => Err(PyErr::type_error(format!(
                "'{}' object does not support item assignment",
                obj.type_name()
            ))),
        }
    }

    /// `del obj[key]`.
    pub fn delitem(&mut self, obj: &Value, key: &Value) -> PyResult<()> {
        match obj {
            Value::List(l) => {
                if let Value::Slice(s) = key {
                    let ix = self.slice_indices(s, l.len())?;
                    let mut drop: Vec<usize> = ix.indices().collect();
                    crate::sort::sort(&mut drop);
                    let mut items = l.items.borrow_mut();
                    for i in drop.into_iter().rev() {
                        if i < items.len() {
                            items.remove(i);
                        }
                    }
                    return Ok(());
                }
                let i = self.seq_index(key, l.len(), "list assignment", obj)?;
                let mut items = l.items.borrow_mut();
                if i < items.len() {
                    items.remove(i);
                }
                Ok(())
            }
            Value::Dict(d) => match self.dict_del(d, key)? {
                Some(_) => Ok(()),
                None => Err(PyErr::key_error(key.clone())),
            },
            Value::Instance(_) => match user_method(obj, "__delitem__") {
                Some(f) => {
                    self.call(&f, Args::new(vec![obj.clone(), key.clone()]))?;
                    Ok(())
                }
                None => Err(PyErr::type_error(format!(
                    "'{}' object doesn't support item deletion",
                    obj.type_name()
                ))),
            },
            _ => Err(PyErr::type_error(format!(
                "'{}' object doesn't support item deletion",
                obj.type_name()
            ))),
        }
    }

    // ---- dicts keyed by arbitrary values ----

    fn dict_find(
        &mut self,
        d: &Rc<RefCell<PyDict>>,
        key: &Value,
    ) -> PyResult<(i64, Option<usize>)> {
        let h = self
            .hash(key)
            .map_err(|e| unhashable_as(e, key, "a dict key"))?;
        let d = d.clone();
        let b = d
            .try_borrow()
            .map_err(|_| PyErr::runtime_error("dictionary changed size during iteration"))?;
        let found = b.find(h, key, &mut |a, k| self.eq(a, k))?;
        Ok((h, found))
    }

    /// `d.get(key)`.
    pub fn dict_get(&mut self, d: &Rc<RefCell<PyDict>>, key: &Value) -> PyResult<Option<Value>> {
        let (_, found) = self.dict_find(d, key)?;
        Ok(found.and_then(|ix| d.borrow().entry(ix).map(|e| e.value.clone())))
    }

    /// `d[key] = value`.
    pub fn dict_set(&mut self, d: &Rc<RefCell<PyDict>>, key: Value, value: Value) -> PyResult<()> {
        let (h, found) = self.dict_find(d, &key)?;
        let mut b = d
            .try_borrow_mut()
            .map_err(|_| PyErr::runtime_error("dictionary changed size during iteration"))?;
        b.insert_found(h, key, value, found);
        Ok(())
    }

    /// Removes `key`, returning its value if present.
    pub fn dict_del(&mut self, d: &Rc<RefCell<PyDict>>, key: &Value) -> PyResult<Option<Value>> {
        let (_, found) = self.dict_find(d, key)?;
        Ok(match found {
            Some(ix) => d
                .try_borrow_mut()
                .map_err(|_| PyErr::runtime_error("dictionary changed size during iteration"))?
                .remove_found(ix)
                .map(|e| e.value),
            None => None,
        })
    }

    /// A new dict from key/value pairs.
    pub fn new_dict(&mut self, pairs: Vec<(Value, Value)>) -> PyResult<Value> {
        let d = Rc::new(RefCell::new(PyDict::new()));
        for (k, v) in pairs {
            self.dict_set(&d, k, v)?;
        }
        Ok(Value::Dict(d))
    }
}

/// CPython 3.14's wording when an unhashable value is used as a key or set element.
pub(crate) fn unhashable_as(e: PyErr, key: &Value, role: &str) -> PyErr {
    if e.matches("TypeError") {
        let t = key.type_name();
        return PyErr::type_error(format!(
            "cannot use '{t}' as {role} (unhashable type: '{t}')"
        ));
    }
    e
}

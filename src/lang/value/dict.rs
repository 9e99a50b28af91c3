//! `dict`: insertion-ordered entries plus an open-addressing index (CPython's compact dict,
//! `Objects/dictobject.c`). Hand-written rather than `indexmap` because key hashing and
//! equality may run user code that can fail (`__hash__`/`__eq__` raise), which the lookup
//! must propagate as a `PyErr`; the VM supplies those as closures.

use std::rc::Rc;

use super::{PyResult, PyStr, Value};

const EMPTY: u32 = u32::MAX;
const DELETED: u32 = u32::MAX - 1;

/// One stored item: the key's hash, the key, the value.
#[derive(Clone)]
pub struct Entry {
    pub hash: i64,
    pub key: Value,
    pub value: Value,
}

/// An insertion-ordered hash map of Python values. Invariants: `indices.len()` is a power
/// of two (or zero) and more than `entries.len()`; every live entry is reachable from its
/// hash's probe sequence; `len` counts the `Some` entries; `version` changes on every
/// mutation (iterators use it to raise "dictionary changed size during iteration").
#[derive(Clone, Default)]
pub struct PyDict {
    entries: Vec<Option<Entry>>,
    indices: Vec<u32>,
    len: usize,
    pub version: u64,
}

/// The equality used while probing: `Ok(true)` if the stored key equals the probe key.
pub type KeyEq<'a> = dyn FnMut(&Value, &Value) -> PyResult<bool> + 'a;

/// Equality of keys that needs no user code: `Some(answer)`, or `None` if user `__eq__` may
/// be involved.
pub fn simple_eq(a: &Value, b: &Value) -> Option<bool> {
    use Value::*;
    Some(match (a, b) {
        (Str(x), Str(y)) => x.as_str() == y.as_str(),
        (Int(x), Int(y)) => x == y,
        (Bool(x), Bool(y)) => x == y,
        (Int(x), Bool(y)) | (Bool(y), Int(x)) => *x == *y as i64,
        (Float(x), Float(y)) => x == y,
        (Int(x), Float(y)) | (Float(y), Int(x)) => (*x as f64) == *y && (*y as i64) == *x,
        (Bool(x), Float(y)) | (Float(y), Bool(x)) => (*x as i64 as f64) == *y,
        (BigInt(x), BigInt(y)) => x == y,
        (None, None) => true,
        (Tuple(x), Tuple(y)) => {
            if x.len() != y.len() {
                return Some(false);
            }
            for (p, q) in x.iter().zip(y.iter()) {
                if !p.is(q) && !simple_eq(p, q)? {
                    return Some(false);
                }
            }
            true
        }
        (Instance(_), _) | (_, Instance(_)) => return Option::None,
        (BigInt(_), Float(_)) | (Float(_), BigInt(_)) => return Option::None,
        (FrozenSet(_), _) | (_, FrozenSet(_)) => return Option::None,
        _ => {
            if a.is(b) {
                return Some(true);
            }
            // Different scalar types are unequal; containers need a real comparison.
            let scalar = |v: &Value| {
                matches!(
                    v,
                    None | Bool(_) | Int(_) | BigInt(_) | Float(_) | Str(_) | Tuple(_)
                )
            };
            if scalar(a) && scalar(b) {
                false
            } else {
                return Option::None;
            }
        }
    })
}

impl Drop for PyDict {
    fn drop(&mut self) {
        let mut vals = Vec::with_capacity(self.len * 2);
        for e in std::mem::take(&mut self.entries).into_iter().flatten() {
            vals.push(e.key);
            vals.push(e.value);
        }
        super::drop::drop_values(vals);
    }
}

impl PyDict {
    pub fn new() -> PyDict {
        PyDict::default()
    }
    pub fn len(&self) -> usize {
        self.len
    }
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The index of the entry whose key equals `key`, if any.
    pub fn find(&self, hash: i64, key: &Value, eq: &mut KeyEq) -> PyResult<Option<usize>> {
        if self.indices.is_empty() {
            return Ok(None);
        }
        let mask = self.indices.len() - 1;
        let mut i = hash as u64 as usize & mask;
        let mut perturb = hash as u64;
        loop {
            let ix = self.indices[i];
            if ix == EMPTY {
                return Ok(None);
            }
            if ix != DELETED {
                if let Some(e) = &self.entries[ix as usize] {
                    if e.hash == hash && (e.key.is(key) || eq(&e.key, key)?) {
                        return Ok(Some(ix as usize));
                    }
                }
            }
            perturb >>= 5;
            i = (i
                .wrapping_mul(5)
                .wrapping_add(1)
                .wrapping_add(perturb as usize))
                & mask;
        }
    }

    fn slot_for_insert(&self, hash: i64) -> usize {
        let mask = self.indices.len() - 1;
        let mut i = hash as u64 as usize & mask;
        let mut perturb = hash as u64;
        loop {
            let ix = self.indices[i];
            if ix == EMPTY || ix == DELETED {
                return i;
            }
            perturb >>= 5;
            i = (i
                .wrapping_mul(5)
                .wrapping_add(1)
                .wrapping_add(perturb as usize))
                & mask;
        }
    }

    fn rebuild(&mut self) {
        self.entries.retain(|e| e.is_some());
        let mut size = 8;
        while size * 2 <= self.entries.len() * 3 + 1 {
            size *= 2;
        }
        self.indices = vec![EMPTY; size];
        for n in 0..self.entries.len() {
            let h = self.entries[n].as_ref().map(|e| e.hash).unwrap_or(0);
            let slot = self.slot_for_insert(h);
            self.indices[slot] = n as u32;
        }
    }

    /// Stores `key: value`, where `found` is what `find` returned for this key.
    pub fn insert_found(&mut self, hash: i64, key: Value, value: Value, found: Option<usize>) {
        self.version += 1;
        if let Some(ix) = found {
            if let Some(e) = self.entries.get_mut(ix).and_then(|e| e.as_mut()) {
                e.value = value;
                return;
            }
        }
        if (self.entries.len() + 1) * 3 >= self.indices.len() * 2 {
            self.rebuild();
        }
        let slot = self.slot_for_insert(hash);
        self.indices[slot] = self.entries.len() as u32;
        self.entries.push(Some(Entry { hash, key, value }));
        self.len += 1;
    }

    /// Removes the entry at `ix` (from `find`), returning it.
    pub fn remove_found(&mut self, ix: usize) -> Option<Entry> {
        let e = self.entries.get_mut(ix)?.take()?;
        self.version += 1;
        self.len -= 1;
        let mask = self.indices.len() - 1;
        let mut i = e.hash as u64 as usize & mask;
        let mut perturb = e.hash as u64;
        for _ in 0..=self.indices.len() * 2 {
            if self.indices[i] == ix as u32 {
                self.indices[i] = DELETED;
                break;
            }
            perturb >>= 5;
            i = (i
                .wrapping_mul(5)
                .wrapping_add(1)
                .wrapping_add(perturb as usize))
                & mask;
        }
        if self.len == 0 {
            self.entries.clear();
            self.indices.clear();
        }
        Some(e)
    }

    pub fn entry(&self, ix: usize) -> Option<&Entry> {
        self.entries.get(ix).and_then(|e| e.as_ref())
    }

    /// The live entry at or after raw position `pos`, with the next position to look at
    /// (iterators keep a raw position so deletions do not shift them).
    pub fn entry_from(&self, pos: usize) -> Option<(usize, &Entry)> {
        self.entries[pos.min(self.entries.len())..]
            .iter()
            .enumerate()
            .find_map(|(k, e)| e.as_ref().map(|e| (pos + k + 1, e)))
    }

    /// The last live entry (for `popitem`).
    pub fn last_index(&self) -> Option<usize> {
        self.entries.iter().rposition(|e| e.is_some())
    }

    pub fn iter(&self) -> impl DoubleEndedIterator<Item = &Entry> {
        self.entries.iter().filter_map(|e| e.as_ref())
    }
    pub fn keys(&self) -> Vec<Value> {
        self.iter().map(|e| e.key.clone()).collect()
    }
    pub fn values(&self) -> Vec<Value> {
        self.iter().map(|e| e.value.clone()).collect()
    }
    pub fn clear(&mut self) {
        let version = self.version + 1;
        drop(std::mem::take(self));
        self.version = version;
    }

    // Attribute namespaces (modules, classes, instances) only ever hold `str` keys, so
    // they get lookups that need no VM.

    pub fn get_str(&self, name: &str) -> Option<Value> {
        let ix = self.find_str(super::str::str_hash(name), name)?;
        self.entry(ix).map(|e| e.value.clone())
    }

    /// Probes for a `str` key without allocating (attribute and name lookups).
    fn find_str(&self, hash: i64, name: &str) -> Option<usize> {
        if self.indices.is_empty() {
            return None;
        }
        let mask = self.indices.len() - 1;
        let mut i = hash as u64 as usize & mask;
        let mut perturb = hash as u64;
        loop {
            let ix = self.indices[i];
            if ix == EMPTY {
                return None;
            }
            if ix != DELETED {
                if let Some(e) = &self.entries[ix as usize] {
                    if e.hash == hash && matches!(&e.key, Value::Str(k) if k.as_str() == name) {
                        return Some(ix as usize);
                    }
                }
            }
            perturb >>= 5;
            i = (i
                .wrapping_mul(5)
                .wrapping_add(1)
                .wrapping_add(perturb as usize))
                & mask;
        }
    }
    pub fn set_str(&mut self, name: &str, value: Value) {
        self.set_pystr(Rc::new(PyStr::new(name)), value)
    }
    pub fn set_pystr(&mut self, name: Rc<PyStr>, value: Value) {
        let h = name.hash();
        let found = self.find_str(h, name.as_str());
        self.insert_found(h, Value::Str(name), value, found);
    }
    pub fn del_str(&mut self, name: &str) -> Option<Value> {
        let ix = self.find_str(super::str::str_hash(name), name)?;
        self.remove_found(ix).map(|e| e.value)
    }
}

//! `str`: UTF-8 storage indexed by code point, with an ASCII fast path
//! (CPython `Objects/unicodeobject.c`: `unicode_repr`, hashing is ours, see `hash`).

use std::cell::Cell;

/// An immutable Python string. Invariant: `nchars == s.chars().count()`, so
/// `nchars == s.len()` exactly when the string is ASCII and byte offsets are char offsets.
pub struct PyStr {
    s: Box<str>,
    nchars: usize,
    hash: Cell<Option<i64>>,
}

impl PyStr {
    pub fn new(s: &str) -> PyStr {
        Self::from_string(s.to_string())
    }
    pub fn from_string(s: String) -> PyStr {
        let nchars = if s.is_ascii() {
            s.len()
        } else {
            s.chars().count()
        };
        PyStr {
            s: s.into_boxed_str(),
            nchars,
            hash: Cell::new(None),
        }
    }
    pub fn as_str(&self) -> &str {
        &self.s
    }
    /// Length in code points (`len(s)`).
    pub fn len(&self) -> usize {
        self.nchars
    }
    pub fn is_empty(&self) -> bool {
        self.nchars == 0
    }
    pub fn is_ascii(&self) -> bool {
        self.nchars == self.s.len()
    }
    /// Byte offset of code point `i` (`i <= len()`).
    pub fn byte_offset(&self, i: usize) -> usize {
        if self.is_ascii() {
            return i.min(self.s.len());
        }
        self.s
            .char_indices()
            .nth(i)
            .map(|(b, _)| b)
            .unwrap_or(self.s.len())
    }
    /// Code point `i` (`0 <= i < len()`).
    pub fn char_at(&self, i: usize) -> Option<char> {
        if self.is_ascii() {
            return self.s.as_bytes().get(i).map(|&b| b as char);
        }
        self.s.chars().nth(i)
    }
    /// The substring of code points `start..stop` (clamped).
    pub fn substring(&self, start: usize, stop: usize) -> &str {
        let stop = stop.min(self.nchars);
        let start = start.min(stop);
        let a = self.byte_offset(start);
        let b = self.byte_offset(stop);
        &self.s[a..b]
    }
    /// Code point index of byte offset `b` (a char boundary).
    pub fn char_index(&self, b: usize) -> usize {
        if self.is_ascii() {
            b
        } else {
            self.s[..b.min(self.s.len())].chars().count()
        }
    }
    /// `hash(s)`. CPython randomises string hashes per process (SipHash with a random key),
    /// so no program can depend on them; ours is FNV-1a, deterministic across runs.
    /// The empty string hashes to 0 as in CPython.
    pub fn hash(&self) -> i64 {
        if let Some(h) = self.hash.get() {
            return h;
        }
        let h = str_hash(&self.s);
        self.hash.set(Some(h));
        h
    }
}

/// The hash of a `str` with this text (see `PyStr::hash`).
pub fn str_hash(s: &str) -> i64 {
    if s.is_empty() {
        return 0;
    }
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in s.bytes() {
        h ^= b as u64;
        h = h.wrapping_mul(0x100_0000_01b3);
    }
    let h = h as i64;
    if h == -1 {
        -2
    } else {
        h
    }
}

/// Whether `c` is printed as-is by `repr` (`Py_UNICODE_ISPRINTABLE`, approximated for the
/// categories Cc, Cf, Zl, Zp, Zs-other-than-space, surrogates and private use).
pub fn is_printable(c: char) -> bool {
    let u = c as u32;
    !(c.is_control()
        || u == 0xa0
        || u == 0xad
        || (0x2000..=0x200f).contains(&u)
        || (0x2028..=0x202f).contains(&u)
        || (0x205f..=0x206f).contains(&u)
        || u == 0x3000
        || u == 0xfeff
        || (0xe000..=0xf8ff).contains(&u)
        || (0xfff9..=0xfffb).contains(&u)
        || u == 0x1680
        || u == 0x180e
        || u >= 0xf0000)
}

/// `repr(s)`: single quotes unless the string contains `'` and no `"` (`unicode_repr`).
pub fn repr_str(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if (c as u32) < 0x20 || c as u32 == 0x7f => {
                out.push_str(&format!("\\x{:02x}", c as u32))
            }
            c if c.is_ascii() || is_printable(c) => out.push(c),
            c if (c as u32) < 0x100 => out.push_str(&format!("\\x{:02x}", c as u32)),
            c if (c as u32) < 0x10000 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push_str(&format!("\\U{:08x}", c as u32)),
        }
    }
    out.push(quote);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn repr_quotes() {
        assert_eq!(repr_str("abc"), "'abc'");
        assert_eq!(repr_str("it's"), "\"it's\"");
        assert_eq!(repr_str("it's \"x\""), "'it\\'s \"x\"'");
        assert_eq!(repr_str("a\nb\t\\"), "'a\\nb\\t\\\\'");
        assert_eq!(repr_str("\x00\x7f\u{e9}\u{a0}"), "'\\x00\\x7f\u{e9}\\xa0'");
    }
    #[test]
    fn char_indexing() {
        let s = PyStr::new("héllo");
        assert_eq!(s.len(), 5);
        assert_eq!(s.char_at(1), Some('é'));
        assert_eq!(s.substring(1, 3), "él");
        assert_eq!(s.substring(4, 99), "o");
    }
}

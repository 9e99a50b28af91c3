//! Byte spans into the program text, and the line table that turns them into lines, columns
//! and UTF-16 offsets at the edge (follows starlark `starlark_syntax/src/codemap.rs`).

/// A half-open byte range `start..end` into the source text.
///
/// Invariant: `start <= end`, and both lie on UTF-8 character boundaries of the source the
/// span was made from (the lexer only cuts at boundaries). Sources are limited to `u32::MAX`
/// bytes; the parser rejects anything longer.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Span {
    pub start: u32,
    pub end: u32,
}

impl Span {
    /// The span `start..end`; if `end < start` the two are swapped, so the invariant holds.
    pub fn new(start: u32, end: u32) -> Span {
        if end < start {
            Span {
                start: end,
                end: start,
            }
        } else {
            Span { start, end }
        }
    }

    /// An empty span at `pos` (used for "expected X here" at end of file).
    pub fn at(pos: u32) -> Span {
        Span {
            start: pos,
            end: pos,
        }
    }

    /// The smallest span covering both `self` and `other`.
    pub fn to(self, other: Span) -> Span {
        Span {
            start: self.start.min(other.start),
            end: self.end.max(other.end),
        }
    }

    /// Number of bytes covered.
    pub fn len(self) -> u32 {
        self.end - self.start
    }

    pub fn is_empty(self) -> bool {
        self.start == self.end
    }

    /// The span as a `usize` range, for slicing the source it came from.
    pub fn range(self) -> std::ops::Range<usize> {
        self.start as usize..self.end as usize
    }

    /// The span shifted right by `by` bytes (for text parsed out of an f-string).
    pub fn shifted(self, by: u32) -> Span {
        Span {
            start: self.start.saturating_add(by),
            end: self.end.saturating_add(by),
        }
    }
}

/// A position for humans: 1-based line, 0-based column in characters (Unicode scalar values)
/// and in bytes within that line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LineCol {
    /// 1-based line number, as tracebacks print it.
    pub line: u32,
    /// 0-based column counted in characters (what CPython's caret line counts).
    pub column: u32,
    /// 0-based column counted in bytes.
    pub byte_column: u32,
}

/// The start offset of every line of one source text.
///
/// Invariant: `line_starts[0] == 0`, strictly increasing, and each entry after the first is
/// the byte just after a `\n`, `\r\n` or lone `\r` (Python's three line endings).
#[derive(Clone, Debug)]
pub struct LineTable {
    line_starts: Vec<u32>,
    len: u32,
}

impl LineTable {
    /// Builds the table for `source` (offsets past `u32::MAX` are clamped).
    pub fn new(source: &str) -> LineTable {
        let bytes = source.as_bytes();
        let mut line_starts = vec![0u32];
        let mut i = 0;
        while i < bytes.len() {
            match bytes[i] {
                b'\n' => line_starts.push(clamp(i + 1)),
                b'\r' => {
                    if bytes.get(i + 1) == Some(&b'\n') {
                        i += 1;
                    }
                    line_starts.push(clamp(i + 1));
                }
                _ => {}
            }
            i += 1;
        }
        LineTable {
            line_starts,
            len: clamp(bytes.len()),
        }
    }

    /// Number of lines (a trailing newline starts one more, empty, line).
    pub fn line_count(&self) -> u32 {
        self.line_starts.len() as u32
    }

    /// The 1-based line containing byte `offset` (offsets past the end map to the last line).
    pub fn line_of(&self, offset: u32) -> u32 {
        let offset = offset.min(self.len);
        match self.line_starts.binary_search(&offset) {
            Ok(i) => i as u32 + 1,
            Err(i) => i as u32, // i >= 1 because line_starts[0] == 0
        }
    }

    /// Byte range of 1-based `line`, without its line ending. Lines out of range are empty.
    pub fn line_range(&self, source: &str, line: u32) -> std::ops::Range<usize> {
        let idx = (line.max(1) - 1) as usize;
        let Some(&start) = self.line_starts.get(idx) else {
            return source.len()..source.len();
        };
        let start = (start as usize).min(source.len());
        let mut end = match self.line_starts.get(idx + 1) {
            Some(&next) => (next as usize).min(source.len()),
            None => source.len(),
        };
        let bytes = source.as_bytes();
        while end > start && matches!(bytes[end - 1], b'\n' | b'\r') {
            end -= 1;
        }
        start..end
    }

    /// The text of 1-based `line`, without its line ending.
    pub fn line_text<'s>(&self, source: &'s str, line: u32) -> &'s str {
        source.get(self.line_range(source, line)).unwrap_or("")
    }

    /// Line and columns of byte `offset` in `source` (the text this table was built from).
    /// An offset inside a multi-byte character counts as that character's start.
    pub fn line_col(&self, source: &str, offset: u32) -> LineCol {
        let line = self.line_of(offset);
        let start = self.line_starts[(line - 1) as usize] as usize;
        let offset = (offset as usize).clamp(start, source.len().max(start));
        let prefix = prefix_until(source, start, offset);
        LineCol {
            line,
            column: prefix.chars().count() as u32,
            byte_column: (offset - start) as u32,
        }
    }

    /// The UTF-16 code-unit offset of byte `offset` from the start of `source` (CodeMirror's
    /// positions). An offset inside a multi-byte character counts as that character's start.
    pub fn utf16_offset(&self, source: &str, offset: u32) -> u32 {
        let prefix = prefix_until(source, 0, offset as usize);
        prefix.chars().map(|c| c.len_utf16() as u32).sum()
    }
}

/// `source[start..end]`, with `end` moved back to a character boundary (never panics).
fn prefix_until(source: &str, start: usize, end: usize) -> &str {
    let mut end = end.min(source.len());
    while end > 0 && !source.is_char_boundary(end) {
        end -= 1;
    }
    source.get(start.min(end)..end).unwrap_or("")
}

fn clamp(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_and_columns() {
        let src = "ab\ncé d\r\n\rx";
        let t = LineTable::new(src);
        assert_eq!(t.line_count(), 4);
        assert_eq!(
            t.line_col(src, 0),
            LineCol {
                line: 1,
                column: 0,
                byte_column: 0
            }
        );
        assert_eq!(t.line_col(src, 3).line, 2);
        // 'd' is after "cé " = 4 bytes, 3 chars.
        assert_eq!(
            t.line_col(src, 7),
            LineCol {
                line: 2,
                column: 3,
                byte_column: 4
            }
        );
        assert_eq!(t.line_text(src, 2), "cé d");
        assert_eq!(t.line_text(src, 3), "");
        assert_eq!(t.line_text(src, 4), "x");
        assert_eq!(t.line_text(src, 9), "");
        assert_eq!(t.line_col(src, 999).line, 4);
    }

    #[test]
    fn utf16() {
        let src = "a😀b";
        let t = LineTable::new(src);
        assert_eq!(t.utf16_offset(src, 1), 1);
        assert_eq!(t.utf16_offset(src, 5), 3);
        assert_eq!(t.utf16_offset(src, 3), 1); // inside the emoji: its start
    }

    #[test]
    fn span_ops() {
        assert_eq!(Span::new(5, 2), Span { start: 2, end: 5 });
        assert_eq!(Span::new(1, 2).to(Span::new(4, 6)), Span::new(1, 6));
        assert!(Span::at(3).is_empty());
    }
}

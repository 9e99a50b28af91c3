//! Console lines split into text and source references: `File "main.py", line N` in a
//! traceback (or a syntax error report) becomes a link to line N. Text stays text.

/// A piece of a console line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Piece<'a> {
    Text(&'a str),
    /// `File "main.py", line 12`: the text as printed and the 1-based line.
    Line {
        text: &'a str,
        line: u32,
    },
}

/// Splits `text` at each `File "<file>", line N` (only the program's own file: library
/// frames such as `asyncio/tasks.py` are not in the editor).
pub fn pieces<'a>(text: &'a str, file: &str) -> Vec<Piece<'a>> {
    let head = format!("File \"{file}\", line ");
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(at) = rest.find(&head) {
        let after = &rest[at + head.len()..];
        let digits = after.bytes().take_while(u8::is_ascii_digit).count();
        let line = after[..digits].parse::<u32>().ok().filter(|l| *l > 0);
        let end = at + head.len() + digits;
        match line {
            Some(line) => {
                if at > 0 {
                    out.push(Piece::Text(&rest[..at]));
                }
                out.push(Piece::Line {
                    text: &rest[at..end],
                    line,
                });
            }
            None => out.push(Piece::Text(&rest[..end])),
        }
        rest = &rest[end..];
    }
    if !rest.is_empty() {
        out.push(Piece::Text(rest));
    }
    out
}

/// How many of the newest console lines the page draws until asked for all: drawing
/// 20,000 lines of a print loop took a 150 ms layout per frame.
pub const SHOWN_LINES: usize = 1000;

/// Where the newest lines of a console start: chunk `chunk`, byte `offset` in it (just after
/// a newline), with `hidden` lines before it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Tail {
    pub chunk: usize,
    pub offset: usize,
    pub hidden: usize,
}

/// The start of the last `max` lines of the text made of `chunks` (`text` reads a chunk); a
/// final newline ends the last line rather than starting one. All of it when it is shorter.
pub fn tail<T>(chunks: &[T], text: impl Fn(&T) -> &str, max: usize) -> Tail {
    let newlines = |t: &str| t.bytes().filter(|&b| b == b'\n').count();
    let mut seen = 0;
    let mut last = true;
    for (i, c) in chunks.iter().enumerate().rev() {
        let t = text(c);
        let mut end = t.len();
        if last && end > 0 {
            last = false;
            if t.ends_with('\n') {
                end -= 1;
            }
        }
        for (j, _) in t.as_bytes()[..end]
            .iter()
            .enumerate()
            .rev()
            .filter(|(_, &b)| b == b'\n')
        {
            seen += 1;
            if seen == max.max(1) {
                let before: usize = chunks[..i].iter().map(|c| newlines(text(c))).sum();
                let hidden = before + newlines(&t[..=j]);
                // At a chunk's end, the next chunk starts the tail.
                let (chunk, offset) = if j + 1 == t.len() && i + 1 < chunks.len() {
                    (i + 1, 0)
                } else {
                    (i, j + 1)
                };
                return Tail {
                    chunk,
                    offset,
                    hidden,
                };
            }
        }
    }
    Tail {
        chunk: 0,
        offset: 0,
        hidden: 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn traceback_lines_of_the_program_become_links() {
        let tb = "Traceback (most recent call last):\n  File \"main.py\", line 12, in <module>\n    asyncio.run(main())\n  File \"/lib/python314.zip/asyncio/runners.py\", line 204, in run\n  File \"main.py\", line 7, in main\nValueError: bad\n";
        let p = pieces(tb, "main.py");
        let lines: Vec<u32> = p
            .iter()
            .filter_map(|x| match x {
                Piece::Line { line, .. } => Some(*line),
                _ => None,
            })
            .collect();
        assert_eq!(lines, vec![12, 7]);
        assert_eq!(
            p[1],
            Piece::Line {
                text: "File \"main.py\", line 12",
                line: 12
            }
        );
        // Nothing is lost or reordered.
        let joined: String = p
            .iter()
            .map(|x| match x {
                Piece::Text(t) | Piece::Line { text: t, .. } => *t,
            })
            .collect();
        assert_eq!(joined, tb);
    }

    #[test]
    fn odd_text_stays_text() {
        for s in [
            "",
            "File \"main.py\", line ",
            "File \"main.py\", line x",
            "File \"main.py\", line 0",
            "File \"main.py\", line 99999999999999",
            "<b>File \"other.py\", line 3</b>",
        ] {
            let p = pieces(s, "main.py");
            assert!(
                p.iter().all(|x| matches!(x, Piece::Text(_))),
                "{s:?}: {p:?}"
            );
            let joined: String = p
                .iter()
                .map(|x| match x {
                    Piece::Text(t) | Piece::Line { text: t, .. } => *t,
                })
                .collect();
            assert_eq!(joined, s);
        }
    }

    #[test]
    fn the_tail_keeps_the_newest_lines_across_chunks() {
        fn id<'a>(s: &'a &str) -> &'a str {
            s
        }
        let chunks = ["a\nb\n", "c\nd", "e\n"];
        // Lines: a, b, c, de.
        assert_eq!(
            tail(&chunks, id, 10),
            Tail {
                chunk: 0,
                offset: 0,
                hidden: 0
            }
        );
        assert_eq!(
            tail(&chunks, id, 4),
            Tail {
                chunk: 0,
                offset: 0,
                hidden: 0
            }
        );
        assert_eq!(
            tail(&chunks, id, 3),
            Tail {
                chunk: 0,
                offset: 2,
                hidden: 1
            }
        );
        assert_eq!(
            tail(&chunks, id, 2),
            Tail {
                chunk: 1,
                offset: 0,
                hidden: 2
            }
        );
        assert_eq!(
            tail(&chunks, id, 1),
            Tail {
                chunk: 1,
                offset: 2,
                hidden: 3
            }
        );
        let empty: [&str; 0] = [];
        assert_eq!(
            tail(&empty, id, 1),
            Tail {
                chunk: 0,
                offset: 0,
                hidden: 0
            }
        );
        let flood: String = (0..5000).map(|i| format!("line {i}\n")).collect();
        let t = tail(&[flood.as_str()], id, SHOWN_LINES);
        assert_eq!(t.hidden, 5000 - SHOWN_LINES);
        assert!(flood[t.offset..].starts_with("line 4000\n"));
    }
}

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
}

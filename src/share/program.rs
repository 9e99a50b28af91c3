//! A tutorial block's whole program: hidden setup (earlier blocks of a `data-after` chain,
//! then `data-setup`) followed by the block's own code, whose lines ending in `# hide` are
//! hidden too; and the map from the program's lines to the lines the reader sees, used for
//! tracebacks, lints, the task table and the editor's gutter. Pure, tested natively.

use super::options::block_code;

/// A line of a block's code that ends with this comment runs but is not shown.
pub const HIDE_MARKER: &str = "# hide";

/// What runs, and which of its lines the reader does not see.
///
/// Invariant: `hidden` is sorted, without duplicates, and every entry is a 1-based line of
/// `text`.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Program {
    pub text: String,
    pub hidden: Vec<u32>,
}

impl Program {
    /// `setup` pieces (each dedented as an author's block is, then hidden whole) followed by
    /// `code` (already an author's block: see `block_code`), whose `# hide` lines are hidden.
    pub fn compose<S: AsRef<str>>(setup: &[S], code: &str) -> Program {
        let mut text = String::new();
        for piece in setup {
            text.push_str(&block_code(piece.as_ref()));
        }
        let prefix = text.lines().count() as u32;
        let mut hidden: Vec<u32> = (1..=prefix).collect();
        for (i, line) in code.lines().enumerate() {
            if is_marked(line) {
                hidden.push(prefix + i as u32 + 1);
            }
        }
        text.push_str(code);
        Program { text, hidden }
    }

    /// The lines the reader sees, in order (the `code` of the JS API).
    pub fn visible(&self) -> String {
        visible_text(&self.text, &self.hidden)
    }

    /// The line map of this program.
    pub fn lines(&self) -> LineMap {
        LineMap::new(self.hidden.clone())
    }
}

/// A line that ends with the `# hide` comment.
pub fn is_marked(line: &str) -> bool {
    line.trim_end().ends_with(HIDE_MARKER)
}

/// `text` without the (1-based) `hidden` lines.
pub fn visible_text(text: &str, hidden: &[u32]) -> String {
    let mut out = String::with_capacity(text.len());
    for (i, line) in text.split_inclusive('\n').enumerate() {
        if hidden.binary_search(&(i as u32 + 1)).is_err() {
            out.push_str(line);
        }
    }
    out
}

/// Where a line of the program is for the reader.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shown {
    /// The reader's 1-based line number (as the editor's gutter numbers it).
    Visible(u32),
    /// A hidden line (setup, an earlier block, or `# hide`).
    Hidden,
}

/// Maps the program's 1-based lines to the reader's. With no hidden lines it is the identity.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct LineMap {
    /// Sorted 1-based program lines that are hidden.
    hidden: Vec<u32>,
}

impl LineMap {
    pub fn new(mut hidden: Vec<u32>) -> LineMap {
        crate::sort::sort(&mut hidden);
        hidden.dedup();
        LineMap { hidden }
    }

    /// No line is hidden.
    pub fn is_identity(&self) -> bool {
        self.hidden.is_empty()
    }

    /// Where program line `line` (1-based) is for the reader.
    pub fn shown(&self, line: u32) -> Shown {
        match self.hidden.binary_search(&line) {
            Ok(_) => Shown::Hidden,
            Err(before) => Shown::Visible(line.saturating_sub(before as u32)),
        }
    }

    /// A line number in words: `"7"`, or `"hidden"` for a hidden line.
    pub fn label(&self, line: u32) -> String {
        match self.shown(line) {
            Shown::Visible(n) => n.to_string(),
            Shown::Hidden => "hidden".into(),
        }
    }

    /// Rewrites `File "main.py", line N` in a traceback (or a syntax error) to the reader's
    /// line; a frame in hidden code says `hidden setup line N` (N: the program's line).
    /// Other text is left as it is.
    pub fn map_traceback(&self, text: &str) -> String {
        if self.is_identity() {
            return text.to_string();
        }
        const HEAD: &str = "File \"main.py\", line ";
        let mut out = String::with_capacity(text.len() + 16);
        for line in text.split_inclusive('\n') {
            let Some(at) = line.find(HEAD) else {
                out.push_str(line);
                continue;
            };
            let digits_at = at + HEAD.len();
            let rest = line.get(digits_at..).unwrap_or("");
            let len = rest.bytes().take_while(u8::is_ascii_digit).count();
            let Some(n) = rest.get(..len).and_then(|d| d.parse::<u32>().ok()) else {
                out.push_str(line);
                continue;
            };
            out.push_str(line.get(..at).unwrap_or(""));
            match self.shown(n) {
                Shown::Visible(v) => out.push_str(&format!("{HEAD}{v}")),
                Shown::Hidden => out.push_str(&format!("File \"main.py\", hidden setup line {n}")),
            }
            out.push_str(rest.get(len..).unwrap_or(""));
        }
        out
    }
}

/// Why a chain of `data-after` blocks cannot be built.
#[derive(Clone, Debug, PartialEq)]
pub enum ChainError {
    /// `data-after` names an id that no playground block on the page has.
    Missing { block: String, after: String },
    /// The chain comes back to a block already in it (the ids in order, the repeat last).
    Cycle(Vec<String>),
}

impl std::fmt::Display for ChainError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ChainError::Missing { block, after } => write!(
                f,
                "data-after=\"{after}\" on #{block}: no playground block has id=\"{after}\""
            ),
            ChainError::Cycle(ids) => write!(
                f,
                "data-after makes a cycle: {}",
                ids.iter()
                    .map(|i| format!("#{i}"))
                    .collect::<Vec<_>>()
                    .join(" → ")
            ),
        }
    }
}

/// One block of a page as the chain sees it.
pub struct Block<'a> {
    pub id: Option<&'a str>,
    /// The `data-after` id, if any.
    pub after: Option<&'a str>,
    /// The block's own setup pieces (already resolved from `data-setup`).
    pub setup: Vec<String>,
    /// The block's code as written (dedented by `compose`).
    pub code: &'a str,
}

/// The hidden setup pieces of `blocks[index]`: every earlier block of its chain (oldest
/// first, each with its own setup), then its own setup. A missing id or a cycle is an error.
pub fn chain_setup(blocks: &[Block<'_>], index: usize) -> Result<Vec<String>, ChainError> {
    let mut order = vec![index];
    let mut at = index;
    while let Some(after) = blocks.get(at).and_then(|b| b.after) {
        let found = blocks.iter().position(|b| b.id == Some(after));
        let Some(next) = found else {
            return Err(ChainError::Missing {
                block: blocks
                    .get(at)
                    .and_then(|b| b.id)
                    .unwrap_or("(no id)")
                    .into(),
                after: after.into(),
            });
        };
        if order.contains(&next) {
            let mut ids: Vec<String> = order
                .iter()
                .map(|&i| blocks.get(i).and_then(|b| b.id).unwrap_or("?").to_string())
                .collect();
            ids.push(after.to_string());
            return Err(ChainError::Cycle(ids));
        }
        order.push(next);
        at = next;
    }
    let mut pieces = Vec::new();
    for (k, &i) in order.iter().rev().enumerate() {
        let Some(b) = blocks.get(i) else { continue };
        pieces.extend(b.setup.iter().cloned());
        if k + 1 < order.len() {
            pieces.push(b.code.to_string());
        }
    }
    Ok(pieces)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn setup_and_marked_lines_are_hidden_and_run_first() {
        let p = Program::compose(
            &["\n  import asyncio\n  async def fetch(): return 1\n"],
            "x = 1  # hide\nprint(x)\n",
        );
        assert_eq!(
            p.text,
            "import asyncio\nasync def fetch(): return 1\nx = 1  # hide\nprint(x)\n"
        );
        assert_eq!(p.hidden, vec![1, 2, 3]);
        assert_eq!(p.visible(), "print(x)\n");
        let m = p.lines();
        assert_eq!(m.shown(4), Shown::Visible(1));
        assert_eq!(m.shown(2), Shown::Hidden);
        assert_eq!(m.label(3), "hidden");
        assert_eq!(
            Program::compose::<&str>(&[], "a\n").lines().shown(1),
            Shown::Visible(1)
        );
    }

    #[test]
    fn tracebacks_point_at_the_visible_line_or_say_hidden() {
        let m = LineMap::new(vec![1, 2, 5]);
        let tb =
            "Traceback (most recent call last):\n  File \"main.py\", line 7, in <module>\n    \
                  asyncio.run(main())\n  File \"main.py\", line 2, in fetch\nValueError: line 7\n";
        assert_eq!(
            m.map_traceback(tb),
            "Traceback (most recent call last):\n  File \"main.py\", line 4, in <module>\n    \
             asyncio.run(main())\n  File \"main.py\", hidden setup line 2, in fetch\nValueError: line 7\n"
        );
        assert_eq!(
            m.map_traceback("File \"main.py\", line x"),
            "File \"main.py\", line x"
        );
        assert_eq!(LineMap::default().map_traceback(tb), tb);
    }

    fn block<'a>(id: &'a str, after: Option<&'a str>, setup: &[&str], code: &'a str) -> Block<'a> {
        Block {
            id: Some(id),
            after,
            setup: setup.iter().map(|s| s.to_string()).collect(),
            code,
        }
    }

    #[test]
    fn chains_take_earlier_blocks_transitively_and_report_cycles() {
        let blocks = [
            block("a", None, &["s = 0\n"], "def f(): pass\n"),
            block("b", Some("a"), &[], "f()\n"),
            block("c", Some("b"), &["t = 1\n"], "print(t)\n"),
            block("x", Some("y"), &[], ""),
            block("y", Some("x"), &[], ""),
            block("z", Some("nope"), &[], ""),
        ];
        assert_eq!(
            chain_setup(&blocks, 2).unwrap(),
            vec!["s = 0\n", "def f(): pass\n", "f()\n", "t = 1\n"]
        );
        assert_eq!(chain_setup(&blocks, 0).unwrap(), vec!["s = 0\n"]);
        let e = chain_setup(&blocks, 3).unwrap_err();
        assert_eq!(e.to_string(), "data-after makes a cycle: #x → #y → #x");
        let e = chain_setup(&blocks, 5).unwrap_err();
        assert!(e
            .to_string()
            .contains("no playground block has id=\"nope\""));
    }
}

//! "invalid syntax. Did you mean 'import'?": a misspelt keyword (follows CPython 3.14
//! `Lib/traceback.py` `TracebackException._find_keyword_typos`, which uses
//! `Python/suggestions.c` and `difflib.get_close_matches`).
//!
//! CPython takes the program from its first line through the error's line (dedented; not
//! when longer than 1024 characters) and, for its first 10 names that are not keywords,
//! tries up to 3 close keywords in the name's place: the first that makes that text compile,
//! or compile up to its end (incomplete input, as `codeop.compile_command` accepts), is
//! suggested, pointing at the name.

use super::{check, Parser};
use crate::lang::error::{ErrorKind, SyntaxError};
use crate::lang::lexer::{self, TokKind, KEYWORDS};
use crate::lang::span::{LineTable, Span};

/// CPython's `MOVE_COST` and `CASE_COST` (Python/suggestions.c).
const MOVE_COST: usize = 2;
const CASE_COST: usize = 1;

/// A keyword-typo version of `err` (an "invalid syntax" or "forgot a comma" error), if
/// replacing one name by a keyword makes the program up to the error's line compile.
pub(super) fn keyword_typo(src: &str, err: &SyntaxError) -> Option<SyntaxError> {
    if !matches!(err.kind, ErrorKind::InvalidSyntax | ErrorKind::ForgotComma) {
        return None;
    }
    let table = LineTable::new(src);
    let last_line = table.line_of(err.span.start);
    let lines: Vec<&str> = (1..=last_line).map(|l| table.line_text(src, l)).collect();
    // textwrap.dedent: the whitespace prefix common to the non-blank lines.
    let indent = lines
        .iter()
        .filter(|l| !l.trim().is_empty())
        .map(|l| &l[..l.len() - l.trim_start_matches([' ', '\t']).len()])
        .reduce(|a, b| &a[..a.bytes().zip(b.bytes()).take_while(|(x, y)| x == y).count()])
        .unwrap_or("")
        .len();
    let dedented: Vec<&str> = lines
        .iter()
        .map(|l| l.get(indent..).unwrap_or(""))
        .collect();
    let code = dedented.join("\n");
    if code.chars().count() > 1024 {
        return None;
    }
    let code_table = LineTable::new(&code);
    let names = lexer::tokenize(&code)
        .tokens
        .into_iter()
        .filter_map(|t| match t.kind {
            TokKind::Name(n) => Some((n, t.span)),
            _ => None,
        });
    for (name, span) in names.take(10) {
        for keyword in candidates(&name) {
            let mut fixed = String::with_capacity(code.len() + 8);
            fixed.push_str(&code[..span.start as usize]);
            fixed.push_str(keyword);
            fixed.push_str(&code[span.end as usize..]);
            if compiles_or_is_incomplete(&fixed) {
                // Back to the original text: same line, shifted by the dedent.
                let line = code_table.line_of(span.start);
                let line_start = code_table.line_range(&code, line).start as u32;
                let orig_start = table.line_range(src, line).start as u32 + indent as u32;
                let at = Span::new(
                    span.start - line_start + orig_start,
                    span.end - line_start + orig_start,
                );
                return Some(SyntaxError::new(ErrorKind::KeywordTypo(keyword), at));
            }
        }
    }
    None
}

/// The keywords CPython tries for `name`: the closest by its Levenshtein distance, then up to
/// three `difflib.get_close_matches` (cutoff 0.5); at most three in all, `name` skipped.
fn candidates(name: &str) -> Vec<&'static str> {
    let mut out: Vec<&'static str> = Vec::new();
    out.extend(closest_by_distance(name));
    out.extend(close_matches(name));
    out.truncate(3);
    out.retain(|k| *k != name);
    out
}

/// = `_suggestions._generate_suggestions(keyword.kwlist, name)`.
fn closest_by_distance(name: &str) -> Option<&'static str> {
    let name: Vec<char> = name.chars().collect();
    let mut best: Option<(&'static str, usize)> = None;
    for k in KEYWORDS {
        let kc: Vec<char> = k.chars().collect();
        if kc == name {
            continue;
        }
        let mut max = (name.len() + kc.len() + 3) * MOVE_COST / 6;
        if let Some((_, d)) = best {
            max = max.min(d.saturating_sub(1));
        }
        let d = levenshtein(&name, &kc);
        if d <= max && best.is_none_or(|(_, bd)| d < bd) {
            best = Some((k, d));
        }
    }
    best.map(|(k, _)| k)
}

/// Levenshtein distance with CPython's costs: a case change costs 1, anything else 2.
fn levenshtein(a: &[char], b: &[char]) -> usize {
    let pre = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let (a, b) = (&a[pre..], &b[pre..]);
    let suf = a
        .iter()
        .rev()
        .zip(b.iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    let (a, b) = (&a[..a.len() - suf], &b[..b.len() - suf]);
    if a.is_empty() || b.is_empty() {
        return (a.len() + b.len()) * MOVE_COST;
    }
    let mut row: Vec<usize> = (1..=a.len()).map(|i| i * MOVE_COST).collect();
    let mut result = 0;
    for (bi, &bc) in b.iter().enumerate() {
        let mut distance = bi * MOVE_COST;
        result = distance;
        for (ai, &ac) in a.iter().enumerate() {
            let sub_cost = if ac == bc {
                0
            } else if ac.to_lowercase().eq(bc.to_lowercase()) {
                CASE_COST
            } else {
                MOVE_COST
            };
            let substitute = distance + sub_cost;
            distance = row[ai];
            result = (result.min(distance) + MOVE_COST).min(substitute);
            row[ai] = result;
        }
    }
    result
}

/// = `difflib.get_close_matches(name, keyword.kwlist, n=3, cutoff=0.5)`.
fn close_matches(name: &str) -> Vec<&'static str> {
    let word: Vec<char> = name.chars().collect();
    let mut scored: Vec<(f64, &'static str)> = KEYWORDS
        .iter()
        .map(|k| (ratio(&k.chars().collect::<Vec<_>>(), &word), *k))
        .filter(|(r, _)| *r >= 0.5)
        .collect();
    // heapq.nlargest on (ratio, keyword) tuples.
    crate::sort::sort_by(&mut scored, |x, y| {
        y.0.total_cmp(&x.0).then_with(|| y.1.cmp(x.1))
    });
    scored.into_iter().take(3).map(|(_, k)| k).collect()
}

/// `difflib.SequenceMatcher(None, a, b).ratio()` (no junk; strings are short).
fn ratio(a: &[char], b: &[char]) -> f64 {
    if a.is_empty() && b.is_empty() {
        return 1.0;
    }
    let mut matched = 0;
    let mut queue = vec![(0, a.len(), 0, b.len())];
    while let Some((alo, ahi, blo, bhi)) = queue.pop() {
        let (i, j, k) = longest_match(a, b, alo, ahi, blo, bhi);
        if k > 0 {
            matched += k;
            if alo < i && blo < j {
                queue.push((alo, i, blo, j));
            }
            if i + k < ahi && j + k < bhi {
                queue.push((i + k, ahi, j + k, bhi));
            }
        }
    }
    2.0 * matched as f64 / (a.len() + b.len()) as f64
}

/// `SequenceMatcher.find_longest_match` without junk: the first longest common block.
fn longest_match(
    a: &[char],
    b: &[char],
    alo: usize,
    ahi: usize,
    blo: usize,
    bhi: usize,
) -> (usize, usize, usize) {
    let (mut besti, mut bestj, mut bestsize) = (alo, blo, 0);
    let mut prev = vec![0usize; b.len() + 1];
    for (i, ac) in a.iter().enumerate().take(ahi).skip(alo) {
        let mut cur = vec![0usize; b.len() + 1];
        for j in blo..bhi {
            if *ac == b[j] {
                let k = if j > 0 { prev[j - 1] } else { 0 } + 1;
                cur[j] = k;
                if k > bestsize {
                    (besti, bestj, bestsize) = (i + 1 - k, j + 1 - k, k);
                }
            }
        }
        prev = cur;
    }
    (besti, bestj, bestsize)
}

/// Whether `code` compiles (parse and context checks), or fails to parse only because it
/// ends too soon (what `codeop.compile_command` accepts): the parser read to the end.
fn compiles_or_is_incomplete(code: &str) -> bool {
    if check_compiles(code) {
        return true;
    }
    let code = format!("{code}\n");
    let lexed = lexer::tokenize(&code);
    if let Some(e) = &lexed.error {
        return matches!(
            e.kind,
            ErrorKind::UnterminatedTripleString { .. }
                | ErrorKind::UnterminatedTripleFString { .. }
        );
    }
    let mut p = Parser::new(&code, lexed, 0);
    match p.file() {
        Ok(_) => false,
        Err(_) => p.tokens[p.furthest.min(p.tokens.len() - 1)].kind == TokKind::EndOfFile,
    }
}

fn check_compiles(code: &str) -> bool {
    let lexed = lexer::tokenize(code);
    if lexed.error.is_some() {
        return false;
    }
    let mut p = Parser::new(code, lexed, 0);
    match p.file() {
        Ok(m) => check::check_module(&m).is_ok(),
        Err(_) => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distances_and_ratios_as_cpython() {
        let d = |a: &str, b: &str| {
            levenshtein(
                &a.chars().collect::<Vec<_>>(),
                &b.chars().collect::<Vec<_>>(),
            )
        };
        assert_eq!(d("improt", "import"), 4);
        assert_eq!(d("Def", "def"), 1);
        assert_eq!(d("whle", "while"), 2);
        let r = |a: &str, b: &str| {
            ratio(
                &a.chars().collect::<Vec<_>>(),
                &b.chars().collect::<Vec<_>>(),
            )
        };
        assert!((r("import", "improt") - 2.0 * 5.0 / 12.0).abs() < 1e-9);
        assert_eq!(close_matches("improt"), vec!["import"]);
        assert_eq!(candidates("asnyc"), vec!["async", "async", "as"]);
    }
}

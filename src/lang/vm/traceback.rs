//! Printing uncaught exceptions as CPython 3.14 does (`Lib/traceback.py`
//! `TracebackException.format`): chained exceptions first, then frames outermost first with
//! the source line and, when it does not cover the whole line, carets.

use std::rc::Rc;

use super::Vm;
use crate::lang::value::exception::TracebackEntry;
use crate::lang::value::{Instance, PyErr, Value};

impl Vm {
    /// The full text CPython prints to stderr for an uncaught `err`.
    pub fn format_exception(&mut self, err: &PyErr) -> String {
        match err {
            PyErr::Limit(l) => format!("{}\n", self.limit_message(*l)),
            PyErr::Exception(e)
                if e.class
                    .is_subclass(&crate::lang::builtins::types::exception("SystemExit")) =>
            {
                // An uncaught SystemExit ends the program quietly; a message is printed.
                let arg = e
                    .exc
                    .as_ref()
                    .and_then(|x| x.borrow().args.first().cloned());
                match arg {
                    Some(Value::Str(s)) => format!("{}\n", s.as_str()),
                    _ => String::new(),
                }
            }
            PyErr::Exception(e) => {
                let mut seen = Vec::new();
                self.format_chain(e, &mut seen)
            }
            PyErr::Suspend => String::new(),
        }
    }

    /// `TracebackException.format` with its print context (chains, then groups).
    fn format_chain(&mut self, e: &Rc<Instance>, seen: &mut Vec<*const Instance>) -> String {
        let mut ctx = Ctx {
            depth: 0,
            need_close: false,
            out: String::new(),
        };
        self.format_exc(e, seen, &mut ctx);
        ctx.out
    }

    fn format_exc(&mut self, e: &Rc<Instance>, seen: &mut Vec<*const Instance>, ctx: &mut Ctx) {
        // The chain: causes and contexts first, each with the message that links it.
        let mut chain: Vec<(Option<&'static str>, Rc<Instance>)> = vec![(None, e.clone())];
        seen.push(Rc::as_ptr(e));
        let mut cur = e.clone();
        while let Some(exc) = &cur.exc {
            let (cause, context, suppress) = {
                let x = exc.borrow();
                (x.cause.clone(), x.context.clone(), x.suppress_context)
            };
            let next = match (&cause, &context) {
                (Some(Value::Instance(c)), _) => Some((CAUSE_MSG, c.clone())),
                (_, Some(Value::Instance(c))) if !suppress => Some((CONTEXT_MSG, c.clone())),
                _ => None,
            };
            let Some((msg, n)) = next else { break };
            if seen.contains(&Rc::as_ptr(&n)) {
                break;
            }
            seen.push(Rc::as_ptr(&n));
            if let Some(last) = chain.last_mut() {
                last.0 = Some(msg);
            }
            chain.push((None, n.clone()));
            cur = n;
        }
        // Printed oldest first; each link's message comes before the newer exception.
        let n = chain.len();
        for i in (0..n).rev() {
            let exc = chain[i].1.clone();
            self.format_one(&exc, seen, ctx);
            if i > 0 {
                if let Some(msg) = chain[i - 1].0 {
                    ctx.emit(msg, '|');
                }
            }
        }
    }

    fn format_one(&mut self, e: &Rc<Instance>, seen: &mut Vec<*const Instance>, ctx: &mut Ctx) {
        let (tb, group) = match &e.exc {
            Some(x) => {
                let x = x.borrow();
                (x.traceback.clone(), x.group.clone())
            }
            None => (Vec::new(), None),
        };
        let stack: String = tb.iter().rev().map(format_entry).collect();
        let only = self.exception_only(e);
        let Some((_, members)) = group else {
            if !stack.is_empty() {
                ctx.emit("Traceback (most recent call last):\n", '|');
                ctx.emit(&stack, '|');
            }
            ctx.emit(&only, '|');
            return;
        };
        if ctx.depth > 10 {
            ctx.emit("... (max_group_depth is 10)\n", '|');
            return;
        }
        let toplevel = ctx.depth == 0;
        if toplevel {
            ctx.depth += 1;
        }
        if !stack.is_empty() {
            ctx.emit(
                "Exception Group Traceback (most recent call last):\n",
                if toplevel { '+' } else { '|' },
            );
            ctx.emit(&stack, '|');
        }
        ctx.emit(&only, '|');
        let num = members.len();
        let shown = if num <= 15 { num } else { 16 };
        ctx.need_close = false;
        #[allow(clippy::needless_range_loop)] // `i` also titles the section.
        for i in 0..shown {
            let last = i == shown - 1;
            if last {
                ctx.need_close = true;
            }
            let truncated = i >= 15;
            let title = if truncated {
                "...".to_string()
            } else {
                (i + 1).to_string()
            };
            let indent = " ".repeat(2 * ctx.depth);
            ctx.out.push_str(&format!(
                "{indent}{}+---------------- {title} ----------------\n",
                if i == 0 { "+-" } else { "  " }
            ));
            ctx.depth += 1;
            if !truncated {
                if let Value::Instance(m) = &members[i] {
                    let m = m.clone();
                    self.format_exc(&m, seen, ctx);
                }
            } else {
                let remaining = num - 15;
                ctx.emit(
                    &format!(
                        "and {remaining} more exception{}\n",
                        if remaining > 1 { "s" } else { "" }
                    ),
                    '|',
                );
            }
            if last && ctx.need_close {
                let indent = " ".repeat(2 * ctx.depth);
                ctx.out
                    .push_str(&format!("{indent}+------------------------------------\n"));
                ctx.need_close = false;
            }
            ctx.depth -= 1;
        }
        if toplevel {
            ctx.depth = 0;
        }
    }

    /// The exception line plus notes (`format_exception_only`).
    fn exception_only(&mut self, e: &Rc<Instance>) -> String {
        let mut out = self.exception_line(e);
        if let Some(exc) = &e.exc {
            let notes = exc.borrow().notes.clone();
            for n in notes {
                if let Ok(s) = self.to_str(&n) {
                    out.push_str(&s);
                    out.push('\n');
                }
            }
        }
        out
    }

    /// One exception: its traceback and its last line.
    pub fn format_single(&mut self, e: &Rc<Instance>) -> String {
        let mut ctx = Ctx {
            depth: 0,
            need_close: false,
            out: String::new(),
        };
        let mut seen = vec![Rc::as_ptr(e)];
        self.format_one(e, &mut seen, &mut ctx);
        ctx.out
    }

    /// `ValueError: message` (just the name when the message is empty).
    pub fn exception_line(&mut self, e: &Rc<Instance>) -> String {
        let name = match &*e.class.module {
            "builtins" | "__main__" => e.class.qualname.to_string(),
            m => format!("{m}.{}", e.class.qualname),
        };
        let msg = match self.to_str(&Value::Instance(e.clone())) {
            Ok(s) => s,
            Err(_) => "<exception str() failed>".into(),
        };
        if msg.is_empty() {
            format!("{name}\n")
        } else {
            format!("{name}: {msg}\n")
        }
    }
}

const CAUSE_MSG: &str =
    "\nThe above exception was the direct cause of the following exception:\n\n";
const CONTEXT_MSG: &str =
    "\nDuring handling of the above exception, another exception occurred:\n\n";

/// `_ExceptionPrintContext`: the group nesting depth and the margin it draws.
struct Ctx {
    depth: usize,
    need_close: bool,
    out: String,
}

impl Ctx {
    /// Writes `text` with every line indented for the current group depth.
    fn emit(&mut self, text: &str, margin: char) {
        let mut indent = " ".repeat(2 * self.depth);
        if self.depth > 0 {
            indent.push(margin);
            indent.push(' ');
        }
        for line in text.split_inclusive('\n') {
            self.out.push_str(&indent);
            self.out.push_str(line);
        }
    }
}

/// CPython 3.13+ `_should_show_carets`: no carets under a call that is the whole value of
/// `return name(...)` or of `name = call(...)` (the statement on `line`, after its indent;
/// `span` is the failing call's text).
fn call_is_whole_statement(line: &str, span: Option<&str>) -> bool {
    let Some(span) = span else { return false };
    let is_ident = |w: &str| {
        let mut cs = w.chars();
        cs.next().is_some_and(|c| c.is_alphabetic() || c == '_')
            && cs.all(|c| c.is_alphanumeric() || c == '_')
    };
    // What follows the call on the line may only be a comment.
    let value_then_rest = |rhs: &str| -> Option<bool> {
        let rest = rhs.strip_prefix(span)?.trim_start();
        Some(rest.is_empty() || rest.starts_with('#'))
    };
    // `span` is one call: callee text, then `(` ... `)` where that `(` closes last.
    let open = match outer_call_paren(span) {
        Some(i) => i,
        None => return false,
    };
    // `x = await f()` is an `Await`, not a `Call`: carets are shown
    if span
        .strip_prefix("await")
        .is_some_and(|r| r.starts_with([' ', '\t', '(']))
    {
        return false;
    }
    if let Some(rhs) = line.strip_prefix("return ") {
        let callee = span[..open].trim_end();
        return is_ident(callee) && value_then_rest(rhs.trim_start()).unwrap_or(false);
    }
    if let Some((target, rhs)) = line.split_once('=') {
        let rhs_ok = !rhs.starts_with('=') && !target.ends_with(['!', '<', '>', ':']);
        return rhs_ok
            && is_ident(target.trim())
            && value_then_rest(rhs.trim_start()).unwrap_or(false);
    }
    false
}

/// The byte index of the `(` of call expression `text` (the one matching its final `)`),
/// if `text` is a call with a non-empty callee.
fn outer_call_paren(text: &str) -> Option<usize> {
    if !text.ends_with(')') {
        return None;
    }
    let mut depth = 0i32;
    for (i, c) in text.char_indices().rev() {
        match c {
            ')' | ']' | '}' => depth += 1,
            '(' | '[' | '{' => {
                depth -= 1;
                if depth == 0 {
                    return (c == '(' && !text[..i].trim().is_empty()).then_some(i);
                }
            }
            _ => {}
        }
    }
    None
}

/// `  File "main.py", line 3, in f` plus the source line and carets.
fn format_entry(t: &TracebackEntry) -> String {
    if let Some(text) = t.library {
        return text.to_string();
    }
    let mut out = format!(
        "  File \"{}\", line {}, in {}\n",
        t.filename, t.line, t.function
    );
    let Some(src) = &t.source else { return out };
    let text: &str = &src.text;
    let line_text = src.lines.line_text(text, t.line);
    let trimmed = line_text.trim();
    if trimmed.is_empty() {
        return out;
    }
    out.push_str("    ");
    out.push_str(trimmed);
    out.push('\n');
    // Carets, when the span lies on this line and does not cover all of it.
    let range = src.lines.line_range(text, t.line);
    let (s, e) = (t.span.0 as usize, t.span.1 as usize);
    if s < range.start || e > range.end || s >= e {
        return out;
    }
    let indent = line_text.len() - line_text.trim_start().len();
    let line_start = range.start + indent;
    let line_end = range.start + line_text.trim_end().len();
    // CPython 3.13+ (`_should_show_carets`): always with an anchor, else only when the
    // span leaves part of the line uncovered.
    if t.anchor.is_none() && s <= line_start && e >= line_end {
        return out;
    }
    if call_is_whole_statement(text.get(line_start..line_end).unwrap_or(""), text.get(s..e)) {
        return out;
    }
    let col = |b: usize| {
        text.get(line_start..b)
            .map(|x| x.chars().count())
            .unwrap_or(0)
    };
    let mut carets = " ".repeat(col(s));
    match t.anchor {
        Some((a, b)) if a as usize >= s && (b as usize) <= e && a <= b => {
            let (a, b) = (a as usize, b as usize);
            // `~` under the operands, `^` under the operator (or the call's parentheses).
            let op_region = text.get(a..b).unwrap_or("");
            let lead = op_region.len() - op_region.trim_start().len();
            let trail = op_region.len() - op_region.trim_end().len();
            let (op_s, op_e) = if b > a && op_region.trim().is_empty() {
                (a, b)
            } else {
                (a + lead, b - trail)
            };
            let (op_s, op_e) = if b == e { (a, e) } else { (op_s, op_e) };
            let n1 = col(op_s) - col(s);
            let n2 = col(op_e) - col(op_s);
            let n3 = col(e) - col(op_e);
            carets.push_str(&"~".repeat(n1));
            carets.push_str(&"^".repeat(n2.max(1)));
            carets.push_str(&"~".repeat(n3));
        }
        _ => carets.push_str(&"^".repeat((col(e) - col(s)).max(1))),
    }
    out.push_str("    ");
    out.push_str(&carets);
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::call_is_whole_statement as whole;

    #[test]
    fn carets_are_left_out_under_a_call_that_is_the_whole_statement() {
        assert!(whole("return int(text)", Some("int(text)")));
        assert!(whole("y = g()  # comment", Some("g()")));
        assert!(whole("x = a.m(1)", Some("a.m(1)")));
        // `return` of a method call, a call inside a larger value, other targets: carets.
        assert!(!whole("return a.m()", Some("a.m()")));
        assert!(!whole("return f(x) + 1", Some("f(x)")));
        assert!(!whole("x += f()", Some("f()")));
        assert!(!whole("a, b = f()", Some("f()")));
        assert!(!whole("x == f()", Some("f()")));
        assert!(!whole("x = d['k']", Some("d['k']")));
        assert!(!whole("x = (a)", Some("(a)")));
        assert!(!whole("return f(x)(y)", Some("f(x)(y)")));
    }
}

//! Printing uncaught exceptions as CPython 3.14 does (`Lib/traceback.py`
//! `TracebackException.format`): chained exceptions first, then frames outermost first with
//! the source line and, when it does not cover the whole line, carets.

use std::rc::Rc;

use super::Vm;
use crate::lang::value::exception::{Limit, TracebackEntry};
use crate::lang::value::{Instance, PyErr, Value};

impl Vm {
    /// The full text CPython prints to stderr for an uncaught `err`.
    pub fn format_exception(&mut self, err: &PyErr) -> String {
        match err {
            PyErr::Limit(Limit::Stop) => "Stopped.\n".into(),
            PyErr::Limit(Limit::Memory) => {
                "MemoryError: the program used more memory than the playground allows\n".into()
            }
            PyErr::Limit(Limit::Instructions) => {
                "Stopped: the program ran longer than the playground allows\n".into()
            }
            PyErr::Exception(e) => {
                let mut seen = Vec::new();
                self.format_chain(e, &mut seen)
            }
            PyErr::Suspend => String::new(),
        }
    }

    fn format_chain(&mut self, e: &Rc<Instance>, seen: &mut Vec<*const Instance>) -> String {
        seen.push(Rc::as_ptr(e));
        let mut out = String::new();
        if let Some(exc) = &e.exc {
            let (cause, context, suppress) = {
                let x = exc.borrow();
                (x.cause.clone(), x.context.clone(), x.suppress_context)
            };
            if let Some(Value::Instance(c)) = &cause {
                if !seen.contains(&Rc::as_ptr(c)) {
                    out.push_str(&self.format_chain(c, seen));
                    out.push_str("\nThe above exception was the direct cause of the following exception:\n\n");
                }
            } else if let (Some(Value::Instance(c)), false) = (&context, suppress) {
                if !seen.contains(&Rc::as_ptr(c)) {
                    out.push_str(&self.format_chain(c, seen));
                    out.push_str(
                        "\nDuring handling of the above exception, another exception occurred:\n\n",
                    );
                }
            }
        }
        out.push_str(&self.format_single(e));
        out
    }

    /// One exception: its traceback and its last line.
    pub fn format_single(&mut self, e: &Rc<Instance>) -> String {
        let mut out = String::new();
        let tb: Vec<TracebackEntry> = e
            .exc
            .as_ref()
            .map(|x| x.borrow().traceback.clone())
            .unwrap_or_default();
        if !tb.is_empty() {
            out.push_str("Traceback (most recent call last):\n");
            for entry in tb.iter().rev() {
                out.push_str(&format_entry(entry));
            }
        }
        out.push_str(&self.exception_line(e));
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

/// `  File "main.py", line 3, in f` plus the source line and carets.
fn format_entry(t: &TracebackEntry) -> String {
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

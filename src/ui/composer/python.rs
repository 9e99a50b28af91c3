//! Writes a `Composition` as a Python program in the style of the asyncio docs: one
//! coroutine function per task, then `main()` creating, wrapping and awaiting them.

use super::{ComposeError, Composition, Grouping, Outcome, TaskSpec, Wrap, MAX_SECONDS, MAX_TASKS};
use crate::lang::lexer::KEYWORDS;

/// The program for `c`, or what is wrong with it (no tasks, a bad number, too many tasks).
/// Names that are not identifiers become identifiers for the function (`my task` ->
/// `my_task`); duplicates get `_2`, `_3`… The program always ends with a newline.
pub fn generate(c: &Composition) -> Result<String, ComposeError> {
    check(c)?;
    let idents = identifiers(&c.tasks);
    let mut out = String::from("import asyncio\n");
    if c.grouping == Grouping::TaskGroup && c.tasks.iter().any(|t| t.wrap == Wrap::Shield) {
        out.push_str(SHIELDED);
    }
    for (t, ident) in c.tasks.iter().zip(&idents) {
        out.push_str("\n\n");
        task_function(&mut out, t, ident);
    }
    out.push_str("\n\nasync def main():\n");
    match c.grouping {
        Grouping::Sequential => sequential(&mut out, c, &idents),
        Grouping::Gather { return_exceptions } => gather(&mut out, c, &idents, return_exceptions),
        Grouping::TaskGroup => task_group(&mut out, c, &idents),
    }
    out.push_str("\n\nasyncio.run(main())\n");
    Ok(out)
}

/// `shield` around a coroutine inside a TaskGroup: `tg.create_task` wants a coroutine, and
/// `asyncio.shield` returns a future, so a small coroutine awaits it.
const SHIELDED: &str = "

async def shielded(coro):
    # Cancelling this waiter (as a failing TaskGroup does) leaves the shielded work running.
    return await asyncio.shield(coro)
";

fn check(c: &Composition) -> Result<(), ComposeError> {
    let err = |m: String| Err(ComposeError(m));
    if c.tasks.is_empty() {
        return err("Add a task first.".into());
    }
    if c.tasks.len() > MAX_TASKS {
        return err(format!("At most {MAX_TASKS} tasks, please."));
    }
    for (i, t) in c.tasks.iter().enumerate() {
        let who = if t.name.trim().is_empty() {
            format!("Task {}", i + 1)
        } else {
            format!("Task {:?}", t.name.trim())
        };
        if t.name.trim().is_empty() {
            return err(format!("{who} needs a name."));
        }
        if !(t.duration.is_finite() && (0.0..=MAX_SECONDS).contains(&t.duration)) {
            return err(format!(
                "{who}: the duration must be between 0 and {MAX_SECONDS} seconds."
            ));
        }
        if t.outcome == Outcome::Forever && t.duration <= 0.0 {
            return err(format!(
                "{who} runs forever, so it needs a tick above 0 seconds."
            ));
        }
        if let Wrap::WaitFor { timeout } = t.wrap {
            if !(timeout.is_finite() && (0.0..=MAX_SECONDS).contains(&timeout)) {
                return err(format!(
                    "{who}: the timeout must be between 0 and {MAX_SECONDS} seconds."
                ));
            }
        }
    }
    Ok(())
}

/// A Python identifier for each task's coroutine function, unique and not a keyword (nor
/// `main`, `asyncio` or `shielded`, which the program uses).
fn identifiers(tasks: &[TaskSpec]) -> Vec<String> {
    let mut taken: Vec<String> = Vec::new();
    for t in tasks {
        let mut base: String = t
            .name
            .trim()
            .chars()
            .map(|ch| {
                if ch.is_ascii_alphanumeric() || ch == '_' {
                    ch.to_ascii_lowercase()
                } else {
                    '_'
                }
            })
            .collect();
        if base.trim_matches('_').is_empty() {
            base = "task".into();
        }
        if base.starts_with(|ch: char| ch.is_ascii_digit()) {
            base.insert_str(0, "task_");
        }
        if KEYWORDS.contains(&base.as_str())
            || ["main", "asyncio", "shielded", "print", "tg", "results"].contains(&base.as_str())
        {
            base.push('_');
        }
        let mut ident = base.clone();
        let mut n = 2;
        // `x_task` is the variable holding task `x`: neither may name another's function.
        let clash = |ident: &str, x: &String| {
            x == ident || *x == format!("{ident}_task") || ident == format!("{x}_task")
        };
        while taken.iter().any(|x| clash(&ident, x)) {
            ident = format!("{base}_{n}");
            n += 1;
        }
        taken.push(ident);
    }
    taken
}

/// A Python string literal in double quotes (what formatters write).
fn string(s: &str) -> String {
    let mut out = String::from("\"");
    for ch in s.chars() {
        match ch {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            ch if (ch as u32) < 0x20 || ch as u32 == 0x7f => {
                out.push_str(&format!("\\x{:02x}", ch as u32))
            }
            ch => out.push(ch),
        }
    }
    out.push('"');
    out
}

/// A number as Python writes it (`1`, `0.5`, `2.25`).
fn number(x: f64) -> String {
    if x.fract() == 0.0 && x.abs() < 1e15 {
        format!("{}", x as i64)
    } else {
        crate::lang::value::float::repr(x)
    }
}

/// The value to `return`: a literal as written when Python reads it as one, else a string.
fn literal(value: &str) -> String {
    let v = value.trim();
    if v.is_empty() {
        return "None".into();
    }
    if matches!(v, "True" | "False" | "None") {
        return v.into();
    }
    let digits = v.strip_prefix('-').unwrap_or(v);
    let is_int = !digits.is_empty()
        && digits.chars().all(|ch| ch.is_ascii_digit())
        && (digits == "0" || !digits.starts_with('0'));
    let is_float = digits.contains('.')
        && digits.chars().all(|ch| ch.is_ascii_digit() || ch == '.')
        && digits.matches('.').count() == 1
        && digits.chars().any(|ch| ch.is_ascii_digit())
        && v.parse::<f64>().is_ok_and(f64::is_finite);
    if is_int || is_float {
        v.into()
    } else {
        string(v)
    }
}

fn task_function(out: &mut String, t: &TaskSpec, ident: &str) {
    let name = t.name.trim();
    let d = number(t.duration);
    out.push_str(&format!("async def {ident}():\n"));
    out.push_str(&format!(
        "    print({})\n",
        string(&format!("{name}: started"))
    ));
    match &t.outcome {
        Outcome::Return { value } => {
            out.push_str(&format!("    await asyncio.sleep({d})\n"));
            out.push_str(&format!(
                "    print({})\n",
                string(&format!("{name}: finished"))
            ));
            out.push_str(&format!("    return {}\n", literal(value)));
        }
        Outcome::Raise { kind, message } => {
            out.push_str(&format!("    await asyncio.sleep({d})\n"));
            out.push_str(&format!("    raise {}({})\n", kind.name(), string(message)));
        }
        Outcome::Forever => {
            out.push_str("    while True:  # runs until it is cancelled\n");
            out.push_str(&format!("        await asyncio.sleep({d})\n"));
            out.push_str(&format!(
                "        print({})\n",
                string(&format!("{name}: tick"))
            ));
        }
    }
}

/// `asyncio.create_task(fetch(), name="fetch")`.
fn create(ident: &str, t: &TaskSpec) -> String {
    format!(
        "asyncio.create_task({ident}(), name={})",
        string(t.name.trim())
    )
}

/// The task variable wrapped as the block says (`asyncio.wait_for(fetch_task, timeout=1)`).
fn wrapped(var: &str, wrap: Wrap) -> String {
    match wrap {
        Wrap::Plain => var.into(),
        Wrap::WaitFor { timeout } => {
            format!("asyncio.wait_for({var}, timeout={})", number(timeout))
        }
        Wrap::Shield => format!("asyncio.shield({var})"),
    }
}

fn create_all(out: &mut String, c: &Composition, idents: &[String]) {
    for (t, ident) in c.tasks.iter().zip(idents) {
        out.push_str(&format!("    {ident}_task = {}\n", create(ident, t)));
    }
}

fn sequential(out: &mut String, c: &Composition, idents: &[String]) {
    create_all(out, c, idents);
    out.push_str(
        "    # Each task already runs; awaiting them in turn only collects the results.\n",
    );
    for (t, ident) in c.tasks.iter().zip(idents) {
        let aw = wrapped(&format!("{ident}_task"), t.wrap);
        out.push_str(&format!(
            "    print({}, await {aw})\n",
            string(&format!("{} ->", t.name.trim()))
        ));
    }
}

fn gather(out: &mut String, c: &Composition, idents: &[String], return_exceptions: bool) {
    create_all(out, c, idents);
    if return_exceptions {
        out.push_str(
            "    # return_exceptions=True: failures come back as values, nothing is cancelled.\n",
        );
    } else {
        out.push_str("    # The first exception propagates here; the other tasks keep running.\n");
    }
    out.push_str("    results = await asyncio.gather(\n");
    for (t, ident) in c.tasks.iter().zip(idents) {
        out.push_str(&format!(
            "        {},\n",
            wrapped(&format!("{ident}_task"), t.wrap)
        ));
    }
    if return_exceptions {
        out.push_str("        return_exceptions=True,\n");
    }
    out.push_str("    )\n    print(results)\n");
}

fn task_group(out: &mut String, c: &Composition, idents: &[String]) {
    out.push_str(
        "    # A failing child cancels its siblings; the group raises an ExceptionGroup.\n",
    );
    out.push_str("    async with asyncio.TaskGroup() as tg:\n");
    for (t, ident) in c.tasks.iter().zip(idents) {
        let coro = match t.wrap {
            Wrap::Plain => format!("{ident}()"),
            Wrap::WaitFor { timeout } => {
                format!("asyncio.wait_for({ident}(), timeout={})", number(timeout))
            }
            Wrap::Shield => format!("shielded({ident}())"),
        };
        out.push_str(&format!(
            "        {ident}_task = tg.create_task({coro}, name={})\n",
            string(t.name.trim())
        ));
    }
    for (t, ident) in c.tasks.iter().zip(idents) {
        out.push_str(&format!(
            "    print({}, {ident}_task.result())\n",
            string(&format!("{} ->", t.name.trim()))
        ));
    }
}

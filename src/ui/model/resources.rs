//! Resources in the user's words: a Lock, Event, Semaphore, Condition or Queue named by the
//! variable the program assigned it to (`q = asyncio.Queue()` is "Queue q"), for the
//! Resources panel and the deadlock diagnosis.

use crate::lang::span::LineTable;
use crate::runtime::{FutureView, ResourceView, Span, TaskId};

use super::words::Lookup;

/// The variable a resource was assigned to where it was created: `q` for
/// `q = asyncio.Queue()`, `self.lock` for `self.lock = asyncio.Lock()`, `done` for
/// `done: asyncio.Event = asyncio.Event()`. `None` when the constructor's result went
/// anywhere else (an argument, a list, a tuple target).
pub fn variable_name(source: &str, lines: &LineTable, at: Span) -> Option<String> {
    let line = lines.line_of(at.0);
    let range = lines.line_range(source, line);
    let text = source.get(range.clone())?;
    let eq = text.find('=')?;
    let col = (at.0 as usize).checked_sub(range.start)?;
    // The constructor call is the whole right-hand side (not inside a list or a call).
    if col <= eq || !text.get(eq + 1..col)?.trim().is_empty() {
        return None;
    }
    let target = text[..eq].split(':').next()?.trim();
    let ident = |p: &str| {
        let mut cs = p.chars();
        cs.next().is_some_and(|c| c.is_alphabetic() || c == '_')
            && cs.all(|c| c.is_alphanumeric() || c == '_')
    };
    (!target.is_empty() && target.split('.').all(ident)).then(|| target.to_string())
}

/// "Queue q", or "Queue #3" when no variable name is known.
pub fn label(kind: &str, id: u32, name: Option<&str>) -> String {
    match name {
        Some(n) => format!("{kind} {n}"),
        None => format!("{kind} #{id}"),
    }
}

/// One row of the Resources panel, in words.
#[derive(Clone, Debug, PartialEq)]
pub struct ResourceRow {
    pub id: u32,
    pub label: String,
    pub kind: &'static str,
    /// "locked by Task-2", "set", "value 0", "2 items, full"...
    pub state: String,
    pub holder: Option<TaskId>,
    /// Waiting tasks in FIFO order, with their names.
    pub waiters: Vec<(TaskId, String)>,
}

/// Is resource `i` a part the runtime made for the next one (a Queue's `_finished` Event,
/// a Condition's own Lock, a Barrier's Condition)? Such a part is created by the same
/// constructor call, just before its owner, so it shares the owner's creation place.
fn is_part(views: &[ResourceView], i: usize) -> bool {
    match (views.get(i), views.get(i + 1)) {
        (Some(v), Some(owner)) => {
            v.created_at.is_some()
                && v.created_at == owner.created_at
                && matches!(
                    owner.kind,
                    "Queue" | "LifoQueue" | "PriorityQueue" | "Condition" | "Barrier"
                )
        }
        _ => false,
    }
}

/// The Resources panel's rows: every resource the program made (not the runtime's inner
/// parts) with its name (when the source says it), its state and who waits on it.
pub fn rows(
    views: &[ResourceView],
    source: &str,
    lines: &LineTable,
    lk: &Lookup,
) -> Vec<ResourceRow> {
    views
        .iter()
        .enumerate()
        .filter(|(i, _)| !is_part(views, *i))
        .map(|(_, v)| {
            let name = v.created_at.and_then(|at| variable_name(source, lines, at));
            let state = match v.kind {
                "Lock" | "Condition" if v.busy => match v.holder {
                    Some(t) => format!("locked by {}", lk.name(t)),
                    None => "locked".into(),
                },
                "Lock" | "Condition" => "unlocked".into(),
                "Event" if v.busy => "set".into(),
                "Event" => "not set".into(),
                "Semaphore" | "BoundedSemaphore" => format!("value {}", v.value),
                "Barrier" if v.busy => "broken".into(),
                "Barrier" => format!("{} waiting", v.value),
                _ => {
                    let items = if v.value == 1 { "item" } else { "items" };
                    let full = if v.busy { ", full" } else { "" };
                    format!("{} {items}{full}", v.value)
                }
            };
            ResourceRow {
                id: v.id.0,
                label: label(v.kind, v.id.0, name.as_deref()),
                kind: v.kind,
                state,
                holder: v.holder.filter(|_| v.busy),
                waiters: v.waiters.iter().map(|&t| (t, lk.name(t))).collect(),
            }
        })
        .collect()
}

/// Rows for the program's pending futures ("Future fut", pending, who awaits it).
pub fn future_rows(
    futures: &[FutureView],
    source: &str,
    lines: &LineTable,
    lk: &Lookup,
) -> Vec<ResourceRow> {
    futures
        .iter()
        .enumerate()
        .map(|(i, f)| {
            let name = f.created_at.and_then(|at| variable_name(source, lines, at));
            ResourceRow {
                id: i as u32,
                label: match name {
                    Some(n) => format!("Future {n}"),
                    None => "a Future".into(),
                },
                kind: "Future",
                state: "pending".into(),
                holder: None,
                waiters: f.waiters.iter().map(|&t| (t, lk.name(t))).collect(),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn name_at(src: &str, needle: &str) -> Option<String> {
        let at = src.find(needle).map(|i| Span(i as u32))?;
        variable_name(src, &LineTable::new(src), at)
    }

    #[test]
    fn assignments_name_their_resource() {
        assert_eq!(
            name_at("q = asyncio.Queue()\n", "asyncio.Queue"),
            Some("q".into())
        );
        let src = "class W:\n    def __init__(self):\n        self.lock = asyncio.Lock()\n";
        assert_eq!(name_at(src, "asyncio.Lock"), Some("self.lock".into()));
        let src = "done: asyncio.Event = asyncio.Event()\n";
        assert_eq!(name_at(src, "asyncio.Event()"), Some("done".into()));
    }

    #[test]
    fn other_uses_have_no_name() {
        assert_eq!(name_at("use(asyncio.Lock())\n", "asyncio.Lock"), None);
        assert_eq!(name_at("f(x=asyncio.Lock())\n", "asyncio.Lock"), None);
        assert_eq!(name_at("a, b = asyncio.Lock(), 1\n", "asyncio.Lock"), None);
        assert_eq!(
            name_at("if x == asyncio.Lock(): pass\n", "asyncio.Lock"),
            None
        );
        assert_eq!(name_at("locks = [asyncio.Lock()]\n", "asyncio.Lock"), None);
        assert_eq!(label("Queue", 3, None), "Queue #3");
    }
}

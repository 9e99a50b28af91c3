//! What the full page's editor and the embed's editor share: the mounted editor with the
//! closures it calls back into, and the marks that follow the run (task dots, the line
//! another panel picked, the syntax error).

use std::any::Any;
use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;

use super::JsEditor;
use crate::ui::hooks::Playground;
use crate::ui::tasks::TaskRow;
use wasm_bindgen::prelude::*;
use yew::prelude::*;

/// How many task dots a line shows (the gutter's room); the rest are counted.
pub const TASK_DOTS_PER_LINE: usize = 3;

/// The live editor and the closures it calls back into (kept alive with it; the `on_change`
/// closure's type differs between the page's editor and the embed's).
pub struct Mounted {
    pub editor: JsEditor,
    _on_change: Box<dyn Any>,
    _on_run: Closure<dyn FnMut()>,
}

impl Mounted {
    pub fn new<F: ?Sized + 'static>(
        editor: JsEditor,
        on_change: Closure<F>,
        on_run: Closure<dyn FnMut()>,
    ) -> Self {
        Mounted {
            editor,
            _on_change: Box::new(on_change),
            _on_run: on_run,
        }
    }
}

/// The gutter markers for the live tasks: `{line, name, state, more?}` objects, at most
/// `max_per_line` per line in task order, the line's last one counting the rest as `more`.
pub fn task_markers(tasks: &[TaskRow], max_per_line: usize) -> js_sys::Array {
    let mut per_line: BTreeMap<u32, (Vec<&TaskRow>, u32)> = BTreeMap::new();
    for r in tasks.iter().filter(|r| !r.is_finished()) {
        let Some(line) = r.line else { continue };
        let (shown, more) = per_line.entry(line).or_default();
        if shown.len() < max_per_line {
            shown.push(r);
        } else {
            *more += 1;
        }
    }
    let markers = js_sys::Array::new();
    for (line, (shown, more)) in per_line {
        let last = shown.len().saturating_sub(1);
        for (i, r) in shown.into_iter().enumerate() {
            let o = js_sys::Object::new();
            let _ = js_sys::Reflect::set(&o, &"line".into(), &line.into());
            let _ = js_sys::Reflect::set(&o, &"name".into(), &r.name.to_string().into());
            let _ = js_sys::Reflect::set(&o, &"state".into(), &r.state_label().into());
            if i == last && more > 0 {
                let _ = js_sys::Reflect::set(&o, &"more".into(), &more.into());
            }
            markers.push(&o);
        }
    }
    markers
}

/// Keeps the mounted editor's marks in step with the run: a gutter dot on each live task's
/// current line (at most `max_per_line` per line, see [`task_markers`]), the cursor on a line
/// picked in another panel (a lint's line, a traceback, a task's line), and the last run's
/// syntax error underlined with its message.
#[hook]
pub fn use_run_marks(
    pg: &Option<Playground>,
    mounted: &Rc<RefCell<Option<Mounted>>>,
    max_per_line: usize,
) {
    let tasks = pg.as_ref().map(|pg| pg.state().tasks.clone());
    {
        let mounted = mounted.clone();
        use_effect_with(tasks, move |tasks| {
            if let (Some(m), Some(tasks)) = (mounted.borrow().as_ref(), tasks) {
                m.editor
                    .set_task_markers(&task_markers(tasks, max_per_line));
            }
        });
    }

    let goto = pg.as_ref().and_then(|pg| pg.state().goto_line);
    {
        let mounted = mounted.clone();
        use_effect_with(goto, move |goto| {
            if let (Some(m), Some((line, _))) = (mounted.borrow().as_ref(), goto) {
                m.editor.go_to_line(*line);
            }
        });
    }

    let error = pg.as_ref().and_then(|pg| pg.state().syntax_error.clone());
    {
        let mounted = mounted.clone();
        use_effect_with(error, move |error| {
            if let Some(m) = mounted.borrow().as_ref() {
                match error {
                    Some((from, to, msg)) => m.editor.set_error(*from, *to, msg),
                    None => m.editor.set_error(0, 0, ""),
                }
            }
        });
    }
}

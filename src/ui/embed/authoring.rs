//! A tutorial block's authoring state, shared by the view, its editor and the JS API: the
//! author's program (hidden setup + code), where the hidden lines are now (they move as the
//! reader edits around them), and the line map of the run on screen.

use std::cell::RefCell;
use std::rc::Rc;

use crate::share::program::visible_text;
use crate::share::{LineMap, Program};

struct Inner {
    setup: Rc<[String]>,
    author: Rc<Program>,
    /// A whole new text from outside (Reset code, `setCode`) and its hidden lines, waiting
    /// for the editor to show it.
    pending: Option<Program>,
    /// The editor's hidden lines now (1-based, sorted).
    hidden: Vec<u32>,
    /// The line map of the run on screen, and which run it belongs to.
    run_lines: Rc<LineMap>,
    run: u32,
}

/// Cheap to clone; all clones share one state.
#[derive(Clone)]
pub struct Authoring(Rc<RefCell<Inner>>);

impl PartialEq for Authoring {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl Authoring {
    /// `setup`: the hidden pieces (earlier blocks of a chain, then `data-setup`); `code`: the
    /// block's own code, already dedented.
    pub fn new(setup: Vec<String>, code: &str) -> Authoring {
        let author = Program::compose(&setup, code);
        Authoring(Rc::new(RefCell::new(Inner {
            setup: setup.into(),
            hidden: author.hidden.clone(),
            run_lines: Rc::new(author.lines()),
            author: Rc::new(author),
            pending: None,
            run: 0,
        })))
    }

    /// The program the author wrote (what Reset code restores).
    pub fn author(&self) -> Rc<Program> {
        self.0.borrow().author.clone()
    }

    /// Does this block hide any line?
    pub fn has_hidden(&self) -> bool {
        !self.0.borrow().hidden.is_empty() || !self.0.borrow().author.hidden.is_empty()
    }

    /// The block's setup followed by `code` (the reader's or the page's new visible code).
    pub fn compose(&self, code: &str) -> Program {
        let setup = self.0.borrow().setup.clone();
        Program::compose(&setup, code)
    }

    /// Queues a whole new program for the editor (call before putting `p.text` in the state).
    pub fn set_pending(&self, p: Program) {
        self.0.borrow_mut().pending = Some(p);
    }

    /// The hidden lines to show with `text`, when `text` is the queued program.
    pub fn take_pending(&self, text: &str) -> Option<Vec<u32>> {
        let mut inner = self.0.borrow_mut();
        if inner.pending.as_ref().is_some_and(|p| p.text == text) {
            let p = inner.pending.take()?;
            inner.hidden = p.hidden.clone();
            return Some(p.hidden);
        }
        None
    }

    /// The editor reports where the hidden lines are after an edit.
    pub fn set_hidden(&self, lines: Vec<u32>) {
        self.0.borrow_mut().hidden = lines;
    }

    /// The visible part of `text` (the editor's whole program).
    pub fn visible(&self, text: &str) -> String {
        visible_text(text, &self.0.borrow().hidden)
    }

    /// The line map for run number `run`: taken from the hidden lines when the run is new
    /// (so edits during a run do not shift the lines of its traceback).
    pub fn lines_for_run(&self, run: u32) -> Rc<LineMap> {
        let mut inner = self.0.borrow_mut();
        if inner.run != run {
            inner.run = run;
            inner.run_lines = Rc::new(LineMap::new(inner.hidden.clone()));
        }
        inner.run_lines.clone()
    }

    /// The line map of the latest run (or of the author's program before any run).
    pub fn run_lines(&self) -> Rc<LineMap> {
        self.0.borrow().run_lines.clone()
    }
}

//! `use_playground()`: the reducer handle wrapped in verbs, shared through a context
//! (as rust-yew-realworld's `use_user_context`).

use super::bridge::Run;
use super::state::{Action, LinkNotice, RunStatus, State, DEFAULT_PROGRAM};
use crate::runtime::browser::Speed;
use yew::prelude::*;

mod history;

/// The app state plus the commands a component may issue.
///
/// Invariant: the wrapped handle is never dereferenced directly. Yew 0.23's
/// `UseReducerHandle` pushes every distinct state it derefs into a history that lives as long
/// as the handle, and some `Playground`s live for the page (the editor's change callback, an
/// embed's message listener): deref'ing one on each edit kept every earlier `State`, and so
/// every finished run's `Session`, alive (found with `liveSessions()`; about 50 KB per run).
/// Reads go through `now()`, a fresh clone whose history is dropped after the read.
#[derive(Clone, PartialEq)]
pub struct Playground {
    handle: UseReducerHandle<State>,
    /// Whether edits go to `localStorage` (the full page; embeds never touch it).
    autosave: bool,
}

impl Playground {
    /// Wraps a reducer handle (the app creates it once and provides it as context).
    pub fn new(handle: UseReducerHandle<State>) -> Self {
        Playground {
            handle,
            autosave: true,
        }
    }

    /// For an embedded playground: the same verbs, but nothing is saved to storage (an
    /// embed on the playground's own site must not overwrite the reader's program).
    pub fn embedded(handle: UseReducerHandle<State>) -> Self {
        Playground {
            handle,
            autosave: false,
        }
    }

    /// Whether an edit now may overwrite the autosaved program: not in an embed, and not
    /// while a program opened from a link waits for Keep / Restore my code.
    fn saves(&self) -> bool {
        self.autosave && self.now().link != Some(LinkNotice::Opened)
    }

    /// The current state, read through a fresh handle (see the invariant above): hold it
    /// for a statement or a render, not for the page's life.
    pub fn state(&self) -> Snapshot {
        Snapshot(self.now())
    }

    /// A fresh clone of the handle: it derefs to the latest state and forgets it when dropped.
    fn now(&self) -> UseReducerHandle<State> {
        self.handle.clone()
    }

    /// Replaces the program text (and autosaves it).
    pub fn edit(&self, code: String) {
        if self.saves() {
            super::storage::save_code(&code);
        }
        self.handle.dispatch(Action::Edit { code });
    }

    /// Loads a gallery example into the editor. What was there stays one Ctrl+Z away in
    /// the editor, and is also kept in storage (`storage::save_backup`).
    pub fn load_preset(&self, id: &str) {
        let Some(p) = crate::presets::Preset::by_id(id) else {
            return;
        };
        let st = self.now();
        let current: &str = &st.code;
        if self.saves() {
            if !crate::presets::PRESETS.iter().any(|q| q.code == current) {
                super::storage::save_backup(current);
            }
            super::storage::save_code(p.code);
        }
        self.handle.dispatch(Action::LoadPreset {
            id: p.id,
            code: p.code,
        });
    }

    /// Puts a composed program into the editor. As with examples, what was there stays one
    /// Ctrl+Z away in the editor and is kept in storage (`storage::save_backup`).
    pub fn compose(&self, code: String) {
        let st = self.now();
        let current: &str = &st.code;
        if current != code && !crate::presets::PRESETS.iter().any(|q| q.code == current) {
            super::storage::save_backup(current);
        }
        super::storage::save_code(&code);
        self.handle.dispatch(Action::LoadCode { code });
        self.handle.dispatch(Action::Composer { open: false });
    }

    /// Opens or closes the composer dialog.
    pub fn show_composer(&self, open: bool) {
        self.handle.dispatch(Action::Composer { open });
    }

    /// Picks a task (every panel highlights it; the task table shows its details).
    pub fn select(&self, task: Option<crate::runtime::TaskId>) {
        self.handle.dispatch(Action::Select { task });
        self.select_in_past(task);
    }

    /// Moves the editor to a 1-based line (a traceback line or a task's line was clicked).
    pub fn go_to_line(&self, line: u32) {
        self.handle.dispatch(Action::GoToLine { line });
    }

    /// Switches the theme: system -> light -> dark -> system; saved for the next visit.
    pub fn cycle_theme(&self) {
        let theme = self.now().theme.next();
        super::theme::save(theme);
        super::theme::apply(theme);
        self.handle.dispatch(Action::SetTheme { theme });
    }

    /// Starts a run of the current program (stopping any earlier one).
    pub fn run(&self) {
        let st = self.now();
        if let Some(old) = &st.run {
            old.stop();
        }
        // At the speed the toolbar shows (Instant included).
        let run = Run::start(&st.code, speed_of(st.speed), self.handle.dispatcher());
        drop(st);
        self.handle.dispatch(Action::RunStarted { run });
    }

    /// Pauses a running program, or resumes a paused one.
    pub fn toggle_pause(&self) {
        let st = self.now();
        let Some(run) = &st.run else { return };
        match st.status {
            RunStatus::Running => run.pause(),
            RunStatus::Paused => run.resume(),
            _ => {}
        }
    }

    /// Runs one loop iteration (pausing first if running). With no live run, starts the
    /// program paused and runs its first step, so a newcomer can walk through from the start.
    pub fn step(&self) {
        // A rewound view steps forward through the past first.
        if self.step_forward_in_past() {
            return;
        }
        let st = self.now();
        match &st.run {
            Some(run) if matches!(st.status, RunStatus::Running | RunStatus::Paused) => run.step(),
            _ => {
                let run = Run::prepare(&st.code, speed_of(st.speed), self.handle.dispatcher());
                self.handle
                    .dispatch(Action::RunStarted { run: run.clone() });
                if let Some(run) = run {
                    run.step();
                }
            }
        }
    }

    /// Cancels every task and lets their cleanup run (a server's shutdown hook).
    pub fn shutdown(&self) {
        if let Some(run) = &self.now().run {
            run.shutdown();
        }
    }

    /// Changes the speed, also of the running program (loop time does not jump).
    pub fn set_speed(&self, speed: Option<f64>) {
        if let Some(run) = &self.now().run {
            run.set_speed(speed_of(speed));
        }
        self.handle.dispatch(Action::SetSpeed { speed });
    }

    /// Stops the running program; always works, even on one that never awaits.
    pub fn stop(&self) {
        if let Some(run) = &self.now().run {
            run.stop();
        }
        self.handle.dispatch(Action::Stopped);
    }

    /// Cancels a task of the running program (`task.cancel()` from outside).
    pub fn cancel(&self, task: u32) {
        if let Some(run) = &self.now().run {
            run.cancel(task);
        }
    }

    /// Replaces the program (the JS API's `setCode`, an iframe's `set-code` message): stops
    /// a run of the old program and clears its state.
    pub fn set_code(&self, code: String) {
        self.reset();
        self.edit(code);
    }

    /// "Keep" on the opened-link banner: the link's program becomes the saved one.
    pub fn keep_link(&self) {
        if self.autosave {
            super::storage::save_code(&self.now().code);
        }
        super::share::forget_link();
        self.handle.dispatch(Action::LinkDismissed);
    }

    /// "Restore my code" on the banner: back to the autosaved program (or the default).
    pub fn restore_saved(&self) {
        let code = super::storage::load_code().unwrap_or_else(|| DEFAULT_PROGRAM.to_string());
        super::share::forget_link();
        self.handle.dispatch(Action::LinkDismissed);
        self.handle.dispatch(Action::Edit { code });
    }

    /// Closes the banner of a link that could not be opened.
    pub fn dismiss_link(&self) {
        super::share::forget_link();
        self.handle.dispatch(Action::LinkDismissed);
    }

    /// Clears the console and the run state.
    pub fn reset(&self) {
        if let Some(run) = &self.now().run {
            run.stop();
        }
        self.handle.dispatch(Action::Reset);
    }
}

/// The state as one read saw it (a fresh handle clone: dropping it forgets the state).
pub struct Snapshot(UseReducerHandle<State>);

impl std::ops::Deref for Snapshot {
    type Target = State;
    fn deref(&self) -> &State {
        &self.0
    }
}

fn speed_of(speed: Option<f64>) -> Speed {
    speed.map_or(Speed::Instant, Speed::Scaled)
}

/// The playground context; panics never: components outside the provider get `None`.
#[hook]
pub fn use_playground() -> Option<Playground> {
    use_context::<Playground>()
}

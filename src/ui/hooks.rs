//! `use_playground()`: the reducer handle wrapped in verbs, shared through a context
//! (as rust-yew-realworld's `use_user_context`).

use super::bridge::Run;
use super::state::{Action, State};
use crate::runtime::browser::Speed;
use yew::prelude::*;

/// The app state plus the commands a component may issue.
#[derive(Clone, PartialEq)]
pub struct Playground {
    handle: UseReducerHandle<State>,
}

impl Playground {
    /// Wraps a reducer handle (the app creates it once and provides it as context).
    pub fn new(handle: UseReducerHandle<State>) -> Self {
        Playground { handle }
    }

    /// The current state.
    pub fn state(&self) -> &State {
        &self.handle
    }

    /// Replaces the program text (and autosaves it).
    pub fn edit(&self, code: String) {
        super::storage::save_code(&code);
        self.handle.dispatch(Action::Edit { code });
    }

    /// Loads a gallery example into the editor. What was there stays one Ctrl+Z away in
    /// the editor, and is also kept in storage (`storage::save_backup`).
    pub fn load_preset(&self, id: &str) {
        let Some(p) = crate::presets::Preset::by_id(id) else {
            return;
        };
        let current: &str = &self.handle.code;
        if !crate::presets::PRESETS.iter().any(|q| q.code == current) {
            super::storage::save_backup(current);
        }
        super::storage::save_code(p.code);
        self.handle.dispatch(Action::LoadPreset {
            id: p.id,
            code: p.code,
        });
    }

    /// Starts a run of the current program (stopping any earlier one).
    pub fn run(&self) {
        if let Some(old) = &self.handle.run {
            old.stop();
        }
        let run = Run::start(
            &self.handle.code,
            Speed::Scaled(1.0),
            self.handle.dispatcher(),
        );
        self.handle.dispatch(Action::RunStarted { run });
    }

    /// Changes the speed, also of the running program (loop time does not jump).
    pub fn set_speed(&self, speed: Option<f64>) {
        if let Some(run) = &self.handle.run {
            run.set_speed(speed_of(speed));
        }
        self.handle.dispatch(Action::SetSpeed { speed });
    }

    /// Stops the running program; always works, even on one that never awaits.
    pub fn stop(&self) {
        if let Some(run) = &self.handle.run {
            run.stop();
        }
        self.handle.dispatch(Action::Stopped);
    }

    /// Cancels a task of the running program (`task.cancel()` from outside).
    pub fn cancel(&self, task: u32) {
        if let Some(run) = &self.handle.run {
            run.cancel(task);
        }
    }

    /// Clears the console and the run state.
    pub fn reset(&self) {
        if let Some(run) = &self.handle.run {
            run.stop();
        }
        self.handle.dispatch(Action::Reset);
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

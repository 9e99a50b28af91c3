//! `use_playground()`: the reducer handle wrapped in verbs, shared through a context
//! (as rust-yew-realworld's `use_user_context`).

use super::state::{Action, State};
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

    /// Starts a run of the current program.
    pub fn run(&self) {
        self.handle.dispatch(Action::RunStarted);
    }

    /// Clears the console and the run state.
    pub fn reset(&self) {
        self.handle.dispatch(Action::Reset);
    }
}

/// The playground context; panics never: components outside the provider get `None`.
#[hook]
pub fn use_playground() -> Option<Playground> {
    use_context::<Playground>()
}

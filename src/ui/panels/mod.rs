//! The panels of the playground, each a pure function of the state plus callbacks.

mod console;
mod editor;
mod gallery;
mod tasks;
mod toolbar;

pub use console::ConsolePanel;
pub use editor::EditorPanel;
pub use gallery::{ExampleDoc, ExamplePicker};
pub use tasks::TasksPanel;
pub use toolbar::Toolbar;

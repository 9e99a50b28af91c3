//! The panels of the playground, each a pure function of the state plus callbacks.

mod console;
mod editor;
mod tasks;
mod toolbar;

pub use console::ConsolePanel;
pub use editor::EditorPanel;
pub use tasks::TasksPanel;
pub use toolbar::Toolbar;

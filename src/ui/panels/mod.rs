//! The panels of the playground, each a pure function of the state plus callbacks.

mod composer;
mod console;
mod editor;
mod gallery;
mod share;
mod tabs;
mod tasks;
mod theme_toggle;
mod toolbar;

pub use composer::ComposerDialog;
pub use console::ConsolePanel;
pub use editor::EditorPanel;
pub use gallery::{ExampleDoc, ExamplePicker};
pub use share::{page_theme, LinkBanner, ShareButton};
pub use tabs::{Tab, Tabs};
pub use tasks::TasksPanel;
pub use theme_toggle::ThemeToggle;
pub use toolbar::{shortcut, Toolbar};

pub mod await_tree;
pub mod compare;
pub mod event_log;
pub mod event_loop;
pub mod filter_bar;
pub mod lifecycle;
pub mod lints;
pub mod resources;
pub mod rewind;
pub mod task_detail;
pub mod timeline;

pub use await_tree::AwaitTreePanel;
pub use compare::ComparePanel;
pub use event_log::EventLogPanel;
pub use event_loop::EventLoopPanel;
pub use filter_bar::FilterBar;
pub use lifecycle::LifecyclePanel;
pub use lints::LintsPanel;
pub use resources::ResourcesPanel;
pub use rewind::RewindBar;
pub use task_detail::TaskDetailPanel;
pub use timeline::TimelinePanel;

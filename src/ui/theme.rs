//! The colour theme: follow the system, or force light or dark. The choice is kept in
//! `localStorage` and applied as `data-theme` on `<html>` (the CSS reads it).

/// Which theme the page uses.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Theme {
    /// `prefers-color-scheme` decides (no `data-theme`).
    #[default]
    System,
    Light,
    Dark,
}

impl Theme {
    /// The next one when the toggle is pressed: System -> Light -> Dark -> System.
    pub fn next(self) -> Theme {
        match self {
            Theme::System => Theme::Light,
            Theme::Light => Theme::Dark,
            Theme::Dark => Theme::System,
        }
    }

    /// The stored word, also the `data-theme` value (`None`: no attribute).
    pub fn value(self) -> &'static str {
        match self {
            Theme::System => "system",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }

    /// The theme a stored word names (anything else: System).
    pub fn from_value(v: &str) -> Theme {
        match v {
            "light" => Theme::Light,
            "dark" => Theme::Dark,
            _ => Theme::System,
        }
    }

    /// The toggle's label.
    pub fn label(self) -> &'static str {
        match self {
            Theme::System => "System theme",
            Theme::Light => "Light theme",
            Theme::Dark => "Dark theme",
        }
    }
}

const KEY: &str = "asyncio-playground.theme";

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// The saved theme (System when nothing is saved or storage is unavailable).
pub fn load() -> Theme {
    storage()
        .and_then(|s| s.get_item(KEY).ok().flatten())
        .map_or(Theme::System, |v| Theme::from_value(&v))
}

/// Saves the choice (failures ignored: the theme then lasts for this page only).
pub fn save(theme: Theme) {
    if let Some(s) = storage() {
        let _ = s.set_item(KEY, theme.value());
    }
}

/// Sets or clears `data-theme` on `<html>`.
pub fn apply(theme: Theme) {
    let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    else {
        return;
    };
    let _ = match theme {
        Theme::System => root.remove_attribute("data-theme"),
        t => root.set_attribute("data-theme", t.value()),
    };
}

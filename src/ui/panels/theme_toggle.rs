//! The theme toggle: system -> light -> dark, saved for the next visit (Alt+T).

use crate::ui::hooks::use_playground;
use crate::ui::theme::Theme;
use yew::prelude::*;

/// A button naming the current theme; pressing it moves to the next one.
#[component]
pub fn ThemeToggle() -> Html {
    let Some(pg) = use_playground() else {
        return html! {};
    };
    let theme = pg.state().theme;
    let onclick = Callback::from(move |_: MouseEvent| pg.cycle_theme());
    let icon = match theme {
        Theme::System => "◐",
        Theme::Light => "☀",
        Theme::Dark => "☾",
    };
    let title = format!(
        "{} (follows your system unless set); switch to {} (Alt+T)",
        theme.label(),
        theme.next().label().to_lowercase()
    );
    html! {
        <button type="button" class="btn theme-toggle" id="theme" {onclick} {title}
            aria-label={format!("{}: switch to {}", theme.label(), theme.next().label().to_lowercase())}
            data-theme-choice={theme.value()}>
            <span aria-hidden="true">{ icon }</span>
            <span class="visually-hidden">{ match theme { Theme::System => " System", Theme::Light => " Light", Theme::Dark => " Dark" } }</span>
        </button>
    }
}

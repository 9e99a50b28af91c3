//! Ready-to-paste embeds of a program, for the full playground's share menu: an `<iframe>`
//! of `embed.html` and a `<pre data-asyncio-playground>` block with its loader `<script>`.
//! Pure: the caller supplies the build's address and the program's `code=` fragment.

use super::Settings;
use crate::prerender::html::escape;

/// The address `name` has next to the playground page at `page` (`…/play/` or
/// `…/play/index.html` -> `…/play/name`).
pub fn beside(page: &str, name: &str) -> String {
    let dir = page
        .rfind('/')
        .map_or(page, |i| page.get(..=i).unwrap_or(page));
    format!("{dir}{name}")
}

/// `<iframe src="…/embed.html?speed=2&theme=dark#code=…">`: `code_fragment` is the link's
/// `code=…` part; speed and theme go in the query (the embed's options).
pub fn iframe(page: &str, settings: &Settings, code_fragment: &str) -> String {
    let query: Vec<String> = settings
        .pairs()
        .into_iter()
        .filter(|(k, _)| *k != "panels")
        .map(|(k, v)| format!("{k}={v}"))
        .collect();
    let query = if query.is_empty() {
        String::new()
    } else {
        format!("?{}", query.join("&"))
    };
    let src = format!("{}{query}#{code_fragment}", beside(page, "embed.html"));
    format!(
        "<iframe src=\"{}\" title=\"asyncio example\" loading=\"lazy\" \
         style=\"width:100%;height:520px;border:0\"></iframe>",
        escape(&src)
    )
}

/// The loader's `<script>` and a `<pre data-asyncio-playground>` holding `code` (escaped),
/// with speed and theme as `data-*` options.
pub fn pre_block(page: &str, settings: &Settings, code: &str) -> String {
    let attrs: String = settings
        .pairs()
        .into_iter()
        .filter(|(k, _)| *k != "panels")
        .map(|(k, v)| format!(" data-{k}=\"{}\"", escape(&v)))
        .collect();
    format!(
        "<script type=\"module\" src=\"{}\"></script>\n<pre data-asyncio-playground{attrs}>\n{}</pre>",
        escape(&beside(page, "loader.js")),
        escape(code)
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::share::{Speed, Theme};

    #[test]
    fn snippets_point_beside_the_playground_and_escape_the_code() {
        let s = Settings {
            speed: Some(Speed::Times(2.0)),
            theme: Some(Theme::Dark),
            panels: None,
        };
        assert_eq!(
            beside("https://x.org/play/", "embed.html"),
            "https://x.org/play/embed.html"
        );
        assert_eq!(
            beside("https://x.org/play/index.html", "loader.js"),
            "https://x.org/play/loader.js"
        );
        assert_eq!(
            iframe("https://x.org/play/", &s, "code=zAB"),
            "<iframe src=\"https://x.org/play/embed.html?speed=2&amp;theme=dark#code=zAB\" \
             title=\"asyncio example\" loading=\"lazy\" style=\"width:100%;height:520px;border:0\"></iframe>"
        );
        assert_eq!(
            pre_block("https://x.org/play/", &s, "if a < b & c:\n    pass\n"),
            "<script type=\"module\" src=\"https://x.org/play/loader.js\"></script>\n\
             <pre data-asyncio-playground data-speed=\"2\" data-theme=\"dark\">\n\
             if a &lt; b &amp; c:\n    pass\n</pre>"
        );
        // The block's text is the program again (the loader reads textContent and dedents).
        let html = pre_block("/", &Settings::default(), "x = '<&>'\n");
        let b = &crate::prerender::html::blocks(&html)[0];
        assert_eq!(crate::share::block_code(&b.text), "x = '<&>'\n");
    }
}

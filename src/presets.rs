//! The presets gallery: example programs with an explanation each (`www/presets/`), built
//! into the binary by `build.rs`.

/// One example program.
#[derive(Debug)]
pub struct Preset {
    /// `NN_slug`, as the file names.
    pub id: &'static str,
    /// The Python program.
    pub code: &'static str,
    /// Markdown-ish text: `# Title`, a paragraph, then a `Try:` paragraph.
    pub doc: &'static str,
}

impl Preset {
    /// The title (the doc's first line without `# `).
    pub fn title(&self) -> &'static str {
        self.doc
            .lines()
            .next()
            .unwrap_or(self.id)
            .trim_start_matches('#')
            .trim()
    }

    /// The doc's paragraphs after the title.
    pub fn paragraphs(&self) -> impl Iterator<Item = &'static str> {
        self.doc
            .split("\n\n")
            .skip(1)
            .map(str::trim)
            .filter(|p| !p.is_empty())
    }

    /// The preset with this id.
    pub fn by_id(id: &str) -> Option<&'static Preset> {
        PRESETS.iter().find(|p| p.id == id)
    }
}

include!(concat!(env!("OUT_DIR"), "/presets.rs"));

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_preset_has_a_title_a_paragraph_and_code() {
        assert!(
            PRESETS.len() >= 15,
            "the gallery has {} presets",
            PRESETS.len()
        );
        for p in PRESETS {
            assert!(
                !p.title().is_empty() && p.title() != p.id,
                "{} has no title",
                p.id
            );
            assert!(p.paragraphs().count() >= 1, "{} has no explanation", p.id);
            assert!(
                p.code.contains("asyncio.run("),
                "{} does not run a loop",
                p.id
            );
        }
        assert_eq!(
            Preset::by_id("02_gather").map(|p| p.title()),
            Some("Concurrent fetches with gather")
        );
    }
}

//! An embedded playground's options, from an iframe's query (`embed.html?readonly&speed=2`)
//! or a loader block's `data-*` attributes: the same keys, parsed in one place.

use super::{Settings, ShareError};

/// Smallest and largest `height` accepted, in CSS pixels.
pub const HEIGHT_RANGE: (u32, u32) = (160, 4000);

/// What an embed shows and does. `Default` is an editable playground that waits for Run,
/// at 1× speed, showing tasks, timeline and console, as tall as its content.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct EmbedOptions {
    /// Speed, theme and panels (shared with share links).
    pub settings: Settings,
    /// The reader cannot edit the code (Run still works).
    pub readonly: bool,
    /// Run as soon as the playground starts.
    pub autorun: bool,
    /// A fixed height in CSS pixels; `None` grows with the content.
    pub height: Option<u32>,
    /// iframe only: the one parent origin whose messages are obeyed and to which events are
    /// posted (`None`: any parent; see docs/embedding.md).
    pub parent_origin: Option<String>,
}

impl EmbedOptions {
    /// Reads `key=value` pairs; keys may be given as `data-*` names (`data-readonly`) or in
    /// camelCase as `dataset` spells them. Unknown keys are ignored (the loader passes every
    /// attribute; later versions add keys); a known key with a bad value is an error.
    pub fn from_pairs<K: AsRef<str>, V: AsRef<str>>(
        pairs: impl IntoIterator<Item = (K, V)>,
    ) -> Result<EmbedOptions, ShareError> {
        let mut o = EmbedOptions::default();
        for (k, v) in pairs {
            let key = normalise_key(k.as_ref());
            let value = v.as_ref().trim();
            if o.settings.set(&key, value)? {
                continue;
            }
            match key.as_str() {
                "readonly" => o.readonly = flag(&key, value)?,
                "autorun" => o.autorun = flag(&key, value)?,
                "height" => o.height = Some(height(value)?),
                "parent-origin" => o.parent_origin = Some(origin(value)?),
                _ => {}
            }
        }
        Ok(o)
    }
}

/// `data-parent-origin`, `parentOrigin`, `parent-origin` -> `parent-origin`.
fn normalise_key(k: &str) -> String {
    let k = k.strip_prefix("data-").unwrap_or(k);
    let mut out = String::with_capacity(k.len() + 2);
    for c in k.chars() {
        if c.is_ascii_uppercase() {
            out.push('-');
            out.push(c.to_ascii_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

fn flag(key: &str, value: &str) -> Result<bool, ShareError> {
    match value {
        "" | "true" | "1" | "yes" | "on" => Ok(true),
        "false" | "0" | "no" | "off" => Ok(false),
        _ => Err(ShareError::BadValue {
            key: key.into(),
            value: value.into(),
            expected: "true or false (or no value, meaning true)",
        }),
    }
}

fn height(value: &str) -> Result<u32, ShareError> {
    let n = value
        .strip_suffix("px")
        .unwrap_or(value)
        .parse::<u32>()
        .ok();
    match n {
        Some(n) if (HEIGHT_RANGE.0..=HEIGHT_RANGE.1).contains(&n) => Ok(n),
        _ => Err(ShareError::BadValue {
            key: "height".into(),
            value: value.into(),
            expected: "a whole number of pixels from 160 to 4000",
        }),
    }
}

/// An origin as `location.origin` spells it: `scheme://host[:port]`, nothing after.
fn origin(value: &str) -> Result<String, ShareError> {
    let ok = value.split_once("://").is_some_and(|(scheme, rest)| {
        !scheme.is_empty()
            && scheme
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
            && !rest.is_empty()
            && !rest.contains(['/', '?', '#', '@', ' '])
    });
    if ok {
        Ok(value.to_string())
    } else {
        Err(ShareError::BadValue {
            key: "parent-origin".into(),
            value: value.into(),
            expected: "an origin such as https://example.com",
        })
    }
}

/// The program of a code block as an author wrote it in HTML: blank lines at both ends
/// dropped, the indentation common to all non-blank lines removed (`textwrap.dedent`),
/// trailing whitespace on lines kept, and exactly one final newline.
pub fn block_code(text: &str) -> String {
    let text = text.replace("\r\n", "\n");
    let lines: Vec<&str> = text.lines().collect();
    let first = lines.iter().position(|l| !l.trim().is_empty());
    let last = lines.iter().rposition(|l| !l.trim().is_empty());
    let (Some(first), Some(last)) = (first, last) else {
        return String::new();
    };
    let body = lines.get(first..=last).unwrap_or_default();
    let indent = body
        .iter()
        .filter(|l| !l.trim().is_empty())
        .map(|l| l.len() - l.trim_start_matches([' ', '\t']).len())
        .min()
        .unwrap_or(0);
    let mut out = String::with_capacity(text.len());
    for l in body {
        // Blank lines may be shorter than the indent; `get` keeps them empty.
        out.push_str(l.get(indent..).unwrap_or(""));
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::share::{Panel, Speed, Theme};

    #[test]
    fn every_option_is_read_from_data_attributes_or_query_keys() {
        let o = EmbedOptions::from_pairs([
            ("data-readonly", ""),
            ("autorun", "true"),
            ("speed", "instant"),
            ("data-theme", "dark"),
            ("panels", "console,tasks"),
            ("height", "420"),
            ("parentOrigin", "https://docs.example.org"),
            ("data-asyncio-playground", ""),
            ("setup", "later versions"),
        ])
        .unwrap();
        assert!(o.readonly && o.autorun);
        assert_eq!(o.settings.speed, Some(Speed::Instant));
        assert_eq!(o.settings.theme, Some(Theme::Dark));
        assert_eq!(o.settings.panels, Some(vec![Panel::Console, Panel::Tasks]));
        assert_eq!(o.height, Some(420));
        assert_eq!(o.parent_origin.as_deref(), Some("https://docs.example.org"));
        assert_eq!(
            EmbedOptions::from_pairs([("readonly", "false")]).unwrap(),
            EmbedOptions::default()
        );
    }

    #[test]
    fn bad_values_are_errors_naming_the_option() {
        for (k, v) in [
            ("readonly", "maybe"),
            ("height", "tall"),
            ("height", "10"),
            ("height", "99999999999"),
            ("parent-origin", "https://x.org/path"),
            ("parent-origin", "*"),
            ("speed", "11"),
        ] {
            let e = EmbedOptions::from_pairs([(k, v)]).unwrap_err();
            assert!(e.to_string().contains(k.trim_start_matches("data-")), "{e}");
        }
    }

    #[test]
    fn block_code_dedents_and_trims_like_an_author_expects() {
        let html = "\n    import asyncio\n\n    async def main():\n        print('hi')\n    \n";
        assert_eq!(
            block_code(html),
            "import asyncio\n\nasync def main():\n    print('hi')\n"
        );
        assert_eq!(block_code("x = 1"), "x = 1\n");
        assert_eq!(block_code("  \n \t\n"), "");
        assert_eq!(block_code("a\r\n  b\r\n"), "a\n  b\n");
    }
}

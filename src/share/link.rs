//! The share link's fragment: settings in clear `key=value` pairs, then `code=<payload>`.
//! Unknown keys are ignored (later versions may add some); bad values are errors.

use super::{payload, ShareError};

/// Loop speed: loop seconds per wall second, or instant (virtual time).
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Speed {
    Times(f64),
    Instant,
}

/// The speeds the toolbar offers (a link may only name these).
pub const SPEEDS: &[f64] = &[0.1, 0.25, 0.5, 1.0, 2.0, 5.0, 10.0];

impl Speed {
    /// As the app state keeps it: `None` is instant.
    pub fn as_factor(self) -> Option<f64> {
        match self {
            Speed::Times(x) => Some(x),
            Speed::Instant => None,
        }
    }

    /// From the app state's form.
    pub fn from_factor(f: Option<f64>) -> Speed {
        f.map_or(Speed::Instant, Speed::Times)
    }

    fn parse(v: &str) -> Option<Speed> {
        if v == "instant" {
            return Some(Speed::Instant);
        }
        let x: f64 = v.trim_end_matches(['x', '×']).parse().ok()?;
        SPEEDS.iter().find(|&&s| s == x).map(|&s| Speed::Times(s))
    }

    fn word(self) -> String {
        match self {
            Speed::Times(x) => x.to_string(),
            Speed::Instant => "instant".into(),
        }
    }
}

/// Colour theme: `Auto` follows the reader's `prefers-color-scheme`; `Inherit` (embeds only)
/// follows the host page (its `color-scheme`, then `prefers-color-scheme`: the loader reads
/// them; an iframe, which cannot see its host's styles, treats it as `Auto`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Theme {
    Auto,
    Light,
    Dark,
    Inherit,
}

impl Theme {
    /// The word used in links, options and the `data-theme` attribute.
    pub fn word(self) -> &'static str {
        match self {
            Theme::Auto => "auto",
            Theme::Light => "light",
            Theme::Dark => "dark",
            Theme::Inherit => "inherit",
        }
    }

    /// The `data-theme` an embed's element carries (`inherit` not resolved by then: `auto`).
    pub fn attribute(self) -> &'static str {
        match self {
            Theme::Inherit => "auto",
            t => t.word(),
        }
    }

    fn parse(v: &str) -> Option<Theme> {
        [Theme::Auto, Theme::Light, Theme::Dark, Theme::Inherit]
            .into_iter()
            .find(|t| t.word() == v)
    }
}

/// A view of the playground, by the name links and options use.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Panel {
    Tasks,
    Timeline,
    Console,
    Tree,
    Loop,
    Lifecycle,
    Log,
    Lints,
    Resources,
}

impl Panel {
    /// Every panel, in the order an embed stacks them.
    pub const ALL: [Panel; 9] = [
        Panel::Tasks,
        Panel::Lints,
        Panel::Tree,
        Panel::Loop,
        Panel::Resources,
        Panel::Lifecycle,
        Panel::Timeline,
        Panel::Console,
        Panel::Log,
    ];

    /// The name in links and options.
    pub fn word(self) -> &'static str {
        match self {
            Panel::Tasks => "tasks",
            Panel::Timeline => "timeline",
            Panel::Console => "console",
            Panel::Tree => "tree",
            Panel::Loop => "loop",
            Panel::Lifecycle => "lifecycle",
            Panel::Log => "log",
            Panel::Lints => "lints",
            Panel::Resources => "resources",
        }
    }

    fn parse(v: &str) -> Option<Panel> {
        Panel::ALL.into_iter().find(|p| p.word() == v)
    }

    /// Parses a comma-separated list (duplicates dropped, order kept); empty is an error.
    pub fn parse_list(v: &str) -> Option<Vec<Panel>> {
        let mut out = Vec::new();
        for w in v.split(',').map(str::trim).filter(|w| !w.is_empty()) {
            let p = Panel::parse(w)?;
            if !out.contains(&p) {
                out.push(p);
            }
        }
        (!out.is_empty()).then_some(out)
    }
}

/// The settings a link (or an embed) carries besides the program; `None` keeps the default.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Settings {
    pub speed: Option<Speed>,
    pub theme: Option<Theme>,
    pub panels: Option<Vec<Panel>>,
}

impl Settings {
    /// Applies one `key=value`. Returns `Ok(false)` for a key that is not a setting.
    pub fn set(&mut self, key: &str, value: &str) -> Result<bool, ShareError> {
        let bad = |expected| ShareError::BadValue {
            key: key.into(),
            value: value.into(),
            expected,
        };
        match key {
            "speed" => {
                self.speed = Some(Speed::parse(value).ok_or_else(|| {
                    bad("one of 0.1, 0.25, 0.5, 1, 2, 5, 10 or instant")
                })?)
            }
            "theme" => {
                self.theme = Some(Theme::parse(value).ok_or_else(|| bad("auto, light, dark or inherit"))?)
            }
            "panels" => {
                self.panels = Some(Panel::parse_list(value).ok_or_else(|| {
                    bad("a comma-separated list of tasks, timeline, console, lints, tree, loop, resources, lifecycle, log")
                })?)
            }
            _ => return Ok(false),
        }
        Ok(true)
    }

    /// The settings as `key=value` pairs, in a fixed order.
    pub fn pairs(&self) -> Vec<(&'static str, String)> {
        let mut out = Vec::new();
        if let Some(s) = self.speed {
            out.push(("speed", s.word()));
        }
        if let Some(t) = self.theme {
            out.push(("theme", t.word().to_string()));
        }
        if let Some(ps) = &self.panels {
            let words: Vec<&str> = ps.iter().map(|p| p.word()).collect();
            out.push(("panels", words.join(",")));
        }
        out
    }
}

/// The fragment (without `#`) for `code` with `settings`; `deflated` as in `payload::encode`.
pub fn to_fragment(
    code: &str,
    settings: &Settings,
    deflated: Option<&[u8]>,
) -> Result<String, ShareError> {
    let mut parts: Vec<String> = settings
        .pairs()
        .into_iter()
        .map(|(k, v)| format!("{k}={v}"))
        .collect();
    parts.push(format!("code={}", payload::encode(code, deflated)?));
    Ok(parts.join("&"))
}

/// A link read up to its payload, which may still need inflating.
#[derive(Clone, Debug, PartialEq)]
pub struct PendingLink {
    pub packed: payload::Packed,
    pub settings: Settings,
}

/// Splits `a=1&b=2` (a leading `#` or `?` is skipped; values are percent-decoded).
pub fn pairs(text: &str) -> impl Iterator<Item = (String, String)> + '_ {
    text.trim_start_matches(['#', '?'])
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|p| match p.split_once('=') {
            Some((k, v)) => (percent_decode(k), percent_decode(v)),
            None => (percent_decode(p), String::new()),
        })
}

/// Reads a location fragment. `Ok(None)`: not a share link (no `code` key), so the page
/// opens as usual. Errors name what is wrong (see `ShareError`).
pub fn parse_fragment(hash: &str) -> Result<Option<PendingLink>, ShareError> {
    let mut settings = Settings::default();
    let mut code = None;
    for (k, v) in pairs(hash) {
        if k == "code" {
            code = Some(v);
        } else {
            settings.set(&k, &v)?;
        }
    }
    let Some(code) = code else { return Ok(None) };
    let packed = payload::parse(&code)?;
    Ok(Some(PendingLink { packed, settings }))
}

/// `%XX` escapes decoded (as UTF-8, invalid sequences replaced); `+` stays `+`.
fn percent_decode(s: &str) -> String {
    if !s.contains('%') {
        return s.to_string();
    }
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let hex = b
            .get(i + 1..i + 3)
            .and_then(|h| std::str::from_utf8(h).ok())
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        match (b[i], hex) {
            (b'%', Some(v)) => {
                out.push(v);
                i += 3;
            }
            (c, _) => {
                out.push(c);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn settings_round_trip_through_pairs() {
        let s = Settings {
            speed: Some(Speed::Times(0.25)),
            theme: Some(Theme::Dark),
            panels: Some(vec![Panel::Console, Panel::Tasks]),
        };
        let mut back = Settings::default();
        for (k, v) in s.pairs() {
            assert!(back.set(k, &v).unwrap());
        }
        assert_eq!(back, s);
        let mut inst = Settings::default();
        inst.set("speed", "instant").unwrap();
        assert_eq!(inst.speed, Some(Speed::Instant));
        inst.set("speed", "2x").unwrap();
        assert_eq!(inst.speed, Some(Speed::Times(2.0)));
    }

    #[test]
    fn bad_setting_values_name_the_key_and_what_is_allowed() {
        let mut s = Settings::default();
        for (k, v) in [
            ("speed", "3"),
            ("speed", "NaN"),
            ("theme", "purple"),
            ("panels", ""),
            ("panels", "tasks,cake"),
        ] {
            let e = s.set(k, v).unwrap_err();
            assert!(
                matches!(&e, ShareError::BadValue { key, .. } if key == k),
                "{e}"
            );
            assert!(e.to_string().contains(k), "{e}");
        }
        assert_eq!(s.set("colour", "x"), Ok(false));
    }

    #[test]
    fn fragments_without_code_are_not_links() {
        assert_eq!(parse_fragment(""), Ok(None));
        assert_eq!(parse_fragment("#"), Ok(None));
        assert_eq!(parse_fragment("#section-2"), Ok(None));
        assert_eq!(parse_fragment("#code="), Err(ShareError::Empty));
    }

    #[test]
    fn percent_escapes_are_decoded_and_broken_ones_kept() {
        assert_eq!(percent_decode("a%2Cb"), "a,b");
        assert_eq!(percent_decode("100%"), "100%");
        assert_eq!(percent_decode("%zz%e2%82%ac"), "%zz€");
        assert_eq!(percent_decode("%"), "%");
    }
}

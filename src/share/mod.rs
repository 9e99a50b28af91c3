//! Programs that travel: share links (`#code=…&speed=…` in the URL fragment) and the options
//! of embedded playgrounds (iframe query, loader `data-*`). Pure and tested natively; the
//! browser only supplies raw deflate (`CompressionStream`), see `ui/share.rs`.
//!
//! A link is `#speed=2&theme=dark&panels=tasks,console&code=<payload>` (code last, so a link
//! cut short loses payload bytes, which `payload` detects, never a setting silently).

pub mod base64url;
pub mod link;
pub mod options;
pub mod payload;
pub mod program;
pub mod run;
pub mod snippets;
#[cfg(test)]
mod tests;

pub use link::{parse_fragment, to_fragment, Panel, PendingLink, Settings, Speed, Theme};
pub use options::{block_code, EmbedOptions};
pub use program::{LineMap, Program};

/// The largest program a link may carry, in UTF-8 bytes (the presets are 0.8–1.6 KB).
pub const MAX_PROGRAM_BYTES: usize = 256 * 1024;
/// The longest payload accepted, in characters (checked before decoding anything).
pub const MAX_LINK_CHARS: usize = 512 * 1024;

/// Why a link or an embed option could not be read. `Display` is the message the page shows.
#[derive(Clone, Debug, PartialEq)]
pub enum ShareError {
    /// `code=` is missing its value.
    Empty,
    /// The payload starts with a format letter this version does not know.
    UnknownKind(char),
    /// A character that no link contains, at this 0-based position of the payload.
    BadChar { pos: usize, ch: char },
    /// The link ends too early (cut off when copied).
    Truncated,
    /// The compressed program cannot be read, or its length disagrees with the link.
    Corrupt(String),
    /// The program is not valid UTF-8 text.
    NotText,
    /// Over `MAX_PROGRAM_BYTES` (or `MAX_LINK_CHARS`).
    TooLarge { bytes: usize },
    /// A setting or option with a value it cannot take.
    BadValue {
        key: String,
        value: String,
        expected: &'static str,
    },
    /// The browser lacks what the link needs (no `DecompressionStream`).
    Unsupported(&'static str),
}

impl std::fmt::Display for ShareError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ShareError::Empty => f.write_str("This link has no program in it (code= is empty)."),
            ShareError::UnknownKind(c) => write!(
                f,
                "This link was made by a newer version of the playground (format '{c}'); \
                 this version cannot read it."
            ),
            ShareError::BadChar { pos, ch } => write!(
                f,
                "This link is damaged: {ch:?} at position {pos} of the program cannot be in a \
                 playground link."
            ),
            ShareError::Truncated => f.write_str(
                "This link is incomplete: it was probably cut off when it was copied. \
                 Copy the whole link and open it again.",
            ),
            ShareError::Corrupt(why) => write!(
                f,
                "This link is damaged: the program in it cannot be read ({why})."
            ),
            ShareError::NotText => {
                f.write_str("This link is damaged: the program in it is not valid text.")
            }
            ShareError::TooLarge { bytes } => write!(
                f,
                "The program is too large for a link ({bytes} bytes; the limit is \
                 {MAX_PROGRAM_BYTES})."
            ),
            ShareError::BadValue {
                key,
                value,
                expected,
            } => write!(f, "The option {key}={value:?} is not valid: {expected}."),
            ShareError::Unsupported(what) => write!(
                f,
                "This browser cannot open the link: it lacks {what}. Try a current browser."
            ),
        }
    }
}

impl std::error::Error for ShareError {}

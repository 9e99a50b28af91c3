//! Whole-link tests with a real raw-deflate (miniz_oxide, the format the browser's
//! `CompressionStream("deflate-raw")` writes): every preset round-trips byte for byte, and
//! truncated, corrupted and garbage links are errors, never panics.

use super::*;
use crate::presets::PRESETS;

fn deflate(code: &str) -> Vec<u8> {
    miniz_oxide::deflate::compress_to_vec(code.as_bytes(), 6)
}

/// What the browser side does: inflate at most the declared length (plus one byte, to see
/// a body that is too long), then `finish`.
fn open(hash: &str) -> Result<Option<(String, Settings)>, ShareError> {
    let Some(PendingLink { packed, settings }) = parse_fragment(hash)? else {
        return Ok(None);
    };
    let inflated = match packed.kind {
        payload::Kind::Text => None,
        payload::Kind::Deflate => Some(
            miniz_oxide::inflate::decompress_to_vec_with_limit(&packed.body, packed.len + 1)
                .map_err(|e| ShareError::Corrupt(format!("{:?}", e.status)))?,
        ),
    };
    Ok(Some((packed.finish(inflated)?, settings)))
}

fn link(code: &str, settings: &Settings) -> String {
    format!(
        "#{}",
        to_fragment(code, settings, Some(&deflate(code))).unwrap()
    )
}

#[test]
fn every_preset_round_trips_byte_for_byte_with_its_settings() {
    let settings = Settings {
        speed: Some(Speed::Times(2.0)),
        theme: Some(Theme::Dark),
        panels: Some(vec![Panel::Timeline, Panel::Console]),
    };
    for p in PRESETS {
        let hash = link(p.code, &settings);
        assert!(hash.contains("&code=z"), "{}: not compressed", p.id);
        let (code, back) = open(&hash).unwrap().unwrap();
        assert_eq!(code.as_bytes(), p.code.as_bytes(), "{}", p.id);
        assert_eq!(back, settings);
        // Without a compressor the link is longer but still exact.
        let plain = format!(
            "#{}",
            to_fragment(p.code, &Settings::default(), None).unwrap()
        );
        assert!(plain.len() > hash.len());
        assert_eq!(open(&plain).unwrap().unwrap().0, p.code);
    }
}

#[test]
fn preset_links_stay_short() {
    let mut lens: Vec<usize> = PRESETS
        .iter()
        .map(|p| link(p.code, &Settings::default()).len())
        .collect();
    lens.sort_unstable();
    let max = lens.last().copied().unwrap_or(0);
    let median = lens.get(lens.len() / 2).copied().unwrap_or(0);
    // docs/embedding.md reports these figures; deflate halves the presets or better.
    assert!(median < 800 && max < 1100, "median {median}, max {max}");
}

#[test]
fn unusual_text_round_trips() {
    for code in [
        "",
        "\n",
        "print('héllo wörld ✓ 🐍')\r\n\ttabs\u{0}nul\n",
        &"x = 1\n".repeat(20_000),
    ] {
        let (back, _) = open(&link(code, &Settings::default())).unwrap().unwrap();
        assert_eq!(back, code);
    }
}

#[test]
fn every_truncation_of_a_link_is_an_error() {
    let p = &PRESETS[0];
    for hash in [
        link(p.code, &Settings::default()),
        format!(
            "#{}",
            to_fragment(p.code, &Settings::default(), None).unwrap()
        ),
    ] {
        let start = hash.find("code=").unwrap() + "code=".len();
        for cut in start..hash.len() {
            let r = open(&hash[..cut]);
            assert!(r.is_err(), "cut at {cut} of {} opened: {r:?}", hash.len());
        }
    }
}

#[test]
fn corrupted_links_are_errors_or_the_exact_program() {
    // A changed character either breaks the link or (rarely) leaves the declared length and
    // a valid deflate stream; it must never panic.
    let hash = link(PRESETS[1].code, &Settings::default());
    let start = hash.find("code=").unwrap() + "code=".len() + 1;
    for i in start..hash.len() {
        for c in ['A', '_', '9'] {
            let mut bad = hash.clone();
            bad.replace_range(i..i + 1, &c.to_string());
            let _ = open(&bad);
        }
    }
    assert!(matches!(
        open("#code=z%%%"),
        Err(ShareError::BadChar { .. })
    ));
    assert!(matches!(
        open("#code=zAAAA"),
        Err(ShareError::Corrupt(_)) | Err(ShareError::Truncated)
    ));
}

#[test]
fn garbage_never_panics() {
    // A small deterministic generator (no extra crate): xorshift over a mixed alphabet.
    let alphabet: Vec<char> = "ztq=&#%-_AZaz09+/é \u{0}code=speed=theme=panels=,"
        .chars()
        .collect();
    let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
    for _ in 0..5_000 {
        let mut s = String::from("#code=");
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        for _ in 0..(x % 64) {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            s.push(alphabet[(x % alphabet.len() as u64) as usize]);
        }
        let _ = open(&s);
    }
}

#[test]
fn oversize_links_are_refused_before_decoding() {
    let huge = format!("#code=z{}", "A".repeat(MAX_LINK_CHARS + 1));
    assert!(matches!(open(&huge), Err(ShareError::TooLarge { .. })));
}

#[test]
fn messages_are_sentences_a_reader_understands() {
    assert!(ShareError::Truncated.to_string().contains("cut off"));
    assert!(ShareError::UnknownKind('q')
        .to_string()
        .contains("newer version"));
}

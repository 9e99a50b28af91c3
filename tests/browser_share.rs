//! Browser test (wasm-pack test --headless --chrome): share links through the browser's own
//! raw deflate (`CompressionStream`), the path the page takes, for every preset.
#![cfg(target_arch = "wasm32")]

use asyncio_playground::presets::PRESETS;
use asyncio_playground::share::{Panel, Settings, ShareError, Speed, Theme};
use asyncio_playground::ui::share::{fragment, open};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
async fn every_preset_round_trips_through_compression_stream() {
    let settings = Settings {
        speed: Some(Speed::Instant),
        theme: Some(Theme::Light),
        panels: Some(vec![Panel::Loop, Panel::Log]),
    };
    for p in PRESETS {
        let f = fragment(p.code, &settings).await.unwrap();
        assert!(f.contains("&code=z"), "{}: not compressed: {f}", p.id);
        assert!(f.len() < 1100, "{}: {} characters", p.id, f.len());
        let (code, back) = open(&format!("#{f}")).await.unwrap().unwrap();
        assert_eq!(code, p.code, "{}", p.id);
        assert_eq!(back, settings);
    }
}

#[wasm_bindgen_test]
async fn damaged_links_are_errors_from_the_browser_inflater_too() {
    let f = fragment(PRESETS[0].code, &Settings::default())
        .await
        .unwrap();
    let hash = format!("#{f}");
    // Cut inside the deflate stream, and a stream whose bytes were altered.
    for cut in [hash.len() - 1, hash.len() - 10, hash.len() / 2] {
        let r = open(&hash[..cut]).await;
        assert!(r.is_err(), "cut at {cut}: {r:?}");
    }
    let r = open("#code=zAP____________").await;
    assert!(
        matches!(r, Err(ShareError::Corrupt(_)) | Err(ShareError::Truncated)),
        "{r:?}"
    );
    assert_eq!(open("#intro").await, Ok(None));
}

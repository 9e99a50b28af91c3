//! Share links in the browser: the codec of `crate::share` plus the browser's raw deflate
//! (`www/share/deflate.js`), and the page's own URL (reading, copying, forgetting a link).

use wasm_bindgen::prelude::*;

use crate::share::{self, payload::Kind, PendingLink, Settings, ShareError};

#[wasm_bindgen(module = "/www/share/deflate.js")]
extern "C" {
    #[wasm_bindgen(js_name = hasCompression)]
    fn has_compression() -> bool;
    #[wasm_bindgen(catch, js_name = deflateRaw)]
    async fn deflate_raw(bytes: &[u8]) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(catch, js_name = inflateRaw)]
    async fn inflate_raw(bytes: &[u8], limit: f64) -> Result<JsValue, JsValue>;
}

/// The fragment (without `#`) that carries `code` and `settings`; compressed when the
/// browser can (otherwise the longer plain form, which every version reads).
pub async fn fragment(code: &str, settings: &Settings) -> Result<String, ShareError> {
    let deflated = if has_compression() {
        deflate_raw(code.as_bytes())
            .await
            .ok()
            .map(|v| js_sys::Uint8Array::new(&v).to_vec())
    } else {
        None
    };
    share::to_fragment(code, settings, deflated.as_deref())
}

/// `fragment`, also carrying a recorded run (`Script::to_text`), compressed when it can be.
pub async fn fragment_with_run(
    code: &str,
    settings: &Settings,
    run: &str,
) -> Result<String, ShareError> {
    let f = fragment(code, settings).await?;
    let deflated = if has_compression() {
        deflate_raw(run.as_bytes())
            .await
            .ok()
            .map(|v| js_sys::Uint8Array::new(&v).to_vec())
    } else {
        None
    };
    let packed = share::payload::encode(run, deflated.as_deref())?;
    Ok(share::run::with_run(&f, &packed))
}

/// The recorded run a share link carries (`Script` text), if any.
pub async fn run_of(hash: &str) -> Result<Option<String>, ShareError> {
    let Some(packed) = share::run::run_packed(hash)? else {
        return Ok(None);
    };
    let inflated = inflated(&packed).await?;
    packed.finish(inflated).map(Some)
}

/// A payload's body inflated by the browser (`None`: stored as text).
async fn inflated(packed: &share::payload::Packed) -> Result<Option<Vec<u8>>, ShareError> {
    match packed.kind {
        Kind::Text => Ok(None),
        Kind::Deflate => {
            if !has_compression() {
                return Err(ShareError::Unsupported("DecompressionStream"));
            }
            // One byte past the declared length is enough to see a body that is too long.
            let limit = packed.len as f64 + 1.0;
            let bytes = inflate_raw(&packed.body, limit)
                .await
                .map_err(inflate_error)?;
            Ok(Some(js_sys::Uint8Array::new(&bytes).to_vec()))
        }
    }
}

/// Reads a share link's fragment: `Ok(None)` when it is not one.
pub async fn open(hash: &str) -> Result<Option<(String, Settings)>, ShareError> {
    let Some(PendingLink { packed, settings }) = share::parse_fragment(hash)? else {
        return Ok(None);
    };
    let inflated = inflated(&packed).await?;
    Ok(Some((packed.finish(inflated)?, settings)))
}

fn inflate_error(e: JsValue) -> ShareError {
    let msg = js_sys::Error::from(e)
        .message()
        .as_string()
        .unwrap_or_default();
    if msg.to_lowercase().contains("truncat") {
        ShareError::Truncated
    } else {
        ShareError::Corrupt(if msg.is_empty() {
            "not a deflate stream".into()
        } else {
            msg
        })
    }
}

/// The page's fragment (`location.hash`), or empty.
pub fn current_hash() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

/// The page's address without query and fragment (where a share link points).
pub fn page_url() -> String {
    let Some(loc) = web_sys::window().map(|w| w.location()) else {
        return String::new();
    };
    format!(
        "{}{}",
        loc.origin().unwrap_or_default(),
        loc.pathname().unwrap_or_default()
    )
}

/// Drops the link from the address bar (so a reload opens the saved program).
pub fn forget_link() {
    let Some(w) = web_sys::window() else { return };
    let loc = w.location();
    let clean = format!(
        "{}{}",
        loc.pathname().unwrap_or_default(),
        loc.search().unwrap_or_default()
    );
    if let Ok(h) = w.history() {
        let _ = h.replace_state_with_url(&JsValue::NULL, "", Some(&clean));
    }
}

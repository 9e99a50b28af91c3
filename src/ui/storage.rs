//! Autosave: the program text in `localStorage`, written on every edit and read at startup,
//! so nothing typed is lost on reload. Storage can be missing or full (private windows,
//! quotas): then the playground simply works without it.

const KEY: &str = "asyncio-playground.code";

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// The saved program, if any.
pub fn load_code() -> Option<String> {
    storage()?.get_item(KEY).ok().flatten()
}

/// Saves the program; failures (quota, disabled storage) are ignored on purpose.
pub fn save_code(code: &str) {
    if let Some(s) = storage() {
        let _ = s.set_item(KEY, code);
    }
}

const BACKUP_KEY: &str = "asyncio-playground.code-before-example";

/// Keeps the user's own program when an example replaces it.
pub fn save_backup(code: &str) {
    if let Some(s) = storage() {
        let _ = s.set_item(BACKUP_KEY, code);
    }
}

/// The program kept by `save_backup`, if any.
pub fn load_backup() -> Option<String> {
    storage()?.get_item(BACKUP_KEY).ok().flatten()
}

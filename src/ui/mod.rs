//! The Yew UI (wasm only).

/// Mounts the app on `<body>`.
pub fn start() {}

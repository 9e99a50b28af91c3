//! The event loop with CPython asyncio's semantics (being written; see issue 3).

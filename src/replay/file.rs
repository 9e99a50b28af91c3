//! The files a run travels in: the project's own JSON trace (an array of `TraceEvent`, as
//! `aioplay run --trace` and the Event log's export write it, extra keys such as `why`
//! ignored) and the playground's run file (the program, its `Script` and its trace), which
//! replays exactly. Reading never panics: every problem is a `FileError` in words.

use serde::{Deserialize, Serialize};

use crate::runtime::TraceEvent;

use super::script::Script;

/// The largest file accepted, in bytes.
pub const MAX_FILE_BYTES: usize = 64 * 1024 * 1024;

/// What the `kind` key of a run file says.
const RUN_KIND: &str = "asyncio-playground-run";

/// A run file: enough to replay the run (`code` + `script`) and the trace it made.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RunFile {
    pub kind: String,
    pub version: u32,
    pub code: String,
    /// `Script::to_text`.
    pub script: String,
    pub trace: Vec<TraceEvent>,
}

impl RunFile {
    /// The file for a run of `code` with inputs `script` that made `trace`.
    pub fn new(code: &str, script: &Script, trace: &[TraceEvent]) -> RunFile {
        RunFile {
            kind: RUN_KIND.into(),
            version: 1,
            code: code.into(),
            script: script.to_text(),
            trace: trace.to_vec(),
        }
    }

    /// As pretty JSON.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"))
    }
}

/// What a file held.
#[derive(Clone, Debug, PartialEq)]
pub enum Imported {
    /// A trace alone (no program): shown read-only, rewound by folding a prefix.
    Trace(Vec<TraceEvent>),
    /// A whole run: replayable.
    Run {
        code: String,
        script: Script,
        trace: Vec<TraceEvent>,
    },
}

impl Imported {
    /// The events of the file.
    pub fn trace(&self) -> &[TraceEvent] {
        match self {
            Imported::Trace(t) | Imported::Run { trace: t, .. } => t,
        }
    }
}

/// Why a file could not be imported. `Display` is the message the page shows.
#[derive(Clone, Debug, PartialEq)]
pub struct FileError(pub String);

impl std::fmt::Display for FileError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for FileError {}

/// Reads a trace or run file.
pub fn parse(bytes: &[u8]) -> Result<Imported, FileError> {
    let err = |s: String| Err(FileError(s));
    if bytes.len() > MAX_FILE_BYTES {
        return err(format!(
            "The file is too large to import ({} bytes; the limit is {MAX_FILE_BYTES}).",
            bytes.len()
        ));
    }
    let Ok(text) = std::str::from_utf8(bytes) else {
        return err("The file is not text: import a JSON trace written by `aioplay run --trace FILE.json` or exported from the playground.".into());
    };
    if text.trim().is_empty() {
        return err("The file is empty.".into());
    }
    let value = match super::json::parse(text) {
        Ok(v) => v,
        Err(e) => {
            return err(format!(
                "The file is not JSON (line {}, column {}: {e}).",
                e.line, e.column
            ))
        }
    };
    match value {
        serde_json::Value::Array(items) => {
            if items.first().is_some_and(|v| v.get("ph").is_some()) {
                return err(chrome_hint());
            }
            events(&items).map(Imported::Trace)
        }
        serde_json::Value::Object(obj) => {
            if obj.contains_key("traceEvents") {
                return err(chrome_hint());
            }
            match obj.get("kind").and_then(|k| k.as_str()) {
                Some(RUN_KIND) => {}
                _ => return err(
                    "This JSON is neither a trace (an array of events) nor a playground run file."
                        .into(),
                ),
            }
            let version = obj.get("version").and_then(|v| v.as_u64()).unwrap_or(0);
            if version != 1 {
                return err(format!(
                    "This run file has version {version}; this playground reads version 1."
                ));
            }
            let text_of = |key: &str| {
                obj.get(key)
                    .and_then(|v| v.as_str())
                    .map(str::to_string)
                    .ok_or_else(|| FileError(format!("The run file has no \"{key}\" text.")))
            };
            let code = text_of("code")?;
            let script = Script::from_text(&text_of("script")?)
                .map_err(|e| FileError(format!("The run file's {e}.")))?;
            let trace = match obj.get("trace") {
                Some(serde_json::Value::Array(items)) => events(items)?,
                _ => return err("The run file has no \"trace\" array.".into()),
            };
            Ok(Imported::Run {
                code,
                script,
                trace,
            })
        }
        _ => err(
            "This JSON is neither a trace (an array of events) nor a playground run file.".into(),
        ),
    }
}

fn chrome_hint() -> String {
    "This is a Chrome trace-event file (for Perfetto). Import the playground's own JSON trace instead: `aioplay run main.py --trace t.json` (the default format) or the Event log's export.".into()
}

/// The events of a trace array, each checked; the first bad one is named.
fn events(items: &[serde_json::Value]) -> Result<Vec<TraceEvent>, FileError> {
    let mut out = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        // `{"output": {...}}` entries are what the program printed (`--trace` places each
        // before the next event); the task panels are folded from the events alone.
        if item
            .as_object()
            .is_some_and(|o| o.len() == 1 && o.contains_key("output"))
        {
            continue;
        }
        match super::read::trace_event(item) {
            Ok(ev) => out.push(ev),
            Err(e) => {
                return Err(FileError(format!(
                    "Event {} of the trace is not a playground trace event ({e}).",
                    i + 1
                )))
            }
        }
    }
    if out.is_empty() {
        return Err(FileError("The trace has no events.".into()));
    }
    Ok(out)
}

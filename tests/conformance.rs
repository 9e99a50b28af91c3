//! Conformance: every program in `tests/conformance/` (and every preset in `www/presets/`)
//! run through the `aioplay` CLI must
//! print exactly what CPython printed (`NAME.out`, `NAME.err`; exit code in `NAME.exit` when
//! it is not 0). Programs are run as `main.py` from a temp dir, like the recordings.
//! `tests/conformance/KNOWN_FAILURES` lists programs not yet passing, one name per line with
//! a reason; each of them must still fail (so the list only shrinks).
//! `UPDATE_KNOWN_FAILURES=1 cargo test --test conformance` rewrites that list from a run.
#![cfg(not(target_arch = "wasm32"))]

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/conformance")
}

/// The corpus programs, by name (`NAME.py` without the extension), sorted.
pub fn programs() -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(corpus_dir())
        .expect("tests/conformance exists")
        .filter_map(|e| e.ok())
        .filter_map(|e| {
            e.file_name()
                .to_str()
                .and_then(|n| n.strip_suffix(".py"))
                .map(String::from)
        })
        .filter(|n| n != "record")
        .collect();
    names.sort();
    names
}

fn read_or_empty(p: PathBuf) -> String {
    fs::read_to_string(p).unwrap_or_default()
}

struct Outcome {
    stdout: String,
    stderr: String,
    code: i32,
}

fn run_aioplay(name: &str) -> Outcome {
    let dir = std::env::temp_dir().join(format!(
        "aioplay-conf-{}-{}",
        std::process::id(),
        name.replace('/', "-")
    ));
    fs::create_dir_all(&dir).unwrap();
    fs::copy(path_of(name, "py"), dir.join("main.py")).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_aioplay"))
        .args(["run", "main.py"])
        .current_dir(&dir)
        .output()
        .expect("aioplay runs");
    let _ = fs::remove_dir_all(&dir);
    Outcome {
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        code: out.status.code().unwrap_or(-1),
    }
}

/// A unified-ish diff of the first differing lines, enough to see what went wrong.
fn first_difference(label: &str, want: &str, got: &str) -> Option<String> {
    if want == got {
        return None;
    }
    let (w, g): (Vec<&str>, Vec<&str>) = (want.lines().collect(), got.lines().collect());
    let i = w.iter().zip(&g).take_while(|(a, b)| a == b).count();
    Some(format!(
        "  {label} differs at line {}:\n    want: {:?}\n    got:  {:?}",
        i + 1,
        w.get(i).copied().unwrap_or("<end>"),
        g.get(i).copied().unwrap_or("<end>")
    ))
}

/// `tests/conformance/NAME.EXT`, or `www/presets/NAME.EXT` for `presets/NAME`.
fn path_of(name: &str, ext: &str) -> PathBuf {
    match name.strip_prefix("presets/") {
        Some(p) => corpus_dir().join(format!("../../www/presets/{p}.{ext}")),
        None => corpus_dir().join(format!("{name}.{ext}")),
    }
}

fn check(name: &str) -> Result<(), String> {
    let want_out = read_or_empty(path_of(name, "out"));
    let want_err = read_or_empty(path_of(name, "err"));
    let want_code: i32 = read_or_empty(path_of(name, "exit"))
        .trim()
        .parse()
        .unwrap_or(0);
    let got = run_aioplay(name);
    let mut problems: Vec<String> = [
        first_difference("stdout", &want_out, &got.stdout),
        first_difference("stderr", &want_err, &got.stderr),
    ]
    .into_iter()
    .flatten()
    .collect();
    if got.code != want_code {
        problems.push(format!("  exit code: want {want_code}, got {}", got.code));
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems.join("\n"))
    }
}

fn known_failures() -> Vec<String> {
    read_or_empty(corpus_dir().join("KNOWN_FAILURES"))
        .lines()
        .map(|l| l.split('#').next().unwrap_or("").trim().to_string())
        .filter(|l| !l.is_empty())
        .collect()
}

#[test]
fn corpus_matches_cpython() {
    let names = programs();
    assert!(!names.is_empty(), "the corpus is empty");
    let known = known_failures();
    let results: Vec<(String, Result<(), String>)> = std::thread::scope(|s| {
        let chunks: Vec<Vec<String>> = names
            .chunks(names.len().div_ceil(4))
            .map(|c| c.to_vec())
            .collect();
        let handles: Vec<_> = chunks
            .into_iter()
            .map(|chunk| {
                s.spawn(move || {
                    chunk
                        .into_iter()
                        .map(|n| (n.clone(), check(&n)))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap())
            .collect()
    });
    if std::env::var_os("UPDATE_KNOWN_FAILURES").is_some() {
        let mut text = String::from(
            "# Corpus programs aioplay does not pass yet (rewritten by UPDATE_KNOWN_FAILURES=1).\n",
        );
        for (name, r) in &results {
            if let Err(e) = r {
                let first = e
                    .lines()
                    .take(3)
                    .map(str::trim)
                    .collect::<Vec<_>>()
                    .join(" | ");
                text.push_str(&format!("{name}  # {first}\n"));
            }
        }
        fs::write(corpus_dir().join("KNOWN_FAILURES"), text).unwrap();
        return;
    }
    let mut unexpected = Vec::new();
    let (mut passed, mut failed) = (0, 0);
    for (name, r) in &results {
        let is_known = known.contains(name);
        match (r, is_known) {
            (Ok(()), false) => passed += 1,
            (Ok(()), true) => {
                unexpected.push(format!("{name}: passes now; remove it from KNOWN_FAILURES"))
            }
            (Err(_), true) => failed += 1,
            (Err(e), false) => unexpected.push(format!("{name}:\n{e}")),
        }
    }
    println!(
        "conformance: {passed} pass, {failed} known failures, {} unexpected",
        unexpected.len()
    );
    assert!(
        unexpected.is_empty(),
        "{} conformance problems:\n{}",
        unexpected.len(),
        unexpected.join("\n")
    );
}

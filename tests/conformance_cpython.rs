//! The recorded outputs are still CPython's: when `python3` (3.11 here) is present, re-run it
//! on every corpus program not marked `# cpython: 3.12+` and compare stdout and the last
//! line of stderr (3.11 formats tracebacks differently from the 3.14 recordings).
#![cfg(not(target_arch = "wasm32"))]

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/conformance")
}

fn last_line(s: &str) -> &str {
    s.lines().rev().find(|l| !l.trim().is_empty()).unwrap_or("")
}

fn check(name: &str) -> Result<(), String> {
    let src =
        fs::read_to_string(corpus_dir().join(format!("{name}.py"))).map_err(|e| e.to_string())?;
    if src.starts_with("# cpython: 3.12+") {
        return Ok(());
    }
    let dir = std::env::temp_dir().join(format!("aioplay-cpy-{}-{name}", std::process::id()));
    fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
    fs::write(dir.join("main.py"), &src).map_err(|e| e.to_string())?;
    let out = Command::new("python3")
        .arg("main.py")
        .current_dir(&dir)
        .output()
        .map_err(|e| e.to_string())?;
    let _ = fs::remove_dir_all(&dir);
    let want_out = fs::read_to_string(corpus_dir().join(format!("{name}.out"))).unwrap_or_default();
    let want_err = fs::read_to_string(corpus_dir().join(format!("{name}.err"))).unwrap_or_default();
    // python3 3.11 names the file by its absolute path where 3.14 shows `main.py`.
    let abs = format!("{}/main.py", dir.display());
    let got_out = String::from_utf8_lossy(&out.stdout).replace(&abs, "main.py");
    let got_err = String::from_utf8_lossy(&out.stderr).replace(&abs, "main.py");
    if got_out != want_out {
        return Err(format!("{name}: python3's stdout differs from {name}.out"));
    }
    if last_line(&got_err) != last_line(&want_err) {
        return Err(format!(
            "{name}: python3's last stderr line {:?} differs from {:?}",
            last_line(&got_err),
            last_line(&want_err)
        ));
    }
    Ok(())
}

#[test]
fn recorded_outputs_match_python3() {
    if Command::new("python3").arg("--version").output().is_err() {
        println!("python3 not found: skipping the CPython re-check");
        return;
    }
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
    // The programs mostly sleep: run 4 at a time, then retry each mismatch alone (real
    // sleeps on a loaded machine can reorder timers a few milliseconds apart).
    let first: Vec<String> = std::thread::scope(|s| {
        let handles: Vec<_> = names
            .chunks(names.len().div_ceil(4).max(1))
            .map(|chunk| {
                s.spawn(move || {
                    chunk
                        .iter()
                        .filter(|n| check(n).is_err())
                        .cloned()
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap())
            .collect()
    });
    let errors: Vec<String> = first
        .iter()
        .filter_map(|n| check(n).or_else(|_| check(n)).err())
        .collect();
    println!(
        "CPython re-check: {} programs, {} mismatches",
        names.len(),
        errors.len()
    );
    assert!(errors.is_empty(), "{}", errors.join("\n"));
}

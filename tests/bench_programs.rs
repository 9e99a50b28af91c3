//! The benchmark programs (`bench/programs/`) still print their checksums (`NAME.out`,
//! recorded from CPython) when run on the native interpreter. A correctness check only: the
//! timings come from `scripts/bench.sh`, never from a test. The two heavy programs
//! (`mem_100k`, `render_10k`) are checked by the bench command itself, to keep this cheap.
#![cfg(not(target_arch = "wasm32"))]

use std::fs;
use std::path::Path;

use asyncio_playground::lang::vm::session::Session;

const HEAVY: [&str; 2] = ["mem_100k", "render_10k"];

#[test]
fn bench_programs_print_cpythons_checksums() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("bench/programs");
    let mut names: Vec<String> = fs::read_dir(&dir)
        .expect("bench/programs exists")
        .filter_map(|e| e.ok())
        .filter_map(|e| {
            e.file_name()
                .to_str()?
                .strip_suffix(".py")
                .map(String::from)
        })
        .filter(|n| !HEAVY.contains(&n.as_str()))
        .collect();
    names.sort();
    assert!(
        names.len() >= 8,
        "B1-B7 and the start-up baseline: {names:?}"
    );
    for name in names {
        let source = fs::read_to_string(dir.join(format!("{name}.py"))).expect("program");
        let expected =
            fs::read_to_string(dir.join(format!("{name}.out"))).expect("recorded output");
        let mut session = Session::new(&source, "main.py");
        assert!(
            session.run_to_end(),
            "{name} raised: {:?}",
            session.take_console()
        );
        let printed: String = session.take_console().into_iter().map(|(_, t)| t).collect();
        assert_eq!(printed, expected, "{name}");
    }
}

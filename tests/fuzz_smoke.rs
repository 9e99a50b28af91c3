//! The fuzz targets (`fuzz/targets.rs`) on stable, in the normal `cargo test` path: each runs
//! over the seed corpus (the conformance programs and presets), over mutations of it from a
//! seeded PRNG, and over every crash the fuzzers found (`fuzz/regressions/`). A panic fails.
#![cfg(not(target_arch = "wasm32"))]

#[path = "../fuzz/targets.rs"]
mod targets;

use std::path::Path;

/// The seed corpus: every `.py` under tests/conformance/ and www/presets/.
fn seeds() -> Vec<Vec<u8>> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut out = Vec::new();
    for dir in ["tests/conformance", "www/presets"] {
        let mut files: Vec<_> = std::fs::read_dir(root.join(dir))
            .expect("corpus folder")
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "py"))
            .collect();
        files.sort();
        out.extend(files.iter().filter_map(|p| std::fs::read(p).ok()));
    }
    assert!(out.len() > 50, "seed corpus missing");
    out
}

/// Crashes the fuzzers found, kept as regression inputs (one file each).
fn regressions() -> Vec<Vec<u8>> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/regressions");
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    files.sort();
    files.iter().filter_map(|p| std::fs::read(p).ok()).collect()
}

/// xorshift64*: a fixed seed, so a failure reproduces.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// A libFuzzer-style mutation: flip, insert, delete, duplicate or splice a span.
fn mutate(rng: &mut Rng, input: &[u8], other: &[u8]) -> Vec<u8> {
    let mut v = input.to_vec();
    for _ in 0..1 + rng.below(4) {
        let at = rng.below(v.len() + 1);
        match rng.below(6) {
            0 if at < v.len() => v[at] ^= 1 << rng.below(8),
            1 => {
                const BYTES: &[u8] = b"()[]{}:,.=\n\t \"'#\\*@-+0aZ";
                v.insert(at, BYTES[rng.below(BYTES.len())]);
            }
            2 if at < v.len() => {
                let n = rng.below(16).min(v.len() - at);
                v.drain(at..at + n);
            }
            3 if at < v.len() => {
                let n = rng.below(64).min(v.len() - at);
                let chunk = v[at..at + n].to_vec();
                v.splice(at..at, chunk);
            }
            4 if !other.is_empty() => {
                let s = rng.below(other.len());
                let n = rng.below(128).min(other.len() - s);
                v.splice(at..at, other[s..s + n].iter().copied());
            }
            _ => v.truncate(at),
        }
    }
    v
}

/// Runs `f` on a thread with a big stack: debug builds use far more stack per level of
/// nesting than the release builds the limits are measured for (see `parser::MAX_DEPTH`).
fn on_big_stack(f: impl FnOnce() + Send + 'static) {
    std::thread::Builder::new()
        .stack_size(64 << 20)
        .spawn(f)
        .expect("spawn")
        .join()
        .expect("a fuzz target panicked");
}

const MUTANTS: usize = 300;

#[test]
fn parse_targets_survive_seeds_mutants_and_regressions() {
    on_big_stack(|| {
        let seeds = seeds();
        for s in seeds.iter().chain(regressions().iter()) {
            targets::parse_bytes(s);
            targets::parse_grammar(s);
        }
        let mut rng = Rng(0x5eed_0ff0_22aa);
        for _ in 0..MUTANTS * 4 {
            let a = &seeds[rng.below(seeds.len())];
            let b = &seeds[rng.below(seeds.len())];
            let m = mutate(&mut rng, a, b);
            targets::parse_bytes(&m);
            targets::parse_grammar(&m);
        }
    });
}

#[test]
fn run_target_survives_seeds_mutants_and_regressions() {
    on_big_stack(|| {
        let seeds = seeds();
        for s in seeds.iter().chain(regressions().iter()) {
            targets::run_program(s);
        }
        let mut rng = Rng(0x0dd_ba11);
        for _ in 0..MUTANTS {
            let a = &seeds[rng.below(seeds.len())];
            let b = &seeds[rng.below(seeds.len())];
            targets::run_program(&mutate(&mut rng, a, b));
            let g: Vec<u8> = (0..256).map(|_| rng.next() as u8).collect();
            targets::run_grammar(&g);
        }
    });
}

#[test]
fn share_link_target_survives_links_and_mutants() {
    use asyncio_playground::share::{to_fragment, Settings};
    // Real links (every seed program as a text payload, with settings), then mutants of them.
    let mut links: Vec<Vec<u8>> = Vec::new();
    for s in seeds().iter().take(60) {
        let code = String::from_utf8_lossy(s);
        if let Ok(f) = to_fragment(&code, &Settings::default(), None) {
            links.push(format!("#{f}").into_bytes());
        }
    }
    // Links carrying a recorded run, and script texts themselves.
    let script = "r1;t0.25@120.3.14;c2@300.4.20;p@310.4.21;s@400.5.30;x@500.6.40";
    if let Ok(run) = asyncio_playground::share::payload::encode(script, None) {
        for l in links.clone().iter().take(10) {
            let f = String::from_utf8_lossy(l);
            links.push(asyncio_playground::share::run::with_run(&f, &run).into_bytes());
        }
    }
    links.push(script.as_bytes().to_vec());
    assert!(links.len() > 20, "links from the seeds");
    let mut rng = Rng(0x5ba_7e11);
    for l in &links {
        targets::share_link(l);
    }
    for _ in 0..MUTANTS * 4 {
        let a = &links[rng.below(links.len())];
        let b = &links[rng.below(links.len())];
        targets::share_link(&mutate(&mut rng, a, b));
    }
}

/// Parsing and compiling free everything they allocate (the editor compiles on every Run;
/// a leak here would grow the page's memory with each one).
#[test]
fn compiling_does_not_leak() {
    use asyncio_playground::lang::vm::memory::live_bytes;
    let seeds = seeds();
    let mut rng = Rng(0x1ea6_0007);
    let inputs: Vec<Vec<u8>> = (0..50)
        .map(|_| {
            let a = &seeds[rng.below(seeds.len())];
            mutate(&mut rng, a, a)
        })
        .collect();
    let round = || {
        for i in &inputs {
            targets::parse_bytes(i);
            targets::parse_grammar(i);
        }
    };
    round();
    let before = live_bytes();
    for _ in 0..5 {
        round();
    }
    let grown = live_bytes().saturating_sub(before);
    assert!(
        grown < 64 << 10,
        "parse + compile leaked {grown} bytes over 5 rounds"
    );
}

/// What one run of a small asyncio program leaves allocated after its session is dropped
/// (objects in reference cycles are never freed: there is no cycle collector).
#[test]
fn runs_leave_little_behind() {
    use asyncio_playground::lang::vm::memory::live_bytes;
    let src = "import asyncio\nasync def main():\n    print('main starts')\n    await asyncio.sleep(0)\n    return 42\nresult = asyncio.run(main())\nprint(result)\n";
    let once = || {
        let mut s = asyncio_playground::lang::vm::session::Session::new(src, "main.py");
        assert!(s.run_to_end());
    };
    once();
    let before = live_bytes();
    for _ in 0..20 {
        once();
    }
    let per_run = live_bytes().saturating_sub(before) / 20;
    eprintln!("left behind per run: {per_run} bytes");
    assert!(per_run < 1 << 10, "{per_run} bytes left behind per run");
}

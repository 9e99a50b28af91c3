use super::*;
use crate::lang::ast::dump::dump_module;

#[allow(dead_code)]
fn p(src: &str) -> String {
    match parse(src) {
        Ok(m) => dump_module(&m).trim_end().to_string(),
        Err(e) => format!("ERROR {}", e.render(src, "main.py")),
    }
}

fn unescape(line: &str) -> String {
    line.replace("\\n", "\n")
        .replace("\\t", "\t")
        .replace("\\\\", "\\")
}

#[test]
fn explore() {
    std::thread::Builder::new()
        .stack_size(64 << 20)
        .spawn(explore_inner)
        .unwrap()
        .join()
        .unwrap();
}

fn explore_inner() {
    let Ok(cases) = std::fs::read_to_string("/tmp/errs/cases.txt") else {
        return;
    };
    let mut out = String::new();
    for line in cases.lines().filter(|l| !l.is_empty()) {
        let src = unescape(line);
        out.push_str(&format!("### {line}\n"));
        match parse(&src) {
            Ok(_) => out.push_str("OK\n"),
            Err(e) => {
                out.push_str(&e.render(&src, "main.py"));
                out.push('\n');
            }
        }
    }
    let _ = std::fs::write("/tmp/errs/ours.txt", out);
}

#[test]
fn stack_probe() {
    for n in [50usize, 98, 99, 100, 150] {
        let src = format!("x = {}1{}\n", "(".repeat(n), ")".repeat(n));
        let r = std::thread::Builder::new()
            .stack_size(
                std::env::var("PROBE_STACK")
                    .ok()
                    .and_then(|s| s.parse().ok())
                    .unwrap_or(2 << 20),
            )
            .spawn(move || parse(&src).map(|_| ()).map_err(|e| e.to_string()))
            .unwrap()
            .join();
        println!("n={n} ok={r:?}");
    }
}

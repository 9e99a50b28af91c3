use super::*;
use crate::lang::ast::dump::dump_module;

fn p(src: &str) -> String {
    match parse(src) {
        Ok(m) => dump_module(&m).trim_end().to_string(),
        Err(e) => format!("ERROR {}", e.render(src, "main.py")),
    }
}

#[test]
fn explore() {
    let cases = std::fs::read_to_string("/tmp/explore.txt").unwrap_or_default();
    for c in cases.split("\n----\n") {
        println!("### {c}\n{}\n", p(c));
    }
}

//! `aioplay prerender`: a page's playground blocks get their output and a timeline picture
//! written after them; idempotent; `--check`; clear errors for a broken chain.
#![cfg(not(target_arch = "wasm32"))]

use std::process::Command;

fn dir(name: &str) -> std::path::PathBuf {
    let d = std::env::temp_dir().join(format!("aioplay-prerender-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn aioplay(args: &[&str], cwd: &std::path::Path) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_aioplay"))
        .args(args)
        .current_dir(cwd)
        .output()
        .unwrap()
}

const PAGE: &str = "<!doctype html><title>t</title>
<template id=\"helpers\">
    import asyncio
    async def fetch(n):
        await asyncio.sleep(n)
        return n
</template>
<pre data-asyncio-playground id=\"a\" data-setup=\"#helpers\">
    async def main():
        print('a got', await fetch(1))
    asyncio.run(main())
</pre>
<pre data-asyncio-playground id=\"b\" data-after=\"a\">
    async def main2():
        results = await asyncio.gather(fetch(2), fetch(3))
        print('b got', results)
    asyncio.run(main2())
</pre>
";

#[test]
fn prerender_writes_output_and_a_timeline_after_each_block() {
    let d = dir("ok");
    std::fs::write(d.join("page.html"), PAGE).unwrap();
    let out = aioplay(&["prerender", "page.html", "-o", "out.html"], &d);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let html = std::fs::read_to_string(d.join("out.html")).unwrap();
    // The page is unchanged around the blocks; each gets its output and an SVG after it.
    assert!(html.starts_with("<!doctype html><title>t</title>"));
    let a = html.find("data-for=\"a\"").unwrap();
    let b = html.find("data-for=\"b\"").unwrap();
    assert!(a < html.find("id=\"b\"").unwrap() && b > a);
    assert!(html[a..b].contains("<pre class=\"aiopg-expected-output\">a got 1\n</pre>"));
    // Block b re-runs block a (its chain) first, in one fresh program.
    assert!(
        html[b..].contains("<pre class=\"aiopg-expected-output\">a got 1\nb got [2, 3]\n</pre>")
    );
    assert_eq!(html.matches("<svg").count(), 2);
    // Up to date now: --check passes on the output and fails on the original.
    assert!(aioplay(&["prerender", "out.html", "--check"], &d)
        .status
        .success());
    assert_eq!(
        aioplay(&["prerender", "page.html", "--check"], &d)
            .status
            .code(),
        Some(1)
    );
    // In place, twice: the same page (earlier output replaced, not duplicated).
    assert!(aioplay(&["prerender", "page.html"], &d).status.success());
    assert!(aioplay(&["prerender", "page.html"], &d).status.success());
    assert_eq!(std::fs::read_to_string(d.join("page.html")).unwrap(), html);
}

#[test]
fn prerender_reports_a_broken_chain_and_writes_nothing() {
    let d = dir("bad");
    let page = "<pre data-asyncio-playground id=x data-after=missing>print(1)</pre>";
    std::fs::write(d.join("page.html"), page).unwrap();
    let out = aioplay(&["prerender", "page.html"], &d);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("data-after=\"missing\" on #x: no playground block has id=\"missing\""),
        "{err}"
    );
    assert_eq!(std::fs::read_to_string(d.join("page.html")).unwrap(), page);
    let out = aioplay(&["prerender"], &d);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn the_tutorial_page_is_prerendered_without_errors() {
    let d = dir("tutorial");
    let src = concat!(env!("CARGO_MANIFEST_DIR"), "/www/tutorial.html");
    let out = aioplay(&["prerender", src, "-o", "tutorial.html"], &d);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let html = std::fs::read_to_string(d.join("tutorial.html")).unwrap();
    let blocks = html.matches("<pre data-asyncio-playground id=").count();
    assert!(blocks >= 8);
    assert_eq!(html.matches("class=\"aiopg-prerendered\"").count(), blocks);
    assert!(!html.contains("Traceback"), "a tutorial example fails");
}

use super::*;

const PAGE: &str = r##"<!doctype html><html><body>
<template id="setup">
  import asyncio
  async def fetch(n):
      await asyncio.sleep(n)
      return n * 10
</template>
<pre data-asyncio-playground id="one" data-setup="#setup">
async def main():
    print(await fetch(1))
asyncio.run(main())
</pre>
<p>text</p>
<pre data-asyncio-playground id="two" data-after="one">
async def two():
    t = asyncio.create_task(fetch(2), name="f")
    print("got", await t)
    raise ValueError("x &lt; y")
asyncio.run(two())
</pre>
</body></html>"##;

#[test]
fn each_block_runs_its_setup_and_chain_and_gets_output_and_a_timeline() {
    let (page, rendered) = prerender(PAGE).unwrap();
    assert_eq!(rendered.len(), 2);
    assert_eq!(rendered[0].output, "10\n");
    assert!(rendered[0].ok);
    // The chain re-runs block one, then block two, in one fresh program.
    assert!(
        rendered[1].output.starts_with("10\ngot 20\nTraceback"),
        "{}",
        rendered[1].output
    );
    // The traceback points at block two's own line 4, as its reader sees it.
    assert!(
        rendered[1]
            .output
            .contains("File \"main.py\", line 4, in two"),
        "{}",
        rendered[1].output
    );
    assert!(rendered[1].output.ends_with("ValueError: x < y\n"));
    let svg = rendered[1].svg.as_deref().unwrap();
    assert!(svg.starts_with("<svg") && svg.contains(">f</text>") && svg.contains("#d64545"));
    // Written after each block, escaped, and replaced (not duplicated) on a second run.
    assert!(page.contains("data-for=\"two\""));
    assert!(page.contains("ValueError: x &lt; y"));
    let (again, _) = prerender(&page).unwrap();
    assert_eq!(again, page);
    assert_eq!(strip(&page), PAGE);
}

#[test]
fn missing_setup_and_chain_cycles_are_errors_that_name_the_block() {
    let e =
        prerender("<pre data-asyncio-playground id=a data-setup=\"#nope\">x</pre>").unwrap_err();
    assert_eq!(
        e.to_string(),
        "data-setup=\"#nope\" on #a: the page has no element with id=\"nope\""
    );
    let e = prerender(
        "<pre data-asyncio-playground id=a data-after=b>x</pre>\
         <pre data-asyncio-playground id=b data-after=a>y</pre>",
    )
    .unwrap_err();
    assert_eq!(e.to_string(), "data-after makes a cycle: #a → #b → #a");
}

#[test]
fn a_runaway_block_stops_with_a_message() {
    let (_, r) = prerender(
        "<pre data-asyncio-playground>\nimport asyncio\nasync def m():\n    while True:\n        \
         await asyncio.sleep(1)\nasyncio.run(m())\n</pre>",
    )
    .unwrap();
    assert!(r[0].output.contains("stopped"), "{}", r[0].output);
}

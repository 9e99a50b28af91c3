// The loader's selector option on the markup of the frameworks the suite cannot build here
// (docs/embedding.md#recipes): mdBook (highlight.js spans, a copy button inside the <pre>),
// Docusaurus (one <span> per line ending in <br>, no newline characters), and plain HTML
// with a class of the author's. The code read back
// must be the author's exactly; a bad selector is reported and adopts nothing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, openPage, subPathSite } from './harness.mjs';

const LINES = ['import asyncio', '', 'async def main():', '    if 1 < 2 and "a" != "b":', '        await asyncio.sleep(0.1)', '        print("ok & <done>")', '', 'asyncio.run(main())'];
const CODE = `${LINES.join('\n')}\n`;
const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const page = (title, loader, body) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><link rel="icon" href="../play/favicon.svg"><title>${title}</title>
${loader}</head><body><main>${body}</main></body></html>`;

// mdBook 0.4: \`\`\`python,asyncio -> <code class="language-python asyncio">, highlighted by
// highlight.js in the page; book.js puts the copy button inside the <pre>.
const MDBOOK = page('mdBook', '<script type="module" src="../play/loader.js" data-selector="code.language-python.asyncio"></script>',
  `<pre><code class="language-python hljs">print("just code")</code></pre>
<pre><div class="buttons"><button class="clip-button" title="Copy to clipboard" aria-label="Copy to clipboard">Copy</button></div><code class="language-python asyncio hljs"><span class="hljs-keyword">import</span> asyncio

<span class="hljs-keyword">async</span> <span class="hljs-function"><span class="hljs-keyword">def</span> <span class="hljs-title">main</span>():</span>
    <span class="hljs-keyword">if</span> <span class="hljs-number">1</span> &lt; <span class="hljs-number">2</span> <span class="hljs-keyword">and</span> <span class="hljs-string">"a"</span> != <span class="hljs-string">"b"</span>:
        <span class="hljs-keyword">await</span> asyncio.sleep(<span class="hljs-number">0.1</span>)
        <span class="hljs-built_in">print</span>(<span class="hljs-string">"ok &amp; &lt;done&gt;"</span>)

asyncio.run(main())
</code></pre>`);

// Docusaurus 3: \`\`\`python-asyncio -> Prism's markup, each line a span closed by <br>.
const line = (text) => `<span class="token-line" style="color:#393A34">${text ? `<span class="token plain">${esc(text)}</span>` : '<span class="token plain" style="display:inline-block"></span>'}<br></span>`;
const DOCUSAURUS = page('Docusaurus', '<script type="module" src="../play/loader.js?selector=pre.language-python-asyncio"></script>',
  `<div class="language-python codeBlockContainer_Ckt0 theme-code-block"><div class="codeBlockContent_biex"><pre tabindex="0" class="prism-code language-python codeBlock_bY9V"><code class="codeBlockLines_e6Vv">${line('print("just code")')}</code></pre></div></div>
<div class="language-python-asyncio codeBlockContainer_Ckt0 theme-code-block"><div class="codeBlockContent_biex"><pre tabindex="0" class="prism-code language-python-asyncio codeBlock_bY9V thin-scrollbar"><code class="codeBlockLines_e6Vv">${LINES.map(line).join('')}</code></pre><div class="buttonGroup__atx"><button type="button" aria-label="Copy code to clipboard" title="Copy" class="clean-btn">Copy</button></div></div></div>`);

// Plain HTML with the author's own class instead of data-asyncio-playground.
const PLAIN = page('plain HTML', '<script type="module" src="../play/loader.js" data-selector="pre.asyncio"></script>',
  `<pre class="language-python">print("just code")</pre>\n<pre class="asyncio">${esc(CODE)}</pre>`);

// The same, configured by a script of the page's own (a file: no inline script under a CSP).
const GLOBAL = page('window.asyncioPlayground', '<script src="config.js"></script><script type="module" src="../play/loader.js"></script>',
  `<pre class="language-python">print("just code")</pre>\n<pre class="asyncio">${esc(CODE)}</pre>`);
const CONFIG = "window.asyncioPlayground = { selector: 'pre.asyncio' };\n";

const BAD = page('bad selector', '<script type="module" src="../play/loader.js" data-selector="pre:::x"></script>',
  '<pre class="language-python">print(1)</pre>');

let site, server, browser;
before(async () => {
  site = await subPathSite({ 'mdbook.html': MDBOOK, 'docusaurus.html': DOCUSAURUS, 'plain.html': PLAIN, 'global.html': GLOBAL, 'config.js': CONFIG, 'bad.html': BAD });
  server = await serve(site.root);
  browser = await launch();
});
after(async () => { await browser?.close(); await server?.close(); await site?.remove(); });

for (const [name, file, container] of [['mdBook', 'mdbook.html', 'pre'], ['Docusaurus', 'docusaurus.html', '.codeBlockContainer_Ckt0'], ['Plain HTML', 'plain.html', 'pre'], ['window.asyncioPlayground', 'global.html', 'pre']]) {
  test(`${name}'s highlighted markup: the marked block's code is read exactly and runs`, async () => {
    const { page: p, errors } = await openPage(browser, `${server.url}/docs/guide/${file}`);
    await p.waitForSelector('pre[data-asyncio-playground-state="live"]', { state: 'attached', timeout: 20000 });
    assert.deepEqual(await p.$$eval('pre[data-asyncio-playground]', (ps) => ps.map((x) => x.asyncioPlayground.code)), [CODE]);
    // The whole framework block (copy button included) is hidden; the plain block is not.
    const adopted = await p.$eval('[data-asyncio-playground-adopted]', (b) => b.matches('main > *'));
    assert.equal(adopted, true, 'the outermost wrapper of the block was adopted');
    assert.equal(await p.isVisible('[data-asyncio-playground-adopted]'), false);
    assert.equal(await p.isVisible(`main > ${container}:first-child`), true);
    const out = await p.evaluate(() => new Promise((ok) => {
      const pg = document.querySelector('pre[data-asyncio-playground]').asyncioPlayground;
      pg.on('finished', ok);
      pg.run();
    }));
    assert.equal(out.stdout, 'ok & <done>\n');
    assert.deepEqual(errors, []);
    await p.close();
  });
}

test('a selector that is not valid CSS is reported on the console and adopts nothing', async () => {
  const { page: p, errors } = await openPage(browser, `${server.url}/docs/guide/bad.html`);
  await p.waitForFunction(() => document.readyState === 'complete');
  await p.waitForTimeout(300);
  assert.equal(await p.$$eval('pre[data-asyncio-playground]', (ps) => ps.length), 0);
  assert.equal(errors.length, 1);
  assert.match(errors[0], /selector "pre:::x" is not a valid CSS selector/);
  await p.close();
});

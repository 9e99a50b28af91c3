// Soak: runs every preset ROUNDS times (default 200) in one page of the served release build
// (run scripts/build.sh first) and prints DOM node counts, wasm memory and live interpreter
// sessions every 10 rounds, then a flat-line verdict (exit code 1 when not flat).
// Not part of scripts/test.sh (slow); tests/e2e/soak.test.mjs runs a short variant.
//   node scripts/soak.mjs [ROUNDS]
import { serve, launch, openPage, soak, flatLine } from '../tests/e2e/harness.mjs';

const rounds = Number(process.argv[2] || 200);
const server = await serve();
const browser = await launch();
try {
  const { page, errors } = await openPage(browser, server.url + '/');
  const t0 = Date.now();
  const f = await soak(page, rounds, (r, nodes, mib, live) => {
    if (r % 10 === 0 || r === 1) console.log(`round ${r}: ${nodes} DOM nodes, ${mib} MiB wasm memory, ${live} live session(s), ${Math.round((Date.now() - t0) / 1000)} s`);
  });
  const seconds = Math.round((Date.now() - t0) / 1000);
  const runs = f.presets * rounds;
  console.log(`${runs} runs (${f.presets} presets x ${rounds}) in ${seconds} s`);
  console.log(`DOM nodes: page ${f.nodes[0]}, after round 1 ${f.nodes[1]}, last ${f.nodes.at(-1)}, max ${Math.max(...f.nodes)}`);
  const grew = f.bytes.at(-1) - f.bytes[1];
  console.log(`wasm memory: page ${f.bytes[0]} B, after round 1 ${f.bytes[1]} B, last ${f.bytes.at(-1)} B (${grew >= 0 ? '+' : ''}${grew} B since round 1, ${Math.round(grew / Math.max(1, rounds - 1))} B per round)`);
  console.log(`live sessions after each round: max ${Math.max(...f.live.slice(1))}`);
  const verdict = flatLine(f);
  console.log(verdict.flat ? 'verdict: FLAT' : `verdict: GROWING (${verdict.why.join('; ')})`);
  if (errors.length) console.log(`page errors: ${errors.join('\n')}`);
  if (errors.length || !verdict.flat) process.exitCode = 1;
} finally {
  await browser.close();
  await server.close();
}

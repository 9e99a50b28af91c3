// Soak: runs every preset ROUNDS times (default 200) in one page of the served release build
// (run scripts/build.sh first) and prints DOM node counts and wasm memory after each round.
// Not part of scripts/test.sh (slow); tests/e2e/robust.test.mjs runs a 3-round variant.
//   node scripts/soak.mjs [ROUNDS]
import { serve, launch, openPage, soak } from '../tests/e2e/harness.mjs';

const rounds = Number(process.argv[2] || 200);
const server = await serve();
const browser = await launch();
try {
  const { page, errors } = await openPage(browser, server.url + '/');
  const t0 = Date.now();
  const f = await soak(page, rounds, (r, nodes, mib) => {
    if (r % 10 === 0) console.log(`round ${r}: ${nodes} DOM nodes, ${mib} MiB wasm memory, ${Math.round((Date.now() - t0) / 1000)} s`);
  });
  console.log(JSON.stringify({ ...f, seconds: Math.round((Date.now() - t0) / 1000), errors }));
  const grew = (xs) => xs.at(-1) - xs[1];
  console.log(`DOM nodes: first round ${f.nodes[1]}, last ${f.nodes.at(-1)} (${grew(f.nodes) >= 0 ? '+' : ''}${grew(f.nodes)})`);
  console.log(`wasm memory MiB: first round ${f.memory[1]}, last ${f.memory.at(-1)}, max ${Math.max(...f.memory)}`);
  if (errors.length) process.exitCode = 1;
} finally {
  await browser.close();
  await server.close();
}

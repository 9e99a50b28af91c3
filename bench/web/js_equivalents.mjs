// Plain-JS equivalents of B1, B2, B3 and B7 (async functions and promises): the floor the
// playground's numbers are read against. Each returns the checksum its Python twin prints.
// `await sleep0()` is asyncio.sleep(0): every other ready coroutine runs before this resumes.

const sleep0 = () => Promise.resolve();

/** A cancellable sleep: resolves after `ms`, or rejects with the signal's AbortError. */
function sleep(ms, signal) {
  return new Promise((resolve, reject) => {
    const id = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => { clearTimeout(id); reject(signal.reason); }, { once: true });
  });
}

/** B1 spawn: 10,000 async functions that each yield once and return i; all; sum. */
export async function b1_spawn() {
  const work = async (i) => { await sleep0(); return i; };
  const tasks = [];
  for (let i = 0; i < 10_000; i++) tasks.push(work(i));
  const results = await Promise.all(tasks);
  return `b1_spawn ${results.reduce((a, b) => a + b, 0)}`;
}

/** B2 switch: 100 async functions each yielding 1,000 times. */
export async function b2_switch() {
  const spinner = async (n) => { let count = 0; for (let k = 0; k < n; k++) { await sleep0(); count++; } return count; };
  const tasks = [];
  for (let i = 0; i < 100; i++) tasks.push(spinner(1_000));
  const results = await Promise.all(tasks);
  return `b2_switch ${results.reduce((a, b) => a + b, 0)}`;
}

/** B3 cancel: 10,000 sleeps of 10 s, aborted after one yield; count the AbortErrors. */
export async function b3_cancel() {
  const sleeper = async (signal) => { await sleep(10_000, signal); return 1; };
  const controllers = [];
  const tasks = [];
  for (let i = 0; i < 10_000; i++) {
    const c = new AbortController();
    controllers.push(c);
    tasks.push(sleeper(c.signal));
  }
  await sleep0();
  for (const c of controllers) c.abort();
  const results = await Promise.allSettled(tasks);
  const cancelled = results.filter((r) => r.status === 'rejected' && r.reason?.name === 'AbortError').length;
  return `b3_cancel ${cancelled}`;
}

/** B7 chain: 1,000 async functions where k awaits k-1. */
export async function b7_chain() {
  const link = async (k, prev) => { let value = 0; if (prev !== null) value = await prev; return value + k; };
  let prev = null;
  for (let k = 0; k < 1_000; k++) prev = link(k, prev);
  return `b7_chain ${await prev}`;
}

export const JS_BENCHES = { b1_spawn, b2_switch, b3_cancel, b7_chain };

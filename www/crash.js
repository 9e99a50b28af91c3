// The last line of defence: if the wasm app traps (a Rust panic is a bug; user input never
// should cause one), show a notice with the autosaved program instead of a dead page.
// Plain DOM and text only (never HTML), so it works after the wasm instance has died.
(function () {
  const KEY = 'asyncio-playground.code'; // src/ui/storage.rs
  function show(detail) {
    if (document.getElementById('crash') || !document.body) return;
    let code = '';
    try { code = localStorage.getItem(KEY) || ''; } catch (_) { /* storage disabled */ }
    const el = (tag, text) => { const e = document.createElement(tag); if (text) e.textContent = text; return e; };
    const box = el('div');
    box.id = 'crash';
    box.setAttribute('role', 'alert');
    const area = el('textarea');
    area.readOnly = true;
    area.value = code;
    area.setAttribute('aria-label', 'Your saved program');
    const reload = el('a', 'Reload the playground');
    reload.href = location.pathname;
    box.append(
      el('h2', 'The playground hit an internal error'),
      el('p', 'This is a bug in the playground, not in your program. Your code was saved as you typed: it is below, and it will be back in the editor when you reload.'),
      area, reload, el('pre', String(detail)));
    document.body.append(box);
  }
  // A wasm trap (panic = abort) surfaces as an uncaught WebAssembly.RuntimeError.
  const isTrap = (e) => e && (e instanceof WebAssembly.RuntimeError || e.name === 'RuntimeError');
  addEventListener('error', (ev) => { if (isTrap(ev.error)) show(ev.error); });
  addEventListener('unhandledrejection', (ev) => { if (isTrap(ev.reason)) show(ev.reason); });
})();

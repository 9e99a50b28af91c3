// Starts the full playground (index.html). Trunk's own start-up script would be inline, which
// a strict Content-Security-Policy forbids; this file does the same from the site's origin:
// loads the wasm next to it (so the site works from any sub-path), exposes the bindings as
// window.wasmBindings and fires TrunkApplicationStarted, as Trunk's script does.
import init, * as bindings from './asyncio-playground.js';
import './offline.js';

const wasm = await init({ module_or_path: new URL('./asyncio-playground_bg.wasm', import.meta.url) });
window.wasmBindings = bindings;
dispatchEvent(new CustomEvent('TrunkApplicationStarted', { detail: { wasm } }));

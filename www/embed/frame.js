// Starts the iframe view (embed.html): loads the playground's one wasm module, whose start
// sees <html data-asyncio-playground="embed"> and renders the embed from the address.
import init from './asyncio-playground.js';
import './offline.js';

init({ module_or_path: new URL('./asyncio-playground_bg.wasm', import.meta.url) }).catch((e) => {
  const box = document.getElementById('playground') || document.body;
  const p = document.createElement('p');
  p.className = 'aiopg-load-error';
  p.textContent = `The playground could not load: ${e && e.message ? e.message : e}`;
  box.append(p);
});

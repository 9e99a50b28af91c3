// Trunk post-build hook: gives every page a Content-Security-Policy that allows only the
// site's own scripts, its wasm, and (by hash) the module script Trunk inlines to start it.
// Nothing user-provided can run as script: no 'unsafe-inline' and no 'unsafe-eval' for JS.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const dir = process.env.TRUNK_STAGING_DIR || process.argv[2] || 'dist';

/** The policy for a page whose inline scripts have these sha256 hashes. */
export function policy(hashes) {
  const scripts = ["'self'", "'wasm-unsafe-eval'", ...hashes.map((h) => `'sha256-${h}'`)];
  return [
    "default-src 'self'",
    `script-src ${scripts.join(' ')}`,
    // Yew sets style attributes and CodeMirror injects <style> elements.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

for (const name of fs.readdirSync(dir).filter((f) => f.endsWith('.html'))) {
  const file = path.join(dir, name);
  let html = fs.readFileSync(file, 'utf8');
  html = html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>\s*/g, '');
  const hashes = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)]
    .map((m) => crypto.createHash('sha256').update(m[1], 'utf8').digest('base64'));
  const meta = `<meta http-equiv="Content-Security-Policy" content="${policy(hashes)}">`;
  // First in <head> (or, where release minification left the head implied, right after
  // <html>), so it governs every script and stylesheet after it.
  const open = /<head>/.test(html) ? /<head>/ : /<html[^>]*>/;
  if (!open.test(html)) throw new Error(`csp: ${name} has neither <head> nor <html>`);
  html = html.replace(open, (tag) => `${tag}\n  ${meta}`);
  fs.writeFileSync(file, html);
  console.log(`csp: ${name} (${hashes.length} inline script${hashes.length === 1 ? '' : 's'} by hash)`);
}

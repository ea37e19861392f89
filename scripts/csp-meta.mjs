// Trunk post_build step (run by scripts/post-build.sh): writes the app's base
// Content-Security-Policy into the staged index.html as a <meta http-equiv>, first in
// <head> so it covers everything after it. Any static host then serves the policy with
// the page; no header configuration is needed for it.
//
// Trunk 0.21 loads the wasm with an inline module script it writes itself, and a
// static host has no per-response nonce, so that script is allowed by its SHA-256
// hash, computed here from the exact text Trunk wrote. No other inline script runs.
//
// connect-src is wide here because the team's sync host is not known when the app is
// built; the app narrows it to 'self' and that host at run time (src/ui/state/csp.rs).
import { createHash } from 'node:crypto';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error('run by trunk as a post_build hook (TRUNK_STAGING_DIR is not set)');
const file = join(dir, 'index.html');
let html = readFileSync(file, 'utf8');

// Trunk 0.21 writes the wasm's size into the loader for the initializer's progress bar
// (public/loader.js) as it was before wasm-opt shrank it; the bar's total is set to the
// size of the file actually served, before the script is hashed below.
html = html.replace(/(__trunkInitializer\(init, '([^']+)', )(\d+)(,)/, (_all, head, wasm, _size, tail) =>
  `${head}${statSync(join(dir, wasm)).size}${tail}`);

// Every inline script: a <script> without src, its text exactly as the browser hashes it.
const hashes = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map(
  (m) => `'sha256-${createHash('sha256').update(m[1], 'utf8').digest('base64')}'`,
);

const policy = [
  "default-src 'self'",
  `script-src 'self' 'wasm-unsafe-eval' ${hashes.join(' ')}`.trim(),
  // Stylesheets only from the app's files. Leptos writes `style="…"` attributes (the
  // virtual list's row offsets, progress bars, photo tiles) with setAttribute, which
  // style-src-attr governs; an attribute cannot load or run anything.
  "style-src 'self'",
  "style-src-attr 'unsafe-inline'",
  // Photos are shown from blob: URLs; icons may be data: URLs.
  "img-src 'self' data: blob:",
  // blob: names bytes this page already holds (a shown photo); reading one back reaches
  // no server, so it cannot carry anything away.
  "connect-src 'self' blob: http: https:",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

if (html.includes('http-equiv="Content-Security-Policy"')) throw new Error('index.html already has a CSP meta');
html = html.replace(/<head>/, `<head>\n    <meta http-equiv="Content-Security-Policy" content="${policy}" />`);
writeFileSync(file, html);
console.log(`csp-meta: ${hashes.length} inline script(s) allowed by hash`);

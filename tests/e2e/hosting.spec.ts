// The reference nginx config (scripts/nginx.conf.template): whatever lands in the sync
// folder is served as bytes that cannot run script on the app's origin, PUT is taken
// only where the app writes, and nothing can be deleted.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { expect, test } from './fixtures';
import { ROOT } from './hosts';
import { base, Shell } from './pages/shell';
import { clearHost } from './pages/sync';

test.beforeEach(() => clearHost());

// A page that, if it ever ran on the app's origin, would leave a mark in localStorage
// and tell its parent.
const EVIL = `<!doctype html><html><body><script>
localStorage.setItem('outpost-pwned', '1');
(window.opener || window.parent).postMessage('outpost-pwned', '*');
</script></body></html>`;

const FOLDERS = ['sync', 'sync-nolist'];

for (const folder of FOLDERS) {
  test(`an HTML file PUT into /${folder}/ is served as an inert download with nosniff and a sandbox`, async ({ request }) => {
    const url = `${base()}/${folder}/devices/intruder/evil.html`;
    expect((await request.put(url, { data: EVIL, headers: { 'Content-Type': 'text/html' } })).ok()).toBe(true);
    const res = await request.get(url);
    expect(res.status()).toBe(200);
    const h = res.headers();
    expect(h['content-type']).toBe('application/octet-stream');
    expect(h['x-content-type-options']).toBe('nosniff');
    expect(h['content-disposition']).toBe('attachment');
    expect(h['content-security-policy']).toBe('sandbox');
  });
}

test('the sync folder listing and a refused request carry the same headers', async ({ request }) => {
  const listing = await request.get(`${base()}/sync/devices/`);
  expect(listing.headers()['content-security-policy']).toBe('sandbox');
  const refused = await request.delete(`${base()}/sync/devices/intruder/evil.html`);
  expect(refused.headers()['x-content-type-options']).toBe('nosniff');
});

test('a page on the app origin that frames a planted HTML file does not run its script', async ({ page, request }) => {
  const url = `${base()}/sync/devices/intruder/evil.html`;
  expect((await request.put(url, { data: EVIL })).ok()).toBe(true);
  await new Shell(page).open();
  await expect(page.getByTestId('first-run')).toBeVisible();
  const got = await page.evaluate(async (src) => {
    let message = false;
    window.addEventListener('message', (e) => { if (e.data === 'outpost-pwned') message = true; });
    const frame = document.createElement('iframe');
    frame.src = src;
    document.body.append(frame);
    // Long enough for a same-origin page of one inline script to have run.
    await new Promise((r) => setTimeout(r, 1500));
    let frameStorage: string | null = null;
    try {
      frameStorage = frame.contentWindow?.localStorage.getItem('outpost-pwned') ?? null;
    } catch {
      // An opaque (sandboxed) origin cannot be read from here: nothing ran as us.
    }
    return { message, stored: localStorage.getItem('outpost-pwned'), frameStorage };
  }, url);
  expect(got).toEqual({ message: false, stored: null, frameStorage: null });
});

test('DELETE, and a PUT outside devices/ and the announcement slots, are refused', async ({ request }) => {
  const b = base();
  const head = `${b}/sync/devices/someone/head.json`;
  expect((await request.put(head, { data: '{}' })).ok()).toBe(true);
  expect([403, 405]).toContain((await request.delete(head)).status());
  expect((await request.get(head)).status()).toBe(200);
  for (const path of ['sync/index.html', 'sync/team/evil.json', 'sync/team/members/x.html', 'sync/devices/someone', 'sync-nolist/evil.html']) {
    expect([403, 405], path).toContain((await request.put(`${b}/${path}`, { data: 'x' })).status());
  }
  // What the app writes still goes in.
  expect((await request.put(`${b}/sync/team/members/7.json`, { data: '{}' })).ok()).toBe(true);
  expect((await request.put(`${b}/sync/devices/someone/chunks/c1.json`, { data: '{}' })).ok()).toBe(true);
  expect((await request.put(`${b}/sync/devices/someone/blobs/b1.bin`, { data: 'x' })).ok()).toBe(true);
});

test('the app is sent as the build precompressed it: the .gz copy of the wasm, byte for byte the file', async ({ request }) => {
  // Issue 17: scripts/post-build.sh writes .gz/.br next to the content-hashed files and
  // the reference config serves the .gz as it is (gzip_static) rather than compressing
  // 6 MB again on every first visit.
  const html = await (await request.get(`${base()}/index.html`)).text();
  const wasm = html.match(/[\w.-]+_bg\.wasm/)?.[0];
  expect(wasm, 'index.html names the wasm').toBeTruthy();
  const file = path.join(ROOT, 'dist', wasm!);
  const gz = `${file}.gz`;
  expect(fs.existsSync(gz), 'the build wrote the .gz copy').toBe(true);
  expect(fs.existsSync(`${file}.br`), 'the build wrote the .br copy').toBe(true);
  const res = await request.get(`${base()}/${wasm}`, { headers: { 'Accept-Encoding': 'gzip' } });
  expect(res.status()).toBe(200);
  expect(res.headers()['content-encoding']).toBe('gzip');
  // The stored copy's length (compressing on the fly would send it chunked, unsized).
  expect(Number(res.headers()['content-length'])).toBe(fs.statSync(gz).size);
  expect((await res.body()).equals(fs.readFileSync(file))).toBe(true);
});

test('a browser that takes brotli gets the .br copy as it is; gzip is the fallback above', async ({ request }) => {
  const html = await (await request.get(`${base()}/index.html`)).text();
  const wasm = html.match(/[\w.-]+_bg\.wasm/)![0];
  const file = path.join(ROOT, 'dist', wasm);
  const res = await request.get(`${base()}/${wasm}`, { headers: { 'Accept-Encoding': 'br, gzip' } });
  expect(res.status()).toBe(200);
  expect(res.headers()['content-encoding']).toBe('br');
  expect(Number(res.headers()['content-length'])).toBe(fs.statSync(`${file}.br`).size);
  expect((await res.body()).equals(fs.readFileSync(file))).toBe(true);
  // The sync folder never serves a planted .br in place of the file asked for.
  const f = `${base()}/sync/devices/someone/chunks/c-br.json`;
  expect((await request.put(f, { data: '{"real":1}' })).ok()).toBe(true);
  expect((await request.put(`${f}.br`, { data: 'planted' })).ok()).toBe(true);
  const got = await request.get(f, { headers: { 'Accept-Encoding': 'br' } });
  expect(got.headers()['content-encoding']).toBeUndefined();
  expect(await got.text()).toBe('{"real":1}');
});

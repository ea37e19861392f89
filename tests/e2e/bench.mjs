// Benchmark, not a test: the data core against Dexie in the same headless Chromium page.
// Prints figures and ratios; never passes or fails on them. Run by scripts/bench.sh.
import { chromium } from '@playwright/test';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const dist = path.resolve(here, '../../target/dist-bench');
const types = { '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css', '.json': 'application/json' };

const server = http.createServer((req, res) => {
  const p = path.join(dist, decodeURIComponent(new URL(req.url, 'http://x').pathname));
  const file = fs.existsSync(p) && fs.statSync(p).isFile() ? p : path.join(dist, 'index.html');
  res.writeHead(200, { 'Content-Type': types[path.extname(file)] || 'application/octet-stream' });
  fs.createReadStream(file).pipe(res);
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const base = `http://127.0.0.1:${server.address().port}/`;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
});
try {
  const page = await browser.newPage();
  await page.goto(base);
  await page.waitForFunction(() => window.wasmBindings && window.wasmBindings.outpost_bench_run, null, { timeout: 60_000 });
  await page.addScriptTag({ path: path.join(here, 'node_modules/dexie/dist/dexie.js') });
  const version = await page.evaluate(() => navigator.userAgent.match(/Chrome\/[\d.]+/)?.[0]);
  console.log(`Outpost data core vs Dexie ${JSON.parse(fs.readFileSync(path.join(here, 'node_modules/dexie/package.json'))).version}, ${version}, same page`);
  console.log('records   step    outpost ms    dexie ms   ratio');
  for (const n of [10_000, 100_000]) {
    const dexie = await page.evaluate(async (n) => {
      const records = JSON.parse(window.wasmBindings.outpost_bench_records(n));
      const name = `dexie-bench-${n}`;
      await Dexie.delete(name);
      const db = new Dexie(name);
      db.version(1).stores({ docs: 'id,kind' });
      await db.open();
      let t = performance.now();
      await db.docs.bulkPut(records);
      const write_ms = performance.now() - t;
      t = performance.now();
      const all = await db.docs.toArray();
      const load_ms = performance.now() - t;
      db.close();
      await Dexie.delete(name);
      if (all.length !== n) throw new Error('dexie count');
      return { write_ms, load_ms };
    }, n);
    const ours = await page.evaluate(async (n) => await window.wasmBindings.outpost_bench_run(n, 50_000), n);
    for (const step of ['write', 'load']) {
      const o = ours[`${step}_ms`], d = dexie[`${step}_ms`];
      console.log(`${String(n).padStart(7)}   ${step.padEnd(5)} ${o.toFixed(0).padStart(11)} ${d.toFixed(0).padStart(11)}   ${(o / d).toFixed(2)}x`);
    }
    console.log(`${String(n).padStart(7)}   merge of a 50k-record snapshot into them: ${ours.merge_ms.toFixed(0)} ms (no Dexie equivalent)`);
  }
} finally {
  await browser.close();
  server.close();
}

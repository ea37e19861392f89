// Prints the median of Lighthouse runs (scores and the figures behind the performance
// score) and the accessibility and best-practice audits that failed in any run.
// Usage: node scripts/lighthouse-report.mjs run-1.json run-2.json …
import { readFileSync } from 'node:fs';

const runs = process.argv.slice(2).map((f) => JSON.parse(readFileSync(f, 'utf8')));
if (runs.length === 0) throw new Error('no Lighthouse reports given');
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const score = (r, c) => Math.round((r.categories[c]?.score ?? 0) * 100);
const num = (r, a) => r.audits[a]?.numericValue ?? NaN;
console.log(`Lighthouse ${runs[0].lighthouseVersion}, ${runs[0].configSettings.formFactor}, ` +
  `throttling ${runs[0].configSettings.throttlingMethod} (${runs[0].configSettings.throttling.downloadThroughputKbps} kbit/s, ` +
  `${runs[0].configSettings.throttling.rttMs} ms RTT), median of ${runs.length}`);
for (const c of ['performance', 'accessibility', 'best-practices']) {
  console.log(`  ${c.padEnd(16)} ${median(runs.map((r) => score(r, c)))}   (runs: ${runs.map((r) => score(r, c)).join(', ')})`);
}
const figures = [
  ['first-contentful-paint', 'FCP', 'ms'],
  ['largest-contentful-paint', 'LCP', 'ms'],
  ['speed-index', 'Speed index', 'ms'],
  ['interactive', 'Time to interactive', 'ms'],
  ['total-blocking-time', 'TBT', 'ms'],
  ['cumulative-layout-shift', 'CLS', ''],
  ['total-byte-weight', 'Transferred', 'KiB'],
];
for (const [a, label, unit] of figures) {
  let v = median(runs.map((r) => num(r, a)));
  if (unit === 'KiB') v = v / 1024;
  const shown = unit === '' ? v.toFixed(3) : Math.round(v).toLocaleString('en');
  console.log(`  ${label.padEnd(20)} ${shown} ${unit}`);
}
const failed = new Map();
for (const r of runs) {
  for (const c of ['accessibility', 'best-practices']) {
    for (const ref of r.categories[c]?.auditRefs ?? []) {
      const a = r.audits[ref.id];
      if (ref.weight > 0 && a && a.score !== null && a.score < 1) {
        const items = (a.details?.items ?? []).map((i) => i.node?.snippet ?? i.source?.url ?? i.description ?? '').filter(Boolean);
        failed.set(`${c}: ${a.id} — ${a.title}`, items);
      }
    }
  }
}
if (failed.size === 0) console.log('  no accessibility or best-practice audit failed');
for (const [k, items] of failed) {
  console.log(`  FAILED ${k}`);
  for (const i of items.slice(0, 5)) console.log(`      ${i}`);
}

// Sync that never lies (issue 14), on the real nginx WebDAV folder: "in step" is computed
// from heads, a chunk the host lost is published again by its author, a replayed older
// head is refused, and refusals show in the quarantine instead of a silent "done".
import { expect, test } from './fixtures';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { STATE_FILE } from './hosts';
import { clearHost } from './pages/sync';
import { teamOfTwo, type Device } from './pages/team';

test.beforeEach(() => clearHost());

function deviceDir(id: string): string {
  const { dir } = JSON.parse(fs.readFileSync(STATE_FILE, 'utf8'));
  return path.join(dir, 'sync', 'devices', id);
}

async function deviceId(d: Device): Promise<string> {
  await d.d.openSettings();
  return (await d.page.getByTestId('sync-device').innerText()).trim();
}

/** An edit schedules its own sync round 3 s later (`SYNC_DELAY_MS` in src/ui/state/edit.rs);
 * a test that then tampers with the host waits that round out first, or the author may
 * repair the host before the reader looks. A wait for the app's timer, not a timing check. */
async function settle(d: Device) {
  await d.page.waitForTimeout(3_500);
  expect(await d.d.syncNow()).toBe('done');
}

async function inStep(d: Device): Promise<string | null> {
  return d.page.getByTestId('team-in-step').getAttribute('data-in-step');
}

test('the team is in step only when every tablet has read the others\' newest changes', async ({ browser }) => {
  const { a, b } = await teamOfTwo(browser);
  await a.d.addCustomer('Harbour Hardware');
  expect(await a.d.syncNow()).toBe('done');
  await b.d.addCustomer('Kite Corner');
  expect(await b.d.syncNow()).toBe('done');
  // B has A's customer, but A has not read B's newest head yet: B says so.
  expect(await inStep(b)).toBe('false');
  await expect(b.page.getByTestId('team-device')).toHaveAttribute('data-in-step', 'false');
  await expect(b.page.getByTestId('team-device')).toContainText('not received this device');
  for (const d of [a, b, a, b]) expect(await d.d.syncNow()).toBe('done');
  expect(await inStep(b)).toBe('true');
  await expect(b.page.getByTestId('team-in-step')).toContainText('The team is in step');
  expect(await a.d.syncNow()).toBe('done');
  expect(await inStep(a)).toBe('true');
  await expect(a.page.getByTestId('team-device')).toHaveAttribute('data-in-step', 'true');
  await a.page.screenshot({ path: 'screenshots/settings-team-in-step-en.png', fullPage: true });
  await a.context.close();
  await b.context.close();
});

// nginx's ETag is the file's modification second and size: a head rewritten in the same
// second at the same size keeps its ETag. Here B's host is made to behave that way for
// every head (one ETag for all versions, modified the moment it is served) — a reader
// that kept such a validator would be told "not modified" and miss A's second customer.
test('a head rewritten within a second under the same ETag is still read; a settled one is read conditionally', async ({ browser }) => {
  const { a, b } = await teamOfTwo(browser);
  const aId = await deviceId(a);
  const aHead = new RegExp(`/sync/devices/${aId}/head\\.json$`);
  let conditional = 0;
  await b.page.route(aHead, async (route) => {
    const req = route.request();
    if (req.method() !== 'GET') return route.continue();
    if (req.headers()['if-none-match'] === '"same-second"') conditional += 1;
    const headers = { ...req.headers() };
    delete headers['if-none-match'];
    const real = await route.fetch({ headers });
    const date = real.headers()['date'] ?? new Date().toUTCString();
    const coarse = { etag: '"same-second"', 'last-modified': date, date };
    if (req.headers()['if-none-match'] === coarse.etag) return route.fulfill({ status: 304, headers: coarse });
    return route.fulfill({ response: real, headers: { ...real.headers(), ...coarse } });
  });
  await a.d.addCustomer('Harbour Hardware');
  expect(await a.d.syncNow()).toBe('done');
  expect(await b.d.syncNow()).toBe('done');
  expect(await b.d.customers()).toEqual(['Harbour Hardware']);
  await a.d.addCustomer('Kite Corner');
  expect(await a.d.syncNow()).toBe('done');
  expect(await b.d.syncNow()).toBe('done');
  expect(await b.d.customers()).toEqual(['Harbour Hardware', 'Kite Corner']);
  // Such a validator is never sent back (one the real host gave at joining may be).
  expect(conditional).toBe(0);
  await b.page.unroute(aHead);

  // The real host's validators, for a head last changed well before it is read, are kept:
  // an unchanged head is then asked for conditionally and costs a 304.
  const asked: string[] = [];
  const answered: number[] = [];
  b.page.on('request', (r) => { if (aHead.test(r.url()) && r.method() === 'GET') asked.push(r.headers()['if-none-match'] ?? ''); });
  b.page.on('response', (r) => { if (aHead.test(r.url()) && r.request().method() === 'GET') answered.push(r.status()); });
  await settle(a);
  await b.page.waitForTimeout(2_500); // the head's Last-Modified settles (2 s): a wait for a rule, not a timing check
  expect(await b.d.syncNow()).toBe('done');
  expect(await b.d.syncNow()).toBe('done');
  expect(asked.length).toBeGreaterThanOrEqual(2);
  expect(asked[asked.length - 1]).not.toBe('');
  expect(answered[answered.length - 1]).toBe(304);
  await a.context.close();
  await b.context.close();
});

test('a chunk deleted from the host is published again by its author; the reader shows it meanwhile', async ({ browser }) => {
  const { a, b } = await teamOfTwo(browser);
  // Both tablets' own delayed rounds (from joining) are over before the chunk is made.
  await settle(a);
  await settle(b);
  await a.d.addCustomer('Lost And Found Ltd');
  expect(await a.d.syncNow()).toBe('done');
  await settle(a);
  const chunks = path.join(deviceDir(await deviceId(a)), 'chunks');
  for (const f of fs.readdirSync(chunks)) fs.rmSync(path.join(chunks, f));

  expect(await b.d.syncNow()).toBe('done');
  expect(await inStep(b)).toBe('false');
  // Looked up by its code: a round of an earlier test's tablet, closed mid-PUT, can leave
  // a foreign team's head on the shared host, which the reader lists as well.
  const missing = b.page.locator('[data-testid=quarantine-item][data-code=missing]');
  await expect(missing.first()).toBeVisible();
  await expect(b.page.getByTestId('quarantine')).toContainText('missing from the sync folder');
  await b.d.shell.setLang('zh-CN');
  await b.d.openSettings();
  await b.page.screenshot({ path: 'screenshots/settings-quarantine-zh-CN.png', fullPage: true });
  await b.d.shell.setLang('en');
  expect(await b.d.customers()).not.toEqual(expect.arrayContaining([expect.stringContaining('Lost And Found')]));

  // The author notices on its next round (its own chunks are checked) and republishes.
  expect(await a.d.syncNow()).toBe('done');
  expect(fs.readdirSync(chunks).length).toBeGreaterThan(0);
  expect(await b.d.syncNow()).toBe('done');
  expect(await b.d.customers()).toEqual(expect.arrayContaining([expect.stringContaining('Lost And Found Ltd')]));
  await b.d.openSettings();
  await expect(missing).toHaveCount(0);
  await a.context.close();
  await b.context.close();
});

test('an older head put back on the host is refused, named, and overwritten by its author', async ({ browser }) => {
  const { a, b } = await teamOfTwo(browser);
  await a.d.addCustomer('First Customer Co');
  expect(await a.d.syncNow()).toBe('done');
  const head = path.join(deviceDir(await deviceId(a)), 'head.json');
  const old = fs.readFileSync(head);
  await a.d.addCustomer('Second Customer Co');
  expect(await a.d.syncNow()).toBe('done');
  await settle(a);
  expect(await b.d.syncNow()).toBe('done');
  const before = await b.d.customers();
  expect(before.join('|')).toContain('Second Customer Co');

  fs.writeFileSync(head, old);
  expect(await b.d.syncNow()).toBe('done');
  const rollback = b.page.locator('[data-testid=quarantine-item][data-code=rollback]');
  await expect(rollback).toHaveCount(1);
  await expect(b.page.getByTestId('sync-rejected')).toContainText('refused');
  expect(await b.d.customers()).toEqual(before);

  // A sees its own head is not the one it wrote and writes it again.
  expect(await a.d.syncNow()).toBe('done');
  expect(fs.readFileSync(head).equals(old)).toBe(false);
  expect(await b.d.syncNow()).toBe('done');
  await b.d.openSettings();
  await expect(rollback).toHaveCount(0);
  await a.context.close();
  await b.context.close();
});

/** Writes `field` = `value` into the stored customer named `name` on this tablet, as a
 *  newer build or a damaged file would, and queues it for the next push (the `docs` and
 *  `outbox` stores hold a record as `{ j: <json>, kind }`). */
async function writeRawField(d: Device, name: string, field: string, value: unknown): Promise<string> {
  return d.page.evaluate(([name, field, value]) => new Promise<string>((done, fail) => {
    const req = indexedDB.open('outpost');
    req.onerror = () => fail(req.error);
    req.onsuccess = () => {
      const db = req.result;
      const tx = db.transaction(['docs', 'outbox'], 'readwrite');
      const all = tx.objectStore('docs').getAll();
      all.onsuccess = () => {
        const row = all.result.find((r: { j: string }) => JSON.parse(r.j).fields?.name?.value === name);
        if (!row) { fail(new Error(`no customer ${name}`)); return; }
        const doc = JSON.parse(row.j);
        const reg = doc.fields.name;
        doc.fields[field] = { value, stamp: { ...reg.stamp, wall_ms: reg.stamp.wall_ms + 1 }, author: reg.author };
        const stored = { ...row, j: JSON.stringify(doc) };
        tx.objectStore('docs').put(stored, doc.id);
        tx.objectStore('outbox').put(stored, `d:${doc.id}`);
        tx.oncomplete = () => { db.close(); done(doc.id); };
      };
      tx.onerror = () => fail(tx.error);
    };
  }), [name, field, value] as const);
}

test('a field this build cannot read is listed in the quarantine, kept verbatim and synced on', async ({ browser }) => {
  const { a, b } = await teamOfTwo(browser);
  await a.d.addCustomer('Damaged Goods Ltd');
  const id = await writeRawField(a, 'Damaged Goods Ltd', 'annual_spend_fen', 'lots');
  expect(await a.d.syncNow()).toBe('done');
  expect(await b.d.syncNow()).toBe('done');

  // B shows the customer with what it can read…
  expect(await b.d.customers()).toEqual(expect.arrayContaining([expect.stringContaining('Damaged Goods Ltd')]));
  // …and names the field it cannot, who wrote it and why.
  await b.d.openSettings();
  const item = b.page.getByTestId('unreadable-record');
  await expect(item).toHaveCount(1);
  await expect(item).toHaveAttribute('data-code', 'bad_amount');
  await expect(item).toHaveAttribute('data-record', id);
  await expect(item).toContainText('not a valid amount');
  await expect(item).toContainText(`customer ${id} · annual_spend_fen`);
  await expect(b.page.getByTestId('quarantine')).toHaveAttribute('open', '');
  await b.page.getByTestId('quarantine').screenshot({ path: 'screenshots/settings-quarantine-records-en.png' });

  // The support export carries the record as stored, bad value included.
  const [download] = await Promise.all([
    b.page.waitForEvent('download'),
    b.page.getByTestId('quarantine-export').click(),
  ]);
  const exported = JSON.parse(fs.readFileSync((await download.path())!, 'utf8'));
  expect(exported.records).toHaveLength(1);
  expect(exported.records[0].record.fields.annual_spend_fen.value).toBe('lots');
  expect(exported.records[0].record.fields.name.value).toBe('Damaged Goods Ltd');
  await a.context.close();
  await b.context.close();
});

// The data core end to end: two browser contexts are two tablets; a real nginx WebDAV
// folder on 127.0.0.1 is the team's host.
import { expect, test, type Browser, type Page } from './fixtures';
import * as fs from 'node:fs';
import { haltHost, resumeHost, STATE_FILE, type Host } from './hosts';
import { clearHost, hostFiles, SyncPage } from './pages/sync';
import { device, teamOfTwo } from './pages/team';

test.beforeEach(() => clearHost());

// Unsynced changes for one customer a rep adds without a phone: its document and the
// rep's first-contact entry (P1).
const ONE_CUSTOMER = '2';


test('two tablets edit offline, sync through the host and show the same customers', async ({ browser }) => {
  const { a, b } = await teamOfTwo(browser);
  await a.context.setOffline(true);
  await b.context.setOffline(true);
  await a.d.addCustomer('张三五金有限公司', '13800138000');
  await b.d.addCustomer('Lakeside Trading', '+86 21 5555 0101');
  await b.d.addCustomer('李四建材', '');
  // Offline, a sync attempt fails politely and keeps the changes.
  await b.d.openSettings();
  // Each customer is a document, its contact another, and the rep's first contact an entry (P1).
  await expect(b.page.getByTestId('sync-unsynced')).not.toHaveText('0');

  await a.context.setOffline(false);
  await b.context.setOffline(false);
  expect(await a.d.syncNow()).toBe('done');
  expect(await b.d.syncNow()).toBe('done');
  expect(await a.d.syncNow()).toBe('done');
  await expect(b.page.getByTestId('sync-unsynced')).toHaveText('0');

  const onA = await a.d.customers();
  const onB = await b.d.customers();
  expect(onA).toHaveLength(3);
  expect(onA).toEqual(onB);
  expect(onA.join('|')).toContain('张三五金有限公司');

  await a.page.screenshot({ path: 'screenshots/customers-synced-en.png' });
  await b.d.shell.setLang('zh-CN');
  await b.d.openSettings();
  await b.page.screenshot({ path: 'screenshots/settings-sync-zh-CN.png', fullPage: true });

  // S3: the host holds only ciphertext.
  const files = hostFiles();
  expect([...files.keys()].some((p) => p.endsWith('head.json'))).toBe(true);
  expect([...files.keys()].some((p) => p.includes('/chunks/'))).toBe(true);
  for (const [p, bytes] of files) {
    const text = bytes.toString('utf8');
    for (const secret of ['张三', 'Lakeside', '13800138000', '李四']) {
      expect(text.includes(secret), `${p} contains ${secret}`).toBe(false);
    }
  }
  await a.context.close();
  await b.context.close();
});

test('nginx stopped between the chunk PUT and the head PUT: nothing lost, nothing duplicated', async ({ browser }) => {
  const { a, b } = await teamOfTwo(browser);
  let host: Host = JSON.parse(fs.readFileSync(STATE_FILE, 'utf8'));
  let stopped = false;
  // The moment device A sends its head, the real host goes away: its chunk is on disk,
  // its head never arrives.
  await a.page.route('**/sync/devices/*/head.json', async (route) => {
    if (route.request().method() === 'PUT' && !stopped) {
      stopped = true;
      await haltHost(host);
    }
    await route.continue();
  });
  await a.d.addCustomer('Crash Test Ltd');
  expect(await a.d.syncNow()).toBe('failed');
  expect(stopped).toBe(true);
  await expect(a.page.getByTestId('sync-unsynced')).toHaveText(ONE_CUSTOMER);
  await expect(a.page.getByTestId('sync-phase')).toContainText('could not be reached');
  const chunksOnDisk = [...hostFiles().keys()].filter((p) => p.includes('/chunks/')).length;

  host = await resumeHost(host);
  fs.writeFileSync(STATE_FILE, JSON.stringify(host)); // so teardown stops the new process
  await a.page.unroute('**/sync/devices/*/head.json');
  expect(await a.d.syncNow()).toBe('done');
  await expect(a.page.getByTestId('sync-unsynced')).toHaveText('0');
  expect([...hostFiles().keys()].filter((p) => p.includes('/chunks/')).length).toBe(chunksOnDisk + 1);
  expect(await b.d.syncNow()).toBe('done');
  expect((await b.d.customers()).filter((c) => c.includes('Crash Test Ltd'))).toHaveLength(1);
  expect(await a.d.customers()).toEqual(await b.d.customers());
  await a.context.close();
  await b.context.close();
});

async function withHostAnswer(page: Page, status: number, body: string) {
  await page.route('**/sync/**', (route) => route.fulfill({ status, body, contentType: 'text/html' }));
}

test('a host answering 500, 404 or garbage gives a clear message and local data stays', async ({ browser }) => {
  const { a, b } = await teamOfTwo(browser);
  await a.d.addCustomer('Steady Co');
  expect(await a.d.syncNow()).toBe('done');

  await withHostAnswer(b.page, 500, 'Internal Server Error');
  expect(await b.d.syncNow()).toBe('failed');
  await expect(b.page.getByTestId('sync-phase')).toContainText('HTTP 500');
  await b.page.unroute('**/sync/**');

  // A wrong folder (404 on every file): B's own change cannot be published; it waits.
  await b.d.addCustomer('Pending Ltd');
  await withHostAnswer(b.page, 404, 'Not Found');
  expect(await b.d.syncNow()).toBe('failed');
  await expect(b.page.getByTestId('sync-phase')).toContainText('HTTP 404');
  await expect(b.page.getByTestId('sync-unsynced')).toHaveText(ONE_CUSTOMER);
  await b.page.unroute('**/sync/**');

  // Garbage where a head should be: refused, reported, the rest of the app unharmed.
  await b.page.route('**/sync/devices/*/head.json', (route) =>
    route.request().method() === 'GET' ? route.fulfill({ status: 200, body: '<html>proxy error</html>' }) : route.continue());
  expect(await b.d.syncNow()).toBe('done');
  await expect(b.page.getByTestId('sync-rejected')).toContainText('refused');
  await b.page.unroute('**/sync/devices/*/head.json');

  expect(await b.d.syncNow()).toBe('done');
  expect(await b.d.customers()).toEqual(expect.arrayContaining([expect.stringContaining('Steady Co')]));
  expect(await b.d.customers()).toEqual(expect.arrayContaining([expect.stringContaining('Pending Ltd')]));
  expect(await a.d.syncNow()).toBe('done');
  const onA = await a.d.customers();
  expect(onA).toEqual(await b.d.customers());
  expect(onA).toHaveLength(2);
  await a.context.close();
  await b.context.close();
});

test('an invite link that is not one is refused and joins nothing', async ({ page }) => {
  const d = new SyncPage(page);
  await d.shell.open('#/join?h=http%3A%2F%2F127.0.0.1%2Fsync%2F&k=short');
  await d.shell.setLang('en');
  await d.shell.createProfile('Careful Rep');
  await expect(page.getByTestId('join-error')).toContainText('not a valid invite');
  await d.openSettings();
  await expect(page.getByTestId('sync-no-team')).toBeVisible();
  await page.getByTestId('team-join-link').fill('https://example.invalid/#/join?h=x&k=y');
  await page.getByTestId('team-join-submit').click();
  await expect(page.getByTestId('team-error')).toContainText('not a valid invite');
});

test('with no network at all, an exported encrypted file carries the data to another tablet', async ({ browser }, info) => {
  const { a, b } = await teamOfTwo(browser);
  await a.context.setOffline(true);
  await b.context.setOffline(true);
  await a.d.addCustomer('Hand Carried Co', '13700137000');
  await a.d.openSettings();
  const [download] = await Promise.all([a.page.waitForEvent('download'), a.page.getByTestId('export-file').click()]);
  const file = info.outputPath('export.json');
  await download.saveAs(file);
  const text = fs.readFileSync(file, 'utf8');
  expect(text).toContain('"format":"outpost.sealed"');
  expect(text).not.toContain('Hand Carried');

  await b.d.openSettings();
  await b.page.getByTestId('import-file').setInputFiles(file);
  await expect(b.page.getByTestId('import-status')).toBeVisible();
  expect(await b.d.customers()).toEqual(expect.arrayContaining([expect.stringContaining('Hand Carried Co')]));

  // A file that is not ours is refused and changes nothing.
  const bad = info.outputPath('bad.json');
  fs.writeFileSync(bad, '{"format":"outpost.sealed","version":1,"device":"x","kind":"bundle","data":"AAAA"}');
  await b.d.openSettings();
  await b.page.getByTestId('import-file').setInputFiles(bad);
  await expect(b.page.getByTestId('import-error')).toContainText('could not be opened');
  expect((await b.d.customers()).filter((c) => c.includes('Hand Carried Co'))).toHaveLength(1);
  await a.context.close();
  await b.context.close();
});

test('a passphrase-protected invite carries no usable key and joins with the passphrase', async ({ browser }) => {
  const a = await device(browser, 'Rep A');
  await a.d.shell.open();
  await a.d.shell.setLang('en');
  await a.d.shell.createProfile('Rep A');
  await a.d.createTeam();
  await a.d.addCustomer('Guarded Ltd');
  expect(await a.d.syncNow()).toBe('done');
  const plain = await a.d.inviteLink();
  const key = new URLSearchParams(plain.split('?')[1]).get('k')!;
  await a.page.getByTestId('invite-passphrase').fill('short');
  await a.page.getByTestId('invite-protect').click();
  await expect(a.page.getByTestId('invite-passphrase-weak')).toContainText('at least 10');
  await a.page.getByTestId('invite-passphrase').fill('kitedaysummer');
  await a.page.getByTestId('invite-protect').click();
  await expect(a.page.getByTestId('invite-passphrase-weak')).toContainText('Mix two kinds');
  await expect(a.page.getByTestId('invite-protected')).toHaveCount(0);
  await a.page.getByTestId('invite-passphrase').fill('kite day 2026');
  await a.page.getByTestId('invite-protect').click();
  await expect(a.page.getByTestId('invite-protected')).toBeVisible();
  const link = await a.page.getByTestId('invite-link').inputValue();
  expect(link).toContain('&w=');
  expect(link).not.toContain('&k=');
  expect(link).not.toContain(key);

  const b = await device(browser, 'Rep B');
  await b.page.goto(link);
  await b.d.shell.setLang('en');
  await b.d.shell.createProfile('Rep B');
  await b.page.getByTestId('join-passphrase').fill('wrong passphrase');
  await b.page.getByTestId('join-confirm').click();
  await expect(b.page.getByTestId('join-error')).toContainText('wrong');
  await b.page.getByTestId('join-passphrase').fill('kite day 2026');
  await b.page.getByTestId('join-confirm').click();
  await expect(b.page.getByTestId('sync-phase')).toHaveAttribute('data-phase', 'done', { timeout: 20_000 });
  expect(await b.d.customers()).toEqual(expect.arrayContaining([expect.stringContaining('Guarded Ltd')]));
  await a.context.close();
  await b.context.close();
});

test('a protected invite demanding more unlocking work than a tablet should do is refused before the passphrase', async ({ page }) => {
  const d = new SyncPage(page);
  const wrapped = { kdf: 'argon2id', params: { m_kib: 256 * 1024, t: 10, p: 1 }, salt: 'AAAAAAAAAAAAAAAAAAAAAA', sealed: 'AAAA' };
  const w = Buffer.from(JSON.stringify(wrapped)).toString('base64url');
  await d.shell.open(`#/join?h=${encodeURIComponent('http://127.0.0.1/sync/')}&w=${w}`);
  await d.shell.setLang('en');
  await d.shell.createProfile('Careful Rep');
  await expect(page.getByTestId('join-error')).toContainText('more unlocking work');
  await expect(page.getByTestId('join-passphrase')).toHaveCount(0);
});

test('the invite key leaves the address bar and the history once read; Settings shows the link only on demand', async ({ browser }) => {
  const a = await device(browser, 'Rep A');
  await a.d.shell.open();
  await a.d.shell.setLang('en');
  await a.d.shell.createProfile('Rep A');
  await a.d.createTeam();
  await a.d.openSettings();
  await expect(a.page.getByTestId('invite-link')).toHaveCount(0);
  await expect(a.page.getByTestId('invite-qr')).toHaveCount(0);
  await a.page.getByTestId('invite-show').click();
  await expect(a.page.getByTestId('invite-warning')).toContainText('Anyone holding this link');
  const link = await a.page.getByTestId('invite-link').inputValue();
  const key = new URLSearchParams(link.split('?')[1]).get('k')!;
  expect(key.length).toBeGreaterThan(40);
  await a.page.getByTestId('invite-show').click();
  await expect(a.page.getByTestId('invite-link')).toHaveCount(0);

  // Opened in a running app (a hash change) ...
  const b = await device(browser, 'Rep B');
  await b.d.shell.open();
  await b.d.shell.setLang('en');
  await b.d.shell.createProfile('Rep B');
  await b.page.goto(link);
  await expect(b.page.getByTestId('join-host')).toBeVisible();
  expect(await b.page.evaluate(() => location.hash)).toBe('#/join');
  await b.page.getByTestId('join-confirm').click();
  await expect(b.d.phase()).toHaveAttribute('data-phase', 'done', { timeout: 20_000 });
  expect(await b.page.evaluate(() => location.hash)).toBe('#/settings');
  // ... no entry of the tab's history holds the key any more.
  const seen: string[] = [];
  for (let i = 0; i < 2; i++) {
    seen.push(await b.page.evaluate(() => location.href));
    const before = seen[seen.length - 1];
    await b.page.evaluate(() => history.back());
    await expect.poll(() => b.page.evaluate(() => location.href)).not.toBe(before);
  }
  seen.push(await b.page.evaluate(() => location.href));
  expect(seen).toContain(`${link.split('#')[0]}#/join`);
  for (const href of seen) expect(href).not.toContain(key);

  // ... and opened cold in a new tab, before anything else happens.
  const c = await device(browser, 'Rep C');
  await c.page.goto(link);
  await expect(c.d.shell.firstRun()).toBeVisible();
  expect(await c.page.evaluate(() => location.href)).not.toContain(key);
  await c.d.shell.setLang('en');
  await c.d.shell.createProfile('Rep C');
  await expect(c.page.getByTestId('join-host')).toBeVisible();
  await a.context.close();
  await b.context.close();
  await c.context.close();
});

test('removing a person or clearing the device first warns about unsynced changes', async ({ page }) => {
  const d = new SyncPage(page);
  await d.shell.open();
  await d.shell.setLang('en');
  await d.shell.createProfile('Rep One');
  await d.shell.switcher().click();
  await page.getByTestId('profile-add').click();
  await d.shell.createProfile('Rep Two');
  await d.addCustomer('Unsynced Co'); // no team: this change exists only here
  await d.openSettings();
  await expect(page.getByTestId('sync-no-team')).toBeVisible();

  const rows = page.getByTestId('settings-profile');
  await expect(rows).toHaveCount(2);
  await rows.filter({ hasText: 'Rep One' }).getByTestId('profile-remove').click();
  await expect(page.getByTestId('profile-remove-warning')).toContainText(/\d+ change\(s\) on this device are not synced/);
  await page.getByTestId('profile-remove-confirm').click();
  await expect(rows).toHaveCount(1);
  await expect(rows.getByTestId('profile-remove')).toBeDisabled(); // the last person stays

  await page.getByTestId('clear-device').click();
  await expect(page.getByTestId('clear-warning')).toContainText('not synced yet');
  await page.getByTestId('clear-confirm').click();
  await expect(d.shell.firstRun()).toBeVisible();
  await d.shell.createProfile('Fresh Start');
  expect(await d.customers()).toEqual([]);
});

test('a host behind a login: the right password syncs, a refusal is named', async ({ page }) => {
  const d = new SyncPage(page);
  await d.shell.open();
  await d.shell.setLang('en');
  await d.shell.createProfile('Rep Auth');
  await d.addCustomer('Locked Folder Ltd');
  await d.openSettings();
  await page.getByTestId('team-host').fill(`${new URL(page.url()).origin}/sync-auth/`);
  await page.locator('[data-testid=team-create] input[autocomplete=username]').fill('outpost');
  await page.locator('[data-testid=team-create] input[type=password]').fill('outpost-dev');
  await page.getByTestId('team-create-submit').click();
  await expect(d.phase()).toHaveAttribute('data-phase', 'done');
  await expect(page.getByTestId('sync-unsynced')).toHaveText('0');
  expect([...hostFiles('sync-auth').keys()].some((p) => p.endsWith('head.json'))).toBe(true);

  // A host that refuses the login (a 401 without a browser login prompt) is named as such.
  await d.addCustomer('Second Ltd');
  await page.route('**/sync-auth/**', (route) => route.fulfill({ status: 401, body: 'Unauthorized' }));
  expect(await d.syncNow()).toBe('failed');
  await expect(d.phase()).toContainText('refused the user name or password');
  await expect(page.getByTestId('sync-unsynced')).toHaveText(ONE_CUSTOMER);
});

test('a read-only host still delivers the team\'s data; local changes wait', async ({ browser }) => {
  const { a, b } = await teamOfTwo(browser);
  await a.d.addCustomer('Published Co');
  expect(await a.d.syncNow()).toBe('done');
  await b.page.route('**/sync/**', (route) =>
    ['PUT', 'MKCOL'].includes(route.request().method()) ? route.fulfill({ status: 405, body: 'Method Not Allowed' }) : route.continue());
  await b.d.addCustomer('Waiting Co');
  expect(await b.d.syncNow()).toBe('done');
  await expect(b.page.getByTestId('sync-read-only')).toContainText('read-only');
  await expect(b.page.getByTestId('sync-unsynced')).toHaveText(ONE_CUSTOMER);
  const onB = await b.d.customers();
  expect(onB.join('|')).toContain('Published Co');
  expect(onB.join('|')).toContain('Waiting Co');
  await a.context.close();
  await b.context.close();
});

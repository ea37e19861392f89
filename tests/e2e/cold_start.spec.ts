// Cold start from the customer list's snapshot (issue 17): a reload reads one stored
// value instead of every record, and shows exactly what a full read shows; a local edit
// or another tablet's edit pulled by sync leaves the snapshot stale, so the reload after
// it reads the changed customers again (or every record, after a change the open list
// re-read in full, which left a fresh snapshot), and the one after that the snapshot.
import { expect, test } from './fixtures';
import { clearHost } from './pages/sync';
import { CustomersPage } from './pages/customers';
import { teamOfTwo } from './pages/team';

test.beforeEach(() => clearHost());

/** Every row as drawn (name, owner, tier, countdown): what a reload must show again. The
 * count's `data-read` says where the list's last full read found the customers:
 * "snapshot" or "records". */
const rowTexts = async (c: CustomersPage) => (await c.rows().allInnerTexts()).map((s) => s.replace(/\s+/g, ' ').trim());

test('a reload offline lists the customers from the snapshot, row for row as before; a local edit shows after the next reload', async ({ page, context }) => {
  const c = new CustomersPage(page);
  await c.shell.open();
  await c.shell.setLang('en');
  await c.shell.createProfile('Rep Zhang');
  await c.shell.waitForOfflineReady();
  for (const name of ['Alpha Kites', 'Beta Hardware', 'Gamma Foods']) await c.create({ name, contact: 'Wang', phone: '13900000001' });
  await c.openList();
  await expect.poll(() => c.names()).toEqual(['Alpha Kites', 'Beta Hardware', 'Gamma Foods']);
  const before = await rowTexts(c);

  await context.setOffline(true);
  await page.reload();
  await expect(c.page.getByTestId('customer-count')).toHaveAttribute('data-read', 'snapshot');
  expect(await rowTexts(c)).toEqual(before);
  await page.screenshot({ path: 'screenshots/cold-start-list-en.png' });
  await c.search('wang');
  await expect.poll(() => c.names()).toEqual(['Alpha Kites', 'Beta Hardware', 'Gamma Foods']);
  await c.search('');

  // A local edit: the snapshot is stale; the next reload reads the records and shows it.
  await c.open('Beta Hardware');
  await c.editFile();
  await page.getByTestId('cf-name').fill('Omega Hardware');
  await page.getByTestId('cf-save').click();
  await expect(page.getByTestId('customer-title')).toHaveText('Omega Hardware');
  await page.reload();
  await c.openList();
  await expect.poll(() => c.names()).toEqual(['Alpha Kites', 'Gamma Foods', 'Omega Hardware']);
  const after = await rowTexts(c);
  await page.reload();
  await expect(c.page.getByTestId('customer-count')).toHaveAttribute('data-read', 'snapshot');
  expect(await rowTexts(c)).toEqual(after);

  // Another edit (no new place in the order): the reload after it reads the snapshot —
  // caught up from the change log when the open list only patched the edited customer,
  // current when the list had read everything since — never every record.
  await c.open('Gamma Foods');
  await c.editFile();
  await page.getByTestId('cf-address').fill('88 Harbour Road');
  await page.getByTestId('cf-save').click();
  await expect(page.getByTestId('cf-saved')).toBeVisible();
  await c.openList();
  const edited = await rowTexts(c);
  await page.reload();
  await expect(c.page.getByTestId('customer-count')).toHaveAttribute('data-read', /^(caught-up|snapshot)$/);
  expect(await rowTexts(c)).toEqual(edited);
  await c.open('Gamma Foods');
  await c.editFile();
  await expect(page.getByTestId('cf-address')).toHaveValue('88 Harbour Road');
  await context.setOffline(false);
});

test('an edit made on another tablet shows after sync and after a reload, read from the records then from the new snapshot', async ({ browser }) => {
  const { a, b } = await teamOfTwo(browser);
  await a.c.create({ name: 'Alpha Kites' });
  await a.c.create({ name: 'Beta Kites' });
  expect(await a.d.syncNow()).toBe('done');
  expect(await b.d.syncNow()).toBe('done');
  await b.c.openList();
  await expect.poll(() => b.c.names()).toEqual(['Alpha Kites', 'Beta Kites']);
  await b.page.reload();
  await expect(b.page.getByTestId('customer-count')).toHaveAttribute('data-read', 'snapshot');
  await expect.poll(() => b.c.names()).toEqual(['Alpha Kites', 'Beta Kites']);

  await a.c.open('Alpha Kites');
  await a.c.editFile();
  await a.page.getByTestId('cf-name').fill('Zeta Kites');
  await a.page.getByTestId('cf-save').click();
  await expect(a.page.getByTestId('customer-title')).toHaveText('Zeta Kites');
  expect(await a.d.syncNow()).toBe('done');
  expect(await b.d.syncNow()).toBe('done');
  await b.c.openList();
  await expect.poll(() => b.c.names()).toEqual(['Beta Kites', 'Zeta Kites']);
  const synced = await rowTexts(b.c);

  await b.context.setOffline(true);
  await b.page.reload();
  await expect.poll(() => b.c.names()).toEqual(['Beta Kites', 'Zeta Kites']);
  await expect(b.page.getByTestId('customer-count')).toHaveAttribute('data-read', 'snapshot');
  expect(await rowTexts(b.c)).toEqual(synced);
  await b.context.setOffline(false);
  await a.context.close();
  await b.context.close();
});

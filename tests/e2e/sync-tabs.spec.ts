// Two tabs of one tablet: two pages in the SAME browser context share one IndexedDB and
// one device id. Both edit, both sync at once; a second tablet still receives every edit.
import { expect, test } from './fixtures';
import { clearHost, SyncPage } from './pages/sync';
import { teamOfTwo } from './pages/team';

test.beforeEach(() => clearHost());

test('two tabs edit and sync at once; the other tablet receives every edit', async ({ browser }) => {
  const { a, b } = await teamOfTwo(browser);
  const tab2 = new SyncPage(await a.context.newPage());
  await tab2.shell.open();
  await expect(tab2.shell.shell()).toBeVisible();
  await tab2.shell.setLang('en');

  // Offline, each tab adds a customer: nothing syncs yet.
  await a.context.setOffline(true);
  await a.d.addCustomer('Tab One Ltd');
  await tab2.addCustomer('Tab Two Ltd');
  await a.d.addCustomer('Tab One Again');

  // Back online: both tabs start a round on `online`, and both sync buttons are pressed.
  await a.context.setOffline(false);
  await a.d.openSettings();
  await tab2.openSettings();
  const phases = await Promise.all([a.d.syncNow(), tab2.syncNow()]);
  expect(phases).toEqual(['done', 'done']);
  await expect(a.page.getByTestId('sync-unsynced')).toHaveText('0');
  await expect(tab2.page.getByTestId('sync-unsynced')).toHaveText('0');

  expect(await b.d.syncNow()).toBe('done');
  const onB = (await b.d.customers()).join('|');
  for (const name of ['Tab One Ltd', 'Tab Two Ltd', 'Tab One Again']) expect(onB).toContain(name);

  // One more edit in each tab, synced at the same moment, and nothing lost again.
  await a.d.addCustomer('Late One');
  await tab2.addCustomer('Late Two');
  expect(await Promise.all([a.d.syncNow(), tab2.syncNow()])).toEqual(['done', 'done']);
  expect(await b.d.syncNow()).toBe('done');
  const after = await b.d.customers();
  expect(after).toHaveLength(5);
  expect(after.join('|')).toContain('Late One');
  expect(after.join('|')).toContain('Late Two');
  await a.context.close();
  await b.context.close();
});

test('a round waits while another tab holds the sync lock, and says so', async ({ browser }) => {
  const { a, b } = await teamOfTwo(browser);
  const tab2 = await a.context.newPage();
  await tab2.goto(a.page.url());
  // The other tab is "syncing": it holds the lock the app's rounds take.
  await tab2.evaluate(() => {
    (window as any).__held = new Promise<void>((held) => {
      navigator.locks.request('outpost-sync', () => new Promise<void>((release) => {
        (window as any).__release = release;
        held();
      }));
    });
    return (window as any).__held;
  });
  await a.d.openSettings();
  await a.page.getByTestId('sync-now').click();
  await expect(a.d.phase()).toHaveAttribute('data-phase', 'waiting');
  await expect(a.d.phase()).toContainText('Another tab is syncing');
  await expect(a.page.getByTestId('sync-now')).toBeDisabled();
  await tab2.evaluate(() => (window as any).__release());
  await expect(a.d.phase()).toHaveAttribute('data-phase', 'done');
  await a.context.close();
  await b.context.close();
});

test('a tab whose database another tab upgrades lets go and asks for a reload', async ({ browser }) => {
  const { a, b } = await teamOfTwo(browser);
  const tab2 = await a.context.newPage();
  await tab2.goto(a.page.url());
  // A newer build in the other tab opens the database at a later version.
  const upgraded = await tab2.evaluate(() => new Promise<string>((done) => {
    const req = indexedDB.open('outpost', 1000);
    req.onsuccess = () => { req.result.close(); done('opened'); };
    req.onblocked = () => done('blocked');
    req.onerror = () => done('error');
  }));
  expect(upgraded).toBe('opened');
  await expect(a.page.getByTestId('boot-superseded')).toContainText('updated in another tab');
  await expect(a.page.getByTestId('reload')).toBeVisible();
  await a.context.close();
  await b.context.close();
});

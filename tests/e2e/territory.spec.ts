// Seed 002 end to end on two tablets through the real host: the manager keeps a table of
// regions and their reps, leads collected by marketing arrive in the pool, the manager
// assigns them by territory in one tap (those with no matching region are listed for
// assignment by hand), the rep's tablet shows its leads after a sync; a reviewed file is
// due at marketing the next working day and marked sent; the customer list filters to
// key accounts, kept current when a key-account record is added.
import { expect, test } from './fixtures';
import { KeyAccountsPage } from './pages/key_accounts';
import { shot, teamDate } from './pages/orders';
import { addPerson, switchTo } from './pages/shell';
import { clearHost } from './pages/sync';
import { device } from './pages/team';
import { TerritoryPage } from './pages/territory';

test.beforeEach(() => clearHost());

test('a manager assigns marketing leads by territory in one tap; the rep sees them after sync', async ({ browser }) => {
  test.setTimeout(240_000);
  const m = await device(browser, 'Wang');
  await m.d.shell.open();
  await m.d.shell.setLang('en');
  await m.d.shell.createProfile('Manager Wang', 'manager');
  await m.d.createTeam();
  const link = await m.d.inviteLink();

  const r = await device(browser, 'Li');
  await r.page.goto(link);
  await r.d.shell.setLang('en');
  await r.d.shell.createProfile('Rep Li');
  await r.d.join(link);
  expect(await r.d.syncNow()).toBe('done');
  expect(await m.d.syncNow()).toBe('done');
  // A second rep on the manager's tablet (a shared tablet), published to the team.
  await addPerson(m.d.shell, 'Rep Zhao', 'rep');
  await switchTo(m.d.shell, 'Manager Wang');

  // The table: refused with a clear message until every row is right.
  const ter = new TerritoryPage(m.page);
  await ter.openSettings();
  await ter.addRow('North', ['Rep Li']);
  await ter.addRow(' north ', ['Rep Zhao']);
  await ter.save();
  await expect(ter.error()).toContainText('The region “north” is listed twice');
  await ter.rows().nth(1).getByTestId('territory-region').fill('');
  await ter.save();
  await expect(ter.error()).toContainText('Row 2 has no region');
  await ter.rows().nth(1).getByTestId('territory-region').fill('South');
  await ter.rows().nth(1).locator('label', { hasText: 'Rep Li' }).getByTestId('territory-rep').check();
  await ter.addRow('West', []);
  await ter.save();
  await expect(ter.error()).toContainText('Choose at least one rep for “West”');
  await ter.removeRow(2);
  await ter.save();
  await expect(m.page.getByTestId('territory-saved')).toBeVisible();
  await expect(ter.rows()).toHaveCount(2);
  await shot(m.page, 'territory-settings', 'territory-settings-en.png');

  // Marketing's leads arrive in the pool (entered by the manager: ownerless, P5).
  for (const [name, region] of [['North Mill', 'North'], ['South Cafe', 'South'], ['East Farm', 'East']]) {
    await m.c.openList();
    await m.page.getByTestId('customer-new').click();
    await m.c.fill({ name, region });
    await m.page.getByTestId('cf-source').selectOption('marketing');
    await m.page.getByTestId('cf-save').click();
    await expect(m.page.getByTestId('customer-title')).toHaveText(name);
  }
  // A trade-fair customer is not marketing's lead.
  await m.c.create({ name: 'Fair Stand', region: 'North' });

  await ter.openAssign();
  await expect(ter.lines()).toHaveCount(2);
  await expect(ter.lines().filter({ hasText: 'North Mill' })).toContainText('Rep Li');
  // South is shared: Rep Li already gets North Mill, so Rep Zhao is the lighter.
  await expect(ter.lines().filter({ hasText: 'South Cafe' })).toContainText('Rep Zhao');
  await expect(ter.manual()).toHaveCount(1);
  await expect(ter.manual()).toContainText('East Farm');
  await expect(ter.assignAll()).toHaveText('Assign 2 lead(s) by territory');
  await m.page.screenshot({ path: 'screenshots/territory-assign-en.png', fullPage: true });
  await ter.assignAll().click();
  await expect(m.page.getByTestId('territory-done')).toHaveText('2 lead(s) assigned by territory.');
  await expect(m.page.getByTestId('territory-nothing')).toBeVisible();
  await expect(ter.manual()).toContainText('East Farm');

  // C6 then seed 002: the reviewed file is due at marketing the next working day.
  await m.page.getByTestId('pool-tab-review').click();
  await m.page.getByTestId('review-row').filter({ hasText: 'North Mill' }).getByTestId('review-ok').click();
  await ter.openForMarketing();
  await expect(ter.toSend()).toHaveCount(1);
  await expect(ter.toSend()).toHaveAttribute('data-overdue', 'false');
  await expect(ter.toSend()).toContainText('due');
  await m.page.getByTestId('for-marketing').screenshot({ path: 'screenshots/territory-for-marketing-en.png' });
  await ter.toSend().getByTestId('for-marketing-sent').click();
  await expect(m.page.getByTestId('for-marketing-empty')).toBeVisible();
  await expect(m.page.getByTestId('for-marketing-sent-list')).toContainText('North Mill');
  await expect(m.page.getByTestId('for-marketing-sent-list')).toContainText('Manager Wang');

  // The key-account filter: none yet, then North Mill once it has a key-account record.
  await m.c.open('North Mill');
  const northMill = new URL(m.page.url()).hash;
  await m.c.openList();
  await m.c.showFilters();
  await m.page.getByTestId('filter-key-accounts').check();
  await expect(m.page.getByTestId('customer-count')).toHaveAttribute('data-count', '0');
  // To the customer without leaving the app (the filter stays on).
  await m.page.evaluate((h) => { location.hash = h; }, northMill);
  await expect(m.page.getByTestId('customer-title')).toHaveText('North Mill');
  await new KeyAccountsPage(m.page).record({ kind: 'Technical seminar', on: teamDate(-1), who: 'Ms Chen' });
  await m.c.openList();
  await expect(m.page.getByTestId('filter-key-accounts')).toBeChecked();
  await expect(m.page.getByTestId('customer-count')).toHaveAttribute('data-count', '1');
  expect(await m.c.names()).toEqual(['North Mill']);
  await m.page.screenshot({ path: 'screenshots/customers-key-accounts-en.png' });
  await m.page.getByTestId('filter-key-accounts').uncheck();
  await expect(m.page.getByTestId('customer-count')).toHaveAttribute('data-count', '4');
  expect(await m.d.syncNow()).toBe('done');

  // The rep's tablet after a sync: the lead assigned to Li is his.
  expect(await r.d.syncNow()).toBe('done');
  await r.c.openList();
  await r.c.showFilters();
  await r.page.getByTestId('filter-owner').selectOption({ label: 'Mine' });
  await expect(r.c.rows()).toHaveCount(1);
  expect(await r.c.names()).toEqual(['North Mill']);
  await r.page.getByTestId('filter-key-accounts').check();
  await expect(r.c.rows()).toHaveCount(1);
  // A rep is not shown the manager's tools.
  await r.page.getByTestId('nav-settings').click();
  await expect(r.page.getByTestId('territory-settings')).toHaveCount(0);
  await r.page.getByTestId('nav-pool').click();
  await expect(r.page.getByTestId('pool-tab-territory')).toHaveCount(0);
});

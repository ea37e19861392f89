// Accessibility (issue 18): axe-core checks every page of the navigation, a customer's
// page and the first-run screen, in both languages, against WCAG 2.1 A and AA. Any
// violation fails the test with the rule, its impact and the elements it found.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from './fixtures';
import { CustomersPage } from './pages/customers';
import { clearHost, SyncPage } from './pages/sync';
import { addPerson, Shell, switchTo } from './pages/shell';
import { TerritoryPage } from './pages/territory';
import { shot } from './pages/orders';
import { PlansCard } from './pages/plans';

test.beforeEach(() => clearHost());

const SLUGS = ['today', 'customers', 'pool', 'activities', 'events', 'reports', 'aftersales', 'incentives', 'warehouse', 'finance', 'settings'] as const;

/** The violations axe finds on what the page shows now, as readable lines. */
async function violations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  return result.violations.flatMap((v) =>
    v.nodes.map((n) => `${v.id} (${v.impact}): ${n.target.join(' ')} — ${n.failureSummary?.split('\n').slice(0, 2).join(' ')}`));
}

test('the first-run screen passes axe in both languages', async ({ page }) => {
  const shell = new Shell(page);
  await shell.open();
  const found: string[] = [];
  for (const lang of ['zh-CN', 'en'] as const) {
    await shell.setLang(lang);
    found.push(...(await violations(page)).map((v) => `[first-run ${lang}] ${v}`));
  }
  expect(found, found.join('\n')).toEqual([]);
});

test('every page and a customer pass axe in both languages', async ({ page }) => {
  test.setTimeout(240_000);
  const d = new SyncPage(page);
  const c = new CustomersPage(page);
  await d.shell.open();
  await d.shell.setLang('en');
  await d.shell.createProfile('Manager Wang', 'manager');
  await d.createTeam();
  await c.create({ name: 'Harbour Kites', contact: 'Ms Chen', phone: '13700001111' });
  const found: string[] = [];
  for (const lang of ['zh-CN', 'en'] as const) {
    await d.shell.setLang(lang);
    for (const slug of SLUGS) {
      await page.getByTestId(`nav-${slug}`).click();
      await expect(page.getByTestId('page-title')).toBeVisible();
      await page.waitForLoadState('networkidle');
      found.push(...(await violations(page)).map((v) => `[${slug} ${lang}] ${v}`));
    }
    // The warehouse's other sections (W1), each with its form or table.
    for (const tab of ['slips', 'ledger', 'reports', 'stocktake'] as const) {
      await page.getByTestId('nav-warehouse').click();
      await page.getByTestId(`wh-tab-${tab}`).click();
      await expect(page.getByTestId(`wh-tab-${tab}`)).toHaveClass(/active/);
      found.push(...(await violations(page)).map((v) => `[warehouse ${tab} ${lang}] ${v}`));
    }
    // The after-sales page's other sections: competitors (its form open) and repairs.
    for (const tab of ['competitors', 'repairs'] as const) {
      await page.getByTestId('nav-aftersales').click();
      await page.getByTestId(`as-tab-${tab}`).click();
      await expect(page.getByTestId(`as-tab-${tab}`)).toHaveClass(/active/);
      if (tab === 'competitors') await page.getByTestId('cs-new').click();
      found.push(...(await violations(page)).map((v) => `[aftersales ${tab} ${lang}] ${v}`));
    }
    // A customer's service tab with the repair, feedback and competitor forms open.
    await c.open('Harbour Kites', 'service');
    for (const open of ['rj-new', 'fb-new', 'cs-new']) await page.getByTestId(open).click();
    await expect(page.getByTestId('rj-form')).toBeVisible();
    found.push(...(await violations(page)).map((v) => `[customer service ${lang}] ${v}`));
    await c.open('Harbour Kites');
    await expect(page.getByTestId('owner-name')).toBeVisible();
    found.push(...(await violations(page)).map((v) => `[customer ${lang}] ${v}`));
    // The file opened for editing, and the activity sheet over the page.
    await c.editFile();
    found.push(...(await violations(page)).map((v) => `[customer file ${lang}] ${v}`));
    await page.getByTestId('cf-cancel').click();
    await page.getByTestId('glance-log').click();
    await expect(page.getByTestId('activity-sheet')).toBeVisible();
    found.push(...(await violations(page)).map((v) => `[activity sheet ${lang}] ${v}`));
    await page.keyboard.press('Escape');
  }
  expect(found, found.join('\n')).toEqual([]);
});

test('a rep\'s plan with its progress, the application report and the training record pass axe in both languages', async ({ page }) => {
  const d = new SyncPage(page);
  await d.shell.open();
  await d.shell.setLang('en');
  await d.shell.createProfile('Rep Li', 'rep');
  await d.createTeam();
  const plans = new PlansCard(page);
  await plans.open();
  await plans.submit({ sales: '20,000', visits: '12' }, 'Win Kite Works');
  await expect(plans.mine()).toHaveAttribute('data-status', 'submitted');
  await plans.mine().getByTestId('plan-history').locator('summary').click();
  const found: string[] = [];
  for (const lang of ['zh-CN', 'en'] as const) {
    await d.shell.setLang(lang);
    await expect(plans.card).toBeVisible();
    found.push(...(await violations(page)).map((v) => `[reports rep ${lang}] ${v}`));
  }
  expect(found, found.join('\n')).toEqual([]);
});

test('the territory table, assignment by territory, the files for marketing and the key-account filter pass axe in both languages', async ({ page }) => {
  test.setTimeout(120_000);
  const d = new SyncPage(page);
  const c = new CustomersPage(page);
  await d.shell.open();
  await d.shell.setLang('en');
  await d.shell.createProfile('Manager Wang', 'manager');
  await d.createTeam();
  await addPerson(d.shell, 'Rep Li', 'rep');
  await switchTo(d.shell, 'Manager Wang');
  const ter = new TerritoryPage(page);
  await ter.openSettings();
  await ter.addRow('North', ['Rep Li']);
  await ter.save();
  await expect(page.getByTestId('territory-saved')).toBeVisible();
  for (const [name, region] of [['North Mill', 'North'], ['East Farm', 'East']]) {
    await c.openList();
    await page.getByTestId('customer-new').click();
    await c.fill({ name, region });
    await page.getByTestId('cf-source').selectOption('marketing');
    await page.getByTestId('cf-save').click();
    await expect(page.getByTestId('customer-title')).toHaveText(name);
  }
  await page.getByTestId('nav-pool').click();
  await page.getByTestId('pool-tab-review').click();
  await page.getByTestId('review-row').filter({ hasText: 'North Mill' }).getByTestId('review-ok').click();
  const found: string[] = [];
  for (const lang of ['zh-CN', 'en'] as const) {
    await d.shell.setLang(lang);
    await ter.openSettings();
    await expect(ter.rows()).toHaveCount(1);
    found.push(...(await violations(page)).map((v) => `[territory settings ${lang}] ${v}`));
    if (lang === 'zh-CN') await shot(page, 'territory-settings', 'territory-settings-zh.png');
    await ter.openAssign();
    await expect(ter.lines()).toHaveCount(1);
    found.push(...(await violations(page)).map((v) => `[territory assign ${lang}] ${v}`));
    if (lang === 'zh-CN') await page.screenshot({ path: 'screenshots/territory-assign-zh.png', fullPage: true });
    await ter.openForMarketing();
    await expect(ter.toSend()).toHaveCount(1);
    found.push(...(await violations(page)).map((v) => `[for marketing ${lang}] ${v}`));
    await c.openList();
    await c.showFilters();
    await page.getByTestId('filter-key-accounts').check();
    found.push(...(await violations(page)).map((v) => `[key-account filter ${lang}] ${v}`));
    await page.getByTestId('filter-key-accounts').uncheck();
  }
  expect(found, found.join('\n')).toEqual([]);
});

// Wide screens (issue 18): a manager or finance opening the URL on a 1440×900 desktop gets
// a side navigation and pages that use the width; a tablet at 768×1024 keeps the bottom
// bar within thumb reach. Screenshots of the wide pages for review.
import { expect, test, type Page } from './fixtures';
import { CustomersPage } from './pages/customers';
import { clearHost, SyncPage } from './pages/sync';

test.beforeEach(() => clearHost());

async function manager(page: Page) {
  const d = new SyncPage(page);
  const c = new CustomersPage(page);
  await d.shell.open();
  await d.shell.setLang('en');
  await d.shell.createProfile('Manager Wang', 'manager');
  await d.createTeam();
  await c.create({ name: 'Harbour Kites', contact: 'Ms Chen', phone: '13700001111' });
  return { d, c };
}

test('at 1440×900 the navigation is a side column and pages use the width', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await manager(page);
  for (const slug of ['customers', 'pool', 'reports', 'aftersales', 'incentives', 'warehouse', 'finance', 'today']) {
    await page.getByTestId(`nav-${slug}`).click();
    await expect(page.getByTestId('page-title')).toBeVisible();
    const nav = (await page.locator('nav.nav-bar').boundingBox())!;
    const main = (await page.locator('main.page').boundingBox())!;
    // The side column: at the left edge, tall, narrow; the page beside it, wide.
    expect(nav.x).toBeLessThan(4);
    expect(nav.width).toBeLessThan(300);
    expect(nav.height).toBeGreaterThan(700);
    expect(main.x).toBeGreaterThanOrEqual(nav.x + nav.width - 1);
    expect(main.width).toBeGreaterThan(1100);
    // Every link is one row: icon and words side by side, a big target.
    const link = (await page.getByTestId(`nav-${slug}`).boundingBox())!;
    expect(link.height).toBeGreaterThanOrEqual(44);
    expect(link.width).toBeGreaterThan(200);
    await page.screenshot({ path: `screenshots/desktop-${slug}-en.png` });
  }
  await context.close();
});

test('at 768×1024 the navigation stays a bottom bar within thumb reach', async ({ page }) => {
  await page.setViewportSize({ width: 768, height: 1024 });
  await manager(page);
  const nav = (await page.locator('nav.nav-bar').boundingBox())!;
  expect(nav.width).toBeGreaterThan(760);
  expect(nav.y + nav.height).toBeGreaterThan(1000);
  const link = (await page.getByTestId('nav-customers').boundingBox())!;
  expect(link.height).toBeGreaterThanOrEqual(44);
});

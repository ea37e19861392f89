// Walks every page (issue #13, "zero panics"): a new manager on a fresh tablet makes a
// profile, a team and a customer, then opens each page of the navigation and the
// customer, in both languages, twice over in different orders, so each page is built
// after every other one has been disposed. The fixture fails the test on any page error
// or Rust panic; each page must also show its own content. Screenshots at 768×1024.
import { expect, test, type Page } from './fixtures';
import { CustomersPage } from './pages/customers';
import { clearHost, SyncPage } from './pages/sync';

test.beforeEach(() => clearHost());

type Slug = 'today' | 'customers' | 'pool' | 'activities' | 'events' | 'reports' | 'incentives' | 'finance' | 'settings';

/** Each page, its title in both languages and an element only that page draws. */
const PAGES: Record<Slug, { zh: string; en: string; shows: string }> = {
  today: { zh: '今日', en: 'Today', shows: 'greeting' },
  customers: { zh: '客户', en: 'Customers', shows: 'customer-tools' },
  pool: { zh: '公海', en: 'Pool', shows: 'pool-tabs' },
  activities: { zh: '跟进', en: 'Activities', shows: 'activities-tabs' },
  events: { zh: '活动', en: 'Events', shows: 'event-new' },
  reports: { zh: '报表', en: 'Reports', shows: 'kpi-card' },
  incentives: { zh: '激励', en: 'Incentives', shows: 'incentives-page' },
  finance: { zh: '财务', en: 'Finance', shows: 'finance-queue' },
  settings: { zh: '设置', en: 'Settings', shows: 'team-sync' },
};
const ORDER = Object.keys(PAGES) as Slug[];

async function visit(page: Page, slug: Slug, lang: 'zh-CN' | 'en', shoot: boolean) {
  await page.getByTestId(`nav-${slug}`).click();
  const p = PAGES[slug];
  await expect(page.getByTestId('page-title')).toHaveText(lang === 'en' ? p.en : p.zh);
  await expect(page.getByTestId(p.shows).first()).toBeVisible();
  if (shoot) await page.screenshot({ path: `screenshots/walk-${slug}-${lang}.png` });
}

async function visitCustomer(c: CustomersPage, name: string, lang: 'zh-CN' | 'en', shoot: boolean) {
  await c.open(name);
  await expect(c.page.getByTestId('owner-name')).toBeVisible();
  if (shoot) await c.page.screenshot({ path: `screenshots/walk-customer-${lang}.png` });
}

/** A new manager on a fresh tablet with a team and one customer. */
async function manager(page: Page) {
  const d = new SyncPage(page);
  const c = new CustomersPage(page);
  await d.shell.open();
  await d.shell.setLang('zh-CN');
  await d.shell.createProfile('王经理', 'manager');
  await d.createTeam();
  await c.create({ name: '海港风筝', contact: '陈女士', phone: '13700001111' });
  return { d, c };
}

test('a new manager walks every page in both languages without a panic', async ({ page }) => {
  test.setTimeout(180_000);
  const { d, c } = await manager(page);

  for (const lang of ['zh-CN', 'en'] as const) {
    await d.shell.setLang(lang);
    for (const slug of ORDER) await visit(page, slug, lang, true);
    await visitCustomer(c, '海港风筝', lang, true);
    // Back through the pages in reverse, with the customer between each, so every
    // page follows every other and the customer page follows each of them.
    for (const slug of [...ORDER].reverse()) {
      await visit(page, slug, lang, false);
      await visitCustomer(c, '海港风筝', lang, false);
    }
  }
  // Switching the language on a page redraws it in place.
  for (const slug of ORDER) {
    await page.getByTestId(`nav-${slug}`).click();
    await d.shell.setLang('zh-CN');
    await expect(page.getByTestId('page-title')).toHaveText(PAGES[slug].zh);
    await d.shell.setLang('en');
    await expect(page.getByTestId('page-title')).toHaveText(PAGES[slug].en);
    await expect(page.getByTestId(PAGES[slug].shows).first()).toBeVisible();
  }
});

test('pages left while their reads are still running do not panic', async ({ page }) => {
  test.setTimeout(180_000);
  const { d, c } = await manager(page);
  await d.shell.setLang('en');
  await c.open('海港风筝');
  const customer = new URL(page.url()).hash;
  // The customer page (a dozen cards, each reading on its own) and every page, left
  // after 0 ms to 100 ms: their reads finish after the page is gone.
  for (const ms of [0, 1, 3, 10, 30, 100]) {
    for (const slug of ORDER) {
      await page.evaluate(
        async ([a, b, wait]) => {
          location.hash = a as string;
          await new Promise((r) => setTimeout(r, wait as number));
          location.hash = b as string;
          await new Promise((r) => setTimeout(r, wait as number));
        },
        [customer, `#/${slug}`, ms],
      );
    }
  }
  // The app still answers: every page draws its content.
  for (const slug of ORDER) await visit(page, slug, 'en', false);
  await visitCustomer(c, '海港风筝', 'en', false);
});

test('a save answered after its page is gone does not panic, and is kept', async ({ page }) => {
  test.setTimeout(120_000);
  const { d, c } = await manager(page);
  await d.shell.setLang('en');
  for (const [i, slug] of ORDER.entries()) {
    await c.open('海港风筝');
    await c.editFile();
    await page.getByTestId('cf-region').fill(`Region ${i}`);
    // Save, then leave before the write answers.
    await page.evaluate((to) => {
      (document.querySelector('[data-testid="cf-save"]') as HTMLButtonElement).click();
      location.hash = to;
    }, `#/${slug}`);
    await expect(page.getByTestId(PAGES[slug].shows).first()).toBeVisible();
  }
  await c.open('海港风筝');
  await c.editFile();
  await expect(page.getByTestId('cf-region')).toHaveValue(`Region ${ORDER.length - 1}`);
});

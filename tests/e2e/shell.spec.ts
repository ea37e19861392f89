// The app shell (foundation issue): first-run profile, profiles on a shared tablet,
// language, navigation, offline reload through the service worker, sub-path hosting.
import { expect, test } from './fixtures';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ROOT, startHost, stopHost } from './hosts';
import { base, NAV, Shell } from './pages/shell';

const SHOTS = path.join(__dirname, 'screenshots');
fs.mkdirSync(SHOTS, { recursive: true });

test('a first run asks who is using the tablet and refuses an empty name', async ({ page }) => {
  const app = new Shell(page);
  await app.open();
  await expect(app.firstRun()).toBeVisible();
  await page.getByTestId('profile-name').fill('   ');
  await page.getByTestId('profile-save').click();
  await expect(page.getByTestId('profile-error')).not.toBeEmpty();
  await expect(app.firstRun()).toBeVisible();
  await expect(app.shell()).toHaveCount(0);
  // Typing clears the error; a valid name opens the shell on Today.
  await app.createProfile('张三', 'rep');
  await expect(page.getByTestId('profile-error')).toHaveCount(0);
  await expect(page.getByTestId('greeting')).toContainText('张三');
});

test('a first visit shows a splash with the download progress until the app is drawn', async ({ page }) => {
  // The wasm is held back until the splash has been seen with its bar (public/loader.js).
  let release!: () => void;
  const held = new Promise<void>((r) => (release = r));
  await page.route('**/*_bg.wasm', async (route) => {
    await held;
    await route.continue();
  });
  const app = new Shell(page);
  await page.goto(app.root, { waitUntil: 'commit' });
  await expect(page.getByTestId('splash')).toBeVisible();
  await expect(page.locator('#splash-text')).toContainText('Loading the app');
  await page.screenshot({ path: path.join(SHOTS, 'splash-en.png') });
  release();
  await expect(app.firstRun()).toBeVisible();
  await expect(page.getByTestId('splash')).toHaveCount(0);
  // The bar's total is the wasm's real size, as Trunk measured it at build time.
  const html = await (await page.request.get(app.root)).text();
  const [, wasm, size] = html.match(/__trunkInitializer\(init, '([^']+)', (\d+),/)!;
  const body = await (await page.request.get(new URL(wasm, app.root).href)).body();
  expect(Number(size)).toBe(body.length);
});

test('a first visit whose download fails says so in words and offers a reload', async ({ page }) => {
  await page.route('**/*_bg.wasm', (route) => route.abort('internetdisconnected'));
  const app = new Shell(page);
  await page.goto(app.root);
  await expect(page.locator('#splash-text')).toContainText('The app could not be loaded');
  await expect(page.locator('#splash-progress')).toHaveCount(0);
  await expect(page.getByTestId('splash-reload')).toBeVisible();
  await expect(app.firstRun()).toHaveCount(0);
  // Once the network is back, the reload starts the app.
  await page.unroute('**/*_bg.wasm');
  await page.getByTestId('splash-reload').click();
  await expect(app.firstRun()).toBeVisible();
  await expect(page.getByTestId('splash')).toHaveCount(0);
});

test('profiles persist across a reload and a second person can be added and switched to', async ({ page }) => {
  const app = new Shell(page);
  await app.open();
  await app.createProfile('Li Na', 'manager');
  await page.reload();
  await expect(app.switcher()).toHaveText('Li Na');

  await app.switcher().click();
  await page.getByTestId('profile-add').click();
  await app.createProfile('Wang Fang', 'finance');
  // A duplicate name on the same device is refused.
  await app.switcher().click();
  await page.getByTestId('profile-add').click();
  await page.getByTestId('profile-name').fill('li na');
  await page.getByTestId('profile-save').click();
  await expect(page.getByTestId('profile-error')).not.toBeEmpty();
  await page.getByTestId('profile-cancel').click();
  await expect(app.switcher()).toHaveText('Wang Fang');

  await app.switcher().click();
  await expect(page.getByTestId('profile-option')).toHaveCount(2);
  await page.getByTestId('profile-option').filter({ hasText: 'Li Na' }).click();
  await expect(app.switcher()).toHaveText('Li Na');
  await page.reload();
  await expect(app.switcher()).toHaveText('Li Na');
});

test('the language switches both ways, covers the shell and is remembered', async ({ page }) => {
  const app = new Shell(page);
  await app.open();
  await app.setLang('en');
  await app.createProfile('Zhao Lei');
  await expect(app.nav('customers')).toContainText('Customers');
  await app.setLang('zh-CN');
  await expect(app.nav('customers')).toContainText('客户');
  await expect(app.title()).toHaveText('今日');
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(app.nav('settings')).toContainText('设置');
  await app.setLang('en');
  await expect(app.nav('settings')).toContainText('Settings');
  await expect(app.title()).toHaveText('Today');
});

test('every navigation link opens its page', async ({ page }) => {
  const app = new Shell(page);
  await app.open();
  await app.setLang('en');
  await app.createProfile('Rep One');
  const titles: Record<string, string> = {
    today: 'Today', customers: 'Customers', pool: 'Pool', activities: 'Activities',
    events: 'Events', reports: 'Reports', aftersales: 'After-sales', incentives: 'Incentives', warehouse: 'Warehouse', settings: 'Settings',
  };
  for (const slug of NAV) {
    await app.nav(slug).click();
    await expect(app.title()).toHaveText(titles[slug]);
    await expect(page).toHaveURL(new RegExp(`#/${slug}$`));
    await expect(app.nav(slug)).toHaveAttribute('aria-current', 'page');
  }
  // Touch targets: every nav link is at least 44 px tall and wide.
  for (const slug of NAV) {
    const box = await app.nav(slug).boundingBox();
    expect(box!.height).toBeGreaterThanOrEqual(44);
    expect(box!.width).toBeGreaterThanOrEqual(44);
  }
});

test('settings show storage health and save the team calendar, refusing a bad date', async ({ page }) => {
  const app = new Shell(page);
  await app.open('#/settings');
  await app.setLang('en');
  await app.createProfile('Manager Ma', 'manager');
  await app.nav('settings').click();
  await expect(page.getByTestId('storage-persisted')).toContainText('Persistent storage');
  await expect(page.getByTestId('storage-usage')).toContainText(/Using .+ of .+/);
  await page.getByTestId('storage-persist-request').click();
  await expect(page.getByTestId('storage-persisted')).toHaveAttribute('data-persisted', /true|false/);

  await page.getByTestId('calendar-holidays').fill('2026-10-01\n2026-13-01');
  await page.getByTestId('calendar-save').click();
  await expect(page.getByTestId('calendar-error')).toContainText('Line 2');
  await page.getByTestId('calendar-holidays').fill('2026-10-01\n2026-10-02');
  await page.getByTestId('calendar-makeup').fill('2026-10-10');
  await page.getByTestId('team-tz').selectOption('0');
  await page.getByTestId('calendar-save').click();
  await expect(page.getByTestId('calendar-status')).toBeVisible();
  await page.reload();
  await expect(page.getByTestId('calendar-holidays')).toHaveValue('2026-10-01\n2026-10-02');
  await expect(page.getByTestId('calendar-makeup')).toHaveValue('2026-10-10');
  await expect(page.getByTestId('team-tz')).toHaveValue('0');
});

test('after one online visit the app reloads and works with the network off', async ({ page, context }) => {
  const app = new Shell(page);
  await app.open();
  await app.setLang('en');
  await app.createProfile('Field Rep');
  await app.waitForOfflineReady();
  await expect(app.netStatus()).toHaveAttribute('data-online', 'true');

  await context.setOffline(true);
  await expect(app.netStatus()).toHaveAttribute('data-online', 'false');
  await page.reload();
  await expect(app.shell()).toBeVisible();
  await expect(app.switcher()).toHaveText('Field Rep');
  await expect(app.netStatus()).toHaveAttribute('data-online', 'false');
  await app.nav('settings').click();
  await expect(app.title()).toHaveText('Settings');
  // Offline, a new profile is still saved locally.
  await app.switcher().click();
  await page.getByTestId('profile-add').click();
  await app.createProfile('Second Rep');
  await page.reload();
  await expect(app.switcher()).toHaveText('Second Rep');
  await context.setOffline(false);
  await expect(app.netStatus()).toHaveAttribute('data-online', 'true');
});

test('hosted under a sub-path the app runs, stays offline-capable and keeps its own URLs', async ({ page, context }) => {
  const app = new Shell(page, `${base()}/outpost/`);
  await app.open();
  await app.setLang('zh-CN');
  await app.createProfile('王芳', 'event_staff');
  await app.nav('events').click();
  await expect(page).toHaveURL(`${base()}/outpost/#/events`);
  await expect(app.title()).toHaveText('活动');
  const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
  expect(scope).toBe(`${base()}/outpost/`);
  await app.waitForOfflineReady();
  await context.setOffline(true);
  await page.reload();
  await expect(app.title()).toHaveText('活动');
  await expect(app.switcher()).toHaveText('王芳');
  await context.setOffline(false);
});

test('a new deploy is offered as "new version — reload" and taking it loads the new build', async ({ page }) => {
  // A host of our own serving a copy of dist/ that we can "deploy" over.
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'outpost-dist-'));
  fs.cpSync(path.join(ROOT, 'dist'), copy, { recursive: true });
  const host = await startHost(copy);
  try {
    const app = new Shell(page, `${host.base}/`);
    await app.open();
    await app.setLang('en');
    await app.createProfile('Updater');
    await app.waitForOfflineReady();
    await expect(page.getByTestId('update-banner')).toHaveCount(0);

    // Deploy: a new build has a new service worker (its version hash changes).
    const sw = path.join(copy, 'sw.js');
    fs.writeFileSync(sw, fs.readFileSync(sw, 'utf8').replace(/const VERSION = "[^"]*"/, 'const VERSION = "deploy-2"'));
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())!.update());
    await expect(page.getByTestId('update-banner')).toBeVisible({ timeout: 20_000 });
    await expect(page.getByTestId('update-banner')).toContainText('new version');

    await Promise.all([page.waitForEvent('load'), page.getByTestId('update-reload').click()]);
    await expect(app.shell()).toBeVisible();
    await expect(page.getByTestId('update-banner')).toHaveCount(0);
    const caches = await page.evaluate(async () => await window.caches.keys());
    expect(caches).toEqual(['outpost-deploy-2']);
    await expect(app.switcher()).toHaveText('Updater');
  } finally {
    stopHost(host);
    fs.rmSync(copy, { recursive: true, force: true });
  }
});

test.describe('screenshots of the main screens', () => {
  for (const lang of ['zh-CN', 'en'] as const) {
    test(`shell at 768x1024 in ${lang}`, async ({ page }) => {
      const app = new Shell(page);
      await app.open();
      await app.setLang(lang);
      await page.screenshot({ path: path.join(SHOTS, `first-run-${lang}.png`) });
      await app.createProfile(lang === 'en' ? 'Chen Jing' : '陈静', 'rep');
      await expect(page.getByTestId('today-working')).toBeVisible();
      await page.screenshot({ path: path.join(SHOTS, `today-${lang}.png`) });
      await app.switcher().click();
      await page.screenshot({ path: path.join(SHOTS, `profile-menu-${lang}.png`) });
      await app.switcher().click();
      await app.nav('settings').click();
      await expect(page.getByTestId('storage-usage')).not.toBeEmpty();
      await page.screenshot({ path: path.join(SHOTS, `settings-${lang}.png`), fullPage: true });
      await app.nav('customers').click();
      await page.screenshot({ path: path.join(SHOTS, `customers-${lang}.png`) });
    });
  }

  test('shell at 1024x768 landscape', async ({ page }) => {
    await page.setViewportSize({ width: 1024, height: 768 });
    const app = new Shell(page);
    await app.open();
    await app.setLang('zh-CN');
    await app.createProfile('刘洋', 'manager');
    await expect(page.getByTestId('today-working')).toBeVisible();
    await page.screenshot({ path: path.join(SHOTS, 'today-landscape-zh-CN.png') });
  });
});

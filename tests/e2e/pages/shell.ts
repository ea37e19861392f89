// Page object for the app shell: every selector is a data-testid the UI promises.
import { expect, type Page } from '../fixtures';

export type Role = 'rep' | 'manager' | 'finance' | 'event_staff';
export const NAV = ['today', 'customers', 'pool', 'activities', 'events', 'reports', 'aftersales', 'incentives', 'warehouse', 'settings'] as const;

export function base(): string {
  const b = process.env.OUTPOST_BASE;
  if (!b) throw new Error('OUTPOST_BASE is not set: global-setup starts nginx');
  return b;
}

export class Shell {
  constructor(readonly page: Page, readonly root = `${base()}/`) {}

  async open(hash = '') {
    await this.page.goto(this.root + hash);
  }

  firstRun() { return this.page.getByTestId('first-run'); }
  shell() { return this.page.getByTestId('app-shell'); }
  title() { return this.page.getByTestId('page-title'); }
  switcher() { return this.page.getByTestId('profile-switcher'); }
  netStatus() { return this.page.getByTestId('net-status'); }
  nav(slug: (typeof NAV)[number]) { return this.page.getByTestId(`nav-${slug}`); }

  async createProfile(name: string, role: Role = 'rep') {
    await expect(this.firstRun()).toBeVisible();
    await this.page.getByTestId('profile-name').fill(name);
    await this.page.getByTestId('profile-role').selectOption(role);
    await this.page.getByTestId('profile-save').click();
    await expect(this.shell()).toBeVisible();
    await expect(this.switcher()).toHaveText(name);
  }

  async lang(): Promise<string | null> {
    return this.page.locator('html').getAttribute('lang');
  }

  async setLang(tag: 'zh-CN' | 'en') {
    if ((await this.lang()) !== tag) await this.page.getByTestId('lang-toggle').first().click();
    await expect(this.page.locator('html')).toHaveAttribute('lang', tag);
  }

  /** Waits until the service worker controls the page, so an offline reload is served from cache. */
  async waitForOfflineReady() {
    await this.page.waitForFunction(() => (window as any).__outpostSwReady === true, null, { timeout: 30_000 });
    if (!(await this.page.evaluate(() => !!navigator.serviceWorker.controller))) {
      await this.page.reload();
    }
    await this.page.waitForFunction(() => !!navigator.serviceWorker.controller, null, { timeout: 30_000 });
  }
}

/** Adds another person on this tablet and switches to them. */
export async function addPerson(shell: Shell, name: string, role: Role) {
  await shell.switcher().click();
  await shell.page.getByTestId('profile-add').click();
  await shell.createProfile(name, role);
}

/** Switches the tablet to an existing person. */
export async function switchTo(shell: Shell, name: string) {
  await shell.switcher().click();
  await shell.page.getByTestId('profile-option').filter({ hasText: name }).click();
  await expect(shell.switcher()).toHaveText(name);
}

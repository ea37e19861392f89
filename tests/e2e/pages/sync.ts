// Page object for team sync (Settings › Team sync) and the quick customer list.
import { expect, type Page } from '../fixtures';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { STATE_FILE } from '../hosts';
import { Shell } from './shell';
import { CustomersPage } from './customers';

export class SyncPage {
  readonly shell: Shell;
  constructor(readonly page: Page, root?: string) {
    this.shell = new Shell(page, root);
  }

  phase() { return this.page.getByTestId('sync-phase'); }

  async openSettings() {
    await this.shell.nav('settings').click();
    await expect(this.page.getByTestId('team-sync')).toBeVisible();
  }

  async createTeam() {
    await this.openSettings();
    await this.page.getByTestId('team-create-submit').click();
    await expect(this.phase()).toHaveAttribute('data-phase', 'done');
  }

  /** The plain invite link, shown on demand under its warning. */
  async inviteLink(): Promise<string> {
    await this.openSettings();
    if (!(await this.page.getByTestId('invite-link').isVisible())) await this.page.getByTestId('invite-show').click();
    await expect(this.page.getByTestId('invite-warning')).toBeVisible();
    const link = await this.page.getByTestId('invite-link').inputValue();
    expect(link).toContain('#/join?');
    return link;
  }

  async join(link: string) {
    await this.page.goto(link);
    await expect(this.page.getByTestId('join')).toBeVisible();
    await this.page.getByTestId('join-confirm').click();
    await expect(this.page.getByTestId('sync-host')).toBeVisible();
    await expect(this.phase()).toHaveAttribute('data-phase', 'done');
  }

  /** Presses "sync now" and waits for the round to end; returns the phase it ended in.
   *  `timeout` (ms) for rounds that move thousands of records. */
  async syncNow(timeout?: number): Promise<string> {
    await this.openSettings();
    await expect(this.page.getByTestId('sync-now')).toBeEnabled({ timeout });
    await this.page.getByTestId('sync-now').click();
    await expect(this.phase()).not.toHaveAttribute('data-phase', 'running', { timeout });
    // The phase seen when it settled: an automatic round (3 s after a local change) may
    // start right after, and reading the attribute again would race it.
    let last = '';
    await expect.poll(async () => (last = (await this.phase().getAttribute('data-phase')) ?? ''), { timeout }).toMatch(/done|failed/);
    return last;
  }

  async addCustomer(name: string, phone = '') {
    const c = new CustomersPage(this.page);
    await c.create({ name, phone, contact: phone ? 'Contact' : '' });
    await c.openList();
    await expect(c.rows().filter({ hasText: name })).toHaveCount(1);
  }

  /** Every customer name the list shows, sorted, with its first phone. */
  async customers(): Promise<string[]> {
    const c = new CustomersPage(this.page);
    await c.openList();
    await c.search('');
    const rows = await c.rows().evaluateAll((els) =>
      els.map((e) => `${e.querySelector('[data-testid=customer-row-name]')?.textContent ?? ''} ${e.querySelector('.row-contact')?.textContent ?? ''}`.trim()));
    return rows.sort();
  }
}

/** Every file the test host's sync folder holds, with its bytes. */
export function hostFiles(folder = 'sync'): Map<string, Buffer> {
  const { dir } = JSON.parse(fs.readFileSync(STATE_FILE, 'utf8'));
  const root = path.join(dir, folder);
  const out = new Map<string, Buffer>();
  const walk = (d: string) => {
    if (!fs.existsSync(d)) return;
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out.set(path.relative(root, p), fs.readFileSync(p));
    }
  };
  walk(root);
  return out;
}

export function clearHost() {
  const { dir } = JSON.parse(fs.readFileSync(STATE_FILE, 'utf8'));
  fs.rmSync(path.join(dir, 'sync', 'devices'), { recursive: true, force: true });
}

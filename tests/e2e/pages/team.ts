// Two tablets in one team: two browser contexts, A creates the team, B joins by the link.
import { expect, type Browser } from '../fixtures';
import { CustomersPage, PoolPage } from './customers';
import { PhotosCard } from './photos';
import { SyncPage } from './sync';

export async function device(browser: Browser, name: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  return { context, page, d: new SyncPage(page), c: new CustomersPage(page), pool: new PoolPage(page), photos: new PhotosCard(page), name };
}

export type Device = Awaited<ReturnType<typeof device>>;

/** Rep A creates a team; Rep B opens A's invite link and joins. Both in English. */
export async function teamOfTwo(browser: Browser): Promise<{ a: Device; b: Device }> {
  const a = await device(browser, 'Rep A');
  await a.d.shell.open();
  await a.d.shell.setLang('en');
  await a.d.shell.createProfile('Rep A');
  await a.d.createTeam();
  const link = await a.d.inviteLink();
  const b = await device(browser, 'Rep B');
  await b.page.goto(link);
  await b.d.shell.setLang('en');
  await b.d.shell.createProfile('Rep B');
  await b.d.join(link);
  return { a, b };
}

export interface HostLogin { user: string; password: string }

/** A new tablet with a profile `name`, in English. */
export async function tablet(browser: Browser, name: string, link?: string): Promise<Device> {
  const t = await device(browser, name);
  if (link) await t.page.goto(link);
  else await t.d.shell.open();
  await t.d.shell.setLang('en');
  await t.d.shell.createProfile(name);
  return t;
}

/** Creates a team syncing through `hostUrl` (with a host login if given). */
export async function createTeamAt(t: Device, hostUrl: string, login?: HostLogin) {
  await t.d.openSettings();
  await t.page.getByTestId('team-host').fill(hostUrl);
  if (login) {
    await t.page.locator('[data-testid=team-create] input[autocomplete=username]').fill(login.user);
    await t.page.locator('[data-testid=team-create] input[type=password]').fill(login.password);
  }
  await t.page.getByTestId('team-create-submit').click();
  await expect(t.d.phase()).toHaveAttribute('data-phase', 'done', { timeout: 20_000 });
}

/** Joins by `link`, typing the host login (never carried in the link) if given. */
export async function joinWith(t: Device, link: string, login?: HostLogin) {
  await t.page.goto(link);
  await expect(t.page.getByTestId('join')).toBeVisible();
  if (login) {
    await t.page.locator('[data-testid=join] details.login summary').click();
    await t.page.getByTestId('join-user').fill(login.user);
    await t.page.getByTestId('join-password').fill(login.password);
  }
  await t.page.getByTestId('join-confirm').click();
  await expect(t.page.getByTestId('sync-host')).toBeVisible();
  await expect(t.d.phase()).toHaveAttribute('data-phase', 'done', { timeout: 20_000 });
}

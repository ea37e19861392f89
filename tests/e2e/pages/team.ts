// Two tablets in one team: two browser contexts, A creates the team, B joins by the link.
import type { Browser } from '../fixtures';
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

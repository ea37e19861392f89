// Two tablets converge through each kind of host a team may have: the test nginx (JSON
// autoindex, no PROPFIND), WsgiDAV and npm webdav-server (PROPFIND; cross-origin, with
// Basic auth and CORS), and an nginx folder that cannot list at all, where a tablet that
// joins later is found by an earlier one only through its announcement in team/members/.
import { expect, test, type Browser } from './fixtures';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { STATE_FILE } from './hosts';
import { filesUnder, serverFiles, startWebdavServer, startWsgidav, stopServer, type DavServer } from './servers';
import { base } from './pages/shell';
import { createTeamAt, joinWith, tablet, type Device, type HostLogin } from './pages/team';

const LOGIN: HostLogin = { user: 'outpost', password: 'kite-2026' };

/** Every file path under the test nginx's folder `folder`, relative to it. */
function nginxFiles(folder: string): string[] {
  const { dir } = JSON.parse(fs.readFileSync(STATE_FILE, 'utf8'));
  return filesUnder(path.join(dir, folder));
}

/** A folder name no other test uses. */
function fresh(tag: string): string {
  return `${tag}-${Date.now().toString(36)}`;
}

/** A creates a team on `hostUrl`, B joins by A's link; each adds a customer; both see both. */
async function converge(browser: Browser, hostUrl: string, tag: string, login?: HostLogin): Promise<{ a: Device; b: Device }> {
  const a = await tablet(browser, 'Rep A');
  await createTeamAt(a, hostUrl, login);
  const link = await a.d.inviteLink();
  const b = await tablet(browser, 'Rep B', link);
  await joinWith(b, link, login);
  await a.d.addCustomer(`Alpha ${tag}`);
  await b.d.addCustomer(`Beta ${tag}`);
  expect(await a.d.syncNow()).toBe('done');
  expect(await b.d.syncNow()).toBe('done');
  expect(await a.d.syncNow()).toBe('done');
  const onA = await a.d.customers();
  expect(onA).toEqual([`Alpha ${tag}`, `Beta ${tag}`]);
  expect(await b.d.customers()).toEqual(onA);
  for (const t of [a, b]) {
    await t.d.openSettings();
    await expect(t.page.getByTestId('sync-unsynced')).toHaveText('0');
    await expect(t.page.getByTestId('sync-rejected')).toHaveCount(0);
  }
  return { a, b };
}

/** Two device folders with heads, and no announcement: the listing found the devices. */
function listedNotAnnounced(files: string[]) {
  expect(files.filter((p) => /^devices\/[^/]+\/head\.json$/.test(p))).toHaveLength(2);
  expect(files.filter((p) => p.startsWith('team/'))).toEqual([]);
}

test('nginx (same origin, JSON autoindex, PROPFIND refused): two tablets converge', async ({ browser }) => {
  const folder = fresh('nginx');
  const { a, b } = await converge(browser, `${base()}/sync/${folder}/`, 'nginx');
  listedNotAnnounced(nginxFiles(path.join('sync', folder)));
  await a.context.close();
  await b.context.close();
});

test('WsgiDAV on another origin with Basic auth and CORS: two tablets converge', async ({ browser }) => {
  const server: DavServer = await startWsgidav(LOGIN);
  try {
    const { a, b } = await converge(browser, server.url, 'WsgiDAV', LOGIN);
    listedNotAnnounced(serverFiles(server));
    await a.context.close();
    await b.context.close();
  } finally {
    await stopServer(server);
  }
});

test('npm webdav-server on another origin with Basic auth and CORS: two tablets converge', async ({ browser }) => {
  const server: DavServer = await startWebdavServer(LOGIN);
  try {
    const { a, b } = await converge(browser, server.url, 'webdav-server', LOGIN);
    listedNotAnnounced(serverFiles(server));
    await a.context.close();
    await b.context.close();
  } finally {
    await stopServer(server);
  }
});

test('a host that cannot list: a tablet joining later is found by an earlier one through its announcement', async ({ browser }) => {
  const folder = fresh('nolist');
  const hostUrl = `${base()}/sync-nolist/${folder}/`;
  const { a, b } = await converge(browser, hostUrl, 'no listing');
  const link = await a.d.inviteLink();
  // A leaves before C arrives: no head B reads can name C, only C's announcement.
  await a.context.close();

  const c = await tablet(browser, 'Rep C', link);
  await joinWith(c, link);
  await c.d.addCustomer('Gamma no listing');
  expect(await c.d.syncNow()).toBe('done');
  expect(await c.d.customers()).toEqual(['Alpha no listing', 'Beta no listing', 'Gamma no listing']);

  expect(await b.d.syncNow()).toBe('done');
  expect(await b.d.customers()).toEqual(['Alpha no listing', 'Beta no listing', 'Gamma no listing']);
  await expect(b.page.getByTestId('sync-rejected')).toHaveCount(0);

  const files = nginxFiles(path.join('sync-nolist', folder));
  expect(files.filter((p) => p.startsWith('team/members/'))).toEqual(['team/members/0.json', 'team/members/1.json', 'team/members/2.json']);
  expect(files.filter((p) => /^devices\/[^/]+\/head\.json$/.test(p))).toHaveLength(3);
  await b.context.close();
  await c.context.close();
});

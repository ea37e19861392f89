// Who did it, provably (issue 15), on two tablets through the real host: a manager
// starts the team's signatures, a newcomer waits for approval and then counts, a change
// injected unsigned into a tablet's database is refused and shown in the quarantine,
// and a revoked rep's later claim counts nowhere.
import { expect, test } from './fixtures';
import { clearHost } from './pages/sync';
import { device, type Device } from './pages/team';
import { OrdersPage, teamDate } from './pages/orders';

test.beforeEach(() => clearHost());

async function manager(browser: Parameters<typeof device>[0]): Promise<Device> {
  const m = await device(browser, 'Wang');
  await m.d.shell.open();
  await m.d.shell.setLang('en');
  await m.d.shell.createProfile('Wang', 'manager');
  await m.d.createTeam();
  return m;
}

function row(d: Device, name: string) {
  return d.page.getByTestId('roster-row').filter({ hasText: name });
}

/** Writes an unsigned pool assignment of `customer` to the current profile into this
 *  tablet's database and queues it, as a tampered tablet would. */
async function injectAssignment(d: Device, customer: string, inNameOf: string) {
  await inject(d, customer, inNameOf, 'pool.assign', { reason: 'assigned', note: '' });
}

/** Writes an unsigned finance confirmation of a payment by the current profile, in
 *  `inNameOf`'s name: the fact that would make the rep the owner (P2, first deal). */
async function injectConfirmation(d: Device, customer: string, inNameOf: string) {
  const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
  await inject(d, customer, inNameOf, 'payment.confirmed', { amount_fen: 9_900_000, paid_on: today, days_late: 0 });
}

async function inject(d: Device, customer: string, inNameOf: string, kind: string, body: Record<string, unknown>) {
  await d.d.openSettings();
  const device = (await d.page.getByTestId('sync-device').innerText()).trim();
  await d.page.evaluate(([customer, inNameOf, device, kind, body]) => new Promise<void>((done, fail) => {
    const req = indexedDB.open('outpost');
    req.onerror = () => fail(req.error);
    req.onsuccess = () => {
      const db = req.result;
      const tx = db.transaction(['docs', 'entries', 'outbox', 'profiles'], 'readwrite');
      const docs = tx.objectStore('docs').getAll();
      const profiles = tx.objectStore('profiles').getAll();
      tx.oncomplete = () => { db.close(); done(); };
      tx.onerror = () => fail(tx.error);
      // Requests in one transaction complete in order: docs, then profiles.
      profiles.onsuccess = () => {
        const all = docs.result.map((r: { j: string }) => JSON.parse(r.j));
        const c = all.find((d: any) => d.kind === 'customer' && d.fields?.name?.value === customer);
        const boss = all.find((d: any) => d.kind === 'person' && d.fields?.name?.value === inNameOf);
        const me = profiles.result[0];
        if (!c || !boss || !me) { fail(new Error('customer, person or profile missing')); return; }
        const id = `forged-${Date.now()}`;
        const e = {
          id, kind, subject: c.id,
          stamp: { wall_ms: Date.now(), counter: 0, device },
          author: boss.id,
          body: { rep: me.id, ...(body as object) },
        };
        const stored = { j: JSON.stringify(e), kind: e.kind, subject: e.subject };
        tx.objectStore('entries').put(stored, id);
        tx.objectStore('outbox').put({ j: JSON.stringify(e) }, `e:${id}`);
      };
    };
  }), [customer, inNameOf, device, kind, body] as const);
}

test('a manager starts signing; a newcomer counts once granted; forged and revoked changes do not', async ({ browser }) => {
  const m = await manager(browser);
  await expect(m.page.getByTestId('roster-off')).toBeVisible();
  await m.page.getByTestId('roster-start').click();
  await expect(m.page.getByTestId('roster-on')).toBeVisible();
  await expect(row(m, 'Wang')).toHaveAttribute('data-standing', 'member');
  const link = await m.d.inviteLink();
  expect(link).toMatch(/&a=[A-Za-z0-9_-]{43}/);

  const b = await device(browser, 'Rep B');
  await b.page.goto(link);
  await b.d.shell.setLang('en');
  await b.d.shell.createProfile('Rep B');
  await b.d.join(link);
  // B's first customer, entered while B waits for approval.
  // It shows on B's own tablet; no other tablet counts it before an admin's grant.
  await b.d.addCustomer('Pending Kites Ltd');
  expect(await b.d.syncNow()).toBe('done');

  expect(await m.d.syncNow()).toBe('done');
  await expect(row(m, 'Rep B')).toHaveAttribute('data-standing', 'pending');
  await m.d.openSettings();
  // Listed in the manager's quarantine as signed by a key the roster does not hold yet.
  await expect(m.page.locator('[data-testid="unreadable-record"][data-code="unknown_key"]').first()).toBeVisible();
  await m.pool.open();
  await expect(m.pool.row('Pending Kites Ltd')).toHaveCount(0);
  await m.page.setViewportSize({ width: 768, height: 1024 });

  // The manager grants B the rep role: B's work since joining counts.
  await m.d.openSettings();
  await row(m, 'Rep B').getByTestId('roster-role').selectOption('rep');
  await row(m, 'Rep B').getByTestId('roster-grant').click();
  await expect(row(m, 'Rep B')).toHaveAttribute('data-standing', 'member');
  // The first admin's own key cannot be revoked: no button for it.
  await expect(row(m, 'Wang').getByTestId('roster-revoke')).toHaveCount(0);
  await expect(row(m, 'Rep B').getByTestId('roster-revoke')).toHaveCount(1);
  await m.page.getByTestId('roster').screenshot({ path: 'screenshots/settings-roster-en.png' });
  await m.pool.open();
  await expect(m.pool.row('Pending Kites Ltd')).toHaveCount(0);
  await m.c.open('Pending Kites Ltd');
  await expect(m.c.owner()).toHaveText('Rep B');

  // The manager's own customer goes to the pool; B's tablet, tampered with, writes an
  // unsigned assignment of it to B in the manager's name.
  await m.d.addCustomer('Harbour Kites Co');
  expect(await m.d.syncNow()).toBe('done');
  expect(await b.d.syncNow()).toBe('done');
  await injectAssignment(b, 'Harbour Kites Co', 'Wang');
  expect(await b.d.syncNow()).toBe('done');
  expect(await m.d.syncNow()).toBe('done');
  await m.pool.open();
  await expect(m.pool.row('Harbour Kites Co')).toHaveCount(1);
  await m.d.openSettings();
  const refused = m.page.getByTestId('unreadable-record').filter({ hasText: 'pool.assign' });
  await expect(refused).toHaveAttribute('data-code', 'unsealed');
  await expect(refused).toContainText('written unsigned after the team began to sign');

  // The same tablet forges finance's confirmation of a payment by B, which would make
  // B the owner by a first deal (P2): the customer stays in the pool.
  await injectConfirmation(b, 'Harbour Kites Co', 'Wang');
  expect(await b.d.syncNow()).toBe('done');
  expect(await m.d.syncNow()).toBe('done');
  await m.pool.open();
  await expect(m.pool.row('Harbour Kites Co')).toHaveCount(1);
  await m.d.openSettings();
  await expect(m.page.getByTestId('unreadable-record').filter({ hasText: 'payment.confirmed' })).toHaveAttribute('data-code', 'unsealed');

  // B leaves: the manager revokes the key. B's tablet, offline and unaware, claims the
  // customer; no tablet counts it.
  await row(m, 'Rep B').getByTestId('roster-revoke').click();
  await expect(row(m, 'Rep B')).toHaveAttribute('data-standing', 'revoked');
  expect(await m.d.syncNow()).toBe('done');
  await b.pool.claim('Harbour Kites Co');
  expect(await b.d.syncNow()).toBe('done');
  expect(await m.d.syncNow()).toBe('done');
  await m.pool.open();
  await expect(m.pool.row('Harbour Kites Co')).toHaveCount(1);
  await m.context.close();
  await b.context.close();
});

test('a manager approval of a rep order shows as verified on both tablets', async ({ browser }) => {
  test.setTimeout(240_000);
  const m = await manager(browser);
  await m.page.getByTestId('roster-start').click();
  await expect(m.page.getByTestId('roster-on')).toBeVisible();
  const link = await m.d.inviteLink();
  const b = await device(browser, 'Rep B');
  await b.page.setViewportSize({ width: 768, height: 1024 });
  await b.page.goto(link);
  await b.d.shell.setLang('en');
  await b.d.shell.createProfile('Rep B');
  await b.d.join(link);
  expect(await b.d.syncNow()).toBe('done');
  expect(await m.d.syncNow()).toBe('done');
  await m.d.openSettings();
  await row(m, 'Rep B').getByTestId('roster-role').selectOption('rep');
  await row(m, 'Rep B').getByTestId('roster-grant').click();
  await expect(row(m, 'Rep B')).toHaveAttribute('data-standing', 'member');
  const om = new OrdersPage(m.page);
  await om.addProduct('Kite kit', 'box', '120');
  await m.c.create({ name: 'Plaza Kites', contact: 'Buyer', phone: '13900000009' });
  expect(await m.d.syncNow()).toBe('done');

  // The rep takes an order and submits it; the manager approves it on the other tablet.
  expect(await b.d.syncNow()).toBe('done');
  const ob = new OrdersPage(b.page);
  await b.c.open('Plaza Kites');
  await ob.startOrder();
  await ob.setLine(0, 'Kite kit (box)', '3');
  await b.page.getByTestId('of-delivery').fill(teamDate(2));
  await b.page.getByTestId('of-submit').click();
  await expect(ob.order()).toHaveAttribute('data-status', 'submitted');
  expect(await b.d.syncNow()).toBe('done');
  expect(await m.d.syncNow()).toBe('done');
  await m.c.open('Plaza Kites');
  const mine = await om.openOrder();
  await mine.getByTestId('order-opinion').fill('ok');
  await mine.getByTestId('order-approve').click();
  await expect(mine).toHaveAttribute('data-status', 'approved');
  expect(await m.d.syncNow()).toBe('done');
  expect(await b.d.syncNow()).toBe('done');
  await b.c.open('Plaza Kites');
  const theirs = await ob.openOrder();
  await expect(theirs).toHaveAttribute('data-status', 'approved');
  const steps = theirs.getByTestId('order-step');
  await expect(steps).toHaveCount(2);
  for (const i of [0, 1]) await expect(steps.nth(i).getByTestId('verified')).toHaveAttribute('data-verified', 'true');
  await expect(steps.nth(1)).toContainText('verified');
  // Who signed, with the role the roster gave them: the rep submitted, the manager approved.
  await expect(steps.nth(0)).toHaveAttribute('data-roles', 'rep');
  await expect(steps.nth(1)).toHaveAttribute('data-roles', 'manager');
  await expect(steps.nth(1)).toContainText('(Manager)');
  await theirs.screenshot({ path: 'screenshots/order-verified-en.png' });
  await m.context.close();
  await b.context.close();
});

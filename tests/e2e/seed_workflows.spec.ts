// Issue 18's seed workflows end to end. On two tablets through the real host: the
// manager requires release notes and sets the reminder lead time and a rep's capacity
// (team settings, synced), marks a problem customer (P5), and sends a rep's release note
// back for more detail (P9); the rep sees it on Today and answers. On one tablet with
// the clock: a customer's payday times the receivables reminder (O2), and capacities one
// device kept in its own storage become the team's (P7).
import { expect, test } from './fixtures';
import { clearHost } from './pages/sync';
import { device } from './pages/team';
import { addPerson, switchTo } from './pages/shell';
import { EventsPage } from './pages/events';
import { CustomersPage } from './pages/customers';
import { OrdersPage, shot } from './pages/orders';

test.beforeEach(() => clearHost());

test('a manager requires release notes, marks a problem customer and sends a note back; the rep sees it on the other tablet', async ({ browser }) => {
  test.setTimeout(240_000);
  // Tablet A: Manager Wang creates the team. Tablet B: Rep Li joins.
  const a = await device(browser, 'A');
  await a.page.setViewportSize({ width: 768, height: 1024 });
  await a.d.shell.open();
  await a.d.shell.setLang('en');
  await a.d.shell.createProfile('Manager Wang', 'manager');
  await a.d.createTeam();
  const link = await a.d.inviteLink();
  const b = await device(browser, 'B');
  await b.page.setViewportSize({ width: 768, height: 1024 });
  await b.page.goto(link);
  await b.d.shell.setLang('en');
  await b.d.shell.createProfile('Rep Li', 'rep');
  await b.d.join(link);
  expect(await b.d.syncNow()).toBe('done');
  expect(await a.d.syncNow()).toBe('done');

  // Team settings on A: P9 notes required; O2 reminders 10 days ahead (a bad number is refused).
  const pa = a.page;
  await pa.getByTestId('nav-settings').click();
  await pa.getByTestId('rule-require-note').check();
  await pa.getByTestId('rules-save').click();
  await expect(pa.getByTestId('rules-saved')).toBeVisible();
  await pa.getByTestId('remind-days').fill('61');
  await pa.getByTestId('remind-save').click();
  await expect(pa.getByTestId('remind-days-error')).toBeVisible();
  await pa.getByTestId('remind-days').fill('10');
  await pa.getByTestId('remind-save').click();
  await expect(pa.getByTestId('remind-saved')).toBeVisible();
  await expect(pa.getByTestId('remind-days-error')).toHaveCount(0);

  // P7: Rep Li's capacity, saved for the team.
  await pa.getByTestId('nav-pool').click();
  await pa.getByTestId('pool-tab-distribute').click();
  const liCap = pa.locator('label', { hasText: 'Rep Li' }).getByTestId('dist-capacity');
  await liCap.fill('5');
  await pa.getByTestId('dist-capacity-save').click();
  await expect(pa.getByTestId('dist-capacity-saved')).toBeVisible();

  // P5: two customers; one marked a problem customer, which needs a reason.
  await a.c.create({ name: 'Plaza Snacks', contact: 'Owner', phone: '13900000002' });
  await a.c.create({ name: 'Kite Works', contact: 'Buyer', phone: '13900000001' });
  await pa.getByTestId('problem-mark-open').click();
  await pa.getByTestId('problem-save').click();
  await expect(pa.getByTestId('problem-reason-error')).toBeVisible();
  await pa.getByTestId('problem-reason').fill('Disputes every invoice');
  await pa.getByTestId('problem-save').click();
  await expect(pa.getByTestId('customer-problem')).toBeVisible();
  await expect(pa.getByTestId('problem-note')).toContainText('Disputes every invoice');
  await a.c.openList();
  await a.c.showFilters();
  await pa.getByTestId('filter-problem').check();
  await expect(a.c.rows()).toHaveCount(1);
  await expect(a.c.rows().first().getByTestId('problem-flag')).toBeVisible();
  await a.c.clearFilters();
  await expect(a.c.rows()).toHaveCount(2);
  expect(await a.d.syncNow()).toBe('done');

  // Tablet B: the rep sees the mark but cannot change it; claims, then releases with a note.
  const pb = b.page;
  expect(await b.d.syncNow()).toBe('done');
  await b.pool.claim('Kite Works');
  await b.c.open('Kite Works');
  await expect(pb.getByTestId('customer-problem')).toBeVisible();
  await expect(pb.getByTestId('problem-mark-open')).toHaveCount(0);
  await expect(pb.getByTestId('problem-clear')).toHaveCount(0);
  await pb.getByTestId('release').click();
  await pb.getByTestId('release-status').fill('Cold');
  await pb.getByTestId('release-contacts').fill('Buyer');
  await pb.getByTestId('release-progress').fill('One call');
  await pb.getByTestId('release-save').click();
  await expect(pb.getByTestId('release-form')).toHaveCount(0);
  expect(await b.d.syncNow()).toBe('done');

  // Tablet A: the note is thin; the manager sends it back (saying what is missing).
  expect(await a.d.syncNow()).toBe('done');
  await a.c.open('Kite Works');
  await expect(pa.getByTestId('last-release-note')).toContainText('Cold · Buyer · One call');
  await pa.getByTestId('send-back').click();
  await expect(pa.getByTestId('send-back-error')).toBeVisible();
  await pa.getByTestId('send-back-comment').fill('Who decides there now, and what did they quote?');
  await pa.getByTestId('send-back').click();
  await expect(pa.getByTestId('held-for-note')).toBeVisible();
  await expect(pa.getByTestId('send-back-form')).toHaveCount(0);
  await expect(pa.getByTestId('returned-pending')).toContainText('Who decides there now');
  await shot(pa, 'ownership', 'p9-send-back-en.png');
  expect(await a.d.syncNow()).toBe('done');

  // Tablet B: Today says what the manager asked; the pool holds the customer until the answer.
  expect(await b.d.syncNow()).toBe('done');
  await pb.getByTestId('nav-today').click();
  const notice = pb.getByTestId('notice-release-note');
  await expect(notice).toHaveAttribute('data-returned', 'true');
  await expect(notice).toContainText('Who decides there now');
  await pb.screenshot({ path: 'screenshots/p9-today-en.png' });
  await b.pool.open();
  await expect(b.pool.row('Kite Works').getByTestId('pool-held')).toBeVisible();
  await expect(b.pool.row('Kite Works').getByTestId('pool-claim')).toHaveCount(0);
  await pb.getByTestId('nav-today').click();
  await notice.getByRole('link').click();
  await expect(pb.getByTestId('returned-note')).toContainText('Who decides there now');
  await pb.getByTestId('release-status').fill('Cold; budget frozen until June');
  await pb.getByTestId('release-contacts').fill('Ms Chen, buyer; Mr Wu, plant manager, decides');
  await pb.getByTestId('release-progress').fill('Quoted ¥35,000 for two sets; no order');
  await pb.getByTestId('release-save').click();
  await expect(pb.getByTestId('release-form')).toHaveCount(0);
  await expect(pb.getByTestId('returned-note')).toHaveCount(0);
  await b.pool.open();
  await expect(b.pool.row('Kite Works').getByTestId('pool-claim')).toBeVisible();

  // The team settings reached B: seen, not editable by a rep.
  await pb.getByTestId('nav-settings').click();
  await expect(pb.getByTestId('remind-days')).toHaveValue('10');
  await expect(pb.getByTestId('remind-days')).toBeDisabled();
  await expect(pb.getByTestId('rule-require-note')).toBeChecked();
  await expect(pb.getByTestId('rule-require-note')).toBeDisabled();
  // A manager profile on B sees the capacity A saved (P7, synced, not this device's own).
  await addPerson(b.d.shell, 'Manager Zhou', 'manager');
  await pb.getByTestId('nav-pool').click();
  await pb.getByTestId('pool-tab-distribute').click();
  await expect(pb.locator('label', { hasText: 'Rep Li' }).getByTestId('dist-capacity')).toHaveValue('5');

  // The customer page in both languages.
  await b.c.open('Kite Works');
  await pb.screenshot({ path: 'screenshots/p5-customer-en.png' });
  await b.d.shell.setLang('zh-CN');
  await expect(pb.getByTestId('customer-problem')).toHaveText('问题客户');
  await pb.screenshot({ path: 'screenshots/p5-customer-zh.png' });
  await shot(pb, 'ownership', 'p9-ownership-zh.png');
});

test('a payday before the lead window starts the reminder on that payday; capacities kept on one device become the teams', async ({ page }) => {
  test.setTimeout(180_000);
  await page.clock.install({ time: new Date('2026-03-02T09:00:00+08:00') });
  const c = new CustomersPage(page);
  const o = new OrdersPage(page);
  await c.shell.open();
  await c.shell.setLang('en');
  await c.shell.createProfile('Rep Li', 'rep');
  await addPerson(c.shell, 'Manager Wang', 'manager');

  // P7: an older build kept Rep Li's capacity in this device's storage; it is taken once.
  await page.getByTestId('nav-pool').click();
  await page.getByTestId('pool-tab-distribute').click();
  const liCap = page.locator('label', { hasText: 'Rep Li' }).getByTestId('dist-capacity');
  await expect(liCap).toHaveValue('100');
  const rep = await liCap.getAttribute('data-rep');
  expect(rep).toBeTruthy();
  await page.evaluate((r) => localStorage.setItem(`outpost.capacity.${r}`, '7'), rep);
  await page.reload();
  await page.getByTestId('nav-pool').click();
  await page.getByTestId('pool-tab-distribute').click();
  await expect(liCap).toHaveValue('7');
  await expect.poll(() => page.evaluate((r) => localStorage.getItem(`outpost.capacity.${r}`), rep)).toBeNull();
  await page.reload();
  await page.getByTestId('nav-pool').click();
  await page.getByTestId('pool-tab-distribute').click();
  await expect(liCap).toHaveValue('7');

  // O2: River Bikes is paid on the 10th and prefers afternoons; a bad payday is refused.
  await o.addProduct('Tea set', 'set', '1,000');
  await c.create({ name: 'River Bikes', contact: 'Owner', phone: '13900000003' });
  await c.section('money');
  await page.getByTestId('habits-payday').fill('40');
  await page.getByTestId('habits-save').click();
  await expect(page.getByTestId('habits-payday-error')).toBeVisible();
  await page.getByTestId('habits-payday').fill('10');
  await page.getByTestId('habits-slot-afternoon').check();
  await page.getByTestId('habits-save').click();
  await expect(page.getByTestId('habits-saved')).toBeVisible();
  await expect(page.getByTestId('habits-summary')).toContainText('Payday: day 10 of each month');
  await expect(page.getByTestId('habits-summary')).toContainText('Afternoons');

  // An order paid in one instalment due on the 28th, approved by the manager.
  await o.startOrder();
  await o.setLine(0, 'Tea set (set)', '1');
  await page.getByTestId('of-delivery').fill('2026-03-03');
  await page.getByTestId('of-terms').selectOption('instalments');
  await page.getByTestId('of-instalments').fill('2026-03-28');
  await page.getByTestId('of-submit').click();
  await expect(page.getByTestId('order-form')).toHaveCount(0);
  const row = await o.openOrder();
  await row.getByTestId('order-opinion').fill('ok');
  await row.getByTestId('order-approve').click();
  await expect(row).toHaveAttribute('data-status', 'approved');
  await expect(page.getByTestId('instalment-row')).toHaveCount(1);
  // 2 March: 26 days ahead, before both the 7-day lead and the payday.
  await expect(page.getByTestId('reminder-row')).toHaveCount(0);

  // 10 March, payday: 18 days before the due date, the reminder is there, timed by the payday.
  await page.clock.setSystemTime(new Date('2026-03-10T09:00:00+08:00'));
  await page.reload();
  await c.open('River Bikes');
  await expect(page.getByTestId('reminder-row')).toHaveCount(1);
  const hint = page.getByTestId('reminder-row').getByTestId('chase-hint');
  await expect(hint).toHaveAttribute('data-chase-on', '2026-03-10');
  await expect(hint).toContainText('(payday)');
  await expect(hint).toContainText('Afternoons');
  await shot(page, 'receivables', 'o2-receivables-en.png');
  await c.shell.setLang('zh-CN');
  await expect(hint).toContainText('下午');
  await shot(page, 'receivables', 'o2-receivables-zh.png');
  await c.shell.setLang('en');
  await page.getByTestId('nav-finance').click();
  await expect(page.getByTestId('finance-reminder')).toHaveCount(1);
  await expect(page.getByTestId('finance-reminder').getByTestId('chase-hint')).toContainText('Afternoons');

  // Without the payday the team's lead time (7 days) would not reach it yet.
  await c.open('River Bikes', 'money');
  await page.getByTestId('habits-payday').fill('');
  await page.getByTestId('habits-save').click();
  await expect(page.getByTestId('habits-summary')).toContainText('No payday recorded');
  await expect(page.getByTestId('reminder-row')).toHaveCount(0);
  // A manager lengthens the team's lead time to 20 days: the reminder is back.
  await page.getByTestId('nav-settings').click();
  await page.getByTestId('remind-days').fill('20');
  await page.getByTestId('remind-save').click();
  await expect(page.getByTestId('remind-saved')).toBeVisible();
  await shot(page, 'collection-settings', 'o2-settings-en.png');
  await c.open('River Bikes');
  await expect(page.getByTestId('reminder-row')).toHaveCount(1);
  await expect(page.getByTestId('reminder-row').getByTestId('chase-hint')).toHaveAttribute('data-chase-on', '2026-03-10');
});

test('an event materials kit says who prepares what by when; a late item shows and its preparer ticks it', async ({ page }) => {
  test.setTimeout(120_000);
  await page.clock.install({ time: new Date('2026-03-02T09:00:00+08:00') });
  const ev = new EventsPage(page);
  await ev.shell.open();
  await ev.shell.setLang('en');
  await ev.shell.createProfile('Rep Li', 'rep');
  await addPerson(ev.shell, 'Manager Wang', 'manager');
  const starts = Date.parse('2026-03-14T09:00:00+08:00');
  await ev.create({ theme: 'Kite DIY day', starts, ends: starts + 3 * 3600_000, venue: 'Sales office' });
  await page.getByTestId('event-tab-kit').click();
  await expect(page.getByTestId('kit-empty')).toBeVisible();

  // Each item says what, who and by when; the form says what is missing.
  await page.getByTestId('kit-due').fill('2026-03-05');
  await page.getByTestId('kit-add').click();
  await expect(page.getByTestId('kit-error')).toHaveText('Say what to prepare.');
  await page.getByTestId('kit-what').fill('Kite frames ×40');
  await page.getByTestId('kit-add').click();
  await expect(page.getByTestId('kit-error')).toHaveText('Choose who prepares it.');
  await page.getByTestId('kit-who').selectOption({ label: 'Rep Li' });
  await page.getByTestId('kit-add').click();
  await expect(page.getByTestId('kit-item')).toHaveCount(1);
  await expect(page.getByTestId('kit-error')).toHaveCount(0);
  await page.getByTestId('kit-what').fill('Printed invitations');
  await page.getByTestId('kit-who').selectOption({ label: 'Manager Wang' });
  await page.getByTestId('kit-due').fill('2026-03-10');
  await page.getByTestId('kit-add').click();
  await expect(page.getByTestId('kit-item')).toHaveCount(2);
  await expect(page.getByTestId('kit')).toHaveAttribute('data-total', '2');
  await expect(page.getByTestId('kit-item').first()).toHaveAttribute('data-state', 'Open');

  // 6 March: the frames were due yesterday and are not ready.
  await page.clock.setSystemTime(new Date('2026-03-06T09:00:00+08:00'));
  await page.reload();
  await switchTo(ev.shell, 'Rep Li');
  await ev.open('Kite DIY day');
  await page.getByTestId('event-tab-kit').click();
  const frames = page.getByTestId('kit-item').filter({ hasText: 'Kite frames' });
  await expect(frames).toHaveAttribute('data-state', 'Late');
  await expect(frames.getByTestId('kit-late')).toBeVisible();
  // The rep plans nothing, ticks only what is his.
  await expect(page.getByTestId('kit-form')).toHaveCount(0);
  await expect(page.getByTestId('kit-item').filter({ hasText: 'Printed invitations' }).getByTestId('kit-done')).toBeDisabled();
  await frames.getByTestId('kit-done').check();
  await expect(frames).toHaveAttribute('data-state', 'Done');
  await expect(page.getByTestId('kit')).toHaveAttribute('data-done', '1');
  await shot(page, 'kit', 'e2-kit-en.png');
  await ev.shell.setLang('zh-CN');
  await expect(page.getByTestId('event-tab-kit')).toHaveText('物料准备');
  await shot(page, 'kit', 'e2-kit-zh.png');
});

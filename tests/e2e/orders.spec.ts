// Orders and money end to end on two tablets (O1–O4 with P2 and C3): a rep takes an
// order and records a payment with the network off; after sync a manager approves it
// and finance confirms the payment on the other tablet, and the customer's owner (P2,
// first deal) and value tier (C3) change on both. The delivery slip's three signatures,
// drawn on the canvas, survive a reload and reach the other tablet.
import { expect, test } from './fixtures';
import { clearHost } from './pages/sync';
import { device } from './pages/team';
import { addPerson, switchTo } from './pages/shell';
import { CustomersPage } from './pages/customers';
import { OrdersPage, shot, teamDate } from './pages/orders';

test.beforeEach(() => clearHost());

const CUSTOMER = 'Kite Works';

test('an offline order and payment become the first deal once finance confirms them on another tablet', async ({ browser }) => {
  test.setTimeout(240_000);
  // Tablet A: Rep Li creates the team. Tablet B: Manager Wang joins, Finance Qian shares it.
  const a = await device(browser, 'A');
  await a.page.setViewportSize({ width: 768, height: 1024 });
  await a.d.shell.open();
  await a.d.shell.setLang('en');
  await a.d.shell.createProfile('Rep Li', 'rep');
  await a.d.createTeam();
  const link = await a.d.inviteLink();
  const b = await device(browser, 'B');
  await b.page.setViewportSize({ width: 768, height: 1024 });
  await b.page.goto(link);
  await b.d.shell.setLang('en');
  await b.d.shell.createProfile('Manager Wang', 'manager');
  await b.d.join(link);
  const oa = new OrdersPage(a.page);
  const ob = new OrdersPage(b.page);

  // The manager keeps the price list and enters a customer: nobody owns it yet (P5).
  await ob.addProduct('Tea set', 'set', '35,000');
  await b.c.create({ name: CUSTOMER, contact: 'Buyer', phone: '13900000001' });
  await expect(b.c.owner()).toHaveAttribute('data-owner', '');
  expect(await b.d.syncNow()).toBe('done');

  // Rep Li, offline at the customer: an order of 2 sets at 5 % off, and the money.
  expect(await a.d.syncNow()).toBe('done');
  await a.context.setOffline(true);
  await a.c.open(CUSTOMER);
  await expect(a.page.getByTestId('customer-tier')).toHaveAttribute('data-tier', 'C');
  await oa.startOrder();
  await oa.setLine(0, 'Tea set (set)', '2', '5');
  await a.page.getByTestId('of-delivery').fill(teamDate(3));
  // The total follows the lines: 2 × 35,000 = 70,000, 5 % off = 66,500.
  await expect(a.page.getByTestId('of-total')).toContainText('¥66,500.00');
  // A delivery date in the past is refused with a reason.
  await a.page.getByTestId('of-delivery').fill(teamDate(-2));
  await a.page.getByTestId('of-submit').click();
  await expect(a.page.getByTestId('of-error')).toContainText('cannot be before today');
  await a.page.getByTestId('of-delivery').fill(teamDate(3));
  await shot(a.page, 'order-form', 'order-form-en.png');
  await a.page.getByTestId('of-submit').click();
  await expect(a.page.getByTestId('order-form')).toHaveCount(0);
  await expect(oa.order()).toHaveAttribute('data-status', 'submitted');
  await oa.recordPayment('66,500', teamDate(0));
  await expect(a.page.getByTestId('recorded-payment')).toHaveAttribute('data-confirmed', 'false');
  // Recorded is not confirmed: no deal yet, the customer stays in the pool at tier C.
  await expect(a.c.owner()).toHaveAttribute('data-owner', '');
  await a.context.setOffline(false);
  expect(await a.d.syncNow()).toBe('done');

  // Tablet B: the manager approves; a rep-only profile would not see the buttons.
  expect(await b.d.syncNow()).toBe('done');
  await b.c.open(CUSTOMER);
  const row = await ob.openOrder();
  await expect(row).toHaveAttribute('data-status', 'submitted');
  await row.getByTestId('order-opinion').fill('Price agreed with head office');
  await row.getByTestId('order-approve').click();
  await expect(row).toHaveAttribute('data-status', 'approved');
  await expect(row.getByTestId('order-step')).toHaveCount(2);
  // The team has not started signing: no step can show as verified.
  await expect(row.getByTestId('order-step').nth(1).getByTestId('verified')).toHaveAttribute('data-verified', 'false');
  // Who decided, when and on which device: the submission came from A, the approval from B.
  const devA = await row.getByTestId('order-step').nth(0).getAttribute('data-device');
  const devB = await row.getByTestId('order-step').nth(1).getAttribute('data-device');
  expect(devA).toBeTruthy();
  expect(devB).toBeTruthy();
  expect(devB).not.toBe(devA);

  // Finance confirms from its queue.
  await addPerson(b.d.shell, 'Finance Qian', 'finance');
  await b.page.getByTestId('nav-finance').click();
  await expect(b.page.getByTestId('queue-row')).toHaveCount(1);
  await expect(b.page.getByTestId('queue-amount')).toHaveText('¥66,500.00');
  await b.page.screenshot({ path: 'screenshots/finance-queue-en.png', fullPage: true });
  await b.page.getByTestId('queue-confirm').click();
  await expect(b.page.getByTestId('queue-empty')).toBeVisible();
  await expect(b.page.getByTestId('ageing-rep-row')).toHaveCount(0);

  // P2: the first deal makes Rep Li the owner; C3: ¥66,500 confirmed is tier A.
  await b.c.open(CUSTOMER);
  await expect(b.c.owner()).toHaveText('Rep Li');
  await expect(b.page.getByTestId('owner-reason')).toHaveText('first deal');
  await expect(b.page.getByTestId('customer-tier')).toHaveAttribute('data-tier', 'A');
  await expect(b.page.getByTestId('instalment-row')).toHaveAttribute('data-outstanding', '0');
  await expect(b.page.getByTestId('credit-standing')).toHaveAttribute('data-standing', 'good');
  expect(await b.d.syncNow()).toBe('done');

  // …and the same on tablet A after its sync.
  expect(await a.d.syncNow()).toBe('done');
  await a.c.open(CUSTOMER);
  await expect(a.c.owner()).toHaveText('Rep Li');
  await expect(a.page.getByTestId('customer-tier')).toHaveAttribute('data-tier', 'A');
  await expect(a.page.getByTestId('recorded-payment')).toHaveAttribute('data-confirmed', 'true');
  await expect(a.page.getByTestId('payment-row')).toHaveCount(1);
  await expect(oa.order()).toHaveAttribute('data-status', 'approved');
  await shot(a.page, 'receivables', 'receivables-en.png');

  // O1: three signatures on the slip, drawn on tablet A, survive a reload…
  await oa.openOrder();
  await oa.sign('warehouse_keeper', 'Keeper Wu');
  await oa.sign('warehouse_supervisor', 'Supervisor Ma');
  await oa.sign('customer', 'Ms Zhao');
  await a.page.reload();
  await a.c.open(CUSTOMER);
  await oa.openOrder();
  for (const code of ['warehouse_keeper', 'warehouse_supervisor', 'customer']) {
    await expect(a.page.getByTestId(`sig-done-${code}`).getByTestId('sig-image')).toHaveAttribute('data-strokes', '1');
  }
  await expect(a.page.getByTestId('sig-signer-customer')).toHaveText('Ms Zhao');
  await a.page.getByTestId('slip-deliver').click();
  await expect(oa.order()).toHaveAttribute('data-status', 'delivered');
  await shot(a.page, 'slip', 'slip-signed-en.png');
  const pointsA = await a.page.getByTestId('sig-done-customer').locator('polyline').getAttribute('points');
  expect(pointsA).toMatch(/^\d+,\d+( \d+,\d+)+$/);
  expect(await a.d.syncNow()).toBe('done');

  // …and reach tablet B with the same strokes.
  expect(await b.d.syncNow()).toBe('done');
  await switchTo(b.d.shell, 'Manager Wang');
  await b.c.open(CUSTOMER);
  const rowB = await ob.openOrder();
  await expect(rowB).toHaveAttribute('data-status', 'delivered');
  for (const code of ['warehouse_keeper', 'warehouse_supervisor', 'customer']) {
    await expect(b.page.getByTestId(`sig-done-${code}`).getByTestId('sig-image')).toHaveAttribute('data-strokes', '1');
  }
  await expect(b.page.getByTestId('sig-signer-warehouse_keeper')).toHaveText('Keeper Wu');
  const pointsB = await b.page.getByTestId('sig-done-customer').locator('polyline').getAttribute('points');
  expect(pointsB).toBe(pointsA);

  // The same screens in Chinese.
  await b.d.shell.setLang('zh-CN');
  await shot(b.page, 'slip', 'slip-signed-zh.png');
  await shot(b.page, 'receivables', 'receivables-zh.png');
  await b.page.getByTestId('nav-finance').click();
  await b.page.screenshot({ path: 'screenshots/finance-queue-zh.png', fullPage: true });
  await b.c.open(CUSTOMER);
  await ob.startOrder();
  await shot(b.page, 'order-form', 'order-form-zh.png');
  // Nothing typed is lost: a half-written order comes back after a reload, until cancelled.
  await b.page.getByTestId('order-line').first().getByTestId('ol-product').selectOption({ index: 1 });
  await b.page.getByTestId('of-note').fill('急单');
  await b.page.reload();
  await b.c.open(CUSTOMER, 'money');
  await expect(b.page.getByTestId('order-form')).toBeVisible();
  await expect(b.page.getByTestId('of-note')).toHaveValue('急单');
  await expect(b.page.getByTestId('ol-product').first()).not.toHaveValue('');
  await b.page.getByTestId('of-cancel').click();
  await b.page.reload();
  await b.c.open(CUSTOMER);
  await expect(b.page.getByTestId('order-form')).toHaveCount(0);
});

test('a key-account request is reviewed by the supervisor and approved by the manager across tablets', async ({ browser }) => {
  test.setTimeout(180_000);
  const a = await device(browser, 'A');
  await a.page.setViewportSize({ width: 768, height: 1024 });
  await a.d.shell.open();
  await a.d.shell.setLang('en');
  await a.d.shell.createProfile('Rep Li', 'rep');
  await a.d.createTeam();
  const link = await a.d.inviteLink();
  const b = await device(browser, 'B');
  await b.page.setViewportSize({ width: 768, height: 1024 });
  await b.page.goto(link);
  await b.d.shell.setLang('en');
  await b.d.shell.createProfile('Manager Wang', 'manager');
  await b.d.join(link);
  await addPerson(b.d.shell, 'Supervisor Zhou', 'manager');
  await switchTo(b.d.shell, 'Manager Wang');

  // K1: the team names who reviews and who approves.
  await b.page.getByTestId('nav-settings').click();
  const roles = b.page.getByTestId('ka-role-row');
  await roles.filter({ hasText: 'Supervisor Zhou' }).getByTestId('ka-sup').check();
  await expect(roles.filter({ hasText: 'Supervisor Zhou' }).getByTestId('ka-sup')).toBeChecked();
  // Each tick changes the roles as stored, so this one keeps the supervisor's above.
  const mgr = roles.filter({ hasText: 'Manager Wang' }).getByTestId('ka-mgr');
  await mgr.check();
  await expect(mgr).toBeChecked();
  await expect(roles.filter({ hasText: 'Supervisor Zhou' }).getByTestId('ka-sup')).toBeChecked();
  await b.c.create({ name: 'Harbour Foods', contact: 'Buyer', phone: '13900000002' });
  expect(await b.d.syncNow()).toBe('done');

  // Rep Li asks for support on tablet A; a rep cannot decide it.
  expect(await a.d.syncNow()).toBe('done');
  await a.c.open('Harbour Foods', 'key-account');
  await a.page.getByTestId('ka-new-request').click();
  await a.page.getByTestId('ka-save').click();
  await expect(a.page.getByTestId('ka-form-error')).toContainText('Say what support is wanted');
  await a.page.getByTestId('ka-support').fill('Technical seminar for 20 engineers');
  await a.page.getByTestId('ka-needs').fill('Cold-chain monitoring');
  await a.page.getByTestId('ka-save').click();
  const reqA = a.page.getByTestId('ka-request');
  await expect(reqA.getByTestId('ka-approval')).toHaveAttribute('data-status', 'awaiting_review');
  await expect(reqA.getByTestId('ka-not-yours')).toBeVisible();
  await expect(reqA.getByTestId('ka-pass')).toHaveCount(0);
  expect(await a.d.syncNow()).toBe('done');

  // Tablet B: the supervisor reviews (and cannot also approve), then the manager approves.
  expect(await b.d.syncNow()).toBe('done');
  await switchTo(b.d.shell, 'Supervisor Zhou');
  await b.c.open('Harbour Foods', 'key-account');
  const reqB = b.page.getByTestId('ka-request');
  await reqB.getByTestId('ka-opinion').fill('Worth it: three lines up for renewal');
  await reqB.getByTestId('ka-pass').click();
  await expect(reqB.getByTestId('ka-approval')).toHaveAttribute('data-status', 'awaiting_approval');
  await expect(reqB.getByTestId('ka-not-yours')).toBeVisible();
  await switchTo(b.d.shell, 'Manager Wang');
  await b.c.open('Harbour Foods', 'key-account');
  await reqB.getByTestId('ka-pass').click();
  await expect(reqB.getByTestId('ka-error')).toContainText('Write an opinion');
  await reqB.getByTestId('ka-opinion').fill('Go ahead, budget 8,000');
  await reqB.getByTestId('ka-pass').click();
  await expect(reqB.getByTestId('ka-approval')).toHaveAttribute('data-status', 'approved');
  expect(await b.d.syncNow()).toBe('done');

  // Tablet A sees both decisions, who took them and on which device.
  expect(await a.d.syncNow()).toBe('done');
  await a.c.open('Harbour Foods', 'key-account');
  await expect(reqA.getByTestId('ka-approval')).toHaveAttribute('data-status', 'approved');
  await expect(reqA.getByTestId('ka-decision')).toHaveCount(2);
  await expect(reqA.getByTestId('ka-decision').first()).toContainText('Supervisor Zhou');
  await expect(reqA.getByTestId('ka-decision').nth(1)).toContainText('Manager Wang');
  const dev = await reqA.getByTestId('ka-decision').first().getAttribute('data-device');
  expect(dev).toBeTruthy();
  await expect(reqA.getByTestId('ka-decision').nth(1)).toHaveAttribute('data-device', dev!);

  // K3: after the seminar, an evaluation; the return visit is due within a week.
  await a.page.getByTestId('ka-new-evaluation').click();
  await a.page.getByTestId('ke-date').fill(teamDate(0));
  await a.page.getByTestId('ke-text').fill('Engineers engaged; asked for pricing on sensors');
  await a.page.getByTestId('ke-save').click();
  await expect(a.page.getByTestId('ka-evaluation')).toHaveCount(1);
  await expect(a.page.getByTestId('return-visit-due')).toHaveAttribute('data-due', teamDate(7));
  await shot(a.page, 'key-accounts', 'key-account-en.png');
});

test('a forwarded complaint is flagged past its promise and closes only satisfied; an application is flagged after 3 working days', async ({ page }) => {
  // Monday 2 March 2026, 09:00 in the team's time zone.
  await page.clock.install({ time: new Date('2026-03-02T09:00:00+08:00') });
  const c = new CustomersPage(page);
  await c.shell.open();
  await c.shell.setLang('en');
  await c.shell.createProfile('Manager Wang', 'manager');
  await page.getByTestId('nav-settings').click();
  await page.getByTestId('checklists-text').fill('Credit card: ID copy, Proof of income');
  await page.getByTestId('checklists-save').click();
  await expect(page.getByTestId('checklists-saved')).toBeVisible();
  await c.create({ name: 'River Bikes', contact: 'Owner', phone: '13900000003' });

  // S1: logged by whoever was asked first; neither answered nor forwarded is refused.
  await c.section('service');
  await page.getByTestId('sv-new').click();
  await page.getByTestId('sv-channel').selectOption({ label: 'Complaint' });
  await page.getByTestId('sv-asked').fill('Chain squeaks on new bikes');
  await page.getByTestId('sv-save').click();
  await expect(page.getByTestId('sv-error')).toContainText('Give the answer, or forward it');
  await page.getByTestId('sv-to').fill('Engineer Sun');
  await page.getByTestId('sv-plan').fill('Replace the chains on site');
  await page.getByTestId('sv-promised').fill('2026-03-04');
  await page.getByTestId('sv-save').click();
  const item = page.getByTestId('service-item');
  await expect(item).toHaveAttribute('data-overdue', 'false');

  // A1: an application cannot go to review incomplete.
  await c.section('applications');
  await page.getByTestId('app-new').click();
  const app = page.getByTestId('application');
  await expect(app.getByTestId('app-complete')).toHaveAttribute('data-of', '2');
  await app.getByTestId('app-submit').click();
  await expect(page.getByTestId('app-error')).toContainText('Materials missing: ID copy, Proof of income');
  await app.getByTestId('app-material').nth(0).check();
  await expect(app.getByTestId('app-complete')).toHaveAttribute('data-got', '1');
  await app.getByTestId('app-material').nth(1).check();
  await expect(app.getByTestId('app-complete')).toHaveAttribute('data-got', '2');
  await app.getByTestId('app-submit').click();
  await expect(app).toHaveAttribute('data-status', 'Submitted');
  await expect(app).toHaveAttribute('data-late', 'false');

  // Friday: the promise (Wednesday) is past; the review has taken 4 working days.
  await page.clock.setSystemTime(new Date('2026-03-06T10:00:00+08:00'));
  await page.reload();
  await c.open('River Bikes', 'service');
  await expect(item).toHaveAttribute('data-overdue', 'true');
  await expect(page.getByTestId('service-overdue')).toBeVisible();
  await expect(app).toHaveAttribute('data-late', 'true');
  await shot(page, 'service', 'service-en.png');

  // S2: escalated again with a new plan and promise; the item is no longer past its promise.
  await item.getByTestId('sv-reforward').locator('summary').click();
  await item.getByTestId('sv-re-save').click();
  await expect(item.getByTestId('sv-re-error')).toBeVisible(); // no date, no forwardee
  await item.getByTestId('sv-re-to').fill('Workshop lead');
  await item.getByTestId('sv-re-plan').fill('Replace the gear set on site');
  await item.getByTestId('sv-re-promised').fill('2026-03-09');
  await item.getByTestId('sv-re-save').click();
  await expect(item).toHaveAttribute('data-overdue', 'false');
  await expect(item).toContainText('Workshop lead');

  // S2: closed only with the customer satisfied, with a score.
  await item.getByTestId('sv-score').selectOption('5');
  await item.getByTestId('sv-close').click();
  await expect(item.getByTestId('sv-close-error')).toContainText('only when the customer is satisfied');
  await item.getByTestId('sv-satisfied').check();
  await item.getByTestId('sv-close').click();
  await expect(item).toHaveAttribute('data-open', 'false');
  await expect(item.getByTestId('service-closed')).toContainText('5');

  // A1: the decision carries the customer's feedback into the history.
  await c.section('applications');
  await app.getByTestId('app-approve').click();
  await expect(page.getByTestId('app-error')).toContainText('feedback');
  await app.getByTestId('app-feedback').fill('Approved; the card arrives within 7 days');
  await app.getByTestId('app-approve').click();
  await expect(app).toHaveAttribute('data-status', 'Approved');
  await expect(app.getByTestId('app-history')).toHaveCount(2);
  await expect(app.getByTestId('app-history').nth(1)).toContainText('the card arrives within 7 days');

  // A2 on Reports, for March (this month in the team calendar): one complaint closed with
  // a 5 is 1 of 1 satisfied (met at 90 %); one complaint from one customer served; the
  // one approval is a new account, but its review took 4 working days (missed).
  await page.getByTestId('nav-reports').click();
  const kpi = page.getByTestId('kpi-card');
  await expect(kpi.getByTestId('kpi-month')).toHaveValue('2026-03');
  const team = kpi.locator('[data-testid="kpi-row"][data-rep=""]');
  const sat = team.getByTestId('kpi-satisfaction');
  await expect(sat).toHaveAttribute('data-num', '1');
  await expect(sat).toHaveAttribute('data-den', '1');
  await expect(sat).toHaveAttribute('data-state', 'met');
  await expect(sat.getByTestId('kpi-value')).toHaveText('100 %');
  await expect(sat.getByTestId('kpi-badge')).toHaveText('Met');
  const complaints = team.getByTestId('kpi-complaints');
  await expect(complaints).toHaveAttribute('data-num', '1');
  await expect(complaints).toHaveAttribute('data-den', '1');
  await expect(complaints.getByTestId('kpi-value')).toHaveText('100 %');
  const accounts = team.getByTestId('kpi-new-accounts');
  await expect(accounts.getByTestId('kpi-value')).toHaveText('1');
  await expect(accounts.getByTestId('kpi-badge')).toHaveText('No target');
  await expect(team.getByTestId('kpi-review')).toHaveAttribute('data-state', 'missed');
  await expect(team.getByTestId('kpi-review').getByTestId('kpi-badge')).toHaveText('Missed');
  await shot(page, 'kpi-card', 'kpi-en.png');
  await c.shell.setLang('zh-CN');
  await expect(sat.getByTestId('kpi-badge')).toHaveText('达标');
  await shot(page, 'kpi-card', 'kpi-zh.png');
  await c.shell.setLang('en');
  // February had none of it: no figures, nothing met or missed.
  await kpi.getByTestId('kpi-month').fill('2026-02');
  await expect(sat).toHaveAttribute('data-state', 'none');
  await expect(sat.getByTestId('kpi-value')).toHaveText('—');
  await expect(complaints.getByTestId('kpi-value')).toHaveText('—');
  // The manager's monthly target is a team setting: a bad number is refused, a good one kept.
  await kpi.getByTestId('kpi-target').fill('-3');
  await kpi.getByTestId('kpi-target-save').click();
  await expect(kpi.getByTestId('kpi-target-error')).toBeVisible();
  await kpi.getByTestId('kpi-target').fill('4');
  await kpi.getByTestId('kpi-target-save').click();
  await expect(kpi.getByTestId('kpi-target-saved')).toBeVisible();
  await page.reload();
  await expect(page.getByTestId('kpi-target')).toHaveValue('4');

  // A rep sees only their own row and cannot change the target.
  await addPerson(c.shell, 'Rep Li', 'rep');
  await page.getByTestId('nav-reports').click();
  await expect(kpi.getByTestId('kpi-row')).toHaveCount(1);
  await expect(kpi.getByTestId('kpi-row').first()).not.toHaveAttribute('data-rep', '');
  await expect(kpi.getByTestId('kpi-target-form')).toHaveCount(0);
  // The manager sees the rep's row and the team's, whose target is 4 per rep × 1 rep:
  // one new account of 4 is 25 %, under 80 %.
  await switchTo(c.shell, 'Manager Wang');
  await page.getByTestId('nav-reports').click();
  await expect(kpi.getByTestId('kpi-row')).toHaveCount(2);
  const teamAccounts = team.getByTestId('kpi-new-accounts');
  await expect(teamAccounts).toHaveAttribute('data-den', '4');
  await expect(teamAccounts.getByTestId('kpi-badge')).toHaveText('Missed');
});

// Sales plans (V9, seed 003) on two tablets: the rep writes and submits the month's
// plan; the manager approves it on the other tablet after sync; the plan's sales
// progress moves once finance confirms the rep's order payment; the application status
// report (A1) lists the rep's application; the rep adds a training to their record.
import { expect, test } from './fixtures';
import { clearHost } from './pages/sync';
import { device } from './pages/team';
import { addPerson, switchTo } from './pages/shell';
import { OrdersPage, teamDate } from './pages/orders';
import { AppStatusCard, PlansCard, TrainingCard } from './pages/plans';

test.beforeEach(() => clearHost());

test('a rep submits a monthly plan, the manager approves it on another tablet, and progress, applications and trainings show', async ({ browser }) => {
  test.setTimeout(300_000);
  const m = await device(browser, 'Manager');
  await m.page.setViewportSize({ width: 768, height: 1024 });
  await m.d.shell.open();
  await m.d.shell.setLang('en');
  await m.d.shell.createProfile('Manager Wang', 'manager');
  await m.d.createTeam();
  const link = await m.d.inviteLink();
  await m.page.getByTestId('nav-settings').click();
  await m.page.getByTestId('checklists-text').fill('Credit card: ID copy, Proof of income');
  await m.page.getByTestId('checklists-save').click();
  await expect(m.page.getByTestId('checklists-saved')).toBeVisible();
  await new OrdersPage(m.page).addProduct('Kite kit', 'box', '10,000', 'Kites');
  await m.c.create({ name: 'Kite Works', contact: 'Buyer', phone: '13900000001' });
  expect(await m.d.syncNow()).toBe('done');
  const r = await device(browser, 'Rep');
  await r.page.setViewportSize({ width: 768, height: 1024 });
  await r.page.goto(link);
  await r.d.shell.setLang('en');
  await r.d.shell.createProfile('Rep Li', 'rep');
  await r.d.join(link);
  expect(await r.d.syncNow()).toBe('done');

  // The rep writes the month's plan: a goal that is not a number is refused and kept.
  const rp = new PlansCard(r.page);
  await rp.open();
  await expect(rp.card.getByTestId('plan-period')).toHaveAttribute('data-code', teamDate(0).slice(0, 7));
  await expect(rp.card.getByTestId('plan-none')).toBeVisible();
  await rp.submit({ sales: 'lots', applications: '2' }, 'Win Kite Works\nStall at the spring fair');
  await expect(rp.card.getByTestId('plan-error')).toContainText('Sales');
  await expect(rp.card.getByTestId('plan-goal-applications')).toHaveValue('2');
  await rp.submit({ sales: '20,000' }, 'Win Kite Works\nStall at the spring fair');
  await expect(rp.card.getByTestId('plan-saved')).toBeVisible();
  await expect(rp.mine()).toHaveAttribute('data-status', 'submitted');
  await expect(rp.mine().getByTestId('plan-actions').locator('li')).toHaveText(['Win Kite Works', 'Stall at the spring fair']);
  await expect(rp.card.getByTestId('plan-approve')).toHaveCount(0); // a rep cannot approve
  await rp.card.screenshot({ path: 'screenshots/plans-rep-submitted-en.png' });
  expect(await r.d.syncNow()).toBe('done');

  // The manager sees it after sync; a return needs a comment; then approves it.
  expect(await m.d.syncNow()).toBe('done');
  const mp = new PlansCard(m.page);
  await mp.open();
  const row = mp.row('Rep Li');
  await expect(row).toHaveAttribute('data-status', 'submitted');
  await row.getByTestId('plan-return').click();
  await expect(row.getByTestId('plan-decide-error')).toContainText('Say why');
  await row.getByTestId('plan-comment-input').fill('Good, keep the fair');
  await row.getByTestId('plan-approve').click();
  await expect(mp.row('Rep Li')).toHaveAttribute('data-status', 'approved');
  await mp.card.getByTestId('plans-filter').selectOption('submitted');
  await expect(mp.card.getByTestId('plan-row')).toHaveCount(0);
  await mp.card.getByTestId('plans-filter').selectOption('');
  await expect(mp.card.getByTestId('plan-row')).toHaveCount(1);
  await mp.card.screenshot({ path: 'screenshots/plans-manager-en.png' });
  expect(await m.d.syncNow()).toBe('done');

  // The rep takes an order for one kit, records its payment, and files an application.
  expect(await r.d.syncNow()).toBe('done');
  await r.c.open('Kite Works');
  const or = new OrdersPage(r.page);
  await or.startOrder();
  await or.setLine(0, 'Kite kit (box)', '1');
  await r.page.getByTestId('of-delivery').fill(teamDate(2));
  await r.page.getByTestId('of-submit').click();
  await expect(or.order()).toHaveAttribute('data-status', 'submitted');
  await or.recordPayment('10,000', teamDate(0));
  await r.c.section('applications');
  await r.page.getByTestId('app-new').click();
  const app = r.page.getByTestId('application');
  // Each tick is stored and redrawn before the next (as orders.spec.ts does).
  await app.getByTestId('app-material').nth(0).check();
  await expect(app.getByTestId('app-complete')).toHaveAttribute('data-got', '1');
  await app.getByTestId('app-material').nth(1).check();
  await expect(app.getByTestId('app-complete')).toHaveAttribute('data-got', '2');
  await app.getByTestId('app-submit').click();
  await expect(app).toHaveAttribute('data-status', 'Submitted');
  expect(await r.d.syncNow()).toBe('done');

  // The manager approves the order and finance confirms the payment.
  expect(await m.d.syncNow()).toBe('done');
  await m.c.open('Kite Works');
  const order = await new OrdersPage(m.page).openOrder();
  await order.getByTestId('order-opinion').fill('ok');
  await order.getByTestId('order-approve').click();
  await expect(order).toHaveAttribute('data-status', 'approved');
  await addPerson(m.d.shell, 'Finance Qian', 'finance');
  await m.page.getByTestId('nav-finance').click();
  await m.page.getByTestId('queue-confirm').click();
  await expect(m.page.getByTestId('queue-empty')).toBeVisible();
  expect(await m.d.syncNow()).toBe('done');

  // The rep's approved plan shows the confirmed 10,000 of 20,000 and the application.
  expect(await r.d.syncNow()).toBe('done');
  await rp.open();
  await expect(rp.mine()).toHaveAttribute('data-status', 'approved');
  await expect(rp.mine().getByTestId('plan-comment')).toContainText('Good, keep the fair');
  await expect(rp.goal('sales')).toHaveAttribute('data-actual', '1000000');
  await expect(rp.goal('sales')).toHaveAttribute('data-attainment', '5000');
  await expect(rp.goal('applications')).toHaveAttribute('data-actual', '1');
  await rp.card.screenshot({ path: 'screenshots/plans-rep-progress-en.png' });
  // The monthly report shows the plan's progress beside the rep's parts.
  const sr = r.page.getByTestId('sales-report');
  await expect(sr.getByTestId('sr-plan').locator('[data-testid="goal"][data-measure="sales"]')).toHaveAttribute('data-actual', '1000000');

  // A1: the status report lists the application under review, not late.
  const as = new AppStatusCard(r.page);
  await expect(as.lines()).toHaveCount(1);
  await expect(as.lines().first()).toHaveAttribute('data-status', 'submitted');
  await expect(as.lines().first()).toHaveAttribute('data-late', 'false');
  await expect(as.lines().first()).toContainText('Kite Works');
  const [csv] = await Promise.all([r.page.waitForEvent('download'), as.card.getByTestId('as-csv').click()]);
  expect(csv.suggestedFilename()).toBe(`applications-${teamDate(0).slice(0, 7)}.csv`);
  await as.card.screenshot({ path: 'screenshots/app-status-rep-en.png' });

  // The training record: hours that do not read are refused; a training is added.
  const tr = new TrainingCard(r.page);
  await tr.add({ day: teamDate(0), title: 'Gold card product training', topic: 'Credit cards', hours: 'two', trainer: 'Ms Zhou' });
  await expect(tr.card.getByTestId('training-error')).toContainText('hours');
  await tr.card.getByTestId('training-hours').fill('1.5');
  await tr.card.getByTestId('training-add').click();
  await expect(tr.card.getByTestId('training-saved')).toBeVisible();
  await expect(tr.card.getByTestId('training-row')).toHaveCount(1);
  await expect(tr.card.getByTestId('training-hours-row')).toHaveAttribute('data-minutes', '90');
  await tr.card.screenshot({ path: 'screenshots/training-rep-en.png' });
  expect(await r.d.syncNow()).toBe('done');

  // The manager sees the team's training hours.
  expect(await m.d.syncNow()).toBe('done');
  await switchTo(m.d.shell, 'Manager Wang');
  await mp.open();
  const mt = new TrainingCard(m.page);
  await expect(mt.card.getByTestId('training-hours-row').filter({ hasText: 'Rep Li' })).toHaveAttribute('data-minutes', '90');
  // The team's plans in Chinese, on the tablet and on a desktop.
  await m.d.shell.setLang('zh-CN');
  await expect(mp.row('Rep Li')).toHaveAttribute('data-status', 'approved');
  await mp.card.screenshot({ path: 'screenshots/plans-manager-zh.png' });
  await m.page.setViewportSize({ width: 1440, height: 900 });
  await mp.card.screenshot({ path: 'screenshots/plans-manager-desktop-zh.png' });
});

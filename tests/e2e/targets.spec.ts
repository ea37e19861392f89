// Targets and results (T1–T3, V7) on two tablets: the manager sets the team's sales
// target for the month and splits it per head; the rep sees only their own row, and
// their result and attainment move when finance confirms their payment on the other
// tablet — not when the payment is recorded.
import { expect, test } from './fixtures';
import { clearHost } from './pages/sync';
import { device } from './pages/team';
import { addPerson, switchTo } from './pages/shell';
import { OrdersPage, teamDate } from './pages/orders';

test.beforeEach(() => clearHost());

test('a rep\'s month target and attainment move when finance confirms a payment on another tablet', async ({ browser }) => {
  test.setTimeout(240_000);
  const m = await device(browser, 'Manager');
  await m.page.setViewportSize({ width: 768, height: 1024 });
  await m.d.shell.open();
  await m.d.shell.setLang('en');
  await m.d.shell.createProfile('Manager Wang', 'manager');
  await m.d.createTeam();
  const link = await m.d.inviteLink();
  const r = await device(browser, 'Rep');
  await r.page.setViewportSize({ width: 768, height: 1024 });
  await r.page.goto(link);
  await r.d.shell.setLang('en');
  await r.d.shell.createProfile('Rep Li', 'rep');
  await r.d.join(link);
  await addPerson(r.d.shell, 'Rep Zhao', 'rep');
  await switchTo(r.d.shell, 'Rep Li');
  expect(await r.d.syncNow()).toBe('done');
  expect(await m.d.syncNow()).toBe('done');

  // The manager sets 80,000 for the team this month and splits it per head.
  await m.d.shell.nav('reports').click();
  const card = m.page.getByTestId('targets');
  await expect(card.getByTestId('target-period')).toHaveAttribute('data-code', teamDate(0).slice(0, 7));
  await card.getByTestId('target-input').fill('-5');
  await card.getByTestId('target-save').click();
  await expect(card.getByTestId('target-error')).toContainText('0 or more');
  await card.getByTestId('target-input').fill('80,000');
  await card.getByTestId('target-save').click();
  await expect(card.getByTestId('target-saved')).toBeVisible();
  await card.getByTestId('target-reason').fill('per head');
  await card.getByTestId('target-split').click();
  const row = (scopeName: string) => card.getByTestId('target-row').filter({ hasText: scopeName });
  await expect(row('Rep Li').getByTestId('target-amount')).toHaveText('¥40,000.00');
  await expect(row('Rep Zhao').getByTestId('target-amount')).toHaveText('¥40,000.00');
  // An adjustment needs its reason.
  await card.getByTestId('target-scope').selectOption({ label: 'Rep Zhao' });
  await card.getByTestId('target-reason').fill('');
  await card.getByTestId('target-input').fill('30,000');
  await card.getByTestId('target-save').click();
  await expect(card.getByTestId('target-error')).toContainText('Say why');
  await card.getByTestId('target-reason').fill('smaller region');
  await card.getByTestId('target-save').click();
  await expect(row('Rep Zhao').getByTestId('target-amount')).toHaveText('¥30,000.00');
  await card.getByTestId('target-history').locator('summary').click();
  await expect(card.getByTestId('target-change').first()).toContainText('smaller region');
  await card.screenshot({ path: 'screenshots/targets-manager-en.png' });
  await new OrdersPage(m.page).addProduct('Kite kit', 'box', '10,000');
  await m.c.create({ name: 'Kite Works', contact: 'Buyer', phone: '13900000001' });
  expect(await m.d.syncNow()).toBe('done');

  // The rep takes an order for one kit and records its payment of 10,000: recorded is
  // not yet a result.
  expect(await r.d.syncNow()).toBe('done');
  await r.c.open('Kite Works');
  const or = new OrdersPage(r.page);
  await or.startOrder();
  await or.setLine(0, 'Kite kit (box)', '1');
  await r.page.getByTestId('of-delivery').fill(teamDate(2));
  await r.page.getByTestId('of-submit').click();
  await expect(or.order()).toHaveAttribute('data-status', 'submitted');
  await or.recordPayment('10,000', teamDate(0));
  await r.d.shell.nav('reports').click();
  const mine = r.page.getByTestId('targets').getByTestId('target-row');
  await expect(mine).toHaveCount(1);
  await expect(mine).toHaveAttribute('data-scope', /.+/);
  await expect(mine.getByTestId('target-amount')).toHaveText('¥40,000.00');
  await expect(mine.getByTestId('target-actual')).toHaveText('¥0.00');
  await expect(r.page.getByTestId('target-form')).toHaveCount(0);
  expect(await r.d.syncNow()).toBe('done');

  // The manager approves the order and finance confirms the payment on the other tablet.
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

  expect(await r.d.syncNow()).toBe('done');
  await r.d.shell.nav('reports').click();
  await expect(mine.getByTestId('target-actual')).toHaveText('¥10,000.00');
  await expect(mine.getByTestId('target-attainment')).toHaveText('25.0 %');
  await r.page.getByTestId('targets').screenshot({ path: 'screenshots/targets-rep-en.png' });

  // A3: the month's sales report — the rep writes improvements and next steps.
  const sr = r.page.getByTestId('sales-report');
  await expect(sr.locator('[data-testid="sr-line"][data-measure="sales"]')).toHaveAttribute('data-actual', '1000000');
  await sr.getByTestId('sr-improvements').fill('Call before each visit');
  await sr.getByTestId('sr-next-steps').fill('Two kite demos a week');
  await sr.getByTestId('sr-save').click();
  await expect(sr.getByTestId('sr-saved')).toBeVisible();
  const [xlsx] = await Promise.all([r.page.waitForEvent('download'), sr.getByTestId('sr-xlsx').click()]);
  expect(xlsx.suggestedFilename()).toBe(`sales-report-${teamDate(0).slice(0, 7)}.xlsx`);
  await sr.screenshot({ path: 'screenshots/sales-report-rep-en.png' });
  expect(await r.d.syncNow()).toBe('done');

  // The manager reads it beside the figures, and cannot write it.
  expect(await m.d.syncNow()).toBe('done');
  await switchTo(m.d.shell, 'Manager Wang');
  await m.d.shell.nav('reports').click();
  const msr = m.page.getByTestId('sales-report');
  await msr.getByTestId('sr-who').selectOption({ label: 'Rep Li' });
  await expect(msr.getByTestId('sr-improvements')).toHaveValue('Call before each visit');
  await expect(msr.getByTestId('sr-next-steps')).toHaveValue('Two kite demos a week');
  await expect(msr.getByTestId('sr-save')).toHaveCount(0);
  await r.d.shell.setLang('zh-CN');
  await r.d.shell.nav('reports').click();
  await expect(mine.getByTestId('target-attainment')).toHaveText('25.0 %');
  await r.page.getByTestId('targets').screenshot({ path: 'screenshots/targets-rep-zh.png' });
  await r.page.getByTestId('sales-report').screenshot({ path: 'screenshots/sales-report-rep-zh.png' });
  await m.context.close();
  await r.context.close();
});

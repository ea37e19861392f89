// Targets and results (T1–T3, V7) on two tablets: the manager sets the team's sales
// target for the month and splits it per head; the rep sees only their own row, and
// their result and attainment move when finance confirms their payment on the other
// tablet — not when the payment is recorded.
import { expect, test } from './fixtures';
import { clearHost } from './pages/sync';
import { device } from './pages/team';
import { addPerson, Shell, switchTo } from './pages/shell';
import { OrdersPage, teamDate } from './pages/orders';
import { IncentivesPage } from './pages/incentives';
import * as fs from 'node:fs';

test.beforeEach(() => clearHost());

test('a rep\'s month target and attainment move when finance confirms a payment on another tablet', async ({ browser }) => {
  test.setTimeout(300_000);
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
  await new OrdersPage(m.page).addProduct('Kite kit', 'box', '10,000', 'Kites');
  await expect(m.page.getByTestId('product-row').filter({ hasText: 'Kite kit' }).getByTestId('product-line')).toHaveText('Kites');
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
  // T3: the kit's payment counts for the Kites line too.
  await r.page.getByTestId('targets').getByTestId('target-measure').selectOption({ label: 'Sales · Kites' });
  await expect(mine.getByTestId('target-actual')).toHaveText('¥10,000.00');
  await expect(mine.getByTestId('target-amount')).toHaveText('not set');
  await r.page.getByTestId('targets').getByTestId('target-measure').selectOption('sales');
  await expect(mine.getByTestId('target-amount')).toHaveText('¥40,000.00');

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
  // T3: a target for the Kites line, apart from all sales.
  const mt = m.page.getByTestId('targets');
  await mt.getByTestId('target-measure').selectOption({ label: 'Sales · Kites' });
  await mt.getByTestId('target-scope').selectOption({ label: 'Rep Li' });
  await mt.getByTestId('target-input').fill('20,000');
  await mt.getByTestId('target-save').click();
  const liKites = mt.getByTestId('target-row').filter({ hasText: 'Rep Li' });
  await expect(liKites.getByTestId('target-amount')).toHaveText('¥20,000.00');
  await expect(liKites.getByTestId('target-attainment')).toHaveText('50.0 %');
  await mt.screenshot({ path: 'screenshots/targets-line-en.png' });

  // Sales commission (O3): the manager copies the scheme for this year with tiers of 1 %
  // and, from 20,000 a month, 2 %; Li's confirmed 10,000 earns 100.00.
  const inc = new IncentivesPage(m.page);
  await inc.open();
  await m.page.getByTestId('scheme-valid-from').fill(`${teamDate(0).slice(0, 4)}-01-01`);
  await m.page.locator('[data-testid="scheme-row"][data-scheme="preset-rural-stations"]').getByTestId('scheme-copy').click();
  await expect(m.page.getByTestId('scheme-message')).toHaveText('Copied.');
  await m.page.locator('[data-testid="scheme-row"][data-frozen="false"]').getByTestId('scheme-edit').click();
  await m.page.getByTestId('scheme-name').fill('Sales tiers');
  const tiers = m.page.getByTestId('sales-tier');
  await expect(tiers).toHaveCount(1);
  await tiers.nth(0).getByTestId('tier-rate').fill('1');
  await m.page.getByTestId('tier-add').click();
  await tiers.nth(1).getByTestId('tier-from').fill('5000');
  await tiers.nth(1).getByTestId('tier-rate').fill('2');
  await m.page.getByTestId('tier-add').click();
  await tiers.nth(2).getByTestId('tier-from').fill('4000');
  await m.page.getByTestId('scheme-save').click();
  await expect(m.page.getByTestId('scheme-editor-message')).toHaveText('Tiers start at 0, each above the one before, rates at most 100%.');
  await tiers.nth(2).getByTestId('tier-from').fill('20000');
  await tiers.nth(2).getByTestId('tier-rate').fill('3');
  await m.page.getByTestId('tier-remove').click();
  await expect(tiers).toHaveCount(2);
  await tiers.nth(1).getByTestId('tier-from').fill('20000');
  await m.page.getByTestId('scheme-save').click();
  await expect(m.page.getByTestId('scheme-editor-message')).toHaveText('Saved.');
  await inc.month(teamDate(0).slice(0, 7));
  const paidReps = m.page.getByTestId('commission-statements').getByTestId('statement');
  await expect(paidReps).toHaveCount(1);
  await expect(paidReps).toContainText('Rep Li');
  await expect(paidReps).toHaveAttribute('data-total', '10000');
  await expect(paidReps.getByTestId('line-arithmetic')).toHaveText('10,000.00 × 1% = 100.00');
  const [commissionCsv] = await Promise.all([m.page.waitForEvent('download'), m.page.getByTestId('commission-export').click()]);
  const csvText = fs.readFileSync((await commissionCsv.path())!, 'utf8');
  expect(csvText).toContain('Sales rep,Rep Li,Total,,,,100.00');
  // H1: marked as leaving, Li's earned commission is held and the wizard says how much.
  await m.d.shell.nav('pool').click();
  await m.page.getByTestId('pool-tab-handover').click();
  await m.page.getByTestId('handover-from').selectOption({ label: 'Rep Li' });
  await m.page.getByTestId('handover-mark').click();
  await expect(m.page.getByTestId('handover-held-amount')).toHaveAttribute('data-fen', '10000');
  await expect(m.page.getByTestId('handover-held-amount')).toHaveText('Sales commission held: ¥100.00');
  expect(await m.d.syncNow()).toBe('done');

  // The rep sees their own commission, what the next tier takes, and the hold.
  expect(await r.d.syncNow()).toBe('done');
  const rinc = new IncentivesPage(r.page);
  await rinc.open();
  await rinc.month(teamDate(0).slice(0, 7));
  const own = r.page.getByTestId('commission-statements').getByTestId('statement');
  await expect(own).toHaveCount(1);
  await expect(own).toHaveAttribute('data-total', '10000');
  const tip = r.page.getByTestId('sales-tip');
  await expect(tip).toHaveAttribute('data-more', '1000000');
  await expect(tip).toHaveAttribute('data-gain', '30000');
  await expect(tip).toContainText('10,000.00 more in confirmed payments: 1% → 2% for the whole month, +300.00');
  await expect(r.page.getByTestId('commission-held')).toHaveAttribute('data-held', '10000');
  await r.page.getByTestId('commission').evaluate((e) => e.scrollIntoView({ block: 'start' }));
  await r.page.screenshot({ path: 'screenshots/commission-rep-en.png' });
  await r.d.shell.setLang('zh-CN');
  await r.d.shell.nav('reports').click();
  await expect(mine.getByTestId('target-attainment')).toHaveText('25.0 %');
  await r.page.getByTestId('targets').screenshot({ path: 'screenshots/targets-rep-zh.png' });
  await r.page.getByTestId('sales-report').screenshot({ path: 'screenshots/sales-report-rep-zh.png' });
  await rinc.open();
  await rinc.month(teamDate(0).slice(0, 7));
  await expect(r.page.getByTestId('sales-tip')).toContainText('再确认回款 10,000.00，本月提成比例由 1% 升到 2%，多得 300.00 元');
  await r.page.getByTestId('commission').evaluate((e) => e.scrollIntoView({ block: 'start' }));
  await r.page.screenshot({ path: 'screenshots/commission-rep-zh.png' });
  await m.context.close();
  await r.context.close();
});

test('the team\'s own count: the manager names it, a rep logs theirs, the board tracks it against its target', async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 768, height: 1024 });
  const app = new Shell(page);
  await app.open();
  await app.setLang('en');
  await app.createProfile('Manager Wang', 'manager');
  await app.nav('settings').click();
  const lists = page.getByTestId('team-lists');
  await lists.getByTestId('team-counts').fill('Demos given\nBrochures');
  await lists.getByTestId('team-lists-save').click();
  await expect(lists.getByTestId('team-lists-saved')).toBeVisible();
  await addPerson(app, 'Rep Li', 'rep');
  await switchTo(app, 'Rep Li');

  // Li logs his demos: 0 is refused with the reason, 3 counts, and a correction of −1.
  await app.nav('reports').click();
  const card = page.getByTestId('targets');
  await card.getByTestId('target-measure').selectOption({ label: 'Demos given' });
  const form = card.getByTestId('count-form');
  await form.getByTestId('count-input').fill('0');
  await form.getByTestId('count-save').click();
  await expect(form.getByTestId('count-error')).toHaveText('Enter a whole number other than 0 (a negative one corrects).');
  await expect(form.getByTestId('count-input')).toHaveValue('0');
  await form.getByTestId('count-input').fill('3');
  await form.getByTestId('count-note').fill('two schools and a library');
  await form.getByTestId('count-save').click();
  await expect(form.getByTestId('count-logged')).toBeVisible();
  await form.getByTestId('count-input').fill('-1');
  await form.getByTestId('count-save').click();
  const mine = card.getByTestId('target-row');
  await expect(mine).toHaveCount(1);
  await expect(mine.getByTestId('target-actual')).toHaveText('2');
  await expect(card.getByTestId('target-form')).toHaveCount(0);

  // The manager sets Li a target of 10 demos and sees him beside the team.
  await switchTo(app, 'Manager Wang');
  await app.nav('reports').click();
  await card.getByTestId('target-measure').selectOption({ label: 'Demos given' });
  await card.getByTestId('target-scope').selectOption({ label: 'Rep Li' });
  await card.getByTestId('target-input').fill('10');
  await card.getByTestId('target-save').click();
  const li = card.getByTestId('target-row').filter({ hasText: 'Rep Li' });
  await expect(li.getByTestId('target-amount')).toHaveText('10');
  await expect(li.getByTestId('target-attainment')).toHaveText('20.0 %');
  await expect(card.getByTestId('target-row').first().getByTestId('target-actual')).toHaveText('2');
  await card.screenshot({ path: 'screenshots/targets-count-en.png' });
});

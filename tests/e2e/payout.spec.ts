// The payout calendar (I7) as steps done by roles, on two tablets through the real host:
// the manager records the first steps; finance, on the other tablet, sees them after a
// sync and records "finance checks and pays"; a rep sees no Done button; the manager's
// last step offers each person's amount as an sms: text. A station entered by hand joins
// the month's statements. Screenshot of the payout card in zh-CN at 768×1024.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { expect, test } from './fixtures';
import { clearHost } from './pages/sync';
import { device } from './pages/team';
import { addPerson } from './pages/shell';
import { IncentivesPage } from './pages/incentives';

test.beforeEach(() => clearHost());

const FIXTURE = fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'incentive_month.csv'), 'utf8');
const BEFORE_PAY = ['DataAllocated', 'CountyCheck', 'StationsSign', 'Filed', 'CityReview'];

test('the manager and finance record the payout steps on two tablets and the amounts go out as texts', async ({ browser }) => {
  test.setTimeout(240_000);
  const m = await device(browser, 'Manager');
  await m.page.setViewportSize({ width: 768, height: 1024 });
  await m.d.shell.open();
  await m.d.shell.setLang('en');
  await m.d.shell.createProfile('Manager Wang', 'manager');
  await m.d.createTeam();
  const link = await m.d.inviteLink();

  // The month's figures from the file, and one more station entered by hand.
  const inc = new IncentivesPage(m.page);
  await inc.open();
  await inc.month('2024-03');
  await inc.choose('2024-03 stations.csv', FIXTURE);
  await expect(m.page.getByTestId('incentives-good')).toHaveText('4');
  await inc.store();
  await expect(inc.statement('BM001').getByTestId('statement-total')).toHaveText('89.50');
  const base = { station: 'BM102', station_name: '城区二站', area: 'urban', branch: '城区支局', branch_head: '钱敏', branch_plan: '1', maintainer: '李娜', mobile_tx: '3', electricity_tx: '30', pos_tx: '5' };
  await inc.enterStation({ ...base, mobile_amount: '1.234', withdrawals: '6217@40' });
  const form = m.page.getByTestId('station-form');
  await expect(form.getByTestId('sf-message')).toHaveText('Please correct the marked fields.');
  await expect(form.getByTestId('sf-error')).toHaveCount(2);
  await expect(form.getByTestId('sf-error').first()).toHaveText('not an amount (yuan, at most two decimals)');
  // Nothing typed is lost on a failed save.
  await expect(form.getByTestId('sf-station')).toHaveValue('BM102');
  await expect(form.getByTestId('sf-maintainer')).toHaveValue('李娜');
  await form.getByTestId('sf-error').first().scrollIntoViewIfNeeded();
  await m.page.screenshot({ path: 'screenshots/station-form-en.png' });
  await inc.enterStation({ mobile_amount: '100', withdrawals: '' });
  await expect(form.getByTestId('sf-message')).toHaveText('Saved and computed.');
  await expect(form.getByTestId('sf-error')).toHaveCount(0);
  // 1 % of 100.00 mobile bills + 0.30 × 30 urban electricity payments.
  await expect(inc.statement('BM102').getByTestId('statement-total')).toHaveText('10.00');
  await expect(inc.statement('BM001').getByTestId('statement-total')).toHaveText('89.50');
  await form.locator('summary').click();

  // The manager records the first five station steps, in order; paying is finance's.
  await expect(inc.step('Stations', 'DataAllocated').getByTestId('payout-due')).toHaveText('2024-04-03');
  await expect(inc.step('Stations', 'CountyCheck').getByTestId('payout-mark')).toHaveCount(0);
  for (const s of BEFORE_PAY) await inc.markDone('Stations', s);
  await expect(inc.step('Stations', 'DataAllocated').getByTestId('payout-done')).toContainText('Manager Wang');
  await expect(inc.step('Stations', 'FinancePays').getByTestId('payout-overdue')).toBeVisible();
  await expect(inc.step('Stations', 'FinancePays').getByTestId('payout-mark')).toHaveCount(0);
  await expect(inc.step('Branches', 'DataAllocated').getByTestId('payout-mark')).toHaveCount(1);
  expect(await m.d.syncNow()).toBe('done');

  // Finance on the other tablet sees them and records the payment.
  const f = await device(browser, 'Finance');
  await f.page.setViewportSize({ width: 768, height: 1024 });
  await f.page.goto(link);
  await f.d.shell.setLang('en');
  await f.d.shell.createProfile('Finance Qian', 'finance');
  await f.d.join(link);
  expect(await f.d.syncNow()).toBe('done');
  const finc = new IncentivesPage(f.page);
  await finc.open();
  await finc.month('2024-03');
  for (const s of BEFORE_PAY) await expect(finc.step('Stations', s)).toHaveAttribute('data-state', 'done');
  await expect(finc.step('Stations', 'CityReview').getByTestId('payout-done')).toContainText('Manager Wang');
  await expect(f.page.getByTestId('payout-mark')).toHaveCount(1);
  await finc.markDone('Stations', 'FinancePays');
  await expect(finc.step('Stations', 'FinancePays').getByTestId('payout-done')).toContainText('Finance Qian');
  await expect(finc.step('Stations', 'AmountsSent').getByTestId('send-amounts')).toHaveCount(0);
  expect(await f.d.syncNow()).toBe('done');

  // A rep on that tablet reads the calendar and has no button.
  await addPerson(f.d.shell, 'Rep Li', 'rep');
  await finc.open();
  await expect(finc.step('Stations', 'FinancePays')).toHaveAttribute('data-state', 'done');
  await expect(f.page.getByTestId('payout-mark')).toHaveCount(0);
  await expect(f.page.getByTestId('send-amounts')).toHaveCount(0);
  await expect(f.page.getByTestId('station-form')).toHaveCount(0);

  // The manager sends each station its amount, then records the step.
  expect(await m.d.syncNow()).toBe('done');
  await inc.open();
  await inc.month('2024-03');
  await expect(inc.step('Stations', 'FinancePays').getByTestId('payout-done')).toContainText('Finance Qian');
  const send = inc.step('Stations', 'AmountsSent').getByTestId('send-amounts');
  await send.locator('summary').click();
  const links = send.getByTestId('sms-amount');
  await expect(links).toHaveCount(5);
  const body = async (i: number) => decodeURIComponent(((await links.nth(i).getAttribute('href')) || '').replace(/^sms:\?body=/, ''));
  await expect(links.nth(0)).toHaveAttribute('href', /^sms:\?body=/);
  expect(await body(0)).toBe('BM001 张庄便民站: your incentives for 2024-03 total 89.50 yuan; see your statement.');
  const totals = await links.evaluateAll((ls) => ls.map((l) => l.getAttribute('data-total')));
  expect(totals).toEqual(['8950', expect.any(String), expect.any(String), '900', '1000']);
  // The branches' texts go to the maintainers and branch heads.
  const people = inc.step('Branches', 'AmountsSent').getByTestId('send-amounts');
  await people.locator('summary').click();
  await expect(people.getByTestId('sms-amount').filter({ hasText: '王磊' })).toHaveAttribute('data-total', '2885');
  await expect(people.getByTestId('sms-amount').filter({ hasText: '赵强' })).toHaveAttribute('data-total', '708');
  await people.locator('summary').click();
  await inc.markDone('Stations', 'AmountsSent');

  // The card in Chinese, on the tablet's screen.
  await m.d.shell.setLang('zh-CN');
  await expect(inc.step('Stations', 'AmountsSent').getByTestId('payout-done')).toContainText('已完成');
  await m.page.getByTestId('incentives-calendar').evaluate((e) => e.scrollIntoView({ block: 'start' }));
  await m.page.evaluate(() => window.scrollBy(0, -70));
  // The list stays open while the steps are drawn again.
  await expect(send).toHaveAttribute('open', '');
  await expect(send.getByTestId('sms-amount').first()).toContainText('张庄便民站');
  await m.page.screenshot({ path: 'screenshots/payout-zh.png' });
  expect(decodeURIComponent((await links.nth(0).getAttribute('href')) || '')).toContain('2024-03 激励合计 89.50 元');
});

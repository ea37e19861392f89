// Market feedback, competitor files and repair jobs (seeds 000/002/003) on two tablets:
// the rep reports a customer's need to a department and opens a repair job whose
// promised date has passed (dates set in the past, no clock moved); after sync the
// manager answers the feedback on the other tablet, the rep closes it; competitor
// sightings are grouped and exported as CSV with formulas escaped.
import * as fs from 'node:fs';
import { expect, test } from './fixtures';
import { clearHost } from './pages/sync';
import { device } from './pages/team';
import { teamDate } from './pages/orders';
import { Aftersales } from './pages/aftersales';

test.beforeEach(() => clearHost());

test('a rep reports feedback and a late repair, the manager answers on another tablet, competitors export', async ({ browser }) => {
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
  await r.c.create({ name: 'Harbour Hotel', contact: 'Ms Lin', phone: '13900000002', region: 'East' });

  // On the customer's service tab: a report without a department is refused, nothing typed lost.
  const ra = new Aftersales(r.page);
  await r.c.open('Harbour Hotel', 'service');
  await ra.reportFeedback('', 'Conference packages', 'Wants a half-day package with lunch');
  await expect(ra.card('feedback').getByTestId('fb-error')).toContainText('department');
  await expect(ra.card('feedback').getByTestId('fb-topic')).toHaveValue('Conference packages');
  await ra.card('feedback').getByTestId('fb-dept').selectOption('marketing');
  await ra.card('feedback').getByTestId('fb-save').click();
  await expect(ra.feedbackItems()).toHaveCount(1);
  await expect(ra.feedbackItems().first()).toHaveAttribute('data-status', 'open');
  await expect(ra.feedbackItems().first()).toContainText('East');
  await expect(ra.card('feedback').getByTestId('fb-answer-box')).toHaveCount(0); // a rep does not answer

  // A repair promised three days ago and not done is overdue; a promise before the report is refused.
  await ra.openJob({ equipment: 'Coffee machine', problem: 'Leaks', reported: teamDate(-6), promised: teamDate(-7) });
  await expect(ra.card('repairs').getByTestId('rj-error')).toContainText('before the reported date');
  await ra.card('repairs').getByTestId('rj-promised').fill(teamDate(-3));
  await ra.card('repairs').getByTestId('rj-assigned').fill('Engineer Sun');
  await ra.card('repairs').getByTestId('rj-save').click();
  await expect(ra.jobs()).toHaveCount(1);
  await expect(ra.jobs().first()).toHaveAttribute('data-overdue', 'true');
  await expect(ra.jobs().first().getByTestId('rj-overdue')).toContainText('Overdue by');
  await ra.openJob({ equipment: 'Projector', problem: 'Yearly service', reported: teamDate(0), promised: teamDate(5), cost: '300' });
  await expect(ra.jobs()).toHaveCount(2);
  await expect(ra.jobs().first()).toContainText('Coffee machine'); // overdue first
  await expect(ra.jobs().nth(1)).toHaveAttribute('data-overdue', 'false');
  await expect(ra.jobs().nth(1)).toContainText('¥300.00');

  // A competitor product seen at the customer.
  await ra.recordSighting({ competitor: 'Grand Suites', product: 'Day delegate rate', price: '380', strengths: 'Free parking', weaknesses: 'Far from metro', source: 'Ms Lin' });
  await expect(ra.card('competitors').getByTestId('cs-row')).toHaveCount(1);
  await r.page.getByTestId('repairs').evaluate((e) => { e.scrollIntoView({ block: 'start' }); window.scrollBy(0, -130); });
  await r.page.screenshot({ path: 'screenshots/aftersales-customer-en.png' });
  expect(await r.d.syncNow()).toBe('done');

  // The manager, after sync: the team list, oldest open first, filtered; answers.
  expect(await m.d.syncNow()).toBe('done');
  const ma = new Aftersales(m.page);
  await ma.openTeam('feedback');
  await expect(ma.feedbackItems()).toHaveCount(1);
  await m.page.getByTestId('fb-filter-status').selectOption('closed');
  await expect(ma.feedbackItems()).toHaveCount(0);
  await m.page.getByTestId('fb-filter-status').selectOption('open');
  await m.page.getByTestId('fb-filter-dept').selectOption('marketing');
  await m.page.getByTestId('fb-filter-region').fill('east');
  const item = ma.feedbackItems().first();
  await expect(item).toContainText('Harbour Hotel');
  await item.getByTestId('fb-answer-box').locator('summary').click();
  await item.getByTestId('fb-answer-save').click();
  await expect(item.getByTestId('fb-item-error')).toContainText('who followed up');
  await item.getByTestId('fb-who').fill('Ms Zhou, marketing');
  await item.getByTestId('fb-answer').fill('Half-day package in the spring brochure');
  await item.getByTestId('fb-answer-save').click();
  await m.page.getByTestId('fb-filter-status').selectOption('');
  await expect(ma.feedbackItems().first()).toHaveAttribute('data-status', 'answered');
  await m.page.screenshot({ path: 'screenshots/aftersales-feedback-manager-en.png' });

  // The team's repairs, overdue first.
  await ma.openTeam('repairs');
  await expect(ma.jobs()).toHaveCount(2);
  await expect(ma.jobs().first()).toHaveAttribute('data-overdue', 'true');
  await m.page.getByTestId('rj-overdue-only').check();
  await expect(ma.jobs()).toHaveCount(1);
  await m.page.screenshot({ path: 'screenshots/aftersales-repairs-en.png' });

  // Competitors: one more in another region, with a cell that would be a formula.
  await ma.openTeam('competitors');
  await ma.recordSighting({ competitor: 'grand suites ', product: 'Meeting room', price: '1,200', region: 'West', strengths: '=1+1', source: 'Trade fair' });
  await expect(ma.card('competitors').getByTestId('cs-group-name')).toHaveText([/^grand suites \(2\)$/i]); // one group whatever the case
  await m.page.getByTestId('cs-group').selectOption('region');
  await expect(ma.card('competitors').getByTestId('cs-group-name')).toHaveText(['East (1)', 'West (1)']);
  const [download] = await Promise.all([m.page.waitForEvent('download'), m.page.getByTestId('cs-export').click()]);
  const csv = fs.readFileSync((await download.path())!, 'utf8');
  expect(csv).toContain("'=1+1");
  expect(csv).toContain('Harbour Hotel');
  expect(csv).toContain('"1,200.00"');
  await m.page.screenshot({ path: 'screenshots/aftersales-competitors-en.png' });
  // A sighting is corrected in place: a bad price is refused and kept, a good one saved.
  const west = ma.card('competitors').getByTestId('cs-row').filter({ hasText: 'Meeting room' });
  await west.getByTestId('cs-edit').click();
  await expect(m.page.getByTestId('cs-price')).toHaveValue('1200.00');
  await m.page.getByTestId('cs-price').fill('about 1000');
  await m.page.getByTestId('cs-save').click();
  await expect(m.page.getByTestId('cs-error')).toContainText('valid amount');
  await expect(m.page.getByTestId('cs-competitor')).toHaveValue('grand suites');
  await m.page.getByTestId('cs-price').fill('990');
  await m.page.getByTestId('cs-save').click();
  await expect(ma.card('competitors').getByTestId('cs-row')).toHaveCount(2);
  await expect(west).toContainText('¥990.00');
  expect(await m.d.syncNow()).toBe('done');

  // The rep sees the answer, closes the report, and marks the repair done: no longer overdue.
  expect(await r.d.syncNow()).toBe('done');
  await r.c.open('Harbour Hotel', 'service');
  const mine = ra.feedbackItems().first();
  await expect(mine).toHaveAttribute('data-status', 'answered');
  await expect(mine.getByTestId('fb-follow-up')).toContainText('Ms Zhou, marketing');
  await mine.getByTestId('fb-close-note').fill('Told Ms Lin');
  await mine.getByTestId('fb-close').click();
  await expect(ra.feedbackItems().first()).toHaveAttribute('data-status', 'closed');
  await ra.jobs().first().getByTestId('rj-step-done').click();
  await expect(ra.jobs().filter({ hasText: 'Coffee machine' })).toHaveAttribute('data-overdue', 'false');
  await expect(ra.card('competitors').getByTestId('cs-row')).toHaveCount(1); // only this customer's

  await r.d.shell.setLang('zh-CN');
  await r.page.getByTestId('repairs').evaluate((e) => { e.scrollIntoView({ block: 'start' }); window.scrollBy(0, -130); });
  await r.page.screenshot({ path: 'screenshots/aftersales-customer-zh-CN.png' });
  await m.context.close();
  await r.context.close();
});

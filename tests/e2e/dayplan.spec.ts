// Day plans end to end (V8, V2): a rep files a plan with a morning call and two
// afternoon visits in two regions; the manager approves it on another tablet; on the day,
// Today opens with the plan — the call in the morning, the visits grouped by region —
// and logging a visit from its row ticks it off; the manager reads the rep's day. A
// visit to a customer no approved plan names is flagged before it is saved and marked
// "unplanned" in the log. Screenshots at 768×1024; axe on the filled day plan.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from './fixtures';
import { ActivitiesPage } from './pages/activities';
import { CustomersPage } from './pages/customers';
import { clearHost } from './pages/sync';
import { device } from './pages/team';

/** Wednesday 2026-03-04, 09:00 team time. */
const WED = '2026-03-04T09:00:00+08:00';

async function setTime(page: Page, iso: string) {
  await page.clock.setSystemTime(new Date(iso));
  await page.reload();
}

/** The tablets keep their injected clocks: the host sends no `Date` (see activities.spec.ts). */
async function withoutHostClock(page: Page) {
  await page.context().route('**/sync/**', async (route) => {
    const answer = await route.fetch();
    const headers = { ...answer.headers() };
    delete headers['date'];
    await route.fulfill({ response: answer, headers });
  });
}

async function axe(page: Page, where: string): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations.flatMap((v) => v.nodes.map((n) => `[${where}] ${v.id} (${v.impact}): ${n.target.join(' ')}`));
}

test.beforeEach(() => clearHost());

test('a planned day opens Today in order, by region, and ticks off what is logged; an unplanned visit is flagged', async ({ browser }) => {
  test.setTimeout(180_000);
  const a = await device(browser, 'Rep Li');
  await a.page.clock.install({ time: new Date(WED) });
  await withoutHostClock(a.page);
  await a.d.shell.open();
  await a.d.shell.setLang('en');
  await a.d.shell.createProfile('Rep Li', 'rep');
  await a.d.createTeam();
  const link = await a.d.inviteLink();
  const b = await device(browser, 'Manager Wang');
  await b.page.clock.install({ time: new Date(WED) });
  await withoutHostClock(b.page);
  await b.page.goto(link);
  await b.d.shell.setLang('en');
  await b.d.shell.createProfile('Manager Wang', 'manager');
  await b.d.join(link);

  const rep = new ActivitiesPage(a.page);
  const mgr = new ActivitiesPage(b.page);
  const customers = new CustomersPage(a.page);
  await customers.create({ name: 'Kite Works', contact: 'Zhao Min', phone: '13900000001', region: 'Pudong' });
  await customers.create({ name: 'River Bikes', contact: 'Qian Li', phone: '13900000002', region: 'Minhang' });
  await customers.create({ name: 'Lake Foods', contact: 'Sun Yu', phone: '13900000003', region: 'Pudong' });
  await customers.create({ name: 'Stone Tools', contact: 'Wu Fei', phone: '13900000004', region: 'Minhang' });

  // V8: Thursday's plan: Lake Foods is phoned in the morning, the others visited after
  // lunch. A visit put in the morning is allowed, with a hint; moved back, the hint goes.
  await rep.openPlans();
  await a.page.getByTestId('plan-day').fill('2026-03-05');
  await a.page.getByTestId('plan-goals').fill('Book Lake Foods; demo at Kite Works and River Bikes');
  for (const c of ['Kite Works', 'River Bikes', 'Lake Foods']) {
    await a.page.getByTestId('plan-customer').filter({ hasText: c }).locator('input').check();
  }
  await expect(a.page.getByTestId('plan-slot')).toHaveCount(3);
  await expect(rep.slot('Kite Works')).toHaveAttribute('data-kind', 'visit'); // the default
  await expect(rep.slot('Kite Works')).toHaveAttribute('data-slot', 'afternoon');
  await rep.setSlot('Kite Works', 'visit', 'morning');
  await expect(rep.slot('Kite Works').getByTestId('plan-slot-hint')).toContainText('visits are best in the afternoon');
  await rep.setSlot('Kite Works', 'visit', 'afternoon');
  await expect(rep.slot('Kite Works').getByTestId('plan-slot-hint')).toHaveCount(0);
  await rep.setSlot('Lake Foods', 'call', 'morning');
  await expect(rep.slot('Lake Foods').getByTestId('plan-slot-hint')).toHaveCount(0);
  // A time decides the half of the day.
  await rep.slot('River Bikes').getByTestId('plan-slot-time').fill('14:30');
  await expect(rep.slot('River Bikes')).toHaveAttribute('data-slot', 'afternoon');
  await a.page.getByTestId('plan-slots').screenshot({ path: 'screenshots/dayplan-slots-en.png' });
  await a.page.getByTestId('plan-file').click();
  await expect(a.page.getByTestId('plan-filed')).toBeVisible();
  expect(await a.d.syncNow()).toBe('done');

  // V2: the manager approves it (the existing flow).
  expect(await b.d.syncNow()).toBe('done');
  await mgr.openPlans();
  await mgr.plan('Book Lake Foods').getByTestId('plan-approve').click();
  await expect(mgr.plan('Book Lake Foods')).toHaveAttribute('data-status', 'approved');
  expect(await b.d.syncNow()).toBe('done');
  expect(await a.d.syncNow()).toBe('done');

  // Thursday morning: Today opens with the day plan on top.
  await setTime(a.page, '2026-03-05T09:00:00+08:00');
  await rep.openToday();
  const plan = a.page.getByTestId('day-plan');
  await expect(plan).toBeVisible();
  await expect(plan.getByTestId('day-morning').getByTestId('day-item')).toHaveCount(1);
  await expect(rep.dayItem('Lake Foods')).toHaveAttribute('data-kind', 'call');
  await expect(rep.dayItem('Lake Foods').getByTestId('day-log')).toHaveText('Log the call');
  const regions = plan.getByTestId('visit-region');
  await expect(regions).toHaveCount(2);
  await expect(regions.nth(0)).toHaveAttribute('data-region', 'Minhang');
  await expect(regions.nth(1)).toHaveAttribute('data-region', 'Pudong');
  await expect(regions.nth(0).getByTestId('day-item')).toHaveText([/14:30 River Bikes/]);
  await expect(regions.nth(1).getByTestId('day-item')).toHaveText([/Kite Works/]);
  await expect(plan.getByTestId('day-progress')).toHaveText('0 / 3 done');
  // The day plan comes before everything else on the page.
  const top = await plan.boundingBox();
  const quotas = await a.page.getByTestId('today-quotas').boundingBox();
  expect(top!.y).toBeLessThan(quotas!.y);
  await a.page.screenshot({ path: 'screenshots/dayplan-today-en.png' });

  // Afternoon: the Kite Works visit is logged from its row; the sheet opens on a visit,
  // with no unplanned warning (the plan is approved); the row is ticked off.
  await setTime(a.page, '2026-03-05T15:00:00+08:00');
  await rep.openToday();
  await rep.dayItem('Kite Works').getByTestId('day-log').click();
  await expect(rep.sheet()).toBeVisible();
  await expect(a.page.getByTestId('act-kind-visit')).toHaveAttribute('aria-pressed', 'true');
  await expect(a.page.getByTestId('act-unplanned')).toHaveCount(0);
  await rep.log({ kind: 'visit', stage: 'ProductIntroduction', person: 'Zhao Min', needs: 'A cold-proof scanner' });
  await expect(a.page.getByTestId('act-saved')).toBeVisible();
  await expect(rep.sheet()).toBeHidden();
  await expect(rep.dayItem('Kite Works')).toHaveAttribute('data-done', 'true');
  await expect(rep.dayItem('Kite Works').getByTestId('day-done')).toBeVisible();
  await expect(rep.dayItem('Kite Works').getByTestId('day-log')).toHaveCount(0);
  await expect(rep.dayItem('River Bikes')).toHaveAttribute('data-done', 'false');
  await expect(plan.getByTestId('day-progress')).toHaveText('1 / 3 done');
  await a.page.screenshot({ path: 'screenshots/dayplan-ticked-en.png' });
  await a.page.setViewportSize({ width: 1440, height: 900 });
  await a.page.screenshot({ path: 'screenshots/dayplan-today-desktop-en.png' });
  await a.page.setViewportSize({ width: 768, height: 1024 });
  const found = await axe(a.page, 'day plan en');
  await a.d.shell.setLang('zh-CN');
  await expect(plan).toContainText('上午');
  await expect(rep.dayItem('Lake Foods').getByTestId('day-log')).toHaveText('记录电话');
  await a.page.screenshot({ path: 'screenshots/dayplan-today-zh-CN.png' });
  found.push(...(await axe(a.page, 'day plan zh-CN')));
  await a.d.shell.setLang('en');

  // The manager reads the rep's day, read-only, after sync.
  expect(await a.d.syncNow()).toBe('done');
  await setTime(b.page, '2026-03-05T15:05:00+08:00');
  expect(await b.d.syncNow()).toBe('done');
  await mgr.openToday();
  await expect(b.page.getByTestId('day-read-only')).toBeVisible();
  await b.page.getByTestId('day-pick').fill('2026-03-05');
  await expect(mgr.dayItem('Kite Works')).toHaveAttribute('data-done', 'true');
  await expect(mgr.dayItem('River Bikes').getByTestId('day-todo')).toBeVisible();
  await expect(b.page.getByTestId('day-log')).toHaveCount(0);
  // Another day: nothing planned.
  await b.page.getByTestId('day-pick').fill('2026-03-06');
  await expect(b.page.getByTestId('day-empty')).toBeVisible();
  await b.page.getByTestId('day-pick').fill('2026-03-05');
  await expect(mgr.dayItem('River Bikes')).toBeVisible();
  await b.page.screenshot({ path: 'screenshots/dayplan-manager-en.png' });
  found.push(...(await axe(b.page, 'manager day plan en')));
  expect(found, found.join('\n')).toEqual([]);

  // V2: Stone Tools is on no plan: the form warns before saving, the visit is recorded
  // all the same and marked unplanned in the log.
  await customers.open('Stone Tools');
  await rep.openSheet();
  await a.page.getByTestId('act-kind-visit').click();
  await expect(a.page.getByTestId('act-unplanned')).toHaveAttribute('data-cover', 'none');
  await expect(a.page.getByTestId('act-unplanned')).toContainText('No approved visit plan names this customer');
  await a.page.screenshot({ path: 'screenshots/dayplan-unplanned-warning-en.png' });
  await rep.log({ kind: 'visit', stage: 'Opening', person: 'Wu Fei' });
  await expect(a.page.getByTestId('act-saved')).toBeVisible();
  await expect(a.page.getByTestId('activity-row')).toHaveCount(1);
  await expect(a.page.getByTestId('activity-unplanned')).toHaveText('unplanned');
  // The planned visit is not marked.
  await customers.open('Kite Works', 'activities');
  await expect(a.page.getByTestId('activity-row')).toHaveCount(1);
  await expect(a.page.getByTestId('activity-unplanned')).toHaveCount(0);
});

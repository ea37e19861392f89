// The manager's tools end to end on one shared tablet (several people, one device):
// review queue (C6), balanced lead distribution (P7), reassigning after a silent week
// (P8), a leaving rep's handover with commission held until done (H1, H2), and a
// customer that returns to the pool after two months without a deal (P1, P9).
import { expect, test } from './fixtures';
import { CustomersPage } from './pages/customers';
import { addPerson, switchTo } from './pages/shell';

const DAY = 24 * 3600 * 1000;

test('a manager reviews, distributes, reassigns and hands over; the clock moves the rules', async ({ page }) => {
  await page.clock.install({ time: new Date('2026-03-02T09:00:00+08:00') });
  const c = new CustomersPage(page);
  await c.shell.open();
  await c.shell.setLang('en');
  await c.shell.createProfile('Rep Li', 'rep');
  await addPerson(c.shell, 'Rep Zhao', 'rep');
  await addPerson(c.shell, 'Manager Wang', 'manager');

  // Three customers entered by the manager: ownerless, so in the pool (P5).
  for (const name of ['Kite Works', 'Plaza Snacks', 'River Bikes']) {
    await c.create({ name, contact: 'Buyer', phone: `1390000${String(name.length).padStart(4, '0')}` });
  }
  await page.getByTestId('nav-pool').click();
  await expect(page.getByTestId('pool-row')).toHaveCount(3);

  // C6: all three wait for review; one is reviewed.
  await page.getByTestId('pool-tab-review').click();
  await expect(page.getByTestId('review-row')).toHaveCount(3);
  await page.getByTestId('review-row').filter({ hasText: 'River Bikes' }).getByTestId('review-ok').click();
  await expect(page.getByTestId('review-row')).toHaveCount(2);

  // P7: distribute the pool; Rep Zhao has room for one only.
  await page.getByTestId('pool-tab-distribute').click();
  await page.getByTestId('dist-all').click();
  await expect(page.getByTestId('dist-picked')).toHaveText('3 / 3');
  const caps = page.getByTestId('dist-capacity');
  await expect(caps).toHaveCount(2);
  await page.locator('label', { hasText: 'Rep Zhao' }).getByTestId('dist-capacity').fill('1');
  await page.getByTestId('dist-propose').click();
  await expect(page.getByTestId('dist-line')).toHaveCount(3);
  await page.screenshot({ path: 'screenshots/pool-distribute-en.png', fullPage: true });
  await page.getByTestId('dist-apply').click();
  await expect(page.getByTestId('dist-done')).toContainText('3 lead(s) assigned');
  await page.getByTestId('pool-tab-pool').click();
  await expect(page.getByTestId('pool-empty')).toBeVisible();
  await c.openList();
  await c.showFilters();
  await page.getByTestId('filter-owner').selectOption({ label: 'Rep Zhao' });
  await expect(c.rows()).toHaveCount(1);
  await page.getByTestId('filter-owner').selectOption({ label: 'Rep Li' });
  await expect(c.rows()).toHaveCount(2);
  await c.clearFilters();

  // P8: eight days later nobody has called; one contact clears its customer.
  await page.clock.setSystemTime(new Date(Date.parse('2026-03-02T09:00:00+08:00') + 8 * DAY));
  await page.reload();
  await page.getByTestId('nav-pool').click();
  await page.getByTestId('pool-tab-reassign').click();
  await expect(page.getByTestId('reassign-row')).toHaveCount(3);
  await switchTo(c.shell, 'Rep Li');
  await c.openList();
  await c.showFilters();
  await page.getByTestId('filter-owner').selectOption({ label: 'Mine' });
  await expect(c.rows()).toHaveCount(2);
  await c.rows().first().click();
  await page.getByTestId('log-contact').click();
  await c.openList();
  await c.clearFilters();
  await switchTo(c.shell, 'Manager Wang');
  await page.getByTestId('nav-pool').click();
  await page.getByTestId('pool-tab-reassign').click();
  await expect(page.getByTestId('reassign-row')).toHaveCount(2);

  // H1/H2: Rep Li leaves; commission is held until every customer is handed over.
  await page.getByTestId('pool-tab-handover').click();
  await page.getByTestId('handover-from').selectOption({ label: 'Rep Li' });
  await page.getByTestId('handover-mark').click();
  await expect(page.getByTestId('handover-status')).toHaveAttribute('data-held', 'true');
  await expect(page.getByTestId('handover-status')).toHaveAttribute('data-remaining', '2');
  await page.getByTestId('handover-propose').click();
  await expect(page.getByTestId('handover-line')).toHaveCount(2);
  await page.getByTestId('handover-note').first().fill('Quote sent, waiting for PO');
  const handed = (await page.getByTestId('handover-line').locator('td:first-child').allInnerTexts()).map((s) => s.trim());
  expect(handed).toHaveLength(2);
  await page.screenshot({ path: 'screenshots/handover-en.png', fullPage: true });
  await page.getByTestId('handover-apply').click();
  await expect(page.getByTestId('handover-status')).toHaveAttribute('data-held', 'false');
  await expect(page.getByTestId('handover-status')).toContainText('Handover complete');
  await c.openList();
  await c.open(handed[0]);
  await expect(c.owner()).toHaveText('Rep Zhao');
  await expect(page.getByTestId('owner-reason')).toHaveText('handover');
  await page.getByTestId('ownership-history').click();
  await expect(page.getByTestId('history-item').first()).toContainText('Quote sent, waiting for PO');

  // P1: two months on without a deal, the customers return to the pool and their last
  // owner is asked for a release note (P9).
  await page.clock.setSystemTime(new Date(Date.parse('2026-03-02T09:00:00+08:00') + 70 * DAY));
  await page.reload();
  await page.getByTestId('nav-pool').click();
  await page.getByTestId('pool-tab-pool').click();
  await expect(page.getByTestId('pool-row')).toHaveCount(3);
  await switchTo(c.shell, 'Rep Zhao');
  await page.getByTestId('nav-pool').click();
  await expect(page.getByTestId('notice-release-note')).toHaveCount(3);
  await page.getByTestId('notice-release-note').first().getByRole('link').click();
  await page.getByTestId('release-status').fill('Met twice; budget frozen');
  await page.getByTestId('release-progress').fill('Price agreed, no order');
  // P9 asks for all three parts: without current contacts the form says so and stays.
  await page.getByTestId('release-save').click();
  await expect(page.getByTestId('release-contacts-error')).toBeVisible();
  await expect(page.getByTestId('release-form')).toHaveCount(1);
  await page.getByTestId('release-contacts').fill('Mr Wu, plant manager');
  await page.getByTestId('release-save').click();
  await expect(page.getByTestId('release-form')).toHaveCount(0);
  await page.getByTestId('nav-pool').click();
  await expect(page.getByTestId('notice-release-note')).toHaveCount(2);
});

test('a team that reads P1 as three months sees every countdown follow; a bad number is refused', async ({ page }) => {
  await page.clock.install({ time: new Date('2026-03-02T09:00:00+08:00') });
  const c = new CustomersPage(page);
  await c.shell.open();
  await c.shell.setLang('en');
  await c.shell.createProfile('Rep Li', 'rep');
  await c.create({ name: 'Kite Works', contact: 'Buyer', phone: '13900000001' });
  await expect(page.getByTestId('returns-at')).toContainText('Returns to the pool on 2 May 2026');
  await expect(page.getByTestId('rule-0')).toHaveCount(0); // not on this page
  await page.getByTestId('nav-settings').click();
  await expect(page.getByTestId('rule-0')).toBeDisabled(); // a rep sees the rules, cannot change them
  await addPerson(c.shell, 'Manager Wang', 'manager');
  await page.getByTestId('nav-settings').click();
  await page.getByTestId('rule-4').fill('10,000'); // VIP below A: refused
  await page.getByTestId('rules-save').click();
  await expect(page.getByTestId('rules-error')).toContainText('B < A < VIP');
  await page.getByTestId('rule-4').fill('100,000');
  await page.getByTestId('rule-0').fill('3');
  await page.getByTestId('rules-save').click();
  await expect(page.getByTestId('rules-saved')).toBeVisible();
  await c.open('Kite Works');
  await expect(page.getByTestId('returns-at')).toContainText('Returns to the pool on 2 Jun 2026');
});

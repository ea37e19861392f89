// Key-account activities end to end (K2, feeding K3): a rep records a seminar and a
// launch that was part of a team event on the customer's key-account section; bad input
// is refused with its reason and stores nothing; the customer is then shown as a key
// account, and the service evaluation counts the activities recorded by its day.
import { expect, test } from './fixtures';
import { CustomersPage } from './pages/customers';
import { EventsPage } from './pages/events';
import { KeyAccountsPage } from './pages/key_accounts';
import { shot, teamDate } from './pages/orders';
import { addPerson, switchTo } from './pages/shell';

const DAY = 86_400_000;

test('a rep records key-account activities, sees them listed and counted, and the customer becomes a key account (K2, K3)', async ({ page }) => {
  const c = new CustomersPage(page);
  const events = new EventsPage(page);
  const ka = new KeyAccountsPage(page);
  await c.shell.open();
  await c.shell.setLang('en');
  await c.shell.createProfile('Manager Wang', 'manager');
  const starts = Date.now() - 2 * DAY;
  await events.create({ theme: 'Spring sensor launch', starts, ends: starts + 3 * 3600_000, venue: 'Head office' });
  await addPerson(c.shell, 'Rep Li', 'rep');
  await c.create({ name: 'Harbour Foods', contact: 'Buyer', phone: '13900000002' });
  await expect(page.getByTestId('customer-key-account')).toHaveCount(0);
  await c.section('key-account');
  await expect(page.getByTestId('ka-no-activities')).toBeVisible();

  // Bad input: nobody named, then a day still ahead. Nothing is stored.
  await ka.fillActivity({ kind: 'Technical seminar', on: teamDate(-1), who: ' ' });
  await page.getByTestId('kaa-save').click();
  await expect(page.getByTestId('kaa-error')).toHaveText('Say who took part.');
  await ka.fillActivity({ kind: 'Technical seminar', on: teamDate(3), who: 'Ms Chen' });
  await page.getByTestId('kaa-save').click();
  await expect(page.getByTestId('kaa-error')).toContainText('recorded once it has happened');
  await expect(ka.activities()).toHaveCount(0);

  // A seminar (what was typed is shown as text, markup and all), then a launch at the event.
  await ka.record({ kind: 'Technical seminar', on: teamDate(-3), who: '<b>Ms Chen</b> (CTO), two engineers', notes: 'Asked for the API roadmap' });
  await expect(page.getByTestId('kaa-error')).toHaveCount(0);
  await expect(ka.activities().first().getByTestId('ka-activity-who')).toHaveText('<b>Ms Chen</b> (CTO), two engineers');
  await expect(page.getByTestId('customer-key-account')).toHaveText('Key account');
  await ka.record({ kind: 'Launch', on: teamDate(-2), who: 'Mr Wu (purchasing)', event: 'Spring sensor launch' });
  await expect(ka.activities().first()).toHaveAttribute('data-kind', 'launch'); // the latest day first
  await expect(ka.activities().first().getByTestId('ka-activity-event')).toHaveText('Spring sensor launch');
  await expect(ka.activities().first()).toContainText('Rep Li');
  await expect(ka.activities().nth(1)).toHaveAttribute('data-kind', 'technical_seminar');
  await expect(ka.activities().nth(1).getByTestId('ka-activity-notes')).toHaveText('Asked for the API roadmap');

  // K3: the evaluation section counts them; the form counts the chosen kind by its day.
  await expect(page.getByTestId('ka-activity-counts')).toContainText('Technical seminar 1 · Launch 1');
  await page.getByTestId('ka-new-evaluation').click();
  await page.getByTestId('ke-activity').selectOption({ label: 'Launch' });
  await page.getByTestId('ke-date').fill(teamDate(-3));
  await expect(page.getByTestId('ke-form-activity-count')).toContainText(': 0');
  await page.getByTestId('ke-date').fill(teamDate(-2));
  await expect(page.getByTestId('ke-form-activity-count')).toContainText(': 1');
  await page.getByTestId('ke-text').fill('Buyers keen on the new sensors');
  await page.getByTestId('ke-save').click();
  await expect(page.getByTestId('ka-evaluation')).toHaveCount(1);
  await expect(page.getByTestId('ke-activity-count')).toContainText(': 1');

  // Stored: a reload shows the same, in Chinese too.
  await page.reload();
  await expect(ka.activities()).toHaveCount(2);
  await c.shell.setLang('zh-CN');
  await expect(page.getByTestId('customer-key-account')).toHaveText('大客户');
  await expect(ka.activities().nth(1)).toContainText('技术交流会');
  await shot(page, 'ka-activities', 'key-account-activities-zh-CN.png');
  await c.shell.setLang('en');
  await shot(page, 'ka-activities', 'key-account-activities-en.png');
});

test('a manager keeps a key account\'s service team and terms; a rep reads them and may not edit (K2, seed 004)', async ({ page }) => {
  const c = new CustomersPage(page);
  await c.shell.open();
  await c.shell.setLang('en');
  await c.shell.createProfile('Manager Wang', 'manager');
  await addPerson(c.shell, 'Rep Li', 'rep');
  await c.create({ name: 'Harbour Foods', contact: 'Buyer', phone: '13900000002' });
  await switchTo(c.shell, 'Manager Wang');
  await c.open('Harbour Foods', 'key-account');
  await expect(page.getByTestId('ka-terms-empty')).toBeVisible();
  await page.getByTestId('ka-terms-edit').click();

  // Bad input is refused with its reason and stores nothing: on-site longer than the warranty.
  await page.getByTestId('ka-seat-account_manager').selectOption({ label: 'Manager Wang' });
  await page.getByTestId('ka-seat-training').selectOption({ label: 'Rep Li' });
  await page.getByTestId('ka-warranty-limited').fill('1');
  await page.getByTestId('ka-warranty-onsite').fill('3');
  await page.getByTestId('ka-terms-save').click();
  await expect(page.getByTestId('ka-terms-error')).toHaveText('On-site service cannot run longer than the limited warranty.');
  await page.getByTestId('ka-warranty-limited').fill('5');
  await page.getByTestId('ka-warranty-full').fill('1');
  await page.getByTestId('ka-rush').check();
  await page.getByTestId('ka-payment-terms').fill('60 days after delivery');
  await page.getByTestId('ka-terms-save').click();
  await expect(page.getByTestId('ka-terms-saved')).toBeVisible();
  await expect(page.getByTestId('ka-seat')).toHaveText(['Manager Wang', 'Rep Li']);
  await expect(page.getByTestId('ka-promise')).toHaveText([
    '5 years limited warranty, 3 on-site, 1 full cover',
    'Rush supply',
    'Special payment terms: 60 days after delivery',
  ]);
  await expect(page.getByTestId('customer-key-account')).toHaveText('Key account');
  await shot(page, 'ka-terms', 'key-account-terms-en.png');

  // The rep reads them, in Chinese after a reload, and is not offered the form.
  await switchTo(c.shell, 'Rep Li');
  await page.reload();
  await c.shell.setLang('zh-CN');
  await expect(page.getByTestId('ka-promise').first()).toHaveText('5 年有限保修，3 年上门，1 年全保');
  await expect(page.getByTestId('ka-terms-edit')).toHaveCount(0);
  await shot(page, 'ka-terms', 'key-account-terms-zh-CN.png');
  await c.shell.setLang('en');
});

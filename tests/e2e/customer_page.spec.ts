// The customer page a rep uses in front of a customer (issue 18) on a 768×1024 tablet:
// the glance on top, one section at a time chosen by tabs kept in the address (back,
// forward and reload keep them); the file read as facts and opened for editing without
// losing what is typed; the activity form as a sheet opened by the glance's one-tap
// buttons, whose draft survives closing it. Screenshots in both languages and at 1440×900.
import { expect, test, type Page } from './fixtures';
import { ActivitiesPage } from './pages/activities';
import { CustomersPage } from './pages/customers';

/** A rep with one customer (contact and region given), on its page. */
async function repWithCustomer(page: Page) {
  const c = new CustomersPage(page);
  await c.shell.open();
  await c.shell.setLang('en');
  await c.shell.createProfile('Rep Zhang');
  await c.create({ name: 'Kite Works', contact: 'Zhao Min', phone: '13900000001', region: 'Pudong' });
  const id = new URL(page.url()).hash.split('/')[2];
  return { c, id };
}

/** The dialler and messages cannot open in the test browser; keep the page where it is. */
async function keepTelLinksHere(page: Page) {
  await page.evaluate(() => document.addEventListener('click', (e) => {
    if ((e.target as HTMLElement).closest('a[href^="tel:"], a[href^="sms:"]')) e.preventDefault();
  }, true));
}

test('sections are tabs kept in the address: a click, the address, a reload, back and forward, the arrow keys', async ({ page }) => {
  const { c, id } = await repWithCustomer(page);
  const tab = (s: string) => page.getByTestId(`go-${s}`);
  const panel = (s: string) => page.getByTestId(`panel-${s}`);

  // The overview first: ownership, the latest activities, one panel shown.
  await expect(page).toHaveURL(new RegExp(`#/customers/${id}$`));
  await expect(page.getByRole('tab')).toHaveCount(7);
  await expect(tab('overview')).toHaveAttribute('aria-selected', 'true');
  await expect(panel('overview')).toBeVisible();
  await expect(page.getByTestId('owner-name')).toBeVisible();
  await expect(page.getByTestId('overview-no-activity')).toBeVisible();
  await expect(page.locator('[role=tabpanel]:visible')).toHaveCount(1);
  // Every tab is a touch target.
  for (const t of await page.getByRole('tab').all()) {
    expect((await t.boundingBox())!.height).toBeGreaterThanOrEqual(44);
  }

  // A click: the section shows alone and the address names it.
  await tab('money').click();
  await expect(page).toHaveURL(new RegExp(`#/customers/${id}/money$`));
  await expect(tab('money')).toHaveAttribute('aria-selected', 'true');
  await expect(tab('overview')).toHaveAttribute('aria-selected', 'false');
  await expect(panel('money')).toBeVisible();
  await expect(page.getByTestId('order-new')).toBeVisible();
  await expect(panel('overview')).toBeHidden();

  // A reload keeps it.
  await page.reload();
  await expect(page.getByTestId('customer-title')).toHaveText('Kite Works');
  await expect(tab('money')).toHaveAttribute('aria-selected', 'true');
  await expect(panel('money')).toBeVisible();

  // Back returns to the tab before; forward comes back.
  await tab('file').click();
  await expect(page).toHaveURL(new RegExp(`/file$`));
  await page.goBack();
  await expect(page).toHaveURL(new RegExp(`/money$`));
  await expect(tab('money')).toHaveAttribute('aria-selected', 'true');
  await expect(panel('money')).toBeVisible();
  await page.goForward();
  await expect(tab('file')).toHaveAttribute('aria-selected', 'true');
  await expect(panel('file')).toBeVisible();

  // The address alone opens a section; one it does not know is the overview.
  await page.evaluate((h) => { location.hash = h; }, `#/customers/${id}/service`);
  await expect(tab('service')).toHaveAttribute('aria-selected', 'true');
  await expect(panel('service')).toBeVisible();
  await page.evaluate((h) => { location.hash = h; }, `#/customers/${id}/nowhere`);
  await expect(tab('overview')).toHaveAttribute('aria-selected', 'true');

  // Arrow keys, Home and End move between tabs and show each.
  await tab('overview').focus();
  await page.keyboard.press('ArrowRight');
  await expect(tab('activities')).toBeFocused();
  await expect(panel('activities')).toBeVisible();
  await page.keyboard.press('End');
  await expect(tab('applications')).toBeFocused();
  await expect(panel('applications')).toBeVisible();
  await page.keyboard.press('ArrowRight');
  await expect(tab('overview')).toBeFocused();
  await page.keyboard.press('ArrowLeft');
  await expect(tab('applications')).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Home');
  await expect(tab('overview')).toHaveAttribute('aria-selected', 'true');
  await expect(page).toHaveURL(new RegExp(`#/customers/${id}$`));
  // Keys pressed faster than the address changes come back move on from the focused tab.
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(tab('activities')).toBeFocused();
  await expect(tab('activities')).toHaveAttribute('aria-selected', 'true');
  await expect(page).toHaveURL(new RegExp(`#/customers/${id}/activities$`));
  await page.keyboard.press('Home');

  // Chosen while scrolled far down, a section starts at its top under the tabs.
  await c.section('file');
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await tab('money').click();
  await expect(panel('money')).toBeInViewport();
  const tabs = (await page.getByTestId('section-menu').boundingBox())!;
  const money = (await panel('money').boundingBox())!;
  expect(money.y).toBeGreaterThanOrEqual(tabs.y + tabs.height);
  expect(money.y).toBeLessThan(tabs.y + tabs.height + 40);

  await c.section('overview');
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: 'screenshots/customer-overview-en.png' });
  await c.section('money');
  await page.screenshot({ path: 'screenshots/customer-money-en.png' });
  await c.shell.setLang('zh-CN');
  await expect(tab('money')).toHaveText('订单与回款');
  await page.screenshot({ path: 'screenshots/customer-money-zh-CN.png' });
  await c.section('overview');
  await page.screenshot({ path: 'screenshots/customer-overview-zh-CN.png' });
});

test('the file reads as facts; Edit opens the form, a tab switch keeps what is typed, Save and Cancel return to the facts', async ({ page }) => {
  const { c } = await repWithCustomer(page);
  await c.section('file');
  await expect(page.getByTestId('fact-name')).toContainText('Kite Works');
  await expect(page.getByTestId('fact-region')).toContainText('Pudong');
  await expect(page.getByTestId('fact-notes')).toContainText('—');
  await expect(page.getByTestId('customer-form')).toHaveCount(0);
  await page.screenshot({ path: 'screenshots/customer-file-read-en.png' });

  // Edit: the form with what is stored.
  await page.getByTestId('cf-edit').click();
  await expect(page.getByTestId('cf-name')).toHaveValue('Kite Works');
  await page.getByTestId('cf-notes').fill('Prefers calls before ten');
  await page.screenshot({ path: 'screenshots/customer-file-edit-en.png' });

  // Another tab and back: still typed, and the file tab says a draft waits meanwhile.
  await c.section('money');
  await expect(page.getByTestId('file-draft-mark')).toBeVisible();
  await c.section('file');
  await expect(page.getByTestId('cf-notes')).toHaveValue('Prefers calls before ten');

  // Cancel asks before it drops typing; "keep editing" keeps it.
  await page.getByTestId('cf-cancel').click();
  await expect(page.getByTestId('cf-cancel-confirm')).toBeVisible();
  await page.getByTestId('cf-cancel-keep').click();
  await expect(page.getByTestId('cf-cancel-confirm')).toHaveCount(0);
  await expect(page.getByTestId('cf-notes')).toHaveValue('Prefers calls before ten');

  // Save: back to the facts, which show it; no draft is left.
  await page.getByTestId('cf-save').click();
  await expect(page.getByTestId('cf-saved')).toBeVisible();
  await expect(page.getByTestId('customer-form')).toHaveCount(0);
  await expect(page.getByTestId('fact-notes')).toContainText('Prefers calls before ten');
  await expect(page.getByTestId('file-draft-mark')).toHaveCount(0);

  // Cancel with nothing typed goes straight back; with typing, "discard" drops it.
  await page.getByTestId('cf-edit').click();
  await page.getByTestId('cf-cancel').click();
  await expect(page.getByTestId('customer-form')).toHaveCount(0);
  await page.getByTestId('cf-edit').click();
  await page.getByTestId('cf-region').fill('Minhang');
  await page.getByTestId('cf-cancel').click();
  await page.getByTestId('cf-cancel-discard').click();
  await expect(page.getByTestId('customer-form')).toHaveCount(0);
  await expect(page.getByTestId('fact-region')).toContainText('Pudong');
  await expect(page.getByTestId('file-draft-mark')).toHaveCount(0);

  // Leaving the customer with typing kept: coming back, the file opens on the draft.
  await page.getByTestId('cf-edit').click();
  await page.getByTestId('cf-region').fill('Xuhui');
  await c.open('Kite Works');
  await expect(page.getByTestId('file-draft-mark')).toBeVisible();
  await c.section('file');
  await expect(page.getByTestId('draft-restored')).toBeVisible();
  await expect(page.getByTestId('cf-region')).toHaveValue('Xuhui');
  await c.shell.setLang('zh-CN');
  await page.getByTestId('cf-save').click();
  await expect(page.getByTestId('fact-region')).toContainText('Xuhui');
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: 'screenshots/customer-file-read-zh-CN.png' });
});

test('the activity sheet: opened by the glance, Escape and a reload keep the draft, refusals show in it, a save closes it and lists the activity', async ({ page }) => {
  const { c } = await repWithCustomer(page);
  const act = new ActivitiesPage(page);
  const sheet = act.sheet();
  const body = () => page.evaluate(() => getComputedStyle(document.body).overflow);
  await keepTelLinksHere(page);

  // The glance's visit button: a modal sheet, the visit picked and focused, the V2
  // warning (no approved plan today), the page behind held still.
  await page.getByTestId('glance-log').click();
  await expect(sheet).toBeVisible();
  await expect(sheet).toHaveAttribute('role', 'dialog');
  await expect(sheet).toHaveAttribute('aria-modal', 'true');
  await expect(page.getByTestId('act-kind-visit')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('act-kind-visit')).toBeFocused();
  await expect(sheet.getByTestId('act-unplanned')).toHaveAttribute('data-cover', 'none');
  expect(await body()).toBe('hidden');
  // Focus stays in the sheet: back from the first control is the last.
  await page.keyboard.press('Shift+Tab');
  await expect(page.getByTestId('activity-sheet-close')).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await expect(page.getByTestId('act-save')).toBeFocused();

  // Typed, then Escape: closed, focus back on the button, the typing kept.
  await page.getByTestId('act-needs').fill('Wants a cold-store demo');
  await page.keyboard.press('Escape');
  await expect(sheet).toBeHidden();
  await expect(page.getByTestId('glance-log')).toBeFocused();
  expect(await body()).not.toBe('hidden');
  await c.section('activities');
  await expect(page.getByTestId('act-draft')).toBeVisible();
  // Kept on the device: a reload (or the back button) loses nothing either.
  await page.reload();
  await expect(page.getByTestId('act-draft')).toBeVisible();
  await keepTelLinksHere(page);
  await page.getByTestId('act-open').click();
  await expect(page.getByTestId('act-needs')).toHaveValue('Wants a cold-store demo');

  // A visit without the person met is refused in the sheet, which stays open.
  await page.getByTestId('act-save').click();
  await expect(sheet.getByTestId('act-error-person')).toBeVisible();
  await expect(sheet).toBeVisible();
  await page.screenshot({ path: 'screenshots/customer-sheet-en.png' });

  // The close button closes it too; the glance's call button opens it on a call.
  await page.getByTestId('activity-sheet-close').click();
  await expect(sheet).toBeHidden();
  await c.shell.setLang('zh-CN');
  await page.getByTestId('glance-call').click();
  await expect(sheet).toBeVisible();
  await expect(page.getByTestId('act-kind-call')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('act-needs')).toHaveValue('Wants a cold-store demo');
  await expect(sheet.getByRole('heading')).toHaveText('记录一次跟进');
  await page.screenshot({ path: 'screenshots/customer-sheet-zh-CN.png' });
  await page.keyboard.press('Escape');
  await c.shell.setLang('en');
  await page.getByTestId('glance-log').click();

  // Saved: the sheet closes, says so, and the activity is listed; the next open is blank.
  await page.getByTestId('act-kind-visit').click();
  await page.getByTestId('act-person').fill('Zhao Min');
  await page.getByTestId('act-save').click();
  await expect(sheet.getByTestId('act-error-stage')).toBeVisible(); // a visit says how far it got
  await page.getByTestId('act-stage').selectOption('Opening');
  await page.getByTestId('act-save').click();
  await expect(sheet).toBeHidden();
  await expect(page.getByTestId('act-saved')).toBeVisible();
  await expect(page.getByTestId('activity-row')).toHaveCount(1);
  await expect(page.getByTestId('activity-row')).toContainText('Wants a cold-store demo');
  await expect(page.getByTestId('act-draft')).toHaveCount(0);
  await expect(page.getByTestId('glance-last')).toContainText('Visit');
  await page.getByTestId('act-open').click();
  await expect(page.getByTestId('act-needs')).toHaveValue('');
  await page.keyboard.press('Escape');
  // The overview lists it among the latest.
  await c.section('overview');
  await expect(page.getByTestId('overview-activity')).toHaveCount(1);
  await expect(page.getByTestId('overview-activity')).toContainText('Zhao Min');
});

test('at 1440×900 the customer page uses the width and the sheet is a centred dialog', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  const { c } = await repWithCustomer(page);
  await expect(page.getByTestId('panel-overview')).toBeVisible();
  await page.screenshot({ path: 'screenshots/customer-overview-desktop-en.png' });
  await c.section('file');
  await page.screenshot({ path: 'screenshots/customer-file-desktop-en.png' });
  await page.getByTestId('glance-log').click();
  const box = (await page.getByTestId('activity-sheet').boundingBox())!;
  expect(box.y).toBeGreaterThan(20);
  expect(box.y + box.height).toBeLessThan(880);
  expect(Math.abs(box.x + box.width / 2 - 720)).toBeLessThan(10);
  await page.screenshot({ path: 'screenshots/customer-sheet-desktop-en.png' });
  await context.close();
});

// Seed 000: before meeting a customer, know what its decision maker cares about. A
// contact keeps its interests; the activity sheet shows them for a visit or a meeting.
test('a contact\'s interests are kept and shown in the sheet before a visit or a meeting, decision makers first', async ({ page }) => {
  const { c } = await repWithCustomer(page);
  const act = new ActivitiesPage(page);
  await c.section('file');
  const addContact = async (name: string, interests: string, dm: boolean) => {
    await page.getByTestId('contact-add').click();
    await page.getByTestId('ct-name').fill(name);
    if (dm) await page.getByTestId('ct-dm').check();
    await page.getByTestId('ct-interests').fill(interests);
    await page.getByTestId('ct-save').click();
    await expect(page.getByTestId('contact-form')).toBeHidden();
  };
  await addContact('Wu Lei', 'Cares about delivery dates', false);
  await addContact('Qian Hua', 'Plays go; worried about cold-store downtime', true);
  await expect(page.getByTestId('contact-interests')).toHaveCount(2);
  await expect(page.getByTestId('contact-row').filter({ hasText: 'Qian Hua' }).getByTestId('contact-interests'))
    .toHaveText('Plays go; worried about cold-store downtime');
  // Too long an entry is refused and says why; nothing is saved.
  await page.getByTestId('contact-add').click();
  await page.getByTestId('ct-name').fill('Long Talker');
  await page.getByTestId('ct-interests').fill('x'.repeat(2001));
  await page.getByTestId('ct-save').click();
  await expect(page.getByTestId('ct-interests-error')).toBeVisible();
  await page.getByTestId('contact-form').getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByTestId('contact-row')).toHaveCount(3); // Zhao Min, Wu Lei, Qian Hua

  // A visit: the decision maker first, then the others with interests noted.
  await act.openSheet();
  await page.getByTestId('act-kind-visit').click();
  const people = page.getByTestId('act-prep-person');
  await expect(people).toHaveCount(2);
  await expect(people.first()).toContainText('Qian Hua');
  await expect(people.first()).toContainText('Decision maker');
  await expect(people.nth(1)).toContainText('Cares about delivery dates');
  await page.screenshot({ path: 'screenshots/customer-sheet-prep-en.png' });
  // A call is not a meeting: nothing to prepare there.
  await page.getByTestId('act-kind-call').click();
  await expect(page.getByTestId('act-prep')).toHaveCount(0);
  await page.getByTestId('act-kind-meeting').click();
  await expect(page.getByTestId('act-prep')).toBeVisible();
  // In Chinese too (the language is picked outside the sheet).
  await page.keyboard.press('Escape');
  await c.shell.setLang('zh-CN');
  await act.openSheet();
  await expect(page.getByTestId('act-prep')).toContainText('决策人');
  await page.screenshot({ path: 'screenshots/customer-sheet-prep-zh-CN.png' });
});

// Customers and the pool end to end (rules C1, C3, C6, P1, P5, P6, P9): forms offline,
// pinyin search, two tablets claiming the same pool customer, CSV import with bad rows,
// the credit warning only a manager sets.
import { expect, test } from './fixtures';
import { clearHost } from './pages/sync';
import { CustomersPage } from './pages/customers';
import { addPerson, switchTo } from './pages/shell';
import { teamOfTwo } from './pages/team';

test.beforeEach(() => clearHost());

const GOOD_CODE = '91350100M000100Y43'; // a valid unified social credit code
const BAD_CODE = '91350100M000100Y44'; // same, wrong check character

test('a rep creates and edits a customer offline; errors name the field; typing survives a reload', async ({ page }) => {
  const c = new CustomersPage(page);
  await c.shell.open();
  await c.shell.setLang('en');
  await c.shell.createProfile('Rep Zhang');
  await c.shell.waitForOfflineReady();
  await page.context().setOffline(true);

  await c.openList();
  await page.getByTestId('customer-new').click();
  await c.fill({ name: '张三五金有限公司', creditCode: BAD_CODE, contact: '李四', phone: '138 0013 8000x' });
  await page.getByTestId('cf-save').click();
  await expect(page.getByTestId('cf-errors')).toBeVisible();
  await expect(page.getByTestId('cf-credit-code-error')).toContainText('check character');
  await expect(page.getByTestId('cf-contact-phone-error')).toContainText('5–20 digits');
  // Nothing was stored.
  await expect(page.getByTestId('customer-title')).toHaveCount(0);

  await c.fill({ name: '张三五金有限公司', creditCode: GOOD_CODE.toLowerCase(), contact: '李四', phone: '138 0013 8000' });
  await page.getByTestId('cf-save').click();
  await expect(page.getByTestId('customer-title')).toHaveText('张三五金有限公司');
  // P1: the rep who enters a customer owns it, with the two-month countdown.
  await expect(c.owner()).toHaveText('Rep Zhang');
  await expect(page.getByTestId('owner-reason')).toHaveText('first contact');
  await expect(page.getByTestId('returns-at')).toContainText('no deal in 2 months');
  // The file reads as labelled facts until "Edit" opens the form.
  await c.section('file');
  await expect(page.getByTestId('fact-credit-code')).toContainText(GOOD_CODE); // stored upper-case
  await expect(page.getByTestId('contact-row')).toContainText('李四');
  await expect(page.getByTestId('customer-form')).toHaveCount(0);

  // An edit, saved: back to the facts, which show it.
  await c.editFile();
  await expect(page.getByTestId('cf-credit-code')).toHaveValue(GOOD_CODE);
  await page.getByTestId('cf-region').fill('福建 福州');
  await page.getByTestId('cf-save').click();
  await expect(page.getByTestId('cf-saved')).toBeVisible();
  await expect(page.getByTestId('customer-form')).toHaveCount(0);
  await expect(page.getByTestId('fact-region')).toContainText('福建 福州');

  // Typed but not saved: a reload (still offline) brings it back as a draft.
  await c.editFile();
  await page.getByTestId('cf-notes').fill('Wants a quote before the spring fair');
  await page.reload();
  await expect(page.getByTestId('customer-title')).toHaveText('张三五金有限公司');
  await expect(page.getByTestId('draft-restored')).toBeVisible();
  await expect(page.getByTestId('cf-notes')).toHaveValue('Wants a quote before the spring fair');
  await expect(page.getByTestId('cf-region')).toHaveValue('福建 福州');

  // A second customer, then search by pinyin initials, full pinyin and phone digits.
  await c.create({ name: '李四建材', contact: '王五', phone: '13912345678' });
  await c.openList();
  await expect(c.rows()).toHaveCount(2);
  await c.search('zswj');
  await expect(c.rows()).toHaveCount(1);
  await expect(c.rows()).toContainText('张三五金有限公司');
  await c.search('lisi');
  await expect(c.rows().first()).toContainText('李四建材');
  await c.search('0013 80');
  await expect(c.rows()).toHaveCount(1);
  await expect(c.rows()).toContainText('张三五金有限公司');
  await c.search('wangwu');
  await expect(c.rows()).toHaveCount(1);
  await expect(c.rows()).toContainText('李四建材');
  await c.search('');
  await page.screenshot({ path: 'screenshots/customers-list-en.png' });
  await c.shell.setLang('zh-CN');
  await page.screenshot({ path: 'screenshots/customers-list-zh-CN.png' });
  await c.open('张三五金有限公司', 'file');
  await page.screenshot({ path: 'screenshots/customer-file-zh-CN.png', fullPage: true });
});


test('two reps claim the same pool customer offline; after sync the earliest claim holds on both (P6)', async ({ browser }) => {
  const { a, b } = await teamOfTwo(browser);

  // A enters a customer, then returns it to the pool with the P9 note.
  await a.c.create({ name: 'Harbour Kites Ltd', contact: 'Ms Chen', phone: '13700001111' });
  await a.page.getByTestId('release').click();
  await a.page.getByTestId('release-save').click();
  await expect(a.page.getByTestId('release-status-error')).toBeVisible(); // the note is required
  await a.page.getByTestId('release-status').fill('Interested, no budget this quarter');
  await a.page.getByTestId('release-contacts').fill('Ms Chen, purchasing');
  await a.page.getByTestId('release-progress').fill('Sample sent');
  await a.page.getByTestId('release-save').click();
  await expect(a.c.owner()).toHaveText('Pool');
  expect(await a.d.syncNow()).toBe('done');
  expect(await b.d.syncNow()).toBe('done');
  await b.pool.open();
  await expect(b.pool.row('Harbour Kites Ltd')).toHaveCount(1);

  // Both offline; A claims first, B a moment later. Each tablet believes it won.
  await a.context.setOffline(true);
  await b.context.setOffline(true);
  await a.pool.claim('Harbour Kites Ltd');
  await b.page.waitForTimeout(50);
  await b.pool.claim('Harbour Kites Ltd');
  await b.c.open('Harbour Kites Ltd');
  await expect(b.c.owner()).toHaveText('Rep B');

  await a.context.setOffline(false);
  await b.context.setOffline(false);
  expect(await a.d.syncNow()).toBe('done');
  expect(await b.d.syncNow()).toBe('done');
  expect(await a.d.syncNow()).toBe('done');

  for (const dev of [a, b]) {
    await dev.c.open('Harbour Kites Ltd');
    await expect(dev.c.owner()).toHaveText('Rep A');
    await expect(dev.page.getByTestId('owner-reason')).toHaveText('claimed');
  }
  // The loser is told who holds it and since when, on the customer and on the pool page.
  await expect(b.page.getByTestId('lost-claim')).toContainText('Rep A has held this customer since');
  await expect(a.page.getByTestId('lost-claim')).toHaveCount(0);
  await b.pool.open();
  await expect(b.page.getByTestId('notice-lost-claim')).toContainText('Harbour Kites Ltd');
  await b.page.screenshot({ path: 'screenshots/pool-lost-claim-en.png' });
  // The history on both is the same, traceable record (H2).
  await b.c.open('Harbour Kites Ltd');
  await b.page.getByTestId('ownership-history').click();
  await expect(b.page.getByTestId('history-item')).toHaveCount(3);
  await b.page.screenshot({ path: 'screenshots/customer-ownership-en.png', fullPage: true });
  await a.context.close();
  await b.context.close();
});

test('a CSV with bad rows imports the good ones and lists the bad ones by line', async ({ page }) => {
  const c = new CustomersPage(page);
  await c.shell.open();
  await c.shell.setLang('zh-CN');
  await c.shell.createProfile('王经理', 'manager');
  await c.create({ name: '已有客户', contact: '赵六', phone: '13600000000' });
  await c.openList();
  await page.getByTestId('customer-import').click();
  const csv = [
    '公司名称,联系人,电话,统一社会信用代码,地区',
    `福州风筝厂,陈一,13800000001,${GOOD_CODE},福州`, // line 2: ok
    '坏电话公司,陈二,12ab,,厦门', // line 3: bad phone
    `错代码公司,陈三,13800000003,${BAD_CODE},泉州`, // line 4: bad credit code
    '重复电话公司,陈四,13800000001,,福州', // line 5: duplicate of line 2
    '少一列公司,陈五', // line 6: ragged
    '已有电话公司,陈六,136 0000 0000,,福州', // line 7: duplicate of a stored customer
    'Lakeside Trading,Amy,+86 21 5555 0101,,上海', // line 8: ok
  ].join('\r\n');
  await page.getByTestId('import-file').setInputFiles({ name: 'leads.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
  await expect(page.getByTestId('import-mapping')).toBeVisible();
  await expect(page.getByTestId('import-map')).toHaveCount(5);
  await expect(page.getByTestId('import-preview')).toContainText('福州风筝厂');
  await page.getByTestId('import-check').click();
  const report = page.getByTestId('import-report');
  await expect(report).toHaveAttribute('data-ok', '2');
  await expect(report).toHaveAttribute('data-errors', '3');
  await expect(report).toHaveAttribute('data-duplicates', '2');
  const lines = await page.getByTestId('import-bad-row').evaluateAll((els) => els.map((e) => e.getAttribute('data-line')));
  expect(lines).toEqual(['3', '4', '5', '6', '7']);
  await expect(page.locator('[data-testid=import-bad-row][data-line="4"]')).toContainText('校验位');
  await expect(page.locator('[data-testid=import-bad-row][data-line="5"]')).toContainText('第 2 行');
  await page.screenshot({ path: 'screenshots/import-report-zh-CN.png', fullPage: true });
  await page.getByTestId('import-write').click();
  await expect(page.getByTestId('import-done')).toHaveAttribute('data-imported', '2');

  await c.openList();
  await expect(c.rows()).toHaveCount(3);
  // Imported into the pool (the default), beside the one the manager entered: a
  // manager's own entry has no owner until assigned (P5).
  await page.getByTestId('nav-pool').click();
  await expect(page.getByTestId('pool-row')).toHaveCount(3);
  await page.screenshot({ path: 'screenshots/pool-manager-zh-CN.png' });
});

test('a list left open shows what another tablet changed as soon as it syncs', async ({ browser }) => {
  const { a, b } = await teamOfTwo(browser);
  await a.c.create({ name: 'Alpha Kites' });
  await a.c.create({ name: 'Beta Kites' });
  expect(await a.d.syncNow()).toBe('done');
  expect(await b.d.syncNow()).toBe('done');
  await b.c.openList();
  await expect.poll(() => b.c.names()).toEqual(['Alpha Kites', 'Beta Kites']);

  // A renames Alpha. B stays on its list; its network drops and comes back, which syncs.
  await a.c.open('Alpha Kites');
  await a.c.editFile();
  await a.page.getByTestId('cf-name').fill('Zeta Kites');
  await a.page.getByTestId('cf-save').click();
  await expect(a.page.getByTestId('customer-title')).toHaveText('Zeta Kites');
  expect(await a.d.syncNow()).toBe('done');
  await b.context.setOffline(true);
  await b.context.setOffline(false);
  // Same number of rows, new contents and order: the rows in view are redrawn in place.
  await expect.poll(() => b.c.names()).toEqual(['Beta Kites', 'Zeta Kites']);
  await expect(b.page.getByTestId('customer-tools')).toBeVisible();
  await a.context.close();
  await b.context.close();
});

test('importing the same CSV twice adds no customer, and a file over 20 MB is refused before it is read', async ({ page }) => {
  const c = new CustomersPage(page);
  await c.shell.open();
  await c.shell.setLang('en');
  await c.shell.createProfile('Manager Wang', 'manager');
  // Two rows with neither phone nor credit code: only their content can recognise them.
  const csv = ['公司名称,联系人,电话,地区', '港口风筝厂,陈一,,福州', 'Hill Paper Co,Chen Er,,厦门', 'Lakeside Trading,Amy,+86 21 5555 0101,上海'].join('\r\n');
  await c.chooseImport('leads.csv', csv);
  let report = await c.checkImport();
  await expect(report).toHaveAttribute('data-ok', '3');
  await page.getByTestId('import-write').click();
  const done = page.getByTestId('import-done');
  await expect(done).toHaveAttribute('data-imported', '3');
  await expect(done).toHaveAttribute('data-present', '0');
  await c.openList();
  await expect(c.rows()).toHaveCount(3);

  // The same file again (re-saved with other spacing): every row is already there.
  await c.chooseImport('leads-again.csv', csv.replace('Hill Paper Co', ' Hill  Paper Co '));
  report = await c.checkImport();
  await expect(report).toHaveAttribute('data-ok', '0');
  await expect(report).toHaveAttribute('data-present', '3');
  await expect(report).toContainText('3 already present');
  await expect(page.getByTestId('import-write')).toBeDisabled();
  await c.openList();
  await expect(c.rows()).toHaveCount(3);

  // Over the limit: refused by its size, with the reason, in both languages.
  const big = Buffer.alloc(21 * 1024 * 1024, 'a');
  await c.chooseImport('huge.csv', big);
  await expect(page.getByTestId('import-error')).toContainText('more than the 20 MB an import reads');
  await expect(page.getByTestId('import-mapping')).toHaveCount(0);
  await c.shell.setLang('zh-CN');
  await expect(page.getByTestId('import-error')).toContainText('超过导入上限 20 MB');
});

test('the customer page shows at a glance who owns it, what is due and owed, and reaches each section', async ({ page }) => {
  await page.setViewportSize({ width: 768, height: 1024 });
  const c = new CustomersPage(page);
  await c.shell.open();
  await c.shell.setLang('en');
  await c.shell.createProfile('Rep Zhang');
  await c.create({ name: 'Kite Works', contact: 'Buyer', phone: '13900000001' });
  const g = page.getByTestId('customer-glance');
  await expect(g.getByTestId('customer-title')).toHaveText('Kite Works');
  await expect(g.getByTestId('glance-owner')).toHaveAttribute('data-owner', /.+/);
  await expect(g.getByTestId('glance-owner')).toContainText('Rep Zhang');
  await expect(g.getByTestId('glance-countdown')).toContainText('back to pool in');
  await expect(g.getByTestId('glance-owed')).toHaveAttribute('data-fen', '0');
  await expect(g.getByTestId('glance-last')).toContainText('—');
  await expect(g.getByTestId('glance-call')).toHaveAttribute('href', 'tel:13900000001');
  await expect(g.getByTestId('glance-sms')).toHaveAttribute('href', 'sms:13900000001');
  // One tap to log a visit: the activity sheet with the visit picked.
  await g.getByTestId('glance-log').click();
  await expect(page.getByTestId('activity-sheet')).toBeVisible();
  await expect(page.getByTestId('act-kind-visit')).toHaveAttribute('aria-pressed', 'true');
  await page.getByTestId('act-kind-call').click();
  await page.getByTestId('act-save').click();
  await expect(page.getByTestId('act-saved')).toBeVisible();
  await expect(page.getByTestId('activity-sheet')).toBeHidden();
  await expect(g.getByTestId('glance-last')).toContainText('Call');
  // The tabs reach each section, one at a time.
  for (const section of ['file', 'money', 'service', 'applications', 'overview']) {
    await page.getByTestId(`go-${section}`).click();
    await expect(page.locator(`[data-section="${section}"]`)).toBeVisible();
    await expect(page.locator('[role=tabpanel]:visible')).toHaveCount(1);
  }
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: 'screenshots/customer-glance-en.png' });
  await c.shell.setLang('zh-CN');
  await expect(g.getByTestId('glance-countdown')).toContainText('天后回公海');
  await page.screenshot({ path: 'screenshots/customer-glance-zh.png' });
});

test('only a manager sets the credit warning; a rep sees it read-only with the reason (C3)', async ({ page }) => {
  const c = new CustomersPage(page);
  await c.shell.open();
  await c.shell.setLang('en');
  await c.shell.createProfile('Rep Li', 'rep');
  await c.create({ name: 'Slow Pay Trading', contact: 'Buyer', phone: '13900000077' });

  // The rep: the box is disabled, says why, and a tap changes nothing.
  await c.editFile();
  await expect(c.creditFlag()).toBeDisabled();
  await expect(c.creditFlag()).not.toBeChecked();
  await expect(c.creditFlagNote()).toHaveText('Only a manager sets or clears the credit warning.');
  await c.creditFlag().click({ force: true });
  await expect(c.creditFlag()).not.toBeChecked();
  await expect(page.getByTestId('customer-credit-flag')).toHaveCount(0);

  // The manager on the same tablet sets it; the glance shows the warning.
  await addPerson(c.shell, 'Manager Wang', 'manager');
  await c.open('Slow Pay Trading');
  await c.editFile();
  await expect(c.creditFlag()).toBeEnabled();
  await expect(c.creditFlagNote()).toHaveCount(0);
  await c.creditFlag().check();
  await page.getByTestId('cf-save').click();
  await expect(page.getByTestId('cf-saved')).toBeVisible();
  await expect(page.getByTestId('customer-credit-flag')).toHaveText('Credit warning');

  // Back to the rep: the warning stands and the rep still cannot clear it.
  await switchTo(c.shell, 'Rep Li');
  await c.open('Slow Pay Trading');
  await expect(page.getByTestId('customer-credit-flag')).toBeVisible();
  await c.editFile();
  await expect(c.creditFlag()).toBeChecked();
  await expect(c.creditFlag()).toBeDisabled();
  await c.shell.setLang('zh-CN');
  await expect(c.creditFlagNote()).toHaveText('只有经理可以设置或取消信用预警。');
  await c.creditFlag().scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'screenshots/customer-credit-flag-rep-zh-CN.png' });
});

// Incentives end to end (I1–I7): a manager imports a month of station figures from a
// seed-style CSV (Chinese headers, the seed's numbers), sees the bad rows by line, and
// reads the statements per station, maintainer and branch head with each line's basis,
// band and arithmetic in English and Chinese; exports them as CSV (formula-escaped);
// a rep on the same tablet reads the statements but cannot import. Screenshots of the
// statements at 768×1024.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { expect, test } from './fixtures';
import { clearHost } from './pages/sync';
import { addPerson, Shell } from './pages/shell';
import { IncentivesPage } from './pages/incentives';

test.beforeEach(() => clearHost());

const FIXTURE = fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'incentive_month.csv'), 'utf8');
// One more station whose maintainer's name would start a formula in a spreadsheet.
const MONTH = `${FIXTURE.trimEnd()}\nBM201,,,,,城市,城区支局,钱敏,1,=SUM(A1),,,,,,5,1,,,,,\n`;

/** Scrolls the month's tabs and statements to the top of the screen. */
async function showStatements(page: import('./fixtures').Page) {
  await page.getByTestId('incentives-month-info').evaluate((e) => e.scrollIntoView({ block: 'start' }));
  await page.evaluate(() => window.scrollBy(0, -70));
}

test('a manager imports a month of station figures and reads, prints and exports the statements', async ({ page }) => {
  test.setTimeout(120_000);
  const app = new Shell(page);
  await app.open('#/incentives');
  await app.setLang('en');
  await app.createProfile('Manager Wang', 'manager');
  const inc = new IncentivesPage(page);
  await inc.open();
  await expect(app.title()).toHaveText('Incentives');
  await inc.month('2024-03');
  await expect(page.getByTestId('incentives-empty')).toBeVisible();

  // Five good rows, three bad ones reported by line, column and reason.
  await inc.choose('2024-03 stations.csv', MONTH);
  await expect(page.getByTestId('incentives-good')).toHaveText('5');
  await expect(page.getByTestId('incentives-bad')).toHaveText('3');
  await expect(inc.badRow(6)).toContainText('Line 6');
  await expect(inc.badRow(6)).toContainText('area: should be rural or urban');
  await expect(inc.badRow(7)).toContainText('withdrawals: not written card@day*count (day 1–31): 6217009@32');
  await expect(inc.badRow(8)).toContainText('households: a rural station with electricity payments needs the households');
  await inc.store();
  await expect(page.getByTestId('incentives-message')).toHaveText('Stored and computed.');
  await expect(page.getByTestId('incentives-file-name')).toHaveText('2024-03 stations.csv');
  await expect(page.getByTestId('incentives-scheme')).toHaveText('Rural service-station scheme (preset)');
  // The payout calendar: the steps fall in April.
  await expect(page.getByTestId('payout-step')).toHaveCount(13);
  await expect(page.getByTestId('payout-step').first()).toContainText('2024-04-03');
  await expect(page.getByTestId('payout-step').last()).toContainText('2024-04-25');

  // Stations: each line with its basis, band and arithmetic.
  const bm001 = inc.statement('BM001');
  await expect(bm001).toHaveAttribute('data-total', '8950');
  await expect(bm001.getByTestId('statement-total')).toHaveText('89.50');
  const elec = inc.line('BM001', 'Electricity bills (rural station)');
  await expect(elec.getByTestId('line-inputs')).toHaveText('250 payments ÷ 400 households = 62.5%');
  await expect(elec.getByTestId('line-band')).toHaveText('Band 50%–80%');
  await expect(elec.getByTestId('line-arithmetic')).toHaveText('0.25 × 250 = 62.50');
  await expect(inc.line('BM001', 'Mobile bills').getByTestId('line-arithmetic')).toHaveText('1,000.00 × 1% = 10.00');
  const wd = inc.line('BM001', 'Cash withdrawals');
  await expect(wd.getByTestId('line-inputs')).toHaveText('11 swipes, 10 counted (at most 2 per card a day)');
  await expect(wd.getByTestId('line-band')).toHaveText('Band 10–30');
  await expect(wd.getByTestId('line-arithmetic')).toHaveText('0.50 × 10 = 5.00');
  await expect(inc.line('BM001', 'Telecom fee covered').getByTestId('line-amount')).toHaveText('5.00');
  // I8: how to win more — the next band of each banded rule and what it is worth.
  const tips = bm001.getByTestId('tip');
  await expect(tips).toHaveCount(2);
  await expect(tips.nth(0)).toHaveText('71 more electricity payments: 0.25 → 0.30 per transaction, +33.80 this month');
  await expect(tips.nth(1)).toHaveText('21 more withdrawals: 0.50 → 0.60 per transaction, +13.60 this month');
  // Two stations in the village halve its households.
  const bm002 = inc.line('BM002', 'Electricity bills (rural station)');
  await expect(bm002.getByTestId('line-inputs')).toHaveText('250 payments ÷ (400 households ÷ 2 stations) = 125%');
  await expect(bm002.getByTestId('line-band')).toHaveText('Band > 80%');
  await expect(bm002.getByTestId('line-arithmetic')).toHaveText('0.30 × 250 = 75.00');
  await expect(inc.statement('BM101').getByTestId('statement-total')).toHaveText('9.00');
  await expect(bm001.locator('.signature')).toContainText('Signed as correct');
  await page.screenshot({ path: 'screenshots/incentives-import-en.png' });
  await showStatements(page);
  await page.screenshot({ path: 'screenshots/incentives-stations-en.png' });

  // Maintainers: their 8 parts of maintenance and of the branch's penalty.
  await inc.tab('maintainers');
  await expect(inc.statement('王磊').getByTestId('statement-total')).toHaveText('28.85');
  await expect(inc.line('王磊', 'Maintenance commission · BM001').getByTestId('line-arithmetic'))
    .toHaveText('0.05 × 292 = 14.60; your share 4/5: 11.68');
  await expect(inc.line('王磊', 'Penalty: below the valid-station plan').getByTestId('line-inputs'))
    .toHaveText('plan 3, valid 2, 1 missing');
  await expect(inc.statement('李娜').getByTestId('statement-total')).toHaveText('4.87');
  await expect(inc.line('李娜', 'Not a valid station · BM003').getByTestId('line-inputs'))
    .toHaveText('20 bill payments (needs 30), 3 POS (needs 5)');
  // Branch heads: their 2 parts.
  await inc.tab('heads');
  await expect(inc.statement('赵强').getByTestId('statement-total')).toHaveText('7.08');
  await expect(inc.line('赵强', 'Penalty: below the valid-station plan').getByTestId('line-arithmetic'))
    .toHaveText('-2.00 × 1 = -2.00; your share 1/5: -0.40');
  await expect(inc.statement('钱敏').getByTestId('statement-total')).toHaveText('1.35');
  await showStatements(page);
  await page.screenshot({ path: 'screenshots/incentives-heads-en.png' });

  // Printing one statement prints it alone, with its signature line.
  await inc.statement('赵强').evaluate((e) => e.setAttribute('data-print', '1'));
  await page.emulateMedia({ media: 'print' });
  await expect(inc.statement('钱敏')).toBeHidden();
  await expect(page.getByTestId('incentives-import')).toBeHidden();
  await expect(inc.statement('赵强').getByTestId('statement-signature')).toBeVisible();
  await expect(inc.statement('赵强').getByTestId('statement-print')).toBeHidden();
  await page.screenshot({ path: 'screenshots/incentives-print-en.png' });
  await page.emulateMedia({ media: 'screen' });
  await inc.statement('赵强').evaluate((e) => e.removeAttribute('data-print'));

  // The same statements in Chinese.
  await app.setLang('zh-CN');
  await inc.tab('stations');
  const zhElec = inc.line('BM001', '代收电费（农村站）');
  await expect(zhElec.getByTestId('line-inputs')).toHaveText('250 笔 ÷ 400 户 = 62.5%');
  await expect(zhElec.getByTestId('line-arithmetic')).toHaveText('0.25 × 250 = 62.50');
  await expect(inc.line('BM001', '助农取款').getByTestId('line-inputs')).toHaveText('刷卡 11 次，计入 10 笔（每卡每天最多 2 笔）');
  await showStatements(page);
  await page.screenshot({ path: 'screenshots/incentives-stations-zh.png' });
  await app.setLang('en');

  // The export: UTF-8 with a BOM, every line worded, a formula-like name escaped.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('incentives-export').click()]);
  expect(download.suggestedFilename()).toBe('incentives-2024-03.csv');
  const csv = fs.readFileSync((await download.path())!, 'utf8');
  expect(csv.startsWith('\ufeffKind,Payee,Item,Basis,Band,Arithmetic,Amount (yuan)\r\n')).toBe(true);
  expect(csv).toContain('Station,BM001,Electricity bills (rural station),250 payments ÷ 400 households = 62.5%,50%–80%,0.25 × 250 = 62.50,62.50\r\n');
  expect(csv).toContain('Station,BM001,Total,,,,89.50\r\n');
  expect(csv).toContain("Maintainer,'=SUM(A1),");
  expect(csv).not.toContain(',=SUM(A1)');

  // The month stays after a reload; a rep reads it but cannot import.
  await page.reload();
  await inc.open();
  await expect(inc.statement('BM001').getByTestId('statement-total')).toHaveText('89.50');
  await expect(page.getByTestId('incentives-import')).toBeVisible();
  await addPerson(app, 'Rep Li', 'rep');
  await inc.open();
  await expect(inc.statement('BM001').getByTestId('statement-total')).toHaveText('89.50');
  await expect(page.getByTestId('incentives-import')).toHaveCount(0);
  await expect(page.getByTestId('scheme-copy')).toHaveCount(0);
});

test('a file without a required column is refused whole, with the column named', async ({ page }) => {
  const app = new Shell(page);
  await app.open('#/incentives');
  await app.setLang('en');
  await app.createProfile('Manager Wang', 'manager');
  const inc = new IncentivesPage(page);
  await inc.open();
  await inc.choose('bad.csv', 'station,area,branch,maintainer\nS1,rural,B1,wang\n');
  await expect(page.getByTestId('incentives-file-error')).toHaveText('The file lacks a required column: branch_head / 支局长');
  await expect(page.getByTestId('incentives-store')).toHaveCount(0);
});

test('a used scheme is frozen; a copy for next year is edited and computes the next month', async ({ page }) => {
  test.setTimeout(120_000);
  const app = new Shell(page);
  await app.open('#/incentives');
  await app.setLang('en');
  await app.createProfile('Manager Wang', 'manager');
  const inc = new IncentivesPage(page);
  await inc.open();
  await inc.month('2024-03');
  await inc.choose('march.csv', FIXTURE);
  await inc.store();
  const preset = page.locator('[data-testid="scheme-row"][data-scheme="preset-rural-stations"]');
  await expect(preset).toHaveAttribute('data-frozen', 'true');
  await expect(preset.getByTestId('scheme-edit')).toHaveCount(0);

  // A copy valid from 2025, with a base of 6 yuan instead of 5.
  await page.getByTestId('scheme-valid-from').fill('2025-01-01');
  await preset.getByTestId('scheme-copy').click();
  await expect(page.getByTestId('scheme-message')).toHaveText('Copied.');
  const copy = page.locator('[data-testid="scheme-row"][data-frozen="false"]');
  await expect(copy).toHaveCount(1);
  await copy.getByTestId('scheme-edit').click();
  await page.getByTestId('scheme-name').fill('2025 scheme');
  await expect(page.getByTestId('knob-basefen')).toHaveValue('5.00');
  await page.getByTestId('knob-basefen').fill('6');
  await page.getByTestId('scheme-purpose').fill('More valid stations in 2025.');
  await page.getByTestId('scheme-save').click();
  await expect(page.getByTestId('scheme-editor-message')).toHaveText('Saved.');
  await expect(copy).toContainText('2025 scheme');
  await page.getByTestId('scheme-editor').evaluate((e) => e.scrollIntoView({ block: 'start' }));
  await page.screenshot({ path: 'screenshots/incentives-scheme-editor-en.png' });

  // January 2025 is computed with the copy; March 2024 keeps the frozen preset.
  await inc.month('2025-01');
  await inc.choose('january.csv', FIXTURE);
  await inc.store();
  await expect(page.getByTestId('incentives-scheme')).toHaveText('2025 scheme');
  await inc.tab('maintainers');
  await expect(inc.statement('王磊').getByTestId('statement-total')).toHaveText('30.45');
  await inc.month('2024-03');
  await inc.tab('maintainers');
  await expect(inc.statement('王磊').getByTestId('statement-total')).toHaveText('28.85');
  // The copy is frozen now too.
  await expect(copy).toHaveCount(0);

  // I8: January's version explained in the seed's order, with a what-if.
  await inc.month('2025-01');
  const ex = page.getByTestId('explainer');
  await ex.locator('summary').click();
  await expect(ex.getByTestId('explain-changed')).toHaveCount(1);
  await expect(ex.getByTestId('explain-changed')).toHaveText('Maintenance base (yuan): 5.00 → 6.00');
  await expect(ex.getByTestId('explain-kept')).toContainText('The other');
  await expect(ex.getByTestId('explain-purpose')).toContainText('More valid stations in 2025.');
  await expect(ex.getByTestId('explain-chart')).toHaveCount(3);
  await expect(ex.getByTestId('explain-step').first()).toHaveText('Rural electricity share 50% or more: 0.25 per payment');
  const sections = await ex.locator('section.explain-section').evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')));
  expect(sections).toEqual(['explain-new', 'explain-purpose', 'explain-elements', 'explain-win', 'explain-kpis', 'what-if', 'explain-fine']);
  await ex.getByTestId('what-if-households').fill('400');
  await ex.getByTestId('what-if-electricity').fill('250');
  await expect(ex.getByTestId('what-if-total')).toHaveAttribute('data-total', '6250');
  await ex.getByTestId('what-if-pos').fill('5');
  await expect(ex.getByTestId('what-if-maintenance')).toHaveAttribute('data-fen', String(600 + 5 * 255));
  await ex.getByTestId('what-if-households').fill('four hundred');
  await expect(ex.getByTestId('what-if-error')).toHaveText('Not a valid number: Households in the village');
  await ex.getByTestId('what-if-households').fill('400');
  await expect(ex.getByTestId('what-if-total')).toHaveAttribute('data-total', '6250');
  await ex.evaluate((e) => e.scrollIntoView({ block: 'start' }));
  await page.screenshot({ path: 'screenshots/incentives-explainer-en.png' });
  await app.setLang('zh-CN');
  await expect(ex.getByTestId('explain-step').first()).toHaveText('农村站代收电费占比达到 50%（含）：每笔 0.25 元');
  await ex.getByTestId('what-if').evaluate((e) => e.scrollIntoView({ block: 'start' }));
  await page.screenshot({ path: 'screenshots/incentives-what-if-zh.png' });
  await ex.evaluate((e) => e.scrollIntoView({ block: 'start' }));
  await page.screenshot({ path: 'screenshots/incentives-explainer-zh.png' });
});

test('a month of station figures imported from an Excel workbook computes as from its CSV', async ({ page }) => {
  const app = new Shell(page);
  await app.open('#/incentives');
  await app.setLang('en');
  await app.createProfile('Manager Wang', 'manager');
  const inc = new IncentivesPage(page);
  await inc.open();
  await inc.month('2024-03');
  await page.getByTestId('incentives-file').setInputFiles({
    name: '2024-03 stations.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'incentive_month.xlsx')),
  });
  await expect(page.getByTestId('incentives-good')).toHaveText('4');
  await expect(page.getByTestId('incentives-bad')).toHaveText('3');
  await expect(inc.badRow(6)).toContainText('area: should be rural or urban');
  await inc.store();
  await expect(page.getByTestId('incentives-file-name')).toHaveText('2024-03 stations.xlsx');
  await expect(inc.statement('BM001').getByTestId('statement-total')).toHaveText('89.50');
  // A damaged workbook is refused whole, with what to do.
  await page.getByTestId('incentives-file').setInputFiles({ name: 'broken.xlsx', mimeType: 'application/octet-stream', buffer: Buffer.from('PK\u0003\u0004 not really a workbook') });
  await expect(page.getByTestId('incentives-file-error')).toContainText('This Excel file cannot be read');
});

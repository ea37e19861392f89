// The team warehouse (W1, issue 18): a manager keeps the catalogue, receives and issues
// goods by signed slips, prints a slip in three copies, reads the stock card and the
// daily report, settles a stocktake by an adjustment slip; two tablets writing slips
// offline get distinct numbers that agree on both once synced.
import { expect, test } from './fixtures';
import { addPerson } from './pages/shell';
import { clearHost } from './pages/sync';
import { teamOfTwo } from './pages/team';
import { WarehousePage } from './pages/warehouse';

test.beforeEach(() => clearHost());

const KIT = 'Kite kit (A4)';

test('receive, issue, print three copies, read the card and the day, settle a stocktake, and two tablets number apart', async ({ browser }) => {
  test.setTimeout(240_000);
  const { a, b } = await teamOfTwo(browser);
  const wa = new WarehousePage(a.page);
  const wb = new WarehousePage(b.page);
  // A rep (the team's first profiles are reps) may not write slips.
  await wa.tab('slips');
  await expect(a.page.getByTestId('wh-read-only')).toHaveText('Only managers and event staff write slips and take stock.');
  await addPerson(a.d.shell, 'Manager Wang', 'manager');

  await wa.addItem('Kite kit', 'A4', 'set');
  await wa.addItem('Balloon', '', 'pcs');
  await expect(wa.level(KIT)).toHaveText('0');

  // Receive: a receipt slip from the supplier, numbered in this tablet's series.
  const rk = await wa.writeSlip({ kind: 'receipt', counterparty: 'Acme Toys', lines: [[KIT, '20'], ['Balloon', '50']] });
  expect(rk).toMatch(/^RK-[0-9A-Z]{6}-000001$/);
  const series = rk.split('-')[1];

  // The form says what is wrong and keeps what was typed.
  await wa.fillSlip({ kind: 'issue', counterparty: 'Harbour Kites', lines: [[KIT, '0']] });
  await expect(a.page.getByTestId('wh-slip-error')).toHaveText('A quantity is a whole number above 0.');
  await a.page.getByTestId('wh-line-qty').fill('25');
  await a.page.getByTestId('wh-slip-save').click();
  await expect(a.page.getByTestId('wh-slip-error')).toHaveText('Not enough “Kite kit (A4)”: 25 asked, 20 on hand.');
  await expect(a.page.getByTestId('wh-counterparty')).toHaveValue('Harbour Kites');
  await a.page.getByTestId('wh-line-qty').fill('5');
  await a.page.getByTestId('wh-slip-save').click();
  await expect(a.page.getByTestId('wh-saved-number')).toHaveText(`CK-${series}-000001`);
  await a.page.screenshot({ path: 'screenshots/warehouse-slips-en.png', fullPage: true });

  // Print view: three copies, each with the number and the three signature lines.
  await a.page.getByTestId('wh-saved-number').click();
  await expect(a.page.getByTestId('wh-copy')).toHaveCount(3);
  await expect(a.page.getByTestId('wh-copy-number')).toHaveText(Array(3).fill(`CK-${series}-000001`));
  await expect(a.page.getByTestId('wh-copy').nth(2)).toContainText('Copy 3 — customer');
  await expect(a.page.getByTestId('wh-copy').first()).toContainText('Supervisor\'s signature');
  await expect(a.page.getByTestId('wh-print-button')).toHaveText('Print');
  // The keeper signs on the tablet; the name shows on all three copies.
  const keeper = a.page.getByTestId('wh-copy').first().getByTestId('wh-sign').first();
  await keeper.getByTestId('wh-sign-button').click();
  await expect(keeper.getByRole('alert')).toHaveText('Enter the name of who signs.');
  await keeper.getByTestId('wh-sign-name').fill('Keeper Zhou');
  await keeper.getByTestId('wh-sign-button').click();
  await expect(a.page.getByTestId('wh-signed')).toHaveText(Array(3).fill('Keeper Zhou'));
  await a.page.screenshot({ path: 'screenshots/warehouse-print-en.png', fullPage: true });
  await a.page.emulateMedia({ media: 'print' });
  await expect(a.page.locator('.nav-bar')).toBeHidden();
  await a.page.emulateMedia({ media: 'screen' });

  // The stock card: the item's lines with the balance after each.
  await wa.tab('ledger');
  await a.page.getByTestId('wh-ledger-item').selectOption({ label: KIT });
  await expect(a.page.getByTestId('wh-balance')).toHaveText(['20', '15']);

  // The daily report for today.
  await wa.tab('reports');
  const row = a.page.getByTestId('wh-daily').getByTestId('wh-report-row').filter({ hasText: KIT });
  await expect(row.getByTestId('wh-opening')).toHaveText('0');
  await expect(row.getByTestId('wh-in')).toHaveText('20');
  await expect(row.getByTestId('wh-out')).toHaveText('5');
  await expect(row.getByTestId('wh-closing')).toHaveText('15');
  await a.page.screenshot({ path: 'screenshots/warehouse-reports-en.png', fullPage: true });

  // Stocktake: one kit is missing; an adjustment slip settles it.
  await wa.tab('stocktake');
  const kitRow = a.page.getByTestId('wh-count-row').filter({ hasText: KIT });
  await kitRow.getByTestId('wh-count').fill('14');
  await kitRow.getByTestId('wh-count-save').click();
  await expect(a.page.getByTestId('wh-recon')).toHaveAttribute('data-agrees', 'false');
  await expect(a.page.getByTestId('wh-recon-line').filter({ hasText: KIT })).toContainText('(-1)');
  await a.page.screenshot({ path: 'screenshots/warehouse-stocktake-en.png', fullPage: true });
  await a.page.getByTestId('wh-settle').click();
  await expect(a.page.getByTestId('wh-recon')).toHaveAttribute('data-agrees', 'true');
  await wa.tab('stock');
  await expect(wa.level(KIT)).toHaveText('14');
  await expect(wa.level('Balloon')).toHaveText('50');

  // Two tablets: B (event staff) gets the catalogue, then both write slips offline.
  expect(await a.d.syncNow()).toBe('done');
  await addPerson(b.d.shell, 'Staff Sun', 'event_staff');
  expect(await b.d.syncNow()).toBe('done');
  await wb.tab('stock');
  await expect(wb.level(KIT)).toHaveText('14');
  await a.context.setOffline(true);
  await b.context.setOffline(true);
  const onA = await wa.writeSlip({ kind: 'receipt', counterparty: 'Acme Toys', lines: [['Balloon', '10']] });
  const onB1 = await wb.writeSlip({ kind: 'receipt', party: 'supplier', counterparty: 'Sky Kites', lines: [[KIT, '6']] });
  const onB2 = await wb.writeSlip({ kind: 'issue', party: 'rep', counterparty: 'Rep Li', lines: [[KIT, '2']] });
  expect(onA).toBe(`RK-${series}-000002`);
  const seriesB = onB1.split('-')[1];
  expect(seriesB).not.toBe(series);
  expect(onB1).toBe(`RK-${seriesB}-000001`);
  expect(onB2).toBe(`CK-${seriesB}-000001`);
  await a.context.setOffline(false);
  await b.context.setOffline(false);
  expect(await a.d.syncNow()).toBe('done');
  expect(await b.d.syncNow()).toBe('done');
  expect(await a.d.syncNow()).toBe('done');
  const numbersA = await wa.numbers();
  const numbersB = await wb.numbers();
  expect(numbersA).toEqual(numbersB);
  expect(new Set(numbersA).size).toBe(numbersA.length);
  expect(numbersA).toEqual(expect.arrayContaining([onA, onB1, onB2, `RK-${series}-000001`, `CK-${series}-000001`]));
  await wb.tab('stock');
  await expect(wb.level(KIT)).toHaveText('18');
  await expect(b.page.getByTestId('wh-overdrawn')).toHaveCount(0);

  // Offline, each tablet issues 10 of the 18 kits it knows of: each is within its stock,
  // together they are not. After sync both show the item went below zero, and why.
  await a.context.setOffline(true);
  await b.context.setOffline(true);
  const overA = await wa.writeSlip({ kind: 'issue', party: 'rep', counterparty: 'Rep Li', lines: [[KIT, '10']] });
  const overB = await wb.writeSlip({ kind: 'issue', party: 'rep', counterparty: 'Rep Zhao', lines: [[KIT, '10']] });
  await a.context.setOffline(false);
  await b.context.setOffline(false);
  expect(await a.d.syncNow()).toBe('done');
  expect(await b.d.syncNow()).toBe('done');
  expect(await a.d.syncNow()).toBe('done');
  for (const [w, p] of [[wa, a.page], [wb, b.page]] as const) {
    await w.tab('stock');
    await expect(w.level(KIT)).toHaveText('-2');
    await expect(w.level(KIT)).toHaveClass(/error/);
    const warning = p.getByTestId('wh-overdrawn');
    await expect(warning).toHaveCount(1);
    await expect(warning).toContainText('below zero');
    await expect(warning).toContainText('-2');
    // It names the slip that took it below zero: the later of the two in the ledger.
    const text = (await warning.textContent()) ?? '';
    expect([overA, overB].filter((n) => text.includes(n))).toHaveLength(1);
  }
  await b.d.shell.setLang('zh-CN');
  await wb.tab('stock');
  await expect(b.page.getByTestId('wh-overdrawn')).toContainText('低于零');
  await b.page.screenshot({ path: 'screenshots/warehouse-overdrawn-zh-CN.png' });
  await wb.tab('slips');
  await b.page.screenshot({ path: 'screenshots/warehouse-slips-zh-CN.png', fullPage: true });
  await a.context.close();
  await b.context.close();
});

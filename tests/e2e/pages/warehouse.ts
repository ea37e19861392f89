// Page object for the team warehouse (W1): every selector is a data-testid the UI promises.
import { expect, type Page } from '../fixtures';
import { Shell } from './shell';

export type Line = [item: string, qty: string];
export type NewSlip = {
  kind: 'receipt' | 'issue';
  party?: 'supplier' | 'customer' | 'event' | 'rep';
  counterparty: string;
  lines: Line[];
  note?: string;
};

export class WarehousePage {
  readonly shell: Shell;
  constructor(readonly page: Page) {
    this.shell = new Shell(page);
  }

  async tab(slug: 'stock' | 'slips' | 'ledger' | 'reports' | 'stocktake') {
    await this.shell.nav('warehouse').click();
    await this.page.getByTestId(`wh-tab-${slug}`).click();
  }

  async addItem(name: string, spec: string, unit: string) {
    await this.tab('stock');
    await this.page.getByTestId('wh-item-name').fill(name);
    await this.page.getByTestId('wh-item-spec').fill(spec);
    await this.page.getByTestId('wh-item-unit').fill(unit);
    await this.page.getByTestId('wh-item-save').click();
    await expect(this.page.getByTestId('wh-stock-row').filter({ hasText: name })).toBeVisible();
  }

  level(label: string) {
    return this.page.getByTestId('wh-stock-row').filter({ hasText: label }).getByTestId('wh-level');
  }

  /** Fills the slip form and saves it; the caller checks the outcome. */
  async fillSlip(s: NewSlip) {
    await this.tab('slips');
    await this.page.getByTestId('wh-kind').selectOption(s.kind);
    await this.page.getByTestId('wh-party').selectOption(s.party ?? (s.kind === 'receipt' ? 'supplier' : 'customer'));
    await this.page.getByTestId('wh-counterparty').fill(s.counterparty);
    for (const [i, [item, qty]] of s.lines.entries()) {
      if (i > 0) await this.page.getByTestId('wh-add-line').click();
      const line = this.page.getByTestId('wh-line').nth(i);
      await line.getByTestId('wh-line-item').selectOption({ label: item });
      await line.getByTestId('wh-line-qty').fill(qty);
    }
    if (s.note) await this.page.getByTestId('wh-note').fill(s.note);
    await this.page.getByTestId('wh-slip-save').click();
  }

  /** Writes a slip and returns the number it was given. */
  async writeSlip(s: NewSlip): Promise<string> {
    await this.fillSlip(s);
    const saved = this.page.getByTestId('wh-saved-number');
    await expect(saved).toHaveText(/^(RK|CK)-[0-9A-Z]{6}-\d{6}$/);
    return (await saved.textContent()) ?? '';
  }

  /** Every slip number in the list, sorted. */
  async numbers(): Promise<string[]> {
    await this.tab('slips');
    return (await this.page.getByTestId('wh-slip-number').allTextContents()).sort();
  }
}

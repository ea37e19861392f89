// Page object for territory assignment (seed 002): the table in Settings, the pool's
// "By territory" tab, the files for marketing under the review queue, and the
// key-account filter of the customer list. Every selector is a data-testid.
import { expect, type Page } from '../fixtures';

export class TerritoryPage {
  constructor(readonly page: Page) {}

  card() { return this.page.getByTestId('territory-settings'); }
  rows() { return this.page.getByTestId('territory-row'); }
  error() { return this.page.getByTestId('territory-error'); }

  async openSettings() {
    await this.page.getByTestId('nav-settings').click();
    await expect(this.card()).toBeVisible();
  }

  /** Adds a row naming `region` and ticks `reps` (by their names). */
  async addRow(region: string, reps: string[]) {
    await this.page.getByTestId('territory-add').click();
    const row = this.rows().last();
    await row.getByTestId('territory-region').fill(region);
    for (const r of reps) await row.locator('label', { hasText: r }).getByTestId('territory-rep').check();
  }

  async removeRow(i: number) {
    await this.rows().nth(i).getByTestId('territory-remove').click();
  }

  async save() {
    await this.page.getByTestId('territory-save').click();
  }

  async openAssign() {
    await this.page.getByTestId('nav-pool').click();
    await this.page.getByTestId('pool-tab-territory').click();
    await expect(this.page.getByTestId('territory-assign')).toBeVisible();
  }

  lines() { return this.page.getByTestId('territory-line'); }
  manual() { return this.page.getByTestId('territory-manual'); }
  assignAll() { return this.page.getByTestId('territory-assign-all'); }

  async openForMarketing() {
    await this.page.getByTestId('nav-pool').click();
    await this.page.getByTestId('pool-tab-review').click();
    await expect(this.page.getByTestId('for-marketing')).toBeVisible();
  }

  toSend() { return this.page.getByTestId('for-marketing-row'); }
}

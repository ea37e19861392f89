// Page object for the incentives page: every selector is a data-testid the UI promises.
import { expect, type Page } from '../fixtures';

export class IncentivesPage {
  constructor(readonly page: Page) {}

  async open() {
    await this.page.getByTestId('nav-incentives').click();
    await expect(this.page.getByTestId('incentives-page')).toBeVisible();
  }

  async month(m: string) {
    await this.page.getByTestId('incentives-month').fill(m);
    await expect(this.page.getByTestId('incentives-month')).toHaveValue(m);
  }

  async choose(name: string, content: string) {
    await this.page.getByTestId('incentives-file').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(content, 'utf8') });
  }

  badRow(line: number) { return this.page.locator(`[data-testid="incentives-bad-row"][data-line="${line}"]`); }

  async store() {
    await this.page.getByTestId('incentives-store').click();
    await expect(this.page.getByTestId('incentives-message')).toBeVisible();
  }

  async tab(which: 'stations' | 'maintainers' | 'heads') {
    await this.page.getByTestId(`incentives-tab-${which}`).click();
  }

  statement(payee: string) { return this.page.locator(`[data-testid="statement"][data-payee="${payee}"]`); }

  /** The line of a statement whose item text contains `item`. */
  line(payee: string, item: string) {
    return this.statement(payee).getByTestId('statement-line').filter({ has: this.page.getByTestId('line-item').filter({ hasText: item }) });
  }

  /** A payout step of a track (I7), e.g. `step('Stations', 'FinancePays')`. */
  step(track: 'Stations' | 'Branches', step: string) {
    return this.page.locator(`[data-testid="payout-step"][data-track="${track}"][data-step="${step}"]`);
  }

  async markDone(track: 'Stations' | 'Branches', step: string) {
    await this.step(track, step).getByTestId('payout-mark').click();
    await expect(this.step(track, step)).toHaveAttribute('data-state', 'done');
  }

  /** Opens the hand-entry form and fills the given fields (by column code). */
  async enterStation(fields: Record<string, string>) {
    const form = this.page.getByTestId('station-form');
    if (!(await form.evaluate((e) => (e as HTMLDetailsElement).open))) await form.locator('summary').click();
    for (const [code, value] of Object.entries(fields)) {
      const el = form.getByTestId(`sf-${code}`);
      if ((await el.evaluate((e) => e.tagName)) === 'SELECT') await el.selectOption(value);
      else await el.fill(value);
    }
    await form.getByTestId('sf-save').click();
    await expect(form.getByTestId('sf-message')).toBeVisible();
  }
}

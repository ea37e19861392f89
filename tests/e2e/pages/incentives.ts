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
}

// Page object for orders, payments, the delivery slip and the finance queue (O1–O4):
// every selector is a data-testid the UI promises.
import { expect, type Page } from '../fixtures';
import { revealSection, showSection } from './customers';

/** Today and `days` later as YYYY-MM-DD in the team's default time zone (UTC+8). */
export function teamDate(days = 0): string {
  return new Date(Date.now() + 8 * 3600_000 + days * 86_400_000).toISOString().slice(0, 10);
}

/** A 768×1024 screenshot with the element scrolled to the top of the view (its
 * customer-page tab shown first, if it is on one). */
export async function shot(page: Page, testId: string, file: string) {
  await revealSection(page, page.getByTestId(testId));
  await page.getByTestId(testId).first().evaluate((e) => e.scrollIntoView({ block: 'start' }));
  await page.evaluate(() => window.scrollBy(0, -70));
  await page.screenshot({ path: `screenshots/${file}` });
}

export class OrdersPage {
  constructor(readonly page: Page) {}

  async addProduct(name: string, unit: string, price: string, line = '') {
    await this.page.getByTestId('nav-settings').click();
    const form = this.page.getByTestId('product-form');
    await form.getByTestId('product-name').fill(name);
    await form.getByTestId('product-unit').fill(unit);
    if (line) await form.getByTestId('product-line-input').fill(line);
    await form.getByTestId('product-price').fill(price);
    await form.getByTestId('product-add').click();
    await expect(this.page.getByTestId('product-row').filter({ hasText: name })).toBeVisible();
  }

  /** Opens the new-order form on the customer page now shown. */
  async startOrder() {
    await showSection(this.page, 'money');
    await this.page.getByTestId('order-new').click();
    await expect(this.page.getByTestId('order-form')).toBeVisible();
  }

  async setLine(i: number, product: string, qty: string, discount = '') {
    const line = this.page.getByTestId('order-line').nth(i);
    await line.getByTestId('ol-product').selectOption({ label: product });
    await line.getByTestId('ol-qty').fill(qty);
    await line.getByTestId('ol-qty').press('Tab');
    if (discount) {
      await this.page.getByTestId('order-line').nth(i).getByTestId('ol-discount').fill(discount);
      await this.page.getByTestId('order-line').nth(i).getByTestId('ol-discount').press('Tab');
    }
  }

  order(n = 0) {
    return this.page.getByTestId('order-row').nth(n);
  }

  async openOrder(n = 0) {
    await showSection(this.page, 'money');
    const row = this.order(n);
    if (!(await row.getByTestId('order-body').isVisible())) await row.getByTestId('order-open').click();
    await expect(row.getByTestId('order-body')).toBeVisible();
    return row;
  }

  async recordPayment(amount: string, paidOn: string, orderIndex = 1) {
    await showSection(this.page, 'money');
    const f = this.page.getByTestId('payment-form');
    await f.getByTestId('pay-order').selectOption({ index: orderIndex });
    await f.getByTestId('pay-amount').fill(amount);
    await f.getByTestId('pay-date').fill(paidOn);
    await f.getByTestId('pay-record').click();
    await expect(f.getByTestId('pay-saved')).toBeVisible();
  }

  /** Draws a short zig-zag on a signatory's canvas with the mouse (pointer events). */
  async sign(code: 'warehouse_keeper' | 'warehouse_supervisor' | 'customer', name: string) {
    await showSection(this.page, 'money');
    const pad = this.page.getByTestId(`sig-pad-${code}`);
    await pad.getByTestId(`sig-name-${code}`).fill(name);
    const canvas = pad.getByTestId(`sig-canvas-${code}`);
    // Centred, clear of the sticky header and navigation bar.
    await canvas.evaluate((e) => e.scrollIntoView({ block: 'center' }));
    const box = (await canvas.boundingBox())!;
    const m = this.page.mouse;
    await m.move(box.x + box.width * 0.1, box.y + box.height * 0.6);
    await m.down();
    for (let k = 1; k <= 8; k++) await m.move(box.x + box.width * (0.1 + k * 0.08), box.y + box.height * (k % 2 ? 0.3 : 0.7));
    await m.up();
    await pad.getByTestId(`sig-save-${code}`).click();
    await expect(this.page.getByTestId(`sig-done-${code}`)).toBeVisible();
  }
}

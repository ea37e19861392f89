// Page object for customers and the pool: every selector is a data-testid the UI promises.
import { expect, type Locator, type Page } from '../fixtures';
import { Shell } from './shell';

/** The customer page's sections, one tab each (`#/customers/<id>/<section>`). */
export type Section = 'overview' | 'activities' | 'file' | 'money' | 'service' | 'key-account' | 'applications';

/** Shows a section of the customer page now open (a no-op if it is shown). */
export async function showSection(page: Page, section: Section) {
  const tab = page.getByTestId(`go-${section}`);
  if ((await tab.getAttribute('aria-selected')) !== 'true') await tab.click();
  await expect(tab).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId(`panel-${section}`)).toBeVisible();
}

/** Shows the customer-page section that holds `target`, if it sits in a hidden one. */
export async function revealSection(page: Page, target: Locator) {
  const section = await target.first().evaluate((e) => {
    const panel = e.closest('[role=tabpanel]') as HTMLElement | null;
    return panel && panel.hidden ? panel.dataset.section ?? null : null;
  });
  if (section) await showSection(page, section as Section);
}

export interface NewCustomer {
  name: string;
  contact?: string;
  phone?: string;
  creditCode?: string;
  region?: string;
}

export class CustomersPage {
  readonly shell: Shell;
  constructor(readonly page: Page) {
    this.shell = new Shell(page);
  }

  async openList() {
    await this.shell.nav('customers').click();
    await expect(this.page.getByTestId('customer-tools')).toBeVisible();
  }

  /** Fills the new-customer form and saves; leaves the page on the customer. */
  async create(c: NewCustomer) {
    await this.openList();
    await this.page.getByTestId('customer-new').click();
    await this.fill(c);
    await this.page.getByTestId('cf-save').click();
    await expect(this.page.getByTestId('customer-title')).toHaveText(c.name);
  }

  async fill(c: NewCustomer) {
    await this.page.getByTestId('cf-name').fill(c.name);
    if (c.creditCode !== undefined) await this.page.getByTestId('cf-credit-code').fill(c.creditCode);
    if (c.region !== undefined) await this.page.getByTestId('cf-region').fill(c.region);
    if (c.contact !== undefined) await this.page.getByTestId('cf-contact-name').fill(c.contact);
    if (c.phone !== undefined) await this.page.getByTestId('cf-contact-phone').fill(c.phone);
  }

  /** Opens the filters unless they are open. */
  async showFilters() {
    if (!(await this.page.getByTestId('customer-filters').isVisible())) await this.page.getByTestId('filters-toggle').click();
    await expect(this.page.getByTestId('customer-filters')).toBeVisible();
  }

  async clearFilters() {
    await this.showFilters();
    await this.page.getByTestId('filters-clear').click();
  }

  rows() {
    return this.page.getByTestId('customer-row');
  }

  /** The names the list shows now (the list is virtualised: only rows in view). */
  async names(): Promise<string[]> {
    return (await this.page.getByTestId('customer-row-name').allInnerTexts()).map((s) => s.trim());
  }

  async search(q: string) {
    await this.page.getByTestId('customer-search').fill(q);
  }

  /** Opens a customer from the list: on its overview, or on `section`. */
  async open(name: string, section?: Section) {
    await this.openList();
    await this.search('');
    await this.rows().filter({ hasText: name }).first().click();
    await expect(this.page.getByTestId('customer-title')).toHaveText(name);
    if (section) await this.section(section);
  }

  /** Shows a section of the customer now open. */
  async section(section: Section) {
    await showSection(this.page, section);
  }

  /** Opens the file of the customer now open for editing (its form), unless it is open. */
  async editFile() {
    await this.section('file');
    if (!(await this.page.getByTestId('customer-form').isVisible())) await this.page.getByTestId('cf-edit').click();
    await expect(this.page.getByTestId('customer-form')).toBeVisible();
  }

  owner() {
    return this.page.getByTestId('owner-name');
  }

  /** The file form's credit-warning checkbox (C3: only a manager changes it); see `editFile`. */
  creditFlag() {
    return this.page.getByTestId('cf-credit-flag');
  }

  /** Why the checkbox is read-only, shown to everyone but a manager. */
  creditFlagNote() {
    return this.page.getByTestId('cf-credit-flag-note');
  }

  /** Opens the import page and chooses a CSV file (text, or raw bytes). */
  async chooseImport(name: string, content: string | Buffer) {
    await this.openList();
    await this.page.getByTestId('customer-import').click();
    const buffer = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
    await this.page.getByTestId('import-file').setInputFiles({ name, mimeType: 'text/csv', buffer });
  }

  /** Checks every row of the chosen file; returns the report card. */
  async checkImport() {
    await expect(this.page.getByTestId('import-mapping')).toBeVisible();
    await this.page.getByTestId('import-check').click();
    return this.page.getByTestId('import-report');
  }
}

export class PoolPage {
  constructor(readonly page: Page) {}

  async open() {
    await this.page.getByTestId('nav-pool').click();
  }

  row(name: string) {
    return this.page.getByTestId('pool-row').filter({ hasText: name });
  }

  async claim(name: string) {
    await this.open();
    await this.row(name).getByTestId('pool-claim').click();
    await expect(this.row(name)).toHaveCount(0);
  }
}

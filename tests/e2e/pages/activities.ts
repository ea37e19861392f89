// Page object for activities: the activity log on a customer, visit plans (V2), minutes
// (V5) and the Today page (V6–V8). Every selector is a data-testid the UI promises.
import { expect, type Page } from '../fixtures';
import { Shell } from './shell';
import { showSection } from './customers';

export interface LoggedActivity {
  kind: 'call' | 'visit' | 'meeting' | 'email' | 'sms';
  person?: string;
  title?: string;
  decisionMaker?: boolean;
  needs?: string;
  stage?: string; // VisitStage variant, e.g. 'Opening'
  next?: string;
  /** V1: what the contact was for. */
  purpose?: 'materials' | 'confirm' | 'invitation';
  via?: 'email' | 'post' | 'website';
}

export class ActivitiesPage {
  readonly shell: Shell;
  constructor(readonly page: Page) {
    this.shell = new Shell(page);
  }

  async openPlans() {
    await this.shell.nav('activities').click();
    await this.page.getByTestId('activities-tab-plans').click();
    await expect(this.page.getByTestId('plan-list')).toBeVisible();
  }

  async openMinutes() {
    await this.shell.nav('activities').click();
    await this.page.getByTestId('activities-tab-minutes').click();
    await expect(this.page.getByTestId('minutes-list')).toBeVisible();
  }

  async openToday() {
    await this.shell.nav('today').click();
    await expect(this.page.getByTestId('today-quotas')).toBeVisible();
  }

  async filePlan(day: string, goals: string, customers: string[]) {
    await this.openPlans();
    await this.page.getByTestId('plan-day').fill(day);
    await this.page.getByTestId('plan-goals').fill(goals);
    for (const c of customers) {
      await this.page.getByTestId('plan-customer').filter({ hasText: c }).locator('input').check();
    }
    await this.page.getByTestId('plan-file').click();
    await expect(this.page.getByTestId('plan-filed')).toBeVisible();
  }

  plans() {
    return this.page.getByTestId('plan-row');
  }

  /** V8: a picked customer's row in the plan form's schedule. */
  slot(customer: string) {
    return this.page.locator(`[data-testid=plan-slot][data-customer="${customer}"]`);
  }

  /** V8: sets a picked customer's kind (call or visit) and half of the day. */
  async setSlot(customer: string, kind: 'call' | 'visit', half: 'morning' | 'afternoon') {
    await this.slot(customer).getByTestId('plan-slot-kind').selectOption(kind);
    await this.slot(customer).getByTestId('plan-slot-half').selectOption(half);
    await expect(this.slot(customer)).toHaveAttribute('data-slot', half);
  }

  /** V8: a row of the day plan on Today. */
  dayItem(customer: string) {
    return this.page.locator(`[data-testid=day-item][data-customer="${customer}"]`);
  }

  plan(goals: string) {
    return this.plans().filter({ hasText: goals });
  }

  /** The activity sheet of the customer page that is open. */
  sheet() {
    return this.page.getByTestId('activity-sheet');
  }

  /** Opens the activity sheet from the customer's activities tab, unless it is open. */
  async openSheet() {
    if (!(await this.sheet().isVisible())) {
      await showSection(this.page, 'activities');
      await this.page.getByTestId('act-open').click();
    }
    await expect(this.sheet()).toBeVisible();
  }

  /** Logs an activity on the customer page that is open, in its activity sheet (left
   * open when the form refuses it; closed once it is saved). */
  async log(a: LoggedActivity) {
    await this.openSheet();
    // The purpose picks the kind that fits it; the kind is then set as asked.
    if (a.purpose) await this.page.getByTestId('act-purpose').selectOption(a.purpose);
    if (a.via) await this.page.getByTestId('act-via').selectOption(a.via);
    await this.page.getByTestId(`act-kind-${a.kind}`).click();
    if (a.stage) await this.page.getByTestId('act-stage').selectOption(a.stage);
    if (a.person !== undefined) await this.page.getByTestId('act-person').fill(a.person);
    if (a.title !== undefined) await this.page.getByTestId('act-title').fill(a.title);
    if (a.decisionMaker) await this.page.getByTestId('act-dm').check();
    if (a.needs !== undefined) await this.page.getByTestId('act-needs').fill(a.needs);
    if (a.next !== undefined) await this.page.getByTestId('act-next').fill(a.next);
    await this.page.getByTestId('act-save').click();
  }

  minutes() {
    return this.page.getByTestId('minutes-row');
  }

  quota(i: number) {
    return this.page.getByTestId('quota').nth(i);
  }
}

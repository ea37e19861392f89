// Page object of the Reports page's sales plans (V9), application status report (A1)
// and training record cards.
import { expect, type Locator, type Page } from '@playwright/test';

export class PlansCard {
  readonly card: Locator;
  constructor(readonly page: Page) {
    this.card = page.getByTestId('plans');
  }

  async open() {
    await this.page.getByTestId('nav-reports').click();
    await expect(this.card).toBeVisible();
  }

  /** Writes the goals (measure code → typed amount) and actions, and submits. */
  async submit(goals: Record<string, string>, actions: string) {
    for (const [measure, amount] of Object.entries(goals)) {
      await this.card.getByTestId(`plan-goal-${measure}`).fill(amount);
    }
    await this.card.getByTestId('plan-actions-input').fill(actions);
    await this.card.getByTestId('plan-submit').click();
  }

  mine(): Locator {
    return this.card.getByTestId('my-plan');
  }

  goal(measure: string): Locator {
    return this.mine().locator(`[data-testid="goal"][data-measure="${measure}"]`);
  }

  row(repName: string): Locator {
    return this.card.getByTestId('plan-row').filter({ hasText: repName });
  }
}

export class AppStatusCard {
  readonly card: Locator;
  constructor(readonly page: Page) {
    this.card = page.getByTestId('app-status');
  }
  lines(): Locator {
    return this.card.getByTestId('as-line');
  }
}

export class TrainingCard {
  readonly card: Locator;
  constructor(readonly page: Page) {
    this.card = page.getByTestId('trainings');
  }

  async add(t: { day: string; title: string; topic: string; hours: string; trainer: string }) {
    await this.card.getByTestId('training-day').fill(t.day);
    await this.card.getByTestId('training-title').fill(t.title);
    await this.card.getByTestId('training-topic').fill(t.topic);
    await this.card.getByTestId('training-hours').fill(t.hours);
    await this.card.getByTestId('training-trainer').fill(t.trainer);
    await this.card.getByTestId('training-add').click();
  }
}

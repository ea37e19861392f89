// Page object for the key-account section of the customer page (K1–K3): every selector
// is a data-testid the UI promises.
import { expect, type Page } from '../fixtures';
import { showSection } from './customers';

export type ActivityKind = 'Technical seminar' | 'Industry meeting' | 'Appreciation event' | 'Launch' | 'Tickets';

export interface NewActivity {
  kind: ActivityKind;
  /** YYYY-MM-DD */
  on: string;
  who: string;
  notes?: string;
  /** The theme of the team event it was part of. */
  event?: string;
}

export class KeyAccountsPage {
  constructor(readonly page: Page) {}

  activities() {
    return this.page.getByTestId('ka-activity');
  }

  /** Opens the activity form (if closed) and fills it; does not save. */
  async fillActivity(a: NewActivity) {
    await showSection(this.page, 'key-account');
    if (!(await this.page.getByTestId('ka-activity-form').isVisible())) {
      await this.page.getByTestId('ka-new-activity').click();
    }
    await this.page.getByTestId('kaa-kind').selectOption({ label: a.kind });
    await this.page.getByTestId('kaa-date').fill(a.on);
    await this.page.getByTestId('kaa-who').fill(a.who);
    await this.page.getByTestId('kaa-notes').fill(a.notes ?? '');
    if (a.event !== undefined) await this.page.getByTestId('kaa-event').selectOption({ label: a.event });
  }

  /** Records an activity; waits until it is listed. */
  async record(a: NewActivity) {
    const before = await this.activities().count();
    await this.fillActivity(a);
    await this.page.getByTestId('kaa-save').click();
    await expect(this.page.getByTestId('ka-activity-saved')).toBeVisible();
    await expect(this.activities()).toHaveCount(before + 1);
  }
}

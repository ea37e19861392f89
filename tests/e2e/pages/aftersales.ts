// Page object of market feedback, competitor files and repair jobs (seeds 000/002/003):
// the customer's service tab and the team page `#/aftersales`.
import { expect, type Locator, type Page } from '../fixtures';

export interface NewJob { equipment: string; problem: string; reported: string; promised?: string; assigned?: string; cost?: string }
export interface NewSighting { competitor: string; product: string; price?: string; region?: string; strengths?: string; weaknesses?: string; source?: string }

export class Aftersales {
  constructor(readonly page: Page) {}

  /** The team page on one of its tabs. */
  async openTeam(tab: 'feedback' | 'competitors' | 'repairs' = 'feedback') {
    await this.page.getByTestId('nav-aftersales').click();
    await this.page.getByTestId(`as-tab-${tab}`).click();
    await expect(this.page.getByTestId(`as-tab-${tab}`)).toHaveAttribute('aria-current', 'page');
  }

  card(which: 'feedback' | 'competitors' | 'repairs'): Locator {
    return this.page.getByTestId(which).filter({ visible: true });
  }

  async reportFeedback(dept: string, topic: string, text: string, region?: string) {
    const c = this.card('feedback');
    await c.getByTestId('fb-new').click();
    if (dept) await c.getByTestId('fb-dept').selectOption(dept);
    if (region !== undefined) await c.getByTestId('fb-region').fill(region);
    await c.getByTestId('fb-topic').fill(topic);
    await c.getByTestId('fb-text').fill(text);
    await c.getByTestId('fb-save').click();
  }

  feedbackItems(): Locator {
    return this.card('feedback').getByTestId('fb-item');
  }

  async openJob(j: NewJob) {
    const c = this.card('repairs');
    await c.getByTestId('rj-new').click();
    await c.getByTestId('rj-equipment').fill(j.equipment);
    await c.getByTestId('rj-problem').fill(j.problem);
    await c.getByTestId('rj-reported').fill(j.reported);
    if (j.promised) await c.getByTestId('rj-promised').fill(j.promised);
    if (j.assigned) await c.getByTestId('rj-assigned').fill(j.assigned);
    if (j.cost !== undefined) await c.getByTestId('rj-cost').fill(j.cost);
    await c.getByTestId('rj-save').click();
  }

  jobs(): Locator {
    return this.card('repairs').getByTestId('rj-item');
  }

  async recordSighting(s: NewSighting) {
    const c = this.card('competitors');
    await c.getByTestId('cs-new').click();
    await c.getByTestId('cs-competitor').fill(s.competitor);
    await c.getByTestId('cs-product').fill(s.product);
    if (s.price !== undefined) await c.getByTestId('cs-price').fill(s.price);
    if (s.region !== undefined) await c.getByTestId('cs-region').fill(s.region);
    if (s.strengths) await c.getByTestId('cs-strengths').fill(s.strengths);
    if (s.weaknesses) await c.getByTestId('cs-weaknesses').fill(s.weaknesses);
    if (s.source) await c.getByTestId('cs-source').fill(s.source);
    await c.getByTestId('cs-save').click();
  }
}

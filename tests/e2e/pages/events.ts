// Page object for events (E1–E5) and kiosk mode: every selector is a data-testid the UI promises.
import { expect, type Page } from '../fixtures';
import { Shell } from './shell';

/** The team calendar's default zone, UTC+08:00, in minutes east of UTC. */
export const TEAM_OFFSET_MIN = 480;

/** `ms` as a datetime-local value in the team's time zone (UTC+8 unless Settings says
 * otherwise), which is how the app reads event times whatever the browser's zone. */
export function localInput(ms: number, offsetMin = TEAM_OFFSET_MIN): string {
  const d = new Date(ms + offsetMin * 60_000);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())}T${p(d.getUTCHours())}:${p(d.getUTCMinutes())}`;
}

export type NewEvent = { theme: string; starts: number; ends: number; venue: string; budget?: [string, string, string][] };
export type WalkIn = { name: string; phone: string; relation: 'prospect' | 'existing_owner' | 'friend_of_owner' | 'partner_staff'; children?: [string, string][] };

export class EventsPage {
  readonly shell: Shell;
  constructor(readonly page: Page) {
    this.shell = new Shell(page);
  }

  async openList() {
    await this.shell.nav('events').click();
    await expect(this.page.getByTestId('event-list')).toBeVisible();
  }

  async create(e: NewEvent) {
    await this.openList();
    await this.page.getByTestId('event-new').click();
    await this.page.getByTestId('event-theme').fill(e.theme);
    await this.page.getByTestId('event-starts').fill(localInput(e.starts));
    await this.page.getByTestId('event-ends').fill(localInput(e.ends));
    await this.page.getByTestId('event-venue').fill(e.venue);
    for (const [i, [name, planned, actual]] of (e.budget ?? []).entries()) {
      if (i > 0) await this.page.getByTestId('budget-add').click();
      const line = this.page.getByTestId('budget-line').nth(i);
      await line.getByTestId('budget-name').fill(name);
      await line.getByTestId('budget-planned').fill(planned);
      await line.getByTestId('budget-actual').fill(actual);
    }
    await this.page.getByTestId('event-save').click();
    await expect(this.page.getByTestId('event-title')).toHaveText(e.theme);
  }

  async open(theme: string) {
    await this.openList();
    await this.page.getByTestId('event-row').filter({ hasText: theme }).locator('a').click();
    await expect(this.page.getByTestId('event-title')).toHaveText(theme);
  }

  tab(slug: 'overview' | 'invite' | 'people' | 'stock' | 'report') {
    return this.page.getByTestId(`event-tab-${slug}`);
  }

  async setPin(pin: string) {
    await this.page.getByTestId('pin-new').fill(pin);
    await this.page.getByTestId('pin-again').fill(pin);
    await this.page.getByTestId('pin-save').click();
    await expect(this.page.getByTestId('pin-msg')).toHaveClass(/ok/);
  }

  async startKiosk() {
    await this.tab('overview').click();
    await this.page.getByTestId('kiosk-start').click();
    await expect(this.page.getByTestId('kiosk')).toBeVisible();
  }

  async leaveKiosk(pin: string) {
    await this.page.getByTestId('kiosk-exit').click();
    await this.page.getByTestId('kiosk-pin-input').fill(pin);
    await this.page.getByTestId('kiosk-pin-ok').click();
    await expect(this.page.getByTestId('app-shell')).toBeVisible();
  }

  kioskTab(slug: 'checkin' | 'walkin' | 'chips' | 'prizes' | 'survey') {
    return this.page.getByTestId(`kiosk-tab-${slug}`);
  }

  /** Fills the walk-in form (kiosk › Walk-in) without submitting it. */
  async fillWalkIn(w: WalkIn) {
    const f = this.page.getByTestId('walk-in');
    await f.getByTestId('walk-in-name').fill(w.name);
    await f.getByTestId('walk-in-phone').fill(w.phone);
    await f.getByTestId(`relation-${w.relation}`).check();
    for (const [i, [name, age]] of (w.children ?? []).entries()) {
      await f.getByTestId('child-add').click();
      const line = f.getByTestId('child-line').nth(i);
      await line.getByTestId('child-name').fill(name);
      await line.getByTestId('child-age').fill(age);
    }
  }

  async register() {
    await this.page.getByTestId('walk-in-save').click();
  }

  async pick(name: string) {
    await this.page.getByTestId('picker-search').fill(name);
    await this.page.getByTestId('picker-option').filter({ hasText: name }).first().click();
  }

  async award(name: string, station: string, chips: number) {
    await this.kioskTab('chips').click();
    await this.pick(name);
    await this.page.getByTestId('chips-station').fill(station);
    await this.page.getByTestId('chips-count').fill(String(chips));
    await this.page.getByTestId('chips-award').click();
    await expect(this.page.getByTestId('chips-msg')).toHaveClass(/ok/);
  }

  async redeem(name: string, prize: string, chips: number) {
    await this.kioskTab('prizes').click();
    await this.pick(name);
    await this.page.getByTestId('prize-item').selectOption(prize);
    await this.page.getByTestId('prize-chips').fill(String(chips));
    await this.page.getByTestId('prize-redeem').click();
  }

  participantRows() {
    return this.page.getByTestId('participant-row');
  }
}

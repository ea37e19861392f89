// Recovery files (issue 15): a person saves their profile and signing key under a
// passphrase on one tablet and restores them on a new one, signing as the same person;
// a weak, mistyped or wrong passphrase is refused with why.
import { expect, test } from './fixtures';
import { device } from './pages/team';

const PASS = 'kite day at the plaza';

test('a recovery file brings a person and their signing key to a new tablet', async ({ browser }) => {
  const a = await device(browser, 'Li');
  await a.page.setViewportSize({ width: 768, height: 1024 });
  await a.d.shell.open();
  await a.d.shell.setLang('en');
  await a.d.shell.createProfile('Li Ming');
  await a.d.openSettings();
  const card = a.page.getByTestId('recovery');
  const key = await card.getByTestId('my-key').getAttribute('data-key');
  expect(key).toMatch(/^[A-Za-z0-9_-]{43}$/);

  await card.getByTestId('recovery-pass').fill('short');
  await card.getByTestId('recovery-pass2').fill('short');
  await card.getByTestId('recovery-save').click();
  await expect(card.getByTestId('recovery-error')).toContainText('at least 10 characters');
  await card.getByTestId('recovery-pass').fill(PASS);
  await card.getByTestId('recovery-pass2').fill(`${PASS}!`);
  await card.getByTestId('recovery-save').click();
  await expect(card.getByTestId('recovery-error')).toContainText('differ');
  await card.getByTestId('recovery-pass2').fill(PASS);
  const [download] = await Promise.all([a.page.waitForEvent('download'), card.getByTestId('recovery-save').click()]);
  await expect(card.getByTestId('recovery-saved')).toBeVisible();
  // The same text as a printable code, for a tablet with a camera.
  await expect(card.getByTestId('recovery-qr').locator('svg')).toBeVisible();
  expect(download.suggestedFilename()).toBe('outpost-recovery-Li Ming.json');
  const file = await download.path();
  const text = (await import('node:fs')).readFileSync(file, 'utf8');
  expect(JSON.parse(text)).toMatchObject({ format: 'outpost.recovery', version: 1, key });
  await card.screenshot({ path: 'screenshots/settings-recovery-en.png' });

  // A new tablet: restore instead of making a new profile.
  const b = await device(browser, 'New tablet');
  await b.page.setViewportSize({ width: 768, height: 1024 });
  await b.d.shell.open();
  await b.d.shell.setLang('en');
  const restore = b.page.getByTestId('recovery-restore');
  await restore.getByTestId('recovery-restore-go').click();
  await expect(restore.getByTestId('recovery-restore-error')).toContainText('Choose the recovery file');
  await restore.getByTestId('recovery-file').setInputFiles(file);
  await restore.getByTestId('recovery-restore-pass').fill('kite day at the beach');
  await restore.getByTestId('recovery-restore-go').click();
  await expect(restore.getByTestId('recovery-restore-error')).toContainText('Wrong passphrase');
  await b.page.screenshot({ path: 'screenshots/first-run-restore-en.png', fullPage: true });
  await restore.getByTestId('recovery-restore-pass').fill(PASS);
  await restore.getByTestId('recovery-restore-go').click();
  await expect(b.d.shell.shell()).toBeVisible();
  await expect(b.d.shell.switcher()).toHaveText('Li Ming');
  await b.d.openSettings();
  await expect(b.page.getByTestId('recovery').getByTestId('my-key')).toHaveAttribute('data-key', key!);

  // A file that is not a recovery file is named as such.
  const c = await device(browser, 'Third tablet');
  await c.d.shell.open();
  await c.d.shell.setLang('en');
  await c.page.getByTestId('recovery-file').setInputFiles({ name: 'customers.csv', mimeType: 'text/csv', buffer: Buffer.from('name,phone\nAcme,123\n') });
  await c.page.getByTestId('recovery-restore-pass').fill(PASS);
  await c.page.getByTestId('recovery-restore-go').click();
  await expect(c.page.getByTestId('recovery-restore-error')).toContainText('not an Outpost recovery file');
  for (const t of [a, b, c]) await t.context.close();
});

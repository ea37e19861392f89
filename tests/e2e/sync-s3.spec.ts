// A team on S3-compatible object storage (issue 19), against npm @20minutes/s3rver on
// 127.0.0.1 (it checks every AWS Signature V4; another origin, with the bucket's CORS
// rule): the Settings form checks the bucket by a signed round trip before it stores a
// team, and says what is wrong in words; the bucket's settings and key travel sealed in
// the invite link (protected by its passphrase when the link is); two tablets converge;
// the bucket holds ciphertext only.
import { expect, test } from './fixtures';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { filesUnder, startS3rver, stopServer } from './servers';
import { tablet } from './pages/team';
import { freePort } from './hosts';
import { bucketForm as form, fillBucket } from './pages/bucket';

test('two tablets converge through an S3 bucket; the link carries its key sealed; the bucket holds ciphertext only', async ({ browser }) => {
  const s3 = await startS3rver();
  try {
    const a = await tablet(browser, 'Rep A');
    await a.d.openSettings();
    await fillBucket(a.page, form(s3, 'teams/north'));
    await a.page.getByTestId('bucket-submit').click();
    await expect(a.d.phase()).toHaveAttribute('data-phase', 'done', { timeout: 20_000 });
    await expect(a.page.getByTestId('sync-host')).toHaveText(`${s3.endpoint}/${s3.bucket}/teams/north/`);
    await expect(a.page.getByTestId('sync-bucket')).toContainText(s3.bucket);
    await a.d.addCustomer('Kite Works S3');
    // A publishes it before B joins (the test is about the bucket, not the edit's timer).
    expect(await a.d.syncNow()).toBe('done');

    // The plain link names the folder and carries the settings sealed (b=), never in clear.
    const plain = await a.d.inviteLink();
    expect(plain).toContain('&b=');
    for (const clear of [s3.secret, encodeURIComponent(s3.secret), s3.accessKey]) expect(plain).not.toContain(clear);
    // B joins by the protected link: without the passphrase, the bucket's key is out of reach.
    await a.page.getByTestId('invite-passphrase').fill('kite day 2026');
    await a.page.getByTestId('invite-protect').click();
    await expect(a.page.getByTestId('invite-protected')).toBeVisible();
    const link = await a.page.getByTestId('invite-link').inputValue();
    expect(link).toContain('&w=');
    expect(link).toContain('&b=');

    const b = await tablet(browser, 'Rep B', link);
    await b.page.goto(link);
    await expect(b.page.getByTestId('join')).toBeVisible();
    // No WebDAV login to type: the bucket's key is in the link.
    await expect(b.page.locator('[data-testid=join] details.login')).toBeHidden();
    await b.page.getByTestId('join-passphrase').fill('kite day 2026');
    await b.page.getByTestId('join-confirm').click();
    await expect(b.d.phase()).toHaveAttribute('data-phase', 'done', { timeout: 20_000 });
    await expect(b.page.getByTestId('sync-bucket')).toContainText(s3.bucket);
    await b.d.addCustomer('Plaza Games S3');

    expect(await b.d.syncNow()).toBe('done');
    expect(await a.d.syncNow()).toBe('done');
    const onA = await a.d.customers();
    expect(onA).toEqual(['Kite Works S3', 'Plaza Games S3']);
    expect(await b.d.customers()).toEqual(onA);
    for (const t of [a, b]) {
      await t.d.openSettings();
      await expect(t.page.getByTestId('sync-unsynced')).toHaveText('0');
      await expect(t.page.getByTestId('sync-rejected')).toHaveCount(0);
    }

    // Both devices' heads are in the team's folder, found by ListObjectsV2 with a prefix.
    const files = filesUnder(s3.dir);
    const heads = files.filter((f) => /teams\/north\/devices\/[^/]+\/head\.json/.test(f));
    expect(heads.length).toBeGreaterThanOrEqual(2);
    // Nothing readable in the bucket: no customer name, no key, no secret.
    for (const f of files.filter((f) => f.includes('teams/north/') && !f.endsWith('metadata.json'))) {
      const bytes = fs.readFileSync(path.join(s3.dir, f)).toString('latin1');
      for (const clear of ['Kite Works', 'Plaza Games', 'Rep A', 'Rep B', s3.secret]) {
        expect(bytes.includes(clear), `${f} contains ${clear}`).toBe(false);
      }
    }
    await a.context.close();
    await b.context.close();
  } finally {
    await stopServer(s3);
  }
});

test('the bucket form checks the settings by a round trip and says what is wrong, keeping what was typed', async ({ browser }) => {
  const s3 = await startS3rver();
  try {
    const t = await tablet(browser, 'Rep C');
    await t.d.openSettings();
    const page = t.page;

    // A setting that cannot be right is named on its field before anything is sent.
    await fillBucket(page, { ...form(s3, 'teams/east'), bucket: 'No_Such_Bucket' });
    await page.getByTestId('bucket-submit').click();
    await expect(page.getByTestId('bucket-name-error')).toContainText('lower-case');

    // A wrong secret: the bucket refuses the signature, in words.
    await page.getByTestId('bucket-name').fill(s3.bucket);
    await page.getByTestId('bucket-secret').fill('not-the-secret');
    await page.getByTestId('bucket-submit').click();
    await expect(page.getByTestId('bucket-error')).toContainText('secret key is wrong');
    await page.screenshot({ path: 'screenshots/settings-bucket-en.png', fullPage: true });
    // An access key the bucket does not know.
    await page.getByTestId('bucket-access-key').fill('NOBODYKNOWSME');
    await page.getByTestId('bucket-submit').click();
    await expect(page.getByTestId('bucket-error')).toContainText('does not know this access key');
    // A bucket that does not exist has no CORS rule either, so the browser hides the
    // host's answer: the sentence names the bucket name among what to check.
    await page.getByTestId('bucket-access-key').fill(s3.accessKey);
    await page.getByTestId('bucket-secret').fill(s3.secret);
    await page.getByTestId('bucket-name').fill('no-such-bucket');
    await page.getByTestId('bucket-submit').click();
    await expect(page.getByTestId('bucket-error')).toContainText('the bucket name');
    // Nothing is stored while the settings fail: still no team, and every field kept.
    await expect(page.getByTestId('sync-no-team')).toBeVisible();
    await expect(page.getByTestId('bucket-endpoint')).toHaveValue(s3.endpoint);
    await expect(page.getByTestId('bucket-prefix')).toHaveValue('teams/east');

    // Fixed: the team is stored and syncs.
    await page.getByTestId('bucket-name').fill(s3.bucket);
    await page.getByTestId('bucket-submit').click();
    await expect(t.d.phase()).toHaveAttribute('data-phase', 'done', { timeout: 20_000 });
    await expect(page.getByTestId('sync-host')).toHaveText(`${s3.endpoint}/${s3.bucket}/teams/east/`);

    // A link whose sealed settings were changed is refused on the join page, with a reason.
    const link = await t.d.inviteLink();
    const b = new URLSearchParams(link.split('?')[1]).get('b')!;
    const broken = link.replace(`b=${b}`, `b=${b.slice(0, -6)}AAAAAA`);
    const other = await tablet(browser, 'Rep D', broken);
    await other.page.goto(broken);
    await other.page.getByTestId('join-confirm').click();
    await expect(other.page.getByTestId('join-error')).toContainText('bucket settings in the link cannot be read');
    await expect(other.page.getByTestId('sync-host')).toHaveCount(0);
    await t.context.close();
    await other.context.close();
  } finally {
    await stopServer(s3);
  }
});

test('an unreachable bucket endpoint is said as such, with the CORS hint', async ({ browser }) => {
  const t = await tablet(browser, 'Rep E');
  await t.d.openSettings();
  // A free port: nothing listens on it.
  const port = await freePort();
  await fillBucket(t.page, { endpoint: `http://127.0.0.1:${port}`, bucket: 'outpost-e2e', prefix: 'x', accessKey: 'K', secret: 'S' });
  await t.page.getByTestId('bucket-submit').click();
  await expect(t.page.getByTestId('bucket-error')).toContainText('CORS');
  await t.d.shell.setLang('zh-CN');
  await expect(t.page.getByTestId('bucket-error')).toContainText('连不上存储桶');
  await t.page.screenshot({ path: 'screenshots/settings-bucket-zh-CN.png', fullPage: true });
  await expect(t.page.getByTestId('sync-no-team')).toBeVisible();
  await t.context.close();
});

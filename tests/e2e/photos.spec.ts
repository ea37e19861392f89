// Document photos (C1) end to end: taken offline and stored first, synced as sealed
// files beside the chunks (S3), shown on the other tablet; a file that cannot be
// fetched waits with a reason and arrives on a later sync; removal is a tombstone.
import { expect, test } from './fixtures';
import { clearHost, hostFiles, SyncPage } from './pages/sync';
import { teamOfTwo } from './pages/team';
import { CustomersPage } from './pages/customers';
import { makePng, PhotosCard, sha256 } from './pages/photos';

test.beforeEach(() => clearHost());


const CUSTOMER = '张三五金有限公司';

test('a licence photographed offline reaches the other tablet as the same image; the host holds only ciphertext', async ({ browser }) => {
  const { a, b } = await teamOfTwo(browser);
  const png = await makePng(a.page, 320, 200, 'LICENCE 91350100M000100Y43');
  const hash = sha256(png);

  await a.context.setOffline(true);
  await a.c.create({ name: CUSTOMER });
  await a.photos.show();
  await expect(a.photos.card()).toBeVisible();
  await expect(a.page.getByTestId('photos-empty')).toBeVisible();
  await a.photos.attach(png, 'licence', 'licence.png');
  // Stored on the tablet first: the thumbnail shows with no network at all.
  await expect(a.photos.images()).toHaveCount(1);
  await expect(a.photos.images().first()).toHaveAttribute('data-hash', hash);
  expect(await a.photos.naturalSize()).toEqual([320, 200]);
  expect(await a.photos.shownHash()).toBe(hash);
  await expect(a.photos.tiles().first()).toContainText('Business licence');

  await a.context.setOffline(false);
  expect(await a.d.syncNow()).toBe('done');
  await expect(a.page.getByTestId('sync-unsynced')).toHaveText('0');

  // S3: the photo travelled as its own sealed file; nothing on the host is readable.
  // Its file is named by a keyed hash only the team can compute, so nobody listing the
  // host can check whether the team holds an image they know (its SHA-256 is nowhere).
  const files = hostFiles();
  const blobFiles = [...files.keys()].filter((p) => p.includes('/blobs/'));
  expect(blobFiles).toHaveLength(1);
  expect(blobFiles[0]).toMatch(/\/blobs\/[0-9a-f]{64}\.bin$/);
  const middle = png.subarray(png.length / 2, png.length / 2 + 48);
  for (const [p, bytes] of files) {
    expect(p.includes(hash), `${p} is named by the photo's SHA-256`).toBe(false);
    expect(bytes.includes(Buffer.from(hash)), `${p} holds the photo's SHA-256`).toBe(false);
    expect(bytes.includes(png), `${p} holds the PNG`).toBe(false);
    expect(bytes.includes(middle), `${p} holds part of the PNG`).toBe(false);
    expect(bytes.includes(Buffer.from('IHDR')), `${p} holds a PNG header`).toBe(false);
    expect(bytes.toString('utf8').includes('张三五金'), `${p} names the customer`).toBe(false);
  }

  expect(await b.d.syncNow()).toBe('done');
  await b.c.open(CUSTOMER, 'file');
  await expect(b.photos.images()).toHaveCount(1);
  await expect(b.photos.images().first()).toHaveAttribute('data-hash', hash);
  expect(await b.photos.naturalSize()).toEqual([320, 200]);
  expect(await b.photos.shownHash()).toBe(hash);

  // Tap to view large, then close.
  await b.page.getByTestId('photo-open').click();
  await expect(b.page.getByTestId('photo-viewer')).toBeVisible();
  await b.page.getByTestId('photo-viewer-close').click();
  await expect(b.page.getByTestId('photo-viewer')).toHaveCount(0);
  await b.page.screenshot({ path: 'screenshots/customer-photos-en.png', fullPage: true });
  await a.context.close();
  await b.context.close();
});

test('a photo whose file is refused waits for sync with a reason, arrives later, and its removal asks first and syncs', async ({ browser }) => {
  const { a, b } = await teamOfTwo(browser);
  await a.c.create({ name: 'Lakeside Trading' });
  const png = await makePng(a.page, 240, 160, 'CARD Wang Wu');
  await a.photos.attach(png, 'card', 'card.png');
  await expect(a.photos.images()).toHaveCount(1);
  expect(await a.d.syncNow()).toBe('done');

  // The host serves garbage for the photo: the records still sync, the photo waits.
  const blobs = '**/sync/devices/*/blobs/*.bin';
  await b.page.route(blobs, (route) => route.fulfill({ status: 200, body: '<html>proxy error</html>' }));
  expect(await b.d.syncNow()).toBe('done');
  await b.c.open('Lakeside Trading', 'file');
  await expect(b.photos.waiting()).toHaveText('waiting for sync');
  await expect(b.page.getByTestId('photo-failure')).toContainText('refused');
  await expect(b.photos.images()).toHaveCount(0);
  await b.page.unroute(blobs);

  expect(await b.d.syncNow()).toBe('done');
  await b.c.open('Lakeside Trading', 'file');
  await expect(b.photos.images()).toHaveCount(1);
  expect(await b.photos.shownHash()).toBe(sha256(png));
  await expect(b.page.getByTestId('photo-failure')).toHaveCount(0);

  // Removing asks first; cancelling keeps it.
  await b.photos.tiles().first().getByTestId('photo-remove').click();
  await expect(b.page.getByTestId('photo-remove-warning')).toContainText('other devices');
  await b.photos.tiles().first().getByRole('button', { name: 'Cancel' }).click();
  await expect(b.photos.images()).toHaveCount(1);
  await b.photos.remove();
  await expect(b.photos.tiles()).toHaveCount(0);
  await expect(b.page.getByTestId('photos-empty')).toBeVisible();
  expect(await b.d.syncNow()).toBe('done');

  expect(await a.d.syncNow()).toBe('done');
  await a.c.open('Lakeside Trading', 'file');
  await expect(a.page.getByTestId('photos-empty')).toBeVisible();
  await expect(a.photos.tiles()).toHaveCount(0);
  await a.context.close();
  await b.context.close();
});

test('a large photo is downscaled to 1600 px on its long side before it is stored', async ({ page }) => {
  const d = new SyncPage(page);
  const photos = new PhotosCard(page);
  await d.shell.open();
  await d.shell.setLang('zh-CN');
  await d.shell.createProfile('Rep Big');
  const big = await makePng(page, 3200, 2400, 'BUSINESS LICENCE');
  await new CustomersPage(page).create({ name: '李四建材' });
  await photos.attach(big, 'other', 'big.png');
  await expect(photos.images()).toHaveCount(1);
  expect(await photos.naturalSize()).toEqual([1600, 1200]);
  const stored = await photos.images().first().getAttribute('data-hash');
  expect(stored).not.toBe(sha256(big)); // re-encoded, not the 3200 px original
  expect(await photos.shownHash()).toBe(stored);
  await expect(photos.tiles().first()).toContainText('其他');
  await page.screenshot({ path: 'screenshots/customer-photos-zh-CN.png', fullPage: true });
});

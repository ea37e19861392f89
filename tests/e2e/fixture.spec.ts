// The shared fixture itself: a test whose page throws, or whose extra context logs a
// Rust panic, or breaks the Content-Security-Policy, must fail (`test.fail` turns that
// expected failure into a pass).
import { test } from './fixtures';
import { base } from './pages/shell';

test('a page error in the test page fails the test', async ({ page }) => {
  test.fail();
  await page.goto(`${base()}/`);
  await page.evaluate(() => setTimeout(() => { throw new Error('boom'); }, 0));
  await page.waitForTimeout(200);
});

test('a Rust panic logged in a page of another context fails the test', async ({ browser }) => {
  test.fail();
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${base()}/`);
  await page.evaluate(() => console.error('panicked at src/ui/x.rs:1:1:\nTried to access a reactive value that has already been disposed.'));
  await page.waitForTimeout(200);
  await context.close();
});

test('a Content-Security-Policy violation in another context fails the test', async ({ browser }) => {
  test.fail();
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${base()}/`);
  await page.evaluate(() => {
    const s = document.createElement('script');
    s.textContent = '1';
    document.body.append(s);
  });
  await page.waitForTimeout(200);
  await context.close();
});

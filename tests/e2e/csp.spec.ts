// The app's Content-Security-Policy (scripts/csp-meta.mjs, src/ui/state/csp.rs): the
// app runs a whole sync round under it with no violation (the fixture fails a test on
// any), an inline script injected into the page is blocked, and once a team is set the
// page can reach only its own origin and the team's host.
import { expect, test, type Page } from './fixtures';
import { clearHost } from './pages/sync';
import { teamOfTwo } from './pages/team';
import { base } from './pages/shell';

test.beforeEach(() => clearHost());

/** The policies the page enforces, from its <meta> tags. */
async function metaPolicies(page: Page): Promise<string[]> {
  return page.locator('meta[http-equiv="Content-Security-Policy"]').evaluateAll((els) => els.map((e) => e.getAttribute('content') ?? ''));
}

test('the app syncs two tablets under its policy without a single violation', async ({ browser, request }) => {
  const res = await request.get(`${base()}/`);
  expect(res.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
  const { a, b } = await teamOfTwo(browser);
  const [basePolicy] = await metaPolicies(a.page);
  expect(basePolicy).toMatch(/script-src 'self' 'wasm-unsafe-eval' 'sha256-[A-Za-z0-9+/=]{44}'(;|$)/);
  const scriptSrc = basePolicy.split(';').find((d) => d.trim().startsWith('script-src '))!;
  expect(scriptSrc).not.toContain('unsafe-inline');
  expect(basePolicy).toContain("style-src 'self'");
  expect(basePolicy).toContain("img-src 'self' data: blob:");
  await a.d.addCustomer('Policy Kites', '13700002222');
  expect(await a.d.syncNow()).toBe('done');
  expect(await b.d.syncNow()).toBe('done');
  expect(await b.d.customers()).toEqual(expect.arrayContaining([expect.stringContaining('Policy Kites')]));
  // Each tablet pinned its connections to the team's host (here the app's own origin).
  for (const t of [a, b]) {
    await expect(t.page.getByTestId('csp-connect')).toHaveAttribute('content', `connect-src 'self' blob: ${base()}`);
  }
  await a.context.close();
  await b.context.close();
});

test.describe('violations on purpose', () => {
  test.use({ cspViolationsExpected: true });

  test('an inline script injected into the page does not run', async ({ page }) => {
    const violations: string[] = [];
    page.on('console', (m) => { if (/CSP violation/.test(m.text())) violations.push(m.text()); });
    await page.goto(`${base()}/`);
    await expect(page.getByTestId('first-run')).toBeVisible();
    await page.evaluate(() => {
      const s = document.createElement('script');
      s.textContent = "window.__injected = 'ran'";
      document.body.append(s);
      const img = document.createElement('img');
      img.setAttribute('src', 'x:');
      img.setAttribute('onerror', "window.__handler = 'ran'");
      document.body.append(img);
    });
    await expect.poll(() => violations.filter((v) => v.includes('script-src')).length).toBeGreaterThanOrEqual(2);
    expect(await page.evaluate(() => [(window as any).__injected, (window as any).__handler])).toEqual([undefined, undefined]);
  });

  test('with a team set, the page cannot connect anywhere but its origin and the team host', async ({ browser }) => {
    const { a, b } = await teamOfTwo(browser);
    await a.page.reload();
    await expect(a.page.getByTestId('csp-connect')).toHaveCount(1);
    const violations: string[] = [];
    a.page.on('console', (m) => { if (/CSP violation: connect-src/.test(m.text())) violations.push(m.text()); });
    const tryFetch = (url: string) => a.page.evaluate((u) => fetch(u, { mode: 'no-cors' }).then(() => 'fetched', () => 'refused'), url);
    // The team host (same origin here) answers ...
    expect(await tryFetch(`${base()}/sync/devices/`)).toBe('fetched');
    // ... another origin is refused by the policy, not by the network.
    expect(await tryFetch('http://127.0.0.2:9/exfiltrate')).toBe('refused');
    await expect.poll(() => violations.length).toBe(1);
    expect(violations[0]).toContain('127.0.0.2');
    await a.context.close();
    await b.context.close();
  });
});

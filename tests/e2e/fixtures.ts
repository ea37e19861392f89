// The `test` and `expect` every spec imports instead of '@playwright/test'. It fails a
// test on any uncaught page error and on any console error that is a Rust panic, in
// every page the test opens: the default context's pages and those of every context the
// test makes itself (`browser.newContext()` / `browser.newPage()`, e.g. two tablets).
// A wasm panic aborts the app (release profile is panic=abort) and everything async
// after it fails with "already borrowed", so a panic must never pass unnoticed. It also
// fails a test on any Content-Security-Policy violation, unless the test expects some.
import { test as base, expect, type Browser, type BrowserContext, type Locator, type Page } from '@playwright/test';

export { expect };
export type { Browser, BrowserContext, Locator, Page };

/** Console errors that mean the wasm panicked or trapped. */
const PANIC = /panicked at|RuntimeError: unreachable|already been disposed|already borrowed/;
/** Console errors that mean the page broke its Content-Security-Policy (Chromium's own
 * "Refused to … Content Security Policy …", and the event the init script reports). */
const CSP = /Content Security Policy|CSP violation/;

/** Reports every `securitypolicyviolation` as a console error, in every page. */
function reportViolations() {
  document.addEventListener('securitypolicyviolation', (e) => {
    console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI || 'inline'}`);
  });
}

export const test = base.extend<{ panicWatch: void; cspViolationsExpected: boolean }>({
  // A spec that breaks the policy on purpose (to show it is enforced) sets this.
  cspViolationsExpected: [false, { option: true }],
  panicWatch: [
    async ({ browser, context, cspViolationsExpected }, use) => {
      const errors: string[] = [];
      const pages = new WeakSet<Page>();
      const contexts = new WeakSet<BrowserContext>();
      const watchPage = (page: Page) => {
        if (pages.has(page)) return;
        pages.add(page);
        page.on('pageerror', (e) => errors.push(`pageerror at ${page.url()}: ${e.stack || e.message}`));
        page.on('console', (m) => {
          if (m.type() !== 'error') return;
          if (PANIC.test(m.text()) || (!cspViolationsExpected && CSP.test(m.text()))) {
            errors.push(`console error at ${page.url()}: ${m.text()}`);
          }
        });
      };
      const watchContext = async (ctx: BrowserContext) => {
        if (contexts.has(ctx)) return;
        contexts.add(ctx);
        await ctx.addInitScript(reportViolations);
        ctx.pages().forEach(watchPage);
        ctx.on('page', watchPage);
      };
      await watchContext(context);
      const newContext = browser.newContext;
      const newPage = browser.newPage;
      browser.newContext = async function (this: Browser, ...args: Parameters<Browser['newContext']>) {
        const ctx = await newContext.apply(this, args);
        await watchContext(ctx);
        return ctx;
      };
      browser.newPage = async function (this: Browser, ...args: Parameters<Browser['newPage']>) {
        const page = await newPage.apply(this, args);
        await watchContext(page.context());
        watchPage(page);
        return page;
      };
      try {
        await use();
      } finally {
        browser.newContext = newContext;
        browser.newPage = newPage;
      }
      if (errors.length > 0) {
        throw new Error(`the app panicked or threw (${errors.length}):\n\n${errors.join('\n\n')}`);
      }
    },
    { auto: true },
  ],
});

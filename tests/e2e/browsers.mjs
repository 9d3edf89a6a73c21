// Both browsers the app promises (PRODUCT S8): Debian's Chromium driven by playwright-core, and Debian's Firefox ESR
// driven by puppeteer-core over WebDriver BiDi (Playwright's own Firefox build cannot be downloaded here, and its
// BiDi mode needs commands ESR does not have). A small common surface for tests that must hold in both: a profile
// (all its tabs share one localStorage), tabs, and the few page calls those tests need.
import { chromium } from 'playwright-core';
import puppeteer from 'puppeteer-core';

export const BROWSERS = ['chromium', 'firefox'];

const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

/** Starts `kind`; returns { kind, version, profile(options), close() }. */
export async function launch(kind) {
  if (kind === 'chromium') {
    const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
    return {
      kind,
      version: `Chromium ${browser.version()}`,
      async profile({ withoutWebLocks = false } = {}) {
        const context = await browser.newContext({ locale: 'de-DE', viewport: { width: 1280, height: 860 } });
        if (withoutWebLocks) await context.addInitScript(hideWebLocks);
        return {
          tab: async (url) => wrapPlaywright(await context.newPage(), url),
          close: () => context.close(),
        };
      },
      close: () => browser.close(),
    };
  }
  if (kind === 'firefox') {
    const browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: process.env.FIREFOX ?? '/usr/bin/firefox-esr',
      headless: true,
      extraPrefsFirefox: {
        'intl.locale.requested': 'de-DE',
        'intl.accept_languages': 'de-DE',
        // Tabs in the background keep their timers, as Playwright's Chromium does: a test of two tabs at the same
        // moment needs both awake.
        'dom.min_background_timeout_value': 0,
        'dom.min_background_timeout_value_without_budget_throttling': 0,
        'dom.timeout.enable_budget_timer_throttling': false,
        'dom.suspend_inactive.enabled': false,
      },
    });
    return {
      kind,
      version: (await browser.version()).replace('firefox/', 'Firefox ESR '),
      async profile({ withoutWebLocks = false } = {}) {
        const context = await browser.createBrowserContext();
        return {
          tab: async (url) => {
            const page = await context.newPage();
            if (withoutWebLocks) await page.evaluateOnNewDocument(hideWebLocks);
            await page.setViewport({ width: 1280, height: 860 });
            return wrapPuppeteer(page, url);
          },
          close: () => context.close(),
        };
      },
      close: () => browser.close(),
    };
  }
  throw new Error(`unknown browser ${kind}`);
}

/** As on an intranet server over plain http, which is no secure context: no `navigator.locks`. */
function hideWebLocks() {
  Object.defineProperty(Navigator.prototype, 'locks', { get: () => undefined, configurable: true });
}

/** The screen is there: its heading, and no screen's wasm part still loading (src/ui/lazy.rs). */
const SHOWN = () => document.querySelector('main#inhalt h1') !== null && document.querySelector('.teil-laedt') === null;

async function wrapPlaywright(page, url) {
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') errors.push(`${m.type()}: ${m.text()}`); });
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  await page.goto(url);
  await page.waitForFunction(SHOWN);
  return {
    errors,
    evaluate: (fn, arg) => page.evaluate(fn, arg),
    waitFor: (fn, arg, timeout = 10_000) => page.waitForFunction(fn, arg, { timeout }),
    reload: async () => { await page.reload(); await page.waitForFunction(SHOWN); },
    pdf: (options = {}) => page.pdf({ format: 'A4', printBackground: true, ...options }),
    close: () => page.close(),
  };
}

async function wrapPuppeteer(page, url) {
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warn') errors.push(`${m.type()}: ${m.text()}`); });
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  await page.goto(url);
  await page.waitForFunction(SHOWN, { polling: 20 });
  return {
    errors,
    evaluate: (fn, arg) => page.evaluate(fn, arg),
    // Polled by time: animation frames do not run in a tab in the background.
    waitFor: (fn, arg, timeout = 10_000) => page.waitForFunction(fn, { timeout, polling: 20 }, arg),
    reload: async () => { await page.reload(); await page.waitForFunction(SHOWN, { polling: 20 }); },
    pdf: (options = {}) => page.pdf({ format: 'A4', printBackground: true, ...options }),
    close: () => page.close(),
  };
}

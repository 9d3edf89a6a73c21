// The service worker (issue 22, ui/update.rs, sw.js from scripts/post-build.mjs): served from localhost (a secure
// context), the app keeps its files, starts when the server is down, and a new build is taken up only when the
// user chooses to reload, said in German and English; nothing of the data changes.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cp, mkdtemp, readFile, writeFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { startServer } from '../../scripts/serve.mjs';
import { ARTIFACTS, SUBPATH, axeViolations } from './harness.mjs';

let browser;
let dir;

before(async () => {
  // A copy of the build, so that a "new build" can be made by changing its sw.js.
  dir = await mkdtemp(join(tmpdir(), 'zielsteuerung-sw-'));
  await cp('dist', dir, { recursive: true });
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
});
after(async () => {
  await browser?.close();
  await rm(dir, { recursive: true, force: true });
});

const controlled = () => navigator.serviceWorker.controller !== null;

test('the app starts from its kept files when the server is down, and a new build waits for the user', async () => {
  let server = await startServer({ root: dir, base: SUBPATH });
  const port = new URL(server.url).port;
  const context = await browser.newContext({ locale: 'de-DE', viewport: { width: 1280, height: 860 } });
  const page = await context.newPage();
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(server.url);
  await page.waitForSelector('table.ziele tbody.ziel .status');
  // Registered a few seconds after start, then it takes this page.
  await page.waitForFunction(controlled, null, { timeout: 30_000 });
  await page.click('nav a[href="#/werte"]');
  await page.waitForSelector('#zelle-0-0');
  await page.focus('#zelle-0-0');
  await page.keyboard.type('61');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelector('.grid-meldung')?.textContent === 'Gespeichert.');

  // The server is down: a new tab still starts, from the kept files, with the data.
  await server.close();
  const offline = await context.newPage();
  await offline.goto(`${server.url}#/werte`);
  await offline.waitForSelector('#zelle-0-0');
  assert.equal(await offline.inputValue('#zelle-0-0'), '61');
  await offline.close();

  // A new build on the server (its sw.js differs): the page says so and takes it only when asked.
  const sw = join(dir, 'sw.js');
  await writeFile(sw, `${await readFile(sw, 'utf8')}// eine neuere Fassung\n`);
  server = await startServer({ root: dir, base: SUBPATH, port: Number(port) });
  await page.reload();
  await page.waitForSelector('.neue-version', { timeout: 30_000 });
  assert.equal(
    (await page.textContent('.neue-version')).trim(),
    'Eine neuere Version der Zielsteuerung ist bereit. Ihre Daten bleiben, wie sie sind. Jetzt neu laden',
  );
  await page.screenshot({ path: `${ARTIFACTS}/neue-version.png` });
  assert.deepEqual(await axeViolations(page), []);
  await page.click('.sprachwahl');
  await page.waitForSelector('.neue-version button:has-text("Reload now")');
  assert.match(await page.textContent('.neue-version'), /^A newer version of Zielsteuerung is ready\. Your data stays as it is\./);
  await page.screenshot({ path: `${ARTIFACTS}/neue-version-englisch.png` });
  const before = await page.evaluate(() => navigator.serviceWorker.controller.scriptURL + performance.timeOrigin);
  await Promise.all([
    page.waitForEvent('load', { timeout: 30_000 }),
    page.click('.neue-version button'),
  ]);
  await page.waitForSelector('main#inhalt h1');
  const afterReload = await page.evaluate(() => navigator.serviceWorker.controller.scriptURL + performance.timeOrigin);
  assert.notEqual(afterReload, before, 'the page was loaded anew');
  await page.waitForTimeout(4000);
  assert.equal(await page.$('.neue-version'), null, 'the new build runs: nothing waits any more');
  await page.click('nav a[href="#/werte"]');
  await page.waitForSelector('#zelle-0-0');
  assert.equal(await page.inputValue('#zelle-0-0'), '61');
  assert.deepEqual(errors, []);
  await context.close();
  await server.close();
});

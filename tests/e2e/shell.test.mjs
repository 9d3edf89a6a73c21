// The app shell as a user meets it: release build from a subpath of a plain static server.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setUp, openPage, gotoApp, axeViolations, SUBPATH, ARTIFACTS } from './harness.mjs';

let env;
before(async () => { env = await setUp(); });
after(async () => { await env?.close(); });

// Fragment, navigation label (also in the window title), the screen's heading.
const SCREENS = [
  ['#/uebersicht', 'Übersicht', 'Übersicht'],
  ['#/vereinbarung', 'Zielvereinbarung', 'Zielvereinbarung'],
  ['#/werte', 'Ist-Werte erfassen', 'Ist-Werte erfassen'],
  ['#/bilanz', 'Jahresbilanz', 'Jahresbilanz'],
  ['#/bericht', 'Bericht', 'Bericht zur Zielvereinbarung 2022'],
  ['#/austausch', 'Datenaustausch', 'Datenaustausch'],
  ['#/vergleich', 'Vergleich', 'Vergleich'],
];

test('renders the German shell from a subpath without console errors', async () => {
  const { page, context, log } = await openPage(env);
  await gotoApp(env, page);
  assert.equal(await page.getAttribute('html', 'lang'), 'de');
  assert.equal(await page.title(), 'Übersicht – Zielsteuerung');
  assert.match(await page.textContent('header'), /Zielsteuerung/);
  assert.match(await page.textContent('header'), /Odenwaldkreis/);
  assert.equal(await page.textContent('main h1'), 'Übersicht');
  const nav = await page.locator('nav[aria-label="Hauptnavigation"] a').allTextContents();
  assert.deepEqual(nav, SCREENS.map(([, name]) => name));
  assert.equal(await page.getAttribute('nav a[aria-current="page"]', 'href'), '#/uebersicht');
  assert.equal(await page.locator('#absturz').count(), 0, 'no crash banner');
  await page.screenshot({ path: `${ARTIFACTS}/uebersicht.png` });
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('no request leaves the origin or the app folder, none for /favicon.ico', async () => {
  const { page, context, log } = await openPage(env);
  const before = env.server.requests.length;
  await gotoApp(env, page);
  for (const [fragment] of SCREENS) await page.click(`nav a[href="${fragment}"]`);
  await page.waitForLoadState('networkidle');
  const outside = log.requests.filter((u) => !u.startsWith(env.origin + SUBPATH) && !u.startsWith('data:'));
  assert.deepEqual(outside, [], 'requests outside the app folder');
  const served = env.server.requests.slice(before);
  assert.ok(served.some((p) => p.endsWith('.wasm')), `the wasm was loaded: ${served}`);
  assert.deepEqual(served.filter((p) => !p.startsWith(SUBPATH)), [], 'server saw paths outside the subpath');
  assert.ok(!served.includes('/favicon.ico'));
  await context.close();
});

test('fragment navigation: every screen by link, reload, back button, deep link', async () => {
  const { page, context, log } = await openPage(env);
  await gotoApp(env, page);
  for (const [fragment, name, heading] of SCREENS) {
    await page.click(`nav a[href="${fragment}"]`);
    // A screen that is a wasm part shows its heading with a loading line first: wait for the screen itself.
    await page.waitForFunction((h) => document.querySelector('main h1')?.textContent === h && !document.querySelector('.teil-laedt'), heading);
    assert.equal(new URL(page.url()).hash, fragment);
    assert.equal(await page.title(), `${name} – Zielsteuerung`);
    assert.equal(await page.getAttribute('nav a[aria-current="page"]', 'href'), fragment);
  }
  await page.reload();
  await page.waitForSelector('main h1');
  assert.equal(await page.textContent('main h1'), 'Vergleich', 'reload stays on the screen');
  assert.equal(new URL(page.url()).pathname, SUBPATH);
  await page.goBack();
  await page.waitForFunction(() => document.querySelector('main h1')?.textContent === 'Datenaustausch');
  // A deep link opened fresh lands on its screen.
  const second = await context.newPage();
  await gotoApp(env, second, '#/werte');
  assert.equal(await second.textContent('main h1'), 'Ist-Werte erfassen');
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('an unknown fragment says so and links back to the overview', async () => {
  const { page, context, log } = await openPage(env);
  await gotoApp(env, page, '#/gibt-es-nicht');
  assert.equal(await page.textContent('main h1'), 'Seite nicht gefunden');
  assert.match(await page.textContent('main'), /„#\/gibt-es-nicht“/);
  await page.click('main a[href="#/uebersicht"]');
  await page.waitForFunction(() => document.querySelector('main h1')?.textContent === 'Übersicht');
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('keyboard: skip link and navigation reachable by Tab, focus moves to the new screen', async () => {
  const { page, context } = await openPage(env);
  await gotoApp(env, page);
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Zum Inhalt springen');
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'inhalt');
  assert.equal(new URL(page.url()).hash, '', 'the skip link does not touch the route');
  await page.focus('nav a[href="#/werte"]');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement?.id === 'inhalt');
  assert.equal(await page.textContent('main h1'), 'Ist-Werte erfassen');
  await context.close();
});

test('axe-core finds no WCAG 2.1 AA violation on any screen', async () => {
  const { page, context } = await openPage(env);
  for (const [fragment] of SCREENS) {
    await gotoApp(env, page, fragment);
    assert.deepEqual(await axeViolations(page), [], fragment);
  }
  await context.close();
});

test('narrow screen (phone width) keeps everything reachable', async () => {
  const { page, context } = await openPage(env, { viewport: { width: 390, height: 800 } });
  await gotoApp(env, page);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `no horizontal scrolling (overflow ${overflow}px)`);
  await page.screenshot({ path: `${ARTIFACTS}/uebersicht-schmal.png` });
  await context.close();
});

// The screens the first screen does not need come in wasm parts of their own (src/ui/lazy.rs, scripts/split.mjs):
// a fresh browser fetches none of them for the overview or the grid; opening such a screen fetches its part (and the
// chunks it shares with others) from the app's folder, once; a part that cannot be had is a German message with a
// way out, never the crash banner, and the data stays as it was.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readdir } from 'node:fs/promises';
import { setUp, openPage, gotoApp, axeViolations, ARTIFACTS } from './harness.mjs';

let env;
before(async () => { env = await setUp(); });
after(async () => { await env?.close(); });

const PART = /\/(split|chunk)_\w+-[0-9a-f]{16}\.wasm$/;
const parts = (log) => log.requests.filter((r) => PART.test(new URL(r).pathname));
const named = (log, name) => parts(log).filter((r) => r.includes(`/split_${name}-`));

test('the build has parts, and the first screens fetch none of them', async () => {
  const files = await readdir('dist');
  for (const name of ['agreement', 'exchange', 'report', 'balance', 'detail', 'comparison']) {
    assert.equal(files.filter((f) => f.startsWith(`split_${name}-`) && f.endsWith('.wasm')).length, 1, name);
  }
  const { page, context, log } = await openPage(env);
  await gotoApp(env, page, '#/uebersicht');
  await page.waitForSelector('tbody[data-ziel]');
  await page.click('nav a[href="#/werte"]');
  await page.waitForSelector('#zelle-0-0');
  assert.deepEqual(parts(log), []);
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('opening a screen fetches its part once, from the app folder; every split screen works', async () => {
  const { page, context, log } = await openPage(env);
  await gotoApp(env, page, '#/uebersicht');
  const screens = [
    ['#/vereinbarung', 'agreement', 'button.haupt, h1'],
    ['#/austausch', 'exchange', 'h1'],
    ['#/bericht', 'report', 'article.bericht h1'],
    ['#/vergleich', 'comparison', 'h1'],
    ['#/bilanz', 'balance', 'h1'],
  ];
  for (const [href, name] of screens) {
    await page.click(`nav a[href="${href}"]`);
    await page.waitForFunction((h) => document.querySelector('nav a[aria-current="page"]')?.getAttribute('href') === h
      && !document.querySelector('.teil-laedt') && document.querySelector('main#inhalt h1'), href);
    assert.equal(named(log, name).length, 1, `${name}: ${parts(log).join(', ')}`);
    for (const url of parts(log)) assert.ok(url.startsWith(env.server.url), url);
  }
  // A target's detail by its link on the overview; then back and forth: nothing fetched twice.
  await page.click('nav a[href="#/uebersicht"]');
  await page.click('tbody[data-ziel="3"] a');
  await page.waitForSelector('main#inhalt h1');
  assert.equal(named(log, 'detail').length, 1);
  const count = parts(log).length;
  for (const [href] of screens) await page.click(`nav a[href="${href}"]`);
  await page.waitForFunction(() => document.querySelector('main#inhalt h1')?.textContent === 'Jahresbilanz');
  assert.equal(parts(log).length, count);
  assert.equal(new Set(parts(log)).size, count);
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('a part that cannot be fetched: a message in German and English, no crash, the data kept', async () => {
  const { page, context, log } = await openPage(env);
  await gotoApp(env, page, '#/uebersicht');
  await page.waitForSelector('tbody[data-ziel]');
  const before = await page.evaluate(() => JSON.stringify(Object.entries(localStorage).sort()));
  // The server is gone (or has a newer build whose parts have other names).
  await page.route(PART, (route) => route.fulfill({ status: 404, contentType: 'text/plain', body: 'nicht gefunden' }));
  await page.click('nav a[href="#/vereinbarung"]');
  const alert = page.locator('main#inhalt [role="alert"]');
  await alert.waitFor();
  assert.match(await alert.textContent(), /Dieser Teil der Zielsteuerung konnte nicht geladen werden \(.*\)\. Ihre Daten sind davon nicht berührt\./);
  assert.equal(await page.locator('#absturz, .absturz').count(), 0, 'no crash banner');
  await page.screenshot({ path: `${ARTIFACTS}/teil-fehlt.png` });
  assert.deepEqual(await axeViolations(page), []);
  // The rest of the app goes on working.
  await page.click('nav a[href="#/werte"]');
  await page.waitForSelector('#zelle-0-0');
  assert.equal(await page.evaluate(() => JSON.stringify(Object.entries(localStorage).sort())), before);
  // English, and once the server is back the same screen loads (a failed load is not kept).
  await page.click('button.sprachwahl');
  await page.click('nav a[href="#/vereinbarung"]');
  await alert.waitFor();
  assert.match(await alert.textContent(), /This part of Zielsteuerung could not be loaded/);
  await page.screenshot({ path: `${ARTIFACTS}/part-missing-en.png` });
  await page.unroute(PART);
  await page.getByRole('button', { name: 'Reload the page' }).click();
  await page.waitForFunction(() => document.querySelector('main#inhalt h1')?.textContent.includes('agreement'));
  const unexpected = log.errors.filter((e) => !/404|Failed to load resource|nicht gefunden|HTTP 404/.test(e));
  assert.deepEqual(unexpected, []);
  await context.close();
});

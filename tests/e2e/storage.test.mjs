// What the app does with the browser's storage (PRODUCT S7): unreadable or newer data is never written over,
// missing storage is said plainly, another tab's save is taken over instead of overwritten.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { setUp, openPage, gotoApp, axeViolations, storedValues, storedDoc, fillStorage, ARTIFACTS } from './harness.mjs';

let env;
before(async () => { env = await setUp(); });
after(async () => { await env?.close(); });

const KEY = 'zielsteuerung.arbeitsbereich';
const CORRUPT = '{"schema_version":1,"organisation":"KJC Beispielkreis","zielvereinbarungen":[{"jahr":20';

const stored = (page, key) => page.evaluate((k) => localStorage.getItem(k), key);
const keys = (page) => page.evaluate(() => Object.keys(localStorage).sort());

test('a corrupt store at start-up is kept, offered as download, and never overwritten', async () => {
  const { page, context, log } = await openPage(env);
  await gotoApp(env, page);
  await page.evaluate(([k, v]) => localStorage.setItem(k, v), [KEY, CORRUPT]);
  await page.reload();
  await page.waitForSelector('.meldung-fehler');
  const banner = await page.textContent('.meldung-fehler');
  assert.match(banner, /Gespeicherte Daten nicht lesbar/);
  assert.match(banner, /kein gültiges JSON/);
  assert.match(banner, /werden nicht überschrieben/);
  // The example is shown meanwhile; the corrupt text is untouched and also kept aside.
  assert.match(await page.textContent('header'), /Odenwaldkreis/);
  assert.equal(await stored(page, KEY), CORRUPT);
  const aside = (await keys(page)).filter((k) => k.startsWith(`${KEY}.unlesbar.`));
  assert.equal(aside.length, 1, `kept aside: ${await keys(page)}`);
  assert.equal(await stored(page, aside[0]), CORRUPT);
  await page.screenshot({ path: `${ARTIFACTS}/speicher-unlesbar.png` });
  assert.deepEqual(await axeViolations(page), []);

  // The raw text can be downloaded as it was.
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('text=Rohdaten herunterladen')]);
  assert.match(download.suggestedFilename(), /^zielsteuerung-unlesbar-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d\.json$/);
  assert.equal(await readFile(await download.path(), 'utf8'), CORRUPT);

  // Reloading changes nothing: still unreadable, still there, not copied twice over.
  await page.reload();
  await page.waitForSelector('.meldung-fehler');
  assert.equal(await stored(page, KEY), CORRUPT);
  assert.deepEqual((await keys(page)).filter((k) => k.startsWith(`${KEY}.unlesbar.`)), aside);

  // Only when the user chooses a new start is the main key written; the aside copy stays.
  await page.click('text=Mit dem Beispiel neu beginnen');
  await page.waitForFunction(() => !document.querySelector('.meldung-fehler'));
  // The save follows under the save lock, a moment after the banner went.
  await page.waitForFunction((k) => localStorage.getItem(k)?.startsWith('{"revision"'), KEY);
  const fresh = JSON.parse(await stored(page, KEY));
  assert.equal(fresh.schema_version, 3);
  assert.equal(fresh.beispiel, true);
  assert.ok(fresh.revision >= 1);
  assert.match(fresh.schreiber, /^t-[0-9a-f]{8}$/);
  assert.equal(await stored(page, aside[0]), CORRUPT);
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('data from a newer version of the app is not touched', async () => {
  const { page, context } = await openPage(env);
  await gotoApp(env, page);
  const newer = '{"schema_version":99,"revision":5,"organisation":"Zukunft"}';
  await page.evaluate(([k, v]) => localStorage.setItem(k, v), [KEY, newer]);
  await page.reload();
  await page.waitForSelector('.meldung-fehler');
  assert.match(await page.textContent('.meldung-fehler'), /neueren Version der Zielsteuerung \(Schemaversion 99/);
  assert.equal(await stored(page, KEY), newer);
  await context.close();
});

test('without any storage the app works and says so', async () => {
  const { page, context, log } = await openPage(env);
  await context.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('blocked', 'SecurityError'); } });
  });
  await gotoApp(env, page);
  assert.match(await page.textContent('.meldung-warnung'), /Kein Speicher/);
  await page.waitForSelector('table.ziele');
  assert.equal(await page.locator('tbody.ziel').count(), 10);
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('a save in another tab is taken over, not overwritten', async () => {
  const { page, context, log } = await openPage(env);
  await gotoApp(env, page);
  // A second tab of the same browser writes a workspace (as the app itself would, with its stamp).
  const other = await context.newPage();
  await other.goto(env.server.url + 'index.html#/uebersicht');
  await other.waitForSelector('main h1');
  await other.evaluate(() => {
    const doc = { revision: 3, schreiber: 't-anderer', schema_version: 1, organisation: 'Jobcenter Anderer Tab', beispiel: false, zielvereinbarungen: [], ist_werte: [] };
    localStorage.setItem('zielsteuerung.arbeitsbereich', JSON.stringify(doc));
  });
  // The first tab hears of it and shows the other tab's state.
  await page.waitForFunction(() => document.querySelector('header')?.textContent.includes('Jobcenter Anderer Tab'));
  assert.match(await page.textContent('.meldung-info'), /in einem anderen Tab gespeichert/);
  assert.match(await page.textContent('main'), /noch keine Zielvereinbarung/);
  // Taking it over did not write anything back.
  assert.equal(JSON.parse(await stored(page, KEY)).revision, 3);
  assert.equal(JSON.parse(await stored(page, KEY)).schreiber, 't-anderer');
  assert.deepEqual(log.errors, []);
  await context.close();
});

/** The stored document's stamp: [revision, writer]. */
const stampOf = async (page) => {
  const doc = JSON.parse(await stored(page, KEY));
  return [doc.revision, doc.schreiber];
};

test('two tabs editing: each sees the other, changes of both are merged, a real conflict is the user\'s choice', async () => {
  const { page: a, context, log } = await openPage(env);
  await gotoApp(env, a, '#/werte');
  const b = await context.newPage();
  await gotoApp(env, b, '#/werte');
  await a.waitForSelector('table.raster');
  await b.waitForSelector('table.raster');

  // Tab A enters January; tab B takes it over without writing anything back.
  await a.fill('#zelle-0-0', '60');
  await a.press('#zelle-0-0', 'Enter');
  await b.waitForFunction(() => document.querySelector('#zelle-0-0')?.value === '60');
  assert.match(await b.textContent('.meldung-info'), /anderen Tab gespeichert/);
  const [first, writerA] = await stampOf(b);
  assert.equal(first, 1);

  // Tab B enters February; tab A sees it.
  await b.fill('#zelle-1-0', '55');
  await b.press('#zelle-1-0', 'Enter');
  await a.waitForFunction(() => document.querySelector('#zelle-1-0')?.value === '55');
  const [second, writerB] = await stampOf(a);
  assert.equal(second, 2);
  assert.notEqual(writerA, writerB, 'each tab writes under its own id');

  // A third tab saves March as 66 at the very moment tab A types 65 into the same cell: the third tab holds the
  // save lock while it writes, so tab A's save waits and then finds it. A real conflict; nothing is written over.
  const c = await context.newPage();
  await c.goto(env.server.url + 'index.html#/uebersicht');
  await c.waitForSelector('main h1');
  await c.evaluate(() => {
    globalThis.__written = navigator.locks.request('zielsteuerung.speichern', async () => {
      // A commit as the app makes it: the year's new key first, then the manifest that names it.
      const doc = JSON.parse(localStorage.getItem('zielsteuerung.arbeitsbereich'));
      const basis = [doc.revision, doc.schreiber];
      const rows = JSON.parse(localStorage.getItem(`zielsteuerung.${doc.werte['2022']}`));
      const row = rows.find((r) => r.kennzahl === 'INT' && r.gruppe === 'Insgesamt' && r.jahr === 2022);
      row.werte[3] = 66;
      if (row.datenstand) row.datenstand[3] = row.datenstand[2];
      const name = 'arbeitsbereich.werte.2022.9.t-dritter';
      localStorage.setItem(`zielsteuerung.${name}`, JSON.stringify(rows));
      const { revision, schreiber, basis: _, ...rest } = doc;
      rest.werte = { ...rest.werte, 2022: name };
      localStorage.setItem('zielsteuerung.arbeitsbereich', JSON.stringify({ revision: 9, schreiber: 't-dritter', basis, ...rest }));
      await new Promise((resolve) => setTimeout(resolve, 1500));
    });
  });
  await a.fill('#zelle-2-0', '65');
  await a.press('#zelle-2-0', 'Enter');
  await c.evaluate(() => globalThis.__written);
  await c.close();
  await a.waitForSelector('.meldung-warnung');
  const warning = await a.textContent('.meldung-warnung');
  assert.match(warning, /In einem anderen Tab wurde gespeichert\..*Stand 9/);
  assert.match(warning, /Beide Tabs haben geändert: Integrationen – Insgesamt, März 2022\./);
  assert.deepEqual(await stampOf(a), [9, 't-dritter'], 'nothing written over');
  assert.equal(await a.textContent('.grid-meldung'), 'Übernommen, aber nicht gespeichert – siehe den Hinweis oben.');
  // The user keeps this tab's version.
  await a.click('text=Meine Fassung speichern');
  await a.waitForFunction(() => !document.querySelector('.meldung-warnung'));
  assert.deepEqual(await stampOf(a), [10, writerA]);
  const doc = await storedDoc(a);
  assert.deepEqual(storedValues(doc).filter((v) => v.jahr === 2022).map((v) => v.wert), [60, 55, 65]);
  await b.waitForFunction(() => document.querySelector('#zelle-2-0')?.value === '65');
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('a full storage keeps the change in memory, says so, and saves again once there is room', async () => {
  const { page, context, log } = await openPage(env);
  await gotoApp(env, page, '#/werte');
  await page.waitForSelector('table.raster');
  await fillStorage(page);
  await page.fill('#zelle-0-0', '60');
  await page.press('#zelle-0-0', 'Enter');
  await page.waitForSelector('.meldung-fehler');
  assert.match(await page.textContent('.meldung-fehler'), /Speicher voll/);
  assert.equal(await page.evaluate(() => localStorage.getItem('zielsteuerung.arbeitsbereich')), null, 'nothing half-written');
  // The value is there in memory: the overview counts it.
  await page.click('nav a[href="#/uebersicht"]');
  await page.waitForSelector('tbody[data-ziel="3"]');
  assert.match(await page.textContent('tbody[data-ziel="3"]'), /60 \(bis Januar\)/);
  // Room again: the next change saves everything and the message goes.
  await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('fuellung.')).forEach((k) => localStorage.removeItem(k)));
  await page.click('nav a[href="#/werte"]');
  await page.fill('#zelle-1-0', '55');
  await page.press('#zelle-1-0', 'Enter');
  await page.waitForFunction(() => !document.querySelector('.meldung-fehler'));
  const doc = await storedDoc(page);
  assert.deepEqual(storedValues(doc).filter((v) => v.jahr === 2022).map((v) => v.wert), [60, 55]);
  assert.deepEqual(log.errors, []);
  await context.close();
});

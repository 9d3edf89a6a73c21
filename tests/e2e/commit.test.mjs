// The commit protocol of storage schema 3 as a user meets it (issue 16): a save that fails at any of its writes
// leaves the last saved workspace whole and says so; two tabs editing different years at the same moment both
// keep their edit; a store of schema 2 (the frozen fixture of an older build) is read, laid out anew at start,
// and reads the same after a reload.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { setUp, openPage, gotoApp, storedValues, storedDoc } from './harness.mjs';

let env;
before(async () => { env = await setUp(); });
after(async () => { await env?.close(); });

const KEY = 'zielsteuerung.arbeitsbereich';

/** Types `value` into `cell` and commits it with Enter. */
async function typeValue(page, cell, value) {
  await page.fill(cell, value);
  await page.press(cell, 'Enter');
}

/** INT 2022 month values of the stored workspace, by "month/population". */
async function storedInt(page, year = 2022) {
  const cells = {};
  for (const v of storedValues(await storedDoc(page) ?? {})) {
    if (v.kennzahl === 'INT' && v.jahr === year && v.monat) cells[`${v.monat}/${v.gruppe}`] = v.wert;
  }
  return cells;
}

/** In the page: `localStorage.setItem` throws a QuotaExceededError after `k` more writes, until undone. */
function failAfter(k) {
  const original = Storage.prototype.setItem;
  let left = k;
  Storage.prototype.setItem = function (key, value) {
    if (left === 0) throw new DOMException('voll', 'QuotaExceededError');
    left -= 1;
    return original.call(this, key, value);
  };
  globalThis.__undoFail = () => { Storage.prototype.setItem = original; };
}

test('a save that fails at any of its writes leaves the last saved workspace whole, and the app says so', async () => {
  const { page, context, log } = await openPage(env);
  await gotoApp(env, page, '#/werte');
  await page.selectOption('#jahr', '2022');
  await typeValue(page, '#zelle-0-0', '60');
  await page.waitForFunction(() => document.querySelector('.grid-meldung')?.textContent === 'Gespeichert.');
  const saved = await storedInt(page);
  assert.deepEqual(saved, { '1/Insgesamt': 60 });
  const keysBefore = await page.evaluate(() => Object.keys(localStorage).sort());
  // A value of 2022 is the key of 2022's values and the manifest: the save fails at the first write, then at the
  // second.
  for (const k of [0, 1]) {
    await page.evaluate(failAfter, k);
    await typeValue(page, '#zelle-1-0', String(55 + k));
    await page.waitForSelector('.meldung-fehler');
    assert.match(await page.textContent('.meldung-fehler'), /Speicher voll: Die letzte Änderung passt nicht mehr/);
    assert.equal(await page.textContent('.grid-meldung'), 'Übernommen, aber nicht gespeichert – siehe den Hinweis oben.');
    await page.evaluate(() => globalThis.__undoFail());
    assert.deepEqual(await storedInt(page), saved, `k = ${k}: the last saved workspace, whole`);
    assert.deepEqual(await page.evaluate(() => Object.keys(localStorage).sort()), keysBefore, `k = ${k}: no key left behind`);
    // What the tab shows is kept in memory.
    assert.equal(await page.inputValue('#zelle-1-0'), String(55 + k));
  }
  // Room again: the next change saves everything, and the message goes.
  await typeValue(page, '#zelle-2-0', '65');
  await page.waitForFunction(() => !document.querySelector('.meldung-fehler'));
  await page.waitForFunction(() => document.querySelector('.grid-meldung')?.textContent === 'Gespeichert.');
  assert.deepEqual(await storedInt(page), { '1/Insgesamt': 60, '2/Insgesamt': 56, '3/Insgesamt': 65 });
  await page.reload();
  await page.waitForSelector('table.raster');
  assert.equal(await page.inputValue('#zelle-1-0'), '56');
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('two tabs editing different years at the same moment both keep their edit', async () => {
  const { page: a, context, log } = await openPage(env);
  await gotoApp(env, a, '#/werte');
  const b = await context.newPage();
  await gotoApp(env, b, '#/werte');
  await a.selectOption('#jahr', '2021');
  await b.selectOption('#jahr', '2022');
  await a.waitForSelector('#zelle-0-0');
  await b.waitForSelector('#zelle-0-0');
  for (const [tab, value] of [[a, '51'], [b, '61']]) await tab.fill('#zelle-0-0', value);
  await Promise.all([a.press('#zelle-0-0', 'Enter'), b.press('#zelle-0-0', 'Enter')]);
  await a.waitForFunction(() => document.querySelector('.grid-meldung')?.textContent === 'Gespeichert.');
  await b.waitForFunction(() => document.querySelector('.grid-meldung')?.textContent === 'Gespeichert.');
  const c = await context.newPage();
  await gotoApp(env, c, '#/werte');
  assert.deepEqual(await storedInt(c, 2021), { '1/Insgesamt': 51 });
  assert.deepEqual(await storedInt(c, 2022), { '1/Insgesamt': 61 });
  await c.selectOption('#jahr', '2021');
  await c.waitForFunction(() => document.querySelector('#zelle-0-0')?.value === '51');
  await c.selectOption('#jahr', '2022');
  await c.waitForFunction(() => document.querySelector('#zelle-0-0')?.value === '61');
  // Each year's values and agreement lie under one key each, named by the manifest; nothing else of ours is left.
  const layout = await c.evaluate((k) => {
    const manifest = JSON.parse(localStorage.getItem(k));
    const ours = Object.keys(localStorage)
      .filter((name) => name.startsWith(`${k}.werte.`) || name.startsWith(`${k}.vereinbarung.`)).sort();
    const named = [...Object.values(manifest.werte), ...Object.values(manifest.vereinbarungen)];
    return { named: named.map((n) => `zielsteuerung.${n}`).sort(), ours };
  }, KEY);
  assert.deepEqual(layout.ours, layout.named);
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('a store of schema 2 is read, laid out anew at start, and reads the same after a reload', async () => {
  const { page, context, log } = await openPage(env);
  await gotoApp(env, page);
  const fixture = JSON.parse(await readFile('tests/fixtures/sicherung-schema-2.json', 'utf8'));
  // As a build before schema 3 stored it: the whole document under one key, its stamp in front.
  const old = JSON.stringify({ revision: 12, schreiber: 't-alt00000', ...fixture });
  await page.evaluate(([k, v]) => { localStorage.clear(); localStorage.setItem(k, v); }, [KEY, old]);
  await page.reload();
  await page.waitForSelector('main#inhalt h1');
  const laidOut = () => page.evaluate((k) => JSON.parse(localStorage.getItem(k)), KEY);
  await page.waitForFunction((k) => JSON.parse(localStorage.getItem(k))?.schema_version === 3, KEY);
  const manifest = await laidOut();
  assert.equal(manifest.revision, 13, 'written on top of the old document');
  assert.deepEqual(manifest.basis, [12, 't-alt00000']);
  assert.ok(!('ist_werte' in manifest) && !('zielvereinbarungen' in manifest));
  assert.equal(Object.keys(manifest.werte).length + Object.keys(manifest.vereinbarungen).length > 0, true);
  const doc = await storedDoc(page);
  const values = (d) => JSON.stringify(storedValues(d).sort((x, y) => JSON.stringify(x).localeCompare(JSON.stringify(y))));
  assert.equal(values(doc), values(fixture), 'every value of the old store');
  assert.deepEqual(doc.zielvereinbarungen.map((a) => a.jahr), fixture.zielvereinbarungen.map((a) => a.jahr));
  const overview = await page.textContent('main');
  await page.reload();
  await page.waitForSelector('main#inhalt h1');
  assert.equal(await page.textContent('main'), overview, 'the same after a reload');
  assert.equal((await laidOut()).revision, 13, 'nothing more to write');
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('start-up reads the first screen\'s years first and the rest right after: nothing of an old year is lost', async () => {
  const { page, context, log } = await openPage(env);
  await gotoApp(env, page, '#/werte');
  // A value in 2015, a year the first screen (2022 and the two years before) does not need.
  await page.fill('#jahr-frei', '2015');
  await page.press('#jahr-frei', 'Enter');
  await page.waitForFunction(() => document.querySelector('#jahr')?.value === '2015');
  await page.selectOption('#kennzahl-einblenden', 'INT');
  await page.waitForSelector('#zelle-0-0');
  await typeValue(page, '#zelle-0-0', '33');
  await page.waitForFunction(() => document.querySelector('.grid-meldung')?.textContent === 'Gespeichert.');
  // After a reload, a value typed into 2022 at once is saved beside 2015's, which stays.
  await page.reload();
  await page.waitForSelector('#zelle-0-0');
  // 2015 was read after the first screen was mounted, not before.
  await page.waitForFunction(() => performance.getEntriesByName('zs:rest').length > 0);
  const [mounted, rest] = await page.evaluate(() => ['zs:mounted', 'zs:rest'].map((n) => performance.getEntriesByName(n)[0].startTime));
  assert.ok(rest > mounted, `the rest read at ${rest} ms, the first screen mounted at ${mounted} ms`);
  assert.equal(await page.inputValue('#jahr'), '2022');
  await typeValue(page, '#zelle-0-0', '61');
  await page.waitForFunction(() => document.querySelector('.grid-meldung')?.textContent === 'Gespeichert.');
  assert.deepEqual(await storedInt(page, 2015), { '1/Insgesamt': 33 });
  assert.deepEqual(await storedInt(page, 2022), { '1/Insgesamt': 61 });
  // The year list knows 2015, and its grid shows the value.
  await page.waitForFunction(() => [...document.querySelectorAll('#jahr option')].some((o) => o.value === '2015'));
  await page.selectOption('#jahr', '2015');
  await page.waitForFunction(() => document.querySelector('#zelle-0-0')?.value === '33');

  // 2015's key broken by hand: read after the first screen, it makes the store unreadable as a whole – kept,
  // said, and never written over.
  const name = await page.evaluate((k) => `zielsteuerung.${JSON.parse(localStorage.getItem(k)).werte['2015']}`, KEY);
  await page.evaluate((n) => localStorage.setItem(n, '[{kaputt'), name);
  const before = await page.evaluate(() => JSON.stringify(Object.entries(localStorage).filter(([k]) => !k.includes('.unlesbar.')).sort()));
  await page.reload();
  await page.waitForSelector('.meldung-fehler');
  assert.match(await page.textContent('.meldung-fehler'), /Gespeicherte Daten nicht lesbar/);
  assert.match(await page.textContent('.meldung-fehler'), /2015/);
  assert.equal(await page.evaluate(() => JSON.stringify(Object.entries(localStorage).filter(([k]) => !k.includes('.unlesbar.')).sort())), before);
  const aside = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.includes('.unlesbar.')));
  assert.equal(aside.length, 1);
  assert.match(await page.evaluate((k) => localStorage.getItem(k), aside[0]), /kaputt/);
  assert.deepEqual(log.errors, []);
  await context.close();
});

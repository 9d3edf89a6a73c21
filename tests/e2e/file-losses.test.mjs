// Nothing lost through the workspace file (issue 21), driven the way a user gets there: a change that did not
// reach the browser's storage is not replaced by a colleague's newer file; opening a team file over the example
// with entries of one's own asks, with their count and a backup; two tabs of one browser linked to the same file
// take turns, 20 rounds in a row, without a false "bitte wählen" and without a lost value.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setUp, gotoApp, axeViolations, fillStorage, ARTIFACTS } from './harness.mjs';
import { colleague, header, typeValue, onDisk, inStep } from './team.mjs';

let env, dir;
before(async () => { env = await setUp(); dir = await mkdtemp(join(tmpdir(), 'zielsteuerung-verluste-')); });
after(async () => { await env?.close(); await rm(dir, { recursive: true, force: true }); });

const choosing = () => /bitte wählen/.test(document.querySelector('.kopf .datenort')?.textContent ?? '');

/** Waits until the file on disk has `months` (INT 2022, Insgesamt). */
async function diskHas(page, file, months) {
  for (let i = 0; i < 200; i++) {
    const now = (await onDisk(file)).months;
    if (Object.entries(months).every(([m, v]) => now[m] === v)) return now;
    await page.waitForTimeout(50);
  }
  return (await onDisk(file)).months;
}

test('a change storage refused is not replaced by a colleague\'s newer file: the user chooses', async () => {
  const file = join(dir, 'voll.json');
  const a = await colleague(env, file);
  const b = await colleague(env, file);
  await gotoApp(env, a.page, '#/austausch');
  await a.page.click('button:has-text("Mit Datei verbinden")');
  await a.page.waitForFunction(inStep);
  await gotoApp(env, b.page, '#/austausch');
  await b.page.click('button:has-text("Arbeitsbereich-Datei öffnen")');
  await b.page.waitForFunction(inStep);

  // A's browser storage is full: A's next value stays in memory only ("Speicher voll").
  await gotoApp(env, a.page, '#/werte');
  await fillStorage(a.page);
  // Meanwhile B saves a value of its own: the file is newer than A's last step with it.
  await gotoApp(env, b.page, '#/werte');
  await typeValue(b.page, '#zelle-1-0', '70');
  assert.deepEqual(await diskHas(b.page, file, { 2: 70 }), { 2: 70 });
  await a.page.fill('#zelle-0-0', '60');
  await a.page.press('#zelle-0-0', 'Enter');
  await a.page.waitForSelector('.meldung-fehler');
  assert.match(await a.page.textContent('.meldung-fehler'), /Speicher voll/);
  // A comes back to the tab: the file changed and so did A's workspace – A chooses; nothing is taken over.
  await a.page.evaluate(() => window.dispatchEvent(new Event('focus')));
  await a.page.waitForFunction(choosing);
  assert.equal(await a.page.inputValue('#zelle-0-0'), '60', 'the typed value is still there');
  assert.deepEqual((await onDisk(file)).months, { 2: 70 }, 'B\'s save is not written over either');
  await a.page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('fuellung.')).forEach((k) => localStorage.removeItem(k)));
  await gotoApp(env, a.page, '#/austausch');
  await a.page.locator('.meldung-warnung', { hasText: 'Beide Seiten geändert' }).locator('button', { hasText: 'Zusammenführen' }).click();
  assert.deepEqual(await diskHas(a.page, file, { 1: 60, 2: 70 }), { 1: 60, 2: 70 });
  assert.deepEqual(a.errors, []);
  assert.deepEqual(b.errors, []);
  await a.context.close();
  await b.context.close();
});

test('opening a team file over the example with entries of one\'s own asks, with their count and a backup', async () => {
  const file = join(dir, 'beispiel.json');
  const a = await colleague(env, file);
  const b = await colleague(env, file);
  await gotoApp(env, a.page, '#/austausch');
  await a.page.click('button:has-text("Mit Datei verbinden")');
  await a.page.waitForFunction(inStep);
  await gotoApp(env, a.page, '#/werte');
  await typeValue(a.page, '#zelle-0-0', '60');
  assert.deepEqual(await diskHas(a.page, file, { 1: 60 }), { 1: 60 });

  // B works in the example and has entered two figures of its own.
  await gotoApp(env, b.page, '#/werte');
  await typeValue(b.page, '#zelle-2-0', '80');
  await typeValue(b.page, '#zelle-3-0', '90');
  await gotoApp(env, b.page, '#/austausch');
  await b.page.click('button:has-text("Arbeitsbereich-Datei öffnen")');
  await b.page.waitForFunction(choosing);
  const banner = b.page.locator('.meldung-warnung', { hasText: 'Beide Seiten geändert' });
  assert.match(await banner.textContent(), /Hier liegt das Beispiel mit Ihren eigenen Eingaben: 2 Ist-Werte\. „Fassung der Datei übernehmen“ verwirft sie/);
  const [download] = await Promise.all([
    b.page.waitForEvent('download'),
    banner.locator('button', { hasText: 'Sicherung herunterladen' }).click(),
  ]);
  assert.match(download.suggestedFilename(), /^zielsteuerung-sicherung-\d{4}-\d{2}-\d{2}\.json$/);
  await b.page.screenshot({ path: `${ARTIFACTS}/datei-ueber-beispiel-de.png` });
  assert.deepEqual(await axeViolations(b.page), []);
  await b.page.click('button.sprachwahl');
  await b.page.locator('.meldung-warnung', { hasText: 'This browser holds the example with your own entries: 2 actual figures.' }).waitFor();
  await b.page.screenshot({ path: `${ARTIFACTS}/datei-ueber-beispiel-en.png` });
  // Nothing of B's was replaced while it chooses.
  await gotoApp(env, b.page, '#/werte');
  assert.equal(await b.page.inputValue('#zelle-2-0'), '80');
  assert.deepEqual((await onDisk(file)).months, { 1: 60 });
  assert.deepEqual(a.errors, []);
  assert.deepEqual(b.errors, []);
  await a.context.close();
  await b.context.close();
});

test('two tabs of one browser linked to the same file take turns: 20 rounds, no false choice, no lost value', async () => {
  const file = join(dir, 'zwei-tabs.json');
  const a = await colleague(env, file);
  const second = await a.context.newPage();
  const errors = [];
  second.on('pageerror', (e) => errors.push(e.message));
  await gotoApp(env, a.page, '#/austausch');
  await a.page.click('button:has-text("Mit Datei verbinden")');
  await a.page.waitForFunction(inStep);
  // The second tab finds the link the first one made (the browser keeps the handle for the origin).
  await gotoApp(env, second, '#/werte');
  await second.waitForFunction(inStep);
  await gotoApp(env, a.page, '#/werte');
  for (let round = 1; round <= 20; round++) {
    const one = String(100 + round);
    const two = String(200 + round);
    await Promise.all([
      a.page.fill('#zelle-0-0', one).then(() => a.page.press('#zelle-0-0', 'Enter')),
      second.fill('#zelle-1-0', two).then(() => second.press('#zelle-1-0', 'Enter')),
    ]);
    const months = await diskHas(a.page, file, { 1: Number(one), 2: Number(two) });
    assert.deepEqual({ 1: months[1], 2: months[2] }, { 1: Number(one), 2: Number(two) }, `round ${round}: both values in the file`);
    for (const page of [a.page, second]) {
      assert.doesNotMatch(await header(page), /bitte wählen/, `round ${round}: no false choice`);
    }
  }
  await a.page.waitForFunction(inStep);
  assert.deepEqual(a.errors, []);
  assert.deepEqual(errors, []);
  await a.context.close();
});

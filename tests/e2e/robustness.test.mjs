// Nothing lost, nothing frozen (issue 14), as a user meets it: an undo that would overwrite another tab's data is not
// offered; a backup taken while the stored data is unreadable is saved only when the user puts it in place; a store
// that is not consistent, or has fields of a newer build, is kept aside; a crafted revision counter never wraps;
// absurd figures are refused at every door; files too large are refused by their size; a huge paste takes what fits
// and says the rest; the banners and the grid say what really happened; texts that look like formulas stay text in
// CSV and XLSX, as LibreOffice reads them.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtemp, readFile, rm, open as openFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setUp, openPage, gotoApp, loadBackup, storedDoc } from './harness.mjs';

const run = promisify(execFile);
const KEY = 'zielsteuerung.arbeitsbereich';
let env;
let dir;
before(async () => {
  env = await setUp();
  dir = await mkdtemp(path.join(tmpdir(), 'zielsteuerung-robust-'));
});
after(async () => {
  await env?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

const stored = (page) => page.evaluate((k) => localStorage.getItem(k), KEY);
const text = (page, selector) => page.$eval(selector, (e) => e.innerText.replace(/[ \t\n]+/g, ' ').trim());

async function typeValue(page, cell, value) {
  await page.fill(cell, value);
  await page.press(cell, 'Enter');
}

/** The example workspace's backup as the app writes it (taken from the app itself). */
async function exampleBackup(page) {
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await page.waitForSelector('main#inhalt h1');
  await page.click('nav a[href="#/werte"]');
  await typeValue(page, '#zelle-0-0', '60');
  await page.waitForFunction((k) => localStorage.getItem(k) !== null, KEY);
  const doc = await storedDoc(page);
  delete doc.revision; delete doc.schreiber; delete doc.basis;
  return doc;
}

test('the undo of a new workspace is gone once another tab added data', async () => {
  const { page: a, context, log } = await openPage(env);
  await gotoApp(env, a);
  const b = await context.newPage();
  await gotoApp(env, b, '#/werte');
  await a.click('text=Neuen Arbeitsbereich anlegen');
  await a.fill('#neu-organisation', 'Jobcenter Musterkreis');
  await a.click('text=Leeren Arbeitsbereich anlegen');
  await a.waitForSelector('.rueckgaengig button');
  // Tab B takes the new workspace over and adds a value in the current year's grid.
  await b.waitForFunction(() => document.querySelector('header')?.textContent.includes('Jobcenter Musterkreis'));
  await b.click('nav a[href="#/werte"]');
  await b.selectOption('#kennzahl-einblenden', 'INT');
  await typeValue(b, '#zelle-0-0', '61');
  // Tab A takes that over: its undo would now write the example over tab B's value, so it is no longer offered.
  await a.waitForFunction(() => !document.querySelector('.rueckgaengig'));
  const doc = await storedDoc(a);
  assert.equal(doc.organisation, 'Jobcenter Musterkreis');
  assert.equal(doc.ist_werte.length, 1);
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('a backup read while the stored data is unreadable is saved only when put in its place', async () => {
  const { page, context, log } = await openPage(env);
  await gotoApp(env, page);
  const backup = await exampleBackup(page);
  backup.organisation = 'Jobcenter aus der Sicherung';
  await page.evaluate(([k]) => localStorage.setItem(k, '{"schema_version":2,"organisation":"kaputt'), [KEY]);
  await page.reload();
  await page.waitForSelector('.meldung-fehler');
  await page.click('nav a[href="#/austausch"]');
  await page.getByLabel('Sicherung einlesen …').setInputFiles({ name: 'sicherung.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(backup)) });
  await page.waitForSelector('.vorschau');
  await page.getByRole('button', { name: 'Arbeitsbereich ersetzen' }).click();
  await page.waitForFunction(() => /nicht gespeichert/.test(document.querySelector('.grid-meldung')?.textContent ?? ''));
  assert.match(await text(page, '.grid-meldung'), /Übernommen, aber nicht gespeichert: Die gespeicherten Daten sind nicht lesbar/);
  assert.equal(await stored(page), '{"schema_version":2,"organisation":"kaputt', 'the unreadable data stays');
  await page.click('text=An die Stelle der unlesbaren Daten setzen und speichern');
  await page.waitForFunction((k) => localStorage.getItem(k)?.includes('Jobcenter aus der Sicherung'), KEY);
  const aside = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.includes('.unlesbar.')));
  assert.equal(aside.length, 1, 'the unreadable data is kept aside');
  await page.reload();
  await page.waitForSelector('main#inhalt h1');
  assert.match(await page.textContent('header'), /Jobcenter aus der Sicherung/);
  assert.equal(await page.locator('.meldung-fehler').count(), 0);
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('a store that is not consistent, or has fields of a newer build, is kept aside, not trusted', async () => {
  const { page, context } = await openPage(env);
  await gotoApp(env, page);
  const backup = await exampleBackup(page);
  // Two agreements with one number: the 2023 screen would edit the 2022 agreement.
  const twins = { revision: 4, schreiber: 't-hand', ...backup };
  twins.zielvereinbarungen = backup.zielvereinbarungen.map((a) => ({ ...a, id: 1 }));
  const twinsText = JSON.stringify(twins);
  await page.evaluate(([k, v]) => localStorage.setItem(k, v), [KEY, twinsText]);
  await page.reload();
  await page.waitForSelector('.meldung-fehler');
  assert.match(await text(page, '.meldung-fehler'), /nicht stimmig: Die Nummer der Zielvereinbarung 2022 ist doppelt vergeben\./);
  assert.equal(await stored(page), twinsText);
  // A field a newer build wrote.
  const newer = JSON.stringify({ revision: 4, schreiber: 't-neu', ...backup, vergleichstyp: 'IIa' });
  await page.evaluate(([k, v]) => localStorage.setItem(k, v), [KEY, newer]);
  await page.reload();
  await page.waitForSelector('.meldung-fehler');
  assert.match(await text(page, '.meldung-fehler'), /Felder, die diese Version der Zielsteuerung nicht kennt \(vergleichstyp\)/);
  await page.click('nav a[href="#/werte"]');
  await typeValue(page, '#zelle-1-0', '55');
  assert.equal(await stored(page), newer, 'nothing written over it');
  await context.close();
});

test('a revision counter at its end is not wrapped to 0', async () => {
  const { page, context } = await openPage(env);
  await gotoApp(env, page);
  const backup = await exampleBackup(page);
  const end = `{"revision":18446744073709551615,"schreiber":"t-hand",${JSON.stringify(backup).slice(1)}`;
  await page.evaluate(([k, v]) => localStorage.setItem(k, v), [KEY, end]);
  await page.reload();
  await page.click('nav a[href="#/werte"]');
  await typeValue(page, '#zelle-1-0', '55');
  await page.waitForSelector('.meldung-fehler');
  assert.match(await text(page, '.meldung-fehler'), /Nicht gespeichert: Der Speicherzähler der gespeicherten Daten ist am Ende/);
  assert.equal(await stored(page), end);
  assert.match(await text(page, '.grid-meldung'), /nicht gespeichert/);
  await context.close();
});

test('absurd figures are refused at the grid and in a backup; nothing freezes', async () => {
  const { page, context, log } = await openPage(env);
  await gotoApp(env, page, '#/werte');
  await page.waitForSelector('table.raster');
  // K2E3 numerator 1, denominator 0,0000557.
  await typeValue(page, '#zelle-0-9', '1');
  await typeValue(page, '#zelle-0-10', '0,0000557');
  assert.equal(await text(page, '.grid-meldung'),
    'Januar, Kontinuierliche Beschäftigung nach Integration Insgesamt – Nenner: Zähler 1 und Nenner 0,0000557 ergeben eine Quote von 1.795.332 %; möglich sind höchstens 1.000 %');
  assert.equal(await page.getAttribute('#zelle-0-10', 'aria-invalid'), 'true');
  // The report (every chart) still opens.
  await page.click('nav a[href="#/bericht"]');
  await page.waitForSelector('.bericht');
  // A backup holding 1e308 is refused with the value named.
  const backup = await exampleBackup(page);
  backup.ist_werte.push({ kennzahl: 'INT', gruppe: 'Frauen', jahr: 2022, werte: [null, 1e308] });
  await gotoApp(env, page, '#/austausch');
  await page.getByLabel('Sicherung einlesen …').setInputFiles({ name: 'extrem.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(backup)) });
  await page.waitForSelector('.meldung-fehler');
  assert.match(await text(page, '.meldung-fehler'), /INT Frauen, Januar 2022: eine Zahl mit 309 Stellen ist größer, als diese Kennzahl sein kann \(höchstens 100\.000\.000\)/);
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('a file too large is refused by its size before it is read; a huge paste takes what fits and says the rest', async () => {
  const { page, context, log } = await openPage(env);
  await gotoApp(env, page, '#/austausch');
  // A 2 GB file (sparse on disk): refused at once, with its size.
  const huge = path.join(dir, 'riesig.json');
  const handle = await openFile(huge, 'w');
  await handle.truncate(2 * 1024 ** 3);
  await handle.close();
  await page.getByLabel('Sicherung einlesen …').setInputFiles(huge);
  await page.waitForSelector('.meldung-fehler');
  assert.equal(await text(page, '.meldung-fehler'), '„riesig.json“ wurde nicht eingelesen: Die Datei ist mit 2.048,0 MB zu groß (höchstens 6 MB).');
  await page.getByLabel('CSV-Datei einlesen …').setInputFiles(huge);
  await page.waitForFunction(() => /höchstens 4 MB/.test(document.querySelector('.meldung-fehler')?.textContent ?? ''));

  // 100,000 lines × 50 cells pasted into January of the first column: 13 × all columns taken, the rest counted.
  await page.click('nav a[href="#/werte"]');
  await page.waitForSelector('table.raster');
  // All the year's columns, rendered or not (the grid renders those in view: aria-colcount counts them all, with the
  // row headers).
  const columns = Number(await page.getAttribute('table.raster', 'aria-colcount')) - 1;
  assert.equal(columns, 21);
  await page.evaluate(() => {
    const line = Array.from({ length: 50 }, (_, i) => String(i % 7 + 1)).join('\t');
    const text = Array.from({ length: 100_000 }, () => line).join('\n');
    const data = new DataTransfer();
    data.setData('text/plain', text);
    document.getElementById('zelle-0-0').dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  });
  await page.waitForFunction(() => /Eingefügt/.test(document.querySelector('.grid-meldung')?.textContent ?? ''));
  const said = await text(page, '.grid-meldung');
  assert.match(said, new RegExp(`${(100_000 * 50 - 13 * columns).toLocaleString('de-DE')} Zellen lagen außerhalb der Tabelle`));
  assert.equal(await page.inputValue('#zelle-12-0'), '1');
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('the banners and the grid follow the real result of a save', async () => {
  const { page, context, log } = await openPage(env);
  // setItem refuses while window.__refuse is set (as a browser with storage switched off by policy).
  await context.addInitScript(() => {
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function (k, v) {
      if (globalThis.__refuse) throw new DOMException('refused', 'SecurityError');
      return setItem.call(this, k, v);
    };
  });
  await gotoApp(env, page, '#/werte');
  await page.evaluate(() => { globalThis.__refuse = true; });
  await typeValue(page, '#zelle-0-0', '60');
  await page.waitForSelector('.meldung-fehler');
  assert.match(await text(page, '.meldung-fehler'), /Speichern fehlgeschlagen/);
  assert.equal(await text(page, '.grid-meldung'), 'Übernommen, aber nicht gespeichert – siehe den Hinweis oben.');
  await page.evaluate(() => { globalThis.__refuse = false; });
  await typeValue(page, '#zelle-1-0', '55');
  await page.waitForFunction(() => !document.querySelector('.meldung-fehler'));
  await page.waitForFunction(() => document.querySelector('.grid-meldung')?.textContent === 'Gespeichert.');
  const doc = await storedDoc(page);
  const row = doc.ist_werte.find((r) => r.kennzahl === 'INT' && r.gruppe === 'Insgesamt' && r.jahr === 2022);
  assert.equal(row.werte.slice(1, 3).join(','), '60,55');
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('texts that look like formulas stay text in CSV and XLSX, as LibreOffice reads them', async () => {
  const { page, context } = await openPage(env);
  await gotoApp(env, page);
  const backup = await exampleBackup(page);
  const hostile = ['=1+1', '+1', '-1', '@SUM(A1)', '\uff1d1+1'];
  backup.ist_werte.push({
    kennzahl: 'INT', gruppe: 'Frauen', jahr: 2022, werte: [null, 1, 2, 3, 4, 5], kommentare: [null, ...hostile],
  });
  await loadBackup(env, page, backup);
  const save = async (button) => {
    const [dl] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
    const file = path.join(dir, dl.suggestedFilename());
    await dl.saveAs(file);
    return file;
  };
  for (const file of [await save('Werte 2022 herunterladen'), await save('Werte und Bilanz 2022 als Excel-Datei')]) {
    const profile = `file://${path.join(dir, 'lo-profile')}`;
    const args = ['--headless', '--norestore', `-env:UserInstallation=${profile}`];
    if (file.endsWith('.csv')) args.push('--infilter=CSV:59,34,76,1');
    await run('soffice', [...args, '--convert-to', 'fods', '--outdir', dir, file], { timeout: 120_000 });
    const xml = await readFile(file.replace(/\.[a-z]+$/, '.fods'), 'utf8');
    for (const t of hostile) {
      const escaped = t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      const cell = new RegExp(`<table:table-cell(?![^>]*table:formula)[^>]*office:value-type="string"[^>]*>\\s*<text:p>(?:'|&apos;)?${escaped}</text:p>`);
      assert.match(xml, cell, `${path.basename(file)}: ${t} as text`);
      assert.doesNotMatch(xml, new RegExp(`table:formula="[^"]*${escaped.replace(/^\\\+|^-|^=|^@/, '')}`), `${t} never a formula`);
    }
  }
  await context.close();
});

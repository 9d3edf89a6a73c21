// Exchange (issue 6, PRODUCT S7) as a controller does it in Chromium: figures from Excel come in as a CSV file
// (Windows-1252, as a German Excel saves it) with an import report before anything changes; the balance goes
// back as XLSX and CSV, which LibreOffice Calc opens with numbers as numbers; a backup restores the workspace
// on "another machine" (a fresh browser context).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtemp, readFile, writeFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setUp, openPage, gotoApp, axeViolations, storedValues, ARTIFACTS } from './harness.mjs';

const run = promisify(execFile);
let env;
let dir;
before(async () => {
  env = await setUp();
  dir = await mkdtemp(path.join(tmpdir(), 'zielsteuerung-austausch-'));
});
after(async () => {
  await env?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** The file a German Excel writes with "CSV (Trennzeichen-getrennt)": Windows-1252, CRLF, no BOM. */
function excelCsv(lines) {
  return Buffer.from(lines.map((l) => `${l}\r\n`).join(''), 'latin1');
}

const GOOD = [
  'Kennzahl;Personengruppe;Jahr;Monat;Wert;Zähler;Nenner;Datenstand;Kommentar',
  'INT;Insgesamt;2022;1;60;;;31.05.2022;',
  'INT;Insgesamt;2022;2;55;;;31.05.2022;',
  'INT;Insgesamt;2022;3;65;;;31.05.2022;',
  'INT;Insgesamt;2022;4;58;;;31.05.2022;',
  'INT;Insgesamt;2022;5;62;;;31.05.2022;"Nachmeldung; geprüft"',
  'INT;Frauen;2022;5;25;;;31.05.2022;',
  'INT;Männer;2022;5;37;;;31.05.2022;',
  'INT;Divers;2022;5;1;;;31.05.2022;',
  'LLU;Insgesamt;2022;1;-120000,5;;;31.05.2022;',
  'K2E3;Insgesamt;2022;3;;412;709;31.05.2022;<img src=x onerror="window.__xss=1">',
  'INT;Insgesamt;2022;6;12.5;;;31.05.2022;',
];

/** Chooses `file` in the file input labelled `label` and waits for the preview or the error. */
async function upload(page, label, name, buffer) {
  await page.getByLabel(label).setInputFiles({ name, mimeType: 'text/csv', buffer });
  await page.waitForSelector('.vorschau, .meldung-fehler');
}

/** Clicks `button` and returns the download's bytes and file name. */
async function download(page, button) {
  const [dl] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
  const file = path.join(dir, dl.suggestedFilename());
  await dl.saveAs(file);
  return { file, name: dl.suggestedFilename(), bytes: await readFile(file) };
}

async function overviewRow(page, id) {
  await page.click('nav a[href="#/uebersicht"]');
  await page.waitForSelector(`tbody[data-ziel="${id}"]`);
  return page.$$eval(`tbody[data-ziel="${id}"] tr:first-child > *`, (cells) => cells.map((c) => c.innerText.replace(/[ \t\n]+/g, ' ').trim()));
}

/** LibreOffice Calc converts `file` to a flat ODS document; its cells per row, per sheet. */
async function calc(file, infilter) {
  const profile = `file://${path.join(dir, 'lo-profile')}`;
  const args = ['--headless', '--norestore', `-env:UserInstallation=${profile}`];
  if (infilter) args.push(`--infilter=${infilter}`);
  args.push('--convert-to', 'fods', '--outdir', dir, file);
  // A German LibreOffice, as on the controllers' desks: the shown texts use the German separators.
  await run('soffice', args, { timeout: 120_000, env: { ...process.env, LANG: 'de_DE.UTF-8', LC_ALL: 'de_DE.UTF-8' } });
  const xml = await readFile(file.replace(/\.[a-z]+$/, '.fods'), 'utf8');
  const sheets = {};
  for (const [, name, body] of xml.matchAll(/<table:table table:name="([^"]*)"[^>]*>([\s\S]*?)<\/table:table>/g)) {
    sheets[name] = [...body.matchAll(/<table:table-row[^>]*>([\s\S]*?)<\/table:table-row>/g)].map(([, row]) => {
      const cells = [];
      for (const [, attrs, inner] of row.matchAll(/<table:table-cell([^>]*?)(?:\/>|>([\s\S]*?)<\/table:table-cell>)/g)) {
        const repeat = Number(/table:number-columns-repeated="(\d+)"/.exec(attrs)?.[1] ?? 1);
        const type = /office:value-type="([^"]+)"/.exec(attrs)?.[1] ?? 'empty';
        const value = /office:(?:date-)?value="([^"]+)"/.exec(attrs)?.[1];
        const text = [...(inner ?? '').matchAll(/<text:p>([\s\S]*?)<\/text:p>/g)]
          .map(([, p]) => p.replace(/<[^>]+>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&'))
          .join('\n');
        for (let i = 0; i < Math.min(repeat, 30); i++) cells.push({ type, value, text });
      }
      return cells;
    });
  }
  return sheets;
}

test('CSV from Excel: report first, accept, undo; the balance back as CSV and XLSX, read by LibreOffice', async () => {
  const { page, context, log } = await openPage(env);
  await gotoApp(env, page, '#/austausch');
  assert.equal(await page.textContent('h1'), 'Datenaustausch');
  assert.equal(await page.title(), 'Datenaustausch – Zielsteuerung');

  // A file that is no values file: a clear message, nothing else.
  await upload(page, 'CSV-Datei einlesen …', 'adressen.csv', excelCsv(['Name;Vorname', 'Meier;Anna']));
  assert.match(await page.textContent('.meldung-fehler'), /„adressen\.csv“ wurde nicht eingelesen: Die erste Zeile muss die Spaltenköpfe enthalten/);

  // The real file: the report lists every line, rejected ones first with line number and German reason.
  await upload(page, 'CSV-Datei einlesen …', 'werte-2022.csv', excelCsv(GOOD));
  assert.equal(await page.locator('.meldung-fehler').count(), 0);
  assert.equal(await page.textContent('.vorschau .zusammenfassung'), '9 neu · 0 ersetzt · 0 unverändert · 0 älter als vorhanden · 2 abgelehnt');
  const rows = await page.$$eval('.importbericht tbody tr', (trs) => trs.map((tr) => [...tr.cells].map((c) => c.textContent)));
  assert.deepEqual(rows[0], ['9', 'INT;Divers;2022;5;1;;;31.05.2022;', 'abgelehnt: Personengruppe „Divers“ ist nicht Insgesamt, Frauen oder Männer']);
  assert.deepEqual(rows[1], ['12', 'INT;Insgesamt;2022;6;12.5;;;31.05.2022;', 'abgelehnt: Wert: „12.5“: Bitte das Komma als Dezimaltrennzeichen verwenden, z. B. 12,5.']);
  assert.deepEqual(rows[2], ['2', 'INT Insgesamt, Januar 2022 = 60 (Datenstand 31.05.2022)', 'neu']);
  assert.deepEqual(rows[8], ['8', 'INT Männer, Mai 2022 = 37 (Datenstand 31.05.2022)', 'neu']);
  // The markup in a comment is text, never markup.
  assert.equal(await page.locator('.vorschau img').count(), 0);
  assert.equal(await page.evaluate(() => window.__xss), undefined);
  assert.deepEqual(await axeViolations(page), []);
  await page.screenshot({ path: `${ARTIFACTS}/austausch-importbericht.png`, fullPage: true });

  // Nothing has changed yet.
  assert.equal((await overviewRow(page, 3))[1], '–');
  await page.click('nav a[href="#/austausch"]');
  await upload(page, 'CSV-Datei einlesen …', 'werte-2022.csv', excelCsv(GOOD));
  await page.getByRole('button', { name: 'Übernehmen' }).click();
  assert.match(await page.textContent('.rueckgaengig'), /Der Import wurde übernommen\./);
  assert.equal(await page.locator('.vorschau').count(), 0);
  // 300 through May against 770 × 5/12: −21, 93,5 %, kritisch (the same figures as typed by hand).
  assert.deepEqual((await overviewRow(page, 3)).slice(1, 5), ['300 (bis Mai)', '≥ 770', '−21', '93,5\u00a0%']);

  // Undo, also after a look at another screen, restores the workspace before the import; the import can then
  // be taken again.
  await page.click('nav a[href="#/austausch"]');
  await page.getByRole('button', { name: 'Import rückgängig machen' }).click();
  assert.equal(await page.textContent('.grid-meldung'), 'Rückgängig gemacht.');
  assert.equal(await page.locator('.rueckgaengig').count(), 0);
  assert.equal((await overviewRow(page, 3))[1], '–');
  await page.click('nav a[href="#/austausch"]');
  await upload(page, 'CSV-Datei einlesen …', 'werte-2022.csv', excelCsv(GOOD));
  await page.getByRole('button', { name: 'Übernehmen' }).click();
  assert.equal((await overviewRow(page, 3))[1], '300 (bis Mai)');
  await page.click('nav a[href="#/austausch"]');

  // The same file again changes nothing: the button is off and the report says so.
  await upload(page, 'CSV-Datei einlesen …', 'werte-2022.csv', excelCsv(GOOD));
  assert.equal(await page.textContent('.vorschau .zusammenfassung'), '0 neu · 0 ersetzt · 9 unverändert · 0 älter als vorhanden · 2 abgelehnt');
  assert.equal(await page.getByRole('button', { name: 'Übernehmen' }).isDisabled(), true);
  await page.getByRole('button', { name: 'Verwerfen' }).click();

  // Back to Excel: the CSV of 2022 with BOM, ";" and decimal comma; the comment's markup guarded as text.
  const csv = await download(page, 'Werte 2022 herunterladen');
  assert.equal(csv.name, 'zielsteuerung-werte-2022.csv');
  const text = csv.bytes.toString('utf8');
  assert.ok(text.startsWith('\ufeffKennzahl;Personengruppe;Jahr;Monat;Wert;Zähler;Nenner;Datenstand;Kommentar\r\n'));
  assert.match(text, /\r\nINT;Insgesamt;2022;5;62;;;31\.05\.2022;"Nachmeldung; geprüft"\r\n/);
  assert.match(text, /\r\nLLU;Insgesamt;2022;1;-120000,5;;;31\.05\.2022;\r\n/);
  assert.ok(text.includes('\r\nK2E3;Insgesamt;2022;3;;412;709;31.05.2022;"<img src=x onerror=""window.__xss=1"">"\r\n'), text);

  const xlsx = await download(page, 'Werte und Bilanz 2022 als Excel-Datei');
  assert.equal(xlsx.name, 'zielsteuerung-2022.xlsx');
  assert.equal(xlsx.bytes.subarray(0, 2).toString('latin1'), 'PK', 'a zip container');
  assert.deepEqual(log.errors, []);
  await context.close();

  // LibreOffice Calc, German locale for the CSV: numbers are numbers with the right values, dates are dates.
  const fromCsv = await calc(csv.file, 'CSV:59,34,76,1,,1031');
  const csvRows = Object.values(fromCsv)[0];
  const find = (rowsOf, pred) => rowsOf.find((r) => pred(r.map((c) => c.text)));
  const may = find(csvRows, (t) => t[0] === 'INT' && t[1] === 'Insgesamt' && t[3] === '5');
  assert.deepEqual([may[4].type, Number(may[4].value)], ['float', 62]);
  assert.deepEqual([may[7].type, may[7].value], ['date', '2022-05-31']);
  assert.equal(may[8].text, 'Nachmeldung; geprüft');
  const llu = find(csvRows, (t) => t[0] === 'LLU');
  assert.deepEqual([llu[4].type, Number(llu[4].value)], ['float', -120000.5]);
  const quota = find(csvRows, (t) => t[0] === 'K2E3');
  assert.deepEqual([quota[5].type, Number(quota[5].value), quota[6].type, Number(quota[6].value)], ['float', 412, 'float', 709]);
  assert.equal(quota[8].type, 'string', 'the comment stays text');

  const book = await calc(xlsx.file);
  assert.deepEqual(Object.keys(book), ['Bilanz', 'Werte']);
  const values = book.Werte;
  assert.deepEqual(values[0].slice(0, 9).map((c) => c.text), ['Kennzahl', 'Personengruppe', 'Jahr', 'Monat', 'Wert', 'Zähler', 'Nenner', 'Datenstand', 'Kommentar']);
  const xMay = find(values, (t) => t[0] === 'INT' && t[1] === 'Insgesamt' && t[3] === '5');
  assert.deepEqual([xMay[2].type, Number(xMay[2].value), xMay[4].type, Number(xMay[4].value)], ['float', 2022, 'float', 62]);
  assert.deepEqual([xMay[7].type, xMay[7].value.slice(0, 10), xMay[7].text], ['date', '2022-05-31', '31.05.2022']);
  const xQuota = find(values, (t) => t[0] === 'K2E3');
  assert.equal(xQuota[4].type, 'percentage');
  assert.ok(Math.abs(Number(xQuota[4].value) - 412 / 709) < 1e-12, xQuota[4].value);
  assert.equal(xQuota[4].text, '58,1 %', 'shown the German way');
  const xLlu = find(values, (t) => t[0] === 'LLU');
  assert.equal(Number(xLlu[4].value), -120000.5);
  assert.match(xLlu[4].text, /^-120\.000,50/);
  // The balance: integrations 300 through May against the target 770, ratio to date 93,5 %.
  const balance = book.Bilanz;
  const header = balance.findIndex((r) => r[0]?.text === 'Ziel');
  assert.ok(header > 0, 'the table header');
  const cols = balance[header].map((c) => c.text);
  const intRow = find(balance.slice(header + 1), (t) => t[1] === 'INT' && /Insgesamt/.test(t[0]));
  const at = (name) => intRow[cols.indexOf(name)];
  assert.deepEqual([at('Zielwert').type, Number(at('Zielwert').value)], ['float', 770]);
  assert.deepEqual([at('Ist').type, Number(at('Ist').value)], ['float', 300]);
  assert.equal(at('Ist/Soll').type, 'percentage');
  assert.equal(at('Ist/Soll').text, '93,5 %');
  assert.equal(at('Status').text, 'kritisch');
  // Issue 20: the direction of each target, and figures stored as the app shows them (LibreOffice reads 770 as
  // exactly 770, no float noise behind it).
  assert.equal(at('Richtung').text, '≥ Mindestwert');
  const lzb = find(balance.slice(header + 1), (t) => t[1] === 'LZB' && /Insgesamt/.test(t[0]));
  assert.equal(lzb[cols.indexOf('Richtung')].text, '≤ Obergrenze');
  for (const row of balance.slice(header + 1)) {
    for (const cell of row.filter((c) => c.type === 'float')) {
      const v = Number(cell.value);
      assert.equal(v, Math.round(v * 10000) / 10000, `stored rounded: ${cell.value}`);
    }
  }
});

test('a backup restores the workspace on another machine; a merge lists its conflicts', async () => {
  // Machine A: values typed in the grid, then the backup downloaded.
  const a = await openPage(env);
  await gotoApp(env, a.page, '#/werte');
  await a.page.fill('#datenstand', '30.06.2022');
  await a.page.keyboard.press('Tab');
  await a.page.focus('#zelle-0-0');
  for (const v of ['60', '55', '65']) {
    await a.page.keyboard.type(v);
    await a.page.keyboard.press('Enter');
  }
  await a.page.click('nav a[href="#/austausch"]');
  const backup = await download(a.page, 'Sicherung herunterladen');
  assert.match(backup.name, /^zielsteuerung-sicherung-\d{4}-\d{2}-\d{2}\.json$/);
  const doc = JSON.parse(backup.bytes.toString('utf8'));
  assert.equal(doc.schema_version, 3);
  assert.equal(storedValues(doc).filter((v) => v.jahr === 2022).length, 3);

  // Machine B: a fresh browser with the example only. A broken file first: refused, nothing changed.
  const b = await openPage(env);
  await gotoApp(env, b.page, '#/austausch');
  await upload(b.page, 'Sicherung einlesen …', 'kaputt.json', backup.bytes.subarray(0, 200));
  assert.match(await b.page.textContent('.meldung-fehler'), /„kaputt\.json“ wurde nicht eingelesen: Die Datei ist keine Sicherung der Zielsteuerung/);
  await upload(b.page, 'Sicherung einlesen …', backup.name, backup.bytes);
  assert.match(await b.page.textContent('.vorschau'), /Sicherung von „Kommunales Job-Center \(KJC\) Odenwaldkreis“: Zielvereinbarungen 2021, 2022; 5 Werte, neuester Datenstand 30\.06\.2022\./);
  assert.match(await b.page.textContent('.vorschau'), /Zusammenführen: 3 Werte neu, 0 durch neueren Datenstand ersetzt, 0 bleiben, 2 gleich/);
  await b.page.getByRole('button', { name: 'Arbeitsbereich ersetzen' }).click();
  assert.match(await b.page.textContent('.grid-meldung'), /Arbeitsbereich aus der Sicherung wiederhergestellt\./);
  await b.page.reload();
  await b.page.waitForSelector('main#inhalt h1');
  await b.page.click('nav a[href="#/werte"]');
  await b.page.waitForSelector('table.raster');
  assert.deepEqual(
    await Promise.all([0, 1, 2].map((r) => b.page.inputValue(`#zelle-${r}-0`))),
    ['60', '55', '65'],
    'restored and kept over a reload',
  );

  // On B, March is corrected with a newer Datenstand; merging A's backup keeps it and says why.
  await b.page.fill('#datenstand', '31.07.2022');
  await b.page.keyboard.press('Tab');
  await b.page.fill('#zelle-2-0', '66');
  await b.page.keyboard.press('Enter');
  await b.page.click('nav a[href="#/austausch"]');
  await upload(b.page, 'Sicherung einlesen …', backup.name, backup.bytes);
  assert.deepEqual(
    await b.page.$$eval('.konflikte li', (lis) => lis.map((li) => li.textContent)),
    ['INT Insgesamt, März 2022: hier 66 (Datenstand 31.07.2022), in der Sicherung 65 (Datenstand 30.06.2022); Ihr Wert bleibt (neuerer Datenstand).'],
  );
  assert.deepEqual(await axeViolations(b.page), []);
  await b.page.screenshot({ path: `${ARTIFACTS}/austausch-sicherung.png`, fullPage: true });
  await b.page.getByRole('button', { name: 'Zusammenführen' }).click();
  await b.page.click('nav a[href="#/werte"]');
  await b.page.waitForSelector('table.raster');
  assert.equal(await b.page.inputValue('#zelle-2-0'), '66');
  assert.deepEqual([...a.log.errors, ...b.log.errors], []);
  await a.context.close();
  await b.context.close();
});

test('in English the screen and the import report speak English', async () => {
  const { page, context, log } = await openPage(env);
  await gotoApp(env, page, '#/austausch');
  await page.click('.sprachwahl');
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  assert.equal(await page.textContent('main h1'), 'Import & export');
  await upload(page, 'Read a CSV file …', 'figures.csv', excelCsv(GOOD));
  assert.equal(await page.textContent('.vorschau .zusammenfassung'), '9 new · 0 replaced · 0 unchanged · 0 older than existing · 2 rejected');
  const rows = await page.$$eval('.importbericht tbody tr', (trs) => trs.map((tr) => [...tr.cells].map((c) => c.textContent)));
  assert.deepEqual(rows[0].slice(0, 1).concat(rows[0].slice(2)), ['9', 'rejected: population “Divers” is not Insgesamt (total), Frauen (women) or Männer (men)']);
  assert.deepEqual(rows[1][2], 'rejected: value: “12.5”: this file uses the decimal comma, e.g. 12,5.');
  assert.deepEqual(rows[2].slice(1), ['INT Total, January 2022 = 60 (as of 31/05/2022)', 'new']);
  assert.deepEqual(await axeViolations(page), []);
  await page.screenshot({ path: `${ARTIFACTS}/austausch-englisch.png`, fullPage: true });
  assert.deepEqual(log.errors, []);
  await context.close();
});

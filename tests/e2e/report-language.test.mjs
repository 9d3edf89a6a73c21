// The printed report (charts with data tables, A4 pages, no app chrome) and the German/English switch.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { setUp, openPage, gotoApp, axeViolations, ARTIFACTS } from './harness.mjs';

let env;
before(async () => { env = await setUp(); });
after(async () => { await env?.close(); });

const pdfText = (file) => execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
const pdfPages = (file) => Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))[1]);

test('report 2021: header, summary, each target with sentence, chart and table; printed to A4 PDF', async () => {
  const { page, context, log } = await openPage(env);
  await gotoApp(env, page, '#/bericht');
  await page.selectOption('#jahr', '2021');
  await page.waitForFunction(() => document.querySelector('main h1')?.textContent === 'Bericht zur Zielvereinbarung 2021');
  const header = await page.textContent('.bericht-kopf');
  assert.match(header, /Odenwaldkreis/);
  assert.match(header, /Hessisches Ministerium/);
  assert.match(header, /Datenstand: nicht angegeben/);
  assert.equal(await page.textContent('.bericht-zusammenfassung .bilanz-zahlen'), '1 erreicht · 1 nicht erreicht');
  assert.equal(await page.locator('section.bericht-ziel').count(), 2);
  // Every chart is an image with a text alternative and has its data table.
  const svgs = page.locator('.bericht-ziel svg[role="img"]');
  assert.equal(await svgs.count(), 2);
  // Each year against its own agreement's target: 2020 had none.
  assert.match(await page.textContent('#ziel-1-verlauf svg title'), /Ist: 718 \(2021\)\. Ziel: 690 \(2021\)\./);
  const rows = await page.$$eval('#ziel-1-verlauf table.diagramm-daten tbody tr', (trs) =>
    trs.map((tr) => [...tr.children].map((c) => c.textContent.trim())));
  assert.deepEqual(rows, [['2020', '–', '–'], ['2021', '718', '690']]);
  assert.deepEqual(await axeViolations(page), []);
  await page.screenshot({ path: `${ARTIFACTS}/bericht-2021.png`, fullPage: true });

  await page.emulateMedia({ media: 'print' });
  const file = `${ARTIFACTS}/bericht-2021.pdf`;
  writeFileSync(file, await page.pdf({ format: 'A4', printBackground: true }));
  // Summary on the first page, then one page per target.
  assert.equal(pdfPages(file), 3);
  const text = pdfText(file);
  assert.match(text, /Bericht zur Zielvereinbarung 2021/);
  assert.match(text, /1 erreicht · 1 nicht erreicht/);
  assert.match(text.replace(/\s+/g, ' '), /Die Summe der Integrationen lag 2021 mit 718 über dem vereinbarten Zielwert von 690\./);
  assert.match(text.replace(/\s+/g, ' '), /2021 2\.035 2\.030/, 'the cap of 2021 in the chart\'s table');
  assert.doesNotMatch(text, /Zum Inhalt springen|Ist-Werte erfassen|Bericht drucken|Alle Daten bleiben/, 'no app chrome in print');
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('report 2022 with five months typed: the course chart with target path and forecast', async () => {
  const { page, context, log } = await openPage(env);
  await gotoApp(env, page, '#/werte');
  await page.waitForSelector('table.raster');
  for (const [row, value] of [[0, '60'], [1, '55'], [2, '60'], [3, '65'], [4, '60']]) {
    await page.fill(`#zelle-${row}-0`, value);
    await page.press(`#zelle-${row}-0`, 'Enter');
  }
  await page.click('nav a[href="#/bericht"]');
  await page.waitForSelector('#ziel-3-verlauf svg');
  const legend = await page.$$eval('#ziel-3-verlauf table.diagramm-daten thead th', (ths) => ths.map((t) => t.textContent));
  assert.deepEqual(legend, ['Monat', 'Ist kumuliert', 'Soll-Pfad', 'Prognose', 'Ziel']);
  const december = await page.$$eval('#ziel-3-verlauf table.diagramm-daten tbody tr:last-child > *', (cs) => cs.map((c) => c.textContent.trim()));
  assert.deepEqual(december, ['Dezember', '–', '770', '720', '770']);
  await page.emulateMedia({ media: 'print' });
  const file = `${ARTIFACTS}/bericht-2022.pdf`;
  writeFileSync(file, await page.pdf({ format: 'A4', printBackground: true }));
  // Summary, then the ten targets one page each.
  assert.equal(pdfPages(file), 11);
  const text = pdfText(file);
  assert.match(text, /Integrationen – Insgesamt: kumuliertes Ist, Soll-Pfad und Prognose 2022/);
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('language switch: English throughout, remembered over a reload, numbers typed the English way', async () => {
  const { page, context, log } = await openPage(env);
  await gotoApp(env, page);
  const toggle = page.locator('button.sprachwahl');
  assert.equal(await toggle.locator('span[lang="en"]').textContent(), 'English');
  assert.equal(await toggle.textContent(), 'Sprache wechseln: English', 'its name says what it does');
  await toggle.focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  assert.equal(await page.textContent('main h1'), 'Overview');
  assert.equal(await page.title(), 'Overview – Zielsteuerung');
  assert.equal(await page.evaluate(() => document.activeElement?.className), 'sprachwahl', 'focus stays on the switch');
  const nav = await page.locator('nav.hauptnavigation a').allTextContents();
  assert.deepEqual(nav, ['Overview', 'Target agreement', 'Enter actual figures', 'Annual balance', 'Report', 'Import & export', 'Comparison']);
  await page.selectOption('#jahr', '2021');
  await page.waitForFunction(() => document.querySelector('tbody[data-ziel="1"]'));
  const status = await page.textContent('tbody[data-ziel="1"] .status');
  assert.match(status, /achieved/);
  assert.match(await page.textContent('tbody[data-ziel="2"] .ziel-titel'), /Long-term benefit recipients/);
  assert.deepEqual(await axeViolations(page), []);
  await page.screenshot({ path: `${ARTIFACTS}/overview-en.png`, fullPage: true });

  await page.reload();
  await page.waitForSelector('main h1');
  assert.equal(await page.textContent('main h1'), 'Overview', 'the language is remembered');
  assert.equal(await page.getAttribute('html', 'lang'), 'en');

  await page.click('nav a[href="#/werte"]');
  await page.waitForSelector('table.raster');
  await page.selectOption('#jahr', '2022');
  // The data date for entries follows the language's date format.
  assert.match(await page.inputValue('#datenstand'), /^\d\d\/\d\d\/\d{4}$/);
  await page.fill('#zelle-0-0', '1.5');
  await page.press('#zelle-0-0', 'Enter');
  // The save runs under the Web Lock, a moment after the commit: the grid says "Saving …" first.
  await page.waitForFunction(() => /Saved\./.test(document.querySelector('.grid-meldung')?.textContent ?? ''));
  await page.fill('#zelle-1-0', '12,5');
  await page.press('#zelle-1-0', 'Enter');
  assert.match(await page.textContent('.grid-meldung'), /please use a point as the decimal separator, e\.g\. 12\.5/);
  await page.fill('#zelle-1-0', '1,066');
  await page.press('#zelle-1-0', 'Enter');
  assert.equal(await page.inputValue('#zelle-1-0'), '1,066');

  // Back to German: the same values in German notation.
  await page.click('button.sprachwahl');
  await page.waitForFunction(() => document.documentElement.lang === 'de');
  assert.equal(await page.textContent('main h1'), 'Ist-Werte erfassen');
  assert.equal(await page.inputValue('#zelle-0-0'), '1,5');
  assert.equal(await page.inputValue('#zelle-1-0'), '1.066');
  assert.match(await page.inputValue('#datenstand'), /^\d\d\.\d\d\.\d{4}$/);
  assert.deepEqual(log.errors, []);
  await context.close();
});

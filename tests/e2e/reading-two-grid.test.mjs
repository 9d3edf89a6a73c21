// What a controller trips over in the value grid and the target form, round two (issue 20): the rate beside an
// annual value, a typed rate over numerator and denominator (said, undoable), a link to a missing previous-year
// figure that opens every indicator the next year needs, the year's figure from the months, the row labels in
// view while the grid scrolls at 1366 px, the unit of a change of a count, "Rückgängig gemacht." not stacking.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setUp, openPage, axeViolations, loadBackup, storedDoc, storedValues, ARTIFACTS } from './harness.mjs';

let env;
before(async () => { env = await setUp(); });
after(async () => { await env?.close(); });

const WIDE = { viewport: { width: 1366, height: 900 } };

/** 2022 looks back at 2021: LZB may rise by 14 % at most, K2 may fall by 6,9 % at most; 2021 has LZB's months. */
function lookingBack() {
  return {
    schema_version: 2,
    organisation: 'Jobcenter Musterland',
    zielvereinbarungen: [{
      id: 1, jahr: 2022, jobcenter: 'Jobcenter Musterland', partner: 'Staatsministerium',
      ziele: [
        { id: 1, kategorie: 'Bundesziel', format: 'veraenderung_zum_vorjahr', kennzahl: 'LZB', gruppe: 'Insgesamt',
          grenze: 'steigt_um_hoechstens', veraenderung: 14, einheit: 'Prozent' },
        { id: 2, kategorie: 'Bundesziel', format: 'veraenderung_zum_vorjahr', kennzahl: 'K2', gruppe: 'Insgesamt',
          grenze: 'sinkt_um_hoechstens', veraenderung: 6.9, einheit: 'Prozent' },
      ],
    }],
    ist_werte: [
      // 2.200 from January to June, 2.300 from July: the average is 2.250.
      { kennzahl: 'LZB', gruppe: 'Insgesamt', jahr: 2021,
        werte: [null, 2200, 2200, 2200, 2200, 2200, 2200, 2300, 2300, 2300, 2300, 2300, 2300] },
      { kennzahl: 'K2', gruppe: 'Insgesamt', jahr: 2023, zaehler: [145], nenner: [1000] },
    ],
  };
}

const text = (page, selector) => page.$eval(selector, (e) => e.innerText.replace(/[ \t\n]+/g, ' ').trim());

/** The grid's input labelled `label` (indicator, population and part, then the period). */
const cell = (page, label) => page.getByLabel(label, { exact: true });

async function typeInto(page, label, value) {
  await cell(page, label).fill(value);
  await cell(page, label).press('Enter');
}

async function showYear(page, year) {
  await page.selectOption('#jahr', String(year));
  await page.waitForFunction((y) => document.querySelector('#jahr')?.value === y, String(year));
}

test('the rate beside an annual value, and a rate typed over its parts said and undone, in German and English', async () => {
  const { page, context, log } = await openPage(env, WIDE);
  await loadBackup(env, page, lookingBack());
  await page.click('nav a[href="#/werte"]');
  await showYear(page, 2023);
  const rate = 'Integrationsquote Insgesamt – Quote in %, Jahreswert';
  const numerator = 'Integrationsquote Insgesamt – Zähler, Jahreswert';
  // 145 / 1.000 for the whole year is 14,5 %, not 174,0 (twelve times a month's rate).
  assert.equal(await cell(page, rate).inputValue(), '14,5');
  assert.equal(await cell(page, numerator).inputValue(), '145');
  // A published rate typed over the parts: stored, and what went is said with the undo.
  await typeInto(page, rate, '14,6');
  await page.waitForSelector('.rueckgaengig');
  assert.equal(await text(page, '.rueckgaengig p'),
    'Zähler 145 und Nenner 1.000 (Jahreswert, Integrationsquote Insgesamt) durch die Quote 14,6\u00a0% ersetzt. Sie stehen ' +
    'in der Historie des Werts; „Rückgängig“ stellt sie wieder her.');
  await page.waitForFunction(() => document.querySelector('.grid-meldung')?.textContent === 'Gespeichert.');
  assert.equal(await cell(page, numerator).inputValue(), '');
  let k2 = storedValues(await storedDoc(page)).filter((v) => v.kennzahl === 'K2');
  // Entered in the grid: with the entry's Datenstand (today).
  assert.match(k2[0]?.datenstand ?? '', /^\d{4}-\d{2}-\d{2}$/);
  assert.deepEqual(k2.map(({ datenstand, ...v }) => v), [{ kennzahl: 'K2', gruppe: 'Insgesamt', jahr: 2023, wert: 14.6 }]);
  await page.screenshot({ path: `${ARTIFACTS}/zwei-quote-ersetzt-de.png`, fullPage: true });
  assert.deepEqual(await axeViolations(page), []);
  await page.getByRole('button', { name: 'Rückgängig', exact: true }).click();
  await page.waitForFunction(() => document.querySelector('.grid-meldung')?.textContent === 'Rückgängig gemacht.');
  assert.equal(await page.$('.rueckgaengig'), null);
  assert.equal(await cell(page, numerator).inputValue(), '145');
  assert.equal(await cell(page, rate).inputValue(), '14,5');
  await page.waitForFunction(() => {
    const doc = JSON.parse(localStorage.getItem('zielsteuerung.arbeitsbereich'));
    return doc && Object.keys(doc.werte ?? {}).includes('2023');
  });
  k2 = storedValues(await storedDoc(page)).filter((v) => v.kennzahl === 'K2');
  assert.deepEqual(k2, [{ kennzahl: 'K2', gruppe: 'Insgesamt', jahr: 2023, zaehler: 145, nenner: 1000 }]);

  // English: the same, said in English.
  await page.click('button.sprachwahl');
  const rateEn = 'Integration rate Total – rate in %, Annual figure';
  await page.waitForSelector('.raster');
  assert.equal(await cell(page, rateEn).inputValue(), '14.5');
  await typeInto(page, rateEn, '14.6');
  await page.waitForSelector('.rueckgaengig');
  assert.match(await text(page, '.rueckgaengig p'),
    /^Numerator 145 and denominator 1,000 \(Annual figure, Integration rate Total\) replaced by the rate 14\.6\u00a0%\./);
  await page.screenshot({ path: `${ARTIFACTS}/zwei-quote-ersetzt-en.png`, fullPage: true });
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('a missing previous-year figure opens every indicator the next year needs, with the year from the months', async () => {
  const { page, context, log } = await openPage(env, WIDE);
  await loadBackup(env, page, lookingBack());
  await page.click('nav a[href="#/uebersicht"]');
  await showYear(page, 2022);
  await page.waitForSelector('tbody[data-ziel="2"]');
  // K2 2021 is missing: its remark links to the cell.
  await page.click('tbody[data-ziel="2"] .ziel-hinweise a');
  await page.waitForSelector('.raster');
  assert.equal(await page.$eval('#jahr', (e) => e.value), '2021');
  const groups = await page.$$eval('.raster thead tr:first-child th', (ths) => ths.map((t) => t.textContent.trim()));
  assert.deepEqual(groups.sort(), ['Bestand Langzeitleistungsbeziehende', 'Integrationsquote'].sort());
  // The LZB annual row: the average the cap is judged by, read-only, beside the empty annual input.
  const fromMonths = await page.$$eval('.raster tr.aus-monaten > *', (cells) => cells.map((c) => c.textContent.trim()));
  assert.equal(fromMonths[0], 'Aus den Monaten');
  const lzbTotal = await page.$$eval('.raster thead tr:last-child th', (ths) =>
    ths.findIndex((t, i) => i > 0 && t.textContent.trim() === 'Insgesamt' && t.closest('table').querySelector(`tbody tr td:nth-child(${i + 1}) input`)?.getAttribute('aria-label').startsWith('Bestand')));
  assert.ok(lzbTotal > 0, 'LZB Insgesamt column');
  assert.equal(fromMonths[lzbTotal], '2.250');
  assert.equal(await page.$$eval('.raster tr.aus-monaten input', (i) => i.length), 0);
  // The overview's cap says the same 2.250 × 1,14 = 2.565.
  const focused = await page.evaluate(() => document.activeElement?.getAttribute('aria-label'));
  assert.equal(focused, 'Integrationsquote Insgesamt – Quote in %, Jahreswert');
  // At 1366 px the grid scrolls in its frame, not the page, and the month labels stay in view.
  const frame = await page.$eval('.tabelle-rahmen', (e) => ({ scroll: e.scrollWidth - e.clientWidth }));
  assert.ok(frame.scroll > 0, 'the grid is wider than 1366 px here');
  assert.equal(await page.evaluate(() => document.scrollingElement.scrollWidth - window.innerWidth), 0);
  await page.$eval('.tabelle-rahmen', (e) => { e.scrollLeft = e.scrollWidth; });
  const [frameLeft, labelLeft] = await page.evaluate(() => [
    document.querySelector('.tabelle-rahmen').getBoundingClientRect().left,
    document.querySelector('.raster tbody th').getBoundingClientRect().left,
  ]);
  assert.ok(Math.abs(labelLeft - frameLeft) <= 2, `row label at ${labelLeft}, frame at ${frameLeft}`);
  await page.screenshot({ path: `${ARTIFACTS}/zwei-raster-verlinkt-de.png` });
  assert.deepEqual(await axeViolations(page), []);
  await page.click('button.sprachwahl');
  await page.waitForSelector('.raster tr.aus-monaten');
  assert.equal(await text(page, '.raster tr.aus-monaten th'), 'From the months');
  const fromMonthsEn = await page.$$eval('.raster tr.aus-monaten > *', (cells) => cells.map((c) => c.textContent.trim()));
  assert.ok(fromMonthsEn.includes('2,250'));
  await page.screenshot({ path: `${ARTIFACTS}/zwei-raster-verlinkt-en.png` });
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('a change of a count offers "%" only and shows its unit; "Rückgängig gemacht." does not stack', async () => {
  const { page, context, log } = await openPage(env, WIDE);
  await loadBackup(env, page, lookingBack());
  await page.click('nav a[href="#/vereinbarung"]');
  await showYear(page, 2022);
  await page.click('button:has-text("Ziel hinzufügen")');
  await page.selectOption('#ziel-format', 'veraenderung_zum_vorjahr');
  await page.selectOption('#ziel-kennzahl', 'LZB');
  await page.waitForFunction(() => document.querySelectorAll('#ziel-einheit option').length === 1);
  assert.deepEqual(await page.$$eval('#ziel-einheit option', (o) => o.map((x) => x.textContent)), ['% (relativ)']);
  assert.equal(await page.$eval('#ziel-einheit', (s) => s.selectedOptions[0]?.textContent), '% (relativ)');
  // A rate offers both, "%" shown until points are chosen.
  await page.selectOption('#ziel-kennzahl', 'K2');
  await page.waitForFunction(() => document.querySelectorAll('#ziel-einheit option').length === 2);
  assert.equal(await page.$eval('#ziel-einheit', (s) => s.selectedOptions[0]?.textContent), '% (relativ)');
  await page.screenshot({ path: `${ARTIFACTS}/zwei-einheit-de.png`, fullPage: true });
  assert.deepEqual(await axeViolations(page), []);
  await page.reload();
  await page.waitForSelector('tr[data-ziel="1"]');

  // Remove a target, undo, remove another: the banner of the second removal stands alone.
  await page.click('tr[data-ziel="1"] button:has-text("Entfernen")');
  await page.getByRole('button', { name: 'Rückgängig', exact: true }).click();
  await page.waitForFunction(() => document.querySelector('.grid-meldung')?.textContent === 'Rückgängig gemacht.');
  await page.click('tr[data-ziel="2"] button:has-text("Entfernen")');
  await page.waitForSelector('.rueckgaengig');
  assert.equal(await page.$eval('.grid-meldung', (e) => e.textContent), '');
  assert.match(await text(page, '.rueckgaengig p'), /^Ziel „.*“ entfernt\.$/);
  assert.deepEqual(log.errors, []);
  await context.close();
});

// What a controller trips over, round two (issue 20), on the balance: the summary counts each status apart (a
// critical target is not "offen"), and a year that has ended without figures says "Keine Daten", not "Vorläufig"
// – in German and English.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setUp, openPage, gotoApp, axeViolations, loadBackup, targetRow, ARTIFACTS } from './harness.mjs';

let env;
before(async () => { env = await setUp(); });
after(async () => { await env?.close(); });

const WIDE = { viewport: { width: 1366, height: 900 } };
/** The year the browser's clock says: an agreement of it runs. */
const THIS_YEAR = new Date().getFullYear();

/** 2022 has ended: integrations through May only (kritisch), the LZB cap without any figure; this year's
 * agreement has no figure yet. */
function workspace() {
  const targets = [
    { id: 1, kategorie: 'Bundesziel', format: 'mindestens', kennzahl: 'INT', gruppe: 'Insgesamt', zielwert: 770 },
    { id: 2, kategorie: 'Bundesziel', format: 'hoechstens', kennzahl: 'LZB', gruppe: 'Insgesamt', obergrenze: 2020 },
  ];
  return {
    schema_version: 2,
    organisation: 'Jobcenter Musterland',
    zielvereinbarungen: [
      { id: 1, jahr: 2022, jobcenter: 'Jobcenter Musterland', partner: 'Ministerium', ziele: targets },
      { id: 2, jahr: THIS_YEAR, jobcenter: 'Jobcenter Musterland', partner: 'Ministerium',
        ziele: targets.map((t) => ({ ...t, id: t.id + 10 })) },
    ],
    ist_werte: [{ kennzahl: 'INT', gruppe: 'Insgesamt', jahr: 2022, werte: [null, 60, 60, 60, 60, 60] }],
  };
}

const notes = (page) => page.$$eval('main .hinweis[role="note"]', (ps) => ps.map((p) => p.textContent.trim()));

async function showYear(page, year) {
  await page.selectOption('#jahr', String(year));
  await page.waitForFunction((y) => document.querySelector('main h2')?.textContent.endsWith(y), String(year));
}

test('the balance of a year that has ended without figures says "Keine Daten"; the summary counts by status', async () => {
  const { page, context, log } = await openPage(env, WIDE);
  await loadBackup(env, page, workspace());
  await page.click('nav a[href="#/bilanz"]');
  await showYear(page, 2022);
  await page.waitForSelector('tbody[data-ziel="2"]');
  // 300 through May against 770: kritisch, not "offen"; the LZB has no figure at all.
  assert.equal(await page.textContent('.bilanz-zahlen'), '1 kritisch · 1 keine Daten');
  assert.equal((await targetRow(page, 1))[5], '‼ kritisch');
  assert.equal((await targetRow(page, 2))[5], '… keine Daten');
  assert.deepEqual(await notes(page), [
    'Vorläufig: Für einige Ziele liegt noch kein vollständiges Jahr vor; dort stehen der Stand bis zum letzten Monat mit Daten und die Prognose.',
    'Keine Daten: Für 1 Ziel liegt für 2022 kein Ist-Wert vor, obwohl das Jahr abgelaufen ist; es bleibt unbewertet, bis Werte erfasst sind.',
  ]);
  assert.deepEqual(await axeViolations(page), []);
  await page.screenshot({ path: `${ARTIFACTS}/reading-two-bilanz-2022.png`, fullPage: true });

  // The running year without figures: provisional, nothing about a year that has ended.
  await showYear(page, THIS_YEAR);
  await page.waitForSelector('tbody[data-ziel="11"]');
  assert.equal(await page.textContent('.bilanz-zahlen'), '2 keine Daten');
  assert.deepEqual(await notes(page), [
    'Vorläufig: Für einige Ziele liegt noch kein vollständiges Jahr vor; dort stehen der Stand bis zum letzten Monat mit Daten und die Prognose.',
  ]);

  // The overview says the same summary.
  await page.click('nav a[href="#/uebersicht"]');
  await showYear(page, 2022);
  assert.equal(await page.textContent('.bilanz-zahlen'), '1 kritisch · 1 keine Daten');

  // English.
  await page.click('button.sprachwahl');
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  await page.click('nav a[href="#/bilanz"]');
  await showYear(page, 2022);
  assert.equal(await page.textContent('.bilanz-zahlen'), '1 critical · 1 no data');
  assert.deepEqual(await notes(page), [
    'Provisional: for some targets the year is not complete yet; they show the state up to the last month with data and the forecast.',
    'No data: 1 target has no actual figure for 2022, although the year has ended; it stays unassessed until figures are entered.',
  ]);
  assert.deepEqual(await axeViolations(page), []);
  await page.screenshot({ path: `${ARTIFACTS}/reading-two-balance-2022-en.png`, fullPage: true });
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('the example\'s 2022, long over and without figures, is not called provisional', async () => {
  const { page, context, log } = await openPage(env);
  await gotoApp(env, page, '#/bilanz');
  await showYear(page, 2022);
  assert.equal(await page.textContent('.bilanz-zahlen'), '8 keine Daten · 1 Monitoring · 1 offen');
  assert.deepEqual(await notes(page), [
    'Keine Daten: Für 9 Ziele liegt für 2022 kein Ist-Wert vor, obwohl das Jahr abgelaufen ist; sie bleiben unbewertet, bis Werte erfasst sind.',
  ]);
  await page.screenshot({ path: `${ARTIFACTS}/reading-two-bilanz-beispiel-2022.png`, fullPage: true });
  assert.deepEqual(log.errors, []);
  await context.close();
});

// The overview with the seed's example workspace, as a controller reads it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setUp, openPage, gotoApp, axeViolations, ARTIFACTS } from './harness.mjs';

let env;
before(async () => { env = await setUp(); });
after(async () => { await env?.close(); });

/** The cells of the target row `id` as the user sees them. */
async function row(page, id) {
  return page.$$eval(`tbody[data-ziel="${id}"] tr:first-child > *`, (cells) => cells.map((c) => c.innerText.replace(/[ \t\n]+/g, ' ').trim()));
}

test('2022 is shown first with all ten targets of the agreement', async () => {
  const { page, context, log } = await openPage(env);
  await gotoApp(env, page);
  await page.waitForSelector('table.ziele');
  assert.equal(await page.inputValue('#jahr'), '2022');
  assert.equal(await page.textContent('main h2'), 'Zielvereinbarung 2022');
  assert.match(await page.textContent('.hinweis'), /Beispiel/);
  assert.equal(await page.locator('tbody.ziel').count(), 10);
  assert.equal(await page.textContent('.bilanz-zahlen'), '8 keine Daten · 1 Monitoring · 1 offen');
  assert.deepEqual(await row(page, 3), ['Integrationen – Insgesamt Bundesziel · Mindestwert', '–', '≥ 770', '–', '–', '… keine Daten', '–']);
  assert.deepEqual((await row(page, 7)).slice(0, 3), ['Bestand Langzeitleistungsbeziehende – Frauen Bundesziel · Obergrenze', '–', '≤ 1.100']);
  assert.match(await page.textContent('tbody[data-ziel="10"]'), /um 1,8\u00a0Prozentpunkte: von 56,2\u00a0% auf 58,0\u00a0%/);
  assert.match(await page.textContent('tbody[data-ziel="12"]'), /○offen/);
  await page.screenshot({ path: `${ARTIFACTS}/uebersicht-2022.png`, fullPage: true });
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('2021: 718 vs 690 achieved (104,1 %), LZB 2.035 vs 2.030 missed', async () => {
  const { page, context, log } = await openPage(env);
  await gotoApp(env, page);
  await page.selectOption('#jahr', '2021');
  await page.waitForFunction(() => document.querySelector('main h2')?.textContent === 'Zielvereinbarung 2021');
  assert.deepEqual(await row(page, 1), ['Integrationen – Insgesamt Bundesziel · Mindestwert', '718', '≥ 690', '+28', '104,1\u00a0%', '✔ erreicht', '–']);
  assert.deepEqual(await row(page, 2), ['Bestand Langzeitleistungsbeziehende – Insgesamt Bundesziel · Obergrenze', '2.035', '≤ 2.030', '+5', '100,2\u00a0%', '✘ nicht erreicht', '–']);
  assert.equal(
    await page.textContent('tbody[data-ziel="1"] .satz'),
    'Die Summe der Integrationen lag 2021 mit 718 über dem vereinbarten Zielwert von 690.',
  );
  assert.equal(await page.textContent('.bilanz-zahlen'), '1 erreicht · 1 nicht erreicht');
  // The status symbol is decoration: screen readers get the word only.
  assert.equal(await page.getAttribute('tbody[data-ziel="1"] .status-symbol', 'aria-hidden'), 'true');
  await page.screenshot({ path: `${ARTIFACTS}/uebersicht-2021.png`, fullPage: true });
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(log.errors, []);
  await context.close();
});

// The target detail (month table, replaced values, notes) and the year's balance.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setUp, openPage, gotoApp, axeViolations, ARTIFACTS } from './harness.mjs';

let env;
before(async () => { env = await setUp(); });
after(async () => { await env?.close(); });

async function typeValue(page, cell, value) {
  await page.fill(cell, value);
  await page.press(cell, 'Enter');
}

test('balance 2021 with the generated text', async () => {
  const { page, context, log } = await openPage(env);
  await gotoApp(env, page, '#/bilanz');
  await page.selectOption('#jahr', '2021');
  await page.waitForFunction(() => document.querySelector('main h2')?.textContent === 'Bilanz der Zielvereinbarung 2021');
  const cells = await page.$$eval('tbody[data-ziel="1"] tr:first-child > *', (cs) => cs.map((c) => c.innerText.replace(/[ \t\n]+/g, ' ').trim()));
  // The overview's columns (with Ist/Soll), then the previous year and the change.
  assert.deepEqual(cells, ['Integrationen – Insgesamt Bundesziel · Mindestwert', '718', '≥ 690', '+28', '104,1\u00a0%', '✔ erreicht', '–', '–', '–']);
  const text = await page.textContent('.bilanztext');
  assert.match(text, /Die Summe der Integrationen lag 2021 mit 718 über dem vereinbarten Zielwert von 690\./);
  assert.match(text, /lag 2021 mit 2\.035 über der vereinbarten Obergrenze von 2\.030 \(\+5; \+0,2\u00a0%\)\./);
  assert.equal(await page.locator('.hinweis[role="note"]').count(), 0, 'a complete year is not provisional');
  assert.deepEqual(await axeViolations(page), []);
  await page.screenshot({ path: `${ARTIFACTS}/bilanz-2021.png`, fullPage: true });
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('target detail: month table, a revised value in the history, notes kept', async () => {
  const { page, context, log } = await openPage(env);
  await gotoApp(env, page, '#/werte');
  await page.waitForSelector('table.raster');
  await page.fill('#datenstand', '30.04.2022');
  await page.press('#datenstand', 'Tab');
  await typeValue(page, '#zelle-0-0', '60');
  await typeValue(page, '#zelle-1-0', '55');
  await typeValue(page, '#zelle-2-0', '61');
  // BA revises March with the July figures.
  await page.fill('#datenstand', '31.07.2022');
  await page.press('#datenstand', 'Tab');
  await typeValue(page, '#zelle-2-0', '64');

  // From the overview, the title leads to the detail.
  await page.click('nav a[href="#/uebersicht"]');
  await page.click('tbody[data-ziel="3"] .ziel-titel a');
  await page.waitForFunction(() => location.hash === '#/ziel/3');
  // The detail is a wasm part: its heading follows the loading line's.
  await page.waitForFunction(() => document.querySelector('main h1')?.textContent === 'Integrationen – Insgesamt');
  assert.equal(await page.title(), 'Zieldetail – Zielsteuerung');
  const march = await page.$$eval('table.monate tbody tr:nth-child(3) > *', (cs) => cs.map((c) => c.textContent.trim()));
  // 60 + 55 + 64 = 179 through March; linear target 770 × 3/12 = 192,5 → 193.
  assert.deepEqual(march, ['März', '64', '179', '193', '']);
  const december = await page.$$eval('table.monate tbody tr:nth-child(12) > *', (cs) => cs.map((c) => c.textContent.trim()));
  // Linear forecast 179 / 3 × 12 = 716.
  assert.deepEqual(december, ['Dezember', '', '', '770', '716']);
  assert.equal(
    await page.textContent('ul.verlauf li'),
    'März: 61 (Datenstand 30.04.2022) ersetzt durch 64 (Datenstand 31.07.2022)',
  );

  await page.fill('#notizen', 'Maßnahmenplanung im Juni besprochen.');
  await page.press('#notizen', 'Tab');
  await page.reload();
  await page.waitForSelector('#notizen');
  assert.equal(await page.inputValue('#notizen'), 'Maßnahmenplanung im Juni besprochen.');
  assert.deepEqual(await axeViolations(page), []);
  await page.screenshot({ path: `${ARTIFACTS}/zieldetail.png`, fullPage: true });
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('an unknown target number says so', async () => {
  const { page, context } = await openPage(env);
  await gotoApp(env, page, '#/ziel/999');
  await page.waitForFunction(() => document.querySelector('main h1')?.textContent === 'Ziel nicht gefunden');
  await context.close();
});

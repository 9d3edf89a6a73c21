// A controller enters the 2022 integrations: five months by typing, five by pasting a block from Excel,
// sees status and forecast change, reloads and finds everything. Keyboard only.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setUp, openPage, gotoApp, axeViolations, storedValues, storedDoc, ARTIFACTS } from './harness.mjs';

let env;
before(async () => { env = await setUp(); });
after(async () => { await env?.close(); });

const cell = (r, c) => `#zelle-${r}-${c}`;

/** The overview cells of target `id`. */
async function overviewRow(page, id) {
  await page.click('nav a[href="#/uebersicht"]');
  await page.waitForSelector(`tbody[data-ziel="${id}"]`);
  return page.$$eval(`tbody[data-ziel="${id}"] tr:first-child > *`, (cells) => cells.map((c) => c.innerText.replace(/[ \t\n]+/g, ' ').trim()));
}

/** Pastes `text` into the focused cell the way the browser delivers a paste from Excel. */
async function paste(page, selector, text) {
  await page.focus(selector);
  await page.$eval(selector, (el, t) => {
    const data = new DataTransfer();
    data.setData('text/plain', t);
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
}

test('type five months, paste five more, status and forecast follow, reload keeps all', async () => {
  const { page, context, log } = await openPage(env);
  await gotoApp(env, page, '#/werte');
  await page.waitForSelector('table.raster');
  assert.equal(await page.inputValue('#jahr'), '2022');
  await page.fill('#datenstand', '31.10.2022');
  await page.keyboard.press('Tab');

  // Integrations, total, January to May: typed, each confirmed with Enter (which moves down).
  await page.focus(cell(0, 0));
  for (const v of ['60', '55', '65', '58', '62']) {
    await page.keyboard.type(v);
    await page.keyboard.press('Enter');
  }
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'zelle-5-0', 'Enter moved down five rows');
  await page.waitForFunction(() => document.querySelector('.grid-meldung')?.textContent === 'Gespeichert.');
  await page.screenshot({ path: `${ARTIFACTS}/werte-getippt.png` });

  // 300 through May vs 770 × 5/12 = 320,8: −21, 93,5 %; linear forecast 720 misses 770 by 6,5 %: kritisch.
  assert.deepEqual(await overviewRow(page, 3), [
    'Integrationen – Insgesamt Bundesziel · Mindestwert', '300 (bis Mai)', '≥ 770', '−21', '93,5\u00a0%', '‼ kritisch', '720 linear fortgeschrieben',
  ]);
  assert.match(await page.textContent('tbody[data-ziel="3"] .satz'), /Dafür sind in den restlichen 7 Monaten im Mittel noch 67,1 je Monat nötig \(bisher 60,0 je Monat\)\./);

  // June to October for total, women and men, copied from Excel as one block.
  await page.click('nav a[href="#/werte"]');
  await page.waitForSelector('table.raster');
  await paste(page, cell(5, 0), '62\t25\t37\r\n64\t26\t38\r\n56\t22\t34\r\n62\t25\t37\r\n64\t26\t38\r\n');
  assert.equal(await page.textContent('.grid-meldung'), 'Eingefügt: 15 Werte übernommen.');
  assert.equal(await page.inputValue(cell(9, 2)), '38');

  // 608 through October vs 641,7: −34, 94,8 %; forecast 729,6 → 730, still 5,2 % short: kritisch.
  assert.deepEqual(await overviewRow(page, 3), [
    'Integrationen – Insgesamt Bundesziel · Mindestwert', '608 (bis Oktober)', '≥ 770', '−34', '94,8\u00a0%', '‼ kritisch', '730 linear fortgeschrieben',
  ]);
  // Women: June to October only (124); January to May are missing.
  assert.equal((await overviewRow(page, 4))[1], '124 (bis Oktober)');
  assert.match(await page.textContent('.datenstand'), /Datenstand: 31\.10\.2022/);

  // Reload: everything is still there.
  await page.reload();
  await page.waitForSelector('table.ziele');
  assert.equal((await overviewRow(page, 3))[1], '608 (bis Oktober)');
  await page.click('nav a[href="#/werte"]');
  await page.waitForSelector('table.raster');
  assert.equal(await page.inputValue(cell(0, 0)), '60');
  assert.equal(await page.inputValue(cell(9, 1)), '26');
  const stored = await storedDoc(page);
  assert.equal(storedValues(stored).filter((v) => v.jahr === 2022).length, 20);
  assert.equal(storedValues(stored).find((v) => v.jahr === 2022 && v.monat === 1).datenstand, '2022-10-31');
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('wrong input is explained in German, not stored, and Escape takes it back', async () => {
  const { page, context, log } = await openPage(env);
  await gotoApp(env, page, '#/werte');
  await page.waitForSelector('table.raster');
  await page.focus(cell(2, 3));
  await page.keyboard.type('12.5');
  await page.keyboard.press('Enter');
  assert.equal(
    await page.textContent('.grid-meldung'),
    'März, Bestand Langzeitleistungsbeziehende Insgesamt: „12.5“: Bitte das Komma als Dezimaltrennzeichen verwenden, z. B. 12,5.',
  );
  assert.equal(await page.getAttribute(cell(2, 3), 'aria-invalid'), 'true');
  await page.focus(cell(2, 3));
  await page.keyboard.press('Escape');
  assert.equal(await page.inputValue(cell(2, 3)), '');
  assert.equal(await page.getAttribute(cell(2, 3), 'aria-invalid'), null);
  assert.equal(await page.evaluate(() => localStorage.getItem('zielsteuerung.arbeitsbereich')), null, 'nothing was saved');
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('arrow keys move like a spreadsheet; the grid passes axe', async () => {
  const { page, context } = await openPage(env);
  await gotoApp(env, page, '#/werte');
  await page.waitForSelector('table.raster');
  await page.focus(cell(0, 0));
  const active = () => page.evaluate(() => document.activeElement?.id);
  await page.keyboard.press('ArrowDown');
  assert.equal(await active(), 'zelle-1-0');
  await page.keyboard.press('ArrowRight');
  assert.equal(await active(), 'zelle-1-1');
  await page.keyboard.press('ArrowUp');
  assert.equal(await active(), 'zelle-0-1');
  await page.keyboard.press('ArrowLeft');
  assert.equal(await active(), 'zelle-0-0');
  await page.keyboard.press('Tab');
  assert.equal(await active(), 'zelle-0-1');
  assert.deepEqual(await axeViolations(page), []);
  await page.screenshot({ path: `${ARTIFACTS}/werte.png` });
  await context.close();
});

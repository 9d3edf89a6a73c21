// The value grid of a wide year renders only the columns in view (issue 22): a controller of a job centre with many
// indicators (the synthetic workspace: 40 indicators × 3 populations, two years) moves through the whole year with
// the keyboard, types far to the right, pastes a block wider than the screen, follows a link to a cell of a column
// far out of view, and finds every value stored; the screen reader hears every cell's position.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { access } from 'node:fs/promises';
import { setUp, openPage, gotoApp, loadBackup, axeViolations, storedDoc, storedValues, ARTIFACTS } from './harness.mjs';

const run = promisify(execFile);
let env;
before(async () => { env = await setUp(); });
after(async () => { await env?.close(); });

/** The synthetic workspace's backup, two years (2005, 2006), from the example that `cargo test` builds. */
async function wideBackup() {
  for (const profile of ['debug', 'release']) {
    const binary = `target/${profile}/examples/large_workspace`;
    try { await access(binary); } catch { continue; }
    const { stdout } = await run(binary, ['--years=2', '--backup'], { maxBuffer: 64 << 20 });
    return JSON.parse(stdout);
  }
  throw new Error('target/{debug,release}/examples/large_workspace is missing: `cargo test` (or `make bench`) builds it');
}

/** The rendered inputs, the year's columns (aria-colcount less the row headers), and the focused cell's id. */
const gridState = (page) => page.evaluate(() => ({
  inputs: document.querySelectorAll('input.zelle').length,
  columns: Number(document.querySelector('table.raster').getAttribute('aria-colcount')) - 1,
  focused: document.activeElement?.id ?? '',
  width: document.querySelector('table.raster').offsetWidth,
}));

/** Whether the input `id` is wholly in view of the grid's frame, right of the row headers that stay in view. */
const inView = (page, id) => page.evaluate((id) => {
  const cell = document.getElementById(id)?.getBoundingClientRect();
  const frame = document.querySelector('.tabelle-rahmen').getBoundingClientRect();
  const header = document.querySelector('table.raster tbody th').getBoundingClientRect();
  return !!cell && cell.left >= header.right - 1 && cell.right <= frame.right + 1;
}, id);

test('a wide year: only the columns in view are rendered; keyboard, typing, paste and a cell link reach every column', async () => {
  const { page, context, log } = await openPage(env);
  await loadBackup(env, page, await wideBackup());
  await gotoApp(env, page, '#/werte');
  await page.selectOption('#jahr', '2006');
  await page.waitForSelector('#zelle-0-0');
  await page.fill('#datenstand', '31.12.2006');
  await page.keyboard.press('Tab');

  const start = await gridState(page);
  assert.ok(start.columns >= 120, `the year has ${start.columns} columns`);
  // 13 rows; at 1280 px about 11 columns are in view, two more on either side.
  assert.ok(start.inputs <= 13 * 16, `${start.inputs} inputs rendered of ${13 * start.columns}`);
  assert.equal(await page.getAttribute('#zelle-0-3', 'aria-colindex'), null, 'the index is on the cell, not the input');
  assert.equal(await page.$eval('#zelle-0-3', (i) => i.closest('td').getAttribute('aria-colindex')), '5');

  // The year's notes (the synthetic parts do not add up: hundreds of them): ten shown, the rest behind a disclosure.
  assert.equal(await page.$$eval('section.hinweise > ul > li', (l) => l.length), 10);
  const more = await page.textContent('.weitere-hinweise summary');
  const hidden = Number(more.match(/^([\d.]+) weitere Hinweise$/)?.[1].replace('.', ''));
  assert.ok(hidden > 100, more);
  assert.equal(await page.isVisible('.weitere-hinweise li'), false);
  await page.click('.weitere-hinweise summary');
  assert.equal(await page.$$eval('.weitere-hinweise li', (l) => l.filter((li) => li.offsetParent).length), hidden);
  await page.click('.weitere-hinweise summary');

  // Arrow keys to the right, 36 columns (to SYN-09, a count): each one scrolled into view and focused.
  await page.focus('#zelle-0-0');
  for (let i = 0; i < 36; i++) await page.keyboard.press('ArrowRight');
  assert.equal((await gridState(page)).focused, 'zelle-0-36');
  assert.ok(await inView(page, 'zelle-0-36'), 'column 36 is scrolled into view');
  assert.equal(await page.getAttribute('#zelle-0-36', 'aria-label'), 'Synthetische Kennzahl 9 Insgesamt, Januar');
  await page.keyboard.type('4711');
  await page.keyboard.press('Enter');
  assert.equal((await gridState(page)).focused, 'zelle-1-36');
  await page.waitForFunction(() => document.querySelector('.grid-meldung')?.textContent === 'Gespeichert.');
  assert.equal(await page.inputValue('#zelle-0-36'), '4.711');

  // Tab along the row and back, as the browser's order was.
  await page.keyboard.press('Tab');
  assert.equal((await gridState(page)).focused, 'zelle-1-37');
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Shift+Tab');
  assert.equal((await gridState(page)).focused, 'zelle-1-35');

  // Something typed, not yet committed, then the grid scrolled to the right end with the scroll bar: the last
  // column is rendered, the first ones are not; the typed cell left the page, committed as a click elsewhere would;
  // the table keeps its width.
  await page.keyboard.type('815');
  await page.$eval('.tabelle-rahmen', (f) => { f.scrollLeft = f.scrollWidth; });
  const last = start.columns - 1;
  await page.waitForSelector(`#zelle-0-${last}`);
  const right = await gridState(page);
  assert.equal(await page.$('#zelle-0-0'), null, 'column 0 is not rendered at the right end');
  assert.equal(await page.$('#zelle-1-35'), null, 'nor column 35');
  assert.ok(!right.focused.startsWith('zelle-'), `no cell keeps the focus (${right.focused})`);
  assert.equal(right.width, start.width, 'the gaps are as wide as the columns they stand for');
  assert.ok(right.inputs <= 13 * 16, `${right.inputs} inputs rendered at the right end`);
  await page.waitForFunction(() => document.querySelector('.grid-meldung')?.textContent === 'Gespeichert.');
  const typed = storedValues(await storedDoc(page))
    .find((v) => v.kennzahl === 'SYN-08' && v.gruppe === 'Männer' && v.jahr === 2006 && v.monat === 2);
  assert.equal(typed?.wert, 815);
  await page.screenshot({ path: `${ARTIFACTS}/werte-breit-rechts.png` });

  // A block of 12 months × 40 columns pasted at January of column 0 lands in columns out of view too.
  await page.$eval('.tabelle-rahmen', (f) => { f.scrollLeft = 0; });
  await page.waitForSelector('#zelle-0-0');
  await page.focus('#zelle-0-0');
  await page.$eval('#zelle-0-0', (el) => {
    const line = (m) => Array.from({ length: 40 }, (_, i) => String(3000 + 10 * m + i)).join('\t');
    const data = new DataTransfer();
    data.setData('text/plain', Array.from({ length: 12 }, (_, m) => line(m)).join('\n'));
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  });
  await page.waitForFunction(() => /^Eingefügt/.test(document.querySelector('.grid-meldung')?.textContent ?? ''));
  // Column 39 (SYN-10, total, a stock; January 3039, December 3149): out of view before, shown once scrolled to.
  await page.focus('#zelle-0-0');
  for (let i = 0; i < 39; i++) await page.keyboard.press('ArrowRight');
  assert.equal((await gridState(page)).focused, 'zelle-0-39');
  assert.equal(await page.getAttribute('#zelle-0-39', 'aria-label'), 'Synthetische Kennzahl 10 Insgesamt, Januar');
  assert.equal(await page.inputValue('#zelle-0-39'), '3.039');
  assert.equal(await page.inputValue('#zelle-11-39'), '3.149');

  const values = storedValues(await storedDoc(page));
  const at = (code, month) => values.find((v) => v.kennzahl === code && v.gruppe === 'Insgesamt' && v.jahr === 2006 && v.monat === month);
  assert.equal(at('SYN-10', 1)?.wert, 3039);
  assert.equal(at('SYN-10', 12)?.wert, 3149);

  // A link to a cell far out of view (March of SYN-37, total): that column scrolled into view and focused.
  await gotoApp(env, page, '#/werte/2006/SYN-37/insgesamt/3');
  await page.waitForFunction(() => /^zelle-2-\d+$/.test(document.activeElement?.id ?? ''));
  const linked = (await gridState(page)).focused;
  assert.ok(Number(linked.split('-')[2]) > 100, `the link focuses ${linked}`);
  assert.ok(await inView(page, linked), `${linked} is in view`);
  assert.match(await page.getAttribute(`#${linked}`, 'aria-label'), /^Synthetische Kennzahl 37 Insgesamt, März$/);
  await page.screenshot({ path: `${ARTIFACTS}/werte-breit-link.png` });

  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('the wide grid in English: columns scrolled with the keyboard, labels and the row header in English', async () => {
  const { page, context, log } = await openPage(env);
  await loadBackup(env, page, await wideBackup());
  await gotoApp(env, page, '#/werte');
  await page.click('button.sprachwahl');
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  await page.selectOption('#jahr', '2005');
  await page.waitForSelector('#zelle-0-0');
  await page.focus('#zelle-5-0');
  for (let i = 0; i < 60; i++) await page.keyboard.press('Tab');
  assert.equal((await gridState(page)).focused, 'zelle-5-60');
  assert.ok(await inView(page, 'zelle-5-60'));
  assert.match(await page.getAttribute('#zelle-5-60', 'aria-label'), /, June$/);
  assert.match(await page.textContent('.weitere-hinweise summary'), /^[\d,]+ more notes$/);
  await page.screenshot({ path: `${ARTIFACTS}/values-wide-en.png` });
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(log.errors, []);
  await context.close();
});

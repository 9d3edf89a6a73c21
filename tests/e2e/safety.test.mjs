// The safety net for browser storage (issue 17, part 2): the header says where the data lives and when it last
// left the browser; a reminder to download a backup comes after so many days or saved changes (adjustable), never
// as a dialog; the browser is asked to keep the data at the first save, and its answer is shown.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setUp, openPage, gotoApp, axeViolations, ARTIFACTS } from './harness.mjs';

let env;
before(async () => { env = await setUp(); });
after(async () => { await env?.close(); });

const NOTE = 'zielsteuerung.sicherung';
const line = (page) => page.textContent('.kopf .datenort');

/** Today minus `days` as "YYYY-MM-DD", by the page's clock. */
const daysAgo = (page, days) => page.evaluate((n) => {
  const d = new Date(); d.setDate(d.getDate() - n);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}, days);

async function typeValue(page, cell, value) {
  await page.fill(cell, value);
  await page.press(cell, 'Enter');
  await page.waitForFunction(() => document.querySelector('.grid-meldung')?.textContent === 'Gespeichert.');
}

test('the header says where the data lives; after the first save the browser\'s answer on keeping it', async () => {
  const { page, context, log } = await openPage(env);
  await gotoApp(env, page, '#/werte');
  await page.waitForFunction(() => document.querySelector('.kopf .datenort')?.textContent.startsWith('Nur in diesem Browser'));
  assert.match(await line(page), /^Nur in diesem Browser gespeichert – noch keine Sicherung/);
  await typeValue(page, '#zelle-0-0', '60');
  // Asked at the first save: whichever the browser answers is said.
  await page.waitForFunction(() => / · (Speicher geschützt|Der Browser darf diese Daten bei Platzmangel löschen)$/.test(document.querySelector('.kopf .datenort')?.textContent ?? ''));
  // The count starts on the first day the app saved here.
  const note = JSON.parse(await page.evaluate((k) => localStorage.getItem(k), NOTE));
  assert.equal(note.seit, await daysAgo(page, 0));
  assert.equal(note.zuletzt ?? null, null);
  await page.click('.sprachwahl');
  await page.waitForFunction(() => document.querySelector('.kopf .datenort')?.textContent.startsWith('Saved in this browser only – no backup yet'));
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('after so many saved changes a reminder offers the backup; downloading it resets the count', async () => {
  const { page, context, log } = await openPage(env);
  await gotoApp(env, page, '#/austausch');
  // The reminder's settings: a wrong number is explained, not taken.
  await page.fill('#erinnern-aenderungen', '0');
  await page.press('#erinnern-aenderungen', 'Tab');
  assert.equal(await page.textContent('#erinnern-fehler'), 'Bitte ganze Zahlen eingeben: 1 bis 365 Tage und 1 bis 10.000 Änderungen.');
  assert.equal(await page.getAttribute('#erinnern-aenderungen', 'aria-invalid'), 'true');
  await page.fill('#erinnern-aenderungen', '3');
  await page.press('#erinnern-aenderungen', 'Tab');
  assert.equal(await page.textContent('#erinnern-fehler'), '');
  assert.equal(JSON.parse(await page.evaluate((k) => localStorage.getItem(k), NOTE)).erinnern_nach_aenderungen, 3);

  await gotoApp(env, page, '#/werte');
  for (const [cell, value] of [['#zelle-0-0', '60'], ['#zelle-1-0', '61']]) await typeValue(page, cell, value);
  assert.equal(await page.locator('.erinnerung').count(), 0, 'two changes: no reminder yet');
  await typeValue(page, '#zelle-2-0', '62');
  await page.waitForSelector('.erinnerung');
  const text = await page.textContent('.erinnerung');
  assert.match(text, /Sicherung empfohlen: 3 gespeicherte Änderungen, noch keine Sicherung: Die Daten liegen nur in diesem Browser/);
  assert.equal(await page.getAttribute('.erinnerung', 'role'), 'status', 'a notice, not a dialog');
  // The work goes on beside it.
  assert.equal(await page.inputValue('#zelle-2-0'), '62');
  await page.screenshot({ path: `${ARTIFACTS}/sicherung-erinnerung.png` });
  assert.deepEqual(await axeViolations(page), []);

  const [download] = await Promise.all([page.waitForEvent('download'), page.click('.erinnerung button:has-text("Sicherung herunterladen")')]);
  assert.match(download.suggestedFilename(), /^zielsteuerung-sicherung-\d{4}-\d\d-\d\d\.json$/);
  await page.waitForFunction(() => !document.querySelector('.erinnerung'));
  assert.match(await line(page), /^Nur in diesem Browser gespeichert – letzte Sicherung heute/);
  // Counted anew from the backup: two more changes, no reminder.
  await typeValue(page, '#zelle-3-0', '63');
  await typeValue(page, '#zelle-4-0', '64');
  assert.equal(await page.locator('.erinnerung').count(), 0);
  // Kept over a reload.
  await page.reload();
  await page.waitForSelector('#zelle-0-0');
  assert.match(await line(page), /letzte Sicherung heute/);
  assert.equal(await page.locator('.erinnerung').count(), 0);
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('days without a backup bring the reminder too, in either language', async () => {
  const { page, context, log } = await openPage(env);
  await gotoApp(env, page, '#/werte');
  await typeValue(page, '#zelle-0-0', '60');
  // A backup ten days ago, one change since.
  const then = await daysAgo(page, 10);
  await page.evaluate(([k, v]) => localStorage.setItem(k, v), [NOTE, JSON.stringify({ zuletzt: then, revision: 0, seit: then })]);
  await page.reload();
  await page.waitForSelector('.erinnerung');
  assert.match(await page.textContent('.erinnerung'), /1 gespeicherte Änderung, letzte Sicherung vor 10 Tagen/);
  assert.match(await line(page), /letzte Sicherung vor 10 Tagen/);
  await page.click('.sprachwahl');
  await page.waitForFunction(() => /1 saved change, last backup 10 days ago/.test(document.querySelector('.erinnerung')?.textContent ?? ''));
  // An unreadable note counts as none and is not an error.
  await page.evaluate((k) => localStorage.setItem(k, '{kaputt'), NOTE);
  await page.reload();
  await page.waitForSelector('.kopf .datenort');
  await page.waitForFunction(() => /no backup yet/.test(document.querySelector('.kopf .datenort')?.textContent ?? ''));
  assert.deepEqual(log.errors, []);
  await context.close();
});

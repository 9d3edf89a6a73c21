// Nothing stored is deleted that the app cannot account for (issue 21, loss 6), driven as a user gets there: a
// saved workspace whose manifest went missing is kept and said at the next start (before, start-up showed the
// example and the first save removed every year key); a key of a foreign writer is kept aside, said, and can be
// downloaded.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { setUp, openPage, gotoApp, axeViolations, ARTIFACTS } from './harness.mjs';

let env;
before(async () => { env = await setUp(); });
after(async () => { await env?.close(); });

const KEY = 'zielsteuerung.arbeitsbereich';
const yearKeys = (page) => page.evaluate((k) => Object.keys(localStorage).filter((n) => n.startsWith(`${k}.werte.`) || n.startsWith(`${k}.vereinbarung.`)).sort(), KEY);

test('year keys without their manifest are kept and said at start-up, never removed by the next save', async () => {
  const { page, context, log } = await openPage(env);
  await gotoApp(env, page, '#/werte');
  await page.fill('#zelle-0-0', '60');
  await page.press('#zelle-0-0', 'Enter');
  await page.waitForFunction(() => document.querySelector('.grid-meldung')?.textContent === 'Gespeichert.');
  const before = await yearKeys(page);
  assert.ok(before.length >= 2, `year keys: ${before}`);
  const texts = await page.evaluate((names) => names.map((n) => localStorage.getItem(n)), before);
  // The manifest goes missing (a tool that cleans by name, a half-restored profile).
  await page.evaluate((k) => localStorage.removeItem(k), KEY);
  await page.reload();
  await page.waitForSelector('.meldung-fehler');
  const banner = await page.textContent('.meldung-fehler');
  assert.match(banner, /Gespeicherte Daten nicht lesbar/);
  assert.match(banner, new RegExp(`Im Speicher liegen ${before.length} Schlüssel mit Werten oder Zielvereinbarungen einzelner Jahre, aber das Verzeichnis des Arbeitsbereichs, das sie zusammenhält, fehlt\\.`));
  await page.screenshot({ path: `${ARTIFACTS}/speicher-verzeichnis-fehlt-de.png` });
  assert.deepEqual(await axeViolations(page), []);
  // Working on (the example shows) saves nothing over them.
  await page.click('nav a[href="#/werte"]');
  await page.fill('#zelle-1-0', '55');
  await page.press('#zelle-1-0', 'Enter');
  await page.waitForTimeout(500);
  assert.deepEqual(await yearKeys(page), before, 'every year key is still there');
  assert.deepEqual(await page.evaluate((names) => names.map((n) => localStorage.getItem(n)), before), texts);
  assert.equal(await page.evaluate((k) => localStorage.getItem(k), KEY), null, 'no manifest written over them');
  // The raw data holds every key.
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('text=Rohdaten herunterladen')]);
  const raw = JSON.parse(await readFile(await download.path(), 'utf8'));
  for (const [i, name] of before.entries()) assert.equal(raw[name.replace(/^zielsteuerung\./, '')], texts[i]);
  // English says the same.
  await page.click('button.sprachwahl');
  await page.waitForFunction(() => /workspace's directory that holds them together is missing/.test(document.querySelector('.meldung-fehler')?.textContent ?? ''));
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('a year key of a foreign writer is kept aside and said, not deleted', async () => {
  const { page, context, log } = await openPage(env);
  await gotoApp(env, page, '#/werte');
  await page.fill('#zelle-0-0', '60');
  await page.press('#zelle-0-0', 'Enter');
  await page.waitForFunction(() => document.querySelector('.grid-meldung')?.textContent === 'Gespeichert.');
  const foreign = '[{"kennzahl":"K2","gruppe":"Insgesamt","jahr":2019,"werte":[null,12.5]}]';
  await page.evaluate(([k, v]) => localStorage.setItem(`${k}.werte.2019.1.t-fremd`, v), [KEY, foreign]);
  await page.reload();
  await page.waitForSelector('.meldung-warnung');
  const banner = await page.locator('.meldung-warnung', { hasText: 'Daten beiseitegelegt' }).textContent();
  assert.match(banner, /Im Speicher lag ein Schlüssel mit Werten oder einer Zielvereinbarung eines Jahres, der zu keinem gespeicherten Stand dieses Arbeitsbereichs gehört/);
  const aside = await page.evaluate((k) => Object.keys(localStorage).filter((n) => n.startsWith(`${k}.unlesbar.`)), KEY);
  assert.equal(aside.length, 1);
  const kept = JSON.parse(await page.evaluate((n) => localStorage.getItem(n), aside[0]));
  assert.equal(kept['arbeitsbereich.werte.2019.1.t-fremd'], foreign);
  assert.equal(await page.evaluate((k) => localStorage.getItem(`${k}.werte.2019.1.t-fremd`), KEY), null);
  // The workspace is untouched.
  await page.click('nav a[href="#/werte"]');
  assert.equal(await page.inputValue('#zelle-0-0'), '60');
  await page.screenshot({ path: `${ARTIFACTS}/speicher-beiseitegelegt-de.png` });
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(log.errors, []);
  await context.close();
});

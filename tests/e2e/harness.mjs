// Shared set-up of the end-to-end tests: the release build (dist/) served from a subpath by scripts/serve.mjs,
// Debian's Chromium driven by playwright-core, every request and console message recorded.
import { chromium } from 'playwright-core';
import { readFile, mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { startServer } from '../../scripts/serve.mjs';

export const SUBPATH = '/intranet/apps/ziele/';
export const ARTIFACTS = '.artifacts';

const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

/** Starts server and browser; returns helpers and a `close()`. */
export async function setUp() {
  const server = await startServer({ root: 'dist', base: SUBPATH });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
  await mkdir(ARTIFACTS, { recursive: true });
  return {
    server,
    browser,
    origin: new URL(server.url).origin,
    close: async () => { await browser.close(); await server.close(); },
  };
}

/**
 * A fresh page (own context, so own localStorage) that records console errors, uncaught page errors and every
 * request the page makes.
 */
export async function openPage(env, { viewport = { width: 1280, height: 860 } } = {}) {
  const context = await env.browser.newContext({ viewport, locale: 'de-DE' });
  const page = await context.newPage();
  const log = { errors: [], requests: [] };
  page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') log.errors.push(`${m.type()}: ${m.text()}`); });
  page.on('pageerror', (e) => log.errors.push(`pageerror: ${e.message}`));
  page.on('request', (r) => log.requests.push(r.url()));
  return { page, context, log };
}

/** Opens the app at `fragment` and waits until the Wasm has rendered the shell and the screen (a screen that is a
 * wasm part of its own shows its heading with a loading line first: src/ui/lazy.rs). */
export async function gotoApp(env, page, fragment = '') {
  await page.goto(env.server.url + fragment);
  await page.waitForFunction(() => document.querySelector('main#inhalt h1') !== null && document.querySelector('.teil-laedt') === null);
}

const require = createRequire(import.meta.url);

/** Runs axe-core (WCAG 2.1 A and AA rules) in the page and returns the violations. */
export async function axeViolations(page) {
  const source = await readFile(require.resolve('axe-core/axe.min.js'), 'utf8');
  await page.evaluate(source);
  return page.evaluate(async () => {
    const result = await globalThis.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
    });
    return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  });
}

/**
 * In the page: the stored workspace as one document, whatever the layout – schema 3 keeps a manifest under
 * `arbeitsbereich` that names a key per year for the values (`werte`: year → key of its rows) and for the
 * agreement (`vereinbarungen`: year → key); older builds kept the whole document. `null` when nothing is stored.
 * Self-contained, for `page.evaluate`.
 */
export function assembleStored(given) {
  // Drivers hand over a missing argument as null.
  const prefix = given ?? 'zielsteuerung.';
  const text = localStorage.getItem(`${prefix}arbeitsbereich`);
  if (text === null) return null;
  const doc = JSON.parse(text);
  if (!doc.werte) return doc;
  const { werte, vereinbarungen, ...rest } = doc;
  const out = { ...rest, zielvereinbarungen: [], ist_werte: [] };
  for (const name of Object.values(vereinbarungen ?? {})) out.zielvereinbarungen.push(JSON.parse(localStorage.getItem(prefix + name)));
  for (const name of Object.values(werte)) out.ist_werte.push(...JSON.parse(localStorage.getItem(prefix + name)));
  return out;
}

/** The stored workspace of `page`'s origin as one document (see `assembleStored`). */
export const storedDoc = (page) => page.evaluate(assembleStored);

/**
 * The values of a stored workspace or backup (schema 2: one row per indicator, population and year, slot 0 the
 * annual value, slots 1–12 the months) as one object per value: {kennzahl, gruppe, jahr, monat?, wert?,
 * zaehler?, nenner?, datenstand?}.
 */
export function storedValues(doc) {
  const out = [];
  for (const row of doc.ist_werte ?? []) {
    for (let slot = 0; slot < 13; slot++) {
      const wert = row.werte?.[slot], zaehler = row.zaehler?.[slot];
      if (wert == null && zaehler == null) continue;
      const v = { kennzahl: row.kennzahl, gruppe: row.gruppe, jahr: row.jahr };
      if (slot > 0) v.monat = slot;
      if (wert != null) v.wert = wert; else { v.zaehler = zaehler; v.nenner = row.nenner?.[slot]; }
      if (row.datenstand?.[slot] != null) v.datenstand = row.datenstand[slot];
      out.push(v);
    }
  }
  return out;
}

/**
 * Puts a workspace in place as a user would: its backup (any object of the backup's shape) read on the exchange
 * screen and taken with "Arbeitsbereich ersetzen". Independent of how the app stores its data.
 */
export async function loadBackup(env, page, doc) {
  await gotoApp(env, page, '#/austausch');
  const buffer = Buffer.from(JSON.stringify(doc), 'utf8');
  await page.getByLabel('Sicherung einlesen …').setInputFiles({ name: 'sicherung.json', mimeType: 'application/json', buffer });
  await page.waitForSelector('.vorschau');
  await page.getByRole('button', { name: 'Arbeitsbereich ersetzen' }).click();
  await page.waitForFunction(() => /wiederhergestellt/.test(document.querySelector('.grid-meldung')?.textContent ?? ''));
}

/** The visible text of each cell of the first row of the target `id` in the table of targets. */
export async function targetRow(page, id) {
  return page.$$eval(`tbody[data-ziel="${id}"] tr:first-child > *`, (cells) => cells.map((c) => c.innerText.replace(/[ \t\n]+/g, ' ').trim()));
}

/** Fills this origin's storage until the browser refuses, leaving less room than a save of the workspace needs
 * (keys `fuellung.*`, which the tests remove again to make room). */
export async function fillStorage(page) {
  await page.evaluate(() => {
    const chunk = 'x'.repeat(256 * 1024);
    let i = 0;
    try { for (;;) localStorage.setItem(`fuellung.${i++}`, chunk); } catch { /* full */ }
    let small = 'x'.repeat(16 * 1024);
    while (small.length > 0) {
      try { localStorage.setItem(`fuellung.rest.${i++}`, small); } catch { small = small.slice(0, small.length / 2 | 0); }
    }
  });
}

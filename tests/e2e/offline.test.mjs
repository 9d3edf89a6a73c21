// The single offline file (dist/zielsteuerung-offline.html, written by scripts/offline.mjs after every build):
// opened via file://, as from a disk or a network share, it starts, keeps its data under its own key prefix,
// and a value typed survives a reload. It asks for nothing but itself, and its own CSP is never violated.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, stat, mkdtemp, copyFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { axeViolations, ARTIFACTS } from './harness.mjs';

const BUILT = resolve('dist/zielsteuerung-offline.html');
// A folder whose path has a space and an umlaut, as a network share's path might.
let fileUrl;
let browser;

before(async () => {
  const dir = await mkdtemp(join(tmpdir(), 'Netzlaufwerk Jobcenter Zielsteuerung-'));
  const copy = join(dir, 'Zielsteuerung für 2022.html');
  await copyFile(BUILT, copy);
  fileUrl = pathToFileURL(copy).href;
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
});
after(async () => { await browser?.close(); });

async function open(context) {
  const page = await context.newPage();
  const log = { errors: [], requests: [] };
  page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') log.errors.push(`${m.type()}: ${m.text()}`); });
  page.on('pageerror', (e) => log.errors.push(`pageerror: ${e.message}`));
  page.on('request', (r) => log.requests.push(r.url()));
  await page.addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  return { page, log };
}

test('the offline file is one self-contained page with its own strict CSP', async () => {
  const html = await readFile(BUILT, 'utf8');
  const size = (await stat(BUILT)).size;
  assert.ok(size > 500_000 && size < 4_000_000, `size ${size}`);
  // Nothing is loaded from elsewhere: no src= or href= except the empty icon.
  assert.deepEqual([...html.matchAll(/\s(?:src|href)=("[^"]*"|\S+)/g)].map((m) => m[1]), ['"data:,"']);
  const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1];
  assert.ok(csp, 'a CSP meta');
  assert.match(csp, /default-src 'none'/);
  assert.match(csp, /script-src 'sha256-[A-Za-z0-9+/=]+' 'wasm-unsafe-eval'/);
  assert.doesNotMatch(csp, /'unsafe-inline'|'unsafe-eval'/);
  assert.match(html, /initSync\(\{ module: bytes \}\)/);
  // The file worker starts from the page's own inlined text (a blob: URL), and from nothing else.
  assert.match(csp, /worker-src blob:/);
  assert.match(html, /<script id="zielsteuerung-worker" type="text\/plain">/);
});

test('opened via file://, it reads a CSV in its file worker, under its CSP', async () => {
  const context = await browser.newContext({ locale: 'de-DE', viewport: { width: 1280, height: 860 } });
  const { page, log } = await open(context);
  await page.goto(`${fileUrl}#/austausch`);
  await page.waitForSelector('main#inhalt h1');
  const csv = 'Kennzahl;Personengruppe;Jahr;Monat;Wert;Zähler;Nenner;Datenstand;Kommentar\n'
    + 'INT;Insgesamt;2022;1;58;;;31.01.2022;\nINT;Insgesamt;2022;2;64;;;28.02.2022;\n';
  await page.getByLabel('CSV-Datei einlesen …').setInputFiles({ name: 'werte.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await page.waitForSelector('.vorschau');
  assert.equal(
    await page.textContent('.vorschau .zusammenfassung'),
    '2 neu · 0 ersetzt · 0 unverändert · 0 älter als vorhanden · 0 abgelehnt',
  );
  await page.getByRole('button', { name: 'Übernehmen' }).click();
  await page.waitForFunction(() => document.querySelector('.grid-meldung')?.textContent === 'CSV-Werte übernommen.');
  await page.click('nav a[href="#/uebersicht"]');
  await page.waitForSelector('tbody[data-ziel="3"]');
  // 58 + 64 = 122 integrations through February.
  assert.match(await page.textContent('tbody[data-ziel="3"] tr:first-child'), /122 \(bis Februar\)/);
  assert.deepEqual(await page.evaluate(() => window.__csp), []);
  assert.deepEqual([...new Set(log.requests.filter((r) => !r.startsWith('blob:')))], [fileUrl]);
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('opened via file://, it starts, stores under its own prefix, and a typed value survives a reload', async () => {
  const context = await browser.newContext({ locale: 'de-DE', viewport: { width: 1280, height: 860 } });
  // Another page from file:// that uses the normal key must not be disturbed (all file:// pages share storage).
  const { page, log } = await open(context);
  await page.goto(fileUrl);
  await page.waitForSelector('main#inhalt h1');
  await page.evaluate(() => localStorage.setItem('zielsteuerung.arbeitsbereich', 'eine andere Seite'));

  assert.equal(await page.textContent('main#inhalt h1'), 'Übersicht');
  assert.match(await page.textContent('header'), /Odenwaldkreis/);

  await page.click('nav a[href="#/werte"]');
  await page.waitForSelector('table.raster');
  await page.focus('#zelle-0-0');
  await page.keyboard.type('61');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelector('.grid-meldung')?.textContent === 'Gespeichert.');

  // The manifest and its years under the offline file's own prefix; the web page's key untouched.
  const keys = await page.evaluate(() => Object.keys(localStorage).sort());
  assert.deepEqual(keys.filter((k) => !k.startsWith('zielsteuerung-offline-datei.')), ['zielsteuerung.arbeitsbereich']);
  assert.ok(keys.includes('zielsteuerung-offline-datei.arbeitsbereich'));
  assert.ok(keys.some((k) => k.startsWith('zielsteuerung-offline-datei.arbeitsbereich.werte.2022.')), keys.join(', '));
  assert.equal(await page.evaluate(() => localStorage.getItem('zielsteuerung.arbeitsbereich')), 'eine andere Seite');

  await page.reload();
  await page.waitForSelector('main#inhalt h1');
  await page.click('nav a[href="#/werte"]');
  await page.waitForSelector('table.raster');
  assert.equal(await page.inputValue('#zelle-0-0'), '61');
  // The overview counts it: 61 through January.
  await page.click('nav a[href="#/uebersicht"]');
  await page.waitForSelector('tbody[data-ziel="3"]');
  assert.match(await page.textContent('tbody[data-ziel="3"] tr:first-child'), /61 \(bis Januar\)/);
  await page.screenshot({ path: `${ARTIFACTS}/offline-datei.png` });

  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(await page.evaluate(() => window.__csp), []);
  // The only request is the file itself (twice: first load and reload).
  assert.deepEqual([...new Set(log.requests)], [fileUrl]);
  assert.deepEqual(log.errors, []);
  await context.close();
});

// What a user does, in both browsers the app promises (issue 17, part 3): Debian's Chromium and Firefox ESR, the
// latter driven over WebDriver BiDi (browsers.mjs). The interactions go through the page's own DOM events, so the
// same steps run in both: every screen from a subpath without a console error and with axe clean, typing in the
// grid with a reload, a CSV and a backup read and taken, the printed report, the single offline file from
// file://, and the storage faults (a corrupt store, a full one). The two-tab test runs in both as well
// (two-tabs.test.mjs).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { startServer } from '../../scripts/serve.mjs';
import { SUBPATH, ARTIFACTS } from './harness.mjs';
import { BROWSERS, launch } from './browsers.mjs';
import { threeJobCentres } from './members.mjs';

const KEY = 'zielsteuerung.arbeitsbereich';
const require = createRequire(import.meta.url);

let server;
let axeSource;
before(async () => {
  await mkdir(ARTIFACTS, { recursive: true });
  server = await startServer({ root: 'dist', base: SUBPATH });
  axeSource = await readFile(require.resolve('axe-core/axe.min.js'), 'utf8');
});
after(async () => { await server?.close(); });

/** Runs `body(browser)` with `kind` started, and closes it whatever happens. */
async function withBrowser(kind, body) {
  const browser = await launch(kind);
  try {
    await body(browser);
  } finally {
    await browser.close();
  }
}

/** Goes to `fragment` in `tab` and waits for a heading that matches `heading`. */
async function show(tab, fragment, heading) {
  await tab.evaluate((f) => { location.hash = f; }, fragment);
  await tab.waitFor((h) => new RegExp(h).test(document.querySelector('main#inhalt h1')?.textContent ?? ''), heading.source);
}

/** In the page: a value typed into a grid cell and committed with Enter, as the keyboard would. */
function typeCell([id, value]) {
  const input = document.getElementById(id);
  input.focus();
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
  input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }));
}

/** In the page: clicks the first `selector` whose text contains `text`. */
function clickText([selector, text]) {
  const el = [...document.querySelectorAll(selector)].find((e) => e.textContent.includes(text));
  if (!el) throw new Error(`no ${selector} with “${text}”`);
  el.click();
}

/** In the page: a file chosen in the file input labelled `label`, as the file dialog would. */
function chooseFile([label, name, text, type]) {
  const input = [...document.querySelectorAll('label')].find((l) => l.textContent.includes(label))?.querySelector('input[type=file]');
  if (!input) throw new Error(`no file input under “${label}”`);
  const data = new DataTransfer();
  data.items.add(new File([text], name, { type }));
  input.files = data.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

/** In the page: several files chosen at once in the file input that takes several, as the file dialog would. */
function chooseFiles(files) {
  const input = document.querySelector('input[type=file][multiple]');
  if (!input) throw new Error('no file input for several files');
  const data = new DataTransfer();
  for (const [name, text, type] of files) data.items.add(new File([text], name, { type }));
  input.files = data.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

/** In the page: each job centre's comparison type typed into its field and left, as the keyboard would. */
function typeTypes(types) {
  for (const [name, code] of types) {
    const input = document.querySelector(`input[aria-label="Vergleichstyp von ${name}"]`);
    if (!input) throw new Error(`no type field for ${name}`);
    input.value = code;
    input.dispatchEvent(new Event('change', { bubbles: true }));
  }
}

/** In the page: the cells of a comparison type's table, spaces made plain. */
function comparisonRows(group) {
  return [...document.querySelectorAll(`section.vergleich-gruppe[aria-label="${group}"] tbody tr`)]
    .map((r) => [...r.children].map((c) => c.textContent.replace(/\s+/g, ' ').trim()));
}

/** In the page: keeps every blob the app makes for a download, so that a test can read what was downloaded. */
function keepDownloads() {
  globalThis.__blobs = [];
  const make = URL.createObjectURL;
  URL.createObjectURL = (blob) => { globalThis.__blobs.push(blob); return make.call(URL, blob); };
}

const savedSaid = () => document.querySelector('.grid-meldung')?.textContent === 'Gespeichert.';

async function axe(tab) {
  return tab.evaluate(async (source) => {
    if (!globalThis.axe) (0, eval)(source);
    const result = await globalThis.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
    });
    return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  }, axeSource);
}

for (const kind of BROWSERS) {
  test(`${kind}: every screen from a subpath, no console error, axe finds nothing`, async () => {
    await withBrowser(kind, async (browser) => {
      const profile = await browser.profile();
      const tab = await profile.tab(`${server.url}#/uebersicht`);
      const screens = [
        ['#/uebersicht', /^Übersicht$/], ['#/vereinbarung', /^Zielvereinbarung$/], ['#/werte', /^Ist-Werte erfassen$/],
        ['#/bilanz', /^Jahresbilanz$/], ['#/bericht', /Bericht|Zielvereinbarung/], ['#/austausch', /^Datenaustausch$/],
        ['#/vergleich', /^Vergleich$/], ['#/ziel/3', /Integrationen/],
      ];
      for (const [fragment, heading] of screens) {
        await show(tab, fragment, heading);
        assert.deepEqual(await axe(tab), [], `${kind} ${fragment}`);
      }
      assert.equal(await tab.evaluate(() => location.pathname), SUBPATH);
      assert.deepEqual(tab.errors, []);
      await profile.close();
    });
  });

  test(`${kind}: a value typed into the grid survives a reload, and the overview counts it`, async () => {
    await withBrowser(kind, async (browser) => {
      const profile = await browser.profile();
      const tab = await profile.tab(`${server.url}#/werte`);
      await tab.waitFor(() => document.getElementById('zelle-0-0') !== null);
      await tab.evaluate(typeCell, ['zelle-0-0', '61']);
      await tab.waitFor(savedSaid);
      await tab.reload();
      await tab.waitFor(() => document.getElementById('zelle-0-0')?.value === '61');
      await show(tab, '#/uebersicht', /^Übersicht$/);
      await tab.waitFor(() => /61 \(bis Januar\)/.test(document.querySelector('tbody[data-ziel="3"] tr')?.textContent ?? ''));
      assert.deepEqual(tab.errors, []);
      await profile.close();
    });
  });

  test(`${kind}: a CSV and a backup are read, previewed and taken`, async () => {
    await withBrowser(kind, async (browser) => {
      const profile = await browser.profile();
      const tab = await profile.tab(`${server.url}#/austausch`);
      const csv = '\uFEFFKennzahl;Personengruppe;Jahr;Monat;Wert;Zähler;Nenner;Datenstand;Kommentar\r\n' +
        'INT;Insgesamt;2022;2;55;;;28.02.2022;\r\nINT;Frauen;2022;2;21;;;28.02.2022;\r\n';
      await tab.evaluate(chooseFile, ['CSV-Datei einlesen', 'werte.csv', csv, 'text/csv']);
      await tab.waitFor(() => /2 neu/.test(document.querySelector('.vorschau .zusammenfassung')?.textContent ?? ''));
      await tab.evaluate(clickText, ['.vorschau button', 'Übernehmen']);
      await tab.waitFor(() => !document.querySelector('.vorschau'));
      // The backup of this workspace, downloaded …
      await tab.evaluate(keepDownloads);
      await tab.evaluate(clickText, ['button', 'Sicherung herunterladen']);
      const backup = await tab.evaluate(async () => globalThis.__blobs.at(-1).text());
      assert.match(backup, /"schema_version": ?3/);
      // … and read in another profile (another colleague's browser), replacing its example.
      const other = await browser.profile();
      const there = await other.tab(`${server.url}#/austausch`);
      await there.evaluate(chooseFile, ['Sicherung einlesen', 'sicherung.json', backup, 'application/json']);
      await there.waitFor(() => document.querySelector('.vorschau') !== null);
      await there.evaluate(clickText, ['.vorschau button', 'Arbeitsbereich ersetzen']);
      await there.waitFor(() => !document.querySelector('.vorschau'));
      await show(there, '#/werte', /^Ist-Werte erfassen$/);
      await there.waitFor(() => document.getElementById('zelle-1-0')?.value === '55' && document.getElementById('zelle-1-1')?.value === '21');
      assert.deepEqual(tab.errors, []);
      assert.deepEqual(there.errors, []);
      await other.close();
      await profile.close();
    });
  });

  test(`${kind}: the report prints to A4 with its summary and targets`, async () => {
    await withBrowser(kind, async (browser) => {
      const profile = await browser.profile();
      const tab = await profile.tab(`${server.url}#/bericht`);
      await tab.waitFor(() => document.querySelector('.bericht-kopf') !== null);
      const file = resolve(ARTIFACTS, `bericht-${kind}.pdf`);
      await writeFile(file, await tab.pdf());
      const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
      const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))[1]);
      assert.ok(pages >= 2, `${kind}: ${pages} pages`);
      assert.match(text, /Zielvereinbarung 2022/);
      assert.match(text, /Integrationen/);
      assert.match(text, /Legende|Status/);
      assert.deepEqual(tab.errors, []);
      await profile.close();
    });
  });

  test(`${kind}: the comparison takes three job centres' files, shows the table per type and prints it`, async () => {
    const files = (await threeJobCentres()).map((f) => [f.name, f.buffer.toString('utf8'), f.mimeType]);
    await withBrowser(kind, async (browser) => {
      const profile = await browser.profile();
      const tab = await profile.tab(`${server.url}#/vergleich`);
      await tab.waitFor(() => document.querySelector('.leerzustand') !== null);
      await tab.evaluate(chooseFiles, files);
      await tab.waitFor(() => document.querySelectorAll('.vorschau li').length === 3);
      await tab.evaluate(clickText, ['button', 'Übernehmen']);
      await tab.waitFor(() => document.querySelector('.grid-meldung')?.textContent === '3 Jobcenter übernommen.');
      await tab.evaluate(typeTypes, [['Jobcenter Bergstraße', 'IIb'], ['Jobcenter Fulda', 'IIb'], ['Kreisjobcenter Marburg-Biedenkopf', 'Ia']]);
      // Each type is stored on its own: the table is complete once both types hold their job centres.
      await tab.waitFor(() => document.querySelectorAll('section.vergleich-gruppe').length === 2
        && document.querySelectorAll('section.vergleich-gruppe[aria-label="Vergleichstyp IIb"] tbody tr').length === 2);
      // 360 and 300 of 385 to June → 93,5 % and 77,9 %; Marburg 300 of 320,8 to May → 93,5 %.
      const iib = await tab.evaluate(comparisonRows, 'Vergleichstyp IIb');
      assert.deepEqual(iib.map((r) => [r[0], r[2], r[4], r[8]]), [
        ['Jobcenter Fulda', '360 (bis Juni)', '93,5 %', '1 von 2'], ['Jobcenter Bergstraße', '300 (bis Juni)', '77,9 %', '2 von 2']]);
      const ia = await tab.evaluate(comparisonRows, 'Vergleichstyp Ia');
      assert.deepEqual([ia[0][0], ia[0][4], ia[0][7]], ['Kreisjobcenter Marburg-Biedenkopf', '93,5 %', '31.05.2022 (älterer Stand)']);
      const file = resolve(ARTIFACTS, `vergleich-${kind}.pdf`);
      await writeFile(file, await tab.pdf({ preferCSSPageSize: true }));
      const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
      const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
      assert.match(text, /Vergleich 2022/);
      assert.match(text, /Vergleichstyp IIb/);
      assert.match(text, /Jobcenter Fulda\s+Integrationen/, 'the names are not broken');
      assert.match(text, /93,5/);
      assert.doesNotMatch(text, /Diagramme/, 'closed charts are not printed');
      assert.doesNotMatch(text, /Übernehmen|Entfernen/, 'the controls are not printed');
      const [, w, h] = /Page size:\s+([\d.]+) x ([\d.]+)/.exec(info);
      assert.ok(Number(w) > Number(h), `${kind}: landscape, not ${w} × ${h}`);
      assert.deepEqual(tab.errors, []);
      await profile.close();
    });
  });

  test(`${kind}: the single offline file from file:// keeps a typed value over a reload and reads a CSV in its worker`, async () => {
    await withBrowser(kind, async (browser) => {
      const profile = await browser.profile();
      const url = `${pathToFileURL(resolve('dist/zielsteuerung-offline.html')).href}#/werte`;
      const tab = await profile.tab(url);
      await tab.waitFor(() => document.getElementById('zelle-0-0') !== null);
      await tab.evaluate(typeCell, ['zelle-0-0', '62']);
      await tab.waitFor(savedSaid);
      const keys = await tab.evaluate(() => Object.keys(localStorage));
      assert.ok(keys.includes('zielsteuerung-offline-datei.arbeitsbereich'), `${kind}: ${keys.join(', ')}`);
      await tab.reload();
      await tab.waitFor(() => document.getElementById('zelle-0-0')?.value === '62');
      // The file worker starts from the page's inlined script (a blob: URL), under the page's CSP.
      await show(tab, '#/austausch', /^Datenaustausch$/);
      const csv = 'Kennzahl;Personengruppe;Jahr;Monat;Wert;Zähler;Nenner;Datenstand;Kommentar\n' +
        'INT;Insgesamt;2022;2;55;;;28.02.2022;\n';
      await tab.evaluate(chooseFile, ['CSV-Datei einlesen', 'werte.csv', csv, 'text/csv']);
      await tab.waitFor(() => /^1 neu · 0 ersetzt/.test(document.querySelector('.vorschau .zusammenfassung')?.textContent ?? ''));
      assert.deepEqual(tab.errors, []);
      await profile.close();
    });
  });

  test(`${kind}: a corrupt store is kept and said; a full storage is said and nothing half written`, async () => {
    await withBrowser(kind, async (browser) => {
      const profile = await browser.profile();
      const tab = await profile.tab(`${server.url}#/uebersicht`);
      await tab.evaluate((k) => localStorage.setItem(k, '{kaputt'), KEY);
      await tab.reload();
      await tab.waitFor(() => /Gespeicherte Daten nicht lesbar/.test(document.querySelector('.meldung-fehler')?.textContent ?? ''));
      assert.equal(await tab.evaluate((k) => localStorage.getItem(k), KEY), '{kaputt');
      assert.equal((await tab.evaluate(() => Object.keys(localStorage).filter((k) => k.includes('.unlesbar.')))).length, 1);
      await profile.close();

      const fresh = await browser.profile();
      const grid = await fresh.tab(`${server.url}#/werte`);
      await grid.waitFor(() => document.getElementById('zelle-0-0') !== null);
      await grid.evaluate(typeCell, ['zelle-0-0', '60']);
      await grid.waitFor(savedSaid);
      const before = await grid.evaluate(() => JSON.stringify(Object.entries(localStorage).sort()));
      // The browser's own error of a full storage (QuotaExceededError in both).
      await grid.evaluate(() => {
        Storage.prototype.setItem = function () { throw new DOMException('voll', 'QuotaExceededError'); };
      });
      await grid.evaluate(typeCell, ['zelle-1-0', '61']);
      await grid.waitFor(() => /Speicher voll/.test(document.querySelector('.meldung-fehler')?.textContent ?? ''));
      assert.equal(await grid.evaluate(() => document.querySelector('.grid-meldung')?.textContent), 'Übernommen, aber nicht gespeichert – siehe den Hinweis oben.');
      assert.equal(await grid.evaluate(() => JSON.stringify(Object.entries(localStorage).sort())), before);
      await fresh.close();
    });
  });
}

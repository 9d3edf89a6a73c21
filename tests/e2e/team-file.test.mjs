// The workspace file on the team's share (issue 17, part 1), tested for real in Chromium: the file pickers are
// stubbed to hand out a file handle (from the origin-private file system, so that IndexedDB keeps it over a
// reload like a real one) whose reads and writes go to one real file on disk, shared by two browser contexts –
// two colleagues. A saves, B sees it; both edit, B chooses the merge; a file that is no workspace file is never
// written over; a permission withdrawn is asked for again.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rename, writeFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setUp, gotoApp, storedValues, axeViolations, ARTIFACTS } from './harness.mjs';

let env, dir;
before(async () => { env = await setUp(); dir = await mkdtemp(join(tmpdir(), 'zielsteuerung-team-')); });
after(async () => { await env?.close(); await rm(dir, { recursive: true, force: true }); });

/** In the page, before the app: pickers and the handle's file access, routed to the shared file on disk. */
function stubFileAccess() {
  const handle = async () => (await navigator.storage.getDirectory()).getFileHandle('ziele.json', { create: true });
  window.showSaveFilePicker = async () => handle();
  window.showOpenFilePicker = async () => [await handle()];
  const P = FileSystemFileHandle.prototype;
  P.getFile = async function () { return new File([await window.__readShared()], this.name, { type: 'application/json' }); };
  P.createWritable = async function () {
    let text = '';
    return { write: async (t) => { text += t; }, close: async () => { await window.__writeShared(text); }, abort: async () => {} };
  };
  P.queryPermission = async () => (localStorage.getItem('test.zugriff') === 'entzogen' ? 'prompt' : 'granted');
  P.requestPermission = async () => { localStorage.removeItem('test.zugriff'); return 'granted'; };
}

/** A colleague: a browser context whose file pickers reach `file`. */
async function colleague(file) {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'de-DE' });
  await context.exposeFunction('__readShared', async () => readFile(file, 'utf8').catch(() => ''));
  // Replaced whole, as the browser does (it writes a copy and swaps it in): a reader never sees half a file.
  let writes = 0;
  await context.exposeFunction('__writeShared', async (text) => {
    const copy = `${file}.${process.pid}.${writes++}.crswap`;
    await writeFile(copy, text);
    await rename(copy, file);
  });
  await context.addInitScript(stubFileAccess);
  const page = await context.newPage();
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(e.message));
  return { context, page, errors };
}

const status = (page) => page.textContent('.datei-stand');
const header = (page) => page.textContent('.kopf .datenort');
async function typeValue(page, cell, value) {
  await page.fill(cell, value);
  await page.press(cell, 'Enter');
  await page.waitForFunction(() => document.querySelector('.grid-meldung')?.textContent === 'Gespeichert.');
}
/** INT 2022 months of the file on disk, by month. */
async function onDisk(file) {
  const doc = JSON.parse(await readFile(file, 'utf8'));
  const out = {};
  for (const v of storedValues(doc)) if (v.kennzahl === 'INT' && v.jahr === 2022 && v.gruppe === 'Insgesamt' && v.monat) out[v.monat] = v.wert;
  return { doc, months: out };
}
const inStep = () => /verbunden – gespeichert \d\d:\d\d/.test(document.querySelector('.kopf .datenort')?.textContent ?? '');

test('two colleagues share the workspace file: A saves, B sees it; both edit, B merges; nothing unreadable is written over', async () => {
  const file = join(dir, 'ziele.json');
  const a = await colleague(file);
  const b = await colleague(file);

  // A links the workspace to a new file: it is written at once, as a backup with the stamp in front.
  await gotoApp(env, a.page, '#/austausch');
  assert.match(await status(a.page), /Nicht verbunden/);
  await a.page.click('button:has-text("Mit Datei verbinden")');
  await a.page.waitForFunction(inStep);
  assert.match(await header(a.page), /^Mit ziele\.json verbunden – gespeichert \d\d:\d\d$/);
  let disk = await onDisk(file);
  assert.equal(disk.doc.revision, 1);
  assert.equal(disk.doc.schema_version, 3);
  await a.page.screenshot({ path: `${ARTIFACTS}/datei-verbunden.png` });
  assert.deepEqual(await axeViolations(a.page), []);

  // A types a value: saved here and in the file.
  await gotoApp(env, a.page, '#/werte');
  await typeValue(a.page, '#zelle-0-0', '60');
  await a.page.waitForFunction(inStep);
  for (let i = 0; i < 200 && (await onDisk(file)).months[1] !== 60; i++) await a.page.waitForTimeout(50);
  assert.deepEqual((await onDisk(file)).months, { 1: 60 });

  // B (only the example here) opens the file: its workspace is taken.
  await gotoApp(env, b.page, '#/austausch');
  await b.page.click('button:has-text("Arbeitsbereich-Datei öffnen")');
  await b.page.waitForFunction(inStep);
  await gotoApp(env, b.page, '#/werte');
  await b.page.waitForFunction(() => document.getElementById('zelle-0-0')?.value === '60');

  // Both edit: A first (written), then B, whose file changed meanwhile: B chooses, nothing is written before.
  await gotoApp(env, a.page, '#/werte');
  await typeValue(a.page, '#zelle-1-0', '70');
  for (let i = 0; i < 200 && (await onDisk(file)).months[2] !== 70; i++) await a.page.waitForTimeout(50);
  await typeValue(b.page, '#zelle-2-0', '80');
  await b.page.waitForFunction(() => /bitte wählen/.test(document.querySelector('.kopf .datenort')?.textContent ?? ''));
  assert.deepEqual((await onDisk(file)).months, { 1: 60, 2: 70 }, 'A\'s save is not written over');
  await gotoApp(env, b.page, '#/austausch');
  assert.match(await b.page.textContent('.meldung-warnung'), /Beide Seiten geändert/);
  await b.page.screenshot({ path: `${ARTIFACTS}/datei-beide-geaendert.png` });
  assert.deepEqual(await axeViolations(b.page), []);
  await b.page.click('.meldung-warnung button:has-text("Zusammenführen")');
  await b.page.waitForFunction(inStep);
  for (let i = 0; i < 200 && (await onDisk(file)).months[3] !== 80; i++) await b.page.waitForTimeout(50);
  assert.deepEqual((await onDisk(file)).months, { 1: 60, 2: 70, 3: 80 });

  // A comes back to its tab: B's merge is taken, A changed nothing since.
  await a.page.evaluate(() => window.dispatchEvent(new Event('focus')));
  await a.page.waitForFunction(() => document.getElementById('zelle-2-0')?.value === '80');

  // The link survives a reload; with the permission withdrawn, nothing is written until it is given again.
  await a.page.evaluate(() => localStorage.setItem('test.zugriff', 'entzogen'));
  await a.page.reload();
  await a.page.waitForFunction(() => /Zugriff erneut erlauben/.test(document.querySelector('.kopf .datenort')?.textContent ?? ''));
  await gotoApp(env, a.page, '#/austausch');
  await a.page.click('button:has-text("Zugriff auf ziele.json erneut erlauben")');
  await a.page.waitForFunction(inStep);

  // Somebody puts another text in the file: it is never written over, and the app says so.
  await writeFile(`${file}.hand`, 'Protokoll der Teamsitzung');
  await rename(`${file}.hand`, file);
  await gotoApp(env, a.page, '#/werte');
  await typeValue(a.page, '#zelle-3-0', '90');
  await a.page.waitForFunction(() => /keine Arbeitsbereich-Datei/.test(document.querySelector('.kopf .datenort')?.textContent ?? ''));
  assert.equal(await readFile(file, 'utf8'), 'Protokoll der Teamsitzung');
  // Saved in the browser all the same.
  assert.equal(await a.page.inputValue('#zelle-3-0'), '90');

  assert.deepEqual(a.errors, []);
  assert.deepEqual(b.errors, []);
  await a.context.close();
  await b.context.close();
});

test('a browser without the File System Access API says so and points to the backup', async () => {
  const context = await env.browser.newContext({ locale: 'de-DE' });
  await context.addInitScript(() => { delete window.showSaveFilePicker; delete window.showOpenFilePicker; });
  const page = await context.newPage();
  await gotoApp(env, page, '#/austausch');
  assert.match(await page.textContent('section[aria-labelledby="datei-titel"]'), /Dieser Browser kann den Arbeitsbereich nicht mit einer Datei verbinden \(das können Edge und Chrome\)/);
  assert.equal(await page.locator('text=Mit Datei verbinden …').count(), 0);
  await context.close();
});

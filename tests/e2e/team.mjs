// Two colleagues on one workspace file on disk (issue 17), shared by the tests of the workspace file: the file
// pickers are stubbed to hand out a file handle (from the origin-private file system, so that IndexedDB keeps it
// over a reload like a real one) whose reads and writes go to one real file on disk, shared by browser contexts.
import { readFile, rename, writeFile } from 'node:fs/promises';
import { storedValues } from './harness.mjs';

/** In the page, before the app: pickers and the handle's file access, routed to the shared file on disk. */
export function stubFileAccess() {
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
export async function colleague(env, file) {
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

export const status = (page) => page.textContent('.datei-stand');
export const header = (page) => page.textContent('.kopf .datenort');
export async function typeValue(page, cell, value) {
  await page.fill(cell, value);
  await page.press(cell, 'Enter');
  await page.waitForFunction(() => document.querySelector('.grid-meldung')?.textContent === 'Gespeichert.');
}
/** INT 2022 months of the file on disk, by month. */
export async function onDisk(file) {
  const doc = JSON.parse(await readFile(file, 'utf8'));
  const out = {};
  for (const v of storedValues(doc)) if (v.kennzahl === 'INT' && v.jahr === 2022 && v.gruppe === 'Insgesamt' && v.monat) out[v.monat] = v.wert;
  return { doc, months: out };
}
export const inStep = () => /verbunden – gespeichert \d\d:\d\d/.test(document.querySelector('.kopf .datenort')?.textContent ?? '');


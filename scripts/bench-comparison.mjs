// The comparison's part of the benchmark (issue 23): a Land's job centres, 100 synthetic members of 3 years × 15
// indicators × 3 populations × 12 months each (examples/large_workspace.rs --members), added through the screen as a
// user does, in six comparison types. Measured in the page with performance.now(): what the members take in
// IndexedDB, adding the 100th (file chosen → preview, and "Übernehmen" → the table with it), the table of one
// figure re-sorted and another figure chosen, "all targets", and opening the screen with 100 members.
import { execFile } from 'node:child_process';
import { mkdir, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
export const MEMBERS = 100;
const TYPES = ['Ia', 'Ib', 'IIa', 'IIb', 'IIIa', 'IIIe'];
const REPEATS = 7;

/** In the page: `act()` run at the start of an animation frame, so that its reactive work, the style, layout and
 *  paint of that frame follow at once; the milliseconds from just before `act` to the first task after that frame
 *  (as the edit latency is measured). `__script`: the part until the app's work was done (before the frame's
 *  rendering). */
function timedInPage(act) {
  return new Promise((done) => {
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      const t0 = performance.now();
      channel.port1.onmessage = () => done(performance.now() - t0);
      act();
      queueMicrotask(() => queueMicrotask(() => { globalThis.__script = performance.now() - t0; }));
      channel.port2.postMessage(0);
    });
  });
}

/** Writes the member files with the large_workspace example into `dir`; returns their paths. */
async function memberFiles(example, dir, fail) {
  await mkdir(dir, { recursive: true });
  try {
    await run(example, [`--members=${MEMBERS}`, `--dir=${dir}`], { maxBuffer: 16 << 20, encoding: 'utf8' });
  } catch (e) {
    fail(`large_workspace --members failed: ${e.stderr || e.message}`);
  }
  return (await readdir(dir)).filter((f) => f.endsWith('.json')).sort().map((f) => join(dir, f));
}

/** The bytes of the members' records in IndexedDB (strings as UTF-8), read in the page. */
function storedBytes() {
  return new Promise((done, failed) => {
    const open = indexedDB.open('zielsteuerung.vergleich');
    open.onerror = () => failed(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const all = db.transaction('mitglieder').objectStore('mitglieder').getAll();
      all.onerror = () => failed(all.error);
      all.onsuccess = () => {
        const encoder = new TextEncoder();
        let bytes = 0;
        const count = (v) => {
          if (typeof v === 'string') bytes += encoder.encode(v).length;
          else if (Array.isArray(v)) v.forEach(count);
          else if (v && typeof v === 'object') Object.values(v).forEach(count);
          else bytes += 8;
        };
        all.result.forEach(count);
        db.close();
        done({ bytes, records: all.result.length });
      };
    };
  });
}

export async function comparison(browser, appUrl, tmp, { example, fail, progress, median }) {
  const files = await memberFiles(example, join(tmp, 'mitglieder'), fail);
  if (files.length !== MEMBERS) fail(`large_workspace wrote ${files.length} member files, not ${MEMBERS}`);
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 }, locale: 'de-DE' });
  const page = await context.newPage();
  await page.goto(`${appUrl}#/vergleich`);
  await page.waitForSelector('.leerzustand', { timeout: 30_000 });
  const said = (text) => page.waitForFunction((t) => document.querySelector('.grid-meldung')?.textContent === t, text, { timeout: 300_000 });

  progress(`comparison: adding ${MEMBERS - 1} job centres' backups at once`);
  const input = page.locator('input[type=file][multiple]');
  await input.setInputFiles(files.slice(0, -1));
  await page.waitForFunction((n) => document.querySelectorAll('.vorschau li').length === n, MEMBERS - 1, { timeout: 300_000 });
  await page.getByRole('button', { name: 'Übernehmen' }).click();
  await said(`${MEMBERS - 1} Jobcenter übernommen.`);

  progress('comparison: six comparison types typed in');
  const typing = [];
  const fields = await page.$$eval('input[aria-label^="Vergleichstyp von "]', (l) => l.map((e) => e.id));
  for (const [i, id] of fields.entries()) {
    typing.push(await page.evaluate(([id, code]) => {
      const input = document.getElementById(id);
      input.value = code;
      const t0 = performance.now();
      input.dispatchEvent(new Event('change', { bubbles: true }));
      return performance.now() - t0;
    }, [id, TYPES[i % TYPES.length]]));
  }
  await page.waitForFunction((n) => document.querySelectorAll('section.vergleich-gruppe').length === n, TYPES.length, { timeout: 60_000 });

  progress('comparison: adding the 100th');
  await page.evaluate(() => {
    globalThis.__chosen = null;
    document.addEventListener('change', () => { globalThis.__chosen = performance.now(); }, { capture: true, once: true });
  });
  await input.setInputFiles(files.at(-1));
  await page.waitForSelector('.vorschau li', { timeout: 60_000 });
  const preview = await page.evaluate(() => performance.now() - globalThis.__chosen);
  const accept = await page.evaluate(() => new Promise((done) => {
    const button = [...document.querySelectorAll('.vorschau button')].find((b) => b.textContent === 'Übernehmen');
    const t0 = performance.now();
    const seen = new MutationObserver(() => {
      if (document.querySelector('.grid-meldung')?.textContent === '1 Jobcenter übernommen.'
        && document.querySelectorAll('table.mitglieder tbody tr').length === 100) {
        seen.disconnect();
        void document.body.offsetHeight;
        done(performance.now() - t0);
      }
    });
    seen.observe(document.body, { childList: true, subtree: true, characterData: true });
    button.click();
  }));
  const stored = await page.evaluate(storedBytes);
  if (stored.records !== MEMBERS) fail(`the member store holds ${stored.records} records, not ${MEMBERS}`);

  progress('comparison: one figure re-sorted, another figure, all targets');
  const sortings = [];
  const sortScript = [];
  for (let i = 0; i < REPEATS; i++) {
    if (i) sortScript.push(await page.evaluate(() => globalThis.__script));
    sortings.push(await page.evaluate(`(${timedInPage})(() => {
      const column = ${i % 2 ? "'Ist/Soll'" : "'Ist'"};
      [...document.querySelectorAll('section.vergleich-gruppe th button.sortieren')].find((b) => b.textContent === column).click();
    })`));
  }
  sortScript.push(await page.evaluate(() => globalThis.__script));
  const figures = [];
  for (let i = 0; i < REPEATS; i++) {
    figures.push(await page.evaluate(`(${timedInPage})(() => {
      const select = document.getElementById('vergleich-kennzahl');
      select.value = String(${(i % 2) + 1});
      select.dispatchEvent(new Event('change', { bubbles: true }));
    })`));
  }
  const rows = async () => page.$$eval('section.vergleich-gruppe tbody tr', (r) => r.length);
  const figureRows = await rows();
  const all = [];
  const allScript = [];
  for (let i = 0; i < 3; i++) {
    all.push(await page.evaluate(`(${timedInPage})(() => {
      const select = document.getElementById('vergleich-kennzahl');
      select.value = 'alle';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    })`));
    allScript.push(await page.evaluate(() => globalThis.__script));
    const shown = await page.$$eval('.vergleich-bloecke li', (l) => l.length);
    if (shown !== MEMBERS) fail(`"all targets" showed ${shown} job centres, not ${MEMBERS}`);
    await page.evaluate(`(${timedInPage})(() => {
      const select = document.getElementById('vergleich-kennzahl');
      select.value = '0';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    })`);
  }
  await page.evaluate(`(${timedInPage})(() => {
    const select = document.getElementById('vergleich-kennzahl');
    select.value = 'alle';
    select.dispatchEvent(new Event('change', { bubbles: true }));
  })`);
  const allRows = await page.$$eval('.vergleich-bloecke li', (l) => l.length);
  // One job centre opened to its targets.
  const opened = await page.evaluate(`(${timedInPage})(() => {
    document.querySelector('.vergleich-bloecke details > summary').click();
  })`);
  const openedRows = await rows();

  progress('comparison: opening the screen with 100 members');
  const opening = [];
  const firstOpening = [];
  for (let i = 0; i < 2 * REPEATS; i++) {
    // Every other time after a reload: nothing of the members evaluated yet in this page.
    const first = i % 2 === 0;
    if (first) {
      await page.evaluate(() => { location.hash = '#/'; });
      await page.reload();
      await page.waitForSelector('table.ziele, .leerzustand');
    } else {
      await page.evaluate(() => { location.hash = '#/'; });
      await page.waitForSelector('table.ziele, .leerzustand');
    }
    (first ? firstOpening : opening).push(await page.evaluate(() => new Promise((done) => {
      const t0 = performance.now();
      const seen = new MutationObserver(() => {
        if (document.querySelectorAll('section.vergleich-gruppe').length >= 6) {
          seen.disconnect();
          void document.body.offsetHeight;
          done(performance.now() - t0);
        }
      });
      seen.observe(document.body, { childList: true, subtree: true });
      location.hash = '#/vergleich';
    })));
  }
  await context.close();
  return {
    stored, preview, accept, adding: preview + accept,
    typing: median(typing), sorting: median(sortings), sortScript: median(sortScript), figure: median(figures), figureRows,
    all: median(all), allScript: median(allScript), allRows, opened, openedRows, opening: median(opening), firstOpening: median(firstOpening),
    runs: { sortings, figures, all, opening, firstOpening },
  };
}

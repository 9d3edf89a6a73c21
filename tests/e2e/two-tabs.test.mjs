// Nothing lost, ever (issue 14): two tabs of one profile commit a grid cell each within 0, 1, 2, 5 and 10 ms of
// each other, round after round, in Chromium and in Firefox ESR, with the Web Locks API (a secure context) and
// without it (an intranet page over plain http). Every value of every round must be stored, and both tabs must end
// up showing both. Prints the rounds and the measured gaps between the two commits.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../../scripts/serve.mjs';
import { SUBPATH, storedValues, assembleStored } from './harness.mjs';
import { BROWSERS, launch } from './browsers.mjs';

const OFFSETS = [0, 1, 2, 5, 10];
const ROUNDS_PER_OFFSET = 5;
const KEY = 'zielsteuerung.arbeitsbereich';

let server;
before(async () => { server = await startServer({ root: 'dist', base: SUBPATH }); });
after(async () => { await server?.close(); });

/** Sets a cell and presses Enter in it at the wall-clock time `at` (ms); resolves with the time it fired. */
function commitAt({ row, col, value, at }) {
  return new Promise((resolve) => {
    setTimeout(() => {
      const input = document.getElementById(`zelle-${row}-${col}`);
      input.value = String(value);
      input.dispatchEvent(new Event('input', { bubbles: true }));
      const fired = Date.now();
      input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }));
      resolve(fired);
    }, Math.max(0, at - Date.now()));
  });
}

/** INT 2022 values of the stored document as { "month/population": value }. */
async function stored(tab) {
  const doc = await tab.evaluate(assembleStored);
  const cells = {};
  for (const v of storedValues(doc)) {
    if (v.kennzahl === 'INT' && v.jahr === 2022 && v.monat) cells[`${v.monat}/${v.gruppe}`] = v.wert;
  }
  return cells;
}

for (const kind of BROWSERS) {
  for (const withoutWebLocks of [false, true]) {
    const mode = withoutWebLocks ? 'without Web Locks (plain http)' : 'with Web Locks';
    test(`${kind}, ${mode}: two tabs committing within 0–10 ms never lose a value`, async () => {
      const browser = await launch(kind);
      try {
        const profile = await browser.profile({ withoutWebLocks });
        const url = `${server.url}#/werte`;
        const a = await profile.tab(url);
        const b = await profile.tab(url);
        for (const tab of [a, b]) await tab.waitFor(() => document.getElementById('zelle-0-1') !== null);
        const locks = await a.evaluate(() => typeof navigator.locks?.request === 'function');
        assert.equal(locks, !withoutWebLocks);
        let round = 0;
        let lost = 0;
        const gaps = [];
        for (const offset of OFFSETS) {
          for (let i = 0; i < ROUNDS_PER_OFFSET; i++, round++) {
            const row = round % 12;
            const month = row + 1;
            const va = 100 + round;
            const vb = 200 + round;
            const at = Date.now() + 200;
            const [ta, tb] = await Promise.all([
              a.evaluate(commitAt, { row, col: 0, value: va, at }),
              b.evaluate(commitAt, { row, col: 1, value: vb, at: at + offset }),
            ]);
            gaps.push(tb - ta);
            // Both values stored, and both tabs showing both.
            try {
              await a.waitFor(([k, m, x, y]) => {
                const text = localStorage.getItem(k);
                if (!text) return false;
                // The manifest names the key of 2022's values.
                const name = JSON.parse(text).werte?.['2022'];
                const year = name && localStorage.getItem(`zielsteuerung.${name}`);
                if (!year) return false;
                const row = JSON.parse(year).filter((r) => r.kennzahl === 'INT' && r.jahr === 2022);
                const at = (g) => row.find((r) => r.gruppe === g)?.werte?.[m];
                return at('Insgesamt') === x && at('Frauen') === y;
              }, [KEY, month, va, vb], 5_000);
              for (const tab of [a, b]) {
                await tab.waitFor(([r, x, y]) => document.getElementById(`zelle-${r}-0`)?.value === String(x)
                  && document.getElementById(`zelle-${r}-1`)?.value === String(y), [row, va, vb], 5_000);
              }
            } catch {
              lost++;
              const cells = await stored(a);
              const shown = async (tab) => tab.evaluate((r) => [0, 1].map((c) => document.getElementById(`zelle-${r}-${c}`)?.value)
                .concat([document.querySelector('.meldung')?.textContent ?? '', document.querySelector('.grid-meldung')?.textContent]), row);
              console.log(`${kind}, ${mode}, round ${round} (offset ${offset} ms): stored ${cells[`${month}/Insgesamt`]}/${cells[`${month}/Frauen`]}, `
                + `tab A shows ${JSON.stringify(await shown(a))}, tab B ${JSON.stringify(await shown(b))}`);
            }
          }
        }
        // A fresh tab reads all of it back.
        const c = await profile.tab(url);
        const cells = await stored(c);
        for (let r = round - 12; r < round; r++) {
          const month = (r % 12) + 1;
          assert.equal(cells[`${month}/Insgesamt`], 100 + r, `round ${r}, tab A's value`);
          assert.equal(cells[`${month}/Frauen`], 200 + r, `round ${r}, tab B's value`);
        }
        const sorted = [...gaps].sort((x, y) => x - y);
        console.log(`${browser.version}, ${mode}: ${round} rounds, ${lost} lost; measured gaps between the two commits `
          + `${sorted[0]}–${sorted[sorted.length - 1]} ms`);
        assert.equal(lost, 0, 'rounds with a value lost');
        for (const tab of [a, b, c]) assert.deepEqual(tab.errors, []);
        await profile.close();
      } finally {
        await browser.close();
      }
    });
  }
}

// Two tabs committing within a few milliseconds, rounds close together (issue 21, loss 7): two tabs of one
// browser, different cells, commits 0–5 ms apart, the next round 0.7–3 s after the last. A committed value is
// stored within a second, or its tab says plainly that it is not ("Wird gespeichert …", or not saved); every value
// is stored in the end.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../../scripts/serve.mjs';
import { SUBPATH } from './harness.mjs';
import { launch } from './browsers.mjs';

const ROUNDS = 12;
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

/** Whether month `m` of INT 2022 holds `value` for `group` in storage now. */
function storedNow([key, m, group, value]) {
  const text = localStorage.getItem(key);
  if (!text) return false;
  const name = JSON.parse(text).werte?.['2022'];
  const year = name && localStorage.getItem(`zielsteuerung.${name}`);
  if (!year) return false;
  const row = JSON.parse(year).filter((r) => r.kennzahl === 'INT' && r.jahr === 2022);
  return row.find((r) => r.gruppe === group)?.werte?.[m] === value;
}

/** The grid's message of a tab. */
const said = () => document.querySelector('.grid-meldung')?.textContent ?? '';

for (const withoutWebLocks of [false, true]) {
  const mode = withoutWebLocks ? 'without Web Locks' : 'with Web Locks';
  test(`chromium, ${mode}: rounds back to back – stored within a second or said, all stored in the end`, async () => {
    const browser = await launch('chromium');
    try {
      const profile = await browser.profile({ withoutWebLocks });
      const url = `${server.url}#/werte`;
      const a = await profile.tab(url);
      const b = await profile.tab(url);
      for (const tab of [a, b]) await tab.waitFor(() => document.getElementById('zelle-0-1') !== null);
      const silent = [];
      let pause = 700;
      for (let round = 0; round < ROUNDS; round++) {
        const row = round % 12;
        const month = row + 1;
        const values = [[a, 'Insgesamt', 0, 300 + round], [b, 'Frauen', 1, 400 + round]];
        const at = Date.now() + pause;
        const offset = round % 6;
        await Promise.all(values.map(([tab, , col, value], i) =>
          tab.evaluate(commitAt, { row, col, value, at: at + i * offset })));
        // A second later each value is stored, or its tab says it is not saved yet.
        await new Promise((r) => setTimeout(r, 1000));
        for (const [tab, group, , value] of values) {
          const stored = await a.evaluate(storedNow, [KEY, month, group, value]);
          const message = await tab.evaluate(said);
          if (!stored && message === 'Gespeichert.') silent.push(`round ${round}: ${group} ${value} not stored, its tab says "${message}"`);
        }
        pause = 700 + ((round * 577) % 2300);
      }
      // In the end every value of every round is stored.
      for (let round = 0; round < ROUNDS; round++) {
        const month = (round % 12) + 1;
        await a.waitFor(storedNow, [KEY, month, 'Insgesamt', 300 + round], 5_000);
        await a.waitFor(storedNow, [KEY, month, 'Frauen', 400 + round], 5_000);
      }
      assert.deepEqual(silent, [], 'a value not stored after a second while its tab said "Gespeichert."');
      for (const tab of [a, b]) assert.deepEqual(tab.errors, []);
      await profile.close();
    } finally {
      await browser.close();
    }
  });
}

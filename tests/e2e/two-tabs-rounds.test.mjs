// Two tabs committing within a few milliseconds, rounds close together (issue 21, loss 7): two tabs of one
// browser, different cells, commits 0–5 ms apart, the next round 0.7–3 s after the last. A committed value is
// stored within a second, or its tab says plainly that it is not ("Wird gespeichert …", or not saved); every value
// is stored in the end.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../../scripts/serve.mjs';
import { SUBPATH } from './harness.mjs';
import { BROWSERS, launch } from './browsers.mjs';

const ROUNDS = 12;
const KEY = 'zielsteuerung.arbeitsbereich';

let server;
before(async () => { server = await startServer({ root: 'dist', base: SUBPATH }); });
after(async () => { await server?.close(); });

/** Sets a cell and presses Enter in it at the wall-clock time `at` (ms), and a second later notes whether the
 * value is stored and what the grid says then (in `window.__checks`); resolves at once. */
function commitAt({ row, col, value, at, key, month, group }) {
  window.__checks ??= [];
  setTimeout(() => {
    const input = document.getElementById(`zelle-${row}-${col}`);
    input.value = String(value);
    input.dispatchEvent(new Event('input', { bubbles: true }));
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }));
    setTimeout(() => {
      const text = localStorage.getItem(key);
      const name = text && JSON.parse(text).werte?.['2022'];
      const year = name && localStorage.getItem(`zielsteuerung.${name}`);
      const rows = year ? JSON.parse(year).filter((r) => r.kennzahl === 'INT' && r.jahr === 2022) : [];
      const stored = rows.find((r) => r.gruppe === group)?.werte?.[month] === value;
      const said = document.querySelector('.grid-meldung')?.textContent ?? '';
      window.__checks.push({ value, stored, said });
    }, 1000);
  }, Math.max(0, at - Date.now()));
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

for (const kind of BROWSERS) for (const withoutWebLocks of [false, true]) {
  const mode = withoutWebLocks ? 'without Web Locks' : 'with Web Locks';
  test(`${kind}, ${mode}: rounds back to back – stored within a second or said, all stored in the end`, async () => {
    const browser = await launch(kind);
    try {
      const profile = await browser.profile({ withoutWebLocks });
      const url = `${server.url}#/werte`;
      const a = await profile.tab(url);
      const b = await profile.tab(url);
      for (const tab of [a, b]) await tab.waitFor(() => document.getElementById('zelle-0-1') !== null);
      // The rounds on a schedule: commits 0–5 ms apart, the next round 0.7–3 s after the last.
      let at = Date.now() + 500;
      for (let round = 0; round < ROUNDS; round++) {
        const month = (round % 12) + 1;
        const offset = round % 6;
        await a.evaluate(commitAt, { row: month - 1, col: 0, value: 300 + round, at, key: KEY, month, group: 'Insgesamt' });
        await b.evaluate(commitAt, { row: month - 1, col: 1, value: 400 + round, at: at + offset, key: KEY, month, group: 'Frauen' });
        at += 700 + ((round * 577) % 2300);
      }
      await new Promise((r) => setTimeout(r, at - Date.now() + 1500));
      // A second after each commit its value is stored, or its tab says it is not saved yet.
      const silent = [];
      for (const tab of [a, b]) {
        const checks = await tab.evaluate(() => window.__checks);
        assert.equal(checks.length, ROUNDS);
        for (const c of checks) if (!c.stored && c.said === 'Gespeichert.') silent.push(c);
      }
      // In the end every value of every round is stored.
      for (let round = 0; round < ROUNDS; round++) {
        const month = (round % 12) + 1;
        await a.waitFor(storedNow, [KEY, month, 'Insgesamt', 300 + round], 5_000);
        await a.waitFor(storedNow, [KEY, month, 'Frauen', 400 + round], 5_000);
      }
      assert.deepEqual(silent, [], 'values not stored a second after their commit while their tab said "Gespeichert."');
      for (const tab of [a, b]) assert.deepEqual(tab.errors, []);
      await profile.close();
    } finally {
      await browser.close();
    }
  });
}

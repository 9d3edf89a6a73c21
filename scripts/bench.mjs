// The benchmark of the release build in dist/ (issue 7): sizes, Lighthouse, start-up time against a static
// snapshot, the large workspace (stored size, start-up, edit latency and what an edit writes, a 12 × 40 paste; issue
// 16), the example's edit latency, and big input (issue 14: the refusal of a
// file too large, the longest block for the largest file and paste accepted). Prints labelled figures, then a
// budget table. Builds nothing: `make bench` builds the release and the large_workspace example first.
//
//   node scripts/bench.mjs [--check]
//
// Without --check it exits 0 whatever the figures are; with --check it exits 1 when a budget is broken. A figure
// that cannot be measured is an error (exit 2) with a message saying why.
import { chromium } from 'playwright-core';
import { execFile } from 'node:child_process';
import { access, copyFile, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { startServer } from './serve.mjs';
import { PART } from './split.mjs';
import { MEMBERS, comparison } from './bench-comparison.mjs';

const run = promisify(execFile);
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DIST = join(ROOT, 'dist');
const SUBPATH = '/intranet/apps/ziele/';
const CHROMIUM = process.env.CHROME_PATH ?? process.env.CHROMIUM ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--no-first-run',
];
const LARGE_EXAMPLE = join(ROOT, 'target', 'release', 'examples', 'large_workspace');
// A target row of the overview that shows its status: the overview rendered with data.
const READY = 'table.ziele tbody.ziel .status';

const LIGHTHOUSE_RUNS = 3;
const STARTUP_RUNS = 10;
const LARGE_STARTUP_RUNS = 5;
const WARM_RUNS = 5;
const EDITS = 50;

const check = process.argv.includes('--check');
// `--only=comparison`: only the comparison's figures (while working on it; no budget table).
const only = process.argv.find((a) => a.startsWith('--only='))?.slice(7);

class Unmeasurable extends Error {}
const fail = (msg) => { throw new Unmeasurable(msg); };
const progress = (msg) => process.stderr.write(`[bench] ${msg}\n`);

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
/** Nearest-rank percentile. */
const percentile = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.max(0, Math.ceil((p / 100) * s.length) - 1)];
};
const ms = (x) => `${x.toFixed(1)} ms`;
const pad = (s, n) => String(s).padEnd(n);
const lpad = (s, n) => String(s).padStart(n);

// --- a) sizes ------------------------------------------------------------------------------------------------

/** Runs scripts/size.sh (the same numbers as `make size`) and reads its table. */
async function sizes() {
  let out;
  try {
    ({ stdout: out } = await run('bash', [join(ROOT, 'scripts', 'size.sh'), DIST, '--where'], { cwd: ROOT }));
  } catch (e) {
    fail(`scripts/size.sh failed: ${e.stderr || e.stdout || e.message}`);
  }
  const files = [];
  let total;
  for (const line of out.split('\n')) {
    const cols = line.trim().split(/\s+/);
    if (['wasm', 'js', 'css'].includes(cols[0]) && cols.length === 5) {
      files.push({ kind: cols[0], file: cols[1], raw: +cols[2], gzip: +cols[3], brotli: +cols[4] });
    } else if (cols[0] === 'total') {
      const [raw, gzip, brotli] = cols.slice(-3).map(Number);
      total = { raw, gzip, brotli };
    }
  }
  if (!total || !files.some((f) => f.kind === 'wasm')) fail(`could not read the output of scripts/size.sh:\n${out}`);
  // Where the wasm's bytes go (scripts/size-where.mjs), said as it is.
  const lines = out.split('\n');
  const from = lines.findIndex((l) => l.startsWith('where the wasm goes'));
  const where = from < 0 ? [] : lines.slice(from).filter((l) => l.trim() !== '');
  return { files, total, where };
}

// --- b) Lighthouse -------------------------------------------------------------------------------------------

const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];
const METRICS = { fcp: 'first-contentful-paint', lcp: 'largest-contentful-paint', tbt: 'total-blocking-time' };

async function lighthouseOnce(url, mode, outFile) {
  const args = [
    join(ROOT, 'node_modules', 'lighthouse', 'cli', 'index.js'), url,
    '--output=json', `--output-path=${outFile}`, '--quiet',
    `--only-categories=${CATEGORIES.join(',')}`,
    `--chrome-flags=${CHROMIUM_ARGS.join(' ')}`,
  ];
  if (mode === 'desktop') args.push('--preset=desktop');
  try {
    await run(process.execPath, args, { env: { ...process.env, CHROME_PATH: CHROMIUM }, maxBuffer: 64 << 20, timeout: 180_000 });
  } catch (e) {
    fail(`Lighthouse (${mode}) failed: ${(e.stderr || e.message).trim().split('\n').slice(-5).join('\n')}`);
  }
  const lhr = JSON.parse(await readFile(outFile, 'utf8'));
  if (lhr.runtimeError) fail(`Lighthouse (${mode}) reports ${lhr.runtimeError.code}: ${lhr.runtimeError.message}`);
  const scores = {};
  for (const c of CATEGORIES) {
    const score = lhr.categories[c]?.score;
    if (typeof score !== 'number') fail(`Lighthouse (${mode}) gave no ${c} score`);
    scores[c] = Math.round(score * 100);
  }
  const metrics = {};
  for (const [k, id] of Object.entries(METRICS)) {
    const v = lhr.audits[id]?.numericValue;
    if (typeof v !== 'number') fail(`Lighthouse (${mode}) gave no ${id}`);
    metrics[k] = v;
  }
  // What cost points: audits that count in a category (weight > 0) and did not pass fully.
  const losses = [];
  for (const c of CATEGORIES) {
    for (const ref of lhr.categories[c].auditRefs) {
      const a = lhr.audits[ref.id];
      if (ref.weight > 0 && typeof a.score === 'number' && a.score < 1) {
        losses.push({ key: `${c}: ${ref.id} (weight ${ref.weight})`, value: `${a.score.toFixed(2)}${a.displayValue ? ` (${a.displayValue})` : ''}` });
      }
    }
  }
  // What Lighthouse says would save time (its insights and diagnostics with estimated metric savings).
  const savings = [];
  for (const [id, a] of Object.entries(lhr.audits)) {
    const est = Object.entries(a.metricSavings ?? {}).filter(([, v]) => v > 0);
    if (a.score !== null && a.score < 1 && est.length) {
      savings.push({ key: `${id}: ${a.title}`, value: est.map(([k, v]) => `${k} −${Math.round(v)} ms`).join(', ') });
    }
  }
  return { scores, metrics, losses, savings };
}

/** The entries of several runs grouped by key: "key: value run 1 / value run 2 …" (absent in a run: "–"). */
function byKey(runs, field) {
  const keys = [...new Set(runs.flatMap((r) => r[field].map((e) => e.key)))];
  return keys.map((k) => `${k}: ${runs.map((r) => r[field].find((e) => e.key === k)?.value ?? '–').join(' / ')}`);
}

async function lighthouse(url, tmp) {
  const result = {};
  for (const mode of ['mobile', 'desktop']) {
    const runs = [];
    for (let i = 1; i <= LIGHTHOUSE_RUNS; i++) {
      progress(`Lighthouse ${mode} ${i}/${LIGHTHOUSE_RUNS}`);
      runs.push(await lighthouseOnce(url, mode, join(tmp, `lh-${mode}-${i}.json`)));
    }
    const scores = Object.fromEntries(CATEGORIES.map((c) => [c, median(runs.map((r) => r.scores[c]))]));
    const metrics = Object.fromEntries(Object.keys(METRICS).map((k) => [k, median(runs.map((r) => r.metrics[k]))]));
    result[mode] = { runs, scores, metrics, losses: byKey(runs, 'losses'), savings: byKey(runs, 'savings') };
  }
  return result;
}

// --- c) and d) start-up in the browser -----------------------------------------------------------------------

/** Init script: records performance.now() (from navigation start) when the first READY element is in the DOM. */
function watchReady(selector) {
  const seen = () => {
    if (globalThis.__benchReady === undefined && document.querySelector(selector)) {
      globalThis.__benchReady = performance.now();
      observer.disconnect();
    }
  };
  const observer = new MutationObserver(seen);
  observer.observe(document, { childList: true, subtree: true });
}

/** Opens `url` in a fresh context and returns ms from navigation start until READY appeared. */
async function startupOnce(browser, url, { storageState, keep = false } = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 }, locale: 'de-DE', storageState });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.addInitScript(watchReady, READY);
  await page.goto(url);
  try {
    await page.waitForFunction(() => globalThis.__benchReady !== undefined, null, { timeout: 30_000 });
  } catch {
    const banner = await page.textContent('body').catch(() => '');
    await context.close();
    fail(`the overview with a status never appeared at ${url} (page errors: ${errors.join('; ') || 'none'}; page text: ${banner.slice(0, 300)})`);
  }
  const t = await page.evaluate(() => globalThis.__benchReady);
  // A stored workspace of many years: the years the first screen does not need are read right after it.
  if (storageState) {
    await page.waitForFunction(() => performance.getEntriesByName('zs:rest').length > 0, null, { timeout: 10_000 })
      .catch(() => fail('the years left for after the first screen were never read (no zs:rest mark)'));
  }
  // Where start-up goes: the files' arrival (resource timing) and the app's marks (src/ui/trace.rs).
  const steps = await page.evaluate(() => {
    const mark = Object.fromEntries(performance.getEntriesByType('mark').map((e) => [e.name, e.startTime]));
    const arrived = (ext) => performance.getEntriesByType('resource').find((r) => r.name.split('?')[0].endsWith(ext))?.responseEnd;
    return {
      js: arrived('.js'), wasm: arrived('.wasm'), start: mark['zs:start'], read: mark['zs:read'], mounted: mark['zs:mounted'],
      restBegin: mark['zs:rest-begin'], rest: mark['zs:rest'],
    };
  });
  if (keep) return { t, steps, page, context };
  await context.close();
  return { t, steps };
}

/** The median of each start-up step over `runs` (see startupOnce), as printable lines. */
function startupSteps(runs, ready) {
  const at = (k) => median(runs.map((r) => r.steps?.[k]).filter(Number.isFinite));
  const spans = [
    ['navigation → the JS glue arrived', at('js')],
    ['→ the wasm arrived', at('wasm') - at('js')],
    ['→ compiled and instantiated, start() runs', at('start') - at('wasm')],
    ['→ storage read, decoded and checked (AppState::new)', at('read') - at('start')],
    ['→ the first screen built and mounted', at('mounted') - at('read')],
    ['→ the overview with a status in the DOM', ready - at('mounted')],
  ];
  const lines = spans.map(([name, x]) => `       ${pad(name, 58)} ${lpad(Number.isFinite(x) ? ms(x) : 'n/a', 9)}`);
  const rest = at('rest') - at('restBegin');
  if (Number.isFinite(rest)) {
    lines.push(`       ${pad('after it: the other years read and checked', 58)} ${lpad(ms(rest), 9)} (ends ${ms(at('rest'))} after navigation)`);
  }
  return lines;
}

/** The rendered page without scripts and preloads, stylesheet kept: a static snapshot of what the app shows. */
async function snapshot(page) {
  return page.evaluate(() => {
    const root = document.documentElement.cloneNode(true);
    for (const el of root.querySelectorAll('script, link[rel="modulepreload"], link[rel="preload"]')) el.remove();
    return `<!DOCTYPE html>\n${root.outerHTML}`;
  });
}

async function startup(browser, appUrl, tmp) {
  const app = [];
  const appRuns = [];
  let html;
  for (let i = 1; i <= STARTUP_RUNS; i++) {
    progress(`start-up of the app ${i}/${STARTUP_RUNS}`);
    const r = await startupOnce(browser, appUrl, { keep: i === 1 });
    app.push(r.t);
    appRuns.push(r);
    if (r.page) {
      html = await snapshot(r.page);
      await r.context.close();
    }
  }
  // A returning visit: the same browser profile opens the app again, its files kept by the service worker
  // (registered a few seconds after the first start; the server sends no-cache, so without it every file would come
  // again).
  const warm = [];
  for (let i = 1; i <= WARM_RUNS; i++) {
    progress(`start-up of the app, returning visit ${i}/${WARM_RUNS}`);
    const context = await browser.newContext({ viewport: { width: 1280, height: 860 }, locale: 'de-DE' });
    const page = await context.newPage();
    await page.addInitScript(watchReady, READY);
    await page.goto(appUrl);
    await page.waitForFunction(() => navigator.serviceWorker?.controller, null, { timeout: 30_000 })
      .catch(() => fail('no service worker took the page within 30 s'));
    await page.goto('about:blank');
    await page.goto(appUrl);
    await page.waitForFunction(() => globalThis.__benchReady !== undefined, null, { timeout: 30_000 });
    warm.push(await page.evaluate(() => globalThis.__benchReady));
    await context.close();
  }
  // The snapshot beside a copy of dist's CSS, served by the same server (with brotli) under the same subpath.
  const dir = join(tmp, 'snapshot');
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir);
  for (const f of await readdir(DIST)) if (f.endsWith('.css')) await copyFile(join(DIST, f), join(dir, f));
  await writeFile(join(dir, 'snapshot.html'), html);
  const server = await startServer({ root: dir, base: SUBPATH, brotli: true });
  const stat = [];
  try {
    for (let i = 1; i <= STARTUP_RUNS; i++) {
      progress(`start-up of the static snapshot ${i}/${STARTUP_RUNS}`);
      stat.push((await startupOnce(browser, `${server.url}snapshot.html`)).t);
    }
  } finally {
    await server.close();
  }
  return { app, appRuns, warm, stat, snapshotBytes: Buffer.byteLength(html) };
}

// --- d) the large workspace ----------------------------------------------------------------------------------

async function largeDocument() {
  try {
    await access(LARGE_EXAMPLE);
  } catch {
    fail(`${LARGE_EXAMPLE} is missing: run \`make bench\` (it builds the example), or ` +
      '`cargo build --release --no-default-features --example large_workspace`');
  }
  let stdout, stderr;
  try {
    ({ stdout, stderr } = await run(LARGE_EXAMPLE, [], { maxBuffer: 512 << 20, encoding: 'utf8' }));
  } catch (e) {
    fail(`the large_workspace example failed: ${e.stderr || e.message}`);
  }
  const info = Object.fromEntries([...stderr.matchAll(/(\w+)=(\S+)/g)].map((m) => [m[1], m[2]]));
  if (!info.document) fail(`unexpected output of large_workspace on stderr: ${stderr}`);
  // Every key the app writes, with its text: the manifest and one key per year.
  const items = Object.entries(JSON.parse(stdout)).map(([name, value]) => ({ name, value }));
  return { items, key: info.document };
}

/**
 * Init script for the edit latency: for each Enter in a grid cell (or a paste into one), the time of the event
 * (event.timeStamp), the characters given to localStorage.setItem for it, the time the manifest's setItem (the
 * commit point) returned, and the first task after the next animation frame (the edit painted by then).
 */
function watchEdits(documentKey) {
  globalThis.__benchEdits = [];
  let pending = null;
  // The marks of the edit under way, kept after its commit point too (the commit's last steps come after it).
  let marks = {};
  const start = (e) => {
    marks = {};
    pending = { start: e.timeStamp, chars: 0, writes: 0, called: null, marks };
  };
  // The app's marks of an edit's steps (src/ui/trace.rs), taken as they happen.
  const mark = Performance.prototype.mark;
  Performance.prototype.mark = function (name, ...rest) {
    if (name.startsWith('zs:')) marks[name] ??= performance.now();
    return mark.call(this, name, ...rest);
  };
  addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && e.target?.classList?.contains('zelle')) start(e);
  }, true);
  addEventListener('paste', (e) => { if (e.target?.classList?.contains('zelle')) start(e); }, true);
  const setItem = Storage.prototype.setItem;
  Storage.prototype.setItem = function (key, value) {
    const called = performance.now();
    const result = setItem.call(this, key, value);
    if (pending !== null && key.startsWith(documentKey)) {
      pending.chars += value.length;
      pending.writes += 1;
      pending.called ??= called;
      if (key === documentKey) {
        const edit = { ...pending, saved: performance.now() };
        pending = null;
        requestAnimationFrame(() => {
          const channel = new MessageChannel();
          channel.port1.onmessage = () => globalThis.__benchEdits.push({ ...edit, painted: performance.now() });
          channel.port2.postMessage(null);
        });
      }
    }
    return result;
  };
}

/** Where an edit's time goes: p50 and p95 of each step between the app's marks (src/ui/trace.rs). */
function steps(list) {
  // A value typed into the grid: the save lock is asked for while typing (storage::hold_save_lock), so the save
  // usually runs inside the commit; where it had to wait for the lock, "commit → save" holds that wait.
  const after = (e) => Math.max(e.marks['zs:committed'], e.marks['zs:written']);
  const spans = [
    ['keydown → commit begins', (e) => e.marks['zs:commit'] - e.start],
    ['commit → save starts (the value in, triggers notified, the lock)', (e) => e.marks['zs:save'] - e.marks['zs:commit']],
    ['reading the stored stamp, the commit known', (e) => e.marks['zs:plan'] - e.marks['zs:save']],
    ['planning and encoding what changed', (e) => e.marks['zs:write'] - e.marks['zs:plan']],
    ['localStorage.setItem of the keys and the manifest', (e) => e.marks['zs:written'] - e.marks['zs:write']],
    ['the commit returning after the save', (e) => e.marks['zs:committed'] - e.marks['zs:written']],
    ['focus to the next cell, reactive updates, layout, paint', (e) => e.painted - after(e)],
  ];
  return spans.map(([name, f]) => {
    const xs = list.map(f).filter((x) => Number.isFinite(x));
    return xs.length ? { name, p50: percentile(xs, 50), p95: percentile(xs, 95) } : { name, p50: NaN, p95: NaN };
  });
}

/** Types `edits` values into the month cells of the grid's first column, each committed with Enter. */
async function editLatency(page, edits) {
  await page.waitForSelector('#zelle-0-0', { timeout: 30_000 }).catch(() => fail('the value grid (#zelle-0-0) did not appear'));
  const year = await page.inputValue('#jahr');
  const label = await page.getAttribute('#zelle-0-0', 'aria-label');
  const column = label.replace(/, [^,]*$/, '');
  for (let i = 0; i < edits; i++) {
    const cell = `#zelle-${i % 12}-0`;
    await page.fill(cell, String(5000 + 7 * i));
    await page.press(cell, 'Enter');
    await page.waitForFunction((n) => globalThis.__benchEdits.length >= n, i + 1, { timeout: 15_000 })
      .catch(() => fail(`edit ${i + 1} (${cell}) was not saved within 15 s`));
  }
  const list = await page.evaluate(() => globalThis.__benchEdits.splice(0));
  const message = await page.textContent('.grid-meldung');
  return {
    year, column, message,
    toPaint: list.map((e) => e.painted - e.start),
    toCall: list.map((e) => e.called - e.start),
    toSave: list.map((e) => e.saved - e.start),
    chars: list.map((e) => e.chars),
    writes: list.map((e) => e.writes),
    steps: steps(list),
  };
}

/** The characters (UTF-16 code units) and UTF-8 bytes of every key of ours in the page's localStorage. */
function ourStorage(prefix) {
  let chars = 0, utf8 = 0, keys = 0;
  for (const name of Object.keys(localStorage)) {
    if (!name.startsWith(prefix)) continue;
    const text = localStorage.getItem(name);
    chars += text.length; utf8 += new TextEncoder().encode(text).length; keys += 1;
  }
  return { chars, utf8, keys };
}

async function large(browser, appUrl, statMedian) {
  progress('large workspace: generating the stored keys (target/release/examples/large_workspace)');
  const doc = await largeDocument();
  const origin = new URL(appUrl).origin;
  const storageState = { cookies: [], origins: [{ origin, localStorage: doc.items }] };
  const times = [];
  const runs = [];
  let stored;
  for (let i = 1; i <= LARGE_STARTUP_RUNS; i++) {
    progress(`large workspace: start-up ${i}/${LARGE_STARTUP_RUNS}`);
    const r = await startupOnce(browser, appUrl, { storageState, keep: i === 1 });
    times.push(r.t);
    runs.push(r);
    if (r.page) {
      stored = await r.page.evaluate(ourStorage, doc.key);
      await r.context.close();
    }
  }
  if (!stored?.keys) fail(`the large workspace was not in localStorage under ${doc.key} after start-up`);

  // Edit latency on the value grid, in a context that starts with the large workspace.
  progress(`large workspace: ${EDITS} edits on the value grid`);
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 }, locale: 'de-DE', storageState });
  const page = await context.newPage();
  await page.addInitScript(watchEdits, doc.key);
  await page.goto(`${appUrl}#/werte`);
  const edits = await editLatency(page, EDITS);

  // A block of 12 months × 40 columns pasted at January of the first column: one change, one save.
  progress('large workspace: a paste of 12 × 40 cells');
  await page.evaluate(() => {
    const line = (m) => Array.from({ length: 40 }, (_, i) => String(3000 + 10 * m + i)).join('\t');
    const data = new DataTransfer();
    data.setData('text/plain', Array.from({ length: 12 }, (_, m) => line(m)).join('\n'));
    document.getElementById('zelle-0-0').dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  });
  await page.waitForFunction(() => globalThis.__benchEdits.length >= 1, null, { timeout: 15_000 })
    .catch(() => fail('the pasted block was not saved within 15 s'));
  await page.waitForTimeout(500);
  const pastes = await page.evaluate(() => globalThis.__benchEdits.splice(0));
  const pasted = await page.textContent('.grid-meldung');
  await context.close();
  return {
    doc, stored, times, runs, statMedian, edits,
    paste: { toPaint: pastes[0].painted - pastes[0].start, saves: pastes.length, chars: pastes[0].chars, message: pasted },
  };
}

/** Edit latency on the example workspace (as a first start shows it), for comparison with the large one. */
async function exampleEdits(browser, appUrl) {
  progress(`example workspace: ${EDITS} edits on the value grid`);
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 }, locale: 'de-DE' });
  const page = await context.newPage();
  await page.addInitScript(watchEdits, 'zielsteuerung.arbeitsbereich');
  await page.goto(`${appUrl}#/werte`);
  const edits = await editLatency(page, EDITS);
  await context.close();
  return edits;
}

// --- e) big input --------------------------------------------------------------------------------------------

/** Init script: every long task (> 50 ms, the main thread blocked) into globalThis.__long. */
function watchLongTasks() {
  globalThis.__long = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) globalThis.__long.push(e.duration);
  }).observe({ type: 'longtask', buffered: true });
}

/** Runs the large_workspace example with `args` and returns its stdout (a file the app reads). */
async function exampleFile(args) {
  try {
    const { stdout } = await run(LARGE_EXAMPLE, args, { maxBuffer: 512 << 20, encoding: 'utf8' });
    return Buffer.from(stdout, 'utf8');
  } catch (e) {
    return fail(`large_workspace ${args.join(' ')} failed: ${e.stderr || e.message}`);
  }
}

/**
 * The tab never blocks for more than a second on what it accepts, and refuses what is too large at once:
 * the refusal time of a 2 GB file, and the longest task for the largest backup and CSV the app accepts (just under
 * its limits) and for a paste of 100,000 × 50 cells.
 */
async function bigInput(browser, appUrl, tmp) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 }, locale: 'de-DE' });
  const page = await context.newPage();
  await page.addInitScript(watchLongTasks);
  await page.goto(`${appUrl}#/austausch`);
  await page.waitForSelector('h1');
  const longest = async () => {
    await page.waitForTimeout(1000);
    const tasks = await page.evaluate(() => globalThis.__long.splice(0));
    return Math.max(0, ...tasks);
  };

  progress('big input: a 2 GB file (sparse on disk) chosen as a backup');
  const huge = join(tmp, 'riesig.json');
  const handle = await (await import('node:fs/promises')).open(huge, 'w');
  await handle.truncate(2 * 1024 ** 3);
  await handle.close();
  await page.evaluate(() => {
    globalThis.__chosen = null;
    globalThis.__refused = null;
    document.addEventListener('change', () => { globalThis.__chosen = performance.now(); }, { capture: true });
    new MutationObserver(() => {
      if (globalThis.__refused === null && document.querySelector('.meldung-fehler')) globalThis.__refused = performance.now();
    }).observe(document.body, { childList: true, subtree: true });
  });
  await page.getByLabel('Sicherung einlesen …').setInputFiles(huge);
  await page.waitForFunction(() => globalThis.__refused !== null, null, { timeout: 30_000 })
    .catch(() => fail('the 2 GB file was not refused within 30 s'));
  const refusal = await page.evaluate(() => globalThis.__refused - globalThis.__chosen);
  const refusedWith = await page.textContent('.meldung-fehler');
  await longest();

  progress('big input: the largest backup the app accepts (55 years of the large workspace)');
  // Chosen from disk, as a user does: a file handed over as a buffer is decoded on the page's main thread by the
  // DevTools protocol (a 6 MB buffer: one task of about a second that is not the app's).
  const backup = await exampleFile(['--backup', '--years=55']);
  const backupFile = join(tmp, 'sicherung.json');
  await writeFile(backupFile, backup);
  await page.getByLabel('Sicherung einlesen …').setInputFiles(backupFile);
  await page.waitForSelector('.vorschau', { timeout: 60_000 }).catch(() => fail('the 55-year backup was not previewed'));
  const backupPreview = await longest();
  await page.getByRole('button', { name: 'Arbeitsbereich ersetzen' }).click();
  await page.waitForFunction(() => /wiederhergestellt/.test(document.querySelector('.grid-meldung')?.textContent ?? ''), null, { timeout: 60_000 });
  const backupAccept = await longest();

  progress('big input: the largest CSV the app accepts (66 years of values)');
  const csv = await exampleFile(['--csv', '--years=66']);
  const csvFile = join(tmp, 'werte.csv');
  await writeFile(csvFile, csv);
  await page.getByLabel('CSV-Datei einlesen …').setInputFiles(csvFile);
  await page.waitForSelector('.vorschau', { timeout: 60_000 }).catch(() => fail('the 66-year CSV was not previewed'));
  const csvPreview = await longest();
  await page.getByRole('button', { name: 'Übernehmen' }).click();
  await page.waitForFunction(() => /übernommen/.test(document.querySelector('.grid-meldung')?.textContent ?? ''), null, { timeout: 60_000 });
  const csvAccept = await longest();

  progress('big input: a paste of 100,000 × 50 cells into the grid');
  await page.click('nav a[href="#/werte"]');
  await page.waitForSelector('#zelle-0-0', { timeout: 30_000 });
  await longest();
  await page.evaluate(() => {
    const line = Array.from({ length: 50 }, (_, i) => String(i % 7 + 1)).join('\t');
    const data = new DataTransfer();
    data.setData('text/plain', Array.from({ length: 100_000 }, () => line).join('\n'));
    document.getElementById('zelle-0-0').dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  });
  await page.waitForFunction(() => /Eingefügt/.test(document.querySelector('.grid-meldung')?.textContent ?? ''), null, { timeout: 60_000 });
  const paste = await longest();
  const pasted = await page.textContent('.grid-meldung');
  await context.close();
  return {
    refusal, refusedWith,
    backupBytes: backup.length, backupPreview, backupAccept,
    csvBytes: csv.length, csvPreview, csvAccept,
    paste, pasted,
  };
}

/** The comparison's figures (scripts/bench-comparison.mjs) as lines of the report. */
function comparisonLines(c) {
  const runs = (xs) => xs.map((x) => x.toFixed(1)).join(', ');
  return [
    `f) Comparison (issue 23): ${MEMBERS} synthetic job centres (3 years × 15 indicators × 3 populations × 12 months each) in six types`,
    `   stored in IndexedDB: ${c.stored.records} records, ${c.stored.bytes} bytes (strings as UTF-8) = ${(c.stored.bytes / 1e6).toFixed(2)} MB`,
    `   adding the ${MEMBERS}th: file chosen → preview ${ms(c.preview)}, "Übernehmen" → stored and the table with it ${ms(c.accept)}; together ${ms(c.adding)}`,
    `   a comparison type typed (change → handled, median): ${ms(c.typing)}`,
    `   one figure (${c.figureRows} rows) re-sorted, click → painted: median ${ms(c.sorting)} (runs: ${runs(c.runs.sortings)}), of which the app's own work ${ms(c.sortScript)}`,
    `   another figure chosen (table and charts): median ${ms(c.figure)} (runs: ${runs(c.runs.figures)})`,
    `   "all targets" (${c.allRows} job centres, each one line): median ${ms(c.all)} (runs: ${runs(c.runs.all)}), of which the app's own work ${ms(c.allScript)}`,
    `   one job centre opened to its ${c.openedRows} targets: ${ms(c.opened)}`,
    `   opening the screen with ${MEMBERS} members (hash change → every type's table laid out): median ${ms(c.opening)} (runs: ${runs(c.runs.opening)})`,
    `   the same the first time after a reload (every member read and evaluated): median ${ms(c.firstOpening)} (runs: ${runs(c.runs.firstOpening)})`,
  ];
}

/** Only the comparison's figures: `node scripts/bench.mjs --only=comparison`. */
async function comparisonOnly() {
  const tmp = await mkdtemp(join(tmpdir(), 'zielsteuerung-bench-'));
  const server = await startServer({ root: DIST, base: SUBPATH, brotli: true });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  try {
    const c = await comparison(browser, server.url, tmp, { example: LARGE_EXAMPLE, fail, progress, median });
    console.log(comparisonLines(c).join('\n'));
  } finally {
    await browser.close();
    await server.close();
    await rm(tmp, { recursive: true, force: true });
  }
}

// --- the report ----------------------------------------------------------------------------------------------

async function main() {
  const started = Date.now();
  if (only === 'comparison') return comparisonOnly();
  try {
    await access(join(DIST, 'index.html'));
  } catch {
    fail('dist/index.html is missing: run `make build` (or `make bench`, which builds first)');
  }
  const loadBefore = loadavg()[0];
  const tmp = await mkdtemp(join(tmpdir(), 'zielsteuerung-bench-'));
  progress('sizes (scripts/size.sh)');
  const size = await sizes();

  progress('starting the server with brotli (precompressing dist/ at quality 11)');
  const server = await startServer({ root: DIST, base: SUBPATH, brotli: true });
  const wasmFile = size.files.find((f) => f.kind === 'wasm').file;
  const probe = await fetch(server.url + wasmFile, { headers: { 'Accept-Encoding': 'br' } });
  // fetch() decompresses the body: the bytes on the wire are in Content-Length.
  const probeBytes = Number(probe.headers.get('content-length'));
  await probe.arrayBuffer();
  if (probe.headers.get('content-encoding') !== 'br') fail('the bench server did not answer with Content-Encoding: br');

  let lh, start, big, small, input, cmp, browser;
  try {
    lh = await lighthouse(server.url, tmp);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    start = await startup(browser, server.url, tmp);
    big = await large(browser, server.url, median(start.stat));
    small = await exampleEdits(browser, server.url);
    input = await bigInput(browser, server.url, tmp);
    cmp = await comparison(browser, server.url, tmp, { example: LARGE_EXAMPLE, fail, progress, median });
  } finally {
    await browser?.close();
    await server.close();
    await rm(tmp, { recursive: true, force: true });
  }

  const out = [];
  const say = (s = '') => out.push(s);
  say('Zielsteuerung benchmark of the release build in dist/');
  say(`served by scripts/serve.mjs --brotli under ${SUBPATH} (Content-Encoding: br, quality 11; ${wasmFile} goes over the wire as ${probeBytes} bytes)`);
  say(`Chromium: ${CHROMIUM}; ${cpus().length} cores, load average (1 min) ${loadBefore.toFixed(2)} at the start and ` +
    `${loadavg()[0].toFixed(2)} at the end (other work on the machine makes the times noisier)`);
  say();
  say('a) Sizes (bytes; gzip -9 and brotli -q 11, as `make size`)');
  say(`   ${pad('kind', 5)} ${pad('file', 44)} ${lpad('raw', 10)} ${lpad('gzip', 10)} ${lpad('brotli', 10)}`);
  for (const f of size.files) say(`   ${pad(f.kind, 5)} ${pad(f.file, 44)} ${lpad(f.raw, 10)} ${lpad(f.gzip, 10)} ${lpad(f.brotli, 10)}`);
  const t = size.total;
  say(`   ${pad('total', 5)} ${pad('wasm + js + css', 44)} ${lpad(t.raw, 10)} ${lpad(t.gzip, 10)} ${lpad(t.brotli, 10)}`);
  say(`   total brotli: ${t.brotli} bytes = ${(t.brotli / 1000).toFixed(1)} KB = ${(t.brotli / 1024).toFixed(1)} KiB`);
  for (const line of size.where) say(`   ${line}`);
  say();
  say(`b) Lighthouse 12.8.2, median of ${LIGHTHOUSE_RUNS} runs per mode (each figure's median on its own)`);
  say(`   ${pad('mode', 8)} ${lpad('perf', 5)} ${lpad('a11y', 5)} ${lpad('b-p', 5)} ${lpad('seo', 5)} ${lpad('FCP', 9)} ${lpad('LCP', 9)} ${lpad('TBT', 9)}   runs (perf)`);
  for (const mode of ['mobile', 'desktop']) {
    const { scores: s, metrics: m, runs } = lh[mode];
    say(`   ${pad(mode, 8)} ${lpad(s.performance, 5)} ${lpad(s.accessibility, 5)} ${lpad(s['best-practices'], 5)} ${lpad(s.seo, 5)} ` +
      `${lpad(ms(m.fcp), 9)} ${lpad(ms(m.lcp), 9)} ${lpad(ms(m.tbt), 9)}   ${runs.map((r) => r.scores.performance).join(', ')}`);
  }
  say(`   mobile = Lighthouse's default (simulated slow 4G, 4× CPU slowdown); desktop = --preset=desktop`);
  for (const mode of ['mobile', 'desktop']) {
    say(`   ${mode}: audits that cost points, score per run: ${lh[mode].losses.length ? '' : 'none'}`);
    for (const l of lh[mode].losses) say(`     - ${l}`);
    if (lh[mode].savings.length) say(`   ${mode}: what Lighthouse estimates would save, per run:`);
    for (const l of lh[mode].savings) say(`     - ${l}`);
  }
  say();
  const appMed = median(start.app), statMed = median(start.stat), ratio = appMed / statMed;
  say(`c) Start-up: navigation start → first overview row with a status in the DOM (${READY}),`);
  say(`   performance.now() in a MutationObserver; median of ${STARTUP_RUNS} fresh browser contexts, brotli, no throttling`);
  say(`   app (seed example workspace):   median ${ms(appMed)}   (runs: ${start.app.map((x) => x.toFixed(0)).join(', ')})`);
  say(`   static HTML snapshot (${start.snapshotBytes} bytes, scripts stripped, CSS kept): median ${ms(statMed)}   (runs: ${start.stat.map((x) => x.toFixed(0)).join(', ')})`);
  say(`   ratio app / static: ${ratio.toFixed(2)}`);
  const warmMed = median(start.warm);
  say(`   returning visit (the same profile again, files kept by the service worker): median ${ms(warmMed)}   ` +
    `(runs: ${start.warm.map((x) => x.toFixed(0)).join(', ')}); ratio to the static snapshot ${(warmMed / statMed).toFixed(2)}`);
  say('   where the app\'s start-up goes (median of each step, resource timing and the app\'s performance marks):');
  for (const line of startupSteps(start.appRuns, appMed)) say(line);
  say();
  const e = big.edits;
  const p50 = percentile(e.toPaint, 50), p95 = percentile(e.toPaint, 95);
  const largeStart = median(big.times), largeRatio = largeStart / big.statMedian;
  const perEdit = Math.max(...e.chars);
  say('d) Large workspace: 20 years × 40 indicators × 3 populations × 12 months (examples/large_workspace.rs)');
  say(`   stored (${big.stored.keys} keys under ${big.doc.key}*: the manifest and one key per year, as the app keeps them after start-up): ` +
    `${big.stored.utf8} bytes UTF-8 = ${(big.stored.utf8 / 1e6).toFixed(3)} MB; ${big.stored.chars} UTF-16 code units = ` +
    `${big.stored.chars * 2} bytes as Chromium counts it against the localStorage quota`);
  say(`   start-up to the overview with data: median ${ms(largeStart)} of ${LARGE_STARTUP_RUNS}   (runs: ${big.times.map((x) => x.toFixed(0)).join(', ')}); ` +
    `ratio to the static snapshot (${ms(big.statMedian)}): ${largeRatio.toFixed(2)}`);
  say('   where the start-up goes (median of each step):');
  for (const line of startupSteps(big.runs, largeStart)) say(line);
  const edited = (x, label) => {
    say(`   edit latency, ${EDITS} edits typed into the month cells of "${x.column}" (${x.year}) on #/werte, each committed with Enter (${label}):`);
    say(`     keydown → painted after the save: p50 ${ms(percentile(x.toPaint, 50))}, p95 ${ms(percentile(x.toPaint, 95))}, max ${ms(Math.max(...x.toPaint))}`);
    say(`     of which keydown → first localStorage.setItem (commit, state, encoding the year): p50 ${ms(percentile(x.toCall, 50))}, p95 ${ms(percentile(x.toCall, 95))}`);
    say(`     keydown → manifest stored (the commit point): p50 ${ms(percentile(x.toSave, 50))}, p95 ${ms(percentile(x.toSave, 95))}`);
    say(`     written per edit: ${Math.min(...x.chars)}–${Math.max(...x.chars)} characters in ${Math.min(...x.writes)}–${Math.max(...x.writes)} setItem calls; the grid says ${JSON.stringify(x.message)}`);
    say('     where the time goes (p50 / p95 of each step, from the app\'s performance marks):');
    for (const st of x.steps) say(`       ${pad(st.name, 66)} ${lpad(ms(st.p50), 9)} / ${lpad(ms(st.p95), 9)}`);
  };
  say('   measured in the page from the Enter keydown (event.timeStamp) to the first task after the animation frame');
  say('   that follows the manifest\'s setItem ("commit → saved → next frame painted")');
  edited(e, 'large workspace');
  edited(small, 'example workspace');
  say(`   a paste of 12 × 40 cells at January of the first column: ${ms(big.paste.toPaint)} to painted after the save; ` +
    `${big.paste.saves} save(s), ${big.paste.chars} characters; the grid says ${JSON.stringify(big.paste.message)}`);
  say();

  say('e) Big input: the longest task (main thread blocked, PerformanceObserver "longtask") while the app works on it');
  say(`   a 2 GB file chosen as a backup: refused ${ms(input.refusal)} after the choice (${JSON.stringify(input.refusedWith.trim())})`);
  say(`   the largest backup accepted (55 years, ${input.backupBytes} bytes): preview ${ms(input.backupPreview)}, put in place ${ms(input.backupAccept)}`);
  say(`   the largest CSV accepted (66 years, ${input.csvBytes} bytes, on top of that workspace): preview ${ms(input.csvPreview)}, accepted ${ms(input.csvAccept)}`);
  say(`   a paste of 100,000 × 50 cells into the grid: ${ms(input.paste)}; the grid says ${JSON.stringify(input.pasted.trim())}`);
  say();
  for (const line of comparisonLines(cmp)) say(line);
  say();
  const longestInput = Math.max(input.backupPreview, input.backupAccept, input.csvPreview, input.csvAccept);

  // What a fresh browser fetches before the first screen: everything but the file worker's script (fetched when a
  // file is first read), the service worker's (its registration is loaded 3 s after start) and the wasm parts of the
  // screens the first screen does not need (fetched when such a screen is opened: src/ui/lazy.rs).
  const later = (f) => f.endsWith('_worker.js') || f.endsWith('_update.js') || f === 'sw.js' || PART.test(f);
  const first = size.files.filter((f) => !later(f.file)).reduce((sum, f) => sum + f.brotli, 0);
  const exampleMedian = percentile(small.toPaint, 50), largeMedian = percentile(e.toPaint, 50);
  const budgets = [
    ['first download (brotli, before the first screen)', `${first} B (${(first / 1000).toFixed(1)} KB)`, '≤ 280,000 B', first <= 280_000],
    ['all parts together (brotli)', `${t.brotli} B (${(t.brotli / 1000).toFixed(1)} KB)`, '≤ 439,152 B (issue 22)', t.brotli <= 439_152],
    ['Lighthouse mobile performance', lh.mobile.scores.performance, '≥ 96', lh.mobile.scores.performance >= 96],
    ['Lighthouse mobile accessibility', lh.mobile.scores.accessibility, '= 100', lh.mobile.scores.accessibility === 100],
    ['Lighthouse mobile best-practices', lh.mobile.scores['best-practices'], '= 100', lh.mobile.scores['best-practices'] === 100],
    ['Lighthouse desktop accessibility', lh.desktop.scores.accessibility, '= 100', lh.desktop.scores.accessibility === 100],
    ['Lighthouse desktop best-practices', lh.desktop.scores['best-practices'], '= 100', lh.desktop.scores['best-practices'] === 100],
    ['start-up example / static snapshot', `${ratio.toFixed(2)} (${appMed.toFixed(0)} / ${statMed.toFixed(0)} ms)`, '≤ 3', ratio <= 3],
    ['start-up large / static snapshot', `${largeRatio.toFixed(2)} (${largeStart.toFixed(0)} / ${big.statMedian.toFixed(0)} ms)`, '≤ 5', largeRatio <= 5],
    ['edit latency p95 (large workspace)', ms(p95), '≤ 16 ms (one frame)', p95 <= 16],
    ['edit median large / example', `${(largeMedian / exampleMedian).toFixed(2)} (${largeMedian.toFixed(1)} / ${exampleMedian.toFixed(1)} ms)`, '≤ 1.3', largeMedian <= 1.3 * exampleMedian],
    ['written per edit (large workspace)', `${perEdit} characters`, '≤ 64 KB', perEdit <= 64_000],
    ['paste 12 × 40 (large workspace)', `${ms(big.paste.toPaint)}, ${big.paste.saves} save(s)`, '≤ 100 ms, one save', big.paste.toPaint <= 100 && big.paste.saves === 1],
    ['large workspace stored (UTF-8)', `${big.stored.utf8} B (${(big.stored.utf8 / 1e6).toFixed(2)} MB)`, '≤ 1,500,000 B (1.5 MB)', big.stored.utf8 <= 1_500_000],
    ['oversize file refused after', ms(input.refusal), '≤ 100 ms', input.refusal <= 100],
    ['longest block reading the largest files', ms(longestInput), '≤ 50 ms', longestInput <= 50],
    ['longest block on a paste of 100,000 × 50', ms(input.paste), '≤ 1000 ms', input.paste <= 1000],
    [`comparison: ${MEMBERS} members stored`, `${cmp.stored.bytes} B (${(cmp.stored.bytes / 1e6).toFixed(1)} MB)`, '≤ 10,000,000 B', cmp.stored.bytes <= 10_000_000],
    [`comparison: adding the ${MEMBERS}th`, ms(cmp.adding), '≤ 200 ms', cmp.adding <= 200],
    ['comparison: one figure re-sorted', ms(cmp.sorting), '≤ 16 ms (one frame)', cmp.sorting <= 16],
    ['comparison: all targets', ms(cmp.all), '≤ 100 ms', cmp.all <= 100],
    [`comparison: opening with ${MEMBERS} members`, ms(cmp.opening), '≤ 300 ms', cmp.opening <= 300],
    [`comparison: opening first after a reload`, ms(cmp.firstOpening), '≤ 300 ms', cmp.firstOpening <= 300],
  ];
  say('Budgets');
  const w = [48, 34, 24];
  say(`   ${pad('figure', w[0])} ${pad('value', w[1])} ${pad('budget', w[2])} result`);
  for (const [name, value, budget, ok] of budgets) say(`   ${pad(name, w[0])} ${pad(value, w[1])} ${pad(budget, w[2])} ${ok ? 'ok' : 'FAILED'}`);
  const broken = budgets.filter((b) => !b[3]);
  say(`${budgets.length - broken.length} of ${budgets.length} budgets kept; bench took ${((Date.now() - started) / 1000).toFixed(0)} s`);
  console.log(out.join('\n'));
  if (check && broken.length) {
    console.log(`bench --check: ${broken.length} budget(s) broken:`);
    for (const [name, value, budget] of broken) console.log(`  - ${name}: ${value}, budget ${budget}`);
    process.exit(1);
  }
}

try {
  await main();
} catch (e) {
  console.error(`bench: could not measure: ${e instanceof Unmeasurable ? e.message : e.stack}`);
  process.exit(2);
}

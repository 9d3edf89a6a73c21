// Security (issue 7): the Content-Security-Policy of the release build is strict and nothing in the app
// trips it; markup typed or imported by a user stays text on every screen where it shows.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { setUp, openPage, gotoApp, SUBPATH, ARTIFACTS } from './harness.mjs';

let env;
before(async () => { env = await setUp(); });
after(async () => { await env?.close(); });

// What an attacker would type or smuggle into a file: each would set window.__xss if it ever became markup.
const IMG = '<img src=x onerror="window.__xss=1">';
const SVG = '"><svg onload="window.__xss=1">';
const JSURL = 'javascript:window.__xss=1';
const SCRIPT = '<script>window.__xss=1</script>';
const PAYLOADS = [IMG, SVG, JSURL, SCRIPT];

// The screens of the main navigation (as in shell.test.mjs).
const SCREENS = ['#/uebersicht', '#/vereinbarung', '#/werte', '#/bilanz', '#/bericht', '#/austausch', '#/vergleich'];

/**
 * A page as the harness opens it, plus a recorder of CSP violations: a `securitypolicyviolation` listener
 * installed before any script of the page runs, and every console message that mentions the policy.
 */
async function openGuarded() {
  const opened = await openPage(env);
  opened.csp = [];
  await opened.page.addInitScript(() => {
    window.__cspViolations = [];
    addEventListener('securitypolicyviolation', (e) => {
      window.__cspViolations.push(`${e.effectiveDirective}: ${e.blockedURI} ${e.sample}`.trim());
    }, true);
  });
  opened.page.on('console', (m) => { if (/Content[ -]Security[ -]Policy/i.test(m.text())) opened.csp.push(m.text()); });
  return opened;
}

/** The page holds no markup that came from a payload, ran none, and the policy reported nothing. */
async function assertClean({ page, csp }, where) {
  const found = await page.evaluate(() => {
    const all = [...document.querySelectorAll('*')];
    return {
      xss: window.__xss,
      violations: window.__cspViolations,
      images: document.querySelectorAll('img[src="x"]').length,
      handlers: all.filter((el) => [...el.attributes].some((a) => /^on/i.test(a.name))).map((el) => el.outerHTML.slice(0, 120)),
      jsUrls: all.filter((el) => [...el.attributes].some((a) => /^(href|src|action|formaction|xlink:href)$/i.test(a.name) && /^\s*javascript:/i.test(a.value)))
        .map((el) => el.outerHTML.slice(0, 120)),
      jsLinks: document.querySelectorAll('a[href^="javascript:"]').length,
      // The service worker's registration, which the app loads a few seconds after start (ui/update.rs), is the
      // one script besides Trunk's, and only the one the build named.
      scripts: [...document.scripts].map((s) => s.src || 'inline')
        .filter((src) => src !== new URL(document.querySelector('meta[name=zielsteuerung-update]')?.content ?? 'x:', document.baseURI).href),
    };
  });
  assert.equal(found.xss, undefined, `${where}: a payload ran`);
  assert.ok(Array.isArray(found.violations), `${where}: the violation recorder is installed`);
  assert.deepEqual(found.violations, [], `${where}: CSP violations`);
  assert.deepEqual(csp, [], `${where}: console messages about the CSP`);
  assert.equal(found.images, 0, `${where}: an <img src=x> from a payload`);
  assert.deepEqual(found.handlers, [], `${where}: elements with event-handler attributes`);
  assert.deepEqual(found.jsUrls, [], `${where}: javascript: URLs`);
  assert.equal(found.jsLinks, 0, `${where}: a[href^="javascript:"]`);
  assert.deepEqual(found.scripts, ['inline'], `${where}: only Trunk's start-up script (and the named update script)`);
}

/** Every request went to the app's own folder (downloads are blob: URLs of the page's origin). */
function assertLocal(log) {
  const outside = log.requests.filter((u) => !u.startsWith(env.origin + SUBPATH) && !u.startsWith('data:')
    && !u.startsWith(`blob:${env.origin}/`));
  assert.deepEqual(outside, [], 'requests that left the app folder');
}

/** Waits until some element matching `selector` shows `text` (as text), with a readable failure. */
async function shows(page, selector, text, where) {
  try {
    await page.waitForFunction(([sel, t]) => [...document.querySelectorAll(sel)].some((e) => e.textContent.includes(t)),
      [selector, text], { timeout: 5000 });
  } catch {
    const seen = await page.$$eval(selector, (es) => es.map((e) => e.textContent.slice(0, 300)));
    assert.fail(`${where}: ${selector} does not show ${JSON.stringify(text)} as text; it shows ${JSON.stringify(seen)}`);
  }
}

async function screen(page, fragment) {
  await page.click(`nav a[href="${fragment}"]`);
  await page.waitForFunction((f) => location.hash === f && document.querySelector('main h1'), fragment);
}

/** Opens a target's detail from the overview by its title link. */
async function detail(page, id) {
  await screen(page, '#/uebersicht');
  await page.click(`tbody[data-ziel="${id}"] .ziel-titel a`);
  await page.waitForFunction((h) => location.hash === h, `#/ziel/${id}`);
  await page.waitForSelector('main h1');
}

/**
 * Visits every screen and the given target details; on each checks that nothing became markup and that the
 * expected payloads show as text. `expect`: screen fragment (or `#/ziel/N`) → [[selector, text], …].
 */
async function visitAll(opened, expect, where) {
  const { page } = opened;
  for (const fragment of SCREENS) {
    await screen(page, fragment);
    for (const [selector, text] of expect[fragment] ?? []) await shows(page, selector, text, `${where} ${fragment}`);
    await assertClean(opened, `${where} ${fragment}`);
  }
  for (const fragment of Object.keys(expect).filter((f) => f.startsWith('#/ziel/'))) {
    await detail(page, fragment.slice('#/ziel/'.length));
    for (const [selector, text] of expect[fragment]) await shows(page, selector, text, `${where} ${fragment}`);
    await assertClean(opened, `${where} ${fragment}`);
  }
}

/** Clicks `button` and returns the finished download's name and bytes. */
async function download(page, button) {
  const [dl] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
  assert.equal(await dl.failure(), null, `download "${button}" failed`);
  const path = await dl.path();
  return { name: dl.suggestedFilename(), bytes: await readFile(path) };
}

/** A CSV field as Excel writes it: quoted when it holds ; " or a line break. */
const field = (v) => (/[;"\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
const csvFile = (rows) => Buffer.from(`\ufeff${rows.map((r) => r.map(field).join(';')).join('\r\n')}\r\n`, 'utf8');
const HEADER = ['Kennzahl', 'Personengruppe', 'Jahr', 'Monat', 'Wert', 'Zähler', 'Nenner', 'Datenstand', 'Kommentar'];

async function upload(page, label, name, buffer, mimeType = 'text/csv') {
  await page.getByLabel(label).setInputFiles({ name, mimeType, buffer });
  await page.waitForSelector('.vorschau, .meldung-fehler');
}

/** The CSP directives of the page's meta element, as a map from name to its sources. */
function directives(policy) {
  return new Map(policy.split(';').map((d) => d.trim().split(/\s+/)).filter((d) => d[0]).map(([name, ...sources]) => [name, sources]));
}

test('dist/index.html carries a strict policy whose hash matches the inline start-up script', async () => {
  const html = await readFile('dist/index.html', 'utf8');
  const at = html.search(/<meta http-equiv="?Content-Security-Policy/i);
  assert.ok(at > 0, 'the CSP meta is in dist/index.html');
  assert.ok(at < html.search(/<script\b/i) && at < html.search(/<link\b/i), 'the meta precedes every script and link');

  const opened = await openGuarded();
  const { page, context, log } = opened;
  await gotoApp(env, page);
  const metas = await page.$$eval('meta[http-equiv="Content-Security-Policy" i]', (ms) => ms.map((m) => m.content));
  assert.equal(metas.length, 1, 'exactly one CSP meta');
  const csp = directives(metas[0]);
  assert.deepEqual(csp.get('default-src'), ["'self'"]);
  const script = csp.get('script-src');
  for (const weak of ["'unsafe-inline'", "'unsafe-eval'", "'strict-dynamic'", '*', 'data:', 'blob:', 'http:', 'https:']) {
    assert.ok(!script.includes(weak), `script-src holds ${weak}`);
  }
  assert.ok(script.includes("'self'") && script.includes("'wasm-unsafe-eval'"), metas[0]);
  assert.deepEqual(csp.get('style-src'), ["'self'"], 'styles only from the stylesheet');
  assert.deepEqual(csp.get('img-src'), ["'self'", 'data:']);
  assert.deepEqual(csp.get('object-src'), ["'none'"]);
  assert.deepEqual(csp.get('base-uri'), ["'none'"]);
  assert.deepEqual(csp.get('form-action'), ["'none'"]);

  // The one inline script (Trunk's start-up) is allowed by its hash, and by nothing else.
  const inline = await page.$$eval('script:not([src])', (ss) => ss.map((s) => s.textContent));
  assert.equal(inline.length, 1, 'one inline script');
  const hash = `'sha256-${createHash('sha256').update(inline[0], 'utf8').digest('base64')}'`;
  assert.deepEqual(script.filter((s) => s.startsWith("'sha")), [hash], 'script-src holds the hash of the inline script');
  assert.ok(html.includes(`>${inline[0]}</script>`), 'the page runs the script of dist/index.html');
  await assertClean(opened, 'start');

  // The policy is in force: script and style injected at run time are refused, and the recorder sees it.
  const refused = await page.evaluate(async () => {
    const s = document.createElement('script');
    s.textContent = 'window.__injected = 1';
    document.body.append(s);
    const p = document.createElement('p');
    p.setAttribute('style', 'color: red');
    document.body.append(p);
    const red = getComputedStyle(p).color === 'rgb(255, 0, 0)';
    s.remove();
    p.remove();
    await new Promise((ok) => setTimeout(ok, 50));
    const seen = window.__cspViolations.splice(0);
    return { injected: window.__injected, red, seen };
  });
  assert.equal(refused.injected, undefined, 'an injected inline script ran');
  assert.equal(refused.red, false, 'a style attribute applied');
  assert.deepEqual(refused.seen.map((v) => v.split(':')[0]).sort(), ['script-src-elem', 'style-src-attr']);
  assert.equal(opened.csp.length, 2, 'the console reported both refusals');
  opened.csp.length = 0;
  log.errors = log.errors.filter((e) => !/Content Security Policy/.test(e));
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('no CSP violation on any screen, in target detail, charts, report, exchange and downloads', async () => {
  const opened = await openGuarded();
  const { page, context, log } = opened;
  await gotoApp(env, page);
  for (const lang of ['de', 'en']) {
    for (const fragment of SCREENS) {
      await screen(page, fragment);
      await assertClean(opened, `${lang} ${fragment}`);
    }
    // The report of 2021 draws a chart per target; a target's detail draws its charts too.
    await screen(page, '#/bericht');
    await page.selectOption('#jahr', '2021');
    await page.waitForSelector('.bericht-ziel svg[role="img"]');
    assert.ok(await page.locator('svg[role="img"]').count() >= 2, 'charts in the report');
    await assertClean(opened, `${lang} report 2021`);
    await detail(page, 1);
    await page.waitForSelector('main svg[role="img"]');
    await assertClean(opened, `${lang} detail 1`);
    await page.click('.sprachwahl');
    await page.waitForFunction((l) => document.documentElement.lang !== l, lang);
  }
  // Downloads are blob: URLs with <a download>: all three arrive under the policy.
  await screen(page, '#/austausch');
  const backup = await download(page, 'Sicherung herunterladen');
  assert.match(backup.name, /^zielsteuerung-sicherung-.*\.json$/);
  assert.equal(JSON.parse(backup.bytes.toString('utf8')).schema_version, 3);
  const csv = await download(page, /^Werte \d{4} herunterladen$/);
  assert.ok(csv.bytes.toString('utf8').startsWith('\ufeffKennzahl;'));
  const xlsx = await download(page, /als Excel-Datei$/);
  assert.equal(xlsx.bytes.subarray(0, 2).toString('latin1'), 'PK');
  await assertClean(opened, 'after the downloads');
  assertLocal(log);
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('markup typed into every text field stays text on every screen', async () => {
  const opened = await openGuarded();
  const { page, context, log } = opened;
  await gotoApp(env, page);

  // A new workspace whose organisation is markup.
  await page.click('button:has-text("Neuen Arbeitsbereich anlegen")');
  await page.fill('#neu-organisation', IMG);
  await page.click('button:has-text("Leeren Arbeitsbereich anlegen")');
  await shows(page, 'header .organisation', IMG, 'header');

  // The agreement: job centre, partner, signatories, notes; a date that is markup is refused as text.
  await page.click('main a[href="#/vereinbarung"]');
  await page.waitForSelector('#neu-jahr');
  await page.fill('#neu-jahr', '2022');
  await page.fill('#neu-jobcenter', SVG);
  await page.fill('#neu-partner', JSURL);
  await page.click('text=Leer anlegen');
  await page.waitForFunction(() => document.querySelector('#vereinbarung-titel')?.textContent === 'Zielvereinbarung 2022');
  for (const [id, text] of [['#v-unterzeichnende', SCRIPT], ['#v-notizen', IMG], ['#v-unterzeichnet', SVG]]) {
    await page.fill(id, text);
    await page.press(id, 'Tab');
  }
  await shows(page, '#v-unterzeichnet-fehler', SVG, 'date error');
  await page.fill('#v-unterzeichnet', '');
  await page.press('#v-unterzeichnet', 'Tab');
  await assertClean(opened, 'agreement fields');

  // An own indicator: markup as code is refused (the message shows it as text), as name it is kept.
  await page.click('button:has-text("Ziel hinzufügen")');
  await page.click('button:has-text("Eigene Kennzahl anlegen")');
  await page.fill('#kz-code', IMG);
  await page.fill('#kz-name', SCRIPT);
  await page.click('fieldset.eigene-kennzahl button');
  await shows(page, 'fieldset.eigene-kennzahl .feldfehler', IMG, 'own indicator code');
  await page.fill('#kz-code', 'EIGEN-1');
  await page.click('fieldset.eigene-kennzahl button');
  await page.waitForFunction(() => !document.querySelector('fieldset.eigene-kennzahl'));
  // A target value that is markup is refused as text, then the target gets a title that is markup.
  await page.fill('#ziel-insgesamt', SCRIPT);
  await page.click('text=Ziel speichern');
  await shows(page, '#ziel-insgesamt-fehler', SCRIPT, 'target value');
  await page.fill('#ziel-insgesamt', '70');
  await page.fill('#ziel-titel-feld', JSURL);
  await page.click('text=Ziel speichern');
  await page.waitForFunction(() => !document.querySelector('.zielformular'));
  // Integrations with a title that is markup.
  await page.click('button:has-text("Ziel hinzufügen")');
  await page.selectOption('#ziel-kennzahl', 'INT');
  await page.fill('#ziel-insgesamt', '770');
  await page.fill('#ziel-titel-feld', SVG);
  await page.click('text=Ziel speichern');
  await page.waitForFunction(() => !document.querySelector('.zielformular'));
  // A qualitative target without a title: its description stands for it.
  await page.click('button:has-text("Ziel hinzufügen")');
  await page.selectOption('#ziel-format', 'qualitativ');
  await page.fill('#ziel-beschreibung', IMG);
  await page.click('text=Ziel speichern');
  await page.waitForFunction(() => !document.querySelector('.zielformular'));
  const ids = await page.$$eval('table.zielliste tbody tr', (rows) => rows.map((r) => [r.dataset.ziel, r.textContent]));
  const idOf = (text) => ids.find(([, t]) => t.includes(text))?.[0];
  const [own, integrations, qualitative] = [idOf(JSURL), idOf(SVG), idOf(IMG)];
  assert.ok(own && integrations && qualitative, JSON.stringify(ids));
  await assertClean(opened, 'targets');

  // Values: a Datenstand and a cell that are markup are refused as text; then real figures for the charts.
  await screen(page, '#/werte');
  await page.waitForSelector('table.raster');
  await page.fill('#datenstand', IMG);
  await page.press('#datenstand', 'Tab');
  await shows(page, '#datenstand-fehler', IMG, 'Datenstand');
  await page.fill('#datenstand', '31.03.2022');
  await page.press('#datenstand', 'Tab');
  const cell = async (label, month) => page.$eval(`input.zelle[aria-label^="${label}"][aria-label$=", ${month}"]`, (i) => `#${i.id}`);
  const intJan = await cell('Integrationen Insgesamt', 'Januar');
  await page.fill(intJan, SVG);
  await page.press(intJan, 'Enter');
  await shows(page, '.grid-meldung', `„${SVG}“ ist keine Zahl`, 'value cell');
  for (const [month, value] of [['Januar', '60'], ['Februar', '55'], ['März', '65']]) {
    for (const label of ['Integrationen Insgesamt', SCRIPT]) {
      const id = await cell(label, month);
      await page.fill(id, value);
      await page.press(id, 'Enter');
    }
  }
  await assertClean(opened, 'values');

  // The target's notes.
  await detail(page, integrations);
  await page.fill('#notizen', JSURL);
  await page.press('#notizen', 'Tab');

  const expect = {
    '#/uebersicht': [['header .organisation', IMG], ['main', SVG], ['main', JSURL], ['main', IMG]],
    '#/vereinbarung': [['header .organisation', IMG], ['table.zielliste', SVG], ['table.zielliste', JSURL], ['table.zielliste', IMG]],
    '#/werte': [['header .organisation', IMG], ['table.raster thead', SCRIPT]],
    '#/bilanz': [['main table', SVG], ['main table', JSURL], ['main table', IMG]],
    '#/bericht': [['.bericht-kopf', SVG], ['.bericht-kopf', JSURL], ['.bericht-kopf', SCRIPT],
      ['main svg title', SVG], ['main svg title', JSURL], ['table.diagramm-daten caption', SVG], ['main', IMG]],
    '#/austausch': [['header .organisation', IMG]],
    [`#/ziel/${integrations}`]: [['main h1', SVG], ['main svg title', SVG], ['table.diagramm-daten caption', SVG]],
    [`#/ziel/${own}`]: [['main h1', JSURL], ['main svg title', JSURL], ['main', SCRIPT]],
    [`#/ziel/${qualitative}`]: [['main h1', IMG]],
  };
  await visitAll(opened, expect, 'typed');
  // The notes and agreement fields hold the markup as their value, after a reload too.
  await page.reload();
  await page.waitForSelector('main h1');
  await detail(page, integrations);
  assert.equal(await page.inputValue('#notizen'), JSURL);
  await screen(page, '#/vereinbarung');
  assert.equal(await page.inputValue('#v-unterzeichnende'), SCRIPT);
  assert.equal(await page.inputValue('#v-notizen'), IMG);
  await visitAll(opened, expect, 'typed, reloaded');
  await screen(page, '#/bericht');
  await page.screenshot({ path: `${ARTIFACTS}/sicherheit-eingaben.png`, fullPage: true });
  assertLocal(log);
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('markup in imported CSV and JSON files stays text on every screen', async () => {
  const a = await openGuarded();
  await gotoApp(env, a.page, '#/austausch');
  // The example workspace: INT – Insgesamt 2022 is target 3. Comments are markup; so are indicator and
  // population in rejected lines, whose reasons quote them.
  const first = [HEADER,
    ['INT', 'Insgesamt', '2022', '1', '60', '', '', '30.04.2022', IMG],
    ['INT', 'Insgesamt', '2022', '2', '55', '', '', '30.04.2022', SVG],
    ['INT', 'Insgesamt', '2022', '3', '65', '', '', '30.04.2022', JSURL],
    ['INT', 'Insgesamt', '2022', '4', '58', '', '', '30.04.2022', SCRIPT],
    ...PAYLOADS.map((p) => [p, 'Insgesamt', '2022', '1', '1', '', '', '30.04.2022', '']),
    ...PAYLOADS.map((p) => ['INT', p, '2022', '1', '1', '', '', '30.04.2022', '']),
  ];
  await upload(a.page, 'CSV-Datei einlesen …', 'werte.csv', csvFile(first));
  assert.equal(await a.page.textContent('.vorschau .zusammenfassung'), '4 neu · 0 ersetzt · 0 unverändert · 0 älter als vorhanden · 8 abgelehnt');
  const rejected = await a.page.$$eval('.importbericht tbody tr', (trs) => trs.map((tr) => [...tr.cells].map((c) => c.textContent))
    .filter((cells) => cells[2].startsWith('abgelehnt')));
  assert.equal(rejected.length, 8);
  for (const p of PAYLOADS) {
    assert.ok(rejected.some(([, line, reason]) => line.includes(p) && reason.includes(`Kennzahl „${p}“`)), `Kennzahl ${p}: ${JSON.stringify(rejected)}`);
    assert.ok(rejected.some(([, line, reason]) => line.includes(p) && reason.includes(`Personengruppe „${p}“`)), `Personengruppe ${p}: ${JSON.stringify(rejected)}`);
  }
  await assertClean(a, 'CSV preview');
  await a.page.getByRole('button', { name: 'Übernehmen' }).click();
  await a.page.waitForSelector('.rueckgaengig');
  // Newer figures replace them: the old comments go into each value's history, which the detail lists.
  const second = [HEADER, ...[1, 2, 3, 4].map((m) => ['INT', 'Insgesamt', '2022', String(m), String(60 + m), '', '', '31.05.2022', PAYLOADS[m - 1]])];
  await upload(a.page, 'CSV-Datei einlesen …', 'werte-neu.csv', csvFile(second));
  assert.equal(await a.page.textContent('.vorschau .zusammenfassung'), '0 neu · 4 ersetzt · 0 unverändert · 0 älter als vorhanden · 0 abgelehnt');
  await a.page.getByRole('button', { name: 'Übernehmen' }).click();
  await a.page.waitForSelector('.rueckgaengig');
  await visitAll(a, { '#/ziel/3': PAYLOADS.map((p) => ['ul.verlauf', p]) }, 'CSV');

  // The backup of that workspace, with markup in every text it holds.
  await screen(a.page, '#/austausch');
  const backup = await download(a.page, 'Sicherung herunterladen');
  const doc = JSON.parse(backup.bytes.toString('utf8'));
  const pick = (i) => PAYLOADS[i % PAYLOADS.length];
  doc.organisation = IMG;
  for (const [i, k] of doc.eigene_kennzahlen.entries()) Object.assign(k, { name: pick(i + 1), phrase_de: pick(i + 2), phrase_en: pick(i + 3) });
  for (const ag of doc.zielvereinbarungen) {
    Object.assign(ag, { jobcenter: SVG, partner: JSURL, unterzeichnende: SCRIPT, notizen: IMG });
    for (const [i, t] of ag.ziele.entries()) {
      t.titel = pick(i);
      t.notizen = pick(i + 1);
      if ('beschreibung' in t) t.beschreibung = pick(i + 2);
    }
  }
  for (const [i, v] of doc.ist_werte.entries()) {
    v.kommentar = pick(i);
    for (const [j, h] of (v.verlauf ?? []).entries()) h.kommentar = pick(i + j + 1);
  }
  assert.ok(doc.ist_werte.some((v) => v.verlauf?.length), 'the backup holds a history');
  const titled = doc.zielvereinbarungen.find((ag) => ag.jahr === 2022).ziele;

  // A backup whose own indicator has markup as its code is refused; the message shows the file name as text.
  const b = await openGuarded();
  await gotoApp(env, b.page, '#/austausch');
  const bad = structuredClone(doc);
  bad.eigene_kennzahlen[0].code = SVG;
  await upload(b.page, 'Sicherung einlesen …', `${IMG}.json`, Buffer.from(JSON.stringify(bad)), 'application/json');
  await shows(b.page, '.meldung-fehler', `„${IMG}.json“ wurde nicht eingelesen`, 'bad backup');
  await assertClean(b, 'bad backup');
  // The good one: its preview names the organisation as text; replacing takes every text over.
  await upload(b.page, 'Sicherung einlesen …', 'sicherung.json', Buffer.from(JSON.stringify(doc)), 'application/json');
  await shows(b.page, '.vorschau', `Sicherung von „${IMG}“`, 'backup preview');
  await assertClean(b, 'backup preview');
  await b.page.getByRole('button', { name: 'Arbeitsbereich ersetzen' }).click();
  await shows(b.page, '.grid-meldung', 'Arbeitsbereich aus der Sicherung wiederhergestellt', 'backup taken');
  await shows(b.page, 'header .organisation', IMG, 'header');
  const expect = {
    '#/uebersicht': [['header .organisation', IMG], ...PAYLOADS.map((p) => ['main table', p])],
    '#/vereinbarung': [...PAYLOADS.map((p) => ['table.zielliste', p])],
    '#/werte': [['header .organisation', IMG]],
    '#/bilanz': PAYLOADS.map((p) => ['main', p]),
    // Each target's section shows its title; charts exist for the targets with figures (3 and 6).
    '#/bericht': [['.bericht-kopf', SVG], ['.bericht-kopf', JSURL], ['.bericht-kopf', SCRIPT],
      ...PAYLOADS.map((p) => ['section.bericht-ziel', p]),
      ...[IMG, SCRIPT].flatMap((p) => [['main svg title', p], ['table.diagramm-daten caption', p]])],
    '#/austausch': [['header .organisation', IMG]],
  };
  for (const t of titled.slice(0, 4)) expect[`#/ziel/${t.id}`] = [['main h1', t.titel]];
  const three = titled.find((t) => t.id === 3).titel;
  expect['#/ziel/3'] = [['main h1', three], ['main svg title', three], ...PAYLOADS.map((p) => ['ul.verlauf', p])];
  await visitAll(b, expect, 'backup');
  await assertClean(b, 'end');
  await screen(b.page, '#/uebersicht');
  await b.page.screenshot({ path: `${ARTIFACTS}/sicherheit-import.png`, fullPage: true });
  for (const { log } of [a, b]) assertLocal(log);
  assert.deepEqual([...a.log.errors, ...b.log.errors], []);
  await a.context.close();
  await b.context.close();
});

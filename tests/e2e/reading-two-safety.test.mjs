// Issue 20, points 2 and 3, as a controller meets them in Chromium. What the browser knows of backups belongs to
// the workspace it was made of: after a backup of the example, "Neuen Arbeitsbereich anlegen" says "noch keine
// Sicherung" and counts changes from the new workspace (in this tab, after a reload and in another tab), while
// restoring a backup of the same workspace keeps the reminder. Another job centre's backup is said to be one in the
// preview, with what replacing would discard, and merging is no longer the first choice; the user's own backup
// read into the example simply replaces it. A backup note that cannot be read is kept aside and said.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setUp, openPage, gotoApp, axeViolations, ARTIFACTS } from './harness.mjs';

let env;
let dir;
before(async () => {
  env = await setUp();
  dir = await mkdtemp(path.join(tmpdir(), 'zielsteuerung-sicherung-'));
});
after(async () => {
  await env?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

const NOTE = 'zielsteuerung.sicherung';
const line = (page) => page.textContent('.kopf .datenort');
const note = (page) => page.evaluate((k) => JSON.parse(localStorage.getItem(k)), NOTE);
const storedOrganisation = (page) => page.evaluate(() => JSON.parse(localStorage.getItem('zielsteuerung.arbeitsbereich') ?? 'null')?.organisation ?? null);

/** Waits until the header's line matches `pattern`. */
async function lineMatches(page, pattern) {
  await page.waitForFunction((source) => new RegExp(source).test(document.querySelector('.kopf .datenort')?.textContent ?? ''), pattern.source);
  return line(page);
}

/** Downloads the backup from the exchange screen; its bytes. */
async function downloadBackup(page) {
  await gotoApp(env, page, '#/austausch');
  const [dl] = await Promise.all([
    page.waitForEvent('download'),
    page.locator('.austausch').getByRole('button', { name: /^(Sicherung herunterladen|Download backup)$/ }).click(),
  ]);
  const file = path.join(dir, `${Date.now()}-${dl.suggestedFilename()}`);
  await dl.saveAs(file);
  return readFile(file);
}

/** Reads `bytes` as a backup on the exchange screen and waits for the preview. */
async function readBackup(page, name, bytes) {
  await gotoApp(env, page, '#/austausch');
  await page.locator('input[type=file][accept^=".json"]').setInputFiles({ name, mimeType: 'application/json', buffer: bytes });
  await page.waitForSelector('.vorschau');
}

/** The preview's buttons, in their order. */
const previewButtons = (page) => page.$$eval('.vorschau .werkzeugleiste button', (bs) => bs.map((b) => `${b.textContent.trim()}${b.classList.contains('haupt') ? ' (haupt)' : ''}`));

/** The example's backup under another name: a job centre's own workspace. */
function jobcentre(exampleBytes, name) {
  const doc = JSON.parse(exampleBytes.toString('utf8'));
  doc.organisation = name;
  doc.beispiel = false;
  return Buffer.from(JSON.stringify(doc, null, 2), 'utf8');
}

/** Sets the reminder to come after `changes` saved changes. */
async function remindAfter(page, changes) {
  await gotoApp(env, page, '#/austausch');
  await page.fill('#erinnern-aenderungen', String(changes));
  await page.press('#erinnern-aenderungen', 'Tab');
  await page.waitForFunction(([k, n]) => JSON.parse(localStorage.getItem(k) ?? '{}').erinnern_nach_aenderungen === n, [NOTE, changes]);
}

async function newWorkspace(page, name) {
  await gotoApp(env, page, '#/uebersicht');
  await page.click('button:has-text("Neuen Arbeitsbereich anlegen")');
  await page.fill('#neu-organisation', name);
  await page.click('button:has-text("Leeren Arbeitsbereich anlegen")');
  await page.waitForFunction((n) => JSON.parse(localStorage.getItem('zielsteuerung.arbeitsbereich') ?? 'null')?.organisation === n, name);
}

async function screenshotHeader(page, file) {
  await page.locator('.kopf').screenshot({ path: `${ARTIFACTS}/${file}` });
}

test('a new workspace after a backup of the example says "noch keine Sicherung" and counts from itself', async () => {
  const { page, context, log } = await openPage(env);
  await gotoApp(env, page);
  await remindAfter(page, 1);
  await downloadBackup(page);
  assert.match(await lineMatches(page, /letzte Sicherung heute/), /^Nur in diesem Browser gespeichert – letzte Sicherung heute/);

  await newWorkspace(page, 'Jobcenter Musterkreis');
  assert.match(await lineMatches(page, /Sicherung/), /^Nur in diesem Browser gespeichert – noch keine Sicherung/);
  // Its own creation is no change to back up: with the reminder at one change, none is due.
  const stored = await note(page);
  assert.equal(stored.zuletzt ?? null, null);
  assert.deepEqual(stored.arbeitsbereich, { organisation: 'Jobcenter Musterkreis', beispiel: false, ab_revision: stored.revision });
  assert.equal(stored.erinnern_nach_aenderungen, 1, 'the user\'s threshold stays');
  await page.waitForTimeout(300);
  assert.equal(await page.locator('.erinnerung').count(), 0);
  // (axe on the exchange screen: the overview of an empty workspace has a heading-order finding of its own.)
  await gotoApp(env, page, '#/austausch');
  assert.deepEqual(await axeViolations(page), []);
  await screenshotHeader(page, 'sicherung-neuer-arbeitsbereich-de.png');

  // Its first change counts, against no backup.
  await gotoApp(env, page, '#/vereinbarung');
  await page.fill('#neu-jahr', '2022');
  await page.fill('#neu-partner', 'Ministerium für Arbeit');
  await page.click('text=Leer anlegen');
  await page.waitForSelector('.erinnerung');
  assert.match(await page.textContent('.erinnerung'), /Sicherung empfohlen: 1 gespeicherte Änderung, noch keine Sicherung: /);

  // Kept over a reload, and said in English.
  await page.reload();
  await page.waitForSelector('main#inhalt h1');
  assert.match(await lineMatches(page, /noch keine Sicherung/), /– noch keine Sicherung/);
  await page.click('.sprachwahl');
  assert.match(await lineMatches(page, /no backup yet/), /^Saved in this browser only – no backup yet/);
  assert.match(await page.textContent('.erinnerung'), /1 saved change, no backup yet: /);
  assert.deepEqual(await axeViolations(page), []);
  await screenshotHeader(page, 'sicherung-neuer-arbeitsbereich-en.png');
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('another tab of the browser follows: the backup, then the new workspace that replaced it', async () => {
  const { page: a, context, log } = await openPage(env);
  await gotoApp(env, a);
  const b = await context.newPage();
  b.on('pageerror', (e) => log.errors.push(`pageerror (b): ${e.message}`));
  await gotoApp(env, b);
  await lineMatches(b, /noch keine Sicherung/);
  await downloadBackup(a);
  await lineMatches(a, /letzte Sicherung heute/);
  // Tab B learns of the backup from the shared note.
  await lineMatches(b, /letzte Sicherung heute/);

  await newWorkspace(a, 'Jobcenter Musterkreis');
  await lineMatches(a, /noch keine Sicherung/);
  // Tab B takes the new workspace in, and with it its note.
  await b.waitForFunction(() => document.querySelector('header')?.textContent.includes('Jobcenter Musterkreis'));
  assert.match(await lineMatches(b, /Sicherung/), /– noch keine Sicherung/);
  assert.equal((await note(b)).arbeitsbereich.organisation, 'Jobcenter Musterkreis');
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('another job centre\'s backup is said in the preview; the own backup of the same workspace keeps the reminder', async () => {
  const { page, context, log } = await openPage(env);
  await gotoApp(env, page);
  const example = await downloadBackup(page);
  // Stored in this browser: the example, backed up today. The user's own backup replaces it, without a merge.
  await readBackup(page, 'jobcenter-a.json', jobcentre(example, 'Jobcenter A'));
  assert.match(
    await page.textContent('.vorschau .beispiel-ersetzen'),
    /^Die Sicherung von „Jobcenter A“ ersetzt das Beispiel; ihre Zahlen werden nicht mit denen des Beispiels gemischt\.$/,
  );
  assert.deepEqual(await previewButtons(page), ['Arbeitsbereich ersetzen (haupt)', 'Verwerfen']);
  assert.equal(await page.locator('.vorschau .fremd').count(), 0, 'the example is nobody\'s job centre');
  assert.deepEqual(await axeViolations(page), []);
  await page.locator('.vorschau').screenshot({ path: `${ARTIFACTS}/sicherung-ins-beispiel-de.png` });
  await page.getByRole('button', { name: 'Arbeitsbereich ersetzen' }).click();
  await page.waitForFunction(() => /wiederhergestellt/.test(document.querySelector('.grid-meldung')?.textContent ?? ''));
  // The backup of the example says nothing of Jobcenter A.
  assert.match(await lineMatches(page, /Sicherung/), /– noch keine Sicherung/);

  // Jobcenter A backed up, changed once, and its backup restored: the backup and the count stay.
  const own = await downloadBackup(page);
  await lineMatches(page, /letzte Sicherung heute/);
  await remindAfter(page, 2);
  await gotoApp(env, page, '#/werte');
  await page.fill('#zelle-0-0', '60');
  await page.press('#zelle-0-0', 'Enter');
  await page.waitForFunction(() => document.querySelector('.grid-meldung')?.textContent === 'Gespeichert.');
  await readBackup(page, 'jobcenter-a-heute.json', own);
  assert.deepEqual(await previewButtons(page), ['Zusammenführen (haupt)', 'Arbeitsbereich ersetzen', 'Verwerfen']);
  await page.getByRole('button', { name: 'Arbeitsbereich ersetzen' }).click();
  await page.waitForSelector('.erinnerung');
  assert.match(await page.textContent('.erinnerung'), /2 gespeicherte Änderungen, letzte Sicherung heute: /);
  assert.match(await line(page), /letzte Sicherung heute/);

  // Jobcenter B's backup: said plainly, replacing first with what goes, merging last.
  const other = jobcentre(example, 'Jobcenter B');
  await readBackup(page, 'jobcenter-b.json', other);
  assert.equal(
    await page.textContent('.vorschau .fremd'),
    'Diese Sicherung gehört zu „Jobcenter B“, nicht zu „Jobcenter A“. Zusammenführen würde die Zahlen beider mischen. '
      + 'Ersetzen verwirft den Arbeitsbereich „Jobcenter A“ mit 2 Zielvereinbarungen (2021, 2022), 2 Werten und 1 eigenen Kennzahl.',
  );
  assert.deepEqual(await previewButtons(page), ['Arbeitsbereich ersetzen (haupt)', 'Verwerfen', 'Trotzdem zusammenführen']);
  assert.deepEqual(await axeViolations(page), []);
  await page.locator('.vorschau').screenshot({ path: `${ARTIFACTS}/sicherung-fremd-de.png` });
  await page.getByRole('button', { name: 'Verwerfen' }).click();

  // The same in English.
  await page.click('.sprachwahl');
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  await page.locator('input[type=file][accept^=".json"]').setInputFiles({ name: 'jobcenter-b.json', mimeType: 'application/json', buffer: other });
  await page.waitForSelector('.vorschau');
  assert.equal(
    await page.textContent('.vorschau .fremd'),
    'This backup belongs to “Jobcenter B”, not to “Jobcenter A”. Merging would mix the figures of both. '
      + 'Replacing discards the workspace “Jobcenter A” with 2 agreements (2021, 2022), 2 figures and 1 own indicator.',
  );
  assert.deepEqual(await previewButtons(page), ['Replace workspace (haupt)', 'Discard', 'Merge anyway']);
  assert.deepEqual(await axeViolations(page), []);
  await page.locator('.vorschau').screenshot({ path: `${ARTIFACTS}/sicherung-fremd-en.png` });
  // Replaced: Jobcenter B has no backup in this browser yet.
  await page.getByRole('button', { name: 'Replace workspace' }).click();
  await page.waitForFunction(() => JSON.parse(localStorage.getItem('zielsteuerung.arbeitsbereich') ?? 'null')?.organisation === 'Jobcenter B');
  assert.match(await lineMatches(page, /backup/), /– no backup yet/);
  assert.equal(await storedOrganisation(page), 'Jobcenter B');
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('a backup note that cannot be read is kept aside and said, not silently written over', async () => {
  const { page, context, log } = await openPage(env);
  await gotoApp(env, page, '#/werte');
  await page.fill('#zelle-0-0', '60');
  await page.press('#zelle-0-0', 'Enter');
  await page.waitForFunction(() => document.querySelector('.grid-meldung')?.textContent === 'Gespeichert.');
  await page.evaluate((k) => localStorage.setItem(k, '{kaputt'), NOTE);
  await page.reload();
  assert.match(
    await lineMatches(page, /unlesbar/),
    /^Nur in diesem Browser gespeichert – noch keine Sicherung \(die Angaben zu früheren Sicherungen waren unlesbar und liegen beiseite\)/,
  );
  const aside = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('zielsteuerung.sicherung.unlesbar.')).map((k) => localStorage.getItem(k)));
  assert.deepEqual(aside, ['{kaputt']);
  // In its place a note that reads.
  assert.equal((await note(page)).arbeitsbereich.beispiel, true);
  await page.click('.sprachwahl');
  assert.match(await lineMatches(page, /kept aside/), /no backup yet \(what was noted of earlier backups could not be read and is kept aside\)/);
  assert.deepEqual(log.errors, []);
  await context.close();
});

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
import { setUp, gotoApp, axeViolations, ARTIFACTS } from './harness.mjs';
import { colleague as colleagueOf, status, header, typeValue, onDisk, inStep } from './team.mjs';

let env, dir;
const colleague = (file) => colleagueOf(env, file);
before(async () => { env = await setUp(); dir = await mkdtemp(join(tmpdir(), 'zielsteuerung-team-')); });
after(async () => { await env?.close(); await rm(dir, { recursive: true, force: true }); });

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

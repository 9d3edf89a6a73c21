// "Vergleich" (issue 23): the ministry's controller adds the files of several job centres at once, gives each its
// comparison type, sees the table per type with ranks and medians, sorts it, removes a member and takes it back,
// and a newer file replaces a member after the preview while an older one is refused with the reason. The members
// live in IndexedDB and are there after a reload; the own workspace in localStorage is untouched.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { setUp, openPage, gotoApp, axeViolations, ARTIFACTS } from './harness.mjs';
import { JUNE, jobCentre, threeJobCentres } from './members.mjs';

let env;
before(async () => { env = await setUp(); });
after(async () => { await env?.close(); });

const cellsOf = (page, group) => page.$$eval(`section.vergleich-gruppe[aria-label="${group}"] tbody tr`,
  (rows) => rows.map((r) => [...r.children].map((c) => c.innerText.replace(/\s+/g, ' ').trim())));

test('adding job centres, their types, the table per type, sorting, removing and undoing, in German', async () => {
  const { page, context, log } = await openPage(env);
  await gotoApp(env, page, '#/vergleich');
  await page.waitForSelector('.leerzustand');
  const ownBefore = await page.evaluate(() => JSON.stringify(Object.entries(localStorage).sort()));
  const files = [...await threeJobCentres(), await jobCentre('Jobcenter Fulda', [60, 60], JUNE.slice(0, 2))];
  await page.locator('input[type=file][multiple]').setInputFiles(files);
  await page.waitForSelector('.vorschau li');
  const preview = await page.$$eval('.vorschau li', (li) => li.map((l) => l.textContent));
  assert.deepEqual(preview.slice(0, 3), ['Jobcenter Bergstraße: neu', 'Jobcenter Fulda: neu', 'Kreisjobcenter Marburg-Biedenkopf: neu']);
  assert.match(preview[3], /„Jobcenter Fulda\.json“: „Jobcenter Fulda“ ist in dieser Auswahl schon mit einer anderen Datei dabei/);
  await page.getByRole('button', { name: 'Übernehmen' }).click();
  await page.waitForSelector('section.vergleich-gruppe');
  assert.equal(await page.textContent('.grid-meldung'), '3 Jobcenter übernommen.');

  // The types of 2022: IIb for Bergstraße and Fulda, Ia for Marburg-Biedenkopf; a wrong one is said at the field.
  const type = (name) => page.getByLabel(`Vergleichstyp von ${name}`);
  await type('Jobcenter Fulda').fill('II b');
  await type('Jobcenter Fulda').press('Tab');
  assert.match(await page.textContent('#typ-jobcenter-fulda-fehler'), /„ “ gehört nicht in einen Vergleichstyp/);
  assert.equal(await type('Jobcenter Fulda').getAttribute('aria-invalid'), 'true');
  for (const [name, code] of [['Jobcenter Bergstraße', 'IIb'], ['Jobcenter Fulda', 'IIb'], ['Kreisjobcenter Marburg-Biedenkopf', 'Ia']]) {
    await type(name).fill(code);
    await type(name).press('Tab');
  }
  await page.waitForSelector('section.vergleich-gruppe[aria-label="Vergleichstyp IIb"]');
  const headings = await page.$$eval('section.vergleich-gruppe h2', (h) => h.map((e) => e.textContent));
  assert.deepEqual(headings, ['Vergleichstyp Ia', 'Vergleichstyp IIb']);

  // Integrations 2022 (≥ 770): 300 and 360 through June, 300 through May (an older Datenstand).
  const iib = await cellsOf(page, 'Vergleichstyp IIb');
  assert.equal(iib.length, 2);
  assert.deepEqual(iib.map((r) => [r[0], r[2], r[8]]), [['Jobcenter Fulda', '360 (bis Juni)', '1 von 2'], ['Jobcenter Bergstraße', '300 (bis Juni)', '2 von 2']]);
  assert.match(iib[0][1], /^Integrationen – Insgesamt: ≥ 770$/);
  const ia = await cellsOf(page, 'Vergleichstyp Ia');
  assert.deepEqual([ia[0][0], ia[0][2], ia[0][7]], ['Kreisjobcenter Marburg-Biedenkopf', '300 (bis Mai)', '31.05.2022 (älterer Stand)']);
  // Ist/Soll against the target to June (770 × 6/12 = 385): 360 → 93,5 %, 300 → 77,9 %; the median (93.51 + 77.92) / 2.
  assert.deepEqual(iib.map((r) => r[4]), ['93,5 %', '77,9 %']);
  assert.equal(await page.textContent('section.vergleich-gruppe[aria-label="Vergleichstyp IIb"] .median'), 'Median Ist/Soll: 85,7\u00a0% (2 Jobcenter)');

  // The keyboard as in the value grid: arrows from cell to cell, End to the row's last, Ctrl+Home to the first.
  const focused = () => page.evaluate(() => document.activeElement?.innerText.replace(/\s+/g, ' ').trim());
  await page.focus('section.vergleich-gruppe[aria-label="Vergleichstyp IIb"] tbody th[tabindex="0"]');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  assert.equal(await focused(), '360 (bis Juni)');
  await page.keyboard.press('ArrowDown');
  assert.equal(await focused(), '300 (bis Juni)');
  await page.keyboard.press('End');
  assert.equal(await focused(), '2 von 2');
  await page.keyboard.press('Control+Home');
  assert.equal(await focused(), 'Jobcenter Fulda');
  assert.equal(await page.$$eval('section.vergleich-gruppe[aria-label="Vergleichstyp IIb"] tbody [tabindex="0"]', (c) => c.length), 1);

  // The charts of the figure: Ist/Soll per job centre by type, best first, and per type the course of the year
  // (Bergstraße 50 in January of 64,17 → 77,9 %, 300 of 385 through June → 77,9 %; Fulda 60 a month → 93,5 %).
  // Drawn only while open (with a Land's hundred job centres they are long).
  assert.equal(await page.$('#vergleich-ist-soll'), null);
  await page.locator('details.vergleich-diagramme > summary').click();
  await page.waitForSelector('#vergleich-ist-soll svg');
  const rowsOf = (selector) => page.$$eval(`${selector} table tbody tr`,
    (rows) => rows.map((r) => [...r.children].map((c) => c.innerText.replace(/\s+/g, ' ').trim())));
  assert.deepEqual(await rowsOf('#vergleich-ist-soll'), [
    ['Kreisjobcenter Marburg-Biedenkopf', 'Vergleichstyp Ia', '93,5 %'],
    ['Jobcenter Fulda', 'Vergleichstyp IIb', '93,5 %'],
    ['Jobcenter Bergstraße', 'Vergleichstyp IIb', '77,9 %'],
  ]);
  assert.match(await page.getAttribute('#vergleich-ist-soll svg', 'role'), /^img$/);
  const course = await rowsOf('#vergleich-verlauf-1');
  assert.deepEqual([course[0], course[5], course[6]], [
    ['Januar', '77,9 %', '93,5 %', '100,0 %'], ['Juni', '77,9 %', '93,5 %', '100,0 %'], ['Juli', '–', '–', '100,0 %']]);
  assert.match(await page.textContent('#vergleich-verlauf-1 figcaption'), /Integrationen – Insgesamt, Vergleichstyp IIb$/);

  // Sorting by "Ist": ascending, then descending; aria-sort says which.
  const actualHeader = page.locator('section.vergleich-gruppe[aria-label="Vergleichstyp IIb"] th', { hasText: 'Ist' }).first();
  await actualHeader.getByRole('button').click();
  assert.equal(await actualHeader.getAttribute('aria-sort'), 'ascending');
  assert.deepEqual((await cellsOf(page, 'Vergleichstyp IIb')).map((r) => r[0]), ['Jobcenter Bergstraße', 'Jobcenter Fulda']);
  await page.locator('section.vergleich-gruppe[aria-label="Vergleichstyp IIb"] th', { hasText: 'Ist' }).first().getByRole('button').click();
  assert.deepEqual((await cellsOf(page, 'Vergleichstyp IIb')).map((r) => r[0]), ['Jobcenter Fulda', 'Jobcenter Bergstraße']);
  // Out as files, as sorted: the CSV for German Excel (BOM, ";", decimal comma) and the XLSX workbook.
  const download = async (name) => {
    const [dl] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name }).click()]);
    const file = `${ARTIFACTS}/${dl.suggestedFilename()}`;
    await dl.saveAs(file);
    return { name: dl.suggestedFilename(), bytes: await readFile(file) };
  };
  const csv = await download('Als CSV-Datei');
  assert.equal(csv.name, 'zielsteuerung-vergleich-2022.csv');
  const text = csv.bytes.toString('utf8');
  assert.ok(text.startsWith('\uFEFFVergleichstyp;Jobcenter;'), text.slice(0, 60));
  const lines = text.split('\r\n').map((l) => l.split(';'));
  const fulda = lines.find((l) => l[1] === 'Jobcenter Fulda');
  assert.deepEqual([fulda[0], fulda[6], fulda[7], fulda[9], fulda[10], fulda[14]], ['IIb', '360', 'Juni', '93,5', 'kritisch', '1']);
  assert.ok(lines.findIndex((l) => l[1] === 'Jobcenter Fulda') < lines.findIndex((l) => l[1] === 'Jobcenter Bergstraße'), 'as sorted');
  const xlsx = await download('Als Excel-Datei (XLSX)');
  assert.equal(xlsx.name, 'zielsteuerung-vergleich-2022.xlsx');
  assert.equal(xlsx.bytes.subarray(0, 2).toString('latin1'), 'PK');
  await page.screenshot({ path: `${ARTIFACTS}/vergleich.png`, fullPage: true });
  assert.deepEqual(await axeViolations(page), []);

  // A member without the figure says so in words: all targets of Marburg's 2022 are listed, none is zero.
  // All targets: one line per job centre saying how its targets stand, opened to them on request.
  await page.getByLabel('Kennzahl').selectOption('alle');
  const summary = page.locator('section.vergleich-gruppe[aria-label="Vergleichstyp Ia"] details > summary');
  assert.match(await summary.innerText(), /^Kreisjobcenter Marburg-Biedenkopf: \d+ Ziele: .*kritisch.*; Median Ist\/Soll \d+,\d\s%$/);
  assert.equal(await cellsOf(page, 'Vergleichstyp Ia').then((r) => r.length), 0, 'closed: no table built');
  await summary.click();
  await page.waitForSelector('section.vergleich-gruppe[aria-label="Vergleichstyp Ia"] details[open] tbody tr');
  const targets = await cellsOf(page, 'Vergleichstyp Ia');
  assert.ok(targets.length >= 9, `${targets.length} targets`);
  assert.ok(targets.every((r) => r[2] !== '0'), 'no figure shown as zero');
  assert.deepEqual(await axeViolations(page), []);

  // Removing and taking back.
  await page.getByRole('button', { name: 'Jobcenter Fulda entfernen' }).click();
  await page.waitForFunction(() => /„Jobcenter Fulda“ entfernt/.test(document.querySelector('.grid-meldung')?.textContent ?? ''));
  await page.getByRole('button', { name: 'Rückgängig' }).click();
  await page.waitForFunction(() => /wieder dabei/.test(document.querySelector('.grid-meldung')?.textContent ?? ''));

  // After a reload the members and their types are there (IndexedDB); the own workspace did not change.
  await page.reload();
  await page.waitForSelector('section.vergleich-gruppe[aria-label="Vergleichstyp IIb"]');
  assert.equal((await cellsOf(page, 'Vergleichstyp IIb')).length, 2);
  assert.equal(await page.evaluate(() => JSON.stringify(Object.entries(localStorage).sort())), ownBefore);

  // A newer file of Bergstraße replaces it after the preview; an older one of Fulda is refused with the reason.
  await page.locator('input[type=file][multiple]').setInputFiles([
    await jobCentre('Jobcenter Bergstraße', [50, 55, 60, 65, 70, 80, 90], [...JUNE, '2022-07-31']),
    await jobCentre('Jobcenter Fulda', [60, 60], JUNE.slice(0, 2)),
  ]);
  await page.waitForSelector('.vorschau li');
  const second = await page.$$eval('.vorschau li', (li) => li.map((l) => l.textContent));
  assert.equal(second[0], 'Jobcenter Bergstraße: neuer Stand: 30.06.2022 → 31.07.2022');
  assert.match(second[1], /Die Datei hat ältere Zahlen \(Datenstand 28\.02\.2022\) als das schon aufgenommene Jobcenter \(Datenstand 30\.06\.2022\)/);
  await page.getByRole('button', { name: 'Übernehmen' }).click();
  await page.waitForFunction(() => /1 Jobcenter übernommen/.test(document.querySelector('.grid-meldung')?.textContent ?? ''));
  const replaced = await cellsOf(page, 'Vergleichstyp IIb');
  assert.deepEqual(replaced.map((r) => r[2]).sort(), ['360 (bis Juni)', '470 (bis Juli)']);
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('in English, and a file that is no backup is refused while the members stay', async () => {
  const { page, context, log } = await openPage(env);
  await gotoApp(env, page, '#/vergleich');
  await page.click('button.sprachwahl');
  await page.waitForSelector('.leerzustand');
  await page.locator('input[type=file][multiple]').setInputFiles([
    await jobCentre('Jobcenter Gießen', [70, 70, 70], JUNE.slice(0, 3)),
    { name: 'werte.csv', mimeType: 'text/csv', buffer: Buffer.from('Kennzahl;Jahr\nINT;2022\n') },
  ]);
  await page.waitForSelector('.vorschau li');
  const preview = await page.$$eval('.vorschau li', (li) => li.map((l) => l.textContent));
  assert.equal(preview[0], 'Jobcenter Gießen: new');
  assert.match(preview[1], /^“werte\.csv”: /);
  await page.getByRole('button', { name: 'Accept' }).click();
  await page.waitForSelector('section.vergleich-gruppe');
  assert.equal(await page.textContent('.grid-meldung'), '1 job centre taken.');
  assert.deepEqual(await page.$$eval('section.vergleich-gruppe h2', (h) => h.map((e) => e.textContent)), ['Without comparison type']);
  const rows = await cellsOf(page, 'Without comparison type');
  assert.deepEqual([rows[0][0], rows[0][2], rows[0][8]], ['Jobcenter Gießen', '210 (to March)', '1 of 1']);
  await page.screenshot({ path: `${ARTIFACTS}/comparison-en.png`, fullPage: true });
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('the own workspace takes part with its type, kept over a reload', async () => {
  const { page, context, log } = await openPage(env);
  await gotoApp(env, page, '#/vergleich');
  await page.waitForSelector('.leerzustand');
  await page.getByLabel('Eigenen Arbeitsbereich einbeziehen').check();
  await page.waitForSelector('section.vergleich-gruppe');
  await page.getByLabel('Jahr', { exact: true }).selectOption('2021');
  await page.getByLabel('Vergleichstyp 2021 Ihres Arbeitsbereichs').fill('IIb');
  await page.getByLabel('Vergleichstyp 2021 Ihres Arbeitsbereichs').press('Tab');
  await page.waitForSelector('section.vergleich-gruppe[aria-label="Vergleichstyp IIb"]');
  // The example's 2021: 718 integrations against ≥ 690 → 104,1 %.
  const rows = await cellsOf(page, 'Vergleichstyp IIb');
  assert.deepEqual([rows[0][0], rows[0][2], rows[0][4], rows[0][8]],
    ['Kommunales Job-Center (KJC) Odenwaldkreis (Ihr Arbeitsbereich)', '718', '104,1 %', '1 von 1']);
  await page.reload();
  await page.waitForSelector('section.vergleich-gruppe');
  assert.equal(await page.getByLabel('Eigenen Arbeitsbereich einbeziehen').isChecked(), true);
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('a whole folder (Edge and Chrome), read again after a new file arrived', async () => {
  const { page, context, log } = await openPage(env);
  // The folder picker opens the system's dialog, which a test cannot drive: the page gets a folder of the same
  // shape (FileSystemDirectoryHandle: entries by values(), files by getFile(), permission by queryPermission).
  await page.addInitScript(() => {
    globalThis.__folder = [];
    const entry = ([name, text]) => ({ kind: 'file', name, getFile: async () => new File([text], name, { type: 'application/json' }) });
    globalThis.showDirectoryPicker = async () => ({
      kind: 'directory',
      name: 'Eingang Jobcenter',
      queryPermission: async () => 'granted',
      requestPermission: async () => 'granted',
      values: async function* values() {
        yield { kind: 'directory', name: 'alt' };
        for (const f of globalThis.__folder) yield entry(f);
      },
    });
  });
  await gotoApp(env, page, '#/vergleich');
  await page.waitForSelector('.leerzustand');
  const [bergstrasse, fulda, marburg] = (await threeJobCentres()).map((f) => [f.name, f.buffer.toString('utf8')]);
  await page.evaluate((files) => { globalThis.__folder.push(...files, ['liesmich.txt', 'kein Jobcenter']); }, [bergstrasse, fulda]);
  await page.getByRole('button', { name: 'Ordner wählen …' }).click();
  await page.waitForSelector('.vorschau li');
  assert.deepEqual(await page.$$eval('.vorschau li', (li) => li.map((l) => l.textContent)), ['Jobcenter Bergstraße: neu', 'Jobcenter Fulda: neu']);
  await page.getByRole('button', { name: 'Übernehmen' }).click();
  await page.waitForFunction(() => document.querySelector('.grid-meldung')?.textContent === '2 Jobcenter übernommen.');

  // A new file arrives in the folder: reading it again offers that one; the two already taken say so.
  await page.evaluate((file) => { globalThis.__folder.push(file); }, marburg);
  await page.getByRole('button', { name: 'Ordner „Eingang Jobcenter“ erneut lesen' }).click();
  await page.waitForFunction(() => document.querySelectorAll('.vorschau li').length === 3);
  const again = await page.$$eval('.vorschau li', (li) => li.map((l) => l.textContent));
  assert.equal(again[0], 'Kreisjobcenter Marburg-Biedenkopf: neu');
  assert.match(again[1], /„Jobcenter Bergstraße“ ist mit diesem Stand schon dabei/);
  await page.getByRole('button', { name: 'Übernehmen' }).click();
  await page.waitForFunction(() => document.querySelector('.grid-meldung')?.textContent === '1 Jobcenter übernommen.');
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(log.errors, []);
  await context.close();
});

// A job centre starts its own workspace instead of the example, defines its own indicator and a first target.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setUp, openPage, gotoApp, axeViolations, ARTIFACTS } from './harness.mjs';

let env;
before(async () => { env = await setUp(); });
after(async () => { await env?.close(); });

test('new empty workspace (with undo), own indicator, first target, kept after reload', async () => {
  const { page, context, log } = await openPage(env);
  await gotoApp(env, page);
  await page.click('button:has-text("Neuen Arbeitsbereich anlegen")');
  await page.click('button:has-text("Leeren Arbeitsbereich anlegen")');
  assert.equal(await page.textContent('#neu-organisation-fehler'), 'Bitte den Namen Ihrer Organisation eingeben.');
  await page.fill('#neu-organisation', 'Jobcenter Musterkreis');
  await page.click('button:has-text("Leeren Arbeitsbereich anlegen")');
  await page.waitForFunction(() => document.querySelector('header')?.textContent.includes('Jobcenter Musterkreis'));
  assert.equal(await page.locator('header .kennzeichen').count(), 0, 'no longer labelled as example');
  assert.match(await page.textContent('main'), /noch keine Zielvereinbarung erfasst/);

  // Undo brings the example back; then create again.
  await page.click('.rueckgaengig button');
  await page.waitForFunction(() => document.querySelector('header')?.textContent.includes('Odenwaldkreis'));
  await page.click('button:has-text("Neuen Arbeitsbereich anlegen")');
  await page.fill('#neu-organisation', 'Jobcenter Musterkreis');
  await page.click('button:has-text("Leeren Arbeitsbereich anlegen")');
  await page.waitForFunction(() => document.querySelector('header')?.textContent.includes('Jobcenter Musterkreis'));

  // First agreement, with an own indicator.
  await page.click('main a[href="#/vereinbarung"]');
  await page.waitForSelector('#neu-jahr');
  await page.fill('#neu-jahr', '2022');
  await page.fill('#neu-partner', 'Ministerium für Arbeit');
  await page.click('text=Leer anlegen');
  await page.waitForFunction(() => document.querySelector('#vereinbarung-titel')?.textContent === 'Zielvereinbarung 2022');
  await page.click('button:has-text("Ziel hinzufügen")');
  await page.click('button:has-text("Eigene Kennzahl anlegen")');
  await page.fill('#kz-code', 'K2');
  await page.fill('#kz-name', 'Integrationen U25 in Ausbildung');
  await page.click('fieldset.eigene-kennzahl button');
  assert.equal(await page.textContent('fieldset.eigene-kennzahl .feldfehler'), '„K2“ ist bereits eine eingebaute Kennzahl.');
  await page.fill('#kz-code', 'INT-U25');
  await page.click('fieldset.eigene-kennzahl button');
  await page.waitForFunction(() => !document.querySelector('fieldset.eigene-kennzahl'));
  assert.equal(await page.inputValue('#ziel-kennzahl'), 'INT-U25');
  await page.selectOption('#ziel-kategorie', 'lokales Ziel');
  await page.fill('#ziel-insgesamt', '70');
  assert.deepEqual(await axeViolations(page), []);
  await page.click('text=Ziel speichern');
  await page.waitForFunction(() => !document.querySelector('.zielformular'));

  await page.reload();
  await page.waitForSelector('table.zielliste');
  assert.match(await page.textContent('header'), /Jobcenter Musterkreis/);
  assert.deepEqual(
    await page.$$eval('table.zielliste tbody tr', (rows) => rows.map((r) => [...r.children].slice(0, 2).map((c) => c.innerText.replace(/\s+/g, ' ').trim()))),
    [['Integrationen U25 in Ausbildung – Insgesamt lokales Ziel · Mindestwert', '≥ 70']],
  );
  const doc = await page.evaluate(() => JSON.parse(localStorage.getItem('zielsteuerung.arbeitsbereich')));
  assert.equal(doc.beispiel, false);
  assert.equal(doc.eigene_kennzahlen[0].code, 'INT-U25');
  await page.screenshot({ path: `${ARTIFACTS}/neuer-arbeitsbereich.png`, fullPage: true });
  assert.deepEqual(log.errors, []);
  await context.close();
});

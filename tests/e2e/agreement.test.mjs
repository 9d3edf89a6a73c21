// The agreement editor as a controller uses it with the signed 2022 agreement on paper: delete the example,
// undo, delete again, then enter the agreement from scratch with all its targets, keyboard and mouse.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setUp, openPage, gotoApp, axeViolations, ARTIFACTS } from './harness.mjs';

let env;
before(async () => { env = await setUp(); });
after(async () => { await env?.close(); });

async function addTarget(page, fill) {
  await page.click('button:has-text("Ziel hinzufügen")');
  await page.waitForSelector('#ziel-format');
  await fill();
  await page.click('text=Ziel speichern');
  await page.waitForFunction(() => !document.querySelector('.zielformular'));
}

test('a year typed for a new agreement stays while the agreement above is edited', async () => {
  const { page, context } = await openPage(env);
  await gotoApp(env, page, '#/vereinbarung');
  await page.waitForSelector('#neu-jahr');
  assert.equal(await page.inputValue('#neu-jahr'), '2023', 'the year after the latest agreement is suggested');
  await page.fill('#neu-jahr', '2031');
  await page.fill('#neu-partner', 'HMSI, Referat II');
  // Edits of the latest agreement (its parties too) and of its notes change the workspace, not the new form.
  await page.fill('#v-partner', 'Hessisches Ministerium für Soziales und Integration');
  await page.press('#v-partner', 'Tab');
  await page.fill('#v-notizen', 'Dialog am 12. Mai');
  await page.press('#v-notizen', 'Tab');
  await page.waitForFunction(() => JSON.stringify(localStorage).includes('Dialog am 12. Mai'));
  assert.equal(await page.inputValue('#neu-jahr'), '2031');
  assert.equal(await page.inputValue('#neu-partner'), 'HMSI, Referat II');
  // Creating it makes it the latest: the form then suggests the year after.
  await page.click('text=Leer anlegen');
  await page.waitForFunction(() => document.querySelector('#vereinbarung-titel')?.textContent === 'Zielvereinbarung 2031');
  assert.equal(await page.inputValue('#neu-jahr'), '2032');
  await context.close();
});

test('enter the seed\'s 2022 agreement from scratch, with delete and undo', async () => {
  const { page, context, log } = await openPage(env);
  await gotoApp(env, page, '#/vereinbarung');
  await page.waitForSelector('#vereinbarung-titel');
  assert.equal(await page.textContent('#vereinbarung-titel'), 'Zielvereinbarung 2022');
  assert.equal(await page.locator('table.zielliste tbody tr').count(), 10);

  // Delete and undo.
  await page.click('text=Zielvereinbarung 2022 löschen');
  await page.waitForSelector('.rueckgaengig');
  assert.match(await page.textContent('.rueckgaengig'), /Zielvereinbarung 2022 gelöscht/);
  await page.click('.rueckgaengig button');
  await page.waitForSelector('#vereinbarung-titel');
  assert.equal(await page.locator('table.zielliste tbody tr').count(), 10);

  // Delete for real and enter it anew.
  await page.click('text=Zielvereinbarung 2022 löschen');
  await page.waitForSelector('.rueckgaengig');
  await page.fill('#neu-jahr', '2022');
  await page.click('text=Leer anlegen');
  await page.waitForFunction(() => document.querySelector('#vereinbarung-titel')?.textContent === 'Zielvereinbarung 2022');
  assert.match(await page.textContent('.grid-meldung'), /Zielvereinbarung 2022 angelegt/);
  assert.equal(await page.locator('.rueckgaengig').count(), 0, 'the old agreement can no longer come back');
  await page.fill('#v-unterzeichnende', 'Landrat Frank Matiaske, Erster Kreisbeigeordneter Oliver Grobeis');
  await page.press('#v-unterzeichnende', 'Tab');

  // Integrations: total with the parts for women and men; a wrong part is hinted at first.
  await addTarget(page, async () => {
    await page.selectOption('#ziel-kennzahl', 'INT');
    await page.fill('#ziel-insgesamt', '770');
    await page.fill('#ziel-frauen', '300');
    await page.fill('#ziel-maenner', '462');
    assert.equal(await page.textContent('.teile-hinweis'), '⚠ Die Teilziele ergeben nicht das Gesamtziel: Frauen 300 + Männer 462 = 762; das Gesamtziel ist 770.');
    await page.fill('#ziel-frauen', '308');
    assert.equal(await page.textContent('.teile-hinweis'), '');
  });
  assert.match(await page.textContent('.grid-meldung'), /3 Ziele gespeichert/);
  // Long-term recipients: caps.
  await addTarget(page, async () => {
    await page.selectOption('#ziel-format', 'hoechstens');
    await page.selectOption('#ziel-kennzahl', 'LZB');
    await page.fill('#ziel-insgesamt', '2.020');
    await page.fill('#ziel-frauen', '1.100');
    await page.fill('#ziel-maenner', '920');
  });
  // LLU: monitoring.
  await addTarget(page, async () => {
    await page.selectOption('#ziel-format', 'monitoring');
    await page.selectOption('#ziel-kennzahl', 'LLU');
  });
  // K2E3: rises by 1,8 (as the press release says: percent) to 58 %. A typo first: decimal point.
  await page.click('button:has-text("Ziel hinzufügen")');
  await page.selectOption('#ziel-format', 'quote_auf_zielwert');
  await page.selectOption('#ziel-kennzahl', 'K2E3');
  await page.selectOption('#ziel-kategorie', 'landesspezifisches Ziel');
  await page.fill('#ziel-veraenderung', '1.8');
  await page.selectOption('#ziel-einheit', '%');
  await page.fill('#ziel-zielwert', '58');
  await page.click('text=Ziel speichern');
  assert.equal(await page.textContent('#ziel-veraenderung-fehler'), '„1.8“: Bitte das Komma als Dezimaltrennzeichen verwenden, z. B. 1,8.');
  assert.equal(await page.getAttribute('#ziel-veraenderung', 'aria-invalid'), 'true');
  await page.fill('#ziel-veraenderung', '1,8');
  await page.click('text=Ziel speichern');
  await page.waitForFunction(() => !document.querySelector('.zielformular'));
  // U25 into vocational training: at least 70.
  await addTarget(page, async () => {
    await page.selectOption('#ziel-kennzahl', 'INT-U25-AUSB');
    await page.selectOption('#ziel-kategorie', 'landesspezifisches Ziel');
    await page.fill('#ziel-insgesamt', '70');
  });
  // The qualitative goal.
  await addTarget(page, async () => {
    await page.selectOption('#ziel-format', 'qualitativ');
    await page.fill('#ziel-beschreibung', 'Integration von Menschen mit Behinderungen nachhaltig fördern; Zusammenarbeit mit Rehabilitationsträgern verstärken.');
    await page.fill('#ziel-titel-feld', 'Integration von Menschen mit Behinderungen');
  });
  assert.equal(await page.locator('table.zielliste tbody tr').count(), 10);
  await page.screenshot({ path: `${ARTIFACTS}/vereinbarung.png`, fullPage: true });
  assert.deepEqual(await axeViolations(page), []);

  // The overview shows the agreement as entered.
  await page.click('nav a[href="#/uebersicht"]');
  await page.waitForSelector('table.ziele');
  const targets = await page.$$eval('tbody.ziel tr:first-child', (rows) => rows.map((r) => [r.children[0].innerText.split('\n')[0].trim(), r.children[2].innerText.trim()]));
  assert.deepEqual(targets, [
    ['Integrationen – Insgesamt', '≥ 770'], ['Integrationen – Frauen', '≥ 308'], ['Integrationen – Männer', '≥ 462'],
    ['Bestand Langzeitleistungsbeziehende – Insgesamt', '≤ 2.020'], ['Bestand Langzeitleistungsbeziehende – Frauen', '≤ 1.100'],
    ['Bestand Langzeitleistungsbeziehende – Männer', '≤ 920'], ['Summe der Leistungen zum Lebensunterhalt – Insgesamt', '–'],
    ['Kontinuierliche Beschäftigung nach Integration – Insgesamt', '≥ 58,0\u00a0%'],
    ['Integrationen U25 in voll qualifizierende Berufsausbildung – Insgesamt', '≥ 70'],
    ['Integration von Menschen mit Behinderungen', '–'],
  ]);
  assert.match(await page.textContent('main'), /Unterzeichnet von Landrat Frank Matiaske/);
  assert.match(await page.textContent('main'), /um 1,8\u00a0% \(so vereinbart\): von 57,0\u00a0% auf 58,0\u00a0%/);

  // Reload: all there.
  await page.reload();
  await page.waitForSelector('table.ziele');
  assert.equal(await page.locator('tbody.ziel').count(), 10);
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('edit a group and copy the agreement into the next year', async () => {
  const { page, context, log } = await openPage(env);
  await gotoApp(env, page, '#/vereinbarung');
  await page.waitForSelector('table.zielliste');
  // Each row is marked in the page; a row that is rendered anew loses its mark.
  await page.evaluate(() => { for (const tr of document.querySelectorAll('table.zielliste tbody tr')) tr.__unverändert = true; });
  await page.click('tr[data-ziel="4"] button:has-text("Bearbeiten")');
  assert.equal(await page.inputValue('#ziel-insgesamt'), '770');
  assert.equal(await page.inputValue('#ziel-frauen'), '308');
  await page.fill('#ziel-insgesamt', '780');
  await page.fill('#ziel-maenner', '472');
  await page.click('text=Ziel speichern');
  await page.waitForFunction(() => !document.querySelector('.zielformular'));
  assert.equal(await page.textContent('tr[data-ziel="3"] td.zahl'), '≥ 780');
  assert.equal(await page.textContent('tr[data-ziel="5"] td.zahl'), '≥ 472');
  // State follows the data: the two rows that changed (total 780, men 472) are new; the women's row (still 308)
  // and the other seven stay the nodes they were.
  const kept = await page.evaluate(() => [...document.querySelectorAll('table.zielliste tbody tr')]
    .map((tr) => `${tr.dataset.ziel}:${tr.__unverändert === true}`));
  assert.deepEqual(kept.filter((k) => k.endsWith(':false')).map((k) => k.split(':')[0]).sort(), ['3', '5']);
  assert.equal(kept.length, 10);

  await page.fill('#neu-jahr', '2023');
  await page.click('text=Aus dem Vorjahr kopieren');
  await page.waitForFunction(() => document.querySelector('#vereinbarung-titel')?.textContent === 'Zielvereinbarung 2023');
  assert.equal(await page.inputValue('#jahr'), '2023');
  assert.equal(await page.locator('table.zielliste tbody tr').count(), 10);
  assert.match(await page.textContent('.grid-meldung'), /als Kopie von 2022 angelegt/);
  // Removing a target can be undone.
  await page.click('tr[data-ziel="13"] button:has-text("Entfernen")');
  assert.equal(await page.locator('table.zielliste tbody tr').count(), 9);
  await page.click('.rueckgaengig button');
  assert.equal(await page.locator('table.zielliste tbody tr').count(), 10);
  assert.deepEqual(log.errors, []);
  await context.close();
});

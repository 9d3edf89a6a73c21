// Job centres' backups for the comparison's tests (issue 23): the schema-2 fixture (Odenwaldkreis) under another
// name with its INT figures of 2022.
import { readFile } from 'node:fs/promises';

export const JUNE = ['2022-01-31', '2022-02-28', '2022-03-31', '2022-04-30', '2022-05-31', '2022-06-30'];

/** A job centre's backup with `months` as its integrations of 2022 (from January), each with its Datenstand. */
export async function jobCentre(name, months, asOf) {
  const doc = JSON.parse(await readFile('tests/fixtures/sicherung-schema-2.json', 'utf8'));
  doc.organisation = name;
  doc.beispiel = false;
  for (const a of doc.zielvereinbarungen) a.jobcenter = name;
  const int = doc.ist_werte.find((v) => v.kennzahl === 'INT' && v.gruppe === 'Insgesamt' && v.jahr === 2022);
  // Slot 0 is the annual figure, then January … December.
  int.werte = [null, ...months];
  int.datenstand = [null, ...months.map((_, i) => asOf[i] ?? asOf.at(-1))];
  return { name: `${name}.json`, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(doc), 'utf8') };
}

/** The three job centres of the comparison's tests: Bergstraße 300 and Fulda 360 through June, Marburg-Biedenkopf
 *  300 through May. */
export async function threeJobCentres() {
  return [
    await jobCentre('Jobcenter Bergstraße', [50, 55, 60, 65, 70, 0], JUNE),
    await jobCentre('Jobcenter Fulda', [60, 60, 60, 60, 60, 60], JUNE),
    await jobCentre('Kreisjobcenter Marburg-Biedenkopf', [50, 55, 60, 65, 70], JUNE.slice(0, 5)),
  ];
}

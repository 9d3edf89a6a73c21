use super::*;
use crate::core::calendar::{Month, Year};
use crate::domain::example::odenwaldkreis;
use crate::domain::indicator::IndicatorCode;
use crate::domain::values::{Amount, Population, ValueKey};

fn key(code: &str, year: i64, month: Option<i64>) -> ValueKey {
    ValueKey {
        indicator: IndicatorCode::new(code),
        population: Population::Total,
        year: Year::new(year).unwrap(),
        month: month.map(|m| Month::new(m).unwrap()),
    }
}

fn date(d: i64, m: i64, y: i64) -> Option<Date> {
    Date::new(y, m, d)
}

/// The seed with five months of 2022 and a copy of its agreement for 2023.
fn busy() -> Workspace {
    let mut ws = odenwaldkreis();
    for (m, v) in [(1, 50.0), (2, 55.0), (3, 60.0), (4, 65.0), (5, 70.0)] {
        ws.values.record(
            key("INT", 2022, Some(m)),
            Amount::Number(v),
            date(28, m + 1, 2022),
            "",
        );
    }
    let from = ws.agreement_for(Year::new(2022).unwrap()).unwrap().id;
    ws.copy_agreement(from, Year::new(2023).unwrap()).unwrap();
    ws
}

#[test]
fn export_and_read_give_the_same_workspace() {
    for ws in [
        odenwaldkreis(),
        busy(),
        Workspace::empty("Jobcenter Musterkreis"),
    ] {
        let text = export(&ws);
        assert!(
            text.starts_with("{\n  \"schema_version\": 3,"),
            "{}",
            &text[..40]
        );
        assert_eq!(read(text.as_bytes(), Lang::De), Ok(ws.clone()));
        // With a BOM, as an editor on Windows may save it.
        let bom = format!("\u{FEFF}{text}");
        assert_eq!(read(bom.as_bytes(), Lang::De), Ok(ws));
    }
    assert_eq!(
        file_name(Date::new(2026, 11, 26).unwrap()),
        "zielsteuerung-sicherung-2026-11-26.json"
    );
}

#[test]
fn the_stored_document_of_an_older_build_is_a_backup_too() {
    // Builds before schema 3 stored the whole document with its stamp in front.
    let body = busy().to_json().unwrap();
    let text = format!(r#"{{"revision":12,"schreiber":"t-a1",{}"#, &body[1..]);
    assert_eq!(read(text.as_bytes(), Lang::De), Ok(busy()));
}

#[test]
fn unreadable_files_say_why_in_either_language() {
    let err = |bytes: &[u8]| read(bytes, Lang::De).unwrap_err();
    assert_eq!(err(b""), "Die Datei ist leer.");
    assert_eq!(
        err(b"Kennzahl;Jahr\nINT;2022"),
        "Die Datei ist keine Sicherung der Zielsteuerung: Sie enthält kein gültiges JSON (ist sie unvollständig, \
         oder ist es eine andere Datei?)."
    );
    let cut = export(&busy());
    assert!(err(&cut.as_bytes()[..cut.len() / 2]).contains("kein gültiges JSON"));
    assert_eq!(
        err(br#"{"organisation":"x"}"#),
        "Den Daten fehlt die Schemaversion; sie stammen nicht aus der Zielsteuerung."
    );
    assert!(
        err(br#"{"schema_version":4}"#)
            .contains("neueren Version der Zielsteuerung (Schemaversion 4")
    );
    assert!(
        err(br#"{"schema_version":1,"organisation":5}"#)
            .starts_with("Die Daten sind kein gültiger Arbeitsbereich")
    );
    assert_eq!(
        read(b"[1,2", Lang::En).unwrap_err(),
        "The file is not a Zielsteuerung backup: it holds no valid JSON (is it cut off, or another file?)."
    );
}

#[test]
fn inconsistent_backups_are_refused_as_a_whole() {
    let mut twice = busy();
    let mut copy = twice.agreements[0].as_ref().clone();
    copy.id = crate::domain::agreement::AgreementId(99);
    for t in &mut copy.targets {
        t.id.0 += 1000;
    }
    twice.agreements.push(std::sync::Arc::new(copy));
    let err = read(export(&twice).as_bytes(), Lang::De).unwrap_err();
    assert_eq!(
        err,
        "Die Sicherung ist in sich nicht stimmig und wurde nicht eingelesen: Für 2021 gibt es mehr als eine \
         Zielvereinbarung."
    );

    let mut unknown = busy();
    unknown
        .values
        .record(key("XYZ", 2022, Some(1)), Amount::Number(1.0), None, "");
    let err = read(export(&unknown).as_bytes(), Lang::En).unwrap_err();
    assert_eq!(
        err,
        "The backup is not consistent and was not read: There are values of the unknown indicator “XYZ”."
    );

    let mut same_ids = busy();
    let first = std::sync::Arc::make_mut(&mut same_ids.agreements[0]).targets[0].id;
    std::sync::Arc::make_mut(&mut same_ids.agreements[1]).targets[0].id = first;
    assert!(
        read(export(&same_ids).as_bytes(), Lang::De)
            .unwrap_err()
            .contains("Eine Zielnummer in der Zielvereinbarung 2022 ist doppelt vergeben.")
    );
}

#[test]
fn merging_a_backup_into_itself_changes_nothing() {
    let ws = busy();
    let (merged, report) = merge(&ws, &ws, Lang::De);
    assert_eq!(merged, ws);
    assert_eq!(report.values_unchanged, ws.values.len());
    assert!(report.conflicts.is_empty() && report.agreements_added.is_empty());
}

#[test]
fn merge_takes_new_things_and_settles_each_conflict_by_datenstand() {
    // Here: the seed with January to March; there: January equal, February newer, March older, April new,
    // and the 2023 agreement.
    let mut here = odenwaldkreis();
    here.values.record(
        key("INT", 2022, Some(1)),
        Amount::Number(50.0),
        date(28, 2, 2022),
        "",
    );
    here.values.record(
        key("INT", 2022, Some(2)),
        Amount::Number(55.0),
        date(31, 3, 2022),
        "",
    );
    here.values.record(
        key("INT", 2022, Some(3)),
        Amount::Number(61.0),
        date(30, 6, 2022),
        "revidiert",
    );
    let mut there = busy();
    there.values.record(
        key("INT", 2022, Some(2)),
        Amount::Number(56.0),
        date(30, 4, 2022),
        "",
    );
    let (merged, report) = merge(&here, &there, Lang::De);
    assert_eq!(report.values_added, 2, "April and May");
    assert_eq!(report.values_replaced, 1, "February");
    assert_eq!(report.values_kept, 1, "March");
    assert_eq!(
        report.values_unchanged, 3,
        "January and the two annual values of 2021"
    );
    assert_eq!(report.agreements_added, vec!["2023".to_string()]);
    assert_eq!(
        report.conflicts,
        vec![
            "INT Insgesamt, Februar 2022: hier 55 (Datenstand 31.03.2022), in der Sicherung 56 (Datenstand \
             30.04.2022); der Wert der Sicherung gilt (neuerer Datenstand)."
                .to_string(),
            "INT Insgesamt, März 2022: hier 61 (Datenstand 30.06.2022), in der Sicherung 60 (Datenstand \
             28.04.2022); Ihr Wert bleibt (neuerer Datenstand)."
                .to_string(),
        ]
    );
    let get = |m| merged.values.get(&key("INT", 2022, Some(m))).unwrap();
    assert_eq!(get(2).current.amount, Amount::Number(56.0));
    // Both 55s stay in the history: this workspace's (31.03.) and the one the backup had replaced (28.03.).
    assert_eq!(get(2).history.len(), 2);
    assert_eq!(get(2).history[0].as_of, date(28, 3, 2022));
    assert_eq!(get(2).history[1].as_of, date(31, 3, 2022));
    assert_eq!(get(3).current.amount, Amount::Number(61.0));
    assert_eq!(
        get(3).history[0].amount,
        Amount::Number(60.0),
        "the backup's older 60 is kept too"
    );
    assert_eq!(get(5).current.amount, Amount::Number(70.0));
    // The 2023 agreement came with fresh numbers that collide with nothing.
    assert_eq!(merged.agreements.len(), 3);
    let mut ids: Vec<u32> = merged
        .agreements
        .iter()
        .flat_map(|a| a.targets.iter().map(|t| t.id.0))
        .collect();
    let n = ids.len();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), n);
    assert!(crate::domain::check::problems(&merged, Lang::De).is_empty());
    assert_eq!(
        report.summary(Lang::De),
        "Zusammenführen: 2 Werte neu, 1 durch neueren Datenstand ersetzt, 1 bleiben, 3 gleich; \
         Zielvereinbarungen neu: 2023; eigene Kennzahlen neu: keine."
    );
    assert_eq!(
        report.summary(Lang::En),
        "Merge: 2 figures new, 1 replaced by a newer as-of date, 1 stay, 3 equal; agreements new: 2023; own \
         indicators new: none."
    );
    // `here` itself is untouched.
    assert_eq!(here.values.len(), 5);
}

#[test]
fn merge_keeps_this_workspace_where_definitions_differ() {
    let here = busy();
    let mut there = busy();
    std::sync::Arc::make_mut(&mut there.agreements[0]).partner = "Ein anderes Ministerium".into();
    there.organisation = "Andere".into();
    there.values.record(
        key("INT", 2022, Some(1)),
        Amount::Number(49.0),
        date(28, 2, 2022),
        "",
    );
    let (merged, report) = merge(&here, &there, Lang::En);
    assert_eq!(merged.agreements, here.agreements);
    assert_eq!(merged.organisation, here.organisation);
    assert_eq!(
        report.conflicts,
        vec![
            "Agreement 2021: the backup holds a different version; yours stays.".to_string(),
            "INT Total, January 2022: here 50 (as of 28/02/2022), in the backup 49 (as of 28/02/2022); yours \
             stays (same as-of date)."
                .to_string(),
        ]
    );
}

#[test]
fn describe_says_what_a_backup_holds() {
    assert_eq!(
        describe(&busy(), Lang::De),
        "Sicherung von „Kommunales Job-Center (KJC) Odenwaldkreis“: Zielvereinbarungen 2021, 2022, 2023; 7 Werte, neuester \
         Datenstand 28.06.2022."
    );
}

/// Backups as schema versions 1 and 2 wrote them, frozen in the repository: every later version must still read
/// them (through `workspace::migrate`), so a schema change that forgets its migration fails here.
#[test]
fn frozen_backups_of_every_schema_still_read() {
    for text in [
        include_str!("../../../tests/fixtures/sicherung-schema-1.json"),
        include_str!("../../../tests/fixtures/sicherung-schema-2.json"),
    ] {
        let ws = read(text.as_bytes(), Lang::De).unwrap();
        assert_eq!(ws.organisation, "Kommunales Job-Center (KJC) Odenwaldkreis");
        assert_eq!(
            ws.agreement_years()
                .iter()
                .map(|y| y.get())
                .collect::<Vec<_>>(),
            vec![2021, 2022, 2023]
        );
        assert_eq!(ws.values.len(), 7);
        let may = ws.values.get(&key("INT", 2022, Some(5))).unwrap();
        assert_eq!(may.current.amount, Amount::Number(70.0));
        assert_eq!(may.current.as_of, date(28, 6, 2022));
        let lzb = ws.values.get(&key("LZB", 2021, None)).unwrap();
        assert_eq!(lzb.current.amount, Amount::Number(2035.0));
        assert_eq!(
            ws.agreement_for(Year::new(2022).unwrap())
                .unwrap()
                .targets
                .len(),
            10
        );
        // Both versions hold the same workspace.
        assert_eq!(ws, busy());
    }
}

/// Freezes the current schema's backup (run once per schema version; an existing fixture is never rewritten):
/// `cargo test --lib --no-default-features write_fixture_of_this_schema -- --ignored`.
#[test]
#[ignore]
fn write_fixture_of_this_schema() {
    let path = format!(
        "tests/fixtures/sicherung-schema-{}.json",
        crate::domain::workspace::SCHEMA_VERSION
    );
    assert!(!std::path::Path::new(&path).exists(), "{path} is frozen");
    std::fs::create_dir_all("tests/fixtures").unwrap();
    std::fs::write(&path, export(&busy())).unwrap();
}

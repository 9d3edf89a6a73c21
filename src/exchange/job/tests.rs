use super::*;
use crate::core::calendar::{Date, Month, Year};
use crate::domain::example::odenwaldkreis;
use crate::domain::indicator::IndicatorCode;
use crate::domain::synthetic::large_workspace;
use crate::domain::values::{Amount, Population, ValueKey};

fn int(year: i64, month: i64) -> ValueKey {
    ValueKey {
        indicator: IndicatorCode::new("INT"),
        population: Population::Total,
        year: Year::new(year).unwrap(),
        month: Some(Month::new(month).unwrap()),
    }
}

/// The seed with January and February 2022 recorded.
fn seed_with_two() -> Workspace {
    let mut ws = odenwaldkreis();
    ws.values.record(
        int(2022, 1),
        Amount::Number(50.0),
        Date::new(2022, 2, 28),
        "",
    );
    ws.values.record(
        int(2022, 2),
        Amount::Number(55.0),
        Date::new(2022, 3, 31),
        "",
    );
    ws
}

#[test]
fn a_workspace_in_parts_comes_back_whole() {
    let large = large_workspace(3, 5);
    for ws in [
        odenwaldkreis(),
        seed_with_two(),
        large.clone(),
        Workspace::empty("Jobcenter Musterkreis"),
    ] {
        let all = parts::all(&ws).unwrap();
        assert_eq!(all.len(), 1 + ws.agreements.len() + ws.values.years().len());
        assert_eq!(parts::read_all(&all).unwrap(), ws);
        // Part by part, as the page reads them between frames.
        let mut read = parts::read_head(&all[0]).unwrap();
        assert!(read.values.is_empty(), "the head holds no values");
        assert!(read.agreements.is_empty(), "nor agreements");
        for text in &all[1..] {
            parts::read_part(&mut read, text).unwrap();
        }
        assert_eq!(read, ws);
    }
    // 3 years × 5 indicators × 3 populations × 13 slots: the head, 3 agreements, 3 years.
    assert_eq!(large.values.years().len(), 3);
    assert_eq!(large.agreements.len(), 3);
    assert_eq!(parts::all(&large).unwrap().len(), 7);
}

#[test]
fn a_part_that_does_not_read_is_an_error_not_a_loss() {
    let ws = seed_with_two();
    let mut all = parts::all(&ws).unwrap();
    let last = all.len() - 1;
    let half = all[last].len() / 2;
    all[last].truncate(half);
    assert!(parts::read_all(&all).is_err());
    assert!(parts::read_all(&[]).is_err());
    let mut head = parts::read_head(&all[0]).unwrap();
    assert!(parts::read_part(&mut head, "[{").is_err());
    assert!(parts::read_part(&mut head, "{").is_err());
    assert!(head.values.is_empty(), "nothing half-read was put in");
    assert!(head.agreements.is_empty());
}

#[test]
fn a_backup_of_this_workspace_is_previewed_for_merging_first() {
    let here = odenwaldkreis();
    let there = seed_with_two();
    let file = backup::export(&there);
    let mut steps = Vec::new();
    let prepared = prepare(Kind::Backup, &here, file.as_bytes(), Lang::De, &mut |s| {
        steps.push(s);
    })
    .unwrap();
    assert_eq!(steps, [Step::Reading, Step::Merging, Step::Handing]);
    let Prepared::Backup {
        preview,
        incoming,
        merged,
    } = prepared
    else {
        panic!("a backup gives a backup's preview");
    };
    assert_eq!(incoming, there);
    // The seed's two annual figures (718 integrations, 2.035 long-term recipients) and the two months.
    assert_eq!(merged.values.len(), 4);
    assert!(preview.merge_first && preview.can_merge);
    assert_eq!(preview.warning, None);
    assert_eq!(
        preview.described,
        "Sicherung von „Kommunales Job-Center (KJC) Odenwaldkreis“: Zielvereinbarungen 2021, 2022; 4 Werte, neuester \
         Datenstand 31.03.2022."
    );
    assert_eq!(
        preview.counts.as_deref(),
        Some(
            "Zusammenführen: 2 Werte neu, 0 durch neueren Datenstand ersetzt, 0 bleiben, 2 gleich; \
             Zielvereinbarungen neu: keine; eigene Kennzahlen neu: keine."
        )
    );
    assert!(preview.conflicts.is_empty());
    assert_eq!(
        BackupPreview::from_texts(&preview.to_texts()),
        Some(preview)
    );
}

#[test]
fn a_preview_travels_as_texts_and_comes_back_the_same() {
    let backup = BackupPreview {
        described: "Sicherung von „Jobcenter B“: Zielvereinbarungen 2022; 3 Werte.".into(),
        merge_first: false,
        can_merge: true,
        warning: Some("Eine Sicherung von „Jobcenter B“.".into()),
        example_note: None,
        counts: Some("Zusammenführen: 1 Werte neu".into()),
        conflicts: vec![
            "INT Insgesamt, Mai 2022: hier 62, in der Sicherung 64".into(),
            "K3: …".into(),
        ],
    };
    let texts = backup.to_texts();
    assert_eq!(texts[1], "-m");
    assert_eq!(texts.len(), 7);
    assert_eq!(BackupPreview::from_texts(&texts), Some(backup));
    assert_eq!(BackupPreview::from_texts(&texts[..4]), None);
    let csv = CsvPreview {
        summary: "1 neu · 0 ersetzt · 0 unverändert · 0 älter als vorhanden · 1 abgelehnt".into(),
        changes: true,
        lines: vec![
            ReportLine {
                number: 3,
                what: "XYZ;Insgesamt".into(),
                result: "abgelehnt: …".into(),
                rejected: true,
            },
            ReportLine {
                number: 2,
                what: "INT Insgesamt, Januar 2022 = 58".into(),
                result: "neu".into(),
                rejected: false,
            },
        ],
        more: 12,
    };
    let texts = csv.to_texts();
    assert_eq!(
        &texts[..4],
        [
            "1 neu · 0 ersetzt · 0 unverändert · 0 älter als vorhanden · 1 abgelehnt",
            "1",
            "12",
            "3"
        ]
    );
    assert_eq!(CsvPreview::from_texts(&texts), Some(csv));
    assert_eq!(CsvPreview::from_texts(&texts[..5]), None, "a line cut off");
    let mut bad = texts.clone();
    bad[3] = "drei".into();
    assert_eq!(CsvPreview::from_texts(&bad), None);
}

#[test]
fn a_file_that_is_no_backup_is_refused_with_its_reason() {
    let mut steps = Vec::new();
    let refused = prepare(
        Kind::Backup,
        &odenwaldkreis(),
        b"Kennzahl;Jahr\nINT;2022\n",
        Lang::De,
        &mut |s| steps.push(s),
    );
    assert_eq!(
        refused,
        Err(
            "Die Datei ist keine Sicherung der Zielsteuerung: Sie enthält kein gültiges JSON (ist sie \
             unvollständig, oder ist es eine andere Datei?)."
                .into()
        )
    );
    assert_eq!(steps, [Step::Reading]);
    assert_eq!(
        prepare(Kind::Csv, &odenwaldkreis(), b"", Lang::En, &mut |_| {}),
        Err("The file is empty.".into())
    );
}

#[test]
fn a_csv_is_previewed_with_its_rejected_lines_first() {
    let text = "Kennzahl;Personengruppe;Jahr;Monat;Wert;Zähler;Nenner;Datenstand;Kommentar\n\
                INT;Insgesamt;2022;1;58;;;31.01.2022;\n\
                XYZ;Insgesamt;2022;1;5;;;;\n";
    let base = odenwaldkreis();
    let Prepared::Csv { preview, result } =
        prepare(Kind::Csv, &base, text.as_bytes(), Lang::De, &mut |_| {}).unwrap()
    else {
        panic!("a CSV gives a CSV's preview");
    };
    assert_eq!(
        preview.summary,
        "1 neu · 0 ersetzt · 0 unverändert · 0 älter als vorhanden · 1 abgelehnt"
    );
    assert!(preview.changes);
    assert_eq!(preview.more, 0);
    assert_eq!(
        CsvPreview::from_texts(&preview.to_texts()).as_ref(),
        Some(&preview)
    );
    let listed: Vec<(usize, bool, &str)> = preview
        .lines
        .iter()
        .map(|l| (l.number, l.rejected, l.result.as_str()))
        .collect();
    assert_eq!(
        listed,
        [
            (3, true, "abgelehnt: die Kennzahl „XYZ“ gibt es nicht"),
            (2, false, "neu"),
        ]
    );
    assert_eq!(
        result.values.get(&int(2022, 1)).map(|v| v.current.amount),
        Some(Amount::Number(58.0))
    );
    assert_eq!(base.values.len(), 2, "the base is not touched");
    assert_eq!(result.values.len(), 3);
}

#[test]
fn a_long_csv_lists_the_first_300_lines_and_counts_the_rest() {
    let mut text = String::from(
        "Kennzahl;Personengruppe;Jahr;Monat;Wert;Zähler;Nenner;Datenstand;Kommentar\n",
    );
    for year in 2015..=2022 {
        for month in 1..=12 {
            for population in ["Insgesamt", "Frauen", "Männer", "Divers"] {
                text.push_str(&format!("INT;{population};{year};{month};10;;;;\n"));
            }
        }
    }
    let Prepared::Csv { preview, .. } = prepare(
        Kind::Csv,
        &odenwaldkreis(),
        text.as_bytes(),
        Lang::De,
        &mut |_| {},
    )
    .unwrap() else {
        panic!("a CSV gives a CSV's preview");
    };
    // 8 years × 12 months × 4 populations = 384 lines, 96 of them "Divers" (rejected), listed first.
    assert_eq!(preview.lines.len(), 300);
    assert_eq!(preview.more, 84);
    assert_eq!(preview.lines.iter().filter(|l| l.rejected).count(), 96);
    assert_eq!(
        preview.summary,
        "288 neu · 0 ersetzt · 0 unverändert · 0 älter als vorhanden · 96 abgelehnt"
    );
}

#[test]
fn kinds_and_steps_have_one_code_each_and_steps_say_themselves() {
    for kind in [Kind::Backup, Kind::Csv] {
        assert_eq!(Kind::from_code(kind.code()), Some(kind));
    }
    assert_eq!(Kind::Backup.code(), "sicherung");
    assert_eq!(Kind::from_code("xlsx"), None);
    for step in [Step::Reading, Step::Merging, Step::Handing] {
        assert_eq!(Step::from_code(step.code()), Some(step));
    }
    assert_eq!(Step::from_code(""), None);
    assert_eq!(
        Step::Reading.text(Lang::De),
        "Die Datei wird gelesen und geprüft …"
    );
    assert_eq!(Step::Merging.text(Lang::En), "Merging the backup …");
    assert_eq!(
        Step::Handing.text(Lang::De),
        "Die Vorschau wird vorbereitet …"
    );
}

#[test]
fn a_large_backup_counts_its_values_with_thousands_separators() {
    let ws = large_workspace(1, 40);
    assert_eq!(
        ws.values.len(),
        1_440,
        "40 indicators × 3 populations × 12 months"
    );
    let de = backup::describe(&ws, Lang::De);
    assert!(de.contains("; 1.440 Werte"), "{de}");
    let en = backup::describe(&ws, Lang::En);
    assert!(en.contains("; 1,440 values"), "{en}");
}

#[test]
fn another_job_centres_file_becomes_a_member_in_parts_and_ones_own_is_refused() {
    let mut there = seed_with_two();
    there.example = false;
    there.organisation = "Jobcenter  Bergstraße".into();
    let file = backup::export(&there);
    let ministry =
        Workspace::empty("Hessisches Ministerium für Arbeit, Integration, Jugend und Soziales");
    let mut steps = Vec::new();
    let prepared = prepare(
        Kind::Member,
        &ministry,
        file.as_bytes(),
        Lang::De,
        &mut |s| steps.push(s),
    )
    .unwrap();
    assert_eq!(steps, [Step::Reading, Step::Handing]);
    let Prepared::Member { preview, incoming } = prepared else {
        panic!("a member's file gives a member's preview");
    };
    assert_eq!(incoming, there);
    assert_eq!(preview.name, "Jobcenter  Bergstraße");
    assert_eq!(preview.key, "jobcenter bergstraße");
    // The newest Datenstand: February's figure, drawn on 31 March 2022.
    assert_eq!(preview.as_of, Date::new(2022, 3, 31));
    assert_eq!(preview.agreements, 2);
    assert_eq!(
        preview.years.iter().map(|y| y.get()).collect::<Vec<_>>(),
        [2021, 2022]
    );
    // Through the worker and back as texts, and its parts in the order the preview says.
    assert_eq!(
        MemberPreview::from_texts(&preview.to_texts()),
        Some(preview.clone())
    );
    assert_eq!(
        &preview.to_texts()[3..],
        ["2022-03-31", "2", "2021", "2022"]
    );
    assert_eq!(parts::all(&incoming).unwrap().len(), 1 + 2 + 2);
    assert_eq!(MemberPreview::from_texts(&["a".into(), "b".into()]), None);

    // A file of one's own organisation is no member (however its name is spaced and cased).
    let own = Workspace::empty("JOBCENTER Bergstraße");
    let refused = prepare(Kind::Member, &own, file.as_bytes(), Lang::De, &mut |_| {});
    assert_eq!(
        refused,
        Err("Die Datei ist von Ihrer eigenen Organisation („Jobcenter  Bergstraße“). Ihr eigener Arbeitsbereich \
             nimmt am Vergleich schon teil, wenn Sie ihn dort einschließen; als Mitglied wird er nicht aufgenommen."
            .into())
    );
    // The example is nobody's own: the seed's own file is taken beside it.
    let seed = backup::export(&seed_with_two());
    assert!(
        prepare(
            Kind::Member,
            &odenwaldkreis(),
            seed.as_bytes(),
            Lang::De,
            &mut |_| {}
        )
        .is_ok()
    );
    // No backup at all: the backup reader's reason.
    assert!(
        prepare(
            Kind::Member,
            &ministry,
            b"Kennzahl;Jahr\n",
            Lang::De,
            &mut |_| {}
        )
        .is_err()
    );
    assert_eq!(Kind::from_code("mitglied"), Some(Kind::Member));
}

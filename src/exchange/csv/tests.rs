use super::write::*;
use super::*;
use crate::domain::example::odenwaldkreis;
use crate::domain::indicator::IndicatorCode;

fn key(code: &str, population: Population, year: i64, month: Option<i64>) -> ValueKey {
    ValueKey {
        indicator: IndicatorCode::new(code),
        population,
        year: Year::new(year).unwrap(),
        month: month.map(|m| Month::new(m).unwrap()),
    }
}

fn date(d: i64, m: i64, y: i64) -> Option<Date> {
    Date::new(y, m, d)
}

const HEAD: &str = "Kennzahl;Personengruppe;Jahr;Monat;Wert;Zähler;Nenner;Datenstand;Kommentar";

#[test]
fn export_of_the_seed_for_german_excel() {
    let csv = export(&odenwaldkreis(), None);
    assert_eq!(
        csv,
        "\u{FEFF}Kennzahl;Personengruppe;Jahr;Monat;Wert;Zähler;Nenner;Datenstand;Kommentar\r\n\
         INT;Insgesamt;2021;;718;;;;Pressemitteilung des Odenwaldkreises zur Zielvereinbarung 2022\r\n\
         LZB;Insgesamt;2021;;2035;;;;Jahresdurchschnitt laut Pressemitteilung des Odenwaldkreises zur \
         Zielvereinbarung 2022\r\n"
    );
    // Only the header for a year without values.
    assert_eq!(
        export(&odenwaldkreis(), Year::new(2022)),
        format!("\u{FEFF}{HEAD}\r\n")
    );
}

#[test]
fn numbers_quotas_dates_and_guarded_comments() {
    let mut ws = odenwaldkreis();
    ws.values.record(
        key("K2E3", Population::Total, 2022, Some(3)),
        Amount::ratio(412.0, 709.0).unwrap(),
        date(31, 3, 2022),
        "=HYPERLINK(\"http://x\";\"klick\")",
    );
    ws.values.record(
        key("LLU", Population::Total, 2022, Some(1)),
        Amount::Number(-120000.5),
        date(31, 1, 2022),
        "-5 % wegen Korrektur; siehe Notiz",
    );
    ws.values.record(
        key("INT", Population::Women, 2022, Some(5)),
        Amount::Number(62.0),
        date(30, 6, 2022),
        "@SUM(A1)\nzweite Zeile",
    );
    let csv = export(&ws, Year::new(2022));
    let lines: Vec<&str> = csv.split("\r\n").collect();
    assert_eq!(lines[0], format!("\u{FEFF}{HEAD}"));
    assert_eq!(
        lines[1],
        "INT;Frauen;2022;5;62;;;30.06.2022;\"'@SUM(A1)\nzweite Zeile\""
    );
    assert_eq!(
        lines[2],
        "K2E3;Insgesamt;2022;3;;412;709;31.03.2022;\"'=HYPERLINK(\"\"http://x\"\";\"\"klick\"\")\""
    );
    assert_eq!(
        lines[3],
        "LLU;Insgesamt;2022;1;-120000,5;;;31.01.2022;\"'-5 % wegen Korrektur; siehe Notiz\""
    );
    // The fullwidth equals sign is a formula to LibreOffice too.
    let mut hostile = odenwaldkreis();
    hostile.values.record(
        key("INT", Population::Men, 2022, Some(1)),
        Amount::Number(30.0),
        None,
        "\u{ff1d}1+1",
    );
    let text = export(&hostile, Year::new(2022));
    assert!(text.contains(";'\u{ff1d}1+1"), "{text}");
    assert_eq!(number(0.1), "0,1");
    assert_eq!(number(2030.0), "2030");
    assert_eq!(number(58.125), "58,125");
    // And back: the same values, the guard removed.
    let mut empty = ws.clone();
    empty.values = Default::default();
    let back = import(&empty, csv.as_bytes(), Lang::De).unwrap();
    assert_eq!(back.counts().added, 3, "{:?}", back.lines);
    assert_eq!(back.workspace.values, {
        let mut only_2022 = ws.clone();
        for k in [
            key("INT", Population::Total, 2021, None),
            key("LZB", Population::Total, 2021, None),
        ] {
            only_2022.values.remove(&k);
        }
        only_2022.values
    });
    let comment = &back
        .workspace
        .values
        .get(&key("K2E3", Population::Total, 2022, Some(3)))
        .unwrap()
        .current
        .comment;
    assert_eq!(comment, "=HYPERLINK(\"http://x\";\"klick\")");
}

#[test]
fn round_trip_of_the_seed_gives_the_same_values() {
    let ws = odenwaldkreis();
    let mut empty = ws.clone();
    empty.values = Default::default();
    let back = import(&empty, export(&ws, None).as_bytes(), Lang::De).unwrap();
    assert_eq!(back.workspace, ws);
    assert_eq!(
        back.summary(Lang::De),
        "2 neu · 0 ersetzt · 0 unverändert · 0 älter als vorhanden · 0 abgelehnt"
    );
    // Importing the same file again changes nothing.
    let again = import(&ws, export(&ws, None).as_bytes(), Lang::De).unwrap();
    assert_eq!(again.counts().unchanged, 2);
    assert!(!again.changes_anything());
    assert_eq!(again.workspace, ws);
}

/// What a German Excel writes with "CSV (Trennzeichen-getrennt)": Windows-1252, no BOM, CRLF, "Männer" as
/// 0xE4, numbers as displayed ("1.234,5"), dates as "31.05.2022", a quoted field with a semicolon.
#[test]
fn excel_windows_1252_file_is_read() {
    let mut bytes: Vec<u8> = Vec::new();
    bytes.extend_from_slice(
        b"Kennzahl;Personengruppe;Jahr;Monat;Wert;Z\xE4hler;Nenner;Datenstand;Kommentar\r\n",
    );
    bytes.extend_from_slice(b"INT;Frauen;2022;1;48;;;31.01.2022;\r\n");
    bytes
        .extend_from_slice(b"INT;M\xE4nner;2022;1;72;;;31.01.2022;\"Nachmeldung; gepr\xFCft\"\r\n");
    bytes.extend_from_slice(b"LZB;Insgesamt;2022;1;2.012;;;31.01.2022;\r\n");
    bytes.extend_from_slice(b"LLU;Insgesamt;2022;1;1.234.567,50 \x80;;;31.01.2022;\r\n");
    bytes.extend_from_slice(b"K2E3;Insgesamt;2022;1;58,1 %;43;74;31.01.2022;\r\n");
    bytes.extend_from_slice(b";;;;;;;;\r\n");
    let result = import(&odenwaldkreis(), &bytes, Lang::De).unwrap();
    assert_eq!(result.counts().added, 5, "{:?}", result.lines);
    assert_eq!(result.separator, ';');
    let v = |k| result.workspace.values.get(&k).unwrap().current.clone();
    assert_eq!(
        v(key("INT", Population::Men, 2022, Some(1))).amount,
        Amount::Number(72.0)
    );
    assert_eq!(
        v(key("INT", Population::Men, 2022, Some(1))).comment,
        "Nachmeldung; geprüft"
    );
    assert_eq!(
        v(key("LZB", Population::Total, 2022, Some(1))).amount,
        Amount::Number(2012.0)
    );
    assert_eq!(
        v(key("LLU", Population::Total, 2022, Some(1))).amount,
        Amount::Number(1234567.5)
    );
    assert_eq!(
        v(key("K2E3", Population::Total, 2022, Some(1))).amount,
        Amount::ratio(43.0, 74.0).unwrap()
    );
    assert_eq!(
        v(key("INT", Population::Women, 2022, Some(1))).as_of,
        date(31, 1, 2022)
    );
    // Line numbers count the header as line 1.
    assert_eq!(
        result.lines.iter().map(|l| l.number).collect::<Vec<_>>(),
        vec![2, 3, 4, 5, 6]
    );
    assert_eq!(
        result.lines[0].what,
        "INT Frauen, Januar 2022 = 48 (Datenstand 31.01.2022)"
    );
}

/// Tab-separated (Excel "Text (Tabstopp-getrennt)" and "Unicode-Text" in UTF-16), LF or CR only, columns in
/// another order, an extra column, a quoted field across two lines, English headers.
#[test]
fn tabs_utf16_other_order_and_line_breaks() {
    let text = "Jahr\tMonat\tKennzahl\tPersonengruppe\tWert\tBezeichnung\tKommentar\n\
                2022\t2\tint\tinsgesamt\t130\tIntegrationen\t\"zwei\nZeilen\"\n\
                2022\tMärz\tINT\tgesamt\t175\tIntegrationen\t\n";
    let utf16: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    let result = import(&odenwaldkreis(), &utf16, Lang::De).unwrap();
    assert_eq!(result.separator, '\t');
    assert_eq!(result.counts().added, 2, "{:?}", result.lines);
    assert_eq!(result.lines[1].number, 4, "the quoted line break counts");
    let feb = result
        .workspace
        .values
        .get(&key("INT", Population::Total, 2022, Some(2)))
        .unwrap();
    assert_eq!(feb.current.comment, "zwei\nZeilen");
    assert!(
        result
            .workspace
            .values
            .get(&key("INT", Population::Total, 2022, Some(3)))
            .is_some()
    );

    let old_mac = "Indicator;Population;Year;Month;Value\rINT;Women;2022;4;61\r";
    let result = import(&odenwaldkreis(), old_mac.as_bytes(), Lang::En).unwrap();
    assert_eq!(result.counts().added, 1, "{:?}", result.lines);
    assert_eq!(
        result.lines[0].what,
        "INT Women, April 2022 = 61 (no as-of date)"
    );
}

#[test]
fn comma_separated_files_use_decimal_points() {
    let text = "Kennzahl,Personengruppe,Jahr,Monat,Wert\r\nLLU,Insgesamt,2022,1,\"1,234.5\"\r\nINT,Insgesamt,2022,1,12.5\r\n";
    let result = import(&odenwaldkreis(), text.as_bytes(), Lang::De).unwrap();
    assert_eq!(result.separator, ',');
    assert_eq!(
        result
            .workspace
            .values
            .get(&key("LLU", Population::Total, 2022, Some(1)))
            .unwrap()
            .current
            .amount,
        Amount::Number(1234.5)
    );
    assert_eq!(
        result
            .workspace
            .values
            .get(&key("INT", Population::Total, 2022, Some(1)))
            .unwrap()
            .current
            .amount,
        Amount::Number(12.5)
    );
}

#[test]
fn a_published_rate_is_taken_and_absurd_figures_are_refused() {
    let text = format!(
        "{HEAD}\n\
         K2E3;Insgesamt;2022;1;58,1;;;31.01.2022;\n\
         INT;Insgesamt;2022;1;1e308;;;;\n\
         INT;Insgesamt;2022;2;1.000.000.000;;;;\n\
         K2E3;Insgesamt;2022;2;;1;0,0000557;;\n"
    );
    let ws = odenwaldkreis();
    let result = import(&ws, text.as_bytes(), Lang::De).unwrap();
    let outcomes: Vec<String> = result
        .lines
        .iter()
        .map(|l| l.outcome.text(Lang::De))
        .collect();
    assert_eq!(
        outcomes,
        [
            "neu",
            "abgelehnt: Wert: „1e308“ ist keine Zahl. Erlaubt sind Ziffern, Komma, Tausenderpunkte und ein \
             Vorzeichen, z. B. 1.234,5.",
            "abgelehnt: 1.000.000.000 ist größer, als diese Kennzahl sein kann (höchstens 100.000.000)",
            "abgelehnt: Zähler 1 und Nenner 0,0000557 ergeben eine Quote von 1.795.332 %; möglich sind höchstens \
             1.000 %",
        ]
    );
}

#[test]
fn every_bad_line_is_rejected_with_its_number_and_reason() {
    let text = format!(
        "{HEAD}\n\
         INT;Insgesamt;2022;1;120;;;31.01.2022;\n\
         XYZ;Insgesamt;2022;1;5;;;;\n\
         INT;Divers;2022;1;5;;;;\n\
         INT;Insgesamt;1999;1;5;;;;\n\
         INT;Insgesamt;2022;13;5;;;;\n\
         INT;Insgesamt;2022;2;12.5;;;;\n\
         INT;Insgesamt;2022;3;;;;;\n\
         K2E3;Insgesamt;2022;1;;40;;;\n\
         K2E3;Insgesamt;2022;2;;-1;70;;\n\
         K2E3;Insgesamt;2022;3;90;40;70;;\n\
         INT;Insgesamt;2022;4;5;1;2;;\n\
         K3;Insgesamt;2022;;-1,8;;;;\n\
         INT;Insgesamt;2022;5;7;;;32.05.2022;\n\
         INT;Insgesamt;2022;1;121;;;31.01.2022;\n\
         INT;Insgesamt;2022;6;7;;;;;x\n\
         ;Frauen;;;;;;;\n"
    );
    let ws = odenwaldkreis();
    let result = import(&ws, text.as_bytes(), Lang::De).unwrap();
    let reasons: Vec<(usize, String)> = result
        .lines
        .iter()
        .filter_map(|l| match &l.outcome {
            Outcome::Rejected(r) => Some((l.number, r.clone())),
            _ => None,
        })
        .collect();
    let expected = [
        (3, "die Kennzahl „XYZ“ gibt es nicht"),
        (
            4,
            "Personengruppe „Divers“ ist nicht Insgesamt, Frauen oder Männer",
        ),
        (5, "Jahr „1999“ ist keine Jahreszahl von 2000 bis 2100"),
        (
            6,
            "Monat „13“ ist keine Zahl von 1 bis 12 (leer für einen Jahreswert)",
        ),
        (
            7,
            "Wert: „12.5“: Bitte das Komma als Dezimaltrennzeichen verwenden, z. B. 12,5.",
        ),
        (8, "der Wert fehlt"),
        (9, "K2E3 ist eine Quote: bitte Zähler und Nenner angeben"),
        (10, "Zähler und Nenner dürfen nicht negativ sein"),
        (11, "der Wert 90 passt nicht zu Zähler 40 und Nenner 70"),
        (
            12,
            "INT ist keine Quote: Zähler und Nenner bitte leer lassen",
        ),
        (
            13,
            "K3 wird aus den Werten des Vorjahres berechnet und nimmt keine eigenen Werte an",
        ),
        (14, "Datenstand „32.05.2022“ ist kein Datum (TT.MM.JJJJ)"),
        (15, "derselbe Wert steht schon in Zeile 2"),
        (16, "die Zeile hat mehr Spalten als die Kopfzeile"),
        (17, "die Kennzahl fehlt; das Jahr fehlt"),
    ];
    for (got, want) in reasons.iter().zip(expected.iter()) {
        assert_eq!((got.0, got.1.as_str()), *want);
    }
    assert_eq!(reasons.len(), expected.len(), "{reasons:?}");
    assert_eq!(result.counts().added, 1);
    // The report lists the 15 rejected lines first, then the good line 2; with a limit, the rest is counted.
    let (listed, more) = result.listed(16);
    assert_eq!(
        listed.iter().map(|l| l.number).collect::<Vec<_>>(),
        (3..=17).chain([2]).collect::<Vec<_>>()
    );
    assert_eq!(more, 0);
    let (listed, more) = result.listed(10);
    assert_eq!((listed.len(), listed[0].number, more), (10, 3, 6));
    assert_eq!(
        result.lines[0].outcome.text(Lang::De),
        "neu",
        "the good first line is still taken"
    );
    // English reasons.
    let en = import(&ws, text.as_bytes(), Lang::En).unwrap();
    let Outcome::Rejected(r) = &en.lines[1].outcome else {
        panic!()
    };
    assert_eq!(r, "there is no indicator “XYZ”");
}

#[test]
fn newer_datenstand_wins_and_the_report_says_so() {
    let mut ws = odenwaldkreis();
    let k = key("INT", Population::Total, 2022, Some(5));
    ws.values
        .record(k.clone(), Amount::Number(60.0), date(31, 5, 2022), "");
    let text = format!(
        "{HEAD}\nINT;Insgesamt;2022;5;62;;;30.06.2022;revidiert\nINT;Insgesamt;2021;;700;;;31.01.2021;\n"
    );
    let result = import(&ws, text.as_bytes(), Lang::De).unwrap();
    assert_eq!(
        result.lines[0].outcome,
        Outcome::Replaced {
            before: "60 (Datenstand 31.05.2022)".into()
        }
    );
    assert_eq!(
        result.lines[0].outcome.text(Lang::De),
        "ersetzt 60 (Datenstand 31.05.2022)"
    );
    let current = &result.workspace.values.get(&k).unwrap().current;
    assert_eq!(
        (current.amount, current.as_of),
        (Amount::Number(62.0), date(30, 6, 2022))
    );
    // The 2021 annual value has no Datenstand; a dated line replaces it (undated counts as older).
    assert_eq!(
        result.lines[1].outcome,
        Outcome::Replaced {
            before: "718 (ohne Datenstand)".into()
        }
    );
    // An older Datenstand loses.
    let older = format!("{HEAD}\nINT;Insgesamt;2022;5;59;;;30.04.2022;\n");
    let result = import(&ws, older.as_bytes(), Lang::De).unwrap();
    assert_eq!(
        result.lines[0].outcome.text(Lang::De),
        "nicht übernommen: vorhanden ist 60 (Datenstand 31.05.2022) (neuerer Datenstand)"
    );
    assert_eq!(
        result.workspace.values.get(&k).unwrap().current.amount,
        Amount::Number(60.0)
    );
    // It is kept in the history, so accepting still changes the workspace.
    assert!(result.changes_anything());
}

#[test]
fn files_that_are_no_values_file_say_why() {
    let ws = odenwaldkreis();
    let err = |bytes: &[u8]| import(&ws, bytes, Lang::De).unwrap_err();
    assert_eq!(err(b""), "Die Datei ist leer.");
    assert_eq!(err(b"\xEF\xBB\xBF\r\n\r\n"), "Die Datei ist leer.");
    assert_eq!(
        err(b"Name;Vorname\nMeier;Anna\n"),
        "Die erste Zeile muss die Spaltenköpfe enthalten: \
         Kennzahl;Personengruppe;Jahr;Monat;Wert;Zähler;Nenner;Datenstand;Kommentar. Gefunden wurde: „Name;Vorname“."
    );
    assert_eq!(
        err(HEAD.as_bytes()),
        "Die Datei enthält nur die Kopfzeile und keine Werte."
    );
    assert!(err(b"PK\x03\x04\x00\x00binary").starts_with("Die Datei ist keine Textdatei (CSV)."));
    assert_eq!(
        err(format!("{HEAD}\nKennzahl;x")
            .replace("Wert", "Kennzahl")
            .as_bytes()),
        "Die Spalte „Kennzahl“ steht zweimal in der Kopfzeile."
    );
    let unclosed = import(
        &ws,
        format!("{HEAD}\nINT;Insgesamt;2022;1;5;;;;\"offen\nINT;Insgesamt;2022;2;5;;;;\n")
            .as_bytes(),
        Lang::De,
    )
    .unwrap();
    assert_eq!(unclosed.lines.len(), 1);
    assert_eq!(unclosed.lines[0].number, 2);
    assert_eq!(
        unclosed.lines[0].outcome,
        Outcome::Rejected(
            "Ein Anführungszeichen wird nicht geschlossen; ab hier wurde die Datei nicht gelesen."
                .into()
        )
    );
    assert_eq!(unclosed.workspace, ws);
}

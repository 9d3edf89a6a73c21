// Helpers outside #[test] functions read back what the test wrote; a panic is a failing test.
#![allow(clippy::unwrap_used)]

use super::*;
use crate::core::calendar::Month;
use crate::domain::agreement::Subject;
use crate::domain::amount::Amount;
use crate::domain::comparison::{TypeCode, TypeHistory};
use crate::domain::example::odenwaldkreis;
use crate::domain::indicator::IndicatorCode;
use crate::domain::values::{Population, ValueKey};
use crate::domain::workspace::Workspace;
use crate::present::comparison::{Member, MemberYear, Selection, member_year, table};

mod workbook;

fn year(y: i64) -> Year {
    Year::new(y).unwrap()
}

const JUNE: [(i64, i64); 6] = [(1, 31), (2, 28), (3, 31), (4, 30), (5, 31), (6, 30)];

/// The example's workspace under another name with its integrations of 2022 month by month, each with the
/// Datenstand of its month's end.
fn job_centre(name: &str, months: &[f64]) -> Workspace {
    let mut ws = odenwaldkreis();
    ws.organisation = name.into();
    for ((m, last), value) in JUNE.iter().zip(months) {
        let key = ValueKey {
            indicator: IndicatorCode::new("INT"),
            population: Population::Total,
            year: year(2022),
            month: Month::new(*m),
        };
        let as_of = Date::new(2022, *m, *last);
        ws.values.record(key, Amount::Number(*value), as_of, "");
    }
    ws
}

/// The integrations of 2022 (≥ 770) through June: Fulda 360, Bergstraße 300 (the own workspace), both of type IIb;
/// of type Ia Marburg-Biedenkopf 300 through May (an older Datenstand) and "=SUMME(A1)" without an agreement.
fn comparison(lang: Lang) -> Table {
    let fulda = job_centre("Jobcenter Fulda", &[60.0; 6]);
    let bergstrasse = job_centre("Jobcenter Bergstraße", &[50.0, 55.0, 60.0, 65.0, 70.0, 0.0]);
    let marburg = job_centre(
        "Kreisjobcenter Marburg-Biedenkopf",
        &[50.0, 55.0, 60.0, 65.0, 70.0],
    );
    let mut formula = job_centre("=SUMME(A1)", &[]);
    formula.agreements.retain(|a| a.year != year(2022));
    let of_type = |code: &str| {
        let mut history = TypeHistory::default();
        history.set(year(2020), TypeCode::parse(code).unwrap());
        history
    };
    let (iib, ia) = (of_type("IIb"), of_type("Ia"));
    let members: Vec<MemberYear> = [
        ("fulda", &fulda, &iib, false),
        ("bergstrasse", &bergstrasse, &iib, true),
        ("marburg", &marburg, &ia, false),
        ("summe", &formula, &ia, false),
    ]
    .into_iter()
    .map(|(key, workspace, types, own)| {
        let member = Member {
            key,
            workspace,
            types,
            own,
        };
        member_year(&member, year(2022), lang)
    })
    .collect();
    let int = Selection::Figure(Subject {
        indicator: IndicatorCode::new("INT"),
        population: Population::Total,
    });
    table(&members, year(2022), &int, None, lang)
}

/// The CSV's records, split at the separator (no cell of these tables is quoted).
fn records(text: &str, separator: char) -> Vec<Vec<String>> {
    let body = text.strip_prefix('\u{FEFF}').unwrap();
    assert!(body.ends_with("\r\n"));
    body.split("\r\n")
        .map(|line| line.split(separator).map(str::to_owned).collect())
        .collect()
}

#[test]
fn the_german_csv_has_the_screens_columns_with_numbers_as_numbers() {
    let t = comparison(Lang::De);
    let text = csv(&t, "Vergleich 2022: Integrationen – Insgesamt", Lang::De);
    let rows = records(&text, ';');
    assert_eq!(
        rows[0],
        [
            "Vergleichstyp",
            "Jobcenter",
            "Eigener Arbeitsbereich",
            "Ziel",
            "Zielwert",
            "Wortlaut der Vereinbarung",
            "Ist",
            "Ist bis",
            "Abweichung",
            "Ist/Soll (%)",
            "Status",
            "Prognose",
            "Datenstand",
            "Älterer Stand",
            "Rang im Typ",
            "Rang von",
            "Median Ist/Soll im Typ (%)"
        ]
    );
    // Ia first (the IAB's order), its lines by name: "=SUMME(A1)" guarded, without an agreement: the reason in
    // the target's column, every figure empty (never 0). Ia's median is Marburg's 93,5 alone.
    assert_eq!(
        rows[1].join(";"),
        "Ia;'=SUMME(A1);;Keine Zielvereinbarung 2022;;;;;;;;;;;;;93,5"
    );
    // Marburg: 300 through May against 770 × 5/12 = 320,83: −20,83 shown as −21, 300/320,83 = 93,5 %; its
    // Datenstand 31.05.2022 is older than the newest, 30.06.2022. Linear: 300 / 5 × 12 = 720, which misses 770 by
    // 6,5 %, beyond the 5 % of "gefährdet": "kritisch", in words.
    assert_eq!(
        rows[2].join(";"),
        "Ia;Kreisjobcenter Marburg-Biedenkopf;;Integrationen – Insgesamt;≥ 770;;300;Mai;-21;93,5;\
         kritisch;720;31.05.2022;älterer Stand;1;1;93,5"
    );
    // IIb: against 770 × 6/12 = 385, Bergstraße (own) 300 → −85 and 77,9 %, Fulda 360 → −25 and 93,5 %; the median
    // (93,51 + 77,92) / 2 = 85,7.
    assert_eq!(
        rows[3][..10].join(";"),
        "IIb;Jobcenter Bergstraße;ja;Integrationen – Insgesamt;≥ 770;;300;Juni;-85;77,9"
    );
    assert_eq!(rows[3][12..].join(";"), "30.06.2022;;2;2;85,7");
    assert_eq!(
        rows[4].join(";"),
        "IIb;Jobcenter Fulda;;Integrationen – Insgesamt;≥ 770;;360;Juni;-25;93,5;kritisch;720;\
         30.06.2022;;1;2;85,7"
    );
    // The status in words as the screen's badge says it; the forecast as the screen shows it.
    let bergstrasse = &t.groups[1].lines[0];
    assert_eq!(
        rows[3][10],
        crate::present::status::label(bergstrasse.status.unwrap(), Lang::De)
    );
    assert_eq!(rows[3][11], bergstrasse.forecast.replace('.', ""));
    // After an empty line the title and the newest Datenstand; nothing else.
    assert_eq!(rows[5], [""]);
    assert_eq!(
        rows[6],
        [
            "Vergleich 2022: Integrationen – Insgesamt",
            "Neuester Datenstand: 30.06.2022"
        ]
    );
    assert_eq!(rows.len(), 8);
    assert!(rows.iter().all(|r| r.len() == 17 || r.len() <= 2));
}

#[test]
fn the_english_csv_has_commas_and_decimal_points() {
    let t = comparison(Lang::En);
    let text = csv(&t, "Comparison 2022: Integrations – Total", Lang::En);
    let rows = records(&text, ',');
    assert_eq!(
        rows[0],
        [
            "Comparison type",
            "Job centre",
            "Own workspace",
            "Target",
            "Target value",
            "Agreed wording",
            "Actual",
            "Actual to",
            "Deviation",
            "Actual/target (%)",
            "Status",
            "Forecast",
            "As of",
            "Older figures",
            "Rank in type",
            "Rank out of",
            "Median actual/target in type (%)"
        ]
    );
    assert_eq!(
        rows[1].join(","),
        "Ia,'=SUMME(A1),,No target agreement 2022,,,,,,,,,,,,,93.5"
    );
    assert_eq!(
        rows[2].join(","),
        "Ia,Kreisjobcenter Marburg-Biedenkopf,,Integrations – Total,≥ 770,,300,May,-21,93.5,critical,720,\
         2022-05-31,older,1,1,93.5"
    );
    assert_eq!(
        rows[3][..10].join(","),
        "IIb,Jobcenter Bergstraße,yes,Integrations – Total,≥ 770,,300,June,-85,77.9"
    );
    assert_eq!(
        rows[4].join(","),
        "IIb,Jobcenter Fulda,,Integrations – Total,≥ 770,,360,June,-25,93.5,critical,720,2022-06-30,,1,2,85.7"
    );
    assert_eq!(
        rows[6],
        [
            "Comparison 2022: Integrations – Total",
            "Newest as-of date: 30/06/2022"
        ]
    );
}

#[test]
fn a_text_with_the_separator_or_a_quote_is_quoted() {
    assert_eq!(field("Jobcenter A; B", Lang::De), "\"Jobcenter A; B\"");
    assert_eq!(field("Jobcenter A, B", Lang::De), "Jobcenter A, B");
    assert_eq!(field("Jobcenter A, B", Lang::En), "\"Jobcenter A, B\"");
    assert_eq!(field("„Ziel“ \"x\"", Lang::De), "\"„Ziel“ \"\"x\"\"\"");
    assert_eq!(field("-1", Lang::De), "'-1");
    assert_eq!(number(93.5, Lang::De), "93,5");
    assert_eq!(number(-25.0, Lang::En), "-25");
    assert_eq!(number(2030.0, Lang::De), "2030");
}

#[test]
fn file_names_follow_the_apps_others() {
    assert_eq!(
        file_name(year(2022), "csv"),
        "zielsteuerung-vergleich-2022.csv"
    );
    assert_eq!(
        file_name(year(2022), ".xlsx"),
        "zielsteuerung-vergleich-2022.xlsx"
    );
}

#[test]
fn all_targets_one_row_each_without_a_median() {
    // The example's 2021, the own workspace without a type: INT 718 of ≥ 690, LZB 2.035 of ≤ 2.030 (annual
    // figures without a Datenstand).
    let ws = odenwaldkreis();
    let none = TypeHistory::default();
    let member = Member {
        key: "odenwald",
        workspace: &ws,
        types: &none,
        own: true,
    };
    let m = member_year(&member, year(2021), Lang::De);
    let t = table(&[m], year(2021), &Selection::AllTargets, None, Lang::De);
    let rows = records(&csv(&t, "Vergleich 2021", Lang::De), ';');
    let name = "Kommunales Job-Center (KJC) Odenwaldkreis";
    assert_eq!(
        rows[1].join(";"),
        format!("ohne;{name};ja;Integrationen – Insgesamt;≥ 690;;718;;28;104,1;erreicht;;;;1;1;")
    );
    assert_eq!(
        rows[2].join(";"),
        format!(
            "ohne;{name};ja;Bestand Langzeitleistungsbeziehende – Insgesamt;≤ 2.030;;2035;;5;100,2;\
             nicht erreicht;;;;1;1;"
        )
    );
    assert_eq!(rows[4], ["Vergleich 2021", "Neuester Datenstand: –"]);
}

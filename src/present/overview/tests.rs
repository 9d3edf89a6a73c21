use super::*;
use crate::core::calendar::Year;
use crate::domain::attainment::evaluate;
use crate::domain::example::odenwaldkreis;

#[test]
fn seed_2021_rows() {
    let ws = odenwaldkreis();
    let a = ws.agreement_for(Year::new(2021).unwrap()).unwrap();
    let result = evaluate(&ws, a);
    let rows = rows(a, &result, &ws.catalogue(), Lang::De);
    assert_eq!(rows.len(), 2);
    let int = &rows[0];
    assert_eq!(int.title, "Integrationen – Insgesamt");
    assert_eq!(int.kind, "Bundesziel · Mindestwert");
    assert_eq!(
        (
            int.actual.as_str(),
            int.target.as_str(),
            int.deviation.as_str()
        ),
        ("718", "≥ 690", "+28")
    );
    assert_eq!(int.ratio, "104,1\u{a0}%");
    assert_eq!(int.status, Status::Achieved);
    assert_eq!(int.forecast, "–");
    let lzb = &rows[1];
    assert_eq!(
        (
            lzb.actual.as_str(),
            lzb.target.as_str(),
            lzb.deviation.as_str()
        ),
        ("2.035", "≤ 2.030", "+5")
    );
    assert_eq!(lzb.ratio, "100,2\u{a0}%");
    assert_eq!(lzb.status, Status::Missed);
    assert_eq!(
        (lzb.previous_year.as_str(), lzb.change.as_str()),
        ("–", "–")
    );
    assert!(lzb.is_final);
    assert_eq!(summary(&result, Lang::De), "1 erreicht · 1 nicht erreicht");
    assert_eq!(summary(&result, Lang::En), "1 achieved · 1 missed");
    assert_eq!(as_of_line(&result, Lang::De), "Datenstand: nicht angegeben");
}

#[test]
fn previous_year_and_change_cells() {
    use crate::core::calendar::Month;
    use crate::domain::indicator::IndicatorCode;
    use crate::domain::values::{Amount, Population, ValueKey};
    let mut ws = odenwaldkreis();
    // 2022 complete: 12 months summing to 770 against 718 in 2021: +52, +7,2 %.
    for m in 1..=12 {
        let v = if m <= 2 { 65.0 } else { 64.0 };
        let key = ValueKey {
            indicator: IndicatorCode::new("INT"),
            population: Population::Total,
            year: Year::new(2022).unwrap(),
            month: Month::new(m),
        };
        ws.values.record(key, Amount::Number(v), None, "");
    }
    let m = model(&ws, Year::new(2022).unwrap(), Lang::De).unwrap();
    let int = &m.rows[0];
    assert_eq!((int.actual.as_str(), int.status), ("770", Status::Achieved));
    assert_eq!(
        (int.previous_year.as_str(), int.change.as_str()),
        ("718", "+52 (+7,2\u{a0}%)")
    );
    assert!(int.is_final);
}

#[test]
fn model_of_the_seed_2022() {
    let ws = odenwaldkreis();
    let m = model(&ws, Year::new(2022).unwrap(), Lang::De).unwrap();
    assert_eq!(m.heading, "Zielvereinbarung 2022");
    assert_eq!(m.balance_heading, "Bilanz der Zielvereinbarung 2022");
    let en = model(&ws, Year::new(2022).unwrap(), Lang::En).unwrap();
    assert_eq!(en.balance_heading, "Balance of the target agreement 2022");
    assert_eq!(
        m.parties,
        "Kommunales Job-Center (KJC) Odenwaldkreis mit Hessisches Ministerium für Soziales und Integration (HMSI)"
    );
    assert_eq!(
        m.signed,
        "Unterzeichnet von Landrat Frank Matiaske, Erster Kreisbeigeordneter Oliver Grobeis"
    );
    assert_eq!(m.rows.len(), 10);
    assert!(m.warnings.is_empty(), "{:?}", m.warnings);
    assert!(model(&ws, Year::new(2023).unwrap(), Lang::De).is_none());
}

#[test]
fn seed_2022_rows() {
    let ws = odenwaldkreis();
    let a = ws.agreement_for(Year::new(2022).unwrap()).unwrap();
    let result = evaluate(&ws, a);
    let rows = rows(a, &result, &ws.catalogue(), Lang::De);
    let cells: Vec<(&str, &str, Status)> = rows
        .iter()
        .map(|r| (r.title.as_str(), r.target.as_str(), r.status))
        .collect();
    assert_eq!(
        cells,
        vec![
            ("Integrationen – Insgesamt", "≥ 770", Status::NoData),
            ("Integrationen – Frauen", "≥ 308", Status::NoData),
            ("Integrationen – Männer", "≥ 462", Status::NoData),
            (
                "Bestand Langzeitleistungsbeziehende – Insgesamt",
                "≤ 2.020",
                Status::NoData
            ),
            (
                "Bestand Langzeitleistungsbeziehende – Frauen",
                "≤ 1.100",
                Status::NoData
            ),
            (
                "Bestand Langzeitleistungsbeziehende – Männer",
                "≤ 920",
                Status::NoData
            ),
            (
                "Summe der Leistungen zum Lebensunterhalt – Insgesamt",
                "–",
                Status::Monitoring
            ),
            (
                "Kontinuierliche Beschäftigung nach Integration – Insgesamt",
                "≥ 58,0\u{a0}%",
                Status::NoData
            ),
            (
                "Integrationen U25 in voll qualifizierende Berufsausbildung – Insgesamt",
                "≥ 70",
                Status::NoData
            ),
            (
                "Integration von Menschen mit Behinderungen",
                "–",
                Status::Open
            ),
        ]
    );
    assert_eq!(
        rows[7].wording,
        "Lesarten der Veränderung – um 1,8\u{a0}Prozentpunkte: von 56,2\u{a0}% auf 58,0\u{a0}% | um 1,8\u{a0}% \
         (so vereinbart): von 57,0\u{a0}% auf 58,0\u{a0}%."
    );
    assert_eq!(rows[9].kind, "qualitatives Ziel");
    assert_eq!(
        rows[9].sentence,
        "Qualitatives Ziel „Integration von Menschen mit Behinderungen“: noch nicht bewertet."
    );
    assert_eq!(
        summary(&result, Lang::De),
        "8 keine Daten · 1 Monitoring · 1 offen"
    );
}

/// Issue 20, point 5: a critical target was counted as "offen" ("0 erreicht · 0 nicht erreicht · 9 offen"
/// while one is "kritisch"). The summary counts by status, in the legend's order, with the legend's labels.
#[test]
fn the_summary_counts_each_status_apart() {
    use crate::core::calendar::Month;
    use crate::domain::indicator::IndicatorCode;
    use crate::domain::values::{Amount, Population, ValueKey};
    fn record(
        ws: &mut crate::domain::workspace::Workspace,
        code: &str,
        population: Population,
        month: i64,
        v: f64,
    ) {
        let key = ValueKey {
            indicator: IndicatorCode::new(code),
            population,
            year: Year::new(2022).unwrap(),
            month: Month::new(month),
        };
        ws.values.record(key, Amount::Number(v), None, "");
    }
    let mut ws = odenwaldkreis();
    // 300 integrations through May against 770: forecast 720, 6,5 % short – kritisch.
    for m in 1..=5 {
        record(&mut ws, "INT", Population::Total, m, 60.0);
    }
    let m = model(&ws, Year::new(2022).unwrap(), Lang::De).unwrap();
    assert_eq!(m.rows[0].status, Status::Critical);
    assert_eq!(
        m.summary,
        "1 kritisch · 7 keine Daten · 1 Monitoring · 1 offen"
    );
    let en = model(&ws, Year::new(2022).unwrap(), Lang::En).unwrap();
    assert_eq!(en.summary, "1 critical · 7 no data · 1 monitoring · 1 open");
    // Women on track (130 through May: 312 by December against 308), men at risk (185: 444 against 462, 3,9 %
    // short), the LZB stock on track (2.000 a month against the cap 2.020).
    for m in 1..=5 {
        record(&mut ws, "INT", Population::Women, m, 26.0);
        record(&mut ws, "INT", Population::Men, m, 37.0);
        record(&mut ws, "LZB", Population::Total, m, 2000.0);
    }
    let m = model(&ws, Year::new(2022).unwrap(), Lang::De).unwrap();
    let statuses: Vec<Status> = m.rows.iter().take(4).map(|r| r.status).collect();
    assert_eq!(
        statuses,
        [
            Status::Critical,
            Status::OnTrack,
            Status::AtRisk,
            Status::OnTrack
        ]
    );
    assert_eq!(
        m.summary,
        "2 auf Kurs · 1 gefährdet · 1 kritisch · 4 keine Daten · 1 Monitoring · 1 offen"
    );
}

/// The summary names the statuses in the order of the legend beside it, and an agreement without targets
/// says so instead of an empty line.
#[test]
fn the_summary_follows_the_legend_and_never_is_empty() {
    let order: Vec<Status> = crate::present::status::legend(5.0, Lang::De)
        .into_iter()
        .map(|(s, _)| s)
        .collect();
    assert_eq!(order, Status::ALL);
    for (i, s) in Status::ALL.into_iter().enumerate() {
        assert_eq!(s.index(), i);
    }
    let mut ws = odenwaldkreis();
    if let Some(a) = ws.agreement_mut(crate::domain::agreement::AgreementId(1)) {
        a.targets.clear();
    }
    let m = model(&ws, Year::new(2021).unwrap(), Lang::De).unwrap();
    assert_eq!(m.summary, "keine Ziele");
    let en = model(&ws, Year::new(2021).unwrap(), Lang::En).unwrap();
    assert_eq!(en.summary, "no targets");
}

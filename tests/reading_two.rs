//! What a controller trips over, round two (issue 20), in the value grid and the target form: the rate beside an
//! annual value, a typed rate over numerator and denominator, the indicators a link to a missing figure opens,
//! the year's figure from the months, one decimal rule per row, the pace without silent rounding, the unit of a
//! change of a count. Every number written out.
#![cfg(not(target_arch = "wasm32"))]
// A test file: helpers outside #[test] functions may unwrap too; a panic here is a failing test.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::sync::Arc;

use zielsteuerung::core::calendar::{Month, Year};
use zielsteuerung::domain::agreement::{
    Agreement, AgreementId, Category, ChangeLimit, ChangeUnit, Subject, Target, TargetFormat,
    TargetId,
};
use zielsteuerung::domain::example;
use zielsteuerung::domain::indicator::IndicatorCode;
use zielsteuerung::domain::values::{Amount, Population, ValueKey};
use zielsteuerung::domain::workspace::Workspace;
use zielsteuerung::locale::Lang;
use zielsteuerung::present::detail::detail;
use zielsteuerung::present::grid::{
    Column, Entry, Part, apply, cell_text, columns, computed_year_text, indicators_for_link,
    parts_replaced, undo_parts,
};
use zielsteuerung::present::overview::model;
use zielsteuerung::present::target_form::{
    Draft, Kind, build, default_unit, shown_unit, units_for,
};

fn y(year: i64) -> Year {
    Year::new(year).unwrap()
}

fn subject(code: &str, population: Population) -> Subject {
    Subject {
        indicator: IndicatorCode::new(code),
        population,
    }
}

fn agreement(id: u32, year: i64, targets: Vec<(u32, TargetFormat)>) -> Agreement {
    Agreement {
        id: AgreementId(id),
        year: y(year),
        job_centre: "Jobcenter Test".into(),
        partner: "Ministerium".into(),
        signed_on: None,
        signatories: String::new(),
        notes: String::new(),
        targets: targets
            .into_iter()
            .map(|(id, format)| Target {
                id: TargetId(id),
                title: String::new(),
                category: Category::Federal,
                format,
                notes: String::new(),
            })
            .collect(),
    }
}

fn key(code: &str, population: Population, year: i64, month: Option<i64>) -> ValueKey {
    ValueKey {
        indicator: IndicatorCode::new(code),
        population,
        year: y(year),
        month: month.and_then(Month::new),
    }
}

fn record(ws: &mut Workspace, code: &str, year: i64, month: Option<i64>, amount: Amount) {
    ws.values
        .record(key(code, Population::Total, year, month), amount, None, "");
}

fn column(ws: &Workspace, year: i64, code: &str, part: Part) -> Column {
    columns(ws, y(year), &[IndicatorCode::new(code)], Lang::De)
        .into_iter()
        .find(|c| {
            c.indicator.as_str() == code && c.population == Population::Total && c.part == part
        })
        .unwrap()
}

fn ratio(numerator: f64, denominator: f64) -> Amount {
    Amount::Ratio {
        numerator,
        denominator,
    }
}

#[test]
fn the_rate_beside_an_annual_value_is_not_twelve_times_too_high() {
    let mut ws = Workspace::empty("Jobcenter Test");
    // K2: integrations over the average ELB stock. A whole year: 900 over 5.000 = 18,0 %.
    record(&mut ws, "K2", 2023, None, ratio(900.0, 5_000.0));
    // A month at the year's pace: 145 over 1.000 in January = 14,5 % × 12 = 174,0 %.
    record(&mut ws, "K2", 2023, Some(1), ratio(145.0, 1_000.0));
    let rate = column(&ws, 2023, "K2", Part::Rate);
    assert_eq!(
        cell_text(&rate.series(&ws.values, y(2023)), &rate, None, Lang::De),
        "18,0"
    );
    assert_eq!(
        cell_text(
            &rate.series(&ws.values, y(2023)),
            &rate,
            Month::new(1),
            Lang::De
        ),
        "174,0"
    );
    // 145 / 1.000 as an annual value is 14,5, not 174,0.
    record(&mut ws, "K2", 2023, None, ratio(145.0, 1_000.0));
    assert_eq!(
        cell_text(&rate.series(&ws.values, y(2023)), &rate, None, Lang::De),
        "14,5"
    );
    assert_eq!(
        cell_text(&rate.series(&ws.values, y(2023)), &rate, None, Lang::En),
        "14.5"
    );
    // The parts as stored.
    let numerator = column(&ws, 2023, "K2", Part::Numerator);
    assert_eq!(
        cell_text(
            &numerator.series(&ws.values, y(2023)),
            &numerator,
            None,
            Lang::De
        ),
        "145"
    );
}

#[test]
fn a_typed_rate_over_numerator_and_denominator_says_what_goes_and_can_be_undone() {
    let mut ws = Workspace::empty("Jobcenter Test");
    record(&mut ws, "K2", 2023, None, ratio(145.0, 1_000.0));
    let rate = column(&ws, 2023, "K2", Part::Rate);
    let cols = columns(&ws, y(2023), &[IndicatorCode::new("K2")], Lang::De);
    let at = (12, cols.iter().position(|c| *c == rate).unwrap());
    let entry = apply(
        &mut ws.values_edit(),
        y(2023),
        &rate,
        None,
        "14,6",
        None,
        None,
        Lang::De,
    )
    .unwrap();
    let Entry::PartsReplaced { before } = entry else {
        panic!("expected the parts to be said, got {entry:?}");
    };
    assert_eq!(before.current.amount, ratio(145.0, 1_000.0));
    let stored = ws
        .values
        .get(&key("K2", Population::Total, 2023, None))
        .unwrap();
    assert_eq!(stored.current.amount, Amount::Number(14.6));
    let (text, undo) = parts_replaced(&ws, &cols, &[(at, *before.clone())], Lang::De).unwrap();
    assert_eq!(
        text,
        "Zähler 145 und Nenner 1.000 (Jahreswert, Integrationsquote Insgesamt) durch die Quote 14,6\u{a0}% \
         ersetzt. Sie stehen in der Historie des Werts; „Rückgängig“ stellt sie wieder her."
    );
    let (en, _) = parts_replaced(&ws, &cols, &[(at, *before.clone())], Lang::En).unwrap();
    assert_eq!(
        en,
        "Numerator 145 and denominator 1,000 (Annual figure, Integration rate Total) replaced by the rate \
         14.6\u{a0}%. They remain in the value's history; “Undo” restores them."
    );
    // Undo puts numerator and denominator back, with the history as it was.
    let mut undone = ws.clone();
    undo_parts(&mut undone.values_edit(), &undo, Lang::De).unwrap();
    let back = undone
        .values
        .get(&key("K2", Population::Total, 2023, None))
        .unwrap();
    assert_eq!(back, before.as_ref());
    assert_eq!(
        cell_text(&rate.series(&undone.values, y(2023)), &rate, None, Lang::De),
        "14,5"
    );
    // Changed since: the undo refuses and changes nothing.
    apply(
        &mut ws.values_edit(),
        y(2023),
        &rate,
        None,
        "15",
        None,
        None,
        Lang::De,
    )
    .unwrap();
    let later = ws.clone();
    assert_eq!(
        undo_parts(&mut ws.values_edit(), &undo, Lang::De),
        Err("Nicht rückgängig gemacht: der Wert wurde inzwischen geändert.".to_owned())
    );
    assert_eq!(ws, later);
    // A rate typed over a rate replaces nothing that needs saying.
    assert_eq!(
        parts_replaced(&ws, &cols, &[], Lang::De),
        None,
        "nothing replaced, nothing said"
    );
}

/// 2022's agreement looks back at 2021: a cap on LZB 14 % above 2021, a floor on K2 6,9 % below 2021.
fn looking_back() -> Workspace {
    let mut ws = Workspace::empty("Jobcenter Test");
    ws.agreements.push(Arc::new(agreement(
        1,
        2022,
        vec![
            (
                1,
                TargetFormat::ChangeVsPreviousYear {
                    subject: subject("LZB", Population::Total),
                    limit: ChangeLimit::RiseAtMost,
                    change: 14.0,
                    unit: ChangeUnit::Percent,
                },
            ),
            (
                2,
                TargetFormat::ChangeVsPreviousYear {
                    subject: subject("K2", Population::Total),
                    limit: ChangeLimit::FallAtMost,
                    change: 6.9,
                    unit: ChangeUnit::Percent,
                },
            ),
        ],
    )));
    ws
}

#[test]
fn a_link_to_a_missing_figure_opens_every_indicator_the_next_year_needs() {
    let ws = looking_back();
    let codes: Vec<String> = indicators_for_link(&ws, y(2021), &IndicatorCode::new("K2"))
        .iter()
        .map(|c| c.as_str().to_owned())
        .collect();
    assert_eq!(codes, ["K2", "LZB"]);
    // The grid of 2021 then shows both, though 2021 has neither a target nor a value.
    let extra = indicators_for_link(&ws, y(2021), &IndicatorCode::new("K2"));
    let shown: Vec<String> = columns(&ws, y(2021), &extra, Lang::De)
        .iter()
        .filter(|c| c.population == Population::Total)
        .map(|c| format!("{} {:?}", c.indicator, c.part))
        .collect();
    assert_eq!(
        shown,
        ["K2 Numerator", "K2 Denominator", "K2 Rate", "LZB Number"]
    );
    // A year whose next year has no agreement opens the linked indicator alone.
    let alone = indicators_for_link(&ws, y(2022), &IndicatorCode::new("LZB"));
    assert_eq!(alone, [IndicatorCode::new("LZB")]);
}

#[test]
fn the_annual_row_shows_the_figure_the_judgement_uses_read_only() {
    let mut ws = looking_back();
    // LZB 2021: 2.200 in January to June, 2.300 in July to December: the average is 2.250.
    for m in 1..=12 {
        let v = if m <= 6 { 2_200.0 } else { 2_300.0 };
        record(&mut ws, "LZB", 2021, Some(m), Amount::Number(v));
    }
    let lzb = column(&ws, 2021, "LZB", Part::Number);
    assert_eq!(computed_year_text(&ws, y(2021), &lzb, Lang::De), "2.250");
    assert_eq!(computed_year_text(&ws, y(2021), &lzb, Lang::En), "2,250");
    // The 2022 cap is 14 % above it: 2.565.
    let m = model(&ws, y(2022), Lang::De).unwrap();
    assert_eq!(m.rows[0].target, "≤ 2.565 (Vorjahr +14,0\u{a0}%)");
    // Five months of 2022: 2.400, 2.410, … 2.440 average 2.420, said with the month.
    for m in 1..=5 {
        record(
            &mut ws,
            "LZB",
            2022,
            Some(m),
            Amount::Number(2_390.0 + 10.0 * m as f64),
        );
    }
    assert_eq!(
        computed_year_text(&ws, y(2022), &lzb, Lang::De),
        "2.420 (bis Mai)"
    );
    // A flow sums: INT 60 + 55 + 65 = 180 through March. A stock average that is not whole keeps its decimal.
    record(&mut ws, "INT", 2021, Some(1), Amount::Number(60.0));
    record(&mut ws, "INT", 2021, Some(2), Amount::Number(55.0));
    record(&mut ws, "INT", 2021, Some(3), Amount::Number(65.0));
    let int = column(&ws, 2021, "INT", Part::Number);
    assert_eq!(
        computed_year_text(&ws, y(2021), &int, Lang::De),
        "180 (bis März)"
    );
    record(&mut ws, "LZB", 2022, Some(6), Amount::Number(2_453.0));
    // (2.400 + 2.410 + 2.420 + 2.430 + 2.440 + 2.453) / 6 = 2.425,5.
    assert_eq!(
        computed_year_text(&ws, y(2022), &lzb, Lang::De),
        "2.425,5 (bis Juni)"
    );
    // A rate from the months' sums: K2 numerator and denominator columns stay empty, the rate shows.
    record(&mut ws, "K2", 2021, Some(1), ratio(145.0, 1_000.0));
    let k2_numerator = column(&ws, 2021, "K2", Part::Numerator);
    assert_eq!(
        computed_year_text(&ws, y(2021), &k2_numerator, Lang::De),
        ""
    );
    // No months: nothing to show.
    let empty = column(&ws, 2021, "K2", Part::Rate);
    assert_eq!(computed_year_text(&ws, y(2020), &empty, Lang::De), "");
}

/// Würzburg's floor: K2 Frauen 2022 20,0 %, 2023 may fall by 6,9 % at most: 18,62 %; 2023 came in at 18,60 %.
fn wuerzburg() -> Workspace {
    let mut ws = Workspace::empty("Jobcenter Test");
    ws.agreements.push(Arc::new(agreement(
        1,
        2023,
        vec![(
            1,
            TargetFormat::ChangeVsPreviousYear {
                subject: subject("K2", Population::Total),
                limit: ChangeLimit::FallAtMost,
                change: 6.9,
                unit: ChangeUnit::Percent,
            },
        )],
    )));
    record(&mut ws, "K2", 2022, None, Amount::Number(20.0));
    record(&mut ws, "K2", 2023, None, Amount::Number(18.6));
    ws
}

#[test]
fn one_decimal_rule_for_a_row_and_for_both_relative_formats() {
    let ws = wuerzburg();
    let row = &model(&ws, y(2023), Lang::De).unwrap().rows[0];
    assert_eq!(row.actual, "18,60\u{a0}%");
    assert_eq!(row.target, "≥ 18,62\u{a0}% (Vorjahr −6,9\u{a0}%)");
    // The previous year in the same row with the same decimals: 20,00 %, not 20,0 %.
    assert_eq!(row.previous_year, "20,00\u{a0}%");
    assert_eq!(row.change, "−1,40\u{a0}Prozentpunkte (−7,0\u{a0}%)");
    // Bremen: "IQ Frauen soll um 7,3 % steigen, von 13,7 % auf 14,7 %", 14,52 % reached – two decimals as well.
    let mut bremen = Workspace::empty("Jobcenter Bremen");
    bremen.agreements.push(Arc::new(agreement(
        1,
        2022,
        vec![(
            1,
            TargetFormat::QuotaRelativeChange {
                subject: subject("K2", Population::Total),
                baseline: 13.7,
                change_percent: 7.3,
                target: 14.7,
            },
        )],
    )));
    record(&mut bremen, "K2", 2022, None, Amount::Number(14.52));
    let row = &model(&bremen, y(2022), Lang::De).unwrap().rows[0];
    assert_eq!(row.target, "≥ 14,70\u{a0}%");
    assert_eq!(row.actual, "14,52\u{a0}%");
    assert_eq!(row.deviation, "−0,18\u{a0}Prozentpunkte");
    let en = &model(&bremen, y(2022), Lang::En).unwrap().rows[0];
    assert_eq!(en.target, "≥ 14.70\u{a0}%");
}

#[test]
fn the_pace_is_not_rounded_up_without_a_word() {
    let mut ws = example::odenwaldkreis();
    // January to June 2022: 291 integrations, 48,5 a month; (770 − 291) / 6 = 79,8 still needed.
    for (m, v) in [
        (1, 45.0),
        (2, 50.0),
        (3, 48.0),
        (4, 49.0),
        (5, 47.0),
        (6, 52.0),
    ] {
        record(&mut ws, "INT", 2022, Some(m), Amount::Number(v));
    }
    let d = detail(&ws, TargetId(3), Lang::De).unwrap();
    assert_eq!(
        d.pace,
        "Tempo: bisher im Mittel 48,5 je Monat; für den Zielwert 770 nötig in den restlichen 6 Monaten: 79,8 je \
         Monat."
    );
    // The generated sentence says the same figures.
    assert!(
        d.row.sentence.ends_with(
            "Dafür sind in den restlichen 6 Monaten im Mittel noch 79,8 je Monat nötig (bisher 48,5 je Monat)."
        ),
        "{}",
        d.row.sentence
    );
    let en = detail(&ws, TargetId(3), Lang::En).unwrap();
    assert_eq!(
        en.pace,
        "Pace: so far 48.5 per month on average; needed for the target value 770 in the remaining 6 months: 79.8 \
         per month."
    );
}

#[test]
fn a_change_of_a_count_is_relative_and_shows_its_unit() {
    let ws = example::odenwaldkreis();
    let catalogue = ws.catalogue();
    let lzb = catalogue.get("LZB");
    let k2 = catalogue.get("K2");
    let keys = |kind, indicator| -> Vec<&str> {
        units_for(kind, indicator).iter().map(|c| c.key).collect()
    };
    // LZB (persons): "%" only; K2 (a rate): both.
    assert_eq!(keys(Kind::ChangeVsPreviousYear, lzb), ["%"]);
    assert_eq!(keys(Kind::ChangeVsPreviousYear, k2), ["Prozentpunkte", "%"]);
    // A unit is always shown: the default where none was chosen, "%" where points do not fit.
    assert_eq!(
        default_unit(Kind::ChangeVsPreviousYear),
        ChangeUnit::Percent
    );
    assert_eq!(
        default_unit(Kind::QuotaIncrease),
        ChangeUnit::PercentagePoints
    );
    assert_eq!(
        shown_unit(Kind::ChangeVsPreviousYear, None, lzb),
        ChangeUnit::Percent
    );
    assert_eq!(
        shown_unit(
            Kind::ChangeVsPreviousYear,
            Some(ChangeUnit::PercentagePoints),
            lzb
        ),
        ChangeUnit::Percent
    );
    assert_eq!(
        shown_unit(
            Kind::ChangeVsPreviousYear,
            Some(ChangeUnit::PercentagePoints),
            k2
        ),
        ChangeUnit::PercentagePoints
    );
    // Saved as shown: "LZB steigt um höchstens 14" with points left over from a rate is 14 %.
    let draft = Draft {
        kind: Kind::ChangeVsPreviousYear,
        indicator: "LZB".into(),
        change: "14".into(),
        unit: Some(ChangeUnit::PercentagePoints),
        limit: Some(ChangeLimit::RiseAtMost),
        ..Draft::default()
    };
    let built = build(&draft, &catalogue, TargetId(50), Lang::De).unwrap();
    assert!(matches!(
        built.put[0].format,
        TargetFormat::ChangeVsPreviousYear {
            unit: ChangeUnit::Percent,
            ..
        }
    ));
}

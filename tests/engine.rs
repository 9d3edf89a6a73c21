//! The attainment engine against the seed and against hand-computed cases: every expected number written out.
#![cfg(not(target_arch = "wasm32"))]
// A test file: helpers outside #[test] functions may unwrap too; a panic here is a failing test.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use zielsteuerung::core::calendar::{Date, Month, Year};
use zielsteuerung::domain::agreement::{
    Agreement, AgreementId, Bound, Category, ChangeLimit, ChangeUnit, Subject, Target,
    TargetFormat, TargetId,
};
use zielsteuerung::domain::attainment::{
    self, ActualSource, ForecastMethod, PathMethod, Status, TargetResult, Warning,
};
use zielsteuerung::domain::example;
use zielsteuerung::domain::indicator::IndicatorCode;
use zielsteuerung::domain::values::{Amount, Population, ValueKey};
use zielsteuerung::domain::workspace::Workspace;
use zielsteuerung::locale::{
    Lang, format_count, format_percent, format_signed_count, format_signed_percent,
};
use zielsteuerung::present::sentences::{interpretation_text, sentence};

fn y(year: i64) -> Year {
    Year::new(year).unwrap()
}

fn close(actual: Option<f64>, expected: f64) {
    let a = actual.unwrap_or_else(|| panic!("expected {expected}, got None"));
    assert!((a - expected).abs() < 1e-9, "expected {expected}, got {a}");
}

fn subject(code: &str, population: Population) -> Subject {
    Subject {
        indicator: IndicatorCode::new(code),
        population,
    }
}

fn agreement(year: i64, targets: Vec<(u32, TargetFormat)>) -> Agreement {
    Agreement {
        id: AgreementId(1),
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

fn record_months(
    ws: &mut Workspace,
    code: &str,
    population: Population,
    year: i64,
    values: &[f64],
) {
    for (i, v) in values.iter().enumerate() {
        let key = ValueKey {
            indicator: IndicatorCode::new(code),
            population,
            year: y(year),
            month: Month::new(i as i64 + 1),
        };
        ws.values
            .record(key, Amount::Number(*v), Date::new(year, 12, 31), "");
    }
}

fn record_annual(
    ws: &mut Workspace,
    code: &str,
    population: Population,
    year: i64,
    amount: Amount,
) {
    let key = ValueKey {
        indicator: IndicatorCode::new(code),
        population,
        year: y(year),
        month: None,
    };
    ws.values.record(key, amount, None, "");
}

/// The generated sentence of a target, with its indicator looked up in the workspace.
fn say(ws: &Workspace, target: &Target, result: &TargetResult, year: i64, lang: Lang) -> String {
    let catalogue = ws.catalogue();
    let indicator = target
        .format
        .subject()
        .and_then(|s| catalogue.get(s.indicator.as_str()));
    sentence(target, result, indicator, y(year), lang)
}

fn evaluate_one(ws: &Workspace, a: &Agreement, id: u32) -> TargetResult {
    attainment::evaluate(ws, a)
        .result(TargetId(id))
        .unwrap()
        .clone()
}

// --- 2021 from the seed -------------------------------------------------------------------------------------

#[test]
fn seed_2021_integrations_718_vs_690_achieved() {
    let ws = example::odenwaldkreis();
    let a = ws.agreement_for(y(2021)).unwrap();
    let result = attainment::evaluate(&ws, a);
    let int = result.result(TargetId(1)).unwrap();
    assert_eq!(int.status, Status::Achieved);
    assert_eq!(int.source, ActualSource::Annual);
    assert!(int.is_final);
    assert_eq!(int.actual, Some(718.0));
    assert_eq!(int.target_value, Some(690.0));
    assert_eq!(int.deviation, Some(28.0));
    assert_eq!(format_signed_count(int.deviation.unwrap(), Lang::De), "+28");
    assert_eq!(
        format_percent(int.ratio_percent.unwrap(), 1, Lang::De),
        "104,1\u{a0}%"
    );
    assert_eq!(
        say(&ws, &a.targets[0], int, 2021, Lang::De),
        "Die Summe der Integrationen lag 2021 mit 718 über dem vereinbarten Zielwert von 690."
    );
    assert_eq!(
        say(&ws, &a.targets[0], int, 2021, Lang::En),
        "In 2021, the number of integrations was 718, above the agreed target of 690."
    );
}

#[test]
fn seed_2021_lzb_2035_vs_cap_2030_missed() {
    let ws = example::odenwaldkreis();
    let a = ws.agreement_for(y(2021)).unwrap();
    let result = attainment::evaluate(&ws, a);
    let lzb = result.result(TargetId(2)).unwrap();
    assert_eq!(lzb.status, Status::Missed);
    assert_eq!(lzb.bound, Some(Bound::AtMost));
    assert_eq!(lzb.actual, Some(2035.0));
    assert_eq!(lzb.deviation, Some(5.0));
    assert_eq!(format_signed_count(5.0, Lang::De), "+5");
    // 5 / 2.030 = 0,246 %
    close(lzb.deviation_percent, 5.0 / 2030.0 * 100.0);
    assert_eq!(
        format_signed_percent(lzb.deviation_percent.unwrap(), 1, Lang::De),
        "+0,2\u{a0}%"
    );
    assert_eq!(
        format_percent(lzb.ratio_percent.unwrap(), 1, Lang::De),
        "100,2\u{a0}%"
    );
    assert_eq!(
        say(&ws, &a.targets[1], lzb, 2021, Lang::De),
        "Der durchschnittliche Bestand an Langzeitleistungsbeziehenden lag 2021 mit 2.035 über der vereinbarten \
         Obergrenze von 2.030 (+5; +0,2\u{a0}%)."
    );
    assert_eq!(result.counts.of(Status::Achieved), 1);
    assert_eq!(result.counts.of(Status::Missed), 1);
    assert_eq!(result.counts.total(), 2);
}

// --- 2022 targets --------------------------------------------------------------------------------------------

#[test]
fn seed_2022_gender_parts_add_up_and_a_wrong_split_is_flagged() {
    let mut ws = example::odenwaldkreis();
    let a = ws.agreement_for(y(2022)).unwrap().clone();
    let result = attainment::evaluate(&ws, &a);
    assert!(
        !result
            .warnings
            .iter()
            .any(|w| matches!(w, Warning::TargetPartsDontAddUp { .. })),
        "308 + 462 = 770 and 1.100 + 920 = 2.020: {:?}",
        result.warnings
    );
    // Every quantitative target has no data yet; the qualitative one is open; LLU is monitored.
    assert_eq!(
        result.counts.present().collect::<Vec<_>>(),
        [
            (Status::NoData, 8),
            (Status::Monitoring, 1),
            (Status::Open, 1)
        ]
    );
    for r in &result.targets {
        if r.target != TargetId(9) {
            assert!(matches!(r.status, Status::NoData | Status::Open), "{:?}", r);
        }
    }

    // Women 300 instead of 308: 300 + 462 = 762 ≠ 770.
    let agreement = ws
        .agreements
        .iter_mut()
        .find(|a| a.year == y(2022))
        .map(std::sync::Arc::make_mut)
        .unwrap();
    if let TargetFormat::Minimum { target, .. } = &mut agreement.targets[1].format {
        *target = 300.0;
    }
    let a = agreement.clone();
    let result = attainment::evaluate(&ws, &a);
    let flagged: Vec<_> = result
        .warnings
        .iter()
        .filter(|w| matches!(w, Warning::TargetPartsDontAddUp { .. }))
        .collect();
    assert_eq!(flagged.len(), 1, "{:?}", result.warnings);
    assert!(
        matches!(flagged[0], Warning::TargetPartsDontAddUp { total, women, men, .. } if *total == 770.0 && *women == 300.0 && *men == 462.0)
    );
}

#[test]
fn no_data_sentence_names_the_indicator() {
    let ws = example::odenwaldkreis();
    let a = ws.agreement_for(y(2022)).unwrap();
    let result = attainment::evaluate(&ws, a);
    let women = result.result(TargetId(4)).unwrap();
    assert_eq!(
        say(&ws, &a.targets[1], women, 2022, Lang::De),
        "Für 2022 liegen zur Kennzahl „Integrationen“ (Frauen) noch keine Ist-Werte vor."
    );
}

#[test]
fn quota_target_58_with_both_readings_of_plus_1_8() {
    let mut ws = example::odenwaldkreis();
    // Previous year's quota 57,0 % (570 of 1.000 integrations continuously employed).
    record_annual(
        &mut ws,
        "K2E3",
        Population::Total,
        2021,
        Amount::ratio(570.0, 1000.0).unwrap(),
    );
    let a = ws.agreement_for(y(2022)).unwrap().clone();
    let r = evaluate_one(&ws, &a, 10);
    assert_eq!(r.target_value, Some(58.0));
    assert_eq!(r.bound, Some(Bound::AtLeast));
    assert_eq!(r.previous_year, Some(57.0));
    let points = r
        .interpretations
        .iter()
        .find(|i| i.unit == ChangeUnit::PercentagePoints)
        .unwrap();
    let percent = r
        .interpretations
        .iter()
        .find(|i| i.unit == ChangeUnit::Percent)
        .unwrap();
    // As points: 58 − 1,8 = 56,2; from last year 57,0 + 1,8 = 58,8.
    close(points.implied_baseline, 56.2);
    close(points.target_from_previous_year, 58.8);
    assert!(!points.stated);
    // As percent: 58 / 1,018 = 56,974...; from last year 57,0 × 1,018 = 58,026.
    close(percent.implied_baseline, 58.0 / 1.018);
    close(percent.target_from_previous_year, 57.0 * 1.018);
    assert!(percent.stated);
    assert_eq!(
        interpretation_text(&r.interpretations, 1.8, 58.0, Lang::De),
        "Lesarten der Veränderung – um 1,8\u{a0}Prozentpunkte: von 56,2\u{a0}% auf 58,0\u{a0}%; vom Vorjahreswert aus \
         gerechnet 58,8\u{a0}% | um 1,8\u{a0}% (so vereinbart): von 57,0\u{a0}% auf 58,0\u{a0}%; vom Vorjahreswert aus \
         gerechnet 58,0\u{a0}%."
    );

    // A complete 2022: 290 of 500 = 58,0 % → achieved; 289 of 500 = 57,8 % → missed by 0,2 points.
    record_annual(
        &mut ws,
        "K2E3",
        Population::Total,
        2022,
        Amount::ratio(290.0, 500.0).unwrap(),
    );
    assert_eq!(evaluate_one(&ws, &a, 10).status, Status::Achieved);
    record_annual(
        &mut ws,
        "K2E3",
        Population::Total,
        2022,
        Amount::ratio(289.0, 500.0).unwrap(),
    );
    let r = evaluate_one(&ws, &a, 10);
    assert_eq!(r.status, Status::Missed);
    close(r.actual, 57.8);
    close(r.deviation, -0.2);
    assert_eq!(
        say(&ws, &a.targets[7], &r, 2022, Lang::De),
        "Die Quote der kontinuierlichen Beschäftigung nach Integration lag 2022 mit 57,8\u{a0}% unter dem vereinbarten \
         Zielwert von 58,0\u{a0}% (−0,2\u{a0}Prozentpunkte; −0,3\u{a0}%)."
    );
}

#[test]
fn inconsistent_quota_baseline_is_flagged() {
    let ws = Workspace::empty("Test");
    let a = agreement(
        2022,
        vec![
            // 13,7 × 1,073 = 14,70: fits.
            (
                1,
                TargetFormat::QuotaRelativeChange {
                    subject: subject("K2", Population::Women),
                    baseline: 13.7,
                    change_percent: 7.3,
                    target: 14.7,
                },
            ),
            // 56,0 + 1,8 points = 57,8 ≠ 58: does not fit.
            (
                2,
                TargetFormat::QuotaIncrease {
                    subject: subject("K2E3", Population::Total),
                    baseline: Some(56.0),
                    change: 1.8,
                    unit: ChangeUnit::PercentagePoints,
                    target: 58.0,
                },
            ),
        ],
    );
    let result = attainment::evaluate(&ws, &a);
    let flagged: Vec<_> = result
        .warnings
        .iter()
        .filter(|w| matches!(w, Warning::InconsistentQuotaTarget { .. }))
        .collect();
    assert_eq!(flagged.len(), 1, "{:?}", result.warnings);
    assert!(matches!(
        flagged[0],
        Warning::InconsistentQuotaTarget {
            target: TargetId(2),
            ..
        }
    ));
}

#[test]
fn cap_relative_to_previous_year_lzb_rises_at_most_14_percent() {
    let mut ws = Workspace::empty("Test");
    record_annual(
        &mut ws,
        "LZB",
        Population::Total,
        2021,
        Amount::Number(2000.0),
    );
    let a = agreement(
        2022,
        vec![(
            1,
            TargetFormat::ChangeVsPreviousYear {
                subject: subject("LZB", Population::Total),
                limit: ChangeLimit::RiseAtMost,
                change: 14.0,
                unit: ChangeUnit::Percent,
            },
        )],
    );
    // No 2022 values: the cap is known (2.000 × 1,14 = 2.280), the status is "keine Daten".
    let r = evaluate_one(&ws, &a, 1);
    close(r.target_value, 2280.0);
    assert_eq!(r.bound, Some(Bound::AtMost));
    assert_eq!(r.status, Status::NoData);
    // Twelve months averaging 2.250 ≤ 2.280 → achieved.
    record_months(
        &mut ws,
        "LZB",
        Population::Total,
        2022,
        &[
            2200.0, 2210.0, 2220.0, 2230.0, 2240.0, 2250.0, 2250.0, 2260.0, 2270.0, 2280.0, 2290.0,
            2300.0,
        ],
    );
    let r = evaluate_one(&ws, &a, 1);
    assert_eq!(r.status, Status::Achieved);
    close(r.actual, 2250.0);
    close(r.deviation, -30.0);
    let change = r.change_vs_previous.unwrap();
    close(Some(change.percent.unwrap()), 12.5);
    assert_eq!(
        say(&ws, &a.targets[0], &r, 2022, Lang::De),
        "Der durchschnittliche Bestand an Langzeitleistungsbeziehenden lag 2022 mit 2.250 unter der aus dem Vorjahr \
         abgeleiteten Obergrenze von 2.280."
    );
}

#[test]
fn floor_relative_to_previous_year_quota_falls_no_more_than_6_9_percent() {
    let mut ws = Workspace::empty("Test");
    // Integration rate 2021: 25,0 % as a published annual figure.
    record_annual(&mut ws, "K2", Population::Total, 2021, Amount::Number(25.0));
    let a = agreement(
        2022,
        vec![(
            1,
            TargetFormat::ChangeVsPreviousYear {
                subject: subject("K2", Population::Total),
                limit: ChangeLimit::FallAtMost,
                change: 6.9,
                unit: ChangeUnit::Percent,
            },
        )],
    );
    // Floor 25,0 × (1 − 0,069) = 23,275.
    record_annual(&mut ws, "K2", Population::Total, 2022, Amount::Number(23.3));
    let r = evaluate_one(&ws, &a, 1);
    close(r.target_value, 23.275);
    assert_eq!(r.bound, Some(Bound::AtLeast));
    assert_eq!(r.status, Status::Achieved);
    record_annual(&mut ws, "K2", Population::Total, 2022, Amount::Number(23.0));
    let r = evaluate_one(&ws, &a, 1);
    assert_eq!(r.status, Status::Missed);
    close(r.deviation, -0.275);

    // Without the previous year the target cannot be known.
    let empty = Workspace::empty("Test");
    let result = attainment::evaluate(&empty, &a);
    assert_eq!(result.targets[0].status, Status::NoData);
    assert!(result.warnings.contains(&Warning::PreviousYearMissing {
        target: TargetId(1)
    }));
}

#[test]
fn monitored_llu_sum_with_change_versus_previous_year() {
    let mut ws = Workspace::empty("Test");
    let llu_2021 = [1_000_000.0; 12];
    let llu_2022 = [
        950_000.0,
        960_000.0,
        970_000.0,
        980_000.0,
        990_000.0,
        1_000_000.0,
        1_010_000.0,
        1_020_000.0,
        1_030_000.0,
        1_040_000.0,
        1_050_000.0,
        1_060_000.0,
    ];
    record_months(&mut ws, "LLU", Population::Total, 2021, &llu_2021);
    record_months(&mut ws, "LLU", Population::Total, 2022, &llu_2022[..3]);
    let a = agreement(
        2022,
        vec![(
            1,
            TargetFormat::Monitoring {
                subject: subject("LLU", Population::Total),
            },
        )],
    );
    // Mid-year: Jan–Mar 2.880.000 € vs 3.000.000 € in Jan–Mar 2021: −120.000 €, −4,0 %.
    let r = evaluate_one(&ws, &a, 1);
    assert_eq!(r.status, Status::Monitoring);
    assert_eq!(r.actual, Some(2_880_000.0));
    let c = r.change_vs_previous.unwrap();
    assert_eq!(c.previous, 3_000_000.0);
    assert_eq!(c.absolute, -120_000.0);
    close(c.percent, -4.0);
    assert_eq!(
        say(&ws, &a.targets[0], &r, 2022, Lang::De),
        "Die Summe der Leistungen zum Lebensunterhalt betrug bis März 2022 2.880.000,00\u{a0}€, 120.000,00\u{a0}€ weniger \
         (−4,0\u{a0}%) gegenüber den gleichen Monaten des Vorjahres (3.000.000,00\u{a0}€)."
    );
    // Complete year: 12.060.000 € vs 12.000.000 €: +60.000 €, +0,5 %.
    record_months(&mut ws, "LLU", Population::Total, 2022, &llu_2022);
    let r = evaluate_one(&ws, &a, 1);
    assert_eq!(r.actual, Some(12_060_000.0));
    let c = r.change_vs_previous.unwrap();
    assert_eq!(c.absolute, 60_000.0);
    close(c.percent, 0.5);
    assert_eq!(
        attainment::evaluate(&ws, &a).counts.of(Status::Monitoring),
        1
    );
}

#[test]
fn derived_change_k3_from_lzb() {
    let mut ws = Workspace::empty("Test");
    record_months(&mut ws, "LZB", Population::Total, 2021, &[2000.0, 2000.0]);
    record_months(&mut ws, "LZB", Population::Total, 2022, &[2100.0, 2200.0]);
    let a = agreement(
        2022,
        vec![(
            1,
            TargetFormat::Monitoring {
                subject: subject("K3", Population::Total),
            },
        )],
    );
    // (2.150 − 2.000) / 2.000 = +7,5 %
    let r = evaluate_one(&ws, &a, 1);
    close(r.actual, 7.5);
    close(r.months[1].value, 10.0);
}

// --- mid-year forecasts -------------------------------------------------------------------------------------

const INT_2022_JAN_MAY: [f64; 5] = [60.0, 55.0, 65.0, 58.0, 62.0]; // Σ 300
const INT_2021: [f64; 12] = [
    50.0, 52.0, 58.0, 60.0, 60.0, 62.0, 64.0, 56.0, 62.0, 64.0, 66.0, 66.0,
]; // Σ 720, Jan–May 280

fn minimum_770() -> Agreement {
    agreement(
        2022,
        vec![(
            1,
            TargetFormat::Minimum {
                subject: subject("INT", Population::Total),
                target: 770.0,
            },
        )],
    )
}

#[test]
fn mid_year_linear_forecast_and_pace() {
    let mut ws = Workspace::empty("Test");
    record_months(&mut ws, "INT", Population::Total, 2022, &INT_2022_JAN_MAY);
    let a = minimum_770();
    let r = evaluate_one(&ws, &a, 1);
    assert!(!r.is_final);
    assert_eq!(r.through, Month::new(5));
    assert_eq!(r.source, ActualSource::Months(5));
    assert_eq!(r.actual, Some(300.0));
    assert_eq!(r.path_method, PathMethod::Linear);
    // Linear path: 770 × 5/12 = 320,8333...
    close(r.target_to_date, 770.0 * 5.0 / 12.0);
    close(r.deviation, 300.0 - 770.0 * 5.0 / 12.0);
    // Forecast 300 / 5 × 12 = 720; misses 770 by 50 = 6,49 % > 5 % tolerance: critical.
    let f = r.forecast.unwrap();
    assert_eq!(f.method, ForecastMethod::LinearTrend);
    close(Some(f.value), 720.0);
    close(r.forecast_gap, -50.0);
    assert_eq!(r.status, Status::Critical);
    // Pace: (770 − 300) / 7 = 67,14 per month.
    close(r.pace, 470.0 / 7.0);
    assert_eq!(format_count(r.pace.unwrap(), Lang::De), "67");
    // The month table: actual to date through May, forecast after.
    close(r.months[4].actual_to_date, 300.0);
    assert_eq!(r.months[5].actual_to_date, None);
    close(r.months[5].forecast_to_date, 360.0);
    close(r.months[11].forecast_to_date, 720.0);
    close(r.months[11].path_linear, 770.0);
    assert_eq!(
        say(&ws, &a.targets[0], &r, 2022, Lang::De),
        "Die Summe der Integrationen liegt bis Mai 2022 bei 300; anteilig vorgesehen sind 321. Prognose zum Jahresende \
         (linear fortgeschrieben): 720 bei einem Zielwert von 770; die Zielerreichung ist kritisch. Dafür sind in den \
         restlichen 7 Monaten im Mittel noch 67,1 je Monat nötig (bisher 60,0 je Monat)."
    );
    // So far 300 / 5 = 60 a month, with 7 months left.
    close(r.pace_so_far, 60.0);
    assert_eq!(r.months_left, 7);
    // A wider tolerance (7 %) makes the same gap "gefährdet".
    ws.settings.tolerance_percent = 7.0;
    assert_eq!(evaluate_one(&ws, &a, 1).status, Status::AtRisk);
}

#[test]
fn mid_year_seasonal_forecast_from_previous_year() {
    let mut ws = Workspace::empty("Test");
    record_months(&mut ws, "INT", Population::Total, 2021, &INT_2021);
    record_months(&mut ws, "INT", Population::Total, 2022, &INT_2022_JAN_MAY);
    let a = minimum_770();
    let r = evaluate_one(&ws, &a, 1);
    assert_eq!(r.path_method, PathMethod::Seasonal);
    // Seasonal path through May: 770 × 280 / 720 = 299,444...
    close(r.target_to_date, 770.0 * 280.0 / 720.0);
    close(r.months[4].path_seasonal, 770.0 * 280.0 / 720.0);
    close(r.months[4].path_linear, 770.0 * 5.0 / 12.0);
    // Forecast: 720 × 300 / 280 = 771,43 ≥ 770 → on track.
    let f = r.forecast.unwrap();
    assert_eq!(f.method, ForecastMethod::Seasonal);
    close(Some(f.value), 720.0 * 300.0 / 280.0);
    assert_eq!(r.status, Status::OnTrack);
    // June forecast to date: (280 + 62) × 300/280 = 366,43.
    close(r.months[5].forecast_to_date, 342.0 * 300.0 / 280.0);
    // Same months of the previous year: 300 vs 280 = +7,14 %.
    close(r.change_vs_previous.unwrap().percent, 20.0 / 280.0 * 100.0);
    close(r.pace, 470.0 / 7.0);
}

#[test]
fn mid_year_stock_under_a_cap() {
    let mut ws = Workspace::empty("Test");
    record_months(
        &mut ws,
        "LZB",
        Population::Total,
        2022,
        &[2100.0, 2075.0, 2050.0, 2025.0, 2000.0],
    );
    let a = agreement(
        2022,
        vec![(
            1,
            TargetFormat::Maximum {
                subject: subject("LZB", Population::Total),
                cap: 2020.0,
            },
        )],
    );
    let r = evaluate_one(&ws, &a, 1);
    // Average so far 2.050 against the cap 2.020 (the path of a cap is the cap itself).
    assert_eq!(r.actual, Some(2050.0));
    assert_eq!(r.target_to_date, Some(2020.0));
    assert_eq!(r.deviation, Some(30.0));
    // Latest level 2.000 carried forward: (10.250 + 7 × 2.000) / 12 = 2.020,83; over the cap by 0,04 % → at risk.
    let f = r.forecast.unwrap();
    assert_eq!(f.method, ForecastMethod::LatestLevel);
    close(Some(f.value), 24250.0 / 12.0);
    assert_eq!(r.status, Status::AtRisk);
    // The remaining months may average at most (12 × 2.020 − 10.250) / 7 = 1.998,57.
    close(r.pace, 13990.0 / 7.0);
}

// --- edge cases ---------------------------------------------------------------------------------------------

#[test]
fn quota_with_zero_denominator_is_no_data_not_nan() {
    let mut ws = Workspace::empty("Test");
    for m in 1..=3 {
        let key = ValueKey {
            indicator: IndicatorCode::new("K2E3"),
            population: Population::Total,
            year: y(2022),
            month: Month::new(m),
        };
        ws.values
            .record(key, Amount::ratio(0.0, 0.0).unwrap(), None, "");
    }
    let a = agreement(
        2022,
        vec![(
            1,
            TargetFormat::Minimum {
                subject: subject("K2E3", Population::Total),
                target: 58.0,
            },
        )],
    );
    let r = evaluate_one(&ws, &a, 1);
    assert_eq!(r.actual, None);
    assert_eq!(r.status, Status::NoData);
    assert_eq!(r.forecast, None);
    assert_eq!(r.months[0].value, None);
}

#[test]
fn a_year_without_values_is_no_data_everywhere() {
    let ws = Workspace::empty("Test");
    let r = evaluate_one(&ws, &minimum_770(), 1);
    assert_eq!(r.status, Status::NoData);
    assert_eq!(
        (r.actual, r.forecast, r.pace, r.deviation, r.ratio_percent),
        (None, None, None, None, None)
    );
    assert!(r.missing_months.is_empty());
    assert_eq!(r.through, None);
}

#[test]
fn a_month_entered_twice_the_newer_datenstand_wins() {
    let mut ws = Workspace::empty("Test");
    let key = ValueKey {
        indicator: IndicatorCode::new("INT"),
        population: Population::Total,
        year: y(2022),
        month: Month::new(1),
    };
    ws.values.record(
        key.clone(),
        Amount::Number(64.0),
        Date::new(2022, 4, 30),
        "",
    );
    ws.values.record(
        key.clone(),
        Amount::Number(61.0),
        Date::new(2022, 3, 31),
        "älterer Stand, später eingegeben",
    );
    let r = evaluate_one(&ws, &minimum_770(), 1);
    assert_eq!(r.actual, Some(64.0));
    assert_eq!(r.latest_as_of, Date::new(2022, 4, 30));
    ws.values.record(
        key,
        Amount::Number(66.0),
        Date::new(2022, 7, 31),
        "revidiert",
    );
    assert_eq!(evaluate_one(&ws, &minimum_770(), 1).actual, Some(66.0));
}

#[test]
fn missing_months_and_annual_precedence() {
    let mut ws = Workspace::empty("Test");
    record_months(&mut ws, "INT", Population::Total, 2022, &[60.0, 55.0]);
    let key = ValueKey {
        indicator: IndicatorCode::new("INT"),
        population: Population::Total,
        year: y(2022),
        month: Month::new(4),
    };
    ws.values.record(key, Amount::Number(58.0), None, "");
    let r = evaluate_one(&ws, &minimum_770(), 1);
    assert_eq!(r.missing_months, vec![Month::new(3).unwrap()]);
    assert_eq!(r.actual, Some(173.0));
    // Forecast from the three months present: 173 / 3 × 12 = 692.
    close(r.forecast.map(|f| f.value), 692.0);
    // An annual value wins for the final verdict.
    record_annual(
        &mut ws,
        "INT",
        Population::Total,
        2022,
        Amount::Number(775.0),
    );
    let r = evaluate_one(&ws, &minimum_770(), 1);
    assert_eq!(
        (r.actual, r.status, r.source),
        (Some(775.0), Status::Achieved, ActualSource::Annual)
    );
}

#[test]
fn value_warnings_parts_and_implausible_figures() {
    let mut ws = Workspace::empty("Test");
    record_months(
        &mut ws,
        "INT",
        Population::Total,
        2022,
        &[60.0, 55.0, 65.0, 58.0, 620.0],
    );
    record_months(&mut ws, "INT", Population::Women, 2022, &[24.0]);
    record_months(&mut ws, "INT", Population::Men, 2022, &[35.0]);
    let key = ValueKey {
        indicator: IndicatorCode::new("K2E3"),
        population: Population::Total,
        year: y(2022),
        month: Month::new(1),
    };
    ws.values
        .record(key, Amount::ratio(50.0, 40.0).unwrap(), None, "");
    let result = attainment::evaluate(&ws, &minimum_770());
    assert!(result.warnings.iter().any(|w| matches!(w, Warning::ValuePartsDontAddUp { total, women, men, .. } if *total == 60.0 && *women == 24.0 && *men == 35.0)), "{:?}", result.warnings);
    assert!(
        result
            .warnings
            .iter()
            .any(|w| matches!(w, Warning::Implausible { month: Some(m), .. } if m.number() == 5)),
        "620 is an outlier: {:?}",
        result.warnings
    );
    assert!(
        result
            .warnings
            .iter()
            .any(|w| matches!(w, Warning::Implausible { indicator, .. } if indicator == "K2E3")),
        "{:?}",
        result.warnings
    );
}

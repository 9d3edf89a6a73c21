use super::*;
use crate::core::calendar::{Month, Year};
use crate::domain::agreement::{
    Agreement, AgreementId, Category, Subject, Target, TargetFormat, TargetId,
};
use crate::domain::attainment::evaluate;
use crate::domain::indicator::IndicatorCode;
use crate::domain::values::{Amount, Population, ValueKey};
use crate::domain::workspace::Workspace;

/// "mindestens 770 Integrationen" with the given months.
fn integrations(months: &[f64]) -> (Workspace, TargetResult) {
    let mut ws = Workspace::empty("Test");
    let year = Year::new(2022).unwrap();
    ws.agreements.push(std::sync::Arc::new(Agreement {
        id: AgreementId(1),
        year,
        job_centre: String::new(),
        partner: String::new(),
        signed_on: None,
        signatories: String::new(),
        notes: String::new(),
        targets: vec![Target {
            id: TargetId(1),
            title: String::new(),
            category: Category::Federal,
            format: TargetFormat::Minimum {
                subject: Subject {
                    indicator: IndicatorCode::new("INT"),
                    population: Population::Total,
                },
                target: 770.0,
            },
            notes: String::new(),
        }],
    }));
    for (i, v) in months.iter().enumerate() {
        let key = ValueKey {
            indicator: IndicatorCode::new("INT"),
            population: Population::Total,
            year,
            month: Month::new(i as i64 + 1),
        };
        ws.values.record(key, Amount::Number(*v), None, "");
    }
    let r = evaluate(&ws, &ws.agreements[0]).targets[0].clone();
    (ws, r)
}

#[test]
fn at_risk_and_critical_say_their_numbers() {
    // 5 months of 62 = 310, linear 744 at year end: 26 short of 770 = 3,4 % ≤ 5 %: at risk.
    let (ws, r) = integrations(&[62.0; 5]);
    assert_eq!(r.status, Status::AtRisk);
    let unit = Unit::Count;
    assert_eq!(
        rule(&r, unit, ws.settings.tolerance_percent, Lang::De),
        "Gefährdet: Die Prognose 744 verfehlt den Zielwert 770 um 26 (3,4\u{a0}% des Zielwerts); bis zur \
         Toleranz von 5\u{a0}% gilt ein Ziel als gefährdet, darüber als kritisch."
    );
    // With a tolerance of 2,5 % the same forecast is critical.
    let mut tight = ws.clone();
    tight.settings.tolerance_percent = 2.5;
    let r2 = evaluate(&tight, &tight.agreements[0]).targets[0].clone();
    assert_eq!(r2.status, Status::Critical);
    assert_eq!(
        rule(&r2, unit, 2.5, Lang::En),
        "Critical: the forecast 744 misses the target value 770 by 26 (3.4\u{a0}% of the target value), more \
         than the tolerance of 2.5\u{a0}%."
    );
    // 5 × 60 = 300 so far; (770 − 300) / 7 = 67,1 needed.
    let (ws, r) = integrations(&[60.0; 5]);
    let int = ws.catalogue().get("INT").cloned().unwrap();
    assert_eq!(
        pace(&r, &int, Lang::De),
        "Tempo: bisher im Mittel 60,0 je Monat; für den Zielwert 770 nötig in den restlichen 7 Monaten: 67,1 je \
         Monat."
    );
}

#[test]
fn the_legend_names_the_tolerance() {
    let legend = legend(5.0, Lang::De);
    assert_eq!(legend.len(), 8);
    assert_eq!(
        legend[3].1,
        "Im laufenden Jahr: Die Prognose verfehlt das Ziel um höchstens 5\u{a0}% des Zielwerts (Toleranz)."
    );
    assert_eq!(tolerance_text(2.5, Lang::En), "2.5\u{a0}%");
}

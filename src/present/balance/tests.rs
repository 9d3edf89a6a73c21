use super::*;
use crate::domain::agreement::{AgreementId, ManualStatus, TargetId};
use crate::domain::attainment::evaluate;
use crate::domain::example::odenwaldkreis;
use crate::domain::indicator::IndicatorCode;
use crate::domain::values::{Amount, Population, ValueKey};
use crate::domain::workspace::Workspace;

fn year(y: i64) -> Year {
    Year::new(y).unwrap()
}

fn date(y: i64, m: i64, d: i64) -> Date {
    Date::new(y, m, d).unwrap()
}

/// The notes and the standing of every target of the agreement of `y`, on `today`.
fn balance(ws: &Workspace, y: i64, today: Date, lang: Lang) -> (Vec<String>, Vec<Standing>) {
    let agreement = ws.agreement_for(year(y)).unwrap();
    let result = evaluate(ws, agreement);
    let standings = agreement
        .targets
        .iter()
        .map(|t| standing(t, result.result(t.id).unwrap(), agreement.year, today))
        .collect();
    (notes(agreement, &result, today, lang), standings)
}

/// Integrations of all, January to May 2022: 60 a month.
fn with_months_to_may(mut ws: Workspace) -> Workspace {
    for m in 1..=5 {
        let key = ValueKey {
            indicator: IndicatorCode::new("INT"),
            population: Population::Total,
            year: year(2022),
            month: Month::new(m),
        };
        ws.values.record(key, Amount::Number(60.0), None, "");
    }
    ws
}

#[test]
fn a_complete_year_is_final_and_has_no_note() {
    let (notes, standings) = balance(&odenwaldkreis(), 2021, date(2026, 3, 1), Lang::De);
    assert!(notes.is_empty(), "{notes:?}");
    assert_eq!(standings, [Standing::Final, Standing::Final]);
    assert_eq!(standing_label(Standing::Final, Lang::De), "endgültig");
    assert_eq!(standing_label(Standing::Final, Lang::En), "final");
}

/// Issue 20, point 6: the seed's 2022 has no figures; in 2026 that year has long ended, so the balance said
/// "Vorläufig" for nothing. It is "keine Daten".
#[test]
fn a_past_year_without_figures_has_no_data_and_is_not_provisional() {
    let ws = odenwaldkreis();
    let (notes, standings) = balance(&ws, 2022, date(2026, 3, 1), Lang::De);
    assert_eq!(
        notes,
        [
            "Keine Daten: Für 9 Ziele liegt für 2022 kein Ist-Wert vor, obwohl das Jahr abgelaufen ist; sie bleiben \
          unbewertet, bis Werte erfasst sind."
        ]
    );
    // Eight targets and the monitored LLU have no figure; the qualitative goal has none to have.
    assert_eq!(
        standings.iter().filter(|s| **s == Standing::NoData).count(),
        9
    );
    assert_eq!(standings[9], Standing::Qualitative);
    assert_eq!(standing_label(Standing::NoData, Lang::De), "keine Daten");
    assert_eq!(standing_label(Standing::NoData, Lang::En), "no data");
    assert_eq!(standing_label(Standing::Qualitative, Lang::De), "");
    let (en, _) = balance(&ws, 2022, date(2023, 1, 1), Lang::En);
    assert_eq!(
        en,
        [
            "No data: 9 targets have no actual figure for 2022, although the year has ended; they stay unassessed \
          until figures are entered."
        ]
    );
}

#[test]
fn one_target_without_figures_is_named_in_the_singular() {
    let mut ws = odenwaldkreis();
    let a = ws.agreement_mut(AgreementId(2)).unwrap();
    a.targets.retain(|t| t.id == TargetId(3));
    let (notes, _) = balance(&ws, 2022, date(2026, 3, 1), Lang::De);
    assert_eq!(
        notes,
        [
            "Keine Daten: Für 1 Ziel liegt für 2022 kein Ist-Wert vor, obwohl das Jahr abgelaufen ist; es bleibt \
          unbewertet, bis Werte erfasst sind."
        ]
    );
    let (en, _) = balance(&ws, 2022, date(2026, 3, 1), Lang::En);
    assert_eq!(
        en,
        [
            "No data: 1 target has no actual figure for 2022, although the year has ended; it stays unassessed until \
          figures are entered."
        ]
    );
}

#[test]
fn a_running_year_without_figures_is_provisional() {
    let (notes, standings) = balance(&odenwaldkreis(), 2022, date(2022, 12, 31), Lang::De);
    assert_eq!(
        notes,
        [
            "Vorläufig: Für einige Ziele liegt noch kein vollständiges Jahr vor; dort stehen der Stand bis zum \
          letzten Monat mit Daten und die Prognose."
        ]
    );
    assert_eq!(standings[0], Standing::NotYet);
    assert_eq!(
        standing_label(Standing::NotYet, Lang::De),
        "noch keine Daten"
    );
    assert_eq!(standing_label(Standing::NotYet, Lang::En), "no data yet");
}

#[test]
fn months_of_a_past_year_are_provisional_and_the_rest_has_no_data() {
    let ws = with_months_to_may(odenwaldkreis());
    let (notes, standings) = balance(&ws, 2022, date(2026, 3, 1), Lang::En);
    assert_eq!(standings[0], Standing::Provisional(Month::new(5).unwrap()));
    assert_eq!(
        notes,
        [
            "Provisional: for some targets the year is not complete yet; they show the state up to the last month \
             with data and the forecast.",
            "No data: 8 targets have no actual figure for 2022, although the year has ended; they stay unassessed \
             until figures are entered."
        ]
    );
    assert_eq!(
        standing_label(standings[0], Lang::De),
        "vorläufig (bis Mai)"
    );
    assert_eq!(
        standing_label(standings[0], Lang::En),
        "provisional (to May)"
    );
}

/// A qualitative goal judged by hand is not final by figures, and was taken for provisional.
#[test]
fn a_qualitative_goal_is_never_provisional() {
    let mut ws = odenwaldkreis();
    let a = ws.agreement_mut(AgreementId(2)).unwrap();
    a.targets.retain(|t| t.id == TargetId(12));
    if let TargetFormat::Qualitative { status, .. } = &mut a.targets[0].format {
        *status = ManualStatus::Achieved;
    }
    let (notes, standings) = balance(&ws, 2022, date(2022, 6, 1), Lang::De);
    assert_eq!(standings, [Standing::Qualitative]);
    assert!(notes.is_empty(), "{notes:?}");
}

#[test]
fn the_direction_names_minimum_and_cap() {
    assert_eq!(direction(Some(Bound::AtLeast), Lang::De), "≥ Mindestwert");
    assert_eq!(direction(Some(Bound::AtMost), Lang::De), "≤ Obergrenze");
    assert_eq!(direction(Some(Bound::AtLeast), Lang::En), "≥ minimum");
    assert_eq!(direction(Some(Bound::AtMost), Lang::En), "≤ cap");
    assert_eq!(direction(None, Lang::De), "");
}

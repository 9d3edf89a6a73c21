use super::*;
use crate::domain::agreement::{Subject, TargetId};
use crate::domain::indicator::IndicatorCode;
use crate::domain::values::Population;
use crate::domain::workspace::Workspace;

#[test]
fn conflicts_are_named_as_the_user_knows_them() {
    use crate::core::calendar::{Month, Year};
    use crate::domain::values::ValueKey;
    let ws = crate::domain::example::odenwaldkreis();
    let value = Conflict::Value(ValueKey {
        indicator: IndicatorCode::new("INT"),
        population: Population::Women,
        year: Year::new(2022).unwrap(),
        month: Month::new(1),
    });
    assert_eq!(
        conflict_text(&value, &ws, Lang::De),
        "Integrationen – Frauen, Januar 2022"
    );
    let target = Conflict::Target(AgreementId(2), TargetId(4));
    assert_eq!(
        conflict_text(&target, &ws, Lang::En),
        "the target “Integrations – Women” (2022)"
    );
}

#[test]
fn parts_warning_in_german() {
    let cat = Workspace::empty("x").catalogue();
    let w = Warning::TargetPartsDontAddUp {
        subject_total: Subject {
            indicator: IndicatorCode::new("INT"),
            population: Population::Total,
        },
        targets: [TargetId(3), TargetId(4), TargetId(5)],
        total: 770.0,
        women: 300.0,
        men: 462.0,
    };
    assert_eq!(
        text(&w, &cat, Lang::De),
        "Die Ziele für Frauen (300) und Männer (462) zu „Integrationen“ ergeben zusammen 762, nicht das Gesamtziel 770."
    );
}

#[test]
fn the_notes_not_shown_are_counted_in_words() {
    assert_eq!(more_notes(12, Lang::De), "12 weitere Hinweise");
    assert_eq!(more_notes(1, Lang::De), "1 weiterer Hinweis");
    assert_eq!(more_notes(1204, Lang::De), "1.204 weitere Hinweise");
    assert_eq!(more_notes(350, Lang::En), "350 more notes");
    assert_eq!(more_notes(1, Lang::En), "1 more note");
    assert_eq!(more_notes(1204, Lang::En), "1,204 more notes");
}

#[test]
fn the_year_notes_are_worked_out_again_only_for_the_indicator_changed() {
    use crate::core::calendar::{Date, Month, Year};
    use crate::domain::values::{Amount, ValueKey};
    // The synthetic workspace: one year, 8 indicators; its parts do not add up, so the year has notes.
    let mut ws = crate::domain::synthetic::large_workspace(1, 8);
    let year = Year::new(2005).unwrap();
    let all = |ws: &Workspace| {
        let catalogue = ws.catalogue();
        let mut seen = Vec::new();
        for warning in crate::domain::attainment::value_warnings(ws, &catalogue, year) {
            let t = text(&warning, &catalogue, Lang::De);
            if !seen.contains(&t) {
                seen.push(t);
            }
        }
        seen
    };
    let mut notes = YearNotes::default();
    let first = notes.notes(&ws, &ws.catalogue(), year, Lang::De);
    assert_eq!(first, all(&ws));
    assert_eq!(first.len(), 72, "{first:#?}");
    // 24 indicators take values (the 16 of the standard catalogue and the 8 synthetic ones): all worked out on the
    // first call, none on the second.
    assert_eq!(notes.worked_out, 24);
    assert_eq!(notes.notes(&ws, &ws.catalogue(), year, Lang::De), first);
    assert_eq!(notes.worked_out, 0);
    // March of SYN-01 (a count), women: 99,999 (an outlier, and the parts no longer add up).
    let key = ValueKey {
        indicator: crate::domain::indicator::IndicatorCode("SYN-01".into()),
        population: Population::Women,
        year,
        month: Some(Month::from_index(2).unwrap()),
    };
    ws.values
        .record(key, Amount::Number(99_999.0), Date::new(2005, 3, 28), "");
    let after = notes.notes(&ws, &ws.catalogue(), year, Lang::De);
    assert_eq!(notes.worked_out, 1);
    assert_eq!(after, all(&ws));
    assert_ne!(after, first);
    assert!(after.iter().any(|n| n.contains("99.999")), "{after:?}");
    // Another language: all worked out again.
    let english = notes.notes(&ws, &ws.catalogue(), year, Lang::En);
    assert_eq!(notes.worked_out, 24);
    assert!(english.iter().any(|n| n.contains("99,999")));
}

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

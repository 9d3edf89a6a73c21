use super::*;
use crate::domain::example::odenwaldkreis;

fn y(v: i64) -> Year {
    Year::new(v).unwrap()
}

#[test]
fn create_refuses_a_second_agreement_for_a_year() {
    let mut ws = odenwaldkreis();
    let before = ws.clone();
    assert_eq!(
        ws.create_agreement(y(2022), "KJC", "HMSI")
            .map_err(|e| e.message(Lang::De)),
        Err("Für 2022 gibt es bereits eine Zielvereinbarung.".into())
    );
    assert_eq!(ws, before);
    let id = ws
        .create_agreement(y(2023), " KJC ", "HMSI")
        .map_err(|e| e.message(Lang::De))
        .unwrap();
    assert_eq!(id, AgreementId(3));
    assert_eq!(ws.agreement(id).unwrap().job_centre, "KJC");
    assert_eq!(ws.agreement_years(), vec![y(2021), y(2022), y(2023)]);
}

#[test]
fn copy_from_the_previous_year() {
    let mut ws = odenwaldkreis();
    let id = ws
        .copy_agreement(AgreementId(2), y(2023))
        .map_err(|e| e.message(Lang::De))
        .unwrap();
    let copy = ws.agreement(id).unwrap();
    assert_eq!(copy.targets.len(), 10);
    // New ids after the highest existing one (12).
    assert_eq!(copy.targets.first().unwrap().id, TargetId(13));
    assert_eq!(copy.targets.last().unwrap().id, TargetId(22));
    assert_eq!(copy.signatories, "");
    assert_eq!(
        copy.partner,
        "Hessisches Ministerium für Soziales und Integration (HMSI)"
    );
    assert!(copy.targets.iter().all(|t| t.notes.is_empty()));
    assert_eq!(
        ws.copy_agreement(AgreementId(2), y(2023))
            .map_err(|e| e.message(Lang::De)),
        Err("Für 2023 gibt es bereits eine Zielvereinbarung.".into())
    );
}

#[test]
fn delete_and_undo() {
    let mut ws = odenwaldkreis();
    let before = ws.clone();
    let removed = ws.delete_agreement(AgreementId(1)).unwrap();
    assert_eq!(ws.agreement_years(), vec![y(2022)]);
    // The values of 2021 stay.
    assert_eq!(ws.values.len(), before.values.len());
    ws.restore_agreement(removed)
        .map_err(|e| e.message(Lang::De))
        .unwrap();
    assert_eq!(ws, before);

    let removed = ws.remove_target(AgreementId(2), TargetId(4)).unwrap();
    assert_eq!(ws.agreement(AgreementId(2)).unwrap().targets.len(), 9);
    ws.restore_target(removed)
        .map_err(|e| e.message(Lang::De))
        .unwrap();
    assert_eq!(ws, before);
}

#[test]
fn new_parts_go_under_their_total() {
    use crate::domain::agreement::{Category, Subject};
    use crate::domain::indicator::IndicatorCode;
    use crate::domain::values::Population;
    let mut ws = odenwaldkreis();
    // 2022: 770 (3), 308 (4), 462 (5), LZB 2.020 (6) ...: remove both parts, then add the men first.
    ws.remove_target(AgreementId(2), TargetId(4)).unwrap();
    ws.remove_target(AgreementId(2), TargetId(5)).unwrap();
    let part = |id: u32, population: Population, v: f64| Target {
        id: TargetId(id),
        title: String::new(),
        category: Category::Federal,
        format: TargetFormat::Minimum {
            subject: Subject {
                indicator: IndicatorCode::new("INT"),
                population,
            },
            target: v,
        },
        notes: String::new(),
    };
    ws.put_target(AgreementId(2), part(40, Population::Men, 462.0))
        .map_err(|e| e.message(Lang::De))
        .unwrap();
    ws.put_target(AgreementId(2), part(41, Population::Women, 308.0))
        .map_err(|e| e.message(Lang::De))
        .unwrap();
    let ids: Vec<u32> = ws.agreement(AgreementId(2)).unwrap().targets[..4]
        .iter()
        .map(|t| t.id.0)
        .collect();
    // Stored: the men right under the total, the women after the total too (before the men).
    assert_eq!(ids, vec![3, 41, 40, 6]);
    // Shown: women before men under their total, whatever the stored order.
    let a = ws.agreement_mut(AgreementId(2)).unwrap();
    a.targets.swap(1, 2);
    let shown: Vec<u32> = a.display_order()[..4].iter().map(|t| t.id.0).collect();
    assert_eq!(shown, vec![3, 41, 40, 6]);
}

#[test]
fn own_indicators_are_checked() {
    use crate::domain::indicator::{Direction, IndicatorCode, Unit};
    let mut ws = crate::domain::workspace::Workspace::empty("KJC");
    let u25 = Indicator {
        code: IndicatorCode::new("INT-U25-AUSB"),
        name: " Integrationen U25 in Ausbildung ".into(),
        name_en: String::new(),
        unit: Unit::Count,
        aggregation: Aggregation::Flow,
        direction: Direction::HigherIsBetter,
        phrase_de: String::new(),
        phrase_en: String::new(),
    };
    assert_eq!(
        ws.add_indicator(u25.clone())
            .map_err(|e| e.message(Lang::De)),
        Ok(())
    );
    assert_eq!(
        ws.catalogue().get("INT-U25-AUSB").unwrap().name,
        "Integrationen U25 in Ausbildung"
    );
    assert_eq!(
        ws.add_indicator(u25.clone())
            .map_err(|e| e.message(Lang::De)),
        Err("Eine eigene Kennzahl mit dem Code „INT-U25-AUSB“ gibt es bereits.".into())
    );
    let builtin = Indicator {
        code: IndicatorCode::new("K2"),
        ..u25.clone()
    };
    assert_eq!(
        ws.add_indicator(builtin).map_err(|e| e.message(Lang::De)),
        Err("„K2“ ist bereits eine eingebaute Kennzahl.".into())
    );
    let nameless = Indicator {
        code: IndicatorCode::new("X1"),
        name: "  ".into(),
        ..u25
    };
    assert_eq!(
        ws.add_indicator(nameless).map_err(|e| e.message(Lang::De)),
        Err("Bitte eine Bezeichnung für die Kennzahl eingeben.".into())
    );
    assert_eq!(ws.indicators.len(), 1);
}

#[test]
fn undo_is_refused_when_the_year_is_taken_again() {
    let mut ws = odenwaldkreis();
    let removed = ws.delete_agreement(AgreementId(1)).unwrap();
    ws.create_agreement(y(2021), "KJC", "HMSI")
        .map_err(|e| e.message(Lang::De))
        .unwrap();
    assert!(
        ws.restore_agreement(removed)
            .map_err(|e| e.message(Lang::De))
            .unwrap_err()
            .contains("inzwischen eine andere")
    );
}

#[test]
fn refusals_in_english() {
    use crate::domain::indicator::{Direction, IndicatorCode, Unit};
    let mut ws = odenwaldkreis();
    assert_eq!(
        ws.create_agreement(y(2022), "KJC", "HMSI")
            .map_err(|e| e.message(Lang::En)),
        Err("There is already a target agreement for 2022.".into())
    );
    assert_eq!(
        ws.copy_agreement(AgreementId(9), y(2030))
            .map_err(|e| e.message(Lang::En)),
        Err("The agreement to copy no longer exists.".into())
    );
    let removed = ws.delete_agreement(AgreementId(1)).unwrap();
    ws.create_agreement(y(2021), "KJC", "HMSI")
        .map_err(|e| e.message(Lang::En))
        .unwrap();
    assert_eq!(
        ws.restore_agreement(removed).map_err(|e| e.message(Lang::En)),
        Err(
            "There is now another target agreement for 2021; the deleted one cannot be brought back."
                .into()
        )
    );
    let own = |code: &str, name: &str| Indicator {
        code: IndicatorCode::new(code),
        name: name.into(),
        name_en: String::new(),
        unit: Unit::Count,
        aggregation: Aggregation::Flow,
        direction: Direction::HigherIsBetter,
        phrase_de: String::new(),
        phrase_en: String::new(),
    };
    assert_eq!(
        ws.add_indicator(own("K2", "x"))
            .map_err(|e| e.message(Lang::En)),
        Err("“K2” is already a built-in indicator.".into())
    );
    assert!(
        ws.add_indicator(own("1ABC", "x"))
            .map_err(|e| e.message(Lang::En))
            .unwrap_err()
            .starts_with("“1ABC” is not allowed as an indicator code")
    );
    assert_eq!(
        ws.add_indicator(own("X1", " "))
            .map_err(|e| e.message(Lang::En)),
        Err("Please enter a name for the indicator.".into())
    );
    assert_eq!(
        ws.put_target(
            AgreementId(1),
            ws.agreement(AgreementId(2)).unwrap().targets[0].clone(),
        )
        .map_err(|e| e.message(Lang::En)),
        Err("The target agreement no longer exists.".into())
    );
}

use super::*;
use crate::domain::indicator::builtin_catalogue;

fn subject(code: &str, population: Population) -> Subject {
    Subject {
        indicator: IndicatorCode::new(code),
        population,
    }
}

#[test]
fn stated_quota_figures_fit_within_their_rounding() {
    // Bremen: "um 7,3 % von 13,7 % auf 14,7 %": 13,7 × 1,073 = 14,7001.
    assert!(stated_figures_fit(13.7, 7.3, ChangeUnit::Percent, 14.7));
    assert!(!stated_figures_fit(13.7, 7.3, ChangeUnit::Percent, 15.7));
    // The rounded figures allow 13,65 × 1,0725 = 14,640 to 13,75 × 1,0735 = 14,761: 14,6 (14,55–14,65)
    // overlaps, 14,5 (14,45–14,55) does not.
    assert!(stated_figures_fit(13.7, 7.3, ChangeUnit::Percent, 14.6));
    assert!(!stated_figures_fit(13.7, 7.3, ChangeUnit::Percent, 14.5));
    // Figures written with two decimals are taken as that precise: 13,71 + 7,30 % = 14,71083 (14,705–14,716)
    // fits 14,71 but not 14,73.
    assert!(stated_figures_fit(13.71, 7.30, ChangeUnit::Percent, 14.71));
    assert!(!stated_figures_fit(13.71, 7.31, ChangeUnit::Percent, 14.73));
    // Hessen: "steigt um 1,8 auf 58" as points from 56,2, not from 56,0.
    assert!(stated_figures_fit(
        56.2,
        1.8,
        ChangeUnit::PercentagePoints,
        58.0
    ));
    assert!(!stated_figures_fit(
        56.0,
        1.8,
        ChangeUnit::PercentagePoints,
        58.0
    ));
}

#[test]
fn change_units_both_ways() {
    // "steigt um 1,8 auf 58": as points from 56,2; as percent from 56,97...
    assert_eq!(ChangeUnit::PercentagePoints.base_for(58.0, 1.8), Some(56.2));
    let base = ChangeUnit::Percent.base_for(58.0, 1.8).unwrap();
    assert!((base - 56.974_459_724_950_88).abs() < 1e-9, "{base}");
    assert!((ChangeUnit::Percent.apply(2000.0, 14.0) - 2280.0).abs() < 1e-9);
    assert!((ChangeUnit::PercentagePoints.apply(13.7, 1.0) - 14.7).abs() < 1e-9);
    assert_eq!(ChangeUnit::Percent.base_for(0.0, -100.0), None);
}

#[test]
fn bounds_of_each_format() {
    let m = TargetFormat::Minimum {
        subject: subject("INT", Population::Total),
        target: 770.0,
    };
    assert_eq!(m.bound(), Some(Bound::AtLeast));
    let c = TargetFormat::Maximum {
        subject: subject("LZB", Population::Total),
        cap: 2020.0,
    };
    assert_eq!(c.bound(), Some(Bound::AtMost));
    assert_eq!(ChangeLimit::RiseAtMost.bound(), Bound::AtMost);
    assert_eq!(ChangeLimit::FallAtMost.bound(), Bound::AtLeast);
    assert_eq!(ChangeLimit::FallAtMost.signed(6.9), -6.9);
    assert!(Bound::AtLeast.is_met(718.0, 690.0));
    assert!(!Bound::AtMost.is_met(2035.0, 2030.0));
    assert!(Bound::AtMost.is_met(2030.0, 2030.0));
}

#[test]
fn stored_form_names_the_format() {
    let t = Target {
        id: TargetId(3),
        title: String::new(),
        category: Category::State,
        format: TargetFormat::QuotaIncrease {
            subject: subject("K2E3", Population::Total),
            baseline: None,
            change: 1.8,
            unit: ChangeUnit::Percent,
            target: 58.0,
        },
        notes: String::new(),
    };
    let json = serde_json::to_string(&t).unwrap();
    assert!(
        json.contains(r#""format":"quote_auf_zielwert","kennzahl":"K2E3","gruppe":"Insgesamt""#),
        "{json}"
    );
    assert!(json.contains(r#""einheit":"Prozent""#), "{json}");
    assert_eq!(serde_json::from_str::<Target>(&json).unwrap(), t);
}

#[test]
fn validation_speaks_german() {
    let cat = builtin_catalogue();
    let int = cat.iter().find(|i| i.code.as_str() == "INT");
    let t = Target {
        id: TargetId(1),
        title: String::new(),
        category: Category::Federal,
        format: TargetFormat::QuotaIncrease {
            subject: subject("INT", Population::Total),
            baseline: None,
            change: 1.8,
            unit: ChangeUnit::PercentagePoints,
            target: f64::NAN,
        },
        notes: String::new(),
    };
    let problems = t.validate(int, Lang::De);
    assert!(
        problems.iter().any(|p| p.contains("keine gültige Zahl")),
        "{problems:?}"
    );
    assert!(
        problems.iter().any(|p| p.contains("passt nur zu Quoten")),
        "{problems:?}"
    );
    let q = Target {
        format: TargetFormat::Qualitative {
            description: " ".into(),
            status: ManualStatus::Open,
        },
        ..t
    };
    assert_eq!(
        q.validate(None, Lang::De),
        vec!["Ein qualitatives Ziel braucht eine Beschreibung.".to_owned()]
    );
}

#[test]
fn validation_speaks_english() {
    let cat = builtin_catalogue();
    let int = cat.iter().find(|i| i.code.as_str() == "INT");
    let t = Target {
        id: TargetId(1),
        title: String::new(),
        category: Category::Federal,
        format: TargetFormat::QuotaIncrease {
            subject: subject("INT", Population::Total),
            baseline: Some(-1.0),
            change: 1.8,
            unit: ChangeUnit::PercentagePoints,
            target: f64::NAN,
        },
        notes: String::new(),
    };
    assert_eq!(
        t.validate(int, Lang::En),
        vec![
            "Target value: not a valid number.".to_owned(),
            "The format “rate with target value” only applies to rates; “Integrationen” is not a rate."
                .to_owned(),
            "Baseline must not be negative.".to_owned(),
        ]
    );
    let unknown = Target {
        format: TargetFormat::Monitoring {
            subject: subject("XYZ", Population::Women),
        },
        ..t
    };
    assert_eq!(
        unknown.validate(None, Lang::En),
        vec!["The indicator “XYZ” is not in the catalogue.".to_owned()]
    );
}

#[test]
fn labels_in_both_languages() {
    assert_eq!(Category::State.label(Lang::De), "landesspezifisches Ziel");
    assert_eq!(Category::State.label(Lang::En), "state target");
    assert_eq!(
        ChangeUnit::PercentagePoints.label(Lang::En),
        "percentage points"
    );
    assert_eq!(ChangeUnit::Percent.label(Lang::En), "%");
    let cap = TargetFormat::Maximum {
        subject: subject("LZB", Population::Total),
        cap: 2020.0,
    };
    assert_eq!(cap.label(Lang::De), "Obergrenze");
    assert_eq!(cap.label(Lang::En), "cap");
}

/// The stored shape of each format reads as before (agreement/wire.rs): numbers written out, a format's own
/// fields taken and another format's ignored, serde's message for a missing field, and every format read back
/// from what is written.
#[test]
fn each_format_reads_from_its_stored_shape() {
    let read = |text: &str| serde_json::from_str::<TargetFormat>(text);
    assert_eq!(
        read(r#"{"format":"mindestens","kennzahl":"INT","gruppe":"Insgesamt","zielwert":770}"#)
            .unwrap(),
        TargetFormat::Minimum {
            subject: subject("INT", Population::Total),
            target: 770.0
        }
    );
    assert_eq!(
        read(
            r#"{"obergrenze":2020.5,"gruppe":"Insgesamt","kennzahl":"LZB","format":"hoechstens"}"#
        )
        .unwrap(),
        TargetFormat::Maximum {
            subject: subject("LZB", Population::Total),
            cap: 2020.5
        }
    );
    // "ausgangswert" may be missing or null in format 3.
    assert_eq!(
        read(r#"{"format":"quote_auf_zielwert","kennzahl":"IQ","gruppe":"Frauen","ausgangswert":null,"veraenderung":1.8,"einheit":"Prozentpunkte","zielwert":58}"#).unwrap(),
        TargetFormat::QuotaIncrease {
            subject: subject("IQ", Population::Women),
            baseline: None,
            change: 1.8,
            unit: ChangeUnit::PercentagePoints,
            target: 58.0
        }
    );
    assert_eq!(
        read(r#"{"format":"veraenderung_zum_vorjahr","kennzahl":"LZB","gruppe":"Männer","grenze":"steigt_um_hoechstens","veraenderung":14,"einheit":"Prozent","zielwert":1}"#).unwrap(),
        TargetFormat::ChangeVsPreviousYear {
            subject: subject("LZB", Population::Men),
            limit: ChangeLimit::RiseAtMost,
            change: 14.0,
            unit: ChangeUnit::Percent
        }
    );
    assert_eq!(
        read(r#"{"format":"quote_relativ","kennzahl":"IQ","gruppe":"Frauen","ausgangswert":13.7,"veraenderung_prozent":7.3,"zielwert":14.7}"#).unwrap(),
        TargetFormat::QuotaRelativeChange {
            subject: subject("IQ", Population::Women),
            baseline: 13.7,
            change_percent: 7.3,
            target: 14.7
        }
    );
    assert_eq!(
        read(r#"{"format":"monitoring","kennzahl":"K3","gruppe":"Insgesamt"}"#).unwrap(),
        TargetFormat::Monitoring {
            subject: subject("K3", Population::Total)
        }
    );
    assert_eq!(
        read(r#"{"format":"qualitativ","beschreibung":"Netzwerk Alleinerziehende","status":"teilweise_erreicht"}"#).unwrap(),
        TargetFormat::Qualitative {
            description: "Netzwerk Alleinerziehende".into(),
            status: ManualStatus::PartlyAchieved
        }
    );
    // What is missing or wrong is an error with serde's words; nothing is guessed.
    let missing =
        read(r#"{"format":"mindestens","kennzahl":"INT","gruppe":"Insgesamt"}"#).unwrap_err();
    assert!(
        missing.to_string().contains("missing field `zielwert`"),
        "{missing}"
    );
    let no_subject = read(r#"{"format":"monitoring","gruppe":"Insgesamt"}"#).unwrap_err();
    assert!(
        no_subject.to_string().contains("missing field `kennzahl`"),
        "{no_subject}"
    );
    assert!(
        read(r#"{"format":"irgendwas","kennzahl":"INT","gruppe":"Insgesamt","zielwert":1}"#)
            .is_err()
    );
    assert!(read(r#"{"kennzahl":"INT","gruppe":"Insgesamt","zielwert":1}"#).is_err());
    assert!(
        read(r#"{"format":"mindestens","kennzahl":"INT","gruppe":"Insgesamt","zielwert":"770"}"#)
            .is_err()
    );
    // Every format reads back from what is written.
    for format in [
        read(r#"{"format":"quote_auf_zielwert","kennzahl":"IQ","gruppe":"Insgesamt","ausgangswert":56.2,"veraenderung":1.8,"einheit":"Prozent","zielwert":58}"#).unwrap(),
        read(r#"{"format":"qualitativ","beschreibung":"x","status":"offen"}"#).unwrap(),
        read(r#"{"format":"veraenderung_zum_vorjahr","kennzahl":"LZB","gruppe":"Insgesamt","grenze":"sinkt_um_mindestens","veraenderung":2,"einheit":"Prozentpunkte"}"#).unwrap(),
    ] {
        let text = serde_json::to_string(&format).unwrap();
        assert_eq!(read(&text).unwrap(), format, "{text}");
    }
}

use super::*;
use crate::core::calendar::Year;
use crate::domain::agreement::AgreementId;
use crate::domain::example::odenwaldkreis;

#[test]
fn the_integrations_group_loads_with_its_parts() {
    let ws = odenwaldkreis();
    let a = ws.agreement(AgreementId(2)).unwrap();
    for id in [3, 4, 5] {
        let d = draft_for(a, TargetId(id), Lang::De).unwrap();
        assert_eq!((d.kind, d.indicator.as_str()), (Kind::Minimum, "INT"));
        assert_eq!(
            (d.total.as_str(), d.women.as_str(), d.men.as_str()),
            ("770", "308", "462")
        );
        assert_eq!(
            d.ids,
            [Some(TargetId(3)), Some(TargetId(4)), Some(TargetId(5))]
        );
        assert_eq!(parts_hint(&d, Lang::De), None);
    }
    let lzb = draft_for(a, TargetId(6), Lang::De).unwrap();
    assert_eq!(
        (
            lzb.kind,
            lzb.total.as_str(),
            lzb.women.as_str(),
            lzb.men.as_str()
        ),
        (Kind::Maximum, "2.020", "1.100", "920")
    );
    let quota = draft_for(a, TargetId(10), Lang::De).unwrap();
    assert_eq!(
        (quota.change.as_str(), quota.target.as_str(), quota.unit),
        ("1,8", "58", Some(ChangeUnit::Percent))
    );
}

#[test]
fn a_relative_change_needs_two_of_three_and_says_the_third() {
    let ws = odenwaldkreis();
    let draft = |b: &str, c: &str, t: &str| Draft {
        kind: Kind::QuotaRelativeChange,
        indicator: "K2".into(),
        population: Some(Population::Women),
        baseline: b.into(),
        change: c.into(),
        target: t.into(),
        ..Draft::default()
    };
    // "um 7,3 % von 13,7 %": 13,7 × 1,073 = 14,7001 → 14,70.
    let d = draft("13,7", "7,3", "");
    assert_eq!(
        relative_change_hint(&d, Lang::De),
        Some((
            Field::Target,
            "13,7\u{a0}% um 7,3\u{a0}% ergibt den Zielwert 14,7\u{a0}%.".into()
        ))
    );
    let built = build(&d, &ws.catalogue(), TargetId(50), Lang::De).unwrap();
    assert_eq!(
        built.put[0].format,
        TargetFormat::QuotaRelativeChange {
            subject: Subject {
                indicator: IndicatorCode::new("K2"),
                population: Population::Women
            },
            baseline: 13.7,
            change_percent: 7.3,
            target: 14.7
        }
    );
    // From 13,7 to 14,7: (14,7 / 13,7 − 1) × 100 = 7,299... → 7,3.
    let d = draft("13.7", "", "14.7");
    assert_eq!(
        relative_change_hint(&d, Lang::En).map(|h| h.1),
        Some("From 13.7\u{a0}% to 14.7\u{a0}% is a change of 7.3\u{a0}%.".into())
    );
    // 13,7 / 7,3 / 15,7: saved as typed, but said.
    let d = draft("13,7", "7,3", "15,7");
    assert_eq!(
        relative_change_hint(&d, Lang::De).map(|h| h.1),
        Some(
            "⚠ 13,7\u{a0}% um 7,3\u{a0}% ergibt 14,70\u{a0}%, nicht 15,7\u{a0}%. Gespeichert wird, was Sie \
             eintragen; bewertet wird gegen 15,7\u{a0}%, und der Hinweis bleibt am Ziel sichtbar."
                .into()
        )
    );
    assert!(build(&d, &ws.catalogue(), TargetId(50), Lang::De).is_ok());
    assert_eq!(
        relative_change_hint(&draft("13,7", "7,3", "14,7"), Lang::De),
        None
    );
    // One number is not enough: both empty fields say so.
    let errors = build(
        &draft("13,7", "", ""),
        &ws.catalogue(),
        TargetId(50),
        Lang::De,
    )
    .unwrap_err();
    let fields: Vec<Field> = errors.iter().map(|(f, _)| *f).collect();
    assert_eq!(fields, [Field::Change, Field::Target]);
}

#[test]
fn every_choice_round_trips_through_its_key() {
    fn check<T: Copy + PartialEq + std::fmt::Debug>(table: &[Choice<T>]) {
        for c in table {
            assert_eq!(
                from_key(table, key_of(table, Some(c.value))),
                Some(c.value),
                "{c:?}"
            );
        }
        let keys: std::collections::HashSet<_> = table.iter().map(|c| c.key).collect();
        assert_eq!(keys.len(), table.len(), "keys are unique");
    }
    check(POPULATIONS);
    check(CATEGORIES);
    check(UNITS);
    check(LIMITS);
    check(STATUSES);
    assert_eq!(key_of(CATEGORIES, None), "");
    assert_eq!(from_key(CATEGORIES, ""), None);
    assert_eq!(
        from_key(LIMITS, "steigt_um_hoechstens"),
        Some(ChangeLimit::RiseAtMost)
    );
}

#[test]
fn a_wrong_split_is_hinted() {
    let d = Draft {
        kind: Kind::Minimum,
        total: "770".into(),
        women: "300".into(),
        men: "462".into(),
        ..Draft::default()
    };
    assert_eq!(
        parts_hint(&d, Lang::De).as_deref(),
        Some("Frauen 300 + Männer 462 = 762; das Gesamtziel ist 770.")
    );
}

#[test]
fn building_the_seed_2022_integrations_from_scratch() {
    let ws = odenwaldkreis();
    let d = Draft {
        kind: Kind::Minimum,
        indicator: "INT".into(),
        total: "770".into(),
        women: "308".into(),
        men: "462".into(),
        ..Draft::default()
    };
    let built = build(&d, &ws.catalogue(), TargetId(100), Lang::De).unwrap();
    let formats: Vec<(u32, TargetFormat)> =
        built.put.into_iter().map(|t| (t.id.0, t.format)).collect();
    assert_eq!(
        formats,
        vec![
            (
                100,
                TargetFormat::Minimum {
                    subject: Subject {
                        indicator: IndicatorCode::new("INT"),
                        population: Population::Total
                    },
                    target: 770.0
                }
            ),
            (
                101,
                TargetFormat::Minimum {
                    subject: Subject {
                        indicator: IndicatorCode::new("INT"),
                        population: Population::Women
                    },
                    target: 308.0
                }
            ),
            (
                102,
                TargetFormat::Minimum {
                    subject: Subject {
                        indicator: IndicatorCode::new("INT"),
                        population: Population::Men
                    },
                    target: 462.0
                }
            ),
        ]
    );
}

#[test]
fn every_problem_is_named_by_field() {
    let ws = odenwaldkreis();
    let d = Draft {
        kind: Kind::QuotaIncrease,
        indicator: "INT".into(),
        change: "1.8".into(),
        ..Draft::default()
    };
    let errors = build(&d, &ws.catalogue(), TargetId(1), Lang::De).unwrap_err();
    assert_eq!(
        errors,
        vec![
            (
                Field::Change,
                "„1.8“: Bitte das Komma als Dezimaltrennzeichen verwenden, z. B. 1,8.".to_owned()
            ),
            (Field::Target, "Bitte eine Zahl eingeben.".to_owned()),
            (
                Field::Indicator,
                "„Integrationen“ ist keine Quote; dieses Format passt nur zu Quoten.".to_owned()
            ),
        ]
    );
    let q = Draft {
        kind: Kind::Qualitative,
        ..Draft::default()
    };
    assert_eq!(
        build(&q, &ws.catalogue(), TargetId(1), Lang::De).unwrap_err(),
        vec![(Field::Description, "Bitte das Ziel beschreiben.".to_owned())]
    );
}

#[test]
fn emptying_a_part_removes_that_target() {
    let ws = odenwaldkreis();
    let a = ws.agreement(AgreementId(2)).unwrap();
    let mut d = draft_for(a, TargetId(3), Lang::De).unwrap();
    d.women.clear();
    d.men.clear();
    let built = build(&d, &ws.catalogue(), ws.next_target_id(), Lang::De).unwrap();
    assert_eq!(built.put.len(), 1);
    assert_eq!(built.remove, vec![TargetId(4), TargetId(5)]);
    assert!(Year::new(2022).is_some());
}

#[test]
fn the_integrations_group_loads_in_english_figures() {
    let ws = odenwaldkreis();
    let a = ws.agreement(AgreementId(2)).unwrap();
    let lzb = draft_for(a, TargetId(6), Lang::En).unwrap();
    assert_eq!(
        (lzb.total.as_str(), lzb.women.as_str(), lzb.men.as_str()),
        ("2,020", "1,100", "920")
    );
    assert_eq!(parts_hint(&lzb, Lang::En), None);
    let quota = draft_for(a, TargetId(10), Lang::En).unwrap();
    assert_eq!(
        (quota.change.as_str(), quota.target.as_str()),
        ("1.8", "58")
    );
    // What English loads, English builds back unchanged.
    let built = build(&quota, &ws.catalogue(), ws.next_target_id(), Lang::En).unwrap();
    assert_eq!(
        built.put.first().map(|t| &t.format),
        a.targets
            .iter()
            .find(|t| t.id == TargetId(10))
            .map(|t| &t.format)
    );
}

#[test]
fn a_wrong_split_is_hinted_in_english() {
    let d = Draft {
        kind: Kind::Minimum,
        total: "780".into(),
        women: "308".into(),
        men: "462".into(),
        ..Draft::default()
    };
    assert_eq!(
        parts_hint(&d, Lang::En).as_deref(),
        Some("Women 308 + men 462 = 770; the total target is 780.")
    );
    let lzb = Draft {
        kind: Kind::Maximum,
        total: "2,030".into(),
        women: "1,100".into(),
        men: "920".into(),
        ..Draft::default()
    };
    assert_eq!(
        parts_hint(&lzb, Lang::En).as_deref(),
        Some("Women 1,100 + men 920 = 2,020; the total target is 2,030.")
    );
}

#[test]
fn every_problem_is_named_by_field_in_english() {
    let ws = odenwaldkreis();
    let d = Draft {
        kind: Kind::QuotaIncrease,
        indicator: "INT".into(),
        change: "12,5".into(),
        ..Draft::default()
    };
    assert_eq!(
        build(&d, &ws.catalogue(), TargetId(1), Lang::En).unwrap_err(),
        vec![
            (
                Field::Change,
                "“12,5”: please use a point as the decimal separator, e.g. 12.5.".to_owned()
            ),
            (Field::Target, "Please enter a number.".to_owned()),
            (
                Field::Indicator,
                "“Integrations” is not a rate; this format only applies to rates.".to_owned()
            ),
        ]
    );
    let empty = Draft {
        kind: Kind::Minimum,
        indicator: "NOPE".into(),
        men: "-3".into(),
        ..Draft::default()
    };
    assert_eq!(
        build(&empty, &ws.catalogue(), TargetId(1), Lang::En).unwrap_err(),
        vec![
            (
                Field::Men,
                "The target value must not be negative.".to_owned()
            ),
            (
                Field::Indicator,
                "The indicator “NOPE” is not in the catalogue.".to_owned()
            ),
        ]
    );
    let q = Draft {
        kind: Kind::Qualitative,
        ..Draft::default()
    };
    assert_eq!(
        build(&q, &ws.catalogue(), TargetId(1), Lang::En).unwrap_err(),
        vec![(Field::Description, "Please describe the goal.".to_owned())]
    );
}

#[test]
fn choices_and_formats_speak_both_languages() {
    let state = CATEGORIES
        .iter()
        .find(|c| c.value == Category::State)
        .unwrap();
    assert_eq!(
        (state.key, state.label(Lang::De), state.label(Lang::En)),
        (
            "landesspezifisch",
            "landesspezifisches Ziel",
            "State target"
        )
    );
    assert_eq!(UNITS[0].label(Lang::En), "Percentage points");
    assert_eq!(LIMITS[1].label(Lang::En), "falls by at most");
    assert_eq!(
        Kind::Minimum.label(Lang::En),
        "Minimum (e.g. at least 770 integrations)"
    );
    assert_eq!(
        Kind::Minimum.label(Lang::De),
        "Mindestwert (z. B. mindestens 770 Integrationen)"
    );
    for table in [
        POPULATIONS
            .iter()
            .map(|c| (c.label_de, c.label_en))
            .collect::<Vec<_>>(),
        CATEGORIES
            .iter()
            .map(|c| (c.label_de, c.label_en))
            .collect(),
        UNITS.iter().map(|c| (c.label_de, c.label_en)).collect(),
        LIMITS.iter().map(|c| (c.label_de, c.label_en)).collect(),
        STATUSES.iter().map(|c| (c.label_de, c.label_en)).collect(),
    ] {
        for (de, en) in table {
            assert!(!de.is_empty() && !en.is_empty(), "{de} / {en}");
        }
    }
}

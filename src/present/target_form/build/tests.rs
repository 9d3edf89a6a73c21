//! The pure steps of `build`, one field group at a time, with the numbers and messages written out.

use super::*;
use crate::domain::example::odenwaldkreis;

fn code(text: &str) -> IndicatorCode {
    IndicatorCode::new(text)
}

fn subject(indicator: &str, population: Population) -> Subject {
    Subject {
        indicator: code(indicator),
        population,
    }
}

#[test]
fn a_number_field_reads_as_typed_or_says_why_not() {
    assert_eq!(read_number("1.234,5", true, Lang::De), Ok(Some(1234.5)));
    assert_eq!(read_number("2,020", true, Lang::En), Ok(Some(2020.0)));
    assert_eq!(read_number("  ", false, Lang::De), Ok(None));
    assert_eq!(
        read_number("", true, Lang::De),
        Err("Bitte eine Zahl eingeben.".to_owned())
    );
    assert_eq!(
        read_number(" ", true, Lang::En),
        Err("Please enter a number.".to_owned())
    );
    assert_eq!(
        read_number("1.8", false, Lang::De),
        Err("„1.8“: Bitte das Komma als Dezimaltrennzeichen verwenden, z. B. 1,8.".to_owned())
    );
}

#[test]
fn the_parts_read_total_women_and_men_with_an_empty_one_as_none() {
    let parts = |total: &str, women: &str, men: &str| Draft {
        kind: Kind::Minimum,
        total: total.into(),
        women: women.into(),
        men: men.into(),
        ..Draft::default()
    };
    assert_eq!(
        read_parts(&parts("770", "", "462"), Lang::De),
        Ok([Some(770.0), None, Some(462.0)])
    );
    assert_eq!(
        read_parts(&parts("", " ", ""), Lang::De),
        Err(vec![(
            Field::Total,
            "Bitte mindestens einen Zielwert eingeben.".to_owned()
        )])
    );
    assert_eq!(
        read_parts(&parts("-5", "308", "-1"), Lang::En),
        Err(vec![
            (
                Field::Total,
                "The target value must not be negative.".to_owned()
            ),
            (
                Field::Men,
                "The target value must not be negative.".to_owned()
            ),
        ])
    );
}

#[test]
fn a_rate_with_a_target_value_needs_change_and_target() {
    let quota = |baseline: &str, change: &str, target: &str| Draft {
        kind: Kind::QuotaIncrease,
        baseline: baseline.into(),
        change: change.into(),
        target: target.into(),
        ..Draft::default()
    };
    assert_eq!(
        read_quota_increase(&quota("56,2", "1,8", "58"), Lang::De),
        Ok((Some(56.2), 1.8, 58.0))
    );
    assert_eq!(
        read_quota_increase(&quota("", "1,8", "58"), Lang::De),
        Ok((None, 1.8, 58.0))
    );
    assert_eq!(
        read_quota_increase(&quota("56,2", "", ""), Lang::De),
        Err(vec![
            (Field::Change, "Bitte eine Zahl eingeben.".to_owned()),
            (Field::Target, "Bitte eine Zahl eingeben.".to_owned()),
        ])
    );
}

#[test]
fn a_change_on_the_previous_year_is_given_without_a_sign() {
    let change = |text: &str| Draft {
        kind: Kind::ChangeVsPreviousYear,
        change: text.into(),
        ..Draft::default()
    };
    assert_eq!(read_change(&change("14"), Lang::De), Ok(14.0));
    assert_eq!(
        read_change(&change("-14"), Lang::De),
        Err(vec![(
            Field::Change,
            "Die Veränderung ohne Vorzeichen angeben; die Richtung steht in der Grenze.".to_owned()
        )])
    );
    assert_eq!(
        read_change(&change(""), Lang::En),
        Err(vec![(Field::Change, "Please enter a number.".to_owned())])
    );
}

#[test]
fn a_relative_change_reads_two_of_three_and_computes_the_third() {
    let relative = |baseline: &str, change: &str, target: &str| Draft {
        kind: Kind::QuotaRelativeChange,
        baseline: baseline.into(),
        change: change.into(),
        target: target.into(),
        ..Draft::default()
    };
    // 13,7 × 1,073 = 14,7001 → 14,70.
    assert_eq!(
        read_relative_change(&relative("13,7", "7,3", ""), Lang::De),
        Ok((13.7, 7.3, 14.7))
    );
    // 14,7 / 13,7 − 1 = 7,299… % → 7,30 %.
    assert_eq!(
        read_relative_change(&relative("13,7", "", "14,7"), Lang::De),
        Ok((13.7, 7.3, 14.7))
    );
    let two_of_three = "Bitte mindestens zwei der drei Zahlen eingeben; die dritte ergibt sich.";
    assert_eq!(
        read_relative_change(&relative("13,7", "", ""), Lang::De),
        Err(vec![
            (Field::Change, two_of_three.to_owned()),
            (Field::Target, two_of_three.to_owned()),
        ])
    );
}

#[test]
fn a_qualitative_goal_needs_a_description() {
    let goal = |text: &str| Draft {
        kind: Kind::Qualitative,
        description: text.into(),
        ..Draft::default()
    };
    assert_eq!(
        read_description(&goal("  Netzwerk aufbauen "), Lang::De),
        Ok("Netzwerk aufbauen".to_owned())
    );
    assert_eq!(
        read_description(&goal("   "), Lang::En),
        Err(vec![(
            Field::Description,
            "Please describe the goal.".to_owned()
        )])
    );
}

#[test]
fn the_indicator_must_be_chosen_known_and_a_rate_where_the_format_asks_for_one() {
    let ws = odenwaldkreis();
    let catalogue = ws.catalogue();
    let problem = |kind: Kind, text: &str, lang: Lang| {
        indicator_problem(kind, &code(text), catalogue.get(text), lang).map(|(_, m)| m)
    };
    assert_eq!(
        problem(Kind::Minimum, "", Lang::De).as_deref(),
        Some("Bitte eine Kennzahl wählen.")
    );
    assert_eq!(
        problem(Kind::Monitoring, "NOPE", Lang::De).as_deref(),
        Some("Die Kennzahl „NOPE“ ist nicht im Katalog.")
    );
    assert_eq!(
        problem(Kind::QuotaRelativeChange, "INT", Lang::De).as_deref(),
        Some("„Integrationen“ ist keine Quote; dieses Format passt nur zu Quoten.")
    );
    assert_eq!(problem(Kind::QuotaIncrease, "K2", Lang::De), None);
    assert_eq!(problem(Kind::Minimum, "INT", Lang::En), None);
    assert_eq!(
        indicator_problem(Kind::Minimum, &code(""), None, Lang::En),
        Some((Field::Indicator, "Please choose an indicator.".to_owned()))
    );
}

#[test]
fn a_group_gives_a_format_per_filled_part_and_removes_an_emptied_one() {
    let d = Draft {
        kind: Kind::Maximum,
        total: "2.020".into(),
        women: "".into(),
        men: "920".into(),
        ids: [Some(TargetId(6)), Some(TargetId(7)), Some(TargetId(8))],
        ..Draft::default()
    };
    assert_eq!(
        formats(&d, &code("LZB"), None, Lang::De),
        Ok(Formats {
            put: vec![
                (
                    0,
                    TargetFormat::Maximum {
                        subject: subject("LZB", Population::Total),
                        cap: 2020.0
                    }
                ),
                (
                    2,
                    TargetFormat::Maximum {
                        subject: subject("LZB", Population::Men),
                        cap: 920.0
                    }
                ),
            ],
            remove: vec![TargetId(7)],
        })
    );
}

#[test]
fn a_count_changes_against_the_previous_year_in_per_cent_only() {
    let ws = odenwaldkreis();
    let catalogue = ws.catalogue();
    let d = Draft {
        kind: Kind::ChangeVsPreviousYear,
        population: Some(Population::Women),
        change: "14".into(),
        unit: Some(ChangeUnit::PercentagePoints),
        limit: Some(ChangeLimit::FallAtMost),
        ..Draft::default()
    };
    assert_eq!(
        formats(&d, &code("INT"), catalogue.get("INT"), Lang::De),
        Ok(Formats::one(TargetFormat::ChangeVsPreviousYear {
            subject: subject("INT", Population::Women),
            limit: ChangeLimit::FallAtMost,
            change: 14.0,
            unit: ChangeUnit::Percent,
        }))
    );
}

#[test]
fn targets_keep_the_ids_they_edit_and_new_ones_count_on_from_the_next_free() {
    let d = Draft {
        kind: Kind::Minimum,
        title: "  Integrationen ".into(),
        notes: "laut Protokoll".into(),
        ids: [Some(TargetId(3)), None, Some(TargetId(5))],
        ..Draft::default()
    };
    let minimum = |population: Population, target: f64| TargetFormat::Minimum {
        subject: subject("INT", population),
        target,
    };
    let formats = Formats {
        put: vec![
            (0, minimum(Population::Total, 770.0)),
            (1, minimum(Population::Women, 308.0)),
            (2, minimum(Population::Men, 462.0)),
        ],
        remove: Vec::new(),
    };
    let built = targets(&d, formats, TargetId(100));
    assert_eq!(
        built
            .put
            .iter()
            .map(|t| (t.id.0, t.title.as_str(), t.category, t.notes.as_str()))
            .collect::<Vec<_>>(),
        vec![
            (3, "Integrationen", Category::Federal, "laut Protokoll"),
            (100, "Integrationen", Category::Federal, "laut Protokoll"),
            (5, "Integrationen", Category::Federal, "laut Protokoll"),
        ]
    );
    assert_eq!(built.remove, Vec::<TargetId>::new());
    // A qualitative goal is a qualitative target unless a category is chosen.
    let goal = Draft {
        kind: Kind::Qualitative,
        ..Draft::default()
    };
    let qualitative = Formats::one(TargetFormat::Qualitative {
        description: "Netzwerk aufbauen".into(),
        status: ManualStatus::Open,
    });
    let built = targets(&goal, qualitative, TargetId(12));
    assert_eq!(
        built
            .put
            .iter()
            .map(|t| (t.id.0, t.category))
            .collect::<Vec<_>>(),
        vec![(12, Category::Qualitative)]
    );
}

#[test]
fn build_names_the_fields_problems_before_the_indicators() {
    let ws = odenwaldkreis();
    let d = Draft {
        kind: Kind::Minimum,
        ..Draft::default()
    };
    assert_eq!(
        build(&d, &ws.catalogue(), TargetId(1), Lang::De),
        Err(vec![
            (
                Field::Total,
                "Bitte mindestens einen Zielwert eingeben.".to_owned()
            ),
            (Field::Indicator, "Bitte eine Kennzahl wählen.".to_owned()),
        ])
    );
}

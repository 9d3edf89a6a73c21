use super::*;

#[test]
fn the_start_year_is_the_latest_agreement_else_this_year() {
    let y = |v| Year::new(v).unwrap();
    let seed = crate::domain::example::odenwaldkreis();
    assert_eq!(seed.start_year(Some(y(2026))), y(2022));
    let empty = Workspace::empty("KJC");
    assert_eq!(empty.start_year(Some(y(2026))), y(2026));
    assert_eq!(empty.start_year(None), y(2000));
}

#[test]
fn empty_workspace_round_trips() {
    let ws = Workspace::empty(" Jobcenter Musterkreis ");
    assert_eq!(ws.organisation, "Jobcenter Musterkreis");
    let json = ws.to_json().unwrap();
    assert!(json.starts_with(r#"{"schema_version":3,"#), "{json}");
    assert_eq!(Workspace::from_json(&json), Ok(ws));
}

#[test]
fn unreadable_documents_say_why() {
    assert!(matches!(
        Workspace::from_json("{kaputt"),
        Err(LoadError::NotJson(_))
    ));
    assert_eq!(
        Workspace::from_json(r#"{"organisation":"x"}"#),
        Err(LoadError::NoSchemaVersion)
    );
    assert_eq!(
        Workspace::from_json(r#"{"schema_version":7}"#),
        Err(LoadError::NewerSchema { found: 7 })
    );
    assert!(matches!(
        Workspace::from_json(r#"{"schema_version":2}"#),
        Err(LoadError::Invalid(_))
    ));
    let newer = LoadError::NewerSchema { found: 7 }.message(Lang::De);
    assert!(newer.contains("neueren Version"), "{newer}");
}

#[test]
fn migrations_run_step_by_step_from_any_old_version() {
    fn one_to_two(mut doc: serde_json::Value) -> Result<serde_json::Value, LoadError> {
        doc["organisation"] = serde_json::Value::from(format!(
            "{} (v2)",
            doc["organisation"].as_str().unwrap_or("")
        ));
        Ok(doc)
    }
    fn two_to_three(mut doc: serde_json::Value) -> Result<serde_json::Value, LoadError> {
        doc["neu"] = serde_json::Value::from(true);
        Ok(doc)
    }
    let steps: &[Migration] = &[one_to_two, two_to_three];
    let v1 = serde_json::json!({"schema_version": 1, "organisation": "KJC"});
    let out = migrate_with(v1, steps, 3).unwrap();
    assert_eq!(
        out,
        serde_json::json!({"schema_version": 3, "organisation": "KJC (v2)", "neu": true})
    );
    let v2 = serde_json::json!({"schema_version": 2, "organisation": "KJC"});
    assert_eq!(migrate_with(v2, steps, 3).unwrap()["organisation"], "KJC");
    assert_eq!(
        migrate_with(serde_json::json!({"schema_version": 4}), steps, 3),
        Err(LoadError::NewerSchema { found: 4 })
    );
}

#[test]
fn schema_1_values_become_rows_with_nothing_lost() {
    let v1 = serde_json::json!({
        "schema_version": 1, "organisation": "KJC", "ist_werte": [
            {"kennzahl": "INT", "gruppe": "Insgesamt", "jahr": 2021, "wert": 718.0, "kommentar": "Pressemitteilung"},
            {"kennzahl": "INT", "gruppe": "Insgesamt", "jahr": 2022, "monat": 3, "wert": 66.0,
             "datenstand": "2022-07-31", "verlauf": [{"wert": 65.0, "datenstand": "2022-06-30"}]},
            {"kennzahl": "INT", "gruppe": "Insgesamt", "jahr": 2022, "monat": 1, "wert": 60.0, "datenstand": "2022-05-31"},
            {"kennzahl": "K2E3", "gruppe": "Frauen", "jahr": 2022, "monat": 2, "zaehler": 43.0, "nenner": 74.0},
            // The same month twice (schema 1 could hold it): the newer Datenstand wins on reading.
            {"kennzahl": "INT", "gruppe": "Insgesamt", "jahr": 2022, "monat": 1, "wert": 59.0, "datenstand": "2022-04-30"}
        ]
    });
    let v2 = migrate(v1).unwrap();
    assert_eq!(v2["schema_version"], 3);
    assert_eq!(
        v2["ist_werte"],
        serde_json::json!([
            {"kennzahl": "INT", "gruppe": "Insgesamt", "jahr": 2021, "werte": [718.0], "kommentare": ["Pressemitteilung"]},
            {"kennzahl": "INT", "gruppe": "Insgesamt", "jahr": 2022, "werte": [null, 60.0, null, 66.0],
             "datenstand": [null, "2022-05-31", null, "2022-07-31"],
             "verlauf": [{"wert": 65.0, "datenstand": "2022-06-30", "monat": 3}]},
            {"kennzahl": "K2E3", "gruppe": "Frauen", "jahr": 2022, "zaehler": [null, null, 43.0], "nenner": [null, null, 74.0]},
            {"kennzahl": "INT", "gruppe": "Insgesamt", "jahr": 2022, "werte": [null, 59.0], "datenstand": [null, "2022-04-30"]}
        ])
    );
    let ws: Workspace = serde_json::from_value(v2).unwrap();
    assert_eq!(ws.values.len(), 4);
    let jan = ws
        .values
        .iter()
        .find(|v| v.key.year.get() == 2022 && v.key.month.is_some_and(|m| m.number() == 1))
        .unwrap();
    assert_eq!(
        jan.current.amount,
        crate::domain::values::Amount::Number(60.0)
    );
    assert_eq!(jan.history.len(), 1);
    let march = ws
        .values
        .iter()
        .find(|v| v.key.month.is_some_and(|m| m.number() == 3))
        .unwrap();
    assert_eq!(
        march.history[0].amount,
        crate::domain::values::Amount::Number(65.0)
    );
    // What schema 2 writes reads back the same.
    assert_eq!(Workspace::from_json(&ws.to_json().unwrap()), Ok(ws));
}

#[test]
fn broken_schema_1_values_are_refused_with_the_number_of_the_value() {
    let doc = |values: serde_json::Value| serde_json::json!({"schema_version": 1, "organisation": "KJC", "ist_werte": values});
    let reason = |values| match migrate(doc(values)) {
        Err(LoadError::Invalid(r)) => r,
        other => panic!("{other:?}"),
    };
    assert_eq!(
        reason(serde_json::json!([{"gruppe": "Insgesamt", "jahr": 2022}])),
        "Ist-Wert Nr. 1: „kennzahl“ fehlt"
    );
    assert_eq!(
        reason(
            serde_json::json!([{"kennzahl": "INT", "gruppe": "Insgesamt", "jahr": 2022, "wert": 1}, 5])
        ),
        "Ist-Wert Nr. 2: kein Objekt"
    );
    assert_eq!(
        reason(
            serde_json::json!([{"kennzahl": "INT", "gruppe": "Insgesamt", "jahr": 2022, "monat": 13, "wert": 1}])
        ),
        "Ist-Wert Nr. 1: „monat“ liegt nicht zwischen 1 und 12"
    );
    assert_eq!(
        reason(serde_json::json!({"a": 1})),
        "„ist_werte“ ist keine Liste"
    );
}

/// The read doors as types: a `ValuesEdit` changes values beside the rest it reads, a `SeriesView` hands one
/// indicator and population in one year (a month and the annual value), a `MetaView` the rest.
#[test]
fn the_doors_hand_what_they_name() {
    use crate::core::calendar::Month;
    use crate::domain::indicator::IndicatorCode;
    use crate::domain::values::{Amount, Population, ValueKey};
    let y2022 = Year::new(2022).unwrap();
    let mut ws = crate::domain::example::odenwaldkreis();
    let int = IndicatorCode("INT".into());
    let key = |population, month| ValueKey {
        indicator: int.clone(),
        population,
        year: y2022,
        month,
    };
    {
        let edit = ws.values_edit();
        // The example's agreement of 2022 is there to read while values change.
        assert!(edit.meta.agreement_for(y2022).is_some());
        edit.values.record(
            key(Population::Women, Month::new(1)),
            Amount::Number(64.0),
            None,
            "",
        );
        edit.values.record(
            key(Population::Women, None),
            Amount::Number(718.0),
            None,
            "",
        );
    }
    let women = ws.values.series_view(&int, Population::Women, y2022);
    assert_eq!(
        women.get(Month::new(1)).map(|v| v.current.amount),
        Some(Amount::Number(64.0))
    );
    assert_eq!(
        women.get(None).map(|v| v.current.amount),
        Some(Amount::Number(718.0))
    );
    assert_eq!(women.get(Month::new(2)), None);
    let men = ws.values.series_view(&int, Population::Men, y2022);
    assert_eq!(men.get(Month::new(1)), None);
    // The meta door names the same workspace: organisation, example, agreements.
    let meta = ws.meta();
    assert_eq!(meta.organisation(), ws.organisation);
    assert!(meta.example());
    assert_eq!(meta.agreements().len(), ws.agreements.len());
    assert_eq!(
        meta.catalogue().get("INT").map(|i| i.code.clone()),
        Some(int)
    );
}

use super::*;

fn key(month: Option<i64>) -> ValueKey {
    ValueKey {
        indicator: IndicatorCode::new("INT"),
        population: Population::Total,
        year: Year::new(2022).unwrap(),
        month: month.and_then(Month::new),
    }
}
fn date(d: i64, m: i64) -> Option<Date> {
    Date::new(2022, m, d)
}

#[test]
fn newer_datenstand_wins_in_either_order() {
    let mut v = Values::default();
    assert_eq!(
        v.record(key(Some(3)), Amount::Number(61.0), date(30, 4), ""),
        RecordOutcome::Added
    );
    assert_eq!(
        v.record(key(Some(3)), Amount::Number(64.0), date(31, 7), "revidiert"),
        RecordOutcome::Replaced
    );
    // An older figure arriving late does not win, but is kept in the history.
    assert_eq!(
        v.record(key(Some(3)), Amount::Number(60.0), date(31, 3), ""),
        RecordOutcome::KeptNewer
    );
    let value = v.get(&key(Some(3))).unwrap();
    assert_eq!(value.current.amount, Amount::Number(64.0));
    assert_eq!(value.current.comment, "revidiert");
    assert_eq!(value.history.len(), 2);
    assert_eq!(value.history[0].amount, Amount::Number(61.0));
    // The same figure again changes nothing.
    assert_eq!(
        v.record(key(Some(3)), Amount::Number(64.0), date(31, 7), "revidiert"),
        RecordOutcome::Unchanged
    );
    // Same Datenstand, other number: a correction, the later entry wins.
    assert_eq!(
        v.record(key(Some(3)), Amount::Number(65.0), date(31, 7), ""),
        RecordOutcome::Replaced
    );
    assert_eq!(
        v.series(
            &IndicatorCode::new("INT"),
            Population::Total,
            Year::new(2022).unwrap()
        )
        .months[2],
        Some(Amount::Number(65.0))
    );
}

#[test]
fn undated_values_are_older_than_dated_ones() {
    let mut v = Values::default();
    v.record(key(None), Amount::Number(718.0), date(1, 3), "");
    assert_eq!(
        v.record(key(None), Amount::Number(700.0), None, ""),
        RecordOutcome::KeptNewer
    );
}

#[test]
fn series_reads_one_indicator_population_year() {
    let mut v = Values::default();
    v.record(key(Some(1)), Amount::Number(50.0), date(31, 3), "");
    v.record(key(Some(5)), Amount::Number(70.0), date(31, 7), "");
    v.record(key(None), Amount::Number(718.0), None, "");
    let mut other = key(Some(2));
    other.population = Population::Women;
    v.record(other, Amount::Number(20.0), date(30, 4), "");
    let s = v.series(
        &IndicatorCode::new("INT"),
        Population::Total,
        Year::new(2022).unwrap(),
    );
    assert_eq!(s.months[0], Some(Amount::Number(50.0)));
    assert_eq!(s.months[1], None);
    assert_eq!(s.months[4], Some(Amount::Number(70.0)));
    assert_eq!(s.annual, Some(Amount::Number(718.0)));
    assert_eq!(s.latest_month(), Month::new(5));
    assert_eq!(s.latest_as_of, date(31, 7));
    assert!(!s.is_complete());
    assert_eq!(v.years(), vec![Year::new(2022).unwrap()]);
}

#[test]
fn stored_form_is_one_row_per_series_and_round_trips() {
    let mut v = Values::default();
    v.record(key(Some(1)), Amount::Number(50.0), date(31, 3), "vorläufig");
    v.record(key(Some(1)), Amount::Number(52.0), date(30, 6), "");
    v.record(
        key(Some(3)),
        Amount::Number(61.5),
        date(30, 6),
        "Nachmeldung",
    );
    v.record(key(None), Amount::Number(718.0), None, "");
    let mut q = key(Some(2));
    q.indicator = IndicatorCode::new("K2E3");
    v.record(q, Amount::ratio(412.0, 710.0).unwrap(), date(30, 6), "");
    let json = serde_json::to_string(&v).unwrap();
    assert_eq!(
        json,
        concat!(
            r#"[{"kennzahl":"INT","gruppe":"Insgesamt","jahr":2022,"werte":[718,52,null,61.5],"#,
            r#""datenstand":[null,"2022-06-30",null,"2022-06-30"],"kommentare":[null,null,null,"Nachmeldung"],"#,
            r#""verlauf":[{"monat":1,"wert":50,"datenstand":"2022-03-31","kommentar":"vorläufig"}]},"#,
            r#"{"kennzahl":"K2E3","gruppe":"Insgesamt","jahr":2022,"zaehler":[null,null,412],"#,
            r#""nenner":[null,null,710],"datenstand":[null,null,"2022-06-30"]}]"#
        )
    );
    let back: Values = serde_json::from_str(&json).unwrap();
    assert_eq!(back, v);
    // Numbers that are not whole keep every bit; whole ones beyond 2^53 stay floats.
    let mut w = Values::default();
    w.record(key(Some(5)), Amount::Number(457050208587.83844), None, "");
    w.record(key(Some(6)), Amount::Number(-0.1), None, "");
    w.record(key(Some(7)), Amount::Number(1e300), None, "");
    let json = serde_json::to_string(&w).unwrap();
    assert!(json.contains("457050208587.83844,-0.1,1e+300"), "{json}");
    assert_eq!(serde_json::from_str::<Values>(&json).unwrap(), w);
}

#[test]
fn rows_of_the_same_series_merge_by_datenstand() {
    let json = r#"[
        {"kennzahl":"INT","gruppe":"Insgesamt","jahr":2022,"werte":[null,60],"datenstand":[null,"2022-05-31"]},
        {"kennzahl":"INT","gruppe":"Insgesamt","jahr":2022,"werte":[null,58,40],"datenstand":[null,"2022-04-30"]}
    ]"#;
    let v: Values = serde_json::from_str(json).unwrap();
    let jan = v.get(&key(Some(1))).unwrap();
    assert_eq!(jan.current.amount, Amount::Number(60.0));
    assert_eq!(jan.history[0].amount, Amount::Number(58.0));
    assert_eq!(
        v.get(&key(Some(2))).unwrap().current.amount,
        Amount::Number(40.0)
    );
    // Rows out of key order, years mixed, the older row first: the same values, each year in key order.
    let json = r#"[
        {"kennzahl":"LZB","gruppe":"Insgesamt","jahr":2023,"werte":[2035]},
        {"kennzahl":"INT","gruppe":"Insgesamt","jahr":2022,"werte":[null,58,40],"datenstand":[null,"2022-04-30"]},
        {"kennzahl":"K2","gruppe":"Frauen","jahr":2022,"werte":[null,7]},
        {"kennzahl":"INT","gruppe":"Insgesamt","jahr":2022,"werte":[null,60],"datenstand":[null,"2022-05-31"]}
    ]"#;
    let w: Values = serde_json::from_str(json).unwrap();
    let jan = w.get(&key(Some(1))).unwrap();
    assert_eq!(jan.current.amount, Amount::Number(60.0));
    assert_eq!(jan.history.len(), 1);
    assert_eq!(jan.history[0].amount, Amount::Number(58.0));
    assert_eq!(w.len(), 4);
    assert_eq!(
        w.years(),
        [Year::new(2022).unwrap(), Year::new(2023).unwrap()]
    );
    let order: Vec<&str> = w.iter().map(|v| v.key.indicator.as_str()).collect();
    assert_eq!(order, ["INT", "INT", "K2", "LZB"]);
}

#[test]
fn bad_rows_are_refused_with_a_reason() {
    let reason = |json: &str| {
        serde_json::from_str::<Values>(json)
            .unwrap_err()
            .to_string()
    };
    let row =
        |rest: &str| format!(r#"[{{"kennzahl":"INT","gruppe":"Insgesamt","jahr":2022,{rest}}}]"#);
    assert!(
        reason(&row(r#""werte":[1,2,3,4,5,6,7,8,9,10,11,12,13,14]"#))
            .contains("mehr als 13 Einträge")
    );
    assert!(reason(&row(r#""werte":[1],"zaehler":[2],"nenner":[3]"#)).contains("entweder „werte“"));
    assert!(reason(&row(r#""zaehler":[-2],"nenner":[3]"#)).contains("nicht negativ"));
    assert!(
        reason(&row(r#""werte":[1],"datenstand":[null,"2022-05-31"]"#))
            .contains("Datenstand oder Kommentar ohne Wert")
    );
    assert!(
        reason(&row(r#""werte":[1],"verlauf":[{"monat":2,"wert":1}]"#))
            .contains("Verlauf zu einem fehlenden Wert")
    );
    assert!(
        reason(&row(
            r#""werte":[1],"verlauf":[{"datenstand":"2022-01-31"}]"#
        ))
        .contains("ohne Wert")
    );
    assert!(reason(&row(r#""werte":[1e999]"#)).len() > 5);
    assert!(reason(r#"[{"gruppe":"Insgesamt","jahr":2022}]"#).contains("kennzahl"));
}

#[test]
fn bad_amounts_are_rejected() {
    assert!(Amount::number(f64::NAN).is_err());
    assert!(Amount::ratio(1.0, -1.0).is_err());
    assert_eq!(
        Amount::Ratio {
            numerator: 5.0,
            denominator: 0.0
        }
        .as_figure(),
        None
    );
    assert_eq!(
        Amount::Ratio {
            numerator: 58.0,
            denominator: 100.0
        }
        .as_figure(),
        Some(58.0)
    );
}

/// A copy shares every year until one changes; an unchanged record leaves the year shared; a year whose last
/// value goes is gone.
#[test]
fn years_are_shared_until_they_change() {
    let mut v = Values::default();
    let in_2021 = ValueKey {
        year: Year::new(2021).unwrap(),
        ..key(Some(1))
    };
    v.record(in_2021.clone(), Amount::Number(50.0), None, "");
    v.record(key(Some(1)), Amount::Number(60.0), date(31, 1), "");
    let copy = v.clone();
    let (y2021, y2022) = (Year::new(2021).unwrap(), Year::new(2022).unwrap());
    assert!(copy.same_year(&v, y2021) && copy.same_year(&v, y2022));
    assert_eq!(
        v.record(key(Some(1)), Amount::Number(60.0), date(31, 1), ""),
        RecordOutcome::Unchanged
    );
    assert!(copy.same_year(&v, y2022));
    let shared = |a: &Values, b: &Values, y| match (a.year(y), b.year(y)) {
        (Some(a), Some(b)) => Arc::ptr_eq(a, b),
        _ => false,
    };
    assert!(shared(&copy, &v, y2022), "nothing changed, nothing copied");
    v.record(key(Some(2)), Amount::Number(55.0), date(28, 2), "");
    assert!(copy.same_year(&v, y2021) && shared(&copy, &v, y2021));
    assert!(!copy.same_year(&v, y2022) && !shared(&copy, &v, y2022));
    assert_eq!(copy.len(), 2);
    assert_eq!(v.len(), 3);
    assert!(v.remove(&in_2021).is_some());
    assert_eq!(v.years(), vec![y2022]);
    assert!(v.year(y2021).is_none());
    assert!(!copy.same_year(&v, y2021));
}

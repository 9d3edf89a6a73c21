//! Actual values ("Ist-Werte") by indicator, population and period, each with its "Datenstand", an optional
//! comment and the history of the values it replaced. A newer "Datenstand" always wins, whatever the order in
//! which values arrive (BA statistics are revised now and then).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::indicator::IndicatorCode;
use crate::core::calendar::{Date, Month, Year};
use crate::locale::Lang;

mod stored;

/// Whose figure: all, women, men ("Personengruppe").
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Population {
    #[serde(rename = "Insgesamt")]
    Total,
    #[serde(rename = "Frauen")]
    Women,
    #[serde(rename = "Männer")]
    Men,
}

impl Population {
    pub const ALL: [Population; 3] = [Population::Total, Population::Women, Population::Men];

    pub fn label(self, lang: Lang) -> &'static str {
        match lang {
            Lang::De => self.label_de(),
            Lang::En => self.label_en(),
        }
    }
    /// The German word, also used in CSV files: "Insgesamt", "Frauen", "Männer".
    pub fn label_de(self) -> &'static str {
        match self {
            Population::Total => "Insgesamt",
            Population::Women => "Frauen",
            Population::Men => "Männer",
        }
    }
    pub fn label_en(self) -> &'static str {
        match self {
            Population::Total => "Total",
            Population::Women => "Women",
            Population::Men => "Men",
        }
    }
}

/// A value's number: a plain figure, or numerator and denominator of a quota.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Amount {
    Number(f64),
    Ratio { numerator: f64, denominator: f64 },
}

impl Amount {
    /// A finite number, or a German reason.
    pub fn number(value: f64) -> Result<Amount, String> {
        if value.is_finite() {
            Ok(Amount::Number(value))
        } else {
            Err("Der Wert ist keine endliche Zahl.".into())
        }
    }
    /// A quota's parts: finite, not negative.
    pub fn ratio(numerator: f64, denominator: f64) -> Result<Amount, String> {
        if !numerator.is_finite() || !denominator.is_finite() {
            return Err("Zähler und Nenner müssen endliche Zahlen sein.".into());
        }
        if numerator < 0.0 || denominator < 0.0 {
            return Err("Zähler und Nenner dürfen nicht negativ sein.".into());
        }
        Ok(Amount::Ratio {
            numerator,
            denominator,
        })
    }
    /// The figure as shown: the number, or the quota in percent (`None` for a zero denominator).
    pub fn as_figure(self) -> Option<f64> {
        match self {
            Amount::Number(v) => Some(v),
            Amount::Ratio {
                numerator,
                denominator,
            } => (denominator != 0.0).then(|| numerator * 100.0 / denominator),
        }
    }
}

/// Which figure a value is: indicator, population, year and month (`None`: the whole year).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ValueKey {
    pub indicator: IndicatorCode,
    pub population: Population,
    pub year: Year,
    /// `None`: an annual value ("Jahreswert"), e.g. "718 Integrationen 2021" from a press release.
    pub month: Option<Month>,
}

/// A replaced value, kept so that the user can see what changed.
#[derive(Clone, Debug, PartialEq)]
pub struct Revision {
    pub amount: Amount,
    pub as_of: Option<Date>,
    pub comment: String,
}

/// One actual value with the history of what it replaced (oldest first).
#[derive(Clone, Debug, PartialEq)]
pub struct Value {
    pub key: ValueKey,
    pub current: Revision,
    pub history: Vec<Revision>,
}

/// What [`Values::record`] did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RecordOutcome {
    /// No value existed for the key.
    Added,
    /// The new value replaced the old one, which went into the history.
    Replaced,
    /// The existing value has a newer "Datenstand": it stays, the arriving one goes into the history.
    KeptNewer,
    /// Same number, "Datenstand" and comment as before: nothing changed.
    Unchanged,
}

/// All actual values of a workspace, ordered by key. Stored as rows per indicator, population and year
/// (see [`stored`]).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Values {
    map: BTreeMap<ValueKey, Value>,
}

impl From<Vec<Value>> for Values {
    /// Duplicate keys in a document are merged by the same rule as typed values: the newer "Datenstand" wins.
    fn from(list: Vec<Value>) -> Self {
        let mut values = Values::default();
        for v in list {
            let Value {
                key,
                current,
                history,
            } = v;
            if let Some(existing) = values.map.get_mut(&key) {
                existing.history.extend(history);
                let _ = Values::apply(existing, current);
            } else {
                values.map.insert(
                    key.clone(),
                    Value {
                        key,
                        current,
                        history,
                    },
                );
            }
        }
        values
    }
}

impl Values {
    pub fn len(&self) -> usize {
        self.map.len()
    }
    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }
    pub fn get(&self, key: &ValueKey) -> Option<&Value> {
        self.map.get(key)
    }
    pub fn iter(&self) -> impl Iterator<Item = &Value> {
        self.map.values()
    }

    /// Records a value: added, or replacing the current one when its "Datenstand" is not older. A value
    /// without "Datenstand" counts as older than any dated one.
    pub fn record(
        &mut self,
        key: ValueKey,
        amount: Amount,
        as_of: Option<Date>,
        comment: &str,
    ) -> RecordOutcome {
        let arriving = Revision {
            amount,
            as_of,
            comment: comment.trim().to_owned(),
        };
        match self.map.get_mut(&key) {
            None => {
                self.map.insert(
                    key.clone(),
                    Value {
                        key,
                        current: arriving,
                        history: Vec::new(),
                    },
                );
                RecordOutcome::Added
            }
            Some(existing) => Values::apply(existing, arriving),
        }
    }

    fn apply(existing: &mut Value, arriving: Revision) -> RecordOutcome {
        if existing.current == arriving {
            RecordOutcome::Unchanged
        } else if arriving.as_of >= existing.current.as_of {
            let old = std::mem::replace(&mut existing.current, arriving);
            existing.history.push(old);
            RecordOutcome::Replaced
        } else {
            existing.history.push(arriving);
            RecordOutcome::KeptNewer
        }
    }

    /// Removes a value with its history; returns it for undo.
    pub fn remove(&mut self, key: &ValueKey) -> Option<Value> {
        self.map.remove(key)
    }

    /// Puts a value with its history in place of whatever the key holds (a merge takes a whole side's value).
    pub fn put(&mut self, value: Value) {
        self.map.insert(value.key.clone(), value);
    }

    /// The values of one indicator and population in one year: twelve months and the annual value.
    pub fn series(&self, indicator: &IndicatorCode, population: Population, year: Year) -> Series {
        let mut series = Series::default();
        let from = ValueKey {
            indicator: indicator.clone(),
            population,
            year,
            month: None,
        };
        for (key, value) in self.map.range(from..) {
            if key.indicator != *indicator || key.population != population || key.year != year {
                break;
            }
            match key.month {
                None => series.annual = Some(value.current.amount),
                Some(m) => series.months[m.index()] = Some(value.current.amount),
            }
            series.latest_as_of = series.latest_as_of.max(value.current.as_of);
        }
        series
    }

    /// The years that have at least one value, ascending.
    pub fn years(&self) -> Vec<Year> {
        let mut years: Vec<Year> = self.map.keys().map(|k| k.year).collect();
        years.sort_unstable();
        years.dedup();
        years
    }
}

/// One indicator/population/year as the engine reads it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Series {
    pub months: [Option<Amount>; 12],
    pub annual: Option<Amount>,
    pub latest_as_of: Option<Date>,
}

impl Series {
    pub fn is_empty(&self) -> bool {
        self.annual.is_none() && self.months.iter().all(Option::is_none)
    }
    /// The last month that has a value.
    pub fn latest_month(&self) -> Option<Month> {
        self.months
            .iter()
            .rposition(Option::is_some)
            .and_then(Month::from_index)
    }
    /// Whether all twelve months are present.
    pub fn is_complete(&self) -> bool {
        self.months.iter().all(Option::is_some)
    }
}

#[cfg(test)]
mod tests {
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
    }

    #[test]
    fn bad_rows_are_refused_with_a_reason() {
        let reason = |json: &str| {
            serde_json::from_str::<Values>(json)
                .unwrap_err()
                .to_string()
        };
        let row = |rest: &str| {
            format!(r#"[{{"kennzahl":"INT","gruppe":"Insgesamt","jahr":2022,{rest}}}]"#)
        };
        assert!(
            reason(&row(r#""werte":[1,2,3,4,5,6,7,8,9,10,11,12,13,14]"#))
                .contains("mehr als 13 Einträge")
        );
        assert!(
            reason(&row(r#""werte":[1],"zaehler":[2],"nenner":[3]"#)).contains("entweder „werte“")
        );
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
}

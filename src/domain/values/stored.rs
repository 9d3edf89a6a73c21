//! The stored form of [`Values`] (schema 2): one row per indicator, population and year, whose arrays hold the
//! annual value in slot 0 and January … December in slots 1 … 12. Arrays end after their last filled slot, and
//! whole numbers are written without ".0". The large workspace (20 years × 40 indicators × 3 populations × 12
//! months) takes about a fifth of the bytes that schema 1's one object per value took.
//!
//! ```json
//! {"kennzahl":"INT","gruppe":"Insgesamt","jahr":2022,"werte":[null,60,55],
//!  "datenstand":[null,"2022-05-31","2022-05-31"],"verlauf":[{"monat":1,"wert":58,"datenstand":"2022-04-30"}]}
//! ```
//! Quotas fill `zaehler` and `nenner` instead of `werte`; comments sit in `kommentare`. Rows for the same key
//! are merged on reading by the rule for typed values (the newer Datenstand wins), as schema 1 did.

use serde::de::Error as _;
use serde::ser::SerializeSeq as _;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::{Amount, Population, Revision, Value, ValueKey, Values};
use crate::core::Lang;
use crate::core::calendar::{Date, Month, Year};
use crate::domain::indicator::IndicatorCode;

/// Slots of a row: the annual value and twelve months.
const SLOTS: usize = 13;

fn slot_of(month: Option<Month>) -> usize {
    month.map_or(0, |m| m.index() + 1)
}

/// A number as written: whole numbers without fraction (`60`, not `60.0`), others as the shortest exact f64.
#[derive(Clone, Copy)]
struct Num(f64);

impl Serialize for Num {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        // 2^53: every whole f64 below it is exactly an i64.
        if self.0.fract() == 0.0 && self.0.abs() < 9_007_199_254_740_992.0 {
            s.serialize_i64(self.0 as i64)
        } else {
            s.serialize_f64(self.0)
        }
    }
}

/// The parts of an amount as stored: `wert`, or `zaehler` and `nenner`.
fn parts(amount: Amount) -> (Option<Num>, Option<Num>, Option<Num>) {
    match amount {
        Amount::Number(v) => (Some(Num(v)), None, None),
        Amount::Ratio {
            numerator,
            denominator,
        } => (None, Some(Num(numerator)), Some(Num(denominator))),
    }
}

/// An amount from its stored parts; `Ok(None)` when the slot is empty.
fn amount(
    wert: Option<f64>,
    zaehler: Option<f64>,
    nenner: Option<f64>,
) -> Result<Option<Amount>, String> {
    match (wert, zaehler, nenner) {
        (None, None, None) => Ok(None),
        // The details of a malformed store name its German fields, in German, inside a message in the
        // user's language (`LoadError::Invalid`).
        (Some(v), None, None) => Amount::number(v).map(Some).map_err(|e| e.message(Lang::De)),
        (None, Some(n), Some(d)) => Amount::ratio(n, d)
            .map(Some)
            .map_err(|e| e.message(Lang::De)),
        _ => Err("ein Wert braucht entweder „werte“ oder „zaehler“ und „nenner“".into()),
    }
}

/// A replaced value in a row's history.
#[derive(Serialize, Deserialize)]
struct Past<W> {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    monat: Option<Month>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    wert: Option<W>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    zaehler: Option<W>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    nenner: Option<W>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    datenstand: Option<Date>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    kommentar: String,
}

/// A row as written (borrowing from the values).
#[derive(Serialize)]
struct RowOut<'a> {
    kennzahl: &'a IndicatorCode,
    gruppe: Population,
    jahr: Year,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    werte: Vec<Option<Num>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    zaehler: Vec<Option<Num>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    nenner: Vec<Option<Num>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    datenstand: Vec<Option<Date>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    kommentare: Vec<Option<&'a str>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    verlauf: Vec<Past<Num>>,
}

/// Sets `slot` of `list`, padding with empty slots before it.
fn put<T>(list: &mut Vec<Option<T>>, slot: usize, item: T) {
    if list.len() <= slot {
        list.resize_with(slot + 1, || None);
    }
    list[slot] = Some(item);
}

impl<'a> RowOut<'a> {
    fn new(key: &'a ValueKey) -> RowOut<'a> {
        RowOut {
            kennzahl: &key.indicator,
            gruppe: key.population,
            jahr: key.year,
            werte: Vec::new(),
            zaehler: Vec::new(),
            nenner: Vec::new(),
            datenstand: Vec::new(),
            kommentare: Vec::new(),
            verlauf: Vec::new(),
        }
    }

    fn add(&mut self, value: &'a Value) {
        let slot = slot_of(value.key.month);
        let current = &value.current;
        let (wert, zaehler, nenner) = parts(current.amount);
        if let Some(w) = wert {
            put(&mut self.werte, slot, w);
        }
        if let (Some(z), Some(n)) = (zaehler, nenner) {
            put(&mut self.zaehler, slot, z);
            put(&mut self.nenner, slot, n);
        }
        if let Some(d) = current.as_of {
            put(&mut self.datenstand, slot, d);
        }
        if !current.comment.is_empty() {
            put(&mut self.kommentare, slot, current.comment.as_str());
        }
        for past in &value.history {
            let (wert, zaehler, nenner) = parts(past.amount);
            self.verlauf.push(Past {
                monat: value.key.month,
                wert,
                zaehler,
                nenner,
                datenstand: past.as_of,
                kommentar: past.comment.clone(),
            });
        }
    }
}

impl Serialize for Values {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(None)?;
        let mut row: Option<RowOut> = None;
        // Year by year, and within a year by indicator, population, month: a row's values come one after
        // another.
        for value in self.iter() {
            let same = row.as_ref().is_some_and(|r| {
                r.kennzahl == &value.key.indicator
                    && r.gruppe == value.key.population
                    && r.jahr == value.key.year
            });
            if !same && let Some(done) = row.replace(RowOut::new(&value.key)) {
                seq.serialize_element(&done)?;
            }
            if let Some(r) = row.as_mut() {
                r.add(value);
            }
        }
        if let Some(done) = row {
            seq.serialize_element(&done)?;
        }
        seq.end()
    }
}

/// A row as read.
#[derive(Deserialize)]
struct RowIn {
    kennzahl: IndicatorCode,
    gruppe: Population,
    jahr: Year,
    #[serde(default)]
    werte: Vec<Option<f64>>,
    #[serde(default)]
    zaehler: Vec<Option<f64>>,
    #[serde(default)]
    nenner: Vec<Option<f64>>,
    #[serde(default)]
    datenstand: Vec<Option<Date>>,
    #[serde(default)]
    kommentare: Vec<Option<String>>,
    #[serde(default)]
    verlauf: Vec<Past<f64>>,
}

fn at<T: Clone>(list: &[Option<T>], slot: usize) -> Option<T> {
    list.get(slot).cloned().flatten()
}

impl RowIn {
    /// The row's values, or a German reason why it cannot be read.
    fn into_values(self) -> Result<Vec<Value>, String> {
        let name = format!(
            "{} {} {}",
            self.kennzahl.0,
            self.gruppe.label(Lang::De),
            self.jahr.get()
        );
        let longest = [
            self.werte.len(),
            self.zaehler.len(),
            self.nenner.len(),
            self.datenstand.len(),
            self.kommentare.len(),
        ];
        if longest.iter().any(|&len| len > SLOTS) {
            return Err(format!("{name}: mehr als {SLOTS} Einträge in einer Reihe"));
        }
        let mut slots: Vec<Option<Value>> = (0..SLOTS).map(|_| None).collect();
        for (slot, place) in slots.iter_mut().enumerate() {
            let current = amount(
                at(&self.werte, slot),
                at(&self.zaehler, slot),
                at(&self.nenner, slot),
            )
            .map_err(|e| format!("{name}: {e}"))?;
            let as_of = at(&self.datenstand, slot);
            let comment = at(&self.kommentare, slot).unwrap_or_default();
            match current {
                Some(amount) => {
                    *place = Some(Value {
                        key: ValueKey {
                            indicator: self.kennzahl.clone(),
                            population: self.gruppe,
                            year: self.jahr,
                            month: Month::from_index(slot.wrapping_sub(1)),
                        },
                        current: Revision {
                            amount,
                            as_of,
                            comment,
                        },
                        history: Vec::new(),
                    })
                }
                None if as_of.is_some() || !comment.is_empty() => {
                    return Err(format!("{name}: Datenstand oder Kommentar ohne Wert"));
                }
                None => {}
            }
        }
        for past in self.verlauf {
            let revision = Revision {
                amount: amount(past.wert, past.zaehler, past.nenner)
                    .map_err(|e| format!("{name}, Verlauf: {e}"))?
                    .ok_or_else(|| format!("{name}, Verlauf: ein Eintrag ohne Wert"))?,
                as_of: past.datenstand,
                comment: past.kommentar,
            };
            match slots.get_mut(slot_of(past.monat)).and_then(Option::as_mut) {
                Some(value) => value.history.push(revision),
                None => return Err(format!("{name}: Verlauf zu einem fehlenden Wert")),
            }
        }
        Ok(slots.into_iter().flatten().collect())
    }
}

impl<'de> Deserialize<'de> for Values {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Values, D::Error> {
        let mut list = Vec::new();
        for row in Vec::<RowIn>::deserialize(d)? {
            list.extend(row.into_values().map_err(D::Error::custom)?);
        }
        Ok(Values::from(list))
    }
}

//! Actual values ("Ist-Werte") by indicator, population and period, each with its "Datenstand", an optional
//! comment and the history of the values it replaced. A newer "Datenstand" always wins, whatever the order in
//! which values arrive (BA statistics are revised now and then).

use std::collections::BTreeMap;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

pub use super::amount::Amount;
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

    /// The group's name in `lang`; the German word is also what CSV files and stored documents use:
    /// "Insgesamt", "Frauen", "Männer".
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Population::Total => lang.pick("Insgesamt", "Total"),
            Population::Women => lang.pick("Frauen", "Women"),
            Population::Men => lang.pick("Männer", "Men"),
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

/// The values of one year, ordered by key (indicator, population, month).
pub type YearValues = BTreeMap<ValueKey, Value>;

/// All actual values of a workspace, by year. Each year is shared (`Arc`) and copied only when it changes, so
/// that a copy of the workspace costs next to nothing and two copies tell which years differ by pointer
/// ([`Values::same_year`]): a save writes only the years that changed. Stored as rows per indicator,
/// population and year (see [`stored`]).
#[derive(Clone, Debug, Default)]
pub struct Values {
    years: BTreeMap<Year, Arc<YearValues>>,
}

/// Equal when every year is: a year shared by both is equal at once, without looking at its values (a copy of
/// the workspace, the result of an import taken in: comparing 55 years value by value took tens of milliseconds).
impl PartialEq for Values {
    fn eq(&self, other: &Values) -> bool {
        self.years.len() == other.years.len()
            && self
                .years
                .iter()
                .zip(&other.years)
                .all(|((y, a), (z, b))| y == z && (Arc::ptr_eq(a, b) || a == b))
    }
}

impl From<Vec<Value>> for Values {
    /// Duplicate keys in a document are merged by the same rule as typed values: the newer "Datenstand" wins.
    /// A year whose values come in key order without duplicates (as this build writes them) is built at once;
    /// inserting them one by one took a third of reading a stored workspace.
    fn from(list: Vec<Value>) -> Self {
        let mut by_year: BTreeMap<Year, Vec<Value>> = BTreeMap::new();
        for v in list {
            by_year.entry(v.key.year).or_default().push(v);
        }
        let mut values = Values::default();
        for (year, list) in by_year {
            let in_order = list.windows(2).all(|w| w[0].key < w[1].key);
            let year_values: YearValues = if in_order {
                list.into_iter().map(|v| (v.key.clone(), v)).collect()
            } else {
                let mut map = YearValues::new();
                for v in list {
                    if let Some(existing) = map.get_mut(&v.key) {
                        existing.history.extend(v.history);
                        let _ = Values::apply(existing, v.current);
                    } else {
                        map.insert(v.key.clone(), v);
                    }
                }
                map
            };
            values.years.insert(year, Arc::new(year_values));
        }
        values
    }
}

impl Values {
    pub fn len(&self) -> usize {
        self.years.values().map(|y| y.len()).sum()
    }
    pub fn is_empty(&self) -> bool {
        self.years.values().all(|y| y.is_empty())
    }
    pub fn get(&self, key: &ValueKey) -> Option<&Value> {
        self.years.get(&key.year)?.get(key)
    }
    /// Every value, year by year, within a year by key.
    pub fn iter(&self) -> impl Iterator<Item = &Value> {
        self.years.values().flat_map(|y| y.values())
    }
    /// The values of `year`, by key.
    pub fn iter_year(&self, year: Year) -> impl Iterator<Item = &Value> {
        self.years.get(&year).into_iter().flat_map(|y| y.values())
    }

    /// The shared values of `year` (`None` when it has none).
    pub fn year(&self, year: Year) -> Option<&Arc<YearValues>> {
        self.years.get(&year)
    }
    /// Puts the values of `year` in place (a year read from storage, or a side of a merge); an empty year is
    /// dropped.
    pub fn set_year(&mut self, year: Year, values: Arc<YearValues>) {
        if values.is_empty() {
            self.years.remove(&year);
        } else {
            self.years.insert(year, values);
        }
    }
    /// Whether `year` holds the same values in both: at once when they share the year (not copied since),
    /// else by comparing them (a copy read back from storage, an edit that put back the same figure).
    pub fn same_year(&self, other: &Values, year: Year) -> bool {
        match (self.years.get(&year), other.years.get(&year)) {
            (None, None) => true,
            (Some(a), Some(b)) => Arc::ptr_eq(a, b) || a == b,
            _ => false,
        }
    }

    /// The year's values to change (copied first if another copy of the workspace shares them).
    fn year_mut(&mut self, year: Year) -> &mut YearValues {
        Arc::make_mut(self.years.entry(year).or_default())
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
        // An unchanged value leaves the year shared.
        if let Some(existing) = self.get(&key)
            && existing.current == arriving
        {
            return RecordOutcome::Unchanged;
        }
        let year = self.year_mut(key.year);
        match year.get_mut(&key) {
            None => {
                year.insert(
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
        self.get(key)?;
        let year = self.year_mut(key.year);
        let removed = year.remove(key);
        if year.is_empty() {
            self.years.remove(&key.year);
        }
        removed
    }

    /// Puts a value with its history in place of whatever the key holds (a merge takes a whole side's value).
    pub fn put(&mut self, value: Value) {
        if self.get(&value.key) == Some(&value) {
            return;
        }
        self.year_mut(value.key.year)
            .insert(value.key.clone(), value);
    }

    /// The values of one indicator and population in one year: twelve months and the annual value.
    pub fn series(&self, indicator: &IndicatorCode, population: Population, year: Year) -> Series {
        let mut series = Series::default();
        let Some(values) = self.years.get(&year) else {
            return series;
        };
        let from = ValueKey {
            indicator: indicator.clone(),
            population,
            year,
            month: None,
        };
        for (key, value) in values.range(from..) {
            if key.indicator != *indicator || key.population != population {
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
        self.years
            .iter()
            .filter(|(_, v)| !v.is_empty())
            .map(|(y, _)| *y)
            .collect()
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
mod tests;

//! Comparing job centres (PRODUCT S10): the rules, apart from any text.
//!
//! A job centre is compared only with others of its comparison type ("Vergleichstyp", the IAB's types such as
//! "Ia" … "IIIe"). Types are reassigned from time to time, so a job centre's type is data with the year it applies
//! from ([`TypeHistory`]), never a constant. Within a type the job centres are ranked by how well they stand to
//! their target ([`standing`], [`ranks`]), and the type's median Ist/Soll ([`median`]) is the yardstick.

use serde::{Deserialize, Serialize};

use crate::core::calendar::Year;
use crate::domain::agreement::Bound;

/// A job centre's key among the comparison's members: its organisation's name, trimmed, in lower case and with
/// single spaces, so that two files of one job centre meet under one key however its name was typed.
pub fn member_key(organisation: &str) -> String {
    organisation
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// The longest type code taken ("IIIe" has four characters; room for a finer type of a later typing).
pub const MAX_TYPE_LEN: usize = 8;

/// A comparison type's code as the IAB writes it ("Ia", "IIIe"): letters and digits only, at most
/// [`MAX_TYPE_LEN`] characters, kept as typed but for surrounding space.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct TypeCode(String);

/// Why a text is no type code.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TypeCodeError {
    Empty,
    TooLong,
    /// A character other than a letter or a digit.
    Character(char),
}

impl TypeCode {
    pub fn parse(text: &str) -> Result<Self, TypeCodeError> {
        let code = text.trim();
        if code.is_empty() {
            return Err(TypeCodeError::Empty);
        }
        if code.chars().count() > MAX_TYPE_LEN {
            return Err(TypeCodeError::TooLong);
        }
        if let Some(c) = code.chars().find(|c| !c.is_alphanumeric()) {
            return Err(TypeCodeError::Character(c));
        }
        Ok(Self(code.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for TypeCode {
    type Error = String;
    fn try_from(text: String) -> Result<Self, String> {
        Self::parse(&text).map_err(|e| format!("{e:?}: {text:?}"))
    }
}

impl From<TypeCode> for String {
    fn from(code: TypeCode) -> Self {
        code.0
    }
}

/// The types of one job centre over the years: each applies from its year until the year of the next.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(from = "Vec<(Year, TypeCode)>")]
pub struct TypeHistory(Vec<(Year, TypeCode)>);

/// Read in any order: sorted by year, and of two entries for one year the later one counts.
impl From<Vec<(Year, TypeCode)>> for TypeHistory {
    fn from(entries: Vec<(Year, TypeCode)>) -> Self {
        let mut history = Self::default();
        for (from, code) in entries {
            history.set(from, code);
        }
        history
    }
}

impl TypeHistory {
    /// The type that applies in `year`: the one of the latest year not after it.
    pub fn in_year(&self, year: Year) -> Option<&TypeCode> {
        self.0
            .iter()
            .rev()
            .find(|(from, _)| *from <= year)
            .map(|(_, code)| code)
    }

    /// Sets the type that applies from `from` on (replacing one set for that same year).
    pub fn set(&mut self, from: Year, code: TypeCode) {
        match self.0.binary_search_by_key(&from, |(y, _)| *y) {
            Ok(i) => self.0[i].1 = code,
            Err(i) => self.0.insert(i, (from, code)),
        }
    }

    /// Removes the type set from `from`; the one before it then applies on.
    pub fn remove(&mut self, from: Year) {
        self.0.retain(|(y, _)| *y != from);
    }

    /// Each type with the year it applies from, oldest first.
    pub fn entries(&self) -> &[(Year, TypeCode)] {
        &self.0
    }
}

/// How well a job centre stands to its target, comparable across job centres whatever the target's direction:
/// Ist/Soll above 100 % for a minimum, below 100 % for a cap, count as ahead. In percentage points of Ist/Soll:
/// 104.1 % of a minimum is +4.1; 97.0 % of a cap is +3.0; 101.5 % of a cap is −1.5.
pub fn standing(ratio_percent: f64, bound: Bound) -> f64 {
    match bound {
        Bound::AtLeast => ratio_percent - 100.0,
        Bound::AtMost => 100.0 - ratio_percent,
    }
}

/// Standard competition ranks ("1, 2, 2, 4") by `standings`, the best first; a job centre without a standing
/// has no rank and does not count.
pub fn ranks(standings: &[Option<f64>]) -> Vec<Option<usize>> {
    standings
        .iter()
        .map(|s| {
            s.map(|mine| {
                1 + standings
                    .iter()
                    .flatten()
                    .filter(|other| **other > mine)
                    .count()
            })
        })
        .collect()
}

/// The median of `values` (the mean of the middle two for an even count); `None` for none.
pub fn median(values: &[f64]) -> Option<f64> {
    let mut sorted: Vec<f64> = values.iter().copied().filter(|v| v.is_finite()).collect();
    if sorted.is_empty() {
        return None;
    }
    sorted.sort_by(f64::total_cmp);
    let mid = sorted.len() / 2;
    Some(if sorted.len().is_multiple_of(2) {
        (sorted[mid - 1] + sorted[mid]) / 2.0
    } else {
        sorted[mid]
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code(text: &str) -> TypeCode {
        TypeCode::parse(text).unwrap()
    }

    #[allow(non_snake_case)]
    fn Year(year: i64) -> super::Year {
        super::Year::new(year).unwrap()
    }

    #[test]
    fn type_codes_as_the_iab_writes_them() {
        assert_eq!(code(" IIIe ").as_str(), "IIIe");
        assert_eq!(code("Ia").as_str(), "Ia");
        assert_eq!(TypeCode::parse("  "), Err(TypeCodeError::Empty));
        assert_eq!(TypeCode::parse("IIIeIIIeI"), Err(TypeCodeError::TooLong));
        assert_eq!(TypeCode::parse("II b"), Err(TypeCodeError::Character(' ')));
        assert_eq!(TypeCode::parse("I-a"), Err(TypeCodeError::Character('-')));
        // Stored as a plain string, and read back only when it is a code.
        assert_eq!(serde_json::to_string(&code("IIc")).unwrap(), "\"IIc\"");
        assert!(serde_json::from_str::<TypeCode>("\"I a\"").is_err());
    }

    #[test]
    fn a_type_applies_from_its_year_until_the_next() {
        let mut history = TypeHistory::default();
        assert_eq!(history.in_year(Year(2022)), None);
        history.set(Year(2021), code("IIb"));
        history.set(Year(2014), code("Ic"));
        assert_eq!(history.in_year(Year(2013)), None);
        assert_eq!(
            history.in_year(Year(2014)).map(TypeCode::as_str),
            Some("Ic")
        );
        assert_eq!(
            history.in_year(Year(2020)).map(TypeCode::as_str),
            Some("Ic")
        );
        assert_eq!(
            history.in_year(Year(2021)).map(TypeCode::as_str),
            Some("IIb")
        );
        assert_eq!(
            history.in_year(Year(2030)).map(TypeCode::as_str),
            Some("IIb")
        );
        // Set again for the same year: replaced, not doubled.
        history.set(Year(2021), code("IIa"));
        assert_eq!(history.entries().len(), 2);
        assert_eq!(
            history.in_year(Year(2022)).map(TypeCode::as_str),
            Some("IIa")
        );
        history.remove(Year(2021));
        assert_eq!(
            history.in_year(Year(2022)).map(TypeCode::as_str),
            Some("Ic")
        );
        // Stored as pairs; read back sorted, the later of two entries for one year counting.
        let read: TypeHistory =
            serde_json::from_str(r#"[[2021,"IIb"],[2014,"Ic"],[2021,"IIa"]]"#).unwrap();
        assert_eq!(
            serde_json::to_string(&read).unwrap(),
            r#"[[2014,"Ic"],[2021,"IIa"]]"#
        );
    }

    #[test]
    fn standing_counts_ahead_the_same_way_for_minimum_and_cap() {
        // 718 integrations against 690: Ist/Soll 104.06 %, 4.06 points ahead.
        let ratio = 718.0 / 690.0 * 100.0;
        assert!((standing(ratio, Bound::AtLeast) - 4.057_971).abs() < 1e-6);
        // 1,960 long-term recipients under a cap of 2,020: 97.03 %, 2.97 points ahead.
        let ratio = 1960.0 / 2020.0 * 100.0;
        assert!((standing(ratio, Bound::AtMost) - 2.970_297).abs() < 1e-6);
        // 2,050 over the cap: 101.49 %, 1.49 points behind.
        let ratio = 2050.0 / 2020.0 * 100.0;
        assert!((standing(ratio, Bound::AtMost) + 1.485_149).abs() < 1e-6);
    }

    #[test]
    fn ranks_share_a_place_and_skip_the_next_and_leave_out_the_missing() {
        assert_eq!(
            ranks(&[Some(4.1), None, Some(-1.5), Some(4.1), Some(9.0)]),
            vec![Some(2), None, Some(4), Some(2), Some(1)]
        );
        assert_eq!(ranks(&[]), Vec::<Option<usize>>::new());
    }

    #[test]
    fn median_of_odd_and_even_counts() {
        assert_eq!(median(&[104.1, 97.0, 101.5]), Some(101.5));
        assert_eq!(median(&[104.0, 97.0, 101.0, 99.0]), Some(100.0));
        assert_eq!(median(&[]), None);
        assert_eq!(median(&[f64::NAN, 98.5]), Some(98.5));
    }
}

//! Validated calendar newtypes: a year of an agreement, a month 1..=12, a calendar date ("Datenstand").
//! Serialised as plain numbers and ISO dates ("2022-05-31") so that stored documents stay readable.

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A calendar year the app accepts (agreements exist since 2011; the range leaves room both ways).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Year(u16);

impl Year {
    pub const MIN: u16 = 2000;
    pub const MAX: u16 = 2100;
    /// The earliest year the app takes.
    pub const EARLIEST: Year = Year(Year::MIN);

    pub fn new(year: i64) -> Option<Year> {
        (i64::from(Self::MIN)..=i64::from(Self::MAX))
            .contains(&year)
            .then_some(Year(year as u16))
    }
    pub fn get(self) -> u16 {
        self.0
    }
    pub fn previous(self) -> Option<Year> {
        Year::new(i64::from(self.0) - 1)
    }
    pub fn next(self) -> Option<Year> {
        Year::new(i64::from(self.0) + 1)
    }
}

impl<'de> Deserialize<'de> for Year {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let raw = i64::deserialize(d)?;
        Year::new(raw).ok_or_else(|| {
            serde::de::Error::custom(format!(
                "Jahr {raw} liegt außerhalb von {}–{}",
                Year::MIN,
                Year::MAX
            ))
        })
    }
}

impl std::fmt::Display for Year {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.0)
    }
}

/// A month of the year, 1 = January.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Month(u8);

impl Month {
    pub const DECEMBER: Month = Month(12);

    pub fn new(month: i64) -> Option<Month> {
        (1..=12).contains(&month).then_some(Month(month as u8))
    }
    /// 1..=12.
    pub fn number(self) -> u8 {
        self.0
    }
    /// 0..=11, for arrays indexed by month.
    pub fn index(self) -> usize {
        usize::from(self.0 - 1)
    }
    pub fn from_index(index: usize) -> Option<Month> {
        Month::new(index as i64 + 1)
    }
    /// All twelve months in order.
    pub fn all() -> impl Iterator<Item = Month> {
        (1..=12).map(Month)
    }
}

impl<'de> Deserialize<'de> for Month {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let raw = i64::deserialize(d)?;
        Month::new(raw).ok_or_else(|| {
            serde::de::Error::custom(format!("Monat {raw} liegt nicht zwischen 1 und 12"))
        })
    }
}

/// A calendar date, e.g. the "Datenstand" of a value or the signing date of an agreement.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: u16,
    month: u8,
    day: u8,
}

impl Date {
    /// A valid Gregorian date between 1900 and 2200, or `None`.
    pub fn new(year: i64, month: i64, day: i64) -> Option<Date> {
        if !(1900..=2200).contains(&year) || !(1..=12).contains(&month) || day < 1 {
            return None;
        }
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
        let days = match month {
            2 if leap => 29,
            2 => 28,
            4 | 6 | 9 | 11 => 30,
            _ => 31,
        };
        (day <= days).then_some(Date {
            year: year as u16,
            month: month as u8,
            day: day as u8,
        })
    }
    pub fn year(self) -> u16 {
        self.year
    }
    pub fn month(self) -> u8 {
        self.month
    }
    pub fn day(self) -> u8 {
        self.day
    }
    /// ISO 8601, "2022-05-31": the stored form.
    pub fn iso(self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
    /// Whole days from `earlier` to this date (negative when `earlier` is later).
    pub fn days_since(self, earlier: Date) -> i64 {
        self.day_number() - earlier.day_number()
    }
    /// Days since 1970-01-01 (the civil-from-days algorithm in reverse, proleptic Gregorian).
    fn day_number(self) -> i64 {
        let (m, d) = (i64::from(self.month), i64::from(self.day));
        let y = i64::from(self.year) - i64::from(m <= 2);
        let era = y.div_euclid(400);
        let year_of_era = y - era * 400;
        let day_of_year = (153 * (m + if m > 2 { -3 } else { 9 }) + 2) / 5 + d - 1;
        let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
        era * 146_097 + day_of_era - 719_468
    }
    /// Reads the ISO form "2022-05-31".
    pub fn from_iso(text: &str) -> Option<Date> {
        let mut parts = text.split('-');
        let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
        if parts.next().is_some() || y.len() != 4 || m.len() != 2 || d.len() != 2 {
            return None;
        }
        Date::new(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
    }
}

impl Serialize for Date {
    /// "2022-05-31", written without an allocation (a large workspace has tens of thousands of dates).
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let digit = |n: u16| b'0' + (n % 10) as u8;
        let (y, m, d) = (self.year, u16::from(self.month), u16::from(self.day));
        let text = [
            digit(y / 1000),
            digit(y / 100),
            digit(y / 10),
            digit(y),
            b'-',
            digit(m / 10),
            digit(m),
            b'-',
            digit(d / 10),
            digit(d),
        ];
        match std::str::from_utf8(&text) {
            Ok(iso) => s.serialize_str(iso),
            Err(_) => s.serialize_str(&self.iso()),
        }
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let raw = String::deserialize(d)?;
        Date::from_iso(&raw)
            .ok_or_else(|| serde::de::Error::custom(format!("„{raw}“ ist kein Datum (JJJJ-MM-TT)")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_between_dates() {
        let d = |y, m, day| Date::new(y, m, day).unwrap();
        assert_eq!(d(1970, 1, 2).days_since(d(1970, 1, 1)), 1);
        assert_eq!(d(2026, 11, 29).days_since(d(2026, 11, 6)), 23);
        assert_eq!(
            d(2024, 3, 1).days_since(d(2024, 2, 28)),
            2,
            "2024 is a leap year"
        );
        assert_eq!(d(2100, 3, 1).days_since(d(2100, 2, 28)), 1, "2100 is not");
        assert_eq!(d(2027, 1, 1).days_since(d(2026, 1, 1)), 365);
        assert_eq!(d(2000, 1, 1).days_since(d(1900, 1, 1)), 36_524);
        assert_eq!(d(2022, 5, 31).days_since(d(2022, 6, 30)), -30);
    }

    #[test]
    fn years_and_months_are_validated() {
        assert_eq!(Year::new(2022).map(Year::get), Some(2022));
        assert_eq!(Year::new(1999), None);
        assert_eq!(
            Year::new(2022).and_then(Year::previous).map(Year::get),
            Some(2021)
        );
        assert_eq!(Month::new(0), None);
        assert_eq!(Month::new(13), None);
        assert_eq!(Month::new(5).map(Month::index), Some(4));
        assert_eq!(Month::all().count(), 12);
        assert!(serde_json::from_str::<Month>("13").is_err());
        assert!(serde_json::from_str::<Year>("1800").is_err());
    }

    #[test]
    fn dates_are_validated_and_stored_as_iso() {
        assert!(Date::new(2024, 2, 29).is_some());
        assert!(Date::new(2023, 2, 29).is_none());
        assert!(Date::new(1900, 2, 29).is_none());
        assert!(Date::new(2000, 2, 29).is_some());
        assert!(Date::new(2022, 4, 31).is_none());
        let d = Date::new(2022, 5, 31).unwrap();
        assert_eq!(serde_json::to_string(&d).unwrap(), "\"2022-05-31\"");
        assert_eq!(serde_json::from_str::<Date>("\"2022-05-31\"").unwrap(), d);
        assert!(serde_json::from_str::<Date>("\"31.05.2022\"").is_err());
        assert!(Date::new(2022, 5, 30).unwrap() < d);
    }
}

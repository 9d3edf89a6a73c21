//! Months written out ("Januar 2022") and dates ("31.05.2022") in German and English, and the date parser.

use super::Lang;
use crate::core::calendar::{Date, Month, Year};
use crate::tr;

const MONTHS_DE: [&str; 12] = [
    "Januar",
    "Februar",
    "März",
    "April",
    "Mai",
    "Juni",
    "Juli",
    "August",
    "September",
    "Oktober",
    "November",
    "Dezember",
];
const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// "März" / "March".
pub fn month_name(month: Month, lang: Lang) -> &'static str {
    match lang {
        Lang::De => MONTHS_DE[month.index()],
        Lang::En => MONTHS_EN[month.index()],
    }
}

const ABBR_DE: [&str; 12] = [
    "Jan", "Feb", "Mär", "Apr", "Mai", "Jun", "Jul", "Aug", "Sep", "Okt", "Nov", "Dez",
];
const ABBR_EN: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// "Mär" / "Mar": for chart axes, where the full name does not fit.
pub fn month_abbr(month: Month, lang: Lang) -> &'static str {
    match lang {
        Lang::De => ABBR_DE[month.index()],
        Lang::En => ABBR_EN[month.index()],
    }
}

/// "Januar 2022" / "January 2022".
pub fn month_year(month: Month, year: Year, lang: Lang) -> String {
    format!("{} {}", month_name(month, lang), year)
}

/// "31.05.2022" (de) / "31/05/2022" (en, British order).
pub fn format_date(date: Date, lang: Lang) -> String {
    tr!(
        lang,
        "{:02}.{:02}.{:04}",
        "{:02}/{:02}/{:04}",
        date.day(),
        date.month(),
        date.year()
    )
}

/// Why a typed date was not taken.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DateError {
    /// Nothing typed.
    Empty,
    /// Not a date in the form the language writes (the text as typed, trimmed).
    Invalid(String),
}

impl DateError {
    /// The reason in `lang`, with the form `lang` expects.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            DateError::Empty => tr!(
                lang,
                "Bitte ein Datum eingeben (TT.MM.JJJJ).",
                "Please enter a date (DD/MM/YYYY)."
            ),
            DateError::Invalid(text) => tr!(
                lang,
                "„{text}“ ist kein gültiges Datum. Bitte TT.MM.JJJJ eingeben, z. B. 31.05.2022.",
                "“{text}” is not a valid date. Please enter DD/MM/YYYY, e.g. 31/05/2022."
            ),
        }
    }
}

/// Reads a date as typed in the UI's language: German as [`parse_date`]; English "31/05/2022" (British
/// order, as [`format_date`] writes it) or ISO.
pub fn parse_date_in(input: &str, lang: Lang) -> Result<Date, DateError> {
    match lang {
        Lang::De => parse_date(input),
        Lang::En => {
            let text = input.trim();
            if text.contains('.') {
                return Err(DateError::Invalid(text.to_owned()));
            }
            parse_date(&text.replace('/', ".")).map_err(|e| match e {
                DateError::Empty => DateError::Empty,
                DateError::Invalid(_) => DateError::Invalid(text.to_owned()),
            })
        }
    }
}

/// Reads "31.05.2022", "1.5.2022", "31.05.22" (20xx) or ISO "2022-05-31".
pub fn parse_date(input: &str) -> Result<Date, DateError> {
    let text = input.trim();
    let invalid = || DateError::Invalid(text.to_owned());
    if text.is_empty() {
        return Err(DateError::Empty);
    }
    if let Some(date) = Date::from_iso(text) {
        return Ok(date);
    }
    let parts: Vec<&str> = text.split('.').collect();
    if parts.len() != 3
        || parts
            .iter()
            .any(|p| p.is_empty() || !p.bytes().all(|b| b.is_ascii_digit()))
    {
        return Err(invalid());
    }
    if parts[0].len() > 2 || parts[1].len() > 2 || !(parts[2].len() == 2 || parts[2].len() == 4) {
        return Err(invalid());
    }
    let number = |p: &str| p.parse::<i64>().map_err(|_| invalid());
    let (day, month, mut year) = (number(parts[0])?, number(parts[1])?, number(parts[2])?);
    if parts[2].len() == 2 {
        year += 2000;
    }
    Date::new(year, month, day).ok_or_else(invalid)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_written_out() {
        let march = Month::new(3).unwrap();
        let y = Year::new(2022).unwrap();
        assert_eq!(
            month_year(Month::new(1).unwrap(), y, Lang::De),
            "Januar 2022"
        );
        assert_eq!(month_name(march, Lang::De), "März");
        assert_eq!(month_name(march, Lang::En), "March");
        assert_eq!(month_year(Month::DECEMBER, y, Lang::En), "December 2022");
    }

    #[test]
    fn dates() {
        let d = Date::new(2022, 5, 31).unwrap();
        assert_eq!(format_date(d, Lang::De), "31.05.2022");
        assert_eq!(format_date(d, Lang::En), "31/05/2022");
        assert_eq!(parse_date("31.05.2022"), Ok(d));
        assert_eq!(parse_date(" 31.5.22 "), Ok(d));
        assert_eq!(parse_date("2022-05-31"), Ok(d));
        assert_eq!(
            parse_date("1.1.2023"),
            Date::new(2023, 1, 1).ok_or(DateError::Empty)
        );
        for bad in [
            "31.02.2022",
            "2022",
            "31/05/2022",
            "a.b.c",
            "31.05.202",
            "131.05.2022",
            "31..2022",
        ] {
            let err = parse_date(bad).unwrap_err().message(Lang::De);
            assert!(err.contains("kein gültiges Datum"), "{bad}: {err}");
        }
        assert_eq!(
            parse_date("").map_err(|e| e.message(Lang::De)),
            Err("Bitte ein Datum eingeben (TT.MM.JJJJ).".into())
        );
    }

    #[test]
    fn english_dates() {
        let d = Date::new(2022, 5, 31).unwrap();
        assert_eq!(parse_date_in("31/05/2022", Lang::En), Ok(d));
        assert_eq!(parse_date_in("2022-05-31", Lang::En), Ok(d));
        assert_eq!(parse_date_in("31.05.2022", Lang::De), Ok(d));
        assert_eq!(
            parse_date_in("31.05.2022", Lang::En).map_err(|e| e.message(Lang::En)),
            Err(
                "“31.05.2022” is not a valid date. Please enter DD/MM/YYYY, e.g. 31/05/2022."
                    .into()
            )
        );
        assert!(parse_date_in("31/02/2022", Lang::En).is_err());
        assert_eq!(
            parse_date_in(" ", Lang::En).map_err(|e| e.message(Lang::En)),
            Err("Please enter a date (DD/MM/YYYY).".into())
        );
    }
}

//! The figures of the balance sheet as the app shows them. A derived figure carries float noise (2.000 × 1,14 is
//! 2280.0000000000005, 2.250 − 2.280 is −30.000000000000455): written as it is, LibreOffice shows "2.280,0" and
//! `=D7=2280` is FALSE. So every figure is stored rounded to the places the screens show – which
//! `domain::names` decides (the row's decimals, else the unit's), read here from the text it writes – with a
//! number format of as many places.

use super::*;
use crate::domain::names::{format_difference_at, format_value_at};

/// The decimal places the text of a figure shows: the digits after its decimal separator (`lang`'s).
pub(in crate::exchange) fn places_shown(text: &str, lang: Lang) -> usize {
    let separator = match lang {
        Lang::De => ',',
        Lang::En => '.',
    };
    text.split_once(separator).map_or(0, |(_, rest)| {
        rest.chars().take_while(char::is_ascii_digit).count()
    })
}

/// `value` rounded to `places` decimals, halves away from zero as the screens round (`locale::format_decimal`).
pub(in crate::exchange) fn rounded(value: f64, places: usize) -> f64 {
    let factor = 10f64.powi(places.min(15) as i32);
    let r = (value * factor).round() / factor;
    if r == 0.0 {
        // Not minus zero, which would show as "-0".
        0.0
    } else if r.is_finite() {
        r
    } else {
        value
    }
}

/// The zeros of `decimals` places in a format code: "0.00" for two.
pub(super) fn places(decimals: usize) -> String {
    if decimals == 0 {
        "0".to_owned()
    } else {
        format!("0.{}", "0".repeat(decimals))
    }
}

/// The format code of a euro amount with `decimals` places: "#,##0.00\ "€"" (German), "€"#,##0.00 (English).
pub(super) fn euro_code(decimals: usize, lang: Lang) -> String {
    let p = places(decimals);
    match lang {
        Lang::De => format!(r#"#,##{p}\ "€""#),
        Lang::En => format!(r##""€"#,##{p};-"€"#,##{p}"##),
    }
}

/// The format code of a signed euro difference with `decimals` places.
fn signed_euro_code(decimals: usize, lang: Lang) -> String {
    let p = places(decimals);
    match lang {
        Lang::De => format!(r#"+#,##{p}\ "€";-#,##{p}\ "€";{p}\ "€""#),
        Lang::En => format!(r##"+"€"#,##{p};-"€"#,##{p};"€"{p}"##),
    }
}

/// The format code of a percentage with `decimals` places; the space before "%" as in German typesetting
/// ("58,1 %", DOMAIN.md), "\ " being a literal space.
pub(super) fn percent_code(decimals: usize) -> String {
    format!(r"{}\ %", places(decimals))
}

/// The format code of a count with `decimals` places: "#,##0", "#,##0.0".
pub(super) fn count_code(decimals: usize) -> String {
    format!("#,##{}", places(decimals))
}

/// A figure of `unit` (a target value, an actual, a forecast, a previous year) with the row's `decimals` (see
/// `domain::names::precision`): the cell's value as the screens show it, and its format. Percentages become
/// fractions ("0.0 %").
pub(in crate::exchange) fn shown_figure(
    unit: Option<Unit>,
    value: f64,
    decimals: Option<usize>,
    lang: Lang,
) -> (f64, Format) {
    let unit = unit.unwrap_or(Unit::Count);
    let p = places_shown(&format_value_at(unit, value, decimals, Lang::En), Lang::En);
    let shown = rounded(value, p);
    let (value, code) = match unit {
        Unit::Percent => (rounded(shown / 100.0, p + 2), percent_code(p)),
        Unit::Euro => (shown, euro_code(p, lang)),
        Unit::Count | Unit::Persons => (shown, count_code(p)),
    };
    (value, Format::new().set_num_format(&code))
}

/// A difference of two figures with the row's `decimals`, as the screens show it: percentage points for
/// percentages ("+0.0 Pp."), signed counts and euros.
pub(in crate::exchange) fn shown_difference(
    unit: Option<Unit>,
    value: f64,
    decimals: Option<usize>,
    lang: Lang,
) -> (f64, Format) {
    let unit = unit.unwrap_or(Unit::Count);
    let p = places_shown(
        &format_difference_at(unit, value, decimals, Lang::En),
        Lang::En,
    );
    let shown = rounded(value, p);
    let z = places(p);
    let code = match unit {
        Unit::Percent => {
            let suffix = lang.pick(" Pp.", " pp");
            format!(r#"+{z}"{suffix}";-{z}"{suffix}";{z}"{suffix}""#)
        }
        Unit::Euro => signed_euro_code(p, lang),
        Unit::Count | Unit::Persons if p == 0 => "+#,##0;-#,##0;0".to_owned(),
        Unit::Count | Unit::Persons => format!("+#,##{z};-#,##{z};{z}"),
    };
    (shown, Format::new().set_num_format(&code))
}

/// Actual/target in percent as a fraction, rounded as `shown` (the row's text, "104,1 %" in `lang`) shows it.
pub(in crate::exchange) fn shown_ratio(percent: f64, shown: &str, lang: Lang) -> (f64, Format) {
    let p = places_shown(shown, lang);
    let value = rounded(rounded(percent, p) / 100.0, p + 2);
    (value, Format::new().set_num_format(&percent_code(p)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn places_are_read_from_the_text_the_app_shows() {
        assert_eq!(places_shown("2,280", Lang::En), 0);
        assert_eq!(places_shown("18.62\u{a0}%", Lang::En), 2);
        assert_eq!(places_shown("+1.8\u{a0}percentage points", Lang::En), 1);
        assert_eq!(places_shown("€1,234.50", Lang::En), 2);
        assert_eq!(places_shown("104,1\u{a0}%", Lang::De), 1);
        assert_eq!(places_shown("1.041\u{a0}%", Lang::De), 0);
    }

    #[test]
    fn rounding_takes_the_noise_and_halves_away_from_zero() {
        assert_eq!(rounded(2000.0 * 1.14, 0), 2280.0);
        assert_eq!(rounded(2250.0 - 2000.0 * 1.14, 0), -30.0);
        assert_eq!(rounded(192.5, 0), 193.0);
        assert_eq!(rounded(-192.5, 0), -193.0);
        assert_eq!(
            format!("{}", rounded(rounded(18.62, 2) / 100.0, 4)),
            "0.1862"
        );
    }

    #[test]
    fn a_derived_cap_is_stored_as_shown() {
        let (v, format) = shown_figure(Some(Unit::Count), 2000.0 * 1.14, Some(0), Lang::De);
        assert_eq!(format!("{v}"), "2280");
        assert_eq!(format, Format::new().set_num_format("#,##0"));
        let (d, format) =
            shown_difference(Some(Unit::Count), 2250.0 - 2000.0 * 1.14, Some(0), Lang::De);
        assert_eq!(format!("{d}"), "-30");
        assert_eq!(format, Format::new().set_num_format("+#,##0;-#,##0;0"));
        let (p, format) = shown_figure(Some(Unit::Percent), 20.0 * 0.931, Some(2), Lang::De);
        assert_eq!(format!("{p}"), "0.1862");
        assert_eq!(format, Format::new().set_num_format(r"0.00\ %"));
        let (e, format) = shown_figure(Some(Unit::Euro), 0.1 + 0.2, None, Lang::De);
        assert_eq!(format!("{e}"), "0.3");
        assert_eq!(format, Format::new().set_num_format(r#"#,##0.00\ "€""#));
        let (r, format) = shown_ratio(718.0 / 690.0 * 100.0, "104,1\u{a0}%", Lang::De);
        assert_eq!(format!("{r}"), "1.041");
        assert_eq!(format, Format::new().set_num_format(r"0.0\ %"));
    }
}

//! How the domain's things are named in text, for every layer above that shows them (presentation, charts,
//! files): a figure in its indicator's unit (with the decimals that tell a derived limit from the actual), a
//! difference, an amount with its Datenstand, and a target's title.

use super::agreement::{Target, TargetFormat};
use super::attainment::TargetResult;
use super::indicator::{Indicator, Unit};
use super::values::{Amount, ValueKey};
use crate::core::calendar::Date;
use crate::locale::{
    Lang, NBSP, decimals_of, format_count, format_date, format_decimal, format_euro,
    format_percent, format_signed_count, format_signed_decimal, month_name,
};
use crate::tr;

/// A figure of an indicator as shown: "2.035", "58,0 %", "1.234,50 €".
pub fn format_value(unit: Unit, value: f64, lang: Lang) -> String {
    match unit {
        Unit::Count | Unit::Persons => format_count(value, lang),
        Unit::Euro => format_euro(value, lang),
        Unit::Percent => format_percent(value, 1, lang),
    }
}

/// A signed difference of two figures: "+28", "−5", "+0,5 Prozentpunkte", "+1.234,50 €".
pub fn format_difference(unit: Unit, value: f64, lang: Lang) -> String {
    match unit {
        Unit::Count | Unit::Persons => format_signed_count(value, lang),
        Unit::Euro => {
            let text = format_euro(value, lang);
            if value > 0.0 && format_signed_decimal(value, 2, lang).starts_with('+') {
                format!("+{text}")
            } else {
                text
            }
        }
        Unit::Percent => {
            let points = lang.pick("Prozentpunkte", "percentage points");
            format!("{}{NBSP}{points}", format_signed_decimal(value, 1, lang))
        }
    }
}

/// A figure as shown with `decimals` places where they are given (a derived limit, see [`precision`]), else as
/// [`format_value`] shows it.
pub fn format_value_at(unit: Unit, value: f64, decimals: Option<usize>, lang: Lang) -> String {
    match (decimals, unit) {
        (None, _) => format_value(unit, value, lang),
        (Some(d), Unit::Percent) => format_percent(value, d, lang),
        (Some(d), Unit::Euro) if d > 2 => format!("{}{NBSP}€", format_decimal(value, d, lang)),
        (Some(_), Unit::Euro) => format_euro(value, lang),
        (Some(d), Unit::Count | Unit::Persons) => format_decimal(value, d, lang),
    }
}

/// A signed difference with `decimals` places where they are given, else as [`format_difference`] shows it.
pub fn format_difference_at(unit: Unit, value: f64, decimals: Option<usize>, lang: Lang) -> String {
    match (decimals, unit) {
        (None, _) | (Some(_), Unit::Euro) => format_difference(unit, value, lang),
        (Some(d), Unit::Percent) => {
            let points = lang.pick("Prozentpunkte", "percentage points");
            format!("{}{NBSP}{points}", format_signed_decimal(value, d, lang))
        }
        (Some(d), Unit::Count | Unit::Persons) => format_signed_decimal(value, d, lang),
    }
}

/// The decimal places of every figure of a target judged by a relative change – a limit derived from the
/// previous year (format 4) or a relative change of a rate (format 5, "um 7,3 % von 13,7 % auf 14,70 %"): at
/// least two for rates and euros, one for a count or stock that is not whole, none for a whole one; and more while
/// the actual (or the forecast) and the limit, or their difference, would look the same ("18,60 %" below
/// "18,62 %", not "18,6 %" below "18,6 %"). So a rate judged by a relative change shows two decimals whichever of
/// the two formats the agreement uses (Würzburg's floor and Bremen's rise alike). `None` for a stated target,
/// whose figures show as usual (rates with one decimal, as the BA publishes them).
pub fn precision(target: &Target, result: &TargetResult, unit: Unit) -> Option<usize> {
    if !matches!(
        target.format,
        TargetFormat::ChangeVsPreviousYear { .. } | TargetFormat::QuotaRelativeChange { .. }
    ) {
        return None;
    }
    let limit = result.target_value?;
    let mut decimals = match unit {
        Unit::Percent | Unit::Euro => 2,
        Unit::Count | Unit::Persons if decimals_of(limit, 6) == 0 => 0,
        Unit::Count | Unit::Persons => 1,
    };
    let pairs = [
        (result.actual, result.target_to_date),
        (result.forecast.map(|f| f.value), Some(limit)),
    ];
    let rounded = |v: f64, d: usize| (v * 10f64.powi(d as i32)).round();
    for (a, b) in pairs {
        if let (Some(a), Some(b)) = (a, b) {
            while decimals < 6
                && a != b
                && (rounded(a, decimals) == rounded(b, decimals) || rounded(a - b, decimals) == 0.0)
            {
                decimals += 1;
            }
        }
    }
    Some(decimals)
}

/// A value as shown: "62", "58,1 % (412 / 709)".
pub fn amount_text(unit: Unit, amount: Amount, lang: Lang) -> String {
    match amount {
        Amount::Number(v) => format_value(unit, v, lang),
        Amount::Ratio {
            numerator,
            denominator,
        } => {
            let quota = amount
                .as_figure()
                .map_or_else(|| "–".into(), |q| format_value(Unit::Percent, q, lang));
            format!(
                "{quota} ({} / {})",
                format_value(Unit::Count, numerator, lang),
                format_value(Unit::Count, denominator, lang)
            )
        }
    }
}

/// A value with its Datenstand: "62 (Datenstand 31.05.2022)", "62 (ohne Datenstand)".
pub fn dated(text: String, as_of: Option<Date>, lang: Lang) -> String {
    match as_of {
        Some(d) => tr!(
            lang,
            "{text} (Datenstand {})",
            "{text} (as of {})",
            format_date(d, lang)
        ),
        None => tr!(lang, "{text} (ohne Datenstand)", "{text} (no as-of date)"),
    }
}

/// The title of a target: its own, or indicator and population.
pub fn title(target: &Target, indicator: Option<&Indicator>, lang: Lang) -> String {
    if !target.title.trim().is_empty() {
        return target.title.trim().to_owned();
    }
    match (target.format.subject(), indicator) {
        (Some(s), Some(i)) => {
            let population = match lang {
                Lang::De => s.population.label(Lang::De),
                Lang::En => s.population.label(Lang::En),
            };
            format!("{} – {population}", i.display_name(lang))
        }
        (Some(s), None) => s.indicator.0.clone(),
        (None, _) => match &target.format {
            TargetFormat::Qualitative { description, .. } => description.chars().take(80).collect(),
            _ => String::new(),
        },
    }
}

/// "INT Frauen, Mai 2022" / "INT Women, May 2022"; "INT Insgesamt, Jahr 2021" for an annual value.
pub fn describe_key(key: &ValueKey, lang: Lang) -> String {
    let period = match key.month {
        Some(m) => format!("{} {}", month_name(m, lang), key.year),
        None => format!("{} {}", lang.pick("Jahr", "year"), key.year),
    };
    format!("{} {}, {period}", key.indicator, key.population.label(lang))
}

//! Generated text for the balance ("Bilanz") and the overview: one sentence per target in the style of the seed
//! ("Die Summe der Integrationen lag 2021 mit 718 über dem vereinbarten Zielwert von 690."), German and English,
//! and the readings of an ambiguous stated change.

use crate::core::calendar::Year;
use crate::domain::agreement::{Bound, ChangeUnit, ManualStatus, Target, TargetFormat};
use crate::domain::attainment::{Interpretation, Status, TargetResult};
use crate::domain::indicator::Indicator;
use crate::domain::names::{format_difference_at, format_value_at, precision};
use crate::domain::values::Population;
use crate::locale::{
    Lang, NBSP, format_decimal, format_percent, format_signed_percent, month_year,
};
use crate::tr;

/// Upper-cases the first letter (sentences start with the indicator's phrase).
fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// "die Summe der Integrationen (Frauen)".
fn phrase(indicator: &Indicator, population: Population, lang: Lang) -> String {
    let base = match lang {
        Lang::De if !indicator.phrase_de.is_empty() => indicator.phrase_de.clone(),
        Lang::De => format!("der Wert der Kennzahl „{}“", indicator.name),
        Lang::En if !indicator.phrase_en.is_empty() => indicator.phrase_en.clone(),
        Lang::En => format!("the figure “{}”", indicator.display_name(lang)),
    };
    match (population, lang) {
        (Population::Total, _) => base,
        (p, Lang::De) => format!("{base} ({})", p.label(Lang::De)),
        (p, Lang::En) => format!("{base} ({})", p.label(Lang::En).to_lowercase()),
    }
}

/// The sentence for one target of the balance or the overview.
#[allow(
    clippy::too_many_lines,
    reason = "a table of wordings: one sentence per case of a target, German and English side by side"
)]
pub fn sentence(
    target: &Target,
    result: &TargetResult,
    indicator: Option<&Indicator>,
    year: Year,
    lang: Lang,
) -> String {
    if let TargetFormat::Qualitative { status, .. } = &target.format {
        return qualitative_sentence(target, *status, lang);
    }
    let (Some(indicator), Some(subject)) = (indicator, target.format.subject()) else {
        return tr!(
            lang,
            "Die Kennzahl dieses Ziels ist nicht im Katalog.",
            "The indicator of this target is not in the catalogue."
        );
    };
    let who = phrase(indicator, subject.population, lang);
    let decimals = precision(target, result, indicator.unit);
    let value = |v: f64| format_value_at(indicator.unit, v, decimals, lang);
    let diff = |v: f64| format_difference_at(indicator.unit, v, decimals, lang);

    let Some(actual) = result.actual else {
        let missing_previous = matches!(target.format, TargetFormat::ChangeVsPreviousYear { .. })
            && result.target_value.is_none();
        let named = match (lang, subject.population) {
            (Lang::De, Population::Total) => format!("„{}“", indicator.name),
            (Lang::De, p) => format!("„{}“ ({})", indicator.name, p.label(Lang::De)),
            (Lang::En, Population::Total) => format!("“{}”", indicator.display_name(lang)),
            (Lang::En, p) => format!(
                "“{}” ({})",
                indicator.display_name(lang),
                p.label(Lang::En).to_lowercase()
            ),
        };
        return match missing_previous {
            false => tr!(
                lang,
                "Für {year} liegen zur Kennzahl {named} noch keine Ist-Werte vor.",
                "No actual values for {named} in {year} yet."
            ),
            true => tr!(
                lang,
                "Der Zielwert zur Kennzahl {named} ergibt sich aus dem Vorjahreswert {}, der noch fehlt.",
                "The target for {named} depends on the figure of {}, which is missing.",
                year.previous().map_or_else(String::new, |p| p.to_string())
            ),
        };
    };

    if result.status == Status::Monitoring {
        return monitoring_sentence(&who, result, year, actual, lang, &value, &diff);
    }

    let Some(t) = result.target_value else {
        return tr!(
            lang,
            "{} liegt {year} bei {}; ein Zielwert fehlt.",
            "{} is {} in {year}; a target value is missing.",
            capitalised(&who),
            value(actual)
        );
    };
    let bound = result.bound.unwrap_or(Bound::AtLeast);
    let relative = matches!(target.format, TargetFormat::ChangeVsPreviousYear { .. });

    if result.is_final {
        let met = matches!(result.status, Status::Achieved);
        let above = actual > t;
        let equal = actual == t;
        // English names the value right after the noun: "the minimum of 18.62 % derived from the previous
        // year", so that the figure is not read as the previous year's.
        let (noun_de, noun_en, derived_en) = match (bound, relative) {
            (Bound::AtLeast, false) => ("dem vereinbarten Zielwert", "the agreed target", ""),
            (Bound::AtMost, false) => ("der vereinbarten Obergrenze", "the agreed cap", ""),
            (Bound::AtLeast, true) => (
                "dem aus dem Vorjahr abgeleiteten Mindestwert",
                "the minimum",
                " derived from the previous year",
            ),
            (Bound::AtMost, true) => (
                "der aus dem Vorjahr abgeleiteten Obergrenze",
                "the cap",
                " derived from the previous year",
            ),
        };
        let deviation = match (result.deviation, result.deviation_percent) {
            (Some(d), Some(p)) if !met => {
                format!(" ({}; {})", diff(d), format_signed_percent(p, 1, lang))
            }
            _ => String::new(),
        };
        return match lang {
            Lang::De if equal => format!(
                "{} lag {year} mit {} genau auf {noun_de}.",
                capitalised(&who),
                value(actual)
            ),
            Lang::De => format!(
                "{} lag {year} mit {} {} {noun_de} von {}{deviation}.",
                capitalised(&who),
                value(actual),
                if above { "über" } else { "unter" },
                value(t)
            ),
            Lang::En if equal => {
                format!(
                    "In {year}, {who} was exactly at {noun_en} ({}){derived_en}.",
                    value(t)
                )
            }
            Lang::En => format!(
                "In {year}, {who} was {}, {} {noun_en} of {}{derived_en}{deviation}.",
                value(actual),
                if above { "above" } else { "below" },
                value(t)
            ),
        };
    }

    // During the year.
    let through = match result.through {
        Some(m) => month_year(m, year, lang),
        None => year.to_string(),
    };
    let accumulates = result
        .months
        .iter()
        .filter_map(|r| r.path_linear)
        .next()
        .is_some_and(|first| first != t);
    let mut text = match (lang, accumulates, result.target_to_date) {
        (Lang::De, true, Some(ttd)) => format!(
            "{} liegt bis {through} bei {}; anteilig vorgesehen sind {}.",
            capitalised(&who),
            value(actual),
            value(ttd)
        ),
        (Lang::De, _, _) => format!(
            "{} liegt bis {through} bei {} (Zielwert {}).",
            capitalised(&who),
            value(actual),
            value(t)
        ),
        (Lang::En, true, Some(ttd)) => {
            format!(
                "{} is {} up to {through}; pro rata {} were planned.",
                capitalised(&who),
                value(actual),
                value(ttd)
            )
        }
        (Lang::En, _, _) => format!(
            "{} is {} up to {through} (target {}).",
            capitalised(&who),
            value(actual),
            value(t)
        ),
    };
    if let Some(f) = result.forecast {
        let verdict_de = match result.status {
            Status::OnTrack => "das Ziel ist auf Kurs",
            Status::AtRisk => "die Zielerreichung ist gefährdet",
            _ => "die Zielerreichung ist kritisch",
        };
        let verdict_en = match result.status {
            Status::OnTrack => "the target is on track",
            Status::AtRisk => "the target is at risk",
            _ => "the target is in a critical state",
        };
        text.push_str(&tr!(
            lang,
            " Prognose zum Jahresende ({}): {} bei einem Zielwert von {}; {verdict_de}.",
            " Year-end forecast ({}): {} against a target of {}; {verdict_en}.",
            super::status::method_label(f.method, lang),
            value(f.value),
            value(t)
        ));
    }
    if let (Some(pace), true, Bound::AtLeast, false) = (
        result.pace,
        accumulates,
        bound,
        result.status == Status::OnTrack,
    ) {
        let left = result.months_left;
        // One rule for both figures, as in the detail: "63,5", never a silent "64".
        let (so_far, pace) = match result.pace_so_far {
            Some(so_far) => super::status::pace_pair(indicator.unit, so_far, pace, lang),
            None => (
                "–".into(),
                super::status::pace_pair(indicator.unit, pace, pace, lang).1,
            ),
        };
        text.push_str(&if left == 1 {
            crate::tr!(
                lang,
                " Dafür ist im letzten Monat noch {pace} nötig (bisher im Mittel {so_far} je Monat).",
                " That needs {pace} in the last month (so far {so_far} per month on average)."
            )
        } else {
            crate::tr!(
                lang,
                " Dafür sind in den restlichen {left} Monaten im Mittel noch {pace} je Monat nötig (bisher {so_far} je \
                 Monat).",
                " That needs {pace} per month on average in the remaining {left} months (so far {so_far} per month)."
            )
        });
    }
    text
}

fn monitoring_sentence(
    who: &str,
    result: &TargetResult,
    year: Year,
    actual: f64,
    lang: Lang,
    value: &dyn Fn(f64) -> String,
    diff: &dyn Fn(f64) -> String,
) -> String {
    let when = match (result.is_final, result.through) {
        (false, Some(m)) => tr!(lang, "bis {}", "up to {}", month_year(m, year, lang)),
        _ => match lang {
            Lang::De => year.to_string(),
            Lang::En => format!("in {year}"),
        },
    };
    let mut text = tr!(
        lang,
        "{} betrug {when} {}",
        "{} was {} {when}",
        capitalised(who),
        value(actual)
    );
    match result.change_vs_previous {
        Some(c) => {
            let pct = c
                .percent
                .map(|p| format!(" ({})", format_signed_percent(p, 1, lang)))
                .unwrap_or_default();
            let same_months = !result.is_final;
            text.push_str(&match lang {
                Lang::De => format!(
                    ", {} {}{pct} gegenüber {} ({}).",
                    diff(c.absolute),
                    if c.absolute >= 0.0 { "mehr" } else { "weniger" },
                    if same_months {
                        "den gleichen Monaten des Vorjahres"
                    } else {
                        "dem Vorjahr"
                    },
                    value(c.previous)
                )
                .replace(" +", " ")
                .replace(" −", " "),
                Lang::En => format!(
                    ", {}{pct} versus {} ({}).",
                    diff(c.absolute),
                    if same_months {
                        "the same months of the previous year"
                    } else {
                        "the previous year"
                    },
                    value(c.previous)
                ),
            });
        }
        None => text.push_str(lang.pick(
            "; ein Vergleichswert des Vorjahres fehlt.",
            "; no figure of the previous year to compare with.",
        )),
    }
    text
}

fn qualitative_sentence(target: &Target, status: ManualStatus, lang: Lang) -> String {
    let title = if target.title.is_empty() {
        None
    } else {
        Some(target.title.as_str())
    };
    let (de, en) = match status {
        ManualStatus::Open => ("noch nicht bewertet", "not yet assessed"),
        ManualStatus::Achieved => ("erreicht", "achieved"),
        ManualStatus::PartlyAchieved => ("teilweise erreicht", "partly achieved"),
        ManualStatus::NotAchieved => ("nicht erreicht", "not achieved"),
    };
    match (lang, title) {
        (Lang::De, Some(t)) => format!("Qualitatives Ziel „{t}“: {de}."),
        (Lang::De, None) => format!("Qualitatives Ziel: {de}."),
        (Lang::En, Some(t)) => format!("Qualitative goal “{t}”: {en}."),
        (Lang::En, None) => format!("Qualitative goal: {en}."),
    }
}

/// The readings of an ambiguous stated change, for the overview and the detail ("als Prozentpunkte: von 56,2 %;
/// als Prozent: von 57,0 %").
pub fn interpretation_text(
    interpretations: &[Interpretation],
    change: f64,
    target: f64,
    lang: Lang,
) -> String {
    let readings: Vec<String> = interpretations
        .iter()
        .map(|i| {
            let (unit_de, unit_en) = match i.unit {
                ChangeUnit::PercentagePoints => ("Prozentpunkte", "percentage points"),
                ChangeUnit::Percent => ("%", "%"),
            };
            let stated = if i.stated {
                lang.pick(" (so vereinbart)", " (as agreed)")
            } else {
                ""
            };
            let from = i
                .implied_baseline
                .map(|b| format_percent(b, 1, lang))
                .unwrap_or_else(|| "–".into());
            let prev = i
                .target_from_previous_year
                .map(|t| {
                    tr!(
                        lang,
                        "; vom Vorjahreswert aus gerechnet {}",
                        "; from the previous year's figure {}",
                        format_percent(t, 1, lang)
                    )
                })
                .unwrap_or_default();
            let amount = format_decimal(change.abs(), 1, lang);
            tr!(
                lang,
                "um {amount}{NBSP}{unit_de}{stated}: von {from} auf {}{prev}",
                "by {amount}{NBSP}{unit_en}{stated}: from {from} to {}{prev}",
                format_percent(target, 1, lang)
            )
        })
        .collect();
    tr!(
        lang,
        "Lesarten der Veränderung – {}.",
        "Readings of the change – {}.",
        readings.join(" | ")
    )
}

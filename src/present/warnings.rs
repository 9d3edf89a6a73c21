//! Consistency warnings as sentences for the user.

use crate::domain::attainment::{Implausibility, Warning};
use crate::domain::balance::format_value;
use crate::domain::indicator::Unit;
use crate::domain::workspace::Catalogue;
use crate::locale::{Lang, format_count, format_decimal, month_name};

/// The warning as a German (or English) sentence.
pub fn text(warning: &Warning, catalogue: &Catalogue, lang: Lang) -> String {
    let name = |code: &str| {
        catalogue
            .get(code)
            .map_or_else(|| code.to_owned(), |i| i.display_name(lang).to_owned())
    };
    let unit = |code: &str| catalogue.get(code).map_or(Unit::Count, |i| i.unit);
    let period = |month: &Option<crate::domain::calendar::Month>| match (month, lang) {
        (Some(m), _) => month_name(*m, lang).to_owned(),
        (None, Lang::De) => "Jahreswert".to_owned(),
        (None, Lang::En) => "annual value".to_owned(),
    };
    match (warning, lang) {
        (
            Warning::TargetPartsDontAddUp {
                subject_total,
                total,
                women,
                men,
            },
            Lang::De,
        ) => format!(
            "Die Ziele für Frauen ({}) und Männer ({}) zu „{}“ ergeben zusammen {}, nicht das Gesamtziel {}.",
            format_count(*women, lang),
            format_count(*men, lang),
            name(subject_total.indicator.as_str()),
            format_count(women + men, lang),
            format_count(*total, lang)
        ),
        (
            Warning::TargetPartsDontAddUp {
                subject_total,
                total,
                women,
                men,
            },
            Lang::En,
        ) => format!(
            "The targets for women ({}) and men ({}) of “{}” add up to {}, not the total target {}.",
            format_count(*women, lang),
            format_count(*men, lang),
            name(subject_total.indicator.as_str()),
            format_count(women + men, lang),
            format_count(*total, lang)
        ),
        (
            Warning::ValuePartsDontAddUp {
                indicator,
                month,
                total,
                women,
                men,
            },
            Lang::De,
        ) => format!(
            "{} ({}): Frauen {} und Männer {} ergeben {}, Insgesamt ist {}.",
            name(indicator),
            period(month),
            format_value(unit(indicator), *women, lang),
            format_value(unit(indicator), *men, lang),
            format_value(unit(indicator), women + men, lang),
            format_value(unit(indicator), *total, lang)
        ),
        (
            Warning::ValuePartsDontAddUp {
                indicator,
                month,
                total,
                women,
                men,
            },
            Lang::En,
        ) => format!(
            "{} ({}): women {} and men {} make {}, the total is {}.",
            name(indicator),
            period(month),
            format_value(unit(indicator), *women, lang),
            format_value(unit(indicator), *men, lang),
            format_value(unit(indicator), women + men, lang),
            format_value(unit(indicator), *total, lang)
        ),
        (
            Warning::Implausible {
                indicator,
                population,
                month,
                reason,
            },
            _,
        ) => {
            let who = match lang {
                Lang::De => format!(
                    "{} – {} ({})",
                    name(indicator),
                    population.label_de(),
                    period(month)
                ),
                Lang::En => format!(
                    "{} – {} ({})",
                    name(indicator),
                    population.label_en(),
                    period(month)
                ),
            };
            let why = match (reason, lang) {
                (Implausibility::Negative(v), Lang::De) => {
                    format!("negativer Wert {}", format_decimal(*v, 1, lang))
                }
                (Implausibility::Negative(v), Lang::En) => {
                    format!("negative value {}", format_decimal(*v, 1, lang))
                }
                (
                    Implausibility::NumeratorAboveDenominator {
                        numerator,
                        denominator,
                    },
                    Lang::De,
                ) => format!(
                    "Zähler {} größer als Nenner {}",
                    format_decimal(*numerator, 0, lang),
                    format_decimal(*denominator, 0, lang)
                ),
                (
                    Implausibility::NumeratorAboveDenominator {
                        numerator,
                        denominator,
                    },
                    Lang::En,
                ) => format!(
                    "numerator {} above denominator {}",
                    format_decimal(*numerator, 0, lang),
                    format_decimal(*denominator, 0, lang)
                ),
                (Implausibility::ZeroDenominator { numerator }, Lang::De) => {
                    format!(
                        "Nenner 0 bei Zähler {}",
                        format_decimal(*numerator, 0, lang)
                    )
                }
                (Implausibility::ZeroDenominator { numerator }, Lang::En) => {
                    format!(
                        "denominator 0 with numerator {}",
                        format_decimal(*numerator, 0, lang)
                    )
                }
                (Implausibility::RateOutOfRange(v), Lang::De) => format!(
                    "Rate {} außerhalb von 0 bis 100 %",
                    format_decimal(*v, 1, lang)
                ),
                (Implausibility::RateOutOfRange(v), Lang::En) => {
                    format!("rate {} outside 0 to 100 %", format_decimal(*v, 1, lang))
                }
                (Implausibility::Outlier { value, median }, Lang::De) => format!(
                    "{} weicht stark vom Median der übrigen Monate ({}) ab",
                    format_value(unit(indicator), *value, lang),
                    format_value(unit(indicator), *median, lang)
                ),
                (Implausibility::Outlier { value, median }, Lang::En) => format!(
                    "{} is far from the median of the other months ({})",
                    format_value(unit(indicator), *value, lang),
                    format_value(unit(indicator), *median, lang)
                ),
            };
            match lang {
                Lang::De => format!("Unplausibler Wert bei {who}: {why}."),
                Lang::En => format!("Implausible value for {who}: {why}."),
            }
        }
        (
            Warning::InconsistentQuotaTarget {
                baseline,
                change,
                unit,
                target_value,
                ..
            },
            Lang::De,
        ) => format!(
            "Ausgangswert {}, Veränderung {} {} und Zielwert {} passen nicht zusammen.",
            format_decimal(*baseline, 1, lang),
            format_decimal(*change, 1, lang),
            unit.label_de(),
            format_decimal(*target_value, 1, lang)
        ),
        (
            Warning::InconsistentQuotaTarget {
                baseline,
                change,
                target_value,
                ..
            },
            Lang::En,
        ) => format!(
            "Baseline {}, change {} and target {} do not fit together.",
            format_decimal(*baseline, 1, lang),
            format_decimal(*change, 1, lang),
            format_decimal(*target_value, 1, lang)
        ),
        (Warning::PreviousYearMissing { .. }, Lang::De) => {
            "Ein Ziel bezieht sich auf den Vorjahreswert, der noch nicht erfasst ist.".into()
        }
        (Warning::PreviousYearMissing { .. }, Lang::En) => {
            "A target refers to the previous year's figure, which is missing.".into()
        }
        (Warning::UnknownIndicator { code, .. }, Lang::De) => {
            format!("Ein Ziel nennt die unbekannte Kennzahl „{code}“.")
        }
        (Warning::UnknownIndicator { code, .. }, Lang::En) => {
            format!("A target names the unknown indicator “{code}”.")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::agreement::Subject;
    use crate::domain::indicator::IndicatorCode;
    use crate::domain::values::Population;
    use crate::domain::workspace::Workspace;

    #[test]
    fn parts_warning_in_german() {
        let cat = Workspace::empty("x").catalogue();
        let w = Warning::TargetPartsDontAddUp {
            subject_total: Subject {
                indicator: IndicatorCode::new("INT"),
                population: Population::Total,
            },
            total: 770.0,
            women: 300.0,
            men: 462.0,
        };
        assert_eq!(
            text(&w, &cat, Lang::De),
            "Die Ziele für Frauen (300) und Männer (462) zu „Integrationen“ ergeben zusammen 762, nicht das Gesamtziel 770."
        );
    }
}

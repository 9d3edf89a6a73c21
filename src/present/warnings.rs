//! Consistency warnings as sentences for the user.

use crate::domain::agreement::AgreementId;
use crate::domain::attainment::{Implausibility, Warning};
use crate::domain::indicator::Unit;
use crate::domain::merge::Conflict;
use crate::domain::names::format_value;
use crate::domain::workspace::{Catalogue, Workspace};
use crate::locale::{
    Lang, NBSP, decimals_of, format_count, format_decimal, format_percent, month_name,
};
use crate::tr;

mod notes;
pub use notes::YearNotes;

/// The warning as a German (or English) sentence.
#[allow(
    clippy::too_many_lines,
    reason = "a table-like match: one arm per warning and language, each a sentence"
)]
pub fn text(warning: &Warning, catalogue: &Catalogue, lang: Lang) -> String {
    let name = |code: &str| {
        catalogue
            .get(code)
            .map_or_else(|| code.to_owned(), |i| i.display_name(lang).to_owned())
    };
    let unit = |code: &str| catalogue.get(code).map_or(Unit::Count, |i| i.unit);
    let period = |month: &Option<crate::core::calendar::Month>| match month {
        Some(m) => month_name(*m, lang).to_owned(),
        None => tr!(lang, "Jahreswert", "annual figure"),
    };
    match (warning, lang) {
        (
            Warning::TargetPartsDontAddUp {
                subject_total,
                total,
                women,
                men,
                ..
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
                ..
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
                    population.label(Lang::De),
                    period(month)
                ),
                Lang::En => format!(
                    "{} – {} ({})",
                    name(indicator),
                    population.label(Lang::En),
                    period(month)
                ),
            };
            let why = match reason {
                Implausibility::Negative(v) => tr!(
                    lang,
                    "negativer Wert {}",
                    "negative value {}",
                    format_decimal(*v, 1, lang)
                ),
                Implausibility::NumeratorAboveDenominator {
                    numerator,
                    denominator,
                } => tr!(
                    lang,
                    "Zähler {} größer als Nenner {}",
                    "numerator {} above denominator {}",
                    format_decimal(*numerator, 0, lang),
                    format_decimal(*denominator, 0, lang)
                ),
                Implausibility::ZeroDenominator { numerator } => tr!(
                    lang,
                    "Nenner 0 bei Zähler {}",
                    "denominator 0 with numerator {}",
                    format_decimal(*numerator, 0, lang)
                ),
                Implausibility::RateOutOfRange(v) => tr!(
                    lang,
                    "Rate {} außerhalb von 0 bis 100 %",
                    "rate {} outside 0 to 100 %",
                    format_decimal(*v, 1, lang)
                ),
                Implausibility::Outlier { value, median } => tr!(
                    lang,
                    "{} weicht stark vom Median der übrigen Monate ({}) ab",
                    "{} is far from the median of the other months ({})",
                    format_value(unit(indicator), *value, lang),
                    format_value(unit(indicator), *median, lang)
                ),
            };
            tr!(
                lang,
                "Unplausibler Wert bei {who}: {why}.",
                "Implausible value for {who}: {why}."
            )
        }
        (
            Warning::InconsistentQuotaTarget {
                baseline,
                change,
                unit,
                target_value,
                ..
            },
            _,
        ) => {
            let written = |v: f64| format_percent(v, decimals_of(v, 4).max(1), lang);
            let amount = format_decimal(*change, decimals_of(*change, 4).max(1), lang);
            let unit_text = unit.label(lang);
            let computed = format_percent(unit.apply(*baseline, *change), 2, lang);
            let (baseline, target) = (written(*baseline), written(*target_value));
            tr!(
                lang,
                "Ausgangswert {baseline} und Veränderung um {amount}{NBSP}{unit_text} ergeben {computed}, nicht den \
                 Zielwert {target}; bewertet wird gegen {target}. Bitte die Zahlen mit der Vereinbarung vergleichen.",
                "Baseline {baseline} changed by {amount}{NBSP}{unit_text} gives {computed}, not the target {target}; \
                 the target {target} is what counts. Please compare the figures with the agreement."
            )
        }
        (
            Warning::AnnualDiffersFromMonths {
                indicator,
                population,
                annual,
                months,
            },
            _,
        ) => {
            let who = format!("{} – {}", name(indicator), population.label(lang));
            let (annual, months) = (
                format_value(unit(indicator), *annual, lang),
                format_value(unit(indicator), *months, lang),
            );
            tr!(
                lang,
                "{who}: Die zwölf Monatswerte ergeben {months}, der Jahreswert ist {annual}; es zählt der Jahreswert. \
                 Bitte prüfen.",
                "{who}: the twelve months give {months}, the annual figure is {annual}; the annual figure counts. \
                 Please check."
            )
        }
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

/// What both tabs changed differently, named as the user knows it: "Integrationen – Insgesamt, Januar 2022",
/// "Ziel „Integrationen – Frauen“ (2022)", "Zielvereinbarung 2022".
pub fn conflict_text(conflict: &Conflict, workspace: &Workspace, lang: Lang) -> String {
    let catalogue = workspace.catalogue();
    let agreement_year = |id: AgreementId| {
        workspace
            .agreement(id)
            .map(|a| a.year.to_string())
            .unwrap_or_default()
    };
    match conflict {
        Conflict::Organisation => lang
            .pick("der Name der Organisation", "the organisation's name")
            .into(),
        Conflict::Settings => lang
            .pick("die Einstellungen (Toleranz)", "the settings (tolerance)")
            .into(),
        Conflict::Example => lang
            .pick("die Kennzeichnung als Beispiel", "the example label")
            .into(),
        Conflict::Indicator(code) => tr!(
            lang,
            "die eigene Kennzahl „{code}“",
            "the own indicator “{code}”"
        ),
        Conflict::Agreement(id) => {
            let year = agreement_year(*id);
            tr!(
                lang,
                "die Zielvereinbarung {year}",
                "the target agreement {year}"
            )
        }
        Conflict::Target(agreement, target) => {
            let year = agreement_year(*agreement);
            let title = workspace
                .agreement(*agreement)
                .and_then(|a| a.target(*target))
                .map(|t| {
                    let indicator = t
                        .format
                        .subject()
                        .and_then(|s| catalogue.get(s.indicator.as_str()));
                    crate::domain::names::title(t, indicator, lang)
                })
                .unwrap_or_else(|| target.0.to_string());
            tr!(
                lang,
                "das Ziel „{title}“ ({year})",
                "the target “{title}” ({year})"
            )
        }
        Conflict::Value(key) => {
            let name = catalogue.get(key.indicator.as_str()).map_or_else(
                || key.indicator.0.clone(),
                |i| i.display_name(lang).to_owned(),
            );
            let population = key.population.label(lang);
            let period = match key.month {
                Some(m) => crate::locale::month_year(m, key.year, lang),
                None => tr!(lang, "Jahreswert {}", "annual figure {}", key.year),
            };
            format!("{name} – {population}, {period}")
        }
    }
}

/// The notes not shown at first, as the disclosure under the value grid names them: "12 weitere Hinweise",
/// "1 weiterer Hinweis", "1.204 weitere Hinweise"; "12 more notes", "1 more note".
pub fn more_notes(n: usize, lang: Lang) -> String {
    if n == 1 {
        lang.pick("1 weiterer Hinweis", "1 more note").to_owned()
    } else {
        tr!(
            lang,
            "{} weitere Hinweise",
            "{} more notes",
            format_count(n as f64, lang)
        )
    }
}

#[cfg(test)]
mod tests;

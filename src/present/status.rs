//! What a status means, in words: the legend beside every list of statuses, and for one target the rule with its
//! numbers ("Die Prognose 740 verfehlt den Zielwert 770 um 30 (3,9 %); bis 5 % gilt ein Ziel als gefährdet")
//! and its pace (so far, still needed, months left).

use crate::domain::agreement::Bound;
use crate::domain::attainment::{ForecastMethod, Status, TargetResult};
use crate::domain::indicator::{Aggregation, Denominator, Indicator, Unit};
use crate::domain::names::format_value;
use crate::locale::{Lang, format_decimal, format_percent};
use crate::tr;

/// The status in words: "erreicht", "auf Kurs" / "achieved", "on track".
pub fn label(status: Status, lang: Lang) -> String {
    let (de, en) = match status {
        Status::Achieved => ("erreicht", "achieved"),
        Status::Missed => ("nicht erreicht", "missed"),
        Status::OnTrack => ("auf Kurs", "on track"),
        Status::AtRisk => ("gefährdet", "at risk"),
        Status::Critical => ("kritisch", "critical"),
        Status::NoData => ("keine Daten", "no data"),
        Status::Monitoring => ("Monitoring", "monitoring"),
        Status::Open => ("offen", "open"),
    };
    tr!(lang, "{de}", "{en}")
}

/// A symbol that tells the status apart without colour (shown next to the text, hidden from screen readers).
pub fn icon(status: Status) -> &'static str {
    match status {
        Status::Achieved => "✔",
        Status::Missed => "✘",
        Status::OnTrack => "↗",
        Status::AtRisk => "⚠",
        Status::Critical => "‼",
        Status::NoData => "…",
        Status::Monitoring => "◉",
        Status::Open => "○",
    }
}

/// A stable name for CSS classes and tests: "erreicht", "auf-kurs", "keine-daten".
pub fn slug(status: Status) -> &'static str {
    match status {
        Status::Achieved => "erreicht",
        Status::Missed => "nicht-erreicht",
        Status::OnTrack => "auf-kurs",
        Status::AtRisk => "gefaehrdet",
        Status::Critical => "kritisch",
        Status::NoData => "keine-daten",
        Status::Monitoring => "monitoring",
        Status::Open => "offen",
    }
}

/// How the year-end figure was estimated, in words: "linear fortgeschrieben" / "linear trend".
pub fn method_label(method: ForecastMethod, lang: Lang) -> String {
    let (de, en) = match method {
        ForecastMethod::Final => ("Jahreswert", "annual figure"),
        ForecastMethod::LinearTrend => ("linear fortgeschrieben", "linear trend"),
        ForecastMethod::LatestLevel => (
            "letzter Monatswert fortgeschrieben",
            "latest month carried forward",
        ),
        ForecastMethod::YearToDateLevel => (
            "bisheriges Niveau fortgeschrieben",
            "level so far carried forward",
        ),
        ForecastMethod::Seasonal => (
            "saisonal nach Vorjahresverlauf",
            "seasonal, previous year's pattern",
        ),
    };
    tr!(lang, "{de}", "{en}")
}

/// The tolerance as the UI writes it: "5 %", "2,5 %".
pub fn tolerance_text(tolerance_percent: f64, lang: Lang) -> String {
    let places = crate::locale::decimals_of(tolerance_percent, 2);
    format_percent(tolerance_percent, places, lang)
}

/// The statuses in the order of the legend, each with what it means (the tolerance written out).
pub fn legend(tolerance_percent: f64, lang: Lang) -> Vec<(Status, String)> {
    let tol = tolerance_text(tolerance_percent, lang);
    vec![
        (
            Status::Achieved,
            tr!(
                lang,
                "Das Jahr ist vollständig und das Ziel erreicht.",
                "The year is complete and the target met."
            ),
        ),
        (
            Status::Missed,
            tr!(
                lang,
                "Das Jahr ist vollständig und das Ziel verfehlt.",
                "The year is complete and the target missed."
            ),
        ),
        (
            Status::OnTrack,
            tr!(
                lang,
                "Im laufenden Jahr: Die Prognose zum Jahresende erreicht das Ziel.",
                "During the year: the forecast for the year end meets the target."
            ),
        ),
        (
            Status::AtRisk,
            tr!(
                lang,
                "Im laufenden Jahr: Die Prognose verfehlt das Ziel um höchstens {tol} des Zielwerts (Toleranz).",
                "During the year: the forecast misses the target by at most {tol} of the target value (tolerance)."
            ),
        ),
        (
            Status::Critical,
            tr!(
                lang,
                "Im laufenden Jahr: Die Prognose verfehlt das Ziel um mehr als {tol} des Zielwerts.",
                "During the year: the forecast misses the target by more than {tol} of the target value."
            ),
        ),
        (
            Status::NoData,
            tr!(
                lang,
                "Für das Jahr liegen noch keine Ist-Werte vor, oder es fehlt der Vorjahreswert, aus dem sich das Ziel \
                 ergibt.",
                "There are no actual figures for the year yet, or the previous year's figure that gives the target \
                 is missing."
            ),
        ),
        (
            Status::Monitoring,
            tr!(
                lang,
                "Die Kennzahl wird ohne Zielwert beobachtet.",
                "The indicator is monitored without a target value."
            ),
        ),
        (
            Status::Open,
            tr!(
                lang,
                "Qualitatives Ziel, noch nicht bewertet.",
                "Qualitative goal, not assessed yet."
            ),
        ),
    ]
}

/// The rule that gave this target its status, with its numbers.
pub fn rule(r: &TargetResult, unit: Unit, tolerance_percent: f64, lang: Lang) -> String {
    let value = |v: f64| format_value(unit, v, lang);
    let tol = tolerance_text(tolerance_percent, lang);
    match (r.status, r.forecast, r.target_value) {
        (Status::Achieved | Status::Missed, _, _) if r.is_final => tr!(
            lang,
            "Das Jahr ist vollständig; das Ergebnis ist endgültig.",
            "The year is complete; the result is final."
        ),
        (Status::OnTrack, Some(f), Some(t)) => {
            let (f, t) = (value(f.value), value(t));
            tr!(
                lang,
                "Auf Kurs: Die Prognose {f} erreicht den Zielwert {t}.",
                "On track: the forecast {f} meets the target value {t}."
            )
        }
        (Status::AtRisk | Status::Critical, Some(f), Some(t)) if t != 0.0 => {
            let gap = value((f.value - t).abs());
            let share = format_percent((f.value - t).abs() / t.abs() * 100.0, 1, lang);
            let (f, t) = (value(f.value), value(t));
            if r.status == Status::AtRisk {
                tr!(
                    lang,
                    "Gefährdet: Die Prognose {f} verfehlt den Zielwert {t} um {gap} ({share} des Zielwerts); bis \
                     zur Toleranz von {tol} gilt ein Ziel als gefährdet, darüber als kritisch.",
                    "At risk: the forecast {f} misses the target value {t} by {gap} ({share} of the target value); \
                     up to the tolerance of {tol} a target counts as at risk, beyond it as critical."
                )
            } else {
                tr!(
                    lang,
                    "Kritisch: Die Prognose {f} verfehlt den Zielwert {t} um {gap} ({share} des Zielwerts), mehr \
                     als die Toleranz von {tol}.",
                    "Critical: the forecast {f} misses the target value {t} by {gap} ({share} of the target value), \
                     more than the tolerance of {tol}."
                )
            }
        }
        (Status::Critical, _, Some(0.0)) => tr!(
            lang,
            "Kritisch: Bei einem Zielwert von 0 gibt es keine Toleranz.",
            "Critical: a target value of 0 leaves no tolerance."
        ),
        (Status::NoData, _, None) if r.actual.is_some() || r.previous_year.is_none() => tr!(
            lang,
            "Keine Daten: Der Zielwert ergibt sich aus dem Vorjahreswert, der fehlt.",
            "No data: the target value follows from the previous year's figure, which is missing."
        ),
        (Status::NoData, _, _) => tr!(
            lang,
            "Keine Daten: Für das Jahr liegen noch keine Ist-Werte vor.",
            "No data: there are no actual figures for the year yet."
        ),
        (Status::Monitoring, _, _) => tr!(
            lang,
            "Monitoring: beobachtet, ohne Zielwert.",
            "Monitoring: observed, without a target value."
        ),
        _ => String::new(),
    }
}

/// The two figures of a pace by one rule: whole numbers while both are whole at one decimal, else one decimal
/// each ("bisher im Mittel 48,5 je Monat … 63,5 je Monat"), so that no figure is rounded up without a word.
pub(crate) fn pace_pair(unit: Unit, so_far: f64, needed: f64, lang: Lang) -> (String, String) {
    let tenth = |v: f64| (v * 10.0).round() / 10.0;
    match unit {
        Unit::Count | Unit::Persons => {
            let whole = |v: f64| crate::locale::decimals_of(tenth(v), 1) == 0;
            let places = if whole(so_far) && whole(needed) { 0 } else { 1 };
            (
                format_decimal(so_far, places, lang),
                format_decimal(needed, places, lang),
            )
        }
        _ => (
            format_value(unit, so_far, lang),
            format_value(unit, needed, lang),
        ),
    }
}

/// The pace of a target during the year: so far, still needed, and the months left. Empty when there is none
/// (a final year, no months yet, a derived change, a published rate).
pub fn pace(r: &TargetResult, indicator: &Indicator, lang: Lang) -> String {
    let (Some(needed), Some(so_far), Some(t)) = (r.pace, r.pace_so_far, r.target_value) else {
        return String::new();
    };
    let left = r.months_left;
    let target = format_value(indicator.unit, t, lang);
    let months = tr!(lang, "{left} Monaten", "{left} months");
    match &indicator.aggregation {
        Aggregation::Flow => {
            let (so_far, needed) = pace_pair(indicator.unit, so_far, needed, lang);
            tr!(
                lang,
                "Tempo: bisher im Mittel {so_far} je Monat; für den Zielwert {target} nötig in den restlichen \
                 {months}: {needed} je Monat.",
                "Pace: so far {so_far} per month on average; needed for the target value {target} in the remaining \
                 {months}: {needed} per month."
            )
        }
        Aggregation::Stock => {
            let (so_far, needed) = pace_pair(indicator.unit, so_far, needed, lang);
            match r.bound {
                Some(Bound::AtMost) => tr!(
                    lang,
                    "Tempo: bisher im Mittel {so_far}; damit der Jahresdurchschnitt {target} nicht übersteigt, darf \
                     der Bestand in den restlichen {months} im Mittel höchstens {needed} betragen.",
                    "Pace: so far {so_far} on average; for the year's average not to exceed {target}, the stock may \
                     average at most {needed} in the remaining {months}."
                ),
                _ => tr!(
                    lang,
                    "Tempo: bisher im Mittel {so_far}; damit der Jahresdurchschnitt {target} erreicht, braucht es in \
                     den restlichen {months} im Mittel {needed}.",
                    "Pace: so far {so_far} on average; for the year's average to reach {target}, the remaining \
                     {months} need {needed} on average."
                ),
            }
        }
        Aggregation::Quota(Denominator::Sum) => {
            let (so_far, needed) = (
                format_percent(so_far, 1, lang),
                format_percent(needed, 1, lang),
            );
            tr!(
                lang,
                "Tempo: Quote bisher {so_far}; für den Zielwert {target} nötig in den restlichen {months}: im Mittel \
                 {needed}.",
                "Pace: rate so far {so_far}; needed for the target value {target} in the remaining {months}: \
                 {needed} on average."
            )
        }
        Aggregation::Quota(Denominator::Average) => {
            let (so_far, needed) = (
                format_decimal(so_far, 1, lang),
                format_decimal(needed, 1, lang),
            );
            tr!(
                lang,
                "Tempo: Zähler bisher im Mittel {so_far} je Monat; für den Zielwert {target} nötig in den restlichen \
                 {months}: {needed} je Monat (bei gleichbleibendem Nenner).",
                "Pace: numerator so far {so_far} per month on average; needed for the target value {target} in the \
                 remaining {months}: {needed} per month (with the denominator as before)."
            )
        }
        Aggregation::ChangeVsPreviousYear { .. } => String::new(),
    }
}

#[cfg(test)]
mod tests;

//! The course of a target's year: cumulative actual against the target path (flows), monthly level against
//! the cap and its running average (stocks), the rate by month, with the forecast.

use super::*;
use crate::core::calendar::Year;

/// The course of the year: the month table of the engine as lines (flows cumulative; stocks and quotas month by
/// month with their running level), or, where only annual figures exist, the year against the previous one.
#[allow(clippy::too_many_arguments)]
pub(super) fn course(
    workspace: &Workspace,
    catalogue: &Catalogue,
    target: &Target,
    indicator: &Indicator,
    r: &TargetResult,
    name: &str,
    agreement: &Agreement,
    lang: Lang,
) -> ChartSpec {
    let decimals = precision(target, r, indicator.unit);
    let year = agreement.year;
    let reference = r.target_value.map(|value| Reference {
        name: reference_name(r.bound, lang),
        value,
    });
    let has_months = r.months.iter().any(|m| m.value.is_some());
    if !has_months {
        let categories = vec![
            year.previous().map(|p| p.to_string()).unwrap_or_default(),
            year.to_string(),
        ];
        return ChartSpec {
            id: format!("ziel-{}-verlauf", target.id.0),
            title: tr!(
                lang,
                "{name}: Jahreswert {year} und Vorjahr",
                "{name}: annual figure {year} and previous year"
            ),
            category_names: categories.clone(),
            categories,
            category_header: lang.pick("Jahr", "Year").to_owned(),
            unit: indicator.unit,
            decimals,
            series: annual_series(workspace, catalogue, target, r, year, lang),
            reference: None,
            lang,
        };
    }
    let (categories, category_names) = months(lang);
    let (title, mut series) = if matches!(indicator.aggregation, Aggregation::Flow) {
        flow_series(r, name, year, lang)
    } else {
        level_series(indicator, r, name, year, lang)
    };
    if let Some(values) = forecast(r) {
        series.push(Series {
            name: lang.pick("Prognose", "Forecast").to_owned(),
            mark: Mark::Line(Dash::Dotted),
            values,
        });
    }
    ChartSpec {
        id: format!("ziel-{}-verlauf", target.id.0),
        title,
        categories,
        category_names,
        category_header: lang.pick("Monat", "Month").to_owned(),
        unit: indicator.unit,
        decimals,
        series,
        reference: reference.filter(|_| !matches!(target.format, TargetFormat::Monitoring { .. })),
        lang,
    }
}

/// The year against the previous one, where only annual figures exist: the actual as filled bars, the targets as
/// outlined ones. Each year with its own agreement's target: the previous year's target is what that year's
/// agreement said for the same indicator and population (or none), never this year's.
fn annual_series(
    workspace: &Workspace,
    catalogue: &Catalogue,
    target: &Target,
    r: &TargetResult,
    year: Year,
    lang: Lang,
) -> Vec<Series> {
    let previous_target = match (year.previous(), target.format.subject()) {
        (Some(p), Some(subject)) => target_of_year(workspace, catalogue, p, subject),
        _ => None,
    };
    let mut series = vec![Series {
        name: lang.pick("Ist", "Actual").to_owned(),
        mark: Mark::FilledBars,
        values: vec![r.previous_year, r.actual.filter(|_| r.is_final)],
    }];
    let targets = vec![
        previous_target.map(|(v, _)| v),
        r.target_value
            .filter(|_| !matches!(target.format, TargetFormat::Monitoring { .. })),
    ];
    if targets.iter().any(Option::is_some) {
        series.push(Series {
            name: reference_name(r.bound.or(previous_target.map(|(_, b)| b)), lang),
            mark: Mark::OutlinedBars,
            values: targets,
        });
    }
    series
}

/// A flow's title and lines: the cumulative actual and, where there is one, the target path.
fn flow_series(r: &TargetResult, name: &str, year: Year, lang: Lang) -> (String, Vec<Series>) {
    let title = tr!(
        lang,
        "{name}: kumuliertes Ist, Soll-Pfad und Prognose {year}",
        "{name}: cumulative actual, target path and forecast {year}"
    );
    let mut series = vec![Series {
        name: lang.pick("Ist kumuliert", "Actual, cumulative").to_owned(),
        mark: Mark::Line(Dash::Solid),
        values: r.months.iter().map(|m| m.actual_to_date).collect(),
    }];
    if r.months.iter().any(|m| m.path_linear.is_some()) {
        series.push(Series {
            name: lang.pick("Soll-Pfad", "Target path").to_owned(),
            mark: Mark::Line(Dash::Dashed),
            values: r.months.iter().map(|m| m.path_linear).collect(),
        });
    }
    (title, series)
}

/// A stock's or a rate's title and lines: the month's figure and the level to date.
fn level_series(
    indicator: &Indicator,
    r: &TargetResult,
    name: &str,
    year: Year,
    lang: Lang,
) -> (String, Vec<Series>) {
    let (monthly, running) = match indicator.aggregation {
        Aggregation::Stock => (
            lang.pick("Monatswert", "Month's figure"),
            lang.pick("Durchschnitt bis dahin", "Average to date"),
        ),
        Aggregation::Quota(Denominator::Average) => (
            lang.pick(
                "Quote im Monat, aufs Jahr gerechnet",
                "Month's rate, at the year's pace",
            ),
            lang.pick(
                "Quote bis dahin, aufs Jahr gerechnet",
                "Rate to date, at the year's pace",
            ),
        ),
        _ => (
            lang.pick("Quote im Monat", "Month's rate"),
            lang.pick("Quote bis dahin", "Rate to date"),
        ),
    };
    let title = match r.bound {
        Some(Bound::AtMost) => tr!(
            lang,
            "{name}: Monatswerte, Durchschnitt und Obergrenze {year}",
            "{name}: monthly figures, average and cap {year}"
        ),
        _ => tr!(
            lang,
            "{name}: Monatswerte und Stand bis dahin {year}",
            "{name}: monthly figures and level to date {year}"
        ),
    };
    let series = vec![
        Series {
            name: monthly.to_owned(),
            mark: Mark::Line(Dash::Solid),
            values: r.months.iter().map(|m| m.value).collect(),
        },
        Series {
            name: running.to_owned(),
            mark: Mark::Line(Dash::DashDot),
            values: r.months.iter().map(|m| m.actual_to_date).collect(),
        },
    ];
    (title, series)
}

/// The forecast by month, where there is one after the last actual month. It starts where the actual ends, so
/// that the dotted line continues the solid one.
fn forecast(r: &TargetResult) -> Option<Vec<Option<f64>>> {
    let latest = r.months.iter().rposition(|m| m.actual_to_date.is_some());
    let forecast: Vec<Option<f64>> = r
        .months
        .iter()
        .enumerate()
        .map(|(i, m)| match latest {
            Some(l) if i == l && l < 11 => m.actual_to_date,
            _ => m.forecast_to_date,
        })
        .collect();
    let has_forecast = forecast
        .iter()
        .enumerate()
        .any(|(i, v)| v.is_some() && latest.is_some_and(|l| i > l));
    has_forecast.then_some(forecast)
}

//! The course of a target's year: cumulative actual against the target path (flows), monthly level against
//! the cap and its running average (stocks), the rate by month, with the forecast.

use super::*;

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
        // Each year with its own agreement's target: the previous year's target is what that year's agreement
        // said for the same indicator and population (or none), never this year's.
        let previous = year.previous();
        let previous_target = match (previous, target.format.subject()) {
            (Some(p), Some(subject)) => target_of_year(workspace, catalogue, p, subject),
            _ => None,
        };
        let categories = vec![
            previous.map(|p| p.to_string()).unwrap_or_default(),
            year.to_string(),
        ];
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
            series,
            reference: None,
            lang,
        };
    }
    let (categories, category_names) = months(lang);
    let latest = r.months.iter().rposition(|m| m.actual_to_date.is_some());
    // The forecast starts where the actual ends, so that the dotted line continues the solid one.
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
    let accumulates = matches!(indicator.aggregation, Aggregation::Flow);
    let mut series = Vec::new();
    let title_text;
    if accumulates {
        title_text = tr!(
            lang,
            "{name}: kumuliertes Ist, Soll-Pfad und Prognose {year}",
            "{name}: cumulative actual, target path and forecast {year}"
        );
        series.push(Series {
            name: lang.pick("Ist kumuliert", "Actual, cumulative").to_owned(),
            mark: Mark::Line(Dash::Solid),
            values: r.months.iter().map(|m| m.actual_to_date).collect(),
        });
        if r.months.iter().any(|m| m.path_linear.is_some()) {
            series.push(Series {
                name: lang.pick("Soll-Pfad", "Target path").to_owned(),
                mark: Mark::Line(Dash::Dashed),
                values: r.months.iter().map(|m| m.path_linear).collect(),
            });
        }
    } else {
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
        title_text = match r.bound {
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
        series.push(Series {
            name: monthly.to_owned(),
            mark: Mark::Line(Dash::Solid),
            values: r.months.iter().map(|m| m.value).collect(),
        });
        series.push(Series {
            name: running.to_owned(),
            mark: Mark::Line(Dash::DashDot),
            values: r.months.iter().map(|m| m.actual_to_date).collect(),
        });
    }
    if has_forecast {
        series.push(Series {
            name: lang.pick("Prognose", "Forecast").to_owned(),
            mark: Mark::Line(Dash::Dotted),
            values: forecast,
        });
    }
    ChartSpec {
        id: format!("ziel-{}-verlauf", target.id.0),
        title: title_text,
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

//! Charts (PRODUCT S6) as pure functions: from the engine's results to a chart description ([`ChartSpec`]), to an
//! SVG string ([`svg::render`], drawn with plotters) and to the equivalent data table ([`table`]). No browser:
//! everything here is tested natively. The UI and the report only place the strings.
//!
//! Every series is told apart without colour: the actual is a solid line with markers, the target path dashed,
//! the forecast dotted, running averages dash-dotted, the previous year dashed in grey, the target a thick
//! dashed line; bars are filled (actual) or outlined (target).

pub mod svg;

use crate::domain::agreement::{Agreement, Bound, Target, TargetFormat};
use crate::domain::attainment::{AgreementResult, TargetResult, target_of_year, year_figures};
use crate::domain::indicator::{Aggregation, Denominator, Indicator, Unit};
use crate::domain::names::title;
use crate::domain::names::{format_value_at, precision};
use crate::domain::values::Population;
use crate::domain::workspace::{Catalogue, Workspace};
use crate::locale::{Lang, month_abbr, month_name, month_year};
use crate::tr;

/// How a line is drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Dash {
    /// The actual: solid with a marker on every point.
    Solid,
    /// The target path.
    Dashed,
    /// The forecast.
    Dotted,
    /// A running average or year-to-date level.
    DashDot,
    /// The previous year: dashed, grey.
    Previous,
}

/// How a series is drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mark {
    Line(Dash),
    /// Bars filled dark (actual).
    FilledBars,
    /// Bars drawn as outlines (target).
    OutlinedBars,
}

/// One series: a name for legend and table, how it is drawn, and a value per category (`None`: no point).
#[derive(Clone, Debug, PartialEq)]
pub struct Series {
    pub name: String,
    pub mark: Mark,
    pub values: Vec<Option<f64>>,
}

/// A horizontal line at the target (or cap) with its name.
#[derive(Clone, Debug, PartialEq)]
pub struct Reference {
    pub name: String,
    pub value: f64,
}

/// Everything a chart shows, before it is drawn or tabulated.
#[derive(Clone, Debug, PartialEq)]
pub struct ChartSpec {
    /// Stable part of element ids ("ziel-3-verlauf").
    pub id: String,
    pub title: String,
    /// The x-axis categories as the axis writes them ("Jan", "Frauen", "2021").
    pub categories: Vec<String>,
    /// The same categories as the table writes them ("Januar").
    pub category_names: Vec<String>,
    /// Header of the category column ("Monat").
    pub category_header: String,
    pub unit: Unit,
    /// Decimal places of a derived limit and the figures beside it (see [`precision`]); `None`: as usual.
    pub decimals: Option<usize>,
    pub series: Vec<Series>,
    pub reference: Option<Reference>,
    pub lang: Lang,
}

impl ChartSpec {
    /// The text alternative: the title, then each series' latest value and the target.
    pub fn description(&self) -> String {
        let mut parts = vec![self.title.clone()];
        for s in &self.series {
            let last = s
                .values
                .iter()
                .enumerate()
                .rev()
                .find_map(|(i, v)| v.map(|v| (i, v)));
            if let Some((i, v)) = last {
                let at = self.category_names.get(i).cloned().unwrap_or_default();
                let value = format_value_at(self.unit, v, self.decimals, self.lang);
                parts.push(format!("{}: {value} ({at})", s.name));
            }
        }
        if let Some(r) = &self.reference {
            parts.push(format!(
                "{}: {}",
                r.name,
                format_value_at(self.unit, r.value, self.decimals, self.lang)
            ));
        }
        let mut text = parts.join(". ");
        text.push('.');
        text
    }

    /// Whether there is anything to draw.
    pub fn has_data(&self) -> bool {
        self.series
            .iter()
            .any(|s| s.values.iter().any(Option::is_some))
    }
}

/// The data table equivalent to a chart: the categories down, the series (and the target) across.
#[derive(Clone, Debug, PartialEq)]
pub struct Table {
    pub caption: String,
    pub headers: Vec<String>,
    /// First cell: the category; then one formatted cell per series ("–" where there is no value).
    pub rows: Vec<Vec<String>>,
}

/// The table of a chart, formatted in the chart's language.
pub fn table(spec: &ChartSpec) -> Table {
    let lang = spec.lang;
    let mut headers = vec![spec.category_header.clone()];
    headers.extend(spec.series.iter().map(|s| s.name.clone()));
    if let Some(r) = &spec.reference {
        headers.push(r.name.clone());
    }
    let cell = |v: Option<f64>| {
        v.map_or("–".to_owned(), |v| {
            format_value_at(spec.unit, v, spec.decimals, lang)
        })
    };
    let rows = spec
        .category_names
        .iter()
        .enumerate()
        .map(|(i, name)| {
            let mut row = vec![name.clone()];
            row.extend(
                spec.series
                    .iter()
                    .map(|s| cell(s.values.get(i).copied().flatten())),
            );
            if let Some(r) = &spec.reference {
                row.push(cell(Some(r.value)));
            }
            row
        })
        .collect();
    Table {
        caption: tr!(
            lang,
            "Daten zum Diagramm: {}",
            "Data of the chart: {}",
            spec.title
        ),
        headers,
        rows,
    }
}

fn months(lang: Lang) -> (Vec<String>, Vec<String>) {
    crate::core::calendar::Month::all()
        .map(|m| {
            (
                month_abbr(m, lang).to_owned(),
                month_name(m, lang).to_owned(),
            )
        })
        .unzip()
}

/// The name of the target line: "Ziel", or "Obergrenze" for a cap.
fn reference_name(bound: Option<Bound>, lang: Lang) -> String {
    match bound {
        Some(Bound::AtMost) => lang.pick("Obergrenze", "Cap"),
        _ => lang.pick("Ziel", "Target"),
    }
    .to_owned()
}

/// The charts of one target, in the order the detail and the report show them: its course over the year (or
/// the year against the previous one where only annual figures exist), women and men side by side, and this
/// year against the previous year month by month. Charts without any data are left out.
pub fn target_charts(
    workspace: &Workspace,
    agreement: &Agreement,
    result: &AgreementResult,
    target: &Target,
    lang: Lang,
) -> Vec<ChartSpec> {
    let catalogue = workspace.catalogue();
    let Some(subject) = target.format.subject() else {
        return Vec::new();
    };
    let Some(indicator) = catalogue.get(subject.indicator.as_str()) else {
        return Vec::new();
    };
    let Some(r) = result.result(target.id) else {
        return Vec::new();
    };
    let name = title(target, Some(indicator), lang);
    let mut charts = Vec::new();
    charts.push(course(
        workspace, &catalogue, target, indicator, r, &name, agreement, lang,
    ));
    if subject.population == Population::Total && indicator.is_additive() {
        charts.push(gender(
            workspace, &catalogue, agreement, result, target, indicator, r, &name, lang,
        ));
    }
    charts.push(previous_year(
        workspace, &catalogue, target, indicator, &name, agreement, lang,
    ));
    charts.retain(ChartSpec::has_data);
    charts
}

/// The course of the year: the month table of the engine as lines (flows cumulative; stocks and quotas month by
/// month with their running level), or, where only annual figures exist, the year against the previous one.
#[allow(clippy::too_many_arguments)]
fn course(
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

/// Women and men side by side, on the same footing as the total's verdict: for a complete year each one's full
/// year (annual value, else the twelve months) against their targets; during the year each one's months up to
/// the total's latest month against their targets pro rata for those months (an annual value of a part does not
/// stand beside a total to date). Actual as filled bars, target as outlined bars.
#[allow(clippy::too_many_arguments)]
fn gender(
    workspace: &Workspace,
    catalogue: &Catalogue,
    agreement: &Agreement,
    result: &AgreementResult,
    target: &Target,
    indicator: &Indicator,
    r: &TargetResult,
    name: &str,
    lang: Lang,
) -> ChartSpec {
    let year = agreement.year;
    let populations = [Population::Women, Population::Men];
    if !r.is_final && r.through.is_none() {
        // Nothing of the total yet: nothing to put the parts beside.
        return empty(target, lang);
    }
    let through = (!r.is_final).then_some(r.through).flatten();
    let part_result = |p: Population| {
        agreement
            .sibling(target, p)
            .and_then(|t| result.result(t.id))
    };
    let actual = |p: Population| {
        let f = year_figures(workspace, catalogue, indicator, p, year);
        match through {
            None => f.full_year,
            Some(m) => f.to_date[m.index()],
        }
    };
    let target_for = |p: Population| {
        let pr = part_result(p)?;
        match through {
            None => pr.target_value,
            Some(m) => pr
                .months
                .get(m.index())
                .and_then(|row| row.path_seasonal.or(row.path_linear)),
        }
    };
    let actuals: Vec<Option<f64>> = populations.iter().map(|&p| actual(p)).collect();
    if actuals.iter().all(Option::is_none) {
        // Targets alone say nothing about women and men.
        return empty(target, lang);
    }
    let targets: Vec<Option<f64>> = populations.iter().map(|&p| target_for(p)).collect();
    let mut series = vec![Series {
        name: lang.pick("Ist", "Actual").to_owned(),
        mark: Mark::FilledBars,
        values: actuals,
    }];
    if targets.iter().any(Option::is_some) {
        series.push(Series {
            name: match through {
                None => lang.pick("Ziel", "Target"),
                Some(_) => lang.pick("Ziel (anteilig bis dahin)", "Target (pro rata to date)"),
            }
            .to_owned(),
            mark: Mark::OutlinedBars,
            values: targets,
        });
    }
    let categories: Vec<String> = populations
        .iter()
        .map(|p| p.label(lang).to_owned())
        .collect();
    let title = match through {
        None => tr!(
            lang,
            "{name}: Frauen und Männer {year}",
            "{name}: women and men {year}"
        ),
        Some(m) => {
            let to = month_year(m, year, lang);
            tr!(
                lang,
                "{name}: Frauen und Männer bis {to}",
                "{name}: women and men up to {to}"
            )
        }
    };
    ChartSpec {
        id: format!("ziel-{}-geschlecht", target.id.0),
        title,
        category_names: categories.clone(),
        categories,
        category_header: lang.pick("Personengruppe", "Population").to_owned(),
        unit: indicator.unit,
        decimals: None,
        series,
        reference: None,
        lang,
    }
}

/// This year against the previous year month by month (flows cumulative, otherwise the month's figure).
fn previous_year(
    workspace: &Workspace,
    catalogue: &Catalogue,
    target: &Target,
    indicator: &Indicator,
    name: &str,
    agreement: &Agreement,
    lang: Lang,
) -> ChartSpec {
    let year = agreement.year;
    let Some(subject) = target.format.subject() else {
        return empty(target, lang);
    };
    let Some(previous) = year.previous() else {
        return empty(target, lang);
    };
    let accumulates = matches!(indicator.aggregation, Aggregation::Flow);
    let pick = |y| {
        let f = year_figures(workspace, catalogue, indicator, subject.population, y);
        if accumulates { f.to_date } else { f.months }.to_vec()
    };
    let now = pick(year);
    let before = pick(previous);
    let (categories, category_names) = months(lang);
    let has_both = now.iter().any(Option::is_some) && before.iter().any(Option::is_some);
    ChartSpec {
        id: format!("ziel-{}-vorjahr", target.id.0),
        title: match (lang, accumulates) {
            (Lang::De, true) => format!("{name}: {year} und {previous} kumuliert"),
            (Lang::De, false) => format!("{name}: {year} und {previous} nach Monaten"),
            (Lang::En, true) => format!("{name}: {year} and {previous}, cumulative"),
            (Lang::En, false) => format!("{name}: {year} and {previous} by month"),
        },
        categories,
        category_names,
        category_header: lang.pick("Monat", "Month").to_owned(),
        unit: indicator.unit,
        decimals: None,
        series: if has_both {
            vec![
                Series {
                    name: year.to_string(),
                    mark: Mark::Line(Dash::Solid),
                    values: now,
                },
                Series {
                    name: previous.to_string(),
                    mark: Mark::Line(Dash::Previous),
                    values: before,
                },
            ]
        } else {
            Vec::new()
        },
        reference: None,
        lang,
    }
}

fn empty(target: &Target, lang: Lang) -> ChartSpec {
    ChartSpec {
        id: format!("ziel-{}-leer", target.id.0),
        title: String::new(),
        categories: Vec::new(),
        category_names: Vec::new(),
        category_header: String::new(),
        unit: Unit::Count,
        decimals: None,
        series: Vec::new(),
        reference: None,
        lang,
    }
}

#[cfg(test)]
mod tests;

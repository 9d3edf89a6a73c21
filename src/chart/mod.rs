//! Charts (PRODUCT S6) as pure functions: from the engine's results to a chart description ([`ChartSpec`]), to an
//! SVG string ([`svg::render`], drawn with plotters) and to the equivalent data table ([`table`]). No browser:
//! everything here is tested natively. The UI and the report only place the strings.
//!
//! Every series is told apart without colour: the actual is a solid line with markers, the target path dashed,
//! the forecast dotted, running averages dash-dotted, the previous year dashed in grey, the target a thick
//! dashed line; bars are filled (actual) or outlined (target).

mod compare;
pub mod comparison;
mod course;
pub mod svg;

use compare::{gender, previous_year};
use course::course;

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
    /// The `k`-th of several job centres: its own marker shape and dash (`svg::members::style`).
    Member(u8),
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

/// The caption of a chart's data table: "Daten zum Diagramm: …".
pub fn caption(title: &str, lang: Lang) -> String {
    tr!(
        lang,
        "Daten zum Diagramm: {title}",
        "Data of the chart: {title}"
    )
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
        caption: caption(&spec.title, lang),
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

//! The comparison's charts (PRODUCT S10): Ist/Soll per job centre as horizontal bars with the 100 % line, grouped
//! by comparison type ([`Ranking`]); and the course of the year of the members of one type for one figure, Ist/Soll
//! through each month (a [`ChartSpec`] with one [`Mark::Member`] line per job centre).
//!
//! Ist/Soll and not the figures themselves: job centres of one type still differ in size, and only the ratio to
//! each one's own target sets them side by side.

use super::{ChartSpec, Mark, Reference, Series, Table, months};
use crate::domain::indicator::Unit;
use crate::locale::{Lang, format_percent};
use crate::tr;

/// One job centre's bar: its name and its Ist/Soll in percent (`None`: no figure, said in words).
#[derive(Clone, Debug, PartialEq)]
pub struct Bar {
    pub name: String,
    pub ratio: Option<f64>,
}

/// The bars of one comparison type under its heading ("Vergleichstyp IIb").
#[derive(Clone, Debug, PartialEq)]
pub struct BarGroup {
    pub heading: String,
    pub bars: Vec<Bar>,
}

/// Ist/Soll per job centre, grouped by type.
#[derive(Clone, Debug, PartialEq)]
pub struct Ranking {
    /// Stable part of element ids ("vergleich-ist-soll").
    pub id: String,
    pub title: String,
    pub groups: Vec<BarGroup>,
    pub lang: Lang,
}

/// The percentage as the chart writes it: "104,1 %".
pub fn percent(value: f64, lang: Lang) -> String {
    format_percent(value, 1, lang)
}

/// The words for a job centre without the figure.
pub fn no_figure(lang: Lang) -> &'static str {
    lang.pick("kein Wert", "no figure")
}

impl Ranking {
    /// The text alternative: the title, then per type each job centre with its Ist/Soll, then the 100 % line.
    pub fn description(&self) -> String {
        let lang = self.lang;
        let mut parts = vec![self.title.clone()];
        for g in &self.groups {
            let bars: Vec<String> = g
                .bars
                .iter()
                .map(|b| {
                    let value = b
                        .ratio
                        .map_or_else(|| no_figure(lang).to_owned(), |r| percent(r, lang));
                    format!("{} {value}", b.name)
                })
                .collect();
            parts.push(format!("{}: {}", g.heading, bars.join(", ")));
        }
        parts.push(tr!(
            lang,
            "Ziel erreicht bei {}",
            "Target met at {}",
            percent(100.0, lang)
        ));
        let mut text = parts.join(". ");
        text.push('.');
        text
    }

    /// The equivalent data table: job centre, type, Ist/Soll.
    pub fn table(&self) -> Table {
        let lang = self.lang;
        let rows = self
            .groups
            .iter()
            .flat_map(|g| {
                g.bars.iter().map(move |b| {
                    vec![
                        b.name.clone(),
                        g.heading.clone(),
                        b.ratio
                            .map_or_else(|| no_figure(lang).to_owned(), |r| percent(r, lang)),
                    ]
                })
            })
            .collect();
        Table {
            caption: super::caption(&self.title, lang),
            headers: vec![
                lang.pick("Jobcenter", "Job centre").to_owned(),
                lang.pick("Vergleichstyp", "Comparison type").to_owned(),
                lang.pick("Ist/Soll", "Actual/target").to_owned(),
            ],
            rows,
        }
    }

    /// Whether any bar has a figure.
    pub fn has_data(&self) -> bool {
        self.groups
            .iter()
            .flat_map(|g| &g.bars)
            .any(|b| b.ratio.is_some())
    }
}

/// The course of the year: Ist/Soll through each month of each job centre in `members` (its name and twelve
/// months), with the 100 % line.
pub fn year_course(
    id: &str,
    title: String,
    members: Vec<(String, [Option<f64>; 12])>,
    lang: Lang,
) -> ChartSpec {
    let (categories, category_names) = months(lang);
    let series = members
        .into_iter()
        .enumerate()
        .map(|(k, (name, values))| Series {
            name,
            mark: Mark::Member(u8::try_from(k % 240).unwrap_or(0)),
            values: values.to_vec(),
        })
        .collect();
    ChartSpec {
        id: id.to_owned(),
        title,
        categories,
        category_names,
        category_header: lang.pick("Monat", "Month").to_owned(),
        unit: Unit::Percent,
        decimals: Some(1),
        series,
        reference: Some(Reference {
            name: lang.pick("Ziel", "Target").to_owned(),
            value: 100.0,
        }),
        lang,
    }
}

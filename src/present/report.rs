//! The printable report for the "Zielsteuerungsdialog" and the charts of the target detail: the
//! overview's rows with, per target, its charts drawn to SVG and their data tables. Pure; the UI places it.

use crate::chart::{self, Table};
use crate::core::calendar::Year;
use crate::domain::agreement::{Agreement, Target, TargetId};
use crate::domain::attainment::{AgreementResult, evaluate};
use crate::domain::workspace::Workspace;
use crate::locale::Lang;
use crate::present::overview::{Model, Row, model_of};
use crate::tr;

/// One chart ready to place: its SVG (with its text alternative) and its table.
#[derive(Clone, Debug, PartialEq)]
pub struct Figure {
    pub id: String,
    pub title: String,
    /// `None` only if drawing failed; the table still holds the data.
    pub svg: Option<String>,
    pub table: Table,
}

/// One target of the report: its overview row (figures, status, sentence) and its charts.
#[derive(Clone, Debug, PartialEq)]
pub struct Section {
    pub row: Row,
    pub figures: Vec<Figure>,
}

/// The report of one agreement.
#[derive(Clone, Debug, PartialEq)]
pub struct Report {
    /// "Bericht zur Zielvereinbarung 2022".
    pub title: String,
    pub organisation: String,
    pub overview: Model,
    pub sections: Vec<Section>,
}

/// The charts of the target `id`, from the engine's `result` for the agreement that holds it.
pub fn target_figures(
    workspace: &Workspace,
    agreement: &Agreement,
    result: &AgreementResult,
    target: &Target,
    lang: Lang,
) -> Vec<Figure> {
    chart::target_charts(workspace, agreement, result, target, lang)
        .iter()
        .map(figure)
        .collect()
}

/// A chart as placed on screen and in print: its SVG and its data table.
pub fn figure(spec: &chart::ChartSpec) -> Figure {
    Figure {
        id: spec.id.clone(),
        title: spec.title.clone(),
        svg: chart::svg::render(spec),
        table: chart::table(spec),
    }
}

/// The report of the agreement of `year`, or `None` when there is none. The engine runs once for the
/// overview and all charts.
pub fn report(workspace: &Workspace, year: Year, lang: Lang) -> Option<Report> {
    let agreement = workspace.agreement_for(year)?;
    Some(report_of(
        workspace,
        agreement,
        &evaluate(workspace, agreement),
        lang,
    ))
}

/// The report of `agreement` from the engine's `result` for it.
pub fn report_of(
    workspace: &Workspace,
    agreement: &Agreement,
    result: &AgreementResult,
    lang: Lang,
) -> Report {
    let year = agreement.year;
    let overview = model_of(workspace, agreement, result, lang);
    let sections = overview
        .rows
        .iter()
        .map(|row| Section {
            row: row.clone(),
            figures: agreement
                .target(TargetId(row.target_id))
                .map(|t| target_figures(workspace, agreement, result, t, lang))
                .unwrap_or_default(),
        })
        .collect();
    Report {
        title: tr!(
            lang,
            "Bericht zur Zielvereinbarung {year}",
            "Report on the target agreement {year}"
        ),
        organisation: workspace.organisation.clone(),
        overview,
        sections,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::example::odenwaldkreis;

    #[test]
    fn report_of_the_seed_2021() {
        let ws = odenwaldkreis();
        let r = report(&ws, Year::new(2021).unwrap(), Lang::De).unwrap();
        assert_eq!(r.title, "Bericht zur Zielvereinbarung 2021");
        assert_eq!(r.overview.summary, "1 erreicht · 1 nicht erreicht");
        assert_eq!(r.sections.len(), 2);
        let first = &r.sections[0];
        assert_eq!(
            first.row.sentence,
            "Die Summe der Integrationen lag 2021 mit 718 über dem vereinbarten Zielwert von 690."
        );
        assert_eq!(first.figures.len(), 1);
        assert!(
            first.figures[0]
                .svg
                .as_deref()
                .is_some_and(|s| s.contains("role=\"img\""))
        );
        assert_eq!(first.figures[0].table.rows[1], ["2021", "718", "690"]);
        assert!(report(&ws, Year::new(2030).unwrap(), Lang::De).is_none());
    }

    #[test]
    fn figures_of_one_target_in_english() {
        let ws = odenwaldkreis();
        let (agreement, target) = ws.target(TargetId(2)).unwrap();
        let f = target_figures(&ws, agreement, &evaluate(&ws, agreement), target, Lang::En);
        assert_eq!(f.len(), 1);
        assert_eq!(
            f[0].title,
            "Long-term benefit recipients (stock) – Total: annual figure 2021 and previous year"
        );
        assert_eq!(f[0].table.headers, ["Year", "Actual", "Cap"]);
        assert_eq!(f[0].table.rows[1], ["2021", "2,035", "2,030"]);
    }
}

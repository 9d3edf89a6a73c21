//! The detail of one target: its month table (value, actual to date, target path, forecast), the history of
//! replaced values, and what the overview says of it.

use crate::core::calendar::Year;
use crate::domain::agreement::TargetId;
use crate::domain::attainment::{AgreementResult, PathMethod, evaluate};
use crate::domain::indicator::Unit;
use crate::domain::names::format_value;
use crate::domain::names::{amount_text, dated};
use crate::domain::values::ValueKey;
use crate::domain::workspace::Workspace;
use crate::locale::{Lang, month_name};
use crate::present::overview::{Row, rows};
use crate::present::report::{Figure, target_figures};
use crate::present::status;

/// One month of the table, formatted.
#[derive(Clone, Debug, PartialEq)]
pub struct MonthLine {
    pub month: String,
    pub value: String,
    pub actual_to_date: String,
    pub path_linear: String,
    pub path_seasonal: String,
    pub forecast: String,
}

/// A replaced value.
#[derive(Clone, Debug, PartialEq)]
pub struct HistoryLine {
    /// "März" or "Jahreswert".
    pub period: String,
    /// "61 (Datenstand 30.04.2022)".
    pub replaced: String,
    /// "64 (Datenstand 31.07.2022)".
    pub current: String,
    pub comment: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Detail {
    pub year: Year,
    pub target_id: TargetId,
    pub row: Row,
    /// Why the status is what it is, with the numbers (see [`crate::present::status::rule`]).
    pub status_rule: String,
    /// The pace so far and still needed, with the months left; empty when there is none.
    pub pace: String,
    pub notes: String,
    /// "saisonal (Vorjahresverlauf)" when the seasonal path exists.
    pub seasonal: bool,
    pub months: Vec<MonthLine>,
    pub missing: String,
    pub history: Vec<HistoryLine>,
    /// The target's charts with their tables.
    pub figures: Vec<Figure>,
}

/// Finds the target with `id` in any agreement and describes it (the engine runs once for all of it).
pub fn detail(workspace: &Workspace, id: TargetId, lang: Lang) -> Option<Detail> {
    let (agreement, _) = workspace.target(id)?;
    detail_of(workspace, &evaluate(workspace, agreement), id, lang)
}

/// The detail of the target `id` from the engine's `result` for its agreement.
pub fn detail_of(
    workspace: &Workspace,
    result: &AgreementResult,
    id: TargetId,
    lang: Lang,
) -> Option<Detail> {
    let (agreement, target) = workspace.target(id)?;
    let target_result = result.result(id)?;
    let catalogue = workspace.catalogue();
    let row = rows(agreement, result, &catalogue, lang)
        .into_iter()
        .find(|r| r.target_id == id.0)?;
    let subject = target.format.subject();
    let indicator = subject.and_then(|s| catalogue.get(s.indicator.as_str()));
    let unit = indicator.map_or(Unit::Count, |i| i.unit);
    let tolerance = workspace.settings.tolerance_percent;
    let show = |v: Option<f64>| v.map_or_else(String::new, |v| format_value(unit, v, lang));
    let months = target_result
        .months
        .iter()
        .map(|m| MonthLine {
            month: month_name(m.month, lang).to_owned(),
            value: show(m.value),
            actual_to_date: show(m.actual_to_date),
            path_linear: show(m.path_linear),
            path_seasonal: show(m.path_seasonal),
            forecast: show(m.forecast_to_date),
        })
        .collect();
    let missing = target_result
        .missing_months
        .iter()
        .map(|m| month_name(*m, lang))
        .collect::<Vec<_>>()
        .join(", ");
    let mut history = Vec::new();
    if let Some(subject) = subject {
        let periods = crate::core::calendar::Month::all().map(Some).chain([None]);
        for period in periods {
            let key = ValueKey {
                indicator: subject.indicator.clone(),
                population: subject.population,
                year: agreement.year,
                month: period,
            };
            let Some(value) = workspace.values.get(&key) else {
                continue;
            };
            let label = period.map_or_else(
                || lang.pick("Jahreswert", "Annual figure").to_owned(),
                |m| month_name(m, lang).to_owned(),
            );
            for old in value.history.iter().rev() {
                history.push(HistoryLine {
                    period: label.clone(),
                    replaced: dated(amount_text(unit, old.amount, lang), old.as_of, lang),
                    current: dated(
                        amount_text(unit, value.current.amount, lang),
                        value.current.as_of,
                        lang,
                    ),
                    comment: old.comment.clone(),
                });
            }
        }
    }
    Some(Detail {
        year: agreement.year,
        target_id: id,
        row,
        status_rule: status::rule(target_result, unit, tolerance, lang),
        pace: indicator.map_or_else(String::new, |i| status::pace(target_result, i, lang)),
        notes: target.notes.clone(),
        seasonal: target_result.path_method == PathMethod::Seasonal,
        months,
        missing,
        history,
        figures: target_figures(workspace, agreement, result, target, lang),
    })
}

/// Sets the notes of a target; `false` if there is no such target.
pub fn set_notes(workspace: &mut Workspace, id: TargetId, notes: &str) -> bool {
    match workspace.target_mut(id) {
        Some(target) => {
            target.notes = notes.to_owned();
            true
        }
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::calendar::{Date, Month};
    use crate::domain::example::odenwaldkreis;
    use crate::domain::indicator::IndicatorCode;
    use crate::domain::values::{Amount, Population};

    #[test]
    fn month_table_and_history_of_integrations_2022() {
        let mut ws = odenwaldkreis();
        let y = Year::new(2022).unwrap();
        for (m, v) in [(1, 60.0), (2, 55.0), (3, 61.0)] {
            let key = ValueKey {
                indicator: IndicatorCode::new("INT"),
                population: Population::Total,
                year: y,
                month: Month::new(m),
            };
            ws.values
                .record(key, Amount::Number(v), Date::new(2022, 4, 30), "");
        }
        let march = ValueKey {
            indicator: IndicatorCode::new("INT"),
            population: Population::Total,
            year: y,
            month: Month::new(3),
        };
        ws.values.record(
            march,
            Amount::Number(64.0),
            Date::new(2022, 7, 31),
            "revidiert",
        );
        let d = detail(&ws, TargetId(3), Lang::De).unwrap();
        assert_eq!(d.row.actual, "179 (bis März)");
        assert_eq!(d.months[2].value, "64");
        assert_eq!(d.months[2].actual_to_date, "179");
        // 770 × 3/12 = 192,5 → "193" (rounded for display).
        assert_eq!(d.months[2].path_linear, "193");
        assert_eq!(d.months[2].path_seasonal, "");
        assert_eq!(d.months[3].forecast, "239");
        assert_eq!(d.months[11].forecast, "716");
        assert_eq!(
            d.history,
            vec![HistoryLine {
                period: "März".into(),
                replaced: "61 (Datenstand 30.04.2022)".into(),
                current: "64 (Datenstand 31.07.2022)".into(),
                comment: String::new(),
            }]
        );
        assert!(set_notes(&mut ws, TargetId(3), "Gespräch im Juni"));
        assert_eq!(
            detail(&ws, TargetId(3), Lang::De).unwrap().notes,
            "Gespräch im Juni"
        );
        assert!(detail(&ws, TargetId(99), Lang::De).is_none());
    }

    /// A revised annual value is named in the UI's language (it said "Jahreswert" in English too), and the
    /// detail carries the target's charts from the same run of the engine.
    #[test]
    fn a_revised_annual_value_in_english() {
        let mut ws = odenwaldkreis();
        let key = ValueKey {
            indicator: IndicatorCode::new("INT"),
            population: Population::Total,
            year: Year::new(2021).unwrap(),
            month: None,
        };
        ws.values.record(
            key,
            Amount::Number(720.0),
            Date::new(2022, 3, 31),
            "revised",
        );
        let d = detail(&ws, TargetId(1), Lang::En).unwrap();
        assert_eq!(
            d.history,
            vec![HistoryLine {
                period: "Annual figure".into(),
                replaced: "718 (no as-of date)".into(),
                current: "720 (as of 31/03/2022)".into(),
                comment: "Pressemitteilung des Odenwaldkreises zur Zielvereinbarung 2022".into(),
            }]
        );
        assert_eq!(
            detail(&ws, TargetId(1), Lang::De).unwrap().history[0].period,
            "Jahreswert"
        );
        assert_eq!(d.figures.len(), 1);
        assert_eq!(d.figures[0].table.rows[1], ["2021", "720", "690"]);
    }
}

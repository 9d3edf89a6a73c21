//! What the engine reads of one subject in one year.

use super::*;

/// One subject's figures in one year, month by month, as charts and tables show them beside the engine's
/// verdict (e.g. the previous year's course).
#[derive(Clone, Debug, PartialEq)]
pub struct YearFigures {
    /// Each month's own figure (for quotas that month's quota).
    pub months: [Option<f64>; 12],
    /// The year-to-date figure through each month, up to the latest month with data.
    pub to_date: [Option<f64>; 12],
    /// The full year's figure: the annual value, else all twelve months; `None` while incomplete.
    pub full_year: Option<f64>,
}

/// The figures of `indicator` for `population` in `year` by the indicator's aggregation.
pub fn year_figures(
    workspace: &Workspace,
    catalogue: &Catalogue,
    indicator: &Indicator,
    population: Population,
    year: Year,
) -> YearFigures {
    let data = YearData::read(workspace, catalogue, indicator, population, year);
    let present = data.calc.present();
    let latest = (0..12).rev().find(|i| present & (1 << i) != 0);
    let months = std::array::from_fn(|i| data.calc.month(i));
    let to_date = std::array::from_fn(|i| match latest {
        Some(l) if i <= l => data.calc.over(series::through(i as u8 + 1)),
        _ => None,
    });
    YearFigures {
        months,
        to_date,
        full_year: data.full_year(),
    }
}

/// What the engine reads of one subject in one year: the monthly numbers, the annual value, the latest
/// "Datenstand". One look-up in the value store per year.
pub(super) struct YearData {
    pub(super) calc: Calc,
    pub(super) annual: Option<Amount>,
    pub(super) latest_as_of: Option<Date>,
}

impl YearData {
    pub(super) fn read(
        workspace: &Workspace,
        catalogue: &Catalogue,
        indicator: &Indicator,
        population: Population,
        year: Year,
    ) -> YearData {
        match &indicator.aggregation {
            Aggregation::ChangeVsPreviousYear { base } => {
                let Some(base_ind) = catalogue.get(base.as_str()).filter(|b| b.takes_values())
                else {
                    return YearData {
                        calc: Calc::Stock([None; 12]),
                        annual: None,
                        latest_as_of: None,
                    };
                };
                let series = workspace.values.series(base, population, year);
                let current = Calc::from_series(&base_ind.aggregation, &series);
                let previous = match year.previous() {
                    Some(prev) => Calc::from_series(
                        &base_ind.aggregation,
                        &workspace.values.series(base, population, prev),
                    ),
                    None => Calc::Stock([None; 12]),
                };
                YearData {
                    calc: Calc::change(current, previous),
                    annual: None,
                    latest_as_of: series.latest_as_of,
                }
            }
            aggregation => {
                let series = workspace.values.series(&indicator.code, population, year);
                YearData {
                    calc: Calc::from_series(aggregation, &series),
                    annual: series.annual,
                    latest_as_of: series.latest_as_of,
                }
            }
        }
    }

    /// The year's full figure: the annual value, else the twelve months; `None` if incomplete.
    pub(super) fn full_year(&self) -> Option<f64> {
        match self.annual {
            Some(annual) => annual.as_figure().and_then(finite),
            None => (self.calc.present() == ALL)
                .then(|| self.calc.over(ALL))
                .flatten(),
        }
    }
}

//! The attainment engine (SPEC S4): for every target of an agreement, the actual to date by the indicator's rule,
//! the target path (linear, or seasonal from the previous year's pattern), the forecast to year end, the pace
//! still needed, deviations and the status. Pure and total: every number is finite or absent, never NaN.

use super::agreement::{
    Agreement, Bound, ChangeUnit, ManualStatus, Subject, Target, TargetFormat, TargetId,
};
use super::indicator::{Aggregation, Indicator, Unit};
use super::series::{self, ALL, Calc, finite};
use super::values::{Amount, Population};
use super::workspace::{Catalogue, Workspace};
use crate::core::calendar::{Date, Month, Year};

/// How a target stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Status {
    /// Complete year, target met.
    Achieved,
    /// Complete year, target missed.
    Missed,
    /// During the year: the forecast meets the target.
    OnTrack,
    /// During the year: the forecast misses the target by no more than the tolerance.
    AtRisk,
    /// During the year: the forecast misses the target by more than the tolerance.
    Critical,
    /// No values yet (or the previous year's value a target needs is missing).
    NoData,
    /// A monitored figure without a target.
    Monitoring,
    /// A qualitative goal not yet judged.
    Open,
}

/// How the target-to-date is spread over the year.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PathMethod {
    /// Evenly (sums) or the target itself every month (averages, quotas).
    Linear,
    /// Following the previous year's monthly pattern.
    Seasonal,
}

/// How the year-end figure was estimated.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ForecastMethod {
    /// The year is complete: the forecast is the actual.
    Final,
    /// Sums continue at their average monthly pace so far.
    LinearTrend,
    /// A stock stays at its latest monthly level.
    LatestLevel,
    /// A quota or change keeps its level so far.
    YearToDateLevel,
    /// The rest of the year follows the previous year's months, scaled by this year's ratio to them.
    Seasonal,
}

/// Where the actual comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ActualSource {
    /// An annual value ("Jahreswert") was entered; it wins for the final verdict.
    Annual,
    /// Monthly values: how many months.
    Months(u8),
    None,
}

/// The forecast to year end.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Forecast {
    pub value: f64,
    pub method: ForecastMethod,
}

/// One month of a target's course (the detail table and the charts).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct MonthRow {
    pub month: Month,
    /// The month's own figure (for quotas the month's quota).
    pub value: Option<f64>,
    /// Actual year-to-date through this month (only up to the latest month with data).
    pub actual_to_date: Option<f64>,
    /// Target-to-date on the linear path.
    pub path_linear: Option<f64>,
    /// Target-to-date on the seasonal path, when the previous year is complete.
    pub path_seasonal: Option<f64>,
    /// Forecast year-to-date for the months after the latest with data.
    pub forecast_to_date: Option<f64>,
}

/// One reading of an ambiguous stated change ("steigt um 1,8 auf 58 Prozent").
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Interpretation {
    pub unit: ChangeUnit,
    /// The baseline that this reading implies for the stated target.
    pub implied_baseline: Option<f64>,
    /// The target this reading gives from the previous year's actual, when that is known.
    pub target_from_previous_year: Option<f64>,
    /// Whether the agreement states this unit.
    pub stated: bool,
}

/// The change of the actual versus the same months of the previous year.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Change {
    pub previous: f64,
    pub absolute: f64,
    /// `None` when the previous figure is 0.
    pub percent: Option<f64>,
}

/// A consistency warning.
#[derive(Clone, Debug, PartialEq)]
pub enum Warning {
    /// Targets for women and men do not add up to the total.
    TargetPartsDontAddUp {
        subject_total: Subject,
        /// The total's target, then the women's and the men's.
        targets: [TargetId; 3],
        total: f64,
        women: f64,
        men: f64,
    },
    /// All twelve months are there and add up to another figure than the annual value (which counts).
    AnnualDiffersFromMonths {
        indicator: String,
        population: Population,
        annual: f64,
        months: f64,
    },
    /// Values for women and men do not add up to the total.
    ValuePartsDontAddUp {
        indicator: String,
        month: Option<Month>,
        total: f64,
        women: f64,
        men: f64,
    },
    /// A value outside the plausible range.
    Implausible {
        indicator: String,
        population: Population,
        month: Option<Month>,
        reason: Implausibility,
    },
    /// Baseline, change and target of a quota target do not fit together.
    InconsistentQuotaTarget {
        target: TargetId,
        baseline: f64,
        change: f64,
        unit: ChangeUnit,
        target_value: f64,
    },
    /// A target needs the previous year's actual, which is missing.
    PreviousYearMissing { target: TargetId },
    /// A target names an indicator that is not in the catalogue.
    UnknownIndicator { target: TargetId, code: String },
}

impl Warning {
    /// Whether the warning is about the target `id` (and so is shown at that target, not only in the list).
    pub fn concerns(&self, id: TargetId) -> bool {
        match self {
            Warning::TargetPartsDontAddUp { targets, .. } => targets.contains(&id),
            Warning::InconsistentQuotaTarget { target, .. }
            | Warning::PreviousYearMissing { target }
            | Warning::UnknownIndicator { target, .. } => *target == id,
            Warning::AnnualDiffersFromMonths { .. }
            | Warning::ValuePartsDontAddUp { .. }
            | Warning::Implausible { .. } => false,
        }
    }
}

/// Why a value looks wrong.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Implausibility {
    Negative(f64),
    /// Numerator above denominator in a share that cannot exceed 100 %.
    NumeratorAboveDenominator {
        numerator: f64,
        denominator: f64,
    },
    /// Numerator without a denominator.
    ZeroDenominator {
        numerator: f64,
    },
    /// A rate outside 0–100 %.
    RateOutOfRange(f64),
    /// Far from the other months (more than three times or less than a third of their median).
    Outlier {
        value: f64,
        median: f64,
    },
}

/// Monthly values beside an annual value: the annual value counts, the months add up to `figure`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct MonthsBeside {
    /// The months' figure by the indicator's rule (to date, or the year when complete).
    pub figure: f64,
    /// The latest month with a value.
    pub through: Month,
    /// All twelve months are there.
    pub complete: bool,
}

impl MonthsBeside {
    /// Whether the complete months disagree with the annual value beyond rounding (half a unit of the last
    /// place a figure of this kind is published with: 0,5 for counts, 0,05 for rates, 0,005 for euros).
    pub fn disagrees(&self, annual: f64, unit: Unit) -> bool {
        self.complete && (self.figure - annual).abs() > unit_rounding(unit)
    }
}

/// Half a unit of the last published place of a figure of `unit`.
pub fn unit_rounding(unit: Unit) -> f64 {
    match unit {
        Unit::Count | Unit::Persons => 0.5,
        Unit::Percent => 0.05,
        Unit::Euro => 0.005,
    }
}

/// The result for one target.
#[derive(Clone, Debug, PartialEq)]
pub struct TargetResult {
    pub target: TargetId,
    pub status: Status,
    /// Which side of the target counts; `None` for monitoring and qualitative goals.
    pub bound: Option<Bound>,
    /// The year's target value (for format 4 derived from the previous year).
    pub target_value: Option<f64>,
    /// Actual: the year's figure when final, else year-to-date.
    pub actual: Option<f64>,
    pub source: ActualSource,
    /// The verdict is final (annual value or all twelve months).
    pub is_final: bool,
    /// Latest month with a value.
    pub through: Option<Month>,
    /// The target for the months so far (equals the target value when final).
    pub target_to_date: Option<f64>,
    pub path_method: PathMethod,
    pub forecast: Option<Forecast>,
    /// Needed per remaining month (see [`Calc::pace`]).
    pub pace: Option<f64>,
    /// The same measure for the months so far (see [`Calc::pace_so_far`]).
    pub pace_so_far: Option<f64>,
    /// Months of the year after the latest with data (during the year).
    pub months_left: u8,
    /// Monthly values next to the annual value that counts.
    pub months_beside: Option<MonthsBeside>,
    /// Actual minus target-to-date.
    pub deviation: Option<f64>,
    /// Deviation in percent of the target-to-date.
    pub deviation_percent: Option<f64>,
    /// Actual / target-to-date in percent.
    pub ratio_percent: Option<f64>,
    /// Forecast minus target value (during the year).
    pub forecast_gap: Option<f64>,
    pub months: Vec<MonthRow>,
    /// Months before the latest with data that have none.
    pub missing_months: Vec<Month>,
    pub latest_as_of: Option<Date>,
    /// The previous year's full-year actual, when known.
    pub previous_year: Option<f64>,
    /// Versus the same months of the previous year.
    pub change_vs_previous: Option<Change>,
    /// For format 3: both readings of the stated change.
    pub interpretations: Vec<Interpretation>,
}

/// Counts per agreement.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    pub met: usize,
    pub missed: usize,
    pub open: usize,
    pub monitoring: usize,
}

/// The result for one agreement.
#[derive(Clone, Debug, PartialEq)]
pub struct AgreementResult {
    pub year: Year,
    pub targets: Vec<TargetResult>,
    pub counts: Counts,
    pub latest_as_of: Option<Date>,
    pub warnings: Vec<Warning>,
}

impl AgreementResult {
    pub fn result(&self, id: TargetId) -> Option<&TargetResult> {
        self.targets.iter().find(|r| r.target == id)
    }
}

/// Evaluates every target of `agreement` from the values of `workspace`.
pub fn evaluate(workspace: &Workspace, agreement: &Agreement) -> AgreementResult {
    let catalogue = workspace.catalogue();
    let mut warnings = Vec::new();
    let targets: Vec<TargetResult> = agreement
        .targets
        .iter()
        .map(|t| evaluate_target(workspace, &catalogue, agreement.year, t, &mut warnings))
        .collect();
    let mut counts = Counts::default();
    for r in &targets {
        match r.status {
            Status::Achieved => counts.met += 1,
            Status::Missed => counts.missed += 1,
            Status::Monitoring => counts.monitoring += 1,
            _ => counts.open += 1,
        }
    }
    let latest_as_of = targets.iter().filter_map(|r| r.latest_as_of).max();
    warnings.extend(target_part_warnings(agreement, &catalogue));
    warnings.extend(value_warnings(workspace, &catalogue, agreement.year));
    AgreementResult {
        year: agreement.year,
        targets,
        counts,
        latest_as_of,
        warnings,
    }
}

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
struct YearData {
    calc: Calc,
    annual: Option<Amount>,
    latest_as_of: Option<Date>,
}

impl YearData {
    fn read(
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
    fn full_year(&self) -> Option<f64> {
        match self.annual {
            Some(annual) => annual.as_figure().and_then(finite),
            None => (self.calc.present() == ALL)
                .then(|| self.calc.over(ALL))
                .flatten(),
        }
    }
}

fn evaluate_target(
    workspace: &Workspace,
    catalogue: &Catalogue,
    year: Year,
    target: &Target,
    warnings: &mut Vec<Warning>,
) -> TargetResult {
    let mut result = TargetResult {
        target: target.id,
        status: Status::NoData,
        bound: target.format.bound(),
        target_value: None,
        actual: None,
        source: ActualSource::None,
        is_final: false,
        through: None,
        target_to_date: None,
        path_method: PathMethod::Linear,
        forecast: None,
        pace: None,
        pace_so_far: None,
        months_left: 0,
        months_beside: None,
        deviation: None,
        deviation_percent: None,
        ratio_percent: None,
        forecast_gap: None,
        months: Vec::new(),
        missing_months: Vec::new(),
        latest_as_of: None,
        previous_year: None,
        change_vs_previous: None,
        interpretations: Vec::new(),
    };

    let subject = match &target.format {
        TargetFormat::Qualitative { status, .. } => {
            result.status = match status {
                ManualStatus::Achieved => Status::Achieved,
                ManualStatus::NotAchieved => Status::Missed,
                ManualStatus::Open | ManualStatus::PartlyAchieved => Status::Open,
            };
            return result;
        }
        format => match format.subject() {
            Some(s) => s,
            None => return result,
        },
    };
    let Some(indicator) = catalogue.get(subject.indicator.as_str()) else {
        warnings.push(Warning::UnknownIndicator {
            target: target.id,
            code: subject.indicator.0.clone(),
        });
        return result;
    };

    let population = subject.population;
    let this_year = YearData::read(workspace, catalogue, indicator, population, year);
    let last_year = year
        .previous()
        .map(|p| YearData::read(workspace, catalogue, indicator, population, p));
    let annual = this_year.annual.map(Amount::as_figure);
    result.latest_as_of = this_year.latest_as_of;
    result.previous_year = last_year.as_ref().and_then(YearData::full_year);
    let current = this_year.calc;
    let previous = last_year.map(|d| d.calc);

    // The target value: stated, or derived from the previous year (format 4).
    result.target_value = derived_or_stated(&target.format, result.previous_year);
    if matches!(target.format, TargetFormat::ChangeVsPreviousYear { .. })
        && result.previous_year.is_none()
    {
        warnings.push(Warning::PreviousYearMissing { target: target.id });
    }
    quota_target_checks(
        target,
        result.previous_year,
        &mut result.interpretations,
        warnings,
    );

    // Actual.
    let present = current.present();
    let n = series::count(present);
    let latest_index = (present != 0).then(|| 15 - present.leading_zeros() as usize);
    result.through = latest_index.and_then(Month::from_index);
    if let Some(last) = latest_index {
        result.missing_months = (0..last)
            .filter(|i| present & (1 << i) == 0)
            .filter_map(Month::from_index)
            .collect();
    }
    match annual {
        Some(figure) => {
            result.actual = figure.and_then(finite);
            result.source = ActualSource::Annual;
            result.is_final = true;
            result.months_beside = match (result.through, current.over(present)) {
                (Some(through), Some(figure)) => Some(MonthsBeside {
                    figure,
                    through,
                    complete: n == 12,
                }),
                _ => None,
            };
        }
        None if n == 12 => {
            result.actual = current.over(ALL);
            result.source = ActualSource::Months(12);
            result.is_final = true;
        }
        None if n > 0 => {
            result.actual = current.over(present);
            result.source = ActualSource::Months(n as u8);
        }
        None => {}
    }

    // Paths: linear, and seasonal when the previous year is complete and not zero.
    let prev_complete = previous
        .as_ref()
        .filter(|p| p.present() == ALL && !matches!(current, Calc::Change { .. }))
        .and_then(|p| p.over(ALL).filter(|v| *v != 0.0).map(|total| (p, total)));
    let accumulates = current.accumulates();
    let linear_path = |m: u8, t: f64| {
        if accumulates {
            t * f64::from(m) / 12.0
        } else {
            t
        }
    };
    let seasonal_path = |m: u8, t: f64| {
        prev_complete.and_then(|(p, total)| {
            p.over(series::through(m))
                .and_then(|part| finite(t * part / total))
        })
    };
    if prev_complete.is_some() {
        result.path_method = PathMethod::Seasonal;
    }

    // Forecast (during the year) with its course month by month.
    let seasonal_factor = prev_complete.and_then(|(p, _)| {
        let before = p.over(present)?;
        let now = current.over(present)?;
        (before != 0.0).then(|| finite(now / before)).flatten()
    });
    let forecast_through = |m: u8| -> Option<f64> {
        match (seasonal_factor, prev_complete) {
            (Some(f), Some((p, _))) => p.over(series::through(m)).and_then(|v| finite(v * f)),
            _ => current.linear_forecast_through(m),
        }
    };
    if result.is_final {
        result.forecast = result.actual.map(|value| Forecast {
            value,
            method: ForecastMethod::Final,
        });
    } else if n > 0 {
        let method = if seasonal_factor.is_some() {
            ForecastMethod::Seasonal
        } else if accumulates {
            ForecastMethod::LinearTrend
        } else if matches!(current, Calc::Stock(_)) {
            ForecastMethod::LatestLevel
        } else {
            ForecastMethod::YearToDateLevel
        };
        result.forecast = forecast_through(12).map(|value| Forecast { value, method });
    }

    // Month table.
    let last_month = latest_index.map_or(0, |i| i as u8 + 1);
    result.months = Month::all()
        .map(|month| {
            let m = month.number();
            MonthRow {
                month,
                value: current.month(month.index()),
                actual_to_date: if m <= last_month {
                    current.over(present & series::through(m))
                } else {
                    None
                },
                path_linear: result.target_value.and_then(|t| finite(linear_path(m, t))),
                path_seasonal: result.target_value.and_then(|t| seasonal_path(m, t)),
                forecast_to_date: if !result.is_final && n > 0 && m > last_month {
                    forecast_through(m)
                } else {
                    None
                },
            }
        })
        .collect();

    // Comparison with the target so far.
    result.target_to_date = match (result.target_value, result.is_final) {
        (Some(t), true) => Some(t),
        (Some(t), false) if last_month > 0 => {
            seasonal_path(last_month, t).or_else(|| finite(linear_path(last_month, t)))
        }
        _ => None,
    };
    if let (Some(actual), Some(basis)) = (result.actual, result.target_to_date) {
        result.deviation = finite(actual - basis);
        if basis != 0.0 {
            result.deviation_percent = finite((actual - basis) / basis.abs() * 100.0);
            result.ratio_percent = finite(actual / basis * 100.0);
        }
    }
    if !result.is_final
        && n > 0
        && let Some(t) = result.target_value
    {
        result.pace = current.pace(t);
        result.pace_so_far = current.pace_so_far();
        result.months_left = 12 - last_month;
        result.forecast_gap = result.forecast.and_then(|f| finite(f.value - t));
    }

    // Change versus the same months of the previous year.
    result.change_vs_previous = match (&previous, result.actual) {
        (Some(prev), Some(actual)) => {
            let before = if result.is_final {
                result.previous_year
            } else {
                prev.over(present)
            };
            before.map(|before| Change {
                previous: before,
                absolute: actual - before,
                percent: (before != 0.0)
                    .then(|| finite((actual - before) / before.abs() * 100.0))
                    .flatten(),
            })
        }
        _ => None,
    };

    // Status.
    result.status = match (
        &target.format,
        result.bound,
        result.target_value,
        result.actual,
    ) {
        (TargetFormat::Monitoring { .. }, ..) => Status::Monitoring,
        (_, Some(bound), Some(t), Some(actual)) if result.is_final => {
            if bound.is_met(actual, t) {
                Status::Achieved
            } else {
                Status::Missed
            }
        }
        (_, Some(bound), Some(t), Some(actual)) => {
            let expected = result.forecast.map_or(actual, |f| f.value);
            if bound.is_met(expected, t) {
                Status::OnTrack
            } else if t != 0.0
                && (expected - t).abs() / t.abs() * 100.0 <= workspace.settings.tolerance_percent
            {
                Status::AtRisk
            } else {
                Status::Critical
            }
        }
        _ => Status::NoData,
    };
    result
}

/// The target value of a format: stated in the agreement, or for a change versus the previous year derived from
/// that year's full figure (`None` while it is missing).
fn derived_or_stated(format: &TargetFormat, previous_year: Option<f64>) -> Option<f64> {
    match format {
        TargetFormat::ChangeVsPreviousYear {
            limit,
            change,
            unit,
            ..
        } => previous_year.and_then(|prev| finite(unit.apply(prev, limit.signed(*change)))),
        format => format.stated_target().and_then(finite),
    }
}

/// The target that the agreement of `year` sets for `subject` (a target with a value: not monitoring), with
/// its side; `None` when that year has no agreement, no such target, or its value is still unknown. Charts
/// show the previous year's own target next to its actual with this.
pub fn target_of_year(
    workspace: &Workspace,
    catalogue: &Catalogue,
    year: Year,
    subject: &Subject,
) -> Option<(f64, Bound)> {
    let agreement = workspace.agreement_for(year)?;
    let target = agreement
        .targets
        .iter()
        .find(|t| t.format.subject() == Some(subject) && t.format.bound().is_some())?;
    let indicator = catalogue.get(subject.indicator.as_str())?;
    let previous_year = match target.format {
        TargetFormat::ChangeVsPreviousYear { .. } => year.previous().and_then(|p| {
            YearData::read(workspace, catalogue, indicator, subject.population, p).full_year()
        }),
        _ => None,
    };
    Some((
        derived_or_stated(&target.format, previous_year)?,
        target.format.bound()?,
    ))
}

/// Format 3: both readings of the stated change; formats 3 and 5: does the baseline fit?
fn quota_target_checks(
    target: &Target,
    previous_year: Option<f64>,
    interpretations: &mut Vec<Interpretation>,
    warnings: &mut Vec<Warning>,
) {
    let fits = super::agreement::stated_figures_fit;
    match target.format {
        TargetFormat::QuotaIncrease {
            baseline,
            change,
            unit,
            target: t,
            ..
        } => {
            for reading in [ChangeUnit::PercentagePoints, ChangeUnit::Percent] {
                interpretations.push(Interpretation {
                    unit: reading,
                    implied_baseline: reading.base_for(t, change).and_then(finite),
                    target_from_previous_year: previous_year
                        .and_then(|p| finite(reading.apply(p, change))),
                    stated: reading == unit,
                });
            }
            if let Some(b) = baseline
                && !fits(b, change, unit, t)
            {
                warnings.push(Warning::InconsistentQuotaTarget {
                    target: target.id,
                    baseline: b,
                    change,
                    unit,
                    target_value: t,
                });
            }
        }
        TargetFormat::QuotaRelativeChange {
            baseline,
            change_percent,
            target: t,
            ..
        } if !fits(baseline, change_percent, ChangeUnit::Percent, t) => {
            warnings.push(Warning::InconsistentQuotaTarget {
                target: target.id,
                baseline,
                change: change_percent,
                unit: ChangeUnit::Percent,
                target_value: t,
            });
        }
        _ => {}
    }
}

/// Targets for women and men that do not add up to the total (counts and stocks only).
fn target_part_warnings(agreement: &Agreement, catalogue: &Catalogue) -> Vec<Warning> {
    let mut warnings = Vec::new();
    let value_of = |format: &TargetFormat| match format {
        TargetFormat::Minimum { target, .. } => Some(*target),
        TargetFormat::Maximum { cap, .. } => Some(*cap),
        _ => None,
    };
    for total in &agreement.targets {
        let Some(subject) = total
            .format
            .subject()
            .filter(|s| s.population == Population::Total)
        else {
            continue;
        };
        let Some(total_value) = value_of(&total.format) else {
            continue;
        };
        if !catalogue
            .get(subject.indicator.as_str())
            .is_some_and(Indicator::is_additive)
        {
            continue;
        }
        let part = |population: Population| {
            let t = agreement.sibling(total, population)?;
            Some((t.id, value_of(&t.format)?))
        };
        if let (Some((women_id, women)), Some((men_id, men))) =
            (part(Population::Women), part(Population::Men))
            && (women + men - total_value).abs() > 0.5
        {
            warnings.push(Warning::TargetPartsDontAddUp {
                subject_total: subject.clone(),
                targets: [total.id, women_id, men_id],
                total: total_value,
                women,
                men,
            });
        }
    }
    warnings
}

/// Values of the year: gender parts that do not add up, twelve months beside an annual value they do not give,
/// and implausible figures (the grid lists them under the year's values).
pub fn value_warnings(workspace: &Workspace, catalogue: &Catalogue, year: Year) -> Vec<Warning> {
    let mut warnings = Vec::new();
    for indicator in catalogue.all().filter(|i| i.takes_values()) {
        let series: Vec<_> = Population::ALL
            .iter()
            .map(|p| workspace.values.series(&indicator.code, *p, year))
            .collect();
        if series.iter().all(|s| s.is_empty()) {
            continue;
        }
        // Twelve months beside an annual value that they do not add up to.
        for (population, s) in Population::ALL.iter().zip(&series) {
            let complete = Calc::from_series(&indicator.aggregation, s);
            if let (Some(annual), Some(months)) = (
                s.annual.and_then(Amount::as_figure),
                (complete.present() == ALL)
                    .then(|| complete.over(ALL))
                    .flatten(),
            ) && (annual - months).abs() > unit_rounding(indicator.unit)
            {
                warnings.push(Warning::AnnualDiffersFromMonths {
                    indicator: indicator.code.0.clone(),
                    population: *population,
                    annual,
                    months,
                });
            }
        }
        let sorted: Vec<Vec<f64>> = series.iter().map(sorted_numbers).collect();
        let periods = (0..12).map(Some).chain([None]);
        for period in periods {
            let amount = |s: &super::values::Series| match period {
                Some(i) => s.months[i],
                None => s.annual,
            };
            let month = period.and_then(Month::from_index);
            // Gender parts.
            if indicator.is_additive()
                && let (Some(Amount::Number(t)), Some(Amount::Number(w)), Some(Amount::Number(m))) =
                    (amount(&series[0]), amount(&series[1]), amount(&series[2]))
                && (w + m - t).abs() > 0.5
            {
                warnings.push(Warning::ValuePartsDontAddUp {
                    indicator: indicator.code.0.clone(),
                    month,
                    total: t,
                    women: w,
                    men: m,
                });
            }
            // Plausibility of each value.
            for (population, s) in Population::ALL.iter().zip(&series) {
                let reason = match amount(s) {
                    Some(Amount::Number(v))
                        if v < 0.0 && indicator.unit != super::indicator::Unit::Percent =>
                    {
                        Some(Implausibility::Negative(v))
                    }
                    Some(Amount::Number(v))
                        if indicator.unit == super::indicator::Unit::Percent
                            && indicator.takes_values()
                            && !(0.0..=100.0).contains(&v) =>
                    {
                        Some(Implausibility::RateOutOfRange(v))
                    }
                    Some(Amount::Ratio {
                        numerator,
                        denominator,
                    }) if denominator == 0.0 && numerator > 0.0 => {
                        Some(Implausibility::ZeroDenominator { numerator })
                    }
                    Some(Amount::Ratio {
                        numerator,
                        denominator,
                    }) if numerator > denominator
                        && matches!(
                            indicator.aggregation,
                            Aggregation::Quota(super::indicator::Denominator::Sum)
                        ) =>
                    {
                        Some(Implausibility::NumeratorAboveDenominator {
                            numerator,
                            denominator,
                        })
                    }
                    Some(Amount::Number(v)) if period.is_some() => {
                        outlier(&sorted[population_index(*population)], v)
                    }
                    _ => None,
                };
                if let Some(reason) = reason {
                    warnings.push(Warning::Implausible {
                        indicator: indicator.code.0.clone(),
                        population: *population,
                        month,
                        reason,
                    });
                }
            }
        }
    }
    warnings
}

fn population_index(population: Population) -> usize {
    match population {
        Population::Total => 0,
        Population::Women => 1,
        Population::Men => 2,
    }
}

/// The plain monthly numbers of a series, ascending.
fn sorted_numbers(series: &super::values::Series) -> Vec<f64> {
    let mut numbers: Vec<f64> = series
        .months
        .iter()
        .filter_map(|a| match a {
            Some(Amount::Number(v)) => Some(*v),
            _ => None,
        })
        .collect();
    numbers.sort_by(f64::total_cmp);
    numbers
}

/// A monthly value more than three times, or less than a third of, the median of the other months (at least
/// three others, median above zero). `sorted` holds all monthly numbers of the series, ascending.
fn outlier(sorted: &[f64], value: f64) -> Option<Implausibility> {
    let position = sorted.iter().position(|v| *v == value)?;
    let others = sorted.len() - 1;
    if others < 3 {
        return None;
    }
    // The k-th of the other months, skipping this value's place.
    let other = |k: usize| {
        if k < position {
            sorted[k]
        } else {
            sorted[k + 1]
        }
    };
    let median = if others % 2 == 1 {
        other(others / 2)
    } else {
        (other(others / 2 - 1) + other(others / 2)) / 2.0
    };
    (median > 0.0 && (value > 3.0 * median || value < median / 3.0))
        .then_some(Implausibility::Outlier { value, median })
}

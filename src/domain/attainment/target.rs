//! One target's evaluation, step by step: the target value, the actual, the paths and the forecast, the month
//! table, the comparison with the target so far, the change versus the previous year, and the status.

use super::path::Paths;
use super::*;

pub(super) fn evaluate_target(
    workspace: &Workspace,
    catalogue: &Catalogue,
    year: Year,
    target: &Target,
    warnings: &mut Vec<Warning>,
) -> TargetResult {
    let mut result = TargetResult::empty(target);
    let subject = match &target.format {
        TargetFormat::Qualitative { status, .. } => {
            result.status = manual_status(*status);
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
    result.latest_as_of = this_year.latest_as_of;
    result.previous_year = last_year.as_ref().and_then(YearData::full_year);

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

    let current = &this_year.calc;
    let previous = last_year.as_ref().map(|d| &d.calc);
    read_actual(
        &mut result,
        current,
        this_year.annual.map(Amount::as_figure),
    );
    let paths = Paths::new(current, previous);
    result.path_method = paths.method();
    result.forecast = forecast(&result, &paths);
    result.months = month_rows(&result, current, &paths);
    compare(&mut result, current, &paths);
    result.change_vs_previous = change_vs_previous(&result, current, previous);
    result.status = status(
        &target.format,
        &result,
        workspace.settings.tolerance_percent,
    );
    result
}

/// The status of a qualitative goal, as the users set it.
fn manual_status(status: ManualStatus) -> Status {
    match status {
        ManualStatus::Achieved => Status::Achieved,
        ManualStatus::NotAchieved => Status::Missed,
        ManualStatus::Open | ManualStatus::PartlyAchieved => Status::Open,
    }
}

/// The actual and where it comes from: the annual value (which counts even beside months), all twelve months,
/// or the months so far; with the latest month and the gaps before it. `annual` is the annual value's figure
/// (`Some(None)` for one that has none, e.g. a quota with a zero denominator).
fn read_actual(result: &mut TargetResult, current: &Calc, annual: Option<Option<f64>>) {
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
}

/// The months with data so far (0 before the first).
fn last_month(result: &TargetResult) -> u8 {
    result.through.map_or(0, Month::number)
}

/// The forecast to year end: the actual once final, else by the paths' method; `None` without data.
fn forecast(result: &TargetResult, paths: &Paths) -> Option<Forecast> {
    if result.is_final {
        result.actual.map(|value| Forecast {
            value,
            method: ForecastMethod::Final,
        })
    } else if result.through.is_some() {
        let method = paths.forecast_method();
        paths
            .forecast_through(12)
            .map(|value| Forecast { value, method })
    } else {
        None
    }
}

/// The month table: each month's figure, the actual to date, both paths and the forecast's course.
fn month_rows(result: &TargetResult, current: &Calc, paths: &Paths) -> Vec<MonthRow> {
    let present = current.present();
    let last_month = last_month(result);
    let forecasting = !result.is_final && result.through.is_some();
    Month::all()
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
                path_linear: result.target_value.and_then(|t| paths.linear(m, t)),
                path_seasonal: result.target_value.and_then(|t| paths.seasonal(m, t)),
                forecast_to_date: if forecasting && m > last_month {
                    paths.forecast_through(m)
                } else {
                    None
                },
            }
        })
        .collect()
}

/// The target so far, the deviation from it, and during the year the pace still needed and the forecast's gap.
fn compare(result: &mut TargetResult, current: &Calc, paths: &Paths) {
    let last_month = last_month(result);
    result.target_to_date = match (result.target_value, result.is_final) {
        (Some(t), true) => Some(t),
        (Some(t), false) if last_month > 0 => paths.to_date(last_month, t),
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
        && last_month > 0
        && let Some(t) = result.target_value
    {
        result.pace = current.pace(t);
        result.pace_so_far = current.pace_so_far();
        result.months_left = 12 - last_month;
        result.forecast_gap = result.forecast.and_then(|f| finite(f.value - t));
    }
}

/// The actual versus the previous year: its full figure once final, else its same months.
fn change_vs_previous(
    result: &TargetResult,
    current: &Calc,
    previous: Option<&Calc>,
) -> Option<Change> {
    let (prev, actual) = (previous?, result.actual?);
    let before = if result.is_final {
        result.previous_year
    } else {
        prev.over(current.present())
    }?;
    Some(Change {
        previous: before,
        absolute: actual - before,
        percent: (before != 0.0)
            .then(|| finite((actual - before) / before.abs() * 100.0))
            .flatten(),
    })
}

/// The status: the verdict once final; during the year by the forecast (the actual without one), at risk
/// within `tolerance_percent` of the target.
fn status(format: &TargetFormat, result: &TargetResult, tolerance_percent: f64) -> Status {
    match (format, result.bound, result.target_value, result.actual) {
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
            } else if t != 0.0 && (expected - t).abs() / t.abs() * 100.0 <= tolerance_percent {
                Status::AtRisk
            } else {
                Status::Critical
            }
        }
        _ => Status::NoData,
    }
}

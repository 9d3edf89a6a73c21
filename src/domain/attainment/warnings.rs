//! Consistency warnings: quota targets whose figures do not fit, targets and values of women and men that do
//! not add up to the total, annual values beside other months, implausible values.

use super::*;

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

/// Format 3: both readings of the stated change; formats 3 and 5: does the baseline fit?
pub(super) fn quota_target_checks(
    target: &Target,
    previous_year: Option<f64>,
    interpretations: &mut Vec<Interpretation>,
    warnings: &mut Vec<Warning>,
) {
    let fits = crate::domain::agreement::stated_figures_fit;
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
pub(super) fn target_part_warnings(agreement: &Agreement, catalogue: &Catalogue) -> Vec<Warning> {
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
        let series = indicator_series(workspace, indicator, year);
        warnings.extend(indicator_value_warnings(indicator, &series));
    }
    warnings
}

/// The series of `indicator` in `year` that [`indicator_value_warnings`] reads: total, women, men.
pub fn indicator_series(
    workspace: &Workspace,
    indicator: &crate::domain::indicator::Indicator,
    year: Year,
) -> [crate::domain::values::Series; 3] {
    Population::ALL.map(|p| workspace.values.series(&indicator.code, p, year))
}

/// [`value_warnings`] of one indicator, from its three series (total, women, men): nothing else is read, so a
/// caller may keep the result while those stay the same.
pub fn indicator_value_warnings(
    indicator: &crate::domain::indicator::Indicator,
    series: &[crate::domain::values::Series; 3],
) -> Vec<Warning> {
    let mut warnings = Vec::new();
    if series.iter().all(|s| s.is_empty()) {
        return warnings;
    }
    // Twelve months beside an annual value that they do not add up to.
    for (population, s) in Population::ALL.iter().zip(series) {
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
        let amount = |s: &crate::domain::values::Series| match period {
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
        for (population, s) in Population::ALL.iter().zip(series) {
            let reason = match amount(s) {
                Some(Amount::Number(v))
                    if v < 0.0 && indicator.unit != crate::domain::indicator::Unit::Percent =>
                {
                    Some(Implausibility::Negative(v))
                }
                Some(Amount::Number(v))
                    if indicator.unit == crate::domain::indicator::Unit::Percent
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
                        Aggregation::Quota(crate::domain::indicator::Denominator::Sum)
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
    warnings
}

pub(super) fn population_index(population: Population) -> usize {
    match population {
        Population::Total => 0,
        Population::Women => 1,
        Population::Men => 2,
    }
}

/// The plain monthly numbers of a series, ascending.
pub(super) fn sorted_numbers(series: &crate::domain::values::Series) -> Vec<f64> {
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
pub(super) fn outlier(sorted: &[f64], value: f64) -> Option<Implausibility> {
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

//! The attainment engine (PRODUCT S4): for every target of an agreement, the actual to date by the indicator's rule,
//! the target path (linear, or seasonal from the previous year's pattern), the forecast to year end, the pace
//! still needed, deviations and the status. Pure and total: every number is finite or absent, never NaN.

use crate::core::calendar::{Date, Month, Year};
use crate::domain::agreement::{
    Agreement, Bound, ChangeUnit, ManualStatus, Subject, Target, TargetFormat, TargetId,
};
use crate::domain::indicator::{Aggregation, Indicator, Unit};
use crate::domain::series::{self, ALL, Calc, finite};
use crate::domain::values::{Amount, Population};
use crate::domain::workspace::{Catalogue, Workspace};

mod path;
mod result;
mod target;
mod warnings;
mod year;

pub use result::*;
use target::evaluate_target;
pub use warnings::{
    Implausibility, Warning, indicator_series, indicator_value_warnings, value_warnings,
};
use warnings::{quota_target_checks, target_part_warnings};
use year::YearData;
pub use year::{YearFigures, year_figures};

/// Evaluates every target of `agreement` from the values of `workspace`.
pub fn evaluate(workspace: &Workspace, agreement: &Agreement) -> AgreementResult {
    let catalogue = workspace.catalogue();
    let mut warnings = Vec::new();
    let targets: Vec<TargetResult> = agreement
        .targets
        .iter()
        .map(|t| evaluate_target(workspace, &catalogue, agreement.year, t, &mut warnings))
        .collect();
    let counts = targets.iter().map(|r| r.status).collect();
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

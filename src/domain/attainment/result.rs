//! What the engine says about a target and an agreement: status, actual, paths, forecast, deviations.

use super::*;

/// How a target stands. [`Status::ALL`] lists every status once, in the order the legend and the summaries
/// name them.
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

impl Status {
    /// Every status once, in the order the legend and the summary lines name them: the verdicts of a complete
    /// year, the course of a running year from on track to critical, then what has no verdict by figures.
    pub const ALL: [Status; 8] = [
        Status::Achieved,
        Status::Missed,
        Status::OnTrack,
        Status::AtRisk,
        Status::Critical,
        Status::NoData,
        Status::Monitoring,
        Status::Open,
    ];

    /// The place of this status in [`Status::ALL`]. The match is exhaustive, so a new status cannot be added
    /// without a place (and a count in [`Counts`]).
    pub const fn index(self) -> usize {
        match self {
            Status::Achieved => 0,
            Status::Missed => 1,
            Status::OnTrack => 2,
            Status::AtRisk => 3,
            Status::Critical => 4,
            Status::NoData => 5,
            Status::Monitoring => 6,
            Status::Open => 7,
        }
    }
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

impl TargetResult {
    /// The result before anything is known: no data, no figures.
    pub(super) fn empty(target: &Target) -> TargetResult {
        TargetResult {
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
        }
    }
}

/// How many targets of an agreement stand at each status: one count per status, so that no status is lumped
/// in with another (a critical target is not "open").
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts([usize; Status::ALL.len()]);

impl Counts {
    /// Counts one more target at `status`.
    pub fn add(&mut self, status: Status) {
        self.0[status.index()] += 1;
    }

    /// How many targets stand at `status`.
    pub fn of(&self, status: Status) -> usize {
        self.0[status.index()]
    }

    /// How many targets were counted.
    pub fn total(&self) -> usize {
        self.0.iter().sum()
    }

    /// The statuses that occur, with their counts, in the order of [`Status::ALL`].
    pub fn present(&self) -> impl Iterator<Item = (Status, usize)> + '_ {
        Status::ALL
            .into_iter()
            .map(|s| (s, self.of(s)))
            .filter(|&(_, n)| n > 0)
    }
}

impl FromIterator<Status> for Counts {
    fn from_iter<I: IntoIterator<Item = Status>>(statuses: I) -> Counts {
        let mut counts = Counts::default();
        for status in statuses {
            counts.add(status);
        }
        counts
    }
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

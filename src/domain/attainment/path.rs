//! The target path and the forecast of one target: linear, or seasonal from the previous year's pattern when
//! that year is complete and not zero.

use super::*;

/// The paths of this year's figures (`current`) against the previous year's (`previous`).
pub(super) struct Paths<'a> {
    current: &'a Calc,
    /// The previous year when complete, not zero and usable as a pattern, with its full figure.
    pattern: Option<(&'a Calc, f64)>,
    /// This year's figure so far over the previous year's same months (the seasonal forecast's factor).
    seasonal_factor: Option<f64>,
}

impl<'a> Paths<'a> {
    pub(super) fn new(current: &'a Calc, previous: Option<&'a Calc>) -> Paths<'a> {
        let pattern = previous
            .filter(|p| p.present() == ALL && !matches!(current, Calc::Change { .. }))
            .and_then(|p| p.over(ALL).filter(|v| *v != 0.0).map(|total| (p, total)));
        let present = current.present();
        let seasonal_factor = pattern.and_then(|(p, _)| {
            let before = p.over(present)?;
            let now = current.over(present)?;
            (before != 0.0).then(|| finite(now / before)).flatten()
        });
        Paths {
            current,
            pattern,
            seasonal_factor,
        }
    }

    /// Which path the target so far follows.
    pub(super) fn method(&self) -> PathMethod {
        if self.pattern.is_some() {
            PathMethod::Seasonal
        } else {
            PathMethod::Linear
        }
    }

    /// The linear path through month `m` (1–12) to the year's target `t`: a share of `t` for figures that
    /// accumulate, `t` itself for levels.
    pub(super) fn linear(&self, m: u8, t: f64) -> Option<f64> {
        if self.current.accumulates() {
            finite(t * f64::from(m) / 12.0)
        } else {
            finite(t)
        }
    }

    /// The seasonal path through month `m`: `t` in the previous year's proportions.
    pub(super) fn seasonal(&self, m: u8, t: f64) -> Option<f64> {
        self.pattern.and_then(|(p, total)| {
            p.over(series::through(m))
                .and_then(|part| finite(t * part / total))
        })
    }

    /// The target through month `m`: seasonal where there is a pattern, else linear.
    pub(super) fn to_date(&self, m: u8, t: f64) -> Option<f64> {
        self.seasonal(m, t).or_else(|| self.linear(m, t))
    }

    /// The forecast figure through month `m`.
    pub(super) fn forecast_through(&self, m: u8) -> Option<f64> {
        match (self.seasonal_factor, self.pattern) {
            (Some(f), Some((p, _))) => p.over(series::through(m)).and_then(|v| finite(v * f)),
            _ => self.current.linear_forecast_through(m),
        }
    }

    /// How the year-end forecast is made during the year.
    pub(super) fn forecast_method(&self) -> ForecastMethod {
        if self.seasonal_factor.is_some() {
            ForecastMethod::Seasonal
        } else if self.current.accumulates() {
            ForecastMethod::LinearTrend
        } else if matches!(self.current, Calc::Stock(_)) {
            ForecastMethod::LatestLevel
        } else {
            ForecastMethod::YearToDateLevel
        }
    }
}

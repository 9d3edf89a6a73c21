//! How one indicator's monthly values add up over any set of months: the aggregation rules of S2 as arithmetic
//! over a month mask. Used by the engine for year-to-date figures, target paths and forecasts. Every result is
//! finite or `None`.

use super::indicator::{Aggregation, Denominator};
use super::values::{Amount, Series};

/// A set of months as bits: bit 0 = January.
pub type Mask = u16;
/// All twelve months.
pub const ALL: Mask = 0x0fff;

/// Months 1..=m.
pub fn through(m: u8) -> Mask {
    if m >= 12 { ALL } else { (1u16 << m) - 1 }
}

/// Number of months in a mask.
pub fn count(mask: Mask) -> u32 {
    (mask & ALL).count_ones()
}

/// The finite value, or `None`.
pub fn finite(x: f64) -> Option<f64> {
    x.is_finite().then_some(x)
}

/// The monthly numbers of one indicator/population/year in the shape its aggregation needs.
#[derive(Clone, Debug)]
pub enum Calc {
    /// Summed over the months.
    Flow([Option<f64>; 12]),
    /// Averaged over the months.
    Stock([Option<f64>; 12]),
    /// Numerator and denominator, or a published rate, per month.
    Quota {
        denominator: Denominator,
        parts: [Option<QuotaMonth>; 12],
    },
    /// Change in percent of a base figure versus the same months of the previous year.
    Change {
        current: Box<Calc>,
        previous: Box<Calc>,
    },
}

/// One month of a quota: numerator and denominator as counted, or the rate as published ("20,0 %").
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum QuotaMonth {
    Parts(f64, f64),
    Rate(f64),
}

impl Calc {
    /// Reads the months of a series by the rule of `aggregation` (not for `ChangeVsPreviousYear`, see
    /// [`Calc::change`]). For a quota a plain number is a published rate.
    pub fn from_series(aggregation: &Aggregation, series: &Series) -> Calc {
        let numbers = series.months.map(|a| match a {
            Some(Amount::Number(v)) => Some(v),
            _ => None,
        });
        match aggregation {
            Aggregation::Flow => Calc::Flow(numbers),
            Aggregation::Stock | Aggregation::ChangeVsPreviousYear { .. } => Calc::Stock(numbers),
            Aggregation::Quota(denominator) => Calc::Quota {
                denominator: *denominator,
                parts: series.months.map(|a| match a {
                    Some(Amount::Ratio {
                        numerator,
                        denominator,
                    }) => Some(QuotaMonth::Parts(numerator, denominator)),
                    Some(Amount::Number(rate)) => Some(QuotaMonth::Rate(rate)),
                    None => None,
                }),
            },
        }
    }

    /// A derived change from the base figure of this year and of the previous year.
    pub fn change(current: Calc, previous: Calc) -> Calc {
        Calc::Change {
            current: Box::new(current),
            previous: Box::new(previous),
        }
    }

    /// The months that have a value.
    pub fn present(&self) -> Mask {
        fn mask<T>(months: &[Option<T>; 12]) -> Mask {
            months
                .iter()
                .enumerate()
                .filter(|(_, v)| v.is_some())
                .fold(0, |m, (i, _)| m | (1 << i))
        }
        match self {
            Calc::Flow(v) | Calc::Stock(v) => mask(v),
            Calc::Quota { parts, .. } => mask(parts),
            Calc::Change { current, previous } => current.present() & previous.present(),
        }
    }

    /// Whether the year's figure grows with every month (sums), rather than staying a level (averages, rates).
    /// A rate is always a level: its target path is the target itself in every month.
    pub fn accumulates(&self) -> bool {
        matches!(self, Calc::Flow(_))
    }

    /// The figure over the months of `mask` that have a value; `None` if there are none or a denominator is 0.
    ///
    /// Quotas: when the latest of those months holds a published rate, that rate is the figure (a published
    /// rate already covers its twelve months). Otherwise the months with numerator and denominator count: Σ/Σ,
    /// or for Σ/Ø quotas (K2) Σ numerator ÷ Ø denominator at the year's pace, i.e. × 12 / months, so that a
    /// rate to date reads like the annual rate it is heading for (12 × Σn / Σd; the complete year is exactly
    /// the annual quota).
    pub fn over(&self, mask: Mask) -> Option<f64> {
        let sel = mask & self.present();
        if sel == 0 {
            return None;
        }
        let picked = |i: usize| sel & (1 << i) != 0;
        match self {
            Calc::Flow(v) => finite((0..12).filter(|&i| picked(i)).filter_map(|i| v[i]).sum()),
            Calc::Stock(v) => {
                let sum: f64 = (0..12).filter(|&i| picked(i)).filter_map(|i| v[i]).sum();
                finite(sum / f64::from(count(sel)))
            }
            Calc::Quota { denominator, parts } => {
                let last = 15 - sel.leading_zeros() as usize;
                if let Some(QuotaMonth::Rate(rate)) = parts[last] {
                    return finite(rate);
                }
                let (num, den) = (0..12)
                    .filter(|&i| picked(i))
                    .filter_map(|i| match parts[i] {
                        Some(QuotaMonth::Parts(n, d)) => Some((n, d)),
                        _ => None,
                    })
                    .fold((0.0, 0.0), |(n, d), (pn, pd)| (n + pn, d + pd));
                let per_year = match denominator {
                    Denominator::Sum => 100.0,
                    Denominator::Average => 1200.0,
                };
                if den == 0.0 {
                    None
                } else {
                    finite(num * per_year / den)
                }
            }
            Calc::Change { current, previous } => {
                let now = current.over(sel)?;
                let before = previous.over(sel)?;
                if before == 0.0 {
                    None
                } else {
                    finite((now - before) * 100.0 / before)
                }
            }
        }
    }

    /// The value of one month on its own (for quotas: that month's quota).
    pub fn month(&self, index: usize) -> Option<f64> {
        self.over(1 << index)
    }

    /// Sum of the monthly figures (stocks) or numerators (quotas) in `mask`, and how many months had one.
    fn level_sum(&self, mask: Mask) -> (f64, u32) {
        let sel = mask & self.present();
        let picked = |i: usize| sel & (1 << i) != 0;
        match self {
            Calc::Flow(v) | Calc::Stock(v) => (
                (0..12).filter(|&i| picked(i)).filter_map(|i| v[i]).sum(),
                count(sel),
            ),
            Calc::Quota { parts, .. } => {
                let numerators: Vec<f64> = (0..12)
                    .filter(|&i| picked(i))
                    .filter_map(|i| match parts[i] {
                        Some(QuotaMonth::Parts(n, _)) => Some(n),
                        _ => None,
                    })
                    .collect();
                (numerators.iter().sum(), numerators.len() as u32)
            }
            Calc::Change { .. } => (0.0, 0),
        }
    }

    /// Sum of the denominators in `mask` and their mean.
    fn denominators(&self, mask: Mask) -> (f64, Option<f64>) {
        match self {
            Calc::Quota { parts, .. } => {
                let sel = mask & self.present();
                let dens: Vec<f64> = (0..12)
                    .filter(|&i| sel & (1 << i) != 0)
                    .filter_map(|i| match parts[i] {
                        Some(QuotaMonth::Parts(_, d)) => Some(d),
                        _ => None,
                    })
                    .collect();
                let sum: f64 = dens.iter().sum();
                let mean = (!dens.is_empty())
                    .then(|| sum / dens.len() as f64)
                    .and_then(finite);
                (sum, mean)
            }
            _ => (0.0, None),
        }
    }

    /// The value per month that the months still without a value need, on average, so that the year's figure
    /// reaches `target` (sums: per month; stocks: the monthly stock; quotas: numerator per month (average
    /// denominator) or the monthly quota (summed denominators)). `None` when nothing is left or for changes.
    pub fn pace(&self, target: f64) -> Option<f64> {
        let present = self.present();
        let remaining = 12 - count(present);
        if remaining == 0 || self.latest_is_rate() {
            return None;
        }
        let r = f64::from(remaining);
        let pace = match self {
            Calc::Flow(_) => (target - self.level_sum(present).0) / r,
            Calc::Stock(_) => (target * 12.0 - self.level_sum(present).0) / r,
            Calc::Quota {
                denominator: Denominator::Average,
                ..
            } => {
                let mean_den = self.denominators(present).1?;
                (target / 100.0 * mean_den - self.level_sum(present).0) / r
            }
            Calc::Quota {
                denominator: Denominator::Sum,
                ..
            } => {
                let (sum_den, mean_den) = self.denominators(present);
                let mean_den = mean_den.filter(|d| *d > 0.0)?;
                let needed_num =
                    target / 100.0 * (sum_den + mean_den * r) - self.level_sum(present).0;
                needed_num / (mean_den * r) * 100.0
            }
            Calc::Change { .. } => return None,
        };
        finite(pace.max(0.0))
    }

    /// The same measure as [`Calc::pace`] for the months so far: sums per month, the average stock, the numerator
    /// per month (Σ/Ø quotas) or the quota so far (Σ/Σ). `None` without months, for changes and published rates.
    pub fn pace_so_far(&self) -> Option<f64> {
        let present = self.present();
        if present == 0 || self.latest_is_rate() {
            return None;
        }
        match self {
            Calc::Flow(_)
            | Calc::Stock(_)
            | Calc::Quota {
                denominator: Denominator::Average,
                ..
            } => {
                let (sum, n) = self.level_sum(present);
                (n > 0).then(|| finite(sum / f64::from(n))).flatten()
            }
            Calc::Quota {
                denominator: Denominator::Sum,
                ..
            } => self.over(present),
            Calc::Change { .. } => None,
        }
    }

    /// Whether the latest month of a quota holds a published rate (which then stands for the year so far).
    fn latest_is_rate(&self) -> bool {
        match self {
            Calc::Quota { parts, .. } => {
                let present = self.present();
                present != 0
                    && matches!(
                        parts[15 - present.leading_zeros() as usize],
                        Some(QuotaMonth::Rate(_))
                    )
            }
            _ => false,
        }
    }

    /// The value of the latest month that has one (for stocks that "persist").
    fn latest(&self) -> Option<(usize, f64)> {
        let present = self.present();
        if present == 0 {
            return None;
        }
        let last = 15 - present.leading_zeros() as usize;
        self.month(last).map(|v| (last, v))
    }

    /// The linear forecast of the figure through month `m` (1..=12), from the months present: sums continue at
    /// their average pace, a stock stays at its latest level, quotas and changes keep their year-to-date level.
    pub fn linear_forecast_through(&self, m: u8) -> Option<f64> {
        let present = self.present();
        let n = count(present);
        if n == 0 {
            return None;
        }
        let ytd = self.over(present)?;
        match self {
            _ if self.accumulates() => finite(ytd * f64::from(m) / f64::from(n)),
            Calc::Stock(_) => {
                let (last_index, last) = self.latest()?;
                let extra = f64::from(m).min(12.0) - (last_index as f64 + 1.0);
                if extra <= 0.0 {
                    return Some(ytd);
                }
                let (sum, n) = self.level_sum(present);
                finite((sum + last * extra) / (f64::from(n) + extra))
            }
            _ => Some(ytd),
        }
    }
}

#[cfg(test)]
mod tests;

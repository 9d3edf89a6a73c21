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
mod tests {
    use super::*;

    fn months(values: &[f64]) -> [Option<f64>; 12] {
        let mut m = [None; 12];
        for (i, v) in values.iter().enumerate() {
            m[i] = Some(*v);
        }
        m
    }

    #[test]
    fn masks() {
        assert_eq!(through(1), 0b1);
        assert_eq!(through(5), 0b1_1111);
        assert_eq!(through(12), ALL);
        assert_eq!(count(ALL), 12);
    }

    #[test]
    fn flow_sums_and_stock_averages() {
        let flow = Calc::Flow(months(&[60.0, 58.0, 71.0]));
        assert_eq!(flow.over(ALL), Some(189.0));
        assert_eq!(flow.over(through(2)), Some(118.0));
        let stock = Calc::Stock(months(&[2100.0, 2080.0, 2060.0]));
        assert_eq!(stock.over(ALL), Some(2080.0));
        assert_eq!(Calc::Flow([None; 12]).over(ALL), None);
    }

    #[test]
    fn quotas_sum_or_average_their_denominator() {
        let mut parts = [None; 12];
        parts[0] = Some(QuotaMonth::Parts(40.0, 70.0));
        parts[1] = Some(QuotaMonth::Parts(47.0, 80.0));
        let sum = Calc::Quota {
            denominator: Denominator::Sum,
            parts,
        };
        // (40 + 47) / (70 + 80) = 58 %
        assert_eq!(sum.over(ALL), Some(58.0));
        let avg = Calc::Quota {
            denominator: Denominator::Average,
            parts,
        };
        // At the year's pace: 87 / 75 × 12 / 2 = 12 × 87 / 150 = 696 %.
        assert_eq!(avg.over(ALL), Some(696.0));
        let zero = Calc::Quota {
            denominator: Denominator::Sum,
            parts: {
                let mut p = [None; 12];
                p[0] = Some(QuotaMonth::Parts(3.0, 0.0));
                p
            },
        };
        assert_eq!(zero.over(ALL), None);
    }

    #[test]
    fn a_rate_to_date_reads_like_the_annual_rate() {
        // K2 (Σ/Ø): 60 integrations a month on 5.000 ELB. January alone: 60 / 5.000 = 1,2 % in the month,
        // 14,4 % at the year's pace; the complete year: 720 / 5.000 = 14,4 %. The figure stays a level.
        let mut parts = [None; 12];
        parts[0] = Some(QuotaMonth::Parts(60.0, 5000.0));
        let january = Calc::Quota {
            denominator: Denominator::Average,
            parts,
        };
        assert!((january.over(ALL).unwrap() - 14.4).abs() < 1e-9);
        assert!(!january.accumulates());
        let year = Calc::Quota {
            denominator: Denominator::Average,
            parts: [Some(QuotaMonth::Parts(60.0, 5000.0)); 12],
        };
        assert!((year.over(ALL).unwrap() - 14.4).abs() < 1e-9);
        assert!((year.over(through(5)).unwrap() - 14.4).abs() < 1e-9);
        // The forecast of a rate keeps its level.
        assert!((january.linear_forecast_through(12).unwrap() - 14.4).abs() < 1e-9);
        // Numerator needed per remaining month for 14,7 %: (0,147 × 5.000 − 60) / 11 = 61,3636...
        assert!((january.pace(14.7).unwrap() - 675.0 / 11.0).abs() < 1e-9);
        assert_eq!(january.pace_so_far(), Some(60.0));
    }

    #[test]
    fn a_published_rate_stands_for_the_year_so_far() {
        // January counted (43 / 74), February published as 20,0 %: the figure through February is 20,0 %.
        let mut parts = [None; 12];
        parts[0] = Some(QuotaMonth::Parts(43.0, 74.0));
        parts[1] = Some(QuotaMonth::Rate(20.0));
        let q = Calc::Quota {
            denominator: Denominator::Sum,
            parts,
        };
        assert_eq!(q.over(ALL), Some(20.0));
        assert_eq!(q.month(1), Some(20.0));
        // January alone: 43 / 74 = 58,108... %.
        assert!((q.over(through(1)).unwrap() - 4300.0 / 74.0).abs() < 1e-9);
        assert_eq!(q.pace(25.0), None);
        assert_eq!(q.pace_so_far(), None);
    }

    #[test]
    fn change_compares_the_same_months() {
        let now = Calc::Stock(months(&[2100.0, 2200.0]));
        let before = Calc::Stock(months(&[2000.0, 2000.0, 1900.0]));
        let change = Calc::change(now, before);
        assert_eq!(change.present(), 0b11);
        // (2150 / 2000 − 1) = +7,5 %
        assert_eq!(change.over(ALL), Some(7.5));
    }

    #[test]
    fn pace_per_remaining_month() {
        // 5 months, 300 integrations, target 770: (770 − 300) / 7 = 67,142857...
        let flow = Calc::Flow(months(&[60.0, 55.0, 65.0, 58.0, 62.0]));
        let pace = flow.pace(770.0).unwrap();
        assert!((pace - 470.0 / 7.0).abs() < 1e-12);
        // Target already reached: nothing more needed.
        assert_eq!(Calc::Flow(months(&[800.0])).pace(770.0), Some(0.0));
        // Stock: 5 months summing to 10.250, cap 2.020: (24.240 − 10.250) / 7 = 1.998,57...
        let stock = Calc::Stock(months(&[2100.0, 2075.0, 2050.0, 2025.0, 2000.0]));
        assert!((stock.pace(2020.0).unwrap() - 13990.0 / 7.0).abs() < 1e-9);
        // So far: 300 / 5 = 60 a month; the stock 10.250 / 5 = 2.050 on average.
        assert_eq!(flow.pace_so_far(), Some(60.0));
        assert_eq!(stock.pace_so_far(), Some(2050.0));
    }

    #[test]
    fn linear_forecasts() {
        let flow = Calc::Flow(months(&[60.0, 55.0, 65.0, 58.0, 62.0]));
        assert_eq!(flow.linear_forecast_through(12), Some(300.0 / 5.0 * 12.0));
        let stock = Calc::Stock(months(&[2100.0, 2075.0, 2050.0, 2025.0, 2000.0]));
        // (10.250 + 7 × 2.000) / 12 = 2.020,8333...
        assert!((stock.linear_forecast_through(12).unwrap() - 24250.0 / 12.0).abs() < 1e-9);
        assert_eq!(stock.linear_forecast_through(5), Some(2050.0));
    }
}

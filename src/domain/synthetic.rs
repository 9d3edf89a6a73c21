//! A large synthetic workspace for benchmarks (PRODUCT S8): N years × M indicators × 3 populations × 12 months, with
//! one agreement per year targeting every indicator and population in a mix of formats. Deterministic, so that
//! every run measures the same work. Clearly not real data: the organisation says so.

use std::sync::Arc;

use super::agreement::{
    Agreement, AgreementId, Category, ChangeLimit, ChangeUnit, Subject, Target, TargetFormat,
    TargetId,
};
use super::indicator::{Aggregation, Denominator, Direction, Indicator, IndicatorCode, Unit};
use super::values::{Amount, Population, ValueKey};
use super::workspace::Workspace;
use crate::core::calendar::{Date, Month, Year};

/// A small, fast, deterministic generator (xorshift64*), enough for synthetic figures.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    /// Uniform in [0, 1).
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// `years` years from 2005 on, `indicators` indicators, every population and month filled.
pub fn large_workspace(years: u16, indicators: usize) -> Workspace {
    generated(
        0x5eed_2022_0d3e_11a1,
        "Synthetischer Arbeitsbereich (Leistungstest, keine echten Daten)",
        years,
        indicators,
    )
}

/// The `number`-th synthetic job centre of a Land for the comparison's bench (issue 23): 3 years × 15 indicators
/// × 3 populations × 12 months, its own figures (a seed of its own), its own name.
pub fn member_workspace(number: u32) -> Workspace {
    generated(
        0x5eed_2022_0d3e_11a1 ^ (u64::from(number) + 1).wrapping_mul(0x9e37_79b9_7f4a_7c15),
        &format!("Synthetisches Jobcenter {number:03} (Leistungstest, keine echten Daten)"),
        3,
        15,
    )
}

fn generated(seed: u64, organisation: &str, years: u16, indicators: usize) -> Workspace {
    let mut rng = Rng(seed.max(1));
    let mut ws = Workspace::empty(organisation);
    for i in 0..indicators {
        let (unit, aggregation) = match i % 4 {
            0 => (Unit::Count, Aggregation::Flow),
            1 => (Unit::Persons, Aggregation::Stock),
            2 => (Unit::Percent, Aggregation::Quota(Denominator::Sum)),
            _ => (Unit::Euro, Aggregation::Flow),
        };
        ws.indicators.push(Indicator {
            code: IndicatorCode(format!("SYN-{:02}", i + 1)),
            name: format!("Synthetische Kennzahl {}", i + 1),
            name_en: String::new(),
            unit,
            aggregation,
            direction: Direction::HigherIsBetter,
            phrase_de: String::new(),
            phrase_en: String::new(),
        });
    }
    let first = 2005;
    let mut target_id = 0;
    for y in 0..years {
        let Some(year) = Year::new(i64::from(first + y)) else {
            break;
        };
        let mut targets = Vec::new();
        for indicator in &ws.indicators {
            for (p, population) in Population::ALL.into_iter().enumerate() {
                let scale = match population {
                    Population::Total => 1.0,
                    Population::Women => 0.45,
                    Population::Men => 0.55,
                };
                let base = 100.0 + 900.0 * rng.unit();
                for month in Month::all() {
                    let season = 1.0 + 0.1 * (f64::from(month.number()) * 0.52).sin();
                    let key = ValueKey {
                        indicator: indicator.code.clone(),
                        population,
                        year,
                        month: Some(month),
                    };
                    let amount = match indicator.aggregation {
                        Aggregation::Quota(_) => {
                            let den = (base * scale).round().max(1.0);
                            Amount::Ratio {
                                numerator: (den * (0.4 + 0.3 * rng.unit())).round(),
                                denominator: den,
                            }
                        }
                        _ => Amount::Number(
                            (base * scale * season * (0.9 + 0.2 * rng.unit())).round(),
                        ),
                    };
                    let as_of = Date::new(i64::from(year.get()), i64::from(month.number()), 28);
                    ws.values.record(key, amount, as_of, "");
                }
                target_id += 1;
                let subject = Subject {
                    indicator: indicator.code.clone(),
                    population,
                };
                // Rates get targets in percent; counts and stocks in their own figures.
                let rate = indicator.unit == Unit::Percent;
                let format = match (target_id + p as u32) % 5 {
                    0 => TargetFormat::Minimum {
                        subject,
                        target: if rate {
                            52.0
                        } else {
                            (base * scale * 12.0).round()
                        },
                    },
                    1 => TargetFormat::Maximum {
                        subject,
                        cap: if rate {
                            60.0
                        } else {
                            (base * scale * 1.05).round()
                        },
                    },
                    2 => TargetFormat::Monitoring { subject },
                    3 => TargetFormat::ChangeVsPreviousYear {
                        subject,
                        limit: ChangeLimit::RiseAtMost,
                        change: 5.0,
                        unit: ChangeUnit::Percent,
                    },
                    _ => TargetFormat::Minimum {
                        subject,
                        target: if rate {
                            56.0
                        } else {
                            (base * scale * 11.0).round()
                        },
                    },
                };
                targets.push(Target {
                    id: TargetId(target_id),
                    title: String::new(),
                    category: Category::Local,
                    format,
                    notes: String::new(),
                });
            }
        }
        ws.agreements.push(Arc::new(Agreement {
            id: AgreementId(u32::from(y) + 1),
            year,
            job_centre: ws.organisation.clone(),
            partner: "Ministerium (synthetisch)".into(),
            signed_on: None,
            signatories: String::new(),
            notes: String::new(),
            targets,
        }));
    }
    ws
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn has_the_requested_size_and_is_deterministic() {
        let ws = large_workspace(3, 8);
        assert_eq!(ws.values.len(), 3 * 8 * 3 * 12);
        assert_eq!(ws.agreements.len(), 3);
        assert_eq!(ws.agreements[0].targets.len(), 8 * 3);
        assert_eq!(ws, large_workspace(3, 8));
    }

    #[test]
    fn members_differ_by_name_and_figures() {
        let (a, b) = (member_workspace(1), member_workspace(2));
        assert_eq!(
            a.organisation,
            "Synthetisches Jobcenter 001 (Leistungstest, keine echten Daten)"
        );
        assert_eq!(a.values.len(), 3 * 15 * 3 * 12);
        assert_ne!(a.values, b.values);
        assert_eq!(a, member_workspace(1));
        assert_eq!(
            crate::domain::check::problems(&b, crate::locale::Lang::De),
            Vec::<String>::new()
        );
    }

    #[test]
    fn passes_the_check_every_store_and_backup_gets() {
        // The bench stores it: a workspace the app refuses to read would measure nothing.
        let ws = large_workspace(20, 40);
        assert_eq!(
            crate::domain::check::problems(&ws, crate::locale::Lang::De),
            Vec::<String>::new()
        );
    }
}

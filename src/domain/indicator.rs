//! The indicator catalogue ("Kennzahlen"): the federal key figures of § 48a SGB II and the absolute figures that
//! agreements target (INT, LZB, ELB, LLU, KDU) built in, plus the user's own. Each says how its monthly values
//! add up to a year.

use crate::locale::Lang;
use crate::tr;
use serde::{Deserialize, Serialize};

/// A stable code used in files and storage: the federal codes as written (K1, K2E3), INT, LZB, ... or the
/// user's own.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct IndicatorCode(pub String);

impl IndicatorCode {
    pub fn new(code: &str) -> IndicatorCode {
        IndicatorCode(code.to_owned())
    }
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for IndicatorCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// What one value of the indicator counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Unit {
    /// Events, e.g. integrations.
    Count,
    /// People in a stock, e.g. LZB.
    Persons,
    /// Money, e.g. the LLU sum.
    Euro,
    /// A rate or quota in percent.
    Percent,
}

/// How the denominator of a quota adds up over the months.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Denominator {
    /// Σ numerator / Σ denominator (K2E3: continuous employment among integrations).
    Sum,
    /// Σ numerator / average of the monthly denominators (K2: integrations per average ELB stock).
    Average,
}

/// How monthly values make the year's figure.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Aggregation {
    /// Summed over the months (integrations, LLU sum).
    Flow,
    /// Averaged over the months (LZB stock, monthly rates).
    Stock,
    /// A quota in percent from numerator and denominator entered per month.
    Quota(Denominator),
    /// Change in percent versus the same months of the previous year, derived from a base indicator
    /// (K3 from LZB). No values of its own are entered.
    ChangeVsPreviousYear { base: IndicatorCode },
}

/// Which way is good.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Direction {
    HigherIsBetter,
    LowerIsBetter,
    /// Monitored without a preferred direction.
    Neutral,
}

/// A key figure.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Indicator {
    pub code: IndicatorCode,
    /// German name as in the official catalogue.
    pub name: String,
    /// English name of a built-in indicator; empty for the user's own (they have one name).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub name_en: String,
    pub unit: Unit,
    pub aggregation: Aggregation,
    pub direction: Direction,
    /// How a German sentence names the year's figure, e.g. "die Summe der Integrationen";
    /// empty: the sentence uses "der Wert der Kennzahl „name“".
    #[serde(default)]
    pub phrase_de: String,
    /// The same in English, e.g. "the number of integrations".
    #[serde(default)]
    pub phrase_en: String,
}

impl Indicator {
    /// The name in `lang`: the English name where there is one, else the German name.
    pub fn display_name(&self, lang: Lang) -> &str {
        match lang {
            Lang::En if !self.name_en.is_empty() => &self.name_en,
            _ => &self.name,
        }
    }
    /// Whether values are entered for this indicator (derived changes are computed instead).
    pub fn takes_values(&self) -> bool {
        !matches!(self.aggregation, Aggregation::ChangeVsPreviousYear { .. })
    }
    /// Whether a value is a numerator/denominator pair.
    pub fn is_quota(&self) -> bool {
        matches!(self.aggregation, Aggregation::Quota(_))
    }
    /// Whether women and men add up to the total (counts, persons, money; not rates or quotas).
    pub fn is_additive(&self) -> bool {
        matches!(self.unit, Unit::Count | Unit::Persons | Unit::Euro)
            && matches!(self.aggregation, Aggregation::Flow | Aggregation::Stock)
    }
}

/// The largest magnitude a figure of `unit` can plausibly have: far above any job centre (a county's yearly LLU
/// sum is below 10^10 €, its stocks below 10^6 persons), far below what would break a chart or a sum. Every door
/// (typing, pasting, CSV, backup, the store) refuses more.
pub fn plausible_limit(unit: Unit) -> f64 {
    match unit {
        Unit::Count | Unit::Persons => 1e8,
        Unit::Euro => 1e11,
        Unit::Percent => 1000.0,
    }
}

pub use super::amount::AmountError;

impl Indicator {
    /// Whether `amount` can be a figure of this indicator: finite, not negative where the unit has no negative
    /// figures, within [`plausible_limit`]; a quota's parts are counts, and the rate they give (as the engine
    /// reads a month: × 12 for Σ/Ø quotas) is within the limit of a percentage.
    pub fn check_amount(&self, amount: super::amount::Amount) -> Result<(), AmountError> {
        use super::amount::Amount;
        let bounded = |v: f64, unit: Unit| {
            if !v.is_finite() {
                Err(AmountError::NotFinite)
            } else if v < 0.0 && unit != Unit::Percent && unit != Unit::Euro {
                Err(AmountError::Negative(v))
            } else if v.abs() > plausible_limit(unit) {
                Err(AmountError::TooLarge {
                    value: v,
                    limit: plausible_limit(unit),
                })
            } else {
                Ok(())
            }
        };
        match amount {
            Amount::Number(v) if self.is_quota() => {
                bounded(v, Unit::Percent)?;
                if v < 0.0 {
                    return Err(AmountError::Negative(v));
                }
                Ok(())
            }
            Amount::Number(v) => bounded(v, self.unit),
            Amount::Ratio { .. } if !self.is_quota() => Err(AmountError::NotAQuota),
            Amount::Ratio {
                numerator,
                denominator,
            } => {
                bounded(numerator, Unit::Count)?;
                bounded(denominator, Unit::Count)?;
                let per_year = match self.aggregation {
                    Aggregation::Quota(Denominator::Average) => 12.0,
                    _ => 1.0,
                };
                match amount.as_figure().map(|r| r * per_year) {
                    Some(rate) if rate > plausible_limit(Unit::Percent) => {
                        Err(AmountError::RateTooLarge {
                            numerator,
                            denominator,
                            rate,
                            limit: plausible_limit(Unit::Percent),
                        })
                    }
                    _ => Ok(()),
                }
            }
        }
    }
}

/// The const form of [`Aggregation`] for the built-in table.
#[derive(Clone, Copy)]
enum Agg {
    Flow,
    Stock,
    QuotaSum,
    QuotaAvg,
    ChangeOf(&'static str),
}

impl Agg {
    fn build(self) -> Aggregation {
        match self {
            Agg::Flow => Aggregation::Flow,
            Agg::Stock => Aggregation::Stock,
            Agg::QuotaSum => Aggregation::Quota(Denominator::Sum),
            Agg::QuotaAvg => Aggregation::Quota(Denominator::Average),
            Agg::ChangeOf(base) => Aggregation::ChangeVsPreviousYear {
                base: IndicatorCode::new(base),
            },
        }
    }
}

struct Builtin {
    code: &'static str,
    name: &'static str,
    name_en: &'static str,
    unit: Unit,
    aggregation: Agg,
    direction: Direction,
    phrase_de: &'static str,
    phrase_en: &'static str,
}

use Direction::{HigherIsBetter as Higher, LowerIsBetter as Lower, Neutral};

const BUILTINS: &[Builtin] = &[
    Builtin {
        code: "INT",
        name: "Integrationen",
        name_en: "Integrations",
        unit: Unit::Count,
        aggregation: Agg::Flow,
        direction: Higher,
        phrase_de: "die Summe der Integrationen",
        phrase_en: "the number of integrations",
    },
    Builtin {
        code: "LZB",
        name: "Bestand Langzeitleistungsbeziehende",
        name_en: "Long-term benefit recipients (stock)",
        unit: Unit::Persons,
        aggregation: Agg::Stock,
        direction: Lower,
        phrase_de: "der durchschnittliche Bestand an Langzeitleistungsbeziehenden",
        phrase_en: "the average number of long-term benefit recipients",
    },
    Builtin {
        code: "ELB",
        name: "Bestand erwerbsfähige Leistungsberechtigte",
        name_en: "Employable benefit recipients (stock)",
        unit: Unit::Persons,
        aggregation: Agg::Stock,
        direction: Lower,
        phrase_de: "der durchschnittliche Bestand an erwerbsfähigen Leistungsberechtigten",
        phrase_en: "the average number of employable benefit recipients",
    },
    Builtin {
        code: "LLU",
        name: "Summe der Leistungen zum Lebensunterhalt",
        name_en: "Sum of subsistence benefits",
        unit: Unit::Euro,
        aggregation: Agg::Flow,
        direction: Lower,
        phrase_de: "die Summe der Leistungen zum Lebensunterhalt",
        phrase_en: "the sum of subsistence benefits",
    },
    Builtin {
        code: "KDU",
        name: "Summe der Leistungen für Unterkunft und Heizung",
        name_en: "Sum of housing and heating benefits",
        unit: Unit::Euro,
        aggregation: Agg::Flow,
        direction: Lower,
        phrase_de: "die Summe der Leistungen für Unterkunft und Heizung",
        phrase_en: "the sum of housing and heating benefits",
    },
    Builtin {
        code: "K1",
        name: "Veränderung der Summe der Leistungen zum Lebensunterhalt",
        name_en: "Change in the sum of subsistence benefits",
        unit: Unit::Percent,
        aggregation: Agg::ChangeOf("LLU"),
        direction: Lower,
        phrase_de: "die Veränderung der Summe der Leistungen zum Lebensunterhalt",
        phrase_en: "the change in subsistence benefits",
    },
    Builtin {
        code: "K1E1",
        name: "Veränderung der Summe der Leistungen für Unterkunft und Heizung",
        name_en: "Change in the sum of housing and heating benefits",
        unit: Unit::Percent,
        aggregation: Agg::ChangeOf("KDU"),
        direction: Lower,
        phrase_de: "die Veränderung der Summe der Leistungen für Unterkunft und Heizung",
        phrase_en: "the change in housing and heating benefits",
    },
    Builtin {
        code: "K1E2",
        name: "Veränderung der Zahl der erwerbsfähigen Leistungsberechtigten",
        name_en: "Change in the number of employable benefit recipients",
        unit: Unit::Percent,
        aggregation: Agg::ChangeOf("ELB"),
        direction: Lower,
        phrase_de: "die Veränderung der Zahl der erwerbsfähigen Leistungsberechtigten",
        phrase_en: "the change in employable benefit recipients",
    },
    Builtin {
        code: "K1E3",
        name: "Durchschnittliche Zugangsrate der erwerbsfähigen Leistungsberechtigten",
        name_en: "Average inflow rate of employable benefit recipients",
        unit: Unit::Percent,
        aggregation: Agg::Stock,
        direction: Lower,
        phrase_de: "die durchschnittliche Zugangsrate der erwerbsfähigen Leistungsberechtigten",
        phrase_en: "the average inflow rate of employable benefit recipients",
    },
    Builtin {
        code: "K1E4",
        name: "Durchschnittliche Abgangsrate der erwerbsfähigen Leistungsberechtigten",
        name_en: "Average outflow rate of employable benefit recipients",
        unit: Unit::Percent,
        aggregation: Agg::Stock,
        direction: Higher,
        phrase_de: "die durchschnittliche Abgangsrate der erwerbsfähigen Leistungsberechtigten",
        phrase_en: "the average outflow rate of employable benefit recipients",
    },
    Builtin {
        code: "K2",
        name: "Integrationsquote",
        name_en: "Integration rate",
        unit: Unit::Percent,
        aggregation: Agg::QuotaAvg,
        direction: Higher,
        phrase_de: "die Integrationsquote",
        phrase_en: "the integration rate",
    },
    Builtin {
        code: "K2E1",
        name: "Quote der Eintritte in geringfügige Beschäftigung",
        name_en: "Rate of entries into marginal employment",
        unit: Unit::Percent,
        aggregation: Agg::QuotaAvg,
        direction: Neutral,
        phrase_de: "die Quote der Eintritte in geringfügige Beschäftigung",
        phrase_en: "the rate of entries into marginal employment",
    },
    Builtin {
        code: "K2E2",
        name: "Quote der Eintritte in öffentlich geförderte Beschäftigung",
        name_en: "Rate of entries into publicly subsidised employment",
        unit: Unit::Percent,
        aggregation: Agg::QuotaAvg,
        direction: Neutral,
        phrase_de: "die Quote der Eintritte in öffentlich geförderte Beschäftigung",
        phrase_en: "the rate of entries into subsidised employment",
    },
    Builtin {
        code: "K2E3",
        name: "Kontinuierliche Beschäftigung nach Integration",
        name_en: "Continued employment after integration",
        unit: Unit::Percent,
        aggregation: Agg::QuotaSum,
        direction: Higher,
        phrase_de: "die Quote der kontinuierlichen Beschäftigung nach Integration",
        phrase_en: "the rate of continuous employment after integration",
    },
    Builtin {
        code: "K2E4",
        name: "Integrationsquote der Alleinerziehenden",
        name_en: "Integration rate of single parents",
        unit: Unit::Percent,
        aggregation: Agg::QuotaAvg,
        direction: Higher,
        phrase_de: "die Integrationsquote der Alleinerziehenden",
        phrase_en: "the integration rate of single parents",
    },
    Builtin {
        code: "K3",
        name: "Veränderung des Bestands an Langzeitleistungsbeziehenden",
        name_en: "Change in the stock of long-term benefit recipients",
        unit: Unit::Percent,
        aggregation: Agg::ChangeOf("LZB"),
        direction: Lower,
        phrase_de: "die Veränderung des Bestands an Langzeitleistungsbeziehenden",
        phrase_en: "the change in long-term benefit recipients",
    },
    Builtin {
        code: "K3E1",
        name: "Integrationsquote der Langzeitleistungsbeziehenden",
        name_en: "Integration rate of long-term benefit recipients",
        unit: Unit::Percent,
        aggregation: Agg::QuotaAvg,
        direction: Higher,
        phrase_de: "die Integrationsquote der Langzeitleistungsbeziehenden",
        phrase_en: "the integration rate of long-term benefit recipients",
    },
    Builtin {
        code: "K3E2",
        name: "Aktivierungsquote der Langzeitleistungsbeziehenden",
        name_en: "Activation rate of long-term benefit recipients",
        unit: Unit::Percent,
        aggregation: Agg::QuotaSum,
        direction: Neutral,
        phrase_de: "die Aktivierungsquote der Langzeitleistungsbeziehenden",
        phrase_en: "the activation rate of long-term benefit recipients",
    },
    Builtin {
        code: "K3E3",
        name: "Zugangsrate der Langzeitleistungsbeziehenden",
        name_en: "Inflow rate of long-term benefit recipients",
        unit: Unit::Percent,
        aggregation: Agg::Stock,
        direction: Lower,
        phrase_de: "die Zugangsrate der Langzeitleistungsbeziehenden",
        phrase_en: "the inflow rate of long-term benefit recipients",
    },
    Builtin {
        code: "K3E4",
        name: "Abgangsrate der Langzeitleistungsbeziehenden",
        name_en: "Outflow rate of long-term benefit recipients",
        unit: Unit::Percent,
        aggregation: Agg::Stock,
        direction: Higher,
        phrase_de: "die Abgangsrate der Langzeitleistungsbeziehenden",
        phrase_en: "the outflow rate of long-term benefit recipients",
    },
];

/// The built-in catalogue, in the order the UI lists it.
pub fn builtin_catalogue() -> Vec<Indicator> {
    BUILTINS
        .iter()
        .map(|b| Indicator {
            code: IndicatorCode::new(b.code),
            name: b.name.to_owned(),
            name_en: b.name_en.to_owned(),
            unit: b.unit,
            aggregation: b.aggregation.build(),
            direction: b.direction,
            phrase_de: b.phrase_de.to_owned(),
            phrase_en: b.phrase_en.to_owned(),
        })
        .collect()
}

/// Whether `code` is one of the built-in codes (users cannot redefine them).
pub fn is_builtin(code: &str) -> bool {
    BUILTINS.iter().any(|b| b.code.eq_ignore_ascii_case(code))
}

/// Why a code cannot name an own indicator.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CodeError {
    /// Not 1 to 24 characters from A–Z, digits, "-" and "_", starting with a letter.
    NotAllowed(String),
    /// The code of a built-in indicator.
    BuiltIn(String),
}

impl CodeError {
    pub fn message(&self, lang: Lang) -> String {
        match self {
            CodeError::NotAllowed(code) => tr!(
                lang,
                "„{code}“ ist als Kennzahl-Code nicht zulässig: 1 bis 24 Zeichen aus Buchstaben A–Z, Ziffern, - und _, \
                 beginnend mit einem Buchstaben.",
                "“{code}” is not allowed as an indicator code: 1 to 24 characters from the letters A–Z, digits, - \
                 and _, starting with a letter."
            ),
            CodeError::BuiltIn(code) => tr!(
                lang,
                "„{code}“ ist bereits eine eingebaute Kennzahl.",
                "“{code}” is already a built-in indicator."
            ),
        }
    }
}

/// Checks the code of a user-defined indicator: 1–24 characters from A–Z, digits, "-" and "_", starting with a
/// letter, and not a built-in code.
pub fn validate_user_code(code: &str) -> Result<(), CodeError> {
    let ok_chars = code
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
    if code.is_empty()
        || code.len() > 24
        || !ok_chars
        || !code.starts_with(|c: char| c.is_ascii_alphabetic())
    {
        return Err(CodeError::NotAllowed(code.to_owned()));
    }
    if is_builtin(code) {
        return Err(CodeError::BuiltIn(code.to_owned()));
    }
    Ok(())
}

#[cfg(test)]
mod tests;

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

mod catalogue;

pub use catalogue::{builtin_catalogue, is_builtin};

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

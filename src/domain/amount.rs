//! A value's amount (a number, or numerator and denominator of a quota) and why an amount cannot be taken.
//! A leaf of the domain: values store amounts, indicators bound them.

use crate::locale::Lang;

/// A value's number: a plain figure, or numerator and denominator of a quota.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Amount {
    Number(f64),
    Ratio { numerator: f64, denominator: f64 },
}

impl Amount {
    /// A finite number.
    pub fn number(value: f64) -> Result<Amount, AmountError> {
        if value.is_finite() {
            Ok(Amount::Number(value))
        } else {
            Err(AmountError::NotFinite)
        }
    }
    /// A quota's parts: finite, not negative.
    pub fn ratio(numerator: f64, denominator: f64) -> Result<Amount, AmountError> {
        if !numerator.is_finite() || !denominator.is_finite() {
            return Err(AmountError::NotFinite);
        }
        if numerator < 0.0 || denominator < 0.0 {
            return Err(AmountError::NegativePart);
        }
        Ok(Amount::Ratio {
            numerator,
            denominator,
        })
    }
    /// The figure as shown: the number, or the quota in percent (`None` for a zero denominator).
    pub fn as_figure(self) -> Option<f64> {
        match self {
            Amount::Number(v) => Some(v),
            Amount::Ratio {
                numerator,
                denominator,
            } => (denominator != 0.0).then(|| numerator * 100.0 / denominator),
        }
    }
}

/// Why a value cannot be a figure of its indicator.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum AmountError {
    /// Not a finite number.
    NotFinite,
    /// Below zero where the unit has no negative figures (counts, persons, parts of a quota).
    Negative(f64),
    /// Beyond what the indicator can hold (`indicator::plausible_limit`).
    TooLarge { value: f64, limit: f64 },
    /// Numerator and denominator that give a rate beyond what a percentage can be.
    RateTooLarge {
        numerator: f64,
        denominator: f64,
        rate: f64,
        /// The highest percentage possible.
        limit: f64,
    },
    /// A numerator or denominator below zero.
    NegativePart,
    /// Numerator and denominator where the indicator takes one number.
    NotAQuota,
}

impl AmountError {
    /// The reason in `lang`, numbers written the language's way.
    pub fn message(&self, lang: Lang) -> String {
        use crate::locale::{format_decimal, format_for_input};
        match *self {
            AmountError::NotFinite => {
                crate::tr!(lang, "keine endliche Zahl", "not a finite number")
            }
            AmountError::Negative(v) => {
                let v = format_for_input(v, lang);
                crate::tr!(
                    lang,
                    "{v} ist negativ; diese Kennzahl hat keine negativen Werte",
                    "{v} is negative; this indicator has no negative figures"
                )
            }
            AmountError::TooLarge { value, limit } => {
                // A number of hundreds of digits is named by its length, not written out.
                let value = if value.abs() < 1e15 {
                    format_decimal(value, 0, lang)
                } else {
                    let digits = value.abs().log10().floor() as i64 + 1;
                    crate::tr!(
                        lang,
                        "eine Zahl mit {digits} Stellen",
                        "a number of {digits} digits"
                    )
                };
                let limit = format_decimal(limit, 0, lang);
                crate::tr!(
                    lang,
                    "{value} ist größer, als diese Kennzahl sein kann (höchstens {limit})",
                    "{value} is larger than this indicator can be (at most {limit})"
                )
            }
            AmountError::RateTooLarge {
                numerator,
                denominator,
                rate,
                limit,
            } => {
                let (n, d) = (
                    format_for_input(numerator, lang),
                    format_for_input(denominator, lang),
                );
                let rate = format_decimal(rate, 0, lang);
                let limit = format_decimal(limit, 0, lang);
                crate::tr!(
                    lang,
                    "Zähler {n} und Nenner {d} ergeben eine Quote von {rate} %; möglich sind höchstens {limit} %",
                    "numerator {n} and denominator {d} give a rate of {rate} %; at most {limit} % is possible"
                )
            }
            AmountError::NegativePart => crate::tr!(
                lang,
                "Zähler und Nenner dürfen nicht negativ sein",
                "numerator and denominator must not be negative"
            ),
            AmountError::NotAQuota => crate::tr!(
                lang,
                "diese Kennzahl ist keine Quote und hat keinen Zähler und Nenner",
                "this indicator is no rate and has no numerator and denominator"
            ),
        }
    }
}

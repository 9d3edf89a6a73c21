//! Formatting and parsing for the two languages of the UI: de-DE first, English second.
//! Pure: no browser, tested natively. Numbers never show as NaN or infinity: callers pass finite values
//! (the engine guarantees it), and a non-finite value formats as "–" rather than garbage.

mod calendar;
mod number;

pub use calendar::{
    DateError, format_date, month_abbr, month_name, month_year, parse_date, parse_date_in,
};
pub use number::{
    NumberError, decimals_of, format_count, format_decimal, format_euro, format_for_input,
    format_percent, format_signed_count, format_signed_decimal, format_signed_percent,
    parse_number, parse_number_in,
};

pub use crate::core::Lang;

/// The no-break space that keeps a number and its unit together ("58,0 %", "1.234,50 €").
pub const NBSP: char = '\u{a0}';
/// The typographic minus sign used for negative numbers in the UI.
pub const MINUS: char = '\u{2212}';

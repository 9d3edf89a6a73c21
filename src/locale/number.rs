//! Numbers in de-DE ("1.234,5", "58,0 %", "1.234,50 €") and English ("1,234.5"), and the parser for what a
//! German user types.

use super::{Lang, MINUS, NBSP};

/// Separators of a language: (thousands, decimal).
fn separators(lang: Lang) -> (char, char) {
    match lang {
        Lang::De => ('.', ','),
        Lang::En => (',', '.'),
    }
}

/// Formats `value` with `decimals` places and thousands grouping; negative numbers get a real minus sign.
pub fn format_decimal(value: f64, decimals: usize, lang: Lang) -> String {
    if !value.is_finite() {
        return "–".to_owned();
    }
    let (thousands, decimal) = separators(lang);
    // Commercial rounding as in Excel and German usage: halves away from zero (192,5 → 193), where Rust's
    // formatter would round an exact half to even (192).
    let factor = 10f64.powi(decimals.min(15) as i32);
    let rounded = (value.abs() * factor).round() / factor;
    let text = format!(
        "{:.*}",
        decimals,
        if rounded.is_finite() {
            rounded
        } else {
            value.abs()
        }
    );
    let (int_part, frac_part) = match text.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (text.as_str(), None),
    };
    let mut out = String::with_capacity(text.len() + 4);
    // "-0" and "-0,0" after rounding are plain zero.
    let is_zero = text.bytes().all(|b| b == b'0' || b == b'.');
    if value < 0.0 && !is_zero {
        out.push(MINUS);
    }
    let digits = int_part.len();
    for (i, c) in int_part.chars().enumerate() {
        if i > 0 && (digits - i) % 3 == 0 {
            out.push(thousands);
        }
        out.push(c);
    }
    if let Some(frac) = frac_part {
        out.push(decimal);
        out.push_str(frac);
    }
    out
}

/// A count or number of persons, rounded to a whole number: "2.035".
pub fn format_count(value: f64, lang: Lang) -> String {
    format_decimal(value, 0, lang)
}

/// A percentage with `decimals` places and the no-break space: "58,0 %", "104,1 %".
pub fn format_percent(value: f64, decimals: usize, lang: Lang) -> String {
    format!("{}{NBSP}%", format_decimal(value, decimals, lang))
}

/// Euro amount with cents: "1.234,50 €" (de), "€1,234.50" (en).
pub fn format_euro(value: f64, lang: Lang) -> String {
    match lang {
        Lang::De => format!("{}{NBSP}€", format_decimal(value, 2, lang)),
        Lang::En => {
            let text = format_decimal(value, 2, lang);
            match text.strip_prefix(MINUS) {
                Some(rest) => format!("{MINUS}€{rest}"),
                None => format!("€{text}"),
            }
        }
    }
}

/// Puts "+" before a positive number; a number that rounds to zero gets no sign.
fn with_sign(value: f64, text: String) -> String {
    let rounds_to_zero = !text.chars().any(|c| c.is_ascii_digit() && c != '0');
    if value > 0.0 && !rounds_to_zero {
        format!("+{text}")
    } else {
        text
    }
}

/// A deviation with its sign: "+28", "−5", "0".
pub fn format_signed_count(value: f64, lang: Lang) -> String {
    with_sign(value, format_count(value, lang))
}

/// A signed decimal: "+1,8", "−0,5".
pub fn format_signed_decimal(value: f64, decimals: usize, lang: Lang) -> String {
    with_sign(value, format_decimal(value, decimals, lang))
}

/// A signed percentage: "+0,2 %", "−6,9 %".
pub fn format_signed_percent(value: f64, decimals: usize, lang: Lang) -> String {
    let number = format_signed_decimal(value, decimals, lang);
    format!("{number}{NBSP}%")
}

/// A number as written back into an input field in `lang`: grouped, with exactly the decimals it has, so that
/// reading the text back gives the same number bit for bit ("2.020", "1,8", "0,0557", "18,625" / "2,020",
/// "1.8"). Committing a cell unchanged must never round what is stored.
pub fn format_for_input(value: f64, lang: Lang) -> String {
    if !value.is_finite() {
        return String::new();
    }
    let (thousands, decimal) = separators(lang);
    // Rust's `Display` for f64 is the shortest text that reads back to the same number, without exponent.
    let text = format!("{}", value.abs());
    let (int_part, frac_part) = text.split_once('.').unwrap_or((text.as_str(), ""));
    let mut out = String::with_capacity(text.len() + 6);
    if value < 0.0 {
        out.push(MINUS);
    }
    let digits = int_part.len();
    for (i, c) in int_part.chars().enumerate() {
        if i > 0 && (digits - i) % 3 == 0 {
            out.push(thousands);
        }
        out.push(c);
    }
    if !frac_part.is_empty() {
        out.push(decimal);
        out.push_str(frac_part);
    }
    out
}

/// The decimal places `value` is written with: the fewest, at most `max`, that give it back within a
/// billionth of a unit of the last place ("13,7" → 1, "2.020" → 0, "18,625" → 3).
pub fn decimals_of(value: f64, max: usize) -> usize {
    (0..max)
        .find(|&d| {
            let scaled = value * 10f64.powi(d as i32);
            (scaled - scaled.round()).abs() < 1e-6
        })
        .unwrap_or(max)
}

/// Why typed text is not a number; [`NumberError::message`] is shown next to the field.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NumberError {
    Empty,
    /// A character that has no place in a number.
    Invalid(String),
    /// "12.5": a dot that is not a thousands separator.
    DecimalPoint(String),
    /// "1.23.4", "1.2345": dots not in groups of three.
    Grouping(String),
    /// More than one decimal comma.
    TwoCommas(String),
    /// Beyond what any key figure can hold.
    TooLarge(String),
}

impl NumberError {
    /// The message for the user in `lang`; the examples use that language's separators.
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (NumberError::Empty, Lang::De) => "Bitte eine Zahl eingeben.".into(),
            (NumberError::Empty, Lang::En) => "Please enter a number.".into(),
            (NumberError::Invalid(t), Lang::De) => format!(
                "„{t}“ ist keine Zahl. Erlaubt sind Ziffern, Komma, Tausenderpunkte und ein Vorzeichen, z. B. 1.234,5."
            ),
            (NumberError::Invalid(t), Lang::En) => format!(
                "“{t}” is not a number. Digits, a decimal point, thousands commas and a sign are allowed, e.g. 1,234.5."
            ),
            (NumberError::DecimalPoint(t), Lang::De) => format!(
                "„{t}“: Bitte das Komma als Dezimaltrennzeichen verwenden, z. B. {}.",
                t.replacen('.', ",", 1)
            ),
            (NumberError::DecimalPoint(t), Lang::En) => format!(
                "“{t}”: please use a point as the decimal separator, e.g. {}.",
                t.replacen(',', ".", 1)
            ),
            (NumberError::Grouping(t), Lang::De) => format!(
                "„{t}“: Tausenderpunkte stehen nur zwischen Dreiergruppen, z. B. 1.234.567,5."
            ),
            (NumberError::Grouping(t), Lang::En) => format!(
                "“{t}”: thousands commas only separate groups of three digits, e.g. 1,234,567.5."
            ),
            (NumberError::TwoCommas(t), Lang::De) => format!("„{t}“ enthält mehr als ein Komma."),
            (NumberError::TwoCommas(t), Lang::En) => {
                format!("“{t}” contains more than one decimal point.")
            }
            (NumberError::TooLarge(t), Lang::De) => format!("„{t}“ ist zu groß."),
            (NumberError::TooLarge(t), Lang::En) => format!("“{t}” is too large."),
        }
    }
}

impl std::fmt::Display for NumberError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Lang::De))
    }
}

impl std::error::Error for NumberError {}

/// Largest magnitude accepted: far above any job centre figure (a county's yearly LLU sum is < 10^10 €).
const LIMIT: f64 = 1e15;

/// Parses a number as typed in the UI's language. English input uses the German rules with the roles of
/// point and comma swapped ("1,234.5"); the error keeps the text as typed and speaks `lang`.
pub fn parse_number_in(input: &str, lang: Lang) -> Result<f64, NumberError> {
    match lang {
        Lang::De => parse_number(input),
        Lang::En => {
            let swapped: String = input
                .chars()
                .map(|c| match c {
                    '.' => ',',
                    ',' => '.',
                    c => c,
                })
                .collect();
            parse_number(&swapped).map_err(|e| {
                let original = input.trim().to_owned();
                match e {
                    NumberError::Empty => NumberError::Empty,
                    NumberError::Invalid(_) => NumberError::Invalid(original),
                    NumberError::DecimalPoint(_) => NumberError::DecimalPoint(original),
                    NumberError::Grouping(_) => NumberError::Grouping(original),
                    NumberError::TwoCommas(_) => NumberError::TwoCommas(original),
                    NumberError::TooLarge(_) => NumberError::TooLarge(original),
                }
            })
        }
    }
}

/// Parses what a German user types: "1.234,5", "1234,5", "718", "−5", "+1,8", "58 %", "58,0%", "1.234,50 €".
/// Spaces (also no-break and thin spaces) are ignored; a trailing "%" or "€" is allowed and dropped.
/// Everything else is rejected with a German message.
pub fn parse_number(input: &str) -> Result<f64, NumberError> {
    let original = input.trim();
    let mut text: String = original
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{202f}' && *c != '\'')
        .collect();
    if let Some(rest) = text.strip_suffix('%').or_else(|| text.strip_suffix('€')) {
        text = rest.to_owned();
    }
    if text.is_empty() {
        return Err(NumberError::Empty);
    }
    let (negative, body) = match text.chars().next() {
        Some('-') | Some(MINUS) | Some('–') => {
            (true, &text[text.chars().next().map_or(0, char::len_utf8)..])
        }
        Some('+') => (false, &text[1..]),
        _ => (false, text.as_str()),
    };
    if body.is_empty()
        || !body
            .chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
    {
        return Err(NumberError::Invalid(original.to_owned()));
    }
    let mut parts = body.split(',');
    let int_part = parts.next().unwrap_or_default();
    let frac_part = parts.next();
    if parts.next().is_some() {
        return Err(NumberError::TwoCommas(original.to_owned()));
    }
    if frac_part.is_some_and(|f| f.contains('.')) {
        return Err(NumberError::Grouping(original.to_owned()));
    }
    if frac_part == Some("") && int_part.is_empty() {
        return Err(NumberError::Invalid(original.to_owned()));
    }
    let digits: String = if int_part.contains('.') {
        let groups: Vec<&str> = int_part.split('.').collect();
        let well_grouped = !groups[0].is_empty()
            && groups[0].len() <= 3
            && groups[1..].iter().all(|g| g.len() == 3);
        if !well_grouped {
            // "12.5" or "0.25" without a comma: someone typed a decimal point.
            if groups.len() == 2
                && frac_part.is_none()
                && !groups[0].is_empty()
                && !groups[1].is_empty()
            {
                return Err(NumberError::DecimalPoint(original.to_owned()));
            }
            return Err(NumberError::Grouping(original.to_owned()));
        }
        groups.concat()
    } else {
        int_part.to_owned()
    };
    let canonical = match frac_part {
        Some(f) if !f.is_empty() => {
            format!("{}.{f}", if digits.is_empty() { "0" } else { &digits })
        }
        _ => digits,
    };
    let value: f64 = canonical
        .parse()
        .map_err(|_| NumberError::Invalid(original.to_owned()))?;
    if !value.is_finite() || value.abs() > LIMIT {
        return Err(NumberError::TooLarge(original.to_owned()));
    }
    Ok(if negative && value != 0.0 {
        -value
    } else {
        value
    })
}

#[cfg(test)]
mod tests;

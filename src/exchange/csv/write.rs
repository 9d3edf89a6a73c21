//! Writing values as CSV for German Excel.

use super::*;

/// The CSV text of the values of `year` (all years for `None`), with BOM and CRLF line ends.
pub fn export(workspace: &Workspace, year: Option<Year>) -> String {
    let mut out = String::from("\u{FEFF}");
    out.push_str(&HEADER.join(";"));
    out.push_str("\r\n");
    for value in workspace.values.iter() {
        let key = &value.key;
        if year.is_some_and(|y| y != key.year) {
            continue;
        }
        let (wert, zaehler, nenner) = match value.current.amount {
            Amount::Number(v) => (number(v), String::new(), String::new()),
            Amount::Ratio {
                numerator,
                denominator,
            } => (String::new(), number(numerator), number(denominator)),
        };
        let fields = [
            field(key.indicator.as_str()),
            key.population.label(Lang::De).to_owned(),
            key.year.to_string(),
            key.month
                .map_or_else(String::new, |m| m.number().to_string()),
            wert,
            zaehler,
            nenner,
            value
                .current
                .as_of
                .map_or_else(String::new, |d| crate::locale::format_date(d, Lang::De)),
            field(&value.current.comment),
        ];
        out.push_str(&fields.join(";"));
        out.push_str("\r\n");
    }
    out
}

/// "zielsteuerung-werte-2022.csv", "zielsteuerung-werte-alle-jahre.csv".
pub fn file_name(year: Option<Year>) -> String {
    match year {
        Some(y) => format!("zielsteuerung-werte-{y}.csv"),
        None => "zielsteuerung-werte-alle-jahre.csv".into(),
    }
}

/// A number as German Excel reads it: every digit Rust needs to give the same f64 back, a decimal comma, no
/// thousands points: "2030", "58,1", "-120000", "0,1".
pub fn number(value: f64) -> String {
    format!("{value}").replace('.', ",")
}

/// A text cell: guarded against formula injection with a leading apostrophe, quoted when it holds ";", a quote
/// or a line break.
pub(super) fn field(text: &str) -> String {
    let guarded = if needs_guard(text) {
        format!("'{text}")
    } else {
        text.to_owned()
    };
    if guarded.contains([';', '"', '\n', '\r', '\t']) {
        format!("\"{}\"", guarded.replace('"', "\"\""))
    } else {
        guarded
    }
}

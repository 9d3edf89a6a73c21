//! The value-entry grid ("Ist-Werte erfassen") without the browser: which columns a year shows, the text of a
//! cell, what typing into a cell does to the workspace, and how a block pasted from Excel is read.

use crate::domain::calendar::{Date, Month, Year};
use crate::domain::indicator::{Indicator, IndicatorCode, Unit};
use crate::domain::values::{Amount, Population, RecordOutcome, ValueKey};
use crate::domain::workspace::Workspace;
use crate::locale::{Lang, format_decimal, parse_number};

/// Which part of a value a column edits.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Part {
    Number,
    Numerator,
    Denominator,
}

/// One column of the grid: an indicator, a population and a part.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Column {
    pub indicator: IndicatorCode,
    pub population: Population,
    pub part: Part,
    /// "Integrationen", shown in the first header row.
    pub indicator_name: String,
    /// "Frauen" or "Frauen – Zähler", shown in the second header row.
    pub label: String,
    pub unit: Unit,
}

/// A row of the grid: a month, or the annual value.
pub type Period = Option<Month>;

/// The rows: January to December, then the annual value.
pub fn periods() -> Vec<Period> {
    Month::all().map(Some).chain([None]).collect()
}

/// The columns for `year`: every indicator and population the year's agreement targets (that takes values),
/// then the populations of those indicators not targeted, so that gender parts can be entered too.
pub fn columns(workspace: &Workspace, year: Year) -> Vec<Column> {
    let catalogue = workspace.catalogue();
    let mut indicators: Vec<&Indicator> = Vec::new();
    if let Some(agreement) = workspace.agreement_for(year) {
        for target in &agreement.targets {
            let Some(subject) = target.format.subject() else {
                continue;
            };
            let Some(indicator) = catalogue.get(subject.indicator.as_str()) else {
                continue;
            };
            // A derived change (K3) is entered as its base figure (LZB).
            let indicator = match &indicator.aggregation {
                crate::domain::indicator::Aggregation::ChangeVsPreviousYear { base } => {
                    match catalogue.get(base.as_str()) {
                        Some(b) => b,
                        None => continue,
                    }
                }
                _ => indicator,
            };
            if !indicators.iter().any(|i| i.code == indicator.code) {
                indicators.push(indicator);
            }
        }
    }
    let mut columns = Vec::new();
    for indicator in indicators {
        for population in Population::ALL {
            let parts: &[(Part, &str)] = if indicator.is_quota() {
                &[
                    (Part::Numerator, " – Zähler"),
                    (Part::Denominator, " – Nenner"),
                ]
            } else {
                &[(Part::Number, "")]
            };
            for (part, suffix) in parts {
                columns.push(Column {
                    indicator: indicator.code.clone(),
                    population,
                    part: *part,
                    indicator_name: indicator.name.clone(),
                    label: format!("{}{suffix}", population.label_de()),
                    unit: indicator.unit,
                });
            }
        }
    }
    columns
}

fn key(column: &Column, year: Year, period: Period) -> ValueKey {
    ValueKey {
        indicator: column.indicator.clone(),
        population: column.population,
        year,
        month: period,
    }
}

/// A number as typed back into a cell: German, grouped, with only the decimals it has (at most 2).
pub fn input_text(value: f64) -> String {
    let text = format_decimal(value, 2, Lang::De);
    match text.strip_suffix(",00") {
        Some(whole) => whole.to_owned(),
        None => text
            .strip_suffix('0')
            .filter(|t| t.contains(','))
            .map_or(text.clone(), str::to_owned),
    }
}

/// The text a cell shows for the stored value.
pub fn cell_text(workspace: &Workspace, year: Year, column: &Column, period: Period) -> String {
    let Some(value) = workspace.values.get(&key(column, year, period)) else {
        return String::new();
    };
    match (value.current.amount, column.part) {
        (Amount::Number(v), Part::Number) => input_text(v),
        (Amount::Ratio { numerator, .. }, Part::Numerator) => input_text(numerator),
        (Amount::Ratio { denominator, .. }, Part::Denominator) => input_text(denominator),
        // A quota given as a plain percentage (an annual figure) shows in the numerator column.
        (Amount::Number(v), Part::Numerator) => format!("{} %", input_text(v)),
        _ => String::new(),
    }
}

/// What typing into a cell did.
#[derive(Clone, Debug, PartialEq)]
pub enum Entry {
    /// Stored (added or replacing the older value, which stays in the history).
    Recorded(RecordOutcome),
    /// The cell was emptied: the value is removed.
    Removed,
    /// Nothing to do (same number as stored, or an empty cell left empty).
    Unchanged,
    /// One part of a quota is there, the other is still missing: nothing stored yet.
    WaitingForOtherPart,
}

/// Applies the text typed into a cell. `other_part` is the text of the quota's other column (the grid keeps
/// typed but unsaved parts). Errors are German messages; the workspace is unchanged then.
pub fn apply(
    workspace: &mut Workspace,
    year: Year,
    column: &Column,
    period: Period,
    text: &str,
    other_part: Option<&str>,
    as_of: Option<Date>,
) -> Result<Entry, String> {
    let key = key(column, year, period);
    let existing = workspace.values.get(&key).map(|v| v.current.amount);
    let parse = |t: &str| -> Result<Option<f64>, String> {
        if t.trim().is_empty() {
            Ok(None)
        } else {
            parse_number(t).map(Some).map_err(|e| e.message(Lang::De))
        }
    };
    let typed = parse(text)?;
    if let Some(v) = typed
        && v < 0.0
        && column.unit != Unit::Percent
    {
        return Err(format!(
            "„{}“: negative Werte sind bei dieser Kennzahl nicht möglich.",
            text.trim()
        ));
    }
    let amount = match column.part {
        Part::Number => typed.map(Amount::Number),
        Part::Numerator | Part::Denominator => {
            let other = match other_part {
                Some(t) => parse(t).map_err(|e| format!("Im anderen Teil der Quote: {e}"))?,
                None => None,
            };
            let (numerator, denominator) = if column.part == Part::Numerator {
                (typed, other)
            } else {
                (other, typed)
            };
            match (numerator, denominator) {
                (Some(n), Some(d)) => Some(Amount::ratio(n, d)?),
                (None, None) => None,
                _ => {
                    if existing.is_some() && typed.is_none() {
                        // Emptying one part of a stored quota removes the value.
                        None
                    } else {
                        return Ok(Entry::WaitingForOtherPart);
                    }
                }
            }
        }
    };
    match (amount, existing) {
        (None, None) => Ok(Entry::Unchanged),
        (None, Some(_)) => {
            workspace.values.remove(&key);
            Ok(Entry::Removed)
        }
        (Some(a), Some(e)) if a == e => Ok(Entry::Unchanged),
        (Some(a), _) => Ok(Entry::Recorded(workspace.values.record(key, a, as_of, ""))),
    }
}

/// Reads a block copied from Excel or LibreOffice: rows by line, cells by tab; a trailing line break and
/// Windows line ends are fine; a cell in quotes (Excel quotes cells with line breaks) loses its quotes.
pub fn read_block(text: &str) -> Vec<Vec<String>> {
    let text = text
        .strip_suffix("\r\n")
        .or_else(|| text.strip_suffix('\n'))
        .unwrap_or(text);
    text.split('\n')
        .map(|line| {
            line.trim_end_matches('\r')
                .split('\t')
                .map(|cell| {
                    let c = cell.trim();
                    c.strip_prefix('"')
                        .and_then(|c| c.strip_suffix('"'))
                        .map_or(c, |inner| inner)
                        .replace("\"\"", "\"")
                })
                .collect()
        })
        .collect()
}

/// Whether pasted text is a block (several cells) rather than one value.
pub fn is_block(text: &str) -> bool {
    let trimmed = text.trim_end_matches(['\r', '\n']);
    trimmed.contains('\t') || trimmed.contains('\n')
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::example::odenwaldkreis;

    fn y(v: i64) -> Year {
        Year::new(v).unwrap()
    }

    #[test]
    fn columns_of_the_seed_2022() {
        let ws = odenwaldkreis();
        let cols = columns(&ws, y(2022));
        let names: Vec<String> = cols
            .iter()
            .map(|c| format!("{} {}", c.indicator, c.label))
            .collect();
        assert_eq!(
            names,
            vec![
                "INT Insgesamt",
                "INT Frauen",
                "INT Männer",
                "LZB Insgesamt",
                "LZB Frauen",
                "LZB Männer",
                "LLU Insgesamt",
                "LLU Frauen",
                "LLU Männer",
                "K2E3 Insgesamt – Zähler",
                "K2E3 Insgesamt – Nenner",
                "K2E3 Frauen – Zähler",
                "K2E3 Frauen – Nenner",
                "K2E3 Männer – Zähler",
                "K2E3 Männer – Nenner",
                "INT-U25-AUSB Insgesamt",
                "INT-U25-AUSB Frauen",
                "INT-U25-AUSB Männer",
            ]
        );
        assert_eq!(periods().len(), 13);
        assert!(columns(&ws, y(2030)).is_empty());
    }

    #[test]
    fn typing_records_replaces_and_removes() {
        let mut ws = odenwaldkreis();
        let col = columns(&ws, y(2022)).remove(0);
        let jan = Month::new(1);
        let d1 = Date::new(2022, 4, 30);
        assert_eq!(
            apply(&mut ws, y(2022), &col, jan, "64", None, d1),
            Ok(Entry::Recorded(RecordOutcome::Added))
        );
        assert_eq!(cell_text(&ws, y(2022), &col, jan), "64");
        assert_eq!(
            apply(&mut ws, y(2022), &col, jan, " 64 ", None, d1),
            Ok(Entry::Unchanged)
        );
        let d2 = Date::new(2022, 7, 31);
        assert_eq!(
            apply(&mut ws, y(2022), &col, jan, "1.066", None, d2),
            Ok(Entry::Recorded(RecordOutcome::Replaced))
        );
        assert_eq!(cell_text(&ws, y(2022), &col, jan), "1.066");
        let stored = ws.values.get(&key(&col, y(2022), jan)).unwrap();
        assert_eq!(stored.history.len(), 1);
        assert_eq!(stored.current.as_of, d2);
        assert_eq!(
            apply(&mut ws, y(2022), &col, jan, "", None, d2),
            Ok(Entry::Removed)
        );
        assert_eq!(cell_text(&ws, y(2022), &col, jan), "");
    }

    #[test]
    fn bad_input_is_a_german_message_and_changes_nothing() {
        let mut ws = odenwaldkreis();
        let before = ws.clone();
        let col = columns(&ws, y(2022)).remove(0);
        let err = apply(&mut ws, y(2022), &col, Month::new(1), "12.5", None, None).unwrap_err();
        assert_eq!(
            err,
            "„12.5“: Bitte das Komma als Dezimaltrennzeichen verwenden, z. B. 12,5."
        );
        let err = apply(&mut ws, y(2022), &col, Month::new(1), "-3", None, None).unwrap_err();
        assert_eq!(
            err,
            "„-3“: negative Werte sind bei dieser Kennzahl nicht möglich."
        );
        assert_eq!(ws, before);
    }

    #[test]
    fn quota_parts_wait_for_each_other() {
        let mut ws = odenwaldkreis();
        let cols = columns(&ws, y(2022));
        let num = cols
            .iter()
            .find(|c| c.indicator.as_str() == "K2E3" && c.part == Part::Numerator)
            .unwrap();
        let den = cols
            .iter()
            .find(|c| c.indicator.as_str() == "K2E3" && c.part == Part::Denominator)
            .unwrap();
        let m = Month::new(3);
        assert_eq!(
            apply(&mut ws, y(2022), num, m, "41", None, None),
            Ok(Entry::WaitingForOtherPart)
        );
        assert_eq!(
            apply(&mut ws, y(2022), den, m, "70", Some("41"), None),
            Ok(Entry::Recorded(RecordOutcome::Added))
        );
        assert_eq!(
            (
                cell_text(&ws, y(2022), num, m),
                cell_text(&ws, y(2022), den, m)
            ),
            ("41".into(), "70".into())
        );
        // 41 / 70 = 58,6 %
        let amount = ws.values.get(&key(num, y(2022), m)).unwrap().current.amount;
        assert_eq!(
            amount,
            Amount::Ratio {
                numerator: 41.0,
                denominator: 70.0
            }
        );
        assert_eq!(
            apply(&mut ws, y(2022), num, m, "", Some("70"), None),
            Ok(Entry::Removed)
        );
    }

    #[test]
    fn input_text_keeps_only_the_decimals_it_has() {
        assert_eq!(input_text(718.0), "718");
        assert_eq!(input_text(2035.0), "2.035");
        assert_eq!(input_text(1234.5), "1.234,5");
        assert_eq!(input_text(1234.56), "1.234,56");
        assert_eq!(input_text(0.1), "0,1");
    }

    #[test]
    fn blocks_from_excel() {
        assert_eq!(
            read_block("60\t24\t36\r\n55\t22\t33\r\n"),
            vec![vec!["60", "24", "36"], vec!["55", "22", "33"]]
        );
        assert_eq!(
            read_block("1.234,5\n\"7\"\n"),
            vec![vec!["1.234,5"], vec!["7"]]
        );
        assert!(is_block("60\n55\n"));
        assert!(is_block("60\t55"));
        assert!(!is_block("60\r\n"));
        assert!(!is_block("1.234,5"));
    }
}

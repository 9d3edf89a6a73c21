//! The value-entry grid ("Ist-Werte erfassen") without the browser: which columns a year shows, the text of a
//! cell, what typing into a cell does to the workspace, and how a block pasted from Excel is read.

use crate::core::calendar::{Date, Month, Year};
use crate::domain::indicator::{Aggregation, Denominator, IndicatorCode, Unit};
use crate::domain::values::{Amount, Population, RecordOutcome, ValueKey};
use crate::domain::workspace::Workspace;
use crate::locale::{Lang, format_decimal, format_for_input, parse_number_in};

/// Which part of a value a column edits.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Part {
    Number,
    Numerator,
    Denominator,
    /// A quota as a rate in %: shows the rate that numerator and denominator give, or takes a published rate.
    Rate,
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

/// The indicators whose values are entered for `year`, in this order: those the year's agreement targets (a
/// derived change such as K3 as its base figure LZB), then those that already have values in that year, then
/// `extra` (shown on the user's request, e.g. a denominator source without a target of its own).
pub fn indicators_shown(
    workspace: &Workspace,
    year: Year,
    extra: &[IndicatorCode],
) -> Vec<IndicatorCode> {
    let catalogue = workspace.catalogue();
    let mut shown: Vec<IndicatorCode> = Vec::new();
    let mut add = |code: &IndicatorCode| {
        let Some(indicator) = catalogue.get(code.as_str()) else {
            return;
        };
        let indicator = match &indicator.aggregation {
            Aggregation::ChangeVsPreviousYear { base } => match catalogue.get(base.as_str()) {
                Some(b) => b,
                None => return,
            },
            _ => indicator,
        };
        if indicator.takes_values() && !shown.contains(&indicator.code) {
            shown.push(indicator.code.clone());
        }
    };
    if let Some(agreement) = workspace.agreement_for(year) {
        for subject in agreement.targets.iter().filter_map(|t| t.format.subject()) {
            add(&subject.indicator);
        }
    }
    for value in workspace.values.iter().filter(|v| v.key.year == year) {
        add(&value.key.indicator);
    }
    for code in extra {
        add(code);
    }
    shown
}

/// The years the grid offers: every year with an agreement and the year before it (a target relative to the
/// previous year needs that year's figure), every year with values, the selected year and the current year;
/// ascending, without repeats.
pub fn years_offered(workspace: &Workspace, selected: Year, current: Option<Year>) -> Vec<Year> {
    let mut years: Vec<Year> = workspace
        .agreement_years()
        .into_iter()
        .flat_map(|y| [Some(y), y.previous()])
        .flatten()
        .chain(workspace.values.years())
        .chain([selected])
        .chain(current)
        .collect();
    years.sort_unstable();
    years.dedup();
    years
}

/// The years the other screens offer: those with an agreement, and the selected year even without one (a new
/// workspace shows its year, not an empty choice).
pub fn agreement_years_with(workspace: &Workspace, selected: Year) -> Vec<Year> {
    let mut years = workspace.agreement_years();
    if !years.contains(&selected) {
        years.push(selected);
        years.sort_unstable();
    }
    years
}

/// Indicators that take values and are not shown yet: what "Kennzahl einblenden" offers, as (code, name).
pub fn indicators_to_add(
    workspace: &Workspace,
    shown: &[IndicatorCode],
    lang: Lang,
) -> Vec<(IndicatorCode, String)> {
    workspace
        .catalogue()
        .all()
        .filter(|i| i.takes_values() && !shown.contains(&i.code))
        .map(|i| {
            (
                i.code.clone(),
                format!("{} – {}", i.code, i.display_name(lang)),
            )
        })
        .collect()
}

/// The columns for `year`: for each indicator of [`indicators_shown`] its three populations (total, women,
/// men), quotas with a numerator and a denominator column each.
pub fn columns(
    workspace: &Workspace,
    year: Year,
    extra: &[IndicatorCode],
    lang: Lang,
) -> Vec<Column> {
    let catalogue = workspace.catalogue();
    let mut columns = Vec::new();
    for code in indicators_shown(workspace, year, extra) {
        let Some(indicator) = catalogue.get(code.as_str()) else {
            continue;
        };
        for population in Population::ALL {
            let parts: &[(Part, &str)] = if indicator.is_quota() {
                &[
                    (Part::Numerator, lang.pick(" – Zähler", " – numerator")),
                    (Part::Denominator, lang.pick(" – Nenner", " – denominator")),
                    (Part::Rate, lang.pick(" – Quote in %", " – rate in %")),
                ]
            } else {
                &[(Part::Number, "")]
            };
            for (part, suffix) in parts {
                columns.push(Column {
                    indicator: indicator.code.clone(),
                    population,
                    part: *part,
                    indicator_name: indicator.display_name(lang).to_owned(),
                    label: format!("{}{suffix}", population.label(lang)),
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

/// A number as typed back into a cell (see [`format_for_input`]).
pub fn input_text(value: f64, lang: Lang) -> String {
    format_for_input(value, lang)
}

/// The text a cell shows for the stored value.
pub fn cell_text(
    workspace: &Workspace,
    year: Year,
    column: &Column,
    period: Period,
    lang: Lang,
) -> String {
    let Some(value) = workspace.values.get(&key(column, year, period)) else {
        return String::new();
    };
    match (value.current.amount, column.part) {
        (Amount::Number(v), Part::Number | Part::Rate) => input_text(v, lang),
        (Amount::Ratio { numerator, .. }, Part::Numerator) => input_text(numerator, lang),
        (Amount::Ratio { denominator, .. }, Part::Denominator) => input_text(denominator, lang),
        (amount @ Amount::Ratio { .. }, Part::Rate) => computed_rate(workspace, column, amount)
            .map_or_else(String::new, |r| format_decimal(r, 1, lang)),
        _ => String::new(),
    }
}

/// The rate that numerator and denominator give, as the engine reads the month: Σ/Σ quotas n ÷ d, Σ/Ø quotas
/// (K2) at the year's pace, 12 × n ÷ d.
fn computed_rate(workspace: &Workspace, column: &Column, amount: Amount) -> Option<f64> {
    let per_year = match workspace
        .catalogue()
        .get(column.indicator.as_str())
        .map(|i| &i.aggregation)
    {
        Some(Aggregation::Quota(Denominator::Average)) => 12.0,
        _ => 1.0,
    };
    amount.as_figure().map(|r| r * per_year)
}

/// Whether the cell shows a rate computed from numerator and denominator (not one typed as such).
pub fn is_computed(workspace: &Workspace, year: Year, column: &Column, period: Period) -> bool {
    column.part == Part::Rate
        && workspace
            .values
            .get(&key(column, year, period))
            .is_some_and(|v| matches!(v.current.amount, Amount::Ratio { .. }))
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
/// typed but unsaved parts). Errors are messages in `lang`; the workspace is unchanged then.
#[allow(clippy::too_many_arguments)]
pub fn apply(
    workspace: &mut Workspace,
    year: Year,
    column: &Column,
    period: Period,
    text: &str,
    other_part: Option<&str>,
    as_of: Option<Date>,
    lang: Lang,
) -> Result<Entry, String> {
    // A cell committed as it shows (Enter on an untouched cell) changes nothing, whatever it shows: a rate
    // computed from numerator and denominator must not become a typed rate.
    if text.trim() == cell_text(workspace, year, column, period, lang).trim() {
        return Ok(Entry::Unchanged);
    }
    let key = key(column, year, period);
    let existing = workspace.values.get(&key).map(|v| v.current.amount);
    let parse = |t: &str| -> Result<Option<f64>, String> {
        if t.trim().is_empty() {
            Ok(None)
        } else {
            parse_number_in(t, lang)
                .map(Some)
                .map_err(|e| e.message(lang))
        }
    };
    let negative = |t: &str| match lang {
        Lang::De => format!(
            "„{}“: negative Werte sind bei dieser Kennzahl nicht möglich.",
            t.trim()
        ),
        Lang::En => format!("“{}”: this indicator cannot be negative.", t.trim()),
    };
    let typed = parse(text)?;
    // Rates (in %) may fall below zero; counts, money and the parts of a quota may not.
    if let Some(v) = typed
        && v < 0.0
        && (column.unit != Unit::Percent || column.part != Part::Number)
    {
        return Err(negative(text));
    }
    let amount = match column.part {
        Part::Number | Part::Rate => typed.map(Amount::Number),
        Part::Numerator | Part::Denominator => {
            let other = match other_part {
                Some(t) => parse(t).map_err(|e| match lang {
                    Lang::De => format!("Im anderen Teil der Quote: {e}"),
                    Lang::En => format!("In the other part of the rate: {e}"),
                })?,
                None => None,
            };
            let (numerator, denominator) = if column.part == Part::Numerator {
                (typed, other)
            } else {
                (other, typed)
            };
            match (numerator, denominator) {
                (Some(n), Some(_)) if n < 0.0 => {
                    return Err(negative(other_part.unwrap_or_default()));
                }
                (Some(_), Some(d)) if d < 0.0 => {
                    return Err(negative(other_part.unwrap_or_default()));
                }
                (Some(n), Some(d)) => Some(Amount::Ratio {
                    numerator: n,
                    denominator: d,
                }),
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
    // Bounded to what the indicator can hold: a typo of a few digits too many never reaches the engine.
    if let (Some(a), Some(indicator)) =
        (amount, workspace.catalogue().get(column.indicator.as_str()))
    {
        indicator.check_amount(a).map_err(|e| e.message(lang))?;
    }
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

/// A block pasted from Excel or LibreOffice, cut to the grid: the cells that land inside it (rows by line,
/// cells by tab), and how many fall outside.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Block {
    pub cells: Vec<Vec<String>>,
    pub outside: usize,
}

/// Reads a pasted block for a grid that has `rows` rows and `cols` columns from the pasted cell on: only those
/// cells are taken apart; the rest is counted, never formatted or looked up, so that a paste of 100,000 lines
/// returns at once. A trailing line break and Windows line ends are fine; a cell in quotes (Excel quotes cells
/// with line breaks) loses its quotes.
pub fn read_block(text: &str, rows: usize, cols: usize) -> Block {
    let text = text
        .strip_suffix("\r\n")
        .or_else(|| text.strip_suffix('\n'))
        .unwrap_or(text);
    let cell = |c: &str| {
        let c = c.trim();
        c.strip_prefix('"')
            .and_then(|c| c.strip_suffix('"'))
            .map_or(c, |inner| inner)
            .replace("\"\"", "\"")
    };
    let mut block = Block::default();
    for (r, line) in text.split('\n').enumerate() {
        let line = line.trim_end_matches('\r');
        let count = line.bytes().filter(|b| *b == b'\t').count() + 1;
        if r >= rows {
            block.outside += count;
            continue;
        }
        block
            .cells
            .push(line.splitn(cols + 1, '\t').take(cols).map(cell).collect());
        block.outside += count.saturating_sub(cols);
    }
    block
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
        let cols = columns(&ws, y(2022), &[], Lang::De);
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
                "K2E3 Insgesamt – Quote in %",
                "K2E3 Frauen – Zähler",
                "K2E3 Frauen – Nenner",
                "K2E3 Frauen – Quote in %",
                "K2E3 Männer – Zähler",
                "K2E3 Männer – Nenner",
                "K2E3 Männer – Quote in %",
                "INT-U25-AUSB Insgesamt",
                "INT-U25-AUSB Frauen",
                "INT-U25-AUSB Männer",
            ]
        );
        assert_eq!(periods().len(), 13);
        assert!(columns(&ws, y(2030), &[], Lang::De).is_empty());
    }

    #[test]
    fn an_absurd_figure_is_refused_with_its_numbers() {
        let mut ws = odenwaldkreis();
        let before = ws.clone();
        let cols = columns(&ws, y(2022), &[], Lang::De);
        let jan = Month::new(1);
        // INT: 100.000.000 at most.
        assert_eq!(
            apply(
                &mut ws,
                y(2022),
                &cols[0],
                jan,
                "1.000.000.000",
                None,
                None,
                Lang::De
            ),
            Err(
                "1.000.000.000 ist größer, als diese Kennzahl sein kann (höchstens 100.000.000)"
                    .into()
            )
        );
        // K2E3 numerator 1, denominator 0,0000557.
        let numerator = cols
            .iter()
            .position(|c| c.indicator.as_str() == "K2E3")
            .unwrap();
        apply(
            &mut ws,
            y(2022),
            &cols[numerator],
            jan,
            "1",
            None,
            None,
            Lang::De,
        )
        .unwrap();
        assert_eq!(
            apply(&mut ws, y(2022), &cols[numerator + 1], jan, "0,0000557", Some("1"), None, Lang::De),
            Err("Zähler 1 und Nenner 0,0000557 ergeben eine Quote von 1.795.332 %; möglich sind höchstens 1.000 %".into())
        );
        assert_eq!(ws, before);
    }

    #[test]
    fn typing_records_replaces_and_removes() {
        let mut ws = odenwaldkreis();
        let col = columns(&ws, y(2022), &[], Lang::De).remove(0);
        let jan = Month::new(1);
        let d1 = Date::new(2022, 4, 30);
        assert_eq!(
            apply(&mut ws, y(2022), &col, jan, "64", None, d1, Lang::De),
            Ok(Entry::Recorded(RecordOutcome::Added))
        );
        assert_eq!(cell_text(&ws, y(2022), &col, jan, Lang::De), "64");
        assert_eq!(
            apply(&mut ws, y(2022), &col, jan, " 64 ", None, d1, Lang::De),
            Ok(Entry::Unchanged)
        );
        let d2 = Date::new(2022, 7, 31);
        assert_eq!(
            apply(&mut ws, y(2022), &col, jan, "1.066", None, d2, Lang::De),
            Ok(Entry::Recorded(RecordOutcome::Replaced))
        );
        assert_eq!(cell_text(&ws, y(2022), &col, jan, Lang::De), "1.066");
        let stored = ws.values.get(&key(&col, y(2022), jan)).unwrap();
        assert_eq!(stored.history.len(), 1);
        assert_eq!(stored.current.as_of, d2);
        assert_eq!(
            apply(&mut ws, y(2022), &col, jan, "", None, d2, Lang::De),
            Ok(Entry::Removed)
        );
        assert_eq!(cell_text(&ws, y(2022), &col, jan, Lang::De), "");
    }

    #[test]
    fn bad_input_is_a_german_message_and_changes_nothing() {
        let mut ws = odenwaldkreis();
        let before = ws.clone();
        let col = columns(&ws, y(2022), &[], Lang::De).remove(0);
        let err = apply(
            &mut ws,
            y(2022),
            &col,
            Month::new(1),
            "12.5",
            None,
            None,
            Lang::De,
        )
        .unwrap_err();
        assert_eq!(
            err,
            "„12.5“: Bitte das Komma als Dezimaltrennzeichen verwenden, z. B. 12,5."
        );
        let err = apply(
            &mut ws,
            y(2022),
            &col,
            Month::new(1),
            "-3",
            None,
            None,
            Lang::De,
        )
        .unwrap_err();
        assert_eq!(
            err,
            "„-3“: negative Werte sind bei dieser Kennzahl nicht möglich."
        );
        assert_eq!(ws, before);
    }

    #[test]
    fn quota_parts_wait_for_each_other() {
        let mut ws = odenwaldkreis();
        let cols = columns(&ws, y(2022), &[], Lang::De);
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
            apply(&mut ws, y(2022), num, m, "41", None, None, Lang::De),
            Ok(Entry::WaitingForOtherPart)
        );
        assert_eq!(
            apply(&mut ws, y(2022), den, m, "70", Some("41"), None, Lang::De),
            Ok(Entry::Recorded(RecordOutcome::Added))
        );
        assert_eq!(
            (
                cell_text(&ws, y(2022), num, m, Lang::De),
                cell_text(&ws, y(2022), den, m, Lang::De)
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
            apply(&mut ws, y(2022), num, m, "", Some("70"), None, Lang::De),
            Ok(Entry::Removed)
        );
    }

    #[test]
    fn input_text_keeps_only_the_decimals_it_has() {
        assert_eq!(input_text(718.0, Lang::De), "718");
        assert_eq!(input_text(2035.0, Lang::De), "2.035");
        assert_eq!(input_text(1234.5, Lang::De), "1.234,5");
        assert_eq!(input_text(1234.56, Lang::De), "1.234,56");
        assert_eq!(input_text(0.1, Lang::De), "0,1");
    }

    #[test]
    fn blocks_from_excel() {
        assert_eq!(
            read_block("60\t24\t36\r\n55\t22\t33\r\n", 13, 9).cells,
            vec![vec!["60", "24", "36"], vec!["55", "22", "33"]]
        );
        assert_eq!(
            read_block("1.234,5\n\"7\"\n", 13, 9).cells,
            vec![vec!["1.234,5"], vec!["7"]]
        );
        // Only what lands in the grid is taken apart; 3 of 9 cells fall outside a 2 × 2 grid.
        let block = read_block("1\t2\t3\n4\t5\t6\n7\t8\t9", 2, 2);
        assert_eq!(block.cells, vec![vec!["1", "2"], vec!["4", "5"]]);
        assert_eq!(block.outside, 5);
        // 100,000 lines × 50 cells: 13 × 24 taken, the rest counted.
        let line = vec!["1"; 50].join("\t");
        let huge = vec![line.as_str(); 100_000].join("\n");
        let block = read_block(&huge, 13, 24);
        assert_eq!((block.cells.len(), block.cells[0].len()), (13, 24));
        assert_eq!(block.outside, 100_000 * 50 - 13 * 24);
        assert!(is_block("60\n55\n"));
        assert!(is_block("60\t55"));
        assert!(!is_block("60\r\n"));
        assert!(!is_block("1.234,5"));
    }

    #[test]
    fn english_input_and_messages() {
        let mut ws = odenwaldkreis();
        let cols = columns(&ws, y(2022), &[], Lang::En);
        assert_eq!(cols[1].label, "Women");
        let col = cols[0].clone();
        let jan = Month::new(1);
        assert_eq!(
            apply(&mut ws, y(2022), &col, jan, "1,066", None, None, Lang::En),
            Ok(Entry::Recorded(RecordOutcome::Added))
        );
        assert_eq!(cell_text(&ws, y(2022), &col, jan, Lang::En), "1,066");
        assert_eq!(cell_text(&ws, y(2022), &col, jan, Lang::De), "1.066");
        assert_eq!(input_text(1234.5, Lang::En), "1,234.5");
        assert_eq!(input_text(0.25, Lang::En), "0.25");
        let before = ws.clone();
        assert_eq!(
            apply(&mut ws, y(2022), &col, jan, "-3", None, None, Lang::En),
            Err("“-3”: this indicator cannot be negative.".into())
        );
        let num = cols
            .iter()
            .find(|c| c.indicator.as_str() == "K2E3" && c.part == Part::Numerator)
            .unwrap();
        assert_eq!(num.label, "Total – numerator");
        assert_eq!(
            apply(
                &mut ws,
                y(2022),
                num,
                jan,
                "41",
                Some("-70"),
                None,
                Lang::En
            ),
            Err("“-70”: this indicator cannot be negative.".into())
        );
        assert_eq!(
            apply(
                &mut ws,
                y(2022),
                num,
                jan,
                "-41",
                Some("70"),
                None,
                Lang::De
            ),
            Err("„-41“: negative Werte sind bei dieser Kennzahl nicht möglich.".into())
        );
        assert_eq!(ws, before);
    }

    #[test]
    fn columns_follow_values_and_chosen_indicators() {
        let mut ws = odenwaldkreis();
        let shown = indicators_shown(&ws, y(2022), &[]);
        assert_eq!(
            shown.iter().map(|c| c.as_str()).collect::<Vec<_>>(),
            ["INT", "LZB", "LLU", "K2E3", "INT-U25-AUSB"]
        );
        // ELB has no target in 2022: offered, and once chosen it gets its three columns.
        let offered = indicators_to_add(&ws, &shown, Lang::De);
        assert!(offered.iter().any(|(c, _)| c.as_str() == "ELB"));
        assert!(!offered.iter().any(|(c, _)| c.as_str() == "INT"));
        // K3 is derived from LZB and never takes values of its own.
        assert!(!offered.iter().any(|(c, _)| c.as_str() == "K3"));
        let elb = IndicatorCode("ELB".into());
        let cols = columns(&ws, y(2022), std::slice::from_ref(&elb), Lang::De);
        assert_eq!(cols.len(), 21 + 3);
        assert_eq!(cols[21].indicator, elb);
        // A value of ELB keeps its columns without choosing it again.
        let col = cols[21].clone();
        apply(
            &mut ws,
            y(2022),
            &col,
            Month::new(2),
            "4.100",
            None,
            None,
            Lang::De,
        )
        .unwrap();
        assert_eq!(columns(&ws, y(2022), &[], Lang::De).len(), 24);
        // A year without agreement shows the indicators it has values for.
        let col_2030 = Column { ..col };
        apply(
            &mut ws,
            y(2030),
            &col_2030,
            Month::new(2),
            "4.000",
            None,
            None,
            Lang::De,
        )
        .unwrap();
        assert_eq!(columns(&ws, y(2030), &[], Lang::De).len(), 3);
    }
}

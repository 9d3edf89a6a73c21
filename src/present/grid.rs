//! The value-entry grid ("Ist-Werte erfassen") without the browser: which columns a year shows, the text of a
//! cell, what typing into a cell does to the workspace, and how a block pasted from Excel is read.

use crate::core::calendar::{Date, Month, Year};
use crate::domain::indicator::{Aggregation, Denominator, IndicatorCode, Unit};
use crate::domain::values::{Amount, Population, RecordOutcome, Value, ValueKey, Values};
use crate::domain::workspace::{SeriesView, ValuesEdit, Workspace};
use crate::locale::{Lang, format_decimal, format_for_input, parse_number_in};
use crate::tr;

mod edit;
pub mod window;

pub use edit::{At, Pasted, commit, paste, paste_message, period_label, place, replaced_parts};

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
    /// A Σ/Ø quota (K2): a month's rate is read at the year's pace, 12 × n ÷ d. From the catalogue when the
    /// columns are made, so that a cell reads its series alone.
    pub years_pace: bool,
}

impl Column {
    /// The values this column's cells read: its indicator and population in `year`.
    pub fn series<'a>(&'a self, values: &'a Values, year: Year) -> SeriesView<'a> {
        values.series_view(&self.indicator, self.population, year)
    }
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
    let mut last: Option<&IndicatorCode> = None;
    for value in workspace.values.iter_year(year) {
        // A year's values come by indicator: each code once.
        if last != Some(&value.key.indicator) {
            add(&value.key.indicator);
            last = Some(&value.key.indicator);
        }
    }
    for code in extra {
        add(code);
    }
    shown
}

/// The indicators a link to a cell of `year` opens the grid with: the linked one, and every indicator the next
/// year's targets need (a missing previous-year figure is rarely missing alone: a derived cap on LZB and a rate
/// floor on K2 both look back at `year`). Derived changes (K3) come as they are; [`indicators_shown`] shows their
/// base figure.
pub fn indicators_for_link(
    workspace: &Workspace,
    year: Year,
    linked: &IndicatorCode,
) -> Vec<IndicatorCode> {
    let mut codes = vec![linked.clone()];
    if let Some(next) = year.next().and_then(|n| workspace.agreement_for(n)) {
        for subject in next.targets.iter().filter_map(|t| t.format.subject()) {
            if !codes.contains(&subject.indicator) {
                codes.push(subject.indicator.clone());
            }
        }
    }
    codes
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
                    years_pace: matches!(
                        indicator.aggregation,
                        Aggregation::Quota(Denominator::Average)
                    ),
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
pub fn cell_text(series: &SeriesView, column: &Column, period: Period, lang: Lang) -> String {
    let Some(value) = series.get(period) else {
        return String::new();
    };
    match (value.current.amount, column.part) {
        (Amount::Number(v), Part::Number | Part::Rate) => input_text(v, lang),
        (Amount::Ratio { numerator, .. }, Part::Numerator) => input_text(numerator, lang),
        (Amount::Ratio { denominator, .. }, Part::Denominator) => input_text(denominator, lang),
        (amount @ Amount::Ratio { .. }, Part::Rate) => computed_rate(column, period, amount)
            .map_or_else(String::new, |r| format_decimal(r, RATE_DECIMALS, lang)),
        _ => String::new(),
    }
}

/// The decimals of a rate computed in the grid: one, as the BA publishes its rates, so that the cell can be
/// checked against the publication ("18,0" for 900 / 5.000 in the annual row).
pub const RATE_DECIMALS: usize = 1;

/// The rate that numerator and denominator give, as the engine reads it: Σ/Σ quotas n ÷ d; Σ/Ø quotas (K2) in
/// a month's row at the year's pace, 12 × n ÷ d, and in the annual row (a whole year's integrations over the
/// year's average stock) n ÷ d as it stands.
fn computed_rate(column: &Column, period: Period, amount: Amount) -> Option<f64> {
    let per_year = if period.is_some() && column.years_pace {
        12.0
    } else {
        1.0
    };
    amount.as_figure().map(|r| r * per_year)
}

/// The label of the read-only row under the annual value: the year's figure as the engine forms it from the
/// months (sum of a flow, average of a stock, the rate of the sums).
pub fn computed_row_label(lang: Lang) -> &'static str {
    lang.pick("Aus den Monaten", "From the months")
}

/// The text of a column's cell in the read-only row: the figure of the year the engine would judge by from the
/// months present – the sum of a flow ("9.000"), the average of a stock ("2.250"), a rate of the sums ("18,0") –
/// with "(bis Mai)" while months are missing; empty without months and for a quota's numerator and denominator.
/// Where an annual value is typed it still counts first (the notes under the grid say so when the two differ).
pub fn computed_year_text(
    workspace: &Workspace,
    year: Year,
    column: &Column,
    lang: Lang,
) -> String {
    if !matches!(column.part, Part::Number | Part::Rate) {
        return String::new();
    }
    let catalogue = workspace.catalogue();
    let Some(indicator) = catalogue.get(column.indicator.as_str()) else {
        return String::new();
    };
    let figures = crate::domain::attainment::year_figures(
        workspace,
        &catalogue,
        indicator,
        column.population,
        year,
    );
    let Some((index, value)) = figures
        .to_date
        .iter()
        .enumerate()
        .rev()
        .find_map(|(i, v)| v.map(|v| (i, v)))
    else {
        return String::new();
    };
    let text = match column.unit {
        Unit::Percent => format_decimal(value, RATE_DECIMALS, lang),
        Unit::Euro => format_decimal(value, 2, lang),
        Unit::Count | Unit::Persons => {
            format_decimal(value, crate::locale::decimals_of(value, 1), lang)
        }
    };
    let months = figures.months.iter().filter(|m| m.is_some()).count();
    match Month::new(index as i64 + 1) {
        Some(m) if months < 12 => tr!(
            lang,
            "{text} (bis {})",
            "{text} (to {})",
            crate::locale::month_name(m, lang)
        ),
        _ => text,
    }
}

/// Whether the cell shows a rate computed from numerator and denominator (not one typed as such).
pub fn is_computed(series: &SeriesView, column: &Column, period: Period) -> bool {
    column.part == Part::Rate
        && series
            .get(period)
            .is_some_and(|v| matches!(v.current.amount, Amount::Ratio { .. }))
}

/// What typing into a cell did.
#[derive(Clone, Debug, PartialEq)]
pub enum Entry {
    /// Stored (added or replacing the older value, which stays in the history).
    Recorded(RecordOutcome),
    /// A rate typed over a value of numerator and denominator: stored, and the parts are gone from the cell
    /// (they stay in the value's history). `before` is the value as it was, for the message and the undo.
    PartsReplaced { before: Box<Value> },
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
    edit: &mut ValuesEdit,
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
    if text.trim() == cell_text(&column.series(edit.values, year), column, period, lang).trim() {
        return Ok(Entry::Unchanged);
    }
    let key = key(column, year, period);
    let existing = edit.values.get(&key).map(|v| v.current.amount);
    let parse = |t: &str| -> Result<Option<f64>, String> {
        if t.trim().is_empty() {
            Ok(None)
        } else {
            parse_number_in(t, lang)
                .map(Some)
                .map_err(|e| e.message(lang))
        }
    };
    let negative = |t: &str| {
        tr!(
            lang,
            "„{}“: negative Werte sind bei dieser Kennzahl nicht möglich.",
            "“{}”: this indicator cannot be negative.",
            t.trim()
        )
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
                Some(t) => parse(t).map_err(|e| {
                    tr!(
                        lang,
                        "Im anderen Teil der Quote: {e}",
                        "In the other part of the rate: {e}"
                    )
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
        (amount, edit.meta.catalogue().get(column.indicator.as_str()))
    {
        indicator.check_amount(a).map_err(|e| e.message(lang))?;
    }
    match (amount, existing) {
        (None, None) => Ok(Entry::Unchanged),
        (None, Some(_)) => {
            edit.values.remove(&key);
            Ok(Entry::Removed)
        }
        (Some(a), Some(e)) if a == e => Ok(Entry::Unchanged),
        (Some(a), _) => {
            let before = edit.values.get(&key).cloned();
            let outcome = edit.values.record(key, a, as_of, "");
            match before {
                Some(before)
                    if outcome == RecordOutcome::Replaced
                        && matches!(before.current.amount, Amount::Ratio { .. })
                        && matches!(a, Amount::Number(_)) =>
                {
                    Ok(Entry::PartsReplaced {
                        before: Box::new(before),
                    })
                }
                _ => Ok(Entry::Recorded(outcome)),
            }
        }
    }
}

/// What "Rückgängig" after a rate typed over numerator and denominator puts back: each value as it was before,
/// with the value that replaced it (to tell whether anything changed since).
#[derive(Clone, Debug, PartialEq)]
pub struct PartsUndo {
    pub restore: Vec<(Value, Value)>,
}

/// The undo of the parts that a commit or a paste replaced by rates, and the sentence that says so: "Zähler 145
/// und Nenner 1.000 (Jahreswert, Integrationsquote Insgesamt) durch die Quote 14,5 % ersetzt." `None` when no
/// parts were replaced.
pub fn parts_replaced(
    workspace: &Workspace,
    columns: &[Column],
    replaced: &[(At, Value)],
    lang: Lang,
) -> Option<(String, PartsUndo)> {
    let mut said = Vec::new();
    let mut restore = Vec::new();
    for ((row, col), before) in replaced {
        let (Some(column), Some(period)) = (columns.get(*col), periods().get(*row).copied()) else {
            continue;
        };
        let Amount::Ratio {
            numerator,
            denominator,
        } = before.current.amount
        else {
            continue;
        };
        let Some(now) = workspace.values.get(&before.key) else {
            continue;
        };
        let rate = match now.current.amount {
            Amount::Number(v) => crate::locale::format_percent(v, decimals_of_rate(v), lang),
            Amount::Ratio { .. } => continue,
        };
        let (n, d) = (
            crate::locale::format_count(numerator, lang),
            crate::locale::format_count(denominator, lang),
        );
        // The value's place, without the part of the column typed into: "Jahreswert, Integrationsquote Insgesamt".
        let name = workspace
            .catalogue()
            .get(column.indicator.as_str())
            .map_or_else(
                || column.indicator.to_string(),
                |i| i.display_name(lang).to_owned(),
            );
        let place = format!(
            "{}, {name} {}",
            edit::period_label(period, lang),
            column.population.label(lang)
        );
        said.push(tr!(
            lang,
            "Zähler {n} und Nenner {d} ({place}) durch die Quote {rate} ersetzt",
            "Numerator {n} and denominator {d} ({place}) replaced by the rate {rate}"
        ));
        restore.push((before.clone(), now.clone()));
    }
    if restore.is_empty() {
        return None;
    }
    let mut text = said.join("; ");
    text.push_str(lang.pick(
        ". Sie stehen in der Historie des Werts; „Rückgängig“ stellt sie wieder her.",
        ". They remain in the value's history; “Undo” restores them.",
    ));
    Some((text, PartsUndo { restore }))
}

/// Puts back the values a [`PartsUndo`] holds, if none of them changed since; else the workspace is unchanged and
/// the message says why.
pub fn undo_parts(edit: &mut ValuesEdit, undo: &PartsUndo, lang: Lang) -> Result<(), String> {
    let changed = undo
        .restore
        .iter()
        .any(|(_, after)| edit.values.get(&after.key) != Some(after));
    if changed {
        return Err(lang
            .pick(
                "Nicht rückgängig gemacht: der Wert wurde inzwischen geändert.",
                "Not undone: the value has been changed since.",
            )
            .to_owned());
    }
    for (before, _) in &undo.restore {
        edit.values.put(before.clone());
    }
    Ok(())
}

/// The decimals of a typed rate in a message: as many as it has, at least one.
fn decimals_of_rate(v: f64) -> usize {
    crate::locale::decimals_of(v, 4).max(1)
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
mod tests;

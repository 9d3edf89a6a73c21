//! Values as CSV for German Excel, in the long format of SPEC S7: one value per line under the header
//! `Kennzahl;Personengruppe;Jahr;Monat;Wert;Zähler;Nenner;Datenstand;Kommentar`.
//!
//! Export writes UTF-8 with BOM, ";" and the decimal comma without thousands points ("2030", "58,1"), so that a
//! German Excel opens it with a double click and reads numbers as numbers. Text cells that a spreadsheet would
//! take for a formula get a leading apostrophe (formula injection).
//!
//! Import is tolerant of what Excel writes back (BOM or not, CRLF, LF or CR, quoted fields with line breaks,
//! ";" or tab or ",", Windows-1252 or UTF-16, columns in any order, extra columns) and strict about content:
//! every line is checked on its own, and the report says for each line whether its value is added, replaces
//! one, changes nothing, loses against a newer Datenstand, or is rejected and why. The result is a new
//! workspace that the user may accept; the one passed in is not changed.

use std::collections::HashMap;

use crate::core::calendar::{Date, Month, Year};
use crate::domain::indicator::Indicator;
use crate::domain::values::{Amount, Population, RecordOutcome, ValueKey};
use crate::domain::workspace::{Catalogue, Workspace};
use crate::locale::{Lang, NumberError, month_name, parse_date, parse_number_in};

use super::{MAX_CSV_BYTES, decode_text, describe_key, describe_revision, needs_guard, too_large};

/// The header of SPEC S7, in this order.
pub const HEADER: [&str; 9] = [
    "Kennzahl",
    "Personengruppe",
    "Jahr",
    "Monat",
    "Wert",
    "Zähler",
    "Nenner",
    "Datenstand",
    "Kommentar",
];

/// At most this many lines are read (20 years × 40 indicators × 3 groups × 13 periods is 31,200).
pub const MAX_LINES: usize = 100_000;

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
            key.population.label_de().to_owned(),
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
fn field(text: &str) -> String {
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

/// Undoes [`field`]'s guard: one leading apostrophe before a guarded character is dropped.
fn unguard(text: &str) -> &str {
    match text.strip_prefix('\'') {
        Some(rest) if needs_guard(rest) => rest,
        _ => text,
    }
}

/// What the import does with one line.
#[derive(Clone, Debug, PartialEq)]
pub enum Outcome {
    /// A new value.
    Added,
    /// Replaces the value shown (which goes into the value's history).
    Replaced { before: String },
    /// The same value is already there.
    Unchanged,
    /// A value with a newer Datenstand is there and stays; the line's value goes into its history.
    KeptNewer { existing: String },
    /// Not taken, for the reasons given.
    Rejected(String),
}

/// One line of the import report.
#[derive(Clone, Debug, PartialEq)]
pub struct Line {
    /// The line in the file where the record starts (1 = the header).
    pub number: usize,
    /// "INT Frauen, Mai 2022 = 62 (Datenstand 31.05.2022)", or the raw text of a rejected line.
    pub what: String,
    pub outcome: Outcome,
}

/// How many lines had which outcome.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    pub added: usize,
    pub replaced: usize,
    pub unchanged: usize,
    pub kept_newer: usize,
    pub rejected: usize,
}

/// What an import would do; nothing has changed yet.
#[derive(Clone, Debug, PartialEq)]
pub struct Import {
    /// The workspace with the file's values taken in, to be set only if the user accepts.
    pub workspace: Workspace,
    pub lines: Vec<Line>,
    /// The separator found: ';', '\t' or ','.
    pub separator: char,
}

impl Import {
    pub fn counts(&self) -> Counts {
        let mut c = Counts::default();
        for line in &self.lines {
            match line.outcome {
                Outcome::Added => c.added += 1,
                Outcome::Replaced { .. } => c.replaced += 1,
                Outcome::Unchanged => c.unchanged += 1,
                Outcome::KeptNewer { .. } => c.kept_newer += 1,
                Outcome::Rejected(_) => c.rejected += 1,
            }
        }
        c
    }

    /// Whether accepting would change the workspace.
    pub fn changes_anything(&self) -> bool {
        self.lines.iter().any(|l| {
            matches!(
                l.outcome,
                Outcome::Added | Outcome::Replaced { .. } | Outcome::KeptNewer { .. }
            )
        })
    }

    /// The lines for the report table: rejected ones first (they need the user's attention), then by line
    /// number; at most `limit`, with how many more there are.
    pub fn listed(&self, limit: usize) -> (Vec<&Line>, usize) {
        let mut lines: Vec<&Line> = self.lines.iter().collect();
        lines.sort_by_key(|l| (!matches!(l.outcome, Outcome::Rejected(_)), l.number));
        let more = lines.len().saturating_sub(limit);
        lines.truncate(limit);
        (lines, more)
    }

    /// "12 neu · 3 ersetzt · 1 unverändert · 0 älter als vorhanden · 2 abgelehnt".
    pub fn summary(&self, lang: Lang) -> String {
        let c = self.counts();
        match lang {
            Lang::De => format!(
                "{} neu · {} ersetzt · {} unverändert · {} älter als vorhanden · {} abgelehnt",
                c.added, c.replaced, c.unchanged, c.kept_newer, c.rejected
            ),
            Lang::En => format!(
                "{} new · {} replaced · {} unchanged · {} older than existing · {} rejected",
                c.added, c.replaced, c.unchanged, c.kept_newer, c.rejected
            ),
        }
    }
}

impl Outcome {
    /// The outcome as a word or short sentence for the report table.
    pub fn text(&self, lang: Lang) -> String {
        match (self, lang) {
            (Outcome::Added, Lang::De) => "neu".into(),
            (Outcome::Added, Lang::En) => "new".into(),
            (Outcome::Replaced { before }, Lang::De) => format!("ersetzt {before}"),
            (Outcome::Replaced { before }, Lang::En) => format!("replaces {before}"),
            (Outcome::Unchanged, Lang::De) => "unverändert".into(),
            (Outcome::Unchanged, Lang::En) => "unchanged".into(),
            (Outcome::KeptNewer { existing }, Lang::De) => {
                format!("nicht übernommen: vorhanden ist {existing} (neuerer Datenstand)")
            }
            (Outcome::KeptNewer { existing }, Lang::En) => {
                format!("not taken: {existing} is there (newer as-of date)")
            }
            (Outcome::Rejected(reason), Lang::De) => format!("abgelehnt: {reason}"),
            (Outcome::Rejected(reason), Lang::En) => format!("rejected: {reason}"),
        }
    }
}

/// The columns an import understands, found by their header.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum Col {
    Indicator,
    Population,
    Year,
    Month,
    Value,
    Numerator,
    Denominator,
    AsOf,
    Comment,
}

impl Col {
    /// Header words in either language; compared after [`normalise`].
    fn from_header(text: &str) -> Option<Col> {
        Some(match normalise(text).as_str() {
            "kennzahl" | "indicator" | "code" => Col::Indicator,
            "personengruppe" | "gruppe" | "population" | "group" => Col::Population,
            "jahr" | "year" => Col::Year,
            "monat" | "month" => Col::Month,
            "wert" | "value" | "istwert" => Col::Value,
            "zaehler" | "numerator" => Col::Numerator,
            "nenner" | "denominator" => Col::Denominator,
            "datenstand" | "asof" | "asofdate" => Col::AsOf,
            "kommentar" | "comment" => Col::Comment,
            _ => return None,
        })
    }
}

/// Lower case, umlauts spelled out, only letters and digits: "Zähler " → "zaehler", "As of" → "asof".
fn normalise(text: &str) -> String {
    let mut out = String::new();
    for c in unguard(text.trim()).chars().flat_map(char::to_lowercase) {
        match c {
            'ä' => out.push_str("ae"),
            'ö' => out.push_str("oe"),
            'ü' => out.push_str("ue"),
            'ß' => out.push_str("ss"),
            c if c.is_alphanumeric() => out.push(c),
            _ => {}
        }
    }
    out
}

/// Reads a CSV file of values into a copy of `workspace` and reports every line. `Err` only when the file as a
/// whole cannot be a values file (empty, too large, no header); then there is nothing to accept.
pub fn import(workspace: &Workspace, bytes: &[u8], lang: Lang) -> Result<Import, String> {
    if bytes.len() > MAX_CSV_BYTES {
        return Err(too_large(bytes.len() as f64, MAX_CSV_BYTES, lang));
    }
    if bytes.contains(&0) && !bytes.starts_with(b"\xFF\xFE") && !bytes.starts_with(b"\xFE\xFF") {
        return Err(lang
            .pick(
                "Die Datei ist keine Textdatei (CSV). Bitte in Excel „Speichern unter“ → „CSV UTF-8 \
                 (durch Trennzeichen getrennt)“ wählen.",
                "The file is not a text (CSV) file. In Excel, use “Save as” → “CSV UTF-8 (comma delimited)”.",
            )
            .into());
    }
    let text = decode_text(bytes);
    let header_line = text.lines().find(|l| !l.trim().is_empty());
    let Some(header_line) = header_line else {
        return Err(lang
            .pick("Die Datei ist leer.", "The file is empty.")
            .into());
    };
    let separator = [';', '\t', ',']
        .into_iter()
        .find(|s| header_line.contains(*s))
        .unwrap_or(';');
    let (records, unclosed) = records(&text, separator);
    let mut records = records.into_iter().filter(|(_, fields)| !is_blank(fields));
    let Some((_, header)) = records.next() else {
        return Err(lang
            .pick("Die Datei ist leer.", "The file is empty.")
            .into());
    };
    let columns = columns(&header, lang)?;
    let count = records.clone().count();
    if count > MAX_LINES {
        return Err(match lang {
            Lang::De => format!(
                "Die Datei hat {count} Zeilen; gelesen werden höchstens {MAX_LINES}. Bitte in mehrere Dateien \
                 teilen."
            ),
            Lang::En => format!(
                "The file has {count} lines; at most {MAX_LINES} are read. Please split it into several files."
            ),
        });
    }
    // A comma-separated file cannot hold decimal commas unquoted: it comes from an English setting.
    let number_lang = if separator == ',' { Lang::En } else { Lang::De };
    let catalogue = workspace.catalogue();
    let mut result = workspace.clone();
    let mut seen: HashMap<ValueKey, usize> = HashMap::new();
    let mut lines = Vec::new();
    for (number, fields) in records {
        let line = match read_line(&fields, &columns, &catalogue, number_lang, lang) {
            Err(reason) => Line {
                number,
                what: fields.join(&separator.to_string()),
                outcome: Outcome::Rejected(reason),
            },
            Ok(row) => {
                let what = format!(
                    "{} = {}",
                    describe_key(&row.key, lang),
                    describe_revision(&row.key, &row.revision(), &catalogue, lang)
                );
                let outcome = if let Some(first) = seen.get(&row.key) {
                    Outcome::Rejected(match lang {
                        Lang::De => format!("derselbe Wert steht schon in Zeile {first}"),
                        Lang::En => format!("the same value is already in line {first}"),
                    })
                } else {
                    seen.insert(row.key.clone(), number);
                    let before = result
                        .values
                        .get(&row.key)
                        .map(|v| describe_revision(&row.key, &v.current, &catalogue, lang))
                        .unwrap_or_default();
                    match result
                        .values
                        .record(row.key, row.amount, row.as_of, &row.comment)
                    {
                        RecordOutcome::Added => Outcome::Added,
                        RecordOutcome::Replaced => Outcome::Replaced { before },
                        RecordOutcome::Unchanged => Outcome::Unchanged,
                        RecordOutcome::KeptNewer => Outcome::KeptNewer { existing: before },
                    }
                };
                Line {
                    number,
                    what,
                    outcome,
                }
            }
        };
        lines.push(line);
    }
    if let Some(number) = unclosed {
        lines.push(Line {
            number,
            what: String::new(),
            outcome: Outcome::Rejected(
                lang.pick(
                    "Ein Anführungszeichen wird nicht geschlossen; ab hier wurde die Datei nicht gelesen.",
                    "A quotation mark is never closed; the file was not read from here on.",
                )
                .into(),
            ),
        });
    }
    if lines.is_empty() {
        return Err(lang
            .pick(
                "Die Datei enthält nur die Kopfzeile und keine Werte.",
                "The file holds only the header and no values.",
            )
            .into());
    }
    Ok(Import {
        workspace: result,
        lines,
        separator,
    })
}

fn is_blank(fields: &[String]) -> bool {
    fields.iter().all(|f| f.trim().is_empty())
}

/// Splits text into records of fields, each with the line number where it starts. A quoted field may hold the
/// separator, doubled quotes and line breaks. The second result is the line of a quote never closed (the rest
/// of the file then belongs to that field and is dropped).
fn records(text: &str, separator: char) -> (Vec<(usize, Vec<String>)>, Option<usize>) {
    let mut out = Vec::new();
    let mut fields = Vec::new();
    let mut field = String::new();
    let mut line = 1;
    let mut start = 1;
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if quoted {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    field.push('"');
                }
                '"' => quoted = false,
                '\r' if chars.peek() == Some(&'\n') => {}
                c => {
                    if c == '\n' || c == '\r' {
                        line += 1;
                    }
                    field.push(c);
                }
            }
            continue;
        }
        match c {
            '"' if field.trim().is_empty() => {
                field.clear();
                quoted = true;
            }
            c if c == separator => fields.push(std::mem::take(&mut field)),
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' | '\r' => {
                fields.push(std::mem::take(&mut field));
                out.push((start, std::mem::take(&mut fields)));
                line += 1;
                start = line;
            }
            c => field.push(c),
        }
    }
    if quoted {
        return (out, Some(start));
    }
    if !field.is_empty() || !fields.is_empty() {
        fields.push(field);
        out.push((start, fields));
    }
    (out, None)
}

/// Maps the header to columns; `Err` names what is missing.
fn columns(header: &[String], lang: Lang) -> Result<HashMap<Col, usize>, String> {
    let mut columns = HashMap::new();
    for (i, name) in header.iter().enumerate() {
        if let Some(col) = Col::from_header(name)
            && columns.insert(col, i).is_some()
        {
            return Err(match lang {
                Lang::De => format!(
                    "Die Spalte „{}“ steht zweimal in der Kopfzeile.",
                    name.trim()
                ),
                Lang::En => format!("The column “{}” appears twice in the header.", name.trim()),
            });
        }
    }
    let has = |c| columns.contains_key(&c);
    let complete = has(Col::Indicator)
        && has(Col::Population)
        && has(Col::Year)
        && (has(Col::Value) || (has(Col::Numerator) && has(Col::Denominator)));
    if complete {
        return Ok(columns);
    }
    let found: String = header
        .iter()
        .map(|h| h.trim())
        .collect::<Vec<_>>()
        .join(";")
        .chars()
        .take(120)
        .collect();
    Err(match lang {
        Lang::De => format!(
            "Die erste Zeile muss die Spaltenköpfe enthalten: {}. Gefunden wurde: „{found}“.",
            HEADER.join(";")
        ),
        Lang::En => format!(
            "The first line must hold the column headers: {}. Found: “{found}”.",
            HEADER.join(";")
        ),
    })
}

/// A line read and checked, not yet recorded.
struct Row {
    key: ValueKey,
    amount: Amount,
    as_of: Option<Date>,
    comment: String,
}

impl Row {
    fn revision(&self) -> crate::domain::values::Revision {
        crate::domain::values::Revision {
            amount: self.amount,
            as_of: self.as_of,
            comment: self.comment.clone(),
        }
    }
}

/// Checks one line; every problem of the line in one German (or English) sentence.
fn read_line(
    fields: &[String],
    columns: &HashMap<Col, usize>,
    catalogue: &Catalogue,
    number_lang: Lang,
    lang: Lang,
) -> Result<Row, String> {
    let get = |col: Col| -> &str {
        columns
            .get(&col)
            .and_then(|&i| fields.get(i))
            .map_or("", |f| unguard(f.trim()).trim())
    };
    let mut problems: Vec<String> = Vec::new();
    let known = columns.values().copied().max().unwrap_or(0);
    if fields.iter().skip(known + 1).any(|f| !f.trim().is_empty()) {
        problems.push(
            lang.pick(
                "die Zeile hat mehr Spalten als die Kopfzeile",
                "the line has more columns than the header",
            )
            .into(),
        );
    }

    let indicator =
        read_indicator(get(Col::Indicator), catalogue, lang).map_err(|e| problems.push(e));
    let population = read_population(get(Col::Population), lang).map_err(|e| problems.push(e));
    let year = read_year(get(Col::Year), lang).map_err(|e| problems.push(e));
    let month = read_month(get(Col::Month), lang).map_err(|e| problems.push(e));
    let as_of = match get(Col::AsOf) {
        "" => Ok(None),
        text => parse_date(text).map(Some).map_err(|_| {
            problems.push(match lang {
                Lang::De => format!("Datenstand „{text}“ ist kein Datum (TT.MM.JJJJ)"),
                Lang::En => format!("as-of date “{text}” is not a date (DD.MM.YYYY)"),
            })
        }),
    };
    let comment = get(Col::Comment).to_owned();
    if comment.chars().count() > 1000 {
        problems.push(
            lang.pick(
                "der Kommentar ist länger als 1.000 Zeichen",
                "the comment is longer than 1,000 characters",
            )
            .into(),
        );
    }
    let amount = match &indicator {
        Ok(ind) => read_amount(
            ind,
            get(Col::Value),
            get(Col::Numerator),
            get(Col::Denominator),
            number_lang,
            lang,
        )
        .map_err(|e| problems.push(e)),
        Err(()) => Err(()),
    };
    match (indicator, population, year, month, amount, as_of) {
        (Ok(indicator), Ok(population), Ok(year), Ok(month), Ok(amount), Ok(as_of))
            if problems.is_empty() =>
        {
            Ok(Row {
                key: ValueKey {
                    indicator: indicator.code.clone(),
                    population,
                    year,
                    month,
                },
                amount,
                as_of,
                comment,
            })
        }
        _ => Err(problems.join("; ")),
    }
}

fn read_indicator<'c>(
    text: &str,
    catalogue: &'c Catalogue,
    lang: Lang,
) -> Result<&'c Indicator, String> {
    if text.is_empty() {
        return Err(lang
            .pick("die Kennzahl fehlt", "the indicator is missing")
            .into());
    }
    let indicator = catalogue
        .all()
        .find(|i| i.code.as_str().eq_ignore_ascii_case(text))
        .ok_or_else(|| match lang {
            Lang::De => format!("die Kennzahl „{}“ gibt es nicht", shorten(text)),
            Lang::En => format!("there is no indicator “{}”", shorten(text)),
        })?;
    if !indicator.takes_values() {
        return Err(match lang {
            Lang::De => format!(
                "{} wird aus den Werten des Vorjahres berechnet und nimmt keine eigenen Werte an",
                indicator.code
            ),
            Lang::En => format!(
                "{} is computed from the previous year's values and takes no values of its own",
                indicator.code
            ),
        });
    }
    Ok(indicator)
}

fn read_population(text: &str, lang: Lang) -> Result<Population, String> {
    match normalise(text).as_str() {
        "insgesamt" | "gesamt" | "alle" | "total" | "all" => Ok(Population::Total),
        "frauen" | "weiblich" | "women" | "female" => Ok(Population::Women),
        "maenner" | "maennlich" | "men" | "male" => Ok(Population::Men),
        "" => Err(lang
            .pick("die Personengruppe fehlt", "the population is missing")
            .into()),
        _ => Err(match lang {
            Lang::De => format!(
                "Personengruppe „{}“ ist nicht Insgesamt, Frauen oder Männer",
                shorten(text)
            ),
            Lang::En => format!(
                "population “{}” is not Insgesamt (total), Frauen (women) or Männer (men)",
                shorten(text)
            ),
        }),
    }
}

fn read_year(text: &str, lang: Lang) -> Result<Year, String> {
    if text.is_empty() {
        return Err(lang.pick("das Jahr fehlt", "the year is missing").into());
    }
    text.parse::<i64>()
        .ok()
        .filter(|_| text.chars().all(|c| c.is_ascii_digit()))
        .and_then(Year::new)
        .ok_or_else(|| match lang {
            Lang::De => format!(
                "Jahr „{}“ ist keine Jahreszahl von {} bis {}",
                shorten(text),
                Year::MIN,
                Year::MAX
            ),
            Lang::En => format!(
                "year “{}” is not a year from {} to {}",
                shorten(text),
                Year::MIN,
                Year::MAX
            ),
        })
}

/// Empty for an annual value; 1–12, or a month's name in German or English ("Mai", "May", "Mrz" no).
fn read_month(text: &str, lang: Lang) -> Result<Option<Month>, String> {
    if text.is_empty() {
        return Ok(None);
    }
    let by_number = text
        .parse::<i64>()
        .ok()
        .filter(|_| text.chars().all(|c| c.is_ascii_digit()))
        .and_then(Month::new);
    let by_name = || {
        Month::all().find(|&m| {
            [Lang::De, Lang::En]
                .iter()
                .any(|&l| month_name(m, l).eq_ignore_ascii_case(text))
        })
    };
    by_number
        .or_else(by_name)
        .map(Some)
        .ok_or_else(|| match lang {
            Lang::De => format!(
                "Monat „{}“ ist keine Zahl von 1 bis 12 (leer für einen Jahreswert)",
                shorten(text)
            ),
            Lang::En => format!(
                "month “{}” is not a number from 1 to 12 (empty for an annual value)",
                shorten(text)
            ),
        })
}

fn read_amount(
    indicator: &Indicator,
    value: &str,
    numerator: &str,
    denominator: &str,
    number_lang: Lang,
    lang: Lang,
) -> Result<Amount, String> {
    let parse = |what: &str, text: &str| {
        parse_number_in(text, number_lang)
            .map_err(|e| format!("{what}: {}", number_message(&e, number_lang, lang)))
    };
    let code = &indicator.code;
    let bounded = |amount: Amount| {
        indicator
            .check_amount(amount)
            .map(|()| amount)
            .map_err(|e| e.message(lang))
    };
    if indicator.is_quota() && numerator.is_empty() && denominator.is_empty() && !value.is_empty() {
        // A published rate ("20,0 %") stands as a rate.
        let rate = parse(lang.pick("Wert", "value"), value)?;
        return bounded(Amount::number(rate).map_err(|e| e.to_string())?);
    }
    if indicator.is_quota() {
        if numerator.is_empty() || denominator.is_empty() {
            return Err(match lang {
                Lang::De => format!("{code} ist eine Quote: bitte Zähler und Nenner angeben"),
                Lang::En => format!("{code} is a quota: please give numerator and denominator"),
            });
        }
        let n = parse(lang.pick("Zähler", "numerator"), numerator);
        let d = parse(lang.pick("Nenner", "denominator"), denominator);
        let (n, d) = match (n, d) {
            (Ok(n), Ok(d)) => (n, d),
            (n, d) => {
                return Err([n.err(), d.err()]
                    .into_iter()
                    .flatten()
                    .collect::<Vec<_>>()
                    .join("; "));
            }
        };
        let amount = Amount::ratio(n, d).map_err(|_| {
            lang.pick(
                "Zähler und Nenner dürfen nicht negativ sein",
                "numerator and denominator must not be negative",
            )
            .to_owned()
        })?;
        if !value.is_empty() {
            let given = parse(lang.pick("Wert", "value"), value)?;
            let fits = amount.as_figure().is_some_and(|quota| {
                (given - quota).abs() <= 0.051 || (given * 100.0 - quota).abs() <= 0.051
            });
            if !fits {
                return Err(match lang {
                    Lang::De => format!(
                        "der Wert {value} passt nicht zu Zähler {numerator} und Nenner {denominator}"
                    ),
                    Lang::En => format!(
                        "the value {value} does not match numerator {numerator} and denominator {denominator}"
                    ),
                });
            }
        }
        return bounded(amount);
    }
    if !numerator.is_empty() || !denominator.is_empty() {
        return Err(match lang {
            Lang::De => format!("{code} ist keine Quote: Zähler und Nenner bitte leer lassen"),
            Lang::En => {
                format!("{code} is not a quota: please leave numerator and denominator empty")
            }
        });
    }
    if value.is_empty() {
        return Err(lang.pick("der Wert fehlt", "the value is missing").into());
    }
    let v = parse(lang.pick("Wert", "value"), value)?;
    bounded(Amount::number(v).map_err(|e| e.to_string())?)
}

/// Why a number in the file is not one, in the UI's language but by the file's notation: a German file read in
/// the English UI still asks for a decimal comma, and a comma-separated file in the German UI for a point.
fn number_message(error: &NumberError, file: Lang, lang: Lang) -> String {
    match (file, lang, error) {
        (Lang::De, Lang::En, NumberError::Invalid(t)) => format!(
            "“{t}” is not a number. This file uses digits, a decimal comma, thousands points and a sign, e.g. 1.234,5."
        ),
        (Lang::De, Lang::En, NumberError::DecimalPoint(t)) => format!(
            "“{t}”: this file uses the decimal comma, e.g. {}.",
            t.replacen('.', ",", 1)
        ),
        (Lang::De, Lang::En, NumberError::Grouping(t)) => format!(
            "“{t}”: thousands points only separate groups of three digits, e.g. 1.234.567,5."
        ),
        (Lang::De, Lang::En, NumberError::TwoCommas(t)) => {
            format!("“{t}” contains more than one decimal comma.")
        }
        (Lang::En, Lang::De, NumberError::Invalid(t)) => format!(
            "„{t}“ ist keine Zahl. In dieser kommagetrennten Datei gilt der Dezimalpunkt, z. B. 1234.5."
        ),
        (Lang::En, Lang::De, NumberError::DecimalPoint(t)) => format!(
            "„{t}“: In dieser kommagetrennten Datei ist der Punkt das Dezimaltrennzeichen, z. B. {}.",
            t.replacen(',', ".", 1)
        ),
        (Lang::En, Lang::De, NumberError::Grouping(t)) => format!(
            "„{t}“: Tausendertrennzeichen stehen nur zwischen Dreiergruppen, z. B. 1,234,567.5."
        ),
        (Lang::En, Lang::De, NumberError::TwoCommas(t)) => {
            format!("„{t}“ enthält mehr als einen Dezimalpunkt.")
        }
        _ => error.message(lang),
    }
}

/// At most 40 characters of what the user wrote, for messages.
fn shorten(text: &str) -> String {
    if text.chars().count() > 40 {
        format!("{}…", text.chars().take(40).collect::<String>())
    } else {
        text.to_owned()
    }
}

#[cfg(test)]
mod tests;

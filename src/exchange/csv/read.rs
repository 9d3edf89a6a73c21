//! Reading one CSV line: the header's columns, the key (indicator, population, year, month), the amount and
//! the Datenstand, each with a message that says what is wrong in the user's language.

use super::*;
use crate::tr;

/// Maps the header to columns; `Err` names what is missing.
pub(super) fn columns(header: &[String], lang: Lang) -> Result<HashMap<Col, usize>, String> {
    let mut columns = HashMap::new();
    for (i, name) in header.iter().enumerate() {
        if let Some(col) = Col::from_header(name)
            && columns.insert(col, i).is_some()
        {
            return Err(tr!(
                lang,
                "Die Spalte „{}“ steht zweimal in der Kopfzeile.",
                "The column “{}” appears twice in the header.",
                name.trim()
            ));
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
    Err(tr!(
        lang,
        "Die erste Zeile muss die Spaltenköpfe enthalten: {}. Gefunden wurde: „{found}“.",
        "The first line must hold the column headers: {}. Found: “{found}”.",
        HEADER.join(";")
    ))
}

/// A line read and checked, not yet recorded.
pub(super) struct Row {
    pub(super) key: ValueKey,
    pub(super) amount: Amount,
    pub(super) as_of: Option<Date>,
    pub(super) comment: String,
}

impl Row {
    pub(super) fn revision(&self) -> crate::domain::values::Revision {
        crate::domain::values::Revision {
            amount: self.amount,
            as_of: self.as_of,
            comment: self.comment.clone(),
        }
    }
}

/// Checks one line; every problem of the line in one German (or English) sentence.
pub(super) fn read_line(
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
            problems.push(tr!(
                lang,
                "Datenstand „{text}“ ist kein Datum (TT.MM.JJJJ)",
                "as-of date “{text}” is not a date (DD.MM.YYYY)"
            ))
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

pub(super) fn read_indicator<'c>(
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
        .ok_or_else(|| {
            tr!(
                lang,
                "die Kennzahl „{}“ gibt es nicht",
                "there is no indicator “{}”",
                shorten(text)
            )
        })?;
    if !indicator.takes_values() {
        return Err(tr!(
            lang,
            "{} wird aus den Werten des Vorjahres berechnet und nimmt keine eigenen Werte an",
            "{} is computed from the previous year's values and takes no values of its own",
            indicator.code
        ));
    }
    Ok(indicator)
}

pub(super) fn read_population(text: &str, lang: Lang) -> Result<Population, String> {
    match normalise(text).as_str() {
        "insgesamt" | "gesamt" | "alle" | "total" | "all" => Ok(Population::Total),
        "frauen" | "weiblich" | "women" | "female" => Ok(Population::Women),
        "maenner" | "maennlich" | "men" | "male" => Ok(Population::Men),
        "" => Err(lang
            .pick("die Personengruppe fehlt", "the population is missing")
            .into()),
        _ => Err(tr!(
            lang,
            "Personengruppe „{}“ ist nicht Insgesamt, Frauen oder Männer",
            "population “{}” is not Insgesamt (total), Frauen (women) or Männer (men)",
            shorten(text)
        )),
    }
}

pub(super) fn read_year(text: &str, lang: Lang) -> Result<Year, String> {
    if text.is_empty() {
        return Err(lang.pick("das Jahr fehlt", "the year is missing").into());
    }
    text.parse::<i64>()
        .ok()
        .filter(|_| text.chars().all(|c| c.is_ascii_digit()))
        .and_then(Year::new)
        .ok_or_else(|| {
            tr!(
                lang,
                "Jahr „{}“ ist keine Jahreszahl von {} bis {}",
                "year “{}” is not a year from {} to {}",
                shorten(text),
                Year::MIN,
                Year::MAX
            )
        })
}

/// Empty for an annual value; 1–12, or a month's name in German or English ("Mai", "May", "Mrz" no).
pub(super) fn read_month(text: &str, lang: Lang) -> Result<Option<Month>, String> {
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
    by_number.or_else(by_name).map(Some).ok_or_else(|| {
        tr!(
            lang,
            "Monat „{}“ ist keine Zahl von 1 bis 12 (leer für einen Jahreswert)",
            "month “{}” is not a number from 1 to 12 (empty for an annual figure)",
            shorten(text)
        )
    })
}

pub(super) fn read_amount(
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
        return bounded(Amount::number(rate).map_err(|e| e.message(lang))?);
    }
    if indicator.is_quota() {
        if numerator.is_empty() || denominator.is_empty() {
            return Err(tr!(
                lang,
                "{code} ist eine Quote: bitte Zähler und Nenner angeben",
                "{code} is a quota: please give numerator and denominator"
            ));
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
        let amount = Amount::ratio(n, d).map_err(|e| e.message(lang))?;
        if !value.is_empty() {
            let given = parse(lang.pick("Wert", "value"), value)?;
            let fits = amount.as_figure().is_some_and(|quota| {
                (given - quota).abs() <= 0.051 || (given * 100.0 - quota).abs() <= 0.051
            });
            if !fits {
                return Err(tr!(
                    lang,
                    "der Wert {value} passt nicht zu Zähler {numerator} und Nenner {denominator}",
                    "the value {value} does not match numerator {numerator} and denominator {denominator}"
                ));
            }
        }
        return bounded(amount);
    }
    if !numerator.is_empty() || !denominator.is_empty() {
        return Err(tr!(
            lang,
            "{code} ist keine Quote: Zähler und Nenner bitte leer lassen",
            "{code} is not a quota: please leave numerator and denominator empty"
        ));
    }
    if value.is_empty() {
        return Err(lang.pick("der Wert fehlt", "the value is missing").into());
    }
    let v = parse(lang.pick("Wert", "value"), value)?;
    bounded(Amount::number(v).map_err(|e| e.message(lang))?)
}

/// Why a number in the file is not one, in the UI's language but by the file's notation: a German file read in
/// the English UI still asks for a decimal comma, and a comma-separated file in the German UI for a point.
pub(super) fn number_message(error: &NumberError, file: Lang, lang: Lang) -> String {
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
pub(super) fn shorten(text: &str) -> String {
    if text.chars().count() > 40 {
        format!("{}…", text.chars().take(40).collect::<String>())
    } else {
        text.to_owned()
    }
}
/// Undoes [`field`]'s guard: one leading apostrophe before a guarded character is dropped.
pub(super) fn unguard(text: &str) -> &str {
    match text.strip_prefix('\'') {
        Some(rest) if needs_guard(rest) => rest,
        _ => text,
    }
}

//! Building targets from the form as typed, with every problem by field. Pure steps: each field group is read
//! on its own (`read_parts`, `read_quota_increase`, `read_change`, `read_relative_change`, `read_description`,
//! `indicator_problem`), `formats` turns them into a target format per slot, and `build` gives the ids.

use super::*;
use crate::domain::indicator::{Indicator, Unit};
use crate::tr;

/// What saving the form does.
#[derive(Clone, Debug, PartialEq)]
pub struct Built {
    /// Targets to add or replace.
    pub put: Vec<Target>,
    /// Targets of the group whose value was emptied.
    pub remove: Vec<TargetId>,
}

/// Problems by field, in the order the form shows its fields.
type Problems = Vec<(Field, String)>;

/// Builds the targets from the form as typed in `lang`, or lists every problem by field in `lang` (those of
/// the format's fields first, then the indicator's).
pub fn build(
    draft: &Draft,
    catalogue: &Catalogue,
    next_id: TargetId,
    lang: Lang,
) -> Result<Built, Problems> {
    let indicator = IndicatorCode::new(draft.indicator.trim());
    let known = catalogue.get(indicator.as_str());
    let formats = formats(draft, &indicator, known, lang);
    let indicator_problem = draft
        .kind
        .has_indicator()
        .then(|| indicator_problem(draft.kind, &indicator, known, lang))
        .flatten();
    match (formats, indicator_problem) {
        (Ok(formats), None) => Ok(targets(draft, formats, next_id)),
        (Ok(_), Some(problem)) => Err(vec![problem]),
        (Err(mut problems), problem) => {
            problems.extend(problem);
            Err(problems)
        }
    }
}

/// What the form's fields say before the targets get their ids: a format per slot (0 the total or the one
/// target, 1 women, 2 men) and the targets of emptied parts.
#[derive(Clone, Debug, PartialEq)]
struct Formats {
    put: Vec<(usize, TargetFormat)>,
    remove: Vec<TargetId>,
}

impl Formats {
    fn one(format: TargetFormat) -> Formats {
        Formats {
            put: vec![(0, format)],
            remove: Vec::new(),
        }
    }
}

/// The target formats the draft's fields give for `indicator` (`known` if it is in the catalogue).
fn formats(
    draft: &Draft,
    indicator: &IndicatorCode,
    known: Option<&Indicator>,
    lang: Lang,
) -> Result<Formats, Problems> {
    let subject = |population: Population| Subject {
        indicator: indicator.clone(),
        population,
    };
    let population = draft.population.unwrap_or(Population::Total);
    let format = match draft.kind {
        Kind::Minimum | Kind::Maximum => {
            let mut formats = Formats {
                put: Vec::new(),
                remove: Vec::new(),
            };
            for (i, value) in read_parts(draft, lang)?.into_iter().enumerate() {
                let subject = subject(Population::ALL[i]);
                match value {
                    Some(target) if draft.kind == Kind::Minimum => formats
                        .put
                        .push((i, TargetFormat::Minimum { subject, target })),
                    Some(cap) => formats
                        .put
                        .push((i, TargetFormat::Maximum { subject, cap })),
                    None => formats.remove.extend(draft.ids[i]),
                }
            }
            return Ok(formats);
        }
        Kind::QuotaIncrease => {
            let (baseline, change, target) = read_quota_increase(draft, lang)?;
            TargetFormat::QuotaIncrease {
                subject: subject(population),
                baseline,
                change,
                unit: draft.unit.unwrap_or(default_unit(Kind::QuotaIncrease)),
                target,
            }
        }
        Kind::ChangeVsPreviousYear => TargetFormat::ChangeVsPreviousYear {
            subject: subject(population),
            limit: draft.limit.unwrap_or(ChangeLimit::RiseAtMost),
            change: read_change(draft, lang)?,
            // As the form shows it: a count never changes by percentage points.
            unit: shown_unit(Kind::ChangeVsPreviousYear, draft.unit, known),
        },
        Kind::QuotaRelativeChange => {
            let (baseline, change_percent, target) = read_relative_change(draft, lang)?;
            TargetFormat::QuotaRelativeChange {
                subject: subject(population),
                baseline,
                change_percent,
                target,
            }
        }
        Kind::Monitoring => TargetFormat::Monitoring {
            subject: subject(population),
        },
        Kind::Qualitative => TargetFormat::Qualitative {
            description: read_description(draft, lang)?,
            status: draft.status.unwrap_or(ManualStatus::Open),
        },
    };
    Ok(Formats::one(format))
}

/// The targets of `formats` with the draft's title, category and notes: a slot's own id where the draft edits
/// one, else the next free ids from `next_id` on, in slot order.
fn targets(draft: &Draft, formats: Formats, mut next_id: TargetId) -> Built {
    let category = draft
        .category
        .unwrap_or(if draft.kind == Kind::Qualitative {
            Category::Qualitative
        } else {
            Category::Federal
        });
    let put = formats
        .put
        .into_iter()
        .map(|(slot, format)| {
            let id = draft.ids[slot].unwrap_or_else(|| {
                let id = next_id;
                next_id = TargetId(next_id.0 + 1);
                id
            });
            Target {
                id,
                title: draft.title.trim().to_owned(),
                category,
                format,
                notes: draft.notes.clone(),
            }
        })
        .collect();
    Built {
        put,
        remove: formats.remove,
    }
}

/// One number field as typed in `lang`: `None` when empty (a problem when `required`), the parser's message
/// when it is not a number.
fn read_number(text: &str, required: bool, lang: Lang) -> Result<Option<f64>, String> {
    if text.trim().is_empty() {
        return if required {
            Err(lang
                .pick("Bitte eine Zahl eingeben.", "Please enter a number.")
                .to_owned())
        } else {
            Ok(None)
        };
    }
    parse_number_in(text, lang)
        .map(Some)
        .map_err(|e| e.message(lang))
}

/// Collects the problems of one field group while its fields are read.
struct Reader {
    lang: Lang,
    problems: Problems,
}

impl Reader {
    fn new(lang: Lang) -> Reader {
        Reader {
            lang,
            problems: Vec::new(),
        }
    }
    /// A number field; its problem is noted.
    fn number(&mut self, field: Field, text: &str, required: bool) -> Option<f64> {
        read_number(text, required, self.lang).unwrap_or_else(|message| {
            self.problems.push((field, message));
            None
        })
    }
    fn problem(&mut self, field: Field, de: &'static str, en: &'static str) {
        self.problems
            .push((field, self.lang.pick(de, en).to_owned()));
    }
    /// `value` when the group had no problem.
    fn done<T>(self, value: T) -> Result<T, Problems> {
        if self.problems.is_empty() {
            Ok(value)
        } else {
            Err(self.problems)
        }
    }
}

/// Total, women and men of a minimum or maximum: at least one, none negative; an empty one is `None`.
fn read_parts(draft: &Draft, lang: Lang) -> Result<[Option<f64>; 3], Problems> {
    let mut r = Reader::new(lang);
    let texts = [
        (Field::Total, &draft.total),
        (Field::Women, &draft.women),
        (Field::Men, &draft.men),
    ];
    let values = texts.map(|(field, text)| r.number(field, text, false));
    if texts.iter().all(|(_, text)| text.trim().is_empty()) {
        r.problem(
            Field::Total,
            "Bitte mindestens einen Zielwert eingeben.",
            "Please enter at least one target value.",
        );
    }
    for ((field, _), value) in texts.iter().zip(values) {
        if value.is_some_and(|v| v < 0.0) {
            r.problem(
                *field,
                "Der Zielwert darf nicht negativ sein.",
                "The target value must not be negative.",
            );
        }
    }
    r.done(values)
}

/// Baseline (if known), change and target of a rate with a target value.
fn read_quota_increase(draft: &Draft, lang: Lang) -> Result<(Option<f64>, f64, f64), Problems> {
    let mut r = Reader::new(lang);
    let baseline = r.number(Field::Baseline, &draft.baseline, false);
    let change = r.number(Field::Change, &draft.change, true);
    let target = r.number(Field::Target, &draft.target, true);
    match (change, target) {
        (Some(change), Some(target)) => r.done((baseline, change, target)),
        _ => Err(r.problems),
    }
}

/// The change against the previous year, without a sign (the limit gives the direction).
fn read_change(draft: &Draft, lang: Lang) -> Result<f64, Problems> {
    let mut r = Reader::new(lang);
    let change = r.number(Field::Change, &draft.change, true);
    match change {
        Some(change) if change < 0.0 => {
            r.problem(
                Field::Change,
                "Die Veränderung ohne Vorzeichen angeben; die Richtung steht in der Grenze.",
                "Enter the change without a sign; the limit gives the direction.",
            );
            Err(r.problems)
        }
        Some(change) => r.done(change),
        None => Err(r.problems),
    }
}

/// Baseline, change in per cent and target of a rate's relative change. Two of the three are enough: the
/// third follows ("um 7,3 % von 13,7 %" gives 14,70 %).
fn read_relative_change(draft: &Draft, lang: Lang) -> Result<(f64, f64, f64), Problems> {
    let mut r = Reader::new(lang);
    let fields = [
        (Field::Baseline, &draft.baseline),
        (Field::Change, &draft.change),
        (Field::Target, &draft.target),
    ];
    let typed = fields.map(|(field, text)| r.number(field, text, false));
    match relative_change(typed) {
        Some(three) => r.done(three),
        None => {
            for (field, text) in fields {
                if text.trim().is_empty() {
                    r.problem(
                        field,
                        "Bitte mindestens zwei der drei Zahlen eingeben; die dritte ergibt sich.",
                        "Please enter at least two of the three numbers; the third follows.",
                    );
                }
            }
            Err(r.problems)
        }
    }
}

/// The description of a qualitative goal, trimmed; it must not be empty.
fn read_description(draft: &Draft, lang: Lang) -> Result<String, Problems> {
    let description = draft.description.trim();
    if description.is_empty() {
        let mut r = Reader::new(lang);
        r.problem(
            Field::Description,
            "Bitte das Ziel beschreiben.",
            "Please describe the goal.",
        );
        return Err(r.problems);
    }
    Ok(description.to_owned())
}

/// What is wrong with the chosen indicator for a format of `kind`: none chosen, not in the catalogue, or not a
/// rate where the format needs one.
fn indicator_problem(
    kind: Kind,
    indicator: &IndicatorCode,
    known: Option<&Indicator>,
    lang: Lang,
) -> Option<(Field, String)> {
    let message = match known {
        None if indicator.as_str().is_empty() => lang
            .pick("Bitte eine Kennzahl wählen.", "Please choose an indicator.")
            .to_owned(),
        None => tr!(
            lang,
            "Die Kennzahl „{indicator}“ ist nicht im Katalog.",
            "The indicator “{indicator}” is not in the catalogue."
        ),
        Some(ind)
            if matches!(kind, Kind::QuotaIncrease | Kind::QuotaRelativeChange)
                && ind.unit != Unit::Percent =>
        {
            match lang {
                Lang::De => format!(
                    "„{}“ ist keine Quote; dieses Format passt nur zu Quoten.",
                    ind.name
                ),
                Lang::En => format!(
                    "“{}” is not a rate; this format only applies to rates.",
                    ind.display_name(lang)
                ),
            }
        }
        Some(_) => return None,
    };
    Some((Field::Indicator, message))
}

#[cfg(test)]
mod tests;

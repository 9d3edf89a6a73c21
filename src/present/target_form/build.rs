//! Building targets from the form as typed, with every problem by field.

use super::*;
use crate::tr;

/// What saving the form does.
#[derive(Clone, Debug, PartialEq)]
pub struct Built {
    /// Targets to add or replace.
    pub put: Vec<Target>,
    /// Targets of the group whose value was emptied.
    pub remove: Vec<TargetId>,
}

/// Builds the targets from the form as typed in `lang`, or lists every problem by field in `lang`.
pub fn build(
    draft: &Draft,
    catalogue: &Catalogue,
    mut next_id: TargetId,
    lang: Lang,
) -> Result<Built, Vec<(Field, String)>> {
    let mut errors = Vec::new();
    let mut number = |field: Field, text: &str, required: bool| -> Option<f64> {
        if text.trim().is_empty() {
            if required {
                errors.push((
                    field,
                    lang.pick("Bitte eine Zahl eingeben.", "Please enter a number.")
                        .to_owned(),
                ));
            }
            return None;
        }
        match parse_number_in(text, lang) {
            Ok(v) => Some(v),
            Err(e) => {
                errors.push((field, e.message(lang)));
                None
            }
        }
    };
    let indicator = IndicatorCode::new(draft.indicator.trim());
    let known = catalogue.get(indicator.as_str());
    let mut fresh_id = |id: Option<TargetId>| {
        id.unwrap_or_else(|| {
            let id = next_id;
            next_id = TargetId(next_id.0 + 1);
            id
        })
    };
    let category = draft
        .category
        .unwrap_or(if draft.kind == Kind::Qualitative {
            Category::Qualitative
        } else {
            Category::Federal
        });
    let population = draft.population.unwrap_or(Population::Total);
    let subject = |p: Population| Subject {
        indicator: indicator.clone(),
        population: p,
    };
    let make = |id: TargetId, format: TargetFormat| Target {
        id,
        title: draft.title.trim().to_owned(),
        category,
        format,
        notes: draft.notes.clone(),
    };

    let mut put = Vec::new();
    let mut remove = Vec::new();
    match draft.kind {
        Kind::Minimum | Kind::Maximum => {
            let texts = [
                (&draft.total, Field::Total),
                (&draft.women, Field::Women),
                (&draft.men, Field::Men),
            ];
            let values: Vec<Option<f64>> =
                texts.iter().map(|(t, f)| number(*f, t, false)).collect();
            if values.iter().all(Option::is_none) && texts.iter().all(|(t, _)| t.trim().is_empty())
            {
                errors.push((
                    Field::Total,
                    lang.pick(
                        "Bitte mindestens einen Zielwert eingeben.",
                        "Please enter at least one target value.",
                    )
                    .into(),
                ));
            }
            for (i, value) in values.iter().enumerate() {
                if value.is_some_and(|v| v < 0.0) {
                    errors.push((
                        texts[i].1,
                        lang.pick(
                            "Der Zielwert darf nicht negativ sein.",
                            "The target value must not be negative.",
                        )
                        .into(),
                    ));
                }
            }
            if errors.is_empty() {
                for (i, value) in values.into_iter().enumerate() {
                    match value {
                        Some(v) => {
                            let s = subject(Population::ALL[i]);
                            let format = if draft.kind == Kind::Minimum {
                                TargetFormat::Minimum {
                                    subject: s,
                                    target: v,
                                }
                            } else {
                                TargetFormat::Maximum { subject: s, cap: v }
                            };
                            put.push((i, format));
                        }
                        None => remove.extend(draft.ids[i]),
                    }
                }
            }
        }
        Kind::QuotaIncrease => {
            let baseline = number(Field::Baseline, &draft.baseline, false);
            let change = number(Field::Change, &draft.change, true);
            let target = number(Field::Target, &draft.target, true);
            if let (Some(change), Some(target)) = (change, target) {
                let unit = draft.unit.unwrap_or(default_unit(Kind::QuotaIncrease));
                put.push((
                    0,
                    TargetFormat::QuotaIncrease {
                        subject: subject(population),
                        baseline,
                        change,
                        unit,
                        target,
                    },
                ));
            }
        }
        Kind::ChangeVsPreviousYear => {
            if let Some(change) = number(Field::Change, &draft.change, true) {
                if change < 0.0 {
                    errors.push((
                        Field::Change,
                        lang.pick(
                            "Die Veränderung ohne Vorzeichen angeben; die Richtung steht in der Grenze.",
                            "Enter the change without a sign; the limit gives the direction.",
                        )
                        .into(),
                    ));
                } else {
                    let limit = draft.limit.unwrap_or(ChangeLimit::RiseAtMost);
                    // As the form shows it: a count never changes by percentage points.
                    let unit = shown_unit(Kind::ChangeVsPreviousYear, draft.unit, known);
                    put.push((
                        0,
                        TargetFormat::ChangeVsPreviousYear {
                            subject: subject(population),
                            limit,
                            change,
                            unit,
                        },
                    ));
                }
            }
        }
        Kind::QuotaRelativeChange => {
            // Two of the three are enough: the third follows ("um 7,3 % von 13,7 %" gives 14,70 %).
            let typed = [
                number(Field::Baseline, &draft.baseline, false),
                number(Field::Change, &draft.change, false),
                number(Field::Target, &draft.target, false),
            ];
            match relative_change(typed) {
                Some((baseline, change_percent, target)) => put.push((
                    0,
                    TargetFormat::QuotaRelativeChange {
                        subject: subject(population),
                        baseline,
                        change_percent,
                        target,
                    },
                )),
                None => {
                    let fields = [Field::Baseline, Field::Change, Field::Target];
                    for (field, text) in
                        fields
                            .into_iter()
                            .zip([&draft.baseline, &draft.change, &draft.target])
                    {
                        if text.trim().is_empty() {
                            errors.push((
                                field,
                                lang.pick(
                                    "Bitte mindestens zwei der drei Zahlen eingeben; die dritte ergibt sich.",
                                    "Please enter at least two of the three numbers; the third follows.",
                                )
                                .into(),
                            ));
                        }
                    }
                }
            }
        }
        Kind::Monitoring => put.push((
            0,
            TargetFormat::Monitoring {
                subject: subject(population),
            },
        )),
        Kind::Qualitative => {
            if draft.description.trim().is_empty() {
                errors.push((
                    Field::Description,
                    lang.pick("Bitte das Ziel beschreiben.", "Please describe the goal.")
                        .into(),
                ));
            } else {
                put.push((
                    0,
                    TargetFormat::Qualitative {
                        description: draft.description.trim().to_owned(),
                        status: draft.status.unwrap_or(ManualStatus::Open),
                    },
                ));
            }
        }
    }
    if draft.kind.has_indicator() {
        match known {
            None if indicator.as_str().is_empty() => errors.push((
                Field::Indicator,
                lang.pick("Bitte eine Kennzahl wählen.", "Please choose an indicator.")
                    .into(),
            )),
            None => errors.push((
                Field::Indicator,
                tr!(
                    lang,
                    "Die Kennzahl „{indicator}“ ist nicht im Katalog.",
                    "The indicator “{indicator}” is not in the catalogue."
                ),
            )),
            Some(ind) => {
                let quota_format =
                    matches!(draft.kind, Kind::QuotaIncrease | Kind::QuotaRelativeChange);
                if quota_format && ind.unit != crate::domain::indicator::Unit::Percent {
                    errors.push((
                        Field::Indicator,
                        match lang {
                            Lang::De => format!(
                                "„{}“ ist keine Quote; dieses Format passt nur zu Quoten.",
                                ind.name
                            ),
                            Lang::En => format!(
                                "“{}” is not a rate; this format only applies to rates.",
                                ind.display_name(lang)
                            ),
                        },
                    ));
                }
            }
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let put = put
        .into_iter()
        .map(|(slot, format)| make(fresh_id(draft.ids[slot]), format))
        .collect();
    Ok(Built { put, remove })
}

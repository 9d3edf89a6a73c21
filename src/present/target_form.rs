//! The target form of the agreement editor without the browser: which fields a format asks for, loading a
//! target into the form, building targets from what was typed (with messages per field in the UI's language),
//! and the hint when the gender parts do not add up. Minimum and maximum targets are edited as a group: the total with the
//! parts for women and men next to it.

use crate::domain::agreement::{
    Agreement, Category, ChangeLimit, ChangeUnit, ManualStatus, Subject, Target, TargetFormat,
    TargetId, stated_figures_fit,
};
use crate::domain::indicator::IndicatorCode;
use crate::domain::values::Population;
use crate::domain::workspace::Catalogue;
use crate::locale::{Lang, format_count, parse_number_in};
use crate::tr;

/// The seven formats, as the form offers them.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Kind {
    #[default]
    Minimum,
    Maximum,
    QuotaIncrease,
    ChangeVsPreviousYear,
    QuotaRelativeChange,
    Monitoring,
    Qualitative,
}

impl Kind {
    pub const ALL: [Kind; 7] = [
        Kind::Minimum,
        Kind::Maximum,
        Kind::QuotaIncrease,
        Kind::ChangeVsPreviousYear,
        Kind::QuotaRelativeChange,
        Kind::Monitoring,
        Kind::Qualitative,
    ];
    pub fn slug(self) -> &'static str {
        match self {
            Kind::Minimum => "mindestens",
            Kind::Maximum => "hoechstens",
            Kind::QuotaIncrease => "quote_auf_zielwert",
            Kind::ChangeVsPreviousYear => "veraenderung_zum_vorjahr",
            Kind::QuotaRelativeChange => "quote_relativ",
            Kind::Monitoring => "monitoring",
            Kind::Qualitative => "qualitativ",
        }
    }
    pub fn from_slug(slug: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.slug() == slug)
    }
    /// The option text in `lang`, with an example from real agreements.
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Kind::Minimum => lang.pick(
                "Mindestwert (z. B. mindestens 770 Integrationen)",
                "Minimum (e.g. at least 770 integrations)",
            ),
            Kind::Maximum => lang.pick(
                "Obergrenze (z. B. Bestand LZB nicht über 2.020)",
                "Cap (e.g. long-term benefit recipients not above 2,020)",
            ),
            Kind::QuotaIncrease => lang.pick(
                "Quote mit Zielwert (z. B. steigt um 1,8 auf 58 %)",
                "Rate with target value (e.g. rises by 1.8 to 58 %)",
            ),
            Kind::ChangeVsPreviousYear => lang.pick(
                "Veränderung zum Vorjahr (z. B. steigt um maximal 14 %)",
                "Change on the previous year (e.g. rises by at most 14 %)",
            ),
            Kind::QuotaRelativeChange => lang.pick(
                "relative Veränderung einer Quote (z. B. um 7,3 % von 13,7 % auf 14,7 %)",
                "Relative change of a rate (e.g. by 7.3 % from 13.7 % to 14.7 %)",
            ),
            Kind::Monitoring => {
                lang.pick("Monitoring (ohne Zielwert)", "Monitoring (no target value)")
            }
            Kind::Qualitative => lang.pick(
                "qualitatives Ziel (Text, Bewertung von Hand)",
                "Qualitative goal (text, assessed by hand)",
            ),
        }
    }
    fn of(format: &TargetFormat) -> Kind {
        match format {
            TargetFormat::Minimum { .. } => Kind::Minimum,
            TargetFormat::Maximum { .. } => Kind::Maximum,
            TargetFormat::QuotaIncrease { .. } => Kind::QuotaIncrease,
            TargetFormat::ChangeVsPreviousYear { .. } => Kind::ChangeVsPreviousYear,
            TargetFormat::QuotaRelativeChange { .. } => Kind::QuotaRelativeChange,
            TargetFormat::Monitoring { .. } => Kind::Monitoring,
            TargetFormat::Qualitative { .. } => Kind::Qualitative,
        }
    }
    /// Whether the form shows total, women and men side by side.
    pub fn has_parts(self) -> bool {
        matches!(self, Kind::Minimum | Kind::Maximum)
    }
    /// Whether the form asks for an indicator.
    pub fn has_indicator(self) -> bool {
        self != Kind::Qualitative
    }
}

/// One option of a choice in the form: the value, its stable option value in the page (the same in both
/// languages), its German and English text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Choice<T: 'static> {
    pub value: T,
    pub key: &'static str,
    pub label_de: &'static str,
    pub label_en: &'static str,
}

impl<T> Choice<T> {
    /// The option text in `lang`.
    pub fn label(&self, lang: Lang) -> &'static str {
        lang.pick(self.label_de, self.label_en)
    }
}

const fn choice<T>(
    value: T,
    key: &'static str,
    label_de: &'static str,
    label_en: &'static str,
) -> Choice<T> {
    Choice {
        value,
        key,
        label_de,
        label_en,
    }
}

pub const POPULATIONS: &[Choice<Population>] = &[
    choice(Population::Total, "Insgesamt", "Insgesamt", "Total"),
    choice(Population::Women, "Frauen", "Frauen", "Women"),
    choice(Population::Men, "Männer", "Männer", "Men"),
];
pub const CATEGORIES: &[Choice<Category>] = &[
    choice(
        Category::Federal,
        "bundesziel",
        "Bundesziel",
        "Federal target",
    ),
    choice(
        Category::State,
        "landesspezifisch",
        "landesspezifisches Ziel",
        "State target",
    ),
    choice(Category::Local, "lokal", "lokales Ziel", "Local target"),
    choice(
        Category::Qualitative,
        "qualitativ",
        "qualitatives Ziel",
        "Qualitative goal",
    ),
];
pub const UNITS: &[Choice<ChangeUnit>] = &[
    choice(
        ChangeUnit::PercentagePoints,
        "Prozentpunkte",
        "Prozentpunkte",
        "Percentage points",
    ),
    choice(ChangeUnit::Percent, "%", "% (relativ)", "% (relative)"),
];
/// The limit continues the sentence "Der Wert …" / "The value …", so it starts in lower case.
pub const LIMITS: &[Choice<ChangeLimit>] = &[
    choice(
        ChangeLimit::RiseAtMost,
        "steigt_um_hoechstens",
        "steigt um höchstens",
        "rises by at most",
    ),
    choice(
        ChangeLimit::FallAtMost,
        "sinkt_um_hoechstens",
        "sinkt um höchstens",
        "falls by at most",
    ),
    choice(
        ChangeLimit::RiseAtLeast,
        "steigt_um_mindestens",
        "steigt um mindestens",
        "rises by at least",
    ),
    choice(
        ChangeLimit::FallAtLeast,
        "sinkt_um_mindestens",
        "sinkt um mindestens",
        "falls by at least",
    ),
];
pub const STATUSES: &[Choice<ManualStatus>] = &[
    choice(ManualStatus::Open, "offen", "offen", "Open"),
    choice(ManualStatus::Achieved, "erreicht", "erreicht", "Achieved"),
    choice(
        ManualStatus::PartlyAchieved,
        "teilweise_erreicht",
        "teilweise erreicht",
        "Partly achieved",
    ),
    choice(
        ManualStatus::NotAchieved,
        "nicht_erreicht",
        "nicht erreicht",
        "Not achieved",
    ),
];

/// The option value of `value`; "" when it is not set (or not in the table).
pub fn key_of<T: PartialEq>(table: &[Choice<T>], value: Option<T>) -> &'static str {
    value
        .and_then(|v| table.iter().find(|c| c.value == v))
        .map_or("", |c| c.key)
}

/// The value behind an option value; `None` for "" or an unknown key.
pub fn from_key<T: Copy>(table: &[Choice<T>], key: &str) -> Option<T> {
    table.iter().find(|c| c.key == key).map(|c| c.value)
}

/// A form field, for messages next to it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Field {
    Indicator,
    Total,
    Women,
    Men,
    Baseline,
    Change,
    Target,
    Description,
}

impl Field {
    /// The id of the input in the page (for `aria-describedby` and focus).
    pub fn id(self) -> &'static str {
        match self {
            Field::Indicator => "ziel-kennzahl",
            Field::Total => "ziel-insgesamt",
            Field::Women => "ziel-frauen",
            Field::Men => "ziel-maenner",
            Field::Baseline => "ziel-ausgangswert",
            Field::Change => "ziel-veraenderung",
            Field::Target => "ziel-zielwert",
            Field::Description => "ziel-beschreibung",
        }
    }
}

/// What the form holds, as typed.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Draft {
    pub kind: Kind,
    pub indicator: String,
    /// For formats without parts: whose figure.
    pub population: Option<Population>,
    pub category: Option<Category>,
    pub title: String,
    pub notes: String,
    pub total: String,
    pub women: String,
    pub men: String,
    pub baseline: String,
    pub change: String,
    pub unit: Option<ChangeUnit>,
    pub target: String,
    pub limit: Option<ChangeLimit>,
    pub description: String,
    pub status: Option<ManualStatus>,
    /// The targets being edited: total, women, men for a group; the first only otherwise.
    pub ids: [Option<TargetId>; 3],
}

/// A stored number as the form shows it for typing in `lang` ("2.020", "1,8" / "2,020", "1.8").
fn number_text(v: f64, lang: Lang) -> String {
    crate::locale::format_for_input(v, lang)
}

/// The form for an existing target (with its gender siblings for minimum and maximum), its numbers written
/// as typed in `lang`.
pub fn draft_for(agreement: &Agreement, id: TargetId, lang: Lang) -> Option<Draft> {
    let number_text = |v: f64| number_text(v, lang);
    let target = agreement.targets.iter().find(|t| t.id == id)?;
    let mut d = Draft {
        kind: Kind::of(&target.format),
        category: Some(target.category),
        title: target.title.clone(),
        notes: target.notes.clone(),
        ids: [Some(id), None, None],
        ..Draft::default()
    };
    if let Some(s) = target.format.subject() {
        d.indicator = s.indicator.0.clone();
        d.population = Some(s.population);
    }
    match &target.format {
        TargetFormat::Minimum { subject, .. } | TargetFormat::Maximum { subject, .. } => {
            let kind = d.kind;
            let value_of = |t: &Target| match t.format {
                TargetFormat::Minimum { target, .. } => Some(target),
                TargetFormat::Maximum { cap, .. } => Some(cap),
                _ => None,
            };
            let find = |p: Population| {
                agreement.targets.iter().find(|t| {
                    Kind::of(&t.format) == kind
                        && t.format
                            .subject()
                            .is_some_and(|s| s.indicator == subject.indicator && s.population == p)
                })
            };
            // Edit the whole group when the target is part of one with a total.
            let group: Vec<Option<&Target>> =
                if subject.population == Population::Total || find(Population::Total).is_some() {
                    Population::ALL.iter().map(|p| find(*p)).collect()
                } else {
                    Population::ALL
                        .iter()
                        .map(|p| (*p == subject.population).then_some(target))
                        .collect()
                };
            for (i, t) in group.iter().enumerate() {
                d.ids[i] = t.map(|t| t.id);
                let text = t.and_then(value_of).map(number_text).unwrap_or_default();
                match i {
                    0 => d.total = text,
                    1 => d.women = text,
                    _ => d.men = text,
                }
            }
        }
        TargetFormat::QuotaIncrease {
            baseline,
            change,
            unit,
            target: t,
            ..
        } => {
            d.baseline = baseline.map(number_text).unwrap_or_default();
            d.change = number_text(*change);
            d.unit = Some(*unit);
            d.target = number_text(*t);
        }
        TargetFormat::ChangeVsPreviousYear {
            limit,
            change,
            unit,
            ..
        } => {
            d.limit = Some(*limit);
            d.change = number_text(*change);
            d.unit = Some(*unit);
        }
        TargetFormat::QuotaRelativeChange {
            baseline,
            change_percent,
            target: t,
            ..
        } => {
            d.baseline = number_text(*baseline);
            d.change = number_text(*change_percent);
            d.target = number_text(*t);
        }
        TargetFormat::Monitoring { .. } => {}
        TargetFormat::Qualitative {
            description,
            status,
        } => {
            d.description = description.clone();
            d.status = Some(*status);
        }
    }
    Some(d)
}

/// "Frauen 300 + Männer 462 = 762; das Gesamtziel ist 770." when the parts typed in `lang` do not add up.
pub fn parts_hint(draft: &Draft, lang: Lang) -> Option<String> {
    if !draft.kind.has_parts() {
        return None;
    }
    let (t, w, m) = (
        parse_number_in(&draft.total, lang).ok()?,
        parse_number_in(&draft.women, lang).ok()?,
        parse_number_in(&draft.men, lang).ok()?,
    );
    ((w + m - t).abs() > 0.5).then(|| {
        let [w, m, sum, t] = [w, m, w + m, t].map(|v| format_count(v, lang));
        match lang {
            Lang::De => format!("Frauen {w} + Männer {m} = {sum}; das Gesamtziel ist {t}."),
            Lang::En => format!("Women {w} + men {m} = {sum}; the total target is {t}."),
        }
    })
}

/// Baseline, change in % and target of a relative change of a quota, the missing one computed from the other
/// two (rounded to two decimals, as rates are written); `None` with fewer than two, or no baseline to a change of
/// −100 %.
pub fn relative_change(typed: [Option<f64>; 3]) -> Option<(f64, f64, f64)> {
    let two = |v: f64| (v * 100.0).round() / 100.0;
    match typed {
        [Some(b), Some(c), Some(t)] => Some((b, c, t)),
        [Some(b), Some(c), None] => Some((b, c, two(ChangeUnit::Percent.apply(b, c)))),
        [Some(b), None, Some(t)] if b != 0.0 => Some((b, two((t / b - 1.0) * 100.0), t)),
        [None, Some(c), Some(t)] => Some((two(ChangeUnit::Percent.base_for(t, c)?), c, t)),
        _ => None,
    }
    .filter(|(b, c, t)| b.is_finite() && c.is_finite() && t.is_finite())
}

/// What the form says under a relative change of a quota as it is typed: the third number that follows from
/// two, or that the three do not fit together (a remark: what is typed is saved, the remark stays at the target).
pub fn relative_change_hint(draft: &Draft, lang: Lang) -> Option<(Field, String)> {
    if draft.kind != Kind::QuotaRelativeChange {
        return None;
    }
    let read = |t: &str| parse_number_in(t, lang).ok();
    let typed = [
        read(&draft.baseline),
        read(&draft.change),
        read(&draft.target),
    ];
    let (b, c, t) = relative_change(typed)?;
    let percent =
        |v: f64| crate::locale::format_percent(v, crate::locale::decimals_of(v, 4).max(1), lang);
    let (from, to) = (percent(b), percent(t));
    let by = percent(c);
    match typed {
        [Some(_), Some(_), None] => Some((
            Field::Target,
            tr!(
                lang,
                "{from} um {by} ergibt den Zielwert {to}.",
                "{from} changed by {by} gives the target {to}."
            ),
        )),
        [Some(_), None, Some(_)] => Some((
            Field::Change,
            tr!(
                lang,
                "Von {from} auf {to} ist eine Veränderung um {by}.",
                "From {from} to {to} is a change of {by}."
            ),
        )),
        [None, Some(_), Some(_)] => Some((
            Field::Baseline,
            tr!(
                lang,
                "Der Zielwert {to} nach {by} ergibt den Ausgangswert {from}.",
                "The target {to} after {by} gives the baseline {from}."
            ),
        )),
        _ if !stated_figures_fit(b, c, ChangeUnit::Percent, t) => {
            let computed = crate::locale::format_percent(ChangeUnit::Percent.apply(b, c), 2, lang);
            Some((
                Field::Target,
                tr!(
                    lang,
                    "⚠ {from} um {by} ergibt {computed}, nicht {to}. Gespeichert wird, was Sie eintragen; bewertet wird \
                     gegen {to}, und der Hinweis bleibt am Ziel sichtbar.",
                    "⚠ {from} changed by {by} gives {computed}, not {to}. What you enter is saved and {to} is what \
                     counts; the remark stays visible at the target."
                ),
            ))
        }
        _ => None,
    }
}

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
                let unit = draft.unit.unwrap_or(ChangeUnit::PercentagePoints);
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
                    let unit = draft.unit.unwrap_or(ChangeUnit::Percent);
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
                match lang {
                    Lang::De => format!("Die Kennzahl „{indicator}“ ist nicht im Katalog."),
                    Lang::En => format!("The indicator “{indicator}” is not in the catalogue."),
                },
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

#[cfg(test)]
mod tests;

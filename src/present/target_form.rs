//! The target form of the agreement editor without the browser: which fields a format asks for, loading a
//! target into the form, building targets from what was typed (with messages per field in the UI's language),
//! putting them into the workspace (`apply`), and the hint when the gender parts do not add up. Minimum and
//! maximum targets are edited as a group: the total with the parts for women and men next to it.

use crate::domain::agreement::{
    Agreement, Category, ChangeLimit, ChangeUnit, ManualStatus, Subject, Target, TargetFormat,
    TargetId, stated_figures_fit,
};
use crate::domain::indicator::IndicatorCode;
use crate::domain::values::Population;
use crate::domain::workspace::Catalogue;
use crate::locale::{Lang, format_count, parse_number_in};

pub use super::choices::*;

mod apply;
mod build;
mod hints;

pub use apply::{Applied, apply, removed_text, saved_text};
pub use build::{Built, build};
pub use hints::{parts_hint, relative_change, relative_change_hint};

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

/// The units a change may be given in, for the form's `kind` and the chosen indicator: a rate changes in
/// "Prozentpunkte" or "%", anything else (a count, a stock, money) only in "%" (issue 20: a count offered
/// "Prozentpunkte"). Without an indicator chosen yet, both.
pub fn units_for(
    kind: Kind,
    indicator: Option<&crate::domain::indicator::Indicator>,
) -> &'static [Choice<ChangeUnit>] {
    let rate = indicator.is_none_or(|i| i.unit == crate::domain::indicator::Unit::Percent);
    match kind {
        Kind::ChangeVsPreviousYear if !rate => PERCENT_ONLY,
        _ => UNITS,
    }
}

/// The unit a change takes when none is chosen, as the form shows it and saving stores it: "Prozentpunkte" for
/// "steigt um 1,8 auf 58 Prozent" (format 3), "%" for a change against the previous year (format 4).
pub fn default_unit(kind: Kind) -> ChangeUnit {
    match kind {
        Kind::QuotaIncrease => ChangeUnit::PercentagePoints,
        _ => ChangeUnit::Percent,
    }
}

/// The unit the form shows selected: the chosen one where the indicator admits it, else the default.
pub fn shown_unit(
    kind: Kind,
    chosen: Option<ChangeUnit>,
    indicator: Option<&crate::domain::indicator::Indicator>,
) -> ChangeUnit {
    let offered = units_for(kind, indicator);
    chosen
        .filter(|u| offered.iter().any(|c| c.value == *u))
        .unwrap_or_else(|| default_unit(kind))
}

#[cfg(test)]
mod tests;

//! The target agreement ("Zielvereinbarung") of one year and its targets, one enum variant per target format of
//! DOMAIN.md, each with exactly the fields that format needs.

use serde::{Deserialize, Serialize};

use super::indicator::{Indicator, IndicatorCode, Unit};
use super::values::Population;
use crate::core::calendar::{Date, Year};
use crate::locale::Lang;
use crate::tr;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct AgreementId(pub u32);

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct TargetId(pub u32);

/// The agreement between the job centre and the state ministry for one calendar year.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Agreement {
    pub id: AgreementId,
    #[serde(rename = "jahr")]
    pub year: Year,
    #[serde(rename = "jobcenter")]
    pub job_centre: String,
    /// E.g. "Hessisches Ministerium für Soziales und Integration (HMSI)": names change, so it belongs here.
    pub partner: String,
    #[serde(rename = "unterzeichnet_am", default)]
    pub signed_on: Option<Date>,
    #[serde(rename = "unterzeichnende", default)]
    pub signatories: String,
    #[serde(rename = "notizen", default)]
    pub notes: String,
    #[serde(rename = "ziele", default)]
    pub targets: Vec<Target>,
}

impl Agreement {
    /// The target with `id`.
    pub fn target(&self, id: TargetId) -> Option<&Target> {
        self.targets.iter().find(|t| t.id == id)
    }

    /// The target of the same format and indicator as `target` for `population` (the total's parts for women
    /// and men, or a part's total).
    pub fn sibling(&self, target: &Target, population: Population) -> Option<&Target> {
        let subject = target.format.subject()?;
        let kind = std::mem::discriminant(&target.format);
        self.targets.iter().find(|t| {
            std::mem::discriminant(&t.format) == kind
                && t.format
                    .subject()
                    .is_some_and(|s| s.indicator == subject.indicator && s.population == population)
        })
    }

    /// The targets in the order every list shows them: as stored, except that the parts for women and men sit
    /// right under their total (women first), whatever order they were added in.
    pub fn display_order(&self) -> Vec<&Target> {
        let mut order: Vec<&Target> = Vec::with_capacity(self.targets.len());
        let is_part_with_total = |t: &Target| {
            t.format
                .subject()
                .is_some_and(|s| s.population != Population::Total)
                && self.sibling(t, Population::Total).is_some()
        };
        for t in &self.targets {
            if is_part_with_total(t) {
                continue;
            }
            order.push(t);
            let is_total = t
                .format
                .subject()
                .is_some_and(|s| s.population == Population::Total);
            if is_total {
                for p in [Population::Women, Population::Men] {
                    if let Some(part) = self.sibling(t, p) {
                        order.push(part);
                    }
                }
            }
        }
        order
    }

    /// Where a new `target` goes in the list: under its total and the parts before it, else at the end.
    pub fn insert_position(&self, target: &Target) -> usize {
        let Some(subject) = target.format.subject() else {
            return self.targets.len();
        };
        if subject.population == Population::Total {
            return self.targets.len();
        }
        let Some(total) = self.sibling(target, Population::Total) else {
            return self.targets.len();
        };
        let mut after = self.targets.iter().position(|t| t.id == total.id);
        if subject.population == Population::Men
            && let Some(women) = self.sibling(target, Population::Women)
        {
            after = after.max(self.targets.iter().position(|t| t.id == women.id));
        }
        after.map_or(self.targets.len(), |i| i + 1)
    }
}

/// Whether a baseline, a change in `unit` and a target, each as precise as it is written but at least to one
/// decimal as rates are published ("13,7", "7,3", "14,7"), can belong together: the target that the rounded
/// baseline and change allow overlaps the rounding of the written target. 13,7 % + 7,3 % gives 14,70 %
/// (14,64–14,76): 14,7 fits, 15,7 does not.
pub fn stated_figures_fit(baseline: f64, change: f64, unit: ChangeUnit, target: f64) -> bool {
    let half = |v: f64| 0.5 * 10f64.powi(-(crate::locale::decimals_of(v, 6).max(1) as i32));
    let (hb, hc, ht) = (half(baseline), half(change), half(target));
    let corners = [
        unit.apply(baseline - hb, change - hc),
        unit.apply(baseline - hb, change + hc),
        unit.apply(baseline + hb, change - hc),
        unit.apply(baseline + hb, change + hc),
    ];
    let lo = corners.iter().copied().fold(f64::INFINITY, f64::min);
    let hi = corners.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    lo <= target + ht + 1e-9 && target - ht <= hi + 1e-9
}

/// Where a target comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Category {
    #[serde(rename = "Bundesziel")]
    Federal,
    #[serde(rename = "landesspezifisch")]
    State,
    #[serde(rename = "lokal")]
    Local,
    #[serde(rename = "qualitativ")]
    Qualitative,
}

impl Category {
    /// The category's name in `lang`, as lists write it next to the format ("federal target").
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Category::Federal => lang.pick("Bundesziel", "federal target"),
            Category::State => lang.pick("landesspezifisches Ziel", "state target"),
            Category::Local => lang.pick("lokales Ziel", "local target"),
            Category::Qualitative => lang.pick("qualitatives Ziel", "qualitative goal"),
        }
    }
}

/// What a quantitative target is about: one indicator for one population.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Subject {
    #[serde(rename = "kennzahl")]
    pub indicator: IndicatorCode,
    #[serde(rename = "gruppe")]
    pub population: Population,
}

/// The unit of a stated change: relative ("%") or absolute for quotas ("Prozentpunkte").
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ChangeUnit {
    #[serde(rename = "Prozent")]
    Percent,
    #[serde(rename = "Prozentpunkte")]
    PercentagePoints,
}

impl ChangeUnit {
    /// The unit's name in `lang`: "%", "Prozentpunkte" / "percentage points".
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            ChangeUnit::Percent => "%",
            ChangeUnit::PercentagePoints => lang.pick("Prozentpunkte", "percentage points"),
        }
    }
    /// `base` changed by `change` in this unit ("um 1,8 Prozentpunkte" / "um 1,8 %").
    pub fn apply(self, base: f64, change: f64) -> f64 {
        match self {
            ChangeUnit::Percent => base * (1.0 + change / 100.0),
            ChangeUnit::PercentagePoints => base + change,
        }
    }
    /// The base from which `change` in this unit leads to `result`; `None` if there is none (−100 %).
    pub fn base_for(self, result: f64, change: f64) -> Option<f64> {
        match self {
            ChangeUnit::Percent if change <= -100.0 => None,
            ChangeUnit::Percent => Some(result / (1.0 + change / 100.0)),
            ChangeUnit::PercentagePoints => Some(result - change),
        }
    }
}

/// The limit of a change versus the previous year's actual (format 4).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ChangeLimit {
    /// "steigt um maximal 14 %"
    #[serde(rename = "steigt_um_hoechstens")]
    RiseAtMost,
    /// "sinkt um nicht mehr als 6,9 %"
    #[serde(rename = "sinkt_um_hoechstens")]
    FallAtMost,
    /// "steigt um mindestens 3 %"
    #[serde(rename = "steigt_um_mindestens")]
    RiseAtLeast,
    /// "sinkt um mindestens 5 %"
    #[serde(rename = "sinkt_um_mindestens")]
    FallAtLeast,
}

impl ChangeLimit {
    /// The signed change that marks the limit, from the stated amount (always positive).
    pub fn signed(self, amount: f64) -> f64 {
        match self {
            ChangeLimit::RiseAtMost | ChangeLimit::RiseAtLeast => amount.abs(),
            ChangeLimit::FallAtMost | ChangeLimit::FallAtLeast => -amount.abs(),
        }
    }
    /// Whether the actual must stay at or above the limit value.
    pub fn bound(self) -> Bound {
        match self {
            ChangeLimit::RiseAtMost | ChangeLimit::FallAtLeast => Bound::AtMost,
            ChangeLimit::FallAtMost | ChangeLimit::RiseAtLeast => Bound::AtLeast,
        }
    }
}

/// Which side of the target value is met.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Bound {
    /// Met when actual ≥ target.
    AtLeast,
    /// Met when actual ≤ target.
    AtMost,
}

impl Bound {
    pub fn is_met(self, actual: f64, target: f64) -> bool {
        match self {
            Bound::AtLeast => actual >= target,
            Bound::AtMost => actual <= target,
        }
    }
}

/// The user's own judgement of a qualitative goal.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ManualStatus {
    #[serde(rename = "offen")]
    Open,
    #[serde(rename = "erreicht")]
    Achieved,
    #[serde(rename = "teilweise_erreicht")]
    PartlyAchieved,
    #[serde(rename = "nicht_erreicht")]
    NotAchieved,
}

/// The seven target formats seen in real agreements (DOMAIN.md). Read by `agreement/wire.rs` (the same shape).
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "format")]
pub enum TargetFormat {
    /// 1. "mindestens 770 Integrationen": the year's figure at least `target`.
    #[serde(rename = "mindestens")]
    Minimum {
        #[serde(flatten)]
        subject: Subject,
        #[serde(rename = "zielwert")]
        target: f64,
    },
    /// 2. "durchschnittlicher Bestand LZB nicht über 2.020": the year's figure at most `cap`.
    #[serde(rename = "hoechstens")]
    Maximum {
        #[serde(flatten)]
        subject: Subject,
        #[serde(rename = "obergrenze")]
        cap: f64,
    },
    /// 3. "Quote steigt um 1,8 auf 58 Prozent": explicit target quota, the stated change and its unit
    ///    ("Prozentpunkte" or "%" is ambiguous in practice: both readings are computed), baseline if known.
    #[serde(rename = "quote_auf_zielwert")]
    QuotaIncrease {
        #[serde(flatten)]
        subject: Subject,
        #[serde(rename = "ausgangswert", default)]
        baseline: Option<f64>,
        #[serde(rename = "veraenderung")]
        change: f64,
        #[serde(rename = "einheit")]
        unit: ChangeUnit,
        #[serde(rename = "zielwert")]
        target: f64,
    },
    /// 4. "steigt um maximal 14 % ggü. Vorjahr": judged against the previous year's actual.
    #[serde(rename = "veraenderung_zum_vorjahr")]
    ChangeVsPreviousYear {
        #[serde(flatten)]
        subject: Subject,
        #[serde(rename = "grenze")]
        limit: ChangeLimit,
        /// The stated amount, always positive ("14" for "um maximal 14 %").
        #[serde(rename = "veraenderung")]
        change: f64,
        #[serde(rename = "einheit")]
        unit: ChangeUnit,
    },
    /// 5. "IQ Frauen soll um 7,3 % steigen, von 13,7 % auf 14,7 %": relative change of a quota with both ends.
    #[serde(rename = "quote_relativ")]
    QuotaRelativeChange {
        #[serde(flatten)]
        subject: Subject,
        #[serde(rename = "ausgangswert")]
        baseline: f64,
        #[serde(rename = "veraenderung_prozent")]
        change_percent: f64,
        #[serde(rename = "zielwert")]
        target: f64,
    },
    /// 6. "wird im Jahresverlauf genau beobachtet": no target, course and change versus the previous year.
    #[serde(rename = "monitoring")]
    Monitoring {
        #[serde(flatten)]
        subject: Subject,
    },
    /// 7. A goal in words, judged by hand.
    #[serde(rename = "qualitativ")]
    Qualitative {
        #[serde(rename = "beschreibung")]
        description: String,
        status: ManualStatus,
    },
}

impl TargetFormat {
    /// The indicator and population, for every format but the qualitative one.
    pub fn subject(&self) -> Option<&Subject> {
        match self {
            TargetFormat::Minimum { subject, .. }
            | TargetFormat::Maximum { subject, .. }
            | TargetFormat::QuotaIncrease { subject, .. }
            | TargetFormat::ChangeVsPreviousYear { subject, .. }
            | TargetFormat::QuotaRelativeChange { subject, .. }
            | TargetFormat::Monitoring { subject } => Some(subject),
            TargetFormat::Qualitative { .. } => None,
        }
    }

    /// Which side of the target is met; `None` for monitoring and qualitative goals.
    pub fn bound(&self) -> Option<Bound> {
        match self {
            TargetFormat::Minimum { .. } => Some(Bound::AtLeast),
            TargetFormat::Maximum { .. } => Some(Bound::AtMost),
            TargetFormat::QuotaIncrease { change, .. } => Some(if *change >= 0.0 {
                Bound::AtLeast
            } else {
                Bound::AtMost
            }),
            TargetFormat::QuotaRelativeChange { change_percent, .. } => {
                Some(if *change_percent >= 0.0 {
                    Bound::AtLeast
                } else {
                    Bound::AtMost
                })
            }
            TargetFormat::ChangeVsPreviousYear { limit, .. } => Some(limit.bound()),
            TargetFormat::Monitoring { .. } | TargetFormat::Qualitative { .. } => None,
        }
    }

    /// The target value stated in the agreement itself (format 4 needs the previous year instead).
    pub fn stated_target(&self) -> Option<f64> {
        match self {
            TargetFormat::Minimum { target, .. }
            | TargetFormat::QuotaIncrease { target, .. }
            | TargetFormat::QuotaRelativeChange { target, .. } => Some(*target),
            TargetFormat::Maximum { cap, .. } => Some(*cap),
            _ => None,
        }
    }

    /// The name of the format in `lang` ("Mindestwert" / "minimum").
    pub fn label(&self, lang: Lang) -> &'static str {
        match self {
            TargetFormat::Minimum { .. } => lang.pick("Mindestwert", "minimum"),
            TargetFormat::Maximum { .. } => lang.pick("Obergrenze", "cap"),
            TargetFormat::QuotaIncrease { .. } => {
                lang.pick("Quote mit Zielwert", "rate with target value")
            }
            TargetFormat::ChangeVsPreviousYear { .. } => {
                lang.pick("Veränderung zum Vorjahr", "change on the previous year")
            }
            TargetFormat::QuotaRelativeChange { .. } => lang.pick(
                "relative Veränderung einer Quote",
                "relative change of a rate",
            ),
            TargetFormat::Monitoring { .. } => lang.pick("Monitoring", "monitoring"),
            TargetFormat::Qualitative { .. } => lang.pick("qualitatives Ziel", "qualitative goal"),
        }
    }
}

/// One target of an agreement.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Target {
    pub id: TargetId,
    /// Short title shown in lists; empty: derived from indicator and population.
    #[serde(rename = "titel", default)]
    pub title: String,
    #[serde(rename = "kategorie")]
    pub category: Category,
    #[serde(flatten)]
    pub format: TargetFormat,
    #[serde(rename = "notizen", default)]
    pub notes: String,
}

mod check;
mod wire;

#[cfg(test)]
mod tests;

//! Reading a target format from its stored shape: `"format"` and that format's fields beside it (the subject's
//! `"kennzahl"` and `"gruppe"` among them). Serde's derive reads an internally tagged enum with a flattened field
//! by buffering the whole object first, which made this the largest function of the app's wasm (about 23 KB);
//! here one flat struct is read directly and the format takes its fields from it, with serde's own messages for a
//! missing field. What is written is unchanged (serde's derive writes it), and so is what reads: the tests read
//! every format of the frozen fixtures and every random agreement of the property tests back to the same value.

use serde::Deserialize;

use super::{ChangeLimit, ChangeUnit, ManualStatus, Subject, TargetFormat};
use crate::domain::indicator::IndicatorCode;
use crate::domain::values::Population;

/// The value of `"format"`.
#[derive(Deserialize)]
enum Tag {
    #[serde(rename = "mindestens")]
    Minimum,
    #[serde(rename = "hoechstens")]
    Maximum,
    #[serde(rename = "quote_auf_zielwert")]
    QuotaIncrease,
    #[serde(rename = "veraenderung_zum_vorjahr")]
    ChangeVsPreviousYear,
    #[serde(rename = "quote_relativ")]
    QuotaRelativeChange,
    #[serde(rename = "monitoring")]
    Monitoring,
    #[serde(rename = "qualitativ")]
    Qualitative,
}

/// A number of the stored shape. Read by one function that is not inlined: serde_json's number parsing (exact,
/// `float_roundtrip`) is large, and the derive put a copy of it into every number field.
struct Num(f64);

impl<'de> Deserialize<'de> for Num {
    #[inline(never)]
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        f64::deserialize(deserializer).map(Num)
    }
}

/// Every field any format has; each format takes its own and leaves the others (as serde's derive ignored them).
#[derive(Deserialize)]
struct Wire {
    format: Tag,
    kennzahl: Option<IndicatorCode>,
    gruppe: Option<Population>,
    zielwert: Option<Num>,
    obergrenze: Option<Num>,
    ausgangswert: Option<Num>,
    veraenderung: Option<Num>,
    einheit: Option<ChangeUnit>,
    grenze: Option<ChangeLimit>,
    veraenderung_prozent: Option<Num>,
    beschreibung: Option<String>,
    status: Option<ManualStatus>,
}

/// `value`, or serde's "missing field `name`".
fn needed<T, E: serde::de::Error>(value: Option<T>, name: &'static str) -> Result<T, E> {
    value.ok_or_else(|| E::missing_field(name))
}

/// A number field, or serde's "missing field `name`".
fn number<E: serde::de::Error>(value: Option<Num>, name: &'static str) -> Result<f64, E> {
    needed(value, name).map(|n| n.0)
}

impl<'de> Deserialize<'de> for TargetFormat {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let w = Wire::deserialize(deserializer)?;
        // Every format but the qualitative one is about a subject.
        let (kennzahl, gruppe) = (w.kennzahl, w.gruppe);
        let subject = move || -> Result<Subject, D::Error> {
            Ok(Subject {
                indicator: needed(kennzahl, "kennzahl")?,
                population: needed(gruppe, "gruppe")?,
            })
        };
        Ok(match w.format {
            Tag::Minimum => TargetFormat::Minimum {
                subject: subject()?,
                target: number(w.zielwert, "zielwert")?,
            },
            Tag::Maximum => TargetFormat::Maximum {
                subject: subject()?,
                cap: number(w.obergrenze, "obergrenze")?,
            },
            Tag::QuotaIncrease => TargetFormat::QuotaIncrease {
                subject: subject()?,
                baseline: w.ausgangswert.map(|n| n.0),
                change: number(w.veraenderung, "veraenderung")?,
                unit: needed(w.einheit, "einheit")?,
                target: number(w.zielwert, "zielwert")?,
            },
            Tag::ChangeVsPreviousYear => TargetFormat::ChangeVsPreviousYear {
                subject: subject()?,
                limit: needed(w.grenze, "grenze")?,
                change: number(w.veraenderung, "veraenderung")?,
                unit: needed(w.einheit, "einheit")?,
            },
            Tag::QuotaRelativeChange => TargetFormat::QuotaRelativeChange {
                subject: subject()?,
                baseline: number(w.ausgangswert, "ausgangswert")?,
                change_percent: number(w.veraenderung_prozent, "veraenderung_prozent")?,
                target: number(w.zielwert, "zielwert")?,
            },
            Tag::Monitoring => TargetFormat::Monitoring {
                subject: subject()?,
            },
            Tag::Qualitative => TargetFormat::Qualitative {
                description: needed(w.beschreibung, "beschreibung")?,
                status: needed(w.status, "status")?,
            },
        })
    }
}

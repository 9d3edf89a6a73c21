//! How the workspace lies in storage (schema 3): the manifest under [`DOCUMENT`] – the stamp in front, then what
//! belongs to no year (organisation, own indicators, settings), then `jahre`, the storage name of each year's
//! key – and one key per year whose text holds that year's agreement and its value rows
//! (`{"vereinbarung":{…},"werte":[…]}`, the rows as `domain::values::stored` writes them). An edit so rewrites
//! one year and the small manifest. Builds before schema 3 kept the whole document under [`DOCUMENT`]; such a
//! text reads as a [`Manifest::Whole`].

use std::collections::BTreeMap;
use std::sync::Arc;

use serde::Serialize;

use super::*;
use crate::core::calendar::Year;
use crate::domain::agreement::Agreement;
use crate::domain::indicator::Indicator;
use crate::domain::values::{Values, YearValues};
use crate::domain::workspace::{SCHEMA_VERSION, Settings};

/// The field of the manifest that names the year keys.
const YEARS_FIELD: &str = "jahre";

/// The storage name of `year`'s key as written by the save `stamp`: unique to that save.
pub fn year_name(year: Year, stamp: &Stamp) -> String {
    format!("{YEARS}{year}.{}.{}", stamp.revision, stamp.writer)
}

/// The year and the revision of the save that wrote a year key; `None` for a name that is not one.
pub fn year_of_name(name: &str) -> Option<(Year, u64)> {
    let mut parts = name.strip_prefix(YEARS)?.splitn(3, '.');
    let year = Year::new(parts.next()?.parse().ok()?)?;
    let revision = parts.next()?.parse().ok()?;
    Some((year, revision))
}

/// The manifest as written: borrowed from the workspace, so that a save neither copies nor builds a JSON tree.
#[derive(Serialize)]
struct ManifestOut<'a> {
    revision: u64,
    schreiber: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    basis: Option<(u64, &'a str)>,
    schema_version: u32,
    organisation: &'a str,
    beispiel: bool,
    eigene_kennzahlen: &'a [Indicator],
    einstellungen: &'a Settings,
    jahre: BTreeMap<String, &'a str>,
}

/// The manifest's text: the stamp in front (so that [`stamp_of`] reads it without parsing the rest), what belongs
/// to no year, and the storage name of each year's key.
pub fn encode_manifest(
    stamp: &Stamp,
    parent: Option<&Stamp>,
    workspace: &Workspace,
    years: &BTreeMap<Year, String>,
) -> Result<String, EncodeError> {
    serde_json::to_string(&ManifestOut {
        revision: stamp.revision,
        schreiber: &stamp.writer,
        basis: parent.map(|p| (p.revision, p.writer.as_str())),
        schema_version: SCHEMA_VERSION,
        organisation: &workspace.organisation,
        beispiel: workspace.example,
        eigene_kennzahlen: &workspace.indicators,
        einstellungen: &workspace.settings,
        jahre: years
            .iter()
            .map(|(y, name)| (y.to_string(), name.as_str()))
            .collect(),
    })
    .map_err(|e| EncodeError(e.to_string()))
}

/// One year as written: its agreement (if any) and its value rows.
#[derive(Serialize)]
struct YearOut<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    vereinbarung: Option<&'a Agreement>,
    werte: &'a Values,
}

/// One year as read.
#[derive(serde::Deserialize)]
struct YearIn {
    #[serde(default)]
    vereinbarung: Option<Agreement>,
    #[serde(default)]
    werte: Values,
}

/// The text of one year's key: the year's agreement and its values.
pub fn encode_year(
    year: Year,
    agreement: Option<&Agreement>,
    values: Option<&Arc<YearValues>>,
) -> Result<String, EncodeError> {
    let mut one = Values::default();
    if let Some(values) = values {
        one.set_year(year, Arc::clone(values));
    }
    serde_json::to_string(&YearOut {
        vereinbarung: agreement,
        werte: &one,
    })
    .map_err(|e| EncodeError(e.to_string()))
}

/// What the text under [`DOCUMENT`] holds.
#[derive(Clone, Debug, PartialEq)]
pub enum Manifest {
    /// A manifest: the workspace without agreements and values (checked field by field), and the year keys to
    /// read.
    Current {
        stamp: Stamp,
        parent: Option<Stamp>,
        workspace: Workspace,
        years: BTreeMap<Year, String>,
    },
    /// The whole document of a build before schema 3, migrated and checked like a backup.
    Whole {
        stamp: Stamp,
        parent: Option<Stamp>,
        workspace: Workspace,
    },
}

/// Reads the text under [`DOCUMENT`]: JSON, the stamp, the schema (older ones migrate; a newer one is refused),
/// every field known. The years of a manifest are read by [`crate::persistence::read`].
pub fn decode_manifest(text: &str) -> Result<Manifest, LoadError> {
    let mut value: serde_json::Value =
        serde_json::from_str(text).map_err(|e| LoadError::NotJson(e.to_string()))?;
    let fields = value
        .as_object_mut()
        .map(|o| STAMP_FIELDS.map(|name| o.remove(name)));
    let [revision, writer, parent] = fields.unwrap_or([None, None, None]);
    let stamp = Stamp {
        revision: revision
            .as_ref()
            .and_then(serde_json::Value::as_u64)
            .unwrap_or(0),
        writer: writer
            .as_ref()
            .and_then(serde_json::Value::as_str)
            .unwrap_or_default()
            .to_owned(),
    };
    let parent = parent.as_ref().and_then(|p| {
        let p = p.as_array()?;
        Some(Stamp {
            revision: p.first()?.as_u64()?,
            writer: p.get(1)?.as_str()?.to_owned(),
        })
    });
    let years = value.as_object_mut().and_then(|o| o.remove(YEARS_FIELD));
    let Some(years) = years else {
        let workspace = checked_workspace(value, Lang::De)?;
        return Ok(Manifest::Whole {
            stamp,
            parent,
            workspace,
        });
    };
    let years = read_years(&years)?;
    for field in ["ist_werte", "zielvereinbarungen"] {
        if value
            .get(field)
            .is_some_and(|v| v.as_array().is_none_or(|a| !a.is_empty()))
        {
            return Err(LoadError::Invalid(format!(
                "ein Manifest mit Daten in „{field}“"
            )));
        }
    }
    let workspace = checked_workspace(value, Lang::De)?;
    Ok(Manifest::Current {
        stamp,
        parent,
        workspace,
        years,
    })
}

/// `werte_jahre`: year → storage name of a year key.
fn read_years(value: &serde_json::Value) -> Result<BTreeMap<Year, String>, LoadError> {
    let invalid = |what: String| LoadError::Invalid(format!("„{YEARS_FIELD}“: {what}"));
    let object = value
        .as_object()
        .ok_or_else(|| invalid("kein Objekt".into()))?;
    let mut years = BTreeMap::new();
    for (year, name) in object {
        let name = name
            .as_str()
            .ok_or_else(|| invalid(format!("{year} ist kein Name")))?;
        let parsed = year
            .parse::<i64>()
            .ok()
            .and_then(Year::new)
            .filter(|y| year_of_name(name).is_some_and(|(of, _)| of == *y))
            .ok_or_else(|| invalid(format!("{year} → {name}")))?;
        years.insert(parsed, name.to_owned());
    }
    Ok(years)
}

/// Reads one year's key: the agreement of `year` (if any) and its values, nothing of another year, every field
/// known.
pub fn decode_year(
    text: &str,
    year: Year,
) -> Result<(Option<Agreement>, Arc<YearValues>), LoadError> {
    let read: YearIn =
        serde_json::from_str(text).map_err(|e| LoadError::Invalid(format!("{year}: {e}")))?;
    let other_year = read.vereinbarung.as_ref().is_some_and(|a| a.year != year)
        || read.werte.years().iter().any(|y| *y != year);
    if other_year {
        return Err(LoadError::Invalid(format!(
            "{year}: Daten eines anderen Jahres"
        )));
    }
    let values = read.werte.year(year).cloned();
    // What this build writes reads back to the same text: then no field can be unknown. Anything else (a newer
    // build, a hand edit) gets the field-by-field comparison.
    let again = encode_year(year, read.vereinbarung.as_ref(), values.as_ref())
        .map_err(|e| LoadError::Invalid(e.0))?;
    if again != text {
        let stored: serde_json::Value =
            serde_json::from_str(text).map_err(|e| LoadError::NotJson(e.to_string()))?;
        let known: serde_json::Value =
            serde_json::from_str(&again).map_err(|e| LoadError::Invalid(e.to_string()))?;
        let mut unknown = Vec::new();
        check::unknown_fields(&stored, &known, "", &mut unknown);
        if !unknown.is_empty() {
            unknown.sort();
            unknown.dedup();
            return Err(LoadError::UnknownFields(unknown));
        }
    }
    Ok((read.vereinbarung, values.unwrap_or_default()))
}

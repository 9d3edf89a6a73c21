//! How the workspace lies in storage (schema 3): the manifest under [`DOCUMENT`] – the stamp in front, then what
//! belongs to no year (organisation, own indicators, settings), then the storage name of each year's values
//! (`werte`) and of each year's agreement (`vereinbarungen`) – and those keys: a year's value rows as
//! `domain::values::stored` writes them, an agreement as a backup holds it. An edit of a value so rewrites that
//! year's values and the small manifest; an edit of an agreement that agreement and the manifest. Builds before
//! schema 3 kept the whole document under [`DOCUMENT`]; such a text reads as a [`Manifest::Whole`].

use std::collections::BTreeMap;
use std::sync::Arc;

use serde::Serialize;

use super::{AGREEMENTS, STAMP_FIELDS, Stamp, YEARS, check, checked_workspace};
use crate::core::calendar::Year;
use crate::domain::agreement::Agreement;
use crate::domain::indicator::Indicator;
use crate::domain::values::{Values, YearValues};
use crate::domain::workspace::{EncodeError, LoadError, Workspace};
use crate::domain::workspace::{SCHEMA_VERSION, Settings};
use crate::locale::Lang;

/// The manifest's field that names the keys of the years' values.
const VALUES_FIELD: &str = "werte";
/// The manifest's field that names the keys of the years' agreements.
const AGREEMENTS_FIELD: &str = "vereinbarungen";

/// What a year key holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Values,
    Agreement,
}

impl Kind {
    fn prefix(self) -> &'static str {
        match self {
            Kind::Values => YEARS,
            Kind::Agreement => AGREEMENTS,
        }
    }
}

/// The storage name of `year`'s values or agreement as written by the save `stamp`: unique to that save.
pub fn year_name(kind: Kind, year: Year, stamp: &Stamp) -> String {
    format!(
        "{}{year}.{}.{}",
        kind.prefix(),
        stamp.revision,
        stamp.writer
    )
}

/// What a year key is: its kind, its year, and the revision of the save that wrote it; `None` for a name that
/// is not one.
pub fn year_of_name(name: &str) -> Option<(Kind, Year, u64)> {
    let (kind, rest) = [Kind::Values, Kind::Agreement]
        .into_iter()
        .find_map(|k| name.strip_prefix(k.prefix()).map(|r| (k, r)))?;
    let mut parts = rest.splitn(3, '.');
    let year = Year::new(parts.next()?.parse().ok()?)?;
    let revision = parts.next()?.parse().ok()?;
    Some((kind, year, revision))
}

/// The year keys a manifest names.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct YearKeys {
    pub values: BTreeMap<Year, String>,
    pub agreements: BTreeMap<Year, String>,
}

impl YearKeys {
    /// Every name, of both kinds.
    pub fn names(&self) -> impl Iterator<Item = &String> {
        self.values.values().chain(self.agreements.values())
    }
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
    werte: BTreeMap<String, &'a str>,
    vereinbarungen: BTreeMap<String, &'a str>,
}

/// The manifest's text: the stamp in front (so that [`stamp_of`] reads it without parsing the rest), what belongs
/// to no year, and the storage name of each year's values and agreement.
pub fn encode_manifest(
    stamp: &Stamp,
    parent: Option<&Stamp>,
    workspace: &Workspace,
    keys: &YearKeys,
) -> Result<String, EncodeError> {
    fn by_year(map: &BTreeMap<Year, String>) -> BTreeMap<String, &str> {
        map.iter()
            .map(|(y, name)| (y.to_string(), name.as_str()))
            .collect()
    }
    serde_json::to_string(&ManifestOut {
        revision: stamp.revision,
        schreiber: &stamp.writer,
        basis: parent.map(|p| (p.revision, p.writer.as_str())),
        schema_version: SCHEMA_VERSION,
        organisation: &workspace.organisation,
        beispiel: workspace.example,
        eigene_kennzahlen: &workspace.indicators,
        einstellungen: &workspace.settings,
        werte: by_year(&keys.values),
        vereinbarungen: by_year(&keys.agreements),
    })
    .map_err(|e| EncodeError(e.to_string()))
}

/// The text of one year's values: its rows.
pub fn encode_values(year: Year, values: &Arc<YearValues>) -> Result<String, EncodeError> {
    let mut one = Values::default();
    one.set_year(year, Arc::clone(values));
    serde_json::to_string(&one).map_err(|e| EncodeError(e.to_string()))
}

/// The text of one agreement.
pub fn encode_agreement(agreement: &Agreement) -> Result<String, EncodeError> {
    serde_json::to_string(agreement).map_err(|e| EncodeError(e.to_string()))
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
        keys: YearKeys,
    },
    /// The whole document of a build before schema 3, migrated and checked like a backup.
    Whole {
        stamp: Stamp,
        parent: Option<Stamp>,
        workspace: Workspace,
    },
}

/// Reads the text under [`DOCUMENT`]: JSON, the stamp, the schema (older ones migrate; a newer one is refused),
/// every field known. The year keys of a manifest are read by [`crate::persistence::read`].
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
    // A manifest names its year keys; a whole document has none (its "zielvereinbarungen" is a list).
    let is_manifest = value.get(VALUES_FIELD).is_some()
        || value
            .get(AGREEMENTS_FIELD)
            .is_some_and(serde_json::Value::is_object);
    if !is_manifest {
        let workspace = checked_workspace(value, Lang::De)?;
        return Ok(Manifest::Whole {
            stamp,
            parent,
            workspace,
        });
    }
    let taken = value
        .as_object_mut()
        .map(|o| (o.remove(VALUES_FIELD), o.remove(AGREEMENTS_FIELD)));
    let (values, agreements) = taken.unwrap_or((None, None));
    let keys = YearKeys {
        values: read_names(values.as_ref(), VALUES_FIELD, Kind::Values)?,
        agreements: read_names(agreements.as_ref(), AGREEMENTS_FIELD, Kind::Agreement)?,
    };
    if value
        .get("ist_werte")
        .is_some_and(|v| v.as_array().is_none_or(|a| !a.is_empty()))
    {
        return Err(LoadError::Invalid(
            "ein Manifest mit Daten in „ist_werte“".into(),
        ));
    }
    let workspace = checked_workspace(value, Lang::De)?;
    Ok(Manifest::Current {
        stamp,
        parent,
        workspace,
        keys,
    })
}

/// A manifest's map of year → storage name of a key of `kind`.
fn read_names(
    value: Option<&serde_json::Value>,
    field: &str,
    kind: Kind,
) -> Result<BTreeMap<Year, String>, LoadError> {
    let invalid = |what: String| LoadError::Invalid(format!("„{field}“: {what}"));
    let Some(value) = value else {
        return Ok(BTreeMap::new());
    };
    let object = value
        .as_object()
        .ok_or_else(|| invalid("kein Objekt".into()))?;
    let mut names = BTreeMap::new();
    for (year, name) in object {
        let name = name
            .as_str()
            .ok_or_else(|| invalid(format!("{year} ist kein Name")))?;
        let parsed = year
            .parse::<i64>()
            .ok()
            .and_then(Year::new)
            .filter(|y| year_of_name(name).is_some_and(|(k, of, _)| k == kind && of == *y))
            .ok_or_else(|| invalid(format!("{year} → {name}")))?;
        names.insert(parsed, name.to_owned());
    }
    Ok(names)
}

/// Compares what a key's text holds with what this build writes back from it: unknown fields are reported,
/// named from `path` (where the key's content stands in a backup: "ist_werte", "zielvereinbarungen").
fn known_fields(text: &str, again: &str, path: &str) -> Result<(), LoadError> {
    // What this build wrote reads back to the same text: then no field can be unknown. Anything else (a newer
    // build, a hand edit) gets the field-by-field comparison.
    if again == text {
        return Ok(());
    }
    let stored: serde_json::Value =
        serde_json::from_str(text).map_err(|e| LoadError::NotJson(e.to_string()))?;
    let known: serde_json::Value =
        serde_json::from_str(again).map_err(|e| LoadError::Invalid(e.to_string()))?;
    let mut unknown = Vec::new();
    check::unknown_fields(&stored, &known, path, &mut unknown);
    if unknown.is_empty() {
        return Ok(());
    }
    unknown.sort();
    unknown.dedup();
    Err(LoadError::UnknownFields(unknown))
}

/// Reads the key of one year's values: the rows of `year` and nothing else, every field known.
pub fn decode_values(text: &str, year: Year) -> Result<Arc<YearValues>, LoadError> {
    let values: Values =
        serde_json::from_str(text).map_err(|e| LoadError::Invalid(format!("{year}: {e}")))?;
    if values.years().iter().any(|y| *y != year) {
        return Err(LoadError::Invalid(format!(
            "{year}: Werte eines anderen Jahres"
        )));
    }
    let values = values.year(year).cloned().unwrap_or_default();
    known_fields(
        text,
        &encode_values(year, &values).map_err(|e| LoadError::Invalid(e.0))?,
        "ist_werte",
    )?;
    Ok(values)
}

/// Reads the key of one year's agreement: the agreement of `year`, every field known.
pub fn decode_agreement(text: &str, year: Year) -> Result<Arc<Agreement>, LoadError> {
    let agreement: Agreement =
        serde_json::from_str(text).map_err(|e| LoadError::Invalid(format!("{year}: {e}")))?;
    if agreement.year != year {
        return Err(LoadError::Invalid(format!(
            "{year}: die Zielvereinbarung eines anderen Jahres"
        )));
    }
    known_fields(
        text,
        &encode_agreement(&agreement).map_err(|e| LoadError::Invalid(e.0))?,
        "zielvereinbarungen",
    )?;
    Ok(Arc::new(agreement))
}

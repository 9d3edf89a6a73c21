//! The whole document the user works in: organisation, the user's own indicators, agreements, values and
//! settings, with a schema version and step-by-step migrations of older stored documents.

use std::collections::HashMap;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use super::agreement::{Agreement, AgreementId, Target, TargetId};
use super::indicator::Indicator;
use super::values::Values;
use crate::core::calendar::Year;
use crate::locale::Lang;
use crate::tr;

/// The schema version this build writes. 1: one object per value; 2: the values as rows per indicator,
/// population and year (`values/stored.rs`); 3: in storage, a manifest and one key per year of values
/// (`persistence`), while a backup stays one document of the same shape as 2.
pub const SCHEMA_VERSION: u32 = 3;

/// The workspace's settings of the engine.
#[derive(Clone, Copy, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Settings {
    /// How far (in % of the target) a forecast may miss and still count as "gefährdet" rather than "kritisch".
    #[serde(rename = "toleranz_prozent")]
    pub tolerance_percent: f64,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            tolerance_percent: 5.0,
        }
    }
}

/// The user's workspace ("Arbeitsbereich").
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Workspace {
    #[serde(rename = "schema_version")]
    pub schema_version: u32,
    #[serde(rename = "organisation")]
    pub organisation: String,
    /// The example from the seed: shown with a label so that nobody takes it for their own data.
    #[serde(rename = "beispiel", default)]
    pub example: bool,
    /// The user's own indicators; the built-in catalogue is not stored.
    #[serde(rename = "eigene_kennzahlen", default)]
    pub indicators: Vec<Indicator>,
    /// Each agreement shared (`Arc`) and copied only when it changes, as the values' years are: a copy of the
    /// workspace is cheap, and a save tells the agreements that changed by pointer.
    #[serde(rename = "zielvereinbarungen", default)]
    pub agreements: Vec<Arc<Agreement>>,
    #[serde(rename = "ist_werte", default)]
    pub values: Values,
    #[serde(rename = "einstellungen", default)]
    pub settings: Settings,
}

impl Workspace {
    /// An empty workspace for an organisation ("Neuen Arbeitsbereich anlegen").
    pub fn empty(organisation: &str) -> Workspace {
        Workspace {
            schema_version: SCHEMA_VERSION,
            organisation: organisation.trim().to_owned(),
            example: false,
            indicators: Vec::new(),
            agreements: Vec::new(),
            values: Values::default(),
            settings: Settings::default(),
        }
    }

    /// Built-in and user-defined indicators, looked up by code.
    pub fn catalogue(&self) -> Catalogue {
        self.meta().catalogue()
    }

    /// The agreement of a year (the first, should there be several).
    pub fn agreement_for(&self, year: Year) -> Option<&Agreement> {
        self.meta().agreement_for(year)
    }

    pub fn agreement(&self, id: AgreementId) -> Option<&Agreement> {
        self.meta().agreement(id)
    }

    /// The target with `id` and the agreement that holds it (target ids are unique across agreements).
    pub fn target(&self, id: TargetId) -> Option<(&Agreement, &Target)> {
        self.meta().target(id)
    }

    /// The target with `id`, to change it.
    pub fn target_mut(&mut self, id: TargetId) -> Option<&mut Target> {
        let agreement = self
            .agreements
            .iter_mut()
            .find(|a| a.target(id).is_some())?;
        Arc::make_mut(agreement)
            .targets
            .iter_mut()
            .find(|t| t.id == id)
    }

    /// The year the screens open with: the latest agreement's, else the current year (`today`), else the
    /// earliest the app takes. One rule for a start, a new workspace and a workspace without agreements.
    pub fn start_year(&self, today: Option<Year>) -> Year {
        self.agreement_years()
            .last()
            .copied()
            .or(today)
            .unwrap_or(Year::EARLIEST)
    }

    /// Years that have an agreement, ascending.
    pub fn agreement_years(&self) -> Vec<Year> {
        let mut years: Vec<Year> = self.agreements.iter().map(|a| a.year).collect();
        years.sort_unstable();
        years.dedup();
        years
    }

    /// The stored form: JSON with the schema version first. An error (which plain data with string keys never
    /// gives) means nothing may be written.
    pub fn to_json(&self) -> Result<String, EncodeError> {
        serde_json::to_string(self).map_err(|e| EncodeError(e.to_string()))
    }

    /// Reads a stored or exported document, migrating older schema versions step by step.
    pub fn from_json(text: &str) -> Result<Workspace, LoadError> {
        let doc: serde_json::Value =
            serde_json::from_str(text).map_err(|e| LoadError::NotJson(e.to_string()))?;
        Workspace::from_value(doc)
    }

    /// Reads an already parsed document, migrating older schema versions step by step.
    pub fn from_value(doc: serde_json::Value) -> Result<Workspace, LoadError> {
        let doc = migrate(doc)?;
        serde_json::from_value(doc).map_err(|e| LoadError::Invalid(e.to_string()))
    }
}

/// Why a workspace could not be written as text; nothing is written then.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EncodeError(pub String);

impl EncodeError {
    pub fn message(&self, lang: Lang) -> String {
        let detail = &self.0;
        crate::tr!(
            lang,
            "Der Arbeitsbereich konnte nicht in Text umgewandelt werden ({detail}); es wurde nichts gespeichert.",
            "The workspace could not be turned into text ({detail}); nothing was saved."
        )
    }
}

/// Why a document could not be read. The document itself is never changed by a failed read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LoadError {
    /// Not JSON at all (cut off, or another file).
    NotJson(String),
    /// JSON, but not a workspace of ours.
    Invalid(String),
    /// Written by a newer version of the app.
    NewerSchema { found: u64 },
    /// Without a schema version.
    NoSchemaVersion,
    /// Readable, but not in itself consistent (e.g. two agreements with one number): the reasons.
    Inconsistent(Vec<String>),
    /// Fields this version does not know (a newer build or a hand edit wrote them): saving would drop them.
    UnknownFields(Vec<String>),
    /// Stored years of values or agreements without the manifest that names them (issue 21, loss 6).
    ManifestMissing { keys: usize },
}

impl LoadError {
    pub fn message(&self, lang: Lang) -> String {
        match self {
            LoadError::NotJson(detail) => tr!(
                lang,
                "Die Daten sind kein gültiges JSON ({detail}).",
                "The data is not valid JSON ({detail})."
            ),
            LoadError::Invalid(detail) => tr!(
                lang,
                "Die Daten sind kein gültiger Arbeitsbereich der Zielsteuerung ({detail}).",
                "The data is not a valid Zielsteuerung workspace ({detail})."
            ),
            LoadError::NewerSchema { found } => tr!(
                lang,
                "Die Daten stammen aus einer neueren Version der Zielsteuerung (Schemaversion {found}, diese Version kennt \
                 bis {SCHEMA_VERSION}). Bitte verwenden Sie die neuere Version.",
                "The data comes from a newer version of Zielsteuerung (schema version {found}; this version knows up \
                 to {SCHEMA_VERSION}). Please use the newer version."
            ),
            LoadError::NoSchemaVersion => tr!(
                lang,
                "Den Daten fehlt die Schemaversion; sie stammen nicht aus der Zielsteuerung.",
                "The data has no schema version; it does not come from Zielsteuerung."
            ),
            LoadError::Inconsistent(reasons) => tr!(
                lang,
                "Die Daten sind in sich nicht stimmig: {}",
                "The data is not consistent: {}",
                reasons.join(" ")
            ),
            LoadError::ManifestMissing { keys } => tr!(
                lang,
                "Im Speicher liegen {keys} Schlüssel mit Werten oder Zielvereinbarungen einzelner Jahre, aber das \
                 Verzeichnis des Arbeitsbereichs, das sie zusammenhält, fehlt.",
                "Storage holds {keys} keys with values or agreements of single years, but the workspace's \
                 directory that holds them together is missing."
            ),
            LoadError::UnknownFields(fields) => tr!(
                lang,
                "Die Daten enthalten Felder, die diese Version der Zielsteuerung nicht kennt ({}); vermutlich stammen \
                 sie aus einer neueren Version. Beim Speichern gingen sie verloren.",
                "The data holds fields this version of Zielsteuerung does not know ({}); it probably comes from a \
                 newer version. Saving would lose them.",
                fields.join(", ")
            ),
        }
    }
}

impl std::fmt::Display for LoadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Lang::De))
    }
}

impl std::error::Error for LoadError {}

/// One migration step: turns a document of version N into version N + 1.
type Migration = fn(serde_json::Value) -> Result<serde_json::Value, LoadError>;

/// `MIGRATIONS[i]` migrates version i + 1 to i + 2. Append a step whenever SCHEMA_VERSION grows; never edit one.
/// The length is part of the type: raising `SCHEMA_VERSION` without a step does not compile.
const MIGRATIONS: [Migration; SCHEMA_VERSION as usize - 1] = [values_as_rows, stored_per_year];

/// Schema 1 → 2: `ist_werte` goes from one object per value (`{"kennzahl","gruppe","jahr","monat"?,"wert" |
/// "zaehler"+"nenner","datenstand"?,"kommentar"?,"verlauf"?}`) to one row per indicator, population and year
/// with slot 0 for the annual value and slots 1–12 for the months. Two values for the same slot (schema 1
/// allowed it) go into separate rows, which reading merges by Datenstand exactly as schema 1 did.
fn values_as_rows(mut doc: serde_json::Value) -> Result<serde_json::Value, LoadError> {
    use serde_json::{Map, Value as J};
    let Some(list) = doc.get_mut("ist_werte") else {
        return Ok(doc);
    };
    let J::Array(items) = list.take() else {
        return Err(LoadError::Invalid("„ist_werte“ ist keine Liste".into()));
    };
    let mut rows: Vec<(J, Map<String, J>)> = Vec::new();
    for (n, item) in items.into_iter().enumerate() {
        let bad = |what: &str| LoadError::Invalid(format!("Ist-Wert Nr. {}: {what}", n + 1));
        let J::Object(mut item) = item else {
            return Err(bad("kein Objekt"));
        };
        let series = J::Array(
            ["kennzahl", "gruppe", "jahr"]
                .iter()
                .map(|k| item.remove(*k).ok_or_else(|| bad(&format!("„{k}“ fehlt"))))
                .collect::<Result<_, _>>()?,
        );
        let slot = match item.remove("monat") {
            None | Some(J::Null) => 0,
            Some(m) => match m.as_u64() {
                Some(m @ 1..=12) => m as usize,
                _ => return Err(bad("„monat“ liegt nicht zwischen 1 und 12")),
            },
        };
        let taken = |row: &Map<String, J>| {
            ["werte", "zaehler"].iter().any(|k| {
                row.get(*k)
                    .and_then(|a| a.get(slot))
                    .is_some_and(|v| !v.is_null())
            })
        };
        let index = match rows.iter().position(|(s, row)| *s == series && !taken(row)) {
            Some(i) => i,
            None => {
                rows.push((series.clone(), Map::new()));
                rows.len() - 1
            }
        };
        let row = &mut rows[index].1;
        for (from, to) in [
            ("wert", "werte"),
            ("zaehler", "zaehler"),
            ("nenner", "nenner"),
            ("datenstand", "datenstand"),
            ("kommentar", "kommentare"),
        ] {
            if let Some(v) = item.remove(from).filter(|v| !v.is_null()) {
                let J::Array(list) = row.entry(to).or_insert_with(|| J::Array(Vec::new())) else {
                    continue;
                };
                if list.len() <= slot {
                    list.resize(slot + 1, J::Null);
                }
                list[slot] = v;
            }
        }
        if let Some(history) = item.remove("verlauf") {
            let J::Array(history) = history else {
                return Err(bad("„verlauf“ ist keine Liste"));
            };
            let target = row.entry("verlauf").or_insert_with(|| J::Array(Vec::new()));
            for mut past in history {
                if let (J::Object(p), true) = (&mut past, slot > 0) {
                    p.insert("monat".into(), J::from(slot));
                }
                if let J::Array(t) = target {
                    t.push(past);
                }
            }
        }
    }
    *list = J::Array(
        rows.into_iter()
            .map(|(series, mut row)| {
                if let J::Array(parts) = series {
                    for (k, v) in ["kennzahl", "gruppe", "jahr"].into_iter().zip(parts) {
                        row.insert(k.into(), v);
                    }
                }
                J::Object(row)
            })
            .collect(),
    );
    Ok(doc)
}

/// Schema 2 → 3: the document keeps its shape. Schema 3 changes how storage holds it (a manifest and one key per
/// year of values, laid out by `persistence` on the first save); a document of schema 2, stored or a backup,
/// reads as it is.
fn stored_per_year(doc: serde_json::Value) -> Result<serde_json::Value, LoadError> {
    Ok(doc)
}

/// Brings a document of any known version to [`SCHEMA_VERSION`].
pub fn migrate(doc: serde_json::Value) -> Result<serde_json::Value, LoadError> {
    migrate_with(doc, &MIGRATIONS, SCHEMA_VERSION)
}

fn migrate_with(
    mut doc: serde_json::Value,
    steps: &[Migration],
    current: u32,
) -> Result<serde_json::Value, LoadError> {
    let version = doc
        .get("schema_version")
        .and_then(serde_json::Value::as_u64)
        .ok_or(LoadError::NoSchemaVersion)?;
    if version > u64::from(current) {
        return Err(LoadError::NewerSchema { found: version });
    }
    if version == 0 {
        return Err(LoadError::Invalid("Schemaversion 0".into()));
    }
    for step in steps.get((version as usize - 1)..).unwrap_or(&[]) {
        doc = step(doc)?;
    }
    if let Some(obj) = doc.as_object_mut() {
        obj.insert("schema_version".into(), serde_json::Value::from(current));
    }
    Ok(doc)
}

/// Indicators by code.
pub struct Catalogue {
    list: Vec<Indicator>,
    by_code: HashMap<String, usize>,
}

impl Catalogue {
    fn new(list: Vec<Indicator>) -> Catalogue {
        let by_code = list
            .iter()
            .enumerate()
            .map(|(i, ind)| (ind.code.0.clone(), i))
            .collect();
        Catalogue { list, by_code }
    }
    pub fn get(&self, code: &str) -> Option<&Indicator> {
        self.by_code.get(code).map(|&i| &self.list[i])
    }
    pub fn all(&self) -> impl Iterator<Item = &Indicator> {
        self.list.iter()
    }
}

mod view;
pub use view::{MetaView, SeriesView, ValuesEdit};

#[cfg(test)]
mod tests;

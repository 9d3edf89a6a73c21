//! The whole document the user works in: organisation, the user's own indicators, agreements, values and
//! settings, with a schema version and step-by-step migrations of older stored documents.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use super::agreement::{Agreement, AgreementId};
use super::attainment::Settings;
use super::calendar::Year;
use super::indicator::{Indicator, builtin_catalogue};
use super::values::Values;
use crate::locale::Lang;

/// The schema version this build writes.
pub const SCHEMA_VERSION: u32 = 1;

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
    #[serde(rename = "zielvereinbarungen", default)]
    pub agreements: Vec<Agreement>,
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
        let mut list = builtin_catalogue();
        list.extend(self.indicators.iter().cloned());
        Catalogue::new(list)
    }

    /// The agreement of a year (the first, should there be several).
    pub fn agreement_for(&self, year: Year) -> Option<&Agreement> {
        self.agreements.iter().find(|a| a.year == year)
    }

    pub fn agreement(&self, id: AgreementId) -> Option<&Agreement> {
        self.agreements.iter().find(|a| a.id == id)
    }

    /// Years that have an agreement, ascending.
    pub fn agreement_years(&self) -> Vec<Year> {
        let mut years: Vec<Year> = self.agreements.iter().map(|a| a.year).collect();
        years.sort_unstable();
        years.dedup();
        years
    }

    /// The stored form: JSON with the schema version first.
    pub fn to_json(&self) -> String {
        // Serialising plain data with string keys cannot fail; an empty string would only mean a bug.
        serde_json::to_string(self).unwrap_or_default()
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
}

impl LoadError {
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (LoadError::NotJson(detail), Lang::De) => {
                format!("Die Daten sind kein gültiges JSON ({detail}).")
            }
            (LoadError::NotJson(detail), Lang::En) => {
                format!("The data is not valid JSON ({detail}).")
            }
            (LoadError::Invalid(detail), Lang::De) => {
                format!("Die Daten sind kein gültiger Arbeitsbereich der Zielsteuerung ({detail}).")
            }
            (LoadError::Invalid(detail), Lang::En) => {
                format!("The data is not a valid Zielsteuerung workspace ({detail}).")
            }
            (LoadError::NewerSchema { found }, Lang::De) => format!(
                "Die Daten stammen aus einer neueren Version der Zielsteuerung (Schemaversion {found}, diese Version kennt \
                 bis {SCHEMA_VERSION}). Bitte verwenden Sie die neuere Version."
            ),
            (LoadError::NewerSchema { found }, Lang::En) => format!(
                "The data comes from a newer version of Zielsteuerung (schema version {found}; this version knows up \
                 to {SCHEMA_VERSION}). Please use the newer version."
            ),
            (LoadError::NoSchemaVersion, Lang::De) => {
                "Den Daten fehlt die Schemaversion; sie stammen nicht aus der Zielsteuerung.".into()
            }
            (LoadError::NoSchemaVersion, Lang::En) => {
                "The data has no schema version; it does not come from Zielsteuerung.".into()
            }
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
const MIGRATIONS: &[Migration] = &[];

/// Brings a document of any known version to [`SCHEMA_VERSION`].
pub fn migrate(doc: serde_json::Value) -> Result<serde_json::Value, LoadError> {
    migrate_with(doc, MIGRATIONS, SCHEMA_VERSION)
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
    for step in &steps[(version as usize - 1)..] {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_workspace_round_trips() {
        let ws = Workspace::empty(" Jobcenter Musterkreis ");
        assert_eq!(ws.organisation, "Jobcenter Musterkreis");
        let json = ws.to_json();
        assert!(json.starts_with(r#"{"schema_version":1,"#), "{json}");
        assert_eq!(Workspace::from_json(&json), Ok(ws));
    }

    #[test]
    fn unreadable_documents_say_why() {
        assert!(matches!(
            Workspace::from_json("{kaputt"),
            Err(LoadError::NotJson(_))
        ));
        assert_eq!(
            Workspace::from_json(r#"{"organisation":"x"}"#),
            Err(LoadError::NoSchemaVersion)
        );
        assert_eq!(
            Workspace::from_json(r#"{"schema_version":7}"#),
            Err(LoadError::NewerSchema { found: 7 })
        );
        assert!(matches!(
            Workspace::from_json(r#"{"schema_version":1}"#),
            Err(LoadError::Invalid(_))
        ));
        let newer = LoadError::NewerSchema { found: 7 }.message(Lang::De);
        assert!(newer.contains("neueren Version"), "{newer}");
    }

    #[test]
    fn migrations_run_step_by_step_from_any_old_version() {
        fn one_to_two(mut doc: serde_json::Value) -> Result<serde_json::Value, LoadError> {
            doc["organisation"] = serde_json::Value::from(format!(
                "{} (v2)",
                doc["organisation"].as_str().unwrap_or("")
            ));
            Ok(doc)
        }
        fn two_to_three(mut doc: serde_json::Value) -> Result<serde_json::Value, LoadError> {
            doc["neu"] = serde_json::Value::from(true);
            Ok(doc)
        }
        let steps: &[Migration] = &[one_to_two, two_to_three];
        let v1 = serde_json::json!({"schema_version": 1, "organisation": "KJC"});
        let out = migrate_with(v1, steps, 3).unwrap();
        assert_eq!(
            out,
            serde_json::json!({"schema_version": 3, "organisation": "KJC (v2)", "neu": true})
        );
        let v2 = serde_json::json!({"schema_version": 2, "organisation": "KJC"});
        assert_eq!(migrate_with(v2, steps, 3).unwrap()["organisation"], "KJC");
        assert_eq!(
            migrate_with(serde_json::json!({"schema_version": 4}), steps, 3),
            Err(LoadError::NewerSchema { found: 4 })
        );
    }
}

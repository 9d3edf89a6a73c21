//! The whole document the user works in: organisation, the user's own indicators, agreements, values and
//! settings, with a schema version and step-by-step migrations of older stored documents.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use super::agreement::{Agreement, AgreementId, Target, TargetId};
use super::indicator::{Indicator, builtin_catalogue};
use super::values::Values;
use crate::core::calendar::Year;
use crate::locale::Lang;

/// The schema version this build writes. 1: one object per value; 2: the values as rows per indicator,
/// population and year (`values/stored.rs`).
pub const SCHEMA_VERSION: u32 = 2;

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

    /// The target with `id` and the agreement that holds it (target ids are unique across agreements).
    pub fn target(&self, id: TargetId) -> Option<(&Agreement, &Target)> {
        self.agreements
            .iter()
            .find_map(|a| a.target(id).map(|t| (a, t)))
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
            (LoadError::Inconsistent(reasons), Lang::De) => format!(
                "Die Daten sind in sich nicht stimmig: {}",
                reasons.join(" ")
            ),
            (LoadError::Inconsistent(reasons), Lang::En) => {
                format!("The data is not consistent: {}", reasons.join(" "))
            }
            (LoadError::UnknownFields(fields), Lang::De) => format!(
                "Die Daten enthalten Felder, die diese Version der Zielsteuerung nicht kennt ({}); vermutlich stammen \
                 sie aus einer neueren Version. Beim Speichern gingen sie verloren.",
                fields.join(", ")
            ),
            (LoadError::UnknownFields(fields), Lang::En) => format!(
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
const MIGRATIONS: [Migration; SCHEMA_VERSION as usize - 1] = [values_as_rows];

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_start_year_is_the_latest_agreement_else_this_year() {
        let y = |v| Year::new(v).unwrap();
        let seed = crate::domain::example::odenwaldkreis();
        assert_eq!(seed.start_year(Some(y(2026))), y(2022));
        let empty = Workspace::empty("KJC");
        assert_eq!(empty.start_year(Some(y(2026))), y(2026));
        assert_eq!(empty.start_year(None), y(2000));
    }

    #[test]
    fn empty_workspace_round_trips() {
        let ws = Workspace::empty(" Jobcenter Musterkreis ");
        assert_eq!(ws.organisation, "Jobcenter Musterkreis");
        let json = ws.to_json().unwrap();
        assert!(json.starts_with(r#"{"schema_version":2,"#), "{json}");
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
            Workspace::from_json(r#"{"schema_version":2}"#),
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

    #[test]
    fn schema_1_values_become_rows_with_nothing_lost() {
        let v1 = serde_json::json!({
            "schema_version": 1, "organisation": "KJC", "ist_werte": [
                {"kennzahl": "INT", "gruppe": "Insgesamt", "jahr": 2021, "wert": 718.0, "kommentar": "Pressemitteilung"},
                {"kennzahl": "INT", "gruppe": "Insgesamt", "jahr": 2022, "monat": 3, "wert": 66.0,
                 "datenstand": "2022-07-31", "verlauf": [{"wert": 65.0, "datenstand": "2022-06-30"}]},
                {"kennzahl": "INT", "gruppe": "Insgesamt", "jahr": 2022, "monat": 1, "wert": 60.0, "datenstand": "2022-05-31"},
                {"kennzahl": "K2E3", "gruppe": "Frauen", "jahr": 2022, "monat": 2, "zaehler": 43.0, "nenner": 74.0},
                // The same month twice (schema 1 could hold it): the newer Datenstand wins on reading.
                {"kennzahl": "INT", "gruppe": "Insgesamt", "jahr": 2022, "monat": 1, "wert": 59.0, "datenstand": "2022-04-30"}
            ]
        });
        let v2 = migrate(v1).unwrap();
        assert_eq!(v2["schema_version"], 2);
        assert_eq!(
            v2["ist_werte"],
            serde_json::json!([
                {"kennzahl": "INT", "gruppe": "Insgesamt", "jahr": 2021, "werte": [718.0], "kommentare": ["Pressemitteilung"]},
                {"kennzahl": "INT", "gruppe": "Insgesamt", "jahr": 2022, "werte": [null, 60.0, null, 66.0],
                 "datenstand": [null, "2022-05-31", null, "2022-07-31"],
                 "verlauf": [{"wert": 65.0, "datenstand": "2022-06-30", "monat": 3}]},
                {"kennzahl": "K2E3", "gruppe": "Frauen", "jahr": 2022, "zaehler": [null, null, 43.0], "nenner": [null, null, 74.0]},
                {"kennzahl": "INT", "gruppe": "Insgesamt", "jahr": 2022, "werte": [null, 59.0], "datenstand": [null, "2022-04-30"]}
            ])
        );
        let ws: Workspace = serde_json::from_value(v2).unwrap();
        assert_eq!(ws.values.len(), 4);
        let jan = ws
            .values
            .iter()
            .find(|v| v.key.year.get() == 2022 && v.key.month.is_some_and(|m| m.number() == 1))
            .unwrap();
        assert_eq!(
            jan.current.amount,
            crate::domain::values::Amount::Number(60.0)
        );
        assert_eq!(jan.history.len(), 1);
        let march = ws
            .values
            .iter()
            .find(|v| v.key.month.is_some_and(|m| m.number() == 3))
            .unwrap();
        assert_eq!(
            march.history[0].amount,
            crate::domain::values::Amount::Number(65.0)
        );
        // What schema 2 writes reads back the same.
        assert_eq!(Workspace::from_json(&ws.to_json().unwrap()), Ok(ws));
    }

    #[test]
    fn broken_schema_1_values_are_refused_with_the_number_of_the_value() {
        let doc = |values: serde_json::Value| serde_json::json!({"schema_version": 1, "organisation": "KJC", "ist_werte": values});
        let reason = |values| match migrate(doc(values)) {
            Err(LoadError::Invalid(r)) => r,
            other => panic!("{other:?}"),
        };
        assert_eq!(
            reason(serde_json::json!([{"gruppe": "Insgesamt", "jahr": 2022}])),
            "Ist-Wert Nr. 1: „kennzahl“ fehlt"
        );
        assert_eq!(
            reason(
                serde_json::json!([{"kennzahl": "INT", "gruppe": "Insgesamt", "jahr": 2022, "wert": 1}, 5])
            ),
            "Ist-Wert Nr. 2: kein Objekt"
        );
        assert_eq!(
            reason(
                serde_json::json!([{"kennzahl": "INT", "gruppe": "Insgesamt", "jahr": 2022, "monat": 13, "wert": 1}])
            ),
            "Ist-Wert Nr. 1: „monat“ liegt nicht zwischen 1 und 12"
        );
        assert_eq!(
            reason(serde_json::json!({"a": 1})),
            "„ist_werte“ ist keine Liste"
        );
    }
}

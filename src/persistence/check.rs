//! What storage holds, checked as a backup is: migrated, read, checked for consistency, and compared field by
//! field with what this build writes (a field it does not know would be lost by saving).

use super::STAMP_FIELDS;
use crate::domain::workspace::{LoadError, Workspace};
use crate::locale::Lang;

/// A parsed document (its stamp fields already taken out) as a workspace: migrated, every field known, and
/// consistent as a backup must be. Messages in `lang`.
pub fn checked_workspace(value: serde_json::Value, lang: Lang) -> Result<Workspace, LoadError> {
    let migrated = crate::domain::workspace::migrate(value)?;
    let workspace: Workspace =
        serde_json::from_value(migrated.clone()).map_err(|e| LoadError::Invalid(e.to_string()))?;
    let known = serde_json::to_value(&workspace).map_err(|e| LoadError::Invalid(e.to_string()))?;
    let mut unknown = Vec::new();
    unknown_fields(&migrated, &known, "", &mut unknown);
    unknown.retain(|f| !STAMP_FIELDS.contains(&f.as_str()));
    if !unknown.is_empty() {
        unknown.sort();
        unknown.dedup();
        return Err(LoadError::UnknownFields(unknown));
    }
    let problems = crate::domain::check::problems(&workspace, lang);
    if !problems.is_empty() {
        return Err(LoadError::Inconsistent(problems));
    }
    Ok(workspace)
}

/// The paths of fields in `stored` that the workspace read from it does not write back (`known`). Arrays count
/// as one shape: a field is known when any element anywhere at that place has it. Fields without content
/// (null, "", false, or arrays and objects of nothing else) are not reported: dropping them loses nothing.
pub(super) fn unknown_fields(
    stored: &serde_json::Value,
    known: &serde_json::Value,
    path: &str,
    out: &mut Vec<String>,
) {
    compare_with_shape(stored, &shape(known), path, out);
}

/// The shape of a JSON value: its objects' field names, every array as one element that unites the shapes of
/// all its elements.
pub(super) fn shape(value: &serde_json::Value) -> serde_json::Value {
    use serde_json::Value as J;
    match value {
        J::Object(o) => J::Object(o.iter().map(|(k, v)| (k.clone(), shape(v))).collect()),
        J::Array(items) => {
            let mut united = J::Null;
            for item in items {
                unite(&mut united, shape(item));
            }
            J::Array(vec![united])
        }
        _ => J::Null,
    }
}

/// Adds the fields of shape `b` to shape `a`.
pub(super) fn unite(a: &mut serde_json::Value, b: serde_json::Value) {
    use serde_json::Value as J;
    match (a, b) {
        (J::Object(a), J::Object(b)) => {
            for (key, value) in b {
                match a.get_mut(&key) {
                    Some(existing) => unite(existing, value),
                    None => {
                        a.insert(key, value);
                    }
                }
            }
        }
        (J::Array(a), J::Array(mut b)) => {
            if let (Some(first), Some(other)) = (a.first_mut(), b.pop()) {
                unite(first, other);
            }
        }
        (a @ J::Null, b) => *a = b,
        _ => {}
    }
}

pub(super) fn compare_with_shape(
    stored: &serde_json::Value,
    shape: &serde_json::Value,
    path: &str,
    out: &mut Vec<String>,
) {
    use serde_json::Value as J;
    fn empty(v: &J) -> bool {
        match v {
            J::Null => true,
            J::Bool(b) => !b,
            J::String(s) => s.is_empty(),
            J::Array(a) => a.iter().all(empty),
            J::Object(o) => o.values().all(empty),
            J::Number(_) => false,
        }
    }
    match (stored, shape) {
        (J::Object(s), J::Object(k)) => {
            for (key, value) in s {
                let here = if path.is_empty() {
                    key.clone()
                } else {
                    format!("{path}.{key}")
                };
                match k.get(key) {
                    Some(kv) => compare_with_shape(value, kv, &here, out),
                    None if !empty(value) => out.push(here),
                    None => {}
                }
            }
        }
        (J::Array(items), J::Array(k)) => {
            if let Some(element) = k.first() {
                for item in items {
                    compare_with_shape(item, element, path, out);
                }
            }
        }
        _ => {}
    }
}

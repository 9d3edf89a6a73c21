//! What a workspace must be before the app trusts it, whether it comes from a backup, a file or the browser's
//! store: own indicator codes valid and unique, one agreement per year and number, unique target numbers, every
//! target valid for its indicator, and every figure (the replaced ones too) within what its indicator can hold.

use std::collections::{BTreeSet, HashSet};

use super::indicator::validate_user_code;
use super::names::describe_key;
use super::workspace::Workspace;
use crate::locale::Lang;
use crate::tr;

/// What the app itself never produces but a hand-edited file or store might: the reasons, each a sentence in
/// `lang`; empty when the workspace can be trusted.
pub fn problems(workspace: &Workspace, lang: Lang) -> Vec<String> {
    let mut problems = Vec::new();
    let mut own = HashSet::new();
    for indicator in &workspace.indicators {
        let code = indicator.code.as_str();
        if let Err(reason) = validate_user_code(code) {
            problems.push(reason.message(lang));
        } else if !own.insert(code.to_ascii_uppercase()) {
            problems.push(tr!(
                lang,
                "Die eigene Kennzahl „{code}“ ist doppelt definiert.",
                "The own indicator “{code}” is defined twice."
            ));
        }
    }
    let catalogue = workspace.catalogue();
    let mut agreement_ids = HashSet::new();
    let mut years = HashSet::new();
    let mut target_ids = HashSet::new();
    for agreement in &workspace.agreements {
        let year = agreement.year;
        if !agreement_ids.insert(agreement.id) {
            problems.push(tr!(
                lang,
                "Die Nummer der Zielvereinbarung {year} ist doppelt vergeben.",
                "The number of the {year} agreement is used twice."
            ));
        }
        if !years.insert(year) {
            problems.push(tr!(
                lang,
                "Für {year} gibt es mehr als eine Zielvereinbarung.",
                "There is more than one agreement for {year}."
            ));
        }
        for target in &agreement.targets {
            if !target_ids.insert(target.id) {
                problems.push(tr!(
                    lang,
                    "Eine Zielnummer in der Zielvereinbarung {year} ist doppelt vergeben.",
                    "A target number in the {year} agreement is used twice."
                ));
            }
            let indicator = target
                .format
                .subject()
                .map(|s| (s, catalogue.get(s.indicator.as_str())));
            if let Some((subject, None)) = indicator {
                problems.push(tr!(
                    lang,
                    "Ein Ziel der Zielvereinbarung {year} nennt die unbekannte Kennzahl „{}“.",
                    "A target of the {year} agreement names the unknown indicator “{}”.",
                    subject.indicator
                ));
                continue;
            }
            for reason in target.validate(indicator.and_then(|(_, i)| i), lang) {
                problems.push(format!("{year}: {reason}"));
            }
        }
    }
    let mut unknown = BTreeSet::new();
    for value in workspace.values.iter() {
        let Some(indicator) = catalogue.get(value.key.indicator.as_str()) else {
            unknown.insert(value.key.indicator.as_str().to_owned());
            continue;
        };
        // Every figure within what its indicator can hold, the replaced ones too: one absurd number would
        // freeze a chart.
        for revision in std::iter::once(&value.current).chain(&value.history) {
            if let Err(e) = indicator.check_amount(revision.amount) {
                let what = describe_key(&value.key, lang);
                let why = e.message(lang);
                problems.push(crate::tr!(lang, "{what}: {why}.", "{what}: {why}."));
            }
        }
    }
    for code in unknown {
        problems.push(tr!(
            lang,
            "Es gibt Werte der unbekannten Kennzahl „{code}“.",
            "There are values of the unknown indicator “{code}”."
        ));
    }
    problems
}

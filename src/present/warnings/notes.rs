//! The notes under the value grid of one year as sentences, worked out again only for the indicators whose values
//! (or definition) changed: a typed value costs the notes of its indicator, not those of the year's forty (issue 22).

use std::collections::{HashMap, HashSet};

use super::text;
use crate::core::calendar::Year;
use crate::domain::attainment::{indicator_series, indicator_value_warnings};
use crate::domain::indicator::Indicator;
use crate::domain::values::Series;
use crate::domain::workspace::{Catalogue, Workspace};
use crate::locale::Lang;

/// What one indicator's notes were made from, and the notes.
struct Kept {
    indicator: Indicator,
    series: [Series; 3],
    texts: Vec<String>,
}

/// The notes of a year, kept per indicator between calls.
#[derive(Default)]
pub struct YearNotes {
    of: Option<(Year, Lang)>,
    kept: HashMap<String, Kept>,
    /// How many indicators the last call worked out anew (the rest were kept).
    pub worked_out: usize,
}

impl YearNotes {
    /// The sentences of `value_warnings` for `year`, each said once, in the catalogue's order: the same as
    /// working them all out, with the indicators whose series and definition are unchanged taken as kept.
    pub fn notes(
        &mut self,
        workspace: &Workspace,
        catalogue: &Catalogue,
        year: Year,
        lang: Lang,
    ) -> Vec<String> {
        if self.of != Some((year, lang)) {
            self.kept.clear();
            self.of = Some((year, lang));
        }
        self.worked_out = 0;
        let mut kept = HashMap::with_capacity(self.kept.len());
        let mut said = HashSet::new();
        let mut notes = Vec::new();
        for indicator in catalogue.all().filter(|i| i.takes_values()) {
            let series = indicator_series(workspace, indicator, year);
            let entry = match self.kept.remove(&indicator.code.0) {
                Some(before) if before.indicator == *indicator && before.series == series => before,
                _ => {
                    self.worked_out += 1;
                    let texts = indicator_value_warnings(indicator, &series)
                        .iter()
                        .map(|warning| text(warning, catalogue, lang))
                        .collect();
                    Kept {
                        indicator: indicator.clone(),
                        series,
                        texts,
                    }
                }
            };
            // A note said twice is said once (the grid's list is keyed by its text).
            notes.extend(
                entry
                    .texts
                    .iter()
                    .filter(|t| said.insert((*t).clone()))
                    .cloned(),
            );
            kept.insert(indicator.code.0.clone(), entry);
        }
        self.kept = kept;
        notes
    }
}

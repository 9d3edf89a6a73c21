//! Merging when a tab cannot be sure which commit both sides share: both candidates are merged, and the units
//! where they differ become conflicts.

use std::collections::BTreeSet;
use std::sync::Arc;

use super::{Conflict, Merge, head, merge3};
use crate::core::calendar::Year;
use crate::domain::agreement::{Agreement, AgreementId, TargetId};
use crate::domain::values::ValueKey;
use crate::domain::workspace::Workspace;

/// Merges when this tab cannot tell which of two commits both sides share (it missed commits in between, so the
/// foreign save's parent is unknown to it): the commit it last read, or its own write since, which may or may
/// not have reached the other side. Where the two give the same merge, that is it; where they differ, those
/// units are conflicts for the user – nothing is silently brought back or dropped (issue 21).
pub fn merge3_unsure(bases: [&Workspace; 2], mine: &Workspace, theirs: &Workspace) -> Merge {
    match (
        merge3(bases[0], mine, theirs),
        merge3(bases[1], mine, theirs),
    ) {
        (Merge::Clean(a), Merge::Clean(b)) if a == b => Merge::Clean(a),
        (Merge::Clean(a), Merge::Clean(b)) => Merge::Conflicts(units_differing(&a, &b)),
        (Merge::Conflicts(mut a), Merge::Conflicts(b)) => {
            a.extend(b);
            a.sort();
            a.dedup();
            Merge::Conflicts(a)
        }
        (Merge::Conflicts(a), Merge::Clean(_)) | (Merge::Clean(_), Merge::Conflicts(a)) => {
            Merge::Conflicts(a)
        }
    }
}

/// The units (as [`Conflict`] names them) on which two workspaces differ.
pub fn units_differing(a: &Workspace, b: &Workspace) -> Vec<Conflict> {
    let mut out = Vec::new();
    if a.organisation != b.organisation {
        out.push(Conflict::Organisation);
    }
    if a.settings != b.settings {
        out.push(Conflict::Settings);
    }
    if a.example != b.example {
        out.push(Conflict::Example);
    }
    let codes: BTreeSet<&String> = a
        .indicators
        .iter()
        .chain(&b.indicators)
        .map(|i| &i.code.0)
        .collect();
    for code in codes {
        let find = |w: &Workspace| w.indicators.iter().find(|i| &i.code.0 == code).cloned();
        if find(a) != find(b) {
            out.push(Conflict::Indicator(code.clone()));
        }
    }
    let ids: BTreeSet<AgreementId> = a
        .agreements
        .iter()
        .chain(&b.agreements)
        .map(|x| x.id)
        .collect();
    for id in ids {
        let find = |w: &Workspace| w.agreements.iter().find(|x| x.id == id).cloned();
        let (x, y) = (find(a), find(b));
        if x.as_deref().map(head) != y.as_deref().map(head) {
            out.push(Conflict::Agreement(id));
            continue;
        }
        let tids: BTreeSet<TargetId> = x
            .iter()
            .chain(y.iter())
            .flat_map(|g| g.targets.iter().map(|t| t.id))
            .collect();
        for tid in tids {
            let target = |g: &Option<Arc<Agreement>>| {
                g.as_ref()
                    .and_then(|g| g.targets.iter().find(|t| t.id == tid).cloned())
            };
            if target(&x) != target(&y) {
                out.push(Conflict::Target(id, tid));
            }
        }
    }
    let years: BTreeSet<Year> = a
        .values
        .years()
        .into_iter()
        .chain(b.values.years())
        .collect();
    for year in years {
        if a.values.same_year(&b.values, year) {
            continue;
        }
        let keys: BTreeSet<&ValueKey> = a
            .values
            .iter_year(year)
            .chain(b.values.iter_year(year))
            .map(|v| &v.key)
            .collect();
        for key in keys {
            if a.values.get(key) != b.values.get(key) {
                out.push(Conflict::Value(key.clone()));
            }
        }
    }
    out.sort();
    out
}

//! Two tabs (or two colleagues) changed the same workspace: a three-way merge. From the version both started
//! from (`base`), each side's changes are taken where only that side changed something; where both changed the
//! same thing differently, that is a conflict for the user to decide. Nothing that only one side changed is ever
//! lost, and a merge of a side with itself changes nothing.
//!
//! The units of change are what a user edits at once: the organisation, the settings, each own indicator (by
//! code), each agreement's own fields (by number), each target (by number, within its agreement), each value (by
//! indicator, population, year and month).

use std::collections::{BTreeMap, BTreeSet};

use super::agreement::{Agreement, AgreementId, Target, TargetId};
use super::values::{Value, ValueKey};
use super::workspace::Workspace;
use crate::core::calendar::Year;

/// What both sides changed differently.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Conflict {
    Organisation,
    Settings,
    Example,
    Indicator(String),
    Agreement(AgreementId),
    Target(AgreementId, TargetId),
    Value(ValueKey),
}

/// The outcome of a merge.
#[derive(Clone, Debug, PartialEq)]
pub enum Merge {
    /// Every change of both sides, in one workspace.
    Clean(Workspace),
    /// The things both sides changed differently (nothing merged).
    Conflicts(Vec<Conflict>),
}

/// One unit: the side that changed it, or a conflict.
fn pick<T: PartialEq + Clone>(
    base: Option<&T>,
    mine: Option<&T>,
    theirs: Option<&T>,
) -> Result<Option<T>, ()> {
    if mine == theirs || mine == base {
        Ok(theirs.cloned())
    } else if theirs == base {
        Ok(mine.cloned())
    } else {
        Err(())
    }
}

/// The agreement's own fields, without its targets.
fn head(agreement: &Agreement) -> Agreement {
    Agreement {
        targets: Vec::new(),
        ..agreement.clone()
    }
}

/// Merges `mine` and `theirs`, both changed from `base`.
pub fn merge3(base: &Workspace, mine: &Workspace, theirs: &Workspace) -> Merge {
    let mut conflicts = Vec::new();
    let mut out = theirs.clone();

    match pick(
        Some(&base.organisation),
        Some(&mine.organisation),
        Some(&theirs.organisation),
    ) {
        Ok(v) => out.organisation = v.unwrap_or_default(),
        Err(()) => conflicts.push(Conflict::Organisation),
    }
    match pick(
        Some(&base.settings),
        Some(&mine.settings),
        Some(&theirs.settings),
    ) {
        Ok(Some(v)) => out.settings = v,
        Ok(None) => {}
        Err(()) => conflicts.push(Conflict::Settings),
    }
    match pick(
        Some(&base.example),
        Some(&mine.example),
        Some(&theirs.example),
    ) {
        Ok(Some(v)) => out.example = v,
        Ok(None) => {}
        Err(()) => conflicts.push(Conflict::Example),
    }

    // Own indicators by code, in theirs' order with mine's additions after.
    let by_code = |w: &Workspace| {
        w.indicators
            .iter()
            .map(|i| (i.code.0.clone(), i.clone()))
            .collect::<BTreeMap<_, _>>()
    };
    let (b, m, t) = (by_code(base), by_code(mine), by_code(theirs));
    let codes: BTreeSet<&String> = b.keys().chain(m.keys()).chain(t.keys()).collect();
    let mut indicators = Vec::new();
    for code in codes {
        match pick(b.get(code), m.get(code), t.get(code)) {
            Ok(Some(i)) => indicators.push(i),
            Ok(None) => {}
            Err(()) => conflicts.push(Conflict::Indicator(code.clone())),
        }
    }
    let order: Vec<&String> = theirs
        .indicators
        .iter()
        .map(|i| &i.code.0)
        .chain(mine.indicators.iter().map(|i| &i.code.0))
        .collect();
    indicators.sort_by_key(|i| order.iter().position(|c| **c == i.code.0));
    out.indicators = indicators;

    // Agreements by number: their own fields, and their targets by number.
    fn by_id(w: &Workspace) -> BTreeMap<AgreementId, &Agreement> {
        w.agreements.iter().map(|a| (a.id, a.as_ref())).collect()
    }
    let (b, m, t) = (by_id(base), by_id(mine), by_id(theirs));
    let ids: BTreeSet<AgreementId> = b.keys().chain(m.keys()).chain(t.keys()).copied().collect();
    let mut agreements = Vec::new();
    for id in ids {
        let (ba, ma, ta) = (
            b.get(&id).copied(),
            m.get(&id).copied(),
            t.get(&id).copied(),
        );
        let heads = pick(
            ba.map(head).as_ref(),
            ma.map(head).as_ref(),
            ta.map(head).as_ref(),
        );
        let Ok(merged_head) = heads else {
            conflicts.push(Conflict::Agreement(id));
            continue;
        };
        let Some(mut agreement) = merged_head else {
            // Removed on one side and untouched on the other (or on both): gone. A removal against a change of
            // its targets is a conflict below.
            let changed_targets = |side: Option<&Agreement>| {
                side.is_some_and(|s| ba.is_none_or(|base| base.targets != s.targets))
            };
            if (ma.is_none() && changed_targets(ta)) || (ta.is_none() && changed_targets(ma)) {
                conflicts.push(Conflict::Agreement(id));
            }
            continue;
        };
        fn targets_of(a: Option<&Agreement>) -> BTreeMap<TargetId, &Target> {
            a.map(|a| a.targets.iter().map(|t| (t.id, t)).collect())
                .unwrap_or_default()
        }
        let (bt, mt, tt) = (targets_of(ba), targets_of(ma), targets_of(ta));
        let target_ids: BTreeSet<TargetId> = bt
            .keys()
            .chain(mt.keys())
            .chain(tt.keys())
            .copied()
            .collect();
        let mut kept: Vec<Target> = Vec::new();
        for tid in target_ids {
            match pick(
                bt.get(&tid).copied(),
                mt.get(&tid).copied(),
                tt.get(&tid).copied(),
            ) {
                Ok(Some(target)) => kept.push(target),
                Ok(None) => {}
                Err(()) => conflicts.push(Conflict::Target(id, tid)),
            }
        }
        // Theirs' order, mine's new targets where mine has them (under their total).
        let order: Vec<TargetId> = ta
            .map(|a| a.targets.iter().map(|t| t.id).collect())
            .unwrap_or_default();
        agreement.targets = kept
            .iter()
            .filter(|t| order.contains(&t.id))
            .cloned()
            .collect();
        agreement
            .targets
            .sort_by_key(|t| order.iter().position(|o| *o == t.id));
        for target in kept.into_iter().filter(|t| !order.contains(&t.id)) {
            let at = agreement.insert_position(&target);
            agreement.targets.insert(at, target);
        }
        agreements.push(agreement);
    }
    agreements.sort_by_key(|a| a.year);
    // An agreement as one side has it stays that side's shared copy: a save then sees it unchanged.
    let shared = |a: Agreement| {
        [theirs, mine]
            .iter()
            .find_map(|w| {
                w.agreements
                    .iter()
                    .find(|x| x.id == a.id && ***x == a)
                    .cloned()
            })
            .unwrap_or_else(|| std::sync::Arc::new(a))
    };
    out.agreements = agreements.into_iter().map(shared).collect();

    // Values by year: a year only one side changed (the other still shares the base's copy) is taken whole;
    // within a year both changed, value by value.
    let years: BTreeSet<Year> = [&base.values, &mine.values, &theirs.values]
        .into_iter()
        .flat_map(|v| v.years())
        .collect();
    for year in years {
        let whole = if mine.values.same_year(&base.values, year) {
            Some(&theirs.values)
        } else if theirs.values.same_year(&base.values, year)
            || theirs.values.same_year(&mine.values, year)
        {
            Some(&mine.values)
        } else {
            None
        };
        if let Some(side) = whole {
            out.values
                .set_year(year, side.year(year).cloned().unwrap_or_default());
            continue;
        }
        let keys: BTreeSet<&ValueKey> = base
            .values
            .iter_year(year)
            .chain(mine.values.iter_year(year))
            .chain(theirs.values.iter_year(year))
            .map(|v| &v.key)
            .collect();
        for key in keys {
            let (bv, mv, tv) = (
                base.values.get(key),
                mine.values.get(key),
                theirs.values.get(key),
            );
            match pick::<Value>(bv, mv, tv) {
                Ok(Some(v)) => out.values.put(v),
                Ok(None) => {
                    out.values.remove(key);
                }
                Err(()) => conflicts.push(Conflict::Value(key.clone())),
            }
        }
    }

    if conflicts.is_empty() {
        Merge::Clean(out)
    } else {
        conflicts.sort();
        Merge::Conflicts(conflicts)
    }
}

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
            let target = |g: &Option<std::sync::Arc<Agreement>>| {
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

#[cfg(test)]
mod tests;

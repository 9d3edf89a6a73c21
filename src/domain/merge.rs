//! Two tabs (or two colleagues) changed the same workspace: a three-way merge. From the version both started
//! from (`base`), each side's changes are taken where only that side changed something; where both changed the
//! same thing differently, that is a conflict for the user to decide. Nothing that only one side changed is ever
//! lost, and a merge of a side with itself changes nothing.
//!
//! The units of change are what a user edits at once: the organisation, the settings, each own indicator (by
//! code), each agreement's own fields (by number), each target (by number, within its agreement), each value (by
//! indicator, population, year and month).

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use super::agreement::{Agreement, AgreementId, Target, TargetId};
use super::indicator::Indicator;
use super::values::{Value, ValueKey};
use super::workspace::Workspace;
use crate::core::calendar::Year;

mod unsure;

pub use unsure::{merge3_unsure, units_differing};

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
    merge_fields(base, mine, theirs, &mut out, &mut conflicts);
    out.indicators = merge_indicators(base, mine, theirs, &mut conflicts);
    out.agreements = merge_agreements(base, mine, theirs, &mut conflicts);
    merge_values(base, mine, theirs, &mut out, &mut conflicts);
    if conflicts.is_empty() {
        Merge::Clean(out)
    } else {
        conflicts.sort();
        Merge::Conflicts(conflicts)
    }
}

/// The workspace's own fields: organisation, settings, whether it is the example.
fn merge_fields(
    base: &Workspace,
    mine: &Workspace,
    theirs: &Workspace,
    out: &mut Workspace,
    conflicts: &mut Vec<Conflict>,
) {
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
}

/// Own indicators by code, in theirs' order with mine's additions after.
fn merge_indicators(
    base: &Workspace,
    mine: &Workspace,
    theirs: &Workspace,
    conflicts: &mut Vec<Conflict>,
) -> Vec<Indicator> {
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
    indicators
}

/// Agreements by number, ordered by year. An agreement as one side has it stays that side's shared copy: a
/// save then sees it unchanged.
fn merge_agreements(
    base: &Workspace,
    mine: &Workspace,
    theirs: &Workspace,
    conflicts: &mut Vec<Conflict>,
) -> Vec<Arc<Agreement>> {
    fn by_id(w: &Workspace) -> BTreeMap<AgreementId, &Agreement> {
        w.agreements.iter().map(|a| (a.id, a.as_ref())).collect()
    }
    let (b, m, t) = (by_id(base), by_id(mine), by_id(theirs));
    let ids: BTreeSet<AgreementId> = b.keys().chain(m.keys()).chain(t.keys()).copied().collect();
    let mut agreements: Vec<Agreement> = ids
        .into_iter()
        .filter_map(|id| {
            let sides = [
                b.get(&id).copied(),
                m.get(&id).copied(),
                t.get(&id).copied(),
            ];
            merge_agreement(id, sides, conflicts)
        })
        .collect();
    agreements.sort_by_key(|a| a.year);
    let shared = |a: Agreement| {
        [theirs, mine]
            .iter()
            .find_map(|w| {
                w.agreements
                    .iter()
                    .find(|x| x.id == a.id && ***x == a)
                    .cloned()
            })
            .unwrap_or_else(|| Arc::new(a))
    };
    agreements.into_iter().map(shared).collect()
}

/// One agreement as base, mine and theirs have it: its own fields, and its targets by number. `None` when it is
/// gone or its own fields conflict.
fn merge_agreement(
    id: AgreementId,
    [ba, ma, ta]: [Option<&Agreement>; 3],
    conflicts: &mut Vec<Conflict>,
) -> Option<Agreement> {
    let heads = pick(
        ba.map(head).as_ref(),
        ma.map(head).as_ref(),
        ta.map(head).as_ref(),
    );
    let Ok(merged_head) = heads else {
        conflicts.push(Conflict::Agreement(id));
        return None;
    };
    let Some(mut agreement) = merged_head else {
        // Removed on one side and untouched on the other (or on both): gone. A removal against a change of
        // its targets is a conflict.
        let changed_targets = |side: Option<&Agreement>| {
            side.is_some_and(|s| ba.is_none_or(|base| base.targets != s.targets))
        };
        if (ma.is_none() && changed_targets(ta)) || (ta.is_none() && changed_targets(ma)) {
            conflicts.push(Conflict::Agreement(id));
        }
        return None;
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
    Some(agreement)
}

/// Values by year: a year only one side changed (the other still shares the base's copy) is taken whole;
/// within a year both changed, value by value.
fn merge_values(
    base: &Workspace,
    mine: &Workspace,
    theirs: &Workspace,
    out: &mut Workspace,
    conflicts: &mut Vec<Conflict>,
) {
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
}

#[cfg(test)]
mod tests;

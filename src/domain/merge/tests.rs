use super::*;
use crate::core::calendar::{Month, Year};
use crate::domain::example::odenwaldkreis;
use crate::domain::indicator::IndicatorCode;
use crate::domain::values::{Amount, Population};

fn key(month: i64) -> ValueKey {
    ValueKey {
        indicator: IndicatorCode::new("INT"),
        population: Population::Total,
        year: Year::new(2022).unwrap(),
        month: Month::new(month),
    }
}

fn with_value(ws: &Workspace, month: i64, v: f64) -> Workspace {
    let mut out = ws.clone();
    out.values.record(key(month), Amount::Number(v), None, "");
    out
}

#[test]
fn two_tabs_typing_different_cells_keep_both() {
    let base = odenwaldkreis();
    let mine = with_value(&base, 1, 60.0);
    let theirs = with_value(&base, 2, 55.0);
    let Merge::Clean(merged) = merge3(&base, &mine, &theirs) else {
        panic!("no conflict expected");
    };
    assert_eq!(
        merged.values.get(&key(1)).unwrap().current.amount,
        Amount::Number(60.0)
    );
    assert_eq!(
        merged.values.get(&key(2)).unwrap().current.amount,
        Amount::Number(55.0)
    );
    // Merging is symmetric here, and a side merged with itself changes nothing.
    assert_eq!(merge3(&base, &theirs, &mine), Merge::Clean(merged.clone()));
    assert_eq!(merge3(&base, &mine, &mine), Merge::Clean(mine.clone()));
    assert_eq!(merge3(&base, &base, &theirs), Merge::Clean(theirs.clone()));
}

#[test]
fn the_same_cell_typed_differently_is_a_conflict() {
    let base = odenwaldkreis();
    let mine = with_value(&base, 1, 60.0);
    let theirs = with_value(&base, 1, 61.0);
    assert_eq!(
        merge3(&base, &mine, &theirs),
        Merge::Conflicts(vec![Conflict::Value(key(1))])
    );
    // The same figure typed on both sides is no conflict.
    assert!(matches!(
        merge3(&base, &mine, &mine.clone()),
        Merge::Clean(_)
    ));
}

#[test]
fn targets_and_agreements_merge_by_number() {
    let base = odenwaldkreis();
    let mut mine = base.clone();
    mine.agreement_mut(AgreementId(2)).unwrap().targets[0].notes = "Gespräch".into();
    let mut theirs = base.clone();
    theirs.agreement_mut(AgreementId(2)).unwrap().targets[3].notes = "Maßnahme".into();
    theirs.organisation = "KJC Odenwaldkreis".into();
    let Merge::Clean(merged) = merge3(&base, &mine, &theirs) else {
        panic!("different targets do not conflict");
    };
    let a = merged.agreement(AgreementId(2)).unwrap();
    assert_eq!(a.targets[0].notes, "Gespräch");
    assert_eq!(a.targets[3].notes, "Maßnahme");
    assert_eq!(merged.organisation, "KJC Odenwaldkreis");
    // One side removes a target the other changed: a conflict, nothing silently gone.
    let mut removed = base.clone();
    removed.remove_target(AgreementId(2), TargetId(3));
    assert_eq!(
        merge3(&base, &mine, &removed),
        Merge::Conflicts(vec![Conflict::Target(AgreementId(2), TargetId(3))])
    );
    // A removal against no change goes through.
    let Merge::Clean(merged) = merge3(&base, &base, &removed) else {
        panic!()
    };
    assert!(
        merged
            .agreement(AgreementId(2))
            .unwrap()
            .target(TargetId(3))
            .is_none()
    );
}

//! Saving the form into the seed workspace, with the ids, places and lines written out.

use super::*;
use crate::domain::agreement::{Subject, TargetFormat, TargetId};
use crate::domain::example::odenwaldkreis;
use crate::domain::indicator::IndicatorCode;
use crate::domain::values::Population;
use crate::present::target_form::{Draft, Kind, build, draft_for};

fn targets_of(ws: &Workspace, agreement: AgreementId) -> Vec<(u32, TargetFormat)> {
    ws.agreement(agreement)
        .map(|a| {
            a.targets
                .iter()
                .map(|t| (t.id.0, t.format.clone()))
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn saving_a_group_with_its_parts_emptied_replaces_the_total_and_removes_the_parts() {
    let mut ws = odenwaldkreis();
    let agreement = AgreementId(2);
    let before = targets_of(&ws, agreement);
    let a = ws.agreement(agreement).unwrap();
    let mut d = draft_for(a, TargetId(3), Lang::De).unwrap();
    d.total = "780".into();
    d.women.clear();
    d.men.clear();
    let built = build(&d, &ws.catalogue(), ws.next_target_id(), Lang::De).unwrap();
    let applied = apply(&mut ws, agreement, built).unwrap();
    assert_eq!(applied.saved, 1);
    assert_eq!(
        applied
            .removed
            .iter()
            .map(|r| (r.target.id.0, r.index))
            .collect::<Vec<_>>(),
        vec![(4, 1), (5, 1)]
    );
    let after = targets_of(&ws, agreement);
    assert_eq!(after.len(), before.len() - 2);
    assert_eq!(
        after
            .iter()
            .find(|(id, _)| *id == 3)
            .map(|(_, f)| f.clone()),
        Some(TargetFormat::Minimum {
            subject: Subject {
                indicator: IndicatorCode::new("INT"),
                population: Population::Total
            },
            target: 780.0
        })
    );
    assert!(after.iter().all(|(id, _)| *id != 4 && *id != 5));
    assert_eq!(
        removed_text(&ws, &applied.removed, Lang::De).as_deref(),
        Some(
            "Ziele „Integrationen – Frauen“ und „Integrationen – Männer“ entfernt (Felder geleert)."
        )
    );
    assert_eq!(
        removed_text(&ws, &applied.removed[..1], Lang::En).as_deref(),
        Some("Target “Integrations – Women” removed (field emptied).")
    );
}

#[test]
fn a_new_target_gets_the_next_free_id_and_removes_nothing() {
    let mut ws = odenwaldkreis();
    let next = ws.next_target_id();
    let d = Draft {
        kind: Kind::Monitoring,
        indicator: "K2".into(),
        population: Some(Population::Women),
        ..Draft::default()
    };
    let built = build(&d, &ws.catalogue(), next, Lang::De).unwrap();
    let applied = apply(&mut ws, AgreementId(2), built).unwrap();
    assert_eq!(
        applied,
        Applied {
            saved: 1,
            removed: Vec::new()
        }
    );
    assert!(targets_of(&ws, AgreementId(2)).contains(&(
        next.0,
        TargetFormat::Monitoring {
            subject: Subject {
                indicator: IndicatorCode::new("K2"),
                population: Population::Women
            }
        }
    )));
    assert_eq!(removed_text(&ws, &applied.removed, Lang::De), None);
}

#[test]
fn an_agreement_deleted_meanwhile_refuses_the_save_and_changes_nothing() {
    let mut ws = odenwaldkreis();
    let before = ws.clone();
    let d = Draft {
        kind: Kind::Minimum,
        indicator: "INT".into(),
        total: "770".into(),
        ..Draft::default()
    };
    let built = build(&d, &ws.catalogue(), ws.next_target_id(), Lang::De).unwrap();
    assert_eq!(
        apply(&mut ws, AgreementId(99), built),
        Err(EditError::AgreementGone)
    );
    assert_eq!(ws, before);
}

#[test]
fn the_saved_line_counts_the_targets() {
    assert_eq!(saved_text(1, Lang::De), "Ziel gespeichert.");
    assert_eq!(saved_text(3, Lang::De), "3 Ziele gespeichert.");
    assert_eq!(saved_text(1, Lang::En), "Target saved.");
    assert_eq!(saved_text(3, Lang::En), "3 targets saved.");
}

use super::*;
use crate::core::calendar::{Month, Year};
use crate::domain::example::odenwaldkreis;
use crate::domain::indicator::IndicatorCode;
use crate::domain::merge::Merge;
use crate::domain::values::{Amount, Population, ValueKey};
use crate::domain::workspace::{LoadError, Workspace};
use crate::locale::Lang;

fn stamp(revision: u64, writer: &str) -> Stamp {
    Stamp {
        revision,
        writer: writer.into(),
    }
}

fn y(year: i64) -> Year {
    Year::new(year).unwrap()
}

fn key(year: i64, month: i64) -> ValueKey {
    ValueKey {
        indicator: IndicatorCode::new("INT"),
        population: Population::Total,
        year: y(year),
        month: Month::new(month),
    }
}

/// The example with months in 2021 and 2022, so that it has two year keys.
fn two_years() -> Workspace {
    let mut ws = odenwaldkreis();
    ws.values
        .record(key(2021, 1), Amount::Number(50.0), None, "");
    ws.values
        .record(key(2022, 1), Amount::Number(60.0), None, "");
    ws
}

/// Saves `ws` on top of `previous` into `store` by the full protocol; the new commit.
fn save(store: &mut MemoryStore, ws: &Workspace, previous: &Committed, writer: &str) -> Committed {
    let next = previous.stamp.next(writer).unwrap();
    let parent = (previous.stamp != Stamp::none()).then_some(&previous.stamp);
    let plan = plan_save(&next, parent, ws, previous).unwrap().unwrap();
    commit(store, &plan, true).unwrap();
    plan.committed
}

fn loaded(store: &MemoryStore, known: Option<&Committed>) -> Committed {
    match read(store, known).unwrap() {
        Startup::Loaded { committed, .. } => committed,
        other => panic!("{other:?}"),
    }
}

#[test]
fn keys_are_prefixed_by_how_the_page_was_opened() {
    assert_eq!(prefix_for("https:"), "zielsteuerung.");
    assert_eq!(prefix_for("http:"), "zielsteuerung.");
    assert_eq!(prefix_for("file:"), "zielsteuerung-offline-datei.");
    assert_eq!(prefix_for("FILE:"), "zielsteuerung-offline-datei.");
    assert_eq!(prefix_for(""), "zielsteuerung.");
}

#[test]
fn a_workspace_lies_in_a_manifest_and_keys_per_year() {
    let mut store = MemoryStore::default();
    assert_eq!(read(&store, None), Ok(Startup::Fresh));
    let ws = two_years();
    let first = save(&mut store, &ws, &Committed::none(ws.clone()), "t-a");
    assert_eq!(
        store.items.keys().cloned().collect::<Vec<_>>(),
        [
            "arbeitsbereich",
            "arbeitsbereich.vereinbarung.2021.1.t-a",
            "arbeitsbereich.vereinbarung.2022.1.t-a",
            "arbeitsbereich.werte.2021.1.t-a",
            "arbeitsbereich.werte.2022.1.t-a"
        ]
    );
    let manifest = &store.items["arbeitsbereich"];
    assert!(
        manifest.starts_with(r#"{"revision":1,"schreiber":"t-a","schema_version":3,"#),
        "{manifest}"
    );
    assert!(manifest.contains(
        r#""werte":{"2021":"arbeitsbereich.werte.2021.1.t-a","2022":"arbeitsbereich.werte.2022.1.t-a"},"vereinbarungen":{"2021":"arbeitsbereich.vereinbarung.2021.1.t-a","2022":"arbeitsbereich.vereinbarung.2022.1.t-a"}"#
    ), "{manifest}");
    assert!(!manifest.contains("ist_werte") && !manifest.contains("zielvereinbarungen"));
    assert!(manifest.len() < 1000, "{}", manifest.len());
    let agreement = &store.items["arbeitsbereich.vereinbarung.2022.1.t-a"];
    assert!(
        agreement.starts_with(r#"{"id":2,"jahr":2022,"#),
        "{agreement}"
    );
    assert!(store.items["arbeitsbereich.werte.2022.1.t-a"].starts_with(r#"[{"kennzahl":"#));
    assert_eq!(stamp_of(manifest), Some((stamp(1, "t-a"), None)));
    let again = loaded(&store, None);
    assert_eq!(again.workspace, ws);
    assert_eq!(again, first);
}

#[test]
fn a_save_writes_only_the_year_that_changed() {
    let mut store = MemoryStore::default();
    let mut ws = two_years();
    let first = save(&mut store, &ws, &Committed::none(ws.clone()), "t-a");
    ws.values
        .record(key(2022, 2), Amount::Number(61.0), None, "");
    let plan = plan_save(&stamp(2, "t-a"), Some(&first.stamp), &ws, &first)
        .unwrap()
        .unwrap();
    assert_eq!(
        plan.years
            .iter()
            .map(|(n, _)| n.as_str())
            .collect::<Vec<_>>(),
        ["arbeitsbereich.werte.2022.2.t-a"]
    );
    assert_eq!(plan.removals, ["arbeitsbereich.werte.2022.1.t-a"]);
    assert!(plan.written_chars() < 4000, "{}", plan.written_chars());
    commit(&mut store, &plan, true).unwrap();
    assert_eq!(store.items.len(), 5, "the old key of 2022 is gone");
    assert_eq!(loaded(&store, None).workspace, ws);
    // Nothing changed since: nothing to write.
    assert_eq!(
        plan_save(
            &stamp(3, "t-a"),
            Some(&stamp(2, "t-a")),
            &ws,
            &plan.committed
        ),
        Ok(None)
    );
    // The 2021 agreement changed: its key and the manifest.
    std::sync::Arc::make_mut(&mut ws.agreements[0]).notes = "Dialog am 12. Mai".into();
    let plan = plan_save(
        &stamp(3, "t-a"),
        Some(&stamp(2, "t-a")),
        &ws,
        &plan.committed,
    )
    .unwrap()
    .unwrap();
    assert_eq!(
        plan.years
            .iter()
            .map(|(n, _)| n.as_str())
            .collect::<Vec<_>>(),
        ["arbeitsbereich.vereinbarung.2021.3.t-a"]
    );
    // Only the settings changed: the manifest alone.
    commit(&mut store, &plan, true).unwrap();
    ws.settings.tolerance_percent = 3.0;
    let plan = plan_save(
        &stamp(4, "t-a"),
        Some(&stamp(3, "t-a")),
        &ws,
        &plan.committed,
    )
    .unwrap()
    .unwrap();
    assert!(plan.years.is_empty() && plan.removals.is_empty());
}

/// Every write of a save fails in turn (the k-th `setItem` throws): storage then holds the previous commit,
/// whole, and no key of the failed save is left behind. With quota exceeded the same.
#[test]
fn a_save_cut_off_at_any_write_leaves_the_previous_commit() {
    for error in [
        StorageError::QuotaExceeded,
        StorageError::Browser("InvalidStateError".into()),
    ] {
        let mut store = MemoryStore::default();
        let mut ws = two_years();
        let first = save(&mut store, &ws, &Committed::none(ws.clone()), "t-a");
        let before = store.items.clone();
        ws.values
            .record(key(2021, 2), Amount::Number(51.0), None, "");
        ws.values
            .record(key(2022, 2), Amount::Number(61.0), None, "");
        ws.values
            .record(key(2023, 1), Amount::Number(70.0), None, "");
        let plan = plan_save(&stamp(2, "t-a"), Some(&first.stamp), &ws, &first)
            .unwrap()
            .unwrap();
        assert_eq!(plan.years.len(), 3);
        let writes = plan.years.len() + 1;
        for k in 0..writes {
            let mut cut = store.clone();
            cut.fail_after = Some((k, error.clone()));
            assert_eq!(commit(&mut cut, &plan, true), Err(error.clone()), "k = {k}");
            assert_eq!(
                cut.items, before,
                "k = {k}: the previous commit, nothing more"
            );
            assert_eq!(loaded(&cut, None), first);
        }
        let mut through = store.clone();
        through.fail_after = Some((writes, error));
        commit(&mut through, &plan, true).unwrap();
        assert_eq!(loaded(&through, None).workspace, ws);
    }
}

/// A tab closed (or crashed) between two writes does not roll back: up to the manifest storage holds the
/// previous commit, from it on the new one; the keys left behind are orphans that the cleanup removes, and it
/// never removes a key a manifest names, one of a save still under way, or one it cannot account for.
#[test]
fn a_save_interrupted_between_writes_leaves_one_complete_commit() {
    let mut store = MemoryStore::default();
    let mut ws = two_years();
    let first = save(&mut store, &ws, &Committed::none(ws.clone()), "t-a");
    ws.values
        .record(key(2021, 2), Amount::Number(51.0), None, "");
    ws.values
        .record(key(2022, 2), Amount::Number(61.0), None, "");
    let plan = plan_save(&stamp(2, "t-a"), Some(&first.stamp), &ws, &first)
        .unwrap()
        .unwrap();
    let ops: Vec<(&str, &str)> = plan
        .years
        .iter()
        .map(|(n, t)| (n.as_str(), t.as_str()))
        .chain([(DOCUMENT, plan.manifest.as_str())])
        .collect();
    for done in 0..=ops.len() {
        let mut cut = store.clone();
        for (name, text) in &ops[..done] {
            cut.set(name, text).unwrap();
        }
        let now = loaded(&cut, None);
        if done < ops.len() {
            assert_eq!(now, first, "{done} writes: still the previous commit");
        } else {
            assert_eq!(now.workspace, ws, "the manifest is the commit point");
        }
        // Without the lock a key of the commit's revision or later may be another tab's save under way: kept.
        // Older unnamed keys (the previous commit's, once the manifest is through) go.
        cut.set("arbeitsbereich.werte.2024.3.t-b", "[]").unwrap();
        let mut unlocked = cut.clone();
        let expected = if done < ops.len() { 0 } else { 2 };
        let cleaned = cleanup(&mut unlocked, [&first.keys], false, "t1").unwrap();
        assert_eq!(cleaned.removed, expected, "{done} writes");
        assert_eq!(cleaned.kept_aside, None);
        assert!(
            unlocked
                .items
                .contains_key("arbeitsbereich.werte.2024.3.t-b")
        );
        // Under the lock the previous commit's keys, once the manifest is through, go (this tab knew that
        // commit). Keys newer than the manifest – the save cut off here, and 2024.3 – are left alone even under
        // the lock: in Chromium the lock can reach a tab before another tab's last writes (its manifest), so such a
        // key may be a commit under way; it is looked at once later commits have passed it. None the manifest
        // names is touched.
        let cleaned = cleanup(&mut cut, [&first.keys], true, "t1").unwrap();
        let expected = if done < ops.len() { 0 } else { 2 };
        assert_eq!(cleaned.removed, expected, "{done} writes");
        assert_eq!(cleaned.kept_aside, None, "{done} writes");
        let cut_off = if done < ops.len() { &ops[..done] } else { &[] };
        for (name, _) in cut_off {
            assert!(
                cut.items.contains_key(*name),
                "{done} writes: {name} left for later"
            );
        }
        assert!(cut.items.contains_key("arbeitsbereich.werte.2024.3.t-b"));
        for name in now.keys.names() {
            assert!(cut.items.contains_key(name));
        }
        assert_eq!(
            cut.items.len(),
            // the manifest, the keys it names, 2024.3 and the cut-off save's
            now.keys.names().count() + 2 + cut_off.len(),
            "{done} writes"
        );
        assert_eq!(loaded(&cut, None), now);
    }
}

/// Without the Web Lock the old keys stay until a moment later, and then only those the manifest stored by then
/// does not name: another tab that committed on top of the old commit in between still finds its years.
#[test]
fn without_the_lock_old_keys_go_only_when_no_manifest_names_them() {
    let mut store = MemoryStore::default();
    let mut ws = two_years();
    let first = save(&mut store, &ws, &Committed::none(ws.clone()), "t-0");
    ws.values
        .record(key(2021, 2), Amount::Number(51.0), None, "");
    let plan = plan_save(&stamp(2, "t-a"), Some(&first.stamp), &ws, &first)
        .unwrap()
        .unwrap();
    commit(&mut store, &plan, false).unwrap();
    assert_eq!(plan.removals, ["arbeitsbereich.werte.2021.1.t-0"]);
    // Meanwhile tab B committed its change of 2022 on top of the first commit: its manifest names 2021's old
    // key.
    let mut theirs = first.workspace.clone();
    theirs
        .values
        .record(key(2022, 2), Amount::Number(61.0), None, "");
    let plan_b = plan_save(&stamp(2, "t-b"), Some(&first.stamp), &theirs, &first)
        .unwrap()
        .unwrap();
    commit(&mut store, &plan_b, false).unwrap();
    assert_eq!(remove_unnamed(&mut store, &plan.removals), 0);
    assert_eq!(
        loaded(&store, None).workspace,
        theirs,
        "B's commit reads whole"
    );
    // Once a manifest no longer names it, the key goes.
    let later = plan_save(
        &stamp(3, "t-a"),
        Some(&stamp(2, "t-b")),
        &ws,
        &loaded(&store, None),
    )
    .unwrap()
    .unwrap();
    commit(&mut store, &later, false).unwrap();
    assert_eq!(remove_unnamed(&mut store, &plan.removals), 1);
    assert_eq!(loaded(&store, None).workspace, ws);
}

#[test]
fn a_store_of_schema_2_is_read_and_laid_out_anew_without_loss() {
    // The whole document as builds before schema 3 stored it: the stamp in front of a schema-2 workspace.
    let backup = include_str!("../../tests/fixtures/sicherung-schema-2.json");
    let body: serde_json::Value = serde_json::from_str(backup).unwrap();
    let text = format!(
        r#"{{"revision":7,"schreiber":"t-alt",{}"#,
        &body.to_string()[1..]
    );
    let expected = crate::exchange::backup::read(backup.as_bytes(), Lang::De).unwrap();
    let mut store = MemoryStore::default();
    store.set(DOCUMENT, &text).unwrap();
    let old = match read(&store, None).unwrap() {
        Startup::Loaded {
            committed,
            parent,
            whole: true,
        } => {
            assert_eq!(parent, None);
            committed
        }
        other => panic!("{other:?}"),
    };
    assert_eq!(old.stamp, stamp(7, "t-alt"));
    assert_eq!(old.workspace, expected);
    // The first save writes every year and the manifest over the old document.
    let new = save(&mut store, &old.workspace, &old, "t-a");
    assert_eq!(new.stamp, stamp(8, "t-a"));
    assert_eq!(
        new.keys.values.keys().copied().collect::<Vec<_>>(),
        expected.values.years()
    );
    assert_eq!(
        new.keys.agreements.keys().copied().collect::<Vec<_>>(),
        expected
            .agreements
            .iter()
            .map(|a| a.year)
            .collect::<Vec<_>>()
    );
    assert_eq!(loaded(&store, None).workspace, expected);
}

#[test]
fn what_cannot_be_read_is_kept_whole_and_said() {
    let mut store = MemoryStore::default();
    let ws = two_years();
    let first = save(&mut store, &ws, &Committed::none(ws.clone()), "t-a");
    // A year key gone (removed by hand, or by a browser clean-up of single keys).
    let mut gone = store.clone();
    gone.remove(&first.keys.values[&y(2021)]).unwrap();
    match read(&gone, None).unwrap() {
        Startup::Unreadable {
            raw,
            error: LoadError::Invalid(why),
        } => {
            assert!(why.contains("die Daten von 2021 fehlen"), "{why}");
            let all: serde_json::Value = serde_json::from_str(&raw).unwrap();
            assert!(
                all["arbeitsbereich"]
                    .as_str()
                    .unwrap()
                    .contains("vereinbarungen")
            );
            assert!(all["arbeitsbereich.werte.2021.1.t-a"].is_null());
            assert!(all["arbeitsbereich.werte.2022.1.t-a"].as_str().is_some());
        }
        other => panic!("{other:?}"),
    }
    // A field of a newer build in a year's rows, and in the manifest.
    let mut newer = store.clone();
    let name = first.keys.values[&y(2022)].clone();
    let edited = newer.items[&name].replacen(
        r#""jahr":2022,"werte":["#,
        r#""jahr":2022,"quelle":"BA","werte":["#,
        1,
    );
    assert_ne!(edited, newer.items[&name]);
    newer.set(&name, &edited).unwrap();
    match read(&newer, None).unwrap() {
        Startup::Unreadable {
            error: LoadError::UnknownFields(fields),
            ..
        } => assert_eq!(fields, ["ist_werte.quelle"]),
        other => panic!("{other:?}"),
    }
    let mut newer = store.clone();
    let edited = newer.items[DOCUMENT]
        .replacen(
            r#""organisation":"#,
            r#""vergleichstyp":"IIa","organisation":"#,
            1,
        )
        .replacen(r#""beispiel":true"#, r#""beispiel":true,"leer":"""#, 1);
    newer.set(DOCUMENT, &edited).unwrap();
    match read(&newer, None).unwrap() {
        Startup::Unreadable {
            error: LoadError::UnknownFields(fields),
            ..
        } => assert_eq!(fields, ["vergleichstyp"]),
        other => panic!("{other:?}"),
    }
    // …and in a target of a year's agreement.
    let mut newer = store.clone();
    let name = first.keys.agreements[&y(2022)].clone();
    let edited =
        newer.items[&name].replacen(r#""titel":"""#, r#""titel":"","wuerdigung":"gut""#, 1);
    assert_ne!(edited, newer.items[&name]);
    newer.set(&name, &edited).unwrap();
    match read(&newer, None).unwrap() {
        Startup::Unreadable {
            error: LoadError::UnknownFields(fields),
            ..
        } => assert_eq!(fields, ["zielvereinbarungen.ziele.wuerdigung"]),
        other => panic!("{other:?}"),
    }
    // Two agreements with one number: the 2023 screen would edit the 2022 agreement.
    let mut twice = ws.clone();
    std::sync::Arc::make_mut(&mut twice.agreements[1]).id = twice.agreements[0].id;
    let mut bad = MemoryStore::default();
    save(&mut bad, &twice, &Committed::none(twice.clone()), "t-a");
    match read(&bad, None).unwrap() {
        Startup::Unreadable {
            error: LoadError::Inconsistent(reasons),
            ..
        } => assert_eq!(
            reasons,
            ["Die Nummer der Zielvereinbarung 2022 ist doppelt vergeben."]
        ),
        other => panic!("{other:?}"),
    }
    // Not JSON, and a newer schema.
    for (text, check) in [
        ("{\"schema_version\":1, kaputt", "NotJson"),
        ("{\"revision\":2,\"schema_version\":9}", "NewerSchema"),
    ] {
        let mut s = MemoryStore::default();
        s.set(DOCUMENT, text).unwrap();
        match read(&s, None).unwrap() {
            Startup::Unreadable { raw, error } => {
                assert_eq!(raw, text);
                assert!(format!("{error:?}").starts_with(check), "{error:?}");
            }
            other => panic!("{other:?}"),
        }
    }
}

/// Two tabs change different years at the same moment: the second finds the first's commit, merges against
/// the commit both started from (reading only the year it does not know), and both changes are stored.
#[test]
fn two_tabs_changing_different_years_keep_both() {
    let mut store = MemoryStore::default();
    let ws = two_years();
    let start = save(&mut store, &ws, &Committed::none(ws.clone()), "t-0");
    let mut tab_a = StoreView::new("t-a", start.clone());
    let mut tab_b = StoreView::new("t-b", start.clone());
    let mut mine_a = start.workspace.clone();
    let mut mine_b = start.workspace.clone();
    mine_a
        .values
        .record(key(2021, 3), Amount::Number(52.0), None, "");
    mine_b
        .values
        .record(key(2022, 3), Amount::Number(62.0), None, "");
    // Tab A saves first.
    let SaveStep::Write { stamp: s, parent } = tab_a.next_step(
        stamp_of(&store.items[DOCUMENT]).map(|p| p.0).as_ref(),
        false,
    ) else {
        panic!()
    };
    let plan = plan_save(&s, parent.as_ref(), &mine_a, tab_a.committed().unwrap())
        .unwrap()
        .unwrap();
    commit(&mut store, &plan, true).unwrap();
    tab_a.wrote(plan.committed);
    // Tab B finds a foreign commit of the same revision it would write.
    let stored = stamp_of(&store.items[DOCUMENT]).map(|p| p.0);
    assert_eq!(
        tab_b.next_step(stored.as_ref(), false),
        SaveStep::Foreign(stamp(2, "t-a"))
    );
    let theirs = loaded(&store, tab_b.committed());
    assert!(
        theirs
            .workspace
            .values
            .same_year(&start.workspace.values, y(2022)),
        "the year B knows is not read again"
    );
    let base = tab_b.base_for(Some(&stamp(1, "t-0"))).unwrap();
    let Merge::Clean(merged) = base.merge(&mine_b, &theirs.workspace) else {
        panic!("different years do not conflict")
    };
    let next = theirs.stamp.next("t-b").unwrap();
    let plan = plan_save(&next, Some(&theirs.stamp), &merged, &theirs)
        .unwrap()
        .unwrap();
    assert_eq!(plan.years.len(), 1, "only B's year is written");
    commit(&mut store, &plan, true).unwrap();
    tab_b.read(theirs);
    tab_b.wrote(plan.committed);
    let after = loaded(&store, None).workspace;
    assert_eq!(
        after.values.get(&key(2021, 3)).unwrap().current.amount,
        Amount::Number(52.0)
    );
    assert_eq!(
        after.values.get(&key(2022, 3)).unwrap().current.amount,
        Amount::Number(62.0)
    );
}

#[test]
fn a_save_writes_on_top_of_what_the_tab_knows_or_stops_for_a_foreign_one() {
    let ws = odenwaldkreis();
    let at = |s: Stamp| Committed {
        stamp: s,
        ..Committed::none(ws.clone())
    };
    let mut sync = StoreView::new("t-a", Committed::none(ws.clone()));
    // Nothing stored yet: the first save is revision 1 without parent.
    assert_eq!(
        sync.next_step(None, false),
        SaveStep::Write {
            stamp: stamp(1, "t-a"),
            parent: None
        }
    );
    let mut a1 = ws.clone();
    a1.organisation = "A1".into();
    sync.wrote(Committed {
        workspace: a1.clone(),
        ..at(stamp(1, "t-a"))
    });
    assert!(sync.is_known(Some(&stamp(1, "t-a"))));
    assert_eq!(sync.committed().unwrap().workspace, a1);
    // Another tab wrote revision 1 at the same moment: the same number, another writer, recognised.
    assert_eq!(
        sync.next_step(Some(&stamp(1, "t-b")), false),
        SaveStep::Foreign(stamp(1, "t-b"))
    );
    // Built on nothing this tab knows: it cannot tell whether its own write reached the others – both what it
    // read and what it wrote are bases, and where they disagree the user chooses.
    let unsure = Some(Base::Unsure {
        read: &ws,
        written: &a1,
    });
    assert_eq!(sync.base_for(Some(&stamp(0, "t-z"))), unsure);
    // Built on nothing stored, as this tab's own first write was: the two were written side by side, and this
    // tab's was lost – the start is the base, and this tab's change counts again.
    assert_eq!(sync.base_for(None), Some(Base::Sure(&ws)));
    // Built on this tab's write: merge against that.
    assert_eq!(sync.base_for(Some(&stamp(1, "t-a"))), Some(Base::Sure(&a1)));
    let mut b2 = ws.clone();
    b2.organisation = "B2".into();
    sync.read(Committed {
        workspace: b2.clone(),
        ..at(stamp(2, "t-b"))
    });
    assert_eq!(sync.known(), &stamp(2, "t-b"));
    assert_eq!(sync.base_for(Some(&stamp(2, "t-b"))), Some(Base::Sure(&b2)));
    assert_eq!(sync.base_for(Some(&stamp(1, "t-a"))), Some(Base::Sure(&a1)));
    // Having read since its write, the tab's last read is its state in common with the others.
    assert_eq!(sync.base_for(None), Some(Base::Sure(&b2)));
    assert_eq!(
        sync.next_step(Some(&stamp(2, "t-b")), false),
        SaveStep::Write {
            stamp: stamp(3, "t-a"),
            parent: Some(stamp(2, "t-b"))
        }
    );
    // The user chose to save over a foreign save.
    assert_eq!(
        sync.next_step(Some(&stamp(7, "t-c")), true),
        SaveStep::Write {
            stamp: stamp(8, "t-a"),
            parent: Some(stamp(7, "t-c"))
        }
    );
    // The counter at its end: checked, never wrapped to 0.
    let end = StoreView::new("t-a", at(stamp(u64::MAX, "t-x")));
    assert_eq!(
        end.next_step(Some(&stamp(u64::MAX, "t-x")), false),
        SaveStep::Exhausted
    );
}

#[test]
fn year_names_say_year_and_revision() {
    assert_eq!(
        year_name(Kind::Values, y(2021), &stamp(17, "t-0a1b2c3d")),
        "arbeitsbereich.werte.2021.17.t-0a1b2c3d"
    );
    assert_eq!(
        year_of_name("arbeitsbereich.werte.2021.17.t-0a1b2c3d"),
        Some((Kind::Values, y(2021), 17))
    );
    assert_eq!(
        year_name(Kind::Agreement, y(2022), &stamp(3, "t-a")),
        "arbeitsbereich.vereinbarung.2022.3.t-a"
    );
    assert_eq!(
        year_of_name("arbeitsbereich.vereinbarung.2022.3.t-a"),
        Some((Kind::Agreement, y(2022), 3))
    );
    assert_eq!(year_of_name("arbeitsbereich.unlesbar.2026-01-01"), None);
    assert_eq!(year_of_name("arbeitsbereich"), None);
}

#[test]
fn aside_file_names_are_safe() {
    assert_eq!(
        aside_file_name("2026-11-26T10:30:00.123Z"),
        "zielsteuerung-unlesbar-2026-11-26T10-30-00.json"
    );
}

/// Start-up reads what the first screen needs (the manifest, every agreement, the values of the years picked)
/// and the rest a moment later: together the same workspace as one full read, checked as a whole.
#[test]
fn start_up_reads_the_first_years_then_the_rest() {
    let mut ws = two_years();
    ws.values
        .record(key(2019, 5), Amount::Number(40.0), None, "");
    let mut store = MemoryStore::default();
    let committed = save(&mut store, &ws, &Committed::none(ws.clone()), "t-a");
    let (startup, rest) = read_first(&store, |keys| {
        // Picked from the keys the manifest names.
        assert_eq!(
            keys.agreements.keys().copied().collect::<Vec<_>>(),
            vec![y(2021), y(2022)]
        );
        assert_eq!(
            keys.values.keys().copied().collect::<Vec<_>>(),
            vec![y(2019), y(2021), y(2022)]
        );
        Some([y(2022)].into_iter().collect())
    })
    .unwrap();
    assert_eq!(rest, vec![y(2019), y(2021)]);
    let first = match startup {
        Startup::Loaded { committed, .. } => committed,
        other => panic!("{other:?}"),
    };
    assert_eq!(
        first.keys, committed.keys,
        "the keys name every year, read or not"
    );
    assert_eq!(first.workspace.agreement_years(), vec![y(2022)]);
    assert!(first.workspace.values.year(y(2019)).is_none());
    assert!(first.workspace.values.year(y(2021)).is_none());
    assert_eq!(
        first.workspace.values.year(y(2022)),
        ws.values.year(y(2022))
    );
    let whole = read_rest(&store, &first, &rest).unwrap();
    assert_eq!(whole, ws);
    assert_eq!(whole, loaded(&store, None).workspace);

    // Nothing picked: everything is read at once, nothing is left.
    let (startup, rest) = read_first(&store, |_| None).unwrap();
    assert!(rest.is_empty());
    assert!(matches!(startup, Startup::Loaded { committed: c, .. } if c.workspace == ws));
}

/// A year read later that cannot be read makes the store unreadable as a whole, kept with every key, not
/// written over: as if start-up had read it first.
#[test]
fn a_broken_year_read_later_is_kept_whole_and_said() {
    let mut ws = two_years();
    ws.values
        .record(key(2019, 5), Amount::Number(40.0), None, "");
    let mut store = MemoryStore::default();
    let committed = save(&mut store, &ws, &Committed::none(ws.clone()), "t-a");
    let name = committed.keys.values[&y(2019)].clone();
    store.items.insert(name.clone(), "[{kaputt".into());
    let before = store.items.clone();
    let (startup, rest) = read_first(&store, |_| Some([y(2022)].into_iter().collect())).unwrap();
    let Startup::Loaded {
        committed: first, ..
    } = startup
    else {
        panic!("the first years read well");
    };
    assert_eq!(rest, vec![y(2019), y(2021)]);
    match read_rest(&store, &first, &rest) {
        Err(RestError::Unreadable { raw, error }) => {
            assert!(matches!(error, LoadError::Invalid(_)), "{error:?}");
            let kept: serde_json::Value = serde_json::from_str(&raw).unwrap();
            assert_eq!(kept[name.as_str()], "[{kaputt");
            assert!(kept[DOCUMENT].as_str().unwrap().contains("\"werte\""));
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(store.items, before, "nothing written or removed");
    // A full read says the same.
    assert!(matches!(
        read(&store, None).unwrap(),
        Startup::Unreadable { .. }
    ));
}

mod encoded;
mod losses;
// proptest is a native dev-dependency: the model runs in `cargo test`, not in the browser.
#[cfg(not(target_arch = "wasm32"))]
mod model;

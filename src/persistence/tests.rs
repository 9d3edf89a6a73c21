use super::*;
use crate::domain::example::odenwaldkreis;

fn stamp(revision: u64, writer: &str) -> Stamp {
    Stamp {
        revision,
        writer: writer.into(),
    }
}

#[test]
fn document_round_trips_with_its_stamp() {
    let doc = Document {
        stamp: stamp(41, "t-a1"),
        parent: Some(stamp(40, "t-b2")),
        workspace: odenwaldkreis(),
    };
    let text = doc.encode().unwrap();
    assert!(
        text.starts_with(
            r#"{"revision":41,"schreiber":"t-a1","basis":[40,"t-b2"],"schema_version":2,"#
        ),
        "{}",
        &text[..80]
    );
    assert_eq!(Document::decode(&text), Ok(doc.clone()));
    assert_eq!(
        stamp_of(&text),
        Some((stamp(41, "t-a1"), Some(stamp(40, "t-b2"))))
    );
    // A document of an earlier build has only its revision.
    let old = text.replacen(r#""schreiber":"t-a1","basis":[40,"t-b2"],"#, "", 1);
    assert_eq!(stamp_of(&old), Some((stamp(41, ""), None)));
    assert_eq!(Document::decode(&old).unwrap().stamp, stamp(41, ""));
    assert_eq!(stamp_of("kaputt"), None);
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
fn startup_decisions() {
    assert_eq!(startup(None), Startup::Fresh);
    let doc = Document {
        stamp: stamp(3, "t-a"),
        parent: None,
        workspace: Workspace::empty("KJC"),
    };
    let text = doc.encode().unwrap();
    assert_eq!(startup(Some(text.clone())), Startup::Loaded(doc, text));
    match startup(Some("{\"schema_version\":1, kaputt".into())) {
        Startup::Unreadable {
            raw,
            error: LoadError::NotJson(_),
        } => assert!(raw.contains("kaputt")),
        other => panic!("{other:?}"),
    }
    match startup(Some("{\"schema_version\":9,\"revision\":2}".into())) {
        Startup::Unreadable {
            error: LoadError::NewerSchema { found: 9 },
            ..
        } => {}
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_store_gets_the_full_check_of_a_backup() {
    // Two agreements with one number: the 2023 screen would edit the 2022 agreement.
    let mut ws = odenwaldkreis();
    ws.agreements[1].id = ws.agreements[0].id;
    let text = encode(&stamp(5, "t-a"), None, &ws).unwrap();
    match startup(Some(text)) {
        Startup::Unreadable {
            error: LoadError::Inconsistent(reasons),
            ..
        } => assert_eq!(
            reasons,
            ["Die Nummer der Zielvereinbarung 2022 ist doppelt vergeben."]
        ),
        other => panic!("{other:?}"),
    }
}

#[test]
fn fields_this_build_does_not_know_are_not_dropped_silently() {
    let text = encode(&stamp(5, "t-a"), None, &odenwaldkreis()).unwrap();
    // A newer build's field at the top, one in a target, and an empty one (which loses nothing).
    let edited = text
        .replacen(
            r#""organisation":"#,
            r#""vergleichstyp":"IIa","organisation":"#,
            1,
        )
        .replacen(r#""titel":"""#, r#""titel":"","wuerdigung":"gut""#, 1)
        .replacen(r#""beispiel":true"#, r#""beispiel":true,"leer":"""#, 1);
    match startup(Some(edited)) {
        Startup::Unreadable {
            error: LoadError::UnknownFields(fields),
            ..
        } => assert_eq!(
            fields,
            ["vergleichstyp", "zielvereinbarungen.ziele.wuerdigung"]
        ),
        other => panic!("{other:?}"),
    }
    assert!(
        LoadError::UnknownFields(vec!["vergleichstyp".into()])
            .message(Lang::De)
            .contains("neueren Version")
    );
}

#[test]
fn a_save_writes_on_top_of_what_the_tab_knows_or_stops_for_a_foreign_one() {
    let mut sync = Sync::new("t-a", Stamp::none(), "{}".into());
    // Nothing stored yet: the first save is revision 1 without parent.
    assert_eq!(
        sync.plan(None, false),
        Plan::Write {
            stamp: stamp(1, "t-a"),
            parent: None
        }
    );
    sync.wrote(stamp(1, "t-a"), "A1".into());
    assert!(sync.is_known(Some(&stamp(1, "t-a"))));
    // Another tab wrote revision 1 at the same moment: the same number, another writer, recognised.
    assert_eq!(
        sync.plan(Some(&stamp(1, "t-b")), false),
        Plan::Foreign(stamp(1, "t-b"))
    );
    // Built on nothing this tab knows: merge against what it read (its own write was lost).
    assert_eq!(sync.base_for(None), "{}");
    assert_eq!(sync.base_for(Some(&stamp(0, "t-z"))), "{}");
    // Built on this tab's write: merge against that.
    assert_eq!(sync.base_for(Some(&stamp(1, "t-a"))), "A1");
    sync.read(stamp(2, "t-b"), "B2".into());
    assert_eq!(sync.known(), &stamp(2, "t-b"));
    // A later save on top of B2, or on top of this tab's A1: each merges against its own parent.
    assert_eq!(sync.base_for(Some(&stamp(2, "t-b"))), "B2");
    assert_eq!(sync.base_for(Some(&stamp(1, "t-a"))), "A1");
    assert_eq!(
        sync.plan(Some(&stamp(2, "t-b")), false),
        Plan::Write {
            stamp: stamp(3, "t-a"),
            parent: Some(stamp(2, "t-b"))
        }
    );
    // The user chose to save over a foreign save.
    assert_eq!(
        sync.plan(Some(&stamp(7, "t-c")), true),
        Plan::Write {
            stamp: stamp(8, "t-a"),
            parent: Some(stamp(7, "t-c"))
        }
    );
    // The counter at its end: checked, never wrapped to 0.
    let end = Sync::new("t-a", stamp(u64::MAX, "t-x"), "{}".into());
    assert_eq!(
        end.plan(Some(&stamp(u64::MAX, "t-x")), false),
        Plan::Exhausted
    );
}

#[test]
fn aside_file_names_are_safe() {
    assert_eq!(
        aside_file_name("2026-11-26T10:30:00.123Z"),
        "zielsteuerung-unlesbar-2026-11-26T10-30-00.json"
    );
}

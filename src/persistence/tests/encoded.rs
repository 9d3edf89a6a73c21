//! A save that takes the text of a year's values already written (a file taken in from the file worker's parts).

use std::sync::Arc;

use super::*;
use crate::exchange::job::parts;

#[test]
fn a_year_written_already_is_taken_as_it_is_and_reads_back_the_same() {
    let ws = two_years();
    let mut store = MemoryStore::default();
    // The text the file worker's parts carry for 2022 is the text a save writes for it.
    let values_2022 = Arc::clone(ws.values.year(y(2022)).unwrap());
    let text = parts::year(&ws, y(2022)).unwrap();
    assert_eq!(
        Ok(text.clone()),
        layout::encode_values(y(2022), &values_2022).map_err(|e| e.0)
    );
    // Marked, to see which one the save wrote.
    let marked = text.replace("[null,60]", "[null,60.0]");
    assert_ne!(marked, text);
    let known = [Encoded {
        values: Arc::clone(&values_2022),
        text: marked.clone(),
    }];
    let stamp = Stamp::none().next("t-a").unwrap();
    let plan = plan_save_with(&stamp, None, &ws, &Committed::none(ws.clone()), &known)
        .unwrap()
        .unwrap();
    let written: Vec<&String> = plan.years.iter().map(|(_, t)| t).collect();
    assert!(
        written.contains(&&marked),
        "the known text of 2022 is written"
    );
    assert!(!written.contains(&&text));
    commit(&mut store, &plan, true).unwrap();
    // 60.0 and 60 read as the same figure: the workspace reads back unchanged.
    assert_eq!(loaded(&store, None).workspace, ws);

    // Equal values in another copy are not those values: written anew.
    let mut copy = ws.clone();
    copy.values
        .set_year(y(2022), Arc::new(values_2022.as_ref().clone()));
    let plan = plan_save_with(&stamp, None, &copy, &Committed::none(copy.clone()), &known)
        .unwrap()
        .unwrap();
    let written: Vec<&String> = plan.years.iter().map(|(_, t)| t).collect();
    assert!(written.contains(&&text));
    assert!(!written.contains(&&marked));
}

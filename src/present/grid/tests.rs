use super::*;
use crate::domain::example::odenwaldkreis;

fn y(v: i64) -> Year {
    Year::new(v).unwrap()
}

#[test]
fn columns_of_the_seed_2022() {
    let ws = odenwaldkreis();
    let cols = columns(&ws, y(2022), &[], Lang::De);
    let names: Vec<String> = cols
        .iter()
        .map(|c| format!("{} {}", c.indicator, c.label))
        .collect();
    assert_eq!(
        names,
        vec![
            "INT Insgesamt",
            "INT Frauen",
            "INT Männer",
            "LZB Insgesamt",
            "LZB Frauen",
            "LZB Männer",
            "LLU Insgesamt",
            "LLU Frauen",
            "LLU Männer",
            "K2E3 Insgesamt – Zähler",
            "K2E3 Insgesamt – Nenner",
            "K2E3 Insgesamt – Quote in %",
            "K2E3 Frauen – Zähler",
            "K2E3 Frauen – Nenner",
            "K2E3 Frauen – Quote in %",
            "K2E3 Männer – Zähler",
            "K2E3 Männer – Nenner",
            "K2E3 Männer – Quote in %",
            "INT-U25-AUSB Insgesamt",
            "INT-U25-AUSB Frauen",
            "INT-U25-AUSB Männer",
        ]
    );
    assert_eq!(periods().len(), 13);
    assert!(columns(&ws, y(2030), &[], Lang::De).is_empty());
}

#[test]
fn an_absurd_figure_is_refused_with_its_numbers() {
    let mut ws = odenwaldkreis();
    let before = ws.clone();
    let cols = columns(&ws, y(2022), &[], Lang::De);
    let jan = Month::new(1);
    // INT: 100.000.000 at most.
    assert_eq!(
        apply(
            &mut ws.values_edit(),
            y(2022),
            &cols[0],
            jan,
            "1.000.000.000",
            None,
            None,
            Lang::De
        ),
        Err(
            "1.000.000.000 ist größer, als diese Kennzahl sein kann (höchstens 100.000.000)".into()
        )
    );
    // K2E3 numerator 1, denominator 0,0000557.
    let numerator = cols
        .iter()
        .position(|c| c.indicator.as_str() == "K2E3")
        .unwrap();
    apply(
        &mut ws.values_edit(),
        y(2022),
        &cols[numerator],
        jan,
        "1",
        None,
        None,
        Lang::De,
    )
    .unwrap();
    assert_eq!(
        apply(&mut ws.values_edit(), y(2022), &cols[numerator + 1], jan, "0,0000557", Some("1"), None, Lang::De),
        Err("Zähler 1 und Nenner 0,0000557 ergeben eine Quote von 1.795.332 %; möglich sind höchstens 1.000 %".into())
    );
    assert_eq!(ws, before);
}

#[test]
fn typing_records_replaces_and_removes() {
    let mut ws = odenwaldkreis();
    let col = columns(&ws, y(2022), &[], Lang::De).remove(0);
    let jan = Month::new(1);
    let d1 = Date::new(2022, 4, 30);
    assert_eq!(
        apply(
            &mut ws.values_edit(),
            y(2022),
            &col,
            jan,
            "64",
            None,
            d1,
            Lang::De
        ),
        Ok(Entry::Recorded(RecordOutcome::Added))
    );
    assert_eq!(
        cell_text(&col.series(&ws.values, y(2022)), &col, jan, Lang::De),
        "64"
    );
    assert_eq!(
        apply(
            &mut ws.values_edit(),
            y(2022),
            &col,
            jan,
            " 64 ",
            None,
            d1,
            Lang::De
        ),
        Ok(Entry::Unchanged)
    );
    let d2 = Date::new(2022, 7, 31);
    assert_eq!(
        apply(
            &mut ws.values_edit(),
            y(2022),
            &col,
            jan,
            "1.066",
            None,
            d2,
            Lang::De
        ),
        Ok(Entry::Recorded(RecordOutcome::Replaced))
    );
    assert_eq!(
        cell_text(&col.series(&ws.values, y(2022)), &col, jan, Lang::De),
        "1.066"
    );
    let stored = ws.values.get(&key(&col, y(2022), jan)).unwrap();
    assert_eq!(stored.history.len(), 1);
    assert_eq!(stored.current.as_of, d2);
    assert_eq!(
        apply(
            &mut ws.values_edit(),
            y(2022),
            &col,
            jan,
            "",
            None,
            d2,
            Lang::De
        ),
        Ok(Entry::Removed)
    );
    assert_eq!(
        cell_text(&col.series(&ws.values, y(2022)), &col, jan, Lang::De),
        ""
    );
}

#[test]
fn bad_input_is_a_german_message_and_changes_nothing() {
    let mut ws = odenwaldkreis();
    let before = ws.clone();
    let col = columns(&ws, y(2022), &[], Lang::De).remove(0);
    let err = apply(
        &mut ws.values_edit(),
        y(2022),
        &col,
        Month::new(1),
        "12.5",
        None,
        None,
        Lang::De,
    )
    .unwrap_err();
    assert_eq!(
        err,
        "„12.5“: Bitte das Komma als Dezimaltrennzeichen verwenden, z. B. 12,5."
    );
    let err = apply(
        &mut ws.values_edit(),
        y(2022),
        &col,
        Month::new(1),
        "-3",
        None,
        None,
        Lang::De,
    )
    .unwrap_err();
    assert_eq!(
        err,
        "„-3“: negative Werte sind bei dieser Kennzahl nicht möglich."
    );
    assert_eq!(ws, before);
}

#[test]
fn quota_parts_wait_for_each_other() {
    let mut ws = odenwaldkreis();
    let cols = columns(&ws, y(2022), &[], Lang::De);
    let num = cols
        .iter()
        .find(|c| c.indicator.as_str() == "K2E3" && c.part == Part::Numerator)
        .unwrap();
    let den = cols
        .iter()
        .find(|c| c.indicator.as_str() == "K2E3" && c.part == Part::Denominator)
        .unwrap();
    let m = Month::new(3);
    assert_eq!(
        apply(
            &mut ws.values_edit(),
            y(2022),
            num,
            m,
            "41",
            None,
            None,
            Lang::De
        ),
        Ok(Entry::WaitingForOtherPart)
    );
    assert_eq!(
        apply(
            &mut ws.values_edit(),
            y(2022),
            den,
            m,
            "70",
            Some("41"),
            None,
            Lang::De
        ),
        Ok(Entry::Recorded(RecordOutcome::Added))
    );
    assert_eq!(
        (
            cell_text(&num.series(&ws.values, y(2022)), num, m, Lang::De),
            cell_text(&den.series(&ws.values, y(2022)), den, m, Lang::De)
        ),
        ("41".into(), "70".into())
    );
    // 41 / 70 = 58,6 %
    let amount = ws.values.get(&key(num, y(2022), m)).unwrap().current.amount;
    assert_eq!(
        amount,
        Amount::Ratio {
            numerator: 41.0,
            denominator: 70.0
        }
    );
    assert_eq!(
        apply(
            &mut ws.values_edit(),
            y(2022),
            num,
            m,
            "",
            Some("70"),
            None,
            Lang::De
        ),
        Ok(Entry::Removed)
    );
}

#[test]
fn input_text_keeps_only_the_decimals_it_has() {
    assert_eq!(input_text(718.0, Lang::De), "718");
    assert_eq!(input_text(2035.0, Lang::De), "2.035");
    assert_eq!(input_text(1234.5, Lang::De), "1.234,5");
    assert_eq!(input_text(1234.56, Lang::De), "1.234,56");
    assert_eq!(input_text(0.1, Lang::De), "0,1");
}

#[test]
fn blocks_from_excel() {
    assert_eq!(
        read_block("60\t24\t36\r\n55\t22\t33\r\n", 13, 9).cells,
        vec![vec!["60", "24", "36"], vec!["55", "22", "33"]]
    );
    assert_eq!(
        read_block("1.234,5\n\"7\"\n", 13, 9).cells,
        vec![vec!["1.234,5"], vec!["7"]]
    );
    // Only what lands in the grid is taken apart; 3 of 9 cells fall outside a 2 × 2 grid.
    let block = read_block("1\t2\t3\n4\t5\t6\n7\t8\t9", 2, 2);
    assert_eq!(block.cells, vec![vec!["1", "2"], vec!["4", "5"]]);
    assert_eq!(block.outside, 5);
    // 100,000 lines × 50 cells: 13 × 24 taken, the rest counted.
    let line = vec!["1"; 50].join("\t");
    let huge = vec![line.as_str(); 100_000].join("\n");
    let block = read_block(&huge, 13, 24);
    assert_eq!((block.cells.len(), block.cells[0].len()), (13, 24));
    assert_eq!(block.outside, 100_000 * 50 - 13 * 24);
    assert!(is_block("60\n55\n"));
    assert!(is_block("60\t55"));
    assert!(!is_block("60\r\n"));
    assert!(!is_block("1.234,5"));
}

#[test]
fn english_input_and_messages() {
    let mut ws = odenwaldkreis();
    let cols = columns(&ws, y(2022), &[], Lang::En);
    assert_eq!(cols[1].label, "Women");
    let col = cols[0].clone();
    let jan = Month::new(1);
    assert_eq!(
        apply(
            &mut ws.values_edit(),
            y(2022),
            &col,
            jan,
            "1,066",
            None,
            None,
            Lang::En
        ),
        Ok(Entry::Recorded(RecordOutcome::Added))
    );
    assert_eq!(
        cell_text(&col.series(&ws.values, y(2022)), &col, jan, Lang::En),
        "1,066"
    );
    assert_eq!(
        cell_text(&col.series(&ws.values, y(2022)), &col, jan, Lang::De),
        "1.066"
    );
    assert_eq!(input_text(1234.5, Lang::En), "1,234.5");
    assert_eq!(input_text(0.25, Lang::En), "0.25");
    let before = ws.clone();
    assert_eq!(
        apply(
            &mut ws.values_edit(),
            y(2022),
            &col,
            jan,
            "-3",
            None,
            None,
            Lang::En
        ),
        Err("“-3”: this indicator cannot be negative.".into())
    );
    let num = cols
        .iter()
        .find(|c| c.indicator.as_str() == "K2E3" && c.part == Part::Numerator)
        .unwrap();
    assert_eq!(num.label, "Total – numerator");
    assert_eq!(
        apply(
            &mut ws.values_edit(),
            y(2022),
            num,
            jan,
            "41",
            Some("-70"),
            None,
            Lang::En
        ),
        Err("“-70”: this indicator cannot be negative.".into())
    );
    assert_eq!(
        apply(
            &mut ws.values_edit(),
            y(2022),
            num,
            jan,
            "-41",
            Some("70"),
            None,
            Lang::De
        ),
        Err("„-41“: negative Werte sind bei dieser Kennzahl nicht möglich.".into())
    );
    assert_eq!(ws, before);
}

#[test]
fn columns_follow_values_and_chosen_indicators() {
    let mut ws = odenwaldkreis();
    let shown = indicators_shown(&ws, y(2022), &[]);
    assert_eq!(
        shown.iter().map(|c| c.as_str()).collect::<Vec<_>>(),
        ["INT", "LZB", "LLU", "K2E3", "INT-U25-AUSB"]
    );
    // ELB has no target in 2022: offered, and once chosen it gets its three columns.
    let offered = indicators_to_add(&ws, &shown, Lang::De);
    assert!(offered.iter().any(|(c, _)| c.as_str() == "ELB"));
    assert!(!offered.iter().any(|(c, _)| c.as_str() == "INT"));
    // K3 is derived from LZB and never takes values of its own.
    assert!(!offered.iter().any(|(c, _)| c.as_str() == "K3"));
    let elb = IndicatorCode("ELB".into());
    let cols = columns(&ws, y(2022), std::slice::from_ref(&elb), Lang::De);
    assert_eq!(cols.len(), 21 + 3);
    assert_eq!(cols[21].indicator, elb);
    // A value of ELB keeps its columns without choosing it again.
    let col = cols[21].clone();
    apply(
        &mut ws.values_edit(),
        y(2022),
        &col,
        Month::new(2),
        "4.100",
        None,
        None,
        Lang::De,
    )
    .unwrap();
    assert_eq!(columns(&ws, y(2022), &[], Lang::De).len(), 24);
    // A year without agreement shows the indicators it has values for.
    let col_2030 = Column { ..col };
    apply(
        &mut ws.values_edit(),
        y(2030),
        &col_2030,
        Month::new(2),
        "4.000",
        None,
        None,
        Lang::De,
    )
    .unwrap();
    assert_eq!(columns(&ws, y(2030), &[], Lang::De).len(), 3);
}

/// A block of twelve months over the integrations (total, women, men) and the total's K2E3 numerator and
/// denominator, pasted at January of the first column: every cell committed in one go, a quota's parts with each
/// other's pasted text, a bad cell named with its place, and what lay outside counted.
#[test]
fn a_pasted_block_is_one_change_of_the_model() {
    let mut ws = odenwaldkreis();
    let year = y(2022);
    let cols = columns(&ws, year, &[], Lang::De);
    let mut lines: Vec<String> = (1..=12)
        .map(|m| format!("{}\t{}\t{}", 60 + m, 25 + m, 35 + m))
        .collect();
    lines[2] = "63\tx\t38".into();
    let block = read_block(&lines.join("\n"), 13, cols.len());
    let date = Date::new(2022, 12, 31);
    let pasted = paste(
        &mut ws.values_edit(),
        year,
        &cols,
        (0, 0),
        &block,
        date,
        Lang::De,
    );
    assert_eq!(pasted.cells.len(), 36);
    assert_eq!(
        paste_message(&pasted, Lang::De),
        "Eingefügt: 35 Werte übernommen, 1 abgelehnt – März, Integrationen Frauen: „x“ ist keine Zahl. Erlaubt sind \
         Ziffern, Komma, Tausenderpunkte und ein Vorzeichen, z. B. 1.234,5."
    );
    let int = |p: Population, m: i64| {
        ws.values
            .get(&ValueKey {
                indicator: IndicatorCode::new("INT"),
                population: p,
                year,
                month: Month::new(m),
            })
            .map(|v| v.current.amount)
    };
    assert_eq!(int(Population::Total, 12), Some(Amount::Number(72.0)));
    assert_eq!(int(Population::Men, 1), Some(Amount::Number(36.0)));
    assert_eq!(int(Population::Women, 3), None);
    // Numerator and denominator of K2E3 in one paste, at January of column 9 (the total's numerator).
    let block = read_block("41\t70\n42\t71\n\n\n", 13, cols.len() - 9);
    let pasted = paste(
        &mut ws.values_edit(),
        year,
        &cols,
        (0, 9),
        &block,
        date,
        Lang::En,
    );
    assert_eq!(
        paste_message(&pasted, Lang::En),
        "Pasted: 2 values taken over."
    );
    let k2e3 = ws
        .values
        .get(&ValueKey {
            indicator: IndicatorCode::new("K2E3"),
            population: Population::Total,
            year,
            month: Month::new(2),
        })
        .map(|v| v.current.amount);
    assert_eq!(
        k2e3,
        Some(Amount::Ratio {
            numerator: 42.0,
            denominator: 71.0
        })
    );
    // Many refused: the first five are said with their reason, the rest counted (they stay marked in the grid).
    let refused = read_block(&"x\n".repeat(8), 13, 1);
    let pasted = paste(
        &mut ws.values_edit(),
        year,
        &cols,
        (0, 0),
        &refused,
        date,
        Lang::De,
    );
    let said = paste_message(&pasted, Lang::De);
    assert!(
        said.starts_with(
            "Eingefügt: 0 Werte übernommen, 8 abgelehnt – Januar, Integrationen Insgesamt: „x“"
        ),
        "{said}"
    );
    assert_eq!(said.matches("ist keine Zahl").count(), 5, "{said}");
    assert!(
        said.ends_with(" · und 3 weitere, in der Tabelle markiert."),
        "{said}"
    );
    assert!(paste_message(&pasted, Lang::En).ends_with(" · and 3 more, marked in the table."));
    // Wider than the grid: the cells beyond its last column are counted.
    let wide = read_block(&"1\t".repeat(30), 13, 2);
    let pasted = paste(
        &mut ws.values_edit(),
        year,
        &cols,
        (0, cols.len() - 2),
        &wide,
        date,
        Lang::De,
    );
    assert_eq!(pasted.outside, 29);
    assert!(
        paste_message(&pasted, Lang::De).ends_with(", 29 Zellen lagen außerhalb der Tabelle."),
        "{}",
        paste_message(&pasted, Lang::De)
    );
}

/// A typed part of a quota commits with its neighbour's draft, else with what the neighbour shows.
#[test]
fn a_quota_part_commits_with_the_other_parts_draft() {
    let mut ws = odenwaldkreis();
    let year = y(2022);
    let cols = columns(&ws, year, &[], Lang::De);
    let none = |_: At| None;
    assert_eq!(
        commit(
            &mut ws.values_edit(),
            year,
            &cols,
            (0, 9),
            "41",
            &none,
            None,
            Lang::De
        ),
        Ok(Entry::WaitingForOtherPart)
    );
    let draft = |at: At| (at == (0, 10)).then(|| "70".to_owned());
    assert!(matches!(
        commit(
            &mut ws.values_edit(),
            year,
            &cols,
            (0, 9),
            "41",
            &draft,
            None,
            Lang::De
        ),
        Ok(Entry::Recorded(_))
    ));
    let english = columns(&ws, year, &[], Lang::En);
    assert_eq!(
        commit(
            &mut ws.values_edit(),
            year,
            &english,
            (1, 0),
            "-3",
            &none,
            None,
            Lang::En
        ),
        Err("February, Integrations Total: “-3”: this indicator cannot be negative.".into())
    );
}

//! Property tests of the two importers (PRODUCT S7, issue 6): over 10,000 generated malformed files each, no panic,
//! a clear message, and the workspace unchanged unless the report lists a change; and random workspaces survive
//! export → import unchanged (JSON backup: the whole workspace; CSV: every current value).
#![cfg(not(target_arch = "wasm32"))]
// A test file: helpers outside #[test] functions may unwrap too; a panic here is a failing test.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use proptest::prelude::*;
use zielsteuerung::core::calendar::{Date, Month, Year};
use zielsteuerung::domain::example::odenwaldkreis;
use zielsteuerung::domain::indicator::IndicatorCode;
use zielsteuerung::domain::values::{Amount, Population, ValueKey};
use zielsteuerung::domain::workspace::Workspace;
use zielsteuerung::exchange::{backup, csv};
use zielsteuerung::locale::Lang;

/// The seed with values of every kind: counts, money with decimals and negative changes, quotas, comments that
/// need quoting and guarding, with and without Datenstand.
fn sample() -> Workspace {
    let mut ws = odenwaldkreis();
    let y = Year::new(2022).unwrap();
    let key = |code: &str, population, month| ValueKey {
        indicator: IndicatorCode::new(code),
        population,
        year: y,
        month: Month::new(month),
    };
    for m in 1..=6 {
        let as_of = Date::new(2022, m + 1, 28);
        ws.values.record(
            key("INT", Population::Women, m),
            Amount::Number(40.0 + m as f64),
            as_of,
            "",
        );
        ws.values.record(
            key("INT", Population::Men, m),
            Amount::Number(60.0 + m as f64),
            as_of,
            "",
        );
        ws.values.record(
            key("LZB", Population::Total, m),
            Amount::Number(2012.0 - m as f64),
            as_of,
            "",
        );
        ws.values.record(
            key("LLU", Population::Total, m),
            Amount::Number(-1234.56 * m as f64),
            None,
            "=SUMME(A1); \"Nachbuchung\"\nzweite Zeile",
        );
        ws.values.record(
            key("K2E3", Population::Total, m),
            Amount::ratio(40.0 + m as f64, 70.0).unwrap(),
            as_of,
            "Zähler/Nenner laut BA",
        );
    }
    ws
}

/// Ways to break a file: flip, insert, delete, cut, splice in a nasty token, or throw it away for noise.
#[derive(Clone, Debug)]
enum Damage {
    Flip(usize, u8),
    Insert(usize, Vec<u8>),
    Delete(usize, usize),
    Cut(usize),
    Noise(Vec<u8>),
}

fn nasty() -> impl Strategy<Value = Vec<u8>> {
    let tokens: Vec<&'static [u8]> = vec![
        b";",
        b"\t",
        b",",
        b"\"",
        b"\"\"",
        b"\r",
        b"\n",
        b"\r\n",
        b"\0",
        b"\xEF\xBB\xBF",
        b"\xFF\xFE",
        b"\xE4",
        b"\xC3",
        b"=",
        b"'",
        b"-",
        b"12.5",
        b"1.2.3",
        b"1e999",
        b"NaN",
        b"inf",
        b"-0",
        b"99999999999999999999",
        b"2022",
        b"13",
        b"0",
        b"Frauen",
        b"M\xC3\xA4nner",
        b"K3",
        b"XYZ",
        b"32.13.2022",
        b"{",
        b"}",
        b"[",
        b"]",
        b":",
        b"null",
        b"true",
        b"\"schema_version\": 99",
        b"\"jahr\": 1999",
        b"\"wert\": -1e308",
        b"<img src=x onerror=alert(1)>",
        b"\\u0000",
        b"\\ud800",
    ];
    prop_oneof![
        prop::sample::select(tokens).prop_map(<[u8]>::to_vec),
        prop::collection::vec(any::<u8>(), 1..8),
    ]
}

fn damage() -> impl Strategy<Value = Vec<Damage>> {
    let one = prop_oneof![
        4 => (any::<usize>(), any::<u8>()).prop_map(|(at, b)| Damage::Flip(at, b)),
        4 => (any::<usize>(), nasty()).prop_map(|(at, t)| Damage::Insert(at, t)),
        2 => (any::<usize>(), 1..40usize).prop_map(|(at, n)| Damage::Delete(at, n)),
        1 => any::<usize>().prop_map(Damage::Cut),
        1 => prop::collection::vec(any::<u8>(), 0..300).prop_map(Damage::Noise),
    ];
    prop::collection::vec(one, 1..6)
}

fn apply(mut bytes: Vec<u8>, damage: &[Damage]) -> Vec<u8> {
    for d in damage {
        let len = bytes.len().max(1);
        match d {
            Damage::Flip(at, b) => {
                if !bytes.is_empty() {
                    let i = at % bytes.len();
                    bytes[i] = *b;
                }
            }
            Damage::Insert(at, t) => {
                let i = at % (bytes.len() + 1);
                bytes.splice(i..i, t.iter().copied());
            }
            Damage::Delete(at, n) => {
                let i = at % len;
                let end = (i + n).min(bytes.len());
                if i < end {
                    bytes.drain(i..end);
                }
            }
            Damage::Cut(at) => bytes.truncate(at % len),
            Damage::Noise(noise) => bytes = noise.clone(),
        }
    }
    bytes
}

fn finite(ws: &Workspace) -> bool {
    ws.values.iter().all(|v| match v.current.amount {
        Amount::Number(x) => x.is_finite(),
        Amount::Ratio {
            numerator,
            denominator,
        } => numerator.is_finite() && denominator.is_finite(),
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(10_000))]

    /// 10,000 damaged CSV files: no panic; a whole-file error is a sentence; every rejected line has its line
    /// number and a reason; without a listed change the workspace is the same as before.
    #[test]
    fn csv_import_survives_damaged_files(damage in damage(), lang in prop::sample::select(vec![Lang::De, Lang::En])) {
        let ws = sample();
        let bytes = apply(csv::export(&ws, None).into_bytes(), &damage);
        match csv::import(&ws, &bytes, lang) {
            Err(message) => {
                prop_assert!(message.len() > 10 && message.ends_with('.'), "{message}");
            }
            Ok(result) => {
                prop_assert!(finite(&result.workspace));
                for line in &result.lines {
                    prop_assert!(line.number >= 2);
                    if let csv::Outcome::Rejected(reason) = &line.outcome {
                        prop_assert!(!reason.trim().is_empty());
                    }
                }
                if !result.changes_anything() {
                    prop_assert_eq!(&result.workspace, &ws);
                }
                // Values the file did not touch stay exactly as they were.
                prop_assert!(result.workspace.values.len() >= ws.values.len());
                prop_assert_eq!(&result.workspace.agreements, &ws.agreements);
                prop_assert_eq!(&result.workspace.indicators, &ws.indicators);
            }
        }
    }

    /// 10,000 damaged backups: no panic; an error is a sentence; what is read passes the whole check and
    /// round-trips.
    #[test]
    fn backup_import_survives_damaged_files(damage in damage(), lang in prop::sample::select(vec![Lang::De, Lang::En])) {
        let bytes = apply(backup::export(&sample()).into_bytes(), &damage);
        match backup::read(&bytes, lang) {
            Err(message) => {
                prop_assert!(message.len() > 10 && message.trim_end().ends_with(['.', ')']), "{message}");
            }
            Ok(ws) => {
                prop_assert!(finite(&ws));
                prop_assert!(zielsteuerung::domain::check::problems(&ws, lang).is_empty());
                prop_assert_eq!(backup::read(backup::export(&ws).as_bytes(), lang), Ok(ws.clone()));
                let (merged, _) = backup::merge(&sample(), &ws, lang);
                prop_assert!(zielsteuerung::domain::check::problems(&merged, lang).is_empty());
            }
        }
    }
}

fn value_strategy() -> impl Strategy<Value = (ValueKey, Amount, Option<Date>, String)> {
    // Everything an indicator can plausibly hold (the doors refuse the rest, see below).
    let count = prop_oneof![
        0.0..1e8f64,
        (0i64..100_000).prop_map(|n| n as f64),
        (0i64..1_000_000).prop_map(|n| n as f64 / 100.0),
        Just(0.0),
        Just(1e-9),
    ];
    let money = prop_oneof![
        -1e11..1e11f64,
        (-100_000i64..100_000).prop_map(|n| n as f64),
        Just(-0.1),
    ];
    let part = prop_oneof![0.0..1e6f64, (0i64..10_000).prop_map(|n| n as f64)];
    let catalogue = zielsteuerung::domain::indicator::builtin_catalogue();
    let k2e3 = catalogue
        .into_iter()
        .find(|i| i.code.as_str() == "K2E3")
        .unwrap();
    let amount = prop_oneof![
        count.prop_map(|v| ("INT", Amount::Number(v))),
        money.prop_map(|v| ("LLU", Amount::Number(v))),
        (part.clone(), part)
            .prop_map(|(n, d)| Amount::Ratio {
                numerator: n,
                denominator: d
            })
            .prop_filter("a rate the indicator can hold", move |a| k2e3
                .check_amount(*a)
                .is_ok())
            .prop_map(|a| ("K2E3", a)),
    ];
    (
        amount,
        prop::sample::select(Population::ALL.to_vec()),
        2000i64..=2100,
        prop::option::of(1i64..=12),
        prop::option::of((2000i64..2100, 1i64..=12, 1i64..=28)),
        "[ -~äöüßÄÖÜ€;\"'=+@\t\n]{0,30}",
    )
        .prop_map(
            |((code, amount), population, year, month, as_of, comment)| {
                (
                    ValueKey {
                        indicator: IndicatorCode::new(code),
                        population,
                        year: Year::new(year).unwrap(),
                        month: month.and_then(Month::new),
                    },
                    amount,
                    as_of.and_then(|(y, m, d)| Date::new(y, m, d)),
                    comment,
                )
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(500))]

    /// Export → import gives the same workspace: the backup all of it, the CSV every current value.
    #[test]
    fn export_then_import_gives_the_same_workspace(values in prop::collection::vec(value_strategy(), 0..60)) {
        let mut ws = Workspace::empty("Jobcenter Musterkreis");
        for (key, amount, as_of, comment) in values {
            ws.values.record(key, amount, as_of, &comment);
        }
        prop_assert_eq!(backup::read(backup::export(&ws).as_bytes(), Lang::De), Ok(ws.clone()));
        let mut current = ws.clone();
        let mut plain = zielsteuerung::domain::values::Values::default();
        for v in ws.values.iter() {
            plain.record(v.key.clone(), v.current.amount, v.current.as_of, &v.current.comment);
        }
        current.values = plain;
        let empty = Workspace::empty("Jobcenter Musterkreis");
        let text = csv::export(&ws, None);
        if current.values.is_empty() {
            prop_assert!(csv::import(&empty, text.as_bytes(), Lang::De).is_err());
        } else {
            let back = csv::import(&empty, text.as_bytes(), Lang::De).unwrap();
            prop_assert_eq!(back.counts().rejected, 0, "{:?}", back.lines);
            prop_assert_eq!(back.workspace, current);
        }
    }
}

//! Whether a backup is one of this workspace (issue 20): a backup of the same organisation is merged first, as
//! always; the user's own backup read into the example replaces the example (merging would file the user's figures
//! under the example's name); another organisation's backup is said to be one, in words, before anything is
//! offered, replacing comes first with what it would discard, and merging last, as "anyway".

use crate::domain::example::own_entries;
use crate::domain::workspace::Workspace;
use crate::locale::{Lang, format_count};
use crate::present::example::own_entries_text;
use crate::tr;

/// How a backup stands to this workspace, and so which choice the preview offers first.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Fit {
    /// The same organisation (the example's backup into the example too): merging first, replacing second.
    Same,
    /// This workspace is the example and the backup a real workspace: replacing, and only that. `note` says
    /// what goes (the example, and the user's own entries in it).
    IntoExample { note: String },
    /// Another organisation's backup, or the example's into a real workspace: `warning` says so and what replacing
    /// would discard; replacing first, merging last ("anyway").
    Foreign { warning: String },
}

/// Two names of one organisation: equal but for case and spacing ("Jobcenter  Kreis A" is "jobcenter Kreis A").
pub fn same_organisation(a: &str, b: &str) -> bool {
    let plain = |s: &str| {
        s.split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase()
    };
    plain(a) == plain(b)
}

/// How `incoming` stands to `local`, with the sentences the preview shows.
pub fn fit(local: &Workspace, incoming: &Workspace, lang: Lang) -> Fit {
    let same = local.example == incoming.example
        && same_organisation(&local.organisation, &incoming.organisation);
    if same {
        return Fit::Same;
    }
    let here = &local.organisation;
    if local.example {
        let theirs = &incoming.organisation;
        let mut note = tr!(
            lang,
            "Die Sicherung von „{theirs}“ ersetzt das Beispiel; ihre Zahlen werden nicht mit denen des Beispiels \
             gemischt.",
            "The backup of “{theirs}” replaces the example; its figures are not mixed with the example's."
        );
        let own = own_entries(local);
        if !own.is_empty() {
            let entries = own_entries_text(&own, lang);
            note.push(' ');
            note.push_str(&tr!(
                lang,
                "Verworfen werden dabei auch Ihre eigenen Eingaben im Beispiel: {entries}.",
                "This also discards your own entries in the example: {entries}."
            ));
        }
        return Fit::IntoExample { note };
    }
    let whose = if incoming.example {
        let theirs = &incoming.organisation;
        tr!(
            lang,
            "Diese Sicherung ist das Beispiel („{theirs}“), nicht Ihr Arbeitsbereich „{here}“.",
            "This backup is the example (“{theirs}”), not your workspace “{here}”."
        )
    } else {
        let theirs = &incoming.organisation;
        tr!(
            lang,
            "Diese Sicherung gehört zu „{theirs}“, nicht zu „{here}“.",
            "This backup belongs to “{theirs}”, not to “{here}”."
        )
    };
    let mixing = lang.pick(
        "Zusammenführen würde die Zahlen beider mischen.",
        "Merging would mix the figures of both.",
    );
    let goes = match discarded(local, lang) {
        None => tr!(
            lang,
            "Ersetzen verwirft nichts: Der Arbeitsbereich „{here}“ ist leer.",
            "Replacing discards nothing: the workspace “{here}” is empty."
        ),
        Some(what) => tr!(
            lang,
            "Ersetzen verwirft den Arbeitsbereich „{here}“ mit {what}.",
            "Replacing discards the workspace “{here}” with {what}."
        ),
    };
    Fit::Foreign {
        warning: format!("{whose} {mixing} {goes}"),
    }
}

/// "2 Zielvereinbarungen (2021, 2022), 312 Werten und 1 eigenen Kennzahl" (German dative, after "mit"); `None`
/// when the workspace holds none of them.
fn discarded(workspace: &Workspace, lang: Lang) -> Option<String> {
    let count = |n: usize, de: (&str, &str), en: (&str, &str)| {
        let (one, many) = lang.pick_pair(de, en);
        let word = if n == 1 { one } else { many };
        format!("{} {word}", format_count(n as f64, lang))
    };
    let mut parts = Vec::new();
    let years = workspace.agreement_years();
    if !years.is_empty() {
        let list: Vec<String> = years.iter().map(ToString::to_string).collect();
        parts.push(format!(
            "{} ({})",
            count(
                years.len(),
                ("Zielvereinbarung", "Zielvereinbarungen"),
                ("agreement", "agreements")
            ),
            list.join(", ")
        ));
    }
    if !workspace.values.is_empty() {
        parts.push(count(
            workspace.values.len(),
            ("Wert", "Werten"),
            ("figure", "figures"),
        ));
    }
    if !workspace.indicators.is_empty() {
        parts.push(count(
            workspace.indicators.len(),
            ("eigenen Kennzahl", "eigenen Kennzahlen"),
            ("own indicator", "own indicators"),
        ));
    }
    let last = parts.pop()?;
    Some(if parts.is_empty() {
        last
    } else {
        let and = lang.pick("und", "and");
        format!("{} {and} {last}", parts.join(", "))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::calendar::{Month, Year};
    use crate::domain::example::odenwaldkreis;
    use crate::domain::indicator::IndicatorCode;
    use crate::domain::values::{Amount, Population, ValueKey};

    /// A job centre's workspace: the example's agreements and values under its own name.
    fn jobcenter(name: &str) -> Workspace {
        let mut ws = odenwaldkreis();
        ws.example = false;
        ws.organisation = name.into();
        ws
    }

    #[test]
    fn names_of_one_organisation() {
        assert!(same_organisation("Jobcenter A", "Jobcenter A"));
        assert!(same_organisation(" Jobcenter  A ", "jobcenter a"));
        assert!(!same_organisation("Jobcenter A", "Jobcenter B"));
    }

    #[test]
    fn the_same_organisation_is_merged_first() {
        let a = jobcenter("Jobcenter A");
        assert_eq!(fit(&a, &jobcenter("jobcenter  A"), Lang::De), Fit::Same);
        // The example's backup into the example.
        assert_eq!(fit(&odenwaldkreis(), &odenwaldkreis(), Lang::De), Fit::Same);
    }

    #[test]
    fn another_job_centre_is_said_with_what_replacing_discards() {
        let a = jobcenter("Jobcenter A");
        let b = jobcenter("Jobcenter B");
        let values = a.values.len();
        assert_eq!(values, 2);
        assert_eq!(
            fit(&a, &b, Lang::De),
            Fit::Foreign {
                warning: "Diese Sicherung gehört zu „Jobcenter B“, nicht zu „Jobcenter A“. Zusammenführen würde die \
                          Zahlen beider mischen. Ersetzen verwirft den Arbeitsbereich „Jobcenter A“ mit 2 \
                          Zielvereinbarungen (2021, 2022), 2 Werten und 1 eigenen Kennzahl."
                    .into()
            }
        );
        assert_eq!(
            fit(&a, &b, Lang::En),
            Fit::Foreign {
                warning: "This backup belongs to “Jobcenter B”, not to “Jobcenter A”. Merging would mix the figures \
                          of both. Replacing discards the workspace “Jobcenter A” with 2 agreements (2021, 2022), 2 \
                          figures and 1 own indicator."
                    .into()
            }
        );
        // One agreement, 1.234 values: counted in words and numbers as the screens write them.
        let mut big = Workspace::empty("Jobcenter A");
        big.agreements = vec![a.agreements[0].clone()];
        for i in 0..1234 {
            big.values.record(
                ValueKey {
                    indicator: IndicatorCode::new("INT"),
                    population: [Population::Total, Population::Women, Population::Men]
                        [(i / 12 % 3) as usize],
                    year: Year::new(2000 + i64::from(i / 36)).unwrap(),
                    month: Month::new(i64::from(i % 12) + 1),
                },
                Amount::Number(1.0),
                None,
                "",
            );
        }
        let Fit::Foreign { warning } = fit(&big, &b, Lang::De) else {
            panic!("foreign")
        };
        assert!(
            warning.ends_with("mit 1 Zielvereinbarung (2021) und 1.234 Werten."),
            "{warning}"
        );
        // An empty workspace loses nothing.
        let Fit::Foreign { warning } = fit(&Workspace::empty("Jobcenter A"), &b, Lang::En) else {
            panic!("foreign")
        };
        assert!(
            warning.ends_with("Replacing discards nothing: the workspace “Jobcenter A” is empty."),
            "{warning}"
        );
    }

    #[test]
    fn the_example_into_a_real_workspace_is_foreign_too() {
        let a = jobcenter("Jobcenter A");
        let Fit::Foreign { warning } = fit(&a, &odenwaldkreis(), Lang::De) else {
            panic!("foreign")
        };
        assert!(
            warning.starts_with(
                "Diese Sicherung ist das Beispiel („Kommunales Job-Center (KJC) Odenwaldkreis“), nicht Ihr \
                 Arbeitsbereich „Jobcenter A“. Zusammenführen würde"
            ),
            "{warning}"
        );
    }

    #[test]
    fn the_own_backup_replaces_the_example() {
        let mine = jobcenter("Jobcenter A");
        assert_eq!(
            fit(&odenwaldkreis(), &mine, Lang::De),
            Fit::IntoExample {
                note: "Die Sicherung von „Jobcenter A“ ersetzt das Beispiel; ihre Zahlen werden nicht mit denen des \
                       Beispiels gemischt."
                    .into()
            }
        );
        // What the user entered in the example is named.
        let mut example = odenwaldkreis();
        example.values.record(
            ValueKey {
                indicator: IndicatorCode::new("INT"),
                population: Population::Total,
                year: Year::new(2022).unwrap(),
                month: Month::new(1),
            },
            Amount::Number(60.0),
            None,
            "",
        );
        assert_eq!(
            fit(&example, &mine, Lang::En),
            Fit::IntoExample {
                note: "The backup of “Jobcenter A” replaces the example; its figures are not mixed with the \
                       example's. This also discards your own entries in the example: 1 actual figure."
                    .into()
            }
        );
    }
}

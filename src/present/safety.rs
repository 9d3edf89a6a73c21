//! Where the data lives and when it last left the browser (issue 17, the safety net): the line the header shows,
//! whether the browser protects the storage, and when to remind the user of a backup. Browsers clear site data (a
//! user clears the cache; an origin under storage pressure is evicted whole unless `navigator.storage.persist()`
//! was granted), so a backup outside the browser is the user's safety net.

use crate::core::calendar::Date;
use crate::locale::format_count;
use crate::tr;

use crate::locale::Lang;

/// What the safety net knows in this browser.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Safety {
    /// Whether the browser gives this page storage at all.
    pub storage: bool,
    /// The day the last backup was downloaded in this browser, if ever.
    pub last_backup: Option<Date>,
    /// Since when changes count without a backup: the last backup, or the first day the app saved here.
    pub counting_since: Option<Date>,
    /// Saved changes since the last backup (revisions of the workspace).
    pub changes: u64,
    /// What this browser had noted of backups could not be read; it was kept aside, not written over.
    pub note_unreadable: bool,
}

/// When to remind: after so many days or so many saved changes without a backup, whichever comes first.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Remind {
    pub days: u32,
    pub changes: u32,
}

impl Default for Remind {
    fn default() -> Remind {
        Remind {
            days: 7,
            changes: 50,
        }
    }
}

/// "vor 23 Tagen", "heute", "gestern" (a date in the future, a clock set back, counts as today).
fn ago(then: Date, today: Date, lang: Lang) -> String {
    match today.days_since(then) {
        ..=0 => lang.pick("heute", "today").to_owned(),
        1 => lang.pick("gestern", "yesterday").to_owned(),
        n => {
            let n = format_count(n as f64, lang);
            tr!(lang, "vor {n} Tagen", "{n} days ago")
        }
    }
}

/// The header's line: where the data lives and when it last left the browser.
pub fn status(s: &Safety, today: Date, lang: Lang) -> String {
    if !s.storage {
        return lang
            .pick(
                "Nicht gespeichert – dieser Browser gibt der Seite keinen Speicher",
                "Not saved – this browser gives the page no storage",
            )
            .to_owned();
    }
    let mut line = match s.last_backup {
        None => lang
            .pick(
                "Nur in diesem Browser gespeichert – noch keine Sicherung",
                "Saved in this browser only – no backup yet",
            )
            .to_owned(),
        Some(day) => {
            let when = ago(day, today, lang);
            tr!(
                lang,
                "Nur in diesem Browser gespeichert – letzte Sicherung {when}",
                "Saved in this browser only – last backup {when}"
            )
        }
    };
    if s.note_unreadable {
        line.push_str(lang.pick(
            " (die Angaben zu früheren Sicherungen waren unlesbar und liegen beiseite)",
            " (what was noted of earlier backups could not be read and is kept aside)",
        ));
    }
    line
}

/// What the browser said when asked to keep the data (`navigator.storage.persist()`), once it has answered.
pub fn protection(persisted: Option<bool>, lang: Lang) -> Option<&'static str> {
    persisted.map(|granted| {
        if granted {
            lang.pick("Speicher geschützt", "Storage protected")
        } else {
            lang.pick(
                "Der Browser darf diese Daten bei Platzmangel löschen",
                "The browser may delete this data when space runs short",
            )
        }
    })
}

/// The reminder, when one is due: so many days or so many saved changes without a backup.
pub fn reminder(s: &Safety, today: Date, remind: Remind, lang: Lang) -> Option<String> {
    if !s.storage {
        return None;
    }
    let days = s
        .counting_since
        .map_or(0, |since| today.days_since(since).max(0));
    let by_days = s.changes > 0 && days >= i64::from(remind.days);
    let by_changes = s.changes >= u64::from(remind.changes);
    if !by_days && !by_changes {
        return None;
    }
    let changes = match s.changes {
        1 => lang
            .pick("1 gespeicherte Änderung", "1 saved change")
            .to_owned(),
        n => {
            let n = format_count(n as f64, lang);
            tr!(lang, "{n} gespeicherte Änderungen", "{n} saved changes")
        }
    };
    let since = match s.last_backup {
        None => lang
            .pick("noch keine Sicherung", "no backup yet")
            .to_owned(),
        Some(day) => {
            let when = ago(day, today, lang);
            tr!(lang, "letzte Sicherung {when}", "last backup {when}")
        }
    };
    Some(tr!(
        lang,
        "{changes}, {since}: Die Daten liegen nur in diesem Browser, und Browser löschen \
         gespeicherte Daten mitunter (Verlauf löschen, Platzmangel). Laden Sie eine Sicherung herunter und legen Sie \
         sie ab, wo Ihre Dateien gesichert werden.",
        "{changes}, {since}: the data lives in this browser only, and browsers do delete stored data \
         at times (clearing the history, lack of space). Download a backup and keep it where your files are backed \
         up."
    ))
}

/// How the linked workspace file stands, for the header's line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileLine<'a> {
    InStep { name: &'a str, at: &'a str },
    Writing { name: &'a str },
    NeedsPermission { name: &'a str },
    Choose { name: &'a str },
    Unreadable { name: &'a str },
    Failed { name: &'a str },
}

/// "Mit ziele.json verbunden – gespeichert 10:42", or why the file is not written now.
pub fn file_status(line: FileLine, lang: Lang) -> String {
    let (name, state) = match line {
        FileLine::InStep { name, at } => (name, tr!(lang, "gespeichert {at}", "saved {at}")),
        FileLine::Writing { name } => (name, lang.pick("wird geschrieben …", "writing …").to_owned()),
        FileLine::NeedsPermission { name } => (
            name,
            lang.pick(
                "nicht geschrieben: Zugriff erneut erlauben (Datenaustausch)",
                "not written: allow access again (Import & export)",
            )
            .to_owned(),
        ),
        FileLine::Choose { name } => (
            name,
            lang.pick(
                "nicht geschrieben: die Datei wurde auch anderswo geändert, bitte wählen (Datenaustausch)",
                "not written: the file was changed elsewhere too, please choose (Import & export)",
            )
            .to_owned(),
        ),
        FileLine::Unreadable { name } => (
            name,
            lang.pick(
                "nicht geschrieben: die Datei ist keine Arbeitsbereich-Datei (mehr)",
                "not written: the file is not (or no longer) a workspace file",
            )
            .to_owned(),
        ),
        FileLine::Failed { name } => (
            name,
            lang.pick(
                "nicht geschrieben: der Browser hat den Zugriff verweigert",
                "not written: the browser refused access",
            )
            .to_owned(),
        ),
    };
    tr!(
        lang,
        "Mit {name} verbunden – {state}",
        "Linked to {name} – {state}"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i64, m: i64, day: i64) -> Date {
        Date::new(y, m, day).unwrap()
    }

    fn safety(last: Option<Date>, since: Option<Date>, changes: u64) -> Safety {
        Safety {
            storage: true,
            last_backup: last,
            counting_since: since,
            changes,
            note_unreadable: false,
        }
    }

    #[test]
    fn the_header_says_where_the_data_lives() {
        let today = d(2026, 11, 29);
        let never = safety(None, Some(d(2026, 11, 1)), 3);
        assert_eq!(
            status(&never, today, Lang::De),
            "Nur in diesem Browser gespeichert – noch keine Sicherung"
        );
        assert_eq!(
            status(&never, today, Lang::En),
            "Saved in this browser only – no backup yet"
        );
        let backed = safety(Some(d(2026, 11, 6)), Some(d(2026, 11, 6)), 3);
        assert_eq!(
            status(&backed, today, Lang::De),
            "Nur in diesem Browser gespeichert – letzte Sicherung vor 23 Tagen"
        );
        assert_eq!(
            status(&backed, today, Lang::En),
            "Saved in this browser only – last backup 23 days ago"
        );
        let today_too = safety(Some(today), Some(today), 0);
        assert!(status(&today_too, today, Lang::De).ends_with("letzte Sicherung heute"));
        let yesterday = safety(Some(d(2026, 11, 28)), None, 0);
        assert!(status(&yesterday, today, Lang::En).ends_with("last backup yesterday"));
        let long_ago = safety(Some(d(2023, 2, 28)), None, 0);
        assert!(status(&long_ago, today, Lang::De).ends_with("vor 1.370 Tagen"));
        // A note that could not be read is said, not passed over.
        let unreadable = Safety {
            note_unreadable: true,
            ..never
        };
        assert_eq!(
            status(&unreadable, today, Lang::De),
            "Nur in diesem Browser gespeichert – noch keine Sicherung (die Angaben zu früheren Sicherungen waren \
             unlesbar und liegen beiseite)"
        );
        assert_eq!(
            status(&unreadable, today, Lang::En),
            "Saved in this browser only – no backup yet (what was noted of earlier backups could not be read and is \
             kept aside)"
        );
        let none = Safety {
            storage: false,
            ..never
        };
        assert_eq!(
            status(&none, today, Lang::De),
            "Nicht gespeichert – dieser Browser gibt der Seite keinen Speicher"
        );
    }

    #[test]
    fn the_linked_file_says_how_it_stands() {
        assert_eq!(
            file_status(
                FileLine::InStep {
                    name: "ziele.json",
                    at: "10:42"
                },
                Lang::De
            ),
            "Mit ziele.json verbunden – gespeichert 10:42"
        );
        assert_eq!(
            file_status(
                FileLine::InStep {
                    name: "ziele.json",
                    at: "10:42"
                },
                Lang::En
            ),
            "Linked to ziele.json – saved 10:42"
        );
        assert_eq!(
            file_status(FileLine::NeedsPermission { name: "ziele.json" }, Lang::De),
            "Mit ziele.json verbunden – nicht geschrieben: Zugriff erneut erlauben (Datenaustausch)"
        );
        assert!(
            file_status(FileLine::Choose { name: "team.json" }, Lang::De).contains("bitte wählen")
        );
        assert!(
            file_status(FileLine::Unreadable { name: "x.json" }, Lang::En)
                .ends_with("no longer) a workspace file")
        );
    }

    #[test]
    fn the_answer_of_the_browser_is_said() {
        assert_eq!(protection(Some(true), Lang::De), Some("Speicher geschützt"));
        assert_eq!(
            protection(Some(false), Lang::De),
            Some("Der Browser darf diese Daten bei Platzmangel löschen")
        );
        assert_eq!(protection(None, Lang::De), None);
    }

    #[test]
    fn a_reminder_after_seven_days_or_fifty_changes() {
        let today = d(2026, 11, 29);
        let remind = Remind::default();
        // Six days and 49 changes: not yet.
        assert_eq!(
            reminder(
                &safety(Some(d(2026, 11, 23)), Some(d(2026, 11, 23)), 49),
                today,
                remind,
                Lang::De
            ),
            None
        );
        // Seven days with a change since.
        let due = reminder(
            &safety(Some(d(2026, 11, 22)), Some(d(2026, 11, 22)), 1),
            today,
            remind,
            Lang::De,
        )
        .unwrap();
        assert!(
            due.starts_with("1 gespeicherte Änderung, letzte Sicherung vor 7 Tagen: "),
            "{due}"
        );
        // Seven days without any change: nothing new to lose.
        assert_eq!(
            reminder(
                &safety(Some(d(2026, 11, 1)), Some(d(2026, 11, 1)), 0),
                today,
                remind,
                Lang::De
            ),
            None
        );
        // Fifty changes on the day of the last backup.
        let due = reminder(
            &safety(Some(today), Some(today), 50),
            today,
            remind,
            Lang::En,
        )
        .unwrap();
        assert!(
            due.starts_with("50 saved changes, last backup today: "),
            "{due}"
        );
        // Never backed up: counted from the first save in this browser.
        let due = reminder(
            &safety(None, Some(d(2026, 11, 20)), 12),
            today,
            remind,
            Lang::De,
        )
        .unwrap();
        assert!(
            due.starts_with("12 gespeicherte Änderungen, noch keine Sicherung: "),
            "{due}"
        );
        // The user's own thresholds.
        let own = Remind {
            days: 30,
            changes: 200,
        };
        assert_eq!(
            reminder(
                &safety(None, Some(d(2026, 11, 20)), 120),
                today,
                own,
                Lang::De
            ),
            None
        );
        assert!(
            reminder(
                &safety(None, Some(d(2026, 10, 30)), 1),
                today,
                own,
                Lang::De
            )
            .is_some()
        );
        // Without storage there is nothing to back up from.
        let none = Safety {
            storage: false,
            ..safety(None, Some(d(2026, 1, 1)), 500)
        };
        assert_eq!(reminder(&none, today, remind, Lang::De), None);
    }
}

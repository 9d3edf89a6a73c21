//! What the app says about the example workspace: the banner while it is shown, and what starting anew would
//! discard of the user's own entries.

use crate::core::calendar::Year;
use crate::domain::example::OwnEntries;
use crate::locale::Lang;
use crate::tr;

/// "1 Zielvereinbarung (2023), 2 geänderte Ziele, 14 Ist-Werte", or empty when there are none.
pub fn own_entries_text(own: &OwnEntries, lang: Lang) -> String {
    let count = |n: usize, de: (&str, &str), en: (&str, &str)| {
        let (one, many) = lang.pick_pair(de, en);
        format!("{n} {}", if n == 1 { one } else { many })
    };
    let mut parts = Vec::new();
    if !own.agreements.is_empty() {
        let years: Vec<String> = own.agreements.iter().map(Year::to_string).collect();
        parts.push(format!(
            "{} ({})",
            count(
                own.agreements.len(),
                ("Zielvereinbarung", "Zielvereinbarungen"),
                ("target agreement", "target agreements")
            ),
            years.join(", ")
        ));
    }
    if own.changed_targets > 0 {
        parts.push(count(
            own.changed_targets,
            ("Änderung an den Zielen", "Änderungen an den Zielen"),
            ("change to the targets", "changes to the targets"),
        ));
    }
    if own.values > 0 {
        parts.push(count(
            own.values,
            ("Ist-Wert", "Ist-Werte"),
            ("actual figure", "actual figures"),
        ));
    }
    if own.indicators > 0 {
        parts.push(count(
            own.indicators,
            ("eigene Kennzahl", "eigene Kennzahlen"),
            ("own indicator", "own indicators"),
        ));
    }
    parts.join(", ")
}

/// The example banner: what the example is, and what the user has added to it.
pub fn example_banner(own: &OwnEntries, lang: Lang) -> String {
    let mut text = tr!(
        lang,
        "Dieser Arbeitsbereich beruht auf dem Beispiel der Zielvereinbarungen des Odenwaldkreises aus dessen \
         Pressemitteilung von 2022: die Ergebnisse 2021 und die Ziele 2022 (für 2022 nennt die Pressemitteilung \
         noch keine Ist-Werte).",
        "This workspace is based on the example of the target agreements of the Odenwaldkreis from its press \
         release of 2022: the results of 2021 and the targets for 2022 (for 2022 the press release gives no actual \
         figures yet)."
    );
    if !own.is_empty() {
        let entries = own_entries_text(own, lang);
        text.push(' ');
        text.push_str(&tr!(
            lang,
            "Dazu kommen Ihre eigenen Eingaben: {entries}.",
            "Your own entries come on top: {entries}."
        ));
    }
    text
}

/// What starting a new workspace discards: the example, and the user's own entries with their count.
pub fn discard_warning(own: &OwnEntries, lang: Lang) -> String {
    if own.is_empty() {
        return tr!(
            lang,
            "Das Beispiel wird dabei verworfen; Sie können das direkt danach rückgängig machen.",
            "This discards the example; you can undo that right afterwards."
        );
    }
    let entries = own_entries_text(own, lang);
    tr!(
        lang,
        "Verworfen werden das Beispiel und auch Ihre eigenen Eingaben darin: {entries}. Wenn Sie diese behalten \
         wollen, laden Sie vorher eine Sicherung herunter. Direkt danach können Sie das Anlegen noch rückgängig \
         machen.",
        "This discards the example and also your own entries in it: {entries}. If you want to keep them, download a \
         backup first. Right afterwards you can still undo this."
    )
}

/// What taking a colleague's workspace file over the example discards, when the example holds the user's own
/// entries (issue 21, loss 3); `None` without such entries.
pub fn file_over_example_warning(own: &OwnEntries, lang: Lang) -> Option<String> {
    if own.is_empty() {
        return None;
    }
    let entries = own_entries_text(own, lang);
    Some(tr!(
        lang,
        "Hier liegt das Beispiel mit Ihren eigenen Eingaben: {entries}. „Fassung der Datei übernehmen“ verwirft sie; \
         wenn Sie sie behalten wollen, laden Sie vorher eine Sicherung herunter oder führen Sie zusammen.",
        "This browser holds the example with your own entries: {entries}. “Take the file's version” discards them; \
         if you want to keep them, download a backup first or merge."
    ))
}

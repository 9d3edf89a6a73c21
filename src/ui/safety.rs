//! The safety net for browser storage (issue 17): the header's line on where the data lives and when it last left
//! the browser, the reminder to download a backup (never a dialog that blocks work), and its settings on the
//! Datenaustausch screen. The texts and rules live in `present::safety`.

use leptos::prelude::*;

use crate::persistence::file::FileContent;
use crate::present::safety::{FileLine, Remind, file_status, protection, reminder, status};
use crate::ui::download::download_backup;
use crate::ui::state::{AppState, FileChoice, FileStatus, use_file, use_safety, use_state};

/// Downloads the backup of the whole workspace and notes it; `false` when the browser refused the download.
pub fn download_and_note(state: AppState) -> bool {
    state.ensure_complete();
    let done = state.data.untracked(download_backup);
    if done {
        use_safety().backup_done();
    }
    done
}

/// The header's line: "Nur in diesem Browser gespeichert – letzte Sicherung vor 23 Tagen · Speicher geschützt".
#[component]
pub fn SafetyLine() -> impl IntoView {
    let state = use_state();
    let (safety, file) = (use_safety(), use_file());
    let line = Memo::new(move |_| {
        let lang = state.lang.get();
        if let Some(file) = file.with_status(|f| file_line(f).map(|l| file_status(l, lang))) {
            return Some(file);
        }
        let status_now = safety.status();
        let today = crate::ui::clock::today_date()?;
        let mut text = status(&status_now, today, lang);
        if let Some(kept) = protection(safety.persisted(), lang) {
            text.push_str(" · ");
            text.push_str(kept);
        }
        Some(text)
    });
    view! { <span class="datenort">{move || line.get()}</span> }
}

/// The header's words for the linked file (`None`: none linked).
fn file_line(status: &FileStatus) -> Option<FileLine<'_>> {
    Some(match status {
        FileStatus::Unlinked => return None,
        FileStatus::NeedsPermission { name } => FileLine::NeedsPermission { name },
        FileStatus::Writing { name } => FileLine::Writing { name },
        FileStatus::InStep { name, at } => FileLine::InStep { name, at },
        FileStatus::Choose { name, .. } => FileLine::Choose { name },
        FileStatus::Unreadable { name, .. } => FileLine::Unreadable { name },
        FileStatus::Failed { name, .. } => FileLine::Failed { name },
    })
}

/// The reminder to download a backup, when one is due: a notice with the download, not a dialog.
#[component]
pub fn BackupReminder() -> impl IntoView {
    let state = use_state();
    let (safety, file) = (use_safety(), use_file());
    let text = Memo::new(move |_| {
        let lang = state.lang.get();
        let note = safety.note();
        let remind = Remind {
            days: note.remind_days,
            changes: note.remind_changes,
        };
        // A file in step is a copy outside the browser.
        if file.with_status(|f| matches!(f, FileStatus::InStep { .. } | FileStatus::Writing { .. }))
        {
            return None;
        }
        reminder(
            &safety.status(),
            crate::ui::clock::today_date()?,
            remind,
            lang,
        )
    });
    let refused = RwSignal::new(false);
    move || {
        let lang = state.lang.get();
        text.get().map(|text| {
            view! {
                <div class="meldung meldung-info erinnerung" role="status">
                    <p>
                        <strong>{lang.pick("Sicherung empfohlen: ", "Backup recommended: ")}</strong>
                        {text}
                    </p>
                    <div class="knopfleiste">
                        <button type="button" class="haupt" on:click=move |_| refused.set(!download_and_note(state))>
                            {lang.pick("Sicherung herunterladen", "Download backup")}
                        </button>
                        <a href=crate::route::Screen::Exchange.href()>
                            {lang.pick("Erinnerung einstellen", "Reminder settings")}
                        </a>
                    </div>
                    <Show when=move || refused.get()>
                        <p>{lang.pick("Der Browser hat den Download verweigert.", "The browser refused the download.")}</p>
                    </Show>
                </div>
            }
        })
    }
}

/// "Erinnern nach [7] Tagen oder [50] Änderungen" on the Datenaustausch screen, remembered in this browser.
#[component]
pub fn ReminderSettings() -> impl IntoView {
    let state = use_state();
    let safety = use_safety();
    let lang = state.lang.get_untracked();
    let error = RwSignal::new(String::new());
    let days = RwSignal::new(safety.note_untracked().remind_days.to_string());
    let changes = RwSignal::new(safety.note_untracked().remind_changes.to_string());
    let apply = move || {
        let read = |text: String, most: u32| {
            text.trim()
                .parse::<u32>()
                .ok()
                .filter(|n| (1..=most).contains(n))
        };
        match (
            read(days.get_untracked(), 365),
            read(changes.get_untracked(), 10_000),
        ) {
            (Some(d), Some(c)) => {
                error.set(String::new());
                safety.set_reminder(d, c);
            }
            _ => error.set(
                lang.pick(
                    "Bitte ganze Zahlen eingeben: 1 bis 365 Tage und 1 bis 10.000 Änderungen.",
                    "Please enter whole numbers: 1 to 365 days and 1 to 10,000 changes.",
                )
                .into(),
            ),
        }
    };
    let invalid = move || (!error.get().is_empty()).then_some("true");
    view! {
        <fieldset class="erinnerung-einstellen">
            <legend>{lang.pick("Erinnerung an die Sicherung", "Backup reminder")}</legend>
            <p class="hilfe">
                {move || {
                    let line = safety.status();
                    crate::ui::clock::today_date().map(|today| status(&line, today, lang))
                }}
            </p>
            <div class="formular-zeile">
                <div class="feld">
                    <label for="erinnern-tage">{lang.pick("nach Tagen ohne Sicherung", "after days without a backup")}</label>
                    <input id="erinnern-tage" type="text" inputmode="numeric" class="kurz"
                        prop:value=move || days.get()
                        aria-invalid=invalid aria-describedby="erinnern-fehler"
                        on:change=move |ev| { days.set(event_target_value(&ev)); apply(); } />
                </div>
                <div class="feld">
                    <label for="erinnern-aenderungen">{lang.pick("oder nach gespeicherten Änderungen", "or after saved changes")}</label>
                    <input id="erinnern-aenderungen" type="text" inputmode="numeric" class="kurz"
                        prop:value=move || changes.get()
                        aria-invalid=invalid aria-describedby="erinnern-fehler"
                        on:change=move |ev| { changes.set(event_target_value(&ev)); apply(); } />
                </div>
            </div>
            <p id="erinnern-fehler" class="feldfehler" role="status">{move || error.get()}</p>
        </fieldset>
    }
}

/// "Arbeitsbereich-Datei" on the Datenaustausch screen: link the workspace to a file the team keeps (e.g. on the
/// network drive) or open a colleague's; how it stands; the choice when both sides changed.
#[component]
pub fn TeamFile() -> impl IntoView {
    let state = use_state();
    let file = use_file();
    let lang = state.lang.get_untracked();
    let heading = move || {
        view! {
            <h2 id="datei-titel">{lang.pick("Arbeitsbereich-Datei für das Team", "Workspace file for the team")}</h2>
        }
    };
    if !crate::storage::file_access::supported() {
        return view! {
            <section class="austausch" aria-labelledby="datei-titel">
                {heading()}
                <p>
                    {lang.pick(
                        "Dieser Browser kann den Arbeitsbereich nicht mit einer Datei verbinden (das können Edge und \
                         Chrome). Tauschen Sie Ihre Daten hier über die Sicherung aus: herunterladen, auf dem \
                         Netzlaufwerk ablegen und auf dem anderen Rechner einlesen.",
                        "This browser cannot link the workspace to a file (Edge and Chrome can). Exchange your data \
                         through the backup here: download it, put it on the network drive and read it on the other \
                         computer.",
                    )}
                </p>
            </section>
        }
        .into_any();
    }
    let status_text = move || {
        let lang = state.lang.get();
        file.with_status(|f| match f {
            FileStatus::Unlinked => lang
                .pick(
                    "Nicht verbunden: Die Daten liegen nur in diesem Browser.",
                    "Not linked: the data lives in this browser only.",
                )
                .to_owned(),
            FileStatus::Unreadable { why, .. } | FileStatus::Failed { why, .. } => {
                let line = file_line(f)
                    .map(|l| file_status(l, lang))
                    .unwrap_or_default();
                format!("{line}. {why}")
            }
            other => file_line(other)
                .map(|l| file_status(l, lang))
                .unwrap_or_default(),
        })
    };
    let linked = move || !matches!(file.status(), FileStatus::Unlinked);
    let needs_permission = move || matches!(file.status(), FileStatus::NeedsPermission { .. });
    let choosing = move || match file.status() {
        FileStatus::Choose { theirs, .. } => Some(view! { <FileChoiceBox theirs /> }),
        _ => None,
    };
    view! {
        <section class="austausch" aria-labelledby="datei-titel">
            {heading()}
            <p>
                {lang.pick(
                    "Verbinden Sie den Arbeitsbereich mit einer Datei, etwa auf dem Netzlaufwerk des Teams: Jede \
                     Änderung wird dann auch dort gespeichert, und was Kolleginnen und Kollegen dort speichern, sehen \
                     Sie hier. Die Datei ist eine Sicherung, die jeder Browser einlesen kann.",
                    "Link the workspace to a file, e.g. on the team's network drive: every change is then saved \
                     there too, and what colleagues save there shows here. The file is a backup any browser can read.",
                )}
            </p>
            <p class="datei-stand" role="status">{status_text}</p>
            {choosing}
            <div class="werkzeugleiste">
                <Show when=needs_permission>
                    <button type="button" class="haupt" on:click=move |_| file.grant_file_access()>
                        {move || {
                            let name = match file.status() {
                                FileStatus::NeedsPermission { name } => name,
                                _ => String::new(),
                            };
                            crate::tr!(state.lang.get(), "Zugriff auf {name} erneut erlauben", "Allow access to {name} again")
                        }}
                    </button>
                </Show>
                <button type="button" on:click=move |_| file.link_file()>
                    {lang.pick("Mit Datei verbinden …", "Link to a file …")}
                </button>
                <button type="button" on:click=move |_| file.open_file()>
                    {lang.pick("Arbeitsbereich-Datei öffnen …", "Open a workspace file …")}
                </button>
                <Show when=linked>
                    <button type="button" on:click=move |_| file.unlink_file()>
                        {lang.pick("Verbindung lösen", "Unlink")}
                    </button>
                </Show>
            </div>
        </section>
    }
    .into_any()
}

/// The choice when both the file and this workspace changed: what differs, a backup first where the example holds
/// the user's own entries, and the three ways out.
#[component]
fn FileChoiceBox(theirs: FileContent) -> impl IntoView {
    let state = use_state();
    let file = use_file();
    let lang = state.lang.get_untracked();
    let (summary, differences, own) = state.data.untracked(|w| {
        let report = crate::exchange::backup::merge(w, &theirs.workspace, lang).1;
        let own = w
            .example
            .then(|| {
                crate::present::example::file_over_example_warning(
                    &crate::domain::example::own_entries(w),
                    lang,
                )
            })
            .flatten();
        (report.summary(lang), report.conflicts, own)
    });
    view! {
        <div class="meldung meldung-warnung" role="alert">
            <p>
                <strong>{lang.pick("Beide Seiten geändert: ", "Both sides changed: ")}</strong>
                {lang.pick(
                    "Die Datei wurde seit Ihrem letzten Stand anderswo gespeichert, und hier hat sich auch \
                     etwas geändert. Nichts wird geschrieben, bevor Sie wählen.",
                    "The file was saved elsewhere since you last had it, and something changed here too. \
                     Nothing is written before you choose.",
                )}
                " " {summary}
            </p>
            {(!differences.is_empty()).then(|| view! {
                <ul class="konflikte">
                    {differences.into_iter().map(|d| view! { <li>{d}</li> }).collect_view()}
                </ul>
            })}
            {own.map(|own| view! {
                <p class="eigene-eingaben">{own}</p>
                <div class="knopfleiste links">
                    <button type="button" on:click=move |_| {
                        download_and_note(state);
                    }>
                        {lang.pick("Sicherung herunterladen", "Download a backup")}
                    </button>
                </div>
            })}
            <div class="knopfleiste links">
                <button type="button" class="haupt" on:click=move |_| file.resolve_file(FileChoice::Merge)>
                    {lang.pick("Zusammenführen", "Merge")}
                </button>
                <button type="button" on:click=move |_| file.resolve_file(FileChoice::Theirs)>
                    {lang.pick("Fassung der Datei übernehmen", "Take the file's version")}
                </button>
                <button type="button" on:click=move |_| file.resolve_file(FileChoice::Mine)>
                    {lang.pick("Meine Fassung behalten (Datei überschreiben)", "Keep mine (write over the file)")}
                </button>
            </div>
        </div>
    }
}

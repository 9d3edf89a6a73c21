//! The safety net for browser storage (issue 17): the header's line on where the data lives and when it last left
//! the browser, the reminder to download a backup (never a dialog that blocks work), and its settings on the
//! Datenaustausch screen. The texts and rules live in `present::safety`.

use leptos::prelude::*;

use crate::present::safety::{Remind, protection, reminder, status};
use crate::ui::download::download_backup;
use crate::ui::state::{AppState, use_state};

/// Downloads the backup of the whole workspace and notes it; `false` when the browser refused the download.
pub fn download_and_note(state: AppState) -> bool {
    state.ensure_complete();
    let done = state.data.untracked(download_backup);
    if done {
        state.backup_done();
    }
    done
}

/// The header's line: "Nur in diesem Browser gespeichert – letzte Sicherung vor 23 Tagen · Speicher geschützt".
#[component]
pub fn SafetyLine() -> impl IntoView {
    let state = use_state();
    // What the browser already grants, without asking (it is asked at the first save).
    leptos::task::spawn_local(async move {
        if let Some(kept) = crate::storage::is_persisted().await {
            state.persisted.set(Some(kept));
        }
    });
    let line = Memo::new(move |_| {
        let lang = state.lang.get();
        let safety = state.safety();
        let today = crate::ui::clock::today_date()?;
        let mut text = status(&safety, today, lang);
        if let Some(kept) = protection(state.persisted.get(), lang) {
            text.push_str(" · ");
            text.push_str(kept);
        }
        Some(text)
    });
    view! { <span class="datenort">{move || line.get()}</span> }
}

/// The reminder to download a backup, when one is due: a notice with the download, not a dialog.
#[component]
pub fn BackupReminder() -> impl IntoView {
    let state = use_state();
    let text = Memo::new(move |_| {
        let lang = state.lang.get();
        let note = state.backup.get();
        let remind = Remind {
            days: note.remind_days,
            changes: note.remind_changes,
        };
        reminder(
            &state.safety(),
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
    let lang = state.lang.get_untracked();
    let error = RwSignal::new(String::new());
    let days = RwSignal::new(state.backup.get_untracked().remind_days.to_string());
    let changes = RwSignal::new(state.backup.get_untracked().remind_changes.to_string());
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
                state.set_reminder(d, c);
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
                    let line = state.safety();
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

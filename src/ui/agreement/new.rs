//! A new agreement: empty, or as a copy of the previous year's.

use leptos::prelude::*;

use super::Undo;
use crate::core::calendar::Year;
use crate::domain::editing::EditError;
use crate::tr;
use crate::ui::state::use_state;

/// Creating an agreement: empty, or as a copy of the previous year's.
#[component]
pub(super) fn NewAgreement(
    message: RwSignal<String>,
    undo: RwSignal<Option<(String, Undo)>>,
) -> impl IntoView {
    let state = use_state();
    let lang = state.lang.get_untracked();
    let year_text = RwSignal::new(String::new());
    let job_centre = RwSignal::new(String::new());
    let partner = RwSignal::new(String::new());
    // Suggest the year after the latest agreement and its parties. Only a new latest agreement (created or
    // deleted) rewrites the fields; no other edit of the workspace, not even of that agreement's parties,
    // touches what the user is typing.
    let latest = Memo::new(move |_| {
        state
            .data
            .meta(|m| m.agreements().iter().map(|a| (a.year, a.id)).max())
    });
    Effect::new(move |_| {
        let latest = latest.get();
        let (year, centre, with) =
            state
                .data
                .untracked(|w| match latest.and_then(|(_, id)| w.agreement(id)) {
                    Some(last) => (
                        last.year.next().map(|y| y.to_string()).unwrap_or_default(),
                        last.job_centre.clone(),
                        last.partner.clone(),
                    ),
                    None => (String::new(), w.organisation.clone(), String::new()),
                });
        year_text.set(year);
        job_centre.set(centre);
        partner.set(with);
    });
    let create = move |copy: bool| {
        let Some(year) = year_text
            .get_untracked()
            .trim()
            .parse::<i64>()
            .ok()
            .and_then(Year::new)
        else {
            let (min, max) = (Year::MIN, Year::MAX);
            message.set(tr!(
                lang,
                "Bitte ein Jahr zwischen {min} und {max} eingeben.",
                "Please enter a year between {min} and {max}."
            ));
            return;
        };
        let mut result: Result<_, Option<EditError>> = Err(None);
        state.change_meta(|w| {
            result = if copy {
                match year
                    .previous()
                    .and_then(|p| w.agreement_for(p))
                    .map(|a| a.id)
                {
                    Some(from) => w.copy_agreement(from, year).map_err(Some),
                    None => Err(None),
                }
            } else {
                w.create_agreement(year, &job_centre.get_untracked(), &partner.get_untracked())
                    .map_err(Some)
            };
        });
        match result {
            Ok(_) => {
                // An agreement deleted before cannot come back into a year that has one again.
                if matches!(undo.get_untracked(), Some((_, Undo::Agreement(ref r))) if r.agreement.year == year)
                {
                    undo.set(None);
                }
                state.year.set(year);
                let previous = year.get() - 1;
                message.set(if copy {
                    tr!(
                        lang,
                        "Zielvereinbarung {year} als Kopie von {previous} angelegt.",
                        "Target agreement {year} created as a copy of {previous}."
                    )
                } else {
                    tr!(
                        lang,
                        "Zielvereinbarung {year} angelegt.",
                        "Target agreement {year} created."
                    )
                });
            }
            Err(Some(e)) => message.set(e.message(lang)),
            Err(None) => {
                let previous = year.get() - 1;
                message.set(tr!(
                    lang,
                    "Für {previous} gibt es keine Zielvereinbarung, die kopiert werden könnte.",
                    "There is no target agreement for {previous} that could be copied."
                ));
            }
        }
    };
    view! {
        <section class="neu" aria-labelledby="neu-titel">
            <h2 id="neu-titel">{lang.pick("Neue Zielvereinbarung", "New target agreement")}</h2>
            <div class="formular-zeile">
                <div class="feld">
                    <label for="neu-jahr">{lang.pick("Jahr", "Year")}</label>
                    <input id="neu-jahr" type="text" inputmode="numeric" class="kurz" prop:value=move || year_text.get()
                        on:input=move |ev| year_text.set(event_target_value(&ev)) />
                </div>
                <div class="feld breit">
                    <label for="neu-jobcenter">{lang.pick("Jobcenter", "Job centre")}</label>
                    <input id="neu-jobcenter" type="text" prop:value=move || job_centre.get()
                        on:input=move |ev| job_centre.set(event_target_value(&ev)) />
                </div>
                <div class="feld breit">
                    <label for="neu-partner">{lang.pick("Partner (Ministerium)", "Partner (ministry)")}</label>
                    <input id="neu-partner" type="text" prop:value=move || partner.get()
                        on:input=move |ev| partner.set(event_target_value(&ev)) />
                </div>
            </div>
            <div class="knopfleiste links">
                <button type="button" on:click=move |_| create(false)>{lang.pick("Leer anlegen", "Create empty")}</button>
                <button type="button" on:click=move |_| create(true)>
                    {lang.pick("Aus dem Vorjahr kopieren", "Copy from the previous year")}
                </button>
            </div>
        </section>
    }
}

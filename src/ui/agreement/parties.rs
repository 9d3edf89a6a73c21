//! One agreement: its parties, the list of its targets with the target form, and its deletion.

use leptos::prelude::*;

use super::Undo;
use super::target_form::TargetFormPanel;
use super::targets::TargetList;
use crate::domain::agreement::{Agreement, AgreementId, TargetId};
use crate::domain::values::Population;
use crate::locale::{format_date, parse_date_in};
use crate::present::target_form::Draft;
use crate::tr;
use crate::ui::state::use_state;

/// The parties, the list of targets with their actions, the target form, and deletion.
#[component]
pub(super) fn AgreementForm(
    id: AgreementId,
    undo: RwSignal<Option<(String, Undo)>>,
    message: RwSignal<String>,
) -> impl IntoView {
    let state = use_state();
    let lang = state.lang.get_untracked();
    let agreement = Memo::new(move |_| state.data.meta(|w| w.agreement(id).cloned()));
    let draft: RwSignal<Option<Draft>> = RwSignal::new(None);
    // Only opening and closing rebuild the form; typing into it must not (the focused field would be lost).
    let form_open = Memo::new(move |_| draft.with(Option::is_some));
    let delete_agreement = move |_| {
        let mut removed = None;
        state.change_meta(|w| removed = w.delete_agreement(id));
        if let Some(r) = removed {
            let text = tr!(
                lang,
                "Zielvereinbarung {} gelöscht.",
                "Target agreement {} deleted.",
                r.agreement.year
            );
            undo.set(Some((text, Undo::Agreement(r))));
            message.set(String::new());
        }
    };
    let remove_target = move |target: TargetId| {
        let mut removed = None;
        state.change_meta(|w| removed = w.remove_target(id, target));
        if let Some(r) = removed {
            let title = state.data.untracked(|w| {
                crate::domain::names::title(
                    &r.target,
                    r.target
                        .format
                        .subject()
                        .and_then(|s| w.catalogue().get(s.indicator.as_str()).cloned())
                        .as_ref(),
                    lang,
                )
            });
            let text = tr!(
                lang,
                "Ziel „{title}“ entfernt.",
                "Target “{title}” removed."
            );
            undo.set(Some((text, Undo::Targets(vec![r]))));
            // "Rückgängig gemacht." of an earlier undo is over: the banner says what happened now.
            message.set(String::new());
        }
    };

    view! {
        <AgreementParties id=id agreement=agreement />
        <h3 id="ziele-titel">{lang.pick("Ziele", "Targets")}</h3>
        <TargetList id=id draft=draft on_remove=remove_target />
        <div class="knopfleiste links">
            <button type="button" on:click=move |_| draft.set(Some(Draft { population: Some(Population::Total), ..Draft::default() }))>
                {lang.pick("Ziel hinzufügen", "Add target")}
            </button>
        </div>
        {move || form_open.get().then(|| view! { <TargetFormPanel id=id draft=draft message=message undo=undo /> })}
        <div class="knopfleiste links gefahrenzone">
            <button type="button" class="gefahr" on:click=delete_agreement>
                {move || {
                    let year = agreement.with(|a| a.as_ref().map(|a| a.year.to_string()).unwrap_or_default());
                    tr!(lang, "Zielvereinbarung {year} löschen", "Delete target agreement {year}")
                }}
            </button>
        </div>
    }
}

/// The agreement's own fields: job centre, partner, signing date and signatories, notes. Each is saved when the
/// field is left.
#[component]
fn AgreementParties(id: AgreementId, agreement: Memo<Option<Agreement>>) -> impl IntoView {
    let state = use_state();
    let lang = state.lang.get_untracked();
    let signed_error = RwSignal::new(String::new());
    let field = move |get: fn(&Agreement) -> String| {
        move || agreement.with(|a| a.as_ref().map(get).unwrap_or_default())
    };
    let edit_text = move |apply: fn(&mut Agreement, String)| {
        move |ev: leptos::ev::Event| {
            let text = event_target_value(&ev);
            state.change_meta(|w| {
                if let Some(a) = w.agreement_mut(id) {
                    apply(a, text);
                }
            });
        }
    };
    let on_signed = move |ev: leptos::ev::Event| {
        let text = event_target_value(&ev);
        let parsed = if text.trim().is_empty() {
            Ok(None)
        } else {
            parse_date_in(&text, lang).map(Some)
        };
        match parsed {
            Ok(date) => {
                signed_error.set(String::new());
                state.change_meta(|w| {
                    if let Some(a) = w.agreement_mut(id) {
                        a.signed_on = date;
                    }
                });
            }
            Err(e) => signed_error.set(e.message(lang)),
        }
    };

    view! {
        // Rendered once per agreement: only the values follow the workspace, so that leaving a field (which saves
        // it) never rebuilds the form under the keyboard focus.
        <section aria-labelledby="vereinbarung-titel">
            <h2 id="vereinbarung-titel">
                {move || format!(
                    "{} {}",
                    lang.pick("Zielvereinbarung", "Target agreement"),
                    agreement.with(|a| a.as_ref().map(|a| a.year.to_string()).unwrap_or_default())
                )}
            </h2>
            <div class="formular-zeile">
                <div class="feld breit">
                    <label for="v-jobcenter">{lang.pick("Jobcenter", "Job centre")}</label>
                    <input id="v-jobcenter" type="text" prop:value=field(|a| a.job_centre.clone())
                        on:change=edit_text(|a, t| a.job_centre = t.trim().to_owned()) />
                </div>
                <div class="feld breit">
                    <label for="v-partner">"Partner"</label>
                    <input id="v-partner" type="text" prop:value=field(|a| a.partner.clone())
                        on:change=edit_text(|a, t| a.partner = t.trim().to_owned()) />
                </div>
            </div>
            <div class="formular-zeile">
                <div class="feld">
                    <label for="v-unterzeichnet">{lang.pick("Unterzeichnet am", "Signed on")}</label>
                    <input id="v-unterzeichnet" type="text" class="datum" placeholder=lang.pick("TT.MM.JJJJ", "DD/MM/YYYY")
                        prop:value=move || agreement.with(|a| {
                            a.as_ref().and_then(|a| a.signed_on).map(|d| format_date(d, lang)).unwrap_or_default()
                        })
                        aria-describedby="v-unterzeichnet-fehler" on:change=on_signed
                        aria-invalid=move || (!signed_error.get().is_empty()).then_some("true") />
                    <span id="v-unterzeichnet-fehler" class="feldfehler">{move || signed_error.get()}</span>
                </div>
                <div class="feld breit">
                    <label for="v-unterzeichnende">{lang.pick("Unterzeichnende", "Signatories")}</label>
                    <input id="v-unterzeichnende" type="text" prop:value=field(|a| a.signatories.clone())
                        on:change=edit_text(|a, t| a.signatories = t.trim().to_owned()) />
                </div>
            </div>
            <div class="feld">
                <label for="v-notizen">{lang.pick("Notizen", "Notes")}</label>
                <textarea id="v-notizen" rows="2" class="notizen" prop:value=field(|a| a.notes.clone())
                    on:change=edit_text(|a, t| a.notes = t)></textarea>
            </div>
        </section>
    }
}

//! The own workspace in the comparison: whether it takes part and its comparison type per year, kept in
//! localStorage beside the workspace (`persistence::members::OWN_PART`); a stored setting this build cannot read is
//! left as it is and said.

use leptos::prelude::*;

use super::Comparison;
use crate::core::calendar::Year;
use crate::domain::comparison::TypeCode;
use crate::persistence::members::{OWN_PART, OwnPart};
use crate::present::comparison::texts::type_error;
use crate::present::comparison::{Member, MemberYear, member_year};
use crate::tr;
use crate::ui::state::AppState;

/// The stored setting; `None` where it cannot be read (then it is never written over).
pub(super) fn load_own() -> Option<OwnPart> {
    match crate::storage::load_raw(OWN_PART) {
        Ok(None) => Some(OwnPart::default()),
        Ok(Some(text)) => OwnPart::decode(&text).ok(),
        Err(_) => None,
    }
}

/// The own workspace's year as a member, where it takes part.
pub(super) fn own_year(state: AppState, part: &OwnPart, year: Year) -> Option<MemberYear> {
    let lang = state.lang.get_untracked();
    part.takes_part.then(|| {
        state.data.for_year(year, |workspace| {
            let member = Member {
                key: "eigen",
                workspace,
                types: &part.types,
                own: true,
            };
            member_year(&member, year, lang)
        })
    })
}

/// The years of the own agreements, where the own workspace takes part.
pub(super) fn own_years(state: AppState, part: Option<&OwnPart>) -> Vec<Year> {
    if part.is_some_and(|p| p.takes_part) {
        state
            .data
            .meta(|m| m.agreements().iter().map(|a| a.year).collect())
    } else {
        Vec::new()
    }
}

/// Stores `part` and shows it; what the browser refused is said.
fn store(c: Comparison, part: OwnPart) {
    match crate::storage::save_raw(OWN_PART, &part.encode()) {
        Ok(()) => c.own.set(Some(part)),
        Err(e) => c.message.set(e.message(c.lang)),
    }
}

/// The checkbox "include my own workspace" and its comparison type in the chosen year.
#[component]
pub(super) fn OwnPartField(c: Comparison) -> impl IntoView {
    let lang = c.lang;
    let error: RwSignal<Option<String>> = RwSignal::new(None);
    let toggle = move |ev: leptos::ev::Event| {
        if let Some(mut part) = c.own.get_untracked() {
            part.takes_part = event_target_checked(&ev);
            store(c, part);
            if c.year.get_untracked().is_none() {
                c.year.set(untrack(|| c.years().first().copied()));
            }
        }
    };
    let set_type = move |ev: leptos::ev::Event| {
        let (Some(mut part), Some(year)) = (c.own.get_untracked(), c.year.get_untracked()) else {
            return;
        };
        match TypeCode::parse(&event_target_value(&ev)) {
            Ok(code) => {
                part.types.set(year, code);
                error.set(None);
                store(c, part);
            }
            Err(e) => error.set(Some(type_error(e, lang))),
        }
    };
    view! {
        <section class="eigener-teil" aria-labelledby="eigener-teil-titel">
            <h2 id="eigener-teil-titel">{lang.pick("Ihr Arbeitsbereich", "Your workspace")}</h2>
            {move || match c.own.get() {
                None => view! {
                    <p class="hinweis" role="note">{lang.pick(
                        "Die gespeicherte Einstellung zum eigenen Arbeitsbereich im Vergleich kann diese Version nicht lesen; sie bleibt unverändert.",
                        "This version cannot read the stored setting of your workspace in the comparison; it stays unchanged.",
                    )}</p>
                }.into_any(),
                Some(part) => {
                    let current = c.year.get().and_then(|y| part.types.in_year(y).map(|t| t.as_str().to_owned())).unwrap_or_default();
                    let label = c.year.get().map(|y| y.get()).map_or_else(String::new, |y| tr!(lang, "Vergleichstyp {y} Ihres Arbeitsbereichs", "Comparison type {y} of your workspace"));
                    view! {
                        <label class="auswahl">
                            <input type="checkbox" prop:checked=part.takes_part on:change=toggle />
                            {lang.pick(" Eigenen Arbeitsbereich einbeziehen", " Include my own workspace")}
                        </label>
                        <Show when=move || part.takes_part && c.year.get().is_some()>
                            <label class="datei">
                                {label.clone()}
                                <input type="text" id="typ-eigen" size="6" prop:value=current.clone()
                                    aria-invalid=move || error.get().is_some().then_some("true")
                                    aria-describedby="typ-eigen-fehler" on:change=set_type />
                            </label>
                            <span id="typ-eigen-fehler" class="feldfehler">{move || error.get()}</span>
                        </Show>
                    }.into_any()
                }
            }}
        </section>
    }
}

//! "Zielvereinbarung": create an agreement (empty or copied from the previous year), edit its parties, delete
//! it with undo, and add, edit and remove its targets in every format. One file per part: `new` (a new
//! agreement), `parties` (the agreement's parties and the frame of its targets), `targets` (the list),
//! `target_form`, `own_indicator`; the screen and undo here. Forms and rules: `present::target_form`,
//! `present::indicator_form` and `domain::editing`.

use leptos::prelude::*;

use crate::domain::editing::{RemovedAgreement, RemovedTarget};
use crate::locale::Lang;
use crate::present::choices::Choice;
use crate::tr;
use crate::ui::state::use_state;
use crate::ui::widgets::{UndoBanner, YearSelect};

mod new;
mod own_indicator;
mod parties;
mod target_form;
mod targets;

use new::NewAgreement;
use parties::AgreementForm;

/// What the last deletion can undo.
#[derive(Clone, Debug, PartialEq)]
pub(super) enum Undo {
    Agreement(RemovedAgreement),
    Targets(Vec<RemovedTarget>),
}

#[component]
pub fn AgreementEditor() -> impl IntoView {
    let state = use_state();
    // The app rebuilds the screen when the language changes.
    let lang = state.lang.get_untracked();
    let undo: RwSignal<Option<(String, Undo)>> = RwSignal::new(None);
    let message = RwSignal::new(String::new());
    let agreement = Memo::new(move |_| {
        state
            .data
            .meta(|w| w.agreement_for(state.year.get()).map(|a| a.id))
    });

    let do_undo = move || {
        let Some((_, what)) = undo.get_untracked() else {
            return;
        };
        let mut outcome = Ok(());
        state.change_meta(|w| {
            outcome = match what {
                Undo::Agreement(removed) => {
                    let year = removed.agreement.year;
                    let r = w.restore_agreement(removed);
                    if r.is_ok() {
                        state.year.set(year);
                    }
                    r
                }
                Undo::Targets(list) => list.into_iter().rev().try_for_each(|t| w.restore_target(t)),
            };
        });
        match outcome {
            Ok(()) => message.set(lang.pick("Rückgängig gemacht.", "Undone.").into()),
            Err(e) => message.set(e.message(lang)),
        }
        undo.set(None);
    };

    view! {
        <h1>{lang.pick("Zielvereinbarung", "Target agreement")}</h1>
        <div class="werkzeugleiste">
            <YearSelect />
        </div>
        <p class="grid-meldung" role="status" aria-live="polite">{move || message.get()}</p>
        <UndoBanner text=Signal::derive(move || undo.get().map(|(text, _)| text)) on_undo=do_undo />
        {move || match agreement.get() {
            Some(id) => view! { <AgreementForm id=id undo=undo message=message /> }.into_any(),
            None => view! {
                <p>{move || {
                    let year = state.year.get();
                    tr!(
                        lang,
                        "Für {year} ist noch keine Zielvereinbarung angelegt.",
                        "No target agreement has been created for {year} yet."
                    )
                }}</p>
            }
            .into_any(),
        }}
        <NewAgreement message=message undo=undo />
    }
}

/// The `<option>`s of a choice table, their texts in `lang`.
fn options<T>(table: &'static [Choice<T>], lang: Lang) -> impl IntoView {
    table
        .iter()
        .map(|c| view! { <option value=c.key>{c.label(lang)}</option> })
        .collect_view()
}

/// The message for `field` among a form's errors, as a closure for the view (the text next to the field and
/// its `aria-invalid`).
fn field_error<F: PartialEq + Copy + Send + Sync + 'static>(
    errors: RwSignal<Vec<(F, String)>>,
    field: F,
) -> impl Fn() -> Option<String> + Copy + Send + Sync + 'static {
    move || errors.with(|e| e.iter().find(|(f, _)| *f == field).map(|(_, m)| m.clone()))
}

//! The form of one target, or of a total with its parts for women and men: the panel with its buttons here,
//! one component per field group in `rows` (format, indicator, title) and `formats` (the fields of each format),
//! the bound inputs they share in `fields`. Building and saving: `present::target_form::{build, apply}`.

use leptos::prelude::*;

use super::Undo;
use crate::domain::agreement::AgreementId;
use crate::present::target_form::{Draft, Field, Kind, apply, build, removed_text, saved_text};
use crate::ui::state::use_state;

mod fields;
mod formats;
mod rows;

use formats::{
    ChangeFields, MonitoringHelp, PartsFields, QualitativeFields, QuotaIncreaseFields,
    RelativeChangeFields,
};
use rows::{FormatRow, IndicatorRow, TitleRow};

/// The form of one target (or of a total with its gender parts).
#[component]
pub(super) fn TargetFormPanel(
    id: AgreementId,
    draft: RwSignal<Option<Draft>>,
    message: RwSignal<String>,
    undo: RwSignal<Option<(String, Undo)>>,
) -> impl IntoView {
    let state = use_state();
    let lang = state.lang.get_untracked();
    let errors: RwSignal<Vec<(Field, String)>> = RwSignal::new(Vec::new());
    let kind = Memo::new(move |_| draft.with(|d| d.as_ref().map(|d| d.kind).unwrap_or_default()));
    let editing = Memo::new(move |_| {
        draft.with(|d| {
            d.as_ref()
                .is_some_and(|d| d.ids.iter().any(Option::is_some))
        })
    });

    let save = move |_| {
        let Some(d) = draft.get_untracked() else {
            return;
        };
        let built = state
            .data
            .untracked(|w| build(&d, &w.catalogue(), w.next_target_id(), lang));
        let built = match built {
            Ok(built) => built,
            Err(list) => {
                errors.set(list);
                message.set(
                    lang.pick(
                        "Bitte die markierten Felder korrigieren.",
                        "Please correct the marked fields.",
                    )
                    .into(),
                );
                return;
            }
        };
        match state.change_meta(|w| apply(w, id, built)) {
            Err(e) => message.set(e.message(lang)),
            Ok(applied) => {
                message.set(saved_text(applied.saved, lang));
                // Emptied part fields remove those targets: said, and undoable.
                let removed = state
                    .data
                    .untracked(|w| removed_text(w, &applied.removed, lang));
                if let Some(text) = removed {
                    undo.set(Some((text, Undo::Targets(applied.removed))));
                }
                errors.set(Vec::new());
                draft.set(None);
            }
        }
    };

    view! {
        <section class="zielformular" aria-labelledby="zielformular-titel">
            <h3 id="zielformular-titel">
                {move || if editing.get() { lang.pick("Ziel bearbeiten", "Edit target") } else { lang.pick("Neues Ziel", "New target") }}
            </h3>
            <FormatRow draft=draft lang=lang />
            <IndicatorRow draft=draft errors=errors kind=kind lang=lang />
            {move || match kind.get() {
                Kind::Minimum | Kind::Maximum => view! { <PartsFields draft=draft errors=errors lang=lang /> }.into_any(),
                Kind::QuotaIncrease => view! { <QuotaIncreaseFields draft=draft errors=errors lang=lang /> }.into_any(),
                Kind::ChangeVsPreviousYear => view! { <ChangeFields draft=draft errors=errors lang=lang /> }.into_any(),
                Kind::QuotaRelativeChange => view! { <RelativeChangeFields draft=draft errors=errors lang=lang /> }.into_any(),
                Kind::Monitoring => view! { <MonitoringHelp lang=lang /> }.into_any(),
                Kind::Qualitative => view! { <QualitativeFields draft=draft errors=errors lang=lang /> }.into_any(),
            }}
            <TitleRow draft=draft lang=lang />
            <div class="knopfleiste links">
                <button type="button" class="haupt" on:click=save>{lang.pick("Ziel speichern", "Save target")}</button>
                <button type="button" on:click=move |_| { errors.set(Vec::new()); draft.set(None); }>
                    {lang.pick("Abbrechen", "Cancel")}
                </button>
            </div>
        </section>
    }
}

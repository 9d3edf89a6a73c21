//! The targets of an agreement with edit and remove.

use leptos::prelude::*;

use crate::domain::agreement::{AgreementId, TargetId};
use crate::locale::Lang;
use crate::present::target_form::{Draft, draft_for};
use crate::ui::state::use_state;
use crate::ui::target_table::Remarks;

/// The targets of the agreement with edit and remove.
#[component]
pub(super) fn TargetList(
    id: AgreementId,
    draft: RwSignal<Option<Draft>>,
    on_remove: impl Fn(TargetId) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let state = use_state();
    let lang = state.lang.get_untracked();
    let rows = Memo::new(move |_| {
        let Some(year) = state.data.meta(|w| w.agreement(id).map(|a| a.year)) else {
            return Vec::new();
        };
        let Some(result) = state.result(year) else {
            return Vec::new();
        };
        state.data.meta(|w| {
            w.agreement(id).map_or_else(Vec::new, |a| {
                crate::present::overview::rows(a, &result, &w.catalogue(), lang)
            })
        })
    });
    // The table stays while there are targets; only its rows follow a change.
    let empty = Memo::new(move |_| rows.with(Vec::is_empty));
    move || {
        if empty.get() {
            return view! {
                <p>
                    {lang.pick(
                        "Noch keine Ziele. Fügen Sie das erste mit „Ziel hinzufügen“ hinzu.",
                        "No targets yet. Add the first one with “Add target”.",
                    )}
                </p>
            }
            .into_any();
        }
        view! {
            <div class="tabelle-rahmen">
                <table class="ziele zielliste" aria-labelledby="ziele-titel">
                    <thead>
                        <tr>
                            <th scope="col">{lang.pick("Ziel", "Target")}</th>
                            <th scope="col" class="zahl">{lang.pick("Zielwert", "Target value")}</th>
                            <th scope="col">{lang.pick("Aktionen", "Actions")}</th>
                        </tr>
                    </thead>
                    <tbody>
                        // Keyed by what a row shows: a change of one target re-renders its row, not the list.
                        <For each=move || rows.get() key=|row| row.clone() children=move |row| {
                                let target = TargetId(row.target_id);
                                let edit = move |_| {
                                    let d = state.data.untracked(|w| w.agreement(id).and_then(|a| draft_for(a, target, lang)));
                                    draft.set(d);
                                };
                                let (edit_label, remove_label) = match lang {
                                    Lang::De => (format!("{} bearbeiten", row.title), format!("{} entfernen", row.title)),
                                    Lang::En => (format!("Edit {}", row.title), format!("Remove {}", row.title)),
                                };
                                let wording = (!row.wording.is_empty())
                                    .then(|| view! { <p class="lesarten">{row.wording}</p> });
                                view! {
                                    <tr data-ziel=row.target_id>
                                        <th scope="row" class="ziel-titel">
                                            {row.title}
                                            <span class="ziel-art">{row.kind}</span>
                                            {wording}
                                            <Remarks remarks=row.remarks lang=lang />
                                        </th>
                                        <td class="zahl">{row.target}</td>
                                        <td class="aktionen">
                                            <button type="button" on:click=edit aria-label=edit_label>{lang.pick("Bearbeiten", "Edit")}</button>
                                            <button type="button" on:click=move |_| on_remove(target) aria-label=remove_label>
                                                {lang.pick("Entfernen", "Remove")}
                                            </button>
                                        </td>
                                    </tr>
                                }
                            } />
                    </tbody>
                </table>
            </div>
        }
        .into_any()
    }
}

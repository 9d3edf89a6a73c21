//! The status legend under every list of statuses: each status with its symbol, its word and what it means,
//! the tolerance written out; on the overview the tolerance is a setting of the workspace that can be changed
//! right there.

use leptos::prelude::*;

use crate::locale::parse_number_in;
use crate::present::status::{legend, tolerance_text};
use crate::ui::state::use_state;
use crate::ui::widgets::StatusBadge;

/// Largest tolerance the setting takes, in % of the target value: beyond it "gefährdet" would mean little.
const MAX_TOLERANCE: f64 = 50.0;

#[component]
pub fn StatusLegend(
    /// Offer the tolerance as a field (the overview); elsewhere it is only named.
    #[prop(optional)]
    editable: bool,
) -> impl IntoView {
    let state = use_state();
    let lang = state.lang.get_untracked();
    let tolerance = Memo::new(move |_| state.data.meta(|m| m.settings().tolerance_percent));
    let error = RwSignal::new(String::new());
    let on_change = move |ev: leptos::ev::Event| {
        let text = event_target_value(&ev);
        match parse_number_in(&text, lang) {
            Ok(v) if v > 0.0 && v <= MAX_TOLERANCE => {
                error.set(String::new());
                state.change_meta(|w| w.settings.tolerance_percent = v);
            }
            Ok(_) => error.set(crate::tr!(
                lang,
                "Die Toleranz liegt über 0 und höchstens bei {MAX_TOLERANCE} %.",
                "The tolerance is above 0 and at most {MAX_TOLERANCE} %."
            )),
            Err(e) => error.set(e.message(lang)),
        }
    };
    view! {
        <section class="legende" aria-labelledby="legende-titel">
            <h3 id="legende-titel">{lang.pick("Was die Status bedeuten", "What the statuses mean")}</h3>
            <dl>
                {move || {
                    legend(tolerance.get(), lang)
                        .into_iter()
                        .map(|(status, meaning)| {
                            view! {
                                <div>
                                    <dt><StatusBadge status=status /></dt>
                                    <dd>{meaning}</dd>
                                </div>
                            }
                        })
                        .collect_view()
                }}
            </dl>
            {if editable {
                view! {
                    <div class="feld toleranz">
                        <label for="toleranz">
                            {lang.pick(
                                "Toleranz für „gefährdet“ (in % des Zielwerts, gilt für den ganzen Arbeitsbereich)",
                                "Tolerance for “at risk” (in % of the target value, for the whole workspace)",
                            )}
                        </label>
                        <input id="toleranz" type="text" inputmode="decimal" class="kurz"
                            prop:value=move || crate::locale::format_for_input(tolerance.get(), lang)
                            on:change=on_change
                            aria-invalid=move || (!error.get().is_empty()).then_some("true")
                            aria-describedby="toleranz-fehler" />
                        <span id="toleranz-fehler" class="feldfehler">{move || error.get()}</span>
                    </div>
                }
                .into_any()
            } else {
                view! {
                    <p class="hilfe">
                        {move || {
                            let tol = tolerance_text(tolerance.get(), lang);
                            crate::tr!(
                                lang,
                                "Toleranz dieses Arbeitsbereichs: {tol} (einstellbar in der Übersicht).",
                                "Tolerance of this workspace: {tol} (set on the overview)."
                            )
                        }}
                    </p>
                }
                .into_any()
            }}
        </section>
    }
}

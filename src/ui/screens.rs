//! The page for an unknown address.

use leptos::prelude::*;

use crate::route::Screen;
use crate::tr;

/// A fragment the app does not know (old bookmark, typo): say so and offer the way back.
#[component]
pub fn NotFound(path: String) -> impl IntoView {
    let lang = crate::ui::state::use_state().lang.get_untracked();
    let message = tr!(
        lang,
        "Die Adresse „#/{path}“ gibt es in der Zielsteuerung nicht.",
        "Zielsteuerung has no address “#/{path}”."
    );
    view! {
        <h1>{lang.pick("Seite nicht gefunden", "Page not found")}</h1>
        <section class="leerzustand" aria-label=lang.pick("Hinweis", "Note")>
            <p class="leerzustand-titel">{message}</p>
            <p>
                <a href=Screen::Overview.href()>{lang.pick("Zur Übersicht", "To the overview")}</a>
            </p>
        </section>
    }
}

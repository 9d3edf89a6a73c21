//! The app shell: header with the organisation, main navigation, the current screen from the URL fragment.

use crate::ui::safety::{BackupReminder, SafetyLine};
use leptos::prelude::*;

use crate::route::{Route, Screen};
use crate::ui::lazy;
use crate::ui::notices::StorageNotice;
use crate::ui::overview::Overview;
use crate::ui::screens::NotFound;
use crate::ui::state::provide_state;
use crate::ui::update::UpdateNotice;
use crate::ui::values_grid::ValuesScreen;

/// The current route as the browser's location says.
fn current_route() -> Route {
    let fragment = window().location().hash().unwrap_or_default();
    Route::from_fragment(&fragment)
}

/// Moves keyboard focus to the content area (`<main id="inhalt" tabindex="-1">`).
fn focus_content() {
    use wasm_bindgen::JsCast;
    if let Some(main) = document()
        .get_element_by_id("inhalt")
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        // Focusing can only fail for a detached element; then there is nothing to focus.
        let _ = main.focus();
    }
}

/// The name of a target's detail page (its window title and, while it loads, its heading).
fn detail_title(l: crate::core::Lang) -> &'static str {
    l.pick("Zieldetail", "Target detail")
}

#[component]
pub fn App() -> impl IntoView {
    let state = provide_state();
    let organisation = Memo::new(move |_| state.data.meta(|m| m.organisation().to_owned()));
    let is_example = Memo::new(move |_| state.data.meta(|m| m.example()));
    let route = RwSignal::new(current_route());
    // The app lives as long as the page: the listener is never removed.
    let _listener =
        window_event_listener(leptos::ev::hashchange, move |_| route.set(current_route()));

    // Window title names the screen; after a navigation (not on the first render) focus moves to the
    // content so that keyboard and screen reader users land on the new screen.
    let lang = state.lang;
    Effect::new(move |previous: Option<Route>| {
        let r = route.get();
        let l = lang.get();
        let title = match (&r, r.screen()) {
            (Route::Target(_), _) => detail_title(l),
            (_, Some(s)) => s.label(l),
            (_, None) => l.pick("Seite nicht gefunden", "Page not found"),
        };
        document().set_title(&format!("{title} – Zielsteuerung"));
        // Only a navigation moves focus; switching the language leaves it on the switch.
        if previous.is_some_and(|p| p != r) {
            focus_content();
        }
        r
    });

    let skip_to_content = move |ev: leptos::ev::MouseEvent| {
        // A plain `#inhalt` link would overwrite the route in the fragment.
        ev.prevent_default();
        focus_content();
    };

    view! {
        <header class="kopf">
            <a class="sprunglink" href="" on:click=skip_to_content>
                {move || lang.get().pick("Zum Inhalt springen", "Skip to content")}
            </a>
            <div class="marke">
                <span class="app-name">"Zielsteuerung"</span>
                <span class="organisation">
                    {organisation}
                    <Show when=move || is_example.get()>
                        <span class="kennzeichen">{move || lang.get().pick("Beispiel", "Example")}</span>
                    </Show>
                </span>
                <SafetyLine />
            </div>
            <button type="button" class="sprachwahl" on:click=move |_| state.switch_language()>
                <span class="sr-only">
                    {move || lang.get().pick("Sprache wechseln: ", "Switch language: ")}
                </span>
                <span lang=move || lang.get().other().code()>{move || lang.get().other().endonym()}</span>
            </button>
            <nav
                class="hauptnavigation"
                aria-label=move || lang.get().pick("Hauptnavigation", "Main navigation")
            >
                <ul>
                    {Screen::ALL
                        .into_iter()
                        .map(|s| {
                            let current = move || {
                                (route.get().screen() == Some(s)).then_some("page")
                            };
                            view! {
                                <li>
                                    <a href=s.href() aria-current=current>
                                        {move || s.label(lang.get())}
                                    </a>
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            </nav>
        </header>
        <StorageNotice />
        <UpdateNotice />
        <BackupReminder />
        <main id="inhalt" tabindex="-1">
            // A change of language builds the screen anew in that language (a rare act: no need for every
            // label to be a signal of its own). The screens the first one does not need come in parts of their own
            // (ui/lazy.rs).
            {move || {
                let l = lang.get();
                match route.get() {
                    Route::Screen(Screen::Overview) => view! { <Overview /> }.into_any(),
                    Route::Screen(Screen::Values) => view! { <ValuesScreen /> }.into_any(),
                    Route::Screen(s @ Screen::Balance) => lazy::show(s.label(l), lazy::balance_screen()),
                    Route::Screen(s @ Screen::Agreement) => {
                        lazy::show(s.label(l), lazy::agreement_editor())
                    }
                    Route::Screen(s @ Screen::Report) => lazy::show(s.label(l), lazy::report_screen()),
                    Route::Screen(s @ Screen::Exchange) => lazy::show(s.label(l), lazy::exchange_screen()),
                    Route::Screen(s @ Screen::Comparison) => {
                        lazy::show(s.label(l), lazy::comparison_screen())
                    }
                    Route::Target(id) => lazy::show(detail_title(l), lazy::target_detail(id)),
                    Route::ValueCell(cell) => view! { <ValuesScreen focus=cell /> }.into_any(),
                    Route::Unknown(path) => view! { <NotFound path=path /> }.into_any(),
                }
            }}
        </main>
        <footer class="fuss">
            <p>
                {move || {
                    lang.get()
                        .pick(
                            "Alle Daten bleiben in diesem Browser auf diesem Rechner; nichts wird an einen Server gesendet.",
                            "All data stays in this browser on this computer; nothing is sent to a server.",
                        )
                }}
            </p>
        </footer>
    }
}

//! The screens the first screen does not need, each in a wasm part of its own that the browser fetches when the
//! screen is first opened (the cargo feature `split`, on in the app's Trunk build: index.html).
//!
//! A screen here is a function marked as a split point (`wasm_split`, the macro behind Leptos's `#[lazy]`, here with
//! its `fallible` option, so that a part that cannot be fetched is a message and not an abort). The build cuts the
//! cargo output at these points (scripts/bin/wasm-bindgen runs wasm-split-cli before wasm-bindgen; post-build.mjs
//! names the parts by their content); whatever only these functions reach lands in their part, and code that two
//! parts share in a chunk of its own. Without the feature (the browser tests, which wasm-bindgen-test-runner cannot
//! split) the same functions are plain `async fn`s that are ready at once, and `show` renders them in the first
//! frame, as the split build does once a part is loaded.
//!
//! To split off a further screen: add a line to `screen_parts!` below and call it through `show` in app.rs. Keep the
//! parts few (one per screen): every part and every shared chunk is one more request.

use leptos::prelude::*;
use send_wrapper::SendWrapper;
use std::future::Future;

use crate::tr;
use crate::ui::state::use_state;

/// A part of the app that could not be fetched or started (the network went away, or the server has a newer build
/// than the page that asks): what the browser said.
#[derive(Debug)]
pub struct NotLoaded(String);

#[cfg(feature = "split")]
impl From<leptos::wasm_split::SplitLoaderError> for NotLoaded {
    fn from(e: leptos::wasm_split::SplitLoaderError) -> Self {
        Self(e.to_string())
    }
}

/// What a screen's function gives: its view, or why its part could not be loaded.
pub type Loaded = Result<AnyView, NotLoaded>;

/// Declares each screen as a split point under the `split` feature, and as a plain `async fn` without it.
macro_rules! screen_parts {
    ($($(#[$doc:meta])* $name:ident => $part:ident ($($arg:ident: $ty:ty),*) $body:block)*) => {$(
        $(#[$doc])*
        #[cfg(feature = "split")]
        #[leptos::wasm_split::wasm_split($part, wasm_split_path = ::leptos::wasm_split, fallible)]
        pub fn $name($($arg: $ty),*) -> Loaded {
            Ok($body.into_any())
        }
        $(#[$doc])*
        #[cfg(not(feature = "split"))]
        pub async fn $name($($arg: $ty),*) -> Loaded {
            Ok($body.into_any())
        }
    )*};
}

screen_parts! {
    /// The agreement editor (S3): its forms for every target format.
    agreement_editor => agreement () { view! { <crate::ui::agreement::AgreementEditor /> } }
    /// Exchange (S7): files in and out, the team's workspace file, the backup.
    exchange_screen => exchange () { view! { <crate::ui::exchange::ExchangeScreen /> } }
    /// The printed report (S8).
    report_screen => report () { view! { <crate::ui::report::ReportScreen /> } }
    /// The year's balance (S9).
    balance_screen => balance () { view! { <crate::ui::balance::Balance /> } }
    /// The comparison of job centres (S10).
    comparison_screen => comparison () { view! { <crate::ui::comparison::ComparisonScreen /> } }
    /// One target in detail (S5): its chart and figures.
    target_detail => detail (id: u32) { view! { <crate::ui::detail::TargetDetail id=id /> } }
}

/// Renders a screen's part: at once when it is loaded (always without the `split` feature), otherwise a line saying
/// it is loading, then the screen, or a message with a way out when the part cannot be had.
/// `heading` is the screen's name, the heading of the page while it loads or when it cannot.
pub fn show(heading: &'static str, part: impl Future<Output = Loaded> + 'static) -> AnyView {
    let lang = use_state().lang.get_untracked();
    // The future of a split point holds the browser's loader, which is not `Send`; this app has one thread.
    let part = SendWrapper::new(part);
    view! {
        <Suspense fallback=move || {
            view! {
                <h1>{heading}</h1>
                <p class="teil-laedt" role="status">
                    {lang.pick("Dieser Teil wird geladen …", "Loading this part …")}
                </p>
            }
        }>
            {Suspend::new(async move {
                part.await.unwrap_or_else(|e| not_loaded(lang, heading, &e).into_any())
            })}
        </Suspense>
    }
    .into_any()
}

/// The message for a part that could not be loaded: nothing stored is touched, and reloading fetches the page's
/// build again (with the service worker: the build the page came with, all of whose parts it keeps).
fn not_loaded(lang: crate::core::Lang, heading: &'static str, e: &NotLoaded) -> impl IntoView {
    let reason = &e.0;
    let message = tr!(
        lang,
        "Dieser Teil der Zielsteuerung konnte nicht geladen werden ({reason}). Ihre Daten sind davon nicht berührt.",
        "This part of Zielsteuerung could not be loaded ({reason}). Your data is not affected."
    );
    view! {
        <h1>{heading}</h1>
        <section class="leerzustand" role="alert">
            <p class="leerzustand-titel">{message}</p>
            <p>
                {lang.pick(
                    "Meist hilft es, die Seite neu zu laden (bei einer neuen Version oder nach einer Unterbrechung des Netzes).",
                    "Reloading the page usually helps (after a new version or an interruption of the network).",
                )}
            </p>
            <p>
                <button type="button" on:click=|_| {
                    let _ = window().location().reload();
                }>{lang.pick("Seite neu laden", "Reload the page")}</button>
            </p>
        </section>
    }
}

//! The comparison's choices: the year, the figure (or all targets) and the comparison type shown.

use leptos::prelude::*;

use super::Comparison;
use crate::core::calendar::Year;
use crate::domain::agreement::Subject;
use crate::domain::comparison::TypeCode;
use crate::present::comparison::{MemberYear, type_order};

/// The toolbar of the comparison's choices.
pub(super) fn choices(
    c: Comparison,
    figure_list: Memo<Vec<(Subject, String)>>,
    member_years: Memo<Vec<MemberYear>>,
) -> impl IntoView {
    let lang = c.lang;
    let years = move || c.years();
    let kinds = move || {
        let mut kinds: Vec<TypeCode> =
            member_years.with(|m| m.iter().filter_map(|m| m.kind.clone()).collect());
        kinds.sort_by(|a, b| type_order(Some(a), Some(b)));
        kinds.dedup();
        kinds
    };
    view! {
        <div class="werkzeugleiste">
            <label for="vergleich-jahr">{lang.pick("Jahr", "Year")}</label>
                <select id="vergleich-jahr" on:change=move |ev| c.year.set(event_target_value(&ev).parse().ok().and_then(Year::new))>
                    {move || years().into_iter().map(|y| view! {
                        <option value=y.get().to_string() selected=move || c.year.get() == Some(y)>{y.get()}</option>
                    }).collect_view()}
                </select>
            <label for="vergleich-kennzahl">{lang.pick("Kennzahl", "Figure")}</label>
                <select id="vergleich-kennzahl" on:change=move |ev| c.figure.set(event_target_value(&ev).parse().ok())>
                    {move || figure_list.get().into_iter().enumerate().map(|(i, (_, name))| view! {
                        <option value=i.to_string() selected=move || c.figure.get() == Some(i)>{name}</option>
                    }).collect_view()}
                    <option value="alle" selected=move || c.figure.get().is_none()>{lang.pick("Alle Ziele", "All targets")}</option>
                </select>
            <label for="vergleich-typ">{lang.pick("Vergleichstyp", "Comparison type")}</label>
                <select id="vergleich-typ" on:change=move |ev| c.only.set(TypeCode::parse(&event_target_value(&ev)).ok())>
                    <option value="" selected=move || c.only.get().is_none()>{lang.pick("Alle Typen", "All types")}</option>
                    {move || kinds().into_iter().map(|k| {
                        let code = k.as_str().to_owned();
                        view! { <option value=code.clone() selected=move || c.only.get().as_ref() == Some(&k)>{code.clone()}</option> }
                    }).collect_view()}
                </select>
        </div>
    }
}

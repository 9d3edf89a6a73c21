//! The comparison's tables: one per comparison type, sortable by every column; and the list of members with their
//! type in the chosen year and a way to remove each.

use leptos::prelude::*;

use crate::core::calendar::Year;
use crate::locale::format_date;
use crate::persistence::members::MemberParts;
use std::collections::HashSet;

use crate::present::comparison::{Block, Column, Group, blocks, html};
use crate::tr;
use crate::ui::state::use_state;

/// A column's heading.
fn heading(column: Column, lang: crate::core::Lang) -> &'static str {
    match column {
        Column::Member => lang.pick("Jobcenter", "Job centre"),
        Column::Target => lang.pick("Ziel", "Target"),
        Column::Actual => lang.pick("Ist", "Actual"),
        Column::Deviation => lang.pick("Abweichung", "Deviation"),
        Column::Ratio => lang.pick("Ist/Soll", "Actual/target"),
        Column::Status => lang.pick("Status", "Status"),
        Column::Forecast => lang.pick("Prognose", "Forecast"),
        Column::AsOf => lang.pick("Datenstand", "As of"),
        Column::Rank => lang.pick("Rang im Typ", "Rank in type"),
    }
}

/// The row of column headings; a click on one sorts by it (again: the other way).
fn head(order: RwSignal<(Column, bool)>, lang: crate::core::Lang) -> impl IntoView {
    let cells = Column::ALL.map(|column| {
        let sorted = move || match order.get() {
            (c, false) if c == column => "ascending",
            (c, true) if c == column => "descending",
            _ => "none",
        };
        let click = move |_| {
            order.update(|(c, descending)| {
                *descending = *c == column && !*descending;
                *c = column;
            });
        };
        view! {
            <th scope="col" aria-sort=sorted>
                <button type="button" class="sortieren" on:click=click>{heading(column, lang)}</button>
            </th>
        }
    });
    view! { <thead><tr>{cells.into_iter().collect_view()}</tr></thead> }
}

/// A table of `rows` (from `html::rows`) under the caption `caption`.
fn lines_table(
    caption: String,
    rows: String,
    order: RwSignal<(Column, bool)>,
    lang: crate::core::Lang,
) -> impl IntoView {
    view! {
        <div class="tabellenrahmen">
            <table class="ziele vergleich" on:keydown=move |ev| super::keys::on_key(&ev)>
                <caption class="sr-only">{caption}</caption>
                {head(order, lang)}
                // Markup built by present::comparison::html from escaped texts (tested natively): thousands of
                // rows in one step.
                <tbody inner_html=rows></tbody>
            </table>
        </div>
    }
}

/// One comparison type: for one figure a table of its job centres; for all targets one line per job centre
/// saying how its targets stand, opened to them on request (`opened`: the keys of the open ones).
#[component]
pub fn GroupTable(
    group: Group,
    order: RwSignal<(Column, bool)>,
    all: bool,
    opened: RwSignal<HashSet<String>>,
) -> impl IntoView {
    let lang = use_state().lang.get_untracked();
    let Group {
        heading: title,
        median,
        lines,
        ..
    } = group;
    let body = if all {
        let list = blocks(lines, lang)
            .into_iter()
            .map(|b| view! { <li><MemberBlock block=b order=order opened=opened /></li> })
            .collect_view();
        view! { <ul class="vergleich-bloecke">{list}</ul> }.into_any()
    } else {
        lines_table(title.clone(), html::rows(&lines, lang), order, lang).into_any()
    };
    view! {
        <section class="vergleich-gruppe" aria-label=title.clone()>
            <h2>{title.clone()}</h2>
            {(!median.is_empty()).then(|| view! { <p class="median">{median.clone()}</p> })}
            {body}
        </section>
    }
}

/// A job centre's targets behind a line of how they stand; its table is built only while open.
#[component]
fn MemberBlock(
    block: Block,
    order: RwSignal<(Column, bool)>,
    opened: RwSignal<HashSet<String>>,
) -> impl IntoView {
    let lang = use_state().lang.get_untracked();
    let Block {
        key,
        member,
        own,
        said,
        lines,
    } = block;
    let own = own.then(|| lang.pick(" (Ihr Arbeitsbereich)", " (your workspace)"));
    if lines.is_empty() {
        return view! { <p class="fehlt"><strong>{member}{own}</strong>": "{said}</p> }.into_any();
    }
    let is_open = {
        let key = key.clone();
        move || opened.with(|o| o.contains(&key))
    };
    let toggle = {
        let key = key.clone();
        move |ev: leptos::ev::Event| {
            use wasm_bindgen::JsCast;
            let Some(details) = ev
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlDetailsElement>().ok())
            else {
                return;
            };
            let open = details.open();
            if open != opened.with_untracked(|o| o.contains(&key)) {
                opened.update(|o| {
                    if open {
                        o.insert(key.clone());
                    } else {
                        o.remove(&key);
                    }
                });
            }
        }
    };
    let caption = tr!(lang, "Ziele von {member}", "Targets of {member}");
    let shown = is_open.clone();
    view! {
        <details open=is_open on:toggle=toggle>
            <summary><strong>{member.clone()}{own}</strong>": "{said}</summary>
            {move || shown().then(|| lines_table(caption.clone(), html::rows(&lines, lang), order, lang))}
        </details>
    }
    .into_any()
}

/// What the list of members shows of one: not its figures (a Land's members hold megabytes of them).
#[derive(Clone, PartialEq)]
pub struct Summary {
    pub name: String,
    pub types: crate::domain::comparison::TypeHistory,
    pub file: String,
    pub as_of: Option<crate::core::calendar::Date>,
}

impl Summary {
    pub fn of(m: &MemberParts) -> Self {
        Self {
            name: m.name.clone(),
            types: m.types.clone(),
            file: m.file.clone(),
            as_of: m.as_of,
        }
    }
}

/// The members with their file, Datenstand and type in the chosen year (editable), and a button to remove each
/// (both by the member's name).
#[component]
pub fn MemberList(
    members: Memo<Vec<Summary>>,
    year: RwSignal<Option<Year>>,
    remove: impl Fn(String) + Copy + Send + Sync + 'static,
    set_type: impl Fn(String, String) -> Result<(), String> + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let lang = use_state().lang.get_untracked();
    view! {
        <section aria-labelledby="mitglieder-titel">
            <h2 id="mitglieder-titel">{lang.pick("Jobcenter im Vergleich", "Job centres in the comparison")}</h2>
            <table class="kompakt mitglieder">
                <thead>
                    <tr>
                        <th scope="col">{lang.pick("Jobcenter", "Job centre")}</th>
                        <th scope="col">{move || year.get().map(|y| tr!(lang, "Vergleichstyp {}", "Comparison type {}", y.get()))}</th>
                        <th scope="col">{lang.pick("Datenstand", "As of")}</th>
                        <th scope="col">{lang.pick("Datei", "File")}</th>
                        <th scope="col"><span class="sr-only">{lang.pick("Entfernen", "Remove")}</span></th>
                    </tr>
                </thead>
                <tbody>
                    {move || {
                        let mut list = members.get();
                        list.sort_by_key(|a| a.name.to_lowercase());
                        list.into_iter().map(|m| {
                            let error: RwSignal<Option<String>> = RwSignal::new(None);
                            let name = m.name.clone();
                            let id = format!("typ-{}", crate::persistence::members::key_of(&m.name).replace(' ', "-"));
                            let current = year.get_untracked().and_then(|y| m.types.in_year(y).map(|t| t.as_str().to_owned())).unwrap_or_default();
                            let as_of = m.as_of.map_or_else(|| "–".to_owned(), |d| format_date(d, lang));
                            let file = m.file.clone();
                            let for_type = m.name.clone();
                            let for_remove = m.name.clone();
                            let label = tr!(lang, "Vergleichstyp von {name}", "Comparison type of {name}");
                            let remove_label = tr!(lang, "{name} entfernen", "Remove {name}");
                            view! {
                                <tr>
                                    <th scope="row">{name.clone()}</th>
                                    <td>
                                        <input
                                            type="text"
                                            id=id.clone()
                                            size="6"
                                            aria-label=label
                                            aria-invalid=move || error.get().is_some().then_some("true")
                                            aria-describedby=format!("{id}-fehler")
                                            prop:value=current
                                            on:change=move |ev| error.set(set_type(for_type.clone(), event_target_value(&ev)).err())
                                        />
                                        <span id=format!("{id}-fehler") class="feldfehler">{move || error.get()}</span>
                                    </td>
                                    <td>{as_of}</td>
                                    <td>{file}</td>
                                    <td>
                                        <button type="button" aria-label=remove_label on:click=move |_| remove(for_remove.clone())>
                                            {lang.pick("Entfernen", "Remove")}
                                        </button>
                                    </td>
                                </tr>
                            }
                        }).collect_view()
                    }}
                </tbody>
            </table>
        </section>
    }
}

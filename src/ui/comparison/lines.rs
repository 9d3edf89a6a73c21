//! The comparison's tables: one per comparison type, sortable by every column; and the list of members with their
//! type in the chosen year and a way to remove each.

use leptos::prelude::*;

use crate::core::calendar::Year;
use crate::locale::format_date;
use crate::persistence::members::MemberParts;
use crate::present::comparison::{Column, Group, Line};
use crate::tr;
use crate::ui::state::use_state;
use crate::ui::widgets::StatusBadge;

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

/// One comparison type's table; a click on a column's heading sorts by it (again: the other way).
#[component]
pub fn GroupTable(group: Group, order: RwSignal<(Column, bool)>) -> impl IntoView {
    let lang = use_state().lang.get_untracked();
    let Group {
        heading: title,
        median,
        lines,
        ..
    } = group;
    let head = Column::ALL.map(|column| {
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
    view! {
        <section class="vergleich-gruppe" aria-label=title.clone()>
            <h2>{title.clone()}</h2>
            {(!median.is_empty()).then(|| view! { <p class="median">{median.clone()}</p> })}
            <div class="tabellenrahmen">
                <table class="ziele vergleich">
                    <caption class="sr-only">{title.clone()}</caption>
                    <thead><tr>{head.into_iter().collect_view()}</tr></thead>
                    <tbody>{lines.into_iter().map(|l| view! { <LineRow line=l /> }).collect_view()}</tbody>
                </table>
            </div>
        </section>
    }
}

#[component]
fn LineRow(line: Line) -> impl IntoView {
    let lang = use_state().lang.get_untracked();
    if let Some(missing) = line.missing.clone() {
        return view! {
            <tr class="ohne-ziel">
                <th scope="row">{line.member.clone()}</th>
                <td colspan="7" class="fehlt">{missing}</td>
                <td>{line.rank.clone()}</td>
            </tr>
        }
        .into_any();
    }
    let target = if line.wording.is_empty() {
        format!("{}: {}", line.title, line.target)
    } else {
        format!("{}: {} ({})", line.title, line.target, line.wording)
    };
    view! {
        <tr>
            <th scope="row">
                {line.member.clone()}
                {line.own.then(|| view! { <span class="eigen">{lang.pick(" (Ihr Arbeitsbereich)", " (your workspace)")}</span> })}
            </th>
            <td>{target}</td>
            <td class="zahl">{line.actual.clone()}</td>
            <td class="zahl">{line.deviation.clone()}</td>
            <td class="zahl">{line.ratio.clone()}</td>
            <td>{line.status.map(|s| view! { <StatusBadge status=s /> })}</td>
            <td class="zahl">{line.forecast.clone()}</td>
            <td>
                {line.as_of.clone()}
                {line.older.then(|| view! { <span class="aelter">{lang.pick(" (älterer Stand)", " (older)")}</span> })}
            </td>
            <td>{line.rank.clone()}</td>
        </tr>
    }
    .into_any()
}

/// The members with their file, Datenstand and type in the chosen year (editable), and a button to remove each.
#[component]
pub fn MemberList(
    members: Signal<Vec<MemberParts>>,
    year: RwSignal<Option<Year>>,
    remove: impl Fn(MemberParts) + Copy + Send + Sync + 'static,
    set_type: impl Fn(MemberParts, String) -> Result<(), String> + Copy + Send + Sync + 'static,
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
                            let for_type = m.clone();
                            let for_remove = m.clone();
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

//! The detail of one target (`#/ziel/<id>`): status and sentence, the month table, the history of replaced
//! values and editable notes. The content comes formatted from `present::detail`.

use leptos::prelude::*;

use crate::domain::agreement::TargetId;
use crate::present::detail::set_notes;
use crate::route::Screen;
use crate::tr;
use crate::ui::figures::Figures;
use crate::ui::state::use_state;
use crate::ui::target_table::Remarks;
use crate::ui::widgets::StatusBadge;

#[component]
pub fn TargetDetail(id: u32) -> impl IntoView {
    let state = use_state();
    let lang = state.lang.get_untracked();
    let model = Memo::new(move |_| state.detail(TargetId(id), lang));
    let exists = Memo::new(move |_| model.with(Option::is_some));
    let content = move || {
        match model.get() {
        None => view! {
            <h1>{lang.pick("Ziel nicht gefunden", "Target not found")}</h1>
            <section class="leerzustand" aria-label=lang.pick("Hinweis", "Note")>
                <p class="leerzustand-titel">
                    {tr!(lang, "Ein Ziel mit der Nummer {id} gibt es in diesem Arbeitsbereich nicht.", "This workspace has no target number {id}.")}
                </p>
                <p><a href=Screen::Overview.href()>{lang.pick("Zur Übersicht", "To the overview")}</a></p>
            </section>
        }
        .into_any(),
        Some(d) => {
            let row = d.row;
            let status = row.status;
            view! {
                <p class="brotkrume">
                    <a href=Screen::Overview.href()>{Screen::Overview.label(lang)}</a>
                    {format!(" › {} {}", Screen::Agreement.label(lang), d.year)}
                </p>
                <h1>{row.title.clone()}</h1>
                <p class="ziel-art">{row.kind.clone()}</p>
                <dl class="kennwerte">
                    <div><dt>{lang.pick("Ist", "Actual")}</dt><dd>{row.actual.clone()}</dd></div>
                    <div><dt>{lang.pick("Ziel", "Target")}</dt><dd>{row.target.clone()}</dd></div>
                    <div><dt>{lang.pick("Abweichung", "Deviation")}</dt><dd>{row.deviation.clone()}</dd></div>
                    <div><dt>{lang.pick("Ist/Soll", "Actual/target")}</dt><dd>{row.ratio.clone()}</dd></div>
                    <div>
                        <dt>"Status"</dt>
                        <dd>
                            <StatusBadge status=status />
                        </dd>
                    </div>
                    <div><dt>{lang.pick("Prognose", "Forecast")}</dt><dd>{row.forecast.clone()}" "<span class="methode">{row.forecast_method.clone()}</span></dd></div>
                </dl>
                <p class="satz">{row.sentence.clone()}</p>
                <p class="status-regel">{d.status_rule.clone()}</p>
                {(!d.pace.is_empty()).then(|| view! { <p class="tempo">{d.pace.clone()}</p> })}
                {(!row.wording.is_empty()).then(|| view! { <p class="lesarten">{row.wording.clone()}</p> })}
                <Remarks remarks=row.remarks.clone() lang=lang />
                <Figures figures=d.figures.clone() />
                <h2 id="monate-titel">{lang.pick("Verlauf nach Monaten", "Month by month")}</h2>
                {(!d.missing.is_empty()).then(|| {
                    let text = tr!(lang, "Es fehlen Werte für: {}.", "Values are missing for: {}.", d.missing);
                    view! { <p class="hinweis">{text}</p> }
                })}
                <div class="tabelle-rahmen">
                    <table class="monate" aria-labelledby="monate-titel">
                        <thead>
                            <tr>
                                <th scope="col">{lang.pick("Monat", "Month")}</th>
                                <th scope="col" class="zahl">{lang.pick("Monatswert", "Month's figure")}</th>
                                <th scope="col" class="zahl">{lang.pick("Ist bis dahin", "Actual to date")}</th>
                                <th scope="col" class="zahl">{lang.pick("Soll linear", "Target path, linear")}</th>
                                {d.seasonal.then(|| view! {
                                    <th scope="col" class="zahl">{lang.pick("Soll saisonal", "Target path, seasonal")}</th>
                                })}
                                <th scope="col" class="zahl">{lang.pick("Prognose", "Forecast")}</th>
                            </tr>
                        </thead>
                        <tbody>
                            {d.months
                                .into_iter()
                                .map(|m| {
                                    view! {
                                        <tr>
                                            <th scope="row">{m.month}</th>
                                            <td class="zahl">{m.value}</td>
                                            <td class="zahl">{m.actual_to_date}</td>
                                            <td class="zahl">{m.path_linear}</td>
                                            {d.seasonal.then(|| view! { <td class="zahl">{m.path_seasonal}</td> })}
                                            <td class="zahl">{m.forecast}</td>
                                        </tr>
                                    }
                                })
                                .collect_view()}
                        </tbody>
                    </table>
                </div>
                <h2>{lang.pick("Ersetzte Werte", "Replaced values")}</h2>
                {if d.history.is_empty() {
                    view! {
                        <p>
                            {lang.pick(
                                "Bisher wurde kein Wert dieses Ziels durch einen neueren Datenstand ersetzt.",
                                "No value of this target has been replaced by a newer data date so far.",
                            )}
                        </p>
                    }
                    .into_any()
                } else {
                    view! {
                        <ul class="verlauf">
                            {d.history
                                .into_iter()
                                .map(|h| {
                                    let comment = (!h.comment.is_empty()).then(|| format!(" – {}", h.comment));
                                    let text = tr!(lang, "{}: {} ersetzt durch {}", "{}: {} replaced by {}", h.period, h.replaced, h.current);
                                    view! { <li>{text}{comment}</li> }
                                })
                                .collect_view()}
                        </ul>
                    }
                    .into_any()
                }}
            }
            .into_any()
        }
    }
    };
    view! {
        {content}
        // Outside the block above, which is rebuilt with every change: saving a note must not take the focus away.
        <Show when=move || exists.get()>
            <NotesEditor id=id />
        </Show>
    }
}

/// The notes of a target, saved when the field is left.
#[component]
fn NotesEditor(id: u32) -> impl IntoView {
    let state = use_state();
    let lang = state.lang.get_untracked();
    let notes = Memo::new(move |_| {
        state.data.meta(|w| {
            w.target(TargetId(id))
                .map(|(_, t)| t.notes.clone())
                .unwrap_or_default()
        })
    });
    let save_notes = move |ev: leptos::ev::Event| {
        let text = event_target_value(&ev);
        state.change_meta(|w| {
            set_notes(w, TargetId(id), &text);
        });
    };
    view! {
        <h2><label for="notizen">{lang.pick("Notizen", "Notes")}</label></h2>
        <textarea id="notizen" rows="4" class="notizen" prop:value=move || notes.get() on:change=save_notes></textarea>
        <p class="hilfe">
            {lang.pick(
                "Notizen zu Maßnahmen und Gesprächen; gespeichert, sobald Sie das Feld verlassen.",
                "Notes on measures and talks; saved as soon as you leave the field.",
            )}
        </p>
    }
}

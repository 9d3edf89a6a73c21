//! The detail of one target (`#/ziel/<id>`): status and sentence, the month table, the history of replaced
//! values and editable notes. The content comes formatted from `present::detail`.

use leptos::prelude::*;

use crate::domain::agreement::TargetId;
use crate::locale::Lang;
use crate::present::detail::{detail, set_notes};
use crate::route::Screen;
use crate::ui::state::use_state;
use crate::ui::widgets::StatusBadge;

#[component]
pub fn TargetDetail(id: u32) -> impl IntoView {
    let state = use_state();
    let model = Memo::new(move |_| state.workspace.with(|w| detail(w, TargetId(id), Lang::De)));
    let exists = Memo::new(move |_| model.with(Option::is_some));
    let content = move || {
        match model.get() {
        None => view! {
            <h1>"Ziel nicht gefunden"</h1>
            <section class="leerzustand" aria-label="Hinweis">
                <p class="leerzustand-titel">{format!("Ein Ziel mit der Nummer {id} gibt es in diesem Arbeitsbereich nicht.")}</p>
                <p><a href=Screen::Overview.href()>"Zur Übersicht"</a></p>
            </section>
        }
        .into_any(),
        Some(d) => {
            let row = d.row;
            let status = row.status;
            view! {
                <p class="brotkrume"><a href=Screen::Overview.href()>"Übersicht"</a>{format!(" › Zielvereinbarung {}", d.year)}</p>
                <h1>{row.title.clone()}</h1>
                <p class="ziel-art">{row.kind.clone()}</p>
                <dl class="kennwerte">
                    <div><dt>"Ist"</dt><dd>{row.actual.clone()}</dd></div>
                    <div><dt>"Ziel"</dt><dd>{row.target.clone()}</dd></div>
                    <div><dt>"Abweichung"</dt><dd>{row.deviation.clone()}</dd></div>
                    <div><dt>"Ist/Soll"</dt><dd>{row.ratio.clone()}</dd></div>
                    <div>
                        <dt>"Status"</dt>
                        <dd>
                            <StatusBadge status=status />
                        </dd>
                    </div>
                    <div><dt>"Prognose"</dt><dd>{row.forecast.clone()}" "<span class="methode">{row.forecast_method.clone()}</span></dd></div>
                </dl>
                <p class="satz">{row.sentence.clone()}</p>
                {(!row.interpretations.is_empty()).then(|| view! { <p class="lesarten">{row.interpretations.clone()}</p> })}
                <h2 id="monate-titel">"Verlauf nach Monaten"</h2>
                {(!d.missing.is_empty()).then(|| view! { <p class="hinweis">{format!("Es fehlen Werte für: {}.", d.missing)}</p> })}
                <div class="tabelle-rahmen">
                    <table class="monate" aria-labelledby="monate-titel">
                        <thead>
                            <tr>
                                <th scope="col">"Monat"</th>
                                <th scope="col" class="zahl">"Monatswert"</th>
                                <th scope="col" class="zahl">"Ist bis dahin"</th>
                                <th scope="col" class="zahl">"Soll linear"</th>
                                {d.seasonal.then(|| view! { <th scope="col" class="zahl">"Soll saisonal"</th> })}
                                <th scope="col" class="zahl">"Prognose"</th>
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
                <h2>"Ersetzte Werte"</h2>
                {if d.history.is_empty() {
                    view! { <p>"Bisher wurde kein Wert dieses Ziels durch einen neueren Datenstand ersetzt."</p> }.into_any()
                } else {
                    view! {
                        <ul class="verlauf">
                            {d.history
                                .into_iter()
                                .map(|h| {
                                    let comment = (!h.comment.is_empty()).then(|| format!(" – {}", h.comment));
                                    view! { <li>{format!("{}: {} ersetzt durch {}", h.period, h.replaced, h.current)}{comment}</li> }
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
    let notes = Memo::new(move |_| {
        state.workspace.with(|w| {
            w.agreements
                .iter()
                .flat_map(|a| a.targets.iter())
                .find(|t| t.id == TargetId(id))
                .map(|t| t.notes.clone())
                .unwrap_or_default()
        })
    });
    let save_notes = move |ev: leptos::ev::Event| {
        let text = event_target_value(&ev);
        state.workspace.update(|w| {
            set_notes(w, TargetId(id), &text);
        });
    };
    view! {
        <h2><label for="notizen">"Notizen"</label></h2>
        <textarea id="notizen" rows="4" class="notizen" prop:value=move || notes.get() on:change=save_notes></textarea>
        <p class="hilfe">"Notizen zu Maßnahmen und Gesprächen; gespeichert, sobald Sie das Feld verlassen."</p>
    }
}

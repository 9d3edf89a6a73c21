//! The table of targets that the overview, the balance and the report share: one set of columns (Ziel, Ist,
//! Zielwert, Abweichung, Ist/Soll, Status, Prognose; the balance adds Vorjahr and Veränderung), and under each
//! target what belongs to it: the sentence, the agreement's own wording and the remarks.

use leptos::prelude::*;

use crate::locale::Lang;
use crate::present::overview::{Remark, Row};
use crate::route::Route;
use crate::ui::widgets::StatusBadge;

/// The remarks at one target: "Hinweis:" in words (not only colour), the text, and a link where a fix is one
/// step away.
#[component]
pub fn Remarks(remarks: Vec<Remark>, lang: Lang) -> impl IntoView {
    (!remarks.is_empty()).then(|| {
        view! {
            <ul class="ziel-hinweise">
                {remarks
                    .into_iter()
                    .map(|r| {
                        view! {
                            <li>
                                <span class="hinweis-symbol" aria-hidden="true">"⚠ "</span>
                                <strong>{lang.pick("Hinweis: ", "Note: ")}</strong>
                                {r.text}
                                {r.link.map(|(href, label)| view! { " " <a href=href>{label}</a> })}
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        }
    })
}

/// Which of the per-target lines the table shows under each target.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Lines {
    /// Sentence, wording and remarks (the overview).
    All,
    /// Wording and remarks; the sentences stand elsewhere (the balance text).
    WithoutSentence,
    /// None; a target with remarks is marked "⚠ Hinweis" in its title, the remarks themselves stand in its own
    /// section (the report's one-page summary).
    Marked,
}

#[component]
pub fn TargetTable(
    rows: Vec<Row>,
    lang: Lang,
    /// The screen reader's caption of the table.
    caption: &'static str,
    lines: Lines,
    /// The balance's comparison with the previous year.
    #[prop(optional)]
    compare: bool,
    /// Titles link to the target's detail.
    #[prop(optional)]
    links: bool,
    #[prop(optional)] class: &'static str,
) -> impl IntoView {
    let columns = 7 + if compare { 2 } else { 0 };
    view! {
        // Focusable and named, so that a keyboard can scroll it where the screen is too narrow.
        <div class="tabelle-rahmen" tabindex="0" role="region" aria-label=caption>
            <table class=format!("ziele {class}")>
                <caption class="sr-only">{caption}</caption>
                <thead>
                    <tr>
                        <th scope="col">{lang.pick("Ziel", "Target")}</th>
                        <th scope="col" class="zahl">{lang.pick("Ist", "Actual")}</th>
                        <th scope="col" class="zahl">{lang.pick("Zielwert", "Target value")}</th>
                        <th scope="col" class="zahl">{lang.pick("Abweichung", "Deviation")}</th>
                        <th scope="col" class="zahl">{lang.pick("Ist/Soll", "Actual/target")}</th>
                        <th scope="col">"Status"</th>
                        <th scope="col" class="zahl">{lang.pick("Prognose", "Forecast")}</th>
                        {compare
                            .then(|| {
                                view! {
                                    <th scope="col" class="zahl">{lang.pick("Vorjahr", "Previous year")}</th>
                                    <th scope="col" class="zahl">{lang.pick("Veränderung", "Change")}</th>
                                }
                            })}
                    </tr>
                </thead>
                {rows
                    .into_iter()
                    .map(|row| {
                        let title = if links {
                            view! { <a href=Route::target_href(row.target_id)>{row.title}</a> }.into_any()
                        } else {
                            row.title.into_any()
                        };
                        let sentence = (lines == Lines::All).then(|| view! { <p class="satz">{row.sentence}</p> });
                        let wording = (lines != Lines::Marked && !row.wording.is_empty())
                            .then(|| view! { <p class="lesarten">{row.wording}</p> });
                        let marker = (lines == Lines::Marked && !row.remarks.is_empty()).then(|| {
                            view! {
                                <span class="hinweis-marke">
                                    <span aria-hidden="true">"⚠ "</span>
                                    {lang.pick("Hinweis beim Ziel", "Note at the target")}
                                </span>
                            }
                        });
                        let remarks = if lines == Lines::Marked { Vec::new() } else { row.remarks };
                        let has_lines = sentence.is_some() || wording.is_some() || !remarks.is_empty();
                        view! {
                            <tbody class="ziel" data-ziel=row.target_id>
                                <tr>
                                    <th scope="row" class="ziel-titel">
                                        {title}
                                        <span class="ziel-art">{row.kind}</span>
                                        {marker}
                                    </th>
                                    <td class="zahl">{row.actual}</td>
                                    <td class="zahl">{row.target}</td>
                                    <td class="zahl">{row.deviation}</td>
                                    <td class="zahl">{row.ratio}</td>
                                    <td>
                                        <StatusBadge status=row.status />
                                    </td>
                                    <td class="zahl">
                                        {row.forecast}
                                        {(!row.forecast_method.is_empty())
                                            .then(|| view! { <span class="methode">{row.forecast_method}</span> })}
                                    </td>
                                    {compare
                                        .then(|| {
                                            view! {
                                                <td class="zahl">{row.previous_year}</td>
                                                <td class="zahl">{row.change}</td>
                                            }
                                        })}
                                </tr>
                                {has_lines
                                    .then(|| {
                                        view! {
                                            <tr class="satz-zeile">
                                                <td colspan=columns>
                                                    {sentence}
                                                    {wording}
                                                    <Remarks remarks=remarks lang=lang />
                                                </td>
                                            </tr>
                                        }
                                    })}
                            </tbody>
                        }
                    })
                    .collect_view()}
            </table>
        </div>
    }
}

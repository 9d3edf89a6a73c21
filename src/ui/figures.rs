//! A chart as placed on screen and in print: the SVG (which carries `role="img"` and its text alternative),
//! its title as caption, and the equivalent data table below it.

use leptos::prelude::*;

use crate::present::report::Figure;

#[component]
pub fn Figures(figures: Vec<Figure>) -> impl IntoView {
    figures
        .into_iter()
        .map(|f| view! { <ChartFigure figure=f /> })
        .collect_view()
}

#[component]
fn ChartFigure(figure: Figure) -> impl IntoView {
    let Figure {
        id,
        title,
        svg,
        table,
    } = figure;
    view! {
        // The figcaption names the figure; the SVG inside names itself by its <title>.
        <figure class="diagramm-figur" id=id>
            <figcaption>{title}</figcaption>
            // The SVG is built by chart::svg from numbers and escaped texts only (tested natively).
            {svg.map(|svg| view! { <div class="diagramm-bild" inner_html=svg></div> })}
            <div class="tabelle-rahmen">
                <table class="diagramm-daten">
                    <caption class="sr-only">{table.caption}</caption>
                    <thead>
                        <tr>
                            {table
                                .headers
                                .into_iter()
                                .enumerate()
                                .map(|(i, h)| {
                                    let class = if i > 0 { "zahl" } else { "" };
                                    view! { <th scope="col" class=class>{h}</th> }
                                })
                                .collect_view()}
                        </tr>
                    </thead>
                    <tbody>
                        {table
                            .rows
                            .into_iter()
                            .map(|row| {
                                let mut cells = row.into_iter();
                                let head = cells.next().unwrap_or_default();
                                view! {
                                    <tr>
                                        <th scope="row">{head}</th>
                                        {cells.map(|c| view! { <td class="zahl">{c}</td> }).collect_view()}
                                    </tr>
                                }
                            })
                            .collect_view()}
                    </tbody>
                </table>
            </div>
        </figure>
    }
}

//! The rows of a comparison table as HTML text, set in one step as the body's markup: a Land's hundred job
//! centres with every target are thousands of rows, and the browser's parser builds them many times faster than
//! one DOM call per cell from wasm. Every text goes through [`escape`]; the markup is the same a component would
//! make (row header, cells, the status as symbol and word).

use super::Line;
use crate::chart::svg::escape;
use crate::locale::Lang;
use crate::present::status;

/// One `<tr>` per line, in their order.
pub fn rows(lines: &[Line], lang: Lang) -> String {
    let mut out = String::with_capacity(lines.len() * 640);
    for line in lines {
        row(&mut out, line, lang);
    }
    out
}

fn row(out: &mut String, line: &Line, lang: Lang) {
    let member = escape(&line.member);
    if let Some(missing) = &line.missing {
        out.push_str(&format!(
            "<tr class=\"ohne-ziel\"><th scope=\"row\">{member}</th><td colspan=\"7\" class=\"fehlt\">{}</td><td>{}</td></tr>",
            escape(missing),
            escape(&line.rank)
        ));
        return;
    }
    let own = if line.own {
        format!(
            "<span class=\"eigen\">{}</span>",
            lang.pick(" (Ihr Arbeitsbereich)", " (your workspace)")
        )
    } else {
        String::new()
    };
    let target = if line.wording.is_empty() {
        format!("{}: {}", line.title, line.target)
    } else {
        format!("{}: {} ({})", line.title, line.target, line.wording)
    };
    let badge = line.status.map_or_else(String::new, |s| {
        format!(
            "<span class=\"status status-{}\"><span class=\"status-symbol\" aria-hidden=\"true\">{}</span>{}</span>",
            status::slug(s),
            status::icon(s),
            escape(&status::label(s, lang))
        )
    });
    let older = if line.older {
        format!(
            "<span class=\"aelter\">{}</span>",
            lang.pick(" (älterer Stand)", " (older)")
        )
    } else {
        String::new()
    };
    out.push_str(&format!(
        "<tr><th scope=\"row\">{member}{own}</th><td>{}</td><td class=\"zahl\">{}</td><td class=\"zahl\">{}</td>\
         <td class=\"zahl\">{}</td><td>{badge}</td><td class=\"zahl\">{}</td><td>{}{older}</td><td>{}</td></tr>",
        escape(&target),
        escape(&line.actual),
        escape(&line.deviation),
        escape(&line.ratio),
        escape(&line.forecast),
        escape(&line.as_of),
        escape(&line.rank),
    ));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::attainment::Status;

    fn line() -> Line {
        Line {
            key: "fulda".into(),
            member: "Jobcenter <Fulda> & Co".into(),
            own: false,
            title: "Integrationen – Insgesamt".into(),
            target: "≥ 770".into(),
            wording: String::new(),
            actual: "360 (bis Juni)".into(),
            deviation: "−25".into(),
            ratio: "93,5\u{a0}%".into(),
            status: Some(Status::Critical),
            forecast: "720".into(),
            as_of: "30.06.2022".into(),
            older: true,
            missing: None,
            rank: "1 von 2".into(),
            keys: super::super::Keys::default(),
        }
    }

    #[test]
    fn a_line_as_the_table_shows_it_with_every_text_escaped() {
        let html = rows(&[line()], Lang::De);
        assert_eq!(
            html,
            "<tr><th scope=\"row\">Jobcenter &lt;Fulda&gt; &amp; Co</th><td>Integrationen – Insgesamt: ≥ 770</td>\
             <td class=\"zahl\">360 (bis Juni)</td><td class=\"zahl\">−25</td><td class=\"zahl\">93,5\u{a0}%</td>\
             <td><span class=\"status status-kritisch\"><span class=\"status-symbol\" aria-hidden=\"true\">‼</span>kritisch</span></td>\
             <td class=\"zahl\">720</td><td>30.06.2022<span class=\"aelter\"> (älterer Stand)</span></td><td>1 von 2</td></tr>"
        );
    }

    #[test]
    fn a_missing_figure_in_words_and_the_own_workspace_marked_in_english() {
        let mut missing = line();
        missing.missing = Some("No target agreement 2022".into());
        missing.rank = "–".into();
        let mut own = line();
        own.own = true;
        own.older = false;
        let html = rows(&[missing, own], Lang::En);
        assert!(html.starts_with(
            "<tr class=\"ohne-ziel\"><th scope=\"row\">Jobcenter &lt;Fulda&gt; &amp; Co</th>\
             <td colspan=\"7\" class=\"fehlt\">No target agreement 2022</td><td>–</td></tr>"
        ));
        assert!(html.contains("&amp; Co<span class=\"eigen\"> (your workspace)</span></th>"));
        assert!(html.contains(">critical</span></td>"), "{html}");
    }
}

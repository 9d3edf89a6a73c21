//! The rows of a comparison table as HTML text, set in one step as the body's markup: a Land's hundred job
//! centres with every target are thousands of rows, and the browser's parser builds them many times faster than
//! one DOM call per cell from wasm. Every text goes through [`escape`]; the markup is the same a component would
//! make (row header, cells, the status as symbol and word).

use super::Line;
use crate::chart::svg::escape;
use crate::locale::Lang;
use crate::present::status;

/// One `<tr>` per line, in their order. Every cell can take the focus (the arrow keys move it,
/// `ui/comparison/keys.rs`); the first row's header is the one in the tab order.
pub fn rows(lines: &[Line], lang: Lang) -> String {
    let mut out = String::with_capacity(lines.len() * 720);
    for (i, line) in lines.iter().enumerate() {
        let html = row(line, lang);
        if i == 0 {
            out.push_str(&html.replacen(" tabindex=\"-1\"", " tabindex=\"0\"", 1));
        } else {
            out.push_str(&html);
        }
    }
    out
}

fn row(line: &Line, lang: Lang) -> String {
    let member = escape(&line.member);
    if let Some(missing) = &line.missing {
        return format!(
            "<tr class=\"ohne-ziel\"><th scope=\"row\" tabindex=\"-1\">{member}</th><td colspan=\"7\" class=\"fehlt\" tabindex=\"-1\">{}</td><td tabindex=\"-1\">{}</td></tr>",
            escape(missing),
            escape(&line.rank)
        );
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
    format!(
        "<tr><th scope=\"row\" tabindex=\"-1\">{member}{own}</th><td tabindex=\"-1\">{}</td><td class=\"zahl\" tabindex=\"-1\">{}</td>\
         <td class=\"zahl\" tabindex=\"-1\">{}</td><td class=\"zahl\" tabindex=\"-1\">{}</td><td tabindex=\"-1\">{badge}</td>\
         <td class=\"zahl\" tabindex=\"-1\">{}</td><td tabindex=\"-1\">{}{older}</td><td tabindex=\"-1\">{}</td></tr>",
        escape(&target),
        escape(&line.actual),
        escape(&line.deviation),
        escape(&line.ratio),
        escape(&line.forecast),
        escape(&line.as_of),
        escape(&line.rank),
    )
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
            "<tr><th scope=\"row\" tabindex=\"0\">Jobcenter &lt;Fulda&gt; &amp; Co</th>\
             <td tabindex=\"-1\">Integrationen – Insgesamt: ≥ 770</td>\
             <td class=\"zahl\" tabindex=\"-1\">360 (bis Juni)</td><td class=\"zahl\" tabindex=\"-1\">−25</td>\
             <td class=\"zahl\" tabindex=\"-1\">93,5\u{a0}%</td>\
             <td tabindex=\"-1\"><span class=\"status status-kritisch\"><span class=\"status-symbol\" aria-hidden=\"true\">‼</span>kritisch</span></td>\
             <td class=\"zahl\" tabindex=\"-1\">720</td><td tabindex=\"-1\">30.06.2022<span class=\"aelter\"> (älterer Stand)</span></td>\
             <td tabindex=\"-1\">1 von 2</td></tr>"
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
            "<tr class=\"ohne-ziel\"><th scope=\"row\" tabindex=\"0\">Jobcenter &lt;Fulda&gt; &amp; Co</th>\
             <td colspan=\"7\" class=\"fehlt\" tabindex=\"-1\">No target agreement 2022</td><td tabindex=\"-1\">–</td></tr>"
        ));
        assert!(html.contains("&amp; Co<span class=\"eigen\"> (your workspace)</span></th>"));
        // Only the first row's header is in the tab order.
        assert_eq!(html.matches("tabindex=\"0\"").count(), 1);
        assert!(html.contains(">critical</span></td>"), "{html}");
    }
}

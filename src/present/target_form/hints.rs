//! The hints beside the form while the user types: parts that do not add up, and the third number of a
//! relative quota change computed from the other two.

use super::*;
use crate::tr;

/// "Frauen 300 + Männer 462 = 762; das Gesamtziel ist 770." when the parts typed in `lang` do not add up.
pub fn parts_hint(draft: &Draft, lang: Lang) -> Option<String> {
    if !draft.kind.has_parts() {
        return None;
    }
    let (t, w, m) = (
        parse_number_in(&draft.total, lang).ok()?,
        parse_number_in(&draft.women, lang).ok()?,
        parse_number_in(&draft.men, lang).ok()?,
    );
    ((w + m - t).abs() > 0.5).then(|| {
        let [w, m, sum, t] = [w, m, w + m, t].map(|v| format_count(v, lang));
        tr!(
            lang,
            "Frauen {w} + Männer {m} = {sum}; das Gesamtziel ist {t}.",
            "Women {w} + men {m} = {sum}; the total target is {t}."
        )
    })
}

/// Baseline, change in % and target of a relative change of a quota, the missing one computed from the other
/// two (rounded to two decimals, as rates are written); `None` with fewer than two, or no baseline to a change of
/// −100 %.
pub fn relative_change(typed: [Option<f64>; 3]) -> Option<(f64, f64, f64)> {
    let two = |v: f64| (v * 100.0).round() / 100.0;
    match typed {
        [Some(b), Some(c), Some(t)] => Some((b, c, t)),
        [Some(b), Some(c), None] => Some((b, c, two(ChangeUnit::Percent.apply(b, c)))),
        [Some(b), None, Some(t)] if b != 0.0 => Some((b, two((t / b - 1.0) * 100.0), t)),
        [None, Some(c), Some(t)] => Some((two(ChangeUnit::Percent.base_for(t, c)?), c, t)),
        _ => None,
    }
    .filter(|(b, c, t)| b.is_finite() && c.is_finite() && t.is_finite())
}

/// What the form says under a relative change of a quota as it is typed: the third number that follows from
/// two, or that the three do not fit together (a remark: what is typed is saved, the remark stays at the target).
pub fn relative_change_hint(draft: &Draft, lang: Lang) -> Option<(Field, String)> {
    if draft.kind != Kind::QuotaRelativeChange {
        return None;
    }
    let read = |t: &str| parse_number_in(t, lang).ok();
    let typed = [
        read(&draft.baseline),
        read(&draft.change),
        read(&draft.target),
    ];
    let (b, c, t) = relative_change(typed)?;
    let percent =
        |v: f64| crate::locale::format_percent(v, crate::locale::decimals_of(v, 4).max(1), lang);
    let (from, to) = (percent(b), percent(t));
    let by = percent(c);
    match typed {
        [Some(_), Some(_), None] => Some((
            Field::Target,
            tr!(
                lang,
                "{from} um {by} ergibt den Zielwert {to}.",
                "{from} changed by {by} gives the target {to}."
            ),
        )),
        [Some(_), None, Some(_)] => Some((
            Field::Change,
            tr!(
                lang,
                "Von {from} auf {to} ist eine Veränderung um {by}.",
                "From {from} to {to} is a change of {by}."
            ),
        )),
        [None, Some(_), Some(_)] => Some((
            Field::Baseline,
            tr!(
                lang,
                "Der Zielwert {to} nach {by} ergibt den Ausgangswert {from}.",
                "The target {to} after {by} gives the baseline {from}."
            ),
        )),
        _ if !stated_figures_fit(b, c, ChangeUnit::Percent, t) => {
            let computed = crate::locale::format_percent(ChangeUnit::Percent.apply(b, c), 2, lang);
            Some((
                Field::Target,
                tr!(
                    lang,
                    "⚠ {from} um {by} ergibt {computed}, nicht {to}. Gespeichert wird, was Sie eintragen; bewertet wird \
                     gegen {to}, und der Hinweis bleibt am Ziel sichtbar.",
                    "⚠ {from} changed by {by} gives {computed}, not {to}. What you enter is saved and {to} is what \
                     counts; the remark stays visible at the target."
                ),
            ))
        }
        _ => None,
    }
}

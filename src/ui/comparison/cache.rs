//! Each member's evaluated year, kept while the page lives.

use std::cell::RefCell;
use std::collections::HashMap;

use crate::core::Lang;
use crate::core::calendar::{Date, Year};
use crate::persistence::members::{MemberParts, key_of};
use crate::present::comparison::{Member, MemberYear, member_year};

/// What tells a member's stored parts apart: a replaced member has another file, Datenstand or day added (a file
/// of the same Datenstand is refused), and the lengths of its texts.
type Fingerprint = (u32, String, Date, Option<Date>, usize, Vec<usize>);

/// A member's year as evaluated from the parts of the fingerprint (`None`: they do not read).
type Evaluated = (Fingerprint, Option<MemberYear>);

fn fingerprint(m: &MemberParts) -> Fingerprint {
    let mut lengths: Vec<usize> = m.agreements.iter().map(String::len).collect();
    lengths.extend(m.years.iter().map(|(_, y)| y.len()));
    (
        m.schema,
        m.file.clone(),
        m.added,
        m.as_of,
        m.head.len(),
        lengths,
    )
}

thread_local! {
    /// Each member's evaluated year while the page lives, by key, year and language: reopening the screen, adding
    /// one member or giving one a type evaluates only what changed (a Land's hundred job centres take the engine
    /// about half a second in all).
    static EVALUATED: RefCell<HashMap<(String, Year, Lang), Evaluated>> =
        RefCell::new(HashMap::new());
}

/// A member's year evaluated, or `None` where its stored parts do not read; from [`EVALUATED`] where it is there.
pub(super) fn evaluated(m: &MemberParts, year: Year, lang: Lang) -> Option<MemberYear> {
    let key = key_of(&m.name);
    let print = fingerprint(m);
    let cached = EVALUATED.with_borrow(|cache| {
        cache
            .get(&(key.clone(), year, lang))
            .filter(|(p, _)| *p == print)
            .map(|(_, y)| y.clone())
    });
    let mut found = match cached {
        Some(y) => y,
        None => {
            let fresh = m.workspace_for(year).ok().map(|workspace| {
                let member = Member {
                    key: &key,
                    workspace: &workspace,
                    types: &m.types,
                    own: false,
                };
                member_year(&member, year, lang)
            });
            EVALUATED.with_borrow_mut(|cache| {
                cache.insert((key.clone(), year, lang), (print, fresh.clone()))
            });
            fresh
        }
    }?;
    // The type is not part of the evaluation: it may have changed since.
    found.kind = m.types.in_year(year).cloned();
    Some(found)
}

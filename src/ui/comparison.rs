//! "Vergleich" (issue 23, PRODUCT S10): other job centres' workspaces, read from their backups or workspace files,
//! side by side per comparison type. The members live in IndexedDB (`storage::members`), read when the screen
//! opens; a file is read in the file worker, and nothing is stored until the user accepts what it would do.

use leptos::prelude::*;

use crate::core::calendar::Year;
use crate::domain::comparison::TypeCode;
use crate::persistence::members::MemberParts;
use crate::persistence::members::key_of;
use crate::present::comparison::texts;
use crate::present::comparison::{Column, MemberYear, Selection, Table, figures, sort, table};
use crate::route::Screen;
use crate::storage::members::{Members, from_record, to_record};
use crate::tr;
use crate::ui::state::use_state;
use crate::ui::widgets::EmptyState;

mod adding;
mod cache;
mod charts;
mod choices;
mod keys;
mod lines;
mod output;
mod own;

use adding::{Adding, Batch};
use cache::evaluated;
use lines::{GroupTable, MemberList, Summary};

/// The members as read from the store, and how many records were kept aside unread.
#[derive(Clone, Default)]
struct Stored {
    members: Vec<MemberParts>,
    /// Records this build cannot read (broken, or of a newer build): kept as they are.
    aside: usize,
}

/// Reads every member from the store.
async fn load(lang: crate::core::Lang) -> Result<Stored, String> {
    let store = Members::open().await.map_err(|e| e.message(lang))?;
    let records = store.all().await.map_err(|e| e.message(lang));
    store.close();
    let mut stored = Stored::default();
    for (_, record) in records? {
        match from_record(&record) {
            Ok(m) if m.schema <= crate::persistence::members::MEMBER_SCHEMA => {
                stored.members.push(m)
            }
            _ => stored.aside += 1,
        }
    }
    Ok(stored)
}

/// Puts `put` and removes the members of the keys `removed`, all or nothing; the error in the user's language.
async fn write(
    put: &[MemberParts],
    removed: &[String],
    lang: crate::core::Lang,
) -> Result<(), String> {
    let store = Members::open().await.map_err(|e| e.message(lang))?;
    let records: Vec<_> = put
        .iter()
        .map(|m| (key_of(&m.name), to_record(m)))
        .collect();
    let written = store
        .write(&records, removed)
        .await
        .map_err(|e| e.message(lang));
    store.close();
    written
}

/// The years the members have figures for, newest first.
fn years_of(members: &[MemberParts]) -> Vec<Year> {
    let mut years: Vec<Year> = members
        .iter()
        .flat_map(|m| m.years.iter().map(|(y, _)| *y))
        .collect();
    years.sort_by(|a, b| b.cmp(a));
    years.dedup();
    years
}

/// The screen's state: the members as stored, the choices of the table, and what the last step said.
#[derive(Clone, Copy)]
struct Comparison {
    lang: crate::core::Lang,
    stored: RwSignal<Option<Stored>>,
    message: RwSignal<String>,
    /// The member removed last, for "Rückgängig".
    removed: RwSignal<Option<MemberParts>>,
    year: RwSignal<Option<Year>>,
    /// The figure chosen by its index among the year's figures; `None`: all targets.
    figure: RwSignal<Option<usize>>,
    only: RwSignal<Option<TypeCode>>,
    order: RwSignal<(Column, bool)>,
    /// The job centres opened to their targets in "all targets", by key.
    opened: RwSignal<std::collections::HashSet<String>>,
    /// The own workspace's part; `None` where its stored setting cannot be read.
    own: RwSignal<Option<crate::persistence::members::OwnPart>>,
    state: crate::ui::state::AppState,
}

impl Comparison {
    /// The years to choose from: the members' and, where it takes part, the own workspace's; newest first.
    fn years(self) -> Vec<Year> {
        let mut years = self
            .stored
            .with(|s| s.as_ref().map(|s| years_of(&s.members)).unwrap_or_default());
        years.extend(self.own.with(|o| own::own_years(self.state, o.as_ref())));
        years.sort_by(|a, b| b.cmp(a));
        years.dedup();
        years
    }

    fn members(self) -> Signal<Vec<MemberParts>> {
        Signal::derive(move || {
            self.stored
                .with(|s| s.as_ref().map(|s| s.members.clone()).unwrap_or_default())
        })
    }

    /// Applies `put` and `removed` to the members on the screen (after the store took them).
    fn apply(self, put: Vec<MemberParts>, removed: Option<&str>) {
        self.stored.update(|s| {
            let s = s.get_or_insert_with(Stored::default);
            for m in put {
                let key = key_of(&m.name);
                s.members.retain(|o| key_of(&o.name) != key);
                s.members.push(m);
            }
            if let Some(key) = removed {
                s.members.retain(|o| key_of(&o.name) != key);
            }
        });
        if self.year.get_untracked().is_none() {
            let first = untrack(|| self.years().first().copied());
            self.year.set(first);
        }
    }

    /// The stored member of the name `name`.
    fn member(self, name: &str) -> Option<MemberParts> {
        self.stored.with_untracked(|s| {
            s.as_ref()
                .and_then(|s| s.members.iter().find(|m| m.name == name).cloned())
        })
    }

    /// What the list of members shows of each.
    fn summaries(self) -> Memo<Vec<Summary>> {
        Memo::new(move |_| {
            self.stored.with(|s| {
                s.as_ref()
                    .map(|s| s.members.iter().map(Summary::of).collect())
                    .unwrap_or_default()
            })
        })
    }

    fn remove(self, name: &str) {
        let Some(member) = self.member(name) else {
            return;
        };
        let lang = self.lang;
        leptos::task::spawn_local(async move {
            let key = key_of(&member.name);
            match write(&[], std::slice::from_ref(&key), lang).await {
                Ok(()) => {
                    let name = member.name.clone();
                    self.apply(Vec::new(), Some(&key));
                    self.message
                        .set(tr!(lang, "„{name}“ entfernt.", "“{name}” removed."));
                    self.removed.set(Some(member));
                }
                Err(e) => self.message.set(e),
            }
        });
    }

    fn undo(self) {
        let (lang, Some(member)) = (self.lang, self.removed.get_untracked()) else {
            return;
        };
        leptos::task::spawn_local(async move {
            match write(std::slice::from_ref(&member), &[], lang).await {
                Ok(()) => {
                    let name = member.name.clone();
                    self.apply(vec![member], None);
                    self.removed.set(None);
                    self.message
                        .set(tr!(lang, "„{name}“ ist wieder dabei.", "“{name}” is back."));
                }
                Err(e) => self.message.set(e),
            }
        });
    }

    /// Gives `member` the type `text` from the chosen year on; `Err` says why the text is no type.
    fn set_type(self, name: &str, text: &str) -> Result<(), String> {
        let (Some(year), Some(member)) = (self.year.get_untracked(), self.member(name)) else {
            return Ok(());
        };
        let code = TypeCode::parse(text).map_err(|e| texts::type_error(e, self.lang))?;
        let mut changed = member;
        changed.types.set(year, code);
        let lang = self.lang;
        leptos::task::spawn_local(async move {
            match write(std::slice::from_ref(&changed), &[], lang).await {
                Ok(()) => self.apply(vec![changed], None),
                Err(e) => self.message.set(e),
            }
        });
        Ok(())
    }

    fn accept(self, batch: Batch) {
        let lang = self.lang;
        leptos::task::spawn_local(async move {
            let put: Vec<MemberParts> = batch.items.into_iter().map(|i| i.parts).collect();
            match write(&put, &[], lang).await {
                Ok(()) => {
                    let n = put.len();
                    self.apply(put, None);
                    let centres = if n == 1 { "job centre" } else { "job centres" };
                    self.message.set(tr!(
                        lang,
                        "{n} Jobcenter übernommen.",
                        "{n} {centres} taken."
                    ));
                }
                Err(e) => self.message.set(e),
            }
        });
    }
}

#[component]
pub fn ComparisonScreen() -> impl IntoView {
    let state = use_state();
    let lang = state.lang.get_untracked();
    // The own workspace may take part: all its years are read.
    state.ensure_complete();
    let failed: RwSignal<Option<String>> = RwSignal::new(None);
    let c = Comparison {
        own: RwSignal::new(own::load_own()),
        state,
        lang,
        stored: RwSignal::new(None),
        message: RwSignal::new(String::new()),
        removed: RwSignal::new(None),
        year: RwSignal::new(None),
        figure: RwSignal::new(Some(0)),
        only: RwSignal::new(None),
        order: RwSignal::new((Column::Rank, false)),
        opened: RwSignal::new(std::collections::HashSet::new()),
    };
    leptos::task::spawn_local(async move {
        match load(lang).await {
            Ok(s) => {
                c.stored.set(Some(s));
                c.year.set(untrack(|| c.years().first().copied()));
            }
            Err(e) => failed.set(Some(e)),
        }
    });
    let summaries = c.summaries();
    let member_years = Memo::new(move |_| {
        let Some(year) = c.year.get() else {
            return Vec::new();
        };
        let mut list: Vec<MemberYear> = c.stored.with(|s| {
            s.iter()
                .flat_map(|s| &s.members)
                .filter_map(|m| evaluated(m, year, lang))
                .collect()
        });
        list.extend(
            c.own
                .with(|o| o.as_ref().and_then(|o| own::own_year(state, o, year))),
        );
        list
    });
    let figure_list = Memo::new(move |_| member_years.with(|m| figures(m)));
    // The figure chosen: one the year has, or the first it has (the list changes with the year); none: all targets.
    let selected = Memo::new(move |_| {
        c.figure
            .get()
            .and_then(|i| figure_list.with(|f| f.get(i).or(f.first()).cloned()))
    });
    let unsorted = Memo::new(move |_| -> Option<Table> {
        let year = c.year.get()?;
        let selection = selected
            .get()
            .map_or(Selection::AllTargets, |(s, _)| Selection::Figure(s));
        Some(member_years.with(|m| table(m, year, &selection, c.only.get().as_ref(), lang)))
    });
    let shown = Memo::new(move |_| -> Option<Table> {
        let (column, descending) = c.order.get();
        let mut t = unsorted.get()?;
        for group in &mut t.groups {
            sort(&mut group.lines, column, descending);
        }
        Some(t)
    });
    view! {
        // Printed on A4 landscape (the named page in style/main.css); the controls are left out of the print.
        <div class="vergleich-seite">
        <h1>{Screen::Comparison.label(lang)}</h1>
        {move || failed.get().map(|e| view! { <p class="fehler" role="alert">{e}</p> })}
        <div class="nur-bildschirm">
        <Adding members=c.members() accept=move |b| c.accept(b) />
        <p class="grid-meldung" role="status">{move || c.message.get()}</p>
        {move || c.removed.get().map(|m| {
            let name = m.name;
            view! {
                <div class="rueckgaengig" role="group" aria-label=lang.pick("Rückgängig", "Undo")>
                    <span>{tr!(lang, "„{name}“ wurde entfernt.", "“{name}” was removed.")}</span>
                    <button type="button" on:click=move |_| c.undo()>{lang.pick("Rückgängig", "Undo")}</button>
                </div>
            }
        })}
        {move || c.stored.with(|s| s.as_ref().map(|s| s.aside)).filter(|n| *n > 0).map(|n| view! {
            <p class="hinweis" role="note">{tr!(
                lang,
                "{n} gespeicherte Mitglieder kann diese Version nicht lesen; sie bleiben unverändert.",
                "{n} stored members cannot be read by this version; they stay unchanged."
            )}</p>
        })}
        <own::OwnPartField c=c />
        </div>
        {move || match c
            .stored
            .with(|s| s.as_ref().map(|s| s.members.is_empty()))
            .map(|none| none && !c.own.with(|o| o.as_ref().is_some_and(|o| o.takes_part)))
        {
            None => ().into_any(),
            Some(true) => view! { <EmptyState screen=Screen::Comparison /> }.into_any(),
            Some(false) => view! {
                {choices::choices(c, figure_list, member_years)}
                <output::Output c=c selected=selected table=shown />
                {move || shown.get().map(|t| {
                    let all = selected.with(Option::is_none);
                    let newest = t.newest.clone();
                    view! {
                        <p class="datenstand">{tr!(lang, "Neuester Datenstand im Vergleich: {newest}", "Newest as-of date in the comparison: {newest}")}</p>
                        {t.groups.into_iter().map(|g| view! { <GroupTable group=g order=c.order all=all opened=c.opened /> }).collect_view()}
                    }
                })}
                <charts::Charts year=c.year selected=selected table=unsorted member_years=member_years />
                <div class="nur-bildschirm">
                    <MemberList
                        members=summaries
                        year=c.year
                        remove=move |name: String| c.remove(&name)
                        set_type=move |name: String, text: String| c.set_type(&name, &text)
                    />
                </div>
            }.into_any(),
        }}
        </div>
    }
}

//! "Zielvereinbarung": create an agreement (empty or copied from the previous year), edit its parties, delete
//! it with undo, and add, edit and remove its targets in every format. Forms and rules: `present::target_form`
//! and `domain::editing`.

use leptos::prelude::*;

use crate::core::calendar::Year;
use crate::domain::agreement::{AgreementId, ChangeLimit, ManualStatus, TargetId};
use crate::domain::editing::{RemovedAgreement, RemovedTarget};
use crate::domain::values::Population;
use crate::locale::{Lang, format_date, parse_date_in};
use crate::present::target_form::{
    CATEGORIES, Choice, Draft, Field, Kind, LIMITS, POPULATIONS, STATUSES, UNITS, build, draft_for,
    from_key, key_of, parts_hint, relative_change_hint,
};
use crate::ui::state::use_state;
use crate::ui::target_table::Remarks;
use crate::ui::widgets::YearSelect;

/// What the last deletion can undo.
#[derive(Clone, Debug, PartialEq)]
enum Undo {
    Agreement(RemovedAgreement),
    Targets(Vec<RemovedTarget>),
}

#[component]
pub fn AgreementEditor() -> impl IntoView {
    let state = use_state();
    // The app rebuilds the screen when the language changes.
    let lang = state.lang.get_untracked();
    let undo: RwSignal<Option<(String, Undo)>> = RwSignal::new(None);
    let message = RwSignal::new(String::new());
    let agreement = Memo::new(move |_| {
        state
            .workspace
            .with(|w| w.agreement_for(state.year.get()).map(|a| a.id))
    });

    let do_undo = move |_| {
        let Some((_, what)) = undo.get_untracked() else {
            return;
        };
        let mut outcome = Ok(());
        state.workspace.update(|w| {
            outcome = match what {
                Undo::Agreement(removed) => {
                    let year = removed.agreement.year;
                    let r = w.restore_agreement(removed, lang);
                    if r.is_ok() {
                        state.year.set(year);
                    }
                    r
                }
                Undo::Targets(list) => list
                    .into_iter()
                    .rev()
                    .try_for_each(|t| w.restore_target(t, lang)),
            };
        });
        match outcome {
            Ok(()) => message.set(lang.pick("Rückgängig gemacht.", "Undone.").into()),
            Err(e) => message.set(e),
        }
        undo.set(None);
    };

    view! {
        <h1>{lang.pick("Zielvereinbarung", "Target agreement")}</h1>
        <div class="werkzeugleiste">
            <YearSelect />
        </div>
        <p class="grid-meldung" role="status" aria-live="polite">{move || message.get()}</p>
        {move || {
            undo.get()
                .map(|(text, _)| {
                    view! {
                        <div class="meldung meldung-info rueckgaengig" role="status">
                            <p>{text}</p>
                            <div class="knopfleiste">
                                <button type="button" on:click=do_undo>{lang.pick("Rückgängig", "Undo")}</button>
                            </div>
                        </div>
                    }
                })
        }}
        {move || match agreement.get() {
            Some(id) => view! { <AgreementForm id=id undo=undo message=message /> }.into_any(),
            None => view! {
                <p>{move || match lang {
                    Lang::De => format!("Für {} ist noch keine Zielvereinbarung angelegt.", state.year.get()),
                    Lang::En => format!("No target agreement has been created for {} yet.", state.year.get()),
                }}</p>
            }
            .into_any(),
        }}
        <NewAgreement message=message undo=undo />
    }
}

/// Creating an agreement: empty, or as a copy of the previous year's.
#[component]
fn NewAgreement(
    message: RwSignal<String>,
    undo: RwSignal<Option<(String, Undo)>>,
) -> impl IntoView {
    let state = use_state();
    let lang = state.lang.get_untracked();
    let year_text = RwSignal::new(String::new());
    let job_centre = RwSignal::new(String::new());
    let partner = RwSignal::new(String::new());
    // Suggest the year after the latest agreement and its parties. A memo: only a change of that suggestion
    // (a new latest agreement) rewrites the fields, never another edit of the workspace while the user types.
    let suggestion = Memo::new(move |_| {
        state
            .workspace
            .with(|w| match w.agreements.iter().max_by_key(|a| a.year) {
                Some(last) => (
                    last.year.next().map(|y| y.to_string()).unwrap_or_default(),
                    last.job_centre.clone(),
                    last.partner.clone(),
                ),
                None => (String::new(), w.organisation.clone(), String::new()),
            })
    });
    Effect::new(move |_| {
        let (year, centre, with) = suggestion.get();
        year_text.set(year);
        job_centre.set(centre);
        partner.set(with);
    });
    let create = move |copy: bool| {
        let Some(year) = year_text
            .get_untracked()
            .trim()
            .parse::<i64>()
            .ok()
            .and_then(Year::new)
        else {
            message.set(match lang {
                Lang::De => format!(
                    "Bitte ein Jahr zwischen {} und {} eingeben.",
                    Year::MIN,
                    Year::MAX
                ),
                Lang::En => format!(
                    "Please enter a year between {} and {}.",
                    Year::MIN,
                    Year::MAX
                ),
            });
            return;
        };
        let mut result = Err(String::new());
        state.workspace.update(|w| {
            result = if copy {
                match year
                    .previous()
                    .and_then(|p| w.agreement_for(p))
                    .map(|a| a.id)
                {
                    Some(from) => w.copy_agreement(from, year, lang),
                    None => Err(match lang {
                        Lang::De => format!(
                            "Für {} gibt es keine Zielvereinbarung, die kopiert werden könnte.",
                            year.get() - 1
                        ),
                        Lang::En => format!(
                            "There is no target agreement for {} that could be copied.",
                            year.get() - 1
                        ),
                    }),
                }
            } else {
                w.create_agreement(
                    year,
                    &job_centre.get_untracked(),
                    &partner.get_untracked(),
                    lang,
                )
            };
        });
        match result {
            Ok(_) => {
                // An agreement deleted before cannot come back into a year that has one again.
                if matches!(undo.get_untracked(), Some((_, Undo::Agreement(ref r))) if r.agreement.year == year)
                {
                    undo.set(None);
                }
                state.year.set(year);
                let previous = year.get() - 1;
                message.set(match (copy, lang) {
                    (true, Lang::De) => {
                        format!("Zielvereinbarung {year} als Kopie von {previous} angelegt.")
                    }
                    (true, Lang::En) => {
                        format!("Target agreement {year} created as a copy of {previous}.")
                    }
                    (false, Lang::De) => format!("Zielvereinbarung {year} angelegt."),
                    (false, Lang::En) => format!("Target agreement {year} created."),
                });
            }
            Err(e) => message.set(e),
        }
    };
    view! {
        <section class="neu" aria-labelledby="neu-titel">
            <h2 id="neu-titel">{lang.pick("Neue Zielvereinbarung", "New target agreement")}</h2>
            <div class="formular-zeile">
                <div class="feld">
                    <label for="neu-jahr">{lang.pick("Jahr", "Year")}</label>
                    <input id="neu-jahr" type="text" inputmode="numeric" class="kurz" prop:value=move || year_text.get()
                        on:input=move |ev| year_text.set(event_target_value(&ev)) />
                </div>
                <div class="feld breit">
                    <label for="neu-jobcenter">{lang.pick("Jobcenter", "Job centre")}</label>
                    <input id="neu-jobcenter" type="text" prop:value=move || job_centre.get()
                        on:input=move |ev| job_centre.set(event_target_value(&ev)) />
                </div>
                <div class="feld breit">
                    <label for="neu-partner">{lang.pick("Partner (Ministerium)", "Partner (ministry)")}</label>
                    <input id="neu-partner" type="text" prop:value=move || partner.get()
                        on:input=move |ev| partner.set(event_target_value(&ev)) />
                </div>
            </div>
            <div class="knopfleiste links">
                <button type="button" on:click=move |_| create(false)>{lang.pick("Leer anlegen", "Create empty")}</button>
                <button type="button" on:click=move |_| create(true)>
                    {lang.pick("Aus dem Vorjahr kopieren", "Copy from the previous year")}
                </button>
            </div>
        </section>
    }
}

/// The parties, the list of targets with their actions, the target form, and deletion.
#[component]
fn AgreementForm(
    id: AgreementId,
    undo: RwSignal<Option<(String, Undo)>>,
    message: RwSignal<String>,
) -> impl IntoView {
    let state = use_state();
    let lang = state.lang.get_untracked();
    let agreement = Memo::new(move |_| state.workspace.with(|w| w.agreement(id).cloned()));
    let draft: RwSignal<Option<Draft>> = RwSignal::new(None);
    // Only opening and closing rebuild the form; typing into it must not (the focused field would be lost).
    let form_open = Memo::new(move |_| draft.with(Option::is_some));
    let signed_error = RwSignal::new(String::new());
    let field = move |get: fn(&crate::domain::agreement::Agreement) -> String| {
        move || agreement.with(|a| a.as_ref().map(get).unwrap_or_default())
    };

    let edit_text = move |apply: fn(&mut crate::domain::agreement::Agreement, String)| {
        move |ev: leptos::ev::Event| {
            let text = event_target_value(&ev);
            state.workspace.update(|w| {
                if let Some(a) = w.agreement_mut(id) {
                    apply(a, text);
                }
            });
        }
    };
    let on_signed = move |ev: leptos::ev::Event| {
        let text = event_target_value(&ev);
        let parsed = if text.trim().is_empty() {
            Ok(None)
        } else {
            parse_date_in(&text, lang).map(Some)
        };
        match parsed {
            Ok(date) => {
                signed_error.set(String::new());
                state.workspace.update(|w| {
                    if let Some(a) = w.agreement_mut(id) {
                        a.signed_on = date;
                    }
                });
            }
            Err(e) => signed_error.set(e.message(lang)),
        }
    };
    let delete_agreement = move |_| {
        let mut removed = None;
        state.workspace.update(|w| removed = w.delete_agreement(id));
        if let Some(r) = removed {
            let text = match lang {
                Lang::De => format!("Zielvereinbarung {} gelöscht.", r.agreement.year),
                Lang::En => format!("Target agreement {} deleted.", r.agreement.year),
            };
            undo.set(Some((text, Undo::Agreement(r))));
            message.set(String::new());
        }
    };
    let remove_target = move |target: TargetId| {
        let mut removed = None;
        state
            .workspace
            .update(|w| removed = w.remove_target(id, target));
        if let Some(r) = removed {
            let title = state.workspace.with_untracked(|w| {
                crate::domain::names::title(
                    &r.target,
                    r.target
                        .format
                        .subject()
                        .and_then(|s| w.catalogue().get(s.indicator.as_str()).cloned())
                        .as_ref(),
                    lang,
                )
            });
            let text = match lang {
                Lang::De => format!("Ziel „{title}“ entfernt."),
                Lang::En => format!("Target “{title}” removed."),
            };
            undo.set(Some((text, Undo::Targets(vec![r]))));
        }
    };

    view! {
        // Rendered once per agreement: only the values follow the workspace, so that leaving a field (which saves
        // it) never rebuilds the form under the keyboard focus.
        <section aria-labelledby="vereinbarung-titel">
            <h2 id="vereinbarung-titel">
                {move || format!(
                    "{} {}",
                    lang.pick("Zielvereinbarung", "Target agreement"),
                    agreement.with(|a| a.as_ref().map(|a| a.year.to_string()).unwrap_or_default())
                )}
            </h2>
            <div class="formular-zeile">
                <div class="feld breit">
                    <label for="v-jobcenter">{lang.pick("Jobcenter", "Job centre")}</label>
                    <input id="v-jobcenter" type="text" prop:value=field(|a| a.job_centre.clone())
                        on:change=edit_text(|a, t| a.job_centre = t.trim().to_owned()) />
                </div>
                <div class="feld breit">
                    <label for="v-partner">"Partner"</label>
                    <input id="v-partner" type="text" prop:value=field(|a| a.partner.clone())
                        on:change=edit_text(|a, t| a.partner = t.trim().to_owned()) />
                </div>
            </div>
            <div class="formular-zeile">
                <div class="feld">
                    <label for="v-unterzeichnet">{lang.pick("Unterzeichnet am", "Signed on")}</label>
                    <input id="v-unterzeichnet" type="text" class="datum" placeholder=lang.pick("TT.MM.JJJJ", "DD/MM/YYYY")
                        prop:value=move || agreement.with(|a| {
                            a.as_ref().and_then(|a| a.signed_on).map(|d| format_date(d, lang)).unwrap_or_default()
                        })
                        aria-describedby="v-unterzeichnet-fehler" on:change=on_signed
                        aria-invalid=move || (!signed_error.get().is_empty()).then_some("true") />
                    <span id="v-unterzeichnet-fehler" class="feldfehler">{move || signed_error.get()}</span>
                </div>
                <div class="feld breit">
                    <label for="v-unterzeichnende">{lang.pick("Unterzeichnende", "Signatories")}</label>
                    <input id="v-unterzeichnende" type="text" prop:value=field(|a| a.signatories.clone())
                        on:change=edit_text(|a, t| a.signatories = t.trim().to_owned()) />
                </div>
            </div>
            <div class="feld">
                <label for="v-notizen">{lang.pick("Notizen", "Notes")}</label>
                <textarea id="v-notizen" rows="2" class="notizen" prop:value=field(|a| a.notes.clone())
                    on:change=edit_text(|a, t| a.notes = t)></textarea>
            </div>
        </section>
        <h3 id="ziele-titel">{lang.pick("Ziele", "Targets")}</h3>
        <TargetList id=id draft=draft on_remove=remove_target />
        <div class="knopfleiste links">
            <button type="button" on:click=move |_| draft.set(Some(Draft { population: Some(Population::Total), ..Draft::default() }))>
                {lang.pick("Ziel hinzufügen", "Add target")}
            </button>
        </div>
        {move || form_open.get().then(|| view! { <TargetFormPanel id=id draft=draft message=message undo=undo /> })}
        <div class="knopfleiste links gefahrenzone">
            <button type="button" class="gefahr" on:click=delete_agreement>
                {move || {
                    let year = agreement.with(|a| a.as_ref().map(|a| a.year.to_string()).unwrap_or_default());
                    match lang {
                        Lang::De => format!("Zielvereinbarung {year} löschen"),
                        Lang::En => format!("Delete target agreement {year}"),
                    }
                }}
            </button>
        </div>
    }
}

/// The targets of the agreement with edit and remove.
#[component]
fn TargetList(
    id: AgreementId,
    draft: RwSignal<Option<Draft>>,
    on_remove: impl Fn(TargetId) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let state = use_state();
    let lang = state.lang.get_untracked();
    let rows = Memo::new(move |_| {
        state.workspace.with(|w| {
            let Some(a) = w.agreement(id) else {
                return Vec::new();
            };
            let result = crate::domain::attainment::evaluate(w, a);
            crate::present::overview::rows(a, &result, &w.catalogue(), lang)
        })
    });
    move || {
        let rows = rows.get();
        if rows.is_empty() {
            return view! {
                <p>
                    {lang.pick(
                        "Noch keine Ziele. Fügen Sie das erste mit „Ziel hinzufügen“ hinzu.",
                        "No targets yet. Add the first one with “Add target”.",
                    )}
                </p>
            }
            .into_any();
        }
        view! {
            <div class="tabelle-rahmen">
                <table class="ziele zielliste" aria-labelledby="ziele-titel">
                    <thead>
                        <tr>
                            <th scope="col">{lang.pick("Ziel", "Target")}</th>
                            <th scope="col" class="zahl">{lang.pick("Zielwert", "Target value")}</th>
                            <th scope="col">{lang.pick("Aktionen", "Actions")}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {rows
                            .into_iter()
                            .map(|row| {
                                let target = TargetId(row.target_id);
                                let edit = move |_| {
                                    let d = state.workspace.with_untracked(|w| w.agreement(id).and_then(|a| draft_for(a, target, lang)));
                                    draft.set(d);
                                };
                                let (edit_label, remove_label) = match lang {
                                    Lang::De => (format!("{} bearbeiten", row.title), format!("{} entfernen", row.title)),
                                    Lang::En => (format!("Edit {}", row.title), format!("Remove {}", row.title)),
                                };
                                let wording = (!row.wording.is_empty())
                                    .then(|| view! { <p class="lesarten">{row.wording}</p> });
                                view! {
                                    <tr data-ziel=row.target_id>
                                        <th scope="row" class="ziel-titel">
                                            {row.title}
                                            <span class="ziel-art">{row.kind}</span>
                                            {wording}
                                            <Remarks remarks=row.remarks lang=lang />
                                        </th>
                                        <td class="zahl">{row.target}</td>
                                        <td class="aktionen">
                                            <button type="button" on:click=edit aria-label=edit_label>{lang.pick("Bearbeiten", "Edit")}</button>
                                            <button type="button" on:click=move |_| on_remove(target) aria-label=remove_label>
                                                {lang.pick("Entfernen", "Remove")}
                                            </button>
                                        </td>
                                    </tr>
                                }
                            })
                            .collect_view()}
                    </tbody>
                </table>
            </div>
        }
        .into_any()
    }
}

/// "„Integrationen – Frauen“ und „Integrationen – Männer“": the titles of removed targets for the undo line.
fn removed_names(
    workspace: &crate::domain::workspace::Workspace,
    removed: &[RemovedTarget],
    lang: Lang,
) -> String {
    let catalogue = workspace.catalogue();
    let titles: Vec<String> = removed
        .iter()
        .map(|r| {
            let indicator = r
                .target
                .format
                .subject()
                .and_then(|s| catalogue.get(s.indicator.as_str()));
            let title = crate::domain::names::title(&r.target, indicator, lang);
            crate::tr!(lang, "„{title}“", "“{title}”")
        })
        .collect();
    crate::present::overview::join_and(&titles, lang)
}

/// The `<option>`s of a choice table, their texts in `lang`.
fn options<T>(table: &'static [Choice<T>], lang: Lang) -> impl IntoView {
    table
        .iter()
        .map(|c| view! { <option value=c.key>{c.label(lang)}</option> })
        .collect_view()
}

/// A text input bound to one field of the draft, with its error message next to it.
fn draft_input(
    draft: RwSignal<Option<Draft>>,
    errors: RwSignal<Vec<(Field, String)>>,
    field: Field,
    label: &'static str,
    get: fn(&Draft) -> String,
    set: fn(&mut Draft, String),
) -> impl IntoView {
    let error =
        move || errors.with(|e| e.iter().find(|(f, _)| *f == field).map(|(_, m)| m.clone()));
    let error_id = format!("{}-fehler", field.id());
    view! {
        <div class="feld">
            <label for=field.id()>{label}</label>
            <input type="text" inputmode="decimal" id=field.id() class="kurz"
                prop:value=move || draft.with(|d| d.as_ref().map(get).unwrap_or_default())
                on:input=move |ev| draft.update(|d| if let Some(d) = d { set(d, event_target_value(&ev)) })
                aria-invalid=move || error().map(|_| "true")
                aria-describedby=error_id.clone() />
            <span id=error_id class="feldfehler">{error}</span>
        </div>
    }
}

/// The form of one target (or of a total with its gender parts).
#[component]
fn TargetFormPanel(
    id: AgreementId,
    draft: RwSignal<Option<Draft>>,
    message: RwSignal<String>,
    undo: RwSignal<Option<(String, Undo)>>,
) -> impl IntoView {
    let state = use_state();
    let lang = state.lang.get_untracked();
    let errors: RwSignal<Vec<(Field, String)>> = RwSignal::new(Vec::new());
    let new_indicator = RwSignal::new(false);
    let kind = Memo::new(move |_| draft.with(|d| d.as_ref().map(|d| d.kind).unwrap_or_default()));
    let editing = Memo::new(move |_| {
        draft.with(|d| {
            d.as_ref()
                .is_some_and(|d| d.ids.iter().any(Option::is_some))
        })
    });
    let indicators = Memo::new(move |_| {
        state.workspace.with(|w| {
            w.catalogue()
                .all()
                .map(|i| {
                    (
                        i.code.0.clone(),
                        format!("{} – {}", i.code, i.display_name(lang)),
                    )
                })
                .collect::<Vec<_>>()
        })
    });
    let hint = Memo::new(move |_| draft.with(|d| d.as_ref().and_then(|d| parts_hint(d, lang))));
    let relative_hint =
        Memo::new(move |_| draft.with(|d| d.as_ref().and_then(|d| relative_change_hint(d, lang))));

    let save = move |_| {
        let Some(d) = draft.get_untracked() else {
            return;
        };
        let built = state
            .workspace
            .with_untracked(|w| build(&d, &w.catalogue(), w.next_target_id(), lang));
        match built {
            Err(list) => {
                errors.set(list);
                message.set(
                    lang.pick(
                        "Bitte die markierten Felder korrigieren.",
                        "Please correct the marked fields.",
                    )
                    .into(),
                );
            }
            Ok(b) => {
                let count = b.put.len();
                let mut failed = None;
                let mut removed = Vec::new();
                state.workspace.update(|w| {
                    for t in &b.remove {
                        removed.extend(w.remove_target(id, *t));
                    }
                    for t in b.put {
                        if let Err(e) = w.put_target(id, t, lang) {
                            failed = Some(e);
                        }
                    }
                });
                match failed {
                    Some(e) => message.set(e),
                    None => {
                        message.set(match (count, lang) {
                            (1, _) => lang.pick("Ziel gespeichert.", "Target saved.").into(),
                            (_, Lang::De) => format!("{count} Ziele gespeichert."),
                            (_, Lang::En) => format!("{count} targets saved."),
                        });
                        // Emptied part fields remove those targets: said, and undoable.
                        if !removed.is_empty() {
                            let names = state
                                .workspace
                                .with_untracked(|w| removed_names(w, &removed, lang));
                            let text = match removed.len() {
                                1 => crate::tr!(
                                    lang,
                                    "Ziel {names} entfernt (Feld geleert).",
                                    "Target {names} removed (field emptied)."
                                ),
                                _ => crate::tr!(
                                    lang,
                                    "Ziele {names} entfernt (Felder geleert).",
                                    "Targets {names} removed (fields emptied)."
                                ),
                            };
                            undo.set(Some((text, Undo::Targets(removed))));
                        }
                        errors.set(Vec::new());
                        draft.set(None);
                    }
                }
            }
        }
    };
    let select = move |get: fn(&Draft) -> String, set: fn(&mut Draft, &str)| {
        (
            move || draft.with(|d| d.as_ref().map(get).unwrap_or_default()),
            move |ev: leptos::ev::Event| {
                draft.update(|d| {
                    if let Some(d) = d {
                        set(d, &event_target_value(&ev))
                    }
                })
            },
        )
    };
    let (kind_value, kind_change) = select(
        |d| d.kind.slug().to_owned(),
        |d, v| d.kind = Kind::from_slug(v).unwrap_or_default(),
    );
    let (ind_value, ind_change) =
        select(|d| d.indicator.clone(), |d, v| d.indicator = v.to_owned());
    let (pop_value, pop_change) = select(
        |d| key_of(POPULATIONS, Some(d.population.unwrap_or(Population::Total))).to_owned(),
        |d, v| d.population = from_key(POPULATIONS, v),
    );
    let (cat_value, cat_change) = select(
        |d| key_of(CATEGORIES, d.category).to_owned(),
        |d, v| d.category = from_key(CATEGORIES, v),
    );
    let (unit_value, unit_change) = select(
        |d| key_of(UNITS, d.unit).to_owned(),
        |d, v| d.unit = from_key(UNITS, v),
    );
    let (limit_value, limit_change) = select(
        |d| key_of(LIMITS, Some(d.limit.unwrap_or(ChangeLimit::RiseAtMost))).to_owned(),
        |d, v| d.limit = from_key(LIMITS, v),
    );
    let (status_value, status_change) = select(
        |d| key_of(STATUSES, Some(d.status.unwrap_or(ManualStatus::Open))).to_owned(),
        |d, v| d.status = from_key(STATUSES, v),
    );
    let indicator_error = move || {
        errors.with(|e| {
            e.iter()
                .find(|(f, _)| *f == Field::Indicator)
                .map(|(_, m)| m.clone())
        })
    };
    let description_error = move || {
        errors.with(|e| {
            e.iter()
                .find(|(f, _)| *f == Field::Description)
                .map(|(_, m)| m.clone())
        })
    };

    view! {
        <section class="zielformular" aria-labelledby="zielformular-titel">
            <h3 id="zielformular-titel">
                {move || if editing.get() { lang.pick("Ziel bearbeiten", "Edit target") } else { lang.pick("Neues Ziel", "New target") }}
            </h3>
            <div class="formular-zeile">
                <div class="feld breit">
                    <label for="ziel-format">"Format"</label>
                    <select id="ziel-format" prop:value=kind_value on:change=kind_change>
                        {Kind::ALL.into_iter().map(|k| view! { <option value=k.slug()>{k.label(lang)}</option> }).collect_view()}
                    </select>
                </div>
                <div class="feld">
                    <label for="ziel-kategorie">{lang.pick("Kategorie", "Category")}</label>
                    <select id="ziel-kategorie" prop:value=cat_value on:change=cat_change>
                        <option value="">{lang.pick("(nach Format)", "(from the format)")}</option>
                        {options(CATEGORIES, lang)}
                    </select>
                </div>
            </div>
            <Show when=move || kind.get().has_indicator()>
                <div class="formular-zeile">
                    <div class="feld breit">
                        <label for="ziel-kennzahl">{lang.pick("Kennzahl", "Indicator")}</label>
                        <select id="ziel-kennzahl" prop:value=ind_value on:change=ind_change
                            aria-invalid=move || indicator_error().map(|_| "true") aria-describedby="ziel-kennzahl-fehler">
                            <option value="">{lang.pick("Bitte wählen", "Please choose")}</option>
                            {move || indicators.get().into_iter().map(|(code, label)| view! { <option value=code>{label}</option> }).collect_view()}
                        </select>
                        <span id="ziel-kennzahl-fehler" class="feldfehler">{indicator_error}</span>
                        <button type="button" class="klein" on:click=move |_| new_indicator.update(|v| *v = !*v)
                            aria-expanded=move || new_indicator.get().to_string()>
                            {lang.pick("Eigene Kennzahl anlegen", "Create own indicator")}
                        </button>
                    </div>
                    <Show when=move || !kind.get().has_parts()>
                        <div class="feld">
                            <label for="ziel-gruppe">{lang.pick("Personengruppe", "Group of people")}</label>
                            <select id="ziel-gruppe" prop:value=pop_value on:change=pop_change>
                                {options(POPULATIONS, lang)}
                            </select>
                        </div>
                    </Show>
                </div>
            </Show>
            <Show when=move || new_indicator.get() && kind.get().has_indicator()>
                <OwnIndicatorForm on_added=move |code| {
                    draft.update(|d| if let Some(d) = d { d.indicator = code });
                    new_indicator.set(false);
                } />
            </Show>
            {move || match kind.get() {
                Kind::Minimum | Kind::Maximum => view! {
                    <div class="formular-zeile teile">
                        {draft_input(draft, errors, Field::Total, lang.pick("Insgesamt", "Total"), |d| d.total.clone(), |d, v| d.total = v)}
                        {draft_input(draft, errors, Field::Women, lang.pick("Frauen", "Women"), |d| d.women.clone(), |d, v| d.women = v)}
                        {draft_input(draft, errors, Field::Men, lang.pick("Männer", "Men"), |d| d.men.clone(), |d, v| d.men = v)}
                    </div>
                    <p class="teile-hinweis" role="status" aria-live="polite">
                        {move || hint.get().map(|h| match lang {
                            Lang::De => format!("⚠ Die Teilziele ergeben nicht das Gesamtziel: {h}"),
                            Lang::En => format!("⚠ The targets for women and men do not add up to the total target: {h}"),
                        })}
                    </p>
                }
                .into_any(),
                Kind::QuotaIncrease => view! {
                    <div class="formular-zeile">
                        {draft_input(draft, errors, Field::Baseline, lang.pick("Ausgangswert in % (falls bekannt)", "Baseline in % (if known)"), |d| d.baseline.clone(), |d, v| d.baseline = v)}
                        {draft_input(draft, errors, Field::Change, lang.pick("Veränderung um", "Change by"), |d| d.change.clone(), |d, v| d.change = v)}
                        <div class="feld">
                            <label for="ziel-einheit">{lang.pick("Einheit der Veränderung", "Unit of the change")}</label>
                            <select id="ziel-einheit" prop:value=unit_value on:change=unit_change>
                                {options(UNITS, lang)}
                            </select>
                        </div>
                        {draft_input(draft, errors, Field::Target, lang.pick("Zielwert in %", "Target value in %"), |d| d.target.clone(), |d, v| d.target = v)}
                    </div>
                }
                .into_any(),
                Kind::ChangeVsPreviousYear => view! {
                    <div class="formular-zeile">
                        <div class="feld">
                            <label for="ziel-grenze">{lang.pick("Der Wert", "The value")}</label>
                            <select id="ziel-grenze" prop:value=limit_value on:change=limit_change>
                                {options(LIMITS, lang)}
                            </select>
                        </div>
                        {draft_input(draft, errors, Field::Change, lang.pick("Veränderung um", "Change by"), |d| d.change.clone(), |d, v| d.change = v)}
                        <div class="feld">
                            <label for="ziel-einheit">{lang.pick("Einheit", "Unit")}</label>
                            <select id="ziel-einheit" prop:value=unit_value on:change=unit_change>
                                {options(UNITS, lang)}
                            </select>
                        </div>
                    </div>
                    <p class="hilfe">
                        {lang.pick(
                            "Gemessen am Ist-Wert des Vorjahres; der Zielwert ergibt sich daraus.",
                            "Measured against the previous year's actual value; the target value follows from it.",
                        )}
                    </p>
                }
                .into_any(),
                Kind::QuotaRelativeChange => view! {
                    <div class="formular-zeile">
                        {draft_input(draft, errors, Field::Baseline, lang.pick("von (Ausgangswert in %)", "from (baseline in %)"), |d| d.baseline.clone(), |d, v| d.baseline = v)}
                        {draft_input(draft, errors, Field::Change, lang.pick("Veränderung in %", "Change in %"), |d| d.change.clone(), |d, v| d.change = v)}
                        {draft_input(draft, errors, Field::Target, lang.pick("auf (Zielwert in %)", "to (target value in %)"), |d| d.target.clone(), |d, v| d.target = v)}
                    </div>
                    <p class="hilfe">
                        {lang.pick(
                            "Zwei der drei Zahlen genügen; die dritte wird berechnet.",
                            "Two of the three numbers are enough; the third is computed.",
                        )}
                    </p>
                    <p class="teile-hinweis" role="status" aria-live="polite">{move || relative_hint.get().map(|(_, h)| h)}</p>
                }
                .into_any(),
                Kind::Monitoring => view! {
                    <p class="hilfe">
                        {lang.pick(
                            "Ohne Zielwert: Verlauf und Veränderung zum Vorjahr werden gezeigt.",
                            "No target value: the course over the year and the change on the previous year are shown.",
                        )}
                    </p>
                }
                .into_any(),
                Kind::Qualitative => view! {
                    <div class="feld">
                        <label for="ziel-beschreibung">{lang.pick("Beschreibung", "Description")}</label>
                        <textarea id="ziel-beschreibung" rows="3" class="notizen"
                            prop:value=move || draft.with(|d| d.as_ref().map(|d| d.description.clone()).unwrap_or_default())
                            on:input=move |ev| draft.update(|d| if let Some(d) = d { d.description = event_target_value(&ev) })
                            aria-invalid=move || description_error().map(|_| "true") aria-describedby="ziel-beschreibung-fehler"></textarea>
                        <span id="ziel-beschreibung-fehler" class="feldfehler">{description_error}</span>
                    </div>
                    <div class="feld">
                        <label for="ziel-bewertung">{lang.pick("Bewertung", "Assessment")}</label>
                        <select id="ziel-bewertung" prop:value=status_value on:change=status_change>
                            {options(STATUSES, lang)}
                        </select>
                    </div>
                }
                .into_any(),
            }}
            <div class="formular-zeile">
                <div class="feld breit">
                    <label for="ziel-titel-feld">{lang.pick("Titel (optional)", "Title (optional)")}</label>
                    <input id="ziel-titel-feld" type="text"
                        prop:value=move || draft.with(|d| d.as_ref().map(|d| d.title.clone()).unwrap_or_default())
                        on:input=move |ev| draft.update(|d| if let Some(d) = d { d.title = event_target_value(&ev) }) />
                </div>
            </div>
            <div class="knopfleiste links">
                <button type="button" class="haupt" on:click=save>{lang.pick("Ziel speichern", "Save target")}</button>
                <button type="button" on:click=move |_| { errors.set(Vec::new()); draft.set(None); }>
                    {lang.pick("Abbrechen", "Cancel")}
                </button>
            </div>
        </section>
    }
}

/// Defining one's own indicator (e.g. "Integrationen U25 in voll qualifizierende Ausbildung").
#[component]
fn OwnIndicatorForm(on_added: impl Fn(String) + Copy + Send + Sync + 'static) -> impl IntoView {
    use crate::domain::indicator::{
        Aggregation, Denominator, Direction, Indicator, IndicatorCode, Unit,
    };
    let state = use_state();
    let lang = state.lang.get_untracked();
    let code = RwSignal::new(String::new());
    let name = RwSignal::new(String::new());
    let unit = RwSignal::new("Anzahl".to_owned());
    let rule = RwSignal::new("Summe".to_owned());
    let direction = RwSignal::new("höher".to_owned());
    let error = RwSignal::new(String::new());
    let add = move |_| {
        let (unit, aggregation) =
            match (unit.get_untracked().as_str(), rule.get_untracked().as_str()) {
                (_, "Quote Σ/Σ") => (Unit::Percent, Aggregation::Quota(Denominator::Sum)),
                (_, "Quote Σ/Ø") => (Unit::Percent, Aggregation::Quota(Denominator::Average)),
                (u, r) => (
                    match u {
                        "Personen" => Unit::Persons,
                        "Euro" => Unit::Euro,
                        "Prozent" => Unit::Percent,
                        _ => Unit::Count,
                    },
                    if r == "Durchschnitt" {
                        Aggregation::Stock
                    } else {
                        Aggregation::Flow
                    },
                ),
            };
        let indicator = Indicator {
            code: IndicatorCode::new(code.get_untracked().trim()),
            name: name.get_untracked(),
            name_en: String::new(),
            unit,
            aggregation,
            direction: match direction.get_untracked().as_str() {
                "niedriger" => Direction::LowerIsBetter,
                "neutral" => Direction::Neutral,
                _ => Direction::HigherIsBetter,
            },
            phrase_de: String::new(),
            phrase_en: String::new(),
        };
        let new_code = indicator.code.0.clone();
        let mut result = Ok(());
        state
            .workspace
            .update(|w| result = w.add_indicator(indicator, lang));
        match result {
            Ok(()) => {
                error.set(String::new());
                on_added(new_code);
            }
            Err(e) => error.set(e),
        }
    };
    // Each option: its value (the German word, which the code above reads) and its German and English text.
    let choice = move |id: &'static str,
                       label: &'static str,
                       signal: RwSignal<String>,
                       options: &'static [(&'static str, &'static str)]| {
        view! {
            <div class="feld">
                <label for=id>{label}</label>
                <select id=id prop:value=move || signal.get() on:change=move |ev| signal.set(event_target_value(&ev))>
                    {options.iter().map(|&(de, en)| view! { <option value=de>{lang.pick(de, en)}</option> }).collect_view()}
                </select>
            </div>
        }
    };
    view! {
        <fieldset class="eigene-kennzahl">
            <legend>{lang.pick("Eigene Kennzahl", "Own indicator")}</legend>
            <div class="formular-zeile">
                <div class="feld">
                    <label for="kz-code">"Code"</label>
                    <input id="kz-code" type="text" class="kurz" placeholder=lang.pick("z. B. INT-U25", "e.g. INT-U25")
                        prop:value=move || code.get() on:input=move |ev| code.set(event_target_value(&ev)) />
                </div>
                <div class="feld breit">
                    <label for="kz-name">{lang.pick("Bezeichnung", "Name")}</label>
                    <input id="kz-name" type="text" prop:value=move || name.get() on:input=move |ev| name.set(event_target_value(&ev)) />
                </div>
            </div>
            <div class="formular-zeile">
                {choice(
                    "kz-einheit",
                    lang.pick("Einheit", "Unit"),
                    unit,
                    &[("Anzahl", "Count"), ("Personen", "Persons"), ("Euro", "Euro"), ("Prozent", "Percent")],
                )}
                {choice(
                    "kz-regel",
                    lang.pick("Jahreswert aus Monaten", "Annual value from the months"),
                    rule,
                    &[("Summe", "Sum"), ("Durchschnitt", "Average"), ("Quote Σ/Σ", "Rate Σ/Σ"), ("Quote Σ/Ø", "Rate Σ/Ø")],
                )}
                {choice(
                    "kz-richtung",
                    lang.pick("Besser ist", "Better is"),
                    direction,
                    &[("höher", "higher"), ("niedriger", "lower"), ("neutral", "neutral")],
                )}
            </div>
            <p class="feldfehler" role="alert">{move || error.get()}</p>
            <div class="knopfleiste links">
                <button type="button" on:click=add>{lang.pick("Kennzahl anlegen", "Create indicator")}</button>
            </div>
        </fieldset>
    }
}

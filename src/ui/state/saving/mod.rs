//! Persistence, the part of the state that keeps the workspace in this browser's storage: the save protocol
//! (`save.rs`: every change saved, the years that changed and the manifest, under the origin's save lock where
//! the browser has Web Locks), taking in other tabs' saves (`watch.rs`: recognised by their stamp, merged
//! three-way with this tab's changes, `domain::merge`), the second step of start-up (`complete.rs`), and the
//! notices that say what the user must know. Nothing is written over data that could not be read, nor over
//! another tab's change this tab has not taken in; saving over either is one of two named choices
//! ([`crate::persistence::Over`]).
//!
//! Who may write what: only this part writes storage's workspace keys, the notice and the save state;
//! components read them through tracked getters and act through the user's choices (`take_over_stored`,
//! `save_mine_anyway`, `start_anew`, `dismiss_notice`). The safety net and the workspace file follow what
//! happens here through one seam, [`Persistence::follow`] with its [`Event`]s, never by calls inside the save code.

use std::rc::Rc;

use leptos::prelude::*;

use super::Data;
use crate::core::calendar::Year;
use crate::domain::example;
use crate::domain::merge::Conflict;
use crate::domain::workspace::{LoadError, Workspace};
use crate::persistence::{Committed, Startup, StoreView, YearKeys};
use crate::storage::{self, StorageError};
use crate::ui::clock::now_iso;

mod choices;
mod complete;
mod save;
mod watch;

/// A storage matter the user must know about.
#[derive(Clone, Debug, PartialEq)]
pub enum Notice {
    /// No localStorage at all: the app works in memory only.
    Unavailable,
    /// The stored workspace could not be read; it is kept (also under `aside_key`) and not written over.
    Unreadable {
        raw: String,
        error: LoadError,
        aside_key: Option<String>,
    },
    /// Year keys that no manifest accounts for were kept aside under `key` (and removed where they were): said,
    /// with their text to download (issue 21, loss 6).
    KeptAside {
        key: String,
        count: usize,
        raw: String,
    },
    /// The last change did not fit into storage; it lives in memory only.
    QuotaExceeded,
    /// Another tab saved changes that clash with this tab's: nothing is saved until the user chooses.
    Conflict {
        theirs: u64,
        conflicts: Vec<Conflict>,
    },
    /// This tab took over what another tab saved.
    ReloadedFromOtherTab,
    /// Another tab saved at the same time; both tabs' changes are now in one saved workspace.
    MergedWithOtherTab,
    /// The revision counter is at its end (a crafted store): nothing can be saved any more.
    RevisionExhausted,
    /// Any other storage error.
    Failed(StorageError),
}

/// How the last change stands with storage: what the grid says after a commit follows this, not a guess.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SaveState {
    /// Everything is saved.
    Saved,
    /// A save is on its way (waiting for the lock).
    Pending,
    /// The last change is not saved; a notice says why.
    NotSaved,
}

/// What happened to the workspace with storage: the seam that the safety net and the workspace file follow.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Event {
    /// A commit of this tab is stored; the revision has moved.
    Saved,
    /// A change is not in this browser's storage (refused, or saving is off); a notice or the save state says
    /// why. The linked file still gets it.
    NotSaved,
    /// What storage holds became this tab's workspace: another tab's save taken in, the stored version chosen,
    /// or a fresh start over an unreadable store. It may be another workspace than before.
    TookIn,
}

type Follower = Rc<dyn Fn(Event)>;

/// The persistence part of the state. `Copy`; provided by context ([`super::use_persistence`]).
#[derive(Clone, Copy)]
pub struct Persistence {
    data: Data,
    notice: RwSignal<Option<Notice>>,
    save_state: RwSignal<SaveState>,
    /// The revision of the commit storage holds as far as this tab knows (counts the saved changes).
    revision: RwSignal<u64>,
    /// What this tab knows of storage (`None` without storage).
    sync: StoredValue<Option<StoreView>>,
    /// False while saving would destroy something (unreadable store) or is impossible.
    may_save: RwSignal<bool>,
    /// A save waits for the lock; further changes ride along with it.
    queued: StoredValue<bool>,
    /// The store came from a build before schema 3: laid out anew as soon as the app runs.
    relayout: StoredValue<bool>,
    /// The years whose values start-up has not read yet ([`Persistence::ensure_complete`]).
    rest: StoredValue<Vec<Year>>,
    /// How often a save has looked again for a manifest that year keys lack (see `save.rs`).
    manifest_looks: StoredValue<u8>,
    /// Who follows what happens here ([`Persistence::follow`]).
    followers: StoredValue<Vec<Follower>, LocalStorage>,
    /// The text of years' values already written (a file taken in), for the next save only.
    written: StoredValue<Vec<crate::persistence::Encoded>>,
}

/// A new id for this tab's saves: "t-" and eight hex digits from the browser's random numbers and clock.
fn writer_id() -> String {
    let random = (js_sys::Math::random() * f64::from(u32::MAX)) as u32;
    let clock = (js_sys::Date::now() as u64 & 0xffff) as u32;
    format!("t-{:08x}", random ^ clock)
}

/// The years the first screen needs: the latest agreement's year (its agreement and values, and those of the two
/// years before, which its previous-year figures need); the other years are read right after it is painted.
fn first_years(keys: &YearKeys) -> Option<std::collections::BTreeSet<Year>> {
    // As `Workspace::start_year`: the latest agreement's year, else this year.
    let start = keys
        .agreements
        .keys()
        .next_back()
        .copied()
        .or(crate::ui::clock::this_year())
        .unwrap_or(Year::EARLIEST);
    let before = start.previous();
    Some(
        [Some(start), before, before.and_then(Year::previous)]
            .into_iter()
            .flatten()
            .collect(),
    )
}

impl Persistence {
    /// Reads storage and decides what the app starts with: the workspace (in the returned part's [`Data`]).
    pub(super) fn new() -> Persistence {
        let writer = writer_id();
        let fresh = |ws: Workspace| Some(StoreView::new(&writer, Committed::none(ws)));
        let (startup, rest) = match storage::load_first(first_years) {
            Ok((startup, rest)) => (Ok(startup), rest),
            Err(e) => (Err(e), Vec::new()),
        };
        let (workspace, sync, notice, may_save, relayout) = match startup {
            Err(_) => (
                example::odenwaldkreis(),
                None,
                Some(Notice::Unavailable),
                false,
                false,
            ),
            Ok(Startup::Fresh) => {
                let ws = example::odenwaldkreis();
                (ws.clone(), fresh(ws), None, true, false)
            }
            Ok(Startup::Loaded {
                committed, whole, ..
            }) => (
                committed.workspace.clone(),
                Some(StoreView::new(&writer, committed)),
                None,
                true,
                whole,
            ),
            Ok(Startup::Unreadable { raw, error }) => {
                let aside_key = storage::keep_aside(&raw, &now_iso()).ok();
                let ws = example::odenwaldkreis();
                (
                    ws.clone(),
                    fresh(ws),
                    Some(Notice::Unreadable {
                        raw,
                        error,
                        aside_key,
                    }),
                    false,
                    false,
                )
            }
        };
        crate::ui::trace::mark("zs:read");
        let revision = sync
            .as_ref()
            .and_then(|s| s.committed())
            .map_or(0, |c| c.stamp.revision);
        Persistence {
            data: Data::new(workspace),
            notice: RwSignal::new(notice),
            save_state: RwSignal::new(SaveState::Saved),
            revision: RwSignal::new(revision),
            sync: StoredValue::new(sync),
            may_save: RwSignal::new(may_save),
            queued: StoredValue::new(false),
            relayout: StoredValue::new(relayout),
            rest: StoredValue::new(rest),
            manifest_looks: StoredValue::new(0),
            followers: StoredValue::new_local(Vec::new()),
            written: StoredValue::new(Vec::new()),
        }
    }

    /// The workspace this part keeps in storage.
    pub(super) fn data(self) -> Data {
        self.data
    }

    /// `f` runs after each [`Event`], in the order the followers came. The one seam through which the other
    /// parts learn what happened to the workspace with storage.
    pub(super) fn follow(self, f: impl Fn(Event) + 'static) {
        self.followers.update_value(|all| all.push(Rc::new(f)));
    }

    fn tell(self, event: Event) {
        for follower in self.followers.get_value() {
            follower(event);
        }
    }

    /// What the user must know about storage now. Tracked.
    pub fn notice(self) -> Option<Notice> {
        self.notice.get()
    }

    /// "Schließen" on a notice that only informs.
    pub fn dismiss_notice(self) {
        self.notice.set(None);
    }

    /// How the last change stands with storage. Tracked.
    pub fn save_state(self) -> SaveState {
        self.save_state.get()
    }

    /// The revision of the commit this tab knows (counts the saved changes). Tracked.
    pub fn revision(self) -> u64 {
        self.revision.get()
    }

    /// As [`Persistence::revision`], untracked.
    pub(super) fn revision_untracked(self) -> u64 {
        self.revision.get_untracked()
    }

    /// Whether saving is on (off over an unreadable store, or without storage). Untracked.
    pub(super) fn may_save(self) -> bool {
        self.may_save.get_untracked()
    }

    /// The text of years' values as a file taken in already holds them (`jobs::client::take`): the next save
    /// writes those very values with it instead of writing their text again (55 years: most of that save's time).
    pub fn expect_written(self, written: Vec<crate::persistence::Encoded>) {
        self.written.set_value(written);
    }

    /// Whether the browser gives the app any storage at all. Tracked.
    pub fn storage_available(self) -> bool {
        !self.notice.with(|n| matches!(n, Some(Notice::Unavailable)))
    }

    /// Whether the stored data could not be read (and so is kept, and nothing is saved). Tracked.
    pub fn store_unreadable(self) -> bool {
        self.notice
            .with(|n| matches!(n, Some(Notice::Unreadable { .. })))
    }

    /// As [`Persistence::store_unreadable`], untracked.
    pub(super) fn store_unreadable_untracked(self) -> bool {
        self.notice
            .with_untracked(|n| matches!(n, Some(Notice::Unreadable { .. })))
    }

    /// This tab's writer id (stamps its saves, and its writes of the workspace file).
    pub(super) fn writer(self) -> Option<String> {
        self.sync
            .with_value(|s| s.as_ref().map(|s| s.writer.clone()))
    }

    /// Sets `revision` from the commit this tab knows.
    fn note_revision(self) {
        let revision = self.sync.with_value(|s| {
            s.as_ref()
                .and_then(|s| s.committed())
                .map_or(0, |c| c.stamp.revision)
        });
        self.revision.set(revision);
    }
}

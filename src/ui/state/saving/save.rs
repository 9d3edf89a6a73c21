//! Saving, and taking in other tabs' saves. A change asks for a save; the save runs under the origin's save lock
//! (Web Locks) and reads the manifest's stamp there: if storage holds what this tab knows, it commits the years
//! that changed and the manifest on top (`persistence::plan_save`, `commit`); if another tab saved since, it
//! first reads that commit (only the years it does not know) and merges.

use leptos::prelude::*;

use super::{Event, Notice, Persistence, SaveState};
use crate::domain::merge::Merge;
use crate::domain::workspace::{LoadError, Workspace};
use crate::locale::Lang;
use crate::persistence::{
    Committed, Over, Refused, SaveStep, Stamp, Startup, base_of_chosen_save, base_of_save, commit,
    plan_save_with, read, remove_unnamed, stamp_of,
};
use crate::storage::{self, LocalStore, StorageError};
use crate::ui::clock::now_iso;

/// How long the old keys of a save made without the Web Lock stay (another tab may be committing on top of them
/// at the same moment).
const GRACE: std::time::Duration = std::time::Duration::from_secs(2);

/// When a save made without the Web Lock looks again whether another tab's save overtook it.
const CATCH_UP: std::time::Duration = std::time::Duration::from_millis(250);

/// Year keys without a manifest at a save may be another tab's commit under way: in Chromium a tab can get the
/// save lock before the other tab's last writes to localStorage (its manifest) have reached it. Looked at again
/// this often, this far apart, before the store is taken for unreadable.
const MANIFEST_LOOKS: u8 = 6;
const MANIFEST_WAIT: std::time::Duration = std::time::Duration::from_millis(150);

impl Persistence {
    /// After a change: ask for a save, or say why there is none.
    pub(in crate::ui::state) fn changed(self) {
        if self.may_save.get_untracked() && self.sync.with_value(Option::is_some) {
            self.request_save();
        } else {
            self.save_state.set(SaveState::NotSaved);
            // Not in this browser's storage: the linked file, if any, still gets it (issue 21, loss 1).
            self.tell(Event::NotSaved);
        }
    }

    /// A change is about to come (a value is being typed): the save lock is asked for now, so that the save can
    /// follow the commit in the same task. Held two seconds at most, so another tab never waits longer.
    pub fn expect_change(self) {
        if self.may_save.get_untracked() && self.sync.with_value(Option::is_some) {
            storage::hold_save_lock(std::time::Duration::from_secs(2));
        }
    }

    /// Asks for a save of the current workspace: under the save lock, after which it runs once for every change
    /// made meanwhile.
    fn request_save(self) {
        self.ensure_complete();
        if !self.may_save.get_untracked() || self.sync.with_value(Option::is_none) {
            self.save_state.set(SaveState::NotSaved);
            return;
        }
        if self.queued.get_value() {
            return;
        }
        self.queued.set_value(true);
        self.save_state.set(SaveState::Pending);
        storage::with_save_lock(move |locked| {
            self.queued.set_value(false);
            self.save_now(None, locked);
        });
    }

    /// Saves now (the caller holds the lock, or there is none): commits on top of what storage holds if this tab
    /// knows it, otherwise first merges with the other tab's save. `chosen`: the user chose to save over another
    /// tab's save or over an unreadable store (two cases, see [`Over`]).
    pub(super) fn save_now(self, chosen: Option<Over>, locked: bool) {
        self.ensure_complete();
        if !self.may_save.get_untracked() {
            return;
        }
        if self.rest.with_value(|rest| !rest.is_empty()) {
            // Years start-up has not read yet: a save without them would drop their keys.
            self.save_state.set(SaveState::NotSaved);
            return;
        }
        let force = chosen.is_some();
        crate::ui::trace::mark("zs:save");
        let stored = match storage::load_document() {
            Ok(stored) => stored,
            Err(e) => return self.failed(e),
        };
        let stored_stamp = stored.as_deref().map(stamp_of);
        let plan = match (&stored_stamp, force) {
            // A stored text whose stamp cannot be read is foreign: reconciling reads it in full.
            (Some(None), false) => SaveStep::Foreign(Stamp::none()),
            _ => self
                .sync
                .with_value(|s| {
                    s.as_ref().map(|s| {
                        s.next_step(
                            stored_stamp
                                .as_ref()
                                .and_then(|o| o.as_ref().map(|(st, _)| st)),
                            force,
                        )
                    })
                })
                .unwrap_or(SaveStep::Exhausted),
        };
        match plan {
            SaveStep::Write { stamp, parent } => {
                // On top of what storage holds: this tab's last commit, or (saving over another tab's, or over
                // what could not be read) what is there now, so that the manifest never names a key that is gone.
                let workspace = self.data.snapshot();
                let base = if let Some(over) = chosen {
                    base_of_chosen_save(&mut LocalStore, over, &workspace, &now_iso())
                } else {
                    let known = self
                        .sync
                        .with_value(|s| s.as_ref().and_then(|s| s.committed().cloned()));
                    base_of_save(&LocalStore, stored.as_deref(), known.as_ref(), &workspace)
                };
                let previous = match base {
                    Ok(committed) => committed,
                    Err(Refused::Unreadable { raw, error }) => {
                        if self.wait_for_manifest(&error, chosen) {
                            return;
                        }
                        return self.unreadable(raw, error);
                    }
                    Err(Refused::Storage(e)) => return self.failed(e),
                };
                if self.write(&stamp, parent.as_ref(), &workspace, &previous, locked) {
                    self.settle_notice();
                }
            }
            SaveStep::Foreign(_) => self.reconcile(locked),
            SaveStep::Exhausted => {
                self.save_state.set(SaveState::NotSaved);
                self.notice.set(Some(Notice::RevisionExhausted));
            }
        }
    }

    /// Commits `workspace` under `stamp` on top of `previous`; records the commit. `false` (with the notice set)
    /// when nothing was written.
    fn write(
        self,
        stamp: &Stamp,
        parent: Option<&Stamp>,
        workspace: &Workspace,
        previous: &Committed,
        locked: bool,
    ) -> bool {
        crate::ui::trace::mark("zs:plan");
        // Texts of a file taken in serve this save only; later saves write what they find.
        let written = self
            .written
            .try_update_value(std::mem::take)
            .unwrap_or_default();
        let plan = match plan_save_with(stamp, parent, workspace, previous, &written) {
            Ok(Some(plan)) => plan,
            Ok(None) => {
                self.save_state.set(SaveState::Saved);
                return true;
            }
            Err(e) => {
                self.save_state.set(SaveState::NotSaved);
                self.notice.set(Some(Notice::Failed(StorageError::Browser(
                    e.message(Lang::De),
                ))));
                return false;
            }
        };
        crate::ui::trace::mark("zs:write");
        let written = commit(&mut LocalStore, &plan, locked);
        crate::ui::trace::mark("zs:written");
        match written {
            Ok(()) => {
                if !locked {
                    // Without the lock another tab may have committed at the same moment, over this one: a look a
                    // moment later takes it in and merges, so that this commit's values are stored within a
                    // second (issue 21, loss 7).
                    set_timeout(move || self.catch_up(), CATCH_UP);
                }
                if !locked && !plan.removals.is_empty() {
                    let old = plan.removals.clone();
                    set_timeout(
                        move || {
                            remove_unnamed(&mut LocalStore, &old);
                        },
                        GRACE,
                    );
                }
                self.sync.update_value(|s| {
                    if let Some(s) = s {
                        s.wrote(plan.committed)
                    }
                });
                self.note_revision();
                self.manifest_looks.set_value(0);
                self.save_state.set(SaveState::Saved);
                self.tell(Event::Saved);
                true
            }
            Err(e) => {
                self.failed(e);
                false
            }
        }
    }

    /// Year keys without their manifest at a save: looked at again (under the lock) a few times before the store
    /// is said to be unreadable, as another tab's commit may not have fully reached this tab yet. `true` while a
    /// look is scheduled.
    fn wait_for_manifest(self, error: &LoadError, chosen: Option<Over>) -> bool {
        if !matches!(error, LoadError::ManifestMissing { .. }) {
            return false;
        }
        let looks = self.manifest_looks.get_value();
        if looks >= MANIFEST_LOOKS {
            self.manifest_looks.set_value(0);
            return false;
        }
        self.manifest_looks.set_value(looks + 1);
        self.save_state.set(SaveState::Pending);
        set_timeout(
            move || {
                storage::with_save_lock(move |locked| self.save_now(chosen, locked));
            },
            MANIFEST_WAIT,
        );
        true
    }

    /// A save that works again clears an earlier storage problem.
    fn settle_notice(self) {
        if matches!(
            self.notice.get_untracked(),
            Some(
                Notice::QuotaExceeded
                    | Notice::Failed(_)
                    | Notice::Unavailable
                    | Notice::Conflict { .. }
                    | Notice::RevisionExhausted
            )
        ) {
            self.notice.set(None);
        }
    }

    pub(super) fn failed(self, e: StorageError) {
        self.save_state.set(SaveState::NotSaved);
        self.notice.set(Some(match e {
            StorageError::QuotaExceeded => Notice::QuotaExceeded,
            StorageError::Unavailable => Notice::Unavailable,
            other => Notice::Failed(other),
        }));
        // The change is not in this browser's storage: the linked file, if any, still gets it.
        self.tell(Event::NotSaved);
    }

    /// Keeps what storage holds aside as unreadable and stops saving.
    pub(super) fn unreadable(self, raw: String, error: crate::domain::workspace::LoadError) {
        let aside_key = storage::keep_aside(&raw, &now_iso()).ok();
        self.may_save.set(false);
        self.save_state.set(SaveState::NotSaved);
        self.notice.set(Some(Notice::Unreadable {
            raw,
            error,
            aside_key,
        }));
    }

    /// Another tab saved: take in what storage holds now (read here, under the lock where there is one, so that
    /// nothing else is written between reading and writing). Without changes of this tab since the two last
    /// agreed, it is taken over; with changes, both sides are merged and committed; what both changed differently
    /// is left to the user.
    pub(super) fn reconcile(self, locked: bool) {
        self.ensure_complete();
        let known = self
            .sync
            .with_value(|s| s.as_ref().and_then(|s| s.committed().cloned()));
        let (theirs, parent) = match read(&LocalStore, known.as_ref()) {
            Ok(Startup::Loaded {
                committed, parent, ..
            }) => (committed, parent),
            Ok(Startup::Fresh) => return,
            Ok(Startup::Unreadable { raw, error }) => return self.unreadable(raw, error),
            Err(e) => return self.failed(e),
        };
        if self
            .sync
            .with_value(|s| s.as_ref().is_some_and(|s| s.is_known(Some(&theirs.stamp))))
        {
            return;
        }
        let mine = self.data.snapshot();
        let Some(merge) = self.sync.with_value(|s| {
            s.as_ref()
                .and_then(|s| s.base_for(parent.as_ref()))
                .map(|base| base.merge(&mine, &theirs.workspace))
        }) else {
            self.notice.set(Some(Notice::Conflict {
                theirs: theirs.stamp.revision,
                conflicts: Vec::new(),
            }));
            self.save_state.set(SaveState::NotSaved);
            return;
        };
        match merge {
            Merge::Clean(merged) => {
                self.sync.update_value(|s| {
                    if let Some(s) = s {
                        s.read(theirs.clone())
                    }
                });
                self.note_revision();
                if merged == theirs.workspace {
                    self.save_state.set(SaveState::Saved);
                    // Their commit's years, shared, so that the next save sees what changed since.
                    if self.data.replace(theirs.workspace) {
                        self.notice.set(Some(Notice::ReloadedFromOtherTab));
                    }
                    // That tab may have put another workspace in place: the safety net and the file follow.
                    self.tell(Event::TookIn);
                    return;
                }
                // Both sides changed something: the merge goes on top of theirs.
                let writer = self
                    .sync
                    .with_value(|s| s.as_ref().map(|s| s.writer.clone()).unwrap_or_default());
                let Some(stamp) = theirs.stamp.next(&writer) else {
                    self.notice.set(Some(Notice::RevisionExhausted));
                    return;
                };
                if self.write(&stamp, Some(&theirs.stamp), &merged, &theirs, locked) {
                    self.notice.set(Some(Notice::MergedWithOtherTab));
                }
                // The merge, sharing its years with the commit just written: not saved again.
                let committed = self
                    .sync
                    .with_value(|s| s.as_ref().and_then(|s| s.committed().cloned()));
                self.data.replace(match committed {
                    Some(c) if c.stamp == stamp => c.workspace,
                    _ => merged,
                });
                self.tell(Event::TookIn);
            }
            Merge::Conflicts(conflicts) => {
                self.save_state.set(SaveState::NotSaved);
                self.notice.set(Some(Notice::Conflict {
                    theirs: theirs.stamp.revision,
                    conflicts,
                }));
            }
        }
    }
}

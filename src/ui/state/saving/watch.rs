//! What runs for the whole life of the page: the store of an older schema laid out anew and orphans cleaned, the
//! years left by start-up read after the first paint, and the watch on other tabs (their storage events, and a
//! look at the stored stamp on focus, on coming into view and every two seconds).

use leptos::prelude::*;

use super::{Notice, Persistence};
use crate::persistence::{Cleaned, cleanup, stamp_of};
use crate::storage::{self, LocalStore};

impl Persistence {
    /// Installs saving and the watch for other tabs; lays out a store of an older build anew and removes what
    /// interrupted saves left behind. Once, from [`super::super::provide_state`].
    pub(in crate::ui::state) fn start(self) {
        if self.may_save.get_untracked() {
            storage::with_save_lock(move |locked| {
                if self.relayout.get_value() {
                    // A store of schema 2: written as a manifest and its years now, so that it reads as the same
                    // workspace from here on.
                    self.relayout.set_value(false);
                    self.save_now(None, locked);
                }
                // Only what the manifest stored now proves a leftover of this app's saves, or what is kept
                // aside first.
                if let Some(ours) = self.sync.with_value(|s| {
                    s.as_ref()
                        .map(|s| s.known_keys().cloned().collect::<Vec<_>>())
                }) {
                    match cleanup(&mut LocalStore, &ours, locked, &crate::ui::clock::now_iso()) {
                        Ok(Cleaned {
                            kept_aside: Some(kept),
                            ..
                        }) => {
                            if self.notice.get_untracked().is_none() {
                                self.notice.set(Some(Notice::KeptAside {
                                    key: storage::key(&kept.key),
                                    count: kept.names.len(),
                                    raw: kept.raw,
                                }));
                            }
                        }
                        Ok(_) => {}
                        // Nothing removed: the keys stay for the next start.
                        Err(_) => {}
                    }
                }
            });
        }
        // The years start-up left for later are read once the first screen is painted, or at once when another
        // year is chosen.
        request_animation_frame(move || {
            set_timeout(move || self.ensure_complete(), std::time::Duration::ZERO);
        });
        let document_key = storage::key(crate::persistence::DOCUMENT);
        let _listener =
            window_event_listener(leptos::ev::storage, move |ev: web_sys::StorageEvent| {
                if ev.key().as_deref() != Some(document_key.as_str()) {
                    return;
                }
                if ev.new_value().is_none() || !self.may_save.get_untracked() {
                    return;
                }
                if matches!(self.notice.get_untracked(), Some(Notice::Conflict { .. })) {
                    // The user is choosing; the choice reads storage as it is then.
                    return;
                }
                // What storage holds when this tab gets the lock, not the event's text: by then it may hold a
                // later save, whose parent this tab is more likely to know.
                storage::with_save_lock(move |locked| self.reconcile(locked));
            });
        // A storage event can be missed (a frozen background tab does not get it): on coming back into view and
        // every two seconds, a tab compares the stored stamp with the one it knows and takes in what it missed.
        let look = move || self.catch_up();
        let _focus = window_event_listener(leptos::ev::focus, move |_| look());
        let _visible = window_event_listener(leptos::ev::visibilitychange, move |_| {
            if !document().hidden() {
                look();
            }
        });
        let _poll = set_interval_with_handle(
            move || {
                if !document().hidden() {
                    look();
                }
            },
            std::time::Duration::from_secs(2),
        );
        // A tab closed right after a change: its queued save runs at once (without waiting for the lock).
        let _hide = window_event_listener(leptos::ev::pagehide, move |_| {
            if self.queued.get_value() {
                self.queued.set_value(false);
                self.save_now(None, false);
            }
        });
    }
}

impl Persistence {
    /// Compares the stored stamp with the one this tab knows and takes in what it missed (a storage event can be
    /// missed; a save made without the Web Lock can be overtaken by another tab's at the same moment).
    pub(super) fn catch_up(self) {
        if self.queued.get_value()
            || !self.may_save.get_untracked()
            || matches!(self.notice.get_untracked(), Some(Notice::Conflict { .. }))
        {
            return;
        }
        let stored = storage::load_document().ok().flatten();
        let known = self.sync.with_value(|s| {
            s.as_ref().is_none_or(|s| match stored.as_deref() {
                None => true,
                Some(text) => stamp_of(text).is_some_and(|(st, _)| s.is_known(Some(&st))),
            })
        });
        if !known {
            storage::with_save_lock(move |locked| self.reconcile(locked));
        }
    }
}

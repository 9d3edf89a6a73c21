//! Start-up in two steps (issue 16): the years the first screen does not need are read right after it is painted,
//! or at once before anything needs the whole workspace.

use leptos::prelude::*;

use super::{Notice, Persistence, example};
use crate::persistence::{Committed, RestError, StoreView};
use crate::storage;

impl Persistence {
    /// Reads the years start-up left for later, if any are left: the workspace is then complete. Runs right
    /// after the first screen is painted, and before anything that changes, saves, merges or exports the
    /// workspace, so none of these ever sees a part of it. A year that cannot be read makes the store
    /// unreadable as at start-up: kept aside, never written over, and said.
    pub fn ensure_complete(self) {
        let rest = self
            .rest
            .try_update_value(std::mem::take)
            .unwrap_or_default();
        if rest.is_empty() {
            return;
        }
        let Some(committed) = self
            .sync
            .with_value(|s| s.as_ref().and_then(|s| s.committed().cloned()))
        else {
            return;
        };
        crate::ui::trace::mark("zs:rest-begin");
        let read = storage::load_rest(&committed, &rest);
        crate::ui::trace::mark("zs:rest");
        match read {
            Ok(whole) => {
                // This tab knows the commit whole from now on; the workspace gets the years it lacks (they are
                // the very ones of the commit, shared).
                self.sync.update_value(|sync| {
                    if let Some(sync) = sync {
                        *sync = StoreView::new(
                            &sync.writer,
                            Committed {
                                stamp: committed.stamp.clone(),
                                workspace: whole.clone(),
                                keys: committed.keys.clone(),
                            },
                        );
                    }
                });
                let mut now = self.data.snapshot();
                for year in &rest {
                    if let (None, Some(values)) = (now.values.year(*year), whole.values.year(*year))
                    {
                        now.values.set_year(*year, values.clone());
                    }
                    if now.agreement_for(*year).is_none()
                        && let Some(agreement) = whole.agreements.iter().find(|a| a.year == *year)
                    {
                        now.agreements.push(agreement.clone());
                    }
                }
                now.agreements.sort_by_key(|a| a.year);
                self.data.replace(now);
            }
            Err(RestError::Unreadable { raw, error }) => {
                // As at start-up: the example is shown, the store kept as it is.
                self.data.replace(example::odenwaldkreis());
                self.unreadable(raw, error);
            }
            Err(RestError::Storage(e)) => {
                // The rest cannot be read now: it stays to be read, and nothing is saved without it.
                self.rest.set_value(rest);
                self.may_save.set(false);
                self.notice.set(Some(Notice::Failed(e)));
            }
        }
    }
}

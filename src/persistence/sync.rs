//! What a tab knows of storage: the commit it last read there and the one it last wrote, and the last few
//! commits it knew (the bases of a three-way merge). The stamps tell a foreign save from its own even at an
//! equal revision.

use super::Stamp;
use super::commit::Committed;
use super::layout::YearKeys;
use crate::domain::workspace::Workspace;

/// How many commits a tab remembers as possible bases of a merge. They share their years with each other and
/// with the workspace in memory, so a few cost little.
const REMEMBERED: usize = 8;

/// What a tab knows of storage.
#[derive(Clone, Debug, PartialEq)]
pub struct StoreView {
    /// This tab's writer id.
    pub writer: String,
    /// The stamp of the commit this tab last read from storage (at start-up, or taken in from another tab); at
    /// a fresh start [`Stamp::none`] for the workspace it began with.
    read: Stamp,
    /// The stamp of this tab's last write.
    written: Option<Stamp>,
    /// Which of the two storage holds as far as this tab knows.
    last_was_write: bool,
    /// The commits this tab read or wrote last, newest last (a few, bounded).
    known: Vec<Committed>,
}

/// What a save must do.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SaveStep {
    /// Storage holds what this tab knows: write under `stamp`, on top of `parent`.
    Write { stamp: Stamp, parent: Option<Stamp> },
    /// Another tab saved since: merge with it before anything is written.
    Foreign(Stamp),
    /// The revision counter is at its end: nothing can be saved.
    Exhausted,
}

impl StoreView {
    /// At start-up: the commit read (or, at a fresh start, the workspace begun with under [`Stamp::none`]).
    pub fn new(writer: &str, committed: Committed) -> StoreView {
        StoreView {
            writer: writer.to_owned(),
            read: committed.stamp.clone(),
            written: None,
            last_was_write: false,
            known: vec![committed],
        }
    }

    /// The stamp storage holds as far as this tab knows.
    pub fn known(&self) -> &Stamp {
        match (&self.written, self.last_was_write) {
            (Some(stamp), true) => stamp,
            _ => &self.read,
        }
    }

    /// The commit storage holds as far as this tab knows: what a save writes on top of.
    pub fn committed(&self) -> Option<&Committed> {
        let stamp = self.known();
        self.known.iter().rev().find(|c| &c.stamp == stamp)
    }

    /// The keys of the commits this tab remembers: its own leftovers, wherever a manifest no longer names them.
    pub fn known_keys(&self) -> impl Iterator<Item = &YearKeys> {
        self.known.iter().map(|c| &c.keys)
    }

    /// Whether the stored stamp is the one this tab knows ("nothing stored" is the stamp of a fresh start).
    pub fn is_known(&self, stored: Option<&Stamp>) -> bool {
        stored.unwrap_or(&Stamp::none()) == self.known()
    }

    /// What a save does, given the stamp storage holds now (`force`: the user chose to save over it). The new
    /// stamp is never one a tab may know already: it counts on from the higher of the stored stamp and the one
    /// this tab knows (storage emptied by hand, or a store of a lower revision saved over, never makes a
    /// revision count backwards into stamps seen before).
    pub fn next_step(&self, stored: Option<&Stamp>, force: bool) -> SaveStep {
        let parent = match stored {
            Some(s) if force || s == self.known() => Some(s.clone()),
            Some(s) => return SaveStep::Foreign(s.clone()),
            None => None,
        };
        let base = match &parent {
            Some(s) if s.revision >= self.known().revision => s,
            _ => self.known(),
        };
        match base.next(&self.writer) {
            Some(stamp) => SaveStep::Write {
                stamp,
                parent: parent.filter(|p| *p != Stamp::none()),
            },
            None => SaveStep::Exhausted,
        }
    }

    fn remember(&mut self, committed: Committed) {
        self.known.retain(|c| c.stamp != committed.stamp);
        self.known.push(committed);
        if self.known.len() > REMEMBERED {
            self.known.remove(0);
        }
    }

    /// A write succeeded.
    pub fn wrote(&mut self, committed: Committed) {
        self.written = Some(committed.stamp.clone());
        self.last_was_write = true;
        self.remember(committed);
    }

    /// A foreign commit was read (taken over or merged with).
    pub fn read(&mut self, committed: Committed) {
        self.read = committed.stamp.clone();
        self.last_was_write = false;
        self.remember(committed);
    }

    /// The workspace to merge against for a foreign commit saved on top of `parent`: that commit itself when this
    /// tab knows it (the foreign save built on this tab's write, or on what it read). Otherwise this tab missed
    /// commits in between and cannot tell whether its own write since its last read reached the others: the
    /// commit it last read is a base (if its write was lost, its changes count again), and its own last write is
    /// the other; where the two disagree, the user chooses ([`crate::domain::merge::merge3_unsure`]).
    pub fn base_for(&self, parent: Option<&Stamp>) -> Option<Base<'_>> {
        let of = |stamp: &Stamp| self.known.iter().rev().find(|c| &c.stamp == stamp);
        // A commit without parent was written on top of nothing stored; a tab that has read nothing since its
        // start wrote on top of the same nothing: that start is the base (its own write, if any, was lost).
        let none = Stamp::none();
        let parent = parent.or((self.read == none).then_some(&none));
        if let Some(known) = parent.and_then(of) {
            return Some(Base::Sure(&known.workspace));
        }
        let read = of(&self.read)?;
        match self.written.as_ref().and_then(of) {
            Some(written) if written.stamp != read.stamp && self.last_was_write => {
                Some(Base::Unsure {
                    read: &read.workspace,
                    written: &written.workspace,
                })
            }
            _ => Some(Base::Sure(&read.workspace)),
        }
    }
}

/// What a merge with a foreign commit starts from (see [`StoreView::base_for`]).
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Base<'a> {
    Sure(&'a Workspace),
    Unsure {
        read: &'a Workspace,
        written: &'a Workspace,
    },
}

impl Base<'_> {
    /// The three-way merge of `mine` and `theirs` from this base.
    pub fn merge(&self, mine: &Workspace, theirs: &Workspace) -> crate::domain::merge::Merge {
        match self {
            Base::Sure(base) => crate::domain::merge::merge3(base, mine, theirs),
            Base::Unsure { read, written } => {
                crate::domain::merge::merge3_unsure([read, written], mine, theirs)
            }
        }
    }
}

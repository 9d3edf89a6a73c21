//! What a tab knows of storage: the commit it last read there and the one it last wrote, and the last few
//! commits it knew (the bases of a three-way merge). The stamps tell a foreign save from its own even at an
//! equal revision.

use super::*;

/// How many commits a tab remembers as possible bases of a merge. They share their years with each other and
/// with the workspace in memory, so a few cost little.
const REMEMBERED: usize = 8;

/// What a tab knows of storage.
#[derive(Clone, Debug, PartialEq)]
pub struct Sync {
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
pub enum Plan {
    /// Storage holds what this tab knows: write under `stamp`, on top of `parent`.
    Write { stamp: Stamp, parent: Option<Stamp> },
    /// Another tab saved since: merge with it before anything is written.
    Foreign(Stamp),
    /// The revision counter is at its end: nothing can be saved.
    Exhausted,
}

impl Sync {
    /// At start-up: the commit read (or, at a fresh start, the workspace begun with under [`Stamp::none`]).
    pub fn new(writer: &str, committed: Committed) -> Sync {
        Sync {
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

    /// Whether the stored stamp is the one this tab knows ("nothing stored" is the stamp of a fresh start).
    pub fn is_known(&self, stored: Option<&Stamp>) -> bool {
        stored.unwrap_or(&Stamp::none()) == self.known()
    }

    /// What a save does, given the stamp storage holds now (`force`: the user chose to save over it).
    pub fn plan(&self, stored: Option<&Stamp>, force: bool) -> Plan {
        let base = match stored {
            Some(s) if force || s == self.known() => s.clone(),
            None if force || self.known() == &Stamp::none() => Stamp::none(),
            Some(s) => return Plan::Foreign(s.clone()),
            // Storage emptied by hand since: write on top of what this tab knew, never backwards.
            None => self.known().clone(),
        };
        match base.next(&self.writer) {
            Some(stamp) => Plan::Write {
                stamp,
                parent: (base != Stamp::none()).then_some(base),
            },
            None => Plan::Exhausted,
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
    /// tab knows it (the foreign save built on this tab's write, or on what it read), otherwise the commit this
    /// tab last read (its last state in common with the others: if its own write since was lost, its changes
    /// count again; nothing of its own is dropped).
    pub fn base_for(&self, parent: Option<&Stamp>) -> Option<&Workspace> {
        let of = |stamp: &Stamp| self.known.iter().rev().find(|c| &c.stamp == stamp);
        parent
            .and_then(of)
            .or_else(|| of(&self.read))
            .map(|c| &c.workspace)
    }
}

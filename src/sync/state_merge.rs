//! Two sync rounds of one device, run side by side (two tabs of the app on one tablet),
//! each read the [`SyncState`] when they started and store it when they end. Storing the
//! later one over the earlier would forget what the earlier round did: the chunk it
//! published disappears from `published`, the next head leaves it out, and its changes
//! (already gone from the outbox) reach no other device. So the state is never
//! overwritten: the store keeps [`SyncState::merged_with_stored`] of the stored one and
//! the one written, inside the same transaction (`Write::MergeSyncState`).
//!
//! The merge is a join of what each round learnt:
//! - **published**: the union, in the written state's order with the stored one's extra
//!   names after it. A name leaves only through [`SyncState::dropped`]: the chunks a
//!   push left out of the head on purpose because the host had lost them (their content
//!   was published again under new names). Chunk names hash sealed bytes with a random
//!   nonce, so a dropped name never comes back legitimately, and the tombstone is safe
//!   to keep.
//! - **published_sizes** and **dropped**: unions (a chunk folded into a checkpoint is
//!   dropped too).
//! - **checkpoints**: the list whose last checkpoint covers the newer head (a later
//!   compaction folded everything an earlier one did). Should the other list name a
//!   checkpoint the chosen one lacks (two rounds compacted side by side), neither list
//!   alone is sure to hold every published change: [`SyncState::refold`] asks the next
//!   round to fold everything this device authored into one checkpoint again.
//! - **peers**: per device, the state of the newer head read (by its clock), with the
//!   merged chunks of both: a chunk either round marked merged had its records stored in
//!   the same transaction.
//! - **own head** (`head_hlc`, `head_written_ms`, `announced`, `content_ms`): from the side that wrote
//!   the newer head. Which head the host kept is whichever was written last, which no
//!   state can tell: a push therefore checks that the host's head lists every published
//!   chunk and writes it again when not.
//! - `last_sync_ms`: the later. (`content_ms` is what the newer head says, even when a
//!   clock set back made it earlier: peers compare against what they read there.)
//!
//! ```
//! use outpost::sync::engine::SyncState;
//! let stored = SyncState { published: vec!["a".into(), "b".into()], ..Default::default() };
//! let mine = SyncState { published: vec!["a".into(), "c".into()], ..Default::default() };
//! assert_eq!(mine.merged_with_stored(&stored).published, ["a", "c", "b"]);
//! ```

use std::collections::BTreeSet;

use super::engine::{PeerState, SyncState};

impl SyncState {
    /// This state joined with the one already stored (see the module docs); `self` is
    /// the one being written.
    pub fn merged_with_stored(self, stored: &SyncState) -> SyncState {
        let dropped: BTreeSet<String> = self.dropped.union(&stored.dropped).cloned().collect();
        let mut seen = BTreeSet::new();
        let published: Vec<String> = self
            .published
            .iter()
            .chain(stored.published.iter())
            .filter(|n| !dropped.contains(*n) && seen.insert(n.as_str()))
            .cloned()
            .collect();
        let mut published_sizes = stored.published_sizes.clone();
        published_sizes.extend(self.published_sizes.clone());
        published_sizes.retain(|n, _| !dropped.contains(n));
        let mut peers = stored.peers.clone();
        for (device, mine) in self.peers.clone() {
            let joined = match peers.remove(&device) {
                Some(theirs) => mine.joined(theirs),
                None => mine,
            };
            peers.insert(device, joined);
        }
        let head_side = if stored.head_hlc > self.head_hlc { stored } else { &self };
        let rank = |s: &SyncState| s.checkpoints.last().map(|c| (c.covers.clone(), c.name.clone()));
        let (chosen, other) = if rank(stored) > rank(&self) { (stored, &self) } else { (&self, stored) };
        let conflict = other
            .checkpoints
            .iter()
            .any(|c| !dropped.contains(&c.name) && !chosen.checkpoints.iter().any(|k| k.name == c.name));
        // The flag stays until a round that refolded writes a newer list.
        let refold = conflict || if rank(stored) == rank(&self) { self.refold || stored.refold } else { chosen.refold };
        SyncState {
            checkpoints: chosen.checkpoints.clone(),
            refold,
            head_hlc: head_side.head_hlc.clone(),
            head_written_ms: head_side.head_written_ms,
            announced: head_side.announced.clone(),
            last_sync_ms: self.last_sync_ms.max(stored.last_sync_ms),
            // What the newer head says, even where a clock set back made it earlier.
            content_ms: head_side.content_ms,
            verify_cursor: self.verify_cursor,
            published,
            published_sizes,
            peers,
            dropped,
            // The slot this device claimed, and the newer reading of the slots.
            member_slot: self.member_slot.or(stored.member_slot),
            member_slots: if self.member_slots.len() >= stored.member_slots.len() {
                self.member_slots.clone()
            } else {
                stored.member_slots.clone()
            },
            announced_in_step: head_side.announced_in_step,
            // The newer index read (by its writer's clock), and this round's spot checks.
            index: if stored.index.as_ref().map(|i| &i.hlc) > self.index.as_ref().map(|i| &i.hlc) {
                stored.index.clone()
            } else {
                self.index.clone()
            },
            index_cursor: self.index_cursor,
        }
    }
}

impl PeerState {
    /// The state of the newer head read (ties: the one with more merged, then `self`),
    /// with every chunk either side merged.
    fn joined(self, other: PeerState) -> PeerState {
        let rank = |p: &PeerState| (p.head_hlc.clone(), p.merged.len());
        let (mut newer, older) = if rank(&other) > rank(&self) { (other, self) } else { (self, other) };
        // A head skipped by ETag next time must be fully merged: the union only adds.
        newer.merged.extend(older.merged);
        newer.complete_hlc = newer.complete_hlc.max(older.complete_hlc);
        // A chunk's newest stamp is a fact of the chunk: either side's reading stands.
        for (name, high) in older.chunk_high {
            newer.chunk_high.entry(name).or_insert(high);
        }
        newer
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;
    use crate::record::hlc::Hlc;

    fn names(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    fn hlc(ms: i64) -> Option<Hlc> {
        Some(Hlc { wall_ms: ms, counter: 0, device: "me".into() })
    }

    fn published(v: &[&str], head_ms: i64) -> SyncState {
        SyncState {
            published: names(v),
            published_sizes: v.iter().map(|n| (n.to_string(), 10)).collect(),
            head_hlc: hlc(head_ms),
            head_written_ms: Some(head_ms),
            ..Default::default()
        }
    }

    #[test]
    fn a_chunk_published_by_either_round_stays_published_whichever_is_stored_last() {
        let a = published(&["c1", "ca"], 5);
        let b = published(&["c1", "cb"], 6);
        for (mine, stored) in [(a.clone(), b.clone()), (b.clone(), a.clone())] {
            let m = mine.merged_with_stored(&stored);
            let set: BTreeSet<&str> = m.published.iter().map(String::as_str).collect();
            assert_eq!(set, BTreeSet::from(["c1", "ca", "cb"]));
            assert_eq!(m.published.len(), 3, "no name twice");
            assert_eq!(m.published_sizes.len(), 3);
            assert_eq!(m.head_hlc, hlc(6), "the newer head is remembered");
        }
    }

    #[test]
    fn the_written_states_order_comes_first_and_the_stored_extras_follow() {
        let m = published(&["c1", "cb"], 6).merged_with_stored(&published(&["c1", "ca"], 5));
        assert_eq!(m.published, names(&["c1", "cb", "ca"]));
    }

    #[test]
    fn a_chunk_dropped_as_lost_does_not_come_back_from_an_older_stored_state() {
        let stored = published(&["c1", "lost"], 5);
        let mut mine = published(&["c1", "again"], 6);
        mine.dropped.insert("lost".into());
        let m = mine.clone().merged_with_stored(&stored);
        assert_eq!(m.published, names(&["c1", "again"]));
        assert!(!m.published_sizes.contains_key("lost"));
        // Nor when the round that dropped it is the stored one.
        let m = stored.merged_with_stored(&mine);
        assert_eq!(m.published, names(&["c1", "again"]));
        assert!(m.dropped.contains("lost"));
    }

    #[test]
    fn each_peer_keeps_the_newer_head_and_every_chunk_either_round_merged() {
        let peer = |ms: i64, merged: &[&str], etag: &str| PeerState {
            etag: Some(etag.into()),
            merged: merged.iter().map(|s| s.to_string()).collect(),
            head_hlc: Some(Hlc { wall_ms: ms, counter: 0, device: "p".into() }),
            content_ms: ms,
            ..Default::default()
        };
        let mine =
            SyncState { peers: BTreeMap::from([("p".into(), peer(9, &["x", "y"], "new"))]), ..Default::default() };
        let stored = SyncState {
            peers: BTreeMap::from([("p".into(), peer(4, &["x", "w"], "old")), ("q".into(), peer(1, &["z"], "q"))]),
            ..Default::default()
        };
        for m in [mine.clone().merged_with_stored(&stored), stored.clone().merged_with_stored(&mine)] {
            let p = &m.peers["p"];
            assert_eq!(p.etag.as_deref(), Some("new"));
            assert_eq!(p.content_ms, 9);
            assert_eq!(p.merged, ["w", "x", "y"].iter().map(|s| s.to_string()).collect());
            assert_eq!(m.peers["q"].merged.len(), 1, "a peer only one round knew is kept");
        }
    }

    #[test]
    fn the_later_sync_time_is_kept_and_content_time_follows_the_newer_head() {
        let mut a = published(&[], 3);
        a.last_sync_ms = Some(50);
        a.content_ms = Some(1);
        let mut b = published(&[], 2);
        b.last_sync_ms = Some(40);
        b.content_ms = Some(7);
        let m = a.merged_with_stored(&b);
        assert_eq!((m.last_sync_ms, m.content_ms, m.head_written_ms), (Some(50), Some(1), Some(3)));
    }

    fn checkpoint(name: &str, covers_ms: i64) -> crate::sync::snapshot::CheckpointRef {
        crate::sync::snapshot::CheckpointRef { name: name.into(), covers: hlc(covers_ms).unwrap(), high_ms: covers_ms }
    }

    #[test]
    fn a_fold_in_one_round_survives_a_round_that_read_the_state_before_it() {
        // Issue 19: one round folded c1, c2 into k1; another, started before, published c3.
        let mut folded = published(&[], 7);
        folded.checkpoints = vec![checkpoint("k1", 5)];
        folded.dropped = ["c1", "c2"].iter().map(|s| s.to_string()).collect();
        let other = published(&["c1", "c2", "c3"], 6);
        for m in [folded.clone().merged_with_stored(&other), other.clone().merged_with_stored(&folded)] {
            assert_eq!(m.checkpoints, folded.checkpoints);
            assert_eq!(m.published, names(&["c3"]), "folded chunks stay out, the new one stays in");
            assert!(!m.refold, "nothing to fold again");
        }
    }

    #[test]
    fn two_folds_side_by_side_ask_the_next_round_to_fold_everything_again() {
        let mut a = published(&[], 7);
        a.checkpoints = vec![checkpoint("ka", 5)];
        a.dropped = ["c1"].iter().map(|s| s.to_string()).collect();
        let mut b = published(&[], 8);
        b.checkpoints = vec![checkpoint("kb", 6)];
        b.dropped = ["c2"].iter().map(|s| s.to_string()).collect();
        for m in [a.clone().merged_with_stored(&b), b.clone().merged_with_stored(&a)] {
            assert_eq!(m.checkpoints, b.checkpoints, "the later fold's list");
            assert!(m.refold, "ka holds what kb may not");
        }
        // The round that folded everything again clears it, whichever is stored last.
        let mut again = published(&[], 9);
        again.checkpoints = vec![checkpoint("kall", 9)];
        again.dropped = ["c1", "c2", "ka", "kb"].iter().map(|s| s.to_string()).collect();
        let flagged = a.clone().merged_with_stored(&b);
        assert!(!again.clone().merged_with_stored(&flagged).refold);
        assert!(!flagged.merged_with_stored(&again).refold);
    }

    #[test]
    fn merging_with_itself_changes_nothing() {
        let a = published(&["c1", "c2"], 5);
        assert_eq!(a.clone().merged_with_stored(&a), a);
    }
}

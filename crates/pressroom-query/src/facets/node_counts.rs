//! [`NodeCounts`]: documents per node of one segment's facet table, in a table of counters
//! that is reused from search to search instead of allocated and zeroed for each: the org
//! facet has thousands of nodes per segment, and zeroing a fresh table for every segment and
//! facet of every search cost more than counting a rare word's hits. A table goes back to
//! its thread's pool when dropped, with only the counters that were used set back to zero
//! (all of them when many were used).

use std::cell::RefCell;

/// Tables kept per thread at most: a thread counts one segment at a time, up to nine facets.
const POOLED_PER_THREAD: usize = 16;

/// Used nodes are listed up to this share of the table (1 in …); beyond it the whole table
/// is read and zeroed.
pub(super) const SPARSE_SHARE: usize = 16;

thread_local! {
    /// Zeroed counter tables, of any length.
    static POOL: RefCell<Vec<Vec<u32>>> = const { RefCell::new(Vec::new()) };
}

/// Documents per node `0..len`.
pub(super) struct NodeCounts {
    /// At least `len` counters; those past `len` stay zero.
    counts: Vec<u32>,
    len: usize,
    /// The nodes counted so far, while they are few: reading and zeroing them then skips the
    /// rest of the table. `None` once they stop being few.
    used: Option<Vec<u32>>,
    /// How many used nodes are listed at most before the list is dropped.
    few: usize,
}

impl NodeCounts {
    /// Zero documents for each of `len` nodes; used nodes are listed while they are few.
    pub(super) fn new(len: usize) -> NodeCounts {
        NodeCounts::listing(len, len / SPARSE_SHARE)
    }

    /// Zero documents for each of `len` nodes; every used node is listed (for adding up
    /// counts that are already few per node).
    pub(super) fn listing_all(len: usize) -> NodeCounts {
        NodeCounts::listing(len, len)
    }

    fn listing(len: usize, few: usize) -> NodeCounts {
        let mut counts = POOL.with(|pool| pool.borrow_mut().pop()).unwrap_or_default();
        if counts.len() < len {
            counts.resize(len, 0);
        }
        NodeCounts {
            counts,
            len,
            used: Some(Vec::new()),
            few,
        }
    }

    /// One more document for `node` (nodes past the table are ignored).
    #[inline]
    pub(super) fn add(&mut self, node: u32) {
        self.add_count(node, 1);
    }

    /// `documents` more for `node` (nodes past the table are ignored).
    #[inline]
    pub(super) fn add_count(&mut self, node: u32, documents: u32) {
        if node as usize >= self.len || documents == 0 {
            return;
        }
        let Some(count) = self.counts.get_mut(node as usize) else {
            return;
        };
        let first = *count == 0;
        *count = count.saturating_add(documents);
        if first {
            self.first_use(node);
        }
    }

    /// Lists `node` as used, while few are.
    #[cold]
    fn first_use(&mut self, node: u32) {
        if let Some(used) = &mut self.used {
            used.push(node);
            if used.len() > self.few {
                self.used = None;
            }
        }
    }

    /// Each node with documents, with how many (in the order first counted while few, else
    /// in node order).
    pub(super) fn counted(&self) -> Vec<(u32, u32)> {
        match &self.used {
            Some(used) => used
                .iter()
                .map(|&node| (node, self.counts.get(node as usize).copied().unwrap_or(0)))
                .collect(),
            None => self.counts[..self.len]
                .iter()
                .enumerate()
                .filter(|(_, count)| **count > 0)
                .map(|(node, count)| (node as u32, *count))
                .collect(),
        }
    }
}

impl Drop for NodeCounts {
    fn drop(&mut self) {
        match &self.used {
            Some(used) => {
                for &node in used {
                    if let Some(count) = self.counts.get_mut(node as usize) {
                        *count = 0;
                    }
                }
            }
            None => self.counts[..self.len].fill(0),
        }
        let counts = std::mem::take(&mut self.counts);
        POOL.with(|pool| {
            let mut pool = pool.borrow_mut();
            if pool.len() < POOLED_PER_THREAD {
                pool.push(counts);
            }
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Counts are right whether few or many nodes are used, and a table taken again after
    /// either (from the same thread's pool, shorter or longer) starts from zero.
    #[test]
    fn counts_and_reused_tables_start_from_zero() {
        let mut few = NodeCounts::new(64);
        for node in [5, 9, 5, 70] {
            few.add(node);
        }
        assert_eq!(few.counted(), [(5, 2), (9, 1)]);
        drop(few);
        let mut many = NodeCounts::new(32);
        assert_eq!(many.counted(), []);
        for node in 0..20 {
            many.add(node);
            many.add(node % 4);
        }
        assert!(many.used.is_none(), "20 of 32 nodes is many");
        let counted = many.counted();
        assert_eq!(counted.len(), 20);
        assert_eq!(counted[0], (0, 6));
        assert_eq!(counted[19], (19, 1));
        drop(many);
        let again = NodeCounts::new(128);
        assert!(again.counts.iter().all(|count| *count == 0));
        assert_eq!(again.counted(), []);
    }
}

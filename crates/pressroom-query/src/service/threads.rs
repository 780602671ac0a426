//! Which threads a search runs on. tantivy searches a query's segments in parallel on the
//! index's thread pool (one thread per core). Handing a search to the pool and waking its
//! threads costs about as much as a light search itself (a search matching nothing took
//! 115 µs through the pool and 38 µs on its own thread, 2-core machine), and an index of one
//! segment (what `pressroom index --merge` builds) gives the pool nothing to split: there a
//! search stays on the calling thread. An index of several segments (a plain `pressroom
//! index` gives one per indexing thread; live writes add more until they are merged) keeps
//! the pool, so a heavy search spreads over the cores, and so does the page of hits
//! (`hits.rs`). Choosing per
//! search by how many documents its words are in measured no faster: most queries hold a
//! word common enough to want the pool.

use tantivy::collector::Collector;
use tantivy::query::{Bm25StatisticsProvider, EnableScoring, Query};
use tantivy::{Executor, Searcher};

/// Where a search runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Threads {
    /// The calling thread, segment after segment.
    Caller,
    /// The index's thread pool, a segment per task.
    Pool,
}

impl Threads {
    /// Where a search of `searcher` runs.
    pub(super) fn of(searcher: &Searcher) -> Threads {
        if searcher.segment_readers().len() <= 1 {
            Threads::Caller
        } else {
            Threads::Pool
        }
    }

    /// `searcher.search(query, collector)` on these threads, scored with `statistics`.
    pub(super) fn search<C: Collector>(
        self,
        searcher: &Searcher,
        statistics: &dyn Bm25StatisticsProvider,
        query: &dyn Query,
        collector: &C,
    ) -> tantivy::Result<C::Fruit> {
        let scoring = if collector.requires_scoring() {
            EnableScoring::enabled_from_statistics_provider(statistics, searcher)
        } else {
            EnableScoring::disabled_from_searcher(searcher)
        };
        let executor = match self {
            Threads::Pool => searcher.index().search_executor(),
            Threads::Caller => &Executor::SingleThread,
        };
        searcher.search_with_executor(query, collector, executor, scoring)
    }
}

#[cfg(test)]
mod tests {
    use tantivy::collector::{Count, TopDocs};
    use tantivy::query::TermQuery;
    use tantivy::schema::IndexRecordOption;
    use tantivy::{TantivyDocument, Term};

    use super::*;

    #[test]
    fn one_segment_stays_on_the_caller_and_both_find_the_same() {
        let (mut index, fields) = pressroom_index::schema::in_memory().expect("an index in memory");
        index.set_default_multithread_executor().expect("a pool");
        let mut writer = index.writer_with_num_threads(1, 20_000_000).expect("a writer");
        let mut searchers = Vec::new();
        for (segment, words) in ["refugees arrive", "refugees leave camp"].iter().enumerate() {
            let mut document = TantivyDocument::new();
            document.add_text(fields.id, format!("release:{segment}"));
            document.add_text(fields.body, words);
            writer.add_document(document).expect("added");
            writer.commit().expect("committed");
            let reader = index.reader().expect("a reader");
            searchers.push(reader.searcher());
        }
        let query = TermQuery::new(
            Term::from_field_text(fields.body, "refugees"),
            IndexRecordOption::WithFreqs,
        );
        let collector = (TopDocs::with_limit(10).order_by_score(), Count);
        assert_eq!(Threads::of(&searchers[0]), Threads::Caller);
        assert_eq!(Threads::of(&searchers[1]), Threads::Pool);
        for searcher in &searchers {
            let here = Threads::Caller
                .search(searcher, searcher, &query, &collector)
                .expect("searched here");
            let pooled = Threads::Pool
                .search(searcher, searcher, &query, &collector)
                .expect("searched in the pool");
            assert_eq!(here.1, searcher.num_docs() as usize);
            assert_eq!(here, pooled);
        }
    }
}

//! Near-duplicate collapsing: among the ranked hits, a release whose text is the same as an
//! earlier hit's (the same words), or nearly so (at least [`NEAR_DUPLICATE`] of their
//! five-word shingles shared, by their MinHash sketches), joins that hit as a duplicate
//! instead of taking a place of its own. Trove, for one, holds the same transcript under
//! several ids. Counts (`total`, facets) still count documents. Of copies that score the
//! same (under a date sort: that bear the same date), the one with the smallest id leads its
//! group, so which copy is shown does not depend on the order segments happen to be in.

use std::cmp::Ordering;
use std::sync::Arc;

use pressroom_index::fingerprint::similar_at_least;
use tantivy::{DocAddress, Searcher};

use super::fingerprints::{FingerprintCache, SegmentFingerprints};
use crate::error::SearchError;

/// Share of shingles two releases must share to be one hit.
pub const NEAR_DUPLICATE: f32 = 0.9;
/// Hits ranked after the requested page that are looked at for duplicates of its hits (and
/// that keep later pages consistent with earlier ones).
pub const COLLAPSE_WINDOW: usize = 100;

/// A ranked hit: its score (none under a date sort) and address.
type Hit = (Option<f32>, DocAddress);

/// A hit and the ids of the releases collapsed into it.
pub(super) type Group = (Hit, Vec<String>);

/// Groups `ranked` (best first) and returns the groups of the page (`offset`, `limit`): each
/// hit not a duplicate of an earlier one starts a group; duplicates are listed with the group
/// they join, in rank order. Ids are read only for the page's groups.
pub(super) fn collapse(
    searcher: &Searcher,
    fingerprints: &FingerprintCache,
    ranked: Vec<Hit>,
    offset: usize,
    limit: usize,
) -> Result<Vec<Group>, SearchError> {
    let segments = fingerprints.of(searcher)?;
    let of = |address: DocAddress| segments.get(address.segment_ord as usize);
    // Groups after the page are not shown, and a later hit that is a copy of a page's hit
    // finds that group first (groups are looked at in rank order): they need not be made.
    let wanted = offset.saturating_add(limit);
    let mut groups: Vec<(Hit, Vec<DocAddress>)> = Vec::new();
    let mut kept: Vec<(u64, &[u8])> = Vec::new();
    for (score, address) in ranked {
        let Some(segment) = of(address) else {
            continue;
        };
        let (exact, sketch) = (segment.exact(address.doc_id), segment.sketch(address.doc_id));
        let joins = kept.iter().position(|(kept_exact, kept_sketch)| {
            (exact != 0 && exact == *kept_exact) || similar_at_least(sketch, kept_sketch, NEAR_DUPLICATE)
        });
        match joins {
            Some(group) => {
                let ((leader_score, leader), duplicates) = &mut groups[group];
                // Under a date sort there is no score: copies tie when their dates do.
                let tied = match (score, *leader_score) {
                    (Some(score), Some(leader_score)) => score == leader_score,
                    (None, None) => {
                        segment.date(address.doc_id) == of(*leader).and_then(|other| other.date(leader.doc_id))
                    }
                    _ => false,
                };
                if tied && compare_ids(&segments, address, *leader) == Ordering::Less {
                    duplicates.insert(0, *leader);
                    *leader = address;
                } else {
                    duplicates.push(address);
                }
            }
            None if groups.len() < wanted => {
                kept.push((exact, sketch));
                groups.push(((score, address), Vec::new()));
            }
            None => {}
        }
    }
    Ok(groups
        .into_iter()
        .skip(offset)
        .take(limit)
        .map(|(hit, duplicates)| {
            let ids = duplicates
                .into_iter()
                .map(|address| read_id(&segments, address))
                .collect();
            (hit, ids)
        })
        .collect())
}

/// Two releases' ids compared: by their numbers within one segment (its ids are sorted),
/// else as text.
fn compare_ids(segments: &[Arc<SegmentFingerprints>], a: DocAddress, b: DocAddress) -> Ordering {
    if a.segment_ord == b.segment_ord {
        if let Some(segment) = segments.get(a.segment_ord as usize) {
            return segment.id_ord(a.doc_id).cmp(&segment.id_ord(b.doc_id));
        }
    }
    read_id(segments, a).cmp(&read_id(segments, b))
}

/// The release id of `address` (empty when it has none).
fn read_id(segments: &[Arc<SegmentFingerprints>], address: DocAddress) -> String {
    segments
        .get(address.segment_ord as usize)
        .map_or("", |segment| segment.id(address.doc_id))
        .to_string()
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use pressroom_index::fingerprint::{similarity, Fingerprint};
    use pressroom_index::schema::ID;
    use tantivy::collector::DocSetCollector;
    use tantivy::query::AllQuery;
    use tantivy::schema::Value;
    use tantivy::{DateTime, Index, TantivyDocument};
    use time::macros::date;

    use super::*;

    const RELEASE: &str = "Minister announces new resettlement places for refugees from Syria. The Government \
        will provide an additional 12,000 places in the humanitarian programme for people displaced by the \
        conflict in Syria and Iraq, the Minister for Immigration said today in Canberra. Priority will go to \
        women, children and families of persecuted minorities, who will be settled in regional centres. The \
        first arrivals are expected before the end of the year, and state governments, churches and community \
        groups have offered housing, language classes and help finding work. The Minister thanked the many \
        Australians who had written to offer support, and said the programme would be reviewed next year with \
        the United Nations High Commissioner for Refugees, which refers the families most in need of a new home.";
    const OTHER: &str = "Heavy rain displaced thousands of families in southern Chad this week, and aid agencies \
        said more shelter and clean water were needed before the next storms reach the camps.";

    /// A release in a test index: id, text and date.
    type Release<'a> = (&'a str, &'a str, Option<time::Date>);

    /// An index with one segment per slice of releases, and its searcher.
    fn index_of(segments: &[&[Release]]) -> (Index, Searcher) {
        index_with(segments, true)
    }

    /// The same, the releases with or without their MinHash sketches.
    fn index_with(segments: &[&[Release]], sketches: bool) -> (Index, Searcher) {
        let (index, fields) = pressroom_index::schema::in_memory().expect("an index in memory");
        let mut writer = index.writer_with_num_threads(1, 20_000_000).expect("a writer");
        for releases in segments {
            for (id, text, date) in *releases {
                let fingerprint = Fingerprint::of("", text);
                let mut document = TantivyDocument::new();
                document.add_text(fields.id, id);
                document.add_u64(fields.dup_exact, fingerprint.exact);
                if sketches {
                    document.add_bytes(fields.dup_sketch, &fingerprint.sketch);
                }
                if let Some(date) = date {
                    let seconds = date.midnight().assume_utc().unix_timestamp();
                    document.add_date(fields.date, DateTime::from_timestamp_secs(seconds));
                }
                writer.add_document(document).expect("added");
            }
            writer.commit().expect("committed");
        }
        let searcher = index.reader().expect("a reader").searcher();
        assert_eq!(
            searcher.segment_readers().len(),
            segments.len(),
            "one segment per slice"
        );
        (index, searcher)
    }

    /// The page's groups of `ranked` (score, id; best first) as (leader, duplicates) ids.
    fn groups(
        searcher: &Searcher,
        ranked: &[(Option<f32>, &str)],
        offset: usize,
        limit: usize,
    ) -> Vec<(String, Vec<String>)> {
        let id_field = searcher.schema().get_field(ID).expect("the id field");
        let mut address_of: HashMap<String, DocAddress> = HashMap::new();
        for address in searcher.search(&AllQuery, &DocSetCollector).expect("searched") {
            let document: TantivyDocument = searcher.doc(address).expect("stored");
            let id = document
                .get_first(id_field)
                .and_then(|value| value.as_str())
                .unwrap_or_default();
            address_of.insert(id.to_string(), address);
        }
        let id_of: HashMap<DocAddress, String> =
            address_of.iter().map(|(id, address)| (*address, id.clone())).collect();
        let ranked = ranked.iter().map(|(score, id)| (*score, address_of[*id])).collect();
        collapse(searcher, &FingerprintCache::default(), ranked, offset, limit)
            .expect("collapsed")
            .into_iter()
            .map(|((_, leader), duplicates)| (id_of[&leader].clone(), duplicates))
            .collect()
    }

    fn group(leader: &str, duplicates: &[&str]) -> (String, Vec<String>) {
        (leader.to_string(), duplicates.iter().map(|id| id.to_string()).collect())
    }

    #[test]
    fn copies_join_the_first_hit_of_their_text_and_other_texts_stay_apart() {
        let reflowed = RELEASE.replace(". ", ".\n\n").to_uppercase();
        let edited = format!("{RELEASE} Media contact: the Minister's office.");
        let (exact, near) = (Fingerprint::of("", RELEASE), Fingerprint::of("", &edited));
        assert_ne!(exact.exact, near.exact, "the edited copy is not the same words");
        assert!(
            similarity(&exact.sketch, &near.sketch) >= NEAR_DUPLICATE,
            "yet nearly so"
        );
        let (_index, searcher) = index_of(&[&[
            ("release", RELEASE, None),
            ("reflowed", &reflowed, None),
            ("edited", &edited, None),
            ("other", OTHER, None),
        ]]);
        let ranked = [
            (Some(4.0), "release"),
            (Some(3.0), "other"),
            (Some(2.0), "edited"),
            (Some(1.0), "reflowed"),
        ];
        assert_eq!(
            groups(&searcher, &ranked, 0, 10),
            [group("release", &["edited", "reflowed"]), group("other", &[])]
        );
        // Pages count groups, not hits.
        assert_eq!(groups(&searcher, &ranked, 1, 10), [group("other", &[])]);
        assert_eq!(
            groups(&searcher, &ranked, 0, 1),
            [group("release", &["edited", "reflowed"])]
        );
    }

    #[test]
    fn copies_ranked_after_the_page_still_join_its_hits() {
        let other_copy = OTHER.to_uppercase();
        let release_copy = RELEASE.to_uppercase();
        let (_index, searcher) = index_of(&[&[
            ("release", RELEASE, None),
            ("other", OTHER, None),
            ("other-copy", &other_copy, None),
            ("release-copy", &release_copy, None),
        ]]);
        let ranked = [
            (Some(4.0), "release"),
            (Some(3.0), "other"),
            (Some(2.0), "other-copy"),
            (Some(1.0), "release-copy"),
        ];
        // The page ends before `other`: its copy joins nothing shown, the release's copy
        // still joins the release.
        assert_eq!(groups(&searcher, &ranked, 0, 1), [group("release", &["release-copy"])]);
        assert_eq!(groups(&searcher, &ranked, 1, 1), [group("other", &["other-copy"])]);
    }

    #[test]
    fn without_sketches_the_same_words_still_make_one_hit() {
        let shouted = RELEASE.to_uppercase();
        let (_index, searcher) = index_with(
            &[&[
                ("release", RELEASE, None),
                ("shouted", &shouted, None),
                ("other", OTHER, None),
            ]],
            false,
        );
        let ranked = [(Some(3.0), "release"), (Some(2.0), "other"), (Some(1.0), "shouted")];
        assert_eq!(
            groups(&searcher, &ranked, 0, 10),
            [group("release", &["shouted"]), group("other", &[])]
        );
    }

    #[test]
    fn of_copies_that_score_the_same_the_smallest_id_leads() {
        let (_index, searcher) = index_of(&[&[
            ("trove:3", RELEASE, None),
            ("trove:1", RELEASE, None),
            ("trove:2", RELEASE, None),
        ]]);
        let tied = [(Some(1.0), "trove:3"), (Some(1.0), "trove:2"), (Some(1.0), "trove:1")];
        assert_eq!(
            groups(&searcher, &tied, 0, 10),
            [group("trove:1", &["trove:2", "trove:3"])]
        );
        // A better score leads whatever its id.
        let ranked = [(Some(2.0), "trove:3"), (Some(1.0), "trove:1"), (Some(1.0), "trove:2")];
        assert_eq!(
            groups(&searcher, &ranked, 0, 10),
            [group("trove:3", &["trove:1", "trove:2"])]
        );
    }

    #[test]
    fn under_a_date_sort_copies_of_the_same_date_tie_and_the_smallest_id_leads() {
        let day = date!(2010 - 05 - 01);
        let (_index, searcher) = index_of(&[&[
            ("same-day:2", RELEASE, Some(day)),
            ("same-day:1", RELEASE, Some(day)),
            ("day-after:0", RELEASE, day.next_day()),
        ]]);
        let same_day = [(None, "same-day:2"), (None, "same-day:1")];
        assert_eq!(
            groups(&searcher, &same_day, 0, 10),
            [group("same-day:1", &["same-day:2"])]
        );
        // Oldest first: another date is no tie, so the copy ranked first leads whatever its id.
        let oldest_first = [(None, "same-day:2"), (None, "day-after:0")];
        assert_eq!(
            groups(&searcher, &oldest_first, 0, 10),
            [group("same-day:2", &["day-after:0"])]
        );
    }

    #[test]
    fn ids_in_different_segments_compare_as_text() {
        let (_index, searcher) = index_of(&[&[("copy:b", RELEASE, None)], &[("copy:a", RELEASE, None)]]);
        let tied = [(Some(1.0), "copy:b"), (Some(1.0), "copy:a")];
        assert_eq!(groups(&searcher, &tied, 0, 10), [group("copy:a", &["copy:b"])]);
    }
}

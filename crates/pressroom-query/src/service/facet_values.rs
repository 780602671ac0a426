//! Facet value search (`/api/facets/{facet}`): the values of one facet whose name, or a word
//! of it, starts with a prefix (codes and acronyms also by their readable names and
//! aliases), counted under a search without that facet's own filter.

use std::time::Instant;

use pressroom_enrich::fold;

use super::filters::{self, combine};
use super::snapshot::Snapshot;
use super::threads::Threads;
use super::vocabulary::name_matches;
use crate::error::SearchError;
use crate::facets::leaf_name;
use crate::request::{FacetName, FacetValueRequest};
use crate::response::{FacetMatch, FacetValuesResponse};

impl Snapshot {
    pub(super) fn facet_values(&self, request: &FacetValueRequest) -> Result<FacetValuesResponse, SearchError> {
        let started = Instant::now();
        let searcher = self.searcher();
        let built = self.text_query(&searcher, &request.search)?;
        let filters = filters::build(&request.search, &self.vocab, &self.fields)?;
        let query = combine(
            built.as_ref().map(|built| built.query.as_ref()),
            &filters,
            Some(request.facet),
        );
        let threads = Threads::of(&searcher);
        let collector = self.facet_collector(&searcher, &[request.facet])?;
        let tallies = threads.search(&searcher, &searcher, &*query, &collector)?;
        let prefix = fold(&request.prefix);
        let counts: Vec<(String, u64)> = if request.facet == FacetName::Year {
            tallies
                .years
                .iter()
                .map(|(year, count)| (year.to_string(), *count))
                .collect()
        } else {
            tallies
                .into_counts(request.facet)
                .paths()
                .map(|(path, count)| (path.to_string(), count))
                .collect()
        };
        let mut matches: Vec<FacetMatch> = Vec::new();
        for (path, count) in counts {
            let value = if request.facet == FacetName::Year {
                path.clone()
            } else {
                leaf_name(&path)
            };
            let known = match request.facet {
                FacetName::Org | FacetName::MainOrg => self.vocab.organization_names.get(&value),
                FacetName::Country | FacetName::Mentioned => self.vocab.country_names.get(&value),
                _ => None,
            };
            let matches_prefix = prefix.is_empty()
                || name_matches(&fold(&value), &prefix)
                || known.is_some_and(|names| names.folded.iter().any(|name| name_matches(name, &prefix)));
            if matches_prefix {
                matches.push(FacetMatch {
                    value,
                    path,
                    label: known.and_then(|names| names.label.clone()),
                    count,
                });
            }
        }
        matches.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.path.cmp(&b.path)));
        let other_values = matches.len().saturating_sub(request.search.facet_limit);
        matches.truncate(request.search.facet_limit);
        Ok(FacetValuesResponse {
            facet: request.facet.as_str(),
            took_us: started.elapsed().as_micros() as u64,
            values: matches,
            other_values,
        })
    }
}

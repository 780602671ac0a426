//! Releases like one release (`/api/documents/{id}/similar`): a more-like-this query of the
//! most telling words of its title and body, the release itself left out, optionally only
//! releases sharing its values of some facets.

use std::time::Instant;

use pressroom_index::{facet_values, StoredDocument};
use tantivy::collector::TopDocs;
use tantivy::query::{BooleanQuery, MoreLikeThisQuery, Occur, Query, TermQuery};
use tantivy::schema::{IndexRecordOption, OwnedValue};
use tantivy::{TantivyDocument, Term};

use super::filters::facet_term_query;
use super::snapshot::Snapshot;
use crate::error::SearchError;
use crate::request::FacetName;
use crate::response::SimilarResponse;

/// Terms a "similar releases" query is made of.
const SIMILAR_QUERY_TERMS: usize = 25;

impl Snapshot {
    pub(super) fn similar(&self, id: &str, limit: usize, same: &[FacetName]) -> Result<SimilarResponse, SearchError> {
        let started = Instant::now();
        let searcher = self.searcher();
        let address = self.address_of(&searcher, id)?;
        let document: TantivyDocument = searcher.doc(address)?;
        let stored = StoredDocument::from_tantivy(&self.fields, &document);
        let num_docs = searcher.num_docs().max(1);
        // Words in at least two releases but under a quarter of them.
        let like_this = MoreLikeThisQuery::builder()
            .with_min_doc_frequency(2)
            .with_max_doc_frequency((num_docs / 4).max(20))
            .with_min_term_frequency(1)
            .with_min_word_length(4)
            .with_max_query_terms(SIMILAR_QUERY_TERMS)
            .with_document_fields(vec![
                (self.fields.title, vec![OwnedValue::Str(stored.title.clone())]),
                (self.fields.body, vec![OwnedValue::Str(stored.body.clone())]),
            ]);
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = vec![
            (Occur::Must, Box::new(like_this)),
            (
                Occur::MustNot,
                Box::new(TermQuery::new(
                    Term::from_field_text(self.fields.id, id),
                    IndexRecordOption::Basic,
                )),
            ),
        ];
        let facets = facet_values(&self.fields, &stored.source, &stored.enrichment);
        for facet in same {
            let Some(field) = self.fields.facet(facet.as_str()) else {
                continue;
            };
            let values: Vec<(Occur, Box<dyn Query>)> = facets
                .iter()
                .filter(|(of, _)| *of == field)
                .map(|(_, facet)| (Occur::Should, facet_term_query(field, facet)))
                .collect();
            if !values.is_empty() {
                clauses.push((Occur::Must, Box::new(BooleanQuery::new(values))));
            }
        }
        let top = searcher.search(
            &BooleanQuery::new(clauses),
            &TopDocs::with_limit(limit.max(1)).order_by_score(),
        )?;
        let ranked = top
            .into_iter()
            .map(|(score, address)| ((Some(score), address), Vec::new()))
            .collect();
        let hits = if limit == 0 {
            Vec::new()
        } else {
            self.hits(&searcher, None, 1, ranked)?
        };
        Ok(SimilarResponse {
            id: id.to_string(),
            took_us: started.elapsed().as_micros() as u64,
            hits,
        })
    }
}

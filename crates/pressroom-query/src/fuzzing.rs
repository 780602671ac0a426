//! Entry points for the fuzz targets (`fuzz/`) and their regression test
//! (`tests/fuzz_regressions.rs`): each feeds arbitrary bytes to one input surface and
//! panics only when pressroom misbehaves (a panic inside, or a 5xx for bad input).

use std::sync::OnceLock;

use crate::request::{FacetValueRequest, SearchRequest};
use crate::service::SearchService;

/// Query-string and JSON parsing of searches and facet value searches.
pub fn search_params(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    for result in [SearchRequest::from_query_string(&text), SearchRequest::from_json(data)] {
        if let Err(error) = result {
            assert!(error.status() < 500, "{error}");
        }
    }
    if let Err(error) = FacetValueRequest::from_query_string("org", &text) {
        assert!(error.status() < 500, "{error}");
    }
}

/// A search of the query text on a small index: any query is answered or refused with a 4xx.
pub fn query_syntax(data: &[u8]) {
    let service = tiny_service();
    let q: String = String::from_utf8_lossy(data).chars().take(1_000).collect();
    if q.contains('\0') {
        return;
    }
    for prefix in [false, true] {
        let request = SearchRequest {
            q: q.clone(),
            prefix,
            ..SearchRequest::default()
        };
        if let Err(error) = service.search(&request) {
            assert!(error.status() < 500, "{q:?}: {error}");
        }
    }
}

fn tiny_service() -> &'static SearchService {
    static SERVICE: OnceLock<SearchService> = OnceLock::new();
    SERVICE.get_or_init(|| {
        let index = tantivy::Index::create_in_ram(pressroom_index::schema::build_schema());
        pressroom_index::schema::register_analyzers(&index);
        let fields = pressroom_index::schema::Fields::from_schema(&index.schema()).expect("schema");
        let enricher = pressroom_enrich::Enricher::new().expect("tables");
        let records: Vec<pressroom_ingest::Record> = [
            (
                "a",
                "Trafficking network dismantled in Costa Rica",
                "IOM said women were trafficked.",
            ),
            ("b", "Réfugiés au Tchad", "Le HCR aide les réfugiés soudanais à Abéché."),
            (
                "c",
                "Trata de personas en Panamá",
                "La OIM abrió albergues para mujeres sobrevivientes.",
            ),
        ]
        .iter()
        .map(|(id, title, body)| {
            let object = serde_json::json!({"id": id, "title": title, "body": body});
            pressroom_ingest::record_from_json(object.as_object().expect("object"), "fuzz").expect("record")
        })
        .collect();
        pressroom_index::upsert_documents(&index, &fields, &enricher, &records).expect("written");
        SearchService::new(index, fields).expect("service")
    })
}

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
        let (index, fields) = pressroom_index::schema::in_memory().expect("an index in memory");
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

/// A document made of the fuzzed text (first line: the query; second: the title; the rest:
/// the body), written to an index, then searched with the query and with words of its own
/// text, prefix on and off, ten fragments: every answer is hits or a 4xx, and every piece of
/// HTML in it is escaped text with `<mark>` tags.
pub fn document_search(data: &[u8]) {
    let service = writable_service();
    let text = String::from_utf8_lossy(data).replace('\0', " ");
    let mut lines = text.splitn(3, '\n');
    let query: String = lines.next().unwrap_or_default().chars().take(1_000).collect();
    let title = lines.next().unwrap_or_default();
    let body = lines.next().unwrap_or_default();
    let object = serde_json::json!({"id": "fuzz", "title": title, "body": body});
    let Some(object) = object.as_object() else {
        return;
    };
    if let Ok(record) = pressroom_ingest::record_from_json(object, "fuzz") {
        if record.defect().is_none() {
            service.upsert(&[record]).expect("a valid record is written");
        }
    }
    let mut queries = vec![query];
    queries.extend(crate::expansion::words(body).step_by(7).take(4).map(str::to_string));
    for q in queries {
        for prefix in [false, true] {
            let request = SearchRequest {
                q: q.clone(),
                prefix,
                fragments: 10,
                ..SearchRequest::default()
            };
            match service.search(&request) {
                Ok(response) => {
                    for hit in &response.hits {
                        for html in hit.fragments.iter().chain([&hit.title_html, &hit.snippet]) {
                            assert_escaped(html);
                        }
                    }
                }
                Err(error) => assert!(error.status() < 500, "{q:?}: {error}"),
            }
        }
    }
}

/// HTML made of escaped text and `<mark>` tags only.
fn assert_escaped(html: &str) {
    let text = html.replace("<mark>", "").replace("</mark>", "");
    assert!(
        !text.contains('<') && !text.contains('>'),
        "unescaped markup in {html:?}"
    );
}

/// An empty index in memory that [`document_search`] writes its document to.
fn writable_service() -> &'static SearchService {
    static SERVICE: OnceLock<SearchService> = OnceLock::new();
    SERVICE.get_or_init(|| {
        let (index, fields) = pressroom_index::schema::in_memory().expect("an index in memory");
        SearchService::new(index, fields).expect("service")
    })
}

//! The HTTP API end to end, through `tower::ServiceExt::oneshot` on an index of the repo's
//! `corpus/` (plus the shared seed release when present).

mod common;

use std::sync::{Arc, OnceLock};

use axum::body::Body;
use axum::http::{Request, StatusCode};
use http_body_util::BodyExt;
use pressroom_query::SearchService;
use serde_json::Value;
use tower::ServiceExt;

struct TestIndex {
    _dir: tempfile::TempDir,
    service: Arc<SearchService>,
}

fn service() -> Arc<SearchService> {
    static INDEX: OnceLock<TestIndex> = OnceLock::new();
    let index = INDEX.get_or_init(|| {
        let dir = tempfile::tempdir().expect("temporary folder");
        let mut sources = vec![common::repo_root().join("corpus")];
        if let Some(shared) = common::shared_dir() {
            sources.push(shared.join("corpus/seed"));
        }
        let report = pressroom_index::build(dir.path(), &sources, &Default::default(), &mut |problem| {
            panic!("unexpected problem: {problem}")
        })
        .expect("index builds");
        assert!(report.indexed >= 34, "indexed {}", report.indexed);
        let service = SearchService::open(dir.path()).expect("index opens");
        TestIndex {
            _dir: dir,
            service: Arc::new(service),
        }
    });
    index.service.clone()
}

async fn send(request: Request<Body>) -> (StatusCode, Value) {
    let response = pressroom_query::http::app(service())
        .oneshot(request)
        .await
        .expect("response");
    let status = response.status();
    let bytes = response.into_body().collect().await.expect("body").to_bytes();
    let json =
        serde_json::from_slice(&bytes).unwrap_or_else(|_| panic!("not JSON: {}", String::from_utf8_lossy(&bytes)));
    (status, json)
}

async fn get(uri: &str) -> (StatusCode, Value) {
    send(Request::get(uri).body(Body::empty()).expect("request")).await
}

async fn search(query: &str) -> Value {
    let (status, json) = get(&format!("/api/search?{query}")).await;
    assert_eq!(status, StatusCode::OK, "{query}: {json}");
    json
}

fn ids(response: &Value) -> Vec<String> {
    response["hits"]
        .as_array()
        .expect("hits")
        .iter()
        .map(|hit| hit["id"].as_str().expect("id").to_string())
        .collect()
}

fn total(response: &Value) -> u64 {
    response["total"].as_u64().expect("total")
}

/// The count of a facet value found anywhere in a facet's tree.
fn facet_count(response: &Value, facet: &str, path: &str) -> Option<u64> {
    fn find(values: &[Value], path: &str) -> Option<u64> {
        values.iter().find_map(|value| {
            if value["path"].as_str() == Some(path) || value["value"].as_str() == Some(path) {
                return value["count"].as_u64();
            }
            find(value["children"].as_array().map(Vec::as_slice).unwrap_or(&[]), path)
        })
    }
    find(response["facets"][facet].as_array()?, path)
}

#[tokio::test]
async fn search_finds_and_highlights() {
    let response = search("q=trafficking").await;
    assert!(total(&response) >= 3);
    let hits = response["hits"].as_array().expect("hits");
    assert!(
        hits.iter()
            .all(|hit| hit["snippet"].as_str().is_some_and(|s| s.contains("<mark>"))),
        "{response}"
    );
    for hit in hits {
        let snippet = hit["snippet"]
            .as_str()
            .unwrap_or_default()
            .replace("<mark>", "")
            .replace("</mark>", "");
        assert!(
            !snippet.contains('<') && !snippet.contains('>'),
            "unescaped HTML in {snippet}"
        );
    }
    for key in [
        "id",
        "title",
        "lang",
        "source",
        "score",
        "regions",
        "countries",
        "topics",
        "organizations",
    ] {
        assert!(hits[0].get(key).is_some(), "hit lacks {key}");
    }
}

#[tokio::test]
async fn accents_are_folded() {
    let folded = search("q=migracion&facets=").await;
    let accented = search("q=migraci%C3%B3n&facets=").await;
    assert!(total(&folded) > 0);
    assert_eq!(ids(&folded), ids(&accented));
}

#[tokio::test]
async fn post_takes_the_same_fields_as_get() {
    let from_get = search("q=refugees&lang=en&limit=5").await;
    let request = Request::post("/api/search")
        .header("content-type", "application/json")
        .body(Body::from(r#"{"q":"refugees","lang":["en"],"limit":5}"#))
        .expect("request");
    let (status, from_post) = send(request).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(total(&from_get), total(&from_post));
    assert_eq!(ids(&from_get), ids(&from_post));
}

#[tokio::test]
async fn empty_query_browses_everything_with_facets() {
    let response = search("limit=0").await;
    assert!(total(&response) >= 34);
    assert!(response["hits"].as_array().expect("hits").is_empty());
    for facet in ["region", "country", "topic", "org", "lang", "year"] {
        assert!(
            response["facets"][facet].is_array(),
            "facet {facet} missing: {response}"
        );
    }
    assert!(response["facets"].get("mentioned").is_none());
    let languages: u64 = response["facets"]["lang"]
        .as_array()
        .expect("lang")
        .iter()
        .map(|v| v["count"].as_u64().unwrap_or(0))
        .sum();
    assert_eq!(languages, total(&response), "every document has one language");
    assert!(facet_count(&response, "lang", "es").unwrap_or(0) >= 8);
    assert!(facet_count(&response, "lang", "fr").unwrap_or(0) >= 8);
}

#[tokio::test]
async fn region_filter_by_name_matches_its_facet_count() {
    let browse = search("limit=0&facets=region").await;
    let path = "/Americas/Latin America and the Caribbean/Central America";
    let expected = facet_count(&browse, "region", path).expect("Central America counted");
    assert!(expected >= 4);
    let filtered = search("region=Central%20America&limit=100&facets=region").await;
    assert_eq!(total(&filtered), expected);
    for hit in filtered["hits"].as_array().expect("hits") {
        let regions = hit["regions"].as_array().expect("regions");
        assert!(
            regions.iter().any(|r| r.as_str().is_some_and(|r| r.starts_with(path))),
            "{hit}"
        );
    }
    // The tree nests: Americas ⊇ Latin America and the Caribbean ⊇ Central America.
    let americas = facet_count(&browse, "region", "/Americas").expect("Americas");
    assert!(americas >= expected);
}

#[tokio::test]
async fn filters_are_or_within_and_and_across_facets() {
    let costa_rica = total(&search("country=CRI&facets=").await);
    let guatemala = total(&search("country=GTM&facets=").await);
    let either = total(&search("country=CRI&country=GTM&facets=").await);
    assert!(costa_rica > 0 && guatemala > 0);
    assert!(either >= costa_rica.max(guatemala) && either <= costa_rica + guatemala);
    assert!(
        either > costa_rica.min(guatemala),
        "OR adds the other country's releases"
    );
    let spanish = total(&search("lang=es&facets=").await);
    let spanish_central = search("lang=es&region=Central%20America&limit=100&facets=").await;
    assert!(total(&spanish_central) < spanish);
    assert!(spanish_central["hits"]
        .as_array()
        .expect("hits")
        .iter()
        .all(|hit| hit["lang"] == "es"));
}

#[tokio::test]
async fn topic_filter_includes_children_and_org_accepts_aliases() {
    let trafficking = total(&search("topic=/Migration/Human%20trafficking&facets=").await);
    let sexual = total(&search("topic=/Migration/Human%20trafficking/Sexual%20exploitation&facets=").await);
    assert!(trafficking > 0);
    assert!(trafficking >= sexual);
    let by_acronym = search("org=IOM&limit=100&facets=").await;
    let by_spanish = search("org=OIM&limit=100&facets=").await;
    assert!(total(&by_acronym) >= 10);
    assert_eq!(ids(&by_acronym), ids(&by_spanish));
}

#[tokio::test]
async fn dates_filter_and_sort() {
    let newest_first = search("sort=date_desc&limit=100&facets=year").await;
    let dates: Vec<&str> = newest_first["hits"]
        .as_array()
        .expect("hits")
        .iter()
        .filter_map(|hit| hit["date"].as_str())
        .collect();
    assert!(dates.len() >= 10, "corpus releases have dateline dates: {dates:?}");
    assert!(dates.windows(2).all(|pair| pair[0] >= pair[1]), "{dates:?}");
    let in_2023 = search("from=2023&to=2023&limit=100&facets=year").await;
    let expected = facet_count(&newest_first, "year", "2023").unwrap_or(0);
    assert_eq!(total(&in_2023), expected);
    assert!(in_2023["hits"]
        .as_array()
        .expect("hits")
        .iter()
        .all(|hit| hit["date"].as_str().is_some_and(|d| d.starts_with("2023"))));
    let oldest_first = search("sort=date_asc&limit=3&facets=").await;
    let first = oldest_first["hits"][0]["date"].as_str().expect("dated");
    assert!(dates.iter().all(|date| *date >= first));
}

#[tokio::test]
async fn pagination_is_stable_and_disjoint() {
    let all = ids(&search("q=migrants&limit=6&facets=").await);
    let first = ids(&search("q=migrants&limit=3&facets=").await);
    let second = ids(&search("q=migrants&limit=3&offset=3&facets=").await);
    assert_eq!(all.len(), 6);
    assert_eq!([first, second].concat(), all);
    let browse_a = ids(&search("limit=5&offset=5&facets=").await);
    let browse_b = ids(&search("limit=5&offset=5&facets=").await);
    assert_eq!(browse_a, browse_b);
}

#[tokio::test]
async fn facets_parameter_selects_facets() {
    let response = search("q=refugees&facets=region,org").await;
    let facets = response["facets"].as_object().expect("facets");
    let mut names: Vec<&String> = facets.keys().collect();
    names.sort();
    assert_eq!(names, ["org", "region"]);
    assert!(facet_count(&response, "org", "UNHCR").unwrap_or(0) > 0, "{response}");
}

#[tokio::test]
async fn document_endpoint_returns_the_enriched_record() {
    let (status, document) = get("/api/documents/corpus:en-001-costa-rica-trafficking-network").await;
    assert_eq!(status, StatusCode::OK, "{document}");
    assert_eq!(document["main_countries"], serde_json::json!(["CRI"]));
    assert!(document["mentioned_countries"].as_array().expect("mentioned").len() >= 2);
    assert!(document["contact"].as_str().is_some_and(|c| !c.contains("mailto")));
    assert!(document["body"].as_str().is_some_and(|b| !b.is_empty()));
    let (status, error) = get("/api/documents/corpus:no-such-release").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert_eq!(error["error"]["code"], "document_not_found");
}

#[tokio::test]
async fn health_reports_documents() {
    let (status, health) = get("/health").await;
    assert_eq!(status, StatusCode::OK);
    assert!(health["documents"].as_u64().unwrap_or(0) >= 34);
}

#[tokio::test]
async fn every_bad_request_is_a_json_error_with_its_code() {
    let cases: &[(&str, u16, &str)] = &[
        ("/api/search?q=%22unbalanced", 400, "invalid_query"),
        ("/api/search?q=title:(", 400, "invalid_query"),
        ("/api/search?q=a%00b", 400, "invalid_query"),
        ("/api/search?limit=101", 400, "limit_too_large"),
        ("/api/search?limit=-1", 400, "invalid_limit"),
        ("/api/search?limit=ten", 400, "invalid_limit"),
        ("/api/search?offset=999999", 400, "offset_too_large"),
        ("/api/search?offset=-5", 400, "invalid_offset"),
        ("/api/search?from=2020-02-30", 400, "invalid_date"),
        ("/api/search?to=yesterday", 400, "invalid_date"),
        ("/api/search?from=2020&to=2019", 400, "invalid_date_range"),
        ("/api/search?facets=region,colour", 400, "unknown_facet"),
        ("/api/search?sort=random", 400, "invalid_sort"),
        ("/api/search?region=Atlantis", 400, "invalid_region"),
        ("/api/search?topic=/Sports", 400, "invalid_topic"),
        ("/api/search?country=Costa%20Rica", 400, "invalid_country"),
        ("/api/search?lang=english", 400, "invalid_lang"),
        ("/api/search?region=", 400, "empty_filter"),
        ("/api/search?colour=red", 400, "unknown_parameter"),
        ("/api/nothing-here", 404, "not_found"),
    ];
    for (uri, status, code) in cases {
        let (actual_status, body) = get(uri).await;
        assert_eq!(actual_status.as_u16(), *status, "{uri}: {body}");
        assert_eq!(body["error"]["code"], *code, "{uri}: {body}");
        assert!(
            body["error"]["message"].as_str().is_some_and(|m| !m.is_empty()),
            "{uri}"
        );
    }
    let long_query = format!("/api/search?q={}", "a".repeat(1_001));
    assert_eq!(get(&long_query).await.1["error"]["code"], "query_too_long");

    let bad_json = Request::post("/api/search")
        .header("content-type", "application/json")
        .body(Body::from("{\"q\": "))
        .expect("request");
    let (status, body) = send(bad_json).await;
    assert_eq!(
        (status.as_u16(), body["error"]["code"].as_str()),
        (400, Some("invalid_json"))
    );
    let wrong_type = Request::post("/api/search")
        .header("content-type", "text/plain")
        .body(Body::from("q=x"))
        .expect("request");
    let (status, body) = send(wrong_type).await;
    assert_eq!(
        (status.as_u16(), body["error"]["code"].as_str()),
        (400, Some("unsupported_content_type"))
    );
    let wrong_shape = Request::post("/api/search")
        .header("content-type", "application/json")
        .body(Body::from("[1,2]"))
        .expect("request");
    assert_eq!(send(wrong_shape).await.1["error"]["code"], "invalid_json");
    let nested = Request::post("/api/search")
        .header("content-type", "application/json")
        .body(Body::from(r#"{"q":{"a":1}}"#))
        .expect("request");
    assert_eq!(send(nested).await.1["error"]["code"], "invalid_json");
    let too_large = Request::post("/api/search")
        .header("content-type", "application/json")
        .body(Body::from(format!("{{\"q\": \"{}\"}}", "a".repeat(100_000))))
        .expect("request");
    let (status, body) = send(too_large).await;
    assert_eq!(
        (status.as_u16(), body["error"]["code"].as_str()),
        (413, Some("payload_too_large"))
    );
    let wrong_method = Request::delete("/api/search").body(Body::empty()).expect("request");
    let (status, body) = send(wrong_method).await;
    assert_eq!(
        (status.as_u16(), body["error"]["code"].as_str()),
        (405, Some("method_not_allowed"))
    );
    let (status, body) = get("/api/documents/%FF%FE").await;
    assert_eq!(
        (status.as_u16(), body["error"]["code"].as_str()),
        (400, Some("invalid_id")),
        "{body}"
    );
    // The server still answers after all that.
    assert_eq!(get("/health").await.0, StatusCode::OK);
}

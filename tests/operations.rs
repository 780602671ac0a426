//! Running it in production: keys, live writes, reloads, readiness, metrics, the OpenAPI
//! document and configured limits — over HTTP with `oneshot`, on indexes of `corpus/`.

mod common;

use std::sync::atomic::AtomicBool;
use std::sync::Arc;

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use axum::Router;
use common::{app, corpus_index, facet_total, send, READ_KEY, WRITE_KEY};
use pressroom_query::{SearchService, ServerConfig};
use serde_json::Value;

fn get(uri: &str, key: Option<&str>) -> Request<Body> {
    let mut request = Request::get(uri);
    if let Some(key) = key {
        request = request.header(header::AUTHORIZATION, format!("Bearer {key}"));
    }
    request.body(Body::empty()).expect("request")
}

fn post(uri: &str, key: Option<&str>, content_type: &str, body: impl Into<Body>) -> Request<Body> {
    let mut request = Request::post(uri).header(header::CONTENT_TYPE, content_type);
    if let Some(key) = key {
        request = request.header(header::AUTHORIZATION, format!("Bearer {key}"));
    }
    request.body(body.into()).expect("request")
}

fn keys() -> ServerConfig {
    ServerConfig {
        api_key: Some(WRITE_KEY.to_string()),
        read_key: Some(READ_KEY.to_string()),
        ..ServerConfig::default()
    }
}

/// Writes a release or a batch (JSON) with the write key; it must be accepted.
async fn write_release(app: &Router, release: &str) {
    let (status, _, written) = send(
        app,
        post(
            "/api/documents",
            Some(WRITE_KEY),
            "application/json",
            release.to_string(),
        ),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{written}");
}

/// Deletes the release `id` with the write key; it must be accepted.
async fn delete_release(app: &Router, id: &str) {
    let delete = Request::delete(format!("/api/documents/{id}"))
        .header(header::AUTHORIZATION, format!("Bearer {WRITE_KEY}"))
        .body(Body::empty())
        .expect("request");
    let (status, _, deleted) = send(app, delete).await;
    assert_eq!(status, StatusCode::OK, "{deleted}");
}

#[tokio::test]
async fn keys_guard_reads_and_writes() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let app = app(corpus_index(dir.path()), keys());
    let (status, headers, body) = send(&app, get("/api/search?q=trafficking", None)).await;
    assert_eq!(
        (status, body["error"]["code"].as_str()),
        (StatusCode::UNAUTHORIZED, Some("unauthorized"))
    );
    assert_eq!(
        headers.get(header::WWW_AUTHENTICATE).map(|v| v.as_bytes()),
        Some(&b"Bearer"[..])
    );
    assert_eq!(
        send(&app, get("/api/search?q=trafficking", Some("wrong"))).await.0,
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        send(&app, get("/api/search?q=trafficking", Some(READ_KEY))).await.0,
        StatusCode::OK
    );
    assert_eq!(
        send(&app, get("/api/search?q=trafficking", Some(WRITE_KEY))).await.0,
        StatusCode::OK
    );
    assert_eq!(
        send(&app, get("/api/facets/org?q=iom", None)).await.0,
        StatusCode::UNAUTHORIZED
    );
    // The read key does not write; health and readiness stay open for probes.
    let document = r#"{"id": "api:1", "title": "Test release", "body": "Text."}"#;
    let (status, _, _) = send(
        &app,
        post("/api/documents", Some(READ_KEY), "application/json", document),
    )
    .await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    assert_eq!(send(&app, get("/health", None)).await.0, StatusCode::OK);
    assert_eq!(send(&app, get("/ready", None)).await.0, StatusCode::OK);
}

#[tokio::test]
async fn documents_are_added_replaced_and_deleted_live() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let service = corpus_index(dir.path());
    let before = service.num_documents();
    let app = app(service.clone(), keys());
    let ndjson = concat!(
        r#"{"id": "api:kiribati-1", "title": "Kiribati: Sea-Level Rise Pushes Families to Move Inland", "body": "TARAWA, Kiribati, 3 May 2024 - IOM and the Government of Kiribati opened a relocation programme for families displaced by coastal flooding.", "date": "2024-05-03"}"#,
        "\n",
        r#"{"title": "no id"}"#,
        "\n",
        "not json\n",
        r#"{"id": "api:tuvalu-1", "title": "Tuvalu: Climate Mobility Pact Signed", "body": "FUNAFUTI - Tuvalu signed a climate mobility agreement.", "source": "pacific"}"#,
        "\n",
    );
    let (status, _, body) = send(
        &app,
        post("/api/documents", Some(WRITE_KEY), "application/x-ndjson", ndjson),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(
        (body["written"].as_u64(), body["replaced"].as_u64()),
        (Some(2), Some(0))
    );
    let rejected: Vec<u64> = body["rejected"]
        .as_array()
        .expect("rejected")
        .iter()
        .filter_map(|r| r["index"].as_u64())
        .collect();
    assert_eq!(rejected, [1, 2], "{body}");
    assert_eq!(body["documents"].as_u64(), Some(before + 2));
    // Visible at once, enriched like any record.
    let (_, _, found) = send(&app, get("/api/search?q=kiribati&facets=source", Some(READ_KEY))).await;
    assert_eq!(found["hits"][0]["id"], "api:kiribati-1", "{found}");
    assert_eq!(found["hits"][0]["countries"], serde_json::json!(["KIR"]));
    assert_eq!(found["hits"][0]["date"], "2024-05-03");
    let (_, _, by_source) = send(&app, get("/api/search?source=pacific&facets=", Some(READ_KEY))).await;
    assert_eq!(by_source["total"], 1);
    // Replace by id (an array body).
    let replacement = r#"[{"id": "api:kiribati-1", "title": "Kiribati relocation programme expanded", "body": "More families will move inland."}]"#;
    let (status, _, body) = send(
        &app,
        post("/api/documents", Some(WRITE_KEY), "application/json", replacement),
    )
    .await;
    assert_eq!((status, body["replaced"].as_u64()), (StatusCode::OK, Some(1)));
    assert_eq!(service.num_documents(), before + 2);
    let (_, _, document) = send(&app, get("/api/documents/api:kiribati-1", Some(READ_KEY))).await;
    assert_eq!(document["title"], "Kiribati relocation programme expanded");
    // Delete; a second delete is a 404.
    let delete = || {
        Request::delete("/api/documents/api:kiribati-1")
            .header(header::AUTHORIZATION, format!("Bearer {WRITE_KEY}"))
            .body(Body::empty())
            .expect("request")
    };
    let (status, _, body) = send(&app, delete()).await;
    assert_eq!((status, body["deleted"].as_u64()), (StatusCode::OK, Some(1)));
    let (status, _, body) = send(&app, delete()).await;
    assert_eq!(
        (status, body["error"]["code"].as_str()),
        (StatusCode::NOT_FOUND, Some("document_not_found"))
    );
    assert_eq!(service.num_documents(), before + 1);
    // Nothing valid at all: 400, nothing written.
    let (status, _, body) = send(
        &app,
        post(
            "/api/documents",
            Some(WRITE_KEY),
            "application/json",
            r#"[{"title": "x"}]"#,
        ),
    )
    .await;
    assert_eq!(
        (status, body["error"]["code"].as_str()),
        (StatusCode::BAD_REQUEST, Some("invalid_json"))
    );
    let (status, _, body) = send(&app, post("/api/documents", Some(WRITE_KEY), "text/csv", "id,title")).await;
    assert_eq!(
        (status, body["error"]["code"].as_str()),
        (StatusCode::BAD_REQUEST, Some("unsupported_content_type"))
    );
    // The writes survive a reopen (they were committed).
    drop(app);
    drop(service);
    let reopened = SearchService::open(dir.path()).expect("reopens");
    assert_eq!(reopened.num_documents(), before + 1);
}

/// What a search remembers per index generation (a concept's other wordings matched once,
/// the terms' statistics) follows live writes: a Spanish release written after `human
/// trafficking` was searched is found through `trata de personas` at once, and is gone once
/// deleted.
#[tokio::test]
async fn expansion_follows_live_writes() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let service = corpus_index(dir.path());
    let app = app(service.clone(), keys());
    let search = "/api/search?q=human%20trafficking&facets=&limit=100";
    let ids = |response: &Value| -> Vec<String> {
        response["hits"]
            .as_array()
            .map(|hits| {
                hits.iter()
                    .filter_map(|hit| hit["id"].as_str().map(str::to_string))
                    .collect()
            })
            .unwrap_or_default()
    };
    let (_, _, before) = send(&app, get(search, Some(READ_KEY))).await;
    let total_before = before["total"].as_u64().expect("a total");
    assert!(total_before > 0, "{before}");
    let release = r#"{"id": "api:tapachula-1", "title": "Tapachula: nueva red contra la trata de personas", "body": "TAPACHULA, México - La OIM y las autoridades locales abrieron un refugio para víctimas de la trata de personas en la frontera sur.", "date": "2024-06-10"}"#;
    write_release(&app, release).await;
    let (_, _, after) = send(&app, get(search, Some(READ_KEY))).await;
    assert_eq!(after["total"].as_u64(), Some(total_before + 1), "{after}");
    assert!(ids(&after).contains(&"api:tapachula-1".to_string()), "{after}");
    delete_release(&app, "api:tapachula-1").await;
    let (_, _, gone) = send(&app, get(search, Some(READ_KEY))).await;
    assert_eq!(gone["total"].as_u64(), Some(total_before), "{gone}");
    assert!(!ids(&gone).contains(&"api:tapachula-1".to_string()), "{gone}");
}

/// Browsing without words reads every document's facet counts, remembered per generation:
/// they add up to the total, agree with a count by filter, and follow live writes (a Spanish
/// release written, then deleted), as does a facet's own count when it is the only filter.
#[tokio::test]
async fn browsing_counts_follow_live_writes() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let service = corpus_index(dir.path());
    let app = app(service.clone(), keys());
    let count_of = |response: &Value, value: &str| -> u64 {
        response["facets"]["lang"]["values"]
            .as_array()
            .and_then(|values| values.iter().find(|entry| entry["value"] == value))
            .and_then(|entry| entry["count"].as_u64())
            .unwrap_or(0)
    };
    let browse = "/api/search?q=&facets=lang,org&facet_limit=50";
    let own = "/api/search?q=&lang=es&facets=lang&facet_limit=50";
    let (_, _, before) = send(&app, get(browse, Some(READ_KEY))).await;
    let total = before["total"].as_u64().expect("a total");
    assert_eq!(
        facet_total(&before, "lang"),
        total,
        "every release has one language: {before}"
    );
    let spanish = count_of(&before, "es");
    assert!(spanish > 0, "{before}");
    let (_, _, filtered) = send(&app, get(own, Some(READ_KEY))).await;
    assert_eq!(filtered["total"].as_u64(), Some(spanish), "{filtered}");
    assert_eq!(count_of(&filtered, "es"), spanish, "{filtered}");
    assert_eq!(count_of(&filtered, "en"), count_of(&before, "en"), "{filtered}");
    let release = r#"{"id": "api:tapachula-2", "title": "Tapachula: nueva red contra la trata de personas", "body": "TAPACHULA, México - La OIM y las autoridades locales abrieron un refugio para víctimas de la trata de personas en la frontera sur. El refugio atiende a mujeres y niñas rescatadas de redes de explotación.", "date": "2024-06-10"}"#;
    write_release(&app, release).await;
    let (_, _, after) = send(&app, get(browse, Some(READ_KEY))).await;
    assert_eq!(after["total"].as_u64(), Some(total + 1), "{after}");
    assert_eq!(count_of(&after, "es"), spanish + 1, "{after}");
    let (_, _, filtered) = send(&app, get(own, Some(READ_KEY))).await;
    assert_eq!(count_of(&filtered, "es"), spanish + 1, "{filtered}");
    delete_release(&app, "api:tapachula-2").await;
    let (_, _, gone) = send(&app, get(browse, Some(READ_KEY))).await;
    assert_eq!(gone["total"].as_u64(), Some(total), "{gone}");
    assert_eq!(count_of(&gone, "es"), spanish, "{gone}");
}

#[tokio::test]
async fn a_rebuild_is_switched_to_by_reload() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let service = corpus_index(dir.path());
    let app = app(service.clone(), keys());
    let old_generation = service.generation().expect("a generation");
    let (_, _, unchanged) = send(&app, post("/api/admin/reload", Some(WRITE_KEY), "application/json", "")).await;
    assert_eq!(unchanged["switched"], false, "{unchanged}");
    // A new build of a different collection into the same folder.
    let extra = dir.path().join("extra.jsonl");
    std::fs::write(
        &extra,
        r#"{"id": "x:1", "title": "Only release", "body": "Nothing else."}"#,
    )
    .expect("written");
    pressroom_index::build(dir.path(), &[extra], &Default::default(), &mut |_| {}).expect("rebuilds");
    assert_eq!(
        service.generation(),
        Some(old_generation.clone()),
        "no switch before reload"
    );
    let (status, _, outcome) = send(&app, post("/api/admin/reload", Some(WRITE_KEY), "application/json", "")).await;
    assert_eq!(status, StatusCode::OK, "{outcome}");
    assert_eq!(
        (outcome["switched"].as_bool(), outcome["documents"].as_u64()),
        (Some(true), Some(1))
    );
    assert_ne!(service.generation(), Some(old_generation));
    let (_, _, found) = send(&app, get("/api/search?facets=", Some(READ_KEY))).await;
    assert_eq!(found["total"], 1);
    let (status, _, _) = send(&app, post("/api/admin/reload", None, "application/json", "")).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn readiness_waits_for_warm_up() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let ready = Arc::new(AtomicBool::new(false));
    let app = pressroom_query::http::app_with(corpus_index(dir.path()), ServerConfig::default(), ready.clone());
    let (status, headers, body) = send(&app, get("/ready", None)).await;
    assert_eq!(
        (status, body["error"]["code"].as_str()),
        (StatusCode::SERVICE_UNAVAILABLE, Some("not_ready"))
    );
    assert!(headers.contains_key(header::RETRY_AFTER));
    assert_eq!(
        send(&app, get("/health", None)).await.0,
        StatusCode::OK,
        "alive while not ready"
    );
    ready.store(true, std::sync::atomic::Ordering::Release);
    let (status, _, body) = send(&app, get("/ready", None)).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body["documents"], common::CORPUS_DOCUMENTS);
}

#[tokio::test]
async fn metrics_count_requests_and_describe_the_index() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let app = app(corpus_index(dir.path()), ServerConfig::default());
    for uri in [
        "/api/search?q=trafficking",
        "/api/search?q=%22safe%20spaces%22",
        "/api/search?limit=-1",
    ] {
        send(&app, get(uri, None)).await;
    }
    let (status, headers, text) = send(&app, get("/metrics", None)).await;
    assert_eq!(status, StatusCode::OK);
    assert!(headers[header::CONTENT_TYPE]
        .to_str()
        .unwrap_or("")
        .starts_with("text/plain"));
    let text = text.as_str().unwrap_or_default();
    let documents = format!("pressroom_index_documents {}", common::CORPUS_DOCUMENTS);
    for expected in [
        "pressroom_http_requests_total{route=\"/api/search\",method=\"GET\",status=\"200\"}",
        "pressroom_http_requests_total{route=\"/api/search\",method=\"GET\",status=\"400\"}",
        "pressroom_http_request_duration_seconds_bucket{route=\"/api/search\",method=\"GET\",status=\"200\",le=",
        "pressroom_search_duration_seconds_bucket{type=\"phrase\"",
        documents.as_str(),
        "pressroom_index_segments",
        "pressroom_index_bytes",
    ] {
        assert!(text.contains(expected), "no {expected} in\n{text}");
    }
}

#[tokio::test]
async fn the_openapi_document_lists_every_route_and_parameter() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let app = app(corpus_index(dir.path()), ServerConfig::default());
    let (status, _, document) = send(&app, get("/openapi.json", None)).await;
    assert_eq!(status, StatusCode::OK);
    assert!(document["openapi"].as_str().is_some_and(|v| v.starts_with("3.")));
    let paths = document["paths"].as_object().expect("paths");
    for path in [
        "/api/search",
        "/api/facets/{facet}",
        "/api/documents",
        "/api/documents/{id}",
        "/api/documents/{id}/similar",
        "/api/admin/reload",
        "/health",
        "/ready",
        "/metrics",
    ] {
        assert!(paths.contains_key(path), "{path} undocumented");
    }
    // Every documented search parameter is one the parser knows (a typo here would be an
    // `unknown_parameter` for clients following the document).
    let parameters = document["paths"]["/api/search"]["get"]["parameters"]
        .as_array()
        .expect("parameters");
    assert!(parameters.len() >= 20);
    for parameter in parameters {
        let name = parameter["name"].as_str().expect("name");
        let (_, _, body) = send(&app, get(&format!("/api/search?{name}=1"), None)).await;
        assert_ne!(body["error"]["code"], "unknown_parameter", "{name}");
    }
    assert!(document["components"]["securitySchemes"]["bearer"].is_object());
}

#[tokio::test]
async fn configured_limits_apply() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let config = ServerConfig {
        max_limit: 5,
        max_offset: 20,
        max_query_chars: 30,
        max_facet_limit: 3,
        max_body_bytes: 100,
        ..ServerConfig::default()
    };
    let app = app(corpus_index(dir.path()), config);
    let code = |body: &Value| body["error"]["code"].as_str().map(str::to_string);
    let cases = [
        ("/api/search?limit=6", "limit_too_large"),
        ("/api/search?offset=21", "offset_too_large"),
        (
            "/api/search?q=this%20query%20is%20longer%20than%20thirty%20characters",
            "query_too_long",
        ),
        ("/api/search?facet_limit=4", "invalid_facet_limit"),
    ];
    for (uri, expected) in cases {
        let (status, _, body) = send(&app, get(uri, None)).await;
        assert_eq!(
            (status, code(&body)),
            (StatusCode::BAD_REQUEST, Some(expected.to_string())),
            "{uri}"
        );
    }
    assert_eq!(
        send(&app, get("/api/search?limit=5&offset=20&facet_limit=3", None))
            .await
            .0,
        StatusCode::OK
    );
    let big = format!("{{\"q\": \"{}\"}}", "a".repeat(200));
    let (status, _, body) = send(&app, post("/api/search", None, "application/json", big)).await;
    assert_eq!(
        (status, code(&body)),
        (StatusCode::PAYLOAD_TOO_LARGE, Some("payload_too_large".to_string()))
    );
}

#[tokio::test]
async fn cors_is_off_by_default_and_configurable() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let service = corpus_index(dir.path());
    let preflight = || {
        Request::builder()
            .method("OPTIONS")
            .uri("/api/search")
            .header(header::ORIGIN, "https://analysts.example.org")
            .header(header::ACCESS_CONTROL_REQUEST_METHOD, "GET")
            .body(Body::empty())
            .expect("request")
    };
    let closed = app(service.clone(), ServerConfig::default());
    let (_, headers, _) = send(&closed, preflight()).await;
    assert!(!headers.contains_key(header::ACCESS_CONTROL_ALLOW_ORIGIN));
    let open = app(
        service,
        ServerConfig {
            cors_origins: vec!["https://analysts.example.org".to_string()],
            ..ServerConfig::default()
        },
    );
    let (_, headers, _) = send(&open, preflight()).await;
    assert_eq!(
        headers.get(header::ACCESS_CONTROL_ALLOW_ORIGIN).map(|v| v.as_bytes()),
        Some(&b"https://analysts.example.org"[..])
    );
}

#[tokio::test]
async fn no_html_from_documents_reaches_a_response_unescaped() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let service = common::index_of_lines(
        dir.path(),
        &[
            r#"{"id": "h:1", "title": "<script>alert('trafficking')</script> & <b>bold</b>", "body": "Trafficking <img src=x onerror=alert(1)> report by the <i>Evil</i> Relief Agency (ERA) on trafficking in \"Chad\"."}"#,
        ],
    );
    let app = app(service, ServerConfig::default());
    let (_, _, response) = send(
        &app,
        get(
            "/api/search?q=trafficking&fragments=3&facets=region,org,topic,lang",
            None,
        ),
    )
    .await;
    let hit = &response["hits"][0];
    for field in ["title_html", "snippet"] {
        let html = hit[field]
            .as_str()
            .expect(field)
            .replace("<mark>", "")
            .replace("</mark>", "");
        assert!(!html.contains('<') && !html.contains('>'), "{field}: {html}");
    }
    for fragment in hit["fragments"].as_array().expect("fragments") {
        let html = fragment
            .as_str()
            .unwrap_or_default()
            .replace("<mark>", "")
            .replace("</mark>", "");
        assert!(!html.contains('<'), "{html}");
    }
    let facets = response["facets"].to_string();
    assert!(!facets.contains('<'), "{facets}");
}

/// One table of error codes (`pressroom_query::codes`), and README's error table lists each
/// with its status and when it is given, as the table says them.
#[test]
fn the_readme_lists_every_error_code_with_its_status() {
    let readme = std::fs::read_to_string(common::repo_root().join("README.md")).expect("README");
    let table: Vec<&str> = readme
        .split("### Errors")
        .nth(1)
        .expect("an Errors section")
        .lines()
        .filter(|line| line.starts_with("| "))
        .collect();
    for code in pressroom_query::codes::Code::ALL {
        let row = table
            .iter()
            .find(|row| row.contains(&format!("`{}`", code.as_str())))
            .unwrap_or_else(|| panic!("README's error table lacks `{code}`"));
        assert_eq!(
            *row,
            format!("| {} | `{code}` | {} |", code.status(), code.when()),
            "README's row for `{code}` is not codes.rs's"
        );
    }
}

/// Near-duplicates (the same release reposted, or with a line added) are one hit with their
/// ids in `duplicates`; `collapse=false` lists them apart; counts still count documents.
#[tokio::test]
async fn near_duplicates_collapse_into_one_hit() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let app = app(corpus_index(dir.path()), keys());
    let (_, _, original) = send(
        &app,
        get(
            "/api/documents/corpus:en-001-costa-rica-trafficking-network",
            Some(READ_KEY),
        ),
    )
    .await;
    let (title, body) = (
        original["title"].as_str().expect("title"),
        original["body"].as_str().expect("body"),
    );
    let copies = serde_json::json!([
        {"id": "archive:1", "title": title, "body": body},
        {"id": "mirror:2", "title": title.to_uppercase(), "body": format!("{body}\nShared by the regional office.")},
    ]);
    write_release(&app, &copies.to_string()).await;
    let uri = "/api/search?q=%22Costa%20Rica%22%20trafficking%20network&facets=source";
    let (_, _, collapsed) = send(&app, get(uri, Some(READ_KEY))).await;
    assert_eq!(collapsed["total"], 3, "total counts documents: {collapsed}");
    let hits = collapsed["hits"].as_array().expect("hits");
    assert_eq!(hits.len(), 1, "{collapsed}");
    // archive:1 scores the same as the original, which was indexed first: the smaller id
    // leads, whatever order the segments are in; duplicates follow in rank order (mirror:2 is
    // longer, so it scores lower).
    assert_eq!(hits[0]["id"], "archive:1", "{collapsed}");
    assert_eq!(
        hits[0]["duplicates"],
        serde_json::json!(["corpus:en-001-costa-rica-trafficking-network", "mirror:2"]),
        "{collapsed}"
    );
    // Sorted by date the copies tie on their date: the same copy leads.
    let (_, _, by_date) = send(&app, get(&format!("{uri}&sort=date_desc"), Some(READ_KEY))).await;
    assert_eq!(by_date["hits"][0]["id"], "archive:1", "{by_date}");
    assert_eq!(facet_total(&collapsed, "source"), 3, "facets count documents");
    let (_, _, apart) = send(&app, get(&format!("{uri}&collapse=false"), Some(READ_KEY))).await;
    assert_eq!(apart["hits"].as_array().map(Vec::len), Some(3));
    assert!(apart["hits"][0].get("duplicates").is_none());
    // A different release about the same case is not a duplicate.
    let (_, _, other) = send(&app, get("/api/search?q=trafficking&limit=50&facets=", Some(READ_KEY))).await;
    let listed: Vec<&str> = other["hits"]
        .as_array()
        .expect("hits")
        .iter()
        .filter_map(|hit| hit["id"].as_str())
        .collect();
    assert!(listed.contains(&"corpus:en-019-bangladesh-coxs-bazar-trafficking-awareness"));
}

#[test]
fn writes_are_enriched_with_the_acronyms_their_generation_learned() {
    let dir = tempfile::tempdir().expect("temporary folder");
    // Both releases come from one collection, `collection` (the file's name): the first spells
    // the ACTU out, the second names it alone.
    let service = common::index_of_lines(
        dir.path(),
        &[
            r#"{"id":"a","title":"Wages","body":"A statement of the Australian Council of Trade Unions (ACTU) on wages."}"#,
            r#"{"id":"b","title":"Strike","body":"The ACTU said the strike at the port would go ahead on Monday."}"#,
        ],
    );
    let organizations = |service: &SearchService, id: &str| {
        service
            .document(id)
            .expect("the document is there")
            .enrichment
            .organizations
    };
    let names_actu = |service: &SearchService, id: &str| organizations(service, id).iter().any(|name| name == "ACTU");
    assert!(names_actu(&service, "b"), "{:?}", organizations(&service, "b"));
    // A release written later to that collection is read as the build read its own; one of
    // another collection is not.
    let release = |id: &str, source: &str| pressroom_ingest::Record {
        id: id.to_string(),
        ..common::record(source, "Talks", "The ACTU said talks with employers would resume.")
    };
    service
        .upsert(&[release("c", "collection"), release("d", "api")])
        .expect("written");
    assert!(names_actu(&service, "c"), "{:?}", organizations(&service, "c"));
    assert!(!names_actu(&service, "d"), "{:?}", organizations(&service, "d"));
    // And so after a restart, which reads what the generation's build learned back.
    drop(service);
    let service = SearchService::open(&dir.path().join("index")).expect("index opens");
    service.upsert(&[release("e", "collection")]).expect("written");
    assert!(names_actu(&service, "e"), "{:?}", organizations(&service, "e"));
}

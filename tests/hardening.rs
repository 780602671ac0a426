//! What a hostile or unlucky input must not do: each finding of the hardening review (issue
//! 12) with the test that failed before its fix. Over HTTP with `oneshot`, and over a real
//! socket where hyper itself answers.

mod common;

use std::time::Duration;

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use axum::Router;
use common::{app, corpus_index, READ_KEY, WRITE_KEY};
use pressroom_query::ServerConfig;
use serde_json::{json, Value};

fn writable() -> ServerConfig {
    ServerConfig {
        api_key: Some(WRITE_KEY.to_string()),
        ..ServerConfig::default()
    }
}

async fn send(app: &Router, request: Request<Body>) -> (StatusCode, Value) {
    let (status, _, json) = common::send(app, request).await;
    (status, json)
}

fn request(method: &str, uri: &str, key: Option<&str>, content_type: &str, body: impl Into<Body>) -> Request<Body> {
    let mut builder = Request::builder()
        .method(method)
        .uri(uri)
        .header(header::CONTENT_TYPE, content_type);
    if let Some(key) = key {
        builder = builder.header(header::AUTHORIZATION, format!("Bearer {key}"));
    }
    builder.body(body.into()).expect("request")
}

fn get(uri: &str) -> Request<Body> {
    request("GET", uri, None, "text/plain", Body::empty())
}

/// A multi-byte space right before a match made the highlighter cut a fragment inside it:
/// 500 on ordinary French text. Every space separator the shared corpora hold, at every
/// distance from the match.
#[tokio::test]
async fn text_with_wide_spaces_before_a_match_is_highlighted() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let service = corpus_index(dir.path());
    let app = app(service, writable());
    let spaces = ['\u{2009}', '\u{200A}', '\u{202F}', '\u{3000}', '\u{2002}', '\u{2003}'];
    let documents: Vec<Value> = spaces
        .iter()
        .enumerate()
        .flat_map(|(number, space)| {
            (60..80).map(move |pad| {
                json!({
                    "id": format!("wide:{number}-{pad}"),
                    "title": "Passeurs",
                    "body": format!("Intro{space}{} smuggling of migrants{space}; la pression{space}!", "x".repeat(pad)),
                })
            })
        })
        .collect();
    let body = Value::Array(documents).to_string();
    let (status, written) = send(
        &app,
        request("POST", "/api/documents", Some(WRITE_KEY), "application/json", body),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{written}");
    for query in ["smuggling", "pression", "migrants"] {
        let (status, found) = send(&app, get(&format!("/api/search?q={query}&fragments=5&limit=100"))).await;
        assert_eq!(status, StatusCode::OK, "{query}: {found}");
        assert!(found["total"].as_u64() >= Some(120), "{query}: {}", found["total"]);
        assert!(found["hits"][0]["snippet"]
            .as_str()
            .is_some_and(|s| s.contains("<mark>")));
    }
}

/// 65,000 `/` in `facet_expand` made every ancestor path a string of its own (1.9 GB).
#[tokio::test]
async fn long_and_deep_parameter_values_are_refused() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let app = app(corpus_index(dir.path()), ServerConfig::default());
    let body = json!({"q": "", "facet_expand": "/".repeat(65_000)}).to_string();
    let started = std::time::Instant::now();
    let (status, error) = send(&app, request("POST", "/api/search", None, "application/json", body)).await;
    assert_eq!(
        (status, error["error"]["code"].as_str()),
        (StatusCode::BAD_REQUEST, Some("value_too_long"))
    );
    assert!(started.elapsed() < Duration::from_secs(2));
    for uri in [
        format!("/api/search?region={}", "/Africa".repeat(9)),
        format!("/api/search?org={}", "U".repeat(201)),
        format!("/api/facets/org?q=u&topic={}", "x".repeat(300)),
        format!("/api/documents/{}", "x".repeat(600)),
        format!("/api/documents/{}/similar", "x".repeat(600)),
    ] {
        let (status, error) = send(&app, get(&uri)).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{uri}: {error}");
        assert!(error["error"]["code"].is_string());
    }
    // Depth alone, in a short value that would otherwise be looked at: nine levels.
    let (status, error) = send(&app, get("/api/search?q=&facet_expand=/a/b/c/d/e/f/g/h/i")).await;
    assert_eq!(
        (status, error["error"]["code"].as_str()),
        (StatusCode::BAD_REQUEST, Some("value_too_long")),
        "{error}"
    );
}

/// Every made-up method was a new value of the `method` label: a new time series each.
#[tokio::test]
async fn unknown_methods_share_one_metrics_label() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let app = app(corpus_index(dir.path()), ServerConfig::default());
    for number in 0..40 {
        let (status, _) = send(
            &app,
            request(&format!("M{number}X"), "/api/search", None, "text/plain", Body::empty()),
        )
        .await;
        assert_eq!(status, StatusCode::METHOD_NOT_ALLOWED);
    }
    let (_, text) = send(&app, get("/metrics")).await;
    let text = text.as_str().unwrap_or_default();
    let mut methods: Vec<&str> = text
        .lines()
        .filter(|line| line.starts_with("pressroom_http_requests_total{"))
        .filter_map(|line| line.split("method=\"").nth(1)?.split('"').next())
        .collect();
    methods.sort_unstable();
    methods.dedup();
    assert!(methods.contains(&"other"), "{methods:?}");
    assert!(
        methods
            .iter()
            .all(|method| !method.starts_with('M') || *method == "MKCOL"),
        "{methods:?}"
    );
    assert!(methods.len() <= 10, "{methods:?}");
}

/// A body that never ends: answered 403/401 at once, without reading it, when the key is
/// missing or writes are off.
#[tokio::test]
async fn writes_check_the_key_before_reading_the_body() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let service = corpus_index(dir.path());
    let endless = || {
        let chunk = axum::body::Bytes::from(vec![b'['; 64 * 1024]);
        Body::from_stream(futures_stream(chunk))
    };
    for (config, key, expected) in [
        (ServerConfig::default(), None, StatusCode::FORBIDDEN),
        (writable(), None, StatusCode::UNAUTHORIZED),
        (writable(), Some("wrong"), StatusCode::UNAUTHORIZED),
    ] {
        let app = app(service.clone(), config);
        let answer = tokio::time::timeout(
            Duration::from_secs(5),
            send(
                &app,
                request("POST", "/api/documents", key, "application/json", endless()),
            ),
        )
        .await
        .expect("answered without reading the endless body");
        assert_eq!(answer.0, expected, "{}", answer.1);
    }
    // With the key, the body is read up to the limit: 413.
    let app = app(
        service,
        ServerConfig {
            max_write_bytes: 1 << 20,
            ..writable()
        },
    );
    let (status, error) = send(
        &app,
        request("POST", "/api/documents", Some(WRITE_KEY), "application/json", endless()),
    )
    .await;
    assert_eq!(
        (status, error["error"]["code"].as_str()),
        (StatusCode::PAYLOAD_TOO_LARGE, Some("payload_too_large"))
    );
}

/// An endless stream of `chunk`.
fn futures_stream(
    chunk: axum::body::Bytes,
) -> impl futures_core::Stream<Item = Result<axum::body::Bytes, std::io::Error>> {
    struct Endless(axum::body::Bytes);
    impl futures_core::Stream for Endless {
        type Item = Result<axum::body::Bytes, std::io::Error>;
        fn poll_next(
            self: std::pin::Pin<&mut Self>,
            _: &mut std::task::Context<'_>,
        ) -> std::task::Poll<Option<Self::Item>> {
            std::task::Poll::Ready(Some(Ok(self.0.clone())))
        }
    }
    Endless(chunk)
}

/// `[0,0,…]` of 32 MiB built one `rejected` entry per item and copied them all into one
/// error string; now the first hundred are listed and all are counted.
#[tokio::test]
async fn a_batch_of_millions_of_bad_items_is_answered_briefly() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let app = app(corpus_index(dir.path()), writable());
    let items = 4_000_000;
    let body = format!("[{}0]", "0,".repeat(items - 1));
    let (status, error) = send(
        &app,
        request("POST", "/api/documents", Some(WRITE_KEY), "application/json", body),
    )
    .await;
    assert_eq!(
        (status, error["error"]["code"].as_str()),
        (StatusCode::BAD_REQUEST, Some("invalid_json"))
    );
    let message = error["error"]["message"].as_str().unwrap_or_default();
    assert!(message.len() < 400 && message.contains("4000000 rejected"), "{message}");
    // One good item among many bad ones: written, the rejections capped.
    let body = format!(
        "[{}{{\"id\": \"ok:1\", \"title\": \"Floods in Chad\"}}]",
        "7,".repeat(5_000)
    );
    let (status, answer) = send(
        &app,
        request("POST", "/api/documents", Some(WRITE_KEY), "application/json", body),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{answer}");
    assert_eq!(answer["written"], 1);
    assert_eq!(answer["rejected_total"], 5_000);
    assert_eq!(answer["rejected"].as_array().map(Vec::len), Some(100));
}

/// A 70,000-byte id was indexed without an id term: it could be neither fetched nor deleted,
/// and posting it again duplicated it.
#[tokio::test]
async fn ids_longer_than_a_key_are_refused_by_the_api_and_the_readers() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let service = corpus_index(dir.path());
    let before = service.num_documents();
    let app = app(service.clone(), writable());
    let long_id = "x".repeat(70_000);
    let body = json!({"id": long_id, "title": "Too long an id"}).to_string();
    for _ in 0..2 {
        let (status, error) = send(
            &app,
            request(
                "POST",
                "/api/documents",
                Some(WRITE_KEY),
                "application/json",
                body.clone(),
            ),
        )
        .await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{error}");
        assert!(
            error["error"]["message"].as_str().is_some_and(|m| m.contains("512")),
            "{error}"
        );
    }
    assert_eq!(service.num_documents(), before);
    // The same record from a file is reported, and the rest is read.
    let file = dir.path().join("long-ids.jsonl");
    let lines = [
        json!({"id": "x".repeat(600), "title": "Too long"}).to_string(),
        json!({"id": "fine", "title": "Fine"}).to_string(),
    ];
    std::fs::write(&file, lines.join("\n")).expect("written");
    let mut problems = Vec::new();
    let mut records = Vec::new();
    pressroom_ingest::read_sources(&[file], None, &mut |item| match item {
        Ok(record) => records.push(record.id),
        Err(problem) => problems.push(problem),
    })
    .expect("read");
    assert_eq!(records, ["fine"]);
    assert_eq!(problems.len(), 1);
    assert_eq!(problems[0].kind, pressroom_ingest::ProblemKind::BadId);
    assert_eq!(problems[0].location, "line 1");
}

/// A gzip of zeros with no newline inflated to gigabytes during format detection.
#[test]
fn a_gzip_bomb_is_read_within_bounds_and_reported() {
    use std::io::Write;
    let dir = tempfile::tempdir().expect("temporary folder");
    let bomb = dir.path().join("bomb.jsonl.gz");
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    encoder.write_all(b"{\"id\": \"a\", \"title\": \"").expect("compress");
    for _ in 0..96 {
        encoder.write_all(&[b'0'; 1 << 20]).expect("compress");
    }
    std::fs::write(&bomb, encoder.finish().expect("gzip")).expect("written");
    assert!(std::fs::metadata(&bomb).expect("size").len() < 1 << 20);
    let good = dir.path().join("good.jsonl");
    std::fs::write(&good, "{\"id\": \"b\", \"title\": \"Floods in Chad\"}\n").expect("written");
    let mut problems = Vec::new();
    let mut records = Vec::new();
    let summary = pressroom_ingest::read_sources(
        &[bomb.clone(), good],
        Some(pressroom_ingest::Format::Jsonl),
        &mut |item| match item {
            Ok(record) => records.push(record.id),
            Err(problem) => problems.push(problem),
        },
    )
    .expect("read");
    assert_eq!(records, ["b"], "the good file is still read");
    assert_eq!(summary.records, 1);
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(problems[0].kind, pressroom_ingest::ProblemKind::TooLarge);
    // Detection reads a bounded prefix and passes the file over.
    assert_eq!(pressroom_ingest::detect_format(&bomb), None);
}

/// A 100,000-character query string got hyper's 414 with an empty body.
#[tokio::test]
async fn hypers_own_errors_carry_the_json_error() {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let dir = tempfile::tempdir().expect("temporary folder");
    let service = corpus_index(dir.path());
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bound");
    let address = listener.local_addr().expect("address");
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let server = tokio::spawn(pressroom_query::http::serve(listener, service, async {
        let _ = stopped.await;
    }));
    let cases = [
        (
            format!("GET /api/search?q={} HTTP/1.1\r\nHost: x\r\n\r\n", "a".repeat(100_000)),
            414,
            "uri_too_long",
        ),
        (
            format!(
                "GET /api/search HTTP/1.1\r\nHost: x\r\nX-Big: {}\r\n\r\n",
                "b".repeat(600_000)
            ),
            431,
            "headers_too_large",
        ),
        (
            "GET /api/search HTTP/1.1\r\nHost x\r\n\r\n".to_string(),
            400,
            "malformed_request",
        ),
        (
            "GET /api/search?q=trafficking&limit=1&facets= HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
                .to_string(),
            200,
            "",
        ),
    ];
    for (raw, status, code) in cases {
        let mut stream = tokio::net::TcpStream::connect(address).await.expect("connected");
        // The server may answer and close before reading all of a huge request.
        let _ = stream.write_all(raw.as_bytes()).await;
        let mut answer = Vec::new();
        let _ = tokio::time::timeout(Duration::from_secs(10), stream.read_to_end(&mut answer)).await;
        let answer = String::from_utf8_lossy(&answer);
        assert!(
            answer.starts_with(&format!("HTTP/1.1 {status} ")),
            "{}: {answer}",
            &raw[..raw.len().min(60)]
        );
        let (head, body) = answer.split_once("\r\n\r\n").expect("a head and a body");
        assert!(
            head.to_ascii_lowercase().contains("content-type: application/json"),
            "{head}"
        );
        let json: Value = serde_json::from_str(body).unwrap_or_else(|_| panic!("not JSON: {body}"));
        if status != 200 {
            assert_eq!(json["error"]["code"], code, "{json}");
        }
    }
    let _ = stop.send(());
    server.await.expect("joined").expect("served");
}

/// `/metrics` and `/ready` stayed open with a read key set.
#[tokio::test]
async fn metrics_need_a_key_when_reads_do() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let service = corpus_index(dir.path());
    let with_read_key = app(
        service.clone(),
        ServerConfig {
            read_key: Some(READ_KEY.to_string()),
            ..ServerConfig::default()
        },
    );
    assert_eq!(send(&with_read_key, get("/metrics")).await.0, StatusCode::UNAUTHORIZED);
    let keyed = request("GET", "/metrics", Some(READ_KEY), "text/plain", Body::empty());
    assert_eq!(send(&with_read_key, keyed).await.0, StatusCode::OK);
    // Probes need no key, but learn nothing of the index without one.
    let (status, ready) = send(&with_read_key, get("/ready")).await;
    assert_eq!((status, ready), (StatusCode::OK, json!({"status": "ready"})));
    let keyed = request("GET", "/ready", Some(READ_KEY), "text/plain", Body::empty());
    assert_eq!(
        send(&with_read_key, keyed).await.1["documents"],
        common::CORPUS_DOCUMENTS
    );
    // A scraper's own key.
    let scraper = app(
        service,
        ServerConfig {
            read_key: Some(READ_KEY.to_string()),
            metrics_key: Some("scraper".to_string()),
            ..ServerConfig::default()
        },
    );
    let keyed = request("GET", "/metrics", Some("scraper"), "text/plain", Body::empty());
    assert_eq!(send(&scraper, keyed).await.0, StatusCode::OK);
    let keyed = request("GET", "/api/search", Some("scraper"), "text/plain", Body::empty());
    assert_eq!(
        send(&scraper, keyed).await.0,
        StatusCode::UNAUTHORIZED,
        "the scraper's key does not read"
    );
}

/// An error inside the service (here: the index's files removed under it) is a 500 with
/// the request id, and nothing of tantivy's message (paths) reaches the client.
#[tokio::test]
async fn internal_errors_show_no_internals() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let service = corpus_index(dir.path());
    let app = app(service.clone(), ServerConfig::default());
    let generation = service.generation().expect("a generation");
    for entry in std::fs::read_dir(&generation).expect("listed").flatten() {
        // Same length, other bytes: the file is mapped, so it must not shrink under the map.
        if entry.path().extension().is_some_and(|extension| extension == "store") {
            use std::io::{Seek, Write};
            let length = entry.metadata().expect("size").len() as usize;
            let mut file = std::fs::OpenOptions::new()
                .write(true)
                .open(entry.path())
                .expect("opened");
            file.seek(std::io::SeekFrom::Start(0)).expect("seek");
            file.write_all(&vec![0xAB; length]).expect("overwritten");
        }
    }
    let request = Request::get("/api/documents/corpus:en-001-costa-rica-trafficking-network")
        .header("x-request-id", "req-broken-store")
        .body(Body::empty())
        .expect("request");
    let (status, error) = send(&app, request).await;
    assert_eq!(status, StatusCode::INTERNAL_SERVER_ERROR, "{error}");
    assert_eq!(error["error"]["code"], "internal");
    assert_eq!(error["error"]["request_id"], "req-broken-store");
    let text = error.to_string();
    assert!(
        !text.contains(&*dir.path().to_string_lossy()) && !text.contains(".store"),
        "{text}"
    );
}

/// Builds, `index --update`s and a server's reloads of one folder, all at once: an update
/// took no turn, cleanup kept only two generations (so two builds finishing within a reload
/// could delete the one still served), and a reload read `CURRENT` twice. None of them may
/// fail now, and every update lands in a generation that is then served or superseded.
#[test]
fn concurrent_builds_updates_and_reloads_never_fail() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let index = dir.path().join("index");
    let corpus = common::repo_root().join("corpus");
    let service = common::build_and_open(&index, std::slice::from_ref(&corpus));
    let extra = dir.path().join("extra.jsonl");
    std::fs::write(
        &extra,
        "{\"id\": \"extra:1\", \"title\": \"Floods displace families in Chad\"}\n",
    )
    .expect("written");
    let done = std::sync::atomic::AtomicBool::new(false);
    std::thread::scope(|scope| {
        let builders: Vec<_> = (0..2)
            .map(|_| {
                scope.spawn(|| {
                    for _ in 0..3 {
                        pressroom_index::build(&index, std::slice::from_ref(&corpus), &Default::default(), &mut |_| {})
                            .expect("a build succeeds");
                    }
                })
            })
            .collect();
        let updater = scope.spawn(|| {
            for _ in 0..3 {
                let report = pressroom_index::update(&index, std::slice::from_ref(&extra), None, &mut |_| {})
                    .expect("an update succeeds");
                assert_eq!(report.upserted, 1);
            }
        });
        let server = scope.spawn(|| {
            let mut reloads = 0;
            while !done.load(std::sync::atomic::Ordering::Acquire) {
                let outcome = service.reload().expect("a reload succeeds");
                reloads += usize::from(outcome.switched);
                let request =
                    pressroom_query::SearchRequest::from_query_string("q=trafficking&limit=3").expect("valid");
                let found = service.search(&request).expect("a search succeeds");
                assert!(found.total > 0);
                for hit in &found.hits {
                    service.document(&hit.id).expect("a hit's document is there");
                }
            }
            reloads
        });
        for builder in builders {
            builder.join().expect("builder");
        }
        updater.join().expect("updater");
        done.store(true, std::sync::atomic::Ordering::Release);
        let reloads = server.join().expect("server");
        assert!(reloads >= 1, "the server followed the builds");
    });
    service.reload().expect("reloads");
    // The corpus, with the update's record when an update came after the last build.
    assert!(
        matches!(
            service.num_documents().checked_sub(common::CORPUS_DOCUMENTS),
            Some(0 | 1)
        ),
        "{}",
        service.num_documents()
    );
    let generations = std::fs::read_dir(&index)
        .expect("listed")
        .flatten()
        .filter(|entry| entry.file_name().to_string_lossy().starts_with("gen-"))
        .count();
    assert!(generations <= 3, "{generations} generations left behind");
}

/// Cleanup kept the current generation and the newest one before it, whoever served the
/// others: three builds while a server stayed on the first removed the folder it served (the
/// test above cannot see it, as a mapped file outlives its folder). A served generation
/// holds a lease on its `serving.lock` now and outlives any number of builds; once no one
/// serves it, the next build removes it.
#[test]
fn a_served_generation_outlives_any_number_of_builds() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let index = dir.path().join("index");
    let corpus = [common::repo_root().join("corpus")];
    let service = common::build_and_open(&index, &corpus);
    let served = service.generation().expect("a generation");
    for _ in 0..3 {
        pressroom_index::build(&index, &corpus, &Default::default(), &mut |_| {}).expect("a build succeeds");
    }
    assert!(
        served.join("meta.json").is_file(),
        "three builds removed the generation still served"
    );
    let request = pressroom_query::SearchRequest::from_query_string("q=trafficking").expect("valid");
    let found = service.search(&request).expect("a search succeeds");
    assert!(found.total > 0);
    for hit in &found.hits {
        service.document(&hit.id).expect("a hit's document is there");
    }
    assert!(service.reload().expect("reloads").switched);
    pressroom_index::build(&index, &corpus, &Default::default(), &mut |_| {}).expect("a build succeeds");
    assert!(!served.exists(), "a generation no one serves any more is removed");
}

/// `index --update` took no turn on `build.lock`: it wrote into a generation while a build
/// replaced it. It waits now for the build holding the turn, and goes ahead once it is free.
#[test]
fn an_update_waits_for_the_build_holding_the_turn() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let index = dir.path().join("index");
    common::build_and_open(&index, &[common::repo_root().join("corpus")]);
    let extra = dir.path().join("extra.jsonl");
    std::fs::write(
        &extra,
        "{\"id\": \"extra:1\", \"title\": \"Floods displace families in Chad\"}\n",
    )
    .expect("written");
    let update = || pressroom_index::update(&index, std::slice::from_ref(&extra), None, &mut |_| {});
    let started = std::time::Instant::now();
    update().expect("an update alone succeeds");
    // Ample for an update that does not wait: four times what one took alone.
    let window = (started.elapsed() * 4).max(Duration::from_secs(2));
    let (sender, receiver) = std::sync::mpsc::channel();
    std::thread::scope(|scope| {
        // Taken inside the scope, so a failing assertion releases it before the scope joins.
        let turn = pressroom_index::BuildLock::acquire(&index).expect("the turn");
        scope.spawn(|| sender.send(update().map(|report| report.upserted)));
        assert!(
            matches!(
                receiver.recv_timeout(window),
                Err(std::sync::mpsc::RecvTimeoutError::Timeout)
            ),
            "the update went ahead while a build held the turn"
        );
        drop(turn);
        let upserted = receiver
            .recv_timeout(Duration::from_secs(300))
            .expect("the update goes ahead once the turn is free")
            .expect("the update succeeds");
        assert_eq!(upserted, 1);
    });
}

/// A batch was parsed on the runtime's thread: while a large one was parsed, no other
/// request on that thread was answered. On a one-thread runtime, a `/ready` sent while a
/// batch of millions of items is parsed is answered long before the batch.
#[tokio::test(flavor = "current_thread")]
async fn a_large_batch_is_parsed_off_the_runtime() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let app = app(corpus_index(dir.path()), writable());
    let body = format!("[{}0]", "0,".repeat(4_000_000 - 1));
    let started = std::time::Instant::now();
    let post = tokio::spawn({
        let app = app.clone();
        async move {
            let (status, _) = send(
                &app,
                request("POST", "/api/documents", Some(WRITE_KEY), "application/json", body),
            )
            .await;
            (status, started.elapsed())
        }
    });
    // The POST runs until it waits for its parse.
    tokio::task::yield_now().await;
    let (status, _) = send(&app, get("/ready")).await;
    let ready_after = started.elapsed();
    assert_eq!(status, StatusCode::OK);
    let (status, post_after) = post.await.expect("the POST task");
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(
        ready_after * 4 < post_after,
        "/ready waited {ready_after:?} for a batch answered after {post_after:?}"
    );
}

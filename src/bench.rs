//! `pressroom bench`: replays a query file against a running server (or in process) and
//! reports latency per tag: count, errors, p50/p90/p99/p99.9, max, throughput.
//!
//! Query files: the search-benchmark-game form (`{"query", "tags"}` lines) or pressroom's
//! domain form (`{"q", "filters", "tags"}`). Closed loop by default (`--concurrency`
//! connections, each sending its next request when the last answer arrives); `--rate R`
//! switches to an open loop that schedules requests at R per second and measures each from
//! its scheduled time, so a slow server cannot hide its queue (no coordinated omission).
//!
//! The HTTP client is a few lines of HTTP/1.1 with keep-alive over tokio's TcpStream: the
//! benchmark needs nothing more, and timing stays free of a client library's own work.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use anyhow::{bail, Context, Result};
use serde_json::{json, Value};
use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpStream;

/// One request of the workload.
#[derive(Debug, Clone)]
pub struct BenchQuery {
    /// The path and query string, e.g. `/api/search?q=…&facets=…`.
    pub path: String,
    pub tags: Vec<String>,
}

pub struct BenchOptions {
    pub url: String,
    pub concurrency: usize,
    pub duration: Option<Duration>,
    pub requests: Option<usize>,
    pub warmup: Duration,
    pub rate: Option<f64>,
    /// `None` for in-process runs.
    pub in_process_index: Option<PathBuf>,
}

/// Reads a query file in either form; `facets` (empty for none) and `extra_params` are added
/// to every request.
pub fn read_queries(path: &Path, facets: &str, extra_params: &[(String, String)]) -> Result<Vec<BenchQuery>> {
    let text = std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    let mut queries = Vec::new();
    for (number, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let value: Value = serde_json::from_str(line)
            .with_context(|| format!("{}: line {} is not JSON", path.display(), number + 1))?;
        let q = value
            .get("q")
            .or_else(|| value.get("query"))
            .and_then(Value::as_str)
            .with_context(|| format!("{}: line {} has no `q` or `query`", path.display(), number + 1))?;
        let mut query = form_urlencoded::Serializer::new(String::new());
        query.append_pair("q", q);
        if let Some(filters) = value.get("filters").and_then(Value::as_object) {
            for (key, filter) in filters {
                let values: Vec<String> = match filter {
                    Value::Array(items) => items.iter().map(value_text).collect(),
                    other => vec![value_text(other)],
                };
                for item in values {
                    query.append_pair(key, &item);
                }
            }
        }
        query.append_pair("facets", facets);
        for (key, value) in extra_params {
            query.append_pair(key, value);
        }
        let tags = value
            .get("tags")
            .and_then(Value::as_array)
            .map(|tags| tags.iter().filter_map(|t| t.as_str().map(str::to_string)).collect())
            .unwrap_or_default();
        queries.push(BenchQuery {
            path: format!("/api/search?{}", query.finish()),
            tags,
        });
    }
    if queries.is_empty() {
        bail!("{} holds no queries", path.display());
    }
    Ok(queries)
}

fn value_text(value: &Value) -> String {
    match value {
        Value::String(text) => text.clone(),
        other => other.to_string(),
    }
}

/// Latencies (µs) and errors of one tag.
#[derive(Default, Clone)]
struct Samples {
    latencies_us: Vec<u64>,
    errors: usize,
}

/// Figures of one tag, as the JSON report writes them.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize, PartialEq)]
pub struct Figures {
    pub count: usize,
    pub errors: usize,
    pub p50_us: u64,
    pub p90_us: u64,
    pub p99_us: u64,
    pub p999_us: u64,
    pub max_us: u64,
    pub qps: f64,
}

#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Report {
    pub overall: Figures,
    pub by_tag: BTreeMap<String, Figures>,
    /// Every latency of the run in µs, sorted (for the HTML report).
    #[serde(skip)]
    pub all_latencies_us: Vec<u64>,
}

fn percentile(sorted: &[u64], fraction: f64) -> u64 {
    if sorted.is_empty() {
        return 0;
    }
    let rank = ((sorted.len() as f64) * fraction).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1]
}

fn figures(samples: &Samples, elapsed: Duration) -> Figures {
    let mut sorted = samples.latencies_us.clone();
    sorted.sort_unstable();
    Figures {
        count: sorted.len() + samples.errors,
        errors: samples.errors,
        p50_us: percentile(&sorted, 0.50),
        p90_us: percentile(&sorted, 0.90),
        p99_us: percentile(&sorted, 0.99),
        p999_us: percentile(&sorted, 0.999),
        max_us: sorted.last().copied().unwrap_or(0),
        qps: (sorted.len() + samples.errors) as f64 / elapsed.as_secs_f64().max(1e-9),
    }
}

/// Runs the workload and reports per tag and overall.
pub fn run(queries: Vec<BenchQuery>, options: &BenchOptions) -> Result<Report> {
    let queries = Arc::new(queries);
    let outcomes = if let Some(index) = &options.in_process_index {
        run_in_process(queries.clone(), options, index)?
    } else {
        let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build()?;
        runtime.block_on(run_http(queries.clone(), options))?
    };
    let (results, elapsed) = outcomes;
    let mut overall = Samples::default();
    let mut by_tag: BTreeMap<String, Samples> = BTreeMap::new();
    for (query_index, outcome) in results {
        let query = &queries[query_index];
        let targets = std::iter::once(&mut overall);
        for samples in targets {
            record(samples, outcome);
        }
        for tag in &query.tags {
            record(by_tag.entry(tag.clone()).or_default(), outcome);
        }
    }
    let mut all = overall.latencies_us.clone();
    all.sort_unstable();
    Ok(Report {
        overall: figures(&overall, elapsed),
        by_tag: by_tag
            .iter()
            .map(|(tag, samples)| (tag.clone(), figures(samples, elapsed)))
            .collect(),
        all_latencies_us: all,
    })
}

fn record(samples: &mut Samples, outcome: Option<u64>) {
    match outcome {
        Some(latency) => samples.latencies_us.push(latency),
        None => samples.errors += 1,
    }
}

/// (query index, latency µs or `None` for an error) per measured request, and the
/// measured wall time.
type Outcomes = (Vec<(usize, Option<u64>)>, Duration);

fn stop_after(options: &BenchOptions) -> (Option<Duration>, Option<usize>) {
    match (options.duration, options.requests) {
        (None, None) => (Some(Duration::from_secs(10)), None),
        other => other,
    }
}

async fn run_http(queries: Arc<Vec<BenchQuery>>, options: &BenchOptions) -> Result<Outcomes> {
    let address = options
        .url
        .trim_start_matches("http://")
        .trim_end_matches('/')
        .to_string();
    if options.url.starts_with("https://") {
        bail!("only http:// URLs are supported");
    }
    // Warm-up: closed loop, not measured.
    if !options.warmup.is_zero() {
        closed_loop(
            &address,
            queries.clone(),
            options.concurrency,
            Some(options.warmup),
            None,
        )
        .await?;
    }
    let (duration, requests) = stop_after(options);
    let started = Instant::now();
    let results = match options.rate {
        Some(rate) => open_loop(&address, queries, options.concurrency, rate, duration, requests).await?,
        None => closed_loop(&address, queries, options.concurrency, duration, requests).await?,
    };
    Ok((results, started.elapsed()))
}

async fn closed_loop(
    address: &str,
    queries: Arc<Vec<BenchQuery>>,
    concurrency: usize,
    duration: Option<Duration>,
    requests: Option<usize>,
) -> Result<Vec<(usize, Option<u64>)>> {
    let deadline = duration.map(|duration| Instant::now() + duration);
    // Each connection sends its next request as soon as the last one is answered.
    let schedule = move |number: usize| {
        let over = requests.is_some_and(|limit| number >= limit) || deadline.is_some_and(|end| Instant::now() >= end);
        (!over).then_some(Due::Now)
    };
    send_from_connections(address, queries, concurrency, schedule).await
}

async fn open_loop(
    address: &str,
    queries: Arc<Vec<BenchQuery>>,
    concurrency: usize,
    rate: f64,
    duration: Option<Duration>,
    requests: Option<usize>,
) -> Result<Vec<(usize, Option<u64>)>> {
    if rate <= 0.0 {
        bail!("--rate must be above 0");
    }
    let total = match (requests, duration) {
        (Some(count), _) => count,
        (None, Some(duration)) => (duration.as_secs_f64() * rate).ceil() as usize,
        (None, None) => (10.0 * rate) as usize,
    };
    let start = Instant::now() + Duration::from_millis(50);
    // Request `number` is due at start + number / rate, whoever sends it.
    let schedule =
        move |number: usize| (number < total).then(|| Due::At(start + Duration::from_secs_f64(number as f64 / rate)));
    send_from_connections(address, queries, concurrency, schedule).await
}

/// When a request goes out, and so where its latency is measured from.
#[derive(Clone, Copy)]
enum Due {
    /// Right away (closed loop): measured from the send.
    Now,
    /// At this time (open loop): measured from it, however late the send.
    At(Instant),
}

/// `concurrency` connections share the request numbers 0, 1, 2…; `schedule(number)` says
/// when that request is due, or `None` once there are no more. Returns (query index, latency
/// in µs or `None` for a failure) per request.
async fn send_from_connections(
    address: &str,
    queries: Arc<Vec<BenchQuery>>,
    concurrency: usize,
    schedule: impl Fn(usize) -> Option<Due> + Clone + Send + 'static,
) -> Result<Vec<(usize, Option<u64>)>> {
    let next = Arc::new(AtomicUsize::new(0));
    let mut workers = Vec::new();
    for _ in 0..concurrency.max(1) {
        let (address, queries, next, schedule) = (address.to_string(), queries.clone(), next.clone(), schedule.clone());
        workers.push(tokio::spawn(async move {
            let mut connection: Option<Connection> = None;
            let mut results = Vec::new();
            loop {
                let number = next.fetch_add(1, Ordering::Relaxed);
                let Some(due) = schedule(number) else {
                    break;
                };
                let measured_from = match due {
                    Due::Now => Instant::now(),
                    Due::At(time) => {
                        tokio::time::sleep_until(time.into()).await;
                        time
                    }
                };
                let index = number % queries.len();
                let ok = request(&address, &mut connection, &queries[index].path).await;
                results.push((index, ok.then(|| measured_from.elapsed().as_micros() as u64)));
            }
            results
        }));
    }
    let mut results = Vec::new();
    for worker in workers {
        results.extend(worker.await?);
    }
    Ok(results)
}

type Connection = BufReader<TcpStream>;

/// One GET on a kept-alive connection (reconnecting when needed); `true` for a 200 with its
/// whole body read.
async fn request(address: &str, connection: &mut Option<Connection>, path: &str) -> bool {
    for _attempt in 0..2 {
        if connection.is_none() {
            match TcpStream::connect(address).await {
                Ok(stream) => {
                    let _ = stream.set_nodelay(true);
                    *connection = Some(BufReader::new(stream));
                }
                Err(_) => return false,
            }
        }
        let Some(stream) = connection.as_mut() else {
            return false;
        };
        match exchange(stream, address, path).await {
            Ok(status) => return status == 200,
            Err(_) => *connection = None,
        }
    }
    false
}

async fn exchange(stream: &mut Connection, host: &str, path: &str) -> std::io::Result<u16> {
    let head = format!("GET {path} HTTP/1.1\r\nHost: {host}\r\nAccept: application/json\r\n\r\n");
    stream.get_mut().write_all(head.as_bytes()).await?;
    let mut line = String::new();
    if stream.read_line(&mut line).await? == 0 {
        return Err(std::io::ErrorKind::UnexpectedEof.into());
    }
    let status: u16 = line
        .split_whitespace()
        .nth(1)
        .and_then(|code| code.parse().ok())
        .unwrap_or(0);
    let mut length = 0usize;
    let mut closes = false;
    loop {
        line.clear();
        if stream.read_line(&mut line).await? == 0 {
            return Err(std::io::ErrorKind::UnexpectedEof.into());
        }
        let header = line.trim_end();
        if header.is_empty() {
            break;
        }
        let lower = header.to_ascii_lowercase();
        if let Some(value) = lower.strip_prefix("content-length:") {
            length = value.trim().parse().unwrap_or(0);
        } else if lower.starts_with("connection:") && lower.contains("close") {
            closes = true;
        }
    }
    let mut body = vec![0; length];
    stream.read_exact(&mut body).await?;
    if closes {
        return Err(std::io::ErrorKind::ConnectionAborted.into());
    }
    Ok(status)
}

fn run_in_process(queries: Arc<Vec<BenchQuery>>, options: &BenchOptions, index: &Path) -> Result<Outcomes> {
    let service =
        Arc::new(pressroom_query::SearchService::open_read_only(index).map_err(|error| anyhow::anyhow!("{error}"))?);
    let requests: Vec<Option<pressroom_query::SearchRequest>> = queries
        .iter()
        .map(|query| {
            let (_, query_string) = query.path.split_once('?').unwrap_or(("", ""));
            pressroom_query::SearchRequest::from_query_string(query_string).ok()
        })
        .collect();
    let requests = Arc::new(requests);
    let run = |duration: Option<Duration>, limit: Option<usize>| -> Vec<(usize, Option<u64>)> {
        let next = Arc::new(AtomicUsize::new(0));
        let deadline = duration.map(|duration| Instant::now() + duration);
        std::thread::scope(|scope| {
            let handles: Vec<_> = (0..options.concurrency.max(1))
                .map(|_| {
                    let (next, service, requests) = (next.clone(), service.clone(), requests.clone());
                    scope.spawn(move || {
                        let mut results = Vec::new();
                        loop {
                            let number = next.fetch_add(1, Ordering::Relaxed);
                            if limit.is_some_and(|limit| number >= limit)
                                || deadline.is_some_and(|end| Instant::now() >= end)
                            {
                                break;
                            }
                            let index = number % requests.len();
                            let started = Instant::now();
                            let ok = requests[index]
                                .as_ref()
                                .is_some_and(|request| service.search(request).is_ok());
                            results.push((index, ok.then(|| started.elapsed().as_micros() as u64)));
                        }
                        results
                    })
                })
                .collect();
            handles
                .into_iter()
                .flat_map(|handle| handle.join().unwrap_or_default())
                .collect()
        })
    };
    if !options.warmup.is_zero() {
        run(Some(options.warmup), None);
    }
    let (duration, limit) = stop_after(options);
    let started = Instant::now();
    let results = run(duration, limit);
    Ok((results, started.elapsed()))
}

/// The table printed after a run.
pub fn table(report: &Report, baseline: Option<&Report>) -> String {
    let mut out = format!(
        "{:<22} {:>8} {:>6} {:>9} {:>9} {:>9} {:>9} {:>9} {:>9}",
        "tag", "count", "errors", "p50 µs", "p90 µs", "p99 µs", "p99.9 µs", "max µs", "req/s"
    );
    if baseline.is_some() {
        out.push_str("   p50 Δ   p99 Δ");
    }
    out.push('\n');
    let rows = std::iter::once(("all".to_string(), &report.overall))
        .chain(report.by_tag.iter().map(|(tag, figures)| (tag.clone(), figures)));
    for (tag, figures) in rows {
        out.push_str(&format!(
            "{:<22} {:>8} {:>6} {:>9} {:>9} {:>9} {:>9} {:>9} {:>9.1}",
            tag,
            figures.count,
            figures.errors,
            figures.p50_us,
            figures.p90_us,
            figures.p99_us,
            figures.p999_us,
            figures.max_us,
            figures.qps
        ));
        if let Some(baseline) = baseline {
            let before = if tag == "all" {
                Some(&baseline.overall)
            } else {
                baseline.by_tag.get(&tag)
            };
            if let Some(before) = before {
                let change = |now: u64, then: u64| 100.0 * (now as f64 - then as f64) / (then.max(1) as f64);
                out.push_str(&format!(
                    " {:>+7.1}% {:>+7.1}%",
                    change(figures.p50_us, before.p50_us),
                    change(figures.p99_us, before.p99_us)
                ));
            }
        }
        out.push('\n');
    }
    out
}

pub fn json(report: &Report) -> Value {
    json!({"overall": report.overall, "by_tag": report.by_tag})
}

/// `DIR/index.html`: the headline figures, a latency histogram and a percentile plot, as
/// inline SVG (no script, no external file).
pub fn write_html(report: &Report, dir: &Path, title: &str) -> Result<PathBuf> {
    std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
    let latencies = &report.all_latencies_us;
    let (width, height) = (720.0, 240.0);
    // Histogram on a log scale of latency: 40 bins from the fastest to the slowest request.
    let low = (latencies.first().copied().unwrap_or(1).max(1) as f64).ln();
    let high = (latencies.last().copied().unwrap_or(1).max(2) as f64)
        .ln()
        .max(low + 1e-6);
    let mut bins = [0usize; 40];
    for latency in latencies {
        let position = ((*latency).max(1) as f64).ln();
        let bin = (((position - low) / (high - low)) * 39.999) as usize;
        bins[bin.min(39)] += 1;
    }
    let tallest = bins.iter().copied().max().unwrap_or(1).max(1) as f64;
    let mut histogram = String::new();
    for (index, count) in bins.iter().enumerate() {
        let bar_height = height * (*count as f64) / tallest;
        let upper = (low + (high - low) * (index as f64 + 1.0) / 40.0).exp();
        histogram.push_str(&format!(
            "<rect x=\"{:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"{:.1}\" fill=\"#4a7fc1\"><title>≤ {:.0} µs: {}</title></rect>",
            index as f64 * width / 40.0,
            height - bar_height,
            width / 40.0 - 1.0,
            bar_height,
            upper,
            count
        ));
    }
    // Percentile plot: x = 1 − 1/(1 − p) on a log axis (50 %, 90 %, 99 %, 99.9 %…).
    let mut points = String::new();
    let max_latency = latencies.last().copied().unwrap_or(1).max(1) as f64;
    for step in 0..=200 {
        let nines = 4.0 * step as f64 / 200.0;
        let fraction = 1.0 - 10f64.powf(-nines);
        let latency = percentile(latencies, fraction) as f64;
        points.push_str(&format!(
            "{:.1},{:.1} ",
            width * nines / 4.0,
            height - height * latency / max_latency
        ));
    }
    let labels: String = ["0%", "90%", "99%", "99.9%", "99.99%"]
        .iter()
        .enumerate()
        .map(|(index, label)| {
            format!(
                "<text x=\"{:.0}\" y=\"{:.0}\" font-size=\"12\">{label}</text>",
                width * index as f64 / 4.0,
                height + 16.0
            )
        })
        .collect();
    let overall = &report.overall;
    let rows: String = std::iter::once(("all", overall))
        .chain(report.by_tag.iter().map(|(tag, figures)| (tag.as_str(), figures)))
        .map(|(tag, f)| {
            format!(
                "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{:.1}</td></tr>",
                pressroom_query::html::escape(tag), f.count, f.errors, f.p50_us, f.p90_us, f.p99_us, f.p999_us, f.max_us, f.qps
            )
        })
        .collect();
    let page = format!(
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{title}</title>\
<style>body{{font:14px system-ui,sans-serif;margin:24px;color:#1d2530}}table{{border-collapse:collapse}}td,th{{padding:3px 10px;border-bottom:1px solid #ddd;text-align:right}}td:first-child,th:first-child{{text-align:left}}svg{{background:#f6f8fb;margin:8px 0 24px}}</style></head><body>\
<h1>{title}</h1><p><strong>{count}</strong> requests, <strong>{errors}</strong> errors, <strong>{qps:.1}</strong> req/s; \
p50 <strong>{p50} µs</strong>, p90 {p90} µs, p99 <strong>{p99} µs</strong>, p99.9 {p999} µs, max {max} µs.</p>\
<h2>Latency histogram (log scale, {low:.0}–{high:.0} µs)</h2><svg width=\"{width}\" height=\"{height}\" role=\"img\" aria-label=\"latency histogram\">{histogram}</svg>\
<h2>Latency by percentile (up to {max} µs)</h2><svg width=\"{width}\" height=\"{svg_height}\" role=\"img\" aria-label=\"percentile plot\"><polyline fill=\"none\" stroke=\"#0b5cad\" stroke-width=\"2\" points=\"{points}\"/>{labels}</svg>\
<h2>By tag</h2><table><tr><th>tag</th><th>count</th><th>errors</th><th>p50 µs</th><th>p90 µs</th><th>p99 µs</th><th>p99.9 µs</th><th>max µs</th><th>req/s</th></tr>{rows}</table></body></html>\n",
        title = pressroom_query::html::escape(title),
        count = overall.count,
        errors = overall.errors,
        qps = overall.qps,
        p50 = overall.p50_us,
        p90 = overall.p90_us,
        p99 = overall.p99_us,
        p999 = overall.p999_us,
        max = overall.max_us,
        low = low.exp(),
        high = high.exp(),
        svg_height = height + 20.0,
    );
    let path = dir.join("index.html");
    std::fs::write(&path, page).with_context(|| format!("writing {}", path.display()))?;
    Ok(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentiles_are_nearest_rank() {
        let sorted: Vec<u64> = (1..=100).collect();
        assert_eq!(percentile(&sorted, 0.5), 50);
        assert_eq!(percentile(&sorted, 0.99), 99);
        assert_eq!(percentile(&sorted, 0.999), 100);
        assert_eq!(percentile(&[], 0.5), 0);
    }
}

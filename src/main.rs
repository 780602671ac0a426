//! `pressroom`: index raw press releases, serve faceted search, query from the terminal,
//! print extracted facets. A thin layer over the library crates.

use std::io::Write;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use anyhow::{bail, Context, Result};
use clap::{Args, Parser, Subcommand};
use pressroom_ingest::Format;
use pressroom_query::{SearchRequest, SearchService};

/// `println!` that ignores a closed pipe (`pressroom index … | head -1`).
macro_rules! say {
    ($($arg:tt)*) => {{
        let _ = writeln!(std::io::stdout(), $($arg)*);
    }};
}

mod bench;
mod replicas;

#[derive(Parser)]
#[command(
    name = "pressroom",
    version,
    about = "Faceted full-text search for humanitarian press releases"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Build an index from collections (folders or files; formats detected).
    Index(IndexArgs),
    /// Serve the HTTP API (builds an index of `corpus/` first when there is none).
    Serve(ServeArgs),
    /// Search the index from the terminal.
    Search(Box<SearchArgs>),
    /// Print each record's extracted facets as JSON lines (no index needed).
    Extract(ExtractArgs),
    /// Score facet extraction against labelled data (Reuters, ReliefWeb, gold files).
    Eval(EvalArgs),
    /// Replay a query file against a server (or in process) and report latency per tag.
    Bench(BenchArgs),
    /// Read, enrich and publish releases to the document log (NATS JetStream) that replicas
    /// (`serve --follow`) serve.
    Publish(replicas::PublishArgs),
}

#[derive(Args)]
struct BenchArgs {
    /// The server to measure.
    #[arg(long, default_value = "http://127.0.0.1:7700")]
    url: String,
    /// Query file: `{"query","tags"}` lines (search-benchmark-game) or `{"q","filters","tags"}`.
    #[arg(long)]
    queries: PathBuf,
    /// Connections (or threads in process) sending requests at once.
    #[arg(long, default_value_t = 4)]
    concurrency: usize,
    /// How long to measure, in seconds (default 10 when --requests is not given).
    #[arg(long)]
    duration: Option<f64>,
    /// How many requests to measure.
    #[arg(long)]
    requests: Option<usize>,
    /// Seconds of unmeasured warm-up.
    #[arg(long, default_value_t = 2.0)]
    warmup: f64,
    /// Open loop: schedule this many requests per second, latency measured from the schedule.
    #[arg(long)]
    rate: Option<f64>,
    /// Facets requested with every search (empty for none).
    #[arg(long, default_value = "region,country,topic,org,lang,year")]
    facets: String,
    /// Another search parameter sent with every query, as KEY=VALUE (repeatable):
    /// `--param typo=false --param expand=false --param fragments=0`.
    #[arg(long = "param", value_name = "KEY=VALUE", value_parser = key_value)]
    params: Vec<(String, String)>,
    /// Write the figures as JSON.
    #[arg(long)]
    json: Option<PathBuf>,
    /// Write an HTML report (histogram, percentile plot, table) into this folder.
    #[arg(long)]
    report: Option<PathBuf>,
    /// Compare with an earlier `--json` file.
    #[arg(long)]
    baseline: Option<PathBuf>,
    /// Run the queries through the search service directly, without HTTP.
    #[arg(long)]
    in_process: bool,
    /// The index for --in-process.
    #[arg(long, env = "PRESSROOM_INDEX", default_value = "index")]
    index: PathBuf,
}

#[derive(Args)]
pub(crate) struct IndexLocation {
    /// Index folder.
    #[arg(long, env = "PRESSROOM_INDEX", default_value = "index")]
    pub(crate) index: PathBuf,
}

#[derive(Args)]
struct IndexArgs {
    #[command(flatten)]
    location: IndexLocation,
    /// Read every file with this reader instead of detecting formats.
    #[arg(long, env = "PRESSROOM_FORMAT")]
    format: Option<Format>,
    /// Add or replace these records, by id, in the current index instead of building a new
    /// one (a running server sees them within a second).
    #[arg(long)]
    update: bool,
    /// Merge the new index into one segment (a longer build; more searches per second under
    /// load, measured in README's Benchmarking section).
    #[arg(long, conflicts_with = "update")]
    merge: bool,
    /// Build the new generation from the document log at these NATS servers instead of from
    /// files (a rebuild of a replica: every document the log holds, enriched again).
    #[arg(long, value_name = "NATS_URLS", conflicts_with_all = ["update", "sources"])]
    from_log: Option<String>,
    /// Files or folders to index.
    #[arg(required_unless_present = "from_log")]
    sources: Vec<PathBuf>,
}

#[derive(Args)]
pub(crate) struct ServeArgs {
    #[command(flatten)]
    pub(crate) location: IndexLocation,
    /// Address to listen on.
    #[arg(long, env = "PRESSROOM_ADDR", default_value = "127.0.0.1:7700")]
    pub(crate) addr: SocketAddr,
    /// Collection indexed when the index folder is empty.
    #[arg(long, env = "PRESSROOM_CORPUS", default_value = "corpus")]
    corpus: PathBuf,
    /// Bearer key for writes; without one, write endpoints are disabled.
    #[arg(long, env = "PRESSROOM_API_KEY", hide_env_values = true)]
    api_key: Option<String>,
    /// Bearer key for reads; without one, reads are open.
    #[arg(long, env = "PRESSROOM_READ_KEY", hide_env_values = true)]
    read_key: Option<String>,
    /// Bearer key for /metrics (a scraper's); without one, /metrics needs the read key when
    /// one is set.
    #[arg(long, env = "PRESSROOM_METRICS_KEY", hide_env_values = true)]
    metrics_key: Option<String>,
    /// Origins allowed by CORS, comma-separated (`*` for any); CORS is off without it.
    #[arg(long, env = "PRESSROOM_CORS_ORIGINS", value_delimiter = ',')]
    cors_origins: Vec<String>,
    /// Largest POST /api/search body, in bytes.
    #[arg(long, env = "PRESSROOM_MAX_BODY_BYTES", default_value_t = pressroom_query::config::DEFAULT_MAX_BODY_BYTES)]
    max_body_bytes: usize,
    /// Largest POST /api/documents body, in bytes.
    #[arg(long, env = "PRESSROOM_MAX_WRITE_BYTES", default_value_t = pressroom_query::config::DEFAULT_MAX_WRITE_BYTES)]
    max_write_bytes: usize,
    /// Longest query, in characters (at most 1,000).
    #[arg(long, env = "PRESSROOM_MAX_QUERY_CHARS", default_value_t = pressroom_query::MAX_QUERY_CHARS)]
    max_query_chars: usize,
    /// Largest `limit` (at most 100).
    #[arg(long, env = "PRESSROOM_MAX_LIMIT", default_value_t = pressroom_query::MAX_LIMIT)]
    max_limit: usize,
    /// Largest `offset` (at most 10,000).
    #[arg(long, env = "PRESSROOM_MAX_OFFSET", default_value_t = pressroom_query::MAX_OFFSET)]
    max_offset: usize,
    /// Largest `facet_limit` (at most 100).
    #[arg(long, env = "PRESSROOM_MAX_FACET_LIMIT", default_value_t = pressroom_query::MAX_FACET_LIMIT)]
    max_facet_limit: usize,
    /// Time budget of one search, in milliseconds; past it the answer is 503 `search_timeout`.
    #[arg(long, env = "PRESSROOM_SEARCH_TIMEOUT_MS", default_value_t = 5_000)]
    search_timeout_ms: u64,
    /// Searches run at once (0: four per core); more wait, then get 503 `overloaded`.
    #[arg(long, env = "PRESSROOM_MAX_CONCURRENT_SEARCHES", default_value_t = 0)]
    max_concurrent_searches: usize,
    /// How long a search waits for a turn, in milliseconds.
    #[arg(long, env = "PRESSROOM_QUEUE_WAIT_MS", default_value_t = 500)]
    queue_wait_ms: u64,
    /// Serve as a replica of the document log at these NATS servers (comma-separated):
    /// the index follows the log, and writes are published to it.
    #[arg(long, env = "PRESSROOM_FOLLOW", value_name = "NATS_URLS")]
    pub(crate) follow: Option<String>,
    /// Copies the NATS cluster keeps of the log when this node creates it.
    #[arg(long, env = "PRESSROOM_LOG_REPLICAS", default_value_t = 3)]
    pub(crate) log_replicas: usize,
}

impl ServeArgs {
    pub(crate) fn config(&self) -> pressroom_query::ServerConfig {
        pressroom_query::ServerConfig {
            api_key: self.api_key.clone().filter(|key| !key.is_empty()),
            read_key: self.read_key.clone().filter(|key| !key.is_empty()),
            metrics_key: self.metrics_key.clone().filter(|key| !key.is_empty()),
            max_body_bytes: self.max_body_bytes,
            max_write_bytes: self.max_write_bytes,
            max_query_chars: self.max_query_chars,
            max_limit: self.max_limit,
            max_offset: self.max_offset,
            max_facet_limit: self.max_facet_limit,
            search_timeout: std::time::Duration::from_millis(self.search_timeout_ms),
            max_concurrent_searches: self.max_concurrent_searches,
            queue_wait: std::time::Duration::from_millis(self.queue_wait_ms),
            cors_origins: self
                .cors_origins
                .iter()
                .filter(|o| !o.trim().is_empty())
                .cloned()
                .collect(),
        }
        .within_caps()
    }
}

#[derive(Args)]
struct SearchArgs {
    #[command(flatten)]
    location: IndexLocation,
    /// Query (tantivy syntax: words, "phrases", +must, -not, title:word, AND/OR).
    #[arg(default_value = "")]
    query: String,
    #[arg(long)]
    region: Vec<String>,
    #[arg(long)]
    country: Vec<String>,
    #[arg(long)]
    topic: Vec<String>,
    #[arg(long)]
    org: Vec<String>,
    #[arg(long)]
    lang: Vec<String>,
    #[arg(long)]
    from: Option<String>,
    #[arg(long)]
    to: Option<String>,
    /// relevance, recency, date_desc or date_asc.
    #[arg(long)]
    sort: Option<String>,
    /// Any other search parameter of the HTTP API, as KEY=VALUE (repeatable):
    /// `--param typo=false --param prefix=true --param source=trove`.
    #[arg(long = "param", value_name = "KEY=VALUE", value_parser = key_value)]
    params: Vec<(String, String)>,
    #[arg(long, default_value_t = 10)]
    limit: usize,
    #[arg(long, default_value_t = 0)]
    offset: usize,
    /// Print the whole response as JSON.
    #[arg(long)]
    json: bool,
}

#[derive(Args)]
struct ExtractArgs {
    #[arg(long)]
    format: Option<Format>,
    /// Include the cleaned text (`body`) in each line.
    #[arg(long)]
    with_text: bool,
    #[arg(required = true)]
    sources: Vec<PathBuf>,
}

#[derive(Args)]
struct EvalArgs {
    /// The shared data folder (corpus/reuters21578, corpus/reliefweb).
    #[arg(long, env = "PRESSROOM_SHARED", default_value = "../shared")]
    shared: PathBuf,
    /// Gold files in pressroom's JSONL form; their ids are looked up in the shared corpora
    /// and in `corpus/`.
    #[arg(
        long,
        default_values = [
            "tests/data/dev-gold.jsonl",
            "tests/data/extraction-gold.jsonl",
            "tests/data/extraction-gold-2.jsonl",
            "tests/data/extraction-gold-3.jsonl"
        ]
    )]
    gold: Vec<PathBuf>,
    /// Only the gold releases of this split (`tune`: what cue lists and weights may be tuned
    /// on; `test`: held out); releases without a split always count. Reuters is scored on
    /// its own split: TRAIN with `tune`, TEST with `test`, both without.
    #[arg(long)]
    split: Option<String>,
    /// Score this `pressroom extract` output (JSON lines) on the gold files instead of
    /// extracting again: how another build (an older release, a candidate) scores by the same
    /// rules.
    #[arg(long)]
    extracted: Option<PathBuf>,
    /// Print the report as JSON.
    #[arg(long)]
    json: bool,
}

fn main() -> Result<()> {
    // Logs: key=value lines on stderr (colour on a terminal only), or JSON lines with
    // PRESSROOM_LOG_FORMAT=json; the level comes from RUST_LOG (default info).
    let filter = tracing_subscriber::EnvFilter::try_from_default_env().unwrap_or_else(|_| "info".into());
    let logs = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr);
    if std::env::var("PRESSROOM_LOG_FORMAT").is_ok_and(|format| format == "json") {
        logs.json().init();
    } else {
        logs.with_ansi(std::io::IsTerminal::is_terminal(&std::io::stderr()))
            .init();
    }
    match Cli::parse().command {
        Command::Index(args) if args.update => update(&args.location.index, &args.sources, args.format),
        Command::Index(IndexArgs {
            from_log: Some(urls),
            location,
            merge,
            ..
        }) => replicas::index_from_log(&location.index, &urls, merge),
        Command::Index(args) => index(&args.location.index, &args.sources, args.format, args.merge),
        Command::Serve(args) if args.follow.is_some() => replicas::serve_following(args),
        Command::Serve(args) => serve(args),
        Command::Publish(args) => replicas::publish(args),
        Command::Search(args) => search(*args),
        Command::Extract(args) => extract(args),
        Command::Eval(args) => eval(args),
        Command::Bench(args) => run_bench(args),
    }
}

fn index(dir: &Path, sources: &[PathBuf], format: Option<Format>, merge_segments: bool) -> Result<()> {
    let options = pressroom_index::BuildOptions {
        format,
        merge_segments,
        show_progress: std::io::IsTerminal::is_terminal(&std::io::stderr()),
        ..Default::default()
    };
    let mut problems_shown = 0usize;
    let report = pressroom_index::build(dir, sources, &options, &mut |problem| {
        problems_shown += 1;
        if problems_shown <= 50 {
            eprintln!("skipped: {problem}");
        } else if problems_shown == 51 {
            eprintln!("skipped: … (further problems are counted in the summary)");
        }
    })
    .with_context(|| format!("building the index in {}", dir.display()))?;
    let read = &report.read;
    say!(
        "read {} records from {} files ({} files without records ignored); indexed {} documents ({} duplicate ids replaced) in {:.1} s; index {:.1} MB at {}",
        read.records + read.skipped_total(),
        read.files_read,
        read.files_ignored.len(),
        report.indexed,
        report.duplicates_replaced,
        report.elapsed.as_secs_f64(),
        report.index_bytes as f64 / 1e6,
        report.generation.display(),
    );
    if read.skipped.is_empty() {
        say!("skipped: none");
    } else {
        let reasons: Vec<String> = read
            .skipped
            .iter()
            .map(|(kind, count)| format!("{count} {kind}"))
            .collect();
        say!("skipped: {}", reasons.join(", "));
    }
    Ok(())
}

fn run_bench(args: BenchArgs) -> Result<()> {
    let queries = bench::read_queries(&args.queries, &args.facets, &args.params)?;
    let baseline: Option<bench::Report> = match &args.baseline {
        Some(path) => {
            let text = std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
            Some(
                serde_json::from_str(&text)
                    .with_context(|| format!("{} is not a bench JSON report", path.display()))?,
            )
        }
        None => None,
    };
    let options = bench::BenchOptions {
        url: args.url.clone(),
        concurrency: args.concurrency,
        duration: args.duration.map(std::time::Duration::from_secs_f64),
        requests: args.requests,
        warmup: std::time::Duration::from_secs_f64(args.warmup.max(0.0)),
        rate: args.rate,
        in_process_index: args.in_process.then(|| args.index.clone()),
    };
    let target = if args.in_process {
        format!("in process on {}", args.index.display())
    } else {
        args.url.clone()
    };
    eprintln!(
        "{} queries from {}, {} at a time{}, against {target}",
        queries.len(),
        args.queries.display(),
        args.concurrency,
        args.rate
            .map(|rate| format!(", open loop at {rate}/s"))
            .unwrap_or_default()
    );
    let report = bench::run(queries, &options)?;
    say!("{}", bench::table(&report, baseline.as_ref()));
    if let Some(path) = &args.json {
        std::fs::write(path, serde_json::to_string_pretty(&bench::json(&report))?)
            .with_context(|| format!("writing {}", path.display()))?;
    }
    if let Some(dir) = &args.report {
        let page = bench::write_html(&report, dir, &format!("pressroom bench: {target}"))?;
        eprintln!("report: {}", page.display());
    }
    Ok(())
}

fn update(dir: &Path, sources: &[PathBuf], format: Option<Format>) -> Result<()> {
    let report = pressroom_index::update(dir, sources, format, &mut |problem| eprintln!("skipped: {problem}"))
        .with_context(|| format!("updating the index in {}", dir.display()))?;
    say!(
        "read {} records; wrote {} documents ({} replaced an existing id) in {:.1} s into {}",
        report.read.records + report.read.skipped_total(),
        report.upserted,
        report.replaced,
        report.elapsed.as_secs_f64(),
        report.generation.display(),
    );
    Ok(())
}

fn serve(args: ServeArgs) -> Result<()> {
    let dir = &args.location.index;
    if pressroom_index::current_generation(dir).is_none() {
        if !args.corpus.exists() {
            bail!(
                "no index in {} and no corpus at {} to build one from",
                dir.display(),
                args.corpus.display()
            );
        }
        eprintln!(
            "no index in {}: building one from {}",
            dir.display(),
            args.corpus.display()
        );
        index(dir, std::slice::from_ref(&args.corpus), None, false)?;
    }
    let service = SearchService::open(dir).with_context(|| format!("opening the index in {}", dir.display()))?;
    let documents = service.num_documents();
    let service = Arc::new(service);
    let config = args.config();
    if config.api_key.is_none() {
        tracing::info!("no PRESSROOM_API_KEY: write endpoints are disabled");
    }
    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build()?;
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind(args.addr)
            .await
            .with_context(|| format!("binding {}", args.addr))?;
        tracing::info!(addr = %args.addr, documents, "serving; try /api/search?q=trafficking");
        pressroom_query::http::serve_with(listener, service, config, shutdown_signal()).await?;
        Ok::<(), anyhow::Error>(())
    })
}

/// SIGINT or SIGTERM: stop accepting, finish the requests in flight, exit 0.
pub(crate) async fn shutdown_signal() {
    let interrupt = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        _ = interrupt => {},
        _ = terminate => {},
    }
    tracing::info!("shutting down: finishing requests in flight");
}

fn search(args: SearchArgs) -> Result<()> {
    match print_search(args) {
        // `pressroom search … | head` is fine.
        Err(error) if is_broken_pipe(&error) => Ok(()),
        other => other,
    }
}

fn is_broken_pipe(error: &anyhow::Error) -> bool {
    let io_kind = error
        .downcast_ref::<std::io::Error>()
        .map(std::io::Error::kind)
        .or_else(|| {
            error
                .downcast_ref::<serde_json::Error>()
                .and_then(serde_json::Error::io_error_kind)
        });
    io_kind == Some(std::io::ErrorKind::BrokenPipe)
}

/// A `--param KEY=VALUE` argument.
fn key_value(argument: &str) -> std::result::Result<(String, String), String> {
    argument
        .split_once('=')
        .map(|(key, value)| (key.to_string(), value.to_string()))
        .ok_or_else(|| format!("takes KEY=VALUE, got `{argument}`"))
}

fn print_search(args: SearchArgs) -> Result<()> {
    let service = SearchService::open_read_only(&args.location.index)?;
    let mut query: Vec<(&str, String)> = vec![("q", args.query.clone())];
    for (name, values) in [
        ("region", &args.region),
        ("country", &args.country),
        ("topic", &args.topic),
        ("org", &args.org),
        ("lang", &args.lang),
    ] {
        query.extend(values.iter().map(|value| (name, value.clone())));
    }
    for (name, value) in [("from", &args.from), ("to", &args.to), ("sort", &args.sort)] {
        if let Some(value) = value {
            query.push((name, value.clone()));
        }
    }
    query.push(("limit", args.limit.to_string()));
    query.push(("offset", args.offset.to_string()));
    query.extend(args.params.iter().map(|(key, value)| (key.as_str(), value.clone())));
    let encoded = form_urlencoded::Serializer::new(String::new())
        .extend_pairs(query.iter().map(|(key, value)| (*key, value.as_str())))
        .finish();
    let request = SearchRequest::from_query_string(&encoded).map_err(|error| anyhow::anyhow!("{error}"))?;
    let response = service.search(&request).map_err(|error| anyhow::anyhow!("{error}"))?;
    let mut out = std::io::stdout().lock();
    if args.json {
        serde_json::to_writer_pretty(&mut out, &response)?;
        writeln!(out)?;
        return Ok(());
    }
    writeln!(out, "{} results in {} µs", response.total, response.took_us)?;
    for (rank, hit) in response.hits.iter().enumerate() {
        writeln!(
            out,
            "{:>3}. {}  [{}] {} {} {}",
            rank + 1 + args.offset,
            hit.title,
            hit.id,
            hit.date.as_deref().unwrap_or("-"),
            hit.lang,
            hit.countries.join(",")
        )?;
    }
    Ok(())
}

fn extract(args: ExtractArgs) -> Result<()> {
    let enricher = pressroom_enrich::Enricher::new()?;
    // Every record is read before any is enriched: the acronyms a collection spells out are
    // learned from all of it (as `pressroom index` does).
    let mut records = Vec::new();
    let summary = pressroom_ingest::read_sources(&args.sources, args.format, &mut |item| match item {
        Ok(record) => records.push(record),
        Err(problem) => eprintln!("skipped: {problem}"),
    })?;
    enricher.learn(&records);
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let mut write_error = None;
    for record in records {
        let enrichment = enricher.enrich(&record);
        let mut line = serde_json::json!({
            "id": record.id,
            "title": record.title,
            "source": record.source,
            "date": record.date.map(|d| d.to_string())
        });
        if let (Some(object), Ok(serde_json::Value::Object(fields))) =
            (line.as_object_mut(), serde_json::to_value(&enrichment))
        {
            object.extend(fields);
            if args.with_text {
                object.insert("body".to_string(), serde_json::Value::String(record.body.clone()));
            }
        }
        // A closed pipe (`| head`) ends the run: nothing more is enriched.
        if let Err(error) = writeln!(out, "{line}") {
            write_error = Some(error);
            break;
        }
    }
    if let Some(error) = write_error {
        if error.kind() != std::io::ErrorKind::BrokenPipe {
            return Err(error.into());
        }
    }
    out.flush().ok();
    eprintln!("{} records, {} skipped", summary.records, summary.skipped_total());
    Ok(())
}

fn read_records(sources: &[PathBuf]) -> Result<Vec<pressroom_ingest::Record>> {
    let mut records = Vec::new();
    pressroom_ingest::read_sources(sources, None, &mut |item| {
        if let Ok(record) = item {
            records.push(record);
        }
    })?;
    Ok(records)
}

/// `pressroom extract` output: each line's facets by id.
fn read_extracted(path: &Path) -> Result<std::collections::HashMap<String, pressroom_enrich::Enrichment>> {
    #[derive(serde::Deserialize)]
    struct Line {
        id: String,
        #[serde(flatten)]
        enrichment: pressroom_enrich::Enrichment,
    }
    let text = std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    let mut extracted = std::collections::HashMap::new();
    for (number, line) in text.lines().enumerate().filter(|(_, line)| !line.trim().is_empty()) {
        let line: Line = serde_json::from_str(line).with_context(|| format!("{}:{}", path.display(), number + 1))?;
        extracted.entry(line.id).or_insert(line.enrichment);
    }
    Ok(extracted)
}

fn eval(args: EvalArgs) -> Result<()> {
    use pressroom_enrich::eval;
    let enricher = pressroom_enrich::Enricher::new()?;
    let corpus = args.shared.join("corpus");
    if !corpus.is_dir() {
        bail!(
            "no shared corpora at {} (set --shared or PRESSROOM_SHARED)",
            corpus.display()
        );
    }
    let reuters = read_records(&[corpus.join("reuters21578")])?;
    let reliefweb = read_records(&[corpus.join("reliefweb")])?;
    let mut others = read_records(&[corpus.join("seed"), corpus.join("trove-refugees")])?;
    if Path::new("corpus").is_dir() {
        others.extend(read_records(&[PathBuf::from("corpus")])?);
    }
    // Every record read, labelled or not, is the collection acronyms are learned from, as
    // `pressroom index` learns from what it indexes (no label is read).
    let learned = enricher.learn(reuters.iter().chain(&reliefweb).chain(&others));
    eprintln!(
        "{learned} acronyms learned from {} records",
        reuters.len() + reliefweb.len() + others.len()
    );
    // Reuters has its own split: TRAIN is what may be tuned on, TEST is held out.
    let reuters_splits: &[eval::ReutersSplit] = match args.split.as_deref() {
        Some("tune") => &[eval::ReutersSplit::Train],
        Some("test") => &[eval::ReutersSplit::Test],
        _ => &[eval::ReutersSplit::Train, eval::ReutersSplit::Test],
    };
    let mut rows = Vec::new();
    for &split in reuters_splits {
        rows.extend(eval::evaluate_reuters(&enricher, &reuters, split)?);
    }
    rows.extend(eval::evaluate_reliefweb(&enricher, &reliefweb));
    let gold_files: Vec<&PathBuf> = args.gold.iter().filter(|path| path.exists()).collect();
    let extracted = args.extracted.as_deref().map(read_extracted).transpose()?;
    if !gold_files.is_empty() {
        let mut everything = reuters;
        everything.extend(reliefweb);
        everything.extend(others);
        for path in gold_files {
            let text = std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
            let mut gold = eval::parse_gold(&text).map_err(|error| anyhow::anyhow!("{}: {error}", path.display()))?;
            if let Some(split) = &args.split {
                gold.retain(|label| label.split.as_ref().is_none_or(|own| own == split));
            }
            let name = path
                .file_stem()
                .map(|stem| stem.to_string_lossy().into_owned())
                .unwrap_or_default();
            rows.extend(eval::evaluate_gold(
                &enricher,
                &name,
                &everything,
                &gold,
                extracted.as_ref(),
            ));
        }
    }
    let mut out = std::io::stdout().lock();
    if args.json {
        serde_json::to_writer_pretty(&mut out, &rows)?;
        writeln!(out)?;
        return Ok(());
    }
    writeln!(
        out,
        "{:<20} {:<26} {:>6} {:>9} {:>7} {:>7} {:>8}",
        "source", "facet", "docs", "precision", "recall", "F1", "accuracy"
    )?;
    let figure = |value: Option<f64>| value.map_or("-".to_string(), |v| format!("{v:.3}"));
    for row in &rows {
        writeln!(
            out,
            "{:<20} {:<26} {:>6} {:>9} {:>7} {:>7} {:>8}",
            row.source,
            row.facet,
            row.documents,
            figure(row.precision),
            figure(row.recall),
            figure(row.f1),
            figure(row.accuracy)
        )?;
    }
    for row in rows.iter().filter(|row| !row.examples.is_empty()) {
        writeln!(out, "\n{} / {}:", row.source, row.facet)?;
        for example in &row.examples {
            writeln!(out, "  {example}")?;
        }
    }
    Ok(())
}

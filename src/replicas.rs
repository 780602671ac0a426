//! The commands of the replicated setup: `publish` (sources → document log), `serve
//! --follow` (a replica: its index follows the log, its writes go to the log) and `index
//! --from-log` (a rebuild from the log). The work is in crate `pressroom-replica`.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use anyhow::{Context, Result};
use clap::Args;
use pressroom_ingest::Format;
use pressroom_query::log::DocumentLog;
use pressroom_query::SearchService;
use pressroom_replica::{Log, LogSettings};

use crate::ServeArgs;

#[derive(Args)]
pub(crate) struct PublishArgs {
    /// NATS servers, comma-separated.
    #[arg(long, env = "PRESSROOM_NATS", value_name = "NATS_URLS")]
    nats: String,
    /// Copies the NATS cluster keeps of the log when this command creates it.
    #[arg(long, env = "PRESSROOM_LOG_REPLICAS", default_value_t = 3)]
    log_replicas: usize,
    /// Read every file with this reader instead of detecting formats.
    #[arg(long)]
    format: Option<Format>,
    /// Files or folders to publish.
    #[arg(required = true)]
    sources: Vec<PathBuf>,
}

pub(crate) fn publish(args: PublishArgs) -> Result<()> {
    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build()?;
    runtime.block_on(async move {
        let log = connect(&args.nats, args.log_replicas, true).await?;
        let show_progress = std::io::IsTerminal::is_terminal(&std::io::stderr());
        let report = pressroom_replica::publish_sources(&log, args.sources, args.format, show_progress, |problem| {
            eprintln!("skipped: {problem}")
        })
        .await
        .context("publishing")?;
        say!(
            "read {} records from {} files; published {} to the log (last sequence {}) in {:.1} s; {} too large for the server{}",
            report.read.records + report.read.skipped_total(),
            report.read.files_read,
            report.published,
            report.last_sequence,
            report.elapsed.as_secs_f64(),
            report.too_large.len(),
            report
                .too_large
                .iter()
                .map(|(id, bytes)| format!(" {id} ({bytes} bytes)"))
                .collect::<Vec<_>>()
                .join(","),
        );
        Ok(())
    })
}

pub(crate) fn index_from_log(dir: &Path, urls: &str, merge_segments: bool) -> Result<()> {
    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build()?;
    let latest = runtime.block_on(async {
        let log = connect(urls, 1, false).await?;
        pressroom_replica::read_latest(&log).await.context("reading the log")
    })?;
    let (documents, deleted, sequence) = (latest.records.len(), latest.deleted, latest.sequence);
    let options = pressroom_index::BuildOptions {
        merge_segments,
        show_progress: std::io::IsTerminal::is_terminal(&std::io::stderr()),
        ..Default::default()
    };
    let input = pressroom_index::Input::Records {
        records: Box::new(latest.records.into_values()),
        sequence,
    };
    let report = pressroom_index::build_from(dir, input, &options, &mut |problem| eprintln!("skipped: {problem}"))
        .with_context(|| format!("building the index in {}", dir.display()))?;
    say!(
        "read {documents} documents ({deleted} tombstones) from the log up to sequence {sequence}; indexed {} in {:.1} s at {}",
        report.indexed,
        report.elapsed.as_secs_f64(),
        report.generation.display(),
    );
    Ok(())
}

/// A replica: a new one starts from an empty generation and reads the whole log.
pub(crate) fn serve_following(args: ServeArgs) -> Result<()> {
    let dir = args.location.index.clone();
    let urls = args.follow.clone().unwrap_or_default();
    if pressroom_index::current_generation(&dir).is_none() {
        eprintln!("no index in {}: a new replica, reading the whole log", dir.display());
        let input = pressroom_index::Input::Records {
            records: Box::new(std::iter::empty()),
            sequence: 0,
        };
        pressroom_index::build_from(&dir, input, &Default::default(), &mut |_| {})
            .with_context(|| format!("creating an empty index in {}", dir.display()))?;
    }
    let service =
        Arc::new(SearchService::following(&dir).with_context(|| format!("opening the index in {}", dir.display()))?);
    let config = args.config();
    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build()?;
    runtime.block_on(async move {
        let log = connect(&urls, args.log_replicas, true).await?;
        tokio::spawn(pressroom_replica::follow(service.clone(), log.clone()));
        let listener = tokio::net::TcpListener::bind(args.addr)
            .await
            .with_context(|| format!("binding {}", args.addr))?;
        tracing::info!(addr = %args.addr, sequence = service.applied_sequence(), "serving a replica of the document log");
        let log: Arc<dyn DocumentLog> = Arc::new(log);
        pressroom_query::http::serve_following(listener, service, config, Some(log), crate::shutdown_signal()).await?;
        Ok(())
    })
}

async fn connect(urls: &str, replicas: usize, create: bool) -> Result<Log> {
    Log::connect(&LogSettings {
        urls: urls.to_string(),
        replicas,
        create,
    })
    .await
    .with_context(|| format!("connecting to the document log at {urls}"))
}

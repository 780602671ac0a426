//! NATS JetStream clusters for the replica tests: real `nats-server` processes on loopback
//! ports, in a temporary folder, stopped (killed) when dropped.

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use super::wire::free_port;

/// A cluster of `nats-server`s with JetStream.
pub struct Cluster {
    pub dir: tempfile::TempDir,
    pub client_ports: Vec<u16>,
    cluster_ports: Vec<u16>,
    servers: Vec<Option<Child>>,
}

/// Whether `nats-server` can be run; CI installs it and sets PRESSROOM_REQUIRE_NATS=1 so that
/// a missing server fails instead of skipping.
pub fn available() -> bool {
    let found = Command::new("nats-server")
        .arg("--version")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|status| status.success());
    if !found && std::env::var_os("PRESSROOM_REQUIRE_NATS").is_some_and(|value| value == "1") {
        panic!("nats-server is not installed, and PRESSROOM_REQUIRE_NATS=1");
    }
    found
}

/// `nats-server` for the test, or returns from it after printing why it is skipped.
#[macro_export]
macro_rules! nats_or_skip {
    () => {
        if !common::nats::available() {
            eprintln!("skipped: nats-server not found (apt-get install nats-server)");
            return;
        }
    };
}

impl Cluster {
    /// Starts `size` servers routed to one another, and waits until each says it is ready.
    pub fn start(size: usize) -> Cluster {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let client_ports: Vec<u16> = (0..size).map(|_| free_port()).collect();
        let cluster_ports: Vec<u16> = (0..size).map(|_| free_port()).collect();
        let mut cluster = Cluster {
            dir,
            client_ports,
            cluster_ports,
            servers: Vec::new(),
        };
        for node in 0..size {
            let child = cluster.spawn(node);
            cluster.servers.push(Some(child));
        }
        for node in 0..size {
            cluster.wait_ready(node);
        }
        cluster
    }

    /// Waits until a server's log says it is ready; panics, with its log, if it stopped (a
    /// port taken, say: it would otherwise be a server of another test that answers).
    fn wait_ready(&mut self, node: usize) {
        let started = Instant::now();
        loop {
            let log = std::fs::read_to_string(self.log_of(node)).unwrap_or_default();
            if log.contains("Server is ready") {
                return;
            }
            let exited = self.servers[node]
                .as_mut()
                .and_then(|child| child.try_wait().ok().flatten());
            if let Some(status) = exited {
                panic!("nats-server n{node} stopped ({status}): {log}");
            }
            if started.elapsed() > Duration::from_secs(30) {
                panic!("nats-server n{node} not ready after 30 s: {log}");
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    fn spawn(&self, node: usize) -> Child {
        let data = self.dir.path().join(format!("n{node}"));
        std::fs::create_dir_all(&data).expect("a data folder");
        let routes: Vec<String> = self
            .cluster_ports
            .iter()
            .map(|port| format!("nats://127.0.0.1:{port}"))
            .collect();
        let log = std::fs::File::create(self.dir.path().join(format!("n{node}.log"))).expect("a log file");
        let mut command = Command::new("nats-server");
        command
            .args(["-js", "-a", "127.0.0.1", "-n", &format!("n{node}")])
            .arg("-sd")
            .arg(&data)
            .args(["-p", &self.client_ports[node].to_string()]);
        if self.client_ports.len() > 1 {
            command.args([
                // A name of its own: clusters of tests that run at once never join.
                "--cluster_name",
                &self.name(),
                "--cluster",
                &format!("nats://127.0.0.1:{}", self.cluster_ports[node]),
                "--routes",
                &routes.join(","),
            ]);
        }
        command
            .stdout(Stdio::null())
            .stderr(log)
            .spawn()
            .expect("nats-server starts")
    }

    /// The cluster's name, unique among the clusters running (its first route port).
    fn name(&self) -> String {
        format!("pressroom-test-{}", self.cluster_ports[0])
    }

    /// The client URLs, comma-separated.
    pub fn urls(&self) -> String {
        self.client_ports
            .iter()
            .map(|port| format!("nats://127.0.0.1:{port}"))
            .collect::<Vec<_>>()
            .join(",")
    }

    /// Kills a server as `kill -9` would.
    pub fn kill(&mut self, node: usize) {
        if let Some(mut child) = self.servers[node].take() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }

    /// Starts a killed server again on its ports and data.
    pub fn restart(&mut self, node: usize) {
        self.kill(node);
        let child = self.spawn(node);
        self.servers[node] = Some(child);
        self.wait_ready(node);
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    pub fn log_of(&self, node: usize) -> PathBuf {
        self.dir.path().join(format!("n{node}.log"))
    }
}

impl Drop for Cluster {
    fn drop(&mut self) {
        for node in 0..self.servers.len() {
            self.kill(node);
        }
    }
}

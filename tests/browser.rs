//! The search page in a real browser: starts `pressroom serve` on an index of `corpus/` and
//! runs `tests/browser/ui.mjs` (Playwright driving Debian's headless Chromium). Screenshots
//! of the main states land in `target/browser-artifacts/`.
//!
//! Needs node, Chromium (`CHROMIUM`, default /usr/bin/chromium) and
//! `npm ci --prefix tests/browser`; without them the test is skipped with the reason, unless
//! `PRESSROOM_REQUIRE_BROWSER=1` (set by `.ci/run`) makes that a failure.

mod common;

use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::time::Duration;

fn missing_tool() -> Option<String> {
    let root = common::repo_root();
    let chromium = std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".to_string());
    if Command::new("node").arg("--version").output().is_err() {
        return Some("node is not installed".to_string());
    }
    if !PathBuf::from(&chromium).exists() {
        return Some(format!(
            "no Chromium at {chromium} (apt-get install chromium, or set CHROMIUM)"
        ));
    }
    if !root.join("tests/browser/node_modules/playwright-core").is_dir() {
        return Some("playwright-core is not installed (npm ci --prefix tests/browser)".to_string());
    }
    None
}

#[test]
fn the_search_page_works_in_chromium() {
    if let Some(reason) = missing_tool() {
        if std::env::var("PRESSROOM_REQUIRE_BROWSER").is_ok_and(|value| value == "1") {
            panic!("browser tests required but {reason}");
        }
        eprintln!("skipped: {reason}");
        return;
    }
    let root = common::repo_root();
    let dir = tempfile::tempdir().expect("temporary folder");
    let index = dir.path().join("index");
    // The same release reposted under another id: the page shows it as one hit's duplicate.
    let reposted = dir.path().join("reposted");
    std::fs::create_dir_all(&reposted).expect("folder");
    std::fs::copy(
        root.join("corpus/en-001-costa-rica-trafficking-network.txt"),
        reposted.join("en-001-copy.txt"),
    )
    .expect("copied");
    pressroom_index::build(
        &index,
        &[root.join("corpus"), reposted],
        &Default::default(),
        &mut |problem| panic!("{problem}"),
    )
    .expect("index builds");
    let port = common::wire::free_port();
    let mut server = Command::new(env!("CARGO_BIN_EXE_pressroom"))
        .args(["serve", "--addr", &format!("127.0.0.1:{port}"), "--index"])
        .arg(&index)
        .stderr(Stdio::null())
        .spawn()
        .expect("server starts");
    let ready = (0..100).any(|_| {
        std::thread::sleep(Duration::from_millis(100));
        std::net::TcpStream::connect(("127.0.0.1", port)).is_ok()
    });
    let artifacts = root.join("target/browser-artifacts");
    let outcome = ready.then(|| {
        Command::new("node")
            .arg(root.join("tests/browser/ui.mjs"))
            .arg(format!("http://127.0.0.1:{port}"))
            .arg(&artifacts)
            .output()
            .expect("node runs")
    });
    let _ = server.kill();
    let _ = server.wait();
    let output = outcome.expect("the server never listened");
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        output.status.success(),
        "{stdout}\n{stderr}\n(screenshots in {})",
        artifacts.display()
    );
    assert!(stdout.contains("browser tests passed"), "{stdout}");
    for shot in [
        "1-search.png",
        "2-region-drill-down.png",
        "3-years.png",
        "4-document.png",
        "5-narrow.png",
    ] {
        assert!(artifacts.join(shot).is_file(), "{shot} not saved");
    }
}

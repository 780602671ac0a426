//! A bare HTTP/1.1 client for tests that talk to `pressroom` processes on loopback (one
//! request per connection; no client library needed).

use std::io::{Read, Write};
use std::time::Duration;

use serde_json::Value;

/// Status and body (JSON, or `Value::Null` when the body is not JSON); `None` when nothing
/// answers.
pub fn request(port: u16, method: &str, path: &str, key: Option<&str>, body: Option<&str>) -> Option<(u16, Value)> {
    let mut stream = std::net::TcpStream::connect(("127.0.0.1", port)).ok()?;
    stream.set_read_timeout(Some(Duration::from_secs(30))).ok()?;
    let mut head = format!("{method} {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n");
    if let Some(key) = key {
        head.push_str(&format!("Authorization: Bearer {key}\r\n"));
    }
    let body = body.unwrap_or("");
    if !body.is_empty() {
        head.push_str(&format!(
            "Content-Type: application/json\r\nContent-Length: {}\r\n",
            body.len()
        ));
    }
    head.push_str("\r\n");
    stream.write_all(head.as_bytes()).ok()?;
    stream.write_all(body.as_bytes()).ok()?;
    let mut response = Vec::new();
    stream.read_to_end(&mut response).ok()?;
    let text = String::from_utf8_lossy(&response);
    let status = text.get(9..12)?.parse().ok()?;
    let body = text.split_once("\r\n\r\n").map_or("", |(_, body)| body);
    Some((status, serde_json::from_str(body).unwrap_or(Value::Null)))
}

/// A loopback port free now (the OS picks it; something else may still take it before it is
/// bound). Never the same port twice in one test process: tests run in parallel, and the OS
/// readily hands a port just released to the next caller, so two tests' servers (two NATS
/// clusters, say) could otherwise be given the same port and one would talk to the other's.
pub fn free_port() -> u16 {
    static GIVEN: std::sync::Mutex<Vec<u16>> = std::sync::Mutex::new(Vec::new());
    let mut given = GIVEN.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    loop {
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .and_then(|listener| listener.local_addr())
            .map(|address| address.port())
            .expect("a free loopback port");
        if !given.contains(&port) {
            given.push(port);
            return port;
        }
    }
}

pub fn get(port: u16, path: &str) -> Option<(u16, Value)> {
    request(port, "GET", path, None, None)
}

/// Polls until `check` holds (every 100 ms, at most `timeout`); whether it did.
pub fn eventually(timeout: Duration, mut check: impl FnMut() -> bool) -> bool {
    let started = std::time::Instant::now();
    while started.elapsed() < timeout {
        if check() {
            return true;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    check()
}

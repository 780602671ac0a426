//! The TCP listener the server accepts on, whose connections give hyper's own error answers
//! the documented JSON body.
//!
//! hyper answers a request it cannot parse by itself, before any handler runs: 400 for
//! malformed HTTP, 414 for a request line over 64 KiB (a huge query string), 431 for
//! oversized headers, each with an empty body. Every 4xx of the API carries
//! `{"error": {"code", "message"}}`, so each connection's writes are watched for such an
//! empty-bodied head and it is replaced by the same status with the JSON error. The
//! handlers never answer 400, 414 or 431 with an empty body, so only hyper's are rewritten.

use std::io;
use std::net::SocketAddr;
use std::pin::Pin;
use std::task::{ready, Context, Poll};

use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::net::{TcpListener, TcpStream};

use crate::error::SearchError;

/// A [`TcpListener`] whose connections are [`JsonErrors`].
pub struct JsonErrorListener {
    inner: TcpListener,
}

impl JsonErrorListener {
    pub fn new(inner: TcpListener) -> JsonErrorListener {
        JsonErrorListener { inner }
    }
}

impl axum::serve::Listener for JsonErrorListener {
    type Io = JsonErrors<TcpStream>;
    type Addr = SocketAddr;

    async fn accept(&mut self) -> (Self::Io, Self::Addr) {
        let (stream, address) = axum::serve::Listener::accept(&mut self.inner).await;
        (JsonErrors::new(stream), address)
    }

    fn local_addr(&self) -> io::Result<Self::Addr> {
        self.inner.local_addr()
    }
}

/// A connection whose writes of hyper's empty-bodied 400/414/431 heads carry a JSON body.
pub struct JsonErrors<T> {
    inner: T,
    /// A replacement being written: its bytes, how many are written, and how many bytes of
    /// the caller's buffer it stands for.
    pending: Option<(Vec<u8>, usize, usize)>,
}

impl<T> JsonErrors<T> {
    pub fn new(inner: T) -> JsonErrors<T> {
        JsonErrors { inner, pending: None }
    }
}

/// The JSON response standing for hyper's empty error answer in `head`, if it is one.
fn replacement(head: &[u8]) -> Option<Vec<u8>> {
    let error = match head.get(..13)? {
        b"HTTP/1.1 400 " | b"HTTP/1.0 400 " => SearchError::MalformedRequest,
        b"HTTP/1.1 414 " | b"HTTP/1.0 414 " => SearchError::UriTooLong,
        b"HTTP/1.1 431 " | b"HTTP/1.0 431 " => SearchError::HeadersTooLarge,
        _ => return None,
    };
    let end = head.windows(4).position(|window| window == b"\r\n\r\n")? + 4;
    let text = std::str::from_utf8(&head[..end]).ok()?.to_ascii_lowercase();
    if end != head.len() || !text.contains("\r\ncontent-length: 0\r\n") {
        return None;
    }
    let status_line = std::str::from_utf8(&head[..text.find("\r\n")?]).ok()?;
    let body = serde_json::json!({"error": {"code": error.code(), "message": error.to_string()}}).to_string();
    Some(
        format!(
            "{status_line}\r\ncontent-type: application/json\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{body}",
            body.len()
        )
        .into_bytes(),
    )
}

impl<T: AsyncRead + Unpin> AsyncRead for JsonErrors<T> {
    fn poll_read(mut self: Pin<&mut Self>, cx: &mut Context<'_>, buf: &mut ReadBuf<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.inner).poll_read(cx, buf)
    }
}

impl<T: AsyncWrite + Unpin> AsyncWrite for JsonErrors<T> {
    fn poll_write(mut self: Pin<&mut Self>, cx: &mut Context<'_>, buf: &[u8]) -> Poll<io::Result<usize>> {
        let this = &mut *self;
        if this.pending.is_none() {
            match replacement(buf) {
                Some(bytes) => this.pending = Some((bytes, 0, buf.len())),
                None => return Pin::new(&mut this.inner).poll_write(cx, buf),
            }
        }
        // Writing a replacement: the caller retries with the same buffer until it is told
        // that buffer is written, which happens once the whole replacement is.
        while let Some((bytes, written, stands_for)) = this.pending.as_mut() {
            if *written == bytes.len() {
                let stands_for = *stands_for;
                this.pending = None;
                return Poll::Ready(Ok(stands_for));
            }
            let count = ready!(Pin::new(&mut this.inner).poll_write(cx, &bytes[*written..]))?;
            if count == 0 {
                return Poll::Ready(Err(io::ErrorKind::WriteZero.into()));
            }
            *written += count;
        }
        Poll::Ready(Ok(0))
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.inner).poll_flush(cx)
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.inner).poll_shutdown(cx)
    }

    // Not vectored: hyper then hands a head over in one buffer, where it can be recognised.
    fn is_write_vectored(&self) -> bool {
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_empty_bodied_parse_error_heads_are_replaced() {
        let head = b"HTTP/1.1 414 URI Too Long\r\ncontent-length: 0\r\ndate: Thu, 03 Dec 2026 10:00:00 GMT\r\n\r\n";
        let replaced = String::from_utf8(replacement(head).expect("replaced")).expect("utf-8");
        assert!(replaced.starts_with("HTTP/1.1 414 URI Too Long\r\ncontent-type: application/json\r\n"));
        assert!(replaced.ends_with(r#""code":"uri_too_long","message":"the request line is too long (the query string is limited; send long searches with POST /api/search)"}}"#), "{replaced}");
        let body = replaced.split("\r\n\r\n").nth(1).expect("body");
        assert!(replaced.contains(&format!("content-length: {}\r\n", body.len())));
        // A handler's JSON 400, a 404 and a 200 pass untouched.
        assert!(replacement(
            b"HTTP/1.1 400 Bad Request\r\ncontent-type: application/json\r\ncontent-length: 40\r\n\r\n"
        )
        .is_none());
        assert!(replacement(b"HTTP/1.1 404 Not Found\r\ncontent-length: 0\r\n\r\n").is_none());
        assert!(replacement(b"HTTP/1.1 200 OK\r\ncontent-length: 0\r\n\r\n").is_none());
    }
}

//! Opening files: gzip is detected by its magic bytes, not by the file name. Every read is
//! bounded: a record (a JSON line, a page) by [`MAX_RECORD_BYTES`], a file read whole by
//! [`MAX_WHOLE_FILE_BYTES`], decompressed bytes counted, so a small gzip bomb cannot take
//! the memory of the process.

use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::Path;

use flate2::read::MultiGzDecoder;

const GZIP_MAGIC: [u8; 2] = [0x1f, 0x8b];
/// The largest record, in bytes once decompressed: one JSON line, one scraped page.
pub const MAX_RECORD_BYTES: usize = 64 << 20;
/// The largest file read whole or streamed as one table (Reuters SGML, ReliefWeb CSV), once
/// decompressed.
pub const MAX_WHOLE_FILE_BYTES: u64 = 1 << 30;

/// A buffered reader over the file's content, decompressed when it is gzip.
pub fn open(path: &Path) -> io::Result<Box<dyn BufRead>> {
    let mut file = BufReader::new(File::open(path)?);
    let is_gzip = file.fill_buf()?.starts_with(&GZIP_MAGIC);
    if is_gzip {
        Ok(Box::new(BufReader::new(MultiGzDecoder::new(file))))
    } else {
        Ok(Box::new(file))
    }
}

/// A buffered reader over the file's (decompressed) content that fails with
/// [`io::ErrorKind::FileTooLarge`] past `max` bytes.
pub fn open_limited(path: &Path, max: u64) -> io::Result<Box<dyn BufRead>> {
    Ok(Box::new(BufReader::new(Limit {
        inner: open(path)?,
        left: max,
    })))
}

/// The whole (decompressed) content of a file, failing with [`io::ErrorKind::FileTooLarge`]
/// past `max` bytes.
pub fn read_all(path: &Path, max: u64) -> io::Result<Vec<u8>> {
    let mut bytes = Vec::new();
    open_limited(path, max)?.read_to_end(&mut bytes)?;
    Ok(bytes)
}

struct Limit<R> {
    inner: R,
    left: u64,
}

impl<R: Read> Read for Limit<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if self.left == 0 {
            // One byte more tells a file of exactly `max` bytes from a longer one.
            let mut probe = [0u8; 1];
            return match self.inner.read(&mut probe)? {
                0 => Ok(0),
                _ => Err(too_large()),
            };
        }
        let wanted = buf.len().min(usize::try_from(self.left).unwrap_or(usize::MAX));
        let count = self.inner.read(&mut buf[..wanted])?;
        self.left -= count as u64;
        Ok(count)
    }
}

fn too_large() -> io::Error {
    io::Error::new(io::ErrorKind::FileTooLarge, "larger than pressroom reads at once")
}

/// Reads the next line (through `\n`) into `line`, keeping at most `max` bytes: a longer line
/// is read to its end without being kept. Returns the line's length (0 at the end of the
/// input) and whether it was longer than `max`.
pub fn read_line_bounded(reader: &mut dyn BufRead, line: &mut Vec<u8>, max: usize) -> io::Result<(usize, bool)> {
    line.clear();
    let mut length = 0usize;
    loop {
        let buffer = reader.fill_buf()?;
        if buffer.is_empty() {
            break;
        }
        let (taken, done) = match buffer.iter().position(|&byte| byte == b'\n') {
            Some(end) => (end + 1, true),
            None => (buffer.len(), false),
        };
        let room = max.saturating_sub(line.len());
        line.extend_from_slice(&buffer[..taken.min(room)]);
        reader.consume(taken);
        length += taken;
        if done {
            break;
        }
    }
    Ok((length, length > max))
}

/// The first `max` bytes of the file's first non-blank line (enough to tell its format).
pub fn first_line(path: &Path, max: usize) -> Option<String> {
    let mut reader = BufReader::new(open(path).ok()?.take(20 * max as u64));
    let mut line = Vec::new();
    for _ in 0..20 {
        line.clear();
        (&mut reader).take(max as u64).read_until(b'\n', &mut line).ok()?;
        if line.is_empty() {
            return None;
        }
        let text = String::from_utf8_lossy(&line);
        if !text.trim().is_empty() {
            return Some(text.trim_start_matches('\u{feff}').trim_end().to_string());
        }
        if !line.ends_with(b"\n") {
            return None;
        }
    }
    None
}

/// The file name without `.gz` and without its last extension, lowercased extension returned too.
pub fn stem_and_extension(path: &Path) -> (String, String) {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let name = name.strip_suffix(".gz").unwrap_or(&name).to_string();
    match name.rsplit_once('.') {
        Some((stem, ext)) if !stem.is_empty() => (stem.to_string(), ext.to_ascii_lowercase()),
        _ => (name, String::new()),
    }
}

/// What a failed read of a file is reported as.
pub fn problem_kind(error: &io::Error) -> crate::ProblemKind {
    match error.kind() {
        io::ErrorKind::UnexpectedEof => crate::ProblemKind::TruncatedGzip,
        io::ErrorKind::FileTooLarge => crate::ProblemKind::TooLarge,
        _ => crate::ProblemKind::Unreadable,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_lines_are_read_through_but_not_kept() {
        let mut input: &[u8] = b"short\n0123456789abcdef\nlast";
        let mut line = Vec::new();
        assert_eq!(read_line_bounded(&mut input, &mut line, 8).expect("read"), (6, false));
        assert_eq!(line, b"short\n");
        assert_eq!(read_line_bounded(&mut input, &mut line, 8).expect("read"), (17, true));
        assert_eq!(line, b"01234567");
        assert_eq!(read_line_bounded(&mut input, &mut line, 8).expect("read"), (4, false));
        assert_eq!(line, b"last");
        assert_eq!(read_line_bounded(&mut input, &mut line, 8).expect("read").0, 0);
    }

    #[test]
    fn a_gzip_bomb_is_cut_at_the_limit() {
        use std::io::Write;
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("zeros.jsonl.gz");
        let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
        for _ in 0..64 {
            encoder.write_all(&[b'0'; 1 << 20]).expect("compress");
        }
        std::fs::write(&path, encoder.finish().expect("gzip")).expect("write");
        let error = read_all(&path, 1 << 20).expect_err("over the limit");
        assert_eq!(error.kind(), io::ErrorKind::FileTooLarge);
        assert_eq!(first_line(&path, 4096).map(|line| line.len()), Some(4096));
    }
}

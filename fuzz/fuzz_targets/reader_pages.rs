//! The scraped-page reader (text and HTML).
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    pressroom_ingest::fuzzing::read_as(pressroom_ingest::Format::Pages, if data.first() == Some(&b'<') { "html" } else { "txt" }, data);
});

//! The JSON-lines readers: generic, Trove and Wikipedia forms.
#![no_main]
use libfuzzer_sys::fuzz_target;
use pressroom_ingest::Format;

fuzz_target!(|data: &[u8]| {
    for format in [Format::Jsonl, Format::Trove, Format::Wikipedia] {
        pressroom_ingest::fuzzing::read_as(format, "jsonl", data);
    }
});

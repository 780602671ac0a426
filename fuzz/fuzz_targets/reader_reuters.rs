//! The Reuters-21578 SGML reader.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    pressroom_ingest::fuzzing::read_as(pressroom_ingest::Format::Reuters, "sgm", data);
});

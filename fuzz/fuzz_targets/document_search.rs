//! A fuzzed document indexed, then searched with a fuzzed query and its own words, and
//! highlighted.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    pressroom_query::fuzzing::document_search(data);
});

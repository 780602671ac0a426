//! Query-string and JSON parsing of search requests.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    pressroom_query::fuzzing::search_params(data);
});

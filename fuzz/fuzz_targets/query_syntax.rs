//! The query syntax, searched on a small index.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    pressroom_query::fuzzing::query_syntax(data);
});

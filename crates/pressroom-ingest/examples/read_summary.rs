//! Reads the collections named on the command line and prints the read summary and the
//! first record of each source: `cargo run -p pressroom-ingest --example read_summary -- ../shared/corpus/seed`.

use std::collections::BTreeMap;
use std::path::PathBuf;

fn main() {
    let paths: Vec<PathBuf> = std::env::args().skip(1).map(PathBuf::from).collect();
    let mut first_by_source = BTreeMap::new();
    let mut problems = Vec::new();
    let summary = pressroom_ingest::read_sources(&paths, None, &mut |item| match item {
        Ok(record) => {
            first_by_source.entry(record.source.clone()).or_insert(record);
        }
        Err(problem) => problems.push(problem.to_string()),
    });
    match summary {
        Ok(summary) => println!("{summary:#?}"),
        Err(error) => {
            eprintln!("error: {error}");
            std::process::exit(1);
        }
    }
    for problem in problems.iter().take(10) {
        println!("problem: {problem}");
    }
    for record in first_by_source.values() {
        let body: String = record.body.chars().take(300).collect();
        println!(
            "--- {} | {} | {:?}\n{body}\ncontact: {:?}",
            record.id, record.title, record.date, record.contact
        );
    }
}

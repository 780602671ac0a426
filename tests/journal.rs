//! A single node keeps the writes made through its API across full rebuilds: they are
//! journaled in the index folder, replayed by every build after its sources, and what a
//! build did not see is replayed by the server into the new generation before it serves it.

mod common;

use pressroom_index::journal::{journal_path, read_from};
use pressroom_query::SearchService;

fn record(id: &str, title: &str) -> pressroom_ingest::Record {
    serde_json::from_value(serde_json::json!({
        "id": id,
        "source": "api",
        "title": title,
        "body": format!("{title}. Migrants and refugees in Libya received help."),
    }))
    .expect("a record")
}

fn held(service: &SearchService, id: &str) -> bool {
    service.document(id).is_ok()
}

const VICTIM: &str = "corpus:en-001-costa-rica-trafficking-network";

#[test]
fn api_writes_and_deletes_outlive_a_rebuild_even_one_switched_in_before_the_next_reload() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let index = dir.path().join("index");
    let corpus = common::repo_root().join("corpus");
    let service = common::build_and_open(&index, std::slice::from_ref(&corpus));
    assert!(held(&service, VICTIM));

    service
        .upsert(&[record("api:kept-1", "Kept through rebuilds")])
        .expect("written");
    service.delete(VICTIM).expect("deleted");
    let (journaled, _) = read_from(&journal_path(&index), 0).expect("the journal reads");
    assert_eq!(journaled.len(), 2, "both writes are journaled");

    // A full rebuild from the files, which know nothing of the API's writes.
    pressroom_index::build(&index, std::slice::from_ref(&corpus), &Default::default(), &mut |_| {}).expect("rebuilt");
    // Written after the rebuild switched CURRENT, before the server reloaded: it lands in
    // the generation being replaced, and in the journal.
    service
        .upsert(&[record("api:kept-2", "Written between switch and reload")])
        .expect("written");
    assert!(service.reload().expect("reloads").switched);
    assert!(held(&service, "api:kept-1"), "the rebuild replayed the journal");
    assert!(
        held(&service, "api:kept-2"),
        "the reload replayed what the rebuild did not see"
    );
    assert!(!held(&service, VICTIM), "the delete outlived the rebuild");
    assert_eq!(service.num_documents(), common::CORPUS_DOCUMENTS + 1);
    // The served generation says it holds the whole journal, and no more.
    let (_, journal_end) = read_from(&journal_path(&index), 0).expect("the journal reads");
    let served = service.generation().expect("a generation folder");
    let (served_index, _) = (tantivy::Index::open_in_dir(&served).expect("opens"), ());
    assert_eq!(
        pressroom_index::Applied::of(&served_index).expect("payload").journal,
        journal_end
    );

    // A server started afresh on the folder sees the same.
    drop(service);
    let restarted = SearchService::open(&index).expect("opens");
    assert!(held(&restarted, "api:kept-1") && held(&restarted, "api:kept-2") && !held(&restarted, VICTIM));
}

#[test]
fn one_server_holds_a_folder_s_journal_and_readers_take_none() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let index = dir.path().join("index");
    let service = common::build_and_open(&index, &[common::repo_root().join("corpus")]);
    // A second server on the folder would write over the first one's journal lines.
    let second = SearchService::open(&index).err().expect("a second writer is refused");
    assert!(second.to_string().contains("held by another process"), "{second}");
    // `pressroom search` and `bench` only read: they open beside the server, and cannot write.
    let reader = SearchService::open_read_only(&index).expect("a reader opens");
    assert!(held(&reader, VICTIM));
    assert!(reader.upsert(&[record("api:nope", "Refused")]).is_err());
    service
        .upsert(&[record("api:ok", "Accepted")])
        .expect("the server still writes");
}

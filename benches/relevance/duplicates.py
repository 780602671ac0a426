"""Near-duplicate groups among the documents a query's runs and judgments name, for eval.py's figures with
each release counted once.

Two records are copies when they hold the same words in the same order (case and accents folded, punctuation
and line breaks ignored), or when at least 0.9 of their five-word shingles are shared (Jaccard similarity,
computed exactly here where the server estimates it from MinHash sketches): the definition pressroom collapses
by (crates/pressroom-index/src/fingerprint.rs, crates/pressroom-query/src/service/collapse.rs). Copies are
grouped transitively, per query.
"""
import itertools
import json
import re
import unicodedata

SHINGLE_WORDS = 5
NEAR_DUPLICATE = 0.9


def _words(text):
    folded = unicodedata.normalize("NFKD", text.lower())
    folded = "".join(char for char in folded if not unicodedata.combining(char))
    return tuple(re.findall(r"\w+", folded))


def read_texts(records_path, wanted):
    """{id: (words, shingles)} for the records of `wanted` ids in a `pressroom extract --with-text` JSON-lines
    export (title and body)."""
    texts = {}
    with open(records_path, encoding="utf-8") as handle:
        for line in handle:
            if not line.strip():
                continue
            record = json.loads(line)
            if record.get("id") not in wanted:
                continue
            words = _words(f"{record.get('title') or ''} {record.get('body') or ''}")
            count = max(1, len(words) - SHINGLE_WORDS + 1)
            texts[record["id"]] = (words, {words[start:start + SHINGLE_WORDS] for start in range(count)})
    return texts


def copies(first, second):
    """Whether two (words, shingles) texts are the same release."""
    if first[0] == second[0]:
        return bool(first[0])
    union = len(first[1] | second[1])
    return union > 0 and len(first[1] & second[1]) / union >= NEAR_DUPLICATE


def groups(docs, texts):
    """{doc: the group's first doc (sorted order)} over `docs`; a doc without text is a group of its own."""
    docs = sorted(set(docs))
    parent = {doc: doc for doc in docs}

    def root(doc):
        while parent[doc] != doc:
            parent[doc] = parent[parent[doc]]
            doc = parent[doc]
        return doc

    for first, second in itertools.combinations(docs, 2):
        if first in texts and second in texts and root(first) != root(second) and copies(texts[first], texts[second]):
            low, high = sorted((root(first), root(second)))
            parent[high] = low
    return {doc: root(doc) for doc in docs}

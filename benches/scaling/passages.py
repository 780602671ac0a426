#!/usr/bin/env python3
"""Splits Wikipedia articles (JSON lines id, url, title, body; gzip) into passages of about
1 KB at paragraph, then sentence, boundaries, and writes passages-10k.jsonl,
passages-100k.jsonl and passages-all.jsonl (generic JSON-lines form) into OUT_DIR."""
import gzip
import json
import re
import sys

source, out_dir = sys.argv[1], sys.argv[2]
TARGET = 1000
passages = []
with gzip.open(source, "rt", encoding="utf-8") as handle:
    for line in handle:
        article = json.loads(line)
        pieces, current = [], ""
        for paragraph in article["body"].split("\n"):
            for sentence in re.split(r"(?<=[.!?])\s+", paragraph):
                if current and len(current) + len(sentence) > TARGET:
                    pieces.append(current)
                    current = ""
                current = (current + " " + sentence).strip()
        if current:
            pieces.append(current)
        for number, text in enumerate(pieces):
            passages.append({"id": f"enwiki:{article['id']}:{number}", "title": article["title"], "body": text})
for name, count in [("10k", 10_000), ("100k", 100_000), ("all", len(passages))]:
    with open(f"{out_dir}/passages-{name}.jsonl", "w", encoding="utf-8") as out:
        for passage in passages[:count]:
            out.write(json.dumps(passage, ensure_ascii=False) + "\n")
print(f"{len(passages)} passages", file=sys.stderr)

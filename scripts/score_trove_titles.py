#!/usr/bin/env python3
"""Scores the titles `pressroom extract` finds in OCR'd Trove releases against
`tests/data/trove-titles.jsonl` (how it was marked: `tests/data/trove-titles.md`).

    python3 scripts/score_trove_titles.py [--binary PATH] [--shared DIR] [--gold FILE]
                                          [--split tune|test|all] [--show-failures] [--json OUT]

The gold stores where each headline stands in the release text (character spans), not its
words; the text is read from `corpus/trove-refugees` of the shared data (`--shared`, or
$PRESSROOM_SHARED, default `../shared`). The releases are written to a temporary JSON-lines
file in the collection's own form and read with `pressroom extract`, as `pressroom index` would.

A title is right when it equals the headline once both are normalised: case, white space, quote
and dash variants folded, OCR's stray marks (`·`, `~`, `^`, `|`) dropped, and punctuation at
either end trimmed. It also prints the share of titles that hold at least 80% of the headline's
words and no more than twice as many words (`close`), and how many releases with no headline
get a title that is a line of the letterhead kind (`header`: "MEDIA RELEASE", a minister's
office...), for a rough view of the rest.

Python standard library only. With --show-failures, each wrong title is printed beside the
headline: for the tune split only, by the rules of the gold file (the test split is held out).
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import subprocess
import sys
import tempfile
import unicodedata
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
TROVE = "corpus/trove-refugees/trove_refugees_press_releases.jsonl.gz"

QUOTES = dict.fromkeys(map(ord, "\u2018\u2019\u201a\u201b\u2032\u00b4`"), "'")
QUOTES.update(dict.fromkeys(map(ord, "\u201c\u201d\u201e\u201f\u00ab\u00bb\u2033"), '"'))
DASHES = dict.fromkeys(map(ord, "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"), "-")
STRAY = re.compile(r"[·~^|*_•■►]")
HEADER = re.compile(
    r"^(joint\s+)?(media|press|news)\s+(release|statement)|^for\s+the\s+press|^transcript"
    r"|^minister\s+for\b|^department\s+of\b|^the\s+hon\b|^senator\b|^parliament\s+house",
    re.I,
)


def normalise(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).translate(QUOTES).translate(DASHES)
    text = STRAY.sub(" ", text)
    text = " ".join(text.split()).casefold()
    return text.strip(" .,;:'\"-!?()[]")


def words(text: str) -> list[str]:
    return re.findall(r"\w+", normalise(text))


def close(got: str, want: str) -> bool:
    got_words, want_words = words(got), words(want)
    if not want_words:
        return False
    remaining = list(got_words)
    found = 0
    for word in want_words:
        if word in remaining:
            remaining.remove(word)
            found += 1
    return found >= 0.8 * len(want_words) and len(got_words) <= 2 * len(want_words)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--binary", default=str(REPO / "target/release/pressroom"))
    parser.add_argument("--shared", default=os.environ.get("PRESSROOM_SHARED", str(REPO.parent / "shared")))
    parser.add_argument("--gold", default=str(REPO / "tests/data/trove-titles.jsonl"))
    parser.add_argument("--split", choices=["tune", "test", "all"], default="all")
    parser.add_argument("--show-failures", action="store_true")
    parser.add_argument("--json", help="write the figures and each release's outcome here")
    args = parser.parse_args()

    gold = [json.loads(line) for line in open(args.gold, encoding="utf-8") if line.strip()]
    gold = [item for item in gold if args.split == "all" or item["split"] == args.split]
    wanted = {item["id"] for item in gold}
    source = Path(args.shared) / TROVE
    if not source.exists():
        print(f"skipped: {source} not found (set --shared or PRESSROOM_SHARED)")
        return 0
    records: dict[str, dict] = {}
    with gzip.open(source, "rt", encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            if f"trove:{record['version_id']}" in wanted:
                records[f"trove:{record['version_id']}"] = record
    missing = wanted - set(records)
    if missing:
        print(f"{len(missing)} gold releases are not in {source}: {sorted(missing)[:5]}", file=sys.stderr)
        return 1

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "trove_refugees_press_releases.jsonl"
        with open(path, "w", encoding="utf-8") as out:
            for record in records.values():
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
        run = subprocess.run([args.binary, "extract", str(path)], capture_output=True, text=True, check=False)
    if run.returncode != 0:
        print(run.stderr, file=sys.stderr)
        return 1
    titles = {}
    for line in run.stdout.splitlines():
        if line.strip():
            item = json.loads(line)
            titles[item["id"]] = item.get("title", "")

    rows = []
    for item in gold:
        text = records[item["id"]]["text"]
        headline = " ".join(text[start:end] for start, end in item["spans"])
        got = titles.get(item["id"], "")
        rows.append(
            {
                "id": item["id"],
                "split": item["split"],
                "headline": " ".join(headline.split()),
                "got": got,
                "right": bool(item["spans"]) and normalise(got) == normalise(headline),
                "close": bool(item["spans"]) and close(got, headline),
                "header": not item["spans"] and bool(HEADER.search(got.strip())),
            }
        )

    with_headline = [row for row in rows if row["headline"]]
    without = [row for row in rows if not row["headline"]]
    right = sum(row["right"] for row in with_headline)
    near = sum(row["close"] for row in with_headline)
    headers = sum(row["header"] for row in without)
    share = lambda n, d: f"{n}/{d} ({100 * n / d:.1f}%)" if d else "-"
    print(f"split {args.split}: {len(rows)} releases, {len(with_headline)} with a headline, {len(without)} without")
    print(f"  title right   {share(right, len(with_headline))}")
    print(f"  title close   {share(near, len(with_headline))}")
    print(f"  no headline, title a header line: {headers}/{len(without)}")
    if args.show_failures:
        shown = [row for row in with_headline if not row["right"] and row["split"] == "tune"]
        for row in shown:
            print(f"\n{row['id']}\n  want: {row['headline']}\n  got:  {row['got']}")
        if args.split != "tune" and any(not row["right"] and row["split"] == "test" for row in with_headline):
            print("\n(test failures are not shown: the test split is held out)")
    if args.json:
        figures = {"split": args.split, "releases": len(rows), "with_headline": len(with_headline), "right": right, "close": near}
        with open(args.json, "w", encoding="utf-8") as out:
            json.dump({"figures": figures, "rows": rows}, out, ensure_ascii=False, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main())

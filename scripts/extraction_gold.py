#!/usr/bin/env python3
"""The extraction gold of issue 16: judges' label files merged into one gold file, and how far
two judges agree on the releases both labelled.

    python3 scripts/extraction_gold.py agreement --labels DIR
    python3 scripts/extraction_gold.py merge --labels DIR [--adjudicated FILE] [--out tests/data/extraction-gold.jsonl]

DIR holds the judges' `labels-NN.jsonl`, `sample.jsonl` (id, collection, lang, split) and
`manifest.json` (packets, `double`, `truncated`) of the labelling round (kept outside the
repository with the packets, which hold the texts). Matching follows section 6 of
tests/data/extraction-guide.md: strings normalised (accents, case, dots in acronyms,
punctuation, a leading article, trailing legal forms), an organization matches another when
their key sets (name and aliases) share a key, one-to-one; F1 micro-averaged over releases.

`merge` writes one line per release: the first judge's labels (packet order), or the
adjudicated labels of a double-labelled release from FILE, with `split` and `cut` added.
"""

import argparse
import json
import os
import re
import sys
import unicodedata

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ARTICLES = ("the ", "la ", "le ", "les ", "l'", "el ", "los ", "las ")
LEGAL = {"inc", "corp", "corporation", "co", "company", "ltd", "limited", "plc", "sa", "ag", "nv"}


def normalise(text):
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    text = text.replace("\u2019", "'").replace("\u2018", "'")
    text = re.sub(r"(?<=\w)\.(?=\w)", "", text)
    for article in ARTICLES:
        if text.startswith(article):
            text = text[len(article):]
            break
    text = re.sub(r"[^\w']+|_", " ", text).strip()
    words = text.split()
    while words and words[-1] in LEGAL:
        words.pop()
    return " ".join(words)


def keys(organization):
    if isinstance(organization, str):
        return {normalise(organization)} - {""}
    names = [organization.get("name", "")] + list(organization.get("aliases", []))
    return {normalise(name) for name in names} - {""}


def matched(predicted, expected):
    """Size of a maximum one-to-one matching between two lists of key sets."""
    owner = {}

    def augment(i, seen):
        for j, gold in enumerate(expected):
            if j in seen or not (predicted[i] & gold):
                continue
            seen.add(j)
            if j not in owner or augment(owner[j], seen):
                owner[j] = i
                return True
        return False

    return sum(augment(i, set()) for i in range(len(predicted)))


class Score:
    def __init__(self):
        self.tp = self.predicted = self.expected = 0

    def add(self, tp, predicted, expected):
        self.tp += tp
        self.predicted += predicted
        self.expected += expected

    def f1(self):
        p = self.tp / self.predicted if self.predicted else 1.0
        r = self.tp / self.expected if self.expected else 1.0
        return 2 * p * r / (p + r) if p + r else 0.0, p, r


def main_keys(label):
    by_name = {normalise(o["name"]): keys(o) for o in label.get("organizations", []) if isinstance(o, dict)}
    return [by_name.get(normalise(name), {normalise(name)}) for name in label.get("main_organizations", [])]


def compare(a, b, scores):
    orgs_a = [keys(o) for o in a.get("organizations", [])]
    orgs_b = [keys(o) for o in b.get("organizations", [])]
    scores["organizations"].add(matched(orgs_a, orgs_b), len(orgs_a), len(orgs_b))
    main_a, main_b = main_keys(a), main_keys(b)
    scores["main_organizations"].add(matched(main_a, main_b), len(main_a), len(main_b))
    for facet in ("main_countries", "mentioned_countries", "topics"):
        x, y = set(a.get(facet, [])), set(b.get(facet, []))
        scores[facet].add(len(x & y), len(x), len(y))
    scores["lang"].add(int(a.get("lang") == b.get("lang")), 1, 1)


def read_labels(folder):
    """{id: [label, ...]} in packet order."""
    labels = {}
    for name in sorted(os.listdir(folder)):
        if re.fullmatch(r"labels-\d+\.jsonl", name):
            with open(os.path.join(folder, name), encoding="utf-8") as handle:
                for line in handle:
                    if line.strip():
                        label = json.loads(line)
                        labels.setdefault(label["id"], []).append(label)
    return labels


def agreement(args):
    labels = read_labels(args.labels)
    scores = {facet: Score() for facet in
              ("organizations", "main_organizations", "main_countries", "mentioned_countries", "topics", "lang")}
    doubles = [versions for versions in labels.values() if len(versions) >= 2]
    for versions in doubles:
        compare(versions[0], versions[1], scores)
    print(f"{len(doubles)} releases labelled twice; agreement as F1 (precision, recall of the second judge against the first):")
    for facet, score in scores.items():
        f1, p, r = score.f1()
        print(f"  {facet:<22} F1 {f1:.3f}  (P {p:.3f}, R {r:.3f}; {score.tp} shared, {score.predicted} vs {score.expected})")


def merge(args):
    labels = read_labels(args.labels)
    with open(os.path.join(args.labels, "manifest.json"), encoding="utf-8") as handle:
        manifest = json.load(handle)
    cut = set(manifest.get("truncated", []))
    sample = {}
    with open(os.path.join(args.labels, "sample.jsonl"), encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                entry = json.loads(line)
                sample[entry["id"]] = entry
    adjudicated = {}
    if args.adjudicated:
        with open(args.adjudicated, encoding="utf-8") as handle:
            for line in handle:
                if line.strip():
                    entry = json.loads(line)
                    adjudicated[entry["id"]] = entry
    missing = [release for release in sample if release not in labels]
    if missing:
        sys.exit(f"no labels for {len(missing)} releases: {missing[:5]}")
    with open(args.out, "w", encoding="utf-8") as out:
        for release, entry in sample.items():
            label = dict(adjudicated.get(release) or labels[release][0])
            label.pop("judge", None)
            label["split"] = entry["split"]
            label["collection"] = entry.get("collection")
            if release in cut:
                label["cut"] = True
            out.write(json.dumps(label, ensure_ascii=False) + "\n")
    doubles = sum(len(versions) >= 2 for versions in labels.values())
    print(f"{len(sample)} releases written to {args.out} ({doubles} labelled twice, {len(adjudicated)} adjudicated)")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    for name in ("agreement", "merge"):
        command = commands.add_parser(name)
        command.add_argument("--labels", default=os.path.join(ROOT, "../labelling/extraction"))
        if name == "merge":
            command.add_argument("--adjudicated")
            command.add_argument("--out", default=os.path.join(ROOT, "tests/data/extraction-gold.jsonl"))
    args = parser.parse_args()
    agreement(args) if args.command == "agreement" else merge(args)

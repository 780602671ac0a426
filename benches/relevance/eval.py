#!/usr/bin/env python3
"""Scores runs against the judged relevance set (issue 15) and measures how far the judges agree.

    python3 benches/relevance/eval.py [--qrels tests/data/relevance/qrels.jsonl]
                                      [--queries tests/data/relevance/queries.jsonl]
                                      [--runs-dir ../relevance/runs] [RUN_FILE ...]
                                      [--run-pressroom URL --name NAME [--param KEY=VALUE ...] [--save-run FILE]]
                                      [--split tune|test|all] [--records FILE] [--json FILE]

Run files are TREC runs (qid Q0 doc rank score name; the system is named after the file) or JSON lines
({"qid", "doc", "rank"} or {"qid", "docs": [...]}); every *.trec and *.jsonl of --runs-dir is read (default: the
runs/ folder pool.py writes in ../relevance, when it exists). --run-pressroom URL queries a live pressroom server
for every query (GET /api/search?q=…&limit=10&fragments=0 plus each --param, e.g. --param typo=false) and scores
it as NAME beside the others; --save-run FILE also writes that run in TREC format (for pool.py --extra-run, so
its unjudged hits can be pooled and judged).

Grades (qrels.jsonl, one {"qid", "doc", "grade", "judge"} per line, grade 0, 1 or 2): a pair's grade is the one on
a line with "judge": "final" (the adjudicated grade; the last such line wins), else the mean of its judges' grades
rounded down (a judge's last line for a pair counts). Per query, over each system's top 10:
  nDCG@10  sum of grade / log2(rank + 1) over the top 10, divided by the same sum for the query's judged pairs in
           the best order (gain = grade);
  P@10     hits with grade >= 1, divided by 10 (a run that returns fewer than 10 is not excused);
  MRR      1 / rank of the first hit with grade >= 1 in the top 10, else 0.
  nDCG@10, P@10 copies once  the same, with each release counted once (when --records gives the records'
           text, benches/relevance/duplicates.py): a hit that is a near-duplicate of a hit ranked above it gains 0
           (the reader has seen it; pressroom collapses such copies into one hit), and the ideal order holds each
           group of copies once, at its best grade. Judges grade every copy on its own (guide.md), so the plain
           figures reward a run that shows the same release twice.
Unjudged hits count as grade 0; "judged" is the fraction of the top-10 hits (of those returned) that have a grade,
so a low figure says the system's scores are a lower bound until its hits are pooled and judged. Only queries with
at least one pair of grade >= 1 are scored (as trec_eval scores only the queries in its qrels); the others are
listed. Figures are means over queries, per tag and split (tune, test, all), systems side by side.

Agreement, over the pairs graded by two judges or more (judges other than "final"; for each pair its first two
judges in file order): exact agreement on the three grades, Cohen's kappa on the three grades (first grade of each
pair as rater A, second as rater B; chance agreement from the two raters' grade distributions), and the agreement
and kappa on relevant or not (0 vs >= 1).
"""
import argparse
import collections
import json
import math
import os
import sys
import urllib.error
import urllib.parse
import urllib.request

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import duplicates  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DATA = os.path.join(ROOT, "tests", "data", "relevance")
SPLITS = ("tune", "test", "all")
METRICS = ("ndcg10", "p10", "mrr", "judged", "ndcg10_once", "p10_once")
METRIC_NAMES = {"ndcg10": "nDCG@10", "p10": "P@10", "mrr": "MRR", "judged": "judged@10",
                "ndcg10_once": "nDCG@10, copies once", "p10_once": "P@10, copies once"}


def read_jsonl(path):
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def read_qrels(path):
    """(grades {(qid, doc): grade}, per-pair judge grades {(qid, doc): [(judge, grade)] in file order, one per
    judge, the judge's last line winning})."""
    by_pair = collections.defaultdict(dict)
    final = {}
    for entry in read_jsonl(path) if os.path.exists(path) else []:
        pair, grade = (entry["qid"], entry["doc"]), int(entry["grade"])
        if grade not in (0, 1, 2):
            sys.exit(f"{path}: grade {grade} for {pair} is not 0, 1 or 2")
        if entry.get("judge") == "final":
            final[pair] = grade
        else:
            judges = by_pair[pair]
            judges.pop(entry.get("judge", ""), None)  # keep file order of each judge's last grade
            judges[entry.get("judge", "")] = grade
    grades = {}
    for pair in set(by_pair) | set(final):
        if pair in final:
            grades[pair] = final[pair]
        else:
            values = list(by_pair[pair].values())
            grades[pair] = math.floor(sum(values) / len(values))
    return grades, {pair: list(judges.items()) for pair, judges in by_pair.items()}


def read_run(path):
    """{qid: [doc, ...]} in rank order, from a TREC or JSONL run file."""
    ranked = collections.defaultdict(list)
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            if not line.strip():
                continue
            if line.lstrip().startswith("{"):
                entry = json.loads(line)
                if "docs" in entry:
                    ranked[entry["qid"]].extend(enumerate(entry["docs"], start=1))
                else:
                    ranked[entry["qid"]].append((int(entry["rank"]), entry["doc"]))
            else:
                qid, _q0, doc, rank, *_rest = line.split()
                ranked[qid].append((int(rank), doc))
    return {qid: [doc for _rank, doc in sorted(entries)] for qid, entries in ranked.items()}


def pressroom_run(url, queries, params):
    run, url = {}, url.rstrip("/")
    for query in queries:
        fields = [("q", query["q"]), ("limit", "10"), ("fragments", "0")] + params
        try:
            with urllib.request.urlopen(f"{url}/api/search?{urllib.parse.urlencode(fields)}", timeout=60) as answer:
                run[query["qid"]] = [hit["id"] for hit in json.load(answer)["hits"]]
        except urllib.error.HTTPError as error:
            print(f"pressroom answered {error.code} to {query['qid']} {query['q']!r}; no hits", file=sys.stderr)
            run[query["qid"]] = []
    return run


def write_trec(path, name, run):
    with open(path, "w", encoding="utf-8") as out:
        for qid, docs in run.items():
            for rank, doc in enumerate(docs[:10], start=1):
                out.write(f"{qid} Q0 {doc} {rank} {11 - rank} {name}\n")


def ndcg(gains, ideal):
    dcg = sum(gain / math.log2(rank + 1) for rank, gain in enumerate(gains, start=1))
    idcg = sum(gain / math.log2(rank + 1) for rank, gain in enumerate(ideal[:10], start=1))
    return dcg / idcg if idcg else 0.0


def ideal_once(qid, grades, group):
    """The query's ideal gains holding each group of copies once, at its best grade."""
    best = {}
    for (pair_qid, doc), grade in grades.items():
        if pair_qid == qid:
            key = group.get(doc, doc)
            best[key] = max(best.get(key, 0), grade)
    return sorted(best.values(), reverse=True)


def query_scores(docs, qid, grades, ideal, group=None, ideal_grouped=None):
    """A query's figures for one run; with `group` ({doc: its near-duplicate group}) and `ideal_grouped` (its
    `ideal_once`), also those counting each release once: a hit that is a copy of an earlier hit gains nothing, and
    the ideal order holds each group once, at its best grade."""
    top = docs[:10]
    gains = [grades.get((qid, doc), 0) for doc in top]
    first = next((rank for rank, gain in enumerate(gains, start=1) if gain >= 1), None)
    judged = sum((qid, doc) in grades for doc in top)
    scores = {"ndcg10": ndcg(gains, ideal), "p10": sum(gain >= 1 for gain in gains) / 10,
              "mrr": 1 / first if first else 0.0, "judged": judged / len(top) if top else None,
              "ndcg10_once": None, "p10_once": None}
    if group is not None:
        seen, once = set(), []
        for doc, gain in zip(top, gains):
            key = group.get(doc, doc)
            once.append(0 if key in seen else gain)
            seen.add(key)
        scores["ndcg10_once"] = ndcg(once, ideal_grouped)
        scores["p10_once"] = sum(gain >= 1 for gain in once) / 10
    return scores


def judged_fraction(run, grades, queries):
    hits = [(query["qid"], doc) for query in queries for doc in run.get(query["qid"], [])[:10]]
    judged = sum(pair in grades for pair in hits)
    return f"{judged}/{len(hits)} ({judged / len(hits):.1%})" if hits else "no hits"


def kappa(pairs, categories):
    if not pairs:
        return None
    n = len(pairs)
    observed = sum(a == b for a, b in pairs) / n
    first, second = collections.Counter(a for a, _ in pairs), collections.Counter(b for _, b in pairs)
    expected = sum(first[c] * second[c] for c in categories) / (n * n)
    return (observed - expected) / (1 - expected) if expected < 1 else 1.0


def agreement(judgements):
    doubles = [(judges[0][1], judges[1][1]) for judges in judgements.values() if len(judges) >= 2]
    binary = [(a >= 1, b >= 1) for a, b in doubles]
    return {"pairs": len(doubles),
            "exact": sum(a == b for a, b in doubles) / len(doubles) if doubles else None,
            "kappa": kappa(doubles, (0, 1, 2)),
            "binary": sum(a == b for a, b in binary) / len(binary) if binary else None,
            "binary_kappa": kappa(binary, (False, True)),
            "confusion": {f"{a}-{b}": count for (a, b), count in sorted(collections.Counter(doubles).items())}}


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("runs", nargs="*", help="run files (TREC or JSONL)")
    parser.add_argument("--qrels", default=os.path.join(DATA, "qrels.jsonl"))
    parser.add_argument("--queries", default=os.path.join(DATA, "queries.jsonl"))
    work = os.environ.get("PRESSROOM_RELEVANCE_WORK", os.path.join(os.path.dirname(ROOT), "relevance"))
    parser.add_argument("--runs-dir", default=os.path.join(work, "runs"),
                        help="read every *.trec and *.jsonl here [../relevance/runs]; '' for none")
    parser.add_argument("--run-pressroom", metavar="URL", help="query this pressroom server and score it too")
    parser.add_argument("--name", default="pressroom-live", help="the name of the --run-pressroom run")
    parser.add_argument("--param", action="append", default=[], metavar="KEY=VALUE",
                        help="extra search parameter for --run-pressroom (repeatable)")
    parser.add_argument("--save-run", help="write the --run-pressroom run here (TREC)")
    parser.add_argument("--split", choices=SPLITS, default=None, help="only this split [tune, test and all]")
    parser.add_argument("--json", help="write every figure here")
    records = os.path.join(work, "records.jsonl")
    parser.add_argument("--records", default=records if os.path.exists(records) else None,
                        help="the records the runs searched (pool.py's WORK/records.jsonl, the default when it "
                             "exists): adds the figures counting near-duplicate copies once; '' for none")
    args = parser.parse_args()

    queries = read_jsonl(args.queries)
    grades, judgements = read_qrels(args.qrels)
    runs = {}
    if args.runs_dir and os.path.isdir(args.runs_dir):
        for name in sorted(os.listdir(args.runs_dir)):
            if name.endswith((".trec", ".jsonl")):
                runs[name.rsplit(".", 1)[0]] = read_run(os.path.join(args.runs_dir, name))
    for path in args.runs:
        runs[os.path.basename(path).rsplit(".", 1)[0]] = read_run(path)
    if args.run_pressroom:
        params = []
        for item in args.param:
            key, sep, value = item.partition("=")
            if not sep:
                parser.error(f"--param {item!r}: expected KEY=VALUE")
            params.append((key, value))
        runs[args.name] = pressroom_run(args.run_pressroom, queries, params)
        if args.save_run:
            write_trec(args.save_run, args.name, runs[args.name])
    if not runs:
        print("no runs to score (give run files, --runs-dir or --run-pressroom)", file=sys.stderr)

    ideal = collections.defaultdict(list)
    for (qid, _doc), grade in grades.items():
        ideal[qid].append(grade)
    for qid in ideal:
        ideal[qid].sort(reverse=True)
    scored = [query for query in queries if any(grade >= 1 for grade in ideal.get(query["qid"], []))]
    unjudged = [query["qid"] for query in queries if query["qid"] not in ideal]
    no_relevant = [query["qid"] for query in queries if query["qid"] in ideal and query not in scored]

    group_of = {}
    if args.records:
        pairs_by_query = collections.defaultdict(set)
        for qid, doc in grades:
            pairs_by_query[qid].add(doc)
        for run in runs.values():
            for qid, docs in run.items():
                pairs_by_query[qid].update(docs[:10])
        texts = duplicates.read_texts(args.records, {doc for docs in pairs_by_query.values() for doc in docs})
        group_of = {query["qid"]: duplicates.groups(pairs_by_query[query["qid"]], texts) for query in scored}
    ideal_grouped = {qid: ideal_once(qid, grades, group) for qid, group in group_of.items()}
    per_query = {system: {query["qid"]: query_scores(run.get(query["qid"], []), query["qid"], grades,
                                                     ideal[query["qid"]], group_of.get(query["qid"]),
                                                     ideal_grouped.get(query["qid"]))
                          for query in scored}
                 for system, run in runs.items()}
    tags = ["all"] + sorted({tag for query in queries for tag in query.get("tags", [])})
    splits = [args.split] if args.split else list(SPLITS)
    figures = {}
    for split in splits:
        for tag in tags:
            members = [query["qid"] for query in scored if (split == "all" or query.get("split") == split)
                       and (tag == "all" or tag in query.get("tags", []))]
            cell = {"queries": len(members), "systems": {}}
            for system in runs:
                values = {}
                for metric in METRICS:
                    numbers = [per_query[system][qid][metric] for qid in members
                               if per_query[system][qid][metric] is not None]
                    values[metric] = sum(numbers) / len(numbers) if numbers else None
                cell["systems"][system] = values
            figures[f"{split}/{tag}"] = cell

    print(f"{len(queries)} queries, {len(grades)} graded pairs; scored: {len(scored)} queries with a pair of grade "
          f">= 1; not scored: {len(unjudged)} without grades{' (' + ' '.join(unjudged) + ')' if unjudged else ''}, "
          f"{len(no_relevant)} with no relevant pair{' (' + ' '.join(no_relevant) + ')' if no_relevant else ''}")
    systems = list(runs)
    width = max([10] + [len(system) + 1 for system in systems])
    for metric in METRICS:
        if metric.endswith("_once") and not group_of:
            continue
        print(f"\n{METRIC_NAMES[metric]:<26}{'n':>4}" + "".join(f"{system:>{width}}" for system in systems))
        for key, cell in figures.items():
            row = "".join(f"{cell['systems'][system][metric]:>{width}.3f}"
                          if cell["systems"][system][metric] is not None else f"{'-':>{width}}" for system in systems)
            print(f"{key:<26}{cell['queries']:>4}" + row)
    print("\njudged hits, over every query's top 10 (all queries, scored or not): " + "; ".join(
        f"{system} {judged_fraction(run, grades, queries)}" for system, run in runs.items()))
    agree = agreement(judgements)
    if agree["pairs"]:
        print(f"\njudges: {agree['pairs']} pairs graded twice; exact agreement {agree['exact']:.1%}, Cohen's kappa "
              f"{agree['kappa']:.3f} (grades 0/1/2); relevant or not: agreement {agree['binary']:.1%}, kappa "
              f"{agree['binary_kappa']:.3f}; grade pairs (first-second): "
              + ", ".join(f"{key} {count}" for key, count in agree["confusion"].items()))
    else:
        print("\njudges: no pair graded twice yet")
    if args.json:
        with open(args.json, "w", encoding="utf-8") as out:
            json.dump({"figures": figures, "per_query": per_query, "agreement": agree, "scored": len(scored),
                       "unjudged": unjudged, "no_relevant": no_relevant}, out, indent=1)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Pooling for the judged relevance set (issue 15): runs five systems over tests/data/relevance/queries.jsonl,
keeps each one's top 10, pools them and writes judging packets.

    python3 benches/relevance/pool.py [--work ../relevance] [--shared ../shared] [--binary PATH] [--url URL]
                                      [--queries tests/data/relevance/queries.jsonl]
                                      [--qrels tests/data/relevance/qrels.jsonl] [--extra-run FILE ...]
                                      [--pairs-per-packet 200] [--double 0.25] [--seed 15]
                                      [--packets DIR] [--force]
    python3 benches/relevance/pool.py collect --judge NAME [--final] [--work ../relevance] [--qrels FILE]
                                      GRADES.tsv ...

The five systems, all over the same records (`pressroom extract --with-text` of the four domain corpora, seed,
trove-refugees, reliefweb and reuters21578, as benches/peers/run.py exports them):
  pressroom        pressroom as it is, over HTTP, default parameters with limit=10 and fragments=0 (fragments only
                   change the snippets; facets are left at their default, they do not change the hits);
  pressroom-plain  the same with typo=false and expand=false (no typo candidates, no cross-lingual expansion);
  fts5             SQLite FTS5 bm25 (title weight 2), benches/peers/run.py's load_sqlite and sqlite_search, the query
                   translated by its fts_query (imported from run.py, not copied);
  xapian           Xapian BM25Weight, run.py's load_xapian and xapian_search (the same translation);
  tantivy          a plain tantivy BM25 over title and body through the `tantivy` Python package (pip-installed if
                   missing): both fields with the "default" tokenizer (split on non-alphanumerics, lower case, tokens
                   over 40 bytes dropped; no stemming, no accent folding), the query given as typed to tantivy's
                   QueryParser over title (boost 2) and body, conjunction by default (a query it cannot parse, such as
                   one with an apostrophe, goes through its lenient parser).

pressroom is served from WORK/index (built with `BINARY index` if missing) unless --url names a running server on an
index of the same records; BINARY (default target/release/pressroom) also exports WORK/records.jsonl if missing.
The SQLite, Xapian and tantivy databases are kept in WORK (fts5.db, xapian/, tantivy/) and reused when they are
newer than records.jsonl and hold as many documents. Nothing in WORK belongs in the repository: records, databases
and packets hold document text.

Outputs, all in WORK:
  runs/<system>.trec    TREC run format (qid Q0 doc rank score system), the top 10 per query; score = 11 - rank
                        (only the order counts); a query a system rejects has no lines;
  pool.jsonl            one line per pooled (qid, doc): the union of the top 10s (and of --extra-run files), with the
                        systems that returned it and their ranks (for analysis; judges never see it);
  packets/packet-NN.md  the judging packets (packets/ or --packets DIR; packets already there are only replaced with
                        --force): pairs grouped by query, about --pairs-per-packet pairs each, queries and
                        documents in an order shuffled with --seed, no system names; each pair shows the query, its
                        tags, its key (qid:doc id), the title, date, language and source, and up to ~1,500 characters
                        of the body: the opening, plus 300 characters either side of the first occurrence of a query
                        word when that lies beyond the opening; for a query with -word, how often the excluded
                        words occur in the whole document;
  packets/packet-NN.grades.tsv  one line per pair, `key<TAB>` for the judge to complete with 0, 1 or 2;
  packets/manifest.json packet -> its pair keys and which of them are double; per double query, its two packets.

Double judging: whole queries, chosen in seeded random order until their pairs make --double (25%) of the pool,
appear in two different packets (each copy with its own document order); a judge must not grade both packets of a
double query (the manifest's double_queries lists them). Pairs already graded in --qrels are left out, so rerunning
after adding queries or an --extra-run (say a new pressroom run, see eval.py --save-run) pools only what is new; give
that round its own --packets folder (WORK/packets-2: collect checks keys against every WORK/packets*/manifest.json).

`collect` appends completed grade files to tests/data/relevance/qrels.jsonl as {"qid", "doc", "grade", "judge"}
lines, checking every key against the manifest and every grade is 0, 1 or 2 (lines without a grade and lines
starting with # are skipped, so a packet can be collected in parts; a grade equal to the judge's latest for the pair
is not added again, a changed one is appended and, being the judge's last, counts); --final records adjudicated
grades (judge "final"). The grading guide is tests/data/relevance/guide.md.
"""
import argparse
import contextlib
import datetime
import glob
import json
import os
import random
import re
import sqlite3
import subprocess
import sys
import textwrap
import time
import unicodedata
import urllib.error
import urllib.parse
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.join(ROOT, "benches", "peers"))
import run as peers  # noqa: E402  (benches/peers/run.py: the records, FTS5 and Xapian loaders and searches)
from eval import read_run  # noqa: E402  (benches/relevance/eval.py: reads TREC and JSONL run files)

SYSTEMS = ["pressroom", "pressroom-plain", "fts5", "xapian", "tantivy"]
PLAIN_PARAMS = {"typo": "false", "expand": "false"}
EXCERPT_CHARS = 1500
OPENING_WHEN_SPLIT = 850
AROUND = 300


def default_work():
    return os.environ.get("PRESSROOM_RELEVANCE_WORK", os.path.join(os.path.dirname(ROOT), "relevance"))


def read_jsonl(path):
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def record_ids(records_path):
    """The document ids in file order: rowid n (FTS5) and docid n (Xapian) are ids[n - 1]."""
    with open(records_path, encoding="utf-8") as handle:
        return [json.loads(line)["id"] for line in handle]


def fresh(path, records_path):
    return os.path.exists(path) and os.path.getmtime(path) >= os.path.getmtime(records_path)


# --- the systems -------------------------------------------------------------------------------------------------

def pressroom_top(url, q, params):
    query = urllib.parse.urlencode({"q": q, "limit": 10, "fragments": 0, **params})
    try:
        with urllib.request.urlopen(f"{url}/api/search?{query}", timeout=60) as response:
            answer = json.load(response)
    except urllib.error.HTTPError as error:
        raise Rejected(f"HTTP {error.code}: {error.read()[:200]!r}")
    return [hit["id"] for hit in answer["hits"]]


class Rejected(Exception):
    """A system refused the query; it gets no hits for it."""


def open_sqlite(records_path, db_path):
    if fresh(db_path, records_path):
        db = sqlite3.connect(db_path)
        count = db.execute("SELECT count(*) FROM docs").fetchone()[0]
        if count == sum(1 for _ in open(records_path, encoding="utf-8")):
            for pragma in peers.SQLITE_PRAGMAS:
                db.execute("PRAGMA " + pragma)
            db.execute("CREATE TEMP TABLE hits(rowid INTEGER PRIMARY KEY, rank REAL, lang TEXT, year INTEGER)")
            print(f"SQLite FTS5: reusing {db_path}", file=sys.stderr)
            return db
        db.close()
    if os.path.exists(db_path):
        os.remove(db_path)
    started = time.time()
    db = peers.load_sqlite(records_path, db_path)
    print(f"SQLite FTS5 loaded in {time.time() - started:.0f} s", file=sys.stderr)
    return db


def open_xapian(records_path, db_path):
    xapian = peers.import_xapian()
    if fresh(db_path, records_path):
        with contextlib.suppress(xapian.Error):
            db = xapian.Database(db_path)
            if db.get_doccount() == sum(1 for _ in open(records_path, encoding="utf-8")):
                print(f"Xapian: reusing {db_path}", file=sys.stderr)
                return xapian, db
    xapian, db, seconds = peers.loaded_xapian(records_path, db_path)
    return xapian, db


def import_tantivy():
    try:
        import tantivy
    except ImportError:
        print("tantivy missing: pip install tantivy …", file=sys.stderr)
        if subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "tantivy"]).returncode:
            sys.exit(f"pip install tantivy failed for {sys.executable}: install the tantivy package for it")
        import tantivy
    return tantivy


def open_tantivy(records_path, path):
    """A tantivy index of id (raw, stored), title and body ("default" tokenizer, positions), one segment."""
    tantivy = import_tantivy()
    builder = tantivy.SchemaBuilder()
    builder.add_text_field("id", stored=True, tokenizer_name="raw")
    builder.add_text_field("title", tokenizer_name="default", index_option="position")
    builder.add_text_field("body", tokenizer_name="default", index_option="position")
    schema = builder.build()
    stamp = os.path.join(path, "pressroom-records.json")
    records = sum(1 for _ in open(records_path, encoding="utf-8"))
    if fresh(stamp, records_path) and json.load(open(stamp)).get("documents") == records:
        index = tantivy.Index(schema, path=path, reuse=True)
        print(f"tantivy: reusing {path}", file=sys.stderr)
        return tantivy, index
    if os.path.exists(path):
        import shutil
        shutil.rmtree(path)
    os.makedirs(path)
    started = time.time()
    index = tantivy.Index(schema, path=path, reuse=False)
    writer = index.writer(heap_size=200_000_000, num_threads=1)
    with open(records_path, encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            writer.add_document(tantivy.Document(id=record["id"], title=record.get("title") or "",
                                                 body=record.get("body") or ""))
    writer.commit()
    writer.wait_merging_threads()
    index.reload()
    with open(stamp, "w") as out:
        json.dump({"documents": records}, out)
    print(f"tantivy {getattr(tantivy, '__version__', '')} index built in {time.time() - started:.0f} s",
          file=sys.stderr)
    return tantivy, index


def tantivy_top(index, q):
    fields, boosts = ["title", "body"], {"title": 2.0}
    if not q.strip():
        return []
    try:
        query = index.parse_query(q, fields, field_boosts=boosts, conjunction_by_default=True)
    except ValueError:
        query, _errors = index.parse_query_lenient(q, fields, field_boosts=boosts, conjunction_by_default=True)
    searcher = index.searcher()
    return [searcher.doc(address)["id"][0] for _score, address in searcher.search(query, 10, count=False).hits]


@contextlib.contextmanager
def systems(args, work):
    """Yields {system: function(q) -> top-10 ids}."""
    records = os.path.join(work, "records.jsonl")
    binary = os.path.abspath(args.binary or os.path.join(ROOT, "target", "release", "pressroom"))
    if not os.path.exists(records):
        print("exporting records with pressroom extract --with-text …", file=sys.stderr)
        peers.export(binary, args.shared, records)
    ids = record_ids(records)
    db = open_sqlite(records, os.path.join(work, "fts5.db"))
    xapian, xapian_db = open_xapian(records, os.path.join(work, "xapian"))
    _tantivy, tantivy_index = open_tantivy(records, os.path.join(work, "tantivy"))

    def fts5(q):
        try:
            top, _total, _counts = peers.sqlite_search(db, {"q": q})
        except sqlite3.Error as error:
            raise Rejected(str(error))
        return [ids[row[0] - 1] for row in top]

    def xapian_top(q):
        try:
            top, _total, _counts = peers.xapian_search(xapian, xapian_db, {"q": q})
        except (xapian.Error, peers.XapianSyntaxError) as error:
            raise Rejected(str(error))
        return [ids[docid - 1] for docid in top]

    with contextlib.ExitStack() as stack:
        url = args.url
        if not url:
            index = os.path.join(work, "index")
            if not os.path.exists(os.path.join(index, "CURRENT")):
                sources = [os.path.join(args.shared, "corpus", name) for name in peers.CORPORA]
                subprocess.run([binary, "index", "--index", index, *sources], check=True,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            url = stack.enter_context(peers.pressroom_server(binary, index))
        url = url.rstrip("/")
        yield {
            "pressroom": lambda q: pressroom_top(url, q, {}),
            "pressroom-plain": lambda q: pressroom_top(url, q, PLAIN_PARAMS),
            "fts5": fts5,
            "xapian": xapian_top,
            "tantivy": lambda q: tantivy_top(tantivy_index, q),
        }


# --- runs and pool -----------------------------------------------------------------------------------------------

def write_trec(path, name, tops):
    with open(path, "w", encoding="utf-8") as out:
        for qid, docs in tops.items():
            for rank, doc in enumerate(docs, start=1):
                out.write(f"{qid} Q0 {doc} {rank} {11 - rank} {name}\n")


def judged_pairs(qrels_path):
    if not qrels_path or not os.path.exists(qrels_path):
        return set()
    return {(entry["qid"], entry["doc"]) for entry in read_jsonl(qrels_path)}


# --- packets -----------------------------------------------------------------------------------------------------

STOP = set("""a an and are as at be by de del des did do does du el en et for from how in is it la las le les los
of on or the to was were what when where which who why with y""".split())


def fold(text):
    """Lower case without diacritics, one character per character (so offsets carry over to the original)."""
    out = []
    for char in text:
        decomposed = unicodedata.normalize("NFD", char.lower())
        stripped = "".join(c for c in decomposed if unicodedata.category(c) != "Mn")
        out.append(stripped[:1] or char)
    return "".join(out)


def query_words(q):
    words = []
    for part in peers.query_parts(q):
        if part != "OR" and part[0] == "PHRASE":
            words.extend(w for w in peers.fold_tokens(" ".join(part[1])) if w not in STOP and len(w) > 2)
    return words


def excerpt(body, q):
    """Up to EXCERPT_CHARS of the body: the opening, plus AROUND characters either side of the first occurrence
    of a query word (whole word, else its first five letters as a word start) when that lies beyond the opening."""
    body = re.sub(r"[ \t]+", " ", re.sub(r"\n\s*\n+", "\n", body or "")).strip()
    if len(body) <= EXCERPT_CHARS:
        return body
    folded = fold(body)
    words = query_words(q)
    first = None
    for patterns in ([rf"\b{re.escape(w)}\b" for w in words], [rf"\b{re.escape(w[:5])}" for w in words if len(w) > 5]):
        starts = [found.start() for found in (re.search(pattern, folded) for pattern in patterns) if found]
        if starts:
            first = min(starts)
            break
    if first is None or first + AROUND <= EXCERPT_CHARS:
        return body[:EXCERPT_CHARS] + " […]"
    start, end = max(OPENING_WHEN_SPLIT, first - AROUND), min(len(body), first + AROUND)
    tail = " […]" if end < len(body) else ""
    return body[:OPENING_WHEN_SPLIT] + " […] " + body[start:end] + tail


def excluded_note(record, q):
    """For a query with -word or -"phrase": how often each excluded word or phrase occurs in the whole document (title
    and body, case and accents folded, whole words), since the excerpt may not show it."""
    excluded = [" ".join(peers.fold_tokens(" ".join(part[1]))) for part in peers.query_parts(q)
                if part != "OR" and part[0] == "NOT"]
    if not excluded:
        return []
    text = " ".join(peers.fold_tokens((record.get("title") or "") + "\n" + (record.get("body") or "")))
    found = [f"`{words}` {len(re.findall(rf'(?<![^ ]){re.escape(words)}(?![^ ])', text))}×" for words in excluded]
    return [f"- **Excluded by the query, occurrences in the full text:** {', '.join(found)}"]


def fenced(text):
    fence = "~~~~" if "```" in text else "```"
    lines = []
    for paragraph in text.split("\n"):
        lines.extend(textwrap.wrap(paragraph, 100, break_long_words=True, break_on_hyphens=False) or [""])
    return f"{fence}text\n" + "\n".join(lines) + f"\n{fence}"


def load_documents(records_path, wanted):
    documents = {}
    with open(records_path, encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            if record["id"] in wanted:
                documents[record["id"]] = record
    return documents


def assign_packets(pool, target, double_fraction, rng):
    """Packets as lists of (qid, copy): every query once, whole queries making double_fraction of the pairs twice,
    in two different packets, loads levelled (largest units first into the lightest packet without that query)."""
    qids = sorted(pool)
    rng.shuffle(qids)
    total = sum(len(pool[qid]) for qid in qids)
    double, doubled_pairs = [], 0
    for qid in qids:
        if doubled_pairs >= double_fraction * total:
            break
        double.append(qid)
        doubled_pairs += len(pool[qid])
    units = [(qid, 1) for qid in qids] + [(qid, 2) for qid in double]
    count = max(2 if double else 1, round((total + doubled_pairs) / target))
    packets = [[] for _ in range(count)]
    loads = [0] * count
    for qid, copy in sorted(units, key=lambda unit: -len(pool[unit[0]])):
        choices = [n for n in range(count) if all(q != qid for q, _ in packets[n])]
        chosen = min(choices, key=lambda n: (loads[n], n))
        packets[chosen].append((qid, copy))
        loads[chosen] += len(pool[qid])
    return packets, set(double), doubled_pairs


def write_packets(args, out_dir, queries, pool, documents):
    os.makedirs(out_dir, exist_ok=True)
    for name in os.listdir(out_dir):
        if re.fullmatch(r"packet-\d+\.(md|grades\.tsv)", name):
            os.remove(os.path.join(out_dir, name))
    rng = random.Random(args.seed)
    packets, double, doubled_pairs = assign_packets(pool, args.pairs_per_packet, args.double, rng)
    by_qid = {query["qid"]: query for query in queries}
    manifest = {"created": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
                "seed": args.seed, "queries_file": os.path.relpath(args.queries, ROOT), "systems": SYSTEMS,
                "extra_runs": args.extra_run, "pool_pairs": sum(len(docs) for docs in pool.values()),
                "pool_queries": len(pool), "double_pairs": doubled_pairs, "packets": {}, "double_queries": {}}
    for number, units in enumerate(packets, start=1):
        name = f"packet-{number:02d}"
        rng.shuffle(units)
        keys, double_keys = [], []
        lines = [f"# Relevance judging, {name}", "",
                 "Grade every pair 0, 1 or 2 following tests/data/relevance/guide.md in the pressroom repository:",
                 "2 = the release is about what the query asks; 1 = on topic but the need only partly met, or a",
                 "passing mention; 0 = not relevant. Judge each pair on its own (duplicates too). Write the grade",
                 f"after the key in {name}.grades.tsv (key, tab, grade), then run",
                 f"`python3 benches/relevance/pool.py collect --judge YOUR_NAME {name}.grades.tsv`.", ""]
        for qid, copy in units:
            query = by_qid[qid]
            docs = sorted(pool[qid])
            random.Random(f"{args.seed}:{qid}:{copy}").shuffle(docs)
            tags = ", ".join(query.get("tags", []))
            lines += ["---", "", f"## Query {qid}: {query['q']}", "", f"Tags: {tags}", ""]
            for doc in docs:
                key = f"{qid}:{doc}"
                keys.append(key)
                if qid in double:
                    double_keys.append(key)
                record = documents.get(doc, {})
                meta = " · ".join(part for part in (record.get("date"), record.get("lang"), record.get("source"))
                                  if part)
                lines += [f"### {key}", "", f"- **Query:** {query['q']}  ({tags})",
                          f"- **Title:** {(record.get('title') or '(no title)').strip()}",
                          f"- **Date · language · source:** {meta or '-'}", *excluded_note(record, query["q"]), "",
                          fenced(excerpt(record.get("body", ""), query["q"])), "", "**Grade:** ☐ 0 ☐ 1 ☐ 2", ""]
        with open(os.path.join(out_dir, name + ".md"), "w", encoding="utf-8") as out:
            out.write("\n".join(lines))
        with open(os.path.join(out_dir, name + ".grades.tsv"), "w", encoding="utf-8") as out:
            out.writelines(f"{key}\t\n" for key in keys)
        manifest["packets"][name] = {"pairs": keys, "double": double_keys, "queries": [qid for qid, _ in units]}
        for qid, _copy in units:
            if qid in double:
                manifest["double_queries"].setdefault(qid, []).append(name)
    with open(os.path.join(out_dir, "manifest.json"), "w", encoding="utf-8") as out:
        json.dump(manifest, out, indent=1, ensure_ascii=False)
    return manifest


# --- collect -----------------------------------------------------------------------------------------------------

def collect(argv):
    parser = argparse.ArgumentParser(prog="pool.py collect", description="append completed grades to the qrels")
    parser.add_argument("--judge", required=True, help="the judge's name (not 'final', which marks adjudication)")
    parser.add_argument("--work", default=default_work())
    parser.add_argument("--qrels", default=os.path.join(ROOT, "tests", "data", "relevance", "qrels.jsonl"))
    parser.add_argument("--final", action="store_true", help="these are adjudicated grades (judge 'final')")
    parser.add_argument("files", nargs="+")
    args = parser.parse_args(argv)
    judge = "final" if args.final else args.judge
    manifests = glob.glob(os.path.join(args.work, "packets*", "manifest.json"))
    if not manifests:
        sys.exit(f"no {args.work}/packets*/manifest.json: the keys cannot be checked")
    known = {key for path in manifests for packet in json.load(open(path, encoding="utf-8"))["packets"].values()
             for key in packet["pairs"]}
    latest = {(entry["qid"], entry["doc"], entry["judge"]): entry["grade"] for entry in read_jsonl(args.qrels)} \
        if os.path.exists(args.qrels) else {}
    new, problems = [], []
    for path in args.files:
        for number, line in enumerate(open(path, encoding="utf-8"), start=1):
            if line.lstrip().startswith("#"):
                continue
            key, _, grade = line.rstrip("\n").partition("\t")
            grade = grade.strip()
            if not key.strip() or not grade:
                continue
            if key not in known:
                problems.append(f"{path}:{number}: unknown pair key {key!r}")
            elif grade not in ("0", "1", "2"):
                problems.append(f"{path}:{number}: grade {grade!r} is not 0, 1 or 2")
            else:
                qid, doc = key.split(":", 1)
                if latest.get((qid, doc, judge)) != int(grade):
                    new.append({"qid": qid, "doc": doc, "grade": int(grade), "judge": judge})
                    latest[(qid, doc, judge)] = int(grade)
    if problems:
        sys.exit("\n".join(problems) + "\nnothing written")
    with open(args.qrels, "a", encoding="utf-8") as out:
        out.writelines(json.dumps(entry, ensure_ascii=False) + "\n" for entry in new)
    print(f"{len(new)} grades by {judge} appended to {args.qrels}")


# --- main --------------------------------------------------------------------------------------------------------

def main():
    if len(sys.argv) > 1 and sys.argv[1] == "collect":
        return collect(sys.argv[2:])
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--work", default=default_work(), help="folder outside the repository [../relevance]")
    parser.add_argument("--shared", default=os.environ.get("PRESSROOM_SHARED", os.path.join(ROOT, "..", "shared")))
    parser.add_argument("--binary", default=None, help="the pressroom binary [target/release/pressroom]")
    parser.add_argument("--url", default=None, help="a running pressroom server on the same records (else one is "
                                                    "started on WORK/index)")
    parser.add_argument("--queries", default=os.path.join(ROOT, "tests", "data", "relevance", "queries.jsonl"))
    parser.add_argument("--qrels", default=os.path.join(ROOT, "tests", "data", "relevance", "qrels.jsonl"),
                        help="pairs graded here are left out of the packets")
    parser.add_argument("--extra-run", action="append", default=[], help="another run file to pool (TREC or JSONL)")
    parser.add_argument("--pairs-per-packet", type=int, default=200)
    parser.add_argument("--double", type=float, default=0.25, help="fraction of the pairs judged twice [0.25]")
    parser.add_argument("--seed", type=int, default=15)
    parser.add_argument("--packets", default=None, help="the packets folder [WORK/packets]")
    parser.add_argument("--force", action="store_true", help="replace the packets already in that folder")
    args = parser.parse_args()
    work = os.path.abspath(args.work)
    if os.path.commonpath([work, ROOT]) == ROOT:
        sys.exit(f"--work {work} is inside the repository; records and packets hold document text")
    os.makedirs(os.path.join(work, "runs"), exist_ok=True)
    packets_dir = os.path.abspath(args.packets or os.path.join(work, "packets"))
    if os.path.exists(os.path.join(packets_dir, "manifest.json")) and not args.force:
        sys.exit(f"{packets_dir} already holds packets (maybe being judged): give a new --packets folder, such as "
                 f"{packets_dir}-2, or --force to replace them")
    queries = read_jsonl(args.queries)

    tops = {system: {} for system in SYSTEMS}
    rejected = {}
    with systems(args, work) as search:
        started = time.time()
        for query in queries:
            for system in SYSTEMS:
                try:
                    tops[system][query["qid"]] = search[system](query["q"])
                except Rejected as reason:
                    tops[system][query["qid"]] = []
                    rejected.setdefault(system, []).append((query["qid"], str(reason).splitlines()[0]))
        print(f"{len(queries)} queries through {len(SYSTEMS)} systems in {time.time() - started:.0f} s",
              file=sys.stderr)
    for system in SYSTEMS:
        write_trec(os.path.join(work, "runs", system + ".trec"), system, tops[system])
    for path in args.extra_run:
        tops[os.path.basename(path)] = read_run(path)
    for system, entries in rejected.items():
        for qid, reason in entries:
            print(f"{system} rejected {qid}: {reason}", file=sys.stderr)

    graded = judged_pairs(args.qrels)
    known = {query["qid"] for query in queries}
    pool, found_by = {}, {}
    for system, per_query in tops.items():
        for qid, docs in per_query.items():
            if qid not in known:
                continue
            for rank, doc in enumerate(docs[:10], start=1):
                found_by.setdefault((qid, doc), {})[system] = rank
                if (qid, doc) not in graded:
                    pool.setdefault(qid, set()).add(doc)
    with open(os.path.join(work, "pool.jsonl"), "w", encoding="utf-8") as out:
        for (qid, doc), ranks in sorted(found_by.items()):
            out.write(json.dumps({"qid": qid, "doc": doc, "systems": ranks, "graded": (qid, doc) in graded}) + "\n")
    wanted = {doc for docs in pool.values() for doc in docs}
    documents = load_documents(os.path.join(work, "records.jsonl"), wanted)
    manifest = write_packets(args, packets_dir, queries, pool, documents)

    retrieved = {qid for qid, _doc in found_by}
    no_hits = [query["qid"] for query in queries if query["qid"] not in retrieved]
    done = [query["qid"] for query in queries if query["qid"] in retrieved and query["qid"] not in pool]
    print(f"pool: {manifest['pool_pairs']} new pairs over {manifest['pool_queries']} queries; no system found "
          f"anything for {len(no_hits)} ({' '.join(no_hits)}); {len(done)} have every pooled pair graded already; "
          f"{manifest['double_pairs']} pairs in {len(manifest['double_queries'])} queries judged twice")
    for name, packet in manifest["packets"].items():
        print(f"  {name}: {len(packet['pairs'])} pairs, {len(packet['queries'])} queries, "
              f"{len(packet['double'])} double")
    print(f"runs in {os.path.join(work, 'runs')}, packets and manifest in {packets_dir}")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""pressroom beside SQLite FTS5 on the same records, the same queries and the same facets.

    python3 benches/peers/run.py [--rounds 3] [--shared ../shared]

What each system computes for every query of ../shared/queries/domain-dev.jsonl:
- the top 10 by relevance (pressroom: its BM25 ranking with stems, expansion and typos;
  SQLite: bm25() over title and body, unicode61 tokenizer with diacritics removed);
- the exact number of matches;
- facet counts over the whole matching set for region (every M49 node above a main
  country, as pressroom counts its tree), country, topic (every node of the path), org, lang
  and year (SQLite: one GROUP BY per facet over the matching rowids).

Both read the records `pressroom extract --with-text` prints (same ids, titles, bodies and
facet values from pressroom's enrichment). Filters become the same constraints (region by
node name, country, topic path and its children, org, lang, year range). Query text is
translated to FTS5 syntax: words AND-ed, "phrases" kept, -word as NOT, OR kept. FTS5
has no stemming, expansion or typo tolerance, so it does less work per query than
pressroom. PostgreSQL is not run yet (see the README's Benchmarking section).

pressroom runs in process (`pressroom bench --in-process`) and over HTTP (`pressroom serve`
plus `pressroom bench`, one connection), each for ROUNDS passes over the 160 queries;
SQLite runs the same passes on one connection. Latencies are per query; p50/p99 per tag.
"""
import argparse
import json
import os
import re
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time

FACETS = ["region", "country", "topic", "org", "lang", "year"]


def run(command, **kwargs):
    return subprocess.run(command, check=True, **kwargs)


def export(binary, shared, path):
    sources = [os.path.join(shared, "corpus", name) for name in ["seed", "trove-refugees", "reliefweb", "reuters21578"]]
    with open(path, "w", encoding="utf-8") as out:
        run([binary, "extract", "--with-text", *sources], stdout=out, stderr=subprocess.DEVNULL)


def ancestors(path):
    parts = [p for p in re.split(r"(?<!\\)/", path) if p]
    return ["/" + "/".join(parts[: i + 1]) for i in range(len(parts))]


def load_sqlite(records_path, db_path):
    db = sqlite3.connect(db_path)
    db.executescript(
        """
        CREATE TABLE docs(rowid INTEGER PRIMARY KEY, id TEXT, title TEXT, body TEXT, lang TEXT, year INTEGER);
        CREATE VIRTUAL TABLE docs_fts USING fts5(title, body, content='docs', content_rowid='rowid',
            tokenize='unicode61 remove_diacritics 2');
        CREATE TABLE facet(rowid INTEGER, name TEXT, value TEXT, label TEXT);
        """
    )
    with open(records_path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            record = json.loads(line)
            date = record.get("date") or ""
            year = int(date[:4]) if date[:4].isdigit() else None
            db.execute("INSERT INTO docs VALUES (?,?,?,?,?,?)",
                       (number, record["id"], record["title"], record.get("body", ""), record["lang"], year))
            rows = set()
            for path in record.get("regions", []):
                for node in ancestors(path):
                    rows.add(("region", node, node.rsplit("/", 1)[-1]))
            for code in record.get("main_countries", []):
                rows.add(("country", code, code))
            for path in record.get("topics", []):
                for node in ancestors(path):
                    rows.add(("topic", node, node))
            for org in record.get("organizations", []):
                rows.add(("org", org, org))
            db.executemany("INSERT INTO facet VALUES (?,?,?,?)", [(number, *row) for row in rows])
    db.executescript(
        """
        INSERT INTO docs_fts(docs_fts) VALUES ('rebuild');
        CREATE INDEX facet_by_doc ON facet(rowid, name);
        CREATE INDEX facet_by_value ON facet(name, label);
        CREATE INDEX facet_by_path ON facet(name, value);
        ANALYZE;
        """
    )
    db.commit()
    return db


TOKEN = re.compile(r'-?"[^"]*"|\S+')


def fts_query(q):
    terms, pending_not = [], False
    for token in TOKEN.findall(q):
        negate = token.startswith("-")
        token = token.lstrip("+-")
        if token in ("AND",):
            continue
        if token == "OR":
            if terms:
                terms.append("OR")
            continue
        words = re.findall(r"\w+", token.strip('"'), re.UNICODE)
        if not words:
            continue
        quoted = '"' + " ".join(words) + '"'
        if negate:
            if terms:
                terms.append("NOT " + quoted)
            continue
        terms.append(quoted)
    while terms and terms[-1] == "OR":
        terms.pop()
    return " ".join(terms)


def sqlite_search(db, query):
    clauses, params = [], []
    match = fts_query(query.get("q", "")) if query.get("q") else ""
    base = "SELECT rowid FROM docs_fts WHERE docs_fts MATCH ?" if match else "SELECT rowid FROM docs"
    if match:
        params.append(match)
    filters = query.get("filters") or {}
    for name, values in filters.items():
        values = values if isinstance(values, list) else [values]
        if name in ("from", "to"):
            continue
        if name == "lang":
            clauses.append("rowid IN (SELECT rowid FROM docs WHERE lang IN (%s))" % ",".join("?" * len(values)))
        elif name == "region":
            clauses.append("rowid IN (SELECT rowid FROM facet WHERE name='region' AND label IN (%s))" % ",".join("?" * len(values)))
        elif name == "topic":
            clauses.append("rowid IN (SELECT rowid FROM facet WHERE name='topic' AND value IN (%s))" % ",".join("?" * len(values)))
        else:
            clauses.append("rowid IN (SELECT rowid FROM facet WHERE name=? AND value IN (%s))" % ",".join("?" * len(values)))
            params.append(name)
        params.extend(values)
    if "from" in filters or "to" in filters:
        low = int(str(filters.get("from", "0"))[:4])
        high = int(str(filters.get("to", "9999"))[:4])
        clauses.append("rowid IN (SELECT rowid FROM docs WHERE year BETWEEN ? AND ?)")
        params.extend([low, high])
    where = (" AND " if match else " WHERE ") + " AND ".join(clauses) if clauses else ""
    matching = base + where
    db.execute("DROP TABLE IF EXISTS temp.hits")
    db.execute("CREATE TEMP TABLE hits AS " + matching, params)
    if match:
        top = db.execute("SELECT rowid FROM docs_fts WHERE docs_fts MATCH ? AND rowid IN (SELECT rowid FROM temp.hits) "
                         "ORDER BY bm25(docs_fts) LIMIT 10", [match]).fetchall()
    else:
        top = db.execute("SELECT rowid FROM temp.hits LIMIT 10").fetchall()
    total = db.execute("SELECT count(*) FROM temp.hits").fetchone()[0]
    counts = {}
    for name in ("region", "country", "topic", "org"):
        counts[name] = db.execute("SELECT value, count(*) FROM facet WHERE name=? AND rowid IN (SELECT rowid FROM temp.hits) "
                                  "GROUP BY value", [name]).fetchall()
    counts["lang"] = db.execute("SELECT lang, count(*) FROM docs WHERE rowid IN (SELECT rowid FROM temp.hits) GROUP BY lang").fetchall()
    counts["year"] = db.execute("SELECT year, count(*) FROM docs WHERE rowid IN (SELECT rowid FROM temp.hits) GROUP BY year").fetchall()
    return top, total, counts


def percentile(values, fraction):
    ordered = sorted(values)
    if not ordered:
        return 0
    rank = max(1, min(len(ordered), int(-(-len(ordered) * fraction // 1))))
    return ordered[rank - 1]


def bench_pressroom(binary, args_extra, queries_path, rounds, json_path):
    requests = 160 * rounds
    run([binary, "bench", "--queries", queries_path, "--concurrency", "1", "--requests", str(requests), "--warmup", "2",
         "--json", json_path, *args_extra], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    with open(json_path) as handle:
        return json.load(handle)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--shared", default=os.environ.get("PRESSROOM_SHARED", "../shared"))
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--work", default=None, help="keep the exported records and databases here")
    args = parser.parse_args()
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    os.chdir(root)
    run(["cargo", "build", "--release", "--quiet"])
    binary = os.path.join(root, "target", "release", "pressroom")
    work = args.work or tempfile.mkdtemp(prefix="pressroom-peers-")
    os.makedirs(work, exist_ok=True)
    queries_path = os.path.join(args.shared, "queries", "domain-dev.jsonl")
    queries = [json.loads(line) for line in open(queries_path, encoding="utf-8") if line.strip()]

    records = os.path.join(work, "records.jsonl")
    if not os.path.exists(records):
        print("exporting records with pressroom extract --with-text …", file=sys.stderr)
        export(binary, args.shared, records)
    index = os.path.join(work, "index")
    if not os.path.exists(os.path.join(index, "CURRENT")):
        sources = [os.path.join(args.shared, "corpus", n) for n in ["seed", "trove-refugees", "reliefweb", "reuters21578"]]
        run([binary, "index", "--index", index, *sources], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    db_path = os.path.join(work, "fts5.db")
    if os.path.exists(db_path):
        os.remove(db_path)
    started = time.time()
    db = load_sqlite(records, db_path)
    print(f"SQLite FTS5 loaded in {time.time() - started:.1f} s", file=sys.stderr)

    sqlite_times = {}
    for _ in range(args.rounds):
        for query in queries:
            begin = time.perf_counter()
            sqlite_search(db, query)
            elapsed = (time.perf_counter() - begin) * 1e6
            for tag in ["all", *query.get("tags", [])]:
                sqlite_times.setdefault(tag, []).append(elapsed)

    in_process = bench_pressroom(binary, ["--in-process", "--index", index], queries_path, args.rounds,
                                 os.path.join(work, "in-process.json"))
    port = 7830
    server = subprocess.Popen([binary, "serve", "--index", index, "--addr", f"127.0.0.1:{port}"],
                              stderr=subprocess.DEVNULL)
    try:
        for _ in range(100):
            try:
                import urllib.request
                urllib.request.urlopen(f"http://127.0.0.1:{port}/ready", timeout=1)
                break
            except Exception:
                time.sleep(0.2)
        http = bench_pressroom(binary, ["--url", f"http://127.0.0.1:{port}"], queries_path, args.rounds,
                               os.path.join(work, "http.json"))
    finally:
        server.terminate()
        server.wait()

    def figures(report, tag):
        entry = report["overall"] if tag == "all" else report["by_tag"].get(tag)
        return (entry["p50_us"], entry["p99_us"]) if entry else (None, None)

    print(f"{'tag':<16} {'HTTP p50':>9} {'p99':>8} {'in-proc p50':>11} {'p99':>8} {'FTS5 p50':>9} {'p99':>8} "
          f"{'HTTP/in-proc':>12} {'FTS5/pressroom':>14}")
    for tag in ["all"] + sorted({t for q in queries for t in q.get("tags", [])}):
        h50, h99 = figures(http, tag)
        i50, i99 = figures(in_process, tag)
        s50, s99 = percentile(sqlite_times[tag], 0.5), percentile(sqlite_times[tag], 0.99)
        ratio_http = f"{h50 / i50:.2f}x" if h50 and i50 else "-"
        ratio_peer = f"{s50 / h50:.2f}x" if h50 else "-"
        print(f"{tag:<16} {h50:>9} {h99:>8} {i50:>11} {i99:>8} {s50:>9.0f} {s99:>8.0f} {ratio_http:>12} {ratio_peer:>14}")
    print("(µs; pressroom with all six facets, FTS5 with the same six GROUP BYs; "
          f"{args.rounds} rounds of {len(queries)} queries, one at a time)")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""pressroom beside SQLite FTS5, PostgreSQL and Xapian full-text search on the same records, queries and facets.

    python3 benches/peers/run.py [--runs 3] [--rounds 3] [--shared ../shared] [--work DIR] [--binary PATH]
                                 [--skip-build] [--systems in-process,http,plain,fts5,postgres,xapian]
                                 [--skip-postgres] [--limit-queries N] [--json FILE]

--systems picks the systems (default: all six; --skip-postgres drops postgres from the list);
--limit-queries N keeps the first N queries of the file (a quick check).

What each system computes for every query of ../shared/queries/domain-dev.jsonl:
- the top 10 by relevance (pressroom: its BM25 ranking with stems, expansion and typos;
  SQLite: bm25() over title and body with the title weighted 2.0, as pressroom's TITLE_BOOST,
  unicode61 tokenizer with diacritics removed; PostgreSQL: ts_rank() with its default weights,
  title 1.0 (A) and body 0.4 (B), no length normalisation; Xapian: its default BM25Weight
  (k1 1, k2 0, k3 1, b 0.5, min_normlen 0.5) with title terms indexed at wdf increment 2, so a
  title occurrence counts twice in the term frequency and in the document length; with no query
  text, any 10 of the matching rows for the three of them);
- the exact number of matches (Xapian: get_mset with check_at_least = the document count, so
  the estimate is the exact count);
- facet counts over the whole matching set for region (every M49 node above a main
  country, as pressroom counts its tree), country, topic (every node of the path), org, lang
  and year (SQLite and PostgreSQL: one GROUP BY name, value over the facet rows of the matching
  rows, one GROUP BY lang and one GROUP BY year; Xapian: one ValueCountMatchSpy per facet, see
  below).

All four read the records `pressroom extract --with-text` prints (same ids, titles, bodies and
facet values from pressroom's enrichment; the two SQL databases load them into the same docs and
facet tables, facet indexed by (rowid, name, value), (name, label) and (name, value) in both).
Filters become the same constraints (region by node name, country, topic path and its children,
org, lang, year range). Query text is translated to FTS5 syntax (query_parts, fts_query): words
AND-ed, "phrases" kept, + dropped, -word and -"phrase" as NOT, OR kept; Xapian builds the same
query from query_parts with FTS5's precedence (juxtaposition, then NOT, then OR: `a -b c` is
a NOT (b AND c), as in FTS5). No database has stemming, expansion or typo tolerance, so each
does less work per query than pressroom.

SQLite keeps lang and year ahead of title and body in docs (reading them does not walk the
body's overflow pages) and runs with temp_store MEMORY, a 256 MiB page cache and the file
memory-mapped. sqlite_search fills a temporary hits(rowid INTEGER PRIMARY KEY, rank, lang, year)
in one statement,
    INSERT INTO temp.hits SELECT d.rowid, bm25(docs_fts, 2.0, 1.0), d.lang, d.year
    FROM docs_fts CROSS JOIN docs d ON d.rowid = docs_fts.rowid WHERE docs_fts MATCH ? AND <filters>
(filters on d: lang IN, year BETWEEN, rowid IN (SELECT rowid FROM facet WHERE name = ? AND
value or label IN ...); with no query text the same SELECT from docs alone), then reads over it
the top 10 (ORDER BY rank LIMIT 10), count(*), SELECT f.name, f.value, count(*) FROM temp.hits
CROSS JOIN facet f USING (rowid) GROUP BY 1, 2, and GROUP BY lang and GROUP BY year. The CROSS
JOINs fix the join order: given a rowid constraint FTS5 runs the MATCH again for every rowid
(`MATCH ? AND rowid IN (SELECT rowid FROM hits) ORDER BY bm25` took seconds to minutes on common
terms), and left to itself the planner scans all of facet or docs and looks each row up in hits.

PostgreSQL (the newest /usr/lib/postgresql/*/bin, else `apt-get install postgresql`; driver
psycopg2-binary, pip-installed if missing) runs as a throwaway cluster in a temporary directory
owned by the postgres user, on 127.0.0.1 only, with trust authentication, UTF-8 and the C.UTF-8
locale, shared_buffers 256MB, work_mem 64MB, jit off and no fsync; it is stopped and deleted at
the end. The records are COPYed into docs(rowid, id, title, body, lang, year, tsv) and
facet(rowid, name, value, label); tsv is a stored generated column, setweight(to_tsvector(
'pressroom', title), 'A') || setweight(to_tsvector('pressroom', body), 'B') (NULL text as ''),
indexed with GIN; facet has the SQLite indexes; then VACUUM ANALYZE. The text search
configuration 'pressroom' is 'simple' (lower case, no stemming, no stop words, like unicode61)
with unaccent before it (diacritics removed, like remove_diacritics 2; a note is printed if the
unaccent extension is missing) and without hyphenated compounds, so "gender-based" is the two
words gender and based, as in FTS5. Still unlike unicode61, PostgreSQL's parser keeps host
names, file paths, URLs, e-mail addresses and decimal numbers as one lexeme ("refugees.The",
"protection/detention" do not match refugees or detention), and a tsvector keeps positions
only up to 16383 and 256 per lexeme, so phrases deep in long bodies can be missed; the script
prints for how many queries the two databases find the same total and facet counts. Query text
goes through websearch_to_tsquery('pressroom', q), whose syntax is the query file's: words
AND-ed (&), "phrases" as <->, -word as NOT (!), OR as | (it also takes a lower-case "or";
"+" is ignored as punctuation). One statement per query does all the work on the server: a
MATERIALIZED CTE of the matching rows (rowid, lang, year, ts_rank) read through the GIN index
and the filters, then over it the top 10 by rank, count(*) and the facet GROUP BYs, returned as
one row (faster than a temporary table and separate statements here). A query a database
rejects is counted as an error and left out of its latencies.

Xapian (Debian's python3-xapian 1.4, apt-get installed if missing; import_xapian loads it under a
pyenv or virtualenv python3 of the same minor version as Debian's, and otherwise asks for
/usr/bin/python3) runs in this process on a glass database in the work folder, rebuilt each run
(load_xapian): title and body go through fold_tokens (lower case, diacritics removed, runs of
letters and digits: unicode61 remove_diacritics 2, near enough) and then, as space-separated
tokens, through a TermGenerator with no stemmer and no stop words, so its terms are those tokens,
with positions (for phrases; the body starts 100 positions after the title, so no phrase spans
the two); the facets are boolean terms with a prefix (XR region node name, XC country, XT topic
node path, XO org, XL lang) for the filters, which are OP_FILTER (OR within a facet, AND across
facets; years an OP_VALUE_RANGE on the year slot) and so add no weight. Xapian has no multi-valued
facet counter, so each facet's value slot holds the document's whole sorted set of values joined
by \x1f (region: every node; topic: every node of every path; lang and year one value), a
ValueCountMatchSpy per slot counts the matching documents per combination (in C++, during the
match, each matching document once since check_at_least covers them all), and xapian_search adds
each combination's count to every value in it: exactly the number of matching documents having
the value, as the GROUP BYs count. The year facet also gets the undated matches under None
(total minus the dated ones), as GROUP BY year does. A query FTS5 would reject (NOT right after
OR) raises XapianSyntaxError and counts as a rejection.

pressroom (--binary, default target/release/pressroom) runs in process (`pressroom bench
--in-process`), over HTTP (`pressroom serve` plus `pressroom bench`, one connection) and over
HTTP "plain" (`--param typo=false --param expand=false --param fragments=0`: no typo
candidates, no cross-lingual expansion, no body fragments; it still stems and marks the
title), each invocation 2 s of warm-up and then ROUNDS passes over the 160 queries. SQLite,
PostgreSQL (autocommit) and Xapian do one unmeasured pass, then the same ROUNDS passes (the
databases on one connection each, Xapian in this process), timed end to end on the client.
That is one run; there are RUNS of them, interleaved (run 1 of every system, then run 2, ...)
with the databases loaded and the server up throughout, so that machine noise falls on all
systems alike. Latencies are per query; the
tables show per tag the median over runs of each run's p50 and p99, and ratios of those
medians. --json FILE writes every figure (per tag and system: the medians, summed counts and
errors, each run's own figures; ratios; load times; where PostgreSQL and Xapian disagree with FTS5 on
totals or facet counts: the script prints for how many queries each agrees with FTS5).
"""
import argparse
import contextlib
import glob
import io
import json
import os
import pwd
import re
import shutil
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import unicodedata
import urllib.request


def run(command, **kwargs):
    return subprocess.run(command, check=True, **kwargs)


CORPORA = ["seed", "trove-refugees", "reliefweb", "reuters21578"]


def export(binary, shared, path):
    sources = [os.path.join(shared, "corpus", name) for name in CORPORA]
    with open(path, "w", encoding="utf-8") as out:
        run([binary, "extract", "--with-text", *sources], stdout=out, stderr=subprocess.DEVNULL)


def ancestors(path):
    parts = [p for p in re.split(r"(?<!\\)/", path) if p]
    return ["/" + "/".join(parts[: i + 1]) for i in range(len(parts))]


def read_records(records_path):
    """Each record as (docs row, facet rows), rowids numbered from 1 in file order."""
    with open(records_path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            record = json.loads(line)
            date = record.get("date") or ""
            year = int(date[:4]) if date[:4].isdigit() else None
            doc = (number, record["id"], record["title"], record.get("body", ""), record["lang"], year)
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
            yield doc, [(number, *row) for row in rows]


SQLITE_PRAGMAS = ["temp_store = MEMORY", "cache_size = -262144", "mmap_size = 1073741824"]


def load_sqlite(records_path, db_path):
    """The docs and facet tables (lang and year before the long title and body, so reading them stays on the
    row's first page), the FTS5 index over title and body, and the temporary hits table sqlite_search fills."""
    db = sqlite3.connect(db_path)
    for pragma in SQLITE_PRAGMAS:
        db.execute("PRAGMA " + pragma)
    db.executescript(
        """
        CREATE TABLE docs(rowid INTEGER PRIMARY KEY, id TEXT, lang TEXT, year INTEGER, title TEXT, body TEXT);
        CREATE VIRTUAL TABLE docs_fts USING fts5(title, body, content='docs', content_rowid='rowid',
            tokenize='unicode61 remove_diacritics 2');
        CREATE TABLE facet(rowid INTEGER, name TEXT, value TEXT, label TEXT);
        """
    )
    for doc, facets in read_records(records_path):
        db.execute("INSERT INTO docs(rowid, id, title, body, lang, year) VALUES (?,?,?,?,?,?)", doc)
        db.executemany("INSERT INTO facet VALUES (?,?,?,?)", facets)
    db.executescript(
        """
        INSERT INTO docs_fts(docs_fts) VALUES ('rebuild');
        CREATE INDEX facet_by_doc ON facet(rowid, name, value);
        CREATE INDEX facet_by_value ON facet(name, label);
        CREATE INDEX facet_by_path ON facet(name, value);
        ANALYZE;
        CREATE TEMP TABLE hits(rowid INTEGER PRIMARY KEY, rank REAL, lang TEXT, year INTEGER);
        """
    )
    db.commit()
    return db


TOKEN = re.compile(r'[-+]?"[^"]*"|\S+')


def query_parts(q):
    """The query text as FTS5 and Xapian both take it: a list of "OR" and (kind, words) with kind "PHRASE" or "NOT";
    words AND-ed, "phrases" kept, + dropped, -word and -"phrase" as NOT (dropped when nothing comes before them),
    OR kept (dropped at either end), AND dropped."""
    parts = []
    for token in TOKEN.findall(q):
        negate = token.startswith("-")
        token = token.lstrip("+-")
        if token in ("AND",):
            continue
        if token == "OR":
            if parts:
                parts.append("OR")
            continue
        words = re.findall(r"\w+", token.strip('"'), re.UNICODE)
        if not words:
            continue
        if negate:
            if parts:
                parts.append(("NOT", words))
            continue
        parts.append(("PHRASE", words))
    while parts and parts[-1] == "OR":
        parts.pop()
    return parts


def fts_query(q):
    terms = []
    for part in query_parts(q):
        if part == "OR":
            terms.append("OR")
        else:
            kind, words = part
            terms.append(("NOT " if kind == "NOT" else "") + '"' + " ".join(words) + '"')
    return " ".join(terms)


def year_range(filters):
    """The from/to filters as a range of years (both databases keep only the year)."""
    return int(str(filters.get("from", "0"))[:4]), int(str(filters.get("to", "9999"))[:4])


def sqlite_filters(filters):
    """The filters as WHERE clauses on docs d, with their parameters."""
    clauses, params = [], []
    for name, values in filters.items():
        if name in ("from", "to"):
            continue
        values = values if isinstance(values, list) else [values]
        marks = ",".join("?" * len(values))
        if name == "lang":
            clauses.append(f"d.lang IN ({marks})")
        else:
            column = "label" if name == "region" else "value"
            clauses.append(f"d.rowid IN (SELECT rowid FROM facet WHERE name = ? AND {column} IN ({marks}))")
            params.append(name)
        params.extend(values)
    if "from" in filters or "to" in filters:
        clauses.append("d.year BETWEEN ? AND ?")
        params.extend(year_range(filters))
    return clauses, params


def sqlite_search(db, query):
    """The matching rows into temp.hits in one pass, then the top 10, the count and the facet counts over it."""
    match = fts_query(query.get("q", "")) if query.get("q") else ""
    clauses, params = sqlite_filters(query.get("filters") or {})
    if match:
        # CROSS JOIN keeps docs_fts the outer loop: a rowid constraint on docs_fts would run the MATCH once per row.
        columns = ("bm25(docs_fts, 2.0, 1.0), d.lang, d.year "
                   "FROM docs_fts CROSS JOIN docs d ON d.rowid = docs_fts.rowid")
        clauses.insert(0, "docs_fts MATCH ?")
        params.insert(0, match)
    else:
        columns = "0, d.lang, d.year FROM docs d"
    db.execute("DELETE FROM temp.hits")
    where = " WHERE " + " AND ".join(clauses) if clauses else ""
    db.execute(f"INSERT INTO temp.hits SELECT d.rowid, {columns}{where}", params)
    top = db.execute("SELECT rowid FROM temp.hits" + (" ORDER BY rank" if match else "") + " LIMIT 10").fetchall()
    total = db.execute("SELECT count(*) FROM temp.hits").fetchone()[0]
    counts = {}
    # CROSS JOIN again: left to itself the planner scans all of facet (or docs) and looks each row up in hits.
    facet_counts = "SELECT f.name, f.value, count(*) FROM temp.hits CROSS JOIN facet f USING (rowid) GROUP BY 1, 2"
    for name, value, count in db.execute(facet_counts):
        counts.setdefault(name, []).append((value, count))
    counts["lang"] = db.execute("SELECT lang, count(*) FROM temp.hits GROUP BY 1").fetchall()
    counts["year"] = db.execute("SELECT year, count(*) FROM temp.hits GROUP BY 1").fetchall()
    return top, total, counts


class Unavailable(Exception):
    """PostgreSQL cannot be installed or started here; the benchmark goes on without it."""


def apt_install(package):
    """Installs a Debian package for a peer, or says why that peer is unavailable."""
    print(f"{package} missing: apt-get install -y {package} …", file=sys.stderr)
    try:
        run(["apt-get", "install", "-y", package], env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"},
            stdout=subprocess.DEVNULL)
    except (OSError, subprocess.CalledProcessError) as error:
        raise Unavailable(f"apt-get install {package} failed ({error})")


def import_psycopg2():
    try:
        import psycopg2
    except ImportError:
        print("psycopg2 missing: pip install psycopg2-binary …", file=sys.stderr)
        try:
            run([sys.executable, "-m", "pip", "install", "--quiet", "psycopg2-binary"])
        except (OSError, subprocess.CalledProcessError) as error:
            raise Unavailable(f"pip install psycopg2-binary failed ({error})")
        import psycopg2
    return psycopg2


def postgres_bin():
    """The bin directory of the newest installed PostgreSQL, installing Debian's package if there is none."""
    def newest():
        found = glob.glob("/usr/lib/postgresql/*/bin/initdb")
        found.sort(key=lambda path: [int(part) for part in re.findall(r"\d+", path)])
        return os.path.dirname(found[-1]) if found else None

    if newest() is None:
        apt_install("postgresql")
    if newest() is None:
        raise Unavailable("no initdb under /usr/lib/postgresql/*/bin after installing postgresql")
    return newest()


def free_port(preferred):
    with socket.socket() as probe:
        try:
            probe.bind(("127.0.0.1", preferred))
        except OSError:
            probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


POSTGRES_SETTINGS = """
listen_addresses = '127.0.0.1'
port = {port}
unix_socket_directories = '{home}'
shared_buffers = 256MB
work_mem = 64MB
maintenance_work_mem = 512MB
max_wal_size = 4GB
fsync = off
synchronous_commit = off
full_page_writes = off
jit = off
"""


@contextlib.contextmanager
def postgres_server(bin_dir, port):
    """A throwaway cluster in a temporary directory owned by the postgres user, listening on 127.0.0.1:port
    only (trust authentication); stopped and deleted on exit."""
    try:
        account = pwd.getpwnam("postgres")
    except KeyError:
        run(["useradd", "--system", "postgres"])
        account = pwd.getpwnam("postgres")
    home = tempfile.mkdtemp(prefix="pressroom-pg-")
    try:
        os.chown(home, account.pw_uid, account.pw_gid)
        data, log = os.path.join(home, "data"), os.path.join(home, "server.log")
        as_postgres = ["runuser", "-u", "postgres", "--"]
        pg_ctl = [*as_postgres, os.path.join(bin_dir, "pg_ctl"), "-D", data, "-l", log, "-w"]
        try:
            run([*as_postgres, os.path.join(bin_dir, "initdb"), "-D", data, "-U", "postgres", "-A", "trust",
                 "-E", "UTF8", "--locale", "C.UTF-8"], cwd=home, stdout=subprocess.DEVNULL)
            with open(os.path.join(data, "postgresql.conf"), "a") as conf:
                conf.write(POSTGRES_SETTINGS.format(port=port, home=home))
            run([*pg_ctl, "start"], cwd=home, stdout=subprocess.DEVNULL)
        except (OSError, subprocess.CalledProcessError) as error:
            server_log = open(log).read() if os.path.exists(log) else ""
            raise Unavailable(f"cannot start PostgreSQL ({error})\n{server_log}")
        try:
            yield
        finally:
            run([*pg_ctl, "-m", "fast", "stop"], cwd=home, stdout=subprocess.DEVNULL)
    finally:
        shutil.rmtree(home, ignore_errors=True)


COPY_ESCAPES = str.maketrans({"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"})


def copy_rows(cursor, table, rows):
    """COPY rows into table (text format)."""
    buffer = io.StringIO()
    for row in rows:
        buffer.write("\t".join(r"\N" if value is None else str(value).translate(COPY_ESCAPES) for value in row))
        buffer.write("\n")
    buffer.seek(0)
    cursor.copy_expert(f"COPY {table} FROM STDIN", buffer)


def load_postgres(connection, records_path):
    """The same docs and facet rows as load_sqlite; returns whether unaccent removes diacritics."""
    cursor = connection.cursor()
    cursor.execute("SELECT count(*) FROM pg_available_extensions WHERE name = 'unaccent'")
    unaccent = cursor.fetchone()[0] > 0
    cursor.execute("CREATE TEXT SEARCH CONFIGURATION pressroom (COPY = simple)")
    cursor.execute("ALTER TEXT SEARCH CONFIGURATION pressroom DROP MAPPING FOR asciihword, hword, numhword")
    if unaccent:
        cursor.execute("CREATE EXTENSION unaccent")
        cursor.execute("ALTER TEXT SEARCH CONFIGURATION pressroom ALTER MAPPING "
                       "FOR word, numword, hword_part, hword_numpart WITH unaccent, simple")
    cursor.execute(
        """
        CREATE TABLE docs(rowid integer PRIMARY KEY, id text, title text, body text, lang text, year integer,
            tsv tsvector GENERATED ALWAYS AS (setweight(to_tsvector('pressroom', coalesce(title, '')), 'A')
                                              || setweight(to_tsvector('pressroom', coalesce(body, '')), 'B')) STORED);
        CREATE TABLE facet(rowid integer, name text, value text, label text);
        """
    )
    docs, facets = [], []
    for doc, rows in read_records(records_path):
        docs.append(doc)
        facets.extend(rows)
        if len(docs) == 2000:
            copy_rows(cursor, "docs(rowid, id, title, body, lang, year)", docs)
            copy_rows(cursor, "facet", facets)
            docs, facets = [], []
    copy_rows(cursor, "docs(rowid, id, title, body, lang, year)", docs)
    copy_rows(cursor, "facet", facets)
    cursor.execute(
        """
        CREATE INDEX docs_by_text ON docs USING gin(tsv);
        CREATE INDEX facet_by_doc ON facet(rowid, name, value);
        CREATE INDEX facet_by_value ON facet(name, label);
        CREATE INDEX facet_by_path ON facet(name, value);
        """
    )
    cursor.execute("VACUUM ANALYZE")
    return unaccent


POSTGRES_SEARCH = """
WITH hits AS MATERIALIZED (SELECT rowid, lang, year{rank} FROM docs{where})
SELECT (SELECT array_agg(rowid) FROM (SELECT rowid FROM hits{order} LIMIT 10) AS top),
       (SELECT count(*) FROM hits),
       (SELECT json_agg(f) FROM (SELECT name, value, count(*) FROM facet WHERE rowid IN (SELECT rowid FROM hits)
                                 GROUP BY name, value) AS f),
       (SELECT json_agg(l) FROM (SELECT lang, count(*) FROM hits GROUP BY lang) AS l),
       (SELECT json_agg(y) FROM (SELECT year, count(*) FROM hits GROUP BY year) AS y)
"""


def postgres_search(cursor, query):
    """sqlite_search's work in one statement: the matching rows, top 10, count and six facet GROUP BYs."""
    params, clauses = {"q": query.get("q", "")}, []
    if params["q"]:
        clauses.append("tsv @@ websearch_to_tsquery('pressroom', %(q)s)")
    filters = query.get("filters") or {}
    for number, (name, values) in enumerate(filters.items()):
        if name in ("from", "to"):
            continue
        params[f"values{number}"] = values if isinstance(values, list) else [values]
        if name == "lang":
            clauses.append(f"lang = ANY(%(values{number})s)")
        else:
            column = "label" if name == "region" else "value"
            params[f"name{number}"] = name
            clauses.append(f"rowid IN (SELECT rowid FROM facet WHERE name = %(name{number})s "
                           f"AND {column} = ANY(%(values{number})s))")
    if "from" in filters or "to" in filters:
        params["low"], params["high"] = year_range(filters)
        clauses.append("year BETWEEN %(low)s AND %(high)s")
    ranked = bool(params["q"])
    cursor.execute(POSTGRES_SEARCH.format(
        rank=", ts_rank(tsv, websearch_to_tsquery('pressroom', %(q)s)) AS rank" if ranked else "",
        where=" WHERE " + " AND ".join(clauses) if clauses else "",
        order=" ORDER BY rank DESC" if ranked else "",
    ), params)
    top, total, facet_counts, lang_counts, year_counts = cursor.fetchone()
    counts = {}
    for row in facet_counts or []:
        counts.setdefault(row["name"], []).append((row["value"], row["count"]))
    counts["lang"] = [(row["lang"], row["count"]) for row in lang_counts or []]
    counts["year"] = [(row["year"], row["count"]) for row in year_counts or []]
    return top or [], total, counts


@contextlib.contextmanager
def loaded_postgres(records_path):
    """A throwaway PostgreSQL with the records loaded; yields (psycopg2, a cursor on an autocommit connection,
    seconds the loading took)."""
    psycopg2 = import_psycopg2()
    port = free_port(7831)
    with postgres_server(postgres_bin(), port):
        connection = psycopg2.connect(host="127.0.0.1", port=port, user="postgres", dbname="postgres")
        connection.autocommit = True
        try:
            started = time.time()
            unaccent = load_postgres(connection, records_path)
            seconds = round(time.time() - started, 1)
            note = "" if unaccent else " (no unaccent extension: diacritics kept)"
            print(f"PostgreSQL loaded in {seconds} s{note}", file=sys.stderr)
            yield psycopg2, connection.cursor(), seconds
        finally:
            connection.close()


DEBIAN_DIST_PACKAGES = "/usr/lib/python3/dist-packages"


def import_xapian():
    """The xapian module. Its Python binding is Debian's python3-xapian (not on PyPI), apt-get installed if missing,
    which puts it in /usr/lib/python3/dist-packages, on the path of Debian's /usr/bin/python3 only. Under another
    interpreter (a pyenv or virtualenv python3) the package alone is loaded from there, without putting the rest of
    Debian's dist-packages on sys.path, provided its compiled _xapian module is built for this interpreter (same
    Python minor version: its file name ends with one of importlib.machinery.EXTENSION_SUFFIXES); otherwise Xapian is
    Unavailable and the message says to run the script with /usr/bin/python3."""
    try:
        import xapian
        return xapian
    except ImportError:
        pass
    package = os.path.join(DEBIAN_DIST_PACKAGES, "xapian")
    if not os.path.exists(os.path.join(package, "__init__.py")):
        apt_install("python3-xapian")
    try:
        import xapian
        return xapian
    except ImportError:
        pass
    import importlib.machinery
    import importlib.util
    built = [os.path.basename(path) for path in glob.glob(os.path.join(package, "_xapian*.so"))]
    if not any(name.endswith(suffix) for name in built for suffix in importlib.machinery.EXTENSION_SUFFIXES
               if suffix != ".so"):
        raise Unavailable(f"python3-xapian's {', '.join(built) or 'module'} is not built for Python "
                          f"{sys.version.split()[0]} ({sys.executable}): run this script with /usr/bin/python3")
    spec = importlib.util.spec_from_file_location("xapian", os.path.join(package, "__init__.py"),
                                                  submodule_search_locations=[package])
    module = importlib.util.module_from_spec(spec)
    sys.modules["xapian"] = module
    try:
        spec.loader.exec_module(module)
    except ImportError as error:
        del sys.modules["xapian"]
        raise Unavailable(f"cannot load python3-xapian from {package} ({error}): run this script with /usr/bin/python3")
    return module


WORD = re.compile(r"[^\W_]+")


def fold_tokens(text):
    """unicode61 remove_diacritics 2, approximately: lower case, diacritics removed (NFD, combining marks dropped),
    tokens = runs of letters and digits (underscore and everything else separate them)."""
    text = text.lower()
    if not text.isascii():
        text = "".join(c for c in unicodedata.normalize("NFD", text) if unicodedata.category(c) != "Mn")
    return WORD.findall(text)


# Xapian value slots: one per facet, holding the document's sorted values joined by FACET_SEPARATOR (lang and year
# hold one value each; year is four digits, so string order is numeric order for the range filter).
XAPIAN_SLOTS = {"region": 0, "country": 1, "topic": 2, "org": 3, "lang": 4, "year": 5}
FACET_SEPARATOR = "\x1f"
# Boolean filter terms: prefix + value (region by node name, as the databases' label column; topic by node path).
XAPIAN_PREFIXES = {"region": "XR", "country": "XC", "topic": "XT", "org": "XO", "lang": "XL"}
TITLE_BODY_GAP = 100  # term positions between title and body, so no phrase spans the two


def load_xapian(xapian, records_path, db_path):
    """The same records in a Xapian database (glass, docid = the rowid of the other databases): title and body
    tokenized by fold_tokens and fed, as space-separated tokens, to a TermGenerator with no stemmer and no stop words
    (so its terms are exactly those tokens, positions kept for phrases); title terms with wdf increment 2 (the title
    weighs twice the body in BM25's term frequency, and counts twice in the document length), body terms after a gap
    of TITLE_BODY_GAP positions. Facets as boolean terms for the filters and in value slots for the match spies."""
    db = xapian.WritableDatabase(db_path, xapian.DB_CREATE_OR_OVERWRITE)
    generator = xapian.TermGenerator()
    generator.set_stemming_strategy(xapian.TermGenerator.STEM_NONE)
    generator.set_max_word_length(245)  # Xapian's longest term; FTS5 has no limit
    for (rowid, _id, title, body, lang, year), rows in read_records(records_path):
        document = xapian.Document()
        generator.set_document(document)
        generator.index_text(" ".join(fold_tokens(title or "")), 2)
        generator.increase_termpos(TITLE_BODY_GAP)
        generator.index_text(" ".join(fold_tokens(body or "")), 1)
        values = {"lang": {lang}, "year": {f"{year:04d}"} if year is not None else set()}
        for _rowid, name, value, label in rows:
            values.setdefault(name, set()).add(value)
            document.add_boolean_term(XAPIAN_PREFIXES[name] + (label if name == "region" else value))
        document.add_boolean_term(XAPIAN_PREFIXES["lang"] + lang)
        for name, slot in XAPIAN_SLOTS.items():
            if values.get(name):
                document.add_value(slot, FACET_SEPARATOR.join(sorted(values[name])))
        if db.add_document(document) != rowid:  # a new database numbers documents from 1, as read_records does
            raise RuntimeError(f"Xapian gave record {rowid} another docid")
    db.commit()
    db.close()
    return xapian.Database(db_path)


class XapianSyntaxError(Exception):
    """A translated query FTS5 would reject (OR with nothing after it, or NOT right after OR): Xapian rejects it too."""


def xapian_text_query(xapian, q):
    """query_parts as a Xapian query, with FTS5's precedence (checked against SQLite 3.40): juxtaposition binds
    tightest, then NOT (left to right), then OR; so `a b NOT c d OR e` is ((a AND b) AND_NOT (c AND d)) OR e.
    A phrase of several tokens is OP_PHRASE (consecutive positions), one token a term."""
    def phrase(words):
        terms = [term for word in words for term in fold_tokens(word)]
        if not terms:
            return xapian.Query()
        if len(terms) == 1:
            return xapian.Query(terms[0])
        return xapian.Query(xapian.Query.OP_PHRASE, terms, len(terms))

    alternatives, groups = [], []
    for part in query_parts(q) + ["OR"]:
        if part == "OR":
            if not groups:
                raise XapianSyntaxError(f"nothing before OR in {fts_query(q)!r}")
            query = None
            for group in groups:
                conjunction = xapian.Query(xapian.Query.OP_AND, group) if len(group) > 1 else group[0]
                query = conjunction if query is None else xapian.Query(xapian.Query.OP_AND_NOT, query, conjunction)
            alternatives.append(query)
            groups = []
        else:
            kind, words = part
            if kind == "NOT" and not groups:
                raise XapianSyntaxError(f"nothing before NOT in {fts_query(q)!r}")
            if kind == "NOT" or not groups:
                groups.append([])
            groups[-1].append(phrase(words))
    return alternatives[0] if len(alternatives) == 1 else xapian.Query(xapian.Query.OP_OR, alternatives)


def xapian_filter(xapian, filters):
    """The filters as one boolean query (OR within a facet, AND across facets), or None."""
    parts = []
    for name, values in filters.items():
        if name in ("from", "to"):
            continue
        values = values if isinstance(values, list) else [values]
        parts.append(xapian.Query(xapian.Query.OP_OR, [xapian.Query(XAPIAN_PREFIXES[name] + value)
                                                       for value in values]))
    if "from" in filters or "to" in filters:
        low, high = year_range(filters)
        parts.append(xapian.Query(xapian.Query.OP_VALUE_RANGE, XAPIAN_SLOTS["year"],
                                  f"{max(low, 0):04d}", f"{min(high, 9999):04d}"))
    if not parts:
        return None
    return parts[0] if len(parts) == 1 else xapian.Query(xapian.Query.OP_AND, parts)


def xapian_search(xapian, db, query):
    """sqlite_search's work in one Xapian match: BM25Weight (Xapian's default BM25: k1 1, k2 0, k3 1, b 0.5,
    min_normlen 0.5) over the text query, the filters as OP_FILTER (no weight), the top 10, and with check_at_least =
    the document count, every matching document is seen: get_matches_estimated() is then the exact count, and one
    ValueCountMatchSpy per facet slot counts each document once under its slot's value, i.e. under its whole sorted
    combination of values (in C++, at match time); each combination's count is then added to every value in it, so a
    value's count is the number of matching documents having it, as a GROUP BY over the facet rows gives. The year
    facet also gets the undated documents under None (the total minus the dated), as GROUP BY year does."""
    text = query.get("q", "")
    match = xapian_text_query(xapian, text) if text and query_parts(text) else xapian.Query.MatchAll
    constraint = xapian_filter(xapian, query.get("filters") or {})
    if constraint is not None:
        match = xapian.Query(xapian.Query.OP_FILTER, match, constraint)
    enquire = xapian.Enquire(db)
    enquire.set_query(match)
    enquire.set_weighting_scheme(xapian.BM25Weight())
    spies = {name: xapian.ValueCountMatchSpy(slot) for name, slot in XAPIAN_SLOTS.items()}
    for spy in spies.values():
        enquire.add_matchspy(spy)
    mset = enquire.get_mset(0, 10, db.get_doccount())
    top = [item.docid for item in mset]
    total = mset.get_matches_estimated()
    counts = {}
    for name, spy in spies.items():
        tally = {}
        for item in spy.values():
            for value in item.term.decode("utf-8").split(FACET_SEPARATOR):
                tally[value] = tally.get(value, 0) + item.termfreq
        counts[name] = list(tally.items())
    undated = total - sum(count for _, count in counts["year"])
    counts["year"] = [(int(year), count) for year, count in counts["year"]] + ([(None, undated)] if undated else [])
    return top, total, counts


def loaded_xapian(records_path, db_path):
    """(xapian, the loaded database, seconds the loading took); raises Unavailable."""
    xapian = import_xapian()
    started = time.time()
    db = load_xapian(xapian, records_path, db_path)
    seconds = round(time.time() - started, 1)
    print(f"Xapian {xapian.version_string()} loaded in {seconds} s", file=sys.stderr)
    return xapian, db, seconds


@contextlib.contextmanager
def pressroom_server(binary, index):
    """`pressroom serve` on a free local port until exit; yields its URL."""
    url = f"http://127.0.0.1:{free_port(7830)}"
    server = subprocess.Popen([binary, "serve", "--index", index, "--addr", url.removeprefix("http://")],
                              stderr=subprocess.DEVNULL)
    try:
        for _ in range(150):
            try:
                urllib.request.urlopen(url + "/ready", timeout=1)
                break
            except OSError:
                time.sleep(0.2)
        else:
            raise RuntimeError(f"pressroom serve did not get ready on {url}")
        yield url
    finally:
        server.terminate()
        server.wait()


PLAIN = ["typo=false", "expand=false", "fragments=0"]
SYSTEMS = {  # key: (table heading, description)
    "in-process": ("in-proc", "pressroom bench --in-process (the search service called directly), default parameters"),
    "http": ("HTTP", "pressroom serve and pressroom bench over HTTP, one connection, default parameters"),
    "plain": ("plain", "as HTTP, with --param " + " --param ".join(PLAIN)),
    "fts5": ("FTS5", "SQLite FTS5 (sqlite_search), one connection"),
    "postgres": ("PG", "PostgreSQL full-text search (postgres_search), one connection"),
    "xapian": ("Xapian", "Xapian BM25 (xapian_search), in this process through Debian's python3-xapian"),
}
PRESSROOM_SYSTEMS = ("in-process", "http", "plain")
RATIOS = [("http", "in-process"), ("fts5", "http"), ("postgres", "http"), ("xapian", "http"), ("fts5", "plain"),
          ("postgres", "plain"), ("xapian", "plain")]


def percentile(values, fraction):
    ordered = sorted(values)
    if not ordered:
        return 0
    rank = max(1, min(len(ordered), int(-(-len(ordered) * fraction // 1))))
    return ordered[rank - 1]


def normalised(counts):
    """Facet counts comparable across the databases: {facet: sorted (value as text, count)}, empty facets left out."""
    return {name: sorted((str(value), count) for value, count in rows) for name, rows in counts.items() if rows}


def database_run(search, rejected_by, queries, rounds, rejected):
    """One run of ROUNDS passes over the queries through search, timed end to end on the client; returns
    {tag: {p50_us, p99_us, count, errors}}. A query the database rejects is left out of the latencies,
    counted as an error and its message kept in rejected."""
    times, errors = {}, {}
    for _ in range(rounds):
        for query in queries:
            tags = ["all", *query.get("tags", [])]
            begin = time.perf_counter()
            try:
                search(query)
            except rejected_by as error:
                rejected[query.get("q", "")] = str(error).splitlines()[0]
                for tag in tags:
                    errors[tag] = errors.get(tag, 0) + 1
                continue
            elapsed = (time.perf_counter() - begin) * 1e6
            for tag in tags:
                times.setdefault(tag, []).append(elapsed)
    return {tag: {"p50_us": round(percentile(values, 0.5)), "p99_us": round(percentile(values, 0.99)),
                  "count": len(values), "errors": errors.get(tag, 0)} for tag, values in times.items()}


def pressroom_run(binary, target, queries_path, requests, json_path):
    """One run of `pressroom bench` (requests one at a time, after 2 s of warm-up); returns {tag: {p50_us, p99_us,
    count, errors}}."""
    run([binary, "bench", "--queries", queries_path, "--concurrency", "1", "--requests", str(requests),
         "--warmup", "2", "--json", json_path, *target], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    with open(json_path) as handle:
        report = json.load(handle)
    keep = ("p50_us", "p99_us", "count", "errors")
    return {tag: {key: entry[key] for key in keep}
            for tag, entry in [("all", report["overall"]), *report["by_tag"].items()]}


def unmeasured_pass(search, rejected_by, queries):
    """Every query once, untimed (a warm-up like pressroom bench's); the results, None where the query is rejected."""
    results = []
    for query in queries:
        try:
            results.append(search(query))
        except rejected_by:
            results.append(None)
    return results


def agreement(queries, fts5_results, other_results, other="postgres"):
    """Where FTS5 and the other database found different totals or facet counts for the same query (a query one of
    them rejected counts as a difference)."""
    differences = []
    for query, fts5, result in zip(queries, fts5_results, other_results):
        _, fts5_total, fts5_counts = fts5 or (None, None, {})
        _, other_total, other_counts = result or (None, None, {})
        same_counts = normalised(fts5_counts) == normalised(other_counts)
        if fts5_total != other_total or not same_counts or fts5 is None:
            differences.append({"q": query.get("q", ""), "filters": query.get("filters") or {},
                                "fts5_total": fts5_total, f"{other}_total": other_total,
                                "same_facet_counts": same_counts})
    return {"queries": len(queries),
            "same_total": len(queries) - sum(entry["fts5_total"] != entry[f"{other}_total"]
                                             or entry["fts5_total"] is None for entry in differences),
            "same_total_and_facet_counts": len(queries) - len(differences), "differences": differences}


def summary(runs, tags):
    """Per tag, per system: the median over runs of each run's p50 and p99, the summed counts and errors, the runs'
    own figures, and the ratios of those medians."""
    figures = {}
    for tag in tags:
        systems = {}
        for system, per_run in runs.items():
            entries = [run_figures.get(tag) for run_figures in per_run]
            if None in entries:
                continue
            systems[system] = {
                "p50_us": statistics.median(entry["p50_us"] for entry in entries),
                "p99_us": statistics.median(entry["p99_us"] for entry in entries),
                "count": sum(entry["count"] for entry in entries),
                "errors": sum(entry["errors"] for entry in entries),
                "runs": entries,
            }
        ratios = {}
        for key in ("p50_us", "p99_us"):
            ratios[key] = {f"{top}/{bottom}": systems[top][key] / systems[bottom][key]
                           for top, bottom in RATIOS if top in systems and bottom in systems and systems[bottom][key]}
        figures[tag] = {"systems": systems, "ratios": ratios}
    return figures


def print_table(figures, queries_by_tag, key):
    """One line per tag: the medians of key (p50_us or p99_us) per system, then their ratios."""
    systems = [system for system in SYSTEMS if system in figures["all"]["systems"]]
    ratios = [(f"{top}/{bottom}", f"{SYSTEMS[top][0]}/{SYSTEMS[bottom][0]}")
              for top, bottom in RATIOS if top in systems and bottom in systems]
    widths = [len(heading) + 2 for _, heading in ratios]
    print(f"{key.removesuffix('_us')} (µs)".ljust(16) + f"{'n':>4}"
          + "".join(f"{SYSTEMS[system][0]:>8}" for system in systems)
          + "".join(f"{heading:>{width}}" for (_, heading), width in zip(ratios, widths)))
    for tag, entry in figures.items():
        medians, quotients = entry["systems"], entry["ratios"][key]
        cells = [f"{medians[system][key]:>8.0f}" if system in medians else f"{'-':>8}" for system in systems]
        cells += [f"{quotients[ratio]:>{width - 1}.2f}x" if ratio in quotients else f"{'-':>{width}}"
                  for (ratio, _), width in zip(ratios, widths)]
        print(f"{tag:<16}{queries_by_tag[tag]:>4}" + "".join(cells))


def main():
    started = time.time()
    parser = argparse.ArgumentParser()
    parser.add_argument("--shared", default=os.environ.get("PRESSROOM_SHARED", "../shared"))
    parser.add_argument("--rounds", type=int, default=3, help="passes over the queries per run [3]")
    parser.add_argument("--runs", type=int, default=3, help="timed runs per system, interleaved; the table shows "
                                                             "the median of the runs' p50 and p99 [3]")
    parser.add_argument("--work", default=None, help="keep the exported records and databases here")
    parser.add_argument("--binary", default=None, help="the pressroom binary [target/release/pressroom]")
    parser.add_argument("--skip-build", action="store_true", help="no cargo build before the runs")
    parser.add_argument("--skip-postgres", action="store_true", help="leave PostgreSQL out (as --systems without it)")
    parser.add_argument("--systems", default=",".join(SYSTEMS),
                        help=f"comma list of the systems to run, of {','.join(SYSTEMS)} [all]")
    parser.add_argument("--limit-queries", type=int, default=None, help="only the first N queries of the file")
    parser.add_argument("--json", default=None, help="write every figure of the tables to this file")
    args = parser.parse_args()
    systems = [name.strip() for name in args.systems.split(",") if name.strip()]
    unknown = [name for name in systems if name not in SYSTEMS]
    if unknown or not systems:
        parser.error(f"--systems: unknown {', '.join(unknown) or 'empty list'}; choose among {', '.join(SYSTEMS)}")
    if args.skip_postgres and "postgres" in systems:
        systems.remove("postgres")
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    os.chdir(root)
    if not args.skip_build:
        run(["cargo", "build", "--release", "--quiet"])
    binary = os.path.abspath(args.binary or os.path.join(root, "target", "release", "pressroom"))
    work = args.work or tempfile.mkdtemp(prefix="pressroom-peers-")
    os.makedirs(work, exist_ok=True)
    queries_path = os.path.join(args.shared, "queries", "domain-dev.jsonl")
    queries = [json.loads(line) for line in open(queries_path, encoding="utf-8") if line.strip()]
    if args.limit_queries is not None:
        queries = queries[: args.limit_queries]
        queries_path = os.path.join(work, "queries.jsonl")
        with open(queries_path, "w", encoding="utf-8") as handle:
            handle.writelines(json.dumps(query, ensure_ascii=False) + "\n" for query in queries)

    records = os.path.join(work, "records.jsonl")
    if not os.path.exists(records):
        print("exporting records with pressroom extract --with-text …", file=sys.stderr)
        export(binary, args.shared, records)
    index = os.path.join(work, "index")
    if any(system in PRESSROOM_SYSTEMS for system in systems) and not os.path.exists(os.path.join(index, "CURRENT")):
        sources = [os.path.join(args.shared, "corpus", name) for name in CORPORA]
        run([binary, "index", "--index", index, *sources], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    load_seconds, passes = {}, {}
    if "fts5" in systems:
        db_path = os.path.join(work, "fts5.db")
        if os.path.exists(db_path):
            os.remove(db_path)
        begin = time.time()
        db = load_sqlite(records, db_path)
        load_seconds["sqlite"] = round(time.time() - begin, 1)
        print(f"SQLite FTS5 loaded in {load_seconds['sqlite']} s", file=sys.stderr)
        passes["fts5"] = (lambda query: sqlite_search(db, query), sqlite3.Error)
    if "xapian" in systems:
        try:
            xapian, xapian_db, load_seconds["xapian"] = loaded_xapian(records, os.path.join(work, "xapian"))
            passes["xapian"] = (lambda query: xapian_search(xapian, xapian_db, query),
                                (xapian.Error, XapianSyntaxError))
        except Unavailable as reason:
            print(f"Xapian skipped: {reason}", file=sys.stderr)

    with contextlib.ExitStack() as stack:
        if "postgres" in systems:
            try:
                psycopg2, cursor, load_seconds["postgres"] = stack.enter_context(loaded_postgres(records))
                passes["postgres"] = (lambda query: postgres_search(cursor, query), psycopg2.Error)
            except Unavailable as reason:
                print(f"PostgreSQL skipped: {reason}", file=sys.stderr)
        targets = {}
        if any(system in PRESSROOM_SYSTEMS for system in systems):
            url = stack.enter_context(pressroom_server(binary, index))
            targets = {"in-process": ["--in-process", "--index", index], "http": ["--url", url],
                       "plain": ["--url", url, *[arg for param in PLAIN for arg in ("--param", param)]]}
            targets = {system: target for system, target in targets.items() if system in systems}
        warm = {system: unmeasured_pass(*search, queries) for system, search in passes.items()}
        rejected = {system: {} for system in passes}
        runs = {system: [] for system in systems if system in targets or system in passes}
        for number in range(args.runs):
            print(f"run {number + 1} of {args.runs} …", file=sys.stderr)
            for system in runs:
                if system in targets:
                    requests, json_path = len(queries) * args.rounds, os.path.join(work, f"{system}.json")
                    runs[system].append(pressroom_run(binary, targets[system], queries_path, requests, json_path))
                else:
                    search, rejected_by = passes[system]
                    runs[system].append(database_run(search, rejected_by, queries, args.rounds, rejected[system]))

    tags = ["all"] + sorted({tag for query in queries for tag in query.get("tags", [])})
    queries_by_tag = {tag: sum(tag == "all" or tag in query.get("tags", []) for query in queries) for tag in tags}
    figures = summary(runs, tags)
    print_table(figures, queries_by_tag, "p50_us")
    print()
    print_table(figures, queries_by_tag, "p99_us")
    print(f"(µs, median over {args.runs} interleaved runs of {args.rounds} passes over the {len(queries)} queries, "
          "one at a time; n = queries per pass;\n all systems count the same six facets; plain = pressroom without "
          "typo candidates, expansion or body fragments)")
    report = {"runs": args.runs, "rounds": args.rounds, "queries": len(queries), "load_seconds": load_seconds,
              "systems": {system: SYSTEMS[system][1] for system in runs}, "queries_by_tag": queries_by_tag,
              "tags": figures}
    for other in ("postgres", "xapian"):
        if "fts5" in warm and other in warm:
            found = report[f"fts5_{other}_agreement"] = agreement(queries, warm["fts5"], warm[other], other)
            print(f"(FTS5 and {SYSTEMS[other][0]}: same total for {found['same_total']} and same total and facet "
                  f"counts for {found['same_total_and_facet_counts']} of {len(queries)} queries)")
    report["rejected"] = rejected
    for system, messages in rejected.items():
        for q, message in messages.items():
            print(f"({SYSTEMS[system][0]} rejected {q!r}: {message}; left out of its latencies)")
    report["wall_seconds"] = round(time.time() - started)
    print(f"done in {report['wall_seconds']} s", file=sys.stderr)
    if args.json:
        with open(args.json, "w") as handle:
            json.dump(report, handle, indent=1)


if __name__ == "__main__":
    main()

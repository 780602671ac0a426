#!/usr/bin/env python3
"""The corpus sweep: every release of the shared domain corpus searched by its own rarest
words, over HTTP, the way a stranger's queries would reach the server. No answer may be a
5xx, and every answer must be JSON.

For each release (read with `pressroom extract --with-text`, so with the ids and cleaned
text the index holds), the word of its title found in the fewest titles and the word of its
body found in the fewest bodies are searched with `fragments=10&limit=100` (words are split
and folded as the index does: runs of letters and digits, lowercased, accents removed).
Rare words rank their release first, so each query highlights that release's own text.

    python3 scripts/sweep.py [--binary target/release/pressroom] [--shared ../shared]
                             [--index DIR | --url http://127.0.0.1:7700] [--every N]
                             [--connections 2] [--json OUT]

Without `--url` it serves `--index` (built with `pressroom index` from the same sources if
the folder holds none) on a free loopback port and stops it at the end. `--every N` sweeps
one release in N (CI sweeps a sample in `tests/domain_index.rs`). Exit status 1 when any
answer was a 5xx or not JSON.
"""

import argparse
import collections
import http.client
import json
import os
import socket
import subprocess
import sys
import tempfile
import threading
import time
import unicodedata
import urllib.parse

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SOURCES = ["seed", "trove-refugees", "reliefweb", "reuters21578"]


def words(text):
    """Words as the index's base analyzer cuts and folds them."""
    folded = unicodedata.normalize("NFKD", text.lower())
    out, word = [], []
    for c in folded:
        if unicodedata.combining(c):
            continue
        if c.isalnum():
            word.append(c)
        elif word:
            out.append("".join(word))
            word = []
    if word:
        out.append("".join(word))
    return out


def rarest(tokens, frequency):
    best = None
    for token in tokens:
        if best is None or frequency[token] < frequency[best]:
            best = token
    return best


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_ready(host, port, seconds=300):
    deadline = time.time() + seconds
    while time.time() < deadline:
        try:
            connection = http.client.HTTPConnection(host, port, timeout=2)
            connection.request("GET", "/ready")
            if connection.getresponse().status == 200:
                return
        except OSError:
            pass
        time.sleep(0.5)
    sys.exit("the server did not become ready")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--binary", default=os.path.join(ROOT, "target/release/pressroom"))
    parser.add_argument("--shared", default=os.environ.get("PRESSROOM_SHARED", os.path.join(ROOT, "../shared")))
    parser.add_argument("--index", help="index folder to serve (built from the shared corpora if empty)")
    parser.add_argument("--url", help="a running server instead")
    parser.add_argument("--every", type=int, default=1)
    parser.add_argument("--connections", type=int, default=2)
    parser.add_argument("--json", help="write the summary here")
    args = parser.parse_args()

    sources = [os.path.join(args.shared, "corpus", name) for name in SOURCES]
    extracted = subprocess.run(
        [args.binary, "extract", "--with-text", *sources], capture_output=True, text=True, check=True
    ).stdout
    # Split on new lines only: a JSON string may hold U+2028, which splitlines() splits on.
    records = [json.loads(line) for line in extracted.split("\n") if line.strip()]
    titles = {r["id"]: words(r.get("title") or "") for r in records}
    bodies = {r["id"]: words(r.get("body") or "") for r in records}
    title_df, body_df = collections.Counter(), collections.Counter()
    for tokens in titles.values():
        title_df.update(set(tokens))
    for tokens in bodies.values():
        body_df.update(set(tokens))
    queries = []  # (release id, part, word)
    for number, record in enumerate(records):
        if number % args.every:
            continue
        for part, tokens, frequency in (("title", titles, title_df), ("body", bodies, body_df)):
            word = rarest(tokens[record["id"]], frequency)
            if word:
                queries.append((record["id"], part, word))

    server = None
    workdir = None
    if args.url:
        parsed = urllib.parse.urlparse(args.url)
        host, port = parsed.hostname, parsed.port or 80
    else:
        index = args.index
        if not index:
            workdir = tempfile.mkdtemp(prefix="pressroom-sweep-")
            index = os.path.join(workdir, "index")
        host, port = "127.0.0.1", free_port()
        if not os.path.exists(os.path.join(index, "CURRENT")):
            subprocess.run([args.binary, "index", "--index", index, *sources], check=True, capture_output=True)
        server = subprocess.Popen(
            [args.binary, "serve", "--index", index, "--addr", f"{host}:{port}"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        wait_ready(host, port)

    statuses = collections.Counter()
    failures = []
    lock = threading.Lock()
    position = iter(range(len(queries)))

    def worker():
        connection = http.client.HTTPConnection(host, port, timeout=60)
        while True:
            with lock:
                number = next(position, None)
            if number is None:
                return
            release, part, word = queries[number]
            path = "/api/search?" + urllib.parse.urlencode(
                {"q": word, "fragments": 10, "limit": 100, "facets": ""}
            )
            try:
                connection.request("GET", path)
                response = connection.getresponse()
                body = response.read()
                status = response.status
                try:
                    json.loads(body)
                    is_json = True
                except ValueError:
                    is_json = False
            except (OSError, http.client.HTTPException) as error:
                connection = http.client.HTTPConnection(host, port, timeout=60)
                status, body, is_json = 0, str(error).encode(), False
            with lock:
                statuses[status] += 1
                if status >= 500 or status == 0 or not is_json:
                    failures.append(
                        {"release": release, "part": part, "q": word, "status": status, "body": body[:300].decode("utf-8", "replace")}
                    )

    started = time.time()
    threads = [threading.Thread(target=worker) for _ in range(args.connections)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.time() - started
    if server:
        server.terminate()
        server.wait()

    summary = {
        "releases": len(records),
        "swept": len(range(0, len(records), args.every)),
        "queries": len(queries),
        "distinct_words": len({word for _, _, word in queries}),
        "seconds": round(elapsed, 1),
        "statuses": {str(status): count for status, count in sorted(statuses.items())},
        "failures": failures,
    }
    print(
        f"{summary['queries']} queries ({summary['distinct_words']} distinct words) for "
        f"{summary['swept']} of {summary['releases']} releases in {elapsed:.0f} s; "
        f"statuses {summary['statuses']}; {len(failures)} failures"
    )
    for failure in failures[:20]:
        print(f"  {failure['status']} {failure['release']} ({failure['part']}) q={failure['q']!r}: {failure['body'][:160]}")
    if args.json:
        with open(args.json, "w") as out:
            json.dump(summary, out, indent=1)
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Dumps the responses of a query file from a running pressroom server, with the timing
(`took_us`) removed, so two versions can be compared byte for byte; or compares two dumps.

    python3 benches/responses.py dump --url http://127.0.0.1:7700 [--queries FILE] [--param K=V] OUT.jsonl
    python3 benches/responses.py diff BEFORE.jsonl AFTER.jsonl

The queries default to `../shared/queries/domain-dev.jsonl` (`{"q", "filters", "tags"}`),
sent as GET with the filters as parameters (a list repeats the parameter) and all six
default facets. `diff` lists every query whose response changed, with the first difference:
which hits moved, which totals or facet counts changed, or which text.
"""

import argparse
import http.client
import json
import os
import sys
import urllib.parse

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def without_timing(value):
    if isinstance(value, dict):
        return {key: without_timing(item) for key, item in value.items() if key != "took_us"}
    if isinstance(value, list):
        return [without_timing(item) for item in value]
    return value


def query_string(query, params):
    pairs = [("q", query.get("q") or "")]
    for name, values in (query.get("filters") or {}).items():
        for value in values if isinstance(values, list) else [values]:
            pairs.append((name, str(value)))
    pairs.extend(params)
    return urllib.parse.urlencode(pairs)


def dump(args):
    parsed = urllib.parse.urlparse(args.url)
    connection = http.client.HTTPConnection(parsed.hostname, parsed.port or 80, timeout=60)
    params = [tuple(param.split("=", 1)) for param in args.param]
    with open(args.queries) as queries, open(args.out, "w") as out:
        for line in queries:
            if not line.strip():
                continue
            query = json.loads(line)
            path = "/api/search?" + query_string(query, params)
            connection.request("GET", path)
            response = connection.getresponse()
            body = json.loads(response.read())
            out.write(json.dumps({"path": path, "status": response.status, "response": without_timing(body)},
                                 ensure_ascii=False, sort_keys=True) + "\n")


def first_difference(a, b, where=""):
    if type(a) is not type(b):
        return f"{where}: {json.dumps(a)[:120]} → {json.dumps(b)[:120]}"
    if isinstance(a, dict):
        for key in sorted(set(a) | set(b)):
            if a.get(key) != b.get(key):
                return first_difference(a.get(key), b.get(key), f"{where}.{key}")
        return None
    if isinstance(a, list):
        if len(a) != len(b):
            return f"{where}: {len(a)} items → {len(b)} items"
        for index, (x, y) in enumerate(zip(a, b)):
            if x != y:
                return first_difference(x, y, f"{where}[{index}]")
        return None
    return None if a == b else f"{where}: {json.dumps(a)[:120]} → {json.dumps(b)[:120]}"


def diff(args):
    with open(args.before) as before, open(args.after) as after:
        old = [json.loads(line) for line in before if line.strip()]
        new = [json.loads(line) for line in after if line.strip()]
    if [item["path"] for item in old] != [item["path"] for item in new]:
        sys.exit("the two dumps are not of the same queries")
    changed = 0
    for a, b in zip(old, new):
        if a != b:
            changed += 1
            ids_a = [hit["id"] for hit in a["response"].get("hits", [])]
            ids_b = [hit["id"] for hit in b["response"].get("hits", [])]
            print(f"{urllib.parse.unquote_plus(a['path'])}")
            if ids_a != ids_b:
                print(f"  hits: {ids_a} → {ids_b}")
            print(f"  first difference {first_difference(a, b)}")
    print(f"{changed} of {len(old)} responses differ")
    sys.exit(1 if changed else 0)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    dumping = commands.add_parser("dump")
    dumping.add_argument("--url", default="http://127.0.0.1:7700")
    dumping.add_argument("--queries", default=os.path.join(ROOT, "../shared/queries/domain-dev.jsonl"))
    dumping.add_argument("--param", action="append", default=[], help="KEY=VALUE added to every query")
    dumping.add_argument("out")
    diffing = commands.add_parser("diff")
    diffing.add_argument("before")
    diffing.add_argument("after")
    args = parser.parse_args()
    dump(args) if args.command == "dump" else diff(args)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""The server's own time per search (`took_us`) over a query file, with the features on and
off one at a time: what each costs, free of HTTP and client noise.

    python3 benches/took.py [--url http://127.0.0.1:7700] [--queries FILE] [--passes 3] [--json OUT]

For each setting (defaults; `facets=`; `fragments=0`; `typo=false`; `expand=false`; all four
off; all off with `lang=en`) every query is sent `--passes` times, one at a time, settings
interleaved pass by pass; a query's figure is its median over the passes, and the table
gives the median (p50) and p99 of those over the queries, in µs, per setting and per tag.
"""

import argparse
import http.client
import json
import os
import statistics
import sys
import urllib.parse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from responses import query_string  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SETTINGS = [
    ("defaults", []),
    ("facets=", [("facets", "")]),
    ("fragments=0", [("fragments", "0")]),
    ("typo=false", [("typo", "false")]),
    ("expand=false", [("expand", "false")]),
    ("all four off", [("facets", ""), ("fragments", "0"), ("typo", "false"), ("expand", "false")]),
    ("all off, lang=en", [("facets", ""), ("fragments", "0"), ("typo", "false"), ("expand", "false"), ("lang", "en")]),
]


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(share * len(ordered) + 0.5) - 1))]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--url", default="http://127.0.0.1:7700")
    parser.add_argument("--queries", default=os.path.join(ROOT, "../shared/queries/domain-dev.jsonl"))
    parser.add_argument("--passes", type=int, default=3)
    parser.add_argument("--settings", help="comma list of setting names (default: all)")
    parser.add_argument("--json")
    parser.add_argument("--slowest", type=int, default=0, metavar="N",
                        help="also list each setting's N slowest queries (median took_us)")
    args = parser.parse_args()
    with open(args.queries) as handle:
        queries = [json.loads(line) for line in handle if line.strip()]
    settings = SETTINGS
    if args.settings:
        wanted = args.settings.split(",")
        settings = [s for s in SETTINGS if s[0] in wanted]
    parsed = urllib.parse.urlparse(args.url)
    connection = http.client.HTTPConnection(parsed.hostname, parsed.port or 80, timeout=60)
    took = {name: [[] for _ in queries] for name, _ in settings}
    for _ in range(args.passes):
        for name, params in settings:
            for number, query in enumerate(queries):
                connection.request("GET", "/api/search?" + query_string(query, params))
                response = connection.getresponse()
                body = json.loads(response.read())
                if response.status != 200:
                    sys.exit(f"{response.status} for {query}: {body}")
                took[name][number].append(body["took_us"])
    tags = sorted({tag for query in queries for tag in query.get("tags", [])})
    rows = {}
    for name, _ in settings:
        medians = [statistics.median(values) for values in took[name]]
        row = {"all": (percentile(medians, 0.5), percentile(medians, 0.99), len(medians))}
        for tag in tags:
            tagged = [m for m, q in zip(medians, queries) if tag in q.get("tags", [])]
            if tagged:
                row[tag] = (percentile(tagged, 0.5), percentile(tagged, 0.99), len(tagged))
        rows[name] = row
    print(f"took_us over {len(queries)} queries, {args.passes} passes (median per query, then p50 / p99)")
    print(f"{'setting':<20} {'p50':>8} {'p99':>8}   " + "  ".join(f"{tag}" for tag in tags))
    for name, row in rows.items():
        cells = "  ".join(f"{row[tag][0]:.0f}" if tag in row else "-" for tag in tags)
        print(f"{name:<20} {row['all'][0]:>8.0f} {row['all'][1]:>8.0f}   {cells}")
    for name, _ in settings[: len(settings) if args.slowest else 0]:
        medians = [statistics.median(values) for values in took[name]]
        print(f"\n{name}: the {args.slowest} slowest queries (median took_us)")
        for number in sorted(range(len(queries)), key=lambda n: -medians[n])[: args.slowest]:
            print(f"{medians[number]:>8.0f}  {query_string(queries[number], {})}")
    if args.json:
        with open(args.json, "w") as out:
            json.dump(rows, out, indent=1)


if __name__ == "__main__":
    main()

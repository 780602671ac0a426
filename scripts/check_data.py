#!/usr/bin/env python3
"""Validate crates/pressroom-enrich/data/*.tsv.

Usage: python3 scripts/check_data.py [SHARED_DIR] [--data DIR]

Checks every TSV (header first, '#' comment lines, tab-separated, '|' lists) for the right
number of columns and empty list items, then the cross-references: every iso3 of
country_aliases.tsv exists in countries.tsv, every path of regions.tsv is an M49 node of
countries.tsv (and every node has exactly one kind=node row), every topics.tsv path exists in
SHARED_DIR/taxonomy/topics.tsv (and every taxonomy path has cues), organizations.tsv cs aliases
are aliases and its reuters labels are Reuters-21578 ORGS labels, cities.tsv iso2 codes exist.
Exit status 1 on any error; warnings do not fail. Python 3 standard library only.
"""
import os
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
DATA = os.path.join(REPO, "crates", "pressroom-enrich", "data")
_args = sys.argv[1:]
if "--data" in _args:
    i = _args.index("--data")
    DATA = _args[i + 1]
    del _args[i:i + 2]
SHARED = _args[0] if _args else os.path.join(REPO, "..", "shared")

errors, warnings = [], []


def err(msg):
    errors.append(msg)


def warn(msg):
    warnings.append(msg)


def fold(s):
    s = unicodedata.normalize("NFKD", s.replace("\u2019", "'"))
    return "".join(c for c in s if not unicodedata.combining(c)).casefold()


def load(name, columns, list_columns=(), optional=0):
    """Rows of a table; the last `optional` columns may be left off a row."""
    path = os.path.join(DATA, name)
    rows = []
    with open(path, encoding="utf-8", newline="") as f:
        text = f.read()
    if "\r" in text:
        err(f"{name}: contains CR characters (use LF line ends)")
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    if not lines:
        err(f"{name}: empty")
        return rows
    header = lines[0].split("\t")
    if header != columns:
        err(f"{name}: header {header} != {columns}")
    for no, line in enumerate(lines[1:], start=2):
        if line.startswith("#"):
            continue
        if not line.strip():
            err(f"{name}:{no}: blank line")
            continue
        fields = line.split("\t")
        if len(columns) - optional <= len(fields) < len(columns):
            fields += [""] * (len(columns) - len(fields))
        if len(fields) != len(columns):
            err(f"{name}:{no}: {len(fields)} columns, expected {len(columns)}: {line[:80]!r}")
            continue
        row = dict(zip(columns, fields))
        for c in columns:
            if row[c] != row[c].strip():
                err(f"{name}:{no}: column {c} has leading/trailing spaces")
        for c in list_columns:
            if row[c]:
                items = row[c].split("|")
                if any(not i.strip() or i != i.strip() for i in items):
                    err(f"{name}:{no}: empty or padded item in list column {c}")
        row["_line"] = no
        rows.append(row)
    return rows


# ---------------------------------------------------------------- countries
countries = load("countries.tsv",
                 ["iso3", "iso2", "m49", "name", "region", "subregion", "intermediate", "names"],
                 ["names"])
iso3s, iso2s, m49s = set(), set(), set()
node_paths = set()
for r in countries:
    for c, seen in (("iso3", iso3s), ("iso2", iso2s), ("m49", m49s)):
        if r[c] in seen:
            err(f"countries.tsv:{r['_line']}: duplicate {c} {r[c]}")
        seen.add(r[c])
    if len(r["iso3"]) != 3 or not r["iso3"].isupper():
        err(f"countries.tsv:{r['_line']}: bad iso3 {r['iso3']}")
    if len(r["iso2"]) != 2 or not r["iso2"].isupper():
        err(f"countries.tsv:{r['_line']}: bad iso2 {r['iso2']}")
    if len(r["m49"]) != 3 or not r["m49"].isdigit():
        err(f"countries.tsv:{r['_line']}: bad m49 {r['m49']}")
    if not r["name"] or not r["names"]:
        err(f"countries.tsv:{r['_line']}: empty name/names")
    if not r["region"]:
        if r["iso3"] == "ATA":
            pass  # Antarctica: no M49 region, documented
        else:
            err(f"countries.tsv:{r['_line']}: {r['iso3']} has no region")
    if not r["subregion"] and r["region"]:
        err(f"countries.tsv:{r['_line']}: {r['iso3']} has a region but no sub-region")
    if r["intermediate"] and not r["subregion"]:
        err(f"countries.tsv:{r['_line']}: intermediate without sub-region")
    if r["region"]:
        node_paths.add(r["region"])
        node_paths.add(r["region"] + "/" + r["subregion"])
        if r["intermediate"]:
            node_paths.add(r["region"] + "/" + r["subregion"] + "/" + r["intermediate"])
if not 240 <= len(countries) <= 260:
    warn(f"countries.tsv: {len(countries)} rows (expected ~250)")

# ---------------------------------------------------------------- country aliases
aliases = load("country_aliases.tsv", ["iso3", "alias", "kind", "case"])
seen_alias = {}
owners = {}
for r in aliases:
    if r["iso3"] not in iso3s:
        err(f"country_aliases.tsv:{r['_line']}: unknown iso3 {r['iso3']}")
    if r["kind"] not in ("variant", "demonym", "historical", "capital"):
        err(f"country_aliases.tsv:{r['_line']}: bad kind {r['kind']}")
    if r["case"] not in ("ci", "cs"):
        err(f"country_aliases.tsv:{r['_line']}: bad case {r['case']}")
    if not r["alias"] or "|" in r["alias"]:
        err(f"country_aliases.tsv:{r['_line']}: bad alias {r['alias']!r}")
    k = (r["iso3"], r["alias"] if r["case"] == "cs" else fold(r["alias"]))
    if k in seen_alias:
        err(f"country_aliases.tsv:{r['_line']}: duplicate of line {seen_alias[k]} ({r['alias']})")
    seen_alias[k] = r["_line"]
    owners.setdefault(fold(r["alias"]), set()).add(r["iso3"])
for a, o in owners.items():
    if len(o) > 1:
        warn(f"country_aliases.tsv: alias {a!r} maps to several countries {sorted(o)}")
country_strings = {}
for r in countries:
    for n in r["names"].split("|"):
        country_strings.setdefault(fold(n), set()).add(r["iso3"])
for a, o in owners.items():
    country_strings.setdefault(a, set()).update(o)
for a, o in country_strings.items():
    if len(o) > 1:
        warn(f"country name/alias {a!r} maps to several countries {sorted(o)}")

# ---------------------------------------------------------------- regions
regions = load("regions.tsv", ["path", "aliases", "kind"], ["aliases"])
node_rows = {}
region_strings = {}
for r in regions:
    if r["path"] not in node_paths:
        err(f"regions.tsv:{r['_line']}: path {r['path']!r} is not an M49 node of countries.tsv")
    if r["kind"] not in ("node", "approx"):
        err(f"regions.tsv:{r['_line']}: bad kind {r['kind']}")
    if r["kind"] == "node":
        if r["path"] in node_rows:
            err(f"regions.tsv:{r['_line']}: second node row for {r['path']}")
        node_rows[r["path"]] = r
        last = r["path"].split("/")[-1]
        if last not in r["aliases"].split("|"):
            warn(f"regions.tsv:{r['_line']}: node name {last!r} not among its aliases")
    for a in r["aliases"].split("|"):
        if fold(a) in region_strings and region_strings[fold(a)] != r["path"]:
            err(f"regions.tsv:{r['_line']}: alias {a!r} also on {region_strings[fold(a)]}")
        region_strings[fold(a)] = r["path"]
for p in sorted(node_paths - set(node_rows)):
    err(f"regions.tsv: no node row for {p}")

# ---------------------------------------------------------------- organizations
orgs = load("organizations.tsv", ["canonical", "name", "kind", "aliases", "reuters", "cs", "country", "local"],
            ["aliases", "cs", "local"], optional=2)
reuters_labels = set()
lbl_path = os.path.join(SHARED, "corpus", "reuters21578", "all-orgs-strings.lc.txt")
if os.path.exists(lbl_path):
    with open(lbl_path, encoding="latin-1") as f:
        reuters_labels = set(f.read().split())
else:
    warn(f"{lbl_path} not found: Reuters labels not checked")
canon, used_labels, org_strings = set(), set(), {}
for r in orgs:
    if r["canonical"] in canon:
        err(f"organizations.tsv:{r['_line']}: duplicate canonical {r['canonical']}")
    canon.add(r["canonical"])
    if r["kind"] not in ("un", "un-mission", "igo", "financial", "commodity", "process",
                         "red-cross", "ngo", "government", "party", "media", "armed-group"):
        err(f"organizations.tsv:{r['_line']}: bad kind {r['kind']}")
    al = r["aliases"].split("|") if r["aliases"] else []
    # A body known only by names its country's releases use has them in `local`.
    if not r["aliases"] and not (r.get("country") and r.get("local")):
        err(f"organizations.tsv:{r['_line']}: no aliases")
    if r["cs"]:
        for c in r["cs"].split("|"):
            if c not in al:
                err(f"organizations.tsv:{r['_line']}: cs item {c!r} is not an alias")
    if r["reuters"]:
        used_labels.add(r["reuters"])
        if reuters_labels and r["reuters"] not in reuters_labels:
            err(f"organizations.tsv:{r['_line']}: {r['reuters']!r} is not a Reuters ORGS label")
    cs = set(r["cs"].split("|")) if r["cs"] else set()
    for a in al:
        k = a if a in cs else fold(a)
        if k in org_strings and org_strings[k] != r["canonical"]:
            warn(f"organizations.tsv:{r['_line']}: alias {a!r} also on {org_strings[k]}")
        org_strings[k] = r["canonical"]
for lbl in sorted(reuters_labels - used_labels):
    err(f"organizations.tsv: Reuters ORGS label {lbl!r} not covered")

# ---------------------------------------------------------------- topics
topics = load("topics.tsv", ["path", "cue", "weight", "lang"])
tax = []
tax_path = os.path.join(SHARED, "taxonomy", "topics.tsv")
with open(tax_path, encoding="utf-8") as f:
    for i, line in enumerate(f):
        if i == 0 or not line.strip():
            continue
        tax.append(line.split("\t")[0])
taxset = set(tax)
per_path = {}
seen_cue = set()
for r in topics:
    if not r["path"].startswith("/") or r["path"].endswith("/"):
        err(f"topics.tsv:{r['_line']}: bad path {r['path']!r}")
    unescaped = r["path"].replace("\\/", "/")
    if unescaped not in taxset:
        err(f"topics.tsv:{r['_line']}: path {r['path']!r} not in the taxonomy")
    if "/" in unescaped.strip("/") and "\\/" not in r["path"]:
        # a real hierarchy level: every prefix must be a taxonomy path too
        parts = r["path"].split("/")[1:]
        for i in range(1, len(parts)):
            pref = "/" + "/".join(parts[:i])
            if pref not in taxset:
                err(f"topics.tsv:{r['_line']}: parent {pref!r} of {r['path']!r} not in taxonomy")
    if r["weight"] not in ("1", "2", "3"):
        err(f"topics.tsv:{r['_line']}: bad weight {r['weight']}")
    if r["lang"] not in ("en", "es", "fr"):
        err(f"topics.tsv:{r['_line']}: bad lang {r['lang']}")
    if r["cue"] != r["cue"].lower() or not r["cue"]:
        err(f"topics.tsv:{r['_line']}: cue must be non-empty lowercase: {r['cue']!r}")
    if "**" in r["cue"] or r["cue"].startswith("*"):
        err(f"topics.tsv:{r['_line']}: bad wildcard in {r['cue']!r}")
    k = (unescaped, r["cue"], r["lang"])
    if k in seen_cue:
        err(f"topics.tsv:{r['_line']}: duplicate cue {r['cue']!r}")
    seen_cue.add(k)
    per_path[unescaped] = per_path.get(unescaped, 0) + 1
for p in tax:
    need = 8 if p.startswith("/Migration") else 4
    if per_path.get(p, 0) < need:
        err(f"topics.tsv: {p} has {per_path.get(p, 0)} cues (< {need})")

# ---------------------------------------------------------------- cities
cities = load("cities.tsv", ["name", "iso2", "population", "alt"], ["alt"])
for r in cities:
    if r["iso2"] not in iso2s:
        err(f"cities.tsv:{r['_line']}: unknown iso2 {r['iso2']}")
    if not r["population"].isdigit():
        err(f"cities.tsv:{r['_line']}: bad population {r['population']!r}")
    if r["alt"]:
        alts = r["alt"].split("|")
        if len(alts) > 5:
            err(f"cities.tsv:{r['_line']}: more than 5 alternates")
        for a in alts:
            if any(ord(c) > 0xFF for c in a):
                err(f"cities.tsv:{r['_line']}: non-Latin-1 alternate {a!r}")

# ---------------------------------------------------------------- cross-table
for k, path in sorted(region_strings.items()):
    if k in country_strings:
        warn(f"region alias {k!r} ({path}) is also a country name/alias {sorted(country_strings[k])}")

# ---------------------------------------------------------------- report
print("rows: countries %d, country_aliases %d, regions %d (%d node, %d approx), "
      "organizations %d, topics %d cues over %d paths, cities %d" % (
          len(countries), len(aliases), len(regions),
          sum(r["kind"] == "node" for r in regions), sum(r["kind"] == "approx" for r in regions),
          len(orgs), len(topics), len(per_path), len(cities)))
for w in warnings:
    print("warning:", w)
for e in errors:
    print("ERROR:", e)
print("OK" if not errors else f"{len(errors)} error(s)")
sys.exit(1 if errors else 0)

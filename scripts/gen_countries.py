#!/usr/bin/env python3
"""Generate crates/pressroom-enrich/data/countries.tsv from the shared gazetteer.

Usage: python3 scripts/gen_countries.py [SHARED_DIR] [--out PATH]

SHARED_DIR defaults to ../shared relative to the repository root (the parent of
this script's directory). Reads SHARED_DIR/gazetteer/countries-territories-taxonomy.csv
(hdx-python-country, MIT). Python 3 standard library only; output is deterministic.

Columns: iso3 iso2 m49 name region subregion intermediate names
  - one row per CSV row that has an ISO 3166-1 alpha-3 code and Deprecated != Y
    (territories kept; Kosovo, which has only a user-assigned XKX code, is not a row:
    M49 counts it under Serbia, and country_aliases.tsv maps "Kosovo" etc. to SRB);
  - region/subregion/intermediate are the M49 names (Antarctica has none: left empty);
  - names: '|'-separated EN/FR/ES names from the name columns, with parenthesised
    qualifiers also stripped into an extra variant, leading "the " dropped,
    comma-inverted forms ("Korea, Republic of") re-ordered, U+2019 apostrophes
    normalised to ASCII, deduplicated case-insensitively; short acronyms (UK, USA,
    CAR, PNG, DPRK, oPt) are left to country_aliases.tsv. A *derived* variant
    (qualifier stripped, inverted head) is dropped when it collides with a name of
    another country or with an M49 region name ("Congo" for COD, "Korea",
    "Virgin Islands", "Micronesia", ...). A few names that are mostly something
    else in running text are dropped as well (see DROP_NAMES).
"""
import argparse
import csv
import os
import re
import sys
import unicodedata

NAME_COLUMNS = [
    "Preferred Term", "English Short", "M49 English", "English Formal",
    "ISO Alt Term", "DGACM Alt Term", "HPC Tools Alt Term", "RW Short Name",
    "RW API Alt Term", "French Short", "M49 French", "Spanish Short", "M49 Spanish",
]
# Columns whose values may be comma-inverted ("Tanzania, United Republic of").
INVERTED_COLUMNS = {"ISO Alt Term", "HPC Tools Alt Term"}

# Display name: common English short form where the UN short name carries a
# qualifier or a long formal form. Everything else: English Short with any
# parenthesised qualifier removed.
SHORT_NAME = {
    "BOL": "Bolivia", "VEN": "Venezuela", "IRN": "Iran", "SYR": "Syria",
    "RUS": "Russia", "USA": "United States", "GBR": "United Kingdom",
    "KOR": "South Korea", "PRK": "North Korea", "LAO": "Laos",
    "TZA": "Tanzania", "MDA": "Moldova", "FSM": "Federated States of Micronesia",
    "HKG": "Hong Kong", "MAC": "Macao", "TWN": "Taiwan", "PSE": "Palestine",
    "NLD": "Netherlands", "NRU": "Nauru", "BRN": "Brunei",
    "MAF": "Saint Martin", "SXM": "Sint Maarten", "FLK": "Falkland Islands",
    "WLF": "Wallis and Futuna", "SJM": "Svalbard and Jan Mayen",
    "CCK": "Cocos (Keeling) Islands",
    "VIR": "United States Virgin Islands", "VGB": "British Virgin Islands",
}

# Names dropped from the `names` list because in running text they are mostly
# something else (a person's given name, a Spanish city or province, a common
# word). The country is still found through its other names.
DROP_NAMES = {
    ("GRD", "Granada"),        # es for Grenada; also the Spanish city
    ("MUS", "Maurice"),        # fr for Mauritius; also a given name
    ("MUS", "Mauricio"),       # es for Mauritius; also a given name
    ("DMA", "Dominique"),      # fr for Dominica; also a given name
    ("LCA", "Santa Lucía"),    # es for Saint Lucia; many places in Latin America
    ("SHN", "Santa Elena"),    # es for Saint Helena; Ecuadorian province
    ("FSM", "Micronésie"),     # fr; also the fr name of the M49 sub-region
}


def is_acronym(s):
    """Short single-token codes such as UK, USA, CAR, PNG, DPRK, oPt. They are not
    put in `names` (which are matched case-insensitively: "car"!); the curated
    country_aliases.tsv carries them with case=cs."""
    return " " not in s and len(s) <= 5 and not (s[:1].isupper() and s[1:].islower())

# Values that are descriptive, not names.
SKIP_VALUES = {"Western Sahara, non-self-governing territory"}


def fold(s):
    """Case- and accent-insensitive key used for de-duplication and collisions."""
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = s.replace("-", " ").replace("'", "").replace(".", "")
    return re.sub(r"\s+", " ", s).strip().casefold()


def clean(s):
    s = s.replace("\u2019", "'").replace("\u2018", "'")
    s = re.sub(r"\s+", " ", s).strip()
    if s[:4].lower() == "the ":
        s = s[4:]
    return s


def variants(value, column):
    """Yield (name, derived) pairs for one CSV cell."""
    value = clean(value)
    if not value or value in SKIP_VALUES or " - " in value:
        return
    # "[Malvinas]"-style annotations and "(the)" carry nothing.
    value = re.sub(r"\s*\[[^\]]*\]", "", value)
    value = re.sub(r"\s*\(the\)", "", value).strip()
    if column in INVERTED_COLUMNS and ", " in value:
        head, tail = value.split(", ", 1)
        if tail.endswith(" of") or tail.endswith(" of the") or " " not in tail:
            yield clean(tail + " " + head), False
            yield clean(head), True
            return
        if value.startswith("China, "):
            yield value, False
            return
    yield value, False
    m = re.match(r"^(.*?)\s*\(([^)]*)\)\s*(.*)$", value)
    if m:
        stripped = clean((m.group(1) + " " + m.group(3)).strip())
        if stripped:
            yield stripped, True


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    repo = os.path.dirname(here)
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("shared", nargs="?", default=os.path.join(repo, "..", "shared"))
    ap.add_argument("--out", default=os.path.join(repo, "crates", "pressroom-enrich", "data", "countries.tsv"))
    args = ap.parse_args()
    src = os.path.join(args.shared, "gazetteer", "countries-territories-taxonomy.csv")
    with open(src, encoding="utf-8", newline="") as f:
        rows = [r for r in csv.DictReader(f)
                if r["ISO 3166-1 Alpha 3-Codes"].strip() and r["Deprecated"].strip() != "Y"]

    region_names = set()
    for r in rows:
        for col in ("Region Name", "Sub-region Name", "Intermediate Region Name"):
            if r[col].strip():
                region_names.add(fold(r[col]))

    # First pass: all candidate names per country.
    cands = {}
    for r in rows:
        iso3 = r["ISO 3166-1 Alpha 3-Codes"].strip()
        lst = []
        for col in NAME_COLUMNS:
            if r[col].strip():
                lst.extend(variants(r[col], col))
        cands[iso3] = lst

    owners = {}  # fold -> set of iso3
    for iso3, lst in cands.items():
        for name, _ in lst:
            owners.setdefault(fold(name), set()).add(iso3)

    out = []
    dropped = []
    for r in sorted(rows, key=lambda r: r["ISO 3166-1 Alpha 3-Codes"]):
        iso3 = r["ISO 3166-1 Alpha 3-Codes"].strip()
        english = clean(r["English Short"] or r["Preferred Term"])
        name = SHORT_NAME.get(iso3) or clean(re.sub(r"\s*\([^)]*\)", "", english))
        names, seen = [], set()
        ordered = [(name, False)] + cands[iso3]
        for n, derived in ordered:
            k = fold(n)
            # Accented and plain spellings are both kept (México and Mexico): the matcher
            # compares accents exactly.
            if n.casefold() in seen:
                continue
            if (iso3, n) in DROP_NAMES:
                dropped.append((iso3, n, "ambiguous in running text"))
                continue
            if is_acronym(n):
                dropped.append((iso3, n, "acronym (see country_aliases.tsv)"))
                continue
            if derived and (len(owners.get(k, ())) > 1 or (k in region_names and n != name)):
                dropped.append((iso3, n, "collides"))
                continue
            if n != name and k in region_names and k != fold(name):
                dropped.append((iso3, n, "M49 region name"))
                continue
            seen.add(n.casefold())
            names.append(n)
        for n in names:
            assert "|" not in n and "\t" not in n, n
        out.append([
            iso3,
            r["ISO 3166-1 Alpha 2-Codes"].strip(),
            r["m49 numerical code"].strip().zfill(3),
            name,
            r["Region Name"].strip(),
            r["Sub-region Name"].strip(),
            r["Intermediate Region Name"].strip(),
            "|".join(names),
        ])

    with open(args.out, "w", encoding="utf-8", newline="\n") as f:
        f.write("iso3\tiso2\tm49\tname\tregion\tsubregion\tintermediate\tnames\n")
        f.write("# generated by scripts/gen_countries.py from ../shared/gazetteer/"
                "countries-territories-taxonomy.csv (hdx-python-country, MIT); do not edit by hand\n")
        for row in out:
            f.write("\t".join(row) + "\n")
    for iso3, n, why in sorted(set(dropped)):
        print(f"dropped {iso3} {n!r}: {why}", file=sys.stderr)
    print(f"wrote {len(out)} rows to {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()

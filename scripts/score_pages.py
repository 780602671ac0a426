#!/usr/bin/env python3
"""Scores how `pressroom extract --format pages` reads real scraped press pages.

    python3 scripts/score_pages.py [--binary PATH] [--pages DIR] [--gold FILE]
                                   [--split tune|test|all] [--json OUT] [--show-failures]

The pages (`<site>-<lang>-<nnn>.txt`) and their gold file live outside the repository (the
text of real web pages is not ours to commit): by default `../realpages/pages` and
`../realpages/gold.jsonl` next to the repository, or `$PRESSROOM_REALPAGES/{pages,gold.jsonl}`.
Each gold line is `{"file", "url", "site", "lang", "title", "main_country", "split"}`.

For every page it checks, against the record whose id is `<folder name>:<file stem>`:

- title: the extracted title equals the gold headline once both are normalised (case,
  white space, quote and dash variants folded, a trailing site suffix such as
  ` | Site Name` or ` - HCR` dropped, and quotes around the whole headline);
- language: `lang` equals the gold language;
- main country: the gold country is among `main_countries` (pages with a gold country only);
- menu leak: the extracted title, or the first 200 characters of the body, holds a menu
  line. A menu line is a line that stands above the headline on at least 3 pages of the
  same site; the set is computed from the pages themselves.

It prints a table per language and per site, and with `--show-failures` every title
failure (gold vs got) with a rough kind (date line, menu entry, section label, URL line,
leftover HTML, document symbol, text after the headline...). Python standard library only.
"""

from __future__ import annotations

import argparse
import collections
import json
import os
import re
import subprocess
import sys
import unicodedata
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

QUOTES = dict.fromkeys(map(ord, "\u2018\u2019\u201a\u201b\u2032\u00b4`"), "'")
QUOTES.update(dict.fromkeys(map(ord, "\u201c\u201d\u201e\u201f\u00ab\u00bb\u2033"), '"'))
DASHES = dict.fromkeys(map(ord, "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"), "-")

MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|december|"
    "jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|"
    "janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|novembre|décembre|decembre|"
    "enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre"
)
WEEKDAYS = (
    "monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|wed|thu|fri|sat|sun|"
    "lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|"
    "lunes|martes|miércoles|miercoles|jueves|viernes|sábado|sabado|domingo"
)
DATE_WORD = re.compile(rf"\b({MONTHS}|{WEEKDAYS}|de|del|le|the|of|am|pm|updated|posted|publié|publicado)\b\.?", re.I)
NUMERIC_DATE = re.compile(r"\b\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}\b")
URL_LINE = re.compile(r"^\s*(url\s*:|https?://|www\.)", re.I)
SYMBOL = re.compile(r"^\s*[A-Z]{1,6}(/[A-Z0-9.]{1,12})+(\s*[-–]\s*[A-Z]{1,6}(/[A-Z0-9.]{1,12})+)*\s*$")
HTML_LEFTOVER = re.compile(r"</?[a-z][^>]*>|\balt=|\bsrc=|\|\s*\|\||&[a-z]+;|^[<>×]\s*$", re.I)
SECTION_LABEL = re.compile(
    r"^\s*((joint\s+)?(press|news|media)\s+(release|statement|briefing)s?|meetings?\s+coverage|"
    r"meeting\s+summar(y|ies)|news( stories)?|stories|statements?|briefing notes|"
    r"communiqués?( de presse)?|déclarations?|actualités|nouvelles|histoires|"
    r"comunicados?( de prensa)?|notas? de prensa|noticias|historias|declaraciones|"
    r"global|local|in progress at unhq|en cours au siège de l'onu|skip to main content|"
    r"aller au contenu( principal)?|ir al contenido( principal)?|fil d'ariane|breadcrumbs?|migas de pan)\b",
    re.I,
)
MEETING_LINE = re.compile(
    r"^(\S+([- ]\S+)?\s+(session|séance|sesión)\b|\d+\S*\s*(&\s*\d+\S*\s*)?(meetings?|séances?|sesiones?)\b|\d+\s*(e|ème|ème)\s+séance)",
    re.I,
)
BYLINE = re.compile(r"^(posted by|source|by|por|par|publié par|publicado por)\s*:?\s", re.I)
BOILERPLATE = re.compile(r"\s[•·]\s|\|\s*$")
DATELINE = re.compile(r"^[\w\s.,'()/-]{2,60}\s[-–—]\s|^[A-ZÀ-Þ][A-ZÀ-Þ .'-]{2,40},")
SUFFIX_BAR = re.compile(r"\s+[|│]\s+[^|]{1,80}$")
SUFFIX_DASH = re.compile(r"\s+[-–—]\s+(\S+(\s+\S+){0,3})$")


def fold(text: str) -> str:
    """Case, white space, quote and dash variants folded."""
    text = unicodedata.normalize("NFKC", text or "").translate(QUOTES).translate(DASHES)
    return " ".join(text.casefold().split())


def normalise_title(text: str) -> str:
    text = " ".join((text or "").split())
    text = SUFFIX_BAR.sub("", text)
    match = SUFFIX_DASH.search(text)
    if match and len(match.group(1)) <= 30:
        text = text[: match.start()]
    text = fold(text).strip(" .:;,-")
    # Quotes around the whole headline are its typography, not its words.
    # (the extractor drops them; `«`, `“` and `”` are folded to `"` above).
    if len(text) > 2 and text[0] == text[-1] == '"' and '"' not in text[1:-1]:
        text = text[1:-1].strip()
    return text


def is_date_line(line: str) -> bool:
    if not line or len(line) > 60:
        return False
    has_date = bool(re.search(rf"\b({MONTHS})\b", line, re.I)) or bool(NUMERIC_DATE.search(line))
    if not has_date:
        return False
    rest = DATE_WORD.sub(" ", NUMERIC_DATE.sub(" ", line))
    rest = re.sub(r"[\d\s,.:|/–—-]+|\b(st|nd|rd|th|er)\b|\(.*?\)", " ", rest, flags=re.I)
    return not rest.strip()


def page_lines(path: Path) -> list[str]:
    raw = path.read_text(encoding="utf-8", errors="replace")
    return [" ".join(line.split()) for line in raw.splitlines()]


def headline_index(lines: list[str], title: str) -> int | None:
    """The line where the gold headline starts (first line holding it, or that it starts with)."""
    target = fold(title)
    for index, line in enumerate(lines):
        folded = fold(line)
        if folded and (target in folded or (len(folded) >= 20 and target.startswith(folded))):
            return index
    return None


def menu_lines_by_site(pages_dir: Path, gold: list[dict]) -> dict[str, set[str]]:
    """Lines standing above the headline on at least 3 pages of the same site."""
    counts: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    for item in gold:
        path = pages_dir / item["file"]
        if not path.exists():
            continue
        lines = page_lines(path)
        index = headline_index(lines, item["title"])
        if index is None:
            continue
        above = {fold(line) for line in lines[:index] if re.search(r"\w", line)}
        above = {line for line in above if not URL_LINE.match(line)}
        counts[item["site"]].update(above)
    titles = {fold(item["title"]) for item in gold}
    return {
        site: {line for line, n in counter.items() if n >= 3 and line not in titles}
        for site, counter in counts.items()
    }


def contains_menu_line(text: str, menu: set[str]) -> str | None:
    """A menu line among the lines of `text`, or (for long, distinctive menu lines) inside it."""
    folded_lines = [fold(line) for line in (text or "").splitlines()]
    for line in folded_lines:
        if line in menu:
            return line
    joined = " ".join(folded_lines)
    for line in menu:
        if len(line) >= 12 and line in joined:
            return line
    return None


def failure_kind(got: str, item: dict, lines: list[str], menu: set[str]) -> str:
    gold_norm, got_norm = normalise_title(item["title"]), normalise_title(got)
    if not got.strip():
        return "empty title"
    if URL_LINE.match(got):
        return "URL line"
    if is_date_line(got):
        return "date line"
    if SYMBOL.match(got):
        return "document symbol (SC/…, SG/SM/…)"
    if HTML_LEFTOVER.search(got):
        return "leftover HTML / markup"
    if MEETING_LINE.match(got):
        return "session / meeting line"
    if BYLINE.match(got):
        return "byline / source line"
    if BOILERPLATE.search(got):
        return "header boilerplate (office line, separators)"
    if fold(got) in menu:
        return "menu entry (site navigation)"
    if SECTION_LABEL.match(got) and len(got.split()) <= 6:
        return "section label / breadcrumb"
    if got_norm and got_norm in gold_norm:
        return "partial headline (cut or one line of several)"
    if gold_norm and gold_norm in got_norm:
        return "headline with extra text glued"
    index = headline_index(lines, item["title"])
    position = next((i for i, line in enumerate(lines) if line and fold(line) == fold(got)), None)
    if position is not None and index is not None:
        if position > index:
            if DATELINE.match(got) or len(got.split()) > 25:
                return "body paragraph / dateline after headline"
            return "line after headline (subtitle, caption, label)"
        if len(got.split()) <= 6:
            return "short line above headline (menu/label)"
        return "prose line above headline (menu description, banner)"
    if DATELINE.match(got) or len(got.split()) > 25:
        return "body paragraph / dateline"
    return "other"


def extract(binary: str, pages_dir: Path) -> tuple[dict[str, dict], str]:
    command = [binary, "extract", "--format", "pages", "--with-text", str(pages_dir)]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    if result.returncode != 0 and not result.stdout:
        sys.exit(f"{' '.join(command)} failed ({result.returncode}):\n{result.stderr}")
    records = {}
    for line in result.stdout.splitlines():
        line = line.strip()
        if not line.startswith("{"):
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError:
            continue
        records[record.get("id", "")] = record
    return records, result.stderr.strip()


def score(args) -> dict:
    pages_dir = Path(args.pages).resolve()
    gold_all = [json.loads(line) for line in Path(args.gold).read_text(encoding="utf-8").splitlines() if line.strip()]
    menus = menu_lines_by_site(pages_dir, gold_all)
    records, stderr = extract(args.binary, pages_dir)
    gold = [item for item in gold_all if args.split == "all" or item.get("split") == args.split]
    results = []
    for item in gold:
        record_id = f"{pages_dir.name}:{Path(item['file']).stem}"
        record = records.get(record_id)
        lines = page_lines(pages_dir / item["file"])
        menu = menus.get(item["site"], set())
        got_title = (record or {}).get("title") or ""
        body = (record or {}).get("body") or ""
        title_ok = record is not None and normalise_title(got_title) == normalise_title(item["title"])
        lang_ok = record is not None and record.get("lang") == item["lang"]
        country = item.get("main_country")
        country_ok = None if not country else bool(record) and country in (record.get("main_countries") or [])
        leak = contains_menu_line(got_title, menu) or contains_menu_line(body[:200], menu)
        results.append({
            "file": item["file"], "id": record_id, "site": item["site"], "lang": item["lang"],
            "gold_title": item["title"], "title": got_title if record else None,
            "title_ok": title_ok, "lang_ok": lang_ok, "got_lang": (record or {}).get("lang"),
            "country_ok": country_ok, "gold_country": country,
            "got_countries": (record or {}).get("main_countries"),
            "menu_leak": bool(leak), "leak_line": leak,
            "kind": None if title_ok else ("missing record" if record is None else failure_kind(got_title, item, lines, menu)),
            "body_start": body[:200],
        })
    return {"split": args.split, "binary": args.binary, "pages": str(pages_dir), "extract_stderr": stderr,
            "menu_lines": {site: len(lines) for site, lines in sorted(menus.items())}, "results": results}


def summarise(rows: list[dict]) -> dict:
    countried = [r for r in rows if r["country_ok"] is not None]
    return {
        "pages": len(rows),
        "title": sum(r["title_ok"] for r in rows),
        "lang": sum(r["lang_ok"] for r in rows),
        "country": sum(bool(r["country_ok"]) for r in countried),
        "country_n": len(countried),
        "leak": sum(r["menu_leak"] for r in rows),
    }


def table(report: dict) -> str:
    rows = report["results"]
    groups = [("all", rows)]
    for key in ("lang", "site"):
        for value in sorted({r[key] for r in rows}):
            groups.append((f"{key}={value}", [r for r in rows if r[key] == value]))

    def pct(k: int, n: int) -> str:
        return f"{k:>3}/{n:<3} {100 * k / n:5.1f}%" if n else "      -      "

    out = [f"split={report['split']}  binary={report['binary']}  pages={report['pages']}",
           f"{'group':<22} {'pages':>5}  {'title right':>15}  {'lang right':>15}  {'country right':>15}  {'menu leak':>15}"]
    for name, group in groups:
        s = summarise(group)
        out.append(f"{name:<22} {s['pages']:>5}  {pct(s['title'], s['pages']):>15}  {pct(s['lang'], s['pages']):>15}  "
                   f"{pct(s['country'], s['country_n']):>15}  {pct(s['leak'], s['pages']):>15}")
    kinds = collections.Counter(r["kind"] for r in rows if r["kind"])
    if kinds:
        out.append("")
        out.append("title failures by kind:")
        for kind, n in kinds.most_common():
            out.append(f"  {n:>4}  {kind}")
    return "\n".join(out)


def failures(report: dict) -> str:
    out = []
    for r in report["results"]:
        problems = []
        if not r["title_ok"]:
            problems.append(f"title [{r['kind']}]\n    gold: {r['gold_title']}\n    got:  {r['title']}")
        if not r["lang_ok"]:
            problems.append(f"lang gold={r['lang']} got={r['got_lang']}")
        if r["country_ok"] is False:
            problems.append(f"country gold={r['gold_country']} got={r['got_countries']}")
        if r["menu_leak"]:
            problems.append(f"menu leak: {r['leak_line'][:80]!r}")
        if problems:
            out.append(f"{r['file']} ({r['site']}, {r['lang']})\n  " + "\n  ".join(problems))
    return "\n".join(out)


def main() -> None:
    shared = os.environ.get("PRESSROOM_REALPAGES")
    base = Path(shared) if shared else REPO.parent / "realpages"
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--binary", default=str(REPO / "target" / "release" / "pressroom"))
    parser.add_argument("--pages", default=str(base / "pages"))
    parser.add_argument("--gold", default=None, help="default: gold.jsonl next to the pages folder")
    parser.add_argument("--split", choices=("tune", "test", "all"), default="all")
    parser.add_argument("--json", dest="json_out")
    parser.add_argument("--show-failures", action="store_true")
    args = parser.parse_args()
    if args.gold is None:
        args.gold = str(Path(args.pages).resolve().parent / "gold.jsonl")
    report = score(args)
    print(table(report))
    if args.show_failures:
        print("\nfailures:\n" + failures(report))
    if args.json_out:
        report["summary"] = summarise(report["results"])
        Path(args.json_out).write_text(json.dumps(report, ensure_ascii=False, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
